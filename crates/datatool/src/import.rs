//! `ia-datatool import`: the maintainers' spreadsheet (CSV, one row per
//! agency, the columns of `ia_core::export::CSV_HEADERS`) → dataset file.
//!
//! The spreadsheet is compared with the previous dataset (whose top-level
//! fields are kept): every row is reported as accepted (new, changed field by
//! field, unchanged) or rejected with the row number the spreadsheet shows,
//! the column heading and the value; records missing from the spreadsheet are
//! listed as removed. Nothing is dropped silently: a rejected row of an
//! existing agency keeps the previous record (and says so), a rejected new row
//! is not added (and says so), and any rejection makes the exit code 1.
//!
//! What spreadsheet programs do to a CSV is undone and reported: another
//! encoding or cell separator (see [`crate::table`]), PLZ and AGS turned into
//! numbers (leading zeros restored: PLZ 5, AGS 8 digits), a decimal point
//! instead of a comma, dates as `TT.MM.JJJJ`, spaces around values, the
//! formula guard `'`. Rows without a position are placed offline exactly like
//! `build` places sourced records ([`Gazetteer::geocode`]); `AGS`, `Gemeinde`
//! and `Kreis` are filled in from the position when empty. Records that end
//! up at exactly the same position are spread like in `build`. The result is
//! written exactly as `build` writes (compact JSON sorted by id, final
//! newline), so exporting a dataset and importing the CSV unchanged gives
//! the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

use ia_core::dataset::{Address, Contact, Location, SCHEMA_VERSION};
use ia_core::export::{csv_values, CSV_HEADERS};
use ia_core::validate::{is_email, is_iso_date, is_phone, is_slug, validate_agency, FieldProblem};
use ia_core::{parse_dataset, Agency, Dataset, Offer, Precision, Topic, Umbrella};

use crate::build::{spread, COORDINATE_DECIMALS};
use crate::geometry::{contains, round_to, MultiPolygon};
use crate::mapping::{language_code, normalise_website};
use crate::places::{Gazetteer, PostcodeFallback};
use crate::slug::{base_id, name_key, slug};
use crate::table::{column_letter, decode, parse, Encoding, LineEnds};
use crate::{check, read_text, sizes, write_file, Error, Result};

/// The id of the example row in `docs/vorlage-agenturen.csv`; a row with it
/// is always rejected, so the example can never be published.
pub const EXAMPLE_ID: &str = "beispiel-agentur";

/// Default for `--max-removed`.
pub const DEFAULT_MAX_REMOVED: usize = 10;

/// Positions of the columns in [`CSV_HEADERS`].
pub mod col {
    pub const ID: usize = 0;
    pub const NAME: usize = 1;
    pub const CARRIER: usize = 2;
    pub const UMBRELLA: usize = 3;
    pub const STREET: usize = 4;
    pub const POSTCODE: usize = 5;
    pub const CITY: usize = 6;
    pub const AGS: usize = 7;
    pub const MUNICIPALITY: usize = 8;
    pub const KREIS: usize = 9;
    pub const LAT: usize = 10;
    pub const LON: usize = 11;
    pub const PRECISION: usize = 12;
    pub const OFFERS: usize = 13;
    pub const SERVICESTELLE: usize = 14;
    pub const TOPICS: usize = 15;
    pub const PHONE: usize = 16;
    pub const EMAIL: usize = 17;
    pub const WEBSITE: usize = 18;
    pub const LANGUAGES: usize = 19;
    pub const SOURCE: usize = 20;
    pub const NOTE: usize = 21;
    pub const VERIFIED: usize = 22;
    pub const SOURCE_SEEN: usize = 23;
    pub const SOURCE_DATE: usize = 24;
    /// Number of columns.
    pub const COUNT: usize = 25;
}

/// Field names of the dataset schema, accepted as headings too.
const SCHEMA_NAMES: [&str; col::COUNT] = [
    "id",
    "name",
    "carrier",
    "umbrella",
    "street",
    "postcode",
    "city",
    "ags",
    "municipality",
    "kreis",
    "lat",
    "lon",
    "precision",
    "offers",
    "antidiscrimination",
    "topics",
    "phone",
    "email",
    "website",
    "languages",
    "source_url",
    "source_note",
    "last_verified",
    "source_seen",
    "source_date",
];

/// Where `import` reads and writes.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub csv: PathBuf,
    pub previous: PathBuf,
    pub out: PathBuf,
    /// Reference data for geocoding (`raw/`); without it, rows must carry
    /// their position and AGS, Gemeinde and Kreis.
    pub shared: PathBuf,
    /// Committed inputs (`place-overrides.tsv`).
    pub data: PathBuf,
    /// Simplified NRW outline (the check is skipped if absent).
    pub outline: PathBuf,
    /// New `as_of` ("Stand") of the dataset; `None` keeps the previous one.
    pub as_of: Option<String>,
    /// More removed records than this block the import.
    pub max_removed: usize,
}

/// The place data an import may use.
#[derive(Debug, Clone, Copy, Default)]
pub struct Places<'a> {
    pub gazetteer: Option<&'a Gazetteer>,
    pub outline: Option<&'a MultiPolygon>,
}

/// Settings of one import.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Name of the spreadsheet file and of the previous dataset, for the report.
    pub csv_name: String,
    pub previous_name: String,
    pub as_of: Option<String>,
    pub max_removed: usize,
}

/// The outcome of an import: the new dataset and the report.
#[derive(Debug, Clone)]
pub struct Imported {
    pub dataset: Dataset,
    /// The dataset as written (compact JSON with a final newline).
    pub text: String,
    pub report: Report,
}

/// Everything the import has to say.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub csv_name: String,
    pub previous_name: String,
    pub previous_count: usize,
    pub previous_as_of: String,
    pub as_of: String,
    pub encoding: Option<Encoding>,
    pub delimiter: char,
    pub line_ends: Option<LineEnds>,
    pub data_rows: usize,
    pub blank_rows: usize,
    /// Notices about the whole file (encoding, headings, unknown columns, …).
    pub file_notes: Vec<String>,
    /// Values that were repaired.
    pub repairs: Vec<Repair>,
    pub rows: Vec<RowReport>,
    /// Previous records that no row names.
    pub removed: Vec<Agency>,
    /// Why nothing was written, when the import was blocked.
    pub blocked: Option<String>,
    pub records_written: usize,
    /// Raw and gzip size of the output.
    pub sizes: (usize, usize),
}

/// What happened to one row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowReport {
    /// Row number as the spreadsheet shows it.
    pub row: usize,
    /// The row's id (given or generated); `None` when it has none.
    pub id: Option<String>,
    pub status: RowStatus,
    pub problems: Vec<Problem>,
    /// Remarks (position computed, id generated, …).
    pub notes: Vec<String>,
    /// Field by field differences to the previous record (for new records:
    /// none; for a rejected row: what changed in the kept record, e.g. by spreading).
    pub changes: Vec<FieldChange>,
}

/// Outcome of one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowStatus {
    Unchanged,
    Changed,
    Added,
    /// The same content as an earlier row; ignored.
    Duplicate(usize),
    /// Rejected; the previous record with this id stays.
    RejectedKept,
    /// Rejected; there is no previous record, so nothing is added.
    RejectedNew,
}

impl RowStatus {
    pub fn is_rejected(&self) -> bool {
        matches!(self, RowStatus::RejectedKept | RowStatus::RejectedNew)
    }
}

/// Why a row was rejected: the column (heading, with the spreadsheet's
/// column letter), the value found and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `Spalte F „PLZ“`, or `None` for the row as a whole.
    pub column: Option<String>,
    pub value: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(column) = &self.column {
            write!(f, "{column}")?;
            if let Some(value) = &self.value {
                write!(f, " = „{}“", shown(value))?;
            }
            write!(f, ": ")?;
        }
        f.write_str(&self.message)
    }
}

/// One field that differs from the previous record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub heading: &'static str,
    pub old: String,
    pub new: String,
}

/// A value the import changed because a spreadsheet program damaged it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub row: usize,
    /// Index into [`CSV_HEADERS`].
    pub column: usize,
    /// What was done (German, used to group repairs of one kind).
    pub what: &'static str,
    pub from: String,
    pub to: String,
}

impl Report {
    /// Rows that were rejected.
    pub fn rejected(&self) -> usize {
        self.rows.iter().filter(|r| r.status.is_rejected()).count()
    }

    /// Whether the import failed in any way (exit code 1).
    pub fn failed(&self) -> bool {
        self.blocked.is_some() || self.rejected() > 0
    }

    fn count(&self, wanted: fn(&RowStatus) -> bool) -> usize {
        self.rows.iter().filter(|r| wanted(&r.status)).count()
    }
}

/// Runs the import and writes the output (unless blocked).
pub fn run(options: &ImportOptions) -> Result<Report> {
    let bytes = std::fs::read(&options.csv)
        .map_err(|err| Error(format!("cannot read {}: {err}", options.csv.display())))?;
    let previous_text = read_text(&options.previous)?;
    let previous = read_previous(&previous_text, &options.previous.display().to_string())?;
    let raw = options.shared.join("raw");
    let gazetteer = if raw.join("nrw-gemeinden.geojson").is_file() {
        Some(Gazetteer::load(
            &options.shared,
            &options.data.join("place-overrides.tsv"),
        )?)
    } else {
        None
    };
    let outline = if options.outline.is_file() {
        Some(check::read_outline(&options.outline)?)
    } else {
        None
    };
    let places = Places {
        gazetteer: gazetteer.as_ref(),
        outline: outline.as_ref(),
    };
    let settings = Settings {
        csv_name: options.csv.display().to_string(),
        previous_name: options.previous.display().to_string(),
        as_of: options.as_of.clone(),
        max_removed: options.max_removed,
    };
    let mut imported = import(&bytes, &previous, places, &settings)?;
    if gazetteer.is_none() {
        imported.report.file_notes.push(format!(
            "Ortsdaten nicht gefunden ({}): Positionen können nicht berechnet werden; \
             Zeilen brauchen Breitengrad, Längengrad, Genauigkeit, AGS, Gemeinde und Kreis.",
            raw.display()
        ));
    }
    if outline.is_none() {
        imported.report.file_notes.push(format!(
            "NRW-Umriss nicht gefunden ({}): nur grob geprüft, ob Positionen in NRW liegen.",
            options.outline.display()
        ));
    }
    if imported.report.blocked.is_none() {
        write_file(&options.out, imported.text.as_bytes())?;
    }
    Ok(imported.report)
}

/// Reads the previous dataset strictly: every record must load.
pub fn read_previous(text: &str, name: &str) -> Result<Dataset> {
    let loaded = parse_dataset(text).map_err(|err| Error(format!("{name}: {err}")))?;
    if !loaded.skipped.is_empty() {
        let problems: Vec<String> = loaded.skipped.iter().map(ToString::to_string).collect();
        return Err(Error(format!(
            "{name}: the previous dataset has broken records, so it cannot be compared (run `ia-datatool validate`):\n{}",
            problems.join("\n")
        )));
    }
    Ok(Dataset {
        schema_version: SCHEMA_VERSION,
        meta: loaded.meta,
        agencies: loaded.agencies,
    })
}

/// Imports a CSV file's bytes against the previous dataset. `Err` only for
/// problems with the file as a whole (unreadable, no header, missing columns).
pub fn import(
    bytes: &[u8],
    previous: &Dataset,
    places: Places,
    settings: &Settings,
) -> Result<Imported> {
    let mut report = Report {
        csv_name: settings.csv_name.clone(),
        previous_name: settings.previous_name.clone(),
        previous_count: previous.agencies.len(),
        previous_as_of: previous.meta.as_of.clone(),
        ..Report::default()
    };
    let (text, encoding) = decode(bytes)?;
    report.encoding = Some(encoding);
    if encoding == Encoding::Windows1252 {
        report.file_notes.push(
            "Die Datei ist nicht UTF-8 und wurde als Windows-1252 (ANSI) gelesen. Bitte prüfen Sie Umlaute \
             (ä, ö, ü, ß) in den Änderungen unten und speichern Sie künftig als „CSV UTF-8“."
                .into(),
        );
    }
    let table = parse(&text)?;
    report.delimiter = table.delimiter;
    report.line_ends = Some(table.line_ends);
    if table.delimiter != ';' {
        report.file_notes.push(format!(
            "Zellen sind durch „{}“ statt „;“ getrennt (so erkannt an der Überschriftenzeile); gelesen.",
            shown(&table.delimiter.to_string())
        ));
    }
    let Some((header, data)) = table.rows.split_first() else {
        return Err(Error(
            "Die Datei ist leer: die erste Zeile muss die Überschriften enthalten.".into(),
        ));
    };
    let columns = map_columns(
        &header.cells,
        &data_rows_cells(data),
        &mut report.file_notes,
    )?;

    // Read every row.
    let mut reader = RowReader {
        columns: &columns,
        header_len: header.cells.len(),
        repairs: Vec::new(),
    };
    let mut rows: Vec<ParsedRow> = Vec::new();
    for row in data {
        if row.is_blank() {
            report.blank_rows += 1;
            continue;
        }
        report.data_rows += 1;
        rows.push(reader.read(row.number, &row.cells));
    }
    report.repairs = reader.repairs;

    let previous_by_id: HashMap<&str, &Agency> = previous
        .agencies
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();

    mark_duplicate_rows(&mut rows);
    assign_missing_ids(&mut rows);
    reject_conflicting_ids(&mut rows);
    for row in rows.iter_mut().filter(|r| r.duplicate_of.is_none()) {
        if row.problems.is_empty() {
            let before = row
                .id
                .as_deref()
                .and_then(|id| previous_by_id.get(id).copied());
            complete(row, before, places, &columns);
        }
    }

    // Merge: accepted rows, and the previous record for rejected ones.
    let mut merged: BTreeMap<String, Agency> = BTreeMap::new();
    let mut named: BTreeSet<String> = BTreeSet::new();
    for row in rows.iter().filter(|r| r.duplicate_of.is_none()) {
        let Some(id) = &row.id else { continue };
        named.insert(id.clone());
        match (&row.agency, row.problems.is_empty()) {
            (Some(agency), true) => {
                merged.insert(id.clone(), agency.clone());
            }
            _ => {
                if let Some(before) = previous_by_id.get(id.as_str()) {
                    merged.insert(id.clone(), (*before).clone());
                }
            }
        }
    }
    report.removed = previous
        .agencies
        .iter()
        .filter(|a| !named.contains(&a.id))
        .cloned()
        .collect();

    let mut agencies: Vec<Agency> = merged.into_values().collect();
    let spread_groups = spread(&mut agencies);
    if !spread_groups.is_empty() {
        report.file_notes.push(format!(
            "Einträge mit genau gleicher Position wurden im Kreis ({} m) auseinandergezogen, damit sie \
             auf der Karte nicht übereinander liegen: {}",
            crate::build::SPREAD_RADIUS_M,
            spread_groups.join("; ")
        ));
    }
    let result_by_id: HashMap<&str, &Agency> =
        agencies.iter().map(|a| (a.id.as_str(), a)).collect();

    for row in &rows {
        let status;
        let mut changes = Vec::new();
        let before = row
            .id
            .as_deref()
            .and_then(|id| previous_by_id.get(id).copied());
        let after = row
            .id
            .as_deref()
            .and_then(|id| result_by_id.get(id).copied());
        if let Some(of) = row.duplicate_of {
            status = RowStatus::Duplicate(of);
        } else if !row.problems.is_empty() {
            status = if before.is_some() {
                RowStatus::RejectedKept
            } else {
                RowStatus::RejectedNew
            };
            if let (Some(before), Some(after)) = (before, after) {
                changes = diff(before, after);
            }
        } else {
            match (before, after) {
                (None, _) => status = RowStatus::Added,
                (Some(before), Some(after)) => {
                    changes = diff(before, after);
                    status = if changes.is_empty() {
                        RowStatus::Unchanged
                    } else {
                        RowStatus::Changed
                    };
                }
                (Some(_), None) => status = RowStatus::Unchanged,
            }
        }
        report.rows.push(RowReport {
            row: row.number,
            id: row.id.clone(),
            status,
            problems: row.problems.clone(),
            notes: row.notes.clone(),
            changes,
        });
    }

    let mut meta = previous.meta.clone();
    if let Some(as_of) = &settings.as_of {
        let date = parse_date(as_of)
            .ok_or_else(|| Error(format!("--as-of {as_of:?}: not a date (JJJJ-MM-TT)")))?;
        meta.as_of = date.0;
    }
    report.as_of = meta.as_of.clone();
    report.records_written = agencies.len();
    if agencies.is_empty() {
        report.blocked = Some(
            "Der neue Datensatz wäre leer. Nichts wurde geschrieben. Enthält die Tabelle Datenzeilen unter \
             der Überschriftenzeile?"
                .into(),
        );
    } else if report.removed.len() > settings.max_removed {
        report.blocked = Some(format!(
            "{} Einträge des bisherigen Datensatzes fehlen in der Tabelle und würden entfernt (erlaubt: {}). \
             Stammt die Tabelle aus einer gefilterten Liste? Nichts wurde geschrieben. Wenn das Entfernen \
             gewollt ist, wiederholen Sie den Import mit --max-removed {}.",
            report.removed.len(),
            settings.max_removed,
            report.removed.len()
        ));
    }
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        meta,
        agencies,
    };
    let mut text = serde_json::to_string(&dataset)
        .map_err(|err| Error(format!("cannot serialise the dataset: {err}")))?;
    text.push('\n');
    let checked = check::check_text(&text, places.outline);
    if !checked.messages.is_empty() {
        return Err(Error(format!(
            "Der erzeugte Datensatz besteht die Prüfung nicht (ein Fehler im Werkzeug; bitte melden):\n{}",
            checked.messages.join("\n")
        )));
    }
    let gzip = sizes::gzip_len(text.as_bytes())?;
    report.sizes = (text.len(), gzip);
    if gzip > sizes::DATASET_BUDGET {
        report.file_notes.push(format!(
            "Der Datensatz ist {gzip} Bytes groß (gzip), mehr als die geplanten {} Bytes; die App lädt \
             etwas langsamer. Bitte den Entwicklern Bescheid geben.",
            sizes::DATASET_BUDGET
        ));
    }
    Ok(Imported {
        dataset,
        text,
        report,
    })
}

/// The data cells of all rows, for counting content of unknown columns.
fn data_rows_cells(rows: &[crate::table::Row]) -> Vec<&[String]> {
    rows.iter().map(|r| r.cells.as_slice()).collect()
}

/// File column index standing for a column the file does not have (beyond
/// any real column, so it reads as empty).
const ABSENT_COLUMN: usize = 100_000;

/// Matches the header cells to the columns: `map[schema column] = file column`.
fn map_columns(
    header: &[String],
    data: &[&[String]],
    notes: &mut Vec<String>,
) -> Result<Vec<usize>> {
    let mut found: Vec<Option<usize>> = vec![None; col::COUNT];
    let mut problems = Vec::new();
    for (position, cell) in header.iter().enumerate() {
        let heading = cell.trim_start_matches('\u{feff}').trim();
        let letter = column_letter(position);
        let filled = data
            .iter()
            .filter(|cells| cells.get(position).is_some_and(|c| !c.trim().is_empty()))
            .count();
        if heading.is_empty() {
            if filled > 0 {
                notes.push(format!(
                    "Spalte {letter} hat keine Überschrift und wird nicht übernommen ({}).",
                    cells_with_content(filled)
                ));
            }
            continue;
        }
        let key = slug(heading);
        let Some(index) =
            (0..col::COUNT).find(|&i| slug(CSV_HEADERS[i]) == key || slug(SCHEMA_NAMES[i]) == key)
        else {
            notes.push(format!(
                "Spalte {letter} „{}“ ist unbekannt und wird nicht übernommen ({}).",
                shown(heading),
                cells_with_content(filled)
            ));
            continue;
        };
        if let Some(first) = found[index] {
            problems.push(format!(
                "Die Spalte „{}“ kommt zweimal vor (Spalten {} und {letter}).",
                CSV_HEADERS[index],
                column_letter(first)
            ));
            continue;
        }
        if heading != CSV_HEADERS[index] {
            notes.push(format!(
                "Überschrift „{}“ (Spalte {letter}) als „{}“ gelesen.",
                shown(heading),
                CSV_HEADERS[index]
            ));
        }
        found[index] = Some(position);
    }
    // The two date columns of schema v2 may be missing (a table exported
    // before them). Like the loader reading a version 1 dataset, such a
    // table's "Zuletzt geprüft" is the date the source was read; the
    // confirmation date and "Stand der Quelle" stay as they were.
    if found[col::SOURCE_SEEN].is_none() {
        if let Some(verified) = found[col::VERIFIED] {
            notes.push(format!(
                "Spalte „{}“ fehlt (Tabelle aus der Zeit vor Datensatz-Version 2): „{}“ wird \
                 als „{}“ gelesen (wie in Version 1); die Bestätigung durch eine Person bleibt, \
                 wie sie war.",
                CSV_HEADERS[col::SOURCE_SEEN],
                CSV_HEADERS[col::VERIFIED],
                CSV_HEADERS[col::SOURCE_SEEN],
            ));
            found[col::SOURCE_SEEN] = Some(verified);
            found[col::VERIFIED] = Some(ABSENT_COLUMN + col::VERIFIED);
        }
    }
    if found[col::SOURCE_DATE].is_none() {
        notes.push(format!(
            "Spalte „{}“ fehlt (Tabelle aus der Zeit vor Datensatz-Version 2): bisherige \
             Angaben werden übernommen.",
            CSV_HEADERS[col::SOURCE_DATE]
        ));
        found[col::SOURCE_DATE] = Some(ABSENT_COLUMN + col::SOURCE_DATE);
    }
    let missing: Vec<&str> = (0..col::COUNT)
        .filter(|&i| found[i].is_none())
        .map(|i| CSV_HEADERS[i])
        .collect();
    if !missing.is_empty() {
        let seen: Vec<String> = header
            .iter()
            .map(|h| format!("„{}“", shown(h.trim())))
            .collect();
        problems.push(format!(
            "Es fehlen Spalten: {}. Die erste Zeile muss alle {} Überschriften der Vorlage enthalten \
             (docs/vorlage-agenturen.csv); gefunden: {}.",
            missing.join(", "),
            col::COUNT,
            seen.join(" ")
        ));
    }
    if !problems.is_empty() {
        return Err(Error(format!(
            "Die Tabelle kann nicht gelesen werden:\n  {}",
            problems.join("\n  ")
        )));
    }
    Ok(found.into_iter().flatten().collect())
}

/// `1 Zeile`, `2 Zeilen`.
fn count_of(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn cells_with_content(n: usize) -> String {
    match n {
        0 => "alle Zellen leer".into(),
        1 => "1 Zelle mit Inhalt".into(),
        n => format!("{n} Zellen mit Inhalt"),
    }
}

/// One data row, read and checked.
#[derive(Debug, Clone)]
struct ParsedRow {
    number: usize,
    /// The values after cleaning, in [`CSV_HEADERS`] order.
    values: Vec<String>,
    id: Option<String>,
    fields: Fields,
    agency: Option<Agency>,
    problems: Vec<Problem>,
    notes: Vec<String>,
    duplicate_of: Option<usize>,
}

/// The typed fields of a row (before the position is completed).
#[derive(Debug, Clone, Default)]
struct Fields {
    name: String,
    carrier: String,
    umbrella: Option<Umbrella>,
    street: Option<String>,
    postcode: Option<String>,
    city: String,
    ags: Option<String>,
    municipality: Option<String>,
    kreis: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    precision: Option<Precision>,
    offers: Vec<Offer>,
    antidiscrimination: bool,
    topics: Vec<Topic>,
    phone: Option<String>,
    email: Option<String>,
    website: Option<String>,
    languages: Vec<String>,
    source_url: String,
    source_note: Option<String>,
    last_verified: String,
    source_seen: String,
    source_date: Option<String>,
}

/// Reads rows, collecting repairs.
struct RowReader<'a> {
    /// `columns[schema column] = file column`.
    columns: &'a [usize],
    /// Number of cells in the header row.
    header_len: usize,
    repairs: Vec<Repair>,
}

/// The cells of one row with where they came from, for messages.
struct Cells<'a> {
    number: usize,
    columns: &'a [usize],
    values: Vec<String>,
    problems: Vec<Problem>,
    repairs: Vec<Repair>,
}

impl Cells<'_> {
    fn heading(&self, column: usize) -> String {
        format!(
            "Spalte {} „{}“",
            column_letter(self.columns[column]),
            CSV_HEADERS[column]
        )
    }

    fn value(&self, column: usize) -> &str {
        &self.values[column]
    }

    fn optional(&self, column: usize) -> Option<String> {
        let value = self.value(column);
        (!value.is_empty()).then(|| value.to_owned())
    }

    fn problem(&mut self, column: usize, message: impl Into<String>) {
        let value = self.values[column].clone();
        self.problems.push(Problem {
            column: Some(self.heading(column)),
            value: Some(value),
            message: message.into(),
        });
    }

    fn repair(&mut self, column: usize, what: &'static str, to: String) {
        let from = std::mem::replace(&mut self.values[column], to.clone());
        self.repairs.push(Repair {
            row: self.number,
            column,
            what,
            from,
            to,
        });
    }

    fn required(&mut self, column: usize) -> String {
        let value = self.value(column).to_owned();
        if value.is_empty() {
            self.problem(column, "darf nicht leer sein");
        }
        value
    }
}

impl RowReader<'_> {
    fn read(&mut self, number: usize, raw: &[String]) -> ParsedRow {
        let mut cells = Cells {
            number,
            columns: self.columns,
            values: Vec::with_capacity(col::COUNT),
            problems: Vec::new(),
            repairs: Vec::new(),
        };
        for column in 0..col::COUNT {
            let cell = raw
                .get(self.columns[column])
                .map(String::as_str)
                .unwrap_or("");
            cells.values.push(cell.to_owned());
            let trimmed = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            if trimmed.len() != cell.len() {
                cells.repair(
                    column,
                    "Leerzeichen am Anfang/Ende entfernt",
                    trimmed.to_owned(),
                );
            }
            let value = cells.values[column].clone();
            cells.values[column] = unguard(&value).to_owned();
        }
        if let Some(last) = (self.header_len..raw.len())
            .rev()
            .find(|&i| !raw[i].trim().is_empty())
        {
            cells.problems.push(Problem {
                column: None,
                value: None,
                message: format!(
                    "die Zeile hat Inhalt rechts der letzten Spalte (in Spalte {}); steht ein \
                     Trennzeichen in einer Zelle, so dass die Werte verrutscht sind?",
                    column_letter(last)
                ),
            });
        }

        let fields = read_fields(&mut cells);
        let id = cells.optional(col::ID);
        if fields.name.starts_with("BEISPIEL") {
            cells.problem(
                col::NAME,
                "das ist die Beispielzeile aus der Vorlage; bitte löschen Sie die Zeile",
            );
        }
        if let Some(id) = &id {
            if id == EXAMPLE_ID {
                cells.problem(
                    col::ID,
                    "das ist die Beispielzeile aus der Vorlage; bitte löschen Sie die Zeile",
                );
            } else if !is_slug(id) {
                let suggestion = slug(id);
                cells.problem(
                    col::ID,
                    format!(
                        "darf nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche enthalten{}; \
                         für eine neue Agentur lassen Sie die Zelle leer",
                        if suggestion.is_empty() {
                            String::new()
                        } else {
                            format!(" (z. B. „{suggestion}“)")
                        }
                    ),
                );
            }
        }
        self.repairs.append(&mut cells.repairs);
        ParsedRow {
            number,
            id,
            fields,
            agency: None,
            problems: cells.problems,
            notes: Vec::new(),
            duplicate_of: None,
            values: cells.values,
        }
    }
}

/// Undoes the formula guard of `ia_core::export`: a `'` before one of the
/// formula characters or another `'`.
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest.starts_with(ia_core::export::FORMULA_START_CHARS) || rest.starts_with('\'') =>
        {
            rest
        }
        _ => cell,
    }
}

fn read_fields(cells: &mut Cells) -> Fields {
    let mut fields = Fields {
        name: cells.required(col::NAME),
        carrier: cells.required(col::CARRIER),
        city: cells.required(col::CITY),
        street: cells.optional(col::STREET),
        municipality: cells.optional(col::MUNICIPALITY),
        kreis: cells.optional(col::KREIS),
        source_note: cells.optional(col::NOTE),
        ..Fields::default()
    };
    fields.umbrella = read_umbrella(cells);
    fields.postcode = read_digits(cells, col::POSTCODE, 5, "muss aus fünf Ziffern bestehen");
    // A record known only by its Kreis (Genauigkeit "kreis") has the
    // 5-digit key of the Kreis.
    let kreis_only = cells.value(col::PRECISION) == Precision::Kreis.code();
    fields.ags = if kreis_only {
        read_digits(
            cells,
            col::AGS,
            5,
            "muss bei Genauigkeit „kreis“ der 5-stellige Schlüssel des Kreises sein (beginnt mit 05)",
        )
    } else {
        read_digits(
            cells,
            col::AGS,
            8,
            "muss der 8-stellige Gemeindeschlüssel sein (beginnt mit 05) oder leer bleiben",
        )
    };
    if let Some(ags) = &fields.ags {
        if !ags.starts_with("05") {
            cells.problem(
                col::AGS,
                "muss der Gemeindeschlüssel einer Gemeinde in NRW sein (beginnt mit 05); leer lassen, dann wird er aus der Position berechnet",
            );
        }
    }
    fields.lat = read_coordinate(cells, col::LAT);
    fields.lon = read_coordinate(cells, col::LON);
    if let (Some(lat), Some(lon)) = (fields.lat, fields.lon) {
        if (5.0..10.0).contains(&lat) && (50.0..53.0).contains(&lon) {
            cells.problem(
                col::LAT,
                format!(
                    "Breitengrad und Längengrad scheinen vertauscht (in NRW ist der Breitengrad etwa 50–52, \
                     der Längengrad etwa 6–9; Längengrad ist {})",
                    cells.value(col::LON)
                ),
            );
        }
    }
    if fields.lat.is_some() != fields.lon.is_some() {
        let empty = if fields.lat.is_none() {
            col::LAT
        } else {
            col::LON
        };
        cells.problem(
            empty,
            "Breitengrad und Längengrad: entweder beide ausfüllen oder beide leer lassen (dann wird die Position berechnet)",
        );
    }
    fields.precision = read_vocab(
        cells,
        col::PRECISION,
        Precision::ALL,
        Precision::code,
        Precision::label_de,
    );
    fields.offers = read_list(cells, col::OFFERS, Offer::ALL, Offer::code, Offer::label_de);
    fields.topics = read_list(cells, col::TOPICS, Topic::ALL, Topic::code, Topic::label_de);
    fields.antidiscrimination = read_yes_no(cells, col::SERVICESTELLE);
    fields.phone = read_phone(cells);
    fields.email = read_email(cells);
    fields.website = read_url(cells, col::WEBSITE, false);
    fields.languages = read_languages(cells);
    fields.source_url = read_url(cells, col::SOURCE, true).unwrap_or_default();
    fields.last_verified = read_date(cells, col::VERIFIED);
    fields.source_seen = read_date(cells, col::SOURCE_SEEN);
    fields.source_date = cells.optional(col::SOURCE_DATE);
    if let Some(date) = &fields.source_date {
        if !ia_core::validate::is_source_date(date) {
            cells.problem(
                col::SOURCE_DATE,
                "muss ein Jahr (2021), ein Monat (2021-09) oder ein Datum (2021-09-30) sein",
            );
        }
    }
    fields
}

fn read_umbrella(cells: &mut Cells) -> Option<Umbrella> {
    let value = cells.value(col::UMBRELLA).to_owned();
    if value.is_empty() {
        cells.problem(
            col::UMBRELLA,
            format!(
                "darf nicht leer sein; erlaubt: {} (unknown = nicht angegeben)",
                codes(Umbrella::ALL, Umbrella::code)
            ),
        );
        return None;
    }
    if let Some(found) = read_vocab(
        cells,
        col::UMBRELLA,
        Umbrella::ALL,
        Umbrella::code,
        Umbrella::label_de,
    ) {
        return Some(found);
    }
    None
}

/// All codes of a vocabulary, for messages.
fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> String {
    all.iter().map(|v| code(*v)).collect::<Vec<_>>().join(", ")
}

/// Looks a vocabulary value up by code, or (reported as a repair) by its code
/// in other case or its German label. `None` (with a problem) when unknown.
fn lookup<T: Copy>(
    text: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Option<(T, bool)> {
    if let Some(found) = all.iter().find(|v| code(**v) == text) {
        return Some((*found, true));
    }
    let key = name_key(text);
    if key.is_empty() {
        return None;
    }
    all.iter()
        .find(|v| name_key(code(**v)) == key || name_key(label(**v)) == key)
        .map(|v| (*v, false))
}

fn read_vocab<T: Copy>(
    cells: &mut Cells,
    column: usize,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Option<T> {
    let value = cells.value(column).to_owned();
    if value.is_empty() {
        return None;
    }
    let found = lookup(&value, all, code, label).or_else(|| {
        // The sourced spellings of the umbrellas ("Paritätischer", "Arbeiterwohlfahrt").
        if column == col::UMBRELLA {
            crate::mapping::umbrella(&value).and_then(|u| {
                all.iter()
                    .find(|v| code(**v) == u.code())
                    .map(|v| (*v, false))
            })
        } else {
            None
        }
    });
    match found {
        Some((found, true)) => Some(found),
        Some((found, false)) => {
            cells.repair(
                column,
                "Bezeichnung in den Code umgewandelt",
                code(found).to_owned(),
            );
            Some(found)
        }
        None => {
            cells.problem(
                column,
                format!("unbekannter Wert; erlaubt: {}", codes(all, code)),
            );
            None
        }
    }
}

fn split_list(value: &str) -> Vec<&str> {
    value
        .split([';', ','])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect()
}

fn read_list<T: Copy + Ord>(
    cells: &mut Cells,
    column: usize,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<T> {
    let value = cells.value(column).to_owned();
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    let mut relabelled = false;
    for item in split_list(&value) {
        match lookup(item, all, code, label) {
            Some((v, exact)) => {
                relabelled |= !exact;
                found.push(v);
            }
            None => unknown.push(format!("„{}“", shown(item))),
        }
    }
    if !unknown.is_empty() {
        cells.problem(
            column,
            format!(
                "unbekannt: {}; erlaubt sind (durch „;“ getrennt): {}",
                unknown.join(", "),
                codes(all, code)
            ),
        );
        return Vec::new();
    }
    let n_items = found.len();
    found.sort();
    found.dedup();
    let canonical = found
        .iter()
        .map(|v| code(*v))
        .collect::<Vec<_>>()
        .join("; ");
    if relabelled || n_items != found.len() {
        let what = if n_items != found.len() {
            "doppelte Einträge entfernt"
        } else {
            "Bezeichnungen in Codes umgewandelt"
        };
        cells.repair(column, what, canonical);
    }
    found
}

fn read_languages(cells: &mut Cells) -> Vec<String> {
    let value = cells.value(col::LANGUAGES).to_owned();
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    let mut renamed = false;
    for item in split_list(&value) {
        if (2..=3).contains(&item.len()) && item.bytes().all(|b| b.is_ascii_lowercase()) {
            found.push(item.to_owned());
        } else if let Some(code) = language_code(item) {
            renamed = true;
            found.push(code.to_owned());
        } else {
            unknown.push(format!("„{}“", shown(item)));
        }
    }
    if !unknown.is_empty() {
        cells.problem(
            col::LANGUAGES,
            format!(
                "unbekannte Sprache: {}; bitte Sprachcodes nach ISO 639-1 wie de, en, tr, ar, ru, uk \
                 durch „;“ getrennt",
                unknown.join(", ")
            ),
        );
        return Vec::new();
    }
    let n_items = found.len();
    found.sort();
    found.dedup();
    if renamed || n_items != found.len() {
        let what = if n_items != found.len() {
            "doppelte Einträge entfernt"
        } else {
            "Sprachnamen in Sprachcodes umgewandelt"
        };
        cells.repair(col::LANGUAGES, what, found.join("; "));
    }
    found
}

/// PLZ or AGS: digits, with the leading zeros restored that a spreadsheet
/// drops when it takes the value for a number.
fn read_digits(cells: &mut Cells, column: usize, len: usize, message: &str) -> Option<String> {
    let value = cells.value(column).to_owned();
    if value.is_empty() {
        return None;
    }
    if value.len() < len && value.bytes().all(|b| b.is_ascii_digit()) {
        let padded = format!("{value:0>len$}");
        cells.repair(
            column,
            "führende Nullen ergänzt (das Tabellenprogramm hatte eine Zahl daraus gemacht)",
            padded.clone(),
        );
        return Some(padded);
    }
    if value.len() == len && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(value);
    }
    cells.problem(column, message);
    None
}

fn read_coordinate(cells: &mut Cells, column: usize) -> Option<f64> {
    let value = cells.value(column).to_owned();
    if value.is_empty() {
        return None;
    }
    let separators = value.matches([',', '.']).count();
    let parsed = (separators <= 1)
        .then(|| ia_core::geo::parse_decimal(&value.replace(',', ".")))
        .flatten();
    if parsed.is_none() {
        cells.problem(
            column,
            "muss eine Dezimalzahl sein, z. B. 50,77601 (Komma oder Punkt, keine Tausenderpunkte)",
        );
    }
    parsed
}

fn read_yes_no(cells: &mut Cells, column: usize) -> bool {
    let value = cells.value(column).to_owned();
    match value.to_lowercase().as_str() {
        "ja" => true,
        "nein" => false,
        "" => {
            cells.repair(column, "leere Zelle als „nein“ gelesen", "nein".into());
            false
        }
        "j" | "yes" | "y" | "true" | "wahr" | "x" | "1" => {
            cells.repair(column, "als „ja“ gelesen", "ja".into());
            true
        }
        "n" | "no" | "false" | "falsch" | "0" | "-" => {
            cells.repair(column, "als „nein“ gelesen", "nein".into());
            false
        }
        _ => {
            cells.problem(column, "muss „ja“ oder „nein“ sein");
            false
        }
    }
}

fn read_phone(cells: &mut Cells) -> Option<String> {
    let value = cells.value(col::PHONE).to_owned();
    if value.is_empty() {
        return None;
    }
    if value.contains(['E', 'e']) && value.contains('+') {
        cells.problem(
            col::PHONE,
            "das Tabellenprogramm hat die Nummer in eine Zahl umgewandelt; bitte die Nummer neu eingeben \
             (mit Leerzeichen, z. B. 0221 123456)",
        );
        return None;
    }
    let mut phone = value;
    if phone.bytes().all(|b| b.is_ascii_digit()) && !phone.starts_with('0') {
        let fixed = format!("0{phone}");
        cells.repair(
            col::PHONE,
            "führende 0 ergänzt (das Tabellenprogramm hatte eine Zahl daraus gemacht)",
            fixed.clone(),
        );
        phone = fixed;
    }
    if !is_phone(&phone) {
        cells.problem(
            col::PHONE,
            "muss eine Telefonnummer sein, z. B. 0221 123456 oder +49 221 123456 (nur Ziffern, Leerzeichen und + - / ( ))",
        );
        return None;
    }
    Some(phone)
}

fn read_email(cells: &mut Cells) -> Option<String> {
    let value = cells.value(col::EMAIL).to_owned();
    if value.is_empty() {
        return None;
    }
    let mut email = value;
    if email.to_ascii_lowercase().starts_with("mailto:") {
        let fixed = email["mailto:".len()..].trim().to_owned();
        cells.repair(col::EMAIL, "„mailto:“ entfernt", fixed.clone());
        email = fixed;
    }
    if !is_email(&email) {
        cells.problem(
            col::EMAIL,
            "muss eine E-Mail-Adresse sein, z. B. name@example.org",
        );
        return None;
    }
    Some(email)
}

fn read_url(cells: &mut Cells, column: usize, required: bool) -> Option<String> {
    let value = cells.value(column).to_owned();
    if value.is_empty() {
        if required {
            cells.problem(
                column,
                "darf nicht leer sein: die Internetseite, auf der die Angaben stehen (https://…)",
            );
        }
        return None;
    }
    match normalise_website(&value) {
        Some(url) if url == value => Some(url),
        Some(url) => {
            cells.repair(column, "„https://“ ergänzt", url.clone());
            Some(url)
        }
        None => {
            cells.problem(
                column,
                "muss eine Internetadresse sein, die mit https:// oder http:// beginnt",
            );
            None
        }
    }
}

/// A date column that may be empty ("Zuletzt geprüft": empty until a person
/// confirmed the record; "Quelle gelesen": empty keeps the previous date).
fn read_date(cells: &mut Cells, column: usize) -> String {
    let value = cells.value(column).to_owned();
    if value.is_empty() {
        return String::new();
    }
    match parse_date(&value) {
        Some((date, false)) => date,
        Some((date, true)) => {
            cells.repair(
                column,
                "Datum ins Format JJJJ-MM-TT umgewandelt",
                date.clone(),
            );
            date
        }
        None => {
            cells.problem(
                column,
                "muss ein Datum sein, z. B. 24.11.2026 oder 2026-11-24",
            );
            String::new()
        }
    }
}

/// `JJJJ-MM-TT` (unchanged), or `TT.MM.JJJJ`, `T.M.JJJJ`, `TT.MM.JJ` (20JJ)
/// and `JJJJ-MM-TT 00:00:00` converted (`true`).
pub fn parse_date(text: &str) -> Option<(String, bool)> {
    if is_iso_date(text) {
        return Some((text.to_owned(), false));
    }
    if let (Some(date), Some(rest)) = (text.get(..10), text.get(10..)) {
        if is_iso_date(date) && (rest.starts_with(' ') || rest.starts_with('T')) {
            return Some((date.to_owned(), true));
        }
    }
    let parts: Vec<&str> = text.split('.').collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let number = |part: &str, lengths: &[usize]| {
        (lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (day, month) = (number(day, &[1, 2])?, number(month, &[1, 2])?);
    let year = match year.len() {
        2 => 2000 + number(year, &[2])?,
        _ => number(year, &[4])?,
    };
    let date = format!("{year:04}-{month:02}-{day:02}");
    is_iso_date(&date).then_some((date, true))
}

/// Marks rows whose cleaned content equals an earlier row's.
fn mark_duplicate_rows(rows: &mut [ParsedRow]) {
    let mut first: HashMap<Vec<String>, usize> = HashMap::new();
    for row in rows.iter_mut() {
        match first.get(&row.values) {
            Some(&number) => row.duplicate_of = Some(number),
            None => {
                first.insert(row.values.clone(), row.number);
            }
        }
    }
}

/// Gives rows without an id one made from name and city (the rule of
/// `build`), extended by carrier, then street, when it is taken.
fn assign_missing_ids(rows: &mut [ParsedRow]) {
    let mut taken: BTreeSet<String> = rows.iter().filter_map(|r| r.id.clone()).collect();
    for row in rows
        .iter_mut()
        .filter(|r| r.duplicate_of.is_none() && r.id.is_none())
    {
        let fields = &row.fields;
        if fields.name.is_empty() || fields.city.is_empty() {
            continue;
        }
        let base = base_id(&fields.name, &fields.city);
        let street = fields.street.as_deref().map(slug).unwrap_or_default();
        let carrier = slug(&fields.carrier);
        let candidates = [
            base.clone(),
            format!("{base}-{carrier}"),
            format!("{base}-{street}"),
            format!("{base}-{carrier}-{street}"),
        ];
        let free = candidates
            .iter()
            .map(|c| c.trim_end_matches('-').to_owned())
            .find(|c| is_slug(c) && !taken.contains(c) && c != EXAMPLE_ID);
        match free {
            Some(id) => {
                row.notes.push("neue id, aus Name und Ort gebildet".into());
                taken.insert(id.clone());
                row.id = Some(id);
            }
            None => row.problems.push(Problem {
                column: None,
                value: None,
                message: format!(
                    "aus Name, Ort, Träger und Straße lässt sich keine freie id bilden (schon vergeben: „{base}“); \
                     bitte eine eigene id eintragen"
                ),
            }),
        }
    }
}

/// Rejects every row whose id another row (with other content) has too.
fn reject_conflicting_ids(rows: &mut [ParsedRow]) {
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, row) in rows.iter().enumerate() {
        if let (Some(id), None) = (&row.id, row.duplicate_of) {
            by_id.entry(id.clone()).or_default().push(index);
        }
    }
    for (id, members) in by_id.into_iter().filter(|(_, m)| m.len() > 1) {
        let numbers: Vec<String> = members
            .iter()
            .map(|&i| rows[i].number.to_string())
            .collect();
        for &index in &members {
            let column = rows[index].values[col::ID].clone();
            rows[index].problems.push(Problem {
                column: Some(format!(
                    "Spalte „{}“",
                    CSV_HEADERS[col::ID]
                )),
                value: Some(if column.is_empty() { id.clone() } else { column }),
                message: format!(
                    "dieselbe id steht in den Zeilen {} mit unterschiedlichem Inhalt; welche gilt, ist \
                     unklar – bitte nur eine Zeile behalten",
                    numbers.join(", ")
                ),
            });
        }
    }
}

/// Completes an otherwise good row: position (given, kept or computed), AGS,
/// Gemeinde, Kreis; then the core's checks and the NRW outline.
fn complete(row: &mut ParsedRow, before: Option<&Agency>, places: Places, columns: &[usize]) {
    let heading = |column: usize| {
        format!(
            "Spalte {} „{}“",
            column_letter(columns[column]),
            CSV_HEADERS[column]
        )
    };
    let mut problems: Vec<Problem> = Vec::new();
    let mut problem = |column: usize, value: &str, message: String| {
        problems.push(Problem {
            column: Some(heading(column)),
            value: Some(value.to_owned()),
            message,
        });
    };
    let mut notes: Vec<String> = Vec::new();
    let fields = &row.fields;
    let values = &row.values;

    let given = match (fields.lat, fields.lon) {
        (Some(lat), Some(lon)) => Some((lat, lon)),
        _ => None,
    };
    // A changed PLZ or Ort with the old, computed position: compute it anew.
    let mut recompute = given.is_none();
    if let (Some((lat, lon)), Some(before)) = (given, before) {
        let moved_address =
            fields.postcode != before.address.postcode || fields.city != before.address.city;
        let same_position = lat == before.location.lat && lon == before.location.lon;
        let approximate =
            fields.precision.unwrap_or(before.location.precision) != Precision::Address;
        if moved_address && same_position && approximate {
            recompute = true;
            notes.push(
                "PLZ oder Ort geändert, Position unverändert: die Position wurde neu berechnet"
                    .into(),
            );
        }
    }

    let (lat, lon, precision);
    let (mut ags, mut municipality, mut kreis) = (
        fields.ags.clone(),
        fields.municipality.clone(),
        fields.kreis.clone(),
    );
    if recompute {
        let Some(gazetteer) = places.gazetteer else {
            let message = if given.is_some() {
                "PLZ oder Ort wurden geändert, die Position nicht; sie kann ohne Ortsdaten nicht neu \
                 berechnet werden: bitte Breitengrad, Längengrad und Genauigkeit passend eintragen"
            } else {
                "die Position fehlt und kann ohne Ortsdaten nicht berechnet werden; bitte Breitengrad, \
                 Längengrad und Genauigkeit eintragen"
            };
            problem(col::LAT, &values[col::LAT], message.into());
            row.problems.extend(problems);
            return;
        };
        let Some(placed) =
            gazetteer.geocode(&fields.name, &fields.city, fields.postcode.as_deref())
        else {
            problem(
                col::CITY,
                &values[col::CITY],
                "die Position kann nicht berechnet werden: der Ort ist keine Gemeinde in NRW und die PLZ \
                 hilft nicht weiter; bitte den Gemeindenamen (z. B. „Köln“) eintragen oder Breitengrad, \
                 Längengrad und Genauigkeit angeben"
                    .into(),
            );
            row.problems.extend(problems);
            return;
        };
        lat = round_to(placed.lat, COORDINATE_DECIMALS);
        lon = round_to(placed.lon, COORDINATE_DECIMALS);
        precision = placed.precision;
        let postcode = fields.postcode.as_deref().unwrap_or("");
        match (placed.precision, placed.fallback) {
            (Precision::Postcode, _) => notes.push(format!(
                "Position berechnet: Mitte des PLZ-Gebiets {postcode} (Genauigkeit postcode)"
            )),
            (_, Some(PostcodeFallback::Unknown)) => notes.push(format!(
                "Position berechnet: Mitte der Gemeinde (Genauigkeit municipality); die PLZ {postcode} \
                 steht nicht im PLZ-Verzeichnis – bitte prüfen"
            )),
            (_, Some(PostcodeFallback::Elsewhere)) => notes.push(format!(
                "Position berechnet: Mitte der Gemeinde (Genauigkeit municipality); die PLZ {postcode} \
                 liegt nicht in „{}“ – bitte PLZ und Ort prüfen",
                fields.city
            )),
            _ => notes.push("Position berechnet: Mitte der Gemeinde (Genauigkeit municipality)".into()),
        }
        if let Some(note) = &placed.note {
            notes.push(format!(
                "Ort über data/place-overrides.tsv zugeordnet: {note}"
            ));
        }
        let computed_before = before.map(|b| b.location.precision);
        if let Some(given_precision) = fields.precision {
            if given_precision != precision && Some(given_precision) != computed_before {
                notes.push(format!(
                    "Genauigkeit „{}“ ersetzt durch „{}“ (berechnet)",
                    given_precision.code(),
                    precision.code()
                ));
            }
        }
        let Some(gemeinde) = gazetteer.gemeinde_at(placed.lat, placed.lon) else {
            problem(
                col::CITY,
                &values[col::CITY],
                "die berechnete Position liegt in keiner Gemeinde in NRW".into(),
            );
            row.problems.extend(problems);
            return;
        };
        // Known only by its Kreis: the Kreis' key and no municipality.
        let (new_ags, new_municipality) = match &placed.kreis_ags {
            Some(kreis_ags) => (kreis_ags.clone(), String::new()),
            None => (gemeinde.feature.ags.clone(), gemeinde.feature.gen.clone()),
        };
        let new_kreis = gazetteer.kreis_of(&new_ags).unwrap_or_default().to_owned();
        for (old, new, heading) in [
            (&ags, &new_ags, CSV_HEADERS[col::AGS]),
            (
                &municipality,
                &new_municipality,
                CSV_HEADERS[col::MUNICIPALITY],
            ),
            (&kreis, &new_kreis, CSV_HEADERS[col::KREIS]),
        ] {
            if let Some(old) = old {
                if old != new {
                    notes.push(format!(
                        "{heading} „{old}“ ersetzt durch „{new}“ (berechnet)"
                    ));
                }
            }
        }
        ags = Some(new_ags);
        municipality = Some(new_municipality);
        kreis = Some(new_kreis);
    } else {
        let Some((given_lat, given_lon)) = given else {
            return;
        };
        lat = given_lat;
        lon = given_lon;
        let Some(given_precision) = fields.precision else {
            problem(
                col::PRECISION,
                &values[col::PRECISION],
                format!(
                    "muss angeben, wie genau die Position ist ({}), wenn Breitengrad und Längengrad \
                     eingetragen sind",
                    codes(Precision::ALL, Precision::code)
                ),
            );
            row.problems.extend(problems);
            return;
        };
        precision = given_precision;
        if let (Precision::Kreis, Some(gazetteer)) = (precision, places.gazetteer) {
            let at_position = gazetteer
                .gemeinde_at(lat, lon)
                .map(|g| g.feature.ags[..5].to_owned());
            let code = ags.clone().or(at_position.clone());
            match code
                .as_deref()
                .and_then(|c| gazetteer.kreise.get(c).map(|name| (c, name)))
            {
                None => problem(
                    col::AGS,
                    &values[col::AGS],
                    "ist kein Schlüssel eines Kreises in NRW (Genauigkeit „kreis“)".into(),
                ),
                Some((code, name)) => {
                    if at_position.as_deref() != Some(code) {
                        notes.push(format!(
                            "Hinweis: die Position liegt nicht im Kreis {name} (Schlüssel {code})"
                        ));
                    }
                    match &kreis {
                        Some(given) if name_key(given) != name_key(name) => problem(
                            col::KREIS,
                            &values[col::KREIS],
                            format!("passt nicht zum Kreisschlüssel {code} („{name}“)"),
                        ),
                        _ => kreis = Some(name.clone()),
                    }
                    ags = Some(code.to_owned());
                }
            }
            if municipality.as_deref().is_some_and(|m| !m.is_empty()) {
                problem(
                    col::MUNICIPALITY,
                    &values[col::MUNICIPALITY],
                    "muss bei Genauigkeit „kreis“ leer bleiben (die Agentur gehört zu keiner bestimmten Gemeinde)"
                        .into(),
                );
            }
            municipality = Some(String::new());
        } else if let Some(gazetteer) = places.gazetteer {
            let at_position = gazetteer.gemeinde_at(lat, lon);
            match ags.clone() {
                None => match at_position {
                    Some(gemeinde) => {
                        ags = Some(gemeinde.feature.ags.clone());
                        notes.push(format!(
                            "AGS {} aus der Position berechnet",
                            gemeinde.feature.ags
                        ));
                    }
                    None => problem(
                        col::LAT,
                        &values[col::LAT],
                        format!("die Position {lat}, {lon} liegt in keiner Gemeinde in NRW"),
                    ),
                },
                Some(code) => match gazetteer.gemeinden.iter().find(|g| g.feature.ags == code) {
                    None => problem(
                        col::AGS,
                        &values[col::AGS],
                        "ist kein Gemeindeschlüssel einer Gemeinde in NRW; leer lassen, dann wird er aus \
                         der Position berechnet"
                            .into(),
                    ),
                    Some(_) => {
                        if let Some(gemeinde) = at_position {
                            if gemeinde.feature.ags != code {
                                notes.push(format!(
                                    "Hinweis: die Position liegt in {} (AGS {}), die Spalte AGS nennt {code}",
                                    gemeinde.feature.gen, gemeinde.feature.ags
                                ));
                            }
                        }
                    }
                },
            }
            if let Some(code) = &ags {
                if let Some(gemeinde) = gazetteer.gemeinden.iter().find(|g| &g.feature.ags == code)
                {
                    let gen = gemeinde.feature.gen.clone();
                    let kreis_name = gazetteer.kreis_of(code).unwrap_or_default().to_owned();
                    for (column, cell, expected) in [
                        (col::MUNICIPALITY, &mut municipality, gen),
                        (col::KREIS, &mut kreis, kreis_name),
                    ] {
                        match cell {
                            None => {
                                notes.push(format!(
                                    "{} „{expected}“ aus dem AGS ergänzt",
                                    CSV_HEADERS[column]
                                ));
                                *cell = Some(expected);
                            }
                            Some(name) if *name == expected => {}
                            Some(name) if name_key(name) == name_key(&expected) => {
                                *cell = Some(expected);
                            }
                            Some(_) => problem(
                                column,
                                &values[column],
                                format!(
                                    "passt nicht zum AGS {code} („{expected}“); leeren Sie AGS, Gemeinde und \
                                     Kreis, dann werden sie aus der Position berechnet"
                                ),
                            ),
                        }
                    }
                }
            }
        } else {
            for column in [col::AGS, col::MUNICIPALITY, col::KREIS] {
                if values[column].is_empty() {
                    problem(
                        column,
                        "",
                        "darf ohne Ortsdaten nicht leer sein (kann nicht berechnet werden)".into(),
                    );
                }
            }
        }
    }
    if !problems.is_empty() {
        row.problems.extend(problems);
        row.notes.extend(notes);
        return;
    }

    let Some(umbrella) = fields.umbrella else {
        return;
    };
    let agency = Agency {
        id: row.id.clone().unwrap_or_default(),
        name: fields.name.clone(),
        carrier: fields.carrier.clone(),
        umbrella,
        address: Address {
            street: fields.street.clone(),
            postcode: fields.postcode.clone(),
            city: fields.city.clone(),
        },
        ags: ags.unwrap_or_default(),
        municipality: municipality.unwrap_or_default(),
        kreis: kreis.unwrap_or_default(),
        location: Location {
            lat,
            lon,
            precision,
        },
        offers: fields.offers.clone(),
        antidiscrimination: fields.antidiscrimination,
        topics: fields.topics.clone(),
        contact: Contact {
            phone: fields.phone.clone(),
            email: fields.email.clone(),
            website: fields.website.clone(),
        },
        languages: fields.languages.clone(),
        source_url: fields.source_url.clone(),
        source_note: fields.source_note.clone(),
        // A column the table does not have keeps the previous value.
        last_verified: if columns[col::VERIFIED] >= ABSENT_COLUMN {
            before.map(|b| b.last_verified.clone()).unwrap_or_default()
        } else {
            fields.last_verified.clone()
        },
        // Empty "Quelle gelesen": the previous record's date, else the
        // confirmation date (whoever confirmed the record also read it).
        source_seen: if !fields.source_seen.is_empty() {
            fields.source_seen.clone()
        } else if let Some(before) = before {
            before.source_seen.clone()
        } else {
            fields.last_verified.clone()
        },
        source_date: if columns[col::SOURCE_DATE] >= ABSENT_COLUMN {
            before.and_then(|b| b.source_date.clone())
        } else {
            fields.source_date.clone()
        },
    };
    for found in validate_agency(&agency) {
        let (column, message) = german(&found);
        problems.push(Problem {
            column: Some(heading(column)),
            value: Some(values[column].clone()),
            message,
        });
    }
    if let Some(outline) = places.outline {
        if problems.is_empty() && !contains(outline, lat, lon) {
            problems.push(Problem {
                column: Some(heading(col::LAT)),
                value: Some(format!("{}; {}", values[col::LAT], values[col::LON])),
                message: "die Position liegt außerhalb von Nordrhein-Westfalen".into(),
            });
        }
    }
    row.notes.extend(notes);
    if problems.is_empty() {
        row.agency = Some(agency);
    } else {
        row.problems.extend(problems);
    }
}

/// The column and a German message for a problem found by `ia_core::validate`.
fn german(problem: &FieldProblem) -> (usize, String) {
    use ia_core::columns::Column;
    let Some(column) = problem.field.column() else {
        return (col::ID, problem.to_string());
    };
    let message = match column {
        Column::Id => "darf nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche enthalten",
        Column::Name | Column::Carrier | Column::City | Column::Municipality | Column::Kreis => {
            "darf nicht leer sein"
        }
        Column::Street => "darf nicht nur aus Leerzeichen bestehen",
        Column::Postcode => "muss aus fünf Ziffern bestehen",
        Column::Ags => "muss der 8-stellige Gemeindeschlüssel einer Gemeinde in NRW sein (05…)",
        Column::Lat => "die Position muss in Nordrhein-Westfalen liegen",
        Column::Phone => "muss eine Telefonnummer sein, z. B. 0221 123456",
        Column::Email => "muss eine E-Mail-Adresse sein, z. B. name@example.org",
        Column::Website | Column::Source => "muss mit https:// oder http:// beginnen",
        Column::LastVerified => {
            "muss leer bleiben oder das Datum sein, an dem eine Person die Angaben bei der Agentur \
             bestätigt hat (TT.MM.JJJJ oder JJJJ-MM-TT)"
        }
        Column::SourceSeen => {
            "darf nicht leer sein: das Datum, an dem die Quelle gelesen wurde (TT.MM.JJJJ)"
        }
        Column::SourceDate => {
            "muss ein Jahr (2021), ein Monat (2021-09) oder ein Datum (2021-09-30) sein"
        }
        Column::Languages => "muss aus Sprachcodes nach ISO 639 bestehen, z. B. de; tr",
        _ => return (col::ID, problem.to_string()),
    };
    (column.index(), message.to_owned())
}

/// Field-by-field differences, as the CSV shows the values.
pub fn diff(before: &Agency, after: &Agency) -> Vec<FieldChange> {
    csv_values(before)
        .into_iter()
        .zip(csv_values(after))
        .enumerate()
        .filter(|(_, (old, new))| old != new)
        .map(|(column, (old, new))| FieldChange {
            heading: CSV_HEADERS[column],
            old,
            new,
        })
        .collect()
}

/// A value for the report: control characters visible, long values shortened.
fn shown(value: &str) -> String {
    const MAX_CHARS: usize = 120;
    let mut out = String::new();
    for (count, c) in value.chars().enumerate() {
        if count == MAX_CHARS {
            out.push('…');
            break;
        }
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// `2–5, 7, 9–10` for sorted row numbers.
fn ranges(numbers: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut index = 0;
    while index < numbers.len() {
        let start = numbers[index];
        let mut end = start;
        while index + 1 < numbers.len() && numbers[index + 1] == end + 1 {
            index += 1;
            end = numbers[index];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        index += 1;
    }
    parts.join(", ")
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "Import von {}", self.csv_name)?;
        writeln!(
            f,
            "  Datei: {}, Zellen getrennt durch „{}“, Zeilenenden {}; {}{}",
            self.encoding.map_or("?", Encoding::describe),
            shown(&self.delimiter.to_string()),
            self.line_ends.map_or("?", LineEnds::describe),
            count_of(self.data_rows, "Datenzeile", "Datenzeilen"),
            if self.blank_rows > 0 {
                format!(
                    ", {} übersprungen",
                    count_of(self.blank_rows, "leere Zeile", "leere Zeilen")
                )
            } else {
                String::new()
            }
        )?;
        writeln!(
            f,
            "  Verglichen mit: {} ({} Einträge, Stand {})",
            self.previous_name, self.previous_count, self.previous_as_of
        )?;
        if !self.file_notes.is_empty() {
            writeln!(f, "\nHinweise zur Datei:")?;
            for note in &self.file_notes {
                writeln!(f, "  ! {note}")?;
            }
        }
        if !self.repairs.is_empty() {
            writeln!(f, "\nAutomatisch korrigiert (bitte kurz prüfen):")?;
            let mut groups: Vec<((usize, &str), Vec<&Repair>)> = Vec::new();
            for repair in &self.repairs {
                let key = (repair.column, repair.what);
                match groups.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, members)) => members.push(repair),
                    None => groups.push((key, vec![repair])),
                }
            }
            for ((column, what), members) in groups {
                let example = |r: &Repair| {
                    format!("Zeile {}: „{}“ → „{}“", r.row, shown(&r.from), shown(&r.to))
                };
                if members.len() <= 3 {
                    let listed: Vec<String> = members.iter().map(|r| example(r)).collect();
                    writeln!(
                        f,
                        "  „{}“, {what}: {}",
                        CSV_HEADERS[column],
                        listed.join("; ")
                    )?;
                } else {
                    let numbers: Vec<usize> = members.iter().map(|r| r.row).collect();
                    writeln!(
                        f,
                        "  „{}“, {what}: {} Zeilen ({}), z. B. {}",
                        CSV_HEADERS[column],
                        members.len(),
                        ranges(&numbers),
                        example(members[0])
                    )?;
                }
            }
        }
        writeln!(f, "\nZeilen:")?;
        // Runs of unchanged rows without remarks are one line each.
        let is_quiet = |row: &RowReport| row.status == RowStatus::Unchanged && row.notes.is_empty();
        let mut quiet: Vec<usize> = Vec::new();
        for row in &self.rows {
            if is_quiet(row) {
                quiet.push(row.row);
                continue;
            }
            write_quiet(f, &mut quiet)?;
            write_row(f, row)?;
        }
        write_quiet(f, &mut quiet)?;
        if !self.removed.is_empty() {
            writeln!(
                f,
                "\nENTFERNT (stehen im bisherigen Datensatz, aber in keiner Zeile der Tabelle):"
            )?;
            for agency in &self.removed {
                writeln!(
                    f,
                    "  - id „{}“: {} ({})",
                    agency.id, agency.name, agency.address.city
                )?;
            }
        }
        let rejected = self.rejected();
        writeln!(
            f,
            "\nErgebnis: {} gelesen – {} übernommen ({} neu, {} geändert, {} unverändert), {} abgelehnt, {} doppelt; {} entfernt.",
            count_of(self.data_rows, "Zeile", "Zeilen"),
            self.count(|s| matches!(s, RowStatus::Added | RowStatus::Changed | RowStatus::Unchanged)),
            self.count(|s| *s == RowStatus::Added),
            self.count(|s| *s == RowStatus::Changed),
            self.count(|s| *s == RowStatus::Unchanged),
            rejected,
            self.count(|s| matches!(s, RowStatus::Duplicate(_))),
            self.removed.len()
        )?;
        if let Some(blocked) = &self.blocked {
            writeln!(f, "NICHTS GESCHRIEBEN: {blocked}")?;
        } else {
            writeln!(
                f,
                "Datensatz: {}, Stand {}, {} Bytes ({} Bytes gzip).",
                count_of(self.records_written, "Eintrag", "Einträge"),
                self.as_of,
                self.sizes.0,
                self.sizes.1
            )?;
        }
        if rejected > 0 {
            writeln!(
                f,
                "FEHLER: {} abgelehnt. Bitte in der Tabelle korrigieren und den Import wiederholen.",
                count_of(rejected, "Zeile", "Zeilen")
            )?;
        }
        Ok(())
    }
}

/// Writes (and forgets) a run of unchanged rows.
fn write_quiet(f: &mut std::fmt::Formatter<'_>, quiet: &mut Vec<usize>) -> std::fmt::Result {
    if quiet.is_empty() {
        return Ok(());
    }
    writeln!(
        f,
        "  Zeile{} {}: übernommen, unverändert{}",
        if quiet.len() == 1 { "" } else { "n" },
        ranges(quiet),
        if quiet.len() == 1 {
            String::new()
        } else {
            format!(" ({} Zeilen)", quiet.len())
        }
    )?;
    quiet.clear();
    Ok(())
}

/// Writes one row that has something to say.
fn write_row(f: &mut std::fmt::Formatter<'_>, row: &RowReport) -> std::fmt::Result {
    let id = row
        .id
        .as_deref()
        .map_or_else(|| "(ohne id)".to_owned(), |id| format!("id „{id}“"));
    let verdict = match row.status {
        RowStatus::Unchanged => "übernommen, unverändert".to_owned(),
        RowStatus::Changed => "übernommen, GEÄNDERT".to_owned(),
        RowStatus::Added => "übernommen, NEU".to_owned(),
        RowStatus::Duplicate(of) => {
            format!("doppelt (gleicher Inhalt wie Zeile {of}), nicht noch einmal übernommen")
        }
        RowStatus::RejectedKept => {
            "ABGELEHNT – der bisherige Eintrag mit dieser id bleibt UNVERÄNDERT im Datensatz"
                .to_owned()
        }
        RowStatus::RejectedNew => "ABGELEHNT – wird NICHT in den Datensatz aufgenommen".to_owned(),
    };
    writeln!(f, "  Zeile {} – {id}: {verdict}", row.row)?;
    for problem in &row.problems {
        writeln!(f, "      Fehler in Zeile {}: {problem}", row.row)?;
    }
    for note in &row.notes {
        writeln!(f, "      {note}")?;
    }
    for change in &row.changes {
        writeln!(
            f,
            "      {}: „{}“ → „{}“",
            change.heading,
            shown(&change.old),
            shown(&change.new)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_match_the_export_headers() {
        assert_eq!(CSV_HEADERS.len(), col::COUNT);
        for (index, heading) in [
            (col::ID, "id"),
            (col::NAME, "Name"),
            (col::CARRIER, "Träger"),
            (col::UMBRELLA, "Verband"),
            (col::STREET, "Straße"),
            (col::POSTCODE, "PLZ"),
            (col::CITY, "Ort"),
            (col::AGS, "AGS"),
            (col::MUNICIPALITY, "Gemeinde"),
            (col::KREIS, "Kreis"),
            (col::LAT, "Breitengrad"),
            (col::LON, "Längengrad"),
            (col::PRECISION, "Genauigkeit"),
            (col::OFFERS, "Angebote"),
            (col::SERVICESTELLE, "Servicestelle"),
            (col::TOPICS, "Themen"),
            (col::PHONE, "Telefon"),
            (col::EMAIL, "E-Mail"),
            (col::WEBSITE, "Website"),
            (col::LANGUAGES, "Sprachen"),
            (col::SOURCE, "Quelle"),
            (col::NOTE, "Quellenhinweis"),
            (col::VERIFIED, "Zuletzt geprüft"),
        ] {
            assert_eq!(CSV_HEADERS[index], heading);
        }
    }

    #[test]
    fn dates() {
        let date = |text: &str| parse_date(text);
        assert_eq!(date("2026-11-24"), Some(("2026-11-24".into(), false)));
        assert_eq!(date("24.11.2026"), Some(("2026-11-24".into(), true)));
        assert_eq!(date("1.2.2026"), Some(("2026-02-01".into(), true)));
        assert_eq!(date("24.11.26"), Some(("2026-11-24".into(), true)));
        assert_eq!(
            date("2026-11-24 00:00:00"),
            Some(("2026-11-24".into(), true))
        );
        for bad in [
            "11/24/2026",
            "24.13.2026",
            "2026-11",
            "gestern",
            "24.11.202",
        ] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }

    #[test]
    fn row_ranges() {
        assert_eq!(ranges(&[2, 3, 4, 6, 8, 9]), "2–4, 6, 8–9");
        assert_eq!(ranges(&[5]), "5");
        assert_eq!(ranges(&[]), "");
    }

    #[test]
    fn the_guard_is_undone() {
        assert_eq!(unguard("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unguard("''s-Hertogenbosch"), "'s-Hertogenbosch");
        assert_eq!(unguard("'s-Hertogenbosch"), "'s-Hertogenbosch");
        assert_eq!(unguard("'-Kreis"), "-Kreis");
    }

    #[test]
    fn shown_values_are_safe_and_short() {
        assert_eq!(shown("a\tb\r\n"), "a\\tb\\r\\n");
        assert_eq!(shown(&"x".repeat(200)).chars().count(), 121);
    }
}

//! The import (`ia-datatool import`, `pflege.html`): the maintainers' spreadsheet (CSV, one row per
//! agency, the columns of `ia_core::columns`) → dataset file.
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
//! encoding or cell separator (see [`table`]), PLZ and AGS turned into
//! numbers (leading zeros restored: PLZ 5, AGS 8 digits), a decimal point
//! instead of a comma, dates as `TT.MM.JJJJ`, spaces around values, the
//! formula guard `'`. Rows without a position are placed offline exactly like
//! `build` places sourced records ([`Gazetteer::geocode`]); `AGS`, `Gemeinde`
//! and `Kreis` are filled in from the position when empty. Records that end
//! up at exactly the same position are spread like in `build`. The result is
//! written exactly as `build` writes (compact JSON sorted by id, final
//! newline), so exporting a dataset and importing the CSV unchanged gives
//! the same bytes.
//!
//! [`import`] itself does no file I/O: bytes, the previous dataset and the
//! place data in, the new dataset and the report out (`ia-datatool import`
//! reads and writes the files; the maintenance page runs it in the browser). The steps, each a module:
//! [`table`] (bytes → rows), [`header`] (which column is where), [`cells`]
//! and [`values`] (a row's cells → typed fields, repairs, problems), [`ids`]
//! (duplicates, new ids), [`position`] and [`record`] (place, record,
//! checks), [`report`] (the report and the differences); what the steps
//! find in a cell is a [`problem::Problem`] or a [`problem::Repair`]; all
//! German texts are in [`messages`].

mod cells;
mod header;
mod ids;
pub mod messages;
mod position;
mod problem;
mod record;
pub mod report;
pub mod table;
mod values;
pub mod workbook;

use std::collections::{BTreeMap, HashMap};

use ia_core::dataset::SCHEMA_VERSION;
use ia_core::{parse_dataset, Agency, Dataset, DatasetMeta};

use self::cells::{read_row, ParsedRow};
use self::header::ColumnMap;
use self::problem::shown;
use self::report::{by_id, row_report};
use self::table::{decode, parse, Encoding, Table};
use crate::gazetteer::Gazetteer;
use crate::geometry::MultiPolygon;
use crate::spread::{spread, SPREAD_RADIUS_M};
use crate::{check, sizes, Error, Result};

pub use self::problem::{Problem, Repair};
pub use self::report::{diff, FieldChange, Report, RowReport, RowStatus};
pub use self::values::parse_date;

/// The id of the example row in `docs/vorlage-agenturen.csv`; a row with it
/// is always rejected, so the example can never be published.
pub const EXAMPLE_ID: &str = "beispiel-agentur";

/// Default for `--max-removed`.
pub const DEFAULT_MAX_REMOVED: usize = 10;

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

/// Imports a spreadsheet's bytes (CSV, `.xlsx` or `.ods`) against the
/// previous dataset. `Err` only for
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
    let table = if workbook::is_workbook(bytes) {
        let (table, sheet) = workbook::read_workbook(bytes)?;
        report.file_notes.push(messages::read_sheet(&sheet));
        table
    } else {
        read_table(bytes, &mut report)?
    };
    let Some((header, data)) = table.rows.split_first() else {
        return Err(Error(messages::EMPTY_FILE.into()));
    };
    let columns = ColumnMap::read(&header.cells, data, &mut report.file_notes)?;
    let mut rows = read_rows(&table, &columns, &mut report);
    let previous_by_id = by_id(&previous.agencies);
    let before = |row: &ParsedRow| {
        row.id
            .as_deref()
            .and_then(|id| previous_by_id.get(id).copied())
    };
    ids::settle(&mut rows);
    for row in rows.iter_mut() {
        if row.duplicate_of.is_none() && row.problems.is_empty() {
            let before = before(row);
            record::complete(row, before, places, &columns);
        }
    }
    let mut agencies = merge(&rows, previous, &previous_by_id, &mut report);
    let spread_groups = spread(&mut agencies);
    if !spread_groups.is_empty() {
        let note = messages::spread(SPREAD_RADIUS_M, &spread_groups);
        report.file_notes.push(note);
    }
    let result_by_id = by_id(&agencies);
    report.rows = rows
        .iter()
        .map(|row| {
            let after = row.id.as_deref().and_then(|id| result_by_id.get(id));
            row_report(row, before(row), after.copied())
        })
        .collect();
    let meta = new_meta(&previous.meta, settings)?;
    finish(meta, agencies, settings, places, report)
}

/// The file's rows, and notes on an encoding or separator other than the
/// export's.
fn read_table(bytes: &[u8], report: &mut Report) -> Result<Table> {
    let (text, encoding) = decode(bytes)?;
    report.encoding = Some(encoding);
    if encoding == Encoding::Windows1252 {
        report
            .file_notes
            .push(messages::READ_AS_WINDOWS_1252.into());
    }
    let table = parse(&text)?;
    report.delimiter = table.delimiter;
    report.line_ends = Some(table.line_ends);
    if table.delimiter != ';' {
        let note = messages::other_delimiter(&shown(&table.delimiter.to_string()));
        report.file_notes.push(note);
    }
    Ok(table)
}

/// Reads every data row (the rows after the header), skipping blank ones.
fn read_rows(table: &Table, columns: &ColumnMap, report: &mut Report) -> Vec<ParsedRow> {
    let mut rows = Vec::new();
    for row in table.rows.iter().skip(1) {
        if row.is_blank() {
            report.blank_rows += 1;
            continue;
        }
        report.data_rows += 1;
        rows.push(read_row(row, columns, &mut report.repairs));
    }
    rows
}

/// The new records: accepted rows, and the previous record for rejected
/// ones; sorted by id. The previous records no row names are `removed`.
fn merge(
    rows: &[ParsedRow],
    previous: &Dataset,
    previous_by_id: &HashMap<&str, &Agency>,
    report: &mut Report,
) -> Vec<Agency> {
    let mut merged: BTreeMap<&str, Agency> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.duplicate_of.is_none()) {
        let Some(id) = row.id.as_deref() else {
            continue;
        };
        let kept = match &row.agency {
            Some(agency) if row.problems.is_empty() => Some(agency),
            _ => previous_by_id.get(id).copied(),
        };
        if let Some(agency) = kept {
            merged.insert(id, agency.clone());
        }
    }
    let named: std::collections::HashSet<&str> = rows
        .iter()
        .filter(|r| r.duplicate_of.is_none())
        .filter_map(|r| r.id.as_deref())
        .collect();
    report.removed = previous
        .agencies
        .iter()
        .filter(|a| !named.contains(a.id.as_str()))
        .cloned()
        .collect();
    merged.into_values().collect()
}

/// The previous dataset's top-level fields, with a new `as_of` if given.
fn new_meta(previous: &DatasetMeta, settings: &Settings) -> Result<DatasetMeta> {
    let mut meta = previous.clone();
    if let Some(as_of) = &settings.as_of {
        let date = parse_date(as_of)
            .ok_or_else(|| Error(format!("--as-of {as_of:?}: not a date (JJJJ-MM-TT)")))?;
        meta.as_of = date.0;
    }
    Ok(meta)
}

/// Blocks an empty result or too many removals, writes the dataset's text,
/// checks it like `validate` does, and measures it.
fn finish(
    meta: DatasetMeta,
    agencies: Vec<Agency>,
    settings: &Settings,
    places: Places,
    mut report: Report,
) -> Result<Imported> {
    report.as_of = meta.as_of.clone();
    report.records_written = agencies.len();
    if agencies.is_empty() {
        report.blocked = Some(messages::WOULD_BE_EMPTY.into());
    } else if report.removed.len() > settings.max_removed {
        let removed = report.removed.len();
        report.blocked = Some(messages::too_many_removed(removed, settings.max_removed));
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
        return Err(Error(messages::check_failed(&checked.messages)));
    }
    let gzip = sizes::gzip_len(text.as_bytes())?;
    report.sizes = (text.len(), gzip);
    if gzip > sizes::DATASET_BUDGET {
        report
            .file_notes
            .push(messages::over_budget(gzip, sizes::DATASET_BUDGET));
    }
    Ok(Imported {
        dataset,
        text,
        report,
    })
}

#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;

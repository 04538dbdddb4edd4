//! `ia-datatool export` and `import`: the round trip of the shipped dataset,
//! what spreadsheet programs do to a CSV, rejected rows, the report, and the
//! documentation that shows a real report (`docs/data-maintenance.md`).
//!
//! Fixtures (`tests/fixtures/import/`): `previous.json` (five real records of
//! the shipped dataset), its export damaged the way Excel and LibreOffice
//! save it (`excel-windows-1252.csv`, `comma-separated.csv`), and
//! `edited.csv`, the edited example shown in the documentation.

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{repo_root, run, text};
use ia_core::export::to_csv;
use ia_core::{Agency, Dataset, Precision};
use ia_datatool::gazetteer::{load_gazetteer, Gazetteer};
use ia_datatool::geometry::MultiPolygon;
use ia_datatool::import::{
    import, read_previous, Imported, Places, Report, RowStatus, Settings, DEFAULT_MAX_REMOVED,
};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn read_string(path: &Path) -> String {
    String::from_utf8(read(path)).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("import")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
    dir
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        load_gazetteer(
            &repo_root().join("../shared/data"),
            &repo_root().join("data/place-overrides.tsv"),
        )
        .unwrap_or_else(|err| panic!("{err}"))
    })
}

fn outline() -> &'static MultiPolygon {
    static OUTLINE: OnceLock<MultiPolygon> = OnceLock::new();
    OUTLINE.get_or_init(|| {
        ia_datatool::validate::read_outline(
            &repo_root().join("public/data/boundaries/nrw-land.geojson"),
        )
        .unwrap_or_else(|err| panic!("{err}"))
    })
}

fn places() -> Places<'static> {
    Places {
        gazetteer: Some(gazetteer()),
        outline: Some(outline()),
    }
}

fn previous() -> Dataset {
    read_previous(&read_string(&fixture("previous.json")), "previous.json")
        .unwrap_or_else(|err| panic!("{err}"))
}

fn settings() -> Settings {
    Settings {
        csv_name: "agenturen.csv".into(),
        previous_name: "agencies.json".into(),
        as_of: None,
        max_removed: DEFAULT_MAX_REMOVED,
    }
}

/// The previous fixture as the `export` subcommand writes it.
/// The cells of the four columns of issue 27 in a row of the fixture
/// (no carrier's website or Servicestelle street, no credit, no field sources).
const NEWER_CELLS: &str = ";nein;nein;;";

fn exported() -> String {
    let previous = previous();
    let agencies: Vec<&Agency> = previous.agencies.iter().collect();
    to_csv(&agencies)
}

#[track_caller]
fn import_bytes(bytes: &[u8]) -> Imported {
    import(bytes, &previous(), places(), &settings()).unwrap_or_else(|err| panic!("{err}"))
}

/// Imports and asserts the result is the previous dataset, byte for byte.
#[track_caller]
fn assert_unchanged(bytes: &[u8]) -> Report {
    let imported = import_bytes(bytes);
    let report = imported.report.to_string();
    assert!(
        imported.text.as_bytes() == read(&fixture("previous.json")).as_slice(),
        "the import changed the dataset:\n{report}"
    );
    assert!(!imported.report.failed(), "{report}");
    assert!(
        imported.report.rows.iter().all(
            |r| r.status == RowStatus::Unchanged || matches!(r.status, RowStatus::Duplicate(_))
        ),
        "{report}"
    );
    imported.report
}

/// The report line (one line) that contains all the pieces.
#[track_caller]
fn assert_line(report: &str, pieces: &[&str]) {
    assert!(
        report
            .lines()
            .any(|line| pieces.iter().all(|p| line.contains(p))),
        "no line contains all of {pieces:?}:\n{report}"
    );
}

fn agency<'a>(dataset: &'a Dataset, id: &str) -> &'a Agency {
    dataset
        .agencies
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

const AACHEN: &str = "gleichbehandlungsbuero-aachen-gbb";
const KOELN: &str = "antidiskriminierungsbuero-koeln-adb-koeln";

// ---------------------------------------------------------------- round trip

#[test]
fn the_shipped_dataset_round_trips_byte_for_byte() {
    let dir = scratch("round-trip");
    let csv = dir.join("agenturen.csv");
    let json = dir.join("agencies.json");
    let (csv_arg, json_arg) = (csv.to_string_lossy(), json.to_string_lossy());
    let exported = run(&["export", "--out", &csv_arg]);
    assert_eq!(exported.status.code(), Some(0), "{}", text(&exported));
    let csv_bytes = read(&csv);
    assert!(csv_bytes.starts_with("\u{feff}id;Name;Träger;".as_bytes()));
    let imported = run(&["import", &csv_arg, "--out", &json_arg]);
    let report = text(&imported);
    assert_eq!(imported.status.code(), Some(0), "{report}");
    assert!(
        read(&json) == read(&repo_root().join("public/data/agencies.json")),
        "JSON → CSV → JSON changed the shipped dataset:\n{report}"
    );
    // As many rows as the shipped dataset has records.
    let n = ia_core::parse_dataset(&String::from_utf8_lossy(&read(
        &repo_root().join("public/data/agencies.json"),
    )))
    .unwrap_or_else(|err| panic!("{err}"))
    .agencies
    .len();
    assert_line(
        &report,
        &[&format!(
            "Zeilen 2–{}: übernommen, unverändert ({n} Zeilen)",
            n + 1
        )],
    );
    assert_line(
        &report,
        &[
            &format!("0 neu, 0 geändert, {n} unverändert"),
            "0 abgelehnt",
            "0 entfernt",
        ],
    );
    assert!(
        !report.contains("korrigiert") && !report.contains("Hinweise"),
        "{report}"
    );
}

#[test]
fn export_writes_what_to_csv_writes() {
    let dir = scratch("export");
    let out = dir.join("x.csv");
    let output = run(&[
        "export",
        "--dataset",
        &fixture("previous.json").to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert!(text(&output).contains("5 Einträge"), "{}", text(&output));
    assert_eq!(read_string(&out), exported());
}

#[test]
fn export_refuses_a_broken_dataset() {
    let dir = scratch("export-broken");
    let out = dir.join("x.csv");
    let output = run(&[
        "export",
        "--dataset",
        "tests/fixtures/datasets/malformed-email.json",
        "--out",
        &out.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(!out.exists());
}

// ------------------------------------------------------- spreadsheet damage

#[test]
fn excel_windows_1252_with_numbers_and_german_dates() {
    // Saved by Excel as "CSV (Trennzeichen-getrennt)": Windows-1252, AGS as a
    // number (leading zero lost), dates as TT.MM.JJJJ, spaces after a name.
    let report = assert_unchanged(&read(&fixture("excel-windows-1252.csv")));
    let shown = report.to_string();
    assert_line(&shown, &["Windows-1252"]);
    assert_line(
        &shown,
        &[
            "„AGS“",
            "führende Nullen",
            "5 Zeilen (2–6)",
            "„5315000“ → „05315000“",
        ],
    );
    assert_line(&shown, &["„Quelle gelesen“", "„24.11.2026“ → „2026-11-24“"]);
    assert_line(&shown, &["„Name“", "Leerzeichen", "Zeile 2"]);
}

#[test]
fn comma_separated_with_decimal_points() {
    // LibreOffice with English settings: `,` between cells, decimal points, LF.
    let report = assert_unchanged(&read(&fixture("comma-separated.csv")));
    assert_eq!(report.delimiter, ',');
    assert_line(&report.to_string(), &["statt „;“"]);
}

#[test]
fn line_ends_lf_and_cr() {
    let csv = exported();
    for (ends, name) in [("\n", "LF"), ("\r", "CR")] {
        let report = assert_unchanged(csv.replace("\r\n", ends).as_bytes());
        assert_line(&report.to_string(), &["Zeilenenden", name]);
    }
}

#[test]
fn utf16_and_utf8_without_bom() {
    let csv = exported();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in csv.trim_start_matches('\u{feff}').encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    assert_unchanged(&utf16);
    assert_unchanged(csv.trim_start_matches('\u{feff}').as_bytes());
}

#[test]
fn bytes_that_are_no_known_encoding_are_refused() {
    let mut bytes = exported()
        .trim_start_matches('\u{feff}')
        .as_bytes()
        .to_vec();
    bytes.extend(b"\x81\x8D");
    let err = import(&bytes, &previous(), places(), &settings())
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    assert!(err.contains("weder UTF-8 noch Windows-1252"), "{err}");
}

#[test]
fn leading_zeros_of_postcodes_are_restored() {
    // No NRW postcode starts with 0, but the repair must work for any.
    let csv = exported().replace(";52062;Aachen;", ";2062;Aachen;");
    let imported = import_bytes(csv.as_bytes());
    let repair = imported
        .report
        .repairs
        .iter()
        .find(|r| r.from == "2062")
        .unwrap_or_else(|| panic!("{}", imported.report));
    assert_eq!((repair.row, repair.to.as_str()), (4, "02062"));
}

#[test]
fn the_formula_guard_is_undone_and_not_needed() {
    let mut previous = previous();
    let record = previous
        .agencies
        .iter_mut()
        .find(|a| a.id == AACHEN)
        .unwrap_or_else(|| panic!("no {AACHEN}"));
    record.carrier = "=Verein \"Gleich\"; e.V.".into();
    record.address.street = Some("-Straße 1".into());
    let agencies: Vec<&Agency> = previous.agencies.iter().collect();
    let csv = to_csv(&agencies);
    assert!(csv.contains("\"'=Verein \"\"Gleich\"\"; e.V.\""), "{csv}");
    let imported =
        import(csv.as_bytes(), &previous, places(), &settings()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.dataset, previous, "{}", imported.report);
    // A spreadsheet that swallowed the guard gives the same values.
    let swallowed = csv
        .replace("'=Verein", "=Verein")
        .replace("'-Straße", "-Straße");
    let imported = import(swallowed.as_bytes(), &previous, places(), &settings())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.dataset, previous, "{}", imported.report);
}

#[test]
fn lists_may_use_commas_and_labels() {
    let csv = exported().replace(
        "\"racism; anti_muslim_racism; anti_black_racism; authorities\"",
        "\"Behörden, racism,anti_muslim_racism , Anti-Schwarzer Rassismus, racism\"",
    );
    let report = assert_unchanged(csv.as_bytes());
    assert_line(
        &report.to_string(),
        &["„Themen“", "doppelte Einträge entfernt", "Zeile 4"],
    );
}

#[test]
fn duplicate_rows_are_reported_once() {
    let csv = exported();
    let aachen_row = csv
        .split("\r\n")
        .find(|line| line.starts_with(AACHEN))
        .unwrap_or_default()
        .to_owned();
    let doubled = format!("{csv}{aachen_row}\r\n");
    let report = assert_unchanged(doubled.as_bytes());
    assert_eq!(
        report.rows.last().map(|r| &r.status),
        Some(&RowStatus::Duplicate(4))
    );
    assert_line(&report.to_string(), &["Zeile 7", "doppelt", "Zeile 4"]);
}

#[test]
fn duplicate_ids_with_different_content_reject_both_and_keep_the_record() {
    let csv = exported();
    let aachen_row = csv
        .split("\r\n")
        .find(|line| line.starts_with(AACHEN))
        .unwrap_or_default()
        .replace("0241 406500", "0241 999999");
    let imported = import_bytes(format!("{csv}{aachen_row}\r\n").as_bytes());
    let report = imported.report.to_string();
    assert!(imported.report.failed());
    assert_eq!(
        agency(&imported.dataset, AACHEN),
        agency(&previous(), AACHEN)
    );
    for row in ["Zeile 4", "Zeile 7"] {
        assert_line(&report, &[row, "ABGELEHNT", "bleibt UNVERÄNDERT"]);
    }
    assert_line(&report, &["Spalte „id“", AACHEN, "Zeilen 4, 7"]);
}

#[test]
fn unknown_columns_are_reported_and_ignored() {
    let csv = exported();
    let (header, rows) = csv.split_once("\r\n").unwrap_or_default();
    let csv = format!(
        "{header};Bemerkung\r\n{}",
        rows.replace("\r\n", ";intern\r\n")
    );
    let report = assert_unchanged(csv.as_bytes());
    assert_line(
        &report.to_string(),
        &["Spalte AD „Bemerkung“", "unbekannt", "5 Zellen mit Inhalt"],
    );
}

#[test]
fn headings_in_other_spelling_or_order_are_read() {
    let csv = exported().replacen("Straße;", "strasse ;", 1);
    let report = assert_unchanged(csv.as_bytes());
    assert_line(&report.to_string(), &["„strasse“", "als „Straße“ gelesen"]);
}

#[test]
fn missing_columns_refuse_the_file() {
    let csv = exported().replacen(";Quelle;", ";Quelle der Daten;", 1);
    let err = import(csv.as_bytes(), &previous(), places(), &settings())
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    assert!(err.contains("Es fehlen Spalten: Quelle."), "{err}");
    let err = import(b"", &previous(), places(), &settings())
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    assert!(err.contains("leer"), "{err}");
}

#[test]
fn shifted_cells_reject_the_row() {
    // A `;` typed into a cell in a text editor (or a cell's quotes lost)
    // shifts the rest of the row: the cells land in the wrong columns (here
    // the rest of the city in "AGS"), and the last one right of the last
    // column (empty here: "Quellen einzelner Angaben").
    const DIAKONIE: &str = "integrationsagentur-der-diakonie-an-sieg-und-rhein-rhein-sieg-kreis";
    let quoted = "\"Rhein-Sieg-Kreis (rechtsrheinisch; activities e.g. in Troisdorf)\"";
    let csv = exported();
    assert!(csv.contains(quoted), "{csv}");
    let csv = csv.replace(quoted, quoted.trim_matches('"'));
    let imported = import_bytes(csv.as_bytes());
    let report = imported.report.to_string();
    assert_line(&report, &["Zeile 5", "ABGELEHNT", "bleibt UNVERÄNDERT"]);
    assert_line(
        &report,
        &[
            "Fehler in Zeile 5",
            "Spalte H „AGS“ = „activities e.g. in Troisdorf)“",
        ],
    );
    assert_eq!(
        agency(&imported.dataset, DIAKONIE),
        agency(&previous(), DIAKONIE)
    );
}

/// The export with the 23 columns of schema version 1: no "Quelle gelesen"
/// or "Stand der Quelle", and "Zuletzt geprüft" held the day the source was
/// read (and none of the four columns of issue 27).
fn as_version_1_table(csv: &str) -> String {
    csv.split_inclusive("\r\n")
        .map(|line| {
            let body = line.trim_end_matches("\r\n");
            let cells: Vec<&str> = body.rsplitn(8, ';').collect();
            let [_, _, _, _, _, seen, verified, rest] = cells[..] else {
                panic!("{body}");
            };
            let date = if verified == "Zuletzt geprüft" {
                verified
            } else {
                seen
            };
            format!("{rest};{date}\r\n")
        })
        .collect()
}

#[test]
fn a_table_from_before_version_2_reads_its_date_as_source_seen() {
    // A confirmation and the source dates the old table cannot show stay.
    let mut previous = previous();
    previous
        .agencies
        .iter_mut()
        .find(|a| a.id == AACHEN)
        .unwrap_or_else(|| panic!("no {AACHEN}"))
        .last_verified = "2026-11-30".into();
    let agencies: Vec<&Agency> = previous.agencies.iter().collect();
    let old = as_version_1_table(&to_csv(&agencies));
    assert!(old.starts_with('\u{feff}') && old.contains(";Zuletzt geprüft\r\n"));
    assert!(old.contains(";2026-11-24\r\nawo-"), "{old}");
    let imported =
        import(old.as_bytes(), &previous, places(), &settings()).unwrap_or_else(|e| panic!("{e}"));
    let report = imported.report.to_string();
    assert_eq!(imported.dataset, previous, "{report}");
    assert!(!imported.report.failed(), "{report}");
    assert_line(
        &report,
        &[
            "Spalte „Quelle gelesen“ fehlt",
            "„Zuletzt geprüft“ wird als „Quelle gelesen“ gelesen",
        ],
    );
    assert_line(
        &report,
        &["Spalte „Stand der Quelle“ fehlt", "bisherige Angaben"],
    );
    // A date typed into the old column is a new "Quelle gelesen".
    let typed = old.replacen(";2026-11-24\r\n", ";01.12.2026\r\n", 1);
    let imported = import(typed.as_bytes(), &previous, places(), &settings())
        .unwrap_or_else(|e| panic!("{e}"));
    let koeln = agency(&imported.dataset, KOELN);
    assert_eq!(
        (koeln.source_seen.as_str(), koeln.last_verified.as_str()),
        ("2026-12-01", "")
    );
}

#[test]
fn phone_numbers_that_lost_their_zero_are_repaired() {
    let csv = exported().replace(";0241 406500;", ";241406500;");
    let imported = import_bytes(csv.as_bytes());
    assert_eq!(
        agency(&imported.dataset, AACHEN).contact.phone.as_deref(),
        Some("0241406500")
    );
    assert_line(
        &imported.report.to_string(),
        &["„Telefon“", "führende 0", "„241406500“ → „0241406500“"],
    );
}

// ------------------------------------------------- rejected rows and report

#[test]
fn a_rejected_row_keeps_the_previous_record_and_names_row_column_and_value() {
    let csv = exported().replace("gbb@paez-aachen.de", "gbb(at)paez-aachen.de");
    let imported = import_bytes(csv.as_bytes());
    assert!(imported.report.failed());
    assert_eq!(imported.dataset, previous(), "{}", imported.report);
    let row = imported
        .report
        .rows
        .iter()
        .find(|r| r.row == 4)
        .unwrap_or_else(|| panic!("{}", imported.report));
    assert_eq!(row.status, RowStatus::RejectedKept);
    assert_eq!(row.problems.len(), 1);
    assert_eq!(row.problems[0].column.as_deref(), Some("Spalte R „E-Mail“"));
    assert_eq!(
        row.problems[0].value.as_deref(),
        Some("gbb(at)paez-aachen.de")
    );
    assert_line(
        &imported.report.to_string(),
        &[
            "Zeile 4",
            AACHEN,
            "ABGELEHNT",
            "bisherige Eintrag",
            "UNVERÄNDERT",
        ],
    );
    assert_line(
        &imported.report.to_string(),
        &[
            "Spalte R „E-Mail“ = „gbb(at)paez-aachen.de“",
            "E-Mail-Adresse",
        ],
    );
}

#[test]
fn each_bad_value_is_named() {
    let csv = exported()
        .replace(";52062;Aachen;", ";5206x;Aachen;")
        .replace(";paritaetischer;Berliner", ";Caritasverband;Berliner")
        .replace(
            &format!(";;2026-11-24;{NEWER_CELLS}\r\nawo"),
            &format!(";11/24/2026;2026-11-24;{NEWER_CELLS}\r\nawo"),
        )
        .replace(
            &format!(";;2026-11-24;{NEWER_CELLS}\r\nintegrationsagentur"),
            &format!(";;2026-11-24;Herbst 2021{NEWER_CELLS}\r\nintegrationsagentur"),
        );
    let imported = import_bytes(csv.as_bytes());
    let report = imported.report.to_string();
    assert_line(&report, &["Spalte F „PLZ“ = „5206x“", "fünf Ziffern"]);
    assert_line(
        &report,
        &["Spalte D „Verband“ = „Caritasverband“", "awo, caritas"],
    );
    assert_line(
        &report,
        &["Spalte W „Zuletzt geprüft“ = „11/24/2026“", "Datum"],
    );
    assert_line(
        &report,
        &[
            "Spalte Y „Stand der Quelle“ = „Herbst 2021“",
            "ein Jahr (2021)",
        ],
    );
    assert_eq!(imported.report.rejected(), 2, "{report}");
    assert_eq!(imported.dataset, previous());
}

#[test]
fn swapped_coordinates_are_rejected() {
    let csv = exported().replace(";50,776;6,0872;", ";6,0872;50,776;");
    let report = import_bytes(csv.as_bytes()).report.to_string();
    assert_line(&report, &["Zeile 4", "Breitengrad", "vertauscht"]);
}

#[test]
fn a_new_row_without_position_is_placed_offline() {
    let csv = format!(
        "{}{}",
        exported(),
        ";Integrationsagentur Test;Testträger e.V.;caritas;Markt 1;33602;Bielefeld;;;;;;;counselling;nein;;;;;;https://www.example.org/quelle;;01.12.2026\r\n"
    );
    let imported = import_bytes(csv.as_bytes());
    let report = imported.report.to_string();
    assert!(!imported.report.failed(), "{report}");
    let added = agency(&imported.dataset, "integrationsagentur-test-bielefeld");
    assert_eq!(added.location.precision, Precision::Postcode);
    assert_eq!(
        (added.ags.as_str(), added.municipality.as_str()),
        ("05711000", "Bielefeld")
    );
    assert_eq!(added.kreis, "Bielefeld");
    assert_eq!(added.last_verified, "2026-12-01");
    assert_line(
        &report,
        &["Zeile 7", "integrationsagentur-test-bielefeld", "NEU"],
    );
    assert_line(&report, &["PLZ-Gebiets 33602"]);
}

#[test]
fn a_new_row_without_a_placeable_town_is_rejected() {
    let csv = format!(
        "{}{}",
        exported(),
        ";Integrationsagentur Test;Testträger e.V.;caritas;;;Atlantis;;;;;;;;nein;;;;;;https://www.example.org/quelle;;2026-12-01\r\n"
    );
    let imported = import_bytes(csv.as_bytes());
    assert_eq!(imported.dataset, previous());
    assert_line(
        &imported.report.to_string(),
        &["Spalte G „Ort“ = „Atlantis“", "keine Gemeinde in NRW"],
    );
    assert_line(
        &imported.report.to_string(),
        &["Zeile 7", "NICHT in den Datensatz"],
    );
}

#[test]
fn without_place_data_rows_must_carry_their_position() {
    let no_places = Places::default();
    let imported = import(exported().as_bytes(), &previous(), no_places, &settings())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.dataset, previous(), "{}", imported.report);
    let csv = format!(
        "{}{}",
        exported(),
        ";Integrationsagentur Test;Testträger e.V.;caritas;;33602;Bielefeld;;;;;;;;nein;;;;;;https://www.example.org/q;;2026-12-01\r\n"
    );
    let imported = import(csv.as_bytes(), &previous(), no_places, &settings())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.dataset, previous());
    assert_line(
        &imported.report.to_string(),
        &[
            "Fehler in Zeile 7",
            "Spalte K „Breitengrad“",
            "ohne Ortsdaten",
        ],
    );
}

#[test]
fn the_template_example_row_is_never_imported() {
    let template = read(&repo_root().join("docs/vorlage-agenturen.csv"));
    let header_len = to_csv(&[]).len();
    assert_eq!(
        &template[..header_len],
        to_csv(&[]).as_bytes(),
        "template header"
    );
    let imported = import_bytes(&template);
    let row = &imported.report.rows[0];
    assert_eq!(row.status, RowStatus::RejectedNew);
    assert!(
        row.problems
            .iter()
            .all(|p| p.message.contains("Beispielzeile")),
        "{}",
        imported.report
    );
    // Apart from being the example, the row is valid and would be placed.
    let text = String::from_utf8_lossy(&template)
        .replace("\r\nbeispiel-agentur;\"BEISPIEL – ", "\r\n;\"Test – ");
    let imported = import_bytes(text.as_bytes());
    assert!(
        imported.report.rows[0].problems.is_empty(),
        "{}",
        imported.report
    );
}

#[test]
fn removing_many_records_needs_a_flag() {
    let csv = exported();
    let only_header_and_one: String = csv.split_inclusive("\r\n").take(2).collect();
    let strict = Settings {
        max_removed: 2,
        ..settings()
    };
    let imported = import(
        only_header_and_one.as_bytes(),
        &previous(),
        places(),
        &strict,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(imported.report.blocked.is_some() && imported.report.failed());
    assert_line(
        &imported.report.to_string(),
        &["NICHTS GESCHRIEBEN", "--max-removed 4"],
    );
    let allowed = Settings {
        max_removed: 4,
        ..settings()
    };
    let imported = import(
        only_header_and_one.as_bytes(),
        &previous(),
        places(),
        &allowed,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(!imported.report.failed(), "{}", imported.report);
    assert_eq!(imported.dataset.agencies.len(), 1);
    assert_line(&imported.report.to_string(), &["ENTFERNT"]);
    assert_line(
        &imported.report.to_string(),
        &["- id „gleichbehandlungsbuero-aachen-gbb“"],
    );
}

#[test]
fn as_of_can_be_set() {
    let with_date = Settings {
        as_of: Some("01.12.2026".into()),
        ..settings()
    };
    let imported = import(exported().as_bytes(), &previous(), places(), &with_date)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.dataset.meta.as_of, "2026-12-01");
}

// ------------------------------------------------ the command and its docs

#[test]
fn the_edited_example_through_the_command() {
    let dir = scratch("edited");
    let out = dir.join("agencies.json");
    let output = run(&[
        "import",
        &fixture("edited.csv").to_string_lossy(),
        "--previous",
        &fixture("previous.json").to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    let report = text(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    let written = read_previous(&read_string(&out), "out").unwrap_or_else(|e| panic!("{e}"));
    let before = previous();
    // Rejected row: the previous record stays.
    assert_eq!(agency(&written, AACHEN), agency(&before, AACHEN));
    // Changed rows.
    assert_eq!(
        agency(&written, KOELN).contact.phone.as_deref(),
        Some("0221 96476301")
    );
    assert_eq!(agency(&written, KOELN).languages, vec!["de", "tr"]);
    let ahlen = agency(&written, "awo-integrationsagentur-ahlen");
    assert_eq!(ahlen.location.precision, Precision::Postcode);
    // Removed and added.
    assert!(!written
        .agencies
        .iter()
        .any(|a| a.id == "servicestelle-fuer-antidiskriminierungsarbeit-drk-borken"));
    assert_eq!(written.agencies.len(), 5);
    assert_line(&report, &["Zeile 4", "ABGELEHNT", "bleibt UNVERÄNDERT"]);
    assert_line(
        &report,
        &[
            "Fehler in Zeile 4",
            "Spalte R „E-Mail“ = „gbb(at)paez-aachen.de“",
        ],
    );
    assert_line(&report, &["Telefon: „0221 96476300“ → „0221 96476301“"]);
    assert_line(&report, &["FEHLER: 2 Zeilen abgelehnt"]);
}

#[test]
fn a_blocked_import_writes_nothing() {
    let dir = scratch("blocked");
    let csv = dir.join("one.csv");
    let only_one: String = exported().split_inclusive("\r\n").take(2).collect();
    std::fs::write(&csv, only_one).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.join("agencies.json");
    let output = run(&[
        "import",
        &csv.to_string_lossy(),
        "--previous",
        &fixture("previous.json").to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
        "--max-removed",
        "1",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(!out.exists());
    assert!(text(&output).contains("NICHTS GESCHRIEBEN"));
}

/// The text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in the
/// maintenance guide. With `IA_UPDATE_DOCS=1` the block is rewritten instead
/// of compared.
#[track_caller]
fn assert_docs_block(name: &str, expected: &str) {
    let path = repo_root().join("docs/data-maintenance.md");
    let docs = read_string(&path);
    let (start, end) = (
        format!("<!-- {name}:start -->\n"),
        format!("<!-- {name}:end -->"),
    );
    let (Some(from), Some(to)) = (docs.find(&start), docs.find(&end)) else {
        panic!("docs/data-maintenance.md has no block {name}");
    };
    let from = from + start.len();
    if std::env::var_os("IA_UPDATE_DOCS").is_some() {
        let updated = format!("{}{expected}{}", &docs[..from], &docs[to..]);
        std::fs::write(&path, updated).unwrap_or_else(|e| panic!("{e}"));
        return;
    }
    assert!(
        docs[from..to] == *expected,
        "docs/data-maintenance.md block {name} is stale; run the tests with IA_UPDATE_DOCS=1:\n{expected}"
    );
}

#[test]
fn the_guide_shows_a_real_report() {
    let imported = import_bytes(&read(&fixture("edited.csv")));
    assert_docs_block("report", &format!("```text\n{}```\n", imported.report));
}

#[test]
fn the_guide_lists_the_codes_of_ia_core() {
    use ia_core::{Offer, Topic, Umbrella};
    fn table<T: Copy>(
        all: &[T],
        code: fn(T) -> &'static str,
        label: fn(T) -> &'static str,
    ) -> String {
        let mut out = String::from("| Code | Bedeutung |\n|---|---|\n");
        for value in all {
            out.push_str(&format!("| `{}` | {} |\n", code(*value), label(*value)));
        }
        out
    }
    assert_docs_block(
        "umbrella",
        &table(Umbrella::ALL, Umbrella::code, Umbrella::label_de),
    );
    assert_docs_block("offers", &table(Offer::ALL, Offer::code, Offer::label_de));
    assert_docs_block("topics", &table(Topic::ALL, Topic::code, Topic::label_de));
    assert_docs_block(
        "precision",
        &table(Precision::ALL, Precision::code, Precision::label_de),
    );
    let headings = ia_core::export::CSV_HEADERS
        .iter()
        .map(|h| format!("`{h}`"))
        .collect::<Vec<_>>()
        .join(" · ");
    assert_docs_block("headings", &format!("{headings}\n"));
}

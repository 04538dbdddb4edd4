//! Excel, LibreOffice and Windows-1252 files, written by the tests
//! themselves, go through the same import as a CSV: the published dataset
//! survives the round trip byte for byte, leading zeros are kept (or
//! restored where a program turned a cell into a number), and an edited
//! file reports the changed and the rejected rows with the cell named.

use std::io::Write as _;
use std::path::PathBuf;

use ia_core::columns::Column;
use ia_core::export::csv_values;
use ia_core::Dataset;
use ia_upkeep::import::{import, read_previous, Imported, Places, RowStatus, Settings};
use ia_upkeep::xlsx::{to_xlsx, DATA_SHEET, HELP_SHEET};
use rust_xlsxwriter::{Format, Workbook};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The published dataset, its text and the page's place data.
fn published() -> (Dataset, String) {
    let text = std::fs::read_to_string(root().join("public/data/agencies.json")).unwrap();
    (read_previous(&text, "agencies.json").unwrap(), text)
}

fn gazetteer() -> ia_upkeep::gazetteer::Gazetteer {
    let read = |path: &str| std::fs::read_to_string(root().join(path)).unwrap();
    ia_upkeep::gazetteer::Gazetteer::from_shipped(
        &read("public/data/boundaries/nrw-gemeinden.geojson"),
        &read("public/data/boundaries/nrw-kreise.geojson"),
        &read("public/data/places.json"),
        &read("data/place-overrides.tsv"),
        "place-overrides.tsv",
    )
    .unwrap()
}

fn run(bytes: &[u8], name: &str) -> Imported {
    let (previous, _) = published();
    let gazetteer = gazetteer();
    let places = Places {
        gazetteer: Some(&gazetteer),
        outline: None,
    };
    let settings = Settings {
        csv_name: name.into(),
        previous_name: "agencies.json".into(),
        as_of: None,
        max_removed: 10,
    };
    import(bytes, &previous, places, &settings).unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn the_exported_workbook_imports_to_the_same_bytes() {
    let (previous, text) = published();
    let bytes = to_xlsx(&previous).unwrap();
    let imported = run(&bytes, "agenturen.xlsx");
    assert_eq!(imported.text, text);
    assert!(imported
        .report
        .rows
        .iter()
        .all(|row| row.status == RowStatus::Unchanged));
    // The explanation sheet comes first, the data sheet is found by name.
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
    use calamine::Reader as _;
    assert_eq!(
        book.sheet_names(),
        vec![HELP_SHEET.to_owned(), DATA_SHEET.to_owned()]
    );
    let help = book.worksheet_range(HELP_SHEET).unwrap();
    let words: Vec<String> = help.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(words.iter().any(|w| w == "PLZ"));
    assert!(words.iter().any(|w| w.contains("paritaetischer")));
    // AGS keep their leading zero as text cells.
    let data = book.worksheet_range(DATA_SHEET).unwrap();
    let ags = data.get((1, Column::Ags.index())).unwrap();
    assert_eq!(
        ags,
        &calamine::Data::String(previous.agencies[0].ags.clone())
    );
    assert!(previous.agencies[0].ags.starts_with("05"));
}

/// The published rows with a changed phone number, an AGS typed as a number
/// (leading zero lost) and a new row without postcode that cannot be placed.
fn edited_rows() -> Vec<Vec<String>> {
    let (previous, _) = published();
    let mut rows: Vec<Vec<String>> = previous.agencies.iter().map(csv_values).collect();
    rows[0][Column::Phone.index()] = "0211 999999".into();
    let mut new = rows[1].clone();
    new[Column::Id.index()] = String::new();
    new[Column::Name.index()] = "Neue Agentur ohne PLZ".into();
    // Without postcode and position, in a place that is no Gemeinde: the
    // import cannot place it.
    for column in [
        Column::Postcode,
        Column::Lat,
        Column::Lon,
        Column::Precision,
        Column::Ags,
        Column::Municipality,
        Column::Kreis,
    ] {
        new[column.index()] = String::new();
    }
    new[Column::City.index()] = "Ehrenfeld".into();
    rows.push(new);
    rows
}

fn edited_xlsx() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet().set_name(DATA_SHEET).unwrap();
    let text = Format::new().set_num_format("@");
    for (col, heading) in (0u16..).zip(Column::HEADINGS) {
        sheet.write_string(0, col, heading).unwrap();
    }
    for (row, cells) in (1u32..).zip(edited_rows()) {
        for (col, value) in (0u16..).zip(cells) {
            if row == 1 && col as usize == Column::Ags.index() {
                // As Excel stores "05315000" typed into a general cell.
                sheet
                    .write_number(row, col, value.parse::<f64>().unwrap())
                    .unwrap();
            } else {
                sheet
                    .write_string_with_format(row, col, &value, &text)
                    .unwrap();
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

fn check_edited(imported: &Imported) {
    let report = &imported.report;
    let changed: Vec<_> = report
        .rows
        .iter()
        .filter(|r| r.status == RowStatus::Changed)
        .collect();
    assert_eq!(
        changed.len(),
        1,
        "{:#?}",
        report
            .rows
            .iter()
            .filter(|r| r.status != RowStatus::Unchanged)
            .collect::<Vec<_>>()
    );
    assert_eq!(changed[0].row, 2);
    let phone = &changed[0].changes;
    assert_eq!(phone.len(), 1, "{phone:?}");
    assert_eq!(phone[0].heading, "Telefon");
    assert_eq!(phone[0].new, "0211 999999");
    let rejected: Vec<_> = report
        .rows
        .iter()
        .filter(|r| r.status.is_rejected())
        .collect();
    assert_eq!(rejected.len(), 1);
    let last = report.rows.len() + 1;
    assert_eq!(rejected[0].row, last);
    let problem = rejected[0].problems[0].to_string();
    assert!(problem.starts_with("Spalte G „Ort“"), "{problem}");
    // The AGS typed as a number got its zero back (a repair, not a change).
    let (previous, _) = published();
    assert_eq!(
        imported
            .dataset
            .agencies
            .iter()
            .find(|a| a.id == previous.agencies[0].id)
            .unwrap()
            .ags,
        previous.agencies[0].ags
    );
}

#[test]
fn an_edited_workbook_reports_the_changed_and_the_rejected_row() {
    check_edited(&run(&edited_xlsx(), "bearbeitet.xlsx"));
}

/// A minimal OpenDocument spreadsheet (what LibreOffice writes, reduced to
/// the parts a reader needs: mimetype, manifest, content).
fn ods(rows: &[Vec<String>]) -> Vec<u8> {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut table = String::new();
    for cells in rows {
        table.push_str("<table:table-row>");
        for cell in cells {
            if cell.is_empty() {
                table.push_str("<table:table-cell/>");
            } else {
                table.push_str(&format!(
                    "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                    escape(cell)
                ));
            }
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"{DATA_SHEET}\">{table}</table:table>\
         </office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    out.start_file("mimetype", stored).unwrap();
    out.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    out.start_file("META-INF/manifest.xml", stored).unwrap();
    out.write_all(manifest.as_bytes()).unwrap();
    out.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    out.write_all(content.as_bytes()).unwrap();
    out.finish().unwrap().into_inner()
}

#[test]
fn an_edited_libreoffice_file_reads_like_the_excel_file() {
    let mut rows = vec![Column::HEADINGS.iter().map(|h| (*h).to_owned()).collect()];
    rows.extend(edited_rows());
    let bytes = ods(&rows);
    let imported = run(&bytes, "bearbeitet.ods");
    // The same outcome, except that the AGS stayed text here.
    let report = &imported.report;
    assert_eq!(
        report
            .rows
            .iter()
            .filter(|r| r.status == RowStatus::Changed)
            .count(),
        1
    );
    let rejected: Vec<_> = report
        .rows
        .iter()
        .filter(|r| r.status.is_rejected())
        .collect();
    assert_eq!(rejected.len(), 1);
    assert!(rejected[0].problems[0]
        .to_string()
        .starts_with("Spalte G „Ort“"));
    assert!(report.file_notes.iter().any(|n| n.contains(DATA_SHEET)));
}

#[test]
fn a_windows_1252_csv_keeps_umlauts_and_leading_zeros() {
    let (previous, text) = published();
    let agencies: Vec<_> = previous.agencies.iter().collect();
    let csv = ia_core::export::to_csv(&agencies);
    let csv = csv.trim_start_matches('\u{feff}');
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(csv);
    assert!(!lossy);
    assert!(
        bytes.iter().any(|b| *b == 0xFC || *b == 0xE4),
        "an umlaut as one byte"
    );
    let imported = run(&bytes, "ansi.csv");
    assert_eq!(imported.text, text);
    assert!(imported
        .report
        .file_notes
        .iter()
        .any(|n| n.contains("Windows-1252")));
}

//! Excel (`.xlsx`) and LibreOffice (`.ods`) files → rows, read directly with
//! `calamine`, so nobody has to "save as CSV" (where most damage happens).
//!
//! The data sheet is the one called [`DATA_SHEET`] (the export's), else the
//! first sheet. Cells become the text a CSV of them would hold: text as is,
//! whole numbers without a decimal part (a PLZ typed as a number loses its
//! leading zero exactly like in a CSV, and the import restores it the same
//! way), dates as `JJJJ-MM-TT`. Row numbers are the ones the program shows.

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use super::table::{LineEnds, Row, Table};
use crate::{Error, Result};

/// The name of the sheet with one row per agency (the export's second sheet;
/// the first explains the columns).
pub const DATA_SHEET: &str = "Agenturen";

/// Whether the bytes are a zip archive (`.xlsx`, `.ods`) rather than text.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads the data sheet; returns the rows and the sheet's name.
pub fn read_workbook(bytes: &[u8]) -> Result<(Table, String)> {
    let cursor = std::io::Cursor::new(bytes);
    let mut workbook = open_workbook_auto_from_rs(cursor).map_err(|err| {
        Error(format!(
            "Die Datei ist weder eine Excel- (.xlsx) noch eine LibreOffice-Tabelle (.ods), \
             die gelesen werden kann: {err}"
        ))
    })?;
    let names = workbook.sheet_names();
    let name = names
        .iter()
        .find(|name| name.as_str() == DATA_SHEET)
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| Error("Die Datei enthält kein Tabellenblatt.".into()))?;
    let range = workbook
        .worksheet_range(&name)
        .map_err(|err| Error(format!("Tabellenblatt „{name}“: {err}")))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(index, cells)| {
            let mut texts: Vec<String> = vec![String::new(); first_column as usize];
            texts.extend(cells.iter().map(cell_text));
            Row {
                number: first_row as usize + index + 1,
                cells: texts,
            }
        })
        .collect();
    let table = Table {
        delimiter: ';',
        line_ends: LineEnds::Crlf,
        rows,
    };
    Ok((table, name))
}

/// The text of one cell.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", *x as i64),
        Data::Float(x) => x.to_string().replace('.', ","),
        Data::Bool(true) => "ja".into(),
        Data::Bool(false) => "nein".into(),
        Data::DateTime(date) => excel_date(date.as_f64()),
        Data::Error(err) => format!("#{err}"),
    }
}

/// An Excel date (days since 1899-12-30) as `JJJJ-MM-TT`.
fn excel_date(serial: f64) -> String {
    // 25 569 days from 1899-12-30 to 1970-01-01.
    ia_core::date::from_unix_days(serial.floor() as i64 - 25_569)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_dates_are_iso_dates() {
        assert_eq!(excel_date(1.0), "1899-12-31");
        assert_eq!(excel_date(25_569.0), "1970-01-01");
        assert_eq!(excel_date(46_357.5), "2026-12-01");
        assert_eq!(excel_date(45_351.0), "2024-02-29");
    }

    #[test]
    fn numbers_read_like_a_csv_would_hold_them() {
        assert_eq!(cell_text(&Data::Float(1067.0)), "1067");
        assert_eq!(cell_text(&Data::Float(50.9375)), "50,9375");
        assert_eq!(cell_text(&Data::Int(52062)), "52062");
        assert_eq!(cell_text(&Data::String("01067".into())), "01067");
        assert_eq!(cell_text(&Data::Empty), "");
    }

    #[test]
    fn a_text_file_is_no_workbook() {
        assert!(!is_workbook(b"id;Name\n"));
        let err = read_workbook(b"PK\x03\x04 not really").unwrap_err();
        assert!(err.0.contains(".xlsx"), "{err}");
    }
}

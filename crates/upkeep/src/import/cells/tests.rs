//! Reading rows: cleaning, repairs, problems named by column and value.

use ia_core::export::csv_values;
use ia_core::synthetic::synthetic_agencies;

use super::*;
use crate::import::testing::{exported_columns, exported_row};

/// Row 7, as the export writes a synthetic agency, with some cells changed.
fn row(changes: &[(Column, &str)]) -> Row {
    exported_row(&synthetic_agencies(1, 4).remove(0), changes, 7)
}

fn read(changes: &[(Column, &str)]) -> (ParsedRow, Vec<Repair>) {
    let mut repairs = Vec::new();
    let parsed = read_row(&row(changes), &exported_columns(), &mut repairs);
    (parsed, repairs)
}

#[test]
fn an_exported_row_reads_without_remarks() {
    let (parsed, repairs) = read(&[]);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert!(repairs.is_empty(), "{repairs:?}");
    let agency = synthetic_agencies(1, 4).remove(0);
    assert_eq!(parsed.id.as_deref(), Some(agency.id.as_str()));
    assert_eq!(parsed.fields.name, agency.name);
    assert_eq!(parsed.fields.offers, agency.offers);
    assert_eq!(parsed.values, csv_values(&agency));
}

#[test]
fn spaces_and_the_formula_guard_are_removed() {
    let (parsed, repairs) = read(&[(Column::Name, "  Agentur "), (Column::Carrier, "'=Verein")]);
    assert_eq!(parsed.fields.name, "Agentur");
    assert_eq!(parsed.fields.carrier, "=Verein");
    assert_eq!(repairs.len(), 1);
    assert_eq!(
        (repairs[0].row, repairs[0].column, repairs[0].what),
        (7, Column::Name, messages::TRIMMED)
    );
    assert_eq!(
        (repairs[0].from.as_str(), repairs[0].to.as_str()),
        ("  Agentur ", "Agentur")
    );
}

#[test]
fn problems_name_column_letter_heading_and_value() {
    let (parsed, _) = read(&[(Column::Email, "a(at)b.de"), (Column::Name, "")]);
    let shown: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        vec![
            format!("Spalte B „Name“ = „“: {}", messages::EMPTY),
            format!("Spalte R „E-Mail“ = „a(at)b.de“: {}", messages::EMAIL),
        ]
    );
}

#[test]
fn the_example_row_and_bad_ids_are_rejected() {
    let (parsed, _) = read(&[(Column::Id, EXAMPLE_ID), (Column::Name, "BEISPIEL – x")]);
    assert_eq!(parsed.problems.len(), 2);
    assert!(parsed
        .problems
        .iter()
        .all(|p| p.message == messages::EXAMPLE_ROW));
    let (parsed, _) = read(&[(Column::Id, "Köln Mitte")]);
    assert_eq!(
        parsed.problems[0].message,
        messages::not_a_slug("koeln-mitte"),
        "{:?}",
        parsed.problems
    );
}

#[test]
fn content_right_of_the_last_column_rejects_the_row() {
    let mut shifted = row(&[]);
    shifted.cells.extend(["".to_owned(), "2022".to_owned()]);
    let parsed = read_row(&shifted, &exported_columns(), &mut Vec::new());
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].column, None);
    assert_eq!(parsed.problems[0].message, messages::shifted_cells("AE"));
}

#[test]
fn coordinates_swapped_or_half_given() {
    let (parsed, _) = read(&[(Column::Lat, "6,9"), (Column::Lon, "50,9")]);
    assert_eq!(
        parsed.problems[0].message,
        messages::swapped_coordinates("50,9")
    );
    let (parsed, _) = read(&[(Column::Lon, "")]);
    assert_eq!(
        parsed.problems[0].column.as_deref(),
        Some("Spalte L „Längengrad“")
    );
    assert_eq!(parsed.problems[0].message, messages::ONE_COORDINATE);
    let (parsed, _) = read(&[(Column::Lat, "50.937"), (Column::Lon, "6,96")]);
    assert_eq!(
        (parsed.fields.lat, parsed.fields.lon),
        (Some(50.937), Some(6.96))
    );
}

#[test]
fn a_kreis_record_has_a_five_digit_key() {
    let (parsed, repairs) = read(&[
        (Column::Precision, "kreis"),
        (Column::Ags, "5974"),
        (Column::Municipality, ""),
    ]);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.fields.ags.as_deref(), Some("05974"));
    assert_eq!(repairs[0].what, messages::ZEROS_RESTORED);
    let (parsed, _) = read(&[(Column::Ags, "06412000")]);
    assert_eq!(parsed.problems[0].message, messages::AGS_NOT_NRW);
}

#[test]
fn the_guard_is_undone() {
    assert_eq!(unguard("'=SUM(A1)"), "=SUM(A1)");
    assert_eq!(unguard("''s-Hertogenbosch"), "'s-Hertogenbosch");
    assert_eq!(unguard("'s-Hertogenbosch"), "'s-Hertogenbosch");
    assert_eq!(unguard("'-Kreis"), "-Kreis");
}

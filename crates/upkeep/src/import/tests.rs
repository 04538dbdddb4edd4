//! The steps of the import between reading rows and writing: merging with
//! the previous dataset, the new `as_of`, blocking. (The whole import on
//! real files is tested in `tests/import.rs`.)

use ia_core::synthetic::synthetic_dataset;

use super::*;

fn settings() -> Settings {
    Settings {
        csv_name: "t.csv".into(),
        previous_name: "p.json".into(),
        as_of: None,
        max_removed: 1,
    }
}

fn import_text(csv: &str, previous: &Dataset) -> Result<Imported> {
    import(csv.as_bytes(), previous, Places::default(), &settings())
}

#[test]
fn rows_missing_from_the_table_are_removed_and_many_block() {
    let previous = synthetic_dataset(3, 5);
    let csv = ia_core::export::to_csv(&[&previous.agencies[1], &previous.agencies[2]]);
    let imported = import_text(&csv, &previous).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.report.removed, vec![previous.agencies[0].clone()]);
    assert_eq!(imported.dataset.agencies.len(), 2);
    assert!(imported.report.blocked.is_none(), "{}", imported.report);
    let header_only = ia_core::export::to_csv(&[]);
    let imported = import_text(&header_only, &previous).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        imported.report.blocked.as_deref(),
        Some(messages::WOULD_BE_EMPTY)
    );
    let one = ia_core::export::to_csv(&[&previous.agencies[0]]);
    let imported = import_text(&one, &previous).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        imported.report.blocked,
        Some(messages::too_many_removed(2, 1))
    );
}

#[test]
fn blank_rows_are_counted_not_read() {
    let previous = synthetic_dataset(2, 6);
    let refs: Vec<&Agency> = previous.agencies.iter().collect();
    let csv = ia_core::export::to_csv(&refs).replacen("\r\n", "\r\n;;\r\n\r\n", 1);
    let imported = import_text(&csv, &previous).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (imported.report.data_rows, imported.report.blank_rows),
        (2, 2)
    );
    let numbers: Vec<usize> = imported.report.rows.iter().map(|r| r.row).collect();
    assert_eq!(numbers, vec![4, 5]);
    assert_eq!(imported.dataset, previous, "{}", imported.report);
}

#[test]
fn the_new_as_of_is_read_like_a_date_cell() {
    let meta = synthetic_dataset(1, 1).meta;
    let with = |as_of: &str| {
        let settings = Settings {
            as_of: Some(as_of.into()),
            ..settings()
        };
        new_meta(&meta, &settings).map(|m| m.as_of)
    };
    assert_eq!(with("01.12.2026"), Ok("2026-12-01".into()));
    assert!(with("Dezember").is_err());
    assert_eq!(
        new_meta(&meta, &settings()).map(|m| m.as_of),
        Ok(meta.as_of.clone())
    );
}

#[test]
fn an_empty_file_has_no_header() {
    let previous = synthetic_dataset(1, 1);
    let err = import_text("", &previous).err().map(|e| e.0);
    assert_eq!(err.as_deref(), Some(messages::EMPTY_FILE));
}

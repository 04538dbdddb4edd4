//! Duplicates, new ids, and ids shared by rows with different content.

use super::*;
use crate::import::cells::Fields;

fn row(number: usize, id: Option<&str>, name: &str, city: &str) -> ParsedRow {
    let mut values = vec![String::new(); Column::COUNT];
    values[Column::Id.index()] = id.unwrap_or_default().to_owned();
    values[Column::Name.index()] = name.to_owned();
    values[Column::City.index()] = city.to_owned();
    ParsedRow {
        number,
        values,
        id: id.map(str::to_owned),
        fields: Fields {
            name: name.to_owned(),
            city: city.to_owned(),
            carrier: "Träger e.V.".into(),
            street: Some("Markt 1".into()),
            ..Fields::default()
        },
        agency: None,
        problems: Vec::new(),
        notes: Vec::new(),
        duplicate_of: None,
    }
}

#[test]
fn a_row_like_an_earlier_one_is_a_duplicate() {
    let mut rows = vec![
        row(2, Some("a"), "A", "Köln"),
        row(3, Some("a"), "A", "Köln"),
        row(4, Some("b"), "B", "Köln"),
    ];
    settle(&mut rows);
    let duplicates: Vec<Option<usize>> = rows.iter().map(|r| r.duplicate_of).collect();
    assert_eq!(duplicates, vec![None, Some(2), None]);
    assert!(rows.iter().all(|r| r.problems.is_empty()));
}

#[test]
fn new_rows_get_an_id_from_name_and_city_then_carrier() {
    let mut rows = vec![
        row(2, Some("agentur-koeln"), "X", "Köln"),
        row(3, None, "Agentur", "Köln"),
        row(4, None, "Agentur", "Bonn"),
    ];
    settle(&mut rows);
    let ids: Vec<Option<&str>> = rows.iter().map(|r| r.id.as_deref()).collect();
    assert_eq!(
        ids,
        vec![
            Some("agentur-koeln"),
            Some("agentur-koeln-traeger-e-v"),
            Some("agentur-bonn")
        ]
    );
    assert_eq!(rows[1].notes, vec![messages::NEW_ID]);
}

#[test]
fn rows_with_one_id_and_different_content_are_all_rejected() {
    let mut rows = vec![
        row(2, Some("a"), "A", "Köln"),
        row(3, Some("b"), "B", "Köln"),
        row(4, Some("a"), "A2", "Köln"),
    ];
    settle(&mut rows);
    for index in [0, 2] {
        let problem = &rows[index].problems[0];
        assert_eq!(problem.column.as_deref(), Some("Spalte „id“"));
        assert_eq!(problem.value.as_deref(), Some("a"));
        assert_eq!(problem.message, messages::same_id("2, 4"));
    }
    assert!(rows[1].problems.is_empty());
}

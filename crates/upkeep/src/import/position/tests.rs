//! Finding a row's place: given, kept or computed, and the AGS, Gemeinde and
//! Kreis that go with it (with the real place data of `../shared/data`).

use std::path::PathBuf;
use std::sync::OnceLock;

use ia_core::synthetic::synthetic_agencies;

use super::*;
use crate::import::cells::read_row;
use crate::import::testing::{exported_columns, exported_row};

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
        crate::import::testing::gazetteer_from(&root.join("../shared/data/raw"), &root.join("data"))
    })
}

/// The agency the rows start from: Köln, postcode precision.
fn agency() -> Agency {
    let mut agency = synthetic_agencies(1, 4).remove(0);
    agency.address.postcode = Some("50667".into());
    agency.address.city = "Köln".into();
    agency.ags = "05315000".into();
    agency.municipality = "Köln".into();
    agency.kreis = "Köln".into();
    agency.location.lat = 50.9387;
    agency.location.lon = 6.9547;
    agency.location.precision = Precision::Postcode;
    agency
}

fn row(changes: &[(Column, &str)]) -> ParsedRow {
    let row = exported_row(&agency(), changes, 2);
    read_row(&row, &exported_columns(), &mut Vec::new())
}

/// The place of a row, its problems (`Spalte …: message`) and notes.
fn placed(
    row: &ParsedRow,
    before: Option<&Agency>,
    gazetteer: Option<&Gazetteer>,
) -> (Option<Place>, Vec<String>, Vec<String>) {
    let columns = exported_columns();
    let mut found = Findings::new(&columns, row);
    let places = Places {
        gazetteer,
        outline: None,
    };
    let place = place(row, before, places, &mut found);
    let problems = found.problems.iter().map(ToString::to_string).collect();
    (place, problems, found.notes)
}

#[test]
fn a_given_position_with_its_places_is_kept() {
    let row = row(&[]);
    assert!(row.problems.is_empty(), "{:?}", row.problems);
    let (place, problems, notes) = placed(&row, Some(&agency()), Some(gazetteer()));
    assert!(
        problems.is_empty() && notes.is_empty(),
        "{problems:?} {notes:?}"
    );
    let place = place.unwrap_or_else(|| panic!("no place"));
    assert_eq!((place.lat, place.lon), (50.9387, 6.9547));
    assert_eq!(place.ags, "05315000");
    assert_eq!(
        (place.municipality.as_str(), place.kreis.as_str()),
        ("Köln", "Köln")
    );
}

#[test]
fn an_empty_position_is_computed_from_postcode_and_city() {
    let row = row(&[
        (Column::Lat, ""),
        (Column::Lon, ""),
        (Column::Precision, ""),
        (Column::Ags, ""),
        (Column::Municipality, ""),
        (Column::Kreis, ""),
        (Column::Postcode, "33602"),
        (Column::City, "Bielefeld"),
    ]);
    let (place, problems, notes) = placed(&row, None, Some(gazetteer()));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(notes, vec![messages::placed_in_postcode("33602")]);
    let place = place.unwrap_or_else(|| panic!("no place"));
    assert_eq!(place.precision, Precision::Postcode);
    assert_eq!(place.ags, "05711000");
    assert_eq!(place.kreis, "Bielefeld");
}

#[test]
fn a_changed_postcode_with_the_old_position_is_computed_anew() {
    let row = row(&[(Column::Postcode, "51063")]);
    let (place, problems, notes) = placed(&row, Some(&agency()), Some(gazetteer()));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(notes[0], messages::RECOMPUTED);
    assert_eq!(notes[1], messages::placed_in_postcode("51063"));
    assert_ne!(place.map(|p| p.lat), Some(50.9387));
    // An exact position stays, whatever the address says.
    let exact = row_with_precision("address");
    let mut before = agency();
    before.location.precision = Precision::Address;
    let (place, _, notes) = placed(&exact, Some(&before), Some(gazetteer()));
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(place.map(|p| p.lat), Some(50.9387));
}

fn row_with_precision(precision: &str) -> ParsedRow {
    row(&[(Column::Postcode, "51063"), (Column::Precision, precision)])
}

#[test]
fn without_place_data_nothing_can_be_computed_or_filled_in() {
    let row_without = row(&[(Column::Lat, ""), (Column::Lon, "")]);
    let (place, problems, _) = placed(&row_without, None, None);
    assert_eq!(place, None);
    assert_eq!(
        problems,
        vec![format!(
            "Spalte K „Breitengrad“ = „“: {}",
            messages::NO_PLACE_DATA_TO_COMPUTE
        )]
    );
    let row_empty = row(&[(Column::Ags, ""), (Column::Kreis, "")]);
    let (place, problems, _) = placed(&row_empty, None, None);
    assert!(place.is_some());
    assert_eq!(
        problems,
        vec![
            format!("Spalte H „AGS“ = „“: {}", messages::NEEDS_PLACE_DATA),
            format!("Spalte J „Kreis“ = „“: {}", messages::NEEDS_PLACE_DATA),
        ]
    );
}

#[test]
fn a_given_position_needs_its_precision() {
    let row = row(&[(Column::Precision, "")]);
    let (place, problems, _) = placed(&row, None, Some(gazetteer()));
    assert_eq!(place, None);
    assert!(
        problems[0].starts_with("Spalte M „Genauigkeit“"),
        "{problems:?}"
    );
}

#[test]
fn gemeinde_and_kreis_are_filled_in_or_checked_against_the_ags() {
    let filled = row(&[(Column::Municipality, ""), (Column::Kreis, "koeln")]);
    let (place, problems, notes) = placed(&filled, None, Some(gazetteer()));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        notes,
        vec![messages::filled_from_ags(Column::Municipality, "Köln")]
    );
    assert_eq!(place.map(|p| p.kreis), Some("Köln".to_owned()));
    let wrong = row(&[(Column::Kreis, "Soest")]);
    let (_, problems, _) = placed(&wrong, None, Some(gazetteer()));
    assert_eq!(
        problems,
        vec![format!(
            "Spalte J „Kreis“ = „Soest“: {}",
            messages::other_gemeinde("05315000", "Köln")
        )]
    );
    let computed = row(&[(Column::Ags, "")]);
    let (place, _, notes) = placed(&computed, None, Some(gazetteer()));
    assert_eq!(notes, vec![messages::ags_computed("05315000")]);
    assert_eq!(place.map(|p| p.ags), Some("05315000".to_owned()));
}

#[test]
fn a_kreis_record_gets_the_kreis_name_and_no_municipality() {
    let kreis = row(&[
        (Column::Precision, "kreis"),
        (Column::Ags, "05554"),
        (Column::Municipality, ""),
        (Column::Kreis, ""),
        (Column::Lat, "51,96239"),
        (Column::Lon, "6,89961"),
    ]);
    let (place, problems, notes) = placed(&kreis, None, Some(gazetteer()));
    assert!(
        problems.is_empty() && notes.is_empty(),
        "{problems:?} {notes:?}"
    );
    let place = place.unwrap_or_else(|| panic!("no place"));
    assert_eq!(
        (place.ags.as_str(), place.kreis.as_str()),
        ("05554", "Borken")
    );
    assert_eq!(place.municipality, "");
    let named = row(&[
        (Column::Precision, "kreis"),
        (Column::Ags, "05554"),
        (Column::Lat, "51,96239"),
        (Column::Lon, "6,89961"),
    ]);
    let (_, problems, _) = placed(&named, None, Some(gazetteer()));
    assert!(problems.len() == 2, "{problems:?}");
    assert!(problems[0].contains(&messages::other_kreis("05554", "Borken")));
    assert!(problems[1].contains(messages::KREIS_WITH_MUNICIPALITY));
}

/// The page's gazetteer (the site's files) places postcodes exactly like the
/// command line's (the raw files), and every Gemeinde of the published
/// dataset is found at its agencies' positions in both.
#[test]
fn the_shipped_place_data_places_like_the_raw_data() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shipped = crate::import::testing::shipped_gazetteer(&root);
    let raw = gazetteer();
    let postcode = |g: &Gazetteer| g.geocode("Beispiel", "Köln", Some("50667"));
    let placed = postcode(&shipped).expect("placed");
    assert_eq!(placed.precision, Precision::Postcode);
    assert_eq!(Some(placed), postcode(raw));
    let text = std::fs::read_to_string(root.join("public/data/agencies.json")).unwrap();
    let dataset = ia_core::parse_dataset(&text).unwrap();
    let mut same = 0;
    for agency in &dataset.agencies {
        let (lat, lon) = (agency.location.lat, agency.location.lon);
        let ags = |g: &Gazetteer| g.gemeinde_at(lat, lon).map(|g| g.feature.ags.clone());
        if ags(&shipped) == ags(raw) {
            same += 1;
        }
    }
    // The simplified boundaries may put a point close to a border into the
    // neighbour; the published agencies are all placed alike.
    assert_eq!(same, dataset.agencies.len());
}

//! The CSV and GeoJSON downloads: layout, losslessness, formula guard.

use super::*;
use crate::synthetic::synthetic_agencies;
use proptest::prelude::*;
use serde_json::{json, Value};

/// A minimal reader for the format written above, enough to check it.
fn read_csv(csv: &str) -> Vec<Vec<String>> {
    let body = csv.strip_prefix('\u{feff}').unwrap_or(csv);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut in_quotes = false;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match (in_quotes, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => in_quotes = false,
            (true, _) => cell.push(c),
            (false, '"') => in_quotes = true,
            (false, ';') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, _) => cell.push(c),
        }
    }
    assert!(
        cell.is_empty() && row.is_empty(),
        "no CRLF after the last row"
    );
    rows
}

/// Undoes the formula guard, as a reader of the format must.
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START_CHARS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

fn number(cell: &str) -> f64 {
    cell.replace(',', ".").parse().unwrap_or(f64::NAN)
}

fn optional(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_owned())
}

fn list(cell: &str) -> Vec<String> {
    if cell.is_empty() {
        return Vec::new();
    }
    // As a reader must: `;` or `,` between items, spaces optional.
    cell.split([';', ','])
        .map(|item| item.trim().to_owned())
        .collect()
}

/// Rebuilds an agency from one CSV row, to prove the format is lossless.
fn agency_from_row(row: &[String]) -> Option<Agency> {
    let cell = |column: Column| unguard(&row[column.index()]);
    let codes = |column: Column| list(cell(column));
    Some(Agency {
        id: cell(Column::Id).to_owned(),
        name: cell(Column::Name).to_owned(),
        carrier: cell(Column::Carrier).to_owned(),
        umbrella: crate::Umbrella::from_code(cell(Column::Umbrella))?,
        address: crate::dataset::Address {
            street: optional(cell(Column::Street)),
            postcode: optional(cell(Column::Postcode)),
            city: cell(Column::City).to_owned(),
            carrier_servicestelle: cell(Column::CarrierServicestelle) == "ja",
        },
        ags: cell(Column::Ags).to_owned(),
        municipality: cell(Column::Municipality).to_owned(),
        kreis: cell(Column::Kreis).to_owned(),
        location: crate::dataset::Location {
            lat: number(cell(Column::Lat)),
            lon: number(cell(Column::Lon)),
            precision: crate::Precision::from_code(cell(Column::Precision))?,
        },
        offers: codes(Column::Offers)
            .iter()
            .map(|c| crate::Offer::from_code(c))
            .collect::<Option<_>>()?,
        antidiscrimination: cell(Column::Servicestelle) == "ja",
        topics: codes(Column::Topics)
            .iter()
            .map(|c| crate::Topic::from_code(c))
            .collect::<Option<_>>()?,
        contact: crate::dataset::Contact {
            phone: optional(cell(Column::Phone)),
            email: optional(cell(Column::Email)),
            website: optional(cell(Column::Website)),
            carrier_website: cell(Column::CarrierWebsite) == "ja",
        },
        languages: codes(Column::Languages),
        source_url: cell(Column::Source).to_owned(),
        source_note: optional(cell(Column::SourceNote)),
        last_verified: cell(Column::LastVerified).to_owned(),
        source_seen: cell(Column::SourceSeen).to_owned(),
        source_date: optional(cell(Column::SourceDate)),
        source_credit: optional(cell(Column::SourceCredit)),
        field_sources: match cell(Column::FieldSources) {
            "" => Vec::new(),
            json => serde_json::from_str(json).ok()?,
        },
    })
}

/// The agency as the downloads keep it: coordinates rounded to
/// [`COORDINATE_DECIMALS`] places.
fn as_downloaded(mut agency: Agency) -> Agency {
    let round = |value: f64| {
        format_trimmed(value, COORDINATE_DECIMALS)
            .parse()
            .unwrap_or(f64::NAN)
    };
    agency.location.lat = round(agency.location.lat);
    agency.location.lon = round(agency.location.lon);
    agency
}

fn tricky_agency() -> Agency {
    let mut agency = synthetic_agencies(1, 1).remove(0);
    agency.name = "Agentur \"Mitte\"; Köln\r\nZweite Zeile, mit Komma".into();
    agency.carrier = "=HYPERLINK(\"https://evil.example\",\"klick\")".into();
    agency.address.street = Some("@Straße 1".into());
    agency.kreis = "-Kreis".into();
    agency.municipality = "+Gemeinde".into();
    agency.source_note = Some("\tTab am Anfang".into());
    agency.address.city = "'s-Hertogenbosch".into();
    agency.contact.phone = Some("+49 221 123456".into());
    // More places than the downloads keep (7).
    agency.location.lat = 50.937_512_345_678_9;
    agency.location.lon = 6.960_3;
    agency
}

#[test]
fn csv_layout() {
    let agency = tricky_agency();
    let csv = to_csv(&[&agency]);
    assert!(csv.starts_with("\u{feff}id;Name;Träger;Verband;"));
    assert!(csv.ends_with("\r\n"));
    let rows = read_csv(&csv);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0], CSV_HEADERS);
    let row = &rows[1];
    assert_eq!(row.len(), CSV_HEADERS.len());
    assert_eq!(row[Column::Name.index()], agency.name);
    assert_eq!(row[Column::Carrier.index()], format!("'{}", agency.carrier));
    assert_eq!(row[Column::Street.index()], "'@Straße 1");
    assert_eq!(row[Column::Municipality.index()], "'+Gemeinde");
    assert_eq!(row[Column::Kreis.index()], "'-Kreis");
    assert_eq!(row[Column::Lat.index()], "50,9375123");
    assert_eq!(row[Column::Lon.index()], "6,9603");
    assert_eq!(row[Column::Phone.index()], "+49 221 123456");
    assert_eq!(row[Column::SourceNote.index()], "'\tTab am Anfang");
    assert_eq!(row[Column::City.index()], "''s-Hertogenbosch");
    // Lists: codes separated by "; ", so the cell is quoted.
    let offers: Vec<&str> = agency.offers.iter().map(|o| o.code()).collect();
    assert_eq!(row[Column::Offers.index()], offers.join("; "));
    // An invalid "phone number" is guarded like any other text.
    let mut bad_phone = agency.clone();
    bad_phone.contact.phone = Some("=1+1".into());
    assert_eq!(
        read_csv(&to_csv(&[&bad_phone]))[1][Column::Phone.index()],
        "'=1+1"
    );
}

#[test]
fn csv_values_are_the_cells_a_reader_gets_back() {
    let mut agencies = synthetic_agencies(20, 7);
    agencies.push(tricky_agency());
    for agency in &agencies {
        let rows = read_csv(&to_csv(&[agency]));
        let read: Vec<String> = rows[1].iter().map(|c| unguard(c).to_owned()).collect();
        assert_eq!(csv_values(agency), read);
        assert_eq!(csv_values(agency).len(), CSV_HEADERS.len());
    }
}

#[test]
fn list_cells_use_semicolons() {
    let mut agency = synthetic_agencies(1, 1).remove(0);
    agency.offers = vec![crate::Offer::Counselling, crate::Offer::Networking];
    agency.topics = vec![crate::Topic::Racism];
    agency.languages = vec!["de".into(), "tr".into()];
    let csv = to_csv(&[&agency]);
    assert!(csv.contains(";\"counselling; networking\";"), "{csv}");
    assert!(csv.contains(";racism;"), "{csv}");
    assert!(csv.contains(";\"de; tr\";"), "{csv}");
    let values = csv_values(&agency);
    assert_eq!(values[Column::Offers.index()], "counselling; networking");
    assert_eq!(values[Column::Languages.index()], "de; tr");
}

#[test]
fn csv_of_nothing_is_just_the_header() {
    let csv = to_csv(&[]);
    assert_eq!(read_csv(&csv), vec![CSV_HEADERS.to_vec()]);
}

#[test]
fn csv_is_lossless() {
    let mut agencies = synthetic_agencies(50, 3);
    agencies.push(tricky_agency());
    let refs: Vec<&Agency> = agencies.iter().collect();
    let rows = read_csv(&to_csv(&refs));
    let read_back: Vec<Option<Agency>> = rows[1..].iter().map(|r| agency_from_row(r)).collect();
    let expected: Vec<Option<Agency>> = agencies
        .into_iter()
        .map(|a| Some(as_downloaded(a)))
        .collect();
    assert_eq!(read_back, expected);
}

#[test]
fn geojson_is_valid_and_complete() {
    let mut agencies = synthetic_agencies(3, 5);
    agencies[1] = tricky_agency();
    agencies[2].location.lat = f64::NAN;
    let refs: Vec<&Agency> = agencies.iter().collect();
    let parsed: Value = serde_json::from_str(&to_geojson(&refs)).unwrap_or(Value::Null);
    assert_eq!(parsed["type"], "FeatureCollection");
    let features = parsed["features"].as_array().cloned().unwrap_or_default();
    assert_eq!(features.len(), 3);
    let tricky = &features[1];
    assert_eq!(tricky["type"], "Feature");
    assert_eq!(tricky["geometry"]["type"], "Point");
    assert_eq!(
        tricky["geometry"]["coordinates"],
        json!([6.960_3, 50.937_512_3])
    );
    let properties = &tricky["properties"];
    assert_eq!(properties["name"], agencies[1].name.as_str());
    assert_eq!(properties["carrier"], agencies[1].carrier.as_str());
    assert_eq!(properties["umbrella"], agencies[1].umbrella.code());
    assert!(properties["offers"].is_array());
    // Every schema field except the position (in the geometry) is a property.
    assert_eq!(properties.as_object().map(|o| o.len()), Some(27));
    assert_eq!(features[2]["geometry"], Value::Null);
    assert_eq!(
        serde_json::from_str::<Value>(&to_geojson(&[])).ok(),
        Some(json!({"type": "FeatureCollection", "features": []}))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_survives_the_csv(
        name in any::<String>(),
        carrier in "[=+@\t\r\n;,\"' a-zäöü-]{1,20}",
        note in proptest::option::of("\\PC{1,20}"),
        seed in any::<u64>(),
    ) {
        let mut agency = synthetic_agencies(1, seed).remove(0);
        agency.name = name;
        agency.carrier = carrier;
        agency.source_note = note;
        let rows = read_csv(&to_csv(&[&agency]));
        prop_assert_eq!(rows.len(), 2);
        prop_assert_eq!(agency_from_row(&rows[1]), Some(as_downloaded(agency)));
        // Only the exempt cells (coordinates, valid phone) may start
        // like a formula.
        for (cell_idx, cell) in rows[1].iter().enumerate() {
            prop_assert!(
                [Column::Lat.index(), Column::Lon.index(), Column::Phone.index()].contains(&cell_idx)
                    || !cell.starts_with(FORMULA_START_CHARS),
                "unguarded cell {} {:?}", cell_idx, cell
            );
        }
    }
}

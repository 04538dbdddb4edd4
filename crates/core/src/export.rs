//! Downloads of the (filtered) agencies: a CSV for spreadsheets and a GeoJSON
//! for GIS tools.
//!
//! The CSV is also meant as the spreadsheet format for the people who maintain
//! the data, so it is lossless: every schema field is a column, vocabularies
//! are written as their stable codes, and numbers keep all their digits. It
//! follows what German spreadsheet programs expect when a file is simply
//! double-clicked: UTF-8 with a byte order mark, `;` between cells, CRLF line
//! ends, and a decimal comma (`50,9375`). With a decimal point, German Excel
//! reads `50.9375` as the integer 509375, which would silently corrupt the
//! coordinates on the next save.
//!
//! List cells (offers, topics, languages) hold codes separated by `; `
//! ([`CSV_LIST_SEPARATOR`]), e.g. `counselling; networking`; a reader must
//! accept `;` and `,` between list items, with or without spaces.
//!
//! Cells are quoted when they contain `;`, `"`, `,`, CR or LF (quotes doubled).
//! Spreadsheet formula injection is defused the usual way: a text cell that
//! starts with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'`, which
//! spreadsheets show as text; so does a text cell that already starts with
//! `'`, which keeps the guard reversible. Two kinds of cell are exempt, because they cannot
//! carry a formula and the prefix would corrupt them: numbers this module
//! formats itself, and phone numbers that pass [`is_phone`] (only digits,
//! spaces and `+ - / ( ) .`), so `+49 221 123456` stays as it is. A reader
//! of this format must therefore drop a leading `'` that precedes one of
//! those six characters or another `'`; it must also accept a comma or a point as decimal
//! separator, restore leading zeros of PLZ and AGS (spreadsheets may drop
//! them), and accept `TT.MM.JJJJ` besides `JJJJ-MM-TT` for the date, since a
//! spreadsheet may rewrite any of these on saving. An empty cell means "not
//! known" (`None`).
//!
//! This module must not do I/O; the app turns the strings into downloads.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::value::RawValue;

use crate::dataset::Agency;
use crate::geo::format_trimmed;
use crate::validate::is_phone;
use crate::{Offer, Precision, Topic, Umbrella};

/// The CSV columns, in order. The first is lowercase `id` on purpose: a file
/// starting with `ID` is taken for a SYLK file by Excel.
pub const CSV_HEADERS: &[&str] = &[
    "id",
    "Name",
    "Träger",
    "Verband",
    "Straße",
    "PLZ",
    "Ort",
    "AGS",
    "Gemeinde",
    "Kreis",
    "Breitengrad",
    "Längengrad",
    "Genauigkeit",
    "Angebote",
    "Servicestelle",
    "Themen",
    "Telefon",
    "E-Mail",
    "Website",
    "Sprachen",
    "Quelle",
    "Quellenhinweis",
    "Zuletzt geprüft",
    "Quelle gelesen",
    "Stand der Quelle",
];

/// Separator inside list cells (offers, topics, languages). It contains the
/// cell separator, so list cells with more than one item are quoted.
pub const CSV_LIST_SEPARATOR: &str = "; ";

/// The characters that make a spreadsheet treat a cell as a formula.
pub const FORMULA_START_CHARS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// The agencies as a CSV file (see the module documentation for the format).
pub fn to_csv(agencies: &[&Agency]) -> String {
    let mut csv = String::from("\u{feff}");
    let headers: Vec<Cell> = CSV_HEADERS
        .iter()
        .map(|h| Cell::Text((*h).into()))
        .collect();
    push_row(&mut csv, &headers);
    for agency in agencies {
        push_row(&mut csv, &cells(agency));
    }
    csv
}

/// The values of one agency's CSV row, in [`CSV_HEADERS`] order, as a reader
/// of [`to_csv`]'s output sees them after undoing the quoting and the formula
/// guard: codes for vocabularies, lists joined with [`CSV_LIST_SEPARATOR`],
/// `ja`/`nein`, coordinates with a decimal comma, and `""` for "not known".
/// Meant for showing a record cell by cell (e.g. an import's diff).
pub fn csv_values(agency: &Agency) -> Vec<String> {
    cells(agency).iter().map(Cell::value).collect()
}

/// One agency's cells, in [`CSV_HEADERS`] order.
fn cells(agency: &Agency) -> Vec<Cell<'_>> {
    let text = |value: &'static str| Cell::Text(value.into());
    vec![
        Cell::Text(agency.id.as_str().into()),
        Cell::Text(agency.name.as_str().into()),
        Cell::Text(agency.carrier.as_str().into()),
        text(agency.umbrella.code()),
        optional_text(&agency.address.street),
        optional_text(&agency.address.postcode),
        Cell::Text(agency.address.city.as_str().into()),
        Cell::Text(agency.ags.as_str().into()),
        Cell::Text(agency.municipality.as_str().into()),
        Cell::Text(agency.kreis.as_str().into()),
        Cell::Number(agency.location.lat),
        Cell::Number(agency.location.lon),
        text(agency.location.precision.code()),
        Cell::Text(join_codes(agency.offers.iter().map(|o| o.code())).into()),
        text(if agency.antidiscrimination {
            "ja"
        } else {
            "nein"
        }),
        Cell::Text(join_codes(agency.topics.iter().map(|t| t.code())).into()),
        Cell::Phone(agency.contact.phone.as_deref().unwrap_or("")),
        optional_text(&agency.contact.email),
        optional_text(&agency.contact.website),
        Cell::Text(join_codes(agency.languages.iter().map(String::as_str)).into()),
        Cell::Text(agency.source_url.as_str().into()),
        optional_text(&agency.source_note),
        Cell::Text(agency.last_verified.as_str().into()),
        Cell::Text(agency.source_seen.as_str().into()),
        optional_text(&agency.source_date),
    ]
}

/// Decimal places of coordinates in the downloads: 7 places are about 1 cm,
/// finer than any position in the dataset.
pub const COORDINATE_DECIMALS: u32 = 7;

/// The agencies as a GeoJSON FeatureCollection: one Point feature per agency
/// with `[lon, lat]` coordinates (at most [`COORDINATE_DECIMALS`] places) and
/// every other field as a flat property (named as in the dataset schema, codes
/// for vocabularies, arrays for lists, `null` when unknown). A non-finite
/// position gives `"geometry": null`.
pub fn to_geojson(agencies: &[&Agency]) -> String {
    let collection = FeatureCollection {
        kind: "FeatureCollection",
        features: agencies.iter().map(|agency| Feature::of(agency)).collect(),
    };
    // Serializing plain structs of strings, booleans and raw numbers into a
    // String cannot fail; an empty collection is the safe fallback anyway.
    serde_json::to_string(&collection)
        .unwrap_or_else(|_| r#"{"type":"FeatureCollection","features":[]}"#.to_owned())
}

#[derive(Serialize)]
struct FeatureCollection<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    features: Vec<Feature<'a>>,
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    geometry: Option<Point>,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    /// Written from [`format_trimmed`] as raw JSON numbers, which keeps float
    /// formatting out of the Wasm build.
    coordinates: [Box<RawValue>; 2],
}

#[derive(Serialize)]
struct Properties<'a> {
    id: &'a str,
    name: &'a str,
    carrier: &'a str,
    umbrella: Umbrella,
    street: &'a Option<String>,
    postcode: &'a Option<String>,
    city: &'a str,
    ags: &'a str,
    municipality: &'a str,
    kreis: &'a str,
    precision: Precision,
    offers: &'a [Offer],
    antidiscrimination: bool,
    topics: &'a [Topic],
    phone: &'a Option<String>,
    email: &'a Option<String>,
    website: &'a Option<String>,
    languages: &'a [String],
    source_url: &'a str,
    source_note: &'a Option<String>,
    last_verified: &'a str,
    source_seen: &'a str,
    source_date: &'a Option<String>,
}

impl<'a> Feature<'a> {
    fn of(agency: &'a Agency) -> Self {
        let location = agency.location;
        Feature {
            kind: "Feature",
            id: &agency.id,
            geometry: Point::at(location.lat, location.lon),
            properties: Properties {
                id: &agency.id,
                name: &agency.name,
                carrier: &agency.carrier,
                umbrella: agency.umbrella,
                street: &agency.address.street,
                postcode: &agency.address.postcode,
                city: &agency.address.city,
                ags: &agency.ags,
                municipality: &agency.municipality,
                kreis: &agency.kreis,
                precision: location.precision,
                offers: &agency.offers,
                antidiscrimination: agency.antidiscrimination,
                topics: &agency.topics,
                phone: &agency.contact.phone,
                email: &agency.contact.email,
                website: &agency.contact.website,
                languages: &agency.languages,
                source_url: &agency.source_url,
                source_note: &agency.source_note,
                last_verified: &agency.last_verified,
                source_seen: &agency.source_seen,
                source_date: &agency.source_date,
            },
        }
    }
}

impl Point {
    fn at(lat: f64, lon: f64) -> Option<Point> {
        if !(lat.is_finite() && lon.is_finite()) {
            return None;
        }
        let number =
            |value: f64| RawValue::from_string(format_trimmed(value, COORDINATE_DECIMALS)).ok();
        Some(Point {
            kind: "Point",
            coordinates: [number(lon)?, number(lat)?],
        })
    }
}

/// One CSV cell before escaping.
enum Cell<'a> {
    /// Free text: guarded against formulas, quoted when needed.
    Text(Cow<'a, str>),
    /// A phone number: written as is when it is a valid phone number.
    Phone(&'a str),
    /// A coordinate, with a decimal comma and at most
    /// [`COORDINATE_DECIMALS`] places; empty when not finite.
    Number(f64),
}

impl Cell<'_> {
    /// The value a reader gets back (no quotes, no formula guard).
    fn value(&self) -> String {
        match self {
            Cell::Text(text) => text.clone().into_owned(),
            Cell::Phone(phone) => (*phone).to_owned(),
            Cell::Number(number) => format_number(*number),
        }
    }
}

fn optional_text(value: &Option<String>) -> Cell<'_> {
    Cell::Text(value.as_deref().unwrap_or("").into())
}

/// A coordinate with a decimal comma; empty when not finite.
fn format_number(number: f64) -> String {
    if number.is_finite() {
        format_trimmed(number, COORDINATE_DECIMALS).replace('.', ",")
    } else {
        String::new()
    }
}

fn join_codes<'a>(codes: impl Iterator<Item = &'a str>) -> String {
    codes.collect::<Vec<_>>().join(CSV_LIST_SEPARATOR)
}

fn push_row(csv: &mut String, cells: &[Cell]) {
    for (cell_idx, cell) in cells.iter().enumerate() {
        if cell_idx > 0 {
            csv.push(';');
        }
        match cell {
            Cell::Text(text) => push_text(csv, text, true),
            Cell::Phone(phone) => push_text(csv, phone, !is_phone(phone)),
            Cell::Number(number) => csv.push_str(&format_number(*number)),
        }
    }
    csv.push_str("\r\n");
}

fn push_text(csv: &mut String, text: &str, guard_formula: bool) {
    let needs_guard =
        guard_formula && (text.starts_with(FORMULA_START_CHARS) || text.starts_with('\''));
    let needs_quotes = text.contains([';', '"', ',', '\r', '\n']);
    if needs_quotes {
        csv.push('"');
    }
    if needs_guard {
        csv.push('\'');
    }
    if needs_quotes {
        csv.push_str(&text.replace('"', "\"\""));
        csv.push('"');
    } else {
        csv.push_str(text);
    }
}

#[cfg(test)]
mod tests {
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
        let cell = |idx: usize| unguard(&row[idx]);
        let codes = |idx: usize| list(cell(idx));
        Some(Agency {
            id: cell(0).to_owned(),
            name: cell(1).to_owned(),
            carrier: cell(2).to_owned(),
            umbrella: crate::Umbrella::from_code(cell(3))?,
            address: crate::dataset::Address {
                street: optional(cell(4)),
                postcode: optional(cell(5)),
                city: cell(6).to_owned(),
            },
            ags: cell(7).to_owned(),
            municipality: cell(8).to_owned(),
            kreis: cell(9).to_owned(),
            location: crate::dataset::Location {
                lat: number(cell(10)),
                lon: number(cell(11)),
                precision: crate::Precision::from_code(cell(12))?,
            },
            offers: codes(13)
                .iter()
                .map(|c| crate::Offer::from_code(c))
                .collect::<Option<_>>()?,
            antidiscrimination: cell(14) == "ja",
            topics: codes(15)
                .iter()
                .map(|c| crate::Topic::from_code(c))
                .collect::<Option<_>>()?,
            contact: crate::dataset::Contact {
                phone: optional(cell(16)),
                email: optional(cell(17)),
                website: optional(cell(18)),
            },
            languages: codes(19),
            source_url: cell(20).to_owned(),
            source_note: optional(cell(21)),
            last_verified: cell(22).to_owned(),
            source_seen: cell(23).to_owned(),
            source_date: optional(cell(24)),
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
        assert_eq!(row[1], agency.name);
        assert_eq!(row[2], format!("'{}", agency.carrier));
        assert_eq!(row[4], "'@Straße 1");
        assert_eq!(row[8], "'+Gemeinde");
        assert_eq!(row[9], "'-Kreis");
        assert_eq!(row[10], "50,9375123");
        assert_eq!(row[11], "6,9603");
        assert_eq!(row[16], "+49 221 123456");
        assert_eq!(row[21], "'\tTab am Anfang");
        assert_eq!(row[6], "''s-Hertogenbosch");
        // Lists: codes separated by "; ", so the cell is quoted.
        assert_eq!(row[13], join_codes(agency.offers.iter().map(|o| o.code())));
        // An invalid "phone number" is guarded like any other text.
        let mut bad_phone = agency.clone();
        bad_phone.contact.phone = Some("=1+1".into());
        assert_eq!(read_csv(&to_csv(&[&bad_phone]))[1][16], "'=1+1");
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
        assert_eq!(values[13], "counselling; networking");
        assert_eq!(values[19], "de; tr");
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
        assert_eq!(properties.as_object().map(|o| o.len()), Some(23));
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
                    [10, 11, 16].contains(&cell_idx) || !cell.starts_with(FORMULA_START_CHARS),
                    "unguarded cell {} {:?}", cell_idx, cell
                );
            }
        }
    }
}

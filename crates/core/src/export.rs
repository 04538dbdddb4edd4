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
//! ([`LIST_SEPARATOR`](crate::columns::LIST_SEPARATOR)), e.g. `counselling; networking`; a reader must
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
//! The columns (headings and what each cell holds) are the table in
//! [`crate::columns`]; this module writes them.
//!
//! This module must not do I/O; the app turns the strings into downloads.

use serde::Serialize;
use serde_json::value::RawValue;

use crate::columns::{Cell, Column};
use crate::dataset::{Agency, FieldSource};
use crate::geo::format_trimmed;
use crate::validate::is_phone;
use crate::{Offer, Precision, Topic, Umbrella};

/// The CSV headings, in order (the column table is [`crate::columns`]).
pub const CSV_HEADERS: &[&str] = &Column::HEADINGS;

/// The characters that make a spreadsheet treat a cell as a formula.
pub const FORMULA_START_CHARS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// The agencies as a CSV file (see the module documentation for the format).
pub fn to_csv(agencies: &[&Agency]) -> String {
    let mut csv = String::from("\u{feff}");
    push_row(
        &mut csv,
        CSV_HEADERS.iter().map(|h| Cell::Text((*h).into())),
    );
    for agency in agencies {
        push_row(&mut csv, Column::ALL.iter().map(|c| c.cell(agency)));
    }
    csv
}

/// The values of one agency's CSV row, in [`CSV_HEADERS`] order, as a reader
/// of [`to_csv`]'s output sees them after undoing the quoting and the formula
/// guard: codes for vocabularies, lists joined with [`LIST_SEPARATOR`](crate::columns::LIST_SEPARATOR),
/// `ja`/`nein`, coordinates with a decimal comma, and `""` for "not known".
/// Meant for showing a record cell by cell (e.g. an import's diff).
pub fn csv_values(agency: &Agency) -> Vec<String> {
    Column::ALL
        .iter()
        .map(|c| cell_value(&c.cell(agency)))
        .collect()
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
    carrier_website: bool,
    carrier_servicestelle: bool,
    languages: &'a [String],
    source_url: &'a str,
    source_note: &'a Option<String>,
    last_verified: &'a str,
    source_seen: &'a str,
    source_date: &'a Option<String>,
    source_credit: &'a Option<String>,
    field_sources: &'a [FieldSource],
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
                carrier_website: agency.contact.carrier_website,
                carrier_servicestelle: agency.address.carrier_servicestelle,
                languages: &agency.languages,
                source_url: &agency.source_url,
                source_note: &agency.source_note,
                last_verified: &agency.last_verified,
                source_seen: &agency.source_seen,
                source_date: &agency.source_date,
                source_credit: &agency.source_credit,
                field_sources: &agency.field_sources,
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

/// The value a reader gets back (no quotes, no formula guard).
fn cell_value(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone().into_owned(),
        Cell::Phone(phone) => (*phone).to_owned(),
        Cell::Number(number) => format_number(*number),
    }
}

/// A coordinate with a decimal comma; empty when not finite.
fn format_number(number: f64) -> String {
    if number.is_finite() {
        format_trimmed(number, COORDINATE_DECIMALS).replace('.', ",")
    } else {
        String::new()
    }
}

fn push_row<'a>(csv: &mut String, cells: impl Iterator<Item = Cell<'a>>) {
    for (cell_idx, cell) in cells.enumerate() {
        if cell_idx > 0 {
            csv.push(';');
        }
        match cell {
            Cell::Text(text) => push_text(csv, &text, true),
            Cell::Phone(phone) => push_text(csv, phone, !is_phone(phone)),
            Cell::Number(number) => csv.push_str(&format_number(number)),
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
mod tests;

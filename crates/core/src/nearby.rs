//! "Near me": the place index (NRW postcodes and Gemeinden with a position),
//! search in it, and distances from the chosen origin.
//!
//! The index is a file made at build time by `ia-datatool places` from the
//! shared reference data; the app loads it only when the search is used. No
//! geocoding service is asked: where the user is stays in the browser.
//!
//! File format (`data/places.json`, schema 1): positions are integers in
//! 1/10,000 degree (about 11 m, finer than any centroid here), which keeps the
//! file small and needs no float parsing:
//!
//! ```json
//! {"schema_version": 1, "attribution": "…",
//!  "postcodes": [["50667", 509381, 69565, "Köln"], …],
//!  "places": [["Köln", 509413, 69583, "Köln"], …]}
//! ```
//!
//! A postcode row is `[postcode, lat, lon, place]`; a place row is
//! `[Gemeinde name, lat, lon, Kreis name]`.

use serde::{Deserialize, Serialize};

use crate::geo::{distance_km, format_fixed};
use crate::suggest::rank_matches;
use crate::text::fold;

/// The schema version this code reads and writes.
pub const PLACE_INDEX_VERSION: u64 = 1;

/// Positions in the file are in units of 1/10,000 degree.
pub const UNITS_PER_DEGREE: f64 = 10_000.0;

/// The radius choices offered, in km; no radius means the whole of NRW.
pub const RADII_KM: [u16; 4] = [5, 10, 25, 50];

/// The place index file as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceIndexFile {
    pub schema_version: u64,
    pub attribution: String,
    pub postcodes: Vec<(String, i32, i32, String)>,
    pub places: Vec<(String, i32, i32, String)>,
}

/// One searchable entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The postcode, or the Gemeinde's name.
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// The place of a postcode, or the Kreis of a Gemeinde.
    pub detail: String,
}

/// Where distances are measured from.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    /// What goes into the URL: a postcode or a Gemeinde's name.
    pub key: String,
    /// What the user sees, e.g. "50667 Köln" or "Bergheim".
    pub label: String,
    pub lat: f64,
    pub lon: f64,
}

/// A suggestion: a postcode or a place, by position in the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Postcode(usize),
    Place(usize),
}

/// How typed text reads as a postcode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostcodeInput {
    /// Five digits (spaces ignored), e.g. "50667" or "50 667".
    Complete(String),
    /// One to four digits: the start of a postcode, while typing.
    Prefix(String),
    /// Not digits, or more than five of them.
    NotAPostcode,
}

/// Reads typed text as a postcode, if it is one. German postcodes have five
/// digits and may start with 0 ("01067"); every NRW postcode starts with 3, 4
/// or 5, so four digits are taken as the start of one, not as a postcode that
/// lost its leading zero.
pub fn postcode_input(text: &str) -> PostcodeInput {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return PostcodeInput::NotAPostcode;
    }
    match digits.len() {
        5 => PostcodeInput::Complete(digits),
        1..=4 => PostcodeInput::Prefix(digits),
        _ => PostcodeInput::NotAPostcode,
    }
}

/// The loaded place index with its search keys.
#[derive(Debug, Clone, Default)]
pub struct PlaceIndex {
    pub postcodes: Vec<Entry>,
    pub places: Vec<Entry>,
    pub attribution: String,
    folded_places: Vec<String>,
}

/// Why a place index could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceIndexError(pub String);

impl std::fmt::Display for PlaceIndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "place index: {}", self.0)
    }
}

impl std::error::Error for PlaceIndexError {}

fn entry((name, lat, lon, detail): (String, i32, i32, String)) -> Entry {
    Entry {
        name,
        lat: f64::from(lat) / UNITS_PER_DEGREE,
        lon: f64::from(lon) / UNITS_PER_DEGREE,
        detail,
    }
}

impl PlaceIndex {
    /// Parses the index file.
    pub fn parse(text: &str) -> Result<PlaceIndex, PlaceIndexError> {
        let file: PlaceIndexFile =
            serde_json::from_str(text).map_err(|err| PlaceIndexError(err.to_string()))?;
        if file.schema_version != PLACE_INDEX_VERSION {
            return Err(PlaceIndexError(format!(
                "schema_version {} (this app reads {PLACE_INDEX_VERSION})",
                file.schema_version
            )));
        }
        Ok(PlaceIndex::new(
            file.postcodes.into_iter().map(entry).collect(),
            file.places.into_iter().map(entry).collect(),
            file.attribution,
        ))
    }

    pub fn new(postcodes: Vec<Entry>, places: Vec<Entry>, attribution: String) -> PlaceIndex {
        let folded_places = places.iter().map(|place| fold(&place.name)).collect();
        PlaceIndex {
            postcodes,
            places,
            attribution,
            folded_places,
        }
    }

    /// Up to `limit` suggestions for typed text, best first: postcodes that
    /// start with typed digits (in order); otherwise places whose name starts
    /// with the text, then places with a later word starting so, then places
    /// containing it ("muelheim" finds Mülheim an der Ruhr, "ruhr" too).
    pub fn suggest(&self, text: &str, limit: usize) -> Vec<Found> {
        match postcode_input(text) {
            PostcodeInput::Complete(digits) | PostcodeInput::Prefix(digits) => self
                .postcodes
                .iter()
                .enumerate()
                .filter(|(_, entry)| entry.name.starts_with(&digits))
                .take(limit)
                .map(|(position, _)| Found::Postcode(position))
                .collect(),
            PostcodeInput::NotAPostcode => rank_matches(
                self.folded_places
                    .iter()
                    .map(|name| (name.as_str(), name.as_str())),
                text,
            )
            .unwrap_or_default()
            .into_iter()
            .take(limit)
            .map(Found::Place)
            .collect(),
        }
    }

    /// The entry of a suggestion.
    pub fn entry(&self, found: Found) -> Option<&Entry> {
        match found {
            Found::Postcode(position) => self.postcodes.get(position),
            Found::Place(position) => self.places.get(position),
        }
    }

    /// The origin for a suggestion.
    pub fn origin(&self, found: Found) -> Option<Origin> {
        let entry = self.entry(found)?;
        Some(match found {
            Found::Postcode(_) => Origin {
                key: entry.name.clone(),
                label: format!("{} {}", entry.name, entry.detail),
                lat: entry.lat,
                lon: entry.lon,
            },
            Found::Place(_) => Origin {
                key: entry.name.clone(),
                label: entry.name.clone(),
                lat: entry.lat,
                lon: entry.lon,
            },
        })
    }

    /// The origin a URL value names: a complete postcode, or a Gemeinde's
    /// name (case- and umlaut-insensitive); `None` when it names neither.
    pub fn resolve(&self, key: &str) -> Option<Origin> {
        match postcode_input(key) {
            PostcodeInput::Complete(digits) => {
                let position = self.postcodes.iter().position(|e| e.name == digits)?;
                self.origin(Found::Postcode(position))
            }
            PostcodeInput::Prefix(_) => None,
            PostcodeInput::NotAPostcode => {
                let folded = fold(key);
                if folded.is_empty() {
                    return None;
                }
                let position = self.folded_places.iter().position(|name| *name == folded)?;
                self.origin(Found::Place(position))
            }
        }
    }

    /// The postcode whose centroid is nearest to a position: how a located
    /// user appears in the URL (a postcode area, never their coordinates).
    pub fn nearest_postcode(&self, lat: f64, lon: f64) -> Option<Origin> {
        let position = self
            .postcodes
            .iter()
            .enumerate()
            .map(|(position, e)| (position, distance_km(lat, lon, e.lat, e.lon)))
            .min_by(|a, b| a.1.total_cmp(&b.1))?
            .0;
        self.origin(Found::Postcode(position))
    }
}

/// A distance for display: one decimal below 10 km ("3,2 km" with a comma
/// as `decimal_separator` and "km" as `unit`), whole kilometres above ("12 km").
pub fn format_km(km: f64, decimal_separator: char, unit: &str) -> String {
    if km < 9.95 {
        let text = format_fixed(km.max(0.0), 1);
        format!(
            "{} {unit}",
            text.replace('.', &decimal_separator.to_string())
        )
    } else {
        format!("{} {unit}", format_fixed(km, 0))
    }
}

/// Positions of `candidates` sorted by distance from `(lat, lon)`, nearest
/// first (ties by position), with their distances.
pub fn by_distance(
    candidates: &[usize],
    positions: &[(f64, f64)],
    lat: f64,
    lon: f64,
) -> Vec<(usize, f64)> {
    let mut sorted: Vec<(usize, f64)> = candidates
        .iter()
        .filter_map(|&i| {
            let (a_lat, a_lon) = positions.get(i)?;
            Some((i, distance_km(lat, lon, *a_lat, *a_lon)))
        })
        .collect();
    sort_by_distance(&mut sorted);
    sorted
}

/// All positions sorted by already computed distances (`distances[i]` is
/// the distance of position `i`), nearest first, ties by position.
pub fn order_by_distance(distances: &[f64]) -> Vec<usize> {
    let mut sorted: Vec<(usize, f64)> = distances.iter().copied().enumerate().collect();
    sort_by_distance(&mut sorted);
    sorted.into_iter().map(|(position, _)| position).collect()
}

/// Unstable with a full order: the same result as a stable sort, and one
/// sort algorithm in the Wasm build for every distance order.
fn sort_by_distance(pairs: &mut [(usize, f64)]) {
    pairs.sort_unstable_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index() -> PlaceIndex {
        let file = r#"{"schema_version": 1, "attribution": "test",
            "postcodes": [["50667", 509381, 69565, "Köln"], ["50668", 509476, 69608, "Köln"],
                          ["45468", 514289, 68797, "Mülheim an der Ruhr"], ["53111", 507362, 70975, "Bonn"]],
            "places": [["Bonn", 507334, 71000, "Bonn"], ["Köln", 509413, 69583, "Köln"],
                       ["Mülheim an der Ruhr", 514275, 68825, "Mülheim an der Ruhr"],
                       ["Bergisch Gladbach", 509918, 71367, "Rheinisch-Bergischer Kreis"],
                       ["Gladbeck", 515725, 69856, "Recklinghausen"]]}"#;
        PlaceIndex::parse(file).unwrap_or_else(|err| panic!("{err}"))
    }

    fn names(index: &PlaceIndex, text: &str) -> Vec<String> {
        index
            .suggest(text, 10)
            .into_iter()
            .filter_map(|found| index.entry(found).map(|e| e.name.clone()))
            .collect()
    }

    #[test]
    fn postcodes_are_read_with_spaces_and_leading_zeros() {
        assert_eq!(
            postcode_input("50667"),
            PostcodeInput::Complete("50667".into())
        );
        assert_eq!(
            postcode_input(" 50 667 "),
            PostcodeInput::Complete("50667".into())
        );
        assert_eq!(
            postcode_input("01067"),
            PostcodeInput::Complete("01067".into())
        );
        assert_eq!(postcode_input("5066"), PostcodeInput::Prefix("5066".into()));
        assert_eq!(postcode_input("4"), PostcodeInput::Prefix("4".into()));
        assert_eq!(postcode_input("506677"), PostcodeInput::NotAPostcode);
        assert_eq!(postcode_input("50667 Köln"), PostcodeInput::NotAPostcode);
        assert_eq!(postcode_input(""), PostcodeInput::NotAPostcode);
        assert_eq!(postcode_input("５０６６７"), PostcodeInput::NotAPostcode);
    }

    #[test]
    fn search_finds_postcodes_and_places() {
        let index = index();
        assert_eq!(names(&index, "5066"), ["50667", "50668"]);
        assert_eq!(names(&index, "50667"), ["50667"]);
        assert_eq!(names(&index, "koln"), ["Köln"]);
        assert_eq!(names(&index, "Muelheim"), ["Mülheim an der Ruhr"]);
        assert_eq!(names(&index, "ruhr"), ["Mülheim an der Ruhr"]);
        // Name start first, then a later word, then anywhere.
        assert_eq!(names(&index, "glad"), ["Gladbeck", "Bergisch Gladbach"]);
        assert!(names(&index, "").is_empty());
        assert!(names(&index, "xyz").is_empty());
        assert_eq!(index.suggest("5", 1).len(), 1);
    }

    #[test]
    fn url_values_resolve_to_origins() {
        let index = index();
        let origin = index.resolve("50667").unwrap_or_else(|| panic!("50667"));
        assert_eq!(origin.key, "50667");
        assert_eq!(origin.label, "50667 Köln");
        assert!((origin.lat - 50.9381).abs() < 1e-9 && (origin.lon - 6.9565).abs() < 1e-9);
        assert_eq!(
            index.resolve("muelheim an der ruhr").map(|o| o.key),
            Some("Mülheim an der Ruhr".into())
        );
        assert_eq!(index.resolve("01067"), None);
        assert_eq!(index.resolve("5066"), None);
        assert_eq!(index.resolve("Mülheim"), None);
        assert_eq!(index.resolve(""), None);
    }

    #[test]
    fn a_location_becomes_its_nearest_postcode() {
        let index = index();
        // Near the Cologne cathedral: 50667 (Altstadt-Nord) is nearest.
        assert_eq!(
            index.nearest_postcode(50.9413, 6.9583).map(|o| o.key),
            Some("50667".into())
        );
        assert_eq!(PlaceIndex::default().nearest_postcode(50.9, 6.9), None);
    }

    #[test]
    fn distances_sort_and_read_well() {
        // Köln Dom, Bonn Hbf, Düsseldorf Hbf.
        let positions = [(50.9413, 6.9583), (50.7320, 7.0970), (51.2199, 6.7942)];
        let sorted = by_distance(&[0, 1, 2], &positions, 50.7374, 7.0982);
        let order: Vec<usize> = sorted.iter().map(|(i, _)| *i).collect();
        assert_eq!(order, [1, 0, 2]);
        // Bonn → Köln is about 25 km as the crow flies.
        assert!((sorted[1].1 - 24.5).abs() < 1.5, "{}", sorted[1].1);
        assert_eq!(order_by_distance(&[3.0, 1.0, 2.0, 1.0]), [1, 3, 2, 0]);
        assert_eq!(format_km(3.24, ',', "km"), "3,2 km");
        assert_eq!(format_km(0.04, ',', "km"), "0,0 km");
        assert_eq!(format_km(9.96, ',', "km"), "10 km");
        assert_eq!(format_km(24.5, '.', "km"), "25 km");
        assert_eq!(format_km(3.25, '.', "км"), "3.3 км");
    }

    #[test]
    fn broken_files_are_refused_with_a_reason() {
        assert!(PlaceIndex::parse("{").is_err());
        let other_version =
            r#"{"schema_version": 2, "attribution": "", "postcodes": [], "places": []}"#;
        let err = PlaceIndex::parse(other_version)
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("place index: schema_version 2 (this app reads 1)")
        );
    }

    proptest! {
        #[test]
        fn any_text_is_searched_and_resolved_without_panic(text in "\\PC{0,20}") {
            let index = index();
            for found in index.suggest(&text, 5) {
                prop_assert!(index.entry(found).is_some());
            }
            let _ = index.resolve(&text);
        }
    }
}

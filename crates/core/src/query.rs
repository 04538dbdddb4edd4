//! The URL query string as the single source of truth for the finder's state.
//!
//! Parsing happens in two stages, as with command-line flags: first the raw,
//! already decoded `(name, value)` pairs are reduced to the last value of each
//! known parameter ([`RawParams`]), then every value is validated on its own
//! into a [`UrlState`]. A parameter that is unknown, malformed or out of range
//! is ignored, never an error, because URLs are shared, hand-edited and
//! truncated by mail clients, and a half-understood link should still open the
//! finder.
//!
//! Grammar (all parameters optional, any order, the last occurrence wins):
//!
//! | name        | value                                                   |
//! |-------------|---------------------------------------------------------|
//! | `place`     | 8 ASCII digits (municipality) or 5 ASCII digits (Kreis); or a readable slug (`koeln`, `kreis-borken`) that [`UrlState::from_pairs_with_places`] resolves |
//! | `offers`    | comma-separated [`Offer`] codes; unknown codes dropped  |
//! | `sada`      | `1` or `true` (any case) turns the toggle on            |
//! | `topics`    | comma-separated [`Topic`] codes                         |
//! | `umbrellas` | comma-separated [`Umbrella`] codes                      |
//! | `q`         | free text: control and bidi characters removed, trimmed, at most 100 characters |
//! | `near`      | where distances are measured from: a postcode or a Gemeinde's name, cleaned like `q`, at most 60 characters (never coordinates) |
//! | `radius`    | km around `near`: one of [`RADII_KM`]; anything else means the whole of NRW |
//! | `agency`    | a slug ([`is_slug`]) of at most 100 bytes               |
//! | `map`       | `zoom/lat/lon`, zoom 0–18, lat/lon within the NRW box plus 2° |
//!
//! The writer emits only non-default values, in the order of the table, with
//! codes in vocabulary order and coordinates rounded to 4 decimals (about
//! 10 m), so one state always has one URL.
//!
//! This module must not know about the router or the browser: the app reads
//! `location.search` and writes the string produced here. It never panics.

use std::collections::BTreeSet;

use crate::filter::{Filters, PlaceFilter};
use crate::geo::{format_fixed, parse_decimal};
use crate::nearby::RADII_KM;
use crate::text::is_bidi_control;
use crate::validate::is_slug;
use crate::vocab::{Offer, Topic, Umbrella};

/// Every parameter this module owns, in canonical order. The UI keeps any
/// other parameter (such as `lang` or `embed`) untouched when it rewrites the URL.
pub const KNOWN_PARAMS: &[&str] = &[
    "place",
    "offers",
    "sada",
    "topics",
    "umbrellas",
    "q",
    "near",
    "radius",
    "agency",
    "map",
];

/// Longest `near` value kept, in characters.
pub const MAX_NEAR_CHARS: usize = 60;

/// Longest free-text query kept, in characters.
pub const MAX_QUERY_CHARS: usize = 100;

/// Longest agency id kept, in bytes (ids are ASCII slugs).
pub const MAX_AGENCY_ID_LEN: usize = 100;

/// Highest map zoom accepted.
pub const MAX_ZOOM: u8 = 18;

/// Latitudes a map centre may have: [`NRW_BBOX`](crate::geo::NRW_BBOX) widened by 2° on each side.
/// Written out rather than computed so that the bounds are exact decimals
/// (50.30 − 2.0 is not exactly 48.3 in binary floating point).
pub const MAP_LAT_RANGE: std::ops::RangeInclusive<f64> = 48.30..=54.56;

/// Longitudes a map centre may have: [`NRW_BBOX`](crate::geo::NRW_BBOX) widened by 2° on each side.
pub const MAP_LON_RANGE: std::ops::RangeInclusive<f64> = 3.80..=11.50;

/// The map's viewport.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapView {
    pub lat: f64,
    pub lon: f64,
    pub zoom: u8,
}

/// Everything the URL says: the filters, the opened agency and the map view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UrlState {
    pub filters: Filters,
    /// Id of the agency whose details are open.
    pub agency: Option<String>,
    /// `None` lets the map fit the results.
    pub map: Option<MapView>,
    /// A postcode or place name to measure distances from (see `nearby`).
    pub near: Option<String>,
    /// Radius around `near` in km; `None` means the whole of NRW.
    pub radius_km: Option<u16>,
}

/// Stage one: the last raw value of each known parameter, unvalidated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawParams<'a> {
    pub place: Option<&'a str>,
    pub offers: Option<&'a str>,
    pub sada: Option<&'a str>,
    pub topics: Option<&'a str>,
    pub umbrellas: Option<&'a str>,
    pub q: Option<&'a str>,
    pub near: Option<&'a str>,
    pub radius: Option<&'a str>,
    pub agency: Option<&'a str>,
    pub map: Option<&'a str>,
}

impl<'a> RawParams<'a> {
    /// Keeps the last value of every known parameter and drops the others.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> RawParams<'a> {
        let mut raw = RawParams::default();
        for (name, value) in pairs {
            let slot = match name {
                "place" => &mut raw.place,
                "offers" => &mut raw.offers,
                "sada" => &mut raw.sada,
                "topics" => &mut raw.topics,
                "umbrellas" => &mut raw.umbrellas,
                "q" => &mut raw.q,
                "near" => &mut raw.near,
                "radius" => &mut raw.radius,
                "agency" => &mut raw.agency,
                "map" => &mut raw.map,
                _ => continue,
            };
            *slot = Some(value);
        }
        raw
    }

    /// Stage two: validates each value on its own.
    pub fn validate(&self) -> UrlState {
        self.validate_with(|_| None)
    }

    /// [`RawParams::validate`], with `place_slug` naming the place of a
    /// readable `place=` value (`koeln`; see `crate::pages::PlaceSlugs`).
    pub fn validate_with(&self, place_slug: impl Fn(&str) -> Option<PlaceFilter>) -> UrlState {
        let filters = Filters {
            place: self.place.and_then(|value| {
                parse_place(value).or_else(|| is_slug(value).then(|| place_slug(value)).flatten())
            }),
            offers: self
                .offers
                .map(parse_codes(Offer::from_code))
                .unwrap_or_default(),
            antidiscrimination: self.sada.is_some_and(parse_flag),
            topics: self
                .topics
                .map(parse_codes(Topic::from_code))
                .unwrap_or_default(),
            umbrellas: self
                .umbrellas
                .map(parse_codes(Umbrella::from_code))
                .unwrap_or_default(),
            text: self.q.map(clean_query_text).unwrap_or_default(),
            circle: None,
        };
        let near = self
            .near
            .map(|near| {
                let cleaned = clean_query_text(near);
                cleaned
                    .chars()
                    .take(MAX_NEAR_CHARS)
                    .collect::<String>()
                    .trim()
                    .to_owned()
            })
            .filter(|near| !near.is_empty());
        UrlState {
            filters,
            agency: self.agency.and_then(parse_agency_id),
            map: self.map.and_then(parse_map_view),
            radius_km: near.as_ref().and(self.radius.and_then(parse_radius)),
            near,
        }
    }
}

impl UrlState {
    /// Reads already percent-decoded pairs (such as a router's query map).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> UrlState {
        RawParams::from_pairs(pairs).validate()
    }

    /// [`UrlState::from_pairs`], also reading readable place names
    /// (`place=koeln`) with `place_slug` (`crate::pages::resolve_place_slug`).
    /// What [`UrlState::to_pairs`] writes stays the digit code.
    pub fn from_pairs_with_places<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        place_slug: impl Fn(&str) -> Option<PlaceFilter>,
    ) -> UrlState {
        RawParams::from_pairs(pairs).validate_with(place_slug)
    }

    /// The non-default parameters in canonical order, values not yet encoded.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let filters = &self.filters;
        let mut pairs = Vec::new();
        if let Some(place) = &filters.place {
            let key = match place {
                PlaceFilter::Municipality(ags) => ags,
                PlaceFilter::Kreis(kreis_ags) => kreis_ags,
            };
            pairs.push(("place", key.clone()));
        }
        if !filters.offers.is_empty() {
            pairs.push(("offers", join_codes(&filters.offers, |o| o.code())));
        }
        if filters.antidiscrimination {
            pairs.push(("sada", "1".to_owned()));
        }
        if !filters.topics.is_empty() {
            pairs.push(("topics", join_codes(&filters.topics, |t| t.code())));
        }
        if !filters.umbrellas.is_empty() {
            pairs.push(("umbrellas", join_codes(&filters.umbrellas, |u| u.code())));
        }
        if !filters.text.is_empty() {
            pairs.push(("q", filters.text.clone()));
        }
        if let Some(near) = &self.near {
            pairs.push(("near", near.clone()));
            if let Some(radius) = self.radius_km {
                pairs.push(("radius", radius.to_string()));
            }
        }
        if let Some(agency) = &self.agency {
            pairs.push(("agency", agency.clone()));
        }
        if let Some(map) = &self.map {
            pairs.push((
                "map",
                format!(
                    "{}/{}/{}",
                    map.zoom,
                    format_fixed(map.lat, 4),
                    format_fixed(map.lon, 4)
                ),
            ));
        }
        pairs
    }

    /// Reads a raw query string such as `?place=05315000&q=caritas+k%C3%B6ln`.
    /// A leading `?` is allowed; `+` means a space; invalid percent escapes and
    /// invalid UTF-8 are decoded leniently and then validated like anything else.
    pub fn from_query_string(query: &str) -> UrlState {
        let query = query.strip_prefix('?').unwrap_or(query);
        let decoded: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        UrlState::from_pairs(
            decoded
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str())),
        )
    }

    /// The encoded query string without a leading `?`; empty for the default
    /// state. Commas and slashes stay readable (`offers=a,b`, `map=12/50.9/6.9`),
    /// everything else outside `A-Z a-z 0-9 - . _ *` is percent-encoded and a
    /// space becomes `+`.
    pub fn to_query_string(&self) -> String {
        let mut query = String::new();
        for (name, value) in self.to_pairs() {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(name);
            query.push('=');
            for piece in form_urlencoded::byte_serialize(value.as_bytes()) {
                query.push_str(piece);
            }
        }
        // Every '%' in the output starts an escape, so "%2C" can only be an
        // encoded comma (a literal "%2C" in a value became "%252C").
        query.replace("%2C", ",").replace("%2F", "/")
    }
}

/// Percent-encodes a text as JavaScript's `encodeURIComponent` does: every
/// byte except `A-Z a-z 0-9 - _ . ! ~ * ' ( )` (a space becomes `%20`). For
/// `mailto:` subjects and query values written outside [`UrlState`]; pure, so
/// the same code runs in the browser and in the build-time prerendering.
pub fn encode_component(text: &str) -> String {
    use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
    const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'!')
        .remove(b'~')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');
    utf8_percent_encode(text, COMPONENT).to_string()
}

/// `place`: 8 digits for a municipality, 5 for a Kreis.
fn parse_place(value: &str) -> Option<PlaceFilter> {
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match value.len() {
        8 => Some(PlaceFilter::Municipality(value.to_owned())),
        5 => Some(PlaceFilter::Kreis(value.to_owned())),
        _ => None,
    }
}

/// A comma-separated code list; unknown and empty codes are dropped.
fn parse_codes<T: Ord>(from_code: fn(&str) -> Option<T>) -> impl Fn(&str) -> BTreeSet<T> {
    move |value| insert_all(value.split(',').filter_map(|code| from_code(code.trim())))
}

/// The values as a set, inserted one by one. (`collect()` into a `BTreeSet`
/// sorts first, which links a stable sort per value type into the Wasm build:
/// about 3 KB gzip for these few small sets, measured on the size branch.)
pub fn insert_all<T: Ord>(values: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for value in values {
        set.insert(value);
    }
    set
}

fn join_codes<T: Copy>(values: &BTreeSet<T>, code: fn(T) -> &'static str) -> String {
    values
        .iter()
        .map(|&value| code(value))
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_flag(value: &str) -> bool {
    value == "1" || value.eq_ignore_ascii_case("true")
}

/// `q`: without control and bidi characters (which could make a search box
/// or a shared link display something else than it holds), trimmed, at most
/// [`MAX_QUERY_CHARS`] characters (cut at a character boundary), trimmed again
/// so that the cut leaves no trailing space.
fn clean_query_text(value: &str) -> String {
    let cleaned: String = value
        .chars()
        .filter(|&c| !c.is_control() && !is_bidi_control(c))
        .collect();
    let truncated: String = cleaned.trim().chars().take(MAX_QUERY_CHARS).collect();
    truncated.trim().to_owned()
}

fn parse_radius(value: &str) -> Option<u16> {
    let radius: u16 = value.trim().parse().ok()?;
    RADII_KM.contains(&radius).then_some(radius)
}

fn parse_agency_id(value: &str) -> Option<String> {
    (value.len() <= MAX_AGENCY_ID_LEN && is_slug(value)).then(|| value.to_owned())
}

/// `map`: `zoom/lat/lon`. The coordinates are rounded to 4 decimals before the
/// range check, so that what is written back reads back identically.
fn parse_map_view(value: &str) -> Option<MapView> {
    let mut parts = value.split('/');
    let (Some(zoom), Some(lat), Some(lon), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let zoom: u8 = zoom.trim().parse().ok()?;
    let lat = round_to_4_decimals(parse_decimal(lat.trim())?);
    let lon = round_to_4_decimals(parse_decimal(lon.trim())?);
    let in_range = zoom <= MAX_ZOOM
        && lat.is_finite()
        && lon.is_finite()
        && MAP_LAT_RANGE.contains(&lat)
        && MAP_LON_RANGE.contains(&lon);
    in_range.then_some(MapView { lat, lon, zoom })
}

/// Rounds to 4 decimal places, the precision the URL carries.
pub fn round_to_4_decimals(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::NRW_BBOX;
    use proptest::prelude::*;

    #[test]
    fn components_are_encoded_like_encode_uri_component() {
        assert_eq!(
            encode_component("a-b_c.d!e~f*g'h(i)j"),
            "a-b_c.d!e~f*g'h(i)j"
        );
        assert_eq!(
            encode_component("Fehler melden: Köln & Bonn"),
            "Fehler%20melden%3A%20K%C3%B6ln%20%26%20Bonn"
        );
        assert_eq!(encode_component("de-x-ls"), "de-x-ls");
        assert_eq!(encode_component("a=b?c/d#e+f"), "a%3Db%3Fc%2Fd%23e%2Bf");
    }

    /// Parses `query` and compares the canonical re-encoding with `expected`.
    #[track_caller]
    fn check(query: &str, expected: &str) {
        let state = UrlState::from_query_string(query);
        assert_eq!(
            state.to_query_string(),
            expected,
            "from {query:?}: {state:?}"
        );
        assert_eq!(
            UrlState::from_query_string(expected),
            state,
            "canonical {expected:?} reads back differently"
        );
    }

    #[test]
    fn empty_and_unknown() {
        check("", "");
        check("?", "");
        check("lang=en&embed=1", "");
        check("&&&=&==", "");
        check("place", "");
    }

    #[test]
    fn place() {
        check("place=05315000", "place=05315000");
        check("?place=05382", "place=05382");
        check("place=0531500", "");
        check("place=053150000", "");
        check("place=05315abc", "");
        check("place=+5315000", "");
        check("place=%EF%BC%90%EF%BC%95%EF%BC%93%EF%BC%91%EF%BC%95", "");
        check("place=05315000&place=05314000", "place=05314000");
        check("place=05315000&place=bogus", "");
    }

    #[test]
    fn code_lists() {
        check(
            "offers=counselling,language_courses",
            "offers=language_courses,counselling",
        );
        check(
            "offers=counselling,,teleport, networking ",
            "offers=counselling,networking",
        );
        check(
            "offers=counselling%2Cnetworking",
            "offers=counselling,networking",
        );
        check("offers=COUNSELLING", "");
        check("offers=", "");
        check("topics=racism,age&sada=1", "sada=1&topics=racism,age");
        check("topics=age", "topics=age");
        check("umbrellas=awo,caritas,awo", "umbrellas=awo,caritas");
        check("umbrellas=caritas&umbrellas=drk", "umbrellas=drk");
    }

    #[test]
    fn toggle() {
        check("sada=1", "sada=1");
        check("sada=true", "sada=1");
        check("sada=TRUE", "sada=1");
        check("sada=0", "");
        check("sada=yes", "");
        check("sada=1&sada=0", "");
    }

    #[test]
    fn free_text() {
        check("q=k%C3%B6ln", "q=k%C3%B6ln");
        check("q=caritas+k%C3%B6ln", "q=caritas+k%C3%B6ln");
        check("q=%20%20a%20b%20%20", "q=a+b");
        check("q=a%00b%0Ac%1B", "q=abc");
        check("q=a%E2%80%AEb", "q=ab");
        check("q=+++", "");
        check("q=%3Cscript%3E", "q=%3Cscript%3E");
        check("q=%", "q=%25");
        check("q=%zz", "q=%25zz");
        check("q=%FF", "q=%EF%BF%BD");
        check(
            &format!("q={}", "x".repeat(150)),
            &format!("q={}", "x".repeat(100)),
        );
        check(
            &format!("q={}", "ö".repeat(150)),
            &format!("q={}", "%C3%B6".repeat(100)),
        );
        check(
            &format!("q={}+y", "x".repeat(99)),
            &format!("q={}", "x".repeat(99)),
        );
    }

    #[test]
    fn agency() {
        check("agency=caritas-koeln-2", "agency=caritas-koeln-2");
        check("agency=Caritas", "");
        check("agency=a--b", "");
        check("agency=javascript%3Aalert(1)", "");
        check(
            &format!("agency={}", "a".repeat(100)),
            &format!("agency={}", "a".repeat(100)),
        );
        check(&format!("agency={}", "a".repeat(101)), "");
    }

    #[test]
    fn map_view() {
        check("map=12/50.9375/6.9603", "map=12/50.9375/6.9603");
        check("map=12%2F50.9375%2F6.9603", "map=12/50.9375/6.9603");
        check("map=8/51.12345678/7.00004", "map=8/51.1235/7.0000");
        check("map=0/51/7", "map=0/51.0000/7.0000");
        check("map=18/51/7", "map=18/51.0000/7.0000");
        check("map=19/51/7", "");
        check("map=-1/51/7", "");
        check("map=12/51", "");
        check("map=12/51/7/1", "");
        check("map=12/NaN/7", "");
        check("map=12/inf/7", "");
        check("map=12/48.3/3.8", "map=12/48.3000/3.8000");
        check("map=12/48.29/7", "");
        check("map=12/51/11.6", "");
        check("map=12/-51/7", "");
        check("map=x/51/7", "");
        // Only plain decimals, as the app writes them.
        check("map=12/5.1e1/7", "");
        check("map=12/51,5/7", "");
    }

    #[test]
    fn near_and_radius() {
        check("near=50667", "near=50667");
        check("near=50667&radius=10", "near=50667&radius=10");
        check("radius=10&near=K%C3%B6ln", "near=K%C3%B6ln&radius=10");
        // A radius only means something with a place; odd radii mean all of NRW.
        check("radius=10", "");
        check("near=50667&radius=7", "near=50667");
        check("near=50667&radius=-5", "near=50667");
        check("near=%20%20", "");
        check("near=%E2%80%AEevil", "near=evil");
        let long = "x".repeat(200);
        assert_eq!(
            UrlState::from_query_string(&format!("near={long}"))
                .near
                .map(|n| n.len()),
            Some(MAX_NEAR_CHARS)
        );
    }

    #[test]
    fn everything_in_canonical_order() {
        check(
            "map=9/51.5/7.5&agency=ia-1&q=Beratung&umbrellas=drk&topics=age&sada=1&offers=networking&place=05382&lang=tr",
            "place=05382&offers=networking&sada=1&topics=age&umbrellas=drk&q=Beratung&agency=ia-1&map=9/51.5000/7.5000",
        );
    }

    #[test]
    fn map_ranges_are_the_nrw_box_plus_two_degrees() {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(*MAP_LAT_RANGE.start(), NRW_BBOX.south - 2.0));
        assert!(close(*MAP_LAT_RANGE.end(), NRW_BBOX.north + 2.0));
        assert!(close(*MAP_LON_RANGE.start(), NRW_BBOX.west - 2.0));
        assert!(close(*MAP_LON_RANGE.end(), NRW_BBOX.east + 2.0));
    }

    #[test]
    fn known_params_match_the_writer() {
        let state = UrlState::from_query_string(
            "place=05382&offers=networking&sada=1&topics=age&umbrellas=drk&q=x&near=50667&radius=25&agency=a&map=9/51/7",
        );
        let names: Vec<&str> = state.to_pairs().into_iter().map(|(name, _)| name).collect();
        assert_eq!(names, KNOWN_PARAMS);
    }

    #[test]
    fn from_pairs_takes_decoded_values() {
        let state =
            UrlState::from_pairs([("q", "Köln Mülheim"), ("place", "05315000"), ("x", "y")]);
        assert_eq!(state.filters.text, "Köln Mülheim");
        assert_eq!(
            state.filters.place,
            Some(PlaceFilter::Municipality("05315000".into()))
        );
    }

    fn hostile_fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<script>alert(1)</script>".to_owned()),
            Just("javascript:alert(document.cookie)".to_owned()),
            Just("\"><img src=x onerror=alert(1)>".to_owned()),
            Just("%00".to_owned()),
            Just("%".to_owned()),
            Just("%E2%80%AE".to_owned()),
            Just("\u{202e}\u{2066}\u{200f}".to_owned()),
            Just("\u{0}\u{1b}[31m".to_owned()),
            Just("&".to_owned()),
            Just("=".to_owned()),
            Just("+".to_owned()),
            Just("q=".to_owned()),
            Just("map=".to_owned()),
            Just("place=".to_owned()),
            Just("agency=".to_owned()),
            Just("offers=".to_owned()),
            Just("%F0%9F%92%A9".to_owned()),
            Just("💩👨‍👩‍👧".to_owned()),
            Just("١٢٣".to_owned()),
            Just("../../etc/passwd".to_owned()),
            Just("' OR 1=1 --".to_owned()),
            Just("x".repeat(5_000)),
            Just("ä".repeat(300)),
            Just("%C3%A4".repeat(300)),
            "\\PC{0,20}",
            "[%=&+/,.0-9a-z]{0,20}",
            any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn any_string_parses_to_a_fixed_point(query in any::<String>()) {
            let state = UrlState::from_query_string(&query);
            let again = UrlState::from_query_string(&state.to_query_string());
            prop_assert_eq!(again, state);
        }

        #[test]
        fn query_like_strings_parse_to_a_fixed_point(
            query in "(\\??((place|offers|sada|topics|umbrellas|q|agency|map|lang)=[%0-9a-zA-Z,/._+ -]{0,20}&?){0,6})",
        ) {
            let state = UrlState::from_query_string(&query);
            let again = UrlState::from_query_string(&state.to_query_string());
            prop_assert_eq!(again, state);
        }

        #[test]
        fn hostile_input_never_leaks_raw_markup(
            fragments in proptest::collection::vec(hostile_fragment(), 1..8),
        ) {
            let query = fragments.concat();
            let state = UrlState::from_query_string(&query);
            let encoded = state.to_query_string();
            prop_assert!(
                !encoded.contains(['<', '>', '"', ' ', '\'']),
                "{:?} -> {:?}", query, encoded
            );
            prop_assert!(state.filters.text.chars().count() <= MAX_QUERY_CHARS);
            prop_assert!(!state.filters.text.chars().any(|c| c.is_control() || is_bidi_control(c)));
            prop_assert_eq!(UrlState::from_query_string(&encoded), state);
        }

        #[test]
        fn valid_states_round_trip_exactly(state in arbitrary_valid_state()) {
            let query = state.to_query_string();
            prop_assert_eq!(UrlState::from_query_string(&query), state.clone(), "{}", query);
            prop_assert_eq!(UrlState::from_query_string(&format!("?{query}")), state);
        }
    }

    fn arbitrary_valid_state() -> impl Strategy<Value = UrlState> {
        let place = prop_oneof![
            Just(None),
            "[0-9]{8}".prop_map(|ags| Some(PlaceFilter::Municipality(ags))),
            "[0-9]{5}".prop_map(|kreis_ags| Some(PlaceFilter::Kreis(kreis_ags))),
        ];
        let text = "\\PC{0,30}".prop_map(|text| clean_query_text(&text));
        let agency = proptest::option::of("[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}");
        let near = proptest::option::of((
            prop_oneof![
                "[0-9]{5}",
                "[A-ZÄÖÜ][a-zäöüß]{2,12}( an der [A-Z][a-z]{2,8})?"
            ],
            proptest::option::of(proptest::sample::select(RADII_KM.to_vec())),
        ));
        let map = proptest::option::of(
            (0..=MAX_ZOOM, 483_000i64..=545_600, 38_000i64..=115_000).prop_map(
                |(zoom, lat, lon)| MapView {
                    lat: lat as f64 / 10_000.0,
                    lon: lon as f64 / 10_000.0,
                    zoom,
                },
            ),
        );
        (
            place,
            proptest::sample::subsequence(Offer::ALL.to_vec(), 0..=Offer::ALL.len()),
            any::<bool>(),
            proptest::sample::subsequence(Topic::ALL.to_vec(), 0..=Topic::ALL.len()),
            proptest::sample::subsequence(Umbrella::ALL.to_vec(), 0..=Umbrella::ALL.len()),
            text,
            agency,
            map,
            near,
        )
            .prop_map(
                |(
                    place,
                    offers,
                    antidiscrimination,
                    topics,
                    umbrellas,
                    text,
                    agency,
                    map,
                    near,
                )| {
                    let (near, radius_km) = match near {
                        Some((near, radius)) => (Some(near), radius),
                        None => (None, None),
                    };
                    UrlState {
                        filters: Filters {
                            place,
                            offers: offers.into_iter().collect(),
                            antidiscrimination,
                            topics: topics.into_iter().collect(),
                            umbrellas: umbrellas.into_iter().collect(),
                            text,
                            circle: None,
                        },
                        agency,
                        map,
                        near,
                        radius_km,
                    }
                },
            )
    }

    #[test]
    fn a_thousand_hostile_strings_never_panic() {
        // A fixed, deterministic corpus in addition to the random one above.
        let pieces = [
            "<script>",
            "</script>",
            "javascript:",
            "\"",
            "'",
            ">",
            "<",
            "%00",
            "%0A",
            "%0D",
            "%E2%80%AE",
            "\u{202e}",
            "\u{feff}",
            "%",
            "%%",
            "%G0",
            "+",
            "&",
            "=",
            "?",
            "#",
            "place=",
            "q=",
            "map=",
            "map=18/",
            "/",
            ",",
            "offers=",
            "agency=",
            "sada=",
            "ä",
            "💩",
            "\u{0}",
            "\u{7f}",
            "%FF%FE",
            "1e309",
            "NaN",
            "-0",
            "05315000",
        ];
        let mut n_checked = 0;
        for (first_idx, first) in pieces.iter().enumerate() {
            for second in &pieces {
                for third in &pieces[first_idx % 5..first_idx % 5 + 1] {
                    let query = format!("{first}{second}{third}{first}");
                    let state = UrlState::from_query_string(&query);
                    let encoded = state.to_query_string();
                    assert!(
                        !encoded.contains(['<', '>', '"', ' ']),
                        "{query:?} -> {encoded:?}"
                    );
                    assert_eq!(UrlState::from_query_string(&encoded), state, "{query:?}");
                    n_checked += 1;
                }
            }
        }
        assert!(n_checked >= 1_000, "{n_checked}");
    }
}

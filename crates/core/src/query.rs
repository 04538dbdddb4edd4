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

/// Every parameter this module owns, in canonical order: the one table of
/// their names. The UI keeps any other parameter (such as `lang` or `embed`)
/// untouched when it rewrites the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    Place,
    Offers,
    Sada,
    Topics,
    Umbrellas,
    Q,
    Near,
    Radius,
    Agency,
    Map,
}

impl Param {
    pub const ALL: [Param; 10] = [
        Param::Place,
        Param::Offers,
        Param::Sada,
        Param::Topics,
        Param::Umbrellas,
        Param::Q,
        Param::Near,
        Param::Radius,
        Param::Agency,
        Param::Map,
    ];

    /// The parameter's name in the query string.
    pub const fn name(self) -> &'static str {
        match self {
            Param::Place => "place",
            Param::Offers => "offers",
            Param::Sada => "sada",
            Param::Topics => "topics",
            Param::Umbrellas => "umbrellas",
            Param::Q => "q",
            Param::Near => "near",
            Param::Radius => "radius",
            Param::Agency => "agency",
            Param::Map => "map",
        }
    }

    pub fn from_name(name: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|param| param.name() == name)
    }
}

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
            let Some(param) = Param::from_name(name) else {
                continue;
            };
            let slot = match param {
                Param::Place => &mut raw.place,
                Param::Offers => &mut raw.offers,
                Param::Sada => &mut raw.sada,
                Param::Topics => &mut raw.topics,
                Param::Umbrellas => &mut raw.umbrellas,
                Param::Q => &mut raw.q,
                Param::Near => &mut raw.near,
                Param::Radius => &mut raw.radius,
                Param::Agency => &mut raw.agency,
                Param::Map => &mut raw.map,
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
            pairs.push((Param::Place.name(), key.clone()));
        }
        if !filters.offers.is_empty() {
            pairs.push((
                Param::Offers.name(),
                join_codes(&filters.offers, |o| o.code()),
            ));
        }
        if filters.antidiscrimination {
            pairs.push((Param::Sada.name(), "1".to_owned()));
        }
        if !filters.topics.is_empty() {
            pairs.push((
                Param::Topics.name(),
                join_codes(&filters.topics, |t| t.code()),
            ));
        }
        if !filters.umbrellas.is_empty() {
            pairs.push((
                Param::Umbrellas.name(),
                join_codes(&filters.umbrellas, |u| u.code()),
            ));
        }
        if !filters.text.is_empty() {
            pairs.push((Param::Q.name(), filters.text.clone()));
        }
        if let Some(near) = &self.near {
            pairs.push((Param::Near.name(), near.clone()));
            if let Some(radius) = self.radius_km {
                pairs.push((Param::Radius.name(), radius.to_string()));
            }
        }
        if let Some(agency) = &self.agency {
            pairs.push((Param::Agency.name(), agency.clone()));
        }
        if let Some(map) = &self.map {
            pairs.push((
                Param::Map.name(),
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
        let decoded = decode_query(query);
        UrlState::from_pairs(decoded.iter().map(|(k, v)| (k.as_str(), v.as_str())))
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

/// The decoded `(name, value)` pairs of a raw query string, in order: a
/// leading `?` is allowed, `+` means a space, invalid percent escapes and
/// invalid UTF-8 are decoded leniently. For native code and tests; the app
/// takes the browser's decoding (`URLSearchParams`).
pub fn decode_query(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
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

/// A switch: `1` or `true` (any case, spaces around ignored) is on,
/// anything else off. The one reading of every on/off parameter (`sada`,
/// and `embed` in [`crate::embed`]).
pub(crate) fn parse_flag(value: &str) -> bool {
    let value = value.trim();
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

/// A map's zoom as a whole level within `0..=MAX_ZOOM` (Leaflet reports
/// fractional zooms during animations).
pub fn zoom_level(zoom: f64) -> u8 {
    zoom.round().clamp(0.0, f64::from(MAX_ZOOM)) as u8
}

impl MapView {
    /// The view of a map centred at `(lat, lon)` at `zoom`, as the URL
    /// carries it: a whole zoom level, the centre rounded to 4 decimals.
    pub fn of_map(lat: f64, lon: f64, zoom: f64) -> MapView {
        MapView {
            lat: round_to_4_decimals(lat),
            lon: round_to_4_decimals(lon),
            zoom: zoom_level(zoom),
        }
    }
}

/// Rounds to 4 decimal places, the precision the URL carries.
pub fn round_to_4_decimals(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests;

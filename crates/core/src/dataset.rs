//! Schema v2 of the published dataset (`agencies.json`): the types and their
//! JSON shape. This is the only place that knows that shape. Reading a file
//! tolerantly is [`crate::load`] (which also reads version 1 files), checking
//! a record is [`crate::validate`]; the order of the modules is
//! schema ← validate ← load.

use serde::{Deserialize, Serialize};

use crate::vocab::{Offer, Precision, Topic, Umbrella};

/// The schema version this code writes.
pub const SCHEMA_VERSION: u64 = 2;

/// The older schema versions this code still reads. Version 1 had one date
/// per record, `last_verified`, which was the day the source was read; the
/// loader moves it to `source_seen` and leaves `last_verified` empty.
pub const READABLE_OLDER_VERSIONS: &[u64] = &[1];

/// A whole dataset file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// [`SCHEMA_VERSION`] when written; [`parse_dataset`](crate::load::parse_dataset) also reads the
    /// versions in [`READABLE_OLDER_VERSIONS`].
    pub schema_version: u64,
    #[serde(flatten)]
    pub meta: DatasetMeta,
    pub agencies: Vec<Agency>,
}

/// Everything in a dataset file except the records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetMeta {
    /// Date the data was compiled, `YYYY-MM-DD` ("Stand").
    pub as_of: String,
    pub source: DatasetSource,
    /// Licence of the compilation, as text.
    pub licence: String,
    /// How complete the dataset is, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
    /// Every Kreis and kreisfreie Stadt of NRW with a point inside it, so that
    /// the app can name a place where the dataset has no agency and measure
    /// the distance to the nearest ones (schema v2, optional).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kreise: Vec<KreisInfo>,
}

/// One Kreis or kreisfreie Stadt, whether or not the dataset has agencies
/// there. Stored as an array `[ags, name, kreisfrei, lat, lon]`, like the
/// place index's entries: 53 of them, read on every visit, and a tuple is
/// both fewer bytes and less Wasm code to read than an object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "KreisTuple", into = "KreisTuple")]
pub struct KreisInfo {
    /// The 5-digit Kreis key (Amtlicher Gemeindeschlüssel without the municipality).
    pub ags: String,
    /// The name without its kind ("Leverkusen", "Mettmann").
    pub name: String,
    /// True for a kreisfreie Stadt, false for a Kreis.
    pub kreisfrei: bool,
    /// A point inside the Kreis (WGS 84).
    pub lat: f64,
    pub lon: f64,
}

type KreisTuple = (String, String, bool, f64, f64);

impl From<KreisTuple> for KreisInfo {
    fn from((ags, name, kreisfrei, lat, lon): KreisTuple) -> KreisInfo {
        KreisInfo {
            ags,
            name,
            kreisfrei,
            lat,
            lon,
        }
    }
}

impl From<KreisInfo> for KreisTuple {
    fn from(k: KreisInfo) -> KreisTuple {
        (k.ags, k.name, k.kreisfrei, k.lat, k.lon)
    }
}

impl KreisInfo {
    /// True when the key has 5 ASCII digits and the point lies in or near NRW.
    /// Entries that fail this are dropped when a dataset is read.
    pub fn is_plausible(&self) -> bool {
        self.ags.len() == 5
            && self.ags.bytes().all(|b| b.is_ascii_digit())
            && !self.name.trim().is_empty()
            && (50.0..=52.8).contains(&self.lat)
            && (5.6..=9.7).contains(&self.lon)
    }
}

/// Who compiled the dataset, and where it is published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetSource {
    pub text: String,
    pub url: String,
}

/// How many agencies exist in total according to the state, for an honest
/// "N von rund M" statement ("rund 214 Integrationsagenturen (2021), davon
/// 44 Servicestellen (2025)").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub estimated_total: u32,
    /// The year `estimated_total` refers to (schema v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_total_year: Option<u16>,
    /// How many of them are Servicestellen für Antidiskriminierungsarbeit
    /// (schema v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servicestellen_total: Option<u32>,
    /// The year `servicestellen_total` refers to (schema v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servicestellen_year: Option<u16>,
    /// Where the estimates come from.
    pub note: String,
}

/// One Integrationsagentur or Servicestelle für Antidiskriminierungsarbeit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    /// Stable slug (`[a-z0-9-]+`) that never changes when other records change.
    pub id: String,
    pub name: String,
    /// The legal carrier (Träger).
    pub carrier: String,
    pub umbrella: Umbrella,
    pub address: Address,
    /// Amtlicher Gemeindeschlüssel (8 digits) of the municipality; for a
    /// record known only by its Kreis (precision `kreis`), the Kreis' 5-digit key.
    pub ags: String,
    /// Name of the municipality (Gemeinde or kreisfreie Stadt); empty for a
    /// record known only by its Kreis (precision `kreis`).
    pub municipality: String,
    /// Name of the Kreis or kreisfreie Stadt the municipality belongs to.
    pub kreis: String,
    pub location: Location,
    #[serde(default)]
    pub offers: Vec<Offer>,
    /// True when the agency is a Servicestelle für Antidiskriminierungsarbeit.
    #[serde(default)]
    pub antidiscrimination: bool,
    /// Anti-discrimination counselling focus, where known.
    #[serde(default)]
    pub topics: Vec<Topic>,
    #[serde(default)]
    pub contact: Contact,
    /// Languages of counselling (ISO 639-1 codes), where known.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Public page the record was taken from.
    pub source_url: String,
    /// What the source is, when the URL alone does not say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_note: Option<String>,
    /// Date a person confirmed the record with the agency or its network,
    /// `YYYY-MM-DD`; empty when nobody has (schema v2; in version 1 this
    /// field held the day the source was read, see [`parse_dataset`](crate::load::parse_dataset)).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_verified: String,
    /// Date the public source was read, `YYYY-MM-DD` (schema v2).
    #[serde(default)]
    pub source_seen: String,
    /// The date of the record's newest dated source where known: a year
    /// (`2021`), a month (`2025-09`) or a day (schema v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_date: Option<String>,
    /// Who published the data behind `source_url`, when the page is a copy
    /// or its host does not say it ("Landeshauptstadt Düsseldorf"; issue 27).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_credit: Option<String>,
    /// Fields that came from another source than `source_url` (a later
    /// research pass's correction, a city's open data), each with its source
    /// (issue 27). Empty for most records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field_sources: Vec<FieldSource>,
}

/// Where some fields of a record come from (see [`Agency::field_sources`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldSource {
    /// The fields, as schema paths: `contact.website`, `address.street`,
    /// `address.postcode`, `address.city`, `contact.phone`, `location`.
    pub fields: Vec<String>,
    /// The page the values were taken from.
    pub url: String,
    /// Who published the data, when the page is a copy (see
    /// [`Agency::source_credit`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// What was seen there (the research's note), and the other pages named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The day the source was read, `YYYY-MM-DD`.
    pub seen: String,
}

/// The schema paths a [`FieldSource`] may name: the fields a correction or
/// another source can give (`location` is the position with its precision).
pub const FIELD_SOURCE_PATHS: &[&str] = &[
    "address.street",
    "address.postcode",
    "address.city",
    "contact.phone",
    "contact.email",
    "contact.website",
    "carrier",
    "location",
];

/// Postal address. A record without a known street keeps `street: None`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default)]
    pub street: Option<String>,
    #[serde(default)]
    pub postcode: Option<String>,
    pub city: String,
    /// True when the street is the address of the same carrier's
    /// Servicestelle, because the sources name no office of the agency
    /// itself ("Anschrift der Servicestelle desselben Trägers"; issue 27).
    #[serde(default, skip_serializing_if = "is_false")]
    pub carrier_servicestelle: bool,
}

/// Position on the map and how exact it is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
    pub precision: Precision,
}

/// Contact data. Every field is optional because sources often lack it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    /// True when the website is the carrier's site, not a page of the agency
    /// ("Website des Trägers"; issue 27).
    #[serde(default, skip_serializing_if = "is_false")]
    pub carrier_website: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Agency {
    /// Ags of the Kreis or kreisfreie Stadt (the first five digits).
    pub fn kreis_ags(&self) -> &str {
        self.ags.get(..5).unwrap_or(&self.ags)
    }

    /// True when the source names only the Kreis: the record belongs to the
    /// Kreis and to none of its municipalities, and its position is a point
    /// inside the Kreis (precision `kreis`).
    pub fn is_kreis_only(&self) -> bool {
        self.location.precision == Precision::Kreis
    }
}

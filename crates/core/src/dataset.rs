//! Schema v2 of the published dataset (`agencies.json`) and its tolerant loader
//! (which also reads version 1 files; see [`parse_dataset`]).
//!
//! This is the only place that knows the JSON shape. The loader never fails
//! because of one bad record: a record that does not parse or validate is
//! skipped and reported as a [`RecordProblem`], so the rest still shows. Only
//! a file that is not JSON, not an object, or of an unknown `schema_version`
//! is rejected as a whole ([`DatasetError`]).

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::text::strip_bidi_controls;
use crate::validate::{validate_agency, FieldProblem};
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
    /// [`SCHEMA_VERSION`] when written; [`parse_dataset`] also reads the
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
    /// field held the day the source was read, see [`parse_dataset`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_verified: String,
    /// Date the public source was read, `YYYY-MM-DD` (schema v2).
    #[serde(default)]
    pub source_seen: String,
    /// The source's own date where known: a year (`2021`), a month
    /// (`2025-09`) or a day (schema v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_date: Option<String>,
}

/// Postal address. A record without a known street keeps `street: None`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Address {
    #[serde(default)]
    pub street: Option<String>,
    #[serde(default)]
    pub postcode: Option<String>,
    pub city: String,
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

/// A dataset as the app uses it: the good records plus what was skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedDataset {
    pub meta: DatasetMeta,
    pub agencies: Vec<Agency>,
    pub skipped: Vec<RecordProblem>,
}

/// Why one record was skipped.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordProblem {
    /// Position of the record in the `agencies` array.
    pub index: usize,
    /// The record's id, when it has a readable one.
    pub id: Option<String>,
    pub problems: Vec<FieldProblem>,
}

impl std::fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.id {
            Some(id) => write!(f, "record {} (id \"{}\")", self.index, id)?,
            None => write!(f, "record {}", self.index)?,
        }
        for problem in &self.problems {
            write!(f, "; {problem}")?;
        }
        Ok(())
    }
}

/// Why a whole dataset file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum DatasetError {
    /// The text is not valid JSON.
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON, but not an object with the top-level fields.
    Shape(String),
    /// A `schema_version` this code does not know.
    UnsupportedSchema(String),
}

impl std::fmt::Display for DatasetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DatasetError::Json {
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "not valid JSON at line {line}, column {column}: {message}"
                )
            }
            DatasetError::Shape(message) => write!(f, "not a dataset: {message}"),
            DatasetError::UnsupportedSchema(found) => {
                write!(
                    f,
                    "unsupported schema_version {found} (this app reads versions 1 to {SCHEMA_VERSION})"
                )
            }
        }
    }
}

impl std::error::Error for DatasetError {}

/// Parses a dataset file, skipping (and reporting) records that are broken.
///
/// Unknown extra fields are ignored at every level so that later minor
/// additions to the schema do not break older apps.
///
/// Version 1 files are read too: their `last_verified` was the day the
/// research read the source (nobody confirmed those records with the
/// agency), so it becomes `source_seen`, and `last_verified` stays empty.
pub fn parse_dataset(text: &str) -> Result<LoadedDataset, DatasetError> {
    // Records are kept as raw JSON text and parsed one by one, so that one bad
    // record cannot fail the file. (Raw values instead of `serde_json::Value`
    // keep the Wasm build about 20 KB smaller.)
    if !text.trim_start().starts_with('{')
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
    {
        return Err(DatasetError::Shape(
            "the top level is not a JSON object".into(),
        ));
    }
    let head: RawDataset = serde_json::from_str(text).map_err(|err| match err.classify() {
        serde_json::error::Category::Data => DatasetError::Shape(err.to_string()),
        _ => DatasetError::Json {
            line: err.line(),
            column: err.column(),
            message: err.to_string(),
        },
    })?;
    let version = match head.schema_version.map(RawValue::get) {
        Some(version) => {
            let version = version.trim();
            match version.parse::<u64>() {
                Ok(n) if n == SCHEMA_VERSION || READABLE_OLDER_VERSIONS.contains(&n) => n,
                _ => return Err(DatasetError::UnsupportedSchema(version.to_owned())),
            }
        }
        None => return Err(DatasetError::UnsupportedSchema("(missing)".into())),
    };
    let meta = DatasetMeta {
        as_of: head.as_of.ok_or_else(|| missing("as_of"))?,
        source: head.source.ok_or_else(|| missing("source"))?,
        licence: head.licence.ok_or_else(|| missing("licence"))?,
        coverage: head.coverage,
        kreise: head
            .kreise
            .into_iter()
            .filter(KreisInfo::is_plausible)
            .collect(),
    };
    let records = head.agencies.ok_or_else(|| missing("agencies"))?;

    let mut agencies: Vec<Agency> = Vec::with_capacity(records.len());
    let mut skipped = Vec::new();
    let mut seen_ids = std::collections::HashSet::new();
    for (index, record) in records.iter().enumerate() {
        let id = serde_json::from_str::<RecordId>(record.get())
            .ok()
            .and_then(|r| r.id);
        let problems = match serde_json::from_str::<Agency>(record.get()) {
            Err(err) => vec![FieldProblem::new("(record)", err.to_string())],
            Ok(mut agency) => {
                if version == 1 {
                    upgrade_v1_dates(&mut agency);
                }
                strip_bidi_controls_from(&mut agency);
                let mut problems = validate_agency(&agency);
                if problems.is_empty() && !seen_ids.insert(agency.id.clone()) {
                    problems.push(FieldProblem::new(
                        "id",
                        "duplicate id; the first record with it is kept",
                    ));
                }
                if problems.is_empty() {
                    agencies.push(agency);
                    continue;
                }
                problems
            }
        };
        skipped.push(RecordProblem {
            index,
            id,
            problems,
        });
    }
    Ok(LoadedDataset {
        meta,
        agencies,
        skipped,
    })
}

/// [`parse_dataset`] for the bytes of a file as fetched: skips a UTF-8 byte
/// order mark and reports bytes that are not UTF-8 with their line and column
/// (copying bytes into Wasm is much cheaper than a JavaScript string).
pub fn parse_dataset_bytes(bytes: &[u8]) -> Result<LoadedDataset, DatasetError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_dataset(text),
        Err(err) => {
            let before = bytes.get(..err.valid_up_to()).unwrap_or_default();
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            Err(DatasetError::Json {
                line: before.iter().filter(|&&b| b == b'\n').count() + 1,
                column: before.len() - line_start + 1,
                message: "the file is not UTF-8 text".into(),
            })
        }
    }
}

/// Version 1 → 2: the one date of a v1 record was the day its source was read.
fn upgrade_v1_dates(agency: &mut Agency) {
    if agency.source_seen.is_empty() {
        agency.source_seen = std::mem::take(&mut agency.last_verified);
    }
}

fn missing(field: &str) -> DatasetError {
    DatasetError::Shape(format!("the field \"{field}\" is missing"))
}

/// The top level of a file, with each record still unparsed.
#[derive(Deserialize)]
struct RawDataset<'a> {
    #[serde(borrow, default)]
    schema_version: Option<&'a RawValue>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    source: Option<DatasetSource>,
    #[serde(default)]
    licence: Option<String>,
    #[serde(default)]
    coverage: Option<Coverage>,
    #[serde(default)]
    kreise: Vec<KreisInfo>,
    #[serde(borrow, default)]
    agencies: Option<Vec<&'a RawValue>>,
}

/// Just enough of a record to name it in an error message.
#[derive(Deserialize)]
struct RecordId {
    #[serde(default)]
    id: Option<String>,
}

/// Removes explicit bidi controls from every text of a record (see
/// [`strip_bidi_controls`]): an unterminated right-to-left override in a
/// name would otherwise reverse the app's own words after it.
fn strip_bidi_controls_from(agency: &mut Agency) {
    let Agency {
        id: _,
        name,
        carrier,
        umbrella: _,
        address,
        ags: _,
        municipality,
        kreis,
        location: _,
        offers: _,
        antidiscrimination: _,
        topics: _,
        contact,
        languages,
        source_url: _,
        source_note,
        last_verified: _,
        source_seen: _,
        source_date,
    } = agency;
    let texts = [name, carrier, &mut address.city, municipality, kreis]
        .into_iter()
        .chain(address.street.as_mut())
        .chain(address.postcode.as_mut())
        .chain(contact.phone.as_mut())
        .chain(contact.email.as_mut())
        .chain(contact.website.as_mut())
        .chain(source_note.as_mut())
        .chain(source_date.as_mut())
        .chain(languages.iter_mut());
    for text in texts {
        strip_bidi_controls(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn record(id: &str) -> Value {
        serde_json::json!({
            "id": id,
            "name": "Integrationsagentur Beispiel",
            "carrier": "Beispielträger e.V.",
            "umbrella": "caritas",
            "address": {"street": "Domplatz 1", "postcode": "50667", "city": "Köln"},
            "ags": "05315000",
            "municipality": "Köln",
            "kreis": "Köln",
            "location": {"lat": 50.94, "lon": 6.96, "precision": "postcode"},
            "offers": ["language_courses"],
            "antidiscrimination": true,
            "topics": ["racism"],
            "contact": {"phone": "0221 123456", "email": "info@example.org", "website": "https://example.org"},
            "languages": ["de", "tr"],
            "source_url": "https://example.org/quelle",
            "source_seen": "2026-11-20",
            "source_date": "2021"
        })
    }

    fn file(records: Vec<Value>) -> String {
        serde_json::json!({
            "schema_version": 2,
            "as_of": "2026-11-20",
            "source": {"text": "Test", "url": "https://example.org"},
            "licence": "CC BY 4.0",
            "agencies": records
        })
        .to_string()
    }

    #[test]
    fn kreise_are_read_and_implausible_entries_dropped() {
        let mut file: Value = serde_json::from_str(&file(vec![record("a")])).unwrap();
        file["kreise"] = serde_json::json!([
            ["05316", "Leverkusen", true, 51.03, 7.02],
            ["0531", "Kurz", true, 51.0, 7.0],
            ["05158", "Mettmann", false, 48.1, 11.5]
        ]);
        let loaded = check_ok(&file.to_string(), 1, 0);
        let names: Vec<&str> = loaded.meta.kreise.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(names, ["Leverkusen"]);
    }

    #[test]
    fn a_malformed_kreis_list_is_a_shape_error_like_other_top_level_fields() {
        let mut file: Value = serde_json::from_str(&file(vec![record("a")])).unwrap();
        file["kreise"] = serde_json::json!("not a list");
        assert!(matches!(
            parse_dataset(&file.to_string()),
            Err(DatasetError::Shape(_))
        ));
    }

    #[track_caller]
    fn check_ok(text: &str, n_agencies: usize, n_skipped: usize) -> LoadedDataset {
        let loaded =
            parse_dataset(text).unwrap_or_else(|err| panic!("expected a dataset, got {err}"));
        assert_eq!(loaded.agencies.len(), n_agencies, "agencies");
        assert_eq!(
            loaded.skipped.len(),
            n_skipped,
            "skipped: {:?}",
            loaded.skipped
        );
        loaded
    }

    #[test]
    fn valid_file_parses() {
        let loaded = check_ok(&file(vec![record("a"), record("b")]), 2, 0);
        assert_eq!(loaded.meta.as_of, "2026-11-20");
        assert_eq!(loaded.agencies[0].kreis_ags(), "05315");
    }

    #[test]
    fn bytes_parse_like_text_and_say_where_they_are_not_utf8() {
        let text = file(vec![record("a")]);
        let from_bytes = parse_dataset_bytes(text.as_bytes()).map(|l| l.agencies);
        assert_eq!(from_bytes, parse_dataset(&text).map(|l| l.agencies));
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(
            parse_dataset_bytes(&with_bom).map(|l| l.agencies.len()),
            Ok(1)
        );
        let latin1 = b"{\n  \"as_of\": \"K\xF6ln\"}";
        match parse_dataset_bytes(latin1) {
            Err(DatasetError::Json {
                line,
                column,
                message,
            }) => {
                assert_eq!((line, column), (2, 14));
                assert!(message.contains("UTF-8"), "{message}");
            }
            other => panic!("expected a UTF-8 error, got {other:?}"),
        }
    }

    #[test]
    fn version_1_files_are_read_with_their_date_as_source_seen() {
        let mut old = record("a");
        let object = old.as_object_mut().unwrap_or_else(|| panic!("object"));
        object.remove("source_seen");
        object.remove("source_date");
        object.insert("last_verified".into(), "2026-11-24".into());
        let text = file(vec![old]).replace("\"schema_version\":2", "\"schema_version\":1");
        let loaded = check_ok(&text, 1, 0);
        let agency = &loaded.agencies[0];
        assert_eq!(agency.source_seen, "2026-11-24");
        assert_eq!(agency.last_verified, "");
        assert_eq!(agency.source_date, None);
        // A version 2 file keeps last_verified as it is.
        let mut confirmed = record("b");
        confirmed["last_verified"] = "2026-12-02".into();
        let loaded = check_ok(&file(vec![confirmed]), 1, 0);
        assert_eq!(loaded.agencies[0].last_verified, "2026-12-02");
        assert_eq!(loaded.agencies[0].source_seen, "2026-11-20");
        assert_eq!(loaded.agencies[0].source_date.as_deref(), Some("2021"));
    }

    #[test]
    fn version_2_records_need_source_seen_and_valid_dates() {
        let mut unseen = record("a");
        unseen.as_object_mut().map(|o| o.remove("source_seen"));
        let mut impossible = record("b");
        impossible["last_verified"] = "2026-02-31".into();
        let mut vague = record("c");
        vague["source_date"] = "um 2020".into();
        let loaded = check_ok(&file(vec![unseen, impossible, vague]), 0, 3);
        let fields: Vec<String> = loaded.skipped.iter().map(ToString::to_string).collect();
        assert!(fields[0].contains("source_seen"), "{}", fields[0]);
        assert!(fields[1].contains("last_verified"), "{}", fields[1]);
        assert!(fields[2].contains("source_date"), "{}", fields[2]);
    }

    #[test]
    fn kreis_only_records_have_a_kreis_key_and_no_municipality() {
        let mut kreis = record("a");
        kreis["ags"] = "05974".into();
        kreis["municipality"] = "".into();
        kreis["kreis"] = "Soest".into();
        kreis["location"] = serde_json::json!({"lat": 51.55, "lon": 8.1, "precision": "kreis"});
        let loaded = check_ok(&file(vec![kreis.clone()]), 1, 0);
        assert!(loaded.agencies[0].is_kreis_only());
        assert_eq!(loaded.agencies[0].kreis_ags(), "05974");
        // A Kreis key with another precision, or a municipality, is rejected.
        let mut wrong = kreis.clone();
        wrong["location"]["precision"] = "municipality".into();
        let mut named = kreis;
        named["id"] = "b".into();
        named["municipality"] = "Soest".into();
        check_ok(&file(vec![wrong, named]), 0, 2);
    }

    #[test]
    fn empty_list_is_a_valid_dataset() {
        check_ok(&file(vec![]), 0, 0);
    }

    #[test]
    fn missing_field_skips_only_that_record() {
        let mut broken = record("broken");
        broken.as_object_mut().map(|o| o.remove("name"));
        let loaded = check_ok(&file(vec![record("a"), broken]), 1, 1);
        assert_eq!(loaded.skipped[0].id.as_deref(), Some("broken"));
        assert!(
            loaded.skipped[0].to_string().contains("name"),
            "{}",
            loaded.skipped[0]
        );
    }

    #[test]
    fn wrong_type_skips_only_that_record() {
        let mut broken = record("broken");
        broken["location"]["lat"] = Value::String("fifty".into());
        check_ok(&file(vec![broken, record("b")]), 1, 1);
    }

    #[test]
    fn unknown_offer_code_skips_the_record() {
        let mut broken = record("broken");
        broken["offers"] = serde_json::json!(["teleportation"]);
        check_ok(&file(vec![broken]), 0, 1);
    }

    #[test]
    fn duplicate_id_keeps_the_first() {
        let loaded = check_ok(&file(vec![record("a"), record("a")]), 1, 1);
        assert_eq!(loaded.skipped[0].index, 1);
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let mut extra = record("a");
        extra["opening_hours"] = Value::String("Mo–Fr".into());
        let mut text: Value = serde_json::from_str(&file(vec![extra])).unwrap_or_default();
        text["publisher_logo"] = Value::Bool(true);
        check_ok(&text.to_string(), 1, 0);
    }

    #[test]
    fn whole_file_errors_are_precise() {
        assert!(matches!(
            parse_dataset("{\"schema_version\": 1,"),
            Err(DatasetError::Json { line: 1, .. })
        ));
        assert!(matches!(parse_dataset("[]"), Err(DatasetError::Shape(_))));
        let v3 = file(vec![]).replace("\"schema_version\":2", "\"schema_version\":3");
        assert_eq!(
            parse_dataset(&v3),
            Err(DatasetError::UnsupportedSchema("3".into()))
        );
        let no_agencies = serde_json::json!({"schema_version": 1, "as_of": "x", "source": {"text": "", "url": ""}, "licence": ""});
        assert!(
            matches!(parse_dataset(&no_agencies.to_string()), Err(DatasetError::Shape(m)) if m.contains("agencies"))
        );
    }

    #[test]
    fn serializes_back_to_the_same_shape() {
        let text = file(vec![record("a")]);
        let dataset: Dataset = serde_json::from_str(&text).unwrap_or_else(|err| panic!("{err}"));
        let again = serde_json::to_string(&dataset).unwrap_or_default();
        let reparsed: Dataset = serde_json::from_str(&again).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(dataset, reparsed);
    }

    #[test]
    fn bidi_controls_are_removed_from_texts() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../public/data/agencies.json"
        ))
        .unwrap_or_default();
        let Ok(mut dataset) = serde_json::from_str::<serde_json::Value>(&text) else {
            return;
        };
        dataset["agencies"][0]["carrier"] = "DRK \u{202e}Kreisverband".into();
        dataset["agencies"][0]["name"] = "\u{2067}Agentur\u{2069}".into();
        let loaded = parse_dataset(&dataset.to_string()).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(loaded.agencies[0].carrier, "DRK Kreisverband");
        assert_eq!(loaded.agencies[0].name, "Agentur");
    }
}

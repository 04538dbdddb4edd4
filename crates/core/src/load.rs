//! The tolerant loader of dataset files (schema in [`crate::dataset`]; it
//! also reads version 1 files, see [`parse_dataset`]).
//!
//! The loader never fails because of one bad record: a record that does not
//! parse or validate ([`crate::validate`]) is skipped and reported as a
//! [`RecordProblem`], so the rest still shows. Only a file that is not JSON,
//! not an object, or of an unknown `schema_version` is rejected as a whole
//! ([`DatasetError`]).

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::columns::Column;
use crate::dataset::{
    Agency, Coverage, DatasetMeta, DatasetSource, KreisInfo, READABLE_OLDER_VERSIONS,
    SCHEMA_VERSION,
};
use crate::text::strip_bidi_controls;
use crate::validate::{validate_agency, Field, FieldProblem};

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
            Err(err) => vec![FieldProblem::new(Field::Record, err.to_string())],
            Ok(mut agency) => {
                if version == 1 {
                    upgrade_v1_dates(&mut agency);
                }
                strip_bidi_controls_from(&mut agency);
                let mut problems = validate_agency(&agency);
                if problems.is_empty() && !seen_ids.insert(agency.id.clone()) {
                    problems.push(FieldProblem::new(
                        Column::Id,
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
        source_credit,
        field_sources,
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
        .chain(source_credit.as_mut())
        .chain(languages.iter_mut())
        .chain(field_sources.iter_mut().flat_map(|source| {
            std::iter::once(&mut source.url)
                .chain(source.credit.as_mut())
                .chain(source.note.as_mut())
        }));
    for text in texts {
        strip_bidi_controls(text);
    }
}

#[cfg(test)]
mod tests;

//! The sourced research records (the files `data/sourced-files.tsv` lists:
//! records, corrections and a city's list of sites, see [`crate::research`])
//! and the small committed tables under `data/` that steer the build
//! (exclusions, place overrides, dates).

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

use crate::{read_text, Error, Result};

/// One record as the research produced it. Unknown fields are an error, so
/// that new information cannot be dropped silently.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcedRecord {
    pub name: String,
    pub carrier: String,
    pub umbrella: String,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub city: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    #[serde(default)]
    pub offers: Vec<String>,
    pub antidiscrimination: Option<bool>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub source: String,
    #[serde(default)]
    pub seen: String,
    /// Optional: a fixed id (overrides the id rule).
    #[serde(default)]
    pub id: Option<String>,
    /// Optional: date a person confirmed the record with the agency or its
    /// network, `YYYY-MM-DD` (default: none; reading the source is not a
    /// confirmation, see `source_seen` in docs/dataset.md).
    #[serde(default)]
    pub last_verified: Option<String>,
    /// Optional: the source's own date (`2021`, `2025-09`, `2025-09-30`);
    /// default: `data/source-dates.tsv`.
    #[serde(default)]
    pub source_date: Option<String>,
    /// Optional: counselling languages (ISO 639-1 codes or German/English names).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Optional: precision code of `lat`/`lon` when the source gives coordinates.
    #[serde(default)]
    pub precision: Option<String>,
}

/// A record with where it came from, and what later research passes added
/// to it ([`crate::research`]).
#[derive(Debug, Clone)]
pub struct Located {
    pub file: String,
    pub index: usize,
    pub record: SourcedRecord,
    /// The record's city as sourced, before a correction changed it: the
    /// record's identity in the committed tables and its id.
    pub sourced_city: String,
    /// Who published the data of the record's source (a city's list).
    pub credit: Option<String>,
    /// Fields a correction or another source gave, with that source.
    pub field_sources: Vec<ia_core::dataset::FieldSource>,
    /// More for `source_note` (e.g. the publisher's page of a site).
    pub notes: Vec<String>,
}

impl Located {
    /// A record as read from `file`, nothing added yet.
    pub fn new(file: String, index: usize, record: SourcedRecord) -> Located {
        Located {
            file,
            index,
            sourced_city: record.city.trim().to_owned(),
            record,
            credit: None,
            field_sources: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The record's identity in the committed tables: its name and city
    /// exactly as sourced (trimmed).
    pub fn key(&self) -> (String, String) {
        (
            self.record.name.trim().to_owned(),
            self.sourced_city.clone(),
        )
    }

    /// `agencies-sourced.json record 12 ("Name")` for messages.
    pub fn label(&self) -> String {
        format!(
            "{} record {} ({:?})",
            self.file, self.index, self.record.name
        )
    }
}

/// What a research file holds (`data/sourced-files.tsv`, column 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Records of agencies (`agencies-sourced*.json`, `research-pass5-new.json`).
    Records,
    /// Corrections to records of earlier files (`{match, set, source, seen}`).
    Patches,
    /// A publisher's list of sites with coordinates, matched to the records
    /// by `data/site-matches.tsv`.
    Sites,
}

impl FileKind {
    fn parse(text: &str) -> Option<FileKind> {
        match text {
            "records" => Some(FileKind::Records),
            "patches" => Some(FileKind::Patches),
            "sites" => Some(FileKind::Sites),
            _ => None,
        }
    }
}

/// One line of `data/sourced-files.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct ResearchFile {
    /// File name in the shared directory.
    pub name: String,
    /// The day the research pass read the sources, `YYYY-MM-DD`.
    pub seen: String,
    pub kind: FileKind,
    /// Who published the data (credited with each record), or none.
    pub credit: Option<String>,
}

/// The research files the build reads, in the order of
/// `data/sourced-files.tsv`, with their paths. A listed file that is not in
/// `shared` is left out with a warning; a research file in `shared`
/// (`agencies-sourced*.json`, `research-*.json`) that is not listed fails
/// the build, so new research is never dropped silently.
pub fn research_files(
    shared: &Path,
    data: &Path,
    warnings: &mut Vec<String>,
) -> Result<Vec<(PathBuf, ResearchFile)>> {
    let table = data.join("sourced-files.tsv");
    let mut listed = Vec::new();
    for (line, columns) in read_tsv(&table, 3)? {
        let at = format!("{}:{line}", table.display());
        if !ia_core::validate::is_iso_date(&columns[1]) {
            return Err(Error(format!(
                "{at}: {:?} is not a date YYYY-MM-DD",
                columns[1]
            )));
        }
        let kind = FileKind::parse(&columns[2]).ok_or_else(|| {
            Error(format!(
                "{at}: kind {:?} is not records, patches or sites",
                columns[2]
            ))
        })?;
        let credit = columns
            .get(3)
            .filter(|c| !c.is_empty() && c.as_str() != "-")
            .cloned();
        listed.push(ResearchFile {
            name: columns[0].clone(),
            seen: columns[1].clone(),
            kind,
            credit,
        });
    }
    let entries = std::fs::read_dir(shared).map_err(|err| {
        Error(format!(
            "cannot list {}: {err} (run from the repository root, or pass --shared DIR)",
            shared.display()
        ))
    })?;
    let mut unlisted = Vec::new();
    for entry in entries {
        let entry =
            entry.map_err(|err| Error(format!("cannot list {}: {err}", shared.display())))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let research = (name.starts_with("agencies-sourced") || name.starts_with("research-"))
            && name.ends_with(".json");
        if research && !listed.iter().any(|f| f.name == name) {
            unlisted.push(name);
        }
    }
    if !unlisted.is_empty() {
        unlisted.sort();
        return Err(Error(format!(
            "research files not listed in {}: {}; add a line `file<TAB>date read<TAB>records|patches|sites<TAB>credit or -<TAB>note` for each",
            table.display(),
            unlisted.join(", ")
        )));
    }
    let mut files = Vec::new();
    for file in listed {
        let path = shared.join(&file.name);
        if path.is_file() {
            files.push((path, file));
        } else {
            warnings.push(format!(
                "{} lists {}, which is not in {}; left out",
                table.display(),
                file.name,
                shared.display()
            ));
        }
    }
    if !files.iter().any(|(_, f)| f.kind == FileKind::Records) {
        return Err(Error(format!(
            "no file of records from {} found in {} (run from the repository root, or pass --shared DIR)",
            table.display(),
            shared.display()
        )));
    }
    Ok(files)
}

/// Reads all records of one file; errors name the file and record.
pub fn read_records(path: &Path) -> Result<Vec<Located>> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let text = read_text(path)?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|err| Error(format!("{}: not valid JSON: {err}", path.display())))?;
    let Value::Array(items) = value else {
        return Err(Error(format!(
            "{}: expected a JSON array of records",
            path.display()
        )));
    };
    let mut errors = Vec::new();
    let mut records = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        let name = item
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_owned();
        match serde_json::from_value::<SourcedRecord>(item) {
            Ok(record) => records.push(Located::new(file.clone(), index, record)),
            Err(err) => errors.push(format!("{file} record {index} ({name:?}): {err}")),
        }
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(Error(errors.join("\n")))
    }
}

/// Reads a committed tab-separated table (see [`ia_upkeep::tsv::parse_tsv`]).
pub fn read_tsv(path: &Path, min_columns: usize) -> Result<Vec<(usize, Vec<String>)>> {
    let text = read_text(path)?;
    ia_upkeep::tsv::parse_tsv(&text, &path.display().to_string(), min_columns)
}

/// The committed date tables: `data/sourced-files.tsv` (sourced file → the
/// day its research pass read the sources) and `data/source-dates.tsv`
/// (record name, city → the date of its newest dated source, with the
/// evidence).
#[derive(Debug, Clone, Default)]
pub struct SourceDates {
    /// File name → `YYYY-MM-DD`.
    pub seen: std::collections::BTreeMap<String, String>,
    /// `(name, city)` exactly as sourced → source date.
    pub source_dates: std::collections::BTreeMap<(String, String), String>,
}

impl SourceDates {
    /// Reads both tables from the `data/` directory.
    pub fn read(data: &Path) -> Result<SourceDates> {
        let mut dates = SourceDates::default();
        let files = data.join("sourced-files.tsv");
        for (_, columns) in read_tsv(&files, 3)? {
            // Checked by `research_files`.
            dates.seen.insert(columns[0].clone(), columns[1].clone());
        }
        let table = data.join("source-dates.tsv");
        for (line, columns) in read_tsv(&table, 4)? {
            if !ia_core::validate::is_source_date(&columns[2]) {
                return Err(Error(format!(
                    "{}:{line}: {:?} is not a year, YYYY-MM or an existing YYYY-MM-DD",
                    table.display(),
                    columns[2]
                )));
            }
            let key = (columns[0].clone(), columns[1].clone());
            if dates.source_dates.insert(key, columns[2].clone()).is_some() {
                return Err(Error(format!(
                    "{}:{line}: the same record name and city are listed twice",
                    table.display()
                )));
            }
        }
        Ok(dates)
    }
}

/// A record left out of the dataset on purpose (`data/exclusions.tsv`:
/// name, city, reason).
#[derive(Debug, Clone, PartialEq)]
pub struct Exclusion {
    pub name: String,
    pub city: String,
    pub reason: String,
    pub line: usize,
}

/// Reads `data/exclusions.tsv`.
pub fn read_exclusions(path: &Path) -> Result<Vec<Exclusion>> {
    Ok(read_tsv(path, 3)?
        .into_iter()
        .map(|(line, columns)| Exclusion {
            name: columns[0].clone(),
            city: columns[1].clone(),
            reason: columns[2].clone(),
            line,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_rejected() {
        let value = serde_json::json!({
            "name": "X", "carrier": "Y", "umbrella": "AWO", "street": null, "postcode": null,
            "city": "Bonn", "phone": null, "email": null, "website": null, "offers": [],
            "antidiscrimination": null, "lat": null, "lon": null, "source": "https://a.de",
            "seen": "", "opening_hours": "Mo"
        });
        let err = serde_json::from_value::<SourcedRecord>(value)
            .err()
            .map(|e| e.to_string());
        assert!(err.unwrap_or_default().contains("opening_hours"));
    }
}

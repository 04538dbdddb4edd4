//! The sourced research records (`agencies-sourced.json` and any
//! `agencies-sourced-*.json` beside it) and the small committed tables under
//! `data/` that steer the build (exclusions, place overrides).

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

/// A record with where it came from.
#[derive(Debug, Clone)]
pub struct Located {
    pub file: String,
    pub index: usize,
    pub record: SourcedRecord,
}

impl Located {
    /// `agencies-sourced.json record 12 ("Name")` for messages.
    pub fn label(&self) -> String {
        format!(
            "{} record {} ({:?})",
            self.file, self.index, self.record.name
        )
    }
}

/// The sourced files in `dir`: `agencies-sourced.json` first, then the
/// `agencies-sourced-*.json` files in name order.
pub fn sourced_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let main = dir.join("agencies-sourced.json");
    if !main.is_file() {
        return Err(Error(format!(
            "{} not found (run from the repository root, or pass --shared DIR)",
            main.display()
        )));
    }
    let mut extra = Vec::new();
    let entries = std::fs::read_dir(dir)
        .map_err(|err| Error(format!("cannot list {}: {err}", dir.display())))?;
    for entry in entries {
        let entry = entry.map_err(|err| Error(format!("cannot list {}: {err}", dir.display())))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("agencies-sourced-") && name.ends_with(".json") {
            extra.push(entry.path());
        }
    }
    extra.sort();
    let mut files = vec![main];
    files.extend(extra);
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
            Ok(record) => records.push(Located {
                file: file.clone(),
                index,
                record,
            }),
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
/// (record name, city → the source's own date, with the evidence).
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
        for (line, columns) in read_tsv(&files, 2)? {
            if !ia_core::validate::is_iso_date(&columns[1]) {
                return Err(Error(format!(
                    "{}:{line}: {:?} is not a date YYYY-MM-DD",
                    files.display(),
                    columns[1]
                )));
            }
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

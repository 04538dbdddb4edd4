//! The import as a command: reads the spreadsheet, the previous dataset and
//! the place data from files, runs [`super::import`] and writes the result.
//! The only part of the import that touches the file system.

use std::path::PathBuf;

use super::{import, messages, read_previous, Places, Report, Settings};
use crate::gazetteer::load_gazetteer;
use crate::{read_text, validate, write_file, Error, Result};

/// Where `import` reads and writes.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub csv: PathBuf,
    pub previous: PathBuf,
    pub out: PathBuf,
    /// Reference data for geocoding (`raw/`); without it, rows must carry
    /// their position and AGS, Gemeinde and Kreis.
    pub shared: PathBuf,
    /// Committed inputs (`place-overrides.tsv`).
    pub data: PathBuf,
    /// Simplified NRW outline (the check is skipped if absent).
    pub outline: PathBuf,
    /// New `as_of` ("Stand") of the dataset; `None` keeps the previous one.
    pub as_of: Option<String>,
    /// More removed records than this block the import.
    pub max_removed: usize,
}

/// Runs the import and writes the output (unless blocked).
pub fn run(options: &ImportOptions) -> Result<Report> {
    let bytes = std::fs::read(&options.csv)
        .map_err(|err| Error(format!("cannot read {}: {err}", options.csv.display())))?;
    let previous_text = read_text(&options.previous)?;
    let previous = read_previous(&previous_text, &options.previous.display().to_string())?;
    let raw = options.shared.join("raw");
    let gazetteer = if raw.join("nrw-gemeinden.geojson").is_file() {
        let overrides = options.data.join("place-overrides.tsv");
        Some(load_gazetteer(&options.shared, &overrides)?)
    } else {
        None
    };
    let outline = if options.outline.is_file() {
        Some(validate::read_outline(&options.outline)?)
    } else {
        None
    };
    let places = Places {
        gazetteer: gazetteer.as_ref(),
        outline: outline.as_ref(),
    };
    let settings = Settings {
        csv_name: options.csv.display().to_string(),
        previous_name: options.previous.display().to_string(),
        as_of: options.as_of.clone(),
        max_removed: options.max_removed,
    };
    let mut imported = import(&bytes, &previous, places, &settings)?;
    let notes = &mut imported.report.file_notes;
    if gazetteer.is_none() {
        notes.push(messages::no_place_data(&raw.display().to_string()));
    }
    if outline.is_none() {
        notes.push(messages::no_outline(&options.outline.display().to_string()));
    }
    if imported.report.blocked.is_none() {
        write_file(&options.out, imported.text.as_bytes())?;
    }
    Ok(imported.report)
}

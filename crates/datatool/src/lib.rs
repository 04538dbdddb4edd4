//! Dataset tooling for the NRW Integrationsagenturen finder (`ia-datatool`).
//!
//! Each subcommand of the binary runs the module of its name:
//!
//! * [`build`] turns the sourced research records (`../shared/data/agencies-sourced*.json`)
//!   plus the committed inputs under `data/` into the published schema-v1 dataset
//!   `public/data/agencies.json` (offline geocoding, offer mapping, ids, offsets);
//! * [`validate`] checks a dataset file strictly;
//! * [`coverage`] counts records per Kreis, [`changes`] keeps the change list per Stand;
//! * [`basemap`] writes the map's own background (borders and labels per zoom
//!   band) under `public/data/basemap/`;
//! * [`boundaries`] writes the simplified boundary files under `public/data/boundaries/`;
//! * [`places`] writes the "near me" place index `public/data/places.json`;
//! * [`sizes`] measures the gzip size of everything the app downloads;
//! * [`export`] writes a dataset as the maintainers' spreadsheet (CSV), and
//!   [`import`] reads such a spreadsheet back into a dataset, repairing and
//!   reporting what spreadsheet programs do to it (a folder of modules, one
//!   per step; the import itself does no file I/O);
//! * [`synthetic`] writes [`ia_core::synthetic`]'s labelled test data for benchmarks.
//!
//! The others are what they share: the command line ([`cli`]), the offline
//! gazetteer ([`gazetteer`]), the research files ([`sourced`], [`research`]),
//! [`crosscheck`], [`geojson`], [`mapping`] and [`simplify`].
//!
//! The schema itself lives in `ia_core`; nothing here redefines it. Every
//! error says what went wrong and where (file, record, field), and nothing
//! here panics on external data.

pub mod basemap;
pub mod boundaries;
pub mod build;
pub mod changes;
pub mod cli;
pub mod coverage;
pub mod crosscheck;
pub mod export;
pub mod gazetteer;
pub mod geojson;
pub mod import;
pub mod mapping;
pub mod places;
pub mod research;
pub mod simplify;
pub mod sizes;
pub mod sourced;
pub mod synthetic;
pub mod validate;

/// The pure modules the import shares with the maintenance page.
pub use ia_upkeep::{geometry, slug};

use std::path::Path;

pub use ia_upkeep::{Error, Result};

/// Reads a UTF-8 text file, naming the file in the error.
pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .map_err(|err| Error(format!("cannot read {}: {err}", path.display())))
}

/// Writes a file, creating its parent directories, naming the file in the error.
pub fn write_file(path: &Path, contents: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).map_err(|err| {
                Error(format!(
                    "cannot create directory {}: {err}",
                    parent.display()
                ))
            })?;
        }
    }
    std::fs::write(path, contents)
        .map_err(|err| Error(format!("cannot write {}: {err}", path.display())))
}

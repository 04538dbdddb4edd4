//! The maintainers' spreadsheet workflow without file I/O (`ia-upkeep`):
//! the import (reading cells, repairs, validation, offline geocoding, the
//! per-row report and the differences) and everything it needs, so that
//! the command line (`ia-datatool import`) and the maintenance page
//! (`pflege.html`, Wasm) run the same code.
//!
//! * [`import`]: spreadsheet bytes + previous dataset + place data → new
//!   dataset + report (a folder of modules, one per step);
//! * [`check`]: the strict dataset check of `ia-datatool validate`;
//! * [`gazetteer`]: the offline gazetteer (built from texts, never from a
//!   third party), with [`geojson`] and [`geometry`];
//! * [`mapping`], [`slug`], [`spread`], [`tsv`], [`sizes`]: helpers shared
//!   with the datatool's `build`.
//!
//! Nothing here reads or writes files: the callers pass texts and bytes.

pub mod check;
pub mod gazetteer;
/// The boundary files' reader and writer, [`ia_core::geojson`].
pub use ia_core::geojson;
pub mod geometry;
pub mod import;
pub mod mapping;
pub mod sizes;
pub mod slug;
pub mod spread;
pub mod tsv;
pub mod xlsx;

/// An error with a complete, human-readable message (what and where).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<String> for Error {
    fn from(message: String) -> Self {
        Error(message)
    }
}

impl From<&str> for Error {
    fn from(message: &str) -> Self {
        Error(message.to_owned())
    }
}

/// Result with an [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

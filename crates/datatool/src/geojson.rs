//! Reading the boundary GeoJSON files; the format itself (parsing and
//! writing) is [`ia_core::geojson`].

use std::path::Path;

pub use ia_core::geojson::*;

use crate::{read_text, Error, Result};

/// Reads a FeatureCollection file.
pub fn read_features(path: &Path) -> Result<Vec<Feature>> {
    let text = read_text(path)?;
    parse_features(&text).map_err(|err| Error(format!("{}: {err}", path.display())))
}

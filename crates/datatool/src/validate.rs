//! `ia-datatool validate`: the strict check is [`ia_upkeep::check`]; this
//! module reads the outline it checks against.

use std::path::Path;

pub use ia_upkeep::check::*;

use crate::geojson::read_features;
use crate::geometry::MultiPolygon;
use crate::{Error, Result};

/// Reads the NRW outline (all polygons of all features of a GeoJSON file).
pub fn read_outline(path: &Path) -> Result<MultiPolygon> {
    let outline: MultiPolygon = read_features(path)?
        .into_iter()
        .flat_map(|feature| feature.geometry)
        .collect();
    if outline.is_empty() {
        return Err(Error(format!(
            "{}: no polygon in the outline",
            path.display()
        )));
    }
    Ok(outline)
}

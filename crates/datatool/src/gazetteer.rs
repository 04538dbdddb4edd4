//! The offline gazetteer ([`ia_upkeep::gazetteer`]), loaded from the raw files
//! of the shared data directory and the committed overrides.

use std::path::Path;

pub use ia_upkeep::gazetteer::*;

use crate::{read_text, Error, Result};

/// Loads `raw/nrw-gemeinden.geojson`, `raw/nrw-kreise.geojson` and
/// `raw/nrw-postcodes.csv` from the shared data directory and the overrides.
pub fn load_gazetteer(shared: &Path, overrides: &Path) -> Result<Gazetteer> {
    let raw = shared.join("raw");
    let gemeinden = read_text(&raw.join("nrw-gemeinden.geojson"))?;
    let kreise = read_text(&raw.join("nrw-kreise.geojson"))?;
    let postcodes = read_text(&raw.join("nrw-postcodes.csv"))?;
    let overrides_text = read_text(overrides)?;
    let name = overrides.display().to_string();
    Gazetteer::from_texts(&gemeinden, &kreise, &postcodes, &overrides_text, &name)
        .map_err(|err| Error(format!("{}: {err}", raw.display())))
}

//! Offer and vocabulary mapping: [`ia_upkeep::mapping`]; this module reads
//! the committed table.

use std::path::Path;

pub use ia_upkeep::mapping::*;

use crate::{read_text, Result};

/// Reads `data/offer-mapping.tsv`.
pub fn read_offer_mapping(path: &Path) -> Result<OfferMapping> {
    OfferMapping::parse(&read_text(path)?, &path.display().to_string())
}

//! `ia-datatool synthetic`: writes [`ia_core::synthetic`]'s labelled test
//! data for benchmarks (never published).

use std::path::Path;

use crate::{write_file, Error, Result};

/// Writes `count` synthetic agencies made from `seed` to `out`.
pub fn run(count: usize, seed: u64, out: &Path) -> Result<Vec<String>> {
    let dataset = ia_core::synthetic::synthetic_dataset(count, seed);
    let json = serde_json::to_vec(&dataset)
        .map_err(|err| Error(format!("cannot serialize the dataset: {err}")))?;
    write_file(out, &json)?;
    Ok(vec![format!(
        "wrote {count} synthetic agencies (seed {seed}) to {}",
        out.display()
    )])
}

//! `ia-datatool sizes`: gzip sizes of everything the app downloads, against
//! the budgets (1 KB = 1000 bytes; gzip at the default level 6, as a web
//! server would compress on the fly).

use std::path::Path;

pub use ia_upkeep::sizes::{gzip_len, DATASET_BUDGET};

use crate::{Error, Result};

/// The three boundary files together may be at most this many bytes gzip.
pub const BOUNDARIES_BUDGET: usize = 150_000;
/// The boundary files, with the size each should aim for (not enforced alone).
pub const BOUNDARY_FILES: &[(&str, usize)] = &[
    ("nrw-land.geojson", 15_000),
    ("nrw-kreise.geojson", 45_000),
    ("nrw-gemeinden.geojson", 90_000),
];

/// Raw and gzip size of a file.
pub fn file_sizes(path: &Path) -> Result<(usize, usize)> {
    let bytes = std::fs::read(path)
        .map_err(|err| Error(format!("cannot read {}: {err}", path.display())))?;
    Ok((bytes.len(), gzip_len(&bytes)?))
}

/// Measures the boundary files in `dir`; returns the printed lines and the
/// gzip total.
pub fn boundary_lines(dir: &Path) -> Result<(Vec<String>, usize)> {
    let mut lines = Vec::new();
    let mut total = 0;
    for (name, aim) in BOUNDARY_FILES {
        let path = dir.join(name);
        let (raw, gzip) = file_sizes(&path)?;
        total += gzip;
        lines.push(format!(
            "{:<48} {:>9} bytes  {:>7} bytes gzip  (aim {aim}){}",
            path.display(),
            raw,
            gzip,
            if gzip > *aim { "  above aim" } else { "" }
        ));
    }
    lines.push(format!(
        "{:<48} {:>9}        {:>7} bytes gzip  (budget {BOUNDARIES_BUDGET})",
        "boundaries total", "", total
    ));
    Ok((lines, total))
}

/// The `sizes` subcommand: prints all sizes; fails when over budget.
pub fn run(dataset: &Path, boundaries: &Path) -> Result<Vec<String>> {
    let mut lines = Vec::new();
    let mut over = Vec::new();
    let (raw, gzip) = file_sizes(dataset)?;
    lines.push(format!(
        "{:<48} {:>9} bytes  {:>7} bytes gzip  (budget {DATASET_BUDGET})",
        dataset.display(),
        raw,
        gzip
    ));
    if gzip > DATASET_BUDGET {
        over.push(format!(
            "{} is {gzip} bytes gzip, over the budget of {DATASET_BUDGET}",
            dataset.display()
        ));
    }
    let (boundary, total) = boundary_lines(boundaries)?;
    lines.extend(boundary);
    if total > BOUNDARIES_BUDGET {
        over.push(format!(
            "the boundary files are {total} bytes gzip together, over the budget of {BOUNDARIES_BUDGET}"
        ));
    }
    if over.is_empty() {
        Ok(lines)
    } else {
        lines.extend(over);
        Err(Error(lines.join("\n")))
    }
}

//! `ia-datatool export`: a dataset file → the maintainers' spreadsheet (CSV),
//! written by `ia_core::export::to_csv` (the format is documented there and in
//! `docs/data-maintenance.md`). `ia-datatool import` reads it back.

use std::path::Path;

use ia_core::export::to_csv;
use ia_core::{parse_dataset, Agency};

use crate::{read_text, write_file, Error, Result};

/// Exports `dataset` to `out`; returns the line to print. A dataset with
/// records the app's loader would skip is refused (the CSV must be complete).
pub fn run(dataset: &Path, out: &Path) -> Result<String> {
    let text = read_text(dataset)?;
    let loaded =
        parse_dataset(&text).map_err(|err| Error(format!("{}: {err}", dataset.display())))?;
    if !loaded.skipped.is_empty() {
        let problems: Vec<String> = loaded.skipped.iter().map(ToString::to_string).collect();
        return Err(Error(format!(
            "{}: {} record(s) are broken and would be missing from the CSV; nothing written \
             (run `ia-datatool validate {}`):\n{}",
            dataset.display(),
            problems.len(),
            dataset.display(),
            problems.join("\n")
        )));
    }
    let agencies: Vec<&Agency> = loaded.agencies.iter().collect();
    write_file(out, to_csv(&agencies).as_bytes())?;
    Ok(format!(
        "{} Einträge (Stand {}) nach {} geschrieben (UTF-8 mit BOM, Trennzeichen „;“)",
        agencies.len(),
        loaded.meta.as_of,
        out.display()
    ))
}

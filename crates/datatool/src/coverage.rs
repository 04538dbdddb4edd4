//! `ia-datatool coverage`: how many records each of the 53 Kreise and
//! kreisfreie Städte has, as a Markdown table between
//! `<!-- coverage:start -->` and `<!-- coverage:end -->` in `docs/dataset.md`.
//! `--write FILE` rewrites the block, `--check FILE` fails when it is stale.

use std::collections::BTreeMap;
use std::path::Path;

use ia_core::text::fold;
use ia_core::{parse_dataset, Agency};

use crate::geojson::read_features;
use crate::{read_text, write_file, Error, Result};

pub const START: &str = "<!-- coverage:start -->\n";
pub const END: &str = "<!-- coverage:end -->";

/// A Kreis or kreisfreie Stadt: 5-digit AGS, name, kind (`Kreis`,
/// `Kreisfreie Stadt`).
pub type Kreis = (String, String, String);

/// The table for these records (a record belongs to the Kreis of the first
/// five digits of its `ags`).
pub fn table(agencies: &[Agency], kreise: &[Kreis]) -> String {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for agency in agencies {
        let entry = counts.entry(agency.ags.get(..5).unwrap_or("")).or_default();
        entry.0 += 1;
        entry.1 += usize::from(agency.antidiscrimination);
    }
    let mut sorted: Vec<&Kreis> = kreise.iter().collect();
    sorted.sort_by_cached_key(|(ags, name, _)| (fold(name), ags.clone()));
    let mut out = String::from(
        "| Kreis / kreisfreie Stadt | Art | Einträge | davon Servicestellen |\n|---|---|---:|---:|\n",
    );
    let mut none = Vec::new();
    let (mut total, mut servicestellen) = (0, 0);
    for (ags, name, kind) in &sorted {
        let (n, s) = counts.get(ags.as_str()).copied().unwrap_or_default();
        out.push_str(&format!("| {name} | {kind} | {n} | {s} |\n"));
        if n == 0 {
            none.push(name.as_str());
        }
        total += n;
        servicestellen += s;
    }
    let outside = agencies.len() - total;
    out.push_str(&format!(
        "\n{} Einträge ({servicestellen} Servicestellen) in {} von {} Kreisen und kreisfreien Städten{}.\n",
        total,
        sorted.len() - none.len(),
        sorted.len(),
        if outside > 0 {
            format!("; {outside} Einträge ohne bekannten Kreis")
        } else {
            String::new()
        }
    ));
    if none.is_empty() {
        out.push_str("\nJeder Kreis und jede kreisfreie Stadt hat mindestens einen Eintrag.\n");
    } else {
        out.push_str(&format!(
            "\nOhne Eintrag ({}): {}.\n",
            none.len(),
            none.join(", ")
        ));
    }
    out
}

/// Reads the Kreise from `nrw-kreise.geojson` in `boundaries`.
pub fn read_kreise(boundaries: &Path) -> Result<Vec<Kreis>> {
    Ok(read_features(&boundaries.join("nrw-kreise.geojson"))?
        .into_iter()
        .map(|f| (f.ags, f.gen, f.bez))
        .collect())
}

/// The document with its coverage block replaced.
pub fn replace_block(doc: &str, block: &str, name: &str) -> Result<String> {
    let (Some(from), Some(to)) = (doc.find(START), doc.find(END)) else {
        return Err(Error(format!(
            "{name}: no block between `{}` and `{END}`",
            START.trim()
        )));
    };
    Ok(format!(
        "{}{block}{}",
        &doc[..from + START.len()],
        &doc[to..]
    ))
}

/// `coverage`: prints the table, or writes (`write`) or checks (`check`)
/// the block in a document.
pub fn run(
    dataset: &Path,
    boundaries: &Path,
    write: Option<&Path>,
    check: Option<&Path>,
) -> Result<Vec<String>> {
    let loaded = parse_dataset(&read_text(dataset)?)
        .map_err(|err| Error(format!("{}: {err}", dataset.display())))?;
    let block = table(&loaded.agencies, &read_kreise(boundaries)?);
    if let Some(path) = check {
        let doc = read_text(path)?;
        if replace_block(&doc, &block, &path.display().to_string())? != doc {
            return Err(Error(format!(
                "{}: the coverage table is stale; run `ia-datatool coverage --write {}`",
                path.display(),
                path.display()
            )));
        }
        return Ok(vec![format!(
            "{}: coverage table up to date",
            path.display()
        )]);
    }
    if let Some(path) = write {
        let doc = read_text(path)?;
        let updated = replace_block(&doc, &block, &path.display().to_string())?;
        write_file(path, updated.as_bytes())?;
        return Ok(vec![format!("{}: coverage table written", path.display())]);
    }
    Ok(block.lines().map(str::to_owned).collect())
}

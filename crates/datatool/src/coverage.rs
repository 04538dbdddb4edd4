//! `ia-datatool coverage`: how many records each of the 53 Kreise and
//! kreisfreie Städte has, as a Markdown table between
//! `<!-- coverage:start -->` and `<!-- coverage:end -->` in `docs/dataset.md`.
//! `--write FILE` rewrites the block, `--check FILE` fails when it is stale.

use std::collections::BTreeMap;
use std::path::Path;

use ia_core::evidence::{age, Age, OLD_AFTER_YEARS};
use ia_core::reach::{channels, reach, Reach};
use ia_core::text::fold;
use ia_core::{parse_dataset, Agency};

use crate::geojson::read_features;
use crate::{read_text, write_file, Error, Result};

pub const START: &str = "<!-- coverage:start -->\n";
pub const END: &str = "<!-- coverage:end -->";

/// A Kreis or kreisfreie Stadt: 5-digit AGS, name, kind (`Kreis`,
/// `Kreisfreie Stadt`).
pub type Kreis = (String, String, String);

/// Per Kreis: records, Servicestellen, records reachable only through the
/// carrier's website, records without any contact, records whose sources
/// are old or undated.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    records: usize,
    servicestellen: usize,
    carrier_only: usize,
    no_contact: usize,
    check: usize,
}

/// The table for these records (a record belongs to the Kreis of the first
/// five digits of its `ags`), with how each can be reached and how old its
/// sources are on `as_of` (the dataset's "Stand"; issue 27).
pub fn table(agencies: &[Agency], kreise: &[Kreis], as_of: &str) -> String {
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    for agency in agencies {
        let entry = counts.entry(agency.ags.get(..5).unwrap_or("")).or_default();
        entry.records += 1;
        entry.servicestellen += usize::from(agency.antidiscrimination);
        match reach(agency) {
            Reach::Carrier => entry.carrier_only += 1,
            Reach::Nothing => entry.no_contact += 1,
            Reach::Own => {}
        }
        entry.check += usize::from(age(agency, as_of).needs_check());
    }
    let mut sorted: Vec<&Kreis> = kreise.iter().collect();
    sorted.sort_by_cached_key(|(ags, name, _)| (fold(name), ags.clone()));
    let mut out = String::from(
        "| Kreis / kreisfreie Stadt | Art | Einträge | davon Servicestellen | nur über den Träger erreichbar | ohne Kontakt | Angaben alt oder ohne Datum |\n|---|---|---:|---:|---:|---:|---:|\n",
    );
    let mut none = Vec::new();
    let mut total = Counts::default();
    for (ags, name, kind) in &sorted {
        let c = counts.get(ags.as_str()).copied().unwrap_or_default();
        out.push_str(&format!(
            "| {name} | {kind} | {} | {} | {} | {} | {} |\n",
            c.records, c.servicestellen, c.carrier_only, c.no_contact, c.check
        ));
        if c.records == 0 {
            none.push(name.as_str());
        }
        total.records += c.records;
        total.servicestellen += c.servicestellen;
    }
    let outside = agencies.len() - total.records;
    out.push_str(&format!(
        "\n{} Einträge ({} Servicestellen) in {} von {} Kreisen und kreisfreien Städten{}.\n",
        total.records,
        total.servicestellen,
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
    out.push_str(&reach_summary(agencies));
    out.push_str(&age_summary(agencies, as_of));
    out
}

/// "Erreichbar: 67 über eigene Kontakte (Telefon 51, E-Mail 21, eigene
/// Website 59), 31 nur über die Website des Trägers, 16 ohne Kontakt."
fn reach_summary(agencies: &[Agency]) -> String {
    let mut by_kind: BTreeMap<Reach, usize> = BTreeMap::new();
    let (mut phone, mut email, mut website) = (0, 0, 0);
    for agency in agencies {
        *by_kind.entry(reach(agency)).or_default() += 1;
        let found = channels(agency);
        phone += usize::from(found.phone.is_some());
        email += usize::from(found.email.is_some());
        website += usize::from(found.website.is_some());
    }
    let n = |kind| by_kind.get(&kind).copied().unwrap_or(0);
    format!(
        "\nErreichbar: {} über eigene Kontakte (Telefon {phone}, E-Mail {email}, eigene Website {website}), {} nur über die Website des Trägers, {} ohne Kontakt (die App nennt dort das Verzeichnis des Landesnetzwerks und „Fehler melden“).\n",
        n(Reach::Own),
        n(Reach::Carrier),
        n(Reach::Nothing)
    )
}

/// "Angaben älter als 5 Jahre (Stand 2026-12-07): 13; ohne Datum: 83."
fn age_summary(agencies: &[Agency], as_of: &str) -> String {
    let (mut old, mut undated) = (0, 0);
    for agency in agencies {
        match age(agency, as_of) {
            Age::Old(_) => old += 1,
            Age::Undated => undated += 1,
            Age::Recent => {}
        }
    }
    format!(
        "\nAngaben älter als {OLD_AFTER_YEARS} Jahre (am {as_of}): {old}; Quellen ohne Datum: {undated}. Diese Einträge sagen in Liste und Detail „bitte vor einem Besuch prüfen“.\n"
    )
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
    let block = table(
        &loaded.agencies,
        &read_kreise(boundaries)?,
        &loaded.meta.as_of,
    );
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

//! `ia-datatool build`: sourced research records → published dataset
//! (`public/data/agencies.json`, schema v2, compact, sorted by id).
//!
//! Inputs: every `agencies-sourced*.json` in the shared data directory, the
//! raw boundaries and postcodes beside them (offline geocoding), and the
//! committed tables under `data/`: `dataset-meta.json`, `offer-mapping.tsv`,
//! `exclusions.tsv`, `place-overrides.tsv`. The rules are documented in
//! `docs/dataset.md`. Output is byte-for-byte the same on every run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use ia_core::dataset::SCHEMA_VERSION;
use ia_core::validate::validate_meta;
use ia_core::{Agency, Dataset, DatasetMeta};

use crate::gazetteer::load_gazetteer;
use crate::mapping::{mentions_closure, read_offer_mapping};
use crate::research::{assemble, read_contact_kinds, ContactKinds};
use crate::slug::{assign_ids, base_id, IdInput};
use crate::sourced::{read_exclusions, research_files, Located, SourceDates};
use crate::{read_text, sizes, validate, write_file, Error, Result};

mod convert;

use convert::convert;

pub use ia_upkeep::spread::{spread, Positioned, COORDINATE_DECIMALS, SPREAD_RADIUS_M};

/// A Kreis' centre only anchors "the nearest agencies" of a place without
/// one, so about 100 m is plenty (and saves the resident's download bytes).
pub const KREIS_CENTRE_DECIMALS: i32 = 3;

/// Where `build` reads and writes.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub shared: PathBuf,
    pub data: PathBuf,
    pub out: PathBuf,
    /// Simplified NRW outline for the final check (skipped if absent).
    pub outline: PathBuf,
}

/// What the build did, for the printed report.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    pub records_read: usize,
    pub written: usize,
    pub servicestellen: usize,
    pub antidiscrimination: usize,
    pub by_precision: BTreeMap<&'static str, usize>,
    pub by_umbrella: BTreeMap<&'static str, usize>,
    pub spread_groups: Vec<String>,
    pub excluded: Vec<String>,
    /// Ids that needed the carrier or street to be unique (rule 3 of the id rule).
    pub disambiguated: Vec<String>,
    pub warnings: Vec<String>,
    pub raw_bytes: usize,
    pub gzip_bytes: usize,
    pub outline_checked: bool,
}

impl std::fmt::Display for BuildReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for notice in &self.excluded {
            writeln!(f, "notice: left out {notice}")?;
        }
        for id in &self.disambiguated {
            writeln!(
                f,
                "notice: id disambiguated (same name and city as another record): {id}"
            )?;
        }
        for warning in &self.warnings {
            writeln!(f, "warning: {warning}")?;
        }
        writeln!(f, "records read:      {}", self.records_read)?;
        writeln!(f, "excluded:          {}", self.excluded.len())?;
        writeln!(f, "records written:   {}", self.written)?;
        writeln!(f, "Servicestellen:    {}", self.servicestellen)?;
        writeln!(f, "antidiscrimination true: {}", self.antidiscrimination)?;
        let list = |map: &BTreeMap<&str, usize>| {
            map.iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(f, "by precision:      {}", list(&self.by_precision))?;
        writeln!(f, "by umbrella:       {}", list(&self.by_umbrella))?;
        writeln!(
            f,
            "spread positions:  {} groups ({})",
            self.spread_groups.len(),
            self.spread_groups.join("; ")
        )?;
        writeln!(f, "warnings:          {}", self.warnings.len())?;
        writeln!(
            f,
            "output:            {} bytes, {} bytes gzip (budget {} bytes){}",
            self.raw_bytes,
            self.gzip_bytes,
            sizes::DATASET_BUDGET,
            if self.outline_checked {
                ""
            } else {
                "; NRW outline not found, outline check skipped"
            }
        )
    }
}

/// What [`convert`] looks things up in.
struct Tables<'a> {
    meta: &'a DatasetMeta,
    mapping: &'a crate::mapping::OfferMapping,
    gazetteer: &'a crate::gazetteer::Gazetteer,
    dates: &'a SourceDates,
    /// Whose website and street the record has.
    kind: ContactKinds,
}

/// A record converted, before ids and spreading.
pub struct Draft {
    label: String,
    /// The city the id is made from: as sourced, before a correction.
    id_city: String,
    /// An `id` given in the sourced record.
    explicit_id: Option<String>,
    agency: Agency,
    servicestelle: bool,
}

/// Runs the build and writes the output file.
pub fn run(options: &BuildOptions) -> Result<BuildReport> {
    let mut report = BuildReport::default();
    let meta_path = options.data.join("dataset-meta.json");
    let meta: DatasetMeta = serde_json::from_str(&read_text(&meta_path)?)
        .map_err(|err| Error(format!("{}: {err}", meta_path.display())))?;
    let problems = validate_meta(&meta);
    if !problems.is_empty() {
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(Error(format!(
            "{}: {}",
            meta_path.display(),
            problems.join("; ")
        )));
    }
    let mapping = read_offer_mapping(&options.data.join("offer-mapping.tsv"))?;
    let exclusions = read_exclusions(&options.data.join("exclusions.tsv"))?;
    let gazetteer = load_gazetteer(&options.shared, &options.data.join("place-overrides.tsv"))?;
    let dates = SourceDates::read(&options.data)?;
    let kinds = read_contact_kinds(&options.data.join("contact-kinds.tsv"))?;

    let files = research_files(&options.shared, &options.data, &mut report.warnings)?;
    let records: Vec<Located> = assemble(&files, &options.data, &mut report.warnings)?;
    report.records_read = records.len();

    let mut used_exclusions = BTreeSet::new();
    let mut drafts = Vec::new();
    let mut errors = Vec::new();
    let mut unmapped: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for located in &records {
        let record = &located.record;
        let excluded = exclusions
            .iter()
            .position(|e| e.name == record.name.trim() && e.city == located.sourced_city);
        if let Some(index) = excluded {
            used_exclusions.insert(index);
            report.excluded.push(format!(
                "{} ({}): {}",
                located.label(),
                record.city.trim(),
                exclusions[index].reason
            ));
            continue;
        }
        if mentions_closure(&record.seen) || record.offers.iter().any(|o| mentions_closure(o)) {
            report.warnings.push(format!(
                "{} mentions a closure but is not in data/exclusions.tsv; check it",
                located.label()
            ));
        }
        let kind = kinds.get(&located.key()).copied().unwrap_or_default();
        match convert(
            located,
            &Tables {
                meta: &meta,
                mapping: &mapping,
                gazetteer: &gazetteer,
                dates: &dates,
                kind,
            },
            &mut report.warnings,
        ) {
            Ok((draft, missing)) => {
                for text in missing {
                    unmapped.entry(text).or_default().push(located.label());
                }
                drafts.push(draft);
            }
            Err(err) => errors.push(err.0),
        }
    }
    for (index, exclusion) in exclusions.iter().enumerate() {
        if !used_exclusions.contains(&index) {
            report.warnings.push(format!(
                "data/exclusions.tsv:{}: no record named {:?} in {:?}; remove the line?",
                exclusion.line, exclusion.name, exclusion.city
            ));
        }
    }
    for (name, city) in gazetteer.overrides.keys() {
        let used = records
            .iter()
            .any(|r| (name == "*" || r.record.name.trim() == name) && r.record.city.trim() == city);
        if !used {
            report.warnings.push(format!(
                "data/place-overrides.tsv: no record named {name:?} in {city:?}; remove the line?"
            ));
        }
    }
    if !unmapped.is_empty() {
        let lines: Vec<String> = unmapped
            .iter()
            .map(|(text, labels)| format!("  {text:?}  (in {})", labels.join("; ")))
            .collect();
        errors.push(format!(
            "offer texts missing from {}; add a line `text<TAB>codes<TAB>note` for each (codes: offer codes, topic:<code>, kind:servicestelle or -):\n{}",
            options.data.join("offer-mapping.tsv").display(),
            lines.join("\n")
        ));
    }
    if !errors.is_empty() {
        return Err(Error(errors.join("\n")));
    }

    // Ids.
    let inputs = id_inputs(&drafts);
    let ids = assign_ids(&inputs)?;
    for ((draft, id), input) in drafts.iter_mut().zip(ids).zip(&inputs) {
        if input.explicit.is_none() && id != base_id(&input.name, &input.city) {
            report.disambiguated.push(id.clone());
        }
        draft.agency.id = id;
    }
    report.disambiguated.sort();
    drafts.sort_by(|a, b| a.agency.id.cmp(&b.agency.id));

    report.spread_groups = spread(&mut drafts);

    for draft in &drafts {
        let agency = &draft.agency;
        report.servicestellen += usize::from(draft.servicestelle);
        report.antidiscrimination += usize::from(agency.antidiscrimination);
        *report
            .by_precision
            .entry(agency.location.precision.code())
            .or_default() += 1;
        *report
            .by_umbrella
            .entry(agency.umbrella.code())
            .or_default() += 1;
        if draft.servicestelle && !agency.antidiscrimination {
            report.warnings.push(format!(
                "{} is a Servicestelle but its source does not say antidiscrimination: true",
                draft.label
            ));
        }
    }
    report.written = drafts.len();

    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        meta: DatasetMeta {
            kreise: gazetteer.kreis_list(KREIS_CENTRE_DECIMALS),
            ..meta
        },
        agencies: drafts.into_iter().map(|d| d.agency).collect(),
    };
    let mut text = serde_json::to_string(&dataset)
        .map_err(|err| Error(format!("cannot serialise the dataset: {err}")))?;
    text.push('\n');

    // The output must pass the same strict validation as `validate`.
    let outline = if options.outline.is_file() {
        report.outline_checked = true;
        Some(validate::read_outline(&options.outline)?)
    } else {
        None
    };
    let checked = validate::check_text(&text, outline.as_ref());
    if !checked.messages.is_empty() {
        return Err(Error(format!(
            "the built dataset does not validate:\n{}",
            checked.messages.join("\n")
        )));
    }

    report.raw_bytes = text.len();
    report.gzip_bytes = sizes::gzip_len(text.as_bytes())?;
    if report.gzip_bytes > sizes::DATASET_BUDGET {
        return Err(Error(format!(
            "the dataset would be {} bytes gzip, over the budget of {} bytes; nothing written",
            report.gzip_bytes,
            sizes::DATASET_BUDGET
        )));
    }
    write_file(&options.out, text.as_bytes())?;
    Ok(report)
}

fn id_inputs(drafts: &[Draft]) -> Vec<IdInput> {
    drafts
        .iter()
        .map(|draft| IdInput {
            explicit: draft.explicit_id.clone(),
            name: draft.agency.name.clone(),
            city: draft.id_city.clone(),
            carrier: draft.agency.carrier.clone(),
            street: draft.agency.address.street.clone(),
            label: draft.label.clone(),
        })
        .collect()
}

impl Positioned for Draft {
    fn agency(&self) -> &Agency {
        &self.agency
    }
    fn agency_mut(&mut self) -> &mut Agency {
        &mut self.agency
    }
}

#[cfg(test)]
mod tests;

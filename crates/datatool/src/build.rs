//! `ia-datatool build`: sourced research records → published dataset
//! (`public/data/agencies.json`, schema v1, compact, sorted by id).
//!
//! Inputs: every `agencies-sourced*.json` in the shared data directory, the
//! raw boundaries and postcodes beside them (offline geocoding), and the
//! committed tables under `data/`: `dataset-meta.json`, `offer-mapping.tsv`,
//! `exclusions.tsv`, `place-overrides.tsv`. The rules are documented in
//! `docs/dataset.md`. Output is byte-for-byte the same on every run.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use ia_core::dataset::{Address, Contact, Location, SCHEMA_VERSION};
use ia_core::validate::{
    is_email, is_iso_date, is_phone, is_postcode, is_source_date, validate_meta,
};
use ia_core::{Agency, Dataset, DatasetMeta, Precision};

use crate::geometry::round_to;
use crate::mapping::{
    first_url, language_code, languages_in, map_offers, mentions_closure, normalise_website,
    read_offer_mapping, umbrella, OfferMapping,
};
use crate::places::{load_gazetteer, Gazetteer, Placed, PostcodeFallback};
use crate::slug::{assign_ids, base_id, IdInput};
use crate::sourced::{read_exclusions, read_records, sourced_files, Located, SourceDates};
use crate::{check, read_text, sizes, write_file, Error, Result};

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

/// A record converted, before ids and spreading.
pub struct Draft {
    label: String,
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

    let mut records: Vec<Located> = Vec::new();
    for file in sourced_files(&options.shared)? {
        records.extend(read_records(&file)?);
    }
    report.records_read = records.len();

    let mut used_exclusions = BTreeSet::new();
    let mut drafts = Vec::new();
    let mut errors = Vec::new();
    let mut unmapped: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for located in &records {
        let record = &located.record;
        let excluded = exclusions
            .iter()
            .position(|e| e.name == record.name.trim() && e.city == record.city.trim());
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
        match convert(
            located,
            &meta,
            &mapping,
            &gazetteer,
            &dates,
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
        Some(check::read_outline(&options.outline)?)
    } else {
        None
    };
    let checked = check::check_text(&text, outline.as_ref());
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
            city: draft.agency.address.city.clone(),
            carrier: draft.agency.carrier.clone(),
            street: draft.agency.address.street.clone(),
            label: draft.label.clone(),
        })
        .collect()
}

/// Converts one sourced record; returns the draft and its unmapped offer texts.
fn convert(
    located: &Located,
    meta: &DatasetMeta,
    mapping: &OfferMapping,
    gazetteer: &Gazetteer,
    dates: &SourceDates,
    warnings: &mut Vec<String>,
) -> Result<(Draft, Vec<String>)> {
    let record = &located.record;
    let label = located.label();
    let fail = |field: &str, message: String| Error(format!("{label}: {field}: {message}"));
    let required = |field: &str, value: &str| -> Result<String> {
        let value = value.trim();
        if value.is_empty() {
            Err(fail(field, "must not be empty".into()))
        } else {
            Ok(value.to_owned())
        }
    };
    let name = required("name", &record.name)?;
    let carrier = required("carrier", &record.carrier)?;
    let city = required("city", &record.city)?;
    let umbrella = umbrella(&record.umbrella).ok_or_else(|| {
        fail(
            "umbrella",
            format!(
                "unknown umbrella {:?} (known: AWO, Caritas, Diakonie, DRK, Paritätischer, Jüdische Gemeinden, other, unknown)",
                record.umbrella
            ),
        )
    })?;
    let optional = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let street = optional(&record.street);
    let postcode = optional(&record.postcode);
    if let Some(postcode) = &postcode {
        if !is_postcode(postcode) {
            return Err(fail("postcode", format!("{postcode:?} is not five digits")));
        }
    }

    let mapped = map_offers(mapping, &record.offers).map_err(|err| fail("offers", err.0))?;
    let mut languages = mapped.languages.clone();
    if let Some(found) = languages_in(&record.seen).map_err(|err| fail("seen", err.0))? {
        languages.extend(found);
    }
    for language in &record.languages {
        let code = language_code(language)
            .ok_or_else(|| fail("languages", format!("unknown language {language:?}")))?;
        languages.insert(code.to_owned());
    }

    // Contact: keep only what passes the core's checks.
    let mut contact = Contact::default();
    if let Some(phone) = optional(&record.phone) {
        if is_phone(&phone) {
            contact.phone = Some(phone);
        } else {
            warnings.push(format!("{label}: phone {phone:?} is malformed; dropped"));
        }
    }
    if let Some(email) = optional(&record.email) {
        if is_email(&email) {
            contact.email = Some(email);
        } else {
            warnings.push(format!("{label}: email {email:?} is malformed; dropped"));
        }
    }
    if let Some(website) = optional(&record.website) {
        match normalise_website(&website) {
            Some(url) => contact.website = Some(url),
            None => warnings.push(format!(
                "{label}: website {website:?} is not an http(s) address; dropped"
            )),
        }
    }

    let source = required("source", &record.source)?;
    let source_url = first_url(&source).ok_or_else(|| {
        fail(
            "source",
            "names no http(s) URL; add the page the record was taken from".into(),
        )
    })?;
    // Dates (docs/dataset.md, "Dates"): last_verified only when a person
    // confirmed the record; source_seen from data/sourced-files.tsv;
    // source_date from the record or data/source-dates.tsv.
    let last_verified = match optional(&record.last_verified) {
        Some(date) if is_iso_date(&date) => date,
        Some(date) => return Err(fail("last_verified", format!("{date:?} is not YYYY-MM-DD"))),
        None => String::new(),
    };
    let source_seen = match dates.seen.get(&located.file) {
        Some(date) => date.clone(),
        None => {
            warnings.push(format!(
                "{label}: {} is not in data/sourced-files.tsv; source_seen set to the dataset's as_of {}",
                located.file, meta.as_of
            ));
            meta.as_of.clone()
        }
    };
    let source_date = match optional(&record.source_date).or_else(|| {
        dates
            .source_dates
            .get(&(record.name.trim().to_owned(), record.city.trim().to_owned()))
            .cloned()
    }) {
        Some(date) if is_source_date(&date) => Some(date),
        Some(date) => {
            return Err(fail(
                "source_date",
                format!("{date:?} is not a year, YYYY-MM or an existing YYYY-MM-DD"),
            ))
        }
        None => None,
    };

    let placed = place(located, &city, postcode.as_deref(), gazetteer, warnings)?;
    let (ags, municipality) = match &placed.kreis_ags {
        // Known only by its Kreis: the Kreis' key, no municipality.
        Some(kreis_ags) => (kreis_ags.clone(), String::new()),
        None => {
            let gemeinde = gazetteer
                .gemeinde_at(placed.lat, placed.lon)
                .ok_or_else(|| {
                    fail(
                        "location",
                        format!("{}, {} lies in no NRW Gemeinde", placed.lat, placed.lon),
                    )
                })?;
            (gemeinde.feature.ags.clone(), gemeinde.feature.gen.clone())
        }
    };
    let kreis = gazetteer
        .kreis_of(&ags)
        .ok_or_else(|| {
            fail(
                "location",
                format!(
                    "no Kreis with AGS {} in nrw-kreise.geojson",
                    &ags[..5.min(ags.len())]
                ),
            )
        })?
        .to_owned();

    let mut notes = Vec::new();
    if source != source_url {
        notes.push(format!("Source: {source}"));
    }
    if !record.seen.trim().is_empty() {
        notes.push(format!("Seen: {}", record.seen.trim()));
    }
    if let Some(note) = placed.note {
        notes.push(format!("Position: {note}"));
    }

    let agency = Agency {
        id: String::new(),
        name,
        carrier,
        umbrella,
        address: Address {
            street,
            postcode,
            city,
        },
        ags,
        municipality,
        kreis,
        location: Location {
            lat: round_to(placed.lat, COORDINATE_DECIMALS),
            lon: round_to(placed.lon, COORDINATE_DECIMALS),
            precision: placed.precision,
        },
        offers: mapped.offers.iter().copied().collect(),
        // The schema's flag means "is a Servicestelle". Sources also say true
        // for an Integrationsagentur whose carrier runs a Servicestelle in the
        // same place; that fact stays in `source_note` (the `seen` line), but
        // the record is not counted as a Servicestelle.
        antidiscrimination: mapped.servicestelle,
        topics: mapped.topics.iter().copied().collect(),
        contact,
        languages: languages.into_iter().collect(),
        source_url,
        source_note: (!notes.is_empty()).then(|| notes.join(" | ")),
        last_verified,
        source_seen,
        source_date,
    };
    Ok((
        Draft {
            label,
            explicit_id: optional(&record.id),
            agency,
            servicestelle: mapped.servicestelle,
        },
        mapped.unmapped,
    ))
}

/// Offline geocoding: the record's own coordinates (with a stated precision),
/// else [`Gazetteer::geocode`] (postcode centroid in the named municipality,
/// else the municipality's centre).
fn place(
    located: &Located,
    city: &str,
    postcode: Option<&str>,
    gazetteer: &Gazetteer,
    warnings: &mut Vec<String>,
) -> Result<Placed> {
    let record = &located.record;
    let label = located.label();
    if let (Some(lat), Some(lon)) = (record.lat, record.lon) {
        let precision = record
            .precision
            .as_deref()
            .and_then(Precision::from_code)
            .ok_or_else(|| {
                Error(format!(
                    "{label}: precision: the record has lat/lon, so it must say how exact they are (address, postcode or municipality)"
                ))
            })?;
        let kreis_ags = match precision {
            Precision::Kreis => Some(
                gazetteer
                    .gemeinde_at(lat, lon)
                    .map(|g| g.feature.ags[..5].to_owned())
                    .ok_or_else(|| Error(format!("{label}: {lat}, {lon} lies in no NRW Kreis")))?,
            ),
            _ => None,
        };
        return Ok(Placed {
            lat,
            lon,
            precision,
            note: None,
            fallback: None,
            kreis_ags,
        });
    }
    let Some(placed) = gazetteer.geocode(&record.name, city, postcode) else {
        return Err(Error(format!(
            "{label}: cannot be placed: city {city:?} is not a Gemeinde in nrw-gemeinden.geojson and the record has no usable postcode; add the city string to data/place-overrides.tsv"
        )));
    };
    match (&placed.fallback, postcode) {
        (Some(PostcodeFallback::Unknown), Some(postcode)) => warnings.push(format!(
            "{label}: postcode {postcode} is not in nrw-postcodes.csv; placed at the municipality centre"
        )),
        (Some(PostcodeFallback::Elsewhere), Some(postcode)) => warnings.push(format!(
            "{label}: the centroid of postcode {postcode} does not lie in {city:?}; placed at the municipality centre"
        )),
        _ => {}
    }
    Ok(placed)
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
mod tests {
    use super::*;

    fn draft(id: &str, lat: f64, lon: f64) -> Draft {
        let agency: Agency = serde_json::from_value(serde_json::json!({
            "id": id, "name": "n", "carrier": "c", "umbrella": "awo",
            "address": {"city": "Bochum"}, "ags": "05911000", "municipality": "Bochum", "kreis": "Bochum",
            "location": {"lat": lat, "lon": lon, "precision": "municipality"},
            "source_url": "https://a.de", "source_seen": "2026-11-24"
        }))
        .unwrap_or_else(|err| panic!("{err}"));
        Draft {
            label: id.into(),
            explicit_id: None,
            agency,
            servicestelle: false,
        }
    }

    #[test]
    fn equal_positions_are_spread_on_a_circle_in_id_order() {
        let mut drafts = vec![
            draft("a", 51.5, 7.2),
            draft("b", 51.5, 7.2),
            draft("c", 51.0, 7.0),
        ];
        let groups = spread(&mut drafts);
        assert_eq!(groups.len(), 1);
        let (a, b) = (drafts[0].agency.location, drafts[1].agency.location);
        assert!(
            a.lat > 51.5 && (a.lon - 7.2).abs() < 1e-9,
            "a goes north: {a:?}"
        );
        assert!(b.lat < 51.5, "b goes south: {b:?}");
        let d = ia_core::geo::distance_km(a.lat, a.lon, b.lat, b.lon);
        assert!((d - 0.24).abs() < 0.002, "{d}");
        assert_eq!(drafts[2].agency.location.lat, 51.0);
        assert_eq!(drafts[0].agency.location.precision, Precision::Municipality);
    }
}

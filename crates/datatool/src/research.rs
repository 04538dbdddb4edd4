//! Later research passes folded into the records before they are converted
//! (issue 27): corrections to earlier records (`patches` files, e.g.
//! `research-pass5-contacts.json`), a publisher's list of sites with
//! coordinates (`sites` files, e.g. the city of Düsseldorf's list in
//! `research-pass6-duesseldorf.json`), and who a website or street belongs
//! to (`data/contact-kinds.tsv`).
//!
//! Every field a correction or a site sets is recorded in the record's
//! `field_sources` with the page it came from, what was seen there and the
//! day it was read, so the published record says where each value is from.
//! The rules are in `docs/dataset.md`, "Later research passes".

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use ia_core::dataset::FieldSource;
use serde::Deserialize;

use crate::mapping::first_url;
use crate::sourced::{read_records, read_tsv, FileKind, Located, ResearchFile};
use crate::{read_text, Error, Result};

/// One correction: the record it is for (name and city exactly as sourced)
/// and the fields it sets. Unknown fields are an error.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patch {
    #[serde(rename = "match")]
    pub target: Target,
    pub set: PatchSet,
    pub source: String,
    #[serde(default)]
    pub seen: String,
}

/// Which record a correction is for.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub name: String,
    pub city: String,
}

/// The fields a correction may set.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PatchSet {
    pub website: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
}

impl PatchSet {
    /// The fields set, as `(schema path, value)`.
    fn values(&self) -> Vec<(&'static str, &str)> {
        [
            ("address.street", &self.street),
            ("address.postcode", &self.postcode),
            ("address.city", &self.city),
            ("contact.website", &self.website),
        ]
        .into_iter()
        .filter_map(|(path, value)| {
            let value = value.as_deref()?.trim();
            (!value.is_empty()).then_some((path, value))
        })
        .collect()
    }
}

/// Whose website or street a record has (`data/contact-kinds.tsv`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ContactKinds {
    /// The website is the carrier's site.
    pub carrier_website: bool,
    /// The street is the address of the same carrier's Servicestelle.
    pub carrier_servicestelle: bool,
}

/// `data/contact-kinds.tsv`: record name, city (as sourced) → whose website
/// (`own`, `carrier` or `-`) and street (`own`, `servicestelle` or `-`).
pub fn read_contact_kinds(path: &Path) -> Result<BTreeMap<(String, String), ContactKinds>> {
    let mut kinds = BTreeMap::new();
    for (line, columns) in read_tsv(path, 5)? {
        let at = format!("{}:{line}", path.display());
        let carrier_website = match columns[2].as_str() {
            "carrier" => true,
            "own" | "-" => false,
            other => {
                return Err(Error(format!(
                    "{at}: website {other:?} is not own, carrier or -"
                )))
            }
        };
        let carrier_servicestelle = match columns[3].as_str() {
            "servicestelle" => true,
            "own" | "-" => false,
            other => {
                return Err(Error(format!(
                    "{at}: street {other:?} is not own, servicestelle or -"
                )))
            }
        };
        let key = (columns[0].clone(), columns[1].clone());
        let value = ContactKinds {
            carrier_website,
            carrier_servicestelle,
        };
        if kinds.insert(key, value).is_some() {
            return Err(Error(format!(
                "{at}: the same record name and city are listed twice"
            )));
        }
    }
    Ok(kinds)
}

/// One line of `data/site-matches.tsv`.
#[derive(Debug, Clone, PartialEq)]
struct SiteMatch {
    line: usize,
    /// The site as its list names it: name and street.
    site: (String, String),
    /// `None`: the site is a new record; else the record (name, city as
    /// sourced) it belongs to.
    record: Option<(String, String)>,
    /// The site's fields the record takes (schema paths).
    take: Vec<&'static str>,
}

/// The fields a matched site may give its record, by the names the table uses.
const TAKEABLE: &[(&str, &str)] = &[
    ("location", "location"),
    ("street", "address.street"),
    ("postcode", "address.postcode"),
    ("phone", "contact.phone"),
    ("carrier", "carrier"),
];

fn read_site_matches(path: &Path) -> Result<Vec<SiteMatch>> {
    let mut matches = Vec::new();
    for (line, columns) in read_tsv(path, 6)? {
        let at = format!("{}:{line}", path.display());
        let site = (columns[0].clone(), columns[1].clone());
        let record = (columns[2] != "new").then(|| (columns[2].clone(), columns[3].clone()));
        let mut take = Vec::new();
        if record.is_some() {
            for name in columns[4].split(',').map(str::trim) {
                let path = TAKEABLE
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, p)| *p)
                    .ok_or_else(|| {
                        Error(format!(
                            "{at}: cannot take {name:?} (known: location, street, postcode, phone, carrier)"
                        ))
                    })?;
                take.push(path);
            }
        }
        matches.push(SiteMatch {
            line,
            site,
            record,
            take,
        });
    }
    Ok(matches)
}

/// The records of every research file, with the corrections and sites
/// folded in. `data` holds `contact-kinds.tsv` and `site-matches.tsv`.
/// Problems that make the result wrong are errors; the rest are warnings.
pub fn assemble(
    files: &[(std::path::PathBuf, ResearchFile)],
    data: &Path,
    warnings: &mut Vec<String>,
) -> Result<Vec<Located>> {
    let mut records: Vec<Located> = Vec::new();
    let mut patches: Vec<(ResearchFile, usize, Patch)> = Vec::new();
    let mut sites: Vec<(ResearchFile, Located)> = Vec::new();
    for (path, file) in files {
        match file.kind {
            FileKind::Records => records.extend(read_records(path)?),
            FileKind::Patches => {
                for (index, patch) in read_patches(path)?.into_iter().enumerate() {
                    patches.push((file.clone(), index, patch));
                }
            }
            FileKind::Sites => {
                for located in read_records(path)? {
                    sites.push((file.clone(), located));
                }
            }
        }
    }
    // Corrections first, then the sites: a site's values (a publisher's
    // list with house numbers and coordinates) are the more precise ones.
    let mut errors = Vec::new();
    for (file, index, patch) in &patches {
        if let Err(err) = apply_patch(&mut records, file, *index, patch, warnings) {
            errors.push(err.0);
        }
    }
    if !sites.is_empty() {
        let table = data.join("site-matches.tsv");
        let matches = read_site_matches(&table)?;
        fold_sites(&mut records, sites, &matches, &table, &mut errors);
    }
    let kinds_path = data.join("contact-kinds.tsv");
    let kinds = read_contact_kinds(&kinds_path)?;
    check_kinds(&records, &patches, &kinds, &kinds_path, &mut errors);
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(Error(errors.join("\n")))
    }
}

fn read_patches(path: &Path) -> Result<Vec<Patch>> {
    let text = read_text(path)?;
    serde_json::from_str(&text).map_err(|err| {
        Error(format!(
            "{}: not a list of corrections {{match: {{name, city}}, set: {{website, street, postcode, city}}, source, seen}}: {err}",
            path.display()
        ))
    })
}

/// The one record named `name` in `city` (both as sourced), or an error.
fn find<'a>(
    records: &'a mut [Located],
    name: &str,
    city: &str,
    what: &str,
) -> Result<&'a mut Located> {
    let found: Vec<usize> = records
        .iter()
        .enumerate()
        .filter(|(_, r)| r.record.name.trim() == name && r.sourced_city == city)
        .map(|(i, _)| i)
        .collect();
    match found.as_slice() {
        [one] => Ok(&mut records[*one]),
        [] => Err(Error(format!(
            "{what}: no record named {name:?} in {city:?}"
        ))),
        _ => Err(Error(format!(
            "{what}: {} records named {name:?} in {city:?}; give one an explicit id",
            found.len()
        ))),
    }
}

/// Sets a correction's fields on its record and records where they came from.
fn apply_patch(
    records: &mut [Located],
    file: &ResearchFile,
    index: usize,
    patch: &Patch,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let label = format!("{} correction {index}", file.name);
    let url = first_url(&patch.source).ok_or_else(|| {
        Error(format!(
            "{label}: source names no http(s) URL; add the page the values were taken from"
        ))
    })?;
    let values = patch.set.values();
    if values.is_empty() {
        return Err(Error(format!("{label}: sets no field")));
    }
    let target = find(
        records,
        patch.target.name.trim(),
        patch.target.city.trim(),
        &label,
    )?;
    let record = &mut target.record;
    for &(path, value) in &values {
        let slot = match path {
            "address.street" => &mut record.street,
            "address.postcode" => &mut record.postcode,
            "contact.website" => &mut record.website,
            _ => {
                record.city = value.to_owned();
                continue;
            }
        };
        if let Some(before) = slot.as_deref().map(str::trim).filter(|b| !b.is_empty()) {
            if before != value {
                warnings.push(format!(
                    "{label}: {path} of {:?} changed from {before:?} to {value:?}",
                    patch.target.name
                ));
            }
        }
        *slot = Some(value.to_owned());
    }
    target.field_sources.push(FieldSource {
        fields: values.iter().map(|(path, _)| (*path).to_owned()).collect(),
        credit: None,
        note: note(&patch.source, &url, &patch.seen),
        url,
        seen: file.seen.clone(),
    });
    Ok(())
}

/// `Source: …` when the source text is more than its URL, and `Seen: …`.
fn note(source: &str, url: &str, seen: &str) -> Option<String> {
    let mut parts = Vec::new();
    if source.trim() != url {
        parts.push(format!("Source: {}", source.trim()));
    }
    if !seen.trim().is_empty() {
        parts.push(format!("Seen: {}", seen.trim()));
    }
    (!parts.is_empty()).then(|| parts.join(" | "))
}

/// A site list's rows: each becomes a record of its own or gives fields to
/// the record `data/site-matches.tsv` names. The sites' coordinates are the
/// publisher's for the site's address (precision `address`); their
/// `website` is the publisher's page about the site, kept in the note
/// (it is neither the agency's nor the carrier's site).
fn fold_sites(
    records: &mut Vec<Located>,
    sites: Vec<(ResearchFile, Located)>,
    matches: &[SiteMatch],
    table: &Path,
    errors: &mut Vec<String>,
) {
    let mut used = BTreeSet::new();
    let mut new_records = Vec::new();
    for (file, mut site) in sites {
        let key = (
            site.record.name.trim().to_owned(),
            site.record
                .street
                .as_deref()
                .unwrap_or("")
                .trim()
                .to_owned(),
        );
        let lines: Vec<&SiteMatch> = matches.iter().filter(|m| m.site == key).collect();
        if lines.is_empty() {
            errors.push(format!(
                "{}: no line in {} for the site {:?} at {:?}; say `new` or the record it belongs to",
                site.label(),
                table.display(),
                key.0,
                key.1
            ));
            continue;
        }
        used.extend(lines.iter().map(|m| m.line));
        let label = site.label();
        let (Some(lat), Some(lon)) = (site.record.lat, site.record.lon) else {
            errors.push(format!("{label}: a site needs lat and lon"));
            continue;
        };
        let page = site.record.website.take();
        let url = first_url(&site.record.source).unwrap_or_default();
        let mut seen = site.record.seen.trim().to_owned();
        if let Some(page) = &page {
            seen.push_str(&format!(" | Publisher's page: {page}"));
        }
        site.record.precision = Some("address".into());
        site.credit = file.credit.clone();
        for line in lines {
            let Some((name, city)) = &line.record else {
                let mut record = site.clone();
                if let Some(page) = &page {
                    record.notes.push(format!("Publisher's page: {page}"));
                }
                new_records.push(record);
                continue;
            };
            let what = format!("{}:{}", table.display(), line.line);
            let target = match find(records, name, city, &what) {
                Ok(target) => target,
                Err(err) => {
                    errors.push(err.0);
                    continue;
                }
            };
            for &path in &line.take {
                let value = match path {
                    "location" => {
                        target.record.lat = Some(lat);
                        target.record.lon = Some(lon);
                        target.record.precision = Some("address".into());
                        continue;
                    }
                    "address.street" => site.record.street.clone(),
                    "address.postcode" => site.record.postcode.clone(),
                    "contact.phone" => site.record.phone.clone(),
                    _ => Some(site.record.carrier.clone()),
                };
                match path {
                    "address.street" => target.record.street = value,
                    "address.postcode" => target.record.postcode = value,
                    "contact.phone" => target.record.phone = value,
                    _ => target.record.carrier = value.unwrap_or_default(),
                }
            }
            target.field_sources.push(FieldSource {
                fields: line.take.iter().map(|p| (*p).to_owned()).collect(),
                url: url.clone(),
                credit: file.credit.clone(),
                note: (!seen.is_empty()).then(|| format!("Seen: {seen}")),
                seen: file.seen.clone(),
            });
        }
    }
    for line in matches.iter().filter(|m| !used.contains(&m.line)) {
        errors.push(format!(
            "{}:{}: no site named {:?} at {:?}; remove the line?",
            table.display(),
            line.line,
            line.site.0,
            line.site.1
        ));
    }
    records.extend(new_records);
}

/// Every correction that sets a website or a street needs a line in
/// `data/contact-kinds.tsv` saying whose it is (the research says so only
/// in words); every line must name a record with that website or street.
fn check_kinds(
    records: &[Located],
    patches: &[(ResearchFile, usize, Patch)],
    kinds: &BTreeMap<(String, String), ContactKinds>,
    table: &Path,
    errors: &mut Vec<String>,
) {
    for (file, index, patch) in patches {
        let key = (
            patch.target.name.trim().to_owned(),
            patch.target.city.trim().to_owned(),
        );
        let sets_contact = patch.set.website.is_some() || patch.set.street.is_some();
        if sets_contact && !kinds.contains_key(&key) {
            errors.push(format!(
                "{} correction {index} sets a website or street of {:?} ({:?}); say in {} whose it is (website own|carrier|-, street own|servicestelle|-)",
                file.name,
                key.0,
                key.1,
                table.display()
            ));
        }
    }
    for (key, kind) in kinds {
        let Some(located) = records.iter().find(|r| &r.key() == key) else {
            errors.push(format!(
                "{}: no record named {:?} in {:?}",
                table.display(),
                key.0,
                key.1
            ));
            continue;
        };
        let has = |value: &Option<String>| value.as_deref().is_some_and(|v| !v.trim().is_empty());
        if kind.carrier_website && !has(&located.record.website) {
            errors.push(format!(
                "{}: {:?} has no website to be the carrier's",
                table.display(),
                key.0
            ));
        }
        if kind.carrier_servicestelle && !has(&located.record.street) {
            errors.push(format!(
                "{}: {:?} has no street to be the Servicestelle's",
                table.display(),
                key.0
            ));
        }
    }
}

#[cfg(test)]
mod tests;

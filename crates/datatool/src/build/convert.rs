//! One sourced record → one draft agency: required fields, contact and
//! address checks, offer mapping, and offline geocoding ([`place`]).

use ia_core::dataset::{Address, Contact, Location};
use ia_core::validate::{is_email, is_iso_date, is_phone, is_postcode, is_source_date};
use ia_core::{Agency, Precision};

use super::{Draft, Tables, COORDINATE_DECIMALS};
use crate::gazetteer::{Gazetteer, Placed, PostcodeFallback};
use crate::geometry::round_to;
use crate::mapping::{
    first_url, language_code, languages_in, map_offers, normalise_website, umbrella,
};
use crate::sourced::Located;
use crate::{Error, Result};

/// Converts one sourced record; returns the draft and its unmapped offer texts.
pub(super) fn convert(
    located: &Located,
    tables: &Tables,
    warnings: &mut Vec<String>,
) -> Result<(Draft, Vec<String>)> {
    let Tables {
        meta,
        mapping,
        gazetteer,
        dates,
        kind,
    } = *tables;
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
    let source_date = match optional(&record.source_date)
        .or_else(|| dates.source_dates.get(&located.key()).cloned())
    {
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
    notes.extend(located.notes.iter().cloned());

    let mut agency = Agency {
        id: String::new(),
        name,
        carrier,
        umbrella,
        address: Address {
            street,
            postcode,
            city,
            carrier_servicestelle: kind.carrier_servicestelle,
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
        source_credit: located.credit.clone(),
        field_sources: located.field_sources.clone(),
    };
    agency.contact.carrier_website = kind.carrier_website && agency.contact.website.is_some();
    Ok((
        Draft {
            label,
            id_city: located.sourced_city.clone(),
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

//! `ia-datatool places`: the place index for the app's "near me" search
//! (format in `ia_core::nearby`), made from the shared reference data.
//!
//! - Postcodes: every row of `nrw-postcodes.csv` whose place is a Gemeinde
//!   (as the geocoder resolves city names: `Bonn-Bad Godesberg` is Bonn).
//!   Company postcodes, whose "place" is a company or an authority, are left
//!   out. A postcode with several such rows gets the mean of their centroids.
//! - Places: every Gemeinde, at a point inside it, with its Kreis.

use std::collections::BTreeMap;
use std::path::Path;

use ia_core::nearby::{PlaceIndexFile, PLACE_INDEX_VERSION, UNITS_PER_DEGREE};
use ia_core::text::fold;

use crate::gazetteer::{load_gazetteer, Gazetteer};
use crate::{write_file, Error, Result};

pub const ATTRIBUTION: &str =
    "Postleitzahlen: GeoNames, CC BY 4.0; Gemeinden: © GeoBasis-DE / BKG (2017), dl-de/by-2-0";

fn units(degrees: f64) -> i32 {
    (degrees * UNITS_PER_DEGREE).round() as i32
}

/// The one Gemeinde whose name starts with `place` as whole words, for short
/// forms in the postcode table: "Emmerich" is Emmerich am Rhein, "Fröndenberg"
/// is Fröndenberg/Ruhr.
fn shortened_gemeinde(gazetteer: &Gazetteer, place: &str) -> Option<usize> {
    let short = fold(place);
    if short.is_empty() {
        return None;
    }
    let prefix = format!("{short} ");
    let mut found = gazetteer
        .gemeinden
        .iter()
        .enumerate()
        .filter(|(_, g)| fold(&g.feature.gen).starts_with(&prefix))
        .map(|(index, _)| index);
    match (found.next(), found.next()) {
        (Some(index), None) => Some(index),
        _ => None,
    }
}

/// Builds the index from the gazetteer.
pub fn place_index(gazetteer: &Gazetteer) -> (PlaceIndexFile, usize) {
    let mut postcodes = Vec::new();
    let mut left_out = 0;
    for (postcode, rows) in &gazetteer.postcodes {
        let mut places: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
        for row in rows {
            let gemeinde = gazetteer
                .resolve_city("*", &row.place)
                .map(|found| found.index())
                .or_else(|| shortened_gemeinde(gazetteer, &row.place));
            match gemeinde {
                Some(index) => {
                    let name = gazetteer.gemeinden[index].feature.gen.clone();
                    places.entry(name).or_default().push((row.lat, row.lon));
                }
                None => left_out += 1,
            }
        }
        // The Gemeinde with most rows names the postcode (ties: by name).
        let Some((place, points)) = places
            .into_iter()
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(&a.0)))
        else {
            continue;
        };
        let n = points.len() as f64;
        let lat = points.iter().map(|p| p.0).sum::<f64>() / n;
        let lon = points.iter().map(|p| p.1).sum::<f64>() / n;
        postcodes.push((postcode.clone(), units(lat), units(lon), place));
    }
    let mut places: Vec<(String, i32, i32, String)> = gazetteer
        .gemeinden
        .iter()
        .map(|g| {
            let kreis = gazetteer
                .kreis_of(&g.feature.ags)
                .unwrap_or_default()
                .to_owned();
            (
                g.feature.gen.clone(),
                units(g.centre.0),
                units(g.centre.1),
                kreis,
            )
        })
        .collect();
    places.sort_by_cached_key(|(name, _, _, kreis)| (fold(name), kreis.clone()));
    let file = PlaceIndexFile {
        schema_version: PLACE_INDEX_VERSION,
        attribution: ATTRIBUTION.to_owned(),
        postcodes,
        places,
    };
    (file, left_out)
}

/// Writes the index and reports what it holds.
pub fn run(shared: &Path, overrides: &Path, out: &Path) -> Result<Vec<String>> {
    let gazetteer = load_gazetteer(shared, overrides)?;
    let (file, left_out) = place_index(&gazetteer);
    let mut json = serde_json::to_string(&file)
        .map_err(|err| Error(format!("cannot serialize the place index: {err}")))?;
    json.push('\n');
    write_file(out, json.as_bytes())?;
    let gzip = crate::sizes::gzip_len(json.as_bytes())?;
    Ok(vec![
        format!(
            "postcodes: {} (company or authority rows left out: {left_out})",
            file.postcodes.len()
        ),
        format!("places (Gemeinden): {}", file.places.len()),
        format!(
            "wrote {}: {} bytes, {:.1} KB gzip",
            out.display(),
            json.len(),
            gzip as f64 / 1024.0
        ),
    ])
}

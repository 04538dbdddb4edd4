//! `ia-datatool validate`, second part: checks that need the place data
//! shipped with the app (`public/data/boundaries/nrw-gemeinden.geojson`,
//! `nrw-kreise.geojson`, `public/data/places.json`), and a search for
//! records that are likely the same agency twice.
//!
//! Messages are German: they are read by whoever maintains the data.

use std::collections::BTreeMap;
use std::path::Path;

use ia_core::nearby::PlaceIndexFile;
use ia_core::text::fold;
use ia_core::Agency;

use crate::geojson::read_features;
use crate::{read_text, Error, Result};

/// Names of the Gemeinden and Kreise by AGS, and the Gemeinde each postcode
/// belongs to (the one with most of its places, as in the app's index).
#[derive(Debug, Clone, Default)]
pub struct PlaceData {
    /// 8-digit AGS → Gemeinde name.
    pub gemeinden: BTreeMap<String, String>,
    /// 5-digit AGS → Kreis name (as in the boundary file).
    pub kreise: BTreeMap<String, String>,
    /// Postcode → Gemeinde name.
    pub postcodes: BTreeMap<String, String>,
}

impl PlaceData {
    /// Reads `nrw-gemeinden.geojson` and `nrw-kreise.geojson` from
    /// `boundaries` and the postcodes of the place index.
    pub fn load(boundaries: &Path, place_index: &Path) -> Result<PlaceData> {
        let by_ags = |file: &str| -> Result<BTreeMap<String, String>> {
            Ok(read_features(&boundaries.join(file))?
                .into_iter()
                .map(|f| (f.ags, f.gen))
                .collect())
        };
        let index: PlaceIndexFile = serde_json::from_str(&read_text(place_index)?)
            .map_err(|err| Error(format!("{}: {err}", place_index.display())))?;
        Ok(PlaceData {
            gemeinden: by_ags("nrw-gemeinden.geojson")?,
            kreise: by_ags("nrw-kreise.geojson")?,
            postcodes: index
                .postcodes
                .into_iter()
                .map(|(postcode, _, _, place)| (postcode, place))
                .collect(),
        })
    }

    /// The AGS of every Gemeinde with this name.
    fn gemeinde_ags(&self, name: &str) -> Vec<&str> {
        self.gemeinden
            .iter()
            .filter(|(_, gen)| *gen == name)
            .map(|(ags, _)| ags.as_str())
            .collect()
    }
}

/// Problems of one record: `(field, German message)`.
pub fn place_problems(agency: &Agency, data: &PlaceData) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    let ags = agency.ags.as_str();
    let area = match ags.len() {
        8 => match data.gemeinden.get(ags) {
            None => {
                problems.push((
                    "ags",
                    format!("„{ags}“ ist kein Gemeindeschlüssel einer Gemeinde in NRW"),
                ));
                return problems;
            }
            Some(name) if *name != agency.municipality => {
                problems.push((
                    "ags",
                    format!(
                        "„{ags}“ ist der Schlüssel der Gemeinde „{name}“, der Eintrag nennt aber \
                         die Gemeinde „{}“",
                        agency.municipality
                    ),
                ));
                format!("der Gemeinde „{name}“")
            }
            Some(name) => format!("der Gemeinde „{name}“"),
        },
        5 => match data.kreise.get(ags) {
            None => {
                problems.push((
                    "ags",
                    format!("„{ags}“ ist kein Kreisschlüssel eines Kreises in NRW"),
                ));
                return problems;
            }
            Some(name) => format!("des Kreises „{name}“"),
        },
        // Other lengths are reported by ia_core::validate.
        _ => return problems,
    };
    let Some(postcode) = agency.address.postcode.as_deref() else {
        return problems;
    };
    let Some(place) = data.postcodes.get(postcode) else {
        return problems;
    };
    let fits = data
        .gemeinde_ags(place)
        .iter()
        .any(|gemeinde| gemeinde.starts_with(ags));
    if !fits {
        problems.push((
            "address.postcode",
            format!(
                "die PLZ {postcode} gehört zu „{place}“, die AGS „{ags}“ aber zum Gebiet {area}"
            ),
        ));
    }
    problems
}

/// Pairs of records (by index) of the same kind with the same carrier and
/// the same street address: likely one agency entered twice. Records
/// without a street are not compared (a carrier may run several agencies in
/// one town), nor an Integrationsagentur with a Servicestelle (a carrier's
/// Servicestelle is often in the house of its Integrationsagentur, and the
/// agency's street may be the Servicestelle's, `carrier_servicestelle`).
pub fn likely_duplicates(agencies: &[Agency]) -> Vec<(usize, usize)> {
    let mut first: BTreeMap<(bool, String, String, String), usize> = BTreeMap::new();
    let mut pairs = Vec::new();
    for (index, agency) in agencies.iter().enumerate() {
        let Some(street) = agency
            .address
            .street
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        else {
            continue;
        };
        let key = (
            agency.antidiscrimination,
            fold(&agency.carrier),
            fold(street),
            agency
                .address
                .postcode
                .clone()
                .unwrap_or_else(|| fold(&agency.address.city)),
        );
        match first.get(&key) {
            Some(&earlier) => pairs.push((earlier, index)),
            None => {
                first.insert(key, index);
            }
        }
    }
    pairs
}

/// The lines `validate` prints: problems (make the file fail) and warnings.
pub fn check(agencies: &[Agency], data: Option<&PlaceData>) -> (Vec<String>, Vec<String>) {
    let who = |index: usize| format!("record {index} (id \"{}\")", agencies[index].id);
    let mut problems = Vec::new();
    if let Some(data) = data {
        for (index, agency) in agencies.iter().enumerate() {
            for (field, message) in place_problems(agency, data) {
                problems.push(format!("{}: {field}: {message}", who(index)));
            }
        }
    }
    let warnings = likely_duplicates(agencies)
        .into_iter()
        .map(|(a, b)| {
            let record = &agencies[b];
            format!(
                "Warnung: {} und {}: gleicher Träger („{}“) und gleiche Adresse („{}, {}“) – \
                 vermutlich dieselbe Agentur doppelt; bitte prüfen",
                who(a),
                who(b),
                record.carrier,
                record.address.street.as_deref().unwrap_or_default().trim(),
                [
                    record.address.postcode.as_deref().unwrap_or_default(),
                    record.address.city.as_str()
                ]
                .join(" ")
                .trim()
            )
        })
        .collect();
    (problems, warnings)
}

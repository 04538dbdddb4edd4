//! Offline gazetteer: the Gemeinden and Kreise of NRW (BKG VG250) and the
//! GeoNames postcode centroids, plus the committed place overrides
//! (`data/place-overrides.tsv`). Geocoding never leaves the machine (or the
//! browser): the gazetteer is built from texts the caller reads.

use std::collections::BTreeMap;

use ia_core::nearby::UNITS_PER_DEGREE;
use ia_core::Precision;
use serde::Deserialize;

use crate::geojson::{parse_features, Feature};
use crate::geometry::{bbox, contains, representative_point};
use crate::slug::{name_key, strip_parentheses};
use crate::tsv::parse_tsv;
use crate::{Error, Result};

/// One Gemeinde with what geocoding needs.
#[derive(Debug, Clone)]
pub struct Gemeinde {
    pub feature: Feature,
    /// `(west, south, east, north)`.
    pub bbox: (f64, f64, f64, f64),
    /// A point inside the Gemeinde (area-weighted centroid of its largest
    /// polygon, or a point guaranteed inside when that centroid lies outside).
    pub centre: (f64, f64),
}

/// One row of the postcode table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PostcodeRow {
    pub postcode: String,
    pub place: String,
    pub kreis: String,
    pub kreis_ags: String,
    pub lat: f64,
    pub lon: f64,
}

/// A committed geocoding override: a sourced city string that is not a
/// Gemeinde name, and the Gemeinde the source names for it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceOverride {
    pub gemeinde: String,
    pub reason: String,
}

/// Where geocoding placed a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub lat: f64,
    pub lon: f64,
    pub precision: Precision,
    /// The Gemeinde and reason, when the city was resolved through an override.
    pub note: Option<String>,
    /// Why a given postcode was not used.
    pub fallback: Option<PostcodeFallback>,
    /// For precision `kreis`: the Kreis' 5-digit key (the record belongs to
    /// the Kreis and to none of its municipalities).
    pub kreis_ags: Option<String>,
}

/// Why a record with a postcode was placed at its municipality instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostcodeFallback {
    /// The postcode is not in `nrw-postcodes.csv`.
    Unknown,
    /// No centroid of the postcode lies in the Gemeinde named by the city.
    Elsewhere,
}

/// All place data.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub gemeinden: Vec<Gemeinde>,
    /// Kreis AGS (5 digits) → name.
    pub kreise: BTreeMap<String, String>,
    /// Kreis AGS → `(type, point inside the Kreis as (lat, lon))`; the type
    /// is `BEZ` ("Kreis" or "Kreisfreie Stadt").
    pub kreis_info: BTreeMap<String, (String, (f64, f64))>,
    pub postcodes: BTreeMap<String, Vec<PostcodeRow>>,
    /// `(record name or "*", city)` → override.
    pub overrides: BTreeMap<(String, String), PlaceOverride>,
}

/// How a city string was resolved to a Gemeinde.
#[derive(Debug, Clone, PartialEq)]
pub enum CityMatch {
    /// The name (or its part before a hyphen, or without remarks) is a Gemeinde.
    Name(usize),
    /// Through `data/place-overrides.tsv`.
    Override(usize, String),
}

impl CityMatch {
    pub fn index(&self) -> usize {
        match self {
            CityMatch::Name(index) | CityMatch::Override(index, _) => *index,
        }
    }
}

impl Gazetteer {
    /// Every Kreis and kreisfreie Stadt with a point inside it, by key, for
    /// the dataset's `kreise` list (coordinates rounded like the records').
    pub fn kreis_list(&self, decimals: i32) -> Vec<ia_core::KreisInfo> {
        self.kreise
            .iter()
            .filter_map(|(ags, name)| {
                let (bez, (lat, lon)) = self.kreis_info.get(ags)?;
                Some(ia_core::KreisInfo {
                    ags: ags.clone(),
                    name: name.clone(),
                    kreisfrei: bez == "Kreisfreie Stadt",
                    lat: crate::geometry::round_to(*lat, decimals),
                    lon: crate::geometry::round_to(*lon, decimals),
                })
            })
            .collect()
    }

    /// Builds the gazetteer from the texts of the Gemeinde and Kreis
    /// boundaries (GeoJSON with `AGS`, `GEN`, `BEZ`), the postcode table
    /// (CSV: postcode, place, kreis, kreis_ags, lat, lon) and the place
    /// overrides (`data/place-overrides.tsv`, named `overrides_name` in errors).
    pub fn from_texts(
        gemeinden_geojson: &str,
        kreise_geojson: &str,
        postcodes_csv: &str,
        overrides_tsv: &str,
        overrides_name: &str,
    ) -> Result<Gazetteer> {
        let postcodes = parse_postcodes(postcodes_csv)?;
        Gazetteer::from_parts(
            gemeinden_geojson,
            kreise_geojson,
            postcodes,
            overrides_tsv,
            overrides_name,
        )
    }

    /// Builds the gazetteer from the files the site ships (for the
    /// maintenance page): the simplified boundaries under `data/boundaries/`
    /// and the postcodes of the place index `data/places.json` (which leaves
    /// out company postcodes). Geocoding then differs from the command line's
    /// only by the simplification of the boundaries (a point inside a
    /// Gemeinde, a postcode centroid close to a border) and for company
    /// postcodes, which place a record at its Gemeinde.
    pub fn from_shipped(
        gemeinden_geojson: &str,
        kreise_geojson: &str,
        places_json: &str,
        overrides_tsv: &str,
        overrides_name: &str,
    ) -> Result<Gazetteer> {
        let index: ia_core::nearby::PlaceIndexFile = serde_json::from_str(places_json)
            .map_err(|err| Error(format!("places.json: {err}")))?;
        let mut postcodes: BTreeMap<String, Vec<PostcodeRow>> = BTreeMap::new();
        for (postcode, lat, lon, place) in index.postcodes {
            let row = PostcodeRow {
                postcode: postcode.clone(),
                place,
                kreis: String::new(),
                kreis_ags: String::new(),
                lat: f64::from(lat) / UNITS_PER_DEGREE,
                lon: f64::from(lon) / UNITS_PER_DEGREE,
            };
            postcodes.entry(postcode).or_default().push(row);
        }
        Gazetteer::from_parts(
            gemeinden_geojson,
            kreise_geojson,
            postcodes,
            overrides_tsv,
            overrides_name,
        )
    }

    fn from_parts(
        gemeinden_geojson: &str,
        kreise_geojson: &str,
        postcodes: BTreeMap<String, Vec<PostcodeRow>>,
        overrides_tsv: &str,
        overrides_name: &str,
    ) -> Result<Gazetteer> {
        let features = |text: &str, name: &str| {
            parse_features(text).map_err(|err| Error(format!("{name}: {err}")))
        };
        // A point inside each area, for distances and labels.
        let centre_of = |feature: &Feature, file: &str, kind: &str| {
            representative_point(&feature.geometry).ok_or_else(|| {
                Error(format!(
                    "{file}: no point inside {kind} {} {}",
                    feature.ags, feature.gen
                ))
            })
        };
        let mut gemeinden = Vec::new();
        for feature in features(gemeinden_geojson, "nrw-gemeinden.geojson")? {
            let centre = centre_of(&feature, "nrw-gemeinden.geojson", "Gemeinde")?;
            gemeinden.push(Gemeinde {
                bbox: bbox(&feature.geometry),
                centre: (centre[1], centre[0]),
                feature,
            });
        }
        gemeinden.sort_by(|a, b| a.feature.ags.cmp(&b.feature.ags));
        let mut kreise = BTreeMap::new();
        let mut kreis_info = BTreeMap::new();
        for kreis in features(kreise_geojson, "nrw-kreise.geojson")? {
            let centre = centre_of(&kreis, "nrw-kreise.geojson", "Kreis")?;
            kreis_info.insert(
                kreis.ags.clone(),
                (kreis.bez.clone(), (centre[1], centre[0])),
            );
            kreise.insert(kreis.ags, kreis.gen);
        }
        let mut gazetteer = Gazetteer {
            gemeinden,
            kreise,
            kreis_info,
            postcodes,
            overrides: BTreeMap::new(),
        };
        for (line, columns) in parse_tsv(overrides_tsv, overrides_name, 4)? {
            let target = &columns[2];
            if gazetteer.exact_gemeinde(target).is_none() {
                return Err(Error(format!(
                    "{overrides_name}:{line}: {target:?} is not the name of a Gemeinde in nrw-gemeinden.geojson"
                )));
            }
            let key = (columns[0].clone(), columns[1].clone());
            let place = PlaceOverride {
                gemeinde: target.clone(),
                reason: columns[3].clone(),
            };
            if gazetteer.overrides.insert(key, place).is_some() {
                return Err(Error(format!(
                    "{overrides_name}:{line}: the same record name and city are listed twice"
                )));
            }
        }
        Ok(gazetteer)
    }

    /// The Gemeinde whose polygons contain the point.
    pub fn gemeinde_at(&self, lat: f64, lon: f64) -> Option<&Gemeinde> {
        self.gemeinden.iter().find(|g| {
            let (west, south, east, north) = g.bbox;
            (west..=east).contains(&lon)
                && (south..=north).contains(&lat)
                && contains(&g.feature.geometry, lat, lon)
        })
    }

    /// The Gemeinde with exactly this name (umlaut- and case-insensitive;
    /// remarks in parentheses of the official name are optional, so
    /// `Leichlingen` finds `Leichlingen (Rhld.)`).
    pub fn exact_gemeinde(&self, name: &str) -> Option<usize> {
        let key = name_key(name);
        if key.is_empty() {
            return None;
        }
        let full: Vec<usize> = self
            .gemeinden
            .iter()
            .enumerate()
            .filter(|(_, g)| name_key(&g.feature.gen) == key)
            .map(|(i, _)| i)
            .collect();
        if let [only] = full.as_slice() {
            return Some(*only);
        }
        let short: Vec<usize> = self
            .gemeinden
            .iter()
            .enumerate()
            .filter(|(_, g)| name_key(&strip_parentheses(&g.feature.gen)) == key)
            .map(|(i, _)| i)
            .collect();
        match short.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Resolves the city string of the record called `name`: override table
    /// first (for this record, then for any record); then the name
    /// itself, without remarks in parentheses, and shorter and shorter parts
    /// before a hyphen (`Bonn-Bad Godesberg` → `Bonn`,
    /// `Kamp-Lintfort-Hoerstgen` → `Kamp-Lintfort`).
    pub fn resolve_city(&self, name: &str, city: &str) -> Option<CityMatch> {
        let city_key = city.trim().to_owned();
        let place = self
            .overrides
            .get(&(name.trim().to_owned(), city_key.clone()))
            .or_else(|| self.overrides.get(&("*".to_owned(), city_key)));
        if let Some(place) = place {
            return self
                .exact_gemeinde(&place.gemeinde)
                .map(|index| CityMatch::Override(index, place.reason.clone()));
        }
        let mut candidates = vec![city.trim().to_owned()];
        let plain = strip_parentheses(city);
        candidates.push(plain.clone());
        let parts: Vec<&str> = plain.split('-').collect();
        for n in (1..parts.len()).rev() {
            candidates.push(parts[..n].join("-"));
        }
        candidates
            .iter()
            .find_map(|candidate| self.exact_gemeinde(candidate))
            .map(CityMatch::Name)
    }

    /// Offline geocoding of a record called `name` in `city` (see
    /// `docs/dataset.md`, "Geocoding"): the centroid of `postcode` when it
    /// lies in the Gemeinde named by the city (precision `postcode`), else a
    /// point inside that Gemeinde (precision `municipality`; `fallback` says
    /// why the postcode was not used). `None` when the city is not a Gemeinde
    /// (nor in the overrides) and the postcode does not place the record.
    pub fn geocode(&self, name: &str, city: &str, postcode: Option<&str>) -> Option<Placed> {
        let city_match = self.resolve_city(name, city);
        let note = match &city_match {
            Some(CityMatch::Override(index, reason)) => {
                Some(format!("{} ({reason})", self.gemeinden[*index].feature.gen))
            }
            _ => None,
        };
        let mut fallback = None;
        if let Some(postcode) = postcode {
            match self.postcodes.get(postcode) {
                None => fallback = Some(PostcodeFallback::Unknown),
                Some(rows) => {
                    let city_key = name_key(city);
                    let mut candidates: Vec<_> = rows
                        .iter()
                        .filter(|row| match &city_match {
                            Some(m) => self.gemeinde_at(row.lat, row.lon).is_some_and(|g| {
                                g.feature.ags == self.gemeinden[m.index()].feature.ags
                            }),
                            None => true,
                        })
                        .collect();
                    // Prefer the row named like the city; then by place name (deterministic).
                    candidates.sort_by(|a, b| {
                        (name_key(&a.place) != city_key, &a.place)
                            .cmp(&(name_key(&b.place) != city_key, &b.place))
                    });
                    let unique_enough = city_match.is_some() || candidates.len() == 1;
                    match candidates.first() {
                        Some(row) if unique_enough => {
                            return Some(Placed {
                                lat: row.lat,
                                lon: row.lon,
                                precision: Precision::Postcode,
                                note,
                                fallback: None,
                                kreis_ags: None,
                            })
                        }
                        _ => fallback = Some(PostcodeFallback::Elsewhere),
                    }
                }
            }
        }
        let Some(city_match) = city_match else {
            // Only a Kreis is named ("Kreis Soest"): a point inside the Kreis.
            let kreis_ags = self.kreis_named(city)?;
            let (_, centre) = self.kreis_info.get(&kreis_ags)?;
            return Some(Placed {
                lat: centre.0,
                lon: centre.1,
                precision: Precision::Kreis,
                note: None,
                fallback,
                kreis_ags: Some(kreis_ags),
            });
        };
        let gemeinde = &self.gemeinden[city_match.index()];
        Some(Placed {
            lat: gemeinde.centre.0,
            lon: gemeinde.centre.1,
            precision: Precision::Municipality,
            note,
            fallback,
            kreis_ags: None,
        })
    }

    /// The 5-digit key of the Kreis (not a kreisfreie Stadt) that `city`
    /// names: "Kreis Soest" or "Soest (Kreis)" for the Kreis called Soest, or
    /// the full name of a Kreis that is no Gemeinde ("Rhein-Sieg-Kreis",
    /// "Hochsauerlandkreis", "Städteregion Aachen"). Umlaut- and
    /// case-insensitive.
    pub fn kreis_named(&self, city: &str) -> Option<String> {
        let text = city.trim();
        let key = name_key(text);
        let short = text
            .strip_prefix("Kreis ")
            .or_else(|| text.strip_suffix(" (Kreis)"))
            .map(name_key);
        let matches: Vec<&String> = self
            .kreise
            .iter()
            .filter(|(ags, gen)| {
                let is_kreis = self
                    .kreis_info
                    .get(*ags)
                    .is_some_and(|(bez, _)| bez == "Kreis");
                let gen_key = name_key(gen);
                // A bare name counts only when no Gemeinde has it ("Soest"
                // is the town; "Rhein-Sieg-Kreis" is only the Kreis).
                let bare = short.is_none() && gen_key == key && self.exact_gemeinde(gen).is_none();
                is_kreis && (short.as_ref() == Some(&gen_key) || bare)
            })
            .map(|(ags, _)| ags)
            .collect();
        match matches.as_slice() {
            [only] => Some((*only).clone()),
            _ => None,
        }
    }

    /// The name of the Kreis (or kreisfreie Stadt) of a Gemeinde AGS.
    pub fn kreis_of(&self, ags: &str) -> Option<&str> {
        self.kreise.get(ags.get(..5)?).map(String::as_str)
    }
}

fn parse_postcodes(text: &str) -> Result<BTreeMap<String, Vec<PostcodeRow>>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut out: BTreeMap<String, Vec<PostcodeRow>> = BTreeMap::new();
    for (index, row) in reader.deserialize::<PostcodeRow>().enumerate() {
        let row =
            row.map_err(|err| Error(format!("nrw-postcodes.csv data row {}: {err}", index + 1)))?;
        out.entry(row.postcode.clone()).or_default().push(row);
    }
    Ok(out)
}

#[cfg(test)]
mod tests;

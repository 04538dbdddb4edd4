//! The static pages' pure parts: one page per agency and per Kreis or
//! kreisfreie Stadt, written into `dist/` at build time by `ia-prerender`
//! (`src/pages/` renders them with the app's components).
//!
//! Here: where each page lives ([`agency_page`], [`place_page`]), the 53
//! Kreise and kreisfreie Städte that have a place page (`ort/`, each a
//! [`Place`]) and their slugs ([`PlaceSlugs`] for `place=koeln`),
//! the nearest agencies for a place without one ([`nearest`]), and in
//! [`seo`] the head tags, JSON-LD, sitemap and robots.txt; in [`preview`]
//! the preview image's drawing.
//!
//! **Paths:** `agentur/<id>.html` and `ort/<slug>.html`, one file per page
//! rather than `agentur/<id>/index.html`: every static host (object
//! storage, `file://`, a pages service) serves a named file, while a folder
//! URL needs an "index document" setting that not every host applies to
//! sub-folders; and every page is exactly one level below the app, so its
//! relative asset URLs are always `../…` and `dist/` works under any
//! sub-path.

pub mod preview;
pub mod seo;

use crate::dataset::Agency;
use crate::filter::PlaceFilter;
use crate::geo::{distance_km, BBox};
use crate::slug::slug;
use crate::static_map::Ring;

/// Folder of the agency pages.
pub const AGENCY_DIR: &str = "agentur";
/// Folder of the place pages.
pub const PLACE_DIR: &str = "ort";
/// From a page to the app's folder.
pub const UP: &str = "../";

/// `agentur/<id>.html` (ids are slugs, so the path needs no escaping).
pub fn agency_page(id: &str) -> String {
    format!("{AGENCY_DIR}/{id}.html")
}

/// `agentur/<id>.png`, the agency's preview image.
pub fn agency_image(id: &str) -> String {
    format!("{AGENCY_DIR}/{id}.png")
}

/// `agentur/<id>-qr.svg` or `.png`, the QR code of the agency's page.
pub fn agency_qr(id: &str, extension: &str) -> String {
    format!("{AGENCY_DIR}/{id}-qr.{extension}")
}

/// `ort/<slug>.html`.
pub fn place_page(slug: &str) -> String {
    format!("{PLACE_DIR}/{slug}.html")
}

/// `ort/<slug>.png`, the place's preview image.
pub fn place_image(slug: &str) -> String {
    format!("{PLACE_DIR}/{slug}.png")
}

/// The start page's (`index.html`'s) preview image, next to it: every
/// agency on the map of NRW.
pub const START_IMAGE: &str = "vorschau.png";

/// The app opened at an agency, from a page: `../?agency=<id>`.
pub fn app_at_agency(id: &str) -> String {
    format!("{UP}?agency={id}")
}

/// The app filtered to a place, from a page: `../?place=<slug>`.
pub fn app_at_place(slug: &str) -> String {
    format!("{UP}?place={slug}")
}

/// A Kreis or kreisfreie Stadt of NRW, with or without agencies.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The 5-digit Kreis key.
    pub ags: String,
    /// The name without its kind, as the boundary data has it ("Köln",
    /// "Borken", "Rhein-Kreis Neuss").
    pub name: String,
    pub kreisfrei: bool,
    /// The outline (outer and inner rings).
    pub rings: Vec<Ring>,
}

impl Place {
    /// The name people use: "Köln", "Kreis Borken", "Rhein-Kreis Neuss",
    /// "Städteregion Aachen", "Hochsauerlandkreis".
    pub fn title(&self) -> String {
        place_title(&self.name, self.kreisfrei)
    }

    /// The page's slug: `koeln`, `kreis-borken`. Kreise carry "kreis", so
    /// the town Borken (`place=borken`) and the Kreis Borken
    /// (`place=kreis-borken`) stay apart.
    pub fn slug(&self) -> String {
        slug(&self.title())
    }

    /// "kreisfreie Stadt" or "Kreis".
    pub fn kind(&self) -> &'static str {
        if self.kreisfrei {
            "kreisfreie Stadt"
        } else {
            "Kreis"
        }
    }

    /// The box around the outline (`None` without one).
    pub fn bbox(&self) -> Option<BBox> {
        BBox::around(self.rings.iter().flatten().map(|&(lon, lat)| (lat, lon)))
    }

    /// A point for distances: the middle of the outline's box (NRW's
    /// Kreise are compact enough for "the nearest agencies").
    pub fn centre(&self) -> Option<(f64, f64)> {
        let bbox = self.bbox()?;
        Some((
            (bbox.south + bbox.north) / 2.0,
            (bbox.west + bbox.east) / 2.0,
        ))
    }
}

/// See [`Place::title`].
pub fn place_title(name: &str, kreisfrei: bool) -> String {
    let lower = crate::slug::transliterate(name);
    if kreisfrei || lower.contains("kreis") || lower.contains("region") {
        name.to_owned()
    } else {
        format!("Kreis {name}")
    }
}

/// The Kreise and kreisfreie Städte of a boundary file
/// (`data/boundaries/nrw-kreise.geojson`, read by [`crate::geojson`]),
/// sorted by slug. Features without a 5-digit key or a name (the Land, a
/// Gemeinde) are not places.
pub fn places_from_geojson(text: &str) -> Result<Vec<Place>, String> {
    let mut places = Vec::new();
    for feature in crate::geojson::parse_features(text)? {
        let (ags, name) = (feature.ags.trim(), feature.gen.trim());
        if ags.len() != 5 || !ags.bytes().all(|b| b.is_ascii_digit()) || name.is_empty() {
            continue;
        }
        places.push(Place {
            ags: ags.to_owned(),
            name: name.to_owned(),
            kreisfrei: feature.bez.trim().eq_ignore_ascii_case("kreisfreie stadt"),
            rings: crate::static_map::feature_rings(&feature),
        });
    }
    places.sort_by_key(Place::slug);
    Ok(places)
}

/// Positions of the agencies in a place (by its Kreis key), in dataset order.
pub fn agencies_in(place: &Place, agencies: &[Agency]) -> Vec<usize> {
    agencies
        .iter()
        .enumerate()
        .filter(|(_, agency)| agency.kreis_ags() == place.ags)
        .map(|(position, _)| position)
        .collect()
}

/// The `n` agencies nearest to a point, nearest first (ties by position),
/// with their distance in km.
pub fn nearest(agencies: &[Agency], lat: f64, lon: f64, n: usize) -> Vec<(usize, f64)> {
    let mut all: Vec<(usize, f64)> = agencies
        .iter()
        .enumerate()
        .map(|(position, agency)| {
            let km = distance_km(lat, lon, agency.location.lat, agency.location.lon);
            (position, km)
        })
        .collect();
    all.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    all.truncate(n);
    all
}

/// The place a readable `place=` value names, from the agencies' `kreis`
/// and `municipality` fields: the slugs of the place pages ([`Place::slug`]:
/// `kreis-borken`, `koeln`, `hochsauerlandkreis`), and every municipality
/// of the dataset by its name (`ahlen`). In this order:
/// 1. `kreis-<name>`: that Kreis;
/// 2. a kreisfreie Stadt's name (a record in it has the key `<kreis>000`):
///    the whole city, Kreis-only records included;
/// 3. a municipality's name (`borken`: the town, not the Kreis Borken);
/// 4. a Kreis' name ("Rhein-Kreis Neuss", "Städteregion Aachen").
///
/// No tables are built: it runs once per address that has such a value,
/// and stays small in the app's Wasm. The app writes the digit codes.
pub fn resolve_place_slug(agencies: &[Agency], wanted: &str) -> Option<PlaceFilter> {
    let kreis = |agency: &Agency| PlaceFilter::Kreis(agency.kreis_ags().to_owned());
    if let Some(name) = wanted.strip_prefix("kreis-") {
        if let Some(agency) = agencies.iter().find(|a| slug(&a.kreis) == name) {
            return Some(kreis(agency));
        }
    }
    let named = agencies.iter().find(|a| slug(&a.kreis) == wanted);
    if let Some(agency) = named {
        let city = format!("{}000", agency.kreis_ags());
        if agencies.iter().any(|a| a.ags == city) {
            return Some(kreis(agency));
        }
    }
    agencies
        .iter()
        .find(|a| a.ags.len() == 8 && slug(&a.municipality) == wanted)
        .map(|a| PlaceFilter::Municipality(a.ags.clone()))
        .or_else(|| named.map(kreis))
}

#[cfg(test)]
mod tests;

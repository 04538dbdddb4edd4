//! What the page checks against, and the check itself: the published
//! dataset and the place data (the site's own files, fetched relative to the
//! page), then `ia_upkeep::import` on the maintainer's file.

use std::rc::Rc;

use ia_core::Dataset;
use ia_upkeep::gazetteer::Gazetteer;
use ia_upkeep::geometry::MultiPolygon;
use ia_upkeep::import::{import, read_previous, Imported, Places, Settings, DEFAULT_MAX_REMOVED};

/// The committed place overrides (`data/place-overrides.tsv`), as the
/// command line reads them.
const OVERRIDES: &str = include_str!("../../../data/place-overrides.tsv");

/// The site's files the page reads (and nothing else).
pub const PREVIOUS: &str = "data/agencies.json";
pub const GEMEINDEN: &str = "data/boundaries/nrw-gemeinden.geojson";
pub const KREISE: &str = "data/boundaries/nrw-kreise.geojson";
pub const LAND: &str = "data/boundaries/nrw-land.geojson";
pub const PLACES: &str = "data/places.json";

/// A checked file: its name, the outcome, and how long the check took.
#[derive(Clone)]
pub struct Checked {
    pub file: String,
    pub outcome: Result<Rc<Imported>, String>,
    pub millis: f64,
}

/// The published dataset and the place data.
pub struct Basis {
    pub previous: Dataset,
    pub gazetteer: Gazetteer,
    pub outline: MultiPolygon,
    /// The files as fetched, for the publication package (`crate::package`).
    pub fetched: Fetched,
}

/// [`PREVIOUS`], [`LAND`] and [`KREISE`] as fetched.
pub struct Fetched {
    pub previous: String,
    pub land: String,
    pub kreise: String,
}

impl Basis {
    /// From the texts of [`PREVIOUS`], [`GEMEINDEN`], [`KREISE`], [`LAND`]
    /// and [`PLACES`].
    pub fn from_texts(
        previous: &str,
        gemeinden: &str,
        kreise: &str,
        land: &str,
        places: &str,
    ) -> Result<Basis, String> {
        let previous_text = previous;
        let previous = read_previous(previous, PREVIOUS).map_err(|err| err.0)?;
        let gazetteer =
            Gazetteer::from_shipped(gemeinden, kreise, places, OVERRIDES, "place-overrides.tsv")
                .map_err(|err| err.0)?;
        let outline = ia_upkeep::geojson::parse_features(land)
            .map_err(|err| format!("{LAND}: {err}"))?
            .into_iter()
            .flat_map(|feature| feature.geometry)
            .collect();
        Ok(Basis {
            previous,
            gazetteer,
            outline,
            fetched: Fetched {
                previous: previous_text.to_owned(),
                land: land.to_owned(),
                kreise: kreise.to_owned(),
            },
        })
    }

    /// Checks a spreadsheet file (CSV, .xlsx, .ods) with the command line's
    /// settings; `as_of` becomes the new data's date.
    pub fn check(&self, name: &str, bytes: &[u8], as_of: &str) -> Result<Imported, String> {
        let places = Places {
            gazetteer: Some(&self.gazetteer),
            outline: Some(&self.outline),
        };
        let settings = Settings {
            csv_name: name.to_owned(),
            previous_name: PREVIOUS.to_owned(),
            as_of: Some(as_of.to_owned()),
            max_removed: DEFAULT_MAX_REMOVED,
        };
        import(bytes, &self.previous, places, &settings).map_err(|err| err.0)
    }
}

/// Today's date (local time) as `JJJJ-MM-TT`.
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(path: &str) -> String {
        std::fs::read_to_string(format!("{}/public/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    fn basis() -> Basis {
        Basis::from_texts(
            &read(PREVIOUS),
            &read(GEMEINDEN),
            &read(KREISE),
            &read(LAND),
            &read(PLACES),
        )
        .unwrap()
    }

    /// The page's check of the unchanged export keeps every record and only
    /// sets the date.
    #[test]
    fn the_unchanged_export_checks_clean() {
        let basis = basis();
        let bytes = ia_upkeep::xlsx::to_xlsx(&basis.previous).unwrap();
        let imported = basis.check("agenturen.xlsx", &bytes, "2026-12-02").unwrap();
        assert!(!imported.report.failed());
        assert_eq!(imported.dataset.agencies, basis.previous.agencies);
        assert_eq!(imported.dataset.meta.as_of, "2026-12-02");
    }

    /// Removing more than ten rows blocks the download, as on the command line.
    #[test]
    fn too_many_removals_block() {
        let basis = basis();
        let mut fewer = basis.previous.clone();
        fewer.agencies.truncate(fewer.agencies.len() - 11);
        let bytes = ia_upkeep::xlsx::to_xlsx(&fewer).unwrap();
        let imported = basis.check("weniger.xlsx", &bytes, "2026-12-02").unwrap();
        assert_eq!(imported.report.removed.len(), 11);
        assert!(imported.report.blocked.is_some());
    }
}

//! Build-time rendering of the finder's first view into `index.html`
//! (feature `ssr`; run by `scripts/build.sh` through `src/bin/prerender.rs`).
//!
//! The same components the browser runs ([`Frame`], [`Finder`]) are rendered
//! natively to HTML with Leptos' server-side rendering, from the dataset the
//! build ships, in German, in the default state (no filters, dataset order,
//! the whole list as the app shows it). Where the live map will be, a static
//! SVG map (`ia_core::static_map`). Effects do not run here, so nothing
//! touches a browser API; the app replaces this view when it runs
//! (`crate::takeover`).
//!
//! The result goes between two markers in `index.html`, so running the step
//! again (after staff replaced `data/agencies.json`) replaces it: that is the
//! one command `docs/deploy.md` and `docs/data-maintenance.md` describe.

use std::sync::Arc;

use ia_core::geo::NRW_BBOX;
use ia_core::static_map::{rings_from_geojson, Dot, StaticMap};
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;

use crate::app::{Finder, Frame};
use crate::config::Config;
use crate::i18n::Lang;
use crate::load::Catalog;
use crate::map::StaticMapSvg;
use crate::params::PageParams;

/// Where the prerendered view goes in `index.html`.
pub const START: &str = "<!-- prerendered:start -->";
pub const END: &str = "<!-- prerendered:end -->";

/// The boundary files the static map is drawn from.
pub struct Boundaries<'a> {
    pub land: &'a str,
    pub kreise: &'a str,
}

/// The finder's default view as HTML (the content of `<body>` the app
/// renders, without the app's own root element).
pub fn render_finder(catalog: Arc<Catalog>, config: Config, static_map: String) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new("/"));
        provide_context(StaticMapSvg(static_map));
        provide_context(crate::i18n::german());
        provide_context(crate::params::keep(PageParams::default()));
        provide_context(crate::parts::Parts::new());
        view! {
            <Router>
                <Frame>
                    <Finder catalog config/>
                </Frame>
            </Router>
        }
        .to_html()
    })
}

/// The static map of the catalog's agencies over NRW and its Kreise.
pub fn static_map(catalog: &Catalog, boundaries: &Boundaries) -> Result<String, String> {
    let land = rings_from_geojson(boundaries.land).map_err(|e| format!("NRW outline: {e}"))?;
    let kreise = rings_from_geojson(boundaries.kreise).map_err(|e| format!("Kreise: {e}"))?;
    let dots: Vec<Dot> = catalog
        .agencies
        .iter()
        .map(|agency| Dot {
            lat: agency.location.lat,
            lon: agency.location.lon,
            servicestelle: agency.antidiscrimination,
        })
        .collect();
    let n_sada = dots.iter().filter(|dot| dot.servicestelle).count();
    let words = crate::pages::words::german();
    let title = words.map_title(dots.len(), n_sada);
    Ok(StaticMap {
        bbox: NRW_BBOX,
        land: &land,
        kreise: &kreise,
        dots: &dots,
        title: &title,
        label: words.map_label,
    }
    .to_svg())
}

/// Where the languages for public/gate.js go in `index.html`.
const LANGS_START: &str = "<meta name=\"ia-langs\" content=\"";
const LANGS_END: &str = "\">";

/// `index` with the prerendered view between the markers (replacing an
/// earlier one), `<html>` marked `class="prerendered"` and the languages
/// of its `<meta name="ia-langs">`, if it has one, written from `Lang::ALL`.
pub fn write_into_index(index: &str, body: &str, as_of: &str) -> Result<String, String> {
    // Leptos marks where reactive text and children go, for hydration; this
    // page is replaced, never hydrated, so the markers are only bytes.
    let view = format!(
        "<div id=\"prerendered\" data-prerendered=\"{}\">{}</div>",
        ia_core::html::escape(as_of),
        body.replace("<!--<() />-->", "").replace("<!>", "")
    );
    let mut page = replace_between(index, START, END, &view)?;
    if page.contains(LANGS_START) {
        page = replace_between(&page, LANGS_START, LANGS_END, &Lang::gate_langs())?;
    }
    if !page.contains("<html lang=\"de\" dir=\"ltr\" class=\"prerendered\">") {
        page = page.replacen(
            "<html lang=\"de\" dir=\"ltr\">",
            "<html lang=\"de\" dir=\"ltr\" class=\"prerendered\">",
            1,
        );
    }
    Ok(page)
}

/// `page` with `content` between the markers `start` and `end` (replacing
/// what was there), or an error naming the missing marker.
pub fn replace_between(
    page: &str,
    start: &str,
    end: &str,
    content: &str,
) -> Result<String, String> {
    let from = page
        .find(start)
        .ok_or_else(|| format!("index.html has no {start} marker"))?;
    let to = page[from..]
        .find(end)
        .map(|at| from + at)
        .ok_or_else(|| format!("index.html has no {end} marker after {start}"))?;
    Ok(format!(
        "{}{content}{}",
        &page[..from + start.len()],
        &page[to..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\">\n<head><meta name=\"ia-langs\" content=\"de\"></head><body><div id=\"boot\"></div><!-- prerendered:start --><noscript>x</noscript><!-- prerendered:end --></body></html>";

    /// The finder rendered natively from a small dataset: every agency in
    /// the list, with its contact links for pages without the app, and the
    /// static map in the map's place; hostile text stays text.
    #[test]
    fn the_default_view_lists_every_agency_with_contact_links() {
        let bytes = include_bytes!("../tests/fixtures/small-dataset.json");
        let loaded = ia_core::parse_dataset_bytes(bytes).unwrap();
        let names: Vec<String> = loaded.agencies.iter().map(|a| a.name.clone()).collect();
        let n_phones = loaded
            .agencies
            .iter()
            .filter(|a| {
                a.contact
                    .phone
                    .as_deref()
                    .is_some_and(ia_core::validate::is_phone)
            })
            .count();
        let catalog = Arc::new(Catalog::new(loaded.meta, loaded.agencies, loaded.skipped));
        let html = render_finder(
            catalog,
            Config::default(),
            "<svg class=\"static-map\"></svg>".into(),
        );
        assert_eq!(html.matches("class=\"result\"").count(), names.len());
        for name in &names {
            let escaped = name.replace('&', "&amp;").replace('<', "&lt;");
            assert!(html.contains(&escaped), "{name} missing");
        }
        assert_eq!(html.matches("href=\"tel:").count(), n_phones);
        assert!(
            html.contains("<div class=\"static-map-wrap\"><svg class=\"static-map\"></svg></div>")
        );
        assert!(html.contains("data-testid=\"needs-js\""));
        assert!(html.contains("Stand: "));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn the_view_goes_between_the_markers_and_replaces_an_earlier_one() {
        let once = write_into_index(INDEX, "<main>A<!><!--<() />--></main>", "2026-11-24").unwrap();
        assert!(once.contains("<html lang=\"de\" dir=\"ltr\" class=\"prerendered\">"));
        assert!(once
            .contains("<meta name=\"ia-langs\" content=\"de de-x-ls en tr ar:rtl fa:rtl uk ru\">"));
        assert!(once.contains("<!-- prerendered:start --><div id=\"prerendered\" data-prerendered=\"2026-11-24\"><main>A</main></div><!-- prerendered:end -->"));
        assert!(!once.contains("noscript"));
        let twice = write_into_index(&once, "<main>B</main>", "2026-12-01").unwrap();
        assert!(twice.contains("<main>B</main>") && !twice.contains("<main>A</main>"));
        assert_eq!(twice.matches("class=\"prerendered\"").count(), 1);
        assert!(write_into_index("<html></html>", "x", "y").is_err());
    }
}

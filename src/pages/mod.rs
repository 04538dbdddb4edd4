//! The static pages (issue 20): one per agency (`agentur/<id>.html`) and per
//! Kreis or kreisfreie Stadt (`ort/<slug>.html`), each with its preview
//! image (`.png`, 1200×630) and, for agencies, a QR code of its address;
//! plus `sitemap.xml`, `robots.txt` and the open-data files under `data/`
//! ([`open_data`], issue 27). Made in memory by [`render_pages`]
//! as part of the whole renderer (`crate::site`, feature `ssr`): written by
//! `ia-prerender`, so one command refreshes everything after a data update,
//! and zipped by the maintenance page's publication package (issue 29).
//!
//! The pure parts (paths, slugs, head tags, JSON-LD, sitemap, the preview's
//! drawing) are `ia_core::pages`; the bodies are rendered with the app's
//! components in [`views`]; [`image`] turns SVG into PNG.

mod agency;
mod image;
mod open_data;
mod place;
mod start;
mod views;
pub(crate) mod words;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use ia_core::geo::{BBox, NRW_BBOX};
use ia_core::opendata::changes::ChangeLog;
use ia_core::opendata::Publisher;
use ia_core::pages::seo::{self, SiteUrl};
use ia_core::pages::{self as core_pages, Place, AGENCY_DIR, PLACE_DIR, UP};
use ia_core::static_map::{rings_from_geojson, Dot, Ring, StaticMap};
use ia_core::{Agency, DatasetMeta};

pub use crate::qr::qr_svg;
pub use image::{Rasterizer, QR_PNG_SCALE};
pub use open_data::{open_data_files, OpenDataInputs};
pub use start::{head_of_index, write_head_into_index};

use crate::i18n::{fill, german};

/// Files by their path relative to the site's folder (`index.html`,
/// `agentur/<id>.html`, …), in path order: what each kind of page writes and
/// what the whole renderer (`crate::site`) returns.
pub type Files = BTreeMap<String, Vec<u8>>;

/// What the pages are made from.
pub struct Inputs<'a> {
    pub agencies: &'a [Agency],
    pub meta: &'a DatasetMeta,
    /// `data/boundaries/nrw-land.geojson` and `nrw-kreise.geojson`.
    pub land: &'a str,
    pub kreise: &'a str,
    /// The site's address, for canonical URLs, the sitemap and QR codes.
    pub site: Option<SiteUrl>,
    /// `config.json`'s `report_url` ("Fehler melden").
    pub report_url: &'a str,
    /// `config.json`'s network directory, checked (offered where a record
    /// has no contact).
    pub directory_url: Option<&'a str>,
    /// The app's hashed stylesheet (`app-<hash>.css`), which the pages share.
    pub stylesheet: &'a str,
    /// `index.html`'s own title and description (for its link preview).
    pub index_head: (&'a str, &'a str),
    /// The size of the dataset file the site serves (for the catalogue record).
    pub json_bytes: usize,
    /// The committed change list per "Stand" (`data/changes.json`), if there.
    pub changes: Option<&'a ChangeLog>,
    /// Who publishes the data (from `config.json`).
    pub publisher: &'a Publisher,
}

/// What was written, for the build's log.
#[derive(Debug, Default)]
pub struct Written {
    pub agency_pages: usize,
    pub place_pages: usize,
    pub html_bytes: usize,
    pub png_files: usize,
    pub png_bytes: usize,
    pub largest_png: usize,
    pub sitemap: bool,
    /// The open-data files (`data/agencies.csv`, `.geojson`, `dcat.ttl`, `index.html`).
    pub open_data_files: usize,
    /// The start page's link-preview tags (`index.html`; see [`start`]).
    pub start_head: String,
}

impl Written {
    /// The counts of `files` (the pages' files, without index.html).
    pub fn of(files: &Files, start_head: String) -> Written {
        let mut written = Written {
            sitemap: files.contains_key("sitemap.xml"),
            start_head,
            ..Written::default()
        };
        for (path, bytes) in files {
            let in_dir = |dir: &str| path.strip_prefix(dir).is_some_and(|p| p.starts_with('/'));
            if path.ends_with(".png") {
                written.png_files += 1;
                written.png_bytes += bytes.len();
                written.largest_png = written.largest_png.max(bytes.len());
            } else if path.ends_with(".html") && in_dir(AGENCY_DIR) {
                written.agency_pages += 1;
                written.html_bytes += bytes.len();
            } else if path.ends_with(".html") && in_dir(PLACE_DIR) {
                written.place_pages += 1;
                written.html_bytes += bytes.len();
            }
            if open_data::is_open_data_file(path) {
                written.open_data_files += 1;
            }
        }
        written
    }
}

impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} agency pages, {} place pages ({} KB HTML), {} open-data files, {} PNG images ({} KB, largest {} KB), {}",
            self.agency_pages,
            self.place_pages,
            self.html_bytes / 1024,
            self.open_data_files,
            self.png_files,
            self.png_bytes / 1024,
            self.largest_png / 1024,
            if self.sitemap {
                "sitemap.xml"
            } else {
                "no sitemap.xml (no site address: set IA_SITE_URL or config.json's site_url)"
            }
        )
    }
}

/// The stylesheet `index.html` links (`app-<hash>.css`).
pub fn stylesheet_of(index: &str) -> Option<String> {
    let start = index
        .find("href=\"./app-")
        .map(|at| at + "href=\"./".len())
        .or_else(|| index.find("href=\"app-").map(|at| at + "href=\"".len()))?;
    let end = start + index[start..].find('"')?;
    let name = &index[start..end];
    (name.ends_with(".css") && !name.contains(['/', '\\'])).then(|| name.to_owned())
}

/// The static pages' renderer: the inputs read once, then one agency
/// ([`Pages::agency`]), one place ([`Pages::place`]) or the rest
/// ([`Pages::rest`]) at a time, so the maintenance page can show its
/// progress between steps. [`render_pages`] runs every step.
pub struct Pages {
    agencies: Vec<Agency>,
    meta: DatasetMeta,
    places: Vec<Place>,
    /// `(title, "<slug>.html")` of every place, for the place pages' list.
    all_places: Vec<(String, String)>,
    land: Vec<Ring>,
    all_kreise: Vec<Ring>,
    all_dots: Vec<Dot>,
    site: Option<SiteUrl>,
    report_url: String,
    directory_url: Option<String>,
    stylesheet: String,
    index_head: (String, String),
    json_bytes: usize,
    changes: Option<ChangeLog>,
    publisher: Publisher,
    raster: Rasterizer,
}

impl Pages {
    pub fn new(inputs: &Inputs) -> Result<Pages, String> {
        let places =
            core_pages::places_from_geojson(inputs.kreise).map_err(|e| format!("Kreise: {e}"))?;
        let land = rings_from_geojson(inputs.land).map_err(|e| format!("NRW outline: {e}"))?;
        Ok(Pages {
            agencies: inputs.agencies.to_vec(),
            meta: inputs.meta.clone(),
            all_places: places
                .iter()
                .map(|p| (p.title(), format!("{}.html", p.slug())))
                .collect(),
            all_kreise: places.iter().flat_map(|p| p.rings.clone()).collect(),
            all_dots: inputs.agencies.iter().map(dot).collect(),
            places,
            land,
            site: inputs.site.clone(),
            report_url: inputs.report_url.to_owned(),
            directory_url: inputs.directory_url.map(str::to_owned),
            stylesheet: inputs.stylesheet.to_owned(),
            index_head: (
                inputs.index_head.0.to_owned(),
                inputs.index_head.1.to_owned(),
            ),
            json_bytes: inputs.json_bytes,
            changes: inputs.changes.cloned(),
            publisher: inputs.publisher.clone(),
            raster: Rasterizer::new(),
        })
    }

    pub fn n_agencies(&self) -> usize {
        self.agencies.len()
    }

    pub fn n_places(&self) -> usize {
        self.places.len()
    }

    /// The start page's preview image, the open-data files, `sitemap.xml`
    /// (with a site address) and `robots.txt`, and the start page's
    /// link-preview tags.
    pub fn rest(&self) -> Result<(Files, String), String> {
        let mut files = Files::new();
        let start_footer = footer(&self.meta);
        let start = start::Start {
            land: &self.land,
            kreise: &self.all_kreise,
            dots: &self.all_dots,
            footer: &start_footer,
        };
        let subtitle = start.subtitle();
        let image = self.raster.png(&start.preview(&subtitle).to_svg(), 1.0)?;
        files.insert(core_pages::START_IMAGE.into(), image);
        let (title, description) = &self.index_head;
        let start_head = start.head_tags((title, description), self.site.as_ref());
        files.extend(open_data_files(&OpenDataInputs {
            agencies: &self.agencies,
            meta: &self.meta,
            json_bytes: self.json_bytes,
            changes: self.changes.as_ref(),
            publisher: &self.publisher,
            site: self.site.as_ref(),
            stylesheet: &self.stylesheet,
        }));
        if let Some(site) = &self.site {
            let entries: Vec<(String, String)> = self
                .sitemap_entries()
                .into_iter()
                .map(|(path, lastmod)| (site.join(&path), lastmod))
                .collect();
            files.insert("sitemap.xml".into(), seo::sitemap(&entries).into_bytes());
        }
        files.insert(
            "robots.txt".into(),
            seo::robots(self.site.as_ref()).into_bytes(),
        );
        Ok((files, start_head))
    }

    /// `(path, lastmod)`: the start page (the dataset's "Stand"), each
    /// agency's page (its own date), each place's (its newest agency's) and
    /// the open-data page (the "Stand").
    fn sitemap_entries(&self) -> Vec<(String, String)> {
        let as_of = &self.meta.as_of;
        let mut entries = vec![(String::new(), as_of.clone())];
        for agency in &self.agencies {
            let lastmod = seo::agency_lastmod(agency).unwrap_or(as_of);
            entries.push((core_pages::agency_page(&agency.id), lastmod.to_owned()));
        }
        for place in &self.places {
            let lastmod = core_pages::agencies_in(place, &self.agencies)
                .iter()
                .filter_map(|&i| seo::agency_lastmod(&self.agencies[i]))
                .max()
                .unwrap_or(as_of);
            entries.push((core_pages::place_page(&place.slug()), lastmod.to_owned()));
        }
        entries.push((ia_core::opendata::DATA_PAGE.to_owned(), as_of.clone()));
        entries
    }
}

/// Every page, image and QR code in `agentur/` and `ort/`, the start page's
/// preview image, `sitemap.xml` (with a site address) and `robots.txt`, as
/// path → bytes (paths relative to the site's folder), in one go. The
/// folders `agentur/` and `ort/` are complete: whoever writes them replaces
/// the old ones as a whole, so pages of removed agencies disappear.
pub fn render_pages(inputs: &Inputs) -> Result<(Files, Written), String> {
    let pages = Pages::new(inputs)?;
    let mut files = Files::new();
    for i in 0..pages.n_agencies() {
        files.extend(pages.agency(i)?);
    }
    for i in 0..pages.n_places() {
        files.extend(pages.place(i)?);
    }
    let (rest, start_head) = pages.rest()?;
    files.extend(rest);
    let written = Written::of(&files, start_head);
    Ok((files, written))
}

/// "Integrationsagenturen in NRW finden · Stand 24.11.2026".
fn footer(meta: &DatasetMeta) -> String {
    let words = words::german();
    fill(
        words.footer,
        &[
            ("site", words.site_name),
            ("as_of", &german().as_of(&meta.as_of)),
        ],
    )
}

fn dot(agency: &Agency) -> Dot {
    Dot {
        lat: agency.location.lat,
        lon: agency.location.lon,
        servicestelle: agency.antidiscrimination,
    }
}

/// "Straße 1, 50667 Köln".
fn address(agency: &Agency) -> String {
    crate::ui::detail::address_lines(agency).join(", ")
}

/// The place (or NRW) with the dots, framed around both with a margin.
fn small_map(place: Option<&Place>, dots: &[Dot], land: &[Ring], title: &str) -> String {
    let points = place
        .and_then(Place::bbox)
        .into_iter()
        .flat_map(|b| [(b.south, b.west), (b.north, b.east)])
        .chain(dots.iter().map(|d| (d.lat, d.lon)));
    let bbox = BBox::around(points).map(pad).unwrap_or(NRW_BBOX);
    let outline: &[Ring] = match place {
        Some(place) => &place.rings,
        None => land,
    };
    StaticMap {
        bbox,
        land: outline,
        kreise: &[],
        dots,
        title,
        label: &place
            .map(Place::title)
            .unwrap_or_else(|| words::german().land.into()),
    }
    .to_svg()
}

/// A box with an eighth of its size added on every side (at least 0.02°).
fn pad(b: BBox) -> BBox {
    let dy = ((b.north - b.south) / 8.0).max(0.02);
    let dx = ((b.east - b.west) / 8.0).max(0.02);
    BBox {
        south: b.south - dy,
        west: b.west - dx,
        north: b.north + dy,
        east: b.east + dx,
    }
}

/// A whole page: head (tags, stylesheet, JSON-LD) and body. No script: the
/// JSON-LD is data (`type="application/ld+json"`), which the CSP's
/// `script-src` does not run.
fn document(head: &str, json_ld: Option<&str>, stylesheet: &str, body: &str) -> String {
    let mut html = String::with_capacity(body.len() + head.len() + 1024);
    html.push_str("<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\" class=\"static-page\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">\n<meta name=\"theme-color\" content=\"#1d4f91\">\n");
    html.push_str(head);
    let _ = write!(
        html,
        "\n<link rel=\"icon\" type=\"image/png\" sizes=\"192x192\" href=\"{UP}icons/icon-192.png\">\n<link rel=\"stylesheet\" href=\"{UP}{stylesheet}\">\n"
    );
    if let Some(json_ld) = json_ld {
        let _ = writeln!(
            html,
            "<script type=\"application/ld+json\">{json_ld}</script>"
        );
    }
    html.push_str("</head>\n<body>\n");
    html.push_str(body);
    html.push_str("\n</body>\n</html>\n");
    html
}

#[cfg(test)]
mod tests;

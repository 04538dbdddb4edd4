//! The build-time renderer as one function (issue 29): from the site's inputs
//! as bytes (the dataset, `config.json`, `index.html` as served, the
//! boundaries, the site address, today's date) to every file the data
//! determines, in memory (path → bytes). Feature `ssr`.
//!
//! `ia-prerender` (`src/bin/prerender.rs`) reads the inputs from `dist/` and
//! writes the result back; the maintenance page's publication package
//! (`crate::publish`, its own Wasm) fetches the same inputs from the site and
//! zips the result. One renderer, so the package and the build cannot drift
//! apart. Nothing here touches the file system or the clock: both fail at
//! run time in the browser.
//!
//! What it makes: `index.html` with the prerendered first view and its
//! link-preview tags (`crate::prerender`, `crate::pages::start`), the
//! complete folders `agentur/` and `ort/` with pages, preview images and QR
//! codes, `vorschau.png`, `robots.txt`, the open-data files under `data/`
//! (CSV, GeoJSON, the DCAT-AP.de record, the data page; issue 27) and, with a
//! site address, `sitemap.xml` (`crate::pages`).

use std::collections::BTreeSet;
use std::sync::Arc;

use ia_core::opendata::changes::ChangeLog;
use ia_core::opendata::{Publisher, CHANGES_PATH};
use ia_core::pages::seo::SiteUrl;
use ia_core::pages::{self as core_pages, AGENCY_DIR, PLACE_DIR};

use crate::config::{Config, DEFAULT_DATASET_URL};
use crate::load::Catalog;
use crate::pages::{head_of_index, stylesheet_of, write_head_into_index, Inputs, Pages};
use crate::prerender::{render_finder, static_map, write_into_index, Boundaries};

/// The renderer's output: the pages' type, the site's as a whole.
pub use crate::pages::Files;

/// The boundary files the maps are drawn from, relative to the site.
pub const LAND: &str = "data/boundaries/nrw-land.geojson";
pub const KREISE: &str = "data/boundaries/nrw-kreise.geojson";
/// The page the first view and the link-preview tags are written into.
pub const INDEX: &str = "index.html";
/// Written only with a site address (it names absolute URLs).
pub const SITEMAP: &str = "sitemap.xml";

/// What the renderer reads, as bytes.
pub struct SiteInputs<'a> {
    /// The dataset (`data/agencies.json` or config.json's `dataset_url`).
    pub dataset: &'a [u8],
    /// `config.json`; `None` when the site has none (the defaults apply).
    pub config: Option<&'a [u8]>,
    /// `index.html` as built or served (a first view already in it is
    /// replaced).
    pub index: &'a [u8],
    /// [`LAND`] and [`KREISE`].
    pub land: &'a [u8],
    pub kreise: &'a [u8],
    /// The change list per "Stand" ([`ia_core::opendata::CHANGES_PATH`],
    /// committed beside the dataset); `None` when the site has none.
    pub changes: Option<&'a [u8]>,
    /// The site's address when given apart from config.json (`IA_SITE_URL`
    /// for `ia-prerender`); else config.json's `site_url`; else none.
    pub site_url: Option<&'a str>,
    /// The day the files are made (`YYYY-MM-DD`), for what says when it
    /// was made (the package's `LIESMICH.txt`). The pages themselves are
    /// dated by the dataset's "Stand", so the same data gives the same bytes
    /// on any day.
    pub today: &'a str,
}

/// The site's own files the renderer reads, as bytes: read from `DIST` by
/// `ia-prerender`, handed over by the maintenance page for the package
/// (`src/bin/publish.rs`). [`SiteSources::inputs`] adds what does not come
/// from a file.
pub struct SiteSources {
    pub dataset: Vec<u8>,
    pub config: Option<Vec<u8>>,
    pub index: Vec<u8>,
    pub land: Vec<u8>,
    pub kreise: Vec<u8>,
    pub changes: Option<Vec<u8>>,
}

impl SiteSources {
    /// The renderer's inputs: these files, the site's address when given
    /// apart from config.json, and today (`YYYY-MM-DD`).
    pub fn inputs<'a>(&'a self, site_url: Option<&'a str>, today: &'a str) -> SiteInputs<'a> {
        SiteInputs {
            dataset: &self.dataset,
            config: self.config.as_deref(),
            index: &self.index,
            land: &self.land,
            kreise: &self.kreise,
            changes: self.changes.as_deref(),
            site_url,
            today,
        }
    }
}

/// The rendered site.
pub struct Site {
    /// Every file written (not the dataset, which is an input).
    pub files: Files,
    /// Where the dataset belongs, relative to the site (config.json's
    /// `dataset_url` when it is a file of this site).
    pub dataset_path: String,
    /// The site address used (for canonical URLs, the sitemap, QR codes).
    pub site: Option<SiteUrl>,
    /// The dataset's "Stand".
    pub as_of: String,
    pub today: String,
    pub n_agencies: usize,
    pub n_skipped: usize,
    /// The ids of the agencies, in dataset order.
    pub ids: Vec<String>,
    /// Sizes, for the build's log.
    pub map_bytes: usize,
    pub pages: crate::pages::Written,
}

impl Site {
    /// "104 agencies (Stand …; 0 records skipped) …": the build's log line.
    pub fn summary(&self) -> String {
        format!(
            "{} agencies (Stand {}; {} records skipped) from {}; index.html {} bytes (static map {} bytes); {}",
            self.n_agencies,
            self.as_of,
            self.n_skipped,
            self.dataset_path,
            self.files.get(INDEX).map_or(0, Vec::len),
            self.map_bytes,
            self.pages
        )
    }

    /// Of the files a site had (`previous`, paths relative to it), those the
    /// renderer owns (in `agentur/` and `ort/`, and `sitemap.xml`) that this
    /// rendering no longer has: pages and images of removed agencies, and a
    /// sitemap when the site address is gone. Sorted, without duplicates.
    pub fn removed<I, S>(&self, previous: I) -> Vec<String>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let owned = |path: &str| {
            path == SITEMAP
                || [AGENCY_DIR, PLACE_DIR]
                    .iter()
                    .any(|dir| path.strip_prefix(dir).is_some_and(|p| p.starts_with('/')))
        };
        previous
            .into_iter()
            .map(|path| path.as_ref().to_owned())
            .filter(|path| owned(path) && !self.files.contains_key(path))
            .collect::<BTreeSet<String>>()
            .into_iter()
            .collect()
    }
}

/// The paths an agency's files have: its page and preview image, and with a
/// site address its QR code as SVG and PNG.
pub fn agency_files(id: &str, with_site: bool) -> Vec<String> {
    let mut paths = vec![core_pages::agency_page(id), core_pages::agency_image(id)];
    if with_site {
        paths.push(core_pages::agency_qr(id, "svg"));
        paths.push(core_pages::agency_qr(id, "png"));
    }
    paths
}

/// Where the site's dataset is: config.json's `dataset_url` when it is a
/// file of this site (a relative path), else `data/agencies.json`.
pub fn dataset_path(config: &Config) -> String {
    config
        .dataset_url
        .split(['?', '#'])
        .next()
        .filter(|url| !url.is_empty() && !url.contains(':') && !url.starts_with('/'))
        .unwrap_or(DEFAULT_DATASET_URL)
        .to_owned()
}

/// config.json read, or the defaults when the site has none.
pub fn read_config(config: Option<&[u8]>) -> Result<Config, String> {
    match config {
        Some(bytes) => {
            let text = std::str::from_utf8(bytes).map_err(|e| format!("config.json: {e}"))?;
            let config = Config::from_json(text);
            // Keys that cannot be used keep their defaults (listed in
            // `ignored`, as the app does); a file that is not a JSON object
            // is an error here: whoever renders the site is there to fix it.
            match config.ignored.iter().find(|part| part.key.is_none()) {
                Some(part) => Err(part.to_string()),
                None => Ok(config),
            }
        }
        None => Ok(Config::default()),
    }
}

/// The site's address: `given`, else config.json's `site_url`; none when
/// both are unset or empty. A value that is not an http(s) folder address
/// is an error, not silently dropped.
pub fn site_url(given: Option<&str>, config: Option<&[u8]>) -> Result<Option<SiteUrl>, String> {
    let from_config = read_config(config).ok().map(|config| config.site_url);
    match given
        .map(str::to_owned)
        .filter(|v| !v.trim().is_empty())
        .or(from_config.filter(|v| !v.trim().is_empty()))
    {
        None => Ok(None),
        Some(text) => SiteUrl::parse(&text).map(Some).ok_or_else(|| {
            format!("site address {text:?} (IA_SITE_URL or config.json's site_url) is not an http(s) URL without query")
        }),
    }
}

/// Who compiled the dataset (its `source.text` says so): the publisher of
/// the open data unless config.json's `publisher_name` names another.
pub const DEFAULT_PUBLISHER_NAME: &str = "Projekt ia-map";

/// Who publishes the open data and whom to ask, from config.json.
pub fn publisher(config: &Config) -> Publisher {
    Publisher::new(
        &config.publisher_name,
        &config.publisher_url,
        &config.contact_email,
        DEFAULT_PUBLISHER_NAME,
    )
}

fn text<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str, String> {
    std::str::from_utf8(bytes).map_err(|e| format!("{name}: {e}"))
}

/// The renderer, step by step: [`Renderer::new`] reads the inputs (and
/// fails early on bad ones), each of the [`Renderer::steps`] steps makes a
/// few files (one agency's, one place's, last the start page with the rest),
/// [`Renderer::finish`] collects them. The maintenance page shows its
/// progress between steps; [`render_site`] runs them all at once.
pub struct Renderer {
    pages: Pages,
    catalog: Arc<Catalog>,
    config: Config,
    index: String,
    land: String,
    kreise: String,
    dataset_path: String,
    site: Option<SiteUrl>,
    today: String,
    /// The static map's size, for the build's log (known after the last step).
    map_bytes: std::cell::Cell<usize>,
}

impl Renderer {
    pub fn new(inputs: &SiteInputs) -> Result<Renderer, String> {
        if !ia_core::validate::is_iso_date(inputs.today) {
            return Err(format!(
                "today {:?} is not a date (YYYY-MM-DD)",
                inputs.today
            ));
        }
        let index = text(inputs.index, INDEX)?;
        // Both markers first: a page without them fails before the slow part.
        write_head_into_index(&write_into_index(index, "", "")?, "")?;
        let config = read_config(inputs.config)?;
        let site = site_url(inputs.site_url, inputs.config)?;
        let dataset_path = dataset_path(&config);
        let loaded = ia_core::parse_dataset_bytes(inputs.dataset)
            .map_err(|e| format!("{dataset_path}: {e}"))?;
        let catalog = Arc::new(Catalog::new(loaded.meta, loaded.agencies, loaded.skipped));
        let land = text(inputs.land, LAND)?;
        let kreise = text(inputs.kreise, KREISE)?;
        let stylesheet =
            stylesheet_of(index).ok_or_else(|| format!("{INDEX}: no app-<hash>.css stylesheet"))?;
        let (title, description) = head_of_index(index)
            .ok_or_else(|| format!("{INDEX}: no <title> or meta description"))?;
        let changes = inputs
            .changes
            .map(|bytes| {
                serde_json::from_slice::<ChangeLog>(bytes)
                    .map_err(|e| format!("{CHANGES_PATH}: {e}"))
            })
            .transpose()?;
        let pages = Pages::new(&Inputs {
            agencies: &catalog.agencies,
            meta: &catalog.meta,
            land,
            kreise,
            site: site.clone(),
            report_url: &config.report_url,
            directory_url: config.checked_directory_url(),
            stylesheet: &stylesheet,
            index_head: (&title, &description),
            json_bytes: inputs.dataset.len(),
            changes: changes.as_ref(),
            publisher: &publisher(&config),
        })?;
        Ok(Renderer {
            pages,
            catalog,
            config,
            index: index.to_owned(),
            land: land.to_owned(),
            kreise: kreise.to_owned(),
            dataset_path,
            site,
            today: inputs.today.to_owned(),
            map_bytes: std::cell::Cell::new(0),
        })
    }

    /// One per agency, one per place, one for the start page and the rest.
    pub fn steps(&self) -> usize {
        self.pages.n_agencies() + self.pages.n_places() + 1
    }

    /// The files of step `i` (`0..steps()`, in any order).
    pub fn step(&self, i: usize) -> Result<Files, String> {
        let agencies = self.pages.n_agencies();
        let places = self.pages.n_places();
        if i < agencies {
            self.pages.agency(i)
        } else if i < agencies + places {
            self.pages.place(i - agencies)
        } else if i == agencies + places {
            self.start()
        } else {
            Err(format!("no step {i}"))
        }
    }

    /// `index.html` with the first view and the link-preview tags, and the
    /// pages' other files outside their folders (`vorschau.png`,
    /// `robots.txt`, `sitemap.xml`).
    fn start(&self) -> Result<Files, String> {
        let map = static_map(
            &self.catalog,
            &Boundaries {
                land: &self.land,
                kreise: &self.kreise,
            },
        )?;
        self.map_bytes.set(map.len());
        let body = render_finder(self.catalog.clone(), self.config.clone(), map);
        let (mut files, start_head) = self.pages.rest()?;
        let page = write_into_index(&self.index, &body, &self.catalog.meta.as_of)?;
        let page = write_head_into_index(&page, &start_head)?;
        files.insert(INDEX.to_owned(), page.into_bytes());
        Ok(files)
    }

    /// The site from every step's files.
    pub fn finish(self, files: Files) -> Site {
        let pages_only: Files = files
            .iter()
            .filter(|(path, _)| *path != INDEX)
            .map(|(path, bytes)| (path.clone(), bytes.clone()))
            .collect();
        let catalog = self.catalog;
        Site {
            pages: crate::pages::Written::of(&pages_only, String::new()),
            files,
            dataset_path: self.dataset_path,
            site: self.site,
            as_of: catalog.meta.as_of.clone(),
            today: self.today,
            n_agencies: catalog.agencies.len(),
            n_skipped: catalog.skipped.len(),
            ids: catalog.agencies.iter().map(|a| a.id.clone()).collect(),
            map_bytes: self.map_bytes.get(),
        }
    }
}

/// Renders everything the data determines (see the module's text).
pub fn render_site(inputs: &SiteInputs) -> Result<Site, String> {
    let renderer = Renderer::new(inputs)?;
    let mut files = Files::new();
    for i in 0..renderer.steps() {
        files.extend(renderer.step(i)?);
    }
    Ok(renderer.finish(files))
}

#[cfg(test)]
mod tests;

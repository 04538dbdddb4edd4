//! `ia-prerender DIST`: writes the finder's first view into `DIST/index.html`
//! from the dataset and boundaries in `DIST` (see `ia_map::prerender`), and
//! the static pages per agency and per Kreis with their images, QR codes,
//! `sitemap.xml` and `robots.txt` (see `ia_map::pages`).
//!
//! Run by `scripts/build.sh` after Trunk, and again on the web server after
//! a data update (`docs/deploy.md`): it reads only files inside `DIST`, so
//! the prebuilt binary is all that is needed there (no Rust toolchain).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use ia_core::pages::seo::SiteUrl;
use ia_map::config::Config;
use ia_map::load::Catalog;
use ia_map::pages::{head_of_index, stylesheet_of, write_head_into_index, write_pages, Inputs};
use ia_map::prerender::{render_finder, static_map, write_into_index, Boundaries};

const USAGE: &str = "usage: ia-prerender DIST\n\nWrites the finder's first view (list, filters, static map, \"Stand\") into\nDIST/index.html from DIST/config.json's dataset (a relative path), or\nDIST/data/agencies.json, and DIST/data/boundaries/; and a page per agency\n(DIST/agentur/) and per Kreis (DIST/ort/) with preview images, QR codes,\nDIST/sitemap.xml and DIST/robots.txt. Run it again after replacing the\ndataset.\n\nThe site's public address (for canonical URLs, the sitemap and QR codes):\nthe environment variable IA_SITE_URL, else config.json's \"site_url\"\n(e.g. https://karte.example.org/integrationsagenturen/). Without it, the\npages leave out only what needs it.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dist = match args.as_slice() {
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        [dist] => PathBuf::from(dist),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&dist) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("ia-prerender: {err}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(dist: &Path) -> Result<String, String> {
    let config_text = std::fs::read_to_string(dist.join("config.json")).ok();
    let config = match &config_text {
        Some(text) => Config::from_json(text).map_err(|e| format!("config.json: {e}"))?,
        None => Config::default(),
    };
    let site = site_url(config_text.as_deref())?;
    // The dataset the page will load: config.json's, when it is a file of
    // this site; else the default path.
    let dataset_path = config
        .dataset_url
        .split(['?', '#'])
        .next()
        .filter(|url| !url.is_empty() && !url.contains(':') && !url.starts_with('/'))
        .unwrap_or(ia_map::config::DEFAULT_DATASET_URL)
        .to_owned();
    let bytes = std::fs::read(dist.join(&dataset_path))
        .map_err(|e| format!("{}: {e}", dist.join(&dataset_path).display()))?;
    let loaded =
        ia_core::parse_dataset_bytes(&bytes).map_err(|e| format!("{dataset_path}: {e}"))?;
    let as_of = loaded.meta.as_of.clone();
    let n_agencies = loaded.agencies.len();
    let n_skipped = loaded.skipped.len();
    let started = std::time::Instant::now();
    let report_url = config.report_url.clone();
    let directory_url = config.checked_directory_url().map(str::to_owned);
    let publisher = publisher(config_text.as_deref());
    // The change list per Stand, committed beside the dataset (optional: a
    // deployment's own dataset may come without one).
    let changes_path = dist.join(ia_core::opendata::CHANGES_PATH);
    let changes = match std::fs::read_to_string(&changes_path) {
        Ok(text) => Some(
            serde_json::from_str::<ia_core::opendata::changes::ChangeLog>(&text)
                .map_err(|e| format!("{}: {e}", changes_path.display()))?,
        ),
        Err(_) => None,
    };
    let json_bytes = bytes.len();
    let catalog = Arc::new(Catalog::new(loaded.meta, loaded.agencies, loaded.skipped));
    let land = read(&dist.join("data/boundaries/nrw-land.geojson"))?;
    let kreise = read(&dist.join("data/boundaries/nrw-kreise.geojson"))?;
    let map = static_map(
        &catalog,
        &Boundaries {
            land: &land,
            kreise: &kreise,
        },
    )?;
    let map_bytes = map.len();
    let body = render_finder(catalog.clone(), config, map);
    let index_path = dist.join("index.html");
    let index = read(&index_path)?;
    let stylesheet = stylesheet_of(&index)
        .ok_or_else(|| format!("{}: no app-<hash>.css stylesheet", index_path.display()))?;
    let (title, description) = head_of_index(&index)
        .ok_or_else(|| format!("{}: no <title> or meta description", index_path.display()))?;
    let pages = write_pages(
        dist,
        &Inputs {
            agencies: &catalog.agencies,
            meta: &catalog.meta,
            land: &land,
            kreise: &kreise,
            site,
            report_url: &report_url,
            directory_url: directory_url.as_deref(),
            stylesheet: &stylesheet,
            index_head: (&title, &description),
            json_bytes,
            changes: changes.as_ref(),
            publisher: &publisher,
        },
    )?;
    let page = write_into_index(&index, &body, &as_of)?;
    let page = write_head_into_index(&page, &pages.start_head)?;
    std::fs::write(&index_path, &page).map_err(|e| format!("{}: {e}", index_path.display()))?;
    Ok(format!(
        "ia-prerender: {} agencies (Stand {as_of}; {n_skipped} records skipped) from {dataset_path} written into {} ({} bytes, static map {map_bytes} bytes); {pages}; in {:.1} s",
        n_agencies,
        index_path.display(),
        page.len(),
        started.elapsed().as_secs_f64()
    ))
}

/// Who publishes the open data and whom to ask: config.json's
/// `publisher_name`, `publisher_url` and `contact_email` (keys only this
/// program reads, like `site_url`); the name defaults to the dataset's
/// compiler, an unusable URL or address is left out.
fn publisher(config: Option<&str>) -> ia_core::opendata::Publisher {
    let value = config
        .and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok())
        .unwrap_or_default();
    let key = |name: &str| value.get(name).and_then(|v| v.as_str()).unwrap_or("");
    ia_core::opendata::Publisher::new(
        key("publisher_name"),
        key("publisher_url"),
        key("contact_email"),
        DEFAULT_PUBLISHER_NAME,
    )
}

/// Who compiled the dataset (its `source.text` says so): the publisher of
/// the open data unless a deployment names itself.
const DEFAULT_PUBLISHER_NAME: &str = "Projekt ia-map";

/// The site's address: `IA_SITE_URL`, else config.json's `site_url`; none
/// when both are unset or empty. A value that is not an http(s) folder
/// address is an error, not silently dropped.
fn site_url(config: Option<&str>) -> Result<Option<SiteUrl>, String> {
    let from_env = std::env::var("IA_SITE_URL")
        .ok()
        .filter(|v| !v.trim().is_empty());
    let from_config = config
        .and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok())
        .and_then(|value| value.get("site_url")?.as_str().map(str::to_owned))
        .filter(|v| !v.trim().is_empty());
    match from_env.or(from_config) {
        None => Ok(None),
        Some(text) => SiteUrl::parse(&text).map(Some).ok_or_else(|| {
            format!("site address {text:?} (IA_SITE_URL or config.json's site_url) is not an http(s) URL without query")
        }),
    }
}

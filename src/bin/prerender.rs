//! `ia-prerender DIST`: writes the finder's first view into `DIST/index.html`
//! from the dataset and boundaries in `DIST` (see `ia_map::prerender`).
//!
//! Run by `scripts/build.sh` after Trunk, and again on the web server after
//! a data update (`docs/deploy.md`): it reads only files inside `DIST`, so
//! the prebuilt binary is all that is needed there (no Rust toolchain).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use ia_map::config::Config;
use ia_map::load::Catalog;
use ia_map::prerender::{render_finder, static_map, write_into_index, Boundaries};

const USAGE: &str = "usage: ia-prerender DIST\n\nWrites the finder's first view (list, filters, static map, \"Stand\") into\nDIST/index.html from DIST/config.json's dataset (a relative path), or\nDIST/data/agencies.json, and DIST/data/boundaries/. Run it again after\nreplacing the dataset.";

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
    let config = match std::fs::read_to_string(dist.join("config.json")) {
        Ok(text) => Config::from_json(&text).map_err(|e| format!("config.json: {e}"))?,
        Err(_) => Config::default(),
    };
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
    let body = render_finder(catalog, config, map);
    let index_path = dist.join("index.html");
    let page = write_into_index(&read(&index_path)?, &body, &as_of)?;
    std::fs::write(&index_path, &page).map_err(|e| format!("{}: {e}", index_path.display()))?;
    Ok(format!(
        "ia-prerender: {} agencies (Stand {as_of}; {n_skipped} records skipped) from {dataset_path} written into {} ({} bytes, static map {map_bytes} bytes)",
        n_agencies,
        index_path.display(),
        page.len()
    ))
}

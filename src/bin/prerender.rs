//! `ia-prerender DIST`: writes the finder's first view into `DIST/index.html`
//! from the dataset and boundaries in `DIST`, and the static pages per
//! agency and per Kreis with their images, QR codes, `sitemap.xml` and
//! `robots.txt`: everything `ia_map::site::render_site` makes from the
//! site's files, written back into `DIST`.
//!
//! Last, it brings the compressed copies (`.gz`, `.br`) of the folder's files
//! in step with them (see `ia_map::precompress`).
//!
//! Run by `scripts/build.sh` after Trunk, and again on the web server after
//! a data update (`docs/deploy.md`): it reads only files inside `DIST`, so
//! the prebuilt binary is all that is needed there (no Rust toolchain).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ia_core::pages::{AGENCY_DIR, PLACE_DIR};
use ia_map::site::{self, Site, SiteSources, KREISE, LAND, SITEMAP};

const USAGE: &str = "usage: ia-prerender [--no-precompress] DIST\n\nWrites the finder's first view (list, filters, static map, \"Stand\") into\nDIST/index.html from DIST/config.json's dataset (a relative path), or\nDIST/data/agencies.json, and DIST/data/boundaries/; and a page per agency\n(DIST/agentur/) and per Kreis (DIST/ort/) with preview images, QR codes,\nDIST/sitemap.xml and DIST/robots.txt. Run it again after replacing the\ndataset: the folders agentur/ and ort/ are written anew, so the pages of\nremoved agencies disappear.\n\nThe site's public address (for canonical URLs, the sitemap and QR codes):\nthe environment variable IA_SITE_URL, else config.json's \"site_url\"\n(e.g. https://karte.example.org/integrationsagenturen/). Without it, the\npages leave out only what needs it.\n\nLast, every text and Wasm file in DIST gets compressed copies beside it\n(FILE.gz, FILE.br) for servers that send them as they are (nginx gzip_static,\nCaddy precompressed); copies out of step with their file are written anew,\nthose of removed files removed. Not config.json or the dataset, which are\nreplaced by hand. --no-precompress removes the copies instead.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (precompress, dist) = match args.as_slice() {
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        [flag, dist] if flag == "--no-precompress" => (false, PathBuf::from(dist)),
        [dist] if !dist.starts_with('-') => (true, PathBuf::from(dist)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&dist, precompress) {
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

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(dist: &Path, precompress: bool) -> Result<String, String> {
    let started = std::time::Instant::now();
    let config = std::fs::read(dist.join("config.json")).ok();
    // Read as the app reads it, key by key; each ignored key is said here,
    // where the operator looks (a file that is not a JSON object is an error).
    let parsed = site::read_config(config.as_deref())?;
    for part in &parsed.ignored {
        eprintln!("ia-prerender: warning: {part}");
    }
    let dataset_path = site::dataset_path(&parsed);
    let sources = SiteSources {
        dataset: read(&dist.join(&dataset_path))?,
        config,
        index: read(&dist.join(site::INDEX))?,
        land: read(&dist.join(LAND))?,
        kreise: read(&dist.join(KREISE))?,
        // The change list per Stand, committed beside the dataset (optional:
        // a deployment's own dataset may come without one).
        changes: std::fs::read(dist.join(ia_core::opendata::CHANGES_PATH)).ok(),
    };
    let given = std::env::var("IA_SITE_URL").ok();
    let today = ia_core::date::from_unix_seconds(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    );
    let site = site::render_site(&sources.inputs(given.as_deref(), &today))?;
    let removed = write(dist, &site)?;
    let rendered = started.elapsed().as_secs_f64();
    let compressing = std::time::Instant::now();
    let copies = ia_map::precompress::refresh(
        dist,
        &[
            ia_map::config::CONFIG_URL,
            ia_map::config::DEFAULT_DATASET_URL,
            dataset_path.trim_start_matches("./"),
        ],
        precompress,
    )?;
    Ok(format!(
        "ia-prerender: {}; written into {}; {} files of the previous build removed; in {rendered:.1} s\nia-prerender: {copies}; in {:.1} s",
        site.summary(),
        dist.display(),
        removed.len(),
        compressing.elapsed().as_secs_f64()
    ))
}

/// Writes the site's files into `dist`: `agentur/` and `ort/` anew (so
/// pages of removed agencies disappear), every other file in place, and an
/// earlier run's `sitemap.xml` removed when there is none now (it would
/// name another address). Returns the files that were removed.
fn write(dist: &Path, site: &Site) -> Result<Vec<String>, String> {
    let mut previous = Vec::new();
    for dir in [AGENCY_DIR, PLACE_DIR] {
        let path = dist.join(dir);
        if path.exists() {
            for entry in std::fs::read_dir(&path).map_err(|e| format!("{}: {e}", path.display()))? {
                let entry = entry.map_err(|e| format!("{}: {e}", path.display()))?;
                let name = entry.file_name().to_string_lossy().into_owned();
                // Compressed copies are not the renderer's: ia_map::precompress
                // brings them in step below.
                if !name.ends_with(".gz") && !name.ends_with(".br") {
                    previous.push(format!("{dir}/{name}"));
                }
            }
            std::fs::remove_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    if dist.join(SITEMAP).exists() {
        previous.push(SITEMAP.to_owned());
    }
    let removed = site.removed(&previous);
    if removed.iter().any(|path| path == SITEMAP) {
        let path = dist.join(SITEMAP);
        std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    for (path, bytes) in &site.files {
        let full = dist.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&full, bytes).map_err(|e| format!("{}: {e}", full.display()))?;
    }
    Ok(removed)
}

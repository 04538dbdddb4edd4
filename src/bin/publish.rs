//! The publication package's Wasm (issue 29): the build-time renderer
//! (`ia_map::site`, feature `ssr`) and the package (`ia_map::publish`) for
//! the maintenance page, which imports this program's glue only when staff
//! ask for the package (`src/bin/upkeep/package.rs`). Built by
//! `scripts/build-publish.sh` (not Trunk), never loaded by residents.
//!
//! The page hands over the inputs as bytes ([`begin`]), runs the steps one
//! by one ([`step`], so it can show its progress between them) and takes the
//! ZIP ([`finish`]) and what is in it ([`described`]). One package at a time.

use std::cell::RefCell;

use ia_map::publish;
use ia_map::site::{Files, Renderer, Site, SiteSources};
use wasm_bindgen::prelude::*;

fn main() {}

/// The package being made.
struct Job {
    renderer: Renderer,
    files: Files,
    dataset: Vec<u8>,
    previous: Option<Vec<u8>>,
}

/// The package made last, for [`described`].
struct Made {
    site: Site,
    removed: Vec<String>,
    bytes: usize,
}

thread_local! {
    static JOB: RefCell<Option<Job>> = const { RefCell::new(None) };
    static MADE: RefCell<Option<Made>> = const { RefCell::new(None) };
}

fn error(message: impl AsRef<str>) -> JsError {
    JsError::new(message.as_ref())
}

/// Reads the inputs (the checked dataset, the site's config.json, index.html
/// and boundaries as served, the change list per Stand if the site has
/// one, the published dataset the package replaces,
/// today as `YYYY-MM-DD`) and returns the number of steps.
// The page hands every input over in one call (each a byte array from JS).
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn begin(
    dataset: Vec<u8>,
    config: Option<Vec<u8>>,
    index: Vec<u8>,
    land: Vec<u8>,
    kreise: Vec<u8>,
    changes: Option<Vec<u8>>,
    previous: Option<Vec<u8>>,
    today: String,
) -> Result<usize, JsError> {
    // In the console only: the maintenance page says what failed.
    std::panic::set_hook(Box::new(console_error_panic_hook::hook));
    let sources = SiteSources {
        dataset,
        config,
        index,
        land,
        kreise,
        changes,
    };
    let renderer = Renderer::new(&sources.inputs(None, &today)).map_err(error)?;
    let steps = renderer.steps();
    JOB.with_borrow_mut(|job| {
        *job = Some(Job {
            renderer,
            files: Files::new(),
            dataset: sources.dataset,
            previous,
        })
    });
    Ok(steps)
}

/// Makes the files of step `i` (`0..steps`).
#[wasm_bindgen]
pub fn step(i: usize) -> Result<(), JsError> {
    JOB.with_borrow_mut(|job| {
        let job = job.as_mut().ok_or_else(|| error("no package begun"))?;
        let files = job.renderer.step(i).map_err(error)?;
        job.files.extend(files);
        Ok(())
    })
}

/// The ZIP, once every step is done.
#[wasm_bindgen]
pub fn finish() -> Result<Vec<u8>, JsError> {
    let job = JOB
        .with_borrow_mut(Option::take)
        .ok_or_else(|| error("no package begun"))?;
    if job.files.is_empty() {
        return Err(error("no step done"));
    }
    let site = job.renderer.finish(job.files);
    let removed = job
        .previous
        .map(|previous| site.removed(publish::previous_files(&previous, &site)))
        .unwrap_or_default();
    let bytes = publish::zip(&site, &job.dataset, &removed).map_err(error)?;
    MADE.with_borrow_mut(|made| {
        *made = Some(Made {
            site,
            removed,
            bytes: bytes.len(),
        })
    });
    Ok(bytes)
}

/// What the last package holds, as JSON: `{"files", "bytes", "removed",
/// "site_url", "agencies"}` (files: entries in the ZIP; removed: the
/// paths the new data removes).
#[wasm_bindgen]
pub fn described() -> Result<String, JsError> {
    MADE.with_borrow(|made| {
        let made = made.as_ref().ok_or_else(|| error("no package made"))?;
        Ok(serde_json::json!({
            "files": made.site.files.len() + 2,
            "bytes": made.bytes,
            "removed": made.removed,
            "site_url": made.site.site.as_ref().map(|site| site.join("")),
            "agencies": made.site.n_agencies,
        })
        .to_string())
    })
}

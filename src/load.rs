//! Fetching the config and the dataset over HTTP.
//!
//! gloo-net does not treat HTTP error statuses as errors, so every response's
//! status is checked here. Errors keep their cause ([`LoadError`]) so the UI
//! can say what went wrong instead of a generic failure.

use std::collections::HashMap;
use std::sync::Arc;

use gloo_net::http::Request;
use ia_core::filter::Index;
use ia_core::suggest::PlaceSearch;
use ia_core::{
    parse_dataset_bytes, Agency, DatasetError, DatasetMeta, LoadedDataset, RecordProblem,
};

use crate::config::{Config, CONFIG_URL, DEFAULT_DATASET_URL};
use crate::i18n::{self, Lang, Texts};

/// Why the dataset could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The server answered with an error status.
    Http { url: String, status: u16 },
    /// No answer at all (offline, DNS, CORS, blocked).
    Network { url: String, message: String },
    /// The answer was not a usable dataset.
    Format(DatasetError),
    /// The configured dataset URL is not allowed.
    ForbiddenUrl(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Http { url, status } => write!(f, "{url}: HTTP status {status}"),
            LoadError::Network { url, message } => write!(f, "{url}: {message}"),
            LoadError::Format(err) => write!(f, "dataset: {err}"),
            LoadError::ForbiddenUrl(url) => {
                write!(f, "dataset URL not allowed by config.json: {url}")
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// The loaded dataset with its search index, shared read-only by the UI.
#[derive(Debug)]
pub struct Catalog {
    pub meta: DatasetMeta,
    pub agencies: Vec<Agency>,
    pub index: Index,
    /// Type-ahead over `index.places()`.
    pub place_search: PlaceSearch,
    pub skipped: Vec<RecordProblem>,
    /// Agency id → position in `agencies` (ids are unique after loading).
    positions: HashMap<String, usize>,
}

impl Catalog {
    pub fn new(meta: DatasetMeta, agencies: Vec<Agency>, skipped: Vec<RecordProblem>) -> Catalog {
        let index = Index::with_kreise(&agencies, &meta.kreise);
        let place_search = PlaceSearch::new(index.places());
        let positions = agencies
            .iter()
            .enumerate()
            .map(|(position, agency)| (agency.id.clone(), position))
            .collect();
        Catalog {
            meta,
            agencies,
            index,
            place_search,
            skipped,
            positions,
        }
    }

    pub fn position_of(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }
}

/// Fetches a URL, turning HTTP error statuses into errors.
async fn fetch_ok(url: &str) -> Result<gloo_net::http::Response, LoadError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|err| network_error(url, err))?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    Ok(response)
}

fn network_error(url: &str, err: gloo_net::Error) -> LoadError {
    LoadError::Network {
        url: url.to_owned(),
        message: err.to_string(),
    }
}

/// Fetches a URL as text, turning HTTP error statuses into errors.
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let response = fetch_ok(url).await?;
    response.text().await.map_err(|err| network_error(url, err))
}

/// Fetches a URL as bytes: for large files, copying bytes into Wasm is
/// several times cheaper than a JavaScript string (100,000 agencies: 73 MB).
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let response = fetch_ok(url).await?;
    response
        .binary()
        .await
        .map_err(|err| network_error(url, err))
}

/// Reads `config.json`, key by key: what cannot be used falls back to the
/// defaults, with a console warning for each part ([`Config::ignored`]).
async fn load_config() -> Config {
    let config = match fetch_text(CONFIG_URL).await {
        Ok(text) => Config::from_json(&text),
        Err(err) => Config::ignoring_file(format!("not loaded: {err}")),
    };
    for part in &config.ignored {
        leptos::logging::warn!("{part}");
    }
    config
}

/// Loads the config and the dataset it names, and builds the search index.
pub async fn load_config_and_catalog() -> (Config, Result<Arc<Catalog>, LoadError>) {
    let (config, loaded) = load_config_and_dataset().await;
    let catalog =
        loaded.map(|loaded| Arc::new(Catalog::new(loaded.meta, loaded.agencies, loaded.skipped)));
    (config, catalog)
}

/// Loads the config and the dataset it names, as read (the embed-code
/// generator needs no search index).
///
/// The default dataset is fetched at the same time as the config rather than
/// after it: the config names it in nearly every deployment, and index.html
/// preloads it anyway. A config naming another dataset costs one more fetch.
pub async fn load_config_and_dataset() -> (Config, Result<LoadedDataset, LoadError>) {
    let (config, early) =
        futures::future::join(load_config(), fetch_bytes(DEFAULT_DATASET_URL)).await;
    let bytes = match config.checked_dataset_url() {
        Some(DEFAULT_DATASET_URL) => early,
        Some(url) => fetch_bytes(url).await,
        None => Err(LoadError::ForbiddenUrl(config.dataset_url.clone())),
    };
    let loaded = bytes.and_then(|bytes| parse_dataset_bytes(&bytes).map_err(LoadError::Format));
    if let Ok(loaded) = &loaded {
        for problem in &loaded.skipped {
            leptos::logging::warn!("skipped {problem}");
        }
    }
    (config, loaded)
}

/// The texts of `lang`: German is compiled in; another language's file
/// (`locales/<tag>.json`) is fetched and checked. `Err` says why it could not
/// be used (missing, unreachable, or failing the check); the caller then
/// shows German.
pub async fn load_texts(lang: Lang) -> Result<&'static Texts, String> {
    if lang == Lang::De {
        return Ok(i18n::german());
    }
    let url = lang.file_url();
    let text = fetch_text(&url).await.map_err(|err| err.to_string())?;
    i18n::texts_from_file(lang, &text).map_err(|problems| format!("{url}: {}", problems.join("; ")))
}

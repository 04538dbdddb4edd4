//! "Veröffentlichungspaket herunterladen" (issue 29): after a check with
//! nothing rejected, one ZIP with everything in `dist/` the data determines,
//! made here in the browser by the build's own renderer. That renderer is a
//! Wasm of its own (`src/bin/publish.rs`, several MB), imported only when
//! the button is pressed: `pflege.html` names its hashed files in
//! `<meta name="ia-publish">` (scripts/build-publish.sh).
//!
//! The inputs are the checked dataset, the files the page fetched for the
//! check (the published dataset, the boundaries) and, fetched now, the
//! site's `config.json` and `index.html`. The steps run on this page's
//! thread with a pause after every 50 ms, so the progress bar moves and the
//! page stays usable (a worker would escape the phone profile's CPU
//! throttling, which Chromium applies to pages only, so the 20 s budget
//! could not be measured). Nothing is sent anywhere.

use std::rc::Rc;

use gloo_net::http::Request;
use ia_map::i18n::fill;
use ia_upkeep::import::Imported;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::check::Basis;
use crate::texts::Texts;

#[wasm_bindgen(inline_js = "export function import_module(url) { return import(url); }")]
extern "C" {
    /// `import(url)`: the module's namespace, once loaded.
    fn import_module(url: &str) -> js_sys::Promise;
}

#[wasm_bindgen]
extern "C" {
    /// The publication Wasm's glue module (`src/bin/publish.rs`).
    type PublishModule;
    #[wasm_bindgen(method, js_name = default)]
    fn init(this: &PublishModule, options: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(method, catch)]
    #[allow(clippy::too_many_arguments)]
    fn begin(
        this: &PublishModule,
        dataset: &[u8],
        config: &JsValue,
        index: &[u8],
        land: &[u8],
        kreise: &[u8],
        changes: &JsValue,
        previous: &[u8],
        today: &str,
    ) -> Result<u32, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn step(this: &PublishModule, i: u32) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn finish(this: &PublishModule) -> Result<js_sys::Uint8Array, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn described(this: &PublishModule) -> Result<String, JsValue>;
}

/// Where the package is.
#[derive(Clone, PartialEq)]
enum Phase {
    Idle,
    Loading,
    Working { done: u32, total: u32 },
    Done(Made),
    Failed(String),
}

/// A package made: what `described()` says, and how long it took.
#[derive(Clone, PartialEq, serde::Deserialize)]
struct Made {
    files: usize,
    bytes: usize,
    removed: Vec<String>,
    site_url: Option<String>,
    #[serde(skip)]
    millis: f64,
}

/// The offer, the progress and the outcome.
#[component]
pub fn PackageOffer(
    texts: &'static Texts,
    basis: Rc<Basis>,
    imported: Rc<Imported>,
) -> impl IntoView {
    let phase = RwSignal::new(Phase::Idle);
    // The ZIP made last for this check: a second click saves it again.
    let made: StoredValue<Option<Vec<u8>>, LocalStorage> = StoredValue::new_local(None);
    let file = format!(
        "veroeffentlichungspaket-{}.zip",
        imported.dataset.meta.as_of
    );
    let make = {
        let file = file.clone();
        move |_| {
            if made
                .with_value(|bytes| bytes.as_ref().map(|bytes| save(bytes, &file)))
                .is_some()
            {
                return;
            }
            if matches!(
                phase.get_untracked(),
                Phase::Loading | Phase::Working { .. }
            ) {
                return;
            }
            let (basis, imported, file) = (basis.clone(), imported.clone(), file.clone());
            phase.set(Phase::Loading);
            leptos::task::spawn_local(async move {
                let start = js_sys::Date::now();
                match make_package(&basis, &imported, phase).await {
                    Ok((bytes, mut described)) => {
                        described.millis = js_sys::Date::now() - start;
                        save(&bytes, &file);
                        made.set_value(Some(bytes));
                        phase.set(Phase::Done(described));
                    }
                    Err(error) => phase.set(Phase::Failed(error)),
                }
            });
        }
    };
    let busy = move || matches!(phase.get(), Phase::Loading | Phase::Working { .. });
    view! {
        <div class="pflege__package" data-testid="package">
            <p>{texts.package_intro}</p>
            <p>
                <button type="button" class="button" disabled=busy on:click=make>
                    {texts.package_button}
                </button>
            </p>
            {move || match phase.get() {
                Phase::Idle => ().into_any(),
                Phase::Loading => view! { <p role="status">{texts.package_loading}</p> }.into_any(),
                Phase::Working { done, total } => view! {
                    <p role="status">{texts.package_working}</p>
                    <p class="pflege__progress">
                        <progress max=total value=done aria-label=texts.package_working></progress>
                        " "
                        {fill(texts.package_progress, &[("done", &done.to_string()), ("total", &total.to_string())])}
                    </p>
                }
                .into_any(),
                Phase::Done(made) => done_view(texts, &made).into_any(),
                Phase::Failed(error) => view! {
                    <p class="pflege__error" role="alert">{fill(texts.package_failed, &[("error", &error)])}</p>
                }
                .into_any(),
            }}
        </div>
    }
}

fn done_view(texts: &'static Texts, made: &Made) -> impl IntoView {
    let summary = fill(
        texts.package_done,
        &[
            ("files", &made.files.to_string()),
            ("size", &megabytes(made.bytes)),
            ("seconds", &seconds(made.millis)),
        ],
    );
    let removed = if made.removed.is_empty() {
        texts.package_removes_nothing.to_owned()
    } else {
        fill(
            texts.package_removes,
            &[("n", &made.removed.len().to_string())],
        )
    };
    view! {
        <p role="status" class="pflege__summary" data-testid="package-done" data-millis=format!("{:.0}", made.millis)>{summary}</p>
        <p>{removed}</p>
        {made.site_url.is_none().then(|| view! { <p class="pflege__warning">{texts.package_no_site}</p> })}
    }
}

/// "7,3" (MB, one decimal, German comma).
fn megabytes(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / 1_048_576.0).replace('.', ",")
}

/// "12,4" (seconds, one decimal, German comma).
fn seconds(millis: f64) -> String {
    format!("{:.1}", millis / 1000.0).replace('.', ",")
}

fn save(bytes: &[u8], file: &str) {
    if let Err(error) = crate::save::save(bytes, "application/zip", file) {
        leptos::logging::error!("download: {error:?}");
    }
}

/// `<meta name="ia-publish" content="JS WASM">`: the hashed files.
fn publish_files() -> Option<(String, String)> {
    let meta = web_sys::window()?
        .document()?
        .query_selector("meta[name=\"ia-publish\"]")
        .ok()??;
    let content = meta.get_attribute("content")?;
    let (js, wasm) = content.split_once(' ')?;
    Some((js.to_owned(), wasm.trim().to_owned()))
}

/// A URL relative to the page, as an absolute one (what `import()` needs).
fn absolute(url: &str) -> Result<String, String> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .ok_or("no base address")?;
    web_sys::Url::new_with_base(url, &base)
        .map(|u| u.href())
        .map_err(|e| describe(&e))
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

/// A pause that lets the page paint and handle input.
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// A file of the site, or `None` when it has none (404).
async fn fetch_optional(url: &str) -> Result<Option<Vec<u8>>, String> {
    let response = Request::get(url)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|err| format!("{url}: {err}"))?;
    match response.status() {
        404 => Ok(None),
        _ if response.ok() => response
            .binary()
            .await
            .map(Some)
            .map_err(|err| format!("{url}: {err}")),
        status => Err(format!("{url}: HTTP {status}")),
    }
}

async fn make_package(
    basis: &Basis,
    imported: &Imported,
    phase: RwSignal<Phase>,
) -> Result<(Vec<u8>, Made), String> {
    let (js, wasm) = publish_files().ok_or("pflege.html names no publication Wasm (<meta name=\"ia-publish\">): build the site with scripts/build.sh")?;
    let (js, wasm) = (absolute(&js)?, absolute(&wasm)?);
    let (config, index, changes) = futures::join!(
        fetch_optional("config.json"),
        fetch_optional("index.html"),
        fetch_optional(ia_core::opendata::CHANGES_PATH)
    );
    let (config, index, changes) = (config?, index?.ok_or("index.html: not found")?, changes?);
    let module: PublishModule = JsFuture::from(import_module(&js))
        .await
        .map_err(|e| format!("{js}: {}", describe(&e)))?
        .unchecked_into();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"module_or_path".into(), &wasm.as_str().into())
        .map_err(|e| describe(&e))?;
    JsFuture::from(module.init(&options))
        .await
        .map_err(|e| format!("{wasm}: {}", describe(&e)))?;
    let optional = |bytes: Option<Vec<u8>>| {
        bytes.map_or(JsValue::UNDEFINED, |bytes| {
            js_sys::Uint8Array::from(bytes.as_slice()).into()
        })
    };
    let (config, changes) = (optional(config), optional(changes));
    let total = module
        .begin(
            imported.text.as_bytes(),
            &config,
            &index,
            basis.fetched.land.as_bytes(),
            basis.fetched.kreise.as_bytes(),
            &changes,
            basis.fetched.previous.as_bytes(),
            &crate::check::today(),
        )
        .map_err(|e| describe(&e))?;
    phase.set(Phase::Working { done: 0, total });
    pause().await;
    let mut since = js_sys::Date::now();
    for i in 0..total {
        module.step(i).map_err(|e| describe(&e))?;
        if js_sys::Date::now() - since > 50.0 {
            phase.set(Phase::Working { done: i + 1, total });
            pause().await;
            since = js_sys::Date::now();
        }
    }
    phase.set(Phase::Working { done: total, total });
    pause().await;
    let bytes = module.finish().map_err(|e| describe(&e))?.to_vec();
    let described = module.described().map_err(|e| describe(&e))?;
    let made: Made = serde_json::from_str(&described).map_err(|e| e.to_string())?;
    Ok((bytes, made))
}

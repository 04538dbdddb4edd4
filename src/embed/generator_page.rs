//! The embed-code generator's own page (generator.html, issue 16): its own
//! binary (`src/bin/generator.rs`) calls [`start_generator`], so residents'
//! Wasm (the finder, `src/main.rs`) does not contain the generator, and the
//! generator's Wasm not the finder's list, map or filters. Both share this
//! library; link-time optimisation keeps in each only what it uses.
//!
//! Old links to the generator (`?view=embed`, from before it had its own
//! page) are sent here by the finder's `public/gate.js`, before any Wasm loads.

use ia_core::filter::{place_options, PlaceOption};
use leptos::prelude::*;

use super::generator::EmbedGenerator;
use crate::config::{Ignored, CONFIG_URL};
use crate::i18n::{Lang, Texts};
use crate::load::{load_config_and_dataset, LoadError};
use crate::ui::{qr_param, LoadFailed, Loading, QrCode, SiteHeader};

/// The page's file, next to index.html (relative: the site works under any
/// sub-path).
pub const PAGE: &str = "generator.html";

/// The places a partner can choose from, or why the dataset could not be loaded.
type Loaded = Result<std::sync::Arc<Vec<PlaceOption>>, LoadError>;

/// Installs the panic hook and mounts the generator page into `<body>`, in
/// the page's language (German is built in; another language's file is
/// fetched first, and German is used if it cannot be loaded).
pub fn start_generator() {
    crate::panic::install_hook();
    wasm_bindgen_futures::spawn_local(async move {
        let lang = Lang::for_page(crate::params::lang_from_location().as_deref());
        let texts = match crate::load::load_texts(lang).await {
            Ok(texts) => texts,
            Err(problem) => {
                leptos::logging::warn!("language {} not loaded: {problem}", lang.tag());
                crate::i18n::german()
            }
        };
        crate::i18n::set_page_texts(texts);
        if let Some(boot) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("boot"))
        {
            boot.remove();
        }
        leptos::mount::mount_to_body(move || view! { <GeneratorPage texts/> });
    });
}

/// The generator page: the site header with the language switcher, then the
/// generator once the dataset (its places) is loaded.
#[component]
fn GeneratorPage(texts: &'static Texts) -> impl IntoView {
    provide_context(texts);
    let lang = texts.lang();
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("lang", lang.tag());
            let _ = html.set_attribute("dir", lang.dir());
        }
        document.set_title(texts.embed_title);
    }
    // As in the finder (src/app.rs): loaded at start and again on "retry".
    let loaded: RwSignal<Option<Loaded>, LocalStorage> = RwSignal::new_local(None);
    // What of config.json was not used: shown here, the operators' page
    // (residents see only the console warnings).
    let ignored = RwSignal::new(Vec::<Ignored>::new());
    let load = move || {
        leptos::task::spawn_local(async move {
            let (config, dataset) = load_config_and_dataset().await;
            ignored.try_set(config.ignored);
            let places =
                dataset.map(|d| std::sync::Arc::new(place_options(&d.agencies, &d.meta.kreise)));
            loaded.try_set(Some(places));
        })
    };
    load();
    // Opened for a QR code (the finder's "QR-Code für Aushang/Flyer"): that
    // section first, filled in; else after the embed code.
    let qr = qr_param();
    let qr_first = qr.is_some();
    view! {
        <SiteHeader/>
        <main id="main">
            {move || ignored.with(|ignored| (!ignored.is_empty()).then(|| config_note(texts, ignored)))}
            {qr.map(|url| view! { <QrCode initial=url/> })}
            {move || match loaded.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Ok(places)) => view! { <EmbedGenerator places/> }.into_any(),
                Some(Err(error)) => {
                    leptos::logging::error!("dataset not loaded: {error}");
                    view! { <LoadFailed error on_retry=load/> }.into_any()
                }
            }}
            {(!qr_first).then(|| view! { <QrCode/> })}
        </main>
    }
}

/// For the site's operator: the parts of config.json that were not used and
/// why (docs/deploy.md, "config.json"). Keys and reasons are shown as text.
fn config_note(texts: &'static Texts, ignored: &[Ignored]) -> impl IntoView {
    let parts = ignored
        .iter()
        .map(|part| {
            let key = part.key.clone().unwrap_or_else(|| CONFIG_URL.to_owned());
            view! { <li><code>{key}</code>": "{part.reason.clone()}</li> }
        })
        .collect_view();
    view! {
        <div class="notice config-note" data-testid="config-note">
            <p>{texts.config_note}</p>
            <ul>{parts}</ul>
        </div>
    }
}

//! The NRW Integrationsagenturen finder: a Leptos single-page app.
//!
//! Layers (see ARCHITECTURE.md): `ia_core` (pure logic, no browser) →
//! [`load`] (fetching config and dataset) → [`ui`] (Leptos components) and
//! [`map`] (the only module that talks to Leaflet). [`i18n`] holds every
//! user-visible string.

#![recursion_limit = "256"]

pub mod app;
pub mod browser;
pub mod config;
pub mod embed;
pub mod i18n;
pub mod load;
pub mod map;
#[cfg(feature = "ssr")]
pub mod pages;
pub mod panic;
pub mod params;
pub mod parts;
#[cfg(feature = "ssr")]
pub mod precompress;
#[cfg(feature = "ssr")]
pub mod prerender;
#[cfg(feature = "ssr")]
pub mod publish;
pub mod qr;
#[cfg(feature = "ssr")]
pub mod site;
pub mod state;
pub mod takeover;
pub mod ui;

/// A skip link's click: moves focus to the element with `id` (or, while a
/// detail is open and the list is not there, to the detail's heading). The
/// link handles the click itself: the router would otherwise treat
/// `#results` as a navigation and drop the query string with every filter.
pub fn skip_to(event: web_sys::MouseEvent, id: &str) {
    use wasm_bindgen::JsCast;
    event.prevent_default();
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.get_element_by_id(id)
                .or_else(|| d.get_element_by_id("detail-title"))
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        let _ = target.focus();
    }
}

pub use embed::generator_page::start_generator;

/// Installs the panic hook and mounts the app into its own element at the
/// end of `<body>`, beside the prerendered first view it will replace
/// ([`takeover`]): at once in German (compiled in); in another language once
/// its file is loaded. That file is fetched at the same time as config and
/// dataset (public/gate.js has already preloaded it), and the app mounts as
/// soon as the texts are there. A missing or broken language file leaves the
/// page German, with a notice.
pub fn start() {
    panic::install_hook();
    let page = params::keep(params::from_location());
    let lang = i18n::Lang::for_page(page.lang.as_deref());
    if lang == i18n::Lang::De {
        mount(i18n::german(), page, None, false);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        use futures::future::{select, Either};
        let mut first_load: app::FirstLoad = Box::pin(load::load_config_and_catalog());
        let texts = Box::pin(load::load_texts(lang));
        let texts = match select(texts, &mut first_load).await {
            Either::Left((texts, _)) => texts,
            Either::Right((loaded, texts)) => {
                first_load = Box::pin(futures::future::ready(loaded));
                texts.await
            }
        };
        match texts {
            Ok(texts) => mount(texts, page, Some(first_load), false),
            Err(problem) => {
                leptos::logging::warn!(
                    "language {} not loaded, showing German: {problem}",
                    lang.tag()
                );
                mount(i18n::german(), page, Some(first_load), true);
            }
        }
    });
}

fn mount(
    texts: &'static i18n::Texts,
    page: &'static params::PageParams,
    first_load: Option<app::FirstLoad>,
    language_failed: bool,
) {
    use leptos::prelude::*;
    i18n::set_page_texts(texts);
    let app = move || match first_load {
        Some(first_load) => view! { <app::App texts page first_load language_failed/> }.into_any(),
        None => view! { <app::App texts page language_failed/> }.into_any(),
    };
    match takeover::app_root() {
        Some(root) => leptos::mount::mount_to(root, app).forget(),
        None => leptos::mount::mount_to_body(app),
    }
}

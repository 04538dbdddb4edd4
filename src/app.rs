//! The root component: loads config and dataset, then shows the finder or a
//! clear error with a retry button. Holds only layout, no logic.

use ia_core::embed::{EmbedOptions, ListPosition};
use leptos::prelude::*;
use leptos_router::components::Router;

use crate::config::Config;
use crate::i18n::{Lang, Texts, LANGUAGE_FAILED_DE, LANGUAGE_FAILED_EN};
use crate::load::{load_config_and_catalog, Catalog, LoadError};
use crate::map::MapPanel;
use crate::state::FinderState;
use crate::ui::{
    Detail, Downloads, FilterPanel, Footer, LanguageSwitcher, LoadFailed, Loading, ResultList,
    ResultSummary,
};

/// Config and dataset, or why the dataset could not be loaded.
pub type Loaded = (Config, Result<std::sync::Arc<Catalog>, LoadError>);

/// The first load of config and dataset, started before the app mounts
/// (while another language's file is fetched, see [`crate::start`]).
pub type FirstLoad = std::pin::Pin<Box<dyn std::future::Future<Output = Loaded>>>;

/// The app, in the language of `texts`. `language_failed`: the chosen
/// language's file could not be loaded, so the page is German with a notice.
#[component]
pub fn App(
    texts: &'static Texts,
    #[prop(optional)] first_load: Option<FirstLoad>,
    #[prop(optional)] language_failed: bool,
) -> impl IntoView {
    let lang = texts.lang();
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", lang.tag());
        let _ = html.set_attribute("dir", lang.dir());
    }
    // Config and dataset, loaded at start and again on "retry" (the last
    // result stays on screen meanwhile). A signal and a task rather than a
    // `LocalResource`: the same behaviour, and 10 KB gzip smaller, because the
    // async-derived machinery is not linked (measured on the size branch).
    let loaded: RwSignal<Option<Loaded>, LocalStorage> = RwSignal::new_local(None);
    let load = move || {
        leptos::task::spawn_local(async move {
            loaded.try_set(Some(load_config_and_catalog().await));
        })
    };
    match first_load {
        Some(first_load) => leptos::task::spawn_local(async move {
            loaded.try_set(Some(first_load.await));
        }),
        None => load(),
    }
    // Embedded in a partner's page: no site header (the partner's page has
    // its own), and the page reports its height to the parent.
    let embedded = page_embed_options().embed;
    if embedded {
        crate::embed::report_height_to_parent();
    }
    // Once the finder (or the reason it cannot load) is on the page, it
    // replaces the prerendered first view in one step (`crate::takeover`).
    Effect::new(move |_| {
        if loaded.with(Option::is_some) {
            crate::takeover::take_over();
        }
    });
    view! {
        <Router>
            <Frame lang texts embedded language_failed>
                // A plain reactive match rather than <Suspense>: the same behaviour, and
                // slightly smaller (4 KB gzip measured), because the whole finder view is not
                // compiled into a future's state machine.
                {move || match loaded.get() {
                    None => view! { <Loading texts/> }.into_any(),
                    Some((config, Ok(catalog))) => view! { <Finder catalog config texts/> }.into_any(),
                    Some((_, Err(error))) => {
                        leptos::logging::error!("dataset not loaded: {error}");
                        view! { <LoadFailed error texts on_retry=load/> }.into_any()
                    }
                }}
            </Frame>
        </Router>
    }
}

/// What every page of the app has around its content: the skip link, the
/// site header (not in embeds) and `<main>`. Shared by the browser app and
/// the build-time prerendering (`crate::prerender`), so both write the same
/// page.
#[component]
pub fn Frame(
    lang: Lang,
    texts: &'static Texts,
    embedded: bool,
    /// The chosen language's file could not be loaded: the page is German,
    /// and says so.
    #[prop(optional)]
    language_failed: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <a class="skip-link" href="#results" on:click=move |event| crate::skip_to(event, "results")>{texts.skip_to_results}</a>
        {language_failed.then(|| view! {
            <p class="notice language-failed" role="status" data-testid="language-failed">
                <span lang="de">{LANGUAGE_FAILED_DE}</span>" "<span lang="en">{LANGUAGE_FAILED_EN}</span>
            </p>
        })}
        {(!embedded).then(|| view! {
            <header class="site-header">
                <div class="site-header__text">
                    <h1>{texts.app_title}</h1>
                    <p class="subtitle">{texts.app_subtitle}</p>
                </div>
                <LanguageSwitcher lang texts/>
            </header>
        })}
        <main id="main">
            {embedded.then(|| view! { <h1 class="visually-hidden">{texts.app_title}</h1> })}
            {children()}
        </main>
    }
}

/// The embed options of the page's own address (they never change while
/// the page lives), read with the browser's own query parser.
fn page_embed_options() -> EmbedOptions {
    let values: Vec<(&str, String)> = ia_core::embed::EMBED_PARAMS
        .iter()
        .filter_map(|&name| Some((name, crate::page_param(name)?)))
        .collect();
    EmbedOptions::from_pairs(values.iter().map(|(name, value)| (*name, value.as_str())))
}

/// The finder once the dataset is loaded.
#[component]
pub fn Finder(
    catalog: std::sync::Arc<Catalog>,
    config: Config,
    texts: &'static Texts,
) -> impl IntoView {
    let state = FinderState::new(catalog);
    let report_url = config.report_url.clone();
    let footer_report_url = config.report_url.clone();
    let gap_report_url = config.report_url.clone();
    let directory_url = config
        .checked_directory_url()
        .unwrap_or_default()
        .to_owned();
    let accessibility_url = config.checked_accessibility_url().map(str::to_owned);
    // Phones show the list or the map (desktops show both). An open detail
    // always shows, so a marker tapped on the map opens its agency; closing
    // it returns to the map.
    let map_chosen = RwSignal::new(false);
    let map_only = Memo::new(move |_| map_chosen.get() && state.selected.with(Option::is_none));
    // The map is made when it is first on screen: at once on desktops, on
    // phones when "Karte" is chosen. A phone that never opens the map never
    // pays for it (Leaflet, the outline, the markers) while the list loads.
    let wide = media_signal(WIDE_LAYOUT);
    let map_on_screen = Memo::new(move |_| wide.get() || map_only.get());
    let show = move |map: bool| {
        map_chosen.set(map);
        if map {
            request_animation_frame(scroll_to_map);
        }
    };
    let (embedded, list) = state.embed.with_value(|e| (e.embed, e.list));
    view! {
        <nav class="view-switch" aria-label=texts.view_switch_label>
            <button type="button" aria-pressed=move || (!map_only.get()).to_string() on:click=move |_| show(false)>
                {texts.view_list} " (" {move || state.visible.with(Vec::len)} ")"
            </button>
            <button type="button" aria-pressed=move || map_only.get().to_string() on:click=move |_| show(true)>
                {texts.view_map}
            </button>
        </nav>
        <div
            class="finder"
            class:finder--map=map_only
            class:finder--embed=embedded
            class:finder--list-bottom=list == ListPosition::Bottom
            class:finder--list-none=list == ListPosition::None
        >
            <section class="sidebar" aria-labelledby="results-heading">
                <FilterPanel state texts/>
                <ResultSummary state texts report_url=gap_report_url directory_url/>
                {move || match state.selected.get() {
                    Some(position) => view! { <Detail state position texts report_url=report_url.clone()/> }.into_any(),
                    None => view! { <ResultList state texts/> }.into_any(),
                }}
                // Under the list it downloads: the first screen is for results.
                {(!embedded).then(|| view! { <Downloads state texts/> })}
            </section>
            <MapPanel state config texts on_screen=map_on_screen/>
        </div>
        <Footer state texts report_url=footer_report_url accessibility_url/>
    }
}

/// The media query of the side-by-side layout; equal to the breakpoint in
/// style/app.css (`@media (min-width: 56rem)`) and to the media of the wide
/// layout's preloads (index.html, scripts/minify-glue.mjs).
const WIDE_LAYOUT: &str = "(min-width: 56rem)";

/// Whether `query` matches, kept up to date (a turned tablet, a resized
/// window) for as long as the calling component lives.
fn media_signal(query: &str) -> ReadSignal<bool> {
    // The build-time rendering has no screen: it writes the phone-first
    // markup, and CSS lays it out for the screen it lands on.
    if cfg!(feature = "ssr") {
        return signal(false).0;
    }
    let list = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
    let (matches, set_matches) =
        signal(list.as_ref().is_some_and(web_sys::MediaQueryList::matches));
    if let Some(list) = list {
        let watched = list.clone();
        let on_change =
            wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                set_matches.try_set(watched.matches());
            });
        list.set_onchange(Some(wasm_bindgen::JsCast::unchecked_ref(
            on_change.as_ref(),
        )));
        let on_change = StoredValue::new_local(Some(on_change));
        on_cleanup(move || {
            list.set_onchange(None);
            on_change.try_update_value(Option::take);
        });
    }
    matches
}

fn scroll_to_map() {
    let map = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".map-wrap").ok().flatten());
    if let Some(map) = map {
        map.scroll_into_view();
    }
}

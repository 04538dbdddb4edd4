//! The root component: loads config and dataset, then shows the finder or a
//! clear error with a retry button. Holds only layout, no logic.
//!
//! What every component may read is provided here as context: the texts
//! (`&'static Texts`) and the page's parameters (`&'static PageParams`) by
//! [`App`], the config (`Config`) and the finder's state (`FinderState`) by
//! [`Finder`]. Components take them with
//! `use_context::<T>().expect("… is provided by …")` rather than
//! `expect_context`, whose panic message formats a source location with
//! `Debug` and so links Rust's debug formatting: 0.9 KB gzip of Wasm
//! (measured on the release build).

use ia_core::embed::ListPosition;
use ia_core::UrlState;
use leptos::prelude::*;
use leptos_router::components::Router;

use crate::browser::{media_matches, media_signal};
use crate::config::Config;
use crate::i18n::{Texts, LANGUAGE_FAILED_DE, LANGUAGE_FAILED_EN};
use crate::load::{load_config_and_catalog, Catalog, LoadError};
use crate::map::MapPanel;
use crate::params::PageParams;
use crate::parts::{now, on_demand, when_seen, Part};
use crate::state::FinderState;
use crate::ui::detail::detail_view;
use crate::ui::share::list_tools;
use crate::ui::{
    Downloads, FilterPanel, Footer, LoadFailed, Loading, ResultList, ResultSummary, ShareNote,
    SiteHeader, SkipLink,
};

/// Config and dataset, or why the dataset could not be loaded.
pub type Loaded = (Config, Result<std::sync::Arc<Catalog>, LoadError>);

/// The first load of config and dataset, started before the app mounts
/// (while another language's file is fetched, see [`crate::start`]).
pub type FirstLoad = std::pin::Pin<Box<dyn std::future::Future<Output = Loaded>>>;

/// The app, in the language of `texts`, for the page's parameters `page`.
/// `language_failed`: the chosen language's file could not be loaded, so the
/// page is German with a notice.
#[component]
pub fn App(
    texts: &'static Texts,
    page: &'static PageParams,
    #[prop(optional)] first_load: Option<FirstLoad>,
    #[prop(optional)] language_failed: bool,
) -> impl IntoView {
    provide_context(texts);
    provide_context(page);
    // The parts loaded on first use (issue 28) and their announced wait. The
    // map's is fetched at once where the map shows at once (wide screens,
    // embeds), beside config and dataset.
    let parts = crate::parts::Parts::new();
    provide_context(parts);
    if page.embed.embed || media_matches(WIDE_LAYOUT) {
        parts.load(crate::parts::Part::Map);
    }
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
    // Embedded in a partner's page: the page reports its height to the parent.
    if page.embed.embed {
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
            <Frame language_failed>
                // A plain reactive match rather than <Suspense>: the same behaviour, and
                // slightly smaller (4 KB gzip measured), because the whole finder view is not
                // compiled into a future's state machine.
                {move || match loaded.get() {
                    None => view! { <Loading/> }.into_any(),
                    Some((config, Ok(catalog))) => view! { <Finder catalog config/> }.into_any(),
                    Some((_, Err(error))) => {
                        leptos::logging::error!("dataset not loaded: {error}");
                        view! { <LoadFailed error on_retry=load/> }.into_any()
                    }
                }}
            </Frame>
        </Router>
    }
}

/// What every page of the app has around its content: the skip link, the
/// site header (not in embeds: the partner's page has its own) and `<main>`.
/// Shared by the browser app and the build-time prerendering
/// (`crate::prerender`), so both write the same page.
#[component]
pub fn Frame(
    /// The chosen language's file could not be loaded: the page is German,
    /// and says so.
    #[prop(optional)]
    language_failed: bool,
    children: Children,
) -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let embedded = use_context::<&'static PageParams>()
        .expect("PageParams are provided by App")
        .embed
        .embed;
    view! {
        <SkipLink target="results" label=texts.skip_to_results/>
        {language_failed.then(|| view! {
            <p class="notice language-failed" role="status" data-testid="language-failed">
                <span lang="de">{LANGUAGE_FAILED_DE}</span>" "<span lang="en">{LANGUAGE_FAILED_EN}</span>
            </p>
        })}
        {(!embedded).then(|| view! {
            <SiteHeader/>
        })}
        <main id="main">
            {embedded.then(|| view! { <h1 class="visually-hidden">{texts.app_title}</h1> })}
            {children()}
        </main>
    }
}

/// The finder once the dataset is loaded.
#[component]
pub fn Finder(catalog: std::sync::Arc<Catalog>, config: Config) -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let embed = &use_context::<&'static PageParams>()
        .expect("PageParams are provided by App")
        .embed;
    provide_context(config);
    let state = FinderState::new(catalog);
    let parts = use_context::<crate::parts::Parts>().expect("Parts are provided by App");
    provide_context(state);
    // "Link kopiert" belongs to the view it was said for.
    let share_note = ShareNote(RwSignal::new(None));
    provide_context(share_note);
    // (Not by a map move: a field that appears may resize the map.)
    Effect::new(move |shown: Option<UrlState>| {
        let view = state.url.with(|url| UrlState {
            map: None,
            ..url.clone()
        });
        if shown.is_some_and(|shown| shown != view) {
            share_note.0.set(None);
        }
        view
    });
    // Phones show the list or the map (desktops show both). An open detail
    // always shows, so a marker tapped on the map opens its agency; closing
    // it returns to the map.
    // An embed always shows its map (partners embed "the map"); only a short,
    // narrow frame has the switch, and it starts on the map (issue 18).
    let embedded = embed.embed;
    let map_chosen = RwSignal::new(embedded && media_matches(EMBED_SHORT));
    let map_only = Memo::new(move |_| map_chosen.get() && state.selected.with(Option::is_none));
    // The map is made when it is first on screen: at once on desktops and in
    // embeds, on phones when "Karte" is chosen. A phone that never opens the
    // map never pays for it (Leaflet, the outline, the markers) while the list loads.
    let wide = media_signal(WIDE_LAYOUT);
    let map_on_screen = Memo::new(move |_| embedded || wide.get() || map_only.get());
    let show = move |map: bool| {
        map_chosen.set(map);
        if map {
            request_animation_frame(scroll_to_map);
        }
    };
    let list = embed.list;
    view! {
        // The live region of parts on their way (issue 28). First, so that
        // this visually hidden line never lengthens the page (an embed's
        // reported height).
        <crate::parts::PartStatus/>
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
                <FilterPanel/>
                <ResultSummary/>
                // The detail is the part `Part::Detail` (issue 28), fetched
                // when an agency is first opened.
                {move || match state.selected.get() {
                    Some(position) => view! {
                        {on_demand(Part::Detail, move || now(detail_view(position)))}
                        // Until the detail's part is there (or when it could
                        // not be fetched) the way back is still offered.
                        {move || (!parts.ready(Part::Detail)).then(|| view! {
                            <button type="button" class="button button--secondary detail__back" on:click=move |_| state.select(None)>
                                {texts.back_to_list}
                            </button>
                        })}
                    }
                    .into_any(),
                    None => view! { <ResultList/> }.into_any(),
                }}
                // Under the list it shares and downloads: the first screen is
                // for results. In the app that is the part `Part::Share`,
                // fetched when the list's end comes into view. (Only the
                // downloads are in the prerendered page.)
                {(!embedded).then(|| if cfg!(feature = "ssr") {
                    view! { <Downloads/> }.into_any()
                } else {
                    when_seen(Part::Share, move || now(list_tools(texts.app_title))).into_any()
                })}
            </section>
            <MapPanel on_screen=map_on_screen/>
        </div>
        <Footer/>
    }
}

/// The media query of the side-by-side layout. Its source is the breakpoint
/// in style/app.css (`@media (min-width: 56rem)`); the wide layout's
/// preloads (index.html, scripts/minify-glue.mjs) name it too, and
/// scripts/test/breakpoint.test.mjs fails when any of them differs.
const WIDE_LAYOUT: &str = "(min-width: 56rem)";

/// An embed's frame too short and narrow for map and list together: the
/// Karte/Liste switch shows, starting on the map. Equal to the query in
/// style/app.css's embed rules (scripts/test/breakpoint.test.mjs).
const EMBED_SHORT: &str = "(max-width: 37.49rem) and (max-height: 27.5rem)";

fn scroll_to_map() {
    let map = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".map-wrap").ok().flatten());
    if let Some(map) = map {
        map.scroll_into_view();
    }
}

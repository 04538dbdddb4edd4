//! Component tests in headless Chromium (wasm-bindgen-test). They mount real
//! components into a fresh element and assert on specific elements.

#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use ia_core::parse_dataset;
use ia_map::load::{Catalog, LoadError};
use ia_map::params::PageParams;
use ia_map::state::FinderState;
use ia_map::ui::{FilterPanel, LoadFailed, ResultList, ResultSummary, ShareNote};
use leptos::prelude::*;
use leptos::task::tick;
use leptos_router::components::Router;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DATASET: &str = include_str!("fixtures/small-dataset.json");

fn catalog() -> Arc<Catalog> {
    let loaded = parse_dataset(DATASET).unwrap_or_else(|err| panic!("fixture: {err}"));
    Arc::new(Catalog::new(loaded.meta, loaded.agencies, loaded.skipped))
}

fn wrapper() -> web_sys::HtmlElement {
    let document = document();
    let section = document
        .create_element("section")
        .unwrap_or_else(|_| panic!("create section"));
    let body = document.body().unwrap_or_else(|| panic!("no body"));
    let _ = body.append_child(&section);
    section.unchecked_into()
}

fn count(root: &web_sys::HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .map(|list| list.length())
        .unwrap_or(0)
}

#[wasm_bindgen_test]
async fn load_error_shows_reason_and_retries() {
    let root = wrapper();
    let retried = RwSignal::new(0);
    let error = LoadError::Http {
        url: "data/agencies.json".into(),
        status: 404,
    };
    let _handle = mount_to(root.clone(), move || {
        provide_context(ia_map::i18n::german());
        view! { <LoadFailed error on_retry=move || retried.update(|n| *n += 1)/> }
    });
    tick().await;
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains("konnte nicht geladen werden"), "{text}");
    assert!(text.contains("Fehler 404"), "{text}");
    let button: web_sys::HtmlElement = root
        .query_selector("button")
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into().ok())
        .unwrap_or_else(|| panic!("no retry button"));
    button.click();
    tick().await;
    assert_eq!(retried.get_untracked(), 1);
}

/// The finder's sidebar with the contexts the app provides: the texts, the
/// page's parameters and the parts loaded on first use (`App`), then the
/// config, the finder's state and the share confirmation (`Finder`).
#[component]
fn Harness(#[prop(optional)] catalog: Option<Arc<Catalog>>) -> impl IntoView {
    provide_context(ia_map::i18n::german());
    provide_context(ia_map::params::keep(PageParams::default()));
    provide_context(ia_map::config::Config::default());
    provide_context(FinderState::new(catalog.unwrap_or_else(self::catalog)));
    provide_context(ShareNote(RwSignal::new(None)));
    provide_context(ia_map::parts::Parts::new());
    view! {
        <FilterPanel/>
        <ResultSummary/>
        <ResultList/>
    }
}

#[wasm_bindgen_test]
async fn list_shows_all_and_the_servicestelle_toggle_filters_it() {
    let root = wrapper();
    let n_total = catalog().agencies.len() as u32;
    let n_sada = catalog()
        .agencies
        .iter()
        .filter(|a| a.antidiscrimination)
        .count() as u32;
    assert!(
        n_sada > 0 && n_sada < n_total,
        "the fixture needs both kinds"
    );
    let _handle = mount_to(root.clone(), || view! { <Router><Harness/></Router> });
    tick().await;
    assert_eq!(count(&root, "#results li:not([hidden])"), n_total);

    let toggle: web_sys::HtmlElement = root
        .query_selector("#filter-sada")
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into().ok())
        .unwrap_or_else(|| panic!("no Servicestelle toggle"));
    toggle.click();
    // The list updates at once; the URL is written in a following task.
    let search = || window().location().search().unwrap_or_default();
    for _ in 0..20 {
        next_frame().await;
        if count(&root, "#results li:not([hidden])") == n_sada && search().contains("sada=1") {
            break;
        }
    }
    assert_eq!(count(&root, "#results li:not([hidden])"), n_sada);
    let search = search();
    assert!(search.contains("sada=1"), "URL has the filter: {search}");
    let summary = root
        .query_selector("[data-testid=result-count]")
        .ok()
        .flatten()
        .and_then(|e| e.text_content());
    assert_eq!(
        summary.as_deref(),
        Some(format!("{n_sada} Agenturen gefunden").as_str())
    );
}

/// Beyond 400 agencies (`FULL_LIST_MAX`) the list is made a page of 100 at a
/// time, so a large dataset does not create thousands of entries at once: a
/// button shows the next page, and new results start again with one page.
#[wasm_bindgen_test]
async fn a_long_list_comes_a_page_at_a_time() {
    // The tests share one page: an earlier one left its filter in the address.
    clear_query();
    let root = wrapper();
    let dataset = ia_core::synthetic::synthetic_dataset(450, 7);
    let n_sada = dataset
        .agencies
        .iter()
        .filter(|a| a.antidiscrimination)
        .count() as u32;
    assert!(
        n_sada > 0 && n_sada < 100,
        "the Servicestellen fit on one page: {n_sada}"
    );
    let catalog = Arc::new(Catalog::new(dataset.meta, dataset.agencies, Vec::new()));
    let _handle = mount_to(
        root.clone(),
        move || view! { <Router><Harness catalog/></Router> },
    );
    tick().await;
    let entries = || count(&root, "#results li");
    let more = || -> Option<web_sys::HtmlElement> {
        root.query_selector("button.show-more")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into().ok())
    };
    let toggle: web_sys::HtmlElement = root
        .query_selector("#filter-sada")
        .ok()
        .flatten()
        .and_then(|t| t.dyn_into().ok())
        .unwrap_or_else(|| panic!("no Servicestelle toggle"));
    let until = |want: u32| async move {
        for _ in 0..20 {
            if entries() == want {
                break;
            }
            next_frame().await;
        }
        assert_eq!(entries(), want);
    };
    assert_eq!(entries(), 100);
    let button = more().unwrap_or_else(|| panic!("no button for more"));
    assert_eq!(
        button.text_content().as_deref(),
        Some("100 weitere anzeigen")
    );
    button.click();
    until(200).await;
    // The Servicestellen: all on one page, no button.
    toggle.click();
    until(n_sada).await;
    assert!(more().is_none(), "no button when all are shown");
    assert_eq!(summary(&root), format!("{n_sada} Agenturen gefunden"));
    // All again: new results start again with one page, not the two shown before.
    toggle.click();
    until(100).await;
    assert!(more().is_some());
}

/// Replaces the page's address with its path alone (`history.replaceState`).
fn clear_query() {
    let history =
        js_sys::Reflect::get(&window(), &"history".into()).unwrap_or_else(|_| panic!("no history"));
    let replace: js_sys::Function = js_sys::Reflect::get(&history, &"replaceState".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .unwrap_or_else(|| panic!("no history.replaceState"));
    let path = window().location().pathname().unwrap_or_default();
    let _ = replace.call3(&history, &JsValue::NULL, &"".into(), &path.into());
}

fn summary(root: &web_sys::HtmlElement) -> String {
    root.query_selector("[data-testid=result-count]")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
fn a_crash_shows_one_friendly_message_with_ways_out() {
    ia_map::panic::show_crash_message();
    ia_map::panic::show_crash_message();
    let crash = document()
        .query_selector_all("#crash")
        .unwrap_or_else(|_| panic!("query #crash"));
    assert_eq!(crash.length(), 1, "shown once");
    let banner: web_sys::Element = crash
        .get(0)
        .and_then(|node| node.dyn_into().ok())
        .unwrap_or_else(|| panic!("no #crash"));
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let text = banner.text_content().unwrap_or_default();
    // In the page's texts (German here: no other language was loaded).
    let texts = ia_map::i18n::texts_for_document();
    assert!(text.contains(texts.crashed), "{text}");
    assert!(text.contains(texts.start_over), "{text}");
    let links = banner
        .query_selector_all("a")
        .unwrap_or_else(|_| panic!("query links"));
    assert_eq!(links.length(), 2);
    let second: web_sys::Element = links
        .get(1)
        .and_then(|node| node.dyn_into().ok())
        .unwrap_or_else(|| panic!("no second link"));
    assert_eq!(second.get_attribute("href").as_deref(), Some("./"));
}

/// What "Filter" folds is built when it is first opened (issue 28: in the
/// release build it is a part of its own, fetched then), and stays.
#[wasm_bindgen_test]
async fn the_folded_filters_are_built_when_first_opened() {
    let root = wrapper();
    let _handle = mount_to(root.clone(), || view! { <Router><Harness/></Router> });
    tick().await;
    assert_eq!(
        count(&root, "#filter-sada"),
        1,
        "the switch is there at once"
    );
    assert_eq!(count(&root, "#filter-text"), 0, "the folded fields wait");
    let details: web_sys::HtmlDetailsElement = root
        .query_selector("details.more-filters")
        .ok()
        .flatten()
        .and_then(|d| d.dyn_into().ok())
        .unwrap_or_else(|| panic!("no folded filters"));
    details.set_open(true);
    let _ = details.dispatch_event(&web_sys::Event::new("toggle").unwrap());
    for _ in 0..20 {
        if count(&root, "#filter-text") == 1 {
            break;
        }
        next_frame().await;
    }
    assert_eq!(count(&root, "#filter-text"), 1, "the free text field");
    assert!(count(&root, "[id^=filter-offer-]") > 0, "the offers");
    details.set_open(false);
    let _ = details.dispatch_event(&web_sys::Event::new("toggle").unwrap());
    next_frame().await;
    assert_eq!(count(&root, "#filter-text"), 1, "closed, they stay built");
}

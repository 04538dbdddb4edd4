//! The result list: a complete, accessible alternative to the map.
//!
//! Two components by the dataset's size, kept apart on purpose. Up to
//! [`FULL_LIST_MAX`] agencies (the real network has about 214),
//! `ResultList` creates one entry per agency once, and a filter change only
//! sets `hidden` on entries: creating entries was most of a filter change's
//! cost (see `ResultList`). Above that, creating every entry is itself the
//! cost (see [`FULL_LIST_MAX`]), so `PagedList` creates only the visible
//! agencies, `PAGE` at a time with a button for more, and a filter change
//! creates the entries that come into the page and removes those that leave
//! it (the `For` is keyed by position). One component doing both was tried in
//! issue 31 (branch i31-e-list): entries created the first time they are
//! shown and afterwards only hidden. `make bench` (desktop pass, six runs per
//! build) found it faster at 1,000 agencies (filter → DOM p50, app/reference
//! 0.59–1.16 → 0.36–0.46) and 5,000 (0.09–0.16 → 0.05–0.09) and no slower at
//! the real size, but that version no longer moved its entries when a new
//! origin reordered the list (`tests/e2e/near.spec.ts`), so it was taken
//! back. Until a single component also passes that test, both stay.

use ia_core::finder::visible_in_order;
use ia_core::nearby::format_km;
use ia_core::query::encode_component;
use ia_core::Agency;
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::CustomAttribute;
use wasm_bindgen::JsCast;

use crate::config::Config;
use crate::i18n::Texts;
use crate::state::FinderState;
use crate::ui::contact::{check_note, contact_links, contact_text, reach_line, today_or, Ways};

/// Every agency has one entry, created once; a filter change only hides or
/// shows entries. Creating entries was most of the cost of a filter change
/// (measured at 214 agencies: 54 → 214 results took about 30 ms when the 160
/// entries were created anew; hiding and showing takes a fraction of that).
/// Hidden entries (`hidden`) are out of the layout and the accessibility tree,
/// so screen readers report the list with the visible entries only.
#[component]
pub fn ResultList() -> impl IntoView {
    let state = use_context::<FinderState>().expect("FinderState is provided by Finder");
    // Coming back from a detail (close button, Escape or Back): focus and
    // show the agency's entry, so keyboard and screen reader users continue
    // where they were, and a marker's agency is found in the list.
    if let Some(position) = state.last_selected.get_value() {
        request_animation_frame(move || focus_entry(state, position));
    }
    let n = state.catalog.with_value(|c| c.agencies.len());
    if n > FULL_LIST_MAX {
        return view! { <PagedList/> }.into_any();
    }
    // In the order of `state.order` (by distance when there is an origin):
    // a new origin moves entries, it does not recreate them.
    view! {
        <ol id="results" class="results" tabindex="-1" data-testid="results">
            <For each=move || state.order.get() key=|position| *position let:position>
                <ResultItem position/>
            </For>
        </ol>
    }
    .into_any()
}

/// Above this many agencies the list is not created in full but a page at
/// a time (the real network has about 214; synthetic scale tests go to
/// 100,000). At 1,000 a full list took a 560 ms task to create and held
/// 17,000 DOM nodes (`make bench`); a page of 100 is a fraction of that.
pub const FULL_LIST_MAX: usize = 400;

/// Entries per page of a long list.
const PAGE: usize = 100;

/// The visible agencies in list order, a page at a time, with a button for more.
#[component]
fn PagedList() -> impl IntoView {
    let state = use_context::<FinderState>().expect("FinderState is provided by Finder");
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let limit = RwSignal::new(PAGE);
    // New results start again with one page.
    Effect::new(move |_| {
        state.visible.track();
        limit.set(PAGE);
    });
    let in_order = Memo::new(move |_| {
        state
            .shown
            .with(|shown| state.order.with(|order| visible_in_order(order, shown)))
    });
    let page =
        move || in_order.with(|all| all.iter().copied().take(limit.get()).collect::<Vec<_>>());
    let remaining = move || in_order.with(Vec::len).saturating_sub(limit.get());
    view! {
        <ol id="results" class="results" tabindex="-1" data-testid="results">
            <For each=page key=|position| *position let:position>
                <ResultItem position/>
            </For>
        </ol>
        <Show when=move || { remaining() > 0 }>
            <button type="button" class="button button--secondary show-more" on:click=move |_| limit.update(|l| *l += PAGE)>
                {move || texts.show_more(remaining().min(PAGE))}
            </button>
        </Show>
    }
}

/// One entry, hidden while the agency does not match the filters. The entry
/// is a real link to the agency's static page (`agentur/<id>.html`,
/// `crate::pages`): followed before the app runs, or without JavaScript, or
/// in a new tab, it opens that page; while the app runs, a click opens the
/// detail in place.
#[component]
fn ResultItem(position: usize) -> impl IntoView {
    let state = use_context::<FinderState>().expect("FinderState is provided by Finder");
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let Some((id, name, carrier, address, is_sada, kreis_only, reach, check)) =
        state.catalog.with_value(|c| {
            let today = today_or(&c.meta.as_of);
            c.agencies.get(position).map(|agency| {
                (
                    agency.id.clone(),
                    agency.name.clone(),
                    agency.carrier.clone(),
                    address_line(agency),
                    agency.antidiscrimination,
                    agency.is_kreis_only().then(|| agency.kreis.clone()),
                    reach_line(agency, texts),
                    check_note(agency, &today, texts),
                )
            })
        })
    else {
        return ().into_any();
    };
    let item_id = format!("agency-{id}");
    let href = ia_core::pages::agency_page(&encode_component(&id));
    // The benchmark times the first agency name on screen (Element Timing).
    let timing = (position == 0).then_some("first-agency");
    view! {
        <li class="result" id=item_id hidden=move || !state.shown.with(|shown| shown.get(position).copied().unwrap_or(false))>
            <a class="result__link" href=href lang="de" on:click=move |event| {
                // A modified click (new tab, new window) stays the browser's.
                if event.button() != 0 || event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key() {
                    return;
                }
                event.prevent_default();
                state.select(Some(position));
            }>
                {view! { <span class="result__name">{name}</span> }.attr("elementtiming", timing)}
                <span class="result__more">{carrier}</span>
                <span class="result__more">{address}</span>
                // How to reach someone, and whether to check first (issue 27).
                <span class="result__reach" lang=texts.lang_tag>{reach}</span>
                {check.map(|note| view! { <span class="result__check" lang=texts.lang_tag>{note}</span> })}
                {move || {
                    let km = state.distances.with(|d| d.as_ref().and_then(|d| d.get(position).copied()))?;
                    // Known only by its Kreis: no kilometre figure that would
                    // pretend to know where it is.
                    Some(match &kreis_only {
                        Some(kreis) => view! {
                            <span class="result__distance result__distance--kreis">{texts.in_kreis(kreis)}</span>
                        }.into_any(),
                        None => view! {
                            <span class="result__distance">
                                {format_km(km, texts.decimal_separator, texts.km_unit)}
                                <span class="visually-hidden">{texts.distance_suffix}</span>
                            </span>
                        }.into_any(),
                    })
                }}
                {is_sada.then(|| view! { <span class="badge badge--sada" lang=texts.lang_tag>{texts.servicestelle}</span> })}
            </a>
            {contact_row(state, position, texts)}
        </li>
    }
    .into_any()
}

/// The agency's telephone, e-mail and website, or its carrier's website, or
/// the network's directory and "Fehler melden" (issue 27). In the prerendered page as
/// links, shown when the app does not run (no JavaScript, or it failed to
/// start), so the page still serves as a complete directory. In the running
/// app as one line of text only on paper (the printed list says how to reach
/// each agency; on screen the detail view has the links).
fn contact_row(
    state: FinderState,
    position: usize,
    texts: &'static Texts,
) -> Option<impl IntoView> {
    let config = use_context::<Config>().expect("Config is provided by Finder");
    let ways = Ways::of(&config);
    state.catalog.with_value(|c| {
        let agency = c.agencies.get(position)?;
        Some(if cfg!(feature = "ssr") {
            view! { <ul class="actions result__contact nojs-only">{contact_links(agency, texts, ways)}</ul> }.into_any()
        } else {
            view! { <p class="result__contact print-only">{contact_text(agency, texts, ways)}</p> }.into_any()
        })
    })
}

/// "Street, PLZ City", leaving out what is unknown.
fn address_line(agency: &Agency) -> String {
    let place = match &agency.address.postcode {
        Some(postcode) => format!("{postcode} {}", agency.address.city),
        None => agency.address.city.clone(),
    };
    match &agency.address.street {
        Some(street) => format!("{street}, {place}"),
        None => place,
    }
}

/// Focuses the list entry of the agency at `position` and scrolls it into view.
fn focus_entry(state: FinderState, position: usize) {
    let Some(id) = state
        .catalog
        .with_value(|c| c.agencies.get(position).map(|a| format!("agency-{}", a.id)))
    else {
        return;
    };
    let button = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&id))
        .and_then(|li| li.query_selector("a").ok().flatten())
        .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(button) = button {
        let _ = button.focus();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        button.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

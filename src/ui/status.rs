//! Loading, error and result-count messages.

use ia_core::finder::nearest_km;
use ia_core::nearby::format_km;
use ia_core::{DatasetError, PlaceFilter};
use leptos::prelude::*;

use crate::config::{report_link_about, Config};
use crate::i18n::Texts;
use crate::load::LoadError;
use crate::state::FinderState;
use crate::ui::share::ShareNote;

#[component]
pub fn Loading() -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    view! {
        <p class="status status--loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {texts.loading}
        </p>
    }
}

/// The dataset could not be loaded at all: say why, in plain words, and offer a retry.
#[component]
pub fn LoadFailed(error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let reason = match &error {
        LoadError::Http { status, .. } => texts.error_not_found(*status),
        LoadError::Network { .. } | LoadError::ForbiddenUrl(_) => texts.error_network.to_owned(),
        LoadError::Format(DatasetError::UnsupportedSchema(_)) => texts.error_schema.to_owned(),
        LoadError::Format(_) => texts.error_format.to_owned(),
    };
    let details = error.to_string();
    view! {
        <div class="status status--error" role="alert" data-testid="load-error">
            <p><strong>{texts.load_failed}</strong></p>
            <p>{reason}</p>
            <details>
                <summary>{texts.technical_details}</summary>
                <code>{details}</code>
            </details>
            <button type="button" class="button" on:click=move |_| on_retry()>{texts.retry}</button>
        </div>
    }
}

/// From this distance on, the nearest Servicestelle counts as far.
const SADA_FAR_KM: f64 = 25.0;

/// "N Agenturen gefunden", announced politely, plus notes: nothing within the
/// radius (the nearest few instead), no agency known in the chosen place (the
/// nearest few, and how to fill the gap), a far Servicestelle, skipped records.
#[component]
pub fn ResultSummary() -> impl IntoView {
    let state = use_context::<FinderState>().expect("FinderState is provided by Finder");
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let config = use_context::<Config>().expect("Config is provided by Finder");
    // Where "Agentur melden" leads, and the network's own directory (each
    // shown only when configured).
    let directory_url = config
        .checked_directory_url()
        .unwrap_or_default()
        .to_owned();
    let report_url = config.report_url;
    let n_skipped = state.catalog.with_value(|c| c.skipped.len());
    // The live region says the honest answer itself, so that a screen reader
    // hears "noch keine … erfasst" rather than "3 Agenturen gefunden".
    let place_of = move |position: usize| {
        state
            .catalog
            .with_value(|c| c.index.places().get(position).cloned())
    };
    let count = move || match state
        .empty_place
        .get()
        .and_then(place_of)
        .map(|p| p.label(texts.kreis_suffix))
    {
        Some(place) => texts.place_gap(&place),
        None => texts.n_found(state.visible.with(Vec::len)),
    };
    let note = use_context::<ShareNote>().expect("ShareNote is provided by Finder");
    let as_of = state.catalog.with_value(|c| texts.as_of(&c.meta.as_of));
    view! {
        <h2 id="results-heading" class="visually-hidden">{texts.results_heading}</h2>
        // On paper, what the list is: the data's date and the selection.
        <div class="print-only print-head" data-testid="print-head">
            <p>{as_of}</p>
            <p>{texts.print_selection} ": " {move || selection(state, texts)}</p>
        </div>
        // The share confirmation (ui::share) is said here: one live region
        // for the finder's messages.
        <p class="result-count" class:result-count--gap=move || state.empty_place.with(Option::is_some) role="status" aria-live="polite" data-testid="result-count">
            {count}
            {move || note.0.get().map(|(_, note)| view! { " " <span class="share-note" data-testid="share-note">{note}</span> })}
        </p>
        {move || state.empty_place.get().and_then(place_of).map(|place| {
            let kreis_ags = match &place.filter {
                PlaceFilter::Kreis(ags) | PlaceFilter::Municipality(ags) => ags.clone(),
            };
            let subject = format!("Agentur melden: {}", place.label(texts.kreis_suffix));
            let report = report_link_about(&report_url, &format!("fehlt-{kreis_ags}"), &subject);
            // "Agentur melden", then the network's directory; each only when configured.
            let links: Vec<(String, &'static str, &'static str)> = [
                report.map(|href| (href, texts.place_gap_report, "place-gap-report")),
                (!directory_url.is_empty())
                    .then(|| (directory_url.clone(), texts.place_gap_directory, "place-gap-directory")),
            ]
            .into_iter()
            .flatten()
            .collect();
            let no_links = links.is_empty();
            view! {
                <div class="notice place-gap" data-testid="place-gap">
                    <p>{texts.place_gap_nearest(state.visible.with(Vec::len))}</p>
                    <p class="place-gap__links" hidden=no_links>
                        {texts.place_gap_ask}
                        {links.into_iter().map(|(href, text, id)| view! {
                            " " <a href=href target="_blank" rel="noopener noreferrer" data-testid=id>{text}</a>
                        }).collect_view()}
                    </p>
                </div>
            }
        })}
        {move || state.nearest_instead.get().then(|| {
            let radius = state.url.with(|url| url.radius_km.unwrap_or_default());
            view! { <p class="notice" data-testid="nearest-instead">{texts.nearest_instead(radius, state.visible.with(Vec::len))}</p> }
        })}
        {move || {
            // Servicestellen serve whole regions: say so when the nearest is far.
            if !state.url.with(|url| url.filters.antidiscrimination) {
                return None;
            }
            let nearest = state.distances.with(|distances| {
                state.visible.with(|visible| nearest_km(visible, distances.as_deref()))
            })?;
            (nearest > SADA_FAR_KM).then(|| view! {
                <p class="notice" data-testid="sada-far">{texts.sada_far(&format_km(nearest, texts.decimal_separator, texts.km_unit))}</p>
            })
        }}
        {(!texts.data_in_german.is_empty()).then(|| view! { <p class="data-lang-note">{texts.data_in_german}</p> })}
        // Only in the prerendered page, which shows it when the app does not run.
        {cfg!(feature = "ssr").then(|| view! { <p class="notice nojs-only" data-testid="needs-js">{texts.needs_js}</p> })}
        {(n_skipped > 0).then(|| view! {
            <p class="notice" data-testid="skipped-notice">{texts.n_skipped(n_skipped)}</p>
        })}
    }
}

/// The current selection in words, for the printed list: "Stadt, Gemeinde
/// oder Kreis: Köln · Angebote: Beratung", or "Ganz NRW" without filters.
fn selection(state: FinderState, texts: &'static Texts) -> String {
    state.url.with(|url| {
        let filters = &url.filters;
        let mut parts = Vec::new();
        if let Some(place) = &filters.place {
            // A kreisfreie Stadt's Kreis code (`place=05315`) has no option
            // of its own: its name from the dataset's Kreise.
            let label = state.catalog.with_value(|c| {
                c.index
                    .places()
                    .iter()
                    .find(|option| option.filter == *place)
                    .map(|option| option.label(texts.kreis_suffix))
                    .or_else(|| match place {
                        PlaceFilter::Kreis(ags) => c
                            .meta
                            .kreise
                            .iter()
                            .find(|k| k.ags == *ags)
                            .map(|k| k.name.clone()),
                        PlaceFilter::Municipality(_) => None,
                    })
            });
            parts.extend(label.map(|label| format!("{}: {label}", texts.place_label)));
        }
        if !filters.text.trim().is_empty() {
            parts.push(format!("{}: {}", texts.search_label, filters.text.trim()));
        }
        if let Some(near) = &url.near {
            let radius = url
                .radius_km
                .map(|r| format!(", {} {}", texts.radius_label, texts.radius_km(r)))
                .unwrap_or_default();
            parts.push(format!("{}: {near}{radius}", texts.near_label));
        }
        if filters.antidiscrimination {
            parts.push(texts.sada_only.to_owned());
            let topics: Vec<&str> = filters.topics.iter().map(|&t| texts.topic(t)).collect();
            if !topics.is_empty() {
                parts.push(format!("{}: {}", texts.topics_legend, topics.join(", ")));
            }
        }
        let offers: Vec<&str> = filters.offers.iter().map(|&o| texts.offer(o)).collect();
        if !offers.is_empty() {
            parts.push(format!("{}: {}", texts.offers_legend, offers.join(", ")));
        }
        let umbrellas: Vec<&str> = filters
            .umbrellas
            .iter()
            .map(|&u| texts.umbrella(u))
            .collect();
        if !umbrellas.is_empty() {
            parts.push(format!(
                "{}: {}",
                texts.umbrellas_legend,
                umbrellas.join(", ")
            ));
        }
        if parts.is_empty() {
            texts.place_all.to_owned()
        } else {
            parts.join(" · ")
        }
    })
}

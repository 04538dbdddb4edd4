//! Loading, error and result-count messages.

use ia_core::finder::nearest_km;
use ia_core::nearby::format_km;
use ia_core::DatasetError;
use leptos::prelude::*;

use crate::i18n::Texts;
use crate::load::LoadError;
use crate::state::FinderState;

#[component]
pub fn Loading() -> impl IntoView {
    let texts = use_context::<&'static Texts>().expect("Texts are provided by App");
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
    let texts = use_context::<&'static Texts>().expect("Texts are provided by App");
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
/// radius (the nearest few instead), a far Servicestelle, skipped records.
#[component]
pub fn ResultSummary() -> impl IntoView {
    let state = use_context::<FinderState>().expect("FinderState is provided by Finder");
    let texts = use_context::<&'static Texts>().expect("Texts are provided by App");
    let n_skipped = state.catalog.with_value(|c| c.skipped.len());
    view! {
        <h2 id="results-heading" class="visually-hidden">{texts.results_heading}</h2>
        <p class="result-count" role="status" aria-live="polite" data-testid="result-count">
            {move || texts.n_found(state.visible.with(Vec::len))}
        </p>
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

//! Loading, error and result-count messages.

use ia_core::DatasetError;
use leptos::prelude::*;

use crate::i18n::Texts;
use crate::load::LoadError;
use crate::state::FinderState;

#[component]
pub fn Loading(texts: &'static Texts) -> impl IntoView {
    view! {
        <p class="status status--loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            {texts.loading}
        </p>
    }
}

/// The dataset could not be loaded at all: say why, in plain words, and offer a retry.
#[component]
pub fn LoadFailed(
    error: LoadError,
    texts: &'static Texts,
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let reason = match &error {
        LoadError::Http { status, .. } => (texts.error_not_found)(*status),
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

/// "N Agenturen gefunden", announced politely, plus a note on skipped records.
#[component]
pub fn ResultSummary(state: FinderState, texts: &'static Texts) -> impl IntoView {
    let n_skipped = state.catalog.with_value(|c| c.skipped.len());
    view! {
        <h2 id="results-heading" class="visually-hidden">{texts.results_heading}</h2>
        <p class="result-count" role="status" aria-live="polite" data-testid="result-count">
            {move || (texts.n_found)(state.visible.with(Vec::len))}
        </p>
        {(n_skipped > 0).then(|| view! {
            <p class="notice" data-testid="skipped-notice">{(texts.n_skipped)(n_skipped)}</p>
        })}
    }
}

//! The footer: "Stand", source, honest coverage and attributions.

use ia_core::validate::is_http_url;
use leptos::prelude::*;

use crate::config::{report_link, Config};
use crate::i18n::Texts;
use crate::params::PageParams;
use crate::state::FinderState;

#[component]
pub fn Footer() -> impl IntoView {
    let state = use_context::<FinderState>().expect("FinderState is provided by Finder");
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let config = use_context::<Config>().expect("Config is provided by Finder");
    // The operator's accessibility statement, if configured.
    let accessibility_url = config.checked_accessibility_url().map(str::to_owned);
    let report_url = config.report_url;
    // How an agency gets listed or corrected: the report address, with a
    // subject saying what it is about.
    let get_listed = report_link(&report_url, "aufnahme-oder-korrektur", texts.get_listed);
    let embedded = use_context::<&'static PageParams>()
        .expect("PageParams are provided by App")
        .embed
        .embed;
    let (meta, n_agencies) = state
        .catalog
        .with_value(|c| (c.meta.clone(), c.agencies.len()));
    // "104 von rund 214 … erfasst", then, where the dataset gives them, the
    // year of that estimate and the Servicestellen among them with theirs.
    let coverage = meta.coverage.as_ref().map(|coverage| {
        let listed = texts.coverage(n_agencies, coverage.estimated_total);
        match (
            coverage.estimated_total_year,
            coverage.servicestellen_total,
            coverage.servicestellen_year,
        ) {
            (Some(total_year), Some(n), Some(year)) => format!(
                "{listed} · {}",
                texts.coverage_servicestellen(total_year, n, year)
            ),
            _ => listed,
        }
    });
    view! {
        <footer class="site-footer" data-testid="footer">
            {embedded.then(|| view! {
                <p class="full-map">
                    <a href=move || state.full_view_url() target="_blank" rel="noopener">{texts.open_full_map}</a>
                </p>
            })}
            <p>
                <strong data-testid="as-of">{texts.as_of(&meta.as_of)}</strong>
                {coverage.map(|text| view! { " · " <span data-testid="coverage">{text}</span> })}
            </p>
            <details class="about-data">
                <summary>{texts.about_data}</summary>
                <p>
                {texts.source} ": "
                {if is_http_url(&meta.source.url) {
                    view! { <a href=meta.source.url.clone() target="_blank" rel="noopener noreferrer" lang="de">{meta.source.text.clone()}</a> }.into_any()
                } else {
                    view! { <span lang="de">{meta.source.text.clone()}</span> }.into_any()
                }}
                </p>
                <p>{texts.data_licence} ": " <span lang="de">{meta.licence.clone()}</span></p>
                <p class="attribution">{texts.boundaries_attribution} " · " {texts.postcodes_attribution}</p>
                // The dataset as open data: its downloads, licence and changes (issue 27).
                <p><a href=ia_core::opendata::DATA_PAGE rel="external noopener noreferrer" target=embedded.then_some("_blank") data-testid="open-data">{texts.open_data}</a></p>
                {get_listed.map(|href| view! {
                    <p><a href=href rel="noopener noreferrer" data-testid="get-listed">{texts.get_listed}</a></p>
                })}
            </details>
            {accessibility_url.map(|href| view! {
                <p><a href=href target="_blank" rel="noopener" data-testid="accessibility-statement">{texts.accessibility_statement}</a></p>
            })}
            {(!embedded).then(|| view! {
                // `rel="external"`: the generator is another page (generator.html, its
                // own Wasm), loaded anew; the router must not take the link as its own.
                <p class="embed-link"><a href="generator.html" rel="external">{texts.embed_generator_link}</a></p>
            })}
        </footer>
    }
}

//! The detail view of one agency, with its action links. Opens in place of
//! the list; Back, Escape and the close button return to the list and put
//! focus back on the agency's list entry.

use ia_core::geo::format_fixed;
use ia_core::query::encode_component;
use ia_core::Agency;
use leptos::html::H2;
use leptos::prelude::*;

use crate::config::Config;
use crate::i18n::Texts;
use crate::params::PageParams;
use crate::state::FinderState;
use crate::ui::contact::{check_note, contact_links, provenance, today_or, Ways};
use crate::ui::share::{Share, Shared};

crate::lazy_fn! { detail, load_detail;
    /// The detail of the agency at `position`, from the part `Part::Detail`.
    pub(crate) fn detail_view(position: usize) -> AnyView {
        view! { <Detail position/> }.into_any()
    }
}

#[component]
pub fn Detail(position: usize) -> impl IntoView {
    let state = use_context::<FinderState>().expect("FinderState is provided by Finder");
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let config = use_context::<Config>().expect("Config is provided by Finder");
    let Some((agency, as_of)) = state.catalog.with_value(|c| {
        c.agencies
            .get(position)
            .map(|a| (a.clone(), c.meta.as_of.clone()))
    }) else {
        return ().into_any();
    };
    let check = check_note(&agency, &today_or(&as_of), texts);
    let embedded = use_context::<&'static PageParams>()
        .expect("PageParams are provided by App")
        .embed
        .embed;
    let heading = NodeRef::<H2>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    // Focus goes back to the list entry (see `ResultList`).
    let close = move || state.select(None);
    let close_on_escape = close;
    view! {
        <article
            class="detail"
            aria-labelledby="detail-title"
            data-testid="detail"
            on:keydown=move |event| {
                if event.key() == "Escape" {
                    event.prevent_default();
                    close_on_escape();
                }
            }
        >
            <button type="button" class="button button--secondary detail__back" on:click=move |_| close()>
                {texts.back_to_list}
            </button>
            <h2 id="detail-title" tabindex="-1" node_ref=heading lang="de">{agency.name.clone()}</h2>
            {agency.antidiscrimination.then(|| view! { <p class="badge badge--sada">{texts.servicestelle}</p> })}
            {check.map(|note| view! { <p class="check-note" data-testid="check-note">{note}</p> })}
            {facts(&agency, texts)}
            <ul class="actions">
                {contact_links(&agency, texts, Ways::of(&config))}
                <li><a class="action" href=osm_route_url(&agency) target="_blank" rel="noopener noreferrer">{texts.directions}</a></li>
                <li><a class="action" href=format!("geo:{},{}", fixed5(agency.location.lat), fixed5(agency.location.lon))>{texts.open_in_map_app}</a></li>
            </ul>
            // Its static page is the address to share (it works without the app).
            {(!embedded).then(|| {
                let page = ia_core::pages::agency_page(&encode_component(&agency.id));
                view! { <Share what=Shared::Agency link=Callback::new(move |()| page.clone()) title=agency.name.clone()/> }
            })}
            {provenance(&agency, texts, &config.report_url)}
        </article>
    }
    .into_any()
}

/// Carrier, address, offers, topics and languages as a definition list: the
/// detail view's facts, and the static agency page's (`crate::pages`).
pub(crate) fn facts(agency: &Agency, texts: &'static Texts) -> impl IntoView {
    let address_lines = address_lines(agency);
    // Exact or not, the position says where it is from ("Adresse laut
    // Quelle", "Position ungefähr …").
    let precision_note = texts.approximate_position(agency.location.precision);
    view! {
        <dl class="facts">
            <dt>{texts.carrier_label}</dt>
            // <bdi>: data text never changes the direction of the app's own words after it.
            <dd><bdi lang="de">{agency.carrier.clone()}</bdi> " (" {texts.umbrella(agency.umbrella)} ")"</dd>
            <dt>{texts.address_label}</dt>
            <dd lang="de">
                {address_lines.into_iter().map(|line| view! { <span class="line">{line}</span> }).collect_view()}
                {agency.address.carrier_servicestelle.then(|| view! {
                    <span class="line note" data-testid="servicestelle-address" lang=texts.lang_tag>{texts.servicestelle_address}</span>
                })}
                <span class="line note" lang=texts.lang_tag>{precision_note}</span>
                {agency.is_kreis_only().then(|| view! {
                    <span class="line kreis-note" data-testid="kreis-note" lang=texts.lang_tag>{texts.kreis_address_note}</span>
                })}
            </dd>
            {(!agency.offers.is_empty()).then(|| view! {
                <dt>{texts.offers_legend}</dt>
                <dd><ul class="tags">{agency.offers.iter().map(|&o| view! { <li>{texts.offer(o)}</li> }).collect_view()}</ul></dd>
            })}
            {(!agency.topics.is_empty()).then(|| view! {
                <dt>{texts.topics_legend}</dt>
                <dd><ul class="tags">{agency.topics.iter().map(|&t| view! { <li>{texts.topic(t)}</li> }).collect_view()}</ul></dd>
            })}
            {(!agency.languages.is_empty()).then(|| view! {
                <dt>{texts.languages_label}</dt>
                <dd>{agency.languages.join(", ")}</dd>
            })}
        </dl>
    }
}

/// The street (if known) and "PLZ Ort", as lines.
pub(crate) fn address_lines(agency: &Agency) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(street) = &agency.address.street {
        lines.push(street.clone());
    }
    let postcode = agency.address.postcode.as_deref().unwrap_or_default();
    lines.push(
        format!("{postcode} {}", agency.address.city)
            .trim()
            .to_owned(),
    );
    lines
}

pub(crate) fn osm_route_url(agency: &Agency) -> String {
    let (lat, lon) = (fixed5(agency.location.lat), fixed5(agency.location.lon));
    format!("https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lon}#map=15/{lat}/{lon}")
}

fn fixed5(value: f64) -> String {
    format_fixed(value, 5)
}

//! The detail view of one agency, with its action links. Opens in place of
//! the list; Back, Escape and the close button return to the list and put
//! focus back on the agency's list entry.

use ia_core::evidence::stale_since;
use ia_core::geo::format_fixed;
use ia_core::query::encode_component;
use ia_core::validate::{is_email, is_http_url, is_phone, phone_for_link};
use ia_core::Agency;
use leptos::html::H2;
use leptos::prelude::*;

use crate::config::{report_link, Config};
use crate::i18n::Texts;
use crate::page::PageParams;
use crate::state::FinderState;
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
    let report_url = use_context::<Config>()
        .expect("Config is provided by Finder")
        .report_url;
    let Some(agency) = state
        .catalog
        .with_value(|c| c.agencies.get(position).cloned())
    else {
        return ().into_any();
    };
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
            {facts(&agency, texts)}
            <ul class="actions">
                {contact_links(&agency, texts)}
                <li><a class="action" href=osm_route_url(&agency) target="_blank" rel="noopener noreferrer">{texts.directions}</a></li>
                <li><a class="action" href=format!("geo:{},{}", fixed5(agency.location.lat), fixed5(agency.location.lon))>{texts.open_in_map_app}</a></li>
            </ul>
            // Its static page is the address to share (it works without the app).
            {(!embedded).then(|| {
                let page = ia_core::pages::agency_page(&encode_component(&agency.id));
                view! { <Share what=Shared::Agency link=Callback::new(move |()| page.clone()) title=agency.name.clone()/> }
            })}
            <p class="provenance">
                {texts.source} ": "
                {is_http_url(&agency.source_url).then(|| view! {
                    <a href=agency.source_url.clone() target="_blank" rel="noopener noreferrer">{short_host(&agency.source_url)}</a>
                })}
                " (" {source_dates(&agency, texts)} ")"
                {(!agency.last_verified.is_empty()).then(|| view! {
                    " · " {texts.last_verified} " " {texts.date(&agency.last_verified)}
                })}
                {stale_since(&agency, &today()).map(|since| view! {
                    " · " <strong data-testid="not-confirmed">{texts.not_confirmed_since(since)}</strong>
                })}
                {report_link(&report_url, &agency.id, &agency.name).map(|href| view! {
                    " · " <a href=href rel="noopener noreferrer">{texts.report_error}</a>
                })}
            </p>
        </article>
    }
    .into_any()
}

/// Carrier, address, offers, topics and languages as a definition list: the
/// detail view's facts, and the static agency page's (`crate::pages`).
pub(crate) fn facts(agency: &Agency, texts: &'static Texts) -> impl IntoView {
    let address_lines = address_lines(agency);
    let precision_note = agency
        .location
        .precision
        .is_approximate()
        .then(|| texts.approximate_position(agency.location.precision));
    view! {
        <dl class="facts">
            <dt>{texts.carrier_label}</dt>
            // <bdi>: data text never changes the direction of the app's own words after it.
            <dd><bdi lang="de">{agency.carrier.clone()}</bdi> " (" {texts.umbrella(agency.umbrella)} ")"</dd>
            <dt>{texts.address_label}</dt>
            <dd lang="de">
                {address_lines.into_iter().map(|line| view! { <span class="line">{line}</span> }).collect_view()}
                {precision_note.map(|note| view! { <span class="line note">{note}</span> })}
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

/// "Stand der Quelle: 2021, gelesen am 24.11.2026" (the source's own date
/// only where it is known).
pub(crate) fn source_dates(agency: &Agency, texts: &'static Texts) -> String {
    let read = texts.source_read(&agency.source_seen);
    match agency
        .source_date
        .as_deref()
        .filter(|date| !date.is_empty())
    {
        Some(date) => format!("{}, {read}", texts.source_dated(date)),
        None => read,
    }
}

/// Today as `YYYY-MM-DD`, in the browser's clock (UTC).
fn today() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

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

/// Whether [`contact_links`] has anything to show: a list without items is
/// not written (IBM Equal Access `aria_child_valid`).
pub(crate) fn has_contact_links(agency: &Agency) -> bool {
    let contact = &agency.contact;
    contact.phone.as_deref().is_some_and(is_phone)
        || contact.email.as_deref().is_some_and(is_email)
        || contact.website.as_deref().is_some_and(is_http_url)
}

/// Only `tel:`, `mailto:` and `http(s)` links are ever produced, and only from
/// values that pass validation; anything else is not linked at all.
pub(crate) fn contact_links(agency: &Agency, texts: &'static Texts) -> impl IntoView {
    let contact = &agency.contact;
    let phone = contact.phone.as_ref().filter(|p| is_phone(p)).map(|phone| {
        let href = format!("tel:{}", phone_for_link(phone));
        // No-break spaces and hyphens: "Anrufen: 0221 123-4" never wraps
        // (html-validate's tel-non-breaking).
        let shown = format!("{}\u{a0}{}", texts.call, phone)
            .replace(' ', "\u{a0}")
            .replace('-', "\u{2011}");
        view! { <li><a class="action" href=href>{shown}</a></li> }
    });
    let email = contact.email.as_ref().filter(|e| is_email(e)).map(|email| {
        let href = format!("mailto:{email}");
        view! { <li><a class="action" href=href>{texts.write_email} " " {email.clone()}</a></li> }
    });
    let website = contact.website.as_ref().filter(|w| is_http_url(w)).map(|website| {
        view! { <li><a class="action" href=website.clone() target="_blank" rel="noopener noreferrer">{texts.website} " " {short_host(website)}</a></li> }
    });
    (phone, email, website)
}

/// The same contacts as one line of text ("Anrufen: 0221 … · E-Mail: … ·
/// Website: www…"), for the printed list.
pub(crate) fn contact_text(agency: &Agency, texts: &'static Texts) -> String {
    let contact = &agency.contact;
    [
        contact
            .phone
            .as_ref()
            .filter(|p| is_phone(p))
            .map(|p| format!("{} {p}", texts.call)),
        contact
            .email
            .as_ref()
            .filter(|e| is_email(e))
            .map(|e| format!("{} {e}", texts.write_email)),
        contact
            .website
            .as_ref()
            .filter(|w| is_http_url(w))
            .map(|w| format!("{} {}", texts.website, short_host(w))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

pub(crate) fn osm_route_url(agency: &Agency) -> String {
    let (lat, lon) = (fixed5(agency.location.lat), fixed5(agency.location.lon));
    format!("https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lon}#map=15/{lat}/{lon}")
}

fn fixed5(value: f64) -> String {
    format_fixed(value, 5)
}

/// `https://www.example.org/a/b` → `www.example.org`.
pub(crate) fn short_host(url: &str) -> String {
    url.split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or(url)
        .to_owned()
}

//! The static pages' bodies, rendered natively with Leptos (feature `ssr`)
//! from the same pieces as the app's detail view (`crate::ui::detail`).
//! German only, like the prerendered first view; no script, no controls
//! that need one: every link works without JavaScript.

use ia_core::evidence::stale_since;
use ia_core::nearby::format_km;
use ia_core::pages::{self, app_at_agency, app_at_place, Place, UP};
use ia_core::validate::is_http_url;
use ia_core::{Agency, DatasetMeta};
use leptos::prelude::*;

use super::words;
use crate::config::report_link;
use crate::i18n::Texts;
use crate::ui::detail::{
    contact_links, facts, has_contact_links, osm_route_url, short_host, source_dates,
};

/// The page-only words (the app's own are in `locales/de.json`).
pub const SITE_NAME: &str = "Integrationsagenturen in NRW";
const SKIP: &str = "Zum Inhalt springen";
const ALL_AGENCIES: &str = "Alle Integrationsagenturen";
const BREADCRUMBS: &str = "Sie sind hier";
const SHOW_ON_MAP: &str = "Auf der Karte zeigen";
const CONTACT: &str = "Kontakt";
const LOCATION: &str = "Lage";
const SHARE: &str = "Diese Seite weitergeben";
const QR_SVG: &str = "QR-Code als SVG herunterladen";
const QR_PNG: &str = "QR-Code als PNG herunterladen";
const PLACES: &str = "Alle Kreise und kreisfreien Städte";
const NEAREST: &str = "Die nächsten Integrationsagenturen";
const DATA: &str = "Daten";
const LICENCE: &str = "Lizenz";

/// What every page has around its content: skip link, site header,
/// breadcrumbs, `<main>`, and the data's "Stand", source and licence.
#[component]
fn PageFrame(
    texts: &'static Texts,
    meta: DatasetMeta,
    /// `(label, href)` above the page's own title.
    trail: Vec<(String, String)>,
    current: String,
    children: Children,
) -> impl IntoView {
    let source = meta.source.clone();
    view! {
        <a class="skip-link" href="#main">{SKIP}</a>
        <header class="site-header">
            <div class="site-header__text">
                <p class="site-title"><a href=UP>{texts.app_title}</a></p>
                <p class="subtitle">{texts.app_subtitle}</p>
            </div>
        </header>
        <nav class="breadcrumbs" aria-label=BREADCRUMBS>
            <ol>
                <li><a href=UP>{ALL_AGENCIES}</a></li>
                {trail.into_iter().map(|(label, href)| view! { <li><a href=href>{label}</a></li> }).collect_view()}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
        <main id="main" class="page-main">{children()}</main>
        <footer class="page-footer">
            <p>
                {texts.as_of(&meta.as_of)} " · " {DATA} ": "
                {if is_http_url(&source.url) {
                    view! { <a href=source.url.clone() rel="noopener noreferrer">{source.text.clone()}</a> }.into_any()
                } else {
                    view! { <span>{source.text.clone()}</span> }.into_any()
                }}
                " · " {LICENCE} ": " {meta.licence.clone()}
            </p>
            <p>{texts.boundaries_attribution}</p>
        </footer>
    }
}

/// What an agency page needs besides the record.
pub struct AgencyPageData {
    pub agency: Agency,
    pub meta: DatasetMeta,
    pub place: Option<(String, String)>,
    /// The static map (`ia_core::static_map`), inline SVG.
    pub map: String,
    /// The page's absolute URL and its QR code (inline SVG), with a site address.
    pub share: Option<(String, String)>,
    pub report_url: String,
}

/// One agency: name, badge, facts, contact, "Auf der Karte zeigen", map,
/// source and dates, and the page's address with its QR code.
pub fn agency_page(texts: &'static Texts, data: AgencyPageData) -> String {
    let AgencyPageData {
        agency,
        meta,
        place,
        map,
        share,
        report_url,
    } = data;
    let trail: Vec<(String, String)> = place.into_iter().collect();
    let id = agency.id.clone();
    let stale = stale_since(&agency, &meta.as_of).map(|since| texts.not_confirmed_since(since));
    let report = report_link(&report_url, &agency.id, &agency.name);
    render(move || {
        view! {
            <PageFrame texts meta trail current=agency.name.clone()>
                <article class="detail page-agency" aria-labelledby="page-title">
                    <h1 id="page-title" lang="de">{agency.name.clone()}</h1>
                    {agency.antidiscrimination.then(|| view! { <p class="badge badge--sada">{texts.servicestelle}</p> })}
                    {facts(&agency, texts)}
                    <h2>{CONTACT}</h2>
                    <ul class="actions">
                        {contact_links(&agency, texts)}
                        <li><a class="action action--primary" href=app_at_agency(&id) data-testid="show-on-map">{SHOW_ON_MAP}</a></li>
                        <li><a class="action" href=osm_route_url(&agency) rel="noopener noreferrer">{texts.directions}</a></li>
                    </ul>
                    <h2 class="visually-hidden">{LOCATION}</h2>
                    <div class="page-map" inner_html=map></div>
                    <p class="provenance">
                        {texts.source} ": "
                        {is_http_url(&agency.source_url).then(|| view! {
                            <a href=agency.source_url.clone() rel="noopener noreferrer">{short_host(&agency.source_url)}</a>
                        })}
                        " (" {source_dates(&agency, texts)} ")"
                        {(!agency.last_verified.is_empty()).then(|| view! {
                            " · " {texts.last_verified} " " {texts.date(&agency.last_verified)}
                        })}
                        {stale.map(|note| view! { " · " <strong>{note}</strong> })}
                        {report.map(|href| view! { " · " <a href=href rel="noopener noreferrer">{texts.report_error}</a> })}
                    </p>
                    {share.map(|(url, qr)| view! {
                        <section class="page-share" aria-labelledby="share-title">
                            <h2 id="share-title">{SHARE}</h2>
                            <p class="page-share__url" data-testid="page-url">{url}</p>
                            <div class="page-share__qr" inner_html=qr></div>
                            <ul class="page-share__downloads">
                                <li><a href=format!("{id}-qr.svg") download=true>{QR_SVG}</a></li>
                                <li><a href=format!("{id}-qr.png") download=true>{QR_PNG}</a></li>
                            </ul>
                        </section>
                    })}
                </article>
            </PageFrame>
        }
    })
}

/// One entry of a place page's list: the name as a link to the agency's
/// page, carrier, address, badge and contact links.
fn entry(agency: &Agency, texts: &'static Texts, km: Option<f64>) -> impl IntoView {
    let href = format!("{UP}{}", pages::agency_page(&agency.id));
    let address = crate::ui::detail::address_lines(agency).join(", ");
    view! {
        <li class="page-entry">
            <h3 class="page-entry__name" lang="de"><a href=href>{agency.name.clone()}</a></h3>
            <p class="result__more">{agency.carrier.clone()}</p>
            <p class="result__more">{address}</p>
            {km.map(|km| view! { <p class="result__distance">{format_km(km, ',', "km")} " entfernt"</p> })}
            {agency.antidiscrimination.then(|| view! { <p class="badge badge--sada">{texts.servicestelle}</p> })}
            {has_contact_links(agency).then(|| view! { <ul class="actions">{contact_links(agency, texts)}</ul> })}
        </li>
    }
}

/// What a place page needs.
pub struct PlacePageData<'a> {
    pub place: &'a Place,
    /// The place's agencies, or the nearest ones with their distance.
    pub agencies: Vec<(Agency, Option<f64>)>,
    pub has_own: bool,
    pub n_total: usize,
    pub meta: DatasetMeta,
    pub map: String,
    /// `(title, href)` of every place, for the list at the end.
    pub all_places: Vec<(String, String)>,
}

/// A Kreis or kreisfreie Stadt: its agencies, or honestly none and the
/// nearest ones; its map; the other places.
pub fn place_page(texts: &'static Texts, data: PlacePageData) -> String {
    let PlacePageData {
        place,
        agencies,
        has_own,
        n_total,
        meta,
        map,
        all_places,
    } = data;
    let phrase = words::place_phrase(&place.title(), place.kreisfrei);
    let n_sada = agencies
        .iter()
        .filter(|(a, _)| a.antidiscrimination)
        .count();
    let summary = if has_own {
        words::count_sentence(agencies.len(), n_sada)
    } else {
        words::none_sentence(
            &phrase,
            n_total,
            meta.coverage.as_ref().map(|c| c.estimated_total),
        )
    };
    let slug = place.slug();
    let ags = place.ags.clone();
    let title = place.title();
    let kind = place.kind();
    render(move || {
        let entries = agencies
            .iter()
            .map(|(agency, km)| entry(agency, texts, *km))
            .collect_view();
        view! {
            <PageFrame texts meta trail=Vec::new() current=title.clone()>
                <article class="page-place" aria-labelledby="page-title">
                    <p class="page-kicker">{kind}</p>
                    <h1 id="page-title">"Integrationsagenturen " {phrase.clone()}</h1>
                    <p data-testid="place-summary">{summary}</p>
                    // Without agencies here, the app finds the place by its code
                    // (the dataset's Kreis list) and shows the nearest ones.
                    <ul class="actions"><li><a class="action action--primary" href=app_at_place(if has_own { &slug } else { &ags }) data-testid="show-on-map">{SHOW_ON_MAP}</a></li></ul>
                    <div class="page-map" inner_html=map></div>
                    {(!has_own).then(|| view! { <h2>{NEAREST}</h2> })}
                    <ul class="page-list" data-testid="place-agencies">
                        {entries}
                    </ul>
                    <nav class="page-places" aria-labelledby="places-title">
                        <h2 id="places-title">{PLACES}</h2>
                        <ul>
                            {all_places.into_iter().map(|(label, href)| view! { <li><a href=href>{label}</a></li> }).collect_view()}
                        </ul>
                    </nav>
                </article>
            </PageFrame>
        }
    })
}

/// A view rendered to HTML, without Leptos' hydration markers (these
/// pages are never hydrated).
fn render<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| {
        view()
            .into_view()
            .to_html()
            .replace("<!--<() />-->", "")
            .replace("<!>", "")
    })
}

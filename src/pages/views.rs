//! The static pages' bodies, rendered natively with Leptos (feature `ssr`)
//! from the same pieces as the app's detail view (`crate::ui::detail`).
//! German only, like the prerendered first view; no script, no controls
//! that need one: every link works without JavaScript.

use ia_core::nearby::format_km;
use ia_core::pages::{self, app_at_agency, app_at_place, Place, UP};
use ia_core::validate::is_http_url;
use ia_core::{Agency, DatasetMeta};
use leptos::prelude::*;

use super::words;
use crate::i18n::Texts;
use crate::ui::contact::{check_note, contact_links, provenance, Ways};
use crate::ui::detail::{facts, osm_route_url};
use crate::ui::{SiteHeader, SkipLink};

/// What every page has around its content: skip link, site header,
/// breadcrumbs, `<main>`, and the data's "Stand", source and licence.
#[component]
pub(super) fn PageFrame(
    texts: &'static Texts,
    meta: DatasetMeta,
    /// `(label, href)` above the page's own title.
    trail: Vec<(String, String)>,
    current: String,
    children: Children,
) -> impl IntoView {
    let source = meta.source.clone();
    let words = words::german();
    provide_context(texts);
    view! {
        <SkipLink target="main" label=words.skip_to_content/>
        <SiteHeader home=UP/>
        <nav class="breadcrumbs" aria-label=words.breadcrumbs>
            <ol>
                <li><a href=UP>{words.all_agencies}</a></li>
                {trail.into_iter().map(|(label, href)| view! { <li><a href=href>{label}</a></li> }).collect_view()}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
        <main id="main" class="page-main">{children()}</main>
        <footer class="page-footer">
            <p>
                {texts.as_of(&meta.as_of)} " · " {words.data} ": "
                {if is_http_url(&source.url) {
                    view! { <a href=source.url.clone() rel="noopener noreferrer">{source.text.clone()}</a> }.into_any()
                } else {
                    view! { <span>{source.text.clone()}</span> }.into_any()
                }}
                " · " {words.licence} ": " {meta.licence.clone()}
            </p>
            <p>{texts.boundaries_attribution}</p>
            <p><a href=format!("{UP}{}", ia_core::opendata::DATA_PAGE) data-testid="open-data-link">{texts.open_data}</a></p>
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
    /// Where "Fehler melden" leads, and the network's directory (for a
    /// record without contact).
    pub report_url: String,
    pub directory_url: Option<String>,
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
        directory_url,
    } = data;
    let trail: Vec<(String, String)> = place.into_iter().collect();
    let id = agency.id.clone();
    let check = check_note(&agency, &meta.as_of, texts);
    let words = words::german();
    render(move || {
        let ways = Ways {
            directory_url: directory_url.as_deref(),
            report_url: &report_url,
        };
        let contacts = contact_links(&agency, texts, ways);
        let source_line = provenance(&agency, texts, &report_url);
        view! {
            <PageFrame texts meta trail current=agency.name.clone()>
                <article class="detail page-agency" aria-labelledby="page-title">
                    <h1 id="page-title" lang="de">{agency.name.clone()}</h1>
                    {agency.antidiscrimination.then(|| view! { <p class="badge badge--sada">{texts.servicestelle}</p> })}
                    {check.map(|note| view! { <p class="check-note" data-testid="check-note">{note}</p> })}
                    {facts(&agency, texts)}
                    <h2>{words.contact}</h2>
                    <ul class="actions">
                        {contacts}
                        <li><a class="action action--primary" href=app_at_agency(&id) data-testid="show-on-map">{words.show_on_map}</a></li>
                        <li><a class="action" href=osm_route_url(&agency) rel="noopener noreferrer">{texts.directions}</a></li>
                    </ul>
                    <h2 class="visually-hidden">{words.location}</h2>
                    <div class="page-map" inner_html=map></div>
                    {source_line}
                    {share.map(|(url, qr)| view! {
                        <section class="page-share" aria-labelledby="share-title">
                            <h2 id="share-title">{words.share}</h2>
                            <p class="page-share__url" data-testid="page-url">{url}</p>
                            <div class="page-share__qr" inner_html=qr></div>
                            <ul class="page-share__downloads">
                                <li><a href=format!("{id}-qr.svg") download=true>{words.qr_svg}</a></li>
                                <li><a href=format!("{id}-qr.png") download=true>{words.qr_png}</a></li>
                            </ul>
                        </section>
                    })}
                </article>
            </PageFrame>
        }
    })
}

/// One entry of a place page's list: the name as a link to the agency's
/// page, carrier, address, badge, "bitte prüfen" and contact links. The
/// name is a heading one level under the list's: `h2` right under the
/// page's `h1`, `h3` under the "nearest" `h2` (no level skipped:
/// tests/html/validate.test.mjs).
fn entry(
    agency: &Agency,
    texts: &'static Texts,
    km: Option<f64>,
    under_h2: bool,
    as_of: &str,
    ways: Ways,
) -> impl IntoView {
    let href = format!("{UP}{}", pages::agency_page(&agency.id));
    let address = crate::ui::detail::address_lines(agency).join(", ");
    let check = check_note(agency, as_of, texts);
    let link = view! { <a href=href>{agency.name.clone()}</a> };
    let name = if under_h2 {
        view! { <h3 class="page-entry__name" lang="de">{link}</h3> }.into_any()
    } else {
        view! { <h2 class="page-entry__name" lang="de">{link}</h2> }.into_any()
    };
    view! {
        <li class="page-entry">
            {name}
            <p class="result__more">{agency.carrier.clone()}</p>
            <p class="result__more">{address}</p>
            {km.map(|km| view! { <p class="result__distance">{words::german().distance(&format_km(km, ',', "km"))}</p> })}
            {agency.antidiscrimination.then(|| view! { <p class="badge badge--sada">{texts.servicestelle}</p> })}
            {check.map(|note| view! { <p class="result__check">{note}</p> })}
            <ul class="actions">{contact_links(agency, texts, ways)}</ul>
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
    pub report_url: String,
    pub directory_url: Option<String>,
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
        report_url,
        directory_url,
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
    let as_of = meta.as_of.clone();
    let words = words::german();
    let heading = words.place_title(&phrase);
    render(move || {
        let ways = Ways {
            directory_url: directory_url.as_deref(),
            report_url: &report_url,
        };
        let entries = agencies
            .iter()
            .map(|(agency, km)| entry(agency, texts, *km, !has_own, &as_of, ways))
            .collect_view();
        view! {
            <PageFrame texts meta trail=Vec::new() current=title.clone()>
                <article class="page-place" aria-labelledby="page-title">
                    <p class="page-kicker">{kind}</p>
                    <h1 id="page-title">{heading}</h1>
                    <p data-testid="place-summary">{summary}</p>
                    // Without agencies here, the app finds the place by its code
                    // (the dataset's Kreis list) and shows the nearest ones.
                    <ul class="actions"><li><a class="action action--primary" href=app_at_place(if has_own { &slug } else { &ags }) data-testid="show-on-map">{words.show_on_map}</a></li></ul>
                    <div class="page-map" inner_html=map></div>
                    {(!has_own).then(|| view! { <h2>{words.nearest}</h2> })}
                    <ul class="page-list" data-testid="place-agencies">
                        {entries}
                    </ul>
                    <nav class="page-places" aria-labelledby="places-title">
                        <h2 id="places-title">{words.all_places}</h2>
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
pub(super) fn render<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| {
        view()
            .into_view()
            .to_html()
            .replace("<!--<() />-->", "")
            .replace("<!>", "")
    })
}

//! How to reach someone about an agency, and how sure its data is (issue
//! 27): the contact links with their fallback (own contacts, else the
//! carrier's website, else the network's directory and "Fehler melden"),
//! the list's line saying which kind it is, the printed line, the "bitte
//! vor einem Besuch prüfen" note and the source line. Shared by the detail
//! view, the list (also prerendered) and the static pages (`crate::pages`).

use ia_core::evidence::{age, Age};
use ia_core::reach::{channels, reach, Reach};
use ia_core::validate::{is_http_url, phone_for_link};
use ia_core::Agency;
use leptos::prelude::*;

use crate::config::{report_link, Config};
use crate::i18n::Texts;

/// Where to send a resident when the dataset knows no contact: the
/// network's directory and the report address (both from `config.json`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ways<'a> {
    pub directory_url: Option<&'a str>,
    pub report_url: &'a str,
}

impl<'a> Ways<'a> {
    pub fn of(config: &'a Config) -> Ways<'a> {
        Ways {
            directory_url: config.checked_directory_url(),
            report_url: &config.report_url,
        }
    }
}

/// The agency's contacts as links: its own (phone, e-mail, website), else
/// its carrier's website, else the honest "no contact" with the network's
/// directory and "Fehler melden". Only `tel:`, `mailto:` and http(s) links
/// are produced, and only from values that pass the core's checks.
pub(crate) fn contact_links(agency: &Agency, texts: &'static Texts, ways: Ways) -> AnyView {
    let found = channels(agency);
    let phone = found.phone.map(|phone| {
        let href = format!("tel:{}", phone_for_link(phone));
        // No-break spaces and hyphens: "Anrufen: 0221 123-4" never wraps
        // (html-validate's tel-non-breaking).
        let shown = format!("{}\u{a0}{}", texts.call, phone)
            .replace(' ', "\u{a0}")
            .replace('-', "\u{2011}");
        view! { <li><a class="action" href=href>{shown}</a></li> }
    });
    let email = found.email.map(|email| {
        let href = format!("mailto:{email}");
        view! { <li><a class="action" href=href>{texts.write_email} " " {email.to_owned()}</a></li> }
    });
    let website = found.website.map(|website| {
        view! { <li><a class="action" href=website.to_owned() target="_blank" rel="noopener noreferrer">{texts.website} " " {short_host(website)}</a></li> }
    });
    let carrier = found.carrier_website.map(|website| {
        view! { <li><a class="action" href=website.to_owned() target="_blank" rel="noopener noreferrer" data-testid="carrier-website">{texts.carrier_website} " " {short_host(website)}</a></li> }
    });
    if reach(agency) != Reach::Nothing {
        return (phone, email, website, carrier).into_any();
    }
    let directory = ways.directory_url.map(|href| {
        view! { <li><a class="action" href=href.to_owned() target="_blank" rel="noopener noreferrer" data-testid="no-contact-directory">{texts.place_gap_directory}</a></li> }
    });
    let report = report_link(ways.report_url, &agency.id, &agency.name).map(|href| {
        view! { <li><a class="action" href=href rel="noopener noreferrer" data-testid="no-contact-report">{texts.report_error}</a></li> }
    });
    view! {
        <li class="no-contact" data-testid="no-contact"><p>{texts.no_contact}</p></li>
        {directory}
        {report}
    }
    .into_any()
}

/// The same as one line of text, for the printed list ("Anrufen: 0221 … ·
/// E-Mail: … · Website: www…"; "Website des Trägers: …"; or "Kein Kontakt
/// bekannt · Verzeichnis des Landesnetzwerks: …").
pub(crate) fn contact_text(agency: &Agency, texts: &'static Texts, ways: Ways) -> String {
    let found = channels(agency);
    let parts: Vec<String> = match reach(agency) {
        Reach::Nothing => std::iter::once(texts.reach_nothing.to_owned())
            .chain(
                ways.directory_url
                    .map(|url| format!("{}: {}", texts.place_gap_directory, short_host(url))),
            )
            .collect(),
        _ => [
            found.phone.map(|p| format!("{} {p}", texts.call)),
            found.email.map(|e| format!("{} {e}", texts.write_email)),
            found
                .website
                .map(|w| format!("{} {}", texts.website, short_host(w))),
            found
                .carrier_website
                .map(|w| format!("{} {}", texts.carrier_website, short_host(w))),
        ]
        .into_iter()
        .flatten()
        .collect(),
    };
    parts.join(" · ")
}

/// The list's line saying how the agency can be reached: "Kontakt:
/// Telefon, E-Mail", "Kontakt nur über die Website des Trägers" or "Kein
/// Kontakt bekannt".
pub(crate) fn reach_line(agency: &Agency, texts: &'static Texts) -> String {
    match reach(agency) {
        Reach::Own => {
            let found = channels(agency);
            let kinds: Vec<&str> = [
                found.phone.map(|_| texts.field_phone),
                found.email.map(|_| texts.field_email),
                found.website.map(|_| texts.field_website),
            ]
            .into_iter()
            .flatten()
            .collect();
            texts.reach_own(&kinds.join(", "))
        }
        Reach::Carrier => texts.reach_carrier.to_owned(),
        Reach::Nothing => texts.reach_nothing.to_owned(),
    }
}

/// "Angaben aus 2014 – bitte vor einem Besuch prüfen" (or "ohne Datum")
/// when the record's newest evidence is old on `today`; `None` when recent.
pub(crate) fn check_note(agency: &Agency, today: &str, texts: &'static Texts) -> Option<String> {
    match age(agency, today) {
        Age::Recent => None,
        Age::Old(year) => Some(texts.check_old(year)),
        Age::Undated => Some(texts.check_undated.to_owned()),
    }
}

/// The day the notes are measured on: the browser's today in the app; the
/// dataset's "Stand" where the view is rendered at build time (the same
/// output for the same data).
pub(crate) fn today_or(as_of: &str) -> String {
    if cfg!(feature = "ssr") {
        return as_of.to_owned();
    }
    #[cfg(not(feature = "ssr"))]
    {
        let iso: String = js_sys::Date::new_0().to_iso_string().into();
        return iso.chars().take(10).collect();
    }
    #[allow(unreachable_code)]
    as_of.to_owned()
}

/// The source line: where the record is from (the publisher when the page
/// is a copy), its dates, the sources of single fields, a confirmation, and
/// "Fehler melden".
pub(crate) fn provenance(agency: &Agency, texts: &'static Texts, report_url: &str) -> AnyView {
    let source = is_http_url(&agency.source_url).then(|| {
        let shown = agency
            .source_credit
            .clone()
            .unwrap_or_else(|| short_host(&agency.source_url));
        view! { <a href=agency.source_url.clone() target="_blank" rel="noopener noreferrer">{shown}</a> }
    });
    let more = (!agency.field_sources.is_empty()).then(|| {
        let items = agency
            .field_sources
            .iter()
            .filter(|s| is_http_url(&s.url))
            .enumerate()
            .map(|(i, s)| {
                let fields: Vec<&str> = s.fields.iter().map(|f| texts.field(f)).collect();
                let shown = s.credit.clone().unwrap_or_else(|| short_host(&s.url));
                view! {
                    {(i > 0).then_some("; ")}
                    <a href=s.url.clone() target="_blank" rel="noopener noreferrer">{shown}</a>
                    " (" {fields.join(", ")} ", " {texts.source_read(&s.seen)} ")"
                }
            })
            .collect_view();
        view! { " · " {texts.more_sources} ": " {items} }
    });
    let report = report_link(report_url, &agency.id, &agency.name);
    view! {
        <p class="provenance">
            {texts.source} ": " {source}
            " (" {source_dates(agency, texts)} ")"
            {more}
            {(!agency.last_verified.is_empty()).then(|| view! {
                " · " {texts.last_verified} " " {texts.date(&agency.last_verified)}
            })}
            {report.map(|href| view! {
                " · " <a href=href rel="noopener noreferrer">{texts.report_error}</a>
            })}
        </p>
    }
    .into_any()
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

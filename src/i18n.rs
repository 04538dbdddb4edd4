//! Every user-visible string of the app, one table per language.
//!
//! A table is a `Texts` struct literal, so a language that lacks a string does
//! not compile: "every locale has every key" is checked by the compiler.
//! Labels of the closed vocabularies (offers, topics, umbrellas) are looked up
//! by their enum, so the UI never shows a raw code. Agency names, addresses and
//! other data stay as in the source (German) and are marked `lang="de"`.

use ia_core::{Offer, Precision, Topic, Umbrella};

mod ar;
#[cfg(test)]
mod checks;
mod de_ls;
mod en;
mod fa;
mod ru;
mod tr;
mod uk;

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    De,
    DeLs,
    En,
    Tr,
    Ar,
    Fa,
    Uk,
    Ru,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[
        Lang::De,
        Lang::DeLs,
        Lang::En,
        Lang::Tr,
        Lang::Ar,
        Lang::Fa,
        Lang::Uk,
        Lang::Ru,
    ];

    /// BCP 47 tag, for `<html lang>` and the `lang` URL parameter.
    /// Leichte Sprache has no registered subtag: a private-use one.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::DeLs => "de-x-ls",
            Lang::En => "en",
            Lang::Tr => "tr",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::De => &DE,
            Lang::DeLs => &de_ls::DE_LS,
            Lang::En => &en::EN,
            Lang::Tr => &tr::TR,
            Lang::Ar => &ar::AR,
            Lang::Fa => &fa::FA,
            Lang::Uk => &uk::UK,
            Lang::Ru => &ru::RU,
        }
    }

    /// Writing direction, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar | Lang::Fa => "rtl",
            Lang::De | Lang::DeLs | Lang::En | Lang::Tr | Lang::Uk | Lang::Ru => "ltr",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::DeLs => "Leichte Sprache",
            Lang::En => "English",
            Lang::Tr => "Türkçe",
            Lang::Ar => "العربية",
            Lang::Fa => "فارسی",
            Lang::Uk => "Українська",
            Lang::Ru => "Русский",
        }
    }

    /// The language for a BCP 47 tag such as `en-GB` or `de-x-ls` (case
    /// and `_` instead of `-` are accepted); `None` for other languages.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        if tag == "de-x-ls" {
            return Some(Lang::DeLs);
        }
        let primary = tag.split('-').next().unwrap_or_default();
        Lang::ALL
            .iter()
            .copied()
            .filter(|lang| *lang != Lang::DeLs)
            .find(|lang| lang.tag() == primary)
    }

    /// The first language of `preferred` (the `lang` parameter, then the
    /// browser's languages) that the app has; German otherwise.
    pub fn choose<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::De)
    }

    /// The language of this page: `?lang=`, then the browser's languages, then German.
    pub fn for_page() -> Lang {
        let Some(window) = web_sys::window() else {
            return Lang::De;
        };
        let search = window.location().search().unwrap_or_default();
        let from_url = search
            .trim_start_matches('?')
            .split('&')
            .find_map(|pair| pair.strip_prefix("lang="))
            .map(str::to_owned);
        let browser: Vec<String> = window
            .navigator()
            .languages()
            .iter()
            .filter_map(|value| value.as_string())
            .collect();
        Lang::choose(from_url.iter().chain(browser.iter()).map(String::as_str))
    }
}

/// The strings of one language. Functions are used where a number or name
/// goes into the sentence, so that each language can order words its own way.
pub struct Texts {
    /// BCP 47 tag of this language, for `lang` attributes on UI text inside data.
    pub lang_tag: &'static str,
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub skip_to_results: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub crashed: &'static str,
    pub reload: &'static str,
    pub start_over: &'static str,
    pub n_found: fn(usize) -> String,
    pub n_skipped: fn(usize) -> String,
    /// The button under a long list: show `n` more entries.
    pub show_more: fn(usize) -> String,
    pub results_heading: &'static str,
    pub map_label: &'static str,
    pub view_switch_label: &'static str,
    pub view_list: &'static str,
    pub view_map: &'static str,
    pub map_note_no_tiles: &'static str,
    pub map_unavailable: &'static str,
    /// Said once on translated pages: the agencies' data stays German. Empty in German.
    pub data_in_german: &'static str,
    pub language_label: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub language_apply: &'static str,
    pub cluster_label: fn(usize) -> String,
    pub servicestelle: &'static str,
    pub approximate_position: fn(Precision) -> &'static str,
    pub as_of: fn(&str) -> String,
    /// A date `YYYY-MM-DD` as this language writes it.
    pub date: fn(&str) -> String,
    /// The unit after a distance ("km").
    pub km_unit: &'static str,
    pub source: &'static str,
    pub coverage: fn(usize, u32) -> String,
    pub data_licence: &'static str,
    pub boundaries_attribution: &'static str,
    pub error_not_found: fn(u16) -> String,
    pub error_network: &'static str,
    pub error_format: &'static str,
    pub error_schema: &'static str,
    pub technical_details: &'static str,
    pub filters_label: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub place_label: &'static str,
    pub place_all: &'static str,
    pub kreis_suffix: &'static str,
    pub place_clear: &'static str,
    pub near_label: &'static str,
    pub near_placeholder: &'static str,
    pub near_clear: &'static str,
    pub near_no_match: &'static str,
    pub near_hint: &'static str,
    pub places_loading: &'static str,
    pub places_failed: &'static str,
    pub use_location: &'static str,
    pub locating: &'static str,
    pub location_denied: &'static str,
    pub location_unavailable: &'static str,
    pub radius_label: &'static str,
    pub radius_all: &'static str,
    pub radius_km: fn(u16) -> String,
    pub nearest_instead: fn(u16, usize) -> String,
    pub sada_far: fn(&str) -> String,
    pub distance_suffix: &'static str,
    pub origin_label: fn(&str) -> String,
    pub decimal_separator: char,
    pub place_no_match: &'static str,
    pub n_places: fn(usize) -> String,
    pub sada_toggle: &'static str,
    pub sada_only: &'static str,
    pub preset_label: &'static str,
    pub topics_legend: &'static str,
    pub offers_legend: &'static str,
    pub umbrellas_legend: &'static str,
    pub more_filters: &'static str,
    /// The control the less used filters fold into ("Filter (2)").
    pub filters_toggle: &'static str,
    /// Said on the prerendered page when the app does not run (no JavaScript).
    pub needs_js: &'static str,
    pub reset_filters: &'static str,
    pub back_to_list: &'static str,
    pub carrier_label: &'static str,
    pub address_label: &'static str,
    pub languages_label: &'static str,
    pub call: &'static str,
    pub write_email: &'static str,
    pub website: &'static str,
    pub directions: &'static str,
    pub open_in_map_app: &'static str,
    pub last_verified: &'static str,
    pub report_error: &'static str,
    pub get_listed: &'static str,
    pub postcodes_attribution: &'static str,
    pub download_label: &'static str,
    pub about_data: &'static str,
    pub open_full_map: &'static str,
    pub embed_generator_link: &'static str,
    pub embed_title: &'static str,
    pub embed_intro: &'static str,
    pub embed_lock: &'static str,
    pub embed_list: &'static str,
    pub embed_list_side: &'static str,
    pub embed_list_bottom: &'static str,
    pub embed_list_none: &'static str,
    pub embed_height: &'static str,
    pub embed_snippet: &'static str,
    pub embed_copy: &'static str,
    pub embed_copied: &'static str,
    pub embed_preview: &'static str,
    pub embed_iframe_title: &'static str,
    pub embed_back: &'static str,
    pub skip_map: &'static str,
    pub pan_label: &'static str,
    pub pan_north: &'static str,
    pub pan_south: &'static str,
    pub pan_west: &'static str,
    pub pan_east: &'static str,
    pub load_tiles: &'static str,
    pub embed_tiles_on_click: &'static str,
    /// The generator's list of controls the embed shows.
    pub embed_controls: &'static str,
    /// The generator's language choice that adds no `lang` parameter.
    pub embed_language_auto: &'static str,
    /// The footer link to the operator's accessibility statement.
    pub accessibility_statement: &'static str,
    pub wheel_hint: &'static str,
    pub touch_hint: &'static str,
    pub offer: fn(Offer) -> &'static str,
    pub topic: fn(Topic) -> &'static str,
    pub umbrella: fn(Umbrella) -> &'static str,
}

pub static DE: Texts = Texts {
    lang_tag: "de",
    app_title: "Integrationsagenturen in NRW",
    app_subtitle: "Beratung und Angebote für Menschen mit Einwanderungsgeschichte – finden Sie eine Agentur in Ihrer Nähe.",
    skip_to_results: "Zur Ergebnisliste springen",
    loading: "Daten werden geladen …",
    load_failed: "Die Liste der Integrationsagenturen konnte nicht geladen werden.",
    retry: "Erneut versuchen",
    crashed: "Etwas ist schiefgelaufen.",
    reload: "Seite neu laden",
    start_over: "Neu beginnen (ohne Auswahl)",
    n_found: |n| match n {
        0 => "Keine Agentur gefunden".into(),
        1 => "1 Agentur gefunden".into(),
        n => format!("{n} Agenturen gefunden"),
    },
    n_skipped: |n| match n {
        1 => "1 Eintrag konnte nicht angezeigt werden.".into(),
        n => format!("{n} Einträge konnten nicht angezeigt werden."),
    },
    show_more: |n| format!("{n} weitere anzeigen"),
    results_heading: "Ergebnisse",
    map_label: "Karte der Integrationsagenturen",
    view_switch_label: "Ansicht",
    view_list: "Liste",
    view_map: "Karte",
    map_note_no_tiles: "Hintergrundkarte nicht erreichbar – Umrisse, Standorte und Liste funktionieren weiter.",
    map_unavailable: "Die Karte konnte nicht geladen werden – Liste und Filter funktionieren weiter.",
    data_in_german: "",
    language_label: "Sprache / Language",
    zoom_in: "Vergrößern",
    zoom_out: "Verkleinern",
    language_apply: "Wechseln",
    cluster_label: |n| format!("{n} Agenturen"),
    servicestelle: "Servicestelle für Antidiskriminierungsarbeit",
    approximate_position: |precision| match precision {
        Precision::Address => "Position: Adresse",
        Precision::Postcode => "Position ungefähr (Mitte des Postleitzahl-Gebiets)",
        Precision::Municipality => "Position ungefähr (Mitte der Gemeinde)",
        Precision::Kreis => "Position ungefähr (Mitte des Kreises; genaue Adresse unbekannt)",
    },
    as_of: |date| format!("Stand: {}", dotted_date(date)),
    date: dotted_date,
    km_unit: "km",
    source: "Quelle",
    coverage: |listed, total| format!("{listed} von rund {total} Integrationsagenturen erfasst"),
    data_licence: "Datenlizenz",
    boundaries_attribution: "Grenzen: © GeoBasis-DE / BKG (2017), dl-de/by-2-0",
    error_not_found: |status| format!("Der Server antwortete mit Fehler {status}."),
    error_network: "Keine Verbindung zum Server.",
    error_format: "Die Datei ist beschädigt oder hat ein unbekanntes Format.",
    error_schema: "Die Datei hat eine Version, die diese Anwendung nicht lesen kann.",
    technical_details: "Technische Details",
    filters_label: "Agenturen filtern",
    search_label: "Suche nach Name, Träger oder Adresse",
    search_placeholder: "z. B. Caritas oder Köln",
    place_label: "Stadt, Gemeinde oder Kreis",
    place_all: "Ganz NRW",
    kreis_suffix: " (Kreis)",
    place_clear: "Ort zurücksetzen (ganz NRW)",
    near_label: "In der Nähe von (PLZ oder Ort)",
    near_placeholder: "z. B. 50667 oder Bergheim",
    near_clear: "Ausgangsort löschen",
    near_no_match: "Keine PLZ und kein Ort in NRW gefunden",
    near_hint: "Postleitzahl oder Ortsnamen eingeben",
    places_loading: "Orte werden geladen …",
    places_failed: "Die Ortsliste konnte nicht geladen werden.",
    use_location: "Meinen Standort verwenden",
    locating: "Standort wird bestimmt …",
    location_denied: "Ihr Standort ist nicht freigegeben. Bitte geben Sie Ihre Postleitzahl oder Ihren Ort ein.",
    location_unavailable: "Ihr Standort konnte nicht bestimmt werden. Bitte geben Sie Ihre Postleitzahl oder Ihren Ort ein.",
    radius_label: "Umkreis:",
    radius_all: "ganz NRW",
    radius_km: |r| format!("{r} km"),
    nearest_instead: |r, n| match n {
        1 => format!("Im Umkreis von {r} km gibt es keine passende Agentur. Hier die nächste:"),
        n => format!("Im Umkreis von {r} km gibt es keine passende Agentur. Hier die {n} nächsten:"),
    },
    sada_far: |distance| format!("Servicestellen für Antidiskriminierungsarbeit beraten meist für eine ganze Region. Auch die nächste ({distance} entfernt) ist für Sie da."),
    distance_suffix: " entfernt",
    origin_label: |place| format!("Ausgangspunkt für Entfernungen: {place}"),
    decimal_separator: ',',
    place_no_match: "Kein Ort mit Integrationsagentur gefunden",
    n_places: |n| match n {
        0 => "Keine Vorschläge".into(),
        1 => "1 Vorschlag".into(),
        n => format!("{n} Vorschläge"),
    },
    sada_toggle: "Nur Servicestellen für Antidiskriminierungsarbeit",
    sada_only: "nur Servicestellen für Antidiskriminierungsarbeit",
    preset_label: "Fest eingestellt:",
    topics_legend: "Beratungsschwerpunkte",
    offers_legend: "Angebote",
    umbrellas_legend: "Wohlfahrtsverband",
    more_filters: "Weitere Filter: Angebote und Verbände",
    filters_toggle: "Filter",
    needs_js: "Karte und Filter brauchen JavaScript; hier stehen alle Agenturen mit Adresse und Kontakt.",
    reset_filters: "Alle Filter zurücksetzen",
    back_to_list: "Zurück zur Übersicht",
    carrier_label: "Träger",
    address_label: "Adresse",
    languages_label: "Beratungssprachen",
    call: "Anrufen:",
    write_email: "E-Mail:",
    website: "Website:",
    directions: "Route planen (OpenStreetMap)",
    open_in_map_app: "In Karten-App öffnen",
    last_verified: "zuletzt geprüft am",
    report_error: "Fehler melden",
    get_listed: "Ihre Agentur fehlt oder ein Eintrag stimmt nicht? Melden Sie es uns.",
    postcodes_attribution: "Postleitzahlen: GeoNames, CC BY 4.0",
    download_label: "Angezeigte Liste herunterladen:",
    about_data: "Quelle, Lizenz und Kartengrundlagen",
    open_full_map: "Vollständige Karte öffnen (neues Fenster)",
    embed_generator_link: "Karte auf Ihrer Website einbinden",
    embed_title: "Karte auf Ihrer Website einbinden",
    embed_intro: "Wählen Sie eine Voreinstellung, prüfen Sie die Vorschau und kopieren Sie den Code in Ihre Seite. Die Karte setzt keine Cookies.",
    embed_lock: "Voreinstellung für Besucher festlegen (Ort und Servicestellen-Auswahl sind dann nicht änderbar)",
    embed_list: "Liste",
    embed_list_side: "neben der Karte",
    embed_list_bottom: "unter der Karte",
    embed_list_none: "keine Liste",
    embed_height: "Höhe in Pixeln (passt sich mit dem Skript automatisch an)",
    embed_snippet: "Code zum Einbinden",
    embed_copy: "Code kopieren",
    embed_copied: "Kopiert.",
    embed_preview: "Vorschau",
    embed_iframe_title: "Integrationsagenturen in NRW – Karte",
    embed_back: "Zurück zur Karte",
    skip_map: "Karte überspringen",
    pan_label: "Karte verschieben",
    pan_north: "Nach Norden",
    pan_south: "Nach Süden",
    pan_west: "Nach Westen",
    pan_east: "Nach Osten",
    load_tiles: "Hintergrundkarte laden (vom Kartenserver)",
    embed_tiles_on_click: "Hintergrundkarte erst nach Klick laden (keine Anfrage an den Kartenserver vorher)",
    embed_controls: "Diese Bedienelemente zeigen",
    embed_language_auto: "Sprache des Browsers",
    accessibility_statement: "Erklärung zur Barrierefreiheit",
    wheel_hint: "Zum Zoomen Strg (⌘) gedrückt halten und scrollen",
    touch_hint: "Karte mit zwei Fingern verschieben und zoomen",
    offer: Offer::label_de,
    topic: Topic::label_de,
    umbrella: Umbrella::label_de,
};

/// `2026-11-24` → `24.11.2026`, the form German, Turkish, Russian and
/// Ukrainian use; anything that is not an ISO date is returned unchanged.
pub fn dotted_date(iso: &str) -> String {
    match iso_parts(iso) {
        Some((year, month, day)) => format!("{day:02}.{month:02}.{year}"),
        None => iso.to_owned(),
    }
}

/// The CLDR plural category of a whole number in Russian and Ukrainian
/// (one: 1, 21, 31 …; few: 2–4, 22–24 …; many: 0, 5–20, 25–30 …, 11–14).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlavicPlural {
    One,
    Few,
    Many,
}

pub fn slavic_plural(n: usize) -> SlavicPlural {
    match (n % 10, n % 100) {
        (1, rem100) if rem100 != 11 => SlavicPlural::One,
        (2..=4, rem100) if !(12..=14).contains(&rem100) => SlavicPlural::Few,
        _ => SlavicPlural::Many,
    }
}

/// The form of a counted Russian or Ukrainian word that goes with `n`.
pub fn slavic_pick(
    n: usize,
    one: &'static str,
    few: &'static str,
    many: &'static str,
) -> &'static str {
    match slavic_plural(n) {
        SlavicPlural::One => one,
        SlavicPlural::Few => few,
        SlavicPlural::Many => many,
    }
}

/// `(year, month 1–12, day 1–31)` of an ISO date `YYYY-MM-DD`.
fn iso_parts(iso: &str) -> Option<(&str, usize, u8)> {
    let (year, rest) = iso.split_once('-')?;
    let (month, day) = rest.split_once('-')?;
    let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return None;
    }
    let month = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    let day = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((year, month, day))
}

/// The texts for the language the page is in, for code that runs outside the
/// reactive tree (the panic hook).
pub fn texts_for_document() -> &'static Texts {
    Lang::for_page().texts()
}

/// Texts that are not ISO dates: every language's date function returns them
/// unchanged (shared by the tables' tests).
#[cfg(test)]
pub(crate) const NOT_DATES: [&str; 7] = [
    "bald",
    "",
    "2026-13-01",
    "2026-11-32",
    "2026-1-24",
    "26-11-24",
    "2026-+1-24",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_chosen_from_the_url_then_the_browser() {
        assert_eq!(Lang::choose(["ar"]), Lang::Ar);
        assert_eq!(Lang::choose(["xx", "en-GB", "de"]), Lang::En);
        assert_eq!(Lang::choose(["DE-x-LS"]), Lang::DeLs);
        assert_eq!(Lang::choose(["fa_IR"]), Lang::Fa);
        assert_eq!(Lang::choose(["fr", "it"]), Lang::De);
        assert_eq!(Lang::choose([]), Lang::De);
        for &lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
            assert_eq!(lang.texts().lang_tag, lang.tag(), "{lang:?}");
        }
    }

    #[test]
    fn dates_are_shown_with_dots() {
        assert_eq!(dotted_date("2026-11-24"), "24.11.2026");
        assert_eq!(dotted_date("2026-03-05"), "05.03.2026");
        for not_a_date in NOT_DATES {
            assert_eq!(dotted_date(not_a_date), not_a_date);
        }
        for texts in [&DE, &tr::TR, &ru::RU, &uk::UK] {
            assert!(
                (texts.as_of)("2026-11-24").contains("24.11.2026"),
                "{}",
                texts.lang_tag
            );
        }
    }

    #[test]
    fn slavic_plural_categories_follow_cldr() {
        use SlavicPlural::*;
        let cases = [
            (0, Many),
            (1, One),
            (2, Few),
            (4, Few),
            (5, Many),
            (11, Many),
            (12, Many),
            (14, Many),
            (21, One),
            (22, Few),
            (25, Many),
            (101, One),
            (111, Many),
            (112, Many),
            (1001, One),
        ];
        for (n, want) in cases {
            assert_eq!(slavic_plural(n), want, "{n}");
        }
    }
}

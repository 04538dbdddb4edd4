//! German in Leichte Sprache (easy-to-read German), tag `de-x-ls`.
//!
//! BCP 47 has no registered subtag for Leichte Sprache, so the private-use
//! extension `x-ls` is added to `de`: browsers, screen readers, hyphenation
//! and `:lang(de)` all still treat the page as German.
//!
//! Written after the rules of the Netzwerk Leichte Sprache as far as short UI
//! strings allow: short sentences, one statement each, active voice, "Sie",
//! everyday words, hard words explained ("Diskriminierung heißt: …"), long
//! compound words split with a hyphen ("Post-Leitzahl"), no abbreviations
//! ("Nordrhein-Westfalen", "zum Beispiel", "Kilometer"), numbers as digits.
//! Dates are written with the month name, "24. November 2026", not
//! "24.11.2026". Decimals use a comma, as in German.

use super::{iso_parts, Texts};
use ia_core::{Offer, Precision, Topic, Umbrella};

pub static DE_LS: Texts = Texts {
    lang_tag: "de-x-ls",
    app_title: "Integrations-Agenturen in Nordrhein-Westfalen",
    app_subtitle: "Integrations-Agenturen beraten Menschen aus anderen Ländern. Und ihre Familien. Hier finden Sie eine Agentur in Ihrer Nähe.",
    skip_to_results: "Direkt zur Liste mit den Ergebnissen",
    loading: "Wir laden die Daten. Bitte warten Sie.",
    load_failed: "Wir können die Liste mit den Integrations-Agenturen nicht laden.",
    retry: "Noch einmal versuchen",
    crashed: "Es gibt einen Fehler.",
    reload: "Die Seite neu laden",
    // Needs review by a native speaker (added after the first translation pass).
    start_over: "Neu anfangen. Ohne Auswahl.",
    n_found: |n| match n {
        0 => "Wir haben keine Agentur gefunden.".into(),
        1 => "Wir haben 1 Agentur gefunden.".into(),
        n => format!("Wir haben {n} Agenturen gefunden."),
    },
    n_skipped: |n| match n {
        0 => "Wir zeigen alle Einträge.".into(),
        1 => "1 Eintrag hat einen Fehler. Wir können ihn nicht zeigen.".into(),
        n => format!("{n} Einträge haben Fehler. Wir können sie nicht zeigen."),
    },
    // Needs review by a native speaker (added after the first translation pass).
    show_more: |n| format!("Mehr zeigen: noch {n}"),
    results_heading: "Ergebnisse",
    map_label: "Karte mit den Integrations-Agenturen",
    view_switch_label: "Ansicht",
    view_list: "Liste",
    view_map: "Karte",
    map_note_no_tiles: "Das Bild von der Land-Karte fehlt. Aber die Liste funktioniert. Und die Punkte auf der Karte funktionieren auch.",
    map_unavailable: "Wir können die Karte nicht laden. Aber die Liste funktioniert. Und die Auswahl funktioniert auch.",
    // Needs review by a native speaker (added after the first translation pass).
    data_in_german: "Die Angaben zu den Agenturen sind nicht in Leichter Sprache. Die Agenturen haben sie so geschrieben.",
    language_label: "Sprache / Language",
    // Needs review by a native speaker (added after the first translation pass).
    zoom_in: "Größer machen",
    zoom_out: "Kleiner machen",
    language_apply: "Wechseln",
    cluster_label: |n| match n {
        1 => "1 Agentur".into(),
        n => format!("{n} Agenturen"),
    },
    servicestelle: "Beratung bei Diskriminierung",
    approximate_position: |precision| match precision {
        Precision::Address => "Der Punkt auf der Karte ist genau bei der Adresse.",
        Precision::Postcode => "Der Punkt auf der Karte ist nicht genau. Er ist in der Mitte vom Gebiet mit dieser Post-Leitzahl.",
        Precision::Municipality => "Der Punkt auf der Karte ist nicht genau. Er ist in der Mitte vom Ort.",
        Precision::Kreis => "Der Punkt auf der Karte ist nicht genau. Er ist in der Mitte vom Kreis. Die genaue Adresse kennen wir nicht.",
    },
    as_of: |date| format!("Die Daten sind vom {}.", date_de_ls(date)),
    date: date_de_ls,
    km_unit: "Kilometer",
    source: "Quelle",
    coverage: |listed, total| {
        let all = match total {
            1 => "Es gibt ungefähr 1 Integrations-Agentur.".to_owned(),
            total => format!("Es gibt ungefähr {total} Integrations-Agenturen."),
        };
        match listed {
            1 => format!("{all} 1 davon ist in dieser Liste."),
            listed => format!("{all} {listed} davon sind in dieser Liste."),
        }
    },
    data_licence: "Lizenz für die Daten",
    boundaries_attribution: "Grenzen auf der Karte: © GeoBasis-DE / BKG (2017), dl-de/by-2-0",
    error_not_found: |status| format!("Der Server meldet einen Fehler. Ein Server ist ein Computer im Internet. Die Fehler-Nummer ist {status}."),
    error_network: "Es gibt keine Verbindung zum Server. Ein Server ist ein Computer im Internet.",
    error_format: "Die Datei ist kaputt. Oder die Datei hat ein falsches Format. Das Programm kann die Datei nicht lesen.",
    error_schema: "Die Datei ist zu neu oder zu alt. Das Programm kann die Datei nicht lesen.",
    technical_details: "Technische Informationen für Fach-Leute",
    filters_label: "Agenturen aussuchen",
    search_label: "Suchen nach: Name, Betreiber oder Adresse",
    search_placeholder: "zum Beispiel Caritas oder Köln",
    place_label: "Stadt, Ort oder Kreis",
    place_all: "Ganz Nordrhein-Westfalen",
    kreis_suffix: " (Kreis)",
    place_clear: "Ort löschen: ganz Nordrhein-Westfalen zeigen",
    near_label: "In der Nähe von: Post-Leitzahl oder Ort",
    near_placeholder: "zum Beispiel 50667 oder Bergheim",
    near_clear: "Ort für die Entfernung löschen",
    near_no_match: "Wir finden keine Post-Leitzahl und keinen Ort in Nordrhein-Westfalen.",
    near_hint: "Schreiben Sie eine Post-Leitzahl oder einen Ort.",
    places_loading: "Wir laden die Orte. Bitte warten Sie.",
    places_failed: "Wir können die Liste mit den Orten nicht laden.",
    use_location: "Meinen Standort benutzen",
    locating: "Wir suchen Ihren Standort. Bitte warten Sie.",
    location_denied: "Sie haben Ihren Standort nicht frei-gegeben. Bitte schreiben Sie Ihre Post-Leitzahl oder Ihren Ort.",
    location_unavailable: "Wir finden Ihren Standort nicht. Bitte schreiben Sie Ihre Post-Leitzahl oder Ihren Ort.",
    radius_label: "Wie weit weg?",
    radius_all: "ganz Nordrhein-Westfalen",
    radius_km: |r| format!("{r} Kilometer"),
    nearest_instead: |r, n| match n {
        1 => format!("Bis {r} Kilometer gibt es keine passende Agentur. Diese Agentur ist am nächsten:"),
        n => format!("Bis {r} Kilometer gibt es keine passende Agentur. Diese {n} Agenturen sind am nächsten:"),
    },
    sada_far: |distance| format!("Diskriminierung heißt: Jemand wird ungerecht behandelt. Eine Beratung bei Diskriminierung ist oft für eine ganze Region da. Die nächste Beratung ist {distance} weit weg. Auch diese Beratung hilft Ihnen."),
    distance_suffix: " weit weg",
    origin_label: |place| format!("Start-Punkt für die Entfernung: {place}"),
    decimal_separator: ',',
    place_no_match: "Wir finden keinen Ort mit einer Integrations-Agentur.",
    n_places: |n| match n {
        0 => "Keine Vorschläge".into(),
        1 => "1 Vorschlag".into(),
        n => format!("{n} Vorschläge"),
    },
    sada_toggle: "Nur Beratung bei Diskriminierung zeigen. Diskriminierung heißt: Jemand wird ungerecht behandelt.",
    sada_only: "nur Beratung bei Diskriminierung",
    preset_label: "Diese Auswahl ist fest:",
    topics_legend: "Wobei hilft die Beratung?",
    offers_legend: "Was bietet die Agentur an?",
    umbrellas_legend: "Wohlfahrts-Verband: eine große Organisation für soziale Hilfe",
    more_filters: "Mehr Auswahl: Angebote und Verbände",
    // Needs review by a native speaker (added after the first translation pass).
    filters_toggle: "Filter",
    // Needs review by a native speaker (added after the first translation pass).
    needs_js: "Karte und Filter gehen nur mit JavaScript. Hier stehen alle Agenturen mit Adresse und Kontakt.",
    reset_filters: "Alle Einstellungen löschen",
    back_to_list: "Zurück zur Liste",
    carrier_label: "Betreiber",
    address_label: "Adresse",
    languages_label: "Beratung in diesen Sprachen",
    call: "Anrufen:",
    write_email: "E-Mail schreiben:",
    website: "Internet-Seite:",
    directions: "Weg planen mit OpenStreetMap",
    open_in_map_app: "In der Karten-App öffnen",
    last_verified: "zuletzt geprüft am",
    report_error: "Fehler melden",
    // Needs review by a native speaker (added after the first translation pass).
    get_listed: "Ihre Agentur fehlt? Oder etwas ist falsch? Dann schreiben Sie uns.",
    postcodes_attribution: "Post-Leitzahlen: GeoNames, CC BY 4.0",
    download_label: "Diese Liste herunter-laden:",
    about_data: "Informationen über die Daten und die Karte",
    open_full_map: "Die ganze Karte öffnen. Sie öffnet sich in einem neuen Fenster.",
    embed_generator_link: "Die Karte auf Ihrer Internet-Seite zeigen",
    embed_title: "Die Karte auf Ihrer Internet-Seite zeigen",
    embed_intro: "So geht es: Wählen Sie die Einstellungen. Schauen Sie sich die Vorschau an. Kopieren Sie dann den Code in Ihre Internet-Seite. Die Karte speichert keine Cookies. Cookies sind kleine Dateien auf dem Computer.",
    embed_lock: "Einstellungen fest machen. Dann können die Besucher den Ort nicht mehr ändern. Und die Auswahl von der Beratung bei Diskriminierung auch nicht.",
    embed_list: "Liste",
    embed_list_side: "neben der Karte",
    embed_list_bottom: "unter der Karte",
    embed_list_none: "keine Liste",
    embed_height: "Höhe in Pixeln. Mit dem Skript passt sich die Höhe von selbst an.",
    embed_snippet: "Code für Ihre Internet-Seite",
    embed_copy: "Code kopieren",
    embed_copied: "Der Code ist kopiert.",
    embed_preview: "Vorschau: So sieht die Karte aus",
    embed_iframe_title: "Integrations-Agenturen in Nordrhein-Westfalen: Karte",
    embed_back: "Zurück zur Karte",
    skip_map: "Karte überspringen",
    pan_label: "Karte bewegen",
    pan_north: "Nach oben",
    pan_south: "Nach unten",
    pan_west: "Nach links",
    pan_east: "Nach rechts",
    load_tiles: "Das Bild von der Land-Karte laden. Das Bild kommt von einem Karten-Server.",
    embed_tiles_on_click: "Das Bild von der Land-Karte erst nach einem Klick laden. Vorher fragt die Seite nichts beim Karten-Server an.",
    // Needs review by a native speaker (added after the first translation pass).
    embed_controls: "Diese Teile zum Suchen zeigen",
    // Needs review by a native speaker (added after the first translation pass).
    embed_language_auto: "Die Sprache vom Browser",
    // Needs review by a native speaker (added after the first translation pass).
    accessibility_statement: "Erklärung zur Barriere-Freiheit",
    wheel_hint: "Karte größer oder kleiner machen: Halten Sie die Taste Strg gedrückt. Oder die Taste ⌘. Drehen Sie dann am Rad von der Maus.",
    touch_hint: "Mit 2 Fingern können Sie die Karte bewegen. Und größer oder kleiner machen.",
    offer: offer_de_ls,
    topic: topic_de_ls,
    umbrella: umbrella_de_ls,
};

pub fn offer_de_ls(offer: Offer) -> &'static str {
    match offer {
        Offer::InterculturalOpening => "Offen sein für alle Kulturen",
        Offer::NeighbourhoodWork => "Arbeit im Stadt-Teil",
        Offer::CivicEngagement => "Ehrenamt: Menschen helfen freiwillig",
        Offer::AntidiscriminationWork => "Arbeit gegen Diskriminierung",
        Offer::LanguageCourses => "Einfache Sprach-Kurse für alle",
        Offer::IntegrationGuides => "Lotsen: Sie begleiten Menschen im Alltag",
        Offer::CulturallySensitiveCare => {
            "Pflege für alte Menschen aus allen Kulturen und Schulungen dafür"
        }
        Offer::Counselling => "Beratung",
        Offer::MigrantOrganisations => "Hilfe für Vereine von Menschen aus anderen Ländern",
        Offer::Networking => "Zusammen-Arbeit mit anderen Stellen",
    }
}

pub fn topic_de_ls(topic: Topic) -> &'static str {
    match topic {
        Topic::Racism => "Rassismus: wegen Herkunft oder Haut-Farbe",
        Topic::AntiMuslimRacism => "Rassismus gegen Muslime",
        Topic::AntiBlackRacism => "Rassismus gegen Schwarze Menschen",
        Topic::Antisemitism => "Antisemitismus: Hass gegen jüdische Menschen",
        Topic::Antiziganism => "Rassismus gegen Sinti und Roma",
        Topic::Lgbtiq => "Queere Menschen: zum Beispiel lesbisch, schwul, trans",
        Topic::Sexism => "Sexismus: Benachteiligung wegen dem Geschlecht",
        Topic::Age => "Alter",
        Topic::Disability => "Behinderung",
        Topic::Work => "Arbeit",
        Topic::Housing => "Wohnen",
        Topic::Education => "Schule, Ausbildung und Studium",
        Topic::Authorities => "Ämter und Behörden",
        Topic::Justice => "Gerichte",
    }
}

/// The associations keep their names; short words say who they are. A dash,
/// not parentheses, because the detail view already puts this label in
/// parentheses.
pub fn umbrella_de_ls(umbrella: Umbrella) -> &'static str {
    match umbrella {
        Umbrella::Awo => "AWO – Arbeiter-Wohlfahrt",
        Umbrella::Caritas => "Caritas – von der katholischen Kirche",
        Umbrella::Diakonie => "Diakonie – von der evangelischen Kirche",
        Umbrella::Drk => "DRK – Deutsches Rotes Kreuz",
        Umbrella::Paritaetischer => "Der Paritätische – ein Verband von vielen Vereinen",
        Umbrella::JewishCommunities => "Jüdische Gemeinden",
        Umbrella::Other => "Andere",
        Umbrella::Unknown => "Nicht bekannt",
    }
}

/// `2026-11-24` → `24. November 2026`; anything else is returned unchanged.
pub fn date_de_ls(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    iso_parts(iso)
        .and_then(|(year, month, day)| Some(format!("{day}. {} {year}", MONTHS.get(month - 1)?)))
        .unwrap_or_else(|| iso.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::checks::{self, all_strings, is_rtl, COUNTS};

    #[test]
    fn no_string_is_empty_or_has_a_leftover_placeholder() {
        checks::no_string_is_empty_or_has_a_leftover_placeholder(&DE_LS);
    }

    #[test]
    fn vocabulary_labels_are_distinct() {
        checks::vocabulary_labels_are_distinct(&DE_LS);
    }

    #[test]
    fn numbers_in_sentences_are_shown() {
        checks::numbers_in_sentences_are_shown(&DE_LS);
    }

    #[test]
    fn tag_is_bcp47() {
        assert_eq!(DE_LS.lang_tag, "de-x-ls");
    }

    #[test]
    fn counts_use_the_right_forms_for_0_1_2_5_21_101() {
        let expected = [
            "Wir haben keine Agentur gefunden.",
            "Wir haben 1 Agentur gefunden.",
            "Wir haben 2 Agenturen gefunden.",
            "Wir haben 5 Agenturen gefunden.",
            "Wir haben 21 Agenturen gefunden.",
            "Wir haben 101 Agenturen gefunden.",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((DE_LS.n_found)(n), want, "n_found({n})");
        }
        let expected = [
            "Keine Vorschläge",
            "1 Vorschlag",
            "2 Vorschläge",
            "5 Vorschläge",
            "21 Vorschläge",
            "101 Vorschläge",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((DE_LS.n_places)(n), want, "n_places({n})");
        }
        let expected = [
            "0 Agenturen",
            "1 Agentur",
            "2 Agenturen",
            "5 Agenturen",
            "21 Agenturen",
            "101 Agenturen",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((DE_LS.cluster_label)(n), want, "cluster_label({n})");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(date_de_ls("2026-11-24"), "24. November 2026");
        assert_eq!(date_de_ls("2026-03-05"), "5. März 2026");
        for not_a_date in crate::i18n::NOT_DATES {
            assert_eq!(date_de_ls(not_a_date), not_a_date);
        }
        assert!((DE_LS.as_of)("2026-11-24").contains(&date_de_ls("2026-11-24")));
    }

    #[test]
    fn no_right_to_left_characters() {
        for (field, text) in all_strings(&DE_LS) {
            assert!(!text.chars().any(is_rtl), "{field}: {text}");
        }
    }

    /// Leichte Sprache writes words out: no "NRW", "PLZ", "z. B.", "km".
    #[test]
    fn no_abbreviations() {
        let banned = [
            "NRW", "PLZ", "z. B.", "z.B.", "bzw.", "usw.", "ca.", "ggf.", "km", "…",
        ];
        for (field, text) in all_strings(&DE_LS) {
            if field == "sada_far" {
                continue; // the distance comes formatted as "12 km" from the core
            }
            for word in banned {
                assert!(!text.contains(word), "{field} contains {word}: {text}");
            }
        }
    }
}

//! English (`en`): British spelling, plain public-service wording.
//!
//! Dates are written "24 November 2026" (day, month name, year: no US/UK
//! ambiguity); decimals use a point, as is usual in English.

use super::{iso_parts, Texts};
use ia_core::{Offer, Precision, Topic, Umbrella};

pub static EN: Texts = Texts {
    lang_tag: "en",
    app_title: "Integration agencies in NRW",
    app_subtitle: "Advice and support for immigrants and their families – find an agency near you.",
    skip_to_results: "Skip to the list of results",
    loading: "Loading data …",
    load_failed: "The list of integration agencies could not be loaded.",
    retry: "Try again",
    crashed: "Something went wrong.",
    reload: "Reload the page",
    // Needs review by a native speaker (added after the first translation pass).
    start_over: "Start over (without filters)",
    n_found: |n| match n {
        0 => "No agencies found".into(),
        1 => "1 agency found".into(),
        n => format!("{n} agencies found"),
    },
    n_skipped: |n| match n {
        1 => "1 entry could not be shown.".into(),
        n => format!("{n} entries could not be shown."),
    },
    // Needs review by a native speaker (added after the first translation pass).
    show_more: |n| format!("Show {n} more"),
    results_heading: "Results",
    map_label: "Map of the integration agencies",
    view_switch_label: "View",
    view_list: "List",
    view_map: "Map",
    map_note_no_tiles: "The background map is not available – outlines, locations and the list still work.",
    map_unavailable: "The map could not be loaded – the list and filters still work.",
    // Needs review by a native speaker (added after the first translation pass).
    data_in_german: "Agency names, addresses and details are shown in German, as the agencies publish them.",
    language_label: "Language / Sprache",
    // Needs review by a native speaker (added after the first translation pass).
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    language_apply: "Change",
    cluster_label: |n| match n {
        1 => "1 agency".into(),
        n => format!("{n} agencies"),
    },
    servicestelle: "Anti-discrimination advice centre",
    approximate_position: |precision| match precision {
        Precision::Address => "Position: address",
        Precision::Postcode => "Approximate position (centre of the postcode area)",
        Precision::Municipality => "Approximate position (centre of the municipality)",
        Precision::Kreis => "Approximate position (centre of the district; exact address unknown)" /* Needs review by a native speaker */,
    },
    as_of: |date| format!("Data as of {}", date_en(date)),
    date: date_en,
    km_unit: "km",
    source: "Source",
    coverage: |listed, total| match total {
        1 => format!("{listed} of about 1 integration agency included"),
        total => format!("{listed} of about {total} integration agencies included"),
    },
    data_licence: "Data licence",
    boundaries_attribution: "Boundaries: © GeoBasis-DE / BKG (2017), dl-de/by-2-0",
    error_not_found: |status| format!("The server replied with error {status}."),
    error_network: "No connection to the server.",
    error_format: "The file is damaged or has an unknown format.",
    error_schema: "The file has a version that this application cannot read.",
    technical_details: "Technical details",
    filters_label: "Filter agencies",
    search_label: "Search by name, provider or address",
    search_placeholder: "e.g. Caritas or Köln",
    place_label: "City, municipality or district",
    place_all: "All of NRW",
    kreis_suffix: " (district)",
    place_clear: "Clear the place (all of NRW)",
    near_label: "Near (postcode or place)",
    near_placeholder: "e.g. 50667 or Bergheim",
    near_clear: "Remove the place used for distances",
    near_no_match: "No postcode or place found in NRW",
    near_hint: "Enter a postcode or a place name",
    places_loading: "Loading places …",
    places_failed: "The list of places could not be loaded.",
    use_location: "Use my location",
    locating: "Finding your location …",
    location_denied: "Your location is not shared. Please enter your postcode or town.",
    location_unavailable: "Your location could not be found. Please enter your postcode or town.",
    radius_label: "Within:",
    radius_all: "all of NRW",
    radius_km: |r| format!("{r} km"),
    nearest_instead: |r, n| match n {
        1 => format!("There is no matching agency within {r} km. Here is the nearest one:"),
        n => format!("There is no matching agency within {r} km. Here are the {n} nearest:"),
    },
    sada_far: |distance| format!("Anti-discrimination advice centres usually serve a whole region. The nearest one ({distance} away) is there for you too."),
    distance_suffix: " away",
    origin_label: |place| format!("Starting point for distances: {place}"),
    decimal_separator: '.',
    place_no_match: "No place with an integration agency found",
    n_places: |n| match n {
        0 => "No suggestions".into(),
        1 => "1 suggestion".into(),
        n => format!("{n} suggestions"),
    },
    sada_toggle: "Only anti-discrimination advice centres",
    sada_only: "only anti-discrimination advice centres",
    preset_label: "Fixed selection:",
    topics_legend: "Areas of advice",
    offers_legend: "Services",
    umbrellas_legend: "Welfare association",
    more_filters: "More filters: services and associations",
    // Needs review by a native speaker (added after the first translation pass).
    filters_toggle: "Filters",
    // Needs review by a native speaker (added after the first translation pass).
    needs_js: "The map and filters need JavaScript; all agencies are listed here with address and contact details.",
    reset_filters: "Reset all filters",
    back_to_list: "Back to the overview",
    carrier_label: "Provider",
    address_label: "Address",
    languages_label: "Advice available in",
    call: "Call:",
    write_email: "Email:",
    website: "Website:",
    directions: "Plan a route (OpenStreetMap)",
    open_in_map_app: "Open in a map app",
    last_verified: "last checked on",
    report_error: "Report an error",
    // Needs review by a native speaker (added after the first translation pass).
    get_listed: "Your agency is missing or an entry is wrong? Let us know.",
    postcodes_attribution: "Postcodes: GeoNames, CC BY 4.0",
    download_label: "Download the list shown:",
    about_data: "Source, licence and map data",
    open_full_map: "Open the full map (new window)",
    embed_generator_link: "Embed the map on your website",
    embed_title: "Embed the map on your website",
    embed_intro: "Choose a preset, check the preview and copy the code into your page. The map sets no cookies.",
    embed_lock: "Fix the preset for visitors (they then cannot change the place or the choice of anti-discrimination advice centres)",
    embed_list: "List",
    embed_list_side: "next to the map",
    embed_list_bottom: "below the map",
    embed_list_none: "no list",
    embed_height: "Height in pixels (adjusts automatically with the script)",
    embed_snippet: "Code to embed",
    embed_copy: "Copy the code",
    embed_copied: "Copied.",
    embed_preview: "Preview",
    embed_iframe_title: "Integration agencies in NRW – map",
    embed_back: "Back to the map",
    skip_map: "Skip the map",
    pan_label: "Move the map",
    pan_north: "North",
    pan_south: "South",
    pan_west: "West",
    pan_east: "East",
    load_tiles: "Load the background map (from the map server)",
    embed_tiles_on_click: "Load the background map only after a click (no request to the map server before that)",
    embed_controls: "Show these controls",
    embed_language_auto: "The visitor's browser language",
    accessibility_statement: "Accessibility statement",
    wheel_hint: "To zoom, hold Ctrl/Strg (⌘) and scroll",
    touch_hint: "Use two fingers to move and zoom the map",
    offer: offer_en,
    topic: topic_en,
    umbrella: umbrella_en,
};

pub fn offer_en(offer: Offer) -> &'static str {
    match offer {
        Offer::InterculturalOpening => "Intercultural opening",
        Offer::NeighbourhoodWork => "Neighbourhood work",
        Offer::CivicEngagement => "Volunteering and civic engagement",
        Offer::AntidiscriminationWork => "Anti-discrimination work",
        Offer::LanguageCourses => "Easy-access language courses",
        Offer::IntegrationGuides => "Integration guides (volunteers who accompany you)",
        Offer::CulturallySensitiveCare => {
            "Culturally sensitive care for older people, and training"
        }
        Offer::Counselling => "Advice and counselling",
        Offer::MigrantOrganisations => "Support for migrant organisations",
        Offer::Networking => "Networking",
    }
}

pub fn topic_en(topic: Topic) -> &'static str {
    match topic {
        Topic::Racism => "Racist discrimination",
        Topic::AntiMuslimRacism => "Anti-Muslim racism",
        Topic::AntiBlackRacism => "Anti-Black racism",
        Topic::Antisemitism => "Antisemitism",
        Topic::Antiziganism => "Antigypsyism (racism against Sinti and Roma)",
        Topic::Lgbtiq => "LGBTIQ*",
        Topic::Sexism => "Sexism",
        Topic::Age => "Age",
        Topic::Disability => "Disability",
        Topic::Work => "Work",
        Topic::Housing => "Housing",
        Topic::Education => "Education",
        Topic::Authorities => "Public authorities",
        Topic::Justice => "Courts and justice",
    }
}

/// Association names stay German (they are on signs and in the data); a dash,
/// not parentheses, adds the explanation, because the detail view already puts
/// the label in parentheses after the provider's name.
pub fn umbrella_en(umbrella: Umbrella) -> &'static str {
    match umbrella {
        Umbrella::Awo => "AWO – Workers' Welfare Association",
        Umbrella::Caritas => "Caritas – Catholic",
        Umbrella::Diakonie => "Diakonie – Protestant",
        Umbrella::Drk => "DRK – German Red Cross",
        Umbrella::Paritaetischer => "Der Paritätische – association of independent charities",
        Umbrella::JewishCommunities => "Jüdische Gemeinden – Jewish communities",
        Umbrella::Other => "Other",
        Umbrella::Unknown => "Not stated",
    }
}

/// `2026-11-24` → `24 November 2026`; anything else is returned unchanged.
pub fn date_en(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    iso_parts(iso)
        .and_then(|(year, month, day)| Some(format!("{day} {} {year}", MONTHS.get(month - 1)?)))
        .unwrap_or_else(|| iso.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::checks::{self, all_strings, is_rtl, COUNTS};

    #[test]
    fn no_string_is_empty_or_has_a_leftover_placeholder() {
        checks::no_string_is_empty_or_has_a_leftover_placeholder(&EN);
    }

    #[test]
    fn vocabulary_labels_are_distinct() {
        checks::vocabulary_labels_are_distinct(&EN);
    }

    #[test]
    fn numbers_in_sentences_are_shown() {
        checks::numbers_in_sentences_are_shown(&EN);
    }

    #[test]
    fn tag_is_bcp47() {
        assert_eq!(EN.lang_tag, "en");
    }

    #[test]
    fn counts_use_the_right_forms_for_0_1_2_5_21_101() {
        let expected = [
            "No agencies found",
            "1 agency found",
            "2 agencies found",
            "5 agencies found",
            "21 agencies found",
            "101 agencies found",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((EN.n_found)(n), want, "n_found({n})");
        }
        let expected = [
            "No suggestions",
            "1 suggestion",
            "2 suggestions",
            "5 suggestions",
            "21 suggestions",
            "101 suggestions",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((EN.n_places)(n), want, "n_places({n})");
        }
        let expected = [
            "0 agencies",
            "1 agency",
            "2 agencies",
            "5 agencies",
            "21 agencies",
            "101 agencies",
        ];
        for (n, want) in COUNTS.into_iter().zip(expected) {
            assert_eq!((EN.cluster_label)(n), want, "cluster_label({n})");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(date_en("2026-11-24"), "24 November 2026");
        assert_eq!(date_en("2026-03-05"), "5 March 2026");
        for not_a_date in crate::i18n::NOT_DATES {
            assert_eq!(date_en(not_a_date), not_a_date);
        }
        assert!((EN.as_of)("2026-11-24").contains(&date_en("2026-11-24")));
    }

    #[test]
    fn no_right_to_left_characters() {
        for (field, text) in all_strings(&EN) {
            assert!(!text.chars().any(is_rtl), "{field}: {text}");
        }
    }
}

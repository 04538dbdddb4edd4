//! English (`en`): British spelling, plain public-service wording.
//!
//! Dates are written "24 November 2026" (day, month name, year: no US/UK
//! ambiguity); decimals use a point, as is usual in English.

use super::Texts;
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

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTS: [usize; 6] = [0, 1, 2, 5, 21, 101];

    /// Every string of the table, with each function called on sample values,
    /// as (field, text). The pattern names every field of `Texts` (no `..`), so
    /// a field added to `Texts` fails here until the test knows it.
    fn all_strings(t: &'static Texts) -> Vec<(String, String)> {
        let Texts {
            lang_tag,
            app_title,
            app_subtitle,
            skip_to_results,
            loading,
            load_failed,
            retry,
            crashed,
            reload,
            start_over,
            n_found,
            n_skipped,
            show_more: _,
            results_heading,
            map_label,
            view_switch_label,
            view_list,
            view_map,
            map_note_no_tiles,
            map_unavailable,
            data_in_german,
            language_label,
            zoom_in,
            zoom_out,
            language_apply,
            cluster_label,
            servicestelle,
            approximate_position,
            as_of,
            date: _,
            km_unit,
            source,
            coverage,
            data_licence,
            boundaries_attribution,
            error_not_found,
            error_network,
            error_format,
            error_schema,
            technical_details,
            filters_label,
            search_label,
            search_placeholder,
            place_label,
            place_all,
            kreis_suffix,
            place_clear,
            near_label,
            near_placeholder,
            near_clear,
            near_no_match,
            near_hint,
            places_loading,
            places_failed,
            use_location,
            locating,
            location_denied,
            location_unavailable,
            radius_label,
            radius_all,
            radius_km,
            nearest_instead,
            sada_far,
            distance_suffix,
            origin_label,
            decimal_separator,
            place_no_match,
            n_places,
            sada_toggle,
            sada_only,
            preset_label,
            topics_legend,
            offers_legend,
            umbrellas_legend,
            more_filters,
            reset_filters,
            back_to_list,
            carrier_label,
            address_label,
            languages_label,
            call,
            write_email,
            website,
            directions,
            open_in_map_app,
            last_verified,
            report_error,
            get_listed,
            postcodes_attribution,
            download_label,
            about_data,
            open_full_map,
            embed_generator_link,
            embed_title,
            embed_intro,
            embed_lock,
            embed_list,
            embed_list_side,
            embed_list_bottom,
            embed_list_none,
            embed_height,
            embed_snippet,
            embed_copy,
            embed_copied,
            embed_preview,
            embed_iframe_title,
            embed_back,
            skip_map,
            pan_label,
            pan_north,
            pan_south,
            pan_west,
            pan_east,
            load_tiles,
            embed_tiles_on_click,
            wheel_hint,
            touch_hint,
            offer,
            topic,
            umbrella,
        } = t;
        let plain: [(&str, &str); 102] = [
            ("lang_tag", lang_tag),
            ("app_title", app_title),
            ("app_subtitle", app_subtitle),
            ("skip_to_results", skip_to_results),
            ("loading", loading),
            ("load_failed", load_failed),
            ("retry", retry),
            ("crashed", crashed),
            ("reload", reload),
            ("start_over", start_over),
            ("results_heading", results_heading),
            ("map_label", map_label),
            ("view_switch_label", view_switch_label),
            ("view_list", view_list),
            ("view_map", view_map),
            ("map_note_no_tiles", map_note_no_tiles),
            ("map_unavailable", map_unavailable),
            ("data_in_german", data_in_german),
            ("km_unit", km_unit),
            ("language_label", language_label),
            ("zoom_in", zoom_in),
            ("zoom_out", zoom_out),
            ("language_apply", language_apply),
            ("servicestelle", servicestelle),
            ("source", source),
            ("data_licence", data_licence),
            ("boundaries_attribution", boundaries_attribution),
            ("error_network", error_network),
            ("error_format", error_format),
            ("error_schema", error_schema),
            ("technical_details", technical_details),
            ("filters_label", filters_label),
            ("search_label", search_label),
            ("search_placeholder", search_placeholder),
            ("place_label", place_label),
            ("place_all", place_all),
            ("kreis_suffix", kreis_suffix),
            ("place_clear", place_clear),
            ("near_label", near_label),
            ("near_placeholder", near_placeholder),
            ("near_clear", near_clear),
            ("near_no_match", near_no_match),
            ("near_hint", near_hint),
            ("places_loading", places_loading),
            ("places_failed", places_failed),
            ("use_location", use_location),
            ("locating", locating),
            ("location_denied", location_denied),
            ("location_unavailable", location_unavailable),
            ("radius_label", radius_label),
            ("radius_all", radius_all),
            ("distance_suffix", distance_suffix),
            ("place_no_match", place_no_match),
            ("sada_toggle", sada_toggle),
            ("sada_only", sada_only),
            ("preset_label", preset_label),
            ("topics_legend", topics_legend),
            ("offers_legend", offers_legend),
            ("umbrellas_legend", umbrellas_legend),
            ("more_filters", more_filters),
            ("reset_filters", reset_filters),
            ("back_to_list", back_to_list),
            ("carrier_label", carrier_label),
            ("address_label", address_label),
            ("languages_label", languages_label),
            ("call", call),
            ("write_email", write_email),
            ("website", website),
            ("directions", directions),
            ("open_in_map_app", open_in_map_app),
            ("last_verified", last_verified),
            ("report_error", report_error),
            ("get_listed", get_listed),
            ("postcodes_attribution", postcodes_attribution),
            ("download_label", download_label),
            ("about_data", about_data),
            ("open_full_map", open_full_map),
            ("embed_generator_link", embed_generator_link),
            ("embed_title", embed_title),
            ("embed_intro", embed_intro),
            ("embed_lock", embed_lock),
            ("embed_list", embed_list),
            ("embed_list_side", embed_list_side),
            ("embed_list_bottom", embed_list_bottom),
            ("embed_list_none", embed_list_none),
            ("embed_height", embed_height),
            ("embed_snippet", embed_snippet),
            ("embed_copy", embed_copy),
            ("embed_copied", embed_copied),
            ("embed_preview", embed_preview),
            ("embed_iframe_title", embed_iframe_title),
            ("embed_back", embed_back),
            ("skip_map", skip_map),
            ("pan_label", pan_label),
            ("pan_north", pan_north),
            ("pan_south", pan_south),
            ("pan_west", pan_west),
            ("pan_east", pan_east),
            ("load_tiles", load_tiles),
            ("embed_tiles_on_click", embed_tiles_on_click),
            ("wheel_hint", wheel_hint),
            ("touch_hint", touch_hint),
        ];
        let mut out: Vec<(String, String)> = plain
            .iter()
            .map(|(field, text)| (field.to_string(), text.to_string()))
            .collect();
        for n in COUNTS {
            out.push((format!("n_found({n})"), n_found(n)));
        }
        for n in COUNTS {
            out.push((format!("n_skipped({n})"), n_skipped(n)));
        }
        for n in COUNTS {
            out.push((format!("cluster_label({n})"), cluster_label(n)));
        }
        for &p in Precision::ALL {
            out.push((
                format!("approximate_position({p:?})"),
                approximate_position(p).to_string(),
            ));
        }
        out.push(("as_of".into(), as_of("2026-11-24")));
        for n in COUNTS {
            for total in [1, 2, 5, 21, 101, 214] {
                out.push((format!("coverage({n}, {total})"), coverage(n, total)));
            }
        }
        for r in [5, 10, 25, 50, 404, 500] {
            out.push((format!("error_not_found({r})"), error_not_found(r)));
        }
        for r in [5, 10, 25, 50, 404, 500] {
            out.push((format!("radius_km({r})"), radius_km(r)));
        }
        for r in [5, 50] {
            for n in COUNTS {
                out.push((format!("nearest_instead({r}, {n})"), nearest_instead(r, n)));
            }
        }
        out.push(("sada_far".into(), sada_far("12 km")));
        out.push(("origin_label".into(), origin_label("Köln")));
        assert!(
            matches!(decimal_separator, ',' | '.' | '\u{066B}'),
            "decimal_separator"
        );
        for n in COUNTS {
            out.push((format!("n_places({n})"), n_places(n)));
        }
        for &v in Offer::ALL {
            out.push((format!("offer({v:?})"), offer(v).to_string()));
        }
        for &v in Topic::ALL {
            out.push((format!("topic({v:?})"), topic(v).to_string()));
        }
        for &v in Umbrella::ALL {
            out.push((format!("umbrella({v:?})"), umbrella(v).to_string()));
        }
        out
    }

    fn is_rtl(c: char) -> bool {
        matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
    }

    #[test]
    fn no_string_is_empty_or_has_a_leftover_placeholder() {
        for (field, text) in all_strings(&EN) {
            assert!(!text.trim().is_empty(), "{field} is empty");
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{field}: {text}"
            );
            assert!(
                !text.contains(" \u{200C}") && !text.contains("\u{200C} "),
                "{field}: stray ZWNJ"
            );
        }
    }

    #[test]
    fn vocabulary_labels_are_distinct() {
        fn distinct<T: Copy>(all: &[T], label: fn(T) -> &'static str) {
            let mut seen = std::collections::HashSet::new();
            for &value in all {
                assert!(
                    seen.insert(label(value)),
                    "duplicate label {}",
                    label(value)
                );
            }
        }
        distinct(Offer::ALL, EN.offer);
        distinct(Topic::ALL, EN.topic);
        distinct(Umbrella::ALL, EN.umbrella);
    }

    #[test]
    fn numbers_in_sentences_are_shown() {
        for n in [5, 21, 101] {
            for f in [EN.n_found, EN.n_skipped, EN.cluster_label, EN.n_places] {
                assert!(f(n).contains(&n.to_string()), "{}", f(n));
            }
            assert!((EN.nearest_instead)(25, n).contains(&n.to_string()));
        }
        assert!((EN.coverage)(12, 214).contains("12"));
        assert!((EN.coverage)(12, 214).contains("214"));
        assert!((EN.error_not_found)(404).contains("404"));
        assert!((EN.radius_km)(25).contains("25"));
        assert!((EN.sada_far)("12 km").contains("12 km"));
        assert!((EN.origin_label)("Köln").contains("Köln"));
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
        for not_a_date in [
            "bald",
            "",
            "2026-13-01",
            "2026-11-32",
            "2026-1-24",
            "26-11-24",
            "2026-+1-24",
        ] {
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

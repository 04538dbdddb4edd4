//! Checks every language table must pass; each table's tests call them.
//! (They were first written once per language file.)

use ia_core::{Offer, Precision, Topic, Umbrella};

use super::Texts;

/// Numbers the plural forms are tried with.
pub const COUNTS: [usize; 6] = [0, 1, 2, 5, 21, 101];

/// Every string of the table, with each function called on sample values,
/// as (field, text). The pattern names every field of `Texts` (no `..`), so
/// a field added to `Texts` fails here until the test knows it.
pub fn all_strings(t: &'static Texts) -> Vec<(String, String)> {
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
        filters_toggle,
        needs_js,
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
        embed_controls,
        embed_language_auto,
        accessibility_statement,
        wheel_hint,
        touch_hint,
        offer,
        topic,
        umbrella,
    } = t;
    let plain: [(&str, &str); 107] = [
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
        ("filters_toggle", filters_toggle),
        ("needs_js", needs_js),
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
        ("embed_controls", embed_controls),
        ("embed_language_auto", embed_language_auto),
        ("accessibility_statement", accessibility_statement),
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

pub fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

pub fn no_string_is_empty_or_has_a_leftover_placeholder(t: &'static Texts) {
    for (field, text) in all_strings(t) {
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

pub fn vocabulary_labels_are_distinct(t: &'static Texts) {
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
    distinct(Offer::ALL, t.offer);
    distinct(Topic::ALL, t.topic);
    distinct(Umbrella::ALL, t.umbrella);
}

pub fn numbers_in_sentences_are_shown(t: &'static Texts) {
    for n in [5, 21, 101] {
        for f in [t.n_found, t.n_skipped, t.cluster_label, t.n_places] {
            assert!(f(n).contains(&n.to_string()), "{}", f(n));
        }
        assert!((t.nearest_instead)(25, n).contains(&n.to_string()));
    }
    assert!((t.coverage)(12, 214).contains("12"));
    assert!((t.coverage)(12, 214).contains("214"));
    assert!((t.error_not_found)(404).contains("404"));
    assert!((t.radius_km)(25).contains("25"));
    assert!((t.sada_far)("12 km").contains("12 km"));
    assert!((t.origin_label)("Köln").contains("Köln"));
}

//! Tests of the URL state: examples, canonical round trips and property
//! tests.

use super::*;
use crate::geo::NRW_BBOX;
use proptest::prelude::*;

#[test]
fn components_are_encoded_like_encode_uri_component() {
    assert_eq!(
        encode_component("a-b_c.d!e~f*g'h(i)j"),
        "a-b_c.d!e~f*g'h(i)j"
    );
    assert_eq!(
        encode_component("Fehler melden: Köln & Bonn"),
        "Fehler%20melden%3A%20K%C3%B6ln%20%26%20Bonn"
    );
    assert_eq!(encode_component("de-x-ls"), "de-x-ls");
    assert_eq!(encode_component("a=b?c/d#e+f"), "a%3Db%3Fc%2Fd%23e%2Bf");
}

/// Parses `query` and compares the canonical re-encoding with `expected`.
#[track_caller]
fn check(query: &str, expected: &str) {
    let state = UrlState::from_query_string(query);
    assert_eq!(
        state.to_query_string(),
        expected,
        "from {query:?}: {state:?}"
    );
    assert_eq!(
        UrlState::from_query_string(expected),
        state,
        "canonical {expected:?} reads back differently"
    );
}

#[test]
fn empty_and_unknown() {
    check("", "");
    check("?", "");
    check("lang=en&embed=1", "");
    check("&&&=&==", "");
    check("place", "");
}

#[test]
fn place() {
    check("place=05315000", "place=05315000");
    check("?place=05382", "place=05382");
    check("place=0531500", "");
    check("place=053150000", "");
    check("place=05315abc", "");
    check("place=+5315000", "");
    check("place=%EF%BC%90%EF%BC%95%EF%BC%93%EF%BC%91%EF%BC%95", "");
    check("place=05315000&place=05314000", "place=05314000");
    check("place=05315000&place=bogus", "");
}

#[test]
fn code_lists() {
    check(
        "offers=counselling,language_courses",
        "offers=language_courses,counselling",
    );
    check(
        "offers=counselling,,teleport, networking ",
        "offers=counselling,networking",
    );
    check(
        "offers=counselling%2Cnetworking",
        "offers=counselling,networking",
    );
    check("offers=COUNSELLING", "");
    check("offers=", "");
    check("topics=racism,age&sada=1", "sada=1&topics=racism,age");
    check("topics=age", "topics=age");
    check("umbrellas=awo,caritas,awo", "umbrellas=awo,caritas");
    check("umbrellas=caritas&umbrellas=drk", "umbrellas=drk");
}

#[test]
fn toggle() {
    check("sada=1", "sada=1");
    check("sada=true", "sada=1");
    check("sada=TRUE", "sada=1");
    check("sada=0", "");
    check("sada=yes", "");
    check("sada=%20true%20", "sada=1");
    check("sada=1&sada=0", "");
}

#[test]
fn free_text() {
    check("q=k%C3%B6ln", "q=k%C3%B6ln");
    check("q=caritas+k%C3%B6ln", "q=caritas+k%C3%B6ln");
    check("q=%20%20a%20b%20%20", "q=a+b");
    check("q=a%00b%0Ac%1B", "q=abc");
    check("q=a%E2%80%AEb", "q=ab");
    check("q=+++", "");
    check("q=%3Cscript%3E", "q=%3Cscript%3E");
    check("q=%", "q=%25");
    check("q=%zz", "q=%25zz");
    check("q=%FF", "q=%EF%BF%BD");
    check(
        &format!("q={}", "x".repeat(150)),
        &format!("q={}", "x".repeat(100)),
    );
    check(
        &format!("q={}", "ö".repeat(150)),
        &format!("q={}", "%C3%B6".repeat(100)),
    );
    check(
        &format!("q={}+y", "x".repeat(99)),
        &format!("q={}", "x".repeat(99)),
    );
}

#[test]
fn agency() {
    check("agency=caritas-koeln-2", "agency=caritas-koeln-2");
    check("agency=Caritas", "");
    check("agency=a--b", "");
    check("agency=javascript%3Aalert(1)", "");
    check(
        &format!("agency={}", "a".repeat(100)),
        &format!("agency={}", "a".repeat(100)),
    );
    check(&format!("agency={}", "a".repeat(101)), "");
}

#[test]
fn map_view() {
    check("map=12/50.9375/6.9603", "map=12/50.9375/6.9603");
    check("map=12%2F50.9375%2F6.9603", "map=12/50.9375/6.9603");
    check("map=8/51.12345678/7.00004", "map=8/51.1235/7.0000");
    check("map=0/51/7", "map=0/51.0000/7.0000");
    check("map=18/51/7", "map=18/51.0000/7.0000");
    check("map=19/51/7", "");
    check("map=-1/51/7", "");
    check("map=12/51", "");
    check("map=12/51/7/1", "");
    check("map=12/NaN/7", "");
    check("map=12/inf/7", "");
    check("map=12/48.3/3.8", "map=12/48.3000/3.8000");
    check("map=12/48.29/7", "");
    check("map=12/51/11.6", "");
    check("map=12/-51/7", "");
    check("map=x/51/7", "");
    // Only plain decimals, as the app writes them.
    check("map=12/5.1e1/7", "");
    check("map=12/51,5/7", "");
}

#[test]
fn a_map_view_is_what_the_url_carries() {
    let view = MapView::of_map(50.937_549, 6.960_351, 11.6);
    assert_eq!(
        view,
        MapView {
            lat: 50.9375,
            lon: 6.9604,
            zoom: 12
        }
    );
    assert_eq!(zoom_level(-0.7), 0);
    assert_eq!(zoom_level(18.4), MAX_ZOOM);
    assert_eq!(zoom_level(40.0), MAX_ZOOM);
    assert_eq!(zoom_level(f64::NAN), 0);
    let written = UrlState {
        map: Some(view.clone()),
        ..UrlState::default()
    };
    assert_eq!(
        UrlState::from_query_string(&written.to_query_string()).map,
        Some(view)
    );
}

#[test]
fn near_and_radius() {
    check("near=50667", "near=50667");
    check("near=50667&radius=10", "near=50667&radius=10");
    check("radius=10&near=K%C3%B6ln", "near=K%C3%B6ln&radius=10");
    // A radius only means something with a place; odd radii mean all of NRW.
    check("radius=10", "");
    check("near=50667&radius=7", "near=50667");
    check("near=50667&radius=-5", "near=50667");
    check("near=%20%20", "");
    check("near=%E2%80%AEevil", "near=evil");
    let long = "x".repeat(200);
    assert_eq!(
        UrlState::from_query_string(&format!("near={long}"))
            .near
            .map(|n| n.len()),
        Some(MAX_NEAR_CHARS)
    );
}

#[test]
fn everything_in_canonical_order() {
    check(
        "map=9/51.5/7.5&agency=ia-1&q=Beratung&umbrellas=drk&topics=age&sada=1&offers=networking&place=05382&lang=tr",
        "place=05382&offers=networking&sada=1&topics=age&umbrellas=drk&q=Beratung&agency=ia-1&map=9/51.5000/7.5000",
    );
}

#[test]
fn map_ranges_are_the_nrw_box_plus_two_degrees() {
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert!(close(*MAP_LAT_RANGE.start(), NRW_BBOX.south - 2.0));
    assert!(close(*MAP_LAT_RANGE.end(), NRW_BBOX.north + 2.0));
    assert!(close(*MAP_LON_RANGE.start(), NRW_BBOX.west - 2.0));
    assert!(close(*MAP_LON_RANGE.end(), NRW_BBOX.east + 2.0));
}

#[test]
fn known_params_match_the_writer() {
    let state = UrlState::from_query_string(
        "place=05382&offers=networking&sada=1&topics=age&umbrellas=drk&q=x&near=50667&radius=25&agency=a&map=9/51/7",
    );
    let names: Vec<&str> = state.to_pairs().into_iter().map(|(name, _)| name).collect();
    let all: Vec<&str> = Param::ALL.into_iter().map(Param::name).collect();
    assert_eq!(names, all);
    for param in Param::ALL {
        assert_eq!(Param::from_name(param.name()), Some(param));
    }
    assert_eq!(Param::from_name("lang"), None);
}

#[test]
fn from_pairs_takes_decoded_values() {
    let state = UrlState::from_pairs([("q", "Köln Mülheim"), ("place", "05315000"), ("x", "y")]);
    assert_eq!(state.filters.text, "Köln Mülheim");
    assert_eq!(
        state.filters.place,
        Some(PlaceFilter::Municipality("05315000".into()))
    );
}

fn hostile_fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<script>alert(1)</script>".to_owned()),
        Just("javascript:alert(document.cookie)".to_owned()),
        Just("\"><img src=x onerror=alert(1)>".to_owned()),
        Just("%00".to_owned()),
        Just("%".to_owned()),
        Just("%E2%80%AE".to_owned()),
        Just("\u{202e}\u{2066}\u{200f}".to_owned()),
        Just("\u{0}\u{1b}[31m".to_owned()),
        Just("&".to_owned()),
        Just("=".to_owned()),
        Just("+".to_owned()),
        Just("q=".to_owned()),
        Just("map=".to_owned()),
        Just("place=".to_owned()),
        Just("agency=".to_owned()),
        Just("offers=".to_owned()),
        Just("%F0%9F%92%A9".to_owned()),
        Just("💩👨‍👩‍👧".to_owned()),
        Just("١٢٣".to_owned()),
        Just("../../etc/passwd".to_owned()),
        Just("' OR 1=1 --".to_owned()),
        Just("x".repeat(5_000)),
        Just("ä".repeat(300)),
        Just("%C3%A4".repeat(300)),
        "\\PC{0,20}",
        "[%=&+/,.0-9a-z]{0,20}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_string_parses_to_a_fixed_point(query in any::<String>()) {
        let state = UrlState::from_query_string(&query);
        let again = UrlState::from_query_string(&state.to_query_string());
        prop_assert_eq!(again, state);
    }

    #[test]
    fn query_like_strings_parse_to_a_fixed_point(
        query in "(\\??((place|offers|sada|topics|umbrellas|q|agency|map|lang)=[%0-9a-zA-Z,/._+ -]{0,20}&?){0,6})",
    ) {
        let state = UrlState::from_query_string(&query);
        let again = UrlState::from_query_string(&state.to_query_string());
        prop_assert_eq!(again, state);
    }

    #[test]
    fn hostile_input_never_leaks_raw_markup(
        fragments in proptest::collection::vec(hostile_fragment(), 1..8),
    ) {
        let query = fragments.concat();
        let state = UrlState::from_query_string(&query);
        let encoded = state.to_query_string();
        prop_assert!(
            !encoded.contains(['<', '>', '"', ' ', '\'']),
            "{:?} -> {:?}", query, encoded
        );
        prop_assert!(state.filters.text.chars().count() <= MAX_QUERY_CHARS);
        prop_assert!(!state.filters.text.chars().any(|c| c.is_control() || is_bidi_control(c)));
        prop_assert_eq!(UrlState::from_query_string(&encoded), state);
    }

    #[test]
    fn valid_states_round_trip_exactly(state in arbitrary_valid_state()) {
        let query = state.to_query_string();
        prop_assert_eq!(UrlState::from_query_string(&query), state.clone(), "{}", query);
        prop_assert_eq!(UrlState::from_query_string(&format!("?{query}")), state);
    }
}

fn arbitrary_valid_state() -> impl Strategy<Value = UrlState> {
    let place = prop_oneof![
        Just(None),
        "[0-9]{8}".prop_map(|ags| Some(PlaceFilter::Municipality(ags))),
        "[0-9]{5}".prop_map(|kreis_ags| Some(PlaceFilter::Kreis(kreis_ags))),
    ];
    let text = "\\PC{0,30}".prop_map(|text| clean_query_text(&text));
    let agency = proptest::option::of("[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}");
    let near = proptest::option::of((
        prop_oneof![
            "[0-9]{5}",
            "[A-ZÄÖÜ][a-zäöüß]{2,12}( an der [A-Z][a-z]{2,8})?"
        ],
        proptest::option::of(proptest::sample::select(RADII_KM.to_vec())),
    ));
    let map = proptest::option::of(
        (0..=MAX_ZOOM, 483_000i64..=545_600, 38_000i64..=115_000).prop_map(|(zoom, lat, lon)| {
            MapView {
                lat: lat as f64 / 10_000.0,
                lon: lon as f64 / 10_000.0,
                zoom,
            }
        }),
    );
    (
        place,
        proptest::sample::subsequence(Offer::ALL.to_vec(), 0..=Offer::ALL.len()),
        any::<bool>(),
        proptest::sample::subsequence(Topic::ALL.to_vec(), 0..=Topic::ALL.len()),
        proptest::sample::subsequence(Umbrella::ALL.to_vec(), 0..=Umbrella::ALL.len()),
        text,
        agency,
        map,
        near,
    )
        .prop_map(
            |(place, offers, antidiscrimination, topics, umbrellas, text, agency, map, near)| {
                let (near, radius_km) = match near {
                    Some((near, radius)) => (Some(near), radius),
                    None => (None, None),
                };
                UrlState {
                    filters: Filters {
                        place,
                        offers: offers.into_iter().collect(),
                        antidiscrimination,
                        topics: topics.into_iter().collect(),
                        umbrellas: umbrellas.into_iter().collect(),
                        text,
                        circle: None,
                    },
                    agency,
                    map,
                    near,
                    radius_km,
                }
            },
        )
}

#[test]
fn a_thousand_hostile_strings_never_panic() {
    // A fixed, deterministic corpus in addition to the random one above.
    let pieces = [
        "<script>",
        "</script>",
        "javascript:",
        "\"",
        "'",
        ">",
        "<",
        "%00",
        "%0A",
        "%0D",
        "%E2%80%AE",
        "\u{202e}",
        "\u{feff}",
        "%",
        "%%",
        "%G0",
        "+",
        "&",
        "=",
        "?",
        "#",
        "place=",
        "q=",
        "map=",
        "map=18/",
        "/",
        ",",
        "offers=",
        "agency=",
        "sada=",
        "ä",
        "💩",
        "\u{0}",
        "\u{7f}",
        "%FF%FE",
        "1e309",
        "NaN",
        "-0",
        "05315000",
    ];
    let mut n_checked = 0;
    for (first_idx, first) in pieces.iter().enumerate() {
        for second in &pieces {
            for third in &pieces[first_idx % 5..first_idx % 5 + 1] {
                let query = format!("{first}{second}{third}{first}");
                let state = UrlState::from_query_string(&query);
                let encoded = state.to_query_string();
                assert!(
                    !encoded.contains(['<', '>', '"', ' ']),
                    "{query:?} -> {encoded:?}"
                );
                assert_eq!(UrlState::from_query_string(&encoded), state, "{query:?}");
                n_checked += 1;
            }
        }
    }
    assert!(n_checked >= 1_000, "{n_checked}");
}

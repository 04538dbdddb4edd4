//! Tests of the finder's answers: examples around Köln, and property tests
//! against a naive reference (every agency tested and sorted plainly).

use super::*;
use crate::dataset::{Agency, KreisInfo};
use crate::filter::PlaceFilter;
use crate::nearby::RADII_KM;
use crate::synthetic::synthetic_agencies;
use crate::vocab::{Precision, Umbrella};
use proptest::prelude::*;

/// Four agencies: Köln, then Troisdorf (20 km away), Siegburg (23 km) and
/// Bonn (25 km); the last two are Servicestellen.
fn around_koeln() -> Vec<Agency> {
    let mut agencies = synthetic_agencies(4, 3);
    let places = [
        ("koeln", "05315000", "Köln", 50.9413, 6.9583, false),
        (
            "troisdorf",
            "05382068",
            "Rhein-Sieg-Kreis",
            50.8156,
            7.1553,
            false,
        ),
        (
            "siegburg",
            "05382056",
            "Rhein-Sieg-Kreis",
            50.7998,
            7.2045,
            true,
        ),
        ("bonn", "05314000", "Bonn", 50.7374, 7.0982, true),
    ];
    for (agency, (id, ags, kreis, lat, lon, sada)) in agencies.iter_mut().zip(places) {
        agency.id = id.to_owned();
        agency.name = format!("IA {id}");
        agency.ags = ags.to_owned();
        agency.kreis = kreis.to_owned();
        agency.location.lat = lat;
        agency.location.lon = lon;
        agency.location.precision = Precision::Postcode;
        agency.antidiscrimination = sada;
    }
    agencies
}

fn near_koeln(radius_km: Option<u16>) -> Option<Near> {
    Some(Near {
        lat: 50.9413,
        lon: 6.9583,
        radius_km,
    })
}

#[test]
fn a_radius_shows_what_lies_within_it() {
    let index = Index::new(&around_koeln());
    let search = |radius_km| Search {
        near: near_koeln(radius_km),
        ..Search::default()
    };
    let within_22 = results(&index, &search(Some(22)));
    assert_eq!(within_22.visible, [0, 1]);
    assert!(!within_22.nearest_instead);
    assert_eq!(within_22.facets.total, 2);
    // An origin without a radius only measures.
    assert_eq!(results(&index, &search(None)).visible, [0, 1, 2, 3]);
    assert!(is_shown(&index, &search(Some(22)), 1));
    assert!(!is_shown(&index, &search(Some(22)), 2));
}

#[test]
fn nothing_within_the_radius_shows_the_nearest_few_instead() {
    let index = Index::new(&around_koeln());
    // Servicestellen only, within 5 km of Köln: none; the nearest instead.
    let search = Search {
        filters: Filters {
            antidiscrimination: true,
            ..Filters::default()
        },
        near: near_koeln(Some(5)),
    };
    let shown = results(&index, &search);
    assert_eq!(shown.visible, [2, 3]);
    assert!(shown.nearest_instead);
    // Counted as if there were no radius.
    assert_eq!(shown.facets.total, 2);
    assert_eq!(shown.facets.umbrellas.iter().sum::<usize>(), 2);
    assert!(is_shown(&index, &search, 3));
    assert!(!is_shown(&index, &search, 0), "Köln is no Servicestelle");
    // Four matches outside the radius: the three nearest.
    let everyone = Search {
        near: near_koeln(Some(5)),
        ..Search::default()
    };
    assert_eq!(
        results(&index, &everyone).visible,
        [0],
        "Köln is within 5 km"
    );
    let far = Search {
        near: Some(Near {
            lat: 50.5,
            lon: 8.0,
            radius_km: Some(5),
        }),
        ..Search::default()
    };
    let instead = results(&index, &far);
    assert!(instead.nearest_instead);
    assert_eq!(instead.visible.len(), NEAREST_INSTEAD);
    assert!(
        !is_shown(&index, &far, 0),
        "Köln is the farthest from Limburg"
    );
}

/// Leverkusen (a kreisfreie Stadt between Köln and Düsseldorf) and Mettmann,
/// where the datasets of these tests have no agency, and Köln, where they do.
fn kreise() -> Vec<KreisInfo> {
    let kreis = |ags: &str, name: &str, kreisfrei, lat, lon| KreisInfo {
        ags: ags.into(),
        name: name.into(),
        kreisfrei,
        lat,
        lon,
    };
    vec![
        kreis("05316", "Leverkusen", true, 51.0459, 7.0192),
        kreis("05158", "Mettmann", false, 51.2504, 6.9750),
        kreis("05315", "Köln", true, 50.9413, 6.9583),
    ]
}

#[test]
fn a_place_without_agencies_shows_the_nearest_measured_from_it() {
    let agencies = around_koeln();
    let index = Index::with_kreise(&agencies, &kreise());
    let in_leverkusen = Search {
        filters: Filters {
            place: Some(PlaceFilter::Kreis("05316".into())),
            ..Filters::default()
        },
        ..Search::default()
    };
    let shown = results(&index, &in_leverkusen);
    let leverkusen = index.empty_place(&PlaceFilter::Kreis("05316".into()));
    assert!(leverkusen.is_some());
    assert_eq!(shown.empty_place, leverkusen);
    assert!(!shown.nearest_instead);
    // Köln, Troisdorf and Siegburg are nearer to Leverkusen than Bonn.
    assert_eq!(shown.visible, [0, 1, 2]);
    // Counted as if no place were chosen.
    assert_eq!(shown.facets.total, 4);
    assert!(is_shown(&index, &in_leverkusen, 0));
    assert!(!is_shown(&index, &in_leverkusen, 3));
    assert_eq!(
        measured_from(&index, &in_leverkusen),
        Some((51.0459, 7.0192))
    );
    // A radius does not apply there; an origin is still where distances start.
    let near_too = Search {
        near: near_koeln(Some(5)),
        ..in_leverkusen.clone()
    };
    assert_eq!(results(&index, &near_too).visible, [0, 1, 2]);
    assert_eq!(measured_from(&index, &near_too), Some((50.9413, 6.9583)));
    // A place with agencies, or none chosen, is measured from nowhere.
    assert_eq!(measured_from(&index, &Search::default()), None);
    let in_koeln = Search {
        filters: Filters {
            place: Some(PlaceFilter::Kreis("05315".into())),
            ..Filters::default()
        },
        ..Search::default()
    };
    assert_eq!(results(&index, &in_koeln).empty_place, None);
}

#[test]
fn the_list_is_ordered_by_distance_when_there_is_an_origin() {
    let index = Index::new(&around_koeln());
    assert_eq!(list_order(4, None), [0, 1, 2, 3]);
    // From Bonn: Bonn, Troisdorf (9.6 km), Siegburg (10.2 km), Köln (24.7 km).
    let from_bonn = distances(&index, 50.7374, 7.0982);
    assert_eq!(list_order(4, Some(&from_bonn)), [3, 1, 2, 0]);
    assert_eq!(
        nearest_km(&[0, 2], Some(&from_bonn)).map(f64::round),
        Some(10.0)
    );
    assert_eq!(nearest_km(&[0, 1], None), None);
    assert_eq!(nearest_km(&[], Some(&from_bonn)), None);
    let shown = shown_mask(4, &[1, 3, 9]);
    assert_eq!(shown, [false, true, false, true]);
    assert_eq!(visible_in_order(&[3, 1, 2, 0], &shown), [3, 1]);
}

#[test]
fn the_map_fits_the_results_or_the_origin_with_its_nearest() {
    let index = Index::new(&around_koeln());
    assert_eq!(fit_box(&index, &[], None), None);
    let all = fit_box(&index, &[0, 1, 2, 3], None).unwrap();
    assert_eq!((all.south, all.north), (50.7374, 50.9413));
    assert_eq!((all.west, all.east), (6.9583, 7.2045));
    // An origin and a radius: the whole circle, even without results.
    let circle = fit_box(&index, &[], near_koeln(Some(10))).unwrap();
    assert!((circle.north - circle.south - 2.0 * 10.0 / 111.2).abs() < 1e-9);
    assert!(circle.east - circle.west > circle.north - circle.south);
}

/// The positions of `candidates` nearest to `(lat, lon)`, sorted plainly.
fn naive_nearest(agencies: &[Agency], candidates: &[usize], lat: f64, lon: f64) -> Vec<usize> {
    let distance = |p: usize| {
        let location = &agencies[p].location;
        distance_km(lat, lon, location.lat, location.lon)
    };
    let mut by_distance = candidates.to_vec();
    by_distance.sort_by(|&a, &b| distance(a).total_cmp(&distance(b)).then(a.cmp(&b)));
    let mut nearest: Vec<usize> = by_distance.into_iter().take(NEAREST_INSTEAD).collect();
    nearest.sort();
    nearest
}

/// Which agencies the finder shows, written as plainly as possible.
fn naive_visible(agencies: &[Agency], index: &Index, search: &Search) -> (Vec<usize>, bool) {
    let empty_place = search
        .filters
        .place
        .as_ref()
        .and_then(|place| index.places().iter().find(|option| &option.filter == place))
        .filter(|option| option.n_agencies == 0)
        .and_then(|option| option.centre);
    if let Some((lat, lon)) = empty_place {
        let elsewhere = Filters {
            place: None,
            ..search.filters.clone()
        };
        return (
            naive_nearest(agencies, &index.matching(&elsewhere), lat, lon),
            false,
        );
    }
    let matching = index.matching(&search.filters);
    let Some(circle) = search.circle() else {
        return (matching, false);
    };
    let (centre_lat, centre_lon) = (circle.lat(), circle.lon());
    let distance = |p: usize| {
        let location = &agencies[p].location;
        distance_km(centre_lat, centre_lon, location.lat, location.lon)
    };
    let within: Vec<usize> = matching
        .iter()
        .copied()
        .filter(|&p| distance(p) <= f64::from(circle.radius_km))
        .collect();
    if !within.is_empty() {
        return (within, false);
    }
    (
        naive_nearest(agencies, &matching, centre_lat, centre_lon),
        true,
    )
}

fn arbitrary_search() -> impl Strategy<Value = Search> {
    let places = prop_oneof![
        Just(None),
        Just(Some(PlaceFilter::Kreis("05382".to_owned()))),
        Just(Some(PlaceFilter::Municipality("05315000".to_owned()))),
        Just(Some(PlaceFilter::Kreis("05316".to_owned()))),
        Just(Some(PlaceFilter::Kreis("05158".to_owned()))),
    ];
    let texts = prop_oneof![
        Just(String::new()),
        Just("koln".to_owned()),
        Just("Agentur 1".to_owned()),
        Just("zzz".to_owned()),
    ];
    let near = proptest::option::of((
        50.3f64..52.5,
        5.9f64..9.5,
        proptest::option::of(proptest::sample::select(RADII_KM.to_vec())),
    ));
    (
        places,
        any::<bool>(),
        proptest::sample::subsequence(Umbrella::ALL.to_vec(), 0..=2),
        texts,
        near,
    )
        .prop_map(
            |(place, antidiscrimination, umbrellas, text, near)| Search {
                filters: Filters {
                    place,
                    antidiscrimination,
                    umbrellas: umbrellas.into_iter().collect(),
                    text,
                    ..Filters::default()
                },
                near: near.map(|(lat, lon, radius_km)| Near {
                    lat,
                    lon,
                    radius_km,
                }),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn results_agree_with_the_naive_reference(
        n_agencies in 0usize..120,
        seed in any::<u64>(),
        search in arbitrary_search(),
    ) {
        let agencies = synthetic_agencies(n_agencies, seed);
        let index = Index::with_kreise(&agencies, &kreise());
        let shown = results(&index, &search);
        let (visible, instead) = naive_visible(&agencies, &index, &search);
        prop_assert_eq!(&shown.visible, &visible);
        prop_assert_eq!(shown.nearest_instead, instead);
        let counted = if shown.empty_place.is_some() {
            Filters { place: None, ..search.filters.clone() }
        } else if instead {
            search.filters.clone()
        } else {
            search.filters()
        };
        prop_assert_eq!(&shown.facets, &index.facet_counts(&counted));
        let from_place = shown
            .empty_place
            .and_then(|position| index.places()[position].centre);
        prop_assert_eq!(
            measured_from(&index, &search),
            search.near.map(|near| (near.lat, near.lon)).or(from_place)
        );
        for position in 0..=agencies.len() {
            prop_assert_eq!(
                is_shown(&index, &search, position),
                visible.contains(&position),
                "position {}", position
            );
        }
    }

    #[test]
    fn the_list_order_sorts_by_distance_and_keeps_everyone(
        n_agencies in 0usize..120,
        seed in any::<u64>(),
        lat in 50.3f64..52.5,
        lon in 5.9f64..9.5,
    ) {
        let agencies = synthetic_agencies(n_agencies, seed);
        let index = Index::new(&agencies);
        let distances = distances(&index, lat, lon);
        let order = list_order(agencies.len(), Some(&distances));
        let mut sorted = order.clone();
        sorted.sort();
        prop_assert_eq!(sorted, (0..agencies.len()).collect::<Vec<_>>());
        for pair in order.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            prop_assert!(distances[a] < distances[b] || (distances[a] == distances[b] && a < b));
        }
        let visible: Vec<usize> = (0..agencies.len()).filter(|p| p % 3 == 0).collect();
        let shown = shown_mask(agencies.len(), &visible);
        let in_order = visible_in_order(&order, &shown);
        prop_assert_eq!(in_order.len(), visible.len());
        prop_assert_eq!(in_order.first().copied(), visible.iter().copied().min_by(|&a, &b| {
            distances[a].total_cmp(&distances[b]).then(a.cmp(&b))
        }));
        prop_assert_eq!(
            nearest_km(&visible, Some(&distances)),
            in_order.first().map(|&p| distances[p])
        );
    }

    #[test]
    fn the_fit_box_holds_the_origin_its_radius_and_nearest_results(
        n_agencies in 1usize..80,
        seed in any::<u64>(),
        search in arbitrary_search(),
    ) {
        let agencies = synthetic_agencies(n_agencies, seed);
        let index = Index::new(&agencies);
        let visible = results(&index, &search).visible;
        let Some(bbox) = fit_box(&index, &visible, search.near) else {
            prop_assert!(visible.is_empty() && search.near.is_none());
            return Ok(());
        };
        let inside = |lat: f64, lon: f64| {
            bbox.south <= lat && lat <= bbox.north && bbox.west <= lon && lon <= bbox.east
        };
        match search.near {
            None => {
                for &p in &visible {
                    prop_assert!(inside(agencies[p].location.lat, agencies[p].location.lon));
                }
            }
            Some(near) => {
                prop_assert!(inside(near.lat, near.lon));
                let mut by_distance = visible.clone();
                let distance = |p: usize| {
                    distance_km(near.lat, near.lon, agencies[p].location.lat, agencies[p].location.lon)
                };
                by_distance.sort_by(|&a, &b| distance(a).total_cmp(&distance(b)).then(a.cmp(&b)));
                for &p in by_distance.iter().take(FIT_NEAREST) {
                    prop_assert!(inside(agencies[p].location.lat, agencies[p].location.lon));
                }
                if let Some(km) = near.radius_km {
                    prop_assert!(bbox.north - bbox.south >= 2.0 * f64::from(km) / 111.2 - 1e-9);
                }
            }
        }
    }
}

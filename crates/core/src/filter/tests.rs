//! Tests of the filter index: hand-made examples and property tests
//! against a naive reference.

use super::*;
use crate::synthetic::synthetic_agencies;
use crate::vocab::Precision;
use proptest::prelude::*;

fn agency(id: &str, ags: &str, municipality: &str, kreis: &str) -> Agency {
    let mut agency = synthetic_agencies(1, 7).remove(0);
    agency.id = id.to_owned();
    agency.ags = ags.to_owned();
    agency.municipality = municipality.to_owned();
    agency.kreis = kreis.to_owned();
    agency.address.city = municipality.to_owned();
    agency
}

/// A small hand-made dataset whose answers are easy to see.
fn sample() -> Vec<Agency> {
    let mut koeln = agency("koeln", "05315000", "Köln", "Köln");
    koeln.name = "Integrationsagentur Köln-Mülheim".into();
    koeln.umbrella = Umbrella::Caritas;
    koeln.offers = vec![Offer::LanguageCourses, Offer::Counselling];
    koeln.antidiscrimination = true;
    koeln.topics = vec![Topic::Racism];
    koeln.address.street = Some("Hauptstraße 1".into());

    let mut troisdorf = agency("troisdorf", "05382068", "Troisdorf", "Rhein-Sieg-Kreis");
    troisdorf.name = "IA Troisdorf".into();
    troisdorf.umbrella = Umbrella::Awo;
    troisdorf.offers = vec![Offer::LanguageCourses];
    troisdorf.antidiscrimination = false;
    troisdorf.topics = vec![];

    let mut siegburg = agency("siegburg", "05382056", "Siegburg", "Rhein-Sieg-Kreis");
    siegburg.name = "IA Siegburg".into();
    siegburg.umbrella = Umbrella::Diakonie;
    siegburg.offers = vec![Offer::NeighbourhoodWork];
    siegburg.antidiscrimination = true;
    siegburg.topics = vec![Topic::Antisemitism];

    let mut bonn = agency("bonn", "05314000", "Bonn", "Bonn");
    bonn.name = "IA Bonn".into();
    bonn.umbrella = Umbrella::Caritas;
    bonn.offers = vec![];
    bonn.antidiscrimination = false;
    bonn.topics = vec![];
    vec![koeln, troisdorf, siegburg, bonn]
}

fn filters(edit: impl FnOnce(&mut Filters)) -> Filters {
    let mut filters = Filters::default();
    edit(&mut filters);
    filters
}

#[track_caller]
fn check(filters: Filters, expected_ids: &[&str]) {
    let agencies = sample();
    let index = Index::new(&agencies);
    let ids: Vec<&str> = index
        .matching(&filters)
        .into_iter()
        .map(|idx| agencies[idx].id.as_str())
        .collect();
    assert_eq!(ids, expected_ids, "{filters:?}");
}

/// The places as `(name, is_kreis, n_agencies)`, in the picker's order.
fn listed(index: &Index) -> Vec<(&str, bool, usize)> {
    index
        .places()
        .iter()
        .map(|place| (place.name.as_str(), place.is_kreis, place.n_agencies))
        .collect()
}

#[test]
fn a_radius_keeps_the_agencies_within_it_and_counts_under_it() {
    let mut agencies = sample();
    let place = |a: &mut Agency, lat: f64, lon: f64| {
        a.location.lat = lat;
        a.location.lon = lon;
    };
    place(&mut agencies[0], 50.9413, 6.9583); // Köln
    place(&mut agencies[1], 50.8156, 7.1553); // Troisdorf, 20 km from Köln
    place(&mut agencies[2], 50.7998, 7.2045); // Siegburg, 23 km
    place(&mut agencies[3], 50.7374, 7.0982); // Bonn, 25 km
    let index = Index::new(&agencies);
    let around_koeln = |km| filters(|f| f.circle = Some(Circle::new(50.9413, 6.9583, km)));
    assert_eq!(index.matching(&around_koeln(5)), [0]);
    assert_eq!(index.matching(&around_koeln(22)), [0, 1]);
    assert_eq!(index.matching(&around_koeln(50)), [0, 1, 2, 3]);
    // Facet counts respect the radius too.
    let counts = index.facet_counts(&around_koeln(22));
    assert_eq!(counts.umbrellas[Umbrella::Diakonie.index()], 0);
    assert_eq!(counts.umbrellas[Umbrella::Awo.index()], 1);
    assert_eq!(around_koeln(5).n_active(), 1);
}

#[test]
fn matching_examples() {
    let all = &["koeln", "troisdorf", "siegburg", "bonn"];
    check(Filters::default(), all);
    check(filters(|f| f.text = "koln".into()), &["koeln"]);
    check(filters(|f| f.text = "MUELHEIM".into()), &["koeln"]);
    check(filters(|f| f.text = "strasse".into()), &["koeln"]);
    check(
        filters(|f| f.text = "rhein sieg".into()),
        &["troisdorf", "siegburg"],
    );
    check(filters(|f| f.text = "ia nowhere".into()), &[]);
    check(filters(|f| f.text = " - ".into()), all);
    check(
        filters(|f| f.place = Some(PlaceFilter::Kreis("05382".into()))),
        &["troisdorf", "siegburg"],
    );
    check(
        filters(|f| f.place = Some(PlaceFilter::Municipality("05382068".into()))),
        &["troisdorf"],
    );
    check(
        filters(|f| f.place = Some(PlaceFilter::Kreis("05315".into()))),
        &["koeln"],
    );
    check(
        filters(|f| f.place = Some(PlaceFilter::Municipality("05999999".into()))),
        &[],
    );
    check(
        filters(|f| f.place = Some(PlaceFilter::Kreis("x".into()))),
        &[],
    );
    check(
        filters(|f| f.offers = [Offer::LanguageCourses, Offer::NeighbourhoodWork].into()),
        &["koeln", "troisdorf", "siegburg"],
    );
    check(
        filters(|f| f.umbrellas = [Umbrella::Caritas].into()),
        &["koeln", "bonn"],
    );
    check(
        filters(|f| {
            f.umbrellas = [Umbrella::Caritas].into();
            f.offers = [Offer::Counselling].into();
        }),
        &["koeln"],
    );
    check(
        filters(|f| f.antidiscrimination = true),
        &["koeln", "siegburg"],
    );
    check(
        filters(|f| {
            f.antidiscrimination = true;
            f.topics = [Topic::Antisemitism].into();
        }),
        &["siegburg"],
    );
    // Topics without the toggle have no effect.
    check(filters(|f| f.topics = [Topic::Antisemitism].into()), all);
}

fn kreis_info(ags: &str, name: &str, kreisfrei: bool) -> KreisInfo {
    KreisInfo {
        ags: ags.into(),
        name: name.into(),
        kreisfrei,
        lat: 51.0,
        lon: 7.0,
    }
}

#[test]
fn kreise_without_agencies_are_listed_with_zero_and_their_centre() {
    let agencies = vec![
        agency("lippstadt", "05974028", "Lippstadt", "Soest"),
        agency("koeln", "05315000", "Köln", "Köln"),
    ];
    let kreise = [
        kreis_info("05316", "Leverkusen", true),
        kreis_info("05158", "Mettmann", false),
        kreis_info("05974", "Soest", false),
        kreis_info("05315", "Köln", true),
        kreis_info("05962", "Märkischer Kreis", false),
    ];
    let index = Index::with_kreise(&agencies, &kreise);
    assert_eq!(place_options(&agencies, &kreise), index.places());
    let listed: Vec<(String, usize, bool)> = index
        .places()
        .iter()
        .map(|p| (p.label(" (Kreis)"), p.n_agencies, p.centre.is_some()))
        .collect();
    assert_eq!(
        listed,
        [
            ("Köln".to_owned(), 1, false),
            ("Leverkusen".to_owned(), 0, true),
            ("Lippstadt".to_owned(), 1, false),
            ("Märkischer Kreis".to_owned(), 0, true),
            ("Mettmann (Kreis)".to_owned(), 0, true),
            ("Soest (Kreis)".to_owned(), 1, true),
        ]
    );
    let leverkusen = PlaceFilter::Kreis("05316".into());
    assert!(index
        .place_option(&leverkusen)
        .is_some_and(PlaceOption::is_empty));
    assert_eq!(index.empty_place(&leverkusen), Some(1));
    assert_eq!(index.empty_place(&PlaceFilter::Kreis("05974".into())), None);
    assert_eq!(index.empty_place(&PlaceFilter::Kreis("09999".into())), None);
    let filters = Filters {
        place: Some(leverkusen),
        ..Filters::default()
    };
    assert!(index.matching(&filters).is_empty());
    // Without the list, the index is the one `new` builds.
    assert_eq!(
        Index::with_kreise(&agencies, &[]).places(),
        Index::new(&agencies).places()
    );
}

#[test]
fn a_kreis_only_record_belongs_to_the_kreis_and_to_none_of_its_towns() {
    let mut soest_kreis = agency("ada-soest", "05974", "", "Soest");
    soest_kreis.location.precision = Precision::Kreis;
    soest_kreis.address.city = "Kreis Soest".into();
    let lippstadt = agency("lippstadt", "05974028", "Lippstadt", "Soest");
    // A Kreis with only a Kreis-only record is still listed, as a Kreis.
    let mut borken = agency("drk-borken", "05554", "", "Borken");
    borken.location.precision = Precision::Kreis;
    let agencies = vec![soest_kreis, lippstadt, borken];
    let index = Index::new(&agencies);
    let listed = listed(&index);
    assert_eq!(
        listed,
        [
            ("Borken", true, 1),
            ("Lippstadt", false, 1),
            ("Soest", true, 2)
        ]
    );
    let ids = |place: PlaceFilter| {
        let filters = Filters {
            place: Some(place),
            ..Filters::default()
        };
        index
            .matching(&filters)
            .into_iter()
            .map(|i| agencies[i].id.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(PlaceFilter::Kreis("05974".into())),
        ["ada-soest", "lippstadt"]
    );
    assert_eq!(
        ids(PlaceFilter::Municipality("05974028".into())),
        ["lippstadt"]
    );
    assert_eq!(ids(PlaceFilter::Kreis("05554".into())), ["drk-borken"]);
    assert!(ids(PlaceFilter::Municipality("05554".into())).is_empty());
}

#[test]
fn places_are_listed_once_and_sorted() {
    let index = Index::new(&sample());
    let listed = listed(&index);
    assert_eq!(
        listed,
        [
            ("Bonn", false, 1),
            ("Köln", false, 1),
            ("Rhein-Sieg-Kreis", true, 2),
            ("Siegburg", false, 1),
            ("Troisdorf", false, 1),
        ]
    );
    let siegburg = &index.places()[3];
    assert_eq!(siegburg.kreis_name, "Rhein-Sieg-Kreis");
    assert_eq!(
        siegburg.filter,
        PlaceFilter::Municipality("05382056".into())
    );
}

#[test]
fn place_option_lookup() {
    let index = Index::new(&sample());
    let name_of = |place: PlaceFilter| index.place_option(&place).map(|o| o.name.as_str());
    assert_eq!(
        name_of(PlaceFilter::Municipality("05382068".into())),
        Some("Troisdorf")
    );
    assert_eq!(
        name_of(PlaceFilter::Kreis("05382".into())),
        Some("Rhein-Sieg-Kreis")
    );
    // Köln is listed once, as a municipality; its Kreis key finds that entry.
    assert_eq!(name_of(PlaceFilter::Kreis("05315".into())), Some("Köln"));
    assert_eq!(name_of(PlaceFilter::Municipality("05999999".into())), None);
    assert_eq!(name_of(PlaceFilter::Kreis("05999".into())), None);
}

#[test]
fn facet_counts_are_disjunctive() {
    let index = Index::new(&sample());
    let filters = filters(|f| {
        f.umbrellas = [Umbrella::Caritas].into();
        f.place = Some(PlaceFilter::Municipality("05315000".into()));
    });
    let counts = index.facet_counts(&filters);
    assert_eq!(counts.total, 1);
    // Umbrellas ignore the umbrella choice but apply the place: only Köln.
    assert_eq!(counts.umbrellas[Umbrella::Caritas.index()], 1);
    assert_eq!(counts.umbrellas[Umbrella::Awo.index()], 0);
    // Places ignore the place but apply Caritas: Köln and Bonn.
    let by_name = |name: &str| {
        index
            .places()
            .iter()
            .position(|place| place.name == name)
            .map(|position| counts.places[position])
    };
    assert_eq!(by_name("Köln"), Some(1));
    assert_eq!(by_name("Bonn"), Some(1));
    assert_eq!(by_name("Troisdorf"), Some(0));
    assert_eq!(counts.antidiscrimination, 1);
    assert_eq!(counts.offers[Offer::LanguageCourses.index()], 1);
}

#[test]
fn n_active_counts_what_has_an_effect() {
    assert!(Filters::default().is_empty());
    assert!(filters(|f| f.topics = [Topic::Age].into()).is_empty());
    assert!(filters(|f| f.text = " , ".into()).is_empty());
    let busy = filters(|f| {
        f.place = Some(PlaceFilter::Kreis("05382".into()));
        f.offers = [Offer::Counselling, Offer::Networking].into();
        f.antidiscrimination = true;
        f.topics = [Topic::Age].into();
        f.umbrellas = [Umbrella::Drk].into();
        f.text = "x".into();
    });
    assert_eq!(busy.n_active(), 7);
}

#[test]
fn empty_index_answers_everything() {
    let index = Index::new(&[]);
    assert!(index.is_empty());
    assert_eq!(index.matching(&Filters::default()), Vec::<usize>::new());
    let counts = index.facet_counts(&filters(|f| f.text = "x".into()));
    assert_eq!(counts.total, 0);
    assert_eq!(counts.offers.len(), Offer::ALL.len());
}

/// The reference semantics, written as plainly as possible.
fn naive_matches(agency: &Agency, filters: &Filters) -> bool {
    let place_ok = match &filters.place {
        None => true,
        Some(PlaceFilter::Municipality(ags)) => &agency.ags == ags,
        Some(PlaceFilter::Kreis(kreis_ags)) => agency.kreis_ags() == kreis_ags,
    };
    let offers_ok =
        filters.offers.is_empty() || agency.offers.iter().any(|o| filters.offers.contains(o));
    let toggle_ok = !filters.antidiscrimination
        || (agency.antidiscrimination
            && (filters.topics.is_empty()
                || agency.topics.iter().any(|t| filters.topics.contains(t))));
    let umbrellas_ok = filters.umbrellas.is_empty() || filters.umbrellas.contains(&agency.umbrella);
    let haystack = fold(&format!(
        "{} {} {} {} {} {} {}",
        agency.name,
        agency.carrier,
        agency.address.street.as_deref().unwrap_or(""),
        agency.address.postcode.as_deref().unwrap_or(""),
        agency.address.city,
        agency.municipality,
        agency.kreis
    ));
    let text_ok = crate::text::matches_all_words(&haystack, &filters.text);
    place_ok && offers_ok && toggle_ok && umbrellas_ok && text_ok
}

fn naive_count(agencies: &[Agency], filters: &Filters, extra: impl Fn(&Agency) -> bool) -> usize {
    agencies
        .iter()
        .filter(|agency| naive_matches(agency, filters) && extra(agency))
        .count()
}

fn arbitrary_filters() -> impl Strategy<Value = Filters> {
    let places = prop_oneof![
        Just(None),
        Just(Some(PlaceFilter::Municipality("05315000".to_owned()))),
        Just(Some(PlaceFilter::Municipality("05382068".to_owned()))),
        Just(Some(PlaceFilter::Municipality("05999999".to_owned()))),
        Just(Some(PlaceFilter::Kreis("05382".to_owned()))),
        Just(Some(PlaceFilter::Kreis("05315".to_owned()))),
        Just(Some(PlaceFilter::Kreis("05334".to_owned()))),
        Just(Some(PlaceFilter::Kreis("0".to_owned()))),
    ];
    let texts = prop_oneof![
        Just(String::new()),
        Just("koln".to_owned()),
        Just("Agentur 1".to_owned()),
        Just("strasse".to_owned()),
        Just("Rhein-Sieg".to_owned()),
        Just("zzz".to_owned()),
        "[a-zäöü ]{0,6}",
    ];
    (
        places,
        proptest::sample::subsequence(Offer::ALL.to_vec(), 0..=3),
        any::<bool>(),
        proptest::sample::subsequence(Topic::ALL.to_vec(), 0..=2),
        proptest::sample::subsequence(Umbrella::ALL.to_vec(), 0..=2),
        texts,
    )
        .prop_map(
            |(place, offers, antidiscrimination, topics, umbrellas, text)| Filters {
                place,
                offers: offers.into_iter().collect(),
                antidiscrimination,
                topics: topics.into_iter().collect(),
                umbrellas: umbrellas.into_iter().collect(),
                text,
                circle: None,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn index_agrees_with_the_naive_reference(
        n_agencies in 0usize..150,
        seed in any::<u64>(),
        filters in arbitrary_filters(),
        lat in 50.3f64..52.5,
        lon in 5.9f64..9.5,
        radius_km in prop_oneof![Just(5u16), Just(25), Just(100)],
    ) {
        let agencies = synthetic_agencies(n_agencies, seed);
        let index = Index::new(&agencies);

        let expected: Vec<usize> = (0..agencies.len())
            .filter(|&idx| naive_matches(&agencies[idx], &filters))
            .collect();
        let (matching, counts) = index.matching_and_facet_counts(&filters);
        prop_assert_eq!(&matching, &expected);
        prop_assert_eq!(&index.matching(&filters), &expected);
        prop_assert_eq!(&index.facet_counts(&filters), &counts);
        prop_assert_eq!(counts.total, expected.len());
        // The per-record test says the same for every position (and past the end).
        for position in 0..=agencies.len() {
            prop_assert_eq!(index.matches(position, &filters), expected.contains(&position));
        }
        // Also with a radius around a point of NRW.
        let circle = Circle::new(lat, lon, radius_km);
        let with_circle = Filters { circle: Some(circle), ..filters.clone() };
        let within: Vec<usize> = expected
            .iter()
            .copied()
            .filter(|&p| circle.contains(agencies[p].location.lat, agencies[p].location.lon))
            .collect();
        prop_assert_eq!(&index.matching(&with_circle), &within);
        for position in 0..agencies.len() {
            prop_assert_eq!(index.matches(position, &with_circle), within.contains(&position));
        }

        let without_offers = Filters { offers: BTreeSet::new(), ..filters.clone() };
        for offer in Offer::ALL {
            prop_assert_eq!(
                counts.offers[offer.index()],
                naive_count(&agencies, &without_offers, |a| a.offers.contains(offer))
            );
        }
        let without_umbrellas = Filters { umbrellas: BTreeSet::new(), ..filters.clone() };
        for umbrella in Umbrella::ALL {
            prop_assert_eq!(
                counts.umbrellas[umbrella.index()],
                naive_count(&agencies, &without_umbrellas, |a| a.umbrella == *umbrella)
            );
        }
        let toggle_without_topics =
            Filters { antidiscrimination: true, topics: BTreeSet::new(), ..filters.clone() };
        for topic in Topic::ALL {
            prop_assert_eq!(
                counts.topics[topic.index()],
                naive_count(&agencies, &toggle_without_topics, |a| a.topics.contains(topic))
            );
        }
        let toggle_on = Filters { antidiscrimination: true, ..filters.clone() };
        prop_assert_eq!(counts.antidiscrimination, naive_count(&agencies, &toggle_on, |_| true));

        let without_place = Filters { place: None, ..filters.clone() };
        prop_assert_eq!(counts.places.len(), index.places().len());
        for (place, count) in index.places().iter().zip(&counts.places) {
            let in_place = Filters { place: Some(place.filter.clone()), ..without_place.clone() };
            prop_assert_eq!(*count, naive_count(&agencies, &in_place, |_| true));
            let only_place = Filters { place: Some(place.filter.clone()), ..Filters::default() };
            prop_assert_eq!(place.n_agencies, naive_count(&agencies, &only_place, |_| true));
        }
    }

    #[test]
    fn places_cover_every_agency_once_as_a_municipality(
        n_agencies in 0usize..120,
        seed in any::<u64>(),
    ) {
        let agencies = synthetic_agencies(n_agencies, seed);
        let index = Index::new(&agencies);
        let places = index.places();
        // Listed the same without building an index.
        prop_assert_eq!(&super::place_options(&agencies, &[]), places);
        let municipality_total: usize =
            places.iter().filter(|p| !p.is_kreis).map(|p| p.n_agencies).sum();
        prop_assert_eq!(municipality_total, agencies.len());
        let mut keys: Vec<&PlaceFilter> = places.iter().map(|p| &p.filter).collect();
        keys.sort();
        keys.dedup();
        prop_assert_eq!(keys.len(), places.len());
        for pair in places.windows(2) {
            prop_assert!(fold(&pair[0].name) <= fold(&pair[1].name));
        }
        // Every place that has agencies can be named, by either key.
        for agency in &agencies {
            let municipality = PlaceFilter::Municipality(agency.ags.clone());
            let kreis = PlaceFilter::Kreis(agency.kreis_ags().to_owned());
            prop_assert!(index.place_option(&municipality).is_some());
            prop_assert!(index.place_option(&kreis).is_some());
        }
        // A kreisfreie Stadt is never listed a second time as a Kreis.
        for place in places.iter().filter(|p| p.is_kreis) {
            let PlaceFilter::Kreis(kreis_ags) = &place.filter else {
                return Err(TestCaseError::fail("a Kreis option without a Kreis filter"));
            };
            let city_key = PlaceFilter::Municipality(format!("{kreis_ags}000"));
            let listed_twice = places.iter().any(|other| {
                !other.is_kreis
                    && other.filter == city_key
                    && other.n_agencies == place.n_agencies
            });
            prop_assert!(!listed_twice, "{:?}", place);
        }
    }
}

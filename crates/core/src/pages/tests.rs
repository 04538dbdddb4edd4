use super::*;
use crate::parse_dataset;

fn small() -> Vec<Agency> {
    parse_dataset(include_str!(
        "../../../../tests/fixtures/small-dataset.json"
    ))
    .unwrap()
    .agencies
}

fn hostile() -> Vec<Agency> {
    parse_dataset(include_str!(
        "../../../../tests/fixtures/hostile/agencies-hostile.json"
    ))
    .unwrap()
    .agencies
}

const KREISE: &str = r#"{"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"AGS":"05554","GEN":"Borken","BEZ":"Kreis"},"geometry":{"type":"Polygon","coordinates":[[[6.5,51.8],[7.2,51.8],[7.2,52.2],[6.5,52.2],[6.5,51.8]]]}},
    {"type":"Feature","properties":{"AGS":"05315","GEN":"Köln","BEZ":"Kreisfreie Stadt"},"geometry":{"type":"Polygon","coordinates":[[[6.8,50.8],[7.1,50.8],[7.1,51.1],[6.8,51.1],[6.8,50.8]]]}},
    {"type":"Feature","properties":{"AGS":"05958","GEN":"Hochsauerlandkreis","BEZ":"Kreis"},"geometry":{"type":"Polygon","coordinates":[[[8.0,51.1],[8.9,51.1],[8.9,51.5],[8.0,51.1]]]}},
    {"type":"Feature","properties":{"AGS":"05","GEN":"Nordrhein-Westfalen","BEZ":"Land"},"geometry":{"type":"Polygon","coordinates":[[[6.0,51.0],[7.0,51.0],[7.0,52.0],[6.0,51.0]]]}},
    {"type":"Feature","properties":{"AGS":"05334","GEN":"","BEZ":"Kreis"},"geometry":{"type":"Polygon","coordinates":[[[6.0,50.6],[6.4,50.6],[6.4,50.9],[6.0,50.6]]]}}
]}"#;

#[test]
fn pages_live_one_level_below_the_app() {
    assert_eq!(agency_page("caritas-koeln"), "agentur/caritas-koeln.html");
    assert_eq!(agency_image("caritas-koeln"), "agentur/caritas-koeln.png");
    assert_eq!(
        agency_qr("caritas-koeln", "svg"),
        "agentur/caritas-koeln-qr.svg"
    );
    assert_eq!(place_page("koeln"), "ort/koeln.html");
    assert_eq!(place_image("kreis-borken"), "ort/kreis-borken.png");
    assert_eq!(app_at_agency("a-b"), "../?agency=a-b");
    assert_eq!(app_at_place("koeln"), "../?place=koeln");
}

#[test]
fn places_come_from_the_boundary_file_with_readable_titles_and_slugs() {
    let places = places_from_geojson(KREISE).unwrap();
    let titles: Vec<String> = places.iter().map(Place::title).collect();
    assert_eq!(titles, ["Hochsauerlandkreis", "Köln", "Kreis Borken"]);
    let slugs: Vec<String> = places.iter().map(Place::slug).collect();
    assert_eq!(slugs, ["hochsauerlandkreis", "koeln", "kreis-borken"]);
    assert_eq!(places[1].kind(), "kreisfreie Stadt");
    assert_eq!(places[2].kind(), "Kreis");
    let (lat, lon) = places[1].centre().unwrap();
    assert!((lat - 50.95).abs() < 1e-9 && (lon - 6.95).abs() < 1e-9);
    assert_eq!(
        place_title("Städteregion Aachen", false),
        "Städteregion Aachen"
    );
    assert_eq!(place_title("Rhein-Kreis Neuss", false), "Rhein-Kreis Neuss");
    assert!(places_from_geojson("{}").is_err());
    // A broken feature is an error that names it, not a place left out.
    let broken = KREISE.replacen(r#""coordinates":"#, r#""coords":"#, 1);
    let error = places_from_geojson(&broken).unwrap_err();
    assert!(
        error.contains("feature 0") && error.contains("geometry"),
        "{error}"
    );
}

#[test]
fn the_real_boundaries_give_53_places_with_distinct_slugs() {
    let text = include_str!("../../../../public/data/boundaries/nrw-kreise.geojson");
    let places = places_from_geojson(text).unwrap();
    assert_eq!(places.len(), 53);
    let mut slugs: Vec<String> = places.iter().map(Place::slug).collect();
    slugs.sort();
    slugs.dedup();
    assert_eq!(slugs.len(), 53);
    assert_eq!(places.iter().filter(|p| p.kreisfrei).count(), 22);
    assert!(places.iter().all(|p| p.centre().is_some()));
}

#[test]
fn a_place_lists_its_agencies_and_names_the_nearest_otherwise() {
    let agencies = small();
    let places = places_from_geojson(KREISE).unwrap();
    let koeln = &places[1];
    let inside = agencies_in(koeln, &agencies);
    assert_eq!(
        inside.len(),
        agencies.iter().filter(|a| a.kreis_ags() == "05315").count()
    );
    let (lat, lon) = koeln.centre().unwrap();
    let near = nearest(&agencies, lat, lon, 3);
    assert_eq!(near.len(), 3.min(agencies.len()));
    assert!(near.windows(2).all(|w| w[0].1 <= w[1].1));
    assert!(nearest(&agencies, lat, lon, 0).is_empty());
}

#[test]
fn readable_place_slugs_resolve_to_the_digit_codes() {
    let agencies = small();
    for agency in &agencies {
        let kreis = Some(PlaceFilter::Kreis(agency.kreis_ags().to_owned()));
        let kreisfrei = agencies
            .iter()
            .any(|a| a.ags == format!("{}000", agency.kreis_ags()));
        let title = slug(&place_title(&agency.kreis, kreisfrei));
        assert_eq!(resolve_place_slug(&agencies, &title), kreis, "{title}");
        assert!(resolve_place_slug(&agencies, &slug(&agency.kreis)).is_some());
    }
    assert_eq!(resolve_place_slug(&agencies, "nirgendwo"), None);
    assert_eq!(resolve_place_slug(&agencies, ""), None);
}

/// The page slugs of the real data all resolve to their Kreis.
#[test]
fn every_place_page_with_agencies_is_a_place_filter() {
    let agencies = crate::parse_dataset(include_str!("../../../../public/data/agencies.json"))
        .unwrap()
        .agencies;
    let places = places_from_geojson(include_str!(
        "../../../../public/data/boundaries/nrw-kreise.geojson"
    ))
    .unwrap();
    for place in places {
        if agencies_in(&place, &agencies).is_empty() {
            continue;
        }
        assert_eq!(
            resolve_place_slug(&agencies, &place.slug()),
            Some(PlaceFilter::Kreis(place.ags.clone())),
            "{}",
            place.slug()
        );
    }
}

#[test]
fn a_kreis_and_its_town_of_the_same_name_stay_apart() {
    let mut agencies = small();
    let mut town = agencies[0].clone();
    town.ags = "05554008".into();
    town.municipality = "Borken".into();
    town.kreis = "Borken".into();
    agencies.push(town);
    assert_eq!(
        resolve_place_slug(&agencies, "kreis-borken"),
        Some(PlaceFilter::Kreis("05554".into()))
    );
    assert_eq!(
        resolve_place_slug(&agencies, "borken"),
        Some(PlaceFilter::Municipality("05554008".into()))
    );
}

#[test]
fn hostile_names_make_safe_slugs_and_escaped_text() {
    for agency in hostile() {
        let s = slug(&agency.kreis);
        assert!(s.is_empty() || crate::validate::is_slug(&s));
        let escaped = crate::html::escape(&agency.name);
        assert!(!escaped.contains('<') && !escaped.contains('"'));
    }
}

#[test]
fn the_url_reads_place_slugs_and_writes_the_digit_code() {
    use crate::query::UrlState;
    let agencies = small();
    let slugs = |slug: &str| resolve_place_slug(&agencies, slug);
    let agency = &agencies[0];
    let kreisfrei = agency.ags == format!("{}000", agency.kreis_ags());
    let title = slug(&place_title(&agency.kreis, kreisfrei));
    let state = UrlState::from_pairs_with_places([("place", title.as_str()), ("sada", "1")], slugs);
    assert_eq!(
        state.filters.place,
        Some(PlaceFilter::Kreis(agency.kreis_ags().to_owned()))
    );
    assert_eq!(
        state.to_query_string(),
        format!("place={}&sada=1", agency.kreis_ags())
    );
    // Digit codes read as before; unknown or malformed slugs are ignored.
    let digits = UrlState::from_pairs_with_places([("place", "05315000")], slugs);
    assert_eq!(
        digits.filters.place,
        Some(PlaceFilter::Municipality("05315000".into()))
    );
    for ignored in ["nirgendwo", "Koeln", "koeln!", "-koeln", ""] {
        let state = UrlState::from_pairs_with_places([("place", ignored)], slugs);
        assert_eq!(state.filters.place, None, "{ignored}");
    }
    // Without a resolver (the plain reader), a slug is ignored.
    assert_eq!(
        UrlState::from_pairs([("place", title.as_str())])
            .filters
            .place,
        None
    );
}

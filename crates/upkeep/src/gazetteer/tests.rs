use super::*;

fn gemeinde(ags: &str, gen: &str, x0: f64) -> Gemeinde {
    let ring = vec![
        [x0, 51.0],
        [x0 + 0.1, 51.0],
        [x0 + 0.1, 51.1],
        [x0, 51.1],
        [x0, 51.0],
    ];
    Gemeinde {
        feature: Feature {
            ags: ags.into(),
            gen: gen.into(),
            bez: "Stadt".into(),
            geometry: vec![vec![ring]],
        },
        bbox: (x0, 51.0, x0 + 0.1, 51.1),
        centre: (51.05, x0 + 0.05),
    }
}

fn gazetteer() -> Gazetteer {
    let mut g = Gazetteer {
        gemeinden: vec![
            gemeinde("05314000", "Bonn", 7.0),
            gemeinde("05170020", "Kamp-Lintfort", 6.5),
            gemeinde("05316000", "Leichlingen (Rhld.)", 7.2),
            gemeinde("05117000", "Mülheim an der Ruhr", 6.8),
            gemeinde("05974040", "Soest", 8.1),
        ],
        ..Gazetteer::default()
    };
    g.kreise.insert("05314".into(), "Bonn".into());
    g.kreise.insert("05974".into(), "Soest".into());
    g.kreise.insert("05382".into(), "Rhein-Sieg-Kreis".into());
    g.kreis_info
        .insert("05314".into(), ("Kreisfreie Stadt".into(), (50.7, 7.1)));
    g.kreis_info
        .insert("05974".into(), ("Kreis".into(), (51.55, 8.1)));
    g.kreis_info
        .insert("05382".into(), ("Kreis".into(), (50.8, 7.3)));
    g.overrides.insert(
        ("*".into(), "Rhein-Sieg-Kreis".into()),
        PlaceOverride {
            gemeinde: "Bonn".into(),
            reason: "test".into(),
        },
    );
    g
}

#[test]
fn resolves_city_strings() {
    let g = gazetteer();
    let name = |city: &str| {
        g.resolve_city("IA", city)
            .map(|m| g.gemeinden[m.index()].feature.gen.clone())
    };
    assert_eq!(name("Bonn-Bad Godesberg").as_deref(), Some("Bonn"));
    assert_eq!(name("BONN").as_deref(), Some("Bonn"));
    assert_eq!(name("Kamp-Lintfort").as_deref(), Some("Kamp-Lintfort"));
    assert_eq!(
        name("Kamp-Lintfort-Hoerstgen").as_deref(),
        Some("Kamp-Lintfort")
    );
    assert_eq!(name("Leichlingen").as_deref(), Some("Leichlingen (Rhld.)"));
    assert_eq!(
        name("Muelheim an der Ruhr").as_deref(),
        Some("Mülheim an der Ruhr")
    );
    assert_eq!(name("Bonn (Bad Godesberg)").as_deref(), Some("Bonn"));
    assert_eq!(name("Nirgendwo"), None);
    assert!(matches!(
        g.resolve_city("IA", "Rhein-Sieg-Kreis"),
        Some(CityMatch::Override(0, _))
    ));
    assert_eq!(g.kreis_of("05314000"), Some("Bonn"));
    assert_eq!(
        g.gemeinde_at(51.05, 7.05).map(|x| x.feature.ags.as_str()),
        Some("05314000")
    );
    assert!(g.gemeinde_at(52.0, 7.05).is_none());
}

#[test]
fn a_kreis_name_places_the_record_in_the_kreis() {
    let g = gazetteer();
    assert_eq!(g.kreis_named("Kreis Soest").as_deref(), Some("05974"));
    assert_eq!(g.kreis_named("kreis soest"), None);
    assert_eq!(g.kreis_named("Soest (Kreis)").as_deref(), Some("05974"));
    assert_eq!(g.kreis_named("Rhein-Sieg-Kreis").as_deref(), Some("05382"));
    // A kreisfreie Stadt is a Gemeinde, never a Kreis-only place.
    assert_eq!(g.kreis_named("Kreis Bonn"), None);
    assert_eq!(g.kreis_named("Soest"), None);
    let placed = g.geocode("IA", "Kreis Soest", None);
    assert_eq!(
        placed,
        Some(Placed {
            lat: 51.55,
            lon: 8.1,
            precision: Precision::Kreis,
            note: None,
            fallback: None,
            kreis_ags: Some("05974".into()),
        })
    );
    // A Gemeinde name still wins.
    assert_eq!(
        g.geocode("IA", "Bonn", None).map(|p| p.precision),
        Some(Precision::Municipality)
    );
}

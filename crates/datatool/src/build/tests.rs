use super::*;
use ia_core::Precision;

fn draft(id: &str, lat: f64, lon: f64) -> Draft {
    let agency: Agency = serde_json::from_value(serde_json::json!({
        "id": id, "name": "n", "carrier": "c", "umbrella": "awo",
        "address": {"city": "Bochum"}, "ags": "05911000", "municipality": "Bochum", "kreis": "Bochum",
        "location": {"lat": lat, "lon": lon, "precision": "municipality"},
        "source_url": "https://a.de", "source_seen": "2026-11-24"
    }))
    .unwrap_or_else(|err| panic!("{err}"));
    Draft {
        label: id.into(),
        id_city: "Bochum".into(),
        explicit_id: None,
        agency,
        servicestelle: false,
    }
}

#[test]
fn equal_positions_are_spread_on_a_circle_in_id_order() {
    let mut drafts = vec![
        draft("a", 51.5, 7.2),
        draft("b", 51.5, 7.2),
        draft("c", 51.0, 7.0),
    ];
    let groups = spread(&mut drafts);
    assert_eq!(groups.len(), 1);
    let (a, b) = (drafts[0].agency.location, drafts[1].agency.location);
    assert!(
        a.lat > 51.5 && (a.lon - 7.2).abs() < 1e-9,
        "a goes north: {a:?}"
    );
    assert!(b.lat < 51.5, "b goes south: {b:?}");
    let d = ia_core::geo::distance_km(a.lat, a.lon, b.lat, b.lon);
    assert!((d - 0.24).abs() < 0.002, "{d}");
    assert_eq!(drafts[2].agency.location.lat, 51.0);
    assert_eq!(drafts[0].agency.location.precision, Precision::Municipality);
}

#[test]
fn positions_a_source_gives_for_one_address_are_not_moved() {
    let exact = |id: &str| {
        let mut draft = draft(id, 51.24311, 6.77861);
        draft.agency.location.precision = Precision::Address;
        draft
    };
    let mut drafts = vec![exact("a"), exact("b")];
    assert!(spread(&mut drafts).is_empty());
    assert_eq!(drafts[0].agency.location, drafts[1].agency.location);
}

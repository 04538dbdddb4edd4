use serde_json::json;

use super::*;
use crate::sourced::SourcedRecord;

fn record(name: &str, city: &str) -> Located {
    let record: SourcedRecord = serde_json::from_value(json!({
        "name": name, "carrier": "Träger e.V.", "umbrella": "Caritas", "street": null,
        "postcode": null, "city": city, "phone": null, "email": null, "website": null,
        "offers": [], "antidiscrimination": null, "lat": null, "lon": null,
        "source": "https://quelle.example.org/a", "seen": ""
    }))
    .unwrap_or_else(|err| panic!("{err}"));
    Located::new("agencies-sourced.json".into(), 0, record)
}

fn file(kind: FileKind, credit: Option<&str>) -> ResearchFile {
    ResearchFile {
        name: "research.json".into(),
        seen: "2026-12-07".into(),
        kind,
        credit: credit.map(str::to_owned),
    }
}

fn patch(value: serde_json::Value) -> Patch {
    serde_json::from_value(value).unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn a_correction_sets_its_fields_and_records_their_source() {
    let mut records = vec![
        record("IA Siegburg", "Rhein-Sieg-Kreis"),
        record("IA Bonn", "Bonn"),
    ];
    let correction = patch(json!({
        "match": {"name": "IA Siegburg", "city": "Rhein-Sieg-Kreis"},
        "set": {"website": "https://traeger.example.org", "city": "Siegburg", "postcode": "53721"},
        "source": "https://presse.example.org/x ; https://traeger.example.org",
        "seen": "Carrier site (2014)."
    }));
    let mut warnings = Vec::new();
    apply_patch(
        &mut records,
        &file(FileKind::Patches, None),
        3,
        &correction,
        &mut warnings,
    )
    .unwrap_or_else(|err| panic!("{err}"));
    let patched = &records[0];
    assert_eq!(patched.record.city, "Siegburg");
    assert_eq!(patched.record.postcode.as_deref(), Some("53721"));
    // Its identity in the tables (and its id) stays the sourced city.
    assert_eq!(
        patched.key(),
        ("IA Siegburg".to_owned(), "Rhein-Sieg-Kreis".to_owned())
    );
    let source = &patched.field_sources[0];
    assert_eq!(
        source.fields,
        vec!["address.postcode", "address.city", "contact.website"]
    );
    assert_eq!(source.url, "https://presse.example.org/x");
    assert_eq!(source.seen, "2026-12-07");
    assert_eq!(
        source.note.as_deref(),
        Some("Source: https://presse.example.org/x ; https://traeger.example.org | Seen: Carrier site (2014).")
    );
    assert!(records[1].field_sources.is_empty());
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn a_correction_for_no_record_or_with_unknown_fields_fails() {
    let mut records = vec![record("IA Bonn", "Bonn")];
    let correction = patch(json!({
        "match": {"name": "IA Bonn", "city": "Köln"},
        "set": {"street": "Weg 1"}, "source": "https://a.example.org", "seen": ""
    }));
    let err = apply_patch(
        &mut records,
        &file(FileKind::Patches, None),
        0,
        &correction,
        &mut Vec::new(),
    )
    .err()
    .map(|e| e.0)
    .unwrap_or_default();
    assert!(
        err.contains("no record named \"IA Bonn\" in \"Köln\""),
        "{err}"
    );
    let unknown = serde_json::from_value::<Patch>(json!({
        "match": {"name": "IA Bonn", "city": "Bonn"},
        "set": {"phone": "0228 1"}, "source": "https://a.example.org"
    }));
    assert!(unknown.is_err());
}

fn site(name: &str, street: &str) -> Located {
    let mut located = record(name, "Düsseldorf");
    located.record.street = Some(street.into());
    located.record.postcode = Some("40476".into());
    located.record.phone = Some("0211 469120".into());
    located.record.lat = Some(51.24311);
    located.record.lon = Some(6.77861);
    located.record.website = Some("https://stadt.example.org/liste#c1".into());
    located.record.seen = "row 2".into();
    located
}

fn site_match(
    site: (&str, &str),
    record: Option<(&str, &str)>,
    take: &[&'static str],
) -> SiteMatch {
    SiteMatch {
        line: 9,
        site: (site.0.into(), site.1.into()),
        record: record.map(|(n, c)| (n.into(), c.into())),
        take: take.to_vec(),
    }
}

#[test]
fn a_site_becomes_a_record_or_gives_its_record_fields() {
    let city = file(FileKind::Sites, Some("Landeshauptstadt Düsseldorf"));
    let mut records = vec![record("SABRA", "Düsseldorf")];
    let sites = vec![(city.clone(), site("Jüdische Gemeinde", "Platz 1"))];
    let matches = [
        site_match(("Jüdische Gemeinde", "Platz 1"), None, &[]),
        site_match(
            ("Jüdische Gemeinde", "Platz 1"),
            Some(("SABRA", "Düsseldorf")),
            &["location", "contact.phone"],
        ),
    ];
    let mut errors = Vec::new();
    fold_sites(
        &mut records,
        sites,
        &matches,
        Path::new("site-matches.tsv"),
        &mut errors,
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(records.len(), 2);
    let sabra = &records[0];
    assert_eq!(sabra.record.lat, Some(51.24311));
    assert_eq!(sabra.record.precision.as_deref(), Some("address"));
    assert_eq!(sabra.record.phone.as_deref(), Some("0211 469120"));
    assert_eq!(sabra.record.street, None, "only what `take` names");
    assert_eq!(
        sabra.field_sources[0].fields,
        vec!["location", "contact.phone"]
    );
    assert_eq!(
        sabra.field_sources[0].credit.as_deref(),
        Some("Landeshauptstadt Düsseldorf")
    );
    let new = &records[1];
    assert_eq!(new.record.name, "Jüdische Gemeinde");
    assert_eq!(new.record.precision.as_deref(), Some("address"));
    assert_eq!(new.credit.as_deref(), Some("Landeshauptstadt Düsseldorf"));
    // The publisher's page about the site is not the agency's website.
    assert_eq!(new.record.website, None);
    assert_eq!(
        new.notes,
        vec!["Publisher's page: https://stadt.example.org/liste#c1"]
    );
}

#[test]
fn every_site_needs_a_line_and_every_line_a_site() {
    let city = file(FileKind::Sites, None);
    let mut records = Vec::new();
    let sites = vec![(city, site("Neu e.V.", "Weg 2"))];
    let matches = [site_match(("Alt e.V.", "Weg 3"), None, &[])];
    let mut errors = Vec::new();
    fold_sites(
        &mut records,
        sites,
        &matches,
        Path::new("site-matches.tsv"),
        &mut errors,
    );
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("no line in site-matches.tsv for the site \"Neu e.V.\""));
    assert!(errors[1].contains("no site named \"Alt e.V.\""));
    assert!(records.is_empty());
}

#[test]
fn whose_website_a_correction_sets_must_be_said() {
    let records = vec![record("IA Hamm", "Hamm")];
    let correction = patch(json!({
        "match": {"name": "IA Hamm", "city": "Hamm"},
        "set": {"website": "https://awo.example.org"}, "source": "https://awo.example.org"
    }));
    let patches = vec![(file(FileKind::Patches, None), 0, correction)];
    let mut errors = Vec::new();
    check_kinds(
        &records,
        &patches,
        &BTreeMap::new(),
        Path::new("contact-kinds.tsv"),
        &mut errors,
    );
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].contains("say in contact-kinds.tsv whose it is"),
        "{errors:?}"
    );
    // A line for a record without a website is wrong too.
    let mut kinds = BTreeMap::new();
    kinds.insert(
        ("IA Hamm".to_owned(), "Hamm".to_owned()),
        ContactKinds {
            carrier_website: true,
            carrier_servicestelle: false,
        },
    );
    let mut errors = Vec::new();
    check_kinds(
        &records,
        &[],
        &kinds,
        Path::new("contact-kinds.tsv"),
        &mut errors,
    );
    assert!(
        errors[0].contains("has no website to be the carrier's"),
        "{errors:?}"
    );
}

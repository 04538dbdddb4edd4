use super::changes::{diff, ChangeLog};
use super::*;
use crate::synthetic::synthetic_dataset;

fn meta() -> DatasetMeta {
    let mut meta = synthetic_dataset(1, 1).meta;
    meta.as_of = "2026-12-07".into();
    meta.coverage = Some(crate::dataset::Coverage {
        estimated_total: 214,
        estimated_total_year: Some(2021),
        servicestellen_total: None,
        servicestellen_year: None,
        note: "Land NRW".into(),
    });
    meta.licence =
        "Zusammenstellung CC BY 4.0; Namensnennung: „Projekt \"ia-map\"“\nund GeoNames".into();
    meta
}

fn publisher() -> Publisher {
    Publisher::new(
        "Landesnetzwerk",
        "https://netzwerk.example.org/",
        "daten@example.org",
        "Projekt",
    )
}

const FILES: [Distribution; 3] = [
    Distribution {
        format: Format::Json,
        byte_size: 165_229,
    },
    Distribution {
        format: Format::Csv,
        byte_size: 80_000,
    },
    Distribution {
        format: Format::GeoJson,
        byte_size: 190_000,
    },
];

fn about<'a>(
    meta: &'a DatasetMeta,
    publisher: &'a Publisher,
    site: Option<&'a SiteUrl>,
) -> About<'a> {
    About {
        meta,
        n_agencies: 114,
        publisher,
        site,
        distributions: &FILES,
        first_published: Some("2026-11-24"),
    }
}

#[test]
fn links_are_absolute_with_a_site_address_and_relative_without() {
    let (meta, publisher) = (meta(), publisher());
    let relative = about(&meta, &publisher, None);
    assert_eq!(
        relative.link("data/agencies.csv", DCAT_PATH),
        "agencies.csv"
    );
    assert_eq!(relative.link(DATA_PAGE, DCAT_PATH), "index.html");
    assert_eq!(relative.link("", DCAT_PATH), "../");
    assert_eq!(
        relative.link("data/agencies.csv", DATA_PAGE),
        "agencies.csv"
    );
    assert_eq!(
        relative.link("agentur/x.html", DATA_PAGE),
        "../agentur/x.html"
    );
    assert_eq!(relative.link("", "index.html"), "./");
    let site = SiteUrl::parse("https://karte.example.org/ia").unwrap_or_else(|| panic!("site"));
    let absolute = about(&meta, &publisher, Some(&site));
    assert_eq!(
        absolute.link("data/agencies.csv", DCAT_PATH),
        "https://karte.example.org/ia/data/agencies.csv"
    );
}

#[test]
fn the_publisher_keeps_only_usable_addresses() {
    let p = Publisher::new(" ", "javascript:alert(1)", "nobody", "Projekt ia-map");
    assert_eq!(p.name, "Projekt ia-map");
    assert_eq!((p.url, p.email), (None, None));
    let p = Publisher::new("X", "https://a.example.org/<x>", "a@b.de", "Y");
    assert_eq!(p.url, None, "not IRI-safe");
    assert_eq!(p.email.as_deref(), Some("a@b.de"));
}

#[test]
fn the_catalogue_record_says_what_dcat_ap_de_asks_for() {
    let (meta, publisher) = (meta(), publisher());
    let site = SiteUrl::parse("https://karte.example.org/").unwrap_or_else(|| panic!("site"));
    let ttl = dcat::turtle(&about(&meta, &publisher, Some(&site)));
    for needle in [
        "<https://karte.example.org/data/dcat.ttl#dataset> a dcat:Dataset ;",
        &format!("dct:title \"{TITLE_DE}\"@de, \"{TITLE_EN}\"@en ;"),
        "dcatde:politicalGeocodingURI <http://dcat-ap.de/def/politicalGeocoding/stateKey/05> ;",
        "dcatde:politicalGeocodingLevelURI <http://dcat-ap.de/def/politicalGeocoding/Level/state> ;",
        "dcat:startDate \"2026-12-07\"^^xsd:date",
        "dct:modified \"2026-12-07\"^^xsd:date",
        "dct:issued \"2026-11-24\"^^xsd:date",
        "dcat:accessURL <https://karte.example.org/data/agencies.csv> ;",
        "dcat:mediaType <https://www.iana.org/assignments/media-types/application/geo+json> ;",
        "dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;",
        "dcat:byteSize \"165229\"^^xsd:nonNegativeInteger ;",
        "dct:license <http://dcat-ap.de/def/licenses/cc-by/4.0> ;",
        "vcard:hasEmail <mailto:daten@example.org> ;",
        "foaf:homepage <https://netzwerk.example.org/> ;",
        "\"Integrationsagentur\"@de",
        "\"integration agency\"@en",
        "114 von rund 214 Integrationsagenturen.",
    ] {
        assert!(ttl.contains(needle), "{needle} missing in\n{ttl}");
    }
    assert_eq!(ttl.matches(" a dcat:Distribution ;").count(), 3);
    // The licence text's quotes and line break are escaped.
    assert!(
        ttl.contains("„Projekt \\\"ia-map\\\"“\\nund GeoNames\"@de"),
        "{ttl}"
    );
}

#[test]
fn every_resource_the_record_points_to_is_typed_once_with_its_dcat_ap_class() {
    let (meta, publisher) = (meta(), publisher());
    let site = SiteUrl::parse("https://karte.example.org/").unwrap_or_else(|| panic!("site"));
    let ttl = dcat::turtle(&about(&meta, &publisher, Some(&site)));
    for line in [
        "<https://karte.example.org/> a foaf:Document .",
        "<https://karte.example.org/data/index.html> a foaf:Document .",
        "<https://netzwerk.example.org/> a foaf:Document .",
        "<http://publications.europa.eu/resource/authority/language/DEU> a dct:LinguisticSystem .",
        "<http://publications.europa.eu/resource/authority/data-theme/SOCI> a skos:Concept ; \
         skos:prefLabel \"Bevölkerung und Gesellschaft\"@de, \"Population and society\"@en .",
        "<http://dcat-ap.de/def/politicalGeocoding/stateKey/05> a dct:Location .",
        "<http://publications.europa.eu/resource/authority/frequency/IRREG> a dct:Frequency .",
        "<http://dcat-ap.de/def/licenses/cc-by/4.0> a dct:LicenseDocument .",
        "<https://karte.example.org/data/agencies.csv> a rdfs:Resource .",
        "<https://www.iana.org/assignments/media-types/text/csv> a dct:MediaType .",
        "<http://publications.europa.eu/resource/authority/file-type/GEOJSON> a dct:MediaTypeOrExtent .",
    ] {
        assert_eq!(ttl.lines().filter(|l| *l == line).count(), 1, "{line} once in\n{ttl}");
    }
    assert!(ttl.contains("a vcard:Organization, vcard:Kind ;"), "{ttl}");
}

#[test]
fn without_a_site_address_the_record_links_relative_to_itself() {
    let (meta, publisher) = (meta(), Publisher::new("", "", "", "Projekt ia-map"));
    let ttl = dcat::turtle(&about(&meta, &publisher, None));
    assert!(ttl.contains("<dcat.ttl#dataset> a dcat:Dataset ;"), "{ttl}");
    assert!(ttl.contains("dcat:downloadURL <agencies.geojson> ;"));
    assert!(ttl.contains("dcat:landingPage <index.html> ;"));
    assert!(!ttl.contains("mailto:"));
    assert!(ttl.contains("foaf:name \"Projekt ia-map\" ."));
}

#[test]
fn the_schema_org_dataset_names_its_downloads() {
    let (meta, publisher) = (meta(), publisher());
    let value = schema_org::dataset(&about(&meta, &publisher, None));
    assert_eq!(value["@type"], "Dataset");
    assert_eq!(value["license"], LICENCE_URL);
    assert_eq!(value["distribution"][1]["contentUrl"], "agencies.csv");
    assert_eq!(value["distribution"][1]["encodingFormat"], "text/csv");
    assert_eq!(value["datePublished"], "2026-11-24");
    assert_eq!(value["dateModified"], "2026-12-07");
}

#[test]
fn the_change_list_names_added_changed_and_removed_records() {
    let before = synthetic_dataset(4, 7).agencies;
    let mut after = before.clone();
    let removed = after.remove(0);
    after[0].contact.website = Some("https://neu.example.org".into());
    after[0].contact.carrier_website = true;
    let mut added = after[1].clone();
    added.id = "neu".into();
    after.push(added);
    let change = diff(&before, &after, "2026-12-01", "2026-12-07");
    assert_eq!(change.previous.as_deref(), Some("2026-12-01"));
    assert_eq!(change.records, 4);
    assert_eq!(change.removed.len(), 1);
    assert_eq!(change.removed[0].id, removed.id);
    assert_eq!(change.added.len(), 1);
    assert_eq!(change.added[0].id, "neu");
    assert_eq!(change.changed.len(), 1);
    assert_eq!(change.changed[0].id, after[0].id);
    assert_eq!(
        change.changed[0].fields,
        vec!["contact.website", "contact.carrier_website"]
    );

    let mut log = ChangeLog::default();
    log.record(change.clone());
    assert!(
        log.problems("2026-12-07", &after).is_empty(),
        "{:?}",
        log.problems("2026-12-07", &after)
    );
    // Not the dataset's Stand, or not its records: the check says so.
    assert!(!log.problems("2026-12-08", &after).is_empty());
    assert!(!log.problems("2026-12-07", &before).is_empty());
    // Recording the same Stand again replaces it; the log stays newest first.
    log.record(diff(&before, &after, "2026-12-01", "2026-12-07"));
    let mut first = diff(&[], &before, "", "2026-12-01");
    first.previous = None;
    first.added.clear();
    log.record(first);
    assert_eq!(log.changes.len(), 2);
    assert_eq!(log.changes[0].as_of, "2026-12-07");
    assert_eq!(log.first_as_of(), Some("2026-12-01"));
    assert!(log.problems("2026-12-07", &after).is_empty());
}

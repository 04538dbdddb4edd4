use super::*;

const KREISE: &str = include_str!("../../public/data/boundaries/nrw-kreise.geojson");
const LAND: &str = include_str!("../../public/data/boundaries/nrw-land.geojson");

fn build(dataset: &[u8], site: Option<&str>) -> (Files, Written, Vec<Agency>) {
    let loaded = ia_core::parse_dataset_bytes(dataset).unwrap();
    let changes: ia_core::opendata::changes::ChangeLog =
        serde_json::from_str(include_str!("../../public/data/changes.json")).unwrap();
    let publisher = ia_core::opendata::Publisher::new(
        "Landesnetzwerk",
        "",
        "daten@example.org",
        "Projekt ia-map",
    );
    let (files, written) = render_pages(&Inputs {
        agencies: &loaded.agencies,
        meta: &loaded.meta,
        land: LAND,
        kreise: KREISE,
        site: site.and_then(SiteUrl::parse),
        report_url: "mailto:daten@example.org",
        directory_url: Some("https://netzwerk.example.org/"),
        stylesheet: "app-0123abcd.css",
        index_head: ("Finder", "Alle Agenturen."),
        json_bytes: dataset.len(),
        changes: Some(&changes),
        publisher: &publisher,
    })
    .unwrap();
    (files, written, loaded.agencies)
}

fn read(files: &Files, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} missing"))
            .clone(),
    )
    .unwrap()
}

/// The JSON-LD of a page, parsed.
fn json_ld(html: &str) -> serde_json::Value {
    let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn every_agency_and_every_kreis_gets_a_page_and_an_image() {
    let (files, written, agencies) = build(
        include_bytes!("../../tests/fixtures/small-dataset.json"),
        Some("https://k.example.org/ia/"),
    );
    assert_eq!(written.agency_pages, agencies.len());
    assert_eq!(written.place_pages, 53);
    for agency in &agencies {
        let html = read(&files, &ia_core::pages::agency_page(&agency.id));
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"de\""));
        assert!(html.contains("<link rel=\"stylesheet\" href=\"../app-0123abcd.css\">"));
        assert!(
            html.contains(&format!("href=\"../?agency={}\"", agency.id)),
            "Auf der Karte zeigen"
        );
        assert!(html.contains(&format!(
            "<link rel=\"canonical\" href=\"https://k.example.org/ia/agentur/{}.html\">",
            agency.id
        )));
        assert_eq!(json_ld(&html)["name"], agency.name.as_str());
        assert_eq!(html.matches("<script").count(), 1, "only the JSON-LD");
        assert!(html.contains("<svg class=\"static-map\""));
        assert!(html.contains(&format!("{}-qr.svg", agency.id)));
        for file in [
            ia_core::pages::agency_image(&agency.id),
            ia_core::pages::agency_qr(&agency.id, "svg"),
            ia_core::pages::agency_qr(&agency.id, "png"),
        ] {
            assert!(files.contains_key(&file), "{file}");
        }
    }
    let sitemap = read(&files, "sitemap.xml");
    // The start page, the agencies, the 53 places and the data page.
    assert_eq!(
        sitemap.matches("<url>").count(),
        1 + agencies.len() + 53 + 1
    );
    assert!(sitemap.contains("<loc>https://k.example.org/ia/data/index.html</loc>"));
    assert!(sitemap.contains("<loc>https://k.example.org/ia/ort/koeln.html</loc>"));
    assert!(read(&files, "robots.txt").contains("Sitemap: https://k.example.org/ia/sitemap.xml"));
    assert!(written.largest_png <= 100 * 1024, "{}", written.largest_png);
    // The start page's preview image and its tags (written into index.html
    // by ia-prerender).
    assert!(files.contains_key(ia_core::pages::START_IMAGE));
    assert!(written.start_head.contains(
        "<meta property=\"og:image\" content=\"https://k.example.org/ia/vorschau.png\">"
    ));
    assert!(written
        .start_head
        .contains("<link rel=\"canonical\" href=\"https://k.example.org/ia/\">"));
    assert!(written
        .start_head
        .contains("<meta property=\"og:title\" content=\"Finder\">"));
}

#[test]
fn a_place_without_agencies_says_so_and_names_the_nearest() {
    let (files, _, agencies) = build(
        include_bytes!("../../tests/fixtures/small-dataset.json"),
        None,
    );
    let kreise = ia_core::pages::places_from_geojson(KREISE).unwrap();
    let empty = kreise
        .iter()
        .find(|p| ia_core::pages::agencies_in(p, &agencies).is_empty())
        .unwrap();
    let html = read(&files, &ia_core::pages::place_page(&empty.slug()));
    assert!(html.contains("Unser Datensatz enthält keine Integrationsagentur"));
    assert!(html.contains("Die nächsten Integrationsagenturen"));
    assert_eq!(html.matches("class=\"page-entry\"").count(), 3);
    assert!(html.contains(" km entfernt"));
    assert_no_level_skipped(&html);
    let full = kreise
        .iter()
        .find(|p| !ia_core::pages::agencies_in(p, &agencies).is_empty())
        .unwrap();
    let html = read(&files, &ia_core::pages::place_page(&full.slug()));
    assert_eq!(
        html.matches("class=\"page-entry\"").count(),
        ia_core::pages::agencies_in(full, &agencies).len()
    );
    assert!(html.contains(&format!("href=\"../?place={}\"", full.slug())));
    assert!(
        html.matches("<li><a href=\"").count() >= 53,
        "all places linked"
    );
    assert_no_level_skipped(&html);
}

/// Each heading is at most one level below the one before it (the entries
/// of a place's own list are `h2`, the nearest ones' `h3` under their `h2`).
fn assert_no_level_skipped(html: &str) {
    let levels: Vec<u8> = html
        .match_indices("<h")
        .filter_map(|(at, _)| match html.as_bytes().get(at + 2..at + 4) {
            Some([digit @ b'1'..=b'6', b' ' | b'>']) => Some(digit - b'0'),
            _ => None,
        })
        .collect();
    assert_eq!(levels.first(), Some(&1), "{levels:?}");
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "a heading level skipped: {levels:?}"
        );
    }
}

#[test]
fn without_a_site_address_only_what_needs_one_is_left_out() {
    let (files, written, agencies) = build(
        include_bytes!("../../tests/fixtures/small-dataset.json"),
        None,
    );
    assert!(!written.sitemap);
    assert!(!files.contains_key("sitemap.xml"));
    assert_eq!(read(&files, "robots.txt"), "User-agent: *\nAllow: /\n");
    let html = read(&files, &ia_core::pages::agency_page(&agencies[0].id));
    assert!(!html.contains("canonical") && !html.contains("og:url") && !html.contains("-qr.svg"));
    assert!(html.contains(&format!(
        "<meta property=\"og:image\" content=\"../agentur/{}.png\">",
        agencies[0].id
    )));
    assert!(json_ld(&html).get("@id").is_none());
}

#[test]
fn hostile_records_stay_text_on_the_pages() {
    let (files, _, agencies) = build(
        include_bytes!("../../tests/fixtures/hostile/agencies-hostile.json"),
        Some("https://k.example.org/"),
    );
    for agency in &agencies {
        let html = read(&files, &ia_core::pages::agency_page(&agency.id));
        assert_eq!(html.matches("<script").count(), 1, "{}", agency.id);
        for bad in ["<img", "<svg/onload", "href=\"javascript:", "<b>"] {
            assert!(!html.contains(bad), "{bad} in {}", agency.id);
        }
        assert_eq!(json_ld(&html)["name"], agency.name.as_str());
    }
    for (path, bytes) in &files {
        if path.starts_with("ort/") && path.ends_with(".html") {
            let html = String::from_utf8(bytes.clone()).unwrap();
            assert!(
                !html.contains("<script")
                    && !html.contains("<img")
                    && !html.contains("href=\"javascript:")
            );
        }
    }
}

#[test]
fn the_stylesheet_is_found_in_index_html() {
    let index = "<link rel=\"stylesheet\" href=\"vendor/leaflet/leaflet.css\"><link rel=\"stylesheet\" href=\"app-5f3a9c.css\" integrity=\"sha384-x\">";
    assert_eq!(stylesheet_of(index).as_deref(), Some("app-5f3a9c.css"));
    let trunk = "<link rel=\"stylesheet\" href=\"./app-64bdf82c.css\" integrity=\"sha384-x\"/>";
    assert_eq!(stylesheet_of(trunk).as_deref(), Some("app-64bdf82c.css"));
    assert_eq!(stylesheet_of("<link href=\"app-x/../y\">"), None);
    assert_eq!(stylesheet_of(""), None);
}

/// The open-data files (issue 27): CSV and GeoJSON of every record, the
/// DCAT-AP.de record with the files' real sizes, and the data page with its
/// schema.org Dataset, the facts and the change list.
#[test]
fn the_open_data_files_describe_the_served_dataset() {
    let bytes = include_bytes!("../../public/data/agencies.json");
    let loaded = ia_core::parse_dataset_bytes(bytes).unwrap();
    let changes: ia_core::opendata::changes::ChangeLog =
        serde_json::from_str(include_str!("../../public/data/changes.json")).unwrap();
    let publisher =
        ia_core::opendata::Publisher::new("", "", "daten@example.org", "Projekt ia-map");
    let files = open_data_files(&OpenDataInputs {
        agencies: &loaded.agencies,
        meta: &loaded.meta,
        json_bytes: bytes.len(),
        changes: Some(&changes),
        publisher: &publisher,
        site: None,
        stylesheet: "app-0123abcd.css",
    });
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "data/agencies.csv",
            "data/agencies.geojson",
            "data/dcat.ttl",
            "data/index.html"
        ]
    );
    let text = |i: usize| String::from_utf8(files[i].1.clone()).unwrap();
    let (csv, geojson, ttl, page) = (text(0), text(1), text(2), text(3));
    // One CSV row per record after the header, CRLF line ends.
    assert_eq!(csv.matches("\r\n").count(), loaded.agencies.len() + 1);
    let collection: serde_json::Value = serde_json::from_str(&geojson).unwrap();
    assert_eq!(
        collection["features"].as_array().map(Vec::len),
        Some(loaded.agencies.len())
    );
    // The record names the files' real sizes.
    for (size, name) in [
        (bytes.len(), "JSON"),
        (csv.len(), "CSV"),
        (geojson.len(), "GeoJSON"),
    ] {
        let node = format!("<dcat.ttl#{name}> a dcat:Distribution ;");
        let at = ttl.find(&node).unwrap_or_else(|| panic!("{node}"));
        assert!(
            ttl[at..].contains(&format!("dcat:byteSize \"{size}\"^^xsd:nonNegativeInteger")),
            "{name}"
        );
    }
    assert!(ttl.contains("dct:issued \"2026-11-24\"^^xsd:date"));
    assert!(ttl.contains("vcard:hasEmail <mailto:daten@example.org>"));
    // The page: JSON-LD, links to the files beside it, the facts, the changes.
    let ld = json_ld(&page);
    assert_eq!(ld["@type"], "Dataset");
    assert_eq!(ld["distribution"][2]["contentUrl"], "agencies.geojson");
    assert!(page.contains("href=\"agencies.csv\""));
    assert!(page.contains("href=\"dcat.ttl\""));
    assert!(page.contains("href=\"../app-0123abcd.css\""));
    assert!(page.contains(&format!(
        "Nicht vollständig: {} Einträge von rund 214",
        loaded.agencies.len()
    )));
    assert!(page.contains("Erste Veröffentlichung mit 92 Einträgen."));
    assert!(
        page.contains("Website des Trägers"),
        "changed fields by their headings"
    );
    assert_eq!(page.matches("<h3>Stand: ").count(), changes.changes.len());
    assert!(!page.contains("<script>"), "no script besides the JSON-LD");
}

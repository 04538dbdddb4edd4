use super::*;

const KREISE: &str = include_str!("../../public/data/boundaries/nrw-kreise.geojson");
const LAND: &str = include_str!("../../public/data/boundaries/nrw-land.geojson");

fn build(dataset: &[u8], site: Option<&str>) -> (tempdir::Dir, Written, Vec<Agency>) {
    let loaded = ia_core::parse_dataset_bytes(dataset).unwrap();
    let dir = tempdir::Dir::new();
    let changes: ia_core::opendata::changes::ChangeLog =
        serde_json::from_str(include_str!("../../public/data/changes.json")).unwrap();
    let publisher = ia_core::opendata::Publisher::new(
        "Landesnetzwerk",
        "",
        "daten@example.org",
        "Projekt ia-map",
    );
    let written = write_pages(
        dir.path(),
        &Inputs {
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
        },
    )
    .unwrap();
    (dir, written, loaded.agencies)
}

/// A folder under the target directory, removed afterwards.
mod tempdir {
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicUsize, Ordering};

    pub struct Dir(PathBuf);

    impl Dir {
        pub fn new() -> Dir {
            static N: AtomicUsize = AtomicUsize::new(0);
            let path = std::env::temp_dir().join(format!(
                "ia-pages-test-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::SeqCst)
            ));
            std::fs::create_dir_all(&path).unwrap();
            Dir(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn read(dir: &tempdir::Dir, path: &str) -> String {
    std::fs::read_to_string(dir.path().join(path)).unwrap()
}

/// The JSON-LD of a page, parsed.
fn json_ld(html: &str) -> serde_json::Value {
    let start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[test]
fn every_agency_and_every_kreis_gets_a_page_and_an_image() {
    let (dir, written, agencies) = build(
        include_bytes!("../../tests/fixtures/small-dataset.json"),
        Some("https://k.example.org/ia/"),
    );
    assert_eq!(written.agency_pages, agencies.len());
    assert_eq!(written.place_pages, 53);
    for agency in &agencies {
        let html = read(&dir, &ia_core::pages::agency_page(&agency.id));
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
            assert!(dir.path().join(&file).exists(), "{file}");
        }
    }
    let sitemap = read(&dir, "sitemap.xml");
    // The start page, the agencies, the 53 places and the data page.
    assert_eq!(
        sitemap.matches("<url>").count(),
        1 + agencies.len() + 53 + 1
    );
    assert!(sitemap.contains("<loc>https://k.example.org/ia/data/index.html</loc>"));
    assert!(sitemap.contains("<loc>https://k.example.org/ia/ort/koeln.html</loc>"));
    assert!(read(&dir, "robots.txt").contains("Sitemap: https://k.example.org/ia/sitemap.xml"));
    assert!(written.largest_png <= 100 * 1024, "{}", written.largest_png);
    // The start page's preview image and its tags (written into index.html
    // by ia-prerender).
    assert!(dir.path().join(ia_core::pages::START_IMAGE).exists());
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
    let (dir, _, agencies) = build(
        include_bytes!("../../tests/fixtures/small-dataset.json"),
        None,
    );
    let kreise = ia_core::pages::places_from_geojson(KREISE).unwrap();
    let empty = kreise
        .iter()
        .find(|p| ia_core::pages::agencies_in(p, &agencies).is_empty())
        .unwrap();
    let html = read(&dir, &ia_core::pages::place_page(&empty.slug()));
    assert!(html.contains("Unser Datensatz enthält keine Integrationsagentur"));
    assert!(html.contains("Die nächsten Integrationsagenturen"));
    assert_eq!(html.matches("class=\"page-entry\"").count(), 3);
    assert!(html.contains(" km entfernt"));
    let full = kreise
        .iter()
        .find(|p| !ia_core::pages::agencies_in(p, &agencies).is_empty())
        .unwrap();
    let html = read(&dir, &ia_core::pages::place_page(&full.slug()));
    assert_eq!(
        html.matches("class=\"page-entry\"").count(),
        ia_core::pages::agencies_in(full, &agencies).len()
    );
    assert!(html.contains(&format!("href=\"../?place={}\"", full.slug())));
    assert!(
        html.matches("<li><a href=\"").count() >= 53,
        "all places linked"
    );
}

#[test]
fn without_a_site_address_only_what_needs_one_is_left_out() {
    let (dir, written, agencies) = build(
        include_bytes!("../../tests/fixtures/small-dataset.json"),
        None,
    );
    assert!(!written.sitemap);
    assert!(!dir.path().join("sitemap.xml").exists());
    assert_eq!(read(&dir, "robots.txt"), "User-agent: *\nAllow: /\n");
    let html = read(&dir, &ia_core::pages::agency_page(&agencies[0].id));
    assert!(!html.contains("canonical") && !html.contains("og:url") && !html.contains("-qr.svg"));
    assert!(html.contains(&format!(
        "<meta property=\"og:image\" content=\"../agentur/{}.png\">",
        agencies[0].id
    )));
    assert!(json_ld(&html).get("@id").is_none());
}

#[test]
fn hostile_records_stay_text_on_the_pages() {
    let (dir, _, agencies) = build(
        include_bytes!("../../tests/fixtures/hostile/agencies-hostile.json"),
        Some("https://k.example.org/"),
    );
    for agency in &agencies {
        let html = read(&dir, &ia_core::pages::agency_page(&agency.id));
        assert_eq!(html.matches("<script").count(), 1, "{}", agency.id);
        for bad in ["<img", "<svg/onload", "href=\"javascript:", "<b>"] {
            assert!(!html.contains(bad), "{bad} in {}", agency.id);
        }
        assert_eq!(json_ld(&html)["name"], agency.name.as_str());
    }
    for entry in std::fs::read_dir(dir.path().join("ort")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&path).unwrap();
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

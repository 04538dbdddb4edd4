use super::*;

const KREISE_FILE: &[u8] = include_bytes!("../../public/data/boundaries/nrw-kreise.geojson");
const LAND_FILE: &[u8] = include_bytes!("../../public/data/boundaries/nrw-land.geojson");
const SMALL: &[u8] = include_bytes!("../../tests/fixtures/small-dataset.json");
const INDEX_FILE: &str = "<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\">\n<head><title>Finder</title><meta name=\"description\" content=\"Alle Agenturen.\"><link rel=\"stylesheet\" href=\"./app-0123abcdef012345.css\"><!-- link-preview:start --><!-- link-preview:end --></head>\n<body><!-- prerendered:start --><noscript>x</noscript><!-- prerendered:end --></body></html>";

fn inputs<'a>(dataset: &'a [u8], config: Option<&'a [u8]>) -> SiteInputs<'a> {
    SiteInputs {
        dataset,
        config,
        index: INDEX_FILE.as_bytes(),
        land: LAND_FILE,
        kreise: KREISE_FILE,
        changes: None,
        site_url: None,
        today: "2026-12-07",
    }
}

/// The small dataset rendered with a site address (made once, shared).
static WITH_SITE: std::sync::LazyLock<Site> =
    std::sync::LazyLock::new(|| render_site(&inputs(SMALL, Some(SITE_CONFIG))).unwrap());
const SITE_CONFIG: &[u8] = br#"{"site_url": "https://k.example.org/ia/"}"#;

/// The small dataset without its last agency, as a file.
fn without_last(dataset: &[u8]) -> (Vec<u8>, String) {
    let mut value: serde_json::Value = serde_json::from_slice(dataset).unwrap();
    let agencies = value["agencies"].as_array_mut().unwrap();
    let last = agencies.pop().unwrap();
    (
        serde_json::to_vec(&value).unwrap(),
        last["id"].as_str().unwrap().to_owned(),
    )
}

/// One rendering has every file the build writes: the first view in
/// index.html, per agency exactly the files `agency_files` names (so the
/// maintenance page can list a previous dataset's files without rendering
/// it), 53 place pages with images, the start page's image, robots.txt and,
/// with a site address, the sitemap.
#[test]
fn the_whole_site_is_rendered_in_memory() {
    let site = &*WITH_SITE;
    assert_eq!(site.n_agencies, 5);
    assert_eq!(site.dataset_path, "data/agencies.json");
    assert_eq!(site.today, "2026-12-07");
    let index = String::from_utf8(site.files[INDEX].clone()).unwrap();
    assert!(index.contains("<div id=\"prerendered\" data-prerendered=\"2026-11-24\">"));
    assert!(index.contains("<html lang=\"de\" dir=\"ltr\" class=\"prerendered\">"));
    assert!(index.contains(
        "<meta property=\"og:image\" content=\"https://k.example.org/ia/vorschau.png\">"
    ));
    let expected: BTreeSet<String> = site
        .ids
        .iter()
        .flat_map(|id| agency_files(id, true))
        .collect();
    let in_agentur: BTreeSet<String> = site
        .files
        .keys()
        .filter(|p| p.starts_with("agentur/"))
        .cloned()
        .collect();
    assert_eq!(in_agentur, expected);
    assert_eq!(
        site.files.keys().filter(|p| p.starts_with("ort/")).count(),
        2 * 53
    );
    for path in [INDEX, SITEMAP, "robots.txt", "vorschau.png"] {
        assert!(site.files.contains_key(path), "{path}");
    }
    // The open data (issue 27): CSV, GeoJSON, the catalogue record, the data page.
    for path in [
        "data/agencies.csv",
        "data/agencies.geojson",
        "data/dcat.ttl",
        "data/index.html",
    ] {
        assert!(site.files.contains_key(path), "{path}");
    }
    assert_eq!(site.files.len(), expected.len() + 2 * 53 + 4 + 4);
    assert!(
        !site.files.contains_key("data/agencies.json"),
        "the dataset is an input"
    );
    assert!(site.summary().starts_with(
        "5 agencies (Stand 2026-11-24; 0 records skipped) from data/agencies.json; index.html "
    ));
}

/// The same inputs give the same bytes (the package made in the browser is
/// compared with the build's files byte for byte), and a first view already
/// in index.html is replaced, not doubled.
#[test]
fn the_same_inputs_give_the_same_bytes_on_any_day() {
    let once = &*WITH_SITE;
    let mut later = inputs(SMALL, Some(SITE_CONFIG));
    later.today = "2027-01-31";
    let index = once.files[INDEX].clone();
    later.index = &index;
    let twice = render_site(&later).unwrap();
    assert_eq!(once.files, twice.files);
    assert_eq!(twice.today, "2027-01-31");
}

/// What the new data removes: the files of agencies no longer in it (named
/// from the previous dataset's ids or found on disk), and a sitemap when the
/// site address is gone; files the renderer does not own are never named.
#[test]
fn removed_names_the_files_of_agencies_no_longer_there() {
    let (fewer, gone) = without_last(SMALL);
    let site = render_site(&inputs(&fewer, None)).unwrap();
    assert!(!site.ids.contains(&gone));
    let previous: Vec<String> = ["test-1", "test-2", "test-3", "test-4", "test-5"]
        .iter()
        .flat_map(|id| agency_files(id, true))
        .chain(
            [
                "ort/koeln.html",
                SITEMAP,
                "data/agencies.json",
                "app.css",
                "agentur",
            ]
            .map(String::from),
        )
        .collect();
    let mut expected = agency_files(&gone, true);
    // Without a site address now, no agency has a QR code any more, and the
    // old sitemap would name another address.
    expected.extend(
        ["test-1", "test-2", "test-3", "test-4"]
            .iter()
            .flat_map(|id| {
                [
                    ia_core::pages::agency_qr(id, "svg"),
                    ia_core::pages::agency_qr(id, "png"),
                ]
            }),
    );
    expected.push(SITEMAP.to_owned());
    expected.sort();
    assert_eq!(site.removed(&previous), expected);
    // Named twice, listed once.
    let twice: Vec<&String> = previous.iter().chain(previous.iter()).collect();
    assert_eq!(site.removed(twice.iter().map(|s| s.as_str())), expected);
}

#[test]
fn bad_inputs_are_named() {
    let mut bad_day = inputs(SMALL, None);
    bad_day.today = "7.12.2026";
    assert!(render_site(&bad_day).err().unwrap().contains("today"));
    let not_json = render_site(&inputs(SMALL, Some(b"{"))).err().unwrap();
    assert!(not_json.starts_with("config.json ignored"), "{not_json}");
    let bad_site = render_site(&inputs(SMALL, Some(br#"{"site_url": "ftp://x"}"#)));
    assert!(bad_site.err().unwrap().contains("site_url"));
    let broken = render_site(&inputs(b"{\"agencies\": 3}", None))
        .err()
        .unwrap();
    assert!(broken.starts_with("data/agencies.json: "), "{broken}");
    let mut no_markers = inputs(SMALL, None);
    no_markers.index = b"<html><head><title>x</title><meta name=\"description\" content=\"y\"><link href=\"app-1.css\"></head></html>";
    assert!(render_site(&no_markers).err().unwrap().contains("marker"));
}

#[test]
fn the_dataset_path_and_the_site_address_come_from_config_json() {
    let config = read_config(Some(br#"{"dataset_url": "daten/liste.json?v=2"}"#)).unwrap();
    assert_eq!(dataset_path(&config), "daten/liste.json");
    for elsewhere in ["https://example.org/a.json", "/abs.json", ""] {
        let config = Config {
            dataset_url: elsewhere.to_owned(),
            ..Config::default()
        };
        assert_eq!(dataset_path(&config), "data/agencies.json");
    }
    let config = br#"{"site_url": "https://a.example.org/"}"#;
    let from_config = site_url(None, Some(config)).unwrap().unwrap();
    assert_eq!(
        from_config.join(SITEMAP),
        "https://a.example.org/sitemap.xml"
    );
    let given = site_url(Some("https://b.example.org/x/"), Some(config))
        .unwrap()
        .unwrap();
    assert_eq!(given.join(""), "https://b.example.org/x/");
    assert!(site_url(Some(" "), None).unwrap().is_none());
    assert!(site_url(Some("karte"), None).is_err());
}

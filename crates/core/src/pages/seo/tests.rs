use super::*;
use crate::parse_dataset;

fn hostile() -> Vec<Agency> {
    parse_dataset(include_str!(
        "../../../../../tests/fixtures/hostile/agencies-hostile.json"
    ))
    .unwrap()
    .agencies
}

fn small() -> Vec<Agency> {
    parse_dataset(include_str!("../../../../../public/data/agencies.json"))
        .unwrap()
        .agencies
}

#[test]
fn site_urls_are_http_folders() {
    let site = SiteUrl::parse(" https://karte.example.org/ia ").unwrap();
    assert_eq!(site.as_str(), "https://karte.example.org/ia/");
    assert_eq!(
        site.join("agentur/x.html"),
        "https://karte.example.org/ia/agentur/x.html"
    );
    assert_eq!(
        site.join("/sitemap.xml"),
        "https://karte.example.org/ia/sitemap.xml"
    );
    for bad in [
        "",
        "karte.example.org",
        "/ia/",
        "ftp://x.org/",
        "javascript:alert(1)",
        "https://x.org/?a=1",
        "https://x.org/#a",
        "https://x.org/\"><script>",
        "https:///path",
    ] {
        assert_eq!(SiteUrl::parse(bad), None, "{bad}");
    }
}

fn head<'a>(title: &'a str, description: &'a str) -> Head<'a> {
    Head {
        title,
        description,
        path: "agentur/x.html",
        image: "agentur/x.png",
        image_alt: "Karte",
        site_name: "Integrationsagenturen in NRW",
    }
}

#[test]
fn the_head_has_absolute_urls_only_with_a_site_address() {
    let site = SiteUrl::parse("https://k.example.org/").unwrap();
    let with = head("T", "D").to_html(Some(&site), "../");
    assert!(with.contains("<link rel=\"canonical\" href=\"https://k.example.org/agentur/x.html\">"));
    assert!(with
        .contains("<meta property=\"og:url\" content=\"https://k.example.org/agentur/x.html\">"));
    assert!(with
        .contains("<meta property=\"og:image\" content=\"https://k.example.org/agentur/x.png\">"));
    assert!(with.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    assert!(with.contains("<meta property=\"og:image:width\" content=\"1200\">"));
    let without = head("T", "D").to_html(None, "../");
    assert!(!without.contains("canonical") && !without.contains("og:url"));
    assert!(without.contains("<meta property=\"og:image\" content=\"../agentur/x.png\">"));
    assert!(without.contains("<title>T</title>"));
}

#[test]
fn head_values_are_escaped() {
    let html = head("<script>x</script>", "\"><img src=x>").to_html(None, "../");
    assert!(!html.contains("<script>") && !html.contains("<img"));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x&gt;"));
}

#[test]
fn descriptions_are_cut_at_a_word() {
    assert_eq!(
        description(&["Eins zwei.", " Drei "], 160),
        "Eins zwei. Drei"
    );
    let cut = description(&["Wort ".repeat(60).as_str()], 40);
    assert!(cut.chars().count() <= 40, "{cut}");
    assert!(cut.ends_with("Wort…"));
    assert_eq!(
        description(&["Donaudampfschifffahrtsgesellschaft"], 10)
            .chars()
            .count(),
        10
    );
}

#[test]
fn json_ld_names_the_agency_with_address_geo_contact_and_carrier() {
    let agency = small()
        .into_iter()
        .find(|a| {
            a.contact.phone.is_some() && a.contact.email.is_some() && a.address.street.is_some()
        })
        .unwrap();
    let value = agency_json_ld(&agency, Some("https://k.example.org/agentur/a.html"));
    assert_eq!(value["@type"], "Organization");
    assert_eq!(value["name"], agency.name.as_str());
    assert_eq!(value["parentOrganization"]["name"], agency.carrier.as_str());
    assert_eq!(
        value["address"]["addressLocality"],
        agency.address.city.as_str()
    );
    assert_eq!(
        value["address"]["streetAddress"],
        agency.address.street.as_deref().unwrap()
    );
    assert_eq!(value["location"]["geo"]["@type"], "GeoCoordinates");
    assert!(
        (value["location"]["geo"]["latitude"].as_f64().unwrap() - agency.location.lat).abs() < 1e-4
    );
    assert_eq!(value["email"], agency.contact.email.as_deref().unwrap());
    assert_eq!(value["telephone"], agency.contact.phone.as_deref().unwrap());
    assert_eq!(value["@id"], "https://k.example.org/agentur/a.html");
    assert!(agency_json_ld(&agency, None).get("@id").is_none());
}

#[test]
fn json_ld_of_hostile_records_cannot_leave_the_script_element() {
    for agency in hostile() {
        let value = agency_json_ld(&agency, None);
        let text = script_json(&value);
        assert!(!text.contains('<') && !text.contains('>'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
        assert_eq!(back["name"], agency.name.as_str());
        // Invalid contact values are left out, not linked.
        if let Some(url) = back.get("url").and_then(Value::as_str) {
            assert!(is_http_url(url));
        }
    }
}

#[test]
fn the_sitemap_lists_urls_with_their_dates() {
    let xml = sitemap(&[
        ("https://k.example.org/".into(), "2026-11-24".into()),
        ("https://k.example.org/ort/a&b.html".into(), String::new()),
    ]);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert!(
        xml.contains("<url><loc>https://k.example.org/</loc><lastmod>2026-11-24</lastmod></url>")
    );
    assert!(xml.contains("<url><loc>https://k.example.org/ort/a&amp;b.html</loc></url>"));
    let mut agency = small().remove(0);
    agency.source_seen = "2026-11-24".into();
    agency.last_verified = "2026-12-01".into();
    assert_eq!(agency_lastmod(&agency), Some("2026-12-01"));
    agency.last_verified.clear();
    assert_eq!(agency_lastmod(&agency), Some("2026-11-24"));
    agency.source_seen = "bogus".into();
    assert_eq!(agency_lastmod(&agency), None);
}

#[test]
fn robots_names_the_sitemap_when_the_site_is_known() {
    let site = SiteUrl::parse("https://k.example.org/ia/").unwrap();
    assert_eq!(
        robots(Some(&site)),
        "User-agent: *\nAllow: /\n\nSitemap: https://k.example.org/ia/sitemap.xml\n"
    );
    assert_eq!(robots(None), "User-agent: *\nAllow: /\n");
}

#[test]
fn titles_stay_within_seventy_characters() {
    assert_eq!(
        page_title("Caritas", "Köln", "Integrationsagenturen in NRW"),
        "Caritas – Köln | Integrationsagenturen in NRW"
    );
    let long =
        "ADIRA (Antidiskriminierungsberatung und Intervention bei Antisemitismus und Rassismus)";
    let title = page_title(long, "Dortmund", "Integrationsagenturen in NRW");
    assert!(title.chars().count() <= MAX_TITLE, "{title}");
    assert!(
        title.starts_with("ADIRA (Antidiskriminierungsberatung") && title.ends_with("… – Dortmund"),
        "{title}"
    );
    let mid = page_title(
        "Integrationsagentur der AWO im Kreis Soest",
        "Lippstadt",
        "Integrationsagenturen in NRW",
    );
    assert_eq!(
        mid,
        "Integrationsagentur der AWO im Kreis Soest – Lippstadt"
    );
}

use std::io::Read as _;

use ia_core::pages::seo::SiteUrl;

use super::*;
use crate::site::Files;

/// A rendered site without rendering: a few files of each kind.
fn site(with_site: bool) -> Site {
    let files: Files = [
        ("index.html", "<html>Start</html>"),
        ("agentur/a.html", "<html>A</html>"),
        ("agentur/a.png", "\u{89}PNG-a"),
        ("ort/koeln.html", "<html>Köln</html>"),
        ("ort/koeln.png", "\u{89}PNG-k"),
        ("vorschau.png", "\u{89}PNG-v"),
        ("robots.txt", "User-agent: *\n"),
    ]
    .into_iter()
    .map(|(path, text)| (path.to_owned(), text.as_bytes().to_vec()))
    .collect();
    Site {
        files,
        dataset_path: "data/agencies.json".into(),
        site: with_site.then(|| SiteUrl::parse("https://k.example.org/ia/").unwrap()),
        as_of: "2026-12-05".into(),
        today: "2026-12-07".into(),
        n_agencies: 1,
        n_skipped: 0,
        ids: vec!["a".into()],
        map_bytes: 0,
        pages: crate::pages::Written::default(),
    }
}

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>, CompressionMethod, Option<DateTime>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (
                file.name().to_owned(),
                content,
                file.compression(),
                file.last_modified(),
            )
        })
        .collect()
}

/// Every file of the site, the dataset where config.json puts it and the
/// instructions; unpacked they are the same bytes; PNGs stored, the rest
/// compressed; every entry dated the day the package was made.
#[test]
fn the_package_holds_the_sites_files_the_dataset_and_the_instructions() {
    let mut site = site(true);
    site.dataset_path = "daten/liste.json".into();
    let dataset = br#"{"schema_version": 2}"#;
    let entries = unzip(&zip(&site, dataset, &[]).unwrap());
    let names: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(names[..2], [README, "daten/liste.json"]);
    assert_eq!(entries.len(), site.files.len() + 2);
    for (name, content, method, modified) in &entries[1..] {
        let expected: &[u8] = site.files.get(name).map_or(dataset, Vec::as_slice);
        assert_eq!(content, expected, "{name}");
        let want = if name.ends_with(".png") {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        assert_eq!(*method, want, "{name}");
        let modified = modified.unwrap();
        assert_eq!(
            (modified.year(), modified.month(), modified.day()),
            (2026, 12, 7)
        );
    }
    let readme = String::from_utf8(entries[0].1.clone()).unwrap();
    assert!(readme.starts_with("\u{feff}Veröffentlichungspaket"));
    assert!(readme.contains("\r\n") && !readme.replace("\r\n", "").contains('\n'));
}

/// The instructions: where to upload, the folders replaced as a whole, and
/// the files the new data removes, one per line.
#[test]
fn the_instructions_name_what_to_upload_and_what_to_delete() {
    let site = site(true);
    let removed = vec!["agentur/alt.html".to_owned(), "agentur/alt.png".to_owned()];
    let text = readme(&site, &removed);
    assert!(text.contains("Erstellt am 7.12.2026"));
    assert!(text.contains("Stand 5.12.2026: 1 Integrationsagenturen"));
    assert!(text.contains("- data/agencies.json: die geprüften Daten"));
    assert!(text.contains("dorthin, wo index.html und pflege.html liegen"));
    assert!(text.contains("Die Ordner „agentur“ und „ort“ ersetzen Sie als Ganzes"));
    assert!(text.contains("diese 2 Dateien"));
    assert!(text.contains("\r\n  agentur/alt.html\r\n  agentur/alt.png\r\n"));
    assert!(text.contains("(2 Dateien)"), "agentur/ has two files");
    assert!(text.contains("sitemap.xml"));
    assert!(!text.contains("site_url"));
    let nothing = readme(&site, &[]);
    assert!(nothing.contains("Keine: Gegenüber den veröffentlichten Daten fällt keine Seite weg."));
    // Without a site address: no QR codes, no sitemap, and why.
    let without = readme(&self::site(false), &[]);
    assert!(without.contains("keine Adresse der Seite (site_url)"));
    assert!(!without.contains("sitemap.xml und"));
    assert!(!without.contains("QR-Code ("));
}

/// The previous dataset's files: each agency's page, image and (with a site
/// address) QR codes, and the sitemap; an unreadable dataset gives none.
#[test]
fn the_previous_datasets_files_are_named_from_its_ids() {
    let small = include_bytes!("../../tests/fixtures/small-dataset.json");
    let files = previous_files(small, &site(true));
    assert_eq!(files.len(), 5 * 4 + 1);
    assert!(files.contains(&"agentur/test-3-qr.png".to_owned()));
    assert!(files.contains(&SITEMAP.to_owned()));
    let without = previous_files(small, &site(false));
    assert_eq!(without.len(), 5 * 2);
    assert!(previous_files(b"not json", &site(true)).is_empty());
    // What the package's site lacks of them is what the new data removes.
    let removed = site(true).removed(&files);
    assert_eq!(removed.len(), 5 * 4 + 1);
}

#[test]
fn dates_read_the_german_way() {
    assert_eq!(german_date("2026-12-07"), "7.12.2026");
    assert_eq!(german_date("2026-01-31"), "31.1.2026");
    assert_eq!(german_date("2026"), "2026");
}

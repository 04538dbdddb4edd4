//! The publication package (issue 29): one ZIP with everything in `dist/`
//! that the data determines, made by the maintenance page after a check
//! with nothing rejected. Feature `ssr`; the maintenance page runs it in
//! its own Wasm (`src/bin/publish.rs`), loaded only when asked for.
//!
//! The files are [`crate::site`]'s, the ones `ia-prerender` writes, plus the
//! checked dataset where config.json says the site reads it, and
//! `LIESMICH.txt` (German, for the staff who upload it): what to upload
//! where, that `agentur/` and `ort/` are replaced as a whole, and which files
//! the new data removes for hosts where a folder cannot be replaced.

use std::io::Write as _;

use ia_core::pages::{AGENCY_DIR, PLACE_DIR};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::site::{agency_files, Site, INDEX, SITEMAP};

/// The instructions in the package.
pub const README: &str = "LIESMICH.txt";

/// The files of the previously published site that the renderer owns, from
/// its dataset: each agency's page, image and, with a site address, QR
/// codes, and the sitemap. Nothing when that dataset cannot be read (the
/// instructions then say to replace the folders as a whole).
pub fn previous_files(previous_dataset: &[u8], site: &Site) -> Vec<String> {
    let Ok(loaded) = ia_core::parse_dataset_bytes(previous_dataset) else {
        return Vec::new();
    };
    let with_site = site.site.is_some();
    loaded
        .agencies
        .iter()
        .flat_map(|agency| agency_files(&agency.id, with_site))
        .chain(with_site.then(|| SITEMAP.to_owned()))
        .collect()
}

/// `7.12.2026` from `2026-12-07`.
fn german_date(iso: &str) -> String {
    let mut parts = iso.splitn(3, '-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(year), Some(month), Some(day)) => format!(
            "{}.{}.{year}",
            day.trim_start_matches('0'),
            month.trim_start_matches('0')
        ),
        _ => iso.to_owned(),
    }
}

/// `LIESMICH.txt`: German, CRLF line ends (any Windows editor shows them).
pub fn readme(site: &Site, removed: &[String]) -> String {
    let count = |dir: &str| {
        site.files
            .keys()
            .filter(|path| path.strip_prefix(dir).is_some_and(|p| p.starts_with('/')))
            .count()
    };
    let mut lines: Vec<String> = vec![
        "Veröffentlichungspaket – Integrationsagenturen in NRW".into(),
        "=====================================================".into(),
        String::new(),
        format!(
            "Erstellt am {} auf der Seite „Daten pflegen“ aus den geprüften Daten mit Stand {}: {} Integrationsagenturen.",
            german_date(&site.today),
            german_date(&site.as_of),
            site.n_agencies
        ),
        String::new(),
        "Was ist im Paket?".into(),
        format!("- {}: die geprüften Daten", site.dataset_path),
        format!("- {INDEX}: die Startseite mit der neuen Liste und Karte (für Besucher ohne JavaScript und für Suchmaschinen) und ihr Vorschaubild vorschau.png"),
        format!(
            "- {AGENCY_DIR}/: eine Seite je Agentur mit Vorschaubild{} ({} Dateien)",
            if site.site.is_some() { " und QR-Code" } else { "" },
            count(AGENCY_DIR)
        ),
        format!(
            "- {PLACE_DIR}/: eine Seite je Kreis und kreisfreier Stadt mit Vorschaubild ({} Dateien)",
            count(PLACE_DIR)
        ),
        "- data/agencies.csv, data/agencies.geojson, data/dcat.ttl und data/index.html: die offenen Daten (Tabelle, Kartenformat, Katalogeintrag für Datenportale, Seite mit Beschreibung und Lizenz)".into(),
        if site.site.is_some() {
            format!("- {SITEMAP} und robots.txt: für Suchmaschinen")
        } else {
            "- robots.txt: für Suchmaschinen".into()
        },
        format!("- {README}: diese Anleitung (nicht hochladen)"),
        String::new(),
        "So veröffentlichen Sie das Paket".into(),
        "1. Entpacken Sie die ZIP-Datei auf Ihrem Computer.".into(),
        "2. Laden Sie alle Dateien und Ordner des Pakets außer LIESMICH.txt in den Ordner der Karte auf dem Webserver hoch – dorthin, wo index.html und pflege.html liegen. Vorhandene Dateien werden dabei ersetzt.".into(),
        format!("3. Die Ordner „{AGENCY_DIR}“ und „{PLACE_DIR}“ ersetzen Sie als Ganzes: Löschen Sie die alten Ordner auf dem Webserver, bevor Sie die neuen hochladen (oder wählen Sie im Programm zum Hochladen „Ordner ersetzen“). So verschwinden auch die Seiten entfernter Agenturen."),
        "4. Liegen im Ordner der Karte vorkomprimierte Kopien (Dateien, die auf .gz oder .br enden, z. B. index.html.gz), löschen Sie die Kopien aller Dateien, die das Paket ersetzt (etwa index.html.gz und index.html.br); sonst liefert der Webserver weiter die alten Fassungen aus. (Wer die Seite baut, erneuert sie mit ia-prerender.)".into(),
        "5. Öffnen Sie danach die Karte im Browser und laden Sie sie neu: Die Liste zeigt den neuen Stand.".into(),
        String::new(),
        "Dateien, die die neuen Daten entfernen".into(),
    ];
    if removed.is_empty() {
        lines.push("Keine: Gegenüber den veröffentlichten Daten fällt keine Seite weg.".into());
    } else {
        lines.push(format!(
            "Wenn Sie die Ordner nicht als Ganzes ersetzen können, löschen Sie auf dem Webserver diese {} Dateien (Seiten entfernter Agenturen; sonst bleiben sie abrufbar):",
            removed.len()
        ));
        lines.extend(removed.iter().map(|path| format!("  {path}")));
    }
    lines.push(String::new());
    lines.push("Nicht im Paket und unverändert: die Programmdateien der Karte (.js, .wasm, .css), config.json, pflege.html und die Ortsdaten in data/boundaries/ und data/places.json.".into());
    if site.site.is_none() {
        lines.push(String::new());
        lines.push("Hinweis: In config.json ist keine Adresse der Seite (site_url) eingetragen. Darum enthält das Paket keine QR-Codes und keine sitemap.xml. Tragen Sie die Adresse ein (docs/deploy.md), dann erstellen Sie das Paket neu.".into());
    }
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    text
}

/// The ZIP: the site's files, the dataset at its path and [`README`]; text
/// compressed, PNG stored (they are compressed already), every entry dated
/// the day it was made.
pub fn zip(site: &Site, dataset: &[u8], removed: &[String]) -> Result<Vec<u8>, String> {
    let date = {
        let part = |range: std::ops::Range<usize>| {
            site.today
                .get(range)
                .and_then(|p| p.parse::<u16>().ok())
                .unwrap_or(1)
        };
        DateTime::from_date_and_time(part(0..4), part(5..7) as u8, part(8..10) as u8, 0, 0, 0)
            .unwrap_or_default()
    };
    let options = |path: &str| {
        let method = if path.ends_with(".png") {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(date)
            .unix_permissions(0o644)
    };
    let mut writer = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let readme = format!("\u{feff}{}", readme(site, removed));
    let entries = std::iter::once((README, readme.as_bytes()))
        .chain(std::iter::once((site.dataset_path.as_str(), dataset)))
        .chain(
            site.files
                .iter()
                .map(|(path, bytes)| (path.as_str(), bytes.as_slice())),
        );
    for (path, bytes) in entries {
        writer
            .start_file(path, options(path))
            .and_then(|()| writer.write_all(bytes).map_err(Into::into))
            .map_err(|e| format!("{path}: {e}"))?;
    }
    writer
        .finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;

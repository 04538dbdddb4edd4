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

use crate::i18n::fill;
use crate::pages::words::german;
use crate::site::{agency_files, Site, INDEX, SITEMAP};

/// The instructions in the package.
pub const README: &str = "LIESMICH.txt";

/// The files of the previously published site that the renderer owns, from
/// its dataset: each agency's page, image and, with a site address, QR
/// codes, and the sitemap. Nothing when that dataset cannot be read (the
/// instructions then page_texts to replace the folders as a whole).
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
    let page_texts = german();
    let n = |n: usize| n.to_string();
    let mut lines: Vec<String> = vec![
        page_texts.readme_title.into(),
        "=".repeat(page_texts.readme_title.chars().count()),
        String::new(),
        fill(
            page_texts.readme_made,
            &[
                ("today", &german_date(&site.today)),
                ("as_of", &german_date(&site.as_of)),
                ("agencies", &n(site.n_agencies)),
            ],
        ),
        String::new(),
        page_texts.readme_contents.into(),
        fill(page_texts.readme_dataset, &[("path", &site.dataset_path)]),
        fill(page_texts.readme_index, &[("path", INDEX)]),
        fill(
            page_texts.readme_agencies,
            &[
                ("dir", AGENCY_DIR),
                (
                    "qr",
                    if site.site.is_some() {
                        page_texts.readme_agencies_qr
                    } else {
                        ""
                    },
                ),
                ("files", &n(count(AGENCY_DIR))),
            ],
        ),
        fill(
            page_texts.readme_places,
            &[("dir", PLACE_DIR), ("files", &n(count(PLACE_DIR)))],
        ),
        page_texts.readme_open_data.into(),
        if site.site.is_some() {
            fill(page_texts.readme_sitemap, &[("sitemap", SITEMAP)])
        } else {
            page_texts.readme_robots.into()
        },
        fill(page_texts.readme_self, &[("readme", README)]),
        String::new(),
        page_texts.readme_how.into(),
        page_texts.readme_step_unzip.into(),
        fill(page_texts.readme_step_upload, &[("readme", README)]),
        fill(
            page_texts.readme_step_folders,
            &[("agencies", AGENCY_DIR), ("places", PLACE_DIR)],
        ),
        page_texts.readme_step_compressed.into(),
        page_texts.readme_step_reload.into(),
        String::new(),
        page_texts.readme_removed.into(),
    ];
    if removed.is_empty() {
        lines.push(page_texts.readme_removed_none.into());
    } else {
        lines.push(fill(
            page_texts.readme_removed_some,
            &[("files", &n(removed.len()))],
        ));
        lines.extend(removed.iter().map(|path| format!("  {path}")));
    }
    lines.push(String::new());
    lines.push(page_texts.readme_unchanged.into());
    if site.site.is_none() {
        lines.push(String::new());
        lines.push(page_texts.readme_no_site.into());
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

//! The static pages (issue 20): one per agency (`agentur/<id>.html`) and per
//! Kreis or kreisfreie Stadt (`ort/<slug>.html`), each with its preview
//! image (`.png`, 1200×630) and, for agencies, a QR code of its address;
//! plus `sitemap.xml` and `robots.txt`. Written by `ia-prerender` after the
//! first view (feature `ssr`, native only), so one command refreshes
//! everything after a data update.
//!
//! The pure parts (paths, slugs, head tags, JSON-LD, sitemap, the preview's
//! drawing) are `ia_core::pages`; the bodies are rendered with the app's
//! components in [`views`]; [`image`] turns SVG into PNG.

mod image;
mod open_data;
mod start;
mod views;
mod words;

use std::fmt::Write as _;
use std::path::Path;

use ia_core::geo::{BBox, NRW_BBOX};
use ia_core::pages::preview::Preview;
use ia_core::pages::seo::{self, Head, SiteUrl};
use ia_core::pages::{self as core_pages, Place, UP};
use ia_core::static_map::{rings_from_geojson, Dot, Ring, StaticMap};
use ia_core::{Agency, DatasetMeta};

pub use crate::qr::qr_svg;
pub use image::{Rasterizer, QR_PNG_SCALE};
pub use open_data::{open_data_files, OpenDataInputs};
pub use start::{head_of_index, write_head_into_index};
pub use views::SITE_NAME;

use crate::i18n::german;

/// What the pages are made from.
pub struct Inputs<'a> {
    pub agencies: &'a [Agency],
    pub meta: &'a DatasetMeta,
    /// `data/boundaries/nrw-land.geojson` and `nrw-kreise.geojson`.
    pub land: &'a str,
    pub kreise: &'a str,
    /// The site's address, for canonical URLs, the sitemap and QR codes.
    pub site: Option<SiteUrl>,
    /// `config.json`'s `report_url` ("Fehler melden").
    pub report_url: &'a str,
    /// `config.json`'s network directory, checked (offered where a record
    /// has no contact).
    pub directory_url: Option<&'a str>,
    /// The app's hashed stylesheet (`app-<hash>.css`), which the pages share.
    pub stylesheet: &'a str,
    /// `index.html`'s own title and description (for its link preview).
    pub index_head: (&'a str, &'a str),
    /// The size of the dataset file the site serves (for the catalogue record).
    pub json_bytes: usize,
    /// The committed change list per "Stand" (`data/changes.json`), if there.
    pub changes: Option<&'a ia_core::opendata::changes::ChangeLog>,
    /// Who publishes the data (from `config.json`).
    pub publisher: &'a ia_core::opendata::Publisher,
}

/// What was written, for the build's log.
#[derive(Debug, Default)]
pub struct Written {
    pub agency_pages: usize,
    pub place_pages: usize,
    pub html_bytes: usize,
    pub png_files: usize,
    pub png_bytes: usize,
    pub largest_png: usize,
    pub sitemap: bool,
    /// The open-data files (`data/agencies.csv`, `.geojson`, `dcat.ttl`, `index.html`).
    pub open_data_files: usize,
    /// The start page's link-preview tags (`index.html`; see [`start`]).
    pub start_head: String,
}

impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} agency pages, {} place pages ({} KB HTML), {} open-data files, {} PNG images ({} KB, largest {} KB), {}",
            self.agency_pages,
            self.place_pages,
            self.html_bytes / 1024,
            self.open_data_files,
            self.png_files,
            self.png_bytes / 1024,
            self.largest_png / 1024,
            if self.sitemap {
                "sitemap.xml"
            } else {
                "no sitemap.xml (no site address: set IA_SITE_URL or config.json's site_url)"
            }
        )
    }
}

/// The stylesheet `index.html` links (`app-<hash>.css`).
pub fn stylesheet_of(index: &str) -> Option<String> {
    let start = index
        .find("href=\"./app-")
        .map(|at| at + "href=\"./".len())
        .or_else(|| index.find("href=\"app-").map(|at| at + "href=\"".len()))?;
    let end = start + index[start..].find('"')?;
    let name = &index[start..end];
    (name.ends_with(".css") && !name.contains(['/', '\\'])).then(|| name.to_owned())
}

/// Writes every page, image, QR code, `sitemap.xml` and `robots.txt` into
/// `dist`. The folders `agentur/` and `ort/` are made anew, so pages of
/// removed agencies disappear.
pub fn write_pages(dist: &Path, inputs: &Inputs) -> Result<Written, String> {
    let places =
        core_pages::places_from_geojson(inputs.kreise).map_err(|e| format!("Kreise: {e}"))?;
    let land = rings_from_geojson(inputs.land).map_err(|e| format!("NRW outline: {e}"))?;
    let all_kreise: Vec<Ring> = places.iter().flat_map(|p| p.rings.clone()).collect();
    for dir in [core_pages::AGENCY_DIR, core_pages::PLACE_DIR] {
        let path = dist.join(dir);
        if path.exists() {
            std::fs::remove_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        std::fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let raster = Rasterizer::new();
    let all_dots: Vec<Dot> = inputs.agencies.iter().map(dot).collect();
    let mut written = Written::default();
    let mut sitemap = vec![(String::new(), inputs.meta.as_of.clone())];
    let save = |path: String, bytes: &[u8], written: &mut Written| -> Result<(), String> {
        let full = dist.join(&path);
        if let Some(folder) = full.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        std::fs::write(&full, bytes).map_err(|e| format!("{}: {e}", full.display()))?;
        if path.ends_with(".png") {
            written.png_files += 1;
            written.png_bytes += bytes.len();
            written.largest_png = written.largest_png.max(bytes.len());
        } else if path.ends_with(".html") {
            written.html_bytes += bytes.len();
        }
        Ok(())
    };
    let preview = |p: Preview| raster.png(&p.to_svg(), 1.0);

    for agency in inputs.agencies {
        let place = places.iter().find(|p| p.ags == agency.kreis_ags());
        let page = core_pages::agency_page(&agency.id);
        let url = inputs.site.as_ref().map(|site| site.join(&page));
        let mut share = None;
        if let Some(url) = &url {
            let qr = qr_svg(url, &format!("QR-Code mit der Adresse dieser Seite: {url}"))?;
            save(
                core_pages::agency_qr(&agency.id, "svg"),
                qr.as_bytes(),
                &mut written,
            )?;
            let png = raster.png(&qr, QR_PNG_SCALE)?;
            save(core_pages::agency_qr(&agency.id, "png"), &png, &mut written)?;
            share = Some((url.clone(), qr));
        }
        let place_title = place.map(Place::title);
        let map = small_map(
            place,
            &[dot(agency)],
            &land,
            &format!(
                "Karte: Lage von {} {}",
                agency.name,
                place
                    .map(|p| words::place_phrase(&p.title(), p.kreisfrei))
                    .unwrap_or_default()
            ),
        );
        let body = views::agency_page(
            german(),
            views::AgencyPageData {
                agency: agency.clone(),
                meta: inputs.meta.clone(),
                place: place.map(|p| {
                    (
                        p.title(),
                        format!("{UP}{}", core_pages::place_page(&p.slug())),
                    )
                }),
                map,
                share,
                report_url: inputs.report_url.to_owned(),
                directory_url: inputs.directory_url.map(str::to_owned),
            },
        );
        let kind = if agency.antidiscrimination {
            german().servicestelle
        } else {
            "Integrationsagentur"
        };
        let title = seo::page_title(&agency.name, &agency.address.city, SITE_NAME);
        let offers: Vec<&str> = agency.offers.iter().map(|&o| german().offer(o)).collect();
        let where_ = format!("{} ({}) in {}.", kind, agency.carrier, address(agency));
        let offers = if offers.is_empty() {
            String::new()
        } else {
            format!("Angebote: {}.", offers.join(", "))
        };
        let description = seo::description(
            &[
                &agency.name,
                "–",
                &where_,
                &offers,
                "Kontakt, Lage und Quelle.",
            ],
            160,
        );
        let image = core_pages::agency_image(&agency.id);
        let head = Head {
            title: &title,
            description: &description,
            path: &page,
            image: &image,
            image_alt: &format!("{} auf der Karte von Nordrhein-Westfalen", agency.name),
            site_name: SITE_NAME,
        };
        let json_ld = seo::script_json(&seo::agency_json_ld(agency, url.as_deref()));
        let html = document(
            &head.to_html(inputs.site.as_ref(), UP),
            Some(&json_ld),
            inputs.stylesheet,
            &body,
        );
        save(page.clone(), html.as_bytes(), &mut written)?;
        let subtitle = format!("{} · {}", agency.carrier, agency.address.city);
        let png = preview(Preview {
            land: &land,
            kreise: &all_kreise,
            highlight: &[],
            others: &all_dots,
            dots: &[dot(agency)],
            kicker: place_title.as_deref().unwrap_or("Nordrhein-Westfalen"),
            name: &agency.name,
            subtitle: &subtitle,
            badge: agency.antidiscrimination.then_some(german().servicestelle),
            footer: &footer(inputs.meta),
        })?;
        save(image, &png, &mut written)?;
        sitemap.push((
            page,
            seo::agency_lastmod(agency)
                .unwrap_or(&inputs.meta.as_of)
                .to_owned(),
        ));
        written.agency_pages += 1;
    }

    let all_places: Vec<(String, String)> = places
        .iter()
        .map(|p| (p.title(), format!("{}.html", p.slug())))
        .collect();
    for place in &places {
        let own = core_pages::agencies_in(place, inputs.agencies);
        let has_own = !own.is_empty();
        let listed: Vec<(&Agency, Option<f64>)> = if has_own {
            own.iter().map(|&i| (&inputs.agencies[i], None)).collect()
        } else {
            let (lat, lon) = place.centre().unwrap_or((51.4, 7.6));
            core_pages::nearest(inputs.agencies, lat, lon, 3)
                .into_iter()
                .map(|(i, km)| (&inputs.agencies[i], Some(km)))
                .collect()
        };
        let dots: Vec<Dot> = listed.iter().map(|(a, _)| dot(a)).collect();
        let phrase = words::place_phrase(&place.title(), place.kreisfrei);
        let map = small_map(
            Some(place),
            &dots,
            &land,
            &if has_own {
                format!("Karte: Integrationsagenturen {phrase}")
            } else {
                format!(
                    "Karte: {} und die nächsten Integrationsagenturen",
                    place.title()
                )
            },
        );
        let slug = place.slug();
        let page = core_pages::place_page(&slug);
        let body = views::place_page(
            german(),
            views::PlacePageData {
                place,
                agencies: listed.iter().map(|(a, km)| ((*a).clone(), *km)).collect(),
                has_own,
                n_total: inputs.agencies.len(),
                meta: inputs.meta.clone(),
                map,
                all_places: all_places.clone(),
                report_url: inputs.report_url.to_owned(),
                directory_url: inputs.directory_url.map(str::to_owned),
            },
        );
        let count = words::count_sentence(
            own.len(),
            listed.iter().filter(|(a, _)| a.antidiscrimination).count(),
        );
        let title =
            seo::page_title("Integrationsagenturen", &phrase, SITE_NAME).replacen(" – ", " ", 1);
        let first = if has_own {
            format!("{count} Adressen, Kontakt und Angebote.")
        } else {
            "Keine Integrationsagentur im Datensatz – die nächsten mit Entfernung.".to_owned()
        };
        let heading = format!(
            "Integrationsagenturen und Servicestellen für Antidiskriminierungsarbeit {phrase}:"
        );
        let description = seo::description(&[&heading, &first], 160);
        let image = core_pages::place_image(&slug);
        let head = Head {
            title: &title,
            description: &description,
            path: &page,
            image: &image,
            image_alt: &format!("{} auf der Karte von Nordrhein-Westfalen", place.title()),
            site_name: SITE_NAME,
        };
        let html = document(
            &head.to_html(inputs.site.as_ref(), UP),
            None,
            inputs.stylesheet,
            &body,
        );
        save(page.clone(), html.as_bytes(), &mut written)?;
        let subtitle = if has_own {
            count
                .trim_end_matches(" im Datensatz.")
                .replace(" im Datensatz,", ",")
        } else {
            "Keine Integrationsagentur im Datensatz".to_owned()
        };
        let png = preview(Preview {
            land: &land,
            kreise: &all_kreise,
            highlight: &place.rings,
            others: &all_dots,
            dots: if has_own { &dots } else { &[] },
            kicker: if place.kreisfrei {
                "Kreisfreie Stadt"
            } else {
                "Integrationsagenturen"
            },
            name: &place.title(),
            subtitle: &subtitle,
            badge: None,
            footer: &footer(inputs.meta),
        })?;
        save(image, &png, &mut written)?;
        let lastmod = own
            .iter()
            .filter_map(|&i| seo::agency_lastmod(&inputs.agencies[i]))
            .max()
            .unwrap_or(&inputs.meta.as_of)
            .to_owned();
        sitemap.push((page, lastmod));
        written.place_pages += 1;
    }

    let start_footer = footer(inputs.meta);
    let start = start::Start {
        land: &land,
        kreise: &all_kreise,
        dots: &all_dots,
        footer: &start_footer,
    };
    let subtitle = start.subtitle();
    save(
        core_pages::START_IMAGE.into(),
        &preview(start.preview(&subtitle))?,
        &mut written,
    )?;
    written.start_head = start.head_tags(inputs.index_head, inputs.site.as_ref());

    for (path, bytes) in open_data_files(&OpenDataInputs {
        agencies: inputs.agencies,
        meta: inputs.meta,
        json_bytes: inputs.json_bytes,
        changes: inputs.changes,
        publisher: inputs.publisher,
        site: inputs.site.as_ref(),
        stylesheet: inputs.stylesheet,
    }) {
        save(path, &bytes, &mut written)?;
        written.open_data_files += 1;
    }
    sitemap.push((
        ia_core::opendata::DATA_PAGE.to_owned(),
        inputs.meta.as_of.clone(),
    ));

    let sitemap_path = dist.join("sitemap.xml");
    if let Some(site) = &inputs.site {
        let entries: Vec<(String, String)> = sitemap
            .into_iter()
            .map(|(path, lastmod)| (site.join(&path), lastmod))
            .collect();
        save(
            "sitemap.xml".into(),
            seo::sitemap(&entries).as_bytes(),
            &mut written,
        )?;
        written.sitemap = true;
    } else if sitemap_path.exists() {
        // An earlier run's sitemap would name another address.
        std::fs::remove_file(&sitemap_path)
            .map_err(|e| format!("{}: {e}", sitemap_path.display()))?;
    }
    save(
        "robots.txt".into(),
        seo::robots(inputs.site.as_ref()).as_bytes(),
        &mut written,
    )?;
    Ok(written)
}

/// "Integrationsagenturen in NRW finden · Stand 24.11.2026".
fn footer(meta: &DatasetMeta) -> String {
    format!("{SITE_NAME} finden · {}", german().as_of(&meta.as_of))
}

fn dot(agency: &Agency) -> Dot {
    Dot {
        lat: agency.location.lat,
        lon: agency.location.lon,
        servicestelle: agency.antidiscrimination,
    }
}

/// "Straße 1, 50667 Köln".
fn address(agency: &Agency) -> String {
    crate::ui::detail::address_lines(agency).join(", ")
}

/// The place (or NRW) with the dots, framed around both with a margin.
fn small_map(place: Option<&Place>, dots: &[Dot], land: &[Ring], title: &str) -> String {
    let points = place
        .and_then(Place::bbox)
        .into_iter()
        .flat_map(|b| [(b.south, b.west), (b.north, b.east)])
        .chain(dots.iter().map(|d| (d.lat, d.lon)));
    let bbox = BBox::around(points).map(pad).unwrap_or(NRW_BBOX);
    let outline: &[Ring] = match place {
        Some(place) => &place.rings,
        None => land,
    };
    StaticMap {
        bbox,
        land: outline,
        kreise: &[],
        dots,
        title,
        label: &place
            .map(Place::title)
            .unwrap_or_else(|| "Nordrhein-Westfalen".into()),
    }
    .to_svg()
}

/// A box with an eighth of its size added on every side (at least 0.02°).
fn pad(b: BBox) -> BBox {
    let dy = ((b.north - b.south) / 8.0).max(0.02);
    let dx = ((b.east - b.west) / 8.0).max(0.02);
    BBox {
        south: b.south - dy,
        west: b.west - dx,
        north: b.north + dy,
        east: b.east + dx,
    }
}

/// A whole page: head (tags, stylesheet, JSON-LD) and body. No script: the
/// JSON-LD is data (`type="application/ld+json"`), which the CSP's
/// `script-src` does not run.
fn document(head: &str, json_ld: Option<&str>, stylesheet: &str, body: &str) -> String {
    let mut html = String::with_capacity(body.len() + head.len() + 1024);
    html.push_str("<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\" class=\"static-page\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"strict-origin-when-cross-origin\">\n<meta name=\"theme-color\" content=\"#1d4f91\">\n");
    html.push_str(head);
    let _ = write!(
        html,
        "\n<link rel=\"icon\" type=\"image/png\" sizes=\"192x192\" href=\"{UP}icons/icon-192.png\">\n<link rel=\"stylesheet\" href=\"{UP}{stylesheet}\">\n"
    );
    if let Some(json_ld) = json_ld {
        let _ = writeln!(
            html,
            "<script type=\"application/ld+json\">{json_ld}</script>"
        );
    }
    html.push_str("</head>\n<body>\n");
    html.push_str(body);
    html.push_str("\n</body>\n</html>\n");
    html
}

#[cfg(test)]
mod tests;

//! One agency's files: its page, preview image and, with a site address,
//! its QR code as SVG and PNG.

use ia_core::pages::preview::Preview;
use ia_core::pages::seo::{self, Head};
use ia_core::pages::{self as core_pages, Place, UP};

use super::Files;
use super::QR_PNG_SCALE;
use super::{address, document, dot, footer, qr_svg, small_map, views, words, Pages};
use crate::i18n::{fill, german};

impl Pages {
    /// The files of the `i`-th agency (in dataset order).
    pub fn agency(&self, i: usize) -> Result<Files, String> {
        let agency = self.agencies.get(i).ok_or("no such agency")?;
        let mut files = Files::new();
        let mut save = |path: String, bytes: &[u8]| {
            files.insert(path, bytes.to_vec());
        };
        let page_texts = words::german();
        let preview = |p: Preview| self.raster.png(&p.to_svg(), 1.0);
        let place = self.places.iter().find(|p| p.ags == agency.kreis_ags());
        let page = core_pages::agency_page(&agency.id);
        let url = self.site.as_ref().map(|site| site.join(&page));
        let mut share = None;
        if let Some(url) = &url {
            let qr = qr_svg(url, &fill(page_texts.agency_qr, &[("url", url)]))?;
            save(core_pages::agency_qr(&agency.id, "svg"), qr.as_bytes());
            let png = self.raster.png(&qr, QR_PNG_SCALE)?;
            save(core_pages::agency_qr(&agency.id, "png"), &png);
            share = Some((url.clone(), qr));
        }
        let place_title = place.map(Place::title);
        let phrase = place
            .map(|p| words::place_phrase(&p.title(), p.kreisfrei))
            .unwrap_or_default();
        let location = fill(
            page_texts.agency_location,
            &[("agency", &agency.name), ("place", &phrase)],
        );
        let map = small_map(
            place,
            &[dot(agency)],
            &self.land,
            &fill(page_texts.map_caption, &[("what", &location)]),
        );
        let body = views::agency_page(
            german(),
            views::AgencyPageData {
                agency: agency.clone(),
                meta: self.meta.clone(),
                place: place.map(|p| {
                    (
                        p.title(),
                        format!("{UP}{}", core_pages::place_page(&p.slug())),
                    )
                }),
                map,
                share,
                report_url: self.report_url.clone(),
                directory_url: self.directory_url.clone(),
            },
        );
        let kind = if agency.antidiscrimination {
            german().servicestelle
        } else {
            page_texts.agency_kind
        };
        let title = seo::page_title(&agency.name, &agency.address.city, page_texts.site_name);
        let offers: Vec<&str> = agency.offers.iter().map(|&o| german().offer(o)).collect();
        let where_ = fill(
            page_texts.agency_where,
            &[
                ("kind", kind),
                ("carrier", &agency.carrier),
                ("address", &address(agency)),
            ],
        );
        let offers = if offers.is_empty() {
            String::new()
        } else {
            fill(page_texts.agency_offers, &[("offers", &offers.join(", "))])
        };
        let description = seo::description(
            &[&agency.name, "–", &where_, &offers, page_texts.agency_more],
            160,
        );
        let image = core_pages::agency_image(&agency.id);
        let head = Head {
            title: &title,
            description: &description,
            path: &page,
            image: &image,
            image_alt: &fill(page_texts.image_alt, &[("name", &agency.name)]),
            site_name: page_texts.site_name,
        };
        let json_ld = seo::script_json(&seo::agency_json_ld(agency, url.as_deref()));
        let html = document(
            &head.to_html(self.site.as_ref(), UP),
            Some(&json_ld),
            &self.stylesheet,
            &body,
        );
        save(page.clone(), html.as_bytes());
        let subtitle = format!("{} · {}", agency.carrier, agency.address.city);
        let png = preview(Preview {
            land: &self.land,
            kreise: &self.all_kreise,
            highlight: &[],
            others: &self.all_dots,
            dots: &[dot(agency)],
            kicker: place_title.as_deref().unwrap_or(page_texts.land),
            name: &agency.name,
            subtitle: &subtitle,
            badge: agency.antidiscrimination.then_some(german().servicestelle),
            footer: &footer(&self.meta),
        })?;
        save(image, &png);
        Ok(files)
    }
}

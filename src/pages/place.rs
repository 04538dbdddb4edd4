//! One Kreis's or kreisfreie Stadt's files: its page and preview image.

use ia_core::pages::preview::Preview;
use ia_core::pages::seo::{self, Head};
use ia_core::pages::{self as core_pages, UP};
use ia_core::static_map::Dot;
use ia_core::Agency;

use super::Files;
use super::{document, dot, footer, small_map, views, words, Pages};
use crate::i18n::{fill, german};

impl Pages {
    /// The files of the `i`-th place (in the boundary file's order).
    pub fn place(&self, i: usize) -> Result<Files, String> {
        let agencies = &self.agencies;
        let place = self.places.get(i).ok_or("no such place")?;
        let mut files = Files::new();
        let mut save = |path: String, bytes: &[u8]| {
            files.insert(path, bytes.to_vec());
        };
        let preview = |p: Preview| self.raster.png(&p.to_svg(), 1.0);
        let own = core_pages::agencies_in(place, agencies);
        let has_own = !own.is_empty();
        let listed: Vec<(&Agency, Option<f64>)> = if has_own {
            own.iter().map(|&i| (&agencies[i], None)).collect()
        } else {
            let (lat, lon) = place.centre().unwrap_or((51.4, 7.6));
            core_pages::nearest(agencies, lat, lon, 3)
                .into_iter()
                .map(|(i, km)| (&agencies[i], Some(km)))
                .collect()
        };
        let dots: Vec<Dot> = listed.iter().map(|(a, _)| dot(a)).collect();
        let page_texts = words::german();
        let phrase = words::place_phrase(&place.title(), place.kreisfrei);
        let what = if has_own {
            page_texts.place_title(&phrase)
        } else {
            fill(page_texts.place_and_nearest, &[("place", &place.title())])
        };
        let map = small_map(
            Some(place),
            &dots,
            &self.land,
            &fill(page_texts.map_caption, &[("what", &what)]),
        );
        let slug = place.slug();
        let page = core_pages::place_page(&slug);
        let body = views::place_page(
            german(),
            views::PlacePageData {
                place,
                agencies: listed.iter().map(|(a, km)| ((*a).clone(), *km)).collect(),
                has_own,
                n_total: agencies.len(),
                meta: self.meta.clone(),
                map,
                all_places: self.all_places.clone(),
                report_url: self.report_url.clone(),
                directory_url: self.directory_url.clone(),
            },
        );
        let count = words::count_sentence(
            own.len(),
            listed.iter().filter(|(a, _)| a.antidiscrimination).count(),
        );
        let title = seo::page_title(page_texts.agencies_word, &phrase, page_texts.site_name)
            .replacen(" – ", " ", 1);
        let first = if has_own {
            fill(page_texts.place_first, &[("count", &count)])
        } else {
            page_texts.place_first_none.to_owned()
        };
        let heading = fill(page_texts.place_heading, &[("place", &phrase)]);
        let description = seo::description(&[&heading, &first], 160);
        let image = core_pages::place_image(&slug);
        let head = Head {
            title: &title,
            description: &description,
            path: &page,
            image: &image,
            image_alt: &fill(page_texts.image_alt, &[("name", &place.title())]),
            site_name: page_texts.site_name,
        };
        let html = document(
            &head.to_html(self.site.as_ref(), UP),
            None,
            &self.stylesheet,
            &body,
        );
        save(page.clone(), html.as_bytes());
        let subtitle = if has_own {
            count
                .trim_end_matches(" im Datensatz.")
                .replace(" im Datensatz,", ",")
        } else {
            page_texts.place_subtitle_none.to_owned()
        };
        let png = preview(Preview {
            land: &self.land,
            kreise: &self.all_kreise,
            highlight: &place.rings,
            others: &self.all_dots,
            dots: if has_own { &dots } else { &[] },
            kicker: if place.kreisfrei {
                page_texts.kreisfreie_stadt
            } else {
                page_texts.agencies_word
            },
            name: &place.title(),
            subtitle: &subtitle,
            badge: None,
            footer: &footer(&self.meta),
        })?;
        save(image, &png);
        Ok(files)
    }
}

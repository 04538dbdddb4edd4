//! The static pages' texts (and the prerendered view's static map's), from
//! `locales/pages/de.json`: a key table of the finder's `texts!` mechanism
//! (German only, like the pages; compiled in). The rules that pick a
//! sentence (which preposition a place takes, which count sentence) are code
//! here; the words are in the file.

use std::sync::OnceLock;

use crate::i18n::{fill, Lang};

crate::texts! {
    /// The static pages' strings.
    pub struct PageTexts {}
    text {
        skip_to_content,
        all_agencies,
        /// The breadcrumbs' name.
        breadcrumbs,
        show_on_map,
        contact,
        /// The static map's heading (visually hidden).
        location,
        share,
        qr_svg,
        qr_png,
        all_places,
        /// Above the nearest agencies of a place without one.
        nearest,
        data,
        licence,
        /// After [`no_agency`](Self::no_agency) and its coverage.
        no_agency_help,
        /// The static map's label (`ia_core::static_map`).
        map_label,
        /// The site's name in head tags and previews.
        site_name,
        /// The preview images' kicker where no place is named.
        land,
        /// A place page's title word and a Kreis preview's kicker.
        agencies_word,
        /// A kreisfreie Stadt preview's kicker.
        kreisfreie_stadt,
        /// An agency page's kind when it is no Servicestelle.
        agency_kind,
        /// The last sentence of an agency page's description.
        agency_more,
        /// A place page's description when the place has no agency.
        place_first_none,
        /// The preview subtitle of a place without an agency.
        place_subtitle_none,
        /// The open-data page (`data/index.html`).
        data_title,
        data_description,
        data_image_alt,
        data_what,
        data_not_official,
        data_download,
        data_format,
        data_file,
        data_size,
        data_content,
        data_portals,
        /// Followed by the link to `dcat.ttl`.
        data_catalogue,
        data_changes,
        data_no_changes,
        /// The publication package's `LIESMICH.txt` (`crate::publish`),
        /// line by line.
        readme_title,
        readme_contents,
        readme_agencies_qr,
        readme_open_data,
        readme_robots,
        readme_how,
        readme_step_unzip,
        readme_step_compressed,
        readme_step_reload,
        readme_removed,
        readme_removed_none,
        readme_unchanged,
        readme_no_site,
    }
    template {
        distance(distance),
        /// A place page's `h1`: "Integrationsagenturen in Köln".
        place_title(place),
        /// A kreisfreie Stadt: "in Köln".
        in_city(place),
        /// The Städteregion: "in der Städteregion Aachen".
        in_region(place),
        /// A Kreis named by an adjective: "im Märkischen Kreis".
        in_adjective_kreis(adjective),
        /// Any other Kreis: "im Kreis Borken".
        in_kreis(place),
        count(agencies),
        /// One agency, and it is a Servicestelle.
        count_the_servicestelle(agencies),
        count_all_servicestellen(agencies),
        no_agency(place),
        coverage(listed, total),
        /// The static map's text alternative.
        map_title(agencies, servicestellen),
        /// The preview images' footer: "Integrationsagenturen in NRW finden · Stand 24.11.2026".
        footer(site, as_of),
        /// A preview image's text alternative.
        image_alt(name),
        /// A static map's title.
        map_caption(what),
        start_subtitle(agencies, servicestellen),
        start_image_alt(agencies),
        agency_qr(url),
        agency_location(agency, place),
        agency_where(kind, carrier, address),
        agency_offers(offers),
        place_and_nearest(place),
        place_heading(place),
        place_first(count),
        data_head_title(site),
        data_heading(title),
        /// The open-data page's facts; `total`, `places` are the fragments below or empty.
        data_coverage(records, total, servicestellen, places),
        data_coverage_total(total),
        data_coverage_year(year),
        data_coverage_places(with, all, without),
        data_coverage_without(names),
        data_positions(address, postcode, municipality, kreis),
        data_reach(own, carrier, nothing),
        data_age(old, years, undated, date),
        data_columns(columns),
        data_publisher(publisher),
        /// One Stand in the list of changes.
        change_summary(records, added, changed, removed, previous),
        change_first(records),
        change_added(n),
        change_changed(n),
        change_removed(n),
        readme_made(today, as_of, agencies),
        readme_dataset(path),
        readme_index(path),
        /// `qr` is [`readme_agencies_qr`](Self::readme_agencies_qr) or empty.
        readme_agencies(dir, qr, files),
        readme_places(dir, files),
        readme_sitemap(sitemap),
        readme_self(readme),
        readme_step_upload(readme),
        readme_step_folders(agencies, places),
        readme_removed_some(files),
    }
    plural {
        agencies(n),
        count_servicestellen(n, agencies),
    }
}

/// The German file.
const GERMAN_FILE: &str = include_str!("../../locales/pages/de.json");

/// The pages' German texts (read once; a problem in the file is caught by
/// the tests).
pub fn german() -> &'static PageTexts {
    static GERMAN: OnceLock<PageTexts> = OnceLock::new();
    GERMAN.get_or_init(|| PageTexts::read_with(Lang::De, GERMAN_FILE, None).0)
}

impl PageTexts {
    /// "3 Integrationsagenturen".
    fn agencies(&self, n: usize) -> String {
        let n_text = n.to_string();
        fill(self.agencies.form(self.lang(), n), &[("n", &n_text)])
    }

    /// "12,5 km entfernt".
    pub fn distance(&self, distance: &str) -> String {
        fill(self.distance, &[("distance", distance)])
    }

    pub fn place_title(&self, phrase: &str) -> String {
        fill(self.place_title, &[("place", phrase)])
    }

    pub fn no_agency(&self, phrase: &str) -> String {
        fill(self.no_agency, &[("place", phrase)])
    }

    pub fn map_title(&self, agencies: usize, servicestellen: usize) -> String {
        fill(
            self.map_title,
            &[
                ("agencies", &agencies.to_string()),
                ("servicestellen", &servicestellen.to_string()),
            ],
        )
    }
}

/// "in Köln", "im Kreis Borken", "im Hochsauerlandkreis", "im Märkischen
/// Kreis", "in der Städteregion Aachen".
pub fn place_phrase(title: &str, kreisfrei: bool) -> String {
    let texts = german();
    let with_place = |template: &str| fill(template, &[("place", title)]);
    if kreisfrei {
        return with_place(texts.in_city);
    }
    if title.starts_with("Städteregion") {
        return with_place(texts.in_region);
    }
    // An adjective before "Kreis" takes the dative: "Oberbergischer Kreis"
    // → "im Oberbergischen Kreis".
    if let Some(adjective) = title.strip_suffix("er Kreis") {
        if !adjective.ends_with('-') && !adjective.ends_with(' ') {
            return fill(texts.in_adjective_kreis, &[("adjective", adjective)]);
        }
    }
    with_place(texts.in_kreis)
}

/// "3 Integrationsagenturen, davon 1 Servicestelle für Antidiskriminierungsarbeit."
pub fn count_sentence(n: usize, n_sada: usize) -> String {
    let texts = german();
    let agencies = texts.agencies(n);
    let with_agencies = |template: &str| fill(template, &[("agencies", &agencies)]);
    match n_sada {
        0 => with_agencies(texts.count),
        1 if n == 1 => with_agencies(texts.count_the_servicestelle),
        _ if n_sada == n => with_agencies(texts.count_all_servicestellen),
        _ => fill(
            texts.count_servicestellen.form(texts.lang(), n_sada),
            &[("n", &n_sada.to_string()), ("agencies", &agencies)],
        ),
    }
}

/// What a place page says when the dataset has no agency there: that it
/// has none, that the dataset is incomplete (with the numbers where known),
/// and what follows.
pub fn none_sentence(phrase: &str, n_listed: usize, estimated_total: Option<u32>) -> String {
    let texts = german();
    let mut sentences = vec![texts.no_agency(phrase)];
    if let Some(total) = estimated_total {
        sentences.push(fill(
            texts.coverage,
            &[
                ("listed", &n_listed.to_string()),
                ("total", &total.to_string()),
            ],
        ));
    }
    sentences.push(texts.no_agency_help.to_owned());
    sentences.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file has exactly the table's keys, each with its placeholders.
    #[test]
    fn the_german_file_is_complete() {
        let (_, problems) = PageTexts::read_with(Lang::De, GERMAN_FILE, None);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn places_are_named_in_good_german() {
        assert_eq!(place_phrase("Köln", true), "in Köln");
        assert_eq!(place_phrase("Kreis Borken", false), "im Kreis Borken");
        assert_eq!(
            place_phrase("Hochsauerlandkreis", false),
            "im Hochsauerlandkreis"
        );
        assert_eq!(
            place_phrase("Rhein-Kreis Neuss", false),
            "im Rhein-Kreis Neuss"
        );
        assert_eq!(
            place_phrase("Märkischer Kreis", false),
            "im Märkischen Kreis"
        );
        assert_eq!(
            place_phrase("Rheinisch-Bergischer Kreis", false),
            "im Rheinisch-Bergischen Kreis"
        );
        assert_eq!(
            place_phrase("Städteregion Aachen", false),
            "in der Städteregion Aachen"
        );
        assert_eq!(
            place_phrase("Rhein-Erft-Kreis", false),
            "im Rhein-Erft-Kreis"
        );
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count_sentence(1, 0), "1 Integrationsagentur im Datensatz.");
        assert_eq!(count_sentence(1, 1), "1 Integrationsagentur im Datensatz, eine Servicestelle für Antidiskriminierungsarbeit.");
        assert_eq!(count_sentence(3, 1), "3 Integrationsagenturen im Datensatz, davon 1 Servicestelle für Antidiskriminierungsarbeit.");
        assert_eq!(count_sentence(3, 2), "3 Integrationsagenturen im Datensatz, davon 2 Servicestellen für Antidiskriminierungsarbeit.");
        assert_eq!(count_sentence(2, 2), "2 Integrationsagenturen im Datensatz, alle Servicestellen für Antidiskriminierungsarbeit.");
    }

    #[test]
    fn no_agency_is_said_honestly() {
        let text = none_sentence("im Kreis Mettmann", 104, Some(214));
        assert!(text
            .starts_with("Unser Datensatz enthält keine Integrationsagentur im Kreis Mettmann."));
        assert!(text.contains("104 von rund 214"));
        assert!(!none_sentence("in Köln", 104, None).contains("rund"));
    }
}

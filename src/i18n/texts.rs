//! The key tables of the language files (the `texts!` macro, one table per
//! page family: the finder's [`Texts`] here, the static pages'
//! `crate::pages::words::PageTexts`, the maintenance page's in
//! `src/bin/upkeep/texts.rs`), and the finder's methods that fill in
//! placeholders and pick plural forms.

use ia_core::{Offer, Precision, Topic, Umbrella};

use super::file::Plural;
use super::lang::{dotted_date, iso_parts, DateStyle, Lang};
use super::template::fill;

/// Declares the keys of one page family's language files once: the struct's
/// fields, the reader that fills them (`read`, which reports missing, extra
/// and empty keys and wrong placeholders) and the key lists the tests use
/// (`TEXT_KEYS`, `TEMPLATE_KEYS`, `PLURAL_KEYS`) all come from here.
///
/// * `struct Name { field: Type = |reader| expression, }`: the table's name
///   and fields of its own, read after the keys below from the same
///   [`Reader`](crate::i18n::Reader) (vocabularies, month names).
/// * `text`: a plain string, a public `&'static str` field.
/// * `template`: a string with `{placeholders}`, a crate-visible field read
///   through a method that fills it ([`fill`](crate::i18n::fill)).
/// * `plural`: a counted message, one key per plural category of the
///   language (`key.one`, `key.other` …, optionally `key.zero` for 0); the
///   first placeholder is the count, which the `zero`, `one` and `two` forms
///   may leave out ("1 agency found", "No agencies found").
#[macro_export]
macro_rules! texts {
    (
        $(#[$struct_meta:meta])*
        pub struct $name:ident {
            $($(#[$extra_meta:meta])* $extra_vis:vis $extra:ident: $extra_ty:ty = |$reader:ident| $extra_init:expr,)*
        }
        text { $($(#[$text_meta:meta])* $text:ident,)* }
        template { $($(#[$template_meta:meta])* $template:ident($($template_arg:ident),*),)* }
        plural { $($(#[$plural_meta:meta])* $plural:ident($count:ident $(, $plural_arg:ident)*),)* }
    ) => {
        $(#[$struct_meta])*
        pub struct $name {
            /// BCP 47 tag of this language, for `lang` attributes on UI text inside data.
            #[allow(dead_code)]
            pub lang_tag: &'static str,
            lang: $crate::i18n::Lang,
            $($(#[$text_meta])* pub $text: &'static str,)*
            $($(#[$template_meta])* pub(crate) $template: &'static str,)*
            $($(#[$plural_meta])* $plural: $crate::i18n::Plural,)*
            $($(#[$extra_meta])* $extra_vis $extra: $extra_ty,)*
        }

        #[allow(dead_code)]
        impl $name {
            /// Keys of plain strings.
            pub const TEXT_KEYS: &[&str] = &[$(stringify!($text)),*];
            /// Keys of strings with placeholders, with the placeholders' names.
            pub const TEMPLATE_KEYS: &[(&str, &[&str])] =
                &[$((stringify!($template), &[$(stringify!($template_arg)),*])),*];
            /// Keys of counted messages, with the count's name and the other placeholders.
            pub const PLURAL_KEYS: &[(&str, &str, &[&str])] =
                &[$((stringify!($plural), stringify!($count), &[$(stringify!($plural_arg)),*])),*];

            /// Reads a language file of this table. The texts come back even
            /// when there are problems (missing keys are then empty), with
            /// the list of problems (`crate::i18n::read_file`);
            /// `may_be_empty` names the one key whose text may be empty.
            pub fn read_with(
                lang: $crate::i18n::Lang,
                json: &str,
                may_be_empty: Option<&'static str>,
            ) -> ($name, Vec<String>) {
                $crate::i18n::read_file(lang, json, may_be_empty, |reader| $name {
                    lang_tag: reader.lang.tag(),
                    lang: reader.lang,
                    $($text: reader.text(stringify!($text), &[]),)*
                    $($template: reader.text(stringify!($template), &[$(stringify!($template_arg)),*]),)*
                    $($plural: reader.plural(
                        stringify!($plural),
                        stringify!($count),
                        &[$(stringify!($plural_arg)),*],
                    ),)*
                    $($extra: {
                        let $reader: &mut $crate::i18n::Reader = reader;
                        $extra_init
                    },)*
                })
            }

            /// The language these texts are in.
            pub fn lang(&self) -> $crate::i18n::Lang {
                self.lang
            }
        }
    };
}

texts! {
    /// The finder's strings in one language, read from `locales/<tag>.json`.
    pub struct Texts {
        /// The character between a number's whole and decimal part.
        pub decimal_separator: char = |reader| reader.decimal_separator(),
        offers: Vec<&'static str> = |reader| reader.vocabulary("offer", Offer::ALL, Offer::code),
        topics: Vec<&'static str> = |reader| reader.vocabulary("topic", Topic::ALL, Topic::code),
        umbrellas: Vec<&'static str> = |reader| reader.vocabulary("umbrella", Umbrella::ALL, Umbrella::code),
        positions: Vec<&'static str> = |reader| reader.vocabulary("approximate_position", Precision::ALL, Precision::code),
        months: Vec<&'static str> = |reader| reader.months(),
    }
    text {
        app_title,
        app_subtitle,
        skip_to_results,
        loading,
        load_failed,
        retry,
        crashed,
        reload,
        start_over,
        results_heading,
        map_label,
        view_switch_label,
        view_list,
        view_map,
        map_note_no_tiles,
        map_unavailable,
        /// Said once on translated pages: the agencies' data stays German. Empty in German.
        data_in_german,
        language_label,
        zoom_in,
        zoom_out,
        language_apply,
        servicestelle,
        /// The unit after a distance ("km").
        km_unit,
        source,
        data_licence,
        boundaries_attribution,
        error_network,
        error_format,
        error_schema,
        technical_details,
        filters_label,
        search_label,
        search_placeholder,
        place_label,
        place_all,
        kreis_suffix,
        place_clear,
        near_label,
        near_placeholder,
        near_clear,
        near_no_match,
        near_hint,
        places_loading,
        places_failed,
        use_location,
        locating,
        location_denied,
        location_unavailable,
        radius_label,
        radius_all,
        distance_suffix,
        /// In the detail of a record known only by its Kreis.
        kreis_address_note,
        /// The map's legend entry for such records.
        legend_kreis,
        /// The map's legend: its name and the entry for an agency.
        legend_label,
        legend_agency,
        place_no_match,
        sada_toggle,
        sada_only,
        preset_label,
        topics_legend,
        offers_legend,
        umbrellas_legend,
        /// The control the less used filters fold into ("Filter (2)").
        filters_toggle,
        /// Said on the prerendered page when the app does not run (no JavaScript).
        needs_js,
        reset_filters,
        back_to_list,
        carrier_label,
        address_label,
        languages_label,
        call,
        write_email,
        website,
        directions,
        open_in_map_app,
        last_verified,
        report_error,
        get_listed,
        postcodes_attribution,
        download_label,
        about_data,
        open_full_map,
        embed_generator_link,
        embed_title,
        embed_intro,
        embed_lock,
        embed_list,
        embed_list_side,
        embed_list_bottom,
        embed_list_none,
        embed_height,
        embed_snippet,
        embed_copy,
        embed_copied,
        embed_preview,
        embed_iframe_title,
        embed_back,
        config_note,
        skip_map,
        pan_label,
        pan_north,
        pan_south,
        pan_west,
        pan_east,
        load_tiles,
        embed_tiles_on_click,
        /// The generator's list of controls the embed shows.
        embed_controls,
        /// The generator's language choice that adds no `lang` parameter.
        embed_language_auto,
        /// The footer link to the operator's accessibility statement.
        accessibility_statement,
        wheel_hint,
        touch_hint,
        /// Where no agency is known in the chosen place: the question before "Agentur melden".
        place_gap_ask,
        /// The link to the network's own directory.
        place_gap_directory,
        /// The link that reports a missing agency.
        place_gap_report,
        /// The name of the view's share controls ("Diese Auswahl teilen").
        share_view,
        /// "Teilen" (with the Web Share API), and "Link kopieren" where the
        /// browser has none.
        share_agency,
        copy_link,
        /// Said in the result count's live region after copying.
        link_copied,
        /// Where the clipboard was refused: the link is shown selected.
        copy_link_manually,
        /// The label of that read-only link field.
        share_link_label,
        /// The link to the generator page's QR code for the shared address;
        /// beside the result count, short.
        qr_for_print,
        qr_short,
        /// On the printed list, before the filters in words ("Auswahl: …").
        print_selection,
        /// The generator page's QR-code section.
        qr_title,
        qr_intro,
        qr_url_label,
        qr_invalid,
        qr_too_long,
        qr_download_svg,
        qr_download_png,
        /// What the detail's part is called while it loads (issue 28).
        agency_details,
        /// Before a carrier's website, where the agency has no contact of its
        /// own ("Website des Trägers: www…"; issue 27).
        carrier_website,
        /// Under a street that is the carrier's Servicestelle's address.
        servicestelle_address,
        /// The list's line for a record reachable only through its carrier.
        reach_carrier,
        /// The list's (and the printed list's) line for a record without contact.
        reach_nothing,
        /// The detail's honest words where no contact is known, before the
        /// network's directory and "Fehler melden".
        no_contact,
        /// A record without any dated source ("bitte vor einem Besuch prüfen").
        check_undated,
        /// In the source line: the sources of single fields.
        more_sources,
        /// Names of fields: in the list's contact line and the source line.
        field_street,
        field_postcode,
        field_city,
        field_phone,
        field_email,
        field_website,
        field_location,
        /// The link to the open-data page ("Quelle, Lizenz und Kartengrundlagen").
        open_data,
    }
    template {
        /// The button under a long list: show `n` more entries.
        show_more(n),
        as_of(date),
        /// In the detail's source line: when the source was read.
        source_read(date),
        /// In the detail's source line: the source's own date ("2021").
        source_dated(date),
        /// The list's line: the agency's own contacts ("Kontakt: Telefon, E-Mail").
        reach_own(channels),
        /// The newest evidence is older than `ia_core::evidence::OLD_AFTER_YEARS`.
        check_old(year),
        error_not_found(status),
        radius_km(r),
        sada_far(distance),
        origin_label(place),
        /// Instead of a distance, for a record known only by its Kreis.
        in_kreis(kreis),
        /// After the coverage line: the Servicestellen among them.
        coverage_servicestellen(total_year, n, year),
        /// "Für Leverkusen haben wir noch keine Integrationsagentur erfasst."
        place_gap(place),
        /// The QR code's text alternative.
        qr_alt(url),
        /// A part of the finder on its way (issue 28): "Filter: wird geladen …".
        part_loading(what),
        /// A part of the finder that could not be fetched (offline before it was used).
        part_failed(what),
    }
    plural {
        n_found(n),
        n_skipped(n),
        cluster_label(n),
        n_places(n),
        coverage(total, listed),
        nearest_instead(n, r),
        /// Before the nearest agencies of a place without one.
        place_gap_nearest(n),
    }
}

/// The one key that may be empty, in German only.
const EMPTY_IN_GERMAN: &str = "data_in_german";

impl Texts {
    /// Reads a language file of the finder; see [`Texts::read_with`].
    pub fn read(lang: Lang, json: &str) -> (Texts, Vec<String>) {
        Texts::read_with(lang, json, (lang == Lang::De).then_some(EMPTY_IN_GERMAN))
    }

    pub fn n_found(&self, n: usize) -> String {
        self.count(&self.n_found, n, &[])
    }

    pub fn n_skipped(&self, n: usize) -> String {
        self.count(&self.n_skipped, n, &[])
    }

    /// The button under a long list: show `n` more entries.
    pub fn show_more(&self, n: usize) -> String {
        fill(self.show_more, &[("n", &n.to_string())])
    }

    pub fn cluster_label(&self, n: usize) -> String {
        self.count(&self.cluster_label, n, &[])
    }

    pub fn n_places(&self, n: usize) -> String {
        self.count(&self.n_places, n, &[])
    }

    pub fn approximate_position(&self, precision: Precision) -> &'static str {
        self.positions[precision.index()]
    }

    pub fn part_loading(&self, what: &str) -> String {
        fill(self.part_loading, &[("what", what)])
    }

    pub fn part_failed(&self, what: &str) -> String {
        fill(self.part_failed, &[("what", what)])
    }

    pub fn as_of(&self, iso: &str) -> String {
        fill(self.as_of, &[("date", &self.date(iso))])
    }

    /// The QR code's text alternative: "QR-Code mit der Adresse …".
    pub fn qr_alt(&self, url: &str) -> String {
        fill(self.qr_alt, &[("url", url)])
    }

    pub fn in_kreis(&self, kreis: &str) -> String {
        fill(self.in_kreis, &[("kreis", kreis)])
    }

    pub fn coverage_servicestellen(&self, total_year: u16, n: u32, year: u16) -> String {
        fill(
            self.coverage_servicestellen,
            &[
                ("total_year", &total_year.to_string()),
                ("n", &n.to_string()),
                ("year", &year.to_string()),
            ],
        )
    }

    pub fn source_read(&self, iso: &str) -> String {
        fill(self.source_read, &[("date", &self.date(iso))])
    }

    /// The source's own date, a year, year-month or day as the source gives it.
    pub fn source_dated(&self, date: &str) -> String {
        fill(self.source_dated, &[("date", &self.date(date))])
    }

    /// "Kontakt: Telefon, E-Mail".
    pub fn reach_own(&self, channels: &str) -> String {
        fill(self.reach_own, &[("channels", channels)])
    }

    /// "Angaben aus 2014 – bitte vor einem Besuch prüfen".
    pub fn check_old(&self, year: &str) -> String {
        fill(self.check_old, &[("year", year)])
    }

    /// The name of a field by its schema path (`contact.website` →
    /// "Website"), for the sources of single fields.
    pub fn field(&self, path: &str) -> &'static str {
        match path {
            "address.street" => self.field_street,
            "address.postcode" => self.field_postcode,
            "address.city" => self.field_city,
            "contact.phone" => self.field_phone,
            "contact.email" => self.field_email,
            "contact.website" => self.field_website,
            "carrier" => self.carrier_label,
            _ => self.field_location,
        }
    }

    /// A date `YYYY-MM-DD` as this language writes it; anything that is not
    /// an ISO date is returned unchanged.
    pub fn date(&self, iso: &str) -> String {
        let style = self.lang.date_style();
        if !style.uses_month_names() {
            return dotted_date(iso);
        }
        let Some((year, month, day)) = iso_parts(iso) else {
            return iso.to_owned();
        };
        let name = self.months.get(month - 1).copied().unwrap_or_default();
        match style {
            DateStyle::DayDotMonthYear => format!("{day}. {name} {year}"),
            _ => format!("{day} {name} {year}"),
        }
    }

    pub fn coverage(&self, listed: usize, total: u32) -> String {
        let total_text = total.to_string();
        fill(
            self.coverage.form(self.lang, total as usize),
            &[("total", &total_text), ("listed", &listed.to_string())],
        )
    }

    pub fn error_not_found(&self, status: u16) -> String {
        fill(self.error_not_found, &[("status", &status.to_string())])
    }

    pub fn radius_km(&self, r: u16) -> String {
        fill(self.radius_km, &[("r", &r.to_string())])
    }

    pub fn nearest_instead(&self, r: u16, n: usize) -> String {
        self.count(&self.nearest_instead, n, &[("r", &r.to_string())])
    }

    pub fn place_gap(&self, place: &str) -> String {
        fill(self.place_gap, &[("place", place)])
    }

    pub fn place_gap_nearest(&self, n: usize) -> String {
        self.count(&self.place_gap_nearest, n, &[])
    }

    pub fn sada_far(&self, distance: &str) -> String {
        fill(self.sada_far, &[("distance", distance)])
    }

    pub fn origin_label(&self, place: &str) -> String {
        fill(self.origin_label, &[("place", place)])
    }

    pub fn offer(&self, offer: Offer) -> &'static str {
        self.offers[offer.index()]
    }

    pub fn topic(&self, topic: Topic) -> &'static str {
        self.topics[topic.index()]
    }

    pub fn umbrella(&self, umbrella: Umbrella) -> &'static str {
        self.umbrellas[umbrella.index()]
    }

    fn count(&self, plural: &Plural, n: usize, args: &[(&str, &str)]) -> String {
        let n_text = n.to_string();
        let mut all = vec![("n", n_text.as_str())];
        all.extend_from_slice(args);
        fill(plural.form(self.lang, n), &all)
    }
}

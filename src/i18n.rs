//! Every user-visible string of the app, read from one translator-editable
//! file per language: `locales/<tag>.json` (format and how to edit it: docs/i18n.md).
//!
//! German is compiled in (`include_str!`), so a German page needs no fetch;
//! another language's file is fetched at start (see [`crate::load::load_texts`]),
//! checked against the key table below and turned into a [`Texts`] that lives
//! for the rest of the page. A file that is missing or does not pass the check
//! leaves the page in German, with a notice.
//!
//! The rules stay code: which plural category a number takes
//! ([`Lang::plural_category`]) and how a date is put together
//! ([`Lang::date_style`]); the words (plural forms, month names) are data.
//! Labels of the closed vocabularies (offers, topics, umbrellas) are looked up
//! by their enum, so the UI never shows a raw code. Agency names, addresses and
//! other data stay as in the source (German) and are marked `lang="de"`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use ia_core::{Offer, Precision, Topic, Umbrella};

#[cfg(test)]
mod tests;

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    De,
    DeLs,
    En,
    Tr,
    Ar,
    Fa,
    Uk,
    Ru,
}

impl Lang {
    /// Every language, in the switcher's order. index.html's
    /// `<meta name="ia-langs">` (read by public/gate.js) lists the same tags.
    pub const ALL: &'static [Lang] = &[
        Lang::De,
        Lang::DeLs,
        Lang::En,
        Lang::Tr,
        Lang::Ar,
        Lang::Fa,
        Lang::Uk,
        Lang::Ru,
    ];

    /// BCP 47 tag, for `<html lang>`, the `lang` URL parameter and the
    /// language file's name. Leichte Sprache has no registered subtag: a
    /// private-use one.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::DeLs => "de-x-ls",
            Lang::En => "en",
            Lang::Tr => "tr",
            Lang::Ar => "ar",
            Lang::Fa => "fa",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
        }
    }

    /// The language file, relative to the document's base.
    pub fn file_url(self) -> String {
        format!("locales/{}.json", self.tag())
    }

    /// Writing direction, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar | Lang::Fa => "rtl",
            Lang::De | Lang::DeLs | Lang::En | Lang::Tr | Lang::Uk | Lang::Ru => "ltr",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::DeLs => "Leichte Sprache",
            Lang::En => "English",
            Lang::Tr => "Türkçe",
            Lang::Ar => "العربية",
            Lang::Fa => "فارسی",
            Lang::Uk => "Українська",
            Lang::Ru => "Русский",
        }
    }

    /// The language for a BCP 47 tag such as `en-GB` or `de-x-ls` (case
    /// and `_` instead of `-` are accepted); `None` for other languages.
    /// public/gate.js matches tags the same way.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        if tag == "de-x-ls" {
            return Some(Lang::DeLs);
        }
        let primary = tag.split('-').next().unwrap_or_default();
        Lang::ALL
            .iter()
            .copied()
            .filter(|lang| *lang != Lang::DeLs)
            .find(|lang| lang.tag() == primary)
    }

    /// The first language of `preferred` (the `lang` parameter, then the
    /// browser's languages) that the app has; German otherwise.
    pub fn choose<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::De)
    }

    /// The language of this page: `?lang=`, then the browser's languages, then German.
    pub fn for_page() -> Lang {
        let Some(window) = web_sys::window() else {
            return Lang::De;
        };
        let from_url = crate::page_param("lang");
        let browser: Vec<String> = window
            .navigator()
            .languages()
            .iter()
            .filter_map(|value| value.as_string())
            .collect();
        Lang::choose(from_url.iter().chain(browser.iter()).map(String::as_str))
    }

    /// The plural categories (CLDR names) this language's rule gives whole
    /// numbers; a counted message has one form for each (see [`Self::plural_category`]).
    pub fn plural_categories(self) -> &'static [Category] {
        use Category::*;
        match self {
            Lang::De | Lang::DeLs | Lang::En | Lang::Tr | Lang::Fa => &[One, Other],
            Lang::Uk | Lang::Ru => &[One, Few, Many],
            Lang::Ar => &[Zero, One, Two, Few, Many, Other],
        }
    }

    /// The plural category of a whole number. German, English, Turkish and
    /// Persian: `one` for exactly 1 (Turkish and Persian nouns stay singular
    /// after a numeral, so their `one` and `other` forms are usually the same,
    /// but a sentence may still word "the nearest one" differently).
    pub fn plural_category(self, n: usize) -> Category {
        match self {
            Lang::De | Lang::DeLs | Lang::En | Lang::Tr | Lang::Fa => {
                if n == 1 {
                    Category::One
                } else {
                    Category::Other
                }
            }
            Lang::Uk | Lang::Ru => slavic_plural(n),
            Lang::Ar => plural_ar(n),
        }
    }

    /// How this language writes a date.
    pub fn date_style(self) -> DateStyle {
        match self {
            Lang::De | Lang::Tr | Lang::Uk | Lang::Ru => DateStyle::Dotted,
            Lang::DeLs => DateStyle::DayDotMonthYear,
            Lang::En | Lang::Ar | Lang::Fa => DateStyle::DayMonthYear,
        }
    }
}

/// A CLDR plural category. `Zero` is also the name of the optional form for
/// the number 0 in every language ("No agencies found").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::Zero,
        Category::One,
        Category::Two,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    /// The suffix of a counted message's key: `n_found.one`.
    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }
}

/// The CLDR plural category of a whole number in Russian and Ukrainian
/// (one: 1, 21, 31 …; few: 2–4, 22–24 …; many: 0, 5–20, 25–30 …, 11–14).
pub fn slavic_plural(n: usize) -> Category {
    match (n % 10, n % 100) {
        (1, rem100) if rem100 != 11 => Category::One,
        (2..=4, rem100) if !(12..=14).contains(&rem100) => Category::Few,
        _ => Category::Many,
    }
}

/// The CLDR plural category of a whole number in Arabic (zero, one, two,
/// few = 3–10, many = 11–99, other = 100–102 …, all by `n % 100`).
pub fn plural_ar(n: usize) -> Category {
    match (n, n % 100) {
        (0, _) => Category::Zero,
        (1, _) => Category::One,
        (2, _) => Category::Two,
        (_, 3..=10) => Category::Few,
        (_, 11..=99) => Category::Many,
        _ => Category::Other,
    }
}

/// How a language puts a date together; month names come from its file
/// (`month.1` … `month.12`) where the style uses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// `24.11.2026` (German, Turkish, Ukrainian, Russian): no words.
    Dotted,
    /// `24 November 2026` (English, Arabic, Persian; Western digits).
    DayMonthYear,
    /// `24. November 2026` (Leichte Sprache).
    DayDotMonthYear,
}

impl DateStyle {
    pub fn uses_month_names(self) -> bool {
        self != DateStyle::Dotted
    }
}

/// `2026-11-24` → `24.11.2026`; anything that is not an ISO date is returned unchanged.
pub fn dotted_date(iso: &str) -> String {
    match iso_parts(iso) {
        Some((year, month, day)) => format!("{day:02}.{month:02}.{year}"),
        None => iso.to_owned(),
    }
}

/// `(year, month 1–12, day 1–31)` of an ISO date `YYYY-MM-DD`.
fn iso_parts(iso: &str) -> Option<(&str, usize, u8)> {
    let (year, rest) = iso.split_once('-')?;
    let (month, day) = rest.split_once('-')?;
    let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return None;
    }
    let month = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    let day = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((year, month, day))
}

/// The forms of one counted message, by [`Category`]; `Zero` is optional
/// (for 0) unless the language's rule has it.
struct Plural([&'static str; 6]);

impl Plural {
    fn form(&self, lang: Lang, n: usize) -> &'static str {
        let zero = self.0[Category::Zero as usize];
        if n == 0 && !zero.is_empty() {
            return zero;
        }
        self.0[lang.plural_category(n) as usize]
    }
}

/// Puts values into a message's `{name}` placeholders.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(arg, _)| *arg == name)
                .map(|(_, value)| (close, *value))
        }) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Declares the keys of the language files once: the [`Texts`] fields, the
/// reader that fills them (and reports missing, extra and empty keys and
/// wrong placeholders) and the key lists the tests use all come from here.
///
/// * `text`: a plain string, a public `&'static str` field.
/// * `template`: a string with `{placeholders}`, read through the method of
///   the same name.
/// * `plural`: a counted message, one key per plural category of the
///   language (`key.one`, `key.other` …, optionally `key.zero` for 0); the
///   first placeholder is the count, which the `zero`, `one` and `two` forms
///   may leave out ("1 agency found", "No agencies found").
macro_rules! texts {
    (
        text { $($(#[$text_meta:meta])* $text:ident,)* }
        template { $($(#[$template_meta:meta])* $template:ident($($template_arg:ident),*),)* }
        plural { $($(#[$plural_meta:meta])* $plural:ident($count:ident $(, $plural_arg:ident)*),)* }
    ) => {
        /// The strings of one language, read from its file.
        pub struct Texts {
            /// BCP 47 tag of this language, for `lang` attributes on UI text inside data.
            pub lang_tag: &'static str,
            lang: Lang,
            /// The character between a number's whole and decimal part.
            pub decimal_separator: char,
            $($(#[$text_meta])* pub $text: &'static str,)*
            $($(#[$template_meta])* $template: &'static str,)*
            $($(#[$plural_meta])* $plural: Plural,)*
            offers: Vec<&'static str>,
            topics: Vec<&'static str>,
            umbrellas: Vec<&'static str>,
            positions: Vec<&'static str>,
            months: Vec<&'static str>,
        }

        /// Keys of plain strings.
        #[cfg(test)]
        pub(crate) const TEXT_KEYS: &[&str] = &[$(stringify!($text)),*];
        /// Keys of strings with placeholders, with the placeholders' names.
        #[cfg(test)]
        pub(crate) const TEMPLATE_KEYS: &[(&str, &[&str])] =
            &[$((stringify!($template), &[$(stringify!($template_arg)),*])),*];
        /// Keys of counted messages, with the count's name and the other placeholders.
        #[cfg(test)]
        pub(crate) const PLURAL_KEYS: &[(&str, &str, &[&str])] =
            &[$((stringify!($plural), stringify!($count), &[$(stringify!($plural_arg)),*])),*];

        impl Texts {
            fn read_from(reader: &mut Reader) -> Texts {
                Texts {
                    lang_tag: reader.lang.tag(),
                    lang: reader.lang,
                    decimal_separator: reader.decimal_separator(),
                    $($text: reader.text(stringify!($text), &[]),)*
                    $($template: reader.text(stringify!($template), &[$(stringify!($template_arg)),*]),)*
                    $($plural: reader.plural(
                        stringify!($plural),
                        stringify!($count),
                        &[$(stringify!($plural_arg)),*],
                    ),)*
                    offers: reader.vocabulary("offer", Offer::ALL, Offer::code),
                    topics: reader.vocabulary("topic", Topic::ALL, Topic::code),
                    umbrellas: reader.vocabulary("umbrella", Umbrella::ALL, Umbrella::code),
                    positions: reader.vocabulary("approximate_position", Precision::ALL, Precision::code),
                    months: reader.months(),
                }
            }
        }
    };
}

texts! {
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
    }
    template {
        /// The button under a long list: show `n` more entries.
        show_more(n),
        as_of(date),
        /// In the detail's source line: when the source was read.
        source_read(date),
        /// In the detail's source line: the source's own date ("2021").
        source_dated(date),
        /// The newest evidence is older than three years.
        not_confirmed_since(date),
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
    /// The language these texts are in.
    pub fn lang(&self) -> Lang {
        self.lang
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

    pub fn as_of(&self, iso: &str) -> String {
        fill(self.as_of, &[("date", &self.date(iso))])
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

    pub fn not_confirmed_since(&self, date: &str) -> String {
        fill(self.not_confirmed_since, &[("date", &self.date(date))])
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

    /// Reads a language file. The texts come back even when there are
    /// problems (missing keys are then empty), with the list of problems:
    /// missing, extra or empty keys, placeholders that differ from the key
    /// table, unknown `needs_review` keys, or a file that is no JSON.
    pub fn read(lang: Lang, json: &str) -> (Texts, Vec<String>) {
        let (messages, needs_review, mut problems) = match serde_json::from_str::<LocaleFile>(json)
        {
            Ok(file) => (file.messages, file.needs_review, Vec::new()),
            Err(err) => (
                BTreeMap::new(),
                Vec::new(),
                vec![format!("not a language file: {err}")],
            ),
        };
        problems.extend(
            needs_review
                .iter()
                .filter(|key| !messages.contains_key(*key))
                .map(|key| format!("needs_review names an unknown key: {key}")),
        );
        let mut reader = Reader {
            lang,
            messages,
            problems: Vec::new(),
        };
        let texts = Texts::read_from(&mut reader);
        problems.append(&mut reader.problems);
        problems.extend(
            reader
                .messages
                .keys()
                .map(|key| format!("{key}: unknown key")),
        );
        (texts, problems)
    }
}

/// A language file: `{ "needs_review": [keys], "messages": { key: text } }`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LocaleFile {
    /// Keys whose text a native speaker should still check.
    #[serde(default)]
    needs_review: Vec<String>,
    messages: BTreeMap<String, String>,
}

/// Takes the messages out of a parsed file one key at a time, noting problems.
struct Reader {
    lang: Lang,
    messages: BTreeMap<String, String>,
    problems: Vec<String>,
}

impl Reader {
    /// The text of `key`, checked to have exactly the placeholders `args`.
    fn text(&mut self, key: &str, args: &[&str]) -> &'static str {
        let text = self.take(key);
        self.check(key, text, args, None);
        text
    }

    fn take(&mut self, key: &str) -> &'static str {
        match self.messages.remove(key) {
            Some(text) => {
                let may_be_empty = self.lang == Lang::De && key == EMPTY_IN_GERMAN;
                if text.trim().is_empty() && !may_be_empty {
                    self.problems.push(format!("{key}: empty"));
                }
                Box::leak(text.into_boxed_str())
            }
            None => {
                self.problems.push(format!("{key}: missing"));
                ""
            }
        }
    }

    /// Notes a problem unless `text`'s placeholders are `args` (plus `count`,
    /// which may be left out when `count_optional`).
    fn check(&mut self, key: &str, text: &str, args: &[&str], count: Option<(&str, bool)>) {
        let mut found = match placeholders(text) {
            Ok(found) => found,
            Err(problem) => {
                self.problems.push(format!("{key}: {problem}"));
                return;
            }
        };
        let mut want: Vec<&str> = args.to_vec();
        if let Some((count, optional)) = count {
            if optional {
                found.retain(|name| *name != count);
            } else {
                want.push(count);
            }
        }
        want.sort_unstable();
        if !text.is_empty() && found != want {
            self.problems.push(format!(
                "{key}: placeholders {found:?}, the key table says {want:?}"
            ));
        }
    }

    fn plural(&mut self, key: &str, count: &str, args: &[&str]) -> Plural {
        let mut forms = [""; 6];
        let required = self.lang.plural_categories();
        for category in Category::ALL {
            let full = format!("{key}.{}", category.name());
            let optional_zero = category == Category::Zero && !required.contains(&category);
            if !required.contains(&category) && !optional_zero {
                continue; // left in the map: reported as unknown if present
            }
            if optional_zero && !self.messages.contains_key(&full) {
                continue;
            }
            let text = self.take(&full);
            let count_optional = matches!(category, Category::Zero | Category::One | Category::Two);
            self.check(&full, text, args, Some((count, count_optional)));
            forms[category as usize] = text;
        }
        Plural(forms)
    }

    fn vocabulary<T: Copy>(
        &mut self,
        family: &str,
        all: &[T],
        code: fn(T) -> &'static str,
    ) -> Vec<&'static str> {
        all.iter()
            .map(|&value| self.text(&format!("{family}.{}", code(value)), &[]))
            .collect()
    }

    fn months(&mut self) -> Vec<&'static str> {
        if !self.lang.date_style().uses_month_names() {
            return Vec::new();
        }
        (1..=12)
            .map(|month| self.text(&format!("month.{month}"), &[]))
            .collect()
    }

    fn decimal_separator(&mut self) -> char {
        let text = self.text("decimal_separator", &[]);
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => c,
            _ => {
                if !text.is_empty() {
                    self.problems
                        .push("decimal_separator: must be one character".to_owned());
                }
                ','
            }
        }
    }
}

/// The `{name}` placeholders of a message (sorted, each once), or why its
/// braces are wrong.
fn placeholders(text: &str) -> Result<Vec<&str>, String> {
    let mut found = Vec::new();
    let mut rest = text;
    loop {
        let open = rest.find('{');
        let close = rest.find('}');
        match (open, close) {
            (None, None) => {
                found.sort_unstable();
                found.dedup();
                return Ok(found);
            }
            (Some(open), Some(close)) if open < close => {
                let name = &rest[open + 1..close];
                if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                    return Err(format!("bad placeholder {{{name}}}"));
                }
                found.push(name);
                rest = &rest[close + 1..];
            }
            _ => return Err("unmatched { or }".to_owned()),
        }
    }
}

/// German, compiled in.
const GERMAN_FILE: &str = include_str!("../locales/de.json");

/// The German texts (read once; a problem in de.json is caught by the tests).
pub fn german() -> &'static Texts {
    static GERMAN: OnceLock<&'static Texts> = OnceLock::new();
    GERMAN.get_or_init(|| Box::leak(Box::new(Texts::read(Lang::De, GERMAN_FILE).0)))
}

/// Reads a fetched language file; `Err` with the problems if it does not
/// pass the check (then the page stays German).
pub fn texts_from_file(lang: Lang, json: &str) -> Result<&'static Texts, Vec<String>> {
    if lang == Lang::De {
        return Ok(german());
    }
    match Texts::read(lang, json) {
        (texts, problems) if problems.is_empty() => Ok(Box::leak(Box::new(texts))),
        (_, problems) => Err(problems),
    }
}

static PAGE_TEXTS: OnceLock<&'static Texts> = OnceLock::new();

/// Records the texts this page shows (once, at start).
pub fn set_page_texts(texts: &'static Texts) {
    let _ = PAGE_TEXTS.set(texts);
}

/// The texts the page shows, for code that runs outside the reactive tree
/// (the panic hook); German until the page's language is loaded.
pub fn texts_for_document() -> &'static Texts {
    PAGE_TEXTS.get().copied().unwrap_or_else(german)
}

/// Shown when the chosen language's file could not be loaded, in German
/// and English (the page is then German, and there are no other texts).
pub const LANGUAGE_FAILED_DE: &str =
    "Die gewählte Sprache konnte nicht geladen werden – die Seite ist auf Deutsch.";
pub const LANGUAGE_FAILED_EN: &str = "The chosen language could not be loaded.";

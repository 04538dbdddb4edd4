//! The interface languages and their rules: tags, writing direction, which
//! plural category a number takes and how a date is put together. The words
//! themselves (plural forms, month names) are in the language files.

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
    /// Every language, in the switcher's order; the first is the default
    /// (the prerendered view's). The build writes them into index.html's
    /// `<meta name="ia-langs">` for public/gate.js ([`Lang::gate_langs`]).
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
    /// and `_` instead of `-` are accepted): the language whose tag is the
    /// whole tag, else the one whose tag is its first subtag; `None` for
    /// other languages. public/gate.js matches tags the same way.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let primary = tag.split('-').next().unwrap_or_default();
        let find = |wanted: &str| Lang::ALL.iter().copied().find(|lang| lang.tag() == wanted);
        find(&tag).or_else(|| find(primary))
    }

    /// What index.html's `<meta name="ia-langs">` says for public/gate.js,
    /// which has no language list or rule of its own: every tag of
    /// [`Lang::ALL`] in order, `:rtl` after a right-to-left one.
    pub fn gate_langs() -> String {
        gate_langs(Lang::ALL.iter().map(|lang| (lang.tag(), lang.dir())))
    }

    /// The first language of `preferred` (the `lang` parameter, then the
    /// browser's languages) that the app has; German otherwise.
    pub fn choose<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::ALL[0])
    }

    /// The language of this page: `requested` (the page's `lang`
    /// parameter), then the browser's languages, then German.
    pub fn for_page(requested: Option<&str>) -> Lang {
        if let Some(lang) = requested.and_then(Lang::from_tag) {
            return lang;
        }
        let browser: Vec<String> = web_sys::window()
            .map(|window| {
                window
                    .navigator()
                    .languages()
                    .iter()
                    .filter_map(|value| value.as_string())
                    .collect()
            })
            .unwrap_or_default();
        Lang::choose(browser.iter().map(String::as_str))
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
pub(super) fn iso_parts(iso: &str) -> Option<(&str, usize, u8)> {
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

/// `(tag, direction)` pairs as `<meta name="ia-langs">` lists them: `de en
/// ar:rtl`. A table of its own so that a test can add a language.
pub fn gate_langs<'a>(langs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    langs
        .into_iter()
        .map(|(tag, dir)| match dir {
            "rtl" => format!("{tag}:rtl"),
            _ => tag.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

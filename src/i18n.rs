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

use std::sync::OnceLock;

mod file;
mod lang;
mod template;
#[cfg(test)]
mod tests;
mod texts;

pub use file::{read_file, Plural, Reader};
pub use lang::{dotted_date, plural_ar, slavic_plural, Category, DateStyle, Lang};
pub use template::{fill, placeholders};
pub use texts::Texts;

#[cfg(test)]
const TEXT_KEYS: &[&str] = Texts::TEXT_KEYS;
#[cfg(test)]
const TEMPLATE_KEYS: &[(&str, &[&str])] = Texts::TEMPLATE_KEYS;
#[cfg(test)]
const PLURAL_KEYS: &[(&str, &str, &[&str])] = Texts::PLURAL_KEYS;

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

//! Readable ASCII slugs: record ids (`ia-datatool`), the static pages' file
//! names and `place=koeln` in the URL (`crate::pages`).
//!
//! One rule for all of them, so a place's page name and its URL parameter
//! agree: transliterated (`ä→ae`, `ö→oe`, `ü→ue`, `ß→ss`, common accents
//! dropped), apostrophes removed, every other run of non-alphanumeric
//! characters one hyphen. Lower-casing uses the core's own table
//! ([`crate::text::lowercase`]), so the app's Wasm build does not link
//! `char::to_lowercase`.

use crate::text::lowercase;

/// Lower-case ASCII transliteration: `ä→ae`, `ö→oe`, `ü→ue`, `ß→ss`, common
/// accents dropped. Other characters are returned unchanged (lower-cased).
pub fn transliterate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(lowercase) {
        match c {
            'ä' | 'æ' => out.push_str("ae"),
            'ö' | 'ø' | 'œ' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'à' | 'á' | 'â' | 'ã' | 'å' => out.push('a'),
            'ç' | 'č' | 'ć' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' | 'ń' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' => out.push('o'),
            'ù' | 'ú' | 'û' => out.push('u'),
            'š' | 'ś' => out.push('s'),
            'ž' | 'ź' | 'ż' => out.push('z'),
            'ł' => out.push('l'),
            other => out.push(other),
        }
    }
    out
}

/// `[a-z0-9]+(-[a-z0-9]+)*`: transliterated, apostrophes removed, every other
/// run of non-alphanumeric characters turned into one hyphen.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in transliterate(text).chars() {
        if c == '\'' || c == '’' {
            continue;
        }
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c);
        } else {
            pending_hyphen = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::is_slug;
    use proptest::prelude::*;

    #[test]
    fn german_names_become_readable_slugs() {
        assert_eq!(slug("Köln"), "koeln");
        assert_eq!(slug("Mülheim an der Ruhr"), "muelheim-an-der-ruhr");
        assert_eq!(slug("Städteregion Aachen"), "staedteregion-aachen");
        assert_eq!(slug("Märkischer Kreis"), "maerkischer-kreis");
        assert_eq!(slug("GROSSE Straße"), "grosse-strasse");
        assert_eq!(slug("Caritas' Büro (Süd)"), "caritas-buero-sued");
        assert_eq!(slug("  --  "), "");
        assert_eq!(transliterate("ÉÀÇ"), "eac");
    }

    proptest! {
        /// Any text gives a valid slug (or nothing), and a slug is its own slug.
        #[test]
        fn slugs_are_slugs(text in "\\PC{0,40}") {
            let s = slug(&text);
            prop_assert!(s.is_empty() || is_slug(&s), "{s:?}");
            prop_assert_eq!(slug(&s), s.clone());
        }
    }
}

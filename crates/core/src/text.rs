//! Text normalisation ("folding") for the free-text search.
//!
//! A user types "koln", "Muelheim" or "STRASSE" and expects to find "Köln",
//! "Mülheim an der Ruhr" and "Straße". Both the searched text (the haystack)
//! and the query (the needle) are therefore passed through the same [`fold`]
//! before a plain substring test. Because the same function is applied to both
//! sides, the rules only need to be consistent, not linguistically exact.
//!
//! This module must not know about agencies or filters; it works on plain
//! strings, allocates only the folded result and never panics.

/// Folds text for case-, accent- and umlaut-insensitive search.
///
/// The rules, applied in this order:
/// 1. Lowercase with [`lowercase`] (Latin, Greek, Cyrillic, Armenian and
///    full-width letters; other scripts are caseless or kept as they are).
/// 2. `ä`→`a`, `ö`→`o`, `ü`→`u`, `ß`→`ss`, and common Latin letters with
///    diacritics lose them (`é`→`e`, `ç`→`c`, `ş`→`s`, `ğ`→`g`, dotless `ı`→`i`,
///    `ł`→`l`, `ø`→`o`, …); `æ`/`œ` become `ae`/`oe`; combining marks
///    (U+0300–U+036F, as in decomposed "u\u{308}") are dropped.
/// 3. Every character that is not a letter or digit (punctuation such as
///    `-`, `.`, `,`, `/`, and all white space) separates words; runs of
///    separators become a single space, and there is none at either end.
/// 4. An `e` directly after `a`, `o` or `u` is dropped, so the German
///    transliterations "ae", "oe", "ue" equal the folded umlauts: "Muelheim"
///    and "Mülheim" both become "mulheim". Repeated `e`s are all dropped
///    ("aee" → "a"), which keeps `fold` idempotent.
///
/// Known limitation of rule 4: a query that starts in the middle of such a
/// digraph does not match, e.g. "est" does not find "Soest" (folded "sost").
/// Whole words and word beginnings, which is what people type, are unaffected.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    // True when the last thing pushed was a word separator (or nothing yet),
    // so that separators collapse and never lead.
    let mut after_separator = true;
    for c in text.chars() {
        match fold_char(lowercase(c)) {
            FoldedChar::Drop => {}
            FoldedChar::Separator => {
                if !after_separator {
                    folded.push(' ');
                    after_separator = true;
                }
            }
            FoldedChar::One(c) => push_letter(&mut folded, c, &mut after_separator),
            FoldedChar::Two(first, second) => {
                push_letter(&mut folded, first, &mut after_separator);
                push_letter(&mut folded, second, &mut after_separator);
            }
        }
    }
    if folded.ends_with(' ') {
        folded.pop();
    }
    folded
}

/// True when every word of the folded `needle` occurs somewhere in
/// `haystack_folded` (which must already be the result of [`fold`]).
///
/// Words are matched as substrings, so "düssel" finds "Düsseldorf". A needle
/// without any words (empty, or only punctuation) matches everything.
pub fn matches_all_words(haystack_folded: &str, needle: &str) -> bool {
    fold(needle)
        .split(' ')
        .filter(|word| !word.is_empty())
        .all(|word| haystack_folded.contains(word))
}

/// The folded words of a query, for callers that test many haystacks against
/// one query and so should fold it only once.
pub fn folded_words(needle: &str) -> Vec<String> {
    fold(needle)
        .split(' ')
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The lowercase form of `c` in the cased alphabets people use to write
/// names and addresses in NRW: Latin (Basic, Latin-1, Extended-A, the common
/// letters of Extended-B, Extended Additional), Greek, Cyrillic, Armenian and
/// full-width Latin. Anything else is returned unchanged.
///
/// `char::to_lowercase` would cover every script, but its table adds about
/// 11 KB to the Wasm build (5 % of the size budget) for scripts no address
/// here is written in. The tests check this function against it for every
/// character of the covered blocks. `İ` becomes a plain `i` (the standard
/// gives `i` plus a combining dot, which [`fold`] drops anyway).
pub fn lowercase(c: char) -> char {
    let code = u32::from(c);
    let even = code % 2 == 0;
    let lower = match code {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde => code + 32,
        0x130 => u32::from('i'),
        0x178 => 0xff,
        0x100..=0x12f | 0x132..=0x137 | 0x14a..=0x177 if even => code + 1,
        0x139..=0x148 | 0x179..=0x17e if !even => code + 1,
        // Latin Extended-B: Ơ, Ư (Vietnamese), Ǎ…Ǜ (pinyin), Ǟ…Ǯ, Ǹ…Ȳ
        // (with Romanian Ș, Ț).
        0x1a0 | 0x1de..=0x1ef | 0x1f8..=0x21f | 0x222..=0x233 if even => code + 1,
        0x1af | 0x1cd..=0x1dc if !even => code + 1,
        // Greek.
        0x386 => 0x3ac,
        0x388..=0x38a => code + 37,
        0x38c => 0x3cc,
        0x38e | 0x38f => code + 63,
        0x391..=0x3a1 | 0x3a3..=0x3ab => code + 32,
        0x3d8..=0x3ef if even => code + 1,
        // Cyrillic.
        0x400..=0x40f => code + 80,
        0x410..=0x42f => code + 32,
        0x4c0 => 0x4cf,
        0x460..=0x481 | 0x48a..=0x4bf | 0x4d0..=0x52f if even => code + 1,
        0x4c1..=0x4ce if !even => code + 1,
        // Armenian.
        0x531..=0x556 => code + 48,
        // Latin Extended Additional (Vietnamese and others), capital ẞ.
        0x1e00..=0x1e95 | 0x1ea0..=0x1eff if even => code + 1,
        0x1e9e => 0xdf,
        // Full-width Latin capitals.
        0xff21..=0xff3a => code + 32,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Explicit bidirectional formatting characters (embeddings, overrides,
/// isolates and marks). In data they can reverse the app's own text next to
/// them, so the loader removes them and the URL parser drops them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Removes [`is_bidi_control`] characters in place.
pub fn strip_bidi_controls(text: &mut String) {
    if text.contains(is_bidi_control) {
        text.retain(|c| !is_bidi_control(c));
    }
}

/// What one lowercase character becomes.
enum FoldedChar {
    Drop,
    Separator,
    One(char),
    Two(char, char),
}

/// Pushes one folded letter or digit, applying the digraph rule (an `e` right
/// after `a`, `o` or `u` is dropped).
fn push_letter(folded: &mut String, c: char, after_separator: &mut bool) {
    if c == 'e' && !*after_separator && folded.ends_with(['a', 'o', 'u']) {
        return;
    }
    folded.push(c);
    *after_separator = false;
}

/// Maps one already lowercased character.
fn fold_char(c: char) -> FoldedChar {
    use FoldedChar::{Drop, One, Separator, Two};
    if c.is_ascii_alphanumeric() {
        return One(c);
    }
    if c.is_ascii() {
        return Separator;
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ'
        | 'ắ' | 'ằ' | 'ặ' => One('a'),
        'æ' => Two('a', 'e'),
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => One('c'),
        'ď' | 'đ' | 'ð' => One('d'),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ệ' => {
            One('e')
        }
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' => One('g'),
        'ĥ' | 'ħ' => One('h'),
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ị' => One('i'),
        'ĵ' => One('j'),
        'ķ' => One('k'),
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => One('l'),
        'ñ' | 'ń' | 'ņ' | 'ň' => One('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'ọ' | 'ố' | 'ồ' | 'ộ'
        | 'ớ' | 'ờ' | 'ợ' => One('o'),
        'œ' => Two('o', 'e'),
        'ŕ' | 'ŗ' | 'ř' => One('r'),
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => One('s'),
        'ß' => Two('s', 's'),
        'ţ' | 'ť' | 'ŧ' | 'ț' => One('t'),
        'þ' => Two('t', 'h'),
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ụ' | 'ứ' | 'ừ'
        | 'ự' => One('u'),
        'ŵ' => One('w'),
        'ý' | 'ÿ' | 'ŷ' | 'ỳ' => One('y'),
        'ź' | 'ż' | 'ž' => One('z'),
        // Combining diacritical marks, as left by decomposed (NFD) input.
        '\u{0300}'..='\u{036f}' => Drop,
        // Other scripts (Cyrillic, Greek, Arabic, …) are kept as lowercased,
        // so that a search in them still works letter by letter.
        _ if c.is_alphanumeric() => One(c),
        _ => Separator,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The standard library's lowercase of `c` when it is a single character.
    fn std_lowercase(c: char) -> Option<char> {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(single), None) => Some(single),
            _ => None,
        }
    }

    #[test]
    fn lowercase_agrees_with_the_standard_in_the_covered_blocks() {
        let covered = [
            0x0000..=0x017f,
            0x01a0..=0x01a1,
            0x01af..=0x01b0,
            0x01cd..=0x01dc,
            0x01de..=0x01ef,
            0x01f8..=0x021f,
            0x0222..=0x0233,
            0x0386..=0x03ab,
            0x03d8..=0x03ef,
            0x0400..=0x058f,
            0x1e00..=0x1eff,
            0xff00..=0xffef,
        ];
        for code in covered.into_iter().flatten() {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            match std_lowercase(c) {
                Some(expected) => assert_eq!(lowercase(c), expected, "U+{code:04X}"),
                None => assert_eq!(fold(&c.to_string()), fold(&c.to_lowercase().to_string())),
            }
        }
    }

    #[test]
    fn lowercase_is_never_wrong_elsewhere() {
        // Outside the covered blocks a character is kept or lowercased as the
        // standard does, never turned into something else.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let lower = lowercase(c);
            assert!(
                lower == c || Some(lower) == std_lowercase(c) || c == 'İ',
                "{c:?}"
            );
        }
    }

    #[track_caller]
    fn check_fold(input: &str, expected: &str) {
        assert_eq!(fold(input), expected, "fold({input:?})");
    }

    #[track_caller]
    fn check_match(haystack: &str, needle: &str, expected: bool) {
        assert_eq!(
            matches_all_words(&fold(haystack), needle),
            expected,
            "{needle:?} in {haystack:?}"
        );
    }

    #[test]
    fn fold_rules() {
        check_fold("Köln", "koln");
        check_fold("DÜSSELDORF", "dusseldorf");
        check_fold("Straße", "strasse");
        check_fold("STRASSE", "strasse");
        check_fold("ẞ", "ss");
        check_fold("Mülheim an der Ruhr", "mulheim an der ruhr");
        check_fold("Muelheim", "mulheim");
        check_fold("Düren", "duren");
        check_fold("Dueren", "duren");
        check_fold("Goethe", "gothe");
        check_fold("Raesfeld", "rasfeld");
        check_fold("Sint-Truiden", "sint truiden");
        check_fold("St. Augustin", "st augustin");
        check_fold("  a  ,, b//c.d-e  ", "a b c d e");
        check_fold("Çiğdem Şahin", "cigdem sahin");
        check_fold("Işık", "isik");
        check_fold("İstanbul", "istanbul");
        check_fold("José Peña", "jose pena");
        check_fold("Crème brûlée", "creme brulee");
        check_fold("Bauer", "baur");
        check_fold("Łódź", "lodz");
        check_fold("u\u{0308}ber", "uber");
        check_fold("Москва", "москва");
        check_fold("", "");
        check_fold(" - . / ", "");
        check_fold("aee", "a");
        check_fold("a\u{202e}b", "a b");
        check_fold("\u{0}x\u{1f}", "x");
    }

    #[test]
    fn matching_examples() {
        check_match("Köln", "koln", true);
        check_match("Köln", "KÖLN", true);
        check_match("Hauptstraße 5", "strasse", true);
        check_match("Hauptstraße 5", "STRASSE 5", true);
        check_match("Mülheim an der Ruhr", "Muelheim", true);
        check_match("Mülheim an der Ruhr", "mülh ruhr", true);
        check_match("Muelheim", "Mülheim", true);
        check_match("DÜSSELDORF", "dusseldorf", true);
        check_match("Düsseldorf", "düssel", true);
        check_match("Integrationsagentur Köln-Mülheim", "koln mulheim", true);
        check_match("Köln", "koln bonn", false);
        check_match("Köln", "", true);
        check_match("Köln", " - ", true);
        check_match("Bonn", "koln", false);
        // FIXME: the digraph rule makes a needle that starts inside "oe" miss.
        check_match("Soest", "est", false);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn fold_is_idempotent_and_tidy(text in "\\PC{0,40}") {
            let once = fold(&text);
            prop_assert_eq!(fold(&once), once.clone());
            prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
            prop_assert!(once.chars().all(|c| c == ' ' || c.is_alphanumeric()));
        }

        #[test]
        fn a_text_always_matches_itself_and_its_words(text in "\\PC{0,40}") {
            let haystack = fold(&text);
            prop_assert!(matches_all_words(&haystack, &text));
            for word in text.split_whitespace() {
                prop_assert!(matches_all_words(&haystack, word), "{:?}", word);
            }
        }
    }
}

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
/// 1. Lowercase (full Unicode lowercasing).
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
    for lowercase_char in text.chars().flat_map(char::to_lowercase) {
        match fold_char(lowercase_char) {
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

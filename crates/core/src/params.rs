//! The page's parameters: everything its address says, read once when the
//! page starts, and the one place where a query string is put together.
//!
//! One query string carries three kinds of parameters:
//!
//! - the finder state ([`UrlState`], `crate::query`): filters, the open
//!   agency, "near me", the map view. The user changes it, and the app writes
//!   it back to the address;
//! - how the page is embedded ([`EmbedOptions`], `crate::embed`) and the
//!   interface language asked for (`lang`): fixed for the page's life;
//! - anything else (a partner's tracking parameter, a future option): kept.
//!
//! [`PageParams::from_pairs`] reads the already decoded pairs once (the app
//! takes them from the browser's `URLSearchParams`); every address the app
//! writes comes from [`PageParams::query_string`]: the finder state in its
//! canonical form, then every other parameter as it came, in its order.

use crate::embed::{EmbedOptions, EMBED_PARAMS};
use crate::query::{decode_query, encode_component, Param, UrlState};

/// The parameter that asks for an interface language (`lang=en`).
pub const LANG_PARAM: &str = "lang";

/// What the page's address says (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageParams {
    /// The first `lang` value as written; the app matches it to its
    /// languages (as `public/gate.js` does, which also takes the first).
    pub lang: Option<String>,
    /// How the page is embedded, settled against `finder`
    /// ([`EmbedOptions::settle`]).
    pub embed: EmbedOptions,
    /// The finder state the page was opened with: an embed's preset, which
    /// its locked facets keep.
    pub finder: UrlState,
    /// Every parameter the finder state does not own (`lang` and the embed
    /// options among them), decoded, in the address's order.
    kept: Vec<(String, String)>,
}

impl PageParams {
    /// Reads already decoded pairs. For the finder state and the embed
    /// options the last occurrence of a name wins; for `lang` the first.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> PageParams {
        let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        let finder = UrlState::from_pairs(pairs.iter().copied());
        let mut embed = EmbedOptions::from_pairs(pairs.iter().copied());
        embed.settle(&finder);
        let lang = pairs
            .iter()
            .find(|(name, _)| *name == LANG_PARAM)
            .map(|(_, value)| (*value).to_owned());
        let kept = pairs
            .iter()
            .filter(|(name, _)| Param::from_name(name).is_none())
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        PageParams {
            lang,
            embed,
            finder,
            kept,
        }
    }

    /// Reads a raw query string such as `?embed=1&lang=en&place=05315000`
    /// (a leading `?` is allowed; escapes are decoded leniently). The app
    /// reads the browser's decoding instead; this is for native code and tests.
    pub fn from_query_string(query: &str) -> PageParams {
        let pairs = decode_query(query);
        PageParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The query string (without `?`, empty when there is nothing to say)
    /// of this page showing `finder`: its parameters in canonical order
    /// ([`UrlState::to_query_string`]), then the kept ones, each encoded as
    /// `encodeURIComponent` does.
    pub fn query_string(&self, finder: &UrlState) -> String {
        let mut query = finder.to_query_string();
        for (name, value) in &self.kept {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&encode_component(name));
            query.push('=');
            query.push_str(&encode_component(value));
        }
        query
    }

    /// The address of this page at `path` showing `finder`.
    pub fn address(&self, path: &str, finder: &UrlState) -> String {
        match self.query_string(finder) {
            query if query.is_empty() => path.to_owned(),
            query => format!("{path}?{query}"),
        }
    }

    /// These parameters without the embedding: the full finder, for an
    /// embed's "open the full map" link.
    pub fn without_embedding(&self) -> PageParams {
        PageParams {
            embed: EmbedOptions::default(),
            kept: self
                .kept
                .iter()
                .filter(|(name, _)| !EMBED_PARAMS.contains(&name.as_str()))
                .cloned()
                .collect(),
            ..self.clone()
        }
    }
}

/// The query string of an embed, as the embed-code generator writes it:
/// the embed options, then the preset (the finder state, canonical), then
/// the language unless `None`. The options and the language are codes of
/// closed vocabularies (`place,sada`, `de-x-ls`), written as they are; the
/// finder reads it back as the same page ([`PageParams::from_query_string`]).
pub fn embed_query(finder: &UrlState, embed: &EmbedOptions, lang: Option<&str>) -> String {
    let mut pairs: Vec<String> = embed
        .to_pairs()
        .into_iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    let preset = finder.to_query_string();
    if !preset.is_empty() {
        pairs.push(preset);
    }
    pairs.extend(lang.map(|tag| format!("{LANG_PARAM}={tag}")));
    pairs.join("&")
}

/// A raw query string (`search`, with or without its `?`) asking for the
/// language `tag`: every `lang` parameter dropped, `lang=tag` added last,
/// every other parameter kept exactly as written. For the language switcher,
/// which reloads whichever page it is on (the finder or the embed-code
/// generator) and so does not read the address, it only swaps one parameter.
pub fn with_lang(search: &str, tag: &str) -> String {
    let mut query = String::new();
    for pair in search.trim_start_matches('?').split('&') {
        let name = pair.split_once('=').map_or(pair, |(name, _)| name);
        if !pair.is_empty() && name != LANG_PARAM {
            query.push_str(pair);
            query.push('&');
        }
    }
    query.push_str(LANG_PARAM);
    query.push('=');
    query.push_str(&encode_component(tag));
    query
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embed::{ListPosition, Lock};
    use crate::filter::PlaceFilter;
    use proptest::prelude::*;

    #[test]
    fn one_address_says_three_things() {
        let page = PageParams::from_query_string(
            "?utm_source=partner&embed=1&lang=en&lock=place&sada=TRUE&place=05315000&lang=ar&q=k%C3%B6ln+m%C3%BClheim",
        );
        assert_eq!(page.lang.as_deref(), Some("en"), "the first lang");
        assert!(page.embed.embed);
        assert!(page.embed.is_locked(Lock::Place));
        assert_eq!(
            page.finder.filters.place,
            Some(PlaceFilter::Municipality("05315000".into()))
        );
        assert!(page.finder.filters.antidiscrimination);
        assert_eq!(page.finder.filters.text, "köln mülheim");
        // The finder state in canonical form, the rest as it came.
        assert_eq!(
            page.query_string(&page.finder),
            "place=05315000&sada=1&q=k%C3%B6ln+m%C3%BClheim&utm_source=partner&embed=1&lang=en&lock=place&lang=ar"
        );
        assert_eq!(
            page.address("/ia/", &UrlState::default()),
            "/ia/?utm_source=partner&embed=1&lang=en&lock=place&lang=ar"
        );
        assert_eq!(
            PageParams::default().address("/ia/", &UrlState::default()),
            "/ia/"
        );
    }

    #[test]
    fn the_full_finder_without_the_embedding() {
        let page = PageParams::from_query_string("embed=1&list=bottom&lang=tr&x=a%20b&hide=text");
        let full = page.without_embedding();
        assert_eq!(full.embed, EmbedOptions::default());
        assert_eq!(full.query_string(&page.finder), "lang=tr&x=a%20b");
        assert_eq!(page.embed.list, ListPosition::Bottom);
    }

    #[test]
    fn another_language_keeps_the_rest_as_written() {
        assert_eq!(with_lang("", "en"), "lang=en");
        assert_eq!(with_lang("?", "de-x-ls"), "lang=de-x-ls");
        assert_eq!(
            with_lang(
                "?lang=tr&offers=a,b&map=12/50.9/6.9&language=x&lang&q=a+b",
                "ar"
            ),
            "offers=a,b&map=12/50.9/6.9&language=x&q=a+b&lang=ar"
        );
        assert_eq!(with_lang("embed=1&&lang=en", "a b"), "embed=1&lang=a%20b");
    }

    #[test]
    fn a_hidden_control_with_a_preset_is_locked() {
        let page = PageParams::from_query_string("embed=1&hide=place&place=05315");
        assert!(page.embed.is_locked(Lock::Place));
    }

    #[test]
    fn the_generator_writes_what_the_page_reads() {
        let mut finder = UrlState::default();
        finder.filters.antidiscrimination = true;
        finder.filters.place = Some(PlaceFilter::Kreis("05382".into()));
        let embed = EmbedOptions {
            embed: true,
            locks: [Lock::Antidiscrimination, Lock::Place].into(),
            list: ListPosition::Bottom,
            ..EmbedOptions::default()
        };
        let query = embed_query(&finder, &embed, Some("de-x-ls"));
        assert_eq!(
            query,
            "embed=1&lock=place,sada&list=bottom&place=05382&sada=1&lang=de-x-ls"
        );
        let read = PageParams::from_query_string(&query);
        assert_eq!(read.finder, finder);
        assert_eq!(read.embed, embed);
        assert_eq!(read.lang.as_deref(), Some("de-x-ls"));
        assert_eq!(
            embed_query(&UrlState::default(), &EmbedOptions::default(), None),
            ""
        );
    }

    fn arbitrary_pairs() -> impl Strategy<Value = Vec<(String, String)>> {
        let name = prop_oneof![
            Just("lang".to_owned()),
            Just("embed".to_owned()),
            Just("lock".to_owned()),
            Just("hide".to_owned()),
            Just("sada".to_owned()),
            Just("place".to_owned()),
            Just("q".to_owned()),
            Just("near".to_owned()),
            Just("radius".to_owned()),
            "[a-z&=+% ]{1,5}",
        ];
        let value = prop_oneof![
            Just("1".to_owned()),
            Just("place,sada".to_owned()),
            Just("05315000".to_owned()),
            Just("10".to_owned()),
            "[a-zäö&=+%#/ ,]{0,8}",
        ];
        proptest::collection::vec((name, value), 0..8)
    }

    proptest! {
        /// What the app writes reads back as the same page.
        #[test]
        fn written_addresses_read_back(pairs in arbitrary_pairs()) {
            let page = PageParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            prop_assert_eq!(&page.finder, &UrlState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))));
            let again = PageParams::from_query_string(&page.query_string(&page.finder));
            prop_assert_eq!(&again, &page);
        }
    }
}

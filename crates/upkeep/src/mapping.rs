//! Mapping of the sourced free text onto the closed vocabularies of
//! `ia_core::vocab`: offers and topics (via the committed table
//! `data/offer-mapping.tsv`), umbrellas, counselling languages, and the
//! normalisation of web addresses.

use std::collections::{BTreeMap, BTreeSet};

use ia_core::{Offer, Topic, Umbrella};

use crate::slug::transliterate;
use crate::tsv::parse_tsv;
use crate::{Error, Result};

/// What one source text stands for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Codes {
    pub offers: Vec<Offer>,
    pub topics: Vec<Topic>,
    /// `kind:servicestelle`: the record is a Servicestelle für
    /// Antidiskriminierungsarbeit (adds `antidiscrimination_work` and `counselling`).
    pub servicestelle: bool,
}

/// The offer mapping table: source text (compared case-insensitively, with
/// white space collapsed) → codes.
#[derive(Debug, Clone, Default)]
pub struct OfferMapping {
    rows: BTreeMap<String, Codes>,
}

/// Key under which a source text is looked up.
fn text_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl OfferMapping {
    /// Parses `data/offer-mapping.tsv` (columns: source text, codes, note);
    /// errors start with `name:line`.
    pub fn parse(text: &str, name: &str) -> Result<OfferMapping> {
        let mut rows = BTreeMap::new();
        let mut errors = Vec::new();
        for (line, columns) in parse_tsv(text, name, 2)? {
            match parse_codes(&columns[1]) {
                Ok(codes) => {
                    if rows.insert(text_key(&columns[0]), codes).is_some() {
                        errors.push(format!("{name}:{line}: {:?} is listed twice", columns[0]));
                    }
                }
                Err(err) => errors.push(format!("{name}:{line}: {err}")),
            }
        }
        if errors.is_empty() {
            Ok(OfferMapping { rows })
        } else {
            Err(Error(errors.join("\n")))
        }
    }

    /// Builds a table from `(text, codes)` pairs (for tests).
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Result<OfferMapping> {
        let mut rows = BTreeMap::new();
        for (text, codes) in pairs {
            rows.insert(text_key(text), parse_codes(codes)?);
        }
        Ok(OfferMapping { rows })
    }

    /// The codes for one source text, `None` when the table lacks it.
    pub fn lookup(&self, text: &str) -> Option<&Codes> {
        self.rows.get(&text_key(text))
    }
}

/// Parses the codes column: `-`, or a comma-separated list of offer codes,
/// `topic:<code>` and `kind:servicestelle`.
pub fn parse_codes(column: &str) -> Result<Codes> {
    let mut codes = Codes::default();
    if column.trim() == "-" {
        return Ok(codes);
    }
    for code in column.split(',').map(str::trim) {
        if code == "kind:servicestelle" {
            codes.servicestelle = true;
        } else if let Some(topic) = code.strip_prefix("topic:") {
            codes.topics.push(
                Topic::from_code(topic)
                    .ok_or_else(|| Error(format!("unknown topic code {topic:?}")))?,
            );
        } else {
            codes.offers.push(Offer::from_code(code).ok_or_else(|| {
                Error(format!(
                    "unknown code {code:?} (use an offer code, topic:<code>, kind:servicestelle or -)"
                ))
            })?);
        }
    }
    Ok(codes)
}

/// The mapped offers of one record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapped {
    pub offers: BTreeSet<Offer>,
    pub topics: BTreeSet<Topic>,
    pub servicestelle: bool,
    /// Counselling languages stated in the offers (ISO 639 codes).
    pub languages: BTreeSet<String>,
    /// Texts the table does not know.
    pub unmapped: Vec<String>,
}

/// Maps the offers of one record. Entries like `Beratungssprachen: Türkisch,
/// Arabisch` are read as languages; everything else must be in the table.
pub fn map_offers(mapping: &OfferMapping, offers: &[String]) -> Result<Mapped> {
    let mut mapped = Mapped::default();
    for text in offers {
        if let Some(languages) = languages_in(text)? {
            mapped.languages.extend(languages);
            continue;
        }
        match mapping.lookup(text) {
            Some(codes) => {
                mapped.offers.extend(codes.offers.iter().copied());
                mapped.topics.extend(codes.topics.iter().copied());
                mapped.servicestelle |= codes.servicestelle;
            }
            None => mapped.unmapped.push(text.trim().to_owned()),
        }
    }
    if mapped.servicestelle {
        mapped.offers.insert(Offer::AntidiscriminationWork);
        mapped.offers.insert(Offer::Counselling);
    }
    Ok(mapped)
}

/// Maps the sourced umbrella string.
pub fn umbrella(text: &str) -> Option<Umbrella> {
    match text_key(text).as_str() {
        "awo" | "arbeiterwohlfahrt" => Some(Umbrella::Awo),
        "caritas" => Some(Umbrella::Caritas),
        "diakonie" => Some(Umbrella::Diakonie),
        "drk" | "deutsches rotes kreuz" => Some(Umbrella::Drk),
        "paritätischer" | "der paritätische" | "paritaetischer" => Some(Umbrella::Paritaetischer),
        "jüdische gemeinden"
        | "juedische gemeinden"
        | "jüdische gemeinde"
        | "juedische gemeinde" => Some(Umbrella::JewishCommunities),
        "other" | "andere" => Some(Umbrella::Other),
        "unknown" | "" => Some(Umbrella::Unknown),
        _ => None,
    }
}

/// Prefixes that introduce a list of counselling languages.
const LANGUAGE_PREFIXES: &[&str] = &[
    "beratungssprachen:",
    "beratungssprache:",
    "sprachen:",
    "languages:",
    "counselling languages:",
];

/// Language names (German and English) → ISO 639-1 code.
const LANGUAGES: &[(&str, &str)] = &[
    ("deutsch", "de"),
    ("german", "de"),
    ("englisch", "en"),
    ("english", "en"),
    ("türkisch", "tr"),
    ("turkish", "tr"),
    ("arabisch", "ar"),
    ("arabic", "ar"),
    ("russisch", "ru"),
    ("russian", "ru"),
    ("ukrainisch", "uk"),
    ("ukrainian", "uk"),
    ("polnisch", "pl"),
    ("polish", "pl"),
    ("französisch", "fr"),
    ("french", "fr"),
    ("spanisch", "es"),
    ("spanish", "es"),
    ("italienisch", "it"),
    ("italian", "it"),
    ("portugiesisch", "pt"),
    ("portuguese", "pt"),
    ("griechisch", "el"),
    ("greek", "el"),
    ("persisch", "fa"),
    ("farsi", "fa"),
    ("persian", "fa"),
    ("kurdisch", "ku"),
    ("kurdish", "ku"),
    ("bulgarisch", "bg"),
    ("bulgarian", "bg"),
    ("rumänisch", "ro"),
    ("romanian", "ro"),
    ("serbisch", "sr"),
    ("serbian", "sr"),
    ("kroatisch", "hr"),
    ("croatian", "hr"),
    ("bosnisch", "bs"),
    ("bosnian", "bs"),
    ("albanisch", "sq"),
    ("albanian", "sq"),
    ("mazedonisch", "mk"),
    ("macedonian", "mk"),
    ("niederländisch", "nl"),
    ("dutch", "nl"),
    ("urdu", "ur"),
    ("paschtu", "ps"),
    ("pashto", "ps"),
    ("somali", "so"),
    ("tigrinya", "ti"),
    ("amharisch", "am"),
    ("amharic", "am"),
    ("hebräisch", "he"),
    ("hebrew", "he"),
    ("vietnamesisch", "vi"),
    ("vietnamese", "vi"),
    ("chinesisch", "zh"),
    ("chinese", "zh"),
    ("armenisch", "hy"),
    ("armenian", "hy"),
    ("georgisch", "ka"),
    ("georgian", "ka"),
    ("ungarisch", "hu"),
    ("hungarian", "hu"),
    ("tschechisch", "cs"),
    ("czech", "cs"),
    ("slowakisch", "sk"),
    ("slovak", "sk"),
    ("litauisch", "lt"),
    ("lithuanian", "lt"),
    ("lettisch", "lv"),
    ("latvian", "lv"),
    ("tamil", "ta"),
    ("hindi", "hi"),
];

/// The ISO code for a language given as a code or a name.
pub fn language_code(text: &str) -> Option<&'static str> {
    let key = text.trim().to_lowercase();
    LANGUAGES
        .iter()
        .find(|(name, code)| *name == key || *code == key)
        .map(|(_, code)| *code)
}

/// If `text` contains a language list (`Beratungssprachen: Türkisch, Arabisch und Englisch`),
/// returns its codes; an unknown language name is an error (no guessing).
/// The list ends at `.`, `;`, `|` or `)`.
pub fn languages_in(text: &str) -> Result<Option<Vec<String>>> {
    let lower = text.to_lowercase();
    let Some((start, prefix)) = LANGUAGE_PREFIXES
        .iter()
        .filter_map(|prefix| lower.find(prefix).map(|at| (at, *prefix)))
        .min_by_key(|(at, _)| *at)
    else {
        return Ok(None);
    };
    let rest = &lower[start + prefix.len()..];
    let end = rest.find(['.', ';', '|', ')']).unwrap_or(rest.len());
    let mut codes = Vec::new();
    for name in rest[..end]
        .split([',', '/'])
        .flat_map(|part| part.split(" und "))
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|name| !name.is_empty())
    {
        let code = language_code(name).ok_or_else(|| {
            Error(format!(
                "unknown language {name:?} in {text:?} (add it to LANGUAGES in crates/datatool/src/mapping.rs)"
            ))
        })?;
        codes.push(code.to_owned());
    }
    Ok(Some(codes))
}

/// Normalises a website: trimmed; `https://` added when the source has no
/// scheme (`www.x.de` → `https://www.x.de`). Returns `None` for anything that
/// is not then a plain http(s) URL (e.g. `javascript:`), so callers can warn.
pub fn normalise_website(text: &str) -> Option<String> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let url = if lower.starts_with("http://") || lower.starts_with("https://") {
        let (scheme, rest) = text.split_once("://")?;
        format!("{}://{rest}", scheme.to_ascii_lowercase())
    } else if text.contains(':') {
        return None; // another scheme, or a port without a scheme
    } else {
        format!("https://{text}")
    };
    ia_core::validate::is_http_url(&url).then_some(url)
}

/// The first http(s) URL in a text, without trailing punctuation.
pub fn first_url(text: &str) -> Option<String> {
    text.split_whitespace()
        .filter_map(|word| {
            let start = word.find("https://").or_else(|| word.find("http://"))?;
            let url = word[start..].trim_end_matches([',', ';', '.', ')', ']', '\'', '"']);
            ia_core::validate::is_http_url(url).then(|| url.to_owned())
        })
        .next()
}

/// Lower-cased transliteration used to search free text for status words.
pub fn mentions_closure(text: &str) -> bool {
    let text = transliterate(text);
    [
        "closing",
        "closed",
        "geschlossen",
        "schliesst",
        "eingestellt",
        "aufgeloest",
    ]
    .iter()
    .any(|word| text.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> OfferMapping {
        OfferMapping::from_pairs(&[
            (
                "Servicestelle für Antidiskriminierungsarbeit",
                "kind:servicestelle",
            ),
            ("Beratungsschwerpunkt: Wohnen", "topic:housing"),
            ("Sprachkurse", "language_courses"),
            ("Integrationsagentur", "-"),
            ("Aufbau von Netzwerken", "networking, migrant_organisations"),
        ])
        .unwrap_or_else(|err| panic!("{err}"))
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn maps_offers_topics_and_servicestellen() {
        let mapped = map_offers(
            &table(),
            &strings(&[
                "Servicestelle für Antidiskriminierungsarbeit",
                "Beratungsschwerpunkt:  Wohnen",
                "sprachkurse",
                "Integrationsagentur",
                "Aufbau von Netzwerken",
                "Folklorefest",
            ]),
        )
        .unwrap_or_default();
        assert!(mapped.servicestelle);
        assert_eq!(
            mapped.offers.into_iter().collect::<Vec<_>>(),
            vec![
                Offer::AntidiscriminationWork,
                Offer::LanguageCourses,
                Offer::Counselling,
                Offer::MigrantOrganisations,
                Offer::Networking
            ]
        );
        assert_eq!(
            mapped.topics.into_iter().collect::<Vec<_>>(),
            vec![Topic::Housing]
        );
        assert_eq!(mapped.unmapped, vec!["Folklorefest".to_string()]);
    }

    #[test]
    fn bad_codes_are_rejected() {
        assert!(parse_codes("teleportation").is_err());
        assert!(parse_codes("topic:nonsense").is_err());
        assert_eq!(parse_codes("-").map(|c| c.offers.len()).ok(), Some(0));
    }

    #[test]
    fn languages_are_read_not_guessed() {
        assert_eq!(
            languages_in("Beratungssprachen: Türkisch, Arabisch und Englisch.")
                .ok()
                .flatten(),
            Some(strings(&["tr", "ar", "en"]))
        );
        assert_eq!(languages_in("Sprachkurse").ok().flatten(), None);
        assert!(languages_in("Sprachen: Klingonisch").is_err());
        let mapped =
            map_offers(&table(), &strings(&["Beratungssprache: Russisch"])).unwrap_or_default();
        assert_eq!(
            mapped.languages.into_iter().collect::<Vec<_>>(),
            strings(&["ru"])
        );
    }

    #[test]
    fn umbrellas() {
        assert_eq!(umbrella("Paritätischer"), Some(Umbrella::Paritaetischer));
        assert_eq!(
            umbrella("Jüdische Gemeinden"),
            Some(Umbrella::JewishCommunities)
        );
        assert_eq!(umbrella("unknown"), Some(Umbrella::Unknown));
        assert_eq!(umbrella("Volkssolidarität"), None);
    }

    #[test]
    fn websites_and_urls() {
        assert_eq!(
            normalise_website("www.x.de").as_deref(),
            Some("https://www.x.de")
        );
        assert_eq!(
            normalise_website(" HTTP://a.de/x ").as_deref(),
            Some("http://a.de/x")
        );
        assert_eq!(normalise_website("javascript:alert(1)"), None);
        assert_eq!(normalise_website("localhost"), None);
        assert_eq!(
            first_url("Liste …; official page: https://www.mkffi.nrw/servicestellen, more")
                .as_deref(),
            Some("https://www.mkffi.nrw/servicestellen")
        );
        assert_eq!(
            first_url("a ; http://b.de/x ; https://c.de").as_deref(),
            Some("http://b.de/x")
        );
        assert_eq!(first_url("no url here"), None);
        assert!(mentions_closure("Integrationsagentur (closing Jan 2026)"));
        assert!(!mentions_closure("Integrationsagentur"));
    }
}

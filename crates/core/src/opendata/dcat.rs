//! The DCAT-AP.de catalogue record (`data/dcat.ttl`): a `dcat:Catalog` with
//! one `dcat:Dataset` and a `dcat:Distribution` per format, in Turtle.
//!
//! What it says, by the DCAT-AP.de conventions (dcat-ap.de): title and
//! description in German and English; the publisher (`foaf:Agent`) and a
//! contact point (`vcard:Organization`) from `config.json`; the licence per
//! distribution (`dct:license` from the DCAT-AP.de licence vocabulary, CC BY
//! 4.0) with the attribution text the app shows
//! (`dcatde:licenseAttributionByText`); the spatial coverage NRW as
//! `dcatde:politicalGeocodingURI` (state key 05) with its level
//! (`dcatde:politicalGeocodingLevelURI`, state); `dct:temporal` and
//! `dct:modified` from the dataset's "Stand"; per distribution the media
//! type (IANA), the format (EU file types), the byte size and the URL;
//! keywords and the EU data theme "Bevölkerung und Gesellschaft" (SOCI).

use std::fmt::Write as _;

use super::{About, DATA_PAGE, DCAT_PATH, DESCRIPTION_DE, DESCRIPTION_EN};
use super::{KEYWORDS_DE, KEYWORDS_EN, TITLE_DE, TITLE_EN};

/// The DCAT-AP.de vocabularies the record points to.
pub const LICENCE_CC_BY_4: &str = "http://dcat-ap.de/def/licenses/cc-by/4.0";
pub const NRW_GEOCODING: &str = "http://dcat-ap.de/def/politicalGeocoding/stateKey/05";
pub const STATE_LEVEL: &str = "http://dcat-ap.de/def/politicalGeocoding/Level/state";
const THEME_SOCIETY: &str = "http://publications.europa.eu/resource/authority/data-theme/SOCI";
const LANGUAGE_GERMAN: &str = "http://publications.europa.eu/resource/authority/language/DEU";
const FREQUENCY_IRREGULAR: &str =
    "http://publications.europa.eu/resource/authority/frequency/IRREG";
const FILE_TYPE: &str = "http://publications.europa.eu/resource/authority/file-type/";
const MEDIA_TYPE: &str = "https://www.iana.org/assignments/media-types/";

/// The record as Turtle (UTF-8). Every literal is escaped; every IRI comes
/// from the site's own paths or was checked ([`super::is_iri_safe`]).
pub fn turtle(about: &About) -> String {
    let link = |path: &str| about.link(path, DCAT_PATH);
    let me = link(DCAT_PATH);
    let node = |name: &str| format!("<{me}#{name}>");
    let meta = about.meta;
    let mut t = String::new();
    t.push_str(
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n\
         @prefix dct: <http://purl.org/dc/terms/> .\n\
         @prefix dcatde: <http://dcat-ap.de/def/dcatde/> .\n\
         @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n\
         @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .\n\
         @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
         @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
         @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n",
    );
    let date = |d: &str| format!("\"{}\"^^xsd:date", escape(d));

    // The catalogue.
    let _ = writeln!(t, "{} a dcat:Catalog ;", node("catalog"));
    let _ = writeln!(
        t,
        "    dct:title {}, {} ;",
        literal(&format!("{TITLE_DE} – Offene Daten"), "de"),
        literal(&format!("{TITLE_EN} – open data"), "en")
    );
    let _ = writeln!(
        t,
        "    dct:description {}, {} ;",
        literal(
            "Der Datensatz der Karte der Integrationsagenturen in NRW in maschinenlesbarer Form.",
            "de"
        ),
        literal(
            "The dataset of the map of integration agencies in NRW in machine-readable form.",
            "en"
        )
    );
    let _ = writeln!(t, "    dct:publisher {} ;", node("publisher"));
    let _ = writeln!(t, "    foaf:homepage <{}> ;", link(""));
    let _ = writeln!(t, "    dct:language <{LANGUAGE_GERMAN}> ;");
    let _ = writeln!(t, "    dct:modified {} ;", date(&meta.as_of));
    let _ = writeln!(t, "    dcat:dataset {} .\n", node("dataset"));

    // The dataset.
    let _ = writeln!(t, "{} a dcat:Dataset ;", node("dataset"));
    let _ = writeln!(
        t,
        "    dct:identifier {} ;",
        literal(&format!("{me}#dataset"), "")
    );
    let _ = writeln!(
        t,
        "    dct:title {}, {} ;",
        literal(TITLE_DE, "de"),
        literal(TITLE_EN, "en")
    );
    let _ = writeln!(
        t,
        "    dct:description {}, {} ;",
        literal(&description_de(about), "de"),
        literal(DESCRIPTION_EN, "en")
    );
    let keywords: Vec<String> = KEYWORDS_DE
        .iter()
        .map(|k| literal(k, "de"))
        .chain(KEYWORDS_EN.iter().map(|k| literal(k, "en")))
        .collect();
    let _ = writeln!(t, "    dcat:keyword {} ;", keywords.join(", "));
    let _ = writeln!(t, "    dcat:theme <{THEME_SOCIETY}> ;");
    let _ = writeln!(t, "    dct:language <{LANGUAGE_GERMAN}> ;");
    let _ = writeln!(t, "    dct:publisher {} ;", node("publisher"));
    let _ = writeln!(t, "    dcat:contactPoint {} ;", node("contact"));
    let _ = writeln!(t, "    dcat:landingPage <{}> ;", link(DATA_PAGE));
    let _ = writeln!(t, "    dct:spatial <{NRW_GEOCODING}> ;");
    let _ = writeln!(t, "    dcatde:politicalGeocodingURI <{NRW_GEOCODING}> ;");
    let _ = writeln!(t, "    dcatde:politicalGeocodingLevelURI <{STATE_LEVEL}> ;");
    let _ = writeln!(
        t,
        "    dct:temporal [ a dct:PeriodOfTime ; dcat:startDate {d} ; dcat:endDate {d} ] ;",
        d = date(&meta.as_of)
    );
    if let Some(first) = about.first_published {
        let _ = writeln!(t, "    dct:issued {} ;", date(first));
    }
    let _ = writeln!(t, "    dct:modified {} ;", date(&meta.as_of));
    let _ = writeln!(t, "    dct:accrualPeriodicity <{FREQUENCY_IRREGULAR}> ;");
    let names: Vec<String> = about
        .distributions
        .iter()
        .map(|d| node(d.format.name()))
        .collect();
    let _ = writeln!(t, "    dcat:distribution {} .\n", names.join(", "));

    // The distributions.
    for distribution in about.distributions {
        let format = distribution.format;
        let (de, en) = format.description();
        let url = link(format.path());
        let _ = writeln!(t, "{} a dcat:Distribution ;", node(format.name()));
        let _ = writeln!(
            t,
            "    dct:title {}, {} ;",
            literal(
                &format!("Integrationsagenturen NRW ({})", format.name()),
                "de"
            ),
            literal(
                &format!("Integration agencies NRW ({})", format.name()),
                "en"
            )
        );
        let _ = writeln!(
            t,
            "    dct:description {}, {} ;",
            literal(de, "de"),
            literal(en, "en")
        );
        let _ = writeln!(t, "    dcat:accessURL <{url}> ;");
        let _ = writeln!(t, "    dcat:downloadURL <{url}> ;");
        let _ = writeln!(
            t,
            "    dcat:mediaType <{MEDIA_TYPE}{}> ;",
            format.media_type()
        );
        let _ = writeln!(t, "    dct:format <{FILE_TYPE}{}> ;", format.file_type());
        let _ = writeln!(
            t,
            "    dcat:byteSize \"{}\"^^xsd:nonNegativeInteger ;",
            distribution.byte_size
        );
        let _ = writeln!(t, "    dct:license <{LICENCE_CC_BY_4}> ;");
        let _ = writeln!(
            t,
            "    dcatde:licenseAttributionByText {} ;",
            literal(&meta.licence, "de")
        );
        let _ = writeln!(t, "    dct:modified {} .\n", date(&meta.as_of));
    }

    // Who publishes it and whom to ask.
    let publisher = about.publisher;
    let _ = writeln!(t, "{} a foaf:Agent, foaf:Organization ;", node("publisher"));
    if let Some(url) = &publisher.url {
        let _ = writeln!(t, "    foaf:homepage <{url}> ;");
    }
    let _ = writeln!(t, "    foaf:name {} .\n", literal(&publisher.name, ""));
    let _ = writeln!(t, "{} a vcard:Organization, vcard:Kind ;", node("contact"));
    let _ = writeln!(t, "    vcard:fn {} ;", literal(&publisher.name, ""));
    if let Some(email) = &publisher.email {
        let _ = writeln!(t, "    vcard:hasEmail <mailto:{email}> ;");
    }
    let _ = writeln!(t, "    vcard:hasURL <{}> .", link(DATA_PAGE));

    // The class of every resource the record points to: DCAT-AP 3.0 checks
    // each reference's class (`sh:class`), and a harvester without the EU
    // vocabularies at hand learns it here.
    let mut typed: Vec<(String, &str)> = vec![
        (link(""), "foaf:Document"),
        (link(DATA_PAGE), "foaf:Document"),
        (LANGUAGE_GERMAN.to_owned(), "dct:LinguisticSystem"),
        (NRW_GEOCODING.to_owned(), "dct:Location"),
        (FREQUENCY_IRREGULAR.to_owned(), "dct:Frequency"),
        (LICENCE_CC_BY_4.to_owned(), "dct:LicenseDocument"),
    ];
    if let Some(url) = &publisher.url {
        typed.push((url.clone(), "foaf:Document"));
    }
    for distribution in about.distributions {
        let format = distribution.format;
        typed.push((link(format.path()), "rdfs:Resource"));
        typed.push((
            format!("{MEDIA_TYPE}{}", format.media_type()),
            "dct:MediaType",
        ));
        typed.push((
            format!("{FILE_TYPE}{}", format.file_type()),
            "dct:MediaTypeOrExtent",
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    t.push('\n');
    // A concept has its label (the EU data theme's own names).
    let _ = writeln!(
        t,
        "<{THEME_SOCIETY}> a skos:Concept ; skos:prefLabel {}, {} .",
        literal("Bevölkerung und Gesellschaft", "de"),
        literal("Population and society", "en")
    );
    for (iri, class) in typed {
        if seen.insert((iri.clone(), class)) {
            let _ = writeln!(t, "<{iri}> a {class} .");
        }
    }
    t
}

/// The German description with how many records the Stand has.
pub fn description_de(about: &About) -> String {
    let coverage = about
        .meta
        .coverage
        .as_ref()
        .map(|c| {
            format!(
                " {} von rund {} Integrationsagenturen.",
                about.n_agencies, c.estimated_total
            )
        })
        .unwrap_or_default();
    format!("{DESCRIPTION_DE}{coverage}")
}

/// A Turtle string literal with a language tag (none for `""`).
fn literal(text: &str, lang: &str) -> String {
    if lang.is_empty() {
        format!("\"{}\"", escape(text))
    } else {
        format!("\"{}\"@{lang}", escape(text))
    }
}

/// Escapes a Turtle string (`"…"`): backslash, quote and line breaks.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

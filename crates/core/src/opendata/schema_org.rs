//! The data page's schema.org `Dataset` (JSON-LD), which search engines'
//! dataset search reads.

use serde_json::{json, Value};

use super::{About, DATA_PAGE, DESCRIPTION_EN, KEYWORDS_DE, KEYWORDS_EN, LICENCE_URL, TITLE_DE};
use crate::geo::NRW_BBOX;

/// The `Dataset` for the data page (`data/index.html`).
pub fn dataset(about: &About) -> Value {
    let link = |path: &str| about.link(path, DATA_PAGE);
    let publisher = about.publisher;
    let mut organisation = json!({ "@type": "Organization", "name": publisher.name });
    if let Some(url) = &publisher.url {
        organisation["url"] = json!(url);
    }
    if let Some(email) = &publisher.email {
        organisation["email"] = json!(email);
    }
    let distributions: Vec<Value> = about
        .distributions
        .iter()
        .map(|d| {
            json!({
                "@type": "DataDownload",
                "encodingFormat": d.format.media_type(),
                "contentUrl": link(d.format.path()),
                "contentSize": format!("{} B", d.byte_size),
                "name": d.format.name(),
            })
        })
        .collect();
    let keywords: Vec<&str> = KEYWORDS_DE.iter().chain(KEYWORDS_EN).copied().collect();
    let box_text = format!(
        "{} {} {} {}",
        NRW_BBOX.south, NRW_BBOX.west, NRW_BBOX.north, NRW_BBOX.east
    );
    let mut dataset = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": TITLE_DE,
        "alternateName": super::TITLE_EN,
        "description": super::dcat::description_de(about),
        "url": link(DATA_PAGE),
        "inLanguage": "de",
        "keywords": keywords,
        "license": LICENCE_URL,
        "creditText": about.meta.licence,
        "isAccessibleForFree": true,
        "publisher": organisation.clone(),
        "creator": organisation,
        "dateModified": about.meta.as_of,
        "temporalCoverage": about.meta.as_of,
        "spatialCoverage": {
            "@type": "Place",
            "name": "Nordrhein-Westfalen",
            "geo": { "@type": "GeoShape", "box": box_text },
        },
        "distribution": distributions,
        "isBasedOn": about.meta.source.url,
        "abstract": DESCRIPTION_EN,
    });
    if let Some(first) = about.first_published {
        dataset["datePublished"] = json!(first);
    }
    if about.site.is_some() {
        dataset["@id"] = json!(format!("{}#datensatz", link(DATA_PAGE)));
    }
    dataset
}

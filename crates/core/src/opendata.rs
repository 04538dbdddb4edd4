//! The dataset as open data (issue 27): what German open-data portals and
//! other services harvest. The files themselves are written by the
//! build-time renderer (`ia-prerender`, `src/pages/open_data.rs`) from the
//! dataset and `config.json` it finds; the pure parts are here:
//!
//! * [`dcat`]: the DCAT-AP.de catalogue record (`data/dcat.ttl`, Turtle);
//! * [`schema_org`]: the data page's schema.org `Dataset` JSON-LD;
//! * [`changes`]: the change list per "Stand" and its check;
//! * the distributions ([`Format`]): JSON (the app's dataset), CSV and
//!   GeoJSON ([`crate::export`], the same column table as the spreadsheet).
//!
//! The texts about the dataset (title, description, keywords) are German
//! and English, as DCAT-AP.de asks; they are data, not the app's interface.

pub mod changes;
pub mod dcat;
pub mod schema_org;

use crate::dataset::DatasetMeta;
use crate::pages::seo::SiteUrl;
use crate::validate::{is_email, is_http_url};

/// The data page's path: beside the files it describes, one folder down like
/// the other static pages (`agentur/`, `ort/`).
pub const DATA_PAGE: &str = "data/index.html";
/// The catalogue record's path.
pub const DCAT_PATH: &str = "data/dcat.ttl";
/// The change log's path (committed, written by `ia-datatool changes`).
pub const CHANGES_PATH: &str = "data/changes.json";

/// The dataset's title and description, German and English.
pub const TITLE_DE: &str =
    "Integrationsagenturen und Servicestellen für Antidiskriminierungsarbeit in Nordrhein-Westfalen";
pub const TITLE_EN: &str =
    "Integration agencies and anti-discrimination advice centres in North Rhine-Westphalia";
pub const DESCRIPTION_DE: &str = "Die Integrationsagenturen in NRW (getragen von AWO, Caritas, Diakonie, DRK, Paritätischem und jüdischen Gemeinden, gefördert vom Land) und ihre Servicestellen für Antidiskriminierungsarbeit: Name, Träger, Wohlfahrtsverband, Anschrift, Gemeinde und Kreis (mit Amtlichem Gemeindeschlüssel), Position mit Angabe ihrer Genauigkeit, Angebote, Beratungsschwerpunkte, Kontakt und bei jedem Eintrag seine öffentliche Quelle mit Datum. Zusammengestellt aus öffentlichen Quellen; keine amtliche Liste und nicht vollständig (die Abdeckung steht im Datensatz).";
pub const DESCRIPTION_EN: &str = "The integration agencies of North Rhine-Westphalia (run by AWO, Caritas, Diakonie, German Red Cross, Paritätischer and the Jewish communities, funded by the state) and their anti-discrimination advice centres: name, provider, welfare association, address, municipality and district (with official municipality key), position with its precision, offers, counselling topics, contact, and for every record its public source with dates. Compiled from public sources; not an official list and not complete (the coverage is stated in the dataset).";
/// Keywords (DCAT `dcat:keyword`, schema.org `keywords`).
pub const KEYWORDS_DE: &[&str] = &[
    "Integrationsagentur",
    "Servicestelle für Antidiskriminierungsarbeit",
    "Integration",
    "Migration",
    "Antidiskriminierung",
    "Beratung",
    "Wohlfahrtsverbände",
    "Nordrhein-Westfalen",
];
pub const KEYWORDS_EN: &[&str] = &[
    "integration agency",
    "anti-discrimination",
    "integration",
    "migration",
    "counselling",
    "North Rhine-Westphalia",
];

/// The licence of the compilation (the facts themselves are not protected).
pub const LICENCE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";

/// Who publishes the dataset and whom to ask (`config.json`'s
/// `publisher_name`, `publisher_url`, `contact_email`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publisher {
    pub name: String,
    /// The publisher's website (http(s)), if given.
    pub url: Option<String>,
    /// The contact point's e-mail address, if given.
    pub email: Option<String>,
}

impl Publisher {
    /// From the configured values: an unusable URL or e-mail is left out;
    /// an empty name is `default_name`.
    pub fn new(name: &str, url: &str, email: &str, default_name: &str) -> Publisher {
        let name = name.trim();
        Publisher {
            name: if name.is_empty() { default_name } else { name }.to_owned(),
            url: Some(url.trim())
                .filter(|u| is_http_url(u) && is_iri_safe(u))
                .map(str::to_owned),
            email: Some(email.trim())
                .filter(|e| is_email(e))
                .map(str::to_owned),
        }
    }
}

/// A format the dataset is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    GeoJson,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Json, Format::Csv, Format::GeoJson];

    /// The file's stable path in the site.
    pub fn path(self) -> &'static str {
        match self {
            Format::Json => "data/agencies.json",
            Format::Csv => "data/agencies.csv",
            Format::GeoJson => "data/agencies.geojson",
        }
    }

    /// The IANA media type.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Csv => "text/csv",
            Format::GeoJson => "application/geo+json",
        }
    }

    /// The EU file-type authority code (`dct:format`).
    pub fn file_type(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::GeoJson => "GEOJSON",
        }
    }

    /// Short name ("CSV").
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::GeoJson => "GeoJSON",
        }
    }

    /// What the file is, German and English.
    pub fn description(self) -> (&'static str, &'static str) {
        match self {
            Format::Json => (
                "Der Datensatz, den die Karte lädt (Schema-Version 2): Kopfdaten mit Stand, Quelle, Lizenz und Abdeckung, dazu alle Einträge.",
                "The dataset the map loads (schema version 2): header with date, source, licence and coverage, and every record.",
            ),
            Format::Csv => (
                "Eine Zeile je Eintrag mit den Spalten der Pflege-Tabelle: UTF-8 mit BOM, Semikolon, Dezimalkomma, CRLF (so öffnen Excel und LibreOffice sie direkt).",
                "One row per record with the maintainers' spreadsheet columns: UTF-8 with BOM, semicolon, decimal comma, CRLF (as Excel and LibreOffice open it).",
            ),
            Format::GeoJson => (
                "Ein Punkt je Eintrag (WGS 84) mit allen Angaben als Eigenschaften, für GIS-Programme und Karten.",
                "One point per record (WGS 84) with every field as a property, for GIS tools and maps.",
            ),
        }
    }
}

/// One published file with its size in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Distribution {
    pub format: Format,
    pub byte_size: usize,
}

/// Everything the catalogue record and the data page say about the dataset.
#[derive(Debug, Clone, Copy)]
pub struct About<'a> {
    pub meta: &'a DatasetMeta,
    pub n_agencies: usize,
    pub publisher: &'a Publisher,
    /// The site's address: absolute IRIs; without it, IRIs relative to the
    /// file's own address (which RDF and JSON-LD readers resolve).
    pub site: Option<&'a SiteUrl>,
    pub distributions: &'a [Distribution],
    /// The first Stand ever published (`dct:issued`), from the change log.
    pub first_published: Option<&'a str>,
}

impl About<'_> {
    /// A path of the site as seen from a file at `from` (a path of the
    /// site, e.g. `data/dcat.ttl`): absolute with a site address, else
    /// relative (`data/agencies.csv` from `data/dcat.ttl` is
    /// `agencies.csv`, `agentur/x.html` is `../agentur/x.html`).
    pub fn link(&self, path: &str, from: &str) -> String {
        if let Some(site) = self.site {
            return site.join(path);
        }
        if let Some((dir, _)) = from.rsplit_once('/') {
            if let Some(rest) = path.strip_prefix(dir).and_then(|r| r.strip_prefix('/')) {
                return rest.to_owned();
            }
        }
        let relative = format!("{}{path}", "../".repeat(from.matches('/').count()));
        if relative.is_empty() {
            "./".to_owned()
        } else {
            relative
        }
    }
}

/// True when a URL can go between `<` and `>` in Turtle and into JSON-LD
/// unchanged: no spaces, quotes, angle brackets, braces, `|`, `^`, `` ` ``
/// or backslashes.
pub fn is_iri_safe(url: &str) -> bool {
    !url.chars()
        .any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|^`\\".contains(c))
}

#[cfg(test)]
mod tests;

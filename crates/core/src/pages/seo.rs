//! What search engines and messengers read from a static page: the head
//! tags ([`Head`]), the agency's schema.org JSON-LD ([`agency_json_ld`]),
//! `sitemap.xml` ([`sitemap`]) and `robots.txt` ([`robots`]).
//!
//! Absolute URLs need the site's address ([`SiteUrl`], a build setting).
//! Without it the pages leave out only what needs one: `link rel=canonical`,
//! `og:url`, the image's absolute URL in `og:image`/`twitter:image`, the
//! JSON-LD `@id`, the sitemap and robots.txt's `Sitemap:` line.

use std::fmt::Write as _;

use serde_json::{json, Map, Value};

use crate::dataset::Agency;
use crate::geo::format_fixed;
use crate::html::escape;
use crate::validate::{is_email, is_http_url, is_phone};

/// The site's public address, always ending in `/`: the folder that holds
/// `index.html` (`https://karte.example.org/integrationsagenturen/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteUrl(String);

impl SiteUrl {
    /// An http(s) URL without query or fragment; `None` for anything else
    /// (empty, relative, another scheme, spaces or quotes).
    pub fn parse(text: &str) -> Option<SiteUrl> {
        let text = text.trim();
        let valid = is_http_url(text)
            && !text.contains(['?', '#', ' ', '"', '\'', '<', '>', '\\'])
            && text.split("://").nth(1).is_some_and(|rest| {
                !rest.is_empty() && !rest.starts_with('/') && !rest.starts_with('.')
            });
        if !valid {
            return None;
        }
        let mut url = text.to_owned();
        if !url.ends_with('/') {
            url.push('/');
        }
        Some(SiteUrl(url))
    }

    /// A path of the site (`agentur/x.html`) as an absolute URL.
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.0, path.trim_start_matches('/'))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The head tags of one page, besides charset, viewport and stylesheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Head<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// The page's own path (`agentur/x.html`).
    pub path: &'a str,
    /// The preview image's path (`agentur/x.png`) and its text alternative.
    pub image: &'a str,
    pub image_alt: &'a str,
    /// The site's name (`og:site_name`).
    pub site_name: &'a str,
}

/// Width and height of the preview images.
pub const IMAGE_SIZE: (u32, u32) = (1200, 630);

impl Head<'_> {
    /// The tags as HTML (every value escaped). `up` leads from the page to
    /// the site's folder (`../`), for the relative image URL without a site
    /// address.
    pub fn to_html(&self, site: Option<&SiteUrl>, up: &str) -> String {
        let mut html = String::new();
        let e = escape;
        let _ = write!(html, "<title>{}</title>", e(self.title));
        let _ = write!(
            html,
            "<meta name=\"description\" content=\"{}\">",
            e(self.description)
        );
        html.push_str(&self.link_preview_html(site, up));
        html
    }

    /// The tags besides `<title>` and the meta description: canonical (with
    /// a site address), Open Graph and Twitter card. For a page whose title
    /// and description are already written (the app's `index.html`).
    pub fn link_preview_html(&self, site: Option<&SiteUrl>, up: &str) -> String {
        let mut html = String::new();
        let e = escape;
        let image = match site {
            Some(site) => site.join(self.image),
            None => format!("{up}{}", self.image),
        };
        if let Some(site) = site {
            let url = site.join(self.path);
            let _ = write!(html, "<link rel=\"canonical\" href=\"{}\">", e(&url));
            let _ = write!(html, "<meta property=\"og:url\" content=\"{}\">", e(&url));
        }
        let tags = [
            ("og:type", "website"),
            ("og:site_name", self.site_name),
            ("og:locale", "de_DE"),
            ("og:title", self.title),
            ("og:description", self.description),
            ("og:image", &image),
            ("og:image:type", "image/png"),
            ("og:image:alt", self.image_alt),
        ];
        for (property, content) in tags {
            let _ = write!(
                html,
                "<meta property=\"{property}\" content=\"{}\">",
                e(content)
            );
        }
        let (width, height) = IMAGE_SIZE;
        let _ = write!(
            html,
            "<meta property=\"og:image:width\" content=\"{width}\"><meta property=\"og:image:height\" content=\"{height}\">"
        );
        let cards = [
            ("twitter:card", "summary_large_image"),
            ("twitter:title", self.title),
            ("twitter:description", self.description),
            ("twitter:image", &image),
            ("twitter:image:alt", self.image_alt),
        ];
        for (name, content) in cards {
            let _ = write!(html, "<meta name=\"{name}\" content=\"{}\">", e(content));
        }
        html
    }
}

/// Longest `<title>` kept (search engines cut longer ones).
pub const MAX_TITLE: usize = 70;

/// A page's `<title>`: "`name` – `place` | `site`", leaving out the site's
/// name, then cutting the name at a word ("…"), so it stays within
/// [`MAX_TITLE`] characters.
pub fn page_title(name: &str, place: &str, site: &str) -> String {
    let full = format!("{name} – {place} | {site}");
    if full.chars().count() <= MAX_TITLE {
        return full;
    }
    let short = format!("{name} – {place}");
    if short.chars().count() <= MAX_TITLE {
        return short;
    }
    let room = MAX_TITLE.saturating_sub(place.chars().count() + 3);
    format!("{} – {place}", description(&[name], room))
}

/// A meta description from sentences: joined with spaces, cut at a word
/// boundary to at most `max` characters (with "…"), white space collapsed.
pub fn description(sentences: &[&str], max: usize) -> String {
    let text = sentences
        .iter()
        .flat_map(|s| s.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let next = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if next + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max.saturating_sub(1)).collect();
    }
    let trimmed = out.trim_end_matches([',', ';', ':', '.', ' ', '–', '-']);
    format!("{trimmed}…")
}

/// The agency as schema.org JSON-LD: an `Organization` with its postal
/// address, its `location` (a `Place` with `geo`: coordinates belong to a
/// place, not to an organisation), telephone, e-mail and website where they
/// are valid, and the carrier as `parentOrganization`. With a site address
/// its `@id` is the page's URL.
pub fn agency_json_ld(agency: &Agency, page_url: Option<&str>) -> Value {
    let mut address = Map::new();
    address.insert("@type".into(), "PostalAddress".into());
    if let Some(street) = &agency.address.street {
        address.insert("streetAddress".into(), street.as_str().into());
    }
    if let Some(postcode) = &agency.address.postcode {
        address.insert("postalCode".into(), postcode.as_str().into());
    }
    address.insert(
        "addressLocality".into(),
        agency.address.city.as_str().into(),
    );
    address.insert("addressRegion".into(), "Nordrhein-Westfalen".into());
    address.insert("addressCountry".into(), "DE".into());
    let address = Value::Object(address);
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": agency.name,
        "address": address,
        "location": {
            "@type": "Place",
            "address": address,
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": format_fixed(agency.location.lat, 5).parse::<f64>().unwrap_or(agency.location.lat),
                "longitude": format_fixed(agency.location.lon, 5).parse::<f64>().unwrap_or(agency.location.lon),
            },
        },
        "parentOrganization": { "@type": "Organization", "name": agency.carrier },
    });
    let object = value.as_object_mut().expect("a JSON object");
    if let Some(url) = page_url {
        object.insert("@id".into(), url.into());
        object.insert("mainEntityOfPage".into(), url.into());
    }
    let contact = &agency.contact;
    if let Some(phone) = contact.phone.as_deref().filter(|p| is_phone(p)) {
        object.insert("telephone".into(), phone.into());
    }
    if let Some(email) = contact.email.as_deref().filter(|e| is_email(e)) {
        object.insert("email".into(), email.into());
    }
    if let Some(website) = contact.website.as_deref().filter(|w| is_http_url(w)) {
        object.insert("url".into(), website.into());
    }
    value
}

/// JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&`
/// as `\u003c`-style escapes, which JSON reads as the same characters and
/// which can never close the script element or open a comment.
pub fn script_json(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The newest date in a record (`YYYY-MM-DD`): confirmed or read, for the
/// sitemap's `lastmod`. `None` when the record has neither.
pub fn agency_lastmod(agency: &Agency) -> Option<&str> {
    [agency.last_verified.as_str(), agency.source_seen.as_str()]
        .into_iter()
        .filter(|date| crate::validate::is_iso_date(date))
        .max()
}

/// `sitemap.xml` for `(absolute URL, lastmod)` pairs (lastmod may be empty).
pub fn sitemap(entries: &[(String, String)]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (url, lastmod) in entries {
        let _ = write!(xml, "<url><loc>{}</loc>", escape(url));
        if !lastmod.is_empty() {
            let _ = write!(xml, "<lastmod>{}</lastmod>", escape(lastmod));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: everything may be crawled; the sitemap's address when the
/// site's is known. (Crawlers read robots.txt only at a domain's root: under
/// a sub-path, the host's own file needs the `Sitemap:` line; docs/deploy.md.)
pub fn robots(site: Option<&SiteUrl>) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(site) = site {
        let _ = write!(text, "\nSitemap: {}\n", site.join("sitemap.xml"));
    }
    text
}

#[cfg(test)]
mod tests;

//! The start page's link preview (issue 20): `index.html` is the address
//! people share most, so it gets the same Open Graph and Twitter-card tags
//! as the static pages (and `link rel=canonical` with a site address), with
//! a preview image of every agency on the map of NRW (`vorschau.png`).
//! `ia-prerender` writes the tags between two markers in `index.html`'s
//! `<head>`, so a later run replaces them; its title and description stay
//! the ones `index.html` has.

use ia_core::pages::preview::Preview;
use ia_core::pages::seo::{Head, SiteUrl};
use ia_core::pages::START_IMAGE;
use ia_core::static_map::{Dot, Ring};

use super::words::german;
use crate::i18n::fill;
use crate::prerender::replace_between;

/// Where the tags go in `index.html`'s `<head>`.
pub const START: &str = "<!-- link-preview:start -->";
pub const END: &str = "<!-- link-preview:end -->";

/// What the start page's preview shows: NRW, its Kreise and every agency.
pub(super) struct Start<'a> {
    pub land: &'a [Ring],
    pub kreise: &'a [Ring],
    pub dots: &'a [Dot],
    pub footer: &'a str,
}

impl Start<'_> {
    /// "104 Agenturen, davon 40 Servicestellen für Antidiskriminierungsarbeit".
    pub(super) fn subtitle(&self) -> String {
        let n_sada = self.dots.iter().filter(|d| d.servicestelle).count();
        fill(
            german().start_subtitle,
            &[
                ("agencies", &self.dots.len().to_string()),
                ("servicestellen", &n_sada.to_string()),
            ],
        )
    }

    /// The preview image's drawing, with [`Start::subtitle`].
    pub(super) fn preview<'s>(&'s self, subtitle: &'s str) -> Preview<'s> {
        Preview {
            land: self.land,
            kreise: self.kreise,
            highlight: &[],
            others: &[],
            dots: self.dots,
            kicker: german().land,
            name: german().site_name,
            subtitle,
            badge: None,
            footer: self.footer,
        }
    }

    /// The link-preview tags for `index.html`, with its own `(title,
    /// description)`; the image's URL is absolute with a site address and
    /// relative (next to `index.html`) without.
    pub(super) fn head_tags(
        &self,
        (title, description): (&str, &str),
        site: Option<&SiteUrl>,
    ) -> String {
        let image_alt = fill(
            german().start_image_alt,
            &[("agencies", &self.dots.len().to_string())],
        );
        Head {
            title,
            description,
            path: "",
            image: START_IMAGE,
            image_alt: &image_alt,
            site_name: german().site_name,
        }
        .link_preview_html(site, "")
    }
}

/// `index.html`'s `<title>` and meta description, as text.
pub fn head_of_index(index: &str) -> Option<(String, String)> {
    let after = |from: &str, open: &str, close: &str| -> Option<String> {
        let start = from.find(open)? + open.len();
        let end = start + from[start..].find(close)?;
        Some(ia_core::html::unescape(from[start..end].trim()))
    };
    let title = after(index, "<title>", "</title>")?;
    let description = after(index, "<meta name=\"description\" content=\"", "\"")?;
    Some((title, description))
}

/// `index` with `tags` between the link-preview markers (replacing earlier ones).
pub fn write_head_into_index(index: &str, tags: &str) -> Result<String, String> {
    replace_between(index, START, END, tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<html><head><title>Finder &amp; Karte</title><meta name=\"description\" content=\"Alle &quot;Agenturen&quot;.\"><!-- link-preview:start --><!-- link-preview:end --></head><body></body></html>";

    fn start(dots: &[Dot]) -> Start<'_> {
        Start {
            land: &[],
            kreise: &[],
            dots,
            footer: "Stand",
        }
    }

    #[test]
    fn the_index_keeps_its_title_and_gets_link_preview_tags_once() {
        let (title, description) = head_of_index(INDEX).unwrap();
        assert_eq!(title, "Finder & Karte");
        assert_eq!(description, "Alle \"Agenturen\".");
        let dots = [
            Dot {
                lat: 51.0,
                lon: 7.0,
                servicestelle: true,
            },
            Dot {
                lat: 51.5,
                lon: 7.5,
                servicestelle: false,
            },
        ];
        let site = SiteUrl::parse("https://karte.example.org/ia").unwrap();
        let tags = start(&dots).head_tags((&title, &description), Some(&site));
        assert!(tags.contains("<link rel=\"canonical\" href=\"https://karte.example.org/ia/\">"));
        assert!(tags.contains(
            "<meta property=\"og:image\" content=\"https://karte.example.org/ia/vorschau.png\">"
        ));
        assert!(tags.contains("<meta property=\"og:title\" content=\"Finder &amp; Karte\">"));
        assert!(tags.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assert!(tags.contains("allen 2 Integrationsagenturen"));
        assert!(!tags.contains("<title>"));
        let once = write_head_into_index(INDEX, &tags).unwrap();
        let twice = write_head_into_index(&once, &tags).unwrap();
        assert_eq!(once, twice);
        assert_eq!(twice.matches("og:image\"").count(), 1);
        // Without a site address: no canonical, the image next to index.html.
        let relative = start(&dots).head_tags((&title, &description), None);
        assert!(!relative.contains("canonical"));
        assert!(relative.contains("<meta property=\"og:image\" content=\"vorschau.png\">"));
        assert_eq!(
            start(&dots).subtitle(),
            "2 Agenturen, davon 1 Servicestellen für Antidiskriminierungsarbeit"
        );
    }
}

//! The one HTML escaper: text for an HTML or XML text node or a quoted
//! attribute value. Used by the static pages, the static map, the preview
//! images' SVG, the sitemap, the QR codes' SVG, the prerendered first view's
//! `data-prerendered` and the map's attributions (Leaflet writes them as
//! HTML). With it, the few entities read back from index.html. Turtle's
//! string escaping (`opendata::dcat`) is another language's rule and stays
//! there.

/// `text` with `& < > " '` escaped, fit for a text node or a quoted
/// attribute value (in either quotes).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` with the entities `&quot; &lt; &gt; &amp;` read back: for the
/// title and description the static pages take from index.html as written
/// (`src/pages/start.rs`). Other entities stay as they are.
pub fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::{escape, unescape};

    #[test]
    fn escapes_the_five_characters_and_nothing_else() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("Köln – © OSM 2026-03-01"), "Köln – © OSM 2026-03-01");
    }

    #[test]
    fn unescape_reads_back_what_escape_wrote_but_the_apostrophe() {
        assert_eq!(
            unescape(&escape("<a href=\"x\">&amp;</a>")),
            "<a href=\"x\">&amp;</a>"
        );
        assert_eq!(unescape("&#39; &amp;lt;"), "&#39; &lt;");
    }
}

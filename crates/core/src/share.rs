//! Sharing a view or an agency (issue 20): the link from the finder to the
//! QR-code section of the generator page, and that page's reading of it.
//!
//! The finder links "QR-Code für Aushang/Flyer" to
//! `generator.html?qr=<address>` ([`qr_page_link`]); the generator page reads
//! the `qr` parameter (or `#qr=`) and draws the code only for an address that
//! passes [`qr_target`]. The QR code itself is drawn in the generator's Wasm,
//! which residents never download.

use crate::query::{decode_query, encode_component};
use crate::validate::is_http_url;

/// The generator page (next to index.html; relative, so the site works under
/// any sub-path).
pub const GENERATOR_PAGE: &str = "generator.html";

/// Longest address drawn as a QR code. A QR code holds up to 2,331 bytes at
/// error correction M, but one that long has 177×177 modules and no longer
/// reads from a poster; a finder URL with every filter set is ~300.
pub const MAX_QR_URL: usize = 1000;

/// `generator.html?qr=<url>`: the generator page's QR-code section, filled in
/// with `url`.
pub fn qr_page_link(url: &str) -> String {
    format!("{GENERATOR_PAGE}?qr={}", encode_component(url))
}

/// Why an address is not drawn as a QR code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrProblem {
    /// Nothing given.
    Empty,
    /// Not an `http://` or `https://` address with a host.
    NotHttp,
    /// Longer than [`MAX_QR_URL`].
    TooLong,
}

/// The address to draw, trimmed, or why not: any `http(s)` address with a
/// host name (this site's or another's), at most [`MAX_QR_URL`] characters.
pub fn qr_target(value: &str) -> Result<&str, QrProblem> {
    let url = value.trim();
    if url.is_empty() {
        Err(QrProblem::Empty)
    } else if url.chars().count() > MAX_QR_URL {
        Err(QrProblem::TooLong)
    } else if !is_http_url(url) {
        Err(QrProblem::NotHttp)
    } else {
        Ok(url)
    }
}

/// The `qr` value of a page address's query (`?qr=…`) or, failing that, of
/// its fragment (`#qr=…`, which never reaches a server log); decoded as the
/// browser's `URLSearchParams` does.
pub fn qr_from_address(search: &str, hash: &str) -> Option<String> {
    let from = |part: &str| {
        decode_query(part)
            .into_iter()
            .find(|(key, _)| key == "qr")
            .map(|(_, value)| value)
    };
    from(search).or_else(|| from(hash.strip_prefix('#').unwrap_or(hash)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_link_carries_the_whole_address_encoded_and_reads_back() {
        let url = "https://karte.example.org/ia/?place=05315000&topic=a&topic=b#x";
        let link = qr_page_link(url);
        assert_eq!(
            link,
            "generator.html?qr=https%3A%2F%2Fkarte.example.org%2Fia%2F%3Fplace%3D05315000%26topic%3Da%26topic%3Db%23x"
        );
        let search = link.strip_prefix(GENERATOR_PAGE).unwrap();
        assert_eq!(qr_from_address(search, "").as_deref(), Some(url));
    }

    #[test]
    fn the_fragment_is_read_when_the_query_has_no_qr() {
        assert_eq!(
            qr_from_address("?lang=en", "#qr=https%3A%2F%2Fa.example%2F").as_deref(),
            Some("https://a.example/")
        );
        assert_eq!(
            qr_from_address(
                "?qr=https%3A%2F%2Fq.example%2F",
                "#qr=https%3A%2F%2Fh.example%2F"
            )
            .as_deref(),
            Some("https://q.example/")
        );
        assert_eq!(qr_from_address("?lang=en", ""), None);
        assert_eq!(qr_from_address("", "#top"), None);
    }

    #[test]
    fn only_http_addresses_of_printable_length_are_drawn() {
        assert_eq!(
            qr_target("  https://karte.example.org/?agency=x \n"),
            Ok("https://karte.example.org/?agency=x")
        );
        assert_eq!(
            qr_target("http://127.0.0.1:4381/agentur/a.html"),
            Ok("http://127.0.0.1:4381/agentur/a.html")
        );
        assert_eq!(qr_target(""), Err(QrProblem::Empty));
        assert_eq!(qr_target("   "), Err(QrProblem::Empty));
        for bad in [
            "javascript:alert(1)",
            "ftp://example.org/",
            "karte.example.org",
            "https://",
            "https://exa mple.org/",
            "data:text/html,hi",
        ] {
            assert_eq!(qr_target(bad), Err(QrProblem::NotHttp), "{bad}");
        }
        let long = format!("https://example.org/?q={}", "a".repeat(MAX_QR_URL));
        assert_eq!(qr_target(&long), Err(QrProblem::TooLong));
        let longest = format!("https://example.org/?q={}", "a".repeat(MAX_QR_URL - 23));
        assert_eq!(longest.chars().count(), MAX_QR_URL);
        assert!(qr_target(&longest).is_ok());
    }
}

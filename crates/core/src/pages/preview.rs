//! The preview image of a page (what a messenger or a search result shows
//! for a shared link), drawn as SVG here and turned into a 1200×630 PNG at
//! build time (`src/pages/image.rs`, resvg; never in the app's Wasm).
//!
//! Left, the name (wrapped to fit, in DejaVu Sans, which the build embeds)
//! with a line under it and, for a Servicestelle, its badge; right, NRW with
//! its Kreise, every agency as a small grey dot and the page's agencies as
//! large dots in the app's colours (the place's outline filled). Flat colours
//! only, so the PNG stays small (far below messengers' limits).

use std::fmt::Write as _;

use super::seo::IMAGE_SIZE;
use crate::geo::{BBox, NRW_BBOX};
use crate::html::escape as e;
use crate::static_map::{height, outline_path, point, Dot, Ring, WIDTH};

/// The app's colours (`style/app.css`).
pub const BRAND: &str = "#1d4f91";
pub const SADA: &str = "#8a1c4a";
pub const INK: &str = "#1a1a1a";
pub const MUTED: &str = "#4a4f57";
pub const LAND: &str = "#f7f5ef";
pub const KREIS_LINE: &str = "#8d96a3";
pub const OTHER_DOT: &str = "#a9b1bd";

/// The font the image's text is set in (embedded by the build).
pub const FONT: &str = "DejaVu Sans";

/// What one preview shows.
pub struct Preview<'a> {
    /// NRW's outline and its Kreise.
    pub land: &'a [Ring],
    pub kreise: &'a [Ring],
    /// The place's outline, filled (empty for an agency).
    pub highlight: &'a [Ring],
    /// Every agency, drawn small and grey.
    pub others: &'a [Dot],
    /// The page's agencies, drawn large.
    pub dots: &'a [Dot],
    /// A small line above the name ("Integrationsagentur", "Kreis").
    pub kicker: &'a str,
    pub name: &'a str,
    /// Under the name (the carrier, or how many agencies).
    pub subtitle: &'a str,
    /// A badge under the subtitle ("Servicestelle für Antidiskriminierungsarbeit").
    pub badge: Option<&'a str>,
    /// The bottom line ("Integrationsagenturen in NRW finden · Stand …").
    pub footer: &'a str,
}

/// Left edge and width of the text column.
const TEXT_X: f64 = 64.0;
const TEXT_WIDTH: f64 = 520.0;
/// DejaVu Sans Bold's average advance for mixed-case German text, in em
/// (measured on agency names; wide enough that lines never overflow).
const BOLD_ADVANCE: f64 = 0.64;
const REGULAR_ADVANCE: f64 = 0.56;

impl Preview<'_> {
    pub fn to_svg(&self) -> String {
        let (width, height_px) = IMAGE_SIZE;
        let mut svg = String::new();
        let _ = write!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height_px}" viewBox="0 0 {width} {height_px}" font-family="{FONT}">"#
        );
        let _ = write!(
            svg,
            r##"<rect width="{width}" height="{height_px}" fill="#ffffff"/><rect width="{width}" height="14" fill="{BRAND}"/>"##
        );
        self.map(&mut svg);
        self.text(&mut svg);
        svg.push_str("</svg>");
        svg
    }

    /// NRW on the right, 540 px wide, vertically centred.
    fn map(&self, svg: &mut String) {
        let bbox: BBox = NRW_BBOX;
        let map_height = height(bbox);
        let (box_w, box_h) = (520.0, 540.0);
        let scale = (box_w / WIDTH).min(box_h / map_height);
        let (x, y) = (
            1200.0 - 48.0 - WIDTH * scale,
            14.0 + (600.0 - map_height * scale) / 2.0,
        );
        let _ = write!(
            svg,
            r#"<g transform="translate({x:.1} {y:.1}) scale({scale:.4})">"#
        );
        let stroke = 1.0 / scale;
        let _ = write!(
            svg,
            r#"<path d="{}" fill="{LAND}" stroke="{BRAND}" stroke-width="{:.2}"/>"#,
            outline_path(bbox, self.land),
            2.0 * stroke
        );
        if !self.highlight.is_empty() {
            let _ = write!(
                svg,
                r#"<path d="{}" fill="{BRAND}" fill-opacity="0.18" fill-rule="evenodd"/>"#,
                outline_path(bbox, self.highlight),
            );
        }
        let _ = write!(
            svg,
            r#"<path d="{}" fill="none" stroke="{KREIS_LINE}" stroke-width="{:.2}" shape-rendering="crispEdges"/>"#,
            outline_path(bbox, self.kreise),
            0.9 * stroke
        );
        if !self.highlight.is_empty() {
            let _ = write!(
                svg,
                r#"<path d="{}" fill="none" stroke="{BRAND}" stroke-width="{:.2}"/>"#,
                outline_path(bbox, self.highlight),
                3.0 * stroke
            );
        }
        let mut others = String::new();
        for dot in self.others {
            let (cx, cy) = point(bbox, dot.lat, dot.lon);
            let _ = write!(
                others,
                "M{:.1},{:.1}a3,3 0 1,0 6,0a3,3 0 1,0 -6,0z",
                cx - 3.0,
                cy
            );
        }
        let _ = write!(svg, r#"<path d="{others}" fill="{OTHER_DOT}"/>"#);
        // The page's agencies: circles, Servicestellen squares, white rims.
        for dot in self.dots {
            let (cx, cy) = point(bbox, dot.lat, dot.lon);
            let r = 11.0 / scale;
            if dot.servicestelle {
                let _ = write!(
                    svg,
                    r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{SADA}" stroke="#ffffff" stroke-width="3"/>"##,
                    cx - r,
                    cy - r,
                    2.0 * r,
                    2.0 * r
                );
            } else {
                let _ = write!(
                    svg,
                    r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r:.1}" fill="{BRAND}" stroke="#ffffff" stroke-width="3"/>"##
                );
            }
        }
        svg.push_str("</g>");
    }

    /// The text column: kicker, name, subtitle, badge, footer.
    fn text(&self, svg: &mut String) {
        let mut y = 96.0;
        let _ = write!(
            svg,
            r#"<text x="{TEXT_X}" y="{y}" font-size="26" fill="{BRAND}" font-weight="bold">{}</text>"#,
            e(self.kicker)
        );
        y += 22.0;
        let (size, lines) = fit_name(self.name);
        for line in &lines {
            y += size * 1.18;
            let _ = write!(
                svg,
                r#"<text x="{TEXT_X}" y="{y:.0}" font-size="{size:.0}" font-weight="bold" fill="{INK}">{}</text>"#,
                e(line)
            );
        }
        y += 22.0;
        let _ = write!(
            svg,
            r#"<rect x="{TEXT_X}" y="{y:.0}" width="96" height="6" fill="{BRAND}"/>"#
        );
        for line in wrap(self.subtitle, chars_per_line(28.0, REGULAR_ADVANCE), 3) {
            y += 28.0 * 1.3;
            let _ = write!(
                svg,
                r#"<text x="{TEXT_X}" y="{:.0}" font-size="28" fill="{MUTED}">{}</text>"#,
                y + 12.0,
                e(&line)
            );
        }
        if let Some(badge) = self.badge {
            // 18 px: "Servicestelle für Antidiskriminierungsarbeit" fits on one line.
            let label = wrap(badge, chars_per_line(18.0, BOLD_ADVANCE) - 1, 1);
            let label = label.first().map(String::as_str).unwrap_or_default();
            let width =
                (label.chars().count() as f64 * 18.0 * BOLD_ADVANCE + 24.0).min(TEXT_WIDTH + 24.0);
            y += 40.0;
            if y < 520.0 {
                let _ = write!(
                    svg,
                    r##"<rect x="{TEXT_X}" y="{y:.0}" width="{width:.0}" height="36" rx="6" fill="{SADA}"/><text x="{:.0}" y="{:.0}" font-size="18" font-weight="bold" fill="#ffffff">{}</text>"##,
                    TEXT_X + 12.0,
                    y + 25.0,
                    e(label)
                );
            }
        }
        let _ = write!(
            svg,
            r#"<text x="{TEXT_X}" y="596" font-size="20" fill="{MUTED}">{}</text>"#,
            e(self.footer)
        );
    }
}

/// How many characters of a font size fit the text column.
fn chars_per_line(size: f64, advance: f64) -> usize {
    (TEXT_WIDTH / (size * advance)).floor() as usize
}

/// The largest font size at which the name fits in four lines with no
/// word cut (at the smallest, five lines, the rest cut with "…").
pub fn fit_name(name: &str) -> (f64, Vec<String>) {
    const SIZES: [f64; 7] = [60.0, 52.0, 44.0, 38.0, 32.0, 28.0, 25.0];
    let longest_word = name
        .split_whitespace()
        .flat_map(pieces)
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    for size in SIZES {
        let per_line = chars_per_line(size, BOLD_ADVANCE);
        let lines = wrap(name, per_line, usize::MAX);
        if lines.len() <= 4 && longest_word <= per_line {
            return (size, lines);
        }
    }
    let size = SIZES[SIZES.len() - 1];
    (size, wrap(name, chars_per_line(size, BOLD_ADVANCE), 5))
}

/// Greedy word wrap to at most `per_line` characters a line and `max_lines`
/// lines. Lines break at spaces and after `-` or `/` inside a word
/// ("Duisburg-" / "Mülheim"); a piece longer than a line is cut with a
/// hyphen; text that does not fit ends in "…".
pub fn wrap(text: &str, per_line: usize, max_lines: usize) -> Vec<String> {
    let per_line = per_line.max(2);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        for (i, piece) in pieces(word).into_iter().enumerate() {
            let mut piece = piece.to_owned();
            let space = i == 0;
            loop {
                let used = line.chars().count();
                let needed = piece.chars().count() + usize::from(space && used > 0);
                if used + needed <= per_line {
                    if space && used > 0 {
                        line.push(' ');
                    }
                    line.push_str(&piece);
                    break;
                }
                if used > 0 {
                    lines.push(std::mem::take(&mut line));
                    continue;
                }
                let head: String = piece.chars().take(per_line - 1).collect();
                piece = piece.chars().skip(per_line - 1).collect();
                lines.push(format!("{head}-"));
                if piece.is_empty() {
                    break;
                }
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let keep: String = last.chars().take(per_line - 1).collect();
            *last = format!("{}…", keep.trim_end());
        }
    }
    lines
}

/// A word cut after each `-` or `/` ("Duisburg-", "Mülheim/", "Ruhr").
fn pieces(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in word.char_indices() {
        if (c == '-' || c == '/') && at > start {
            out.push(&word[start..at + 1]);
            start = at + 1;
        }
    }
    if start < word.len() {
        out.push(&word[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_within_the_line_and_overflow_ends_in_an_ellipsis() {
        assert_eq!(wrap("Caritas Köln Süd", 12, 3), ["Caritas Köln", "Süd"]);
        assert_eq!(wrap("abcdefghij", 4, 9), ["abc-", "def-", "ghij"]);
        let lines = wrap("eins zwei drei vier fünf sechs", 10, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        for line in wrap("a very long name of an agency somewhere in NRW", 9, 99) {
            assert!(line.chars().count() <= 9, "{line}");
        }
        assert!(wrap("   ", 10, 2).is_empty());
        assert_eq!(
            wrap("Duisburg-Mülheim/Ruhr-Oberhausen Süd", 18, 9),
            ["Duisburg-Mülheim/", "Ruhr-Oberhausen", "Süd"]
        );
    }

    #[test]
    fn long_names_get_a_smaller_font_and_never_more_than_five_lines() {
        let (big, lines) = fit_name("Caritas Köln");
        assert_eq!((big, lines.len()), (60.0, 1));
        let long =
            "Integrationsagentur mit Servicestelle für Antidiskriminierungsarbeit im Kirchenkreis";
        let (size, lines) = fit_name(long);
        assert!(size < big && lines.len() <= 4, "{size} {lines:?}");
        assert_eq!(
            lines.concat().replace(' ', ""),
            long.replace(' ', ""),
            "no word cut"
        );
        // Every real name fits, without a cut word.
        let real =
            crate::parse_dataset(include_str!("../../../../public/data/agencies.json")).unwrap();
        for agency in &real.agencies {
            let (_, lines) = fit_name(&agency.name);
            let joined: String = lines.concat().split_whitespace().collect();
            let name: String = agency.name.split_whitespace().collect();
            assert!(lines.len() <= 4 && joined == name, "{lines:?}");
        }
        let (_, lines) = fit_name(&"Wort ".repeat(200));
        assert_eq!(lines.len(), 5);
        assert!(lines[4].ends_with('…'));
    }

    #[test]
    fn the_picture_has_the_name_as_text_and_one_mark_per_dot() {
        let square: Ring = vec![(6.0, 51.0), (7.0, 51.0), (7.0, 52.0), (6.0, 51.0)];
        let dots = [
            Dot {
                lat: 51.5,
                lon: 7.0,
                servicestelle: false,
            },
            Dot {
                lat: 51.6,
                lon: 7.2,
                servicestelle: true,
            },
        ];
        let svg = Preview {
            land: std::slice::from_ref(&square),
            kreise: &[],
            highlight: std::slice::from_ref(&square),
            others: &dots,
            dots: &dots,
            kicker: "Kreis",
            name: "<A & \"B\">",
            subtitle: "2 Integrationsagenturen",
            badge: Some("Servicestelle"),
            footer: "Integrationsagenturen in NRW finden",
        }
        .to_svg();
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\""
        ));
        assert!(svg.contains("&lt;A &amp; &quot;B&quot;&gt;"));
        assert!(!svg.contains("<A "));
        assert_eq!(svg.matches("<circle").count(), 1);
        assert_eq!(svg.matches(&format!("fill=\"{SADA}\" stroke")).count(), 1);
        assert!(svg.contains("fill-opacity=\"0.18\""));
        assert!(svg.contains(">Servicestelle</text>"));
        // The real badge text is never cut.
        assert_eq!(
            wrap(
                "Servicestelle für Antidiskriminierungsarbeit",
                chars_per_line(18.0, BOLD_ADVANCE) - 1,
                1
            ),
            ["Servicestelle für Antidiskriminierungsarbeit"]
        );
    }
}

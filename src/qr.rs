//! QR codes (the `qrcode` crate): the static agency pages' at build time
//! (`crate::pages`) and any address's on the generator page
//! (`ui::qr_code`, issue 20). Residents' Wasm does not contain it: the
//! finder never calls it, and link-time optimisation drops it.

use std::fmt::Write as _;

use ia_core::html::escape;
use qrcode::{EcLevel, QrCode};

/// Modules of white around a QR code (the standard's quiet zone).
pub const QUIET: usize = 4;

/// A QR code's modules, quiet zone included: `side` × `side`, row by row,
/// `true` for dark.
pub struct Modules {
    pub side: usize,
    pub dark: Vec<bool>,
}

impl Modules {
    /// The code of `text` at error correction M (15 %): a printed code still
    /// reads with a smudge, and a page URL stays a small code.
    pub fn of(text: &str) -> Result<Modules, String> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
            .map_err(|e| e.to_string())?;
        let n = code.width();
        let side = n + 2 * QUIET;
        let mut dark = vec![false; side * side];
        for (i, color) in code.to_colors().iter().enumerate() {
            if *color == qrcode::Color::Dark {
                dark[(i / n + QUIET) * side + i % n + QUIET] = true;
            }
        }
        Ok(Modules { side, dark })
    }

    /// The dark modules as `(x, y)`.
    pub fn dark_modules(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.dark
            .iter()
            .enumerate()
            .filter(|(_, dark)| **dark)
            .map(|(i, _)| (i % self.side, i / self.side))
    }

    /// As SVG, one unit per module, black on white, with `label` as its text
    /// alternative.
    pub fn to_svg(&self, label: &str) -> String {
        let side = self.side;
        let mut d = String::new();
        for (x, y) in self.dark_modules() {
            let _ = write!(d, "M{x},{y}h1v1h-1z");
        }
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{side}" height="{side}" viewBox="0 0 {side} {side}" shape-rendering="crispEdges" role="img" aria-label="{label}"><rect width="{side}" height="{side}" fill="#ffffff"/><path fill="#000000" d="{d}"/></svg>"##,
            label = escape(label),
        )
    }
}

/// A QR code of `text` as SVG (see [`Modules::to_svg`]).
pub fn qr_svg(text: &str, label: &str) -> Result<String, String> {
    Ok(Modules::of(text)?.to_svg(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qr_code_is_a_square_of_modules_with_a_quiet_zone() {
        let svg = qr_svg("https://k.example.org/agentur/a.html", "QR-Code <a>").unwrap();
        assert!(svg.contains("aria-label=\"QR-Code &lt;a&gt;\""));
        // Version 3 (29 modules) for a URL of this length at level M.
        assert!(svg.contains("viewBox=\"0 0 37 37\""), "{}", &svg[..200]);
        assert!(svg.contains("M4,4h1v1h-1z"), "the finder pattern's corner");
        let modules = Modules::of("https://k.example.org/agentur/a.html").unwrap();
        assert_eq!(modules.side, 37);
        // The quiet zone is white all round.
        for i in 0..modules.side {
            for (x, y) in [(i, 0), (0, i), (i, 36), (36, i), (i, 3), (3, i)] {
                assert!(!modules.dark[y * 37 + x], "({x},{y})");
            }
        }
        // The finder pattern's 7×7 ring starts at (4,4).
        assert!((4..11).all(|x| modules.dark[4 * 37 + x]));
    }
}

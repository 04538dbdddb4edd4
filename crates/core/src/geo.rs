//! Geometry on plain numbers: bounding boxes, great-circle distance and
//! point-in-polygon. Nothing here knows about Leaflet; the map module converts
//! at its edge.

/// A latitude/longitude box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

/// A box around North Rhine-Westphalia with a small margin
/// (the Land spans about 50.32–52.53 °N and 5.87–9.46 °E).
pub const NRW_BBOX: BBox = BBox {
    south: 50.30,
    west: 5.80,
    north: 52.56,
    east: 9.50,
};

impl BBox {
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.south..=self.north).contains(&lat) && (self.west..=self.east).contains(&lon)
    }

    /// The smallest box around the points, or `None` for no points.
    pub fn around(points: impl IntoIterator<Item = (f64, f64)>) -> Option<BBox> {
        let mut points = points.into_iter();
        let (lat, lon) = points.next()?;
        let mut bbox = BBox {
            south: lat,
            west: lon,
            north: lat,
            east: lon,
        };
        for (lat, lon) in points {
            bbox.south = bbox.south.min(lat);
            bbox.north = bbox.north.max(lat);
            bbox.west = bbox.west.min(lon);
            bbox.east = bbox.east.max(lon);
        }
        Some(bbox)
    }
}

/// Formats a number with a fixed number of decimals (at most 9) using integer
/// arithmetic only: `format_fixed(6.96031, 4)` is `"6.9603"`. This avoids
/// pulling Rust's float formatting machinery (about 15 KB) into the Wasm build.
/// Non-finite values give `"0"`.
pub fn format_fixed(value: f64, decimals: u32) -> String {
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals);
    if !value.is_finite() || value.abs() >= (i64::MAX / scale as i64) as f64 {
        return "0".into();
    }
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    if decimals == 0 {
        return format!("{sign}{magnitude}");
    }
    format!(
        "{sign}{}.{:0width$}",
        magnitude / scale,
        magnitude % scale,
        width = decimals as usize
    )
}

/// Like [`format_fixed`], without trailing zeros after the point:
/// `format_trimmed(6.96030, 7)` is `"6.9603"`, `format_trimmed(7.0, 7)` is `"7"`.
pub fn format_trimmed(value: f64, decimals: u32) -> String {
    let mut text = format_fixed(value, decimals);
    if text.contains('.') {
        let kept = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(kept);
    }
    if text == "-0" {
        text.remove(0);
    }
    text
}

/// Reads a plain decimal number such as `51.2345`, `-7` or `.5`: an optional
/// sign, digits, and at most one point; no exponent, no `inf` or `NaN`. Digits
/// beyond the 18th significant one are ignored. Like [`format_fixed`], this
/// keeps Rust's general float parser (and its tables, about 20 KB) out of the
/// Wasm build; numbers with up to 15 significant digits read exactly as
/// `str::parse::<f64>` reads them.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut significant = 0u32;
    let mut dropped_whole_digits = 0i32;
    let mut fraction_digits = 0i32;
    for (is_fraction, byte) in whole
        .bytes()
        .map(|b| (false, b))
        .chain(fraction.bytes().map(|b| (true, b)))
    {
        if !byte.is_ascii_digit() {
            return None;
        }
        let digit = u64::from(byte - b'0');
        if significant < 18 {
            mantissa = mantissa * 10 + digit;
            if mantissa > 0 {
                significant += 1;
            }
            if is_fraction {
                fraction_digits += 1;
            }
        } else if !is_fraction {
            dropped_whole_digits += 1;
        }
    }
    // Both operands are exact (below 2^53 for up to 15 digits), so one
    // division rounds correctly.
    let exponent = dropped_whole_digits - fraction_digits;
    let magnitude = if exponent >= 0 {
        mantissa as f64 * 10f64.powi(exponent)
    } else {
        mantissa as f64 / 10f64.powi(-exponent)
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// Mean Earth radius in kilometres (IUGG).
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in kilometres (haversine formula).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (phi1, phi2) = (lat1.to_radians(), lat2.to_radians());
    let d_phi = (lat2 - lat1).to_radians();
    let d_lambda = (lon2 - lon1).to_radians();
    let a = (d_phi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (d_lambda / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}

/// Even-odd test of a point against one ring of `(lon, lat)` vertices, as in GeoJSON.
pub fn ring_contains(ring: &[[f64; 2]], lat: f64, lon: f64) -> bool {
    let mut inside = false;
    let mut previous = match ring.last() {
        Some(vertex) => *vertex,
        None => return false,
    };
    for &vertex in ring {
        let ([x1, y1], [x2, y2]) = (previous, vertex);
        if (y1 > lat) != (y2 > lat) && lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
        previous = vertex;
    }
    inside
}

/// A GeoJSON polygon (outer ring first, then holes) contains the point.
pub fn polygon_contains(rings: &[Vec<[f64; 2]>], lat: f64, lon: f64) -> bool {
    let mut rings = rings.iter();
    match rings.next() {
        Some(outer) if ring_contains(outer, lat, lon) => {
            !rings.any(|hole| ring_contains(hole, lat, lon))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_like_the_standard_parser() {
        for text in [
            "51.2345",
            "-7",
            "+6.5",
            ".5",
            "5.",
            "0",
            "-0.0001",
            "50.9375123",
            "100000",
            "007.10",
        ] {
            assert_eq!(parse_decimal(text), text.parse::<f64>().ok(), "{text}");
        }
        for text in [
            "", "-", ".", "1e5", "inf", "NaN", "1.2.3", " 1", "1 ", "--1", "0x10", "½",
        ] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
        // Beyond 18 significant digits the rest is ignored, not rejected.
        let long = parse_decimal("1234567890123456789012.5").unwrap_or(0.0);
        assert!(
            (long / 1.234_567_890_123_456_8e21 - 1.0).abs() < 1e-15,
            "{long}"
        );
    }

    #[test]
    fn trimmed_numbers() {
        assert_eq!(format_trimmed(6.960_30, 7), "6.9603");
        assert_eq!(format_trimmed(7.0, 7), "7");
        assert_eq!(format_trimmed(-0.000_000_01, 7), "0");
        assert_eq!(format_trimmed(-1.5, 2), "-1.5");
        assert_eq!(format_trimmed(120.0, 0), "120");
    }

    proptest::proptest! {
        #[test]
        fn fixed_decimals_read_back(value in -1000.0f64..1000.0, decimals in 0u32..8) {
            let text = format_fixed(value, decimals);
            proptest::prop_assert_eq!(parse_decimal(&text), text.parse::<f64>().ok());
            let trimmed = format_trimmed(value, decimals);
            proptest::prop_assert_eq!(parse_decimal(&trimmed), text.parse::<f64>().ok());
        }

        #[test]
        fn any_text_is_read_or_refused_without_panic(text in "\\PC{0,30}") {
            let _ = parse_decimal(&text);
        }
    }

    #[test]
    fn known_distances() {
        // Köln Dom → Düsseldorf Hbf is about 34 km as the crow flies.
        let d = distance_km(50.9413, 6.9583, 51.2199, 6.7942);
        assert!((d - 33.5).abs() < 1.0, "{d}");
        assert_eq!(distance_km(51.0, 7.0, 51.0, 7.0), 0.0);
        // One degree of latitude is about 111.2 km.
        assert!((distance_km(51.0, 7.0, 52.0, 7.0) - 111.2).abs() < 0.2);
    }

    #[test]
    fn polygon_with_hole() {
        let outer = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        let hole = vec![[4.0, 4.0], [6.0, 4.0], [6.0, 6.0], [4.0, 6.0]];
        let rings = vec![outer, hole];
        assert!(polygon_contains(&rings, 1.0, 1.0));
        assert!(!polygon_contains(&rings, 5.0, 5.0));
        assert!(!polygon_contains(&rings, 11.0, 5.0));
        assert!(!polygon_contains(&[], 1.0, 1.0));
    }

    #[test]
    fn fixed_decimals_match_std_formatting() {
        for value in [
            0.0, 6.96031, -6.96035, 50.93749, 0.00004, -0.00004, 123.5, 51.99999,
        ] {
            assert_eq!(
                format_fixed(value, 4),
                format!("{value:.4}").replace("-0.0000", "0.0000"),
                "{value}"
            );
        }
        assert_eq!(format_fixed(7.5, 0), "8");
        assert_eq!(format_fixed(f64::NAN, 4), "0");
    }

    #[test]
    fn bbox_around_points() {
        assert_eq!(BBox::around([]), None);
        let bbox = BBox::around([(51.0, 7.0), (50.5, 8.0)]);
        assert_eq!(
            bbox,
            Some(BBox {
                south: 50.5,
                west: 7.0,
                north: 51.0,
                east: 8.0
            })
        );
    }
}

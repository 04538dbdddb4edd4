//! A static map of NRW as inline SVG: the Land outline, the Kreis borders
//! and one dot per agency, for the prerendered first view (and for any page
//! that needs a small map without Leaflet, tiles or JavaScript).
//!
//! Why here: the same Web Mercator projection as the live map
//! ([`crate::cluster::project`]), so the picture matches what Leaflet shows
//! when it takes over; and pure, so it is tested natively. Borders are
//! simplified to the SVG's pixel grid (a point closer than
//! [`MIN_STEP`] to the last kept one is dropped) and written as relative path
//! commands with whole numbers, which keeps the whole map small enough to
//! inline into the page (about 10 KB gzip for NRW's 53 Kreise).
//!
//! Agency dots follow the live map's legend: a circle for an agency, a square
//! in the Servicestelle colour for a Servicestelle für Antidiskriminierungsarbeit.

use std::fmt::Write as _;

use crate::cluster::project;
use crate::geo::BBox;
use crate::html::escape;

/// A ring of `(lon, lat)` points, as GeoJSON writes them.
pub type Ring = Vec<(f64, f64)>;

/// The outer and inner rings of every polygon of a boundary file, read by
/// [`crate::geojson`] (an error names the feature and field).
pub fn rings_from_geojson(text: &str) -> Result<Vec<Ring>, String> {
    Ok(crate::geojson::parse_features(text)?
        .iter()
        .flat_map(feature_rings)
        .collect())
}

/// The outer and inner rings of one feature's polygons, as `(lon, lat)`
/// (a ring of fewer than three positions draws nothing and is left out).
pub fn feature_rings(feature: &crate::geojson::Feature) -> Vec<Ring> {
    feature
        .geometry
        .iter()
        .flatten()
        .filter(|ring| ring.len() >= 3)
        .map(|ring| ring.iter().map(|&[lon, lat]| (lon, lat)).collect())
        .collect()
}

/// A point drawn on the map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dot {
    pub lat: f64,
    pub lon: f64,
    /// Drawn as a Servicestelle (a square in the Servicestelle colour).
    pub servicestelle: bool,
}

/// Width of the SVG's coordinate system; the height follows from the box.
pub const WIDTH: f64 = 600.0;

/// Border points closer than this (in SVG units) to the last kept point are
/// dropped.
pub const MIN_STEP: f64 = 2.0;

/// The map's drawing: land and Kreise under the dots.
pub struct StaticMap<'a> {
    pub bbox: BBox,
    pub land: &'a [Ring],
    pub kreise: &'a [Ring],
    pub dots: &'a [Dot],
    /// The text alternative (`<title>`), e.g. "Karte: 92 Integrationsagenturen in NRW".
    pub title: &'a str,
    /// A name written in the map's top left corner, where NRW leaves room
    /// (the Netherlands), e.g. "Nordrhein-Westfalen".
    pub label: &'a str,
}

impl StaticMap<'_> {
    /// The SVG element. The `viewBox` keeps the box's Mercator proportions
    /// and the picture is centred in whatever box CSS gives it.
    pub fn to_svg(&self) -> String {
        let projection = Projection::new(self.bbox);
        let mut svg = String::new();
        let _ = write!(
            svg,
            r#"<svg class="static-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" preserveAspectRatio="xMidYMid meet" role="img" aria-labelledby="static-map-title"><title id="static-map-title">{}</title>"#,
            WIDTH,
            projection.height.round(),
            escape(self.title),
        );
        let _ = write!(
            svg,
            r#"<path class="static-map__land" d="{}"/>"#,
            path(&projection, self.land)
        );
        let _ = write!(
            svg,
            r#"<path class="static-map__kreise" d="{}"/>"#,
            path(&projection, self.kreise)
        );
        // The label carries the benchmark's Element Timing mark: a picture of
        // paths alone reports no paint time.
        let _ = write!(
            svg,
            r#"<text class="static-map__label" x="8" y="8" dominant-baseline="hanging" elementtiming="static-map">{}</text>"#,
            escape(self.label)
        );
        // Servicestellen last: their squares stay visible where dots overlap.
        let mut agencies = String::new();
        let mut servicestellen = String::new();
        for dot in self.dots {
            let (x, y) = projection.point(dot.lon, dot.lat);
            if dot.servicestelle {
                let _ = write!(
                    servicestellen,
                    "M{},{}h8v8h-8z",
                    (x - 4.0).round(),
                    (y - 4.0).round()
                );
            } else {
                // A circle of radius 4 as two arcs.
                let _ = write!(
                    agencies,
                    "M{},{}a4,4 0 1,0 8,0a4,4 0 1,0 -8,0z",
                    (x - 4.0).round(),
                    y.round()
                );
            }
        }
        let _ = write!(
            svg,
            r#"<path class="static-map__agency" d="{agencies}"/><path class="static-map__sada" d="{servicestellen}"/></svg>"#
        );
        svg
    }
}

/// Where a point lands in the SVG of a map of `bbox` (Web Mercator, the
/// box [`WIDTH`] wide): for pictures that draw their own marks over a map
/// (the preview images, `crate::pages::preview`).
pub fn point(bbox: BBox, lat: f64, lon: f64) -> (f64, f64) {
    Projection::new(bbox).point(lon, lat)
}

/// The height of the SVG of a map of `bbox`.
pub fn height(bbox: BBox) -> f64 {
    Projection::new(bbox).height
}

/// The rings as one SVG path in a map of `bbox` (see [`StaticMap`]).
pub fn outline_path(bbox: BBox, rings: &[Ring]) -> String {
    path(&Projection::new(bbox), rings)
}

/// Web Mercator, scaled so the box is [`WIDTH`] wide.
struct Projection {
    origin: (f64, f64),
    scale: f64,
    height: f64,
}

impl Projection {
    fn new(bbox: BBox) -> Projection {
        let (west, north) = project(bbox.north, bbox.west, 0.0);
        let (east, south) = project(bbox.south, bbox.east, 0.0);
        let scale = WIDTH / (east - west);
        Projection {
            origin: (west, north),
            scale,
            height: (south - north) * scale,
        }
    }

    fn point(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = project(lat, lon, 0.0);
        (
            (x - self.origin.0) * self.scale,
            (y - self.origin.1) * self.scale,
        )
    }
}

/// The rings as one path: an absolute move to each ring's start, then
/// relative whole-number steps of at least [`MIN_STEP`].
fn path(projection: &Projection, rings: &[Ring]) -> String {
    let mut d = String::new();
    for ring in rings {
        let mut points = ring.iter().map(|&(lon, lat)| projection.point(lon, lat));
        let Some((x, y)) = points.next() else {
            continue;
        };
        let mut last = (x.round() as i64, y.round() as i64);
        let _ = write!(d, "M{},{}", last.0, last.1);
        let mut steps = 0;
        for (x, y) in points {
            let next = (x.round() as i64, y.round() as i64);
            let (dx, dy) = (next.0 - last.0, next.1 - last.1);
            if ((dx * dx + dy * dy) as f64) < MIN_STEP * MIN_STEP {
                continue;
            }
            let _ = write!(d, "l{dx},{dy}");
            last = next;
            steps += 1;
        }
        if steps < 2 {
            // Too small to see at this scale: drop the ring's move again.
            let start = d.rfind('M').unwrap_or(0);
            d.truncate(start);
            continue;
        }
        d.push('z');
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::NRW_BBOX;

    const SQUARE: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"AGS":"05111","GEN":"A","BEZ":"Kreis"},"geometry":{"type":"Polygon","coordinates":[[[6.0,51.0],[7.0,51.0],[7.0,52.0],[6.0,52.0],[6.0,51.0]]]}},
        {"type":"Feature","properties":{"AGS":"05112","GEN":"B","BEZ":"Kreis"},"geometry":{"type":"MultiPolygon","coordinates":[[[[8.0,51.0],[8.5,51.0],[8.5,51.5],[8.0,51.0]],[[8.1,51.1],[8.2,51.1]]]]}}
    ]}"#;

    #[test]
    fn rings_are_read_from_polygons_and_multipolygons() {
        let rings = rings_from_geojson(SQUARE).unwrap();
        // The two-position ring draws nothing and is left out.
        assert_eq!(rings.len(), 2);
        assert_eq!(rings[0].len(), 5);
        assert_eq!(rings[1][1], (8.5, 51.0));
        assert!(rings_from_geojson("[]").is_err());
        assert!(rings_from_geojson("not json").is_err());
        // One reader for every boundary file (crate::geojson): a geometry it
        // does not draw is an error naming the feature, not skipped unseen.
        let point = SQUARE.replacen(r#""type":"MultiPolygon","coordinates":[[[[8.0,51.0],[8.5,51.0],[8.5,51.5],[8.0,51.0]],[[8.1,51.1],[8.2,51.1]]]]"#, r#""type":"Point","coordinates":[7.0,51.0]"#, 1);
        let error = rings_from_geojson(&point).unwrap_err();
        assert!(
            error.contains("feature 1") && error.contains("Point"),
            "{error}"
        );
    }

    fn svg(dots: &[Dot], title: &str) -> String {
        let rings = rings_from_geojson(SQUARE).unwrap();
        StaticMap {
            bbox: NRW_BBOX,
            land: &rings,
            kreise: &rings[..1],
            dots,
            title,
            label: "Nordrhein-Westfalen",
        }
        .to_svg()
    }

    #[test]
    fn dots_are_circles_and_servicestellen_squares() {
        let dots = [
            Dot {
                lat: 51.0,
                lon: 7.0,
                servicestelle: false,
            },
            Dot {
                lat: 51.5,
                lon: 7.5,
                servicestelle: true,
            },
            Dot {
                lat: 51.6,
                lon: 7.6,
                servicestelle: true,
            },
        ];
        let svg = svg(&dots, "Karte");
        let agency = svg.split("static-map__agency\" d=\"").nth(1).unwrap();
        let sada = svg.split("static-map__sada\" d=\"").nth(1).unwrap();
        assert_eq!(agency.split('"').next().unwrap().matches('M').count(), 1);
        assert_eq!(
            sada.split('"').next().unwrap().matches("h8v8h-8z").count(),
            2
        );
        assert!(svg.starts_with("<svg class=\"static-map\""));
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn points_land_where_the_mercator_projection_puts_them() {
        let projection = Projection::new(NRW_BBOX);
        let (x, y) = projection.point(NRW_BBOX.west, NRW_BBOX.north);
        assert!(x.abs() < 1e-9 && y.abs() < 1e-9);
        let (x, y) = projection.point(NRW_BBOX.east, NRW_BBOX.south);
        assert!((x - WIDTH).abs() < 1e-9);
        assert!((y - projection.height).abs() < 1e-9);
        // Mercator stretches north-south: NRW (3.7° wide, 2.26° tall) is
        // taller than 2.26/3.7 of its width.
        assert!(projection.height > WIDTH * 2.26 / 3.7);
    }

    #[test]
    fn paths_are_relative_whole_steps_and_tiny_rings_vanish() {
        let projection = Projection::new(NRW_BBOX);
        let big: Ring = vec![(6.0, 51.0), (7.0, 51.0), (7.0, 52.0), (6.0, 51.0)];
        let tiny: Ring = vec![(6.0, 51.0), (6.0001, 51.0), (6.0001, 51.0001), (6.0, 51.0)];
        let d = path(&projection, &[big.clone(), tiny]);
        assert_eq!(d.matches('M').count(), 1, "{d}");
        assert!(d.ends_with('z'));
        assert!(!d.contains('.'), "whole numbers only: {d}");
        assert_eq!(path(&projection, &[big]), d);
    }

    #[test]
    fn the_title_is_text_never_markup() {
        let svg = svg(&[], "<script>alert(1)</script> & \"x\"");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
        assert!(!svg.contains("<script>"));
    }
}

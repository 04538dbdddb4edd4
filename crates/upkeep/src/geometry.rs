//! Plane geometry on GeoJSON-style polygons (`[lon, lat]` positions): area,
//! centroid, a point guaranteed inside, point-in-polygon and small offsets in
//! metres. Point-in-polygon itself is `ia_core::geo::polygon_contains`.

use ia_core::geo::polygon_contains;
pub use ia_core::geojson::{MultiPolygon, Point, Polygon, Ring};

/// Metres per degree of latitude (mean Earth radius 6371.0088 km).
pub const METRES_PER_DEGREE: f64 = 111_195.08;

/// Signed area (shoelace, in square degrees) and area-weighted centroid of a ring.
fn ring_moments(ring: &[Point]) -> (f64, f64, f64) {
    let (mut area2, mut cx, mut cy) = (0.0, 0.0, 0.0);
    let Some(&[x0, y0]) = ring.first() else {
        return (0.0, 0.0, 0.0);
    };
    // Relative to the first vertex for numerical stability.
    for pair in ring.windows(2) {
        let ([ax, ay], [bx, by]) = (pair[0], pair[1]);
        let (ax, ay, bx, by) = (ax - x0, ay - y0, bx - x0, by - y0);
        let cross = ax * by - bx * ay;
        area2 += cross;
        cx += (ax + bx) * cross;
        cy += (ay + by) * cross;
    }
    if let (Some(&[lx, ly]), Some(&[fx, fy])) = (ring.last(), ring.first()) {
        // Close the ring if the file did not.
        let (ax, ay, bx, by) = (lx - x0, ly - y0, fx - x0, fy - y0);
        let cross = ax * by - bx * ay;
        area2 += cross;
        cx += (ax + bx) * cross;
        cy += (ay + by) * cross;
    }
    if area2 == 0.0 {
        return (0.0, x0, y0);
    }
    (
        area2 / 2.0,
        cx / (3.0 * area2) + x0,
        cy / (3.0 * area2) + y0,
    )
}

/// Absolute area of a ring in square degrees.
pub fn ring_area(ring: &[Point]) -> f64 {
    ring_moments(ring).0.abs()
}

/// Area of a polygon (outer ring minus holes) in square degrees.
pub fn polygon_area(polygon: &Polygon) -> f64 {
    let mut rings = polygon.iter();
    let outer = rings.next().map(|r| ring_area(r)).unwrap_or(0.0);
    outer - rings.map(|r| ring_area(r)).sum::<f64>()
}

/// Area-weighted centroid of a polygon with holes, `None` if it has no area.
pub fn polygon_centroid(polygon: &Polygon) -> Option<Point> {
    let (mut total, mut sx, mut sy) = (0.0, 0.0, 0.0);
    for (index, ring) in polygon.iter().enumerate() {
        let (area, cx, cy) = ring_moments(ring);
        let weight = if index == 0 { area.abs() } else { -area.abs() };
        total += weight;
        sx += weight * cx;
        sy += weight * cy;
    }
    (total > 0.0).then(|| [sx / total, sy / total])
}

/// True when the point lies in any polygon of the multipolygon.
pub fn contains(geometry: &MultiPolygon, lat: f64, lon: f64) -> bool {
    geometry
        .iter()
        .any(|polygon| polygon_contains(polygon, lat, lon))
}

/// A point inside the polygon: its centroid when that lies inside, otherwise
/// the middle of the widest stretch of the horizontal line through the
/// centroid that lies inside (so crescents and U shapes work too).
pub fn point_inside(polygon: &Polygon) -> Option<Point> {
    let centroid = polygon_centroid(polygon)?;
    if polygon_contains(polygon, centroid[1], centroid[0]) {
        return Some(centroid);
    }
    let lat = centroid[1];
    let mut crossings = Vec::new();
    for ring in polygon {
        for pair in ring.windows(2) {
            let ([x1, y1], [x2, y2]) = (pair[0], pair[1]);
            if (y1 > lat) != (y2 > lat) {
                crossings.push((x2 - x1) * (lat - y1) / (y2 - y1) + x1);
            }
        }
    }
    crossings.sort_by(f64::total_cmp);
    let best = crossings
        .chunks_exact(2)
        .map(|pair| (pair[1] - pair[0], (pair[0] + pair[1]) / 2.0))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    polygon_contains(polygon, lat, best.1).then_some([best.1, lat])
}

/// A point inside the largest polygon of a multipolygon.
pub fn representative_point(geometry: &MultiPolygon) -> Option<Point> {
    let largest = geometry
        .iter()
        .max_by(|a, b| polygon_area(a).total_cmp(&polygon_area(b)))?;
    point_inside(largest)
}

/// Bounding box `(west, south, east, north)` of a multipolygon.
pub fn bbox(geometry: &MultiPolygon) -> (f64, f64, f64, f64) {
    let mut bbox = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    for &[lon, lat] in geometry.iter().flatten().flatten() {
        bbox.0 = bbox.0.min(lon);
        bbox.1 = bbox.1.min(lat);
        bbox.2 = bbox.2.max(lon);
        bbox.3 = bbox.3.max(lat);
    }
    bbox
}

/// The point `distance_m` metres from `(lat, lon)` in direction `bearing`
/// (radians clockwise from north); exact enough for offsets of a few hundred metres.
pub fn offset(lat: f64, lon: f64, distance_m: f64, bearing: f64) -> (f64, f64) {
    let dlat = distance_m * bearing.cos() / METRES_PER_DEGREE;
    let dlon = distance_m * bearing.sin() / (METRES_PER_DEGREE * lat.to_radians().cos());
    (lat + dlat, lon + dlon)
}

/// Rounds to a number of decimals.
pub fn round_to(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x0: f64, y0: f64, size: f64) -> Ring {
        vec![
            [x0, y0],
            [x0 + size, y0],
            [x0 + size, y0 + size],
            [x0, y0 + size],
            [x0, y0],
        ]
    }

    #[test]
    fn area_and_centroid_of_a_square_with_a_hole() {
        let polygon = vec![square(0.0, 0.0, 4.0), square(0.0, 0.0, 2.0)];
        assert!((polygon_area(&polygon) - 12.0).abs() < 1e-9);
        let [x, y] = polygon_centroid(&polygon).unwrap_or([0.0, 0.0]);
        // Centroid of a 4x4 square minus its lower-left 2x2 quarter.
        assert!(
            (x - 7.0 / 3.0).abs() < 1e-9 && (y - 7.0 / 3.0).abs() < 1e-9,
            "{x} {y}"
        );
    }

    #[test]
    fn point_inside_a_u_shape() {
        // A U open to the north: its centroid lies in the gap.
        let u = vec![vec![
            [0.0, 0.0],
            [3.0, 0.0],
            [3.0, 3.0],
            [2.0, 3.0],
            [2.0, 0.5],
            [1.0, 0.5],
            [1.0, 3.0],
            [0.0, 3.0],
            [0.0, 0.0],
        ]];
        let centroid = polygon_centroid(&u).unwrap_or([0.0, 0.0]);
        assert!(!polygon_contains(&u, centroid[1], centroid[0]));
        let [x, y] = point_inside(&u).unwrap_or([-1.0, -1.0]);
        assert!(polygon_contains(&u, y, x), "{x} {y}");
    }

    #[test]
    fn representative_point_uses_the_largest_part() {
        let geometry = vec![vec![square(10.0, 10.0, 1.0)], vec![square(0.0, 0.0, 3.0)]];
        assert_eq!(representative_point(&geometry), Some([1.5, 1.5]));
        assert!(contains(&geometry, 10.5, 10.5) && !contains(&geometry, 5.0, 5.0));
    }

    #[test]
    fn offsets_are_metric() {
        let (lat, lon) = offset(51.0, 7.0, 120.0, 0.0);
        assert!((ia_core::geo::distance_km(51.0, 7.0, lat, lon) - 0.12).abs() < 0.001);
        let (lat, lon) = offset(51.0, 7.0, 120.0, std::f64::consts::FRAC_PI_2);
        assert!((ia_core::geo::distance_km(51.0, 7.0, lat, lon) - 0.12).abs() < 0.001);
        assert_eq!(round_to(7.123456, 4), 7.1235);
    }
}

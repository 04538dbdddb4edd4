//! Topology-preserving Douglas–Peucker simplification of a set of adjacent
//! polygons (Kreise, Gemeinden).
//!
//! Simplifying every ring on its own would open gaps and overlaps along shared
//! borders. Instead, as TopoJSON does, rings are cut into *arcs* at junctions
//! (vertices where the set of neighbouring vertices differs between the rings
//! that use it); every arc is simplified once, in a canonical direction, with
//! its end points fixed, so two neighbours get exactly the same border.
//!
//! Positions are compared as integers (1e-7 degrees, about 1 cm), distances
//! are measured in metres on a local equirectangular plane. A ring that ends
//! up with fewer than 4 positions is dropped (a hole disappears, a tiny
//! exclave disappears); if that would leave a feature with no polygon at all,
//! the arcs of its largest ring are simplified again with a finer tolerance.

use std::collections::{HashMap, HashSet};

use crate::geojson::Feature;
use crate::geometry::{polygon_area, MultiPolygon, Polygon, METRES_PER_DEGREE};
use crate::{Error, Result};

/// Integer position, 1e-7 degrees.
type Key = (i64, i64);

const SCALE: f64 = 1e7;

fn key([lon, lat]: [f64; 2]) -> Key {
    ((lon * SCALE).round() as i64, (lat * SCALE).round() as i64)
}

/// How to simplify one file.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Douglas–Peucker tolerance in metres.
    pub tolerance_m: f64,
    /// Decimals kept in the output coordinates.
    pub decimals: i32,
}

/// A ring cut into arcs, each referring to the canonical arc table.
struct RingArcs {
    /// `(arc index, reversed)` in ring order.
    arcs: Vec<(usize, bool)>,
}

/// Simplifies all features together so shared borders stay shared.
pub fn simplify(features: &[Feature], options: Options) -> Result<Vec<Feature>> {
    // Open rings (without the closing position) in integer positions.
    let rings: Vec<Vec<Vec<Vec<Key>>>> = features
        .iter()
        .map(|feature| {
            feature
                .geometry
                .iter()
                .map(|polygon| polygon.iter().map(|ring| open_ring(ring)).collect())
                .collect()
        })
        .collect();

    let junctions = find_junctions(rings.iter().flatten().flatten());
    let mut table = ArcTable::default();
    let cut: Vec<Vec<Vec<RingArcs>>> = rings
        .iter()
        .map(|polygons| {
            polygons
                .iter()
                .map(|polygon| {
                    polygon
                        .iter()
                        .map(|ring| cut_ring(ring, &junctions, &mut table))
                        .collect()
                })
                .collect()
        })
        .collect();

    let lat0 = mean_latitude(features);
    let x_scale = lat0.to_radians().cos();
    let mut tolerances = vec![options.tolerance_m; table.arcs.len()];
    let mut lost = Vec::new();
    // Up to three rounds: features that would vanish get finer arcs
    // (an eighth of the tolerance, then every position).
    for round in 0..3 {
        let kept: Vec<Vec<usize>> = table
            .arcs
            .iter()
            .zip(&tolerances)
            .map(|(arc, &tolerance)| douglas_peucker(arc, tolerance, x_scale))
            .collect();
        let mut refine = Vec::new();
        let mut output = Vec::with_capacity(features.len());
        lost.clear();
        for (feature, polygons) in features.iter().zip(&cut) {
            let geometry = assemble(polygons, &table, &kept, options.decimals);
            if geometry.is_empty() {
                // Refine the arcs of the largest original ring.
                let largest = feature
                    .geometry
                    .iter()
                    .enumerate()
                    .max_by(|a, b| polygon_area(a.1).total_cmp(&polygon_area(b.1)))
                    .map(|(index, _)| index);
                if let Some(ring) = largest.and_then(|index| polygons[index].first()) {
                    refine.extend(ring.arcs.iter().map(|&(arc, _)| arc));
                }
                lost.push(format!("{} {}", feature.ags, feature.gen));
            } else {
                output.push(Feature {
                    ags: feature.ags.clone(),
                    gen: feature.gen.clone(),
                    bez: feature.bez.clone(),
                    geometry,
                });
            }
        }
        if lost.is_empty() {
            return Ok(output);
        }
        for arc in refine {
            tolerances[arc] = if round == 0 {
                tolerances[arc] / 8.0
            } else {
                0.0
            };
        }
    }
    Err(Error(format!(
        "simplification left no polygon for: {}",
        lost.join(", ")
    )))
}

fn open_ring(ring: &[[f64; 2]]) -> Vec<Key> {
    let mut keys: Vec<Key> = Vec::with_capacity(ring.len());
    for &point in ring {
        let k = key(point);
        if keys.last() != Some(&k) {
            keys.push(k);
        }
    }
    while keys.len() > 1 && keys.first() == keys.last() {
        keys.pop();
    }
    keys
}

fn find_junctions<'a>(rings: impl Iterator<Item = &'a Vec<Key>>) -> HashSet<Key> {
    let mut neighbours: HashMap<Key, (Key, Key)> = HashMap::new();
    let mut junctions = HashSet::new();
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let prev = ring[(i + n - 1) % n];
            let next = ring[(i + 1) % n];
            let pair = if prev <= next {
                (prev, next)
            } else {
                (next, prev)
            };
            match neighbours.get(&ring[i]) {
                Some(&seen) if seen != pair => {
                    junctions.insert(ring[i]);
                }
                Some(_) => {}
                None => {
                    neighbours.insert(ring[i], pair);
                }
            }
        }
    }
    junctions
}

/// Canonical arcs, stored once each.
#[derive(Default)]
struct ArcTable {
    arcs: Vec<Vec<Key>>,
    index: HashMap<Vec<Key>, usize>,
}

impl ArcTable {
    /// Stores an arc in canonical direction; returns its index and whether
    /// the given arc is the reverse of the stored one.
    fn insert(&mut self, arc: Vec<Key>) -> (usize, bool) {
        let reversed: Vec<Key> = arc.iter().rev().copied().collect();
        let (canonical, is_reversed) = if reversed < arc {
            (reversed, true)
        } else {
            (arc, false)
        };
        if let Some(&index) = self.index.get(&canonical) {
            return (index, is_reversed);
        }
        let index = self.arcs.len();
        self.arcs.push(canonical.clone());
        self.index.insert(canonical, index);
        (index, is_reversed)
    }
}

fn cut_ring(ring: &[Key], junctions: &HashSet<Key>, table: &mut ArcTable) -> RingArcs {
    let n = ring.len();
    if n < 3 {
        return RingArcs { arcs: Vec::new() };
    }
    let cuts: Vec<usize> = (0..n).filter(|&i| junctions.contains(&ring[i])).collect();
    let mut arcs = Vec::new();
    if cuts.is_empty() {
        // A ring of its own (island, enclave): start at its smallest position so
        // that the same ring seen from both sides gives the same arc.
        let start = (0..n).min_by_key(|&i| ring[i]).unwrap_or(0);
        let mut arc: Vec<Key> = (0..=n).map(|i| ring[(start + i) % n]).collect();
        // Direction: the smaller neighbour of the start comes second.
        if arc[n - 1] < arc[1] {
            arc.reverse();
            let (index, _) = table.insert(arc);
            arcs.push((index, true));
        } else {
            let (index, _) = table.insert(arc);
            arcs.push((index, false));
        }
        return RingArcs { arcs };
    }
    for (position, &from) in cuts.iter().enumerate() {
        let to = cuts.get(position + 1).copied().unwrap_or(cuts[0] + n);
        let arc: Vec<Key> = (from..=to).map(|i| ring[i % n]).collect();
        arcs.push(table.insert(arc));
    }
    RingArcs { arcs }
}

/// Indices of the positions to keep (always the two end points; for a closed
/// arc also its farthest position from the start).
fn douglas_peucker(arc: &[Key], tolerance_m: f64, x_scale: f64) -> Vec<usize> {
    let n = arc.len();
    if n <= 2 {
        return (0..n).collect();
    }
    let point = |i: usize| {
        let (x, y) = arc[i];
        (
            x as f64 / SCALE * x_scale * METRES_PER_DEGREE,
            y as f64 / SCALE * METRES_PER_DEGREE,
        )
    };
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[n - 1] = true;
    let mut stack = Vec::new();
    if arc[0] == arc[n - 1] {
        let origin = point(0);
        let far = (1..n - 1)
            .max_by(|&a, &b| {
                distance(point(a), origin)
                    .total_cmp(&distance(point(b), origin))
                    .then(b.cmp(&a))
            })
            .unwrap_or(1);
        keep[far] = true;
        stack.push((0, far));
        stack.push((far, n - 1));
    } else {
        stack.push((0, n - 1));
    }
    while let Some((first, last)) = stack.pop() {
        if last <= first + 1 {
            continue;
        }
        let (a, b) = (point(first), point(last));
        let mut best = (first, -1.0);
        for i in first + 1..last {
            let d = segment_distance(point(i), a, b);
            if d > best.1 {
                best = (i, d);
            }
        }
        if best.1 > tolerance_m {
            keep[best.0] = true;
            stack.push((first, best.0));
            stack.push((best.0, last));
        }
    }
    (0..n).filter(|&i| keep[i]).collect()
}

fn distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length2 = dx * dx + dy * dy;
    if length2 == 0.0 {
        return distance(p, a);
    }
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).clamp(0.0, 1.0);
    distance(p, (a.0 + t * dx, a.1 + t * dy))
}

/// Builds the output geometry from the simplified arcs, rounding and dropping
/// degenerate rings (and polygons whose outer ring is degenerate).
fn assemble(
    polygons: &[Vec<RingArcs>],
    table: &ArcTable,
    kept: &[Vec<usize>],
    decimals: i32,
) -> MultiPolygon {
    let factor = 10f64.powi(decimals);
    let to_point = |(x, y): Key| {
        [
            (x as f64 / SCALE * factor).round() / factor,
            (y as f64 / SCALE * factor).round() / factor,
        ]
    };
    let mut out: MultiPolygon = Vec::new();
    for polygon in polygons {
        let mut rings: Polygon = Vec::new();
        for (ring_index, ring) in polygon.iter().enumerate() {
            let mut points: Vec<[f64; 2]> = Vec::new();
            for &(arc, reversed) in &ring.arcs {
                let mut part: Vec<Key> = kept[arc].iter().map(|&i| table.arcs[arc][i]).collect();
                if reversed {
                    part.reverse();
                }
                for k in part {
                    let p = to_point(k);
                    if points.last() != Some(&p) {
                        points.push(p);
                    }
                }
            }
            if points.len() > 1 && points.first() == points.last() {
                points.pop();
            }
            let distinct: HashSet<(u64, u64)> = points
                .iter()
                .map(|p| (p[0].to_bits(), p[1].to_bits()))
                .collect();
            if distinct.len() < 3 {
                if ring_index == 0 {
                    break; // the outer ring vanished: drop the polygon
                }
                continue; // a hole vanished
            }
            if let Some(&first) = points.first() {
                points.push(first);
            }
            rings.push(points);
        }
        if !rings.is_empty() {
            out.push(rings);
        }
    }
    out
}

fn mean_latitude(features: &[Feature]) -> f64 {
    let (mut sum, mut count) = (0.0, 0usize);
    for &[_, lat] in features
        .iter()
        .flat_map(|f| f.geometry.iter().flatten().flatten())
    {
        sum += lat;
        count += 1;
    }
    if count == 0 {
        51.5
    } else {
        sum / count as f64
    }
}

/// One border line of a set of adjacent polygons, stored once, with the
/// features on either side (one user: the set's outer edge).
#[derive(Debug, Clone, PartialEq)]
pub struct SharedArc {
    pub points: Vec<[f64; 2]>,
    /// Indices into the features, ascending.
    pub users: Vec<usize>,
}

/// Cuts already simplified polygons (whose shared borders have identical
/// positions, as [`simplify`] leaves them) into arcs, each border once, in
/// canonical direction and order of first appearance.
pub fn shared_arcs(features: &[Feature]) -> Vec<SharedArc> {
    let rings: Vec<(usize, Vec<Key>)> = features
        .iter()
        .enumerate()
        .flat_map(|(index, feature)| {
            feature
                .geometry
                .iter()
                .flatten()
                .map(move |ring| (index, open_ring(ring)))
        })
        .collect();
    let junctions = find_junctions(rings.iter().map(|(_, ring)| ring));
    let mut table = ArcTable::default();
    let mut users: Vec<Vec<usize>> = Vec::new();
    for (feature, ring) in &rings {
        for (arc, _) in cut_ring(ring, &junctions, &mut table).arcs {
            if users.len() <= arc {
                users.resize(arc + 1, Vec::new());
            }
            if !users[arc].contains(feature) {
                users[arc].push(*feature);
                users[arc].sort_unstable();
            }
        }
    }
    table
        .arcs
        .into_iter()
        .zip(users)
        .map(|(arc, users)| SharedArc {
            points: arc
                .into_iter()
                .map(|(x, y)| [x as f64 / SCALE, y as f64 / SCALE])
                .collect(),
            users,
        })
        .collect()
}

#[cfg(test)]
mod tests;

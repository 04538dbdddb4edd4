//! Marker clustering in screen space, so that the map stays readable when
//! many agencies are close together at the current zoom.
//!
//! Positions are projected with Web Mercator onto 256-pixel tiles, exactly as
//! Leaflet's default CRS (EPSG:3857) does, so "60 pixels" here are 60 pixels
//! on the screen. [`cluster`] groups the visible agencies so that no two
//! resulting markers are closer than a given radius; [`zoom_to_split`] and
//! [`zoom_to_expand`] tell the UI how far to zoom when a cluster is activated.
//!
//! This module must not know about Leaflet, agencies or filters: it takes
//! plain `(lat, lon)` pairs and indices, is deterministic, and never panics
//! (non-finite coordinates and out-of-range indices are tolerated).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::geo::BBox;

/// Side of one map tile in pixels (Leaflet's and OpenStreetMap's default).
pub const TILE_SIZE_PX: f64 = 256.0;

/// A sensible clustering radius for agency markers, in pixels.
pub const DEFAULT_RADIUS_PX: f64 = 60.0;

/// Web Mercator is undefined at the poles; Leaflet clamps latitudes here.
const MAX_MERCATOR_LATITUDE: f64 = 85.051_128_779_8;

/// One marker on the map: a single agency or a group of them.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Where to draw the marker. For a single member, or members at one
    /// identical position, that exact position; otherwise the mean of the
    /// members' pixel positions, converted back to degrees.
    pub lat: f64,
    pub lon: f64,
    /// The indices given in `visible`, ascending; one member is a single marker.
    pub members: Vec<usize>,
    /// The box around the members' positions (for "zoom to fit").
    pub bbox: BBox,
}

/// World pixel coordinates `(x, y)` of a position at a (possibly fractional)
/// zoom level: `x` grows eastwards, `y` southwards, and the world is
/// `256 · 2^zoom` pixels wide.
pub fn project(lat: f64, lon: f64, zoom: f64) -> (f64, f64) {
    let world_size = TILE_SIZE_PX * zoom.exp2();
    let lat = lat.clamp(-MAX_MERCATOR_LATITUDE, MAX_MERCATOR_LATITUDE);
    let sin_lat = lat.to_radians().sin();
    let x = world_size * (lon / 360.0 + 0.5);
    let y = world_size
        * (0.5 - ((1.0 + sin_lat) / (1.0 - sin_lat)).ln() / (4.0 * std::f64::consts::PI));
    (x, y)
}

/// The inverse of [`project`]: `(lat, lon)` of world pixel coordinates.
pub fn unproject(x: f64, y: f64, zoom: f64) -> (f64, f64) {
    let world_size = TILE_SIZE_PX * zoom.exp2();
    let lon = (x / world_size - 0.5) * 360.0;
    let mercator_y = (0.5 - y / world_size) * 2.0 * std::f64::consts::PI;
    let lat = (2.0 * mercator_y.exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees();
    (lat, lon)
}

/// Groups the `visible` points into clusters at `zoom`; see
/// [`Clusterer::cluster`] for the rule. A convenience for one-off calls: a
/// map that clusters the same points again and again should keep a
/// [`Clusterer`], which projects every point only once.
pub fn cluster(points: &[(f64, f64)], visible: &[usize], zoom: u8, radius_px: f64) -> Vec<Cluster> {
    // Projects only the visible points (a few members, for `zoom_to_split`,
    // must not cost a projection of every agency), then maps the positions
    // back; the mapping is ascending, so the order of members and clusters holds.
    let mut indices: Vec<usize> = visible
        .iter()
        .copied()
        .filter(|&idx| idx < points.len())
        .collect();
    indices.sort_unstable();
    indices.dedup();
    let subset: Vec<(f64, f64)> = indices
        .iter()
        .filter_map(|&i| points.get(i).copied())
        .collect();
    let all: Vec<usize> = (0..subset.len()).collect();
    let mut clusters = Clusterer::new(&subset).cluster(&all, zoom, radius_px, None);
    for member in clusters.iter_mut().flat_map(|c| c.members.iter_mut()) {
        *member = indices.get(*member).copied().unwrap_or(*member);
    }
    clusters
}

/// A rectangle in world pixels at one zoom level (`x` east, `y` south), such
/// as the part of the world the map shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PixelRect {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl PixelRect {
    /// The view of a map `width` × `height` pixels large, centred on
    /// `(lat, lon)` at `zoom`, grown on every side by `margin` times its size
    /// (0.25 adds a quarter of the width left and right).
    pub fn view(center: (f64, f64), zoom: u8, size: (f64, f64), margin: f64) -> PixelRect {
        let (x, y) = project(center.0, center.1, f64::from(zoom));
        let half_width = size.0 * (0.5 + margin.max(0.0));
        let half_height = size.1 * (0.5 + margin.max(0.0));
        PixelRect {
            min_x: x - half_width,
            min_y: y - half_height,
            max_x: x + half_width,
            max_y: y + half_height,
        }
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        (self.min_x..=self.max_x).contains(&x) && (self.min_y..=self.max_y).contains(&y)
    }

    /// True when `other` lies wholly inside this rectangle.
    pub fn covers(&self, other: &PixelRect) -> bool {
        self.contains(other.min_x, other.min_y) && self.contains(other.max_x, other.max_y)
    }
}

/// The points to cluster, projected once. Clustering 100,000 points then
/// costs a few milliseconds, and with a view only the points in it count.
#[derive(Clone, Debug, Default)]
pub struct Clusterer {
    points: Vec<(f64, f64)>,
    /// Each point in world pixels at zoom 0; at zoom `z` multiply by `2^z`
    /// (exact, as it is a power of two).
    world: Vec<(f64, f64)>,
}

impl Clusterer {
    /// `points` holds the `(lat, lon)` of all agencies, by position.
    pub fn new(points: &[(f64, f64)]) -> Clusterer {
        Clusterer {
            points: points.to_vec(),
            world: points
                .iter()
                .map(|&(lat, lon)| project(lat, lon, 0.0))
                .collect(),
        }
    }

    /// Groups the `visible` points into clusters at `zoom`.
    ///
    /// `visible` says which points to cluster (duplicates and indices past
    /// the end are ignored); with a `view`, only the visible points inside it
    /// take part. The result is sorted by first member and each taking part
    /// is in exactly one cluster.
    ///
    /// The rule: the points start as one group per grid cell of half the
    /// radius (any two points in such a cell are closer than the radius, and
    /// identical positions always share one). Then, in rounds, each group in
    /// order of its first member absorbs every not yet handled group whose
    /// centre lies closer than `radius_px` to its own; a merged group's centre
    /// is the mean pixel position of all its members. Rounds repeat until one
    /// merges nothing. The grid is aligned to the world, not to the view, so
    /// panning does not move clusters in the middle of the view.
    ///
    /// Guarantee (property-tested): no two resulting cluster centres are
    /// closer than `radius_px` pixels at `zoom`, for finite coordinates and
    /// `radius_px / zoom` in any sane range (a cell index must fit in an
    /// `i64`). A `radius_px` that is zero, negative or NaN clusters only
    /// identical positions.
    ///
    /// Cost: one pass over `visible` without allocation per point, then
    /// rounds over the groups (a hash grid with cells of `radius_px` makes
    /// each round expected O(groups)); every round merges at least once, so
    /// it always ends.
    pub fn cluster(
        &self,
        visible: &[usize],
        zoom: u8,
        radius_px: f64,
        view: Option<&PixelRect>,
    ) -> Vec<Cluster> {
        let sorted: std::borrow::Cow<[usize]> = if visible.windows(2).all(|w| w[0] < w[1]) {
            visible.into()
        } else {
            let mut indices = visible.to_vec();
            indices.sort_unstable();
            indices.dedup();
            indices.into()
        };
        let zoom_f = f64::from(zoom);
        let radius = if radius_px > 0.0 { radius_px } else { 0.0 };
        let mut groups = self.initial_groups(&sorted, zoom_f, radius, view);
        if radius > 0.0 {
            while merge_round(&mut groups, radius) {}
        }

        groups
            .into_iter()
            .map(|mut group| {
                group.members.sort_unstable();
                let (lat, lon) = match group.identical_position {
                    Some(position) => position,
                    None => unproject(group.x, group.y, zoom_f),
                };
                let member_positions = group
                    .members
                    .iter()
                    .filter_map(|&idx| self.points.get(idx).copied());
                let bbox = BBox::around(member_positions).unwrap_or(BBox {
                    south: lat,
                    west: lon,
                    north: lat,
                    east: lon,
                });
                Cluster {
                    lat,
                    lon,
                    members: group.members,
                    bbox,
                }
            })
            .collect()
    }

    /// One group per grid cell of `radius / 2` (per distinct position when
    /// `radius` is 0), in order of first member: the indices come sorted, so
    /// first appearance is first member.
    fn initial_groups(
        &self,
        sorted_indices: &[usize],
        zoom: f64,
        radius: f64,
        view: Option<&PixelRect>,
    ) -> Vec<Group> {
        let scale = zoom.exp2();
        let cell = radius / 2.0;
        let mut groups: Vec<Group> = Vec::new();
        let mut group_of_key: HashMap<(u64, u64), usize, CellHasherBuilder> = HashMap::default();
        for &idx in sorted_indices {
            let (Some(&(lat, lon)), Some(&(x0, y0))) = (self.points.get(idx), self.world.get(idx))
            else {
                continue;
            };
            let (x, y) = (x0 * scale, y0 * scale);
            if view.is_some_and(|view| !view.contains(x, y)) {
                continue;
            }
            // Adding 0.0 turns -0.0 into 0.0, so both zeros are one position.
            let position_bits = ((lat + 0.0).to_bits(), (lon + 0.0).to_bits());
            let key = if cell > 0.0 {
                (
                    (x / cell).floor() as i64 as u64,
                    (y / cell).floor() as i64 as u64,
                )
            } else {
                position_bits
            };
            match group_of_key.get(&key).and_then(|&g| groups.get_mut(g)) {
                Some(group) => {
                    group.members.push(idx);
                    group.sum_x += x;
                    group.sum_y += y;
                    if group.identical_position.is_some_and(|(a, b)| {
                        ((a + 0.0).to_bits(), (b + 0.0).to_bits()) != position_bits
                    }) {
                        group.identical_position = None;
                    }
                }
                None => {
                    group_of_key.insert(key, groups.len());
                    groups.push(Group {
                        members: vec![idx],
                        sum_x: x,
                        sum_y: y,
                        x,
                        y,
                        identical_position: Some((lat, lon)),
                    });
                }
            }
        }
        for group in &mut groups {
            let n_members = group.members.len() as f64;
            group.x = group.sum_x / n_members;
            group.y = group.sum_y / n_members;
        }
        groups
    }
}

/// The smallest zoom above `from_zoom` (and at most `max_zoom`) at which the
/// members of `cluster_members`, clustered on their own with the same rule,
/// no longer form a single cluster; `None` when no such zoom exists (e.g. all
/// members share one position), in which case the UI should list them.
///
/// This is the recommended "zoom in on activation" step: fly to the returned
/// zoom centred on the cluster's bbox. It runs [`cluster`] on the members at
/// most `max_zoom - from_zoom` times, which is cheap.
pub fn zoom_to_split(
    points: &[(f64, f64)],
    cluster_members: &[usize],
    from_zoom: u8,
    max_zoom: u8,
    radius_px: f64,
) -> Option<u8> {
    (from_zoom.saturating_add(1)..=max_zoom)
        .find(|&zoom| cluster(points, cluster_members, zoom, radius_px).len() > 1)
}

/// A cheap zoom hint from the cluster alone: the smallest zoom (at most
/// `max_zoom`) at which the longer side of the cluster's bbox spans at least
/// `2 · DEFAULT_RADIUS_PX` pixels, or `max_zoom` when none below does.
/// `None` when the cluster has one member or all members share one position
/// (zooming cannot separate them; the UI lists them instead).
///
/// It does not know the current zoom: the UI should use
/// `max(hint, current + 1).min(max_zoom)`. Prefer [`zoom_to_split`] when the
/// points are at hand, as it is exact for the clustering rule.
pub fn zoom_to_expand(cluster: &Cluster, max_zoom: u8) -> Option<u8> {
    let bbox = cluster.bbox;
    let co_located = bbox.south == bbox.north && bbox.west == bbox.east;
    if cluster.members.len() <= 1 || co_located {
        return None;
    }
    let wanted_span_px = 2.0 * DEFAULT_RADIUS_PX;
    let hint = (0..=max_zoom).find(|&zoom| {
        let (west_x, north_y) = project(bbox.north, bbox.west, f64::from(zoom));
        let (east_x, south_y) = project(bbox.south, bbox.east, f64::from(zoom));
        (east_x - west_x).abs().max((south_y - north_y).abs()) >= wanted_span_px
    });
    Some(hint.unwrap_or(max_zoom))
}

/// A cluster while it is being built.
struct Group {
    members: Vec<usize>,
    /// Sum of the members' pixel coordinates, so that the centre of a merged
    /// group is the plain mean however the merges happened.
    sum_x: f64,
    sum_y: f64,
    /// The current centre, `sum / members.len()`.
    x: f64,
    y: f64,
    /// Set while all members share one `(lat, lon)`.
    identical_position: Option<(f64, f64)>,
}

/// One merge round; returns whether anything merged.
///
/// A round merges at least once whenever two centres are closer than the
/// radius: take such a pair `a` before `b`. Either `a` was absorbed by an
/// earlier group (a merge), or `a` becomes a seed and finds `b` unless `b` was
/// already absorbed (a merge). So "nothing merged" means the guarantee holds.
fn merge_round(groups: &mut Vec<Group>, radius: f64) -> bool {
    let cell_of = |x: f64, y: f64| ((x / radius).floor() as i64, (y / radius).floor() as i64);
    let mut grid: HashMap<(i64, i64), Vec<usize>, CellHasherBuilder> = HashMap::default();
    for (group_idx, group) in groups.iter().enumerate() {
        grid.entry(cell_of(group.x, group.y))
            .or_default()
            .push(group_idx);
    }

    let radius_squared = radius * radius;
    let mut handled = vec![false; groups.len()];
    let mut absorbed_into: Vec<Option<usize>> = vec![None; groups.len()];
    let mut merged_any = false;
    let mut neighbours = Vec::new();
    for seed_idx in 0..groups.len() {
        if handled[seed_idx] {
            continue;
        }
        handled[seed_idx] = true;
        let (seed_x, seed_y) = (groups[seed_idx].x, groups[seed_idx].y);
        let (cell_x, cell_y) = cell_of(seed_x, seed_y);
        neighbours.clear();
        for offset_x in -1i64..=1 {
            for offset_y in -1i64..=1 {
                let cell = (
                    cell_x.saturating_add(offset_x),
                    cell_y.saturating_add(offset_y),
                );
                for &other_idx in grid.get(&cell).into_iter().flatten() {
                    if handled[other_idx] {
                        continue;
                    }
                    let other = &groups[other_idx];
                    let (dx, dy) = (other.x - seed_x, other.y - seed_y);
                    if dx * dx + dy * dy < radius_squared {
                        handled[other_idx] = true;
                        neighbours.push(other_idx);
                    }
                }
            }
        }
        // Adding in index order keeps the floating-point sums deterministic.
        neighbours.sort_unstable();
        for &other_idx in &neighbours {
            absorbed_into[other_idx] = Some(seed_idx);
        }
        merged_any |= !neighbours.is_empty();
    }
    if !merged_any {
        return false;
    }

    let old_groups = std::mem::take(groups);
    let mut new_position: Vec<Option<usize>> = vec![None; old_groups.len()];
    for (group_idx, group) in old_groups.into_iter().enumerate() {
        match absorbed_into[group_idx] {
            None => {
                new_position[group_idx] = Some(groups.len());
                groups.push(group);
            }
            Some(seed_idx) => {
                // Seeds come before the groups they absorb, so the seed has
                // already been moved to the new list.
                let Some(target) = new_position[seed_idx].and_then(|pos| groups.get_mut(pos))
                else {
                    continue;
                };
                target.members.extend(group.members);
                target.sum_x += group.sum_x;
                target.sum_y += group.sum_y;
                // Identical positions always start in one group, so two
                // merging groups never share one position.
                target.identical_position = None;
            }
        }
    }
    for group in groups.iter_mut() {
        let n_members = group.members.len() as f64;
        group.x = group.sum_x / n_members;
        group.y = group.sum_y / n_members;
    }
    true
}

/// A fast, deterministic hasher for grid cells and positions (FxHash's
/// multiply-rotate). The standard SipHash is built against hostile keys, which
/// pixel cells are not, and is several times slower here.
#[derive(Default)]
struct CellHasher {
    hash: u64,
}

type CellHasherBuilder = BuildHasherDefault<CellHasher>;

impl Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.hash
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.hash = (self.hash.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_i64(&mut self, value: i64) {
        self.write_u64(value as u64);
    }
}

#[cfg(test)]
mod tests;

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
mod tests {
    use super::*;
    use proptest::prelude::*;

    const KOELN: (f64, f64) = (50.9375, 6.9603);
    const DEUTZ: (f64, f64) = (50.9380, 6.9750);
    const BONN: (f64, f64) = (50.7374, 7.0982);
    const MUENSTER: (f64, f64) = (51.9607, 7.6261);

    fn member_lists(clusters: &[Cluster]) -> Vec<Vec<usize>> {
        clusters.iter().map(|c| c.members.clone()).collect()
    }

    #[track_caller]
    fn check(points: &[(f64, f64)], zoom: u8, radius_px: f64, expected: &[&[usize]]) {
        let visible: Vec<usize> = (0..points.len()).collect();
        let clusters = cluster(points, &visible, zoom, radius_px);
        let expected: Vec<Vec<usize>> = expected.iter().map(|m| m.to_vec()).collect();
        assert_eq!(member_lists(&clusters), expected, "zoom {zoom}");
    }

    #[test]
    fn projection_matches_leaflet() {
        // Leaflet: map.project([0, 0], 0) is (128, 128).
        assert_eq!(project(0.0, 0.0, 0.0), (128.0, 128.0));
        let (x, y) = project(KOELN.0, KOELN.1, 12.0);
        // Köln is in tile 12/2127/1372 (the slippy-map tile formula).
        assert_eq!(((x / 256.0) as i64, (y / 256.0) as i64), (2127, 1372));
        let (lat, lon) = unproject(x, y, 12.0);
        assert!((lat - KOELN.0).abs() < 1e-9 && (lon - KOELN.1).abs() < 1e-9);
        let (_, pole_y) = project(90.0, 0.0, 0.0);
        assert!(pole_y.is_finite() && pole_y.abs() < 1e-6);
    }

    #[test]
    fn clusters_by_zoom() {
        let points = [KOELN, BONN, DEUTZ, MUENSTER];
        check(&points, 6, 60.0, &[&[0, 1, 2], &[3]]);
        check(&points, 9, 60.0, &[&[0, 2], &[1], &[3]]);
        check(&points, 14, 60.0, &[&[0], &[1], &[2], &[3]]);
        check(&points, 1, 60.0, &[&[0, 1, 2, 3]]);
        check(&points, 6, 0.0, &[&[0], &[1], &[2], &[3]]);
        check(&points, 6, f64::NAN, &[&[0], &[1], &[2], &[3]]);
        check(&points, 6, f64::INFINITY, &[&[0, 1, 2, 3]]);
        check(&[], 6, 60.0, &[]);
    }

    #[test]
    fn identical_positions_always_cluster() {
        let points = [KOELN, BONN, KOELN, (KOELN.0 + 0.0, KOELN.1)];
        check(&points, 18, 60.0, &[&[0, 2, 3], &[1]]);
        check(&points, 18, 0.0, &[&[0, 2, 3], &[1]]);
        let clusters = cluster(&points, &[0, 2, 3], 18, 60.0);
        assert_eq!((clusters[0].lat, clusters[0].lon), KOELN);
        assert_eq!(zoom_to_expand(&clusters[0], 18), None);
        assert_eq!(
            zoom_to_split(&points, &clusters[0].members, 10, 18, 60.0),
            None
        );
    }

    #[test]
    fn odd_input_is_tolerated() {
        let points = [KOELN, (f64::NAN, 7.0), (51.0, f64::INFINITY), BONN];
        let clusters = cluster(&points, &[3, 0, 9, 0, 1, 2, usize::MAX], 6, 60.0);
        let mut all: Vec<usize> = clusters.iter().flat_map(|c| c.members.clone()).collect();
        all.sort_unstable();
        assert_eq!(all, [0, 1, 2, 3]);
        assert_eq!(cluster(&points, &[], 6, 60.0), vec![]);
        let _ = cluster(&[(1e308, -1e308)], &[0], 255, 1e-300);
    }

    #[test]
    fn zoom_hints() {
        let points = [KOELN, DEUTZ, BONN];
        let clusters = cluster(&points, &[0, 1], 8, 60.0);
        assert_eq!(clusters.len(), 1);
        let split = zoom_to_split(&points, &clusters[0].members, 8, 18, 60.0);
        // Köln and Deutz are 1 km apart: 43 px at zoom 12, 86 px at zoom 13.
        assert_eq!(split, Some(13));
        assert_eq!(cluster(&points, &[0, 1], 12, 60.0).len(), 1);
        assert_eq!(cluster(&points, &[0, 1], 13, 60.0).len(), 2);
        // The bbox first spans 120 px at zoom 14 (171 px).
        let hint = zoom_to_expand(&clusters[0], 18);
        assert_eq!(hint, Some(14));
        assert_eq!(zoom_to_expand(&clusters[0], 5), Some(5));
        let single = cluster(&points, &[2], 8, 60.0);
        assert_eq!(zoom_to_expand(&single[0], 18), None);
        assert_eq!(zoom_to_split(&points, &[0, 1], 18, 18, 60.0), None);
    }

    #[test]
    fn a_view_limits_clustering_to_the_points_inside_it() {
        let points = [KOELN, DEUTZ, BONN, MUENSTER];
        let clusterer = Clusterer::new(&points);
        // A 400 × 300 px map on Köln at zoom 10: Deutz (1 km, 11 px east)
        // is in it, Bonn (25 km, 231 px south) and Münster are not.
        let view = PixelRect::view(KOELN, 10, (400.0, 300.0), 0.0);
        let clusters = clusterer.cluster(&[0, 1, 2, 3], 10, 8.0, Some(&view));
        assert_eq!(member_lists(&clusters), [vec![0], vec![1]]);
        // A margin of half the size each way (an 800 × 600 px box) takes Bonn in.
        let wider = PixelRect::view(KOELN, 10, (400.0, 300.0), 0.5);
        let clusters = clusterer.cluster(&[0, 1, 2, 3], 10, 8.0, Some(&wider));
        assert_eq!(member_lists(&clusters), [vec![0], vec![1], vec![2]]);
        assert!(wider.covers(&view) && !view.covers(&wider));
        let (x, y) = project(KOELN.0, KOELN.1, 10.0);
        assert_eq!(
            view,
            PixelRect {
                min_x: x - 200.0,
                min_y: y - 150.0,
                max_x: x + 200.0,
                max_y: y + 150.0
            }
        );
    }

    fn arbitrary_points() -> impl Strategy<Value = Vec<(f64, f64)>> {
        let nrw_point = (50.3f64..52.5, 5.9f64..9.4);
        let near_koeln = (50.90f64..50.98, 6.90f64..7.02);
        proptest::collection::vec(
            prop_oneof![3 => nrw_point, 3 => near_koeln, 1 => Just(KOELN), 1 => Just(BONN)],
            0..120,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn clustering_guarantees(
            points in arbitrary_points(),
            visible_seed in proptest::collection::vec(0usize..140, 0..140),
            zoom in 0u8..=18,
            radius_px in 1.0f64..120.0,
        ) {
            let clusters = cluster(&points, &visible_seed, zoom, radius_px);

            // Every valid visible index exactly once, members ascending,
            // clusters sorted by first member.
            let mut expected: Vec<usize> =
                visible_seed.iter().copied().filter(|&i| i < points.len()).collect();
            expected.sort_unstable();
            expected.dedup();
            let mut seen: Vec<usize> = clusters.iter().flat_map(|c| c.members.clone()).collect();
            seen.sort_unstable();
            prop_assert_eq!(&seen, &expected);
            for cluster in &clusters {
                prop_assert!(!cluster.members.is_empty());
                prop_assert!(cluster.members.windows(2).all(|w| w[0] < w[1]));
                for &member in &cluster.members {
                    let (lat, lon) = points[member];
                    prop_assert!(cluster.bbox.contains(lat, lon));
                }
                if let [only] = cluster.members[..] {
                    prop_assert_eq!((cluster.lat, cluster.lon), points[only]);
                }
            }
            prop_assert!(clusters.windows(2).all(|w| w[0].members[0] < w[1].members[0]));

            // No two centres closer than the radius.
            let zoom_f = f64::from(zoom);
            let centres: Vec<(f64, f64)> =
                clusters.iter().map(|c| project(c.lat, c.lon, zoom_f)).collect();
            for (a_idx, a) in centres.iter().enumerate() {
                for b in &centres[a_idx + 1..] {
                    let distance = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
                    prop_assert!(
                        distance >= radius_px - 1e-6,
                        "centres {:?} and {:?} only {} px apart", a, b, distance
                    );
                }
            }

            // Identical positions share a cluster.
            for cluster in &clusters {
                for other in &clusters {
                    if std::ptr::eq(cluster, other) { continue; }
                    for &a in &cluster.members {
                        for &b in &other.members {
                            prop_assert_ne!(points[a], points[b]);
                        }
                    }
                }
            }

            // With a view, the same as clustering only the points inside it.
            let clusterer = Clusterer::new(&points);
            let view = PixelRect::view(KOELN, zoom, (640.0, 480.0), 0.0);
            let inside: Vec<usize> = expected
                .iter()
                .copied()
                .filter(|&i| {
                    let (x, y) = project(points[i].0, points[i].1, zoom_f);
                    view.contains(x, y)
                })
                .collect();
            prop_assert_eq!(
                clusterer.cluster(&visible_seed, zoom, radius_px, Some(&view)),
                cluster(&points, &inside, zoom, radius_px)
            );

            // Deterministic, whatever the order of `visible`.
            let mut reversed = visible_seed.clone();
            reversed.reverse();
            prop_assert_eq!(cluster(&points, &reversed, zoom, radius_px), clusters);
        }
    }
}

//! Tests of the clustering: examples and property tests against a naive
//! reference.

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

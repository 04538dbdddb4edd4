use super::*;

fn feature(ags: &str, ring: Vec<[f64; 2]>) -> Feature {
    Feature {
        ags: ags.into(),
        gen: ags.into(),
        bez: "Gemeinde".into(),
        geometry: vec![vec![ring]],
    }
}

/// Two squares sharing a wiggly border.
fn neighbours() -> Vec<Feature> {
    let border: Vec<[f64; 2]> = (0..=20)
        .map(|i| [7.0 + 0.00001 * ((i % 3) as f64), 51.0 + 0.005 * i as f64])
        .collect();
    let mut west = vec![[6.9, 51.0]];
    west.extend(border.iter().copied());
    west.push([6.9, 51.1]);
    west.push([6.9, 51.0]);
    let mut east = vec![[7.1, 51.0], [7.1, 51.1]];
    east.extend(border.iter().rev().copied());
    east.push([7.1, 51.0]);
    vec![feature("w", west), feature("e", east)]
}

#[test]
fn shared_borders_stay_identical() {
    let out = simplify(
        &neighbours(),
        Options {
            tolerance_m: 50.0,
            decimals: 5,
        },
    )
    .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(out.len(), 2);
    let west: HashSet<(u64, u64)> = out[0].geometry[0][0]
        .iter()
        .map(|p| (p[0].to_bits(), p[1].to_bits()))
        .collect();
    // The wiggle (under 1 m) is gone, the shared end points are kept by both.
    let east = &out[1].geometry[0][0];
    let shared: Vec<_> = east
        .iter()
        .filter(|p| west.contains(&(p[0].to_bits(), p[1].to_bits())))
        .collect();
    assert!(shared.len() >= 2, "{out:?}");
    assert!(out[0].geometry[0][0].len() <= 6, "{:?}", out[0].geometry);
    assert_eq!(out[0].geometry[0][0].first(), out[0].geometry[0][0].last());
}

#[test]
fn tiny_features_are_kept_by_refining() {
    let tiny = feature(
        "t",
        vec![[7.0, 51.0], [7.0001, 51.0], [7.0001, 51.0001], [7.0, 51.0]],
    );
    let out = simplify(
        &[tiny],
        Options {
            tolerance_m: 5000.0,
            decimals: 5,
        },
    )
    .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(out[0].geometry[0][0].len(), 4);
}

#[test]
fn douglas_peucker_keeps_corners() {
    let arc: Vec<Key> = vec![(0, 0), (5_000, 1), (10_000, 0), (10_000, 10_000)];
    // 1e-3 degrees ≈ 111 m; the 1e-7 bump is dropped, the corner kept.
    assert_eq!(douglas_peucker(&arc, 1.0, 1.0), vec![0, 2, 3]);
}

#[test]
fn shared_arcs_draw_each_border_once() {
    let options = Options {
        tolerance_m: 50.0,
        decimals: 5,
    };
    let out = simplify(&neighbours(), options).unwrap_or_else(|err| panic!("{err}"));
    let arcs = shared_arcs(&out);
    let inner: Vec<&SharedArc> = arcs.iter().filter(|arc| arc.users == [0, 1]).collect();
    assert_eq!(inner.len(), 1, "{arcs:?}");
    // The shared border runs from the south to the north end of the wiggle.
    let ends = [
        inner[0].points[0],
        inner[0].points[inner[0].points.len() - 1],
    ];
    let mut lats = [ends[0][1], ends[1][1]];
    lats.sort_by(f64::total_cmp);
    assert_eq!(lats, [51.0, 51.1], "{ends:?}");
    assert!(ends.iter().all(|p| (p[0] - 7.0).abs() < 1e-4), "{ends:?}");
    // The two outer edges belong to one feature each.
    assert!(arcs.iter().filter(|arc| arc.users.len() == 1).count() >= 2);
    assert!(arcs.iter().all(|arc| !arc.users.is_empty()));
}

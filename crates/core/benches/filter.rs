//! Benchmarks of the finder's hot paths on synthetic data: building the
//! [`Index`], answering a filter change (matching agencies plus facet counts)
//! and clustering markers, each at the real size (214 agencies), 10,000 and
//! 100,000.
//!
//! Run with `cargo bench -p ia-core`. Sample counts and times are kept small
//! so the whole run takes about two minutes on a 2-core machine; the numbers
//! are for spotting regressions of an order of magnitude, not for fine tuning.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use ia_core::cluster::{cluster, DEFAULT_RADIUS_PX};
use ia_core::synthetic::synthetic_agencies;
use ia_core::{Circle, Filters, Index, Offer, PlaceFilter, Topic, Umbrella};

const SIZES: &[usize] = &[214, 10_000, 100_000];
const SEED: u64 = 2026;

/// Filter states a user typically produces.
fn typical_filters() -> Vec<(&'static str, Filters)> {
    vec![
        ("no_filter", Filters::default()),
        (
            "text",
            Filters {
                text: "koln".into(),
                ..Filters::default()
            },
        ),
        (
            "offers_and_umbrella",
            Filters {
                offers: [Offer::LanguageCourses, Offer::Counselling].into(),
                umbrellas: [Umbrella::Caritas].into(),
                ..Filters::default()
            },
        ),
        (
            "kreis_toggle_topic",
            Filters {
                place: Some(PlaceFilter::Kreis("05382".into())),
                antidiscrimination: true,
                topics: [Topic::Racism].into(),
                ..Filters::default()
            },
        ),
        (
            "everything",
            Filters {
                place: Some(PlaceFilter::Kreis("05315".into())),
                offers: [Offer::LanguageCourses].into(),
                antidiscrimination: true,
                topics: [Topic::Racism, Topic::Age].into(),
                umbrellas: [Umbrella::Caritas, Umbrella::Awo].into(),
                text: "agentur 1".into(),
                circle: None,
            },
        ),
        (
            "radius_25km",
            Filters {
                circle: Some(Circle::new(50.9413, 6.9583, 25)),
                ..Filters::default()
            },
        ),
    ]
}

fn index_new(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("index_new");
    for &n_agencies in SIZES {
        let agencies = synthetic_agencies(n_agencies, SEED);
        group.bench_with_input(
            BenchmarkId::from_parameter(n_agencies),
            &agencies,
            |bencher, agencies| bencher.iter(|| Index::new(black_box(agencies))),
        );
    }
    group.finish();
}

fn matching_and_facet_counts(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("matching+facet_counts");
    for &n_agencies in SIZES {
        let agencies = synthetic_agencies(n_agencies, SEED);
        let index = Index::new(&agencies);
        for (name, filters) in typical_filters() {
            // Two separate calls, as a UI that does not know the combined
            // call would make them.
            group.bench_with_input(
                BenchmarkId::new(name, n_agencies),
                &filters,
                |bencher, filters| {
                    bencher.iter(|| {
                        let matching = index.matching(black_box(filters));
                        let counts = index.facet_counts(black_box(filters));
                        (matching, counts)
                    })
                },
            );
        }
        // The combined call, which folds and tests the text only once.
        let (_, everything) = typical_filters().remove(4);
        group.bench_with_input(
            BenchmarkId::new("everything_combined_call", n_agencies),
            &everything,
            |bencher, filters| bencher.iter(|| index.matching_and_facet_counts(black_box(filters))),
        );
    }
    group.finish();
}

fn clustering(criterion: &mut Criterion) {
    let mut group = criterion.benchmark_group("cluster");
    for zoom in [8u8, 12] {
        for &n_agencies in SIZES {
            let agencies = synthetic_agencies(n_agencies, SEED);
            let points: Vec<(f64, f64)> = agencies
                .iter()
                .map(|agency| (agency.location.lat, agency.location.lon))
                .collect();
            let visible: Vec<usize> = (0..points.len()).collect();
            group.bench_with_input(
                BenchmarkId::new(format!("zoom{zoom}"), n_agencies),
                &(points, visible),
                |bencher, (points, visible)| {
                    bencher.iter(|| {
                        cluster(
                            black_box(points),
                            black_box(visible),
                            zoom,
                            DEFAULT_RADIUS_PX,
                        )
                    })
                },
            );
        }
    }
    group.finish();
}

fn quick() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_millis(1500))
}

criterion_group! {
    name = benches;
    config = quick();
    targets = index_new, matching_and_facet_counts, clustering
}
criterion_main!(benches);

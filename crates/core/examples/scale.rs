//! Native timings of the core's per-dataset and per-change work at scale:
//! `cargo run --release -p ia-core --example scale -- FILE.json`.
//! (The browser adds Wasm overhead, roughly 1.5–3x; `make bench` measures that.)

use std::time::Instant;

use ia_core::cluster::{Clusterer, PixelRect, DEFAULT_RADIUS_PX};
use ia_core::filter::{Filters, Index};
use ia_core::parse_dataset;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: scale FILE.json (e.g. from `ia-datatool synthetic`)")?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let time = |label: &str, start: Instant| {
        println!(
            "{label:<40} {:>8.1} ms",
            start.elapsed().as_secs_f64() * 1e3
        )
    };

    let start = Instant::now();
    let loaded = parse_dataset(&text)?;
    time("parse_dataset", start);
    let agencies = &loaded.agencies;
    println!(
        "{} agencies, {} skipped",
        agencies.len(),
        loaded.skipped.len()
    );

    let start = Instant::now();
    let index = Index::new(agencies);
    time("Index::new", start);

    let start = Instant::now();
    let all = Filters::default();
    let (visible, _) = index.matching_and_facet_counts(&all);
    time("matching_and_facet_counts (no filter)", start);

    let start = Instant::now();
    let sada = Filters {
        antidiscrimination: true,
        ..Filters::default()
    };
    let _ = index.matching_and_facet_counts(&sada);
    time("matching_and_facet_counts (sada)", start);

    let start = Instant::now();
    let text_filter = Filters {
        text: "beratung köln".into(),
        ..Filters::default()
    };
    let _ = index.matching_and_facet_counts(&text_filter);
    time("matching_and_facet_counts (text)", start);

    let start = Instant::now();
    let clusterer = Clusterer::new(index.positions());
    time("Clusterer::new", start);
    let koeln = (50.9375, 6.9603);
    for zoom in [7u8, 9, 11, 13, 15, 18] {
        let start = Instant::now();
        let clusters = clusterer.cluster(&visible, zoom, DEFAULT_RADIUS_PX, None);
        time(
            &format!("cluster zoom {zoom}, all ({} markers)", clusters.len()),
            start,
        );
        // A 1280 x 800 map on Köln with a quarter of its size around it.
        let view = PixelRect::view(koeln, zoom, (1280.0, 800.0), 0.25);
        let start = Instant::now();
        let clusters = clusterer.cluster(&visible, zoom, DEFAULT_RADIUS_PX, Some(&view));
        time(
            &format!("cluster zoom {zoom}, view ({} markers)", clusters.len()),
            start,
        );
    }
    Ok(())
}

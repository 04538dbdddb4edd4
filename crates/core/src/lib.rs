//! The pure core of the NRW Integrationsagenturen finder.
//!
//! Architecture invariant: this crate knows nothing about the browser. It
//! imports no leptos, web-sys, wasm-bindgen or leaflet, does no I/O, and so is
//! compiled and tested natively (`cargo test -p ia-core`). The app and the
//! dataset tools are thin layers over it.

pub mod cluster;
pub mod columns;
pub mod dataset;
pub mod date;
pub mod embed;
pub mod evidence;
pub mod export;
pub mod filter;
pub mod finder;
pub mod geo;
pub mod geojson;
pub mod html;
pub mod labels;
pub mod load;
pub mod nearby;
pub mod opendata;
pub mod pages;
pub mod params;
pub mod query;
pub mod reach;
pub mod share;
pub mod slug;
pub mod static_map;
pub mod suggest;
pub mod synthetic;
pub mod text;
pub mod validate;
pub mod vocab;

pub use cluster::Cluster;

pub use dataset::{Agency, Dataset, DatasetMeta, KreisInfo};
pub use filter::{Circle, FacetCounts, Filters, Index, PlaceFilter, PlaceOption};
pub use load::{parse_dataset, parse_dataset_bytes, DatasetError, LoadedDataset, RecordProblem};
pub use query::{MapView, UrlState};
pub use vocab::{Offer, Precision, Topic, Umbrella};

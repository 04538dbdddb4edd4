//! The place index for "near me" (`data/places.json`), loaded only when
//! that search is used or a link names a place to measure from.

use std::sync::Arc;

use ia_core::nearby::{Found, Origin, PlaceIndex};
use leptos::prelude::*;

use super::FinderState;
use crate::load::fetch_text;

/// The place index, next to the app.
pub const PLACES_URL: &str = "data/places.json";

/// Loading state of the place index.
#[derive(Clone, Debug)]
pub enum PlacesStatus {
    NotLoaded,
    Loading,
    Ready(Arc<PlaceIndex>),
    Failed(String),
}

impl PlacesStatus {
    /// Where `near` (a postcode or place name) is, once the index is loaded.
    pub fn resolve(&self, near: &str) -> Option<Origin> {
        match self {
            PlacesStatus::Ready(index) => {
                origin_of(near_op(NearOp::Resolve(index.clone(), near.to_owned())))
            }
            _ => None,
        }
    }
}

/// What "near me" asks of the place index.
pub enum NearOp {
    /// Reads the index file.
    Parse(String),
    /// Where a postcode or place name from the URL is.
    Resolve(Arc<PlaceIndex>, String),
    /// Up to `limit` suggestions for what was typed.
    Suggest(Arc<PlaceIndex>, String, usize),
    /// The origin a chosen suggestion stands for.
    Origin(Arc<PlaceIndex>, Found),
    /// The postcode nearest to the browser's location.
    Nearest(Arc<PlaceIndex>, f64, f64),
}

/// The place index's answers.
pub enum NearAnswer {
    Parsed(Result<PlaceIndex, String>),
    Origin(Option<Origin>),
    /// Each suggestion with its name and detail (postcode and place, or
    /// place and Kreis).
    Suggestions(Vec<(Found, String, String)>),
}

crate::lazy_fn! { near, load_near;
    /// The place index's code (reading it, searching it, distances), the
    /// part "near", fetched with `data/places.json` when "near me" is first
    /// used. Every other operation comes after `Parse`, so it finds the part
    /// there (see [`crate::parts::now`]).
    fn near_op_async(op: NearOp) -> NearAnswer {
        match op {
            NearOp::Parse(text) => NearAnswer::Parsed(PlaceIndex::parse(&text).map_err(|err| err.to_string())),
            NearOp::Resolve(index, key) => NearAnswer::Origin(index.resolve(&key)),
            NearOp::Suggest(index, text, limit) => NearAnswer::Suggestions(
                index
                    .suggest(&text, limit)
                    .into_iter()
                    .filter_map(|found| {
                        let entry = index.entry(found)?;
                        Some((found, entry.name.clone(), entry.detail.clone()))
                    })
                    .collect(),
            ),
            NearOp::Origin(index, found) => NearAnswer::Origin(index.origin(found)),
            NearOp::Nearest(index, lat, lon) => NearAnswer::Origin(index.nearest_postcode(lat, lon)),
        }
    }
}

/// An operation on a loaded index (the part is there once the index is).
pub fn near_op(op: NearOp) -> Option<NearAnswer> {
    crate::parts::now(near_op_async(op))
}

/// The origin in an answer.
pub fn origin_of(answer: Option<NearAnswer>) -> Option<Origin> {
    match answer {
        Some(NearAnswer::Origin(origin)) => origin,
        _ => None,
    }
}

impl FinderState {
    /// Starts loading the place index unless it is loaded or loading. The
    /// status is the one part of the finder's state that does not come from
    /// the URL.
    pub fn load_places(&self) {
        if !matches!(
            self.places.get_untracked(),
            PlacesStatus::NotLoaded | PlacesStatus::Failed(_)
        ) {
            return;
        }
        self.places.set(PlacesStatus::Loading);
        let places = self.places;
        leptos::task::spawn_local(async move {
            // The file and the code that reads it (its part) at the same time.
            let (text, part) = futures::join!(fetch_text(PLACES_URL), load_near());
            let status = match (text, part) {
                (Ok(text), Ok(())) => match near_op_async(NearOp::Parse(text)).await {
                    Ok(NearAnswer::Parsed(Ok(index))) => PlacesStatus::Ready(Arc::new(index)),
                    Ok(NearAnswer::Parsed(Err(err))) => PlacesStatus::Failed(err),
                    _ => PlacesStatus::Failed("the place search could not be loaded".into()),
                },
                (Err(err), _) => PlacesStatus::Failed(err.to_string()),
                (_, Err(_)) => PlacesStatus::Failed("the place search could not be loaded".into()),
            };
            if let PlacesStatus::Failed(reason) = &status {
                leptos::logging::warn!("{PLACES_URL} not loaded: {reason}");
            }
            places.try_set(status);
        });
    }
}

//! The place index for "near me" (`data/places.json`), loaded only when
//! that search is used or a link names a place to measure from.

use std::sync::Arc;

use ia_core::nearby::{Origin, PlaceIndex};
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
            PlacesStatus::Ready(index) => index.resolve(near),
            _ => None,
        }
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
            let status = match fetch_text(PLACES_URL).await {
                Ok(text) => match PlaceIndex::parse(&text) {
                    Ok(index) => PlacesStatus::Ready(Arc::new(index)),
                    Err(err) => PlacesStatus::Failed(err.to_string()),
                },
                Err(err) => PlacesStatus::Failed(err.to_string()),
            };
            if let PlacesStatus::Failed(reason) = &status {
                leptos::logging::warn!("{PLACES_URL} not loaded: {reason}");
            }
            places.try_set(status);
        });
    }
}

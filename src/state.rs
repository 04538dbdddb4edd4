//! The finder's reactive state, kept in the URL.
//!
//! The query string holds filters, the selected agency, "near me" and the
//! map view, so a copied link restores the view and Back works. Inside the
//! app, the state is a signal kept in step with the URL (`state/url.rs`); everything
//! shown (visible agencies, facet counts, distances, list order, selection)
//! is a `Memo` over it and the read-only [`Catalog`], computed by
//! [`ia_core::finder`]. This module holds only signals, the actions that
//! change the state ([`FinderState::update_filters`] and its siblings), and
//! the lazily loaded place index (`state/place_index.rs`).
//!
//! The finder provides its state to its components as context
//! ([`crate::app::Finder`]).

pub(crate) mod place_index;
mod url;

use std::sync::Arc;

use ia_core::filter::{FacetCounts, Filters};
use ia_core::finder::{self, Near, Search};
use ia_core::nearby::Origin;
use ia_core::query::{MapView, UrlState};
use leptos::prelude::*;

pub use place_index::{PlacesStatus, PLACES_URL};
pub use url::History;

use crate::load::Catalog;
use crate::params::PageParams;

/// Handles to the state, cheap to copy into closures.
#[derive(Clone, Copy)]
pub struct FinderState {
    pub catalog: StoredValue<Arc<Catalog>>,
    /// The state as the URL holds it (changed at once by the actions below,
    /// written to the address in a following task).
    pub url: Memo<UrlState>,
    /// The place index for "near me", loaded on first use.
    pub places: RwSignal<PlacesStatus>,
    /// Where distances are measured from (the URL's `near`, resolved).
    pub origin: Memo<Option<Origin>>,
    /// The origin with the URL's radius, as the finder applies it.
    pub near: Memo<Option<Near>>,
    /// Positions of the visible agencies, ascending.
    pub visible: Memo<Vec<usize>>,
    /// `shown[position]` is true when the agency at `position` is visible.
    pub shown: Memo<Vec<bool>>,
    pub facets: Memo<FacetCounts>,
    /// Nothing lies within the radius, so `visible` holds the nearest few.
    pub nearest_instead: Memo<bool>,
    /// The chosen place, by position in `index.places()`, when the dataset
    /// has no agency there (issue 19): `visible` then holds the nearest few,
    /// measured from its centre. (A position, not the option, so that no new
    /// `Memo` type is compiled into the Wasm.)
    pub empty_place: Memo<Option<usize>>,
    /// Distance in km of every agency from the origin (or the centre of a
    /// chosen place without agencies), by position.
    pub distances: Memo<Option<Vec<f64>>>,
    /// Positions of all agencies in list order: by distance when there is
    /// an origin, else as in the dataset.
    pub order: Memo<Vec<usize>>,
    /// Position in `catalog.agencies` of the agency named in the URL.
    pub selected: Memo<Option<usize>>,
    /// The agency selected last (now or before), so that the list can put
    /// focus on its entry when the detail closes.
    pub last_selected: StoredValue<Option<usize>>,
    page: &'static PageParams,
    sync: url::UrlSync,
}

impl FinderState {
    /// Creates the state for a loaded catalog. Must run inside the
    /// `<Router>`, below the page parameters' context.
    pub fn new(catalog: Arc<Catalog>) -> FinderState {
        let page = use_context::<&'static PageParams>().expect("PageParams are provided by App");
        let for_slugs = catalog.clone();
        let sync = url::UrlSync::new(page, move |slug| {
            ia_core::pages::resolve_place_slug(&for_slugs.agencies, slug)
        });
        let current = sync.current;
        let url = Memo::new(move |_| current.get());
        let n_agencies = catalog.agencies.len();
        let catalog = StoredValue::new(catalog);
        let places = RwSignal::new(PlacesStatus::NotLoaded);
        let origin = Memo::new(move |_| {
            let near = url.with(|state| state.near.clone())?;
            places.with(|status| status.resolve(&near))
        });
        let near = Memo::new(move |_| {
            let radius_km = url.with(|state| state.radius_km);
            origin.with(|origin| {
                origin.as_ref().map(|origin| Near {
                    lat: origin.lat,
                    lon: origin.lon,
                    radius_km,
                })
            })
        });
        let search = Memo::new(move |_| Search {
            filters: url.with(|state| state.filters.clone()),
            near: near.get(),
        });
        let results = Memo::new(move |_| {
            search.with(|search| catalog.with_value(|c| finder::results(&c.index, search)))
        });
        let visible = Memo::new(move |_| results.with(|r| r.visible.clone()));
        let from = Memo::new(move |_| {
            search.with(|search| catalog.with_value(|c| finder::measured_from(&c.index, search)))
        });
        let distances = Memo::new(move |_| {
            let (lat, lon) = from.get()?;
            Some(catalog.with_value(|c| finder::distances(&c.index, lat, lon)))
        });
        let selected = Memo::new(move |_| {
            url.with(|state| {
                let id = state.agency.as_deref()?;
                catalog.with_value(|c| c.position_of(id))
            })
        });
        let last_selected = StoredValue::new(None);
        Effect::new(move |_| {
            if let Some(position) = selected.get() {
                last_selected.set_value(Some(position));
            }
        });
        let state = FinderState {
            catalog,
            url,
            places,
            origin,
            near,
            visible,
            shown: Memo::new(move |_| visible.with(|v| finder::shown_mask(n_agencies, v))),
            facets: Memo::new(move |_| results.with(|r| r.facets.clone())),
            nearest_instead: Memo::new(move |_| results.with(|r| r.nearest_instead)),
            empty_place: Memo::new(move |_| results.with(|r| r.empty_place)),
            distances,
            order: Memo::new(move |_| {
                distances.with(|d| finder::list_order(n_agencies, d.as_deref()))
            }),
            selected,
            last_selected,
            page,
            sync,
        };
        // A link with `near` needs the place index.
        Effect::new(move |_| {
            if url.with(|state| state.near.is_some()) {
                state.load_places();
            }
        });
        state
    }

    /// Changes the filters (replacing the history entry). The open agency
    /// stays open only if it is still shown (radius included).
    pub fn update_filters(&self, change: impl FnOnce(&mut Filters)) {
        let mut state = self.sync.current.get_untracked();
        change(&mut state.filters);
        self.keep_locked(&mut state);
        if let Some(id) = &state.agency {
            let search = Search {
                filters: state.filters.clone(),
                near: self.near.get_untracked(),
            };
            let shown = self.catalog.with_value(|c| {
                c.position_of(id)
                    .is_some_and(|position| finder::is_shown(&c.index, &search, position))
            });
            if !shown {
                state.agency = None;
            }
        }
        self.go(state, History::Replace);
    }

    /// Opens an agency (a new history entry, so Back closes it) or closes it.
    pub fn select(&self, position: Option<usize>) {
        let mut state = self.sync.current.get_untracked();
        state.agency = position.and_then(|position| {
            self.catalog
                .with_value(|c| c.agencies.get(position).map(|a| a.id.clone()))
        });
        let history = match state.agency {
            Some(_) => History::Push,
            None => History::Replace,
        };
        self.go(state, history);
    }

    /// Measures distances from a postcode or place (`None`: stop doing so).
    /// A new origin keeps the radius; no origin has no radius.
    pub fn set_near(&self, near: Option<String>) {
        let mut state = self.sync.current.get_untracked();
        if near.is_none() {
            state.radius_km = None;
        }
        state.near = near;
        // The map fits the new results.
        state.map = None;
        self.go(state, History::Replace);
    }

    /// Limits the results to a radius around the origin (`None`: all NRW).
    pub fn set_radius(&self, radius_km: Option<u16>) {
        let mut state = self.sync.current.get_untracked();
        state.radius_km = radius_km;
        state.map = None;
        self.go(state, History::Replace);
    }

    /// Records the map view in the URL without a history entry.
    pub fn set_map_view(&self, view: MapView) {
        let mut state = self.sync.current.get_untracked();
        if state.map.as_ref() == Some(&view) {
            return;
        }
        state.map = Some(view);
        self.go(state, History::Replace);
    }

    /// The filters "reset all filters" leads to: none, except those an
    /// embedding page has locked.
    pub fn filters_after_reset(&self) -> Filters {
        let mut reset = UrlState::default();
        self.keep_locked(&mut reset);
        reset.filters
    }

    /// The address of the full finder (not embedded) showing the current
    /// state, for the embed's "open the full map" link.
    pub fn full_view_url(&self) -> String {
        self.sync.full_view_url()
    }

    /// `state` with the facets an embedding page has locked put back.
    fn keep_locked(&self, state: &mut UrlState) {
        self.page.embed.keep_locked(&self.page.finder, state);
    }

    /// Applies a change at once and writes it to the URL in a following task.
    fn go(&self, mut state: UrlState, history: History) {
        self.keep_locked(&mut state);
        self.sync.go(state, history);
    }
}

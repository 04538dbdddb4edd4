//! The finder's reactive state, derived from the URL.
//!
//! The query string is the single source of truth for filters, the selected
//! agency and the map view. Everything else (visible agencies, facet counts,
//! the selection) is a `Memo` derived from it and from the read-only
//! [`Catalog`]; no effect writes a signal. Changes go back through the router:
//! filter and map changes replace the history entry (so they don't flood the
//! Back button, also in iframes whose history is shared with the host page),
//! opening an agency pushes one (so Back closes it).

use std::sync::Arc;

use ia_core::filter::{FacetCounts, Filters};
use ia_core::query::{MapView, UrlState, KNOWN_PARAMS};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::load::Catalog;

/// The router's navigate function, shareable.
type Navigate = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// Handles to the state, cheap to copy into closures and child components.
#[derive(Clone, Copy)]
pub struct FinderState {
    pub catalog: StoredValue<Arc<Catalog>>,
    pub url: Memo<UrlState>,
    pub visible: Memo<Vec<usize>>,
    pub facets: Memo<FacetCounts>,
    /// Position in `catalog.agencies` of the agency named in the URL.
    pub selected: Memo<Option<usize>>,
    /// Query parameters this app does not own (e.g. `lang`, `embed`), kept on every change.
    foreign_params: Memo<Vec<(String, String)>>,
    pathname: Memo<String>,
    navigate: StoredValue<Navigate>,
}

impl FinderState {
    /// Creates the state for a loaded catalog. Must run inside the `<Router>`.
    pub fn new(catalog: Arc<Catalog>) -> FinderState {
        let query = use_query_map();
        let location = use_location();
        let url = Memo::new(move |_| {
            query.with(|params| {
                UrlState::from_pairs(
                    params
                        .latest_values()
                        .map(|(key, value)| (key.as_ref(), value)),
                )
            })
        });
        let foreign_params = Memo::new(move |_| {
            query.with(|params| {
                params
                    .latest_values()
                    .filter(|(key, _)| !KNOWN_PARAMS.contains(&key.as_ref()))
                    .map(|(key, value)| (key.to_string(), value.to_owned()))
                    .collect::<Vec<_>>()
            })
        });
        let catalog = StoredValue::new(catalog);
        let filters = Memo::new(move |_| url.with(|state| state.filters.clone()));
        let visible = Memo::new(move |_| {
            filters.with(|filters| catalog.with_value(|c| c.index.matching(filters)))
        });
        let facets = Memo::new(move |_| {
            filters.with(|filters| catalog.with_value(|c| c.index.facet_counts(filters)))
        });
        let selected = Memo::new(move |_| {
            url.with(|state| {
                state
                    .agency
                    .as_deref()
                    .and_then(|id| catalog.with_value(|c| c.position_of(id)))
            })
        });
        let pathname = Memo::new(move |_| location.pathname.get());
        let navigate = use_navigate();
        FinderState {
            catalog,
            url,
            visible,
            facets,
            selected,
            foreign_params,
            pathname,
            navigate: StoredValue::new(Arc::new(navigate)),
        }
    }

    /// Changes the filters (replacing the history entry). The selection is
    /// kept only if the agency is still visible.
    pub fn update_filters(&self, change: impl FnOnce(&mut Filters)) {
        let mut state = self.url.get_untracked();
        change(&mut state.filters);
        if let Some(id) = &state.agency {
            let still_visible = self.catalog.with_value(|c| {
                c.position_of(id)
                    .is_some_and(|position| c.index.matching(&state.filters).contains(&position))
            });
            if !still_visible {
                state.agency = None;
            }
        }
        self.go(&state, true);
    }

    /// Opens an agency (a new history entry, so Back closes it) or closes it.
    pub fn select(&self, position: Option<usize>) {
        let mut state = self.url.get_untracked();
        state.agency = position.and_then(|position| {
            self.catalog
                .with_value(|c| c.agencies.get(position).map(|a| a.id.clone()))
        });
        let opening = state.agency.is_some();
        self.go(&state, !opening);
    }

    /// Records the map view in the URL without a history entry.
    pub fn set_map_view(&self, view: MapView) {
        let mut state = self.url.get_untracked();
        if state.map.as_ref() == Some(&view) {
            return;
        }
        state.map = Some(view);
        self.go(&state, true);
    }

    /// The query string for a state, keeping parameters owned by others.
    pub fn query_string_for(&self, state: &UrlState) -> String {
        let mut query = state.to_query_string();
        for (key, value) in self.foreign_params.get_untracked() {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&String::from(js_sys::encode_uri_component(&key)));
            query.push('=');
            query.push_str(&String::from(js_sys::encode_uri_component(&value)));
        }
        query
    }

    fn go(&self, state: &UrlState, replace: bool) {
        let query = self.query_string_for(state);
        let path = self.pathname.get_untracked();
        let url = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        let options = NavigateOptions {
            resolve: false,
            replace,
            scroll: false,
            ..Default::default()
        };
        self.navigate.with_value(|navigate| navigate(&url, options));
    }
}

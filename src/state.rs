//! The finder's reactive state, kept in the URL.
//!
//! The query string holds filters, the selected agency and the map view, so a
//! copied link restores the view and Back works. Inside the app, `current`
//! is the source of truth: a change is applied to it at once (the list and
//! the map update in the same task) and written to the URL right after, in
//! a following task. Writing the URL costs about 3 ms per change in Chromium
//! (`history.replaceState`), which this keeps out of the input → result
//! latency, and several changes in one task are written once. Changes that
//! come from the URL (Back, Forward, a link) are copied into `current`.
//!
//! Everything else (visible agencies, facet counts, the selection) is a
//! `Memo` derived from `current` and the read-only [`Catalog`]. Filter and map
//! changes replace the history entry (so they don't flood the Back button,
//! also in iframes whose history is shared with the host page); opening an
//! agency pushes one (so Back closes it).

use std::sync::Arc;

use ia_core::embed::{EmbedOptions, EMBED_PARAMS};
use ia_core::filter::{Circle, FacetCounts, Filters};
use ia_core::geo::distance_km;
use ia_core::nearby::{by_distance, order_by_distance, Origin, PlaceIndex};
use ia_core::query::{encode_component, MapView, UrlState, KNOWN_PARAMS};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::load::{fetch_text, Catalog};

/// The place index for "near me", next to the app.
pub const PLACES_URL: &str = "data/places.json";

/// How many agencies are shown when none lies within the radius.
pub const NEAREST_INSTEAD: usize = 3;

/// Loading state of the place index.
#[derive(Clone, Debug)]
pub enum PlacesStatus {
    NotLoaded,
    Loading,
    Ready(Arc<PlaceIndex>),
    Failed(String),
}

/// The router's navigate function, shareable.
type Navigate = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// Handles to the state, cheap to copy into closures and child components.
#[derive(Clone, Copy)]
pub struct FinderState {
    pub catalog: StoredValue<Arc<Catalog>>,
    pub url: Memo<UrlState>,
    pub visible: Memo<Vec<usize>>,
    /// `shown[position]` is true when the agency at `position` is visible.
    pub shown: Memo<Vec<bool>>,
    pub facets: Memo<FacetCounts>,
    /// Position in `catalog.agencies` of the agency named in the URL.
    pub selected: Memo<Option<usize>>,
    /// The agency selected last (now or before), so that the list can put
    /// focus on its entry when the detail closes.
    pub last_selected: StoredValue<Option<usize>>,
    /// The place index for "near me", loaded on first use.
    pub places: RwSignal<PlacesStatus>,
    /// Where distances are measured from (the URL's `near`, resolved).
    pub origin: Memo<Option<Origin>>,
    /// The radius around the origin in km (`None`: no limit).
    pub radius_km: Memo<Option<u16>>,
    /// Distance in km of every agency from the origin, by position.
    pub distances: Memo<Option<Vec<f64>>>,
    /// Positions of all agencies in list order: by distance when there is
    /// an origin, else as in the dataset.
    pub order: Memo<Vec<usize>>,
    /// Nothing lies within the radius, so `visible` holds the nearest few.
    pub nearest_instead: Memo<bool>,
    /// The chosen place, by position in `index.places()`, when the dataset
    /// has no agency there (issue 19): `visible` then holds the nearest few,
    /// measured from its centre. (A position, not the option, so that no new
    /// `Memo` type is compiled into the Wasm.)
    pub empty_place: Memo<Option<usize>>,
    /// How the finder is embedded (`embed`, `lock`, `list`); fixed for the page's life.
    pub embed: StoredValue<EmbedOptions>,
    /// The state the page was opened with: the embed's preset for locked facets.
    preset: StoredValue<UrlState>,
    /// Query parameters this app does not own (e.g. `lang`, `embed`), kept on every change.
    foreign_params: Memo<Vec<(String, String)>>,
    pathname: Memo<String>,
    navigate: StoredValue<Navigate>,
    current: RwSignal<UrlState>,
    /// A URL write is scheduled; `Some(true)` if it may replace the history
    /// entry, `Some(false)` if a change in the batch needs a new entry.
    pending_write: StoredValue<Option<bool>>,
}

impl FinderState {
    /// Creates the state for a loaded catalog. Must run inside the `<Router>`.
    pub fn new(catalog: Arc<Catalog>) -> FinderState {
        let query = use_query_map();
        let location = use_location();
        // `place=koeln` (a readable place name) is read as the digit code.
        let for_slugs = catalog.clone();
        let in_url = Memo::new(move |_| {
            query.with(|params| {
                UrlState::from_pairs_with_places(
                    params
                        .latest_values()
                        .map(|(key, value)| (key.as_ref(), value)),
                    |slug| ia_core::pages::resolve_place_slug(&for_slugs.agencies, slug),
                )
            })
        });
        let current = RwSignal::new(in_url.get_untracked());
        let preset = in_url.get_untracked();
        let mut embed = query.with_untracked(|params| {
            EmbedOptions::from_pairs(
                params
                    .latest_values()
                    .map(|(key, value)| (key.as_ref(), value)),
            )
        });
        embed.settle(&preset);
        let embed = StoredValue::new(embed);
        let preset = StoredValue::new(preset);
        // Back, Forward and links change the URL: follow them. (Our own
        // writes arrive here equal to `current`, and are ignored.)
        Effect::new(move |_| {
            let from_url = in_url.get();
            if current.with_untracked(|state| *state != from_url) {
                current.set(from_url);
            }
        });
        let url = Memo::new(move |_| current.get());
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
        let places = RwSignal::new(PlacesStatus::NotLoaded);
        let origin = Memo::new(move |_| {
            let near = url.with(|state| state.near.clone())?;
            places.with(|status| match status {
                PlacesStatus::Ready(index) => index.resolve(&near),
                _ => None,
            })
        });
        let radius_km = Memo::new(move |_| url.with(|state| state.radius_km));
        let empty_place = Memo::new(move |_| {
            url.with(|state| {
                let place = state.filters.place.as_ref()?;
                catalog.with_value(|c| c.index.empty_place(place))
            })
        });
        let empty_place_centre = move || {
            let position = empty_place.get()?;
            catalog.with_value(|c| c.index.places().get(position)?.centre)
        };
        let filters = Memo::new(move |_| {
            let mut filters = url.with(|state| state.filters.clone());
            filters.circle = origin.with(|origin| {
                let origin = origin.as_ref()?;
                Some(Circle::new(origin.lat, origin.lon, radius_km.get()?))
            });
            filters
        });
        // One pass computes the matches and the counts, folding the free text
        // once. An empty radius shows the nearest few matches instead.
        let results = Memo::new(move |_| {
            filters.with(|filters| {
                catalog.with_value(|c| {
                    if let Some((lat, lon)) = empty_place_centre() {
                        // Nothing is in the place: the nearest matches elsewhere.
                        let elsewhere = Filters {
                            place: None,
                            circle: None,
                            ..filters.clone()
                        };
                        let (all, facets) = c.index.matching_and_facet_counts(&elsewhere);
                        let mut nearest: Vec<usize> =
                            by_distance(&all, c.index.positions(), lat, lon)
                                .into_iter()
                                .take(NEAREST_INSTEAD)
                                .map(|(position, _)| position)
                                .collect();
                        nearest.sort_unstable();
                        return (nearest, facets, false);
                    }
                    let (visible, facets) = c.index.matching_and_facet_counts(filters);
                    let circle = match filters.circle {
                        Some(circle) if visible.is_empty() => circle,
                        _ => return (visible, facets, false),
                    };
                    let anywhere = Filters {
                        circle: None,
                        ..filters.clone()
                    };
                    let (all, facets) = c.index.matching_and_facet_counts(&anywhere);
                    let mut nearest: Vec<usize> =
                        by_distance(&all, c.index.positions(), circle.lat(), circle.lon())
                            .into_iter()
                            .take(NEAREST_INSTEAD)
                            .map(|(position, _)| position)
                            .collect();
                    nearest.sort_unstable();
                    (nearest, facets, true)
                })
            })
        });
        let visible = Memo::new(move |_| results.with(|(visible, _, _)| visible.clone()));
        let facets = Memo::new(move |_| results.with(|(_, facets, _)| facets.clone()));
        let nearest_instead = Memo::new(move |_| results.with(|(_, _, instead)| *instead));
        // From the "near" place, else from the centre of a chosen place
        // without agencies.
        let distances = Memo::new(move |_| {
            let from = origin.with(|origin| origin.as_ref().map(|o| (o.lat, o.lon)));
            from.or_else(empty_place_centre)
                .map(|(from_lat, from_lon)| {
                    catalog.with_value(|c| {
                        c.index
                            .positions()
                            .iter()
                            .map(|&(lat, lon)| distance_km(from_lat, from_lon, lat, lon))
                            .collect::<Vec<f64>>()
                    })
                })
        });
        // Sorted from the distances already computed above.
        let order = Memo::new(move |_| {
            distances.with(|distances| match distances {
                Some(distances) => order_by_distance(distances),
                None => (0..catalog.with_value(|c| c.agencies.len())).collect(),
            })
        });
        let shown = Memo::new(move |_| {
            let mut shown = vec![false; catalog.with_value(|c| c.agencies.len())];
            visible.with(|visible| {
                for &position in visible {
                    if let Some(slot) = shown.get_mut(position) {
                        *slot = true;
                    }
                }
            });
            shown
        });
        let selected = Memo::new(move |_| {
            url.with(|state| {
                state
                    .agency
                    .as_deref()
                    .and_then(|id| catalog.with_value(|c| c.position_of(id)))
            })
        });
        let last_selected = StoredValue::new(None);
        Effect::new(move |_| {
            if let Some(position) = selected.get() {
                last_selected.set_value(Some(position));
            }
        });
        let pathname = Memo::new(move |_| location.pathname.get());
        let navigate = use_navigate();
        let state = FinderState {
            catalog,
            url,
            visible,
            shown,
            facets,
            selected,
            last_selected,
            places,
            origin,
            radius_km,
            distances,
            order,
            nearest_instead,
            empty_place,
            embed,
            preset,
            foreign_params,
            pathname,
            navigate: StoredValue::new(Arc::new(navigate)),
            current,
            pending_write: StoredValue::new(None),
        };
        // A link with `near` needs the place index.
        Effect::new(move |_| {
            if url.with(|state| state.near.is_some()) {
                state.load_places();
            }
        });
        state
    }

    /// Changes the filters (replacing the history entry). The selection is
    /// kept only if the agency is still visible.
    pub fn update_filters(&self, change: impl FnOnce(&mut Filters)) {
        let mut state = self.current.get_untracked();
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
        let mut state = self.current.get_untracked();
        state.agency = position.and_then(|position| {
            self.catalog
                .with_value(|c| c.agencies.get(position).map(|a| a.id.clone()))
        });
        let opening = state.agency.is_some();
        self.go(&state, !opening);
    }

    /// Measures distances from a postcode or place (`None`: stop doing so).
    /// A new origin keeps the radius; no origin has no radius.
    pub fn set_near(&self, near: Option<String>) {
        let mut state = self.current.get_untracked();
        if near.is_none() {
            state.radius_km = None;
        }
        state.near = near;
        // The map fits the new results.
        state.map = None;
        self.go(&state, true);
    }

    /// Limits the results to a radius around the origin (`None`: all NRW).
    pub fn set_radius(&self, radius_km: Option<u16>) {
        let mut state = self.current.get_untracked();
        state.radius_km = radius_km;
        state.map = None;
        self.go(&state, true);
    }

    /// Starts loading the place index unless it is loaded or loading.
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

    /// Records the map view in the URL without a history entry.
    pub fn set_map_view(&self, view: MapView) {
        let mut state = self.current.get_untracked();
        if state.map.as_ref() == Some(&view) {
            return;
        }
        state.map = Some(view);
        self.go(&state, true);
    }

    /// The filters "reset all filters" leads to: none, except those an
    /// embedding page has locked.
    pub fn filters_after_reset(&self) -> Filters {
        let mut reset = UrlState::default();
        self.embed.with_value(|embed| {
            self.preset
                .with_value(|preset| embed.keep_locked(preset, &mut reset));
        });
        reset.filters
    }

    /// The address of the full finder (not embedded) showing the current
    /// state, for the embed's "open the full map" link.
    pub fn full_view_url(&self) -> String {
        let query = self.current.with(UrlState::to_query_string);
        let extra: Vec<String> = self.foreign_params.with(|params| {
            params
                .iter()
                .filter(|(key, _)| !EMBED_PARAMS.contains(&key.as_str()))
                .map(|(key, value)| {
                    format!("{}={}", encode_component(key), encode_component(value))
                })
                .collect()
        });
        let query = std::iter::once(query)
            .chain(extra)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("&");
        let path = self.pathname.get();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    }

    /// The query string for a state, keeping parameters owned by others.
    pub fn query_string_for(&self, state: &UrlState) -> String {
        let mut query = state.to_query_string();
        for (key, value) in self.foreign_params.get_untracked() {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(&encode_component(&key));
            query.push('=');
            query.push_str(&encode_component(&value));
        }
        query
    }

    fn go(&self, state: &UrlState, replace: bool) {
        let mut state = state.clone();
        self.embed.with_value(|embed| {
            self.preset
                .with_value(|preset| embed.keep_locked(preset, &mut state));
        });
        self.current.set(state);
        let already_scheduled = self.pending_write.with_value(Option::is_some);
        self.pending_write.update_value(|pending| {
            *pending = Some(pending.unwrap_or(true) && replace);
        });
        if !already_scheduled {
            let this = *self;
            set_timeout(move || this.write_url(), std::time::Duration::ZERO);
        }
    }

    /// Writes `current` to the URL (see the module documentation).
    fn write_url(&self) {
        let Some(replace) = self.pending_write.try_update_value(Option::take).flatten() else {
            return;
        };
        let Some(state) = self.current.try_get_untracked() else {
            return; // The finder is gone.
        };
        let query = self.query_string_for(&state);
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

//! The only module that talks to Leaflet (through the `leaflet` crate).
//!
//! Lifecycle, following leptos-leaflet's `MapContainer`: the component renders
//! a `<div>`; one effect creates the `leaflet::Map` once the node exists and
//! is on screen (`create.rs`), keeps it in local storage, and `on_cleanup`
//! removes it. From then on one effect each keeps a part of the map in step
//! with the finder state:
//!
//! - the results: fit the map to them (`fit.rs`) and draw them as markers
//!   (`markers.rs`; the clusters come from `ia_core::cluster`);
//! - the selection: restyle the markers whose selection changed and bring
//!   the agency into view;
//! - the origin of distances and its radius (`origin.rs`);
//! - whether tiles are shown: the map's own background (`basemap.rs`) is
//!   drawn whenever they are not (none configured, not yet allowed, failing).
//!
//! Third-party tiles wait for "Stadtplan laden" when the config's
//! `tile_consent` is `ask` (the default) or an embed says `tiles=click`; the
//! choice is kept in `sessionStorage` for the browser session.
//!
//! All marker activation goes through one delegated DOM listener on the map
//! container, so no per-marker closures are created or leaked. Marker and
//! cluster labels are set with DOM attribute APIs, never from HTML strings.
//! Bindings Leaflet's crate lacks are in `js.rs`; the embed's wheel and touch
//! handling in `gestures.rs`.

mod basemap;
mod create;
mod fit;
mod gestures;
mod js;
mod markers;
mod origin;

use std::cell::RefCell;
use std::rc::Rc;

use ia_core::embed::EmbedOptions;
use ia_core::finder::{self, Near};
use ia_core::geo::NRW_BBOX;
use leaflet::{LatLng, LayerGroup, Map};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{in_next_task, session_flag, set_session_flag};
use crate::config::Config;
use crate::i18n::Texts;
use crate::params::PageParams;
use crate::parts::{now, Part, PartWait, Parts};
use crate::state::FinderState;

/// Cluster radius in CSS pixels: markers closer than this merge.
pub const CLUSTER_RADIUS_PX: f64 = 44.0;

/// Opening an agency zooms in at least this far to show it.
const SELECTED_MIN_ZOOM: f64 = 12.0;

/// The `sessionStorage` key that says the visitor chose "Stadtplan laden".
const TILES_ALLOWED_KEY: &str = "ia-map-tiles";

/// Everything the map keeps between renders. Lives in local storage because
/// Leaflet objects are JavaScript values and not `Send`.
struct MapHandles {
    map: Map,
    markers: markers::MarkerLayer,
    /// The origin of distances and the radius around it.
    origin: LayerGroup,
    basemap: basemap::Basemap,
    /// Kept alive for as long as the map: dropping a handle unregisters it.
    _events: Vec<leaflet::EventedHandle<leaflet::Event>>,
    _dom_listeners: Vec<markers::DomListener>,
}

/// The map's signals and handles, cheap to copy into effects and handlers.
#[derive(Clone, Copy)]
pub(crate) struct Panel {
    state: FinderState,
    texts: &'static Texts,
    handles: StoredValue<Option<Rc<RefCell<MapHandles>>>, LocalStorage>,
    /// Set once the map exists: the effects draw into it from then on.
    ready: RwSignal<bool>,
    /// The zoom level the markers are drawn for.
    zoom: RwSignal<u8>,
    /// Leaflet is missing (its script failed to load) or the map could not
    /// be made: the list and the filters work without it.
    failed: RwSignal<bool>,
    tiles_failed: RwSignal<bool>,
    /// A tile layer is on the map.
    tiles_on: RwSignal<bool>,
    /// Tiles wait for the visitor's "Stadtplan laden".
    tiles_waiting: RwSignal<bool>,
    /// Whether the legend is unfolded (folded at first in small embed frames).
    legend_open: RwSignal<bool>,
    /// A short hint on how to move the map inside a partner's page.
    hint: RwSignal<Option<&'static str>>,
    config: StoredValue<Config>,
}

impl Panel {
    /// Runs `work` with the map, once it exists.
    fn with_map<R>(&self, work: impl FnOnce(&MapHandles) -> R) -> Option<R> {
        let handles = self.handles.try_get_value().flatten()?;
        let handles = handles.borrow();
        Some(work(&handles))
    }
}

/// The interactive map, kept in sync with the finder state.
#[component]
pub fn MapPanel(
    /// Whether the map is on screen; it is made the first time it is.
    on_screen: Memo<bool>,
) -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let embed = &use_context::<&'static PageParams>()
        .expect("PageParams are provided by App")
        .embed;
    let config = use_context::<Config>().expect("Config is provided by Finder");
    let panel = Panel {
        state: use_context::<FinderState>().expect("FinderState is provided by Finder"),
        texts,
        handles: StoredValue::new_local(None),
        ready: RwSignal::new(false),
        zoom: RwSignal::new(7),
        failed: RwSignal::new(false),
        tiles_failed: RwSignal::new(false),
        tiles_on: RwSignal::new(false),
        // Whether this session already allowed them is read when the map is made.
        tiles_waiting: RwSignal::new(config.tiles_wait_for_consent(embed.tiles_on_click, false)),
        legend_open: RwSignal::new(true),
        hint: RwSignal::new(None),
        config: StoredValue::new(config),
    };
    let tiles_waiting = panel.tiles_waiting;
    let container = NodeRef::<Div>::new();
    // Leaflet's side of the map is the part `Part::Map` (issue 28): fetched
    // when the map is first on screen (at once on wide screens, on phones
    // with "Karte"), then started inside this component.
    let parts = use_context::<Parts>().expect("Parts are provided by App");
    let start = MapStart {
        container,
        on_screen,
        embed,
    };
    let owner = Owner::current().expect("a component has an owner");
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        if !on_screen.get() {
            // Not made while not shown (phones before "Karte"): said on the
            // container, as the map's part says its later stages.
            if let Some(element) = container.get() {
                mark(&element, "off-screen");
            }
            return false;
        }
        parts.load(Part::Map);
        if !parts.ready(Part::Map) {
            return false;
        }
        untrack(|| owner.with(|| now(map_op(panel, MapOp::Start(start)))));
        true
    });
    on_cleanup(move || {
        if panel.ready.get_untracked() {
            now(map_op(panel, MapOp::Remove));
        }
    });
    let pan = move |dx: f64, dy: f64| {
        now(map_op(panel, MapOp::Pan(dx, dy)));
    };
    let load_tiles = move |_| {
        now(map_op(panel, MapOp::LoadTiles));
    };
    let waiting = move || on_screen.get() && !panel.ready.get() && !panel.failed.get();
    view! {
        <div class="map-wrap">
            // Every marker is a tab stop: keyboard users can jump past them.
            <a class="skip-link skip-link--map" href="#after-map" on:click=move |event| crate::skip_to(event, "after-map")>{texts.skip_map}</a>
            <div class="map" node_ref=container role="region" aria-label=texts.map_label>{static_map()}</div>
            // The map's part on its way (phones after "Karte"; wide screens at start).
            {(!cfg!(feature = "ssr")).then(|| view! {
                <Show when=waiting>
                    <div class="map-wait"><PartWait part=Part::Map/></div>
                </Show>
            })}
            // Buttons as an alternative to dragging (WCAG 2.5.7).
            <div class="map-pan" role="group" aria-label=texts.pan_label hidden=move || panel.failed.get()>
                {[(texts.pan_north, "↑", 0.0, -1.0), (texts.pan_west, "←", -1.0, 0.0), (texts.pan_east, "→", 1.0, 0.0), (texts.pan_south, "↓", 0.0, 1.0)]
                    .into_iter()
                    .map(|(label, arrow, dx, dy)| view! {
                        <button type="button" class="map-pan__button" aria-label=label title=label on:click=move |_| pan(dx, dy)>
                            <span aria-hidden="true">{arrow}</span>
                        </button>
                    })
                    .collect_view()}
            </div>
            <Show when=move || panel.failed.get()>
                <p class="map-note map-note--failed" role="status">{texts.map_unavailable}</p>
            </Show>
            // Only once the map is there (not in the prerendered page).
            <Show when=move || tiles_waiting.get() && panel.ready.get()>
                <button type="button" class="button map-load-tiles" on:click=load_tiles>
                    {texts.load_tiles}
                </button>
            </Show>
            <Show when=move || panel.hint.get().is_some()>
                <p class="map-hint" aria-hidden="true">{move || panel.hint.get()}</p>
            </Show>
            // What the marker shapes mean (also over the prerendered static map).
            // In an embed the legend can be folded: small frames start with it
            // folded, so it does not cover the map (a disclosure button).
            <div class="map-legend-wrap">
            {embed.embed.then(|| view! {
                <button type="button" class="map-legend__toggle" aria-controls="map-legend"
                    aria-expanded=move || panel.legend_open.get().to_string()
                    on:click=move |_| panel.legend_open.update(|open| *open = !*open)>
                    {texts.legend_label}
                </button>
            })}
            <ul id="map-legend" class="map-legend" aria-label=texts.legend_label hidden=move || !panel.legend_open.get()>
                <li><span class="map-legend__swatch map-legend__swatch--agency" aria-hidden="true"></span>{texts.legend_agency}</li>
                <li><span class="map-legend__swatch map-legend__swatch--sada" aria-hidden="true"></span>{texts.servicestelle}</li>
                <li><span class="map-legend__swatch map-legend__swatch--kreis" aria-hidden="true"></span>{texts.legend_kreis}</li>
            </ul>
            </div>
            <span id="after-map" tabindex="-1"></span>
            <Show when=move || panel.tiles_failed.get()>
                <p class="map-note" role="status">{texts.map_note_no_tiles}</p>
            </Show>
        </div>
    }
}

/// What the map's view needs to start Leaflet's side.
#[derive(Clone, Copy)]
pub(crate) struct MapStart {
    container: NodeRef<Div>,
    on_screen: Memo<bool>,
    embed: &'static EmbedOptions,
}

/// What the map's view asks of the map's part.
#[derive(Clone, Copy)]
pub(crate) enum MapOp {
    /// Make the map when on screen, and keep it in step with the finder.
    Start(MapStart),
    /// Pan by a third of the map's size, `(dx, dy)` in thirds.
    Pan(f64, f64),
    /// Show the tiles the visitor just allowed.
    LoadTiles,
    /// Take the map away with its component.
    Remove,
}

crate::lazy_fn! { map, load_map;
    /// Everything that touches Leaflet, in the part `Part::Map`.
    pub(crate) fn map_op(panel: Panel, op: MapOp) -> () {
        match op {
            MapOp::Start(start) => {
                create_when_on_screen(panel, start.container, start.on_screen, start.embed);
                draw_results(panel);
                follow_selection(panel);
                draw_origin(panel);
                follow_tiles(panel);
            }
            MapOp::Pan(dx, dy) => {
                panel.with_map(|handles| {
                    let size = handles.map.get_size();
                    handles.map.pan_by(&leaflet::Point::new(
                        dx * size.x() / 3.0,
                        dy * size.y() / 3.0,
                    ));
                });
            }
            MapOp::LoadTiles => {
                set_session_flag(TILES_ALLOWED_KEY);
                if let Some(handles) = panel.handles.get_value() {
                    let mut handles = handles.borrow_mut();
                    let map = handles.map.clone();
                    let added = panel.config.with_value(|config| create::add_tiles(&map, config, panel));
                    handles._events.extend(added);
                }
                panel.tiles_waiting.set(false);
            }
            MapOp::Remove => {
                panel.with_map(|handles| handles.map.remove());
            }
        }
    }
}

/// Creates the map once the container exists and is on screen, in a task of
/// its own: the work that follows the dataset's arrival is two shorter tasks
/// instead of one long one, and the list can be painted in between (real
/// data, 4x slowed CPU: longest task 240 → 140 ms, list about 60 ms sooner).
///
/// The container's `data-map` says where this stands, once decided:
/// `off-screen` (not made while not shown), `loading` (Leaflet's script),
/// `ready` or `failed`. Tests wait for it rather than for time to pass.
fn create_when_on_screen(
    panel: Panel,
    container: NodeRef<Div>,
    on_screen: Memo<bool>,
    embed: &'static EmbedOptions,
) {
    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        if !on_screen.get() {
            if panel.handles.with_value(Option::is_none) {
                mark(&element, "off-screen");
            }
            return;
        }
        let element: web_sys::HtmlElement = element.unchecked_into();
        let create = move |element: web_sys::HtmlElement| {
            if session_flag(TILES_ALLOWED_KEY) {
                panel.tiles_waiting.set(false);
            }
            let exists = panel.handles.try_with_value(Option::is_some) != Some(false);
            if exists || panel.failed.get_untracked() {
                return;
            }
            let created = panel
                .config
                .with_value(|config| create::create_map(&element, panel, config, embed));
            match created {
                Ok(created) => {
                    crate::takeover::drop_static_map(&element);
                    panel.handles.set_value(Some(created));
                    panel.ready.set(true);
                    mark(&element, "ready");
                }
                Err(err) => {
                    leptos::logging::warn!("the map could not be created: {err:?}");
                    panel.failed.set(true);
                    mark(&element, "failed");
                }
            }
        };
        if panel.handles.with_value(Option::is_none) && !panel.failed.get_untracked() {
            mark(&element, "loading");
        }
        leptos::task::spawn_local(async move {
            // Leaflet's script is loaded when the map is first on screen, not
            // on the first view's way (42 KB gzip; on phones only after "Karte").
            if let Err(err) = js::load_leaflet().await {
                leptos::logging::warn!(
                    "Leaflet could not be loaded ({err:?}); the map is not shown"
                );
                panel.failed.try_set(true);
                mark(&element, "failed");
                return;
            }
            in_next_task(move || create(element));
        });
    });
}

/// Sets the map container's `data-map` (see [`create_when_on_screen`]).
fn mark(container: &web_sys::Element, stage: &str) {
    let _ = container.set_attribute("data-map", stage);
}

/// The background is drawn when no tiles are shown (none configured, not
/// yet allowed, or failing), and taken away when tiles are.
fn follow_tiles(panel: Panel) {
    Effect::new(move |_| {
        panel.ready.track();
        panel.tiles_on.track();
        panel.tiles_failed.track();
        panel.with_map(|handles| handles.basemap.refresh());
    });
}

/// Draws the visible agencies when they, the origin or the zoom change. When
/// the visible set or the origin change, it first fits the map to them (not
/// on first load when the URL already names a view) and draws the markers
/// once, at the zoom the fit ends at, rather than before and after. A new
/// selection does not draw again (see [`follow_selection`]).
fn draw_results(panel: Panel) {
    let state = panel.state;
    type Fitted = (Vec<usize>, Option<Near>);
    Effect::new(move |previous: Option<Option<Fitted>>| {
        if !panel.ready.get() {
            return None;
        }
        let previous = previous.flatten();
        let fitted = (state.visible.get(), state.near.get());
        let mut zoom = panel.zoom.get();
        let has_view = state.url.with_untracked(|url| url.map.is_some());
        let must_fit = previous.as_ref() != Some(&fitted) && !(previous.is_none() && has_view);
        let (visible, near) = &fitted;
        panel.with_map(|handles| {
            let center = if must_fit {
                let bbox = state
                    .catalog
                    .with_value(|c| finder::fit_box(&c.index, visible, *near))
                    .unwrap_or(NRW_BBOX);
                // A move during the fit must not draw the old results there.
                handles.markers.hold(true);
                zoom = fit::fit(&handles.map, bbox, fit::FIT_MAX_ZOOM, fit::FIT_PADDING_PX);
                handles.markers.hold(false);
                // Kept without a notification: the markers are drawn below.
                panel.zoom.update_untracked(|drawn| *drawn = zoom);
                // Where the fit ends (it may still be animating).
                fit::fit_center(bbox)
            } else {
                let center = handles.map.get_center();
                (center.lat(), center.lng())
            };
            let size = handles.map.get_size();
            let view = markers::View {
                zoom,
                center,
                size: (size.x(), size.y()),
            };
            state
                .catalog
                .with_value(|catalog| handles.markers.render(catalog, visible, view));
            // The background's names keep off the markers just drawn.
            handles.basemap.refresh();
        })?;
        Some(fitted)
    });
}

/// When an agency is opened or closed: restyles only the markers whose
/// selection changed, and brings the opened agency into view.
fn follow_selection(panel: Panel) {
    let state = panel.state;
    Effect::new(move |_| {
        panel.ready.track();
        let selected = state.selected.get();
        let location = selected.and_then(|position| {
            state.catalog.with_value(|c| {
                c.agencies
                    .get(position)
                    .map(|a| (a.location.lat, a.location.lon))
            })
        });
        // Leaflet's objects only once the map (and so Leaflet's script) is there.
        panel.with_map(|handles| {
            handles.markers.select(selected);
            let Some((lat, lon)) = location else {
                return;
            };
            let target = LatLng::new(lat, lon);
            let map = &handles.map;
            if map.get_zoom() < SELECTED_MIN_ZOOM {
                map.set_view(&target, SELECTED_MIN_ZOOM);
            } else if !map.get_bounds().contains(&target) {
                map.pan_to(&target);
            }
        });
    });
}

/// The origin of distances and its radius.
fn draw_origin(panel: Panel) {
    let state = panel.state;
    Effect::new(move |_| {
        panel.ready.track();
        let radius_km = state.near.with(|near| near.and_then(|near| near.radius_km));
        state.origin.with(|origin| {
            panel.with_map(|handles| {
                origin::draw_origin(&handles.origin, origin.as_ref(), radius_km, panel.texts)
            })
        });
    });
}

/// The prerendered static map (inline SVG, `ia_core::static_map`), which the
/// build-time rendering provides as context; the running app has none of
/// its own: it moves the prerendered one here (`crate::takeover`).
#[derive(Clone)]
pub struct StaticMapSvg(pub String);

fn static_map() -> Option<impl IntoView> {
    #[cfg(feature = "ssr")]
    {
        use_context::<StaticMapSvg>()
            .map(|svg| view! { <div class="static-map-wrap" inner_html=svg.0></div> })
    }
    #[cfg(not(feature = "ssr"))]
    {
        None::<()>
    }
}

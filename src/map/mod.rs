//! The only module that talks to Leaflet (through the `leaflet` crate).
//!
//! Lifecycle, following leptos-leaflet's `MapContainer`: the component renders
//! a `<div>`; one effect creates the `leaflet::Map` once when the node exists,
//! keeps it in local storage, and `on_cleanup` removes it. Marker clustering is
//! computed in `ia_core::cluster`; this module only draws the result. All
//! marker activation goes through one delegated DOM listener on the map
//! container, so no per-marker closures are created or leaked. Marker and
//! cluster labels are set with DOM attribute APIs, never from HTML strings.

mod markers;

use std::cell::RefCell;
use std::rc::Rc;

use ia_core::cluster::{project, unproject};
use ia_core::geo::{BBox, NRW_BBOX};
use ia_core::nearby::{by_distance, Origin};
use ia_core::query::MapView;
use leaflet::{
    CircleOptions, DivIconOptions, Evented, GeoJson, LatLng, LatLngBounds, LayerGroup, Map,
    MapOptions, Marker, MarkerOptions, Point, TileLayer, TileLayerOptions,
};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::Config;
use crate::i18n::Texts;
use crate::load::fetch_text;
use crate::state::FinderState;

pub use markers::MarkerKey;

/// Highest zoom level the map allows.
pub const MAX_ZOOM: u8 = 18;
/// Fitting the map to results never zooms in closer than this (street level
/// would pretend more precision than postcode centroids have).
const FIT_MAX_ZOOM: u8 = 13;
/// Cluster radius in CSS pixels: markers closer than this merge.
pub const CLUSTER_RADIUS_PX: f64 = 44.0;

/// Everything the map keeps between renders. Lives in local storage because
/// Leaflet objects are JavaScript values and not `Send`.
struct MapHandles {
    map: Map,
    markers: markers::MarkerLayer,
    /// The origin of distances and the radius around it.
    origin: LayerGroup,
    /// Kept alive for as long as the map: dropping a handle unregisters it.
    _events: Vec<leaflet::EventedHandle<leaflet::Event>>,
    _dom_listeners: Vec<markers::DomListener>,
}

/// The interactive map, kept in sync with the finder state.
#[component]
pub fn MapPanel(
    state: FinderState,
    config: Config,
    texts: &'static Texts,
    /// Whether the map is on screen; it is made the first time it is.
    on_screen: Memo<bool>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let zoom = RwSignal::new(7u8);
    let tiles_failed = RwSignal::new(false);
    // A short hint on how to move the map inside a partner's page.
    let hint = RwSignal::new(None::<&'static str>);
    // Tiles wait for a click (`tiles=click`).
    let tiles_waiting =
        RwSignal::new(state.embed.with_value(|e| e.tiles_on_click) && !config.tile_url.is_empty());
    let handles: StoredValue<Option<Rc<RefCell<MapHandles>>>, LocalStorage> =
        StoredValue::new_local(None);
    let config = StoredValue::new(config);

    // Set when Leaflet is missing (its script failed to load) or the map
    // could not be made: the list and the filters work without it.
    let map_failed = RwSignal::new(false);

    // Set once the map exists: the effects below draw into it from then on.
    let ready = RwSignal::new(false);

    // Create the map once the container exists and is on screen, in a task of
    // its own: the work that follows the dataset's arrival is two shorter tasks
    // instead of one long one, and the list can be painted in between (real
    // data, 4x slowed CPU: longest task 240 → 140 ms, list about 60 ms sooner).
    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        if !on_screen.get() {
            return;
        }
        let element: web_sys::HtmlElement = element.unchecked_into();
        let create = move |element: web_sys::HtmlElement| {
            if handles.try_with_value(Option::is_some) != Some(false) || map_failed.get_untracked()
            {
                return;
            }
            match create_map(
                &element,
                state,
                zoom,
                tiles_failed,
                hint,
                texts,
                &config.get_value(),
            ) {
                Ok(created) => {
                    crate::takeover::drop_static_map(&element);
                    handles.set_value(Some(created));
                    ready.set(true);
                }
                Err(err) => {
                    leptos::logging::warn!("the map could not be created: {err:?}");
                    map_failed.set(true);
                }
            }
        };
        leptos::task::spawn_local(async move {
            // Leaflet's script is loaded when the map is first on screen, not
            // on the first view's way (42 KB gzip; on phones only after "Karte").
            if let Err(err) = load_leaflet().await {
                leptos::logging::warn!(
                    "Leaflet could not be loaded ({err:?}); the map is not shown"
                );
                map_failed.try_set(true);
                return;
            }
            in_next_task(move || create(element));
        });
    });
    on_cleanup(move || {
        if let Some(created) = handles.try_get_value().flatten() {
            created.borrow().map.remove();
        }
    });

    // Redraw the markers when the visible set, the selection or the zoom
    // changes; when the visible set changes, first fit the map to it (not on
    // first load when the URL already names a view) and draw the markers
    // once, at the zoom the fit ends at, rather than before and after.
    type Fitted = (Vec<usize>, Option<(f64, f64)>, Option<u16>);
    Effect::new(move |previous: Option<Option<Fitted>>| {
        if !ready.get() {
            return None;
        }
        let previous = previous.flatten();
        let visible = state.visible.get();
        let origin = state.origin.with(|o| o.as_ref().map(|o| (o.lat, o.lon)));
        let radius_km = state.radius_km.get();
        let selected = state.selected.get();
        let mut render_zoom = zoom.get();
        let handles = handles.get_value()?;
        let handles = handles.borrow();
        let first_run = previous.is_none();
        let has_view = state.url.with_untracked(|url| url.map.is_some());
        let changed = previous.as_ref() != Some(&(visible.clone(), origin, radius_km));
        let mut center = handles.map.get_center();
        if changed && !(first_run && has_view) {
            let bbox = results_box(state, &visible, origin, radius_km).unwrap_or(NRW_BBOX);
            // A move during the fit must not draw the old results there.
            handles.markers.hold(true);
            render_zoom = fit(&handles.map, bbox, FIT_MAX_ZOOM, 24);
            handles.markers.hold(false);
            // Where the fit ends (it may still be animating): the middle of
            // the box in map pixels, as Leaflet centres it.
            let (south_x, south_y) = project(bbox.south, bbox.west, 0.0);
            let (north_x, north_y) = project(bbox.north, bbox.east, 0.0);
            let (lat, lon) = unproject((south_x + north_x) / 2.0, (south_y + north_y) / 2.0, 0.0);
            center = LatLng::new(lat, lon);
            zoom.set(render_zoom);
        }
        let size = handles.map.get_size();
        state.catalog.with_value(|catalog| {
            handles.markers.render(
                catalog,
                &visible,
                selected,
                markers::View {
                    zoom: render_zoom,
                    center: (center.lat(), center.lng()),
                    size: (size.x(), size.y()),
                },
            )
        });
        Some((visible, origin, radius_km))
    });

    // The origin of distances and its radius.
    Effect::new(move |_| {
        ready.track();
        let origin = state.origin.get();
        let radius_km = state.radius_km.get();
        if let Some(handles) = handles.get_value() {
            handles
                .borrow()
                .draw_origin(origin.as_ref(), radius_km, texts);
        }
    });

    // Bring the selected agency into view.
    Effect::new(move |_| {
        ready.track();
        let Some(selected) = state.selected.get() else {
            return;
        };
        let Some(handles) = handles.get_value() else {
            return;
        };
        let Some((lat, lon)) = state.catalog.with_value(|c| {
            c.agencies
                .get(selected)
                .map(|a| (a.location.lat, a.location.lon))
        }) else {
            return;
        };
        let map = &handles.borrow().map;
        let target = LatLng::new(lat, lon);
        let current_zoom = map.get_zoom();
        if current_zoom < 12.0 {
            map.set_view(&target, 12.0);
        } else if !map.get_bounds().contains(&target) {
            map.pan_to(&target);
        }
    });

    view! {
        <div class="map-wrap">
            // Every marker is a tab stop: keyboard users can jump past them.
            <a class="skip-link skip-link--map" href="#after-map" on:click=move |event| crate::skip_to(event, "after-map")>{texts.skip_map}</a>
            <div class="map" node_ref=container role="region" aria-label=texts.map_label>{static_map()}</div>
            // Buttons as an alternative to dragging (WCAG 2.5.7).
            <div class="map-pan" role="group" aria-label=texts.pan_label hidden=move || map_failed.get()>
                {[(texts.pan_north, "↑", 0.0, -1.0), (texts.pan_west, "←", -1.0, 0.0), (texts.pan_east, "→", 1.0, 0.0), (texts.pan_south, "↓", 0.0, 1.0)]
                    .into_iter()
                    .map(|(label, arrow, dx, dy)| view! {
                        <button type="button" class="map-pan__button" aria-label=label title=label on:click=move |_| {
                            if let Some(handles) = handles.get_value() {
                                let map = handles.borrow().map.clone();
                                let size = map.get_size();
                                map.pan_by(&leaflet::Point::new(dx * size.x() / 3.0, dy * size.y() / 3.0));
                            }
                        }>
                            <span aria-hidden="true">{arrow}</span>
                        </button>
                    })
                    .collect_view()}
            </div>
            <Show when=move || map_failed.get()>
                <p class="map-note map-note--failed" role="status">{texts.map_unavailable}</p>
            </Show>
            <Show when=move || tiles_waiting.get()>
                <button type="button" class="button map-load-tiles" on:click=move |_| {
                    if let Some(handles) = handles.get_value() {
                        let mut handles = handles.borrow_mut();
                        let map = handles.map.clone();
                        handles._events.extend(add_tiles(&map, &config.get_value(), tiles_failed));
                    }
                    tiles_waiting.set(false);
                }>
                    {texts.load_tiles}
                </button>
            </Show>
            <Show when=move || hint.get().is_some()>
                <p class="map-hint" aria-hidden="true">{move || hint.get()}</p>
            </Show>
            // What the marker shapes mean (also over the prerendered static map).
            <ul class="map-legend" aria-label=texts.legend_label>
                <li><span class="map-legend__swatch map-legend__swatch--agency" aria-hidden="true"></span>{texts.legend_agency}</li>
                <li><span class="map-legend__swatch map-legend__swatch--sada" aria-hidden="true"></span>{texts.servicestelle}</li>
                <li><span class="map-legend__swatch map-legend__swatch--kreis" aria-hidden="true"></span>{texts.legend_kreis}</li>
            </ul>
            <span id="after-map" tabindex="-1"></span>
            <Show when=move || tiles_failed.get()>
                <p class="map-note" role="status">{texts.map_note_no_tiles}</p>
            </Show>
        </div>
    }
}

#[allow(clippy::too_many_arguments)]
fn create_map(
    element: &web_sys::HtmlElement,
    state: FinderState,
    zoom: RwSignal<u8>,
    tiles_failed: RwSignal<bool>,
    hint: RwSignal<Option<&'static str>>,
    texts: &'static Texts,
    config: &Config,
) -> Result<Rc<RefCell<MapHandles>>, JsValue> {
    let reduced_motion = prefers_reduced_motion();
    let embedded = state.embed.with_value(|e| e.embed);
    let touch = media_matches("(pointer: coarse)");
    let options = MapOptions::new();
    // In a partner's page the map must not take over page scrolling: the
    // wheel zooms only with Ctrl/Cmd, and on touch screens one finger
    // scrolls the page while two fingers move and zoom the map (Leaflet's
    // pinch zoom; its CSS lets one-finger pans through when dragging is off).
    options.set_scroll_wheel_zoom(!embedded);
    // Our own zoom control, named in the page's language (Leaflet's says "Zoom in").
    options.set_zoom_control(false);
    options.set_dragging(!(embedded && touch));
    options.set_min_zoom(6.0);
    options.set_max_zoom(f64::from(MAX_ZOOM));
    options.set_zoom_animation(!reduced_motion);
    options.set_fade_animation(!reduced_motion);
    options.set_marker_zoom_animation(!reduced_motion);
    let map = Map::new_with_element(element, &options)?;
    let mut zoom_options = leaflet::ZoomOptions::new();
    zoom_options.set_zoom_in_title(texts.zoom_in);
    zoom_options.set_zoom_out_title(texts.zoom_out);
    leaflet::Zoom::new(&zoom_options).add_to(&map);

    match state.url.get_untracked().map {
        Some(view) => {
            map.set_view(&LatLng::new(view.lat, view.lon), f64::from(view.zoom));
        }
        None => {
            fit(&map, NRW_BBOX, FIT_MAX_ZOOM, 24);
        }
    }
    zoom.set(map.get_zoom().round().clamp(0.0, f64::from(MAX_ZOOM)) as u8);

    let mut events = Vec::new();
    // `tiles=click` (for partner sites that need consent before any request
    // to the tile server): the map starts with outline and markers only.
    if !state.embed.with_value(|e| e.tiles_on_click) {
        events.extend(add_tiles(&map, config, tiles_failed));
    }
    map.unchecked_ref::<LeafletExt>()
        .attribution_control()
        .add_attribution(&escape_html(texts.boundaries_attribution));

    let origin = LayerGroup::new();
    origin.add_to(&map);
    let marker_layer = LayerGroup::new();
    marker_layer.add_to(&map);
    let markers = markers::MarkerLayer::new(marker_layer, texts);

    events.push(Evented::on_leaflet_event(&&map, "zoomend", {
        let map = map.clone();
        move |_: leaflet::Event| {
            let now = map.get_zoom().round().clamp(0.0, f64::from(MAX_ZOOM)) as u8;
            // A fit has already drawn the markers for its end zoom.
            if zoom.get_untracked() != now {
                zoom.set(now);
            }
        }
    }));
    events.push(Evented::on_leaflet_event(&&map, "moveend", {
        let map = map.clone();
        move |_: leaflet::Event| {
            let center = map.get_center();
            let zoom = map.get_zoom().round().clamp(0.0, f64::from(MAX_ZOOM)) as u8;
            let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
            state.set_map_view(MapView {
                lat: round(center.lat()),
                lon: round(center.lng()),
                zoom,
            });
        }
    }));

    let handles = Rc::new(RefCell::new(MapHandles {
        map: map.clone(),
        markers,
        origin,
        _events: events,
        _dom_listeners: Vec::new(),
    }));
    // Markers are drawn around the view only: after a pan beyond that, draw again.
    let follow = Evented::on_leaflet_event(&&map, "moveend", {
        let handles = handles_weak(&handles);
        move |_: leaflet::Event| {
            if let Some(handles) = handles.upgrade() {
                let handles = handles.borrow();
                state
                    .catalog
                    .with_value(|catalog| handles.markers.follow(catalog, &handles.map));
            }
        }
    });
    handles.borrow_mut()._events.push(follow);
    let mut listeners = markers::listen_for_activation(element, &handles_weak(&handles), state)?;
    if embedded {
        listeners.extend(embed_gestures(element, &map, hint, texts, touch)?);
    }
    handles.borrow_mut()._dom_listeners = listeners;
    load_outline(map, config.outline_url.clone());
    Ok(handles)
}

impl MapHandles {
    /// Draws the origin as a non-interactive pin (the list says the same in
    /// words) and the radius as a circle around it.
    fn draw_origin(&self, origin: Option<&Origin>, radius_km: Option<u16>, texts: &'static Texts) {
        self.origin.clear_layers();
        let Some(origin) = origin else {
            return;
        };
        let centre = LatLng::new(origin.lat, origin.lon);
        if let Some(radius_km) = radius_km {
            let options = CircleOptions::new();
            options.set_radius(f64::from(radius_km) * 1000.0);
            options.set_interactive(false);
            options.set_color("#1d4f91".into());
            options.set_weight(2.0);
            options.set_dash_array("6 6".into());
            options.set_fill_opacity(0.06);
            leaflet::Circle::new_with_options(&centre, &options).add_to_layer_group(&self.origin);
        }
        let icon_options = DivIconOptions::new();
        icon_options.set_class_name("ia-origin".into());
        icon_options.set_icon_size(Point::new(22.0, 22.0));
        let options = MarkerOptions::new();
        options.set_icon(div_icon(&icon_options));
        options.set_interactive(false);
        options.set_keyboard(false);
        options.set_z_index_offset(2000.0);
        let marker = Marker::new_with_options(&centre, &options);
        marker.add_to_layer_group(&self.origin);
        if let Some(element) = marker.unchecked_ref::<LeafletExt>().get_element() {
            let _ = element.set_attribute("role", "img");
            let _ = element.set_attribute("aria-label", &texts.origin_label(&origin.label));
        }
    }
}

/// The box the map fits after a change: the results; with an origin, the
/// origin and its nearest results (at most 5), so that "near me" stays near,
/// and the whole radius when there is one.
fn results_box(
    state: FinderState,
    visible: &[usize],
    origin: Option<(f64, f64)>,
    radius_km: Option<u16>,
) -> Option<BBox> {
    state.catalog.with_value(|catalog| {
        let positions = catalog.index.positions();
        match origin {
            None => BBox::around(visible.iter().filter_map(|&i| positions.get(i).copied())),
            Some((lat, lon)) => {
                let nearest = by_distance(visible, positions, lat, lon);
                // The radius as a box: 1° of latitude is about 111 km.
                let (d_lat, d_lon) = radius_km.map_or((0.0, 0.0), |km| {
                    let d_lat = f64::from(km) / 111.2;
                    (d_lat, d_lat / lat.to_radians().cos())
                });
                BBox::around(
                    [(lat - d_lat, lon - d_lon), (lat + d_lat, lon + d_lon)]
                        .into_iter()
                        .chain(
                            nearest
                                .into_iter()
                                .take(5)
                                .filter_map(|(i, _)| positions.get(i).copied()),
                        ),
                )
            }
        }
    })
}

/// Adds the configured tile layer (none when `tile_url` is empty); the
/// returned handle keeps its error listener alive.
fn add_tiles(
    map: &Map,
    config: &Config,
    tiles_failed: RwSignal<bool>,
) -> Option<leaflet::EventedHandle<leaflet::Event>> {
    if config.tile_url.is_empty() {
        return None;
    }
    let tile_options = TileLayerOptions::new();
    tile_options.set_attribution(escape_html(&config.tile_attribution));
    tile_options.set_max_zoom(f64::from(MAX_ZOOM));
    let tiles = TileLayer::new_options(&config.tile_url, &tile_options);
    tiles.add_to(map);
    Some(Evented::on_leaflet_event(
        tiles.unchecked_ref::<leaflet::Layer>(),
        "tileerror",
        move |_: leaflet::Event| tiles_failed.set(true),
    ))
}

fn handles_weak(handles: &Rc<RefCell<MapHandles>>) -> std::rc::Weak<RefCell<MapHandles>> {
    Rc::downgrade(handles)
}

/// Fetches the simplified NRW outline and draws it under the markers; the map
/// stays usable (and meaningful, without tiles) if this fails.
fn load_outline(map: Map, url: String) {
    leptos::task::spawn_local(async move {
        let text = match fetch_text(&url).await {
            Ok(text) => text,
            Err(err) => return leptos::logging::warn!("outline not loaded: {err}"),
        };
        let Ok(geojson) = js_sys::JSON::parse(&text) else {
            return leptos::logging::warn!("outline {url} is not JSON");
        };
        let style = js_sys::Object::new();
        for (key, value) in [
            ("color", JsValue::from_str("#1d4f91")),
            ("weight", JsValue::from_f64(2.0)),
            ("fillColor", JsValue::from_str("#e8eef7")),
            ("fillOpacity", JsValue::from_f64(0.35)),
            ("interactive", JsValue::FALSE),
        ] {
            let _ = js_sys::Reflect::set(&style, &JsValue::from_str(key), &value);
        }
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("style"), &style);
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("interactive"), &JsValue::FALSE);
        let outline = geo_json(&geojson, &options);
        outline.add_to(&map);
        outline.unchecked_ref::<LeafletExt>().bring_to_back();
    });
}

/// Fits the map to a box, never zooming in beyond `max_zoom`. Returns the
/// zoom the map ends at (Leaflet may still be animating towards it).
fn fit(map: &Map, bbox: BBox, max_zoom: u8, padding_px: u32) -> u8 {
    let bounds = LatLngBounds::new(
        &LatLng::new(bbox.south, bbox.west),
        &LatLng::new(bbox.north, bbox.east),
    );
    let both_sides = f64::from(2 * padding_px);
    let target = map
        .unchecked_ref::<LeafletExt>()
        .get_bounds_zoom(&bounds, false, &leaflet::Point::new(both_sides, both_sides))
        .min(f64::from(max_zoom))
        .round()
        .clamp(0.0, f64::from(MAX_ZOOM)) as u8;
    let options = js_sys::Object::new();
    let padding = JsValue::from(padding_px);
    let _ = js_sys::Reflect::set(
        &options,
        &JsValue::from_str("maxZoom"),
        &JsValue::from(max_zoom),
    );
    let _ = js_sys::Reflect::set(
        &options,
        &JsValue::from_str("padding"),
        &js_sys::Array::of2(&padding, &padding),
    );
    map.fit_bounds_with_options(&bounds, &options);
    target
}

/// Runs `work` in a task of its own, after the current one (the browser may
/// paint in between).
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

/// Where Leaflet's script is, relative to the page (vendored from npm).
const LEAFLET_JS: &str = "vendor/leaflet/leaflet.js";

/// Loads Leaflet's script (once; later calls wait for the same element), so
/// that the global `L` the `leaflet` crate binds to exists.
async fn load_leaflet() -> Result<(), wasm_bindgen::JsValue> {
    let has_leaflet = || js_sys::Reflect::has(&js_sys::global(), &"L".into()).unwrap_or(false);
    if has_leaflet() {
        return Ok(());
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let script = match document.query_selector("script[data-leaflet]")? {
        Some(script) => script,
        None => {
            let script = document.create_element("script")?;
            script.set_attribute("src", LEAFLET_JS)?;
            script.set_attribute("data-leaflet", "")?;
            document.head().ok_or("no head")?.append_child(&script)?;
            script
        }
    };
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    // Loaded meanwhile (a second caller): the events have already fired.
    if !has_leaflet() {
        wasm_bindgen_futures::JsFuture::from(loaded).await?;
    }
    if has_leaflet() {
        Ok(())
    } else {
        Err("Leaflet's script ran without defining L".into())
    }
}

fn in_next_task(work: impl FnOnce() + 'static) {
    set_timeout(work, std::time::Duration::ZERO);
}

fn prefers_reduced_motion() -> bool {
    media_matches("(prefers-reduced-motion: reduce)")
}

fn media_matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.match_media(query).ok().flatten())
        .is_some_and(|query| query.matches())
}

/// In an embed: Ctrl/Cmd + wheel zooms (a plain wheel scrolls the page and
/// shows a hint), and a one-finger touch on the map shows the two-finger hint.
fn embed_gestures(
    element: &web_sys::HtmlElement,
    map: &Map,
    hint: RwSignal<Option<&'static str>>,
    texts: &'static Texts,
    touch: bool,
) -> Result<Vec<markers::DomListener>, JsValue> {
    let show = move |text: &'static str| {
        hint.set(Some(text));
        set_timeout(
            move || {
                hint.try_set(None);
            },
            std::time::Duration::from_millis(1500),
        );
    };
    let wheel_map = map.clone();
    let container = element.clone();
    let wheel = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(wheel) = event.dyn_ref::<web_sys::WheelEvent>() else {
            return;
        };
        if !(wheel.ctrl_key() || wheel.meta_key()) {
            show(texts.wheel_hint);
            return;
        }
        event.prevent_default();
        let step = if wheel.delta_y() < 0.0 { 1.0 } else { -1.0 };
        let rect = container.get_bounding_client_rect();
        let point = leaflet::Point::new(
            f64::from(wheel.client_x()) - rect.left(),
            f64::from(wheel.client_y()) - rect.top(),
        );
        wheel_map.set_zoom_around_point(&point, wheel_map.get_zoom() + step);
    });
    element.add_event_listener_with_callback("wheel", wheel.as_ref().unchecked_ref())?;
    let mut listeners = vec![wheel];
    if touch {
        let one_finger = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            if event
                .dyn_ref::<web_sys::TouchEvent>()
                .is_some_and(|touch| touch.touches().length() == 1)
            {
                show(texts.touch_hint);
            }
        });
        element
            .add_event_listener_with_callback("touchmove", one_finger.as_ref().unchecked_ref())?;
        listeners.push(one_finger);
    }
    Ok(listeners)
}

/// Leaflet renders attributions as HTML; ours are plain text.
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Leaflet API the `leaflet` crate does not bind (or does not export).
#[wasm_bindgen]
extern "C" {
    /// `L.geoJSON(data, options)`.
    #[wasm_bindgen(js_namespace = L, js_name = geoJSON)]
    fn geo_json(geojson: &JsValue, options: &JsValue) -> GeoJson;

    /// `L.divIcon(options)`. (The crate's `DivIcon::new` calls `new L.Icon`,
    /// which needs an image URL.)
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub(crate) fn div_icon(options: &leaflet::DivIconOptions) -> leaflet::Icon;

    /// Any Leaflet object, viewed through the few extra methods used here.
    pub(crate) type LeafletExt;
    #[wasm_bindgen(method, js_name = bringToBack)]
    fn bring_to_back(this: &LeafletExt);
    #[wasm_bindgen(method, getter, js_name = attributionControl)]
    fn attribution_control(this: &LeafletExt) -> AttributionControl;
    /// `Map.getBoundsZoom(bounds, inside, padding)`: the zoom `fitBounds` would pick.
    #[wasm_bindgen(method, js_name = getBoundsZoom)]
    fn get_bounds_zoom(
        this: &LeafletExt,
        bounds: &LatLngBounds,
        inside: bool,
        padding: &leaflet::Point,
    ) -> f64;
    /// `Marker.getElement()`: the icon element, present once the marker is on a map.
    #[wasm_bindgen(method, js_name = getElement)]
    pub(crate) fn get_element(this: &LeafletExt) -> Option<web_sys::HtmlElement>;

    type AttributionControl;
    #[wasm_bindgen(method, js_name = addAttribution)]
    fn add_attribution(this: &AttributionControl, text: &str);
}

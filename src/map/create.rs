//! Making the Leaflet map: options, our own zoom control, the first view,
//! tiles, the NRW outline, the layers, and the listeners that feed the
//! finder state and redraw markers after a move.

use std::cell::RefCell;
use std::rc::Rc;

use ia_core::embed::EmbedOptions;
use ia_core::geo::NRW_BBOX;
use ia_core::html::escape;
use ia_core::query::MapView;
use leaflet::{Evented, LatLng, LayerGroup, Map, MapOptions, TileLayer, TileLayerOptions};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::basemap::Basemap;
use super::fit::{fit, zoom_of, FIT_MAX_ZOOM, FIT_PADDING_PX};
use super::js::{geo_json, object, LeafletExt};
use super::{gestures, markers, MapHandles, Panel};
use crate::browser::media_matches;
use crate::config::Config;
use crate::load::fetch_text;

/// Lowest zoom the map allows: all of NRW on a phone.
const MIN_ZOOM: f64 = 6.0;

/// A map smaller than this (width, height in CSS pixels) in an embed starts
/// with its legend folded.
const SMALL_FRAME: (i32, i32) = (480, 380);

/// Creates the map in `element` with everything it draws and listens to.
pub(super) fn create_map(
    element: &web_sys::HtmlElement,
    panel: Panel,
    config: &Config,
    embed: &EmbedOptions,
) -> Result<Rc<RefCell<MapHandles>>, JsValue> {
    let Panel { state, texts, .. } = panel;
    let reduced_motion = media_matches("(prefers-reduced-motion: reduce)");
    let touch = media_matches("(pointer: coarse)");
    let options = MapOptions::new();
    // In a partner's page the map must not take over page scrolling: the
    // wheel zooms only with Ctrl/Cmd, and on touch screens one finger
    // scrolls the page while two fingers move and zoom the map (Leaflet's
    // pinch zoom; its CSS lets one-finger pans through when dragging is off).
    options.set_scroll_wheel_zoom(!embed.embed);
    // Our own zoom control, named in the page's language (Leaflet's says "Zoom in").
    options.set_zoom_control(false);
    options.set_dragging(!(embed.embed && touch));
    options.set_min_zoom(MIN_ZOOM);
    options.set_max_zoom(f64::from(ia_core::query::MAX_ZOOM));
    options.set_zoom_animation(!reduced_motion);
    options.set_fade_animation(!reduced_motion);
    options.set_marker_zoom_animation(!reduced_motion);
    let map = Map::new_with_element(element, &options)?;
    // The outline and the radius around the origin are drawn into one SVG in
    // this pane: background for sighted users, with nothing to click; the
    // list and the filters say the same in words. Hidden from assistive
    // technology, which would otherwise meet an unnamed graphic.
    let _ = map
        .get_pane_by_name("overlayPane")
        .set_attribute("aria-hidden", "true");
    let mut zoom_options = leaflet::ZoomOptions::new();
    zoom_options.set_zoom_in_title(texts.zoom_in);
    zoom_options.set_zoom_out_title(texts.zoom_out);
    leaflet::Zoom::new(&zoom_options).add_to(&map);

    match state.url.get_untracked().map {
        Some(view) => {
            map.set_view(&LatLng::new(view.lat, view.lon), f64::from(view.zoom));
        }
        None => {
            fit(&map, NRW_BBOX, FIT_MAX_ZOOM, FIT_PADDING_PX);
        }
    }
    panel.zoom.set(zoom_of(&map));

    let mut events = Vec::new();
    // Consent asked for (`tile_consent: ask`, or an embed's `tiles=click`)
    // and not given in this session: the map starts with its own background.
    if !panel.tiles_waiting.get_untracked() {
        events.extend(add_tiles(&map, config, panel));
    }
    let (tiles_on, tiles_failed) = (panel.tiles_on, panel.tiles_failed);
    let wanted = Signal::derive(move || !tiles_on.get() || tiles_failed.get());
    let (basemap, basemap_events) = Basemap::new(&map, &config.basemap_dir, wanted);
    events.extend(basemap_events);
    map.unchecked_ref::<LeafletExt>()
        .attribution_control()
        .add_attribution(&escape(texts.boundaries_attribution));

    let origin = LayerGroup::new();
    origin.add_to(&map);
    let marker_layer = LayerGroup::new();
    marker_layer.add_to(&map);
    let markers = markers::MarkerLayer::new(marker_layer, texts);

    events.push(Evented::on_leaflet_event(&&map, "zoomend", {
        let (map, zoom) = (map.clone(), panel.zoom);
        move |_: leaflet::Event| {
            let now = zoom_of(&map);
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
            state.set_map_view(MapView::of_map(center.lat(), center.lng(), map.get_zoom()));
        }
    }));

    let handles = Rc::new(RefCell::new(MapHandles {
        map: map.clone(),
        markers,
        origin,
        basemap,
        _events: events,
        _dom_listeners: Vec::new(),
    }));
    // Markers are drawn around the view only: after a pan beyond that, draw again.
    let follow = Evented::on_leaflet_event(&&map, "moveend", {
        let handles = Rc::downgrade(&handles);
        move |_: leaflet::Event| {
            if let Some(handles) = handles.upgrade() {
                let handles = handles.borrow();
                state
                    .catalog
                    .with_value(|catalog| handles.markers.follow(catalog, &handles.map));
                handles.basemap.refresh();
            }
        }
    });
    handles.borrow_mut()._events.push(follow);
    let mut listeners = markers::listen_for_activation(element, &Rc::downgrade(&handles), state)?;
    if embed.embed {
        listeners.extend(gestures::embed_gestures(
            element, &map, panel.hint, texts, touch,
        )?);
    }
    handles.borrow_mut()._dom_listeners = listeners;
    // A small embed frame: the legend starts folded.
    if embed.embed
        && (element.client_width() < SMALL_FRAME.0 || element.client_height() < SMALL_FRAME.1)
    {
        panel.legend_open.set(false);
    }
    load_outline(map, config.outline_url.clone());
    Ok(handles)
}

/// Adds the configured tile layer (none when `tile_url` is empty); the
/// returned handle keeps its error listener alive.
pub(super) fn add_tiles(
    map: &Map,
    config: &Config,
    panel: Panel,
) -> Option<leaflet::EventedHandle<leaflet::Event>> {
    if config.tile_url.is_empty() {
        return None;
    }
    let tile_options = TileLayerOptions::new();
    tile_options.set_attribution(escape(&config.tile_attribution));
    tile_options.set_max_zoom(f64::from(ia_core::query::MAX_ZOOM));
    let tiles = TileLayer::new_options(&config.tile_url, &tile_options);
    tiles.add_to(map);
    panel.tiles_on.set(true);
    let tiles_failed = panel.tiles_failed;
    Some(Evented::on_leaflet_event(
        tiles.unchecked_ref::<leaflet::Layer>(),
        "tileerror",
        move |_: leaflet::Event| tiles_failed.set(true),
    ))
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
        let style = object(&[
            ("color", JsValue::from_str("#1d4f91")),
            ("weight", JsValue::from_f64(2.0)),
            ("fillColor", JsValue::from_str("#e8eef7")),
            ("fillOpacity", JsValue::from_f64(0.35)),
            ("interactive", JsValue::FALSE),
        ]);
        let options = object(&[("style", style.into()), ("interactive", JsValue::FALSE)]);
        let outline = geo_json(&geojson, &options);
        outline.add_to(&map);
        outline.unchecked_ref::<LeafletExt>().bring_to_back();
    });
}

//! Leaflet API the `leaflet` crate does not bind (or does not export), and
//! loading Leaflet's script. Browser helpers that are not Leaflet's (task,
//! media queries, session flags) are in `crate::browser`.

use leaflet::{GeoJson, LatLngBounds};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `L.geoJSON(data, options)`.
    #[wasm_bindgen(js_namespace = L, js_name = geoJSON)]
    pub(super) fn geo_json(geojson: &JsValue, options: &JsValue) -> GeoJson;

    /// `L.divIcon(options)`. (The crate's `DivIcon::new` calls `new L.Icon`,
    /// which needs an image URL.)
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub(super) fn div_icon(options: &leaflet::DivIconOptions) -> leaflet::Icon;

    /// Any Leaflet object, viewed through the few extra methods used here.
    pub(super) type LeafletExt;
    #[wasm_bindgen(method, js_name = bringToBack)]
    pub(super) fn bring_to_back(this: &LeafletExt);
    #[wasm_bindgen(method, getter, js_name = attributionControl)]
    pub(super) fn attribution_control(this: &LeafletExt) -> AttributionControl;
    /// `Map.getBoundsZoom(bounds, inside, padding)`: the zoom `fitBounds` would pick.
    #[wasm_bindgen(method, js_name = getBoundsZoom)]
    pub(super) fn get_bounds_zoom(
        this: &LeafletExt,
        bounds: &LatLngBounds,
        inside: bool,
        padding: &leaflet::Point,
    ) -> f64;
    /// `Marker.getElement()`: the icon element, present once the marker is on a map.
    #[wasm_bindgen(method, js_name = getElement)]
    pub(super) fn get_element(this: &LeafletExt) -> Option<web_sys::HtmlElement>;

    pub(super) type AttributionControl;
    #[wasm_bindgen(method, js_name = addAttribution)]
    pub(super) fn add_attribution(this: &AttributionControl, text: &str);
}

/// The icon element of a marker on the map.
pub(super) fn marker_element(marker: &leaflet::Marker) -> Option<web_sys::HtmlElement> {
    marker.unchecked_ref::<LeafletExt>().get_element()
}

/// Where Leaflet's script is, relative to the page (vendored from npm).
const LEAFLET_JS: &str = "vendor/leaflet/leaflet.js";

/// Loads Leaflet's script (once; later calls wait for the same element), so
/// that the global `L` the `leaflet` crate binds to exists.
pub(super) async fn load_leaflet() -> Result<(), JsValue> {
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

/// Sets plain properties on a new JavaScript object (Leaflet options).
pub(super) fn object(entries: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in entries {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

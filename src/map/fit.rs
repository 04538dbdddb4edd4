//! Fitting the map to the results, and where the map is.

use ia_core::cluster::{project, unproject};
use ia_core::geo::BBox;
use ia_core::query::zoom_level;
use leaflet::{LatLng, LatLngBounds, Map};
use wasm_bindgen::{JsCast, JsValue};

use super::js::{object, LeafletExt};

/// Fitting the map to results never zooms in closer than this (street level
/// would pretend more precision than postcode centroids have).
pub(super) const FIT_MAX_ZOOM: u8 = 13;

/// Space around the results when the map fits them, in CSS pixels.
pub(super) const FIT_PADDING_PX: u32 = 24;

/// The map's zoom as a whole level (it is fractional while animating).
pub(super) fn zoom_of(map: &Map) -> u8 {
    zoom_level(map.get_zoom())
}

/// Fits the map to a box, never zooming in beyond `max_zoom`. Returns the
/// zoom the map ends at (Leaflet may still be animating towards it).
pub(super) fn fit(map: &Map, bbox: BBox, max_zoom: u8, padding_px: u32) -> u8 {
    let bounds = LatLngBounds::new(
        &LatLng::new(bbox.south, bbox.west),
        &LatLng::new(bbox.north, bbox.east),
    );
    let both_sides = f64::from(2 * padding_px);
    let target = zoom_level(
        map.unchecked_ref::<LeafletExt>()
            .get_bounds_zoom(&bounds, false, &leaflet::Point::new(both_sides, both_sides))
            .min(f64::from(max_zoom)),
    );
    let padding = JsValue::from(padding_px);
    let options = object(&[
        ("maxZoom", JsValue::from(max_zoom)),
        ("padding", js_sys::Array::of2(&padding, &padding).into()),
    ]);
    map.fit_bounds_with_options(&bounds, &options);
    target
}

/// Where a fit to `bbox` centres the map: the middle of the box in map
/// pixels, as Leaflet centres it (not the middle in degrees).
pub(super) fn fit_center(bbox: BBox) -> (f64, f64) {
    let (south_x, south_y) = project(bbox.south, bbox.west, 0.0);
    let (north_x, north_y) = project(bbox.north, bbox.east, 0.0);
    unproject((south_x + north_x) / 2.0, (south_y + north_y) / 2.0, 0.0)
}

//! The origin of distances ("near me") as a pin, and the radius around it.

use ia_core::nearby::Origin;
use leaflet::{CircleOptions, DivIconOptions, LatLng, LayerGroup, Marker, MarkerOptions, Point};

use super::js::{div_icon, marker_element};
use crate::i18n::Texts;

/// Draws the origin into `layer` (emptied first) as a non-interactive pin
/// (the list says the same in words) and the radius as a circle around it.
pub(super) fn draw_origin(
    layer: &LayerGroup,
    origin: Option<&Origin>,
    radius_km: Option<u16>,
    texts: &'static Texts,
) {
    layer.clear_layers();
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
        leaflet::Circle::new_with_options(&centre, &options).add_to_layer_group(layer);
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
    marker.add_to_layer_group(layer);
    if let Some(element) = marker_element(&marker) {
        let _ = element.set_attribute("role", "img");
        let _ = element.set_attribute("aria-label", &texts.origin_label(&origin.label));
    }
}

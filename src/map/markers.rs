//! Drawing agencies and clusters as keyboard-reachable Leaflet markers, and
//! turning a click or key press on one into an app action.

use std::cell::{Cell, RefCell};
use std::rc::Weak;

use ia_core::cluster::{cluster, zoom_to_expand, Cluster};
use leaflet::{DivIconOptions, LatLng, LayerGroup, Marker, MarkerOptions, Point};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{div_icon, fit, LeafletExt, MapHandles, CLUSTER_RADIUS_PX, MAX_ZOOM};
use crate::i18n::Texts;
use crate::load::Catalog;
use crate::state::FinderState;

/// What a marker stands for; written to its `data-key` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerKey {
    /// One agency, by position in the catalog.
    Agency(usize),
    /// A cluster, by position in the last rendered cluster list.
    Cluster(usize),
}

impl MarkerKey {
    fn encode(self) -> String {
        match self {
            MarkerKey::Agency(position) => format!("a{position}"),
            MarkerKey::Cluster(position) => format!("c{position}"),
        }
    }

    fn decode(text: &str) -> Option<MarkerKey> {
        let (kind, number) = text.split_at_checked(1)?;
        let number = number.parse().ok()?;
        match kind {
            "a" => Some(MarkerKey::Agency(number)),
            "c" => Some(MarkerKey::Cluster(number)),
            _ => None,
        }
    }
}

/// The marker layer and what was last drawn on it.
pub(super) struct MarkerLayer {
    group: LayerGroup,
    /// `(lat, lon)` of every agency, built once (the catalog never changes).
    points: RefCell<Option<Vec<(f64, f64)>>>,
    clusters: RefCell<Vec<Cluster>>,
    /// An agency whose marker (or cluster) should get focus after the next
    /// render, so zooming into a cluster from the keyboard keeps focus.
    pending_focus: Cell<Option<usize>>,
}

impl MarkerLayer {
    pub(super) fn new(group: LayerGroup) -> MarkerLayer {
        MarkerLayer {
            group,
            points: RefCell::new(None),
            clusters: RefCell::new(Vec::new()),
            pending_focus: Cell::new(None),
        }
    }

    pub(super) fn render(
        &self,
        catalog: &Catalog,
        visible: &[usize],
        selected: Option<usize>,
        zoom: u8,
        texts: &'static Texts,
    ) {
        let mut points = self.points.borrow_mut();
        let points = points.get_or_insert_with(|| {
            catalog
                .agencies
                .iter()
                .map(|a| (a.location.lat, a.location.lon))
                .collect()
        });
        let mut clusters = cluster(points, visible, zoom, CLUSTER_RADIUS_PX);
        // Tab order follows reading order: north to south, then west to east.
        clusters.sort_unstable_by(|a, b| b.lat.total_cmp(&a.lat).then(a.lon.total_cmp(&b.lon)));
        self.group.clear_layers();
        let focus = self.pending_focus.take();
        for (position, cluster) in clusters.iter().enumerate() {
            let is_selected = selected.is_some_and(|s| cluster.members.contains(&s));
            let (key, label, class, html, size) = match cluster.members.as_slice() {
                [only] => {
                    let Some(agency) = catalog.agencies.get(*only) else {
                        continue;
                    };
                    let mut label = agency.name.clone();
                    let mut class = String::from("ia-marker ia-marker--agency");
                    if agency.antidiscrimination {
                        label.push_str(" – ");
                        label.push_str(texts.servicestelle);
                        class.push_str(" ia-marker--sada");
                    }
                    (MarkerKey::Agency(*only), label, class, String::new(), 30.0)
                }
                members => {
                    let n = members.len();
                    let size = if n < 10 {
                        36.0
                    } else if n < 100 {
                        42.0
                    } else {
                        50.0
                    };
                    // The count is a number we format, never data text.
                    let html = format!("<span aria-hidden=\"true\">{n}</span>");
                    (
                        MarkerKey::Cluster(position),
                        (texts.cluster_label)(n),
                        "ia-marker ia-marker--cluster".into(),
                        html,
                        size,
                    )
                }
            };
            let class = if is_selected {
                format!("{class} is-selected")
            } else {
                class
            };
            let icon_options = DivIconOptions::new();
            icon_options.set_class_name(class);
            icon_options.set_html(html);
            icon_options.set_icon_size(Point::new(size, size));
            let options = MarkerOptions::new();
            options.set_icon(div_icon(&icon_options));
            options.set_keyboard(true);
            options.set_title(label.clone());
            options.set_rise_on_hover(true);
            if is_selected {
                options.set_z_index_offset(1000.0);
            }
            let marker = Marker::new_with_options(&LatLng::new(cluster.lat, cluster.lon), &options);
            marker.add_to_layer_group(&self.group);
            if let Some(element) = marker.unchecked_ref::<LeafletExt>().get_element() {
                let _ = element.set_attribute("data-key", &key.encode());
                let _ = element.set_attribute("data-count", &cluster.members.len().to_string());
                let _ = element.set_attribute("aria-label", &label);
                if is_selected {
                    let _ = element.set_attribute("aria-current", "true");
                }
                if focus.is_some_and(|f| cluster.members.contains(&f)) {
                    let _ = element.focus();
                }
            }
        }
        *self.clusters.borrow_mut() = clusters;
    }
}

/// A DOM event listener kept alive for as long as the map.
pub(super) type DomListener = Closure<dyn FnMut(web_sys::Event)>;

/// Listens on the map container for clicks and Enter/Space on markers.
pub(super) fn listen_for_activation(
    element: &web_sys::HtmlElement,
    handles: &Weak<RefCell<MapHandles>>,
    state: FinderState,
) -> Result<Vec<DomListener>, JsValue> {
    let make = |handles: Weak<RefCell<MapHandles>>| {
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            if let Some(keyboard) = event.dyn_ref::<web_sys::KeyboardEvent>() {
                if keyboard.key() != "Enter" && keyboard.key() != " " {
                    return;
                }
            }
            let Some(target) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let Some(marker) = target.closest("[data-key]").ok().flatten() else {
                return;
            };
            let Some(key) = marker
                .get_attribute("data-key")
                .as_deref()
                .and_then(MarkerKey::decode)
            else {
                return;
            };
            event.prevent_default();
            let Some(handles) = handles.upgrade() else {
                return;
            };
            activate(&handles.borrow(), key, state, event.type_() == "keydown");
        })
    };
    let click = make(handles.clone());
    let keydown = make(handles.clone());
    element.add_event_listener_with_callback("click", click.as_ref().unchecked_ref())?;
    element.add_event_listener_with_callback("keydown", keydown.as_ref().unchecked_ref())?;
    Ok(vec![click, keydown])
}

fn activate(handles: &MapHandles, key: MarkerKey, state: FinderState, from_keyboard: bool) {
    match key {
        MarkerKey::Agency(position) => state.select(Some(position)),
        MarkerKey::Cluster(position) => {
            let Some(cluster) = handles.markers.clusters.borrow().get(position).cloned() else {
                return;
            };
            let first = cluster.members.first().copied();
            if from_keyboard {
                handles.markers.pending_focus.set(first);
            }
            match zoom_to_expand(&cluster, MAX_ZOOM) {
                Some(_) => {
                    fit(&handles.map, cluster.bbox, MAX_ZOOM, 48);
                }
                // Agencies at one address never split: open the first; the list shows the rest.
                None => state.select(first),
            }
        }
    }
}

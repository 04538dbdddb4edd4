//! Drawing agencies and clusters as keyboard-reachable Leaflet markers,
//! restyling the ones whose selection changed, and turning a click or key
//! press on one into an app action.

use std::cell::{Cell, RefCell};
use std::rc::Weak;

use ia_core::cluster::{zoom_to_expand, Cluster, Clusterer, PixelRect};
use ia_core::query::MAX_ZOOM;
use leaflet::{DivIconOptions, LatLng, LayerGroup, Marker, MarkerOptions, Point};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::fit::{fit, zoom_of};
use super::js::{div_icon, marker_element};
use super::{MapHandles, CLUSTER_RADIUS_PX};
use crate::i18n::Texts;
use crate::load::Catalog;
use crate::state::FinderState;

/// What a marker stands for; written to its `data-key` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerKey {
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

/// A marker's touch target in CSS pixels (WCAG 2.5.5 size; the clustering
/// radius, the same 44 px, keeps targets from overlapping).
const TARGET_PX: f64 = 44.0;

/// Markers are drawn for the view and this much around it (a fraction of
/// the map's size on each side), so that short pans need no new drawing.
const VIEW_MARGIN: f64 = 0.25;

/// The part of the world a render is for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct View {
    pub zoom: u8,
    /// `(lat, lon)` of the map's centre.
    pub center: (f64, f64),
    /// The map's size in CSS pixels.
    pub size: (f64, f64),
}

/// Padding when a cluster is opened by zooming in, in CSS pixels.
const EXPAND_PADDING_PX: u32 = 48;

/// What the layer last drew, so that a move can tell whether to draw again.
struct Drawn {
    zoom: u8,
    /// `None`: everything (the map had no size to draw around).
    area: Option<PixelRect>,
    visible: Vec<usize>,
}

/// The marker layer and what was last drawn on it.
pub(super) struct MarkerLayer {
    group: LayerGroup,
    texts: &'static Texts,
    /// Every agency's position, projected once (the catalog never changes).
    clusterer: RefCell<Option<Clusterer>>,
    clusters: RefCell<Vec<Cluster>>,
    /// The markers drawn, each with its cluster's position in `clusters`.
    markers: RefCell<Vec<(usize, Marker)>>,
    drawn: RefCell<Option<Drawn>>,
    /// The open agency, whose marker (or cluster) is styled as selected.
    selected: Cell<Option<usize>>,
    /// Set while the map fits new results: moves then are not followed.
    held: Cell<bool>,
    /// An agency whose marker (or cluster) should get focus after the next
    /// render, so zooming into a cluster from the keyboard keeps focus.
    pending_focus: Cell<Option<usize>>,
}

impl MarkerLayer {
    pub(super) fn new(group: LayerGroup, texts: &'static Texts) -> MarkerLayer {
        MarkerLayer {
            group,
            texts,
            clusterer: RefCell::new(None),
            clusters: RefCell::new(Vec::new()),
            markers: RefCell::new(Vec::new()),
            drawn: RefCell::new(None),
            selected: Cell::new(None),
            held: Cell::new(false),
            pending_focus: Cell::new(None),
        }
    }

    pub(super) fn hold(&self, held: bool) {
        self.held.set(held);
    }

    /// After the map moved: draws again, with the same agencies, when the
    /// view left the area drawn last or the zoom changed.
    pub(super) fn follow(&self, catalog: &Catalog, map: &leaflet::Map) {
        if self.held.get() {
            return;
        }
        let center = map.get_center();
        let size = map.get_size();
        let view = View {
            zoom: zoom_of(map),
            center: (center.lat(), center.lng()),
            size: (size.x(), size.y()),
        };
        let visible = {
            let drawn = self.drawn.borrow();
            let Some(drawn) = drawn.as_ref() else {
                return;
            };
            let now = PixelRect::view(view.center, view.zoom, view.size, 0.0);
            if drawn.zoom == view.zoom && drawn.area.is_none_or(|area| area.covers(&now)) {
                return;
            }
            drawn.visible.clone()
        };
        // A marker with keyboard focus keeps it if it is drawn again.
        if self.pending_focus.get().is_none() {
            self.pending_focus.set(self.focused_member());
        }
        self.render(catalog, &visible, view);
    }

    /// Marks `selected` as the open agency: restyles only the markers whose
    /// selection changed (the one that held the agency selected before, and
    /// the one that holds it now), nothing is drawn again.
    pub(super) fn select(&self, selected: Option<usize>) {
        let before = self.selected.replace(selected);
        if before == selected {
            return;
        }
        let holds = |agency: Option<usize>, cluster: &Cluster| {
            agency.is_some_and(|agency| cluster.members.contains(&agency))
        };
        let clusters = self.clusters.borrow();
        for (position, marker) in self.markers.borrow().iter() {
            let Some(cluster) = clusters.get(*position) else {
                continue;
            };
            let (was, is) = (holds(before, cluster), holds(selected, cluster));
            if was != is {
                style_selected(marker, is);
            }
        }
    }

    /// The first agency of the marker that has keyboard focus, if any.
    fn focused_member(&self) -> Option<usize> {
        let active = web_sys::window()?.document()?.active_element()?;
        match MarkerKey::decode(&active.get_attribute("data-key")?)? {
            MarkerKey::Agency(position) => Some(position),
            MarkerKey::Cluster(position) => self
                .clusters
                .borrow()
                .get(position)?
                .members
                .first()
                .copied(),
        }
    }

    /// Draws `visible` as markers and clusters for `view`, replacing what was drawn.
    pub(super) fn render(&self, catalog: &Catalog, visible: &[usize], view: View) {
        let texts = self.texts;
        let selected = self.selected.get();
        let zoom = view.zoom;
        let has_size = view.size.0 >= 1.0 && view.size.1 >= 1.0;
        let area = has_size.then(|| PixelRect::view(view.center, zoom, view.size, VIEW_MARGIN));
        let mut clusterer = self.clusterer.borrow_mut();
        let clusterer = clusterer.get_or_insert_with(|| Clusterer::new(catalog.index.positions()));
        let mut clusters = clusterer.cluster(visible, zoom, CLUSTER_RADIUS_PX, area.as_ref());
        // Tab order follows reading order: north to south, then west to east.
        clusters.sort_unstable_by(|a, b| b.lat.total_cmp(&a.lat).then(a.lon.total_cmp(&b.lon)));
        self.group.clear_layers();
        let mut markers = Vec::with_capacity(clusters.len());
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
                    // Known only by its Kreis: drawn with a dashed ring, and
                    // said in the label ("Ort nur als Kreis bekannt").
                    if agency.is_kreis_only() {
                        label.push_str(" – ");
                        label.push_str(texts.legend_kreis);
                        class.push_str(" ia-marker--kreis");
                    }
                    (
                        MarkerKey::Agency(*only),
                        label,
                        class,
                        String::new(),
                        TARGET_PX,
                    )
                }
                members => {
                    let n = members.len();
                    // The dot grows with the count (style/app.css); the target
                    // is at least 44 px.
                    let (size_class, size) = if n < 10 {
                        ("", TARGET_PX)
                    } else if n < 100 {
                        (" ia-marker--tens", TARGET_PX)
                    } else {
                        (" ia-marker--hundreds", 50.0)
                    };
                    // The count is a number we format, never data text.
                    let html = format!("<span aria-hidden=\"true\">{n}</span>");
                    (
                        MarkerKey::Cluster(position),
                        texts.cluster_label(n),
                        format!("ia-marker ia-marker--cluster{size_class}"),
                        html,
                        size,
                    )
                }
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
            let marker = Marker::new_with_options(&LatLng::new(cluster.lat, cluster.lon), &options);
            marker.add_to_layer_group(&self.group);
            if let Some(element) = marker_element(&marker) {
                let _ = element.set_attribute("data-key", &key.encode());
                let _ = element.set_attribute("data-count", &cluster.members.len().to_string());
                let _ = element.set_attribute("aria-label", &label);
                if focus.is_some_and(|f| cluster.members.contains(&f)) {
                    let _ = element.focus();
                }
            }
            if is_selected {
                style_selected(&marker, true);
            }
            markers.push((position, marker));
        }
        *self.clusters.borrow_mut() = clusters;
        *self.markers.borrow_mut() = markers;
        *self.drawn.borrow_mut() = Some(Drawn {
            zoom,
            area,
            visible: visible.to_vec(),
        });
    }
}

/// Styles a marker as holding the open agency or not: outlined and raised
/// above its neighbours, and `aria-current` for screen readers.
fn style_selected(marker: &Marker, selected: bool) {
    marker.set_z_index_offset(if selected { 1000.0 } else { 0.0 });
    if let Some(element) = marker_element(marker) {
        let _ = element
            .class_list()
            .toggle_with_force("is-selected", selected);
        if selected {
            let _ = element.set_attribute("aria-current", "true");
        } else {
            let _ = element.remove_attribute("aria-current");
        }
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
                    fit(&handles.map, cluster.bbox, MAX_ZOOM, EXPAND_PADDING_PX);
                }
                // Agencies at one address never split: open the first; the list shows the rest.
                None => state.select(first),
            }
        }
    }
}

//! The map's own background (issue 18): Kreis borders and names at NRW zoom,
//! Gemeinde borders and town names from `GEMEINDE_MIN_ZOOM` on (that file
//! is fetched the first time it is needed), drawn in two panes of their own
//! between the outline and the markers. Shown whenever no tiles are: none
//! configured, not yet allowed, or failing.
//!
//! Which names fit without overlapping is `ia_core::labels::place_labels`;
//! the names are plain `<span>`s in a pane that is `aria-hidden` and takes
//! no pointer events (the list is the accessible view of the places).
//!
//! Placing names reads where the markers and the map's controls are on
//! screen (their layout boxes). That read happens after the frame that shows
//! the new markers, never in the task that drew them: there it forced the
//! browser to lay out the whole page (list, filters, map) a second time
//! within a filter change, twice per change (the draw and the `moveend` of
//! its fit), which made a filter change about 10 ms slower at the real
//! dataset (issue 28, measured with a trace of the forced layouts). Any
//! number of refreshes in one task place the names once.

use std::cell::RefCell;
use std::rc::Rc;

use ia_core::labels::{label_width, place_labels, LabelBox, GEMEINDE_MIN_ZOOM, LABEL_GAP_PX};
use leaflet::{Evented, GeoJson, LatLng, Map};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::fit::zoom_of;
use super::js::{geo_json, object};
use crate::browser::in_next_task;
use crate::load::fetch_text;

const LINES_PANE: &str = "basemap";
const LABELS_PANE: &str = "basemapLabels";
/// Font sizes of the names (style/app.css `.basemap-label`).
const TOWN_FONT_PX: f64 = 13.0;
const KREIS_FONT_PX: f64 = 11.0;
/// What names never cover: the controls over the map.
const CONTROLS: &str = ".leaflet-control-zoom, .map-pan__button, .map-load-tiles, .map-legend-wrap";
/// What names keep off where they can: the markers.
const MARKERS: &str = ".ia-marker";
/// Label kinds in the files (crates/datatool/src/basemap.rs).
const KIND_KREIS: u8 = 1;

struct Label {
    name: String,
    lat: f64,
    lon: f64,
    kind: u8,
}

/// One zoom band's file, parsed and made into layers.
struct Band {
    layers: Vec<GeoJson>,
    labels: Vec<Label>,
}

#[derive(Default)]
struct State {
    kreise: Option<Band>,
    gemeinden: Option<Band>,
    gemeinden_requested: bool,
    /// Which band's lines are on the map (`Some(true)`: the Gemeinde band).
    drawn: Option<bool>,
    /// Names are to be placed after the next frame (once, however often
    /// [`Basemap::refresh`] ran meanwhile).
    names_due: bool,
    /// A zoom animation is running: names wait for its end (`moveend`
    /// refreshes).
    zooming: bool,
}

/// The background of one map; cheap to clone into listeners.
#[derive(Clone)]
pub(super) struct Basemap {
    map: Map,
    labels: web_sys::HtmlElement,
    dir: Rc<str>,
    state: Rc<RefCell<State>>,
    /// Whether the background is wanted (no tiles shown).
    wanted: Signal<bool>,
}

impl Basemap {
    /// Makes the panes and starts loading the first view's file; the names
    /// are placed again by [`Basemap::refresh`] after the markers are drawn
    /// (they keep off the markers). The returned handles keep the listeners.
    pub(super) fn new(
        map: &Map,
        dir: &str,
        wanted: Signal<bool>,
    ) -> (Self, Vec<leaflet::EventedHandle<leaflet::Event>>) {
        // Background only (the list names every place): both panes, the
        // borders' SVG and the names, are hidden from assistive technology.
        let lines = map.create_pane_by_name(LINES_PANE);
        let labels = map.create_pane_by_name(LABELS_PANE);
        for pane in [&lines, &labels] {
            let _ = pane.set_attribute("aria-hidden", "true");
        }
        let dir = if dir.is_empty() || dir.ends_with('/') {
            dir.to_string()
        } else {
            format!("{dir}/")
        };
        let basemap = Basemap {
            map: map.clone(),
            labels,
            dir: dir.into(),
            state: Rc::default(),
            wanted,
        };
        basemap.load(false);
        let mut events = Vec::new();
        // Names are placed for a view: hidden while the zoom animates.
        events.push(Evented::on_leaflet_event(&map, "zoomstart", {
            let basemap = basemap.clone();
            move |_: leaflet::Event| {
                basemap.state.borrow_mut().zooming = true;
                basemap.labels.set_text_content(None);
            }
        }));
        events.push(Evented::on_leaflet_event(&map, "zoomend", {
            let basemap = basemap.clone();
            move |_: leaflet::Event| basemap.state.borrow_mut().zooming = false
        }));
        (basemap, events)
    }

    /// Fetches a band's file (the Gemeinde band only once) and draws.
    fn load(&self, gemeinden: bool) {
        let file = if gemeinden {
            "gemeinden.json"
        } else {
            "kreise.json"
        };
        let url = format!("{}{file}", self.dir);
        let this = self.clone();
        leptos::task::spawn_local(async move {
            let band = match fetch_text(&url).await {
                Ok(text) => parse_band(&text),
                Err(err) => Err(err.to_string()),
            };
            match band {
                Ok(band) => {
                    let mut state = this.state.borrow_mut();
                    if gemeinden {
                        state.gemeinden = Some(band);
                    } else {
                        state.kreise = Some(band);
                    }
                }
                Err(err) => return leptos::logging::warn!("map background {url}: {err}"),
            }
            this.refresh();
        });
    }

    /// Draws the band for the current zoom (or nothing when tiles are shown)
    /// at once, and the names that fit after the next frame.
    pub(super) fn refresh(&self) {
        let wanted = self.wanted.get_untracked();
        let zoom = zoom_of(&self.map);
        let want_gemeinden = zoom >= GEMEINDE_MIN_ZOOM;
        let mut state = self.state.borrow_mut();
        if wanted && want_gemeinden && state.gemeinden.is_none() && !state.gemeinden_requested {
            state.gemeinden_requested = true;
            drop(state);
            self.load(true);
            state = self.state.borrow_mut();
        }
        // Until the Gemeinde file is there, the Kreis band stands in.
        let band = match (wanted, want_gemeinden && state.gemeinden.is_some()) {
            (false, _) => None,
            (true, true) => Some(true),
            (true, false) => state.kreise.is_some().then_some(false),
        };
        if state.drawn != band {
            for (gemeinden, layers) in [(false, &state.kreise), (true, &state.gemeinden)] {
                for layer in layers.iter().flat_map(|b| &b.layers) {
                    if band == Some(gemeinden) {
                        layer.add_to(&self.map);
                    } else {
                        layer.remove();
                    }
                }
            }
            state.drawn = band;
        }
        if band.is_none() {
            self.labels.set_text_content(None);
            return;
        }
        if !state.names_due {
            state.names_due = true;
            let this = self.clone();
            after_next_frame(move || this.place_names());
        }
    }

    /// Places the names of the band on the map now, off the markers and
    /// controls as they are laid out after the frame (see the module's doc).
    fn place_names(&self) {
        let mut state = self.state.borrow_mut();
        state.names_due = false;
        // Mid-zoom (`moveend` will refresh), or the map was removed meanwhile.
        if state.zooming || !self.labels.is_connected() {
            return;
        }
        let band = match state.drawn {
            Some(true) => state.gemeinden.as_ref(),
            Some(false) => state.kreise.as_ref(),
            None => None,
        };
        match band {
            Some(Band { labels, .. }) => self.draw_labels(labels),
            None => self.labels.set_text_content(None),
        }
    }

    fn draw_labels(&self, labels: &[Label]) {
        let size = self.map.get_size();
        let anchors: Vec<LabelBox> = labels
            .iter()
            .map(|label| {
                let font = font_px(label.kind);
                let point = self
                    .map
                    .lat_lng_to_container_point(&LatLng::new(label.lat, label.lon));
                LabelBox {
                    x: point.x(),
                    y: point.y(),
                    width: label_width(&label.name, font),
                    height: font * 1.4,
                }
            })
            .collect();
        let controls = self.boxes_of(CONTROLS);
        let markers = self.boxes_of(MARKERS);
        let Some(document) = self.labels.owner_document() else {
            return;
        };
        let view = (size.x(), size.y());
        let placed = place_labels(&anchors, &controls, &markers, view, LABEL_GAP_PX);
        // The old names go only after every box is read (removing them
        // first would make the reads lay the page out again).
        self.labels.set_text_content(None);
        for (index, spot) in placed {
            let label = &labels[index];
            let Ok(span) = document.create_element("span") else {
                continue;
            };
            let class = if label.kind == KIND_KREIS {
                "basemap-label basemap-label--kreis"
            } else {
                "basemap-label"
            };
            let _ = span.set_attribute("class", class);
            span.set_text_content(Some(&label.name));
            // The pane moves with the map: its position is in layer points.
            let anchor = self
                .map
                .lat_lng_to_layer_point(&LatLng::new(label.lat, label.lon));
            let x = anchor.x() + spot.x - anchors[index].x;
            let y = anchor.y() + spot.y - anchors[index].y;
            let span: web_sys::HtmlElement = span.unchecked_into();
            let style = span.style();
            // Whole pixels (integers format without the float formatter).
            let _ = style.set_property("left", &format!("{}px", x.round() as i32));
            let _ = style.set_property("top", &format!("{}px", y.round() as i32));
            let _ = self.labels.append_child(&span);
        }
    }

    /// The elements matching `selector` in the map's wrapper, as boxes in
    /// container pixels.
    fn boxes_of(&self, selector: &str) -> Vec<LabelBox> {
        let container = self.map.get_container();
        let origin = container.get_bounding_client_rect();
        // The pan buttons, the legend and "Stadtplan laden" are beside the
        // map's container, in the same wrapper.
        let scope = container
            .parent_element()
            .unwrap_or_else(|| container.clone().into());
        let Ok(nodes) = scope.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into::<web_sys::Element>().ok())
            .map(|element| element.get_bounding_client_rect())
            // Hidden ones have no box.
            .filter(|rect| rect.width() > 0.0 && rect.height() > 0.0)
            .map(|rect| LabelBox {
                x: rect.left() - origin.left() + rect.width() / 2.0,
                y: rect.top() - origin.top() + rect.height() / 2.0,
                width: rect.width(),
                height: rect.height(),
            })
            .collect()
    }
}

/// Runs `work` after the next frame has been rendered: in a task queued
/// from that frame's animation callback, when the page's layout is up to
/// date, so reading a box costs nothing.
fn after_next_frame(work: impl FnOnce() + 'static) {
    request_animation_frame(move || in_next_task(work));
}

fn font_px(kind: u8) -> f64 {
    if kind == KIND_KREIS {
        KREIS_FONT_PX
    } else {
        TOWN_FONT_PX
    }
}

/// A band's file: GeoJSON `MultiLineString` features with `kind` `kreis` or
/// `gemeinde`, and `labels` as `[name, lon, lat, kind]`. Not read by the
/// boundary files' GeoJSON reader (`ia_core::geojson`) nor the `geojson`
/// crate: the browser parses it and each feature goes to Leaflet as it is,
/// so no geometry is decoded in Rust and the residents' Wasm gains nothing.
fn parse_band(text: &str) -> Result<Band, String> {
    let json = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_string())?;
    let get = |value: &JsValue, key: &str| js_sys::Reflect::get(value, &JsValue::from_str(key));
    let array = |key: &str| -> Result<js_sys::Array, String> {
        get(&json, key)
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or_else(|| format!("no {key}"))
    };
    let features = array("features")?;
    let layers = features
        .iter()
        .map(|feature| {
            let kind = get(&feature, "properties")
                .and_then(|p| get(&p, "kind"))
                .ok()
                .and_then(|k| k.as_string())
                .unwrap_or_default();
            let (color, weight, opacity) = if kind == "kreis" {
                ("#5f6f86", 1.4, 0.9)
            } else {
                ("#8e9aab", 0.8, 0.8)
            };
            let style = object(&[
                ("color", JsValue::from_str(color)),
                ("weight", JsValue::from_f64(weight)),
                ("opacity", JsValue::from_f64(opacity)),
                ("interactive", JsValue::FALSE),
            ]);
            let options = object(&[
                ("style", style.into()),
                ("pane", JsValue::from_str(LINES_PANE)),
                ("interactive", JsValue::FALSE),
            ]);
            geo_json(&feature, &options)
        })
        .collect();
    let labels = array("labels")?
        .iter()
        .filter_map(|row| {
            let row: js_sys::Array = row.dyn_into().ok()?;
            Some(Label {
                name: row.get(0).as_string()?,
                lon: row.get(1).as_f64()?,
                lat: row.get(2).as_f64()?,
                kind: row.get(3).as_f64().unwrap_or(0.0) as u8,
            })
        })
        .collect();
    Ok(Band { layers, labels })
}

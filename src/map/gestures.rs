//! In a partner's page (an embed): Ctrl/Cmd + wheel zooms (a plain wheel
//! scrolls the page and shows a hint), and a one-finger touch on the map
//! shows the two-finger hint.

use leaflet::Map;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::markers::DomListener;
use crate::i18n::Texts;

/// How long a hint stays on the map.
const HINT_MS: u64 = 1500;

/// Listens for the wheel (and on touch screens for one-finger moves) on the
/// map's element; the listeners live as long as the map.
pub(super) fn embed_gestures(
    element: &web_sys::HtmlElement,
    map: &Map,
    hint: RwSignal<Option<&'static str>>,
    texts: &'static Texts,
    touch: bool,
) -> Result<Vec<DomListener>, JsValue> {
    let show = move |text: &'static str| {
        hint.set(Some(text));
        set_timeout(
            move || {
                hint.try_set(None);
            },
            std::time::Duration::from_millis(HINT_MS),
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

//! The running app takes the page over from the prerendered first view.
//!
//! The release build writes the finder's default view into `index.html`
//! (`crate::prerender`, run by `scripts/build.sh`), so a resident sees the
//! agencies before the Wasm has arrived. The app mounts into a hidden
//! `<div id="app">` beside it and, once its finder (or the reason it could not
//! load) is rendered, swaps the two in one task: no frame shows both or
//! neither, so nothing on screen jumps. The scroll positions (the page's, and
//! the sidebar's in the wide layout) are carried over, and the prerendered
//! static map moves into the live map's place until Leaflet draws there.
//!
//! Contract with `public/gate.js`, `public/boot.js` and `style/app.css`: the
//! page's `<html>` gets `data-app="ready"` here (`"failed"` from boot.js or
//! the panic hook), and loses the `pending` class that kept the prerendered
//! view hidden where it would not match the address (another language, an
//! embed, a filtered view).

use wasm_bindgen::JsCast;

/// The id of the element the app is mounted into.
pub const APP_ROOT: &str = "app";
/// The id of the prerendered view the build wrote into `index.html`.
pub const PRERENDERED: &str = "prerendered";

/// Creates the app's root element at the end of `<body>`: hidden while a
/// prerendered view is on screen, shown at once otherwise (a development
/// build, or a page without it).
pub fn app_root() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let root = document.create_element("div").ok()?;
    root.set_id(APP_ROOT);
    if document.get_element_by_id(PRERENDERED).is_some() {
        let _ = root.set_attribute("hidden", "");
    } else if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    document.body()?.append_child(&root).ok()?;
    root.dyn_into().ok()
}

/// Replaces the prerendered view with the app (once; later calls do nothing).
pub fn take_over() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id(APP_ROOT) else {
        return;
    };
    if let Some(prerendered) = document.get_element_by_id(PRERENDERED) {
        let window_scroll = web_sys::window().and_then(|w| w.scroll_y().ok());
        let sidebar_scroll = prerendered
            .query_selector(".sidebar")
            .ok()
            .flatten()
            .map(|sidebar| sidebar.scroll_top());
        // The static map stays on screen until Leaflet has drawn (see `map`).
        if let (Some(picture), Some(map)) = (
            prerendered
                .query_selector(".static-map-wrap")
                .ok()
                .flatten(),
            root.query_selector(".map").ok().flatten(),
        ) {
            let _ = map.append_child(&picture);
        }
        prerendered.remove();
        let _ = root.remove_attribute("hidden");
        if let (Some(top), Some(sidebar)) = (
            sidebar_scroll.filter(|top| *top > 0),
            root.query_selector(".sidebar").ok().flatten(),
        ) {
            sidebar.set_scroll_top(top);
        }
        if let (Some(y), Some(window)) = (window_scroll.filter(|y| *y > 0.0), web_sys::window()) {
            window.scroll_to_with_x_and_y(0.0, y);
        }
    } else {
        let _ = root.remove_attribute("hidden");
    }
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    if let Some(html) = document.document_element() {
        let _ = html.class_list().remove_1("pending");
        let _ = html.set_attribute("data-app", "ready");
    }
}

/// Removes the static map from the live map's container once Leaflet has
/// drawn there.
pub fn drop_static_map(container: &web_sys::Element) {
    if let Ok(Some(picture)) = container.query_selector(".static-map-wrap") {
        picture.remove();
    }
}

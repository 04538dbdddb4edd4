//! The page's side of embedding in a partner's iframe: it reports its
//! content height to the parent page, which may resize the iframe.
//!
//! Message (documented in `docs/embedding.md`), sent with `postMessage` to
//! any origin, because it carries nothing but a number:
//!
//! ```json
//! {"type": "ia-map:height", "height": 812}
//! ```
//!
//! The app never listens to messages from the parent.
//!
//! Embedding's other homes: the options an embed's address carries (pure,
//! `ia_core::embed`) and the generator's query (`embed_query`, beside the
//! page's parameters in the core); the embed-code generator's page
//! (`generator_page.rs`, its own Wasm) and form (`generator.rs`); the map's
//! wheel and touch hints in a partner's page (`crate::map`'s `gestures.rs`,
//! since only the map touches Leaflet); the layout (`style/app.css`,
//! `body.embedded`, `.finder--embed`).

pub mod generator;
pub mod generator_page;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The `type` of the height message.
pub const HEIGHT_MESSAGE: &str = "ia-map:height";

/// Marks the page as embedded (for CSS) and posts its height to the parent
/// now and whenever it changes. Does nothing outside a frame.
pub fn report_height_to_parent() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(parent) = window.parent().ok().flatten() else {
        return;
    };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let _ = body.class_list().add_1("embedded");
    if js_sys::Object::is(&parent, &window) {
        return; // Not in a frame.
    }
    // The rest only embeds run: the part "embed" (issue 28).
    leptos::task::spawn_local(async move {
        if report_height(parent, body).await.is_err() {
            leptos::logging::warn!("height reporting unavailable: its part did not load");
        }
    });
}

crate::lazy_fn! { embed, load_embed;
    /// Posts the height of `body` to `parent` now and whenever it changes.
    pub fn report_height(parent: web_sys::Window, body: web_sys::HtmlElement) -> () {
        observe_height(parent, body)
    }
}

fn observe_height(parent: web_sys::Window, body: web_sys::HtmlElement) {
    let measured = body.clone();
    let post = Closure::<dyn FnMut()>::new(move || {
        let message = js_sys::Object::new();
        let height = measured.get_bounding_client_rect().height().ceil();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, "*");
    });
    match web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        Ok(observer) => observer.observe(&body),
        Err(err) => leptos::logging::warn!("height reporting unavailable: {err:?}"),
    }
    // The observer calls it for as long as the page lives.
    post.forget();
}

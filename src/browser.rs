//! Browser helpers that are not Leaflet's, shared by the app and the map:
//! scheduling work in a task of its own, media queries (now, or kept up to
//! date), and flags kept for the browser session. Leaflet's own bindings are
//! in `map/js.rs` (the map is the only module that touches Leaflet).
//!
//! The build-time rendering (`ssr`) has no screen: media queries never
//! match there, and it writes the phone-first markup, which CSS lays out for
//! the screen it lands on.

use leptos::prelude::*;

/// Runs `work` in a task of its own, after the current one (the browser may
/// paint in between).
pub fn in_next_task(work: impl FnOnce() + 'static) {
    set_timeout(work, std::time::Duration::ZERO);
}

/// Whether the media query matches now (never in the build-time rendering).
pub fn media_matches(query: &str) -> bool {
    !cfg!(feature = "ssr")
        && web_sys::window()
            .and_then(|w| w.match_media(query).ok().flatten())
            .is_some_and(|list| list.matches())
}

/// Whether `query` matches, kept up to date (a turned tablet, a resized
/// window) for as long as the calling component lives.
pub fn media_signal(query: &str) -> ReadSignal<bool> {
    if cfg!(feature = "ssr") {
        return signal(false).0;
    }
    let list = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
    let (matches, set_matches) =
        signal(list.as_ref().is_some_and(web_sys::MediaQueryList::matches));
    if let Some(list) = list {
        let watched = list.clone();
        let on_change =
            wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                set_matches.try_set(watched.matches());
            });
        list.set_onchange(Some(wasm_bindgen::JsCast::unchecked_ref(
            on_change.as_ref(),
        )));
        let on_change = StoredValue::new_local(Some(on_change));
        on_cleanup(move || {
            list.set_onchange(None);
            on_change.try_update_value(Option::take);
        });
    }
    matches
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Whether the flag `key` is set in this browser session (false where
/// storage is blocked: then the visitor is asked again).
pub fn session_flag(key: &str) -> bool {
    session_storage()
        .and_then(|storage| storage.get_item(key).ok().flatten())
        .is_some_and(|value| value == "1")
}

/// Sets the flag `key` for this browser session.
pub fn set_session_flag(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(key, "1");
    }
}

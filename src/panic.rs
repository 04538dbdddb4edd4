//! A last line of defence: a Rust panic aborts the Wasm module (the release
//! profile uses `panic = "abort"`), so the page would freeze silently. The hook
//! logs the details to the console and puts a plain, friendly message with a
//! reload link on the page, built with DOM text APIs (never HTML strings).

use wasm_bindgen::JsCast;

use crate::i18n;

/// Installs the hook once, at start-up.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_message();
    }));
}

/// Puts the crash message on the page (once). Public for the component tests.
pub fn show_crash_message() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    crate::language_ready();
    let texts = i18n::texts_for_document();
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id("crash");
    let _ = banner.set_attribute("role", "alert");
    let Ok(message) = document.create_element("p") else {
        return;
    };
    message.set_text_content(Some(texts.crashed));
    let _ = banner.append_child(&message);
    // Reload the same view; or start over without the URL's state, in case
    // that is what made the app fail.
    for (href, text) in [("", texts.reload), ("./", texts.start_over)] {
        if let Ok(link) = document.create_element("a") {
            let _ = link.set_attribute("href", href);
            link.set_text_content(Some(text));
            if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
                let _ = banner.append_child(&link);
            }
        }
    }
    let _ = body.prepend_with_node_1(&banner);
}

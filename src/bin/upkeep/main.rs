//! The maintenance page (`pflege.html`, issue 21): the spreadsheet check of
//! `ia-datatool import` in the browser, with the same code (`ia_upkeep`).
//! A Wasm of its own, so residents' finder never contains it. It reads the
//! published dataset and the place data from the site's own files, the
//! maintainer's file from the disk, and sends nothing anywhere.

mod check;
mod package;
mod page;
mod report;
mod texts;

use wasm_bindgen::JsValue;

fn main() {
    ia_map::panic::install_hook();
    if let Some(boot) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("boot"))
    {
        boot.remove();
    }
    match texts::german() {
        Ok(texts) => leptos::mount::mount_to_body(move || page::page(texts)),
        Err(problem) => leptos::logging::error!("{problem}"),
    }
}

/// Offers bytes as a download.
pub fn save(bytes: &[u8], mime: &str, file: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    ia_map::ui::download::save_blob(&blob, file)
}

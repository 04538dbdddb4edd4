//! The maintenance page (`pflege.html`, issue 21): the spreadsheet check of
//! `ia-datatool import` in the browser, with the same code (`ia_upkeep`).
//! A Wasm of its own, so residents' finder never contains it. It reads the
//! published dataset and the place data from the site's own files, the
//! maintainer's file from the disk, and sends nothing anywhere.

mod check;
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
    use wasm_bindgen::JsCast as _;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

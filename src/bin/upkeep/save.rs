//! Offering the page's files (the tables, the checked dataset, the
//! publication package) as downloads.

use wasm_bindgen::JsValue;

/// Offers bytes as a download.
pub fn save(bytes: &[u8], mime: &str, file: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    ia_map::ui::download::save_blob(&blob, file)
}

//! Download of the current result list as CSV (for spreadsheets) or GeoJSON
//! (for maps), generated in the browser from the active filters.

use ia_core::export::{to_csv, to_geojson};
use ia_core::Agency;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Texts;
use crate::state::FinderState;

#[derive(Clone, Copy)]
enum Format {
    Csv,
    GeoJson,
}

#[component]
pub fn Downloads() -> impl IntoView {
    let state = use_context::<FinderState>().expect("FinderState is provided by Finder");
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let download = move |format: Format| {
        let visible = state.visible.get_untracked();
        let (body, mime, file) = state.catalog.with_value(|catalog| {
            let agencies: Vec<&Agency> = visible
                .iter()
                .filter_map(|&i| catalog.agencies.get(i))
                .collect();
            match format {
                Format::Csv => (
                    to_csv(&agencies),
                    "text/csv;charset=utf-8",
                    "integrationsagenturen-nrw.csv",
                ),
                Format::GeoJson => (
                    to_geojson(&agencies),
                    "application/geo+json",
                    "integrationsagenturen-nrw.geojson",
                ),
            }
        });
        if let Err(err) = save(&body, mime, file) {
            leptos::logging::error!("download failed: {err:?}");
        }
    };
    view! {
        <p class="downloads">
            <span>{texts.download_label}</span>
            " "
            <button type="button" class="link-button" data-testid="download-csv" on:click=move |_| download(Format::Csv)>"CSV"</button>
            " · "
            <button type="button" class="link-button" data-testid="download-geojson" on:click=move |_| download(Format::GeoJson)>"GeoJSON"</button>
        </p>
    }
}

/// Hands a text to the browser as a file download.
fn save(body: &str, mime: &str, file: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    save_blob(
        &web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?,
        file,
    )
}

/// Hands a blob to the browser as a file download named `file` (also used by
/// the maintenance page, `src/bin/upkeep`).
pub fn save_blob(blob: &web_sys::Blob, file: &str) -> Result<(), JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

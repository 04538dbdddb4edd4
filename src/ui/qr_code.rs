//! The generator page's QR-code section (issue 20): any address as a QR code
//! for notices and flyers, shown as SVG and downloaded as SVG or PNG. The
//! finder's "QR-Code für Aushang/Flyer" opens it as `generator.html?qr=…`
//! (`ia_core::share`); the code is drawn here, in the generator's Wasm,
//! which residents never download.
//!
//! The PNG is drawn module by module on a canvas and encoded by the browser
//! (`toBlob`): no PNG encoder in the Wasm, and nothing the strict CSP
//! forbids (no data: or blob: image is loaded).

use ia_core::share::{qr_from_address, qr_target, QrProblem};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Texts;
use crate::qr::Modules;
use crate::ui::download::save_blob;

/// Pixels per module in the PNG (as the static pages' QR codes): 300–500
/// px, sharp in print at a few centimetres.
const PNG_SCALE: usize = 10;

/// The address the page was opened with (`?qr=` or `#qr=`), if any.
pub fn qr_param() -> Option<String> {
    let location = web_sys::window()?.location();
    qr_from_address(
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    )
}

#[component]
pub fn QrCode(#[prop(optional)] initial: Option<String>) -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let input = RwSignal::new(initial.unwrap_or_default());
    // The code for a valid address, or why there is none.
    let code = Memo::new(move |_| {
        input.with(|value| match qr_target(value) {
            Ok(url) => Modules::of(url)
                .map(|modules| (url.to_owned(), modules.to_svg(&texts.qr_alt(url))))
                .map_err(|_| QrProblem::TooLong),
            Err(problem) => Err(problem),
        })
    });
    let problem = move || match code.get() {
        Err(QrProblem::NotHttp) => Some(texts.qr_invalid),
        Err(QrProblem::TooLong) => Some(texts.qr_too_long),
        Err(QrProblem::Empty) | Ok(_) => None,
    };
    let download = move |png: bool| {
        let Ok((url, svg)) = code.get_untracked() else {
            return;
        };
        let saved = if png {
            Modules::of(&url)
                .map_err(JsValue::from)
                .and_then(|m| save_png(&m))
        } else {
            svg_blob(&svg).and_then(|blob| save_blob(&blob, "qr-code.svg"))
        };
        if let Err(err) = saved {
            leptos::logging::error!("QR download failed: {err:?}");
        }
    };
    view! {
        <section class="qr" aria-labelledby="qr-title" data-testid="qr">
            <h2 id="qr-title">{texts.qr_title}</h2>
            <p>{texts.qr_intro}</p>
            <div class="field qr__field">
                <label for="qr-url">{texts.qr_url_label}</label>
                <input type="url" id="qr-url" inputmode="url" autocomplete="off" spellcheck="false"
                    aria-describedby="qr-problem"
                    aria-invalid=move || problem().is_some().to_string()
                    prop:value=move || input.get()
                    on:input=move |event| input.set(event_target_value(&event))/>
                <p id="qr-problem" class="qr__problem" role="status">{problem}</p>
            </div>
            {move || code.get().ok().map(|(url, svg)| view! {
                <figure class="qr__figure">
                    <div class="qr__code" data-testid="qr-svg" inner_html=svg></div>
                    <figcaption class="qr__url">{url}</figcaption>
                </figure>
                <p class="qr__downloads">
                    <button type="button" class="button" data-testid="qr-download-svg" on:click=move |_| download(false)>{texts.qr_download_svg}</button>
                    " "
                    <button type="button" class="button button--secondary" data-testid="qr-download-png" on:click=move |_| download(true)>{texts.qr_download_png}</button>
                </p>
            })}
        </section>
    }
}

fn svg_blob(svg: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    web_sys::Blob::new_with_str_sequence_and_options(&js_sys::Array::of1(&svg.into()), &options)
}

/// Draws the code on a canvas, black on white, and saves it as `qr-code.png`.
fn save_png(modules: &Modules) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    let size = (modules.side * PNG_SCALE) as u32;
    canvas.set_width(size);
    canvas.set_height(size);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or("no 2d context")?
        .dyn_into()?;
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(size), f64::from(size));
    context.set_fill_style_str("#000000");
    let scale = PNG_SCALE as f64;
    for (x, y) in modules.dark_modules() {
        context.fill_rect(x as f64 * scale, y as f64 * scale, scale, scale);
    }
    let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        if let Some(blob) = blob {
            if let Err(err) = save_blob(&blob, "qr-code.png") {
                leptos::logging::error!("QR download failed: {err:?}");
            }
        }
    });
    canvas.to_blob(done.unchecked_ref())
}

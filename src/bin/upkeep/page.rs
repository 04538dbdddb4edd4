//! The page: five steps, the drop zone (also a file button), the report and
//! the download of the checked dataset.

use std::rc::Rc;

use gloo_net::http::Request;
use ia_map::i18n::fill;
use ia_upkeep::import::Imported;
use leptos::prelude::*;
use wasm_bindgen::JsCast as _;

use crate::check::{today, Basis, Checked, GEMEINDEN, KREISE, LAND, PLACES, PREVIOUS};
use crate::package::PackageOffer;
use crate::report::Report;
use crate::texts::Texts;

/// The page's root.
pub fn page(texts: &'static Texts) -> impl IntoView {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(texts.title);
    }
    let basis: RwSignal<Option<Result<Rc<Basis>, String>>, LocalStorage> =
        RwSignal::new_local(None);
    let checked: RwSignal<Option<Checked>, LocalStorage> = RwSignal::new_local(None);
    let busy = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        basis.set(Some(load_basis().await.map(Rc::new)));
    });
    let check_file = move |file: web_sys::File| {
        let Some(Ok(basis)) = basis.get_untracked() else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let name = file.name();
            let checked_file = match read_file(&file).await {
                Ok(bytes) => {
                    let start = js_sys::Date::now();
                    let outcome = basis.check(&name, &bytes, &today()).map(Rc::new);
                    Checked {
                        file: name,
                        outcome,
                        millis: js_sys::Date::now() - start,
                    }
                }
                Err(error) => Checked {
                    file: name,
                    outcome: Err(error),
                    millis: 0.0,
                },
            };
            checked.set(Some(checked_file));
            busy.set(false);
        });
    };
    let download = move |xlsx: bool| {
        if let Some(Ok(basis)) = basis.get_untracked() {
            let result = if xlsx {
                ia_upkeep::xlsx::to_xlsx(&basis.previous)
                    .map_err(|err| err.0)
                    .and_then(|bytes| {
                        crate::save::save(
                            &bytes,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            "agenturen.xlsx",
                        )
                        .map_err(|err| format!("{err:?}"))
                    })
            } else {
                let agencies: Vec<_> = basis.previous.agencies.iter().collect();
                let csv = ia_core::export::to_csv(&agencies);
                crate::save::save(csv.as_bytes(), "text/csv;charset=utf-8", "agenturen.csv")
                    .map_err(|err| format!("{err:?}"))
            };
            if let Err(error) = result {
                leptos::logging::error!("download: {error}");
            }
        }
    };
    let ready = move || matches!(basis.get(), Some(Ok(_)));
    view! {
        <header class="site-header">
            <div class="site-header__text">
                <h1>{texts.title}</h1>
                <p class="subtitle">{texts.intro}</p>
            </div>
        </header>
        <main id="main" class="pflege">
            <p class="pflege__local" role="note">{texts.local_only}</p>
            {move || match basis.get() {
                None => view! { <p class="pflege__status" role="status">{texts.loading}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <p class="pflege__error" role="alert">{fill(texts.load_failed, &[("error", &error)])}</p>
                }.into_any(),
                Some(Ok(_)) => ().into_any(),
            }}
            <ol class="pflege__steps">
                <li>
                    <h2>{texts.step1}</h2>
                    <p class="pflege__buttons">
                        <button type="button" class="button" disabled=move || !ready() on:click=move |_| download(true)>
                            {texts.step1_xlsx}
                        </button>
                        " "
                        <button type="button" class="button button--secondary" disabled=move || !ready() on:click=move |_| download(false)>
                            {texts.step1_csv}
                        </button>
                    </p>
                </li>
                <li>
                    <h2>{texts.step2}</h2>
                    <p>{texts.step2_text}</p>
                </li>
                <li>
                    <h2>{texts.step3}</h2>
                    <DropZone texts ready=Signal::derive(ready) on_file=check_file/>
                </li>
                <li>
                    <h2>{texts.step4}</h2>
                    {move || {
                        if busy.get() {
                            return view! { <p role="status">{texts.checking}</p> }.into_any();
                        }
                        match checked.get() {
                            None => view! { <p>{texts.step4_empty}</p> }.into_any(),
                            Some(checked) => view! { <Report texts checked/> }.into_any(),
                        }
                    }}
                </li>
                <li>
                    <h2>{texts.step5}</h2>
                    <p>{texts.step5_text}</p>
                    {move || {
                        let basis = basis.get().and_then(Result::ok)?;
                        let imported = checked.get().and_then(|c| c.outcome.ok())?;
                        Some(view! { <Publish texts basis imported/> })
                    }}
                </li>
            </ol>
            <p><a href="./">{texts.to_finder}</a></p>
        </main>
    }
}

/// The drop zone: a label around the file input, so a click, Enter or Space
/// on it opens the file dialog, and a file dropped on it is checked.
#[component]
fn DropZone(
    texts: &'static Texts,
    ready: Signal<bool>,
    on_file: impl Fn(web_sys::File) + Copy + 'static,
) -> impl IntoView {
    let over = RwSignal::new(false);
    view! {
        <label
            class="pflege__drop"
            class:pflege__drop--over=move || over.get()
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(false);
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
                    on_file(file);
                }
            }
        >
            <span>{texts.drop_label}</span>
            <input
                type="file"
                accept=".xlsx,.ods,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet,text/csv"
                disabled=move || !ready.get()
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(file) = input.files().and_then(|f| f.get(0)) {
                        on_file(file);
                    }
                    // The same file may be chosen again after editing it.
                    input.set_value("");
                }
            />
        </label>
    }
}

/// The publication package and the download of the checked dataset, or
/// why there is none.
#[component]
fn Publish(texts: &'static Texts, basis: Rc<Basis>, imported: Rc<Imported>) -> impl IntoView {
    let report = &imported.report;
    if let Some(reason) = &report.blocked {
        return view! { <p class="pflege__error" role="alert">{fill(texts.blocked, &[("reason", reason)])}</p> }
            .into_any();
    }
    let rejected = report.rejected();
    let warning = (rejected > 0).then(|| {
        view! { <p class="pflege__warning">{fill(texts.rejected_warning, &[("n", &rejected.to_string())])}</p> }
    });
    let text = imported.text.clone();
    // The package only for data without rejected rows: it would publish
    // pages without the agencies whose rows were rejected.
    let package = if rejected == 0 {
        view! { <PackageOffer texts basis imported=imported.clone()/> }.into_any()
    } else {
        view! { <p>{texts.package_not_yet}</p> }.into_any()
    };
    view! {
        {warning}
        <p>{fill(texts.as_of, &[("date", &imported.dataset.meta.as_of)])}</p>
        <h3>{texts.package_title}</h3>
        {package}
        <h3>{texts.json_title}</h3>
        <p>{texts.json_text}</p>
        <p>
            <button type="button" class="button" on:click=move |_| {
                if let Err(error) = crate::save::save(text.as_bytes(), "application/json", "agencies.json") {
                    leptos::logging::error!("download: {error:?}");
                }
            }>{texts.download_json}</button>
        </p>
    }
    .into_any()
}

/// Fetches the site's files the check needs (nothing else).
async fn load_basis() -> Result<Basis, String> {
    let (previous, gemeinden, kreise, land, places) = futures::join!(
        fetch_text(PREVIOUS),
        fetch_text(GEMEINDEN),
        fetch_text(KREISE),
        fetch_text(LAND),
        fetch_text(PLACES)
    );
    Basis::from_texts(&previous?, &gemeinden?, &kreise?, &land?, &places?)
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|err| format!("{url}: {err}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    response.text().await.map_err(|err| format!("{url}: {err}"))
}

/// The file's bytes, read locally.
async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|err| format!("{err:?}"))?;
    let buffer: js_sys::ArrayBuffer = buffer.dyn_into().map_err(|err| format!("{err:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

//! "Teilen" for the current view and for an agency (issue 20): the Web Share
//! API where the browser has it (phones), otherwise "Link kopieren" with the
//! clipboard; where the browser refuses the clipboard, the link is shown
//! selected in a read-only field. The confirmation is said in the result
//! count's live region (`ui::status`), the page's one for such messages.
//!
//! The shared address is absolute: an agency's static page
//! (`agentur/<id>.html`, resolved against the document's base), the view's
//! the finder's address with its query string (`state/url.rs` writes it).
//! Next to it, "QR-Code für Aushang/Flyer" opens the generator page's QR-code
//! section with that address (`ia_core::share`); residents' Wasm draws no QR
//! code.

use ia_core::share::qr_page_link;
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Texts;

/// The confirmation after "Link kopieren" (or the hint to copy the selected
/// link by hand), shown and announced with the result count. Provided by the
/// finder; cleared when the view changes.
#[derive(Clone, Copy)]
pub struct ShareNote(pub RwSignal<Option<(Shared, &'static str)>>);

/// What a share button shares.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// The finder's current view (filters, place, "near").
    View,
    /// An agency (its static page).
    Agency,
}

/// A share button and the QR-code link. `link` gives the address to share,
/// relative to the document's base or absolute; `title` goes with it to the
/// share sheet.
#[component]
pub fn Share(
    what: Shared,
    #[prop(into)] link: Callback<(), String>,
    title: String,
) -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let note = use_context::<ShareNote>().expect("ShareNote is provided by Finder");
    let can_share = share_function().is_some();
    let label = if can_share {
        texts.share_agency
    } else {
        texts.copy_link
    };
    // Beside the result count the labels are short, and the group says what
    // they share.
    let (group, qr_label) = match what {
        Shared::View => (Some(texts.share_view), texts.qr_short),
        Shared::Agency => (None, texts.qr_for_print),
    };
    // The link to copy by hand, where the clipboard was refused.
    let manual = RwSignal::new(None::<String>);
    let field = NodeRef::<Input>::new();
    Effect::new(move |_| {
        if let (Some(url), Some(field)) = (manual.get(), field.get()) {
            // Its value first: the field may not have it yet when this runs.
            field.set_value(&url);
            let _ = field.focus();
            field.select();
        }
    });
    let title = StoredValue::new(title);
    let on_click = move |_| {
        let url = absolute(&link.run(()));
        let title = title.get_value();
        leptos::task::spawn_local(async move {
            note.0.set(None);
            match share(&url, &title).await {
                Some(Ok(())) => return,
                // Cancelled by the user: nothing to say.
                Some(Err(error)) if error_name(&error) == "AbortError" => return,
                // No share sheet, or it failed: copy instead.
                Some(Err(_)) | None => {}
            }
            if copy_text(&url).await {
                manual.set(None);
                note.0.set(Some((what, texts.link_copied)));
            } else {
                manual.set(Some(url));
                note.0.set(Some((what, texts.copy_link_manually)));
            }
        });
    };
    let qr = move || qr_page_link(&absolute(&link.run(())));
    let testid = match what {
        Shared::View => "share-view",
        Shared::Agency => "share-agency",
    };
    view! {
        <div class="share" role=group.map(|_| "group") aria-label=group data-testid=testid>
            <button type="button" class="link-button share__button" on:click=on_click>{label}</button>
            <a class="share__qr" href=qr target="_blank" rel="noopener noreferrer">{qr_label}</a>
            // Beside the button for the eye; the result count's live region says it.
            {move || note.0.get().filter(|(of, _)| *of == what).map(|(_, note)| view! { <span class="share__note" aria-hidden="true">{note}</span> })}
            {move || manual.get().map(|url| {
                let id = format!("{testid}-link");
                view! {
                    <p class="share__manual">
                        <label for=id.clone()>{texts.share_link_label}</label>
                        " "
                        <input id=id type="url" readonly node_ref=field prop:value=url/>
                    </p>
                }
            })}
        </div>
    }
}

crate::lazy_fn! { share, load_share;
    /// Under the list: "Teilen" for the view with its QR link, and the
    /// downloads; the part `Part::Share`.
    pub(crate) fn list_tools(title: &'static str) -> AnyView {
        let state = use_context::<crate::state::FinderState>().expect("FinderState is provided by Finder");
        view! {
            <Share what=Shared::View link=Callback::new(move |()| state.full_view_url()) title=title.to_owned()/>
            <super::Downloads/>
        }
        .into_any()
    }
}

/// `link` resolved against the document's base (`<base>`, else the page's address).
fn absolute(link: &str) -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    base.and_then(|base| web_sys::Url::new_with_base(link, &base).ok())
        .map(|url| url.href())
        .unwrap_or_else(|| link.to_owned())
}

/// `navigator` and its `share` function, where the browser has one.
fn share_function() -> Option<(JsValue, js_sys::Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let share = js_sys::Reflect::get(&navigator, &"share".into()).ok()?;
    Some((navigator, share.dyn_into().ok()?))
}

/// Opens the share sheet with `url`; `None` where there is none.
async fn share(url: &str, title: &str) -> Option<Result<(), JsValue>> {
    let (navigator, share) = share_function()?;
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let promise = match share.call1(&navigator, &data) {
        Ok(promise) => promise.dyn_into::<js_sys::Promise>().ok()?,
        Err(error) => return Some(Err(error)),
    };
    Some(JsFuture::from(promise).await.map(|_| ()))
}

/// The `name` of a thrown DOMException ("AbortError" …).
fn error_name(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default()
}

/// Writes `text` to the clipboard; false where the browser has no clipboard
/// or refuses it (no permission, not a secure context).
pub async fn copy_text(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| JsValue::from(w.navigator())) else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| c.is_object());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = write
        .and_then(|write| write.call1(&clipboard, &text.into()).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    JsFuture::from(promise).await.is_ok()
}

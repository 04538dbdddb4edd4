//! Parts of the finder loaded when first used (issue 28).
//!
//! The release build splits the finder's Wasm (`scripts/split-wasm.mjs`):
//! every function declared with [`lazy_fn!`] goes, with the code only it
//! reaches, into a Wasm file of its own, fetched the first time it is
//! called. The machinery is Leptos' `leptos::wasm_split` (the
//! `wasm_split_helpers` crate behind `#[lazy]`) with its `fallible` option:
//! a part that cannot be fetched (offline before it was ever used, a server
//! error) is an `Err` here and a message with "Erneut versuchen" on screen,
//! where `#[lazy]` itself would panic and stop the whole app.
//!
//! Without the `split` feature (the component tests, `cargo check`) the same
//! functions are plain `async fn`s that are always ready.
//!
//! Each part has one lazily loaded function, so that [`Parts::load`] can wait
//! for exactly the loader that function uses, and after that the function
//! returns in the same task ([`now`]): views are built synchronously, inside
//! the component that shows them.

mod preload;

use std::future::Future;

use futures::FutureExt;
use leptos::prelude::*;

use crate::i18n::Texts;

/// A part failed to load (its file could not be fetched or compiled).
#[derive(Debug, Clone, Copy)]
pub struct NotLoaded;

impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Declares a function of the lazily loaded part `$part`, with `$preload`
/// the function that only loads it. The function returns
/// `Result<$ret, NotLoaded>` and is `async`: in the split build it first
/// fetches its part (once; a failure is retried on the next call).
#[macro_export]
macro_rules! lazy_fn {
    ($part:ident, $preload:ident; $(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, preload($preload), fallible)]
        $(#[$attr])*
        $vis fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::parts::NotLoaded> {
            ::core::result::Result::Ok($body)
        }

        #[cfg(not(feature = "split"))]
        $(#[$attr])*
        $vis async fn $name($($arg: $ty),*) -> ::core::result::Result<$ret, $crate::parts::NotLoaded> {
            ::core::result::Result::Ok($body)
        }

        /// Loads the part (nothing to load without the `split` feature).
        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        $vis async fn $preload() -> ::core::result::Result<(), ::leptos::wasm_split::SplitLoaderError> {
            ::core::result::Result::Ok(())
        }
    };
}

/// The result of a lazily loaded function whose part is already loaded,
/// at once; `None` while it is not (or when loading failed).
pub fn now<T>(call: impl Future<Output = Result<T, NotLoaded>>) -> Option<T> {
    call.now_or_never().and_then(Result::ok)
}

/// The parts, each named after what it holds. The names are the Wasm files'
/// (`ia-map-<part>-<hash>.wasm`), the size report's and docs/size.md's.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    /// The folded filters ("Filter (n)"): free text, place picker, offers,
    /// associations.
    Filters,
    /// Leaflet's side of the map (`src/map`): on phones when "Karte" is
    /// chosen; on wide screens and in embeds at start.
    Map,
    /// The detail of an agency (`ui::detail`), when one is first opened.
    Detail,
    /// Under the list: "Teilen", the QR link and the downloads (`ui::share`,
    /// `ui::download`), when the end of the list first comes into view.
    Share,
}

impl Part {
    pub const ALL: [Part; 4] = [Part::Filters, Part::Map, Part::Detail, Part::Share];

    fn index(self) -> usize {
        self as usize
    }

    /// What is loading, for the announced wait.
    fn what(self, texts: &'static Texts) -> &'static str {
        match self {
            Part::Filters => texts.filters_toggle,
            Part::Map => texts.view_map,
            Part::Detail => texts.agency_details,
            Part::Share => texts.share_view,
        }
    }
}

/// Where a part is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    /// Not asked for yet.
    Idle,
    Loading,
    Ready,
    Failed,
}

/// The parts' loading states, provided by the finder as context.
#[derive(Clone, Copy)]
pub struct Parts {
    status: [RwSignal<Status>; Part::ALL.len()],
}

impl Default for Parts {
    fn default() -> Self {
        Self::new()
    }
}

impl Parts {
    pub fn new() -> Self {
        Parts {
            status: Part::ALL.map(|_| RwSignal::new(Status::Idle)),
        }
    }

    pub fn status(&self, part: Part) -> Status {
        self.status[part.index()].get()
    }

    /// Whether `part` is there (tracked).
    pub fn ready(&self, part: Part) -> bool {
        self.status(part) == Status::Ready
    }

    /// Starts loading `part` unless it is there or on its way (again after a
    /// failure).
    pub fn load(&self, part: Part) {
        let status = self.status[part.index()];
        if matches!(status.get_untracked(), Status::Ready | Status::Loading) {
            return;
        }
        let load = preload::preload(part);
        // Already there (a second finder, the unsplit build): no wait at all.
        let mut load = load;
        if let Some(done) = (&mut load).now_or_never() {
            status.set(if done.is_ok() {
                Status::Ready
            } else {
                Status::Failed
            });
            return;
        }
        status.set(Status::Loading);
        leptos::task::spawn_local(async move {
            let done = load.await;
            if let Err(NotLoaded) = done {
                leptos::logging::warn!("part {part:?} could not be loaded");
            }
            status.try_set(if done.is_ok() {
                Status::Ready
            } else {
                Status::Failed
            });
        });
    }
}

/// The finder's one live region for parts on their way: "Filter: wird
/// geladen …", or that a part could not be loaded. Always in the page, so
/// that screen readers hear what is put into it.
#[component]
pub fn PartStatus() -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let parts = use_context::<Parts>().expect("Parts are provided by App");
    let message = move || {
        Part::ALL
            .iter()
            .find_map(|&part| match parts.status(part) {
                Status::Loading => Some(texts.part_loading(part.what(texts))),
                Status::Failed => Some(texts.part_failed(part.what(texts))),
                Status::Idle | Status::Ready => None,
            })
            .unwrap_or_default()
    };
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="part-status">{message}</p>
    }
}

/// In the place of a part that is not there yet: a visible wait, or why it
/// is missing with "Erneut versuchen" (the live region says the same).
#[component]
pub fn PartWait(part: Part) -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let parts = use_context::<Parts>().expect("Parts are provided by App");
    move || {
        match parts.status(part) {
        Status::Failed => view! {
            <p class="part-wait part-wait--failed" data-testid="part-failed">
                <span aria-hidden="true">{texts.part_failed(part.what(texts))}</span>
                " "
                <button type="button" class="link-button" on:click=move |_| parts.load(part)>{texts.retry}</button>
            </p>
        }
        .into_any(),
        Status::Ready => ().into_any(),
        Status::Idle | Status::Loading => view! {
            <p class="part-wait" aria-hidden="true" data-testid="part-wait">
                <span class="spinner"></span>
                {texts.part_loading(part.what(texts))}
            </p>
        }
        .into_any(),
    }
    }
}

/// Shows what `view` builds from `part` once it is there, and [`PartWait`]
/// until then; starts loading it when first shown.
pub fn on_demand<V: IntoView + 'static>(
    part: Part,
    view: impl Fn() -> Option<V> + Send + Sync + 'static,
) -> impl IntoView {
    let parts = use_context::<Parts>().expect("Parts are provided by App");
    parts.load(part);
    move || {
        if parts.ready(part) {
            if let Some(view) = untrack(&view) {
                return view.into_any();
            }
        }
        view! { <PartWait part/> }.into_any()
    }
}

/// Like [`on_demand`], but loads `part` only when its place first comes into
/// view (the browser's `IntersectionObserver`; at once where there is none).
pub fn when_seen<V: IntoView + 'static>(
    part: Part,
    view: impl Fn() -> Option<V> + Send + Sync + 'static,
) -> impl IntoView {
    let parts = use_context::<Parts>().expect("Parts are provided by App");
    let spot = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(spot) = spot.get() {
            on_first_sight(&spot, move || parts.load(part));
        }
    });
    view! {
        <div node_ref=spot class="part-spot">
            {move || {
                if parts.ready(part) {
                    if let Some(view) = untrack(&view) {
                        return view.into_any();
                    }
                }
                match parts.status(part) {
                    Status::Idle => ().into_any(),
                    _ => view! { <PartWait part/> }.into_any(),
                }
            }}
        </div>
    }
}

/// Calls `seen` once, when `element` first comes within a screen's height
/// of the viewport.
fn on_first_sight(element: &web_sys::Element, seen: impl FnOnce() + 'static) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let constructor = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"IntersectionObserver".into()).ok())
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok());
    let Some(constructor) = constructor else {
        seen();
        return;
    };
    let mut seen = Some(seen);
    let callback = Closure::<dyn FnMut(js_sys::Array, JsValue)>::new(
        move |entries: js_sys::Array, observer: JsValue| {
            let intersecting = entries.iter().any(|entry| {
                js_sys::Reflect::get(&entry, &"isIntersecting".into())
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false)
            });
            if intersecting {
                if let Some(seen) = seen.take() {
                    seen();
                }
                if let Some(disconnect) = method(&observer, "disconnect") {
                    let _ = disconnect.call0(&observer);
                }
            }
        },
    );
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"rootMargin".into(), &"100% 0px".into());
    let args = js_sys::Array::of2(callback.as_ref(), &options);
    let observer = js_sys::Reflect::construct(&constructor, &args);
    callback.forget();
    if let Some((observer, observe)) = observer
        .ok()
        .and_then(|observer| method(&observer, "observe").map(|f| (observer, f)))
    {
        let _ = observe.call1(&observer, element);
    }
}

/// The function `name` of a JavaScript object.
fn method(object: &wasm_bindgen::JsValue, name: &str) -> Option<js_sys::Function> {
    use wasm_bindgen::JsCast;
    js_sys::Reflect::get(object, &name.into())
        .ok()?
        .dyn_into()
        .ok()
}

//! The running app takes the page over from the prerendered first view.
//!
//! The release build writes the finder's default view into `index.html`
//! (`crate::prerender`, run by `scripts/build.sh`), so a resident sees the
//! agencies before the Wasm has arrived. The app mounts into a hidden
//! `<div id="app">` beside it and, once its finder (or the reason it could not
//! load) is rendered, swaps the two in one task: no frame shows both or
//! neither, so nothing on screen jumps. The scroll positions (the page's, and
//! the sidebar's in the wide layout) are carried over, and the prerendered
//! static map moves into the live map's place until Leaflet draws there.
//!
//! The finder is built in parts, one task each, so that no single long task
//! holds the page while it starts (issue 28): the app's frame
//! (`crate::start`); the dataset read into the catalog; the controls, the
//! result count and the first [`FIRST_SLICE`] list entries; then the list a
//! [`SLICE`] per task ([`Startup::list_cap`]). Building everything in one
//! task was the one long task of the start (Lighthouse's total blocking time
//! 290–600 ms on its simulated phone).
//!
//! When the prerendered list on screen names the same agencies in the same
//! order as the app's (the default view of the dataset being served), the
//! app takes over right after the controls are built ([`Startup::early`]):
//! the prerendered entries it has not built yet move into its list as they
//! are (`data-prerendered`) and give way, a slice per task, to the app's own
//! ([`drop_adopted`]). Controls work, and the map is drawn (after the swap,
//! [`Startup::shown`]: Leaflet needs a container on screen), while the rest
//! of the list is built. Otherwise (another language, filters in the
//! address, a dataset newer than the prerendered view) the list is built
//! hidden, and the swap waits for all of it.
//!
//! Contract with `public/gate.js`, `public/boot.js` and `style/app.css`: the
//! page's `<html>` gets `data-app="ready"` here (`"failed"` from boot.js or
//! the panic hook), and loses the `pending` class that kept the prerendered
//! view hidden where it would not match the address (another language, an
//! embed, a filtered view).

use std::cell::RefCell;
use std::collections::VecDeque;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the element the app is mounted into.
pub const APP_ROOT: &str = "app";
/// The id of the prerendered view the build wrote into `index.html`.
pub const PRERENDERED: &str = "prerendered";

/// Creates the app's root element at the end of `<body>`: hidden while a
/// prerendered view is on screen, shown at once otherwise (a development
/// build, or a page without it).
pub fn app_root() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let root = document.create_element("div").ok()?;
    root.set_id(APP_ROOT);
    if document.get_element_by_id(PRERENDERED).is_some() {
        let _ = root.set_attribute("hidden", "");
    } else if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    document.body()?.append_child(&root).ok()?;
    root.dyn_into().ok()
}

/// Entries of the prerendered list kept in the app's list until the app has
/// built its own ([`Startup::early`]).
const ADOPTED: &str = "li[data-prerendered]";

/// Replaces the prerendered view with the app (once; later calls do
/// nothing). With `adopt_list`, the prerendered list entries the app has not
/// built yet move into its list (see the module's doc).
pub fn take_over(adopt_list: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id(APP_ROOT) else {
        return;
    };
    if let Some(prerendered) = document.get_element_by_id(PRERENDERED) {
        let window_scroll = web_sys::window().and_then(|w| w.scroll_y().ok());
        let sidebar_scroll = prerendered
            .query_selector(".sidebar")
            .ok()
            .flatten()
            .map(|sidebar| sidebar.scroll_top());
        // The static map stays on screen until Leaflet has drawn (see `map`).
        if let (Some(picture), Some(map)) = (
            prerendered
                .query_selector(".static-map-wrap")
                .ok()
                .flatten(),
            root.query_selector(".map").ok().flatten(),
        ) {
            let _ = map.append_child(&picture);
        }
        if adopt_list {
            adopt_rest_of_list(&prerendered, &root);
        }
        prerendered.remove();
        let _ = root.remove_attribute("hidden");
        if let (Some(top), Some(sidebar)) = (
            sidebar_scroll.filter(|top| *top > 0),
            root.query_selector(".sidebar").ok().flatten(),
        ) {
            sidebar.set_scroll_top(top);
        }
        if let (Some(y), Some(window)) = (window_scroll.filter(|y| *y > 0.0), web_sys::window()) {
            window.scroll_to_with_x_and_y(0.0, y);
        }
    } else {
        let _ = root.remove_attribute("hidden");
    }
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    if let Some(html) = document.document_element() {
        let _ = html.class_list().remove_1("pending");
        let _ = html.set_attribute("data-app", "ready");
    }
}

/// Moves the entries of the prerendered list beyond those the app's list
/// has into it, after them, marked `data-prerendered`.
fn adopt_rest_of_list(prerendered: &web_sys::Element, root: &web_sys::Element) {
    let (Ok(Some(from)), Ok(Some(to))) = (
        prerendered.query_selector("#results"),
        root.query_selector("#results"),
    ) else {
        return;
    };
    let built = to.child_element_count();
    let rest: Vec<web_sys::Element> = (built..from.child_element_count())
        .filter_map(|index| from.children().item(index))
        .collect();
    for item in rest {
        let _ = item.set_attribute("data-prerendered", "");
        let _ = to.append_child(&item);
    }
}

/// Whether the prerendered list is on screen and lists the agencies `ids`
/// (by `agency-<id>`) in this order: then the app may take it over before
/// its own list is complete.
pub fn prerendered_list_is(ids: &[String]) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let hidden = document
        .document_element()
        .is_some_and(|html| html.class_list().contains("pending"));
    let Ok(Some(list)) = document.query_selector("#prerendered #results") else {
        return false;
    };
    let items = list.children();
    !hidden
        && items.length() as usize == ids.len()
        && ids.iter().enumerate().all(|(index, id)| {
            items
                .item(index as u32)
                .is_some_and(|item| item.id().strip_prefix("agency-") == Some(id.as_str()))
        })
}

/// Removes the first `count` prerendered entries kept in `list` (all of
/// them with `None`), before the app's own take their place.
pub fn drop_adopted(list: &web_sys::Element, count: Option<usize>) {
    let Ok(adopted) = list.query_selector_all(ADOPTED) else {
        return;
    };
    let count = count.map_or(adopted.length(), |count| count as u32);
    for index in 0..count.min(adopted.length()) {
        if let Some(item) = adopted
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        {
            item.remove();
        }
    }
}

/// Removes the static map from the live map's container once Leaflet has
/// drawn there.
pub fn drop_static_map(container: &web_sys::Element) {
    if let Ok(Some(picture)) = container.query_selector(".static-map-wrap") {
        picture.remove();
    }
}

/// List entries built per task while the app starts, after the first
/// [`FIRST_SLICE`] (built with the controls): 25 entries took 5–7 ms of
/// main-thread time on the benchmark machine, so about 25 ms on Lighthouse's
/// simulated phone (4x slower), well under the 50 ms of a long task.
pub const SLICE: usize = 25;

/// List entries built with the controls: fewer, since that task is the
/// longest of the start.
pub const FIRST_SLICE: usize = 8;

/// The start's progress, provided by the app's root as context. Without it
/// (the build-time rendering, component tests) everything is built at once
/// and counts as shown.
#[derive(Clone, Copy)]
pub struct Startup {
    /// The app has taken the page over (or there was nothing to take over).
    pub shown: RwSignal<bool>,
    /// The app's list may replace the prerendered one before it is
    /// complete (see the module's doc): the swap need not wait.
    pub early: RwSignal<bool>,
    /// Parts still being built; the swap waits for none (unless `early`).
    building: RwSignal<usize>,
}

impl Startup {
    pub fn new() -> Startup {
        Startup {
            shown: RwSignal::new(false),
            early: RwSignal::new(false),
            building: RwSignal::new(0),
        }
    }

    /// Whether nothing is being built any more (tracked).
    pub fn built(&self) -> bool {
        self.building.get() == 0
    }

    /// How many of a list's `total` entries to build: all of them once the
    /// app is shown; before that [`FIRST_SLICE`], then [`SLICE`] more per
    /// task, until all are there (the swap waits for that).
    pub fn list_cap(total: usize) -> RwSignal<usize> {
        let startup = use_context::<Startup>().filter(|s| !s.shown.get_untracked());
        match startup {
            Some(startup) if total > FIRST_SLICE => {
                let cap = RwSignal::new(FIRST_SLICE);
                startup.building.update(|n| *n += 1);
                startup.grow_later(cap, total);
                cap
            }
            _ => RwSignal::new(total),
        }
    }

    fn grow_later(self, cap: RwSignal<usize>, total: usize) {
        in_own_task(Box::new(move || self.grow(cap, total)));
    }

    /// One more slice; the last one ends this part. A list that is gone
    /// (another view) ends it too.
    fn grow(self, cap: RwSignal<usize>, total: usize) {
        if let Some(now) = cap.try_get_untracked() {
            let next = (now + SLICE).min(total);
            cap.set(next);
            if next < total {
                return self.grow_later(cap, total);
            }
        }
        self.building.update(|n| *n = n.saturating_sub(1));
    }
}

impl Default for Startup {
    fn default() -> Self {
        Startup::new()
    }
}

/// Resolves in a task of its own (see [`in_own_task`]): what comes after an
/// `.await` of it runs after the browser could paint and handle input.
pub async fn next_task() {
    let (done, wait) = futures::channel::oneshot::channel::<()>();
    in_own_task(Box::new(move || {
        let _ = done.send(());
    }));
    let _ = wait.await;
}

/// A step of work for [`in_own_task`].
pub type Job = Box<dyn FnOnce()>;

thread_local! {
    /// The channel's sending port and the jobs waiting for their message.
    static QUEUE: RefCell<Option<(web_sys::MessagePort, VecDeque<Job>)>> =
        const { RefCell::new(None) };
}

/// Runs `work` in a task of its own, behind the tasks already waiting (a
/// message the page sends itself: unlike a zero timeout, the browser never
/// delays it to 4 ms when such tasks follow one another).
pub fn in_own_task(work: Job) {
    let port = QUEUE.with(|queue| {
        let mut queue = queue.borrow_mut();
        if queue.is_none() {
            *queue = own_channel().map(|port| (port, VecDeque::new()));
        }
        queue.as_ref().map(|(port, _)| port.clone())
    });
    let Some(port) = port else {
        return set_timeout(work, std::time::Duration::ZERO);
    };
    QUEUE.with(|queue| {
        if let Some((_, jobs)) = queue.borrow_mut().as_mut() {
            jobs.push_back(work);
        }
    });
    let _ = port.post_message(&JsValue::NULL);
}

/// A channel whose receiving end runs the next waiting job per message; it
/// lives as long as the page. Returns the sending port.
fn own_channel() -> Option<web_sys::MessagePort> {
    let channel = web_sys::MessageChannel::new().ok()?;
    let run = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {
        let next = QUEUE.with(|queue| {
            queue
                .borrow_mut()
                .as_mut()
                .and_then(|(_, jobs)| jobs.pop_front())
        });
        if let Some(job) = next {
            job();
        }
    });
    channel
        .port1()
        .set_onmessage(Some(run.as_ref().unchecked_ref()));
    run.forget();
    Some(channel.port2())
}

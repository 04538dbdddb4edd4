//! Keeping the finder state and the address in step.
//!
//! Inside the app, `current` is the source of truth: a change is applied to
//! it at once (the list and the map update in the same task) and written to
//! the URL right after, in a following task. Writing the URL costs about
//! 3 ms per change in Chromium (`history.replaceState`), which this keeps
//! out of the input → result latency, and several changes in one task are
//! written once. Changes that come from the URL (Back, Forward, a link) are
//! copied into `current`.
//!
//! Filter and map changes replace the history entry (so they don't flood the
//! Back button, also in iframes whose history is shared with the host page);
//! opening an agency pushes one (so Back closes it). This is the only code
//! that navigates.

use std::sync::Arc;

use ia_core::query::UrlState;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::browser::in_next_task;
use crate::params::PageParams;

/// How a change goes into the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// Replaces the current entry: filters, "near me", map moves.
    Replace,
    /// A new entry: opening an agency, so that Back closes it.
    Push,
}

impl History {
    /// The mode for two changes written at once: a new entry if either needs one.
    fn and(self, other: History) -> History {
        if self == History::Push || other == History::Push {
            History::Push
        } else {
            History::Replace
        }
    }
}

/// The router's navigate function, shareable.
type Navigate = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// The finder state's link to the address bar.
#[derive(Clone, Copy)]
pub(super) struct UrlSync {
    /// The finder state (see the module documentation).
    pub(super) current: RwSignal<UrlState>,
    page: &'static PageParams,
    /// The page's path (the app only ever changes the query).
    path: StoredValue<String>,
    navigate: StoredValue<Navigate>,
    /// A write is scheduled, in this mode.
    pending: StoredValue<Option<History>>,
}

impl UrlSync {
    /// Starts from the page's parameters and follows the URL when Back,
    /// Forward or a link change it. Must run inside the `<Router>`.
    pub(super) fn new(
        page: &'static PageParams,
        place_slug: impl Fn(&str) -> Option<ia_core::PlaceFilter> + Send + Sync + 'static,
    ) -> UrlSync {
        let location = use_location();
        let search = location.search;
        // `place=koeln` (a readable place name, issue 20) needs the dataset,
        // so it is read here rather than with the other page parameters.
        let in_url = Memo::new(move |_| {
            search.with(|search| crate::params::finder_from_search(search, &place_slug))
        });
        // The page's state as read at start; a readable place name in it is
        // applied by the effect below on its first run (in the browser; the
        // build-time rendering has no address to read).
        let current = RwSignal::new(page.finder.clone());
        // Our own writes arrive here equal to `current`, and are ignored.
        Effect::new(move |_| {
            let from_url = in_url.get();
            if current.with_untracked(|state| *state != from_url) {
                current.set(from_url);
            }
        });
        UrlSync {
            current,
            page,
            path: StoredValue::new(location.pathname.get_untracked()),
            navigate: StoredValue::new(Arc::new(use_navigate())),
            pending: StoredValue::new(None),
        }
    }

    /// Makes `state` current and schedules writing it to the URL.
    pub(super) fn go(&self, state: UrlState, history: History) {
        self.current.set(state);
        let scheduled = self.pending.get_value();
        self.pending
            .set_value(Some(scheduled.map_or(history, |mode| mode.and(history))));
        if scheduled.is_none() {
            let this = *self;
            in_next_task(move || this.write());
        }
    }

    /// Writes `current` to the URL, keeping the page's other parameters.
    fn write(&self) {
        let Some(history) = self.pending.try_update_value(Option::take).flatten() else {
            return;
        };
        let Some(url) = self.current.try_with_untracked(|state| {
            self.path.with_value(|path| self.page.address(path, state))
        }) else {
            return; // The finder is gone.
        };
        let options = NavigateOptions {
            resolve: false,
            replace: history == History::Replace,
            scroll: false,
            ..Default::default()
        };
        self.navigate.with_value(|navigate| navigate(&url, options));
    }

    /// The address of the full finder (not embedded) showing the current state.
    pub(super) fn full_view_url(&self) -> String {
        let full = self.page.without_embedding();
        self.current
            .with(|state| self.path.with_value(|path| full.address(path, state)))
    }
}

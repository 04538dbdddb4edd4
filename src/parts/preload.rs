//! Which function loads each part. The parts' modules use the machinery in
//! `parts.rs`; this table is the one place that names them, so the machinery
//! imports none of its users. A new part is a variant of [`Part`] and a line
//! here.

use std::future::Future;
use std::pin::Pin;

use super::{NotLoaded, Part};

/// Fetches `part`: the preload function its [`lazy_fn!`](crate::lazy_fn) declared.
pub(super) fn preload(part: Part) -> Pin<Box<dyn Future<Output = Result<(), NotLoaded>>>> {
    let load = match part {
        Part::Filters => {
            Box::pin(crate::ui::filters::load_fields()) as Pin<Box<dyn Future<Output = _>>>
        }
        Part::Map => Box::pin(crate::map::load_map()),
        Part::Detail => Box::pin(crate::ui::detail::load_detail()),
        Part::Share => Box::pin(crate::ui::share::load_share()),
    };
    Box::pin(async move { load.await.map_err(NotLoaded::from) })
}

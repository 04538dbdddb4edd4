//! The page's parameters ([`PageParams`]: the finder state it opens with, the
//! embed options, the language asked for, the rest kept), read from the
//! address once at start ([`crate::start`]) and provided to every component
//! as context by [`crate::app::App`], with the texts.

pub use ia_core::params::PageParams;

/// The parameters of the page's address.
pub fn from_location() -> PageParams {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    from_search(&search)
}

/// The parameters of a query string (with or without its `?`), decoded by
/// the browser (`URLSearchParams`): no URL decoder of our own in the Wasm.
/// Every reading of the address goes through here: at start, and when Back,
/// Forward or a link change it (`crate::state`).
pub fn from_search(search: &str) -> PageParams {
    let pairs = decoded_pairs(search);
    PageParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// The finder state of a query string, also reading a readable place name
/// (`place=koeln`) with `place_slug` once the dataset is there
/// ([`ia_core::pages::resolve_place_slug`]); what the app writes stays the code.
pub fn finder_from_search(
    search: &str,
    place_slug: impl Fn(&str) -> Option<ia_core::PlaceFilter>,
) -> ia_core::UrlState {
    let pairs = decoded_pairs(search);
    ia_core::UrlState::from_pairs_with_places(
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        place_slug,
    )
}

/// The page's `lang` parameter alone (its first value, as
/// [`PageParams::lang`]): all the embed-code generator's page reads, which
/// has no finder state and so does not link the finder's parsers.
pub fn lang_from_location() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(ia_core::params::LANG_PARAM)
}

/// Every `(name, value)` of a query string, decoded, in order.
fn decoded_pairs(search: &str) -> Vec<(String, String)> {
    use wasm_bindgen::JsCast;
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
        return Vec::new();
    };
    let Ok(Some(entries)) = js_sys::try_iter(&params) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Keeps parameters for the rest of the page's life (they never change).
pub fn keep(params: PageParams) -> &'static PageParams {
    Box::leak(Box::new(params))
}

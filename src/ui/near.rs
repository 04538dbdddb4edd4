//! "Near me": where distances are measured from (a postcode, a place, or the
//! user's location turned into its postcode) and the radius.
//!
//! The browser's location never leaves the browser and never goes into the
//! URL: it is matched to the nearest postcode in the place index, and that
//! postcode is what the URL (and so a shared link) holds.

use ia_core::nearby::{Found, RADII_KM};
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::combobox::{ComboOption, ComboTexts, Combobox};
use crate::i18n::Texts;
use crate::state::place_index::{near_op, origin_of, NearAnswer, NearOp};
use crate::state::{FinderState, PlacesStatus};

/// Suggestions go to the combobox as one number: postcodes even, places odd.
fn encode(found: Found) -> usize {
    match found {
        Found::Postcode(position) => position * 2,
        Found::Place(position) => position * 2 + 1,
    }
}

fn decode(key: usize) -> Found {
    if key.is_multiple_of(2) {
        Found::Postcode(key / 2)
    } else {
        Found::Place(key / 2)
    }
}

/// How many suggestions the list shows.
const MAX_SUGGESTIONS: usize = 8;

#[component]
pub fn NearSearch() -> impl IntoView {
    let state = use_context::<FinderState>().expect("FinderState is provided by Finder");
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let input = NodeRef::<Input>::new();
    // Set while the browser is asked for the location, then until the
    // place index is there to turn it into a postcode.
    let located = RwSignal::new(None::<(f64, f64)>);
    let locating = RwSignal::new(false);
    let geo_message = RwSignal::new(None::<&'static str>);

    let value = Signal::derive(move || {
        state
            .origin
            .with(|origin| origin.as_ref().map(|o| o.label.clone()))
            .or_else(|| state.url.with(|url| url.near.clone()))
            .unwrap_or_default()
    });
    let suggest = Callback::new(move |query: String| {
        let index = state.places.with(|status| match status {
            PlacesStatus::Ready(index) => Some(index.clone()),
            _ => None,
        });
        let Some(NearAnswer::Suggestions(found)) =
            index.and_then(|index| near_op(NearOp::Suggest(index, query, MAX_SUGGESTIONS)))
        else {
            return Vec::new();
        };
        found
            .into_iter()
            .map(|(found, name, detail)| {
                let (label, note) = match found {
                    Found::Postcode(_) => (format!("{name} {detail}"), String::new()),
                    Found::Place(_) => (name, format!(" · {detail}")),
                };
                ComboOption {
                    key: encode(found),
                    label,
                    note,
                    enabled: true,
                    selected: false,
                }
            })
            .collect()
    });
    let on_choose = Callback::new(move |key: Option<usize>| {
        geo_message.set(None);
        let near = key.and_then(|key| {
            let index = state.places.with_untracked(|status| match status {
                PlacesStatus::Ready(index) => Some(index.clone()),
                _ => None,
            })?;
            origin_of(near_op(NearOp::Origin(index, decode(key)))).map(|o| o.key)
        });
        state.set_near(near);
    });
    let busy_note = Signal::derive(move || {
        state.places.with(|status| match status {
            PlacesStatus::NotLoaded | PlacesStatus::Loading => {
                Some(texts.places_loading.to_owned())
            }
            PlacesStatus::Failed(_) => Some(texts.places_failed.to_owned()),
            PlacesStatus::Ready(_) => None,
        })
    });

    // A location waits for the place index, then becomes its postcode.
    Effect::new(move |_| {
        let Some((lat, lon)) = located.get() else {
            return;
        };
        let origin = state.places.with(|status| match status {
            PlacesStatus::Ready(index) => {
                Some(origin_of(near_op(NearOp::Nearest(index.clone(), lat, lon))))
            }
            _ => None,
        });
        match origin {
            None => {}
            Some(Some(origin)) => {
                located.set(None);
                locating.set(false);
                state.set_near(Some(origin.key));
            }
            Some(None) => {
                located.set(None);
                locating.set(false);
                geo_message.set(Some(texts.location_unavailable));
            }
        }
    });
    let fail = move |message: &'static str| {
        locating.set(false);
        geo_message.set(Some(message));
        if let Some(input) = input.get_untracked() {
            let _ = input.focus();
        }
    };
    let locate = move |_| {
        geo_message.set(None);
        state.load_places();
        let geolocation = web_sys::window().and_then(|w| w.navigator().geolocation().ok());
        let Some(geolocation) = geolocation else {
            return fail(texts.location_unavailable);
        };
        locating.set(true);
        let on_success = Closure::once_into_js(move |position: JsValue| {
            let coordinate = |name: &str| {
                js_sys::Reflect::get(&position, &"coords".into())
                    .and_then(|coords| js_sys::Reflect::get(&coords, &name.into()))
                    .ok()
                    .and_then(|value| value.as_f64())
            };
            match (coordinate("latitude"), coordinate("longitude")) {
                (Some(lat), Some(lon)) => located.set(Some((lat, lon))),
                _ => fail(texts.location_unavailable),
            }
        });
        let on_error = Closure::once_into_js(move |error: JsValue| {
            let code = js_sys::Reflect::get(&error, &"code".into())
                .ok()
                .and_then(|code| code.as_f64());
            // 1 = PERMISSION_DENIED (also in frames without permission).
            fail(if code == Some(1.0) {
                texts.location_denied
            } else {
                texts.location_unavailable
            });
        });
        let options = web_sys::PositionOptions::new();
        options.set_timeout(15_000);
        options.set_maximum_age(600_000);
        if geolocation
            .get_current_position_with_error_callback_and_options(
                on_success.unchecked_ref(),
                Some(on_error.unchecked_ref()),
                &options,
            )
            .is_err()
        {
            fail(texts.location_unavailable);
        }
    };

    let has_origin = move || state.origin.with(Option::is_some);
    view! {
        <div class="near">
            <Combobox
                texts=ComboTexts {
                    id: "filter-near",
                    label: texts.near_label,
                    placeholder: texts.near_placeholder,
                    clear: texts.near_clear,
                    no_match: texts.near_no_match,
                    n_suggestions: Callback::new(move |n| texts.n_places(n)),
                }
                value
                suggest
                on_choose
                on_open=Callback::new(move |()| state.load_places())
                busy_note
                hint=texts.near_hint
                input_ref=input
            />
            <div class="near__row">
                <button type="button" class="link-button near__locate" on:click=locate disabled=move || locating.get()>
                    {move || if locating.get() { texts.locating } else { texts.use_location }}
                </button>
                <Show when=has_origin>
                    <label class="near__radius">
                        {texts.radius_label} " "
                        <select
                            id="filter-radius"
                            prop:value=move || state.url.with(|url| url.radius_km.map(|r| r.to_string()).unwrap_or_default())
                            on:change=move |event| {
                                let radius = event_target_value(&event).parse::<u16>().ok();
                                state.set_radius(radius.filter(|r| RADII_KM.contains(r)));
                            }
                        >
                            <option value="">{texts.radius_all}</option>
                            {RADII_KM.iter().map(|&r| view! { <option value=r.to_string()>{texts.radius_km(r)}</option> }).collect_view()}
                        </select>
                    </label>
                </Show>
            </div>
            <p class="near__message" role="status" aria-live="polite">{move || geo_message.get()}</p>
        </div>
    }
}

//! The place picker: a type-ahead combobox over the municipalities and Kreise
//! that have agencies (WAI-ARIA "combobox with listbox popup", list
//! autocomplete). Typing narrows the suggestions ([`PlaceSearch`] ranks them);
//! arrow keys move through them, Enter picks, Escape closes and then clears.
//! Each suggestion shows its live count; places with no result under the
//! other filters are shown but cannot be picked.
//!
//! [`PlaceSearch`]: ia_core::suggest::PlaceSearch

use ia_core::filter::Filters;
use leptos::html::{Input, Ul};
use leptos::prelude::*;

use crate::i18n::Texts;
use crate::state::FinderState;

const INPUT_ID: &str = "filter-place";
const LISTBOX_ID: &str = "filter-place-options";

fn option_id(place: usize) -> String {
    format!("filter-place-option-{place}")
}

#[component]
pub fn PlacePicker(
    state: FinderState,
    filters: Memo<Filters>,
    texts: &'static Texts,
) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let listbox = NodeRef::<Ul>::new();
    // What the user is typing; only shown while the list is open.
    let typed = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    // Index into `suggestions` of the highlighted option.
    let active = RwSignal::new(None::<usize>);

    let chosen = Memo::new(move |_| {
        filters.with(|f| {
            f.place.as_ref().and_then(|place| {
                state
                    .catalog
                    .with_value(|c| c.index.places().iter().position(|o| &o.filter == place))
            })
        })
    });
    let label_of = move |place: usize| {
        state.catalog.with_value(|c| {
            c.index.places().get(place).map(|option| {
                let kind = if option.is_kreis {
                    texts.kreis_suffix
                } else {
                    ""
                };
                format!("{}{kind}", option.name)
            })
        })
    };
    let chosen_label = Memo::new(move |_| chosen.get().and_then(label_of).unwrap_or_default());
    let count_of = move |place: usize| {
        state
            .facets
            .with(|f| f.places.get(place).copied().unwrap_or(0))
    };
    let suggestions = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        // Opening on the chosen place (or on nothing) lists every place.
        let query = typed.with(|typed| {
            if *typed == chosen_label.get_untracked() {
                String::new()
            } else {
                typed.clone()
            }
        });
        state.catalog.with_value(|c| c.place_search.suggest(&query))
    });

    let active_place = Memo::new(move |_| {
        active
            .get()
            .and_then(|i| suggestions.with(|list| list.get(i).copied()))
    });
    let first_enabled = move |from: usize, step: isize| -> Option<usize> {
        suggestions.with(|list| {
            let n = list.len() as isize;
            (0..n)
                .map(|k| (from as isize + step * k).rem_euclid(n) as usize)
                .find(|&i| count_of(list[i]) > 0)
        })
    };
    let choose = move |place: Option<usize>| {
        let filter = place.and_then(|place| {
            state
                .catalog
                .with_value(|c| c.index.places().get(place).map(|o| o.filter.clone()))
        });
        state.update_filters(|f| f.place = filter);
        open.set(false);
        active.set(None);
        typed.set(place.and_then(label_of).unwrap_or_default());
    };
    let close = move || {
        open.set(false);
        active.set(None);
    };

    // Keep the highlighted option in view.
    Effect::new(move |_| {
        let Some(place) = active_place.get() else {
            return;
        };
        let element = listbox.get_untracked().and_then(|list| {
            list.query_selector(&format!("#{}", option_id(place)))
                .ok()
                .flatten()
        });
        if let Some(element) = element {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });

    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let is_open = open.get_untracked();
        match event.key().as_str() {
            "ArrowDown" | "ArrowUp" => {
                event.prevent_default();
                let down = event.key() == "ArrowDown";
                if !is_open {
                    typed.set(chosen_label.get_untracked());
                    open.set(true);
                }
                let n = suggestions.with_untracked(Vec::len);
                if n == 0 {
                    return;
                }
                let next = match (active.get_untracked(), down) {
                    (Some(i), true) => first_enabled((i + 1) % n, 1),
                    (Some(i), false) => first_enabled((i + n - 1) % n, -1),
                    (None, true) => first_enabled(0, 1),
                    (None, false) => first_enabled(n - 1, -1),
                };
                active.set(next);
            }
            "Enter" if is_open => {
                event.prevent_default();
                let pick = active
                    .get_untracked()
                    .or_else(|| first_enabled(0, 1))
                    .and_then(|i| suggestions.with_untracked(|list| list.get(i).copied()));
                if let Some(place) = pick {
                    choose(Some(place));
                }
            }
            "Escape" => {
                if is_open {
                    event.prevent_default();
                    close();
                } else if chosen.get_untracked().is_some() {
                    event.prevent_default();
                    choose(None);
                }
            }
            "Tab" => close(),
            _ => {}
        }
    };

    let active_descendant = move || active_place.get().map(option_id);
    let n_suggestions = move || suggestions.with(Vec::len);

    view! {
        <div class="field combobox">
            <label for=INPUT_ID id="filter-place-label">{texts.place_label}</label>
            <div class="combobox__row">
                <input
                    id=INPUT_ID
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    aria-autocomplete="list"
                    aria-controls=LISTBOX_ID
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-activedescendant=active_descendant
                    placeholder=texts.place_all
                    node_ref=input
                    prop:value=move || if open.get() { typed.get() } else { chosen_label.get() }
                    on:input=move |event| {
                        typed.set(event_target_value(&event));
                        open.set(true);
                        active.set(first_enabled(0, 1));
                    }
                    on:keydown=on_keydown
                    on:blur=move |_| close()
                    on:click=move |_| {
                        if !open.get_untracked() {
                            typed.set(chosen_label.get_untracked());
                            open.set(true);
                        }
                    }
                />
                <Show when=move || chosen.get().is_some()>
                    <button
                        type="button"
                        class="combobox__clear"
                        aria-label=texts.place_clear
                        on:click=move |_| {
                            choose(None);
                            if let Some(input) = input.get_untracked() {
                                let _ = input.focus();
                            }
                        }
                    >
                        <span aria-hidden="true">"×"</span>
                    </button>
                </Show>
            </div>
            <ul
                id=LISTBOX_ID
                role="listbox"
                class="combobox__list"
                aria-labelledby="filter-place-label"
                node_ref=listbox
                hidden=move || !open.get()
                // Keep focus in the input while an option is clicked.
                on:mousedown=|event| event.prevent_default()
            >
                // Rebuilt when the suggestions, the counts or the choice
                // change; only the highlight changes in place.
                {move || {
                    let chosen = chosen.get();
                    suggestions
                        .get()
                        .into_iter()
                        .map(|place| {
                            let count = count_of(place);
                            view! {
                                <li
                                    id=option_id(place)
                                    role="option"
                                    class="combobox__option"
                                    class:is-active=move || active_place.get() == Some(place)
                                    aria-selected=if chosen == Some(place) { "true" } else { "false" }
                                    aria-disabled=(count == 0).then_some("true")
                                    on:click=move |_| {
                                        if count > 0 {
                                            choose(Some(place));
                                        }
                                    }
                                >
                                    <span lang="de">{label_of(place)}</span>
                                    <span class="count">{format!(" ({count})")}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
                <Show when=move || open.get() && n_suggestions() == 0>
                    <li class="combobox__empty" role="presentation">{texts.place_no_match}</li>
                </Show>
            </ul>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || open.get().then(|| (texts.n_places)(n_suggestions()))}
            </p>
        </div>
    }
}

//! A type-ahead combobox (WAI-ARIA "combobox with listbox popup", list
//! autocomplete), shared by the place filter and the "near me" search.
//!
//! Typing opens the list of suggestions the parent computes for the text;
//! arrow keys move through the enabled ones (`aria-activedescendant`), Enter
//! or a click picks one, Escape closes the list and then clears the choice.
//! Disabled options are shown but cannot be picked. A polite live region
//! says how many suggestions there are.
//!
//! Not generic on purpose: one copy of this code serves every use (each
//! generic copy of a component costs several KB of Wasm).

use leptos::html::{Input, Ul};
use leptos::prelude::*;

/// One suggestion, as the parent describes it.
#[derive(Clone, Debug, PartialEq)]
pub struct ComboOption {
    /// The parent's key for the choice (passed back to `on_choose`).
    pub key: usize,
    pub label: String,
    /// Shown after the label in a muted style, e.g. " (12)" or " · Kreis Olpe".
    pub note: String,
    pub enabled: bool,
    pub selected: bool,
}

/// The fixed texts and ids of one combobox.
#[derive(Clone, Copy)]
pub struct ComboTexts {
    pub id: &'static str,
    pub label: &'static str,
    pub placeholder: &'static str,
    pub clear: &'static str,
    pub no_match: &'static str,
    pub n_suggestions: Callback<usize, String>,
}

#[component]
pub fn Combobox(
    texts: ComboTexts,
    /// The chosen value's label, or "" when nothing is chosen.
    #[prop(into)]
    value: Signal<String>,
    /// Suggestions for the typed text; "" means the user opened the list
    /// without typing (on the current choice or on nothing).
    suggest: Callback<String, Vec<ComboOption>>,
    /// A key from the suggestions, or `None` to clear.
    on_choose: Callback<Option<usize>>,
    /// Called when the list opens (e.g. to load what `suggest` needs).
    #[prop(optional)]
    on_open: Option<Callback<()>>,
    /// Shown in the list instead of "no match" while suggestions are loading.
    #[prop(optional, into)]
    busy_note: Option<Signal<Option<String>>>,
    /// Shown instead of "no match" when nothing has been typed yet.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Gives the parent the input element, e.g. to focus it.
    #[prop(optional)]
    input_ref: Option<NodeRef<Input>>,
) -> impl IntoView {
    let input = input_ref.unwrap_or_default();
    let listbox = NodeRef::<Ul>::new();
    let typed = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    // Index into `options` of the highlighted option.
    let active = RwSignal::new(None::<usize>);
    let listbox_id = format!("{}-options", texts.id);
    let option_id = move |key: usize| format!("{}-option-{key}", texts.id);

    let options = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let query = typed.with(|typed| {
            if *typed == value.get_untracked() {
                String::new()
            } else {
                typed.clone()
            }
        });
        suggest.run(query)
    });
    let active_key = Memo::new(move |_| {
        active
            .get()
            .and_then(|i| options.with(|list| list.get(i).map(|o| o.key)))
    });
    // The first enabled option from `from`, going in `step` direction.
    let enabled_from = move |from: usize, step: isize| -> Option<usize> {
        options.with_untracked(|list| {
            let n = list.len() as isize;
            (0..n)
                .map(|k| (from as isize + step * k).rem_euclid(n) as usize)
                .find(|&i| list[i].enabled)
        })
    };
    let close = move || {
        open.set(false);
        active.set(None);
    };
    let open_list = move || {
        if !open.get_untracked() {
            typed.set(value.get_untracked());
            open.set(true);
            if let Some(on_open) = on_open {
                on_open.run(());
            }
        }
    };
    let choose = move |key: Option<usize>| {
        on_choose.run(key);
        close();
    };

    // Keep the highlighted option in view.
    Effect::new(move |_| {
        let Some(key) = active_key.get() else {
            return;
        };
        let element = listbox.get_untracked().and_then(|list| {
            list.query_selector(&format!("#{}", option_id(key)))
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
                open_list();
                let n = options.with_untracked(Vec::len);
                if n == 0 {
                    return;
                }
                let next = match (active.get_untracked(), down) {
                    (Some(i), true) => enabled_from((i + 1) % n, 1),
                    (Some(i), false) => enabled_from((i + n - 1) % n, -1),
                    (None, true) => enabled_from(0, 1),
                    (None, false) => enabled_from(n - 1, -1),
                };
                active.set(next);
            }
            "Enter" if is_open => {
                event.prevent_default();
                let pick = active
                    .get_untracked()
                    .or_else(|| enabled_from(0, 1))
                    .and_then(|i| options.with_untracked(|list| list.get(i).map(|o| o.key)));
                if let Some(key) = pick {
                    choose(Some(key));
                }
            }
            "Escape" => {
                if is_open {
                    event.prevent_default();
                    close();
                } else if !value.get_untracked().is_empty() {
                    event.prevent_default();
                    choose(None);
                }
            }
            "Tab" => close(),
            _ => {}
        }
    };

    let n_options = move || options.with(Vec::len);
    let label_id = format!("{}-label", texts.id);

    view! {
        <div class="field combobox">
            <label for=texts.id id=label_id.clone()>{texts.label}</label>
            <div class="combobox__row">
                <input
                    id=texts.id
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    spellcheck="false"
                    aria-autocomplete="list"
                    aria-controls=listbox_id.clone()
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-activedescendant=move || active_key.get().map(option_id)
                    placeholder=texts.placeholder
                    node_ref=input
                    prop:value=move || if open.get() { typed.get() } else { value.get() }
                    on:input=move |event| {
                        typed.set(event_target_value(&event));
                        let was_open = open.get_untracked();
                        open.set(true);
                        if !was_open {
                            if let Some(on_open) = on_open {
                                on_open.run(());
                            }
                        }
                        active.set(enabled_from(0, 1));
                    }
                    on:keydown=on_keydown
                    on:blur=move |_| close()
                    on:click=move |_| open_list()
                />
                <Show when=move || !value.with(String::is_empty)>
                    <button
                        type="button"
                        class="combobox__clear"
                        aria-label=texts.clear
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
                id=listbox_id
                role="listbox"
                class="combobox__list"
                aria-labelledby=label_id
                node_ref=listbox
                hidden=move || !open.get()
                // Keep focus in the input while an option is clicked.
                on:mousedown=|event| event.prevent_default()
            >
                // Rebuilt when the options change; only the highlight
                // changes in place.
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|option| {
                            let key = option.key;
                            let enabled = option.enabled;
                            view! {
                                <li
                                    id=option_id(key)
                                    role="option"
                                    class="combobox__option"
                                    class:is-active=move || active_key.get() == Some(key)
                                    aria-selected=if option.selected { "true" } else { "false" }
                                    aria-disabled=(!enabled).then_some("true")
                                    on:click=move |_| {
                                        if enabled {
                                            choose(Some(key));
                                        }
                                    }
                                >
                                    <bdi lang="de">{option.label}</bdi>
                                    <span class="count">{option.note}</span>
                                </li>
                            }
                        })
                        .collect_view()
                }}
                <Show when=move || open.get() && n_options() == 0>
                    <li class="combobox__empty" role="presentation">
                        {move || {
                            let nothing_typed = hint.is_some()
                                && typed.with(|t| t.trim().is_empty() || *t == value.get_untracked());
                            busy_note
                                .and_then(|note| note.get())
                                .or_else(|| hint.filter(|_| nothing_typed).map(str::to_owned))
                                .unwrap_or_else(|| texts.no_match.to_owned())
                        }}
                    </li>
                </Show>
            </ul>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || open.get().then(|| texts.n_suggestions.run(n_options()))}
            </p>
        </div>
    }
}

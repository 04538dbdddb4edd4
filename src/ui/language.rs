//! The language switcher. Applying a language reloads the page with `lang=`
//! set in the address, which keeps every other part of the state (it is all
//! in the URL) and lets the whole interface, `<html lang>` and `dir` follow.

use leptos::prelude::*;

use crate::i18n::{Lang, Texts};

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let lang = texts.lang();
    // Applied with a button, not on change: in a closed select, arrow keys
    // fire `change` on every step (WCAG 3.2.2, no change of context on input).
    let select = NodeRef::<leptos::html::Select>::new();
    view! {
        <form
            class="lang-switch"
            on:submit=move |event| {
                event.prevent_default();
                if let Some(select) = select.get() {
                    switch_to(&select.value());
                }
            }
        >
            <label for="lang-switch">{texts.language_label}</label>
            <select id="lang-switch" node_ref=select>
                {Lang::ALL
                    .iter()
                    .map(|&option| {
                        view! {
                            <option value=option.tag() lang=option.tag() selected=option == lang>
                                {option.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <button type="submit" class="button button--secondary lang-switch__apply">{texts.language_apply}</button>
        </form>
    }
}

/// Reloads the page with `lang=tag`, keeping every other parameter.
fn switch_to(tag: &str) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let search = location.search().unwrap_or_default();
    let _ = location.set_search(&ia_core::params::with_lang(&search, tag));
}

//! The language switcher. Choosing a language reloads the page with `lang=`
//! set in the address, which keeps every other part of the state (it is all
//! in the URL) and lets the whole interface, `<html lang>` and `dir` follow.

use leptos::prelude::*;

use crate::i18n::{Lang, Texts};

#[component]
pub fn LanguageSwitcher(lang: Lang, texts: &'static Texts) -> impl IntoView {
    view! {
        <div class="lang-switch">
            <label for="lang-switch">{texts.language_label}</label>
            <select id="lang-switch" on:change=move |event| switch_to(&event_target_value(&event))>
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
        </div>
    }
}

/// Reloads the page with `lang=tag`, keeping every other parameter.
fn switch_to(tag: &str) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let search = location.search().unwrap_or_default();
    let mut pairs: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
        .collect();
    let lang = format!("lang={}", String::from(js_sys::encode_uri_component(tag)));
    pairs.push(&lang);
    let _ = location.set_search(&pairs.join("&"));
}

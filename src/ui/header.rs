//! The site header (the finder's title and subtitle with the language
//! switcher) and the skip link before it. The finder (outside embeds), the
//! generator's page and the static pages show them.

use leptos::prelude::*;

use super::LanguageSwitcher;
use crate::i18n::Texts;

/// The site header. With `home`, as the static pages show it: the title
/// is a link to the finder there (the page's own `h1` follows), and no
/// language switcher (the pages are German and have no script).
#[component]
pub fn SiteHeader(#[prop(optional)] home: Option<&'static str>) -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage, the static pages' frame)");
    let title = match home {
        None => view! { <h1>{texts.app_title}</h1> }.into_any(),
        Some(home) => {
            view! { <p class="site-title"><a href=home>{texts.app_title}</a></p> }.into_any()
        }
    };
    view! {
        <header class="site-header">
            <div class="site-header__text">
                {title}
                <p class="subtitle">{texts.app_subtitle}</p>
            </div>
            {home.is_none().then(|| view! { <LanguageSwitcher/> })}
        </header>
    }
}

/// The link that skips to `target` (an element's id), first on the page.
#[component]
pub fn SkipLink(target: &'static str, label: &'static str) -> impl IntoView {
    view! {
        <a class="skip-link" href=format!("#{target}") on:click=move |event| crate::skip_to(event, target)>{label}</a>
    }
}

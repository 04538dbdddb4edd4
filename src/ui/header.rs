//! The site header: the finder's title and subtitle with the language
//! switcher. The finder (outside embeds) and the generator's page show it.

use leptos::prelude::*;

use super::LanguageSwitcher;
use crate::i18n::Texts;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    view! {
        <header class="site-header">
            <div class="site-header__text">
                <h1>{texts.app_title}</h1>
                <p class="subtitle">{texts.app_subtitle}</p>
            </div>
            <LanguageSwitcher/>
        </header>
    }
}

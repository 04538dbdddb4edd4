//! The embed-code generator (its own page, generator.html, see
//! [`super::generator_page`]): a partner chooses a preset
//! (place, Servicestellen only), whether visitors may change it, the
//! language, which controls are shown, where the list goes and the height; sees the real embed in a live preview; and
//! copies a ready snippet (iframe plus an optional resize script that only
//! accepts height messages from this app's origin and its own iframe).

use std::collections::BTreeSet;

use ia_core::embed::{Control, EmbedOptions, ListPosition, Lock};
use ia_core::filter::PlaceOption;
use ia_core::params::embed_query;
use ia_core::UrlState;
use leptos::prelude::*;

use super::HEIGHT_MESSAGE;
use crate::i18n::{Lang, Texts};

#[component]
pub fn EmbedGenerator(
    /// The places of the dataset, as the finder's place filter lists them.
    places: std::sync::Arc<Vec<PlaceOption>>,
) -> impl IntoView {
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let places: Vec<(String, ia_core::PlaceFilter)> = places
        .iter()
        .map(|option| (option.label(texts.kreis_suffix), option.filter.clone()))
        .collect();
    let places = StoredValue::new(places);
    let place = RwSignal::new(None::<usize>);
    let sada = RwSignal::new(false);
    let lock = RwSignal::new(true);
    let tiles_on_click = RwSignal::new(false);
    let list = RwSignal::new(ListPosition::Side);
    let height = RwSignal::new(600u32);
    let language = RwSignal::new(None::<Lang>);
    let hidden = RwSignal::new(BTreeSet::<Control>::new());
    let copied = RwSignal::new(false);

    // The embed's address relative to this page, and absolute for the snippet.
    let query = Memo::new(move |_| {
        let mut state = UrlState::default();
        state.filters.place = place
            .get()
            .and_then(|p| places.with_value(|places| places.get(p).map(|(_, f)| f.clone())));
        state.filters.antidiscrimination = sada.get();
        let mut embed = EmbedOptions {
            embed: true,
            list: list.get(),
            tiles_on_click: tiles_on_click.get(),
            hidden: hidden.get(),
            ..EmbedOptions::default()
        };
        if lock.get() {
            if state.filters.place.is_some() {
                embed.locks.insert(Lock::Place);
            }
            if state.filters.antidiscrimination {
                embed.locks.insert(Lock::Antidiscrimination);
            }
        }
        embed_query(&state, &embed, language.get().map(Lang::tag))
    });
    let location = web_sys::window().map(|w| w.location());
    let origin = location
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    // The finder is the folder's index page, next to this one (generator.html).
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    let folder = &path[..path.rfind('/').map_or(0, |slash| slash + 1)];
    let base = format!("{origin}{folder}");
    let snippet = Memo::new(move |_| {
        let src = format!("{base}?{}", query.get());
        format!(
            "<iframe src=\"{src}\" title=\"{title}\" width=\"100%\" height=\"{height}\" style=\"border:0\" \
             loading=\"lazy\" allow=\"geolocation\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>\n\
             <script>\n\
             addEventListener(\"message\", function (e) {{\n\
             \x20 if (e.origin !== \"{origin}\" || !e.data || e.data.type !== \"{HEIGHT_MESSAGE}\") return;\n\
             \x20 document.querySelectorAll(\"iframe\").forEach(function (f) {{\n\
             \x20   if (f.contentWindow === e.source) f.style.height = Math.ceil(e.data.height) + \"px\";\n\
             \x20 }});\n\
             }});\n\
             </script>",
            title = texts.embed_iframe_title,
            height = height.get(),
            origin = origin,
        )
    });
    // As in the snippet (the typed iframe attributes are not available on
    // type-erased elements, so they are set on the nodes).
    let previews = PREVIEW_WIDTHS.map(|_| NodeRef::<leptos::html::Iframe>::new());
    Effect::new(move |_| {
        for preview in previews {
            if let Some(frame) = preview.get() {
                let _ = frame.set_attribute("allow", "geolocation");
            }
        }
    });
    let copy = move |_| {
        let text = snippet.get_untracked();
        leptos::task::spawn_local(async move {
            copied.set(crate::ui::copy_text(&text).await);
        });
    };

    view! {
        <section class="generator" aria-labelledby="generator-title">
            <h2 id="generator-title">{texts.embed_title}</h2>
            <p>{texts.embed_intro}</p>
            <form class="generator__form" on:submit=|event| event.prevent_default()>
                <div class="field">
                    <label for="embed-place">{texts.place_label}</label>
                    <select id="embed-place" on:change=move |event| place.set(event_target_value(&event).parse().ok())>
                        <option value="">{texts.place_all}</option>
                        {places.with_value(|places| {
                            places
                                .iter()
                                .enumerate()
                                .map(|(i, (name, _))| view! { <option value=i.to_string()>{name.clone()}</option> })
                                .collect_view()
                        })}
                    </select>
                </div>
                <div class="checkbox">
                    <input type="checkbox" id="embed-sada" on:change=move |event| sada.set(event_target_checked(&event))/>
                    <label for="embed-sada">{texts.sada_toggle}</label>
                </div>
                <div class="checkbox">
                    <input type="checkbox" id="embed-lock" prop:checked=move || lock.get() on:change=move |event| lock.set(event_target_checked(&event))/>
                    <label for="embed-lock">{texts.embed_lock}</label>
                </div>
                <div class="checkbox">
                    <input type="checkbox" id="embed-tiles" on:change=move |event| tiles_on_click.set(event_target_checked(&event))/>
                    <label for="embed-tiles">{texts.embed_tiles_on_click}</label>
                </div>
                <div class="field">
                    <label for="embed-lang">{texts.language_label}</label>
                    <select id="embed-lang" on:change=move |event| language.set(Lang::from_tag(&event_target_value(&event)))>
                        <option value="">{texts.embed_language_auto}</option>
                        {Lang::ALL
                            .iter()
                            .map(|&lang| view! { <option value=lang.tag() lang=lang.tag() dir=lang.dir()>{lang.native_name()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <fieldset class="checkbox-group">
                    <legend>{texts.embed_controls}</legend>
                    {Control::ALL
                        .into_iter()
                        .map(|control| {
                            let label = match control {
                                Control::Text => texts.search_label,
                                Control::Near => texts.near_label,
                                Control::Place => texts.place_label,
                                Control::Antidiscrimination => texts.sada_toggle,
                                Control::Offers => texts.offers_legend,
                                Control::Umbrellas => texts.umbrellas_legend,
                            };
                            let id = format!("embed-show-{}", control.code());
                            view! {
                                <div class="checkbox">
                                    <input type="checkbox" id=id.clone() checked on:change=move |event| {
                                        let shown = event_target_checked(&event);
                                        hidden.update(|hidden| {
                                            if shown {
                                                hidden.remove(&control);
                                            } else {
                                                hidden.insert(control);
                                            }
                                        });
                                    }/>
                                    <label for=id>{label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div class="field">
                    <label for="embed-list">{texts.embed_list}</label>
                    <select id="embed-list" on:change=move |event| list.set(match event_target_value(&event).as_str() {
                        "bottom" => ListPosition::Bottom,
                        "none" => ListPosition::None,
                        _ => ListPosition::Side,
                    })>
                        <option value="side">{texts.embed_list_side}</option>
                        <option value="bottom">{texts.embed_list_bottom}</option>
                        <option value="none">{texts.embed_list_none}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="embed-height">{texts.embed_height}</label>
                    <input type="number" id="embed-height" min="300" max="2000" step="50" prop:value=move || height.get().to_string()
                        on:change=move |event| {
                            if let Ok(value) = event_target_value(&event).parse::<u32>() {
                                height.set(value.clamp(300, 2000));
                            }
                        }/>
                </div>
            </form>
            <h3>{texts.embed_snippet}</h3>
            <textarea class="generator__snippet" readonly rows="10" aria-label=texts.embed_snippet prop:value=move || snippet.get()></textarea>
            <p>
                <button type="button" class="button" on:click=copy>{texts.embed_copy}</button>
                " "
                <span role="status">{move || copied.get().then_some(texts.embed_copied)}</span>
            </p>
            <h3>{texts.embed_preview}</h3>
            // The embed at three frame widths partners use (a phone or sidebar
            // box, a content column, a full band), scaled to fit side by side.
            <div class="generator__previews">
                {PREVIEW_WIDTHS.into_iter().zip(previews).map(|(width, node_ref)| view! {
                    <figure
                        class="generator__preview-box"
                        style:width=format!("{}px", width / 2)
                        style:height=move || format!("{}px", height.get() / 2 + 24)
                    >
                        <iframe
                            class="generator__preview"
                            title=format!("{} ({width} px)", texts.embed_iframe_title)
                            src=move || format!("./?{}", query.get())
                            width=width.to_string()
                            height=move || height.get().to_string()
                            data-width=width.to_string()
                            node_ref=node_ref
                        ></iframe>
                        <figcaption>{width} " px"</figcaption>
                    </figure>
                }).collect_view()}
            </div>
            // The finder, the folder's index page (relative: any sub-path works).
            <p><a href="./" rel="external">{texts.embed_back}</a></p>
        </section>
    }
}

/// The preview frames' widths in CSS pixels.
const PREVIEW_WIDTHS: [u32; 3] = [360, 600, 1000];

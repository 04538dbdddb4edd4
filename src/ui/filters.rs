//! The filter panel: free text, place, the Servicestelle toggle (with its
//! topics), offer types and welfare associations. Every option shows its live
//! count under the other active filters and is disabled at zero, so nobody
//! lands on an empty list by accident.

use std::collections::BTreeSet;

use ia_core::embed::{Control, EmbedOptions, Lock};
use ia_core::filter::Filters;
use ia_core::{Offer, Topic, Umbrella};
use leptos::prelude::*;

use super::near::NearSearch;
use super::place_picker::PlacePicker;
use crate::i18n::Texts;
use crate::params::PageParams;
use crate::parts::Part;
use crate::state::FinderState;

#[component]
pub fn FilterPanel() -> impl IntoView {
    let state = use_context::<FinderState>().expect("FinderState is provided by Finder");
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let embed = &use_context::<&'static PageParams>()
        .expect("PageParams are provided by App")
        .embed;
    let filters = Memo::new(move |_| state.url.with(|url| url.filters.clone()));
    let n_sada = Memo::new(move |_| state.facets.with(|f| f.antidiscrimination));
    // The box keeps what the user typed: the URL holds the trimmed text, and
    // writing it back while typing would eat the space before a second word.
    // Only an outside change (reset, Back) is copied into the box.
    let search_box = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let text = filters.with(|f| f.text.clone());
        if let Some(input) = search_box.get() {
            if input.value().trim() != text {
                input.set_value(&text);
            }
        }
    });
    // An embedding page may fix some filters (their controls are left out,
    // and one line says what is fixed) and leave out others.
    let locked = move |lock: Lock| embed.is_locked(lock);
    let shows = move |control: Control| embed.shows(control);
    let preset = preset_summary(state, texts, embed);
    // Results first: near me and the Servicestelle switch stay in view; the
    // free text, the place and the offer and association filters fold into
    // "Filter (n)", which counts the active ones inside it. It is never
    // opened or closed for the user: a link with a place shows "Filter (1)".
    let n_folded = move || {
        filters.with(|f| {
            usize::from(!f.text.trim().is_empty())
                + usize::from(f.place.is_some())
                + f.offers.len()
                + f.umbrellas.len()
        })
    };
    let folded_shown = [
        Control::Text,
        Control::Place,
        Control::Offers,
        Control::Umbrellas,
    ]
    .into_iter()
    .any(shows);
    // What "Filter" folds is built when first opened; in the split build it
    // is a part of its own (`Part::Filters`), fetched then.
    let opened = RwSignal::new(false);
    let parts = use_context::<crate::parts::Parts>();
    let can_reset = move || filters.with(|f| *f != state.filters_after_reset());
    view! {
        <form class="filters" role="search" on:submit=|event| event.prevent_default() aria-label=texts.filters_label>
            {preset.map(|preset| view! { <p class="preset" data-testid="preset"><strong>{texts.preset_label}</strong> " " <span>{preset}</span></p> })}
            {shows(Control::Near).then(|| view! { <NearSearch/> })}
            <div class="field field--switch" hidden=!shows(Control::Antidiscrimination)>
                <input
                    id="filter-sada"
                    type="checkbox"
                    role="switch"
                    prop:checked=move || filters.with(|f| f.antidiscrimination)
                    disabled=move || n_sada.get() == 0 && !filters.with(|f| f.antidiscrimination)
                    on:change=move |event| {
                        let on = event_target_checked(&event);
                        state.update_filters(|f| {
                            f.antidiscrimination = on;
                            if !on {
                                f.topics.clear();
                            }
                        });
                    }
                />
                <label for="filter-sada">
                    {texts.sada_toggle}
                    <span class="count">{move || format!(" ({})", n_sada.get())}</span>
                </label>
            </div>
            <Show when=move || filters.with(|f| f.antidiscrimination) && !locked(Lock::Topics) && shows(Control::Antidiscrimination)>
                <CheckboxGroup
                    legend=texts.topics_legend
                    name="topic"
                    labels=Topic::ALL.iter().map(|&value| texts.topic(value)).collect()
                    selected=Signal::derive(move || filters.with(|f| f.topics.iter().map(|value| value.index()).collect()))
                    counts=Signal::derive(move || state.facets.with(|f| f.topics.clone()))
                    on_toggle=Callback::new(move |(position, on): (usize, bool)| {
                        if let Some(&value) = Topic::ALL.get(position) {
                            state.update_filters(|f| toggle(&mut f.topics, value, on));
                        }
                    })
                />
            </Show>
            <details
                class="more-filters"
                hidden=!folded_shown
                on:toggle=move |event| {
                    if event_target::<web_sys::HtmlDetailsElement>(&event).open() {
                        opened.set(true);
                    }
                }
            >
                // Focus on "Filter" (keyboard) already fetches what it folds.
                <summary on:focus=move |_| {
                    if let Some(parts) = parts {
                        parts.load(Part::Filters);
                    }
                }>
                    {texts.filters_toggle}
                    {move || match n_folded() {
                        0 => String::new(),
                        n => format!(" ({n})"),
                    }}
                </summary>
                {folded_fields(filters, search_box, opened)}
            </details>
            <Show when=can_reset>
                <button type="button" class="button button--secondary" on:click=move |_| state.update_filters(|f| *f = Filters::default())>
                    {texts.reset_filters}
                </button>
            </Show>
        </form>
    }
}

/// The folded filters: in the build-time rendering (and the page without
/// JavaScript) always there; in the app built when "Filter" is first opened,
/// from the part `Part::Filters`.
fn folded_fields(
    filters: Memo<Filters>,
    search_box: NodeRef<leptos::html::Input>,
    opened: RwSignal<bool>,
) -> impl IntoView {
    if cfg!(feature = "ssr") {
        return fields_view(filters, search_box).into_any();
    }
    (move || {
        opened.get().then(|| {
            crate::parts::on_demand(Part::Filters, move || {
                crate::parts::now(fields(filters, search_box))
            })
        })
    })
    .into_any()
}

crate::lazy_fn! { filters, load_fields;
    /// The folded filters' view, from the part `Part::Filters`.
    pub(crate) fn fields(filters: Memo<Filters>, search_box: NodeRef<leptos::html::Input>) -> AnyView {
        fields_view(filters, search_box).into_any()
    }
}

fn fields_view(filters: Memo<Filters>, search_box: NodeRef<leptos::html::Input>) -> impl IntoView {
    let state = use_context::<FinderState>().expect("FinderState is provided by Finder");
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
    let embed = &use_context::<&'static PageParams>()
        .expect("PageParams are provided by App")
        .embed;
    let shows = move |control: Control| embed.shows(control);
    view! {
                <div class="field" hidden=!shows(Control::Text)>
                    <label for="filter-text">{texts.search_label}</label>
                    <input
                        id="filter-text"
                        type="search"
                        autocomplete="off"
                        placeholder=texts.search_placeholder
                        node_ref=search_box
                        value=filters.with_untracked(|f| f.text.clone())
                        on:input=move |event| {
                            let text = event_target_value(&event);
                            state.update_filters(|f| f.text = text);
                        }
                    />
                </div>
                {shows(Control::Place).then(|| view! { <PlacePicker filters/> })}
                <div hidden=!shows(Control::Offers)>
                <CheckboxGroup
                    legend=texts.offers_legend
                    name="offer"
                    labels=Offer::ALL.iter().map(|&value| texts.offer(value)).collect()
                    selected=Signal::derive(move || filters.with(|f| f.offers.iter().map(|value| value.index()).collect()))
                    counts=Signal::derive(move || state.facets.with(|f| f.offers.clone()))
                    on_toggle=Callback::new(move |(position, on): (usize, bool)| {
                        if let Some(&value) = Offer::ALL.get(position) {
                            state.update_filters(|f| toggle(&mut f.offers, value, on));
                        }
                    })
                />
                </div>
                <div hidden=!shows(Control::Umbrellas)>
                <CheckboxGroup
                    legend=texts.umbrellas_legend
                    name="umbrella"
                    labels=Umbrella::ALL.iter().map(|&value| texts.umbrella(value)).collect()
                    selected=Signal::derive(move || filters.with(|f| f.umbrellas.iter().map(|value| value.index()).collect()))
                    counts=Signal::derive(move || state.facets.with(|f| f.umbrellas.clone()))
                    on_toggle=Callback::new(move |(position, on): (usize, bool)| {
                        if let Some(&value) = Umbrella::ALL.get(position) {
                            state.update_filters(|f| toggle(&mut f.umbrellas, value, on));
                        }
                    })
                />
                </div>
    }
}

/// What an embedding page has fixed, as one line ("Köln · nur
/// Servicestellen …"), or `None` when nothing is locked.
fn preset_summary(
    state: FinderState,
    texts: &'static Texts,
    embed: &EmbedOptions,
) -> Option<String> {
    let url = state.url.get_untracked();
    let filters = &url.filters;
    let mut parts: Vec<String> = Vec::new();
    if embed.is_locked(Lock::Place) {
        if let Some(option) = filters.place.as_ref().and_then(|place| {
            state
                .catalog
                .with_value(|c| c.index.place_option(place).cloned())
        }) {
            parts.push(option.label(texts.kreis_suffix));
        }
    }
    if embed.is_locked(Lock::Near) {
        parts.extend(url.near.clone());
    }
    if embed.is_locked(Lock::Antidiscrimination) && filters.antidiscrimination {
        parts.push(texts.sada_only.to_owned());
    }
    let mut labels = |locked: bool, names: Vec<&'static str>| {
        if locked && !names.is_empty() {
            parts.push(names.join(", "));
        }
    };
    labels(
        embed.is_locked(Lock::Topics),
        filters.topics.iter().map(|&t| texts.topic(t)).collect(),
    );
    labels(
        embed.is_locked(Lock::Offers),
        filters.offers.iter().map(|&o| texts.offer(o)).collect(),
    );
    labels(
        embed.is_locked(Lock::Umbrellas),
        filters
            .umbrellas
            .iter()
            .map(|&u| texts.umbrella(u))
            .collect(),
    );
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, value: T, on: bool) {
    if on {
        set.insert(value);
    } else {
        set.remove(&value);
    }
}

/// A fieldset of checkboxes over one closed vocabulary, by position in its
/// `ALL` list. Not generic on purpose: one copy of this code serves every
/// vocabulary (each generic copy cost about 10 KB of Wasm).
#[component]
fn CheckboxGroup(
    legend: &'static str,
    name: &'static str,
    labels: Vec<&'static str>,
    selected: Signal<Vec<usize>>,
    counts: Signal<Vec<usize>>,
    on_toggle: Callback<(usize, bool)>,
) -> impl IntoView {
    view! {
        <fieldset class="checkbox-group">
            <legend>{legend}</legend>
            {labels
                .into_iter()
                .enumerate()
                .map(|(position, label)| {
                    let id = format!("filter-{name}-{position}");
                    let count = move || counts.with(|c| c.get(position).copied().unwrap_or(0));
                    let checked = move || selected.with(|s| s.contains(&position));
                    view! {
                        <div class="checkbox">
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=checked
                                disabled=move || count() == 0 && !checked()
                                on:change=move |event| on_toggle.run((position, event_target_checked(&event)))
                            />
                            <label for=id>
                                {label}
                                <span class="count">{move || format!(" ({})", count())}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

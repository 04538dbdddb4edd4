//! The filter panel: free text, place, the Servicestelle toggle (with its
//! topics), offer types and welfare associations. Every option shows its live
//! count under the other active filters and is disabled at zero, so nobody
//! lands on an empty list by accident.

use std::collections::BTreeSet;

use ia_core::filter::{FacetCounts, Filters};
use ia_core::{Offer, Topic, Umbrella};
use leptos::prelude::*;

use crate::i18n::Texts;
use crate::state::FinderState;

#[component]
pub fn FilterPanel(state: FinderState, texts: &'static Texts) -> impl IntoView {
    let filters = Memo::new(move |_| state.url.with(|url| url.filters.clone()));
    let n_sada = Memo::new(move |_| state.facets.with(|f| f.antidiscrimination));
    view! {
        <form class="filters" role="search" on:submit=|event| event.prevent_default() aria-label=texts.filters_label>
            <div class="field">
                <label for="filter-text">{texts.search_label}</label>
                <input
                    id="filter-text"
                    type="search"
                    autocomplete="off"
                    placeholder=texts.search_placeholder
                    prop:value=move || filters.with(|f| f.text.clone())
                    on:input=move |event| {
                        let text = event_target_value(&event);
                        state.update_filters(|f| f.text = text);
                    }
                />
            </div>
            <PlaceSelect state filters texts/>
            <div class="field field--switch">
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
            <Show when=move || filters.with(|f| f.antidiscrimination)>
                <CheckboxGroup
                    legend=texts.topics_legend
                    name="topic"
                    options=Topic::ALL
                    label=texts.topic
                    selected=Signal::derive(move || filters.with(|f| f.topics.clone()))
                    counts=Signal::derive(move || state.facets.with(|f: &FacetCounts| f.topics.clone()))
                    index=Topic::index
                    on_toggle=move |topic, on| state.update_filters(|f| toggle(&mut f.topics, topic, on))
                />
            </Show>
            <details class="more-filters" open=move || filters.with(|f| !f.offers.is_empty() || !f.umbrellas.is_empty())>
                <summary>{texts.more_filters}</summary>
                <CheckboxGroup
                    legend=texts.offers_legend
                    name="offer"
                    options=Offer::ALL
                    label=texts.offer
                    selected=Signal::derive(move || filters.with(|f| f.offers.clone()))
                    counts=Signal::derive(move || state.facets.with(|f| f.offers.clone()))
                    index=Offer::index
                    on_toggle=move |offer, on| state.update_filters(|f| toggle(&mut f.offers, offer, on))
                />
                <CheckboxGroup
                    legend=texts.umbrellas_legend
                    name="umbrella"
                    options=Umbrella::ALL
                    label=texts.umbrella
                    selected=Signal::derive(move || filters.with(|f| f.umbrellas.clone()))
                    counts=Signal::derive(move || state.facets.with(|f| f.umbrellas.clone()))
                    index=Umbrella::index
                    on_toggle=move |umbrella, on| state.update_filters(|f| toggle(&mut f.umbrellas, umbrella, on))
                />
            </details>
            <Show when=move || filters.with(|f| !f.is_empty())>
                <button type="button" class="button button--secondary" on:click=move |_| state.update_filters(|f| *f = Filters::default())>
                    {texts.reset_filters}
                </button>
            </Show>
        </form>
    }
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, value: T, on: bool) {
    if on {
        set.insert(value);
    } else {
        set.remove(&value);
    }
}

/// Municipalities and Kreise that have agencies, with live counts.
#[component]
fn PlaceSelect(state: FinderState, filters: Memo<Filters>, texts: &'static Texts) -> impl IntoView {
    let places = state.catalog.with_value(|c| c.index.places().to_vec());
    let n_places = places.len();
    let places = StoredValue::new(places);
    let selected_position = Memo::new(move |_| {
        filters.with(|f| {
            f.place
                .as_ref()
                .and_then(|place| places.with_value(|p| p.iter().position(|o| &o.filter == place)))
        })
    });
    view! {
        <div class="field">
            <label for="filter-place">{texts.place_label}</label>
            <select
                id="filter-place"
                prop:value=move || selected_position.get().map(|p| p.to_string()).unwrap_or_default()
                on:change=move |event| {
                    let value = event_target_value(&event);
                    let place = value.parse::<usize>().ok().and_then(|p| places.with_value(|places| places.get(p).map(|o| o.filter.clone())));
                    state.update_filters(|f| f.place = place);
                }
            >
                <option value="">{texts.place_all}</option>
                {(0..n_places)
                    .map(|position| {
                        let (name, is_kreis) = places.with_value(|p| (p[position].name.clone(), p[position].is_kreis));
                        let count = move || state.facets.with(|f| f.places.get(position).copied().unwrap_or(0));
                        let label = move || {
                            let kind = if is_kreis { texts.kreis_suffix } else { "" };
                            format!("{name}{kind} ({})", count())
                        };
                        view! {
                            <option
                                value=position.to_string()
                                disabled=move || count() == 0 && selected_position.get() != Some(position)
                            >
                                {label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A fieldset of checkboxes over one closed vocabulary.
#[component]
fn CheckboxGroup<T>(
    legend: &'static str,
    name: &'static str,
    options: &'static [T],
    label: fn(T) -> &'static str,
    selected: Signal<BTreeSet<T>>,
    counts: Signal<Vec<usize>>,
    index: fn(T) -> usize,
    on_toggle: impl Fn(T, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    T: Copy + Ord + Send + Sync + 'static,
{
    view! {
        <fieldset class="checkbox-group">
            <legend>{legend}</legend>
            {options
                .iter()
                .map(|&option| {
                    let id = format!("filter-{name}-{}", index(option));
                    let count = move || counts.with(|c| c.get(index(option)).copied().unwrap_or(0));
                    let checked = move || selected.with(|s| s.contains(&option));
                    view! {
                        <div class="checkbox">
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=checked
                                disabled=move || count() == 0 && !checked()
                                on:change=move |event| on_toggle(option, event_target_checked(&event))
                            />
                            <label for=id>
                                {label(option)}
                                <span class="count">{move || format!(" ({})", count())}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

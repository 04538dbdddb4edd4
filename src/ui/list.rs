//! The result list: a complete, accessible alternative to the map.

use leptos::prelude::*;

use crate::i18n::Texts;
use crate::state::FinderState;

#[component]
pub fn ResultList(state: FinderState, texts: &'static Texts) -> impl IntoView {
    view! {
        <ol id="results" class="results" tabindex="-1" data-testid="results">
            <For each=move || state.visible.get() key=|position| *position let:position>
                <ResultItem state position texts/>
            </For>
        </ol>
    }
}

#[component]
fn ResultItem(state: FinderState, position: usize, texts: &'static Texts) -> impl IntoView {
    let Some(agency) = state
        .catalog
        .with_value(|c| c.agencies.get(position).cloned())
    else {
        return ().into_any();
    };
    let address = [
        agency.address.street.clone(),
        Some(
            format!(
                "{} {}",
                agency.address.postcode.clone().unwrap_or_default(),
                agency.address.city
            )
            .trim()
            .to_owned(),
        ),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let item_id = format!("agency-{}", agency.id);
    view! {
        <li class="result" id=item_id>
            <button type="button" class="result__button" on:click=move |_| state.select(Some(position))>
                <span class="result__name" lang="de">{agency.name.clone()}</span>
                <span class="result__carrier" lang="de">{agency.carrier.clone()}</span>
                <span class="result__address" lang="de">{address}</span>
                {agency.antidiscrimination.then(|| view! { <span class="badge badge--sada">{texts.servicestelle}</span> })}
            </button>
        </li>
    }
    .into_any()
}

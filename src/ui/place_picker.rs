//! The place filter: a [`Combobox`] over the municipalities and Kreise that
//! have agencies and every Kreis and kreisfreie Stadt that has none, ranked by
//! [`PlaceSearch`], each with its live count; places with no result under the
//! other filters are shown but cannot be picked, except a place without any
//! agency, for which the finder answers honestly (see `ResultSummary`).
//!
//! [`PlaceSearch`]: ia_core::suggest::PlaceSearch

use ia_core::filter::Filters;
use leptos::prelude::*;

use super::combobox::{ComboOption, ComboTexts, Combobox};
use crate::i18n::Texts;
use crate::state::FinderState;

#[component]
pub fn PlacePicker(filters: Memo<Filters>) -> impl IntoView {
    let state = use_context::<FinderState>().expect("FinderState is provided by Finder");
    let texts = use_context::<&'static Texts>()
        .expect("Texts are provided by the root (App, GeneratorPage)");
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
            c.index
                .places()
                .get(place)
                .map(|option| option.label(texts.kreis_suffix))
        })
    };
    let value = Signal::derive(move || chosen.get().and_then(label_of).unwrap_or_default());
    let suggest = Callback::new(move |query: String| {
        let chosen = chosen.get();
        let positions = state.catalog.with_value(|c| c.place_search.suggest(&query));
        positions
            .into_iter()
            .map(|place| {
                let count = state
                    .facets
                    .with(|f| f.places.get(place).copied().unwrap_or(0));
                // A place without any agency in the dataset can be picked: the
                // finder then says so and shows the nearest ones.
                let empty = state
                    .catalog
                    .with_value(|c| c.index.places().get(place).is_some_and(|o| o.is_empty()));
                ComboOption {
                    key: place,
                    label: label_of(place).unwrap_or_default(),
                    note: format!(" ({count})"),
                    enabled: count > 0 || empty,
                    selected: chosen == Some(place),
                }
            })
            .collect()
    });
    let on_choose = Callback::new(move |place: Option<usize>| {
        let filter = place.and_then(|place| {
            state
                .catalog
                .with_value(|c| c.index.places().get(place).map(|o| o.filter.clone()))
        });
        state.update_filters(|f| f.place = filter);
    });
    view! {
        <Combobox
            texts=ComboTexts {
                id: "filter-place",
                label: texts.place_label,
                placeholder: texts.place_all,
                clear: texts.place_clear,
                no_match: texts.place_no_match,
                n_suggestions: Callback::new(move |n| texts.n_places(n)),
            }
            value
            suggest
            on_choose
        />
    }
}

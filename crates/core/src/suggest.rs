//! Type-ahead over the place picker's options: which places to suggest for
//! what the user has typed so far, best first.
//!
//! Matching uses the search folding of [`crate::text`], so "koln" finds
//! "Köln" and "muelheim" finds "Mülheim an der Ruhr". Every typed word must
//! occur in the place's name or in the name of its Kreis ("mettmann" also
//! suggests Ratingen, which lies in the Kreis Mettmann). Ranking, stable
//! within a rank (the options' own alphabetical order):
//! 0. the name starts with the whole query ("düs" → Düsseldorf);
//! 1. a later word of the name starts with the first query word
//!    ("ruhr" → Mülheim an der Ruhr);
//! 2. any other match (inside a word, or through the Kreis).

use crate::filter::PlaceOption;
use crate::text::{fold, folded_words};

/// The folded names of a fixed list of place options, built once.
#[derive(Clone, Debug, Default)]
pub struct PlaceSearch {
    /// Per option: folded name and folded "name kreis_name".
    folded: Vec<(String, String)>,
}

impl PlaceSearch {
    pub fn new(options: &[PlaceOption]) -> PlaceSearch {
        let folded = options
            .iter()
            .map(|option| {
                let name = fold(&option.name);
                let both = format!("{name} {}", fold(&option.kreis_name));
                (name, both)
            })
            .collect();
        PlaceSearch { folded }
    }

    /// Positions (into the options this was built from) that match `query`,
    /// best first. An empty query (or one of only punctuation) suggests every
    /// option in its own order.
    pub fn suggest(&self, query: &str) -> Vec<usize> {
        rank_matches(
            self.folded
                .iter()
                .map(|(name, both)| (name.as_str(), both.as_str())),
            query,
        )
        .unwrap_or_else(|| (0..self.folded.len()).collect())
    }
}

/// The ranking described in the module documentation, shared by every
/// type-ahead: `entries` are `(folded name, folded searchable text)`; the
/// result holds the positions of the entries whose text contains every word
/// of `query`, best first. `None` when the query has no words.
pub fn rank_matches<'a>(
    entries: impl Iterator<Item = (&'a str, &'a str)>,
    query: &str,
) -> Option<Vec<usize>> {
    let words = folded_words(query);
    let first_word = words.first()?;
    let whole = words.join(" ");
    // One bucket per rank, each filled in the entries' order: a stable
    // ranking without a sort.
    let mut ranked: [Vec<usize>; 3] = Default::default();
    for (position, (name, text)) in entries.enumerate() {
        if !words.iter().all(|word| text.contains(word.as_str())) {
            continue;
        }
        let rank = if name.starts_with(&whole) {
            0
        } else if name
            .split(' ')
            .skip(1)
            .any(|word| word.starts_with(first_word.as_str()))
        {
            1
        } else {
            2
        };
        ranked[rank].push(position);
    }
    Some(ranked.concat())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::PlaceFilter;
    use proptest::prelude::*;

    fn option(name: &str, kreis: &str, is_kreis: bool) -> PlaceOption {
        PlaceOption {
            filter: if is_kreis {
                PlaceFilter::Kreis(format!("k-{name}"))
            } else {
                PlaceFilter::Municipality(format!("m-{name}"))
            },
            name: name.into(),
            kreis_name: kreis.into(),
            is_kreis,
            n_agencies: 1,
            centre: None,
        }
    }

    /// Sorted as the index sorts them (by folded name).
    fn options() -> Vec<PlaceOption> {
        vec![
            option("Bergisch Gladbach", "Rheinisch-Bergischer Kreis", false),
            option("Düren", "Düren", false),
            option("Düsseldorf", "Düsseldorf", false),
            option("Köln", "Köln", false),
            option("Mettmann", "Mettmann", true),
            option("Mülheim an der Ruhr", "Mülheim an der Ruhr", false),
            option("Ratingen", "Mettmann", false),
            option(
                "Rheinisch-Bergischer Kreis",
                "Rheinisch-Bergischer Kreis",
                true,
            ),
            option("Velbert", "Mettmann", false),
        ]
    }

    fn names(query: &str) -> Vec<String> {
        let options = options();
        PlaceSearch::new(&options)
            .suggest(query)
            .into_iter()
            .map(|position| options[position].name.clone())
            .collect()
    }

    #[test]
    fn typing_narrows_and_ranks() {
        assert_eq!(names("dü"), ["Düren", "Düsseldorf"]);
        assert_eq!(names("dus"), ["Düsseldorf"]);
        assert_eq!(names("koln"), ["Köln"]);
        assert_eq!(names("KÖLN "), ["Köln"]);
        assert_eq!(names("muelheim"), ["Mülheim an der Ruhr"]);
        assert_eq!(names("ruhr"), ["Mülheim an der Ruhr"]);
        // The Kreis first (its name starts so), then its towns.
        assert_eq!(names("mettmann"), ["Mettmann", "Ratingen", "Velbert"]);
        // A later word of the name ranks above a match through the Kreis.
        assert_eq!(
            names("bergisch"),
            ["Bergisch Gladbach", "Rheinisch-Bergischer Kreis"]
        );
        assert_eq!(names("berg glad"), ["Bergisch Gladbach"]);
        assert!(names("xyz").is_empty());
    }

    #[test]
    fn nothing_typed_suggests_everything_in_order() {
        let all: Vec<String> = options().into_iter().map(|o| o.name).collect();
        assert_eq!(names(""), all);
        assert_eq!(names(" - "), all);
    }

    proptest! {
        #[test]
        fn suggestions_are_distinct_matching_positions(query in "\\PC{0,12}") {
            let options = options();
            let search = PlaceSearch::new(&options);
            let suggested = search.suggest(&query);
            let mut seen = suggested.clone();
            seen.sort_unstable();
            seen.dedup();
            prop_assert_eq!(seen.len(), suggested.len());
            for position in suggested {
                let option = &options[position];
                let haystack = fold(&format!("{} {}", option.name, option.kreis_name));
                prop_assert!(crate::text::matches_all_words(&haystack, &query));
            }
        }
    }
}

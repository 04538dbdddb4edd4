//! The place picker's options: every municipality and Kreis with agencies,
//! and (issue 19) every Kreis and kreisfreie Stadt of the dataset's list
//! without any, each with its count and, for a Kreis, a point inside it.

use std::collections::BTreeMap;

use super::PlaceFilter;
use crate::dataset::{Agency, KreisInfo};
use crate::text::fold;

/// One entry of the place picker.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceOption {
    pub filter: PlaceFilter,
    /// Name of the municipality, or of the Kreis for a Kreis option.
    pub name: String,
    /// Name of the Kreis the place belongs to (for a Kreis option, its own name).
    pub kreis_name: String,
    pub is_kreis: bool,
    /// Agencies in this place in the whole dataset, ignoring all filters.
    /// Zero for a Kreis or kreisfreie Stadt the dataset has no agency in
    /// (listed so that the app can say so, see [`Index::with_kreise`](super::Index::with_kreise)).
    pub n_agencies: usize,
    /// `(lat, lon)` of a point inside the place, where known (Kreis options
    /// built with [`Index::with_kreise`](super::Index::with_kreise)); distances to the nearest agencies
    /// of an empty place are measured from here.
    pub centre: Option<(f64, f64)>,
}

impl PlaceOption {
    /// The name as the picker shows it: a Kreis gets `kreis_suffix`
    /// (" (Kreis)") unless its name already says so ("Märkischer Kreis").
    pub fn label(&self, kreis_suffix: &str) -> String {
        if self.is_kreis && !self.name.contains("Kreis") {
            format!("{}{kreis_suffix}", self.name)
        } else {
            self.name.clone()
        }
    }

    /// True when the dataset has no agency in this place.
    pub fn is_empty(&self) -> bool {
        self.n_agencies == 0
    }
}

/// Agency positions (ascending) per municipality key and per Kreis key. A
/// record known only by its Kreis belongs to no municipality.
pub(super) type Members = BTreeMap<String, Vec<usize>>;

pub(super) fn members(agencies: &[Agency]) -> (Members, Members) {
    let mut municipality_members = Members::new();
    let mut kreis_members = Members::new();
    for (agency_idx, agency) in agencies.iter().enumerate() {
        if !agency.is_kreis_only() {
            municipality_members
                .entry(agency.ags.clone())
                .or_default()
                .push(agency_idx);
        }
        kreis_members
            .entry(agency.kreis_ags().to_owned())
            .or_default()
            .push(agency_idx);
    }
    (municipality_members, kreis_members)
}

/// The place options [`Index::places`](super::Index::places) lists for these agencies and Kreise,
/// without building an index: for a page that only lists places (the
/// embed-code generator).
pub fn place_options(agencies: &[Agency], kreise: &[KreisInfo]) -> Vec<PlaceOption> {
    let (municipality_members, kreis_members) = members(agencies);
    sorted_options(agencies, &municipality_members, &kreis_members, kreise)
}

/// Builds the sorted place options from the membership maps.
pub(super) fn sorted_options(
    agencies: &[Agency],
    municipality_members: &BTreeMap<String, Vec<usize>>,
    kreis_members: &BTreeMap<String, Vec<usize>>,
    kreise: &[KreisInfo],
) -> Vec<PlaceOption> {
    let centre_of = |kreis_ags: &str| {
        kreise
            .iter()
            .find(|k| k.ags == kreis_ags)
            .map(|k| (k.lat, k.lon))
    };
    // Names come from the first agency of each place, which is deterministic
    // for a given slice.
    let first_agency = |members: &Vec<usize>| members.first().and_then(|&idx| agencies.get(idx));
    let mut options = Vec::new();
    for (ags, members) in municipality_members {
        let Some(agency) = first_agency(members) else {
            continue;
        };
        options.push(PlaceOption {
            filter: PlaceFilter::Municipality(ags.clone()),
            name: agency.municipality.clone(),
            kreis_name: agency.kreis.clone(),
            is_kreis: false,
            n_agencies: members.len(),
            centre: None,
        });
    }
    for (kreis_ags, members) in kreis_members {
        let Some(agency) = first_agency(members) else {
            continue;
        };
        // Listed as its municipality only when that option selects exactly
        // the same agencies (so never when a member is known only by Kreis).
        let only_one_municipality = members
            .iter()
            .filter_map(|&idx| agencies.get(idx))
            .all(|other| other.ags == agency.ags && !other.is_kreis_only());
        let municipality_is_the_kreis = fold(&agency.municipality) == fold(&agency.kreis)
            || agency.ags == format!("{kreis_ags}000");
        if only_one_municipality && municipality_is_the_kreis {
            continue;
        }
        options.push(PlaceOption {
            filter: PlaceFilter::Kreis(kreis_ags.clone()),
            name: agency.kreis.clone(),
            kreis_name: agency.kreis.clone(),
            is_kreis: true,
            n_agencies: members.len(),
            centre: centre_of(kreis_ags),
        });
    }
    for kreis in kreise {
        if kreis_members.contains_key(&kreis.ags) {
            continue;
        }
        options.push(PlaceOption {
            filter: PlaceFilter::Kreis(kreis.ags.clone()),
            name: kreis.name.clone(),
            kreis_name: kreis.name.clone(),
            is_kreis: !kreis.kreisfrei,
            n_agencies: 0,
            centre: Some((kreis.lat, kreis.lon)),
        });
    }
    options
        .sort_by_cached_key(|option| (fold(&option.name), option.is_kreis, option.filter.clone()));
    options
}

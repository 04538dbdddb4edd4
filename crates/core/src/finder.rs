//! The finder's answers for one search: which agencies it shows, in which
//! order, with which counts, and what the map fits to.
//!
//! A [`Search`] is what the user asked: the [`Filters`] and, once "near me"
//! has an origin, the point distances are measured from and the radius
//! ([`Near`]). From it and the [`Index`]:
//!
//! - [`results`]: the visible agencies and the facet counts. A radius
//!   within which nothing matches shows the [`NEAREST_INSTEAD`] nearest
//!   matches instead (and counts as if there were no radius), so "near me"
//!   never ends on an empty list. A chosen place where the dataset knows no
//!   agency (a Kreis listed with 0, issue 19) shows the nearest matches
//!   elsewhere, measured from its centre.
//! - [`is_shown`]: whether one agency is among the visible ones, tested on
//!   that record (the app asks it on every keystroke, to close a detail whose
//!   agency no longer matches).
//! - [`measured_from`], [`distances`] and [`list_order`]: the list sorted by
//!   distance when there is an origin (or an empty place's centre), else in
//!   dataset order.
//! - [`fit_box`]: the box the map fits after a change.
//!
//! Pure and tested natively against a naive reference (`finder/tests.rs`),
//! like the rest of the core; the app keeps these results in `Memo`s.

use crate::filter::{Circle, FacetCounts, Filters, Index};
use crate::geo::{distance_km, BBox};
use crate::nearby::{by_distance, order_by_distance};

/// How many agencies are shown when none lies within the radius.
pub const NEAREST_INSTEAD: usize = 3;

/// How many of the nearest results the map fits around an origin.
pub const FIT_NEAREST: usize = 5;

/// Where distances are measured from (a resolved `near`), and how far
/// results may lie (`None`: anywhere).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Near {
    pub lat: f64,
    pub lon: f64,
    pub radius_km: Option<u16>,
}

/// What the user asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Search {
    /// The chosen filters; their `circle` is ignored (it comes from `near`).
    pub filters: Filters,
    pub near: Option<Near>,
}

impl Search {
    /// The filters the index applies: the chosen ones and the radius.
    pub fn filters(&self) -> Filters {
        Filters {
            circle: self.circle(),
            ..self.filters.clone()
        }
    }

    /// The radius as a circle (the centre rounded to 1/10,000 degree, as
    /// [`Circle`] keeps it), or `None` without an origin or without a radius.
    pub fn circle(&self) -> Option<Circle> {
        let near = self.near?;
        Some(Circle::new(near.lat, near.lon, near.radius_km?))
    }
}

/// What the finder shows for a search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Positions of the visible agencies, ascending.
    pub visible: Vec<usize>,
    /// Counts per option of every facet.
    pub facets: FacetCounts,
    /// Nothing lies within the radius: `visible` holds the nearest few
    /// matches and `facets` count as if there were no radius.
    pub nearest_instead: bool,
    /// The chosen place, by position in [`Index::places`], when the dataset
    /// has no agency there: `visible` holds the nearest few matches
    /// elsewhere, measured from its centre (the radius does not apply), and
    /// `facets` count as if no place were chosen.
    pub empty_place: Option<usize>,
}

/// The visible agencies and the facet counts (see the module documentation).
/// One pass computes matches and counts, folding the free text once.
pub fn results(index: &Index, search: &Search) -> Results {
    let filters = search.filters();
    if let Some((position, (lat, lon))) = empty_place(index, &filters) {
        let elsewhere = Filters {
            place: None,
            circle: None,
            ..filters
        };
        let (all, facets) = index.matching_and_facet_counts(&elsewhere);
        return Results {
            visible: nearest(index, &all, lat, lon),
            facets,
            nearest_instead: false,
            empty_place: Some(position),
        };
    }
    let (visible, facets) = index.matching_and_facet_counts(&filters);
    let circle = match filters.circle {
        Some(circle) if visible.is_empty() => circle,
        _ => {
            return Results {
                visible,
                facets,
                nearest_instead: false,
                empty_place: None,
            }
        }
    };
    let anywhere = Filters {
        circle: None,
        ..filters
    };
    let (all, facets) = index.matching_and_facet_counts(&anywhere);
    Results {
        visible: nearest(index, &all, circle.lat(), circle.lon()),
        facets,
        nearest_instead: true,
        empty_place: None,
    }
}

/// The chosen place, by position in [`Index::places`], and its centre, when
/// the dataset has no agency there.
fn empty_place(index: &Index, filters: &Filters) -> Option<(usize, (f64, f64))> {
    let position = index.empty_place(filters.place.as_ref()?)?;
    Some((position, index.places().get(position)?.centre?))
}

/// Where distances are measured from: the origin of "near me", else the
/// centre of a chosen place without agencies; `None` keeps the dataset order.
pub fn measured_from(index: &Index, search: &Search) -> Option<(f64, f64)> {
    match search.near {
        Some(near) => Some((near.lat, near.lon)),
        None => empty_place(index, &search.filters).map(|(_, centre)| centre),
    }
}

/// Whether the agency at `position` is among [`results`]' visible ones.
/// Tested on that record alone, except where the nearest few stand in for
/// the matches (nothing within the radius, or a place without agencies):
/// which those are depends on the others.
pub fn is_shown(index: &Index, search: &Search, position: usize) -> bool {
    let filters = search.filters();
    if index.matches(position, &filters) {
        return true;
    }
    let stand_in = filters.circle.is_some() || empty_place(index, &filters).is_some();
    let loose = Filters {
        place: None,
        circle: None,
        ..filters
    };
    stand_in
        && index.matches(position, &loose)
        && results(index, search).visible.contains(&position)
}

/// The [`NEAREST_INSTEAD`] candidates nearest to `(lat, lon)`, ascending.
fn nearest(index: &Index, candidates: &[usize], lat: f64, lon: f64) -> Vec<usize> {
    let mut nearest: Vec<usize> = by_distance(candidates, index.positions(), lat, lon)
        .into_iter()
        .take(NEAREST_INSTEAD)
        .map(|(position, _)| position)
        .collect();
    nearest.sort_unstable();
    nearest
}

/// The distance in km of every agency from `(lat, lon)`, by position.
pub fn distances(index: &Index, lat: f64, lon: f64) -> Vec<f64> {
    index
        .positions()
        .iter()
        .map(|&(a_lat, a_lon)| distance_km(lat, lon, a_lat, a_lon))
        .collect()
}

/// Positions of all `n` agencies in list order: by distance (nearest
/// first, ties by position) when there are distances, else as in the dataset.
pub fn list_order(n: usize, distances: Option<&[f64]>) -> Vec<usize> {
    match distances {
        Some(distances) => order_by_distance(distances),
        None => (0..n).collect(),
    }
}

/// `shown[position]` is true for the positions in `visible`.
pub fn shown_mask(n: usize, visible: &[usize]) -> Vec<bool> {
    let mut shown = vec![false; n];
    for &position in visible {
        if let Some(slot) = shown.get_mut(position) {
            *slot = true;
        }
    }
    shown
}

/// The positions of `order` that `shown` marks, in that order (the list
/// of the visible agencies).
pub fn visible_in_order(order: &[usize], shown: &[bool]) -> Vec<usize> {
    order
        .iter()
        .copied()
        .filter(|&position| shown.get(position).copied().unwrap_or(false))
        .collect()
}

/// The distance of the nearest visible agency, if there are distances.
pub fn nearest_km(visible: &[usize], distances: Option<&[f64]>) -> Option<f64> {
    let distances = distances?;
    visible
        .iter()
        .filter_map(|&position| distances.get(position).copied())
        .min_by(f64::total_cmp)
}

/// The box the map fits after a change: around the visible agencies; with
/// an origin, around the origin and its [`FIT_NEAREST`] nearest visible
/// agencies (so that "near me" stays near), and the whole radius when there
/// is one. `None` when there is nothing to fit.
pub fn fit_box(index: &Index, visible: &[usize], near: Option<Near>) -> Option<BBox> {
    let positions = index.positions();
    let Some(near) = near else {
        return BBox::around(visible.iter().filter_map(|&i| positions.get(i).copied()));
    };
    let (lat, lon) = (near.lat, near.lon);
    // The radius as a box: 1° of latitude is about 111 km.
    let (d_lat, d_lon) = near.radius_km.map_or((0.0, 0.0), |km| {
        let d_lat = f64::from(km) / 111.2;
        (d_lat, d_lat / lat.to_radians().cos())
    });
    let nearest = by_distance(visible, positions, lat, lon);
    BBox::around(
        [(lat - d_lat, lon - d_lon), (lat + d_lat, lon + d_lon)]
            .into_iter()
            .chain(
                nearest
                    .into_iter()
                    .take(FIT_NEAREST)
                    .filter_map(|(i, _)| positions.get(i).copied()),
            ),
    )
}

#[cfg(test)]
mod tests;

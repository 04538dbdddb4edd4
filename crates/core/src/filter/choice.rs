//! What the user has chosen: [`Filters`], plain data that [`super::Index`]
//! interprets, with the place and the distance circle it may hold.

use std::collections::BTreeSet;

use crate::geo::distance_km;
use crate::text::fold;
use crate::vocab::{Offer, Topic, Umbrella};

/// A place the user restricts the search to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceFilter {
    /// One municipality, by its 8-digit Amtlicher Gemeindeschlüssel.
    Municipality(String),
    /// A whole Kreis (or kreisfreie Stadt), by its 5-digit key.
    Kreis(String),
}

/// What the user has chosen. Plain data; [`Index`] interprets it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub place: Option<PlaceFilter>,
    /// Any of these offers (OR); empty means no restriction.
    pub offers: BTreeSet<Offer>,
    /// Only Servicestellen für Antidiskriminierungsarbeit.
    pub antidiscrimination: bool,
    /// Any of these topics (OR); only applies while `antidiscrimination` is on,
    /// so that switching the toggle off and on again keeps the sub-selection.
    pub topics: BTreeSet<Topic>,
    /// Any of these umbrellas (OR); empty means no restriction.
    pub umbrellas: BTreeSet<Umbrella>,
    /// Free text; every word must occur in the agency's searchable text.
    pub text: String,
    /// Only agencies within a distance of a point. Not part of the URL as
    /// such: the app resolves the URL's `near` place to this.
    pub circle: Option<Circle>,
}

/// A circle on the map, in whole units so that filters stay comparable
/// (`Eq`): the centre in 1/10,000 degree, the radius in km.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Circle {
    pub lat_e4: i32,
    pub lon_e4: i32,
    pub radius_km: u16,
}

impl Circle {
    pub fn new(lat: f64, lon: f64, radius_km: u16) -> Circle {
        let units = |degrees: f64| (degrees * 10_000.0).round() as i32;
        Circle {
            lat_e4: units(lat),
            lon_e4: units(lon),
            radius_km,
        }
    }

    pub fn lat(&self) -> f64 {
        f64::from(self.lat_e4) / 10_000.0
    }

    pub fn lon(&self) -> f64 {
        f64::from(self.lon_e4) / 10_000.0
    }

    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        distance_km(self.lat(), self.lon(), lat, lon) <= f64::from(self.radius_km)
    }
}

impl Filters {
    /// True when no filter has any effect, i.e. every agency matches.
    ///
    /// Topics chosen while the anti-discrimination toggle is off, and text
    /// without any words, have no effect and so do not count.
    pub fn is_empty(&self) -> bool {
        self.n_active() == 0
    }

    /// How many filter choices are in effect, for a badge such as "Filter (3)":
    /// one for a place, one per offer, one for the toggle, one per topic (only
    /// while the toggle is on), one per umbrella and one for non-blank text.
    pub fn n_active(&self) -> usize {
        let n_topics = if self.antidiscrimination {
            self.topics.len()
        } else {
            0
        };
        usize::from(self.place.is_some())
            + self.offers.len()
            + usize::from(self.antidiscrimination)
            + n_topics
            + self.umbrellas.len()
            + usize::from(!fold(&self.text).is_empty())
            + usize::from(self.circle.is_some())
    }
}

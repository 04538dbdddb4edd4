//! The finder's filter model and a precomputed [`Index`] that applies it fast.
//!
//! [`Filters`] is plain data (what the user chose); [`Index`] is built once per
//! dataset and answers two questions for any `Filters`: which agencies match
//! ([`Index::matching`]) and how many would match per option of every facet
//! ([`Index::facet_counts`]), so the UI can show "Caritas (12)".
//!
//! Semantics: facets combine with AND, options inside one facet with OR. The
//! topics are a sub-filter of the anti-discrimination toggle and only apply
//! while it is on. Facet counts are disjunctive: an option's count applies all
//! other facets but not the option's own facet, so it says how many results
//! there would be with that option added to (or alone in) its facet.
//!
//! Every option is a bitset over the agencies (one `u64` word per 64
//! agencies), so a query is a handful of word-wise ANDs and ORs and a
//! popcount; only the free text is tested per agency, against a haystack that
//! was folded once in [`Index::new`].
//!
//! This module must not do I/O, know about the URL or the UI, or panic on any
//! input: an unknown place simply matches nothing.

mod bitset;
mod choice;
mod place_options;

use std::collections::{BTreeMap, BTreeSet};

use bitset::Bitset;
pub use choice::{Circle, Filters, PlaceFilter};
use place_options::{members, sorted_options};
pub use place_options::{place_options, PlaceOption};

use crate::dataset::{Agency, KreisInfo};
use crate::text::{fold, folded_words};
use crate::vocab::{Offer, Topic, Umbrella};

/// Result counts per facet option, for the current filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Indexed by [`Offer::index`].
    pub offers: Vec<usize>,
    /// Indexed by [`Umbrella::index`].
    pub umbrellas: Vec<usize>,
    /// Indexed by [`Topic::index`]; counts as if the toggle were on.
    pub topics: Vec<usize>,
    /// How many would match with the anti-discrimination toggle on (including
    /// any chosen topics, which apply again once the toggle is on).
    pub antidiscrimination: usize,
    /// Parallel to [`Index::places`].
    pub places: Vec<usize>,
    /// How many match the filters as they are (`matching().len()`).
    pub total: usize,
}

/// Precomputed search structures over one slice of agencies.
///
/// The indices it returns are positions in the slice given to [`Index::new`];
/// the caller keeps that slice and must rebuild the index when it changes.
#[derive(Clone, Debug)]
pub struct Index {
    n_agencies: usize,
    /// Folded searchable text per agency.
    haystacks: Vec<String>,
    /// `(lat, lon)` per agency, for the radius.
    positions: Vec<(f64, f64)>,
    offer_bits: Vec<Bitset>,
    umbrella_bits: Vec<Bitset>,
    topic_bits: Vec<Bitset>,
    antidiscrimination_bits: Bitset,
    /// Agency positions per municipality key, for every key in the data.
    municipality_members: BTreeMap<String, Vec<usize>>,
    /// Agency positions per Kreis key, including Kreise not listed in `places`.
    kreis_members: BTreeMap<String, Vec<usize>>,
    places: Vec<PlaceOption>,
    /// Per agency, the positions in `places` of its municipality and (when
    /// listed) its Kreis option, for counting places in one pass.
    place_slots_per_agency: Vec<[Option<usize>; 2]>,
}

/// The facets, to say which one to leave out when counting disjunctively.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Facet {
    Place,
    Offers,
    Antidiscrimination,
    Umbrellas,
    Text,
    /// Never left out: it has no options to count.
    Circle,
}

/// Each facet's restriction as a bitset; `None` means the facet is not in use.
struct FacetMasks {
    place: Option<Bitset>,
    offers: Option<Bitset>,
    antidiscrimination: Option<Bitset>,
    umbrellas: Option<Bitset>,
    text: Option<Bitset>,
    /// The radius has no options of its own, so it applies to every count.
    circle: Option<Bitset>,
}

impl Index {
    /// Builds the index: folds each agency's searchable text (name, carrier,
    /// street, postcode, city, municipality, Kreis) and makes one bitset per
    /// option. Linear in the number of agencies.
    pub fn new(agencies: &[Agency]) -> Index {
        Index::with_kreise(agencies, &[])
    }

    /// Like [`Index::new`], and lists every Kreis and kreisfreie Stadt of
    /// `kreise` among the places: those without agencies with a count of 0
    /// (so that a resident who picks Leverkusen learns that we know no agency
    /// there, and sees the nearest ones), and every Kreis option with its
    /// centre.
    pub fn with_kreise(agencies: &[Agency], kreise: &[KreisInfo]) -> Index {
        let n_agencies = agencies.len();
        let mut offer_bits = vec![Bitset::empty(n_agencies); Offer::ALL.len()];
        let mut umbrella_bits = vec![Bitset::empty(n_agencies); Umbrella::ALL.len()];
        let mut topic_bits = vec![Bitset::empty(n_agencies); Topic::ALL.len()];
        let mut antidiscrimination_bits = Bitset::empty(n_agencies);
        let mut haystacks = Vec::with_capacity(n_agencies);
        let (municipality_members, kreis_members) = members(agencies);

        for (agency_idx, agency) in agencies.iter().enumerate() {
            haystacks.push(searchable_text(agency));
            for offer in &agency.offers {
                offer_bits[offer.index()].insert(agency_idx);
            }
            umbrella_bits[agency.umbrella.index()].insert(agency_idx);
            if agency.antidiscrimination {
                antidiscrimination_bits.insert(agency_idx);
            }
            for topic in &agency.topics {
                topic_bits[topic.index()].insert(agency_idx);
            }
        }

        let places = sorted_options(agencies, &municipality_members, &kreis_members, kreise);
        let mut place_slots_per_agency = vec![[None, None]; n_agencies];
        for (place_idx, place) in places.iter().enumerate() {
            let (members, slot) = match &place.filter {
                PlaceFilter::Municipality(ags) => (municipality_members.get(ags), 0),
                PlaceFilter::Kreis(kreis_ags) => (kreis_members.get(kreis_ags), 1),
            };
            for &agency_idx in members.into_iter().flatten() {
                if let Some(slots) = place_slots_per_agency.get_mut(agency_idx) {
                    slots[slot] = Some(place_idx);
                }
            }
        }

        Index {
            n_agencies,
            haystacks,
            positions: agencies
                .iter()
                .map(|a| (a.location.lat, a.location.lon))
                .collect(),
            offer_bits,
            umbrella_bits,
            topic_bits,
            antidiscrimination_bits,
            municipality_members,
            kreis_members,
            places,
            place_slots_per_agency,
        }
    }

    /// Number of agencies indexed.
    pub fn len(&self) -> usize {
        self.n_agencies
    }

    /// True when the index holds no agencies.
    pub fn is_empty(&self) -> bool {
        self.n_agencies == 0
    }

    /// The place picker's options: every municipality that has agencies, and
    /// every Kreis that has agencies, sorted by folded name (a municipality
    /// before a Kreis of the same name). A Kreis option covers all of its
    /// municipalities. A Kreis whose only municipality with agencies is the
    /// Kreis itself (equal folded name, or the key plus `000`) is listed once,
    /// as the municipality, because both options would select the same
    /// agencies; this covers every kreisfreie Stadt. A filter on its 5-digit
    /// key still works.
    pub fn places(&self) -> &[PlaceOption] {
        &self.places
    }

    /// The picker option that stands for `place`, to show its name or to
    /// warn about a link to a place without agencies (`None`). A 5-digit key
    /// of a Kreis that is listed only as its municipality (a kreisfreie Stadt)
    /// gives that municipality's option, which selects the same agencies.
    pub fn place_option(&self, place: &PlaceFilter) -> Option<&PlaceOption> {
        if let Some(option) = self.places.iter().find(|option| &option.filter == place) {
            return Some(option);
        }
        let PlaceFilter::Kreis(kreis_ags) = place else {
            return None;
        };
        let first_member = *self.kreis_members.get(kreis_ags)?.first()?;
        let municipality_slot = self.place_slots_per_agency.get(first_member)?[0]?;
        self.places.get(municipality_slot)
    }

    /// The position in [`Index::places`] of `place` when the dataset has no
    /// agency there and its centre is known (a Kreis from
    /// [`Index::with_kreise`]); `None` for a place with agencies or an
    /// unknown key.
    pub fn empty_place(&self, place: &PlaceFilter) -> Option<usize> {
        self.places
            .iter()
            .position(|option| &option.filter == place)
            .filter(|&position| {
                let option = &self.places[position];
                option.is_empty() && option.centre.is_some()
            })
    }

    /// `(lat, lon)` of every agency, by position.
    pub fn positions(&self) -> &[(f64, f64)] {
        &self.positions
    }

    /// Positions of the matching agencies, ascending.
    pub fn matching(&self, filters: &Filters) -> Vec<usize> {
        let masks = self.masks(filters);
        self.all_except(&masks, None).ones()
    }

    /// Whether the agency at `position` matches, tested on that record alone
    /// (no bitsets are built): `matching(filters).contains(&position)`
    /// without looking at the others. False for a position past the end.
    pub fn matches(&self, position: usize, filters: &Filters) -> bool {
        let Some(haystack) = self.haystacks.get(position) else {
            return false;
        };
        let has = |option_bits: &[Bitset], index: usize| {
            option_bits
                .get(index)
                .is_some_and(|bits| bits.contains(position))
        };
        let place_ok = filters.place.as_ref().is_none_or(|place| {
            self.place_members(place)
                .is_some_and(|members| members.binary_search(&position).is_ok())
        });
        let offers_ok = filters.offers.is_empty()
            || filters
                .offers
                .iter()
                .any(|o| has(&self.offer_bits, o.index()));
        let toggle_ok = !filters.antidiscrimination
            || (self.antidiscrimination_bits.contains(position)
                && (filters.topics.is_empty()
                    || filters
                        .topics
                        .iter()
                        .any(|t| has(&self.topic_bits, t.index()))));
        let umbrellas_ok = filters.umbrellas.is_empty()
            || filters
                .umbrellas
                .iter()
                .any(|u| has(&self.umbrella_bits, u.index()));
        let text_ok = folded_words(&filters.text)
            .iter()
            .all(|word| haystack.contains(word.as_str()));
        let circle_ok = filters.circle.is_none_or(|circle| {
            self.positions
                .get(position)
                .is_some_and(|&(lat, lon)| circle.contains(lat, lon))
        });
        place_ok && offers_ok && toggle_ok && umbrellas_ok && text_ok && circle_ok
    }

    /// Option counts for every facet (see the module documentation).
    pub fn facet_counts(&self, filters: &Filters) -> FacetCounts {
        self.matching_and_facet_counts(filters).1
    }

    /// [`Index::matching`] and [`Index::facet_counts`] in one go, folding and
    /// testing the free text only once. This is what the UI should call on
    /// every filter change.
    pub fn matching_and_facet_counts(&self, filters: &Filters) -> (Vec<usize>, FacetCounts) {
        let masks = self.masks(filters);
        let matching = self.all_except(&masks, None);

        let without_offers = self.all_except(&masks, Some(Facet::Offers));
        let offers = self
            .offer_bits
            .iter()
            .map(|bits| without_offers.count_and(bits))
            .collect();

        let without_umbrellas = self.all_except(&masks, Some(Facet::Umbrellas));
        let umbrellas = self
            .umbrella_bits
            .iter()
            .map(|bits| without_umbrellas.count_and(bits))
            .collect();

        // Topics and the toggle are one facet: the topic counts assume the
        // toggle is on, as topics only mean something then.
        let mut with_toggle_on = self.all_except(&masks, Some(Facet::Antidiscrimination));
        with_toggle_on.and_assign(&self.antidiscrimination_bits);
        let topics = self
            .topic_bits
            .iter()
            .map(|bits| with_toggle_on.count_and(bits))
            .collect();
        // Topics chosen while the toggle is off come back into force when it is
        // switched on, so they belong in the "with the toggle on" count.
        if !filters.topics.is_empty() {
            with_toggle_on.and_assign(&self.any_of(
                &self.topic_bits,
                &filters.topics,
                Topic::index,
            ));
        }
        let antidiscrimination = with_toggle_on.count();

        let mut places = vec![0; self.places.len()];
        let without_place = self.all_except(&masks, Some(Facet::Place));
        for agency_idx in without_place.ones() {
            let Some(slots) = self.place_slots_per_agency.get(agency_idx) else {
                continue;
            };
            for slot in slots.iter().flatten() {
                if let Some(count) = places.get_mut(*slot) {
                    *count += 1;
                }
            }
        }

        let matching = matching.ones();
        let counts = FacetCounts {
            offers,
            umbrellas,
            topics,
            antidiscrimination,
            places,
            total: matching.len(),
        };
        (matching, counts)
    }

    /// The agencies in a place, or `None` for a key not in the data.
    fn place_members(&self, place: &PlaceFilter) -> Option<&Vec<usize>> {
        match place {
            PlaceFilter::Municipality(ags) => self.municipality_members.get(ags),
            PlaceFilter::Kreis(kreis_ags) => self.kreis_members.get(kreis_ags),
        }
    }

    fn masks(&self, filters: &Filters) -> FacetMasks {
        let place = filters.place.as_ref().map(|place| {
            let mut bits = Bitset::empty(self.n_agencies);
            for &agency_idx in self.place_members(place).into_iter().flatten() {
                bits.insert(agency_idx);
            }
            bits
        });
        let offers = (!filters.offers.is_empty())
            .then(|| self.any_of(&self.offer_bits, &filters.offers, Offer::index));
        let antidiscrimination = filters.antidiscrimination.then(|| {
            let mut bits = self.antidiscrimination_bits.clone();
            if !filters.topics.is_empty() {
                bits.and_assign(&self.any_of(&self.topic_bits, &filters.topics, Topic::index));
            }
            bits
        });
        let umbrellas = (!filters.umbrellas.is_empty())
            .then(|| self.any_of(&self.umbrella_bits, &filters.umbrellas, Umbrella::index));
        let words = folded_words(&filters.text);
        let text = (!words.is_empty()).then(|| {
            let mut bits = Bitset::empty(self.n_agencies);
            for (agency_idx, haystack) in self.haystacks.iter().enumerate() {
                if words.iter().all(|word| haystack.contains(word.as_str())) {
                    bits.insert(agency_idx);
                }
            }
            bits
        });
        let circle = filters.circle.map(|circle| {
            let mut bits = Bitset::empty(self.n_agencies);
            for (agency_idx, &(lat, lon)) in self.positions.iter().enumerate() {
                if circle.contains(lat, lon) {
                    bits.insert(agency_idx);
                }
            }
            bits
        });
        FacetMasks {
            place,
            offers,
            antidiscrimination,
            umbrellas,
            text,
            circle,
        }
    }

    /// The OR of the option bitsets of the chosen values.
    fn any_of<T: Copy>(
        &self,
        option_bits: &[Bitset],
        chosen: &BTreeSet<T>,
        index: fn(T) -> usize,
    ) -> Bitset {
        let mut bits = Bitset::empty(self.n_agencies);
        for &value in chosen {
            if let Some(option) = option_bits.get(index(value)) {
                bits.or_assign(option);
            }
        }
        bits
    }

    /// The AND of all facet masks except the one left out.
    fn all_except(&self, masks: &FacetMasks, left_out: Option<Facet>) -> Bitset {
        let mut bits = Bitset::full(self.n_agencies);
        let facets = [
            (Facet::Place, &masks.place),
            (Facet::Offers, &masks.offers),
            (Facet::Antidiscrimination, &masks.antidiscrimination),
            (Facet::Umbrellas, &masks.umbrellas),
            (Facet::Text, &masks.text),
            (Facet::Circle, &masks.circle),
        ];
        for (facet, mask) in facets {
            if Some(facet) == left_out {
                continue;
            }
            if let Some(mask) = mask {
                bits.and_assign(mask);
            }
        }
        bits
    }
}

/// The folded text the free-text search looks in.
fn searchable_text(agency: &Agency) -> String {
    let fields = [
        agency.name.as_str(),
        agency.carrier.as_str(),
        agency.address.street.as_deref().unwrap_or(""),
        agency.address.postcode.as_deref().unwrap_or(""),
        agency.address.city.as_str(),
        agency.municipality.as_str(),
        agency.kreis.as_str(),
    ];
    // Folding each field separately and joining with a space keeps words of
    // neighbouring fields apart, exactly as folding the joined text would.
    let folded: Vec<String> = fields
        .iter()
        .map(|field| fold(field))
        .filter(|field| !field.is_empty())
        .collect();
    folded.join(" ")
}

#[cfg(test)]
mod tests;

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

use std::collections::{BTreeMap, BTreeSet};

use crate::dataset::{Agency, KreisInfo};
use crate::geo::distance_km;
use crate::text::{fold, folded_words};
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
    /// (listed so that the app can say so, see [`Index::with_kreise`]).
    pub n_agencies: usize,
    /// `(lat, lon)` of a point inside the place, where known (Kreis options
    /// built with [`Index::with_kreise`]); distances to the nearest agencies
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
        let mut municipality_members: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut kreis_members: BTreeMap<String, Vec<usize>> = BTreeMap::new();

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
            // A record known only by its Kreis belongs to no municipality.
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

        let places = place_options(agencies, &municipality_members, &kreis_members, kreise);
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

/// Builds the sorted place options from the membership maps.
fn place_options(
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

/// A fixed-size set of agency positions, one bit each.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Bitset {
    words: Vec<u64>,
}

impl Bitset {
    fn empty(n_bits: usize) -> Bitset {
        Bitset {
            words: vec![0; n_bits.div_ceil(64)],
        }
    }

    /// All of `0..n_bits`; the unused high bits of the last word stay clear so
    /// that counts and iteration never see positions past the end.
    fn full(n_bits: usize) -> Bitset {
        let mut bits = Bitset {
            words: vec![u64::MAX; n_bits.div_ceil(64)],
        };
        let n_tail_bits = n_bits % 64;
        if n_tail_bits != 0 {
            if let Some(last) = bits.words.last_mut() {
                *last = (1u64 << n_tail_bits) - 1;
            }
        }
        bits
    }

    fn insert(&mut self, position: usize) {
        if let Some(word) = self.words.get_mut(position / 64) {
            *word |= 1u64 << (position % 64);
        }
    }

    fn and_assign(&mut self, other: &Bitset) {
        for (word, other_word) in self.words.iter_mut().zip(&other.words) {
            *word &= other_word;
        }
    }

    fn or_assign(&mut self, other: &Bitset) {
        for (word, other_word) in self.words.iter_mut().zip(&other.words) {
            *word |= other_word;
        }
    }

    fn count(&self) -> usize {
        self.words
            .iter()
            .map(|word| word.count_ones() as usize)
            .sum()
    }

    /// Size of the intersection, without building it.
    fn count_and(&self, other: &Bitset) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(word, other_word)| (word & other_word).count_ones() as usize)
            .sum()
    }

    /// The set positions, ascending.
    fn ones(&self) -> Vec<usize> {
        let mut positions = Vec::with_capacity(self.count());
        for (word_idx, &word) in self.words.iter().enumerate() {
            let mut remaining = word;
            while remaining != 0 {
                positions.push(word_idx * 64 + remaining.trailing_zeros() as usize);
                remaining &= remaining - 1;
            }
        }
        positions
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::synthetic_agencies;
    use crate::vocab::Precision;
    use proptest::prelude::*;

    fn agency(id: &str, ags: &str, municipality: &str, kreis: &str) -> Agency {
        let mut agency = synthetic_agencies(1, 7).remove(0);
        agency.id = id.to_owned();
        agency.ags = ags.to_owned();
        agency.municipality = municipality.to_owned();
        agency.kreis = kreis.to_owned();
        agency.address.city = municipality.to_owned();
        agency
    }

    /// A small hand-made dataset whose answers are easy to see.
    fn sample() -> Vec<Agency> {
        let mut koeln = agency("koeln", "05315000", "Köln", "Köln");
        koeln.name = "Integrationsagentur Köln-Mülheim".into();
        koeln.umbrella = Umbrella::Caritas;
        koeln.offers = vec![Offer::LanguageCourses, Offer::Counselling];
        koeln.antidiscrimination = true;
        koeln.topics = vec![Topic::Racism];
        koeln.address.street = Some("Hauptstraße 1".into());

        let mut troisdorf = agency("troisdorf", "05382068", "Troisdorf", "Rhein-Sieg-Kreis");
        troisdorf.name = "IA Troisdorf".into();
        troisdorf.umbrella = Umbrella::Awo;
        troisdorf.offers = vec![Offer::LanguageCourses];
        troisdorf.antidiscrimination = false;
        troisdorf.topics = vec![];

        let mut siegburg = agency("siegburg", "05382056", "Siegburg", "Rhein-Sieg-Kreis");
        siegburg.name = "IA Siegburg".into();
        siegburg.umbrella = Umbrella::Diakonie;
        siegburg.offers = vec![Offer::NeighbourhoodWork];
        siegburg.antidiscrimination = true;
        siegburg.topics = vec![Topic::Antisemitism];

        let mut bonn = agency("bonn", "05314000", "Bonn", "Bonn");
        bonn.name = "IA Bonn".into();
        bonn.umbrella = Umbrella::Caritas;
        bonn.offers = vec![];
        bonn.antidiscrimination = false;
        bonn.topics = vec![];
        vec![koeln, troisdorf, siegburg, bonn]
    }

    fn filters(edit: impl FnOnce(&mut Filters)) -> Filters {
        let mut filters = Filters::default();
        edit(&mut filters);
        filters
    }

    #[track_caller]
    fn check(filters: Filters, expected_ids: &[&str]) {
        let agencies = sample();
        let index = Index::new(&agencies);
        let ids: Vec<&str> = index
            .matching(&filters)
            .into_iter()
            .map(|idx| agencies[idx].id.as_str())
            .collect();
        assert_eq!(ids, expected_ids, "{filters:?}");
    }

    #[test]
    fn a_radius_keeps_the_agencies_within_it_and_counts_under_it() {
        let mut agencies = sample();
        let place = |a: &mut Agency, lat: f64, lon: f64| {
            a.location.lat = lat;
            a.location.lon = lon;
        };
        place(&mut agencies[0], 50.9413, 6.9583); // Köln
        place(&mut agencies[1], 50.8156, 7.1553); // Troisdorf, 20 km from Köln
        place(&mut agencies[2], 50.7998, 7.2045); // Siegburg, 23 km
        place(&mut agencies[3], 50.7374, 7.0982); // Bonn, 25 km
        let index = Index::new(&agencies);
        let around_koeln = |km| filters(|f| f.circle = Some(Circle::new(50.9413, 6.9583, km)));
        assert_eq!(index.matching(&around_koeln(5)), [0]);
        assert_eq!(index.matching(&around_koeln(22)), [0, 1]);
        assert_eq!(index.matching(&around_koeln(50)), [0, 1, 2, 3]);
        // Facet counts respect the radius too.
        let counts = index.facet_counts(&around_koeln(22));
        assert_eq!(counts.umbrellas[Umbrella::Diakonie.index()], 0);
        assert_eq!(counts.umbrellas[Umbrella::Awo.index()], 1);
        assert_eq!(around_koeln(5).n_active(), 1);
    }

    #[test]
    fn matching_examples() {
        let all = &["koeln", "troisdorf", "siegburg", "bonn"];
        check(Filters::default(), all);
        check(filters(|f| f.text = "koln".into()), &["koeln"]);
        check(filters(|f| f.text = "MUELHEIM".into()), &["koeln"]);
        check(filters(|f| f.text = "strasse".into()), &["koeln"]);
        check(
            filters(|f| f.text = "rhein sieg".into()),
            &["troisdorf", "siegburg"],
        );
        check(filters(|f| f.text = "ia nowhere".into()), &[]);
        check(filters(|f| f.text = " - ".into()), all);
        check(
            filters(|f| f.place = Some(PlaceFilter::Kreis("05382".into()))),
            &["troisdorf", "siegburg"],
        );
        check(
            filters(|f| f.place = Some(PlaceFilter::Municipality("05382068".into()))),
            &["troisdorf"],
        );
        check(
            filters(|f| f.place = Some(PlaceFilter::Kreis("05315".into()))),
            &["koeln"],
        );
        check(
            filters(|f| f.place = Some(PlaceFilter::Municipality("05999999".into()))),
            &[],
        );
        check(
            filters(|f| f.place = Some(PlaceFilter::Kreis("x".into()))),
            &[],
        );
        check(
            filters(|f| f.offers = [Offer::LanguageCourses, Offer::NeighbourhoodWork].into()),
            &["koeln", "troisdorf", "siegburg"],
        );
        check(
            filters(|f| f.umbrellas = [Umbrella::Caritas].into()),
            &["koeln", "bonn"],
        );
        check(
            filters(|f| {
                f.umbrellas = [Umbrella::Caritas].into();
                f.offers = [Offer::Counselling].into();
            }),
            &["koeln"],
        );
        check(
            filters(|f| f.antidiscrimination = true),
            &["koeln", "siegburg"],
        );
        check(
            filters(|f| {
                f.antidiscrimination = true;
                f.topics = [Topic::Antisemitism].into();
            }),
            &["siegburg"],
        );
        // Topics without the toggle have no effect.
        check(filters(|f| f.topics = [Topic::Antisemitism].into()), all);
    }

    fn kreis_info(ags: &str, name: &str, kreisfrei: bool) -> KreisInfo {
        KreisInfo {
            ags: ags.into(),
            name: name.into(),
            kreisfrei,
            lat: 51.0,
            lon: 7.0,
        }
    }

    #[test]
    fn kreise_without_agencies_are_listed_with_zero_and_their_centre() {
        let agencies = vec![
            agency("lippstadt", "05974028", "Lippstadt", "Soest"),
            agency("koeln", "05315000", "Köln", "Köln"),
        ];
        let kreise = [
            kreis_info("05316", "Leverkusen", true),
            kreis_info("05158", "Mettmann", false),
            kreis_info("05974", "Soest", false),
            kreis_info("05315", "Köln", true),
            kreis_info("05962", "Märkischer Kreis", false),
        ];
        let index = Index::with_kreise(&agencies, &kreise);
        let listed: Vec<(String, usize, bool)> = index
            .places()
            .iter()
            .map(|p| (p.label(" (Kreis)"), p.n_agencies, p.centre.is_some()))
            .collect();
        assert_eq!(
            listed,
            [
                ("Köln".to_owned(), 1, false),
                ("Leverkusen".to_owned(), 0, true),
                ("Lippstadt".to_owned(), 1, false),
                ("Märkischer Kreis".to_owned(), 0, true),
                ("Mettmann (Kreis)".to_owned(), 0, true),
                ("Soest (Kreis)".to_owned(), 1, true),
            ]
        );
        let leverkusen = PlaceFilter::Kreis("05316".into());
        assert!(index
            .place_option(&leverkusen)
            .is_some_and(PlaceOption::is_empty));
        assert_eq!(index.empty_place(&leverkusen), Some(1));
        assert_eq!(index.empty_place(&PlaceFilter::Kreis("05974".into())), None);
        assert_eq!(index.empty_place(&PlaceFilter::Kreis("09999".into())), None);
        let filters = Filters {
            place: Some(leverkusen),
            ..Filters::default()
        };
        assert!(index.matching(&filters).is_empty());
        // Without the list, the index is the one `new` builds.
        assert_eq!(
            Index::with_kreise(&agencies, &[]).places(),
            Index::new(&agencies).places()
        );
    }

    #[test]
    fn a_kreis_only_record_belongs_to_the_kreis_and_to_none_of_its_towns() {
        let mut soest_kreis = agency("ada-soest", "05974", "", "Soest");
        soest_kreis.location.precision = Precision::Kreis;
        soest_kreis.address.city = "Kreis Soest".into();
        let lippstadt = agency("lippstadt", "05974028", "Lippstadt", "Soest");
        // A Kreis with only a Kreis-only record is still listed, as a Kreis.
        let mut borken = agency("drk-borken", "05554", "", "Borken");
        borken.location.precision = Precision::Kreis;
        let agencies = vec![soest_kreis, lippstadt, borken];
        let index = Index::new(&agencies);
        let listed: Vec<(&str, bool, usize)> = index
            .places()
            .iter()
            .map(|place| (place.name.as_str(), place.is_kreis, place.n_agencies))
            .collect();
        assert_eq!(
            listed,
            [
                ("Borken", true, 1),
                ("Lippstadt", false, 1),
                ("Soest", true, 2)
            ]
        );
        let ids = |place: PlaceFilter| {
            let filters = Filters {
                place: Some(place),
                ..Filters::default()
            };
            index
                .matching(&filters)
                .into_iter()
                .map(|i| agencies[i].id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(PlaceFilter::Kreis("05974".into())),
            ["ada-soest", "lippstadt"]
        );
        assert_eq!(
            ids(PlaceFilter::Municipality("05974028".into())),
            ["lippstadt"]
        );
        assert_eq!(ids(PlaceFilter::Kreis("05554".into())), ["drk-borken"]);
        assert!(ids(PlaceFilter::Municipality("05554".into())).is_empty());
    }

    #[test]
    fn places_are_listed_once_and_sorted() {
        let index = Index::new(&sample());
        let listed: Vec<(&str, bool, usize)> = index
            .places()
            .iter()
            .map(|place| (place.name.as_str(), place.is_kreis, place.n_agencies))
            .collect();
        assert_eq!(
            listed,
            [
                ("Bonn", false, 1),
                ("Köln", false, 1),
                ("Rhein-Sieg-Kreis", true, 2),
                ("Siegburg", false, 1),
                ("Troisdorf", false, 1),
            ]
        );
        let siegburg = &index.places()[3];
        assert_eq!(siegburg.kreis_name, "Rhein-Sieg-Kreis");
        assert_eq!(
            siegburg.filter,
            PlaceFilter::Municipality("05382056".into())
        );
    }

    #[test]
    fn place_option_lookup() {
        let index = Index::new(&sample());
        let name_of = |place: PlaceFilter| index.place_option(&place).map(|o| o.name.as_str());
        assert_eq!(
            name_of(PlaceFilter::Municipality("05382068".into())),
            Some("Troisdorf")
        );
        assert_eq!(
            name_of(PlaceFilter::Kreis("05382".into())),
            Some("Rhein-Sieg-Kreis")
        );
        // Köln is listed once, as a municipality; its Kreis key finds that entry.
        assert_eq!(name_of(PlaceFilter::Kreis("05315".into())), Some("Köln"));
        assert_eq!(name_of(PlaceFilter::Municipality("05999999".into())), None);
        assert_eq!(name_of(PlaceFilter::Kreis("05999".into())), None);
    }

    #[test]
    fn facet_counts_are_disjunctive() {
        let index = Index::new(&sample());
        let filters = filters(|f| {
            f.umbrellas = [Umbrella::Caritas].into();
            f.place = Some(PlaceFilter::Municipality("05315000".into()));
        });
        let counts = index.facet_counts(&filters);
        assert_eq!(counts.total, 1);
        // Umbrellas ignore the umbrella choice but apply the place: only Köln.
        assert_eq!(counts.umbrellas[Umbrella::Caritas.index()], 1);
        assert_eq!(counts.umbrellas[Umbrella::Awo.index()], 0);
        // Places ignore the place but apply Caritas: Köln and Bonn.
        let by_name = |name: &str| {
            index
                .places()
                .iter()
                .position(|place| place.name == name)
                .map(|position| counts.places[position])
        };
        assert_eq!(by_name("Köln"), Some(1));
        assert_eq!(by_name("Bonn"), Some(1));
        assert_eq!(by_name("Troisdorf"), Some(0));
        assert_eq!(counts.antidiscrimination, 1);
        assert_eq!(counts.offers[Offer::LanguageCourses.index()], 1);
    }

    #[test]
    fn n_active_counts_what_has_an_effect() {
        assert!(Filters::default().is_empty());
        assert!(filters(|f| f.topics = [Topic::Age].into()).is_empty());
        assert!(filters(|f| f.text = " , ".into()).is_empty());
        let busy = filters(|f| {
            f.place = Some(PlaceFilter::Kreis("05382".into()));
            f.offers = [Offer::Counselling, Offer::Networking].into();
            f.antidiscrimination = true;
            f.topics = [Topic::Age].into();
            f.umbrellas = [Umbrella::Drk].into();
            f.text = "x".into();
        });
        assert_eq!(busy.n_active(), 7);
    }

    #[test]
    fn empty_index_answers_everything() {
        let index = Index::new(&[]);
        assert!(index.is_empty());
        assert_eq!(index.matching(&Filters::default()), Vec::<usize>::new());
        let counts = index.facet_counts(&filters(|f| f.text = "x".into()));
        assert_eq!(counts.total, 0);
        assert_eq!(counts.offers.len(), Offer::ALL.len());
    }

    /// The reference semantics, written as plainly as possible.
    fn naive_matches(agency: &Agency, filters: &Filters) -> bool {
        let place_ok = match &filters.place {
            None => true,
            Some(PlaceFilter::Municipality(ags)) => &agency.ags == ags,
            Some(PlaceFilter::Kreis(kreis_ags)) => agency.kreis_ags() == kreis_ags,
        };
        let offers_ok =
            filters.offers.is_empty() || agency.offers.iter().any(|o| filters.offers.contains(o));
        let toggle_ok = !filters.antidiscrimination
            || (agency.antidiscrimination
                && (filters.topics.is_empty()
                    || agency.topics.iter().any(|t| filters.topics.contains(t))));
        let umbrellas_ok =
            filters.umbrellas.is_empty() || filters.umbrellas.contains(&agency.umbrella);
        let haystack = fold(&format!(
            "{} {} {} {} {} {} {}",
            agency.name,
            agency.carrier,
            agency.address.street.as_deref().unwrap_or(""),
            agency.address.postcode.as_deref().unwrap_or(""),
            agency.address.city,
            agency.municipality,
            agency.kreis
        ));
        let text_ok = crate::text::matches_all_words(&haystack, &filters.text);
        place_ok && offers_ok && toggle_ok && umbrellas_ok && text_ok
    }

    fn naive_count(
        agencies: &[Agency],
        filters: &Filters,
        extra: impl Fn(&Agency) -> bool,
    ) -> usize {
        agencies
            .iter()
            .filter(|agency| naive_matches(agency, filters) && extra(agency))
            .count()
    }

    fn arbitrary_filters() -> impl Strategy<Value = Filters> {
        let places = prop_oneof![
            Just(None),
            Just(Some(PlaceFilter::Municipality("05315000".to_owned()))),
            Just(Some(PlaceFilter::Municipality("05382068".to_owned()))),
            Just(Some(PlaceFilter::Municipality("05999999".to_owned()))),
            Just(Some(PlaceFilter::Kreis("05382".to_owned()))),
            Just(Some(PlaceFilter::Kreis("05315".to_owned()))),
            Just(Some(PlaceFilter::Kreis("05334".to_owned()))),
            Just(Some(PlaceFilter::Kreis("0".to_owned()))),
        ];
        let texts = prop_oneof![
            Just(String::new()),
            Just("koln".to_owned()),
            Just("Agentur 1".to_owned()),
            Just("strasse".to_owned()),
            Just("Rhein-Sieg".to_owned()),
            Just("zzz".to_owned()),
            "[a-zäöü ]{0,6}",
        ];
        (
            places,
            proptest::sample::subsequence(Offer::ALL.to_vec(), 0..=3),
            any::<bool>(),
            proptest::sample::subsequence(Topic::ALL.to_vec(), 0..=2),
            proptest::sample::subsequence(Umbrella::ALL.to_vec(), 0..=2),
            texts,
        )
            .prop_map(
                |(place, offers, antidiscrimination, topics, umbrellas, text)| Filters {
                    place,
                    offers: offers.into_iter().collect(),
                    antidiscrimination,
                    topics: topics.into_iter().collect(),
                    umbrellas: umbrellas.into_iter().collect(),
                    text,
                    circle: None,
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn index_agrees_with_the_naive_reference(
            n_agencies in 0usize..150,
            seed in any::<u64>(),
            filters in arbitrary_filters(),
        ) {
            let agencies = synthetic_agencies(n_agencies, seed);
            let index = Index::new(&agencies);

            let expected: Vec<usize> = (0..agencies.len())
                .filter(|&idx| naive_matches(&agencies[idx], &filters))
                .collect();
            let (matching, counts) = index.matching_and_facet_counts(&filters);
            prop_assert_eq!(&matching, &expected);
            prop_assert_eq!(&index.matching(&filters), &expected);
            prop_assert_eq!(&index.facet_counts(&filters), &counts);
            prop_assert_eq!(counts.total, expected.len());

            let without_offers = Filters { offers: BTreeSet::new(), ..filters.clone() };
            for offer in Offer::ALL {
                prop_assert_eq!(
                    counts.offers[offer.index()],
                    naive_count(&agencies, &without_offers, |a| a.offers.contains(offer))
                );
            }
            let without_umbrellas = Filters { umbrellas: BTreeSet::new(), ..filters.clone() };
            for umbrella in Umbrella::ALL {
                prop_assert_eq!(
                    counts.umbrellas[umbrella.index()],
                    naive_count(&agencies, &without_umbrellas, |a| a.umbrella == *umbrella)
                );
            }
            let toggle_without_topics =
                Filters { antidiscrimination: true, topics: BTreeSet::new(), ..filters.clone() };
            for topic in Topic::ALL {
                prop_assert_eq!(
                    counts.topics[topic.index()],
                    naive_count(&agencies, &toggle_without_topics, |a| a.topics.contains(topic))
                );
            }
            let toggle_on = Filters { antidiscrimination: true, ..filters.clone() };
            prop_assert_eq!(counts.antidiscrimination, naive_count(&agencies, &toggle_on, |_| true));

            let without_place = Filters { place: None, ..filters.clone() };
            prop_assert_eq!(counts.places.len(), index.places().len());
            for (place, count) in index.places().iter().zip(&counts.places) {
                let in_place = Filters { place: Some(place.filter.clone()), ..without_place.clone() };
                prop_assert_eq!(*count, naive_count(&agencies, &in_place, |_| true));
                let only_place = Filters { place: Some(place.filter.clone()), ..Filters::default() };
                prop_assert_eq!(place.n_agencies, naive_count(&agencies, &only_place, |_| true));
            }
        }

        #[test]
        fn places_cover_every_agency_once_as_a_municipality(
            n_agencies in 0usize..120,
            seed in any::<u64>(),
        ) {
            let agencies = synthetic_agencies(n_agencies, seed);
            let index = Index::new(&agencies);
            let places = index.places();
            let municipality_total: usize =
                places.iter().filter(|p| !p.is_kreis).map(|p| p.n_agencies).sum();
            prop_assert_eq!(municipality_total, agencies.len());
            let mut keys: Vec<&PlaceFilter> = places.iter().map(|p| &p.filter).collect();
            keys.sort();
            keys.dedup();
            prop_assert_eq!(keys.len(), places.len());
            for pair in places.windows(2) {
                prop_assert!(fold(&pair[0].name) <= fold(&pair[1].name));
            }
            // Every place that has agencies can be named, by either key.
            for agency in &agencies {
                let municipality = PlaceFilter::Municipality(agency.ags.clone());
                let kreis = PlaceFilter::Kreis(agency.kreis_ags().to_owned());
                prop_assert!(index.place_option(&municipality).is_some());
                prop_assert!(index.place_option(&kreis).is_some());
            }
            // A kreisfreie Stadt is never listed a second time as a Kreis.
            for place in places.iter().filter(|p| p.is_kreis) {
                let PlaceFilter::Kreis(kreis_ags) = &place.filter else {
                    return Err(TestCaseError::fail("a Kreis option without a Kreis filter"));
                };
                let city_key = PlaceFilter::Municipality(format!("{kreis_ags}000"));
                let listed_twice = places.iter().any(|other| {
                    !other.is_kreis
                        && other.filter == city_key
                        && other.n_agencies == place.n_agencies
                });
                prop_assert!(!listed_twice, "{:?}", place);
            }
        }
    }
}

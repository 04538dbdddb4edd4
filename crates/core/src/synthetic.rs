//! Deterministic synthetic agencies for tests, benchmarks and demos.
//!
//! The real dataset has about 214 records; performance work needs 100,000,
//! and property tests need many small random sets. Every record made here is
//! clearly labelled as test data (id `synthetic-<n>`, name "… (Testdaten)",
//! `example.org` addresses) and passes [`validate_agency`], so it can flow
//! through every code path the real data takes.
//!
//! Positions lie inside [`NRW_BBOX`] and are denser around the Rhine-Ruhr
//! cities; the municipality keys come from a short list of real NRW
//! municipalities, but a position need not lie in its municipality.
//!
//! This module must not use randomness from outside (it has its own tiny
//! SplitMix64 generator, so the same seed gives the same data on every
//! platform and in wasm) and must not be used for anything shown to users as
//! real data.
//!
//! [`validate_agency`]: crate::validate::validate_agency

use crate::dataset::{
    Address, Agency, Contact, Dataset, DatasetMeta, DatasetSource, Location, SCHEMA_VERSION,
};
use crate::geo::NRW_BBOX;
use crate::vocab::{Offer, Precision, Topic, Umbrella};

/// The source URL of every synthetic record.
pub const SYNTHETIC_SOURCE_URL: &str = "https://example.org/synthetisch";

/// A whole dataset of `n` synthetic agencies, labelled as test data in its
/// source text so the app's "Stand und Quelle" line says so.
pub fn synthetic_dataset(n: usize, seed: u64) -> Dataset {
    Dataset {
        schema_version: SCHEMA_VERSION,
        meta: DatasetMeta {
            as_of: "2026-01-01".into(),
            source: DatasetSource {
                text: format!(
                    "SYNTHETISCHE TESTDATEN ({n} erfundene Einträge, Startwert {seed}) – keine echten Agenturen"
                ),
                url: SYNTHETIC_SOURCE_URL.into(),
            },
            licence: "CC0 1.0 (Testdaten)".into(),
            coverage: None,
            kreise: Vec::new(),
        },
        agencies: synthetic_agencies(n, seed),
    }
}

/// Makes `n` synthetic agencies from `seed`; the same arguments always give
/// the same records, and the first `k` records do not depend on `n`.
pub fn synthetic_agencies(n: usize, seed: u64) -> Vec<Agency> {
    let mut random = SplitMix64::new(seed);
    (1..=n)
        .map(|number| synthetic_agency(number, &mut random))
        .collect()
}

/// A real NRW municipality: key, name, Kreis, approximate centre and a weight
/// that makes the big Rhine-Ruhr cities more frequent.
struct Municipality {
    ags: &'static str,
    name: &'static str,
    kreis: &'static str,
    lat: f64,
    lon: f64,
    weight: u32,
}

// One municipality per line reads best as a table, so rustfmt keeps out.
#[rustfmt::skip]
const MUNICIPALITIES: &[Municipality] = &[
    Municipality { ags: "05315000", name: "Köln", kreis: "Köln", lat: 50.9375, lon: 6.9603, weight: 12 },
    Municipality { ags: "05111000", name: "Düsseldorf", kreis: "Düsseldorf", lat: 51.2277, lon: 6.7735, weight: 9 },
    Municipality { ags: "05913000", name: "Dortmund", kreis: "Dortmund", lat: 51.5136, lon: 7.4653, weight: 9 },
    Municipality { ags: "05113000", name: "Essen", kreis: "Essen", lat: 51.4556, lon: 7.0116, weight: 9 },
    Municipality { ags: "05112000", name: "Duisburg", kreis: "Duisburg", lat: 51.4344, lon: 6.7623, weight: 8 },
    Municipality { ags: "05911000", name: "Bochum", kreis: "Bochum", lat: 51.4818, lon: 7.2162, weight: 6 },
    Municipality { ags: "05124000", name: "Wuppertal", kreis: "Wuppertal", lat: 51.2562, lon: 7.1508, weight: 6 },
    Municipality { ags: "05513000", name: "Gelsenkirchen", kreis: "Gelsenkirchen", lat: 51.5177, lon: 7.0857, weight: 5 },
    Municipality { ags: "05117000", name: "Mülheim an der Ruhr", kreis: "Mülheim an der Ruhr", lat: 51.4186, lon: 6.8845, weight: 4 },
    Municipality { ags: "05914000", name: "Hagen", kreis: "Hagen", lat: 51.3671, lon: 7.4633, weight: 4 },
    Municipality { ags: "05314000", name: "Bonn", kreis: "Bonn", lat: 50.7374, lon: 7.0982, weight: 5 },
    Municipality { ags: "05382068", name: "Troisdorf", kreis: "Rhein-Sieg-Kreis", lat: 50.8153, lon: 7.1557, weight: 2 },
    Municipality { ags: "05382056", name: "Siegburg", kreis: "Rhein-Sieg-Kreis", lat: 50.7998, lon: 7.2075, weight: 2 },
    Municipality { ags: "05334002", name: "Aachen", kreis: "Städteregion Aachen", lat: 50.7753, lon: 6.0839, weight: 4 },
    Municipality { ags: "05515000", name: "Münster", kreis: "Münster", lat: 51.9607, lon: 7.6261, weight: 4 },
    Municipality { ags: "05711000", name: "Bielefeld", kreis: "Bielefeld", lat: 52.0302, lon: 8.5325, weight: 4 },
    Municipality { ags: "05962024", name: "Lüdenscheid", kreis: "Märkischer Kreis", lat: 51.2198, lon: 7.6273, weight: 2 },
    Municipality { ags: "05774032", name: "Paderborn", kreis: "Paderborn", lat: 51.7189, lon: 8.7575, weight: 2 },
    Municipality { ags: "05970040", name: "Siegen", kreis: "Siegen-Wittgenstein", lat: 50.8748, lon: 8.0243, weight: 2 },
    Municipality { ags: "05154036", name: "Kleve", kreis: "Kleve", lat: 51.7882, lon: 6.1385, weight: 1 },
    Municipality { ags: "05558012", name: "Coesfeld", kreis: "Coesfeld", lat: 51.9458, lon: 7.1675, weight: 1 },
];

const STREETS: &[&str] = &[
    "Hauptstraße",
    "Bahnhofstraße",
    "Kirchplatz",
    "Am Markt",
    "Friedrich-Ebert-Straße",
    "Düsseldorfer Straße",
    "Goethestraße",
];

const CARRIER_KINDS: &[&str] = &[
    "Beispielverein",
    "Musterträger",
    "Testverband",
    "Übungsgesellschaft",
];

const LANGUAGES: &[&str] = &["de", "tr", "ar", "ru", "pl", "en", "fa", "uk", "ku", "fr"];

fn synthetic_agency(number: usize, random: &mut SplitMix64) -> Agency {
    let municipality = pick_municipality(random);
    let (lat, lon) = position_near(municipality, random);
    let umbrella = Umbrella::ALL[random.below(Umbrella::ALL.len())];
    let offers: Vec<Offer> = Offer::ALL
        .iter()
        .copied()
        .filter(|_| random.chance(0.35))
        .collect();
    let antidiscrimination = random.chance(0.2);
    let topics: Vec<Topic> = if antidiscrimination {
        Topic::ALL
            .iter()
            .copied()
            .filter(|_| random.chance(0.25))
            .collect()
    } else {
        Vec::new()
    };
    let languages: Vec<String> = LANGUAGES
        .iter()
        .filter(|_| random.chance(0.2))
        .map(|code| (*code).to_owned())
        .collect();
    let street = random.chance(0.9).then(|| {
        format!(
            "{} {}",
            STREETS[random.below(STREETS.len())],
            1 + random.below(120)
        )
    });
    let postcode = random
        .chance(0.9)
        .then(|| format!("{:05}", 32_000 + random.below(27_999)));
    let phone = random.chance(0.8).then(|| {
        format!(
            "0{} {}",
            200 + random.below(800),
            100_000 + random.below(900_000)
        )
    });
    // Synthetic records always name a municipality, so never `Kreis`.
    const PRECISIONS: [Precision; 3] = [
        Precision::Address,
        Precision::Postcode,
        Precision::Municipality,
    ];
    let precision = PRECISIONS[random.below(PRECISIONS.len())];
    let carrier = format!(
        "{} {} e. V.",
        CARRIER_KINDS[random.below(CARRIER_KINDS.len())],
        umbrella.label_de()
    );
    let source_seen = format!(
        "2026-{:02}-{:02}",
        1 + random.below(12),
        1 + random.below(28)
    );
    Agency {
        id: format!("synthetic-{number}"),
        name: format!("Synthetische Agentur {number} (Testdaten)"),
        carrier,
        umbrella,
        address: Address {
            street,
            postcode,
            city: municipality.name.to_owned(),
            carrier_servicestelle: false,
        },
        ags: municipality.ags.to_owned(),
        municipality: municipality.name.to_owned(),
        kreis: municipality.kreis.to_owned(),
        location: Location {
            lat,
            lon,
            precision,
        },
        offers,
        antidiscrimination,
        topics,
        contact: Contact {
            phone,
            email: random
                .chance(0.7)
                .then(|| format!("info-{number}@example.org")),
            website: random
                .chance(0.7)
                .then(|| format!("https://example.org/agentur-{number}")),
            carrier_website: false,
        },
        languages,
        source_url: SYNTHETIC_SOURCE_URL.to_owned(),
        source_note: Some("Synthetische Testdaten, keine echte Einrichtung".to_owned()),
        last_verified: String::new(),
        source_seen,
        source_date: None,
        source_credit: None,
        field_sources: Vec::new(),
    }
}

fn pick_municipality(random: &mut SplitMix64) -> &'static Municipality {
    let total_weight: u32 = MUNICIPALITIES.iter().map(|m| m.weight).sum();
    let mut ticket = random.below(total_weight as usize) as u32;
    for municipality in MUNICIPALITIES {
        if ticket < municipality.weight {
            return municipality;
        }
        ticket -= municipality.weight;
    }
    &MUNICIPALITIES[0]
}

/// Mostly within about 10 km of the municipality's centre; one in ten
/// anywhere in the box, so that the whole Land is covered.
fn position_near(municipality: &Municipality, random: &mut SplitMix64) -> (f64, f64) {
    let (lat, lon) = if random.chance(0.1) {
        (
            NRW_BBOX.south + random.unit() * (NRW_BBOX.north - NRW_BBOX.south),
            NRW_BBOX.west + random.unit() * (NRW_BBOX.east - NRW_BBOX.west),
        )
    } else {
        // The sum of two uniforms is triangular: denser at the centre.
        let jitter =
            |random: &mut SplitMix64, spread: f64| (random.unit() + random.unit() - 1.0) * spread;
        (
            municipality.lat + jitter(random, 0.09),
            municipality.lon + jitter(random, 0.14),
        )
    };
    // Rounded to 6 decimals (about 10 cm), as real coordinates are written.
    let round = |value: f64| (value * 1e6).round() / 1e6;
    (
        round(lat.clamp(NRW_BBOX.south, NRW_BBOX.north)),
        round(lon.clamp(NRW_BBOX.west, NRW_BBOX.east)),
    )
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast and good enough for test
/// data; not for anything security-related.
struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`, from the top 53 bits.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..bound` (0 when `bound` is 0); the modulo bias is
    /// irrelevant for test data.
    fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            return 0;
        }
        (self.next_u64() % bound as u64) as usize
    }

    fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_labelled_and_deterministic() {
        let agencies = synthetic_agencies(2_000, 42);
        assert_eq!(agencies.len(), 2_000);
        for agency in &agencies {
            assert!(agency.name.contains("(Testdaten)"));
            assert!(NRW_BBOX.contains(agency.location.lat, agency.location.lon));
            assert_eq!(agency.source_url, SYNTHETIC_SOURCE_URL);
            assert!(agency.topics.is_empty() || agency.antidiscrimination);
        }
        let ids: std::collections::HashSet<&str> = agencies.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), agencies.len());
        assert_eq!(agencies[0].id, "synthetic-1");
        assert_eq!(synthetic_agencies(2_000, 42), agencies);
        assert_eq!(synthetic_agencies(10, 42), agencies[..10]);
        assert_ne!(synthetic_agencies(10, 43), agencies[..10]);
        assert_eq!(synthetic_agencies(0, 42), vec![]);
    }

    #[test]
    fn records_are_varied() {
        let agencies = synthetic_agencies(2_000, 7);
        let share = |predicate: &dyn Fn(&Agency) -> bool| {
            agencies.iter().filter(|a| predicate(a)).count() as f64 / agencies.len() as f64
        };
        let antidiscrimination = share(&|a| a.antidiscrimination);
        assert!(
            (0.15..0.25).contains(&antidiscrimination),
            "{antidiscrimination}"
        );
        for umbrella in Umbrella::ALL {
            assert!(share(&|a| a.umbrella == *umbrella) > 0.05, "{umbrella}");
        }
        for offer in Offer::ALL {
            assert!(share(&|a| a.offers.contains(offer)) > 0.25, "{offer}");
        }
        for topic in Topic::ALL {
            assert!(share(&|a| a.topics.contains(topic)) > 0.02, "{topic}");
        }
        // Denser around the Rhine-Ruhr area than in the east of the Land.
        let rhine_ruhr = share(&|a| {
            (6.6..7.6).contains(&a.location.lon) && (50.7..51.6).contains(&a.location.lat)
        });
        assert!(rhine_ruhr > 0.5, "{rhine_ruhr}");
    }
}

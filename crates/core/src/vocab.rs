//! Closed vocabularies of the dataset: offer types, welfare associations
//! (umbrellas), anti-discrimination topics and position precision.
//!
//! Each vocabulary is a plain `Copy` enum whose serialized form is a stable
//! snake_case code. The German label here is the canonical one (used by the
//! CSV format and the validator); translated UI labels live in the app's i18n
//! module and are keyed by the same enum.

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: an enum with a stable code and a German label
/// per variant, plus `ALL`, `code`, `label_de` and `from_code`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = ($code:literal, $label:literal),)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code used in JSON, CSV and URLs.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The canonical German label.
            pub fn label_de(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Looks a value up by its code; `None` for an unknown code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// Position in `ALL`, usable as an index into per-value tables.
            pub fn index(self) -> usize {
                self as usize
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

vocabulary! {
    /// What an agency offers. The first four are the fields of work
    /// (Handlungsfelder) of every Integrationsagentur; the rest are the
    /// concrete offers named by the state.
    pub enum Offer {
        InterculturalOpening = ("intercultural_opening", "Interkulturelle Öffnung"),
        NeighbourhoodWork = ("neighbourhood_work", "Sozialraumorientierte Arbeit"),
        CivicEngagement = ("civic_engagement", "Bürgerschaftliches Engagement"),
        AntidiscriminationWork = ("antidiscrimination_work", "Antidiskriminierungsarbeit"),
        LanguageCourses = ("language_courses", "Niedrigschwellige Sprachkurse"),
        IntegrationGuides = ("integration_guides", "Integrationslotsen"),
        CulturallySensitiveCare = ("culturally_sensitive_care", "Kultursensible Altenhilfe und Qualifizierung"),
        Counselling = ("counselling", "Beratung"),
        MigrantOrganisations = ("migrant_organisations", "Unterstützung von Migrantenorganisationen"),
        Networking = ("networking", "Vernetzung"),
    }
}

vocabulary! {
    /// The welfare association (Wohlfahrtsverband) an agency's carrier belongs to.
    pub enum Umbrella {
        Awo = ("awo", "AWO"),
        Caritas = ("caritas", "Caritas"),
        Diakonie = ("diakonie", "Diakonie"),
        Drk = ("drk", "DRK"),
        Paritaetischer = ("paritaetischer", "Der Paritätische"),
        JewishCommunities = ("jewish_communities", "Jüdische Gemeinden"),
        Other = ("other", "Andere"),
        Unknown = ("unknown", "Nicht angegeben"),
    }
}

vocabulary! {
    /// Counselling focus of a Servicestelle für Antidiskriminierungsarbeit.
    pub enum Topic {
        Racism = ("racism", "Rassistische Diskriminierung"),
        AntiMuslimRacism = ("anti_muslim_racism", "Antimuslimischer Rassismus"),
        AntiBlackRacism = ("anti_black_racism", "Anti-Schwarzer Rassismus"),
        Antisemitism = ("antisemitism", "Antisemitismus"),
        Antiziganism = ("antiziganism", "Antiziganismus (Sinti*zze und Rom*nja)"),
        Lgbtiq = ("lgbtiq", "LSBTIQ*"),
        Sexism = ("sexism", "Sexismus"),
        Age = ("age", "Lebensalter"),
        Disability = ("disability", "Behinderung"),
        Work = ("work", "Arbeit"),
        Housing = ("housing", "Wohnen"),
        Education = ("education", "Bildung"),
        Authorities = ("authorities", "Behörden"),
        Justice = ("justice", "Justiz"),
    }
}

vocabulary! {
    /// How exact a position is. Only `Address` is street-level; the others are
    /// a point inside an area and the UI must say so. `Kreis` (schema v2) is a
    /// record whose source names only the Kreis: it sits at a point inside the
    /// Kreis, its `ags` is the Kreis' 5-digit key and it belongs to no town.
    pub enum Precision {
        Address = ("address", "Adresse"),
        Postcode = ("postcode", "Postleitzahl-Gebiet (ungefähr)"),
        Municipality = ("municipality", "Gemeinde (ungefähr)"),
        Kreis = ("kreis", "Kreis (genaue Adresse unbekannt)"),
    }
}

impl Precision {
    /// True when the position is only the centre of an area.
    pub fn is_approximate(self) -> bool {
        self != Precision::Address
    }

    /// True when only the Kreis is known: no town, and a distance to the
    /// record means nothing more than "somewhere in the Kreis".
    pub fn is_kreis_only(self) -> bool {
        self == Precision::Kreis
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            code: fn(T) -> &'static str,
            from: fn(&str) -> Option<T>,
        ) {
            let mut seen = std::collections::HashSet::new();
            for &value in all {
                assert!(seen.insert(code(value)), "duplicate code {}", code(value));
                assert_eq!(from(code(value)), Some(value));
            }
        }
        check(Offer::ALL, Offer::code, Offer::from_code);
        check(Umbrella::ALL, Umbrella::code, Umbrella::from_code);
        check(Topic::ALL, Topic::code, Topic::from_code);
        check(Precision::ALL, Precision::code, Precision::from_code);
    }

    #[test]
    fn index_matches_position_in_all() {
        for (position, offer) in Offer::ALL.iter().enumerate() {
            assert_eq!(offer.index(), position);
        }
    }

    #[test]
    fn serde_uses_codes() {
        assert_eq!(
            serde_json::to_string(&Offer::LanguageCourses)
                .ok()
                .as_deref(),
            Some("\"language_courses\"")
        );
        assert_eq!(
            serde_json::from_str::<Umbrella>("\"drk\"").ok(),
            Some(Umbrella::Drk)
        );
        assert!(serde_json::from_str::<Topic>("\"nonsense\"").is_err());
    }
}

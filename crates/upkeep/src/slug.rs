//! Slugs, record ids and name normalisation.
//!
//! Id rule (documented in `docs/dataset.md`):
//! 1. `slug(name)`; then `-slug(city)` is appended unless the name slug already
//!    contains the city slug as whole words (so "AWO Integrationsagentur Ahlen"
//!    in Ahlen gives `awo-integrationsagentur-ahlen`, not `…-ahlen-ahlen`).
//!    Remarks in parentheses are removed from the city first.
//! 2. Records that end up with the same id are told apart by adding, to *all*
//!    of them, the slug of the carrier; if that does not separate them, the slug
//!    of the street; then both. The result does not depend on record order.
//! 3. A sourced record may carry an explicit `id`, which is used as is.

use std::collections::BTreeMap;

use crate::{Error, Result};

// Transliteration and slugs are the core's (`ia_core::slug`): the static
// pages and `place=` use the same rule as record ids.
pub use ia_core::slug::{slug, transliterate};

/// Key for comparing place names: transliterated, letters and digits only
/// (`"Mülheim an der Ruhr"` → `muelheimanderruhr`).
pub fn name_key(text: &str) -> String {
    transliterate(text)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// Removes remarks in parentheses: `"Bonn (Bad Godesberg)"` → `"Bonn"`.
pub fn strip_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The base id of a record (rule 1).
pub fn base_id(name: &str, city: &str) -> String {
    let name = slug(name);
    let city = slug(&strip_parentheses(city));
    if city.is_empty() || contains_words(&name, &city) {
        name
    } else if name.is_empty() {
        city
    } else {
        format!("{name}-{city}")
    }
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    format!("-{haystack}-").contains(&format!("-{needle}-"))
}

/// What the id rule needs to know about one record.
#[derive(Debug, Clone)]
pub struct IdInput {
    pub explicit: Option<String>,
    pub name: String,
    pub city: String,
    pub carrier: String,
    pub street: Option<String>,
    /// For messages: where the record comes from.
    pub label: String,
}

/// Assigns ids to all records (rules 1–3). Fails when records cannot be told
/// apart, naming them.
pub fn assign_ids(records: &[IdInput]) -> Result<Vec<String>> {
    let mut ids: Vec<String> = records
        .iter()
        .map(|r| {
            r.explicit
                .clone()
                .unwrap_or_else(|| base_id(&r.name, &r.city))
        })
        .collect();
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, record) in records.iter().enumerate() {
        if record.explicit.is_none() {
            groups.entry(ids[index].clone()).or_default().push(index);
        }
    }
    for (base, members) in groups.into_iter().filter(|(_, m)| m.len() > 1) {
        let street = |i: usize| records[i].street.as_deref().map(slug).unwrap_or_default();
        let carrier = |i: usize| slug(&records[i].carrier);
        let candidates: [&dyn Fn(usize) -> String; 3] = [
            &|i| format!("{base}-{}", carrier(i)),
            &|i| format!("{base}-{}", street(i)),
            &|i| format!("{base}-{}-{}", carrier(i), street(i)),
        ];
        let resolved = candidates.iter().find_map(|make| {
            let made: Vec<String> = members.iter().map(|&i| make(i)).collect();
            let mut unique = made.clone();
            unique.sort();
            unique.dedup();
            (unique.len() == made.len()).then_some(made)
        });
        match resolved {
            Some(made) => {
                for (&i, id) in members.iter().zip(made) {
                    ids[i] = id.trim_end_matches('-').to_owned();
                }
            }
            None => {
                let labels: Vec<&str> =
                    members.iter().map(|&i| records[i].label.as_str()).collect();
                return Err(Error(format!(
                    "records cannot be told apart by name, city, carrier and street (id {base}): {}; give them an explicit \"id\"",
                    labels.join("; ")
                )));
            }
        }
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, id) in ids.iter().enumerate() {
        if !ia_core::validate::is_slug(id) {
            return Err(Error(format!(
                "{}: id {id:?} is not a slug of a-z, 0-9 and single hyphens",
                records[index].label
            )));
        }
        if let Some(&other) = seen.get(id.as_str()) {
            return Err(Error(format!(
                "id {id} is used by two records: {} and {}",
                records[other].label, records[index].label
            )));
        }
        seen.insert(id, index);
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Gleichbehandlungsbüro Aachen (GBB)"),
            "gleichbehandlungsbuero-aachen-gbb"
        );
        assert_eq!(slug("Straße & Söhne – Köln"), "strasse-soehne-koeln");
        assert_eq!(slug("Sortier' Papier"), "sortier-papier");
        assert_eq!(slug("  --  "), "");
        assert_eq!(name_key("Mülheim an der Ruhr"), "muelheimanderruhr");
        assert_eq!(
            strip_parentheses("Rhein-Sieg-Kreis (rechtsrheinisch; e.g. Troisdorf)"),
            "Rhein-Sieg-Kreis"
        );
    }

    #[test]
    fn city_is_appended_unless_named() {
        assert_eq!(
            base_id("AWO Integrationsagentur Ahlen", "Ahlen"),
            "awo-integrationsagentur-ahlen"
        );
        assert_eq!(
            base_id("Integrationsagentur SKM Rheydt", "Mönchengladbach"),
            "integrationsagentur-skm-rheydt-moenchengladbach"
        );
        // "essen" inside "essener" is not the whole word.
        assert_eq!(base_id("Essener Verbund", "Essen"), "essener-verbund-essen");
    }

    fn input(name: &str, city: &str, carrier: &str, street: Option<&str>) -> IdInput {
        IdInput {
            explicit: None,
            name: name.into(),
            city: city.into(),
            carrier: carrier.into(),
            street: street.map(str::to_owned),
            label: format!("{name} ({carrier})"),
        }
    }

    #[test]
    fn collisions_do_not_depend_on_order() {
        let a = input("Integrationsagentur", "Bonn", "AWO Bonn", None);
        let b = input("Integrationsagentur", "Bonn", "Caritas Bonn", None);
        let c = input("Beratung", "Bonn", "X", None);
        let forward = assign_ids(&[a.clone(), b.clone(), c.clone()]).unwrap_or_default();
        let backward = assign_ids(&[c, b, a]).unwrap_or_default();
        assert_eq!(forward[0], "integrationsagentur-bonn-awo-bonn");
        assert_eq!(forward[1], "integrationsagentur-bonn-caritas-bonn");
        assert_eq!(forward[0], backward[2]);
        assert_eq!(forward[1], backward[1]);
    }

    #[test]
    fn same_carrier_falls_back_to_street_and_fails_when_identical() {
        let a = input("IA", "Bonn", "AWO", Some("Markt 1"));
        let b = input("IA", "Bonn", "AWO", Some("Markt 2"));
        assert_eq!(
            assign_ids(&[a.clone(), b]).unwrap_or_default(),
            vec!["ia-bonn-markt-1".to_string(), "ia-bonn-markt-2".to_string()]
        );
        let err = assign_ids(&[a.clone(), a])
            .err()
            .map(|e| e.0)
            .unwrap_or_default();
        assert!(
            err.contains("cannot be told apart") && err.contains("IA (AWO)"),
            "{err}"
        );
    }
}

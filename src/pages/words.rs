//! The static pages' German sentences that depend on a number or a place.

/// "in Köln", "im Kreis Borken", "im Hochsauerlandkreis", "im Märkischen
/// Kreis", "in der Städteregion Aachen".
pub fn place_phrase(title: &str, kreisfrei: bool) -> String {
    if kreisfrei {
        return format!("in {title}");
    }
    if title.starts_with("Städteregion") {
        return format!("in der {title}");
    }
    // An adjective before "Kreis" takes the dative: "Oberbergischer Kreis"
    // → "im Oberbergischen Kreis".
    if let Some(adjective) = title.strip_suffix("er Kreis") {
        if !adjective.ends_with('-') && !adjective.ends_with(' ') {
            return format!("im {adjective}en Kreis");
        }
    }
    format!("im {title}")
}

/// "3 Integrationsagenturen, davon 1 Servicestelle für Antidiskriminierungsarbeit."
pub fn count_sentence(n: usize, n_sada: usize) -> String {
    let agencies = if n == 1 {
        "1 Integrationsagentur".to_owned()
    } else {
        format!("{n} Integrationsagenturen")
    };
    match n_sada {
        0 => format!("{agencies} im Datensatz."),
        1 if n == 1 => format!("{agencies} im Datensatz, eine Servicestelle für Antidiskriminierungsarbeit."),
        1 => format!("{agencies} im Datensatz, davon 1 Servicestelle für Antidiskriminierungsarbeit."),
        _ if n_sada == n => format!("{agencies} im Datensatz, alle Servicestellen für Antidiskriminierungsarbeit."),
        _ => format!("{agencies} im Datensatz, davon {n_sada} Servicestellen für Antidiskriminierungsarbeit."),
    }
}

/// What a place page says when the dataset has no agency there: that it
/// has none, that the dataset is incomplete (with the numbers where known),
/// and what follows.
pub fn none_sentence(phrase: &str, n_listed: usize, estimated_total: Option<u32>) -> String {
    let coverage = match estimated_total {
        Some(total) => {
            format!(" Er enthält {n_listed} von rund {total} Integrationsagenturen in NRW.")
        }
        None => String::new(),
    };
    format!(
        "Unser Datensatz enthält keine Integrationsagentur {phrase}. Das heißt nicht, dass es dort keine gibt: Der Datensatz ist nicht vollständig.{coverage} Die nächsten Agenturen können Ihnen weiterhelfen oder wissen, wer vor Ort zuständig ist."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_named_in_good_german() {
        assert_eq!(place_phrase("Köln", true), "in Köln");
        assert_eq!(place_phrase("Kreis Borken", false), "im Kreis Borken");
        assert_eq!(
            place_phrase("Hochsauerlandkreis", false),
            "im Hochsauerlandkreis"
        );
        assert_eq!(
            place_phrase("Rhein-Kreis Neuss", false),
            "im Rhein-Kreis Neuss"
        );
        assert_eq!(
            place_phrase("Märkischer Kreis", false),
            "im Märkischen Kreis"
        );
        assert_eq!(
            place_phrase("Rheinisch-Bergischer Kreis", false),
            "im Rheinisch-Bergischen Kreis"
        );
        assert_eq!(
            place_phrase("Städteregion Aachen", false),
            "in der Städteregion Aachen"
        );
        assert_eq!(
            place_phrase("Rhein-Erft-Kreis", false),
            "im Rhein-Erft-Kreis"
        );
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count_sentence(1, 0), "1 Integrationsagentur im Datensatz.");
        assert_eq!(count_sentence(1, 1), "1 Integrationsagentur im Datensatz, eine Servicestelle für Antidiskriminierungsarbeit.");
        assert_eq!(count_sentence(3, 1), "3 Integrationsagenturen im Datensatz, davon 1 Servicestelle für Antidiskriminierungsarbeit.");
        assert_eq!(count_sentence(3, 2), "3 Integrationsagenturen im Datensatz, davon 2 Servicestellen für Antidiskriminierungsarbeit.");
        assert_eq!(count_sentence(2, 2), "2 Integrationsagenturen im Datensatz, alle Servicestellen für Antidiskriminierungsarbeit.");
    }

    #[test]
    fn no_agency_is_said_honestly() {
        let text = none_sentence("im Kreis Mettmann", 104, Some(214));
        assert!(text
            .starts_with("Unser Datensatz enthält keine Integrationsagentur im Kreis Mettmann."));
        assert!(text.contains("104 von rund 214"));
        assert!(!none_sentence("in Köln", 104, None).contains("rund"));
    }
}

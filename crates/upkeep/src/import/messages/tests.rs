use super::*;
use ia_core::synthetic::synthetic_agencies;
use ia_core::validate::validate_agency;

#[test]
fn every_problem_the_validator_finds_has_a_german_text() {
    let mut agency = synthetic_agencies(1, 3).remove(0);
    agency.id = "Nicht Gut".into();
    agency.name = " ".into();
    agency.carrier = String::new();
    agency.address.city = String::new();
    agency.address.street = Some(" ".into());
    agency.address.postcode = Some("123".into());
    agency.ags = "123".into();
    agency.municipality = String::new();
    agency.kreis = String::new();
    agency.location.lat = 0.0;
    agency.contact.phone = Some("x".into());
    agency.contact.email = Some("x".into());
    agency.contact.website = Some("x".into());
    agency.source_url = "x".into();
    agency.last_verified = "x".into();
    agency.source_seen = "x".into();
    agency.source_date = Some("x".into());
    agency.languages = vec!["Deutsch".into()];
    let problems = validate_agency(&agency);
    assert_eq!(problems.len(), 18, "{problems:?}");
    for problem in problems {
        let column = problem.field.column();
        assert!(column.and_then(invalid).is_some(), "{problem}");
    }
}

#[test]
fn column_names_with_and_without_letter() {
    assert_eq!(column(Some("G"), Column::City), "Spalte G „Ort“");
    assert_eq!(column(None, Column::Id), "Spalte „id“");
    assert_eq!(
        replaced(Column::Precision, "postcode", "municipality"),
        "Genauigkeit „postcode“ ersetzt durch „municipality“ (berechnet)"
    );
}

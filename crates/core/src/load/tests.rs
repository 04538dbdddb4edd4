//! The loader: good and broken records, versions 1 and 2, whole-file errors.

use super::*;
use crate::dataset::Dataset;
use serde_json::Value;

fn record(id: &str) -> Value {
    serde_json::json!({
        "id": id,
        "name": "Integrationsagentur Beispiel",
        "carrier": "Beispielträger e.V.",
        "umbrella": "caritas",
        "address": {"street": "Domplatz 1", "postcode": "50667", "city": "Köln"},
        "ags": "05315000",
        "municipality": "Köln",
        "kreis": "Köln",
        "location": {"lat": 50.94, "lon": 6.96, "precision": "postcode"},
        "offers": ["language_courses"],
        "antidiscrimination": true,
        "topics": ["racism"],
        "contact": {"phone": "0221 123456", "email": "info@example.org", "website": "https://example.org"},
        "languages": ["de", "tr"],
        "source_url": "https://example.org/quelle",
        "source_seen": "2026-11-20",
        "source_date": "2021"
    })
}

fn file(records: Vec<Value>) -> String {
    serde_json::json!({
        "schema_version": 2,
        "as_of": "2026-11-20",
        "source": {"text": "Test", "url": "https://example.org"},
        "licence": "CC BY 4.0",
        "agencies": records
    })
    .to_string()
}

#[test]
fn kreise_are_read_and_implausible_entries_dropped() {
    let mut file: Value = serde_json::from_str(&file(vec![record("a")])).unwrap();
    file["kreise"] = serde_json::json!([
        ["05316", "Leverkusen", true, 51.03, 7.02],
        ["0531", "Kurz", true, 51.0, 7.0],
        ["05158", "Mettmann", false, 48.1, 11.5]
    ]);
    let loaded = check_ok(&file.to_string(), 1, 0);
    let names: Vec<&str> = loaded.meta.kreise.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(names, ["Leverkusen"]);
}

#[test]
fn a_malformed_kreis_list_is_a_shape_error_like_other_top_level_fields() {
    let mut file: Value = serde_json::from_str(&file(vec![record("a")])).unwrap();
    file["kreise"] = serde_json::json!("not a list");
    assert!(matches!(
        parse_dataset(&file.to_string()),
        Err(DatasetError::Shape(_))
    ));
}

#[track_caller]
fn check_ok(text: &str, n_agencies: usize, n_skipped: usize) -> LoadedDataset {
    let loaded = parse_dataset(text).unwrap_or_else(|err| panic!("expected a dataset, got {err}"));
    assert_eq!(loaded.agencies.len(), n_agencies, "agencies");
    assert_eq!(
        loaded.skipped.len(),
        n_skipped,
        "skipped: {:?}",
        loaded.skipped
    );
    loaded
}

#[test]
fn valid_file_parses() {
    let loaded = check_ok(&file(vec![record("a"), record("b")]), 2, 0);
    assert_eq!(loaded.meta.as_of, "2026-11-20");
    assert_eq!(loaded.agencies[0].kreis_ags(), "05315");
}

#[test]
fn bytes_parse_like_text_and_say_where_they_are_not_utf8() {
    let text = file(vec![record("a")]);
    let from_bytes = parse_dataset_bytes(text.as_bytes()).map(|l| l.agencies);
    assert_eq!(from_bytes, parse_dataset(&text).map(|l| l.agencies));
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(
        parse_dataset_bytes(&with_bom).map(|l| l.agencies.len()),
        Ok(1)
    );
    let latin1 = b"{\n  \"as_of\": \"K\xF6ln\"}";
    match parse_dataset_bytes(latin1) {
        Err(DatasetError::Json {
            line,
            column,
            message,
        }) => {
            assert_eq!((line, column), (2, 14));
            assert!(message.contains("UTF-8"), "{message}");
        }
        other => panic!("expected a UTF-8 error, got {other:?}"),
    }
}

#[test]
fn version_1_files_are_read_with_their_date_as_source_seen() {
    let mut old = record("a");
    let object = old.as_object_mut().unwrap_or_else(|| panic!("object"));
    object.remove("source_seen");
    object.remove("source_date");
    object.insert("last_verified".into(), "2026-11-24".into());
    let text = file(vec![old]).replace("\"schema_version\":2", "\"schema_version\":1");
    let loaded = check_ok(&text, 1, 0);
    let agency = &loaded.agencies[0];
    assert_eq!(agency.source_seen, "2026-11-24");
    assert_eq!(agency.last_verified, "");
    assert_eq!(agency.source_date, None);
    // A version 2 file keeps last_verified as it is.
    let mut confirmed = record("b");
    confirmed["last_verified"] = "2026-12-02".into();
    let loaded = check_ok(&file(vec![confirmed]), 1, 0);
    assert_eq!(loaded.agencies[0].last_verified, "2026-12-02");
    assert_eq!(loaded.agencies[0].source_seen, "2026-11-20");
    assert_eq!(loaded.agencies[0].source_date.as_deref(), Some("2021"));
}

#[test]
fn version_2_records_need_source_seen_and_valid_dates() {
    let mut unseen = record("a");
    unseen.as_object_mut().map(|o| o.remove("source_seen"));
    let mut impossible = record("b");
    impossible["last_verified"] = "2026-02-31".into();
    let mut vague = record("c");
    vague["source_date"] = "um 2020".into();
    let loaded = check_ok(&file(vec![unseen, impossible, vague]), 0, 3);
    let fields: Vec<String> = loaded.skipped.iter().map(ToString::to_string).collect();
    assert!(fields[0].contains("source_seen"), "{}", fields[0]);
    assert!(fields[1].contains("last_verified"), "{}", fields[1]);
    assert!(fields[2].contains("source_date"), "{}", fields[2]);
}

#[test]
fn kreis_only_records_have_a_kreis_key_and_no_municipality() {
    let mut kreis = record("a");
    kreis["ags"] = "05974".into();
    kreis["municipality"] = "".into();
    kreis["kreis"] = "Soest".into();
    kreis["location"] = serde_json::json!({"lat": 51.55, "lon": 8.1, "precision": "kreis"});
    let loaded = check_ok(&file(vec![kreis.clone()]), 1, 0);
    assert!(loaded.agencies[0].is_kreis_only());
    assert_eq!(loaded.agencies[0].kreis_ags(), "05974");
    // A Kreis key with another precision, or a municipality, is rejected.
    let mut wrong = kreis.clone();
    wrong["location"]["precision"] = "municipality".into();
    let mut named = kreis;
    named["id"] = "b".into();
    named["municipality"] = "Soest".into();
    check_ok(&file(vec![wrong, named]), 0, 2);
}

#[test]
fn empty_list_is_a_valid_dataset() {
    check_ok(&file(vec![]), 0, 0);
}

#[test]
fn missing_field_skips_only_that_record() {
    let mut broken = record("broken");
    broken.as_object_mut().map(|o| o.remove("name"));
    let loaded = check_ok(&file(vec![record("a"), broken]), 1, 1);
    assert_eq!(loaded.skipped[0].id.as_deref(), Some("broken"));
    assert!(
        loaded.skipped[0].to_string().contains("name"),
        "{}",
        loaded.skipped[0]
    );
}

#[test]
fn wrong_type_skips_only_that_record() {
    let mut broken = record("broken");
    broken["location"]["lat"] = Value::String("fifty".into());
    check_ok(&file(vec![broken, record("b")]), 1, 1);
}

#[test]
fn unknown_offer_code_skips_the_record() {
    let mut broken = record("broken");
    broken["offers"] = serde_json::json!(["teleportation"]);
    check_ok(&file(vec![broken]), 0, 1);
}

#[test]
fn duplicate_id_keeps_the_first() {
    let loaded = check_ok(&file(vec![record("a"), record("a")]), 1, 1);
    assert_eq!(loaded.skipped[0].index, 1);
}

#[test]
fn unknown_fields_are_ignored() {
    let mut extra = record("a");
    extra["opening_hours"] = Value::String("Mo–Fr".into());
    let mut text: Value = serde_json::from_str(&file(vec![extra])).unwrap_or_default();
    text["publisher_logo"] = Value::Bool(true);
    check_ok(&text.to_string(), 1, 0);
}

#[test]
fn whole_file_errors_are_precise() {
    assert!(matches!(
        parse_dataset("{\"schema_version\": 1,"),
        Err(DatasetError::Json { line: 1, .. })
    ));
    assert!(matches!(parse_dataset("[]"), Err(DatasetError::Shape(_))));
    let v3 = file(vec![]).replace("\"schema_version\":2", "\"schema_version\":3");
    assert_eq!(
        parse_dataset(&v3),
        Err(DatasetError::UnsupportedSchema("3".into()))
    );
    let no_agencies = serde_json::json!({"schema_version": 1, "as_of": "x", "source": {"text": "", "url": ""}, "licence": ""});
    assert!(
        matches!(parse_dataset(&no_agencies.to_string()), Err(DatasetError::Shape(m)) if m.contains("agencies"))
    );
}

#[test]
fn serializes_back_to_the_same_shape() {
    let text = file(vec![record("a")]);
    let dataset: Dataset = serde_json::from_str(&text).unwrap_or_else(|err| panic!("{err}"));
    let again = serde_json::to_string(&dataset).unwrap_or_default();
    let reparsed: Dataset = serde_json::from_str(&again).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(dataset, reparsed);
}

#[test]
fn bidi_controls_are_removed_from_texts() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/data/agencies.json"
    ))
    .unwrap_or_default();
    let Ok(mut dataset) = serde_json::from_str::<serde_json::Value>(&text) else {
        return;
    };
    dataset["agencies"][0]["carrier"] = "DRK \u{202e}Kreisverband".into();
    dataset["agencies"][0]["name"] = "\u{2067}Agentur\u{2069}".into();
    let loaded = parse_dataset(&dataset.to_string()).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(loaded.agencies[0].carrier, "DRK Kreisverband");
    assert_eq!(loaded.agencies[0].name, "Agentur");
}

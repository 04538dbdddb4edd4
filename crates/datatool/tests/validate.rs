//! `ia-datatool validate` on the broken fixtures under
//! `tests/fixtures/datasets/` and on the shipped dataset.

mod common;

use common::{run, text};

const OUTLINE: &str = "public/data/boundaries/nrw-land.geojson";

/// Validates a fixture; asserts exit code 1 and that every expected piece
/// appears on one and the same message line.
#[track_caller]
fn assert_rejected(fixture: &str, expected: &[&str]) {
    let path = format!("tests/fixtures/datasets/{fixture}");
    let output = run(&["validate", &path, "--outline", OUTLINE]);
    let all = text(&output);
    assert_eq!(output.status.code(), Some(1), "{fixture}: {all}");
    assert!(
        all.lines()
            .any(|line| expected.iter().all(|piece| line.contains(piece))),
        "{fixture}: no line contains all of {expected:?}:\n{all}"
    );
}

#[test]
fn the_valid_fixture_passes() {
    let output = run(&[
        "validate",
        "tests/fixtures/datasets/valid.json",
        "--outline",
        OUTLINE,
    ]);
    let all = text(&output);
    assert_eq!(output.status.code(), Some(0), "{all}");
    assert!(all.starts_with("ok: 2 agencies"), "{all}");
}

#[test]
fn the_shipped_dataset_passes() {
    let output = run(&["validate", "public/data/agencies.json"]);
    let all = text(&output);
    assert_eq!(output.status.code(), Some(0), "{all}");
    assert!(all.starts_with("ok: "), "{all}");
    assert_eq!(all.lines().count(), 1, "{all}");
}

#[test]
fn duplicate_ids() {
    assert_rejected(
        "duplicate-ids.json",
        &[
            "record 1 (id \"ia-beispiel-koeln\")",
            "id: duplicate id (also used by record 0)",
        ],
    );
}

#[test]
fn unknown_offer_code() {
    assert_rejected(
        "unknown-offer.json",
        &["id \"ia-beispiel-bielefeld\"", "offers[1]", "teleportation"],
    );
}

#[test]
fn coordinates_in_berlin() {
    assert_rejected(
        "outside-nrw-berlin.json",
        &["id \"ia-beispiel-bielefeld\"", "location:"],
    );
}

#[test]
fn coordinates_in_kassel_inside_the_box_but_outside_the_outline() {
    assert_rejected(
        "outside-nrw-kassel.json",
        &[
            "id \"ia-beispiel-bielefeld\"",
            "location:",
            "outside the NRW outline",
        ],
    );
}

#[test]
fn malformed_postcode() {
    assert_rejected(
        "malformed-postcode.json",
        &["id \"ia-beispiel-bielefeld\"", "address.postcode"],
    );
}

#[test]
fn javascript_website() {
    assert_rejected(
        "javascript-website.json",
        &["id \"ia-beispiel-bielefeld\"", "contact.website"],
    );
}

#[test]
fn malformed_email() {
    assert_rejected(
        "malformed-email.json",
        &["id \"ia-beispiel-bielefeld\"", "contact.email"],
    );
}

#[test]
fn malformed_phone() {
    assert_rejected(
        "malformed-phone.json",
        &["id \"ia-beispiel-bielefeld\"", "contact.phone"],
    );
}

#[test]
fn empty_name() {
    assert_rejected(
        "empty-name.json",
        &["id \"ia-beispiel-bielefeld\"", "name:"],
    );
}

#[test]
fn schema_version_3() {
    assert_rejected("schema-version-3.json", &["unsupported schema_version 3"]);
}

#[test]
fn bad_meta() {
    assert_rejected("bad-meta.json", &["meta: as_of:"]);
}

#[test]
fn not_json() {
    assert_rejected("not-json.json", &["not valid JSON at line"]);
}

#[test]
fn ags_of_another_municipality() {
    assert_rejected(
        "ags-other-municipality.json",
        &[
            "id \"ia-beispiel-koeln\"",
            "ags:",
            "Schlüssel der Gemeinde „Aachen“",
            "nennt aber die Gemeinde „Köln“",
        ],
    );
}

#[test]
fn ags_against_the_postcode() {
    assert_rejected(
        "ags-other-postcode.json",
        &[
            "id \"ia-beispiel-koeln\"",
            "address.postcode:",
            "PLZ 52062 gehört zu „Aachen“",
            "AGS „05315000“ aber zum Gebiet der Gemeinde „Köln“",
        ],
    );
}

#[test]
fn ags_of_no_gemeinde() {
    assert_rejected(
        "ags-unknown.json",
        &[
            "id \"ia-beispiel-koeln\"",
            "ags:",
            "„05315999“ ist kein Gemeindeschlüssel",
        ],
    );
}

#[test]
fn same_carrier_and_address_is_a_warning() {
    let output = run(&[
        "validate",
        "tests/fixtures/datasets/likely-duplicate.json",
        "--outline",
        OUTLINE,
    ]);
    let all = text(&output);
    assert_eq!(output.status.code(), Some(0), "{all}");
    assert!(all.starts_with("ok: 3 agencies"), "{all}");
    assert!(
        all.lines().any(|line| [
            "Warnung: record 0 (id \"ia-beispiel-koeln\") und record 2 (id \"ia-beispiel-koeln-2\")",
            "gleicher Träger („Beispielträger e.V.“)",
            "„Domkloster 4, 50667 Köln“",
            "vermutlich",
        ]
        .iter()
        .all(|piece| line.contains(piece))),
        "{all}"
    );
}

#[test]
fn without_place_data_ags_is_not_cross_checked() {
    let output = run(&[
        "validate",
        "tests/fixtures/datasets/ags-other-municipality.json",
        "--places",
        "does-not-exist.json",
    ]);
    let all = text(&output);
    assert_eq!(output.status.code(), Some(0), "{all}");
    assert!(all.contains("ags not cross-checked"), "{all}");
}

#[test]
fn a_missing_file_is_an_error() {
    let output = run(&["validate", "tests/fixtures/datasets/does-not-exist.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(text(&output).contains("does-not-exist.json"));
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(run(&["validate"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["build", "--nope", "x"]).status.code(), Some(2));
}

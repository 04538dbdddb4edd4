//! The generated files under `public/data/` are up to date: rebuilding them
//! from `../shared/data` gives the same bytes, and they fit the budgets.
//! (When this fails after a change of the sourced data or of the rules,
//! run `cargo run -p ia-datatool -- build` / `-- boundaries` and commit.)

mod common;

use std::path::PathBuf;

use common::{repo_root, run, text};

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|err| panic!("{}: {err}", dir.display()));
    dir
}

fn read(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

#[test]
fn build_reproduces_the_shipped_dataset() {
    let dir = scratch("build");
    let out = dir.join("agencies.json");
    let out_arg = out.to_string_lossy().into_owned();
    let first = run(&["build", "--out", &out_arg]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first));
    let report = text(&first);
    for expected in [
        "records read:",
        "Servicestellen:",
        "by precision:",
        "by umbrella:",
        "gzip",
    ] {
        assert!(report.contains(expected), "{expected} missing in\n{report}");
    }
    let built = read(&out);
    assert!(
        built == read(&repo_root().join("public/data/agencies.json")),
        "public/data/agencies.json is stale: run `cargo run -p ia-datatool -- build`"
    );
    // Re-running gives the same bytes.
    let second = run(&["build", "--out", &out_arg]);
    assert_eq!(second.status.code(), Some(0), "{}", text(&second));
    assert!(read(&out) == built, "the build is not deterministic");
}

#[test]
fn boundaries_reproduce_the_shipped_files() {
    let dir = scratch("boundaries");
    let dir_arg = dir.to_string_lossy().into_owned();
    let output = run(&["boundaries", "--out-dir", &dir_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    for name in [
        "nrw-land.geojson",
        "nrw-kreise.geojson",
        "nrw-gemeinden.geojson",
        "ATTRIBUTION.txt",
    ] {
        assert!(
            read(&dir.join(name)) == read(&repo_root().join("public/data/boundaries").join(name)),
            "public/data/boundaries/{name} is stale: run `cargo run -p ia-datatool -- boundaries`"
        );
    }
}

#[test]
fn shipped_boundaries_have_all_features_and_only_three_properties() {
    for (name, count) in [
        ("nrw-land.geojson", 1),
        ("nrw-kreise.geojson", 53),
        ("nrw-gemeinden.geojson", 396),
    ] {
        let path = repo_root().join("public/data/boundaries").join(name);
        let features =
            ia_datatool::geojson::read_features(&path).unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(features.len(), count, "{name}");
        let text = String::from_utf8_lossy(&read(&path)).into_owned();
        assert!(
            !text.contains("NUTS") && !text.contains("\"GF\""),
            "{name} keeps extra properties"
        );
        for feature in &features {
            for ring in feature.geometry.iter().flatten() {
                assert!(
                    ring.len() >= 4 && ring.first() == ring.last(),
                    "{name} {}",
                    feature.gen
                );
            }
        }
    }
}

#[test]
fn sizes_are_within_budget() {
    let output = run(&["sizes"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
}

/// A scratch shared-data directory: the real raw files and later research
/// files, and a modified copy of the first file of sourced records.
fn shared_with(name: &str, change: impl Fn(&mut serde_json::Value)) -> PathBuf {
    let shared = repo_root().join("../shared/data");
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join("raw")).unwrap_or_else(|err| panic!("{err}"));
    for file in [
        "nrw-gemeinden.geojson",
        "nrw-kreise.geojson",
        "nrw-land.geojson",
        "nrw-postcodes.csv",
    ] {
        std::fs::copy(shared.join("raw").join(file), dir.join("raw").join(file))
            .unwrap_or_else(|err| panic!("{file}: {err}"));
    }
    for entry in std::fs::read_dir(&shared).unwrap_or_else(|err| panic!("{err}")) {
        let path = entry.unwrap_or_else(|err| panic!("{err}")).path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.ends_with(".json") && name != "agencies-sourced.json" {
            std::fs::copy(&path, dir.join(&name)).unwrap_or_else(|err| panic!("{name}: {err}"));
        }
    }
    let text = String::from_utf8_lossy(&read(&shared.join("agencies-sourced.json"))).into_owned();
    let mut records: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|err| panic!("{err}"));
    change(&mut records);
    std::fs::write(dir.join("agencies-sourced.json"), records.to_string())
        .unwrap_or_else(|err| panic!("{err}"));
    dir
}

#[test]
fn build_fails_listing_unmapped_offer_texts() {
    let dir = shared_with("unmapped", |records| {
        if let Some(offers) = records[0]["offers"].as_array_mut() {
            offers.push("Teleportationskurse".into());
        }
        if let Some(offers) = records[5]["offers"].as_array_mut() {
            offers.push("Zeitreiseberatung".into());
        }
    });
    let out = dir.join("out.json");
    let output = run(&[
        "build",
        "--shared",
        &dir.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    let all = text(&output);
    assert_eq!(output.status.code(), Some(1), "{all}");
    assert!(all.contains("offer-mapping.tsv"), "{all}");
    assert!(
        all.contains("\"Teleportationskurse\"") && all.contains("\"Zeitreiseberatung\""),
        "{all}"
    );
    assert!(all.contains("Gleichbehandlungsbüro Aachen (GBB)"), "{all}");
    assert!(!out.exists(), "nothing may be written on failure");
}

#[test]
fn build_fails_naming_a_record_that_cannot_be_placed() {
    let dir = shared_with("unplaceable", |records| {
        records[3]["city"] = "Atlantis".into();
        records[3]["postcode"] = serde_json::Value::Null;
    });
    let output = run(&[
        "build",
        "--shared",
        &dir.to_string_lossy(),
        "--out",
        &dir.join("out.json").to_string_lossy(),
    ]);
    let all = text(&output);
    assert_eq!(output.status.code(), Some(1), "{all}");
    assert!(
        all.contains("record 3")
            && all.contains("\"Atlantis\"")
            && all.contains("cannot be placed"),
        "{all}"
    );
}

#[test]
fn build_drops_malformed_contacts_with_a_warning() {
    let dir = shared_with("contacts", |records| {
        records[1]["phone"] = "01761 80222929x".into();
        records[2]["website"] = "javascript:alert(1)".into();
        records[4]["email"] = "sservicestelle(at)aric".into();
    });
    let out = dir.join("out.json");
    let output = run(&[
        "build",
        "--shared",
        &dir.to_string_lossy(),
        "--out",
        &out.to_string_lossy(),
    ]);
    let all = text(&output);
    assert_eq!(output.status.code(), Some(0), "{all}");
    for expected in [
        "phone \"01761 80222929x\"",
        "website \"javascript:alert(1)\"",
        "email \"sservicestelle(at)aric\"",
        "warnings:          3",
    ] {
        assert!(all.contains(expected), "{expected} missing in\n{all}");
    }
    let built = String::from_utf8_lossy(&read(&out)).into_owned();
    assert!(!built.contains("javascript:") && !built.contains("80222929x"));
}

#[test]
fn places_reproduce_the_shipped_index_which_has_no_company_postcodes() {
    let dir = scratch("places");
    let out = dir.join("places.json");
    let out_arg = out.to_string_lossy().into_owned();
    let output = run(&["places", "--out", &out_arg]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let built = read(&out);
    assert!(
        built == read(&repo_root().join("public/data/places.json")),
        "public/data/places.json is stale: run `cargo run -p ia-datatool -- places`"
    );
    let index = ia_core::nearby::PlaceIndex::parse(&String::from_utf8_lossy(&built))
        .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(index.places.len(), 396, "every Gemeinde");
    assert!(index.postcodes.len() > 800, "{}", index.postcodes.len());
    // Every postcode is named after a Gemeinde, never a company or authority.
    for postcode in &index.postcodes {
        assert!(
            index
                .places
                .iter()
                .any(|place| place.name == postcode.detail),
            "{} {}",
            postcode.name,
            postcode.detail
        );
    }
    let koeln = index.resolve("50667").unwrap_or_else(|| panic!("50667"));
    assert_eq!(koeln.label, "50667 Köln");
    // Short forms in the postcode table are resolved to the Gemeinde.
    assert_eq!(
        index.resolve("46446").map(|o| o.label),
        Some("46446 Emmerich am Rhein".into())
    );
    // Company postcodes (e.g. 33325, Miele) are not in the index.
    assert_eq!(index.resolve("33325"), None);
    let gzip = ia_datatool::sizes::gzip_len(&built).unwrap_or(usize::MAX);
    assert!(
        gzip <= 40 * 1024,
        "place index is {gzip} bytes gzip, budget 40 KB"
    );
}

#[test]
fn the_shipped_dataset_names_all_53_kreise_with_a_point_inside_nrw() {
    let text = String::from_utf8(read(&repo_root().join("public/data/agencies.json"))).unwrap();
    let loaded = ia_core::parse_dataset(&text).unwrap_or_else(|err| panic!("{err}"));
    let kreise = &loaded.meta.kreise;
    assert_eq!(
        kreise.len(),
        53,
        "NRW has 31 Kreise and 22 kreisfreie Städte"
    );
    assert_eq!(kreise.iter().filter(|k| k.kreisfrei).count(), 22);
    let leverkusen = kreise
        .iter()
        .find(|k| k.ags == "05316")
        .expect("Leverkusen");
    assert_eq!(leverkusen.name, "Leverkusen");
    assert!((50.9..51.2).contains(&leverkusen.lat) && (6.9..7.2).contains(&leverkusen.lon));
}

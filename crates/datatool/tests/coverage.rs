//! `ia-datatool coverage`: the per-Kreis table in `docs/dataset.md` matches
//! the shipped dataset, and `--check` notices a stale table.

mod common;

use common::{repo_root, run, text};

#[test]
fn the_table_in_docs_dataset_md_is_up_to_date() {
    let output = run(&["coverage", "--check", "docs/dataset.md"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}\nrun `cargo run -p ia-datatool -- coverage --write docs/dataset.md`",
        text(&output)
    );
}

#[test]
fn the_table_lists_all_53_and_names_those_without_records() {
    let output = run(&["coverage"]);
    let all = text(&output);
    assert_eq!(output.status.code(), Some(0), "{all}");
    let rows = all
        .lines()
        .filter(|l| {
            l.ends_with(" |") && (l.contains("| Kreis |") || l.contains("Kreisfreie Stadt"))
        })
        .count();
    assert_eq!(rows, 53, "{all}");
    assert!(all.contains("| Städteregion Aachen | Kreis |"), "{all}");
    assert!(all.contains("Ohne Eintrag ("), "{all}");
}

#[test]
fn a_stale_table_fails_the_check() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("coverage");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let doc = std::fs::read_to_string(repo_root().join("docs/dataset.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    let stale = dir.join("dataset.md");
    std::fs::write(
        &stale,
        doc.replacen(
            "| Köln | Kreisfreie Stadt |",
            "| Köln | Kreisfreie Stadt | 0 |",
            1,
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let output = run(&["coverage", "--check", &stale.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(text(&output).contains("stale"), "{}", text(&output));
    let output = run(&["coverage", "--write", &stale.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert_eq!(std::fs::read_to_string(&stale).unwrap_or_default(), doc);
}

//! The page's texts, from `locales/upkeep/de.json` (the same format as the
//! finder's language files, docs/i18n.md; German only so far, compiled in).
//! The import's own messages (problems, notes) come from `ia_upkeep`.

use std::collections::BTreeMap;

/// Declares the keys: each is a field of [`Texts`] and must be in the file.
macro_rules! keys {
    ($($key:ident,)*) => {
        /// The page's strings.
        pub struct Texts {
            $(pub $key: &'static str,)*
        }

        /// Every key, for the completeness test.
        #[cfg(test)]
        pub const KEYS: &[&str] = &[$(stringify!($key)),*];

        impl Texts {
            fn read(messages: &BTreeMap<String, String>) -> Result<Texts, String> {
                let get = |key: &str| -> Result<&'static str, String> {
                    messages
                        .get(key)
                        .map(|text| &*Box::leak(text.clone().into_boxed_str()))
                        .ok_or_else(|| format!("locales/upkeep/de.json: {key} missing"))
                };
                Ok(Texts { $($key: get(stringify!($key))?,)* })
            }
        }
    };
}

keys! {
    title, intro, local_only, to_finder,
    step1, step1_xlsx, step1_csv, step2, step2_text, step3, drop_label,
    step4, step4_empty, step5, step5_text,
    loading, load_failed, checking, file_failed, summary, only_problems,
    rows_title, row, cell_problem,
    status_unchanged, status_changed, status_added, status_duplicate,
    status_rejected_kept, status_rejected_new,
    file_notes, repairs, repair,
    changes_title, added_title, changed_title, removed_title, no_changes, change,
    blocked, rejected_warning, download_json, as_of,
    package_title, package_intro, package_button, package_loading, package_working,
    package_progress, package_done, package_removes, package_removes_nothing,
    package_no_site, package_failed, package_not_yet, json_title, json_text,
}

/// The German file.
pub const GERMAN_FILE: &str = include_str!("../../../locales/upkeep/de.json");

/// The messages of a file.
fn messages(json: &str) -> Result<BTreeMap<String, String>, String> {
    #[derive(serde::Deserialize)]
    struct File {
        messages: BTreeMap<String, String>,
    }
    serde_json::from_str::<File>(json)
        .map(|file| file.messages)
        .map_err(|err| format!("locales/upkeep/de.json: {err}"))
}

/// The page's German texts.
pub fn german() -> Result<&'static Texts, String> {
    let texts = Texts::read(&messages(GERMAN_FILE)?)?;
    Ok(Box::leak(Box::new(texts)))
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file has exactly the keys the page uses, each non-empty.
    #[test]
    fn the_german_file_is_complete() {
        let messages = messages(GERMAN_FILE).unwrap();
        let keys: Vec<&str> = messages.keys().map(String::as_str).collect();
        let mut wanted = KEYS.to_vec();
        wanted.sort_unstable();
        assert_eq!(keys, wanted);
        assert!(messages.values().all(|text| !text.trim().is_empty()));
        assert!(german().is_ok());
    }

    #[test]
    fn placeholders_are_filled() {
        let texts = german().unwrap();
        let line = fill(
            texts.cell_problem,
            &[("row", "14"), ("problem", "Spalte F „PLZ“: x")],
        );
        assert_eq!(line, "Zeile 14, Spalte F „PLZ“: x");
    }
}

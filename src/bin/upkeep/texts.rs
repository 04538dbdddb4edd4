//! The page's texts, from `locales/upkeep/de.json`: a key table of the
//! finder's `texts!` mechanism (format and checks: docs/i18n.md; German only
//! so far, compiled in). The import's own messages (problems, notes) come
//! from `ia_upkeep`.

use ia_map::i18n::Lang;

ia_map::texts! {
    /// The maintenance page's strings.
    pub struct Texts {}
    text {
        title,
        intro,
        local_only,
        to_finder,
        step1,
        step1_xlsx,
        step1_csv,
        step2,
        step2_text,
        step3,
        drop_label,
        step4,
        step4_empty,
        step5,
        step5_text,
        loading,
        checking,
        only_problems,
        rows_title,
        status_unchanged,
        status_changed,
        status_added,
        status_rejected_kept,
        status_rejected_new,
        file_notes,
        repairs,
        changes_title,
        added_title,
        changed_title,
        removed_title,
        no_changes,
        download_json,
        package_title,
        package_intro,
        package_button,
        package_loading,
        package_working,
        package_removes_nothing,
        package_no_site,
        package_not_yet,
        json_title,
        json_text,
    }
    template {
        load_failed(error),
        file_failed(file, error),
        summary(file, rows, ms, unchanged, changed, added, rejected, removed),
        row(row),
        cell_problem(row, problem),
        status_duplicate(row),
        repair(row, column, what, from, to),
        change(heading, old, new),
        blocked(reason),
        rejected_warning(n),
        as_of(date),
        package_progress(done, total),
        package_done(files, size, seconds),
        package_removes(n),
        package_failed(error),
    }
    plural {}
}

/// The German file.
const GERMAN_FILE: &str = include_str!("../../../locales/upkeep/de.json");

/// The page's German texts, or the file's problems.
pub fn german() -> Result<&'static Texts, String> {
    match Texts::read_with(Lang::De, GERMAN_FILE, None) {
        (texts, problems) if problems.is_empty() => Ok(Box::leak(Box::new(texts))),
        (_, problems) => Err(format!("locales/upkeep/de.json: {}", problems.join("; "))),
    }
}

#[cfg(test)]
mod tests {
    use ia_map::i18n::fill;

    use super::*;

    /// The file has exactly the keys the page uses, each non-empty and with
    /// the table's placeholders.
    #[test]
    fn the_german_file_is_complete() {
        assert_eq!(german().err(), None);
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

//! The report on screen: a summary, the notes on the file, one entry per row
//! (accepted unchanged, changed or new, or rejected with the cell named as
//! the spreadsheet shows it), filterable to the problems, and the change
//! list (new, changed before → after, removed).

use ia_map::i18n::fill;
use ia_upkeep::import::{RowReport, RowStatus};
use leptos::prelude::*;

use crate::check::Checked;
use crate::texts::Texts;

#[component]
pub fn Report(texts: &'static Texts, checked: Checked) -> impl IntoView {
    let imported = match checked.outcome {
        Ok(imported) => imported,
        Err(error) => {
            let line = fill(
                texts.file_failed,
                &[("file", &checked.file), ("error", &error)],
            );
            return view! { <p class="pflege__error" role="alert">{line}</p> }.into_any();
        }
    };
    let report = &imported.report;
    let count = |wanted: fn(&RowStatus) -> bool| {
        report
            .rows
            .iter()
            .filter(|r| wanted(&r.status))
            .count()
            .to_string()
    };
    let summary = fill(
        texts.summary,
        &[
            ("file", &checked.file),
            ("rows", &report.data_rows.to_string()),
            ("ms", &format!("{:.0}", checked.millis)),
            ("unchanged", &count(|s| *s == RowStatus::Unchanged)),
            ("changed", &count(|s| *s == RowStatus::Changed)),
            ("added", &count(|s| *s == RowStatus::Added)),
            ("rejected", &count(RowStatus::is_rejected)),
            ("removed", &report.removed.len().to_string()),
        ],
    );
    let only_problems = RwSignal::new(false);
    let notes = (!report.file_notes.is_empty()).then(|| {
        let items = report
            .file_notes
            .iter()
            .map(|n| view! { <li>{n.clone()}</li> })
            .collect_view();
        view! { <h3>{texts.file_notes}</h3><ul>{items}</ul> }
    });
    let repairs = (!report.repairs.is_empty()).then(|| {
        let items = report
            .repairs
            .iter()
            .map(|r| {
                let line = fill(
                    texts.repair,
                    &[
                        ("row", &r.row.to_string()),
                        ("column", r.column.heading()),
                        ("what", r.what),
                        ("from", &r.from),
                        ("to", &r.to),
                    ],
                );
                view! { <li>{line}</li> }
            })
            .collect_view();
        view! { <details><summary>{texts.repairs}</summary><ul>{items}</ul></details> }
    });
    let rows: Vec<(bool, AnyView)> = report
        .rows
        .iter()
        .map(|row| (is_problem(row), row_view(texts, row)))
        .collect();
    let rows = rows
        .into_iter()
        .map(|(problem, view)| {
            view! { <li class:pflege__row--problem=problem hidden=move || only_problems.get() && !problem>{view}</li> }
        })
        .collect_view();
    let changes = change_list(texts, &imported);
    view! {
        <p class="pflege__summary" role="status">{summary}</p>
        {notes}
        {repairs}
        {changes}
        <h3>{texts.rows_title}</h3>
        <label class="pflege__filter">
            <input type="checkbox" on:change=move |ev| only_problems.set(event_target_checked(&ev))/>
            " "
            {texts.only_problems}
        </label>
        <ul class="pflege__rows">{rows}</ul>
    }
    .into_any()
}

/// Rows a maintainer must look at: rejected and duplicate ones.
fn is_problem(row: &RowReport) -> bool {
    row.status.is_rejected() || matches!(row.status, RowStatus::Duplicate(_))
}

fn row_view(texts: &'static Texts, row: &RowReport) -> AnyView {
    let status = match &row.status {
        RowStatus::Unchanged => texts.status_unchanged.to_owned(),
        RowStatus::Changed => texts.status_changed.to_owned(),
        RowStatus::Added => texts.status_added.to_owned(),
        RowStatus::Duplicate(first) => fill(texts.status_duplicate, &[("row", &first.to_string())]),
        RowStatus::RejectedKept => texts.status_rejected_kept.to_owned(),
        RowStatus::RejectedNew => texts.status_rejected_new.to_owned(),
    };
    let number = row.row.to_string();
    let title = fill(texts.row, &[("row", &number)]);
    let id = row.id.clone().unwrap_or_default();
    let problems = row
        .problems
        .iter()
        .map(|p| {
            let line = fill(
                texts.cell_problem,
                &[("row", &number), ("problem", &p.to_string())],
            );
            view! { <li class="pflege__problem">{line}</li> }
        })
        .collect_view();
    let notes = row
        .notes
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    view! {
        <strong>{title}</strong>" "<code>{id}</code>": "<span>{status}</span>
        <ul>{problems}{notes}</ul>
    }
    .into_any()
}

/// New, changed (before → after) and removed records.
fn change_list(texts: &'static Texts, imported: &ia_upkeep::import::Imported) -> AnyView {
    let report = &imported.report;
    let name_of = |id: &Option<String>| {
        let id = id.clone().unwrap_or_default();
        imported
            .dataset
            .agencies
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.clone())
            .unwrap_or(id)
    };
    let added: Vec<_> = report
        .rows
        .iter()
        .filter(|r| r.status == RowStatus::Added)
        .collect();
    let changed: Vec<_> = report
        .rows
        .iter()
        .filter(|r| r.status == RowStatus::Changed)
        .collect();
    if added.is_empty() && changed.is_empty() && report.removed.is_empty() {
        return view! { <h3>{texts.changes_title}</h3><p>{texts.no_changes}</p> }.into_any();
    }
    let added = (!added.is_empty()).then(|| {
        let items = added
            .iter()
            .map(|r| view! { <li>{name_of(&r.id)}</li> })
            .collect_view();
        view! { <h4>{texts.added_title}</h4><ul class="pflege__added">{items}</ul> }
    });
    let changed = (!changed.is_empty()).then(|| {
        let items = changed
            .iter()
            .map(|r| {
                let fields = r
                    .changes
                    .iter()
                    .map(|c| {
                        let line = fill(
                            texts.change,
                            &[("heading", c.heading), ("old", &c.old), ("new", &c.new)],
                        );
                        view! { <li>{line}</li> }
                    })
                    .collect_view();
                view! { <li>{name_of(&r.id)}<ul>{fields}</ul></li> }
            })
            .collect_view();
        view! { <h4>{texts.changed_title}</h4><ul class="pflege__changed">{items}</ul> }
    });
    let removed = (!report.removed.is_empty()).then(|| {
        let items = report
            .removed
            .iter()
            .map(|a| view! { <li>{a.name.clone()}</li> })
            .collect_view();
        view! { <h4>{texts.removed_title}</h4><ul class="pflege__removed">{items}</ul> }
    });
    view! { <h3>{texts.changes_title}</h3>{added}{changed}{removed} }.into_any()
}

//! `ia-datatool changes`: the committed change list per "Stand"
//! (`public/data/changes.json`, issue 27). When a new Stand is published,
//! `changes --previous OLD.json` records what changed since the Stand before
//! (`ia_core::opendata::changes::diff`: records added, changed field by
//! field, removed); `ia-prerender` reads the log for the data page. `make
//! test-data` runs `changes --check`: the log's newest entry must be the
//! dataset's Stand and fit its records. `make data` does not touch the log:
//! it is history, which the sources of today cannot rebuild.

use std::path::Path;

use ia_core::opendata::changes::{diff, ChangeLog};
use ia_core::{parse_dataset, LoadedDataset};

use crate::{read_text, write_file, Error, Result};

fn load(path: &Path) -> Result<LoadedDataset> {
    parse_dataset(&read_text(path)?).map_err(|err| Error(format!("{}: {err}", path.display())))
}

/// Reads the log; a missing file is an empty log.
pub fn read_log(path: &Path) -> Result<ChangeLog> {
    if !path.exists() {
        return Ok(ChangeLog::default());
    }
    serde_json::from_str(&read_text(path)?)
        .map_err(|err| Error(format!("{}: not a change log: {err}", path.display())))
}

/// The log as written: pretty JSON (it is read in reviews), final newline.
pub fn log_text(log: &ChangeLog) -> Result<String> {
    let mut text = serde_json::to_string_pretty(log)
        .map_err(|err| Error(format!("cannot write the change log: {err}")))?;
    text.push('\n');
    Ok(text)
}

/// Records or checks; returns the lines to print.
pub fn run(
    dataset: &Path,
    log_path: &Path,
    previous: Option<&Path>,
    first: bool,
    check: bool,
) -> Result<Vec<String>> {
    let current = load(dataset)?;
    let mut log = read_log(log_path)?;
    let as_of = current.meta.as_of.clone();
    if check {
        let problems = log.problems(&as_of, &current.agencies);
        if !problems.is_empty() {
            return Err(Error(format!(
                "{} does not fit {}:\n{}",
                log_path.display(),
                dataset.display(),
                problems.join("\n")
            )));
        }
        let newest = &log.changes[0];
        return Ok(vec![format!(
            "{}: Stand {as_of} – {} added, {} changed, {} removed; {} Stände logged",
            log_path.display(),
            newest.added.len(),
            newest.changed.len(),
            newest.removed.len(),
            log.changes.len()
        )]);
    }
    let change = match (previous, first) {
        (Some(previous), _) => {
            let before = load(previous)?;
            if before.meta.as_of >= as_of {
                return Err(Error(format!(
                    "{} is Stand {}, not older than the dataset's Stand {as_of}",
                    previous.display(),
                    before.meta.as_of
                )));
            }
            diff(
                &before.agencies,
                &current.agencies,
                &before.meta.as_of,
                &as_of,
            )
        }
        (None, true) => {
            let mut change = diff(&[], &current.agencies, "", &as_of);
            change.previous = None;
            // The first publication: every record is new; the list would
            // only repeat the dataset.
            change.added.clear();
            change
        }
        (None, false) => {
            return Err(Error(
                "say --previous FILE (the dataset of the Stand before), --first or --check".into(),
            ))
        }
    };
    let line = format!(
        "Stand {as_of}: {} added, {} changed, {} removed",
        change.added.len(),
        change.changed.len(),
        change.removed.len()
    );
    log.record(change);
    write_file(log_path, log_text(&log)?.as_bytes())?;
    Ok(vec![line, format!("wrote {}", log_path.display())])
}

//! The change list per "Stand" (issue 27): what was added, changed and
//! removed from one published dataset to the next. `ia-datatool changes`
//! writes it into the committed log `public/data/changes.json` when a new
//! Stand is published ([`diff`], [`ChangeLog::record`]); `ia-prerender`
//! reads the log for the data page (`data/index.html`) and the catalogue record.

use serde::{Deserialize, Serialize};

use crate::columns::Column;
use crate::dataset::Agency;
use crate::export::csv_values;

/// The log: one entry per Stand, the newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeLog {
    pub changes: Vec<Change>,
}

/// What changed up to one Stand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The Stand (`YYYY-MM-DD`).
    pub as_of: String,
    /// The Stand before; `None` for the first publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// How many records the dataset had at this Stand.
    pub records: usize,
    #[serde(default)]
    pub added: Vec<Named>,
    #[serde(default)]
    pub changed: Vec<Changed>,
    #[serde(default)]
    pub removed: Vec<Named>,
}

/// A record by id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// A record whose fields changed: the fields as schema paths (the column
/// table's, [`Column::path`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changed {
    pub id: String,
    pub name: String,
    pub fields: Vec<String>,
}

/// What changed from `before` (the records of Stand `previous`) to `after`
/// (Stand `as_of`): records by id, fields compared as the spreadsheet shows
/// them (one column each), all lists in id order.
pub fn diff(before: &[Agency], after: &[Agency], previous: &str, as_of: &str) -> Change {
    let by_id = |agencies: &[Agency]| -> std::collections::BTreeMap<String, Vec<String>> {
        agencies
            .iter()
            .map(|a| (a.id.clone(), csv_values(a)))
            .collect()
    };
    let (old, new) = (by_id(before), by_id(after));
    let named = |a: &Agency| Named {
        id: a.id.clone(),
        name: a.name.clone(),
    };
    let mut added: Vec<Named> = after
        .iter()
        .filter(|a| !old.contains_key(&a.id))
        .map(named)
        .collect();
    let mut removed: Vec<Named> = before
        .iter()
        .filter(|a| !new.contains_key(&a.id))
        .map(named)
        .collect();
    let mut changed: Vec<Changed> = after
        .iter()
        .filter_map(|a| {
            let was = old.get(&a.id)?;
            let now = new.get(&a.id)?;
            let fields: Vec<String> = Column::ALL
                .iter()
                .filter(|c| was[c.index()] != now[c.index()])
                .map(|c| c.path().to_owned())
                .collect();
            (!fields.is_empty()).then(|| Changed {
                id: a.id.clone(),
                name: a.name.clone(),
                fields,
            })
        })
        .collect();
    added.sort_by(|a, b| a.id.cmp(&b.id));
    removed.sort_by(|a, b| a.id.cmp(&b.id));
    changed.sort_by(|a, b| a.id.cmp(&b.id));
    Change {
        as_of: as_of.to_owned(),
        previous: Some(previous.to_owned()),
        records: after.len(),
        added,
        changed,
        removed,
    }
}

impl ChangeLog {
    /// Puts `change` into the log: replaces the entry of the same Stand, or
    /// adds it; the log stays newest first.
    pub fn record(&mut self, change: Change) {
        self.changes.retain(|c| c.as_of != change.as_of);
        self.changes.push(change);
        self.changes.sort_by(|a, b| b.as_of.cmp(&a.as_of));
    }

    /// The first publication's Stand (the oldest entry).
    pub fn first_as_of(&self) -> Option<&str> {
        self.changes.last().map(|c| c.as_of.as_str())
    }

    /// Why the log does not fit the dataset of Stand `as_of` with these
    /// records: its newest entry must be that Stand, with that number of
    /// records; what it lists as added or changed must be there, what it
    /// lists as removed must not; every entry must follow the one before.
    /// Empty when it fits.
    pub fn problems(&self, as_of: &str, agencies: &[Agency]) -> Vec<String> {
        let mut problems = Vec::new();
        let Some(newest) = self.changes.first() else {
            return vec!["the log has no entry".into()];
        };
        if newest.as_of != as_of {
            problems.push(format!(
                "the newest entry is Stand {}, the dataset's Stand is {as_of}; run `ia-datatool changes --previous <the dataset of the Stand before>`",
                newest.as_of
            ));
            return problems;
        }
        if newest.records != agencies.len() {
            problems.push(format!(
                "Stand {as_of} lists {} records, the dataset has {}",
                newest.records,
                agencies.len()
            ));
        }
        let name_of = |id: &str| {
            agencies
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.as_str())
        };
        let listed: Vec<Named> = newest
            .added
            .iter()
            .cloned()
            .chain(newest.changed.iter().map(Changed::as_named))
            .collect();
        for named in &listed {
            match name_of(&named.id) {
                None => problems.push(format!("{} is listed but not in the dataset", named.id)),
                Some(name) if name != named.name => problems.push(format!(
                    "{} is listed as {:?} but named {name:?} in the dataset",
                    named.id, named.name
                )),
                Some(_) => {}
            }
        }
        for named in &newest.removed {
            if name_of(&named.id).is_some() {
                problems.push(format!(
                    "{} is listed as removed but is in the dataset",
                    named.id
                ));
            }
        }
        for pair in self.changes.windows(2) {
            if pair[0].previous.as_deref() != Some(pair[1].as_of.as_str()) {
                problems.push(format!(
                    "Stand {} names {:?} as the Stand before, but the next entry is {}",
                    pair[0].as_of, pair[0].previous, pair[1].as_of
                ));
            }
        }
        if let Some(first) = self.changes.last() {
            if first.previous.is_some() && self.changes.len() > 1 {
                problems.push(format!(
                    "the oldest entry ({}) names a Stand before it",
                    first.as_of
                ));
            }
        }
        problems
    }
}

impl Changed {
    fn as_named(&self) -> Named {
        Named {
            id: self.id.clone(),
            name: self.name.clone(),
        }
    }
}

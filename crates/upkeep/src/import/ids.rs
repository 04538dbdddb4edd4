//! Which row is which record: rows with the same content as an earlier row
//! are duplicates, rows without an id get one made like `build` makes them,
//! and rows that share an id with different content are all rejected.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use ia_core::columns::Column;
use ia_core::validate::is_slug;

use super::cells::ParsedRow;
use super::problem::Problem;
use super::{messages, EXAMPLE_ID};
use crate::slug::{base_id, slug};

/// Marks duplicates, gives rows without an id one, and rejects rows whose
/// id another row has too.
pub fn settle(rows: &mut [ParsedRow]) {
    mark_duplicate_rows(rows);
    assign_missing_ids(rows);
    reject_conflicting_ids(rows);
}

/// Marks rows whose cleaned content equals an earlier row's.
fn mark_duplicate_rows(rows: &mut [ParsedRow]) {
    let mut first: HashMap<Vec<String>, usize> = HashMap::new();
    for row in rows.iter_mut() {
        match first.get(&row.values) {
            Some(&number) => row.duplicate_of = Some(number),
            None => {
                first.insert(row.values.clone(), row.number);
            }
        }
    }
}

/// Gives rows without an id one made from name and city (the rule of
/// `build`), extended by carrier, then street, when it is taken.
fn assign_missing_ids(rows: &mut [ParsedRow]) {
    let mut taken: BTreeSet<String> = rows.iter().filter_map(|r| r.id.clone()).collect();
    for row in rows
        .iter_mut()
        .filter(|r| r.duplicate_of.is_none() && r.id.is_none())
    {
        let fields = &row.fields;
        if fields.name.is_empty() || fields.city.is_empty() {
            continue;
        }
        let base = base_id(&fields.name, &fields.city);
        let street = fields.street.as_deref().map(slug).unwrap_or_default();
        let carrier = slug(&fields.carrier);
        let candidates = [
            base.clone(),
            format!("{base}-{carrier}"),
            format!("{base}-{street}"),
            format!("{base}-{carrier}-{street}"),
        ];
        let free = candidates
            .iter()
            .map(|c| c.trim_end_matches('-').to_owned())
            .find(|c| is_slug(c) && !taken.contains(c) && c != EXAMPLE_ID);
        match free {
            Some(id) => {
                row.notes.push(messages::NEW_ID.into());
                taken.insert(id.clone());
                row.id = Some(id);
            }
            None => row.problems.push(Problem {
                column: None,
                value: None,
                message: messages::no_free_id(&base),
            }),
        }
    }
}

/// Rejects every row whose id another row (with other content) has too.
fn reject_conflicting_ids(rows: &mut [ParsedRow]) {
    let mut by_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, row) in rows.iter().enumerate() {
        if let (Some(id), None) = (&row.id, row.duplicate_of) {
            by_id.entry(id.clone()).or_default().push(index);
        }
    }
    for (id, members) in by_id.into_iter().filter(|(_, m)| m.len() > 1) {
        let numbers: Vec<String> = members
            .iter()
            .map(|&i| rows[i].number.to_string())
            .collect();
        for &index in &members {
            let row = &mut rows[index];
            // A generated id is not in the cell; show it.
            let value = match row.value(Column::Id) {
                "" => id.as_str(),
                given => given,
            };
            // The id column as a whole (no letter): the rows are named in the message.
            let problem = Problem {
                column: Some(messages::column(None, Column::Id)),
                value: Some(value.to_owned()),
                message: messages::same_id(&numbers.join(", ")),
            };
            row.problems.push(problem);
        }
    }
}

#[cfg(test)]
mod tests;

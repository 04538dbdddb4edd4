//! `ia-datatool validate`: strict validation of a dataset file.
//!
//! The file is first read with the app's own tolerant loader
//! (`ia_core::parse_dataset`), so whole-file problems (not JSON, unknown
//! `schema_version`, missing top-level fields) are reported exactly as the
//! app sees them. Then every record is checked field by field, so that a
//! message names the record index, its id and the field
//! (`record 3 (id "x"): offers[1]: unknown offer code "teleportation"`), then
//! with `ia_core::validate`, then across records (duplicate ids) and against
//! the simplified NRW outline.

use std::collections::BTreeMap;

use ia_core::columns::Column;
use ia_core::validate::{validate_agency, validate_meta, Field, FieldProblem};
use ia_core::{parse_dataset, Agency, Offer, Precision, Topic, Umbrella};
use serde_json::{Map, Value};

use crate::geometry::{contains, MultiPolygon};

/// The outcome of a check.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Checked {
    /// Every problem, one line each; empty when the file is good.
    pub messages: Vec<String>,
    /// One-line summary of a good file.
    pub summary: String,
}

/// Checks a dataset text. `outline` enables the inside-NRW check.
pub fn check_text(text: &str, outline: Option<&MultiPolygon>) -> Checked {
    let mut messages = Vec::new();
    let loaded = match parse_dataset(text) {
        Ok(loaded) => loaded,
        Err(err) => {
            return Checked {
                messages: vec![err.to_string()],
                summary: String::new(),
            }
        }
    };
    for problem in validate_meta(&loaded.meta) {
        messages.push(format!("meta: {problem}"));
    }
    if let Some(coverage) = &loaded.meta.coverage {
        if coverage.estimated_total == 0 {
            messages.push("meta: coverage.estimated_total: must be more than 0".into());
        }
        if coverage
            .servicestellen_total
            .is_some_and(|n| n > coverage.estimated_total)
        {
            messages.push(
                "meta: coverage.servicestellen_total: must not be more than estimated_total".into(),
            );
        }
        for (field, year) in [
            ("estimated_total_year", coverage.estimated_total_year),
            ("servicestellen_year", coverage.servicestellen_year),
        ] {
            if year.is_some_and(|y| !(2000..=2100).contains(&y)) {
                messages.push(format!(
                    "meta: coverage.{field}: must be a year such as 2021"
                ));
            }
        }
        if coverage.note.trim().is_empty() {
            messages.push("meta: coverage.note: must say where the estimate comes from".into());
        }
    }

    // parse_dataset accepted the JSON, so this parse cannot fail; stay safe anyway.
    let records: Vec<Value> = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|mut v| v.get_mut("agencies").map(Value::take))
        .and_then(|v| match v {
            Value::Array(items) => Some(items),
            _ => None,
        })
        .unwrap_or_default();

    let version = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v.get("schema_version").and_then(Value::as_u64))
        .unwrap_or(ia_core::dataset::SCHEMA_VERSION);
    let mut first_index: BTreeMap<String, usize> = BTreeMap::new();
    let mut flagged = vec![false; records.len()];
    let (mut by_precision, mut antidiscrimination) = (BTreeMap::<&str, usize>::new(), 0usize);
    for (index, record) in records.iter().enumerate() {
        let id = record.get("id").and_then(Value::as_str).map(str::to_owned);
        let who = match &id {
            Some(id) => format!("record {index} (id \"{id}\")"),
            None => format!("record {index}"),
        };
        let mut problems = strict_fields(record, version);
        let mut agency: Option<Agency> = None;
        if problems.is_empty() {
            match serde_json::from_value::<Agency>(record.clone()) {
                Ok(mut parsed) => {
                    if version == 1 && parsed.source_seen.is_empty() {
                        // As the loader reads version 1 (see ia_core::parse_dataset).
                        parsed.source_seen = std::mem::take(&mut parsed.last_verified);
                    }
                    problems.extend(validate_agency(&parsed));
                    agency = Some(parsed);
                }
                Err(err) => problems.push(FieldProblem::new(Field::Record, err.to_string())),
            }
        }
        if let (Some(agency), Some(outline), true) = (&agency, outline, problems.is_empty()) {
            let location = agency.location;
            if !contains(outline, location.lat, location.lon) {
                problems.push(FieldProblem::new(
                    Field::Location,
                    format!(
                        "{}, {} lies outside the NRW outline",
                        location.lat, location.lon
                    ),
                ));
            }
        }
        if let Some(id) = &id {
            if let Some(first) = first_index.get(id) {
                problems.push(FieldProblem::new(
                    Column::Id,
                    format!("duplicate id (also used by record {first})"),
                ));
            } else {
                first_index.insert(id.clone(), index);
            }
        }
        if let (Some(agency), true) = (&agency, problems.is_empty()) {
            *by_precision
                .entry(agency.location.precision.code())
                .or_default() += 1;
            antidiscrimination += usize::from(agency.antidiscrimination);
        }
        flagged[index] = !problems.is_empty();
        for problem in problems {
            messages.push(format!("{who}: {problem}"));
        }
    }
    // Anything the app's loader skips must have been reported above.
    for skipped in &loaded.skipped {
        if !flagged.get(skipped.index).copied().unwrap_or(false) {
            messages.push(skipped.to_string());
        }
    }

    let summary = if messages.is_empty() {
        let precisions: Vec<String> = by_precision
            .iter()
            .map(|(code, n)| format!("{n} {code}"))
            .collect();
        format!(
            "ok: {} agencies (positions: {}; {} with antidiscrimination), schema_version {}, as_of {}{}",
            records.len(),
            precisions.join(", "),
            antidiscrimination,
            serde_json::from_str::<Value>(text)
                .ok()
                .and_then(|v| v.get("schema_version").and_then(Value::as_u64))
                .unwrap_or(ia_core::dataset::SCHEMA_VERSION),
            loaded.meta.as_of,
            if outline.is_some() {
                ", all inside the NRW outline"
            } else {
                ", outline not checked"
            }
        )
    } else {
        String::new()
    };
    Checked { messages, summary }
}

/// Field-by-field type checks of one record, naming the field.
fn strict_fields(record: &Value, version: u64) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let Some(object) = record.as_object() else {
        return vec![FieldProblem::new(Field::Record, "must be a JSON object")];
    };
    for column in [
        Column::Id,
        Column::Name,
        Column::Carrier,
        Column::Ags,
        Column::Municipality,
        Column::Kreis,
        Column::Source,
        // Version 1 had one date, last_verified (read as source_seen).
        if version == 1 {
            Column::LastVerified
        } else {
            Column::SourceSeen
        },
    ] {
        required_string(object, column, &mut problems);
    }
    for column in [Column::LastVerified, Column::SourceDate] {
        optional_string(object, column, &mut problems);
    }
    if let Some(code) = required_string(object, Column::Umbrella, &mut problems) {
        if Umbrella::from_code(code).is_none() {
            problems.push(FieldProblem::new(
                Column::Umbrella,
                format!("unknown umbrella code {code:?}"),
            ));
        }
    }
    match object.get("address") {
        Some(Value::Object(address)) => {
            required_string(address, Column::City, &mut problems);
            optional_string(address, Column::Street, &mut problems);
            optional_string(address, Column::Postcode, &mut problems);
        }
        Some(_) => problems.push(FieldProblem::new(Field::Address, "must be an object")),
        None => problems.push(FieldProblem::new(Field::Address, "missing")),
    }
    match object.get("location") {
        Some(Value::Object(location)) => {
            for axis in [Column::Lat, Column::Lon] {
                match location.get(axis.field_name()) {
                    Some(Value::Number(_)) => {}
                    Some(other) => problems.push(FieldProblem::new(
                        axis,
                        format!("must be a number, found {other}"),
                    )),
                    None => problems.push(FieldProblem::new(axis, "missing")),
                }
            }
            if let Some(code) = required_string(location, Column::Precision, &mut problems) {
                if Precision::from_code(code).is_none() {
                    problems.push(FieldProblem::new(
                        Column::Precision,
                        format!(
                            "unknown precision {code:?} (address, postcode, municipality or kreis)"
                        ),
                    ));
                }
            }
        }
        Some(_) => problems.push(FieldProblem::new(Field::Location, "must be an object")),
        None => problems.push(FieldProblem::new(Field::Location, "missing")),
    }
    code_list(
        object,
        Column::Offers,
        "offer",
        |c| Offer::from_code(c).is_some(),
        &mut problems,
    );
    code_list(
        object,
        Column::Topics,
        "topic",
        |c| Topic::from_code(c).is_some(),
        &mut problems,
    );
    code_list(
        object,
        Column::Languages,
        "language",
        |_| true,
        &mut problems,
    );
    if let Some(value) = object.get(Column::Servicestelle.field_name()) {
        if !value.is_boolean() {
            problems.push(FieldProblem::new(
                Column::Servicestelle,
                "must be true or false",
            ));
        }
    }
    match object.get("contact") {
        None => {}
        Some(Value::Object(contact)) => {
            for column in [Column::Phone, Column::Email, Column::Website] {
                optional_string(contact, column, &mut problems);
            }
        }
        Some(_) => problems.push(FieldProblem::new(Field::Contact, "must be an object")),
    }
    optional_string(object, Column::SourceNote, &mut problems);
    problems
}

/// The string in `column` of `object` (the object that holds the column:
/// the record, its address, location or contact).
fn required_string<'a>(
    object: &'a Map<String, Value>,
    column: Column,
    problems: &mut Vec<FieldProblem>,
) -> Option<&'a str> {
    match object.get(column.field_name()) {
        Some(Value::String(text)) => Some(text),
        Some(other) => {
            problems.push(FieldProblem::new(
                column,
                format!("must be a string, found {other}"),
            ));
            None
        }
        None => {
            problems.push(FieldProblem::new(column, "missing"));
            None
        }
    }
}

fn optional_string(object: &Map<String, Value>, column: Column, problems: &mut Vec<FieldProblem>) {
    match object.get(column.field_name()) {
        None | Some(Value::Null) | Some(Value::String(_)) => {}
        Some(other) => problems.push(FieldProblem::new(
            column,
            format!("must be a string or null, found {other}"),
        )),
    }
}

fn code_list(
    object: &Map<String, Value>,
    column: Column,
    what: &str,
    known: impl Fn(&str) -> bool,
    problems: &mut Vec<FieldProblem>,
) {
    match object.get(column.field_name()) {
        None => {}
        Some(Value::Array(items)) => {
            for (position, item) in items.iter().enumerate() {
                let field = Field::Item(column, position);
                match item.as_str() {
                    Some(code) if known(code) => {}
                    Some(code) => problems.push(FieldProblem::new(
                        field,
                        format!("unknown {what} code {code:?}"),
                    )),
                    None => problems.push(FieldProblem::new(
                        field,
                        format!("must be a string, found {item}"),
                    )),
                }
            }
        }
        Some(other) => problems.push(FieldProblem::new(
            column,
            format!("must be an array, found {other}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Value {
        serde_json::json!({
            "id": "ia-koeln", "name": "IA", "carrier": "Träger e.V.", "umbrella": "caritas",
            "address": {"street": null, "postcode": "50667", "city": "Köln"},
            "ags": "05315000", "municipality": "Köln", "kreis": "Köln",
            "location": {"lat": 50.94, "lon": 6.96, "precision": "postcode"},
            "offers": ["counselling"], "antidiscrimination": false, "topics": [],
            "contact": {"phone": null, "email": null, "website": "https://a.de"},
            "languages": [], "source_url": "https://a.de/q", "source_seen": "2026-11-24"
        })
    }

    fn file(records: Vec<Value>) -> String {
        serde_json::json!({
            "schema_version": 2, "as_of": "2026-11-24",
            "source": {"text": "t", "url": "https://a.de"}, "licence": "CC BY 4.0",
            "coverage": {"estimated_total": 214, "note": "n"},
            "agencies": records
        })
        .to_string()
    }

    #[test]
    fn good_file_has_a_summary() {
        let checked = check_text(&file(vec![record()]), None);
        assert!(checked.messages.is_empty(), "{:?}", checked.messages);
        assert!(
            checked.summary.starts_with("ok: 1 agencies"),
            "{}",
            checked.summary
        );
    }

    #[test]
    fn field_level_messages() {
        let mut bad = record();
        bad["offers"] = serde_json::json!(["counselling", "teleportation"]);
        bad["location"]["precision"] = Value::String("street".into());
        let mut dup = record();
        dup["name"] = Value::String("Other".into());
        let checked = check_text(&file(vec![record(), bad, dup]), None);
        let all = checked.messages.join("\n");
        assert!(
            all.contains(
                "record 1 (id \"ia-koeln\"): offers[1]: unknown offer code \"teleportation\""
            ),
            "{all}"
        );
        assert!(all.contains("location.precision"), "{all}");
        assert!(
            all.contains("record 2 (id \"ia-koeln\"): id: duplicate id (also used by record 0)"),
            "{all}"
        );
    }

    #[test]
    fn outline_is_checked() {
        let outline: MultiPolygon = vec![vec![vec![
            [6.0, 50.5],
            [7.5, 50.5],
            [7.5, 51.5],
            [6.0, 51.5],
            [6.0, 50.5],
        ]]];
        let mut outside = record();
        outside["location"]["lon"] = serde_json::json!(9.4);
        let checked = check_text(&file(vec![outside]), Some(&outline));
        assert!(
            checked
                .messages
                .iter()
                .any(|m| m.contains("location: 50.94, 9.4 lies outside")),
            "{:?}",
            checked.messages
        );
    }

    #[test]
    fn whole_file_errors() {
        assert!(check_text("nope", None).messages[0].contains("not valid JSON"));
        let v3 = file(vec![]).replace("\"schema_version\":2", "\"schema_version\":3");
        assert!(check_text(&v3, None).messages[0].contains("unsupported schema_version 3"));
    }
}

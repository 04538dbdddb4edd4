//! Completing a good row into a record: its place ([`super::position`]),
//! the dates a table may leave empty or lack, then the core's checks
//! (`ia_core::validate`, in German) and the NRW outline.

use ia_core::columns::Column;
use ia_core::dataset::{Address, Contact, Location};
use ia_core::validate::validate_agency;
use ia_core::Agency;

use super::cells::ParsedRow;
use super::header::ColumnMap;
use super::position::{place, Findings, Place};
use super::problem::Problem;
use super::{messages, Places};
use crate::geometry::contains;

/// Completes an otherwise good row: its place, then the record and its
/// checks. A row that passes gets its `agency`; otherwise problems.
pub fn complete(row: &mut ParsedRow, before: Option<&Agency>, places: Places, columns: &ColumnMap) {
    let (problems, notes, agency) = completed(row, before, places, columns);
    row.problems.extend(problems);
    row.notes.extend(notes);
    if row.problems.is_empty() {
        row.agency = agency;
    }
}

/// What completing a row finds: problems, remarks, and the record.
fn completed(
    row: &ParsedRow,
    before: Option<&Agency>,
    places: Places,
    columns: &ColumnMap,
) -> (Vec<Problem>, Vec<String>, Option<Agency>) {
    let mut found = Findings::new(columns, row);
    let Some(place) = place(row, before, places, &mut found) else {
        // Without a position the remarks on how it was sought do not count.
        return (found.problems, Vec::new(), None);
    };
    if !found.problems.is_empty() {
        return (found.problems, found.notes, None);
    }
    let agency = record(row, before, place, columns);
    if let Some(agency) = &agency {
        check(agency, places, &mut found);
    }
    (found.problems, found.notes, agency)
}

/// The record of a row at its place. `None` without an umbrella (the row
/// then has a problem already).
fn record(
    row: &ParsedRow,
    before: Option<&Agency>,
    place: Place,
    columns: &ColumnMap,
) -> Option<Agency> {
    let fields = &row.fields;
    Some(Agency {
        id: row.id.clone().unwrap_or_default(),
        name: fields.name.clone(),
        carrier: fields.carrier.clone(),
        umbrella: fields.umbrella?,
        address: Address {
            street: fields.street.clone(),
            postcode: fields.postcode.clone(),
            city: fields.city.clone(),
            carrier_servicestelle: if columns.is_absent(Column::CarrierServicestelle) {
                before.is_some_and(|b| b.address.carrier_servicestelle)
            } else {
                fields.carrier_servicestelle
            },
        },
        ags: place.ags,
        municipality: place.municipality,
        kreis: place.kreis,
        location: Location {
            lat: place.lat,
            lon: place.lon,
            precision: place.precision,
        },
        offers: fields.offers.clone(),
        antidiscrimination: fields.antidiscrimination,
        topics: fields.topics.clone(),
        contact: Contact {
            phone: fields.phone.clone(),
            email: fields.email.clone(),
            website: fields.website.clone(),
            carrier_website: if columns.is_absent(Column::CarrierWebsite) {
                before.is_some_and(|b| b.contact.carrier_website)
            } else {
                fields.carrier_website
            },
        },
        languages: fields.languages.clone(),
        source_url: fields.source_url.clone(),
        source_note: fields.source_note.clone(),
        // A column the table does not have keeps the previous value.
        last_verified: if columns.is_absent(Column::LastVerified) {
            before.map(|b| b.last_verified.clone()).unwrap_or_default()
        } else {
            fields.last_verified.clone()
        },
        // Empty "Quelle gelesen": the previous record's date, else the
        // confirmation date (whoever confirmed the record also read it).
        source_seen: if !fields.source_seen.is_empty() {
            fields.source_seen.clone()
        } else if let Some(before) = before {
            before.source_seen.clone()
        } else {
            fields.last_verified.clone()
        },
        source_date: if columns.is_absent(Column::SourceDate) {
            before.and_then(|b| b.source_date.clone())
        } else {
            fields.source_date.clone()
        },
        source_credit: if columns.is_absent(Column::SourceCredit) {
            before.and_then(|b| b.source_credit.clone())
        } else {
            fields.source_credit.clone()
        },
        field_sources: if columns.is_absent(Column::FieldSources) {
            before.map(|b| b.field_sources.clone()).unwrap_or_default()
        } else {
            fields.field_sources.clone()
        },
    })
}

/// The core's checks of the record, in German in the column they are
/// about, and whether it lies in NRW.
fn check(agency: &Agency, places: Places, found: &mut Findings) {
    for problem in validate_agency(agency) {
        let known = problem
            .field
            .column()
            .and_then(|column| Some((column, messages::invalid(column)?.to_owned())));
        // A check without a German text: the core's own words, at the id.
        let (column, message) = known.unwrap_or_else(|| (Column::Id, problem.to_string()));
        found.problem(column, message);
    }
    if let Some(outline) = places.outline {
        let Location { lat, lon, .. } = agency.location;
        if found.problems.is_empty() && !contains(outline, lat, lon) {
            let values = format!("{}; {}", found.value(Column::Lat), found.value(Column::Lon));
            found.problem_with(Column::Lat, &values, messages::OUTSIDE_NRW);
        }
    }
}

#[cfg(test)]
mod tests {
    use ia_core::export::csv_values;
    use ia_core::synthetic::synthetic_agencies;

    use super::*;
    use crate::import::cells::read_row;
    use crate::import::table::Row;
    use crate::import::testing::{exported_columns, exported_row};

    fn completed_row(
        changes: &[(Column, &str)],
        outline: Option<&crate::geometry::MultiPolygon>,
    ) -> ParsedRow {
        let columns = exported_columns();
        let agency = synthetic_agencies(1, 4).remove(0);
        let exported = exported_row(&agency, changes, 3);
        let mut row = read_row(&exported, &columns, &mut Vec::new());
        let places = Places {
            gazetteer: None,
            outline,
        };
        complete(&mut row, Some(&agency), places, &columns);
        row
    }

    #[test]
    fn a_good_row_becomes_its_record() {
        let row = completed_row(&[], None);
        assert!(row.problems.is_empty(), "{:?}", row.problems);
        assert_eq!(row.agency, Some(synthetic_agencies(1, 4).remove(0)));
    }

    #[test]
    fn the_core_s_checks_speak_german_in_the_column() {
        let row = completed_row(&[(Column::Lat, "48,1"), (Column::Lon, "11,5")], None);
        assert_eq!(row.agency, None);
        assert_eq!(
            row.problems[0].to_string(),
            format!(
                "Spalte K „Breitengrad“ = „48,1“: {}",
                messages::invalid(Column::Lat).unwrap_or_default()
            )
        );
    }

    #[test]
    fn a_position_outside_the_outline_is_rejected() {
        let outline: crate::geometry::MultiPolygon = vec![vec![vec![
            [6.0, 50.0],
            [6.1, 50.0],
            [6.1, 50.1],
            [6.0, 50.0],
        ]]];
        let row = completed_row(&[], Some(&outline));
        assert_eq!(row.agency, None);
        assert_eq!(row.problems.len(), 1);
        assert_eq!(row.problems[0].message, messages::OUTSIDE_NRW);
        assert!(row.problems[0]
            .value
            .as_deref()
            .is_some_and(|v| v.contains("; ")));
    }

    #[test]
    fn dates_a_table_lacks_keep_the_previous_record_s() {
        let header: Vec<String> = Column::HEADINGS[..23]
            .iter()
            .map(|h| (*h).to_owned())
            .collect();
        let columns =
            ColumnMap::read(&header, &[], &mut Vec::new()).unwrap_or_else(|e| panic!("{e}"));
        let mut before = synthetic_agencies(1, 4).remove(0);
        before.last_verified = "2026-11-30".into();
        before.source_date = Some("2021".into());
        let mut cells = csv_values(&before);
        cells.truncate(22);
        cells.push("2026-12-01".into());
        let mut row = read_row(&Row { number: 2, cells }, &columns, &mut Vec::new());
        complete(&mut row, Some(&before), Places::default(), &columns);
        let agency = row.agency.unwrap_or_else(|| panic!("{:?}", row.problems));
        assert_eq!(agency.source_seen, "2026-12-01");
        assert_eq!(agency.last_verified, "2026-11-30");
        assert_eq!(agency.source_date.as_deref(), Some("2021"));
    }
}

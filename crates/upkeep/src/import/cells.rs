//! Reading one data row: its cells in the table's column order, cleaned
//! (spaces and the formula guard removed), each read into a typed field
//! ([`super::values`]), with what was repaired and what is wrong.

use ia_core::columns::Column;
use ia_core::validate::is_slug;
use ia_core::{Agency, Offer, Precision, Topic, Umbrella};

use super::header::ColumnMap;
use super::problem::{Problem, Repair};
use super::table::{column_letter, Row};
use super::values::{self, Cells};
use super::{messages, EXAMPLE_ID};
use crate::slug::slug;

/// One data row, read and checked.
#[derive(Debug, Clone)]
pub struct ParsedRow {
    /// Row number as the spreadsheet shows it.
    pub number: usize,
    /// The values after cleaning, in the order of [`Column::ALL`].
    pub values: Vec<String>,
    pub id: Option<String>,
    pub fields: Fields,
    /// The record, once the row is complete and good.
    pub agency: Option<Agency>,
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
    /// The earlier row with the same content.
    pub duplicate_of: Option<usize>,
}

impl ParsedRow {
    /// The cleaned value in a column.
    pub fn value(&self, column: Column) -> &str {
        &self.values[column.index()]
    }
}

/// The typed fields of a row (before the position is completed).
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub name: String,
    pub carrier: String,
    pub umbrella: Option<Umbrella>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub city: String,
    pub ags: Option<String>,
    pub municipality: Option<String>,
    pub kreis: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: Option<Precision>,
    pub offers: Vec<Offer>,
    pub antidiscrimination: bool,
    pub topics: Vec<Topic>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub languages: Vec<String>,
    pub source_url: String,
    pub source_note: Option<String>,
    pub last_verified: String,
    pub source_seen: String,
    pub source_date: Option<String>,
    pub carrier_servicestelle: bool,
    pub carrier_website: bool,
    pub source_credit: Option<String>,
    pub field_sources: Vec<ia_core::dataset::FieldSource>,
}

/// Reads a data row; the repairs are collected in `repairs`.
pub fn read_row(row: &Row, columns: &ColumnMap, repairs: &mut Vec<Repair>) -> ParsedRow {
    let mut cells = Cells {
        number: row.number,
        columns,
        values: Vec::with_capacity(Column::COUNT),
        problems: Vec::new(),
        repairs: Vec::new(),
    };
    for column in Column::ALL {
        let cell = columns.cell(&row.cells, column);
        cells.values.push(cell.to_owned());
        let trimmed = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if trimmed.len() != cell.len() {
            cells.repair(column, messages::TRIMMED, trimmed.to_owned());
        }
        let value = &mut cells.values[column.index()];
        *value = unguard(value).to_owned();
    }
    if let Some(last) = columns.beyond_last(&row.cells) {
        cells.problems.push(Problem {
            column: None,
            value: None,
            message: messages::shifted_cells(&column_letter(last)),
        });
    }
    let fields = read_fields(&mut cells);
    let id = cells.optional(Column::Id);
    if fields.name.starts_with("BEISPIEL") {
        cells.problem(Column::Name, messages::EXAMPLE_ROW);
    }
    if let Some(id) = &id {
        if id == EXAMPLE_ID {
            cells.problem(Column::Id, messages::EXAMPLE_ROW);
        } else if !is_slug(id) {
            cells.problem(Column::Id, messages::not_a_slug(&slug(id)));
        }
    }
    repairs.append(&mut cells.repairs);
    ParsedRow {
        number: row.number,
        id,
        fields,
        agency: None,
        problems: cells.problems,
        notes: Vec::new(),
        duplicate_of: None,
        values: cells.values,
    }
}

/// Undoes the formula guard of `ia_core::export`: a `'` before one of the
/// formula characters or another `'`.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest.starts_with(ia_core::export::FORMULA_START_CHARS) || rest.starts_with('\'') =>
        {
            rest
        }
        _ => cell,
    }
}

/// Reads every field of a row.
fn read_fields(cells: &mut Cells) -> Fields {
    let mut fields = Fields {
        name: cells.required(Column::Name),
        carrier: cells.required(Column::Carrier),
        city: cells.required(Column::City),
        street: cells.optional(Column::Street),
        municipality: cells.optional(Column::Municipality),
        kreis: cells.optional(Column::Kreis),
        source_note: cells.optional(Column::SourceNote),
        ..Fields::default()
    };
    fields.umbrella = values::umbrella(cells);
    fields.postcode = values::digits(cells, Column::Postcode, 5, messages::POSTCODE);
    // A record known only by its Kreis (Genauigkeit "kreis") has the
    // 5-digit key of the Kreis.
    fields.ags = if cells.value(Column::Precision) == Precision::Kreis.code() {
        values::digits(cells, Column::Ags, 5, messages::KREIS_KEY)
    } else {
        values::digits(cells, Column::Ags, 8, messages::AGS_DIGITS)
    };
    if fields
        .ags
        .as_ref()
        .is_some_and(|ags| !ags.starts_with("05"))
    {
        cells.problem(Column::Ags, messages::AGS_NOT_NRW);
    }
    read_coordinates(cells, &mut fields);
    fields.precision = values::vocabulary(
        cells,
        Column::Precision,
        Precision::ALL,
        Precision::code,
        Precision::label_de,
    );
    fields.offers = values::list(
        cells,
        Column::Offers,
        Offer::ALL,
        Offer::code,
        Offer::label_de,
    );
    fields.topics = values::list(
        cells,
        Column::Topics,
        Topic::ALL,
        Topic::code,
        Topic::label_de,
    );
    fields.antidiscrimination = values::yes_no(cells, Column::Servicestelle);
    fields.phone = values::phone(cells);
    fields.email = values::email(cells);
    fields.website = values::url(cells, Column::Website, false);
    fields.languages = values::languages(cells);
    fields.source_url = values::url(cells, Column::Source, true).unwrap_or_default();
    fields.last_verified = values::date(cells, Column::LastVerified);
    fields.source_seen = values::date(cells, Column::SourceSeen);
    // The columns of issue 27 are read only where the table has them (an
    // older table keeps the previous values, see `record`).
    if !cells.columns.is_absent(Column::CarrierWebsite) {
        fields.carrier_website = values::yes_no(cells, Column::CarrierWebsite);
    }
    if !cells.columns.is_absent(Column::CarrierServicestelle) {
        fields.carrier_servicestelle = values::yes_no(cells, Column::CarrierServicestelle);
    }
    fields.source_credit = cells.optional(Column::SourceCredit);
    fields.field_sources = values::field_sources(cells);
    fields.source_date = cells.optional(Column::SourceDate);
    if let Some(date) = &fields.source_date {
        if !ia_core::validate::is_source_date(date) {
            cells.problem(Column::SourceDate, messages::SOURCE_DATE);
        }
    }
    fields
}

/// Latitude and longitude: both or neither, and not swapped.
fn read_coordinates(cells: &mut Cells, fields: &mut Fields) {
    fields.lat = values::coordinate(cells, Column::Lat);
    fields.lon = values::coordinate(cells, Column::Lon);
    if let (Some(lat), Some(lon)) = (fields.lat, fields.lon) {
        if (5.0..10.0).contains(&lat) && (50.0..53.0).contains(&lon) {
            let message = messages::swapped_coordinates(cells.value(Column::Lon));
            cells.problem(Column::Lat, message);
        }
    }
    if fields.lat.is_some() != fields.lon.is_some() {
        let empty = if fields.lat.is_none() {
            Column::Lat
        } else {
            Column::Lon
        };
        cells.problem(empty, messages::ONE_COORDINATE);
    }
}

#[cfg(test)]
mod tests;

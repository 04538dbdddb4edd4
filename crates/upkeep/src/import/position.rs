//! Where a row's record is: the position given in the row, kept, or
//! computed offline from PLZ and Ort exactly like `build` places sourced
//! records ([`Gazetteer::geocode`]); and the AGS, Gemeinde and Kreis that
//! go with it, filled in where empty and checked where given.

use ia_core::columns::Column;
use ia_core::{Agency, Precision};

use super::cells::{Fields, ParsedRow};
use super::header::ColumnMap;
use super::problem::Problem;
use super::values::codes;
use super::{messages, Places};
use crate::gazetteer::{Gazetteer, Placed, PostcodeFallback};
use crate::geometry::round_to;
use crate::slug::name_key;
use crate::spread::COORDINATE_DECIMALS;

/// A record's position and the places it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub lat: f64,
    pub lon: f64,
    pub precision: Precision,
    /// AGS of the Gemeinde, or of the Kreis for precision `kreis`.
    pub ags: String,
    /// Empty for precision `kreis`.
    pub municipality: String,
    pub kreis: String,
}

/// What completing a row found: problems with its cells, and remarks.
pub struct Findings<'a> {
    columns: &'a ColumnMap,
    row: &'a ParsedRow,
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
}

impl<'a> Findings<'a> {
    pub fn new(columns: &'a ColumnMap, row: &'a ParsedRow) -> Self {
        Findings {
            columns,
            row,
            problems: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The row's value in `column`.
    pub fn value(&self, column: Column) -> &str {
        self.row.value(column)
    }

    /// Something is wrong with the row's value in `column`.
    pub fn problem(&mut self, column: Column, message: impl Into<String>) {
        let row = self.row;
        self.problem_with(column, row.value(column), message);
    }

    /// Something is wrong with `value`, shown in `column`.
    pub fn problem_with(&mut self, column: Column, value: &str, message: impl Into<String>) {
        let problem = self.columns.problem(column, value, message);
        self.problems.push(problem);
    }

    fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }
}

/// The place of a row. `None` when the position cannot be had at all (the
/// reason is in `found.problems`, and its remarks do not count); otherwise
/// the place, with problems in `found` where given values do not fit it.
pub fn place(
    row: &ParsedRow,
    before: Option<&Agency>,
    places: Places,
    found: &mut Findings,
) -> Option<Place> {
    let fields = &row.fields;
    let given = fields.lat.zip(fields.lon);
    if !needs_computing(fields, given, before, found) {
        return given_place(fields, given?, places.gazetteer, found);
    }
    let Some(gazetteer) = places.gazetteer else {
        let message = if given.is_some() {
            messages::NO_PLACE_DATA_TO_RECOMPUTE
        } else {
            messages::NO_PLACE_DATA_TO_COMPUTE
        };
        found.problem(Column::Lat, message);
        return None;
    };
    computed_place(fields, before, gazetteer, found)
}

/// Whether the position must be computed: none is given, or PLZ or Ort
/// changed while the position is still the old, computed one.
fn needs_computing(
    fields: &Fields,
    given: Option<(f64, f64)>,
    before: Option<&Agency>,
    found: &mut Findings,
) -> bool {
    let (Some((lat, lon)), Some(before)) = (given, before) else {
        return given.is_none();
    };
    let moved_address =
        fields.postcode != before.address.postcode || fields.city != before.address.city;
    let same_position = lat == before.location.lat && lon == before.location.lon;
    let approximate = fields.precision.unwrap_or(before.location.precision) != Precision::Address;
    let recompute = moved_address && same_position && approximate;
    if recompute {
        found.note(messages::RECOMPUTED);
    }
    recompute
}

/// The position from PLZ and Ort; AGS, Gemeinde and Kreis from the position.
fn computed_place(
    fields: &Fields,
    before: Option<&Agency>,
    gazetteer: &Gazetteer,
    found: &mut Findings,
) -> Option<Place> {
    let Some(placed) = gazetteer.geocode(&fields.name, &fields.city, fields.postcode.as_deref())
    else {
        found.problem(Column::City, messages::NOT_PLACEABLE);
        return None;
    };
    note_how_placed(fields, &placed, found);
    let precision = placed.precision;
    let computed_before = before.map(|b| b.location.precision);
    if let Some(given) = fields.precision {
        if given != precision && Some(given) != computed_before {
            found.note(messages::replaced(
                Column::Precision,
                given.code(),
                precision.code(),
            ));
        }
    }
    let Some(gemeinde) = gazetteer.gemeinde_at(placed.lat, placed.lon) else {
        found.problem(Column::City, messages::COMPUTED_OUTSIDE_NRW);
        return None;
    };
    // Known only by its Kreis: the Kreis' key and no municipality.
    let (ags, municipality) = match &placed.kreis_ags {
        Some(kreis_ags) => (kreis_ags.clone(), String::new()),
        None => (gemeinde.feature.ags.clone(), gemeinde.feature.gen.clone()),
    };
    let kreis = gazetteer.kreis_of(&ags).unwrap_or_default().to_owned();
    for (column, old, new) in [
        (Column::Ags, &fields.ags, &ags),
        (Column::Municipality, &fields.municipality, &municipality),
        (Column::Kreis, &fields.kreis, &kreis),
    ] {
        if let Some(old) = old.as_ref().filter(|old| *old != new) {
            found.note(messages::replaced(column, old, new));
        }
    }
    Some(Place {
        lat: round_to(placed.lat, COORDINATE_DECIMALS),
        lon: round_to(placed.lon, COORDINATE_DECIMALS),
        precision,
        ags,
        municipality,
        kreis,
    })
}

/// Remarks on how a computed position was found.
fn note_how_placed(fields: &Fields, placed: &Placed, found: &mut Findings) {
    let postcode = fields.postcode.as_deref().unwrap_or("");
    found.note(match (placed.precision, placed.fallback) {
        (Precision::Postcode, _) => messages::placed_in_postcode(postcode),
        (_, Some(PostcodeFallback::Unknown)) => messages::placed_postcode_unknown(postcode),
        (_, Some(PostcodeFallback::Elsewhere)) => {
            messages::placed_postcode_elsewhere(postcode, &fields.city)
        }
        _ => messages::PLACED_IN_GEMEINDE.into(),
    });
    if let Some(note) = &placed.note {
        found.note(messages::placed_by_override(note));
    }
}

/// The position given in the row, which needs its precision; AGS, Gemeinde
/// and Kreis filled in from it where empty and checked against it.
fn given_place(
    fields: &Fields,
    (lat, lon): (f64, f64),
    gazetteer: Option<&Gazetteer>,
    found: &mut Findings,
) -> Option<Place> {
    let Some(precision) = fields.precision else {
        let message = messages::precision_needed(&codes(Precision::ALL, Precision::code));
        found.problem(Column::Precision, message);
        return None;
    };
    let mut place = Place {
        lat,
        lon,
        precision,
        ags: String::new(),
        municipality: String::new(),
        kreis: String::new(),
    };
    let (mut ags, mut municipality, mut kreis) = (
        fields.ags.clone(),
        fields.municipality.clone(),
        fields.kreis.clone(),
    );
    match gazetteer {
        Some(gazetteer) if precision == Precision::Kreis => {
            in_kreis(gazetteer, &place, &mut ags, &mut kreis, found);
            if municipality.as_deref().is_some_and(|m| !m.is_empty()) {
                found.problem(Column::Municipality, messages::KREIS_WITH_MUNICIPALITY);
            }
            municipality = Some(String::new());
        }
        Some(gazetteer) => {
            in_gemeinde(gazetteer, &place, &mut ags, found);
            if let Some(code) = &ags {
                fill_in_from_ags(gazetteer, code, &mut municipality, &mut kreis, found);
            }
        }
        None => {
            for column in [Column::Ags, Column::Municipality, Column::Kreis] {
                if found.value(column).is_empty() {
                    found.problem(column, messages::NEEDS_PLACE_DATA);
                }
            }
        }
    }
    place.ags = ags.unwrap_or_default();
    place.municipality = municipality.unwrap_or_default();
    place.kreis = kreis.unwrap_or_default();
    Some(place)
}

/// A record known only by its Kreis: the Kreis' key (given, or of the
/// position) and its name.
fn in_kreis(
    gazetteer: &Gazetteer,
    place: &Place,
    ags: &mut Option<String>,
    kreis: &mut Option<String>,
    found: &mut Findings,
) {
    let at_position = gazetteer
        .gemeinde_at(place.lat, place.lon)
        .map(|g| g.feature.ags[..5].to_owned());
    let code = ags.clone().or(at_position.clone());
    let Some((code, name)) = code
        .as_deref()
        .and_then(|c| gazetteer.kreise.get(c).map(|name| (c, name)))
    else {
        found.problem(Column::Ags, messages::NOT_A_KREIS_KEY);
        return;
    };
    if at_position.as_deref() != Some(code) {
        found.note(messages::outside_kreis(name, code));
    }
    match kreis {
        Some(given) if name_key(given) != name_key(name) => {
            found.problem(Column::Kreis, messages::other_kreis(code, name));
        }
        _ => *kreis = Some(name.clone()),
    }
    *ags = Some(code.to_owned());
}

/// The AGS of the Gemeinde at the position, or the given one checked.
fn in_gemeinde(
    gazetteer: &Gazetteer,
    place: &Place,
    ags: &mut Option<String>,
    found: &mut Findings,
) {
    let at_position = gazetteer.gemeinde_at(place.lat, place.lon);
    let Some(code) = ags.as_deref() else {
        match at_position {
            Some(gemeinde) => {
                found.note(messages::ags_computed(&gemeinde.feature.ags));
                *ags = Some(gemeinde.feature.ags.clone());
            }
            None => found.problem(Column::Lat, messages::in_no_gemeinde(place.lat, place.lon)),
        }
        return;
    };
    if !gazetteer.gemeinden.iter().any(|g| g.feature.ags == code) {
        found.problem(Column::Ags, messages::NOT_AN_AGS);
        return;
    }
    if let Some(gemeinde) = at_position.filter(|g| g.feature.ags != code) {
        found.note(messages::position_in_other_gemeinde(
            &gemeinde.feature.gen,
            &gemeinde.feature.ags,
            code,
        ));
    }
}

/// Gemeinde and Kreis of an AGS: filled in where empty, written as the
/// place data writes them, or a problem where they name another place.
fn fill_in_from_ags(
    gazetteer: &Gazetteer,
    code: &str,
    municipality: &mut Option<String>,
    kreis: &mut Option<String>,
    found: &mut Findings,
) {
    let Some(gemeinde) = gazetteer.gemeinden.iter().find(|g| g.feature.ags == code) else {
        return;
    };
    let kreis_name = gazetteer.kreis_of(code).unwrap_or_default().to_owned();
    for (column, cell, expected) in [
        (
            Column::Municipality,
            municipality,
            gemeinde.feature.gen.clone(),
        ),
        (Column::Kreis, kreis, kreis_name),
    ] {
        match cell {
            None => {
                found.note(messages::filled_from_ags(column, &expected));
                *cell = Some(expected);
            }
            Some(name) if *name == expected => {}
            Some(name) if name_key(name) == name_key(&expected) => *cell = Some(expected),
            Some(_) => found.problem(column, messages::other_gemeinde(code, &expected)),
        }
    }
}

#[cfg(test)]
mod tests;

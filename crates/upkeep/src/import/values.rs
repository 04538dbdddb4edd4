//! Reading one cell into a typed value, undoing what spreadsheet programs do
//! to it (numbers that lost their leading zeros, German dates, labels instead
//! of codes, …) as a repair, and naming what cannot be read as a problem;
//! the reader of a row's [`Cells`] keeps both.

use ia_core::columns::Column;
use ia_core::validate::{is_email, is_iso_date, is_phone};
use ia_core::Umbrella;

use super::header::ColumnMap;
use super::messages;
use super::problem::{shown, Problem, Repair};
use crate::mapping::{language_code, normalise_website};
use crate::slug::name_key;

/// The cells of one row with where they came from, for messages.
pub struct Cells<'a> {
    pub(super) number: usize,
    pub(super) columns: &'a ColumnMap,
    pub(super) values: Vec<String>,
    pub(super) problems: Vec<Problem>,
    pub(super) repairs: Vec<Repair>,
}

impl Cells<'_> {
    /// The cleaned value in a column.
    pub fn value(&self, column: Column) -> &str {
        &self.values[column.index()]
    }

    /// The value, or `None` when the cell is empty.
    pub fn optional(&self, column: Column) -> Option<String> {
        let value = self.value(column);
        (!value.is_empty()).then(|| value.to_owned())
    }

    /// The value; a problem when the cell is empty.
    pub fn required(&mut self, column: Column) -> String {
        let value = self.value(column).to_owned();
        if value.is_empty() {
            self.problem(column, messages::EMPTY);
        }
        value
    }

    /// Something is wrong with the value in `column`.
    pub fn problem(&mut self, column: Column, message: impl Into<String>) {
        let problem = self.columns.problem(column, self.value(column), message);
        self.problems.push(problem);
    }

    /// Replaces a damaged value, noting what was done.
    pub fn repair(&mut self, column: Column, what: &'static str, to: String) {
        let from = std::mem::replace(&mut self.values[column.index()], to.clone());
        self.repairs.push(Repair {
            row: self.number,
            column,
            what,
            from,
            to,
        });
    }
}

/// All codes of a vocabulary, for messages.
pub fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> String {
    all.iter().map(|v| code(*v)).collect::<Vec<_>>().join(", ")
}

/// Looks a vocabulary value up by code (`true`), or by its code in other
/// case or its German label (`false`, to be reported as a repair).
fn lookup<T: Copy>(
    text: &str,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Option<(T, bool)> {
    if let Some(found) = all.iter().find(|v| code(**v) == text) {
        return Some((*found, true));
    }
    let key = name_key(text);
    if key.is_empty() {
        return None;
    }
    all.iter()
        .find(|v| name_key(code(**v)) == key || name_key(label(**v)) == key)
        .map(|v| (*v, false))
}

/// The umbrella, which must be given (`unknown` when the source does not say).
pub fn umbrella(cells: &mut Cells) -> Option<Umbrella> {
    if cells.value(Column::Umbrella).is_empty() {
        let message = messages::empty_umbrella(&codes(Umbrella::ALL, Umbrella::code));
        cells.problem(Column::Umbrella, message);
        return None;
    }
    vocabulary(
        cells,
        Column::Umbrella,
        Umbrella::ALL,
        Umbrella::code,
        Umbrella::label_de,
    )
}

/// A value of a closed vocabulary: its code, or its label (repaired).
/// `None` for an empty cell or (with a problem) an unknown value.
pub fn vocabulary<T: Copy>(
    cells: &mut Cells,
    column: Column,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Option<T> {
    let value = cells.value(column).to_owned();
    if value.is_empty() {
        return None;
    }
    let found = lookup(&value, all, code, label).or_else(|| {
        // The sourced spellings of the umbrellas ("Paritätischer", "Arbeiterwohlfahrt").
        if column != Column::Umbrella {
            return None;
        }
        let umbrella = crate::mapping::umbrella(&value)?;
        all.iter()
            .find(|v| code(**v) == umbrella.code())
            .map(|v| (*v, false))
    });
    match found {
        Some((found, true)) => Some(found),
        Some((found, false)) => {
            cells.repair(column, messages::LABEL_TO_CODE, code(found).to_owned());
            Some(found)
        }
        None => {
            cells.problem(column, messages::unknown_value(&codes(all, code)));
            None
        }
    }
}

/// The items of a list cell: separated by `;` or `,`, spaces optional.
pub fn split_list(value: &str) -> Vec<&str> {
    value
        .split([';', ','])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect()
}

/// Sorts and deduplicates list items; the repair to note, if the list was
/// not already in that form (`renamed`: an item was written another way).
fn canonical<T: Ord>(
    found: &mut Vec<T>,
    renamed: &'static str,
    was_renamed: bool,
) -> Option<&'static str> {
    let n_items = found.len();
    found.sort();
    found.dedup();
    if n_items != found.len() {
        Some(messages::DUPLICATES_REMOVED)
    } else {
        was_renamed.then_some(renamed)
    }
}

/// A list of vocabulary codes (or labels).
pub fn list<T: Copy + Ord>(
    cells: &mut Cells,
    column: Column,
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<T> {
    let value = cells.value(column).to_owned();
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    let mut relabelled = false;
    for item in split_list(&value) {
        match lookup(item, all, code, label) {
            Some((v, exact)) => {
                relabelled |= !exact;
                found.push(v);
            }
            None => unknown.push(format!("„{}“", shown(item))),
        }
    }
    if !unknown.is_empty() {
        cells.problem(column, messages::unknown_items(&unknown, &codes(all, code)));
        return Vec::new();
    }
    if let Some(what) = canonical(&mut found, messages::LABELS_TO_CODES, relabelled) {
        let codes: Vec<&str> = found.iter().map(|v| code(*v)).collect();
        cells.repair(column, what, codes.join("; "));
    }
    found
}

/// Languages: ISO 639 codes, or German names of languages (repaired).
pub fn languages(cells: &mut Cells) -> Vec<String> {
    let value = cells.value(Column::Languages).to_owned();
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    let mut renamed = false;
    for item in split_list(&value) {
        if (2..=3).contains(&item.len()) && item.bytes().all(|b| b.is_ascii_lowercase()) {
            found.push(item.to_owned());
        } else if let Some(code) = language_code(item) {
            renamed = true;
            found.push(code.to_owned());
        } else {
            unknown.push(format!("„{}“", shown(item)));
        }
    }
    if !unknown.is_empty() {
        cells.problem(Column::Languages, messages::unknown_languages(&unknown));
        return Vec::new();
    }
    if let Some(what) = canonical(&mut found, messages::LANGUAGES_TO_CODES, renamed) {
        let joined = found.join("; ");
        cells.repair(Column::Languages, what, joined);
    }
    found
}

/// PLZ or AGS: `len` digits, with the leading zeros restored that a
/// spreadsheet drops when it takes the value for a number.
pub fn digits(cells: &mut Cells, column: Column, len: usize, message: &str) -> Option<String> {
    let value = cells.value(column).to_owned();
    if value.is_empty() {
        return None;
    }
    let all_digits = value.bytes().all(|b| b.is_ascii_digit());
    if value.len() < len && all_digits {
        let padded = format!("{value:0>len$}");
        cells.repair(column, messages::ZEROS_RESTORED, padded.clone());
        return Some(padded);
    }
    if value.len() == len && all_digits {
        return Some(value);
    }
    cells.problem(column, message);
    None
}

/// A coordinate with a decimal comma or point.
pub fn coordinate(cells: &mut Cells, column: Column) -> Option<f64> {
    let value = cells.value(column);
    if value.is_empty() {
        return None;
    }
    let separators = value.matches([',', '.']).count();
    let parsed = (separators <= 1)
        .then(|| ia_core::geo::parse_decimal(&value.replace(',', ".")))
        .flatten();
    if parsed.is_none() {
        cells.problem(column, messages::DECIMAL);
    }
    parsed
}

/// `ja` or `nein`, or what a spreadsheet makes of them; empty is `nein`.
pub fn yes_no(cells: &mut Cells, column: Column) -> bool {
    match cells.value(column).to_lowercase().as_str() {
        "ja" => true,
        "nein" => false,
        "" => {
            cells.repair(column, messages::EMPTY_AS_NO, "nein".into());
            false
        }
        "j" | "yes" | "y" | "true" | "wahr" | "x" | "1" => {
            cells.repair(column, messages::READ_AS_YES, "ja".into());
            true
        }
        "n" | "no" | "false" | "falsch" | "0" | "-" => {
            cells.repair(column, messages::READ_AS_NO, "nein".into());
            false
        }
        _ => {
            cells.problem(column, messages::YES_NO);
            false
        }
    }
}

/// A phone number, with the leading 0 restored that a spreadsheet drops.
pub fn phone(cells: &mut Cells) -> Option<String> {
    let mut phone = cells.optional(Column::Phone)?;
    if phone.contains(['E', 'e']) && phone.contains('+') {
        cells.problem(Column::Phone, messages::PHONE_AS_NUMBER);
        return None;
    }
    if phone.bytes().all(|b| b.is_ascii_digit()) && !phone.starts_with('0') {
        phone = format!("0{phone}");
        cells.repair(Column::Phone, messages::ZERO_RESTORED, phone.clone());
    }
    if !is_phone(&phone) {
        cells.problem(Column::Phone, messages::PHONE);
        return None;
    }
    Some(phone)
}

/// An e-mail address, without a `mailto:` before it.
pub fn email(cells: &mut Cells) -> Option<String> {
    let mut email = cells.optional(Column::Email)?;
    if email.to_ascii_lowercase().starts_with("mailto:") {
        email = email["mailto:".len()..].trim().to_owned();
        cells.repair(Column::Email, messages::MAILTO_REMOVED, email.clone());
    }
    if !is_email(&email) {
        cells.problem(Column::Email, messages::EMAIL);
        return None;
    }
    Some(email)
}

/// An http(s) address; `https://` is added where it is missing.
pub fn url(cells: &mut Cells, column: Column, required: bool) -> Option<String> {
    let Some(value) = cells.optional(column) else {
        if required {
            cells.problem(column, messages::SOURCE_EMPTY);
        }
        return None;
    };
    match normalise_website(&value) {
        Some(url) if url == value => Some(url),
        Some(url) => {
            cells.repair(column, messages::HTTPS_ADDED, url.clone());
            Some(url)
        }
        None => {
            cells.problem(column, messages::URL);
            None
        }
    }
}

/// A date column that may be empty ("Zuletzt geprüft": empty until a person
/// confirmed the record; "Quelle gelesen": empty keeps the previous date).
pub fn date(cells: &mut Cells, column: Column) -> String {
    let value = cells.value(column).to_owned();
    if value.is_empty() {
        return String::new();
    }
    match parse_date(&value) {
        Some((date, false)) => date,
        Some((date, true)) => {
            cells.repair(column, messages::DATE_CONVERTED, date.clone());
            date
        }
        None => {
            cells.problem(column, messages::DATE);
            String::new()
        }
    }
}

/// `JJJJ-MM-TT` (unchanged), or `TT.MM.JJJJ`, `T.M.JJJJ`, `TT.MM.JJ` (20JJ)
/// and `JJJJ-MM-TT 00:00:00` converted (`true`).
pub fn parse_date(text: &str) -> Option<(String, bool)> {
    if is_iso_date(text) {
        return Some((text.to_owned(), false));
    }
    if let (Some(date), Some(rest)) = (text.get(..10), text.get(10..)) {
        if is_iso_date(date) && (rest.starts_with(' ') || rest.starts_with('T')) {
            return Some((date.to_owned(), true));
        }
    }
    let parts: Vec<&str> = text.split('.').collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let number = |part: &str, lengths: &[usize]| {
        (lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (day, month) = (number(day, &[1, 2])?, number(month, &[1, 2])?);
    let year = match year.len() {
        2 => 2000 + number(year, &[2])?,
        _ => number(year, &[4])?,
    };
    let date = format!("{year:04}-{month:02}-{day:02}");
    is_iso_date(&date).then_some((date, true))
}

/// "Quellen einzelner Angaben": the JSON list the export writes (see
/// `ia_core::columns::field_sources_cell`); empty for none.
pub fn field_sources(cells: &mut Cells) -> Vec<ia_core::dataset::FieldSource> {
    let text = cells.value(Column::FieldSources);
    if text.is_empty() {
        return Vec::new();
    }
    match serde_json::from_str(text) {
        Ok(sources) => sources,
        Err(_) => {
            cells.problem(Column::FieldSources, messages::FIELD_SOURCES);
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let date = |text: &str| parse_date(text);
        assert_eq!(date("2026-11-24"), Some(("2026-11-24".into(), false)));
        assert_eq!(date("24.11.2026"), Some(("2026-11-24".into(), true)));
        assert_eq!(date("1.2.2026"), Some(("2026-02-01".into(), true)));
        assert_eq!(date("24.11.26"), Some(("2026-11-24".into(), true)));
        assert_eq!(
            date("2026-11-24 00:00:00"),
            Some(("2026-11-24".into(), true))
        );
        for bad in [
            "11/24/2026",
            "24.13.2026",
            "2026-11",
            "gestern",
            "24.11.202",
        ] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }

    #[test]
    fn lists_are_split_at_semicolons_and_commas() {
        assert_eq!(split_list(" a;b , c;;"), vec!["a", "b", "c"]);
        assert!(split_list(" ; ").is_empty());
    }

    #[test]
    fn lists_are_sorted_and_deduplicated() {
        let mut renamed = vec![3, 1];
        assert_eq!(canonical(&mut renamed, "x", true), Some("x"));
        assert_eq!(renamed, vec![1, 3]);
        let mut doubled = vec![2, 1, 2];
        assert_eq!(
            canonical(&mut doubled, "x", true),
            Some(messages::DUPLICATES_REMOVED)
        );
        let mut plain = vec![1, 2];
        assert_eq!(canonical(&mut plain, "x", false), None);
    }

    #[test]
    fn vocabulary_by_code_or_label() {
        use ia_core::Topic;
        let find = |text| lookup(text, Topic::ALL, Topic::code, Topic::label_de);
        assert_eq!(find("racism"), Some((Topic::Racism, true)));
        assert_eq!(find("Behörden"), Some((Topic::Authorities, false)));
        assert_eq!(find("RACISM"), Some((Topic::Racism, false)));
        assert_eq!(find("Wetter"), None);
        assert_eq!(
            codes(&Topic::ALL[..2], Topic::code),
            "racism, anti_muslim_racism"
        );
    }
}

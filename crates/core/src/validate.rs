//! Record-level validation shared by the app's loader and the dataset tools.
//!
//! Every check names the field it is about ([`Field`]), so that a message like
//! `record 12 (id "caritas-koeln"): contact.website: must start with http:// or https://`
//! tells a data maintainer exactly what to fix, and a tool can show the
//! problem in its spreadsheet column. Checks that need more than one record
//! (duplicate ids) or geometry (inside the NRW outline) are done by the
//! callers.

use crate::columns::Column;
use crate::dataset::{Agency, DatasetMeta, FIELD_SOURCE_PATHS};
use crate::geo::NRW_BBOX;
use crate::vocab::Precision;

/// The field a problem is about. Shown as its dotted path in the schema
/// (`address.city`, `offers[1]`, `(record)` for the record as a whole).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The record as a whole (not an object, or not a record).
    Record,
    /// A field of the record that is a spreadsheet column.
    Column(Column),
    /// One item of a list field (`offers`, `topics`, `languages`).
    Item(Column, usize),
    /// The objects that hold several columns, as a whole.
    Address,
    Location,
    Contact,
    /// The dataset's top-level fields: `as_of`, `source.text`, `source.url`, `licence`.
    AsOf,
    SourceText,
    SourceUrl,
    Licence,
}

impl Field {
    /// The spreadsheet column that shows the field: a list item's list, and
    /// the latitude for the position as a whole. `None` for the record as a
    /// whole, the address and contact objects, and the dataset's fields.
    pub fn column(self) -> Option<Column> {
        match self {
            Field::Column(column) | Field::Item(column, _) => Some(column),
            Field::Location => Some(Column::Lat),
            _ => None,
        }
    }
}

impl From<Column> for Field {
    fn from(column: Column) -> Self {
        Field::Column(column)
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self {
            Field::Column(column) => column.path(),
            Field::Item(column, position) => return write!(f, "{}[{position}]", column.path()),
            Field::Record => "(record)",
            Field::Address => "address",
            Field::Location => "location",
            Field::Contact => "contact",
            Field::AsOf => "as_of",
            Field::SourceText => "source.text",
            Field::SourceUrl => "source.url",
            Field::Licence => "licence",
        };
        f.write_str(name)
    }
}

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: Field,
    pub message: String,
}

impl FieldProblem {
    pub fn new(field: impl Into<Field>, message: impl Into<String>) -> Self {
        FieldProblem {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Checks one record on its own. An empty result means the record is usable.
pub fn validate_agency(agency: &Agency) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    let mut check = |ok: bool, field: Field, message: &str| {
        if !ok {
            problems.push(FieldProblem::new(field, message));
        }
    };
    check(
        is_slug(&agency.id),
        Column::Id.into(),
        "must be a non-empty slug of a-z, 0-9 and single hyphens",
    );
    check(
        !agency.name.trim().is_empty(),
        Column::Name.into(),
        "must not be empty",
    );
    check(
        !agency.carrier.trim().is_empty(),
        Column::Carrier.into(),
        "must not be empty",
    );
    check(
        !agency.address.city.trim().is_empty(),
        Column::City.into(),
        "must not be empty",
    );
    if let Some(street) = &agency.address.street {
        check(
            !street.trim().is_empty(),
            Column::Street.into(),
            "must be omitted (null) rather than empty",
        );
    }
    if let Some(postcode) = &agency.address.postcode {
        check(
            is_postcode(postcode),
            Column::Postcode.into(),
            "must be five digits",
        );
    }
    if agency.location.precision == Precision::Kreis {
        check(
            agency.ags.len() == 5 && agency.ags.starts_with("05") && all_digits(&agency.ags),
            Column::Ags.into(),
            "must be the 5-digit key of a Kreis in NRW (05…) when only the Kreis is known (precision kreis)",
        );
        check(
            agency.municipality.is_empty(),
            Column::Municipality.into(),
            "must be empty when only the Kreis is known (precision kreis)",
        );
    } else {
        check(
            agency.ags.len() == 8 && agency.ags.starts_with("05") && all_digits(&agency.ags),
            Column::Ags.into(),
            "must be the 8-digit Gemeindeschlüssel of a municipality in NRW (05…)",
        );
        check(
            !agency.municipality.trim().is_empty(),
            Column::Municipality.into(),
            "must not be empty",
        );
    }
    check(
        !agency.kreis.trim().is_empty(),
        Column::Kreis.into(),
        "must not be empty",
    );
    let location = agency.location;
    check(
        location.lat.is_finite()
            && location.lon.is_finite()
            && NRW_BBOX.contains(location.lat, location.lon),
        Field::Location,
        "must lie in North Rhine-Westphalia",
    );
    if let Some(phone) = &agency.contact.phone {
        check(
            is_phone(phone),
            Column::Phone.into(),
            "must be a phone number such as 0221 123456 or +49 221 123456",
        );
    }
    if let Some(email) = &agency.contact.email {
        check(
            is_email(email),
            Column::Email.into(),
            "must be an e-mail address such as name@example.org",
        );
    }
    if let Some(website) = &agency.contact.website {
        check(
            is_http_url(website),
            Column::Website.into(),
            "must start with http:// or https://",
        );
    }
    check(
        is_http_url(&agency.source_url),
        Column::Source.into(),
        "must start with http:// or https://",
    );
    check(
        agency.last_verified.is_empty() || is_iso_date(&agency.last_verified),
        Column::LastVerified.into(),
        "must be empty or a date YYYY-MM-DD (the day a person confirmed the record)",
    );
    check(
        is_iso_date(&agency.source_seen),
        Column::SourceSeen.into(),
        "must be a date YYYY-MM-DD (the day the source was read)",
    );
    if let Some(date) = &agency.source_date {
        check(
            is_source_date(date),
            Column::SourceDate.into(),
            "must be a year (2021), a month (2021-09) or a date (2021-09-30) that exists",
        );
    }
    for (position, source) in agency.field_sources.iter().enumerate() {
        check(
            is_http_url(&source.url) && is_iso_date(&source.seen),
            Field::Item(Column::FieldSources, position),
            "must name the page (http:// or https://) and the day it was read (YYYY-MM-DD)",
        );
        check(
            !source.fields.is_empty()
                && source
                    .fields
                    .iter()
                    .all(|field| FIELD_SOURCE_PATHS.contains(&field.as_str())),
            Field::Item(Column::FieldSources, position),
            "must name the fields it gave: address.street, address.postcode, address.city, contact.phone, contact.email, contact.website, carrier or location",
        );
    }
    for (position, language) in agency.languages.iter().enumerate() {
        check(
            (2..=3).contains(&language.len()) && language.bytes().all(|b| b.is_ascii_lowercase()),
            Field::Item(Column::Languages, position),
            "must be an ISO 639 language code such as de or tr",
        );
    }
    problems
}

/// Checks the dataset's top-level fields.
pub fn validate_meta(meta: &DatasetMeta) -> Vec<FieldProblem> {
    let mut problems = Vec::new();
    if !is_iso_date(&meta.as_of) {
        problems.push(FieldProblem::new(Field::AsOf, "must be a date YYYY-MM-DD"));
    }
    if !is_http_url(&meta.source.url) {
        problems.push(FieldProblem::new(
            Field::SourceUrl,
            "must start with http:// or https://",
        ));
    }
    if meta.source.text.trim().is_empty() {
        problems.push(FieldProblem::new(Field::SourceText, "must not be empty"));
    }
    if meta.licence.trim().is_empty() {
        problems.push(FieldProblem::new(Field::Licence, "must not be empty"));
    }
    problems
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A German postcode: exactly five ASCII digits.
pub fn is_postcode(text: &str) -> bool {
    text.len() == 5 && all_digits(text)
}

/// An absolute http(s) URL with a host and no white space or control characters.
pub fn is_http_url(text: &str) -> bool {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty()
                && host.contains('.')
                && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// A plausible e-mail address: `local@domain.tld`, no spaces, no markup.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let allowed = |c: char| c.is_alphanumeric() || ".-_+".contains(c);
    !local.is_empty()
        && !domain.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && local.chars().all(allowed)
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

/// A phone number as written in Germany: digits with spaces, `/`, `-`,
/// parentheses, an optional leading `+`, and at least six digits.
pub fn is_phone(text: &str) -> bool {
    let n_digits = text.chars().filter(char::is_ascii_digit).count();
    let first_ok = text.starts_with('+') || text.starts_with('0') || text.starts_with('(');
    first_ok
        && (6..=20).contains(&n_digits)
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-/().".contains(c))
}

/// A phone number as written, in the international form for a `tel:` link
/// (RFC 3966 global number): `0221 123456` → `+49221123456`,
/// `+49 (0)221 12 34-56` → `+49221123456`, `0049 221 …` → `+49221…`.
/// The number is shown as written; only the link uses this form. A number
/// without a leading `0` or `+` (a local number without area code) keeps
/// its digits only.
pub fn phone_for_link(text: &str) -> String {
    let text = text.trim();
    let international = text.starts_with('+');
    // "(0)" after a country code is the trunk prefix that is not dialled
    // from abroad.
    let cleaned = text.replace("(0)", "");
    let digits: String = cleaned.chars().filter(char::is_ascii_digit).collect();
    if international {
        return format!("+{digits}");
    }
    if let Some(rest) = digits.strip_prefix("00") {
        return format!("+{rest}");
    }
    match digits.strip_prefix('0') {
        Some(rest) => format!("+49{rest}"),
        None => digits,
    }
}

/// The date of a source as far as it is known: a year (`2021`), a month
/// (`2021-09`) or a day (`2021-09-30`, which must exist).
pub fn is_source_date(text: &str) -> bool {
    let year_ok = |part: &str| part.len() == 4 && all_digits(part);
    match text.split('-').collect::<Vec<_>>().as_slice() {
        [year] => year_ok(year),
        [year, month] => {
            year_ok(year)
                && month.len() == 2
                && all_digits(month)
                && matches!(month.parse::<u32>(), Ok(1..=12))
        }
        _ => is_iso_date(text),
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |part: &str, len: usize| {
        (part.len() == len && all_digits(part))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(year, 4), number(month, 2), number(day, 2))
    else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_shown_as_schema_paths() {
        let shown = |field: Field| field.to_string();
        assert_eq!(shown(Column::City.into()), "address.city");
        assert_eq!(shown(Column::Id.into()), "id");
        assert_eq!(shown(Field::Item(Column::Offers, 1)), "offers[1]");
        assert_eq!(shown(Field::Record), "(record)");
        assert_eq!(shown(Field::Location), "location");
        assert_eq!(shown(Field::SourceUrl), "source.url");
        assert_eq!(
            FieldProblem::new(Column::Email, "must be …").to_string(),
            "contact.email: must be …"
        );
        assert_eq!(Field::Location.column(), Some(Column::Lat));
        assert_eq!(
            Field::Item(Column::Languages, 0).column(),
            Some(Column::Languages)
        );
        assert_eq!(Field::Contact.column(), None);
    }

    /// The synthetic records (`crate::synthetic`) pass the check they stand in for.
    #[test]
    fn synthetic_records_are_valid() {
        for agency in &crate::synthetic::synthetic_agencies(2_000, 42) {
            assert_eq!(validate_agency(agency), vec![], "{}", agency.id);
        }
    }

    #[test]
    fn problems_name_their_column() {
        let mut agency = crate::synthetic::synthetic_agencies(1, 2).remove(0);
        agency.address.city = " ".into();
        agency.contact.email = Some("nope".into());
        agency.languages = vec!["de".into(), "Deutsch".into()];
        agency.location.lat = 40.0;
        let fields: Vec<Field> = validate_agency(&agency).iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            vec![
                Column::City.into(),
                Field::Location,
                Column::Email.into(),
                Field::Item(Column::Languages, 1)
            ]
        );
    }

    #[test]
    fn formats() {
        assert!(is_slug("caritas-koeln-2"));
        for bad in ["", "-a", "a-", "a--b", "Köln", "a b"] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert!(is_postcode("04105") && !is_postcode("4105") && !is_postcode("5066a"));
        assert!(is_http_url("https://www.example.org/x?y") && is_http_url("http://a.de"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "www.example.org",
            "https://",
            "https://exa mple.org",
            "https://localhost",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
        assert!(is_email("info@ia-köln.de") && is_email("a.b+c@example.org"));
        for bad in [
            "a@b",
            "@example.org",
            "a b@example.org",
            "<script>@x.de",
            "a@.de",
            "a@example.org.",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(
            is_phone("0221 123456") && is_phone("+49 (221) 12 34-56") && is_phone("0231/55747251")
        );
        for bad in ["123", "tel:0221123456", "0221 CALL-ME", "javascript:1"] {
            assert!(!is_phone(bad), "{bad}");
        }
        assert_eq!(phone_for_link("+49 (221) 12 34-56"), "+49221123456");
        assert_eq!(phone_for_link("0221 123456"), "+49221123456");
        assert_eq!(phone_for_link("0231/55747251"), "+4923155747251");
        assert_eq!(phone_for_link("(0221) 12 34 56"), "+49221123456");
        assert_eq!(phone_for_link("+49 (0)221 123456"), "+49221123456");
        assert_eq!(phone_for_link("0049 221 123456"), "+49221123456");
        assert!(
            is_source_date("2021") && is_source_date("2025-09") && is_source_date("2024-02-29")
        );
        for bad in [
            "21",
            "2025-13",
            "2025-9",
            "2026-02-31",
            "Sept. 2025",
            "2025-09-",
        ] {
            assert!(!is_source_date(bad), "{bad}");
        }
        assert!(
            is_iso_date("2026-11-25")
                && !is_iso_date("2026-13-01")
                && !is_iso_date("25.11.2026")
                && !is_iso_date("2026-02-29")
                && is_iso_date("2028-02-29")
                && !is_iso_date("2100-02-29")
                && is_iso_date("2000-02-29")
                && !is_iso_date("2026-04-31")
                && !is_iso_date("2026-00-10")
                && !is_iso_date("2026-01-00")
        );
    }
}

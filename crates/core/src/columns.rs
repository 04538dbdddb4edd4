//! The spreadsheet's columns: one table that says, for each column, its
//! heading (the German name a maintainer sees, also used in every message
//! about the column), where it lives in the dataset schema (the dotted path a
//! validation problem names, whose last part is the schema's field name) and
//! how a record's cell is written.
//!
//! Everything else is derived from it: the CSV headings and cells of
//! [`crate::export`], the field names in [`crate::validate::Field`], and the
//! datatool's import (which headings it accepts, which column a problem
//! belongs to). A new column is one line here (and a field in
//! [`crate::dataset::Agency`]).

use std::borrow::Cow;

use crate::dataset::Agency;

/// Separator inside list cells (offers, topics, languages). It contains the
/// cell separator, so list cells with more than one item are quoted.
pub const LIST_SEPARATOR: &str = "; ";

/// One CSV cell of a record before escaping (how each kind is escaped:
/// [`crate::export`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Free text: guarded against formulas, quoted when needed.
    Text(Cow<'a, str>),
    /// A phone number: written as is when it is a valid phone number.
    Phone(&'a str),
    /// A coordinate, with a decimal comma and at most
    /// [`crate::export::COORDINATE_DECIMALS`] places; empty when not finite.
    Number(f64),
}

impl<'a> Cell<'a> {
    fn text(value: &'a str) -> Self {
        Cell::Text(Cow::Borrowed(value))
    }

    /// An optional text: empty when not known.
    fn optional(value: &'a Option<String>) -> Self {
        Cell::text(value.as_deref().unwrap_or(""))
    }

    /// `ja` or `nein`.
    fn yes_no(value: bool) -> Self {
        Cell::text(if value { "ja" } else { "nein" })
    }

    /// Codes joined with [`LIST_SEPARATOR`].
    fn list<T: AsRef<str>>(codes: impl Iterator<Item = T>) -> Self {
        let mut joined = String::new();
        for (position, code) in codes.enumerate() {
            if position > 0 {
                joined.push_str(LIST_SEPARATOR);
            }
            joined.push_str(code.as_ref());
        }
        Cell::Text(Cow::Owned(joined))
    }
}

/// Declares the columns: `Variant = (heading, schema path) => cell`, in the
/// order of the CSV file; `|agency|` names the record in the cell expressions.
macro_rules! columns {
    (
        |$agency:ident|
        $($(#[$doc:meta])* $variant:ident = ($heading:literal, $path:literal) => $cell:expr,)+
    ) => {
        /// A column of the maintainers' spreadsheet (see the module documentation).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Column {
            $($(#[$doc])* $variant,)+
        }

        impl Column {
            /// Number of columns.
            pub const COUNT: usize = [$($heading),+].len();

            /// Every column, in the order of the CSV file.
            pub const ALL: [Column; Column::COUNT] = [$(Column::$variant),+];

            /// The headings, in the order of the CSV file.
            pub const HEADINGS: [&'static str; Column::COUNT] = [$($heading),+];

            const PATHS: [&'static str; Column::COUNT] = [$($path),+];

            /// The record's cell in this column.
            pub fn cell(self, $agency: &Agency) -> Cell<'_> {
                match self {
                    $(Column::$variant => $cell,)+
                }
            }
        }
    };
}

columns! {
    |agency|
    /// Lowercase on purpose: a file starting with `ID` is taken for a SYLK
    /// file by Excel.
    Id = ("id", "id") => Cell::text(&agency.id),
    Name = ("Name", "name") => Cell::text(&agency.name),
    Carrier = ("Träger", "carrier") => Cell::text(&agency.carrier),
    Umbrella = ("Verband", "umbrella") => Cell::text(agency.umbrella.code()),
    Street = ("Straße", "address.street") => Cell::optional(&agency.address.street),
    Postcode = ("PLZ", "address.postcode") => Cell::optional(&agency.address.postcode),
    City = ("Ort", "address.city") => Cell::text(&agency.address.city),
    Ags = ("AGS", "ags") => Cell::text(&agency.ags),
    Municipality = ("Gemeinde", "municipality") => Cell::text(&agency.municipality),
    Kreis = ("Kreis", "kreis") => Cell::text(&agency.kreis),
    Lat = ("Breitengrad", "location.lat") => Cell::Number(agency.location.lat),
    Lon = ("Längengrad", "location.lon") => Cell::Number(agency.location.lon),
    Precision = ("Genauigkeit", "location.precision") => Cell::text(agency.location.precision.code()),
    Offers = ("Angebote", "offers") => Cell::list(agency.offers.iter().map(|o| o.code())),
    /// `ja` or `nein`.
    Servicestelle = ("Servicestelle", "antidiscrimination") => Cell::yes_no(agency.antidiscrimination),
    Topics = ("Themen", "topics") => Cell::list(agency.topics.iter().map(|t| t.code())),
    Phone = ("Telefon", "contact.phone") => Cell::Phone(agency.contact.phone.as_deref().unwrap_or("")),
    Email = ("E-Mail", "contact.email") => Cell::optional(&agency.contact.email),
    Website = ("Website", "contact.website") => Cell::optional(&agency.contact.website),
    Languages = ("Sprachen", "languages") => Cell::list(agency.languages.iter()),
    Source = ("Quelle", "source_url") => Cell::text(&agency.source_url),
    SourceNote = ("Quellenhinweis", "source_note") => Cell::optional(&agency.source_note),
    LastVerified = ("Zuletzt geprüft", "last_verified") => Cell::text(&agency.last_verified),
    SourceSeen = ("Quelle gelesen", "source_seen") => Cell::text(&agency.source_seen),
    SourceDate = ("Stand der Quelle", "source_date") => Cell::optional(&agency.source_date),
    // Added with issue 27, at the end so that older tables keep their column letters.
    /// `ja` when the website is the carrier's site.
    CarrierWebsite = ("Website des Trägers", "contact.carrier_website") =>
        Cell::yes_no(agency.contact.carrier_website),
    /// `ja` when the street is the address of the same carrier's Servicestelle.
    CarrierServicestelle = ("Anschrift der Servicestelle des Trägers", "address.carrier_servicestelle") =>
        Cell::yes_no(agency.address.carrier_servicestelle),
    SourceCredit = ("Herausgeber der Quelle", "source_credit") => Cell::optional(&agency.source_credit),
    /// The sources of single fields, as a JSON array (see
    /// [`crate::dataset::FieldSource`]); empty when there are none.
    FieldSources = ("Quellen einzelner Angaben", "field_sources") =>
        Cell::Text(Cow::Owned(field_sources_cell(&agency.field_sources))),
}

/// The cell of [`Column::FieldSources`]: the list as compact JSON, or empty.
pub fn field_sources_cell(sources: &[crate::dataset::FieldSource]) -> String {
    if sources.is_empty() {
        return String::new();
    }
    // A list of plain strings always serializes.
    serde_json::to_string(sources).unwrap_or_default()
}

impl Column {
    /// The heading in the CSV file, which is also the column's German name
    /// in messages (`Ort`).
    pub fn heading(self) -> &'static str {
        Column::HEADINGS[self.index()]
    }

    /// The field's dotted path in the dataset schema (`address.city`).
    pub fn path(self) -> &'static str {
        Column::PATHS[self.index()]
    }

    /// The field's name in the schema, the last part of [`Column::path`]
    /// (`city`); the import accepts it as a heading too.
    pub fn field_name(self) -> &'static str {
        let path = self.path();
        path.rsplit('.').next().unwrap_or(path)
    }

    /// Position in [`Column::ALL`] (0 for `id`).
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synthetic::synthetic_agencies;

    #[test]
    fn the_table_is_consistent() {
        for (position, column) in Column::ALL.iter().enumerate() {
            assert_eq!(column.index(), position);
            assert_eq!(column.heading(), Column::HEADINGS[position]);
        }
        let unique = |names: Vec<&str>| {
            let set: std::collections::HashSet<&&str> = names.iter().collect();
            set.len() == names.len()
        };
        assert!(unique(Column::HEADINGS.to_vec()));
        assert!(unique(Column::ALL.iter().map(|c| c.path()).collect()));
        assert!(unique(Column::ALL.iter().map(|c| c.field_name()).collect()));
        assert_eq!(Column::COUNT, 29);
    }

    #[test]
    fn paths_and_field_names() {
        assert_eq!(Column::City.path(), "address.city");
        assert_eq!(Column::City.field_name(), "city");
        assert_eq!(Column::Id.field_name(), "id");
        assert_eq!(Column::Precision.path(), "location.precision");
        assert_eq!(Column::Servicestelle.field_name(), "antidiscrimination");
        assert_eq!(Column::Source.heading(), "Quelle");
    }

    #[test]
    fn every_path_is_a_field_of_the_serialized_record() {
        let mut agency = synthetic_agencies(1, 3).remove(0);
        // Fields left out of the JSON when empty.
        agency.last_verified = "2026-12-01".into();
        agency.source_note = Some("note".into());
        agency.source_date = Some("2021".into());
        agency.source_credit = Some("Stadt".into());
        agency.address.carrier_servicestelle = true;
        agency.contact.carrier_website = true;
        agency.field_sources = vec![crate::dataset::FieldSource {
            fields: vec!["contact.website".into()],
            url: "https://example.org/".into(),
            credit: None,
            note: None,
            seen: "2026-12-07".into(),
        }];
        let json = serde_json::to_value(&agency).unwrap_or_default();
        for column in Column::ALL {
            let found = column
                .path()
                .split('.')
                .try_fold(&json, |value, key| value.get(key));
            assert!(found.is_some(), "{}", column.path());
        }
    }

    #[test]
    fn cells_are_the_record_s_values() {
        let mut agency = synthetic_agencies(1, 1).remove(0);
        agency.languages = vec!["de".into(), "tr".into()];
        agency.contact.email = None;
        agency.antidiscrimination = true;
        assert_eq!(Column::Name.cell(&agency), Cell::text(&agency.name));
        assert_eq!(Column::Languages.cell(&agency), Cell::text("de; tr"));
        assert_eq!(Column::Email.cell(&agency), Cell::text(""));
        assert_eq!(Column::Servicestelle.cell(&agency), Cell::text("ja"));
        assert_eq!(Column::Lat.cell(&agency), Cell::Number(agency.location.lat));
    }
}

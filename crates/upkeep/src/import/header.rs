//! The header row: which file column holds which of the table's columns.
//!
//! A heading is matched by the column's heading or its field name in the
//! schema, in any case and spelling [`slug`] folds together (`strasse ` is
//! `Straße`). Columns without heading or with an unknown one are reported and
//! left out; a column twice or one missing refuses the file. A table from
//! before schema version 2 lacks the two newer date columns and is still
//! read (see [`ColumnMap::read`]).

use ia_core::columns::Column;

use super::messages;
use super::problem::{shown, Problem};
use super::table::{column_letter, Row};
use crate::slug::slug;
use crate::{Error, Result};

/// The columns added with issue 27 (who a website or street belongs to,
/// sources of single fields): a table exported before them is still read.
const ISSUE_27_COLUMNS: [Column; 4] = [
    Column::CarrierWebsite,
    Column::CarrierServicestelle,
    Column::SourceCredit,
    Column::FieldSources,
];

/// Where each column of the table is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    /// The file column of each column.
    file: [Option<usize>; Column::COUNT],
    /// The columns a table from before schema version 2 lacks (they read
    /// as empty and keep the previous record's value).
    absent: [bool; Column::COUNT],
    /// Number of cells in the header row.
    header_len: usize,
}

impl ColumnMap {
    /// Matches the header cells to the columns; notes what was left out or
    /// read differently. `Err` when a column is missing or given twice.
    pub fn read(header: &[String], data: &[Row], notes: &mut Vec<String>) -> Result<ColumnMap> {
        let mut found: [Option<usize>; Column::COUNT] = [None; Column::COUNT];
        let mut problems = Vec::new();
        for (position, cell) in header.iter().enumerate() {
            let heading = cell.trim_start_matches('\u{feff}').trim();
            let letter = column_letter(position);
            if heading.is_empty() {
                let filled = filled_cells(data, position);
                if filled > 0 {
                    notes.push(messages::column_without_heading(&letter, filled));
                }
                continue;
            }
            let Some(column) = column_for(heading) else {
                let filled = filled_cells(data, position);
                notes.push(messages::unknown_column(&letter, &shown(heading), filled));
                continue;
            };
            if let Some(first) = found[column.index()] {
                problems.push(messages::column_twice(
                    column,
                    &column_letter(first),
                    &letter,
                ));
                continue;
            }
            if heading != column.heading() {
                notes.push(messages::heading_read_as(&shown(heading), &letter, column));
            }
            found[column.index()] = Some(position);
        }
        let mut map = ColumnMap {
            file: found,
            absent: [false; Column::COUNT],
            header_len: header.len(),
        };
        map.read_version_1(notes);
        let missing: Vec<&str> = Column::ALL
            .iter()
            .filter(|c| map.file[c.index()].is_none() && !map.is_absent(**c))
            .map(|c| c.heading())
            .collect();
        if !missing.is_empty() {
            let seen: Vec<String> = header
                .iter()
                .map(|h| format!("„{}“", shown(h.trim())))
                .collect();
            problems.push(messages::missing_columns(&missing, &seen.join(" ")));
        }
        if problems.is_empty() {
            Ok(map)
        } else {
            Err(Error(messages::unreadable_table(&problems)))
        }
    }

    /// The two date columns of schema v2 may be missing (a table exported
    /// before them). Like the loader reading a version 1 dataset, such a
    /// table's "Zuletzt geprüft" is the date the source was read; the
    /// confirmation date and "Stand der Quelle" stay as they were.
    fn read_version_1(&mut self, notes: &mut Vec<String>) {
        let (seen, verified, date) = (
            Column::SourceSeen.index(),
            Column::LastVerified.index(),
            Column::SourceDate.index(),
        );
        if self.file[seen].is_none() {
            if let Some(position) = self.file[verified] {
                notes.push(messages::version_1_date());
                self.file[seen] = Some(position);
                self.file[verified] = None;
                self.absent[verified] = true;
            }
        }
        if self.file[date].is_none() {
            notes.push(messages::version_1_without(Column::SourceDate));
            self.absent[date] = true;
        }
        // The columns of issue 27: a table exported before them keeps the
        // previous values.
        for column in ISSUE_27_COLUMNS {
            if self.file[column.index()].is_none() {
                notes.push(messages::older_table_without(column));
                self.absent[column.index()] = true;
            }
        }
    }

    /// Whether the file lacks the column (a table from before schema
    /// version 2): it reads as empty and the previous value stays.
    pub fn is_absent(&self, column: Column) -> bool {
        self.absent[column.index()]
    }

    /// The column's cell in a row of the file (empty where the row is
    /// shorter or the file lacks the column).
    pub fn cell<'a>(&self, cells: &'a [String], column: Column) -> &'a str {
        self.file[column.index()]
            .and_then(|position| cells.get(position))
            .map_or("", String::as_str)
    }

    /// Where a row has content right of the last column: that cell's
    /// position.
    pub fn beyond_last(&self, cells: &[String]) -> Option<usize> {
        (self.header_len..cells.len())
            .rev()
            .find(|&i| !cells[i].trim().is_empty())
    }

    /// `Spalte G „Ort“`, with the letter the spreadsheet shows.
    pub fn heading(&self, column: Column) -> String {
        let letter = self.file[column.index()].map(column_letter);
        messages::column(letter.as_deref(), column)
    }

    /// A problem with a cell: its column, its value and what is wrong.
    pub fn problem(&self, column: Column, value: &str, message: impl Into<String>) -> Problem {
        Problem {
            column: Some(self.heading(column)),
            value: Some(value.to_owned()),
            message: message.into(),
        }
    }
}

/// The column a heading names.
fn column_for(heading: &str) -> Option<Column> {
    let key = slug(heading);
    Column::ALL
        .into_iter()
        .find(|c| slug(c.heading()) == key || slug(c.field_name()) == key)
}

/// How many data rows have something in a file column.
fn filled_cells(data: &[Row], position: usize) -> usize {
    data.iter()
        .filter(|row| {
            row.cells
                .get(position)
                .is_some_and(|c| !c.trim().is_empty())
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: usize, cells: &[&str]) -> Row {
        Row {
            number,
            cells: cells.iter().map(|c| (*c).to_owned()).collect(),
        }
    }

    fn header(headings: &[&str]) -> Vec<String> {
        headings.iter().map(|h| (*h).to_owned()).collect()
    }

    #[test]
    fn headings_in_any_order_and_spelling() {
        // The columns before issue 27 in reverse order, then the newer ones.
        let mut headings: Vec<&str> = Column::HEADINGS[..25].to_vec();
        headings.reverse();
        headings[0] = "source_date";
        headings[1] = " quelle gelesen ";
        headings.extend_from_slice(&Column::HEADINGS[25..]);
        let mut notes = Vec::new();
        let map = ColumnMap::read(&header(&headings), &[], &mut notes)
            .unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(
            map.heading(Column::SourceDate),
            "Spalte A „Stand der Quelle“"
        );
        assert_eq!(map.heading(Column::Id), "Spalte Y „id“");
        assert_eq!(notes.len(), 2, "{notes:?}");
        let cells: Vec<String> = (0..29).map(|i| i.to_string()).collect();
        assert_eq!(map.cell(&cells, Column::Name), "23");
        assert_eq!(map.cell(&cells, Column::FieldSources), "28");
        assert_eq!(map.cell(&cells[..3], Column::Name), "");
    }

    #[test]
    fn unknown_and_unnamed_columns_are_noted() {
        let mut headings: Vec<&str> = Column::HEADINGS.to_vec();
        headings.push("Bemerkung");
        headings.push("");
        let data = [row(2, &[""; 31]), {
            let mut cells = vec![""; 31];
            cells[29] = "intern";
            cells[30] = "x";
            row(3, &cells)
        }];
        let mut notes = Vec::new();
        let map = ColumnMap::read(&header(&headings), &data, &mut notes)
            .unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(
            notes,
            vec![
                "Spalte AD „Bemerkung“ ist unbekannt und wird nicht übernommen (1 Zelle mit Inhalt).",
                "Spalte AE hat keine Überschrift und wird nicht übernommen (1 Zelle mit Inhalt)."
            ]
        );
        let mut long = vec![String::new(); 34];
        assert_eq!(map.beyond_last(&long), None);
        long[32] = "x".into();
        assert_eq!(map.beyond_last(&long), Some(32));
    }

    #[test]
    fn missing_and_doubled_columns_refuse_the_file() {
        let mut headings: Vec<&str> = Column::HEADINGS.to_vec();
        headings[20] = "Quelle der Daten";
        headings.push("Name");
        let err = ColumnMap::read(&header(&headings), &[], &mut Vec::new())
            .err()
            .map(|e| e.0)
            .unwrap_or_default();
        assert!(
            err.contains("„Name“ kommt zweimal vor (Spalten B und AD)"),
            "{err}"
        );
        assert!(err.contains("Es fehlen Spalten: Quelle."), "{err}");
    }

    #[test]
    fn a_version_1_table_reads_its_date_as_source_seen() {
        let headings: Vec<&str> = Column::HEADINGS[..23].to_vec();
        let mut notes = Vec::new();
        let map = ColumnMap::read(&header(&headings), &[], &mut notes)
            .unwrap_or_else(|err| panic!("{err}"));
        assert_eq!(map.heading(Column::SourceSeen), "Spalte W „Quelle gelesen“");
        assert!(map.is_absent(Column::LastVerified) && map.is_absent(Column::SourceDate));
        assert!(!map.is_absent(Column::SourceSeen));
        let cells: Vec<String> = (0..23).map(|i| i.to_string()).collect();
        assert_eq!(map.cell(&cells, Column::LastVerified), "");
        // The two v2 dates, and the four columns of issue 27.
        assert_eq!(notes.len(), 6, "{notes:?}");
        assert!(map.is_absent(Column::CarrierWebsite) && map.is_absent(Column::FieldSources));
    }

    #[test]
    fn a_table_from_before_issue_27_keeps_the_previous_values() {
        let headings: Vec<&str> = Column::HEADINGS[..25].to_vec();
        let mut notes = Vec::new();
        let map = ColumnMap::read(&header(&headings), &[], &mut notes)
            .unwrap_or_else(|err| panic!("{err}"));
        assert!(!map.is_absent(Column::SourceDate));
        for column in ISSUE_27_COLUMNS {
            assert!(map.is_absent(column), "{column:?}");
        }
        assert_eq!(
            notes[0],
            "Spalte „Website des Trägers“ fehlt (Tabelle aus der Zeit vor dieser Spalte): \
             bisherige Angaben werden übernommen."
        );
    }
}

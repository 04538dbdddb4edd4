//! Helpers for the import's unit tests: rows as the export writes them.

use ia_core::columns::Column;
use ia_core::export::csv_values;
use ia_core::Agency;

use super::header::ColumnMap;
use super::table::Row;

/// Where the columns are in a file with the export's headings.
pub fn exported_columns() -> ColumnMap {
    let header: Vec<String> = Column::HEADINGS.iter().map(|h| (*h).to_owned()).collect();
    ColumnMap::read(&header, &[], &mut Vec::new()).unwrap_or_else(|err| panic!("{err}"))
}

/// The agency's row as the export writes it (row `number`), with some
/// cells changed.
pub fn exported_row(agency: &Agency, changes: &[(Column, &str)], number: usize) -> Row {
    let mut cells = csv_values(agency);
    for (column, value) in changes {
        cells[column.index()] = (*value).to_owned();
    }
    Row { number, cells }
}

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

/// The real place data (`raw` of the shared data directory and the
/// committed overrides under `data`), read as the command line reads it.
pub fn gazetteer_from(
    raw: &std::path::Path,
    data: &std::path::Path,
) -> crate::gazetteer::Gazetteer {
    let read = |path: std::path::PathBuf| {
        std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
    };
    crate::gazetteer::Gazetteer::from_texts(
        &read(raw.join("nrw-gemeinden.geojson")),
        &read(raw.join("nrw-kreise.geojson")),
        &read(raw.join("nrw-postcodes.csv")),
        &read(data.join("place-overrides.tsv")),
        "place-overrides.tsv",
    )
    .unwrap_or_else(|err| panic!("{err}"))
}

/// The gazetteer the maintenance page builds from the site's own files
/// (`public/data`) and the committed overrides.
pub fn shipped_gazetteer(root: &std::path::Path) -> crate::gazetteer::Gazetteer {
    let read = |path: std::path::PathBuf| {
        std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
    };
    let data = root.join("public/data");
    crate::gazetteer::Gazetteer::from_shipped(
        &read(data.join("boundaries/nrw-gemeinden.geojson")),
        &read(data.join("boundaries/nrw-kreise.geojson")),
        &read(data.join("places.json")),
        &read(root.join("data/place-overrides.tsv")),
        "place-overrides.tsv",
    )
    .unwrap_or_else(|err| panic!("{err}"))
}

//! The committed tab-separated tables (`data/*.tsv`).

use crate::{Error, Result};

/// Parses a tab-separated table: `#` lines and blank lines are skipped;
/// every other line must have at least `min_columns` columns. Returns
/// `(line number, columns)`; errors start with `name:line`.
pub fn parse_tsv(text: &str, name: &str, min_columns: usize) -> Result<Vec<(usize, Vec<String>)>> {
    let mut rows = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let number = number + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<String> = line.split('\t').map(|c| c.trim().to_owned()).collect();
        if columns.len() < min_columns || columns.iter().take(min_columns).any(String::is_empty) {
            return Err(Error(format!(
                "{name}:{number}: expected {min_columns} non-empty tab-separated columns, found {line:?}"
            )));
        }
        rows.push((number, columns));
    }
    Ok(rows)
}

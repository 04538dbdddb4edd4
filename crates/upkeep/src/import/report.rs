//! What the import has to say: the report with a line per row, its
//! repairs and notes, and how it is shown (German, for the maintainers).

use std::collections::HashMap;

use ia_core::columns::Column;
use ia_core::export::csv_values;
use ia_core::Agency;

use super::cells::ParsedRow;
use super::problem::{shown, Problem, Repair};
use super::table::{Encoding, LineEnds};

/// Everything the import has to say.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub csv_name: String,
    pub previous_name: String,
    pub previous_count: usize,
    pub previous_as_of: String,
    pub as_of: String,
    pub encoding: Option<Encoding>,
    pub delimiter: char,
    pub line_ends: Option<LineEnds>,
    pub data_rows: usize,
    pub blank_rows: usize,
    /// Notices about the whole file (encoding, headings, unknown columns, …).
    pub file_notes: Vec<String>,
    /// Values that were repaired.
    pub repairs: Vec<Repair>,
    pub rows: Vec<RowReport>,
    /// Previous records that no row names.
    pub removed: Vec<Agency>,
    /// Why nothing was written, when the import was blocked.
    pub blocked: Option<String>,
    pub records_written: usize,
    /// Raw and gzip size of the output.
    pub sizes: (usize, usize),
}

/// What happened to one row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowReport {
    /// Row number as the spreadsheet shows it.
    pub row: usize,
    /// The row's id (given or generated); `None` when it has none.
    pub id: Option<String>,
    pub status: RowStatus,
    pub problems: Vec<Problem>,
    /// Remarks (position computed, id generated, …).
    pub notes: Vec<String>,
    /// Field by field differences to the previous record (for new records:
    /// none; for a rejected row: what changed in the kept record, e.g. by spreading).
    pub changes: Vec<FieldChange>,
}

/// Outcome of one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowStatus {
    Unchanged,
    Changed,
    Added,
    /// The same content as an earlier row; ignored.
    Duplicate(usize),
    /// Rejected; the previous record with this id stays.
    RejectedKept,
    /// Rejected; there is no previous record, so nothing is added.
    RejectedNew,
}

impl RowStatus {
    pub fn is_rejected(&self) -> bool {
        matches!(self, RowStatus::RejectedKept | RowStatus::RejectedNew)
    }
}

/// One field that differs from the previous record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub heading: &'static str,
    pub old: String,
    pub new: String,
}

impl Report {
    /// Rows that were rejected.
    pub fn rejected(&self) -> usize {
        self.rows.iter().filter(|r| r.status.is_rejected()).count()
    }

    /// Whether the import failed in any way (exit code 1).
    pub fn failed(&self) -> bool {
        self.blocked.is_some() || self.rejected() > 0
    }

    fn count(&self, wanted: fn(&RowStatus) -> bool) -> usize {
        self.rows.iter().filter(|r| wanted(&r.status)).count()
    }
}

/// Field-by-field differences, as the CSV shows the values.
pub fn diff(before: &Agency, after: &Agency) -> Vec<FieldChange> {
    Column::ALL
        .into_iter()
        .zip(csv_values(before).into_iter().zip(csv_values(after)))
        .filter(|(_, (old, new))| old != new)
        .map(|(column, (old, new))| FieldChange {
            heading: column.heading(),
            old,
            new,
        })
        .collect()
}

/// What happened to a row, given the previous record with its id and the
/// record with that id in the result.
pub(super) fn row_report(
    row: &ParsedRow,
    before: Option<&Agency>,
    after: Option<&Agency>,
) -> RowReport {
    let mut changes = Vec::new();
    let status = if let Some(of) = row.duplicate_of {
        RowStatus::Duplicate(of)
    } else if !row.problems.is_empty() {
        // What changed in the kept record anyway (e.g. by spreading).
        if let (Some(before), Some(after)) = (before, after) {
            changes = diff(before, after);
        }
        if before.is_some() {
            RowStatus::RejectedKept
        } else {
            RowStatus::RejectedNew
        }
    } else {
        match (before, after) {
            (None, _) => RowStatus::Added,
            (Some(before), Some(after)) => {
                changes = diff(before, after);
                if changes.is_empty() {
                    RowStatus::Unchanged
                } else {
                    RowStatus::Changed
                }
            }
            (Some(_), None) => RowStatus::Unchanged,
        }
    };
    RowReport {
        row: row.number,
        id: row.id.clone(),
        status,
        problems: row.problems.clone(),
        notes: row.notes.clone(),
        changes,
    }
}

/// The records by id.
pub(super) fn by_id(agencies: &[Agency]) -> HashMap<&str, &Agency> {
    agencies.iter().map(|a| (a.id.as_str(), a)).collect()
}

/// `2–5, 7, 9–10` for sorted row numbers.
fn ranges(numbers: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut index = 0;
    while index < numbers.len() {
        let start = numbers[index];
        let mut end = start;
        while index + 1 < numbers.len() && numbers[index + 1] == end + 1 {
            index += 1;
            end = numbers[index];
        }
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        index += 1;
    }
    parts.join(", ")
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "Import von {}", self.csv_name)?;
        writeln!(
            f,
            "  Datei: {}, Zellen getrennt durch „{}“, Zeilenenden {}; {}{}",
            self.encoding.map_or("?", Encoding::describe),
            shown(&self.delimiter.to_string()),
            self.line_ends.map_or("?", LineEnds::describe),
            count_of(self.data_rows, "Datenzeile", "Datenzeilen"),
            if self.blank_rows > 0 {
                format!(
                    ", {} übersprungen",
                    count_of(self.blank_rows, "leere Zeile", "leere Zeilen")
                )
            } else {
                String::new()
            }
        )?;
        writeln!(
            f,
            "  Verglichen mit: {} ({} Einträge, Stand {})",
            self.previous_name, self.previous_count, self.previous_as_of
        )?;
        if !self.file_notes.is_empty() {
            writeln!(f, "\nHinweise zur Datei:")?;
            for note in &self.file_notes {
                writeln!(f, "  ! {note}")?;
            }
        }
        if !self.repairs.is_empty() {
            writeln!(f, "\nAutomatisch korrigiert (bitte kurz prüfen):")?;
            let mut groups: Vec<((Column, &str), Vec<&Repair>)> = Vec::new();
            for repair in &self.repairs {
                let key = (repair.column, repair.what);
                match groups.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, members)) => members.push(repair),
                    None => groups.push((key, vec![repair])),
                }
            }
            for ((column, what), members) in groups {
                let example = |r: &Repair| {
                    format!("Zeile {}: „{}“ → „{}“", r.row, shown(&r.from), shown(&r.to))
                };
                if members.len() <= 3 {
                    let listed: Vec<String> = members.iter().map(|r| example(r)).collect();
                    writeln!(f, "  „{}“, {what}: {}", column.heading(), listed.join("; "))?;
                } else {
                    let numbers: Vec<usize> = members.iter().map(|r| r.row).collect();
                    writeln!(
                        f,
                        "  „{}“, {what}: {} Zeilen ({}), z. B. {}",
                        column.heading(),
                        members.len(),
                        ranges(&numbers),
                        example(members[0])
                    )?;
                }
            }
        }
        writeln!(f, "\nZeilen:")?;
        // Runs of unchanged rows without remarks are one line each.
        let is_quiet = |row: &RowReport| row.status == RowStatus::Unchanged && row.notes.is_empty();
        let mut quiet: Vec<usize> = Vec::new();
        for row in &self.rows {
            if is_quiet(row) {
                quiet.push(row.row);
                continue;
            }
            write_quiet(f, &mut quiet)?;
            write_row(f, row)?;
        }
        write_quiet(f, &mut quiet)?;
        if !self.removed.is_empty() {
            writeln!(
                f,
                "\nENTFERNT (stehen im bisherigen Datensatz, aber in keiner Zeile der Tabelle):"
            )?;
            for agency in &self.removed {
                writeln!(
                    f,
                    "  - id „{}“: {} ({})",
                    agency.id, agency.name, agency.address.city
                )?;
            }
        }
        let rejected = self.rejected();
        writeln!(
            f,
            "\nErgebnis: {} gelesen – {} übernommen ({} neu, {} geändert, {} unverändert), {} abgelehnt, {} doppelt; {} entfernt.",
            count_of(self.data_rows, "Zeile", "Zeilen"),
            self.count(|s| matches!(s, RowStatus::Added | RowStatus::Changed | RowStatus::Unchanged)),
            self.count(|s| *s == RowStatus::Added),
            self.count(|s| *s == RowStatus::Changed),
            self.count(|s| *s == RowStatus::Unchanged),
            rejected,
            self.count(|s| matches!(s, RowStatus::Duplicate(_))),
            self.removed.len()
        )?;
        if let Some(blocked) = &self.blocked {
            writeln!(f, "NICHTS GESCHRIEBEN: {blocked}")?;
        } else {
            writeln!(
                f,
                "Datensatz: {}, Stand {}, {} Bytes ({} Bytes gzip).",
                count_of(self.records_written, "Eintrag", "Einträge"),
                self.as_of,
                self.sizes.0,
                self.sizes.1
            )?;
        }
        if rejected > 0 {
            writeln!(
                f,
                "FEHLER: {} abgelehnt. Bitte in der Tabelle korrigieren und den Import wiederholen.",
                count_of(rejected, "Zeile", "Zeilen")
            )?;
        }
        Ok(())
    }
}

/// Writes (and forgets) a run of unchanged rows.
fn write_quiet(f: &mut std::fmt::Formatter<'_>, quiet: &mut Vec<usize>) -> std::fmt::Result {
    if quiet.is_empty() {
        return Ok(());
    }
    writeln!(
        f,
        "  Zeile{} {}: übernommen, unverändert{}",
        if quiet.len() == 1 { "" } else { "n" },
        ranges(quiet),
        if quiet.len() == 1 {
            String::new()
        } else {
            format!(" ({} Zeilen)", quiet.len())
        }
    )?;
    quiet.clear();
    Ok(())
}

/// Writes one row that has something to say.
fn write_row(f: &mut std::fmt::Formatter<'_>, row: &RowReport) -> std::fmt::Result {
    let id = row
        .id
        .as_deref()
        .map_or_else(|| "(ohne id)".to_owned(), |id| format!("id „{id}“"));
    let verdict = match row.status {
        RowStatus::Unchanged => "übernommen, unverändert".to_owned(),
        RowStatus::Changed => "übernommen, GEÄNDERT".to_owned(),
        RowStatus::Added => "übernommen, NEU".to_owned(),
        RowStatus::Duplicate(of) => {
            format!("doppelt (gleicher Inhalt wie Zeile {of}), nicht noch einmal übernommen")
        }
        RowStatus::RejectedKept => {
            "ABGELEHNT – der bisherige Eintrag mit dieser id bleibt UNVERÄNDERT im Datensatz"
                .to_owned()
        }
        RowStatus::RejectedNew => "ABGELEHNT – wird NICHT in den Datensatz aufgenommen".to_owned(),
    };
    writeln!(f, "  Zeile {} – {id}: {verdict}", row.row)?;
    for problem in &row.problems {
        writeln!(f, "      Fehler in Zeile {}: {problem}", row.row)?;
    }
    for note in &row.notes {
        writeln!(f, "      {note}")?;
    }
    for change in &row.changes {
        writeln!(
            f,
            "      {}: „{}“ → „{}“",
            change.heading,
            shown(&change.old),
            shown(&change.new)
        )?;
    }
    Ok(())
}

/// `1 Zeile`, `2 Zeilen`.
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ia_core::synthetic::synthetic_agencies;

    #[test]
    fn row_ranges() {
        assert_eq!(ranges(&[2, 3, 4, 6, 8, 9]), "2–4, 6, 8–9");
        assert_eq!(ranges(&[5]), "5");
        assert_eq!(ranges(&[]), "");
    }

    #[test]
    fn shown_values_are_safe_and_short() {
        assert_eq!(shown("a\tb\r\n"), "a\\tb\\r\\n");
        assert_eq!(shown("\u{7}"), "\\u{7}");
        assert_eq!(shown(&"x".repeat(200)).chars().count(), 121);
    }

    #[test]
    fn counts() {
        assert_eq!(count_of(1, "Zeile", "Zeilen"), "1 Zeile");
        assert_eq!(count_of(0, "Zeile", "Zeilen"), "0 Zeilen");
    }

    #[test]
    fn differences_are_named_by_heading_and_shown_as_cells() {
        let before = synthetic_agencies(1, 9).remove(0);
        let mut after = before.clone();
        after.contact.phone = Some("0221 1".into());
        after.languages = vec!["de".into(), "tr".into()];
        let changes = diff(&before, &after);
        let headings: Vec<&str> = changes.iter().map(|c| c.heading).collect();
        assert_eq!(headings, vec!["Telefon", "Sprachen"]);
        assert_eq!(changes[1].new, "de; tr");
        assert!(diff(&before, &before).is_empty());
    }

    #[test]
    fn a_problem_reads_column_value_message() {
        let problem = Problem {
            column: Some("Spalte F „PLZ“".into()),
            value: Some("5\t1".into()),
            message: "muss …".into(),
        };
        assert_eq!(problem.to_string(), "Spalte F „PLZ“ = „5\\t1“: muss …");
        let whole_row = Problem {
            column: None,
            value: None,
            message: "die Zeile …".into(),
        };
        assert_eq!(whole_row.to_string(), "die Zeile …");
    }
}

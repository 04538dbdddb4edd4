//! What reading a spreadsheet finds in its cells: a [`Problem`] that rejects
//! a row, a [`Repair`] of what a spreadsheet program damaged, and how a
//! value is [`shown`] in them. The rows' readers (`header`, `cells`,
//! `values`, …) write them; the [`super::report`] lists them.

use std::fmt::Write as _;

use ia_core::columns::Column;

/// Why a row was rejected: the column (heading, with the spreadsheet's
/// column letter), the value found and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `Spalte F „PLZ“`, or `None` for the row as a whole.
    pub column: Option<String>,
    pub value: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(column) = &self.column {
            write!(f, "{column}")?;
            if let Some(value) = &self.value {
                write!(f, " = „{}“", shown(value))?;
            }
            write!(f, ": ")?;
        }
        f.write_str(&self.message)
    }
}

/// A value the import changed because a spreadsheet program damaged it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    pub row: usize,
    pub column: Column,
    /// What was done (German, used to group repairs of one kind).
    pub what: &'static str,
    pub from: String,
    pub to: String,
}

/// A value for the report: control characters visible, long values shortened.
pub fn shown(value: &str) -> String {
    const MAX_CHARS: usize = 120;
    let mut out = String::new();
    for (count, c) in value.chars().enumerate() {
        if count == MAX_CHARS {
            out.push('…');
            break;
        }
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

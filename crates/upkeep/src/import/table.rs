//! Reading a spreadsheet's CSV file as it really arrives: in whatever
//! encoding and with whatever separator the spreadsheet program chose.
//!
//! [`decode`] turns the bytes into text: UTF-8 (with or without byte order
//! mark), UTF-16 with a byte order mark (Excel's "Unicode-Text"), or — when
//! the bytes are not valid UTF-8 — Windows-1252, the legacy encoding of German
//! Windows ("CSV (Trennzeichen-getrennt)" in older Excel); `encoding_rs`
//! decodes the last two. The caller reports which one was used. Bytes that
//! are neither are rejected with a message.
//!
//! [`parse`] splits the text into rows and cells with the `csv` crate: the
//! cell separator is taken from the header line (`;`, `,` or TAB, whichever
//! occurs most often outside quotes); quotes follow RFC 4180 (`""` inside a
//! quoted cell is one `"`); rows end with CRLF, LF or a lone CR. Every row
//! keeps the number the spreadsheet shows for it (the header is row 1; an
//! empty line is a row too, which `csv` skips, so they are counted here; a
//! cell with a line break does not start a new row). Excel's hint line
//! `sep=;` before the header sets the separator and is skipped.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::messages;
use crate::{Error, Result};

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8WithBom,
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8; read as Windows-1252.
    Windows1252,
}

impl Encoding {
    /// German description for the report.
    pub fn describe(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8 (ohne BOM)",
            Encoding::Utf8WithBom => "UTF-8 mit BOM",
            Encoding::Utf16Le => "UTF-16 LE mit BOM (Unicode-Text)",
            Encoding::Utf16Be => "UTF-16 BE mit BOM",
            Encoding::Windows1252 => "Windows-1252 (ANSI)",
        }
    }
}

/// How the rows of a file end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnds {
    Crlf,
    Lf,
    Cr,
    Mixed,
    /// A file of one line without a line end.
    None,
}

impl LineEnds {
    /// German description for the report.
    pub fn describe(self) -> &'static str {
        match self {
            LineEnds::Crlf => "CRLF (Windows)",
            LineEnds::Lf => "LF (Linux/macOS)",
            LineEnds::Cr => "CR (altes macOS)",
            LineEnds::Mixed => "gemischt",
            LineEnds::None => "keine",
        }
    }
}

/// One row of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row number the spreadsheet shows (header = 1).
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    /// True when every cell is empty or white space.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|cell| cell.trim().is_empty())
    }
}

/// A parsed file: the header is `rows[0]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub delimiter: char,
    pub line_ends: LineEnds,
    pub rows: Vec<Row>,
}

/// The bytes Windows-1252 does not define. `encoding_rs` (following the
/// WHATWG standard) reads them as the control characters of the same
/// number; in a spreadsheet they mean the file is in another encoding.
const NOT_IN_WINDOWS_1252: [char; 5] = ['\u{81}', '\u{8D}', '\u{8F}', '\u{90}', '\u{9D}'];

/// Decodes a file's bytes (see the module documentation).
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding)> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok((text.to_owned(), Encoding::Utf8WithBom)),
            Err(err) => Err(Error(messages::not_utf8_after_bom(err.valid_up_to() + 3))),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, UTF_16LE).map(|text| (text, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, UTF_16BE).map(|text| (text, Encoding::Utf16Be));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if text.contains('\0') {
            return Err(Error(messages::UTF16_WITHOUT_BOM.into()));
        }
        return Ok((text.to_owned(), Encoding::Utf8));
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    // One byte is one character, so a character's position is its byte's.
    for (position, c) in text.chars().enumerate() {
        if c == '\0' {
            return Err(Error(messages::NUL_IN_LEGACY_FILE.into()));
        }
        if NOT_IN_WINDOWS_1252.contains(&c) {
            return Err(Error(messages::not_windows_1252(u32::from(c), position)));
        }
    }
    Ok((text.into_owned(), Encoding::Windows1252))
}

fn utf16(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> Result<String> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Error(messages::UTF16_ODD_LENGTH.into()));
    }
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
        .ok_or_else(|| Error(messages::UTF16_INVALID.into()))
}

/// The cell separator: whichever of `;`, TAB and `,` occurs most often
/// outside quotes in the first line (ties in that order); `;` when none does.
pub fn detect_delimiter(text: &str) -> char {
    let mut counts = [(';', 0usize), ('\t', 0), (',', 0)];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\r' | '\n' if !in_quotes => break,
            _ if !in_quotes => {
                if let Some(entry) = counts.iter_mut().find(|(d, _)| *d == c) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = counts[0];
    for entry in counts {
        if entry.1 > best.1 {
            best = entry;
        }
    }
    best.0
}

/// Excel's hint line `sep=;`: the separator and the text after the line.
fn separator_hint(text: &str) -> Option<(char, &str)> {
    let rest = text.strip_prefix("sep=")?;
    let mut chars = rest.chars();
    let delimiter = chars.next().filter(|c| [';', ',', '\t'].contains(c))?;
    let after = chars.as_str();
    let body = after
        .strip_prefix("\r\n")
        .or_else(|| after.strip_prefix('\n'))
        .or_else(|| after.strip_prefix('\r'))?;
    Some((delimiter, body))
}

/// Appended to the text read, so that a quote still open at the end shows:
/// then this line is read into the open cell instead of as a row of its own.
const LAST_LINE: &str = "\n\u{1}";

/// Splits decoded text into rows (see the module documentation).
pub fn parse(text: &str) -> Result<Table> {
    // Excel does not show the hint line, so the header is still row 1.
    let (delimiter, body) = separator_hint(text).unwrap_or_else(|| (detect_delimiter(text), text));
    let input = format!("{body}{LAST_LINE}");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter as u8)
        .from_reader(input.as_bytes());
    let mut records = Vec::new();
    for record in reader.records() {
        // The text is UTF-8 and the separators ASCII, so no error can occur.
        let record = record.map_err(|err| Error(format!("CSV: {err}")))?;
        // Where reading started: after the previous row's line end (or in
        // the middle of a CRLF), before any empty lines.
        let start = record.position().map_or(0, |p| p.byte() as usize);
        records.push((start, record.iter().map(str::to_owned).collect::<Vec<_>>()));
    }
    let mut rows = Rows::default();
    let last = records.pop();
    for (start, cells) in records {
        rows.line_ends(line_ends_before(body.as_bytes(), start));
        rows.push(cells);
    }
    let (start, cells) = last.unwrap_or_default();
    rows.line_ends(line_ends_before(body.as_bytes(), start));
    // After the last line end there must be the appended line alone;
    // otherwise a quote took it in.
    if cells != [&LAST_LINE[1..]] {
        return Err(Error(messages::unclosed_quote(rows.row_number())));
    }
    Ok(Table {
        delimiter,
        line_ends: rows.kind(),
        rows: rows.rows,
    })
}

/// The line ends before a row's first cell: from the end of the previous
/// row's content (its last cell cannot end in CR or LF outside quotes)
/// through any empty lines, `start` lying somewhere inside them.
fn line_ends_before(text: &[u8], start: usize) -> &[u8] {
    let is_end = |b: &u8| *b == b'\r' || *b == b'\n';
    let start = start.min(text.len());
    let from = text[..start]
        .iter()
        .rposition(|b| !is_end(b))
        .map_or(0, |i| i + 1);
    let to = start + text[start..].iter().take_while(|b| is_end(b)).count();
    &text[from..to]
}

/// Rows with their numbers, built from the records and the line ends
/// between them.
#[derive(Default)]
struct Rows {
    rows: Vec<Row>,
    /// The number of the next row.
    number: usize,
    /// Whether the last row has no line end yet.
    open: bool,
    crlf: usize,
    lf: usize,
    cr: usize,
}

impl Rows {
    /// Counts line ends: the first closes an open row, each further one is
    /// an empty line (a blank row with one empty cell).
    fn line_ends(&mut self, ends: &[u8]) {
        let mut i = 0;
        while i < ends.len() {
            if ends[i..].starts_with(b"\r\n") {
                self.crlf += 1;
                i += 2;
            } else {
                if ends[i] == b'\r' {
                    self.cr += 1;
                } else {
                    self.lf += 1;
                }
                i += 1;
            }
            if !std::mem::take(&mut self.open) {
                self.rows.push(Row {
                    number: self.row_number(),
                    cells: vec![String::new()],
                });
            }
            self.number += 1;
        }
    }

    fn push(&mut self, cells: Vec<String>) {
        self.rows.push(Row {
            number: self.row_number(),
            cells,
        });
        self.open = true;
    }

    /// Row numbers start at 1.
    fn row_number(&self) -> usize {
        self.number + 1
    }

    fn kind(&self) -> LineEnds {
        match (self.crlf > 0, self.lf > 0, self.cr > 0) {
            (false, false, false) => LineEnds::None,
            (true, false, false) => LineEnds::Crlf,
            (false, true, false) => LineEnds::Lf,
            (false, false, true) => LineEnds::Cr,
            _ => LineEnds::Mixed,
        }
    }
}

/// The spreadsheet's name of a column: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letter(index: usize) -> String {
    let mut letters = Vec::new();
    let mut n = index + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests;

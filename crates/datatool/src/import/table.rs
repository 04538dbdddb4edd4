//! Reading a spreadsheet's CSV file as it really arrives: in whatever
//! encoding and with whatever separator the spreadsheet program chose.
//!
//! [`decode`] turns the bytes into text: UTF-8 (with or without byte order
//! mark), UTF-16 with a byte order mark (Excel's "Unicode-Text"), or — when
//! the bytes are not valid UTF-8 — Windows-1252, the legacy encoding of German
//! Windows ("CSV (Trennzeichen-getrennt)" in older Excel). The caller reports
//! which one was used. Bytes that are neither are rejected with a message.
//!
//! [`parse`] splits the text into rows and cells: the cell separator is taken
//! from the header line (`;`, `,` or TAB, whichever occurs most often outside
//! quotes); quotes follow RFC 4180 (`""` inside a quoted cell is one `"`);
//! rows end with CRLF, LF or a lone CR. Every row keeps the number the
//! spreadsheet shows for it (the header is row 1; an empty line is a row too;
//! a cell with a line break does not start a new row). Excel's hint line
//! `sep=;` before the header sets the separator and is skipped.

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

/// Windows-1252 characters for the bytes 0x80–0x9F (`None`: undefined).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Decodes a file's bytes (see the module documentation).
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding)> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok((text.to_owned(), Encoding::Utf8WithBom)),
            Err(err) => Err(Error(format!(
                "Die Datei beginnt mit der UTF-8-Kennung (BOM), enthält aber ab Byte {} keine gültigen UTF-8-Zeichen. \
                 Bitte in LibreOffice/Excel erneut als „CSV UTF-8“ speichern.",
                err.valid_up_to() + 3
            ))),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes).map(|text| (text, Encoding::Utf16Le));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes).map(|text| (text, Encoding::Utf16Be));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if text.contains('\0') {
            return Err(Error(
                "Die Datei enthält Null-Bytes: wahrscheinlich UTF-16 ohne Kennung (BOM). \
                 Bitte als „CSV UTF-8“ speichern."
                    .into(),
            ));
        }
        return Ok((text.to_owned(), Encoding::Utf8));
    }
    let mut text = String::with_capacity(bytes.len());
    for (position, &byte) in bytes.iter().enumerate() {
        match byte {
            0x00 => {
                return Err(Error(
                    "Die Datei enthält Null-Bytes und ist weder UTF-8 noch Windows-1252. \
                     Bitte als „CSV UTF-8“ speichern."
                        .into(),
                ))
            }
            0x80..=0x9F => match CP1252_HIGH[usize::from(byte - 0x80)] {
                Some(c) => text.push(c),
                None => {
                    return Err(Error(format!(
                        "Die Datei ist weder UTF-8 noch Windows-1252 (Byte 0x{byte:02X} an Position {position}). \
                         Bitte in LibreOffice/Excel als „CSV UTF-8“ speichern."
                    )))
                }
            },
            _ => text.push(char::from(byte)),
        }
    }
    Ok((text, Encoding::Windows1252))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Error(
            "Die Datei ist als UTF-16 gekennzeichnet, hat aber eine ungerade Länge.".into(),
        ));
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .collect::<std::result::Result<String, _>>()
        .map_err(|_| Error("Die Datei enthält ungültige UTF-16-Zeichen.".into()))
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

/// Splits decoded text into rows (see the module documentation).
pub fn parse(text: &str) -> Result<Table> {
    // Excel's hint line `sep=;` names the separator and is not a row of data.
    let hint = text.strip_prefix("sep=").and_then(|rest| {
        let mut chars = rest.chars();
        let delimiter = chars.next().filter(|c| [';', ',', '\t'].contains(c))?;
        let after = chars.as_str();
        let body = after
            .strip_prefix("\r\n")
            .or_else(|| after.strip_prefix('\n'))
            .or_else(|| after.strip_prefix('\r'))?;
        Some((delimiter, body))
    });
    let (delimiter, text, mut number) = match hint {
        // Excel does not show the hint line, so the header is still row 1.
        Some((delimiter, body)) => (delimiter, body, 1usize),
        None => (detect_delimiter(text), text, 1usize),
    };
    let mut rows = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut in_quotes = false;
    let mut quote_row = 0usize;
    let (mut crlf, mut lf, mut cr) = (0usize, 0usize, 0usize);
    let mut chars = text.chars().peekable();
    // Whether anything of the current row has been read (so that a final
    // line end does not add an empty row).
    let mut row_started = false;
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        row_started = true;
        match c {
            '"' if cell.is_empty() => {
                in_quotes = true;
                quote_row = number;
            }
            c if c == delimiter => cells.push(std::mem::take(&mut cell)),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                    crlf += 1;
                } else if c == '\r' {
                    cr += 1;
                } else {
                    lf += 1;
                }
                cells.push(std::mem::take(&mut cell));
                rows.push(Row {
                    number,
                    cells: std::mem::take(&mut cells),
                });
                number += 1;
                row_started = false;
            }
            // A quote inside an unquoted cell is kept as it is.
            _ => cell.push(c),
        }
    }
    if in_quotes {
        return Err(Error(format!(
            "Zeile {quote_row}: ein Anführungszeichen (\") wird bis zum Ende der Datei nicht geschlossen. \
             Bitte die Zelle prüfen, in der es beginnt."
        )));
    }
    if row_started {
        cells.push(cell);
        rows.push(Row { number, cells });
    }
    let line_ends = match (crlf > 0, lf > 0, cr > 0) {
        (false, false, false) => LineEnds::None,
        (true, false, false) => LineEnds::Crlf,
        (false, true, false) => LineEnds::Lf,
        (false, false, true) => LineEnds::Cr,
        _ => LineEnds::Mixed,
    };
    Ok(Table {
        delimiter,
        line_ends,
        rows,
    })
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
mod tests {
    use super::*;

    fn cells(table: &Table) -> Vec<Vec<&str>> {
        table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn encodings() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa;\xC3\xBC").ok(),
            Some(("a;ü".to_owned(), Encoding::Utf8WithBom))
        );
        assert_eq!(
            decode("a;ü".as_bytes()).ok(),
            Some(("a;ü".to_owned(), Encoding::Utf8))
        );
        assert_eq!(
            decode(b"Stra\xDFe;K\xF6ln \x80").ok(),
            Some(("Straße;Köln €".to_owned(), Encoding::Windows1252))
        );
        assert_eq!(
            decode(b"\xFF\xFEa\0;\0\xFC\0").ok(),
            Some(("a;ü".to_owned(), Encoding::Utf16Le))
        );
        assert_eq!(
            decode(b"\xFE\xFF\0a\0;\0\xFC").ok(),
            Some(("a;ü".to_owned(), Encoding::Utf16Be))
        );
        assert!(decode(b"a\x81b").is_err());
        assert!(decode(b"\xEF\xBB\xBFa\xFCb").is_err());
        assert!(decode(b"a\0;\0").is_err());
    }

    #[test]
    fn rows_cells_and_numbers() {
        let table = parse("id;Name\r\na;\"x;\"\"y\"\"\r\nz\"\r\n\r\nb;c\r\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(table.delimiter, ';');
        assert_eq!(table.line_ends, LineEnds::Crlf);
        assert_eq!(
            cells(&table),
            vec![
                vec!["id", "Name"],
                vec!["a", "x;\"y\"\r\nz"],
                vec![""],
                vec!["b", "c"]
            ]
        );
        let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![1, 2, 3, 4]);
        assert!(table.rows[2].is_blank());
    }

    #[test]
    fn separators_and_line_ends() {
        let table = parse("id,Name,\"a;b\"\na,b,c").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(table.delimiter, ',');
        assert_eq!(table.line_ends, LineEnds::Lf);
        assert_eq!(cells(&table)[0], vec!["id", "Name", "a;b"]);
        assert_eq!(cells(&table)[1], vec!["a", "b", "c"]);
        let tabs = parse("id\tName\rx\ty\r").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(tabs.delimiter, '\t');
        assert_eq!(tabs.line_ends, LineEnds::Cr);
        assert_eq!(cells(&tabs)[1], vec!["x", "y"]);
        assert_eq!(
            parse("a;b\r\nc;d\ne;f").map(|t| t.line_ends).ok(),
            Some(LineEnds::Mixed)
        );
    }

    #[test]
    fn excel_separator_hint() {
        let table = parse("sep=,\r\nid,Name\r\na,b\r\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(table.delimiter, ',');
        assert_eq!(cells(&table), vec![vec!["id", "Name"], vec!["a", "b"]]);
        assert_eq!(table.rows[0].number, 1);
    }

    #[test]
    fn unclosed_quote_names_the_row() {
        let err = parse("id;Name\na;\"b\nc;d\n")
            .err()
            .map(|e| e.0)
            .unwrap_or_default();
        assert!(err.contains("Zeile 2"), "{err}");
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(22), "W");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }
}

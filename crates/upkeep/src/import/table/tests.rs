//! Decoding and splitting: encodings, separators, line ends, row numbers.

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
    let table =
        parse("id;Name\r\na;\"x;\"\"y\"\"\r\nz\"\r\n\r\nb;c\r\n").unwrap_or_else(|e| panic!("{e}"));
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

#[test]
fn bytes_windows_1252_lacks_are_named_with_their_position() {
    let err = decode(b"id;K\xF6ln\x9D")
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    assert!(err.contains("Byte 0x9D an Position 7"), "{err}");
    let err = decode(b"K\xF6ln\0").err().map(|e| e.0).unwrap_or_default();
    assert!(err.contains("Null-Bytes und ist weder"), "{err}");
    let err = decode(b"\xFF\xFEa\0b")
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    assert!(err.contains("ungerade Länge"), "{err}");
    let err = decode(b"\xFF\xFE\x00\xD8a\0")
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    assert!(err.contains("ungültige UTF-16-Zeichen"), "{err}");
    let err = decode(b"\xEF\xBB\xBFab\xFF")
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    assert!(err.contains("ab Byte 5"), "{err}");
}

#[test]
fn empty_lines_are_rows_wherever_they_are() {
    let table = parse("\r\nid;Name\n\n\"a\nb\";c\r\rx;y\n\n").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        cells(&table),
        vec![
            vec![""],
            vec!["id", "Name"],
            vec![""],
            vec!["a\nb", "c"],
            vec![""],
            vec!["x", "y"],
            vec![""]
        ]
    );
    let numbers: Vec<usize> = table.rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(table.line_ends, LineEnds::Mixed);
    let blank = parse("\r\n\r\n").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cells(&blank), vec![vec![""], vec![""]]);
    assert_eq!(parse("").map(|t| t.rows.len()).ok(), Some(0));
}

#[test]
fn a_last_row_without_line_end_and_quotes_in_cells() {
    let table =
        parse("id;Name\r\na;b \"c\"\r\n\"d\"e;\"\"\"f\"\"\"").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        cells(&table),
        vec![
            vec!["id", "Name"],
            vec!["a", "b \"c\""],
            vec!["de", "\"f\""]
        ]
    );
    assert_eq!(table.rows[2].number, 3);
    assert_eq!(table.line_ends, LineEnds::Crlf);
    assert_eq!(
        parse("id;Name").map(|t| t.line_ends).ok(),
        Some(LineEnds::None)
    );
}

#[test]
fn a_row_like_the_appended_line_is_kept() {
    let table = parse("id\n\u{1}\nx\n").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cells(&table), vec![vec!["id"], vec!["\u{1}"], vec!["x"]]);
    let last = parse("id\n\u{1}").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cells(&last), vec![vec!["id"], vec!["\u{1}"]]);
}

#[test]
fn an_unclosed_quote_in_a_later_row_names_that_row() {
    let err = parse("id;Name\n\na;b\n\"c;d\ne;f")
        .err()
        .map(|e| e.0)
        .unwrap_or_default();
    assert!(err.starts_with("Zeile 4:"), "{err}");
}

//! Why in Rust and not in a language file: the CLI (`ia-datatool import`) and the page share these as `const`s and exhaustive `match`es over the column table (a new column's text is a compile error, not a missing key at run time).
//!
//! Every German text of the import, each written once: what is wrong with
//! the file or a cell, what was repaired, the remarks on a row. The report's
//! layout (headings, the summary) is in [`super::report`]; column names come
//! from the column table ([`Column::heading`]).
//!
//! A problem with a cell is shown after `Spalte F „PLZ“ = „…“: `, so those
//! texts start in lower case. A repair's text also groups the repairs of one
//! kind in the report.

use ia_core::columns::Column;

// ------------------------------------------------------------- the file

pub fn not_utf8_after_bom(byte: usize) -> String {
    format!(
        "Die Datei beginnt mit der UTF-8-Kennung (BOM), enthält aber ab Byte {byte} keine gültigen \
         UTF-8-Zeichen. Bitte in LibreOffice/Excel erneut als „CSV UTF-8“ speichern."
    )
}

pub const UTF16_WITHOUT_BOM: &str =
    "Die Datei enthält Null-Bytes: wahrscheinlich UTF-16 ohne Kennung (BOM). \
     Bitte als „CSV UTF-8“ speichern.";

pub const NUL_IN_LEGACY_FILE: &str =
    "Die Datei enthält Null-Bytes und ist weder UTF-8 noch Windows-1252. \
     Bitte als „CSV UTF-8“ speichern.";

pub fn not_windows_1252(byte: u32, position: usize) -> String {
    format!(
        "Die Datei ist weder UTF-8 noch Windows-1252 (Byte 0x{byte:02X} an Position {position}). \
         Bitte in LibreOffice/Excel als „CSV UTF-8“ speichern."
    )
}

pub const UTF16_ODD_LENGTH: &str =
    "Die Datei ist als UTF-16 gekennzeichnet, hat aber eine ungerade Länge.";

pub const UTF16_INVALID: &str = "Die Datei enthält ungültige UTF-16-Zeichen.";

pub fn unclosed_quote(row: usize) -> String {
    format!(
        "Zeile {row}: ein Anführungszeichen (\") wird bis zum Ende der Datei nicht geschlossen. \
         Bitte die Zelle prüfen, in der es beginnt."
    )
}

pub const READ_AS_WINDOWS_1252: &str =
    "Die Datei ist nicht UTF-8 und wurde als Windows-1252 (ANSI) gelesen. \
     Bitte prüfen Sie Umlaute (ä, ö, ü, ß) in den Änderungen unten und speichern Sie künftig als \
     „CSV UTF-8“.";

/// An Excel or LibreOffice file: the sheet that was read.
pub fn read_sheet(sheet: &str) -> String {
    format!("Tabellenblatt „{sheet}“ gelesen.")
}

/// The file was a CSV with another cell separator than the export's.
pub fn other_delimiter(shown: &str) -> String {
    format!(
        "Zellen sind durch „{shown}“ statt „;“ getrennt (so erkannt an der Überschriftenzeile); gelesen."
    )
}

pub const EMPTY_FILE: &str =
    "Die Datei ist leer: die erste Zeile muss die Überschriften enthalten.";

pub fn no_place_data(raw: &str) -> String {
    format!(
        "Ortsdaten nicht gefunden ({raw}): Positionen können nicht berechnet werden; Zeilen \
         brauchen Breitengrad, Längengrad, Genauigkeit, AGS, Gemeinde und Kreis."
    )
}

pub fn no_outline(path: &str) -> String {
    format!("NRW-Umriss nicht gefunden ({path}): nur grob geprüft, ob Positionen in NRW liegen.")
}

// ---------------------------------------------------------- the headings

/// `Spalte G „Ort“` (the letter is left out for a column the file lacks).
pub fn column(letter: Option<&str>, column: Column) -> String {
    match letter {
        Some(letter) => format!("Spalte {letter} „{}“", column.heading()),
        None => format!("Spalte „{}“", column.heading()),
    }
}

fn cells_with_content(n: usize) -> String {
    match n {
        0 => "alle Zellen leer".into(),
        1 => "1 Zelle mit Inhalt".into(),
        n => format!("{n} Zellen mit Inhalt"),
    }
}

pub fn column_without_heading(letter: &str, filled: usize) -> String {
    format!(
        "Spalte {letter} hat keine Überschrift und wird nicht übernommen ({}).",
        cells_with_content(filled)
    )
}

pub fn unknown_column(letter: &str, heading: &str, filled: usize) -> String {
    format!(
        "Spalte {letter} „{heading}“ ist unbekannt und wird nicht übernommen ({}).",
        cells_with_content(filled)
    )
}

pub fn column_twice(column: Column, first: &str, second: &str) -> String {
    format!(
        "Die Spalte „{}“ kommt zweimal vor (Spalten {first} und {second}).",
        column.heading()
    )
}

pub fn heading_read_as(heading: &str, letter: &str, column: Column) -> String {
    format!(
        "Überschrift „{heading}“ (Spalte {letter}) als „{}“ gelesen.",
        column.heading()
    )
}

/// A table from before schema version 2: its one date is when the source was read.
pub fn version_1_date() -> String {
    format!(
        "Spalte „{seen}“ fehlt (Tabelle aus der Zeit vor Datensatz-Version 2): „{verified}“ wird \
         als „{seen}“ gelesen (wie in Version 1); die Bestätigung durch eine Person bleibt, \
         wie sie war.",
        seen = Column::SourceSeen.heading(),
        verified = Column::LastVerified.heading(),
    )
}

pub fn version_1_without(column: Column) -> String {
    format!(
        "Spalte „{}“ fehlt (Tabelle aus der Zeit vor Datensatz-Version 2): bisherige \
         Angaben werden übernommen.",
        column.heading()
    )
}

pub fn older_table_without(column: Column) -> String {
    format!(
        "Spalte „{}“ fehlt (Tabelle aus der Zeit vor dieser Spalte): bisherige Angaben werden \
         übernommen.",
        column.heading()
    )
}

pub fn missing_columns(missing: &[&str], found: &str) -> String {
    format!(
        "Es fehlen Spalten: {}. Die erste Zeile muss alle {} Überschriften der Vorlage enthalten \
         (docs/vorlage-agenturen.csv); gefunden: {found}.",
        missing.join(", "),
        Column::COUNT,
    )
}

pub fn unreadable_table(problems: &[String]) -> String {
    format!(
        "Die Tabelle kann nicht gelesen werden:\n  {}",
        problems.join("\n  ")
    )
}

// ------------------------------------------------- problems with a cell

pub const EMPTY: &str = "darf nicht leer sein";

pub const EXAMPLE_ROW: &str =
    "das ist die Beispielzeile aus der Vorlage; bitte löschen Sie die Zeile";

pub const NOT_A_SLUG: &str =
    "darf nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche enthalten";

pub fn not_a_slug(suggestion: &str) -> String {
    let example = if suggestion.is_empty() {
        String::new()
    } else {
        format!(" (z. B. „{suggestion}“)")
    };
    format!("{NOT_A_SLUG}{example}; für eine neue Agentur lassen Sie die Zelle leer")
}

pub fn shifted_cells(letter: &str) -> String {
    format!(
        "die Zeile hat Inhalt rechts der letzten Spalte (in Spalte {letter}); steht ein \
         Trennzeichen in einer Zelle, so dass die Werte verrutscht sind?"
    )
}

pub const POSTCODE: &str = "muss aus fünf Ziffern bestehen";

pub const KREIS_KEY: &str =
    "muss bei Genauigkeit „kreis“ der 5-stellige Schlüssel des Kreises sein (beginnt mit 05)";

pub const AGS_DIGITS: &str =
    "muss der 8-stellige Gemeindeschlüssel sein (beginnt mit 05) oder leer bleiben";

pub const AGS_NOT_NRW: &str =
    "muss der Gemeindeschlüssel einer Gemeinde in NRW sein (beginnt mit 05); \
     leer lassen, dann wird er aus der Position berechnet";

pub fn swapped_coordinates(lon: &str) -> String {
    format!(
        "Breitengrad und Längengrad scheinen vertauscht (in NRW ist der Breitengrad etwa 50–52, \
         der Längengrad etwa 6–9; Längengrad ist {lon})"
    )
}

pub const ONE_COORDINATE: &str =
    "Breitengrad und Längengrad: entweder beide ausfüllen oder beide leer \
     lassen (dann wird die Position berechnet)";

pub const SOURCE_DATE: &str =
    "muss ein Jahr (2021), ein Monat (2021-09) oder ein Datum (2021-09-30) sein";

pub fn empty_umbrella(codes: &str) -> String {
    format!("{EMPTY}; erlaubt: {codes} (unknown = nicht angegeben)")
}

pub fn unknown_value(codes: &str) -> String {
    format!("unbekannter Wert; erlaubt: {codes}")
}

pub fn unknown_items(unknown: &[String], codes: &str) -> String {
    format!(
        "unbekannt: {}; erlaubt sind (durch „;“ getrennt): {codes}",
        unknown.join(", ")
    )
}

pub fn unknown_languages(unknown: &[String]) -> String {
    format!(
        "unbekannte Sprache: {}; bitte Sprachcodes nach ISO 639-1 wie de, en, tr, ar, ru, uk \
         durch „;“ getrennt",
        unknown.join(", ")
    )
}

pub const DECIMAL: &str =
    "muss eine Dezimalzahl sein, z. B. 50,77601 (Komma oder Punkt, keine Tausenderpunkte)";

pub const YES_NO: &str = "muss „ja“ oder „nein“ sein";

pub const PHONE_AS_NUMBER: &str =
    "das Tabellenprogramm hat die Nummer in eine Zahl umgewandelt; bitte die \
     Nummer neu eingeben (mit Leerzeichen, z. B. 0221 123456)";

pub const PHONE: &str = "muss eine Telefonnummer sein, z. B. 0221 123456 oder +49 221 123456 (nur \
     Ziffern, Leerzeichen und + - / ( ))";

pub const EMAIL: &str = "muss eine E-Mail-Adresse sein, z. B. name@example.org";

pub const SOURCE_EMPTY: &str =
    "darf nicht leer sein: die Internetseite, auf der die Angaben stehen (https://…)";

pub const URL: &str = "muss eine Internetadresse sein, die mit https:// oder http:// beginnt";

pub const DATE: &str = "muss ein Datum sein, z. B. 24.11.2026 oder 2026-11-24";

// ------------------------------------------------ problems of a row's id

pub fn no_free_id(base: &str) -> String {
    format!(
        "aus Name, Ort, Träger und Straße lässt sich keine freie id bilden (schon vergeben: \
         „{base}“); bitte eine eigene id eintragen"
    )
}

pub fn same_id(rows: &str) -> String {
    format!(
        "dieselbe id steht in den Zeilen {rows} mit unterschiedlichem Inhalt; welche gilt, ist \
         unklar – bitte nur eine Zeile behalten"
    )
}

// ------------------------------------------------ problems of a position

pub const NO_PLACE_DATA_TO_RECOMPUTE: &str =
    "PLZ oder Ort wurden geändert, die Position nicht; sie kann \
     ohne Ortsdaten nicht neu berechnet werden: bitte Breitengrad, Längengrad und Genauigkeit \
     passend eintragen";

pub const NO_PLACE_DATA_TO_COMPUTE: &str =
    "die Position fehlt und kann ohne Ortsdaten nicht berechnet \
     werden; bitte Breitengrad, Längengrad und Genauigkeit eintragen";

pub const NOT_PLACEABLE: &str =
    "die Position kann nicht berechnet werden: der Ort ist keine Gemeinde in \
     NRW und die PLZ hilft nicht weiter; bitte den Gemeindenamen (z. B. „Köln“) eintragen oder \
     Breitengrad, Längengrad und Genauigkeit angeben";

pub const COMPUTED_OUTSIDE_NRW: &str = "die berechnete Position liegt in keiner Gemeinde in NRW";

pub fn precision_needed(codes: &str) -> String {
    format!(
        "muss angeben, wie genau die Position ist ({codes}), wenn Breitengrad und Längengrad \
         eingetragen sind"
    )
}

pub const NOT_A_KREIS_KEY: &str = "ist kein Schlüssel eines Kreises in NRW (Genauigkeit „kreis“)";

pub fn other_kreis(code: &str, name: &str) -> String {
    format!("passt nicht zum Kreisschlüssel {code} („{name}“)")
}

pub const KREIS_WITH_MUNICIPALITY: &str =
    "muss bei Genauigkeit „kreis“ leer bleiben (die Agentur gehört \
     zu keiner bestimmten Gemeinde)";

pub fn in_no_gemeinde(lat: f64, lon: f64) -> String {
    format!("die Position {lat}, {lon} liegt in keiner Gemeinde in NRW")
}

pub const NOT_AN_AGS: &str =
    "ist kein Gemeindeschlüssel einer Gemeinde in NRW; leer lassen, dann wird \
     er aus der Position berechnet";

pub fn other_gemeinde(code: &str, expected: &str) -> String {
    format!(
        "passt nicht zum AGS {code} („{expected}“); leeren Sie AGS, Gemeinde und Kreis, dann \
         werden sie aus der Position berechnet"
    )
}

pub const NEEDS_PLACE_DATA: &str =
    "darf ohne Ortsdaten nicht leer sein (kann nicht berechnet werden)";

pub const OUTSIDE_NRW: &str = "die Position liegt außerhalb von Nordrhein-Westfalen";

/// A problem `ia_core::validate` found in a column, in German; `None` for
/// a column the validator does not check.
pub fn invalid(column: Column) -> Option<&'static str> {
    Some(match column {
        Column::Id => NOT_A_SLUG,
        Column::Name | Column::Carrier | Column::City | Column::Municipality | Column::Kreis => {
            EMPTY
        }
        Column::Street => "darf nicht nur aus Leerzeichen bestehen",
        Column::Postcode => POSTCODE,
        Column::Ags => "muss der 8-stellige Gemeindeschlüssel einer Gemeinde in NRW sein (05…)",
        Column::Lat => "die Position muss in Nordrhein-Westfalen liegen",
        Column::Phone => "muss eine Telefonnummer sein, z. B. 0221 123456",
        Column::Email => EMAIL,
        Column::Website | Column::Source => "muss mit https:// oder http:// beginnen",
        Column::LastVerified => {
            "muss leer bleiben oder das Datum sein, an dem eine Person die Angaben bei der \
             Agentur bestätigt hat (TT.MM.JJJJ oder JJJJ-MM-TT)"
        }
        Column::SourceSeen => {
            "darf nicht leer sein: das Datum, an dem die Quelle gelesen wurde (TT.MM.JJJJ)"
        }
        Column::SourceDate => SOURCE_DATE,
        Column::FieldSources => FIELD_SOURCES,
        Column::Languages => "muss aus Sprachcodes nach ISO 639 bestehen, z. B. de; tr",
        Column::Umbrella
        | Column::Lon
        | Column::Precision
        | Column::Offers
        | Column::Servicestelle
        | Column::Topics
        | Column::SourceNote
        | Column::CarrierServicestelle
        | Column::CarrierWebsite
        | Column::SourceCredit => return None,
    })
}

pub const FIELD_SOURCES: &str = "muss leer bleiben oder die Liste sein, die der Export \
     schreibt (JSON: je Eintrag „fields“, „url“, „seen“, wahlweise „credit“ und „note“); \
     ändern Sie sie am besten nicht von Hand";

// ------------------------------------------------------------- repairs

pub const TRIMMED: &str = "Leerzeichen am Anfang/Ende entfernt";
pub const LABEL_TO_CODE: &str = "Bezeichnung in den Code umgewandelt";
pub const LABELS_TO_CODES: &str = "Bezeichnungen in Codes umgewandelt";
pub const LANGUAGES_TO_CODES: &str = "Sprachnamen in Sprachcodes umgewandelt";
pub const DUPLICATES_REMOVED: &str = "doppelte Einträge entfernt";
pub const ZEROS_RESTORED: &str =
    "führende Nullen ergänzt (das Tabellenprogramm hatte eine Zahl daraus gemacht)";
pub const ZERO_RESTORED: &str =
    "führende 0 ergänzt (das Tabellenprogramm hatte eine Zahl daraus gemacht)";
pub const EMPTY_AS_NO: &str = "leere Zelle als „nein“ gelesen";
pub const READ_AS_YES: &str = "als „ja“ gelesen";
pub const READ_AS_NO: &str = "als „nein“ gelesen";
pub const MAILTO_REMOVED: &str = "„mailto:“ entfernt";
pub const HTTPS_ADDED: &str = "„https://“ ergänzt";
pub const DATE_CONVERTED: &str = "Datum ins Format JJJJ-MM-TT umgewandelt";

// ------------------------------------------------- remarks on a row

pub const NEW_ID: &str = "neue id, aus Name und Ort gebildet";

pub const RECOMPUTED: &str =
    "PLZ oder Ort geändert, Position unverändert: die Position wurde neu berechnet";

pub fn placed_in_postcode(postcode: &str) -> String {
    format!("Position berechnet: Mitte des PLZ-Gebiets {postcode} (Genauigkeit postcode)")
}

pub const PLACED_IN_GEMEINDE: &str =
    "Position berechnet: Mitte der Gemeinde (Genauigkeit municipality)";

pub fn placed_postcode_unknown(postcode: &str) -> String {
    format!(
        "{PLACED_IN_GEMEINDE}; die PLZ {postcode} steht nicht im PLZ-Verzeichnis – bitte prüfen"
    )
}

pub fn placed_postcode_elsewhere(postcode: &str, city: &str) -> String {
    format!(
        "{PLACED_IN_GEMEINDE}; die PLZ {postcode} liegt nicht in „{city}“ – bitte PLZ und Ort prüfen"
    )
}

pub fn placed_by_override(note: &str) -> String {
    format!("Ort über data/place-overrides.tsv zugeordnet: {note}")
}

/// `Genauigkeit „postcode“ ersetzt durch „municipality“ (berechnet)`.
pub fn replaced(column: Column, old: &str, new: &str) -> String {
    format!(
        "{} „{old}“ ersetzt durch „{new}“ (berechnet)",
        column.heading()
    )
}

pub fn outside_kreis(name: &str, code: &str) -> String {
    format!("Hinweis: die Position liegt nicht im Kreis {name} (Schlüssel {code})")
}

pub fn ags_computed(ags: &str) -> String {
    format!("AGS {ags} aus der Position berechnet")
}

pub fn position_in_other_gemeinde(name: &str, ags: &str, given: &str) -> String {
    format!("Hinweis: die Position liegt in {name} (AGS {ags}), die Spalte AGS nennt {given}")
}

pub fn filled_from_ags(column: Column, value: &str) -> String {
    format!("{} „{value}“ aus dem AGS ergänzt", column.heading())
}

// ------------------------------------------------------ the result

pub fn spread(radius_m: f64, groups: &[String]) -> String {
    format!(
        "Einträge mit genau gleicher Position wurden im Kreis ({radius_m} m) auseinandergezogen, \
         damit sie auf der Karte nicht übereinander liegen: {}",
        groups.join("; ")
    )
}

pub const WOULD_BE_EMPTY: &str =
    "Der neue Datensatz wäre leer. Nichts wurde geschrieben. Enthält die \
     Tabelle Datenzeilen unter der Überschriftenzeile?";

pub fn too_many_removed(removed: usize, allowed: usize) -> String {
    format!(
        "{removed} Einträge des bisherigen Datensatzes fehlen in der Tabelle und würden entfernt \
         (erlaubt: {allowed}). Stammt die Tabelle aus einer gefilterten Liste? Nichts wurde \
         geschrieben. Wenn das Entfernen gewollt ist, wiederholen Sie den Import mit \
         --max-removed {removed}."
    )
}

pub fn check_failed(messages: &[String]) -> String {
    format!(
        "Der erzeugte Datensatz besteht die Prüfung nicht (ein Fehler im Werkzeug; bitte melden):\n{}",
        messages.join("\n")
    )
}

pub fn over_budget(gzip: usize, budget: usize) -> String {
    format!(
        "Der Datensatz ist {gzip} Bytes groß (gzip), mehr als die geplanten {budget} Bytes; die App \
         lädt etwas langsamer. Bitte den Entwicklern Bescheid geben."
    )
}

#[cfg(test)]
mod tests;

//! The current data as an Excel file (`.xlsx`, also opened by LibreOffice):
//! a first sheet that explains the columns and the allowed values, then the
//! sheet [`DATA_SHEET`] with the export's columns and cells. Every data
//! column is formatted as text, so postcodes, AGS and phone numbers keep
//! their leading zeros when edited. The import reads it back
//! ([`crate::import::workbook`]); unchanged, it gives the same dataset.

use ia_core::columns::Column;
use ia_core::export::csv_values;
use ia_core::{Dataset, Offer, Precision, Topic, Umbrella};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

pub use crate::import::workbook::DATA_SHEET;
use crate::{Error, Result};

/// The explanation sheet's name.
pub const HELP_SHEET: &str = "Erläuterungen";

/// Writes the dataset's records as a workbook.
pub fn to_xlsx(dataset: &Dataset) -> Result<Vec<u8>> {
    write(dataset).map_err(|err| Error(format!("Excel-Datei: {err}")))
}

fn write(dataset: &Dataset) -> std::result::Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // A fixed date (the data's): the same data gives the same file, and no
    // clock is read (there is none in Wasm without JavaScript).
    let (year, month, day) = ymd(&dataset.meta.as_of).unwrap_or((2026, 1, 1));
    let created = ExcelDateTime::from_ymd(year, month, day)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let text = Format::new().set_num_format("@");

    let help = workbook.add_worksheet().set_name(HELP_SHEET)?;
    help.set_column_width(0, 24)?;
    help.set_column_width(1, 28)?;
    help.set_column_width(2, 90)?;
    help.write_string_with_format(0, 0, "Agenturen der Integrationsagenturen NRW", &bold)?;
    let intro = [
        "So pflegen Sie die Daten: Ändern Sie im Blatt „Agenturen“ die Zellen, fügen Sie unten Zeilen \
         für neue Agenturen an (Spalte „id“ leer lassen) oder löschen Sie Zeilen. Speichern Sie die \
         Datei (als .xlsx oder .ods) und ziehen Sie sie auf die Seite „Daten pflegen“ (pflege.html).",
        "Einfach gesagt: Ändern Sie nur die Zellen. Die Seite prüft die Datei danach. \
         Sie sagt Ihnen, wenn etwas nicht stimmt.",
        "Alle Spalten sind als Text formatiert: Nullen am Anfang (PLZ 01067, AGS 05…, Telefon 0211 …) \
         bleiben erhalten.",
    ];
    for (row, line) in (2u32..).zip(intro) {
        help.merge_range(row, 0, row, 2, line, &wrap)?;
        help.set_row_height(row, 45)?;
    }
    let first = 6u32;
    for (col, heading) in (0u16..).zip([
        "Spalte",
        "Muss ausgefüllt sein?",
        "Bedeutung und erlaubte Werte",
    ]) {
        help.write_string_with_format(first, col, heading, &bold)?;
    }
    for (row, column) in (first + 1..).zip(Column::ALL) {
        let (required, meaning) = explain(column);
        help.write_string(row, 0, column.heading())?;
        help.write_string_with_format(row, 1, required, &wrap)?;
        help.write_string_with_format(row, 2, &meaning, &wrap)?;
    }

    let sheet = workbook.add_worksheet().set_name(DATA_SHEET)?;
    for (col, heading) in (0u16..).zip(Column::HEADINGS) {
        sheet.set_column_format(col, &text)?;
        sheet.set_column_width(col, 18)?;
        sheet.write_string_with_format(0, col, heading, &bold)?;
    }
    sheet.set_freeze_panes(1, 2)?;
    for (row, agency) in (1u32..).zip(&dataset.agencies) {
        for (col, value) in (0u16..).zip(csv_values(agency)) {
            if !value.is_empty() {
                sheet.write_string_with_format(row, col, &value, &text)?;
            }
        }
    }
    workbook.save_to_buffer()
}

/// `JJJJ-MM-TT` → numbers.
fn ymd(date: &str) -> Option<(u16, u8, u8)> {
    let mut parts = date.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Some((year, month, day))
}

/// Codes joined for the explanation.
fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> String {
    all.iter().map(|v| code(*v)).collect::<Vec<_>>().join(", ")
}

/// Whether a column must be filled in, and what it means (as in
/// docs/data-maintenance.md, "Die Spalten").
fn explain(column: Column) -> (&'static str, String) {
    let list = "mehrere durch „;“ getrennt";
    match column {
        Column::Id => (
            "bei bestehenden Einträgen (nie ändern); bei neuen leer lassen",
            "feste Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen".into(),
        ),
        Column::Name => ("ja", "Name der Agentur, wie er in der Quelle steht".into()),
        Column::Carrier => ("ja", "rechtlicher Träger".into()),
        Column::Umbrella => (
            "ja",
            format!(
                "Wohlfahrtsverband des Trägers als Code: {}",
                codes(Umbrella::ALL, Umbrella::code)
            ),
        ),
        Column::Street => ("nein", "Straße und Hausnummer".into()),
        Column::CarrierServicestelle => (
            "nein (leer heißt nein)",
            "ja, wenn die Straße die Anschrift der Servicestelle desselben Trägers ist (die \
             Quellen nennen kein eigenes Büro der Agentur)"
                .into(),
        ),
        Column::Postcode => ("nein", "Postleitzahl, 5 Ziffern".into()),
        Column::City => ("ja", "Ort, wie in der Quelle (auch Ortsteil)".into()),
        Column::Ags => (
            "nein (wird berechnet)",
            "Amtlicher Gemeindeschlüssel, 8 Ziffern, beginnt mit 05".into(),
        ),
        Column::Municipality => (
            "nein (wird berechnet)",
            "Gemeinde, in der die Position liegt".into(),
        ),
        Column::Kreis => (
            "nein (wird berechnet)",
            "Kreis oder kreisfreie Stadt".into(),
        ),
        Column::Lat | Column::Lon => (
            "nein (wird berechnet)",
            "Position auf der Karte, Dezimalzahl mit Komma".into(),
        ),
        Column::Precision => (
            "wenn Breiten- und Längengrad eingetragen sind",
            format!(
                "wie genau die Position ist, als Code: {}",
                codes(Precision::ALL, Precision::code)
            ),
        ),
        Column::Offers => (
            "nein",
            format!(
                "Angebote laut Quelle, {list}: {}",
                codes(Offer::ALL, Offer::code)
            ),
        ),
        Column::CarrierWebsite => (
            "nein (leer heißt nein)",
            "ja, wenn die Website die des Trägers ist und keine Seite der Agentur".into(),
        ),
        Column::SourceCredit => (
            "nein",
            "wer die Daten der Quelle herausgibt, wenn die Seite eine Kopie ist (z. B. \
             Landeshauptstadt Düsseldorf)"
                .into(),
        ),
        Column::FieldSources => (
            "nein (nicht von Hand ändern)",
            "Quellen einzelner Angaben, die nicht aus der Hauptquelle stammen (Liste im \
             JSON-Format, wie der Export sie schreibt)"
                .into(),
        ),
        Column::Servicestelle => (
            "nein (leer heißt nein)",
            "ja, wenn der Eintrag eine Servicestelle für Antidiskriminierungsarbeit ist".into(),
        ),
        Column::Topics => (
            "nein",
            format!(
                "Beratungsschwerpunkte einer Servicestelle, {list}: {}",
                codes(Topic::ALL, Topic::code)
            ),
        ),
        Column::Phone => ("nein", "Telefonnummer mit Vorwahl".into()),
        Column::Email => ("nein", "E-Mail-Adresse".into()),
        Column::Website => ("nein", "Internetseite der Agentur".into()),
        Column::Languages => (
            "nein",
            format!("Beratungssprachen als Sprachcodes (de, en, tr, ar, ru, uk …), {list}"),
        ),
        Column::Source => ("ja", "Internetseite, von der die Angaben stammen".into()),
        Column::SourceNote => (
            "nein",
            "was in der Quelle steht oder wie der Eintrag zustande kam".into(),
        ),
        Column::LastVerified => (
            "nein",
            "Datum, an dem eine Person die Angaben bei der Agentur bestätigt hat (TT.MM.JJJJ)"
                .into(),
        ),
        Column::SourceSeen => (
            "ja (leer: bisheriges Datum)",
            "Datum, an dem die Quelle gelesen wurde (TT.MM.JJJJ)".into(),
        ),
        Column::SourceDate => (
            "nein",
            "wie alt die Angaben der Quelle sind: Jahr, Monat oder Tag".into(),
        ),
    }
}

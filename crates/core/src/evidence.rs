//! How old the evidence for a record is (schema v2 dates).
//!
//! A record has up to three dates (see `docs/dataset.md`, "Dates"):
//! `last_verified` (a person confirmed it with the agency or its network),
//! `source_seen` (the day the public source was read) and `source_date` (the
//! date of its newest dated source, where a source states one). The
//! evidence that the agency exists as described is the newer of
//! `last_verified` and the source's date. Reading a source says nothing
//! about when it was written: a record with neither date is *undated*.
//!
//! A record whose evidence is older than [`OLD_AFTER_YEARS`] years, or that
//! is undated, says so in the list and the detail ("Angaben aus 2014 – bitte
//! vor einem Besuch prüfen"; issue 27), and the coverage table counts it.

use crate::dataset::Agency;
use crate::validate::{is_iso_date, is_source_date};

/// Evidence older than this many years is old. The one threshold of the
/// "Angaben aus … – bitte vor einem Besuch prüfen" note.
pub const OLD_AFTER_YEARS: i32 = 5;

/// The newest dated evidence for a record, as written in the record
/// (`2021`, `2025-09` or `2026-11-24`): the newer of its source's date and
/// its confirmation. `None` when the record has neither (undated).
pub fn newest_evidence(agency: &Agency) -> Option<&str> {
    let source = agency.source_date.as_deref().filter(|d| is_source_date(d));
    let verified = Some(agency.last_verified.as_str()).filter(|d| is_iso_date(d));
    match (source, verified) {
        (Some(a), Some(b)) => Some(if latest_day(a) >= latest_day(b) { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// How old a record's evidence is on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Age<'a> {
    /// Newer than [`OLD_AFTER_YEARS`] years.
    Recent,
    /// Older: the year of the newest evidence (`"2014"`).
    Old(&'a str),
    /// No source date and no confirmation.
    Undated,
}

impl Age<'_> {
    /// True when the record should be checked before a visit.
    pub fn needs_check(self) -> bool {
        self != Age::Recent
    }
}

/// The age of a record's evidence on `today` (`YYYY-MM-DD`). A partial date
/// counts as its last day: `2021` is old from 2027-01-01 on. A `today` that
/// is not a date gives [`Age::Recent`] for a dated record (nothing to
/// compare), [`Age::Undated`] for an undated one.
pub fn age<'a>(agency: &'a Agency, today: &str) -> Age<'a> {
    let Some(evidence) = newest_evidence(agency) else {
        return Age::Undated;
    };
    let limit = is_iso_date(today)
        .then(|| {
            let year: i32 = today.get(..4)?.parse().ok()?;
            Some(format!("{:04}{}", year - OLD_AFTER_YEARS, today.get(4..)?))
        })
        .flatten();
    match limit {
        Some(limit) if latest_day(evidence) < limit => {
            Age::Old(evidence.get(..4).unwrap_or(evidence))
        }
        _ => Age::Recent,
    }
}

/// The last day a partial date can mean, as a comparable `YYYY-MM-DD` text
/// (`2021` → `2021-12-31`, `2025-09` → `2025-09-31`: only for ordering).
fn latest_day(date: &str) -> String {
    match date.len() {
        4 => format!("{date}-12-31"),
        7 => format!("{date}-31"),
        _ => date.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agency(last_verified: &str, source_seen: &str, source_date: Option<&str>) -> Agency {
        let mut agency = crate::synthetic::synthetic_dataset(1, 1).agencies.remove(0);
        agency.last_verified = last_verified.into();
        agency.source_seen = source_seen.into();
        agency.source_date = source_date.map(str::to_owned);
        agency
    }

    #[test]
    fn the_source_date_counts_not_the_day_it_was_read() {
        let old_source = agency("", "2026-11-24", Some("2014"));
        assert_eq!(newest_evidence(&old_source), Some("2014"));
        assert_eq!(age(&old_source, "2026-11-24"), Age::Old("2014"));
        // 2021 means up to 2021-12-31: not yet five years old on 2026-12-31.
        let source_2021 = agency("", "2026-11-24", Some("2021"));
        assert_eq!(age(&source_2021, "2026-12-31"), Age::Recent);
        assert_eq!(age(&source_2021, "2027-01-01"), Age::Old("2021"));
        let month = agency("", "2026-11-24", Some("2017-02"));
        assert_eq!(age(&month, "2026-12-07"), Age::Old("2017"));
    }

    #[test]
    fn a_record_without_source_date_or_confirmation_is_undated() {
        let undated = agency("", "2026-11-24", None);
        assert_eq!(newest_evidence(&undated), None);
        assert_eq!(age(&undated, "2026-12-01"), Age::Undated);
        assert!(age(&undated, "2026-12-01").needs_check());
        // A date that is not one does not count either.
        let nonsense = agency("", "", Some("um 2020"));
        assert_eq!(age(&nonsense, "2030-01-01"), Age::Undated);
    }

    #[test]
    fn a_confirmation_is_newer_evidence() {
        let confirmed = agency("2026-03-02", "2026-11-24", Some("2019-05"));
        assert_eq!(newest_evidence(&confirmed), Some("2026-03-02"));
        assert_eq!(age(&confirmed, "2026-12-01"), Age::Recent);
        assert!(!age(&confirmed, "2026-12-01").needs_check());
        let newer_source = agency("2020-01-10", "2026-11-24", Some("2025-09"));
        assert_eq!(newest_evidence(&newer_source), Some("2025-09"));
        let only_confirmed = agency("2019-05-02", "2026-11-24", None);
        assert_eq!(age(&only_confirmed, "2026-12-01"), Age::Old("2019"));
    }

    #[test]
    fn leap_days_and_bad_input() {
        let confirmed = agency("2023-02-28", "2025-02-28", None);
        assert_eq!(age(&confirmed, "2028-02-28"), Age::Recent);
        assert_eq!(age(&confirmed, "2028-02-29"), Age::Old("2023"));
        assert_eq!(age(&confirmed, "gestern"), Age::Recent);
    }
}

//! How old the evidence for a record is (schema v2 dates).
//!
//! A record has up to three dates (see `docs/dataset.md`, "Dates"):
//! `last_verified` (a person confirmed it with the agency or its network),
//! `source_seen` (the day the public source was read) and `source_date` (the
//! source's own date, where known). The evidence that the agency exists as
//! described is the newest of `last_verified` and the source's date. An
//! undated source counts from the day it was read, because the page was
//! online then. Reading an old, dated source today is no new evidence.

use crate::dataset::Agency;
use crate::validate::{is_iso_date, is_source_date};

/// Evidence older than this many years is flagged ("nicht bestätigt seit …").
pub const STALE_AFTER_YEARS: i32 = 3;

/// The newest evidence for a record, as written in the record (`2021`,
/// `2025-09` or `2026-11-24`). `None` only for a record without any valid date.
pub fn newest_evidence(agency: &Agency) -> Option<&str> {
    let source = match agency.source_date.as_deref() {
        Some(date) if is_source_date(date) => Some(date),
        _ => Some(agency.source_seen.as_str()).filter(|d| is_iso_date(d)),
    };
    let verified = Some(agency.last_verified.as_str()).filter(|d| is_iso_date(d));
    match (source, verified) {
        (Some(a), Some(b)) => Some(if latest_day(a) >= latest_day(b) { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// The newest evidence when it is older than [`STALE_AFTER_YEARS`] years on
/// `today` (`YYYY-MM-DD`), for "nicht bestätigt seit {date}"; `None` when the
/// record is fresh enough (or `today` is not a date). A partial date counts
/// as its last day: `2021` is older than three years from 2025-01-01 on.
pub fn stale_since<'a>(agency: &'a Agency, today: &str) -> Option<&'a str> {
    if !is_iso_date(today) {
        return None;
    }
    let evidence = newest_evidence(agency)?;
    let year: i32 = today.get(..4)?.parse().ok()?;
    let limit = format!("{:04}{}", year - STALE_AFTER_YEARS, today.get(4..)?);
    (latest_day(evidence) < limit).then_some(evidence)
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
        let old_source = agency("", "2026-11-24", Some("2021"));
        assert_eq!(newest_evidence(&old_source), Some("2021"));
        assert_eq!(stale_since(&old_source, "2026-11-24"), Some("2021"));
        // 2021 means up to 2021-12-31: not yet three years old on 2024-12-31.
        assert_eq!(stale_since(&old_source, "2024-12-31"), None);
        assert_eq!(stale_since(&old_source, "2025-01-01"), Some("2021"));
    }

    #[test]
    fn an_undated_source_counts_from_the_day_it_was_read() {
        let undated = agency("", "2026-11-24", None);
        assert_eq!(newest_evidence(&undated), Some("2026-11-24"));
        assert_eq!(stale_since(&undated, "2026-12-01"), None);
        assert_eq!(stale_since(&undated, "2029-11-24"), None);
        assert_eq!(stale_since(&undated, "2029-11-25"), Some("2026-11-24"));
    }

    #[test]
    fn a_confirmation_is_newer_evidence() {
        let confirmed = agency("2026-03-02", "2026-11-24", Some("2019-05"));
        assert_eq!(newest_evidence(&confirmed), Some("2026-03-02"));
        assert_eq!(stale_since(&confirmed, "2026-12-01"), None);
        let newer_source = agency("2020-01-10", "2026-11-24", Some("2025-09"));
        assert_eq!(newest_evidence(&newer_source), Some("2025-09"));
    }

    #[test]
    fn leap_days_and_bad_input() {
        let seen = agency("", "2025-02-28", None);
        assert_eq!(stale_since(&seen, "2028-02-29"), Some("2025-02-28"));
        assert_eq!(stale_since(&seen, "gestern"), None);
        let nothing = agency("", "", Some("um 2020"));
        assert_eq!(newest_evidence(&nothing), None);
        assert_eq!(stale_since(&nothing, "2030-01-01"), None);
    }
}

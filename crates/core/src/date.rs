//! Calendar dates as `YYYY-MM-DD` from a count of days, without a date
//! library: the spreadsheet import's Excel dates (`ia_upkeep`) and the day
//! `ia-prerender` runs (`ia_map::site`'s "today").

/// The civil date `days` after 1970-01-01 (negative: before), proleptic
/// Gregorian (Howard Hinnant's `civil_from_days`).
pub fn from_unix_days(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The UTC date of a Unix time in seconds.
pub fn from_unix_seconds(seconds: u64) -> String {
    from_unix_days((seconds / 86_400) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_days() {
        assert_eq!(from_unix_days(0), "1970-01-01");
        assert_eq!(from_unix_days(-1), "1969-12-31");
        assert_eq!(from_unix_days(-25_568), "1899-12-31");
        assert_eq!(from_unix_days(19_782), "2024-02-29");
        assert_eq!(from_unix_days(20_788), "2026-12-01");
        assert_eq!(from_unix_seconds(1_796_083_199), "2026-11-30");
        assert_eq!(from_unix_seconds(1_796_083_200), "2026-12-01");
    }

    proptest! {
        /// Consecutive days are consecutive dates: the day after the last of
        /// a month is the first of the next, and every result is a date.
        #[test]
        fn consecutive_days_count_up(days in -719_000i64..2_900_000) {
            let today = from_unix_days(days);
            let tomorrow = from_unix_days(days + 1);
            prop_assert!(crate::validate::is_iso_date(&today), "{}", today);
            prop_assert!(tomorrow > today);
            if !tomorrow.ends_with("-01") {
                prop_assert_eq!(&tomorrow[..8], &today[..8]);
                let (a, b): (u32, u32) = (today[8..].parse().unwrap(), tomorrow[8..].parse().unwrap());
                prop_assert_eq!(b, a + 1);
            }
        }
    }
}

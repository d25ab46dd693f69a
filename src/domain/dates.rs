//! Calendar arithmetic on plain integers (no clock is read here).

/// The UTC calendar date `YYYY-MM-DD` of a time in ms since the Unix epoch.
pub fn iso_date_from_ms(ms: i64) -> String {
    let (y, m, d) = civil_from_days(ms.div_euclid(86_400_000));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Year, month (1–12) and day (1–31) of a count of days since 1970-01-01
/// (Howard Hinnant's `civil_from_days`, valid far beyond any plan's horizon).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, or `None` when it is not a real date.
pub fn day_number(iso: &str) -> Option<i64> {
    let (y, m, d) = crate::domain::engagement::parse_date(iso)?;
    Some(crate::domain::governance::calendar::days_from_civil(
        y, m, d,
    ))
}

/// The `YYYY-MM-DD` date of a count of days since 1970-01-01.
pub fn iso_from_days(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day `months` calendar months after a day number; a day past the end of the target month
/// falls back to its last day (31 January + 1 month = 28 or 29 February; 29 February 2028 + 12
/// months = 28 February 2029).
pub fn add_months(days: i64, months: u32) -> i64 {
    use crate::domain::governance::calendar::{days_from_civil, days_in_month};
    let (y, m, d) = civil_from_days(days);
    let total = y * 12 + i64::from(m) - 1 + i64::from(months);
    let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    let Ok(ny) = i32::try_from(ny) else {
        return days;
    };
    days_from_civil(ny, nm, d.min(days_in_month(ny, nm)))
}

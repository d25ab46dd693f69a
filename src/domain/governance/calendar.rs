//! Dates of the meetings: every occurrence in the fiscal year, and the year laid out by month.

use serde::{Deserialize, Serialize};

use super::{Cadence, Meeting};
use crate::domain::dates::civil_from_days;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl Date {
    /// The date, not checked.
    pub const fn new(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let (y, m, d) = civil_from_days(days);
        Date::new(y as i32, m, d)
    }

    /// 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.days() + 3).rem_euclid(7) + 1) as u32
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// True for a Gregorian leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The day `day` of a month, or its last day when the month is shorter.
fn clamped(year: i32, month: u32, day: u8) -> Date {
    let day = u32::from(day.clamp(1, 31)).min(days_in_month(year, month));
    Date::new(year, month, day)
}

/// The last `weekday` (1 = Monday) of a month.
pub fn last_weekday_of(year: i32, month: u32, weekday: u32) -> Date {
    let last = Date::new(year, month, days_in_month(year, month));
    let back = (last.weekday() + 7 - weekday) % 7;
    Date::new(year, month, last.day - back)
}

/// The first month (1–12) of `year` in which a meeting of `every` months anchored on `month`
/// falls: the anchor month reduced into the first cycle (May for quarterly → February).
pub fn first_month(month: u8, every: u32) -> u32 {
    let month = u32::from(month.clamp(1, 12));
    (month - 1) % every + 1
}

/// Every date of `meeting` in the fiscal (calendar) year `year`, in order.
///
/// Weekly: each anchor weekday of the year. Biweekly: the first anchor weekday of the year, then
/// every 14 days. Monthly: the anchor day of each month (its last day when the month is
/// shorter) or the last anchor weekday. Quarterly / semiannual / annual: the anchor day in the
/// anchor month and every 3 / 6 / 12 months from it, wrapped into the year.
pub fn occurrences(meeting: &Meeting, year: i32) -> Vec<Date> {
    let anchor = &meeting.anchor;
    let weekday = u32::from(anchor.weekday.clamp(1, 7));
    match meeting.cadence {
        Cadence::Weekly | Cadence::Biweekly => {
            let step = if meeting.cadence == Cadence::Weekly {
                7
            } else {
                14
            };
            let jan1 = Date::new(year, 1, 1);
            let first = jan1.days() + i64::from((weekday + 7 - jan1.weekday()) % 7);
            let end = Date::new(year, 12, 31).days();
            (first..=end).step_by(step).map(Date::from_days).collect()
        }
        Cadence::Monthly if anchor.last_weekday => (1..=12)
            .map(|m| last_weekday_of(year, m, weekday))
            .collect(),
        cadence => {
            let every = cadence.months().unwrap_or(1);
            let first = if every == 1 {
                1
            } else {
                first_month(anchor.month, every)
            };
            (first..=12)
                .step_by(every as usize)
                .map(|m| clamped(year, m, anchor.day))
                .collect()
        }
    }
}

/// One meeting on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// Index into `Governance::meetings`.
    pub meeting: usize,
    /// The day.
    pub date: Date,
}

/// A day of the year with its meetings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarDay {
    /// The day.
    pub date: Date,
    /// Indices into `Governance::meetings`, in meeting order.
    pub meetings: Vec<usize>,
}

/// One month of the year calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarMonth {
    /// Month, 1–12.
    pub month: u32,
    /// Weekday of the 1st (1 = Monday), to lay out the grid.
    pub first_weekday: u32,
    /// Every day of the month, in order.
    pub days: Vec<CalendarDay>,
    /// Meeting occurrences in the month (one per meeting and day, not per account).
    pub occurrences: usize,
}

/// The fiscal year laid out as 12 months.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearCalendar {
    /// The year.
    pub year: i32,
    /// January to December.
    pub months: Vec<CalendarMonth>,
    /// Meeting occurrences in the year.
    pub total: usize,
}

/// The year calendar of `meetings` in `year`.
pub fn year_calendar(meetings: &[Meeting], year: i32) -> YearCalendar {
    let mut months: Vec<CalendarMonth> = (1..=12)
        .map(|m| CalendarMonth {
            month: m,
            first_weekday: Date::new(year, m, 1).weekday(),
            days: (1..=days_in_month(year, m))
                .map(|d| CalendarDay {
                    date: Date::new(year, m, d),
                    meetings: Vec::new(),
                })
                .collect(),
            occurrences: 0,
        })
        .collect();
    let mut total = 0;
    for (i, meeting) in meetings.iter().enumerate() {
        for date in occurrences(meeting, year) {
            let month = &mut months[(date.month - 1) as usize];
            if let Some(day) = month.days.get_mut((date.day - 1) as usize) {
                day.meetings.push(i);
                month.occurrences += 1;
                total += 1;
            }
        }
    }
    YearCalendar {
        year,
        months,
        total,
    }
}

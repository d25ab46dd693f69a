//! The routine meetings as an RFC 5545 calendar (`.ics`): one VEVENT per meeting with an RRULE
//! that describes exactly the dates `governance::occurrences` computes in the fiscal year.
//!
//! Times are **floating local times** (no TZID, no `Z`): the meetings are held at 09:00 wherever
//! the team is, and a calendar app shows them at that wall-clock time. This avoids shipping a
//! VTIMEZONE block; `UNTIL` is floating too, as RFC 5545 §3.3.10 requires with a floating
//! DTSTART. Pure: the caller passes the export time and the labels in the user's language.

use std::collections::BTreeMap;

use crate::domain::dates::civil_from_days;
use crate::domain::governance::calendar::{first_month, occurrences};
use crate::domain::governance::{Cadence, Governance, Meeting};
use crate::domain::text::in_language;

/// Longest content line in octets, CRLF excluded (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Words of the DESCRIPTION in the user's language, and the meeting names to use.
#[derive(Clone, Debug, PartialEq)]
pub struct IcsLabels {
    /// True to use `name_zh` (falling back to `name_en` when empty), false for the reverse.
    pub chinese: bool,
    /// "Participants".
    pub participants: String,
    /// "Inputs".
    pub inputs: String,
    /// "Outputs".
    pub outputs: String,
    /// "Tiers".
    pub tiers: String,
    /// "Held per account" / "Held once".
    pub per_account: String,
    /// "Held once".
    pub once: String,
    /// Role names by role id; an id without a name is written as it is.
    pub role_names: BTreeMap<String, String>,
    /// Tier names by tier id; an id without a name is written as it is.
    pub tier_names: BTreeMap<String, String>,
}

/// The calendar of `doc` for fiscal year `year`. `calendar_id` (the workspace id) makes the UIDs
/// unique across workspaces; `now_ms` is the DTSTAMP.
pub fn calendar(
    doc: &Governance,
    year: i32,
    calendar_id: &str,
    labels: &IcsLabels,
    now_ms: i64,
) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//KAM Planner//Routine management//ZH".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    let stamp = utc_stamp(now_ms);
    let domain = uid_part(calendar_id);
    for meeting in &doc.meetings {
        let dates = occurrences(meeting, year);
        let Some(first) = dates.first() else { continue };
        let (h, m) = meeting.start();
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!(
            "UID:{}-{year}@{domain}.kam-planner",
            uid_part(&meeting.id)
        ));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!(
            "DTSTART:{:04}{:02}{:02}T{h:02}{m:02}00",
            first.year, first.month, first.day
        ));
        lines.push(format!("DURATION:{}", duration(meeting.duration_hours)));
        lines.push(format!("RRULE:{}", rrule(meeting, year)));
        lines.push(format!(
            "SUMMARY:{}",
            escape(&name(meeting, labels.chinese))
        ));
        lines.push(format!(
            "DESCRIPTION:{}",
            escape(&description(meeting, labels))
        ));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
    }
    out
}

/// The name of a meeting in the chosen language, falling back to the other.
fn name(meeting: &Meeting, chinese: bool) -> String {
    let (first, second) = if chinese {
        (&meeting.name_zh, &meeting.name_en)
    } else {
        (&meeting.name_en, &meeting.name_zh)
    };
    if first.trim().is_empty() {
        second
    } else {
        first
    }
    .clone()
}

fn description(meeting: &Meeting, labels: &IcsLabels) -> String {
    let named = |ids: &[String], names: &BTreeMap<String, String>| {
        ids.iter()
            .map(|id| names.get(id).unwrap_or(id).as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let held = if meeting.per_account {
        &labels.per_account
    } else {
        &labels.once
    };
    format!(
        "{}: {}\n{}: {} ({held})\n{}: {}\n{}: {}",
        labels.participants,
        named(&meeting.roles, &labels.role_names),
        labels.tiers,
        named(&meeting.tiers, &labels.tier_names),
        labels.inputs,
        in_language(&meeting.inputs, labels.chinese).0,
        labels.outputs,
        in_language(&meeting.outputs, labels.chinese).0
    )
}

/// The RRULE value (without `RRULE:`) of a meeting in `year`, ending with the fiscal year.
pub fn rrule(meeting: &Meeting, year: i32) -> String {
    const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    let a = &meeting.anchor;
    let weekday = DAYS[usize::from(a.weekday.clamp(1, 7) - 1)];
    let rule = match meeting.cadence {
        Cadence::Weekly => format!("FREQ=WEEKLY;BYDAY={weekday}"),
        Cadence::Biweekly => format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={weekday}"),
        Cadence::Monthly if a.last_weekday => format!("FREQ=MONTHLY;BYDAY=-1{weekday}"),
        Cadence::Monthly => format!("FREQ=MONTHLY;{}", month_day(a.day)),
        Cadence::Quarterly => format!("FREQ=MONTHLY;INTERVAL=3;{}", month_day(a.day)),
        Cadence::Semiannual => format!("FREQ=MONTHLY;INTERVAL=6;{}", month_day(a.day)),
        Cadence::Annual => format!(
            "FREQ=YEARLY;BYMONTH={};{}",
            first_month(a.month, 12),
            month_day(a.day)
        ),
    };
    format!("{rule};UNTIL={year:04}1231T235959")
}

/// BYMONTHDAY for `day`, falling on the month's last day when the month is shorter: days up to
/// 28 exist in every month; for 29–31 the rule lists 28…day and keeps the last one that exists
/// (`BYSETPOS=-1`), so day 31 is 30 April and 28/29 February.
fn month_day(day: u8) -> String {
    let day = day.clamp(1, 31);
    if day <= 28 {
        format!("BYMONTHDAY={day}")
    } else {
        let days: Vec<String> = (28..=day).map(|d| d.to_string()).collect();
        format!("BYMONTHDAY={};BYSETPOS=-1", days.join(","))
    }
}

/// `PT<h>H<m>M` of a duration in hours, rounded to the minute (at least one minute).
fn duration(hours: f64) -> String {
    let minutes = if hours.is_finite() {
        (hours * 60.0).round().clamp(1.0, 24.0 * 60.0) as u32
    } else {
        60
    };
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("PT{h}H"),
        (0, m) => format!("PT{m}M"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// `YYYYMMDDTHHMMSSZ` of a time in ms since the epoch.
fn utc_stamp(ms: i64) -> String {
    let (y, mo, d) = civil_from_days(ms.div_euclid(86_400_000));
    let secs = ms.div_euclid(1000).rem_euclid(86_400);
    format!(
        "{y:04}{mo:02}{d:02}T{:02}{:02}{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// An id reduced to characters safe in a UID (letters, digits, `-`, `_`, `.`).
fn uid_part(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if s.is_empty() {
        "x".into()
    } else {
        s
    }
}

/// TEXT escaping of RFC 5545 §3.3.11: `\` `;` `,` and newlines; carriage returns are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line folded to at most [`MAX_LINE_OCTETS`] octets per line (a continuation line
/// starts with a space, which counts), each ending in CRLF; never splits a UTF-8 character.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

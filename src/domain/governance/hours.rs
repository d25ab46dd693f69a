//! Hours each role spends in meetings per month, and the warnings on the rhythm.

use std::collections::BTreeMap;

use super::calendar::occurrences;
use super::{Governance, Meeting};
use crate::domain::org::OrgDesign;

/// Working hours of one person in a month.
pub const MONTH_HOURS: f64 = 160.0;

/// Share of [`MONTH_HOURS`] above which a role spends too much time in meetings.
pub const MEETING_SHARE_LIMIT: f64 = 0.20;

/// Times a meeting is held on each of its dates: once, or once per account in its tier scope.
pub fn sessions(meeting: &Meeting, accounts: &BTreeMap<String, usize>) -> usize {
    if meeting.per_account {
        meeting
            .tiers
            .iter()
            .map(|t| accounts.get(t).copied().unwrap_or(0))
            .sum()
    } else {
        1
    }
}

/// What one meeting adds to a role's hours.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingShare {
    /// Index into `Governance::meetings`.
    pub meeting: usize,
    /// Dates of the meeting in the year.
    pub dates: usize,
    /// Sessions per date (accounts in scope for a per-account meeting, else 1).
    pub sessions: usize,
    /// Hours per session.
    pub duration_hours: f64,
    /// dates × sessions × duration.
    pub hours: f64,
}

/// Meeting hours of one role, month by month, and what they come from.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleHours {
    /// Role id.
    pub role: String,
    /// Hours in January … December (all people of the role together).
    pub months: [f64; 12],
    /// Hours in the year.
    pub total: f64,
    /// People holding the role (`ws.org.people`).
    pub headcount: usize,
    /// The meetings the role sits in.
    pub meetings: Vec<MeetingShare>,
}

impl RoleHours {
    /// Hours per person in month `index` (0 = January); `None` when no one holds the role.
    pub fn per_person(&self, index: usize) -> Option<f64> {
        let hours = *self.months.get(index)?;
        (self.headcount > 0).then(|| hours / self.headcount as f64)
    }

    /// The month (0 = January) with the most hours per person, and those hours.
    pub fn peak(&self) -> Option<(usize, f64)> {
        (0..12)
            .filter_map(|i| self.per_person(i).map(|h| (i, h)))
            .fold(None, |best: Option<(usize, f64)>, (i, h)| match best {
                Some((_, b)) if b >= h => best,
                _ => Some((i, h)),
            })
    }
}

/// Hours per role per month in `year`: for each meeting date, the duration times its sessions
/// ([`sessions`]), added to each participant role. Roles in `org.roles` order; headcount from
/// `org.people`.
pub fn role_hours(
    doc: &Governance,
    org: &OrgDesign,
    accounts: &BTreeMap<String, usize>,
    year: i32,
) -> Vec<RoleHours> {
    let mut rows: Vec<RoleHours> = org
        .roles
        .iter()
        .map(|r| RoleHours {
            role: r.id.clone(),
            months: [0.0; 12],
            total: 0.0,
            headcount: org.people.iter().filter(|p| p.role == r.id).count(),
            meetings: Vec::new(),
        })
        .collect();
    for (i, meeting) in doc.meetings.iter().enumerate() {
        let duration = if meeting.duration_hours.is_finite() && meeting.duration_hours > 0.0 {
            meeting.duration_hours
        } else {
            0.0
        };
        let sessions = sessions(meeting, accounts);
        let dates = occurrences(meeting, year);
        let per_date = duration * sessions as f64;
        for row in rows.iter_mut().filter(|r| meeting.roles.contains(&r.role)) {
            for date in &dates {
                row.months[(date.month - 1) as usize] += per_date;
            }
            let hours = per_date * dates.len() as f64;
            row.total += hours;
            row.meetings.push(MeetingShare {
                meeting: i,
                dates: dates.len(),
                sessions,
                duration_hours: duration,
                hours,
            });
        }
    }
    rows
}

/// Something in the rhythm that needs attention.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// No review meeting (a meeting marked `review` with a date in the year) covers this account
    /// tier.
    TierWithoutReview {
        /// Tier id.
        tier: String,
        /// Accounts in the tier.
        accounts: usize,
    },
    /// A person of this role spends more than the limit in meetings in at least one month.
    RoleOverloaded {
        /// Role id.
        role: String,
        /// The worst month, 0 = January.
        month: usize,
        /// Hours of all people of the role in that month.
        hours: f64,
        /// People holding the role.
        headcount: usize,
        /// hours ÷ headcount.
        per_person: f64,
        /// The limit: [`MEETING_SHARE_LIMIT`] × [`MONTH_HOURS`].
        limit: f64,
        /// Months above the limit.
        months_over: usize,
    },
}

/// The warnings of the rhythm: account tiers (`org.account_tiers`) with no recurring review
/// meeting, then roles whose people spend over 20 % of 160 h a month in meetings.
pub fn warnings(
    doc: &Governance,
    org: &OrgDesign,
    accounts: &BTreeMap<String, usize>,
    hours: &[RoleHours],
    year: i32,
) -> Vec<Warning> {
    let mut out = Vec::new();
    for tier in &org.account_tiers {
        let reviewed = doc
            .meetings
            .iter()
            .any(|m| m.review && m.tiers.contains(tier) && !occurrences(m, year).is_empty());
        if !reviewed {
            out.push(Warning::TierWithoutReview {
                tier: tier.clone(),
                accounts: accounts.get(tier).copied().unwrap_or(0),
            });
        }
    }
    let limit = MEETING_SHARE_LIMIT * MONTH_HOURS;
    for row in hours {
        let Some((month, per_person)) = row.peak() else {
            continue;
        };
        let months_over = (0..12)
            .filter(|&i| row.per_person(i).is_some_and(|h| h > limit + 1e-9))
            .count();
        if months_over > 0 {
            out.push(Warning::RoleOverloaded {
                role: row.role.clone(),
                month,
                hours: row.months[month],
                headcount: row.headcount,
                per_person,
                limit,
                months_over,
            });
        }
    }
    out
}

//! Checks of the governance document, run by the view before an edit is dispatched.

use std::collections::BTreeSet;

use super::{parse_time, Cadence, Governance};
use crate::domain::org::OrgDesign;

/// Which record a problem is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    /// Index into `Governance::bodies`.
    Body(usize),
    /// Index into `Governance::meetings`.
    Meeting(usize),
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// Neither a Chinese nor an English name.
    MissingName,
    /// The id is used by another record of the same list.
    DuplicateId(String),
    /// The owner role or a participant role is not a role of the organisation.
    UnknownRole(String),
    /// A tier of the scope is not a tier of the tiering.
    UnknownTier(String),
    /// The meeting names no body that exists.
    UnknownBody(String),
    /// No participant role.
    NoRoles,
    /// The duration is not a number of hours in (0, 24].
    BadDuration(f64),
    /// The weekday is not 1–7.
    BadWeekday(u8),
    /// The day of the month is not 1–31.
    BadDay(u8),
    /// The month is not 1–12.
    BadMonth(u8),
    /// The start time is not `HH:MM`.
    BadStartTime(String),
}

/// One problem of one record.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The record.
    pub owner: Owner,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// Every problem of `doc` against the organisation's roles and the tier ids.
pub fn check(doc: &Governance, org: &OrgDesign, tier_ids: &[String]) -> Vec<Problem> {
    let mut out = Vec::new();
    let role_known = |r: &str| org.roles.iter().any(|d| d.id == r);
    let mut seen = BTreeSet::new();
    for (i, body) in doc.bodies.iter().enumerate() {
        let mut push = |kind| {
            out.push(Problem {
                owner: Owner::Body(i),
                kind,
            })
        };
        if body.name_zh.trim().is_empty() && body.name_en.trim().is_empty() {
            push(ProblemKind::MissingName);
        }
        if !seen.insert(body.id.as_str()) {
            push(ProblemKind::DuplicateId(body.id.clone()));
        }
        if !body.owner_role.is_empty() && !role_known(&body.owner_role) {
            push(ProblemKind::UnknownRole(body.owner_role.clone()));
        }
    }
    let mut seen = BTreeSet::new();
    for (i, m) in doc.meetings.iter().enumerate() {
        let mut push = |kind| {
            out.push(Problem {
                owner: Owner::Meeting(i),
                kind,
            })
        };
        if m.name_zh.trim().is_empty() && m.name_en.trim().is_empty() {
            push(ProblemKind::MissingName);
        }
        if !seen.insert(m.id.as_str()) {
            push(ProblemKind::DuplicateId(m.id.clone()));
        }
        if !(m.duration_hours.is_finite() && m.duration_hours > 0.0 && m.duration_hours <= 24.0) {
            push(ProblemKind::BadDuration(m.duration_hours));
        }
        if parse_time(&m.start_time).is_none() {
            push(ProblemKind::BadStartTime(m.start_time.clone()));
        }
        if m.roles.is_empty() {
            push(ProblemKind::NoRoles);
        }
        for r in m.roles.iter().filter(|r| !role_known(r)) {
            push(ProblemKind::UnknownRole(r.clone()));
        }
        for t in m.tiers.iter().filter(|t| !tier_ids.contains(t)) {
            push(ProblemKind::UnknownTier(t.clone()));
        }
        if !m.body.is_empty() && doc.body(&m.body).is_none() {
            push(ProblemKind::UnknownBody(m.body.clone()));
        }
        let a = &m.anchor;
        let uses_weekday = matches!(m.cadence, Cadence::Weekly | Cadence::Biweekly)
            || (m.cadence == Cadence::Monthly && a.last_weekday);
        if uses_weekday && !(1..=7).contains(&a.weekday) {
            push(ProblemKind::BadWeekday(a.weekday));
        }
        if !uses_weekday && !(1..=31).contains(&a.day) {
            push(ProblemKind::BadDay(a.day));
        }
        if m.cadence.months().is_some_and(|n| n > 1) && !(1..=12).contains(&a.month) {
            push(ProblemKind::BadMonth(a.month));
        }
    }
    out
}

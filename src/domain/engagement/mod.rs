//! The 151 programme (151工程, SPEC §3.6): one team (the iron triangle), one database (this
//! workspace), five sales actions. Yearly targets of the actions per tier, the log of actions, and
//! completion per account, tier and action (in [`completion`]), which the KPI tool links to.
//!
//! The fiscal year `N` (`ws.meta.fiscal_year`) is taken as the calendar year N-01-01 … N-12-31;
//! entries dated outside it are kept and listed but count toward nothing.

pub mod completion;
mod demo;

use serde::{Deserialize, Serialize};

use super::org::stamp::{stamp_list, Entity};
use super::workspace::Workspace;

pub use completion::{completion_by_account, overall_completion_pct};
pub use demo::demo;

/// The five sales actions of the programme.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// 参观公司: the customer visits our company.
    #[default]
    CompanyVisit,
    /// 参观样板点: the customer visits a reference site.
    ReferenceVisit,
    /// 现场会: an on-site meeting at a customer's or reference site.
    OnsiteMeeting,
    /// 技术交流: a technical exchange.
    TechExchange,
    /// 高层拜访: an executive visit.
    ExecutiveVisit,
}

impl Action {
    /// Every action, in the order of the method.
    pub const ALL: [Action; 5] = [
        Action::CompanyVisit,
        Action::ReferenceVisit,
        Action::OnsiteMeeting,
        Action::TechExchange,
        Action::ExecutiveVisit,
    ];

    /// Identifier used in the file, in catalogue keys and in test ids.
    pub fn key(self) -> &'static str {
        match self {
            Action::CompanyVisit => "company_visit",
            Action::ReferenceVisit => "reference_visit",
            Action::OnsiteMeeting => "onsite_meeting",
            Action::TechExchange => "tech_exchange",
            Action::ExecutiveVisit => "executive_visit",
        }
    }

    /// The action of a [`key`](Action::key).
    pub fn from_key(key: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.key() == key)
    }

    /// Position in [`Action::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Whether an action has happened or is still to come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Scheduled; counts toward the plan, not toward completion.
    #[default]
    Planned,
    /// Happened; counts toward completion.
    Done,
}

/// A count per action.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionCounts {
    /// 参观公司.
    pub company_visit: u32,
    /// 参观样板点.
    pub reference_visit: u32,
    /// 现场会.
    pub onsite_meeting: u32,
    /// 技术交流.
    pub tech_exchange: u32,
    /// 高层拜访.
    pub executive_visit: u32,
}

impl ActionCounts {
    /// Counts in the order of [`Action::ALL`].
    pub fn from_array(c: [u32; 5]) -> ActionCounts {
        ActionCounts {
            company_visit: c[0],
            reference_visit: c[1],
            onsite_meeting: c[2],
            tech_exchange: c[3],
            executive_visit: c[4],
        }
    }

    /// The count of one action.
    pub fn get(&self, action: Action) -> u32 {
        match action {
            Action::CompanyVisit => self.company_visit,
            Action::ReferenceVisit => self.reference_visit,
            Action::OnsiteMeeting => self.onsite_meeting,
            Action::TechExchange => self.tech_exchange,
            Action::ExecutiveVisit => self.executive_visit,
        }
    }

    /// Sets the count of one action.
    pub fn set(&mut self, action: Action, n: u32) {
        match action {
            Action::CompanyVisit => self.company_visit = n,
            Action::ReferenceVisit => self.reference_visit = n,
            Action::OnsiteMeeting => self.onsite_meeting = n,
            Action::TechExchange => self.tech_exchange = n,
            Action::ExecutiveVisit => self.executive_visit = n,
        }
    }

    /// The sum over the five actions.
    pub fn total(&self) -> u32 {
        Action::ALL.iter().map(|a| self.get(*a)).sum()
    }
}

/// The yearly targets of one tier: how many of each action every account of the tier should get.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TierTarget {
    /// The tier id; the key of the record (one target row per tier).
    pub tier: String,
    /// Actions per account per fiscal year.
    pub counts: ActionCounts,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// One line of the log.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Entry {
    /// Stable id.
    pub id: String,
    /// Customer id of the account.
    pub account: String,
    /// Which of the five actions.
    pub action: Action,
    /// Calendar date `YYYY-MM-DD` (done: when it happened; planned: when it is scheduled).
    pub date: String,
    /// Planned or done.
    pub status: Status,
    /// Person id of who owns it (a person of `ws.org.people`), if anyone.
    pub owner: Option<String>,
    /// Ids of the account's stakeholders met (MCR); a done entry counts as a contact with each.
    pub stakeholders: Vec<String>,
    /// Free text.
    pub notes: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// When an account counts as behind target. Either test makes it behind; each gives its reason.
///
/// - **Pace**: completion (done actions only) is below the share of the fiscal year elapsed at
///   `ws.meta.today` — at 2026-01-15 that is 15 / 365 = 4.1 %, so an account with nothing done in
///   the year yet is behind.
/// - **Plan**: done plus planned actions (capped per action like completion) reach less than
///   `plan_threshold_pct` of the target — even if everything planned happens, the account misses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BehindRule {
    /// Apply the pace test.
    pub pace: bool,
    /// Apply the plan test with this threshold in percent (0 switches it off).
    pub plan_threshold_pct: f64,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Default for BehindRule {
    fn default() -> Self {
        BehindRule {
            pace: true,
            plan_threshold_pct: 100.0,
            updated_at: 0,
        }
    }
}

/// The document of the 151 programme inside the workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Engagement {
    /// Yearly targets per tier; a tier without a row has no targets.
    pub targets: Vec<TierTarget>,
    /// The log of actions.
    pub entries: Vec<Entry>,
    /// When an account is behind target.
    pub rule: BehindRule,
}

impl Default for Engagement {
    fn default() -> Self {
        Engagement {
            targets: default_targets(),
            entries: Vec::new(),
            rule: BehindRule::default(),
        }
    }
}

/// The default yearly targets per account (our assumption, editable): the more important the
/// tier, the more of every action; the potential tier gets first contact (company visit,
/// reference site, technical exchanges) but no on-site meeting or executive visit yet.
///
/// | tier | company | reference site | on-site | tech. exchange | executive | total |
/// |---|---|---|---|---|---|---|
/// | strategic | 4 | 3 | 2 | 6 | 4 | 19 |
/// | value | 2 | 2 | 1 | 4 | 2 | 11 |
/// | potential | 1 | 1 | 0 | 2 | 0 | 4 |
pub fn default_targets() -> Vec<TierTarget> {
    [
        ("strategic", [4, 3, 2, 6, 4]),
        ("value", [2, 2, 1, 4, 2]),
        ("potential", [1, 1, 0, 2, 0]),
    ]
    .into_iter()
    .map(|(tier, c)| TierTarget {
        tier: tier.to_string(),
        counts: ActionCounts::from_array(c),
        updated_at: 0,
    })
    .collect()
}

impl Engagement {
    /// The targets of a tier (all zero when it has no row).
    pub fn targets_of(&self, tier: &str) -> ActionCounts {
        self.targets
            .iter()
            .find(|t| t.tier == tier)
            .map(|t| t.counts)
            .unwrap_or_default()
    }

    /// An id not used by any entry yet (`e-1`, `e-2`, …).
    pub fn next_entry_id(&self) -> String {
        (1..)
            .map(|n| format!("e-{n}"))
            .find(|id| self.entries.iter().all(|e| &e.id != id))
            .unwrap_or_default()
    }
}

impl Entity for TierTarget {
    fn key(&self) -> &str {
        &self.tier
    }
    fn updated_at(&self) -> i64 {
        self.updated_at
    }
    fn set_updated_at(&mut self, at: i64) {
        self.updated_at = at;
    }
}

impl Entity for Entry {
    fn key(&self) -> &str {
        &self.id
    }
    fn updated_at(&self) -> i64 {
        self.updated_at
    }
    fn set_updated_at(&mut self, at: i64) {
        self.updated_at = at;
    }
}

/// `new` with `updated_at` set to `now_ms` on each record that is new or changed against `old`;
/// the others keep their time.
pub fn stamp(old: &Engagement, new: &Engagement, now_ms: i64) -> Engagement {
    let mut next = new.clone();
    stamp_list(&old.targets, &mut next.targets, now_ms);
    stamp_list(&old.entries, &mut next.entries, now_ms);
    let mut rule = next.rule.clone();
    rule.updated_at = old.rule.updated_at;
    next.rule.updated_at = if rule == old.rule {
        old.rule.updated_at
    } else {
        now_ms
    };
    next
}

/// A calendar date `YYYY-MM-DD` as year, month and day, or `None` when it is not one (wrong
/// shape, month 13, 2026-02-30 …).
pub fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let y = digits(0..4)?;
    let m = digits(5..7)?;
    let d = digits(8..10)?;
    let y = i32::try_from(y).ok()?;
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    Some((y, m, d))
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Day of the year (1 = 1 January) of a valid date.
pub fn day_of_year(y: i32, m: u32, d: u32) -> u32 {
    (1..m).map(|mm| days_in_month(y, mm)).sum::<u32>() + d
}

/// Days in a year (365 or 366).
pub fn days_in_year(y: i32) -> u32 {
    if is_leap(y) {
        366
    } else {
        365
    }
}

/// What is wrong with an entry of the log; the view shows it next to the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryProblem {
    /// The account is not one of the programme's accounts.
    UnknownAccount,
    /// The date is not a calendar date `YYYY-MM-DD`.
    BadDate,
    /// The owner is not a person of the organisation.
    UnknownOwner,
}

/// The problems of `entry` in `ws` (empty when it may be saved).
pub fn check_entry(ws: &Workspace, entry: &Entry) -> Vec<EntryProblem> {
    let mut out = Vec::new();
    if !completion::accounts(ws)
        .iter()
        .any(|a| a.id == entry.account)
    {
        out.push(EntryProblem::UnknownAccount);
    }
    if parse_date(&entry.date).is_none() {
        out.push(EntryProblem::BadDate);
    }
    if let Some(owner) = &entry.owner {
        if !ws.org.people.iter().any(|p| &p.id == owner) {
            out.push(EntryProblem::UnknownOwner);
        }
    }
    out
}

/// Largest yearly target of one action accepted for one account.
pub const MAX_TARGET: u32 = 999;

/// A target typed in the grid: a whole number 0–[`MAX_TARGET`] (surrounding spaces allowed).
pub fn parse_target(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok().filter(|n| *n <= MAX_TARGET)
}

/// The plan threshold typed by the user: a number 0–100, with or without a trailing `%`.
pub fn parse_threshold(text: &str) -> Option<f64> {
    let t = text.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim();
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && (0.0..=100.0).contains(v))
}

//! Tool 5 — the routine management mechanism (大客户运作例行管理机制, SPEC §3.6): the management
//! bodies and their meetings, every occurrence of the meetings in the fiscal year, the hours each
//! role spends in them per month, and the warnings on the rhythm. The `.ics` calendar text is
//! written by `crate::persist::ics`.
//!
//! The fiscal year is taken as the calendar year `ws.meta.fiscal_year` (1 January – 31 December).

pub mod calendar;
pub mod check;
mod defaults;
pub mod hours;

use std::borrow::Borrow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::org::stamp::{stamp_list, Entity};
use super::workspace::{Customer, Workspace};

pub use calendar::{occurrences, year_calendar, Occurrence, YearCalendar};
pub use check::{check, Problem, ProblemKind};
pub use hours::{role_hours, warnings, RoleHours, Warning, MEETING_SHARE_LIMIT, MONTH_HOURS};

/// The document of this tool inside the workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Governance {
    /// Management bodies (客户群管理团队, 铁三角项目组, …).
    pub bodies: Vec<Body>,
    /// The routine meetings.
    pub meetings: Vec<Meeting>,
}

impl Default for Governance {
    fn default() -> Self {
        Governance {
            bodies: defaults::bodies(),
            meetings: defaults::meetings(),
        }
    }
}

impl Governance {
    /// The meeting with this id.
    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// The body with this id.
    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }
}

/// A management body (管理组织) that holds meetings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Body {
    /// Stable id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// The role id (of `ws.org.roles`) that owns the body.
    pub owner_role: String,
    /// What the body is responsible for.
    pub responsibilities: String,
    /// Its key management activities.
    pub activities: String,
    /// The tools it uses (account plan, dashboards, …).
    pub tools: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// How often a meeting recurs.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// Every week on the anchor weekday.
    #[default]
    Weekly,
    /// Every second week on the anchor weekday, from its first occurrence in the year.
    Biweekly,
    /// Every month, on a day of the month or on its last given weekday.
    Monthly,
    /// Every three months from the anchor month.
    Quarterly,
    /// Every six months from the anchor month.
    Semiannual,
    /// Once a year in the anchor month.
    Annual,
}

impl Cadence {
    /// Every cadence, most frequent first.
    pub const ALL: [Cadence; 6] = [
        Cadence::Weekly,
        Cadence::Biweekly,
        Cadence::Monthly,
        Cadence::Quarterly,
        Cadence::Semiannual,
        Cadence::Annual,
    ];

    /// The key used in files and message catalogues.
    pub fn key(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Biweekly => "biweekly",
            Cadence::Monthly => "monthly",
            Cadence::Quarterly => "quarterly",
            Cadence::Semiannual => "semiannual",
            Cadence::Annual => "annual",
        }
    }

    /// The cadence of a key, `None` for an unknown key.
    pub fn from_key(key: &str) -> Option<Cadence> {
        Cadence::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Months between two occurrences of a month-based cadence (`None` for weekly ones).
    pub fn months(self) -> Option<u32> {
        match self {
            Cadence::Weekly | Cadence::Biweekly => None,
            Cadence::Monthly => Some(1),
            Cadence::Quarterly => Some(3),
            Cadence::Semiannual => Some(6),
            Cadence::Annual => Some(12),
        }
    }
}

/// When in its period a meeting falls. Each cadence reads the fields it needs, so every
/// combination gives real dates:
/// - weekly, biweekly: `weekday`;
/// - monthly: `day` of the month, or with `last_weekday` the last `weekday` of the month;
/// - quarterly, semiannual, annual: `month` (the first month of the cycle) and `day`.
///
/// A day beyond the end of a month falls on its last day (31 → 30 April, 28/29 February).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Anchor {
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// Day of the month, 1–31.
    pub day: u8,
    /// Month, 1–12.
    pub month: u8,
    /// Monthly meetings: on the last `weekday` of the month instead of on `day`.
    pub last_weekday: bool,
}

impl Default for Anchor {
    fn default() -> Self {
        Anchor {
            weekday: 1,
            day: 1,
            month: 1,
            last_weekday: false,
        }
    }
}

/// A routine meeting (例行会议).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    /// Stable id (also the base of the calendar UID).
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// How often it recurs.
    pub cadence: Cadence,
    /// When in its period it falls.
    pub anchor: Anchor,
    /// Local start time `HH:MM`.
    pub start_time: String,
    /// Length in hours.
    pub duration_hours: f64,
    /// Role ids of the participants.
    pub roles: Vec<String>,
    /// Tier ids whose accounts hold it.
    pub tiers: Vec<String>,
    /// True when each account in scope holds its own meeting; false when it is held once.
    pub per_account: bool,
    /// True when the meeting reviews the accounts (counts for the "tier without review" check).
    pub review: bool,
    /// What goes in (reports, lists).
    pub inputs: String,
    /// What comes out (decisions, plans).
    pub outputs: String,
    /// Id of the body that holds it (empty when none).
    pub body: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Default for Meeting {
    fn default() -> Self {
        Meeting {
            id: String::new(),
            name_zh: String::new(),
            name_en: String::new(),
            cadence: Cadence::Weekly,
            anchor: Anchor::default(),
            start_time: "09:00".to_string(),
            duration_hours: 1.0,
            roles: Vec::new(),
            tiers: Vec::new(),
            per_account: false,
            review: false,
            inputs: String::new(),
            outputs: String::new(),
            body: String::new(),
            updated_at: 0,
        }
    }
}

impl Meeting {
    /// The start time as (hour, minute); 09:00 when `start_time` is not a valid `HH:MM`.
    pub fn start(&self) -> (u32, u32) {
        parse_time(&self.start_time).unwrap_or((9, 0))
    }
}

/// `HH:MM` (or `H:MM`) as (hour, minute), `None` when it is not a time of day.
pub fn parse_time(text: &str) -> Option<(u32, u32)> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

macro_rules! entity {
    ($t:ty) => {
        impl Entity for $t {
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
    };
}

entity!(Body);
entity!(Meeting);

/// `new` with `updated_at` set to `now_ms` on each record that is new or changed against `old`;
/// the others keep their time.
pub fn stamp(old: &Governance, new: &Governance, now_ms: i64) -> Governance {
    let mut next = new.clone();
    stamp_list(&old.bodies, &mut next.bodies, now_ms);
    stamp_list(&old.meetings, &mut next.meetings, now_ms);
    next
}

/// Number of accounts per tier id: the customers whose tier (as `tier_ids`, one per customer,
/// gives it) is one of `account_tiers`.
pub fn accounts_per_tier<C: Borrow<Customer>>(
    customers: &[C],
    tier_ids: &[Option<String>],
    account_tiers: &[String],
) -> BTreeMap<String, usize> {
    let mut out: BTreeMap<String, usize> = account_tiers.iter().map(|t| (t.clone(), 0)).collect();
    for tier in tier_ids.iter().take(customers.len()).flatten() {
        if let Some(n) = out.get_mut(tier) {
            *n += 1;
        }
    }
    out
}

/// Accounts per account tier of a workspace (see [`accounts_per_tier`]).
pub fn workspace_accounts(ws: &Workspace) -> BTreeMap<String, usize> {
    let tier_ids: Vec<Option<String>> = ws
        .tiering
        .assign_all(&ws.customers)
        .into_iter()
        .map(|a| a.and_then(|a| ws.tiering.tiers.get(a.tier).map(|t| t.id.clone())))
        .collect();
    accounts_per_tier(&ws.customers, &tier_ids, &ws.org.account_tiers)
}

/// The demo workspace's governance document: the SPEC defaults, each meeting scoped to the
/// demo's account tiers that exist (the executive visit to the top one only).
pub fn demo(ws: &Workspace, _now_ms: i64) -> Governance {
    let mut doc = Governance::default();
    let tiers = &ws.org.account_tiers;
    for meeting in &mut doc.meetings {
        meeting.tiers.retain(|t| tiers.contains(t));
        if meeting.tiers.is_empty() {
            meeting.tiers = match meeting.id.as_str() {
                "executive_visit" => tiers.iter().take(1).cloned().collect(),
                _ => tiers.clone(),
            };
        }
    }
    doc
}

//! Contracts and collections (SPEC §3.9): each milestone's due date from its rule, receivables
//! (invoiced − collected), overdue amounts in ageing buckets, DSO, the retention falling due
//! soon and the collections of the year by month.

use std::collections::BTreeMap;

use super::{Contract, DueBase, Milestone, MilestoneKind};
use crate::domain::dates::{add_months, day_number};

/// When a milestone falls due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// On this day (days since 1970-01-01).
    Day(i64),
    /// When this event happens: the contract has no date for it yet.
    Waiting(DueBase),
}

/// The due date of a milestone of `c` by its rule: the fixed date, or the event's date plus
/// the days and months (months first, the day clamped to the month's end).
pub fn due(c: &Contract, m: &Milestone) -> Due {
    let base = match m.due.base {
        DueBase::Date => {
            return day_number(&m.due.date).map_or(Due::Waiting(DueBase::Date), Due::Day)
        }
        DueBase::Signing => &c.signed,
        DueBase::Delivery => &c.delivered,
        DueBase::Acceptance => &c.accepted,
    };
    match day_number(base) {
        Some(d) => Due::Day(add_months(d, m.due.months) + i64::from(m.due.days)),
        None => Due::Waiting(m.due.base),
    }
}

/// The amount of a milestone: its share of the contract value, yuan.
pub fn amount(c: &Contract, m: &Milestone) -> f64 {
    c.value * m.share_pct / 100.0
}

/// What is still to collect of a milestone: amount − collected, never below 0.
pub fn outstanding(c: &Contract, m: &Milestone) -> f64 {
    (amount(c, m) - m.collected).max(0.0)
}

/// The receivable of a milestone: invoiced − collected, never below 0.
pub fn receivable(m: &Milestone) -> f64 {
    (m.invoiced - m.collected).max(0.0)
}

/// Days a milestone is overdue on `today` (`None` when it is not due yet, waits for its event,
/// or is collected in full).
pub fn days_overdue(c: &Contract, m: &Milestone, today: i64) -> Option<i64> {
    match due(c, m) {
        Due::Day(d) if d < today && outstanding(c, m) > 0.005 => Some(today - d),
        _ => None,
    }
}

/// The ageing buckets of overdue amounts: 0–30, 31–90, 91–180, over 180 days overdue.
pub const BUCKETS: [(i64, Option<i64>); 4] =
    [(0, Some(30)), (31, Some(90)), (91, Some(180)), (181, None)];

/// The bucket (0–3) of a number of days overdue.
pub fn bucket(days: i64) -> usize {
    match days {
        ..=30 => 0,
        31..=90 => 1,
        91..=180 => 2,
        _ => 3,
    }
}

/// Overdue amounts per bucket and in all.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Ageing {
    /// Σ outstanding of the overdue milestones per bucket, yuan.
    pub amounts: [f64; 4],
    /// How many milestones per bucket.
    pub counts: [usize; 4],
}

impl Ageing {
    /// Everything overdue, yuan.
    pub fn total(&self) -> f64 {
        self.amounts.iter().sum()
    }
}

/// The receivables and overdue figures of a set of contracts on `today`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Receivables {
    /// Σ invoiced − collected, yuan.
    pub receivable: f64,
    /// Overdue amounts in ageing buckets.
    pub ageing: Ageing,
    /// Overdue per account, largest first (ties by account id).
    pub overdue_by_account: Vec<(String, f64, i64)>,
    /// Invoiced in the 365 days up to today, yuan.
    pub invoiced_year: f64,
    /// Days sales outstanding: receivable ÷ invoiced in the last 365 days × 365 (`None` when
    /// nothing was invoiced).
    pub dso: Option<f64>,
}

/// Receivables, ageing, overdue per account and DSO over `contracts`.
pub fn receivables<'a>(
    contracts: impl IntoIterator<Item = &'a Contract>,
    today: i64,
) -> Receivables {
    let mut r = Receivables::default();
    let mut by_account: BTreeMap<&str, (f64, i64)> = BTreeMap::new();
    for c in contracts {
        for m in &c.milestones {
            r.receivable += receivable(m);
            if let Some(d) = day_number(&m.invoiced_date) {
                if d <= today && today - d < 365 {
                    r.invoiced_year += m.invoiced;
                }
            }
            if let Some(days) = days_overdue(c, m, today) {
                let b = bucket(days);
                let out = outstanding(c, m);
                r.ageing.amounts[b] += out;
                r.ageing.counts[b] += 1;
                let e = by_account.entry(c.account.as_str()).or_default();
                e.0 += out;
                e.1 = e.1.max(days);
            }
        }
    }
    r.dso = (r.invoiced_year > 0.0).then(|| r.receivable / r.invoiced_year * 365.0);
    let mut list: Vec<(String, f64, i64)> = by_account
        .into_iter()
        .map(|(a, (v, d))| (a.to_string(), v, d))
        .collect();
    list.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    r.overdue_by_account = list;
    r
}

/// A milestone falling due soon.
#[derive(Clone, Debug, PartialEq)]
pub struct DueSoon {
    /// Contract id.
    pub contract: String,
    /// Index of the milestone in the contract.
    pub milestone: usize,
    /// Due day.
    pub day: i64,
    /// Still to collect, yuan.
    pub outstanding: f64,
}

/// The retention payments (质保金) falling due from today to `days` ahead, not yet collected,
/// soonest first.
pub fn retention_due<'a>(
    contracts: impl IntoIterator<Item = &'a Contract>,
    today: i64,
    days: i64,
) -> Vec<DueSoon> {
    let mut out = Vec::new();
    for c in contracts {
        for (i, m) in c.milestones.iter().enumerate() {
            if m.kind != MilestoneKind::Retention {
                continue;
            }
            if let Due::Day(d) = due(c, m) {
                let left = outstanding(c, m);
                if d >= today && d <= today + days && left > 0.005 {
                    out.push(DueSoon {
                        contract: c.id.clone(),
                        milestone: i,
                        day: d,
                        outstanding: left,
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| a.day.cmp(&b.day).then_with(|| a.contract.cmp(&b.contract)));
    out
}

/// The collections of `year` per month (index 0 = January), by each milestone's collection date.
pub fn collected_by_month<'a>(
    contracts: impl IntoIterator<Item = &'a Contract>,
    year: i32,
) -> [f64; 12] {
    let mut out = [0.0; 12];
    for c in contracts {
        for m in &c.milestones {
            if let Some((y, mo, _)) = crate::domain::engagement::parse_date(&m.collected_date) {
                if y == year {
                    out[(mo - 1) as usize] += m.collected;
                }
            }
        }
    }
    out
}

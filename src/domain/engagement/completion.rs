//! Completion of the 151 targets, per account, tier and action, with what produced each figure.
//!
//! **The rule.** Only entries marked done and dated inside the fiscal year count. For each action
//! an account gets `min(done, target)` credits, so extra visits of one kind never hide a missing
//! kind: 10 technical exchanges against a target of 6 and 0 executive visits against 4 make
//! 6 + 0 of 10, not 10 of 10. An account's completion is its credits over its tier's total target;
//! a tier's or an action's completion is the credits of its accounts over their targets. Planned
//! entries are counted apart; "plan" figures add them to the done ones with the same cap.

use std::collections::BTreeMap;

use super::{day_of_year, days_in_year, parse_date, Action, Entry, Status};
use crate::domain::sort::sort_by;
use crate::domain::workspace::Workspace;

/// An account of the programme.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountRef {
    /// Customer id.
    pub id: String,
    /// Customer name.
    pub name: String,
    /// Tier id.
    pub tier: String,
}

/// The accounts of the programme, in customer order: the customers of a tier with a target above
/// zero or of a tier that `ws.org.account_tiers` makes accounts.
pub fn accounts(ws: &Workspace) -> Vec<AccountRef> {
    let tiers = ws.tiering.assign_all(&ws.customers);
    ws.customers
        .iter()
        .zip(tiers)
        .filter_map(|(c, a)| {
            let tier = ws.tiering.tiers.get(a?.tier)?;
            let counted =
                ws.engagement.targets_of(&tier.id).total() > 0 || ws.org.is_account_tier(&tier.id);
            counted.then(|| AccountRef {
                id: c.id.clone(),
                name: c.name.clone(),
                tier: tier.id.clone(),
            })
        })
        .collect()
}

/// Where an entry's date falls against the fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateScope {
    /// Inside the fiscal year: it counts.
    InYear,
    /// A valid date outside the fiscal year: listed, counts toward nothing.
    OutsideYear,
    /// Not a calendar date.
    Invalid,
}

/// Where `entry` falls against `fiscal_year`.
pub fn date_scope(entry: &Entry, fiscal_year: i32) -> DateScope {
    match parse_date(&entry.date) {
        None => DateScope::Invalid,
        Some((y, _, _)) if y == fiscal_year => DateScope::InYear,
        Some(_) => DateScope::OutsideYear,
    }
}

/// Share of the fiscal year elapsed at `today`, in percent (0 before the year, 100 after it,
/// day of year ÷ days in year inside it, e.g. 2026-01-15 → 15 / 365 = 4.1 %).
pub fn elapsed_pct(today: &str, fiscal_year: i32) -> Option<f64> {
    let (y, m, d) = parse_date(today)?;
    Some(if y < fiscal_year {
        0.0
    } else if y > fiscal_year {
        100.0
    } else {
        100.0 * f64::from(day_of_year(y, m, d)) / f64::from(days_in_year(y))
    })
}

/// Target, done and planned counts of one action (for one account or summed over several).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tally {
    /// Target.
    pub target: u32,
    /// Done entries in the year, uncapped.
    pub done: u32,
    /// Planned entries in the year.
    pub planned: u32,
    /// Done, capped at the target (per account and action).
    pub credit: u32,
    /// Done + planned, capped at the target (per account and action).
    pub plan_credit: u32,
}

impl Tally {
    fn of(target: u32, done: u32, planned: u32) -> Tally {
        Tally {
            target,
            done,
            planned,
            credit: done.min(target),
            plan_credit: (done + planned).min(target),
        }
    }

    fn add(&mut self, o: &Tally) {
        self.target += o.target;
        self.done += o.done;
        self.planned += o.planned;
        self.credit += o.credit;
        self.plan_credit += o.plan_credit;
    }

    /// Completion in percent (credits over target); `None` without a target.
    pub fn pct(&self) -> Option<f64> {
        pct(self.credit, self.target)
    }

    /// Done + planned in percent (capped the same way); `None` without a target.
    pub fn plan_pct(&self) -> Option<f64> {
        pct(self.plan_credit, self.target)
    }
}

fn pct(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| 100.0 * f64::from(part) / f64::from(whole))
}

/// Why an account is behind target.
#[derive(Clone, Debug, PartialEq)]
pub enum BehindReason {
    /// Completion below the share of the year elapsed.
    Pace {
        /// The account's completion, percent.
        done_pct: f64,
        /// Share of the fiscal year elapsed, percent.
        elapsed_pct: f64,
    },
    /// Done + planned below the threshold.
    Plan {
        /// Done + planned (capped), percent.
        plan_pct: f64,
        /// The rule's threshold, percent.
        threshold_pct: f64,
        /// Actions whose done + planned fall short of the target, with how many are missing.
        short: Vec<(Action, u32)>,
    },
}

/// The completion of one account.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountCompletion {
    /// The account.
    pub account: AccountRef,
    /// Per action, in the order of [`Action::ALL`].
    pub actions: [Tally; 5],
    /// Summed over the actions.
    pub total: Tally,
    /// Why it is behind; empty when it is not.
    pub behind: Vec<BehindReason>,
}

/// The completion of one tier.
#[derive(Clone, Debug, PartialEq)]
pub struct TierCompletion {
    /// Tier id.
    pub tier: String,
    /// Its accounts in the programme.
    pub accounts: usize,
    /// Per action, summed over its accounts.
    pub actions: [Tally; 5],
    /// Summed over actions and accounts.
    pub total: Tally,
}

/// Everything the 151 views show, for the fiscal year.
#[derive(Clone, Debug, PartialEq)]
pub struct Completion {
    /// The fiscal year.
    pub fiscal_year: i32,
    /// Share of the year elapsed at `ws.meta.today`, percent (`None` when today is not a date).
    pub elapsed_pct: Option<f64>,
    /// Per account: those behind target first, then lowest completion first (accounts without a
    /// target last), then by name.
    pub accounts: Vec<AccountCompletion>,
    /// Per tier with accounts, in tier order.
    pub tiers: Vec<TierCompletion>,
    /// Per action over all accounts.
    pub actions: [Tally; 5],
    /// Over everything.
    pub total: Tally,
    /// Entries dated outside the fiscal year (not counted).
    pub outside_year: usize,
    /// Entries of an account not in the programme, or with an invalid date (not counted).
    pub not_counted: usize,
}

/// Completion of the 151 targets in `ws` for its fiscal year.
pub fn completion(ws: &Workspace) -> Completion {
    let fy = ws.meta.fiscal_year;
    let list = accounts(ws);
    let index: BTreeMap<&str, usize> = list
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut done = vec![[0u32; 5]; list.len()];
    let mut planned = vec![[0u32; 5]; list.len()];
    let (mut outside_year, mut not_counted) = (0, 0);
    for e in &ws.engagement.entries {
        match (date_scope(e, fy), index.get(e.account.as_str())) {
            (DateScope::InYear, Some(&i)) => {
                let slot = match e.status {
                    Status::Done => &mut done[i],
                    Status::Planned => &mut planned[i],
                };
                slot[e.action.index()] += 1;
            }
            (DateScope::OutsideYear, Some(_)) => outside_year += 1,
            _ => not_counted += 1,
        }
    }
    let elapsed = elapsed_pct(&ws.meta.today, fy);
    let rule = &ws.engagement.rule;
    let mut out_accounts: Vec<AccountCompletion> = list
        .into_iter()
        .enumerate()
        .map(|(i, account)| {
            let targets = ws.engagement.targets_of(&account.tier);
            let actions = Action::ALL
                .map(|a| Tally::of(targets.get(a), done[i][a.index()], planned[i][a.index()]));
            let mut total = Tally::default();
            actions.iter().for_each(|t| total.add(t));
            let behind = behind(&actions, &total, elapsed, rule);
            AccountCompletion {
                account,
                actions,
                total,
                behind,
            }
        })
        .collect();
    let tiers = ws
        .tiering
        .tiers
        .iter()
        .filter_map(|tier| {
            let members: Vec<&AccountCompletion> = out_accounts
                .iter()
                .filter(|a| a.account.tier == tier.id)
                .collect();
            if members.is_empty() {
                return None;
            }
            let mut actions = [Tally::default(); 5];
            let mut total = Tally::default();
            for m in &members {
                for (sum, t) in actions.iter_mut().zip(m.actions.iter()) {
                    sum.add(t);
                }
                total.add(&m.total);
            }
            Some(TierCompletion {
                tier: tier.id.clone(),
                accounts: members.len(),
                actions,
                total,
            })
        })
        .collect::<Vec<_>>();
    let mut actions = [Tally::default(); 5];
    let mut total = Tally::default();
    for t in &tiers {
        for (sum, a) in actions.iter_mut().zip(t.actions.iter()) {
            sum.add(a);
        }
        total.add(&t.total);
    }
    sort_by(&mut out_accounts, |a, b| {
        let key = |c: &AccountCompletion| c.total.pct().unwrap_or(f64::INFINITY);
        a.behind
            .is_empty()
            .cmp(&b.behind.is_empty())
            .then_with(|| key(a).total_cmp(&key(b)))
            .then_with(|| a.account.name.cmp(&b.account.name))
    });
    Completion {
        fiscal_year: fy,
        elapsed_pct: elapsed,
        accounts: out_accounts,
        tiers,
        actions,
        total,
        outside_year,
        not_counted,
    }
}

/// The reasons an account with these tallies is behind under `rule` (none without a target).
fn behind(
    actions: &[Tally; 5],
    total: &Tally,
    elapsed: Option<f64>,
    rule: &super::BehindRule,
) -> Vec<BehindReason> {
    let (Some(done_pct), Some(plan_pct)) = (total.pct(), total.plan_pct()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let (true, Some(elapsed_pct)) = (rule.pace, elapsed) {
        if done_pct < elapsed_pct {
            out.push(BehindReason::Pace {
                done_pct,
                elapsed_pct,
            });
        }
    }
    if plan_pct < rule.plan_threshold_pct {
        let short = Action::ALL
            .iter()
            .zip(actions.iter())
            .filter(|(_, t)| t.plan_credit < t.target)
            .map(|(a, t)| (*a, t.target - t.plan_credit))
            .collect();
        out.push(BehindReason::Plan {
            plan_pct,
            threshold_pct: rule.plan_threshold_pct,
            short,
        });
    }
    out
}

/// Completion in percent (0–100) per account id for the fiscal year, for accounts whose tier has
/// a target (see the module's rule). The KPI tool's "151 completion" indicator reads this.
pub fn completion_by_account(ws: &Workspace) -> BTreeMap<String, f64> {
    completion(ws)
        .accounts
        .into_iter()
        .filter_map(|a| Some((a.account.id, a.total.pct()?)))
        .collect()
}

/// Completion in percent over all accounts for the fiscal year (credits over targets); `None`
/// when there are no targets (no tier with a target, or no account in such a tier).
pub fn overall_completion_pct(ws: &Workspace) -> Option<f64> {
    completion(ws).total.pct()
}

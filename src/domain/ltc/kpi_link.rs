//! The figures KPI indicators linked to LTC take (SPEC §3.7, §3.9):
//!
//! - orders (订货达成率): booked in the fiscal year ÷ the orders target, percent;
//! - cash collection (回款达成率): collected in the fiscal year ÷ the collections target, percent;
//! - pipeline coverage (商机覆盖倍数): open weighted pipeline ÷ (target − booked), times;
//! - bid win rate (投标中标率): won ÷ (won + lost) of the deals closed in the year, percent.
//!
//! A team scorecard of a triangle type takes the figures of that type's accounts (their account
//! targets summed); the company's figure (every account, the company target) serves the others.
//! A person with an owner target takes the figures of their own opportunities and contracts;
//! anyone else those of the accounts they are assigned to. A figure without its basis (no
//! target, nothing closed, the target already met for coverage) is left out, so the indicator
//! keeps its entered actual. [`crate::domain::kpi::linked`] gathers these with the figures of
//! the other tools.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::calc::{
    bookings, closed_on, contract_key, cover, in_year, weighted, year_of, Coverage, Ctx,
};
use super::{Forecast, Scope, StageKind, Target};
use crate::domain::kpi::defaults::{CASH, ORDERS, PIPELINE_COVERAGE, WIN_RATE};
use crate::domain::kpi::people::LinkedFigures;
use crate::domain::org::OrgDesign;

/// Which records a figure is computed over.
enum Sel<'s> {
    /// Every account; the company target.
    All,
    /// These accounts; the sum of their account targets.
    Accounts(&'s HashSet<&'s str>),
    /// The opportunities (and their contracts) of this owner; their owner target.
    Owner(&'s str),
}

/// The raw sums behind the four figures.
#[derive(Default)]
struct Sums {
    booked: f64,
    collected: f64,
    open_weighted: f64,
    won: usize,
    lost: usize,
    orders_target: Option<f64>,
    collections_target: Option<f64>,
}

fn sums(ctx: &Ctx<'_>, sel: &Sel<'_>) -> Sums {
    let mut s = Sums::default();
    let takes_account = |a: &str| match sel {
        Sel::All => true,
        Sel::Accounts(set) => set.contains(a),
        Sel::Owner(_) => false,
    };
    for b in bookings(ctx) {
        let take = match sel {
            Sel::Owner(p) => b.key(ctx, Scope::Owner) == Some(*p),
            _ => b.key(ctx, Scope::Account).is_some_and(takes_account),
        };
        if take {
            s.booked += b.value();
        }
    }
    for c in &ctx.ltc.contracts {
        let take = match sel {
            Sel::Owner(p) => contract_key(ctx, c, Scope::Owner) == Some(*p),
            _ => takes_account(&c.account),
        };
        if !take {
            continue;
        }
        for m in &c.milestones {
            if year_of(&m.collected_date) == Some(ctx.year) {
                s.collected += m.collected;
            }
        }
    }
    for o in &ctx.ltc.opportunities {
        let take = match sel {
            Sel::Owner(p) => o.owner.as_deref() == Some(*p),
            _ => takes_account(&o.account),
        };
        if !take {
            continue;
        }
        match ctx.ltc.kind_of(o) {
            StageKind::Open if o.forecast != Forecast::Omitted && in_year(o, ctx.year) => {
                s.open_weighted += weighted(ctx.ltc, o);
            }
            StageKind::Open => {}
            kind if year_of(closed_on(o)) == Some(ctx.year) => {
                if kind == StageKind::Won {
                    s.won += 1;
                } else {
                    s.lost += 1;
                }
            }
            _ => {}
        }
    }
    let target = |pick: fn(&Target) -> Option<f64>| match sel {
        Sel::All => super::calc::target_for(ctx, Scope::Company, "", pick).0,
        Sel::Owner(p) => ctx.target(Scope::Owner, p).and_then(pick),
        Sel::Accounts(set) => {
            let v: Vec<f64> = set
                .iter()
                .filter_map(|a| ctx.target(Scope::Account, a).and_then(pick))
                .collect();
            (!v.is_empty()).then(|| v.iter().sum())
        }
    };
    s.orders_target = target(|t| t.orders);
    s.collections_target = target(|t| t.collections);
    s
}

fn pct(v: f64, target: Option<f64>) -> Option<f64> {
    target.filter(|t| *t > 0.0).map(|t| v * 100.0 / t)
}

/// The four figures of a selection, by metric id.
fn figures(ctx: &Ctx<'_>, sel: &Sel<'_>) -> [(&'static str, Option<f64>); 4] {
    let s = sums(ctx, sel);
    let coverage = match cover(s.orders_target, s.booked, s.open_weighted) {
        Coverage::Ratio(r) => Some(r),
        _ => None,
    };
    [
        (ORDERS, pct(s.booked, s.orders_target)),
        (CASH, pct(s.collected, s.collections_target)),
        (PIPELINE_COVERAGE, coverage),
        (WIN_RATE, super::calc::rate(s.won, s.lost)),
    ]
}

/// The linked figures of LTC's four metrics: per team (triangle type key, "" for every
/// account) and per person of `org`. `triangle_of` gives each account's triangle type key.
pub fn ltc_figures(
    ctx: &Ctx<'_>,
    org: &OrgDesign,
    triangle_of: &HashMap<String, &'static str>,
) -> BTreeMap<String, LinkedFigures> {
    let mut out: BTreeMap<String, LinkedFigures> = BTreeMap::new();
    let mut put = |team: Option<&str>, person: Option<&str>, figs: [(&str, Option<f64>); 4]| {
        for (metric, v) in figs {
            let Some(v) = v else { continue };
            let f = out.entry(metric.to_string()).or_default();
            if let Some(t) = team {
                f.teams.insert(t.to_string(), v);
            }
            if let Some(p) = person {
                f.people.insert(p.to_string(), v);
            }
        }
    };
    put(Some(""), None, figures(ctx, &Sel::All));
    let mut by_type: BTreeMap<&str, HashSet<&str>> = BTreeMap::new();
    for (account, t) in triangle_of {
        by_type.entry(t).or_default().insert(account.as_str());
    }
    for (t, accounts) in &by_type {
        put(Some(t), None, figures(ctx, &Sel::Accounts(accounts)));
    }
    for p in &org.people {
        let sel_accounts: HashSet<&str>;
        let sel = if ctx.target(Scope::Owner, &p.id).is_some() {
            Sel::Owner(&p.id)
        } else {
            sel_accounts = org
                .assignments
                .iter()
                .filter(|a| a.person == p.id)
                .map(|a| a.account.as_str())
                .collect();
            if sel_accounts.is_empty() {
                continue;
            }
            Sel::Accounts(&sel_accounts)
        };
        put(None, Some(&p.id), figures(ctx, &sel));
    }
    out
}

/// Every linked figure of the workspace; it lives with the KPI tool, which gathers the figures
/// of every tool ([`crate::domain::kpi::linked`]).
pub use crate::domain::kpi::linked::linked_actuals;

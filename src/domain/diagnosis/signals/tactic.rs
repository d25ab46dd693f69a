//! Tactic: LTC's coverage under target and overdue collections, MCR's red flags and
//! single-threaded accounts, the 151 programme's accounts behind target.

use std::collections::HashMap;

use super::{Basis, Signal, SignalKind};
use crate::domain::engagement::completion::completion;
use crate::domain::ltc::calc::{self, Coverage, Ctx};
use crate::domain::ltc::{cash, Scope};
use crate::domain::mcr::calc::{flags, last_contacts, score, Flag, FlagContext};
use crate::domain::mcr::Stakeholder;
use crate::domain::sort::sort_by;

/// LTC, for the fiscal year on the workspace's reference day (1 January of the fiscal year
/// when it is not a date, as the LTC page takes it): one [`SignalKind::CoverageUnderTarget`]
/// per scope (accounts, tiers) with flagged rows, the least covered first; then the overdue
/// milestones, the accounts with most overdue first.
pub(super) fn ltc(b: &Basis<'_>, out: &mut Vec<Signal>) {
    let ws = b.ws;
    let (_, today) = ws.reference_day("");
    let ctx = Ctx::new(&ws.ltc, ws.meta.fiscal_year, today, &b.tier_map);
    for scope in [Scope::Account, Scope::Tier] {
        let rows = calc::coverage(&ctx, scope);
        let with_target = rows
            .iter()
            .filter(|r| r.coverage != Coverage::NoTarget)
            .count();
        let mut flagged: Vec<(f64, &str)> = rows
            .iter()
            .filter(|r| r.flagged)
            .map(|r| match r.coverage {
                Coverage::Ratio(x) => (x, r.key.as_str()),
                _ => (f64::INFINITY, r.key.as_str()),
            })
            .collect();
        if flagged.is_empty() {
            continue;
        }
        sort_by(&mut flagged, |x, y| x.0.total_cmp(&y.0));
        let name = |key: &str| match scope {
            Scope::Tier => b.tier_name(key),
            _ => b.customer_name(key),
        };
        out.push(
            Signal::new(SignalKind::CoverageUnderTarget, flagged.len())
                .about(scope.key())
                .of(with_target)
                .examples(flagged.iter().map(|f| name(f.1))),
        );
    }
    let r = cash::receivables(ws.ltc.contracts.iter().map(|c| &**c), today);
    let overdue: usize = r.ageing.counts.iter().sum();
    if overdue > 0 {
        out.push(
            Signal::new(SignalKind::OverdueCollections, overdue)
                .amount(r.ageing.total())
                .examples(r.overdue_by_account.iter().map(|a| b.customer_name(&a.0))),
        );
    }
}

/// One account of MCR's health list, with what orders it.
struct Row<'a> {
    tier_rank: usize,
    has_coach: bool,
    score: Option<f64>,
    name: &'a str,
    flags: Vec<Flag>,
}

/// MCR, with the flags of the health across accounts (`mcr::calc::health`: the key accounts
/// and the accounts with stakeholders, in its order — top tier first, no coach first, lowest
/// score first), computed with one index of the stakeholders rather than a scan per account.
/// One [`SignalKind::RelationshipRedFlag`] per flag, then the single-threaded accounts.
pub(super) fn mcr(b: &Basis<'_>, out: &mut Vec<Signal>) {
    let ws = b.ws;
    let last = last_contacts(ws);
    let ctx = FlagContext::new(ws, &last);
    let mut by_account: HashMap<&str, Vec<&Stakeholder>> = HashMap::new();
    for s in &ws.mcr.stakeholders {
        by_account.entry(s.account.as_str()).or_default().push(s);
    }
    let rank: HashMap<&str, usize> = ws
        .tiering
        .tiers
        .iter()
        .enumerate()
        .rev()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut rows: Vec<Row<'_>> = Vec::new();
    for c in &ws.customers {
        let list = by_account.get(c.id.as_str());
        let tier = b.tier_map.get(&c.id);
        let key_account = tier.is_some_and(|t| ws.org.is_account_tier(t));
        if list.is_none() && !key_account {
            continue;
        }
        let list: &[&Stakeholder] = list.map_or(&[], Vec::as_slice);
        rows.push(Row {
            tier_rank: tier
                .and_then(|t| rank.get(t.as_str()))
                .copied()
                .unwrap_or(usize::MAX),
            has_coach: list.iter().any(|s| s.is_coach()),
            score: score(list.iter().copied()),
            name: &c.name,
            flags: flags(&c.id, list, &ctx, key_account),
        });
    }
    rows.sort_by(|a, b| {
        (a.tier_rank, a.has_coach)
            .cmp(&(b.tier_rank, b.has_coach))
            .then(
                a.score
                    .unwrap_or(f64::NEG_INFINITY)
                    .total_cmp(&b.score.unwrap_or(f64::NEG_INFINITY)),
            )
            .then_with(|| a.name.cmp(b.name))
    });
    let red = [
        Flag::NoStakeholders,
        Flag::DecisionMakerAgainst(Vec::new()),
        Flag::NoCoach,
        Flag::NoOwner(Vec::new()),
        Flag::Stale(Vec::new()),
        Flag::LevelMismatch(Vec::new()),
    ];
    let with = |key: &str| -> Vec<&str> {
        rows.iter()
            .filter(|r| r.flags.iter().any(|f| f.key() == key))
            .map(|r| r.name)
            .collect()
    };
    for flag in &red {
        let names = with(flag.key());
        if !names.is_empty() {
            out.push(
                Signal::new(SignalKind::RelationshipRedFlag, names.len())
                    .about(flag.key())
                    .of(rows.len())
                    .examples(names),
            );
        }
    }
    let single = with(Flag::SingleThread(String::new()).key());
    if !single.is_empty() {
        out.push(
            Signal::new(SignalKind::SingleThreaded, single.len())
                .of(rows.len())
                .examples(single),
        );
    }
}

/// The 151 programme: the accounts behind target, in the completion page's order (the lowest
/// completion first), out of the accounts with a target.
pub(super) fn engagement(b: &Basis<'_>, out: &mut Vec<Signal>) {
    let c = completion(b.ws);
    let behind: Vec<&str> = c
        .accounts
        .iter()
        .filter(|a| !a.behind.is_empty())
        .map(|a| a.account.name.as_str())
        .collect();
    if behind.is_empty() {
        return;
    }
    let with_target = c.accounts.iter().filter(|a| a.total.target > 0).count();
    out.push(
        Signal::new(SignalKind::EngagementBehind, behind.len())
            .of(with_target)
            .examples(behind),
    );
}

//! Strategy: Tool 1's structure faults and curses, Tool 2's industries without a next engine.

use super::{bilingual, Basis, Signal, SignalKind};
use crate::domain::customers::Coverage;
use crate::domain::portfolio::calc::{self, Finding};
use crate::domain::sort::sort_by;
use crate::domain::tiering::curses::{curse_coverage, curses};
use crate::domain::tiering::diagnostics::{diagnose, drop_unfounded, Diagnostic, KINDS};
use crate::domain::tiering::migration::{self, purchase_in};

/// Tool 1: one [`SignalKind::StructureFault`] per kind of diagnostic the tiering page lists
/// (after dropping what the data cannot support), then one [`SignalKind::Curse`] per curse
/// the data can decide, as the page's curse table counts them.
pub(super) fn tiering(b: &Basis<'_>, out: &mut Vec<Signal>) {
    let ws = b.ws;
    let coverage = Coverage::of(&ws.customers);
    let gaps = ws.tiering.data_gaps(&coverage);
    let found = drop_unfounded(
        diagnose(&ws.tiering, &ws.customers, &b.assignments),
        &coverage,
        &gaps,
    );
    for kind in KINDS.into_iter().filter(|k| *k != "omitted") {
        let mut count = 0;
        let mut names = Vec::new();
        for d in &found {
            match d {
                Diagnostic::Omitted { kind: k, count: n } if *k == kind => count += n,
                d if d.kind() == kind => {
                    count += 1;
                    names.extend(examples(b, d));
                }
                _ => {}
            }
        }
        if count > 0 {
            out.push(
                Signal::new(SignalKind::StructureFault, count)
                    .about(kind)
                    .examples(names),
            );
        }
    }
    curse_signals(b, out);
}

/// The tiers or the customer a diagnostic names, for the examples (each tier on its own, so that
/// each name can be shown in the reader's language).
fn examples(b: &Basis<'_>, d: &Diagnostic) -> Vec<String> {
    let tier = |i: usize| {
        b.ws.tiering
            .tiers
            .get(i)
            .map(|t| bilingual(&t.name_zh, &t.name_en, &t.id))
    };
    let customer = |i: usize| b.ws.customers.get(i).map(|c| c.name.clone());
    match d {
        Diagnostic::TiersNotDistinct { upper, lower, .. } => {
            [*upper, *lower].into_iter().filter_map(tier).collect()
        }
        Diagnostic::EmptyTier { tier: t } => tier(*t).into_iter().collect(),
        Diagnostic::OverrideConflict { customer: c, .. }
        | Diagnostic::DependencyRisk { customer: c, .. } => customer(*c).into_iter().collect(),
        Diagnostic::TopTooThin { .. } | Diagnostic::Omitted { .. } => Vec::new(),
    }
}

/// The curses of the key accounts (customers of the organisation's account tiers) in the
/// latest history year (the tiering page's year), each only when the data can decide it: the
/// sum of the account tiers' rows of the page's curse table. Examples: top tier first, then
/// the largest account (its purchase last year, this year or its wallet, whichever is largest).
fn curse_signals(b: &Basis<'_>, out: &mut Vec<Signal>) {
    let ws = b.ws;
    let years = migration::years(&ws.customers);
    let this_year = years.last().copied().unwrap_or(ws.meta.fiscal_year);
    let decided = curse_coverage(&ws.customers, this_year);
    let key_tier = |t: &usize| {
        ws.tiering
            .tiers
            .get(*t)
            .is_some_and(|t| ws.org.is_account_tier(&t.id))
    };
    let mut accounts = 0;
    // Per curse (entry, growth, retention): (tier, size, name) of each account with it.
    let mut hit: [Vec<(usize, f64, &str)>; 3] = Default::default();
    for (c, a) in ws.customers.iter().zip(&b.assignments) {
        let Some(tier) = a.as_ref().map(|a| a.tier).filter(key_tier) else {
            continue;
        };
        accounts += 1;
        let f = curses(&ws.tiering.curses, c, this_year);
        if !f.any() {
            continue;
        }
        let size = purchase_in(c, this_year.saturating_sub(1))
            .max(c.annual_purchase)
            .max(c.wallet.filter(|w| w.is_finite()).unwrap_or(0.0));
        let row = (tier, size, c.name.as_str());
        let present = [f.entry.is_some(), f.growth.is_some(), f.retention.is_some()];
        for (list, yes) in hit.iter_mut().zip(present) {
            if yes {
                list.push(row);
            }
        }
    }
    let keys = ["entry", "growth", "retention"];
    let can = [decided.entry, decided.year_on_year, decided.year_on_year];
    for ((key, can), mut list) in keys.into_iter().zip(can).zip(hit) {
        if !can || list.is_empty() {
            continue;
        }
        sort_by(&mut list, |x, y| {
            x.0.cmp(&y.0)
                .then(y.1.total_cmp(&x.1))
                .then_with(|| x.2.cmp(y.2))
        });
        out.push(
            Signal::new(SignalKind::Curse, list.len())
                .about(key)
                .of(accounts)
                .examples(list.iter().map(|r| r.2)),
        );
    }
}

/// Tool 2: the industries the portfolio diagnostics find without a next engine, largest core
/// revenue first.
pub(super) fn portfolio(b: &Basis<'_>, out: &mut Vec<Signal>) {
    let p = &b.ws.portfolio;
    let mut without: Vec<(String, f64)> = calc::diagnose(p)
        .into_iter()
        .filter_map(|f| match f {
            Finding::NoNextEngine {
                industry,
                core_revenue,
            } => Some((industry, core_revenue)),
            _ => None,
        })
        .collect();
    if without.is_empty() {
        return;
    }
    sort_by(&mut without, |x, y| y.1.total_cmp(&x.1));
    let core: f64 = without.iter().map(|w| w.1).sum();
    out.push(
        Signal::new(SignalKind::NoNextEngine, without.len())
            .of(calc::industries(p).len())
            .amount(core)
            .examples(without.into_iter().map(|w| w.0)),
    );
}

//! Organization: Tool 3's missing roles, under-staffed accounts and over-allocated people;
//! Tool 5's account tiers without a review and roles overloaded with meetings.

use std::collections::HashMap;

use super::{Basis, Signal, SignalKind};
use crate::domain::governance::{accounts_per_tier, role_hours, warnings, Warning};
use crate::domain::org::staffing::staffing;
use crate::domain::org::FTE_EPSILON;
use crate::domain::sort::sort_by;

/// Tool 3, from the staffing the team page shows: one [`SignalKind::MissingRole`] per role
/// some account lacks (accounts in board order), then the under-staffed accounts, then the
/// over-allocated people (the most over first).
pub(super) fn team(b: &Basis<'_>, out: &mut Vec<Signal>) {
    let ws = b.ws;
    let s = staffing(&ws.org, &ws.tiering, &ws.customers, &b.assignments);
    for role in &ws.org.roles {
        let lacking: Vec<&str> = s
            .missing
            .iter()
            .filter(|m| m.role == role.id)
            .filter_map(|m| s.accounts.get(m.account))
            .map(|a| a.account.name.as_str())
            .collect();
        if lacking.is_empty() {
            continue;
        }
        let needing = s
            .accounts
            .iter()
            .filter(|a| a.role(&role.id).is_some_and(|r| r.required > FTE_EPSILON))
            .count();
        out.push(
            Signal::new(SignalKind::MissingRole, lacking.len())
                .about(&role.id)
                .of(needing)
                .examples(lacking),
        );
    }
    if !s.under_staffed.is_empty() {
        let with_need = s
            .accounts
            .iter()
            .filter(|a| a.coverage_pct.is_some())
            .count();
        out.push(
            Signal::new(SignalKind::UnderStaffed, s.under_staffed.len())
                .of(with_need)
                .examples(
                    s.under_staffed
                        .iter()
                        .filter_map(|&k| s.accounts.get(k))
                        .map(|a| a.account.name.as_str()),
                ),
        );
    }
    let mut over: Vec<(f64, String)> = s
        .over_allocated
        .iter()
        .filter_map(|&k| s.people.get(k))
        .map(|p| {
            let name = ws
                .org
                .people
                .get(p.index)
                .map_or_else(|| p.person.clone(), |x| x.name.clone());
            (p.load - p.capacity, name)
        })
        .collect();
    if !over.is_empty() {
        sort_by(&mut over, |x, y| y.0.total_cmp(&x.0));
        out.push(
            Signal::new(SignalKind::OverAllocated, over.len())
                .of(s.people.len())
                .examples(over.into_iter().map(|o| o.1)),
        );
    }
}

/// Tool 5, from the warnings the rhythm page shows for the fiscal year: one
/// [`SignalKind::TierWithoutReview`] per account tier no review meeting covers (its largest
/// accounts as examples), one [`SignalKind::MeetingOverload`] per role over the meeting limit.
pub(super) fn rhythm(b: &Basis<'_>, out: &mut Vec<Signal>) {
    let ws = b.ws;
    let doc = &ws.governance;
    let year = ws.meta.fiscal_year;
    let accounts = accounts_per_tier(&ws.customers, &b.tier_ids, &ws.org.account_tiers);
    let hours = role_hours(doc, &ws.org, &accounts, year);
    let found = warnings(doc, &ws.org, &accounts, &hours, year);
    // The accounts of the tiers without a review, in one pass over the customers.
    let mut of_tier: HashMap<&str, Vec<(f64, &str)>> = found
        .iter()
        .filter_map(|w| match w {
            Warning::TierWithoutReview { tier, .. } => Some((tier.as_str(), Vec::new())),
            Warning::RoleOverloaded { .. } => None,
        })
        .collect();
    if !of_tier.is_empty() {
        for (c, t) in ws.customers.iter().zip(&b.tier_ids) {
            if let Some(list) = t.as_deref().and_then(|t| of_tier.get_mut(t)) {
                list.push((c.annual_purchase, c.name.as_str()));
            }
        }
    }
    for w in &found {
        match w {
            Warning::TierWithoutReview { tier, accounts } => {
                let mut list = of_tier.remove(tier.as_str()).unwrap_or_default();
                sort_by(&mut list, |x, y| {
                    y.0.total_cmp(&x.0).then_with(|| x.1.cmp(y.1))
                });
                out.push(
                    Signal::new(SignalKind::TierWithoutReview, *accounts)
                        .about(tier)
                        .examples(list.into_iter().map(|l| l.1)),
                );
            }
            Warning::RoleOverloaded {
                role, months_over, ..
            } => out.push(
                Signal::new(SignalKind::MeetingOverload, *months_over)
                    .about(role)
                    .of(12),
            ),
        }
    }
}

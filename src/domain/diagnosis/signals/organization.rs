//! Organization: Tool 3's missing roles, under-staffed accounts and over-allocated people;
//! Tool 5's account tiers without a review and roles overloaded with meetings.

use super::{bilingual, Basis, Signal, SignalKind};
use crate::domain::governance::{accounts_per_tier, role_hours, warnings, Warning};
use crate::domain::org::duties::check_raci;
use crate::domain::org::FTE_EPSILON;
use crate::domain::sort::sort_by;

/// Tool 3, from the staffing the team page shows: one [`SignalKind::MissingRole`] per role
/// some account lacks (accounts in board order), then the under-staffed accounts, then the
/// over-allocated people (the most over first).
pub(super) fn team(b: &Basis<'_>, out: &mut Vec<Signal>) {
    let ws = b.ws;
    let s = &b.staffing;
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

/// Tool 4: the activities the RACI matrix's check faults, in activity order.
pub(super) fn roles(b: &Basis<'_>, out: &mut Vec<Signal>) {
    let ws = b.ws;
    let errors = check_raci(&ws.org, &ws.duties);
    let faulty: Vec<String> = ws
        .duties
        .activities
        .iter()
        .filter(|a| errors.iter().any(|e| e.activity() == a.id))
        .map(|a| bilingual(&a.name_zh, &a.name_en, &a.id))
        .collect();
    if !faulty.is_empty() {
        out.push(
            Signal::new(SignalKind::RaciGap, faulty.len())
                .of(ws.duties.activities.len())
                .examples(faulty),
        );
    }
}

/// Tool 5, from the warnings the rhythm page shows for the fiscal year: one
/// [`SignalKind::TierWithoutReview`] with the account tiers no review meeting covers (out of
/// the account tiers), one [`SignalKind::MeetingOverload`] per role over the meeting limit.
pub(super) fn rhythm(b: &Basis<'_>, out: &mut Vec<Signal>) {
    let ws = b.ws;
    let doc = &ws.governance;
    let year = ws.meta.fiscal_year;
    let accounts = accounts_per_tier(&ws.customers, &b.tier_ids, &ws.org.account_tiers);
    let hours = role_hours(doc, &ws.org, &accounts, year);
    let found = warnings(doc, &ws.org, &accounts, &hours, year);
    let unreviewed: Vec<String> = found
        .iter()
        .filter_map(|w| match w {
            Warning::TierWithoutReview { tier, .. } => Some(b.tier_name(tier)),
            Warning::RoleOverloaded { .. } => None,
        })
        .collect();
    if !unreviewed.is_empty() {
        out.push(
            Signal::new(SignalKind::TierWithoutReview, unreviewed.len())
                .of(ws.org.account_tiers.len())
                .examples(unreviewed),
        );
    }
    for w in &found {
        if let Warning::RoleOverloaded {
            role, months_over, ..
        } = w
        {
            out.push(
                Signal::new(SignalKind::MeetingOverload, *months_over)
                    .about(role)
                    .of(12),
            );
        }
    }
}

//! Per-role totals and the gap, and accounts per AR.

use super::{AccountStaffing, PersonLoad};
use crate::domain::org::{OrgDesign, AR, FTE_EPSILON};

/// Per role, over all accounts.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleTotals {
    /// Role id.
    pub role: String,
    /// Σ required FTE over the accounts.
    pub required: f64,
    /// Σ assigned FTE over the accounts (in this role, whoever holds it).
    pub assigned: f64,
    /// Σ capacity of the people whose home role this is.
    pub capacity: f64,
    /// Number of those people.
    pub headcount: usize,
    /// required − capacity; negative = spare capacity.
    pub gap_fte: f64,
    /// Full-time people to find: the positive gap rounded up (0 when there is none).
    pub gap_heads: u32,
}

/// Accounts per account responsible.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountsPerAr {
    /// Number of accounts.
    pub accounts: usize,
    /// People whose home role is AR.
    pub ar_headcount: usize,
    /// accounts / AR headcount; `None` without ARs.
    pub ratio: Option<f64>,
    /// Per AR (person id), the accounts they are assigned to as AR, in people order.
    pub per_person: Vec<(String, usize)>,
}

/// Whole full-time people needed for a gap of `gap_fte` (0 for no gap).
pub fn heads_for(gap_fte: f64) -> u32 {
    if gap_fte.is_nan() || gap_fte <= FTE_EPSILON {
        0
    } else {
        // `as` saturates, so an absurd gap cannot wrap.
        (gap_fte - FTE_EPSILON).ceil() as u32
    }
}

/// Per role: required and assigned over the accounts, capacity of the role's people, the gap.
pub(super) fn role_totals(
    design: &OrgDesign,
    accounts: &[AccountStaffing],
    people: &[PersonLoad],
) -> Vec<RoleTotals> {
    design
        .roles
        .iter()
        .enumerate()
        .map(|(r, role)| {
            let required: f64 = accounts.iter().map(|a| a.roles[r].required).sum();
            let assigned: f64 = accounts.iter().map(|a| a.roles[r].assigned).sum();
            let members = people.iter().filter(|p| p.role == role.id);
            let (headcount, capacity) = members.fold((0, 0.0), |(n, c), p| (n + 1, c + p.capacity));
            let gap_fte = required - capacity;
            RoleTotals {
                role: role.id.clone(),
                required,
                assigned,
                capacity,
                headcount,
                gap_fte,
                gap_heads: heads_for(gap_fte),
            }
        })
        .collect()
}

/// Accounts per AR: the ratio, and per AR person the accounts they hold as AR.
pub(super) fn accounts_per_ar(
    accounts: &[AccountStaffing],
    people: &[PersonLoad],
) -> AccountsPerAr {
    let per_person: Vec<(String, usize)> = people
        .iter()
        .filter(|p| p.role == AR)
        .map(|p| {
            let held = accounts
                .iter()
                .filter(|a| {
                    a.role(AR)
                        .is_some_and(|r| r.people.iter().any(|s| s.person == p.person))
                })
                .count();
            (p.person.clone(), held)
        })
        .collect();
    let ar_headcount = per_person.len();
    AccountsPerAr {
        accounts: accounts.len(),
        ar_headcount,
        ratio: (ar_headcount > 0).then(|| accounts.len() as f64 / ar_headcount as f64),
        per_person,
    }
}

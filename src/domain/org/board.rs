//! The account staffing board of Tool 3 (SPEC §3.4): what the board shows beyond the staffing
//! figures themselves — the status of a cell, the accounts grouped by tier, how each role total
//! is made up, whom to offer for a cell — and the edits it makes (add an assignment, change its
//! FTE, remove it, set or clear a triangle type by hand). All pure: the view only renders.

use super::staffing::{PersonLoad, RoleNeed, Staffing};
use super::{Assignment, OrgDesign, TriangleOverride, TriangleType, FTE_EPSILON};
use crate::domain::sort::sort_by;

/// How one role is staffed on one account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellStatus {
    /// Required, and assigned equals it.
    Met,
    /// Required, something assigned, but less than required.
    Short,
    /// Required, nothing assigned.
    Missing,
    /// More assigned than required (including something assigned where nothing is required).
    Over,
    /// Nothing required and nothing assigned.
    NotRequired,
}

impl CellStatus {
    /// The snake_case identifier (catalogue keys, CSS classes, test attributes).
    pub fn key(self) -> &'static str {
        match self {
            CellStatus::Met => "met",
            CellStatus::Short => "short",
            CellStatus::Missing => "missing",
            CellStatus::Over => "over",
            CellStatus::NotRequired => "not_required",
        }
    }
}

/// The status of a cell, with the same tolerance as the staffing sums ([`FTE_EPSILON`]).
pub fn cell_status(cell: &RoleNeed) -> CellStatus {
    let required = cell.required > FTE_EPSILON;
    let assigned = cell.assigned > FTE_EPSILON;
    match (required, assigned) {
        (false, false) => CellStatus::NotRequired,
        (false, true) => CellStatus::Over,
        (true, false) => CellStatus::Missing,
        (true, true) if cell.assigned + FTE_EPSILON < cell.required => CellStatus::Short,
        (true, true) if cell.assigned > cell.required + FTE_EPSILON => CellStatus::Over,
        (true, true) => CellStatus::Met,
    }
}

/// The FTE offered by default when assigning someone to a cell: what is still missing, else
/// what the cell requires, else one full-time person's worth.
pub fn suggested_fte(cell: &RoleNeed) -> f64 {
    if cell.shortfall() > FTE_EPSILON {
        cell.shortfall()
    } else if cell.required > FTE_EPSILON {
        cell.required
    } else {
        1.0
    }
}

/// Consecutive accounts of one tier on the board.
#[derive(Clone, Debug, PartialEq)]
pub struct TierGroup {
    /// Tier id.
    pub tier: String,
    /// Indices into `Staffing::accounts`, in board order.
    pub accounts: Vec<usize>,
}

/// The accounts grouped by tier, in the order the staffing gives them (top tier first).
pub fn tier_groups(staffing: &Staffing) -> Vec<TierGroup> {
    let mut groups: Vec<TierGroup> = Vec::new();
    for (k, a) in staffing.accounts.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if g.tier == a.account.tier => g.accounts.push(k),
            _ => groups.push(TierGroup {
                tier: a.account.tier.clone(),
                accounts: vec![k],
            }),
        }
    }
    groups
}

/// One term of a role's required total: `accounts` accounts of `tier` requiring `fte_each`.
#[derive(Clone, Debug, PartialEq)]
pub struct RequiredTerm {
    /// Tier id.
    pub tier: String,
    /// FTE each of these accounts requires in the role.
    pub fte_each: f64,
    /// How many accounts.
    pub accounts: usize,
}

/// How the required total of `role` is made up: accounts grouped by tier and FTE, in board
/// order, leaving out those that require nothing. Σ accounts × fte_each = the role's required.
pub fn required_terms(staffing: &Staffing, role: &str) -> Vec<RequiredTerm> {
    let mut terms: Vec<RequiredTerm> = Vec::new();
    for a in &staffing.accounts {
        let Some(need) = a.role(role).filter(|r| r.required > FTE_EPSILON) else {
            continue;
        };
        let same = |t: &&mut RequiredTerm| {
            t.tier == a.account.tier && (t.fte_each - need.required).abs() <= FTE_EPSILON
        };
        match terms.iter_mut().find(|t| same(t)) {
            Some(t) => t.accounts += 1,
            None => terms.push(RequiredTerm {
                tier: a.account.tier.clone(),
                fte_each: need.required,
                accounts: 1,
            }),
        }
    }
    terms
}

/// The people offered for a cell of `role`: those whose home role it is first, then the others;
/// within each group the least loaded (by load − capacity, free capacity first), then people
/// order. Indices into `Staffing::people`.
pub fn candidates(staffing: &Staffing, role: &str) -> Vec<usize> {
    let mut order: Vec<usize> = (0..staffing.people.len()).collect();
    let spare = |p: &PersonLoad| p.load - p.capacity;
    sort_by(&mut order, |&a, &b| {
        let (pa, pb) = (&staffing.people[a], &staffing.people[b]);
        (pa.role != role)
            .cmp(&(pb.role != role))
            .then(spare(pa).total_cmp(&spare(pb)))
            .then(a.cmp(&b))
    });
    order
}

/// An FTE figure written for reading: at most two decimals, trailing zeros trimmed
/// (0.25, 1.6, 10); "—" when not a number.
pub fn format_fte(fte: f64) -> String {
    if !fte.is_finite() {
        return "—".to_string();
    }
    let rounded = (fte * 100.0).round() / 100.0;
    // Avoid "-0" for a tiny negative remainder.
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    let s = format!("{rounded:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Why an FTE typed into the board cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FteError {
    /// Empty, or not a number.
    NotANumber,
    /// Zero or less.
    NotPositive,
    /// More than [`MAX_ASSIGNMENT_FTE`]: one person cannot give one account more.
    TooLarge,
}

/// The most one assignment can give: one person full time, with room for overtime.
pub const MAX_ASSIGNMENT_FTE: f64 = 2.0;

/// Reads an FTE typed by a user: a decimal number (a comma is taken as the decimal point, as
/// some keyboards write it), greater than 0 and at most [`MAX_ASSIGNMENT_FTE`].
pub fn parse_fte(text: &str) -> Result<f64, FteError> {
    let t = text.trim().replace(',', ".");
    let fte: f64 = t.parse().map_err(|_| FteError::NotANumber)?;
    if !fte.is_finite() {
        Err(FteError::NotANumber)
    } else if fte <= 0.0 {
        Err(FteError::NotPositive)
    } else if fte > MAX_ASSIGNMENT_FTE {
        Err(FteError::TooLarge)
    } else {
        Ok(fte)
    }
}

/// An assignment id not used yet in `org`: `as-<n>`, the smallest n above the count.
pub fn new_assignment_id(org: &OrgDesign) -> String {
    let mut n = org.assignments.len() + 1;
    loop {
        let id = format!("as-{n:02}");
        if !org.assignments.iter().any(|a| a.id == id) {
            return id;
        }
        n += 1;
    }
}

/// `org` with a new assignment of `person` to `account` in `role` for `fte` (its id from
/// [`new_assignment_id`]).
pub fn with_assignment(
    org: &OrgDesign,
    person: &str,
    account: &str,
    role: &str,
    fte: f64,
) -> OrgDesign {
    let mut next = org.clone();
    next.assignments.push(Assignment {
        id: new_assignment_id(org),
        person: person.to_string(),
        account: account.to_string(),
        role: role.to_string(),
        fte,
        updated_at: 0,
    });
    next
}

/// `org` with the FTE of assignment `id` set to `fte`; `None` when there is no such assignment.
pub fn with_assignment_fte(org: &OrgDesign, id: &str, fte: f64) -> Option<OrgDesign> {
    let mut next = org.clone();
    next.assignments.iter_mut().find(|a| a.id == id)?.fte = fte;
    Some(next)
}

/// `org` without assignment `id`; `None` when there is no such assignment.
pub fn without_assignment(org: &OrgDesign, id: &str) -> Option<OrgDesign> {
    let mut next = org.clone();
    let before = next.assignments.len();
    next.assignments.retain(|a| a.id != id);
    (next.assignments.len() < before).then_some(next)
}

/// Why a triangle type cannot be set by hand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OverrideError {
    /// The reason is empty: a hand-set type must say why.
    MissingReason,
}

/// `org` with the triangle type of `customer` set by hand (`Some((type, reason))`, replacing any
/// earlier one) or cleared (`None`, removing every override of the customer).
pub fn with_triangle_override(
    org: &OrgDesign,
    customer: &str,
    value: Option<(TriangleType, &str)>,
) -> Result<OrgDesign, OverrideError> {
    let mut next = org.clone();
    match value {
        None => next.triangle_overrides.retain(|o| o.customer != customer),
        Some((triangle, reason)) => {
            let reason = reason.trim();
            if reason.is_empty() {
                return Err(OverrideError::MissingReason);
            }
            let set = TriangleOverride {
                customer: customer.to_string(),
                triangle,
                reason: reason.to_string(),
                updated_at: 0,
            };
            let mut done = false;
            next.triangle_overrides.retain_mut(|o| {
                if o.customer != customer {
                    return true;
                }
                if done {
                    return false;
                }
                done = true;
                // Keep the time when nothing changes, so the edit is recognised as a no-op.
                if o.triangle != set.triangle || o.reason != set.reason {
                    *o = set.clone();
                }
                true
            });
            if !done {
                next.triangle_overrides.push(set);
            }
        }
    }
    Ok(next)
}

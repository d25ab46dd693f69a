//! Staffing of the accounts (SPEC §3.4): which customers are accounts and of which triangle type,
//! the FTE each role should give them (the coverage template), what the assignments give them,
//! how loaded each person is, and the gap per role.
//!
//! Definitions, all in FTE (1.0 = one full-time person):
//!
//! - **required** of an account and role: the template row of the account's tier and triangle
//!   type; an account without a row requires nothing (and is reported).
//! - **assigned**: the sum of the valid assignments to the account in that role, whoever holds
//!   them.
//! - **missing role**: required > 0 and nothing assigned.
//! - **under-staffed**: covered < 80 % (`OrgDesign::understaffed_below_pct`) of required, where
//!   covered = Σ over roles of min(assigned, required) and required is the sum over roles. A
//!   surplus in one role does not make up for a shortfall in another. Exactly 80 % is not
//!   under-staffed.
//! - **load** of a person: the sum of their valid assignments (to accounts or to other
//!   customers); **over-allocated** when load > capacity.
//! - per role, **capacity**: Σ capacity of the people whose home role it is; **gap** = required −
//!   capacity (negative = spare capacity); **heads** to find = the gap rounded up to whole
//!   full-time people.
//!
//! An assignment naming an unknown person, customer or role, or with an FTE that is not a positive
//! number, is reported and counted nowhere. One to a customer outside the account tiers is
//! reported and counts towards the person's load only.

use std::borrow::Borrow;
use std::collections::{BTreeSet, HashMap};

mod notice;
mod totals;

pub use notice::StaffingNotice;
pub use totals::{heads_for, AccountsPerAr, RoleTotals};

use super::triangle::{triangle_of, TriangleCall};
use super::{OrgDesign, FTE_EPSILON};
use crate::domain::sort::sort_by;
use crate::domain::tiering::{self, TieringConfig};
use crate::domain::workspace::Customer;
use totals::{accounts_per_ar, role_totals};

/// A customer of one of the account tiers, with its triangle type.
#[derive(Clone, Debug, PartialEq)]
pub struct Account {
    /// Index into the customers given to [`accounts`].
    pub customer: usize,
    /// Customer id.
    pub id: String,
    /// Customer name.
    pub name: String,
    /// Tier id.
    pub tier: String,
    /// Triangle type and why.
    pub triangle: TriangleCall,
}

/// The accounts among `customers` (tiers as `tier_assignments`, in customer order, gives them):
/// the customers whose tier is one of the design's account tiers, top tier first, then by annual
/// purchase (largest first), name and id.
pub fn accounts<C: Borrow<Customer>>(
    design: &OrgDesign,
    tiering: &TieringConfig,
    customers: &[C],
    tier_assignments: &[Option<tiering::Assignment>],
) -> Vec<Account> {
    let mut out: Vec<(usize, f64, Account)> = Vec::new();
    for (i, (c, a)) in customers.iter().zip(tier_assignments).enumerate() {
        let c = c.borrow();
        let Some(tier) = a.as_ref().and_then(|a| tiering.tiers.get(a.tier)) else {
            continue;
        };
        if !design.is_account_tier(&tier.id) {
            continue;
        }
        let rank = a.as_ref().map_or(usize::MAX, |a| a.tier);
        let account = Account {
            customer: i,
            id: c.id.clone(),
            name: c.name.clone(),
            tier: tier.id.clone(),
            triangle: triangle_of(design, c),
        };
        out.push((rank, c.annual_purchase, account));
    }
    sort_by(&mut out, |(ra, pa, a), (rb, pb, b)| {
        ra.cmp(rb)
            .then(pb.total_cmp(pa))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    out.into_iter().map(|(_, _, a)| a).collect()
}

/// One person's share of a cell of the staffing board.
#[derive(Clone, Debug, PartialEq)]
pub struct Staffed {
    /// Person id.
    pub person: String,
    /// Assignment id.
    pub assignment: String,
    /// FTE.
    pub fte: f64,
}

/// One role on one account: what it needs and what it has.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleNeed {
    /// Role id.
    pub role: String,
    /// Required FTE (from the template).
    pub required: f64,
    /// Assigned FTE.
    pub assigned: f64,
    /// Who gives it, in assignment order.
    pub people: Vec<Staffed>,
}

impl RoleNeed {
    /// Required − assigned (negative when over-staffed).
    pub fn shortfall(&self) -> f64 {
        self.required - self.assigned
    }
}

/// The staffing of one account.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountStaffing {
    /// The account.
    pub account: Account,
    /// Id of the template row used; `None` when there is none for its tier and type.
    pub template: Option<String>,
    /// One entry per role of the design, in role order.
    pub roles: Vec<RoleNeed>,
    /// Σ required over roles.
    pub required: f64,
    /// Σ assigned over roles.
    pub assigned: f64,
    /// Σ over roles of min(assigned, required).
    pub covered: f64,
    /// covered / required × 100; `None` when nothing is required.
    pub coverage_pct: Option<f64>,
    /// Roles required but with nothing assigned.
    pub missing: Vec<String>,
    /// covered < threshold × required.
    pub under_staffed: bool,
}

impl AccountStaffing {
    /// The entry of `role`.
    pub fn role(&self, role: &str) -> Option<&RoleNeed> {
        self.roles.iter().find(|r| r.role == role)
    }
}

/// How loaded one person is.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonLoad {
    /// Person id.
    pub person: String,
    /// Index into `OrgDesign::people`.
    pub index: usize,
    /// Home role id.
    pub role: String,
    /// Capacity FTE (0 when the stored figure is not a number ≥ 0).
    pub capacity: f64,
    /// Σ FTE of the person's valid assignments.
    pub load: f64,
    /// load / capacity × 100; `None` when the capacity is 0.
    pub load_pct: Option<f64>,
    /// load > capacity.
    pub over_allocated: bool,
    /// Distinct customers the person works on.
    pub accounts: usize,
    /// Indices into `OrgDesign::assignments` of the counted assignments.
    pub assignments: Vec<usize>,
}

/// A required role with nothing assigned on an account.
#[derive(Clone, Debug, PartialEq)]
pub struct MissingRole {
    /// Index into `Staffing::accounts`.
    pub account: usize,
    /// Role id.
    pub role: String,
    /// Required FTE.
    pub required: f64,
}

/// Every staffing figure of a design.
#[derive(Clone, Debug, PartialEq)]
pub struct Staffing {
    /// Per account, in account order.
    pub accounts: Vec<AccountStaffing>,
    /// Per person, in people order.
    pub people: Vec<PersonLoad>,
    /// Per role, in role order.
    pub roles: Vec<RoleTotals>,
    /// Required roles with nothing assigned, account by account.
    pub missing: Vec<MissingRole>,
    /// Indices into `accounts` of the under-staffed accounts.
    pub under_staffed: Vec<usize>,
    /// Indices into `people` of the over-allocated people.
    pub over_allocated: Vec<usize>,
    /// The under-staffed threshold used, %.
    pub understaffed_below_pct: f64,
    /// Accounts per AR.
    pub accounts_per_ar: AccountsPerAr,
    /// What could not be used as it stands.
    pub notices: Vec<StaffingNotice>,
}

impl Staffing {
    /// The totals of `role`.
    pub fn role(&self, role: &str) -> Option<&RoleTotals> {
        self.roles.iter().find(|r| r.role == role)
    }

    /// The staffing of the account with this customer id.
    pub fn account(&self, id: &str) -> Option<&AccountStaffing> {
        self.accounts.iter().find(|a| a.account.id == id)
    }

    /// The load of the person with this id.
    pub fn person(&self, id: &str) -> Option<&PersonLoad> {
        self.people.iter().find(|p| p.person == id)
    }
}

/// Accounts and staffing in one call: [`accounts`] then [`staff`].
pub fn staffing<C: Borrow<Customer>>(
    design: &OrgDesign,
    tiering: &TieringConfig,
    customers: &[C],
    tier_assignments: &[Option<tiering::Assignment>],
) -> Staffing {
    let list = accounts(design, tiering, customers, tier_assignments);
    staff(design, customers, list)
}

/// The template figures of each account: the row used and the required FTE per role (role order).
fn requirements(
    design: &OrgDesign,
    accounts: &[Account],
    notices: &mut Vec<StaffingNotice>,
) -> Vec<(Option<String>, Vec<f64>)> {
    for row in &design.templates {
        for (role, &fte) in &row.fte {
            if design.role(role).is_none() {
                notices.push(StaffingNotice::TemplateUnknownRole {
                    template: row.id.clone(),
                    role: role.clone(),
                });
            } else if !(fte.is_finite() && fte >= 0.0) {
                notices.push(StaffingNotice::InvalidTemplateFte {
                    template: row.id.clone(),
                    role: role.clone(),
                    fte,
                });
            }
        }
    }
    accounts
        .iter()
        .map(|a| {
            let Some(row) = design.template(&a.tier, a.triangle.triangle) else {
                notices.push(StaffingNotice::NoTemplate {
                    account: a.id.clone(),
                    tier: a.tier.clone(),
                    triangle: a.triangle.triangle,
                });
                return (None, vec![0.0; design.roles.len()]);
            };
            let fte = design
                .roles
                .iter()
                .map(|r| Some(row.fte_of(&r.id)).filter(|f| f.is_finite() && *f >= 0.0))
                .map(|f| f.unwrap_or(0.0))
                .collect();
            (Some(row.id.clone()), fte)
        })
        .collect()
}

/// The staffing of `accounts` (from [`accounts`] over the same `customers`) under `design`.
pub fn staff<C: Borrow<Customer>>(
    design: &OrgDesign,
    customers: &[C],
    accounts: Vec<Account>,
) -> Staffing {
    let mut notices = Vec::new();
    let role_index: HashMap<&str, usize> = first_index(design.roles.iter().map(|r| r.id.as_str()));
    let person_index = first_index(design.people.iter().map(|p| p.id.as_str()));
    let account_index = first_index(accounts.iter().map(|a| a.id.as_str()));
    let customer_ids: BTreeSet<&str> = customers.iter().map(|c| c.borrow().id.as_str()).collect();
    let needs = requirements(design, &accounts, &mut notices);

    let mut people = empty_loads(design, &role_index, &mut notices);
    let mut cells: Vec<Vec<RoleNeed>> = needs
        .iter()
        .map(|(_, fte)| {
            design
                .roles
                .iter()
                .zip(fte)
                .map(|(r, &required)| RoleNeed {
                    role: r.id.clone(),
                    required,
                    assigned: 0.0,
                    people: Vec::new(),
                })
                .collect()
        })
        .collect();

    let mut seen: HashMap<(&str, &str, &str), &str> = HashMap::new();
    let mut customers_of: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); people.len()];
    for (i, a) in design.assignments.iter().enumerate() {
        let id = || a.id.clone();
        if !(a.fte.is_finite() && a.fte > 0.0) {
            let fte = a.fte;
            notices.push(StaffingNotice::InvalidFte {
                assignment: id(),
                fte,
            });
            continue;
        }
        let Some(&p) = person_index.get(a.person.as_str()) else {
            let person = a.person.clone();
            notices.push(StaffingNotice::UnknownPerson {
                assignment: id(),
                person,
            });
            continue;
        };
        let Some(&r) = role_index.get(a.role.as_str()) else {
            let role = a.role.clone();
            notices.push(StaffingNotice::UnknownRole {
                assignment: id(),
                role,
            });
            continue;
        };
        let account = account_index.get(a.account.as_str()).copied();
        if account.is_none() {
            let customer = a.account.clone();
            if customer_ids.contains(a.account.as_str()) {
                notices.push(StaffingNotice::NotAnAccount {
                    assignment: id(),
                    customer,
                });
            } else {
                notices.push(StaffingNotice::UnknownCustomer {
                    assignment: id(),
                    customer,
                });
                continue;
            }
        }
        let person = &design.people[p];
        if let Some(first) = seen.insert((&a.person, &a.account, &a.role), &a.id) {
            let first = first.to_string();
            notices.push(StaffingNotice::DuplicateAssignment {
                assignment: id(),
                first,
            });
        }
        if person.role != a.role && !doubles(design, account.map(|k| &accounts[k]), person, a) {
            notices.push(StaffingNotice::RoleMismatch {
                assignment: id(),
                person: person.id.clone(),
                person_role: person.role.clone(),
                role: a.role.clone(),
            });
        }
        let load = &mut people[p];
        load.load += a.fte;
        load.assignments.push(i);
        customers_of[p].insert(&a.account);
        if let Some(k) = account {
            let cell = &mut cells[k][r];
            cell.assigned += a.fte;
            cell.people.push(Staffed {
                person: a.person.clone(),
                assignment: a.id.clone(),
                fte: a.fte,
            });
        }
    }

    let mut over_allocated = Vec::new();
    for (k, load) in people.iter_mut().enumerate() {
        load.accounts = customers_of[k].len();
        load.load_pct = (load.capacity > 0.0).then(|| load.load / load.capacity * 100.0);
        load.over_allocated = load.load > load.capacity + FTE_EPSILON;
        if load.over_allocated {
            over_allocated.push(k);
        }
    }

    let threshold = design.understaffed_below_pct / 100.0;
    let staffed: Vec<AccountStaffing> = accounts
        .into_iter()
        .zip(needs)
        .zip(cells)
        .map(|((account, (template, _)), roles)| {
            account_staffing(account, template, roles, threshold)
        })
        .collect();
    let missing = staffed
        .iter()
        .enumerate()
        .flat_map(|(k, a)| {
            a.roles
                .iter()
                .filter(|r| a.missing.contains(&r.role))
                .map(move |r| MissingRole {
                    account: k,
                    role: r.role.clone(),
                    required: r.required,
                })
        })
        .collect();
    let under_staffed = (0..staffed.len())
        .filter(|&k| staffed[k].under_staffed)
        .collect();

    let roles = role_totals(design, &staffed, &people);
    let accounts_per_ar = accounts_per_ar(&staffed, &people);
    Staffing {
        accounts: staffed,
        people,
        roles,
        missing,
        under_staffed,
        over_allocated,
        understaffed_below_pct: design.understaffed_below_pct,
        accounts_per_ar,
        notices,
    }
}

/// A zero load for every person, with their capacity (0 when the stored one is not a number ≥ 0,
/// which is reported like a role that does not exist).
fn empty_loads(
    design: &OrgDesign,
    role_index: &HashMap<&str, usize>,
    notices: &mut Vec<StaffingNotice>,
) -> Vec<PersonLoad> {
    design
        .people
        .iter()
        .enumerate()
        .map(|(index, p)| {
            if !role_index.contains_key(p.role.as_str()) {
                notices.push(StaffingNotice::PersonUnknownRole {
                    person: p.id.clone(),
                    role: p.role.clone(),
                });
            }
            let valid = p.capacity_fte.is_finite() && p.capacity_fte >= 0.0;
            if !valid {
                notices.push(StaffingNotice::InvalidCapacity {
                    person: p.id.clone(),
                    capacity: p.capacity_fte,
                });
            }
            PersonLoad {
                person: p.id.clone(),
                index,
                role: p.role.clone(),
                capacity: if valid { p.capacity_fte } else { 0.0 },
                load: 0.0,
                load_pct: None,
                over_allocated: false,
                accounts: 0,
                assignments: Vec::new(),
            }
        })
        .collect()
}

/// The totals, coverage, missing roles and under-staffing of one account from its cells.
fn account_staffing(
    account: Account,
    template: Option<String>,
    roles: Vec<RoleNeed>,
    threshold: f64,
) -> AccountStaffing {
    let required: f64 = roles.iter().map(|r| r.required).sum();
    let assigned: f64 = roles.iter().map(|r| r.assigned).sum();
    let covered: f64 = roles.iter().map(|r| r.assigned.min(r.required)).sum();
    let missing = roles
        .iter()
        .filter(|r| r.required > FTE_EPSILON && r.assigned <= FTE_EPSILON)
        .map(|r| r.role.clone())
        .collect();
    AccountStaffing {
        account,
        template,
        required,
        assigned,
        covered,
        coverage_pct: (required > FTE_EPSILON).then(|| covered / required * 100.0),
        missing,
        under_staffed: required > FTE_EPSILON && covered + FTE_EPSILON < threshold * required,
        roles,
    }
}

/// Position of the first occurrence of each id.
fn first_index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

/// True when the account's template says the person's role doubles as the assigned one.
fn doubles(
    design: &OrgDesign,
    account: Option<&Account>,
    person: &super::Person,
    a: &super::Assignment,
) -> bool {
    account
        .and_then(|acc| design.template(&acc.tier, acc.triangle.triangle))
        .is_some_and(|row| {
            row.doubles
                .iter()
                .any(|d| d.by == person.role && d.covers == a.role)
        })
}

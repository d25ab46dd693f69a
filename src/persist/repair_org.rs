//! The load path's repairs of the organisation documents (Tools 3, 4 and 7): unique ids in every
//! list, the built-in roles present, and no reference to a person or customer that does not
//! exist. Each repair is reported (see [`Repair`]), never made silently.

use std::collections::HashSet;

use super::validate::Repair;
use crate::domain::org::{defaults, BUILT_IN_ROLES};
use crate::domain::workspace::Workspace;

/// Repairs `ws.org`, `ws.duties` and `ws.talent` in place, appending what it did to `repairs`.
pub fn repair_org(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let org = &mut ws.org;
    dedupe_keys(&mut org.roles, |r| &r.id, "org.roles", repairs);
    for built_in in defaults::roles() {
        if !org.roles.iter().any(|r| r.id == built_in.id) {
            repairs.push(Repair::BuiltInRoleRestored(built_in.id.clone()));
            let at = BUILT_IN_ROLES
                .iter()
                .position(|b| *b == built_in.id)
                .unwrap_or(0)
                .min(org.roles.len());
            org.roles.insert(at, built_in);
        }
    }
    unique_ids(
        &mut org.templates,
        |t| &mut t.id,
        "org.templates",
        "tpl",
        repairs,
    );
    unique_ids(
        &mut org.stages,
        |t| &mut t.id,
        "org.stages",
        "stage",
        repairs,
    );
    unique_ids(&mut org.people, |p| &mut p.id, "org.people", "p", repairs);
    unique_ids(
        &mut org.assignments,
        |a| &mut a.id,
        "org.assignments",
        "as",
        repairs,
    );
    dedupe_keys(
        &mut org.triangle_overrides,
        |o| &o.customer,
        "org.triangle_overrides",
        repairs,
    );

    let customers: HashSet<&str> = ws.customers.iter().map(|c| c.id.as_str()).collect();
    let people: HashSet<&str> = org.people.iter().map(|p| p.id.as_str()).collect();
    org.assignments.retain(|a| {
        if !people.contains(a.person.as_str()) {
            repairs.push(Repair::AssignmentUnknownPerson {
                assignment: a.id.clone(),
                person: a.person.clone(),
            });
            false
        } else if !customers.contains(a.account.as_str()) {
            repairs.push(Repair::AssignmentUnknownCustomer {
                assignment: a.id.clone(),
                customer: a.account.clone(),
            });
            false
        } else {
            true
        }
    });
    org.triangle_overrides.retain(|o| {
        let known = customers.contains(o.customer.as_str());
        if !known {
            repairs.push(Repair::DanglingTriangleOverride(o.customer.clone()));
        }
        known
    });

    unique_ids(
        &mut ws.duties.cards,
        |c| &mut c.id,
        "duties.cards",
        "card",
        repairs,
    );
    unique_ids(
        &mut ws.duties.activities,
        |a| &mut a.id,
        "duties.activities",
        "act",
        repairs,
    );
    unique_ids(
        &mut ws.talent.roles,
        |r| &mut r.id,
        "talent.roles",
        "talent",
        repairs,
    );
    for role in &mut ws.talent.roles {
        let list = format!("talent.roles[{}]", role.role);
        unique_ids(
            &mut role.sources,
            |s| &mut s.id,
            &format!("{list}.sources"),
            "src",
            repairs,
        );
        unique_ids(
            &mut role.ladder,
            |s| &mut s.id,
            &format!("{list}.ladder"),
            "step",
            repairs,
        );
        unique_ids(
            &mut role.enablement,
            |e| &mut e.id,
            &format!("{list}.enablement"),
            "en",
            repairs,
        );
    }
}

/// Gives every record with an empty or already used id a new `<prefix>-<n>`.
pub(super) fn unique_ids<T>(
    items: &mut [T],
    id: impl Fn(&mut T) -> &mut String,
    list: &str,
    prefix: &str,
    repairs: &mut Vec<Repair>,
) {
    let mut seen: HashSet<String> = HashSet::with_capacity(items.len());
    let taken: HashSet<String> = items.iter_mut().map(|t| id(t).clone()).collect();
    let mut n = 1usize;
    for item in items.iter_mut() {
        let current = id(item);
        if current.trim().is_empty() || seen.contains(current.as_str()) {
            let mut fresh = format!("{prefix}-{n}");
            while taken.contains(&fresh) || seen.contains(&fresh) {
                n += 1;
                fresh = format!("{prefix}-{n}");
            }
            repairs.push(Repair::OrgIdAssigned {
                list: list.to_string(),
                id: fresh.clone(),
            });
            *current = fresh;
        }
        seen.insert(current.clone());
    }
}

/// Keeps the first record of each key (a role id, a customer of a triangle override): the others
/// could never be reached.
pub(super) fn dedupe_keys<T>(
    items: &mut Vec<T>,
    key: impl Fn(&T) -> &String,
    list: &str,
    repairs: &mut Vec<Repair>,
) {
    let mut seen: HashSet<String> = HashSet::with_capacity(items.len());
    items.retain(|item| {
        let k = key(item);
        if seen.insert(k.clone()) {
            true
        } else {
            repairs.push(Repair::OrgDuplicateRemoved {
                list: list.to_string(),
                id: k.clone(),
            });
            false
        }
    });
}

//! The load path's repairs of MCR's document: lists capped, unique ids, stakeholders, plan
//! items and VCT checks of accounts that are customers, contacts of stakeholders that exist,
//! support and influence within their ranges, reports-to lines that stay in the account and do
//! not go round in a circle, owners and our people who are people of the team, dates that are
//! dates, VCT answers within 0–5, and the stakeholders a 151 entry names of its own account.
//! Each repair is reported. Afterwards [`crate::domain::mcr::check`] passes, whatever was read.

use std::collections::{HashMap, HashSet};

use super::repair_org::unique_ids;
use super::validate::{McrFix, Repair};
use crate::domain::dates::day_number;
use crate::domain::mcr::layout::cycles;
use crate::domain::mcr::{INFLUENCE_MAX, INFLUENCE_MIN, SUPPORT_MAX, SUPPORT_MIN, VCT_RANGE};
use crate::domain::workspace::Workspace;

/// The most stakeholders kept (all accounts together): far above any real decision chain, low
/// enough that the views and the calculations stay responsive.
pub const MAX_STAKEHOLDERS: usize = 20_000;
/// The most contacts kept in the log.
pub const MAX_CONTACTS: usize = 100_000;
/// The most MCR plan items kept.
pub const MAX_PLAN_ITEMS: usize = 20_000;
/// The most VCT checks kept.
pub const MAX_VCT_CHECKS: usize = 20_000;
/// The most of our people kept on one contact.
pub const MAX_OUR_PEOPLE: usize = 50;
/// The most stakeholders kept on one 151 entry.
pub const MAX_MET: usize = 100;

fn fix(path: impl Into<String>, what: McrFix, repairs: &mut Vec<Repair>) {
    repairs.push(Repair::Mcr {
        path: path.into(),
        fix: what,
    });
}

/// Cuts `list` to `max` records, reporting how many went.
fn cap_list<T>(list: &mut Vec<T>, max: usize, path: &str, repairs: &mut Vec<Repair>) {
    if list.len() > max {
        let cut = list.len() - max;
        list.truncate(max);
        fix(path, McrFix::Capped { max, cut }, repairs);
    }
}

fn date(d: &mut String, path: impl FnOnce() -> String, repairs: &mut Vec<Repair>) {
    if !d.is_empty() && day_number(d).is_none() {
        d.clear();
        fix(path(), McrFix::Cleared, repairs);
    }
}

/// Clears a person reference that names no person of the team.
fn person(
    p: &mut Option<String>,
    people: &HashSet<String>,
    path: impl FnOnce() -> String,
    repairs: &mut Vec<Repair>,
) {
    if p.as_ref().is_some_and(|x| !people.contains(x)) {
        *p = None;
        fix(path(), McrFix::Cleared, repairs);
    }
}

/// Repairs `ws.mcr` (and the stakeholders named by `ws.engagement`'s entries) in place,
/// appending what it did to `repairs`.
pub fn repair_mcr(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let customers: HashSet<String> = ws.customers.iter().map(|c| c.id.clone()).collect();
    let people: HashSet<String> = ws.org.people.iter().map(|p| p.id.clone()).collect();
    let mcr = &mut ws.mcr;

    // Capped first, so that every later pass is bounded.
    cap_list(
        &mut mcr.stakeholders,
        MAX_STAKEHOLDERS,
        "mcr.stakeholders",
        repairs,
    );
    cap_list(&mut mcr.contacts, MAX_CONTACTS, "mcr.contacts", repairs);
    cap_list(&mut mcr.plan, MAX_PLAN_ITEMS, "mcr.plan", repairs);
    cap_list(&mut mcr.vct, MAX_VCT_CHECKS, "mcr.vct", repairs);

    unique_ids(
        &mut mcr.stakeholders,
        |s| &mut s.id,
        "mcr.stakeholders",
        "sh",
        repairs,
    );
    mcr.stakeholders.retain(|s| {
        let path = || format!("mcr.stakeholders.{}", s.id);
        if s.name.trim().is_empty() {
            fix(path(), McrFix::NoName, repairs);
            false
        } else if !customers.contains(&s.account) {
            fix(format!("{}.account", path()), McrFix::Removed, repairs);
            false
        } else {
            true
        }
    });
    let account_of: HashMap<String, String> = mcr
        .stakeholders
        .iter()
        .map(|s| (s.id.clone(), s.account.clone()))
        .collect();
    for s in mcr.stakeholders.iter_mut() {
        let id = s.id.clone();
        let p = |f: &str| format!("mcr.stakeholders.{id}.{f}");
        if !(SUPPORT_MIN..=SUPPORT_MAX).contains(&s.support) {
            s.support = s.support.clamp(SUPPORT_MIN, SUPPORT_MAX);
            fix(p("support"), McrFix::Clamped, repairs);
        }
        if !(INFLUENCE_MIN..=INFLUENCE_MAX).contains(&s.influence) {
            s.influence = s.influence.clamp(INFLUENCE_MIN, INFLUENCE_MAX);
            fix(p("influence"), McrFix::Clamped, repairs);
        }
        person(&mut s.owner, &people, || p("owner"), repairs);
        date(&mut s.last_contact, || p("last_contact"), repairs);
        let bad_boss = s
            .reports_to
            .as_ref()
            .is_some_and(|b| *b == s.id || account_of.get(b) != Some(&s.account));
        if bad_boss {
            s.reports_to = None;
            fix(p("reports_to"), McrFix::Cleared, repairs);
        }
    }
    // The cycles of a reports-to graph (one line out of each stakeholder) share no member, so
    // clearing one line of each breaks them all.
    for cycle in cycles(&mcr.stakeholders) {
        let names: Vec<&str> = cycle
            .iter()
            .filter_map(|i| mcr.stakeholders.get(*i))
            .map(|s| s.name.as_str())
            .collect();
        let names = names.join(" → ");
        if let Some(first) = cycle.first().and_then(|i| mcr.stakeholders.get_mut(*i)) {
            first.reports_to = None;
            fix(
                format!("mcr.stakeholders.{}.reports_to", first.id),
                McrFix::CycleBroken(names),
                repairs,
            );
        }
    }

    unique_ids(
        &mut mcr.contacts,
        |c| &mut c.id,
        "mcr.contacts",
        "contact",
        repairs,
    );
    mcr.contacts.retain(|c| {
        let keep = account_of.contains_key(&c.stakeholder);
        if !keep {
            fix(
                format!("mcr.contacts.{}.stakeholder", c.id),
                McrFix::Removed,
                repairs,
            );
        }
        keep
    });
    for c in mcr.contacts.iter_mut() {
        let id = c.id.clone();
        date(&mut c.date, || format!("mcr.contacts.{id}.date"), repairs);
        let before = c.our_people.len();
        c.our_people.retain(|p| people.contains(p));
        if c.our_people.len() != before {
            fix(
                format!("mcr.contacts.{id}.our_people"),
                McrFix::Cleared,
                repairs,
            );
        }
        cap_list(
            &mut c.our_people,
            MAX_OUR_PEOPLE,
            &format!("mcr.contacts.{id}.our_people"),
            repairs,
        );
    }

    unique_ids(&mut mcr.plan, |p| &mut p.id, "mcr.plan", "plan", repairs);
    mcr.plan.retain(|p| {
        let keep = customers.contains(&p.account);
        if !keep {
            fix(
                format!("mcr.plan.{}.account", p.id),
                McrFix::Removed,
                repairs,
            );
        }
        keep
    });
    for item in mcr.plan.iter_mut() {
        let id = item.id.clone();
        person(
            &mut item.owner,
            &people,
            || format!("mcr.plan.{id}.owner"),
            repairs,
        );
        date(&mut item.due, || format!("mcr.plan.{id}.due"), repairs);
    }

    unique_ids(&mut mcr.vct, |v| &mut v.id, "mcr.vct", "vct", repairs);
    mcr.vct.retain(|v| {
        let keep = customers.contains(&v.account);
        if !keep {
            fix(
                format!("mcr.vct.{}.account", v.id),
                McrFix::Removed,
                repairs,
            );
        }
        keep
    });
    for v in mcr.vct.iter_mut() {
        let id = v.id.clone();
        date(&mut v.date, || format!("mcr.vct.{id}.date"), repairs);
        if v.answers.iter().any(|a| *a > VCT_RANGE.1) {
            for a in v.answers.iter_mut().filter(|a| **a > VCT_RANGE.1) {
                *a = 0;
            }
            fix(format!("mcr.vct.{id}.answers"), McrFix::Clamped, repairs);
        }
    }

    // A 151 entry names stakeholders of its own account only.
    for e in ws.engagement.entries.iter_mut() {
        if e.stakeholders.is_empty() {
            continue;
        }
        let before = e.stakeholders.len();
        let account = &e.account;
        e.stakeholders
            .retain(|s| account_of.get(s).is_some_and(|a| a == account));
        if e.stakeholders.len() != before {
            fix(
                format!("engagement.entries.{}.stakeholders", e.id),
                McrFix::Cleared,
                repairs,
            );
        }
        cap_list(
            &mut e.stakeholders,
            MAX_MET,
            &format!("engagement.entries.{}.stakeholders", e.id),
            repairs,
        );
    }
}

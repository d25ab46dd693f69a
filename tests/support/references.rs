//! Every reference a workspace holds, checked: what a merge or a load must never leave dangling.
#![allow(dead_code)]

use std::collections::HashSet;

use kam_planner::domain::workspace::Workspace;

/// Each reference that names a record the workspace does not hold, and each id used twice in
/// one list, as a readable line; empty when all is well.
pub fn dangling_references(ws: &Workspace) -> Vec<String> {
    let mut out = Vec::new();
    let customers = ids(
        ws.customers.iter().map(|c| c.id.as_str()),
        "customers",
        &mut out,
    );
    let tiers = ids(
        ws.tiering.tiers.iter().map(|t| t.id.as_str()),
        "tiers",
        &mut out,
    );
    let org = &ws.org;
    let roles = ids(org.roles.iter().map(|r| r.id.as_str()), "roles", &mut out);
    let people = ids(org.people.iter().map(|p| p.id.as_str()), "people", &mut out);
    let ltc = &ws.ltc;
    let stages = ids(
        ltc.stages.iter().map(|s| s.id.as_str()),
        "ltc stages",
        &mut out,
    );
    let opps = ids(
        ltc.opportunities.iter().map(|o| o.id.as_str()),
        "ltc opportunities",
        &mut out,
    );
    ids(
        ltc.contracts.iter().map(|c| c.id.as_str()),
        "ltc contracts",
        &mut out,
    );
    ids(
        ltc.targets.iter().map(|t| t.id.as_str()),
        "ltc targets",
        &mut out,
    );
    let lines: HashSet<String> = ws.portfolio.lines.iter().map(|l| l.id.clone()).collect();
    ids(
        org.assignments.iter().map(|a| a.id.as_str()),
        "assignments",
        &mut out,
    );
    ids(
        org.templates.iter().map(|t| t.id.as_str()),
        "templates",
        &mut out,
    );
    ids(org.stages.iter().map(|s| s.id.as_str()), "stages", &mut out);
    ids(
        org.triangle_overrides.iter().map(|o| o.customer.as_str()),
        "triangle overrides",
        &mut out,
    );
    ids(
        ws.duties.cards.iter().map(|c| c.id.as_str()),
        "cards",
        &mut out,
    );
    ids(
        ws.duties.activities.iter().map(|a| a.id.as_str()),
        "activities",
        &mut out,
    );
    ids(
        ws.talent.roles.iter().map(|r| r.id.as_str()),
        "talent roles",
        &mut out,
    );

    let mut check = |known: &HashSet<String>, id: &str, what: String| {
        if !known.contains(id) {
            out.push(format!("{what} names the missing “{id}”"));
        }
    };
    for c in &ws.customers {
        if let Some(ov) = &c.tier_override {
            check(&tiers, &ov.tier, format!("customer {} tier override", c.id));
        }
    }
    for a in &org.assignments {
        check(&people, &a.person, format!("assignment {} person", a.id));
        check(
            &customers,
            &a.account,
            format!("assignment {} account", a.id),
        );
        check(&roles, &a.role, format!("assignment {} role", a.id));
    }
    for p in &org.people {
        check(&roles, &p.role, format!("person {} role", p.id));
    }
    for o in &org.triangle_overrides {
        check(&customers, &o.customer, "triangle override".to_string());
    }
    for t in &org.account_tiers {
        check(&tiers, t, "account tiers".to_string());
    }
    for t in &org.templates {
        check(&tiers, &t.tier, format!("template {} tier", t.id));
        for role in t.fte.keys() {
            check(&roles, role, format!("template {} FTE", t.id));
        }
    }
    for s in &org.stages {
        for role in s.cells.keys() {
            check(&roles, role, format!("stage {} cell", s.id));
        }
    }
    for c in &ws.duties.cards {
        check(&roles, &c.role, format!("card {} role", c.id));
    }
    for a in &ws.duties.activities {
        for role in a.raci.keys() {
            check(&roles, role, format!("activity {} RACI", a.id));
        }
    }
    for t in &ws.talent.roles {
        check(&roles, &t.role, format!("talent {} role", t.id));
    }
    for o in &ws.ltc.opportunities {
        check(
            &customers,
            &o.account,
            format!("opportunity {} account", o.id),
        );
        check(&stages, &o.stage, format!("opportunity {} stage", o.id));
        if let Some(p) = &o.owner {
            check(&people, p, format!("opportunity {} owner", o.id));
        }
        if let Some(l) = &o.line {
            check(&lines, l, format!("opportunity {} line", o.id));
        }
    }
    for c in &ws.ltc.contracts {
        check(&customers, &c.account, format!("contract {} account", c.id));
        if let Some(o) = &c.opportunity {
            check(&opps, o, format!("contract {} opportunity", c.id));
        }
    }
    mcr_references(ws, &customers, &people, &mut out);
    // The diagnosis: what `diagnosis::check` refuses (ids, texts, ratings of statements that
    // exist, within 1–5).
    if let Err(e) = kam_planner::domain::diagnosis::check(&ws.diagnosis) {
        out.push(format!("diagnosis: {e}"));
    }
    out
}

/// MCR's references: stakeholders, plan items and VCT checks on customers, bosses of the same
/// account, contacts of stakeholders, owners and our people of the team, the stakeholders a 151
/// entry met of its account; and what `mcr::check` refuses.
fn mcr_references(
    ws: &Workspace,
    customers: &HashSet<String>,
    people: &HashSet<String>,
    out: &mut Vec<String>,
) {
    let m = &ws.mcr;
    let mut missing = |set: &HashSet<String>, id: &str, what: String| {
        if !set.contains(id) {
            out.push(format!("{what} “{id}” does not exist"));
        }
    };
    let account_of: std::collections::HashMap<&str, &str> = m
        .stakeholders
        .iter()
        .map(|s| (s.id.as_str(), s.account.as_str()))
        .collect();
    let stakeholders: HashSet<String> = account_of.keys().map(|k| k.to_string()).collect();
    for s in &m.stakeholders {
        missing(
            customers,
            &s.account,
            format!("stakeholder {} account", s.id),
        );
        if let Some(p) = &s.owner {
            missing(people, p, format!("stakeholder {} owner", s.id));
        }
    }
    for c in &m.contacts {
        missing(
            &stakeholders,
            &c.stakeholder,
            format!("contact {} stakeholder", c.id),
        );
        for p in &c.our_people {
            missing(people, p, format!("contact {} our people", c.id));
        }
    }
    for p in &m.plan {
        missing(customers, &p.account, format!("plan item {} account", p.id));
        if let Some(o) = &p.owner {
            missing(people, o, format!("plan item {} owner", p.id));
        }
    }
    for v in &m.vct {
        missing(customers, &v.account, format!("VCT check {} account", v.id));
    }
    for e in &ws.engagement.entries {
        for s in &e.stakeholders {
            if account_of.get(s.as_str()) != Some(&e.account.as_str()) {
                out.push(format!("151 entry {} met “{s}” of another account", e.id));
            }
        }
    }
    if let Err(e) = kam_planner::domain::mcr::check(m) {
        out.push(format!("MCR: {e}"));
    }
}

fn ids<'a>(
    items: impl Iterator<Item = &'a str>,
    list: &str,
    out: &mut Vec<String>,
) -> HashSet<String> {
    let mut seen = HashSet::new();
    for id in items {
        if !seen.insert(id.to_string()) {
            out.push(format!("{list}: “{id}” used twice"));
        }
    }
    seen
}

//! MCR's document in a comparison and a merge: stakeholders, contacts, plan items and VCT
//! checks by id, and the settings (one entity).
//!
//! Each side's reports-to lines are sound on their own, but a merge can join two that are not
//! together (mine: A reports to B; the file: B reports to A, or B moved to another account). The
//! merged copy keeps every record and clears only such lines ([`settle_reports_to`]), so that
//! it passes [`crate::domain::mcr::check`] as both sides did; likewise a 151 entry keeps only
//! the stakeholders met that are of its account in the merged copy ([`settle_met`]).

use std::collections::HashMap;

use super::{
    compare_by_id, compare_single, differing_by_id, differing_fields, merge_by_id, record,
    Comparison, EntityKind, EntityRef, Label, Placement, Taken,
};
use crate::domain::mcr::layout::cycles;
use crate::domain::mcr::{same_settings, Contact, PlanItem, Stakeholder, VctCheck};
use crate::domain::workspace::Workspace;

record!(Stakeholder, Contact, PlanItem, VctCheck);

fn same(text: String) -> Label {
    (text.clone(), text)
}

/// The name of a customer in either copy (its id when neither has it).
fn customer_name<'a>(mine: &'a Workspace, theirs: &'a Workspace, account: &'a str) -> &'a str {
    mine.customers
        .iter()
        .chain(&theirs.customers)
        .find(|x| x.id == account)
        .map_or(account, |x| x.name.as_str())
}

/// The name of a stakeholder in either copy (its id when neither has it).
fn stakeholder_name<'a>(mine: &'a Workspace, theirs: &'a Workspace, id: &'a str) -> &'a str {
    mine.mcr
        .stakeholder(id)
        .or_else(|| theirs.mcr.stakeholder(id))
        .map_or(id, |s| s.name.as_str())
}

/// Compares MCR's documents, appending to `out` in [`EntityKind::ALL`] order.
pub(super) fn compare_mcr(mine: &Workspace, theirs: &Workspace, out: &mut Comparison) {
    let (a, b) = (&mine.mcr, &theirs.mcr);
    compare_by_id(
        EntityKind::McrStakeholder,
        &a.stakeholders,
        &b.stakeholders,
        |s| {
            same(format!(
                "{} · {}",
                customer_name(mine, theirs, &s.account),
                s.name
            ))
        },
        out,
    );
    compare_by_id(
        EntityKind::McrContact,
        &a.contacts,
        &b.contacts,
        |c| {
            same(format!(
                "{} · {}",
                stakeholder_name(mine, theirs, &c.stakeholder),
                c.date
            ))
        },
        out,
    );
    compare_by_id(
        EntityKind::McrPlanItem,
        &a.plan,
        &b.plan,
        |p| {
            same(format!(
                "{} · {}",
                customer_name(mine, theirs, &p.account),
                p.goal
            ))
        },
        out,
    );
    compare_by_id(
        EntityKind::McrVct,
        &a.vct,
        &b.vct,
        |v| {
            same(format!(
                "{} · {}",
                customer_name(mine, theirs, &v.account),
                v.date
            ))
        },
        out,
    );
    compare_single(
        EntityKind::McrSettings,
        same_settings(&a.settings, &b.settings),
        (a.settings.updated_at, b.settings.updated_at),
        out,
    );
}

/// Merges MCR's document of `theirs` into `next` (a copy of mine).
pub(super) fn merge_mcr(next: &mut Workspace, theirs: &Workspace, taken: &Taken<'_>) {
    let (doc, t) = (&mut next.mcr, &theirs.mcr);
    merge_by_id(
        EntityKind::McrStakeholder,
        &mut doc.stakeholders,
        &t.stakeholders,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::McrContact,
        &mut doc.contacts,
        &t.contacts,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::McrPlanItem,
        &mut doc.plan,
        &t.plan,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::McrVct,
        &mut doc.vct,
        &t.vct,
        taken,
        Placement::Append,
    );
    if taken.single(EntityKind::McrSettings) {
        doc.settings = t.settings.clone();
    }
    settle_reports_to(&mut doc.stakeholders);
    settle_met(next);
}

/// Drops from each 151 entry the stakeholders met that are not stakeholders of its account in
/// the merged copy (one side moved the stakeholder, or the entry, to another account).
fn settle_met(ws: &mut Workspace) {
    let account_of: HashMap<&str, &str> = ws
        .mcr
        .stakeholders
        .iter()
        .map(|s| (s.id.as_str(), s.account.as_str()))
        .collect();
    for e in ws.engagement.entries.iter_mut() {
        let account = e.account.as_str();
        e.stakeholders
            .retain(|s| account_of.get(s.as_str()) == Some(&account));
    }
}

/// Clears the reports-to lines of a merged list that lead to no stakeholder of the same
/// account (the boss was left out, or moved to another account on one side) and one line of
/// each circle the two sides' lines form together.
fn settle_reports_to(list: &mut [Stakeholder]) {
    let account_of: HashMap<String, String> = list
        .iter()
        .map(|s| (s.id.clone(), s.account.clone()))
        .collect();
    for s in list.iter_mut() {
        if s.reports_to
            .as_ref()
            .is_some_and(|b| *b == s.id || account_of.get(b) != Some(&s.account))
        {
            s.reports_to = None;
        }
    }
    for cycle in cycles(list) {
        if let Some(first) = cycle.first().and_then(|i| list.get_mut(*i)) {
            first.reports_to = None;
        }
    }
}

/// The names of the fields in which mine's and the file's version of an MCR entity differ
/// (change times aside); empty for other kinds and for an entity missing on either side.
pub fn differing_mcr_fields(
    mine: &Workspace,
    theirs: &Workspace,
    entity: &EntityRef,
) -> Vec<String> {
    let (a, b) = (&mine.mcr, &theirs.mcr);
    let id = entity.id.as_str();
    match entity.kind {
        EntityKind::McrStakeholder => differing_by_id(&a.stakeholders, &b.stakeholders, id),
        EntityKind::McrContact => differing_by_id(&a.contacts, &b.contacts, id),
        EntityKind::McrPlanItem => differing_by_id(&a.plan, &b.plan, id),
        EntityKind::McrVct => differing_by_id(&a.vct, &b.vct, id),
        EntityKind::McrSettings => differing_fields(&a.settings, &b.settings),
        _ => Vec::new(),
    }
}

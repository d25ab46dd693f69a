//! The 151 programme in a comparison and a merge: the yearly targets of each tier (by tier id),
//! the entries of the log (by id) and the behind-target rule (one entity).

use super::{
    compare_by_id, compare_single, differing_fields, merge_by_id, Comparison, EntityKind,
    EntityRef, Label, Placement, Record, Taken,
};
use crate::domain::engagement::{BehindRule, Entry, TierTarget};
use crate::domain::org::stamp::{same_content, Entity};
use crate::domain::workspace::Workspace;

impl Record for TierTarget {
    fn id(&self) -> &str {
        self.key()
    }
    fn same(&self, other: &Self) -> bool {
        same_content(self, other)
    }
    fn changed_at(&self) -> i64 {
        self.updated_at
    }
}

impl Record for Entry {
    fn id(&self) -> &str {
        self.key()
    }
    fn same(&self, other: &Self) -> bool {
        same_content(self, other)
    }
    fn changed_at(&self) -> i64 {
        self.updated_at
    }
}

/// True when two rules are the same apart from when they were last changed.
fn same_rule(a: &BehindRule, b: &BehindRule) -> bool {
    a.pace == b.pace && a.plan_threshold_pct == b.plan_threshold_pct
}

/// The tier's name in both languages (its id when neither copy has it).
fn tier_label(mine: &Workspace, theirs: &Workspace, id: &str) -> Label {
    mine.tiering
        .tiers
        .iter()
        .chain(&theirs.tiering.tiers)
        .find(|t| t.id == id)
        .map_or_else(
            || (id.to_string(), id.to_string()),
            |t| (t.name_zh.clone(), t.name_en.clone()),
        )
}

/// "2026-03-18 · customer": an entry's label.
fn entry_label(mine: &Workspace, theirs: &Workspace, e: &Entry) -> Label {
    let name = mine
        .customers
        .iter()
        .chain(&theirs.customers)
        .find(|c| c.id == e.account)
        .map_or(e.account.as_str(), |c| c.name.as_str());
    let text = format!("{} · {name}", e.date);
    (text.clone(), text)
}

/// Compares the 151 documents, appending to `out` in [`EntityKind::ALL`] order.
pub(super) fn compare_engagement(mine: &Workspace, theirs: &Workspace, out: &mut Comparison) {
    let (a, b) = (&mine.engagement, &theirs.engagement);
    compare_by_id(
        EntityKind::EngagementTarget,
        &a.targets,
        &b.targets,
        |t| tier_label(mine, theirs, &t.tier),
        out,
    );
    compare_by_id(
        EntityKind::EngagementEntry,
        &a.entries,
        &b.entries,
        |e| entry_label(mine, theirs, e),
        out,
    );
    compare_single(
        EntityKind::EngagementRule,
        same_rule(&a.rule, &b.rule),
        (a.rule.updated_at, b.rule.updated_at),
        out,
    );
}

/// Merges the 151 document of `theirs` into `next` (a copy of mine).
pub(super) fn merge_engagement(next: &mut Workspace, theirs: &Workspace, taken: &Taken<'_>) {
    let (doc, t) = (&mut next.engagement, &theirs.engagement);
    merge_by_id(
        EntityKind::EngagementTarget,
        &mut doc.targets,
        &t.targets,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::EngagementEntry,
        &mut doc.entries,
        &t.entries,
        taken,
        Placement::Append,
    );
    if taken.single(EntityKind::EngagementRule) {
        doc.rule = t.rule.clone();
    }
}

/// The names of the fields in which mine's and the file's version of a 151 entity differ
/// (`updated_at` aside); empty for other kinds and for an entity missing on either side.
pub fn differing_engagement_fields(
    mine: &Workspace,
    theirs: &Workspace,
    entity: &EntityRef,
) -> Vec<String> {
    let (a, b) = (&mine.engagement, &theirs.engagement);
    match entity.kind {
        EntityKind::EngagementTarget => super::differing_by_id(&a.targets, &b.targets, &entity.id),
        EntityKind::EngagementEntry => super::differing_by_id(&a.entries, &b.entries, &entity.id),
        EntityKind::EngagementRule => differing_fields(&a.rule, &b.rule),
        _ => Vec::new(),
    }
}

//! The routine management documents (Tool 5) in a comparison and a merge: the management bodies
//! and the meetings, each by id.

use super::{
    compare_by_id, merge_by_id, Comparison, EntityKind, EntityRef, Label, Placement, Taken,
};
use crate::domain::governance::{Body, Meeting};
use crate::domain::workspace::Workspace;

use super::record;

record!(Body, Meeting);

/// A Chinese and an English name, each falling back on the other when empty.
fn bilingual(zh: &str, en: &str) -> Label {
    let zh_or = if zh.is_empty() { en } else { zh };
    let en_or = if en.is_empty() { zh } else { en };
    (zh_or.to_string(), en_or.to_string())
}

/// Compares the bodies and meetings, appending to `out` in [`EntityKind::ALL`] order.
pub(super) fn compare_governance(mine: &Workspace, theirs: &Workspace, out: &mut Comparison) {
    let (a, b) = (&mine.governance, &theirs.governance);
    compare_by_id(
        EntityKind::GovernanceBody,
        &a.bodies,
        &b.bodies,
        |x| bilingual(&x.name_zh, &x.name_en),
        out,
    );
    compare_by_id(
        EntityKind::Meeting,
        &a.meetings,
        &b.meetings,
        |x| bilingual(&x.name_zh, &x.name_en),
        out,
    );
}

/// Merges the bodies and meetings of `theirs` into `next` (a copy of mine).
pub(super) fn merge_governance(next: &mut Workspace, theirs: &Workspace, taken: &Taken<'_>) {
    let (doc, t) = (&mut next.governance, &theirs.governance);
    merge_by_id(
        EntityKind::GovernanceBody,
        &mut doc.bodies,
        &t.bodies,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::Meeting,
        &mut doc.meetings,
        &t.meetings,
        taken,
        Placement::AfterPredecessor,
    );
}

/// The names of the fields in which mine's and the file's version of a body or meeting differ,
/// for showing a conflict; empty for the other kinds and for an entity missing on either side.
pub fn differing_governance_fields(
    mine: &Workspace,
    theirs: &Workspace,
    entity: &EntityRef,
) -> Vec<String> {
    let (a, b) = (&mine.governance, &theirs.governance);
    match entity.kind {
        EntityKind::GovernanceBody => super::differing_by_id(&a.bodies, &b.bodies, &entity.id),
        EntityKind::Meeting => super::differing_by_id(&a.meetings, &b.meetings, &entity.id),
        _ => Vec::new(),
    }
}

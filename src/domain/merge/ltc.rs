//! LTC's document in a comparison and a merge: stages, opportunities, contracts and targets by
//! id, and the settings (one entity). Opportunities and contracts are shared records (`Rc`): one
//! still shared by both copies is the same without a comparison.

use std::rc::Rc;

use super::{
    compare_by_id, compare_single, differing_by_id, differing_fields, merge_by_id, record,
    Comparison, EntityKind, EntityRef, Label, Placement, Record, Taken,
};
use crate::domain::ltc::{same_settings, Contract, Opportunity, Stage, Target};
use crate::domain::org::stamp::same_content;
use crate::domain::workspace::Workspace;

record!(Stage, Target);

macro_rules! shared_record {
    ($($t:ty),*) => {$(
        impl Record for Rc<$t> {
            fn id(&self) -> &str {
                &self.id
            }
            fn same(&self, other: &Self) -> bool {
                Rc::ptr_eq(self, other) || same_content(&**self, &**other)
            }
            fn changed_at(&self) -> i64 {
                self.updated_at
            }
        }
    )*};
}

shared_record!(Opportunity, Contract);

fn same(text: String) -> Label {
    (text.clone(), text)
}

/// "customer · name": an opportunity's or a contract's label, with the customer's name from
/// either copy.
fn on_account(mine: &Workspace, theirs: &Workspace, account: &str, name: &str) -> Label {
    let customer = mine
        .customers
        .iter()
        .chain(&theirs.customers)
        .find(|x| x.id == account)
        .map_or(account, |x| x.name.as_str());
    same(format!("{customer} · {name}"))
}

/// Compares LTC's documents, appending to `out` in [`EntityKind::ALL`] order.
pub(super) fn compare_ltc(mine: &Workspace, theirs: &Workspace, out: &mut Comparison) {
    let (a, b) = (&mine.ltc, &theirs.ltc);
    compare_by_id(
        EntityKind::LtcStage,
        &a.stages,
        &b.stages,
        |s| (s.name_zh.clone(), s.name_en.clone()),
        out,
    );
    compare_by_id(
        EntityKind::LtcOpportunity,
        &a.opportunities,
        &b.opportunities,
        |o| on_account(mine, theirs, &o.account, &o.name),
        out,
    );
    compare_by_id(
        EntityKind::LtcContract,
        &a.contracts,
        &b.contracts,
        |c| on_account(mine, theirs, &c.account, &c.name),
        out,
    );
    compare_by_id(
        EntityKind::LtcTarget,
        &a.targets,
        &b.targets,
        |t| same(t.id.clone()),
        out,
    );
    compare_single(
        EntityKind::LtcSettings,
        same_settings(&a.settings, &b.settings),
        (a.settings.updated_at, b.settings.updated_at),
        out,
    );
}

/// Merges LTC's document of `theirs` into `next` (a copy of mine).
pub(super) fn merge_ltc(next: &mut Workspace, theirs: &Workspace, taken: &Taken<'_>) {
    let (doc, t) = (&mut next.ltc, &theirs.ltc);
    merge_by_id(
        EntityKind::LtcStage,
        &mut doc.stages,
        &t.stages,
        taken,
        Placement::AfterPredecessor,
    );
    merge_by_id(
        EntityKind::LtcOpportunity,
        &mut doc.opportunities,
        &t.opportunities,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::LtcContract,
        &mut doc.contracts,
        &t.contracts,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::LtcTarget,
        &mut doc.targets,
        &t.targets,
        taken,
        Placement::Append,
    );
    if taken.single(EntityKind::LtcSettings) {
        doc.settings = t.settings.clone();
    }
}

/// The names of the fields in which mine's and the file's version of an LTC entity differ
/// (change times aside); empty for other kinds and for an entity missing on either side.
pub fn differing_ltc_fields(
    mine: &Workspace,
    theirs: &Workspace,
    entity: &EntityRef,
) -> Vec<String> {
    let (a, b) = (&mine.ltc, &theirs.ltc);
    let id = entity.id.as_str();
    match entity.kind {
        EntityKind::LtcStage => differing_by_id(&a.stages, &b.stages, id),
        EntityKind::LtcOpportunity => differing_by_id(&a.opportunities, &b.opportunities, id),
        EntityKind::LtcContract => differing_by_id(&a.contracts, &b.contracts, id),
        EntityKind::LtcTarget => differing_by_id(&a.targets, &b.targets, id),
        EntityKind::LtcSettings => differing_fields(&a.settings, &b.settings),
        _ => Vec::new(),
    }
}

//! Tool 2's document in a comparison and a merge: business lines, opportunities (by id), the
//! insight and the design of each industry (by industry), whitespace cells (by `account|line`)
//! and the target mix (one entity).

use super::{
    compare_by_id, compare_single, differing_fields, merge_by_id, Comparison, EntityKind,
    EntityRef, Label, Placement, Taken,
};
use crate::domain::portfolio::{
    same_mix, BusinessLine, Design, Insight, Opportunity, WhitespaceCell,
};
use crate::domain::workspace::Workspace;

use super::record;

record!(BusinessLine, Opportunity, Insight, Design, WhitespaceCell);

fn same(text: String) -> Label {
    (text.clone(), text)
}

/// "customer × line": a whitespace cell's label, with the names either copy has.
fn cell_label(mine: &Workspace, theirs: &Workspace, c: &WhitespaceCell) -> Label {
    let account = mine
        .customers
        .iter()
        .chain(&theirs.customers)
        .find(|x| x.id == c.account)
        .map_or(c.account.as_str(), |x| x.name.as_str());
    let line = mine
        .portfolio
        .lines
        .iter()
        .chain(&theirs.portfolio.lines)
        .find(|l| l.id == c.line)
        .map_or(c.line.as_str(), |l| l.name.as_str());
    same(format!("{account} × {line}"))
}

/// Compares Tool 2's documents, appending to `out` in [`EntityKind::ALL`] order.
pub(super) fn compare_portfolio(mine: &Workspace, theirs: &Workspace, out: &mut Comparison) {
    let (a, b) = (&mine.portfolio, &theirs.portfolio);
    compare_by_id(
        EntityKind::BusinessLine,
        &a.lines,
        &b.lines,
        |l| same(format!("{} · {}", l.industry, l.name)),
        out,
    );
    compare_single(
        EntityKind::TargetMix,
        same_mix(&a.target_mix, &b.target_mix),
        (a.target_mix.updated_at, b.target_mix.updated_at),
        out,
    );
    compare_by_id(
        EntityKind::Insight,
        &a.insights,
        &b.insights,
        |i| same(i.industry.clone()),
        out,
    );
    compare_by_id(
        EntityKind::Opportunity,
        &a.opportunities,
        &b.opportunities,
        |o| same(o.title.clone()),
        out,
    );
    compare_by_id(
        EntityKind::Design,
        &a.designs,
        &b.designs,
        |d| same(d.industry.clone()),
        out,
    );
    compare_by_id(
        EntityKind::WhitespaceCell,
        &a.whitespace,
        &b.whitespace,
        |c| cell_label(mine, theirs, c),
        out,
    );
}

/// Merges Tool 2's document of `theirs` into `next` (a copy of mine).
pub(super) fn merge_portfolio(next: &mut Workspace, theirs: &Workspace, taken: &Taken<'_>) {
    let (doc, t) = (&mut next.portfolio, &theirs.portfolio);
    merge_by_id(
        EntityKind::BusinessLine,
        &mut doc.lines,
        &t.lines,
        taken,
        Placement::AfterPredecessor,
    );
    if taken.single(EntityKind::TargetMix) {
        doc.target_mix = t.target_mix.clone();
    }
    merge_by_id(
        EntityKind::Insight,
        &mut doc.insights,
        &t.insights,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::Opportunity,
        &mut doc.opportunities,
        &t.opportunities,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::Design,
        &mut doc.designs,
        &t.designs,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::WhitespaceCell,
        &mut doc.whitespace,
        &t.whitespace,
        taken,
        Placement::Append,
    );
}

/// The names of the fields in which mine's and the file's version of a Tool 2 entity differ
/// (change times aside); empty for other kinds and for an entity missing on either side.
pub fn differing_portfolio_fields(
    mine: &Workspace,
    theirs: &Workspace,
    entity: &EntityRef,
) -> Vec<String> {
    let (a, b) = (&mine.portfolio, &theirs.portfolio);
    let id = entity.id.as_str();
    match entity.kind {
        EntityKind::BusinessLine => super::differing_by_id(&a.lines, &b.lines, id),
        EntityKind::TargetMix => differing_fields(&a.target_mix, &b.target_mix),
        EntityKind::Insight => super::differing_by_id(&a.insights, &b.insights, id),
        EntityKind::Opportunity => super::differing_by_id(&a.opportunities, &b.opportunities, id),
        EntityKind::Design => super::differing_by_id(&a.designs, &b.designs, id),
        EntityKind::WhitespaceCell => super::differing_by_id(&a.whitespace, &b.whitespace, id),
        _ => Vec::new(),
    }
}

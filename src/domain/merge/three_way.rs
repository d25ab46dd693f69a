//! The three-way merge of two tabs' copies of one workspace: `base` is the copy this tab last
//! wrote (or took over in sync), `mine` what this tab holds now, `theirs` what another tab saved
//! since. It reuses [`compare`] three times — mine against theirs for what differs, and base
//! against each side for who changed what — and [`merge`]'s walk over every kind.
//!
//! - An entity that differs between mine and theirs is taken from the side that changed it since
//!   base; when both did, it is listed in [`ThreeWay::both_changed`] for the user (mine until
//!   they choose otherwise).
//! - What theirs added is added; what mine added is kept.
//! - A record theirs deleted goes, unless mine changed it since base (then mine's edit stays).
//! - A record mine deleted stays deleted, unless theirs changed it since base (then it comes back
//!   with their edit: an edit is never dropped without being shown).
//!
//! [`compare`]: super::compare
//! [`merge`]: super::merge

use std::collections::HashSet;

use super::{chosen, compare, merge_leaving_out, Choices, Comparison, Conflict, EntityRef, Side};
use crate::domain::workspace::Workspace;

/// What a three-way merge would do, before the user settles the records both sides changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThreeWay {
    /// Mine compared with theirs.
    pub comparison: Comparison,
    /// The side of every conflict of [`ThreeWay::comparison`] by default: the side that changed
    /// it since base, mine when both did.
    pub choices: Choices,
    /// The conflicts both sides changed since base, in listing order.
    pub both_changed: Vec<Conflict>,
    /// Records left out of the merged copy: deleted on one side, untouched on the other.
    pub left_out: Vec<EntityRef>,
    /// Records theirs added, or deleted with mine leaving them alone (taken over whatever is
    /// chosen for the conflicts).
    pub theirs_outside_conflicts: usize,
}

impl ThreeWay {
    /// How many records the merge takes from theirs under `choices`: additions, deletions and
    /// conflicts resolved to theirs.
    pub fn taken_from_theirs(&self, choices: &Choices) -> usize {
        self.theirs_outside_conflicts
            + self
                .comparison
                .conflicts
                .iter()
                .filter(|c| chosen(c, choices) == Side::Theirs)
                .count()
    }
}

/// What one side did since base, by entity.
struct Changes {
    /// Changed, or added with an id base did not have.
    changed: HashSet<EntityRef>,
    /// Deleted.
    deleted: HashSet<EntityRef>,
}

fn changes_since(base: &Workspace, side: &Workspace) -> Changes {
    let c = compare(base, side);
    Changes {
        changed: c
            .conflicts
            .into_iter()
            .map(|c| c.entity)
            .chain(c.added)
            .collect(),
        deleted: c.removed.into_iter().collect(),
    }
}

/// Plans the three-way merge of `mine` and `theirs` from their common `base`. Without a base
/// (this tab never wrote the workspace, or storage lost it) every conflict counts as changed on
/// both sides and nothing is left out: the plain merge, with every conflict listed.
pub fn three_way(base: Option<&Workspace>, mine: &Workspace, theirs: &Workspace) -> ThreeWay {
    let comparison = compare(mine, theirs);
    let mut out = ThreeWay::default();
    let Some(base) = base else {
        for c in &comparison.conflicts {
            out.choices.insert(c.entity.clone(), Side::Mine);
        }
        out.both_changed = comparison.conflicts.clone();
        out.theirs_outside_conflicts = comparison.added.len();
        out.comparison = comparison;
        return out;
    };
    let by_mine = changes_since(base, mine);
    let by_theirs = changes_since(base, theirs);
    for c in &comparison.conflicts {
        let side = match (
            by_mine.changed.contains(&c.entity),
            by_theirs.changed.contains(&c.entity),
        ) {
            (false, true) => Side::Theirs,
            (true, false) => Side::Mine,
            _ => {
                out.both_changed.push(c.clone());
                Side::Mine
            }
        };
        out.choices.insert(c.entity.clone(), side);
    }
    for e in &comparison.added {
        if by_mine.deleted.contains(e) && !by_theirs.changed.contains(e) {
            out.left_out.push(e.clone());
        } else {
            out.theirs_outside_conflicts += 1;
        }
    }
    for e in &comparison.removed {
        if by_theirs.deleted.contains(e) && !by_mine.changed.contains(e) {
            out.left_out.push(e.clone());
            out.theirs_outside_conflicts += 1;
        }
    }
    out.comparison = comparison;
    out
}

/// The merged copy: mine with theirs' changes taken in as planned by `plan`, the conflicts
/// resolved by `choices` (start from [`ThreeWay::choices`]).
pub fn merge_three_way(
    mine: &Workspace,
    theirs: &Workspace,
    plan: &ThreeWay,
    choices: &Choices,
) -> Workspace {
    merge_leaving_out(mine, theirs, &plan.comparison, choices, &plan.left_out)
}

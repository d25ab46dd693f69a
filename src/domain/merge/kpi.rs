//! The KPI document (Tool 6) in a comparison and a merge: scorecards (each one entity with its
//! indicators), cascades and the actuals per person.

use super::{
    compare_by_id, differing_fields, merge_by_id, Comparison, EntityKind, EntityRef, Placement,
    Record, Taken,
};
use crate::domain::kpi::{Cascade, PersonActual, Scorecard};
use crate::domain::org::stamp::same_content;
use crate::domain::workspace::Workspace;

/// A scorecard is one entity with its indicators: the change times inside do not make it differ.
impl Record for Scorecard {
    fn id(&self) -> &str {
        &self.id
    }
    fn same(&self, other: &Self) -> bool {
        unstamped(self) == unstamped(other)
    }
    fn changed_at(&self) -> i64 {
        self.updated_at
    }
}

impl Record for Cascade {
    fn id(&self) -> &str {
        &self.id
    }
    fn same(&self, other: &Self) -> bool {
        same_content(self, other)
    }
    fn changed_at(&self) -> i64 {
        self.updated_at
    }
}

impl Record for PersonActual {
    fn id(&self) -> &str {
        &self.id
    }
    fn same(&self, other: &Self) -> bool {
        same_content(self, other)
    }
    fn changed_at(&self) -> i64 {
        self.updated_at
    }
}

/// The scorecard with every change time (its own and its indicators') at 0.
fn unstamped(c: &Scorecard) -> Scorecard {
    let mut c = c.clone();
    c.updated_at = 0;
    c.indicators.iter_mut().for_each(|i| i.updated_at = 0);
    c
}

/// A Chinese and an English name, each falling back on the other when empty.
fn bilingual(zh: &str, en: &str, id: &str) -> (String, String) {
    let pick = |a: &str, b: &str| {
        if !a.is_empty() {
            a.to_string()
        } else if !b.is_empty() {
            b.to_string()
        } else {
            id.to_string()
        }
    };
    (pick(zh, en), pick(en, zh))
}

/// The names of an indicator, looked up in both documents.
fn indicator_label(mine: &Workspace, theirs: &Workspace, id: &str) -> (String, String) {
    mine.kpi
        .scorecards
        .iter()
        .chain(&theirs.kpi.scorecards)
        .flat_map(|c| c.indicators.iter())
        .find(|i| i.id == id || i.metric == id)
        .map(|i| bilingual(&i.name_zh, &i.name_en, id))
        .unwrap_or_else(|| (id.to_string(), id.to_string()))
}

/// Compares the KPI documents, appending to `out` in [`EntityKind::ALL`] order.
pub(super) fn compare_kpi(mine: &Workspace, theirs: &Workspace, out: &mut Comparison) {
    let (a, b) = (&mine.kpi, &theirs.kpi);
    compare_by_id(
        EntityKind::KpiScorecard,
        &a.scorecards,
        &b.scorecards,
        |c| bilingual(&c.name_zh, &c.name_en, &c.id),
        out,
    );
    compare_by_id(
        EntityKind::KpiCascade,
        &a.cascades,
        &b.cascades,
        |c| indicator_label(mine, theirs, &c.metric),
        out,
    );
    compare_by_id(
        EntityKind::KpiActual,
        &a.actuals,
        &b.actuals,
        |x| {
            let person = mine
                .org
                .person(&x.person)
                .or_else(|| theirs.org.person(&x.person))
                .map_or_else(|| x.person.clone(), |p| p.name.clone());
            let (zh, en) = indicator_label(mine, theirs, &x.indicator);
            (format!("{person} · {zh}"), format!("{person} · {en}"))
        },
        out,
    );
}

/// Merges the KPI document of `theirs` into `next` (a copy of mine).
pub(super) fn merge_kpi(next: &mut Workspace, theirs: &Workspace, taken: &Taken<'_>) {
    let (kpi, t) = (&mut next.kpi, &theirs.kpi);
    merge_by_id(
        EntityKind::KpiScorecard,
        &mut kpi.scorecards,
        &t.scorecards,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::KpiCascade,
        &mut kpi.cascades,
        &t.cascades,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::KpiActual,
        &mut kpi.actuals,
        &t.actuals,
        taken,
        Placement::Append,
    );
}

/// The names of the fields in which mine's and the file's version of a KPI entity differ
/// (change times aside); empty for the other kinds and for an entity missing on either side.
pub fn differing_kpi_fields(
    mine: &Workspace,
    theirs: &Workspace,
    entity: &EntityRef,
) -> Vec<String> {
    fn pair<T: Record + serde::Serialize + Clone>(
        a: &[T],
        b: &[T],
        id: &str,
        prep: impl Fn(&T) -> T,
    ) -> Vec<String> {
        match (
            a.iter().find(|x| x.id() == id),
            b.iter().find(|x| x.id() == id),
        ) {
            (Some(a), Some(b)) => differing_fields(&prep(a), &prep(b)),
            _ => Vec::new(),
        }
    }
    let (a, b) = (&mine.kpi, &theirs.kpi);
    let id = entity.id.as_str();
    match entity.kind {
        EntityKind::KpiScorecard => pair(&a.scorecards, &b.scorecards, id, unstamped),
        EntityKind::KpiCascade => pair(&a.cascades, &b.cascades, id, Clone::clone),
        EntityKind::KpiActual => pair(&a.actuals, &b.actuals, id, Clone::clone),
        _ => Vec::new(),
    }
}

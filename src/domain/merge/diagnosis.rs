//! The diagnosis's document in a comparison and a merge: statements, respondents and symptoms by
//! id.
//!
//! Each side's ratings name statements of its own side, but a three-way merge can leave out a
//! statement one side deleted while the other side's respondent still rates it. The merged copy
//! keeps the respondent and drops only such ratings ([`settle_ratings`]), so that it passes
//! [`crate::domain::diagnosis::check`] as both sides did.

use std::collections::HashSet;

use super::{
    compare_by_id, differing_by_id, merge_by_id, record, Comparison, EntityKind, EntityRef,
    Placement, Taken,
};
use crate::domain::diagnosis::{Diagnosis, Respondent, Statement, Symptom};
use crate::domain::workspace::Workspace;

record!(Statement, Respondent, Symptom);

/// A text in both languages, each falling back to the other when empty.
fn both(zh: &str, en: &str) -> (String, String) {
    let or = |a: &str, b: &str| if a.trim().is_empty() { b } else { a }.to_string();
    (or(zh, en), or(en, zh))
}

/// Compares the diagnosis documents, appending to `out` in [`EntityKind::ALL`] order.
pub(super) fn compare_diagnosis(mine: &Workspace, theirs: &Workspace, out: &mut Comparison) {
    let (a, b) = (&mine.diagnosis, &theirs.diagnosis);
    compare_by_id(
        EntityKind::DiagnosisStatement,
        &a.statements,
        &b.statements,
        |s| both(&s.zh, &s.en),
        out,
    );
    compare_by_id(
        EntityKind::DiagnosisRespondent,
        &a.respondents,
        &b.respondents,
        // An anonymous respondent is shown by id.
        |r| {
            let name = if r.name.trim().is_empty() {
                r.id.clone()
            } else {
                r.name.clone()
            };
            (name.clone(), name)
        },
        out,
    );
    compare_by_id(
        EntityKind::DiagnosisSymptom,
        &a.symptoms,
        &b.symptoms,
        |s| both(&s.zh, &s.en),
        out,
    );
}

/// Merges the diagnosis document of `theirs` into `next` (a copy of mine). New statements and
/// symptoms go after the one that precedes them in the file (the lists are read in order);
/// new respondents come last.
pub(super) fn merge_diagnosis(next: &mut Workspace, theirs: &Workspace, taken: &Taken<'_>) {
    let (doc, t) = (&mut next.diagnosis, &theirs.diagnosis);
    merge_by_id(
        EntityKind::DiagnosisStatement,
        &mut doc.statements,
        &t.statements,
        taken,
        Placement::AfterPredecessor,
    );
    merge_by_id(
        EntityKind::DiagnosisRespondent,
        &mut doc.respondents,
        &t.respondents,
        taken,
        Placement::Append,
    );
    merge_by_id(
        EntityKind::DiagnosisSymptom,
        &mut doc.symptoms,
        &t.symptoms,
        taken,
        Placement::AfterPredecessor,
    );
    settle_ratings(doc);
}

/// Drops the ratings of statements that are not in the merged copy (deleted on one side while
/// the other side's respondent rated them).
fn settle_ratings(doc: &mut Diagnosis) {
    let ids: HashSet<&str> = doc.statements.iter().map(|s| s.id.as_str()).collect();
    for r in doc.respondents.iter_mut() {
        if r.ratings.keys().any(|s| !ids.contains(s.as_str())) {
            r.ratings.retain(|s, _| ids.contains(s.as_str()));
        }
    }
}

/// The names of the fields in which mine's and the file's version of a diagnosis entity differ
/// (change times aside); empty for other kinds and for an entity missing on either side.
pub fn differing_diagnosis_fields(
    mine: &Workspace,
    theirs: &Workspace,
    entity: &EntityRef,
) -> Vec<String> {
    let (a, b) = (&mine.diagnosis, &theirs.diagnosis);
    let id = entity.id.as_str();
    match entity.kind {
        EntityKind::DiagnosisStatement => differing_by_id(&a.statements, &b.statements, id),
        EntityKind::DiagnosisRespondent => differing_by_id(&a.respondents, &b.respondents, id),
        EntityKind::DiagnosisSymptom => differing_by_id(&a.symptoms, &b.symptoms, id),
        _ => Vec::new(),
    }
}

//! Random diagnosis documents for the round-trip and merge properties: statements of every
//! dimension with a text in one language or both, respondents named or anonymous rating any of
//! the statements 1–5, symptoms of every group with causes and tools named once each, ticked or
//! not — every id unique, every rating of a statement that exists.

use std::collections::BTreeMap;

use kam_planner::domain::diagnosis::{
    Diagnosis, Respondent, Soti, Statement, Symptom, SymptomGroup, Tool,
};
use proptest::prelude::*;

use super::{name, text};

fn soti() -> impl Strategy<Value = Soti> {
    proptest::sample::select(Soti::ALL.to_vec())
}

fn tool() -> impl Strategy<Value = Tool> {
    proptest::sample::select(Tool::ALL.to_vec())
}

type RawStatement = (Soti, bool, String, String, i64);
type RawRespondent = (Option<String>, Vec<(usize, u8)>, i64);
type RawSymptom = (
    SymptomGroup,
    String,
    String,
    Vec<Soti>,
    Vec<Tool>,
    bool,
    i64,
);

/// What a diagnosis document is built from, before the statement ids are known.
pub type Parts = (Vec<RawStatement>, Vec<RawRespondent>, Vec<RawSymptom>);

pub fn diagnosis_parts() -> impl Strategy<Value = Parts> {
    (
        proptest::collection::vec((soti(), any::<bool>(), name(), text(), any::<i64>()), 0..8),
        proptest::collection::vec(
            (
                proptest::option::of(name()),
                proptest::collection::vec((0usize..8, 1u8..=5), 0..8),
                any::<i64>(),
            ),
            0..4,
        ),
        proptest::collection::vec(
            (
                proptest::sample::select(SymptomGroup::ALL.to_vec()),
                name(),
                text(),
                proptest::collection::vec(soti(), 0..4),
                proptest::collection::vec(tool(), 0..4),
                any::<bool>(),
                any::<i64>(),
            ),
            0..5,
        ),
    )
}

fn once<T: PartialEq>(list: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(list.len());
    for x in list {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

pub fn build_diagnosis((statements, respondents, symptoms): Parts) -> Diagnosis {
    let statements: Vec<Statement> = statements
        .into_iter()
        .enumerate()
        .map(|(i, (dimension, zh_first, a, b, updated_at))| {
            // `a` is never blank, so a statement always has a text in one language.
            let (zh, en) = if zh_first { (a, b) } else { (b, a) };
            Statement {
                id: format!("q{i}"),
                dimension,
                zh,
                en,
                updated_at,
            }
        })
        .collect();
    let respondents = respondents
        .into_iter()
        .enumerate()
        .map(|(i, (name, ratings, updated_at))| Respondent {
            id: format!("r{i}"),
            name: name.unwrap_or_default(),
            ratings: ratings
                .into_iter()
                .filter_map(|(k, v)| statements.get(k).map(|s| (s.id.clone(), v)))
                .collect::<BTreeMap<_, _>>(),
            updated_at,
        })
        .collect();
    let symptoms = symptoms
        .into_iter()
        .enumerate()
        .map(
            |(i, (group, zh, en, causes, tools, ticked, updated_at))| Symptom {
                id: format!("y{i}"),
                group,
                zh,
                en,
                causes: once(causes),
                tools: once(tools),
                ticked,
                updated_at,
            },
        )
        .collect();
    Diagnosis {
        statements,
        respondents,
        symptoms,
    }
}

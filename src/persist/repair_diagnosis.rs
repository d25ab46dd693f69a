//! The load path's repairs of the diagnosis's document: lists capped, every statement,
//! respondent and symptom with an id of its own, statements and symptoms with a text in at least
//! one language, ratings from 1 to 5 of statements that exist, and the dimensions and tools of a
//! symptom named once each. Each repair is reported. Afterwards
//! [`crate::domain::diagnosis::check`] passes, whatever was read.
//!
//! [`prepare`] runs before the lenient read: a dimension or tool this version does not know in a
//! symptom's `causes` or `tools`, or one rating that is not a whole number, would otherwise cost
//! the whole list or the respondent's whole map of ratings (a scalar field such as a statement's
//! `dimension` or a symptom's `group` falls back to its default through the lenient read alone,
//! reported as a wrong type).

use std::collections::HashSet;

use serde_json::Value;

use super::repair_org::unique_ids;
use super::validate::{DiagnosisFix, Repair};
use crate::domain::diagnosis::{Soti, Tool, RATING_RANGE};
use crate::domain::workspace::Workspace;

/// The most statements kept: ten times the default twenty.
pub const MAX_STATEMENTS: usize = 200;
/// The most respondents kept.
pub const MAX_RESPONDENTS: usize = 500;
/// The most symptoms kept.
pub const MAX_SYMPTOMS: usize = 200;

fn fix(path: impl Into<String>, what: DiagnosisFix, repairs: &mut Vec<Repair>) {
    repairs.push(Repair::Diagnosis {
        path: path.into(),
        fix: what,
    });
}

/// Cuts `list` to `max` records, reporting how many went.
fn cap_list<T>(list: &mut Vec<T>, max: usize, path: &str, repairs: &mut Vec<Repair>) {
    if list.len() > max {
        let cut = list.len() - max;
        list.truncate(max);
        fix(path, DiagnosisFix::Capped { max, cut }, repairs);
    }
}

/// A record's place for a repair: `<list>.<id>`, or `<list>[<i>]` when it has no id.
fn place(list: &str, i: usize, id: &str) -> String {
    if id.trim().is_empty() {
        format!("{list}[{i}]")
    } else {
        format!("{list}.{id}")
    }
}

/// The first 40 characters of a value, for a report.
fn shown(v: &Value) -> String {
    let text = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    text.chars().take(40).collect()
}

/// Removes from the array `list` (when it is one) the entries that are not a key `known`
/// accepts, reporting them under `path()`.
fn keep_known(
    list: Option<&mut Value>,
    known: impl Fn(&str) -> bool,
    path: impl FnOnce() -> String,
    repairs: &mut Vec<Repair>,
) {
    let Some(Value::Array(items)) = list else {
        return;
    };
    let mut unknown = Vec::new();
    items.retain(|v| {
        let keep = v.as_str().is_some_and(&known);
        if !keep && unknown.len() < 10 {
            unknown.push(shown(v));
        }
        keep
    });
    if !unknown.is_empty() {
        fix(
            path(),
            DiagnosisFix::UnknownValues(unknown.join(", ")),
            repairs,
        );
    }
}

/// Before the lenient read of the section `diagnosis` (see the module's comment): unknown
/// dimensions and tools leave a symptom's lists one by one, and ratings that are not whole
/// numbers from 1 to 5 leave a respondent's map one by one. Anything else is left to the read.
pub(super) fn prepare(section: &mut Option<Value>, repairs: &mut Vec<Repair>) {
    let Some(Value::Object(doc)) = section else {
        return;
    };
    if let Some(Value::Array(symptoms)) = doc.get_mut("symptoms") {
        for (i, s) in symptoms.iter_mut().enumerate() {
            let Value::Object(s) = s else { continue };
            keep_known(
                s.get_mut("causes"),
                |k| Soti::from_key(k).is_some(),
                || format!("diagnosis.symptoms[{i}].causes"),
                repairs,
            );
            keep_known(
                s.get_mut("tools"),
                |k| Tool::from_key(k).is_some(),
                || format!("diagnosis.symptoms[{i}].tools"),
                repairs,
            );
        }
    }
    if let Some(Value::Array(respondents)) = doc.get_mut("respondents") {
        for (i, r) in respondents.iter_mut().enumerate() {
            let Some(Value::Object(ratings)) = r.get_mut("ratings") else {
                continue;
            };
            let before = ratings.len();
            let range = u64::from(RATING_RANGE.0)..=u64::from(RATING_RANGE.1);
            ratings.retain(|_, v| v.as_u64().is_some_and(|n| range.contains(&n)));
            let gone = before - ratings.len();
            if gone > 0 {
                fix(
                    format!("diagnosis.respondents[{i}].ratings"),
                    DiagnosisFix::RatingsOutOfRange(gone),
                    repairs,
                );
            }
        }
    }
}

/// Removes the second and later mention of each entry of `list`, reporting how many went.
fn dedupe<T: Copy + Eq + std::hash::Hash>(
    list: &mut Vec<T>,
    path: impl FnOnce() -> String,
    repairs: &mut Vec<Repair>,
) {
    let mut seen = HashSet::with_capacity(list.len());
    let before = list.len();
    list.retain(|x| seen.insert(*x));
    if list.len() != before {
        fix(path(), DiagnosisFix::Repeated(before - list.len()), repairs);
    }
}

/// Repairs `ws.diagnosis` in place, appending what it did to `repairs`.
pub fn repair_diagnosis(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let d = &mut ws.diagnosis;

    // Capped first, so that every later pass is bounded.
    cap_list(
        &mut d.statements,
        MAX_STATEMENTS,
        "diagnosis.statements",
        repairs,
    );
    cap_list(
        &mut d.respondents,
        MAX_RESPONDENTS,
        "diagnosis.respondents",
        repairs,
    );
    cap_list(&mut d.symptoms, MAX_SYMPTOMS, "diagnosis.symptoms", repairs);

    let blank = |zh: &str, en: &str| zh.trim().is_empty() && en.trim().is_empty();
    let mut i = 0;
    d.statements.retain(|s| {
        let keep = !blank(&s.zh, &s.en);
        if !keep {
            fix(
                place("diagnosis.statements", i, &s.id),
                DiagnosisFix::NoText,
                repairs,
            );
        }
        i += 1;
        keep
    });
    // The ratings are checked against the ids as read, before any statement gets a new one: a
    // rating names the statement that first had its id, never one that was given an id here.
    let statements: HashSet<String> = d
        .statements
        .iter()
        .filter(|s| !s.id.trim().is_empty())
        .map(|s| s.id.clone())
        .collect();
    unique_ids(
        &mut d.respondents,
        |r| &mut r.id,
        "diagnosis.respondents",
        "rs",
        repairs,
    );
    for r in d.respondents.iter_mut() {
        let path = || format!("diagnosis.respondents.{}.ratings", r.id);
        let before = r.ratings.len();
        r.ratings.retain(|s, _| statements.contains(s));
        let unknown = before - r.ratings.len();
        if unknown > 0 {
            fix(path(), DiagnosisFix::UnknownStatements(unknown), repairs);
        }
        let before = r.ratings.len();
        r.ratings
            .retain(|_, v| (RATING_RANGE.0..=RATING_RANGE.1).contains(v));
        let out_of_range = before - r.ratings.len();
        if out_of_range > 0 {
            fix(
                path(),
                DiagnosisFix::RatingsOutOfRange(out_of_range),
                repairs,
            );
        }
    }
    unique_ids(
        &mut d.statements,
        |s| &mut s.id,
        "diagnosis.statements",
        "st",
        repairs,
    );

    let mut i = 0;
    d.symptoms.retain(|s| {
        let keep = !blank(&s.zh, &s.en);
        if !keep {
            fix(
                place("diagnosis.symptoms", i, &s.id),
                DiagnosisFix::NoText,
                repairs,
            );
        }
        i += 1;
        keep
    });
    unique_ids(
        &mut d.symptoms,
        |s| &mut s.id,
        "diagnosis.symptoms",
        "sy",
        repairs,
    );
    for s in d.symptoms.iter_mut() {
        let id = s.id.clone();
        dedupe(
            &mut s.causes,
            || format!("diagnosis.symptoms.{id}.causes"),
            repairs,
        );
        dedupe(
            &mut s.tools,
            || format!("diagnosis.symptoms.{id}.tools"),
            repairs,
        );
    }
}

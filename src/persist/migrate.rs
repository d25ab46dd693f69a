//! Forward-only migrations of the workspace document.
//!
//! `STEPS[i]` turns a version `i + 1` document into version `i + 2`. Steps are pure functions on
//! JSON values of the `workspace` object; once shipped a step is never edited, and every change
//! of the document format adds one, with its fixture pair `tests/fixtures/migrations/
//! v<n>-to-v<n+1>.{input,expected}.json` (a test fails when a step has none). A step must accept
//! any JSON it is given: what it does not recognise it leaves for the lenient read to report.

use serde_json::{Map, Value};

use super::envelope::LoadError;
use crate::domain::workspace::SCHEMA_VERSION;

/// One migration step: a version `n` document in, a version `n + 1` document out.
pub type Step = fn(Value) -> Result<Value, String>;

/// The steps, in order; `STEPS.len()` is always `SCHEMA_VERSION - 1`.
pub const STEPS: &[Step] = &[
    v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8,
];

/// Upgrades a workspace document from `from` to [`SCHEMA_VERSION`], returning it and the versions
/// it started each step from (so tests can see which steps ran).
pub fn to_current(mut doc: Value, from: u64) -> Result<(Value, Vec<u64>), LoadError> {
    let mut version = from;
    let mut ran = Vec::new();
    while version < u64::from(SCHEMA_VERSION) {
        let step = usize::try_from(version - 1)
            .ok()
            .and_then(|i| STEPS.get(i))
            .ok_or_else(|| LoadError::Migration {
                from: version,
                message: "no migration step is defined".to_string(),
            })?;
        doc = step(doc).map_err(|message| LoadError::Migration {
            from: version,
            message,
        })?;
        ran.push(version);
        version += 1;
    }
    Ok((doc, ran))
}

/// 1 → 2: tiers, the tiering settings and the workspace settings get their own `updated_at`
/// (for merging). A version 1 document only knows when the workspace as a whole last changed,
/// so that time is the best known one for each of them.
fn v1_to_v2(mut doc: Value) -> Result<Value, String> {
    let Value::Object(ws) = &mut doc else {
        return Err("the workspace is not an object".to_string());
    };
    let last_change = ws
        .get("meta")
        .and_then(|m| m.get("updated_at"))
        .and_then(Value::as_i64)
        .unwrap_or(0);
    let stamp = |obj: &mut Map<String, Value>, key: &str| {
        if !obj.contains_key(key) {
            obj.insert(key.to_string(), Value::from(last_change));
        }
    };
    if let Some(Value::Object(meta)) = ws.get_mut("meta") {
        stamp(meta, "settings_updated_at");
    }
    if let Some(Value::Object(tiering)) = ws.get_mut("tiering") {
        stamp(tiering, "updated_at");
        if let Some(Value::Array(tiers)) = tiering.get_mut("tiers") {
            for tier in tiers {
                if let Value::Object(tier) = tier {
                    stamp(tier, "updated_at");
                }
            }
        }
    }
    Ok(doc)
}

/// 2 → 3: the organisation documents `org` (Tool 3), `duties` (Tool 4) and `talent` (Tool 7)
/// appear. A version 2 document has none of them, so each starts as an empty object, which the
/// lenient read fills with the defaults (the four roles, the coverage template, the purchase
/// process, the role cards and RACI matrix, the talent sources) and no people. A section that is
/// somehow present already is left as it is.
fn v2_to_v3(mut doc: Value) -> Result<Value, String> {
    let Value::Object(ws) = &mut doc else {
        return Err("the workspace is not an object".to_string());
    };
    for key in ["org", "duties", "talent"] {
        ws.entry(key.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    Ok(doc)
}

/// 3 → 4: the documents of the management rhythm (`governance`, Tool 5), the 151 programme
/// (`engagement`) and the KPI scorecards (`kpi`, Tool 6) appear, each as an empty object that the
/// lenient read fills with the defaults. A section already present is left as it is.
fn v3_to_v4(mut doc: Value) -> Result<Value, String> {
    let Value::Object(ws) = &mut doc else {
        return Err("the workspace is not an object".to_string());
    };
    for key in ["governance", "engagement", "kpi"] {
        ws.entry(key.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    Ok(doc)
}

/// 4 → 5: Tool 2's document `portfolio` (business lines, target mix, market insight, business
/// design, whitespace) appears as an empty object that the lenient read fills with the defaults
/// (no lines, the 70/20/10 target mix). A section already present is left as it is.
fn v4_to_v5(mut doc: Value) -> Result<Value, String> {
    let Value::Object(ws) = &mut doc else {
        return Err("the workspace is not an object".to_string());
    };
    ws.entry("portfolio".to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    Ok(doc)
}

/// 5 → 6: LTC's document `ltc` appears as an empty object that the lenient read fills with the
/// defaults (the SPEC stages, no opportunities, contracts or targets), and each KPI indicator's
/// `linked_151` is renamed `linked` (the link now reaches LTC too; its value is kept). A section
/// or field already present is left as it is.
fn v5_to_v6(mut doc: Value) -> Result<Value, String> {
    let Value::Object(ws) = &mut doc else {
        return Err("the workspace is not an object".to_string());
    };
    ws.entry("ltc".to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    let cards = ws
        .get_mut("kpi")
        .and_then(|k| k.get_mut("scorecards"))
        .and_then(Value::as_array_mut);
    for card in cards.into_iter().flatten() {
        let indicators = card.get_mut("indicators").and_then(Value::as_array_mut);
        for ind in indicators.into_iter().flatten() {
            if let Value::Object(ind) = ind {
                if let Some(v) = ind.remove("linked_151") {
                    ind.entry("linked".to_string()).or_insert(v);
                }
            }
        }
    }
    Ok(doc)
}

/// 6 → 7: MCR's document `mcr` appears as an empty object that the lenient read fills with the
/// defaults (no stakeholders, contacts, plan items or VCT checks; stale after 90 days). A 151 log
/// entry without `stakeholders` reads as naming none. A section already present is left as it is.
fn v6_to_v7(mut doc: Value) -> Result<Value, String> {
    let Value::Object(ws) = &mut doc else {
        return Err("the workspace is not an object".to_string());
    };
    ws.entry("mcr".to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    Ok(doc)
}

/// 7 → 8: the diagnosis's document `diagnosis` appears as an empty object that the lenient read
/// fills with the defaults (the twenty SOTI statements, the symptom checklist with nothing
/// ticked, no respondents). Writing it here, rather than leaving the section out, keeps the load
/// of a version 7 file free of a "section missing" repair: such a file is not damaged, it just
/// predates the diagnosis. A section already present is left as it is.
fn v7_to_v8(mut doc: Value) -> Result<Value, String> {
    let Value::Object(ws) = &mut doc else {
        return Err("the workspace is not an object".to_string());
    };
    ws.entry("diagnosis".to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    Ok(doc)
}

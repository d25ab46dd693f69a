//! The load path's repairs of LTC's document: one won and one lost stage at least, unique ids,
//! probabilities within 0–100, amounts and shares finite and not negative, dates that are
//! dates, references to accounts, people, lines, stages and opportunities that exist, the stage
//! history and the milestones capped, texts capped. Each repair is reported; a record is removed
//! only when the account it belongs to does not exist.

use std::collections::HashSet;
use std::rc::Rc;

use super::repair_org::unique_ids;
use super::validate::{LtcFix, Repair};
use crate::domain::dates::day_number;
use crate::domain::ltc::{default_stages, Scope, StageKind, MAX_HISTORY};
use crate::domain::workspace::Workspace;

/// The most milestones kept per contract.
pub const MAX_MILESTONES: usize = 24;

fn fix(path: impl Into<String>, what: LtcFix, repairs: &mut Vec<Repair>) {
    repairs.push(Repair::Ltc {
        path: path.into(),
        fix: what,
    });
}

/// A number that must be finite and not negative (`max`: an upper bound).
fn number(v: &mut f64, max: f64, path: impl FnOnce() -> String, repairs: &mut Vec<Repair>) {
    if !v.is_finite() || *v < 0.0 || *v > max {
        *v = if v.is_finite() {
            v.clamp(0.0, max)
        } else {
            0.0
        };
        fix(path(), LtcFix::Clamped, repairs);
    }
}

fn date(d: &mut String, path: impl FnOnce() -> String, repairs: &mut Vec<Repair>) {
    if !d.is_empty() && day_number(d).is_none() {
        d.clear();
        fix(path(), LtcFix::Cleared, repairs);
    }
}

/// Repairs `ws.ltc` in place, appending what it did to `repairs`.
pub fn repair_ltc(ws: &mut Workspace, repairs: &mut Vec<Repair>) {
    let customers: HashSet<String> = ws.customers.iter().map(|c| c.id.clone()).collect();
    let people: HashSet<String> = ws.org.people.iter().map(|p| p.id.clone()).collect();
    let lines: HashSet<String> = ws.portfolio.lines.iter().map(|l| l.id.clone()).collect();
    let tiers: HashSet<String> = ws.tiering.tiers.iter().map(|t| t.id.clone()).collect();
    let ltc = &mut ws.ltc;

    unique_ids(
        &mut ltc.stages,
        |s| &mut s.id,
        "ltc.stages",
        "stage",
        repairs,
    );
    for kind in [StageKind::Won, StageKind::Lost] {
        if !ltc.stages.iter().any(|s| s.kind == kind) {
            if let Some(mut s) = default_stages().into_iter().find(|s| s.kind == kind) {
                while ltc.stages.iter().any(|x| x.id == s.id) {
                    s.id.push('_');
                }
                fix(s.id.clone(), LtcFix::Added, repairs);
                ltc.stages.push(s);
            }
        }
    }
    for (i, s) in ltc.stages.iter_mut().enumerate() {
        number(
            &mut s.probability_pct,
            100.0,
            || format!("ltc.stages[{i}].probability_pct"),
            repairs,
        );
    }
    let stages: HashSet<String> = ltc.stages.iter().map(|s| s.id.clone()).collect();
    let first_open = ltc
        .stages
        .iter()
        .find(|s| s.kind == StageKind::Open)
        .or(ltc.stages.first())
        .map(|s| s.id.clone())
        .unwrap_or_default();

    unique_ids(
        &mut ltc.opportunities,
        |o| &mut Rc::make_mut(o).id,
        "ltc.opportunities",
        "opp",
        repairs,
    );
    ltc.opportunities.retain(|o| {
        let keep = customers.contains(&o.account);
        if !keep {
            fix(
                format!("ltc.opportunities.{}.account", o.id),
                LtcFix::Removed,
                repairs,
            );
        }
        keep
    });
    for o in ltc.opportunities.iter_mut() {
        let p = |f: &str| format!("ltc.opportunities.{}.{f}", o.id);
        let mut bad: Vec<(String, LtcFix)> = Vec::new();
        let dangling_owner = o.owner.as_ref().is_some_and(|x| !people.contains(x));
        let dangling_line = o.line.as_ref().is_some_and(|x| !lines.contains(x));
        let bad_stage = !stages.contains(&o.stage);
        let bad_amount = !o.amount.is_finite() || o.amount < 0.0;
        let bad_dates = [&o.close_date, &o.created, &o.stage_entered]
            .iter()
            .any(|d| !d.is_empty() && day_number(d).is_none())
            || o.history
                .iter()
                .any(|h| day_number(&h.date).is_none() || !stages.contains(&h.stage))
            || o.history.len() > MAX_HISTORY;
        if !(dangling_owner || dangling_line || bad_stage || bad_amount || bad_dates) {
            continue;
        }
        if dangling_owner {
            bad.push((p("owner"), LtcFix::Cleared));
        }
        if dangling_line {
            bad.push((p("line"), LtcFix::Cleared));
        }
        if bad_stage {
            bad.push((p("stage"), LtcFix::FirstStage));
        }
        let o = Rc::make_mut(o);
        if dangling_owner {
            o.owner = None;
        }
        if dangling_line {
            o.line = None;
        }
        if bad_stage {
            o.stage = first_open.clone();
        }
        for (path, what) in bad {
            fix(path, what, repairs);
        }
        let id = o.id.clone();
        number(
            &mut o.amount,
            f64::MAX,
            || format!("ltc.opportunities.{id}.amount"),
            repairs,
        );
        date(
            &mut o.close_date,
            || format!("ltc.opportunities.{id}.close_date"),
            repairs,
        );
        date(
            &mut o.created,
            || format!("ltc.opportunities.{id}.created"),
            repairs,
        );
        date(
            &mut o.stage_entered,
            || format!("ltc.opportunities.{id}.stage_entered"),
            repairs,
        );
        let before = o.history.len();
        o.history
            .retain(|h| day_number(&h.date).is_some() && stages.contains(&h.stage));
        if o.history.len() > MAX_HISTORY {
            let extra = o.history.len() - MAX_HISTORY;
            o.history.drain(..extra);
        }
        if o.history.len() != before {
            fix(
                format!("ltc.opportunities.{id}.history"),
                LtcFix::Cleared,
                repairs,
            );
        }
    }
    let opps: HashSet<String> = ltc.opportunities.iter().map(|o| o.id.clone()).collect();

    unique_ids(
        &mut ltc.contracts,
        |c| &mut Rc::make_mut(c).id,
        "ltc.contracts",
        "contract",
        repairs,
    );
    ltc.contracts.retain(|c| {
        let keep = customers.contains(&c.account);
        if !keep {
            fix(
                format!("ltc.contracts.{}.account", c.id),
                LtcFix::Removed,
                repairs,
            );
        }
        keep
    });
    for c in ltc.contracts.iter_mut() {
        let dangling = c.opportunity.as_ref().is_some_and(|x| !opps.contains(x));
        let numbers_ok = c.value.is_finite()
            && c.value >= 0.0
            && (0.0..=100.0).contains(&c.delivered_pct)
            && c.milestones.len() <= MAX_MILESTONES
            && c.milestones.iter().all(|m| {
                [m.share_pct, m.invoiced, m.collected]
                    .iter()
                    .all(|v| v.is_finite() && *v >= 0.0)
                    && m.share_pct <= 100.0
            });
        let dates_ok = [&c.signed, &c.delivered, &c.accepted]
            .into_iter()
            .chain(
                c.milestones
                    .iter()
                    .flat_map(|m| [&m.due.date, &m.invoiced_date, &m.collected_date]),
            )
            .all(|d| d.is_empty() || day_number(d).is_some());
        if !dangling && numbers_ok && dates_ok {
            continue;
        }
        let c = Rc::make_mut(c);
        let id = c.id.clone();
        if dangling {
            c.opportunity = None;
            fix(
                format!("ltc.contracts.{id}.opportunity"),
                LtcFix::Cleared,
                repairs,
            );
        }
        if c.milestones.len() > MAX_MILESTONES {
            c.milestones.truncate(MAX_MILESTONES);
            fix(
                format!("ltc.contracts.{id}.milestones"),
                LtcFix::Clamped,
                repairs,
            );
        }
        number(
            &mut c.value,
            f64::MAX,
            || format!("ltc.contracts.{id}.value"),
            repairs,
        );
        number(
            &mut c.delivered_pct,
            100.0,
            || format!("ltc.contracts.{id}.delivered_pct"),
            repairs,
        );
        date(
            &mut c.signed,
            || format!("ltc.contracts.{id}.signed"),
            repairs,
        );
        date(
            &mut c.delivered,
            || format!("ltc.contracts.{id}.delivered"),
            repairs,
        );
        date(
            &mut c.accepted,
            || format!("ltc.contracts.{id}.accepted"),
            repairs,
        );
        for (i, m) in c.milestones.iter_mut().enumerate() {
            let p = |f: &str| format!("ltc.contracts.{id}.milestones[{i}].{f}");
            number(&mut m.share_pct, 100.0, || p("share_pct"), repairs);
            number(&mut m.invoiced, f64::MAX, || p("invoiced"), repairs);
            number(&mut m.collected, f64::MAX, || p("collected"), repairs);
            date(&mut m.due.date, || p("due.date"), repairs);
            date(&mut m.invoiced_date, || p("invoiced_date"), repairs);
            date(&mut m.collected_date, || p("collected_date"), repairs);
        }
    }

    unique_ids(
        &mut ltc.targets,
        |t| &mut t.id,
        "ltc.targets",
        "target",
        repairs,
    );
    ltc.targets.retain(|t| {
        let exists = match t.scope {
            Scope::Company => true,
            Scope::Account => customers.contains(&t.key),
            Scope::Tier => tiers.contains(&t.key),
            Scope::Owner => people.contains(&t.key),
            Scope::Line => lines.contains(&t.key),
        };
        if !exists {
            fix(format!("ltc.targets.{}", t.id), LtcFix::Removed, repairs);
        }
        exists
    });
    for t in ltc.targets.iter_mut() {
        let id = t.id.clone();
        for v in t.orders.iter_mut().chain(t.collections.iter_mut()) {
            number(v, f64::MAX, || format!("ltc.targets.{id}"), repairs);
        }
    }
    number(
        &mut ltc.settings.coverage_threshold,
        100.0,
        || "ltc.settings.coverage_threshold".to_string(),
        repairs,
    );
}

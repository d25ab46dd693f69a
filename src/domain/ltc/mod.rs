//! LTC — lead to cash (线索到回款, SPEC §3.9): the stages of the pipeline, the opportunities
//! with their stage history, the contracts with their payment milestones, and the order and
//! collection targets of each fiscal year.
//!
//! The calculations are in [`calc`] (pipeline, forecast, coverage, conversion, win rate) and
//! [`cash`] (milestone due dates, receivables, overdue ageing, DSO, collections by month); the
//! figures the KPI tool takes from LTC in [`kpi_link`]; the demo's document in [`demo`].

pub mod board;
pub mod calc;
pub mod cash;
mod demo;
pub mod kpi_link;
mod model;
pub mod synthetic;

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::org::stamp::{entity, stamp_list};

pub use demo::{demo, link_team_cards};
pub use model::*;

/// LTC's document inside the workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ltc {
    /// The stages in pipeline order; the open ones first, then won and lost.
    pub stages: Vec<Stage>,
    /// The opportunities. Each is shared (`Rc`) so that an edit of one, and every undo step,
    /// copies pointers rather than 100,000 records.
    pub opportunities: Vec<Rc<Opportunity>>,
    /// The contracts, shared like the opportunities.
    pub contracts: Vec<Rc<Contract>>,
    /// Order and collection targets per fiscal year and scope.
    pub targets: Vec<Target>,
    /// The coverage threshold and other settings.
    pub settings: LtcSettings,
}

impl Default for Ltc {
    /// The SPEC stages, nothing else.
    fn default() -> Self {
        Ltc {
            stages: default_stages(),
            opportunities: Vec::new(),
            contracts: Vec::new(),
            targets: Vec::new(),
            settings: LtcSettings::default(),
        }
    }
}

/// The settings of the tool.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LtcSettings {
    /// Coverage below this many times the remaining target is flagged (SPEC: 3×).
    pub coverage_threshold: f64,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Default for LtcSettings {
    fn default() -> Self {
        LtcSettings {
            coverage_threshold: 3.0,
            updated_at: 0,
        }
    }
}

impl Ltc {
    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The position of a stage in pipeline order: open stages by their order, then won, then
    /// lost (`None` for an unknown stage).
    pub fn stage_index(&self, id: &str) -> Option<usize> {
        self.stages.iter().position(|s| s.id == id)
    }

    /// The open stages, in order.
    pub fn open_stages(&self) -> impl Iterator<Item = &Stage> {
        self.stages.iter().filter(|s| s.kind == StageKind::Open)
    }

    /// The id of the won stage (the first of its kind).
    pub fn won_stage(&self) -> Option<&Stage> {
        self.stages.iter().find(|s| s.kind == StageKind::Won)
    }

    /// The id of the lost stage (the first of its kind).
    pub fn lost_stage(&self) -> Option<&Stage> {
        self.stages.iter().find(|s| s.kind == StageKind::Lost)
    }

    /// The kind of an opportunity's stage (an unknown stage counts as open).
    pub fn kind_of(&self, o: &Opportunity) -> StageKind {
        self.stage(&o.stage).map_or(StageKind::Open, |s| s.kind)
    }

    /// The opportunity with this id.
    pub fn opportunity(&self, id: &str) -> Option<&Rc<Opportunity>> {
        self.opportunities.iter().find(|o| o.id == id)
    }

    /// The contract with this id.
    pub fn contract(&self, id: &str) -> Option<&Rc<Contract>> {
        self.contracts.iter().find(|c| c.id == id)
    }

    /// The explicit target of a year and scope, if any.
    pub fn target(&self, year: i32, scope: Scope, key: &str) -> Option<&Target> {
        self.targets
            .iter()
            .find(|t| t.year == year && t.scope == scope && t.key == key)
    }
}

entity!(Stage, id);
entity!(Target, id);
entity!(Opportunity, id);
entity!(Contract, id);

/// `new` with `updated_at` set to `now_ms` on each record that is new or changed against `old`;
/// the others keep their time. Opportunities and contracts are compared through a map by id, and
/// a record still shared with `old` (the same `Rc`) is skipped without a comparison, so a stage
/// move among 100,000 opportunities touches one.
pub fn stamp(old: &Ltc, new: &Ltc, now_ms: i64) -> Ltc {
    let mut next = new.clone();
    stamp_list(&old.stages, &mut next.stages, now_ms);
    stamp_list(&old.targets, &mut next.targets, now_ms);
    stamp_shared(&old.opportunities, &mut next.opportunities, now_ms);
    stamp_shared(&old.contracts, &mut next.contracts, now_ms);
    next.settings.updated_at =
        if old.settings.coverage_threshold == next.settings.coverage_threshold {
            old.settings.updated_at
        } else {
            now_ms
        };
    next
}

fn stamp_shared<T>(old: &[Rc<T>], new: &mut [Rc<T>], now_ms: i64)
where
    T: super::org::stamp::Entity,
{
    use super::org::stamp::same_content;
    let by_id: std::collections::HashMap<&str, &Rc<T>> = old.iter().map(|o| (o.key(), o)).collect();
    for item in new.iter_mut() {
        match by_id.get(item.key()) {
            Some(o) if Rc::ptr_eq(o, item) => {}
            Some(o) if same_content(o.as_ref(), item.as_ref()) => {
                if item.updated_at() != o.updated_at() {
                    Rc::make_mut(item).set_updated_at(o.updated_at());
                }
            }
            _ => Rc::make_mut(item).set_updated_at(now_ms),
        }
    }
}

/// True when two settings are the same apart from when they were last changed.
pub fn same_settings(a: &LtcSettings, b: &LtcSettings) -> bool {
    a.coverage_threshold == b.coverage_threshold
}

/// Why an LTC document cannot be saved.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LtcRefusal {
    /// A number is not finite, or an amount or share is negative.
    #[error("a number of {what} is not a finite, non-negative number")]
    BadNumber {
        /// The id of the record holding it.
        what: String,
    },
    /// Two records of one kind share an id.
    #[error("the id {id} is used twice")]
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A date that is not `YYYY-MM-DD`.
    #[error("“{date}” of {what} is not a date of the form YYYY-MM-DD")]
    BadDate {
        /// The id of the record holding it.
        what: String,
        /// The text.
        date: String,
    },
    /// No won or no lost stage, or an opportunity in a stage that does not exist.
    #[error("the stages must keep one won and one lost stage, and every opportunity a stage")]
    Stages,
}

/// Checks what the document must never hold: non-finite or negative numbers, malformed dates,
/// ids used twice, no won or lost stage. The views call it before dispatching an edit.
pub fn check(ltc: &Ltc) -> Result<(), LtcRefusal> {
    use std::collections::HashSet;
    let num = |v: f64, what: &str| {
        if v.is_finite() && v >= 0.0 {
            Ok(())
        } else {
            Err(LtcRefusal::BadNumber {
                what: what.to_string(),
            })
        }
    };
    let date = |d: &str, what: &str| {
        if d.is_empty() || crate::domain::dates::day_number(d).is_some() {
            Ok(())
        } else {
            Err(LtcRefusal::BadDate {
                what: what.to_string(),
                date: d.to_string(),
            })
        }
    };
    let unique = |seen: &mut HashSet<String>, id: &str| {
        if seen.insert(id.to_string()) {
            Ok(())
        } else {
            Err(LtcRefusal::DuplicateId { id: id.to_string() })
        }
    };
    let mut seen = HashSet::new();
    for s in &ltc.stages {
        unique(&mut seen, &s.id)?;
        num(s.probability_pct, &s.id)?;
    }
    if ltc.won_stage().is_none() || ltc.lost_stage().is_none() {
        return Err(LtcRefusal::Stages);
    }
    let mut seen = HashSet::new();
    for o in &ltc.opportunities {
        unique(&mut seen, &o.id)?;
        num(o.amount, &o.id)?;
        if ltc.stage(&o.stage).is_none() {
            return Err(LtcRefusal::Stages);
        }
        for d in [&o.close_date, &o.created, &o.stage_entered] {
            date(d, &o.id)?;
        }
        for h in &o.history {
            date(&h.date, &o.id)?;
        }
    }
    let mut seen = HashSet::new();
    for c in &ltc.contracts {
        unique(&mut seen, &c.id)?;
        num(c.value, &c.id)?;
        num(c.delivered_pct, &c.id)?;
        for d in [&c.signed, &c.delivered, &c.accepted] {
            date(d, &c.id)?;
        }
        for m in &c.milestones {
            for v in [m.share_pct, m.invoiced, m.collected] {
                num(v, &c.id)?;
            }
            for d in [&m.due.date, &m.invoiced_date, &m.collected_date] {
                date(d, &c.id)?;
            }
        }
    }
    let mut seen = HashSet::new();
    for t in &ltc.targets {
        unique(&mut seen, &t.id)?;
        for v in t.orders.iter().chain(&t.collections) {
            num(*v, &t.id)?;
        }
    }
    num(ltc.settings.coverage_threshold, "settings")?;
    Ok(())
}

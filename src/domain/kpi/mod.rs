//! Tool 6 — differentiated KPI targets (差异化的考核目标, SPEC §3.7): scorecards for the
//! organisation and for each role, their indicators and scoring, the cascade of team indicators
//! onto the roles (利出一孔) and each person's actuals.
//!
//! The document is [`Kpi`]; the calculations live next to it:
//!
//! - [`score`]: the score of one indicator (with the branch and numbers that produced it), the
//!   total of a scorecard and the checks shown on its card;
//! - [`cascade`]: the checks of the cascade;
//! - [`people`]: each person scored on their role's scorecard, the distribution of the scores and
//!   how linked figures are picked;
//! - [`linked`]: the figures linked indicators take from the 151 programme, LTC and MCR;
//! - [`defaults`]: the SPEC defaults in Chinese and English; [`demo`]: the demo's actuals;
//! - [`import`]: actuals per person from a CSV or Excel table.

pub mod cascade;
pub mod defaults;
pub mod demo;
pub mod differ;
pub mod import;
pub mod linked;
pub mod people;
pub mod score;

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::number::format_percent;
use super::org::stamp::{stamp_list, Entity};
use super::org::talent_input::format_plain;
use super::org::TriangleType;

pub use demo::demo;

/// The four dimensions of a balanced scorecard.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// 客户: share of wallet, satisfaction, relationships.
    #[default]
    Customer,
    /// 财务: orders, revenue, cash collection, margin.
    Financial,
    /// 内部运营: process indicators (151, pipeline, bids, delivery).
    Internal,
    /// 学习与成长: capability.
    Learning,
}

impl Dimension {
    /// Every dimension, in the order they are shown.
    pub const ALL: [Dimension; 4] = [
        Dimension::Customer,
        Dimension::Financial,
        Dimension::Internal,
        Dimension::Learning,
    ];

    /// The snake_case identifier (also the i18n key suffix).
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Customer => "customer",
            Dimension::Financial => "financial",
            Dimension::Internal => "internal",
            Dimension::Learning => "learning",
        }
    }
}

/// Whether more or less of an indicator is better.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better (orders, revenue): floor < target < challenge.
    #[default]
    Higher,
    /// Less is better (complaints, overdue days): floor > target > challenge.
    Lower,
}

/// Whose scorecard it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnerKind {
    /// The account team as a whole (客户群 / 铁三角).
    #[default]
    Organisation,
    /// One role of the team (AR, SR, FR, AD or a custom one); its people are scored on it.
    Role,
}

/// One indicator of a scorecard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Indicator {
    /// Stable id (unique in the document).
    pub id: String,
    /// What is measured, shared by the same indicator on several scorecards (`orders`,
    /// `cash_collection`, …); the cascade refers to it.
    pub metric: String,
    /// Balanced-scorecard dimension.
    pub dimension: Dimension,
    /// Chinese name, e.g. 订货.
    pub name_zh: String,
    /// English name, e.g. Orders.
    pub name_en: String,
    /// Unit shown with the figures (`%`, `×`, `/100`).
    pub unit: String,
    /// Whether more or less is better.
    pub direction: Direction,
    /// Weight in percent; the weights of a scorecard sum to 100.
    pub weight: f64,
    /// Below this (above, when lower is better) the score is 0; without one the score is
    /// proportional to the target.
    pub floor: Option<f64>,
    /// Scores 100.
    pub target: f64,
    /// Scores the cap (120 by default).
    pub challenge: f64,
    /// The actual of the scorecard's owner (organisation scorecards; role scorecards keep the
    /// actuals per person in [`Kpi::actuals`]).
    pub actual: Option<f64>,
    /// The actual comes from the tool that measures the metric when it has a figure: the 151
    /// programme for 151 completion, LTC for orders, cash collection, pipeline coverage and bid
    /// win rate (see [`people::link_source`]).
    pub linked: bool,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Indicator {
    /// A figure of this indicator with its unit, so that a linked figure reads like the
    /// thresholds it is scored against: percent as the other tools show it (8.78 → "8.8%"),
    /// times as "2.5×", a unit starting with "/" attached ("72/100"), any other after a space
    /// ("45 天"), none as the bare number.
    pub fn value_text(&self, value: f64) -> String {
        let unit = self.unit.trim();
        if !value.is_finite() {
            return "—".to_string();
        }
        match unit {
            "%" => format_percent(value),
            "" => format_plain(value),
            u if u == "×" || u == "x" || u.starts_with('/') => {
                format!("{}{u}", format_plain(value))
            }
            u => format!("{} {u}", format_plain(value)),
        }
    }
}

impl Default for Indicator {
    fn default() -> Self {
        Indicator {
            id: String::new(),
            metric: String::new(),
            dimension: Dimension::Customer,
            name_zh: String::new(),
            name_en: String::new(),
            unit: "%".to_string(),
            direction: Direction::Higher,
            weight: 0.0,
            floor: Some(60.0),
            target: 100.0,
            challenge: 120.0,
            actual: None,
            linked: false,
            updated_at: 0,
        }
    }
}

/// A scorecard: the indicators one owner is measured on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scorecard {
    /// Stable id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Organisation or role.
    pub owner: OwnerKind,
    /// Role id when the owner is a role.
    pub role: String,
    /// Applies to accounts of this triangle type only (`None`: every type).
    pub triangle: Option<TriangleType>,
    /// Applies to accounts of this tier only (`None`: every tier).
    pub tier: Option<String>,
    /// The highest score an indicator can reach (SPEC: 120).
    pub cap: f64,
    /// The indicators, in order.
    pub indicators: Vec<Indicator>,
    /// Last change of the card or any indicator, ms since epoch.
    pub updated_at: i64,
}

impl Default for Scorecard {
    fn default() -> Self {
        Scorecard {
            id: String::new(),
            name_zh: String::new(),
            name_en: String::new(),
            owner: OwnerKind::Organisation,
            role: String::new(),
            triangle: None,
            tier: None,
            cap: score::DEFAULT_CAP,
            indicators: Vec::new(),
            updated_at: 0,
        }
    }
}

impl Scorecard {
    /// Sum of the weights, percent.
    pub fn weight_sum(&self) -> f64 {
        self.indicators.iter().map(|i| i.weight).sum()
    }

    /// Sum of the weights per dimension, in [`Dimension::ALL`] order.
    pub fn dimension_weights(&self) -> [(Dimension, f64); 4] {
        Dimension::ALL.map(|d| {
            (
                d,
                self.indicators
                    .iter()
                    .filter(|i| i.dimension == d)
                    .map(|i| i.weight)
                    .sum(),
            )
        })
    }
}

/// A team indicator split across the roles (利出一孔: the roles share one team result).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cascade {
    /// Stable id.
    pub id: String,
    /// The metric of the team indicator it splits (see [`Indicator::metric`]).
    pub metric: String,
    /// Share of the team result per role id, percent; they sum to 100.
    pub shares: BTreeMap<String, f64>,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Cascade {
    /// Sum of the shares, percent.
    pub fn share_sum(&self) -> f64 {
        self.shares.values().sum()
    }
}

/// One person's actual on one indicator of their role's scorecard.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PersonActual {
    /// Stable id, `<person>.<indicator>` (see [`actual_id`]).
    pub id: String,
    /// Person id.
    pub person: String,
    /// Indicator id.
    pub indicator: String,
    /// The actual.
    pub value: f64,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// The id of a person's actual on an indicator.
pub fn actual_id(person: &str, indicator: &str) -> String {
    format!("{person}.{indicator}")
}

/// Tool 6's document: scorecards, cascades and the actuals per person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Kpi {
    /// Organisation scorecards first, then role scorecards.
    pub scorecards: Vec<Scorecard>,
    /// How team indicators are split across the roles.
    pub cascades: Vec<Cascade>,
    /// Actuals per person × indicator.
    pub actuals: Vec<PersonActual>,
}

impl Default for Kpi {
    /// The SPEC defaults: an organisation scorecard per triangle type, a scorecard per built-in
    /// role, the default cascades, no actuals.
    fn default() -> Self {
        Kpi {
            scorecards: defaults::scorecards(),
            cascades: defaults::cascades(),
            actuals: Vec::new(),
        }
    }
}

impl Kpi {
    /// The scorecard with this id.
    pub fn scorecard(&self, id: &str) -> Option<&Scorecard> {
        self.scorecards.iter().find(|s| s.id == id)
    }

    /// The scorecard a person of `role` is scored on: the first role scorecard of that role.
    pub fn role_scorecard(&self, role: &str) -> Option<&Scorecard> {
        self.scorecards
            .iter()
            .find(|s| s.owner == OwnerKind::Role && s.role == role)
    }

    /// A person's stored actual on an indicator.
    pub fn actual(&self, person: &str, indicator: &str) -> Option<f64> {
        self.actuals
            .iter()
            .find(|a| a.person == person && a.indicator == indicator)
            .map(|a| a.value)
    }

    /// Sets (or with `None` removes) a person's actual on an indicator.
    pub fn set_actual(&mut self, person: &str, indicator: &str, value: Option<f64>) {
        let pos = self
            .actuals
            .iter()
            .position(|a| a.person == person && a.indicator == indicator);
        match (pos, value) {
            (Some(i), Some(v)) => self.actuals[i].value = v,
            (Some(i), None) => {
                self.actuals.remove(i);
            }
            (None, Some(v)) => self.actuals.push(PersonActual {
                id: actual_id(person, indicator),
                person: person.to_string(),
                indicator: indicator.to_string(),
                value: v,
                updated_at: 0,
            }),
            (None, None) => {}
        }
    }
}

/// Why a KPI document cannot be saved.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum KpiRefusal {
    /// A number is not finite (NaN or infinite).
    #[error("a number of {what} is not finite")]
    NotFinite {
        /// The id of the record holding it.
        what: String,
    },
    /// Two records of one kind share an id.
    #[error("the id {id} is used twice")]
    DuplicateId {
        /// The id.
        id: String,
    },
}

/// Checks what the document must never hold: non-finite numbers and ids used twice. The view
/// calls it before dispatching an edit (the thresholds' order and the weights are checks shown
/// on the card, not refusals, so a card can be edited through an inconsistent state).
pub fn check(kpi: &Kpi) -> Result<(), KpiRefusal> {
    let finite = |v: f64, what: &str| {
        if v.is_finite() {
            Ok(())
        } else {
            Err(KpiRefusal::NotFinite {
                what: what.to_string(),
            })
        }
    };
    let mut cards = HashSet::new();
    let mut indicators = HashSet::new();
    for card in &kpi.scorecards {
        if !cards.insert(card.id.as_str()) {
            return Err(KpiRefusal::DuplicateId {
                id: card.id.clone(),
            });
        }
        finite(card.cap, &card.id)?;
        for i in &card.indicators {
            if !indicators.insert(i.id.as_str()) {
                return Err(KpiRefusal::DuplicateId { id: i.id.clone() });
            }
            for v in [i.weight, i.target, i.challenge]
                .into_iter()
                .chain(i.floor)
                .chain(i.actual)
            {
                finite(v, &i.id)?;
            }
        }
    }
    let mut cascades = HashSet::new();
    for c in &kpi.cascades {
        if !cascades.insert(c.id.as_str()) {
            return Err(KpiRefusal::DuplicateId { id: c.id.clone() });
        }
        for v in c.shares.values() {
            finite(*v, &c.id)?;
        }
    }
    let mut actuals = HashSet::new();
    for a in &kpi.actuals {
        if !actuals.insert(a.id.as_str()) {
            return Err(KpiRefusal::DuplicateId { id: a.id.clone() });
        }
        finite(a.value, &a.id)?;
    }
    Ok(())
}

macro_rules! entity {
    ($t:ty) => {
        impl Entity for $t {
            fn key(&self) -> &str {
                &self.id
            }
            fn updated_at(&self) -> i64 {
                self.updated_at
            }
            fn set_updated_at(&mut self, at: i64) {
                self.updated_at = at;
            }
        }
    };
}

entity!(Scorecard);
entity!(Indicator);
entity!(Cascade);
entity!(PersonActual);

/// `new` with `updated_at` set to `now_ms` on each record that is new or changed against `old`;
/// the others keep their time. A scorecard counts as changed when any of its indicators did.
pub fn stamp(old: &Kpi, new: &Kpi, now_ms: i64) -> Kpi {
    let mut next = new.clone();
    let empty = Vec::new();
    for card in next.scorecards.iter_mut() {
        let before = old
            .scorecards
            .iter()
            .find(|c| c.id == card.id)
            .map(|c| &c.indicators)
            .unwrap_or(&empty);
        stamp_list(before, &mut card.indicators, now_ms);
    }
    stamp_list(&old.scorecards, &mut next.scorecards, now_ms);
    stamp_list(&old.cascades, &mut next.cascades, now_ms);
    stamp_list(&old.actuals, &mut next.actuals, now_ms);
    next
}

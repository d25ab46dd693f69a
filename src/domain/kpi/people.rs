//! Per-person scores (SPEC §3.7): each person of the account teams scored on their role's
//! scorecard with their actuals, and the distribution of the scores in bands.
//!
//! Indicators marked [`Indicator::linked`] take their actual from the tool that measures their
//! metric when it has a figure ([`link_source`]): the 151 programme's completion, LTC's orders,
//! collections, coverage and win rate, or MCR's decision-maker coverage. The figures come in as plain input
//! ([`LinkedActuals`]: per metric, per team and per person), so this module does not depend on
//! how the tools compute them.

use std::collections::BTreeMap;

use super::defaults::{
    CASH, COMPLETION_151, ORDERS, PIPELINE_COVERAGE, STAKEHOLDER_COVERAGE, WIN_RATE,
};
use super::score::{card_result, CardResult};
use super::{Indicator, Kpi, Scorecard};
use crate::domain::org::{OrgDesign, TriangleType};
use crate::domain::sort::sort;

/// The tool an indicator's metric can be linked to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkSource {
    /// The 151 programme (action completion).
    Engagement,
    /// LTC (orders, cash collection, pipeline coverage, bid win rate).
    Ltc,
    /// MCR (stakeholder coverage: the share of decision makers who support us).
    Mcr,
}

/// The tool that measures a metric, if one does.
pub fn link_source(metric: &str) -> Option<LinkSource> {
    match metric {
        COMPLETION_151 => Some(LinkSource::Engagement),
        ORDERS | CASH | PIPELINE_COVERAGE | WIN_RATE => Some(LinkSource::Ltc),
        STAKEHOLDER_COVERAGE => Some(LinkSource::Mcr),
        _ => None,
    }
}

/// The linked figures of one metric.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkedFigures {
    /// Per team: the key of a triangle type (its accounts), or "" for every account.
    pub teams: BTreeMap<String, f64>,
    /// Per person id.
    pub people: BTreeMap<String, f64>,
}

/// The figures linked indicators take, per metric.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkedActuals {
    /// Metric id → its figures.
    pub metrics: BTreeMap<String, LinkedFigures>,
}

impl LinkedActuals {
    /// A team scorecard's figure: that of its triangle type's accounts, else of every account.
    pub fn team(&self, metric: &str, triangle: Option<TriangleType>) -> Option<f64> {
        let f = self.metrics.get(metric)?;
        triangle
            .and_then(|t| f.teams.get(t.key()))
            .or_else(|| f.teams.get(""))
            .copied()
    }

    /// A person's figure.
    pub fn person(&self, metric: &str, person: &str) -> Option<f64> {
        self.metrics.get(metric)?.people.get(person).copied()
    }
}

/// The mean of per-account figures over the accounts `person` is assigned to that have one
/// (`None` when none has): the 151 completion of a person.
pub fn mean_over_accounts(
    by_account: &BTreeMap<String, f64>,
    org: &OrgDesign,
    person: &str,
) -> Option<f64> {
    let mut accounts: Vec<&str> = org
        .assignments
        .iter()
        .filter(|a| a.person == person)
        .map(|a| a.account.as_str())
        .collect();
    sort(&mut accounts);
    accounts.dedup();
    let values: Vec<f64> = accounts
        .iter()
        .filter_map(|a| by_account.get(*a).copied())
        .filter(|v| v.is_finite())
        .collect();
    if values.is_empty() {
        None
    } else {
        Some(values.iter().sum::<f64>() / values.len() as f64)
    }
}

/// The 151 programme's figures as linked actuals: every team the overall completion, each
/// person the mean over their accounts.
pub fn engagement_figures(
    by_account: &BTreeMap<String, f64>,
    overall: Option<f64>,
    org: &OrgDesign,
) -> LinkedFigures {
    LinkedFigures {
        teams: overall.map(|v| (String::new(), v)).into_iter().collect(),
        people: org
            .people
            .iter()
            .filter_map(|p| mean_over_accounts(by_account, org, &p.id).map(|v| (p.id.clone(), v)))
            .collect(),
    }
}

/// The actual an indicator uses: the linked figure when the indicator is linked and the figure
/// exists, else the entered one. Returns `(value, linked)`.
pub fn pick_actual(
    ind: &Indicator,
    entered: Option<f64>,
    linked: Option<f64>,
) -> (Option<f64>, bool) {
    match linked {
        Some(v) if ind.linked => (Some(v), true),
        _ => (entered, false),
    }
}

/// A team (organisation) scorecard scored on its own actuals, linked indicators on the figures
/// of its triangle type's accounts.
pub fn team_result(card: &Scorecard, linked: &LinkedActuals) -> CardResult {
    card_result(card, |ind| {
        pick_actual(ind, ind.actual, linked.team(&ind.metric, card.triangle))
    })
}

/// One person's score.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonScore {
    /// Person id.
    pub person: String,
    /// Their name.
    pub name: String,
    /// Their role id.
    pub role: String,
    /// The scorecard they are scored on (`None`: their role has none).
    pub card: Option<String>,
    /// The result on it (`None` without a card).
    pub result: Option<CardResult>,
    /// How many of the card's indicators have an actual (entered or linked).
    pub with_actual: usize,
}

impl PersonScore {
    /// The total, when the person has a card and at least one actual.
    pub fn total(&self) -> Option<f64> {
        match &self.result {
            Some(r) if self.with_actual > 0 => Some(r.total),
            _ => None,
        }
    }
}

/// Every person of `org`, in order, scored on the first scorecard of their role with their
/// actuals from `kpi` (linked indicators from `linked`).
pub fn person_scores(kpi: &Kpi, org: &OrgDesign, linked: &LinkedActuals) -> Vec<PersonScore> {
    org.people
        .iter()
        .map(|p| {
            let card = kpi.role_scorecard(&p.role);
            let result = card.map(|c| {
                card_result(c, |ind| {
                    pick_actual(
                        ind,
                        kpi.actual(&p.id, &ind.id),
                        linked.person(&ind.metric, &p.id),
                    )
                })
            });
            let with_actual = result
                .as_ref()
                .map(|r| r.lines.iter().filter(|l| l.actual.is_some()).count())
                .unwrap_or(0);
            PersonScore {
                person: p.id.clone(),
                name: p.name.clone(),
                role: p.role.clone(),
                card: card.map(|c| c.id.clone()),
                result,
                with_actual,
            }
        })
        .collect()
}

/// A band of the distribution: scores in `[lo, hi)` (`hi` = `None`: no upper end).
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// Lower end, included.
    pub lo: f64,
    /// Upper end, excluded.
    pub hi: Option<f64>,
    /// How many scores fall in it.
    pub count: usize,
}

/// The band edges: < 60, 60–80, 80–100, 100–110, ≥ 110.
pub const BAND_EDGES: [f64; 4] = [60.0, 80.0, 100.0, 110.0];

/// The distribution of `scores` over the bands < 60, 60–80, 80–100, 100–110, ≥ 110.
pub fn distribution(scores: &[f64]) -> Vec<Band> {
    let mut bands: Vec<Band> = (0..=BAND_EDGES.len())
        .map(|i| Band {
            lo: if i == 0 { 0.0 } else { BAND_EDGES[i - 1] },
            hi: BAND_EDGES.get(i).copied(),
            count: 0,
        })
        .collect();
    for s in scores.iter().filter(|s| s.is_finite()) {
        let i = BAND_EDGES.iter().take_while(|e| *s >= **e).count();
        bands[i].count += 1;
    }
    bands
}

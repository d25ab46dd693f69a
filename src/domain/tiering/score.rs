//! Score mode: weighted dimensions map customer fields to 0–100; the weighted total puts the
//! customer in a tier by cut-offs or by target shares (top x % by score). Ties are broken by
//! annual purchase, then by name.

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};

use super::{Assignment, Explanation, TieringConfig};
use crate::domain::tiering::rules::Field;
use crate::domain::workspace::Customer;

/// The dimensions and how scores become tiers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoreModel {
    /// Weighted dimensions; weights should sum to 100.
    pub dimensions: Vec<ScoreDimension>,
    /// Cut-offs or target shares.
    pub assign_by: ScoreAssign,
}

/// How scores become tiers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreAssign {
    /// The first tier top-down whose `min_score` the score reaches.
    #[default]
    Cutoffs,
    /// The top `target_share_pct` of customers by score go to the first tier, and so on.
    TargetShares,
}

/// One scored dimension, e.g. economic value 40 %.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoreDimension {
    /// Stable id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Weight in percent.
    pub weight: f64,
    /// The customer field scored.
    pub field: Field,
    /// How the field's value becomes 0–100.
    pub mapping: ScoreMapping,
}

impl Default for ScoreDimension {
    fn default() -> Self {
        ScoreDimension {
            id: String::new(),
            name_zh: String::new(),
            name_en: String::new(),
            weight: 0.0,
            field: Field::AnnualPurchase,
            mapping: ScoreMapping::Linear {
                low: 0.0,
                high: 1.0,
            },
        }
    }
}

/// How a value becomes a score 0–100.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScoreMapping {
    /// 0 at `low`, 100 at `high`, linear between and clamped outside. `high < low` scores lower
    /// values higher (e.g. an industry rank).
    Linear {
        /// Value scoring 0.
        low: f64,
        /// Value scoring 100.
        high: f64,
    },
    /// The score of the first band containing the value (`from ≤ v < to`); 0 outside every band.
    Bands {
        /// The bands.
        bands: Vec<Band>,
    },
}

/// A value range and its score.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Band {
    /// Lower bound, inclusive.
    pub from: f64,
    /// Upper bound, exclusive.
    pub to: f64,
    /// Score 0–100.
    pub score: f64,
}

impl Default for ScoreModel {
    /// Economic value 40 (annual purchase, 0 → 1000万), strategic value 35 (industry TOP-3 or
    /// named list), potential 25 (growth, 0 → 50 %). Our assumption, editable.
    fn default() -> Self {
        let dim = |id: &str, zh: &str, en: &str, weight: f64, field: Field, low: f64, high: f64| {
            ScoreDimension {
                id: id.to_string(),
                name_zh: zh.to_string(),
                name_en: en.to_string(),
                weight,
                field,
                mapping: ScoreMapping::Linear { low, high },
            }
        };
        ScoreModel {
            dimensions: vec![
                dim(
                    "economic",
                    "经济价值",
                    "Economic value",
                    40.0,
                    Field::AnnualPurchase,
                    0.0,
                    10_000_000.0,
                ),
                dim(
                    "strategic",
                    "战略价值",
                    "Strategic value",
                    35.0,
                    Field::OnNamedList,
                    0.0,
                    1.0,
                ),
                dim(
                    "potential",
                    "发展潜力",
                    "Potential",
                    25.0,
                    Field::GrowthPct,
                    0.0,
                    50.0,
                ),
            ],
            assign_by: ScoreAssign::Cutoffs,
        }
    }
}

/// The numeric value of a field for scoring: flags count as 1 or 0, a set industry line or any
/// tag as 1. `None` when the figure is unknown (no wallet, no rank…), which scores 0.
pub fn field_value(c: &Customer, field: Field) -> Option<f64> {
    let flag = |b: bool| Some(if b { 1.0 } else { 0.0 });
    match field {
        Field::AnnualPurchase => Some(c.annual_purchase),
        Field::Revenue => Some(c.revenue),
        Field::GrossMarginPct => c.gross_margin_pct,
        Field::ShareOfWallet => c.share_of_wallet_pct(),
        Field::GrowthPct => c.effective_growth_pct(),
        Field::IndustryRank => c.industry_rank.map(f64::from),
        Field::YearsOfCooperation => Some(f64::from(c.years_of_cooperation)),
        Field::OnNamedList => {
            flag(c.on_named_list || c.industry_rank.is_some_and(|r| (1..=3).contains(&r)))
        }
        Field::IndustryLine => flag(
            c.industry_line
                .as_deref()
                .is_some_and(|l| !l.trim().is_empty()),
        ),
        Field::RepeatPurchase => flag(c.repeat_purchase),
        Field::Tag => flag(!c.tags.is_empty()),
    }
    .filter(|v| v.is_finite())
}

impl ScoreMapping {
    /// The score 0–100 of a value.
    pub fn score(&self, value: Option<f64>) -> f64 {
        let Some(v) = value else { return 0.0 };
        match self {
            ScoreMapping::Linear { low, high } => {
                if high == low {
                    return if v >= *high { 100.0 } else { 0.0 };
                }
                ((v - low) / (high - low) * 100.0).clamp(0.0, 100.0)
            }
            ScoreMapping::Bands { bands } => bands
                .iter()
                .find(|b| v >= b.from && v < b.to)
                .map(|b| b.score.clamp(0.0, 100.0))
                .unwrap_or(0.0),
        }
    }
}

/// One dimension's part of a customer's score.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionScore {
    /// Index into `ScoreModel::dimensions`.
    pub dimension: usize,
    /// The field's value (`None` = unknown).
    pub value: Option<f64>,
    /// The dimension's score 0–100.
    pub score: f64,
    /// Its contribution to the total (`weight × score / total weight`).
    pub contribution: f64,
}

impl ScoreModel {
    /// Sum of the weights.
    pub fn total_weight(&self) -> f64 {
        self.dimensions.iter().map(|d| d.weight.max(0.0)).sum()
    }

    /// Each dimension's part of the customer's score; the contributions add up to [`Self::score`].
    pub fn breakdown(&self, c: &Customer) -> Vec<DimensionScore> {
        let total = self.total_weight();
        self.dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let value = field_value(c, d.field);
                let score = d.mapping.score(value);
                let contribution = if total > 0.0 {
                    d.weight.max(0.0) * score / total
                } else {
                    0.0
                };
                DimensionScore {
                    dimension: i,
                    value,
                    score,
                    contribution,
                }
            })
            .collect()
    }

    /// The total score 0–100: the weighted mean of the dimension scores (weights that do not sum
    /// to 100 are scaled, and the validation says so).
    pub fn score(&self, c: &Customer) -> f64 {
        self.breakdown(c).iter().map(|d| d.contribution).sum()
    }

    /// Problems that make the model unreliable, as plain messages' keys with their figures.
    pub fn problems(&self) -> Vec<ScoreProblem> {
        let mut out = Vec::new();
        let total = self.total_weight();
        if (total - 100.0).abs() > 1e-6 {
            out.push(ScoreProblem::WeightsNot100 { total });
        }
        for (i, d) in self.dimensions.iter().enumerate() {
            match &d.mapping {
                ScoreMapping::Linear { low, high } if low == high => {
                    out.push(ScoreProblem::FlatLinear { dimension: i })
                }
                ScoreMapping::Bands { bands } if bands.is_empty() => {
                    out.push(ScoreProblem::NoBands { dimension: i })
                }
                _ => {}
            }
        }
        out
    }
}

/// A fault of a score model.
#[derive(Clone, Debug, PartialEq)]
pub enum ScoreProblem {
    /// Weights sum to `total`, not 100.
    WeightsNot100 {
        /// The sum.
        total: f64,
    },
    /// A linear mapping with the same low and high anchor.
    FlatLinear {
        /// Index of the dimension.
        dimension: usize,
    },
    /// A band mapping without bands.
    NoBands {
        /// Index of the dimension.
        dimension: usize,
    },
}

/// Score-mode tiers of all customers (overrides still win).
pub fn assign_all<C: Borrow<Customer>>(
    config: &TieringConfig,
    customers: &[C],
) -> Vec<Option<Assignment>> {
    let Some(last) = config.tiers.len().checked_sub(1) else {
        return vec![None; customers.len()];
    };
    let model = &config.score;
    let scores: Vec<f64> = customers.iter().map(|c| model.score(c.borrow())).collect();
    let mut out: Vec<Option<Assignment>> = customers
        .iter()
        .map(|c| config.override_of(c.borrow()))
        .collect();
    match model.assign_by {
        ScoreAssign::Cutoffs => {
            for (i, slot) in out.iter_mut().enumerate() {
                if slot.is_some() {
                    continue;
                }
                let score = scores[i];
                let hit = config.tiers[..last]
                    .iter()
                    .position(|t| score >= t.min_score);
                *slot = Some(Assignment {
                    tier: hit.unwrap_or(last),
                    explanation: Explanation::Scored {
                        score,
                        cutoff: hit.map(|t| config.tiers[t].min_score),
                        rank: None,
                    },
                });
            }
        }
        ScoreAssign::TargetShares => {
            let mut order: Vec<usize> =
                (0..customers.len()).filter(|&i| out[i].is_none()).collect();
            order.sort_by(|&a, &b| {
                let (ca, cb) = (customers[a].borrow(), customers[b].borrow());
                scores[b]
                    .total_cmp(&scores[a])
                    .then(cb.annual_purchase.total_cmp(&ca.annual_purchase))
                    .then_with(|| ca.name.cmp(&cb.name))
            });
            let m = order.len();
            // Quota boundaries from cumulative target shares, rounded to whole customers.
            let mut bounds = Vec::with_capacity(last);
            let mut cumulative = 0.0;
            for t in &config.tiers[..last] {
                cumulative += t.target_share_pct.max(0.0);
                bounds.push(((cumulative / 100.0 * m as f64).round() as usize).min(m));
            }
            for (rank, &i) in order.iter().enumerate() {
                let tier = bounds.iter().position(|&b| rank < b).unwrap_or(last);
                out[i] = Some(Assignment {
                    tier,
                    explanation: Explanation::Scored {
                        score: scores[i],
                        cutoff: None,
                        rank: Some((rank + 1, m)),
                    },
                });
            }
        }
    }
    out
}

/// Parses `from-to:score; …`; `None` when any band is malformed.
pub fn parse_bands(text: &str) -> Option<Vec<Band>> {
    text.split([';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|part| {
            let (range, score) = part.split_once([':', '：'])?;
            let (from, to) = range.trim().split_once('-')?;
            Some(Band {
                from: crate::domain::number::parse_compact(from)?,
                to: crate::domain::number::parse_compact(to)?,
                score: score.trim().parse().ok()?,
            })
        })
        .collect()
}

//! Scoring (SPEC §3.7): the score of an indicator with the branch and numbers that produced it,
//! the total of a scorecard, and the checks shown on its card.
//!
//! Higher-better with a floor: actual ≤ floor → 0; floor → target linear 0 → 100; target →
//! challenge linear 100 → cap; ≥ challenge → cap. The cap (default 120) is the scorecard's, so
//! raising it raises the reward for reaching the challenge and the line stays continuous.
//! Lower-better mirrors it: actual ≥ floor → 0, floor → target 0 → 100, target → challenge
//! 100 → cap, ≤ challenge → cap.
//!
//! Without a floor: higher-better `100 · actual / target`; lower-better the mirror
//! `100 · target / actual` (half the target value scores 200 before the clamp; an actual of 0
//! or less — nothing of what should be low — scores the cap). Both clamped to [0, cap].
//!
//! Every score is also clamped to [0, cap], so a cap below 100 caps everything.

use super::{Dimension, Direction, Indicator, Scorecard};

/// The SPEC's cap on an indicator's score.
pub const DEFAULT_CAP: f64 = 120.0;

/// Two weight sums closer than this are equal (sums such as 3 × 33.3 + 0.1 are not exact).
pub const WEIGHT_EPSILON: f64 = 1e-6;

/// How a score was computed.
#[derive(Clone, Debug, PartialEq)]
pub enum ScoreWhy {
    /// No actual: scores 0.
    NoActual,
    /// The thresholds are out of order for the direction (an error on the card): scores 0.
    BadThresholds,
    /// At or below the floor (at or above, lower-better): 0.
    BelowFloor {
        /// The actual.
        actual: f64,
        /// The floor.
        floor: f64,
    },
    /// Between floor and target: linear 0 → 100.
    FloorToTarget {
        /// The actual.
        actual: f64,
        /// The floor.
        floor: f64,
        /// The target.
        target: f64,
    },
    /// Between target and challenge: linear 100 → cap.
    TargetToChallenge {
        /// The actual.
        actual: f64,
        /// The target.
        target: f64,
        /// The challenge.
        challenge: f64,
        /// The cap.
        cap: f64,
    },
    /// At or beyond the challenge: the cap.
    AtChallenge {
        /// The actual.
        actual: f64,
        /// The challenge.
        challenge: f64,
        /// The cap.
        cap: f64,
    },
    /// No floor: proportional to the target (`100 · actual / target`, or `100 · target /
    /// actual` lower-better), clamped to [0, cap].
    Proportional {
        /// The actual.
        actual: f64,
        /// The target.
        target: f64,
        /// The proportional score before the clamp.
        raw: f64,
        /// The cap.
        cap: f64,
    },
}

/// The score of an indicator and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// 0 … cap.
    pub value: f64,
    /// How it was computed.
    pub why: ScoreWhy,
}

/// True when floor, target and challenge are in order for the direction: floor < target <
/// challenge (higher-better) or floor > target > challenge (lower-better); without a floor only
/// target and challenge are compared.
pub fn thresholds_ok(ind: &Indicator) -> bool {
    let ordered = |a: f64, b: f64| match ind.direction {
        Direction::Higher => a < b,
        Direction::Lower => a > b,
    };
    ordered(ind.target, ind.challenge) && ind.floor.is_none_or(|f| ordered(f, ind.target))
}

/// The score of `ind` for `actual` on a scorecard capped at `cap`.
pub fn score(ind: &Indicator, actual: Option<f64>, cap: f64) -> Score {
    let cap = if cap.is_finite() { cap.max(0.0) } else { 0.0 };
    let clamp = |v: f64| v.clamp(0.0, cap);
    let Some(actual) = actual.filter(|a| a.is_finite()) else {
        return Score {
            value: 0.0,
            why: ScoreWhy::NoActual,
        };
    };
    if !thresholds_ok(ind) {
        return Score {
            value: 0.0,
            why: ScoreWhy::BadThresholds,
        };
    }
    let (target, challenge) = (ind.target, ind.challenge);
    let Some(floor) = ind.floor else {
        let raw = match ind.direction {
            Direction::Higher if target != 0.0 => 100.0 * actual / target,
            Direction::Higher => 0.0,
            Direction::Lower if actual > 0.0 => 100.0 * target / actual,
            Direction::Lower => cap,
        };
        return Score {
            value: clamp(raw),
            why: ScoreWhy::Proportional {
                actual,
                target,
                raw,
                cap,
            },
        };
    };
    // Distances measured in the good direction, so one formula serves both directions.
    let sign = match ind.direction {
        Direction::Higher => 1.0,
        Direction::Lower => -1.0,
    };
    let (a, f, t, c) = (sign * actual, sign * floor, sign * target, sign * challenge);
    let (value, why) = if a <= f {
        (0.0, ScoreWhy::BelowFloor { actual, floor })
    } else if a < t {
        (
            100.0 * (a - f) / (t - f),
            ScoreWhy::FloorToTarget {
                actual,
                floor,
                target,
            },
        )
    } else if a < c {
        (
            100.0 + (cap - 100.0) * (a - t) / (c - t),
            ScoreWhy::TargetToChallenge {
                actual,
                target,
                challenge,
                cap,
            },
        )
    } else {
        (
            cap,
            ScoreWhy::AtChallenge {
                actual,
                challenge,
                cap,
            },
        )
    };
    Score {
        value: clamp(value),
        why,
    }
}

/// One indicator's line in a scorecard's result.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorResult {
    /// Indicator id.
    pub indicator: String,
    /// The actual used (entered or linked).
    pub actual: Option<f64>,
    /// True when the actual came from the tool linked to the metric (151, LTC or MCR).
    pub linked: bool,
    /// The score.
    pub score: Score,
    /// weight × score / 100.
    pub contribution: f64,
}

/// A scorecard's result.
#[derive(Clone, Debug, PartialEq)]
pub struct CardResult {
    /// Per indicator, in order.
    pub lines: Vec<IndicatorResult>,
    /// Σ weight × score / 100.
    pub total: f64,
}

/// Scores `card` with the actual of each indicator given by `actual_of` (entered or linked:
/// `(value, linked)`).
pub fn card_result(
    card: &Scorecard,
    actual_of: impl Fn(&Indicator) -> (Option<f64>, bool),
) -> CardResult {
    let lines: Vec<IndicatorResult> = card
        .indicators
        .iter()
        .map(|ind| {
            let (actual, linked) = actual_of(ind);
            let score = score(ind, actual, card.cap);
            IndicatorResult {
                indicator: ind.id.clone(),
                actual,
                linked,
                contribution: ind.weight * score.value / 100.0,
                score,
            }
        })
        .collect();
    CardResult {
        total: lines.iter().map(|l| l.contribution).sum(),
        lines,
    }
}

/// How serious a check's finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The card cannot be used as it is.
    Error,
    /// Worth a look.
    Warning,
}

/// A finding of the checks on a scorecard.
#[derive(Clone, Debug, PartialEq)]
pub enum CardProblem {
    /// The weights do not sum to 100.
    WeightsNot100 {
        /// Their sum.
        sum: f64,
    },
    /// A weight is negative.
    NegativeWeight {
        /// Indicator id.
        indicator: String,
    },
    /// Floor, target and challenge are out of order for the direction.
    ThresholdOrder {
        /// Indicator id.
        indicator: String,
        /// Its direction.
        direction: Direction,
    },
    /// No indicator of this dimension.
    MissingDimension {
        /// The dimension.
        dimension: Dimension,
    },
}

impl CardProblem {
    /// Error or warning.
    pub fn severity(&self) -> Severity {
        match self {
            CardProblem::MissingDimension { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// The indicator the finding is about, if it is about one.
    pub fn indicator(&self) -> Option<&str> {
        match self {
            CardProblem::NegativeWeight { indicator }
            | CardProblem::ThresholdOrder { indicator, .. } => Some(indicator),
            _ => None,
        }
    }
}

/// The checks of a scorecard: weights sum to 100 and none negative (errors), thresholds in order
/// per indicator (errors), every dimension present (warnings).
pub fn check_card(card: &Scorecard) -> Vec<CardProblem> {
    let mut out = Vec::new();
    let sum = card.weight_sum();
    if (sum - 100.0).abs() > WEIGHT_EPSILON {
        out.push(CardProblem::WeightsNot100 { sum });
    }
    for ind in &card.indicators {
        if ind.weight < 0.0 {
            out.push(CardProblem::NegativeWeight {
                indicator: ind.id.clone(),
            });
        }
        if !thresholds_ok(ind) {
            out.push(CardProblem::ThresholdOrder {
                indicator: ind.id.clone(),
                direction: ind.direction,
            });
        }
    }
    for d in Dimension::ALL {
        if !card.indicators.iter().any(|i| i.dimension == d) {
            out.push(CardProblem::MissingDimension { dimension: d });
        }
    }
    out
}

//! The cascade (利出一孔, SPEC §3.7): each team indicator is split across the roles by shares
//! that sum to 100, so every role is paid from the one team result. A financial indicator of a
//! team (organisation) scorecard that no role carries is an error: the team would be measured
//! on a result nobody in it answers for.

use super::score::WEIGHT_EPSILON;
use super::{Cascade, Dimension, Kpi, OwnerKind};

/// A finding of the cascade checks (all errors).
#[derive(Clone, Debug, PartialEq)]
pub enum CascadeProblem {
    /// The shares of a cascade do not sum to 100.
    SharesNot100 {
        /// Cascade id.
        cascade: String,
        /// Their sum.
        sum: f64,
    },
    /// A share is negative.
    NegativeShare {
        /// Cascade id.
        cascade: String,
        /// Role id.
        role: String,
    },
    /// A team financial indicator is cascaded to no role (no cascade, or all shares 0).
    NotCascaded {
        /// The metric.
        metric: String,
        /// The indicator's Chinese name (from the first team scorecard that has it).
        name_zh: String,
        /// Its English name.
        name_en: String,
    },
}

impl CascadeProblem {
    /// The cascade the finding is about, if any.
    pub fn cascade(&self) -> Option<&str> {
        match self {
            CascadeProblem::SharesNot100 { cascade, .. }
            | CascadeProblem::NegativeShare { cascade, .. } => Some(cascade),
            CascadeProblem::NotCascaded { .. } => None,
        }
    }
}

/// True when some role gets a positive share.
fn carried(c: &Cascade) -> bool {
    c.shares.values().any(|v| *v > 0.0)
}

/// The checks of the cascade, in order: each cascade's shares, then the team financial
/// indicators without a role.
pub fn check_cascades(kpi: &Kpi) -> Vec<CascadeProblem> {
    let mut out = Vec::new();
    for c in &kpi.cascades {
        for (role, v) in &c.shares {
            if *v < 0.0 {
                out.push(CascadeProblem::NegativeShare {
                    cascade: c.id.clone(),
                    role: role.clone(),
                });
            }
        }
        let sum = c.share_sum();
        if (sum - 100.0).abs() > WEIGHT_EPSILON {
            out.push(CascadeProblem::SharesNot100 {
                cascade: c.id.clone(),
                sum,
            });
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for card in kpi
        .scorecards
        .iter()
        .filter(|c| c.owner == OwnerKind::Organisation)
    {
        for ind in card
            .indicators
            .iter()
            .filter(|i| i.dimension == Dimension::Financial)
        {
            if seen.contains(&ind.metric.as_str()) {
                continue;
            }
            seen.push(&ind.metric);
            let ok = kpi
                .cascades
                .iter()
                .any(|c| c.metric == ind.metric && carried(c));
            if !ok {
                out.push(CascadeProblem::NotCascaded {
                    metric: ind.metric.clone(),
                    name_zh: ind.name_zh.clone(),
                    name_en: ind.name_en.clone(),
                });
            }
        }
    }
    out
}

/// A role's part of a team target: `target × share / 100` (0 when the role has no share).
pub fn role_part(cascade: &Cascade, role: &str, team_value: f64) -> f64 {
    team_value * cascade.shares.get(role).copied().unwrap_or(0.0) / 100.0
}

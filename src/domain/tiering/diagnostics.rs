//! Diagnostics of the tier structure (SPEC §3.1): each with a plain message and the numbers
//! behind it.

use serde::{Deserialize, Serialize};

/// Thresholds of the diagnostics (editable).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DiagnosticSettings {
    /// Adjacent tiers whose median annual purchase differs by less than this factor are not
    /// distinct.
    pub distinct_median_ratio: f64,
    /// Adjacent tiers whose interquartile ranges overlap by more than this share (of the smaller
    /// range) are not distinct.
    pub iqr_overlap_share: f64,
    /// A customer above this share of total revenue, in percent, is a dependency risk.
    pub dependency_risk_pct: f64,
    /// An override this many ranks or more away from the rule result is a conflict.
    pub override_conflict_ranks: usize,
}

impl Default for DiagnosticSettings {
    fn default() -> Self {
        DiagnosticSettings {
            distinct_median_ratio: 1.5,
            iqr_overlap_share: 0.5,
            dependency_risk_pct: 40.0,
            override_conflict_ranks: 2,
        }
    }
}

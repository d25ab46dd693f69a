//! Tool 6 — differentiated KPI targets (差异化的考核目标): scorecards, indicators, scoring, the cascade (利出一孔) and per-person actuals (SPEC §3.6, §3.7).

use serde::{Deserialize, Serialize};

use super::workspace::Workspace;

/// The document of this tool inside the workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Kpi {}

/// `new` with `updated_at` set to `now_ms` on each record that is new or changed against `old`;
/// the others keep their time.
pub fn stamp(_old: &Kpi, new: &Kpi, _now_ms: i64) -> Kpi {
    new.clone()
}

/// The demo workspace's kpi document, built on its customers, tiers and people.
pub fn demo(_ws: &Workspace, _now_ms: i64) -> Kpi {
    Kpi::default()
}

//! Tool 5 — the routine management mechanism (大客户运作例行管理机制): bodies and meetings, their occurrences in the fiscal year, hours per role, warnings and the .ics calendar (SPEC §3.6, §3.7).

use serde::{Deserialize, Serialize};

use super::workspace::Workspace;

/// The document of this tool inside the workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Governance {}

/// `new` with `updated_at` set to `now_ms` on each record that is new or changed against `old`;
/// the others keep their time.
pub fn stamp(_old: &Governance, new: &Governance, _now_ms: i64) -> Governance {
    new.clone()
}

/// The demo workspace's governance document, built on its customers, tiers and people.
pub fn demo(_ws: &Workspace, _now_ms: i64) -> Governance {
    Governance::default()
}

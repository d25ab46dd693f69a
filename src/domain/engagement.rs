//! The 151 programme (151工程): yearly targets of the five sales actions per tier, the log of actions, and completion per tier, action and account (SPEC §3.6, §3.7).

use serde::{Deserialize, Serialize};

use super::workspace::Workspace;

/// The document of this tool inside the workspace.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Engagement {}

/// `new` with `updated_at` set to `now_ms` on each record that is new or changed against `old`;
/// the others keep their time.
pub fn stamp(_old: &Engagement, new: &Engagement, _now_ms: i64) -> Engagement {
    new.clone()
}

/// The demo workspace's engagement document, built on its customers, tiers and people.
pub fn demo(_ws: &Workspace, _now_ms: i64) -> Engagement {
    Engagement::default()
}

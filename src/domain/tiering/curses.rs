//! The three curses per customer (SPEC §3.1): 进不来 can't get in, 做不大 can't grow,
//! 留不住 can't retain.

use serde::{Deserialize, Serialize};

/// Thresholds of the curses (editable).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CurseSettings {
    /// `growth`: share of wallet below this, in percent, two years running.
    pub low_wallet_share_pct: f64,
    /// `growth`: year-on-year change within ± this, in percent, two years running, is flat.
    pub flat_growth_pct: f64,
    /// `retention`: a year-on-year drop of more than this, in percent.
    pub drop_pct: f64,
}

impl Default for CurseSettings {
    fn default() -> Self {
        CurseSettings {
            low_wallet_share_pct: 20.0,
            flat_growth_pct: 3.0,
            drop_pct: 30.0,
        }
    }
}

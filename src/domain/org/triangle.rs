//! The triangle type of an account (SPEC §3.4): expansion (拓展型) when we have no revenue from it
//! yet or it is new, growth (成长型) when it grows by 20 % or more, mature (成熟型) otherwise. A
//! type set by hand wins. Every result says which input and which threshold decided it.

use serde::{Deserialize, Serialize};

use super::OrgDesign;
use crate::domain::workspace::Customer;

/// The kind of iron-triangle team an account needs.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum TriangleType {
    /// 拓展型: an account we are breaking into.
    Expansion,
    /// 成长型: an account growing fast.
    Growth,
    /// 成熟型: an established account.
    #[default]
    Mature,
}

impl TriangleType {
    /// Every type, in the order they are shown.
    pub const ALL: [TriangleType; 3] = [
        TriangleType::Expansion,
        TriangleType::Growth,
        TriangleType::Mature,
    ];

    /// The snake_case identifier (also the i18n key suffix).
    pub fn key(self) -> &'static str {
        match self {
            TriangleType::Expansion => "expansion",
            TriangleType::Growth => "growth",
            TriangleType::Mature => "mature",
        }
    }
}

/// Thresholds of the derivation (editable).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TriangleRules {
    /// Growth of at least this many percent makes an account `growth` (SPEC: 20).
    pub growth_min_pct: f64,
    /// An account with at most this many years of cooperation is new, hence `expansion`.
    /// Default 1: a customer in its first year with us (0 = none yet, 1 = the first year) is
    /// still being opened up; from the second year on it has a track record.
    pub new_max_years: u32,
}

impl Default for TriangleRules {
    fn default() -> Self {
        TriangleRules {
            growth_min_pct: 20.0,
            new_max_years: 1,
        }
    }
}

/// Why an account has its triangle type.
#[derive(Clone, Debug, PartialEq)]
pub enum TriangleWhy {
    /// Expansion: our revenue from it is zero or less (or not a number).
    NoRevenue {
        /// The revenue, yuan.
        revenue: f64,
    },
    /// Expansion: new, `years_of_cooperation ≤ max_years`.
    New {
        /// Years of cooperation.
        years_of_cooperation: u32,
        /// The threshold.
        max_years: u32,
    },
    /// Growth: growth ≥ the threshold.
    Growing {
        /// Growth, %.
        growth_pct: f64,
        /// The threshold, %.
        min_pct: f64,
        /// True when the growth was derived from the purchase history (not entered).
        from_history: bool,
    },
    /// Mature: growth below the threshold.
    Steady {
        /// Growth, %.
        growth_pct: f64,
        /// The threshold, %.
        min_pct: f64,
        /// True when the growth was derived from the purchase history (not entered).
        from_history: bool,
    },
    /// Mature: no growth figure (none entered and fewer than two history years with a positive
    /// earlier one).
    GrowthUnknown,
    /// Set by hand.
    Override {
        /// The reason given.
        reason: String,
    },
}

/// An account's triangle type and why.
#[derive(Clone, Debug, PartialEq)]
pub struct TriangleCall {
    /// The type.
    pub triangle: TriangleType,
    /// Why.
    pub why: TriangleWhy,
}

/// The derived triangle type of a customer, ignoring any override. Checked in this order: no
/// revenue → expansion; new → expansion; growth ≥ threshold → growth; otherwise mature.
pub fn derive(c: &Customer, rules: &TriangleRules) -> TriangleCall {
    let call = |triangle, why| TriangleCall { triangle, why };
    // A revenue that is not a number counts as none, rather than as mature.
    if c.revenue.is_nan() || c.revenue <= 0.0 {
        let why = TriangleWhy::NoRevenue { revenue: c.revenue };
        return call(TriangleType::Expansion, why);
    }
    if c.years_of_cooperation <= rules.new_max_years {
        let why = TriangleWhy::New {
            years_of_cooperation: c.years_of_cooperation,
            max_years: rules.new_max_years,
        };
        return call(TriangleType::Expansion, why);
    }
    let from_history = c.growth_pct.is_none();
    match c.effective_growth_pct().filter(|g| g.is_finite()) {
        Some(growth_pct) if growth_pct >= rules.growth_min_pct => {
            let why = TriangleWhy::Growing {
                growth_pct,
                min_pct: rules.growth_min_pct,
                from_history,
            };
            call(TriangleType::Growth, why)
        }
        Some(growth_pct) => {
            let why = TriangleWhy::Steady {
                growth_pct,
                min_pct: rules.growth_min_pct,
                from_history,
            };
            call(TriangleType::Mature, why)
        }
        None => call(TriangleType::Mature, TriangleWhy::GrowthUnknown),
    }
}

/// The triangle type of a customer in this design: its override if it has one, else derived.
pub fn triangle_of(design: &OrgDesign, c: &Customer) -> TriangleCall {
    match design.triangle_override(&c.id) {
        Some(o) => TriangleCall {
            triangle: o.triangle,
            why: TriangleWhy::Override {
                reason: o.reason.clone(),
            },
        },
        None => derive(c, &design.triangle_rules),
    }
}

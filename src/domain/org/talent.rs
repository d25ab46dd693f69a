//! Tool 7 — talent sources and growth paths (兵种来源和成长路径, SPEC §3.8): per role, where its
//! people come from (sources with a share of the intake, a lead time and a ramp-up), the growth
//! ladder and the enablement measures. [`super::plan`] turns the headcount gap into a hiring plan.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::Bilingual;
use crate::domain::sort::sort_by;

/// Shares may be off 100 by this much (typing 33.33 three times) and still count as 100.
pub const SHARE_TOLERANCE_PCT: f64 = 0.01;

/// A place people of a role come from (研发转岗, 社招, 校招 …).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Source {
    /// Stable id (e.g. `experienced_hire`).
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Share of the role's intake, %; the shares of a role sum to 100.
    pub share_pct: f64,
    /// Months from the start of hiring until the person arrives.
    pub lead_time_months: u32,
    /// Months from arrival until the person is fully productive.
    pub ramp_up_months: u32,
    /// Free text.
    pub notes: String,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// One step of a role's growth ladder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LadderStep {
    /// Stable id.
    pub id: String,
    /// Level code, e.g. `L3`.
    pub level: String,
    /// Chinese title.
    pub title_zh: String,
    /// English title.
    pub title_en: String,
    /// Typical years in the role before reaching this step.
    pub typical_years: f64,
    /// What it takes to reach the step.
    pub criteria: Bilingual,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// A way of building the role's capability (训战结合, 之字形轮岗, 导师制 …).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Enablement {
    /// Stable id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// What it is, in both languages.
    pub description: Bilingual,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// Sources, ladder and enablement of one role.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoleTalent {
    /// Stable id.
    pub id: String,
    /// Role id.
    pub role: String,
    /// Where its people come from.
    pub sources: Vec<Source>,
    /// Growth ladder, lowest step first.
    pub ladder: Vec<LadderStep>,
    /// Enablement measures.
    pub enablement: Vec<Enablement>,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

/// Settings of the hiring plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanSettings {
    /// The month hiring starts, `YYYY-MM`: month 0 of the plan.
    pub start_month: String,
    /// At most this many hires of a role are started per month; 0 = all in month 0.
    pub hires_per_month: u32,
    /// Last change, ms since epoch.
    pub updated_at: i64,
}

impl Default for PlanSettings {
    /// Hiring starts in 2026-01 (the default fiscal year), all hires at once.
    fn default() -> Self {
        PlanSettings {
            start_month: "2026-01".to_string(),
            hires_per_month: 0,
            updated_at: 0,
        }
    }
}

/// Tool 7's document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Talent {
    /// Per role.
    pub roles: Vec<RoleTalent>,
    /// Plan settings.
    pub plan: PlanSettings,
}

impl Default for Talent {
    /// Sources, ladders and enablement of AD, AR, SR, FR (see [`super::defaults::talent`]).
    fn default() -> Self {
        Talent {
            roles: super::defaults::talent::roles(),
            plan: PlanSettings::default(),
        }
    }
}

impl Talent {
    /// Sources, ladder and enablement of `role`.
    pub fn role(&self, role: &str) -> Option<&RoleTalent> {
        self.roles.iter().find(|r| r.role == role)
    }
}

/// What is wrong with a role's sources.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum TalentError {
    /// The shares do not sum to 100.
    #[error("the source shares of {role} sum to {sum} %, not 100 %")]
    SharesNot100 {
        /// Role id.
        role: String,
        /// Their sum, %.
        sum: f64,
    },
    /// A share is negative or not a number.
    #[error("source “{source_id}” of {role} has the share {share} %")]
    InvalidShare {
        /// Role id.
        role: String,
        /// Source id.
        source_id: String,
        /// The share given.
        share: f64,
    },
    /// People must be found but the role has no sources.
    #[error("{role} needs people but has no sources")]
    NoSources {
        /// Role id.
        role: String,
    },
}

/// Checks a role's sources: every share a number ≥ 0, summing to 100 (± 0.01). No sources at
/// all is fine here (a role may need nobody); [`super::plan`] refuses it when people are needed.
pub fn check_sources(talent: &RoleTalent) -> Result<(), TalentError> {
    if talent.sources.is_empty() {
        return Ok(());
    }
    for s in &talent.sources {
        if !(s.share_pct.is_finite() && s.share_pct >= 0.0) {
            return Err(TalentError::InvalidShare {
                role: talent.role.clone(),
                source_id: s.id.clone(),
                share: s.share_pct,
            });
        }
    }
    let sum: f64 = talent.sources.iter().map(|s| s.share_pct).sum();
    // The small extra margin keeps 33.33 × 3 = 99.99 inside despite binary rounding.
    if (sum - 100.0).abs() > SHARE_TOLERANCE_PCT + 1e-9 {
        return Err(TalentError::SharesNot100 {
            role: talent.role.clone(),
            sum,
        });
    }
    Ok(())
}

/// One share's part of a split.
#[derive(Clone, Debug, PartialEq)]
pub struct SplitPart {
    /// The exact quota, `total × share / Σ shares`.
    pub quota: f64,
    /// Whole units given: the quota rounded down, plus one for the largest remainders.
    pub units: u32,
    /// True when this part got one of the leftover units.
    pub got_remainder: bool,
}

/// Splits `total` whole units by `shares` with the largest-remainder method: each part gets its
/// quota rounded down, and the units left go one each to the largest fractional remainders (ties
/// to the earlier part). The units always sum to `total` when the shares have a positive sum;
/// otherwise every part gets 0. Negative or NaN shares count as 0.
pub fn split_largest_remainder(total: u32, shares: &[f64]) -> Vec<SplitPart> {
    let clean: Vec<f64> = shares
        .iter()
        .map(|&s| if s.is_finite() && s > 0.0 { s } else { 0.0 })
        .collect();
    let sum: f64 = clean.iter().sum();
    if !(sum.is_finite() && sum > 0.0) {
        let zero = SplitPart {
            quota: 0.0,
            units: 0,
            got_remainder: false,
        };
        return vec![zero; shares.len()];
    }
    let mut parts: Vec<SplitPart> = clean
        .iter()
        .map(|&s| {
            let quota = f64::from(total) * s / sum;
            // A quota of 2.9999999999 from rounding is 3.
            let units = (quota + 1e-9).floor().min(f64::from(total)) as u32;
            SplitPart {
                quota,
                units,
                got_remainder: false,
            }
        })
        .collect();
    let given: u32 = parts.iter().map(|p| p.units).sum();
    let left = total.saturating_sub(given) as usize;
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // Stable sort: equal remainders keep their order.
    sort_by(&mut order, |&a, &b| {
        let rem = |i: usize| parts[i].quota - f64::from(parts[i].units);
        rem(b).total_cmp(&rem(a))
    });
    for &i in order.iter().take(left) {
        parts[i].units += 1;
        parts[i].got_remainder = true;
    }
    parts
}

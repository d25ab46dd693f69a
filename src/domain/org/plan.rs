//! The hiring plan of Tool 7 (SPEC §3.8): from a role's headcount gap (Tool 3) to the hires per
//! source and the month-by-month effective capacity against demand, and the month the gap closes.
//!
//! Definitions (month 0 = the month hiring starts, `PlanSettings::start_month`):
//!
//! - **demand** = the role's required FTE; **existing** = the capacity of the role's people. Both
//!   are constant over the plan (no attrition, no new accounts).
//! - **hires needed** = the gap `demand − existing` rounded up to whole full-time people, split
//!   over the sources by share with the largest-remainder method.
//! - **start**: with no pace every hire starts in month 0; with a pace of `n` per month the k-th
//!   hire (0-based, sources interleaved in proportion to their hires) starts in month `k / n`.
//! - **arrival** `a` = start + the source's lead time.
//! - **productivity** in month `m`: 0 before `a`; `min(1, (m − a + 1) / ramp)` from `a` on, so a
//!   hire with a 4-month ramp-up gives 0.25, 0.5, 0.75, 1 in its first four months; 1 at once with
//!   no ramp-up.
//! - **capacity**(m) = existing + Σ productivity of the hires; the gap **closes** in the first
//!   month with capacity ≥ demand, or not within the 24 months of the plan.

use super::staffing::{heads_for, Staffing};
use super::talent::{check_sources, split_largest_remainder, RoleTalent, Talent, TalentError};
use super::FTE_EPSILON;

/// Months the plan covers (months 0 … 23).
pub const HORIZON_MONTHS: u32 = 24;

/// The productivity (0–1) in month `month` of a hire arriving in month `arrival` with a ramp-up
/// of `ramp_up` months.
pub fn productivity(month: u32, arrival: u32, ramp_up: u32) -> f64 {
    if month < arrival {
        0.0
    } else if ramp_up == 0 {
        1.0
    } else {
        (f64::from(month - arrival + 1) / f64::from(ramp_up)).min(1.0)
    }
}

/// One source's part of the intake.
#[derive(Clone, Debug, PartialEq)]
pub struct Intake {
    /// Source id.
    pub source: String,
    /// Its share, %.
    pub share_pct: f64,
    /// The exact quota, hires needed × share / 100.
    pub quota: f64,
    /// Hires from it (quota rounded down, plus one if it got a leftover).
    pub hires: u32,
    /// True when it got one of the leftover hires (largest remainder).
    pub got_remainder: bool,
    /// Its lead time, months.
    pub lead_time_months: u32,
    /// Its ramp-up, months.
    pub ramp_up_months: u32,
}

/// One planned hire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hire {
    /// Source id.
    pub source: String,
    /// Month hiring for them starts.
    pub start: u32,
    /// Month they arrive (start + lead time).
    pub arrival: u32,
    /// Months from arrival to full productivity (the source's ramp-up).
    pub ramp_up_months: u32,
    /// First month at full productivity (arrival + ramp-up − 1, or arrival without ramp-up).
    pub full_from: u32,
}

/// One month of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthCapacity {
    /// Month number, 0 = the hiring start.
    pub month: u32,
    /// Capacity of the people already there.
    pub existing: f64,
    /// Σ productivity of the hires.
    pub new_hires: f64,
    /// existing + new_hires.
    pub capacity: f64,
    /// Required FTE.
    pub demand: f64,
    /// Hires that have arrived by this month.
    pub arrived: u32,
}

/// When the gap closes.
#[derive(Clone, Debug, PartialEq)]
pub enum GapClose {
    /// There is no gap: capacity already covers demand.
    NoGap,
    /// Capacity first covers demand in this month.
    InMonth(u32),
    /// Not within the plan; `short_fte` is what is still missing in its last month.
    NotWithin {
        /// Months of the plan.
        months: u32,
        /// demand − capacity in the last month.
        short_fte: f64,
    },
}

/// The hiring plan of one role.
#[derive(Clone, Debug, PartialEq)]
pub struct RolePlan {
    /// Role id.
    pub role: String,
    /// Required FTE.
    pub demand: f64,
    /// Capacity of the role's people.
    pub existing: f64,
    /// demand − existing.
    pub gap_fte: f64,
    /// Full-time hires needed (the positive gap rounded up).
    pub hires_needed: u32,
    /// Per source, in source order.
    pub intake: Vec<Intake>,
    /// Every hire, in the order they start.
    pub hires: Vec<Hire>,
    /// Months 0 … 23.
    pub months: Vec<MonthCapacity>,
    /// When capacity covers demand.
    pub closes: GapClose,
}

/// Source indices in the order their hires start: at each step the source furthest behind its
/// proportional share of the hires so far goes next (ties to the earlier source).
fn interleave(counts: &[u32]) -> Vec<usize> {
    let total: u32 = counts.iter().sum();
    let mut started = vec![0u32; counts.len()];
    let mut order = Vec::with_capacity(total as usize);
    for k in 1..=total {
        let behind = |i: usize| {
            f64::from(counts[i]) * f64::from(k) / f64::from(total) - f64::from(started[i])
        };
        let next = (0..counts.len()).filter(|&i| started[i] < counts[i]).fold(
            None,
            |best: Option<usize>, i| match best {
                Some(b) if behind(b) >= behind(i) => Some(b),
                _ => Some(i),
            },
        );
        if let Some(i) = next {
            started[i] += 1;
            order.push(i);
        }
    }
    order
}

/// The plan of one role with `demand` required FTE and `existing` capacity. `talent` may be
/// `None` for a role without sources; that is an error only when people must be found.
pub fn plan_role(
    role: &str,
    talent: Option<&RoleTalent>,
    demand: f64,
    existing: f64,
    hires_per_month: u32,
) -> Result<RolePlan, TalentError> {
    if let Some(t) = talent {
        check_sources(t)?;
    }
    let gap_fte = demand - existing;
    let hires_needed = heads_for(gap_fte);
    let sources = talent.map(|t| t.sources.as_slice()).unwrap_or(&[]);
    if hires_needed > 0 && sources.is_empty() {
        return Err(TalentError::NoSources {
            role: role.to_string(),
        });
    }
    let shares: Vec<f64> = sources.iter().map(|s| s.share_pct).collect();
    let split = split_largest_remainder(hires_needed, &shares);
    let intake: Vec<Intake> = sources
        .iter()
        .zip(&split)
        .map(|(s, part)| Intake {
            source: s.id.clone(),
            share_pct: s.share_pct,
            quota: part.quota,
            hires: part.units,
            got_remainder: part.got_remainder,
            lead_time_months: s.lead_time_months,
            ramp_up_months: s.ramp_up_months,
        })
        .collect();
    let counts: Vec<u32> = intake.iter().map(|i| i.hires).collect();
    let hires: Vec<Hire> = interleave(&counts)
        .into_iter()
        .enumerate()
        .map(|(k, i)| {
            let s = &sources[i];
            let start = match hires_per_month {
                0 => 0,
                n => (k as u32) / n,
            };
            let arrival = start.saturating_add(s.lead_time_months);
            Hire {
                source: s.id.clone(),
                start,
                arrival,
                ramp_up_months: s.ramp_up_months,
                full_from: arrival.saturating_add(s.ramp_up_months.max(1) - 1),
            }
        })
        .collect();
    let months: Vec<MonthCapacity> = (0..HORIZON_MONTHS)
        .map(|month| {
            let new_hires: f64 = hires
                .iter()
                .map(|h| productivity(month, h.arrival, h.ramp_up_months))
                .sum();
            MonthCapacity {
                month,
                existing,
                new_hires,
                capacity: existing + new_hires,
                demand,
                arrived: hires.iter().filter(|h| h.arrival <= month).count() as u32,
            }
        })
        .collect();
    let closes = if gap_fte <= FTE_EPSILON {
        GapClose::NoGap
    } else {
        match months.iter().find(|m| m.capacity + FTE_EPSILON >= m.demand) {
            Some(m) => GapClose::InMonth(m.month),
            None => GapClose::NotWithin {
                months: HORIZON_MONTHS,
                short_fte: months.last().map_or(gap_fte, |m| m.demand - m.capacity),
            },
        }
    };
    Ok(RolePlan {
        role: role.to_string(),
        demand,
        existing,
        gap_fte,
        hires_needed,
        intake,
        hires,
        months,
        closes,
    })
}

/// The plan of every role of the staffing, in role order, each with its demand and existing
/// capacity from [`Staffing::roles`].
pub fn plan(talent: &Talent, staffing: &Staffing) -> Vec<(String, Result<RolePlan, TalentError>)> {
    staffing
        .roles
        .iter()
        .map(|r| {
            let result = plan_role(
                &r.role,
                talent.role(&r.role),
                r.required,
                r.capacity,
                talent.plan.hires_per_month,
            );
            (r.role.clone(), result)
        })
        .collect()
}

/// The role a page about hiring opens on: the role in `plans` with the most hires to make (the
/// first of equals), `None` when no role has a gap (the page then opens on its first role).
pub fn largest_gap(plans: &[(String, Result<RolePlan, TalentError>)]) -> Option<&str> {
    let mut best: Option<(&str, u32)> = None;
    for (role, plan) in plans {
        let hires = plan.as_ref().map_or(0, |p| p.hires_needed);
        if hires > best.map_or(0, |(_, h)| h) {
            best = Some((role.as_str(), hires));
        }
    }
    best.map(|(r, _)| r)
}

/// The `YYYY-MM` label of month `offset` of a plan starting in `start` (`YYYY-MM`); `None` when
/// `start` is not such a month.
pub fn month_label(start: &str, offset: u32) -> Option<String> {
    let (y, m) = start.trim().split_once('-')?;
    let (year, month): (i64, i64) = (y.parse().ok()?, m.parse().ok()?);
    if !(1..=12).contains(&month) || y.len() != 4 || m.len() != 2 {
        return None;
    }
    let index = year * 12 + (month - 1) + i64::from(offset);
    Some(format!("{:04}-{:02}", index / 12, index % 12 + 1))
}

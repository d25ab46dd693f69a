//! The hiring plan of a role as the rows of its month table and its chart (SPEC §3.8): real
//! month labels, which month the gap closes in, and the scale of the chart's FTE axis.

use super::plan::{month_label, GapClose, RolePlan};

/// One month of a role's plan, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct CapacityRow {
    /// Month number, 0 = the hiring start.
    pub month: u32,
    /// `YYYY-MM`, or `None` when the plan's start month is not a valid month.
    pub label: Option<String>,
    /// Effective capacity, FTE.
    pub capacity: f64,
    /// Of which from the new hires, FTE.
    pub new_hires: f64,
    /// Required FTE.
    pub demand: f64,
    /// Hires that have arrived by this month.
    pub arrived: u32,
    /// True in the month the gap closes.
    pub closes_here: bool,
}

/// The month the gap closes in, if it does within the plan.
pub fn close_month(plan: &RolePlan) -> Option<u32> {
    match plan.closes {
        GapClose::InMonth(m) => Some(m),
        GapClose::NoGap | GapClose::NotWithin { .. } => None,
    }
}

/// The plan's months as table rows, labelled from `start_month`.
pub fn capacity_rows(plan: &RolePlan, start_month: &str) -> Vec<CapacityRow> {
    let closes = close_month(plan);
    plan.months
        .iter()
        .map(|m| CapacityRow {
            month: m.month,
            label: month_label(start_month, m.month),
            capacity: m.capacity,
            new_hires: m.new_hires,
            demand: m.demand,
            arrived: m.arrived,
            closes_here: closes == Some(m.month),
        })
        .collect()
}

/// Gridlines of an FTE axis from 0 that covers `max`: a step of 1, 2 or 5 × 10ⁿ giving at most
/// six intervals; the last tick is ≥ `max`. A non-positive or non-finite `max` gives
/// `[0, 1]`.
pub fn axis_ticks(max: f64) -> Vec<f64> {
    if !(max.is_finite() && max > 0.0) {
        return vec![0.0, 1.0];
    }
    let rough = max / 6.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|f| f * magnitude)
        .find(|s| *s >= rough - 1e-12)
        .unwrap_or(10.0 * magnitude);
    let n = (max / step - 1e-9).ceil().max(1.0) as usize;
    // Rounded to drop binary noise (3 × 0.2 = 0.6000000000000001).
    (0..=n)
        .map(|i| (i as f64 * step * 1e9).round() / 1e9)
        .collect()
}

/// The ticks of a plan's chart: covering its highest capacity and demand.
pub fn plan_axis_ticks(plan: &RolePlan) -> Vec<f64> {
    let max = plan
        .months
        .iter()
        .flat_map(|m| [m.capacity, m.demand])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    axis_ticks(max)
}

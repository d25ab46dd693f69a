//! Diagnostics of the tier structure (SPEC §3.1): each with a plain message and the numbers
//! behind it. Messages are not built here: each [`Diagnostic`] carries its figures and the UI
//! words them (zh-CN / en).

use std::borrow::{Borrow, Cow};

use serde::{Deserialize, Serialize};

use super::{median_sorted, Assignment, DataGap, Explanation, TieringConfig};
use crate::domain::customers::Coverage;
use crate::domain::sort::sort_by;
use crate::domain::workspace::Customer;

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
    /// ×1.5 medians, half the IQR, 40 % of revenue, 2 ranks (SPEC §3.1).
    fn default() -> Self {
        DiagnosticSettings {
            distinct_median_ratio: 1.5,
            iqr_overlap_share: 0.5,
            dependency_risk_pct: 40.0,
            override_conflict_ranks: 2,
        }
    }
}

/// At most this many `override_conflict` and `dependency_risk` diagnostics are listed one by one;
/// the rest are summed up in one [`Diagnostic::Omitted`].
pub const MAX_LISTED: usize = 50;

/// Every diagnostic id, as [`Diagnostic::kind`] returns it (also the i18n key suffix).
pub const KINDS: [&str; 6] = [
    "tiers_not_distinct",
    "top_too_thin",
    "empty_tier",
    "override_conflict",
    "dependency_risk",
    "omitted",
];

/// A fault of the tier structure, with the numbers behind it. Tier fields are indices into
/// `TieringConfig::tiers`, customer fields indices into the customers given to [`diagnose`].
#[derive(Clone, Debug, PartialEq)]
pub enum Diagnostic {
    /// Two adjacent tiers hardly differ in annual purchase; the suggestion is to merge `lower`
    /// into `upper`.
    TiersNotDistinct {
        /// The higher tier.
        upper: usize,
        /// The tier right below it (`upper + 1`).
        lower: usize,
        /// Median annual purchase of `upper`, yuan.
        upper_median: f64,
        /// Median annual purchase of `lower`, yuan.
        lower_median: f64,
        /// The larger median over the smaller (see [`median_ratio`]).
        ratio: f64,
        /// The ratio limit: below it the medians are too close.
        ratio_limit: f64,
        /// Interquartile range (Q1, Q3) of `upper`'s annual purchases (see [`quartiles`]).
        upper_iqr: (f64, f64),
        /// Interquartile range (Q1, Q3) of `lower`'s annual purchases.
        lower_iqr: (f64, f64),
        /// Overlap of the two ranges as a share (0–1) of the smaller one (see [`iqr_overlap`]).
        overlap_share: f64,
        /// The overlap limit: above it the ranges overlap too much.
        overlap_limit: f64,
    },
    /// The top two tiers hold a smaller share of the customers than their combined target.
    TopTooThin {
        /// Share of all customers in the top two tiers, %.
        count_share_pct: f64,
        /// Sum of the two tiers' target shares, %.
        target_share_pct: f64,
    },
    /// A tier without customers.
    EmptyTier {
        /// The tier.
        tier: usize,
    },
    /// A manual override puts the customer `ranks_apart` tiers away from where the rules (or
    /// scores) would.
    OverrideConflict {
        /// The customer.
        customer: usize,
        /// The tier the override puts it in.
        override_tier: usize,
        /// The tier it would have without the override.
        rule_tier: usize,
        /// `|override_tier − rule_tier|`.
        ranks_apart: usize,
    },
    /// One customer brings more than the threshold of total revenue.
    DependencyRisk {
        /// The customer.
        customer: usize,
        /// Its share of total positive revenue, %.
        revenue_share_pct: f64,
        /// The threshold, %.
        threshold_pct: f64,
    },
    /// More diagnostics of one kind than [`MAX_LISTED`]; the listed ones are the worst.
    Omitted {
        /// The kind left out (`override_conflict` or `dependency_risk`).
        kind: &'static str,
        /// How many were left out.
        count: usize,
    },
}

impl Diagnostic {
    /// The stable id of the diagnostic's kind, e.g. `tiers_not_distinct` (see [`KINDS`]).
    pub fn kind(&self) -> &'static str {
        match self {
            Diagnostic::TiersNotDistinct { .. } => KINDS[0],
            Diagnostic::TopTooThin { .. } => KINDS[1],
            Diagnostic::EmptyTier { .. } => KINDS[2],
            Diagnostic::OverrideConflict { .. } => KINDS[3],
            Diagnostic::DependencyRisk { .. } => KINDS[4],
            Diagnostic::Omitted { .. } => KINDS[5],
        }
    }
}

/// Diagnoses the tier structure given by `assignments` (in customer order, as from
/// `TieringConfig::assign_all`), in this order:
///
/// 1. `tiers_not_distinct` for each pair of adjacent tiers, both non-empty, whose median annual
///    purchases differ by less than ×`distinct_median_ratio` or whose interquartile ranges overlap
///    by more than `iqr_overlap_share` of the smaller range;
/// 2. `top_too_thin` when there are ≥ 2 tiers and ≥ 1 customer, and the top two tiers' share of
///    all customers is below the sum of their target shares;
/// 3. `empty_tier` for each tier without customers (only when there are customers);
/// 4. `override_conflict` for each override at least `override_conflict_ranks` (≥ 1) tiers from the
///    tier without it (see [`rule_tiers`]), largest gap first;
/// 5. `dependency_risk` for each customer above `dependency_risk_pct` of the total positive
///    revenue, largest first.
///
/// Kinds 4 and 5 list at most [`MAX_LISTED`] entries each, followed by an
/// [`Diagnostic::Omitted`] with the rest. Assignments naming a tier that does not exist are
/// ignored.
pub fn diagnose<C: Borrow<Customer>>(
    config: &TieringConfig,
    customers: &[C],
    assignments: &[Option<Assignment>],
) -> Vec<Diagnostic> {
    let settings = &config.diagnostics;
    let n_tiers = config.tiers.len();
    let mut purchases: Vec<Vec<f64>> = vec![Vec::new(); n_tiers];
    for (c, a) in customers.iter().zip(assignments) {
        if let Some(p) = a.as_ref().and_then(|a| purchases.get_mut(a.tier)) {
            p.push(c.borrow().annual_purchase);
        }
    }
    for p in &mut purchases {
        p.sort_by(f64::total_cmp);
    }
    let mut out = Vec::new();

    for (upper, pair) in purchases.windows(2).enumerate() {
        let (u, l) = (&pair[0], &pair[1]);
        if u.is_empty() || l.is_empty() {
            continue;
        }
        let (upper_median, lower_median) = (median_sorted(u), median_sorted(l));
        let ratio = median_ratio(upper_median, lower_median);
        let (upper_iqr, lower_iqr) = (quartiles(u), quartiles(l));
        let overlap_share = iqr_overlap(upper_iqr, lower_iqr);
        if ratio < settings.distinct_median_ratio || overlap_share > settings.iqr_overlap_share {
            out.push(Diagnostic::TiersNotDistinct {
                upper,
                lower: upper + 1,
                upper_median,
                lower_median,
                ratio,
                ratio_limit: settings.distinct_median_ratio,
                upper_iqr,
                lower_iqr,
                overlap_share,
                overlap_limit: settings.iqr_overlap_share,
            });
        }
    }

    if n_tiers >= 2 && !customers.is_empty() {
        let top = purchases[0].len() + purchases[1].len();
        let count_share_pct = top as f64 / customers.len() as f64 * 100.0;
        let target_share_pct = config.tiers[0].target_share_pct + config.tiers[1].target_share_pct;
        if count_share_pct < target_share_pct {
            out.push(Diagnostic::TopTooThin {
                count_share_pct,
                target_share_pct,
            });
        }
    }

    if !customers.is_empty() {
        out.extend(
            (0..n_tiers)
                .filter(|&t| purchases[t].is_empty())
                .map(|tier| Diagnostic::EmptyTier { tier }),
        );
    }

    let mut conflicts = override_conflicts(config, customers, assignments);
    sort_by(&mut conflicts, |a, b| b.3.cmp(&a.3).then(a.0.cmp(&b.0)));
    push_capped(
        &mut out,
        KINDS[3],
        conflicts
            .into_iter()
            .map(|(customer, override_tier, rule_tier, ranks_apart)| {
                Diagnostic::OverrideConflict {
                    customer,
                    override_tier,
                    rule_tier,
                    ranks_apart,
                }
            }),
    );

    let mut risks = dependency_risks(customers, settings.dependency_risk_pct);
    sort_by(&mut risks, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    push_capped(
        &mut out,
        KINDS[4],
        risks
            .into_iter()
            .map(|(customer, revenue_share_pct)| Diagnostic::DependencyRisk {
                customer,
                revenue_share_pct,
                threshold_pct: settings.dependency_risk_pct,
            }),
    );
    out
}

/// The diagnostics that the customers' data can support, in their order:
///
/// - with any [`DataGap`] (a field the tiers are decided by has no data) the tiers describe the
///   missing column, not the customers, so everything about the structure goes —
///   `tiers_not_distinct`, `top_too_thin`, `empty_tier` and `override_conflict` (and an `omitted`
///   of conflicts);
/// - without annual-purchase data `tiers_not_distinct` goes too: every median is 0, so every pair
///   of tiers would look alike whatever decided them.
///
/// `dependency_risk` stays: it reads revenue alone, and without revenue data it is never raised.
pub fn drop_unfounded(
    diagnostics: Vec<Diagnostic>,
    coverage: &Coverage,
    gaps: &[DataGap],
) -> Vec<Diagnostic> {
    let structure_founded = gaps.is_empty();
    diagnostics
        .into_iter()
        .filter(|d| match d {
            Diagnostic::TiersNotDistinct { .. } => structure_founded && coverage.annual_purchase,
            Diagnostic::TopTooThin { .. }
            | Diagnostic::EmptyTier { .. }
            | Diagnostic::OverrideConflict { .. } => structure_founded,
            Diagnostic::Omitted { kind, .. } => structure_founded || *kind == KINDS[4],
            Diagnostic::DependencyRisk { .. } => true,
        })
        .collect()
}

/// Appends the first [`MAX_LISTED`] items and an `Omitted` for the rest.
fn push_capped(
    out: &mut Vec<Diagnostic>,
    kind: &'static str,
    items: impl ExactSizeIterator<Item = Diagnostic>,
) {
    let count = items.len().saturating_sub(MAX_LISTED);
    out.extend(items.take(MAX_LISTED));
    if count > 0 {
        out.push(Diagnostic::Omitted { kind, count });
    }
}

/// The larger of two medians over the smaller. A median at or below zero counts as zero: both
/// zero gives 1 (not distinct by medians), exactly one zero gives infinity (distinct).
pub fn median_ratio(a: f64, b: f64) -> f64 {
    let (a, b) = (a.max(0.0), b.max(0.0));
    match (a > 0.0, b > 0.0) {
        (false, false) => 1.0,
        (true, true) => a.max(b) / a.min(b),
        _ => f64::INFINITY,
    }
}

/// Q1 and Q3 of an ascending, non-empty slice by linear interpolation between order statistics
/// (Hyndman–Fan type 7, the default of R and NumPy): the q-quantile sits at position
/// `q × (n − 1)`. `(0, 0)` for an empty slice.
pub fn quartiles(sorted: &[f64]) -> (f64, f64) {
    (quantile(sorted, 0.25), quantile(sorted, 0.75))
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return 0.0;
    };
    let pos = q * last as f64;
    let i = (pos.floor() as usize).min(last);
    let frac = pos - i as f64;
    let lo = sorted[i];
    let hi = sorted.get(i + 1).copied().unwrap_or(lo);
    lo + (hi - lo) * frac
}

/// How much two ranges (lo, hi) overlap, as a share 0–1 of the narrower one. When the narrower
/// range is a single point: 1 if the point lies within the other range (ends included, so two
/// identical points give 1), else 0.
pub fn iqr_overlap(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (wa, wb) = (a.1 - a.0, b.1 - b.0);
    let (narrow, wide) = if wa <= wb { (a, b) } else { (b, a) };
    let width = wa.min(wb);
    if width > 0.0 {
        let overlap = (narrow.1.min(wide.1) - narrow.0.max(wide.0)).max(0.0);
        (overlap / width).min(1.0)
    } else if narrow.0 >= wide.0 && narrow.0 <= wide.1 {
        1.0
    } else {
        0.0
    }
}

/// The tier each customer would have without its override, in customer order (`None` when there
/// are no tiers). In rule mode and with score cut-offs each customer is tiered on its own; with
/// target shares all customers are ranked together with every override cleared.
pub fn rule_tiers<C: Borrow<Customer>>(
    config: &TieringConfig,
    customers: &[C],
) -> Vec<Option<Assignment>> {
    let cleared: Vec<Cow<'_, Customer>> = customers
        .iter()
        .map(|c| {
            let c = c.borrow();
            if c.tier_override.is_some() {
                Cow::Owned(Customer {
                    tier_override: None,
                    ..c.clone()
                })
            } else {
                Cow::Borrowed(c)
            }
        })
        .collect();
    config.assign_all(&cleared)
}

/// (customer, override tier, rule tier, ranks apart) of every conflicting override.
fn override_conflicts<C: Borrow<Customer>>(
    config: &TieringConfig,
    customers: &[C],
    assignments: &[Option<Assignment>],
) -> Vec<(usize, usize, usize, usize)> {
    let n_tiers = config.tiers.len();
    let overridden = |a: &Option<Assignment>| {
        a.as_ref()
            .filter(|a| a.tier < n_tiers && matches!(a.explanation, Explanation::Override { .. }))
            .map(|a| a.tier)
    };
    if !assignments.iter().any(|a| overridden(a).is_some()) {
        return Vec::new();
    }
    let limit = config.diagnostics.override_conflict_ranks.max(1);
    let rules = rule_tiers(config, customers);
    assignments
        .iter()
        .zip(rules)
        .enumerate()
        .filter_map(|(i, (a, r))| {
            let over = overridden(a)?;
            let rule = r.map(|r| r.tier).filter(|&t| t < n_tiers)?;
            let apart = over.abs_diff(rule);
            (apart >= limit).then_some((i, over, rule, apart))
        })
        .collect()
}

/// (customer, share of total positive revenue in %) of every customer above `threshold_pct`.
fn dependency_risks<C: Borrow<Customer>>(customers: &[C], threshold_pct: f64) -> Vec<(usize, f64)> {
    let revenue = |c: &C| Some(c.borrow().revenue).filter(|r| r.is_finite() && *r > 0.0);
    let total: f64 = customers.iter().filter_map(revenue).sum();
    if total <= 0.0 || !total.is_finite() {
        return Vec::new();
    }
    customers
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let share = revenue(c)? / total * 100.0;
            (share > threshold_pct).then_some((i, share))
        })
        .collect()
}

//! The calculations of Tool 2 (SPEC §3.3): growth and market share of a line, the industries ×
//! horizons grid, the horizon mix against the target, the diagnostics, the expansion ranking of
//! industries and the whitespace totals. Pure functions of the document; every figure that has
//! no basis (no last-year revenue, no market size, no revenue at all) is `None`, never 0.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use super::{BusinessLine, CellStatus, Horizon, Portfolio, TargetMix};
use crate::domain::workspace::{Customer, Workspace};

/// Growth of a line in percent: `revenue / revenue_last_year − 1`, when last year's revenue is
/// known and positive.
pub fn growth_pct(line: &BusinessLine) -> Option<f64> {
    match line.revenue_last_year {
        Some(last) if last > 0.0 && last.is_finite() && line.revenue.is_finite() => {
            Some((line.revenue / last - 1.0) * 100.0)
        }
        _ => None,
    }
}

/// Market share of a line in percent: `revenue / market_size`, when the market size is known
/// and positive.
pub fn share_pct(line: &BusinessLine) -> Option<f64> {
    match line.market_size {
        Some(m) if m > 0.0 && m.is_finite() && line.revenue.is_finite() => {
            Some(line.revenue / m * 100.0)
        }
        _ => None,
    }
}

/// Revenue, line count and growth of a group of lines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Group {
    /// Sum of revenue, yuan.
    pub revenue: f64,
    /// Number of lines.
    pub lines: usize,
    /// Growth in percent of the lines whose last year is known: `Σ revenue / Σ last year − 1`.
    pub growth_pct: Option<f64>,
}

/// Sums a group of lines.
pub fn group<'a>(lines: impl IntoIterator<Item = &'a BusinessLine>) -> Group {
    let mut g = Group::default();
    let (mut now, mut last) = (0.0, 0.0);
    for l in lines {
        g.revenue += finite_or_zero(l.revenue);
        g.lines += 1;
        if let Some(prev) = l.revenue_last_year.filter(|p| *p > 0.0 && p.is_finite()) {
            now += finite_or_zero(l.revenue);
            last += prev;
        }
    }
    if last > 0.0 {
        g.growth_pct = Some((now / last - 1.0) * 100.0);
    }
    g
}

fn finite_or_zero(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

/// One industry of the grid: a group per horizon and the industry's total.
#[derive(Clone, Debug, PartialEq)]
pub struct IndustryRow {
    /// The industry.
    pub industry: String,
    /// Core, growth, emerging (in [`Horizon::ALL`] order).
    pub horizons: [Group; 3],
    /// All the industry's lines.
    pub total: Group,
}

impl IndustryRow {
    /// The horizon mix of the industry (see [`mix_of`]).
    pub fn mix(&self) -> Option<[f64; 3]> {
        mix_of(&self.horizons)
    }
}

/// The industries of the lines in the order they first appear.
pub fn industries(p: &Portfolio) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in &p.lines {
        if !out.contains(&l.industry) {
            out.push(l.industry.clone());
        }
    }
    out
}

/// The industries × horizons grid: one row per industry (largest revenue first, then by name),
/// and the overall row.
pub fn grid(p: &Portfolio) -> (Vec<IndustryRow>, IndustryRow) {
    let row = |industry: &str, lines: Vec<&BusinessLine>| IndustryRow {
        industry: industry.to_string(),
        horizons: Horizon::ALL.map(|h| group(lines.iter().copied().filter(|l| l.horizon == h))),
        total: group(lines.iter().copied()),
    };
    let mut rows: Vec<IndustryRow> = industries(p)
        .iter()
        .map(|i| row(i, p.lines.iter().filter(|l| &l.industry == i).collect()))
        .collect();
    rows.sort_by(|a, b| {
        b.total
            .revenue
            .total_cmp(&a.total.revenue)
            .then_with(|| a.industry.cmp(&b.industry))
    });
    let overall = row("", p.lines.iter().collect());
    (rows, overall)
}

/// The share of revenue per horizon in percent (core, growth, emerging), when there is revenue.
pub fn mix_of(groups: &[Group; 3]) -> Option<[f64; 3]> {
    let total: f64 = groups.iter().map(|g| g.revenue).sum();
    (total > 0.0 && total.is_finite()).then(|| groups.clone().map(|g| g.revenue / total * 100.0))
}

/// The horizon furthest from its target and by how many percentage points (signed: actual −
/// target).
pub fn largest_gap(mix: &[f64; 3], target: &TargetMix) -> (Horizon, f64) {
    let mut worst = (Horizon::Core, 0.0_f64);
    for h in Horizon::ALL {
        let gap = mix[h.index()] - target.of(h);
        if gap.abs() > worst.1.abs() {
            worst = (h, gap);
        }
    }
    worst
}

/// What the diagnostics of the portfolio find.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    /// An industry with lines but no growth or emerging one: 没有下一个增长引擎.
    NoNextEngine {
        /// The industry.
        industry: String,
        /// Its core revenue, yuan.
        core_revenue: f64,
    },
    /// A mix further from the target than the tolerance.
    MixOff {
        /// The industry; `None` for the company as a whole.
        industry: Option<String>,
        /// The horizon furthest from its target.
        horizon: Horizon,
        /// Its share of revenue, percent.
        actual_pct: f64,
        /// Its target, percent.
        target_pct: f64,
    },
    /// A core or growth line without a strategic control point.
    NoControlPoint {
        /// The line's id.
        line: String,
        /// Its name.
        name: String,
        /// Its industry.
        industry: String,
        /// Core or growth.
        horizon: Horizon,
    },
    /// An emerging line without risk management.
    NoRiskManagement {
        /// The line's id.
        line: String,
        /// Its name.
        name: String,
        /// Its industry.
        industry: String,
    },
}

impl Finding {
    /// Identifier of the kind, used in catalogue keys and test ids.
    pub fn kind(&self) -> &'static str {
        match self {
            Finding::NoNextEngine { .. } => "no_next_engine",
            Finding::MixOff { .. } => "mix_off",
            Finding::NoControlPoint { .. } => "no_control_point",
            Finding::NoRiskManagement { .. } => "no_risk_management",
        }
    }
}

/// The diagnostics of the portfolio, in this order: industries without a next engine, mixes far
/// from the target (overall first), core and growth lines without a control point, emerging
/// lines without risk management.
pub fn diagnose(p: &Portfolio) -> Vec<Finding> {
    let (rows, overall) = grid(p);
    let mut out = Vec::new();
    for r in &rows {
        if r.horizons[Horizon::Growth.index()].lines == 0
            && r.horizons[Horizon::Emerging.index()].lines == 0
        {
            out.push(Finding::NoNextEngine {
                industry: r.industry.clone(),
                core_revenue: r.horizons[Horizon::Core.index()].revenue,
            });
        }
    }
    let tol = p.target_mix.tolerance_pts;
    let mut mix_off = |industry: Option<&str>, row: &IndustryRow| {
        if let Some(mix) = row.mix() {
            let (h, gap) = largest_gap(&mix, &p.target_mix);
            if gap.abs() > tol {
                out.push(Finding::MixOff {
                    industry: industry.map(str::to_string),
                    horizon: h,
                    actual_pct: mix[h.index()],
                    target_pct: p.target_mix.of(h),
                });
            }
        }
    };
    mix_off(None, &overall);
    for r in &rows {
        mix_off(Some(&r.industry), r);
    }
    for l in &p.lines {
        match l.horizon {
            Horizon::Core | Horizon::Growth if l.control_point.trim().is_empty() => {
                out.push(Finding::NoControlPoint {
                    line: l.id.clone(),
                    name: l.name.clone(),
                    industry: l.industry.clone(),
                    horizon: l.horizon,
                });
            }
            Horizon::Emerging if l.risk_management.trim().is_empty() => {
                out.push(Finding::NoRiskManagement {
                    line: l.id.clone(),
                    name: l.name.clone(),
                    industry: l.industry.clone(),
                });
            }
            _ => {}
        }
    }
    out
}

/// One industry in the expansion ranking, with the three inputs of its score.
#[derive(Clone, Debug, PartialEq)]
pub struct Expansion {
    /// The industry.
    pub industry: String,
    /// Σ market size of its lines that have one, yuan; `None` when none has.
    pub market_size: Option<f64>,
    /// Growth of the industry's lines (see [`Group::growth_pct`]), percent.
    pub growth_pct: Option<f64>,
    /// Our share of that market: Σ revenue of the lines with a market size ÷ Σ market size,
    /// percent.
    pub share_pct: Option<f64>,
    /// `market_size × (1 + growth) × (1 − share)`, share capped at 100 %; `None` when an input
    /// is unknown.
    pub score: Option<f64>,
    /// 1 for the highest score; equal scores share a rank (1, 2, 2, 4); `None` when unscored.
    pub rank: Option<usize>,
}

/// The expansion priority of every industry with lines: scored ones by score (ties by name),
/// then the unscored ones by name.
pub fn expansion_ranking(p: &Portfolio) -> Vec<Expansion> {
    let mut out: Vec<Expansion> = industries(p)
        .into_iter()
        .map(|industry| {
            let lines: Vec<&BusinessLine> =
                p.lines.iter().filter(|l| l.industry == industry).collect();
            let sized: Vec<&BusinessLine> = lines
                .iter()
                .copied()
                .filter(|l| l.market_size.is_some_and(|m| m > 0.0 && m.is_finite()))
                .collect();
            let market: f64 = sized.iter().filter_map(|l| l.market_size).sum();
            let ours: f64 = sized.iter().map(|l| finite_or_zero(l.revenue)).sum();
            let market_size = (!sized.is_empty() && market.is_finite()).then_some(market);
            let share_pct = market_size.map(|m| ours / m * 100.0);
            let growth_pct = group(lines.iter().copied()).growth_pct;
            let score = match (market_size, growth_pct, share_pct) {
                (Some(m), Some(g), Some(s)) => {
                    Some(m * (1.0 + g / 100.0) * (1.0 - (s / 100.0).min(1.0)))
                }
                _ => None,
            };
            Expansion {
                industry,
                market_size,
                growth_pct,
                share_pct,
                score,
                rank: None,
            }
        })
        .collect();
    // Scores equal to the yuan are a tie (they come out of float arithmetic on yuan amounts).
    let key = |s: f64| s.round();
    out.sort_by(|a, b| match (a.score, b.score) {
        (Some(x), Some(y)) => key(y)
            .total_cmp(&key(x))
            .then_with(|| a.industry.cmp(&b.industry)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.industry.cmp(&b.industry),
    });
    let mut prev: Option<(f64, usize)> = None;
    for (i, e) in out.iter_mut().enumerate() {
        if let Some(s) = e.score {
            let rank = match prev {
                Some((p, r)) if key(p) == key(s) => r,
                _ => i + 1,
            };
            e.rank = Some(rank);
            prev = Some((s, rank));
        }
    }
    out
}

/// Per industry, how many accounts each account tier has there (`account_tiers` order): the
/// evidence for customer selection. Industries with no account are left out.
pub fn accounts_by_industry<C: Borrow<Customer>>(
    customers: &[C],
    tier_ids: &[Option<String>],
    account_tiers: &[String],
) -> BTreeMap<String, Vec<usize>> {
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (c, tier) in customers.iter().zip(tier_ids) {
        let Some(t) = tier
            .as_deref()
            .and_then(|t| account_tiers.iter().position(|a| a == t))
        else {
            continue;
        };
        let counts = out
            .entry(c.borrow().industry.clone())
            .or_insert_with(|| vec![0; account_tiers.len()]);
        if let Some(n) = counts.get_mut(t) {
            *n += 1;
        }
    }
    out
}

/// The accounts of the whitespace: the customers in an account tier (`org.account_tiers`), by
/// tier in that order, then by annual purchase (largest first), then by name. Each with its tier id.
pub fn accounts<'a>(ws: &'a Workspace, tier_ids: &[Option<String>]) -> Vec<(&'a Customer, String)> {
    let tiers = &ws.org.account_tiers;
    let mut out: Vec<(usize, &Customer, String)> = ws
        .customers
        .iter()
        .zip(tier_ids)
        .filter_map(|(c, t)| {
            let t = t.as_deref()?;
            let pos = tiers.iter().position(|a| a == t)?;
            Some((pos, &**c, t.to_string()))
        })
        .collect();
    out.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| b.1.annual_purchase.total_cmp(&a.1.annual_purchase))
            .then_with(|| a.1.name.cmp(&b.1.name))
    });
    out.into_iter().map(|(_, c, t)| (c, t)).collect()
}

/// Sums of whitespace cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WhitespaceSum {
    /// Σ potential of the open cells, yuan.
    pub open_potential: f64,
    /// Σ potential of the cells in pursuit, yuan.
    pub pursuit_potential: f64,
    /// Σ revenue of the sold cells, yuan.
    pub sold_revenue: f64,
    /// Cells per status (in [`CellStatus::ALL`] order); a pair without a cell counts as open.
    pub counts: [usize; 4],
}

impl WhitespaceSum {
    fn add(&mut self, status: CellStatus, revenue: f64, potential: f64) {
        match status {
            CellStatus::Open => self.open_potential += finite_or_zero(potential),
            CellStatus::InPursuit => self.pursuit_potential += finite_or_zero(potential),
            CellStatus::Sold => self.sold_revenue += finite_or_zero(revenue),
            CellStatus::NotRelevant => {}
        }
        if let Some(n) = CellStatus::ALL
            .iter()
            .position(|s| *s == status)
            .and_then(|i| self.counts.get_mut(i))
        {
            *n += 1;
        }
    }
}

/// The status of a pair without a cell: open when the line serves the account's industry, not
/// relevant when it serves another.
pub fn default_status(account_industry: &str, line_industry: &str) -> CellStatus {
    if account_industry == line_industry {
        CellStatus::Open
    } else {
        CellStatus::NotRelevant
    }
}

/// An account or a line of the whitespace: its id and its industry.
pub type Keyed<'a> = (&'a str, &'a str);

/// The whitespace totals over `accounts` × `lines`: one sum per line (in `lines` order), one per
/// account (in `accounts` order) and the grand total. Cells of other accounts or lines (filtered
/// out) are not counted; a pair without a cell has the [`default_status`] and no figures.
pub fn whitespace_totals(
    p: &Portfolio,
    accounts: &[Keyed<'_>],
    lines: &[Keyed<'_>],
) -> (Vec<WhitespaceSum>, Vec<WhitespaceSum>, WhitespaceSum) {
    let cells: BTreeMap<(&str, &str), &super::WhitespaceCell> = p
        .whitespace
        .iter()
        .map(|c| ((c.account.as_str(), c.line.as_str()), c))
        .collect();
    let mut per_line = vec![WhitespaceSum::default(); lines.len()];
    let mut per_account = vec![WhitespaceSum::default(); accounts.len()];
    let mut total = WhitespaceSum::default();
    for (ai, (a, a_industry)) in accounts.iter().enumerate() {
        for (li, (l, l_industry)) in lines.iter().enumerate() {
            let (status, revenue, potential) = cells.get(&(*a, *l)).map_or_else(
                || (default_status(a_industry, l_industry), 0.0, 0.0),
                |c| (c.status, c.revenue, c.potential),
            );
            if let Some(s) = per_line.get_mut(li) {
                s.add(status, revenue, potential);
            }
            if let Some(s) = per_account.get_mut(ai) {
                s.add(status, revenue, potential);
            }
            total.add(status, revenue, potential);
        }
    }
    (per_line, per_account, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::portfolio::WhitespaceCell;

    fn line(id: &str, industry: &str, h: Horizon, rev: f64, last: Option<f64>) -> BusinessLine {
        BusinessLine {
            id: id.into(),
            industry: industry.into(),
            name: format!("L{id}"),
            horizon: h,
            revenue: rev,
            revenue_last_year: last,
            control_point: "cp".into(),
            risk_management: "rm".into(),
            ..BusinessLine::default()
        }
    }

    #[test]
    fn growth_and_share_need_their_basis() {
        let mut l = line("1", "A", Horizon::Core, 120.0, Some(100.0));
        assert!((growth_pct(&l).unwrap_or(0.0) - 20.0).abs() < 1e-9);
        assert_eq!(share_pct(&l), None, "no market size → no share, not 0");
        l.market_size = Some(1_000.0);
        assert_eq!(share_pct(&l), Some(12.0));
        l.market_size = Some(0.0);
        assert_eq!(share_pct(&l), None);
        l.revenue_last_year = Some(0.0);
        assert_eq!(growth_pct(&l), None);
        l.revenue_last_year = None;
        assert_eq!(growth_pct(&l), None);
    }

    #[test]
    fn group_growth_uses_only_lines_with_a_last_year() {
        let lines = [
            line("1", "A", Horizon::Core, 110.0, Some(100.0)),
            line("2", "A", Horizon::Core, 50.0, None),
            line("3", "A", Horizon::Core, 90.0, Some(100.0)),
        ];
        let g = group(&lines);
        assert_eq!(g.revenue, 250.0);
        assert_eq!(g.lines, 3);
        assert_eq!(g.growth_pct, Some(0.0));
    }

    #[test]
    fn grid_and_mix() {
        let p = Portfolio {
            lines: vec![
                line("1", "A", Horizon::Core, 60.0, None),
                line("2", "A", Horizon::Growth, 30.0, None),
                line("3", "B", Horizon::Core, 100.0, None),
                line("4", "A", Horizon::Emerging, 10.0, None),
            ],
            ..Portfolio::default()
        };
        let (rows, overall) = grid(&p);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].industry, "A"); // 100 = 100, tie broken by name
        assert_eq!(rows[0].mix(), Some([60.0, 30.0, 10.0]));
        assert_eq!(rows[1].mix(), Some([100.0, 0.0, 0.0]));
        assert_eq!(overall.total.revenue, 200.0);
        assert_eq!(overall.mix(), Some([80.0, 15.0, 5.0]));
        assert_eq!(overall.horizons[0].lines, 2);
        let empty = Portfolio::default();
        assert_eq!(grid(&empty).1.mix(), None);
    }

    #[test]
    fn largest_gap_is_signed() {
        let t = TargetMix::default();
        assert_eq!(largest_gap(&[100.0, 0.0, 0.0], &t), (Horizon::Core, 30.0));
        assert_eq!(largest_gap(&[50.0, 40.0, 10.0], &t), (Horizon::Core, -20.0));
        assert_eq!(largest_gap(&[70.0, 20.0, 10.0], &t).1, 0.0);
    }

    #[test]
    fn diagnostics_planted_and_clean() {
        // Clean: both industries have a next engine, mix on target, every line covered.
        let clean = Portfolio {
            lines: vec![
                line("1", "A", Horizon::Core, 70.0, None),
                line("2", "A", Horizon::Growth, 20.0, None),
                line("3", "A", Horizon::Emerging, 10.0, None),
            ],
            ..Portfolio::default()
        };
        assert_eq!(diagnose(&clean), vec![]);

        let mut planted = clean.clone();
        planted
            .lines
            .push(line("4", "B", Horizon::Core, 100.0, None));
        planted.lines[1].control_point = " ".into();
        planted.lines[2].risk_management.clear();
        let found = diagnose(&planted);
        let kinds: Vec<&str> = found.iter().map(Finding::kind).collect();
        assert_eq!(
            kinds,
            [
                "no_next_engine",
                "mix_off",
                "mix_off",
                "no_control_point",
                "no_risk_management"
            ]
        );
        assert_eq!(
            found[0],
            Finding::NoNextEngine {
                industry: "B".into(),
                core_revenue: 100.0
            }
        );
        // Overall 170/200 = 85 % core against 70: 15 points > 10.
        assert_eq!(
            found[1],
            Finding::MixOff {
                industry: None,
                horizon: Horizon::Core,
                actual_pct: 85.0,
                target_pct: 70.0
            }
        );
        // B alone is 100 % core.
        assert!(
            matches!(&found[2], Finding::MixOff { industry: Some(i), actual_pct, .. } if i == "B" && *actual_pct == 100.0)
        );
        // A wider tolerance clears the overall mix finding, not B's (30 points).
        planted.target_mix.tolerance_pts = 20.0;
        let kinds: Vec<String> = diagnose(&planted)
            .iter()
            .map(|f| match f {
                Finding::MixOff { industry, .. } => format!("mix_off:{industry:?}"),
                f => f.kind().to_string(),
            })
            .collect();
        assert!(kinds.contains(&"mix_off:Some(\"B\")".to_string()));
        assert!(!kinds.contains(&"mix_off:None".to_string()));
        // Making B's line a growth line clears its "no next engine".
        planted.lines[3].horizon = Horizon::Growth;
        assert!(diagnose(&planted)
            .iter()
            .all(|f| f.kind() != "no_next_engine"));
    }

    #[test]
    fn ranking_order_ties_and_unscored() {
        let sized = |id: &str, ind: &str, rev: f64, last: f64, market: f64| BusinessLine {
            market_size: Some(market),
            ..line(id, ind, Horizon::Core, rev, Some(last))
        };
        let p = Portfolio {
            lines: vec![
                // A: M 1000, growth 10 %, share 10 % → 1000 × 1.1 × 0.9 = 990 (to the yuan)
                sized("1", "A", 100.0, 100.0 / 1.1, 1000.0),
                // B and C: M 1000, growth 0, share 1 % → 990: a three-way tie with A
                sized("2", "C", 10.0, 10.0, 1000.0),
                sized("3", "B", 10.0, 10.0, 1000.0),
                // D: larger market, M 2000, growth −50 %, share 50 % → 500
                sized("4", "D", 1000.0, 2000.0, 2000.0),
                // E: no market size → unscored
                line("5", "E", Horizon::Core, 5.0, Some(5.0)),
                // F: revenue above its market (share 200 %, capped at 100 % in the score) → 0
                sized("6", "F", 200.0, 200.0, 100.0),
            ],
            ..Portfolio::default()
        };
        let r = expansion_ranking(&p);
        let order: Vec<(&str, Option<usize>)> =
            r.iter().map(|e| (e.industry.as_str(), e.rank)).collect();
        assert_eq!(
            order,
            [
                ("A", Some(1)),
                ("B", Some(1)),
                ("C", Some(1)),
                ("D", Some(4)),
                ("F", Some(5)),
                ("E", None)
            ],
            "{r:?}"
        );
        assert!((r[0].score.unwrap_or(0.0) - 990.0).abs() < 1e-6);
        assert_eq!(r[1].score, Some(990.0));
        assert_eq!(r[3].score, Some(500.0));
        assert_eq!(r[4].share_pct, Some(200.0));
        assert_eq!(r[4].score, Some(0.0));
        assert_eq!(r[5].market_size, None);
        assert_eq!(r[5].share_pct, None);
        assert_eq!(r[5].growth_pct, Some(0.0));
    }

    #[test]
    fn whitespace_sums() {
        let p = Portfolio {
            whitespace: vec![
                WhitespaceCell::new("a1", "l1", CellStatus::Sold, 100.0, 20.0),
                WhitespaceCell::new("a1", "l2", CellStatus::Open, 0.0, 300.0),
                WhitespaceCell::new("a2", "l1", CellStatus::InPursuit, 0.0, 50.0),
                WhitespaceCell::new("a2", "l2", CellStatus::Open, 0.0, 200.0),
                WhitespaceCell::new("a3", "l2", CellStatus::Open, 0.0, 999.0),
                WhitespaceCell::new("a1", "l9", CellStatus::NotRelevant, 0.0, 1.0),
            ],
            ..Portfolio::default()
        };
        let (per_line, per_account, total) = whitespace_totals(
            &p,
            &[("a1", "X"), ("a2", "X")],
            &[("l1", "X"), ("l2", "X"), ("l9", "X"), ("l7", "Y")],
        );
        assert_eq!(per_line[0].sold_revenue, 100.0);
        assert_eq!(per_line[0].pursuit_potential, 50.0);
        assert_eq!(
            per_line[1].open_potential, 500.0,
            "a3 is not an account here"
        );
        assert_eq!(
            per_line[2].counts,
            [0, 0, 1, 1],
            "a2 × l9 has no cell: open"
        );
        assert_eq!(per_account[0].open_potential, 300.0);
        assert_eq!(per_account[1].open_potential, 200.0);
        assert_eq!(total.open_potential, 500.0);
        assert_eq!(
            per_line[3].counts,
            [0, 0, 0, 2],
            "another industry's line: not relevant"
        );
        assert_eq!(total.counts, [1, 1, 3, 3]);
    }
}

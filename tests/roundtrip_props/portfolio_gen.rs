//! Random Tool 2 documents for the round-trip and merge properties: business lines of every
//! horizon (last year, margin and market present or not), insights and designs keyed by
//! industry, opportunities, and whitespace cells on the generated customers and lines — every
//! key unique.

use kam_planner::domain::portfolio::{
    BusinessLine, CellStatus, Design, DesignElement, ElementKind, ElementStatus, Horizon, Insight,
    Look, LookKind, Opportunity, Portfolio, Priority, TargetMix, WhitespaceCell,
};
use proptest::prelude::*;

use super::{amount, name, text};

type RawLine = (
    (String, String, Horizon, f64),
    (Option<f64>, Option<f64>, Option<f64>, String, String, i64),
);

fn line() -> impl Strategy<Value = RawLine> {
    (
        (
            name(),
            name(),
            proptest::sample::select(Horizon::ALL.to_vec()),
            amount(),
        ),
        (
            proptest::option::of(amount()),
            proptest::option::of(0.0f64..100.0),
            proptest::option::of(amount()),
            text(),
            text(),
            any::<i64>(),
        ),
    )
}

/// What a portfolio is built from, before the customers' ids are known.
pub type Parts = (
    Vec<RawLine>,
    (f64, f64, f64, f64, i64),
    Vec<(String, i64)>,
    Vec<(String, Horizon, Option<f64>, Priority, i64)>,
    Vec<(bool, i64)>,
    Vec<(usize, usize, CellStatus, f64, f64, i64)>,
);

/// The random parts of a portfolio.
pub fn portfolio_parts() -> impl Strategy<Value = Parts> {
    (
        proptest::collection::vec(line(), 0..6),
        (
            0.0f64..100.0,
            0.0f64..100.0,
            0.0f64..100.0,
            0.0f64..50.0,
            any::<i64>(),
        ),
        proptest::collection::vec((text(), any::<i64>()), 0..3),
        proptest::collection::vec(
            (
                text(),
                proptest::sample::select(Horizon::ALL.to_vec()),
                proptest::option::of(amount()),
                proptest::sample::select(Priority::ALL.to_vec()),
                any::<i64>(),
            ),
            0..4,
        ),
        proptest::collection::vec((any::<bool>(), any::<i64>()), 0..3),
        proptest::collection::vec(
            (
                0usize..12,
                0usize..6,
                proptest::sample::select(CellStatus::ALL.to_vec()),
                amount(),
                amount(),
                any::<i64>(),
            ),
            0..10,
        ),
    )
}

/// A portfolio on `customer_ids` (whitespace cells only on customers and lines that exist).
pub fn build_portfolio(parts: Parts, customer_ids: &[String]) -> Portfolio {
    let (raw_lines, (core, growth, emerging, tol, mix_at), insights, opps, designs, cells) = parts;
    let lines: Vec<BusinessLine> = raw_lines
        .into_iter()
        .enumerate()
        .map(
            |(i, ((industry, name, horizon, revenue), (last, margin, market, cp, rm, at)))| {
                BusinessLine {
                    id: format!("bl-{i}"),
                    industry,
                    name,
                    horizon,
                    revenue,
                    revenue_last_year: last,
                    gross_margin_pct: margin,
                    market_size: market,
                    control_point: cp,
                    risk_management: rm,
                    owner: None,
                    notes: String::new(),
                    updated_at: at,
                }
            },
        )
        .collect();
    let insights = insights
        .into_iter()
        .enumerate()
        .map(|(i, (t, at))| {
            let mut x = Insight {
                industry: format!("行业{i}"),
                control_points: t.clone(),
                updated_at: at,
                ..Insight::default()
            };
            for (k, kind) in LookKind::ALL.into_iter().enumerate() {
                *x.look_mut(kind) = Look {
                    findings: format!("{t}{k}"),
                    evidence: t.clone(),
                    date: "2026-01-01".into(),
                };
            }
            x
        })
        .collect();
    let opportunities = opps
        .into_iter()
        .enumerate()
        .map(|(i, (title, horizon, size, priority, at))| Opportunity {
            id: format!("op-{i}"),
            title,
            industry: format!("行业{i}"),
            horizon,
            size,
            priority,
            updated_at: at,
            ..Opportunity::default()
        })
        .collect();
    let designs = designs
        .into_iter()
        .enumerate()
        .map(|(i, (agreed, at))| {
            let mut d = Design {
                industry: format!("行业{i}"),
                updated_at: at,
                ..Design::default()
            };
            for kind in ElementKind::ALL {
                *d.element_mut(kind) = DesignElement {
                    text: format!("{} {i}", kind.key()),
                    status: if agreed {
                        ElementStatus::Agreed
                    } else {
                        ElementStatus::Draft
                    },
                    owner: None,
                };
            }
            d
        })
        .collect();
    let mut whitespace: Vec<WhitespaceCell> = Vec::new();
    for (a, l, status, revenue, potential, at) in cells {
        let (Some(account), Some(line)) = (customer_ids.get(a), lines.get(l)) else {
            continue;
        };
        if whitespace
            .iter()
            .any(|c| c.account == *account && c.line == line.id)
        {
            continue;
        }
        let mut cell = WhitespaceCell::new(account, &line.id, status, revenue, potential);
        cell.updated_at = at;
        whitespace.push(cell);
    }
    Portfolio {
        lines,
        target_mix: TargetMix {
            core_pct: core,
            growth_pct: growth,
            emerging_pct: emerging,
            tolerance_pts: tol,
            updated_at: mix_at,
        },
        insights,
        opportunities,
        designs,
        whitespace,
    }
}

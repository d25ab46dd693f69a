//! The SPEC defaults of Tool 6 in Chinese and English (our assumptions, all editable).
//!
//! Team scorecards per triangle type weigh the dimensions differently (customer / financial /
//! internal / learning): expansion 40 / 30 / 20 / 10 — win the customer first; growth
//! 25 / 45 / 20 / 10 — turn the opening into orders; mature 30 / 50 / 15 / 5 — harvest revenue,
//! cash and margin. Role scorecards follow each role's part in the triangle: the AR answers for
//! orders and cash, the SR for bids and pipeline, the FR for delivery and satisfaction, the AD
//! for the account's whole result.
//!
//! Financial figures are measured as attainment of plan in percent, so one card serves accounts
//! of any size: floor 60 %, target 100 %, challenge 120 %.

use std::collections::BTreeMap;

use super::{Cascade, Dimension, Direction, Indicator, OwnerKind, Scorecard};
use crate::domain::org::defaults as org_defaults;
use crate::domain::org::{TriangleType, AD, AR, FR, SR};

/// A measured quantity: (metric, dimension, 中文, English, unit, direction). Units are symbols
/// that read the same in both languages (`%`, `×`, `/100`; a count has none).
type Metric = (
    &'static str,
    Dimension,
    &'static str,
    &'static str,
    &'static str,
    Direction,
);

/// Metric id of orders (订货).
pub const ORDERS: &str = "orders";
/// Metric id of revenue (收入).
pub const REVENUE: &str = "revenue";
/// Metric id of cash collection (回款).
pub const CASH: &str = "cash_collection";
/// Metric id of gross margin (毛利).
pub const MARGIN: &str = "gross_margin";
/// Metric id of the 151 action completion (151 行动完成率).
pub const COMPLETION_151: &str = "completion_151";
/// Metric id of pipeline coverage (商机覆盖倍数).
pub const PIPELINE_COVERAGE: &str = "pipeline_coverage";
/// Metric id of the bid win rate (投标中标率).
pub const WIN_RATE: &str = "bid_win_rate";
/// Metric id of stakeholder coverage (关键人覆盖率): MCR's decision-maker coverage.
pub const STAKEHOLDER_COVERAGE: &str = "stakeholder_coverage";

use Dimension::{Customer, Financial, Internal, Learning};
use Direction::{Higher, Lower};

/// The typical indicators of SPEC §3.7, plus complaints as a lower-better example.
#[rustfmt::skip]
const METRICS: [Metric; 13] = [
    (ORDERS, Financial, "订货达成率", "Orders vs plan", "%", Higher),
    (REVENUE, Financial, "收入达成率", "Revenue vs plan", "%", Higher),
    (CASH, Financial, "回款达成率", "Cash collection vs plan", "%", Higher),
    (MARGIN, Financial, "毛利率", "Gross margin", "%", Higher),
    ("share_of_wallet", Customer, "钱包份额", "Share of wallet", "%", Higher),
    ("satisfaction", Customer, "客户满意度", "Customer satisfaction", "/100", Higher),
    (STAKEHOLDER_COVERAGE, Customer, "关键人覆盖率", "Stakeholder coverage", "%", Higher),
    (COMPLETION_151, Internal, "151 行动完成率", "151 action completion", "%", Higher),
    (PIPELINE_COVERAGE, Internal, "商机覆盖倍数", "Pipeline coverage", "×", Higher),
    (WIN_RATE, Internal, "投标中标率", "Bid win rate", "%", Higher),
    ("delivery_on_time", Internal, "交付及时率", "Delivery on time", "%", Higher),
    ("training_completion", Learning, "训战完成率", "Training completion", "%", Higher),
    ("complaints", Customer, "客户投诉", "Customer complaints", "", Lower),
];

/// An indicator of `card` measuring `metric` with its weight and (floor, target, challenge);
/// the names, unit and direction come from the metric.
fn ind(
    card: &str,
    metric: &str,
    weight: f64,
    floor: Option<f64>,
    target: f64,
    ch: f64,
) -> Indicator {
    let m = METRICS
        .iter()
        .find(|m| m.0 == metric)
        .copied()
        .unwrap_or(("", Customer, "", "", "", Higher));
    Indicator {
        id: format!("{card}.{metric}"),
        metric: metric.to_string(),
        dimension: m.1,
        name_zh: m.2.to_string(),
        name_en: m.3.to_string(),
        unit: m.4.to_string(),
        direction: m.5,
        weight,
        floor,
        target,
        challenge: ch,
        actual: None,
        linked: metric == COMPLETION_151,
        updated_at: 0,
    }
}

/// An indicator of attainment of plan: floor 60, target 100, challenge 120.
fn plan(card: &str, metric: &str, weight: f64) -> Indicator {
    ind(card, metric, weight, Some(60.0), 100.0, 120.0)
}

/// Training completion has no floor: its score is proportional (100 · actual / target).
fn training(card: &str, weight: f64) -> Indicator {
    ind(card, "training_completion", weight, None, 90.0, 100.0)
}

fn team_card(triangle: TriangleType, zh: &str, en: &str, indicators: Vec<Indicator>) -> Scorecard {
    Scorecard {
        id: team_card_id(triangle),
        name_zh: zh.to_string(),
        name_en: en.to_string(),
        owner: OwnerKind::Organisation,
        triangle: Some(triangle),
        indicators,
        ..Scorecard::default()
    }
}

/// The id of the default team scorecard of a triangle type (`org-expansion` …).
pub fn team_card_id(triangle: TriangleType) -> String {
    format!("org-{}", triangle.key())
}

/// The id of the default scorecard of a role (`role-AR` …).
pub fn role_card_id(role: &str) -> String {
    format!("role-{role}")
}

/// A role's scorecard, named as the role is (SPEC §1: one name per role; the UI shows the role's
/// code beside it).
fn role_card(role: &str, indicators: Vec<Indicator>) -> Scorecard {
    let (name_zh, name_en) = org_defaults::roles()
        .into_iter()
        .find(|r| r.id == role)
        .map_or_else(
            || (role.to_string(), role.to_string()),
            |r| (r.name_zh, r.name_en),
        );
    Scorecard {
        id: role_card_id(role),
        name_zh,
        name_en,
        owner: OwnerKind::Role,
        role: role.to_string(),
        indicators,
        ..Scorecard::default()
    }
}

/// The team scorecards of the three triangle types, then the AR, SR, FR and AD scorecards.
pub fn scorecards() -> Vec<Scorecard> {
    let e = team_card_id(TriangleType::Expansion);
    let g = team_card_id(TriangleType::Growth);
    let m = team_card_id(TriangleType::Mature);
    let (ar, sr, fr, ad) = (
        role_card_id(AR),
        role_card_id(SR),
        role_card_id(FR),
        role_card_id(AD),
    );
    vec![
        // 40 / 30 / 20 / 10
        team_card(
            TriangleType::Expansion,
            "拓展型客户群",
            "Expansion accounts",
            vec![
                ind(&e, "share_of_wallet", 20.0, Some(5.0), 15.0, 25.0),
                ind(&e, STAKEHOLDER_COVERAGE, 20.0, Some(40.0), 70.0, 90.0),
                plan(&e, ORDERS, 20.0),
                plan(&e, CASH, 10.0),
                ind(&e, COMPLETION_151, 10.0, Some(60.0), 90.0, 100.0),
                ind(&e, "pipeline_coverage", 10.0, Some(1.5), 3.0, 4.0),
                training(&e, 10.0),
            ],
        ),
        // 25 / 45 / 20 / 10
        team_card(
            TriangleType::Growth,
            "成长型客户群",
            "Growth accounts",
            vec![
                ind(&g, "share_of_wallet", 15.0, Some(15.0), 30.0, 40.0),
                ind(&g, "satisfaction", 10.0, Some(70.0), 85.0, 95.0),
                plan(&g, ORDERS, 20.0),
                plan(&g, REVENUE, 15.0),
                plan(&g, CASH, 10.0),
                ind(&g, "pipeline_coverage", 10.0, Some(1.5), 3.0, 4.0),
                ind(&g, "bid_win_rate", 10.0, Some(20.0), 35.0, 50.0),
                training(&g, 10.0),
            ],
        ),
        // 30 / 50 / 15 / 5
        team_card(
            TriangleType::Mature,
            "成熟型客户群",
            "Mature accounts",
            vec![
                ind(&m, "satisfaction", 15.0, Some(75.0), 88.0, 95.0),
                ind(&m, "share_of_wallet", 15.0, Some(30.0), 45.0, 60.0),
                plan(&m, REVENUE, 20.0),
                plan(&m, CASH, 15.0),
                ind(&m, MARGIN, 15.0, Some(18.0), 25.0, 30.0),
                ind(&m, "delivery_on_time", 10.0, Some(80.0), 95.0, 100.0),
                ind(&m, COMPLETION_151, 5.0, Some(60.0), 90.0, 100.0),
                training(&m, 5.0),
            ],
        ),
        role_card(
            AR,
            vec![
                plan(&ar, ORDERS, 30.0),
                plan(&ar, CASH, 20.0),
                ind(&ar, "share_of_wallet", 15.0, Some(10.0), 25.0, 35.0),
                ind(&ar, "satisfaction", 10.0, Some(70.0), 85.0, 95.0),
                ind(&ar, COMPLETION_151, 15.0, Some(60.0), 90.0, 100.0),
                training(&ar, 10.0),
            ],
        ),
        role_card(
            SR,
            vec![
                plan(&sr, ORDERS, 20.0),
                plan(&sr, CASH, 10.0),
                ind(&sr, "bid_win_rate", 25.0, Some(20.0), 35.0, 50.0),
                ind(&sr, "pipeline_coverage", 15.0, Some(1.5), 3.0, 4.0),
                ind(&sr, "satisfaction", 20.0, Some(70.0), 85.0, 95.0),
                training(&sr, 10.0),
            ],
        ),
        role_card(
            FR,
            vec![
                ind(&fr, "delivery_on_time", 25.0, Some(80.0), 95.0, 100.0),
                plan(&fr, CASH, 25.0),
                plan(&fr, ORDERS, 10.0),
                ind(&fr, "satisfaction", 20.0, Some(70.0), 85.0, 95.0),
                ind(&fr, "complaints", 10.0, Some(6.0), 3.0, 1.0),
                training(&fr, 10.0),
            ],
        ),
        role_card(
            AD,
            vec![
                plan(&ad, ORDERS, 25.0),
                plan(&ad, REVENUE, 15.0),
                ind(&ad, MARGIN, 10.0, Some(18.0), 25.0, 30.0),
                ind(&ad, STAKEHOLDER_COVERAGE, 20.0, Some(40.0), 70.0, 90.0),
                ind(&ad, COMPLETION_151, 10.0, Some(60.0), 90.0, 100.0),
                ind(&ad, "pipeline_coverage", 10.0, Some(1.5), 3.0, 4.0),
                training(&ad, 10.0),
            ],
        ),
    ]
}

fn cascade(metric: &str, shares: [(&str, f64); 3]) -> Cascade {
    Cascade {
        id: format!("cascade-{metric}"),
        metric: metric.to_string(),
        shares: shares
            .iter()
            .map(|(r, v)| (r.to_string(), *v))
            .collect::<BTreeMap<_, _>>(),
        updated_at: 0,
    }
}

/// The cascades of the team financial indicators: orders AR 50 / SR 30 / FR 20 and cash
/// collection AR 50 / FR 40 / SR 10 (SPEC), revenue AR 40 / SR 30 / FR 30 and gross margin
/// AR 40 / SR 40 / FR 20 (our assumption: the SR shapes what is sold, hence its margin).
pub fn cascades() -> Vec<Cascade> {
    vec![
        cascade(ORDERS, [(AR, 50.0), (SR, 30.0), (FR, 20.0)]),
        cascade(CASH, [(AR, 50.0), (FR, 40.0), (SR, 10.0)]),
        cascade(REVENUE, [(AR, 40.0), (SR, 30.0), (FR, 30.0)]),
        cascade(MARGIN, [(AR, 40.0), (SR, 40.0), (FR, 20.0)]),
    ]
}

/// The names of a metric of the catalogue: (中文, English), if it is one.
pub fn metric_names(metric: &str) -> Option<(&'static str, &'static str)> {
    METRICS.iter().find(|m| m.0 == metric).map(|m| (m.2, m.3))
}

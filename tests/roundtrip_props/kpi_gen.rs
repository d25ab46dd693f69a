//! Random KPI documents for the round-trip and merge properties: scorecards of both owners with
//! indicators of every dimension and direction (floors and actuals present or not), cascades with
//! shares per role, and actuals per person — every id unique.

use kam_planner::domain::kpi::{
    actual_id, Cascade, Dimension, Direction, Indicator, Kpi, OwnerKind, PersonActual, Scorecard,
};
use kam_planner::domain::org::TriangleType;
use proptest::prelude::*;

use super::{amount, name, text};

type RawIndicator = (
    (Dimension, String, String, String, Direction, f64),
    (Option<f64>, f64, f64, Option<f64>, bool, i64),
);

fn indicator() -> impl Strategy<Value = RawIndicator> {
    (
        (
            proptest::sample::select(Dimension::ALL.to_vec()),
            text(),
            text(),
            text(),
            prop_oneof![Just(Direction::Higher), Just(Direction::Lower)],
            0.0f64..100.0,
        ),
        (
            proptest::option::of(amount()),
            amount(),
            amount(),
            proptest::option::of(amount()),
            any::<bool>(),
            any::<i64>(),
        ),
    )
}

type RawCard = (
    (String, String, bool, String),
    (Option<TriangleType>, Option<String>, f64, i64),
    Vec<RawIndicator>,
);

fn card() -> impl Strategy<Value = RawCard> {
    (
        (name(), text(), any::<bool>(), text()),
        (
            proptest::option::of(proptest::sample::select(TriangleType::ALL.to_vec())),
            proptest::option::of(name()),
            0.0f64..200.0,
            any::<i64>(),
        ),
        proptest::collection::vec(indicator(), 0..5),
    )
}

/// A KPI document.
pub fn kpi() -> impl Strategy<Value = Kpi> {
    (
        proptest::collection::vec(card(), 0..4),
        proptest::collection::vec(
            (
                text(),
                proptest::collection::btree_map(name(), 0.0f64..100.0, 0..4),
                any::<i64>(),
            ),
            0..4,
        ),
        proptest::collection::vec((0usize..5, 0usize..8, amount(), any::<i64>()), 0..8),
    )
        .prop_map(|(cards, cascades, actuals)| {
            let scorecards: Vec<Scorecard> = cards
                .into_iter()
                .enumerate()
                .map(
                    |(ci, ((zh, en, is_role, role), (triangle, tier, cap, at), inds))| {
                        let id = format!("card-{ci}");
                        Scorecard {
                            indicators: inds
                                .into_iter()
                                .enumerate()
                                .map(
                                    |(
                                        ii,
                                        (
                                            (dimension, metric, name_zh, unit, direction, weight),
                                            rest,
                                        ),
                                    )| {
                                        let (floor, target, challenge, actual, linked, updated_at) =
                                            rest;
                                        Indicator {
                                            id: format!("{id}.i{ii}"),
                                            metric,
                                            dimension,
                                            name_zh,
                                            name_en: format!("I{ii}"),
                                            unit,
                                            direction,
                                            weight,
                                            floor,
                                            target,
                                            challenge,
                                            actual,
                                            linked,
                                            updated_at,
                                        }
                                    },
                                )
                                .collect(),
                            id,
                            name_zh: zh,
                            name_en: en,
                            owner: if is_role {
                                OwnerKind::Role
                            } else {
                                OwnerKind::Organisation
                            },
                            role,
                            triangle,
                            tier,
                            cap,
                            updated_at: at,
                        }
                    },
                )
                .collect();
            let cascades = cascades
                .into_iter()
                .enumerate()
                .map(|(i, (metric, shares, updated_at))| Cascade {
                    id: format!("cascade-{i}"),
                    metric,
                    shares,
                    updated_at,
                })
                .collect();
            let mut seen = std::collections::HashSet::new();
            let actuals = actuals
                .into_iter()
                .filter_map(|(p, i, value, updated_at)| {
                    let (person, indicator) = (format!("p-{p}"), format!("card-0.i{i}"));
                    let id = actual_id(&person, &indicator);
                    seen.insert(id.clone()).then_some(PersonActual {
                        id,
                        person,
                        indicator,
                        value,
                        updated_at,
                    })
                })
                .collect();
            Kpi {
                scorecards,
                cascades,
                actuals,
            }
        })
}

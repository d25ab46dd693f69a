//! Random LTC documents for the round-trip and merge properties: the default stages with
//! edited probabilities and thresholds, opportunities on the generated customers (owner and line
//! present or not, every forecast category, a short stage history), contracts with milestones of
//! every due rule, targets of the company and of accounts — every id unique, every date real.

use std::rc::Rc;

use kam_planner::domain::dates::iso_from_days;
use kam_planner::domain::ltc::{
    default_stages, Contract, DueBase, DueRule, Forecast, Ltc, LtcSettings, Milestone,
    MilestoneKind, Opportunity, Scope, StageChange, Target,
};
use proptest::prelude::*;

use super::{amount, text};

/// A day between 2020 and 2030.
fn day() -> impl Strategy<Value = i64> {
    18_262i64..21_915
}

type RawOpp = (
    (usize, String, Option<usize>, Option<usize>, usize, f64),
    (i64, i64, Forecast, String, Vec<(usize, i64)>, i64),
);

type RawContract = (
    (usize, Option<usize>, String, i64, f64, f64),
    (Option<i64>, Option<i64>, Vec<RawMilestone>, i64),
);

type RawMilestone = (
    MilestoneKind,
    f64,
    DueBase,
    i64,
    u32,
    u32,
    (f64, f64, Option<i64>),
);

/// What an LTC document is built from, before the ids it refers to are known.
pub type Parts = (
    Vec<(f64, u32, i64)>,
    Vec<RawOpp>,
    Vec<RawContract>,
    Vec<(bool, usize, Option<f64>, Option<f64>, i64)>,
    (f64, i64),
);

fn milestone() -> impl Strategy<Value = RawMilestone> {
    (
        proptest::sample::select(MilestoneKind::ALL.to_vec()),
        0.0f64..100.0,
        proptest::sample::select(DueBase::ALL.to_vec()),
        day(),
        0u32..400,
        0u32..36,
        (0.0f64..1e7, 0.0f64..1e7, proptest::option::of(day())),
    )
}

/// The random parts of an LTC document.
pub fn ltc_parts() -> impl Strategy<Value = Parts> {
    (
        proptest::collection::vec((0.0f64..100.0, 0u32..400, any::<i64>()), 7),
        proptest::collection::vec(
            (
                (
                    0usize..64,
                    text(),
                    proptest::option::of(0usize..64),
                    proptest::option::of(0usize..64),
                    0usize..7,
                    amount().prop_map(f64::abs),
                ),
                (
                    day(),
                    day(),
                    proptest::sample::select(Forecast::ALL.to_vec()),
                    text(),
                    proptest::collection::vec((0usize..7, day()), 0..3),
                    any::<i64>(),
                ),
            ),
            0..5,
        ),
        proptest::collection::vec(
            (
                (
                    0usize..64,
                    proptest::option::of(0usize..64),
                    text(),
                    day(),
                    0.0f64..1e9,
                    0.0f64..100.0,
                ),
                (
                    proptest::option::of(day()),
                    proptest::option::of(day()),
                    proptest::collection::vec(milestone(), 0..5),
                    any::<i64>(),
                ),
            ),
            0..4,
        ),
        proptest::collection::vec(
            (
                any::<bool>(),
                0usize..64,
                proptest::option::of(0.0f64..1e9),
                proptest::option::of(0.0f64..1e9),
                any::<i64>(),
            ),
            0..4,
        ),
        (0.0f64..10.0, any::<i64>()),
    )
}

/// The document from its parts, on these customers, people and business lines.
pub fn build_ltc(
    (stage_edits, opps, contracts, targets, (threshold, settings_at)): Parts,
    customers: &[String],
    people: &[String],
    lines: &[String],
    year: i32,
) -> Ltc {
    let mut stages = default_stages();
    for (s, (p, days, at)) in stages.iter_mut().zip(stage_edits) {
        if s.kind == kam_planner::domain::ltc::StageKind::Open {
            s.probability_pct = p;
            s.ageing_days = days;
        }
        s.updated_at = at;
    }
    let pick = |list: &[String], i: usize| list.get(i % list.len().max(1)).cloned();
    let mut opportunities = Vec::new();
    if !customers.is_empty() {
        for (
            n,
            (
                (account, name, owner, line, stage, amount),
                (close, created, forecast, notes, history, at),
            ),
        ) in opps.into_iter().enumerate()
        {
            let stage_id = stages[stage % stages.len()].id.clone();
            opportunities.push(Rc::new(Opportunity {
                id: format!("opp-{n}"),
                account: pick(customers, account).unwrap_or_default(),
                name,
                line: line.and_then(|i| pick(lines, i)),
                owner: owner.and_then(|i| pick(people, i)),
                stage: stage_id.clone(),
                amount,
                close_date: iso_from_days(close),
                created: iso_from_days(created),
                stage_entered: iso_from_days(created),
                forecast,
                competitor: String::new(),
                next_step: String::new(),
                lost_reason: String::new(),
                notes,
                history: history
                    .into_iter()
                    .map(|(s, d)| StageChange {
                        stage: stages[s % stages.len()].id.clone(),
                        date: iso_from_days(d),
                    })
                    .collect(),
                updated_at: at,
            }));
        }
    }
    let opp_ids: Vec<String> = opportunities.iter().map(|o| o.id.clone()).collect();
    let mut out_contracts = Vec::new();
    if !customers.is_empty() {
        for (
            n,
            (
                (account, opp, name, signed, value, delivered_pct),
                (delivered, accepted, milestones, at),
            ),
        ) in contracts.into_iter().enumerate()
        {
            out_contracts.push(Rc::new(Contract {
                id: format!("ct-{n}"),
                account: pick(customers, account).unwrap_or_default(),
                opportunity: opp.and_then(|i| pick(&opp_ids, i)),
                name,
                signed: iso_from_days(signed),
                value,
                delivered_pct,
                delivered: delivered.map(iso_from_days).unwrap_or_default(),
                accepted: accepted.map(iso_from_days).unwrap_or_default(),
                milestones: milestones
                    .into_iter()
                    .map(
                        |(kind, share_pct, base, date, days, months, (invoiced, collected, on))| {
                            Milestone {
                                kind,
                                share_pct,
                                due: DueRule {
                                    base,
                                    date: if base == DueBase::Date {
                                        iso_from_days(date)
                                    } else {
                                        String::new()
                                    },
                                    days,
                                    months,
                                },
                                invoiced,
                                invoiced_date: on.map(iso_from_days).unwrap_or_default(),
                                collected,
                                collected_date: on.map(iso_from_days).unwrap_or_default(),
                            }
                        },
                    )
                    .collect(),
                notes: String::new(),
                updated_at: at,
            }));
        }
    }
    let mut out_targets: Vec<Target> = Vec::new();
    for (company, account, orders, collections, at) in targets {
        let (scope, key) = match pick(customers, account) {
            Some(c) if !company => (Scope::Account, c),
            _ => (Scope::Company, String::new()),
        };
        let id = Target::id_of(year, scope, &key);
        if out_targets.iter().any(|t| t.id == id) {
            continue;
        }
        out_targets.push(Target {
            id,
            year,
            scope,
            key,
            orders,
            collections,
            updated_at: at,
        });
    }
    Ltc {
        stages,
        opportunities,
        contracts: out_contracts,
        targets: out_targets,
        settings: LtcSettings {
            coverage_threshold: threshold,
            updated_at: settings_at,
        },
    }
}

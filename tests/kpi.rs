//! Tool 6: scoring on every branch, totals, the checks of a card and of the cascade, per-person
//! scores, the actuals import and the demo's spread.

use std::collections::BTreeMap;

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::engagement;
use kam_planner::domain::kpi::cascade::{check_cascades, CascadeProblem};
use kam_planner::domain::kpi::defaults::{
    role_card_id, team_card_id, CASH, COMPLETION_151, ORDERS,
};
use kam_planner::domain::kpi::import::{apply_actuals, ActualsErrorKind};
use kam_planner::domain::kpi::people::{
    distribution, engagement_figures, mean_over_accounts, person_scores, team_result, LinkedActuals,
};
use kam_planner::domain::kpi::score::{
    card_result, check_card, score, CardProblem, ScoreWhy, Severity,
};
use kam_planner::domain::kpi::{
    check, stamp, Dimension, Direction, Indicator, Kpi, KpiRefusal, OwnerKind, Scorecard,
};
use kam_planner::domain::org::{Assignment, OrgDesign, Person, TriangleType, AR, FR, SR};
use kam_planner::persist::import::schema::{detect_uses, ColumnUse};
use kam_planner::persist::import::Table;
use kam_planner::persist::kpi_import::{actuals_spec, read_actuals_with};

const NOW: i64 = 1_768_435_200_000;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn higher(floor: Option<f64>, target: f64, challenge: f64) -> Indicator {
    Indicator {
        id: "i".into(),
        floor,
        target,
        challenge,
        direction: Direction::Higher,
        ..Indicator::default()
    }
}

fn lower(floor: Option<f64>, target: f64, challenge: f64) -> Indicator {
    Indicator {
        direction: Direction::Lower,
        ..higher(floor, target, challenge)
    }
}

#[test]
fn higher_better_scores_on_every_branch() {
    let ind = higher(Some(60.0), 100.0, 120.0);
    let s = score(&ind, Some(50.0), 120.0);
    assert_eq!(s.value, 0.0);
    assert_eq!(
        s.why,
        ScoreWhy::BelowFloor {
            actual: 50.0,
            floor: 60.0
        }
    );
    assert_eq!(score(&ind, Some(60.0), 120.0).value, 0.0);
    let s = score(&ind, Some(80.0), 120.0);
    assert!(close(s.value, 50.0));
    assert!(matches!(s.why, ScoreWhy::FloorToTarget { .. }));
    let s = score(&ind, Some(110.0), 120.0);
    assert!(close(s.value, 110.0));
    assert!(matches!(s.why, ScoreWhy::TargetToChallenge { .. }));
    let s = score(&ind, Some(150.0), 120.0);
    assert_eq!(s.value, 120.0);
    assert!(matches!(
        s.why,
        ScoreWhy::AtChallenge {
            challenge,
            cap,
            ..
        } if challenge == 120.0 && cap == 120.0
    ));
    assert!(close(score(&ind, Some(100.0), 120.0).value, 100.0));
}

#[test]
fn the_cap_of_the_scorecard_bounds_and_stretches_the_top() {
    let ind = higher(Some(60.0), 100.0, 120.0);
    // Cap 150: the challenge is worth 150, half-way to it 125.
    assert!(close(score(&ind, Some(110.0), 150.0).value, 125.0));
    assert_eq!(score(&ind, Some(200.0), 150.0).value, 150.0);
    // Cap 100: no bonus above target.
    assert_eq!(score(&ind, Some(115.0), 100.0).value, 100.0);
    // Cap 90 caps even the floor→target line.
    assert_eq!(score(&ind, Some(99.0), 90.0).value, 90.0);
}

#[test]
fn lower_better_mirrors_every_branch() {
    // Complaints: 6 is the floor, 3 the target, 1 the challenge.
    let ind = lower(Some(6.0), 3.0, 1.0);
    let s = score(&ind, Some(8.0), 120.0);
    assert_eq!(s.value, 0.0);
    assert!(matches!(s.why, ScoreWhy::BelowFloor { .. }));
    assert_eq!(score(&ind, Some(6.0), 120.0).value, 0.0);
    let s = score(&ind, Some(4.5), 120.0);
    assert!(close(s.value, 50.0));
    assert!(matches!(s.why, ScoreWhy::FloorToTarget { .. }));
    let s = score(&ind, Some(2.0), 120.0);
    assert!(close(s.value, 110.0));
    assert!(matches!(s.why, ScoreWhy::TargetToChallenge { .. }));
    let s = score(&ind, Some(0.0), 120.0);
    assert_eq!(s.value, 120.0);
    assert!(matches!(s.why, ScoreWhy::AtChallenge { .. }));
}

#[test]
fn without_a_floor_the_score_is_proportional_and_clamped() {
    let ind = higher(None, 90.0, 100.0);
    let s = score(&ind, Some(45.0), 120.0);
    assert!(close(s.value, 50.0));
    assert_eq!(
        s.why,
        ScoreWhy::Proportional {
            actual: 45.0,
            target: 90.0,
            raw: 50.0,
            cap: 120.0
        }
    );
    assert_eq!(score(&ind, Some(180.0), 120.0).value, 120.0);
    assert_eq!(score(&ind, Some(-10.0), 120.0).value, 0.0);
    // Lower-better: 100 · target / actual; nothing at all scores the cap.
    let ind = lower(None, 4.0, 2.0);
    assert!(close(score(&ind, Some(8.0), 120.0).value, 50.0));
    assert!(close(score(&ind, Some(4.0), 120.0).value, 100.0));
    assert_eq!(score(&ind, Some(1.0), 120.0).value, 120.0);
    assert_eq!(score(&ind, Some(0.0), 120.0).value, 120.0);
}

#[test]
fn no_actual_and_bad_thresholds_score_zero() {
    let ind = higher(Some(60.0), 100.0, 120.0);
    assert_eq!(score(&ind, None, 120.0).why, ScoreWhy::NoActual);
    let bad = higher(Some(100.0), 80.0, 120.0);
    let s = score(&bad, Some(90.0), 120.0);
    assert_eq!((s.value, s.why), (0.0, ScoreWhy::BadThresholds));
}

fn card(weights: &[(Dimension, f64)]) -> Scorecard {
    Scorecard {
        id: "c".into(),
        indicators: weights
            .iter()
            .enumerate()
            .map(|(i, (d, w))| Indicator {
                id: format!("i{i}"),
                dimension: *d,
                weight: *w,
                ..higher(Some(60.0), 100.0, 120.0)
            })
            .collect(),
        ..Scorecard::default()
    }
}

#[test]
fn the_total_is_the_weighted_sum_of_the_scores() {
    let c = card(&[
        (Dimension::Customer, 40.0),
        (Dimension::Financial, 30.0),
        (Dimension::Internal, 20.0),
        (Dimension::Learning, 10.0),
    ]);
    // Scores 50, 100, 110, 120 → 20 + 30 + 22 + 12 = 84.
    let actuals = [80.0, 100.0, 110.0, 130.0];
    let r = card_result(&c, |ind| {
        let i: usize = ind.id[1..].parse().unwrap_or(0);
        (Some(actuals[i]), false)
    });
    assert!(close(r.total, 84.0), "{}", r.total);
    assert!(close(r.lines[0].contribution, 20.0));
    assert!(check_card(&c).is_empty());
}

#[test]
fn weights_not_summing_to_100_and_thresholds_out_of_order_are_errors() {
    let mut c = card(&[
        (Dimension::Customer, 40.0),
        (Dimension::Financial, 30.0),
        (Dimension::Internal, 20.0),
        (Dimension::Learning, 15.0),
    ]);
    c.indicators[1].floor = Some(110.0);
    c.indicators[2].direction = Direction::Lower; // 60 < 100 < 120 is the wrong order for it
    let problems = check_card(&c);
    assert!(problems.contains(&CardProblem::WeightsNot100 { sum: 105.0 }));
    assert!(problems.contains(&CardProblem::ThresholdOrder {
        indicator: "i1".into(),
        direction: Direction::Higher
    }));
    assert!(problems.contains(&CardProblem::ThresholdOrder {
        indicator: "i2".into(),
        direction: Direction::Lower
    }));
    assert!(problems.iter().all(|p| p.severity() == Severity::Error));
    // A lower-better indicator in its order passes.
    c.indicators[2] = Indicator {
        id: "i2".into(),
        dimension: Dimension::Internal,
        weight: 20.0,
        ..lower(Some(6.0), 3.0, 1.0)
    };
    assert!(!check_card(&c).iter().any(|p| p.indicator() == Some("i2")));
}

#[test]
fn a_missing_dimension_is_a_warning() {
    let c = card(&[(Dimension::Customer, 50.0), (Dimension::Financial, 50.0)]);
    let problems = check_card(&c);
    assert_eq!(
        problems,
        vec![
            CardProblem::MissingDimension {
                dimension: Dimension::Internal
            },
            CardProblem::MissingDimension {
                dimension: Dimension::Learning
            },
        ]
    );
    assert!(problems.iter().all(|p| p.severity() == Severity::Warning));
}

#[test]
fn the_defaults_differ_by_triangle_type_and_pass_their_checks() {
    let kpi = Kpi::default();
    let weights = |t: TriangleType| {
        kpi.scorecard(&team_card_id(t))
            .map(|c| c.dimension_weights().map(|(_, w)| w))
            .unwrap_or_default()
    };
    assert_eq!(weights(TriangleType::Expansion), [40.0, 30.0, 20.0, 10.0]);
    assert_eq!(weights(TriangleType::Growth), [25.0, 45.0, 20.0, 10.0]);
    assert_eq!(weights(TriangleType::Mature), [30.0, 50.0, 15.0, 5.0]);
    for c in &kpi.scorecards {
        assert!(check_card(c).is_empty(), "{}: {:?}", c.id, check_card(c));
    }
    for role in ["AR", "SR", "FR", "AD"] {
        assert_eq!(
            kpi.role_scorecard(role).map(|c| c.id.clone()),
            Some(role_card_id(role))
        );
    }
    assert!(check_cascades(&kpi).is_empty());
    assert!(check(&kpi).is_ok());
    let orders = kpi.cascades.iter().find(|c| c.metric == ORDERS);
    assert_eq!(
        orders.map(|c| c.shares.clone()),
        Some(BTreeMap::from([
            (AR.to_string(), 50.0),
            (FR.to_string(), 20.0),
            (SR.to_string(), 30.0)
        ]))
    );
}

#[test]
fn cascade_shares_not_summing_to_100_and_uncascaded_financials_are_errors() {
    let mut kpi = Kpi::default();
    if let Some(c) = kpi.cascades.iter_mut().find(|c| c.metric == ORDERS) {
        c.shares.insert(SR.to_string(), 20.0);
    }
    kpi.cascades.retain(|c| c.metric != CASH);
    let problems = check_cascades(&kpi);
    assert_eq!(
        problems,
        vec![
            CascadeProblem::SharesNot100 {
                cascade: "cascade-orders".into(),
                sum: 90.0
            },
            CascadeProblem::NotCascaded {
                metric: CASH.into(),
                name_zh: "回款达成率".into(),
                name_en: "Cash collection vs plan".into()
            },
        ]
    );
    // A cascade whose shares are all 0 carries nothing either.
    let mut kpi = Kpi::default();
    if let Some(c) = kpi.cascades.iter_mut().find(|c| c.metric == CASH) {
        c.shares.values_mut().for_each(|v| *v = 0.0);
    }
    assert!(check_cascades(&kpi)
        .iter()
        .any(|p| matches!(p, CascadeProblem::NotCascaded { metric, .. } if metric == CASH)));
}

fn two_person_org() -> OrgDesign {
    let person = |id: &str, name: &str, role: &str| Person {
        id: id.into(),
        name: name.into(),
        role: role.into(),
        ..Person::default()
    };
    let assign = |id: &str, p: &str, acc: &str| Assignment {
        id: id.into(),
        person: p.into(),
        account: acc.into(),
        role: AR.into(),
        fte: 0.5,
        updated_at: 0,
    };
    OrgDesign {
        people: vec![
            person("p1", "甲", AR),
            person("p2", "乙", "XX"),
            person("p3", "丙", AR),
        ],
        assignments: vec![assign("a1", "p1", "c1"), assign("a2", "p1", "c2")],
        ..OrgDesign::default()
    }
}

#[test]
fn people_are_scored_on_their_role_card_with_linked_151_figures() {
    let mut kpi = Kpi::default();
    let card = role_card_id(AR);
    // AR card: orders 30, cash 20, wallet 15, satisfaction 10, 151 completion 15, training 10.
    for (metric, v) in [
        ("orders", 110.0),             // 110
        ("cash_collection", 80.0),     // 50
        ("share_of_wallet", 25.0),     // 100
        ("satisfaction", 95.0),        // 120
        ("completion_151", 60.0),      // 0, or linked
        ("training_completion", 45.0), // 50 (no floor: 100 · 45 / 90)
    ] {
        kpi.set_actual("p1", &format!("{card}.{metric}"), Some(v));
    }
    let org = two_person_org();
    let scores = person_scores(&kpi, &org, &LinkedActuals::default());
    // 0.3·110 + 0.2·50 + 0.15·100 + 0.1·120 + 0.15·0 + 0.1·50 = 33 + 10 + 15 + 12 + 0 + 5 = 75
    assert!(close(scores[0].total().unwrap_or(-1.0), 75.0));
    assert_eq!(scores[1].card, None);
    assert_eq!(scores[1].total(), None);
    assert_eq!(scores[2].total(), None, "no actuals, no score");
    // Linked: mean over p1's accounts c1 (80) and c2 (100) = 90 → 100 → +15.
    let by_account = BTreeMap::from([
        ("c1".into(), 80.0),
        ("c2".into(), 100.0),
        ("c3".into(), 0.0),
    ]);
    let linked = LinkedActuals {
        metrics: BTreeMap::from([(
            COMPLETION_151.to_string(),
            engagement_figures(&by_account, Some(70.0), &org),
        )]),
    };
    assert_eq!(mean_over_accounts(&by_account, &org, "p1"), Some(90.0));
    assert_eq!(linked.person(COMPLETION_151, "p1"), Some(90.0));
    assert_eq!(
        linked.team(COMPLETION_151, Some(TriangleType::Growth)),
        Some(70.0)
    );
    let scores = person_scores(&kpi, &org, &linked);
    assert!(close(scores[0].total().unwrap_or(-1.0), 90.0));
    let line = scores[0]
        .result
        .as_ref()
        .and_then(|r| r.lines.iter().find(|l| l.linked));
    assert_eq!(line.map(|l| l.actual), Some(Some(90.0)));
    // A team card takes the overall figure: 70 on 60/90/100 → 33.3.
    let team = kpi.scorecard(&team_card_id(TriangleType::Expansion));
    let r = team.map(|c| team_result(c, &linked));
    let l = r.as_ref().and_then(|r| r.lines.iter().find(|l| l.linked));
    assert!(l.is_some_and(|l| close(l.score.value, 100.0 / 3.0)));
}

#[test]
fn the_distribution_counts_scores_per_band() {
    let d = distribution(&[
        10.0, 59.9, 60.0, 79.0, 80.0, 99.99, 100.0, 109.0, 110.0, 120.0,
    ]);
    assert_eq!(
        d.iter().map(|b| b.count).collect::<Vec<_>>(),
        vec![2, 2, 2, 2, 2]
    );
    assert_eq!((d[4].lo, d[4].hi), (110.0, None));
}

#[test]
fn actuals_import_matches_people_and_indicators_and_reports_row_errors() {
    let kpi = Kpi::default();
    let org = two_person_org();
    let headers: Vec<String> = ["姓名", "订货达成率", "Cash collection vs plan", "不存在"]
        .map(String::from)
        .to_vec();
    let rows: Vec<Vec<String>> = vec![
        vec!["甲".into(), "105%".into(), "1,00".into(), "7".into()],
        vec!["p3".into(), "abc".into(), "".into(), "5".into()],
        vec!["无名".into(), "1".into(), "".into(), "".into()],
        vec!["乙".into(), "1".into(), "".into(), "".into()],
    ];
    let table = Table::new(headers.clone(), rows);
    let spec = actuals_spec(&kpi);
    let mut uses = detect_uses(&spec, &headers);
    assert_eq!(uses[0], ColumnUse::Field(0), "姓名 is the person");
    assert!(
        matches!(uses[1], ColumnUse::Field(_)),
        "a Chinese indicator name"
    );
    assert!(
        matches!(uses[2], ColumnUse::Field(_)),
        "an English indicator name"
    );
    assert_eq!(uses[3], ColumnUse::Ignore, "no indicator is called 不存在");
    // The user maps the unknown column to an indicator the AR card does not have.
    let foreign = spec
        .fields
        .iter()
        .position(|f| {
            kpi.role_scorecard(AR)
                .is_some_and(|c| !c.indicators.iter().any(|i| i.name_zh == f.id))
                && f.id != "person"
        })
        .unwrap();
    uses[3] = ColumnUse::Field(foreign);
    let preview = read_actuals_with(&kpi, &org, &table, &uses).unwrap();
    let card = role_card_id(AR);
    assert_eq!(
        preview.values,
        vec![
            ("p1".into(), format!("{card}.orders"), 105.0),
            ("p1".into(), format!("{card}.cash_collection"), 100.0),
        ]
    );
    let kinds: Vec<(usize, ActualsErrorKind)> = preview
        .errors
        .iter()
        .map(|e| (e.row, e.kind.clone()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (2, ActualsErrorKind::UnknownIndicator),
            // A row with a cell that is not a number is left out as a whole.
            (3, ActualsErrorKind::NotANumber),
            (4, ActualsErrorKind::UnknownPerson),
            (5, ActualsErrorKind::NoScorecard),
        ]
    );
    let next = apply_actuals(&kpi, &preview);
    assert_eq!(next.actual("p1", &format!("{card}.orders")), Some(105.0));
}

#[test]
fn the_demo_spreads_the_scores_across_the_bands() {
    let ws = demo::build("demo", NOW, DemoLocale::Zh);
    let scores = person_scores(&ws.kpi, &ws.org, &LinkedActuals::default());
    let totals: Vec<f64> = scores.iter().filter_map(|s| s.total()).collect();
    assert_eq!(totals.len(), 32, "every demo person is scored");
    let below = totals.iter().filter(|t| **t < 60.0).count();
    let above = totals.iter().filter(|t| **t >= 110.0).count();
    assert!(below >= 3, "{totals:?}");
    assert!(above >= 3, "{totals:?}");
    let bands = distribution(&totals);
    assert_eq!(
        bands.iter().map(|b| b.count).collect::<Vec<_>>(),
        vec![7, 10, 6, 4, 5],
        "{totals:?}"
    );
    // The expansion team card on its demo actuals: every indicator near 85.
    let team = ws.kpi.scorecard(&team_card_id(TriangleType::Expansion));
    let total = team.map(|c| team_result(c, &LinkedActuals::default()).total);
    assert!(
        total.is_some_and(|t| (t - 85.033).abs() < 1e-3),
        "{total:?}"
    );
    // In the app, linked indicators take the 151 programme's completion: 8.8 % overall by the
    // demo's mid-January date, which scores 0 on the team card's 151 indicator (weight 10), and
    // each person's mean over their accounts.
    let overall = engagement::overall_completion_pct(&ws).expect("the demo has 151 targets");
    let linked = LinkedActuals {
        metrics: BTreeMap::from([(
            COMPLETION_151.to_string(),
            engagement_figures(
                &engagement::completion_by_account(&ws),
                Some(overall),
                &ws.org,
            ),
        )]),
    };
    assert!((overall - 100.0 * 18.0 / 205.0).abs() < 1e-9, "{overall}");
    let total = team.map(|c| team_result(c, &linked).total);
    assert!(
        total.is_some_and(|t| (t - 76.533).abs() < 1e-3),
        "{total:?}"
    );
    let totals: Vec<f64> = person_scores(&ws.kpi, &ws.org, &linked)
        .iter()
        .filter_map(|s| s.total())
        .collect();
    assert_eq!(
        distribution(&totals)
            .iter()
            .map(|b| b.count)
            .collect::<Vec<_>>(),
        vec![10, 9, 7, 3, 3],
        "{totals:?}"
    );
    assert!(check(&ws.kpi).is_ok());
    for c in &ws.kpi.scorecards {
        assert!(check_card(c).is_empty());
        if c.owner == OwnerKind::Organisation {
            assert!(c.indicators.iter().all(|i| i.actual.is_some()));
        }
    }
    // Deterministic.
    assert_eq!(demo::build("demo", NOW, DemoLocale::Zh).kpi, ws.kpi);
}

#[test]
fn check_refuses_duplicate_ids_and_non_finite_numbers() {
    let mut kpi = Kpi::default();
    let first = kpi.scorecards[0].clone();
    kpi.scorecards.push(first);
    assert!(matches!(check(&kpi), Err(KpiRefusal::DuplicateId { .. })));
    let mut kpi = Kpi::default();
    kpi.scorecards[0].indicators[0].weight = f64::NAN;
    assert!(matches!(check(&kpi), Err(KpiRefusal::NotFinite { .. })));
}

#[test]
fn stamping_marks_only_what_changed() {
    let old = Kpi::default();
    let mut new = old.clone();
    new.scorecards[1].indicators[0].weight = 10.0;
    new.set_actual("p1", "x", Some(1.0));
    let s = stamp(&old, &new, NOW);
    assert_eq!(s.scorecards[1].updated_at, NOW);
    assert_eq!(s.scorecards[1].indicators[0].updated_at, NOW);
    assert_eq!(s.scorecards[1].indicators[1].updated_at, 0);
    assert_eq!(s.scorecards[0].updated_at, 0);
    assert_eq!(s.actuals[0].updated_at, NOW);
    assert_eq!(s.cascades[0].updated_at, 0);
}

#[test]
fn stakeholder_coverage_links_to_mcr_per_team_and_per_person() {
    use std::collections::HashMap;
    use std::rc::Rc;

    use kam_planner::domain::kpi::defaults::{scorecards, STAKEHOLDER_COVERAGE};
    use kam_planner::domain::kpi::linked::{linked_actuals, mcr_figures};
    use kam_planner::domain::kpi::people::{link_source, LinkSource};
    use kam_planner::domain::mcr::{DecisionRole, Stakeholder};
    use kam_planner::domain::org::TriangleOverride;
    use kam_planner::domain::workspace::{Customer, Workspace};

    assert_eq!(link_source(STAKEHOLDER_COVERAGE), Some(LinkSource::Mcr));

    // a and b are expansion accounts, c a mature one, d has no stakeholders.
    // a: decision makers at 2 and 0 → 1 of 2; b: one at 1 → 1 of 1; c: −1, 1, 1, 1 → 3 of 4;
    // the evaluators at 3 count for nothing. Expansion 2 / 3, mature 3 / 4, every account 5 / 7.
    let mut ws = Workspace::empty("w", "test", NOW);
    let mut types = HashMap::new();
    for (id, t) in [
        ("a", TriangleType::Expansion),
        ("b", TriangleType::Expansion),
        ("c", TriangleType::Mature),
        ("d", TriangleType::Growth),
    ] {
        ws.customers.push(Rc::new(Customer {
            id: id.into(),
            name: id.into(),
            ..Customer::default()
        }));
        ws.org.triangle_overrides.push(TriangleOverride {
            customer: id.into(),
            triangle: t,
            reason: String::new(),
            updated_at: 0,
        });
        types.insert(id.to_string(), t.key());
    }
    let mut n = 0;
    let mut add = |account: &str, role: DecisionRole, support: i32| {
        n += 1;
        ws.mcr.stakeholders.push(Stakeholder {
            id: format!("s{n}"),
            account: account.into(),
            name: format!("s{n}"),
            role,
            support,
            ..Stakeholder::default()
        });
    };
    let dm = DecisionRole::DecisionMaker;
    add("a", dm, 2);
    add("a", dm, 0);
    add("a", DecisionRole::Evaluator, 3);
    add("b", dm, 1);
    for support in [-1, 1, 1, 1] {
        add("c", dm, support);
    }
    add("c", DecisionRole::Evaluator, 3);
    // p1 works on a and c (4 of 6), p2 on b (1 of 1), p3 on d only (no figure), p4 nowhere.
    ws.org.people = ["p1", "p2", "p3", "p4"]
        .iter()
        .map(|id| Person {
            id: id.to_string(),
            name: id.to_string(),
            role: AR.into(),
            ..Person::default()
        })
        .collect();
    ws.org.assignments = [("p1", "a"), ("p1", "c"), ("p2", "b"), ("p3", "d")]
        .iter()
        .map(|(p, a)| Assignment {
            id: format!("{p}{a}"),
            person: p.to_string(),
            account: a.to_string(),
            role: AR.into(),
            fte: 1.0,
            updated_at: 0,
        })
        .collect();

    let f = mcr_figures(&ws.mcr, &ws.org, &types);
    assert!(close(f.teams["expansion"], 200.0 / 3.0));
    assert!(close(f.teams["mature"], 75.0));
    assert!(close(f.teams[""], 500.0 / 7.0));
    assert!(!f.teams.contains_key("growth"), "d has no decision makers");
    assert!(close(f.people["p1"], 400.0 / 6.0));
    assert!(close(f.people["p2"], 100.0));
    assert!(!f.people.contains_key("p3") && !f.people.contains_key("p4"));

    // Through the workspace: a growth card falls back to every account's figure.
    let linked = linked_actuals(&ws);
    let team = |t| linked.team(STAKEHOLDER_COVERAGE, Some(t));
    assert!(close(
        team(TriangleType::Expansion).expect("figure"),
        200.0 / 3.0
    ));
    assert!(close(
        team(TriangleType::Growth).expect("figure"),
        500.0 / 7.0
    ));
    assert!(close(
        linked.person(STAKEHOLDER_COVERAGE, "p1").expect("figure"),
        400.0 / 6.0
    ));

    // The expansion card's indicator takes the figure when linked, else its entered actual.
    let mut card = scorecards()
        .into_iter()
        .find(|c| c.id == team_card_id(TriangleType::Expansion))
        .expect("the expansion card");
    let i = card
        .indicators
        .iter()
        .position(|i| i.metric == STAKEHOLDER_COVERAGE)
        .expect("stakeholder coverage on it");
    card.indicators[i].actual = Some(10.0);
    assert_eq!(team_result(&card, &linked).lines[i].actual, Some(10.0));
    card.indicators[i].linked = true;
    let line = &team_result(&card, &linked).lines[i];
    assert!(line.linked && close(line.actual.expect("actual"), 200.0 / 3.0));

    // Without stakeholders MCR gives no figure and the entered actual stays.
    ws.mcr.stakeholders.clear();
    let linked = linked_actuals(&ws);
    assert_eq!(linked.team(STAKEHOLDER_COVERAGE, None), None);
    assert_eq!(team_result(&card, &linked).lines[i].actual, Some(10.0));
}

#[test]
fn a_linked_figure_reads_with_its_indicators_unit() {
    // The demo's team 151 indicator is in percent and scored against 60 / 90 / 100: its linked
    // figure, 18 of 205 credits, reads as the 151 page shows it, not as a bare "8.78".
    let ws = demo::build("demo", NOW, DemoLocale::Zh);
    let team = ws
        .kpi
        .scorecard(&team_card_id(TriangleType::Expansion))
        .expect("the demo has an expansion team card");
    let ind = team
        .indicators
        .iter()
        .find(|i| i.metric == COMPLETION_151)
        .expect("the team card has the 151 indicator");
    assert_eq!(ind.unit, "%");
    let overall = engagement::overall_completion_pct(&ws).expect("the demo has 151 targets");
    assert_eq!(ind.value_text(overall), "8.8%");
    let with = |unit: &str| Indicator {
        unit: unit.to_string(),
        ..Indicator::default()
    };
    assert_eq!(with("×").value_text(2.456), "2.46×");
    assert_eq!(with("/100").value_text(72.0), "72/100");
    assert_eq!(with("天").value_text(45.5), "45.5 天");
    assert_eq!(with("").value_text(3.0), "3");
    assert_eq!(with("%").value_text(f64::NAN), "—");
}

//! Score mode: dimension mappings, weighted totals, cut-offs, target shares and tie-breaking.

use kam_planner::domain::tiering::score::{field_value, parse_bands, Band, ScoreProblem};
use kam_planner::domain::tiering::{
    Explanation, Field, Mode, ScoreAssign, ScoreDimension, ScoreMapping, ScoreModel, TieringConfig,
};
use kam_planner::domain::workspace::{Customer, TierOverride};

fn customer(name: &str, purchase: f64, named: bool, growth: Option<f64>) -> Customer {
    Customer {
        id: name.into(),
        name: name.into(),
        annual_purchase: purchase,
        on_named_list: named,
        growth_pct: growth,
        ..Customer::default()
    }
}

fn score_config(by: ScoreAssign) -> TieringConfig {
    let mut cfg = TieringConfig {
        mode: Mode::Score,
        ..TieringConfig::default()
    };
    cfg.score.assign_by = by;
    cfg
}

#[test]
fn linear_mapping_is_clamped_and_can_be_reversed() {
    let m = ScoreMapping::Linear {
        low: 0.0,
        high: 10_000_000.0,
    };
    assert_eq!(m.score(Some(5_000_000.0)), 50.0);
    assert_eq!(m.score(Some(20_000_000.0)), 100.0);
    assert_eq!(m.score(Some(-1.0)), 0.0);
    assert_eq!(m.score(None), 0.0);
    // An industry rank: 1 is best.
    let rank = ScoreMapping::Linear {
        low: 11.0,
        high: 1.0,
    };
    assert_eq!(rank.score(Some(1.0)), 100.0);
    assert_eq!(rank.score(Some(6.0)), 50.0);
    assert_eq!(rank.score(Some(30.0)), 0.0);
}

#[test]
fn bands_pick_the_band_containing_the_value() {
    let m = ScoreMapping::Bands {
        bands: vec![
            Band {
                from: 1.0,
                to: 4.0,
                score: 100.0,
            },
            Band {
                from: 4.0,
                to: 11.0,
                score: 60.0,
            },
        ],
    };
    assert_eq!(m.score(Some(3.0)), 100.0);
    assert_eq!(m.score(Some(4.0)), 60.0, "from is inclusive, to exclusive");
    assert_eq!(m.score(Some(11.0)), 0.0);
}

#[test]
fn the_default_model_weighs_40_35_25() {
    let model = ScoreModel::default();
    assert_eq!(model.total_weight(), 100.0);
    assert!(model.problems().is_empty());
    // 5M purchase → 50 × 0.40 = 20; named → 100 × 0.35 = 35; growth 25 % → 50 × 0.25 = 12.5.
    let c = customer("甲", 5_000_000.0, true, Some(25.0));
    assert!((model.score(&c) - 67.5).abs() < 1e-9);
    let parts = model.breakdown(&c);
    assert_eq!(parts.len(), 3);
    assert!((parts[2].contribution - 12.5).abs() < 1e-9);
    assert_eq!(field_value(&c, Field::OnNamedList), Some(1.0));
}

#[test]
fn weights_not_summing_to_100_are_scaled_and_reported() {
    let mut model = ScoreModel::default();
    model.dimensions[0].weight = 50.0; // 110 in total
    assert_eq!(
        model.problems(),
        vec![ScoreProblem::WeightsNot100 { total: 110.0 }]
    );
    let c = customer("乙", 10_000_000.0, false, None);
    assert!((model.score(&c) - 50.0 / 110.0 * 100.0).abs() < 1e-9);
    model.dimensions.push(ScoreDimension {
        mapping: ScoreMapping::Linear {
            low: 3.0,
            high: 3.0,
        },
        ..ScoreDimension::default()
    });
    assert!(model
        .problems()
        .contains(&ScoreProblem::FlatLinear { dimension: 3 }));
}

#[test]
fn cutoffs_put_each_customer_in_the_first_tier_it_reaches() {
    let cfg = score_config(ScoreAssign::Cutoffs); // cut-offs 75 / 55 / 35 / 15 / 0
    let top = customer("top", 10_000_000.0, true, Some(50.0)); // 100
    let mid = customer("mid", 10_000_000.0, true, None); // 75 exactly
    let low = customer("low", 2_500_000.0, false, Some(10.0)); // 10 + 5 = 15
    let none = customer("none", 0.0, false, None); // 0
    let a = cfg.assign_all(&[top, mid, low, none]);
    let tiers: Vec<usize> = a.iter().map(|x| x.as_ref().unwrap().tier).collect();
    assert_eq!(tiers, [0, 0, 3, 4]);
    match &a[2].as_ref().unwrap().explanation {
        Explanation::Scored {
            score,
            cutoff,
            rank,
        } => {
            assert!((score - 15.0).abs() < 1e-9);
            assert_eq!(*cutoff, Some(15.0));
            assert_eq!(*rank, None);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        a[3].as_ref().unwrap().explanation,
        Explanation::Scored {
            score: 0.0,
            cutoff: None,
            rank: None
        }
    );
}

#[test]
fn target_shares_take_the_top_x_percent_and_break_ties_by_purchase_then_name() {
    let mut cfg = score_config(ScoreAssign::TargetShares);
    for (t, share) in cfg.tiers.iter_mut().zip([10.0, 20.0, 30.0, 20.0, 20.0]) {
        t.target_share_pct = share;
    }
    // Ten customers with the same score except by purchase; two exact ties broken by name.
    let mut customers: Vec<Customer> = (0..8)
        .map(|i| {
            customer(
                &format!("c{i}"),
                1_000_000.0 * f64::from(i + 1),
                false,
                None,
            )
        })
        .collect();
    customers.push(customer("b-tie", 500_000.0, false, None));
    customers.push(customer("a-tie", 500_000.0, false, None));
    let a = cfg.assign_all(&customers);
    let tier_of = |name: &str| {
        let i = customers.iter().position(|c| c.name == name).unwrap();
        a[i].as_ref().unwrap().tier
    };
    assert_eq!(tier_of("c7"), 0, "top 10 % = 1 customer");
    assert_eq!((tier_of("c6"), tier_of("c5")), (1, 1), "next 20 % = 2");
    assert_eq!((tier_of("c4"), tier_of("c3"), tier_of("c2")), (2, 2, 2));
    assert_eq!((tier_of("c1"), tier_of("c0")), (3, 3));
    assert_eq!((tier_of("a-tie"), tier_of("b-tie")), (4, 4));
    let rank_of = |name: &str| {
        let i = customers.iter().position(|c| c.name == name).unwrap();
        match a[i].as_ref().unwrap().explanation {
            Explanation::Scored {
                rank: Some((r, n)), ..
            } => (r, n),
            ref e => panic!("{e:?}"),
        }
    };
    assert_eq!(rank_of("c7"), (1, 10));
    assert_eq!(
        rank_of("a-tie"),
        (9, 10),
        "equal score and purchase: by name"
    );
    assert_eq!(rank_of("b-tie"), (10, 10));
}

#[test]
fn overrides_win_in_score_mode_too() {
    let cfg = score_config(ScoreAssign::TargetShares);
    let mut c = customer("x", 0.0, false, None);
    c.tier_override = Some(TierOverride {
        tier: "strategic".into(),
        reason: "合作协议".into(),
    });
    let a = cfg.assign_all(&[c, customer("y", 1.0, false, None)]);
    assert_eq!(a[0].as_ref().unwrap().tier, 0);
    assert_eq!(
        a[0].as_ref().unwrap().explanation,
        Explanation::Override {
            reason: "合作协议".into()
        }
    );
}

#[test]
fn bands_are_parsed_from_text() {
    let bands = parse_bands("1-4:100; 4-11:60").unwrap();
    assert_eq!(bands.len(), 2);
    assert_eq!(
        bands[1],
        Band {
            from: 4.0,
            to: 11.0,
            score: 60.0
        }
    );
    assert!(parse_bands("1-4").is_none());
}

//! Rule-mode tiering: first matching tier top-down, catch-all, overrides, explanations.

use kam_planner::domain::tiering::{
    distribution, CondValue, Condition, Explanation, Field, Join, Op, TieringConfig,
};
use kam_planner::domain::workspace::{Customer, TierOverride, YearPurchase};

fn customer(purchase: f64) -> Customer {
    Customer {
        id: format!("c-{purchase}"),
        name: "测试".into(),
        annual_purchase: purchase,
        revenue: purchase * 0.9,
        ..Customer::default()
    }
}

fn tier_id(cfg: &TieringConfig, c: &Customer) -> String {
    let a = cfg.assign(c).expect("tiers exist");
    cfg.tiers[a.tier].id.clone()
}

#[test]
fn default_rules_put_customers_where_the_source_says() {
    let cfg = TieringConfig::default();
    assert_eq!(tier_id(&cfg, &customer(10_000_000.0)), "strategic");
    assert_eq!(tier_id(&cfg, &customer(9_999_999.0)), "value");
    let named = Customer {
        industry_rank: Some(3),
        ..customer(100.0)
    };
    assert_eq!(tier_id(&cfg, &named), "strategic");
    let ranked4 = Customer {
        industry_rank: Some(4),
        ..customer(100.0)
    };
    assert_eq!(tier_id(&cfg, &ranked4), "general");
    let owned = Customer {
        industry_line: Some("电力".into()),
        ..customer(0.0)
    };
    assert_eq!(tier_id(&cfg, &owned), "value");
    let blank_line = Customer {
        industry_line: Some("  ".into()),
        ..customer(0.0)
    };
    assert_eq!(tier_id(&cfg, &blank_line), "general");
    let repeat = Customer {
        repeat_purchase: true,
        ..customer(1_000_000.0)
    };
    assert_eq!(tier_id(&cfg, &repeat), "potential");
    assert_eq!(
        tier_id(&cfg, &customer(1_000_000.0)),
        "general",
        "no repeat purchase"
    );
    let small_repeat = Customer {
        repeat_purchase: true,
        ..customer(1.0)
    };
    assert_eq!(tier_id(&cfg, &small_repeat), "ordinary");
    let zero_repeat = Customer {
        repeat_purchase: true,
        ..customer(0.0)
    };
    assert_eq!(tier_id(&cfg, &zero_repeat), "general");
}

#[test]
fn explanations_name_the_conditions_that_held() {
    let cfg = TieringConfig::default();
    let c = Customer {
        on_named_list: true,
        ..customer(20_000_000.0)
    };
    match cfg.assign(&c).unwrap().explanation {
        Explanation::Matched { join, conditions } => {
            assert_eq!(join, Join::Any);
            assert_eq!(
                conditions.len(),
                2,
                "both the amount and the named list held"
            );
            assert_eq!(conditions[0].field, Field::AnnualPurchase);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        cfg.assign(&customer(0.0)).unwrap().explanation,
        Explanation::CatchAll
    );
}

#[test]
fn an_override_wins_and_says_why_but_a_dangling_one_is_ignored() {
    let cfg = TieringConfig::default();
    let c = Customer {
        tier_override: Some(TierOverride {
            tier: "strategic".into(),
            reason: "集团战略合作".into(),
        }),
        ..customer(0.0)
    };
    let a = cfg.assign(&c).unwrap();
    assert_eq!(cfg.tiers[a.tier].id, "strategic");
    assert_eq!(
        a.explanation,
        Explanation::Override {
            reason: "集团战略合作".into()
        }
    );
    let dangling = Customer {
        tier_override: Some(TierOverride {
            tier: "vip".into(),
            reason: "?".into(),
        }),
        ..customer(0.0)
    };
    assert_eq!(tier_id(&cfg, &dangling), "general");
}

#[test]
fn missing_figures_never_match() {
    let share = Condition::number(Field::ShareOfWallet, Op::Lt, 20.0);
    assert!(
        !share.matches(&customer(100.0)),
        "no wallet → no share of wallet"
    );
    let c = Customer {
        wallet: Some(1_000.0),
        ..customer(100.0)
    };
    assert!(share.matches(&c), "10 % < 20 %");
    let growth = Condition::number(Field::GrowthPct, Op::Ge, 20.0);
    let grown = Customer {
        history: vec![
            YearPurchase {
                year: 2025,
                annual_purchase: 130.0,
            },
            YearPurchase {
                year: 2024,
                annual_purchase: 100.0,
            },
        ],
        ..customer(130.0)
    };
    assert!(
        growth.matches(&grown),
        "30 % growth derived from history (any order)"
    );
    assert!(!growth.matches(&customer(130.0)));
}

#[test]
fn text_and_tag_conditions() {
    let line_in = Condition {
        field: Field::IndustryLine,
        op: Op::In,
        value: CondValue::List(vec!["电力".into(), "金融".into()]),
    };
    assert!(line_in.matches(&Customer {
        industry_line: Some("金融".into()),
        ..customer(1.0)
    }));
    assert!(!line_in.matches(&Customer {
        industry_line: Some("交通".into()),
        ..customer(1.0)
    }));
    let tag = Condition {
        field: Field::Tag,
        op: Op::Eq,
        value: CondValue::Text("央企".into()),
    };
    assert!(tag.matches(&Customer {
        tags: vec!["上市公司".into(), "央企".into()],
        ..customer(1.0)
    }));
    assert!(!tag.matches(&customer(1.0)));
}

#[test]
fn rules_round_trip_through_json_with_readable_operators() {
    let cfg = TieringConfig::default();
    let text = serde_json::to_string(&cfg).unwrap();
    assert!(
        text.contains(r#""op":">=""#) && text.contains(r#""op":"is-true""#),
        "{text}"
    );
    assert!(text.contains(r#""join":"all""#));
    let back: TieringConfig = serde_json::from_str(&text).unwrap();
    assert_eq!(back, cfg);
}

#[test]
fn distribution_counts_shares_medians_and_means() {
    let cfg = TieringConfig::default();
    let customers: Vec<Customer> = [20e6, 12e6, 6e6, 0.0, 0.0]
        .iter()
        .map(|p| customer(*p))
        .collect();
    let a = cfg.assign_all(&customers);
    let d = distribution(&cfg, &customers, &a);
    assert_eq!(
        d.iter().map(|s| s.count).collect::<Vec<_>>(),
        [2, 1, 0, 0, 2]
    );
    assert_eq!(d[0].count_share_pct, 40.0);
    assert_eq!(d[0].median_purchase, 16e6);
    assert_eq!(d[0].mean_purchase, 16e6);
    assert!((d[0].revenue_share_pct - 32.0 / 38.0 * 100.0).abs() < 1e-9);
    assert_eq!(d[2].median_purchase, 0.0);
}

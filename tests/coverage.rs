//! Which figures a customer list carries, which rules that leaves undecided, which diagnostics
//! and curses the data can support — on the demo workspace and on a newcomer's workbook that
//! had names only.

use kam_planner::domain::customers::Coverage;
use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::tiering::curses::curse_coverage;
use kam_planner::domain::tiering::diagnostics::{diagnose, drop_unfounded};
use kam_planner::domain::tiering::gaps::unevaluable_tiers;
use kam_planner::domain::tiering::migration::years;
use kam_planner::domain::tiering::{DataGap, Field, Mode, TieringConfig};
use kam_planner::domain::workspace::{Customer, YearPurchase};

fn named(name: &str) -> Customer {
    Customer {
        id: name.into(),
        name: name.into(),
        ..Customer::default()
    }
}

/// Ten customers as a workbook with only a name column imports them.
fn names_only() -> Vec<Customer> {
    (1..=10).map(|i| named(&format!("客户{i}"))).collect()
}

fn kinds(d: &[kam_planner::domain::tiering::diagnostics::Diagnostic]) -> Vec<&'static str> {
    d.iter().map(|d| d.kind()).collect()
}

#[test]
fn the_demo_workspace_carries_every_figure() {
    let ws = demo::build("demo-1", 1_768_435_200_000, DemoLocale::Zh);
    let cov = Coverage::of(&ws.customers);
    assert_eq!(cov.customers, ws.customers.len());
    assert_eq!(
        cov,
        Coverage {
            customers: ws.customers.len(),
            annual_purchase: true,
            revenue: true,
            gross_margin: true,
            wallet: true,
            growth: true,
            industry_rank: true,
            years_of_cooperation: true,
            history: true,
        }
    );
    assert_eq!(cov.fields_without_data(), []);
    assert_eq!(ws.tiering.data_gaps(&cov), []);
    let this_year = *years(&ws.customers).last().expect("demo has history");
    assert_eq!(this_year, 2025);
    let curses = curse_coverage(&ws.customers, this_year);
    assert!(curses.history && curses.entry && curses.year_on_year);
}

#[test]
fn a_list_of_names_has_no_figure_and_reports_each_missing_field() {
    let cov = Coverage::of(&names_only());
    assert_eq!(cov.customers, 10);
    assert_eq!(
        cov,
        Coverage {
            customers: 10,
            ..Coverage::default()
        }
    );
    // Yes/no and text fields are never "without data": "no" for everyone is a real answer.
    assert_eq!(
        cov.fields_without_data(),
        [
            Field::AnnualPurchase,
            Field::Revenue,
            Field::GrossMarginPct,
            Field::ShareOfWallet,
            Field::GrowthPct,
            Field::IndustryRank,
            Field::YearsOfCooperation,
        ]
    );
}

#[test]
fn one_customer_with_a_figure_is_enough_and_zero_or_nan_is_not() {
    let mut cs = names_only();
    cs[3].annual_purchase = f64::NAN;
    cs[4].revenue = 0.0;
    cs[5].wallet = Some(0.0);
    let cov = Coverage::of(&cs);
    assert!(!cov.annual_purchase && !cov.revenue && !cov.wallet);

    cs[7].annual_purchase = 2_500_000.0;
    cs[8].revenue = -12_000.0; // a refund is still revenue data
    cs[9].wallet = Some(40_000_000.0);
    let cov = Coverage::of(&cs);
    assert!(cov.annual_purchase && cov.revenue && cov.wallet);
    assert!(cov.has_field(Field::ShareOfWallet));
    assert!(!cov.history && !cov.growth);
}

#[test]
fn share_of_wallet_needs_purchases_as_well_as_wallets() {
    let mut cs = names_only();
    cs[0].wallet = Some(80_000_000.0);
    let cov = Coverage::of(&cs);
    assert!(cov.wallet);
    assert!(
        !cov.has_field(Field::ShareOfWallet),
        "every share would read 0 %"
    );
}

#[test]
fn two_years_of_history_give_growth_one_year_does_not() {
    let mut cs = names_only();
    cs[0].history = vec![YearPurchase {
        year: 2025,
        annual_purchase: 3_000_000.0,
    }];
    let cov = Coverage::of(&cs);
    assert!(cov.history && !cov.growth);
    cs[0].history.push(YearPurchase {
        year: 2024,
        annual_purchase: 2_000_000.0,
    });
    assert!(Coverage::of(&cs).growth);
    // A stored growth figure counts as well.
    let mut cs = names_only();
    cs[2].growth_pct = Some(-4.0);
    assert!(Coverage::of(&cs).has_field(Field::GrowthPct));
}

#[test]
fn default_rules_use_annual_purchase_in_four_tiers() {
    let cfg = TieringConfig::default();
    assert_eq!(
        cfg.fields_used(),
        [
            Field::AnnualPurchase,
            Field::OnNamedList,
            Field::IndustryLine,
            Field::RepeatPurchase
        ]
    );
    assert_eq!(cfg.tiers_testing(Field::AnnualPurchase), [0, 1, 2, 3]);
    assert_eq!(cfg.tiers_testing(Field::IndustryLine), [1]);
    assert_eq!(cfg.tiers_testing(Field::Revenue), Vec::<usize>::new());

    let gaps = cfg.data_gaps(&Coverage::of(&names_only()));
    assert_eq!(
        gaps,
        [DataGap {
            field: Field::AnnualPurchase,
            tiers: vec![0, 1, 2, 3],
            dimensions: vec![],
        }]
    );
    assert_eq!(unevaluable_tiers(&gaps), [0, 1, 2, 3]);
    // Every customer falls into the catch-all.
    let cs = names_only();
    let last = cfg.tiers.len() - 1;
    assert!(cfg
        .assign_all(&cs)
        .iter()
        .all(|a| a.as_ref().map(|a| a.tier) == Some(last)));
}

#[test]
fn the_catch_all_rule_and_empty_lists_raise_no_gap() {
    let mut cfg = TieringConfig::default();
    let last = cfg.tiers.len() - 1;
    cfg.tiers[last].rule = cfg.tiers[0].rule.clone();
    cfg.tiers[0].rule = None;
    assert_eq!(cfg.tiers_testing(Field::AnnualPurchase), [1, 2, 3]);
    assert_eq!(cfg.data_gaps(&Coverage::of(&Vec::<Customer>::new())), []);
}

#[test]
fn score_mode_names_the_weighted_dimensions_without_data() {
    let mut cfg = TieringConfig {
        mode: Mode::Score,
        ..TieringConfig::default()
    };
    // Default model: economic value (annual purchase), strategic value (named list), potential (growth).
    assert_eq!(
        cfg.fields_used(),
        [Field::AnnualPurchase, Field::GrowthPct, Field::OnNamedList]
    );
    let cov = Coverage::of(&names_only());
    let gaps = cfg.data_gaps(&cov);
    assert_eq!(
        gaps,
        [
            DataGap {
                field: Field::AnnualPurchase,
                tiers: vec![],
                dimensions: vec![0],
            },
            DataGap {
                field: Field::GrowthPct,
                tiers: vec![],
                dimensions: vec![2],
            },
        ]
    );
    // A dimension weighted 0 decides nothing.
    cfg.score.dimensions[2].weight = 0.0;
    assert_eq!(cfg.data_gaps(&cov).len(), 1);
}

#[test]
fn without_purchases_the_structure_findings_are_dropped_but_dependency_stays() {
    let cfg = TieringConfig::default();
    let mut cs = names_only();
    let found = diagnose(&cfg, &cs, &cfg.assign_all(&cs));
    // What the page said before: top two tiers empty, four empty tiers, general alone.
    assert_eq!(
        kinds(&found),
        [
            "top_too_thin",
            "empty_tier",
            "empty_tier",
            "empty_tier",
            "empty_tier"
        ]
    );
    let cov = Coverage::of(&cs);
    let gaps = cfg.data_gaps(&cov);
    assert_eq!(
        kinds(&drop_unfounded(found, &cov, &gaps)),
        Vec::<&str>::new()
    );

    // Revenue alone: one customer with 60 % of it is still a dependency risk.
    cs[0].revenue = 6_000_000.0;
    cs[1].revenue = 4_000_000.0;
    let found = diagnose(&cfg, &cs, &cfg.assign_all(&cs));
    let cov = Coverage::of(&cs);
    let kept = drop_unfounded(found, &cov, &cfg.data_gaps(&cov));
    assert_eq!(kinds(&kept), ["dependency_risk"]);
}

#[test]
fn with_full_data_nothing_is_dropped() {
    let ws = demo::build("demo-1", 1_768_435_200_000, DemoLocale::Zh);
    let cfg = &ws.tiering;
    let found = diagnose(cfg, &ws.customers, &cfg.assign_all(&ws.customers));
    assert_eq!(kinds(&found), ["tiers_not_distinct", "top_too_thin"]);
    let cov = Coverage::of(&ws.customers);
    let kept = drop_unfounded(found.clone(), &cov, &cfg.data_gaps(&cov));
    assert_eq!(kept, found);
}

#[test]
fn rules_on_other_fields_still_lose_tiers_not_distinct_without_purchases() {
    // Tiers by revenue only: the rules can be judged, but every median purchase is 0.
    let mut cfg = TieringConfig::default();
    cfg.tiers.truncate(2);
    cfg.tiers[0].target_share_pct = 0.0;
    cfg.tiers[1].target_share_pct = 0.0;
    cfg.tiers[0].rule = Some(kam_planner::domain::tiering::Rule {
        join: kam_planner::domain::tiering::Join::Any,
        conditions: vec![kam_planner::domain::tiering::Condition::number(
            Field::Revenue,
            kam_planner::domain::tiering::Op::Ge,
            1_000_000.0,
        )],
    });
    let mut cs = names_only();
    for (i, c) in cs.iter_mut().enumerate() {
        c.revenue = (i as f64 + 1.0) * 300_000.0;
    }
    let found = diagnose(&cfg, &cs, &cfg.assign_all(&cs));
    assert_eq!(kinds(&found), ["tiers_not_distinct"]);
    let cov = Coverage::of(&cs);
    assert_eq!(cfg.data_gaps(&cov), []);
    assert_eq!(kinds(&drop_unfounded(found, &cov, &[])), Vec::<&str>::new());
}

#[test]
fn curses_need_history_of_the_previous_year() {
    let mut cs = names_only();
    let none = curse_coverage(&cs, 2026);
    assert!(!none.history && !none.entry && !none.year_on_year && none.none());

    // Today's purchase alone decides entry, not growth or retention.
    cs[0].annual_purchase = 1_200_000.0;
    let today = curse_coverage(&cs, 2026);
    assert!(today.entry && !today.year_on_year && !today.none());

    // One year of history, 2025: judged in 2025, there is no 2024 to compare with.
    cs[1].history = vec![YearPurchase {
        year: 2025,
        annual_purchase: 900_000.0,
    }];
    let one = curse_coverage(&cs, 2025);
    assert!(one.history && !one.year_on_year);
    cs[2].history = vec![YearPurchase {
        year: 2024,
        annual_purchase: 1_500_000.0,
    }];
    assert!(curse_coverage(&cs, 2025).year_on_year);
}

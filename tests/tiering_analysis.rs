//! Analysis on top of the tiers: structure diagnostics, tier migration between years and the
//! three curses — on crafted customers, on the demo workspace, and as properties.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::tiering::curses::{count_curses, count_curses_by_tier, curses};
use kam_planner::domain::tiering::diagnostics::{
    diagnose, iqr_overlap, median_ratio, quartiles, Diagnostic, MAX_LISTED,
};
use kam_planner::domain::tiering::migration::{
    customer_in_year, migration, tier_in_year, tiers_in_year, years,
};
use kam_planner::domain::tiering::{
    distribution, Assignment, CurseSettings, Explanation, Mode, ScoreAssign, TieringConfig,
};
use kam_planner::domain::workspace::{Customer, TierOverride, Workspace, YearPurchase};
use proptest::prelude::*;

fn demo_ws() -> Workspace {
    demo::build("demo-1", 1_768_435_200_000, DemoLocale::Zh)
}

/// A customer with purchases per year (oldest first, from 2023); today's purchase is the last.
fn buyer(name: &str, history: &[f64]) -> Customer {
    let now = history.last().copied().unwrap_or(0.0);
    Customer {
        id: name.into(),
        name: name.into(),
        annual_purchase: now,
        revenue: now * 0.9,
        repeat_purchase: true,
        history: (2023..)
            .zip(history)
            .map(|(year, &p)| YearPurchase {
                year,
                annual_purchase: p,
            })
            .collect(),
        ..Customer::default()
    }
}

fn overridden(c: Customer, tier: &str) -> Customer {
    Customer {
        tier_override: Some(TierOverride {
            tier: tier.into(),
            reason: "总部指定".into(),
        }),
        ..c
    }
}

fn id_of(cfg: &TieringConfig, a: Option<Assignment>) -> &str {
    cfg.tiers[a.expect("tiers exist").tier].id.as_str()
}

/// Two tiers with the given annual purchases, assigned directly.
fn two_tiers(upper: &[f64], lower: &[f64]) -> Vec<Diagnostic> {
    let mut cfg = TieringConfig::default();
    cfg.tiers.truncate(2);
    cfg.tiers[0].target_share_pct = 0.0;
    cfg.tiers[1].target_share_pct = 0.0;
    cfg.diagnostics.dependency_risk_pct = 100.0;
    let customers: Vec<Customer> = upper
        .iter()
        .chain(lower)
        .map(|&p| buyer("x", &[p]))
        .collect();
    let tiers = (0..upper.len())
        .map(|_| 0)
        .chain((0..lower.len()).map(|_| 1));
    let assignments: Vec<Option<Assignment>> = tiers
        .map(|tier| {
            Some(Assignment {
                tier,
                explanation: Explanation::CatchAll,
            })
        })
        .collect();
    diagnose(&cfg, &customers, &assignments)
}

#[test]
fn the_tool_finds_by_itself_the_two_faults_the_source_names() {
    let ws = demo_ws();
    let found = diagnose(
        &ws.tiering,
        &ws.customers,
        &ws.tiering.assign_all(&ws.customers),
    );
    let kinds: Vec<&str> = found.iter().map(Diagnostic::kind).collect();
    assert_eq!(kinds, ["tiers_not_distinct", "top_too_thin"], "{found:#?}");
    let Diagnostic::TiersNotDistinct {
        upper,
        lower,
        upper_median,
        lower_median,
        ratio,
        upper_iqr,
        lower_iqr,
        overlap_share,
        ..
    } = found[0]
    else {
        panic!("{:?}", found[0]);
    };
    assert_eq!((upper, lower), (3, 4), "ordinary and general");
    assert_eq!((upper_median.round(), lower_median), (216_022.0, 160_268.0));
    assert!((ratio - 1.348).abs() < 0.001, "{ratio}");
    assert!(upper_iqr.0 < lower_iqr.1 && lower_iqr.0 < upper_iqr.1);
    assert!(overlap_share > 0.5, "{overlap_share}");
    assert_eq!(
        found[1],
        Diagnostic::TopTooThin {
            count_share_pct: 6.0,
            target_share_pct: 15.0
        }
    );
}

#[test]
fn adjacent_tiers_are_told_apart_by_median_ratio_and_iqr_overlap() {
    assert!(two_tiers(&[1000.0, 1100.0, 1200.0], &[100.0, 110.0, 120.0]).is_empty());
    // Medians ×1.5 exactly is distinct; ×1.49 is not (the IQRs do not overlap in either case).
    assert!(two_tiers(&[140.0, 150.0, 160.0], &[99.0, 100.0, 101.0]).is_empty());
    let close = two_tiers(&[140.0, 149.0, 160.0], &[100.0, 100.0, 100.0]);
    match close.as_slice() {
        [Diagnostic::TiersNotDistinct {
            ratio,
            overlap_share,
            lower_iqr,
            ..
        }] => {
            assert!((ratio - 1.49).abs() < 1e-12);
            assert_eq!((*overlap_share, *lower_iqr), (0.0, (100.0, 100.0)));
        }
        other => panic!("{other:?}"),
    }
    // Medians ×2 apart but the IQRs overlap fully: not distinct.
    let overlap = two_tiers(
        &[10.0, 50.0, 200.0, 210.0, 220.0],
        &[40.0, 90.0, 100.0, 190.0, 205.0],
    );
    match overlap.as_slice() {
        [Diagnostic::TiersNotDistinct {
            ratio,
            upper_iqr,
            lower_iqr,
            overlap_share,
            ..
        }] => {
            assert_eq!(*ratio, 2.0);
            assert_eq!((*upper_iqr, *lower_iqr), ((50.0, 210.0), (90.0, 190.0)));
            assert_eq!(*overlap_share, 1.0);
        }
        other => panic!("{other:?}"),
    }
    // Two tiers of non-buyers are the same thing; one tier of buyers above non-buyers is not.
    assert_eq!(two_tiers(&[0.0, 0.0], &[0.0]).len(), 1);
    assert!(two_tiers(&[5.0, 6.0], &[0.0, 0.0]).is_empty());
}

#[test]
fn ratio_quartile_and_overlap_edge_cases() {
    assert_eq!(median_ratio(0.0, 0.0), 1.0);
    assert_eq!(median_ratio(0.0, 5.0), f64::INFINITY);
    assert_eq!(median_ratio(300.0, 200.0), 1.5);
    assert_eq!(quartiles(&[1.0, 2.0, 3.0, 4.0]), (1.75, 3.25));
    assert_eq!(quartiles(&[7.0]), (7.0, 7.0));
    assert_eq!(quartiles(&[]), (0.0, 0.0));
    assert_eq!(iqr_overlap((0.0, 10.0), (5.0, 25.0)), 0.5);
    assert_eq!(iqr_overlap((3.0, 3.0), (3.0, 3.0)), 1.0);
    assert_eq!(iqr_overlap((3.0, 3.0), (0.0, 10.0)), 1.0);
    assert_eq!(iqr_overlap((0.0, 10.0), (11.0, 11.0)), 0.0);
    assert_eq!(iqr_overlap((0.0, 10.0), (10.0, 20.0)), 0.0);
}

#[test]
fn top_too_thin_and_empty_tiers() {
    let cfg = TieringConfig::default();
    // 1 strategic and 9 general: 10 % < 15 %; value, potential and ordinary are empty.
    let mut cs = vec![buyer("big", &[20e6])];
    cs.extend((0..9).map(|_| Customer::default()));
    let found = diagnose(&cfg, &cs, &cfg.assign_all(&cs));
    assert!(found.contains(&Diagnostic::TopTooThin {
        count_share_pct: 10.0,
        target_share_pct: 15.0
    }));
    let empty: Vec<usize> = found
        .iter()
        .filter_map(|d| match d {
            Diagnostic::EmptyTier { tier } => Some(*tier),
            _ => None,
        })
        .collect();
    assert_eq!(empty, [1, 2, 3]);
    // A lower target makes the same structure acceptable.
    let mut lower = cfg.clone();
    lower.tiers[1].target_share_pct = 5.0;
    assert!(!diagnose(&lower, &cs, &lower.assign_all(&cs))
        .iter()
        .any(|d| d.kind() == "top_too_thin"));
    // Nothing to say about no customers.
    assert!(diagnose(&cfg, &Vec::<Customer>::new(), &[]).is_empty());
}

#[test]
fn an_override_far_from_the_rule_result_is_a_conflict() {
    let mut cfg = TieringConfig::default();
    let cs = vec![
        overridden(buyer("巨头", &[30e6]), "general"),
        overridden(buyer("中型", &[20e6]), "value"),
        overridden(buyer("空壳", &[0.0]), "vip"),
    ];
    let conflicts = |cfg: &TieringConfig| -> Vec<Diagnostic> {
        diagnose(cfg, &cs, &cfg.assign_all(&cs))
            .into_iter()
            .filter(|d| d.kind() == "override_conflict")
            .collect()
    };
    let expected = Diagnostic::OverrideConflict {
        customer: 0,
        override_tier: 4,
        rule_tier: 0,
        ranks_apart: 4,
    };
    assert_eq!(conflicts(&cfg), std::slice::from_ref(&expected));
    cfg.diagnostics.override_conflict_ranks = 1;
    assert_eq!(conflicts(&cfg).len(), 2, "one rank apart now counts");
    cfg.diagnostics.override_conflict_ranks = 5;
    assert!(conflicts(&cfg).is_empty());
    // Score mode with target shares ranks everyone with the overrides cleared.
    cfg.diagnostics.override_conflict_ranks = 2;
    cfg.mode = Mode::Score;
    cfg.score.assign_by = ScoreAssign::TargetShares;
    for (t, share) in cfg.tiers.iter_mut().zip([34.0, 33.0, 33.0, 0.0, 0.0]) {
        t.target_share_pct = share;
    }
    assert_eq!(conflicts(&cfg), [expected]);
}

#[test]
fn many_conflicts_are_capped_and_counted() {
    let cfg = TieringConfig::default();
    let cs: Vec<Customer> = (0..MAX_LISTED + 10)
        .map(|i| overridden(buyer(&i.to_string(), &[20e6]), "general"))
        .collect();
    let found = diagnose(&cfg, &cs, &cfg.assign_all(&cs));
    let listed = found.iter().filter(|d| d.kind() == "override_conflict");
    assert_eq!(listed.count(), MAX_LISTED);
    assert!(found.contains(&Diagnostic::Omitted {
        kind: "override_conflict",
        count: 10
    }));
}

#[test]
fn one_customer_with_too_much_of_the_revenue_is_a_dependency_risk() {
    let mut cfg = TieringConfig::default();
    let revenue = |r: f64| Customer {
        revenue: r,
        ..buyer("x", &[1e6])
    };
    let cs = vec![revenue(1e6), revenue(2e6), revenue(1e6), revenue(-5e6)];
    let risks = |cfg: &TieringConfig| -> Vec<Diagnostic> {
        diagnose(cfg, &cs, &cfg.assign_all(&cs))
            .into_iter()
            .filter(|d| d.kind() == "dependency_risk")
            .collect()
    };
    // Customer 1 has half of the positive revenue; the refund is left out.
    assert_eq!(
        risks(&cfg),
        [Diagnostic::DependencyRisk {
            customer: 1,
            revenue_share_pct: 50.0,
            threshold_pct: 40.0
        }]
    );
    cfg.diagnostics.dependency_risk_pct = 50.0;
    assert!(risks(&cfg).is_empty(), "exactly at the threshold is fine");
}

#[test]
fn a_growing_customer_moves_up_and_a_shrinking_one_down() {
    let cfg = TieringConfig::default();
    let cs = vec![
        buyer("腾飞", &[2e6, 3e6, 12e6]),
        buyer("下滑", &[6e6, 6e6, 5e5]),
        buyer("稳定", &[2e6, 2e6, 2e6]),
        overridden(buyer("指定", &[5e5, 5e5, 6e5]), "strategic"),
        buyer("跃升", &[5e5, 5e5, 6e6]),
    ];
    assert_eq!(years(&cs), [2023, 2024, 2025]);
    assert_eq!(id_of(&cfg, tier_in_year(&cfg, &cs[0], 2024)), "potential");
    assert_eq!(id_of(&cfg, tier_in_year(&cfg, &cs[0], 2025)), "strategic");
    // The override is today's decision: it holds in 2025 only.
    assert_eq!(id_of(&cfg, tier_in_year(&cfg, &cs[3], 2024)), "ordinary");
    assert_eq!(id_of(&cfg, tier_in_year(&cfg, &cs[3], 2025)), "strategic");

    let m = migration(&cfg, &cs, 2024, 2025);
    assert_eq!(m.matrix[2][0], 1);
    assert_eq!(m.matrix[1][3], 1);
    assert_eq!((m.matrix[3][0], m.matrix[3][1]), (1, 1));
    assert_eq!(
        (m.stayed, m.from_counts(), m.to_counts()),
        (1, vec![0, 1, 2, 2, 0], vec![2, 1, 1, 1, 0])
    );
    // Largest move first (指定, 3 ranks), then the larger account: 腾飞 at 12 M before 跃升 at 6 M.
    let up: Vec<(usize, usize, usize)> = m
        .upgraded
        .iter()
        .map(|v| (v.customer, v.from, v.to))
        .collect();
    assert_eq!(up, [(3, 3, 0), (0, 2, 0), (4, 3, 1)]);
    assert_eq!(
        (m.upgraded[1].purchase_from, m.upgraded[1].purchase_to),
        (3e6, 12e6)
    );
    assert_eq!(m.downgraded.len(), 1);
    assert_eq!((m.downgraded[0].customer, m.downgraded[0].ranks()), (1, 2));
}

#[test]
fn a_past_year_is_seen_as_it_was() {
    let mut c = buyer("x", &[1e6, 2e6, 4e6]);
    c.history.reverse();
    c.growth_pct = Some(99.0);
    let then = customer_in_year(&c, 2024);
    assert_eq!((then.annual_purchase, then.revenue), (2e6, 1.8e6));
    assert_eq!(then.effective_growth_pct(), Some(100.0), "growth into 2024");
    assert_eq!(
        then.history.iter().map(|h| h.year).collect::<Vec<_>>(),
        [2023, 2024]
    );
    let missing = customer_in_year(&c, 2020);
    assert_eq!((missing.annual_purchase, missing.revenue), (0.0, 0.0));
    // With nothing bought today, revenue is that year's purchase.
    let lost = buyer("lost", &[1e6, 0.0]);
    assert_eq!(customer_in_year(&lost, 2023).revenue, 1e6);
}

#[test]
fn target_shares_rank_the_customers_of_a_year_together() {
    let mut cfg = TieringConfig {
        mode: Mode::Score,
        ..TieringConfig::default()
    };
    cfg.score.assign_by = ScoreAssign::TargetShares;
    for t in &mut cfg.tiers {
        t.target_share_pct = 20.0;
    }
    // Ranked by 2023 the order is reversed compared with 2025.
    let cs: Vec<Customer> = (1..=5)
        .map(|i| {
            buyer(
                &i.to_string(),
                &[f64::from(6 - i) * 1e6, 1e6, f64::from(i) * 1e6],
            )
        })
        .collect();
    let tiers = |y| -> Vec<usize> {
        tiers_in_year(&cfg, &cs, y)
            .into_iter()
            .map(|a| a.map_or(99, |a| a.tier))
            .collect()
    };
    assert_eq!(tiers(2023), [0, 1, 2, 3, 4]);
    assert_eq!(tiers(2025), [4, 3, 2, 1, 0]);
    let m = migration(&cfg, &cs, 2023, 2025);
    assert_eq!((m.upgraded.len(), m.downgraded.len(), m.stayed), (2, 2, 1));
}

#[test]
fn demo_migration_2024_to_2025() {
    let ws = demo_ws();
    let cfg = &ws.tiering;
    assert_eq!(years(&ws.customers), [2023, 2024, 2025]);
    let m = migration(cfg, &ws.customers, 2024, 2025);
    assert_eq!(m.matrix.iter().flatten().sum::<usize>(), 250);
    let counts = |a: &[Option<Assignment>]| -> Vec<usize> {
        distribution(cfg, &ws.customers, a)
            .iter()
            .map(|s| s.count)
            .collect()
    };
    // 2025 is today: its tiers are the current ones.
    assert_eq!(m.to_counts(), counts(&cfg.assign_all(&ws.customers)));
    assert_eq!(m.to_counts(), [5, 10, 75, 90, 70]);
    assert_eq!(
        m.from_counts(),
        counts(&tiers_in_year(cfg, &ws.customers, 2024))
    );
    assert_eq!(m.upgraded.len() + m.downgraded.len() + m.stayed, 250);
    eprintln!(
        "2024→2025 {:?}, {} up, {} down",
        m.matrix,
        m.upgraded.len(),
        m.downgraded.len()
    );
    // Every move is explained by the purchases: value → potential means ≥ 5 M fell below 5 M.
    for v in m.downgraded.iter().filter(|v| (v.from, v.to) == (1, 2)) {
        assert!(v.purchase_from >= 5e6 && v.purchase_to < 5e6, "{v:?}");
    }
    assert!(m.downgraded.iter().any(|v| (v.from, v.to) == (1, 2)));
}

#[test]
fn entry_curse_needs_a_target_and_no_purchase_ever() {
    let s = CurseSettings::default();
    let named = Customer {
        on_named_list: true,
        ..buyer("named", &[0.0, 0.0, 0.0])
    };
    let entry = curses(&s, &named, 2025)
        .entry
        .expect("listed, never bought");
    assert!(entry.on_named_list && entry.wallet.is_none());
    let prospect = Customer {
        wallet: Some(2e6),
        ..buyer("wallet", &[0.0, 0.0])
    };
    assert_eq!(
        curses(&s, &prospect, 2025).entry.and_then(|e| e.wallet),
        Some(2e6)
    );
    let bought_once = Customer {
        on_named_list: true,
        ..buyer("once", &[5e4, 0.0, 0.0])
    };
    assert!(curses(&s, &bought_once, 2025).entry.is_none());
    let untargeted = Customer {
        industry_rank: Some(4),
        industry_line: Some("  ".into()),
        ..buyer("nobody", &[0.0])
    };
    assert!(!curses(&s, &untargeted, 2025).any());
}

#[test]
fn growth_curse_for_a_small_share_or_flat_purchase() {
    let mut s = CurseSettings::default();
    let small = |p: f64| Customer {
        wallet: Some(1e7),
        ..buyer("small", &[0.0, 1.9e6, p])
    };
    let low = curses(&s, &small(1.9e6), 2025)
        .growth
        .and_then(|g| g.low_share);
    assert_eq!(low.map(|l| l.shares_pct), Some([19.0, 19.0]));
    assert!(
        curses(&s, &small(2e6), 2025).growth.is_none(),
        "20 % is not below 20 %"
    );
    s.low_wallet_share_pct = 25.0;
    assert!(curses(&s, &small(2e6), 2025).growth.is_some());

    let s = CurseSettings::default();
    let flat = curses(&s, &buyer("flat", &[1000.0, 1030.0, 1000.0]), 2025).growth;
    let flat = flat.and_then(|g| g.flat).expect("+3 %, −2.9 %");
    assert_eq!(flat.purchases, [1000.0, 1030.0, 1000.0]);
    assert!((flat.changes_pct[0] - 3.0).abs() < 1e-9);
    assert!(curses(&s, &buyer("up", &[1000.0, 1031.0, 1031.0]), 2025)
        .growth
        .is_none());
    assert!(curses(&s, &buyer("new", &[0.0, 1000.0, 1000.0]), 2025)
        .growth
        .is_none());
}

#[test]
fn retention_curse_for_a_drop_beyond_the_threshold_or_a_loss() {
    let mut s = CurseSettings::default();
    let drop = |this: f64| buyer("d", &[1000.0, this]);
    assert!(
        curses(&s, &drop(700.0), 2024).retention.is_none(),
        "exactly 30 %"
    );
    let r = curses(&s, &drop(699.0), 2024).retention.expect("30.1 %");
    assert!((r.drop_pct - 30.1).abs() < 1e-9 && !r.lost);
    let lost = curses(&s, &drop(0.0), 2024).retention.expect("lost");
    assert!(lost.lost && lost.drop_pct == 100.0);
    // A year missing from the history counts as nothing bought.
    assert!(curses(&s, &buyer("gone", &[1000.0]), 2024)
        .retention
        .is_some_and(|r| r.lost));
    s.drop_pct = 20.0;
    assert!(curses(&s, &drop(750.0), 2024).retention.is_some());
}

#[test]
fn demo_curse_counts() {
    let ws = demo_ws();
    let s = &ws.tiering.curses;
    let this_year = years(&ws.customers).last().copied().expect("history");
    let counts = count_curses(s, &ws.customers, this_year);
    eprintln!("{counts:?}");
    let year = |c: &Customer, y| {
        c.history
            .iter()
            .find(|h| h.year == y)
            .map_or(0.0, |h| h.annual_purchase)
    };
    let dropped = ws
        .customers
        .iter()
        .filter(|c| year(c, 2025) < 0.7 * year(c, 2024))
        .count();
    assert_eq!(counts.retention, dropped);
    assert!((10..=35).contains(&counts.retention));
    assert_eq!(counts.entry, 12, "the 12 prospects with a wallet");
    assert!(counts.growth > 0 && counts.any >= counts.growth.max(counts.retention));
    let by_tier = count_curses_by_tier(
        s,
        &ws.customers,
        &ws.tiering.assign_all(&ws.customers),
        5,
        this_year,
    );
    assert_eq!(by_tier[4].entry, 12, "prospects are general customers");
    assert_eq!(by_tier.iter().map(|t| t.any).sum::<usize>(), counts.any);
}

fn arb_customer() -> impl Strategy<Value = Customer> {
    let purchase = prop_oneof![Just(0.0), 0.0..2e7, Just(1e7)];
    let history = prop::collection::vec((2021..2026i32, purchase.clone()), 0..5);
    let over = prop::option::of(prop_oneof![
        Just("strategic"),
        Just("general"),
        Just("potential"),
        Just("vip")
    ]);
    let flags = (any::<bool>(), any::<bool>(), prop::option::of(1..10u32));
    let line = prop::option::of(prop_oneof![Just(""), Just("电力")]);
    (
        purchase,
        history,
        over,
        flags,
        line,
        prop::option::of(0.0..3e7),
    )
        .prop_map(
            |(p, history, over, (named, repeat, rank), line, wallet)| Customer {
                name: format!("{p}"),
                annual_purchase: p,
                revenue: p * 0.9,
                wallet,
                industry_rank: rank,
                on_named_list: named,
                repeat_purchase: repeat,
                industry_line: line.map(String::from),
                history: history
                    .into_iter()
                    .map(|(year, annual_purchase)| YearPurchase {
                        year,
                        annual_purchase,
                    })
                    .collect(),
                tier_override: over.map(|t| TierOverride {
                    tier: t.into(),
                    reason: String::new(),
                }),
                ..Customer::default()
            },
        )
}

fn arb_config() -> impl Strategy<Value = TieringConfig> {
    (0..3usize, 1..=5usize).prop_map(|(mode, n)| {
        let mut cfg = TieringConfig::default();
        cfg.tiers.truncate(n);
        cfg.mode = if mode == 0 { Mode::Rules } else { Mode::Score };
        if mode == 2 {
            cfg.score.assign_by = ScoreAssign::TargetShares;
        }
        cfg
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_customer_gets_one_tier_and_analysis_stays_in_range(
        cfg in arb_config(),
        cs in prop::collection::vec(arb_customer(), 0..40),
    ) {
        let n = cs.len();
        let tiers = cfg.tiers.len();
        let a = cfg.assign_all(&cs);
        prop_assert_eq!(a.len(), n);
        prop_assert!(a.iter().all(|a| a.as_ref().is_some_and(|a| a.tier < tiers)));
        let stats = distribution(&cfg, &cs, &a);
        prop_assert_eq!(stats.iter().map(|s| s.count).sum::<usize>(), n);
        for d in diagnose(&cfg, &cs, &a) {
            match d {
                Diagnostic::TiersNotDistinct { upper, lower, .. } => {
                    prop_assert!(upper + 1 == lower && lower < tiers)
                }
                Diagnostic::EmptyTier { tier } => prop_assert!(tier < tiers),
                Diagnostic::OverrideConflict { customer, override_tier, rule_tier, ranks_apart } => {
                    prop_assert!(customer < n && override_tier < tiers && rule_tier < tiers);
                    prop_assert!(ranks_apart >= cfg.diagnostics.override_conflict_ranks);
                }
                Diagnostic::DependencyRisk { customer, .. } => prop_assert!(customer < n),
                Diagnostic::TopTooThin { count_share_pct, .. } => {
                    prop_assert!((0.0..=100.0).contains(&count_share_pct))
                }
                Diagnostic::Omitted { count, .. } => prop_assert!(count > 0),
            }
        }
        let ys = years(&cs);
        if let (Some(&first), Some(&last)) = (ys.first(), ys.last()) {
            let m = migration(&cfg, &cs, first, last);
            prop_assert_eq!(m.matrix.iter().flatten().sum::<usize>(), n);
            prop_assert_eq!(m.upgraded.len() + m.downgraded.len() + m.stayed, n);
            let c = count_curses(&cfg.curses, &cs, last);
            prop_assert!(c.any <= n && c.entry + c.growth + c.retention >= c.any);
        }
    }
}

#[test]
fn curse_bits_match_the_counts_on_the_demo() {
    use kam_planner::domain::tiering::curses::{
        count_curses, curse_bits, ENTRY_BIT, GROWTH_BIT, RETENTION_BIT,
    };
    let ws = kam_planner::domain::demo::build("d", 0, kam_planner::domain::demo::DemoLocale::Zh);
    let bits = curse_bits(&ws.tiering.curses, &ws.customers, 2025);
    let counts = count_curses(&ws.tiering.curses, &ws.customers, 2025);
    let n = |bit: u8| bits.iter().filter(|b| *b & bit != 0).count();
    assert_eq!(
        (n(ENTRY_BIT), n(GROWTH_BIT), n(RETENTION_BIT)),
        (counts.entry, counts.growth, counts.retention)
    );
    assert_eq!(
        (counts.entry, counts.growth, counts.retention),
        (12, 66, 20)
    );
    assert_eq!(bits.iter().filter(|b| **b != 0).count(), counts.any);
}

//! Tool 7 — talent sources and the hiring plan: shares, the largest-remainder split, the
//! month-by-month capacity curve on hand-computed cases (lead time, ramp-up, hiring pace), the
//! month the gap closes or not within 24 months.

use kam_planner::domain::org::plan::{
    largest_gap, month_label, plan_role, productivity, GapClose, Hire, RolePlan, HORIZON_MONTHS,
};
use kam_planner::domain::org::talent::{
    check_sources, split_largest_remainder, RoleTalent, Source, Talent, TalentError,
};
use kam_planner::domain::org::{AD, AR, BUILT_IN_ROLES, FR, SR};
use proptest::prelude::*;

fn source(id: &str, share: f64, lead: u32, ramp: u32) -> Source {
    Source {
        id: id.to_string(),
        name_zh: id.to_string(),
        name_en: id.to_string(),
        share_pct: share,
        lead_time_months: lead,
        ramp_up_months: ramp,
        ..Source::default()
    }
}

fn role(sources: Vec<Source>) -> RoleTalent {
    RoleTalent {
        id: "t-sr".to_string(),
        role: SR.to_string(),
        sources,
        ..RoleTalent::default()
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn productivity_rises_linearly_from_arrival() {
    // Arrival in month 2, 4 months of ramp-up: 0, 0, ¼, ½, ¾, 1, 1.
    let curve: Vec<f64> = (0..7).map(|m| productivity(m, 2, 4)).collect();
    assert_eq!(curve, [0.0, 0.0, 0.25, 0.5, 0.75, 1.0, 1.0]);
    // No ramp-up: fully productive on arrival.
    assert_eq!(productivity(2, 2, 0), 1.0);
    assert_eq!(productivity(1, 2, 0), 0.0);
}

#[test]
fn capacity_curve_on_a_hand_computed_case() {
    // Demand 2.5 FTE, 1.0 there: gap 1.5 → 2 hires from one source, lead time 2, ramp-up 3.
    let talent = role(vec![source("rd", 100.0, 2, 3)]);
    let plan = plan_role(SR, Some(&talent), 2.5, 1.0, 0).expect("valid");
    assert!(close(plan.gap_fte, 1.5));
    assert_eq!(plan.hires_needed, 2);
    let hire = Hire {
        source: "rd".to_string(),
        start: 0,
        arrival: 2,
        ramp_up_months: 3,
        full_from: 4,
    };
    assert_eq!(plan.hires, [hire.clone(), hire]);
    // Months 0–4: 1, 1, 1 + 2·⅓, 1 + 2·⅔, 1 + 2 = 3.
    let capacity: Vec<f64> = plan.months.iter().take(5).map(|m| m.capacity).collect();
    let expected = [1.0, 1.0, 1.0 + 2.0 / 3.0, 1.0 + 4.0 / 3.0, 3.0];
    assert!(
        capacity.iter().zip(expected).all(|(a, b)| close(*a, b)),
        "{capacity:?}"
    );
    let arrived: Vec<u32> = plan.months.iter().take(3).map(|m| m.arrived).collect();
    assert_eq!(arrived, [0, 0, 2]);
    assert_eq!(plan.months.len(), HORIZON_MONTHS as usize);
    assert!(plan
        .months
        .iter()
        .all(|m| m.demand == 2.5 && m.existing == 1.0));
    // 2.333 < 2.5 in month 3; 3 ≥ 2.5 in month 4.
    assert_eq!(plan.closes, GapClose::InMonth(4));
}

#[test]
fn a_hiring_pace_staggers_the_starts() {
    // Gap 3 → 3 hires split 50/50: quotas 1.5 and 1.5, the leftover to the earlier source: A 2,
    // B 1, started in the order A, B, A. A: lead 1, ramp 2; B: lead 3, no ramp-up.
    let talent = role(vec![source("a", 50.0, 1, 2), source("b", 50.0, 3, 0)]);
    let plan = plan_role(SR, Some(&talent), 3.0, 0.0, 1).expect("valid");
    let hires: Vec<(&str, u32, u32)> = plan
        .hires
        .iter()
        .map(|h| (h.source.as_str(), h.start, h.arrival))
        .collect();
    assert_eq!(hires, [("a", 0, 1), ("b", 1, 4), ("a", 2, 3)]);
    let intake: Vec<(u32, bool)> = plan
        .intake
        .iter()
        .map(|i| (i.hires, i.got_remainder))
        .collect();
    assert_eq!(intake, [(2, true), (1, false)]);
    // Month 1: ½; 2: 1; 3: 1 + ½; 4: 1 + 1 + 1 = 3 → closes in month 4.
    let capacity: Vec<f64> = plan.months.iter().take(5).map(|m| m.capacity).collect();
    assert_eq!(capacity, [0.0, 0.5, 1.0, 1.5, 3.0]);
    assert_eq!(plan.closes, GapClose::InMonth(4));
    // All at once: both A arrive in month 1, B in 3: 0, 1, 2, 3 → month 3.
    let at_once = plan_role(SR, Some(&talent), 3.0, 0.0, 0).expect("valid");
    assert_eq!(at_once.closes, GapClose::InMonth(3));
}

#[test]
fn a_gap_that_does_not_close_within_24_months() {
    // One campus hire, lead 6, ramp-up 24: in month 23 it gives (23 − 6 + 1) / 24 = ¾.
    let talent = role(vec![source("campus", 100.0, 6, 24)]);
    let plan = plan_role(SR, Some(&talent), 1.0, 0.0, 0).expect("valid");
    assert_eq!(
        plan.closes,
        GapClose::NotWithin {
            months: 24,
            short_fte: 0.25
        }
    );
    // A slow pace keeps a fast source from closing in time: 30 hires at 1 a month.
    let fast = role(vec![source("fast", 100.0, 0, 0)]);
    let slow = plan_role(SR, Some(&fast), 30.0, 0.0, 1).expect("valid");
    assert!(matches!(slow.closes, GapClose::NotWithin { short_fte, .. } if close(short_fte, 6.0)));
    // No gap: nothing to hire.
    let none = plan_role(SR, Some(&talent), 2.0, 2.5, 0).expect("valid");
    assert_eq!((none.hires_needed, none.closes), (0, GapClose::NoGap));
    assert!(none.hires.is_empty());
}

#[test]
fn shares_must_sum_to_100() {
    let talent = role(vec![source("a", 50.0, 1, 1), source("b", 40.0, 1, 1)]);
    let err = TalentError::SharesNot100 {
        role: SR.to_string(),
        sum: 90.0,
    };
    assert_eq!(check_sources(&talent), Err(err.clone()));
    // Refused even when no one has to be hired: the data is wrong either way.
    assert_eq!(plan_role(SR, Some(&talent), 1.0, 5.0, 0), Err(err));
    let thirds = role(vec![
        source("a", 33.33, 1, 1),
        source("b", 33.33, 1, 1),
        source("c", 33.33, 1, 1),
    ]);
    assert_eq!(check_sources(&thirds), Ok(()));
    let negative = role(vec![source("a", 110.0, 1, 1), source("b", -10.0, 1, 1)]);
    let invalid = TalentError::InvalidShare {
        role: SR.to_string(),
        source_id: "b".to_string(),
        share: -10.0,
    };
    assert_eq!(check_sources(&negative), Err(invalid));
    // People needed but nowhere to find them.
    let empty = role(vec![]);
    let no_sources = TalentError::NoSources {
        role: SR.to_string(),
    };
    assert_eq!(
        plan_role(SR, Some(&empty), 2.0, 1.0, 0),
        Err(no_sources.clone())
    );
    assert_eq!(plan_role(SR, None, 2.0, 1.0, 0), Err(no_sources));
    assert!(plan_role(SR, None, 1.0, 1.0, 0).is_ok());
}

#[test]
fn largest_remainder_split_on_known_cases() {
    let units = |total, shares: &[f64]| -> Vec<u32> {
        split_largest_remainder(total, shares)
            .iter()
            .map(|p| p.units)
            .collect()
    };
    // 4 × 50/30/20 = 2, 1.2, 0.8 → 2, 1, 0 and the leftover to 0.8.
    assert_eq!(units(4, &[50.0, 30.0, 20.0]), [2, 1, 1]);
    assert_eq!(units(1, &[50.0, 30.0, 20.0]), [1, 0, 0]);
    assert_eq!(units(10, &[33.3, 33.3, 33.4]), [3, 3, 4]);
    assert_eq!(units(1, &[50.0, 50.0]), [1, 0]);
    assert_eq!(units(5, &[0.0, 100.0]), [0, 5]);
    assert_eq!(units(3, &[0.0, 0.0]), [0, 0]);
    assert_eq!(units(0, &[60.0, 40.0]), [0, 0]);
}

#[test]
fn default_sources_sum_to_100_for_every_role() {
    let talent = Talent::default();
    let roles: Vec<&str> = talent.roles.iter().map(|r| r.role.as_str()).collect();
    assert_eq!(roles, BUILT_IN_ROLES);
    for r in &talent.roles {
        assert_eq!(check_sources(r), Ok(()), "{}", r.role);
        assert!(
            !r.ladder.is_empty() && r.enablement.len() == 3,
            "{}",
            r.role
        );
        for s in &r.sources {
            assert!(!s.name_zh.is_empty() && !s.name_en.is_empty());
        }
    }
    let names = |role: &str| -> Vec<String> {
        let r = talent.role(role).expect("role");
        r.sources.iter().map(|s| s.name_zh.clone()).collect()
    };
    assert_eq!(names(SR), ["研发转岗", "社招", "校招"]);
    assert_eq!(names(FR), ["交付/服务转岗", "社招", "校招"]);
    assert_eq!(names(AR), ["社招", "校招", "交付/服务转岗"]);
    assert_eq!(names(AD), ["内部晋升", "社招"]);
    let measures: Vec<&str> = talent.roles[0]
        .enablement
        .iter()
        .map(|e| e.name_zh.as_str())
        .collect();
    assert_eq!(measures, ["训战结合", "之字形轮岗", "导师制"]);
}

#[test]
fn month_labels_count_from_the_start() {
    assert_eq!(month_label("2026-02", 0).as_deref(), Some("2026-02"));
    assert_eq!(month_label("2026-02", 12).as_deref(), Some("2027-02"));
    assert_eq!(month_label("2026-12", 1).as_deref(), Some("2027-01"));
    assert_eq!(month_label("2026-13", 0), None);
    assert_eq!(month_label("2026-2", 0), None);
    assert_eq!(month_label("soon", 0), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// The split always hands out exactly the total, each part within one of its quota.
    #[test]
    fn largest_remainder_always_sums_to_the_total(
        total in 0u32..500,
        shares in prop::collection::vec(0.0f64..100.0, 1..8),
    ) {
        prop_assume!(shares.iter().sum::<f64>() > 0.0);
        let parts = split_largest_remainder(total, &shares);
        prop_assert_eq!(parts.iter().map(|p| p.units).sum::<u32>(), total);
        for p in &parts {
            prop_assert!((f64::from(p.units) - p.quota).abs() < 1.0 + 1e-9);
        }
    }

    /// Capacity never falls, never exceeds existing + hires, and the gap closes in the first
    /// month capacity reaches demand.
    #[test]
    fn the_capacity_curve_rises_to_the_hires(
        demand in 0.0f64..30.0,
        existing in 0.0f64..10.0,
        leads in prop::collection::vec((0u32..30, 0u32..30), 1..4),
        pace in 0u32..4,
    ) {
        let n = leads.len() as f64;
        let sources: Vec<Source> = leads
            .iter()
            .enumerate()
            .map(|(i, &(lead, ramp))| source(&format!("s{i}"), 100.0 / n, lead, ramp))
            .collect();
        let talent = role(sources);
        let plan = plan_role(SR, Some(&talent), demand, existing, pace).expect("valid");
        let cap = existing + f64::from(plan.hires_needed);
        prop_assert!(cap + 1e-9 >= demand);
        for w in plan.months.windows(2) {
            prop_assert!(w[1].capacity + 1e-12 >= w[0].capacity);
        }
        prop_assert!(plan.months.iter().all(|m| m.capacity <= cap + 1e-9));
        let first = plan.months.iter().find(|m| m.capacity + 1e-6 >= demand).map(|m| m.month);
        match plan.closes {
            GapClose::NoGap => prop_assert!(demand - existing <= 1e-6),
            GapClose::InMonth(m) => prop_assert_eq!(Some(m), first),
            GapClose::NotWithin { .. } => prop_assert_eq!(first, None),
        }
    }
}

#[test]
fn the_plan_opens_on_the_role_with_the_largest_gap() {
    let talent = role(vec![source("rd", 100.0, 2, 3)]);
    let no_gap = plan_role(AD, Some(&talent), 1.0, 2.0, 0);
    let broken = plan_role(AR, Some(&role(vec![source("rd", 60.0, 2, 3)])), 3.0, 1.0, 0);
    let gap = plan_role(SR, Some(&talent), 2.5, 1.0, 0);
    let plans = vec![
        (AD.to_string(), no_gap.clone()),
        (AR.to_string(), broken),
        (SR.to_string(), gap),
    ];
    assert_eq!(largest_gap(&plans), Some(SR));
    // A later role with more hires to make wins; of equals, the first.
    let bigger = plan_role(FR, Some(&talent), 6.5, 1.0, 0);
    let hires = |p: &Result<RolePlan, TalentError>| p.as_ref().map_or(0, |p| p.hires_needed);
    let (small, big) = (plans[2].1.clone(), bigger.clone());
    assert!(hires(&big) > hires(&small) && hires(&small) > 0);
    let mut more = plans.clone();
    more.push((FR.to_string(), bigger));
    assert_eq!(largest_gap(&more), Some(FR));
    let mut equal = plans.clone();
    equal.push((FR.to_string(), small));
    assert_eq!(largest_gap(&equal), Some(SR));
    // No role with hires to make: none, the page opens on its first role.
    assert_eq!(largest_gap(&plans[..2]), None);
    assert_eq!(largest_gap(&[]), None);
    assert_eq!(largest_gap(&[(AD.to_string(), no_gap)]), None);
}

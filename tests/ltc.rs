//! LTC (SPEC §3.9): every formula on hand-computed cases — weighted pipeline, coverage with the
//! target met, zero or missing, derived targets, conversion from stage histories, win rates with
//! no closed deal, the forecast by quarter, each ageing bucket's edges, DSO, milestone due rules
//! across month ends and leap years — the KPI links, the edits, the load path's repairs, the
//! migration from version 5 and the demo's planted figures.

use std::collections::HashMap;
use std::rc::Rc;

use kam_planner::domain::dates::{add_months, day_number, iso_from_days};
use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::edit::{apply, Edit, EditError};
use kam_planner::domain::kpi::defaults::{team_card_id, CASH, ORDERS, PIPELINE_COVERAGE, WIN_RATE};
use kam_planner::domain::ltc::calc::{
    column_totals, cover, coverage, coverage_of, forecast, funnel, is_aged, rate, target_for,
    weighted, weighted_pipeline, win_rate_of, win_rates, Coverage, Ctx,
};
use kam_planner::domain::ltc::cash::{
    bucket, collected_by_month, days_overdue, due, receivables, retention_due, Due,
};
use kam_planner::domain::ltc::kpi_link::linked_actuals;
use kam_planner::domain::ltc::{
    check, default_milestones, Contract, DueBase, DueRule, Forecast, Ltc, LtcRefusal, Milestone,
    MilestoneKind, Opportunity, Scope, StageChange, StageKind, Target,
};
use kam_planner::domain::org::TriangleType;
use kam_planner::domain::workspace::{Customer, Workspace};
use kam_planner::persist::envelope::{load, to_json};
use kam_planner::persist::validate::{LtcFix, Repair};

const NOW: i64 = 1_768_435_200_000;

fn d(iso: &str) -> i64 {
    day_number(iso).unwrap_or_else(|| panic!("{iso} is a date"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn opp(id: &str, account: &str, stage: &str, amount: f64, close_date: &str) -> Opportunity {
    Opportunity {
        id: id.into(),
        account: account.into(),
        name: id.into(),
        stage: stage.into(),
        amount,
        close_date: close_date.into(),
        stage_entered: close_date.into(),
        history: vec![StageChange {
            stage: stage.into(),
            date: close_date.into(),
        }],
        ..Opportunity::default()
    }
}

fn target(scope: Scope, key: &str, orders: Option<f64>) -> Target {
    Target {
        id: Target::id_of(2026, scope, key),
        year: 2026,
        scope,
        key: key.into(),
        orders,
        collections: None,
        updated_at: 0,
    }
}

fn doc(opps: Vec<Opportunity>, targets: Vec<Target>) -> Ltc {
    Ltc {
        opportunities: opps.into_iter().map(Rc::new).collect(),
        targets,
        ..Ltc::default()
    }
}

fn tiers(pairs: &[(&str, &str)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(a, t)| (a.to_string(), t.to_string()))
        .collect()
}

#[test]
fn weighted_amounts_follow_the_stage_probabilities_and_closed_deals_weigh_nothing() {
    let ltc = doc(
        vec![
            opp("o1", "a", "lead", 1_000_000.0, "2026-03-01"), // 5 % → 50,000
            opp("o2", "a", "shaping", 2_000_000.0, "2026-03-01"), // 25 % → 500,000
            opp("o3", "a", "negotiation", 400_000.0, "2026-03-01"), // 75 % → 300,000
            opp("o4", "a", "won", 9_000_000.0, "2026-01-02"),
            opp("o5", "a", "lost", 9_000_000.0, "2026-01-02"),
        ],
        vec![],
    );
    assert!(close(weighted(&ltc, &ltc.opportunities[1]), 500_000.0));
    assert!(close(weighted(&ltc, &ltc.opportunities[3]), 0.0));
    assert!(close(weighted_pipeline(&ltc), 850_000.0));
    let cols = column_totals(
        &ltc,
        ltc.opportunities.iter().map(|o| &**o),
        d("2026-03-01"),
    );
    assert_eq!(cols.len(), 7);
    assert_eq!((cols[0].count, cols[0].amount), (1, 1_000_000.0));
    assert!(close(cols[2].weighted, 500_000.0));
    assert_eq!((cols[5].count, cols[5].weighted), (1, 0.0));
    // Omitted from the forecast: not in the weighted pipeline.
    let mut omitted = (*ltc.opportunities[1]).clone();
    omitted.forecast = Forecast::Omitted;
    let mut ltc = ltc;
    ltc.opportunities[1] = Rc::new(omitted);
    assert!(close(weighted_pipeline(&ltc), 350_000.0));
}

#[test]
fn ageing_is_days_in_stage_over_the_threshold_for_open_stages_only() {
    // Lead's threshold is 30 days.
    let mut o = opp("o1", "a", "lead", 1.0, "2026-01-01");
    o.stage_entered = "2026-01-01".into();
    let ltc = doc(vec![o.clone()], vec![]);
    assert!(
        !is_aged(&ltc, &o, d("2026-01-31")),
        "30 days is not over 30"
    );
    assert!(is_aged(&ltc, &o, d("2026-02-01")), "31 days is");
    let won = opp("o2", "a", "won", 1.0, "2025-01-01");
    assert!(
        !is_aged(&ltc, &won, d("2026-02-01")),
        "closed deals do not age"
    );
}

#[test]
fn coverage_is_open_weighted_over_what_is_left_of_the_target() {
    assert_eq!(
        cover(Some(9_000_000.0), 1_000_000.0, 16_000_000.0),
        Coverage::Ratio(2.0)
    );
    assert_eq!(
        cover(Some(1_000_000.0), 1_000_000.0, 5.0),
        Coverage::TargetMet
    );
    assert_eq!(
        cover(Some(1_000_000.0), 2_000_000.0, 5.0),
        Coverage::TargetMet
    );
    assert_eq!(cover(Some(0.0), 0.0, 5.0), Coverage::NoTarget);
    assert_eq!(cover(None, 0.0, 5.0), Coverage::NoTarget);

    // Two accounts of tier T: targets 1 M and 3 M (the tier's is their sum, derived); a won
    // deal of 0.5 M on a1 this year; open: a1 bid 2 M (50 % → 1 M), a2 negotiation 4 M (75 % →
    // 3 M), a2 lead closing next year (not counted), a2 lost.
    let ltc = doc(
        vec![
            opp("w", "a1", "won", 500_000.0, "2026-01-10"),
            opp("b", "a1", "bid", 2_000_000.0, "2026-06-30"),
            opp("n", "a2", "negotiation", 4_000_000.0, "2026-09-30"),
            opp("l", "a2", "lead", 8_000_000.0, "2027-02-01"),
            opp("x", "a2", "lost", 1_000_000.0, "2026-01-05"),
        ],
        vec![
            target(Scope::Account, "a1", Some(1_000_000.0)),
            target(Scope::Account, "a2", Some(3_000_000.0)),
        ],
    );
    let t = tiers(&[("a1", "T"), ("a2", "T")]);
    let ctx = Ctx::new(&ltc, 2026, d("2026-01-15"), &t);
    let by_account = coverage(&ctx, Scope::Account);
    assert_eq!(by_account.len(), 2);
    // a1: 1 M ÷ (1 M − 0.5 M) = 2.0 → flagged under 3×.
    assert_eq!(by_account[0].coverage, Coverage::Ratio(2.0));
    assert!(by_account[0].flagged);
    // a2: 3 M ÷ 3 M = 1.0.
    assert_eq!(by_account[1].coverage, Coverage::Ratio(1.0));
    let by_tier = coverage(&ctx, Scope::Tier);
    assert_eq!(by_tier.len(), 1);
    assert_eq!(by_tier[0].target, Some(4_000_000.0));
    assert!(by_tier[0].derived);
    // (1 M + 3 M) ÷ (4 M − 0.5 M) = 1.142857…
    assert!(matches!(by_tier[0].coverage, Coverage::Ratio(r) if close(r, 4.0 / 3.5)));
    assert_eq!(by_tier[0].open, 2);
    // A tier target set explicitly wins over the sum.
    let mut ltc2 = ltc.clone();
    ltc2.targets
        .push(target(Scope::Tier, "T", Some(1_500_000.0)));
    let ctx2 = Ctx::new(&ltc2, 2026, d("2026-01-15"), &t);
    let row = &coverage(&ctx2, Scope::Tier)[0];
    assert_eq!((row.target, row.derived), (Some(1_500_000.0), false));
    assert_eq!(row.coverage, Coverage::Ratio(4.0));
    assert!(!row.flagged);
    // The company: no target set → the sum of the account targets.
    assert_eq!(
        target_for(&ctx, Scope::Company, "", |t| t.orders),
        (Some(4_000_000.0), true)
    );
    // A key with no target at all says so.
    let ltc3 = doc(vec![opp("b", "a9", "bid", 1.0, "2026-06-30")], vec![]);
    let ctx3 = Ctx::new(&ltc3, 2026, d("2026-01-15"), &t);
    assert_eq!(
        coverage(&ctx3, Scope::Account)[0].coverage,
        Coverage::NoTarget
    );
}

#[test]
fn conversion_comes_from_the_recorded_histories() {
    let hist = |stages: &[&str]| -> Vec<StageChange> {
        stages
            .iter()
            .enumerate()
            .map(|(i, s)| StageChange {
                stage: s.to_string(),
                date: iso_from_days(d("2025-01-01") + i as i64 * 10),
            })
            .collect()
    };
    let mk = |id: &str, stage: &str, h: &[&str]| Opportunity {
        history: hist(h),
        ..opp(id, "a", stage, 1.0, "2025-06-01")
    };
    let ltc = doc(
        vec![
            // Through every stage to won.
            mk(
                "1",
                "won",
                &["lead", "validated", "shaping", "bid", "negotiation", "won"],
            ),
            // Entered at the bid: counts as having passed lead … shaping.
            mk("2", "bid", &["bid"]),
            // Lost after shaping: reached shaping.
            mk("3", "lost", &["lead", "validated", "shaping", "lost"]),
            // Still a lead.
            mk("4", "lead", &["lead"]),
        ],
        vec![],
    );
    let f = funnel(&ltc);
    let reached: Vec<usize> = f.iter().map(|s| s.reached).collect();
    assert_eq!(reached, vec![4, 3, 3, 2, 1, 1]);
    assert_eq!(f[0].stage, "lead");
    assert!(f[0].conversion_pct.is_some_and(|p| close(p, 75.0)));
    assert!(f[2].conversion_pct.is_some_and(|p| close(p, 200.0 / 3.0)));
    assert!(f[3].conversion_pct.is_some_and(|p| close(p, 50.0)));
    assert_eq!(f[5].conversion_pct, None, "won is the last step");
    assert_eq!(
        funnel(&Ltc::default())[0].conversion_pct,
        None,
        "none reached"
    );
}

#[test]
fn win_rate_is_won_over_closed_and_none_without_closed_deals() {
    assert_eq!(rate(0, 0), None);
    assert_eq!(rate(3, 1), Some(75.0));
    let mut o1 = opp("1", "a1", "won", 1.0, "2026-01-03");
    o1.owner = Some("p1".into());
    let mut o2 = opp("2", "a1", "lost", 1.0, "2026-01-04");
    o2.owner = Some("p1".into());
    let mut o3 = opp("3", "a2", "won", 1.0, "2025-12-30"); // closed last year
    o3.owner = Some("p2".into());
    let mut o4 = opp("4", "a2", "bid", 1.0, "2026-05-01"); // open
    o4.owner = Some("p2".into());
    let ltc = doc(vec![o1, o2, o3, o4], vec![]);
    let t = tiers(&[("a1", "S"), ("a2", "V")]);
    let ctx = Ctx::new(&ltc, 2026, d("2026-01-15"), &t);
    let by_owner = win_rates(&ctx, Scope::Owner);
    assert_eq!(by_owner.len(), 1, "p2 closed nothing this year");
    assert_eq!((by_owner[0].won, by_owner[0].lost), (1, 1));
    assert_eq!(by_owner[0].rate_pct, Some(50.0));
    assert!(win_rates(&ctx, Scope::Line).is_empty());
}

#[test]
fn the_forecast_counts_won_commit_and_weighted_best_case_per_quarter() {
    let mut commit = opp("c", "a", "negotiation", 1_000_000.0, "2026-05-20");
    commit.forecast = Forecast::Commit;
    let mut best = opp("b", "a", "bid", 2_000_000.0, "2026-08-01");
    best.forecast = Forecast::BestCase;
    let mut late = opp("l", "a", "bid", 4_000_000.0, "2025-12-01"); // overdue: counts in today's quarter
    late.forecast = Forecast::BestCase;
    let pipe = opp("p", "a", "shaping", 8_000_000.0, "2026-04-01"); // pipeline: not in the forecast
    let won = opp("w", "a", "won", 300_000.0, "2026-02-10");
    let ltc = doc(
        vec![commit, best, late, pipe, won],
        vec![target(Scope::Company, "", Some(10_000_000.0))],
    );
    let t = HashMap::new();
    let q = forecast(&Ctx::new(&ltc, 2026, d("2026-03-01"), &t));
    assert!(close(q[0].won, 300_000.0));
    assert!(close(q[0].best_case, 2_000_000.0), "the overdue bid, 50 %");
    assert!(close(q[1].commit, 1_000_000.0));
    assert!(close(q[2].best_case, 1_000_000.0));
    assert!(close(q[3].total(), 0.0));
    assert_eq!(q[0].target, Some(2_500_000.0));
    assert!(close(q[0].total(), 2_300_000.0));
}

fn contract(signed: &str, delivered: &str, accepted: &str, value: f64) -> Contract {
    Contract {
        id: "k".into(),
        account: "a".into(),
        signed: signed.into(),
        delivered: delivered.into(),
        accepted: accepted.into(),
        value,
        milestones: default_milestones(),
        ..Contract::default()
    }
}

#[test]
fn milestone_due_dates_follow_their_rules_across_month_ends_and_leap_years() {
    assert_eq!(add_months(d("2024-01-31"), 1), d("2024-02-29"));
    assert_eq!(add_months(d("2023-01-31"), 1), d("2023-02-28"));
    assert_eq!(add_months(d("2024-02-29"), 12), d("2025-02-28"));
    assert_eq!(add_months(d("2024-02-29"), 48), d("2028-02-29"));
    assert_eq!(add_months(d("2025-11-30"), 3), d("2026-02-28"));
    let c = contract("2024-01-31", "2024-02-10", "2024-02-29", 1_000_000.0);
    // Advance: 30 days after signing, across February of a leap year.
    assert_eq!(due(&c, &c.milestones[0]), Due::Day(d("2024-03-01")));
    assert_eq!(due(&c, &c.milestones[1]), Due::Day(d("2024-03-11")));
    assert_eq!(due(&c, &c.milestones[2]), Due::Day(d("2024-03-30")));
    // Retention: 12 months after acceptance on 29 February → 28 February.
    assert_eq!(due(&c, &c.milestones[3]), Due::Day(d("2025-02-28")));
    // Months and days together: months first.
    let mut m = c.milestones[3].clone();
    m.due.days = 1;
    assert_eq!(due(&c, &m), Due::Day(d("2025-03-01")));
    // Not accepted yet: waiting.
    let open = contract("2024-01-31", "", "", 1.0);
    assert_eq!(
        due(&open, &open.milestones[2]),
        Due::Waiting(DueBase::Acceptance)
    );
    assert_eq!(
        due(&open, &open.milestones[1]),
        Due::Waiting(DueBase::Delivery)
    );
    // A fixed date.
    let fixed = Milestone {
        due: DueRule {
            base: DueBase::Date,
            date: "2026-12-31".into(),
            days: 99,
            months: 0,
        },
        ..Milestone::default()
    };
    assert_eq!(due(&open, &fixed), Due::Day(d("2026-12-31")));
}

#[test]
fn overdue_amounts_fall_in_their_buckets_at_the_edges() {
    for (days, b) in [
        (1, 0),
        (30, 0),
        (31, 1),
        (90, 1),
        (91, 2),
        (180, 2),
        (181, 3),
        (900, 3),
    ] {
        assert_eq!(bucket(days), b, "{days} days");
    }
    // Advance 30 % of 1 M due 2026-01-31 (signed 2026-01-01), nothing collected.
    let c = contract("2026-01-01", "", "", 1_000_000.0);
    let m = &c.milestones[0];
    assert_eq!(
        days_overdue(&c, m, d("2026-01-31")),
        None,
        "due today is not overdue"
    );
    assert_eq!(days_overdue(&c, m, d("2026-03-02")), Some(30));
    let r = receivables([&c], d("2026-03-02"));
    assert_eq!(r.ageing.counts, [1, 0, 0, 0]);
    assert!(close(r.ageing.amounts[0], 300_000.0));
    let r = receivables([&c], d("2026-03-03"));
    assert_eq!(r.ageing.counts, [0, 1, 0, 0], "31 days");
    // Collected in part: only the rest is overdue; in full: nothing.
    let mut part = c.clone();
    part.milestones[0].collected = 100_000.0;
    let r = receivables([&part], d("2026-08-31"));
    assert_eq!(r.ageing.counts, [0, 0, 0, 1], "212 days");
    assert!(close(r.ageing.total(), 200_000.0));
    assert_eq!(
        r.overdue_by_account,
        vec![("a".to_string(), 200_000.0, 212)]
    );
    part.milestones[0].collected = 300_000.0;
    assert_eq!(receivables([&part], d("2026-08-31")).ageing.total(), 0.0);
}

#[test]
fn receivables_and_dso_come_from_invoices_and_collections() {
    let mut c = contract("2025-06-01", "2025-07-01", "", 1_000_000.0);
    // Advance invoiced and collected; delivery payment invoiced, half collected.
    c.milestones[0].invoiced = 300_000.0;
    c.milestones[0].invoiced_date = "2025-06-20".into();
    c.milestones[0].collected = 300_000.0;
    c.milestones[0].collected_date = "2025-07-10".into();
    c.milestones[1].invoiced = 300_000.0;
    c.milestones[1].invoiced_date = "2025-07-20".into();
    c.milestones[1].collected = 150_000.0;
    c.milestones[1].collected_date = "2026-01-10".into();
    let r = receivables([&c], d("2026-01-15"));
    assert!(close(r.receivable, 150_000.0));
    assert!(close(r.invoiced_year, 600_000.0));
    // 150,000 ÷ 600,000 × 365 = 91.25 days.
    assert!(r.dso.is_some_and(|v| close(v, 91.25)));
    // Nothing invoiced in the last 365 days: no DSO.
    assert_eq!(receivables([&c], d("2027-06-01")).dso, None);
    let months = collected_by_month([&c], 2026);
    assert!(close(months[0], 150_000.0));
    assert!(close(months.iter().sum::<f64>(), 150_000.0));
}

#[test]
fn retention_due_lists_what_falls_due_within_the_window() {
    let soon = contract("2024-10-01", "2024-12-01", "2025-02-20", 1_000_000.0);
    let later = Contract {
        id: "k2".into(),
        ..contract("2024-10-01", "2024-12-01", "2025-06-30", 1_000_000.0)
    };
    let due = retention_due([&soon, &later], d("2026-01-15"), 90);
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].day, d("2026-02-20"));
    assert_eq!(due[0].milestone, 3);
    assert!(close(due[0].outstanding, 100_000.0));
}

fn ws_with(ltc: Ltc) -> Workspace {
    let mut ws = Workspace::empty("w", "W", NOW);
    ws.meta.today = "2026-01-15".into();
    ws.customers = ["a", "a1", "a2"]
        .iter()
        .map(|id| {
            Rc::new(Customer {
                id: id.to_string(),
                name: format!("客户 {id}"),
                ..Customer::default()
            })
        })
        .collect();
    ws.ltc = ltc;
    ws
}

#[test]
fn a_stage_move_records_its_date_and_is_one_edit() {
    let ws = ws_with(doc(vec![opp("o1", "a", "bid", 1.0, "2026-03-01")], vec![]));
    let next = apply(
        &ws,
        &Edit::MoveOpportunity {
            id: "o1".into(),
            stage: "won".into(),
            date: "2026-01-15".into(),
        },
        NOW + 5,
    )
    .ok()
    .flatten()
    .expect("the move applies");
    let o = &next.ltc.opportunities[0];
    assert_eq!(o.stage, "won");
    assert_eq!(o.stage_entered, "2026-01-15");
    assert_eq!(
        o.close_date, "2026-01-15",
        "a won deal closes on the day it is won"
    );
    assert_eq!(o.history.last().map(|h| h.stage.as_str()), Some("won"));
    assert_eq!(o.updated_at, NOW + 5);
    // Unknown stage, unknown opportunity, bad date: refused; the same stage: nothing.
    let bad = |stage: &str, id: &str, date: &str| {
        apply(
            &ws,
            &Edit::MoveOpportunity {
                id: id.into(),
                stage: stage.into(),
                date: date.into(),
            },
            NOW,
        )
    };
    assert_eq!(
        bad("nope", "o1", "2026-01-15"),
        Err(EditError::Unknown("nope".into()))
    );
    assert_eq!(
        bad("won", "o9", "2026-01-15"),
        Err(EditError::Unknown("o9".into()))
    );
    assert_eq!(
        bad("won", "o1", "2026-02-30"),
        Err(EditError::BadDate("2026-02-30".into()))
    );
    assert_eq!(bad("bid", "o1", "2026-01-15"), Ok(None));
}

#[test]
fn upserts_refuse_unknown_accounts_and_bad_numbers() {
    let ws = ws_with(Ltc::default());
    let o = opp("o1", "nobody", "lead", 1.0, "2026-03-01");
    assert_eq!(
        apply(&ws, &Edit::UpsertOpportunity(Box::new(o)), NOW),
        Err(EditError::Unknown("nobody".into()))
    );
    let neg = opp("o1", "a", "lead", -5.0, "2026-03-01");
    assert_eq!(
        apply(&ws, &Edit::UpsertOpportunity(Box::new(neg)), NOW),
        Err(EditError::Ltc(LtcRefusal::BadNumber { what: "o1".into() }))
    );
    let good = opp("o1", "a", "lead", 5.0, "2026-03-01");
    let next = apply(&ws, &Edit::UpsertOpportunity(Box::new(good.clone())), NOW)
        .ok()
        .flatten()
        .expect("added");
    assert_eq!(next.ltc.opportunities.len(), 1);
    assert_eq!(
        apply(&next, &Edit::UpsertOpportunity(Box::new(good)), NOW + 1),
        Ok(None),
        "the same content changes nothing"
    );
    let mut c = contract("2026-01-01", "", "", 10.0);
    c.milestones[0].collected = f64::NAN;
    assert!(matches!(
        apply(&ws, &Edit::UpsertContract(Box::new(c)), NOW),
        Err(EditError::Ltc(LtcRefusal::BadNumber { .. }))
    ));
    // The stages must keep their ends.
    let mut no_lost = Ltc::default();
    no_lost.stages.retain(|s| s.kind != StageKind::Lost);
    assert_eq!(check(&no_lost), Err(LtcRefusal::Stages));
}

#[test]
fn kpi_indicators_linked_to_ltc_take_its_figures() {
    // Accounts a1 (growth) and a2; targets 1 M and 3 M orders, 2 M collections on a1.
    let mut won = opp("w", "a1", "won", 500_000.0, "2026-01-10");
    won.owner = Some("p-ar01".into());
    let bid = opp("b", "a1", "bid", 2_000_000.0, "2026-06-30");
    let lost = opp("x", "a2", "lost", 1.0, "2026-01-05");
    let mut t1 = target(Scope::Account, "a1", Some(1_000_000.0));
    t1.collections = Some(2_000_000.0);
    let mut k = contract("2025-06-01", "", "", 1_000_000.0);
    k.account = "a1".into();
    k.milestones[0].collected = 400_000.0;
    k.milestones[0].collected_date = "2026-01-12".into();
    let mut ltc = doc(
        vec![won, bid, lost],
        vec![t1, target(Scope::Account, "a2", Some(3_000_000.0))],
    );
    ltc.contracts = vec![Rc::new(k)];
    let ws = ws_with(ltc);
    let linked = linked_actuals(&ws);
    // Company: booked 0.5 M ÷ 4 M = 12.5 %; collected 0.4 M ÷ 2 M = 20 %; coverage 1 M ÷ 3.5 M;
    // win rate 1 of 2.
    assert!(linked.team(ORDERS, None).is_some_and(|v| close(v, 12.5)));
    assert!(linked.team(CASH, None).is_some_and(|v| close(v, 20.0)));
    assert!(linked
        .team(PIPELINE_COVERAGE, None)
        .is_some_and(|v| close(v, 1.0 / 3.5)));
    assert!(linked.team(WIN_RATE, None).is_some_and(|v| close(v, 50.0)));
    // A team of a triangle type without accounts of its own falls back on the company.
    assert_eq!(
        linked.team(ORDERS, Some(TriangleType::Expansion)),
        linked.team(ORDERS, None)
    );

    // On the demo: the team cards' orders indicators are linked and take LTC's figure; winning a
    // deal raises it.
    let demo = demo::build("demo", NOW, DemoLocale::Zh);
    let card = demo
        .kpi
        .scorecard(&team_card_id(TriangleType::Growth))
        .expect("growth team card");
    let orders = card
        .indicators
        .iter()
        .find(|i| i.metric == ORDERS)
        .expect("orders indicator");
    assert!(orders.linked);
    let before = linked_actuals(&demo).team(ORDERS, Some(TriangleType::Growth));
    let open = demo
        .ltc
        .opportunities
        .iter()
        .find(|o| {
            demo.ltc.kind_of(o) == StageKind::Open
                && linked_actuals(&demo)
                    .team(ORDERS, Some(TriangleType::Growth))
                    .is_some()
                && demo
                    .customers
                    .iter()
                    .find(|c| c.id == o.account)
                    .is_some_and(|c| {
                        kam_planner::domain::org::triangle::triangle_of(&demo.org, c).triangle
                            == TriangleType::Growth
                    })
        })
        .expect("an open deal on a growth account")
        .id
        .clone();
    let next = apply(
        &demo,
        &Edit::MoveOpportunity {
            id: open,
            stage: "won".into(),
            date: "2026-01-15".into(),
        },
        NOW + 1,
    )
    .ok()
    .flatten()
    .expect("moved");
    let after = linked_actuals(&next).team(ORDERS, Some(TriangleType::Growth));
    assert!(
        matches!((before, after), (Some(b), Some(a)) if a > b),
        "{before:?} → {after:?}"
    );
}

#[test]
fn the_load_path_repairs_what_a_file_gets_wrong_and_says_so() {
    let mut ltc = doc(
        vec![
            opp("o1", "a", "ghost-stage", 1.0, "2026-03-01"),
            opp("o2", "nobody", "lead", 1.0, "2026-03-01"),
            opp("o3", "a", "lead", 1.0, "2026-13-45"),
        ],
        vec![target(Scope::Owner, "ghost-person", Some(1.0))],
    );
    let mut o4 = opp("o1", "a", "lead", -7.0, "2026-03-01"); // a second o1, negative
    o4.owner = Some("ghost-person".into());
    ltc.opportunities.push(Rc::new(o4));
    ltc.stages.retain(|s| s.kind != StageKind::Won);
    let ws = ws_with(ltc);
    let text = to_json(&ws, NOW);
    let loaded = load(&text).expect("the file loads");
    let l = &loaded.workspace.ltc;
    assert!(l.won_stage().is_some(), "a won stage is added back");
    assert_eq!(
        l.opportunities.len(),
        3,
        "the one on a missing account is removed"
    );
    assert_eq!(
        l.opportunities[0].stage, "lead",
        "an unknown stage becomes the first"
    );
    assert_eq!(l.opportunities[1].close_date, "", "a bad date is cleared");
    assert_ne!(l.opportunities[2].id, "o1", "a repeated id gets a new one");
    assert_eq!(l.opportunities[2].amount, 0.0);
    assert_eq!(l.opportunities[2].owner, None);
    assert!(
        l.targets.is_empty(),
        "a target of a missing person is removed"
    );
    let fixes: Vec<LtcFix> = loaded
        .repairs
        .iter()
        .filter_map(|r| match r {
            Repair::Ltc { fix, .. } => Some(*fix),
            _ => None,
        })
        .collect();
    for f in [
        LtcFix::Added,
        LtcFix::Removed,
        LtcFix::FirstStage,
        LtcFix::Cleared,
        LtcFix::Clamped,
    ] {
        assert!(fixes.contains(&f), "{f:?} reported in {fixes:?}");
    }
    assert!(check(l).is_ok());
}

#[test]
fn a_version_5_file_gets_the_default_stages_and_keeps_its_151_links() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/migrations/v5-to-v6.input.json"
    ))
    .expect("fixture");
    let envelope = format!(
        r#"{{"format":"kam-planner","schema_version":5,"app_version":"t","exported_at":0,"workspace":{text}}}"#
    );
    let loaded = load(&envelope).expect("loads");
    assert_eq!(loaded.from_version, 5);
    let ws = &loaded.workspace;
    assert_eq!(ws.ltc.stages.len(), 7);
    assert!(ws.ltc.opportunities.is_empty());
    let linked: Vec<bool> = ws.kpi.scorecards[0]
        .indicators
        .iter()
        .map(|i| i.linked)
        .collect();
    assert_eq!(linked, vec![false, true]);
}

#[test]
fn the_demo_plants_what_the_tool_is_there_to_find() {
    let ws = demo::build("demo", NOW, DemoLocale::Zh);
    let l = &ws.ltc;
    assert!(check(l).is_ok());
    assert_eq!(l.opportunities.len(), 60);
    assert_eq!(l.contracts.len(), 25);
    let today = d(&ws.meta.today);
    let counts: Vec<usize> = column_totals(l, l.opportunities.iter().map(|o| &**o), today)
        .iter()
        .map(|t| t.count)
        .collect();
    assert_eq!(counts, vec![9, 9, 8, 8, 6, 12, 8]);
    assert!(l
        .opportunities
        .iter()
        .filter(|o| l.kind_of(o) == StageKind::Lost)
        .all(|o| !o.lost_reason.is_empty()));
    assert!(
        l.opportunities
            .iter()
            .filter(|o| is_aged(l, o, today))
            .count()
            >= 5
    );
    assert!(close(weighted_pipeline(l), 20_730_500.0));
    let t = {
        let a = ws.tiering.assign_all(&ws.customers);
        ws.customers
            .iter()
            .zip(a)
            .filter_map(|(c, x)| Some((c.id.clone(), ws.tiering.tiers.get(x?.tier)?.id.clone())))
            .collect::<HashMap<_, _>>()
    };
    let ctx = Ctx::new(l, ws.meta.fiscal_year, today, &t);
    let tiers = coverage(&ctx, Scope::Tier);
    let flagged: Vec<&str> = tiers
        .iter()
        .filter(|r| r.flagged)
        .map(|r| r.key.as_str())
        .collect();
    assert_eq!(flagged, vec!["potential"], "one tier under 3×");
    let r = receivables(l.contracts.iter().map(|c| &**c), today);
    assert_eq!(r.ageing.counts, [2, 1, 1, 4]);
    assert!(
        r.ageing.amounts[2] + r.ageing.amounts[3] > 2_000_000.0,
        "overdue beyond 90 days"
    );
    assert!(r.dso.is_some_and(|v| (50.0..70.0).contains(&v)));
    assert_eq!(
        retention_due(l.contracts.iter().map(|c| &**c), today, 90).len(),
        4
    );
    let milestone_kinds: Vec<MilestoneKind> =
        l.contracts[0].milestones.iter().map(|m| m.kind).collect();
    assert_eq!(
        milestone_kinds,
        vec![
            MilestoneKind::Advance,
            MilestoneKind::Delivery,
            MilestoneKind::Acceptance,
            MilestoneKind::Retention
        ]
    );
}

/// The coverage and win rate of one key (the account page's figures) are the rows the full
/// tables have for it, for every key of every scope on the demo, and `None` for a key without
/// any.
#[test]
fn one_keys_coverage_and_win_rate_are_its_rows_of_the_full_tables() {
    let ws = demo::build("demo", NOW, DemoLocale::Zh);
    let tiers = ws.tier_map();
    let today = d(&ws.meta.today);
    let ctx = Ctx::new(&ws.ltc, ws.meta.fiscal_year, today, &tiers);
    let mut seen = 0;
    for scope in [
        Scope::Company,
        Scope::Account,
        Scope::Tier,
        Scope::Owner,
        Scope::Line,
    ] {
        for row in coverage(&ctx, scope) {
            assert_eq!(coverage_of(&ctx, scope, &row.key).as_ref(), Some(&row));
            seen += 1;
        }
        for row in win_rates(&ctx, scope) {
            assert_eq!(win_rate_of(&ctx, scope, &row.key).as_ref(), Some(&row));
            seen += 1;
        }
        assert_eq!(coverage_of(&ctx, scope, "no-such-key"), None);
        assert_eq!(win_rate_of(&ctx, scope, "no-such-key"), None);
    }
    assert!(seen > 40, "{seen} rows checked");
}

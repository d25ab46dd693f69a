//! What the talent page relies on: the checks of typed numbers and months, fresh ids, a talent
//! entry for a role without one, FTE formatting, and the demo's SR plan as table rows and axis.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::org::demo::build;
use kam_planner::domain::org::plan::{plan, plan_role};
use kam_planner::domain::org::plan_table::{
    axis_ticks, capacity_rows, close_month, plan_axis_ticks,
};
use kam_planner::domain::org::staffing::staffing;
use kam_planner::domain::org::talent::{RoleTalent, Source, Talent};
use kam_planner::domain::org::talent_input::{
    format_fte, format_plain, fresh_id, new_role_talent, parse_amount, parse_month, parse_whole,
    share_sum, talent_ids, InputError,
};
use kam_planner::domain::org::SR;

const NOW: i64 = 1_768_435_200_000;

#[test]
fn amounts_are_non_negative_numbers_within_their_bound() {
    assert_eq!(parse_amount(" 45 ", 100.0), Ok(45.0));
    assert_eq!(parse_amount("33.33%", 100.0), Ok(33.33));
    assert_eq!(parse_amount("12，5", 100.0), Ok(12.5));
    assert_eq!(parse_amount("", 100.0), Err(InputError::Empty));
    assert_eq!(parse_amount("abc", 100.0), Err(InputError::NotANumber));
    assert_eq!(parse_amount("NaN", 100.0), Err(InputError::NotANumber));
    assert_eq!(parse_amount("inf", 100.0), Err(InputError::NotANumber));
    assert_eq!(parse_amount("-5", 100.0), Err(InputError::Negative));
    assert_eq!(
        parse_amount("120", 100.0),
        Err(InputError::TooLarge { max: 100.0 })
    );
}

#[test]
fn months_and_paces_are_whole_numbers() {
    assert_eq!(parse_whole("3", 120), Ok(3));
    assert_eq!(parse_whole("6.0", 120), Ok(6));
    assert_eq!(parse_whole("0", 120), Ok(0));
    assert_eq!(parse_whole("2.5", 120), Err(InputError::NotWhole));
    assert_eq!(parse_whole("-1", 120), Err(InputError::Negative));
    assert_eq!(parse_whole("x", 120), Err(InputError::NotANumber));
    assert_eq!(
        parse_whole("121", 120),
        Err(InputError::TooLarge { max: 120.0 })
    );
}

#[test]
fn the_start_month_is_a_real_month_written_yyyy_mm() {
    assert_eq!(parse_month("2026-02").as_deref(), Ok("2026-02"));
    assert_eq!(parse_month(" 2026-2 ").as_deref(), Ok("2026-02"));
    assert_eq!(parse_month("2026/11").as_deref(), Ok("2026-11"));
    assert_eq!(parse_month(""), Err(InputError::Empty));
    for bad in [
        "2026-13",
        "2026-00",
        "26-02",
        "2026",
        "2026-02-01",
        "abcd-ef",
        "1800-01",
    ] {
        assert_eq!(parse_month(bad), Err(InputError::BadMonth), "{bad}");
    }
}

#[test]
fn fresh_ids_skip_the_taken_ones() {
    assert_eq!(fresh_id("sr-source", []), "sr-source-1");
    assert_eq!(
        fresh_id("sr-source", ["sr-source-1", "sr-source-3"]),
        "sr-source-2"
    );
}

#[test]
fn a_role_without_talent_gets_the_defaults_or_an_empty_entry() {
    let mut talent = Talent::default();
    let sr = talent.roles.remove(2);
    assert_eq!(sr.role, SR);
    // A built-in role gets its default sources back (shares 50/30/20).
    let back = new_role_talent(SR, &talent);
    assert_eq!(back.sources.len(), 3);
    assert_eq!(share_sum(&back), 100.0);
    // A custom role starts empty, with an id of its own.
    let custom = new_role_talent("PM", &talent);
    assert_eq!(custom.role, "PM");
    assert_eq!(custom.id, "talent-pm-1");
    assert!(custom.sources.is_empty() && custom.ladder.is_empty());
    // Defaults whose ids are already taken are not reused.
    let mut clash = Talent::default();
    clash.roles[0].sources[0].id = sr.sources[0].id.clone();
    clash.roles.remove(2);
    let fresh = new_role_talent(SR, &clash);
    assert!(fresh.sources.is_empty());
    assert!(!talent_ids(&clash).contains(&fresh.id.as_str()));
}

#[test]
fn fte_has_one_or_two_decimals() {
    assert_eq!(format_fte(6.5), "6.5");
    assert_eq!(format_fte(10.0), "10.0");
    assert_eq!(format_fte(6.5 + 3.0 + 5.0 / 12.0), "9.92");
    assert_eq!(format_fte(-0.001), "0.0");
    assert_eq!(format_fte(f64::NAN), "—");
    assert_eq!(format_plain(50.0), "50");
    assert_eq!(format_plain(33.333), "33.33");
    assert_eq!(format_plain(1.0 / 3.0 * 4.0), "1.33");
}

#[test]
fn the_demo_sr_plan_as_rows_closes_in_2027_02() {
    let ws = demo::build("demo", NOW, DemoLocale::Zh);
    let tiers = ws.tiering.assign_all(&ws.customers);
    let org = build(&ws.tiering, &ws.customers, &tiers, NOW);
    let s = staffing(&org.org, &ws.tiering, &ws.customers, &tiers);
    let plans = plan(&org.talent, &s);
    let sr = plans
        .iter()
        .find(|(r, _)| r == SR)
        .and_then(|(_, p)| p.as_ref().ok())
        .expect("SR plan");
    let rows = capacity_rows(sr, &org.talent.plan.start_month);
    assert_eq!(rows.len(), 24);
    assert_eq!(rows[0].label.as_deref(), Some("2026-02"));
    assert_eq!(rows[23].label.as_deref(), Some("2028-01"));
    let closing: Vec<(u32, Option<&str>)> = rows
        .iter()
        .filter(|r| r.closes_here)
        .map(|r| (r.month, r.label.as_deref()))
        .collect();
    assert_eq!(closing, [(12, Some("2027-02"))]);
    assert_eq!(close_month(sr), Some(12));
    assert_eq!(format_fte(rows[11].capacity), "9.92");
    assert_eq!(format_fte(rows[12].capacity), "10.0");
    assert_eq!(rows[12].arrived, 4);
    // Demand 10 FTE, capacity up to 10.5 with the four hires → gridlines every 2 FTE up to 12.
    assert!((rows[23].capacity - 10.5).abs() < 1e-9);
    assert_eq!(plan_axis_ticks(sr), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]);
    // A bad start month leaves the rows without labels, never a wrong one.
    assert!(capacity_rows(sr, "2026-13")
        .iter()
        .all(|r| r.label.is_none()));
}

#[test]
fn axis_ticks_cover_the_maximum_in_round_steps() {
    assert_eq!(axis_ticks(0.0), [0.0, 1.0]);
    assert_eq!(axis_ticks(f64::NAN), [0.0, 1.0]);
    assert_eq!(axis_ticks(3.0), [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]);
    assert_eq!(axis_ticks(4.0), [0.0, 1.0, 2.0, 3.0, 4.0]);
    assert_eq!(axis_ticks(15.5), [0.0, 5.0, 10.0, 15.0, 20.0]);
    assert_eq!(axis_ticks(1.2), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2]);
    let t = axis_ticks(137.0);
    assert_eq!(t.last().copied(), Some(150.0));
}

#[test]
fn rows_of_a_plan_without_gap_mark_no_month() {
    let role = RoleTalent {
        role: SR.to_string(),
        sources: vec![Source {
            id: "a".into(),
            share_pct: 100.0,
            ..Source::default()
        }],
        ..RoleTalent::default()
    };
    let p = plan_role(SR, Some(&role), 2.0, 3.0, 0).expect("valid");
    let rows = capacity_rows(&p, "2026-01");
    assert!(rows.iter().all(|r| !r.closes_here));
    assert_eq!(close_month(&p), None);
}

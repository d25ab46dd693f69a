//! The staffing board's helpers (`domain::org::board`): cell status, tier groups, how a role's
//! required total is made up, whom to offer for a cell, FTE input, and the board's edits — on
//! hand-made cells and on the demo (示例集团), whose figures are worked out in
//! `src/domain/org/demo.rs`.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::edit::{apply, Edit};
use kam_planner::domain::org::board::{
    candidates, cell_status, format_fte, new_assignment_id, parse_fte, required_terms,
    suggested_fte, tier_groups, with_assignment, with_assignment_fte, with_triangle_override,
    without_assignment, CellStatus, FteError, OverrideError, RequiredTerm,
};
use kam_planner::domain::org::staffing::{staffing, RoleNeed, Staffing};
use kam_planner::domain::org::triangle::TriangleWhy;
use kam_planner::domain::org::{TriangleType, AR, FR, SR};
use kam_planner::domain::workspace::Workspace;

const NOW: i64 = 1_768_435_200_000;

fn demo_ws() -> Workspace {
    demo::build("demo", NOW, DemoLocale::Zh)
}

fn staff(ws: &Workspace) -> Staffing {
    let tiers = ws.tiering.assign_all(&ws.customers);
    staffing(&ws.org, &ws.tiering, &ws.customers, &tiers)
}

fn need(required: f64, assigned: f64) -> RoleNeed {
    RoleNeed {
        role: SR.to_string(),
        required,
        assigned,
        people: Vec::new(),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn a_cell_is_met_short_missing_over_or_not_required() {
    assert_eq!(cell_status(&need(1.0, 1.0)), CellStatus::Met);
    assert_eq!(cell_status(&need(0.5, 0.25)), CellStatus::Short);
    assert_eq!(cell_status(&need(1.0, 0.0)), CellStatus::Missing);
    assert_eq!(cell_status(&need(0.5, 1.0)), CellStatus::Over);
    assert_eq!(cell_status(&need(0.0, 0.5)), CellStatus::Over);
    assert_eq!(cell_status(&need(0.0, 0.0)), CellStatus::NotRequired);
    // Sums such as 0.1 + 0.2 are not exact in binary: still met.
    assert_eq!(cell_status(&need(0.3, 0.1 + 0.2)), CellStatus::Met);
    assert_eq!(CellStatus::NotRequired.key(), "not_required");
}

#[test]
fn the_suggested_fte_is_the_shortfall_then_the_requirement() {
    assert!(close(suggested_fte(&need(0.5, 0.25)), 0.25));
    assert!(close(suggested_fte(&need(1.0, 0.0)), 1.0));
    assert!(close(suggested_fte(&need(0.5, 0.5)), 0.5));
    assert!(close(suggested_fte(&need(0.0, 0.0)), 1.0));
}

#[test]
fn fte_input_must_be_a_positive_number() {
    assert_eq!(parse_fte(" 0.5 "), Ok(0.5));
    assert_eq!(parse_fte("0,25"), Ok(0.25));
    assert_eq!(parse_fte("1"), Ok(1.0));
    assert_eq!(parse_fte(""), Err(FteError::NotANumber));
    assert_eq!(parse_fte("abc"), Err(FteError::NotANumber));
    assert_eq!(parse_fte("NaN"), Err(FteError::NotANumber));
    assert_eq!(parse_fte("inf"), Err(FteError::NotANumber));
    assert_eq!(parse_fte("0"), Err(FteError::NotPositive));
    assert_eq!(parse_fte("-0.5"), Err(FteError::NotPositive));
    assert_eq!(parse_fte("3"), Err(FteError::TooLarge));
}

#[test]
fn fte_is_written_with_at_most_two_decimals() {
    assert_eq!(format_fte(0.25), "0.25");
    assert_eq!(format_fte(1.6), "1.6");
    assert_eq!(format_fte(10.0), "10");
    assert_eq!(format_fte(0.1 + 0.2), "0.3");
    assert_eq!(format_fte(-1e-12), "0");
    assert_eq!(format_fte(-3.5), "-3.5");
    assert_eq!(format_fte(f64::NAN), "—");
}

#[test]
fn the_demo_board_groups_five_strategic_then_ten_value_accounts() {
    let s = staff(&demo_ws());
    let groups = tier_groups(&s);
    let shape: Vec<(&str, usize)> = groups
        .iter()
        .map(|g| (g.tier.as_str(), g.accounts.len()))
        .collect();
    assert_eq!(shape, [("strategic", 5), ("value", 10)]);
    assert_eq!(
        groups[1].accounts[0], 5,
        "value accounts follow the strategic ones"
    );
}

#[test]
fn the_required_sr_is_five_strategic_at_one_plus_ten_value_at_a_half() {
    let s = staff(&demo_ws());
    let terms = required_terms(&s, SR);
    assert_eq!(
        terms,
        [
            RequiredTerm {
                tier: "strategic".into(),
                fte_each: 1.0,
                accounts: 5
            },
            RequiredTerm {
                tier: "value".into(),
                fte_each: 0.5,
                accounts: 10
            },
        ]
    );
    let total: f64 = terms.iter().map(|t| t.fte_each * t.accounts as f64).sum();
    assert!(close(total, s.role(SR).expect("SR").required));
    // AD is required on the strategic accounts only.
    assert_eq!(required_terms(&s, "AD").len(), 1);
}

#[test]
fn candidates_for_an_fr_cell_are_the_frs_first_least_loaded_first() {
    let ws = demo_ws();
    let s = staff(&ws);
    let order = candidates(&s, FR);
    assert_eq!(order.len(), 32);
    let roles: Vec<&str> = order.iter().map(|&i| s.people[i].role.as_str()).collect();
    assert!(roles[..8].iter().all(|r| *r == FR));
    assert!(roles[8..].iter().all(|r| *r != FR));
    // Among AR, 周强 (160 %) comes last of the ARs in an AR cell.
    let ar = candidates(&s, AR);
    let last_ar = ar
        .iter()
        .rev()
        .find(|&&i| s.people[i].role == AR)
        .expect("an AR");
    assert_eq!(s.people[*last_ar].person, "p-ar06");
    // 宋佳 (SR, capacity 0.5, load 0.5) and the SRs at 1.0 are all full; 谢宇 at 1.0 too: the
    // first SR offered has no more load than capacity.
    let sr = candidates(&s, SR);
    let first = &s.people[sr[0]];
    assert!(first.load <= first.capacity + 1e-9);
}

#[test]
fn assigning_an_fr_to_a_strategic_account_closes_its_gap() {
    let ws = demo_ws();
    let before = staff(&ws);
    assert_eq!(
        cell_status(
            before
                .account("c-0046")
                .expect("c-0046")
                .role(FR)
                .expect("FR")
        ),
        CellStatus::Missing
    );
    let org = with_assignment(&ws.org, "p-fr01", "c-0046", FR, 1.0);
    assert_eq!(org.assignments.len(), 45);
    assert_eq!(org.assignments[44].id, "as-45");
    let next = apply(&ws, &Edit::SetOrg(Box::new(org)), NOW + 1)
        .expect("valid")
        .expect("changed");
    assert_eq!(next.org.assignments[44].updated_at, NOW + 1, "stamped");
    let after = staff(&next);
    let a = after.account("c-0046").expect("c-0046");
    assert_eq!(cell_status(a.role(FR).expect("FR")), CellStatus::Met);
    assert!(!a.under_staffed);
    assert!(close(a.coverage_pct.expect("pct"), 100.0));
    assert_eq!(after.missing.len(), before.missing.len() - 1);
    assert_eq!(after.under_staffed.len(), before.under_staffed.len() - 1);
    let fr = after.role(FR).expect("FR");
    assert!(close(fr.assigned, 9.0));
    // 唐亮 now carries two full-time accounts.
    assert_eq!(after.over_allocated.len(), 2);
}

#[test]
fn new_assignment_ids_never_collide() {
    let ws = demo_ws();
    assert_eq!(new_assignment_id(&ws.org), "as-45");
    let mut org = ws.org.clone();
    org.assignments[0].id = "as-45".into();
    assert_eq!(new_assignment_id(&org), "as-46");
}

#[test]
fn an_assignment_fte_can_be_changed_and_removed() {
    let ws = demo_ws();
    // as-26 is 周强's 0.6 on the eighth value account.
    let a = &ws.org.assignments[25];
    assert_eq!((a.person.as_str(), a.fte), ("p-ar06", 0.6));
    let id = a.id.clone();
    let org = with_assignment_fte(&ws.org, &id, 0.2).expect("exists");
    let s = staff(&Workspace {
        org: org.clone(),
        ..ws.clone()
    });
    assert!(close(s.person("p-ar06").expect("周强").load, 1.2));
    let org = without_assignment(&org, &id).expect("exists");
    assert_eq!(org.assignments.len(), 43);
    let s = staff(&Workspace { org, ..ws.clone() });
    assert!(s.over_allocated.is_empty(), "周强 back to 100 %");
    assert!(with_assignment_fte(&ws.org, "nope", 1.0).is_none());
    assert!(without_assignment(&ws.org, "nope").is_none());
}

#[test]
fn a_triangle_type_is_set_by_hand_with_a_reason_and_cleared() {
    let ws = demo_ws();
    assert_eq!(
        with_triangle_override(&ws.org, "c-0046", Some((TriangleType::Expansion, "  "))),
        Err(OverrideError::MissingReason)
    );
    let org = with_triangle_override(&ws.org, "c-0046", Some((TriangleType::Expansion, "新项目")))
        .expect("valid");
    assert_eq!(org.triangle_overrides.len(), 2);
    let s = staff(&Workspace {
        org: org.clone(),
        ..ws.clone()
    });
    let a = s.account("c-0046").expect("c-0046");
    assert_eq!(a.account.triangle.triangle, TriangleType::Expansion);
    assert!(
        matches!(&a.account.triangle.why, TriangleWhy::Override { reason } if reason == "新项目")
    );
    // Strategic expansion: FR 0.5 instead of 1, so 3 required.
    assert!(close(a.required, 3.0));
    // Replacing keeps one override per customer.
    let org =
        with_triangle_override(&org, "c-0046", Some((TriangleType::Mature, "x"))).expect("ok");
    assert_eq!(org.triangle_overrides.len(), 2);
    // Same value again: nothing changes.
    assert_eq!(
        with_triangle_override(&org, "c-0046", Some((TriangleType::Mature, "x"))),
        Ok(org.clone())
    );
    let cleared = with_triangle_override(&org, "c-0046", None).expect("ok");
    assert_eq!(cleared.triangle_overrides, ws.org.triangle_overrides);
}

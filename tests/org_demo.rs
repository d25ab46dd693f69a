//! The demo's account teams: each planted problem is found by the calculations, with the figures
//! worked out in `src/domain/org/demo.rs`.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::org::demo::{build, DemoOrg};
use kam_planner::domain::org::duties::check_raci;
use kam_planner::domain::org::plan::{month_label, plan, GapClose};
use kam_planner::domain::org::process::check_stages;
use kam_planner::domain::org::staffing::{staffing, Staffing};
use kam_planner::domain::org::triangle::TriangleWhy;
use kam_planner::domain::org::{OrgDesign, TriangleType, AD, AR, FR, SR};
use kam_planner::domain::workspace::Workspace;

const NOW: i64 = 1_768_435_200_000;

fn demo_org() -> (Workspace, DemoOrg, Staffing) {
    let ws = demo::build("demo", NOW, DemoLocale::Zh);
    let tiers = ws.tiering.assign_all(&ws.customers);
    let org = build(&ws.tiering, &ws.customers, &tiers, NOW);
    let s = staffing(&org.org, &ws.tiering, &ws.customers, &tiers);
    (ws, org, s)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn the_demo_teams_are_complete_and_consistent() {
    let (_, org, s) = demo_org();
    assert_eq!(org.org.people.len(), 32);
    assert_eq!(org.org.assignments.len(), 44);
    assert_eq!(s.notices, [], "every reference resolves");
    assert_eq!(s.accounts.len(), 15);
    let strategic = s
        .accounts
        .iter()
        .filter(|a| a.account.tier == "strategic")
        .count();
    assert_eq!(strategic, 5);
    assert!(check_stages(&org.org).is_empty());
    assert!(check_raci(&org.org, &org.duties).is_empty());
    assert!(org.org.people.iter().all(|p| p.updated_at == NOW));
    // Deterministic.
    assert_eq!(demo_org().1, org);
}

#[test]
fn one_ar_is_over_allocated() {
    let (_, org, s) = demo_org();
    assert_eq!(s.over_allocated.len(), 1);
    let load = &s.people[s.over_allocated[0]];
    assert_eq!((load.person.as_str(), load.role.as_str()), ("p-ar06", AR));
    assert_eq!(org.org.people[load.index].name, "周强");
    // 1.0 on the 3rd value account + 0.6 on the 8th.
    assert!(close(load.load, 1.6));
    assert!(close(load.load_pct.expect("pct"), 160.0));
    assert_eq!(load.accounts, 2);
    let held: Vec<&str> = load
        .assignments
        .iter()
        .map(|&i| org.org.assignments[i].account.as_str())
        .collect();
    assert_eq!(held, ["c-0239", "c-0141"]);
    let per_ar = &s.accounts_per_ar;
    assert_eq!((per_ar.accounts, per_ar.ar_headcount), (15, 14));
    assert!(per_ar.per_person.contains(&("p-ar06".to_string(), 2)));
}

#[test]
fn two_strategic_accounts_miss_an_fr() {
    let (ws, _, s) = demo_org();
    let strategic_missing: Vec<(&str, &str)> = s
        .missing
        .iter()
        .map(|m| &s.accounts[m.account])
        .zip(&s.missing)
        .filter(|(a, _)| a.account.tier == "strategic")
        .map(|(a, m)| (a.account.id.as_str(), m.role.as_str()))
        .collect();
    assert_eq!(strategic_missing, [("c-0046", FR), ("c-0048", FR)]);
    for id in ["c-0046", "c-0048"] {
        let a = s.account(id).expect("account");
        // AD 0.5 + AR 1 + SR 1 of 3.5: 71.4 %.
        assert!(close(a.required, 3.5) && close(a.covered, 2.5));
        assert!(a.under_staffed);
        let c = &ws.customers[a.account.customer];
        assert!(c.on_named_list, "the two named-list accounts");
    }
    // The override on the smaller one.
    let c48 = s.account("c-0048").expect("c-0048");
    assert_eq!(c48.account.triangle.triangle, TriangleType::Growth);
    assert!(
        matches!(&c48.account.triangle.why, TriangleWhy::Override { reason } if reason.contains("30%"))
    );
    let fr = s.role(FR).expect("FR");
    assert!(close(fr.required, 10.0) && close(fr.capacity, 8.0));
    assert_eq!(fr.gap_heads, 2);
}

#[test]
fn the_sr_pool_is_too_small_for_the_value_accounts() {
    let (_, _, s) = demo_org();
    let sr = s.role(SR).expect("SR");
    // 5 strategic × 1 + 10 value × 0.5 = 10 required; 6 × 1.0 + 0.5 = 6.5 there.
    assert!(close(sr.required, 10.0));
    assert!(close(sr.capacity, 6.5));
    assert_eq!(sr.headcount, 7);
    assert!(close(sr.gap_fte, 3.5));
    assert_eq!(sr.gap_heads, 4);
    let value_sr: f64 = s
        .accounts
        .iter()
        .filter(|a| a.account.tier == "value")
        .filter_map(|a| a.role(SR))
        .map(|r| r.assigned)
        .sum();
    assert!(close(value_sr, 1.5), "1.5 FTE of SR for 5 FTE needed");
    let without_sr: Vec<&str> = s
        .missing
        .iter()
        .filter(|m| m.role == SR)
        .map(|m| s.accounts[m.account].account.id.as_str())
        .collect();
    assert_eq!(without_sr, ["c-0215", "c-0141", "c-0153", "c-0199"]);
    let under: Vec<&str> = s
        .under_staffed
        .iter()
        .map(|&i| s.accounts[i].account.id.as_str())
        .collect();
    assert_eq!(
        under,
        ["c-0046", "c-0048", "c-0215", "c-0141", "c-0153", "c-0199"]
    );
    // The other roles: AD just covered, AR one short (the over-allocated one's second account).
    let ad = s.role(AD).expect("AD");
    assert!(close(ad.gap_fte, 0.0) && ad.gap_heads == 0);
    let ar = s.role(AR).expect("AR");
    assert!(close(ar.required, 15.0) && close(ar.capacity, 14.0) && ar.gap_heads == 1);
}

#[test]
fn the_talent_plan_closes_the_sr_gap_in_about_a_year() {
    let (_, org, s) = demo_org();
    let plans = plan(&org.talent, &s);
    let closes: Vec<(&str, GapClose)> = plans
        .iter()
        .map(|(role, p)| {
            (
                role.as_str(),
                p.as_ref().expect("valid sources").closes.clone(),
            )
        })
        .collect();
    assert_eq!(
        closes,
        [
            (AD, GapClose::NoGap),
            (AR, GapClose::InMonth(8)),
            (SR, GapClose::InMonth(12)),
            (FR, GapClose::InMonth(6)),
        ]
    );
    let sr = plans[2].1.as_ref().expect("SR plan");
    assert_eq!(sr.hires_needed, 4);
    let intake: Vec<(&str, u32)> = sr
        .intake
        .iter()
        .map(|i| (i.source.as_str(), i.hires))
        .collect();
    assert_eq!(
        intake,
        [
            ("sr-rd_transfer", 2),
            ("sr-experienced_hire", 1),
            ("sr-campus", 1)
        ]
    );
    // Month 11: 6.5 + 1 + 1 + 1 + 5/12 (the campus hire) = 9.92 < 10; month 12: 10.
    assert!(close(sr.months[11].capacity, 6.5 + 3.0 + 5.0 / 12.0));
    assert!(close(sr.months[12].capacity, 10.0));
    assert_eq!(
        month_label(&org.talent.plan.start_month, 12).as_deref(),
        Some("2027-02")
    );
}

#[test]
fn with_all_three_default_account_tiers_the_demo_would_be_short_everywhere() {
    // Why the demo narrows the account tiers: the 75 potential accounts alone need 18.75 AR.
    let (ws, org, _) = demo_org();
    let tiers = ws.tiering.assign_all(&ws.customers);
    let wide = OrgDesign {
        account_tiers: OrgDesign::default().account_tiers,
        ..org.org
    };
    let s = staffing(&wide, &ws.tiering, &ws.customers, &tiers);
    assert_eq!(s.accounts.len(), 90);
    assert!(close(s.role(AR).expect("AR").required, 15.0 + 18.75));
    assert!(close(s.role(SR).expect("SR").required, 10.0 + 7.5));
}

//! The 151 programme: completion per account, tier and action with the cap per action, entries
//! outside the fiscal year and planned entries left out, the behind-target rule, the two
//! functions the KPI tool reads, and the demo's planted accounts.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::engagement::completion::{
    accounts, completion, elapsed_pct, BehindReason,
};
use kam_planner::domain::engagement::{
    check_entry, completion_by_account, overall_completion_pct, parse_date, stamp, Action,
    ActionCounts, Engagement, Entry, EntryProblem, Status,
};
use kam_planner::domain::workspace::Workspace;

const NOW: i64 = 1_768_435_200_000;
/// Demo accounts used below: two strategic, one value.
const S1: &str = "c-0223";
const S2: &str = "c-0052";
const V1: &str = "c-0198";

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn entry(id: &str, account: &str, action: Action, date: &str, status: Status) -> Entry {
    Entry {
        id: id.to_string(),
        account: account.to_string(),
        action,
        date: date.to_string(),
        status,
        ..Entry::default()
    }
}

/// The demo's customers and tiers with the default targets and the given log, pace test off.
fn crafted(entries: Vec<Entry>) -> Workspace {
    let mut ws = demo::build("demo", NOW, DemoLocale::Zh);
    ws.engagement = Engagement {
        entries,
        ..Engagement::default()
    };
    ws.engagement.targets.retain(|t| t.tier != "potential");
    ws.engagement.rule.pace = false;
    ws.org.account_tiers = vec!["strategic".into(), "value".into()];
    ws
}

#[test]
fn completion_caps_each_action_and_counts_only_done_entries_of_the_year() {
    use Action::*;
    use Status::*;
    let mut log = Vec::new();
    // S1: 10 technical exchanges (target 6), nothing else → 6 of 19, not 10 of 19.
    for i in 0..10 {
        log.push(entry(
            &format!("t{i}"),
            S1,
            TechExchange,
            &format!("2026-03-{:02}", i + 1),
            Done,
        ));
    }
    // S1: an executive visit in 2025 and one in 2027: outside fiscal year 2026.
    log.push(entry("x1", S1, ExecutiveVisit, "2025-12-31", Done));
    log.push(entry("x2", S1, ExecutiveVisit, "2027-01-01", Done));
    // S1: two planned executive visits: in the plan, not in completion.
    log.push(entry("p1", S1, ExecutiveVisit, "2026-06-01", Planned));
    log.push(entry("p2", S1, ExecutiveVisit, "2026-09-01", Planned));
    // S2: 4 company visits + 4 executive visits = 8 of 19.
    for i in 0..4 {
        log.push(entry(
            &format!("c{i}"),
            S2,
            CompanyVisit,
            "2026-02-02",
            Done,
        ));
        log.push(entry(
            &format!("e{i}"),
            S2,
            ExecutiveVisit,
            "2026-12-31",
            Done,
        ));
    }
    // V1: one on-site meeting (target 1) and 3 reference visits (target 2) → 3 of 11.
    log.push(entry("v1", V1, OnsiteMeeting, "2026-01-01", Done));
    for i in 0..3 {
        log.push(entry(
            &format!("r{i}"),
            V1,
            ReferenceVisit,
            "2026-05-05",
            Done,
        ));
    }
    let ws = crafted(log);
    let c = completion(&ws);
    assert_eq!(c.outside_year, 2);
    assert_eq!(c.not_counted, 0);

    let s1 = c.accounts.iter().find(|a| a.account.id == S1).expect("S1");
    let tech = s1.actions[TechExchange.index()];
    assert_eq!((tech.target, tech.done, tech.credit), (6, 10, 6));
    assert_eq!(tech.pct(), Some(100.0));
    let exec = s1.actions[ExecutiveVisit.index()];
    assert_eq!(
        (exec.done, exec.planned, exec.credit, exec.plan_credit),
        (0, 2, 0, 2)
    );
    assert_eq!((s1.total.credit, s1.total.target), (6, 19));
    assert!(close(s1.total.pct().expect("pct"), 600.0 / 19.0));
    assert!(close(s1.total.plan_pct().expect("plan"), 800.0 / 19.0));

    let s2 = c.accounts.iter().find(|a| a.account.id == S2).expect("S2");
    assert!(close(s2.total.pct().expect("pct"), 800.0 / 19.0));
    let v1 = c.accounts.iter().find(|a| a.account.id == V1).expect("V1");
    assert_eq!(
        (v1.total.credit, v1.total.done, v1.total.target),
        (3, 4, 11)
    );

    // Per tier: 5 strategic accounts × 19 = 95, credits 6 + 8; 10 value × 11 = 110, credits 3.
    let strategic = c
        .tiers
        .iter()
        .find(|t| t.tier == "strategic")
        .expect("tier");
    assert_eq!(strategic.accounts, 5);
    assert_eq!((strategic.total.credit, strategic.total.target), (14, 95));
    let value = c.tiers.iter().find(|t| t.tier == "value").expect("tier");
    assert_eq!((value.total.credit, value.total.target), (3, 110));
    assert_eq!(
        c.tiers.len(),
        2,
        "potential is no account tier and has no target here"
    );

    // Per action: executive visits 4 credits of 5 × 4 + 10 × 2 = 40.
    let exec_all = c.actions[ExecutiveVisit.index()];
    assert_eq!(
        (exec_all.credit, exec_all.target, exec_all.planned),
        (4, 40, 2)
    );
    assert!(close(exec_all.pct().expect("pct"), 10.0));
    let tech_all = c.actions[TechExchange.index()];
    assert_eq!(
        (tech_all.done, tech_all.credit, tech_all.target),
        (10, 6, 70)
    );

    // The two functions the KPI tool reads.
    let by_account = completion_by_account(&ws);
    assert_eq!(by_account.len(), 15);
    assert!(close(by_account[S1], 600.0 / 19.0));
    assert!(close(by_account[V1], 300.0 / 11.0));
    assert_eq!(by_account["c-0046"], 0.0);
    let overall = overall_completion_pct(&ws).expect("targets");
    assert!(close(overall, 100.0 * 17.0 / 205.0), "{overall}");
}

#[test]
fn without_targets_there_is_no_overall_completion() {
    let mut ws = crafted(vec![entry(
        "a",
        S1,
        Action::CompanyVisit,
        "2026-01-02",
        Status::Done,
    )]);
    assert!(overall_completion_pct(&ws).is_some());
    ws.engagement.targets.clear();
    assert_eq!(overall_completion_pct(&ws), None);
    // The accounts of the iron triangle remain, but have no figure.
    assert_eq!(accounts(&ws).len(), 15);
    assert!(completion_by_account(&ws).is_empty());
    assert_eq!(overall_completion_pct(&Workspace::default()), None);
}

#[test]
fn behind_target_on_pace_and_on_plan() {
    use Action::*;
    let mut log = vec![entry("a", S1, CompanyVisit, "2026-01-02", Status::Done)];
    // S2 plans its full targets but has done nothing.
    for action in Action::ALL {
        for i in 0..ws_target(action) {
            log.push(entry(
                &format!("{}{i}", action.key()),
                S2,
                action,
                "2026-08-01",
                Status::Planned,
            ));
        }
    }
    let mut ws = crafted(log);
    ws.engagement.rule.pace = true;
    ws.meta.today = "2026-07-02".into(); // day 183 of 365 = 50.1 %
    assert!(close(
        elapsed_pct(&ws.meta.today, 2026).expect("date"),
        18300.0 / 365.0
    ));
    let c = completion(&ws);
    let s2 = c.accounts.iter().find(|a| a.account.id == S2).expect("S2");
    assert_eq!(s2.total.plan_pct(), Some(100.0));
    assert_eq!(
        s2.behind,
        vec![BehindReason::Pace {
            done_pct: 0.0,
            elapsed_pct: 18300.0 / 365.0
        }]
    );
    let s1 = c.accounts.iter().find(|a| a.account.id == S1).expect("S1");
    assert_eq!(s1.behind.len(), 2);
    match &s1.behind[1] {
        BehindReason::Plan {
            plan_pct,
            threshold_pct,
            short,
        } => {
            assert!(close(*plan_pct, 100.0 / 19.0));
            assert_eq!(*threshold_pct, 100.0);
            assert_eq!(short[0], (CompanyVisit, 3));
            assert_eq!(short.len(), 5);
        }
        other => panic!("expected the plan reason, got {other:?}"),
    }
    // Behind accounts come first.
    assert!(
        c.accounts[..c.accounts.iter().filter(|a| !a.behind.is_empty()).count()]
            .iter()
            .all(|a| !a.behind.is_empty())
    );
    // Lower the threshold to 5 % and switch pace off: S1 (5.3 % planned) is no longer behind.
    ws.engagement.rule.pace = false;
    ws.engagement.rule.plan_threshold_pct = 5.0;
    let c = completion(&ws);
    let s1 = c.accounts.iter().find(|a| a.account.id == S1).expect("S1");
    assert!(s1.behind.is_empty());
    let s2 = c.accounts.iter().find(|a| a.account.id == S2).expect("S2");
    assert!(s2.behind.is_empty());
    // Before the fiscal year nothing is due; after it everything is.
    assert_eq!(elapsed_pct("2025-12-31", 2026), Some(0.0));
    assert_eq!(elapsed_pct("2027-01-01", 2026), Some(100.0));
    assert_eq!(elapsed_pct("2026-13-01", 2026), None);
}

fn ws_target(action: Action) -> u32 {
    Engagement::default().targets_of("strategic").get(action)
}

#[test]
fn default_targets_grade_the_tiers() {
    let doc = Engagement::default();
    let (s, v, p) = (
        doc.targets_of("strategic"),
        doc.targets_of("value"),
        doc.targets_of("potential"),
    );
    assert_eq!((s.total(), v.total(), p.total()), (19, 11, 4));
    for a in Action::ALL {
        assert!(
            s.get(a) > v.get(a) || (s.get(a) == v.get(a) && s.get(a) == 0),
            "{a:?}"
        );
        assert!(v.get(a) >= p.get(a), "{a:?}");
    }
    assert_eq!(doc.targets_of("ordinary"), ActionCounts::default());
}

#[test]
fn dates_and_entries_are_checked() {
    assert_eq!(parse_date("2026-02-28"), Some((2026, 2, 28)));
    assert_eq!(parse_date("2028-02-29"), Some((2028, 2, 29)));
    for bad in [
        "2026-02-29",
        "2026-13-01",
        "2026-1-5",
        "2026/01/05",
        "",
        "２０２６-01-01",
        "2026-04-31",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
    let ws = demo::build("demo", NOW, DemoLocale::Zh);
    let mut e = entry("n", S1, Action::CompanyVisit, "2026-02-30", Status::Done);
    e.owner = Some("nobody".into());
    assert_eq!(
        check_entry(&ws, &e),
        [EntryProblem::BadDate, EntryProblem::UnknownOwner]
    );
    e.account = "c-0001-not".into();
    e.date = "2026-02-03".into();
    e.owner = Some("p-ar06".into());
    assert_eq!(check_entry(&ws, &e), [EntryProblem::UnknownAccount]);
    e.account = S1.into();
    assert_eq!(check_entry(&ws, &e), []);
}

#[test]
fn stamp_touches_only_what_changed() {
    let ws = demo::build("demo", NOW, DemoLocale::Zh);
    let old = ws.engagement.clone();
    let mut new = old.clone();
    new.entries[3].status = Status::Done;
    new.entries.push(entry(
        "e-new",
        S1,
        Action::OnsiteMeeting,
        "2026-04-01",
        Status::Planned,
    ));
    new.targets[0].counts.set(Action::OnsiteMeeting, 3);
    let later = NOW + 1000;
    let next = stamp(&old, &new, later);
    assert_eq!(next.entries[3].updated_at, later);
    assert_eq!(next.entries[4].updated_at, NOW);
    assert_eq!(next.entries.last().expect("new").updated_at, later);
    assert_eq!(next.targets[0].updated_at, later);
    assert_eq!(next.targets[1].updated_at, NOW);
    assert_eq!(next.rule.updated_at, NOW);
    let mut ruled = next.clone();
    ruled.rule.plan_threshold_pct = 80.0;
    assert_eq!(stamp(&next, &ruled, later + 1).rule.updated_at, later + 1);
    assert_eq!(new.next_entry_id(), "e-211");
}

#[test]
fn the_demo_plants_two_strategic_accounts_behind_target() {
    let ws = demo::build("demo", NOW, DemoLocale::Zh);
    assert_eq!(ws.meta.today, "2026-01-15");
    let c = completion(&ws);
    assert!(close(c.elapsed_pct.expect("today"), 1500.0 / 365.0));
    assert_eq!(ws.engagement.entries.len(), 210);
    assert_eq!(c.outside_year, 16);
    assert_eq!(
        (c.total.credit, c.total.target, c.total.planned),
        (18, 205, 176)
    );
    assert!(close(
        overall_completion_pct(&ws).expect("targets"),
        1800.0 / 205.0
    ));
    let behind: Vec<(&str, &str)> = c
        .accounts
        .iter()
        .filter(|a| !a.behind.is_empty())
        .map(|a| (a.account.id.as_str(), a.account.name.as_str()))
        .collect();
    assert_eq!(
        behind,
        [
            ("c-0204", "国网广东省电力有限公司"),
            ("c-0048", "中国石油天然气股份有限公司佛山销售分公司")
        ]
    );
    // c-0204: nothing done in 2026, half planned.
    let a = &c.accounts[0];
    assert_eq!(a.total.pct(), Some(0.0));
    assert!(close(a.total.plan_pct().expect("plan"), 900.0 / 19.0));
    assert!(matches!(a.behind[0], BehindReason::Pace { .. }));
    assert!(matches!(a.behind[1], BehindReason::Plan { .. }));
    // c-0048: ahead on pace, but no executive visit planned while tech exchanges pile up.
    let b = &c.accounts[1];
    assert!(close(b.total.pct().expect("pct"), 200.0 / 19.0));
    assert_eq!(
        b.actions[Action::TechExchange.index()].done
            + b.actions[Action::TechExchange.index()].planned,
        9
    );
    match &b.behind[..] {
        [BehindReason::Plan {
            plan_pct, short, ..
        }] => {
            assert!(close(*plan_pct, 1500.0 / 19.0));
            assert_eq!(short, &[(Action::ExecutiveVisit, 4)]);
        }
        other => panic!("{other:?}"),
    }
    // Every entry is valid, every account on track otherwise.
    assert!(ws
        .engagement
        .entries
        .iter()
        .all(|e| check_entry(&ws, e).is_empty()));
    assert_eq!(c.accounts.iter().filter(|a| a.total.target > 0).count(), 15);
    // The potential tier has no target in the demo, so its customers are not in the programme;
    // with the default targets they would be (75 more accounts).
    assert_eq!(ws.engagement.targets_of("potential").total(), 0);
    let mut with_potential = ws.clone();
    with_potential.engagement.targets = Engagement::default().targets;
    let c = completion(&with_potential);
    assert_eq!(c.accounts.len(), 90);
    assert_eq!(c.total.target, 205 + 75 * 4);
    assert_eq!(completion_by_account(&ws).len(), 15);
    // Deterministic.
    assert_eq!(
        demo::build("demo", NOW, DemoLocale::Zh).engagement,
        ws.engagement
    );
}

//! Native tests of MCR (SPEC §3.10): the relationship score and decision-maker coverage on
//! hand-computed cases, every red flag on a planted and a clean case, the health of accounts and
//! tiers, the cycles of the reports-to lines, the org-chart layout on random forests, and what
//! `check` refuses.

use std::collections::HashMap;
use std::rc::Rc;

use kam_planner::domain::engagement::{Action, Entry, Status};
use kam_planner::domain::mcr::calc::{self, Coverage, Flag};
use kam_planner::domain::mcr::layout::{self, Chart};
use kam_planner::domain::mcr::{
    check, Contact, DecisionRole, Layer, McrRefusal, PlanItem, Stakeholder, VctCheck,
};
use kam_planner::domain::org::{Assignment, Person, AD, AR, FR, SR};
use kam_planner::domain::workspace::{Customer, TierOverride, Workspace};
use proptest::prelude::*;

const TODAY: &str = "2026-01-15";

/// A stakeholder of `account` with a decision role, support and influence; everything else
/// default (broad layer, no owner, never contacted).
fn sh(id: &str, account: &str, role: DecisionRole, support: i32, influence: u32) -> Stakeholder {
    Stakeholder {
        id: id.to_string(),
        account: account.to_string(),
        name: format!("名{id}"),
        role,
        support,
        influence,
        ..Stakeholder::default()
    }
}

fn customer(id: &str, tier: &str) -> Rc<Customer> {
    Rc::new(Customer {
        id: id.to_string(),
        name: format!("客户{id}"),
        annual_purchase: 1e6,
        tier_override: Some(TierOverride {
            tier: tier.to_string(),
            reason: "test".to_string(),
        }),
        ..Customer::default()
    })
}

fn person(id: &str, role: &str) -> Person {
    Person {
        id: id.to_string(),
        name: id.to_string(),
        role: role.to_string(),
        ..Person::default()
    }
}

fn assign(person: &str, account: &str, role: &str) -> Assignment {
    Assignment {
        id: format!("{person}-{account}-{role}"),
        person: person.to_string(),
        account: account.to_string(),
        role: role.to_string(),
        fte: 1.0,
        updated_at: 0,
    }
}

/// A workspace on 2026-01-15 with the key account c1 (strategic) served by p-ad (AD), p-ar (AR),
/// p-sr (SR) and p-fr (FR), and a clean decision chain on it: no flag at all.
///
/// - s1 总经理: decision maker, support 2, influence 5, key, owned by the AD;
/// - s2 副总经理: decision maker, support 1, influence 4, key, owned by the AR;
/// - s3: coach (support 3), influence 2, owned by the SR;
/// - s4: user, support 0, influence 1, owned by the FR.
///
/// Everyone was last contacted ten days ago.
fn clean() -> Workspace {
    let mut ws = Workspace::empty("w", "test", 0);
    ws.meta.today = TODAY.to_string();
    ws.customers = vec![customer("c1", "strategic")];
    ws.org.account_tiers = vec!["strategic".into(), "value".into()];
    ws.org.people = vec![
        person("p-ad", AD),
        person("p-ar", AR),
        person("p-sr", SR),
        person("p-fr", FR),
    ];
    ws.org.assignments = vec![
        assign("p-ad", "c1", AD),
        assign("p-ar", "c1", AR),
        assign("p-sr", "c1", SR),
        assign("p-fr", "c1", FR),
    ];
    let mut list = vec![
        sh("s1", "c1", DecisionRole::DecisionMaker, 2, 5),
        sh("s2", "c1", DecisionRole::DecisionMaker, 1, 4),
        sh("s3", "c1", DecisionRole::Coach, 3, 2),
        sh("s4", "c1", DecisionRole::User, 0, 1),
    ];
    for (s, owner) in list.iter_mut().zip(["p-ad", "p-ar", "p-sr", "p-fr"]) {
        s.owner = Some(owner.to_string());
        s.last_contact = "2026-01-05".to_string();
    }
    list[0].layer = Layer::Key;
    list[1].layer = Layer::Key;
    list[1].reports_to = Some("s1".into());
    ws.mcr.stakeholders = list;
    ws
}

fn get<'a>(ws: &'a mut Workspace, id: &str) -> &'a mut Stakeholder {
    ws.mcr
        .stakeholders
        .iter_mut()
        .find(|s| s.id == id)
        .expect("the test's stakeholder")
}

/// The flags of c1.
fn flags_of(ws: &Workspace) -> Vec<Flag> {
    calc::health(ws)
        .into_iter()
        .find(|h| h.account == "c1")
        .map(|h| h.flags)
        .unwrap_or_default()
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------------------------------------
// Score and coverage

#[test]
fn score_of_hand_computed_sets() {
    let none: Vec<Stakeholder> = Vec::new();
    assert_eq!(calc::score(&none), None, "no stakeholders, no score");

    let neutral = [
        sh("a", "c", DecisionRole::User, 0, 5),
        sh("b", "c", DecisionRole::DecisionMaker, 0, 1),
    ];
    assert_eq!(calc::score(&neutral), Some(0.0));

    let opposed = [
        sh("a", "c", DecisionRole::User, -1, 5),
        sh("b", "c", DecisionRole::DecisionMaker, -1, 2),
    ];
    assert_eq!(calc::score(&opposed), Some(-100.0));

    let coaches = [
        sh("a", "c", DecisionRole::Coach, 3, 1),
        sh("b", "c", DecisionRole::Influencer, 3, 4),
    ];
    assert_eq!(calc::score(&coaches), Some(100.0));

    // Σ support·influence = 2·5 + (−1)·2 + 0·3 = 8, Σ influence = 10: s = 0.8, above zero
    // scaled by 100 / 3 → 26.67.
    let mixed = [
        sh("a", "c", DecisionRole::DecisionMaker, 2, 5),
        sh("b", "c", DecisionRole::Evaluator, -1, 2),
        sh("c", "c", DecisionRole::User, 0, 3),
    ];
    let s = calc::score(&mixed).expect("a score");
    assert!((s - 80.0 / 3.0).abs() < 1e-9, "{s}");

    // Σ = (−1)·4 + 1·1 = −3 over 5: s = −0.6, below zero scaled by 100 → −60. Influence is
    // what weighs: the same two people with the influences swapped score (−1 + 4) / 5 = 0.6,
    // i.e. +20.
    let negative = [
        sh("a", "c", DecisionRole::DecisionMaker, -1, 4),
        sh("b", "c", DecisionRole::User, 1, 1),
    ];
    let s = calc::score(&negative).expect("a score");
    assert!((s + 60.0).abs() < 1e-9, "{s}");
    let swapped = [
        sh("a", "c", DecisionRole::DecisionMaker, -1, 1),
        sh("b", "c", DecisionRole::User, 1, 4),
    ];
    let s = calc::score(&swapped).expect("a score");
    assert!((s - 20.0).abs() < 1e-9, "{s}");
}

#[test]
fn coverage_counts_decision_makers_at_support_one_or_more() {
    let list = [
        sh("a", "c", DecisionRole::DecisionMaker, 1, 3),
        sh("b", "c", DecisionRole::DecisionMaker, 0, 3),
        sh("c", "c", DecisionRole::DecisionMaker, -1, 3),
        sh("d", "c", DecisionRole::DecisionMaker, 3, 3),
        // A coach who does not decide does not count.
        sh("e", "c", DecisionRole::Coach, 3, 3),
    ];
    let c = calc::coverage(&list);
    assert_eq!(
        c,
        Coverage {
            covered: 2,
            total: 4
        }
    );
    assert_eq!(c.pct(), Some(50.0));
    assert_eq!(calc::coverage(&list[4..]).pct(), None, "no decision makers");
}

#[test]
fn pooled_coverage_pools_the_decision_makers_of_the_accounts_taken() {
    let mut ws = clean();
    // c2: one decision maker against, one for. Pooled over both accounts: 3 of 4.
    ws.mcr.stakeholders.extend([
        sh("t1", "c2", DecisionRole::DecisionMaker, 0, 5),
        sh("t2", "c2", DecisionRole::DecisionMaker, 2, 1),
    ]);
    assert_eq!(calc::pooled_coverage_pct(&ws.mcr, |_| true), Some(75.0));
    assert_eq!(
        calc::pooled_coverage_pct(&ws.mcr, |a| a == "c2"),
        Some(50.0)
    );
    assert_eq!(calc::pooled_coverage_pct(&ws.mcr, |a| a == "c9"), None);
}

// ---------------------------------------------------------------------------------------------
// Red flags, each on a planted and a clean case

#[test]
fn the_clean_account_has_no_flag() {
    let ws = clean();
    assert_eq!(flags_of(&ws), Vec::<Flag>::new());
    let h = calc::health(&ws);
    assert_eq!(h.len(), 1);
    assert!(h[0].has_coach);
    assert_eq!(h[0].coverage.pct(), Some(100.0));
}

#[test]
fn a_key_account_without_stakeholders_is_flagged_and_another_is_not_listed() {
    let mut ws = clean();
    ws.customers.push(customer("c2", "value"));
    ws.customers.push(customer("c3", "ordinary"));
    let h = calc::health(&ws);
    let c2 = h
        .iter()
        .find(|h| h.account == "c2")
        .expect("key account listed");
    assert_eq!(c2.flags, vec![Flag::NoStakeholders]);
    assert_eq!(c2.score, None);
    assert!(
        !h.iter().any(|h| h.account == "c3"),
        "an ordinary account without stakeholders is not an MCR account"
    );
    // Given stakeholders, the ordinary account is listed, and without the key-account flag.
    ws.mcr
        .stakeholders
        .push(sh("o1", "c3", DecisionRole::Coach, 3, 2));
    let h = calc::health(&ws);
    let c3 = h.iter().find(|h| h.account == "c3").expect("listed now");
    assert!(!c3.has("no_stakeholders"));
}

#[test]
fn a_decision_maker_at_support_zero_or_below_is_flagged() {
    let mut ws = clean();
    get(&mut ws, "s2").support = 0;
    assert_eq!(
        flags_of(&ws),
        vec![Flag::DecisionMakerAgainst(ids(&["s2"]))]
    );
    get(&mut ws, "s1").support = -1;
    assert_eq!(
        flags_of(&ws),
        vec![Flag::DecisionMakerAgainst(ids(&["s1", "s2"]))]
    );
    // A user against us is no decision maker against us.
    let mut ws = clean();
    get(&mut ws, "s4").support = -1;
    assert_eq!(flags_of(&ws), Vec::<Flag>::new());
}

#[test]
fn no_coach_is_flagged_and_support_three_makes_a_coach() {
    let mut ws = clean();
    let s3 = get(&mut ws, "s3");
    s3.role = DecisionRole::Influencer;
    s3.support = 2;
    assert_eq!(flags_of(&ws), vec![Flag::NoCoach]);
    assert!(!calc::health(&ws)[0].has_coach);
    // Support 3 makes a coach whatever the role, and so does the role at any support.
    get(&mut ws, "s3").support = 3;
    assert_eq!(flags_of(&ws), Vec::<Flag>::new());
    let s3 = get(&mut ws, "s3");
    s3.role = DecisionRole::Coach;
    s3.support = 0;
    assert_eq!(flags_of(&ws), Vec::<Flag>::new());
}

#[test]
fn a_stakeholder_without_owner_is_flagged() {
    let mut ws = clean();
    get(&mut ws, "s4").owner = None;
    assert_eq!(flags_of(&ws), vec![Flag::NoOwner(ids(&["s4"]))]);
    // An empty owner is no owner.
    get(&mut ws, "s4").owner = Some(String::new());
    assert_eq!(flags_of(&ws), vec![Flag::NoOwner(ids(&["s4"]))]);
}

#[test]
fn stale_after_ninety_days_or_never_and_refreshed_by_the_contact_log_and_done_151_actions() {
    let mut ws = clean();
    // 2025-10-17 is 90 days before 2026-01-15: not yet stale; a day earlier is.
    get(&mut ws, "s4").last_contact = "2025-10-17".into();
    assert_eq!(flags_of(&ws), Vec::<Flag>::new());
    get(&mut ws, "s4").last_contact = "2025-10-16".into();
    assert_eq!(flags_of(&ws), vec![Flag::Stale(ids(&["s4"]))]);
    let last = calc::last_contacts(&ws);
    let ctx = calc::FlagContext::new(&ws, &last);
    assert_eq!(ctx.days_since("s4"), Some(91));
    get(&mut ws, "s3").last_contact = String::new();
    assert_eq!(flags_of(&ws), vec![Flag::Stale(ids(&["s3", "s4"]))]);

    // A planned 151 action refreshes nothing; once done, it counts as a contact.
    let mut entry = Entry {
        id: "e1".into(),
        account: "c1".into(),
        action: Action::ExecutiveVisit,
        date: "2026-01-10".into(),
        status: Status::Planned,
        stakeholders: ids(&["s4"]),
        ..Entry::default()
    };
    ws.engagement.entries.push(entry.clone());
    assert_eq!(flags_of(&ws), vec![Flag::Stale(ids(&["s3", "s4"]))]);
    entry.status = Status::Done;
    ws.engagement.entries = vec![entry];
    assert_eq!(flags_of(&ws), vec![Flag::Stale(ids(&["s3"]))]);

    // The contact log refreshes too: an older log entry does not, a recent one does.
    ws.mcr.contacts.push(Contact {
        id: "k1".into(),
        stakeholder: "s3".into(),
        date: "2025-09-01".into(),
        ..Contact::default()
    });
    assert_eq!(flags_of(&ws), vec![Flag::Stale(ids(&["s3"]))]);
    ws.mcr.contacts.push(Contact {
        id: "k2".into(),
        stakeholder: "s3".into(),
        date: "2025-12-20".into(),
        ..Contact::default()
    });
    assert_eq!(flags_of(&ws), Vec::<Flag>::new());
    let last = calc::last_contacts(&ws);
    assert_eq!(
        last.get("s3").copied(),
        kam_planner::domain::dates::day_number("2025-12-20")
    );

    // The threshold is a setting.
    ws.mcr.settings.stale_days = 5;
    assert_eq!(flags_of(&ws), vec![Flag::Stale(ids(&["s1", "s2", "s3"]))]);
}

#[test]
fn single_thread_when_every_key_stakeholder_has_one_owner() {
    let mut ws = clean();
    get(&mut ws, "s1").owner = Some("p-ar".into());
    assert_eq!(flags_of(&ws), vec![Flag::SingleThread("p-ar".into())]);

    // Not with a single key stakeholder: there is no thread to speak of.
    let mut one = ws.clone();
    get(&mut one, "s2").layer = Layer::Broad;
    assert_eq!(flags_of(&one), Vec::<Flag>::new());

    // Not with two owners (the clean case: the AD and the AR).
    assert_eq!(flags_of(&clean()), Vec::<Flag>::new());

    // Not when a key stakeholder has no owner: that is its own flag.
    let mut unowned = ws.clone();
    get(&mut unowned, "s1").owner = None;
    assert_eq!(flags_of(&unowned), vec![Flag::NoOwner(ids(&["s1"]))]);

    // Broad-layer stakeholders do not count: owning all of them does not make a thread.
    let mut broad = clean();
    get(&mut broad, "s3").owner = Some("p-ar".into());
    get(&mut broad, "s4").owner = Some("p-ar".into());
    assert_eq!(flags_of(&broad), Vec::<Flag>::new());
}

#[test]
fn a_decision_maker_owned_below_ar_or_ad_is_a_level_mismatch() {
    // Owned by the account's SR, or its FR.
    let mut ws = clean();
    get(&mut ws, "s1").owner = Some("p-sr".into());
    assert_eq!(flags_of(&ws), vec![Flag::LevelMismatch(ids(&["s1"]))]);
    get(&mut ws, "s2").owner = Some("p-fr".into());
    assert_eq!(flags_of(&ws), vec![Flag::LevelMismatch(ids(&["s1", "s2"]))]);
    // A user owned by the FR is no mismatch (the clean case has one).
    assert_eq!(flags_of(&clean()), Vec::<Flag>::new());

    // The role played on the account decides, not the home role: an SR assigned as AR on c1
    // is at level; an AR assigned as SR on c1 is not.
    let mut ws = clean();
    ws.org.people.push(person("p-x", SR));
    ws.org.people.push(person("p-y", AR));
    ws.org.assignments.push(assign("p-x", "c1", AR));
    ws.org.assignments.push(assign("p-y", "c1", SR));
    get(&mut ws, "s1").owner = Some("p-x".into());
    assert_eq!(flags_of(&ws), Vec::<Flag>::new());
    get(&mut ws, "s1").owner = Some("p-y".into());
    assert_eq!(flags_of(&ws), vec![Flag::LevelMismatch(ids(&["s1"]))]);

    // Someone not assigned to the account is judged by their home role.
    let mut ws = clean();
    ws.org.people.push(person("p-boss", AD));
    ws.org.people.push(person("p-fr2", FR));
    get(&mut ws, "s1").owner = Some("p-boss".into());
    assert_eq!(flags_of(&ws), Vec::<Flag>::new());
    get(&mut ws, "s1").owner = Some("p-fr2".into());
    assert_eq!(flags_of(&ws), vec![Flag::LevelMismatch(ids(&["s1"]))]);
    // Nor is an owner unknown to the organisation at level.
    get(&mut ws, "s1").owner = Some("p-gone".into());
    assert_eq!(flags_of(&ws), vec![Flag::LevelMismatch(ids(&["s1"]))]);
}

#[test]
fn flags_come_in_a_fixed_order_and_name_their_stakeholders() {
    let mut ws = clean();
    get(&mut ws, "s1").support = 0;
    get(&mut ws, "s1").owner = Some("p-sr".into());
    get(&mut ws, "s3").support = 1;
    get(&mut ws, "s3").role = DecisionRole::User;
    get(&mut ws, "s4").owner = None;
    get(&mut ws, "s4").last_contact = String::new();
    let f = flags_of(&ws);
    let keys: Vec<&str> = f.iter().map(Flag::key).collect();
    assert_eq!(
        keys,
        [
            "decision_maker_against",
            "no_coach",
            "no_owner",
            "stale",
            "level_mismatch"
        ]
    );
    assert_eq!(f[0].stakeholders(), ids(&["s1"]).as_slice());
    assert!(f[1].stakeholders().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Health of accounts and tiers

/// c1 (the clean one, strategic, coach, score 55.6), c2 strategic without a coach but a higher
/// score, c3 value without a coach, c4 value with a coach and a lower score.
fn four_accounts() -> Workspace {
    let mut ws = clean();
    ws.customers.extend([
        customer("c2", "strategic"),
        customer("c3", "value"),
        customer("c4", "value"),
    ]);
    let mut more = vec![
        sh("b1", "c2", DecisionRole::DecisionMaker, 2, 5),
        sh("b2", "c2", DecisionRole::Evaluator, 2, 3),
        sh("d1", "c3", DecisionRole::DecisionMaker, 1, 4),
        sh("d2", "c3", DecisionRole::Evaluator, 0, 2),
        sh("e1", "c4", DecisionRole::DecisionMaker, 0, 4),
        sh("e2", "c4", DecisionRole::Coach, 3, 1),
    ];
    for s in more.iter_mut() {
        s.owner = Some("p-ar".into());
        s.last_contact = "2026-01-02".into();
    }
    ws.mcr.stakeholders.extend(more);
    ws
}

#[test]
fn health_puts_the_top_tier_first_and_there_the_accounts_without_a_coach() {
    let ws = four_accounts();
    let h = calc::health(&ws);
    let order: Vec<&str> = h.iter().map(|h| h.account.as_str()).collect();
    assert_eq!(order, ["c2", "c1", "c3", "c4"]);
    // c1: Σ = 2·5 + 1·4 + 3·2 + 0·1 = 20 over 12 → 5/3 → 55.6; c2: 2 → 66.7.
    let c1 = &h[1];
    assert!((c1.score.expect("score") - 500.0 / 9.0).abs() < 1e-9);
    assert!((h[0].score.expect("score") - 200.0 / 3.0).abs() < 1e-9);
    assert!(h[0].has("no_coach") && !h[0].has_coach);
    assert_eq!(h[0].tier.as_deref(), Some("strategic"));
    assert!(h[0].tier_rank < h[2].tier_rank);
}

#[test]
fn tier_health_sums_its_accounts() {
    let ws = four_accounts();
    let h = calc::health(&ws);
    let t = calc::tier_health(&h);
    assert_eq!(t.len(), 2);
    let (s, v) = (&t[0], &t[1]);
    assert_eq!(s.tier, "strategic");
    assert_eq!(s.accounts, 2);
    // Decision makers: s1, s2 (c1) and b1 (c2), all for us.
    assert_eq!(
        s.coverage,
        Coverage {
            covered: 3,
            total: 3
        }
    );
    let mean = s.mean_score.expect("mean");
    assert!(
        (mean - (500.0 / 9.0 + 200.0 / 3.0) / 2.0).abs() < 1e-9,
        "{mean}"
    );
    assert_eq!((s.flagged, s.without_coach), (1, 1));
    assert_eq!(v.tier, "value");
    assert_eq!(v.accounts, 2);
    // d1 for us, e1 neutral.
    assert_eq!(
        v.coverage,
        Coverage {
            covered: 1,
            total: 2
        }
    );
    // c3: no coach; c4: decision maker against (and single-threaded: e1 is not key, so no).
    assert_eq!((v.flagged, v.without_coach), (2, 1));
}

// ---------------------------------------------------------------------------------------------
// Reports-to cycles

/// Stakeholders of one account named by their index, each reporting to the index given (or to
/// an id that is not in the list).
fn tree(parents: &[Option<usize>]) -> Vec<Stakeholder> {
    parents
        .iter()
        .enumerate()
        .map(|(i, p)| Stakeholder {
            id: format!("n{i}"),
            account: "c".into(),
            name: format!("人{i}"),
            reports_to: p.map(|p| format!("n{p}")),
            ..Stakeholder::default()
        })
        .collect()
}

#[test]
fn cycles_are_found_with_their_members_in_line_order() {
    // A stakeholder reporting to itself is no cycle (the line is ignored).
    assert!(layout::cycles(&tree(&[Some(0), None])).is_empty());
    assert_eq!(layout::parents(&tree(&[Some(0)])), vec![None]);
    // Two reporting to each other.
    assert_eq!(
        layout::cycles(&tree(&[None, Some(2), Some(1)])),
        vec![vec![1, 2]]
    );
    // Three: 0 → 2 → 1 → 0, given from the lowest index.
    assert_eq!(
        layout::cycles(&tree(&[Some(2), Some(0), Some(1)])),
        vec![vec![0, 2, 1]]
    );
    // A tail into a cycle: 0 → 1 ⇄ 2, 3 → 0. Only 1 and 2 go round.
    assert_eq!(
        layout::cycles(&tree(&[Some(1), Some(2), Some(1), Some(0)])),
        vec![vec![1, 2]]
    );
    // Two separate cycles and a clean tree.
    assert_eq!(
        layout::cycles(&tree(&[None, Some(0), Some(3), Some(2), Some(5), Some(4)])),
        vec![vec![2, 3], vec![4, 5]]
    );
    // A line to someone who is not in the list is no line.
    let mut t = tree(&[None, None]);
    t[1].reports_to = Some("elsewhere".into());
    assert_eq!(layout::parents(&t), vec![None, None]);
    assert!(layout::cycles(&t).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Layout

/// The chart's promises: one place per stakeholder in order; no two on one row closer than a
/// slot; every child on a row below its parent; everything inside the chart's size.
fn assert_tidy(list: &[Stakeholder], chart: &Chart) {
    assert_eq!(chart.places.len(), list.len());
    let mut rows: HashMap<usize, Vec<f64>> = HashMap::new();
    for (i, p) in chart.places.iter().enumerate() {
        assert_eq!(p.index, i);
        assert!(
            p.x >= 0.0 && p.x + 1.0 <= chart.width + 1e-9,
            "{p:?} in {}",
            chart.width
        );
        assert!(p.y < chart.height, "{p:?} below {}", chart.height);
        if let Some(parent) = p.parent {
            assert!(
                p.y > chart.places[parent].y,
                "child {i} on row {} not below its parent {parent} on row {}",
                p.y,
                chart.places[parent].y
            );
        }
        rows.entry(p.y).or_default().push(p.x);
    }
    for (y, mut xs) in rows {
        xs.sort_by(f64::total_cmp);
        for w in xs.windows(2) {
            assert!(w[1] - w[0] >= 1.0 - 1e-9, "overlap on row {y}: {w:?}");
        }
    }
    // Every parent drawn is the one reported to, unless the line was broken to open a cycle.
    let parents = layout::parents(list);
    for (p, q) in chart.places.iter().zip(&parents) {
        assert!(p.parent.is_none() || p.parent == *q);
    }
}

/// How each node of a random forest picks its parent.
fn forest() -> impl Strategy<Value = Vec<Option<usize>>> {
    (1usize..160).prop_flat_map(|n| {
        prop::collection::vec((0u8..5, any::<prop::sample::Index>()), n).prop_map(|picks| {
            picks
                .iter()
                .enumerate()
                .map(|(i, (kind, r))| match (i, kind) {
                    (0, _) | (_, 0) => None,
                    // Deep: under the one before.
                    (_, 1) => Some(i - 1),
                    // Wide: under the first node, which collects many leaves.
                    (_, 2) => Some(0),
                    // Anywhere above.
                    _ => Some(r.index(i)),
                })
                .collect()
        })
    })
}

/// Any reports-to lines at all: cycles, self-loops, several roots.
fn tangle() -> impl Strategy<Value = Vec<Option<usize>>> {
    (1usize..120).prop_flat_map(|n| prop::collection::vec(prop::option::weighted(0.9, 0..n), n))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn layout_of_random_forests_is_tidy(parents in forest()) {
        let list = tree(&parents);
        let chart = layout::layout(&list);
        assert_tidy(&list, &chart);
        // A forest keeps every line.
        prop_assert_eq!(chart.places.iter().map(|p| p.parent).collect::<Vec<_>>(), layout::parents(&list));
    }

    #[test]
    fn layout_of_tangled_lines_is_tidy(parents in tangle()) {
        let list = tree(&parents);
        let chart = layout::layout(&list);
        assert_tidy(&list, &chart);
        // Exactly one line is dropped per cycle.
        let dropped = chart
            .places
            .iter()
            .zip(layout::parents(&list))
            .filter(|(p, q)| p.parent != *q)
            .count();
        prop_assert_eq!(dropped, layout::cycles(&list).len());
    }
}

#[test]
fn a_chain_of_five_thousand_lays_out_without_overflowing_the_stack() {
    let parents: Vec<Option<usize>> = (0..5000usize).map(|i| i.checked_sub(1)).collect();
    let list = tree(&parents);
    let chart = layout::layout(&list);
    assert_tidy(&list, &chart);
    assert_eq!(chart.height, 5000);
    assert_eq!(chart.width, 1.0);
    assert_eq!(chart.places[4999].y, 4999);
    // And the same chain closed into a circle is found, and broken at its first member.
    let mut ring = parents.clone();
    ring[0] = Some(4999);
    let list = tree(&ring);
    assert_eq!(layout::cycles(&list).len(), 1);
    assert_eq!(layout::cycles(&list)[0].len(), 5000);
    let chart = layout::layout(&list);
    assert_tidy(&list, &chart);
    assert_eq!(chart.places[0].parent, None);
}

#[test]
fn many_leaves_stack_in_one_column_and_a_few_sit_side_by_side() {
    // 0 has four leaves (more than STACK_AFTER = 3): stacked under it.
    let list = tree(&[None, Some(0), Some(0), Some(0), Some(0)]);
    let chart = layout::layout(&list);
    assert_tidy(&list, &chart);
    assert_eq!(chart.width, 1.0);
    assert_eq!(chart.height, 5);
    for (k, p) in chart.places[1..].iter().enumerate() {
        assert!(p.stacked);
        assert_eq!((p.x, p.y), (0.0, k + 1));
    }
    // Three leaves: side by side, the parent centred over them.
    let list = tree(&[None, Some(0), Some(0), Some(0)]);
    let chart = layout::layout(&list);
    assert_eq!(chart.width, 3.0);
    assert_eq!(chart.places[0].x, 1.0);
    let xs: Vec<f64> = chart.places[1..].iter().map(|p| p.x).collect();
    assert_eq!(xs, [0.0, 1.0, 2.0]);
    assert!(chart.places.iter().all(|p| !p.stacked));
    // Empty list, empty chart.
    let chart = layout::layout(&[]);
    assert_eq!((chart.places.len(), chart.width, chart.height), (0, 0.0, 0));
}

// ---------------------------------------------------------------------------------------------
// What check refuses

#[test]
fn check_accepts_the_clean_document_and_refuses_each_bad_one() {
    let ws = clean();
    assert_eq!(check(&ws.mcr), Ok(()));

    let refuse = |f: &dyn Fn(&mut Workspace)| {
        let mut ws = clean();
        f(&mut ws);
        check(&ws.mcr).expect_err("refused")
    };
    for support in [-2, 4] {
        assert_eq!(
            refuse(&|ws| get(ws, "s2").support = support),
            McrRefusal::OutOfRange("名s2".into())
        );
    }
    for influence in [0, 6] {
        assert_eq!(
            refuse(&|ws| get(ws, "s2").influence = influence),
            McrRefusal::OutOfRange("名s2".into())
        );
    }
    assert_eq!(
        refuse(&|ws| get(ws, "s3").name = "  ".into()),
        McrRefusal::MissingName
    );
    assert_eq!(
        refuse(&|ws| get(ws, "s4").id = "s1".into()),
        McrRefusal::DuplicateId("s1".into())
    );
    assert_eq!(
        refuse(&|ws| get(ws, "s4").last_contact = "2026-13-01".into()),
        McrRefusal::BadDate {
            what: "s4".into(),
            date: "2026-13-01".into()
        }
    );
    // Reports to itself, to someone of another account, to no one known.
    assert_eq!(
        refuse(&|ws| get(ws, "s2").reports_to = Some("s2".into())),
        McrRefusal::BadReportsTo("名s2".into())
    );
    assert_eq!(
        refuse(&|ws| {
            ws.mcr
                .stakeholders
                .push(sh("x1", "c2", DecisionRole::User, 0, 1));
            get(ws, "s2").reports_to = Some("x1".into());
        }),
        McrRefusal::BadReportsTo("名s2".into())
    );
    assert_eq!(
        refuse(&|ws| get(ws, "s2").reports_to = Some("nobody".into())),
        McrRefusal::BadReportsTo("名s2".into())
    );
    // A circle, named in the order of its line.
    assert_eq!(
        refuse(&|ws| {
            get(ws, "s1").reports_to = Some("s3".into());
            get(ws, "s3").reports_to = Some("s2".into());
        }),
        McrRefusal::Cycle("名s1 → 名s3 → 名s2".into())
    );
    // The other lists: ids once per list, real dates, VCT answers 0–5.
    let contact = |id: &str, date: &str| Contact {
        id: id.into(),
        stakeholder: "s1".into(),
        date: date.into(),
        ..Contact::default()
    };
    assert_eq!(
        refuse(&|ws| ws.mcr.contacts = vec![contact("k1", "2026-01-02"), contact("k1", "")]),
        McrRefusal::DuplicateId("k1".into())
    );
    assert_eq!(
        refuse(&|ws| ws.mcr.contacts = vec![contact("k1", "yesterday")]),
        McrRefusal::BadDate {
            what: "k1".into(),
            date: "yesterday".into()
        }
    );
    assert_eq!(
        refuse(&|ws| {
            ws.mcr.plan = vec![PlanItem {
                id: "p1".into(),
                account: "c1".into(),
                due: "2026/03/01".into(),
                ..PlanItem::default()
            }]
        }),
        McrRefusal::BadDate {
            what: "p1".into(),
            date: "2026/03/01".into()
        }
    );
    let vct = |answers: [u8; 5]| VctCheck {
        id: "v1".into(),
        account: "c1".into(),
        date: "2026-01-10".into(),
        answers,
        ..VctCheck::default()
    };
    assert_eq!(
        refuse(&|ws| ws.mcr.vct = vec![vct([5, 5, 6, 1, 1])]),
        McrRefusal::BadAnswer("v1".into())
    );
    // An unanswered question (0) is fine, and so is an id shared across lists.
    let mut ws = clean();
    ws.mcr.vct = vec![vct([0, 5, 1, 3, 2])];
    ws.mcr.contacts = vec![contact("s1", "2026-01-02")];
    assert_eq!(check(&ws.mcr), Ok(()));
    assert_eq!(ws.mcr.vct[0].mean(), Some(2.75));
}

/// Deleting a customer takes its decision chain, contacts, plan and VCT checks along (and the
/// 151 log forgets the stakeholders met); removing a person clears what they owned in MCR.
#[test]
fn deleting_a_customer_or_a_person_leaves_no_reference_behind_in_mcr() {
    use kam_planner::domain::demo::{self as demo_ws, DemoLocale};
    use kam_planner::domain::edit::{apply, Edit};
    let ws = demo_ws::build("demo-1", 1_768_435_200_000, DemoLocale::Zh);
    let account = ws.mcr.stakeholders[0].account.clone();
    let before = ws.mcr.of_account(&account).count();
    assert_eq!(before, 60, "the demo's largest account");
    let next = apply(&ws, &Edit::DeleteCustomers(vec![account.clone()]), 1)
        .expect("applies")
        .expect("changes");
    assert_eq!(next.mcr.of_account(&account).count(), 0);
    assert!(next.mcr.plan.iter().all(|p| p.account != account));
    assert!(next.mcr.vct.iter().all(|v| v.account != account));
    let ids: std::collections::HashSet<&str> = next
        .mcr
        .stakeholders
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert!(next
        .mcr
        .contacts
        .iter()
        .all(|c| ids.contains(c.stakeholder.as_str())));
    assert!(next
        .engagement
        .entries
        .iter()
        .flat_map(|e| &e.stakeholders)
        .all(|s| ids.contains(s.as_str())));
    assert!(kam_planner::domain::mcr::check(&next.mcr).is_ok());

    let owner = ws.mcr.stakeholders[0].owner.clone().expect("owned");
    let mut org = ws.org.clone();
    org.people.retain(|p| p.id != owner);
    org.assignments.retain(|a| a.person != owner);
    let next = apply(&ws, &Edit::SetOrg(Box::new(org)), 2)
        .expect("applies")
        .expect("changes");
    assert!(next
        .mcr
        .stakeholders
        .iter()
        .all(|s| s.owner.as_deref() != Some(&owner)));
    assert!(next
        .mcr
        .plan
        .iter()
        .all(|p| p.owner.as_deref() != Some(&owner)));
    assert!(next
        .mcr
        .contacts
        .iter()
        .all(|c| !c.our_people.contains(&owner)));
    let cleared = ws
        .mcr
        .stakeholders
        .iter()
        .filter(|s| s.owner.as_deref() == Some(&owner))
        .count();
    assert!(cleared > 0);
    assert_eq!(
        next.mcr
            .stakeholders
            .iter()
            .filter(|s| s.owner.is_none())
            .count(),
        ws.mcr
            .stakeholders
            .iter()
            .filter(|s| s.owner.is_none())
            .count()
            + cleared
    );
}

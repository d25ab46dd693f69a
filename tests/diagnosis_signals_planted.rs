//! Signals from the data (`diagnosis::signals`) on a small clean workspace built by hand: it
//! raises none, and for each kind a planted change raises exactly that kind, on its dimension.

use std::collections::BTreeSet;
use std::rc::Rc;

use kam_planner::domain::diagnosis::signals::{counts, signals, Signal, SignalKind};
use kam_planner::domain::diagnosis::Soti;
use kam_planner::domain::engagement::completion::completion;
use kam_planner::domain::engagement::{Action, ActionCounts, Entry, Status};
use kam_planner::domain::governance::{Cadence, Meeting};
use kam_planner::domain::kpi::defaults::team_card_id;
use kam_planner::domain::ltc::{Contract, DueBase, DueRule, Milestone, Scope, Target};
use kam_planner::domain::mcr::calc::health;
use kam_planner::domain::mcr::{DecisionRole, Layer, Stakeholder};
use kam_planner::domain::org::staffing::staffing;
use kam_planner::domain::org::{Assignment, Person, TriangleType, AD, AR, FR, SR};
use kam_planner::domain::portfolio::{BusinessLine, Horizon};
use kam_planner::domain::tiering::{Condition, Field, Join, Op, Rule, Tier};
use kam_planner::domain::workspace::{Customer, Workspace, YearPurchase};

/// (kind, subject, count, of) of each signal, in order.
fn figures(list: &[Signal]) -> Vec<(&'static str, &str, usize, Option<usize>)> {
    list.iter()
        .map(|s| (s.kind.key(), s.subject.as_str(), s.count, s.of))
        .collect()
}

fn kinds(list: &[Signal]) -> BTreeSet<SignalKind> {
    list.iter().map(|s| s.kind).collect()
}

// ---------------------------------------------------------------------------------------------
// A clean workspace

const A: &str = "c-a";
const B: &str = "c-b";

/// A customer with purchases in 2024, 2025 and 2026 (growing, so no curse), revenue and five
/// years with us (a mature triangle).
fn customer(id: &str, name: &str, purchases: [f64; 3]) -> Rc<Customer> {
    Rc::new(Customer {
        id: id.to_string(),
        name: name.to_string(),
        annual_purchase: purchases[2],
        revenue: 10_000_000.0,
        years_of_cooperation: 5,
        history: (2024..)
            .zip(purchases)
            .map(|(year, annual_purchase)| YearPurchase {
                year,
                annual_purchase,
            })
            .collect(),
        ..Customer::default()
    })
}

fn person(id: &str, role: &str) -> Person {
    Person {
        id: id.to_string(),
        name: format!("人{id}"),
        role: role.to_string(),
        ..Person::default()
    }
}

fn assign(person: &str, account: &str, role: &str, fte: f64) -> Assignment {
    Assignment {
        id: format!("{person}-{account}"),
        person: person.to_string(),
        account: account.to_string(),
        role: role.to_string(),
        fte,
        updated_at: 0,
    }
}

fn stakeholder(id: &str, account: &str, role: DecisionRole, support: i32) -> Stakeholder {
    Stakeholder {
        id: id.to_string(),
        account: account.to_string(),
        name: id.to_string(),
        role,
        support,
        last_contact: "2026-06-01".to_string(),
        ..Stakeholder::default()
    }
}

/// Two strategic accounts (A, B) and two general customers, tiers clearly apart; complete
/// triangles within capacity; the default rhythm reviews the strategic tier; each account has
/// done its one action of each kind; each has two key decision makers (owned by the AD and its
/// AR) and a coach, all met a month ago; the default scorecards and cascades; no pipeline.
fn clean() -> Workspace {
    let mut ws = Workspace::empty("clean", "clean", 0);
    ws.meta.fiscal_year = 2026;
    ws.meta.today = "2026-06-30".to_string();
    ws.tiering
        .tiers
        .retain(|t| t.id == "strategic" || t.id == "general");
    for t in ws.tiering.tiers.iter_mut() {
        t.target_share_pct = 50.0;
    }
    ws.customers = vec![
        customer(A, "甲公司", [14e6, 17e6, 20e6]),
        customer(B, "乙公司", [18e6, 21e6, 25e6]),
        customer("c-c", "丙公司", [0.7e6, 0.85e6, 1.0e6]),
        customer("c-d", "丁公司", [1.0e6, 1.2e6, 1.5e6]),
    ];
    ws.org.account_tiers = vec!["strategic".to_string()];
    ws.org.people = vec![
        person("ad", AD),
        person("ar1", AR),
        person("ar2", AR),
        person("sr1", SR),
        person("sr2", SR),
        person("fr1", FR),
        person("fr2", FR),
    ];
    ws.org.assignments = vec![
        assign("ad", A, AD, 0.5),
        assign("ad", B, AD, 0.5),
        assign("ar1", A, AR, 1.0),
        assign("ar2", B, AR, 1.0),
        assign("sr1", A, SR, 1.0),
        assign("sr2", B, SR, 1.0),
        assign("fr1", A, FR, 1.0),
        assign("fr2", B, FR, 1.0),
    ];
    ws.engagement.targets[0].counts = ActionCounts::from_array([1; 5]);
    ws.engagement.targets.truncate(1);
    ws.engagement.entries = [A, B]
        .into_iter()
        .flat_map(|account| {
            Action::ALL.into_iter().map(move |action| Entry {
                id: format!("e-{account}-{}", action.key()),
                account: account.to_string(),
                action,
                date: "2026-03-10".to_string(),
                status: Status::Done,
                ..Entry::default()
            })
        })
        .collect();
    for (account, ar) in [(A, "ar1"), (B, "ar2")] {
        let mut dm1 = stakeholder(
            &format!("{account}-1"),
            account,
            DecisionRole::DecisionMaker,
            2,
        );
        dm1.layer = Layer::Key;
        dm1.owner = Some("ad".to_string());
        let mut dm2 = stakeholder(
            &format!("{account}-2"),
            account,
            DecisionRole::DecisionMaker,
            1,
        );
        dm2.layer = Layer::Key;
        dm2.owner = Some(ar.to_string());
        let mut coach = stakeholder(&format!("{account}-3"), account, DecisionRole::Coach, 3);
        coach.owner = Some(ar.to_string());
        ws.mcr.stakeholders.extend([dm1, dm2, coach]);
    }
    ws
}

#[test]
fn a_clean_workspace_gives_no_signal() {
    let ws = clean();
    assert_eq!(signals(&ws), []);
    assert_eq!(counts(&signals(&ws)), [0; 4]);
    // It is clean because everything is in place, not because nothing is there.
    let tiers = ws.tiering.assign_all(&ws.customers);
    assert_eq!(
        staffing(&ws.org, &ws.tiering, &ws.customers, &tiers)
            .accounts
            .len(),
        2
    );
    assert_eq!(health(&ws).len(), 2);
    let c = completion(&ws);
    assert_eq!((c.total.credit, c.total.target), (10, 10));
}

/// The signals of the clean workspace after `plant`, checked to be all of `kind` and on `dim`.
fn planted(plant: impl FnOnce(&mut Workspace), kind: SignalKind, dim: Soti) -> Vec<Signal> {
    let mut ws = clean();
    plant(&mut ws);
    let list = signals(&ws);
    assert_eq!(kinds(&list), BTreeSet::from([kind]), "{list:#?}");
    assert!(list.iter().all(|s| s.dimension() == dim));
    let mut expected = [0; 4];
    expected[dim.index()] = list.len();
    assert_eq!(counts(&list), expected);
    list
}

fn one(list: Vec<Signal>) -> Signal {
    assert_eq!(list.len(), 1, "{list:#?}");
    list.into_iter().next().expect("one signal")
}

#[test]
fn an_empty_tier_is_a_structure_fault() {
    let s = one(planted(
        |ws| {
            let value = Tier {
                id: "value".to_string(),
                name_zh: "价值客户".to_string(),
                name_en: "Value".to_string(),
                target_share_pct: 0.0,
                rule: Some(Rule {
                    join: Join::Any,
                    conditions: vec![Condition::number(Field::AnnualPurchase, Op::Ge, 1e12)],
                }),
                ..ws.tiering.tiers[0].clone()
            };
            ws.tiering.tiers.insert(1, value);
        },
        SignalKind::StructureFault,
        Soti::Strategy,
    ));
    assert_eq!((s.subject.as_str(), s.count), ("empty_tier", 1));
    assert_eq!(s.examples, ["价值客户 / Value"]);
    assert_eq!(s.link, "#/tiering");
}

#[test]
fn flat_purchases_of_a_key_account_are_the_growth_curse() {
    // Both flat; only B is a key account (丙 is a general customer).
    let s = one(planted(
        |ws| {
            ws.customers[1] = customer(B, "乙公司", [25e6, 25e6, 25e6]);
            ws.customers[2] = customer("c-c", "丙公司", [1e6, 1e6, 1e6]);
        },
        SignalKind::Curse,
        Soti::Strategy,
    ));
    assert_eq!((s.subject.as_str(), s.count, s.of), ("growth", 1, Some(2)));
    assert_eq!(s.examples, ["乙公司"]);
}

#[test]
fn an_industry_of_core_lines_only_has_no_next_engine() {
    let s = one(planted(
        |ws| {
            ws.portfolio.lines.push(BusinessLine {
                id: "l1".to_string(),
                industry: "制造".to_string(),
                name: "MES".to_string(),
                horizon: Horizon::Core,
                revenue: 5e6,
                control_point: "标准".to_string(),
                ..BusinessLine::default()
            })
        },
        SignalKind::NoNextEngine,
        Soti::Strategy,
    ));
    assert_eq!((s.count, s.of, s.amount), (1, Some(1), Some(5e6)));
    assert_eq!(s.examples, ["制造"]);
}

#[test]
fn an_account_without_its_ad_misses_a_role() {
    // AD 0.5 of 3.5 missing: covered 85.7 %, not under-staffed.
    let s = one(planted(
        |ws| ws.org.assignments.retain(|a| a.id != "ad-c-a"),
        SignalKind::MissingRole,
        Soti::Organization,
    ));
    assert_eq!((s.subject.as_str(), s.count, s.of), (AD, 1, Some(2)));
    assert_eq!(s.examples, ["甲公司"]);
    assert_eq!(s.link, "#/team");
}

#[test]
fn a_thin_ar_leaves_an_account_under_staffed() {
    // AR 0.2 of 1: covered 2.7 of 3.5 = 77 % < 80 %.
    let s = one(planted(
        |ws| ws.org.assignments[2].fte = 0.2,
        SignalKind::UnderStaffed,
        Soti::Organization,
    ));
    assert_eq!((s.count, s.of), (1, Some(2)));
    assert_eq!(s.examples, ["甲公司"]);
}

#[test]
fn a_second_account_over_capacity_over_allocates() {
    let s = one(planted(
        |ws| ws.org.assignments.push(assign("sr1", B, SR, 0.5)),
        SignalKind::OverAllocated,
        Soti::Organization,
    ));
    assert_eq!((s.count, s.of), (1, Some(7)));
    assert_eq!(s.examples, ["人sr1"]);
}

#[test]
fn an_activity_without_an_accountable_role_is_a_raci_gap() {
    let mut names = (String::new(), 0);
    let s = one(planted(
        |ws| {
            let a = &mut ws.duties.activities[0];
            a.raci.clear();
            names = (
                format!("{} / {}", a.name_zh, a.name_en),
                ws.duties.activities.len(),
            );
        },
        SignalKind::RaciGap,
        Soti::Organization,
    ));
    assert_eq!((s.count, s.of), (1, Some(names.1)));
    assert_eq!(s.examples, [names.0]);
    assert_eq!(s.link, "#/roles");
}

#[test]
fn no_review_meeting_leaves_the_tier_without_review() {
    let s = one(planted(
        |ws| {
            for m in ws.governance.meetings.iter_mut() {
                m.review = false;
            }
        },
        SignalKind::TierWithoutReview,
        Soti::Organization,
    ));
    assert_eq!((s.subject.as_str(), s.count, s.of), ("", 1, Some(1)));
    assert_eq!(s.examples, ["战略客户 / Strategic"]);
    assert_eq!(s.link, "#/rhythm");
}

#[test]
fn a_long_weekly_meeting_per_account_overloads_a_role() {
    // 10 h × 2 accounts a week for 2 FRs: over 32 h a month each.
    let s = one(planted(
        |ws| {
            ws.governance.meetings.push(Meeting {
                id: "war-room".to_string(),
                name_zh: "作战会".to_string(),
                cadence: Cadence::Weekly,
                duration_hours: 10.0,
                roles: vec![FR.to_string()],
                tiers: vec!["strategic".to_string()],
                per_account: true,
                review: false,
                ..Meeting::default()
            })
        },
        SignalKind::MeetingOverload,
        Soti::Organization,
    ));
    assert_eq!((s.subject.as_str(), s.count, s.of), (FR, 12, Some(12)));
}

#[test]
fn an_account_with_nothing_done_is_behind() {
    let s = one(planted(
        |ws| ws.engagement.entries.retain(|e| e.account != A),
        SignalKind::EngagementBehind,
        Soti::Tactic,
    ));
    assert_eq!((s.count, s.of), (1, Some(2)));
    assert_eq!(s.examples, ["甲公司"]);
    assert_eq!(s.link, "#/engagement");
}

#[test]
fn team_cards_weighted_alike_are_not_differentiated() {
    let s = one(planted(
        |ws| {
            let expansion = team_card_id(TriangleType::Expansion);
            let growth = team_card_id(TriangleType::Growth);
            let indicators = ws
                .kpi
                .scorecard(&expansion)
                .expect("the expansion card")
                .indicators
                .clone();
            if let Some(card) = ws.kpi.scorecards.iter_mut().find(|c| c.id == growth) {
                card.indicators = indicators;
            }
        },
        SignalKind::CardsNotDifferentiated,
        Soti::Incentives,
    ));
    // Both of the pair, of the three typed team cards; the mature one still differs.
    assert_eq!((s.count, s.of), (2, Some(3)));
    assert_eq!(
        s.examples,
        [
            "拓展型客户群 / Expansion accounts",
            "成长型客户群 / Growth accounts"
        ]
    );
    assert_eq!(s.link, "#/kpi");
}

#[test]
fn shares_not_adding_up_break_the_cascade() {
    let s = one(planted(
        |ws| {
            if let Some(v) = ws.kpi.cascades[0].shares.values_mut().next() {
                *v += 10.0;
            }
        },
        SignalKind::CascadeBroken,
        Soti::Incentives,
    ));
    // The orders cascade (AR 50 / SR 30 / FR 20) now sums to 110, of the four cascades.
    assert_eq!((s.count, s.of), (1, Some(4)));
    assert_eq!(s.examples, ["订货达成率 / Orders vs plan"]);
}

#[test]
fn a_target_without_pipeline_is_coverage_under_target() {
    let list = planted(
        |ws| {
            ws.ltc.targets.push(Target {
                id: Target::id_of(2026, Scope::Account, A),
                year: 2026,
                scope: Scope::Account,
                key: A.to_string(),
                orders: Some(10e6),
                ..Target::default()
            })
        },
        SignalKind::CoverageUnderTarget,
        Soti::Tactic,
    );
    // The account and, through the sum of its accounts' targets, its tier.
    assert_eq!(
        figures(&list),
        [
            ("coverage_under_target", "account", 1, Some(1)),
            ("coverage_under_target", "tier", 1, Some(1)),
        ]
    );
    assert_eq!(list[0].examples, ["甲公司"]);
    assert_eq!(list[1].examples, ["战略客户 / Strategic"]);
    assert_eq!(list[0].link, "#/ltc/forecast");
}

#[test]
fn a_milestone_past_its_date_is_overdue() {
    let s = one(planted(
        |ws| {
            ws.ltc.contracts.push(Rc::new(Contract {
                id: "k1".to_string(),
                account: A.to_string(),
                name: "合同".to_string(),
                signed: "2026-01-05".to_string(),
                value: 1e6,
                milestones: vec![Milestone {
                    share_pct: 100.0,
                    due: DueRule {
                        base: DueBase::Date,
                        date: "2026-03-01".to_string(),
                        ..DueRule::default()
                    },
                    ..Milestone::default()
                }],
                ..Contract::default()
            }))
        },
        SignalKind::OverdueCollections,
        Soti::Tactic,
    ));
    assert_eq!((s.count, s.amount), (1, Some(1e6)));
    assert_eq!(s.examples, ["甲公司"]);
    assert_eq!(s.link, "#/ltc/contracts");
}

#[test]
fn an_account_without_a_coach_has_a_red_flag() {
    let s = one(planted(
        |ws| {
            if let Some(c) = ws.mcr.stakeholders.iter_mut().find(|s| s.id == "c-a-3") {
                c.role = DecisionRole::Influencer;
                c.support = 1;
            }
        },
        SignalKind::RelationshipRedFlag,
        Soti::Tactic,
    ));
    assert_eq!(
        (s.subject.as_str(), s.count, s.of),
        ("no_coach", 1, Some(2))
    );
    assert_eq!(s.examples, ["甲公司"]);
    assert_eq!(s.link, "#/mcr/accounts");
}

#[test]
fn key_stakeholders_all_owned_by_one_person_are_single_threaded() {
    let s = one(planted(
        |ws| {
            if let Some(dm) = ws.mcr.stakeholders.iter_mut().find(|s| s.id == "c-a-2") {
                dm.owner = Some("ad".to_string());
            }
        },
        SignalKind::SingleThreaded,
        Soti::Tactic,
    ));
    assert_eq!((s.count, s.of), (1, Some(2)));
    assert_eq!(s.examples, ["甲公司"]);
}

#[test]
fn a_gap_the_hiring_plan_cannot_close_stays_open() {
    // A's FR work done by someone whose home role is AD: the FR pool is one short (2 FTE
    // needed, 1 there), and the FRs have no source to hire from.
    let s = one(planted(
        |ws| {
            ws.org.people[5].role = AD.to_string();
            for r in ws.talent.roles.iter_mut().filter(|r| r.role == FR) {
                r.sources.clear();
            }
        },
        SignalKind::HiringGapOpen,
        Soti::Incentives,
    ));
    assert_eq!((s.subject.as_str(), s.count, s.of), (FR, 1, None));
    assert_eq!(s.link, "#/talent");
}

#[test]
fn a_gap_the_hiring_plan_closes_is_no_finding() {
    let mut ws = clean();
    ws.org.people[5].role = AD.to_string();
    assert!(ws
        .talent
        .roles
        .iter()
        .any(|r| r.role == FR && !r.sources.is_empty()));
    assert_eq!(signals(&ws), []);
}

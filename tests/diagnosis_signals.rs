//! Signals from the data (`diagnosis::signals`) on the demo: each tool's findings with the
//! figures its own page shows, placed on their dimension with their link. The clean workspace
//! and the planted findings are in `diagnosis_signals_planted.rs`.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::diagnosis::signals::{counts, signals, Signal, SignalKind};
use kam_planner::domain::diagnosis::Soti;
use kam_planner::domain::engagement::completion::completion;
use kam_planner::domain::mcr::calc::health;
use kam_planner::domain::org::staffing::staffing;
use kam_planner::domain::org::{AD, AR, FR, SR};
use kam_planner::domain::tiering::curses::count_curses_by_tier;
use kam_planner::domain::workspace::Workspace;

const NOW: i64 = 1_768_435_200_000;

fn demo_ws() -> Workspace {
    demo::build("demo", NOW, DemoLocale::Zh)
}

/// (kind, subject, count, of) of each signal, in order.
fn figures(list: &[Signal]) -> Vec<(&'static str, &str, usize, Option<usize>)> {
    list.iter()
        .map(|s| (s.kind.key(), s.subject.as_str(), s.count, s.of))
        .collect()
}

fn find<'a>(list: &'a [Signal], kind: SignalKind, subject: &str) -> &'a Signal {
    list.iter()
        .find(|s| s.kind == kind && s.subject == subject)
        .unwrap_or_else(|| panic!("no {} {subject}", kind.key()))
}

// ---------------------------------------------------------------------------------------------
// The demo

#[test]
fn the_demo_shows_each_tools_findings_with_their_figures() {
    let list = signals(&demo_ws());
    assert_eq!(
        figures(&list),
        [
            ("structure_fault", "tiers_not_distinct", 1, None),
            ("structure_fault", "top_too_thin", 1, None),
            ("curse", "growth", 1, Some(15)),
            ("curse", "retention", 1, Some(15)),
            ("no_next_engine", "", 1, Some(8)),
            ("missing_role", "SR", 4, Some(15)),
            ("missing_role", "FR", 2, Some(15)),
            ("under_staffed", "", 6, Some(15)),
            ("over_allocated", "", 1, Some(32)),
            ("meeting_overload", "AD", 1, Some(12)),
            ("coverage_under_target", "account", 11, Some(25)),
            ("coverage_under_target", "tier", 1, Some(3)),
            ("overdue_collections", "", 8, None),
            (
                "relationship_red_flag",
                "decision_maker_against",
                1,
                Some(15)
            ),
            ("relationship_red_flag", "no_coach", 1, Some(15)),
            ("relationship_red_flag", "no_owner", 1, Some(15)),
            ("relationship_red_flag", "stale", 2, Some(15)),
            ("relationship_red_flag", "level_mismatch", 1, Some(15)),
            ("single_threaded", "", 1, Some(15)),
            ("engagement_behind", "", 2, Some(15)),
        ]
    );
    assert_eq!(counts(&list), [5, 5, 10, 0]);

    // The 普通 / 一般 pair the tiering page calls hardly distinct.
    // Of the 15 key accounts, one does not grow and one fell away.
    assert_eq!(
        find(&list, SignalKind::Curse, "growth").examples,
        ["杭州医药集团有限公司"]
    );
    assert_eq!(
        find(&list, SignalKind::Curse, "retention").examples,
        ["广州市政务服务数据管理局"]
    );
    let pair = find(&list, SignalKind::StructureFault, "tiers_not_distinct");
    assert_eq!(pair.examples, ["普通客户 / Ordinary", "一般客户 / General"]);
    let engine = find(&list, SignalKind::NoNextEngine, "");
    assert_eq!(engine.examples, ["油气"]);
    assert_eq!(engine.amount, Some(35_000_000.0));
    // The two named-list strategic accounts without an FR (tests/org_demo.rs).
    let fr = find(&list, SignalKind::MissingRole, FR);
    assert_eq!(
        fr.examples,
        [
            "陕西省交通投资集团有限公司",
            "中国石油天然气股份有限公司佛山销售分公司"
        ]
    );
    assert_eq!(
        find(&list, SignalKind::OverAllocated, "").examples,
        ["周强"]
    );
    let overdue = find(&list, SignalKind::OverdueCollections, "");
    assert_eq!(overdue.amount, Some(3_891_000.0));
    assert_eq!(overdue.examples.len(), 5);
    assert_eq!(overdue.examples[0], "国网广东省电力有限公司");
    assert_eq!(
        find(&list, SignalKind::CoverageUnderTarget, "tier").examples,
        ["潜力客户 / Potential"]
    );
    assert_eq!(
        find(&list, SignalKind::SingleThreaded, "").examples,
        ["中国石油天然气股份有限公司甘肃销售分公司"]
    );
    assert_eq!(
        find(&list, SignalKind::EngagementBehind, "").examples,
        [
            "国网广东省电力有限公司",
            "中国石油天然气股份有限公司佛山销售分公司"
        ]
    );
    for s in &list {
        assert!(s.examples.len() <= 5, "{s:?}");
        assert_eq!(s.link, s.kind.link());
    }
}

/// Each figure is the one the tool's own function gives, called as its view calls it.
#[test]
fn the_demo_figures_are_the_tools_own() {
    let ws = demo_ws();
    let list = signals(&ws);
    let tiers = ws.tiering.assign_all(&ws.customers);

    // Tool 1: the curse table's rows of the account tiers (战略, 价值: the first two) in 2025,
    // the latest history year; the 12 prospects without purchases are general customers.
    let by_tier = count_curses_by_tier(&ws.tiering.curses, &ws.customers, &tiers, 5, 2025);
    assert_eq!(ws.org.account_tiers, ["strategic", "value"]);
    let curse = |k: &str| {
        list.iter()
            .find(|s| s.kind == SignalKind::Curse && s.subject == k)
            .map_or(0, |s| s.count)
    };
    let key = &by_tier[..2];
    assert_eq!(curse("entry"), key.iter().map(|c| c.entry).sum::<usize>());
    assert_eq!(curse("growth"), key.iter().map(|c| c.growth).sum::<usize>());
    assert_eq!(
        curse("retention"),
        key.iter().map(|c| c.retention).sum::<usize>()
    );
    assert_eq!(by_tier[4].entry, 12);

    // Tool 3: the staffing board.
    let s = staffing(&ws.org, &ws.tiering, &ws.customers, &tiers);
    for role in [AD, AR, SR, FR] {
        let n = s.missing.iter().filter(|m| m.role == role).count();
        let got = list
            .iter()
            .find(|x| x.kind == SignalKind::MissingRole && x.subject == role)
            .map_or(0, |x| x.count);
        assert_eq!(got, n, "{role}");
    }
    assert_eq!(
        find(&list, SignalKind::UnderStaffed, "").count,
        s.under_staffed.len()
    );

    // MCR: the health list, its order and its flags.
    let h = health(&ws);
    for s in list
        .iter()
        .filter(|s| s.kind == SignalKind::RelationshipRedFlag)
    {
        let names: Vec<&str> = h
            .iter()
            .filter(|a| a.has(&s.subject))
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(s.count, names.len(), "{}", s.subject);
        assert_eq!(s.of, Some(h.len()));
        assert_eq!(s.examples, names[..names.len().min(5)], "{}", s.subject);
    }

    // The 151 programme.
    let c = completion(&ws);
    let behind = c.accounts.iter().filter(|a| !a.behind.is_empty()).count();
    assert_eq!(find(&list, SignalKind::EngagementBehind, "").count, behind);
}

#[test]
fn every_kind_has_its_tool_dimension_and_link() {
    use SignalKind::*;
    let table = [
        (
            StructureFault,
            "structure_fault",
            Soti::Strategy,
            "#/tiering",
        ),
        (Curse, "curse", Soti::Strategy, "#/tiering"),
        (
            NoNextEngine,
            "no_next_engine",
            Soti::Strategy,
            "#/portfolio",
        ),
        (MissingRole, "missing_role", Soti::Organization, "#/team"),
        (UnderStaffed, "under_staffed", Soti::Organization, "#/team"),
        (
            OverAllocated,
            "over_allocated",
            Soti::Organization,
            "#/team",
        ),
        (RaciGap, "raci_gap", Soti::Organization, "#/roles"),
        (
            TierWithoutReview,
            "tier_without_review",
            Soti::Organization,
            "#/rhythm",
        ),
        (
            MeetingOverload,
            "meeting_overload",
            Soti::Organization,
            "#/rhythm",
        ),
        (
            EngagementBehind,
            "engagement_behind",
            Soti::Tactic,
            "#/engagement",
        ),
        (
            CardsNotDifferentiated,
            "cards_not_differentiated",
            Soti::Incentives,
            "#/kpi",
        ),
        (CascadeBroken, "cascade_broken", Soti::Incentives, "#/kpi"),
        (
            HiringGapOpen,
            "hiring_gap_open",
            Soti::Incentives,
            "#/talent",
        ),
        (
            CoverageUnderTarget,
            "coverage_under_target",
            Soti::Tactic,
            "#/ltc/forecast",
        ),
        (
            OverdueCollections,
            "overdue_collections",
            Soti::Tactic,
            "#/ltc/contracts",
        ),
        (
            RelationshipRedFlag,
            "relationship_red_flag",
            Soti::Tactic,
            "#/mcr/accounts",
        ),
        (
            SingleThreaded,
            "single_threaded",
            Soti::Tactic,
            "#/mcr/accounts",
        ),
    ];
    for (kind, key, dim, link) in table {
        assert_eq!(
            (kind.key(), kind.dimension(), kind.link()),
            (key, dim, link)
        );
    }
}

#[test]
fn counts_tallies_the_signals_per_dimension() {
    let list = signals(&demo_ws());
    let by_hand = Soti::ALL.map(|d| list.iter().filter(|s| s.dimension() == d).count());
    assert_eq!(counts(&list), by_hand);
    assert_eq!(counts(&[]), [0; 4]);
    // Grouped by dimension in SOTI order.
    let dims: Vec<usize> = list.iter().map(|s| s.dimension().index()).collect();
    assert!(dims.windows(2).all(|w| w[0] <= w[1]), "{dims:?}");
}

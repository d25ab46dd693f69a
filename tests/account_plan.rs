//! The account plan one-pager (SPEC §3.12): the blocks of the demo's planted strategic accounts
//! with their real figures, the empty blocks of a customer nobody works on, and the Markdown
//! export of one demo account compared with its reviewed fixture in both languages.
//!
//! No single demo account carries all three planted problems: c-0204 国网广东省电力 (S1) has the
//! opposed decision maker and an overdue collection; c-0046 陕西省交通投资集团 and c-0048 (the
//! two named-list strategic accounts) have no FR and an overdue collection each.

use kam_planner::domain::account_plan::{self, markdown, AccountPlan, Empty};
use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::mcr::calc::Flag;
use kam_planner::domain::org::board::CellStatus;
use kam_planner::domain::workspace::Workspace;
use kam_planner::ui::i18n::{I18n, Lang};
use kam_planner::ui::views::account::words::PlanWords;

const NOW: i64 = 1_768_435_200_000;

fn demo_ws(locale: DemoLocale) -> Workspace {
    demo::build("demo", NOW, locale)
}

fn plan_of(ws: &Workspace, id: &str) -> AccountPlan {
    account_plan::plan(ws, id, &ws.meta.today).expect("the demo has this account")
}

fn md(ws: &Workspace, id: &str, lang: Lang) -> String {
    markdown(
        &plan_of(ws, id),
        &PlanWords {
            i18n: I18n { lang },
            ws,
        },
    )
}

/// The fixture file of an account's Markdown in a language.
fn fixture(id: &str, lang: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/account_plan")
        .join(format!("{id}.{lang}.md"))
}

#[test]
fn the_opposed_decision_maker_and_the_overdue_collection_of_s1() {
    let ws = demo_ws(DemoLocale::Zh);
    let p = plan_of(&ws, "c-0204");
    assert_eq!(p.profile.name, "国网广东省电力有限公司");
    assert_eq!(p.workspace, "示例集团");
    assert_eq!(p.today, "2026-01-15");
    let tier = p.tier.as_ref().expect("in a tier");
    assert_eq!(tier.tier.id, "strategic");
    // The rule that matched, not an override.
    assert!(matches!(
        tier.explanation,
        kam_planner::domain::tiering::Explanation::Matched { .. }
    ));

    let r = p.relations.as_ref().expect("stakeholders");
    assert_eq!(r.count, 20);
    // Σ support·influence 48 over Σ influence 51, a third of it: 31.4.
    assert!((r.score.expect("a score") - 48.0 / 51.0 / 3.0 * 100.0).abs() < 1e-9);
    assert_eq!((r.coverage.covered, r.coverage.total), (2, 3));
    let against: Vec<&String> = r
        .flags
        .iter()
        .filter_map(|f| match f {
            Flag::DecisionMakerAgainst(ids) => Some(ids),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(against.len(), 1);
    assert_eq!(
        ws.mcr.stakeholder(against[0]).map(|s| s.name.as_str()),
        Some("尹芳")
    );

    let c = p.contracts.as_ref().expect("contracts");
    assert_eq!(
        (c.count, c.value, c.receivable),
        (2, 8_420_000.0, 909_000.0)
    );
    assert_eq!(c.overdue, 909_000.0);
    assert_eq!(c.overdue_lines.len(), 1);
    assert_eq!(c.overdue_lines[0].contract, "储能运维二期");
    assert_eq!(
        (c.overdue_lines[0].days, c.overdue_lines[0].amount),
        (34, 909_000.0)
    );

    // Fully staffed: no gap here.
    let s = p.staffing.as_ref().expect("an account");
    assert!(s.missing.is_empty());
    assert_eq!(s.coverage_pct, Some(100.0));

    // The executive-exchange item is overdue; trust fell 3 → 2 in the latest VCT check.
    let plan = p.mcr_plan.as_ref().expect("plan items");
    assert_eq!(plan.iter().filter(|i| i.overdue).count(), 1);
    let v = p.vct.as_ref().expect("VCT checks");
    assert_eq!((v.checks, v.date.as_str()), (3, "2026-01-08"));
    assert_eq!(v.answers[4], Some(2));
    assert_eq!(v.previous.map(|a| a[4]), Some(Some(3)));

    let pipe = p.pipeline.as_ref().expect("opportunities");
    assert_eq!(pipe.open.len(), 2);
    assert!(p.kpi.is_ok() && p.whitespace.is_ok() && p.engagement.is_ok());
}

#[test]
fn the_named_list_strategic_accounts_have_no_fr() {
    let ws = demo_ws(DemoLocale::Zh);
    for id in ["c-0046", "c-0048"] {
        let p = plan_of(&ws, id);
        assert_eq!(
            p.tier.as_ref().map(|t| t.tier.id.as_str()),
            Some("strategic")
        );
        let s = p.staffing.as_ref().expect("an account");
        assert_eq!(s.missing, ["FR"], "{id}");
        let fr = s.roles.iter().find(|r| r.role == "FR").expect("an FR line");
        assert_eq!(
            (fr.required, fr.assigned, fr.status),
            (1.0, 0.0, CellStatus::Missing)
        );
        // 2.5 of 3.5 FTE: under-staffed.
        assert!((s.coverage_pct.expect("a template") - 2.5 / 3.5 * 100.0).abs() < 1e-9);
        assert!(s.under_staffed);
        assert_eq!(
            p.contracts.as_ref().map(|c| c.overdue_lines.len()),
            Ok(1),
            "{id}"
        );
    }
    let c = plan_of(&ws, "c-0046");
    let o = &c.contracts.as_ref().expect("contracts").overdue_lines[0];
    assert_eq!((o.days, o.amount), (173, 876_000.0));
}

#[test]
fn a_customer_nobody_works_on_says_what_would_fill_each_block() {
    let ws = demo_ws(DemoLocale::Zh);
    let p = plan_of(&ws, "c-0023");
    assert_eq!(p.tier.as_ref().map(|t| t.tier.id.as_str()), Some("general"));
    assert_eq!(p.staffing, Err(Empty::NotAnAccount));
    assert_eq!(p.relations, Err(Empty::NoStakeholders));
    assert_eq!(p.engagement, Err(Empty::NotInProgramme));
    assert_eq!(p.pipeline, Err(Empty::NoOpportunities));
    assert_eq!(p.contracts, Err(Empty::NoContracts));
    assert_eq!(p.kpi, Err(Empty::NotAnAccount));
    assert_eq!(p.whitespace, Err(Empty::NotAnAccount));
    assert_eq!(p.mcr_plan, Err(Empty::NoPlanItems));
    assert_eq!(p.vct, Err(Empty::NoVct));
    let text = md(&ws, "c-0023", Lang::ZhCn);
    assert!(text.contains("还没有记录关键人。在 MCR 关系地图中添加决策链上的关键人。"));
    assert!(account_plan::plan(&ws, "no-such-customer", "2026-01-15").is_none());
}

#[test]
fn an_empty_workspace_customer_without_history() {
    use std::rc::Rc;
    let mut ws = Workspace::empty("w", "空白公司", 0);
    ws.customers
        .push(Rc::new(kam_planner::domain::workspace::Customer {
            id: "c-1".into(),
            name: "新客户".into(),
            ..Default::default()
        }));
    let p = plan_of(&ws, "c-1");
    assert_eq!(p.history, Err(Empty::NoHistory));
    let text = md(&ws, "c-1", Lang::En);
    assert!(text.starts_with("# Account plan: 新客户\n\n空白公司 · as of 2026-01-01"));
    assert!(text.contains("_No purchase history yet."));
}

#[test]
fn the_markdown_of_s1_is_the_reviewed_fixture_in_both_languages() {
    for (locale, lang, tag) in [
        (DemoLocale::Zh, Lang::ZhCn, "zh"),
        (DemoLocale::En, Lang::En, "en"),
    ] {
        let ws = demo_ws(locale);
        let text = md(&ws, "c-0204", lang);
        // Every label came from the catalogue: no key is left in the text.
        assert!(!text.contains("account."), "{text}");
        let path = fixture("c-0204", tag);
        if std::env::var_os("KAM_WRITE_FIXTURES").is_some() {
            std::fs::write(&path, &text).expect("fixture written");
        }
        let want = std::fs::read_to_string(&path).expect("fixture readable");
        assert_eq!(text, want, "{}", path.display());
    }
}

//! Tool 2 on the demo workspace and through the load path: the planted diagnostics, the
//! expansion ranking, the customer-selection evidence, the whitespace, the edit, the merge of two
//! copies and the repairs of a hostile document.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::edit::{apply, Edit};
use kam_planner::domain::merge::{self, compare, Choices, EntityKind, EntityRef, Side};
use kam_planner::domain::portfolio::calc::{self, Finding};
use kam_planner::domain::portfolio::{CellStatus, Horizon, WhitespaceCell};
use kam_planner::domain::workspace::Workspace;
use kam_planner::persist::envelope::{load, to_json};
use kam_planner::persist::validate::Repair;

const NOW: i64 = 1_768_435_200_000;

fn zh() -> Workspace {
    demo::build("demo-1", NOW, DemoLocale::Zh)
}

#[test]
fn the_demo_has_twenty_lines_over_eight_industries() {
    let ws = zh();
    let p = &ws.portfolio;
    assert_eq!(p.lines.len(), 20);
    let (rows, overall) = calc::grid(p);
    assert_eq!(rows.len(), 8);
    // Core 327 M, growth 49 M, emerging 8.7 M of 384.7 M.
    assert_eq!(overall.horizons[0].revenue, 327_000_000.0);
    assert_eq!(overall.horizons[1].revenue, 49_000_000.0);
    assert_eq!(overall.horizons[2].revenue, 8_700_000.0);
    let mix = overall.mix().unwrap_or_default();
    assert!((mix[0] - 85.0).abs() < 0.05, "{mix:?}");
    assert!((mix[1] - 12.74).abs() < 0.01, "{mix:?}");
    assert!((mix[2] - 2.26).abs() < 0.01, "{mix:?}");
    // Every industry's lines are on customers' industries.
    for r in &rows {
        assert!(
            ws.customers.iter().any(|c| c.industry == r.industry),
            "{}",
            r.industry
        );
    }
}

#[test]
fn the_demo_plants_its_three_findings() {
    let ws = zh();
    let found = calc::diagnose(&ws.portfolio);
    let no_engine: Vec<&Finding> = found
        .iter()
        .filter(|f| f.kind() == "no_next_engine")
        .collect();
    assert_eq!(
        no_engine,
        [&Finding::NoNextEngine {
            industry: "油气".into(),
            core_revenue: 35_000_000.0
        }]
    );
    assert!(found.iter().any(|f| matches!(
        f,
        Finding::MixOff { industry: None, horizon: Horizon::Core, actual_pct, target_pct }
            if (*actual_pct - 85.0).abs() < 0.05 && *target_pct == 70.0
    )));
    let no_cp: Vec<&str> = found
        .iter()
        .filter_map(|f| match f {
            Finding::NoControlPoint { name, .. } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(no_cp, ["储能运维"]);
    assert!(found.iter().all(|f| f.kind() != "no_risk_management"));
}

#[test]
fn the_demo_ranks_manufacturing_power_telecom_first() {
    let ws = zh();
    let r = calc::expansion_ranking(&ws.portfolio);
    let top: Vec<(&str, Option<usize>)> = r
        .iter()
        .take(3)
        .map(|e| (e.industry.as_str(), e.rank))
        .collect();
    assert_eq!(
        top,
        [("制造", Some(1)), ("电力", Some(2)), ("运营商", Some(3))]
    );
    // Manufacturing: 1,400 M market, growth 48 / 40.3 − 1, share 48 / 1,400.
    let m = &r[0];
    assert_eq!(m.market_size, Some(1_400_000_000.0));
    assert!((m.growth_pct.unwrap_or(0.0) - 19.107).abs() < 0.01);
    assert!((m.share_pct.unwrap_or(0.0) - 3.4286).abs() < 0.001);
    assert!((m.score.unwrap_or(0.0) / 1e6 - 1610.3).abs() < 0.5, "{m:?}");
    assert_eq!(r.len(), 8);
    assert!(r.iter().all(|e| e.rank.is_some()));
}

#[test]
fn customer_selection_evidence_counts_accounts_per_industry() {
    let ws = zh();
    let tiers = ws.tier_ids();
    let by = calc::accounts_by_industry(&ws.customers, &tiers, &ws.org.account_tiers);
    let total: usize = by.values().flatten().sum();
    assert_eq!(total, 15, "5 strategic + 10 value accounts");
    let strategic: usize = by.values().map(|v| v[0]).sum();
    assert_eq!(strategic, 5);
    assert_eq!(by.get("制造").map(|v| v.iter().sum::<usize>()), Some(2));
}

#[test]
fn the_demo_whitespace_concentrates_open_potential_in_two_lines() {
    let ws = zh();
    let tiers = ws.tier_ids();
    let accounts = calc::accounts(&ws, &tiers);
    assert_eq!(accounts.len(), 15);
    let a: Vec<(&str, &str)> = accounts
        .iter()
        .map(|(c, _)| (c.id.as_str(), c.industry.as_str()))
        .collect();
    let l: Vec<(&str, &str)> = ws
        .portfolio
        .lines
        .iter()
        .map(|l| (l.id.as_str(), l.industry.as_str()))
        .collect();
    let (per_line, per_account, total) = calc::whitespace_totals(&ws.portfolio, &a, &l);
    let mut by_line: Vec<(f64, &str)> = per_line
        .iter()
        .zip(&ws.portfolio.lines)
        .map(|(s, l)| (s.open_potential, l.name.as_str()))
        .collect();
    by_line.sort_by(|x, y| y.0.total_cmp(&x.0));
    assert_eq!(
        [by_line[0].1, by_line[1].1]
            .iter()
            .copied()
            .collect::<std::collections::BTreeSet<_>>(),
        ["储能运维", "工业互联网平台"].into_iter().collect()
    );
    let top_two = by_line[0].0 + by_line[1].0;
    assert!(
        top_two / total.open_potential > 0.6,
        "{top_two} of {}",
        total.open_potential
    );
    assert_eq!(per_account.len(), 15);
    assert!(
        per_account.iter().all(|s| s.counts[0] >= 1),
        "every account buys a core line"
    );
    // 15 accounts × 20 lines: every pair counted once.
    assert_eq!(total.counts.iter().sum::<usize>(), 300);
}

#[test]
fn editing_a_horizon_clears_no_next_engine_and_moves_the_mix() {
    let ws = zh();
    let mut doc = ws.portfolio.clone();
    let before = calc::grid(&doc).1.mix().unwrap_or_default();
    let i = doc
        .lines
        .iter()
        .position(|l| l.name == "站场安防")
        .unwrap_or(0);
    doc.lines[i].horizon = Horizon::Growth;
    let next = apply(&ws, &Edit::SetPortfolio(Box::new(doc)), NOW + 1000)
        .expect("valid edit")
        .expect("a change");
    assert!(calc::diagnose(&next.portfolio)
        .iter()
        .all(|f| f.kind() != "no_next_engine"));
    let after = calc::grid(&next.portfolio).1.mix().unwrap_or_default();
    assert!((after[1] - before[1] - 9.0 / 384.7 * 100.0).abs() < 1e-9);
    // Only the edited line gets the time of the edit.
    let stamped: Vec<&str> = next
        .portfolio
        .lines
        .iter()
        .filter(|l| l.updated_at == NOW + 1000)
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(stamped, ["站场安防"]);
}

#[test]
fn two_copies_merge_by_line_and_by_cell() {
    let mine = zh();
    let mut theirs = mine.clone();
    theirs.portfolio.lines[0].revenue = 70_000_000.0;
    theirs.portfolio.lines[0].updated_at = NOW + 5;
    let account = theirs.portfolio.whitespace[0].account.clone();
    let mut cell = WhitespaceCell::new(&account, "bl-20", CellStatus::InPursuit, 0.0, 1e6);
    cell.updated_at = NOW + 5;
    theirs.portfolio.whitespace.push(cell);
    theirs.portfolio.target_mix.tolerance_pts = 5.0;
    theirs.portfolio.target_mix.updated_at = NOW + 5;

    let c = compare(&mine, &theirs);
    let kinds: Vec<EntityKind> = c.conflicts.iter().map(|x| x.entity.kind).collect();
    assert_eq!(kinds, [EntityKind::BusinessLine, EntityKind::TargetMix]);
    assert_eq!(c.added.len(), 1);
    assert_eq!(c.added[0].kind, EntityKind::WhitespaceCell);
    assert_eq!(
        merge::differing_entity_fields(&mine, &theirs, &c.conflicts[0].entity),
        ["revenue"]
    );

    // By default the later change wins: theirs, for both.
    let merged = merge::merge(&mine, &theirs, &c, &Choices::new());
    assert_eq!(merged.portfolio, theirs.portfolio);
    // Keeping mine for the line keeps the revenue, and still adds the cell.
    let mut keep = Choices::new();
    keep.insert(
        EntityRef {
            kind: EntityKind::BusinessLine,
            id: "bl-1".into(),
        },
        Side::Mine,
    );
    let merged = merge::merge(&mine, &theirs, &c, &keep);
    assert_eq!(merged.portfolio.lines[0].revenue, 62_000_000.0);
    assert_eq!(
        merged.portfolio.whitespace.len(),
        mine.portfolio.whitespace.len() + 1
    );
    assert_eq!(merged.portfolio.target_mix.tolerance_pts, 5.0);
}

#[test]
fn the_load_path_repairs_a_hostile_portfolio() {
    let ws = zh();
    let mut v: serde_json::Value =
        serde_json::from_str(&to_json(&ws, NOW)).expect("the export is JSON");
    let p = &mut v["workspace"]["portfolio"];
    // A duplicate line id, a cell on a deleted customer and one on a missing line, a cell
    // whose id lies about its pair, a second insight for an industry.
    p["lines"][1]["id"] = "bl-1".into();
    p["whitespace"][0]["account"] = "c-nobody".into();
    p["whitespace"][1]["line"] = "bl-999".into();
    p["whitespace"][2]["id"] = "whatever".into();
    let first_insight = p["insights"][0].clone();
    p["insights"]
        .as_array_mut()
        .expect("insights are a list")
        .push(first_insight);
    let loaded = load(&v.to_string()).expect("loads with repairs");
    let r = &loaded.repairs;
    assert!(
        r.contains(&Repair::OrgIdAssigned {
            list: "portfolio.lines".into(),
            id: "bl-2".into()
        }),
        "{r:?}"
    );
    assert!(r.iter().any(
        |x| matches!(x, Repair::DanglingWhitespaceCell { missing, .. } if missing == "account")
    ));
    assert!(r.iter().any(|x| matches!(x, Repair::DanglingWhitespaceCell { cell, missing } if missing == "business line" && cell.ends_with("|bl-999"))));
    assert!(r.contains(&Repair::OrgDuplicateRemoved {
        list: "portfolio.insights".into(),
        id: "电力".into()
    }));
    let p = &loaded.workspace.portfolio;
    assert_eq!(p.insights.len(), 2);
    assert_eq!(p.whitespace.len(), ws.portfolio.whitespace.len() - 2);
    assert!(p
        .whitespace
        .iter()
        .all(|c| c.id == WhitespaceCell::key_of(&c.account, &c.line)));

    // A portfolio of the wrong type is reported and read as the default.
    v["workspace"]["portfolio"] = serde_json::json!([1, 2]);
    let loaded = load(&v.to_string()).expect("loads with repairs");
    assert!(loaded.workspace.portfolio.lines.is_empty());
    assert!(!loaded.repairs.is_empty());
}

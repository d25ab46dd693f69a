//! MCR on the load path, in merges and in the stakeholder import: hostile documents repaired
//! with every repair reported (a reports-to circle broken with its names, references to
//! accounts, bosses and people that do not hold, numbers out of range, absurd counts, huge
//! texts) and `mcr::check` passing after any input; migration 6 → 7; stakeholders added,
//! conflicting and merged three ways; a stakeholder file with good rows, a bad row on its row
//! and column, bosses found in the file and in the store, a circle refused, GBK and BOM files,
//! the template and the export reading back.

mod support;

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::mcr::{self, DecisionRole, Layer, Mcr, PlanItem, Stakeholder};
use kam_planner::domain::merge::{
    compare, differing_entity_fields, merge, merge_three_way, three_way, Choices, EntityKind,
    EntityRef, Side,
};
use kam_planner::domain::workspace::Workspace;
use kam_planner::persist::envelope::{load, to_json};
use kam_planner::persist::import::schema::{detect_uses, ColumnUse, TableSpec};
use kam_planner::persist::import::{read_table, ImportReason, Table};
use kam_planner::persist::mcr_import::{
    apply_stakeholders, build_stakeholders, parse_influence, parse_layer, parse_role,
    parse_support, stakeholders_csv, stakeholders_spec, stakeholders_template, StakeholdersPreview,
};
use kam_planner::persist::repair_mcr::{MAX_CONTACTS, MAX_STAKEHOLDERS};
use kam_planner::persist::validate::{McrFix, Repair};
use kam_planner::persist::xlsx_write::{write_xlsx, Sheet};
use proptest::prelude::*;
use serde_json::{json, Value};
use support::references::dangling_references;

const NOW: i64 = 1_768_435_200_000;

fn zh() -> Workspace {
    demo::build("demo-1", NOW, DemoLocale::Zh)
}

/// The demo as a document, with `mcr` and the 151 log replaced by the given values (without a
/// log, the demo's entries name none of the demo's stakeholders, who are replaced).
fn doc_with(ws: &Workspace, mcr: Value, entries: Option<Value>) -> String {
    let mut doc: Value = serde_json::from_str(&to_json(ws, NOW)).expect("json");
    doc["workspace"]["mcr"] = mcr;
    match entries {
        Some(e) => doc["workspace"]["engagement"]["entries"] = e,
        None => {
            if let Some(list) = doc["workspace"]["engagement"]["entries"].as_array_mut() {
                for e in list {
                    e["stakeholders"] = json!([]);
                }
            }
        }
    }
    doc.to_string()
}

fn mcr_fixes(repairs: &[Repair]) -> Vec<(String, McrFix)> {
    repairs
        .iter()
        .filter_map(|r| match r {
            Repair::Mcr { path, fix } => Some((path.clone(), fix.clone())),
            _ => None,
        })
        .collect()
}

fn has(fixes: &[(String, McrFix)], path: &str, fix: McrFix) -> bool {
    fixes.iter().any(|(p, f)| p == path && *f == fix)
}

fn ids(ws: &Workspace) -> (String, String, String) {
    (
        ws.customers[0].id.clone(),
        ws.customers[1].id.clone(),
        ws.org.people[0].id.clone(),
    )
}

#[test]
fn a_reports_to_circle_is_broken_at_its_first_member_and_named() {
    let ws = zh();
    let (a, _, _) = ids(&ws);
    let text = doc_with(
        &ws,
        json!({"stakeholders": [
            {"id": "s1", "account": a, "name": "王总", "reports_to": "s2"},
            {"id": "s2", "account": a, "name": "李主任", "reports_to": "s3"},
            {"id": "s3", "account": a, "name": "赵经理", "reports_to": "s1"},
            {"id": "s4", "account": a, "name": "孙工", "reports_to": "s3"},
        ]}),
        None,
    );
    let loaded = load(&text).expect("loads");
    let fixes = mcr_fixes(&loaded.repairs);
    assert_eq!(
        fixes,
        [(
            "mcr.stakeholders.s1.reports_to".to_string(),
            McrFix::CycleBroken("王总 → 李主任 → 赵经理".into())
        )]
    );
    let m = &loaded.workspace.mcr;
    assert_eq!(m.stakeholders[0].reports_to, None);
    assert_eq!(m.stakeholders[1].reports_to.as_deref(), Some("s3"));
    assert_eq!(m.stakeholders[3].reports_to.as_deref(), Some("s3"));
    assert_eq!(mcr::check(m), Ok(()));
}

#[test]
fn bad_references_and_numbers_are_repaired_and_each_is_reported() {
    let ws = zh();
    let (a, b, p) = ids(&ws);
    let text = doc_with(
        &ws,
        json!({
            "stakeholders": [
                {"id": "s1", "account": a, "name": "王总", "support": 7, "influence": 0,
                 "owner": "nobody", "last_contact": "2026-02-30"},
                {"id": "s1", "account": a, "name": "重复编号", "reports_to": "s1"},
                {"id": "s3", "account": b, "name": "别家", "reports_to": "s1", "support": -4,
                 "influence": 99, "owner": p},
                {"id": "s4", "account": "no-such-customer", "name": "无客户"},
                {"id": "s5", "account": a, "name": "   "},
                {"id": "s6", "account": a, "name": "自己", "reports_to": "s6"},
                {"id": "s7", "account": a, "name": "无上级", "reports_to": "ghost"},
            ],
            "contacts": [
                {"id": "k1", "stakeholder": "s1", "date": "2026-01-05", "our_people": [p, "ghost"]},
                {"id": "k2", "stakeholder": "s4", "date": "2026-01-05"},
                {"id": "k3", "stakeholder": "s3", "date": "yesterday"},
            ],
            "plan": [
                {"id": "p1", "account": a, "goal": "建立高层关系", "owner": "ghost", "due": "2026-13-01"},
                {"id": "p2", "account": "no-such-customer", "goal": "x"},
            ],
            "vct": [
                {"id": "v1", "account": a, "date": "2026-01-01", "answers": [5, 9, 3, 200, 1]},
                {"id": "v2", "account": "no-such-customer", "date": "2026-01-01"},
            ],
        }),
        Some(json!([
            {"id": "e1", "account": a, "action": "executive_visit", "date": "2026-01-10",
             "status": "done", "stakeholders": ["s1", "s3", "s4", "ghost"]},
        ])),
    );
    let loaded = load(&text).expect("loads");
    let f = mcr_fixes(&loaded.repairs);
    for (path, fix) in [
        ("mcr.stakeholders.s1.support", McrFix::Clamped),
        ("mcr.stakeholders.s1.influence", McrFix::Clamped),
        ("mcr.stakeholders.s1.owner", McrFix::Cleared),
        ("mcr.stakeholders.s1.last_contact", McrFix::Cleared),
        ("mcr.stakeholders.s3.reports_to", McrFix::Cleared),
        ("mcr.stakeholders.s3.support", McrFix::Clamped),
        ("mcr.stakeholders.s3.influence", McrFix::Clamped),
        ("mcr.stakeholders.s4.account", McrFix::Removed),
        ("mcr.stakeholders.s5", McrFix::NoName),
        ("mcr.stakeholders.s6.reports_to", McrFix::Cleared),
        ("mcr.stakeholders.s7.reports_to", McrFix::Cleared),
        ("mcr.contacts.k1.our_people", McrFix::Cleared),
        ("mcr.contacts.k2.stakeholder", McrFix::Removed),
        ("mcr.contacts.k3.date", McrFix::Cleared),
        ("mcr.plan.p1.owner", McrFix::Cleared),
        ("mcr.plan.p1.due", McrFix::Cleared),
        ("mcr.plan.p2.account", McrFix::Removed),
        ("mcr.vct.v1.answers", McrFix::Clamped),
        ("mcr.vct.v2.account", McrFix::Removed),
        ("engagement.entries.e1.stakeholders", McrFix::Cleared),
    ] {
        assert!(has(&f, path, fix.clone()), "{path} {fix:?} not in {f:#?}");
    }
    // The second "s1" got a new id, reported as the other lists' ids are.
    assert!(loaded
        .repairs
        .iter()
        .any(|r| matches!(r, Repair::OrgIdAssigned { list, .. } if list == "mcr.stakeholders")));
    let m = &loaded.workspace.mcr;
    assert_eq!(mcr::check(m), Ok(()));
    let s1 = m.stakeholder("s1").expect("kept");
    assert_eq!((s1.support, s1.influence), (3, 1));
    assert_eq!((s1.owner.clone(), s1.last_contact.as_str()), (None, ""));
    let s3 = m.stakeholder("s3").expect("kept");
    assert_eq!(
        (s3.support, s3.influence, s3.reports_to.clone()),
        (-1, 5, None)
    );
    assert_eq!(s3.owner.as_deref(), Some(p.as_str()));
    assert!(m.stakeholder("s4").is_none());
    assert!(!m.stakeholders.iter().any(|s| s.name.trim().is_empty()));
    // The renamed duplicate reported to the first s1 — itself no longer — and keeps that line.
    let dup = m
        .stakeholders
        .iter()
        .find(|s| s.name == "重复编号")
        .expect("kept");
    assert_ne!(dup.id, "s1");
    assert_eq!(dup.reports_to.as_deref(), Some("s1"));
    assert_eq!(m.contacts.len(), 2);
    assert_eq!(m.contacts[0].our_people, vec![p.clone()]);
    assert_eq!(m.plan.len(), 1);
    assert_eq!(m.vct.len(), 1);
    assert_eq!(m.vct[0].answers, [5, 0, 3, 0, 1]);
    // Only s1 is of the entry's account.
    assert_eq!(loaded.workspace.engagement.entries[0].stakeholders, ["s1"]);
    assert_eq!(dangling_references(&loaded.workspace), Vec::<String>::new());
}

#[test]
fn absurd_counts_are_capped_and_what_was_cut_is_reported() {
    let ws = zh();
    let (a, _, _) = ids(&ws);
    let many: Vec<Value> = (0..MAX_STAKEHOLDERS + 7)
        .map(|i| json!({"id": format!("s{i}"), "account": a, "name": "某"}))
        .collect();
    let contacts: Vec<Value> = (0..MAX_CONTACTS + 3)
        .map(|i| json!({"id": format!("k{i}"), "stakeholder": "s0"}))
        .collect();
    let text = doc_with(
        &ws,
        json!({"stakeholders": many, "contacts": contacts}),
        None,
    );
    let loaded = load(&text).expect("loads");
    let f = mcr_fixes(&loaded.repairs);
    assert!(has(
        &f,
        "mcr.stakeholders",
        McrFix::Capped {
            max: MAX_STAKEHOLDERS,
            cut: 7
        }
    ));
    assert!(has(
        &f,
        "mcr.contacts",
        McrFix::Capped {
            max: MAX_CONTACTS,
            cut: 3
        }
    ));
    assert_eq!(loaded.workspace.mcr.stakeholders.len(), MAX_STAKEHOLDERS);
    assert_eq!(loaded.workspace.mcr.contacts.len(), MAX_CONTACTS);
    assert_eq!(mcr::check(&loaded.workspace.mcr), Ok(()));
}

#[test]
fn huge_texts_are_cut_and_reported() {
    let ws = zh();
    let (a, _, _) = ids(&ws);
    let huge = "关".repeat(50_000);
    let text = doc_with(
        &ws,
        json!({"stakeholders": [{"id": "s1", "account": a, "name": huge, "notes": huge}],
               "plan": [{"id": "p1", "account": a, "goal": huge}]}),
        None,
    );
    let loaded = load(&text).expect("loads");
    let cut: Vec<&str> = loaded
        .repairs
        .iter()
        .filter_map(|r| match r {
            Repair::TextCut { path, .. } => Some(path.as_str()),
            _ => None,
        })
        .collect();
    for p in [
        "mcr.stakeholders[0].name",
        "mcr.stakeholders[0].notes",
        "mcr.plan[0].goal",
    ] {
        assert!(cut.contains(&p), "{p} in {cut:?}");
    }
    let s = &loaded.workspace.mcr.stakeholders[0];
    assert_eq!(s.name.chars().count(), 10_000);
}

#[test]
fn wrong_types_cost_only_the_value() {
    let ws = zh();
    let (a, _, _) = ids(&ws);
    let text = doc_with(
        &ws,
        json!({"stakeholders": [
            {"id": "s1", "account": a, "name": "王总", "support": "很高", "influence": [1],
             "role": "emperor", "title": "总经理"},
            "not a record",
        ], "vct": [{"id": "v1", "account": a, "date": "2026-01-01", "answers": [1, 2]}],
           "settings": {"stale_days": "ninety"}}),
        None,
    );
    let loaded = load(&text).expect("loads");
    let m = &loaded.workspace.mcr;
    assert_eq!(m.stakeholders.len(), 1);
    let s = &m.stakeholders[0];
    assert_eq!((s.name.as_str(), s.title.as_str()), ("王总", "总经理"));
    assert_eq!(
        (s.support, s.influence, s.role),
        (0, 3, DecisionRole::Influencer)
    );
    assert_eq!(m.settings.stale_days, 90);
    assert_eq!(mcr::check(m), Ok(()));
}

/// Hostile MCR documents: ids from a small pool (repeats), accounts that exist or not, bosses
/// anywhere (other accounts, themselves, circles), numbers far out of range, dates and not
/// dates, names blank or not, 151 entries naming anyone.
fn hostile_mcr(
    accounts: Vec<String>,
    people: Vec<String>,
) -> impl Strategy<Value = (Value, Value)> {
    let id = || proptest::sample::select(vec!["s0", "s1", "s2", "s3", "s4", "s5", "", "x"]);
    // Mostly the first account, so that bosses often stay in it and lines go round.
    let mut accounts: Vec<String> = accounts
        .first()
        .into_iter()
        .cycle()
        .take(3)
        .chain(&accounts)
        .cloned()
        .collect();
    accounts.push("no-such".into());
    let mut people = people;
    people.push("ghost".into());
    let account = move || proptest::sample::select(accounts.clone());
    let person = move || proptest::option::of(proptest::sample::select(people.clone()));
    let date =
        || proptest::sample::select(vec!["", "2026-01-31", "2026-02-30", "soon", "2026-1-1"]);
    let name =
        || proptest::sample::select(vec!["", "  ", "王总", "李主任", "Zoë", "赵经理", "孙工"]);
    let stakeholder = (
        (
            id(),
            account(),
            name(),
            proptest::option::weighted(0.8, id()),
        ),
        (-50i64..50, -5i64..50, person(), date()),
    )
        .prop_map(|((i, a, n, boss), (s, inf, o, d))| {
            json!({"id": i, "account": a, "name": n, "reports_to": boss, "support": s,
                   "influence": inf, "owner": o, "last_contact": d})
        });
    let contact = (
        id(),
        id(),
        date(),
        proptest::collection::vec(person(), 0..3),
    )
        .prop_map(|(i, s, d, ours)| {
            let ours: Vec<String> = ours.into_iter().flatten().collect();
            json!({"id": i, "stakeholder": s, "date": d, "our_people": ours})
        });
    let plan = (id(), account(), person(), date())
        .prop_map(|(i, a, o, d)| json!({"id": i, "account": a, "owner": o, "due": d, "goal": "g"}));
    let vct = (
        id(),
        account(),
        date(),
        proptest::array::uniform5(any::<u8>()),
    )
        .prop_map(|(i, a, d, ans)| json!({"id": i, "account": a, "date": d, "answers": ans}));
    let entry = (account(), proptest::collection::vec(id(), 0..4)).prop_map(|(a, s)| {
        json!({"id": "e", "account": a, "action": "executive_visit", "date": "2026-01-10",
               "status": "done", "stakeholders": s})
    });
    (
        proptest::collection::vec(stakeholder, 0..12),
        proptest::collection::vec(contact, 0..6),
        proptest::collection::vec(plan, 0..4),
        proptest::collection::vec(vct, 0..4),
        proptest::collection::vec(entry, 0..3),
    )
        .prop_map(|(s, c, p, v, e)| {
            (
                json!({"stakeholders": s, "contacts": c, "plan": p, "vct": v}),
                Value::Array(e),
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn after_the_repairs_check_passes_and_no_reference_dangles(
        (doc, entries) in hostile_mcr(
            vec!["c-0001".into(), "c-0002".into()],
            vec!["p-01".into()],
        ),
    ) {
        let ws = small();
        let text = doc_with(&ws, doc, Some(entries));
        let loaded = load(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(mcr::check(&loaded.workspace.mcr), Ok(()));
        prop_assert_eq!(dangling_references(&loaded.workspace), Vec::<String>::new());
        // Repaired once, the document loads again with nothing left to repair.
        let again = load(&to_json(&loaded.workspace, NOW)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&again.repairs, &vec![]);
    }
}

/// A workspace of two customers (`c-0001`, `c-0002`) and one person (`p-01`).
fn small() -> Workspace {
    let mut ws = zh();
    ws.customers.truncate(2);
    let ids: Vec<String> = ws.customers.iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids, ["c-0001", "c-0002"], "the demo's first customers");
    ws.org.people.truncate(1);
    ws.org.people[0].id = "p-01".into();
    ws.org.assignments.clear();
    ws.engagement.entries.clear();
    ws.ltc = Default::default();
    ws.portfolio.whitespace.clear();
    ws.kpi.actuals.clear();
    ws.governance = Default::default();
    ws
}

#[test]
fn a_version_6_document_gets_an_empty_mcr_and_its_151_entries_meet_no_one() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/migrations/v6-to-v7.input.json");
    let input: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json");
    let text =
        json!({"format": "kam-planner", "schema_version": 6, "workspace": input}).to_string();
    let loaded = load(&text).expect("loads");
    assert_eq!(loaded.from_version, 6);
    assert_eq!(loaded.workspace.mcr, Mcr::default());
    assert_eq!(loaded.workspace.engagement.entries.len(), 2);
    assert!(loaded
        .workspace
        .engagement
        .entries
        .iter()
        .all(|e| e.stakeholders.is_empty()));
    assert!(mcr_fixes(&loaded.repairs).is_empty());
}

fn stakeholder(id: &str, account: &str, name: &str, at: i64) -> Stakeholder {
    Stakeholder {
        id: id.into(),
        account: account.into(),
        name: name.into(),
        updated_at: at,
        ..Stakeholder::default()
    }
}

#[test]
fn a_stakeholder_only_the_file_has_is_added_and_a_conflict_goes_to_the_newer_side() {
    let mine = zh();
    let (a, _, _) = ids(&mine);
    let mut mine = mine;
    mine.mcr.stakeholders = vec![stakeholder("s1", &a, "王总", 100)];
    let mut theirs = mine.clone();
    theirs.mcr.stakeholders[0].support = 2;
    theirs.mcr.stakeholders[0].updated_at = 200;
    theirs
        .mcr
        .stakeholders
        .push(stakeholder("s2", &a, "李主任", 150));
    theirs.mcr.settings.stale_days = 60;
    theirs.mcr.settings.updated_at = 50;
    mine.mcr.settings.updated_at = 70;
    mine.mcr.settings.stale_days = 120;

    let cmp = compare(&mine, &theirs);
    let s2 = EntityRef {
        kind: EntityKind::McrStakeholder,
        id: "s2".into(),
    };
    assert_eq!(cmp.added, [s2]);
    let conflict = |kind| cmp.conflicts.iter().find(|c| c.entity.kind == kind);
    let s1 = conflict(EntityKind::McrStakeholder).expect("s1 differs");
    assert_eq!(s1.default_side, Side::Theirs);
    assert!(s1.label.ends_with("· 王总"), "{}", s1.label);
    assert_eq!(
        differing_entity_fields(&mine, &theirs, &s1.entity),
        ["support"]
    );
    let settings = conflict(EntityKind::McrSettings).expect("settings differ");
    assert_eq!(settings.default_side, Side::Mine);

    let merged = merge(&mine, &theirs, &cmp, &Choices::new());
    let m = &merged.mcr;
    assert_eq!(m.stakeholders.len(), 2);
    assert_eq!(m.stakeholder("s1").map(|s| s.support), Some(2));
    assert_eq!(m.settings.stale_days, 120);
    // Choosing mine keeps mine's support.
    let mut choices = Choices::new();
    choices.insert(s1.entity.clone(), Side::Mine);
    let kept = merge(&mine, &theirs, &cmp, &choices);
    assert_eq!(kept.mcr.stakeholder("s1").map(|s| s.support), Some(0));
    assert_eq!(EntityKind::McrSettings.key(), "mcr_settings");
}

#[test]
fn a_circle_two_sides_form_together_is_broken_in_the_merged_copy() {
    let mut mine = zh();
    let (a, _, _) = ids(&mine);
    mine.mcr.stakeholders = vec![
        stakeholder("s1", &a, "王总", 100),
        stakeholder("s2", &a, "李主任", 100),
    ];
    let mut theirs = mine.clone();
    mine.mcr.stakeholders[0].reports_to = Some("s2".into());
    mine.mcr.stakeholders[0].updated_at = 300;
    theirs.mcr.stakeholders[1].reports_to = Some("s1".into());
    theirs.mcr.stakeholders[1].updated_at = 300;
    let cmp = compare(&mine, &theirs);
    let merged = merge(&mine, &theirs, &cmp, &Choices::new());
    assert_eq!(mcr::check(&merged.mcr), Ok(()));
    let lines: Vec<Option<&str>> = merged
        .mcr
        .stakeholders
        .iter()
        .map(|s| s.reports_to.as_deref())
        .collect();
    assert_eq!(lines, [None, Some("s1")]);
}

#[test]
fn three_ways_each_side_keeps_its_changes_and_a_deletion_goes_through() {
    let mut base = zh();
    let (a, b, _) = ids(&base);
    base.mcr.stakeholders = vec![
        stakeholder("s1", &a, "王总", 100),
        stakeholder("s2", &b, "李主任", 100),
    ];
    base.mcr.plan = vec![PlanItem {
        id: "p1".into(),
        account: a.clone(),
        goal: "高层拜访".into(),
        updated_at: 100,
        ..PlanItem::default()
    }];
    let mut mine = base.clone();
    mine.mcr.stakeholders[0].support = -1;
    mine.mcr.stakeholders[0].updated_at = 200;
    let mut theirs = base.clone();
    theirs.mcr.stakeholders[1].influence = 5;
    theirs.mcr.stakeholders[1].updated_at = 150;
    theirs.mcr.plan.clear();
    theirs
        .mcr
        .stakeholders
        .push(stakeholder("s3", &a, "赵经理", 160));

    let plan = three_way(Some(&base), &mine, &theirs);
    assert!(plan.both_changed.is_empty());
    let merged = merge_three_way(&mine, &theirs, &plan, &plan.choices);
    let m = &merged.mcr;
    assert_eq!(m.stakeholder("s1").map(|s| s.support), Some(-1));
    assert_eq!(m.stakeholder("s2").map(|s| s.influence), Some(5));
    assert!(m.stakeholder("s3").is_some());
    assert!(m.plan.is_empty(), "theirs deleted p1, mine left it alone");
}

// ----- The stakeholder import -----

fn read(csv: &str) -> Table {
    read_table(csv.as_bytes()).expect("reads")
}

fn field(spec: &TableSpec, id: &str) -> ColumnUse {
    ColumnUse::Field(spec.field(id).expect("field exists"))
}

fn build(ws: &Workspace, table: &Table) -> StakeholdersPreview {
    let uses = detect_uses(&stakeholders_spec(), &table.headers);
    build_stakeholders(table, &uses, ws).expect("mapping holds")
}

/// The names of the demo's first two customers and first two people.
fn names(ws: &Workspace) -> (String, String, String, String) {
    (
        ws.customers[0].name.clone(),
        ws.customers[1].name.clone(),
        ws.org.people[0].name.clone(),
        ws.org.people[1].name.clone(),
    )
}

fn good_file(ws: &Workspace) -> String {
    let (a, b, p, q) = names(ws);
    format!(
        "客户,姓名,职务,部门,上级,决策角色,支持度,影响力,关系层级,负责人,最近接触\n\
         {a},张伟,总经理,总经办,,决策者,支持,5,关键,{p},2026-01-10\n\
         {a},李娜,信息中心主任,信息中心,张伟,评估者,2,4,关键,{q},2026/1/12\n\
         {a},周强,采购经理,采购部,李娜,采购者,-1,3,普遍,,\n\
         {b},陈静,副总裁,,,decision maker,coach,5,key,{p},\n"
    )
}

#[test]
fn chinese_and_english_headers_map_with_no_hand_work() {
    let spec = stakeholders_spec();
    let all = [
        "account",
        "name",
        "title",
        "department",
        "reports_to",
        "role",
        "support",
        "influence",
        "layer",
        "owner",
        "last_contact",
    ];
    for headers in [
        "客户,姓名,职务,部门,上级,决策角色,支持度,影响力,关系层级,负责人,最近接触",
        "Account,Name,Title,Department,Reports to,Decision role,Support,Influence,Layer,Owner,Last contact",
    ] {
        let uses = detect_uses(&spec, &headers.split(',').map(String::from).collect::<Vec<_>>());
        let want: Vec<ColumnUse> = all.iter().map(|id| field(&spec, id)).collect();
        assert_eq!(uses, want, "{headers}");
    }
}

#[test]
fn a_good_file_imports_every_row_with_bosses_resolved_in_the_file() {
    let ws = zh();
    let (a_name, _, p_name, _) = names(&ws);
    let p = build(&ws, &read(&good_file(&ws)));
    assert_eq!(p.errors, []);
    assert_eq!((p.stakeholders.len(), p.updates), (4, 0));
    let rows: Vec<usize> = p.stakeholders.iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, [2, 3, 4, 5]);
    let s: Vec<&Stakeholder> = p.stakeholders.iter().map(|(_, s)| s).collect();
    assert_eq!(s[0].account, ws.customers[0].id);
    assert_eq!(s[0].role, DecisionRole::DecisionMaker);
    assert_eq!(
        (s[0].support, s[0].influence, s[0].layer),
        (1, 5, Layer::Key)
    );
    assert_eq!(s[0].owner.as_deref(), Some(ws.org.people[0].id.as_str()));
    assert_eq!(s[0].last_contact, "2026-01-10");
    assert_eq!(s[1].reports_to.as_deref(), Some(s[0].id.as_str()));
    assert_eq!(s[1].last_contact, "2026-01-12");
    assert_eq!(s[2].reports_to.as_deref(), Some(s[1].id.as_str()));
    assert_eq!(
        (s[2].support, s[2].layer, s[2].owner.clone()),
        (-1, Layer::Broad, None)
    );
    assert_eq!((s[3].support, s[3].layer), (3, Layer::Key));
    assert_eq!(s[3].account, ws.customers[1].id);
    let next = apply_stakeholders(&ws.mcr, &p);
    assert_eq!(mcr::check(&next), Ok(()));
    assert_eq!(next.stakeholders.len(), ws.mcr.stakeholders.len() + 4);
    // Through the edit the views use.
    let mut after = ws.clone();
    after.mcr = next;
    assert_eq!(dangling_references(&after), Vec::<String>::new());
    let _ = (a_name, p_name);
}

#[test]
fn an_xlsx_file_imports_the_same_stakeholders() {
    let ws = zh();
    let csv = good_file(&ws);
    let rows: Vec<Vec<String>> = csv
        .lines()
        .map(|l| l.split(',').map(String::from).collect())
        .collect();
    let bytes = write_xlsx(&[Sheet {
        name: "干系人".into(),
        rows,
        bold_first_row: true,
        column_widths: Vec::new(),
    }]);
    let from_xlsx = build(&ws, &read_table(&bytes).expect("reads"));
    let from_csv = build(&ws, &read(&csv));
    assert_eq!(from_xlsx.errors, []);
    assert_eq!(from_xlsx.stakeholders, from_csv.stakeholders);
}

#[test]
fn gbk_and_bom_files_read_the_same_stakeholders() {
    let ws = zh();
    let csv = good_file(&ws);
    let want = build(&ws, &read(&csv)).stakeholders;
    let (gbk, _, _) = encoding_rs::GBK.encode(&csv);
    let bom = [b"\xEF\xBB\xBF".as_slice(), csv.as_bytes()].concat();
    for bytes in [gbk.into_owned(), bom] {
        let p = build(&ws, &read_table(&bytes).expect("reads"));
        assert_eq!(p.errors, []);
        assert_eq!(p.stakeholders, want);
    }
}

#[test]
fn a_bad_row_is_reported_on_its_row_and_column_and_nothing_of_it_is_imported() {
    let ws = zh();
    let (a, _, p, _) = names(&ws);
    let csv = format!(
        "客户,姓名,决策角色,支持度,影响力,关系层级,负责人,上级\n\
         {a},张伟,决策者,1,5,关键,{p},\n\
         查无此客户,王五,决策者,1,5,关键,,\n\
         {a},赵六,皇帝,1,5,关键,,\n\
         {a},钱七,使用者,4,5,关键,,\n\
         {a},孙八,使用者,1,9,关键,,\n\
         {a},吴九,使用者,1,3,高层,,\n\
         {a},郑十,使用者,1,3,关键,外部某人,\n\
         {a},冯一,使用者,1,3,关键,,不存在的人\n\
         {a},张伟,使用者,1,3,关键,,\n"
    );
    let pr = build(&ws, &read(&csv));
    let got: Vec<(usize, &str, &str, ImportReason)> = pr
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str(), e.value.as_str(), e.reason.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (3, "客户", "查无此客户", ImportReason::UnknownAccount),
            (4, "决策角色", "皇帝", ImportReason::UnknownDecisionRole),
            (5, "支持度", "4", ImportReason::SupportOutOfRange),
            (6, "影响力", "9", ImportReason::InfluenceOutOfRange),
            (7, "关系层级", "高层", ImportReason::UnknownLayer),
            (8, "负责人", "外部某人", ImportReason::UnknownPerson),
            (9, "上级", "不存在的人", ImportReason::BossNotFound),
            (
                10,
                "姓名",
                "张伟",
                ImportReason::DuplicateStakeholder { first_row: 2 }
            ),
        ]
    );
    assert_eq!(pr.stakeholders.len(), 1);
    assert_eq!(pr.invalid_rows(), [3, 4, 5, 6, 7, 8, 9, 10]);
    // The message a user reads.
    assert_eq!(
        pr.errors[2].reason.to_string(),
        "support must be -1, 0, 1, 2 or 3 (or 反对/中立/支持/强支持/教练, opposed/neutral/support/strong support/coach)"
    );
}

#[test]
fn a_boss_is_found_among_stored_stakeholders_and_a_row_of_a_stored_one_updates_it() {
    let mut ws = zh();
    let a = ws.customers[0].id.clone();
    let a_name = ws.customers[0].name.clone();
    ws.mcr.stakeholders = vec![
        Stakeholder {
            title: "总经理".into(),
            support: 2,
            ..stakeholder("s-boss", &a, "张伟", 500)
        },
        Stakeholder {
            title: "主任".into(),
            ..stakeholder("s-old", &a, "李娜", 500)
        },
    ];
    let csv = format!(
        "客户,姓名,上级,支持度\n\
         {a_name},李娜,张伟,3\n\
         {a_name},周强,s-boss,0\n"
    );
    let p = build(&ws, &read(&csv));
    assert_eq!(p.errors, []);
    assert_eq!(p.updates, 1);
    let (_, li) = &p.stakeholders[0];
    assert_eq!(li.id, "s-old");
    assert_eq!(li.reports_to.as_deref(), Some("s-boss"));
    assert_eq!(li.support, 3);
    let (_, zhou) = &p.stakeholders[1];
    assert_eq!(zhou.reports_to.as_deref(), Some("s-boss"));
    let next = apply_stakeholders(&ws.mcr, &p);
    assert_eq!(next.stakeholders.len(), 3);
    assert_eq!(next.stakeholders[1].support, 3);
    // The columns the file lacks keep their stored values.
    assert_eq!(next.stakeholders[1].title, "主任");
    assert_eq!(next.stakeholders[0].title, "总经理");
}

#[test]
fn a_circle_formed_by_the_file_is_refused_on_every_row_in_it() {
    let mut ws = zh();
    let a = ws.customers[0].id.clone();
    let a_name = ws.customers[0].name.clone();
    ws.mcr.stakeholders = vec![stakeholder("s-boss", &a, "张伟", 500)];
    // 李娜 → 周强 → 李娜 in the file, 吴九 reports to 李娜, 孙八 to himself; 郑十 to the stored
    // 张伟 is fine.
    let csv = format!(
        "客户,姓名,上级\n\
         {a_name},李娜,周强\n\
         {a_name},周强,李娜\n\
         {a_name},吴九,李娜\n\
         {a_name},孙八,孙八\n\
         {a_name},郑十,张伟\n"
    );
    let p = build(&ws, &read(&csv));
    let got: Vec<(usize, &str, ImportReason)> = p
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str(), e.reason.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                2,
                "上级",
                ImportReason::ReportsToCycle {
                    names: "李娜 → 周强".into()
                }
            ),
            (
                3,
                "上级",
                ImportReason::ReportsToCycle {
                    names: "李娜 → 周强".into()
                }
            ),
            (4, "上级", ImportReason::BossRowInvalid { row: 2 }),
            (
                5,
                "上级",
                ImportReason::ReportsToCycle {
                    names: "孙八 → 孙八".into()
                }
            ),
        ]
    );
    let names: Vec<&str> = p
        .stakeholders
        .iter()
        .map(|(_, s)| s.name.as_str())
        .collect();
    assert_eq!(names, ["郑十"]);
    assert_eq!(mcr::check(&apply_stakeholders(&ws.mcr, &p)), Ok(()));
}

#[test]
fn a_circle_through_a_stored_stakeholder_is_refused() {
    let mut ws = zh();
    let a = ws.customers[0].id.clone();
    let a_name = ws.customers[0].name.clone();
    ws.mcr.stakeholders = vec![
        stakeholder("s1", &a, "张伟", 1),
        Stakeholder {
            reports_to: Some("s1".into()),
            ..stakeholder("s2", &a, "李娜", 1)
        },
    ];
    // The file makes 张伟 report to 李娜, who reports to 张伟.
    let csv = format!("客户,姓名,上级\n{a_name},张伟,李娜\n");
    let p = build(&ws, &read(&csv));
    assert_eq!(p.stakeholders, []);
    assert_eq!(
        p.errors[0].reason,
        ImportReason::ReportsToCycle {
            names: "张伟 → 李娜".into()
        }
    );
}

#[test]
fn words_and_numbers_read_in_every_usual_form() {
    for (cell, want) in [
        ("−1", Some(-1)),
        ("-1", Some(-1)),
        ("反对", Some(-1)),
        ("中立", Some(0)),
        ("", Some(0)),
        ("强支持", Some(2)),
        ("Strong support", Some(2)),
        ("教练", Some(3)),
        ("3", Some(3)),
        ("4", None),
        ("-2", None),
        ("很好", None),
    ] {
        assert_eq!(parse_support(cell), want, "{cell}");
    }
    for (cell, want) in [
        ("1", Some(1)),
        ("5", Some(5)),
        ("", Some(3)),
        ("0", None),
        ("6", None),
        ("2.5", None),
        ("x", None),
    ] {
        assert_eq!(parse_influence(cell), want, "{cell}");
    }
    for (cell, want) in [
        ("决策者", Some(DecisionRole::DecisionMaker)),
        ("Decision maker", Some(DecisionRole::DecisionMaker)),
        ("decision_maker", Some(DecisionRole::DecisionMaker)),
        ("守门人", Some(DecisionRole::Gatekeeper)),
        ("教练", Some(DecisionRole::Coach)),
        ("", Some(DecisionRole::Influencer)),
        ("老板", None),
    ] {
        assert_eq!(parse_role(cell), want, "{cell}");
    }
    for (cell, want) in [
        ("关键", Some(Layer::Key)),
        ("组织", Some(Layer::Organisational)),
        ("organizational", Some(Layer::Organisational)),
        ("Broad", Some(Layer::Broad)),
        ("高层", None),
    ] {
        assert_eq!(parse_layer(cell), want, "{cell}");
    }
}

#[test]
fn the_templates_import_with_zero_errors_as_csv_and_xlsx() {
    let ws = zh();
    for zh_labels in [true, false] {
        let rows = stakeholders_template(&ws, zh_labels);
        let mut all = rows.clone().into_iter();
        let header = all.next().unwrap_or_default();
        let csv = kam_planner::persist::csv_export::to_csv(&header, all);
        let xlsx = write_xlsx(&[Sheet {
            name: "T".into(),
            rows,
            bold_first_row: true,
            column_widths: Vec::new(),
        }]);
        for bytes in [csv.into_bytes(), xlsx] {
            let p = build(&ws, &read_table(&bytes).expect("reads"));
            assert_eq!(p.errors, [], "zh={zh_labels}");
            assert_eq!(p.stakeholders.len(), 2);
            let boss = p.stakeholders[0].1.id.clone();
            assert_eq!(p.stakeholders[1].1.reports_to, Some(boss));
        }
    }
}

#[test]
fn the_export_imports_back_unchanged_and_its_cells_are_neutralised() {
    let mut ws = zh();
    let p = build(&ws, &read(&good_file(&ws)));
    ws.mcr = apply_stakeholders(&ws.mcr, &p);
    ws.mcr.stakeholders[0].notes = "=HYPERLINK(\"http://evil\")".into();
    for zh_labels in [true, false] {
        let csv = stakeholders_csv(&ws, zh_labels);
        assert!(csv.contains("'=HYPERLINK"), "{csv}");
        let back = build(&ws, &read(&csv));
        assert_eq!(back.errors, []);
        assert_eq!(back.updates, ws.mcr.stakeholders.len());
        let again = apply_stakeholders(&ws.mcr, &back);
        assert_eq!(again, ws.mcr, "zh={zh_labels}");
    }
}

#[test]
fn the_fuzz_seed_loads_with_its_repairs_reported() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mcr-hostile.json");
    let loaded = load(&std::fs::read_to_string(path).expect("fixture")).expect("loads");
    let f = mcr_fixes(&loaded.repairs);
    assert!(
        f.iter()
            .any(|(_, fix)| matches!(fix, McrFix::CycleBroken(_))),
        "{f:#?}"
    );
    assert_eq!(mcr::check(&loaded.workspace.mcr), Ok(()));
    assert_eq!(loaded.workspace.mcr.stakeholders.len(), 3);
    assert_eq!(
        loaded.workspace.engagement.entries[0].stakeholders,
        ["s1", "s3"]
    );
}

#[test]
fn a_row_reporting_to_a_row_refused_for_its_own_fields_names_that_row() {
    let ws = zh();
    let (a, _, _, _) = names(&ws);
    // Row 2's support is out of range; row 3 reports to it, row 4 to someone nowhere.
    let csv = format!(
        "客户,姓名,上级,决策角色,支持度,影响力,关系层级\n\
         {a},司马静怡,,采购者,9,2,普遍\n\
         {a},上官文博,司马静怡,使用者,1,1,普遍\n\
         {a},欧阳明远,查无此人,使用者,1,1,普遍\n"
    );
    let pr = build(&ws, &read(&csv));
    let got: Vec<(usize, &str, ImportReason)> = pr
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str(), e.reason.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (2, "支持度", ImportReason::SupportOutOfRange),
            (3, "上级", ImportReason::BossRowInvalid { row: 2 }),
            (4, "上级", ImportReason::BossNotFound),
        ]
    );
    assert!(pr.stakeholders.is_empty());
}

//! Comparing and merging the organisation documents of two copies of a workspace: people,
//! assignments, triangle overrides, role cards, RACI activities, the talent of each role and the
//! settings groups, with the guarantee that a merged copy holds no dangling reference.

mod support;

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::edit::{apply, Edit};
use kam_planner::domain::merge::{
    self, compare, differing_org_fields, Choices, Comparison, Counts, EntityKind, EntityRef, Side,
};
use kam_planner::domain::org::{Assignment, Person, TriangleOverride, TriangleType};
use kam_planner::domain::workspace::Workspace;
use kam_planner::persist::envelope::{load, to_json};
use support::references::dangling_references;

const T0: i64 = 1_763_800_000_000;

fn base() -> Workspace {
    demo::build("ws-a", T0, DemoLocale::Zh)
}

fn edit(ws: &Workspace, e: Edit, at: i64) -> Workspace {
    apply(ws, &e, at).unwrap().unwrap()
}

fn set_person(ws: &Workspace, id: &str, f: impl FnOnce(&mut Person), at: i64) -> Workspace {
    let mut org = ws.org.clone();
    f(org.people.iter_mut().find(|p| p.id == id).unwrap());
    edit(ws, Edit::SetOrg(Box::new(org)), at)
}

fn conflict<'a>(cmp: &'a Comparison, kind: EntityKind, id: &str) -> &'a merge::Conflict {
    cmp.conflicts
        .iter()
        .find(|c| c.entity.kind == kind && c.entity.id == id)
        .unwrap_or_else(|| panic!("no conflict {kind:?} {id}: {:?}", cmp.conflicts))
}

fn counts(cmp: &Comparison, kind: EntityKind) -> (usize, usize, usize, usize) {
    let Counts {
        added,
        changed,
        removed,
        unchanged,
    } = cmp.counts_of(kind);
    (added, changed, removed, unchanged)
}

fn entity(kind: EntityKind, id: &str) -> EntityRef {
    EntityRef {
        kind,
        id: id.to_string(),
    }
}

#[test]
fn every_kind_is_counted_and_the_demo_compared_with_itself_is_identical() {
    let ws = base();
    let cmp = compare(&ws, &ws);
    assert!(cmp.is_identical());
    let kinds: Vec<EntityKind> = cmp.counts.iter().map(|(k, _)| *k).collect();
    assert_eq!(kinds, EntityKind::ALL.to_vec());
    assert_eq!(counts(&cmp, EntityKind::Person), (0, 0, 0, 32));
    assert_eq!(counts(&cmp, EntityKind::Role), (0, 0, 0, 4));
    assert_eq!(counts(&cmp, EntityKind::PurchaseStage), (0, 0, 0, 6));
    assert_eq!(counts(&cmp, EntityKind::RoleCard), (0, 0, 0, 4));
    assert_eq!(counts(&cmp, EntityKind::Activity), (0, 0, 0, 13));
    assert_eq!(counts(&cmp, EntityKind::RoleTalent), (0, 0, 0, 4));
    assert_eq!(counts(&cmp, EntityKind::OrgSettings), (0, 0, 0, 1));
    assert_eq!(counts(&cmp, EntityKind::TalentPlan), (0, 0, 0, 1));
    let assignments = ws.org.assignments.len();
    assert_eq!(counts(&cmp, EntityKind::Assignment), (0, 0, 0, assignments));
    assert_eq!(merge::merge(&ws, &ws, &cmp, &Choices::new()), ws);
}

#[test]
fn a_person_and_an_assignment_added_in_the_file_are_added() {
    let mine = base();
    let mut org = mine.org.clone();
    let account = mine.org.assignments[0].account.clone();
    org.people.push(Person {
        id: "p-new".into(),
        name: "新同事".into(),
        role: "SR".into(),
        ..Person::default()
    });
    org.assignments.push(Assignment {
        id: "as-new".into(),
        person: "p-new".into(),
        account: account.clone(),
        role: "SR".into(),
        fte: 0.5,
        updated_at: 0,
    });
    let theirs = edit(&mine, Edit::SetOrg(Box::new(org)), T0 + 100);

    let cmp = compare(&mine, &theirs);
    assert_eq!(counts(&cmp, EntityKind::Person), (1, 0, 0, 32));
    let n = mine.org.assignments.len();
    assert_eq!(counts(&cmp, EntityKind::Assignment), (1, 0, 0, n));
    assert!(cmp.conflicts.is_empty(), "{:?}", cmp.conflicts);
    assert_eq!(
        cmp.added,
        vec![
            entity(EntityKind::Person, "p-new"),
            entity(EntityKind::Assignment, "as-new")
        ]
    );

    let merged = merge::merge(&mine, &theirs, &cmp, &Choices::new());
    let last = merged.org.people.last().unwrap();
    assert_eq!((last.id.as_str(), last.name.as_str()), ("p-new", "新同事"));
    assert_eq!(last.updated_at, T0 + 100);
    let a = merged.org.assignments.last().unwrap();
    assert_eq!(
        (a.id.as_str(), a.account.as_str(), a.fte),
        ("as-new", account.as_str(), 0.5)
    );
    assert_eq!(dangling_references(&merged), Vec::<String>::new());
}

#[test]
fn a_person_changed_on_both_sides_is_a_conflict_the_newer_wins_and_either_can_be_chosen() {
    let start = base();
    let mine = set_person(&start, "p-ar01", |p| p.notes = "本地备注".into(), T0 + 100);
    let theirs = set_person(&start, "p-ar01", |p| p.level = "L5".into(), T0 + 200);
    let cmp = compare(&mine, &theirs);
    assert_eq!(counts(&cmp, EntityKind::Person), (0, 1, 0, 31));
    let c = conflict(&cmp, EntityKind::Person, "p-ar01");
    assert_eq!((c.label.as_str(), c.label_en.as_str()), ("刘洋", "刘洋"));
    assert_eq!(
        (c.mine_updated_at, c.theirs_updated_at),
        (T0 + 100, T0 + 200)
    );
    assert_eq!(c.default_side, Side::Theirs);
    assert_eq!(
        differing_org_fields(&mine, &theirs, &c.entity),
        vec!["level".to_string(), "notes".to_string()]
    );

    let by_default = merge::merge(&mine, &theirs, &cmp, &Choices::new());
    let p = by_default.org.person("p-ar01").unwrap();
    assert_eq!((p.level.as_str(), p.notes.as_str()), ("L5", ""));

    let mut choices = Choices::new();
    choices.insert(c.entity.clone(), Side::Mine);
    let kept = merge::merge(&mine, &theirs, &cmp, &choices);
    let p = kept.org.person("p-ar01").unwrap();
    assert_eq!((p.level.as_str(), p.notes.as_str()), ("L4", "本地备注"));
    // Same order of people as mine either way.
    let ids = |ws: &Workspace| {
        ws.org
            .people
            .iter()
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&kept), ids(&mine));
    assert_eq!(ids(&by_default), ids(&mine));
}

#[test]
fn on_a_tie_mine_is_the_default() {
    let start = base();
    let mine = set_person(&start, "p-ar02", |p| p.level = "L1".into(), T0 + 100);
    let theirs = set_person(&start, "p-ar02", |p| p.level = "L2".into(), T0 + 100);
    let cmp = compare(&mine, &theirs);
    assert_eq!(
        conflict(&cmp, EntityKind::Person, "p-ar02").default_side,
        Side::Mine
    );
}

#[test]
fn an_assignment_only_in_mine_is_kept_and_counted_as_only_here() {
    let theirs = base();
    let mut org = theirs.org.clone();
    org.assignments.push(Assignment {
        id: "as-mine".into(),
        person: "p-sr01".into(),
        account: theirs.customers[0].id.clone(),
        role: "SR".into(),
        fte: 0.2,
        updated_at: 0,
    });
    let mine = edit(&theirs, Edit::SetOrg(Box::new(org)), T0 + 50);
    let cmp = compare(&mine, &theirs);
    let n = theirs.org.assignments.len();
    assert_eq!(counts(&cmp, EntityKind::Assignment), (0, 0, 1, n));
    assert_eq!(cmp.removed, vec![entity(EntityKind::Assignment, "as-mine")]);
    let merged = merge::merge(&mine, &theirs, &cmp, &Choices::new());
    assert_eq!(merged.org.assignments, mine.org.assignments);
}

#[test]
fn a_role_card_changed_on_both_sides_is_a_conflict_named_by_its_role() {
    let start = base();
    let card_id = start.duties.card("AR").unwrap().id.clone();
    let change = |ws: &Workspace, text: &str, at: i64| {
        let mut duties = ws.duties.clone();
        let card = duties.cards.iter_mut().find(|c| c.id == card_id).unwrap();
        card.mission.zh = text.to_string();
        edit(ws, Edit::SetDuties(Box::new(duties)), at)
    };
    let mine = change(&start, "本地的使命", T0 + 300);
    let theirs = change(&start, "文件的使命", T0 + 200);
    let cmp = compare(&mine, &theirs);
    assert_eq!(counts(&cmp, EntityKind::RoleCard), (0, 1, 0, 3));
    let c = conflict(&cmp, EntityKind::RoleCard, &card_id);
    assert_eq!(
        (c.label.as_str(), c.label_en.as_str()),
        ("客户责任人", "Account responsible")
    );
    assert_eq!(c.default_side, Side::Mine);
    assert_eq!(
        differing_org_fields(&mine, &theirs, &c.entity),
        vec!["mission".to_string()]
    );
    let mut choices = Choices::new();
    choices.insert(c.entity.clone(), Side::Theirs);
    let merged = merge::merge(&mine, &theirs, &cmp, &choices);
    assert_eq!(merged.duties.card("AR").unwrap().mission.zh, "文件的使命");
    assert_eq!(
        merge::merge(&mine, &theirs, &cmp, &Choices::new())
            .duties
            .card("AR")
            .unwrap()
            .mission
            .zh,
        "本地的使命"
    );
}

#[test]
fn activities_talent_and_the_settings_groups_conflict_and_merge() {
    let start = base();
    // Mine: an activity renamed and the under-staffed threshold raised.
    let mut duties = start.duties.clone();
    duties.activities[0].name_zh = "客户规划（本地）".into();
    let mine = edit(&start, Edit::SetDuties(Box::new(duties)), T0 + 100);
    let mut org = mine.org.clone();
    org.understaffed_below_pct = 90.0;
    let mine = edit(&mine, Edit::SetOrg(Box::new(org)), T0 + 100);
    // Theirs, later: the same activity's letters, a source's share, the plan start.
    let mut duties = start.duties.clone();
    duties.activities[0]
        .raci
        .insert("FR".into(), kam_planner::domain::org::duties::Raci::I);
    let theirs = edit(&start, Edit::SetDuties(Box::new(duties)), T0 + 200);
    let mut talent = theirs.talent.clone();
    talent.roles[1].sources[0].share_pct += 5.0;
    talent.roles[1].sources[1].share_pct -= 5.0;
    talent.plan.start_month = "2026-06".into();
    let theirs = edit(&theirs, Edit::SetTalent(Box::new(talent)), T0 + 200);

    let cmp = compare(&mine, &theirs);
    let activity = conflict(&cmp, EntityKind::Activity, &start.duties.activities[0].id);
    assert_eq!(activity.label, "客户规划（本地）");
    assert_eq!(activity.label_en, "Account plan");
    assert_eq!(activity.default_side, Side::Theirs);
    let talent_id = start.talent.roles[1].id.clone();
    let role = conflict(&cmp, EntityKind::RoleTalent, &talent_id);
    assert_eq!(role.label_en, "Account responsible");
    assert_eq!(
        differing_org_fields(&mine, &theirs, &role.entity),
        vec!["sources".to_string()]
    );
    let org = conflict(&cmp, EntityKind::OrgSettings, "org_settings");
    assert_eq!((org.default_side, org.label.as_str()), (Side::Mine, ""));
    assert_eq!(
        differing_org_fields(&mine, &theirs, &org.entity),
        vec!["understaffed_below_pct".to_string()]
    );
    let plan = conflict(&cmp, EntityKind::TalentPlan, "talent_plan");
    assert_eq!(plan.default_side, Side::Theirs);
    assert_eq!(counts(&cmp, EntityKind::RoleTalent), (0, 1, 0, 3));
    assert_eq!(counts(&cmp, EntityKind::Activity), (0, 1, 0, 12));
    assert_eq!(cmp.conflicts.len(), 4, "{:?}", cmp.conflicts);

    let merged = merge::merge(&mine, &theirs, &cmp, &Choices::new());
    assert_eq!(merged.org.understaffed_below_pct, 90.0);
    assert_eq!(merged.talent.plan.start_month, "2026-06");
    assert_eq!(merged.talent.roles[1], theirs.talent.roles[1]);
    assert_eq!(merged.duties.activities[0], theirs.duties.activities[0]);
    // Everything resolved: against the file only mine's settings remain different.
    let after = compare(&merged, &theirs);
    let left: Vec<EntityKind> = after.conflicts.iter().map(|c| c.entity.kind).collect();
    assert_eq!(left, vec![EntityKind::OrgSettings]);
}

#[test]
fn change_times_inside_a_roles_talent_alone_are_not_a_change() {
    let ws = base();
    let mut later = ws.clone();
    for role in later.talent.roles.iter_mut() {
        role.updated_at += 9;
        for s in role.sources.iter_mut() {
            s.updated_at += 9;
        }
    }
    for p in later.org.people.iter_mut() {
        p.updated_at += 9;
    }
    assert!(compare(&ws, &later).is_identical());
}

#[test]
fn an_account_team_from_the_file_for_a_customer_mine_deleted_comes_back_whole() {
    let start = base();
    let account = start.org.assignments[0].account.clone();
    let person = start.org.assignments[0].person.clone();
    // Mine deletes the customer: its assignments and override go with it.
    let mut with_override = start.org.clone();
    with_override.triangle_overrides.push(TriangleOverride {
        customer: account.clone(),
        triangle: TriangleType::Growth,
        reason: "新签框架协议".into(),
        updated_at: 0,
    });
    let start = edit(&start, Edit::SetOrg(Box::new(with_override)), T0 + 10);
    let mine = edit(
        &start,
        Edit::DeleteCustomers(vec![account.clone()]),
        T0 + 100,
    );
    assert!(mine.org.assignments.iter().all(|a| a.account != account));
    // Mine also removes the person (and their other assignments).
    let mut org = mine.org.clone();
    org.people.retain(|p| p.id != person);
    org.assignments.retain(|a| a.person != person);
    let mine = edit(&mine, Edit::SetOrg(Box::new(org)), T0 + 100);
    assert_eq!(dangling_references(&mine), Vec::<String>::new());

    // The file still has all of it; merging brings back the customer, the person, the
    // assignments and the override together.
    let theirs = start;
    let cmp = compare(&mine, &theirs);
    assert_eq!(counts(&cmp, EntityKind::Customer).0, 1);
    assert_eq!(counts(&cmp, EntityKind::Person).0, 1);
    let overrides = theirs.org.triangle_overrides.len();
    assert_eq!(
        counts(&cmp, EntityKind::TriangleOverride),
        (1, 0, 0, overrides - 1)
    );
    let merged = merge::merge(&mine, &theirs, &cmp, &Choices::new());
    assert_eq!(dangling_references(&merged), Vec::<String>::new());
    assert!(merged.customers.iter().any(|c| c.id == account));
    assert!(merged.org.person(&person).is_some());
    assert_eq!(
        merged.org.assignments.len(),
        theirs.org.assignments.len(),
        "every assignment of the file is back"
    );
    // Saved and read back, it needs no repair.
    let loaded = load(&to_json(&merged, 0)).unwrap();
    assert_eq!(loaded.repairs, vec![]);
}

#[test]
fn an_override_and_an_assignment_conflict_are_named_by_the_customer() {
    let start = base();
    let a = start.org.assignments[0].clone();
    let customer_name = start
        .customers
        .iter()
        .find(|c| c.id == a.account)
        .unwrap()
        .name
        .clone();
    let person_name = start.org.person(&a.person).unwrap().name.clone();
    let change = |fte: f64, triangle: TriangleType, at: i64| {
        let mut org = start.org.clone();
        org.assignments[0].fte = fte;
        org.triangle_overrides = vec![TriangleOverride {
            customer: a.account.clone(),
            triangle,
            reason: "判断".into(),
            updated_at: 0,
        }];
        edit(&start, Edit::SetOrg(Box::new(org)), at)
    };
    let mine = change(0.3, TriangleType::Growth, T0 + 100);
    let theirs = change(0.7, TriangleType::Expansion, T0 + 200);
    let cmp = compare(&mine, &theirs);
    let c = conflict(&cmp, EntityKind::Assignment, &a.id);
    assert_eq!(c.label, format!("{person_name} · {customer_name}"));
    let o = conflict(&cmp, EntityKind::TriangleOverride, &a.account);
    assert_eq!(o.label, customer_name);
    assert_eq!(
        differing_org_fields(&mine, &theirs, &o.entity),
        vec!["triangle".to_string()]
    );
    let all_theirs: Choices = cmp
        .conflicts
        .iter()
        .map(|c| (c.entity.clone(), Side::Theirs))
        .collect();
    let merged = merge::merge(&mine, &theirs, &cmp, &all_theirs);
    assert_eq!(merged.org.assignments[0].fte, 0.7);
    assert_eq!(
        merged.org.triangle_override(&a.account).unwrap().triangle,
        TriangleType::Expansion
    );
}

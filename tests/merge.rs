//! Comparing and merging two copies of a workspace, and the edits that take a file in.

use std::rc::Rc;

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::edit::{apply, Edit};
use kam_planner::domain::merge::{
    self, as_new, chosen, compare, differing_fields, Choices, EntityKind, EntityRef, Side,
};
use kam_planner::domain::workspace::{Customer, Workspace};

const T0: i64 = 1_763_800_000_000;

fn base() -> Workspace {
    demo::build("ws-a", T0, DemoLocale::Zh)
}

fn edit(ws: &Workspace, e: Edit, at: i64) -> Workspace {
    apply(ws, &e, at).unwrap().unwrap()
}

fn customer(ws: &Workspace, id: &str) -> Customer {
    (**ws.customers.iter().find(|c| c.id == id).unwrap()).clone()
}

/// Mine and theirs both start from the same copy and then change it differently.
fn diverged() -> (Workspace, Workspace) {
    let start = base();
    // Mine: c-0001 edited late, c-0002 edited early, c-0003 deleted, one customer added.
    let mut mine = start.clone();
    let mut c = customer(&mine, "c-0001");
    c.notes = "mine, late".into();
    mine = edit(&mine, Edit::UpsertCustomer(Box::new(c)), T0 + 300);
    let mut c = customer(&mine, "c-0002");
    c.annual_purchase = 1.0;
    mine = edit(&mine, Edit::UpsertCustomer(Box::new(c)), T0 + 100);
    mine = edit(
        &mine,
        Edit::DeleteCustomers(vec!["c-0003".into()]),
        T0 + 100,
    );
    let mut added = Customer {
        id: "mine-new".into(),
        name: "只在本地".into(),
        ..Customer::default()
    };
    added.annual_purchase = 5.0;
    mine = edit(&mine, Edit::UpsertCustomer(Box::new(added)), T0 + 100);

    // Theirs: c-0001 edited early, c-0002 edited late, renamed late, a tier renamed, two added.
    let mut theirs = start;
    let mut c = customer(&theirs, "c-0001");
    c.notes = "theirs, early".into();
    theirs = edit(&theirs, Edit::UpsertCustomer(Box::new(c)), T0 + 200);
    let mut c = customer(&theirs, "c-0002");
    c.annual_purchase = 2.0;
    c.region = "华西".into();
    theirs = edit(&theirs, Edit::UpsertCustomer(Box::new(c)), T0 + 400);
    theirs = edit(&theirs, Edit::Rename("示例集团（销售部）".into()), T0 + 500);
    let mut tiering = theirs.tiering.clone();
    tiering.tiers[1].name_zh = "价值大客户".into();
    theirs = edit(&theirs, Edit::SetTiering(Box::new(tiering)), T0 + 500);
    let new_customers = vec![
        Customer {
            id: "t-1".into(),
            name: "文件新增一".into(),
            industry_line: Some("新行业线".into()),
            ..Customer::default()
        },
        Customer {
            id: "t-2".into(),
            name: "文件新增二".into(),
            ..Customer::default()
        },
    ];
    theirs = edit(
        &theirs,
        Edit::AddCustomers {
            customers: new_customers,
            id_prefix: "x-".into(),
            replace: false,
        },
        T0 + 500,
    );
    (mine, theirs)
}

#[test]
fn comparison_counts_added_changed_removed_per_kind() {
    let (mine, theirs) = diverged();
    let cmp = compare(&mine, &theirs);
    let c = cmp.counts_of(EntityKind::Customer);
    // Added: the file's two new customers and c-0003, which mine deleted and the file still
    // has. Removed (only in mine): the customer mine added.
    assert_eq!((c.added, c.changed, c.removed), (3, 2, 1), "{c:?}");
    assert_eq!(c.unchanged, 250 - 3);
    let s = cmp.counts_of(EntityKind::Settings);
    assert_eq!((s.changed, s.unchanged), (1, 0));
    let t = cmp.counts_of(EntityKind::Tier);
    assert_eq!((t.added, t.changed, t.removed, t.unchanged), (0, 1, 0, 4));
    assert_eq!(cmp.counts_of(EntityKind::TieringSettings).unchanged, 1);
    let l = cmp.counts_of(EntityKind::IndustryLine);
    assert_eq!((l.added, l.removed), (1, 0));
    assert!(!cmp.is_identical());
    let removed: Vec<&str> = cmp.removed.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(removed, vec!["mine-new"]);
}

#[test]
fn each_conflict_defaults_to_the_side_changed_last() {
    let (mine, theirs) = diverged();
    let cmp = compare(&mine, &theirs);
    let side = |kind, id: &str| {
        let c = cmp
            .conflicts
            .iter()
            .find(|c| c.entity.kind == kind && c.entity.id == id)
            .unwrap_or_else(|| panic!("no conflict {id}"));
        c.default_side
    };
    assert_eq!(side(EntityKind::Customer, "c-0001"), Side::Mine);
    assert_eq!(side(EntityKind::Customer, "c-0002"), Side::Theirs);
    assert_eq!(side(EntityKind::Settings, "settings"), Side::Theirs);
    assert_eq!(side(EntityKind::Tier, "value"), Side::Theirs);
}

#[test]
fn merge_with_the_defaults_takes_the_newer_side_and_keeps_everything_else() {
    let (mine, theirs) = diverged();
    let cmp = compare(&mine, &theirs);
    let merged = merge::merge(&mine, &theirs, &cmp, &Choices::new());
    assert_eq!(customer(&merged, "c-0001").notes, "mine, late");
    let c2 = customer(&merged, "c-0002");
    assert_eq!((c2.annual_purchase, c2.region.as_str()), (2.0, "华西"));
    assert_eq!(merged.meta.name, "示例集团（销售部）");
    assert_eq!(merged.meta.id, "ws-a");
    assert_eq!(merged.tiering.tiers[1].name_zh, "价值大客户");
    // Mine's own customer is kept; the one mine deleted comes back from the file (a file
    // cannot say it was deleted), and the file's new ones are added at the end.
    let ids: Vec<&str> = merged.customers.iter().map(|c| c.id.as_str()).collect();
    assert!(ids.contains(&"mine-new"));
    assert!(ids.contains(&"c-0003"));
    assert_eq!(&ids[ids.len() - 3..], &["c-0003", "t-1", "t-2"]);
    assert_eq!(merged.customers.len(), 250 + 1 + 2);
    assert!(merged.industry_lines.contains(&"新行业线".to_string()));
    // After the merge, both sides' choices are in: comparing with theirs leaves only what
    // mine won or only mine has.
    let after = compare(&merged, &theirs);
    let left: Vec<&str> = after
        .conflicts
        .iter()
        .map(|c| c.entity.id.as_str())
        .collect();
    assert_eq!(left, vec!["c-0001"]);
}

#[test]
fn each_conflict_can_be_chosen_individually() {
    let (mine, theirs) = diverged();
    let cmp = compare(&mine, &theirs);
    let mut choices = Choices::new();
    choices.insert(
        EntityRef {
            kind: EntityKind::Customer,
            id: "c-0001".into(),
        },
        Side::Theirs,
    );
    choices.insert(
        EntityRef {
            kind: EntityKind::Settings,
            id: "settings".into(),
        },
        Side::Mine,
    );
    let merged = merge::merge(&mine, &theirs, &cmp, &choices);
    assert_eq!(customer(&merged, "c-0001").notes, "theirs, early");
    assert_eq!(customer(&merged, "c-0002").annual_purchase, 2.0);
    assert_eq!(merged.meta.name, "示例集团");
    let theirs_count = cmp
        .conflicts
        .iter()
        .filter(|c| chosen(c, &choices) == Side::Theirs)
        .count();
    assert_eq!(theirs_count, 3);
}

#[test]
fn all_mine_changes_nothing_but_additions() {
    let (mine, theirs) = diverged();
    let cmp = compare(&mine, &theirs);
    let all_mine: Choices = cmp
        .conflicts
        .iter()
        .map(|c| (c.entity.clone(), Side::Mine))
        .collect();
    let merged = merge::merge(&mine, &theirs, &cmp, &all_mine);
    let again = compare(&mine, &merged);
    assert!(again.conflicts.is_empty());
    assert_eq!(again.counts_of(EntityKind::Customer).added, 3);
    assert_eq!(again.removed, vec![]);
}

#[test]
fn a_copy_compared_with_itself_is_identical_and_merges_to_itself() {
    let ws = base();
    let cmp = compare(&ws, &ws);
    assert!(cmp.is_identical());
    assert_eq!(merge::merge(&ws, &ws, &cmp, &Choices::new()), ws);
    // The same content with other timestamps is not a change.
    let mut later = ws.clone();
    for c in later.customers.iter_mut() {
        Rc::make_mut(c).updated_at += 7;
    }
    assert!(compare(&ws, &later).is_identical());
}

#[test]
fn replace_keeps_the_id_and_creation_and_as_new_takes_a_new_id() {
    let (mine, theirs) = diverged();
    let replaced = merge::replace(&mine, &theirs);
    assert_eq!(replaced.meta.id, mine.meta.id);
    assert_eq!(replaced.meta.created_at, mine.meta.created_at);
    assert_eq!(replaced.customers, theirs.customers);
    let fresh = as_new(&theirs, "ws-new", T0 + 9);
    assert_eq!(
        (
            fresh.meta.id.as_str(),
            fresh.meta.created_at,
            fresh.meta.is_demo
        ),
        ("ws-new", T0 + 9, false)
    );
    assert_eq!(fresh.customers, theirs.customers);
}

#[test]
fn replace_content_is_one_undoable_edit_that_keeps_the_identity() {
    let (mine, theirs) = diverged();
    let next = apply(
        &mine,
        &Edit::ReplaceContent(Box::new(theirs.clone())),
        T0 + 900,
    )
    .unwrap()
    .unwrap();
    assert_eq!(next.meta.id, mine.meta.id);
    assert_eq!(next.meta.created_at, mine.meta.created_at);
    assert_eq!(next.customers, theirs.customers);
    assert_eq!(next.meta.updated_at, T0 + 900);
    // Replacing with the same content changes nothing (no undo step).
    assert_eq!(
        apply(&mine, &Edit::ReplaceContent(Box::new(mine.clone())), T0).unwrap(),
        None
    );
}

#[test]
fn tiering_edits_stamp_only_what_changed() {
    let ws = base();
    let mut tiering = ws.tiering.clone();
    tiering.tiers[2].target_share_pct = 33.0;
    let next = edit(&ws, Edit::SetTiering(Box::new(tiering.clone())), T0 + 50);
    let times: Vec<i64> = next.tiering.tiers.iter().map(|t| t.updated_at).collect();
    assert_eq!(times, vec![T0, T0, T0 + 50, T0, T0]);
    assert_eq!(next.tiering.updated_at, T0, "the settings did not change");
    // Moving a tier changes what it means: both moved tiers are stamped.
    let mut moved = next.tiering.clone();
    moved.tiers.swap(0, 1);
    let next = edit(&next, Edit::SetTiering(Box::new(moved)), T0 + 60);
    let times: Vec<i64> = next.tiering.tiers.iter().map(|t| t.updated_at).collect();
    assert_eq!(times, vec![T0 + 60, T0 + 60, T0 + 50, T0, T0]);
    // A threshold stamps the settings.
    let mut t = next.tiering.clone();
    t.curses.flat_growth_pct += 1.0;
    let next = edit(&next, Edit::SetTiering(Box::new(t)), T0 + 70);
    assert_eq!(next.tiering.updated_at, T0 + 70);
    // Settings edits stamp the settings time.
    let next = edit(&next, Edit::SetFiscalYear(2027), T0 + 80);
    assert_eq!(next.meta.settings_updated_at, T0 + 80);
}

#[test]
fn differing_fields_names_what_changed_but_not_the_time() {
    let (mine, theirs) = diverged();
    let a = customer(&mine, "c-0002");
    let b = customer(&theirs, "c-0002");
    assert_eq!(
        differing_fields(&a, &b),
        vec!["annual_purchase".to_string(), "region".to_string()]
    );
}

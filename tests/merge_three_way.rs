//! The three-way merge of two tabs' copies of one workspace: each side's changes since the copy
//! both started from are kept, deletions travel both ways, and only records both sides changed
//! are left to the user.

use std::rc::Rc;

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::merge::{
    differing_entity_fields, merge_three_way, three_way, EntityKind, EntityRef, Side,
};
use kam_planner::domain::workspace::{Customer, Workspace};
use proptest::prelude::*;

const T0: i64 = 1_763_800_000_000;

fn base() -> Workspace {
    demo::build("ws-a", T0, DemoLocale::Zh)
}

fn with_customer(ws: &Workspace, id: &str, f: impl Fn(&mut Customer)) -> Workspace {
    let mut next = ws.clone();
    let c = next
        .customers
        .iter_mut()
        .find(|c| c.id == id)
        .expect("customer in the demo");
    let mut edited = (**c).clone();
    f(&mut edited);
    *c = Rc::new(edited);
    next
}

fn customer<'a>(ws: &'a Workspace, id: &str) -> Option<&'a Customer> {
    ws.customers.iter().find(|c| c.id == id).map(|c| c.as_ref())
}

fn without_customer(ws: &Workspace, id: &str) -> Workspace {
    let mut next = ws.clone();
    next.customers.retain(|c| c.id != id);
    next
}

fn entity(kind: EntityKind, id: &str) -> EntityRef {
    EntityRef {
        kind,
        id: id.to_string(),
    }
}

#[test]
fn the_other_tabs_fiscal_year_and_this_tabs_customer_edit_are_both_kept() {
    let base = base();
    let mut theirs = base.clone();
    theirs.meta.fiscal_year = 2031;
    theirs.meta.settings_updated_at = T0 + 500;
    let mine = with_customer(&base, "c-0001", |c| {
        c.notes = "本标签页的备注".into();
        c.updated_at = T0 + 100;
    });

    let plan = three_way(Some(&base), &mine, &theirs);
    assert!(plan.both_changed.is_empty(), "{:?}", plan.both_changed);
    assert_eq!(plan.taken_from_theirs(&plan.choices), 1);
    assert_eq!(
        plan.choices.get(&entity(EntityKind::Settings, "settings")),
        Some(&Side::Theirs)
    );
    assert_eq!(
        plan.choices.get(&entity(EntityKind::Customer, "c-0001")),
        Some(&Side::Mine)
    );

    let merged = merge_three_way(&mine, &theirs, &plan, &plan.choices);
    assert_eq!(merged.meta.fiscal_year, 2031, "the other tab's change");
    assert_eq!(
        customer(&merged, "c-0001").unwrap().notes,
        "本标签页的备注",
        "this tab's change"
    );
    assert_eq!(merged.customers.len(), base.customers.len());
}

#[test]
fn a_setting_changed_in_this_tab_beats_nothing_changed_in_the_other() {
    // Mine renamed the workspace, theirs edited a customer: the mirror case, mine's settings
    // stay and their customer edit is taken.
    let base = base();
    let mut mine = base.clone();
    mine.meta.name = "本标签页改名".into();
    mine.meta.settings_updated_at = T0 + 10;
    let theirs = with_customer(&base, "c-0002", |c| c.region = "华西".into());
    let plan = three_way(Some(&base), &mine, &theirs);
    assert!(plan.both_changed.is_empty());
    let merged = merge_three_way(&mine, &theirs, &plan, &plan.choices);
    assert_eq!(merged.meta.name, "本标签页改名");
    assert_eq!(customer(&merged, "c-0002").unwrap().region, "华西");
}

#[test]
fn a_customer_both_tabs_changed_is_listed_with_what_differs() {
    let base = base();
    let mine = with_customer(&base, "c-0003", |c| {
        c.annual_purchase = 1.0;
        c.updated_at = T0 + 900;
    });
    let theirs = with_customer(&base, "c-0003", |c| {
        c.annual_purchase = 2.0;
        c.region = "东北".into();
        c.updated_at = T0 + 100;
    });
    let plan = three_way(Some(&base), &mine, &theirs);
    assert_eq!(plan.both_changed.len(), 1);
    let c = &plan.both_changed[0];
    assert_eq!(c.entity, entity(EntityKind::Customer, "c-0003"));
    assert_eq!(c.label, customer(&base, "c-0003").unwrap().name);
    assert_eq!(
        differing_entity_fields(&mine, &theirs, &c.entity),
        vec!["annual_purchase".to_string(), "region".to_string()]
    );
    // Mine until the user chooses; nothing else to take.
    assert_eq!(plan.choices.get(&c.entity), Some(&Side::Mine));
    assert_eq!(plan.taken_from_theirs(&plan.choices), 0);
    let kept = merge_three_way(&mine, &theirs, &plan, &plan.choices);
    assert_eq!(customer(&kept, "c-0003").unwrap().annual_purchase, 1.0);

    let mut choices = plan.choices.clone();
    choices.insert(c.entity.clone(), Side::Theirs);
    assert_eq!(plan.taken_from_theirs(&choices), 1);
    let taken = merge_three_way(&mine, &theirs, &plan, &choices);
    let t = customer(&taken, "c-0003").unwrap();
    assert_eq!((t.annual_purchase, t.region.as_str()), (2.0, "东北"));
}

#[test]
fn both_tabs_renaming_the_workspace_is_a_listed_settings_conflict() {
    let base = base();
    let mut mine = base.clone();
    mine.meta.name = "乙".into();
    let mut theirs = base.clone();
    theirs.meta.name = "甲".into();
    let plan = three_way(Some(&base), &mine, &theirs);
    assert_eq!(plan.both_changed.len(), 1);
    assert_eq!(plan.both_changed[0].entity.kind, EntityKind::Settings);
    assert_eq!(
        differing_entity_fields(&mine, &theirs, &plan.both_changed[0].entity),
        vec!["name".to_string()]
    );
}

#[test]
fn a_customer_the_other_tab_deleted_goes_unless_this_tab_edited_it() {
    let base = base();
    let theirs = without_customer(&without_customer(&base, "c-0004"), "c-0005");
    // Mine edited c-0005 (which theirs deleted) and left c-0004 alone.
    let mine = with_customer(&base, "c-0005", |c| c.notes = "还在跟进".into());
    let plan = three_way(Some(&base), &mine, &theirs);
    assert!(plan.both_changed.is_empty());
    assert_eq!(plan.left_out, vec![entity(EntityKind::Customer, "c-0004")]);
    assert_eq!(plan.taken_from_theirs(&plan.choices), 1);
    let merged = merge_three_way(&mine, &theirs, &plan, &plan.choices);
    assert!(customer(&merged, "c-0004").is_none(), "their deletion");
    assert_eq!(customer(&merged, "c-0005").unwrap().notes, "还在跟进");
    assert_eq!(merged.customers.len(), base.customers.len() - 1);
}

#[test]
fn a_customer_this_tab_deleted_does_not_come_back_unless_the_other_tab_edited_it() {
    let base = base();
    let mine = without_customer(&without_customer(&base, "c-0006"), "c-0007");
    let theirs = with_customer(&base, "c-0007", |c| c.notes = "对方改过".into());
    let plan = three_way(Some(&base), &mine, &theirs);
    assert!(plan.both_changed.is_empty());
    assert_eq!(plan.left_out, vec![entity(EntityKind::Customer, "c-0006")]);
    let merged = merge_three_way(&mine, &theirs, &plan, &plan.choices);
    assert!(customer(&merged, "c-0006").is_none(), "my deletion holds");
    assert_eq!(
        customer(&merged, "c-0007").unwrap().notes,
        "对方改过",
        "their edit is not dropped unseen"
    );
}

#[test]
fn deletions_of_organisation_records_travel_too() {
    let base = base();
    let person = base.org.people[0].id.clone();
    let mut theirs = base.clone();
    theirs.org.people.retain(|p| p.id != person);
    let plan = three_way(Some(&base), &base, &theirs);
    let merged = merge_three_way(&base, &theirs, &plan, &plan.choices);
    assert!(merged.org.people.iter().all(|p| p.id != person));
    assert_eq!(merged.org.people, theirs.org.people);
}

#[test]
fn without_a_base_every_conflict_is_listed_and_nothing_is_deleted() {
    let base = base();
    let mine = without_customer(&base, "c-0008");
    let mut theirs = with_customer(&base, "c-0009", |c| c.notes = "x".into());
    theirs.meta.fiscal_year = 2030;
    let plan = three_way(None, &mine, &theirs);
    assert_eq!(plan.both_changed.len(), 2);
    assert!(plan.left_out.is_empty());
    let merged = merge_three_way(&mine, &theirs, &plan, &plan.choices);
    assert!(
        customer(&merged, "c-0008").is_some(),
        "kept: who deleted it is unknown"
    );
    assert_eq!(merged.meta.fiscal_year, mine.meta.fiscal_year);
}

/// What one side does to a customer of the base.
#[derive(Clone, Copy, Debug)]
enum Touch {
    None,
    MineEdits,
    TheirsEdits,
    MineDeletes,
    TheirsDeletes,
}

fn touch() -> impl Strategy<Value = Touch> {
    prop_oneof![
        6 => Just(Touch::None),
        1 => Just(Touch::MineEdits),
        1 => Just(Touch::TheirsEdits),
        1 => Just(Touch::MineDeletes),
        1 => Just(Touch::TheirsDeletes),
    ]
}

/// Applies one side's changes to `ws`: edits and deletions of customers and people, added
/// customers, and a settings change.
struct ChangeSet {
    edit: Vec<usize>,
    delete: Vec<usize>,
    people_edit: Vec<usize>,
    people_delete: Vec<usize>,
    add: Vec<Customer>,
    settings: Option<(String, i32)>,
}

impl ChangeSet {
    fn apply(&self, base: &Workspace, ws: &Workspace, tag: &str) -> Workspace {
        let mut next = ws.clone();
        let ids = |idx: &[usize]| -> Vec<String> {
            idx.iter().map(|i| base.customers[*i].id.clone()).collect()
        };
        for id in ids(&self.edit) {
            next = with_customer(&next, &id, |c| {
                c.notes = format!("{tag} edit");
                c.annual_purchase += 1.0;
            });
        }
        let gone = ids(&self.delete);
        next.customers.retain(|c| !gone.contains(&c.id));
        for i in &self.people_edit {
            let id = &base.org.people[*i].id;
            if let Some(p) = next.org.people.iter_mut().find(|p| &p.id == id) {
                p.notes = format!("{tag} person");
            }
        }
        let gone: Vec<&String> = self
            .people_delete
            .iter()
            .map(|i| &base.org.people[*i].id)
            .collect();
        next.org.people.retain(|p| !gone.contains(&&p.id));
        next.customers.extend(self.add.iter().cloned().map(Rc::new));
        if let Some((name, year)) = &self.settings {
            next.meta.name = name.clone();
            next.meta.fiscal_year = *year;
        }
        next
    }
}

fn split(touches: &[Touch]) -> (Vec<usize>, Vec<usize>, Vec<usize>, Vec<usize>) {
    let pick = |f: fn(Touch) -> bool| -> Vec<usize> {
        touches
            .iter()
            .enumerate()
            .filter(|(_, t)| f(**t))
            .map(|(i, _)| i)
            .collect()
    };
    (
        pick(|t| matches!(t, Touch::MineEdits)),
        pick(|t| matches!(t, Touch::MineDeletes)),
        pick(|t| matches!(t, Touch::TheirsEdits)),
        pick(|t| matches!(t, Touch::TheirsDeletes)),
    )
}

fn added(tag: &'static str, n: usize) -> Vec<Customer> {
    (0..n)
        .map(|i| Customer {
            id: format!("{tag}-new-{i}"),
            name: format!("{tag} 新客户 {i}"),
            annual_purchase: i as f64,
            ..Customer::default()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Changes that do not overlap merge to the base with both change sets applied, whichever
    /// side changed the settings, and nothing is left to the user.
    #[test]
    fn non_overlapping_changes_merge_to_both_change_sets_applied(
        touches in proptest::collection::vec(touch(), 250),
        people in proptest::collection::vec(touch(), 1..=40),
        mine_adds in 0usize..4,
        theirs_adds in 0usize..4,
        settings_by in 0u8..3,
    ) {
        let base = base();
        let (m_edit, m_del, t_edit, t_del) = split(&touches[..base.customers.len().min(touches.len())]);
        let n_people = base.org.people.len().min(people.len());
        let (pm_edit, pm_del, pt_edit, pt_del) = split(&people[..n_people]);
        let settings = |who: u8, name: &str, year| (settings_by == who).then(|| (name.to_string(), year));
        let mine_changes = ChangeSet {
            edit: m_edit, delete: m_del, people_edit: pm_edit, people_delete: pm_del,
            add: added("mine", mine_adds), settings: settings(1, "本标签页", 2029),
        };
        let theirs_changes = ChangeSet {
            edit: t_edit, delete: t_del, people_edit: pt_edit, people_delete: pt_del,
            add: added("theirs", theirs_adds), settings: settings(2, "另一标签页", 2032),
        };
        let mine = mine_changes.apply(&base, &base, "mine");
        let theirs = theirs_changes.apply(&base, &base, "theirs");
        let expected = theirs_changes.apply(&base, &mine, "theirs");

        let plan = three_way(Some(&base), &mine, &theirs);
        prop_assert!(plan.both_changed.is_empty(), "{:?}", plan.both_changed);
        let merged = merge_three_way(&mine, &theirs, &plan, &plan.choices);
        prop_assert_eq!(&merged.meta, &expected.meta);
        prop_assert_eq!(&merged.customers, &expected.customers);
        prop_assert_eq!(&merged.org.people, &expected.org.people);
        prop_assert_eq!(merged, expected);
    }
}

//! The organisation documents inside the workspace: the demo carries them, edits stamp exactly
//! the records that changed, deleting a customer takes its account team along, and an
//! organisation no view should produce is refused.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::edit::{apply, Edit, EditError};
use kam_planner::domain::org::{Assignment, Person, TriangleOverride, TriangleType};
use kam_planner::domain::workspace::Workspace;

const T0: i64 = 1_768_435_200_000;
const T1: i64 = T0 + 60_000;

fn demo() -> Workspace {
    demo::build("demo", T0, DemoLocale::Zh)
}

#[test]
fn the_demo_workspace_holds_its_teams() {
    let ws = demo();
    assert_eq!(ws.org.people.len(), 32);
    assert_eq!(ws.org.assignments.len(), 44);
    assert_eq!(ws.org.triangle_overrides.len(), 1);
    assert_eq!(ws.duties.cards.len(), 4);
    assert_eq!(ws.talent.plan.start_month, "2026-02");
    // Every assignment names a customer of the workspace.
    assert!(ws
        .org
        .assignments
        .iter()
        .all(|a| ws.customers.iter().any(|c| c.id == a.account)));
}

#[test]
fn set_org_stamps_only_the_records_that_changed() {
    let ws = demo();
    let mut org = ws.org.clone();
    org.people[0].level = "L6".into();
    org.people.push(Person {
        id: "p-new".into(),
        name: "新同事".into(),
        role: "SR".into(),
        ..Person::default()
    });
    org.assignments.retain(|a| a.id != "as-01");
    let next = apply(&ws, &Edit::SetOrg(Box::new(org)), T1)
        .unwrap()
        .unwrap();
    assert_eq!(next.org.people[0].updated_at, T1, "changed");
    assert_eq!(
        next.org.people[1].updated_at, T0,
        "unchanged keeps its time"
    );
    assert_eq!(next.org.people[32].updated_at, T1, "new");
    assert_eq!(next.org.assignments.len(), 43);
    assert_eq!(next.org.updated_at, ws.org.updated_at, "settings untouched");
    assert_eq!(next.meta.updated_at, T1);

    // Changing a setting stamps the settings.
    let mut org = next.org.clone();
    org.understaffed_below_pct = 75.0;
    let later = apply(&next, &Edit::SetOrg(Box::new(org)), T1 + 1)
        .unwrap()
        .unwrap();
    assert_eq!(later.org.updated_at, T1 + 1);
    assert_eq!(later.org.people[0].updated_at, T1);

    // The same document again changes nothing (no undo step).
    assert_eq!(
        apply(&later, &Edit::SetOrg(Box::new(later.org.clone())), T1 + 2),
        Ok(None)
    );
}

#[test]
fn set_duties_and_talent_stamp_what_changed() {
    let ws = demo();
    let mut duties = ws.duties.clone();
    duties.activities[0].name_en = "Account plan (BP)".into();
    let next = apply(&ws, &Edit::SetDuties(Box::new(duties)), T1)
        .unwrap()
        .unwrap();
    assert_eq!(next.duties.activities[0].updated_at, T1);
    assert_eq!(
        next.duties.activities[1].updated_at,
        ws.duties.activities[1].updated_at
    );

    let mut talent = ws.talent.clone();
    talent.roles[2].sources[0].share_pct = 40.0;
    let next = apply(&ws, &Edit::SetTalent(Box::new(talent)), T1)
        .unwrap()
        .unwrap();
    let role = &next.talent.roles[2];
    assert_eq!(role.sources[0].updated_at, T1);
    assert_eq!(
        role.updated_at, T1,
        "a role is stamped when a source changed"
    );
    assert_eq!(role.sources[1].updated_at, T0);
    assert_eq!(next.talent.roles[0].updated_at, T0);
    assert_eq!(next.talent.plan.updated_at, ws.talent.plan.updated_at);
}

#[test]
fn deleting_a_customer_takes_its_assignments_and_triangle_type_along() {
    let ws = demo();
    let account = ws.org.triangle_overrides[0].customer.clone();
    let held = ws
        .org
        .assignments
        .iter()
        .filter(|a| a.account == account)
        .count();
    assert!(held > 0);
    let next = apply(&ws, &Edit::DeleteCustomers(vec![account.clone()]), T1)
        .unwrap()
        .unwrap();
    assert_eq!(next.org.assignments.len(), 44 - held);
    assert!(next.org.assignments.iter().all(|a| a.account != account));
    assert!(next.org.triangle_overrides.is_empty());
    assert_eq!(next.org.people.len(), 32, "the people stay");
}

#[test]
fn an_organisation_no_view_should_produce_is_refused() {
    let ws = demo();
    let mut org = ws.org.clone();
    org.people[3].name = "  ".into();
    assert_eq!(
        apply(&ws, &Edit::SetOrg(Box::new(org)), T1),
        Err(EditError::MissingPersonName)
    );

    let mut org = ws.org.clone();
    org.assignments.push(Assignment {
        id: "as-x".into(),
        person: "p-ar01".into(),
        account: ws.customers[0].id.clone(),
        role: "AR".into(),
        fte: f64::NAN,
        updated_at: 0,
    });
    assert_eq!(
        apply(&ws, &Edit::SetOrg(Box::new(org)), T1),
        Err(EditError::NotFinite("as-x".into()))
    );

    let mut org = ws.org.clone();
    let twin = org.people[0].clone();
    org.people.push(twin);
    assert_eq!(
        apply(&ws, &Edit::SetOrg(Box::new(org)), T1),
        Err(EditError::DuplicateId("p-ad1".into()))
    );

    let mut org = ws.org.clone();
    let first = org.triangle_overrides[0].customer.clone();
    org.triangle_overrides.push(TriangleOverride {
        customer: first.clone(),
        triangle: TriangleType::Mature,
        reason: "twice".into(),
        updated_at: 0,
    });
    assert_eq!(
        apply(&ws, &Edit::SetOrg(Box::new(org)), T1),
        Err(EditError::DuplicateId(first))
    );
}

#[test]
fn an_empty_workspace_starts_with_the_default_organisation_and_no_people() {
    let ws = Workspace::empty("w", "空白", T0);
    assert_eq!(
        ws.org
            .roles
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["AD", "AR", "SR", "FR"]
    );
    assert!(ws.org.people.is_empty());
    assert_eq!(ws.org.stages.len(), 6);
    assert!(!ws.duties.activities.is_empty());
    assert_eq!(ws.talent.roles.len(), 4);
}

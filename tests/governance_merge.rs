//! Comparing and merging the routine management documents of two copies of a workspace: a
//! meeting changed in both, a body added in the file, a meeting deleted in mine; export → load
//! keeps the document.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::edit::{apply, Edit};
use kam_planner::domain::governance::{Body, Cadence, Governance};
use kam_planner::domain::merge::{
    self, compare, differing_governance_fields, Choices, EntityKind, EntityRef, Side,
};
use kam_planner::domain::workspace::Workspace;
use kam_planner::persist::envelope::{load, to_json};

const T0: i64 = 1_763_800_000_000;

fn base() -> Workspace {
    demo::build("ws-a", T0, DemoLocale::Zh)
}

fn set(ws: &Workspace, f: impl FnOnce(&mut Governance), at: i64) -> Workspace {
    let mut doc = ws.governance.clone();
    f(&mut doc);
    apply(ws, &Edit::SetGovernance(Box::new(doc)), at)
        .unwrap()
        .unwrap()
}

fn entity(kind: EntityKind, id: &str) -> EntityRef {
    EntityRef {
        kind,
        id: id.to_string(),
    }
}

#[test]
fn the_demo_compared_with_itself_counts_its_bodies_and_meetings() {
    let ws = base();
    let cmp = compare(&ws, &ws);
    assert!(cmp.is_identical());
    assert_eq!(cmp.counts_of(EntityKind::GovernanceBody).unchanged, 2);
    assert_eq!(cmp.counts_of(EntityKind::Meeting).unchanged, 6);
    assert_eq!(EntityKind::Meeting.key(), "meeting");
}

#[test]
fn a_meeting_changed_on_both_sides_takes_the_later_change_and_names_the_fields() {
    let mine = set(&base(), |d| d.meetings[0].duration_hours = 2.0, T0 + 100);
    let theirs = set(
        &base(),
        |d| {
            d.meetings[0].cadence = Cadence::Biweekly;
            d.bodies.push(Body {
                id: "steering".into(),
                name_zh: "客户经营指导委员会".into(),
                name_en: "Steering committee".into(),
                owner_role: "AD".into(),
                ..Body::default()
            });
        },
        T0 + 200,
    );
    let cmp = compare(&mine, &theirs);
    assert_eq!(cmp.counts_of(EntityKind::GovernanceBody).added, 1);
    assert_eq!(cmp.counts_of(EntityKind::Meeting).changed, 1);
    let conflict = cmp
        .conflicts
        .iter()
        .find(|c| c.entity == entity(EntityKind::Meeting, "triangle_sync"))
        .expect("the meeting conflicts");
    assert_eq!(
        (conflict.label.as_str(), conflict.label_en.as_str()),
        ("铁三角周例会", "Iron-triangle weekly sync")
    );
    assert_eq!(conflict.default_side, Side::Theirs);
    assert_eq!(
        differing_governance_fields(&mine, &theirs, &conflict.entity),
        ["cadence", "duration_hours"]
    );

    let merged = merge::merge(&mine, &theirs, &cmp, &Choices::new());
    assert_eq!(merged.governance.meetings[0].cadence, Cadence::Biweekly);
    assert_eq!(merged.governance.meetings[0].duration_hours, 1.0);
    assert_eq!(merged.governance.bodies.len(), 3);

    let mut choices = Choices::new();
    choices.insert(conflict.entity.clone(), Side::Mine);
    let kept = merge::merge(&mine, &theirs, &cmp, &choices);
    assert_eq!(kept.governance.meetings[0].cadence, Cadence::Weekly);
    assert_eq!(kept.governance.meetings[0].duration_hours, 2.0);
}

#[test]
fn a_meeting_deleted_in_mine_is_counted_as_added_by_the_file_and_merged_back() {
    let theirs = base();
    let mine = set(&theirs, |d| d.meetings.remove(2).id.clear(), T0 + 100);
    assert_eq!(mine.governance.meetings.len(), 5);
    let cmp = compare(&mine, &theirs);
    assert_eq!(cmp.counts_of(EntityKind::Meeting).added, 1);
    let merged = merge::merge(&mine, &theirs, &cmp, &Choices::new());
    let ids: Vec<&str> = merged
        .governance
        .meetings
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "triangle_sync",
            "lead_review",
            "business_analysis",
            "quarterly_review",
            "executive_visit",
            "account_plan"
        ]
    );
}

#[test]
fn export_and_load_keep_the_rhythm_and_a_bad_meeting_is_dropped_alone() {
    let ws = set(
        &base(),
        |d| d.meetings[3].anchor.last_weekday = true,
        T0 + 5,
    );
    let json = to_json(&ws, T0 + 10);
    let back = load(&json).unwrap();
    assert_eq!(back.workspace.governance, ws.governance);

    // A cadence that is not one of the six falls back to weekly; the meeting and the others stay.
    let broken = json.replacen("\"cadence\":\"biweekly\"", "\"cadence\":\"hourly\"", 1);
    assert_ne!(broken, json);
    let back = load(&broken).unwrap();
    let doc = &back.workspace.governance;
    assert_eq!(doc.meetings.len(), 6);
    assert_eq!(doc.meetings[1].id, "lead_review");
    assert_eq!(doc.meetings[1].cadence, Cadence::Weekly);
    assert_eq!(doc.meetings[2], ws.governance.meetings[2]);
    assert!(!back.repairs.is_empty());
}

//! Editing Tool 3's document: people (form checks, ids, deletion with their assignments), roles
//! (add, rename, delete only when unused), template cells and purchase stages, on the demo's
//! teams where it matters.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::edit::{apply, Edit};
use kam_planner::domain::org::people::{
    assignment_count, format_fte, next_person_id, parse_capacity, remove_person, CapacityError,
    PersonDraft, PersonField, PersonProblem,
};
use kam_planner::domain::org::process::{check_stages, StageError};
use kam_planner::domain::org::roles::{
    add_role, delete_role, parse_template_fte, rename_role, role_use, set_template_fte, FteError,
    RoleError, RoleUse,
};
use kam_planner::domain::org::stages::{
    add_stage, delete_stage, move_stage, rename_stage, set_involvement,
};
use kam_planner::domain::org::{Involvement, OrgDesign, Person, AR, FR, SR};
use kam_planner::domain::workspace::Workspace;

const NOW: i64 = 1_768_435_200_000;

fn demo_ws() -> Workspace {
    demo::build("demo", NOW, DemoLocale::Zh)
}

#[test]
fn capacities_are_read_as_typed_and_kept_in_range() {
    for (text, want) in [
        ("1", Ok(1.0)),
        ("0.5", Ok(0.5)),
        ("50%", Ok(0.5)),
        ("100%", Ok(1.0)),
        ("１２０％", Ok(1.2)),
        ("0.8 FTE", Ok(0.8)),
        ("1.5", Ok(1.5)),
        ("1.6", Err(CapacityError::OutOfRange)),
        ("0", Err(CapacityError::OutOfRange)),
        ("-0.5", Err(CapacityError::OutOfRange)),
        ("abc", Err(CapacityError::NotANumber)),
        ("NaN", Err(CapacityError::NotANumber)),
        ("", Err(CapacityError::NotANumber)),
    ] {
        assert_eq!(parse_capacity(text), want, "{text}");
    }
    assert_eq!(format_fte(0.25), "0.25");
    assert_eq!(format_fte(1.0), "1");
    assert_eq!(format_fte(1.0 / 3.0), "0.333");
}

#[test]
fn the_person_form_reports_every_problem_next_to_its_field() {
    let org = OrgDesign::default();
    let draft = PersonDraft {
        name: "  ".into(),
        role: "XX".into(),
        capacity: "2".into(),
        ..PersonDraft::default()
    };
    let problems = draft.build(&org, &Person::default()).unwrap_err();
    assert_eq!(
        problems,
        [
            (PersonField::Name, PersonProblem::MissingName),
            (PersonField::Role, PersonProblem::UnknownRole("XX".into())),
            (
                PersonField::Capacity,
                PersonProblem::Capacity(CapacityError::OutOfRange)
            ),
        ]
    );
    let draft = PersonDraft {
        name: " 新人 ".into(),
        role: SR.into(),
        level: "L1".into(),
        capacity: "".into(),
        ..PersonDraft::default()
    };
    let base = Person {
        id: "p-40".into(),
        ..Person::default()
    };
    let p = draft.build(&org, &base).unwrap();
    assert_eq!(
        (
            p.id.as_str(),
            p.name.as_str(),
            p.role.as_str(),
            p.capacity_fte
        ),
        ("p-40", "新人", SR, 1.0)
    );
    assert_eq!(
        PersonDraft::from_person(&p).build(&org, &p),
        Ok(p.clone()),
        "an unchanged form saves the same person"
    );
}

#[test]
fn deleting_a_demo_person_takes_their_assignments_in_the_same_edit() {
    let ws = demo_ws();
    assert_eq!(ws.org.people.len(), 32);
    assert_eq!(ws.org.assignments.len(), 44);
    // The over-allocated AR of the demo carries two accounts (1.0 + 0.6 FTE).
    let tiers = ws.tiering.assign_all(&ws.customers);
    let s =
        kam_planner::domain::org::staffing::staffing(&ws.org, &ws.tiering, &ws.customers, &tiers);
    assert_eq!(s.over_allocated.len(), 1);
    let id = s.people[s.over_allocated[0]].person.clone();
    assert_eq!(assignment_count(&ws.org, &id), 2);
    let next = remove_person(&ws.org, &id);
    assert_eq!(next.people.len(), 31);
    assert_eq!(next.assignments.len(), 42);
    assert!(next.assignments.iter().all(|a| a.person != id));
    let applied = apply(&ws, &Edit::SetOrg(Box::new(next)), NOW + 1)
        .unwrap()
        .unwrap();
    assert!(applied.org.person(&id).is_none());
}

#[test]
fn new_person_ids_follow_the_largest_number_and_never_clash() {
    let mut org = OrgDesign::default();
    assert_eq!(next_person_id(&org), "p-1");
    for id in ["p-ar01", "p-3", "p-12", "x"] {
        org.people.push(Person {
            id: id.into(),
            name: id.into(),
            ..Person::default()
        });
    }
    assert_eq!(next_person_id(&org), "p-13");
    // The demo's ids are all p-<role><n>: the first new one is p-1.
    assert_eq!(next_person_id(&demo_ws().org), "p-1");
}

#[test]
fn a_role_is_deleted_only_when_nothing_uses_it_and_never_a_built_in_one() {
    let ws = demo_ws();
    assert_eq!(delete_role(&ws.org, AR), Err(RoleError::BuiltIn(AR.into())));
    let with_pm = add_role(&ws.org, "PM", "项目经理", "Project manager").unwrap();
    assert_eq!(with_pm.roles.len(), 5);
    assert_eq!(
        add_role(&with_pm, "pm", "x", "y"),
        Err(RoleError::IdTaken("pm".into()))
    );
    assert_eq!(add_role(&with_pm, "a b", "x", "y"), Err(RoleError::BadId));
    assert_eq!(
        add_role(&with_pm, "QA", "", "y"),
        Err(RoleError::MissingName)
    );
    assert!(role_use(&with_pm, "PM").is_unused());

    // Used by one person, one stage and one template row: refused, saying what uses it.
    let mut used = with_pm.clone();
    used.people[0].role = "PM".into();
    let used = set_template_fte(&used, "strategic.mature", "PM", 0.5);
    let used = set_involvement(&used, "tender", "PM", Involvement::Participate);
    assert_eq!(
        delete_role(&used, "PM"),
        Err(RoleError::InUse {
            role: "PM".into(),
            uses: RoleUse {
                people: 1,
                assignments: 0,
                templates: 1,
                stages: 1
            }
        })
    );
    // The demo's AR is used everywhere.
    let ar = role_use(&ws.org, AR);
    assert_eq!(ar.people, 14);
    assert_eq!(ar.templates, 15);
    assert_eq!(ar.stages, 6);

    let renamed = rename_role(&with_pm, "PM", "交付项目经理", "Delivery PM").unwrap();
    assert_eq!(renamed.role("PM").unwrap().name_en, "Delivery PM");
    let gone = delete_role(&renamed, "PM").unwrap();
    assert_eq!(gone.roles.len(), 4);
    assert_eq!(
        gone,
        ws.org.clone(),
        "adding then deleting leaves the design as it was"
    );
}

#[test]
fn template_figures_are_non_negative_numbers_and_change_the_required_fte() {
    assert_eq!(parse_template_fte("0.5"), Ok(0.5));
    assert_eq!(parse_template_fte(""), Ok(0.0));
    assert_eq!(parse_template_fte("-1"), Err(FteError::Negative));
    assert_eq!(parse_template_fte("abc"), Err(FteError::NotANumber));
    assert_eq!(parse_template_fte("inf"), Err(FteError::NotANumber));
    assert_eq!(parse_template_fte("11"), Err(FteError::TooLarge));
    let ws = demo_ws();
    let tiers = ws.tiering.assign_all(&ws.customers);
    let sr = |org: &OrgDesign| {
        kam_planner::domain::org::staffing::staffing(org, &ws.tiering, &ws.customers, &tiers)
            .role(SR)
            .unwrap()
            .required
    };
    // Ten value accounts at 0.5 SR each and five strategic at 1.
    assert!((sr(&ws.org) - 10.0).abs() < 1e-9);
    let mut next = ws.org.clone();
    for row in ["value.expansion", "value.growth", "value.mature"] {
        next = set_template_fte(&next, row, SR, 0.25);
    }
    assert!((sr(&next) - 7.5).abs() < 1e-9);
    let cleared = set_template_fte(&next, "value.mature", SR, 0.0);
    assert!(!cleared
        .template("value", kam_planner::domain::org::TriangleType::Mature)
        .unwrap()
        .fte
        .contains_key(SR));
}

#[test]
fn stages_are_added_renamed_moved_and_deleted_and_a_second_lead_is_an_error() {
    let org = OrgDesign::default();
    assert_eq!(check_stages(&org), []);
    let two = set_involvement(&org, "tender", AR, Involvement::Lead);
    assert_eq!(
        check_stages(&two),
        [StageError::LeadCount {
            stage: "tender".into(),
            count: 2,
            leads: vec![AR.into(), SR.into()],
        }]
    );
    let fixed = set_involvement(&two, "tender", SR, Involvement::Participate);
    assert_eq!(check_stages(&fixed), []);

    let added = add_stage(&org, " 售后服务 ", "After-sales");
    let last = added.stages.last().unwrap();
    assert_eq!(
        (last.id.as_str(), last.name_zh.as_str()),
        ("stage-1", "售后服务")
    );
    assert_eq!(
        check_stages(&added),
        [StageError::LeadCount {
            stage: "stage-1".into(),
            count: 0,
            leads: vec![],
        }]
    );
    let led = set_involvement(&added, "stage-1", FR, Involvement::Lead);
    assert_eq!(check_stages(&led), []);
    let moved = move_stage(&led, "stage-1", true);
    let order: Vec<&str> = moved.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "business_research",
            "strategic_planning",
            "budget_approval",
            "tender",
            "contract",
            "stage-1",
            "delivery_acceptance"
        ]
    );
    assert_eq!(move_stage(&moved, "business_research", true), moved);
    let renamed = rename_stage(&moved, "stage-1", true, "Service");
    assert_eq!(renamed.stages[5].name_en, "Service");
    assert_eq!(delete_stage(&renamed, "stage-1").stages, org.stages);
}

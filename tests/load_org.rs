//! The load path's repairs of the organisation documents in a workspace file: dangling
//! assignments and triangle overrides, repeated ids, a missing built-in role, a record of the
//! wrong type and text over the limit — each made and reported with its exact message.

mod support;

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::workspace::Workspace;
use kam_planner::persist::envelope::{load, load_stored, to_json, Loaded};
use kam_planner::persist::read::MAX_TEXT_CHARS;
use kam_planner::persist::validate::Repair;
use serde_json::{json, Value};
use support::references::dangling_references;

const T0: i64 = 1_763_800_000_000;

fn demo() -> Workspace {
    demo::build("ws-a", T0, DemoLocale::Zh)
}

/// The demo exported, changed by `f` as JSON, and loaded as an imported file.
fn load_changed(f: impl FnOnce(&mut Value)) -> Loaded {
    let mut doc: Value = serde_json::from_str(&to_json(&demo(), T0)).unwrap();
    f(&mut doc["workspace"]);
    let text = doc.to_string();
    let loaded = load(&text).expect("a repairable file loads");
    // The stored-copy path repairs the same way.
    assert_eq!(load_stored(&text).unwrap().repairs, loaded.repairs);
    loaded
}

fn messages(loaded: &Loaded) -> Vec<String> {
    loaded.repairs.iter().map(ToString::to_string).collect()
}

fn push(list: &mut Value, item: Value) {
    list.as_array_mut().unwrap().push(item);
}

#[test]
fn the_demo_file_loads_without_a_repair() {
    let loaded = load(&to_json(&demo(), T0)).unwrap();
    assert_eq!(loaded.repairs, vec![]);
    assert_eq!(loaded.workspace, demo());
    assert_eq!(dangling_references(&loaded.workspace), Vec::<String>::new());
}

#[test]
fn assignments_to_a_missing_person_or_customer_are_removed_and_reported() {
    let real_customer = demo().customers[0].id.clone();
    let loaded = load_changed(|ws| {
        let list = &mut ws["org"]["assignments"];
        push(
            list,
            json!({"id": "as-ghost", "person": "p-nobody", "account": real_customer, "role": "AR", "fte": 0.5}),
        );
        push(
            list,
            json!({"id": "as-lost", "person": "p-ar01", "account": "c-gone", "role": "AR", "fte": 0.5}),
        );
    });
    assert_eq!(
        messages(&loaded),
        vec![
            "assignment “as-ghost” named person “p-nobody”, who does not exist; assignment removed",
            "assignment “as-lost” named customer “c-gone”, which does not exist; assignment removed",
        ]
    );
    assert_eq!(
        loaded.workspace.org.assignments.len(),
        demo().org.assignments.len()
    );
    assert_eq!(dangling_references(&loaded.workspace), Vec::<String>::new());
}

#[test]
fn an_override_for_a_missing_customer_and_a_second_one_for_a_customer_are_removed() {
    let first = demo().customers[0].id.clone();
    let overrides_before = demo().org.triangle_overrides.len();
    let loaded = load_changed(|ws| {
        let list = &mut ws["org"]["triangle_overrides"];
        push(
            list,
            json!({"customer": "c-gone", "triangle": "growth", "reason": "旧数据"}),
        );
        push(
            list,
            json!({"customer": first, "triangle": "expansion", "reason": "一"}),
        );
        push(
            list,
            json!({"customer": first, "triangle": "mature", "reason": "二"}),
        );
    });
    assert_eq!(
        messages(&loaded),
        vec![
            format!("in “org.triangle_overrides” “{first}” appeared twice; the second was removed"),
            "a triangle type was set for customer “c-gone”, which does not exist; removed"
                .to_string(),
        ]
    );
    let ws = &loaded.workspace;
    assert_eq!(ws.org.triangle_overrides.len(), overrides_before + 1);
    assert_eq!(ws.org.triangle_override(&first).unwrap().reason, "一");
}

#[test]
fn repeated_and_missing_ids_get_new_ones_and_a_missing_built_in_role_comes_back() {
    let loaded = load_changed(|ws| {
        let people = &mut ws["org"]["people"];
        let copy = people[0].clone();
        push(people, copy);
        people[1]["id"] = json!("");
        let roles = ws["org"]["roles"].as_array_mut().unwrap();
        roles.retain(|r| r["id"] != "FR");
        let again = roles[0].clone();
        roles.push(again);
        let activities = &mut ws["duties"]["activities"];
        let copy = activities[0].clone();
        push(activities, copy);
        let sources = &mut ws["talent"]["roles"][0]["sources"];
        let copy = sources[0].clone();
        push(sources, copy);
    });
    assert_eq!(
        messages(&loaded),
        vec![
            "in “org.roles” “AD” appeared twice; the second was removed",
            "built-in role “FR” was missing and was restored",
            "in “org.people” an id was missing or repeated; “p-1” assigned",
            "in “org.people” an id was missing or repeated; “p-2” assigned",
            // The person who lost their id cannot be told from a new one: their assignments
            // no longer name anyone and go too.
            "assignment “as-03” named person “p-ad2”, who does not exist; assignment removed",
            "assignment “as-04” named person “p-ad2”, who does not exist; assignment removed",
            "in “duties.activities” an id was missing or repeated; “act-1” assigned",
            "in “talent.roles[AD].sources” an id was missing or repeated; “src-1” assigned",
            // So do the relationships, contacts and plan items they owned in MCR.
            "“mcr.stakeholders.sh-81.owner”: Cleared",
            "“mcr.stakeholders.sh-97.owner”: Cleared",
            "“mcr.stakeholders.sh-105.owner”: Cleared",
            "“mcr.contacts.con-9.our_people”: Cleared",
            "“mcr.contacts.con-12.our_people”: Cleared",
            "“mcr.plan.plan-9.owner”: Cleared",
        ]
    );
    let ws = &loaded.workspace;
    let roles: Vec<&str> = ws.org.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(roles, vec!["AD", "AR", "SR", "FR"]);
    assert_eq!(ws.org.people.len(), 33);
    assert_eq!(ws.org.people[1].id, "p-1");
    assert_eq!(ws.org.people[32].id, "p-2");
    assert_eq!(dangling_references(ws), Vec::<String>::new());
    // What was repaired exports and loads back without another repair.
    assert_eq!(load(&to_json(ws, 0)).unwrap().repairs, vec![]);
}

#[test]
fn a_value_of_the_wrong_type_falls_back_alone_and_a_non_record_is_dropped() {
    let loaded = load_changed(|ws| {
        push(&mut ws["org"]["people"], json!("not a person"));
        ws["org"]["people"][0]["capacity_fte"] = json!("full time");
        ws["talent"]["roles"][1]["sources"][0]["share_pct"] = json!("half");
    });
    assert_eq!(
        messages(&loaded),
        vec![
            "“org.people[0].capacity_fte” had the wrong type; default used",
            "“org.people[32]” had the wrong type; default used",
            "“talent.roles[1].sources” had the wrong type; default used",
        ]
    );
    let ws = &loaded.workspace;
    // The person keeps everything but the bad value, and their assignments stay.
    assert_eq!(ws.org.people.len(), 32);
    assert_eq!(ws.org.people[0].name, demo().org.people[0].name);
    assert_eq!(ws.org.people[0].capacity_fte, 1.0);
    assert_eq!(ws.org.assignments, demo().org.assignments);
    // Inside a role's talent the list with the bad value is what falls back (to empty).
    assert_eq!(ws.talent.roles[1].sources, vec![]);
    assert_eq!(ws.talent.roles[1].ladder, demo().talent.roles[1].ladder);
    assert_eq!(dangling_references(ws), Vec::<String>::new());
}

#[test]
fn organisation_texts_over_the_limit_are_cut_and_reported() {
    let long = "长".repeat(MAX_TEXT_CHARS + 5);
    let loaded = load_changed(|ws| {
        ws["org"]["people"][2]["notes"] = json!(long);
        ws["org"]["roles"][1]["name_en"] = json!(long);
        ws["duties"]["cards"][0]["key_activities"][1]["text"]["zh"] = json!(long);
        ws["duties"]["activities"][3]["name_zh"] = json!(long);
        ws["talent"]["roles"][2]["sources"][0]["notes"] = json!(long);
        ws["talent"]["roles"][2]["enablement"][0]["description"]["en"] = json!(long);
    });
    let cut = |path: &str| Repair::TextCut {
        path: path.to_string(),
        chars: MAX_TEXT_CHARS + 5,
        max: MAX_TEXT_CHARS,
    };
    assert_eq!(
        loaded.repairs,
        vec![
            cut("org.roles[1].name_en"),
            cut("org.people[2].notes"),
            cut("duties.cards[0].key_activities[1].text.zh"),
            cut("duties.activities[3].name_zh"),
            cut("talent.roles[2].sources[0].notes"),
            cut("talent.roles[2].enablement[0].description.en"),
        ]
    );
    assert_eq!(
        messages(&loaded)[1],
        format!(
            "“org.people[2].notes” had {} characters; cut to {MAX_TEXT_CHARS}",
            MAX_TEXT_CHARS + 5
        )
    );
    let ws = &loaded.workspace;
    assert_eq!(ws.org.people[2].notes.chars().count(), MAX_TEXT_CHARS);
    assert_eq!(
        ws.talent.roles[2].sources[0].notes.chars().count(),
        MAX_TEXT_CHARS
    );
}

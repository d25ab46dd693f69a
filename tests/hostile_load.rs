//! Workspace documents crafted to steer the page or to cost without bound: colours carrying CSS,
//! a million nameless customers, nameless people; and what the storage banner counts.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::edit::{apply, Edit, EditError};
use kam_planner::domain::tiering::{is_valid_color, Tier, FALLBACK_COLOR};
use kam_planner::persist::envelope::{load, to_json};
use kam_planner::persist::library::{self as lib, KeyValueStore, MemoryStore};
use kam_planner::persist::validate::{Repair, SkippedWhy};
use serde_json::Value;

fn demo_json() -> Value {
    let ws = demo::build("ws-demo", 1_700_000_000_000, DemoLocale::Zh);
    serde_json::from_str(&to_json(&ws, 1_700_000_000_000)).unwrap()
}

const HOSTILE: [&str; 5] = [
    "red;background:url(http://evil.example/x.png)",
    "#fff;position:fixed;inset:0;z-index:2147483647",
    "url(#x)",
    "#12345g",
    "",
];

#[test]
fn only_hex_colours_are_colours() {
    for ok in ["#abc", "#ABC", "#1f4e79", "#000000"] {
        assert!(is_valid_color(ok), "{ok}");
    }
    for bad in HOSTILE.iter().copied().chain([
        "#abcd",
        "#1f4e7980",
        "1f4e79",
        "#1f4e7 ",
        " #1f4e79",
        "#1f4e79;",
        "rgb(0,0,0)",
        "red",
        "#ａｂｃ",
    ]) {
        assert!(!is_valid_color(bad), "{bad:?}");
    }
    let tier = Tier {
        color: HOSTILE[0].into(),
        ..Tier::default()
    };
    assert_eq!(tier.display_color(), FALLBACK_COLOR);
}

#[test]
fn hostile_tier_colours_are_replaced_at_the_load_path_and_each_is_listed() {
    let mut doc = demo_json();
    let tiers = doc["workspace"]["tiering"]["tiers"].as_array_mut().unwrap();
    let ids: Vec<String> = tiers
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    for (t, c) in tiers.iter_mut().zip(HOSTILE) {
        t["color"] = Value::from(c);
    }
    tiers.push(serde_json::json!({"id": "custom", "name_zh": "自定义", "color": "blue;x:y"}));
    let loaded = load(&doc.to_string()).expect("repaired, not refused");
    let colours: Vec<&str> = loaded
        .workspace
        .tiering
        .tiers
        .iter()
        .map(|t| t.color.as_str())
        .collect();
    assert_eq!(
        colours,
        [
            "#1f4e79",
            "#2e7d6b",
            "#c98a1a",
            "#6b7a90",
            "#aab4c3",
            FALLBACK_COLOR
        ],
        "default tiers {ids:?} get their own colour back, others the fallback"
    );
    let replaced: Vec<(&str, &str)> = loaded
        .repairs
        .iter()
        .filter_map(|r| match r {
            Repair::ColorReplaced { path, value, .. } => Some((path.as_str(), value.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(replaced.len(), 6, "{:?}", loaded.repairs);
    assert_eq!(
        replaced[0],
        (
            "tiering.tiers[0].color",
            "red;background:url(http://evil.example/x"
        )
    );
    assert_eq!(replaced[5].0, "tiering.tiers[5].color");
    // Loading the repaired document again needs no repair.
    let again = load(&to_json(&loaded.workspace, 1)).unwrap();
    assert!(
        !again
            .repairs
            .iter()
            .any(|r| matches!(r, Repair::ColorReplaced { .. })),
        "{:?}",
        again.repairs
    );
}

#[test]
fn the_tier_editor_refuses_a_colour_that_is_not_hex() {
    let ws = demo::build("ws-demo", 1, DemoLocale::Zh);
    let mut config = ws.tiering.clone();
    config.tiers[1].color = HOSTILE[1].into();
    assert_eq!(
        apply(&ws, &Edit::SetTiering(Box::new(config.clone())), 2).unwrap_err(),
        EditError::BadColor(HOSTILE[1].into())
    );
    config.tiers[1].color = "#123".into();
    let next = apply(&ws, &Edit::SetTiering(Box::new(config)), 2)
        .unwrap()
        .expect("a hex colour is a change");
    assert_eq!(next.tiering.tiers[1].color, "#123");
}

#[test]
fn a_million_nameless_customers_are_one_line_not_a_million_repairs() {
    let customers = format!(
        "{}{}",
        "{},".repeat(999_999),
        r#"{"id":"c-1","name":"真实客户","annual_purchase":1}"#
    );
    let text = format!(
        r#"{{"format":"kam-planner","schema_version":1,"workspace":{{"meta":{{"id":"ws-x","name":"x"}},"customers":[{customers}]}}}}"#
    );
    let loaded = load(&text).expect("loads what has a name");
    assert_eq!(loaded.workspace.customers.len(), 1);
    assert_eq!(loaded.workspace.customers[0].name, "真实客户");
    assert_eq!(
        loaded.repairs,
        vec![Repair::RecordsSkipped {
            list: "customers".into(),
            why: SkippedWhy::NoName,
            count: 999_999,
            first: 1,
        }]
    );
}

#[test]
fn blank_names_and_non_records_are_skipped_by_kind() {
    let text = r#"{"format":"kam-planner","schema_version":4,"workspace":{"meta":{"id":"ws-x","name":"x"},
        "customers":[{"id":"c-1","name":"甲"},{"id":"c-2","name":"  "},7,{"id":"c-3","name":12},"x",{"id":"c-4","name":"乙"}],
        "org":{"people":[{"id":"p-1","name":"张三","role":"AR"},{"id":"p-2"},{"id":"p-3","name":""}],
               "assignments":[{"id":"as-1","person":"p-2","account":"c-1","role":"AR","fte":0.5}]}}}"#;
    let loaded = load(text).expect("loads");
    let names: Vec<&str> = loaded
        .workspace
        .customers
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["甲", "乙"]);
    let people: Vec<&str> = loaded
        .workspace
        .org
        .people
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(people, ["张三"]);
    let r = &loaded.repairs;
    assert!(r.contains(&Repair::RecordsSkipped {
        list: "customers".into(),
        why: SkippedWhy::NotARecord,
        count: 2,
        first: 3
    }));
    assert!(r.contains(&Repair::RecordsSkipped {
        list: "customers".into(),
        why: SkippedWhy::NoName,
        count: 2,
        first: 2
    }));
    assert!(r.contains(&Repair::RecordsSkipped {
        list: "org.people".into(),
        why: SkippedWhy::NoName,
        count: 2,
        first: 2
    }));
    // The assignment of a person left out goes too, reported as such.
    assert!(loaded.workspace.org.assignments.is_empty());
    assert!(r.iter().any(|x| matches!(x,
        Repair::AssignmentUnknownPerson { person, .. } if person == "p-2")));
}

#[test]
fn storage_usage_counts_other_data_of_the_site_apart() {
    let store = MemoryStore::default();
    store.set("someone-else.cache", &"x".repeat(5000)).unwrap();
    let usage = lib::storage_usage(&store, "ws-1").unwrap();
    assert_eq!(usage.total_bytes, 0);
    assert_eq!(usage.other_bytes, (18 + 5000) * 2);
    let ws = demo::build("ws-1", 1, DemoLocale::Zh);
    lib::save_workspace(&store, &ws, 2).unwrap();
    let usage = lib::storage_usage(&store, "ws-1").unwrap();
    assert!(usage.total_bytes > usage.workspace_bytes && usage.workspace_bytes > 0);
    assert_eq!(usage.other_bytes, (18 + 5000) * 2);
}

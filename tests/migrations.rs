//! The migration framework: every step has its fixture pair and its test, every step is exercised
//! by the load path, and a document of every older version loads.

use std::path::PathBuf;

use kam_planner::domain::workspace::SCHEMA_VERSION;
use kam_planner::persist::envelope::{self, load, LoadError};
use kam_planner::persist::migrate::{self, STEPS};
use serde_json::{json, Value};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/migrations")
}

fn read(name: &str) -> Value {
    let path = dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("every migration step needs {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn pair(step: usize) -> (Value, Value) {
    let (from, to) = (step + 1, step + 2);
    (
        read(&format!("v{from}-to-v{to}.input.json")),
        read(&format!("v{from}-to-v{to}.expected.json")),
    )
}

#[test]
fn the_table_has_one_step_per_version() {
    assert_eq!(STEPS.len() as u32, SCHEMA_VERSION - 1);
}

#[test]
fn every_step_turns_its_fixture_into_the_expected_document() {
    for (i, step) in STEPS.iter().enumerate() {
        let (input, expected) = pair(i);
        let out = step(input.clone()).unwrap_or_else(|e| panic!("step {}: {e}", i + 1));
        assert_eq!(out, expected, "step v{} → v{}", i + 1, i + 2);
        // Pure: the same input gives the same output.
        assert_eq!(step(input).unwrap(), out);
    }
}

#[test]
fn there_is_no_fixture_without_a_step() {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2 * STEPS.len(), "{names:?}");
}

#[test]
fn the_load_path_runs_every_step_in_order_from_the_oldest_version() {
    let (input, _) = pair(0);
    let (_, ran) = migrate::to_current(input, 1).unwrap();
    let all: Vec<u64> = (1..u64::from(SCHEMA_VERSION)).collect();
    assert_eq!(ran, all, "each step runs once, in order");
}

#[test]
fn a_document_of_every_older_version_loads_through_load() {
    for (i, _) in STEPS.iter().enumerate() {
        let version = i as u64 + 1;
        let (input, _) = pair(i);
        let text = json!({
            "format": "kam-planner",
            "schema_version": version,
            "app_version": "0.1.0",
            "exported_at": 0,
            "workspace": input,
        })
        .to_string();
        let loaded = load(&text).unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert_eq!(loaded.from_version, version);
        // Written again, it is the current version, and reads back the same.
        let again = load(&envelope::to_json(&loaded.workspace, 0)).unwrap();
        assert_eq!(again.from_version, u64::from(SCHEMA_VERSION));
        assert_eq!(again.workspace, loaded.workspace);
    }
}

#[test]
fn v1_to_v2_gives_tiers_and_settings_the_document_time() {
    let (input, _) = pair(0);
    let text =
        json!({"format": "kam-planner", "schema_version": 1, "workspace": input}).to_string();
    let loaded = load(&text).unwrap();
    let ws = &loaded.workspace;
    assert_eq!(ws.meta.settings_updated_at, 1_763_800_000_000);
    assert_eq!(ws.tiering.updated_at, 1_763_800_000_000);
    // A time already present is kept; the entry that is not a tier is reported, not fatal.
    let times: Vec<i64> = ws.tiering.tiers.iter().map(|t| t.updated_at).collect();
    assert_eq!(times, vec![1_763_800_000_000, 1_700_000_000_000]);
    assert!(loaded
        .repairs
        .iter()
        .any(|r| r.to_string().contains("tiering.tiers[2]")));
}

#[test]
fn a_step_refuses_what_is_not_a_workspace_with_a_migration_error() {
    let err = migrate::to_current(json!([1, 2]), 1).unwrap_err();
    assert!(
        matches!(err, LoadError::Migration { from: 1, .. }),
        "{err:?}"
    );
}

#[test]
fn v2_to_v3_gives_an_older_document_the_default_organisation_and_no_people() {
    let (input, _) = pair(1);
    let text =
        json!({"format": "kam-planner", "schema_version": 2, "workspace": input}).to_string();
    let loaded = load(&text).unwrap();
    // The fixture's one bad tier is the only repair: the new sections need none.
    assert_eq!(
        loaded.repairs,
        vec![kam_planner::persist::validate::Repair::WrongType(
            "tiering.tiers[2]".into()
        )]
    );
    let ws = &loaded.workspace;
    assert_eq!(ws.org, Default::default());
    assert_eq!(ws.duties, Default::default());
    assert_eq!(ws.talent, Default::default());
    assert_eq!(ws.org.roles.len(), 4);
    assert!(ws.org.people.is_empty());
    // A section already present is left as it is.
    let mut input = pair(1).0;
    input["org"] = json!({"people": [{"id": "p-1", "name": "王五", "role": "AR"}]});
    let out = STEPS[1](input).unwrap();
    assert_eq!(out["org"]["people"][0]["name"], "王五");
    assert_eq!(out["duties"], json!({}));
}

#[test]
fn a_bad_value_costs_only_that_value_and_a_non_record_only_itself() {
    let (mut input, _) = pair(1);
    input["org"] = json!({
        "people": [
            {"id": "p-1", "name": "王五", "role": "AR", "capacity_fte": 1.0},
            {"id": "p-2", "name": "赵六", "role": "SR", "capacity_fte": "full"},
            7,
            {"id": "p-3", "name": "钱七", "role": "FR"}
        ],
        "understaffed_below_pct": "eighty"
    });
    let text =
        json!({"format": "kam-planner", "schema_version": 3, "workspace": input}).to_string();
    let loaded = load(&text).unwrap();
    let names: Vec<&str> = loaded
        .workspace
        .org
        .people
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["王五", "赵六", "钱七"]);
    // 赵六 keeps everything but the capacity, which falls back to full time.
    assert_eq!(loaded.workspace.org.people[1].capacity_fte, 1.0);
    assert_eq!(loaded.workspace.org.people[1].role, "SR");
    let repairs: Vec<String> = loaded.repairs.iter().map(|r| r.to_string()).collect();
    assert!(
        repairs
            .contains(&"“org.people[1].capacity_fte” had the wrong type; default used".to_string()),
        "{repairs:?}"
    );
    assert!(
        repairs.contains(&"“org.people[2]” had the wrong type; default used".to_string()),
        "{repairs:?}"
    );
    assert!(
        repairs
            .contains(&"“org.understaffed_below_pct” had the wrong type; default used".to_string()),
        "{repairs:?}"
    );
    assert_eq!(loaded.workspace.org.understaffed_below_pct, 80.0);
    assert_eq!(loaded.workspace.org.roles.len(), 4, "defaults kept");
}

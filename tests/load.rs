//! The one load path: good files, each kind of bad file, repairs, and the storage library.

use kam_planner::domain::workspace::{Workspace, SCHEMA_VERSION};
use kam_planner::persist::envelope::{self, load, LoadError, MAX_BYTES};
use kam_planner::persist::library::{self as lib, KeyValueStore, MemoryStore, OpenError};
use kam_planner::persist::migrate;
use kam_planner::persist::validate::{Repair, SkippedWhy};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn good_file_loads_with_every_field() {
    let loaded = load(&fixture("good-v1.json")).expect("good file loads");
    let ws = &loaded.workspace;
    assert_eq!(loaded.repairs, vec![]);
    assert_eq!(ws.meta.id, "ws-fixture");
    assert_eq!(ws.meta.name, "华东工业集团");
    assert_eq!(ws.meta.today, "2026-03-01");
    assert_eq!(ws.customers.len(), 3);
    assert_eq!(ws.customers[0].annual_purchase, 12_000_000.0);
    assert_eq!(ws.customers[0].industry_line.as_deref(), Some("电力"));
    let growth = ws.customers[0].effective_growth_pct().unwrap();
    assert!((growth - 100.0 / 3.0).abs() < 1e-9, "{growth}");
    assert_eq!(
        ws.customers[2]
            .tier_override
            .as_ref()
            .map(|o| o.reason.as_str()),
        Some("新院区建设")
    );
    // Absent sections get their defaults: the five default tiers.
    assert_eq!(ws.tiering.tiers.len(), 5);
}

#[test]
fn utf8_bom_is_accepted() {
    let text = format!("\u{feff}{}", fixture("good-v1.json"));
    assert!(load(&text).is_ok());
}

#[test]
fn wrong_format_is_refused() {
    assert_eq!(
        load(&fixture("wrong-format.json")),
        Err(LoadError::WrongFormat)
    );
    assert_eq!(load("[1, 2, 3]"), Err(LoadError::WrongFormat));
    assert_eq!(
        load(r#"{"schema_version": 1, "workspace": {}}"#),
        Err(LoadError::WrongFormat)
    );
}

#[test]
fn newer_version_is_refused_with_both_versions() {
    let err = load(&fixture("newer-version.json")).unwrap_err();
    assert_eq!(
        err,
        LoadError::NewerVersion {
            found: 99,
            supported: SCHEMA_VERSION
        }
    );
    assert!(err.to_string().contains("newer version of KAM Planner"));
    assert!(err.to_string().contains("please update"));
}

#[test]
fn missing_or_bad_version_is_refused() {
    for text in [
        r#"{"format": "kam-planner", "workspace": {}}"#,
        r#"{"format": "kam-planner", "schema_version": "1", "workspace": {}}"#,
        r#"{"format": "kam-planner", "schema_version": 0, "workspace": {}}"#,
        r#"{"format": "kam-planner", "schema_version": -3, "workspace": {}}"#,
    ] {
        assert_eq!(load(text), Err(LoadError::MissingVersion), "{text}");
    }
}

#[test]
fn malformed_json_reports_line_and_column() {
    match load(&fixture("truncated.json")) {
        Err(LoadError::Malformed { line, column, .. }) => {
            assert_eq!(line, 1);
            assert!(column > 60, "column {column}");
        }
        other => panic!("expected Malformed, got {other:?}"),
    }
    match load("{\n  \"format\": \"kam-planner\",\n  oops\n}") {
        Err(LoadError::Malformed { line, column, .. }) => assert_eq!((line, column), (3, 3)),
        other => panic!("expected Malformed, got {other:?}"),
    }
}

#[test]
fn envelope_without_workspace_is_refused() {
    assert_eq!(
        load(r#"{"format": "kam-planner", "schema_version": 1}"#),
        Err(LoadError::NoWorkspace)
    );
    assert_eq!(
        load(r#"{"format": "kam-planner", "schema_version": 1, "workspace": []}"#),
        Err(LoadError::NoWorkspace)
    );
}

#[test]
fn oversized_text_is_refused_before_parsing() {
    let big = " ".repeat(MAX_BYTES + 1);
    assert_eq!(
        load(&big),
        Err(LoadError::TooLarge {
            bytes: MAX_BYTES + 1,
            max: MAX_BYTES
        })
    );
}

#[test]
fn deep_nesting_is_its_own_error_not_a_crash() {
    let deep = format!(
        r#"{{"format":"kam-planner","schema_version":1,"workspace":{{"notes":{}{}}}}}"#,
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert_eq!(load(&deep).unwrap_err(), LoadError::TooDeep);
    // Within the limit, nesting is fine (an unknown field, reported and dropped).
    let ok = format!(
        r#"{{"format":"kam-planner","schema_version":1,"workspace":{{"notes":{}{}}}}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    assert!(load(&ok).is_ok());
}

#[test]
fn wrong_types_are_repaired_and_reported_not_fatal() {
    let loaded = load(&fixture("wrong-types.json")).expect("recoverable");
    let ws = &loaded.workspace;
    let r = &loaded.repairs;
    // meta.fiscal_year had a string: default kept, the rest of meta survives.
    assert_eq!(ws.meta.name, "类型错误");
    assert_eq!(ws.meta.fiscal_year, 2026);
    assert!(
        r.contains(&Repair::WrongType("meta.fiscal_year".into())),
        "{r:?}"
    );
    // The bad amount falls back to 0 but the customer is kept.
    assert_eq!(ws.customers[1].name, "坏金额");
    assert_eq!(ws.customers[1].annual_purchase, 0.0);
    assert!(r.contains(&Repair::WrongType("customers[1].annual_purchase".into())));
    // The number entry is skipped.
    assert!(r.contains(&Repair::RecordsSkipped {
        list: "customers".into(),
        why: SkippedWhy::NotARecord,
        count: 1,
        first: 3
    }));
    assert_eq!(ws.customers.len(), 4);
    // Duplicate and missing ids get unique new ones, reported.
    let ids: std::collections::HashSet<&str> = ws.customers.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), 4);
    assert!(r
        .iter()
        .any(|x| matches!(x, Repair::DuplicateCustomerId { id, .. } if id == "c-1")));
    assert!(r
        .iter()
        .any(|x| matches!(x, Repair::CustomerIdAssigned { name, .. } if name == "没有编号")));
    // The override to a tier that does not exist is removed, and said so.
    assert_eq!(ws.customers[3].tier_override, None);
    assert!(r.contains(&Repair::DanglingTierOverride {
        customer: ws.customers[3].id.clone(),
        tier: "vip".into()
    }));
    // No tiers → defaults restored.
    assert_eq!(ws.tiering.tiers.len(), 5);
    assert!(r.contains(&Repair::TiersRestored));
}

#[test]
fn export_then_load_is_lossless() {
    let ws = load(&fixture("good-v1.json")).unwrap().workspace;
    let text = envelope::to_json(&ws, 1_763_900_000_000);
    let again = load(&text).unwrap();
    assert_eq!(again.workspace, ws);
    assert!(again.repairs.is_empty());
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "kam-planner");
    assert_eq!(v["schema_version"], SCHEMA_VERSION);
    assert_eq!(v["exported_at"], 1_763_900_000_000_i64);
}

#[test]
fn migration_table_matches_the_schema_version() {
    assert_eq!(migrate::STEPS.len() as u32, SCHEMA_VERSION - 1);
}

#[test]
fn export_file_name_has_name_and_date_and_no_unsafe_characters() {
    assert_eq!(
        envelope::export_file_name("示例集团", 1_763_800_000_000),
        "示例集团-2025-11-22.kam.json"
    );
    assert_eq!(
        envelope::export_file_name("a/b:c*?", 0),
        "a_b_c__-1970-01-01.kam.json"
    );
    assert_eq!(
        envelope::export_file_name("  ", 0),
        "workspace-1970-01-01.kam.json"
    );
}

fn sample(id: &str, name: &str) -> Workspace {
    Workspace::empty(id, name, 1_000)
}

#[test]
fn library_saves_lists_opens_and_deletes() {
    let store = MemoryStore::default();
    lib::save_workspace(&store, &sample("ws-a", "甲"), 10).unwrap();
    lib::save_workspace(&store, &sample("ws-b", "乙"), 20).unwrap();
    let index = lib::read_index(&store).unwrap();
    assert_eq!(index.active.as_deref(), Some("ws-b"));
    let names: Vec<&str> = index.workspaces.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["甲", "乙"]);
    assert_eq!(
        lib::open_workspace(&store, "ws-a", 30)
            .unwrap()
            .workspace
            .meta
            .name,
        "甲"
    );
    // No temporary copy is left behind.
    assert!(store.keys().unwrap().iter().all(|k| !k.ends_with(".tmp")));
    lib::delete_workspace(&store, "ws-b").unwrap();
    let index = lib::read_index(&store).unwrap();
    assert_eq!(index.active.as_deref(), Some("ws-a"));
    assert_eq!(index.workspaces.len(), 1);
    assert_eq!(
        lib::open_workspace(&store, "ws-b", 40),
        Err(OpenError::Missing("ws-b".into()))
    );
}

#[test]
fn corrupt_stored_text_is_preserved_before_reporting() {
    let store = MemoryStore::default();
    let key = lib::workspace_key("ws-x");
    let raw = "{\"format\": \"kam-planner\", \"sch";
    store.set(&key, raw).unwrap();
    // Whether the load path gives up on the cut-off text or recovers something from it, the
    // raw text is kept first.
    let kept = match lib::open_workspace(&store, "ws-x", 777) {
        Err(OpenError::Load {
            error: LoadError::Malformed { .. },
            preserved_as: Some(kept),
        }) => kept,
        Ok(lib::Opened {
            preserved: lib::Preserved::As(kept),
            repairs,
            ..
        }) if !repairs.is_empty() => kept,
        other => panic!("expected the raw text preserved, got {other:?}"),
    };
    assert_eq!(kept, "kam-planner.v1.ws.ws-x.corrupt.777");
    assert_eq!(store.get(&kept).unwrap().as_deref(), Some(raw));
    assert_eq!(store.get(&key).unwrap().as_deref(), Some(raw));
}

#[test]
fn newer_stored_document_is_left_untouched() {
    let store = MemoryStore::default();
    let text = fixture("newer-version.json");
    store.set(&lib::workspace_key("ws-future"), &text).unwrap();
    let err = lib::open_workspace(&store, "ws-future", 5).unwrap_err();
    assert!(matches!(
        err,
        OpenError::Load {
            error: LoadError::NewerVersion { found: 99, .. },
            preserved_as: None
        }
    ));
    assert_eq!(
        store.get(&lib::workspace_key("ws-future")).unwrap(),
        Some(text)
    );
    assert_eq!(store.keys().unwrap().len(), 1);
}

#[test]
fn a_lost_index_is_rebuilt_from_the_stored_workspaces() {
    let store = MemoryStore::default();
    lib::save_workspace(&store, &sample("ws-a", "甲"), 10).unwrap();
    store.set(lib::KEY_INDEX, "not json").unwrap();
    let index = lib::read_index(&store).unwrap();
    assert_eq!(index.workspaces.len(), 1);
    assert_eq!(index.workspaces[0].name, "甲");
}

#[test]
fn every_load_error_has_its_own_message_in_both_languages() {
    use kam_planner::ui::i18n::{I18n, Lang};
    use kam_planner::ui::messages::load_error_text;
    let errors = [
        LoadError::TooLarge {
            bytes: 200 << 20,
            max: MAX_BYTES,
        },
        LoadError::Malformed {
            line: 3,
            column: 7,
            message: "x".into(),
        },
        LoadError::TooDeep,
        LoadError::Damaged("x".into()),
        LoadError::WrongFormat,
        LoadError::MissingVersion,
        LoadError::NewerVersion {
            found: 9,
            supported: 2,
        },
        LoadError::Migration {
            from: 1,
            message: "m".into(),
        },
        LoadError::NoWorkspace,
        LoadError::TooManyCustomers {
            count: 2_000_000,
            max: 1_000_000,
        },
    ];
    for lang in [Lang::ZhCn, Lang::En] {
        let i18n = I18n { lang };
        let texts: std::collections::HashSet<String> =
            errors.iter().map(|e| load_error_text(&i18n, e)).collect();
        assert_eq!(texts.len(), errors.len(), "{lang:?}: {texts:?}");
        for t in &texts {
            assert!(!t.contains('{') && !t.starts_with("load."), "{lang:?}: {t}");
        }
    }
    let en = I18n { lang: Lang::En };
    assert!(load_error_text(&en, &errors[6]).contains("newer version of KAM Planner"));
    assert!(load_error_text(&en, &errors[1]).contains("line 3, column 7"));
}

//! Storage faults against the workspace library: every way a write can fail (the temporary copy,
//! the promotion, the index; quota, failure, blocked storage) leaves the last good copy byte for
//! byte as it was, the index readable, and a later save working; a copy from a newer version is
//! never overwritten; damaged text is preserved before anything can overwrite it.

#[path = "support/faulty_store.rs"]
mod faulty_store;

use faulty_store::{Fault, FaultyStore};
use kam_planner::domain::workspace::{Workspace, SCHEMA_VERSION};
use kam_planner::persist::envelope;
use kam_planner::persist::library::{
    self as lib, KeyValueStore, OpenError, Preserved, SaveError, StoreError, EXPORT_NUDGE_EVERY,
};
use serde_json::{json, Value};

const FAULTS: [Fault; 3] = [Fault::Quota, Fault::Failed, Fault::Unavailable];

fn sample(id: &str, name: &str, updated_at: i64) -> Workspace {
    let mut ws = Workspace::empty(id, name, 1_000);
    ws.meta.updated_at = updated_at;
    ws
}

/// A store holding one good saved workspace `ws-a` named 甲.
fn store_with_good_copy() -> FaultyStore {
    let store = FaultyStore::new();
    lib::save_workspace(&store, &sample("ws-a", "甲", 10), 100).expect("first save");
    store
}

fn no_temp_keys(store: &FaultyStore) -> bool {
    store.snapshot().keys().all(|k| !k.ends_with(".tmp"))
}

fn stored_name(store: &FaultyStore, id: &str) -> String {
    lib::open_workspace(store, id, 0)
        .expect("opens")
        .workspace
        .meta
        .name
}

#[test]
fn a_failed_temporary_write_leaves_everything_as_it_was() {
    for fault in FAULTS {
        let store = store_with_good_copy();
        let before = store.snapshot();
        store.fail_nth_set(1, fault);
        let err = lib::save_workspace(&store, &sample("ws-a", "乙", 20), 200).unwrap_err();
        assert_eq!(err, SaveError::Store(fault.error()), "{fault:?}");
        assert_eq!(store.snapshot(), before, "{fault:?}: nothing changed");
    }
}

#[test]
fn a_failed_promotion_keeps_the_good_copy_and_removes_the_temporary_one() {
    for fault in FAULTS {
        let store = store_with_good_copy();
        let before = store.snapshot();
        // Write 1 is the temporary copy, write 2 replaces the good one.
        store.fail_nth_set(2, fault);
        let err = lib::save_workspace(&store, &sample("ws-a", "乙", 20), 200).unwrap_err();
        assert_eq!(err, SaveError::Store(fault.error()), "{fault:?}");
        assert_eq!(
            store.snapshot(),
            before,
            "{fault:?}: byte for byte as before"
        );
        assert!(no_temp_keys(&store), "{fault:?}: no temporary copy left");
        assert_eq!(stored_name(&store, "ws-a"), "甲");
    }
}

#[test]
fn a_failed_index_write_keeps_the_old_index_and_the_new_workspace_reachable() {
    let store = store_with_good_copy();
    let index_before = store.get(lib::KEY_INDEX).unwrap();
    // Write 3 is the index, after the new workspace's document is in place.
    store.fail_nth_set(3, Fault::Quota);
    let err = lib::save_workspace(&store, &sample("ws-b", "乙", 20), 200).unwrap_err();
    assert_eq!(err, SaveError::Store(Fault::Quota.error()));
    assert_eq!(store.get(lib::KEY_INDEX).unwrap(), index_before);
    assert!(no_temp_keys(&store));
    // The index read back still lists both: the unlisted document is found by its key.
    let index = lib::read_index(&store).unwrap();
    let ids: Vec<&str> = index.workspaces.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["ws-a", "ws-b"]);
    assert_eq!(index.workspaces[1].name, "乙");
}

#[test]
fn after_a_failure_the_next_save_goes_through() {
    for fault in FAULTS {
        let store = store_with_good_copy();
        store.fail_sets(fault);
        assert!(lib::save_workspace(&store, &sample("ws-a", "乙", 20), 200).is_err());
        assert_eq!(stored_name(&store, "ws-a"), "甲");
        store.heal();
        lib::save_workspace(&store, &sample("ws-a", "丙", 30), 300).expect("retry works");
        assert_eq!(stored_name(&store, "ws-a"), "丙");
        assert!(no_temp_keys(&store));
        let index = lib::read_index(&store).unwrap();
        assert_eq!(index.workspaces.len(), 1);
        assert_eq!(index.workspaces[0].name, "丙");
    }
}

/// `n` CJK characters that do not repeat in any pattern deflate can use.
fn noise(n: usize) -> String {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from_u32(0x4e00 + (x % 20_000) as u32).unwrap_or('中')
        })
        .collect()
}

#[test]
fn a_workspace_outgrowing_the_quota_keeps_its_last_good_copy_until_it_fits_again() {
    let store = store_with_good_copy();
    let doc = store.get(&lib::workspace_key("ws-a")).unwrap().unwrap();
    // Room for one more copy of the document (the temporary one) and a little more.
    store.set_quota(Some(store.used_bytes() + lib::stored_size(&doc) + 2_000));
    let mut big = sample("ws-a", "甲", 20);
    big.meta.name = noise(3_000); // 6,000 bytes as counted by the browser, even deflated
    let before = store.snapshot();
    let err = lib::save_workspace(&store, &big, 200).unwrap_err();
    assert!(matches!(
        err,
        SaveError::Store(StoreError::QuotaExceeded(_))
    ));
    assert_eq!(store.snapshot(), before);
    // A smaller edit fits again: the save is simply retried with the next change.
    lib::save_workspace(&store, &sample("ws-a", "小", 30), 300).expect("fits");
    assert_eq!(stored_name(&store, "ws-a"), "小");
}

#[test]
fn a_promotion_that_only_fits_without_the_temporary_copy_fails_safely() {
    // Room for the new copy once, but not for the temporary copy and the new copy together.
    let store = store_with_good_copy();
    let mut grown = sample("ws-a", "甲", 20);
    grown.meta.name = noise(500);
    let new_size = lib::stored_size(&envelope::to_stored(&grown, 200));
    store.set_quota(Some(store.used_bytes() + new_size + 100));
    let before = store.snapshot();
    assert!(lib::save_workspace(&store, &grown, 200).is_err());
    assert_eq!(store.snapshot(), before);
    assert!(no_temp_keys(&store));
}

#[test]
fn unreadable_storage_fails_the_save_without_writing() {
    let store = store_with_good_copy();
    let before = store.snapshot();
    let writes = store.set_calls();
    store.fail_reads(Fault::Unavailable);
    assert_eq!(
        lib::save_workspace(&store, &sample("ws-a", "乙", 20), 200),
        Err(SaveError::Store(Fault::Unavailable.error()))
    );
    assert_eq!(store.set_calls(), writes, "no write was attempted");
    store.heal();
    assert_eq!(store.snapshot(), before);
}

fn newer_text() -> String {
    json!({
        "format": "kam-planner",
        "schema_version": SCHEMA_VERSION + 1,
        "app_version": "9.0.0",
        "exported_at": 0,
        "workspace": { "meta": { "id": "ws-a", "name": "未来" }, "hologram": {} }
    })
    .to_string()
}

#[test]
fn a_copy_from_a_newer_version_is_never_overwritten() {
    let store = FaultyStore::new();
    let key = lib::workspace_key("ws-a");
    for text in [
        newer_text(),
        // Pretty-printed, fields in another order.
        format!(
            "{{\n  \"workspace\": {{}},\n  \"schema_version\": {},\n  \"format\": \"kam-planner\"\n}}",
            SCHEMA_VERSION + 5
        ),
        // Cut off: the version is still visible near the start.
        format!(
            "{{\"format\":\"kam-planner\", \"schema_version\" : {}, \"workspace\": {{\"meta\"",
            SCHEMA_VERSION + 1
        ),
    ] {
        store.seed(&key, &text);
        let err = lib::save_workspace(&store, &sample("ws-a", "甲", 10), 100).unwrap_err();
        assert!(
            matches!(err, SaveError::NewerVersionStored { found, supported: SCHEMA_VERSION } if found > u64::from(SCHEMA_VERSION)),
            "{err:?}"
        );
        assert_eq!(store.get(&key).unwrap().as_deref(), Some(text.as_str()));
        assert!(no_temp_keys(&store));
    }
}

#[test]
fn the_schema_version_is_read_without_loading_the_document() {
    let ours = envelope::to_json(&sample("ws-a", "甲", 10), 5);
    assert_eq!(
        lib::stored_schema_version(&ours),
        Some(u64::from(SCHEMA_VERSION))
    );
    assert_eq!(
        lib::stored_schema_version(&newer_text()),
        Some(u64::from(SCHEMA_VERSION) + 1)
    );
    // The compact form that storage holds carries the version in its header.
    let stored = envelope::to_stored(&sample("ws-a", "甲", 10), 5);
    assert_eq!(
        lib::stored_schema_version(&stored),
        Some(u64::from(SCHEMA_VERSION))
    );
    assert_eq!(
        lib::stored_schema_version("{\"format\":\"kam-planner\"}"),
        None
    );
    assert_eq!(lib::stored_schema_version("not json"), None);
    assert_eq!(
        lib::stored_schema_version("\u{feff}{\"schema_version\": 7, \"x\": ["),
        Some(7)
    );
}

/// A stored document with a wrong-typed field: the load path reads it with a repair.
fn wrong_typed_text() -> String {
    let mut v: Value = serde_json::from_str(&envelope::to_json(&sample("ws-a", "甲", 10), 5))
        .expect("our own JSON");
    v["workspace"]["meta"]["fiscal_year"] = json!("二〇二六");
    // Spacing unlike ours, so that the raw text can be told apart from anything we write.
    serde_json::to_string_pretty(&v).expect("serialises")
}

#[test]
fn repaired_stored_text_is_preserved_before_the_workspace_is_returned() {
    let store = FaultyStore::new();
    let raw = wrong_typed_text();
    store.seed(&lib::workspace_key("ws-a"), &raw);
    let opened = lib::open_workspace(&store, "ws-a", 777).expect("recoverable");
    assert!(!opened.repairs.is_empty());
    assert_eq!(opened.workspace.meta.name, "甲");
    let Preserved::As(kept) = &opened.preserved else {
        panic!("expected a preserved copy, got {:?}", opened.preserved);
    };
    assert_eq!(kept, "kam-planner.v1.ws.ws-a.corrupt.777");
    assert_eq!(store.get(kept).unwrap().as_deref(), Some(raw.as_str()));
    // Opening does not write over the original; saving the recovered document does, and the
    // preserved copy survives it.
    assert_eq!(
        store.get(&lib::workspace_key("ws-a")).unwrap().as_deref(),
        Some(raw.as_str())
    );
    lib::save_workspace(&store, &opened.workspace, 800).unwrap();
    assert_eq!(store.get(kept).unwrap().as_deref(), Some(raw.as_str()));
    assert!(lib::open_workspace(&store, "ws-a", 900)
        .unwrap()
        .repairs
        .is_empty());
}

#[test]
fn the_same_damaged_text_is_preserved_once() {
    let store = FaultyStore::new();
    store.seed(&lib::workspace_key("ws-a"), &wrong_typed_text());
    let first = lib::open_workspace(&store, "ws-a", 1).unwrap().preserved;
    let second = lib::open_workspace(&store, "ws-a", 2).unwrap().preserved;
    assert_eq!(first, second);
    let copies = store
        .snapshot()
        .keys()
        .filter(|k| k.contains(".corrupt."))
        .count();
    assert_eq!(copies, 1);
}

#[test]
fn when_the_damaged_text_cannot_be_preserved_the_caller_is_told_and_it_stays_in_place() {
    let store = FaultyStore::new();
    let raw = wrong_typed_text();
    store.seed(&lib::workspace_key("ws-a"), &raw);
    store.fail_sets(Fault::Quota);
    let opened = lib::open_workspace(&store, "ws-a", 1).expect("still opens");
    assert_eq!(opened.preserved, Preserved::Failed(Fault::Quota.error()));
    assert_eq!(
        store.get(&lib::workspace_key("ws-a")).unwrap().as_deref(),
        Some(raw.as_str())
    );
    // Once there is room, preserving it works (the app does this before its first save).
    store.heal();
    let kept = lib::preserve_stored(&store, "ws-a", 2)
        .unwrap()
        .expect("kept");
    assert_eq!(store.get(&kept).unwrap().as_deref(), Some(raw.as_str()));
}

#[test]
fn damaged_stored_text_of_every_kind_is_preserved_exactly() {
    let good = envelope::to_json(&sample("ws-a", "甲", 10), 5);
    // Cut in the middle, on a character boundary (the text holds Chinese).
    let cut = (0..=good.len() / 2)
        .rev()
        .find(|&i| good.is_char_boundary(i))
        .unwrap_or(0);
    let truncated = good[..cut].to_string();
    let mut v: Value = serde_json::from_str(&good).unwrap();
    v.as_object_mut().unwrap().remove("schema_version");
    let missing_version = v.to_string();
    let mut v: Value = serde_json::from_str(&good).unwrap();
    v["workspace"]["meta"]["from_the_future"] = json!({"a": 1});
    v["workspace"]["gadgets"] = json!([1, 2]);
    let unknown_fields = v.to_string();
    for raw in [
        truncated,
        missing_version,
        unknown_fields,
        wrong_typed_text(),
    ] {
        let store = FaultyStore::new();
        store.seed(&lib::workspace_key("ws-a"), &raw);
        let kept = match lib::open_workspace(&store, "ws-a", 42) {
            Ok(opened) if opened.repairs.is_empty() => {
                // Read as it is (nothing to recover, e.g. unknown fields that are ignored):
                // then it holds the same document and may be written over.
                assert_eq!(opened.workspace.meta.name, "甲");
                continue;
            }
            Ok(opened) => match opened.preserved {
                Preserved::As(key) => key,
                other => panic!("not preserved: {other:?}"),
            },
            Err(OpenError::Load {
                preserved_as: Some(key),
                ..
            }) => key,
            Err(other) => panic!("unexpected {other:?} for {raw}"),
        };
        assert_eq!(store.get(&kept).unwrap().as_deref(), Some(raw.as_str()));
        assert_eq!(
            store.get(&lib::workspace_key("ws-a")).unwrap().as_deref(),
            Some(raw.as_str()),
            "opening never rewrites the original"
        );
    }
}

#[test]
fn a_garbled_index_is_rebuilt_and_a_good_one_keeps_unknown_fields() {
    let store = store_with_good_copy();
    lib::save_workspace(&store, &sample("ws-b", "乙", 20), 200).unwrap();
    store.seed(lib::KEY_INDEX, "{\"workspaces\": [tru");
    let index = lib::read_index(&store).unwrap();
    let names: Vec<&str> = index.workspaces.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["甲", "乙"]);

    store.seed(
        lib::KEY_INDEX,
        r#"{"active":"ws-a","workspaces":[{"id":"ws-a","name":"甲","updated_at":10,"colour":"red"}],"sync":{"peer":1}}"#,
    );
    lib::save_workspace(&store, &sample("ws-a", "甲二", 30), 300).unwrap();
    let text = store.get(lib::KEY_INDEX).unwrap().unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["sync"], json!({"peer": 1}));
    assert_eq!(v["workspaces"][0]["colour"], "red");
    assert_eq!(v["workspaces"][0]["name"], "甲二");
}

#[test]
fn the_export_record_counts_saved_changes_and_nudges_every_twenty() {
    let store = FaultyStore::new();
    let entry = |store: &FaultyStore| lib::read_index(store).unwrap().workspaces[0].clone();
    lib::save_workspace(&store, &sample("ws-a", "甲", 1), 1).unwrap();
    assert_eq!(entry(&store).exported_at, None);
    assert_eq!(entry(&store).changes_since_export, 0);
    // Saving the same document again is not a change.
    lib::save_workspace(&store, &sample("ws-a", "甲", 1), 2).unwrap();
    assert_eq!(entry(&store).changes_since_export, 0);
    for t in 2..=(1 + i64::from(EXPORT_NUDGE_EVERY)) {
        assert!(!entry(&store).wants_export());
        lib::save_workspace(&store, &sample("ws-a", "甲", t), t).unwrap();
    }
    assert_eq!(entry(&store).changes_since_export, EXPORT_NUDGE_EVERY);
    assert!(entry(&store).wants_export());

    lib::snooze_export_nudge(&store, "ws-a").unwrap();
    assert!(!entry(&store).wants_export());
    for t in 100..(100 + i64::from(EXPORT_NUDGE_EVERY)) {
        lib::save_workspace(&store, &sample("ws-a", "甲", t), t).unwrap();
    }
    assert!(entry(&store).wants_export(), "snoozed for 20 more only");

    lib::mark_exported(&store, "ws-a", 5_000).unwrap();
    let e = entry(&store);
    assert_eq!(e.exported_at, Some(5_000));
    assert_eq!(e.changes_since_export, 0);
    assert!(!e.wants_export());
    lib::save_workspace(&store, &sample("ws-a", "甲改", 6_000), 6_000).unwrap();
    let e = entry(&store);
    assert_eq!((e.exported_at, e.changes_since_export), (Some(5_000), 1));
}

#[test]
fn usage_lists_the_preserved_copies_and_only_those_can_be_deleted() {
    let store = store_with_good_copy();
    let raw = wrong_typed_text();
    store.seed(&lib::workspace_key("ws-b"), &raw);
    let Preserved::As(kept) = lib::open_workspace(&store, "ws-b", 9).unwrap().preserved else {
        panic!("preserved");
    };
    let usage = lib::storage_usage(&store, "ws-a").unwrap();
    assert_eq!(usage.total_bytes, store.used_bytes());
    let own = lib::workspace_key("ws-a");
    let own_text = store.get(&own).unwrap().unwrap();
    assert_eq!(
        usage.workspace_bytes,
        lib::stored_size(&own) + lib::stored_size(&own_text)
    );
    assert_eq!(usage.preserved.len(), 1);
    assert_eq!(usage.preserved[0].key, kept);
    assert_eq!(usage.preserved[0].workspace_id, "ws-b");
    assert_eq!(
        usage.preserved_bytes(),
        lib::stored_size(&kept) + lib::stored_size(&raw)
    );

    assert!(lib::delete_preserved(&store, &own).is_err());
    assert!(lib::delete_preserved(&store, lib::KEY_INDEX).is_err());
    assert!(store.get(&own).unwrap().is_some());
    lib::delete_preserved(&store, &kept).unwrap();
    assert_eq!(store.get(&kept).unwrap(), None);
}

#[test]
fn deleting_a_workspace_keeps_its_preserved_copies() {
    let store = store_with_good_copy();
    store.seed(&lib::workspace_key("ws-b"), &wrong_typed_text());
    let Preserved::As(kept) = lib::open_workspace(&store, "ws-b", 9).unwrap().preserved else {
        panic!("preserved");
    };
    lib::delete_workspace(&store, "ws-b").unwrap();
    assert!(store.get(&kept).unwrap().is_some());
    let index = lib::read_index(&store).unwrap();
    assert_eq!(index.workspaces.len(), 1);
    assert_eq!(index.active.as_deref(), Some("ws-a"));
}

#[test]
fn document_keys_are_told_apart_from_copies_and_the_index() {
    assert_eq!(
        lib::workspace_id_of_key("kam-planner.v1.ws.ws-a"),
        Some("ws-a")
    );
    assert_eq!(lib::workspace_id_of_key("kam-planner.v1.ws.ws-a.tmp"), None);
    assert_eq!(
        lib::workspace_id_of_key("kam-planner.v1.ws.ws-a.corrupt.5"),
        None
    );
    assert_eq!(lib::workspace_id_of_key(lib::KEY_INDEX), None);
    assert_eq!(lib::workspace_id_of_key(lib::WS_PREFIX), None);
}

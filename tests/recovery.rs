//! Recovery of damaged stored copies (`load_stored`) and the reports of the lenient read:
//! truncation, missing version or format, unknown fields, over-long text.

use std::rc::Rc;

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::persist::envelope::{load, load_stored, to_json, LoadError};
use kam_planner::persist::read::MAX_TEXT_CHARS;
use kam_planner::persist::salvage::salvage_truncated;
use kam_planner::persist::validate::Repair;
use serde_json::Value;

fn stored_demo() -> (kam_planner::domain::workspace::Workspace, String) {
    let ws = demo::build("ws-demo", 1_763_800_000_000, DemoLocale::Zh);
    let text = to_json(&ws, 1_763_800_000_000);
    (ws, text)
}

#[test]
fn a_copy_cut_anywhere_in_the_customers_keeps_every_complete_customer_exactly() {
    let (ws, text) = stored_demo();
    let start = text.find("\"customers\":[").unwrap() + 20;
    let end = text.find("\"tiering\":").unwrap();
    // Every 1009th byte across the customer list (and every byte of one customer record).
    let first_record_end = start + text[start..].find("},{").unwrap() + 3;
    let cuts = (start..end).step_by(1009).chain(start..first_record_end);
    for cut in cuts {
        if !text.is_char_boundary(cut) {
            continue;
        }
        let loaded = load_stored(&text[..cut]).unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
        let got = &loaded.workspace.customers;
        assert!(got.len() < ws.customers.len(), "cut at {cut}");
        for (a, b) in got.iter().zip(&ws.customers) {
            assert_eq!(a, b, "cut at {cut}: a customer was restored partially");
        }
        assert!(
            matches!(loaded.repairs[0], Repair::Truncated { kept_bytes, total_bytes }
                if kept_bytes <= cut && total_bytes == cut),
            "cut at {cut}: {:?}",
            loaded.repairs.first()
        );
        assert_eq!(loaded.workspace.meta, ws.meta);
    }
}

#[test]
fn a_copy_cut_after_the_customers_keeps_them_all() {
    let (ws, text) = stored_demo();
    let cut = text.find("\"tiering\":").unwrap() + 40;
    let loaded = load_stored(&text[..cut]).unwrap();
    assert_eq!(loaded.workspace.customers, ws.customers);
    assert!(matches!(loaded.repairs[0], Repair::Truncated { .. }));
}

#[test]
fn a_copy_cut_everywhere_never_panics_and_never_loads_silently() {
    let mut ws = kam_planner::domain::workspace::Workspace::empty("ws-e", "空", 5);
    // One statement and one symptom keep the diagnosis's records in the text
    // without its twenty default statements: each cut loads the whole text again, so the test's
    // time grows with the square of its length.
    ws.diagnosis.statements.truncate(1);
    ws.diagnosis.symptoms.truncate(1);
    let text = to_json(&ws, 5);
    for cut in (0..text.len()).filter(|c| text.is_char_boundary(*c)) {
        match load_stored(&text[..cut]) {
            Ok(loaded) => assert!(
                !loaded.repairs.is_empty(),
                "cut at {cut} loaded without saying so"
            ),
            Err(e) => assert!(
                matches!(
                    e,
                    LoadError::Malformed { .. } | LoadError::NoWorkspace | LoadError::WrongFormat
                ),
                "cut at {cut}: {e:?}"
            ),
        }
    }
}

#[test]
fn plain_load_does_not_salvage_an_imported_file() {
    let (_, text) = stored_demo();
    let half = (0..=text.len() / 2)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    assert!(matches!(
        load(&text[..half]),
        Err(LoadError::Malformed { .. })
    ));
}

#[test]
fn salvage_closes_open_containers_and_keeps_array_records_whole() {
    let s = salvage_truncated(r#"{"a":{"b":1,"c":[1,2"#).unwrap();
    assert_eq!(s.text, r#"{"a":{"b":1,"c":[1]}}"#);
    let s = salvage_truncated(r#"{"xs":[{"n":1},{"n":2,"m":"#).unwrap();
    assert_eq!(s.text, r#"{"xs":[{"n":1}]}"#);
    let s = salvage_truncated(r#"{"s":"a,b}[","t""#).unwrap();
    assert_eq!(s.text, r#"{"s":"a,b}["}"#);
    let s = salvage_truncated(r#"{"esc":"\"],","x":{"#).unwrap();
    assert_eq!(s.text, r#"{"esc":"\"],","x":{}}"#);
    // Complete documents and non-objects are not "salvaged".
    assert_eq!(salvage_truncated(r#"{"a":1}"#), None);
    assert_eq!(salvage_truncated("[1,2"), None);
    assert_eq!(salvage_truncated(""), None);
}

#[test]
fn a_stored_copy_without_version_or_format_is_read_as_version_1() {
    let (ws, text) = stored_demo();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v.as_object_mut().unwrap().remove("schema_version");
    let no_version = v.to_string();
    assert_eq!(load(&no_version).unwrap_err(), LoadError::MissingVersion);
    let loaded = load_stored(&no_version).unwrap();
    assert!(loaded.repairs.contains(&Repair::VersionAssumed(1)));
    assert_eq!(loaded.workspace.customers, ws.customers);

    v.as_object_mut().unwrap().remove("format");
    let loaded = load_stored(&v.to_string()).unwrap();
    assert!(loaded.repairs.contains(&Repair::FormatAssumed));
    assert!(loaded.repairs.contains(&Repair::VersionAssumed(1)));

    // Another program's file is not taken for ours.
    v.as_object_mut()
        .unwrap()
        .insert("format".into(), Value::from("other-app"));
    assert_eq!(
        load_stored(&v.to_string()).unwrap_err(),
        LoadError::WrongFormat
    );
}

#[test]
fn a_newer_stored_copy_is_never_recovered() {
    let text = r#"{"format":"kam-planner","schema_version":99,"workspace":{}}"#;
    assert!(matches!(
        load_stored(text),
        Err(LoadError::NewerVersion { found: 99, .. })
    ));
    assert!(matches!(
        load_stored(&text[..40]),
        Err(LoadError::Malformed { .. })
    ));
}

#[test]
fn unknown_fields_are_reported_per_field_with_their_count() {
    let (_, text) = stored_demo();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["signature"] = Value::from("x");
    v["workspace"]["portfolio_v9"] = Value::from(1);
    v["workspace"]["meta"]["owner_email"] = Value::from("a@b.c");
    for c in v["workspace"]["customers"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .take(3)
    {
        c["crm_id"] = Value::from("X-1");
    }
    v["workspace"]["customers"][0]["history"][0]["quarter"] = Value::from(2);
    v["workspace"]["tiering"]["tiers"][1]["icon"] = Value::from("★");
    let loaded = load(&v.to_string()).unwrap();
    let unknown: Vec<(String, usize)> = loaded
        .repairs
        .iter()
        .filter_map(|r| match r {
            Repair::UnknownField { path, count } => Some((path.clone(), *count)),
            _ => None,
        })
        .collect();
    assert_eq!(
        unknown,
        vec![
            ("customers[].crm_id".to_string(), 3),
            ("customers[].history[].quarter".to_string(), 1),
            ("file.signature".to_string(), 1),
            ("meta.owner_email".to_string(), 1),
            ("tiering.tiers[].icon".to_string(), 1),
            ("workspace.portfolio_v9".to_string(), 1),
        ]
    );
}

#[test]
fn a_known_document_reports_nothing() {
    let (ws, text) = stored_demo();
    let loaded = load(&text).unwrap();
    assert_eq!(loaded.repairs, vec![]);
    assert_eq!(loaded.workspace, ws);
}

#[test]
fn over_long_text_is_cut_and_reported() {
    let (mut ws, _) = stored_demo();
    let long = "长".repeat(MAX_TEXT_CHARS + 5);
    Rc::make_mut(&mut ws.customers[4]).notes = long.clone();
    ws.meta.name = "名".repeat(MAX_TEXT_CHARS * 2);
    let loaded = load(&to_json(&ws, 0)).unwrap();
    let c = &loaded.workspace.customers[4];
    assert_eq!(c.notes.chars().count(), MAX_TEXT_CHARS);
    assert!(long.starts_with(&c.notes));
    assert_eq!(loaded.workspace.meta.name.chars().count(), MAX_TEXT_CHARS);
    assert!(loaded.repairs.contains(&Repair::TextCut {
        path: "customers[4].notes".into(),
        chars: MAX_TEXT_CHARS + 5,
        max: MAX_TEXT_CHARS
    }));
    assert!(loaded.repairs.contains(&Repair::TextCut {
        path: "meta.name".into(),
        chars: MAX_TEXT_CHARS * 2,
        max: MAX_TEXT_CHARS
    }));
    // Text of exactly the limit is kept.
    Rc::make_mut(&mut ws.customers[4]).notes = "x".repeat(MAX_TEXT_CHARS);
    ws.meta.name = "n".into();
    assert_eq!(load(&to_json(&ws, 0)).unwrap().repairs, vec![]);
}

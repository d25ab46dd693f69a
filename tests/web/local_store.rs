//! localStorage at the level of JavaScript strings: what a Rust string cannot hold survives.

use js_sys::{JsString, Reflect};
use kam_planner::persist::library::{self as lib, KeyValueStore};
use kam_planner::persist::storage::open_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// `localStorage.getItem(key)` as the JavaScript value it is.
fn raw_get(key: &str) -> JsValue {
    let get: js_sys::Function = Reflect::get(&storage(), &"getItem".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    get.call1(&storage(), &key.into()).unwrap()
}

/// `localStorage.setItem(key, value)` with any JavaScript string.
fn raw_set(key: &str, value: &JsValue) {
    let set: js_sys::Function = Reflect::get(&storage(), &"setItem".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    set.call2(&storage(), &key.into(), value).unwrap();
}

#[wasm_bindgen_test]
fn an_unreadable_copy_with_a_lone_surrogate_is_preserved_unit_for_unit() {
    storage().clear().unwrap();
    // Damaged text holding a lone high surrogate (U+D800), which no Rust string can hold.
    let damaged = JsString::from(
        "{\"format\":\"kam-planner\",\"schema_version\":1,\"workspace\":{\"meta\":{\"name\":\"",
    )
    .concat(&JsString::from_char_code1(0xD800))
    .concat(&"\"}".into());
    let id = "ws-surrogate";
    raw_set(&lib::workspace_key(id), &damaged);
    let store = open_local().unwrap();
    // The cut-off text is salvaged (read with a repair) or refused; either way it is preserved.
    let preserved = |opened: Result<lib::Opened, lib::OpenError>| match opened {
        Ok(lib::Opened {
            preserved: lib::Preserved::As(key),
            ..
        }) => key,
        Err(lib::OpenError::Load {
            preserved_as: Some(key),
            ..
        }) => key,
        other => panic!("the damaged text should be preserved: {:?}", other.err()),
    };
    let key = preserved(lib::open_workspace(&store, id, 1_700_000_000_000));
    let copy = raw_get(&key);
    assert_eq!(
        copy,
        JsValue::from(damaged.clone()),
        "the copy is the original exactly"
    );
    assert!(!copy.dyn_into::<JsString>().unwrap().is_valid_utf16());
    // Opening it again finds the same copy instead of making another.
    let again = preserved(lib::open_workspace(&store, id, 1_700_000_000_999));
    assert_eq!(again, key);
    assert!(store.same_value(&key, &lib::workspace_key(id)).unwrap());
    storage().clear().unwrap();
}

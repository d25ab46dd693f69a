//! Records as JSON trees, through the one serialiser and the one parser the app already has.
//!
//! `serde_json::to_value` would compile every record type's `Serialize` a second time, for the
//! tree serialiser, beside the text serialiser that writes workspaces; [`to_value`] writes the
//! text and parses it instead. It serves the few places that want a record's fields by name (the
//! load path's known-field lists, the merge's conflict fields), on single records, where the
//! detour costs microseconds and saves the page's wasm a copy of every record's serialiser.
//! (Reading likewise uses only `T::deserialize(&Value)`; see `persist::read`.)

use serde::Serialize;
use serde_json::Value;

/// `value` as a JSON tree (`None` when it cannot be serialised).
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Option<Value> {
    let text = serde_json::to_string(value).ok()?;
    serde_json::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::to_value;
    use serde_json::json;

    #[test]
    fn a_record_becomes_its_json_tree() {
        #[derive(serde::Serialize)]
        struct R {
            name: &'static str,
            amount: f64,
            tags: Vec<u8>,
            none: Option<i32>,
        }
        let r = R {
            name: "华为",
            amount: 1.5,
            tags: vec![1, 2],
            none: None,
        };
        assert_eq!(
            to_value(&r),
            Some(json!({"name": "华为", "amount": 1.5, "tags": [1, 2], "none": null}))
        );
    }
}

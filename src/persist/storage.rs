//! localStorage behind the [`KeyValueStore`] trait. One of the two modules of `persist` that
//! touch the browser.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DomException, Storage, StorageManager};

use super::library::{KeyValueStore, StoreError, KEY_INDEX};

/// The browser's localStorage.
pub struct LocalStore {
    storage: Storage,
}

/// Opens localStorage, or says why it cannot be used. Reading `window.localStorage` throws in a
/// sandboxed or third-party iframe and in some privacy modes; a first read is tried as well
/// because some browsers only throw then.
pub fn open_local() -> Result<LocalStore, StoreError> {
    let window =
        web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".to_string()))?;
    let storage = match window.local_storage() {
        Ok(Some(s)) => s,
        Ok(None) => {
            return Err(StoreError::Unavailable(
                "localStorage is absent".to_string(),
            ))
        }
        Err(e) => return Err(StoreError::Unavailable(describe(&e))),
    };
    storage
        .get_item(KEY_INDEX)
        .map_err(|e| StoreError::Unavailable(describe(&e)))?;
    Ok(LocalStore { storage })
}

/// Turns a thrown value into a [`StoreError`], recognising the quota errors of Chromium
/// (`QuotaExceededError`, code 22), Firefox (`NS_ERROR_DOM_QUOTA_REACHED`, 1014) and old WebKit
/// (`QUOTA_EXCEEDED_ERR`, 22). The name and code are read as plain properties, so a
/// `DOMException`, an `Error` or any object carrying them is recognised alike.
pub fn classify(e: &JsValue) -> StoreError {
    let name = property(e, "name").and_then(|v| v.as_string());
    let code = property(e, "code").and_then(|v| v.as_f64());
    let quota_name = matches!(
        name.as_deref(),
        Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" | "QUOTA_EXCEEDED_ERR")
    );
    // Code 22 is QUOTA_EXCEEDED_ERR only on a DOMException-like value; 1014 is Firefox's own.
    let quota_code = code == Some(22.0) || code == Some(1014.0);
    if quota_name || quota_code {
        return StoreError::QuotaExceeded(describe(e));
    }
    if name.as_deref() == Some("SecurityError") {
        return StoreError::Unavailable(describe(e));
    }
    StoreError::Failed(describe(e))
}

/// `value[key]` for an object, `None` for anything else (reading a property can itself throw,
/// e.g. on a revoked proxy; that also gives `None`).
fn property(value: &JsValue, key: &str) -> Option<JsValue> {
    if !value.is_object() {
        return None;
    }
    js_sys::Reflect::get(value, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn describe(e: &JsValue) -> String {
    if let Some(dom) = e.dyn_ref::<DomException>() {
        return format!("{}: {}", dom.name(), dom.message());
    }
    let name = property(e, "name").and_then(|v| v.as_string());
    let message = property(e, "message").and_then(|v| v.as_string());
    match (name, message) {
        (Some(n), Some(m)) => format!("{n}: {m}"),
        (Some(n), None) => n,
        (None, Some(m)) => m,
        (None, None) => e.as_string().unwrap_or_else(|| "unknown error".to_string()),
    }
}

impl LocalStore {
    /// The stored value of `key` as the JavaScript string it is (`null` when absent), without
    /// the conversion to a Rust string that would replace lone surrogates.
    fn raw(&self, key: &str) -> Result<JsValue, StoreError> {
        method(&self.storage, "getItem")?
            .call1(&self.storage, &JsValue::from_str(key))
            .map_err(|e| classify(&e))
    }
}

/// A method of `storage`, looked up by name.
fn method(storage: &Storage, name: &str) -> Result<js_sys::Function, StoreError> {
    js_sys::Reflect::get(storage, &JsValue::from_str(name))
        .map_err(|e| classify(&e))?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| StoreError::Failed(format!("localStorage.{name} is not a function")))
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(|e| classify(&e))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(|e| classify(&e))
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(|e| classify(&e))
    }
    fn copy(&self, from: &str, to: &str) -> Result<bool, StoreError> {
        let value = self.raw(from)?;
        if value.is_null() || value.is_undefined() {
            return Ok(false);
        }
        let set = method(&self.storage, "setItem")?;
        set.call2(&self.storage, &JsValue::from_str(to), &value)
            .map(|_| true)
            .map_err(|e| classify(&e))
    }
    fn same_value(&self, a: &str, b: &str) -> Result<bool, StoreError> {
        let (a, b) = (self.raw(a)?, self.raw(b)?);
        Ok(!a.is_null() && !a.is_undefined() && a == b)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let n = self.storage.length().map_err(|e| classify(&e))?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self.storage.key(i).map_err(|e| classify(&e))? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

/// Asks the browser to keep this site's storage even under storage pressure
/// (`navigator.storage.persist()`) and reports whether it is persistent: `Some(true)` or
/// `Some(false)`, or `None` when the API is absent or refuses to answer (an opaque origin, an old
/// browser). Never throws.
pub fn request_persistence(report: impl FnOnce(Option<bool>) + 'static) {
    let Some(manager) = storage_manager() else {
        report(None);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let answer = async {
            // Already granted: no need to ask again.
            if let Ok(p) = manager.persisted() {
                if let Ok(v) = wasm_bindgen_futures::JsFuture::from(p).await {
                    if v.as_bool() == Some(true) {
                        return Some(true);
                    }
                }
            }
            let p = manager.persist().ok()?;
            wasm_bindgen_futures::JsFuture::from(p)
                .await
                .ok()?
                .as_bool()
        }
        .await;
        report(answer);
    });
}

/// `navigator.storage`, when it exists and has `persist`.
fn storage_manager() -> Option<StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let manager = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if !manager.is_object() {
        return None;
    }
    let persist = js_sys::Reflect::get(&manager, &JsValue::from_str("persist")).ok()?;
    if !persist.is_function() {
        return None;
    }
    Some(manager.unchecked_into())
}

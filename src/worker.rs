//! The import worker: reads picked files (CSV, .xlsx) in a Web Worker with its own wasm, so the
//! page never runs the readers, stays responsive while a large or hostile file is read, and can
//! cancel a read at any moment by ending the worker.
//!
//! Messages (arrays, so that the buffers can be transferred rather than copied):
//! - page → worker: `[id, kind, decoding, bytes]` — `kind` a [`ReadKind`] key, `decoding`
//!   `"strict"` or `"lossy"`, `bytes` a `Uint8Array` of the file.
//! - worker → page: `["ready"]` once running; `["progress", id, rows, fraction]` every
//!   [`kam_planner::persist::import::progress::EVERY_ROWS`] rows (`fraction` 0…1 or -1 when
//!   unknown); then `["table", id, meta, rowNumbers, cellLengths, text]` (a
//!   [`kam_planner::persist::import::job::PackedTable`]) or `["error", id, errorJson]`, or
//!   `["refused", id, reason]` for a message the worker does not understand.
//!
//! The page side is `src/ui/import_worker.rs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    run::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the import worker runs in a browser; build it with trunk (see index.html)");
}

#[cfg(target_arch = "wasm32")]
mod run {
    use js_sys::{Array, Uint32Array, Uint8Array};
    use kam_planner::persist::import::job::{self, ReadKind};
    use kam_planner::persist::import::progress::{self, Progress};
    use kam_planner::persist::import::{ImportError, MAX_IMPORT_BYTES};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let on_message = {
            let scope = scope.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| handle(&scope, e.data()))
        };
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post(&scope, &Array::of1(&"ready".into()), None);
    }

    fn post(scope: &DedicatedWorkerGlobalScope, message: &Array, transfer: Option<&Array>) {
        let sent = match transfer {
            Some(t) => scope.post_message_with_transfer(message, t),
            None => scope.post_message(message),
        };
        // Posting fails only when the page is gone; nothing is left to tell.
        let _ = sent;
    }

    fn handle(scope: &DedicatedWorkerGlobalScope, data: JsValue) {
        let Some(message) = data.dyn_ref::<Array>() else {
            return post(scope, &refused(JsValue::NULL, "not an array"), None);
        };
        let id = message.get(0);
        if id.as_f64().is_none() {
            return post(scope, &refused(JsValue::NULL, "no id"), None);
        }
        let Some(kind) = message
            .get(1)
            .as_string()
            .and_then(|k| ReadKind::from_key(&k))
        else {
            return post(scope, &refused(id, "unknown kind"), None);
        };
        let Some(decoding) = message
            .get(2)
            .as_string()
            .and_then(|k| job::decoding_from_key(&k))
        else {
            return post(scope, &refused(id, "unknown decoding"), None);
        };
        let Some(bytes) = message.get(3).dyn_into::<Uint8Array>().ok() else {
            return post(scope, &refused(id, "no bytes"), None);
        };
        let length = bytes.length() as usize;
        let result = if length > MAX_IMPORT_BYTES {
            Err(ImportError::TooLarge {
                bytes: length,
                max: MAX_IMPORT_BYTES,
            })
        } else {
            let bytes = bytes.to_vec();
            let observer = {
                let (scope, id) = (scope.clone(), id.clone());
                move |p: Progress| {
                    let fraction = p.fraction.unwrap_or(-1.0);
                    let message = Array::of4(
                        &"progress".into(),
                        &id,
                        &(p.rows as f64).into(),
                        &fraction.into(),
                    );
                    post(&scope, &message, None);
                }
            };
            progress::observe(observer, || job::read(kind, &bytes, decoding))
        };
        match result {
            Ok(table) => {
                // The last count, so the dialog shows the whole file read while the page unpacks.
                let rows = table.row_numbers.last().copied().unwrap_or(0);
                let message =
                    Array::of4(&"progress".into(), &id, &(rows as f64).into(), &1.0.into());
                post(scope, &message, None);
                let packed = job::pack(table);
                let row_numbers = Uint32Array::from(packed.row_numbers.as_slice());
                let cell_lengths = Uint32Array::from(packed.cell_lengths.as_slice());
                let text = Uint8Array::from(packed.text.as_slice());
                let message = Array::of3(&"table".into(), &id, &packed.meta.into());
                message.push(&row_numbers);
                message.push(&cell_lengths);
                message.push(&text);
                let transfer = Array::of3(
                    &row_numbers.buffer(),
                    &cell_lengths.buffer(),
                    &text.buffer(),
                );
                post(scope, &message, Some(&transfer));
            }
            Err(error) => {
                let message = Array::of3(&"error".into(), &id, &job::error_json(&error).into());
                post(scope, &message, None);
            }
        }
    }

    fn refused(id: JsValue, reason: &str) -> Array {
        Array::of3(&"refused".into(), &id, &reason.into())
    }
}

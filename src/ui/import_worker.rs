//! The page's side of the import worker (`src/worker.rs`): start a read, hear its progress, get
//! the table or the reader's error, cancel by dropping the job.
//!
//! A worker is started for each read and ended when the read ends or is cancelled: the page
//! stops listening at once, whatever the reader was doing, and the browser stops the worker's
//! thread (Chromium gives a busy worker up to two seconds before it stops it by force; nothing
//! it sends meanwhile is heard). The worker's script is named in
//! `<meta name="kam-import-worker">` (written by the build, `scripts/name-worker.mjs`, with its
//! content hash); without the meta, `./import-worker_loader.js`.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};

use crate::persist::import::job::{self, PackedTable, ReadKind};
use crate::persist::import::progress::Progress;
use crate::persist::import::{ImportError, Table, TextDecoding};
use crate::ui::page_files::{describe_js, named_file};

/// The worker script when the page names none.
const DEFAULT_SCRIPT: &str = "./import-worker_loader.js";

/// What a read reports.
#[derive(Debug)]
pub enum JobEvent {
    /// How far it got.
    Progress(Progress),
    /// The table, or why the file cannot be imported.
    Done(Result<Table, ImportError>),
    /// The worker failed (could not start, stopped, or answered nonsense): English detail.
    Failed(String),
}

/// A read in progress; dropping it ends the worker (and the read).
pub struct ImportJob {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl Drop for ImportJob {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// Starts reading `bytes` as `kind` in a new worker; `on_event` hears its progress and its end
/// (exactly one [`JobEvent::Done`] or [`JobEvent::Failed`], unless the job is dropped first).
pub fn start(
    bytes: &[u8],
    kind: ReadKind,
    decoding: TextDecoding,
    on_event: Rc<dyn Fn(JobEvent)>,
) -> Result<ImportJob, String> {
    let script = named_file("kam-import-worker", ".js", DEFAULT_SCRIPT);
    let worker = Worker::new(&script).map_err(describe_js)?;
    let request = Uint8Array::from(bytes);
    let message = Array::of4(
        &JsValue::from_f64(1.0),
        &kind.key().into(),
        &job::decoding_key(decoding).into(),
        &request,
    );
    // A message posted before the worker's wasm has set its handler would be lost (the loader's
    // script ends before the wasm starts), so the request goes when the worker says "ready".
    let request = RefCell::new(Some((message, Array::of1(&request.buffer()))));
    let on_message = {
        let (worker, on_event) = (worker.clone(), on_event.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let Some(event) = read_reply(&e.data()) else {
                if let Some((message, transfer)) = request.borrow_mut().take() {
                    if let Err(e) = worker.post_message_with_transfer(&message, &transfer) {
                        worker.terminate();
                        on_event(JobEvent::Failed(describe_js(e)));
                    }
                }
                return;
            };
            let ended = !matches!(event, JobEvent::Progress(_));
            if ended {
                worker.set_onmessage(None);
                worker.terminate();
            }
            on_event(event);
        })
    };
    let on_error = {
        let (worker, on_event) = (worker.clone(), on_event);
        // A script that fails to load fires a plain `Event`; an error inside it an `ErrorEvent`.
        Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            e.prevent_default();
            worker.set_onmessage(None);
            worker.terminate();
            let message = e
                .dyn_ref::<ErrorEvent>()
                .map(ErrorEvent::message)
                .filter(|m| !m.is_empty());
            on_event(JobEvent::Failed(message.unwrap_or_else(|| {
                "the reader's script could not be loaded".to_string()
            })));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(ImportJob {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The event a worker message stands for (`None` for "ready").
fn read_reply(data: &JsValue) -> Option<JobEvent> {
    let Some(message) = data.dyn_ref::<Array>() else {
        return Some(JobEvent::Failed(
            "the reader answered without a list".into(),
        ));
    };
    let kind = message.get(0).as_string().unwrap_or_default();
    match kind.as_str() {
        "ready" => None,
        "progress" => {
            let rows = message.get(2).as_f64().unwrap_or(0.0).max(0.0) as usize;
            let fraction = message.get(3).as_f64().filter(|f| (0.0..=1.0).contains(f));
            Some(JobEvent::Progress(Progress { rows, fraction }))
        }
        "table" => Some(match unpack_reply(message) {
            Ok(table) => JobEvent::Done(Ok(table)),
            Err(detail) => JobEvent::Failed(detail),
        }),
        "error" => Some(
            match message
                .get(2)
                .as_string()
                .and_then(|j| job::error_from_json(&j))
            {
                Some(error) => JobEvent::Done(Err(error)),
                None => JobEvent::Failed("the reader's error does not read".into()),
            },
        ),
        "failed" => Some(JobEvent::Failed(format!(
            "the reader could not start: {}",
            message.get(1).as_string().unwrap_or_default()
        ))),
        "refused" => Some(JobEvent::Failed(format!(
            "the reader refused the request: {}",
            message.get(2).as_string().unwrap_or_default()
        ))),
        other => Some(JobEvent::Failed(format!(
            "the reader sent an unknown message {:?}",
            other.chars().take(40).collect::<String>()
        ))),
    }
}

fn unpack_reply(message: &Array) -> Result<Table, String> {
    let missing = || "the reader's table is incomplete".to_string();
    let meta = message.get(2).as_string().ok_or_else(missing)?;
    let row_numbers = message
        .get(3)
        .dyn_into::<Uint32Array>()
        .map_err(|_| missing())?;
    let cell_lengths = message
        .get(4)
        .dyn_into::<Uint32Array>()
        .map_err(|_| missing())?;
    let text = message
        .get(5)
        .dyn_into::<Uint8Array>()
        .map_err(|_| missing())?;
    job::unpack(PackedTable {
        meta,
        row_numbers: row_numbers.to_vec(),
        cell_lengths: cell_lengths.to_vec(),
        text: text.to_vec(),
    })
    .map_err(|e| e.to_string())
}

//! The app inside a portal's frame: the page options (`?embed=1`, `?lang=`, `?workspace=`) and the
//! `postMessage` bridge to the host (protocol and allowlist: [`crate::persist::embed`]).
//!
//! The bridge runs only when the app is framed and `embed.json` next to `index.html` lists at
//! least one origin. Messages from other origins are ignored without a reply; every reply goes to
//! the sender's exact origin, and unsolicited messages (`kam:ready`, `kam:changed`) are posted to
//! the parent once per listed origin — the browser delivers each only if the parent is that
//! origin — so nothing is ever sent to `*`.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::workspace::SCHEMA_VERSION;
use crate::persist::embed::{
    error_reply, message, parse_request, Allowlist, EmbedOptions, ErrorCode, Refusal, Request,
    ALLOWLIST_FILE, MAX_MESSAGE_BYTES,
};
use crate::persist::envelope::{self, Loaded};
use crate::persist::library as lib;
use crate::ui::library::Library;
use crate::ui::page_files::fetch_text;
use crate::ui::route::Route;
use crate::ui::state::now_ms;

/// The options of the page address.
pub fn page_options() -> EmbedOptions {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    EmbedOptions::from_query(&search)
}

/// True when the page is inside a frame.
pub fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.parent() {
        Ok(Some(parent)) => parent != window,
        _ => false,
    }
}

/// The allowlist, once `embed.json` was read (empty when missing or refused).
pub type SharedAllowlist = Rc<RefCell<Option<Allowlist>>>;

/// Reads `embed.json` (only when framed) and calls `done` with the allowlist.
pub fn load_allowlist(done: impl FnOnce(Allowlist) + 'static) {
    if !is_framed() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let list = fetch_text(ALLOWLIST_FILE)
            .await
            .ok()
            .and_then(|text| Allowlist::parse(&text).ok())
            .unwrap_or_default();
        done(list);
    });
}

/// Posts `value` to the parent window at `origin` (an exact origin, never `*`).
fn post(origin: &str, value: &Value) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    if let Ok(data) = js_sys::JSON::parse(&value.to_string()) {
        let _ = parent.post_message(&data, origin);
    }
}

/// Posts `value` to each allowed origin; the browser delivers it only to the one the parent has.
pub fn broadcast(allowlist: &Allowlist, value: &Value) {
    for origin in &allowlist.origins {
        post(origin, value);
    }
}

/// The `kam:ready` message: protocol and schema versions, and the stored workspaces.
pub fn ready_message(library: &Library) -> Value {
    let workspaces: Vec<Value> = library
        .entries()
        .into_iter()
        .map(|e| json!({ "id": e.id, "name": e.name }))
        .collect();
    let open = library.handle.workspace().meta.id.clone();
    message(
        "kam:ready",
        None,
        json!({
            "version": env!("CARGO_PKG_VERSION"),
            "schema_version": SCHEMA_VERSION,
            "workspace": open,
            "workspaces": workspaces,
        }),
    )
}

/// A host's import waiting for the user's review.
#[derive(Clone, Debug, PartialEq)]
pub struct HostImport {
    /// What the load path read.
    pub loaded: Rc<Loaded>,
    /// The request id.
    pub id: Option<String>,
    /// The host's origin, for the final reply.
    pub origin: String,
}

/// Tells the host how its import ended (`applied` with the mode, or `cancelled`).
pub fn import_outcome(import: &HostImport, mode: Option<&str>) {
    let fields = match mode {
        Some(mode) => json!({ "status": "applied", "mode": mode }),
        None => json!({ "status": "cancelled" }),
    };
    post(
        &import.origin,
        &message("kam:import", import.id.as_deref(), fields),
    );
}

/// What the bridge needs from the app to answer.
pub struct Bridge {
    /// The library (open workspace, storage).
    pub library: Library,
    /// The allowlist.
    pub allowlist: Allowlist,
    /// Whether an import is already waiting for the user.
    pub import_waiting: bool,
    /// Opens the review of a host's import.
    pub on_import: Rc<dyn Fn(HostImport)>,
}

/// Listens to the host's messages while the returned listener lives.
pub fn listen(bridge: Bridge) -> Option<EventListener> {
    let window = web_sys::window()?;
    let bridge = Rc::new(bridge);
    Some(EventListener::new(&window, "message", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let origin = e.origin();
        if !bridge.allowlist.allows(&origin) {
            return;
        }
        let reply = answer(&bridge, &origin, &e.data());
        if let Some(reply) = reply {
            post(&origin, &reply);
        }
    }))
}

/// The JSON of a message's data (a string is read as JSON text), within the size cap.
fn data_json(data: &JsValue) -> Result<Value, Refusal> {
    let too_large = || Refusal {
        id: None,
        code: ErrorCode::BadMessage,
        message: format!("messages are limited to {MAX_MESSAGE_BYTES} bytes"),
    };
    let text = match data.as_string() {
        Some(text) => text,
        None => js_sys::JSON::stringify(data)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default(),
    };
    if text.len() > MAX_MESSAGE_BYTES {
        return Err(too_large());
    }
    serde_json::from_str(&text).map_err(|_| Refusal {
        id: None,
        code: ErrorCode::BadMessage,
        message: "a message is a JSON object".into(),
    })
}

/// The reply to one message from an allowed origin.
fn answer(bridge: &Bridge, origin: &str, data: &JsValue) -> Option<Value> {
    let parsed = data_json(data).and_then(|v| parse_request(&v));
    let (id, request) = match parsed {
        Ok(r) => r,
        Err(refusal) => return Some(error_reply(&refusal)),
    };
    let refuse = |code, message: String| {
        Some(error_reply(&Refusal {
            id: id.clone(),
            code,
            message,
        }))
    };
    let library = &bridge.library;
    match request {
        Request::Hello => Some(ready_message(library)),
        Request::Export { workspace } => {
            let open = library.handle.workspace();
            let ws = match workspace {
                None => open,
                Some(w) if w == open.meta.id => open,
                Some(w) => match lib::open_workspace(library.store.as_ref(), &w, now_ms()) {
                    Ok(opened) => Rc::new(opened.workspace),
                    Err(_) => return refuse(ErrorCode::NotFound, format!("no workspace \"{w}\"")),
                },
            };
            let text = envelope::to_json(&ws, now_ms());
            let envelope: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            Some(message(
                "kam:export",
                id.as_deref(),
                json!({ "workspace": ws.meta.id, "name": ws.meta.name, "envelope": envelope }),
            ))
        }
        Request::Import { envelope } => {
            if bridge.import_waiting {
                return refuse(
                    ErrorCode::Busy,
                    "another import is waiting for the user".into(),
                );
            }
            match envelope::load(&envelope) {
                Ok(loaded) => {
                    (bridge.on_import)(HostImport {
                        loaded: Rc::new(loaded),
                        id: id.clone(),
                        origin: origin.to_string(),
                    });
                    Some(message(
                        "kam:import",
                        id.as_deref(),
                        json!({ "status": "review" }),
                    ))
                }
                Err(e) => refuse(ErrorCode::LoadFailed, e.to_string()),
            }
        }
        Request::Navigate { route } => match Route::ALL.iter().find(|r| r.id() == route) {
            Some(r) => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().set_hash(&r.hash());
                }
                Some(message(
                    "kam:navigate",
                    id.as_deref(),
                    json!({ "route": r.id() }),
                ))
            }
            None => refuse(ErrorCode::UnknownRoute, format!("no route \"{route}\"")),
        },
    }
}

//! The workspaces of this browser as the UI sees them: start-up (which store, which language,
//! which workspace), the one save path (debounced autosave), switching, creating, duplicating,
//! deleting and exporting workspaces, and the notices these produce.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::i18n::{I18n, Lang};
use super::state::{now_ms, WorkspaceHandle};
use crate::domain::demo::{self, DemoLocale};
use crate::domain::edit::Edit;
use crate::domain::workspace::Workspace;
use crate::persist::envelope;
use crate::persist::library::{
    self as lib, KeyValueStore, MemoryStore, OpenError, StoreError, KEY_LANG,
};
use crate::persist::{files, storage};

/// Quiet time after the last change before it is written, in ms.
pub const AUTOSAVE_DELAY_MS: u32 = 400;

/// Something the user must be told about storage or loading.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Storage is blocked; the app runs in memory (persistent).
    Memory {
        /// What the browser said.
        reason: String,
    },
    /// The last save failed.
    SaveFailed(StoreError),
    /// A stored workspace could not be opened.
    OpenFailed {
        /// Its id.
        id: String,
        /// Why.
        error: OpenError,
    },
    /// A workspace was opened after repairs.
    Repaired(Vec<String>),
}

/// State of the autosave.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything is written.
    Saved,
    /// A save is scheduled.
    Pending,
    /// Written, but only to memory (storage blocked).
    Memory,
    /// The last save failed.
    Failed,
}

/// What start-up found.
pub struct Boot {
    /// The store in use.
    pub store: Rc<dyn KeyValueStore>,
    /// Whether it is browser storage (false = memory fallback).
    pub persistent: bool,
    /// The interface language.
    pub lang: Lang,
    /// The workspace to open.
    pub workspace: Workspace,
    /// What to tell the user.
    pub notices: Vec<Notice>,
}

/// A fresh id such as `ws-m3k9x2-4fq1` (time plus randomness, so two tabs never collide).
pub fn new_id(prefix: &str) -> String {
    let rand = (random() * 1_679_616.0) as u64; // 36^4
    format!(
        "{prefix}-{}-{}",
        base36(now_ms().max(0) as u64),
        base36(rand)
    )
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn random() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Math::random()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        (now_ms() % 1000) as f64 / 1000.0
    }
}

/// The demo's locale for an interface language.
pub fn demo_locale(lang: Lang) -> DemoLocale {
    match lang {
        Lang::ZhCn => DemoLocale::Zh,
        Lang::En => DemoLocale::En,
    }
}

fn navigator_language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// Starts up: opens localStorage (or memory when it is blocked), picks the language, and opens
/// the last active workspace — or builds and saves the demo when there is none.
pub fn boot() -> Boot {
    let mut notices = Vec::new();
    let (store, persistent): (Rc<dyn KeyValueStore>, bool) = match storage::open_local() {
        Ok(s) => (Rc::new(s), true),
        Err(e) => {
            notices.push(Notice::Memory {
                reason: e.to_string(),
            });
            (Rc::new(MemoryStore::default()), false)
        }
    };
    let lang = store
        .get(KEY_LANG)
        .ok()
        .flatten()
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_else(|| Lang::from_navigator(&navigator_language()));
    let now = now_ms();
    let index = lib::read_index(store.as_ref()).unwrap_or_default();
    let mut candidates: Vec<String> = index.active.iter().cloned().collect();
    candidates.extend(index.workspaces.iter().map(|e| e.id.clone()));
    let mut opened = None;
    for id in candidates {
        if opened.is_some() {
            break;
        }
        match lib::open_workspace(store.as_ref(), &id, now) {
            Ok(loaded) => {
                if !loaded.repairs.is_empty() {
                    notices.push(Notice::Repaired(
                        loaded.repairs.iter().map(|r| r.to_string()).collect(),
                    ));
                }
                opened = Some(loaded.workspace);
            }
            Err(OpenError::Missing(_)) => {}
            Err(error) => notices.push(Notice::OpenFailed { id, error }),
        }
    }
    let workspace = match opened {
        Some(ws) => ws,
        None => {
            let ws = demo::build(&new_id("ws"), now, demo_locale(lang));
            if let Err(e) = lib::save_workspace(store.as_ref(), &ws, now) {
                notices.push(Notice::SaveFailed(e));
            }
            ws
        }
    };
    Boot {
        store,
        persistent,
        lang,
        workspace,
        notices,
    }
}

struct SaverInner {
    store: Rc<dyn KeyValueStore>,
    persistent: bool,
    pending: Option<Rc<Workspace>>,
    timer: Option<Timeout>,
    on_status: Callback<SaveStatus>,
    on_error: Callback<Option<StoreError>>,
}

/// The one save path: changes are written after [`AUTOSAVE_DELAY_MS`] of quiet, or at once by
/// [`Saver::flush`] (before switching workspaces and when the page is hidden).
#[derive(Clone)]
pub struct Saver {
    inner: Rc<RefCell<SaverInner>>,
}

impl Saver {
    /// A saver writing to `store`, reporting through the callbacks.
    pub fn new(
        store: Rc<dyn KeyValueStore>,
        persistent: bool,
        on_status: Callback<SaveStatus>,
        on_error: Callback<Option<StoreError>>,
    ) -> Saver {
        Saver {
            inner: Rc::new(RefCell::new(SaverInner {
                store,
                persistent,
                pending: None,
                timer: None,
                on_status,
                on_error,
            })),
        }
    }

    /// Schedules `ws` to be written after the quiet period.
    pub fn schedule(&self, ws: Rc<Workspace>) {
        let this = self.clone();
        let mut inner = self.inner.borrow_mut();
        inner.pending = Some(ws);
        inner.timer = Some(Timeout::new(AUTOSAVE_DELAY_MS, move || this.flush()));
        inner.on_status.emit(SaveStatus::Pending);
    }

    /// Writes the pending change now, if there is one.
    pub fn flush(&self) {
        let (store, ws, persistent, on_status, on_error) = {
            let mut inner = self.inner.borrow_mut();
            inner.timer = None;
            let Some(ws) = inner.pending.take() else {
                return;
            };
            (
                inner.store.clone(),
                ws,
                inner.persistent,
                inner.on_status.clone(),
                inner.on_error.clone(),
            )
        };
        match lib::save_workspace(store.as_ref(), &ws, now_ms()) {
            Ok(()) => {
                on_status.emit(if persistent {
                    SaveStatus::Saved
                } else {
                    SaveStatus::Memory
                });
                on_error.emit(None);
            }
            Err(e) => {
                on_status.emit(SaveStatus::Failed);
                on_error.emit(Some(e));
            }
        }
    }
}

/// Workspace-level operations, provided as a context to the header and menus.
#[derive(Clone)]
pub struct Library {
    /// The store in use.
    pub store: Rc<dyn KeyValueStore>,
    /// The one save path.
    pub saver: Saver,
    /// The open workspace.
    pub handle: WorkspaceHandle,
    /// Notices shown as banners.
    pub notices: UseStateHandle<Vec<Notice>>,
    /// The interface language.
    pub i18n: I18n,
}

impl PartialEq for Library {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.saver.inner, &other.saver.inner)
            && self.handle == other.handle
            && self.notices == other.notices
            && self.i18n == other.i18n
    }
}

impl Library {
    /// Ids and names of the stored workspaces.
    pub fn entries(&self) -> Vec<lib::IndexEntry> {
        lib::read_index(self.store.as_ref())
            .map(|i| i.workspaces)
            .unwrap_or_default()
    }

    fn push_notice(&self, notice: Notice) {
        let mut all = (*self.notices).clone();
        if !all.contains(&notice) {
            all.push(notice);
        }
        self.notices.set(all);
    }

    /// Saves a new document at once and opens it.
    fn adopt(&self, ws: Workspace) {
        self.saver.flush();
        if let Err(e) = lib::save_workspace(self.store.as_ref(), &ws, now_ms()) {
            self.push_notice(Notice::SaveFailed(e));
        }
        self.handle.open(ws);
    }

    /// Saves a workspace read from a file as a new workspace and opens it.
    pub fn import_as_new(&self, ws: Workspace) {
        self.adopt(ws);
    }

    /// Opens another stored workspace.
    pub fn switch_to(&self, id: &str) {
        if self.handle.workspace().meta.id == id {
            return;
        }
        self.saver.flush();
        match lib::open_workspace(self.store.as_ref(), id, now_ms()) {
            Ok(loaded) => {
                if !loaded.repairs.is_empty() {
                    self.push_notice(Notice::Repaired(
                        loaded.repairs.iter().map(|r| r.to_string()).collect(),
                    ));
                }
                if let Ok(mut index) = lib::read_index(self.store.as_ref()) {
                    index.active = Some(id.to_string());
                    let _ = lib::write_index(self.store.as_ref(), &index);
                }
                self.handle.open(loaded.workspace);
            }
            Err(error) => self.push_notice(Notice::OpenFailed {
                id: id.to_string(),
                error,
            }),
        }
    }

    /// Creates and opens an empty workspace named `name` (already checked).
    pub fn create_empty(&self, name: &str) {
        self.adopt(Workspace::empty(&new_id("ws"), name, now_ms()));
    }

    /// Creates and opens a workspace with the demo data.
    pub fn create_demo(&self) {
        self.adopt(demo::build(
            &new_id("ws"),
            now_ms(),
            demo_locale(self.i18n.lang),
        ));
    }

    /// Creates and opens a copy of the open workspace.
    pub fn duplicate(&self) {
        let now = now_ms();
        let mut copy = (*self.handle.workspace()).clone();
        copy.meta.id = new_id("ws");
        copy.meta.name = self.i18n.tf("ws.copy_name", &[("name", &copy.meta.name)]);
        copy.meta.created_at = now;
        copy.meta.updated_at = now;
        self.adopt(copy);
    }

    /// Deletes the open workspace and opens another (a new empty one when none is left).
    pub fn delete_current(&self) {
        let id = self.handle.workspace().meta.id.clone();
        // A save scheduled for the deleted workspace must not bring it back.
        self.saver.inner.borrow_mut().pending = None;
        if let Err(e) = lib::delete_workspace(self.store.as_ref(), &id) {
            self.push_notice(Notice::SaveFailed(e));
            return;
        }
        let next = self
            .entries()
            .into_iter()
            .map(|e| e.id)
            .find_map(|other| lib::open_workspace(self.store.as_ref(), &other, now_ms()).ok());
        match next {
            Some(loaded) => {
                if let Ok(mut index) = lib::read_index(self.store.as_ref()) {
                    index.active = Some(loaded.workspace.meta.id.clone());
                    let _ = lib::write_index(self.store.as_ref(), &index);
                }
                self.handle.open(loaded.workspace);
            }
            None => self.create_empty(self.i18n.t("ws.default_name")),
        }
    }

    /// Replaces the open workspace's content with fresh demo data (undoable).
    pub fn reset_demo(&self) {
        let demo = demo::build("demo", now_ms(), demo_locale(self.i18n.lang));
        self.handle.edit(Edit::ResetDemo(Box::new(demo)));
    }

    /// Downloads the open workspace as a JSON file.
    pub fn export(&self) {
        let ws = self.handle.workspace();
        let now = now_ms();
        let text = envelope::to_json(&ws, now);
        let name = envelope::export_file_name(&ws.meta.name, now);
        if let Err(reason) = files::download_text(&name, "application/json", &text) {
            self.push_notice(Notice::SaveFailed(StoreError::Failed(reason)));
        }
    }

    /// Downloads raw text kept under `key` (a preserved corrupt copy).
    pub fn download_raw(&self, key: &str) {
        if let Ok(Some(text)) = self.store.get(key) {
            let _ = files::download_text(&format!("{key}.txt"), "text/plain", &text);
        }
    }

    /// Stores the interface language.
    pub fn remember_lang(&self, lang: Lang) {
        let _ = self.store.set(KEY_LANG, lang.tag());
    }
}

/// The workspace operations.
#[hook]
pub fn use_library() -> Library {
    match use_context::<Library>() {
        Some(l) => l,
        None => panic!("use_library() called outside the App's Library provider"),
    }
}

//! The workspaces of this browser as the UI sees them: start-up (which store, which language,
//! which workspace), the one save path (debounced autosave), switching, creating, duplicating,
//! deleting and exporting workspaces, changes made in other tabs, and the notices all of these
//! produce.
//!
//! Storage faults never lose the work: a failed save keeps the document in memory (and the last
//! good copy in storage untouched) and is retried with the next change; a change saved by another
//! tab is taken over only when this tab has nothing unsaved, otherwise the user decides.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::i18n::{I18n, Lang};
use super::state::{now_ms, WorkspaceHandle};
use crate::domain::demo::{self, DemoLocale};
use crate::domain::edit::Edit;
use crate::domain::workspace::{Meta, Workspace};
use crate::persist::envelope;
use crate::persist::library::{
    self as lib, KeyValueStore, MemoryStore, OpenError, Opened, Preserved, SaveError, StorageUsage,
    StoreError, KEY_INDEX, KEY_LANG,
};
use crate::persist::validate::Repair;
use crate::persist::{compact, files, storage};

/// Quiet time after the last change before it is written, in ms.
pub const AUTOSAVE_DELAY_MS: u32 = 400;

/// How long the note that another tab's version was taken over stays, in ms.
pub const UPDATED_NOTICE_MS: u32 = 8_000;

/// Something the user must be told about storage or loading.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Storage is blocked; the app runs in memory (lasting).
    Memory {
        /// What the browser said.
        reason: String,
    },
    /// The last save failed for a reason other than those below (until a save succeeds).
    SaveFailed(StoreError),
    /// The last save failed because storage is full (lasting until a save succeeds).
    StorageFull {
        /// What this app keeps in storage.
        usage: StorageUsage,
        /// The size of the copy that could not be written, in bytes.
        needed_bytes: usize,
    },
    /// The stored copy of the open workspace was written by a newer version of the app, so it is
    /// not overwritten (lasting until a save succeeds).
    NewerStored {
        /// The open workspace's name.
        name: String,
        /// The stored copy's schema version.
        found: u64,
    },
    /// A stored workspace could not be opened.
    OpenFailed {
        /// Its id.
        id: String,
        /// Why.
        error: OpenError,
    },
    /// A workspace was opened after repairs; its raw stored text was preserved first.
    Repaired {
        /// The workspace's name.
        name: String,
        /// What was repaired.
        repairs: Vec<Repair>,
        /// Where the raw text is kept.
        preserved: Preserved,
    },
    /// The open workspace was replaced by the version another tab saved (shown for a few
    /// seconds).
    UpdatedElsewhere {
        /// Its name (as saved there).
        name: String,
        /// When, ms since epoch (tells two such notices apart).
        at: i64,
    },
    /// Another tab deleted the open workspace; this tab still has it.
    RemovedElsewhere {
        /// Its name.
        name: String,
    },
    /// Another workspace was not opened because the open one has changes that could not be
    /// saved (they exist only in this tab).
    KeptOpen {
        /// The open workspace's name.
        name: String,
    },
    /// Another tab saved the open workspace while this tab had unsaved changes; autosave of it is
    /// paused until the user chooses (lasting).
    Conflict {
        /// The workspace's id.
        id: String,
        /// Its name in the other tab's version.
        theirs: String,
    },
}

impl Notice {
    /// Whether it reports the outcome of saving (each outcome replaces it).
    pub fn is_save_problem(&self) -> bool {
        matches!(
            self,
            Notice::SaveFailed(_) | Notice::StorageFull { .. } | Notice::NewerStored { .. }
        )
    }

    /// Whether the user may dismiss it; the others stay until their cause is gone.
    pub fn is_dismissible(&self) -> bool {
        !matches!(
            self,
            Notice::Memory { .. }
                | Notice::StorageFull { .. }
                | Notice::NewerStored { .. }
                | Notice::Conflict { .. }
        )
    }

    /// Notices of which only the latest is shown.
    fn is_singular(&self) -> bool {
        self.is_save_problem()
            || matches!(
                self,
                Notice::UpdatedElsewhere { .. }
                    | Notice::RemovedElsewhere { .. }
                    | Notice::Conflict { .. }
                    | Notice::KeptOpen { .. }
            )
    }
}

/// The notices shown as banners, changed only through [`NoticeAction`]s so that several changes
/// in one event never overwrite each other.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notices(pub Vec<Notice>);

/// A change to the notices.
pub enum NoticeAction {
    /// Shows a notice (replacing an equal one, or the previous one of a kind shown once).
    Push(Notice),
    /// Removes the notice at this position.
    Dismiss(usize),
    /// The outcome of a save: replaces the save-problem notice (`None`: saved).
    SaveOutcome(Option<Notice>),
    /// Removes the notices matching.
    Remove(fn(&Notice) -> bool),
    /// Removes this very notice, if it is still shown.
    RemoveExact(Notice),
}

impl Reducible for Notices {
    type Action = NoticeAction;

    fn reduce(self: Rc<Self>, action: NoticeAction) -> Rc<Self> {
        let mut all = self.0.clone();
        match action {
            NoticeAction::Push(notice) => {
                let same_kind = |n: &Notice| {
                    std::mem::discriminant(n) == std::mem::discriminant(&notice)
                        || (notice.is_save_problem() && n.is_save_problem())
                };
                all.retain(|n| *n != notice && !(notice.is_singular() && same_kind(n)));
                all.push(notice);
            }
            NoticeAction::Dismiss(i) => {
                if i < all.len() {
                    all.remove(i);
                }
            }
            NoticeAction::SaveOutcome(outcome) => {
                all.retain(|n| !n.is_save_problem());
                all.extend(outcome);
            }
            NoticeAction::Remove(matches) => all.retain(|n| !matches(n)),
            NoticeAction::RemoveExact(notice) => all.retain(|n| *n != notice),
        }
        if all == self.0 {
            self
        } else {
            Rc::new(Notices(all))
        }
    }
}

/// A counter bumped to make readers of storage render again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Revision(pub u32);

impl Reducible for Revision {
    type Action = ();

    fn reduce(self: Rc<Self>, _: ()) -> Rc<Self> {
        Rc::new(Revision(self.0.wrapping_add(1)))
    }
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
    /// Held because another tab saved the same workspace (see [`Notice::Conflict`]).
    Paused,
}

/// How a document just opened relates to its stored copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoredCopy {
    /// The stored copy is this document: nothing to save.
    Same,
    /// The stored copy is older or damaged (its raw text preserved): save this at once.
    Outdated,
    /// The stored copy is damaged and its raw text could not be preserved: copy it before the
    /// first save overwrites it.
    MustPreserve,
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
    /// How it relates to its stored copy.
    pub stored: StoredCopy,
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

/// Splits what [`lib::open_workspace`] returned into the document, how it relates to the stored
/// copy, and the notice about its repairs (if any).
fn take_opened(opened: Opened) -> (Workspace, StoredCopy, Option<Notice>) {
    let Opened {
        workspace,
        repairs,
        preserved,
    } = opened;
    if repairs.is_empty() {
        return (workspace, StoredCopy::Same, None);
    }
    let stored = match preserved {
        Preserved::Failed(_) => StoredCopy::MustPreserve,
        _ => StoredCopy::Outdated,
    };
    let notice = Notice::Repaired {
        name: workspace.meta.name.clone(),
        repairs,
        preserved,
    };
    (workspace, stored, Some(notice))
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
    let mut seen = std::collections::HashSet::new();
    candidates.retain(|id| seen.insert(id.clone()));
    let mut opened = None;
    for id in candidates {
        if opened.is_some() {
            break;
        }
        match lib::open_workspace(store.as_ref(), &id, now) {
            Ok(o) => {
                let (ws, stored, notice) = take_opened(o);
                notices.extend(notice);
                opened = Some((ws, stored));
            }
            Err(OpenError::Missing(_)) => {}
            Err(error) => notices.push(Notice::OpenFailed { id, error }),
        }
    }
    let (workspace, stored) = match opened {
        Some(found) => found,
        None => {
            let ws = demo::build(&new_id("ws"), now, demo_locale(lang));
            match lib::save_workspace(store.as_ref(), &ws, now) {
                Ok(()) => (ws, StoredCopy::Same),
                Err(e) => {
                    notices.push(save_problem(store.as_ref(), &ws, e));
                    (ws, StoredCopy::Outdated)
                }
            }
        }
    };
    Boot {
        store,
        persistent,
        lang,
        workspace,
        stored,
        notices,
    }
}

/// The notice for a failed save of `ws`.
pub fn save_problem(store: &dyn KeyValueStore, ws: &Workspace, e: SaveError) -> Notice {
    match e {
        SaveError::Store(StoreError::QuotaExceeded(_)) => Notice::StorageFull {
            usage: lib::storage_usage(store, &ws.meta.id).unwrap_or_default(),
            needed_bytes: lib::stored_size(&envelope::to_stored(ws, 0)),
        },
        SaveError::Store(e) => Notice::SaveFailed(e),
        SaveError::NewerVersionStored { found, .. } => Notice::NewerStored {
            name: ws.meta.name.clone(),
            found,
        },
    }
}

struct SaverInner {
    store: Rc<dyn KeyValueStore>,
    persistent: bool,
    /// The newest document scheduled.
    latest: Option<Rc<Workspace>>,
    /// The newest document known to be what storage holds for its id.
    written: Option<Rc<Workspace>>,
    /// The meta of a document just read from storage, until the session hands its `Rc` over.
    opened: Option<Meta>,
    timer: Option<Timeout>,
    /// Workspace id whose autosave is held by a conflict, and the name to keep this tab's
    /// version under if the page goes away before the user chooses.
    paused: Option<(String, String)>,
    /// Workspace id whose damaged stored text must be preserved before it is overwritten.
    must_preserve: Option<String>,
    on_status: Callback<SaveStatus>,
    on_problem: Callback<Option<Notice>>,
}

impl SaverInner {
    fn is_written(&self, ws: &Rc<Workspace>) -> bool {
        self.written.as_ref().is_some_and(|w| Rc::ptr_eq(w, ws))
    }

    fn is_paused(&self, id: &str) -> bool {
        self.paused.as_ref().is_some_and(|(p, _)| p == id)
    }
}

/// The one save path: changes are written after [`AUTOSAVE_DELAY_MS`] of quiet, or at once by
/// [`Saver::flush`] (before switching workspaces and when the page is hidden). It remembers the
/// document it last wrote, so it can tell whether this tab has unsaved changes when another tab
/// saves the same workspace.
#[derive(Clone)]
pub struct Saver {
    inner: Rc<RefCell<SaverInner>>,
}

impl PartialEq for Saver {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl Saver {
    /// A saver writing to `store`, reporting its status and each save's problem (`None` once a
    /// save succeeds) through the callbacks.
    pub fn new(
        store: Rc<dyn KeyValueStore>,
        persistent: bool,
        on_status: Callback<SaveStatus>,
        on_problem: Callback<Option<Notice>>,
    ) -> Saver {
        Saver {
            inner: Rc::new(RefCell::new(SaverInner {
                store,
                persistent,
                latest: None,
                written: None,
                opened: None,
                timer: None,
                paused: None,
                must_preserve: None,
                on_status,
                on_problem,
            })),
        }
    }

    /// Tells the saver that `ws` was just opened and how it relates to its stored copy. Anything
    /// pending for the previous document is dropped (flush first to keep it).
    pub fn opened(&self, ws: &Workspace, stored: StoredCopy) {
        let mut inner = self.inner.borrow_mut();
        inner.timer = None;
        inner.latest = None;
        inner.written = None;
        inner.paused = None;
        inner.opened = (stored == StoredCopy::Same).then(|| ws.meta.clone());
        inner.must_preserve = (stored == StoredCopy::MustPreserve).then(|| ws.meta.id.clone());
    }

    /// Storage holds `current` already (another tab saved the very same document): nothing is
    /// pending or held any more.
    pub fn in_sync(&self, current: Rc<Workspace>) {
        {
            let mut inner = self.inner.borrow_mut();
            inner.timer = None;
            inner.latest = None;
            inner.paused = None;
            inner.opened = None;
            inner.written = Some(current);
        }
        self.report_settled();
    }

    /// Reports that everything is written (to storage, or to memory when it is blocked).
    fn report_settled(&self) {
        let (persistent, on_status) = {
            let inner = self.inner.borrow();
            (inner.persistent, inner.on_status.clone())
        };
        on_status.emit(if persistent {
            SaveStatus::Saved
        } else {
            SaveStatus::Memory
        });
    }

    /// Schedules `ws` to be written after the quiet period (nothing happens for the document
    /// storage already holds).
    pub fn schedule(&self, ws: Rc<Workspace>) {
        let this = self.clone();
        let mut inner = self.inner.borrow_mut();
        if inner.is_written(&ws) {
            // Back to what storage holds (an undo within the quiet period): a newer document
            // still waiting must not be written after all.
            inner.timer = None;
            if inner.latest.take().is_some() {
                let on_problem = inner.on_problem.clone();
                drop(inner);
                self.report_settled();
                on_problem.emit(None);
            }
            return;
        }
        if inner.opened.take().is_some_and(|m| m == ws.meta) {
            inner.written = Some(ws);
            return;
        }
        let paused = inner.is_paused(&ws.meta.id);
        inner.latest = Some(ws);
        let on_status = inner.on_status.clone();
        if paused {
            inner.timer = None;
            drop(inner);
            on_status.emit(SaveStatus::Paused);
        } else {
            inner.timer = Some(Timeout::new(AUTOSAVE_DELAY_MS, move || this.flush()));
            drop(inner);
            on_status.emit(SaveStatus::Pending);
        }
    }

    /// Whether `current` (the open document) has changes storage does not hold.
    pub fn has_unsaved(&self, current: &Rc<Workspace>) -> bool {
        let inner = self.inner.borrow();
        if inner.opened.as_ref() == Some(&current.meta) {
            return false;
        }
        !inner.is_written(current)
    }

    /// Writes the newest change now, if it is not written yet (a failed save is retried here).
    pub fn flush(&self) {
        let ws = {
            let mut inner = self.inner.borrow_mut();
            inner.timer = None;
            match inner.latest.clone() {
                Some(ws) if !inner.is_written(&ws) && !inner.is_paused(&ws.meta.id) => ws,
                _ => return,
            }
        };
        self.write(ws);
    }

    /// Writes `ws` at once, even while paused (the user chose to keep it); true when written.
    pub fn save_now(&self, ws: Rc<Workspace>) -> bool {
        {
            let mut inner = self.inner.borrow_mut();
            inner.timer = None;
            inner.paused = None;
            inner.latest = Some(ws.clone());
        }
        self.write(ws)
    }

    fn write(&self, ws: Rc<Workspace>) -> bool {
        let (store, on_status, on_problem, must_preserve) = {
            let inner = self.inner.borrow();
            (
                inner.store.clone(),
                inner.on_status.clone(),
                inner.on_problem.clone(),
                inner.must_preserve.clone(),
            )
        };
        let now = now_ms();
        if must_preserve.as_deref() == Some(ws.meta.id.as_str()) {
            if let Err(e) = lib::preserve_stored(store.as_ref(), &ws.meta.id, now) {
                on_status.emit(SaveStatus::Failed);
                on_problem.emit(Some(save_problem(store.as_ref(), &ws, e.into())));
                return false;
            }
            self.inner.borrow_mut().must_preserve = None;
        }
        match lib::save_workspace(store.as_ref(), &ws, now) {
            Ok(()) => {
                {
                    let mut inner = self.inner.borrow_mut();
                    if inner.latest.as_ref().is_some_and(|l| Rc::ptr_eq(l, &ws)) {
                        inner.latest = None;
                    }
                    inner.written = Some(ws);
                }
                self.report_settled();
                on_problem.emit(None);
                true
            }
            Err(e) => {
                on_status.emit(SaveStatus::Failed);
                on_problem.emit(Some(save_problem(store.as_ref(), &ws, e)));
                false
            }
        }
    }

    /// Holds autosave of workspace `id` (a conflict with another tab). If the page goes away
    /// before the user chooses, this tab's version is kept as a new workspace named `copy_name`.
    pub fn pause(&self, id: &str, copy_name: String) {
        let on_status = {
            let mut inner = self.inner.borrow_mut();
            inner.timer = None;
            inner.paused = Some((id.to_string(), copy_name));
            inner.on_status.clone()
        };
        on_status.emit(SaveStatus::Paused);
    }

    /// Drops whatever is not written yet (the document is being replaced or was deleted).
    pub fn discard(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.timer = None;
        inner.latest = None;
        inner.paused = None;
    }

    /// Storage no longer holds the open document (deleted in another tab): the next change
    /// writes it again.
    pub fn forget_written(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.written = None;
        inner.opened = None;
    }

    /// The page is going away: write what is pending; while a conflict is open, keep this tab's
    /// version as a new workspace rather than lose it or overwrite the other tab's.
    pub fn flush_before_exit(&self) {
        let held = {
            let inner = self.inner.borrow();
            match (&inner.paused, &inner.latest) {
                (Some((id, name)), Some(ws)) if ws.meta.id == *id && !inner.is_written(ws) => {
                    Some((inner.store.clone(), ws.clone(), name.clone()))
                }
                _ => None,
            }
        };
        match held {
            Some((store, ws, name)) => {
                let copy = copy_of(&ws, name, now_ms());
                let _ = lib::save_workspace(store.as_ref(), &copy, now_ms());
            }
            None => self.flush(),
        }
    }
}

/// A copy of `ws` as a new workspace named `name`.
fn copy_of(ws: &Workspace, name: String, now: i64) -> Workspace {
    let mut copy = ws.clone();
    copy.meta.id = new_id("ws");
    copy.meta.name = name;
    copy.meta.created_at = now;
    copy.meta.updated_at = now;
    copy
}

/// What to do about a conflict with another tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Save this tab's version over the other tab's.
    KeepMine,
    /// Open the other tab's version, dropping this tab's changes.
    TakeTheirs,
    /// Save this tab's version as a new workspace, then open the other tab's.
    KeepMineAsCopy,
}

/// Workspace-level operations, provided as a context to the header, menus and banners.
#[derive(Clone)]
pub struct Library {
    /// The store in use.
    pub store: Rc<dyn KeyValueStore>,
    /// Whether it is browser storage (false = memory fallback).
    pub persistent: bool,
    /// The one save path.
    pub saver: Saver,
    /// The open workspace.
    pub handle: WorkspaceHandle,
    /// Notices shown as banners.
    pub notices: UseReducerHandle<Notices>,
    /// The interface language.
    pub i18n: I18n,
    /// The autosave state.
    pub status: SaveStatus,
    /// Bumped whenever the index changes (here or in another tab), so lists re-read it.
    pub index_rev: UseReducerHandle<Revision>,
}

impl PartialEq for Library {
    fn eq(&self, other: &Self) -> bool {
        self.saver == other.saver
            && self.handle == other.handle
            && self.notices == other.notices
            && self.i18n == other.i18n
            && self.status == other.status
            && self.index_rev == other.index_rev
    }
}

impl Library {
    /// Ids and names of the stored workspaces.
    pub fn entries(&self) -> Vec<lib::IndexEntry> {
        lib::read_index(self.store.as_ref())
            .map(|i| i.workspaces)
            .unwrap_or_default()
    }

    /// The index entry of the open workspace (its export record), if it has been saved.
    pub fn current_entry(&self) -> Option<lib::IndexEntry> {
        let id = self.handle.workspace().meta.id.clone();
        lib::read_index(self.store.as_ref())
            .ok()?
            .workspaces
            .into_iter()
            .find(|e| e.id == id)
    }

    fn push_notice(&self, notice: Notice) {
        self.notices.dispatch(NoticeAction::Push(notice));
    }

    fn index_changed(&self) {
        self.index_rev.dispatch(());
    }

    /// Opens a document read from storage (history cleared) and tells the saver.
    fn show_opened(&self, opened: Opened) {
        let (ws, stored, notice) = take_opened(opened);
        if let Some(n) = notice {
            self.push_notice(n);
        }
        self.saver.opened(&ws, stored);
        if stored == StoredCopy::Same {
            self.saver.report_settled();
        }
        self.handle.open(ws);
    }

    /// Writes the open workspace's pending changes; when they cannot be written (storage full,
    /// a conflict waiting for the user), says so and returns false: opening another document now
    /// would lose them.
    fn can_leave(&self) -> bool {
        self.saver.flush();
        let current = self.handle.workspace();
        if self.saver.has_unsaved(&current) {
            self.push_notice(Notice::KeptOpen {
                name: current.meta.name.clone(),
            });
            return false;
        }
        self.notices.dispatch(NoticeAction::Remove(|n| {
            matches!(n, Notice::KeptOpen { .. })
        }));
        true
    }

    /// Saves a new document at once and opens it — for documents that are not in storage yet:
    /// a new empty or demo workspace, a duplicate, or a file imported as a new workspace. When
    /// the save fails the document is still opened, the failure shown, and saving retried with
    /// the next change. Nothing happens (but a notice) while the open workspace has changes that
    /// cannot be saved.
    pub fn adopt_new(&self, ws: Workspace) {
        if !self.can_leave() {
            return;
        }
        let stored = match lib::save_workspace(self.store.as_ref(), &ws, now_ms()) {
            Ok(()) => {
                self.notices.dispatch(NoticeAction::SaveOutcome(None));
                StoredCopy::Same
            }
            Err(e) => {
                self.notices
                    .dispatch(NoticeAction::SaveOutcome(Some(save_problem(
                        self.store.as_ref(),
                        &ws,
                        e,
                    ))));
                StoredCopy::Outdated
            }
        };
        self.saver.opened(&ws, stored);
        if stored == StoredCopy::Same {
            self.saver.report_settled();
        }
        self.handle.open(ws);
        self.index_changed();
    }

    fn set_active(&self, id: &str) {
        if let Ok(mut index) = lib::read_index(self.store.as_ref()) {
            if index.active.as_deref() != Some(id) {
                index.active = Some(id.to_string());
                let _ = lib::write_index(self.store.as_ref(), &index);
            }
        }
    }

    /// Opens another stored workspace (unless the open one has changes that cannot be saved).
    pub fn switch_to(&self, id: &str) {
        if self.handle.workspace().meta.id == id || !self.can_leave() {
            return;
        }
        match lib::open_workspace(self.store.as_ref(), id, now_ms()) {
            Ok(opened) => {
                self.set_active(id);
                self.clear_tab_notices();
                self.show_opened(opened);
            }
            Err(error) => self.push_notice(Notice::OpenFailed {
                id: id.to_string(),
                error,
            }),
        }
    }

    /// Notices about the previously open workspace and other tabs, dropped when switching.
    fn clear_tab_notices(&self) {
        self.notices.dispatch(NoticeAction::Remove(|n| {
            matches!(
                n,
                Notice::UpdatedElsewhere { .. }
                    | Notice::RemovedElsewhere { .. }
                    | Notice::Conflict { .. }
                    | Notice::NewerStored { .. }
            )
        }));
    }

    /// Creates and opens an empty workspace named `name` (already checked).
    pub fn create_empty(&self, name: &str) {
        self.adopt_new(Workspace::empty(&new_id("ws"), name, now_ms()));
    }

    /// Creates and opens a workspace with the demo data.
    pub fn create_demo(&self) {
        self.adopt_new(demo::build(
            &new_id("ws"),
            now_ms(),
            demo_locale(self.i18n.lang),
        ));
    }

    /// Creates and opens a copy of the open workspace.
    pub fn duplicate(&self) {
        let ws = self.handle.workspace();
        let name = self.i18n.tf("ws.copy_name", &[("name", &ws.meta.name)]);
        self.adopt_new(copy_of(&ws, name, now_ms()));
    }

    /// Deletes the open workspace and opens another (a new empty one when none is left).
    pub fn delete_current(&self) {
        let id = self.handle.workspace().meta.id.clone();
        // A save scheduled for the deleted workspace must not bring it back.
        self.saver.discard();
        if let Err(e) = lib::delete_workspace(self.store.as_ref(), &id) {
            self.push_notice(Notice::SaveFailed(e));
            return;
        }
        self.index_changed();
        self.clear_tab_notices();
        let next = self
            .entries()
            .into_iter()
            .map(|e| e.id)
            .find_map(|other| lib::open_workspace(self.store.as_ref(), &other, now_ms()).ok());
        match next {
            Some(opened) => {
                self.set_active(&opened.workspace.meta.id);
                self.show_opened(opened);
            }
            None => self.create_empty(self.i18n.t("ws.default_name")),
        }
    }

    /// Replaces the open workspace's content with fresh demo data (undoable).
    pub fn reset_demo(&self) {
        let demo = demo::build("demo", now_ms(), demo_locale(self.i18n.lang));
        self.handle.edit(Edit::ResetDemo(Box::new(demo)));
    }

    /// Downloads the open workspace as a JSON file and records when it was exported.
    pub fn export(&self) {
        let ws = self.handle.workspace();
        let now = now_ms();
        let text = envelope::to_json(&ws, now);
        let name = envelope::export_file_name(&ws.meta.name, now);
        match files::download_text(&name, "application/json", &text) {
            Ok(()) => {
                // Recorded only for a saved workspace; an unsaved one gets its entry later.
                let _ = lib::mark_exported(self.store.as_ref(), &ws.meta.id, now);
                self.index_changed();
            }
            Err(reason) => self.push_notice(Notice::SaveFailed(StoreError::Failed(reason))),
        }
    }

    /// Hides the export suggestion for the open workspace until another batch of changes.
    pub fn snooze_export_nudge(&self) {
        let id = self.handle.workspace().meta.id.clone();
        let _ = lib::snooze_export_nudge(self.store.as_ref(), &id);
        self.index_changed();
    }

    /// Downloads the text kept under `key` (a preserved copy of damaged stored text): a compact
    /// copy as the JSON it unpacks to (as far as it unpacks), anything else exactly as stored.
    pub fn download_raw(&self, key: &str) {
        let Ok(Some(text)) = self.store.get(key) else {
            return;
        };
        if compact::is_compact(&text) {
            if let Ok(unpacked) = compact::unpack(&text, envelope::MAX_BYTES) {
                let _ = files::download_text(
                    &format!("{key}.json"),
                    "application/json",
                    &unpacked.json,
                );
                return;
            }
        }
        let _ = files::download_text(&format!("{key}.txt"), "text/plain", &text);
    }

    /// Deletes a preserved copy at the user's request, then retries the failed save (the space
    /// may now suffice).
    pub fn delete_preserved(&self, key: &str) {
        if lib::delete_preserved(self.store.as_ref(), key).is_ok() {
            self.retry_save();
        }
    }

    /// Saves the open document as a new workspace (a new id and a "(copy)" name) and opens
    /// that — the way out when its own stored copy may not be overwritten (a newer version wrote
    /// it).
    pub fn save_as_copy(&self) {
        let mine = self.handle.workspace();
        let name = self.i18n.tf("ws.copy_name", &[("name", &mine.meta.name)]);
        let copy = copy_of(&mine, name, now_ms());
        match lib::save_workspace(self.store.as_ref(), &copy, now_ms()) {
            Ok(()) => {
                self.saver.discard();
                self.clear_tab_notices();
                self.notices.dispatch(NoticeAction::SaveOutcome(None));
                self.saver.opened(&copy, StoredCopy::Same);
                self.saver.report_settled();
                self.handle.open(copy);
                self.index_changed();
            }
            Err(e) => self
                .notices
                .dispatch(NoticeAction::SaveOutcome(Some(save_problem(
                    self.store.as_ref(),
                    &copy,
                    e,
                )))),
        }
    }

    /// Tries the failed save again now.
    pub fn retry_save(&self) {
        let current = self.handle.workspace();
        if self.saver.has_unsaved(&current) {
            self.saver.save_now(current);
        }
    }

    /// Stores the interface language.
    pub fn remember_lang(&self, lang: Lang) {
        let _ = self.store.set(KEY_LANG, lang.tag());
    }

    /// Another tab changed `key` to `new_value` (`None`: removed; a `None` key: storage
    /// cleared). A change to the open workspace is taken over when this tab has nothing
    /// unsaved; otherwise autosave pauses and the user chooses (see [`Notice::Conflict`]).
    pub fn on_storage_change(&self, key: Option<&str>, new_value: Option<&str>) {
        if !self.persistent {
            return;
        }
        let current = self.handle.workspace();
        let id = current.meta.id.clone();
        let open_key = lib::workspace_key(&id);
        match key {
            Some(KEY_INDEX) => self.index_changed(),
            Some(k) if k == open_key => match new_value {
                Some(_) => self.theirs_saved(&current),
                None => self.theirs_removed(&current),
            },
            Some(_) => {}
            None => {
                self.index_changed();
                self.theirs_removed(&current);
            }
        }
    }

    fn theirs_removed(&self, current: &Rc<Workspace>) {
        self.saver.forget_written();
        self.push_notice(Notice::RemovedElsewhere {
            name: current.meta.name.clone(),
        });
    }

    fn theirs_saved(&self, current: &Rc<Workspace>) {
        let id = current.meta.id.clone();
        let opened = match lib::open_workspace(self.store.as_ref(), &id, now_ms()) {
            Ok(o) => o,
            Err(OpenError::Missing(_)) => return self.theirs_removed(current),
            Err(OpenError::Load {
                error: error @ envelope::LoadError::NewerVersion { .. },
                preserved_as,
            }) => {
                // A newer version of the app saved it: this tab must not write over it.
                self.saver.forget_written();
                self.push_notice(Notice::OpenFailed {
                    id,
                    error: OpenError::Load {
                        error,
                        preserved_as,
                    },
                });
                return;
            }
            Err(error) => {
                // Unreadable (its text is preserved); this tab's version stays and is saved
                // with the next change.
                self.saver.forget_written();
                self.push_notice(Notice::OpenFailed { id, error });
                return;
            }
        };
        if opened.workspace == **current {
            // Both tabs hold the same document: nothing to take over or to settle.
            if opened.repairs.is_empty() {
                self.saver.in_sync(current.clone());
                self.notices.dispatch(NoticeAction::Remove(|n| {
                    matches!(n, Notice::Conflict { .. })
                }));
            }
            return;
        }
        if self.saver.has_unsaved(current) {
            self.notices.dispatch(NoticeAction::Remove(|n| {
                matches!(n, Notice::UpdatedElsewhere { .. })
            }));
            self.saver.pause(
                &id,
                self.i18n
                    .tf("conflict.copy_name", &[("name", &current.meta.name)]),
            );
            self.push_notice(Notice::Conflict {
                id,
                theirs: opened.workspace.meta.name.clone(),
            });
        } else {
            let notice = Notice::UpdatedElsewhere {
                name: opened.workspace.meta.name.clone(),
                at: now_ms(),
            };
            self.push_notice(notice.clone());
            let notices = self.notices.clone();
            Timeout::new(UPDATED_NOTICE_MS, move || {
                notices.dispatch(NoticeAction::RemoveExact(notice))
            })
            .forget();
            self.show_opened(opened);
        }
    }

    /// Settles a conflict with another tab as the user chose.
    pub fn resolve_conflict(&self, choice: ConflictChoice) {
        let mine = self.handle.workspace();
        let id = mine.meta.id.clone();
        match choice {
            ConflictChoice::KeepMine => {
                self.notices.dispatch(NoticeAction::Remove(|n| {
                    matches!(n, Notice::Conflict { .. })
                }));
                self.saver.save_now(mine);
            }
            ConflictChoice::TakeTheirs => {
                self.notices.dispatch(NoticeAction::Remove(|n| {
                    matches!(n, Notice::Conflict { .. })
                }));
                self.saver.discard();
                self.reopen(&id);
            }
            ConflictChoice::KeepMineAsCopy => {
                let name = self
                    .i18n
                    .tf("conflict.copy_name", &[("name", &mine.meta.name)]);
                let copy = copy_of(&mine, name, now_ms());
                if let Err(e) = lib::save_workspace(self.store.as_ref(), &copy, now_ms()) {
                    // Mine is not kept anywhere yet: stay paused, with the conflict still open.
                    self.push_notice(save_problem(self.store.as_ref(), &copy, e));
                    return;
                }
                self.notices.dispatch(NoticeAction::Remove(|n| {
                    matches!(n, Notice::Conflict { .. })
                }));
                self.saver.discard();
                self.set_active(&id);
                self.index_changed();
                self.reopen(&id);
            }
        }
    }

    /// Opens the stored version of workspace `id` (after taking the other tab's version).
    fn reopen(&self, id: &str) {
        match lib::open_workspace(self.store.as_ref(), id, now_ms()) {
            Ok(opened) => self.show_opened(opened),
            Err(error) => {
                // Theirs is gone or unreadable: keep this tab's version, saved with the next
                // change.
                self.saver.forget_written();
                self.push_notice(Notice::OpenFailed {
                    id: id.to_string(),
                    error,
                });
            }
        }
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

//! The one save path: the debounced autosave, its pause while another tab's change waits for
//! the user, and the flush when the page goes away.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::{new_id, save_problem, Notice, SaveStatus, StoredCopy, AUTOSAVE_DELAY_MS};
use crate::domain::workspace::{Meta, Workspace};
use crate::persist::library::{self as lib, KeyValueStore};
use crate::ui::state::now_ms;

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
    pub(super) fn report_settled(&self) {
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

    /// The document storage was last known to hold for the open workspace — the one this tab
    /// wrote or took over in sync — if any: the common base of a three-way merge with another
    /// tab's version.
    pub fn last_written(&self) -> Option<Rc<Workspace>> {
        self.inner.borrow().written.clone()
    }

    /// Writes what is pending now and tells whether changes remain that storage does not hold
    /// (the save failed, is held by a conflict, or was not possible): the page must not go away
    /// without asking.
    pub fn unsaved_after_flush(&self) -> bool {
        self.flush();
        let inner = self.inner.borrow();
        inner
            .latest
            .as_ref()
            .is_some_and(|ws| !inner.is_written(ws))
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
pub(super) fn copy_of(ws: &Workspace, name: String, now: i64) -> Workspace {
    let mut copy = ws.clone();
    copy.meta.id = new_id("ws");
    copy.meta.name = name;
    copy.meta.created_at = now;
    copy.meta.updated_at = now;
    copy
}

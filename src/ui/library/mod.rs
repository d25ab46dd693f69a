//! The workspaces of this browser as the UI sees them: start-up (which store, which language,
//! which workspace), the one save path (debounced autosave), switching, creating, duplicating,
//! deleting and exporting workspaces, changes made in other tabs, and the notices all of these
//! produce.
//!
//! Storage faults never lose the work: a failed save keeps the document in memory (and the last
//! good copy in storage untouched) and is retried with the next change; a change saved by another
//! tab is taken over only when this tab has nothing unsaved, otherwise the user decides.

mod boot;
mod notices;
mod saver;
mod tabs;

pub use boot::*;
pub use notices::*;
pub use saver::*;
pub use tabs::*;

use std::rc::Rc;

use yew::prelude::*;

use super::i18n::{I18n, Lang};
use super::state::{now_ms, WorkspaceHandle};
use crate::domain::demo;
use crate::domain::edit::Edit;
use crate::domain::workspace::Workspace;
use crate::persist::envelope;
use crate::persist::library::{self as lib, KeyValueStore, Opened, StoreError, KEY_LANG};
use crate::persist::{compact, files};

/// Quiet time after the last change before it is written, in ms.
pub const AUTOSAVE_DELAY_MS: u32 = 400;

/// How long the note that another tab's version was taken over stays, in ms.
pub const UPDATED_NOTICE_MS: u32 = 8_000;

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

    /// Saves `ws` now, outside the autosave, and shows the outcome as the save banner does: a
    /// failure is shown and the document is saved again with the next change.
    pub(super) fn save_reporting(&self, ws: &Workspace) -> StoredCopy {
        match lib::save_workspace(self.store.as_ref(), ws, now_ms()) {
            Ok(()) => {
                self.notices.dispatch(NoticeAction::SaveOutcome(None));
                StoredCopy::Same
            }
            Err(e) => {
                let problem = save_problem(self.store.as_ref(), ws, e);
                self.notices
                    .dispatch(NoticeAction::SaveOutcome(Some(problem)));
                StoredCopy::Outdated
            }
        }
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
        let stored = self.save_reporting(&ws);
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
}

/// The workspace operations.
#[hook]
pub fn use_library() -> Library {
    match use_context::<Library>() {
        Some(l) => l,
        None => panic!("use_library() called outside the App's Library provider"),
    }
}

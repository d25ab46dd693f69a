//! Changes made in other tabs: taking them over, or the conflict the user settles.

use std::rc::Rc;

use gloo::timers::callback::Timeout;

use super::{copy_of, save_problem, Library, Notice, NoticeAction, UPDATED_NOTICE_MS};
use crate::domain::workspace::Workspace;
use crate::persist::envelope;
use crate::persist::library::{self as lib, OpenError, KEY_INDEX};
use crate::ui::state::now_ms;

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

impl Library {
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

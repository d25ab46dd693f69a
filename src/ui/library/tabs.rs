//! Changes made in other tabs: taking them over, or the conflict the user settles.

use std::rc::Rc;

use gloo::timers::callback::Timeout;

use super::{copy_of, save_problem, Library, Notice, NoticeAction, StoredCopy, UPDATED_NOTICE_MS};
use crate::domain::merge::{self, Choices, ThreeWay};
use crate::domain::workspace::Workspace;
use crate::persist::library::{self as lib, OpenError, KEY_INDEX};
use crate::persist::{envelope, validate};
use crate::ui::state::now_ms;

/// What to do about a conflict with another tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Merge the other tab's changes into this tab's (three-way, from the version both started
    /// from) and save the result; records both tabs changed are first shown for a choice.
    KeepMine,
    /// Open the other tab's version, dropping this tab's changes.
    TakeTheirs,
    /// Save this tab's version as a new workspace, then open the other tab's.
    KeepMineAsCopy,
}

/// A three-way merge with another tab's version, waiting for the user's choice on the records
/// both tabs changed.
#[derive(Debug, PartialEq)]
pub struct TabMerge {
    /// This tab's version when the merge was planned.
    pub mine: Rc<Workspace>,
    /// The other tab's version (as stored).
    pub theirs: Rc<Workspace>,
    /// The plan: what differs, the default sides, the records both changed.
    pub plan: ThreeWay,
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
                matches!(n, Notice::UpdatedElsewhere { .. } | Notice::Merged { .. })
            }));
            self.saver.pause(
                &id,
                self.i18n
                    .tf("conflict.copy_name", &[("name", &current.meta.name)]),
            );
            self.push_notice(Notice::Conflict {
                id,
                theirs: opened.workspace.meta.name.clone(),
                review: None,
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
            ConflictChoice::KeepMine => self.keep_mine(),
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

    /// "Keep mine": merges what the other tab saved into this tab's version, from the version
    /// both started from (the one this tab last wrote or took over). When no record was changed
    /// by both, the merge is saved at once; otherwise the conflict notice lists those records for
    /// a choice each (see [`Library::apply_tab_merge`]).
    fn keep_mine(&self) {
        let mine = self.handle.workspace();
        let id = mine.meta.id.clone();
        let theirs = match lib::open_workspace(self.store.as_ref(), &id, now_ms()) {
            Ok(opened) => opened.workspace,
            Err(_) => {
                // Nothing readable to merge with (deleted, damaged, or from a newer version, which
                // the save path refuses to overwrite): save this tab's version as it is.
                self.notices.dispatch(NoticeAction::Remove(|n| {
                    matches!(n, Notice::Conflict { .. })
                }));
                self.saver.save_now(mine);
                return;
            }
        };
        let base = self.saver.last_written();
        let plan = merge::three_way(base.as_deref(), &mine, &theirs);
        if plan.both_changed.is_empty() {
            let choices = plan.choices.clone();
            self.save_merge(&mine, &theirs, &plan, &choices);
        } else {
            self.push_notice(Notice::Conflict {
                id,
                theirs: theirs.meta.name.clone(),
                review: Some(Rc::new(TabMerge {
                    mine,
                    theirs: Rc::new(theirs),
                    plan,
                })),
            });
        }
    }

    /// Applies a reviewed tab merge with the user's `choices` (for the records both tabs
    /// changed). When either version moved on since the review, the merge is planned afresh.
    pub fn apply_tab_merge(&self, review: &TabMerge, choices: &Choices) {
        let mine = self.handle.workspace();
        let stored = lib::open_workspace(self.store.as_ref(), &mine.meta.id, now_ms())
            .ok()
            .map(|o| o.workspace);
        if !Rc::ptr_eq(&mine, &review.mine) || stored.as_ref() != Some(&*review.theirs) {
            self.keep_mine();
            return;
        }
        self.save_merge(&mine, &review.theirs, &review.plan, choices);
    }

    /// Saves the merged version at once and opens it; says how much came from the other tab.
    fn save_merge(&self, mine: &Workspace, theirs: &Workspace, plan: &ThreeWay, choices: &Choices) {
        let merged = merge::merge_three_way(mine, theirs, plan, choices);
        // A record one tab deleted may still be referred to by the other's (an assignment to a
        // customer the other tab removed): the load path's repairs settle that.
        let merged = validate::repair(merged, &mut Vec::new());
        let taken = plan.taken_from_theirs(choices);
        self.notices.dispatch(NoticeAction::Remove(|n| {
            matches!(n, Notice::Conflict { .. })
        }));
        // A failure keeps it here, saved with the next change like any failed save.
        let stored = self.save_reporting(&merged);
        self.push_notice(Notice::Merged {
            name: merged.meta.name.clone(),
            taken,
        });
        self.saver.opened(&merged, stored);
        if stored == StoredCopy::Same {
            self.saver.report_settled();
        }
        self.handle.open(merged);
        self.index_changed();
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

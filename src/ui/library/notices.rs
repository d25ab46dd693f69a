//! What the user is told about storage and loading, and the reducer that keeps the list.

use std::rc::Rc;

use yew::prelude::*;

use super::TabMerge;
use crate::persist::library::{OpenError, Preserved, StorageUsage, StoreError};
use crate::persist::validate::Repair;

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
        /// After "keep mine": the merge waiting for the user's choice on the records both tabs
        /// changed.
        review: Option<Rc<TabMerge>>,
    },
    /// "Keep mine" merged the other tab's changes into this tab's and saved the result.
    Merged {
        /// The workspace's name.
        name: String,
        /// How many records were taken from the other tab.
        taken: usize,
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
                    | Notice::Merged { .. }
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

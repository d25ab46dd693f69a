//! The one state of the open workspace: a reducer with undo and redo (STYLE.md rule 2).
//! `reduce` applies edits through the pure [`crate::domain::edit::apply`]; the clock is passed in
//! with each action.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::edit::{self, Edit, EditError};
use crate::domain::workspace::Workspace;

/// Undo steps kept (the oldest are dropped beyond this).
pub const UNDO_LIMIT: usize = 200;

/// The open workspace and its undo/redo history.
#[derive(Clone, Debug)]
pub struct Session {
    /// The document as it is now.
    pub workspace: Rc<Workspace>,
    past: Vec<Rc<Workspace>>,
    future: Vec<Rc<Workspace>>,
}

/// What can happen to the session.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionAction {
    /// Apply an edit made at `now_ms`.
    Edit {
        /// The edit.
        edit: Edit,
        /// When it was made.
        now_ms: i64,
    },
    /// An edit already applied by [`WorkspaceHandle::try_edit`] to `base`, giving `next`; when
    /// the document is no longer `base` (another edit came first), the edit is applied again to
    /// the document as it is.
    Applied {
        /// The document the edit was applied to.
        base: Rc<Workspace>,
        /// The result.
        next: Rc<Workspace>,
        /// The edit.
        edit: Edit,
        /// When it was made.
        now_ms: i64,
    },
    /// Go back one step.
    Undo,
    /// Go forward one step.
    Redo,
    /// Open another document (switching workspaces); clears the history.
    Open(Rc<Workspace>),
}

impl Session {
    /// A session on `workspace` with an empty history.
    pub fn new(workspace: Workspace) -> Session {
        Session {
            workspace: Rc::new(workspace),
            past: Vec::new(),
            future: Vec::new(),
        }
    }

    /// The session with `next` as the document, the current one one undo step back.
    fn push(&self, next: Rc<Workspace>) -> Rc<Session> {
        let mut past = self.past.clone();
        past.push(self.workspace.clone());
        if past.len() > UNDO_LIMIT {
            past.remove(0);
        }
        Rc::new(Session {
            workspace: next,
            past,
            future: Vec::new(),
        })
    }

    /// Steps that can be undone.
    pub fn undo_depth(&self) -> usize {
        self.past.len()
    }

    /// Steps that can be redone.
    pub fn redo_depth(&self) -> usize {
        self.future.len()
    }
}

/// Sessions compare by identity, not content: comparing two 100k-customer documents on every
/// render would be wasteful, and every change makes a new `Rc`.
impl PartialEq for Session {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.workspace, &other.workspace)
            && self.past.len() == other.past.len()
            && self.future.len() == other.future.len()
    }
}

/// A document compared by identity, for effect and memo dependencies.
#[derive(Clone, Debug)]
pub struct DocRef(pub Rc<Workspace>);

impl PartialEq for DocRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Reducible for Session {
    type Action = SessionAction;

    fn reduce(self: Rc<Self>, action: SessionAction) -> Rc<Self> {
        match action {
            SessionAction::Applied {
                base,
                next,
                edit,
                now_ms,
            } => {
                if Rc::ptr_eq(&base, &self.workspace) {
                    self.push(next)
                } else {
                    self.reduce(SessionAction::Edit { edit, now_ms })
                }
            }
            SessionAction::Edit { edit, now_ms } => {
                match edit::apply(&self.workspace, &edit, now_ms) {
                    Ok(Some(next)) => self.push(Rc::new(next)),
                    // Invalid edits are refused before dispatch by the views (which show why);
                    // here they simply change nothing.
                    Ok(None) | Err(_) => self,
                }
            }
            SessionAction::Undo => {
                let mut past = self.past.clone();
                let Some(prev) = past.pop() else { return self };
                let mut future = self.future.clone();
                future.push(self.workspace.clone());
                Rc::new(Session {
                    workspace: prev,
                    past,
                    future,
                })
            }
            SessionAction::Redo => {
                let mut future = self.future.clone();
                let Some(next) = future.pop() else {
                    return self;
                };
                let mut past = self.past.clone();
                past.push(self.workspace.clone());
                Rc::new(Session {
                    workspace: next,
                    past,
                    future,
                })
            }
            SessionAction::Open(ws) => Rc::new(Session {
                workspace: ws,
                past: Vec::new(),
                future: Vec::new(),
            }),
        }
    }
}

/// The handle views use to read and change the open workspace.
#[derive(Clone, PartialEq)]
pub struct WorkspaceHandle {
    session: UseReducerHandle<Session>,
}

impl WorkspaceHandle {
    /// Wraps the root reducer.
    pub fn new(session: UseReducerHandle<Session>) -> WorkspaceHandle {
        WorkspaceHandle { session }
    }

    /// The open document.
    pub fn workspace(&self) -> Rc<Workspace> {
        self.session.workspace.clone()
    }

    /// Applies an edit now.
    pub fn edit(&self, edit: Edit) {
        self.session.dispatch(SessionAction::Edit {
            edit,
            now_ms: now_ms(),
        });
    }

    /// Applies an edit now, or says why it is refused (the document is then unchanged). The
    /// edit is applied once: the result goes to the reducer as it is.
    pub fn try_edit(&self, edit: Edit) -> Result<(), EditError> {
        let base = self.workspace();
        let now_ms = now_ms();
        if let Some(next) = edit::apply(&base, &edit, now_ms)? {
            self.session.dispatch(SessionAction::Applied {
                base,
                next: Rc::new(next),
                edit,
                now_ms,
            });
        }
        Ok(())
    }

    /// Applies an edit now, or puts why it is refused into `error` for the view to show
    /// (cleared when the edit applies): a refusal is explained, never silently ignored.
    pub fn edit_or_explain(
        &self,
        edit: Edit,
        i18n: &crate::ui::i18n::I18n,
        error: &UseStateHandle<Option<String>>,
    ) {
        error.set(
            self.try_edit(edit)
                .err()
                .map(|e| crate::ui::messages::edit_error_text(i18n, &e)),
        );
    }

    /// Undoes the last edit.
    pub fn undo(&self) {
        self.session.dispatch(SessionAction::Undo);
    }

    /// Redoes the last undone edit.
    pub fn redo(&self) {
        self.session.dispatch(SessionAction::Redo);
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.session.undo_depth() > 0
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.session.redo_depth() > 0
    }

    /// Opens another document, clearing the history.
    pub fn open(&self, ws: Workspace) {
        self.session.dispatch(SessionAction::Open(Rc::new(ws)));
    }
}

/// The open workspace and its named operations.
#[hook]
pub fn use_workspace() -> WorkspaceHandle {
    match use_context::<WorkspaceHandle>() {
        Some(h) => h,
        // Only reachable if a view is rendered outside the App; fail loudly in development.
        None => panic!("use_workspace() called outside the App's WorkspaceHandle provider"),
    }
}

/// The current time in ms since the epoch (the browser clock; 0 natively).
pub fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0)
    }
}

//! The set of workspaces kept in a key-value store (the browser's localStorage, or memory when
//! that is blocked): the keys, the index of workspaces, saving, opening and deleting.
//!
//! Pure: the store is a trait, so all of this is tested natively with [`MemoryStore`].

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::envelope::{self, LoadError, Loaded};
use crate::domain::workspace::Workspace;

/// Namespace of every key; the `v1` changes only if the key layout itself changes.
pub const NAMESPACE: &str = "kam-planner.v1";
/// The index of workspaces and the active one.
pub const KEY_INDEX: &str = "kam-planner.v1.index";
/// The chosen interface language.
pub const KEY_LANG: &str = "kam-planner.v1.lang";
/// Prefix of the key of each workspace document.
pub const WS_PREFIX: &str = "kam-planner.v1.ws.";

/// Key of a workspace document.
pub fn workspace_key(id: &str) -> String {
    format!("{WS_PREFIX}{id}")
}

/// Key a new copy is written to before it replaces the good one.
pub fn temp_key(id: &str) -> String {
    format!("{WS_PREFIX}{id}.tmp")
}

/// Key under which unreadable stored text is preserved.
pub fn corrupt_key(id: &str, now_ms: i64) -> String {
    format!("{WS_PREFIX}{id}.corrupt.{now_ms}")
}

/// A storage failure.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum StoreError {
    /// Storage cannot be used at all (blocked by the browser or the embedding page).
    #[error("browser storage is not available: {0}")]
    Unavailable(String),
    /// The browser's storage quota is used up.
    #[error("browser storage is full: {0}")]
    QuotaExceeded(String),
    /// Any other failure.
    #[error("browser storage failed: {0}")]
    Failed(String),
}

/// A string key-value store such as localStorage.
pub trait KeyValueStore {
    /// The value of `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Sets `key` to `value`.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (no error when absent).
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// All keys.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// A store in memory: the fallback when browser storage is blocked, and the test double.
#[derive(Debug, Default)]
pub struct MemoryStore {
    map: RefCell<BTreeMap<String, String>>,
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.map
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}

/// One workspace in the index.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IndexEntry {
    /// Workspace id.
    pub id: String,
    /// Its name, for the switcher.
    pub name: String,
    /// Its last change, ms since epoch.
    pub updated_at: i64,
}

/// The workspaces in a store and which one is open.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkspaceIndex {
    /// Id of the workspace opened last.
    pub active: Option<String>,
    /// The workspaces, in creation order.
    pub workspaces: Vec<IndexEntry>,
}

impl WorkspaceIndex {
    /// Adds or updates the entry of `ws`.
    pub fn upsert(&mut self, ws: &Workspace) {
        let entry = IndexEntry {
            id: ws.meta.id.clone(),
            name: ws.meta.name.clone(),
            updated_at: ws.meta.updated_at,
        };
        match self.workspaces.iter_mut().find(|e| e.id == entry.id) {
            Some(e) => *e = entry,
            None => self.workspaces.push(entry),
        }
    }

    /// True when a workspace with this id is listed.
    pub fn contains(&self, id: &str) -> bool {
        self.workspaces.iter().any(|e| e.id == id)
    }
}

/// Why a stored workspace could not be opened.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum OpenError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Nothing is stored under that id.
    #[error("no workspace “{0}” is stored")]
    Missing(String),
    /// The stored text could not be loaded; when it was corrupt, the raw text was copied to
    /// `preserved_as` first.
    #[error("{error}")]
    Load {
        /// What the load path said.
        error: LoadError,
        /// Key holding a copy of the unreadable text, if one was made.
        preserved_as: Option<String>,
    },
}

/// Reads the index; when it is missing or unreadable, rebuilds it from the stored workspaces.
pub fn read_index(store: &dyn KeyValueStore) -> Result<WorkspaceIndex, StoreError> {
    if let Some(text) = store.get(KEY_INDEX)? {
        if let Ok(mut index) = serde_json::from_str::<WorkspaceIndex>(&text) {
            // Drop entries whose document is gone (deleted in another tab, cleared by hand).
            let mut kept = Vec::with_capacity(index.workspaces.len());
            for e in index.workspaces {
                if store.get(&workspace_key(&e.id))?.is_some() {
                    kept.push(e);
                }
            }
            index.workspaces = kept;
            return Ok(index);
        }
    }
    rebuild_index(store)
}

fn rebuild_index(store: &dyn KeyValueStore) -> Result<WorkspaceIndex, StoreError> {
    let mut index = WorkspaceIndex::default();
    for key in store.keys()? {
        let Some(id) = key.strip_prefix(WS_PREFIX) else {
            continue;
        };
        if id.contains('.') {
            continue; // temp and corrupt copies
        }
        let Some(text) = store.get(&key)? else {
            continue;
        };
        let name = envelope::load(&text)
            .map(|l| l.workspace.meta.name)
            .unwrap_or_else(|_| id.to_string());
        index.workspaces.push(IndexEntry {
            id: id.to_string(),
            name,
            updated_at: 0,
        });
    }
    Ok(index)
}

/// Writes the index.
pub fn write_index(store: &dyn KeyValueStore, index: &WorkspaceIndex) -> Result<(), StoreError> {
    let text = serde_json::to_string(index).map_err(|e| StoreError::Failed(e.to_string()))?;
    store.set(KEY_INDEX, &text)
}

/// Saves a workspace: the new copy goes to a temporary key first and replaces the stored one only
/// once it is written completely, so a failed write leaves the last good copy untouched. Then the
/// index is updated and the workspace marked active.
pub fn save_workspace(
    store: &dyn KeyValueStore,
    ws: &Workspace,
    now_ms: i64,
) -> Result<(), StoreError> {
    let text = envelope::to_json(ws, now_ms);
    let temp = temp_key(&ws.meta.id);
    store.set(&temp, &text)?;
    if let Err(e) = store.set(&workspace_key(&ws.meta.id), &text) {
        // Free the space the temporary copy took; the good copy is still in place.
        let _ = store.remove(&temp);
        return Err(e);
    }
    store.remove(&temp)?;
    let mut index = read_index(store)?;
    index.upsert(ws);
    index.active = Some(ws.meta.id.clone());
    write_index(store, &index)
}

/// Opens a stored workspace through the load path. Unreadable text is copied to a
/// `.corrupt.<now_ms>` key before the error is returned, so it can never be lost by a later save;
/// a document from a newer version is left exactly as it is.
pub fn open_workspace(
    store: &dyn KeyValueStore,
    id: &str,
    now_ms: i64,
) -> Result<Loaded, OpenError> {
    let text = store
        .get(&workspace_key(id))?
        .ok_or_else(|| OpenError::Missing(id.to_string()))?;
    envelope::load(&text).map_err(|error| {
        let preserved_as = match error {
            LoadError::NewerVersion { .. } => None,
            _ => {
                let key = corrupt_key(id, now_ms);
                store.set(&key, &text).ok().map(|_| key)
            }
        };
        OpenError::Load {
            error,
            preserved_as,
        }
    })
}

/// Removes a workspace and its index entry.
pub fn delete_workspace(store: &dyn KeyValueStore, id: &str) -> Result<(), StoreError> {
    store.remove(&workspace_key(id))?;
    store.remove(&temp_key(id))?;
    let mut index = read_index(store)?;
    index.workspaces.retain(|e| e.id != id);
    if index.active.as_deref() == Some(id) {
        index.active = index.workspaces.first().map(|e| e.id.clone());
    }
    write_index(store, &index)
}

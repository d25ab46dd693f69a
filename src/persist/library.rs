//! The set of workspaces kept in a key-value store (the browser's localStorage, or memory when
//! that is blocked): the keys, the index of workspaces, saving, opening and deleting.
//!
//! Pure: the store is a trait, so all of this is tested natively with [`MemoryStore`].

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use thiserror::Error;

use super::compact;
use super::envelope::{self, LoadError};
use super::validate::Repair;
use crate::domain::workspace::{Workspace, SCHEMA_VERSION};

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
    format!("{}{now_ms}", corrupt_prefix(id))
}

fn corrupt_prefix(id: &str) -> String {
    format!("{WS_PREFIX}{id}.corrupt.")
}

/// The workspace id whose document is stored under `key`, if `key` is a document key (not a
/// temporary or preserved copy, nor the index).
pub fn workspace_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(WS_PREFIX)
        .filter(|id| !id.is_empty() && !id.contains('.'))
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
    /// Copies the value of `from` to `to` exactly as stored; false when `from` is absent. A store
    /// whose values can hold what a Rust string cannot (browser storage keeps lone UTF-16
    /// surrogates) copies without converting, so a preserved copy is the original unit for unit.
    fn copy(&self, from: &str, to: &str) -> Result<bool, StoreError> {
        match self.get(from)? {
            Some(value) => self.set(to, &value).map(|()| true),
            None => Ok(false),
        }
    }
    /// True when both keys are present and hold the same value, compared as stored (see
    /// [`KeyValueStore::copy`]).
    fn same_value(&self, a: &str, b: &str) -> Result<bool, StoreError> {
        Ok(matches!((self.get(a)?, self.get(b)?), (Some(x), Some(y)) if x == y))
    }
}

/// A store in memory: the fallback when browser storage is blocked, and the test double (wrap it
/// to inject faults).
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

/// How many saved changes since the last export make the app suggest exporting.
pub const EXPORT_NUDGE_EVERY: u32 = 20;

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
    /// When it was last exported as a JSON file, ms since epoch (`None`: never).
    pub exported_at: Option<i64>,
    /// Saves of a changed document since the last export.
    pub changes_since_export: u32,
    /// The export suggestion is snoozed until `changes_since_export` reaches this.
    pub nudge_at: u32,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl IndexEntry {
    /// Whether to suggest exporting: at least [`EXPORT_NUDGE_EVERY`] saved changes since the last
    /// export (or ever, when never exported), and not snoozed.
    pub fn wants_export(&self) -> bool {
        self.changes_since_export >= EXPORT_NUDGE_EVERY.max(self.nudge_at)
    }
}

/// The workspaces in a store and which one is open.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkspaceIndex {
    /// Id of the workspace opened last.
    pub active: Option<String>,
    /// The workspaces, in creation order.
    pub workspaces: Vec<IndexEntry>,
    /// Fields written by a newer version, kept as they are.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl WorkspaceIndex {
    /// Adds or updates the entry of `ws`, keeping its export record.
    pub fn upsert(&mut self, ws: &Workspace) {
        self.record_save(ws);
    }

    /// Records a save of `ws`: name and time, and one more change since the last export when the
    /// document changed since the entry was written.
    fn record_save(&mut self, ws: &Workspace) {
        match self.workspaces.iter_mut().find(|e| e.id == ws.meta.id) {
            Some(e) => {
                if e.updated_at != ws.meta.updated_at {
                    e.changes_since_export = e.changes_since_export.saturating_add(1);
                }
                e.name = ws.meta.name.clone();
                e.updated_at = ws.meta.updated_at;
            }
            None => self.workspaces.push(IndexEntry {
                id: ws.meta.id.clone(),
                name: ws.meta.name.clone(),
                updated_at: ws.meta.updated_at,
                ..IndexEntry::default()
            }),
        }
    }

    /// True when a workspace with this id is listed.
    pub fn contains(&self, id: &str) -> bool {
        self.workspaces.iter().any(|e| e.id == id)
    }

    /// The entry of workspace `id`.
    pub fn entry(&self, id: &str) -> Option<&IndexEntry> {
        self.workspaces.iter().find(|e| e.id == id)
    }
}

/// Why a workspace was not saved.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SaveError {
    /// The store failed; the last good copy is unchanged.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The stored copy was written by a newer version of the app and is left as it is.
    #[error("the stored copy was written by a newer version (schema {found}; this version writes {supported}); it was not overwritten")]
    NewerVersionStored {
        /// The stored copy's schema version.
        found: u64,
        /// The version this build writes.
        supported: u32,
    },
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

/// What became of the raw stored text of a workspace opened with repairs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Preserved {
    /// The text loaded without repairs; nothing needed keeping.
    NotNeeded,
    /// The raw text is kept under this key.
    As(String),
    /// The raw text could not be copied; it is still under the workspace's own key, which must
    /// not be overwritten until a copy succeeds (see [`preserve_stored`]).
    Failed(StoreError),
}

/// A workspace opened from the store.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The document, valid and with its references repaired.
    pub workspace: Workspace,
    /// Every repair the load path made; any repair means the stored text was not kept as is.
    pub repairs: Vec<Repair>,
    /// Where the raw text went when there were repairs.
    pub preserved: Preserved,
}

/// Every key in the store, as a set.
fn key_set(store: &dyn KeyValueStore) -> Result<BTreeSet<String>, StoreError> {
    Ok(store.keys()?.into_iter().collect())
}

/// Reads the index; when it is missing or unreadable, rebuilds it from the stored workspaces.
/// Entries whose document is gone are dropped and documents missing from the index are added,
/// so a workspace written while the index could not be is never hidden.
pub fn read_index(store: &dyn KeyValueStore) -> Result<WorkspaceIndex, StoreError> {
    let keys = key_set(store)?;
    let mut index = store
        .get(KEY_INDEX)?
        .and_then(|text| serde_json::from_str::<WorkspaceIndex>(&text).ok())
        .unwrap_or_default();
    // Deleted in another tab, cleared by hand: drop.
    index
        .workspaces
        .retain(|e| keys.contains(&workspace_key(&e.id)));
    // Stored but not listed (a new workspace whose index write failed, or a lost index): add.
    for id in keys.iter().filter_map(|k| workspace_id_of_key(k)) {
        if index.contains(id) {
            continue;
        }
        let Some(text) = store.get(&workspace_key(id))? else {
            continue;
        };
        let (name, updated_at) = peek_meta(&text)
            .filter(|(name, _)| !name.trim().is_empty())
            .unwrap_or_else(|| (id.to_string(), 0));
        index.workspaces.push(IndexEntry {
            id: id.to_string(),
            name,
            updated_at,
            ..IndexEntry::default()
        });
    }
    if let Some(active) = &index.active {
        if !index.contains(active) {
            index.active = None;
        }
    }
    Ok(index)
}

/// The name and last change of a stored document, read without loading it (the index needs no
/// more, and this runs on every read of an index that misses a document).
fn peek_meta(text: &str) -> Option<(String, i64)> {
    #[derive(Deserialize)]
    struct Envelope {
        workspace: Document,
    }
    #[derive(Deserialize)]
    struct Document {
        meta: PeekMeta,
    }
    #[derive(Deserialize, Default)]
    #[serde(default)]
    struct PeekMeta {
        name: String,
        updated_at: i64,
    }
    let unpacked;
    let text = if compact::is_compact(text) {
        unpacked = compact::unpack(text, envelope::MAX_BYTES).ok()?.json;
        unpacked.as_str()
    } else {
        text.strip_prefix('\u{feff}').unwrap_or(text)
    };
    let env: Envelope = serde_json::from_str(text).ok()?;
    Some((env.workspace.meta.name, env.workspace.meta.updated_at))
}

/// Writes the index.
pub fn write_index(store: &dyn KeyValueStore, index: &WorkspaceIndex) -> Result<(), StoreError> {
    let text = serde_json::to_string(index).map_err(|e| StoreError::Failed(e.to_string()))?;
    store.set(KEY_INDEX, &text)
}

/// The `schema_version` of a stored envelope, read without loading the document: at once when
/// the text starts the way this app writes it, otherwise from a full parse (or, for text that
/// does not parse, from the first `"schema_version": n` near its start).
pub fn stored_schema_version(text: &str) -> Option<u64> {
    if compact::is_compact(text) {
        return compact::peek_version(text);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    const OURS: &str = "{\"format\":\"kam-planner\",\"schema_version\":";
    if let Some(rest) = text.strip_prefix(OURS) {
        if let Some(v) = leading_number(rest) {
            return Some(v);
        }
    }
    #[derive(Deserialize)]
    struct Peek {
        schema_version: Option<Value>,
    }
    match serde_json::from_str::<Peek>(text) {
        Ok(p) => p.schema_version.and_then(|v| v.as_u64()),
        Err(_) => {
            let head: String = text.chars().take(2048).collect();
            let at = head.find("\"schema_version\"")?;
            let rest = head[at + "\"schema_version\"".len()..].trim_start();
            leading_number(rest.strip_prefix(':')?.trim_start())
        }
    }
}

fn leading_number(text: &str) -> Option<u64> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Saves a workspace: the new copy goes to a temporary key first and replaces the stored one only
/// once it is written completely, so a failed write leaves the last good copy byte for byte as it
/// was (and no temporary copy behind). A stored copy written by a newer version of the app is
/// never overwritten. Then the index is updated and the workspace marked active.
pub fn save_workspace(
    store: &dyn KeyValueStore,
    ws: &Workspace,
    now_ms: i64,
) -> Result<(), SaveError> {
    let key = workspace_key(&ws.meta.id);
    if let Some(stored) = store.get(&key)? {
        if let Some(found) = stored_schema_version(&stored) {
            if found > u64::from(SCHEMA_VERSION) {
                return Err(SaveError::NewerVersionStored {
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
        }
    }
    // Read before writing, so the new document is not mistaken for one missing from the index.
    let mut index = read_index(store)?;
    let text = envelope::to_stored(ws, now_ms);
    let temp = temp_key(&ws.meta.id);
    if let Err(e) = store.set(&temp, &text) {
        // A failed write stores nothing, but an older temporary copy may be lying there.
        let _ = store.remove(&temp);
        return Err(e.into());
    }
    if let Err(e) = store.set(&key, &text) {
        // Free the space the temporary copy took; the good copy is still in place.
        let _ = store.remove(&temp);
        return Err(e.into());
    }
    // The new copy is in place; a temporary copy left behind is ignored and overwritten later.
    let _ = store.remove(&temp);
    index.record_save(ws);
    index.active = Some(ws.meta.id.clone());
    write_index(store, &index)?;
    Ok(())
}

/// Copies the text stored for workspace `id` to a `.corrupt.<now_ms>` key, unless an identical
/// copy is kept already; returns the key holding it. The copy is made by the store itself
/// ([`KeyValueStore::copy`]), so it is the stored text exactly, even where that text is not
/// valid Unicode.
fn preserve_text(store: &dyn KeyValueStore, id: &str, now_ms: i64) -> Result<String, StoreError> {
    let prefix = corrupt_prefix(id);
    let source = workspace_key(id);
    for key in store.keys()? {
        if key.starts_with(&prefix) && store.same_value(&key, &source)? {
            return Ok(key);
        }
    }
    let mut key = corrupt_key(id, now_ms);
    let mut n = 1;
    while store.get(&key)?.is_some() {
        key = format!("{}-{n}", corrupt_key(id, now_ms));
        n += 1;
    }
    if store.copy(&source, &key)? {
        Ok(key)
    } else {
        Err(StoreError::Failed(format!("{source} is no longer stored")))
    }
}

/// Copies the text now stored for workspace `id` to a `.corrupt.<now_ms>` key (or finds an
/// identical copy); `None` when nothing is stored under `id`.
pub fn preserve_stored(
    store: &dyn KeyValueStore,
    id: &str,
    now_ms: i64,
) -> Result<Option<String>, StoreError> {
    match store.get(&workspace_key(id))? {
        Some(_) => preserve_text(store, id, now_ms).map(Some),
        None => Ok(None),
    }
}

/// Opens a stored workspace through the load path for stored copies
/// ([`envelope::load_stored`]). When the load path had to repair or recover anything, the raw
/// text is copied to a `.corrupt.<now_ms>` key before this returns, so the next save cannot
/// destroy the original. Unreadable text is copied the same way before the error is returned; a
/// document from a newer version is left exactly as it is.
pub fn open_workspace(
    store: &dyn KeyValueStore,
    id: &str,
    now_ms: i64,
) -> Result<Opened, OpenError> {
    let text = store
        .get(&workspace_key(id))?
        .ok_or_else(|| OpenError::Missing(id.to_string()))?;
    match envelope::load_stored(&text) {
        Ok(loaded) => {
            let preserved = if loaded.repairs.is_empty() {
                Preserved::NotNeeded
            } else {
                match preserve_text(store, id, now_ms) {
                    Ok(key) => Preserved::As(key),
                    Err(e) => Preserved::Failed(e),
                }
            };
            Ok(Opened {
                workspace: loaded.workspace,
                repairs: loaded.repairs,
                preserved,
            })
        }
        Err(error) => {
            let preserved_as = match error {
                LoadError::NewerVersion { .. } => None,
                _ => preserve_text(store, id, now_ms).ok(),
            };
            Err(OpenError::Load {
                error,
                preserved_as,
            })
        }
    }
}

/// Removes a workspace and its index entry. Preserved copies of its unreadable text stay until
/// the user deletes them.
pub fn delete_workspace(store: &dyn KeyValueStore, id: &str) -> Result<(), StoreError> {
    store.remove(&workspace_key(id))?;
    store.remove(&temp_key(id))?;
    let mut index = read_index(store)?;
    index.workspaces.retain(|e| e.id != id);
    // `read_index` already dropped an active entry whose document is gone.
    if index.active.is_none() || index.active.as_deref() == Some(id) {
        index.active = index.workspaces.first().map(|e| e.id.clone());
    }
    write_index(store, &index)
}

/// Records that workspace `id` was exported at `now_ms`: the count of unexported changes
/// starts again.
pub fn mark_exported(store: &dyn KeyValueStore, id: &str, now_ms: i64) -> Result<(), StoreError> {
    update_entry(store, id, |e| {
        e.exported_at = Some(now_ms);
        e.changes_since_export = 0;
        e.nudge_at = 0;
    })
}

/// Snoozes the export suggestion for workspace `id` for another [`EXPORT_NUDGE_EVERY`] changes.
pub fn snooze_export_nudge(store: &dyn KeyValueStore, id: &str) -> Result<(), StoreError> {
    update_entry(store, id, |e| {
        e.nudge_at = e.changes_since_export.saturating_add(EXPORT_NUDGE_EVERY);
    })
}

fn update_entry(
    store: &dyn KeyValueStore,
    id: &str,
    change: impl FnOnce(&mut IndexEntry),
) -> Result<(), StoreError> {
    let mut index = read_index(store)?;
    match index.workspaces.iter_mut().find(|e| e.id == id) {
        Some(e) => change(e),
        None => return Ok(()),
    }
    write_index(store, &index)
}

/// The size of a stored string the way browsers count it against the quota: two bytes per
/// UTF-16 code unit.
pub fn stored_size(text: &str) -> usize {
    text.encode_utf16().count() * 2
}

/// A preserved copy of unreadable or repaired stored text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreservedCopy {
    /// Its key.
    pub key: String,
    /// The workspace it belonged to.
    pub workspace_id: String,
    /// Its size in bytes (key and value, as counted against the quota).
    pub bytes: usize,
}

/// What this app keeps in the store, in bytes as counted against the quota.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StorageUsage {
    /// Everything under this app's namespace.
    pub total_bytes: usize,
    /// The stored copy of the workspace asked about (0 when it has none yet).
    pub workspace_bytes: usize,
    /// The preserved copies of unreadable or repaired text, which the user may download and
    /// delete to make room.
    pub preserved: Vec<PreservedCopy>,
    /// Everything else the store holds: other apps of the same site, which count against the
    /// same quota but which this app neither reads nor deletes.
    pub other_bytes: usize,
}

impl StorageUsage {
    /// Bytes taken by the preserved copies.
    pub fn preserved_bytes(&self) -> usize {
        self.preserved.iter().map(|c| c.bytes).sum()
    }
}

/// Measures what this app keeps in the store; `workspace_id` names the workspace whose stored
/// copy is reported on its own.
pub fn storage_usage(
    store: &dyn KeyValueStore,
    workspace_id: &str,
) -> Result<StorageUsage, StoreError> {
    let mut usage = StorageUsage::default();
    let own = workspace_key(workspace_id);
    for key in store.keys()? {
        let Some(text) = store.get(&key)? else {
            continue;
        };
        let bytes = stored_size(&key) + stored_size(&text);
        if !key.starts_with(NAMESPACE) {
            usage.other_bytes += bytes;
            continue;
        }
        usage.total_bytes += bytes;
        if key == own {
            usage.workspace_bytes = bytes;
        }
        if let Some((id, _)) = key
            .strip_prefix(WS_PREFIX)
            .and_then(|rest| rest.split_once(".corrupt."))
        {
            usage.preserved.push(PreservedCopy {
                workspace_id: id.to_string(),
                key,
                bytes,
            });
        }
    }
    Ok(usage)
}

/// Removes a preserved copy (only ever at the user's request). Refuses any other key.
pub fn delete_preserved(store: &dyn KeyValueStore, key: &str) -> Result<(), StoreError> {
    let is_preserved = key
        .strip_prefix(WS_PREFIX)
        .is_some_and(|rest| rest.contains(".corrupt."));
    if !is_preserved {
        return Err(StoreError::Failed(format!("{key} is not a preserved copy")));
    }
    store.remove(key)
}

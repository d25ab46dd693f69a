//! Start-up: which store, which language, which workspace; ids; the notice for a failed save.

use std::rc::Rc;

use super::Notice;
use crate::domain::demo::{self, DemoLocale};
use crate::domain::workspace::Workspace;
use crate::persist::envelope;
use crate::persist::library::{
    self as lib, KeyValueStore, OpenError, Opened, Preserved, SaveError, StoreError, KEY_LANG,
};
use crate::persist::storage;
use crate::ui::i18n::Lang;
use crate::ui::state::now_ms;

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
pub(super) fn take_opened(opened: Opened) -> (Workspace, StoredCopy, Option<Notice>) {
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

/// The language the user chose last (stored), else the browser's.
pub fn preferred_lang(store: &dyn KeyValueStore) -> Lang {
    store
        .get(KEY_LANG)
        .ok()
        .flatten()
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or_else(|| Lang::from_navigator(&navigator_language()))
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
            (Rc::new(crate::ui::modules::memory_store()), false)
        }
    };
    let lang = preferred_lang(store.as_ref());
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
    crate::ui::modules::add_handed_notices(&mut notices, store.as_ref());
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

//! A store that fails on demand, for the storage-fault tests (native and in the browser): a
//! [`MemoryStore`] whose writes can fail with each kind of [`StoreError`] — on the n-th write,
//! on every write, or once the stored total would pass a quota — and whose reads can fail too.

// Each test file uses its own subset.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use kam_planner::persist::library::{stored_size, KeyValueStore, MemoryStore, StoreError};

/// The kind of failure to inject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The quota is used up (`QuotaExceededError`).
    Quota,
    /// Any other failure.
    Failed,
    /// Storage is not available at all.
    Unavailable,
}

impl Fault {
    /// The error this fault produces.
    pub fn error(self) -> StoreError {
        match self {
            Fault::Quota => StoreError::QuotaExceeded("injected: quota".into()),
            Fault::Failed => StoreError::Failed("injected: failure".into()),
            Fault::Unavailable => StoreError::Unavailable("injected: blocked".into()),
        }
    }
}

/// A memory store with injectable faults.
#[derive(Default)]
pub struct FaultyStore {
    inner: MemoryStore,
    /// Writes so far.
    sets: Cell<usize>,
    /// Fail the write with this (1-based) number, once.
    fail_at: RefCell<Option<(usize, Fault)>>,
    /// Fail every write.
    fail_sets: Cell<Option<Fault>>,
    /// Fail every read.
    fail_reads: Cell<Option<Fault>>,
    /// Most bytes (as counted against a browser quota) the store may hold.
    quota: Cell<Option<usize>>,
}

impl FaultyStore {
    /// An empty store without faults.
    pub fn new() -> FaultyStore {
        FaultyStore::default()
    }

    /// The `n`-th write from now (1 = the next) fails with `fault`; the others succeed.
    pub fn fail_nth_set(&self, n: usize, fault: Fault) {
        *self.fail_at.borrow_mut() = Some((self.sets.get() + n, fault));
    }

    /// Every write fails with `fault` until [`FaultyStore::heal`].
    pub fn fail_sets(&self, fault: Fault) {
        self.fail_sets.set(Some(fault));
    }

    /// Every read fails with `fault` until [`FaultyStore::heal`].
    pub fn fail_reads(&self, fault: Fault) {
        self.fail_reads.set(Some(fault));
    }

    /// Writes that would make the store hold more than `bytes` fail with a quota error.
    pub fn set_quota(&self, bytes: Option<usize>) {
        self.quota.set(bytes);
    }

    /// Removes every injected fault (not the quota).
    pub fn heal(&self) {
        *self.fail_at.borrow_mut() = None;
        self.fail_sets.set(None);
        self.fail_reads.set(None);
    }

    /// Every key and value, for byte-for-byte comparisons.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.inner
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|k| self.inner.get(&k).ok().flatten().map(|v| (k, v)))
            .collect()
    }

    /// Bytes held, as counted against a browser quota.
    pub fn used_bytes(&self) -> usize {
        self.snapshot()
            .iter()
            .map(|(k, v)| stored_size(k) + stored_size(v))
            .sum()
    }

    /// Writes attempted so far.
    pub fn set_calls(&self) -> usize {
        self.sets.get()
    }

    /// Writes directly, bypassing every fault (to seed a test).
    pub fn seed(&self, key: &str, value: &str) {
        let _ = self.inner.set(key, value);
    }
}

impl KeyValueStore for FaultyStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if let Some(f) = self.fail_reads.get() {
            return Err(f.error());
        }
        self.inner.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let n = self.sets.get() + 1;
        self.sets.set(n);
        if let Some(f) = self.fail_sets.get() {
            return Err(f.error());
        }
        let once = *self.fail_at.borrow();
        if let Some((at, f)) = once {
            if at == n {
                *self.fail_at.borrow_mut() = None;
                return Err(f.error());
            }
        }
        if let Some(quota) = self.quota.get() {
            let old = self
                .inner
                .get(key)?
                .map_or(0, |v| stored_size(key) + stored_size(&v));
            let after = self.used_bytes() - old + stored_size(key) + stored_size(value);
            if after > quota {
                return Err(Fault::Quota.error());
            }
        }
        self.inner.set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        if let Some(f) = self.fail_reads.get() {
            return Err(f.error());
        }
        self.inner.keys()
    }
}

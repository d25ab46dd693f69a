//! Forward-only migrations of the workspace document.
//!
//! `STEPS[i]` turns a version `i + 1` document into version `i + 2`. Steps are pure functions on
//! JSON values; once shipped a step is never edited, and every change of the document format adds
//! one (with its fixture under `tests/fixtures/`). Version 1 is the first format, so there are no
//! steps yet.

use serde_json::Value;

use super::envelope::LoadError;
use crate::domain::workspace::SCHEMA_VERSION;

/// One migration step: a version `n` document in, a version `n + 1` document out.
pub type Step = fn(Value) -> Result<Value, String>;

/// The steps, in order; `STEPS.len()` is always `SCHEMA_VERSION - 1`.
pub const STEPS: &[Step] = &[];

/// Upgrades a workspace document from `from` to [`SCHEMA_VERSION`].
pub fn to_current(mut doc: Value, from: u64) -> Result<Value, LoadError> {
    let mut version = from;
    while version < u64::from(SCHEMA_VERSION) {
        let step = usize::try_from(version - 1)
            .ok()
            .and_then(|i| STEPS.get(i))
            .ok_or_else(|| LoadError::Migration {
                from: version,
                message: "no migration step is defined".to_string(),
            })?;
        doc = step(doc).map_err(|message| LoadError::Migration {
            from: version,
            message,
        })?;
        version += 1;
    }
    Ok(doc)
}

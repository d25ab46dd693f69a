//! The one load path (STYLE.md rule 4) and the envelope every stored or exported workspace is
//! written in: `{format: "kam-planner", schema_version, app_version, exported_at, workspace}`.
//!
//! `load` checks the format, refuses newer versions, migrates older ones step by step, reads the
//! document leniently (a wrong field falls back to its default and is reported), then repairs and
//! validates it. Storage and imported files both come through here.

use serde::Serialize;
use serde_json::Value;
use thiserror::Error;

use super::compact;
use super::migrate;
use super::read::{self, UnknownFields, ENVELOPE_FIELDS};
use super::salvage;
use super::validate::{self, Repair};
use crate::domain::workspace::{Workspace, SCHEMA_VERSION};

/// The `format` tag of every KAM Planner file.
pub const FORMAT: &str = "kam-planner";

/// The app version written into envelopes.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Largest document accepted, in bytes (100 MiB). A workspace of 100,000 customers with three
/// years of history exports at about 50 MB, so what the app writes it can read back; a bigger
/// file is refused before it is parsed, bounding the memory an import can take.
pub const MAX_BYTES: usize = 100 * 1024 * 1024;

/// Most customers accepted in one workspace.
pub const MAX_CUSTOMERS: usize = 1_000_000;

/// Why a document could not be loaded. Each variant is a distinct situation a user can act on.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum LoadError {
    /// Larger than [`MAX_BYTES`].
    #[error("the file is {bytes} bytes; the limit is {max} bytes")]
    TooLarge {
        /// Size of the document.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// Not valid JSON (or nested deeper than the parser allows).
    #[error("not valid JSON (line {line}, column {column}): {message}")]
    Malformed {
        /// 1-based line of the fault.
        line: usize,
        /// 1-based column of the fault.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// Nested deeper than the parser allows (128 levels).
    #[error("the file is nested more than 128 levels deep")]
    TooDeep,
    /// Valid JSON, but not a KAM Planner document.
    #[error("this is not a KAM Planner file (no \"format\": \"kam-planner\")")]
    WrongFormat,
    /// A KAM Planner document without a usable `schema_version`.
    #[error("the file has no valid schema_version")]
    MissingVersion,
    /// Made by a newer version of the app.
    #[error("made by a newer version of KAM Planner (schema {found}; this version reads up to {supported}); please update")]
    NewerVersion {
        /// The file's version.
        found: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A migration step failed.
    #[error("could not upgrade the file from schema {from}: {message}")]
    Migration {
        /// The version the failing step starts from.
        from: u64,
        /// What went wrong.
        message: String,
    },
    /// A compact stored copy whose packing is damaged.
    #[error("the stored copy is damaged: {0}")]
    Damaged(String),
    /// The envelope has no `workspace` object.
    #[error("the file has no workspace in it")]
    NoWorkspace,
    /// More customers than [`MAX_CUSTOMERS`].
    #[error("the file has {count} customers; the limit is {max}")]
    TooManyCustomers {
        /// Customers in the file.
        count: usize,
        /// The limit.
        max: usize,
    },
}

/// A successfully loaded workspace and what had to be repaired on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The document, valid and with its references repaired.
    pub workspace: Workspace,
    /// Every repair made, for the user to see.
    pub repairs: Vec<Repair>,
    /// The schema version of the text (older ones were migrated).
    pub from_version: u64,
    /// When the file was exported (ms since epoch), if it says.
    pub exported_at: Option<i64>,
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'a str,
    schema_version: u32,
    app_version: &'a str,
    exported_at: i64,
    workspace: &'a Workspace,
}

/// Writes a workspace in the envelope. `exported_at` is ms since epoch.
pub fn to_json(workspace: &Workspace, exported_at: i64) -> String {
    let env = EnvelopeOut {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        app_version: APP_VERSION,
        exported_at,
        workspace,
    };
    // Serialising plain structs with string keys cannot fail; fall back to an empty object
    // rather than panic if it ever did.
    serde_json::to_string(&env).unwrap_or_else(|_| "{}".to_string())
}

/// Loads a workspace from the text of a stored value or an imported file.
pub fn load(text: &str) -> Result<Loaded, LoadError> {
    if text.len() > MAX_BYTES {
        return Err(LoadError::TooLarge {
            bytes: text.len(),
            max: MAX_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(parse_error)?;
    load_value(value, Vec::new())
}

fn parse_error(e: serde_json::Error) -> LoadError {
    if e.to_string().starts_with("recursion limit exceeded") {
        return LoadError::TooDeep;
    }
    LoadError::Malformed {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    }
}

/// The load path from a parsed document on; `repairs` holds what was already repaired.
fn load_value(value: Value, mut repairs: Vec<Repair>) -> Result<Loaded, LoadError> {
    let Value::Object(mut envelope) = value else {
        return Err(LoadError::WrongFormat);
    };
    if envelope.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(LoadError::WrongFormat);
    }
    let version = envelope
        .get("schema_version")
        .and_then(Value::as_u64)
        .filter(|v| *v >= 1)
        .ok_or(LoadError::MissingVersion)?;
    if version > u64::from(SCHEMA_VERSION) {
        return Err(LoadError::NewerVersion {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let exported_at = envelope.get("exported_at").and_then(Value::as_i64);
    let mut unknown = UnknownFields::default();
    unknown.check(&envelope, |k| ENVELOPE_FIELDS.contains(&k), "file");
    let workspace = match envelope.remove("workspace") {
        Some(Value::Object(w)) => w,
        _ => return Err(LoadError::NoWorkspace),
    };
    let (workspace, _) = migrate::to_current(Value::Object(workspace), version)?;
    let workspace = read::read_workspace(workspace, &mut unknown, &mut repairs)?;
    unknown.report(&mut repairs);
    let workspace = validate::repair(workspace, &mut repairs);
    Ok(Loaded {
        workspace,
        repairs,
        from_version: version,
        exported_at,
    })
}

/// Loads a workspace read back from browser storage. Like [`load`], but it recovers what it can
/// from a damaged copy, reporting each recovery as a [`Repair`]:
/// - text cut short (a crash or a full disk during a write): the part up to the last complete
///   record is read ([`Repair::Truncated`]);
/// - no or no valid `schema_version`, or no `format`, on what is otherwise a workspace envelope:
///   read as version 1, the oldest format ([`Repair::VersionAssumed`], [`Repair::FormatAssumed`]).
///
/// A copy from a newer version is never "recovered": it is refused, to be left untouched. Any
/// repair means the stored text differs from what will be saved next, so the caller keeps the raw
/// text before saving.
pub fn load_stored(text: &str) -> Result<Loaded, LoadError> {
    if !compact::is_compact(text) {
        return load_stored_json(text);
    }
    if let Some(found) = compact::peek_version(text).filter(|v| *v > u64::from(SCHEMA_VERSION)) {
        return Err(LoadError::NewerVersion {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    let unpacked =
        compact::unpack(text, MAX_BYTES).map_err(|e| LoadError::Damaged(e.to_string()))?;
    // A stream that broke off gives the beginning of the JSON, which the salvage below reads.
    load_stored_json(&unpacked.json)
}

/// Writes a workspace for browser storage: the envelope in its compact form (see
/// [`compact`]); [`load_stored`] reads it back.
pub fn to_stored(workspace: &Workspace, saved_at: i64) -> String {
    compact::pack(&to_json(workspace, saved_at), SCHEMA_VERSION)
}

fn load_stored_json(text: &str) -> Result<Loaded, LoadError> {
    let error = match load(text) {
        Ok(loaded) => return Ok(loaded),
        Err(e) => e,
    };
    match &error {
        LoadError::Malformed { .. } => {
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            let Some(salvaged) = salvage::salvage_truncated(body) else {
                return Err(error);
            };
            let Ok(value) = serde_json::from_str::<Value>(&salvaged.text) else {
                return Err(error);
            };
            let first = Repair::Truncated {
                kept_bytes: salvaged.kept_bytes,
                total_bytes: body.len(),
            };
            let mut repairs = vec![first];
            let value = assume_envelope(value, &mut repairs);
            // Only a salvage that yields a workspace counts; otherwise the parse error stands.
            load_value(value, repairs).map_err(|_| error)
        }
        LoadError::WrongFormat | LoadError::MissingVersion => {
            let Ok(value) =
                serde_json::from_str::<Value>(text.strip_prefix('\u{feff}').unwrap_or(text))
            else {
                return Err(error);
            };
            let mut repairs = Vec::new();
            let value = assume_envelope(value, &mut repairs);
            if repairs.is_empty() {
                return Err(error);
            }
            load_value(value, repairs).map_err(|_| error)
        }
        _ => Err(error),
    }
}

/// For a stored copy (our own key, so it was meant to be ours): an object with a `workspace`
/// object but no `format` gets the format; one without a usable `schema_version` is read as
/// version 1. A `format` naming something else is left alone.
fn assume_envelope(mut value: Value, repairs: &mut Vec<Repair>) -> Value {
    let Value::Object(envelope) = &mut value else {
        return value;
    };
    if !envelope.get("workspace").is_some_and(Value::is_object) {
        return value;
    }
    if !envelope.contains_key("format") {
        envelope.insert("format".into(), Value::from(FORMAT));
        repairs.push(Repair::FormatAssumed);
    }
    if envelope.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return value;
    }
    let usable = envelope
        .get("schema_version")
        .and_then(Value::as_u64)
        .is_some_and(|v| v >= 1);
    if !usable {
        envelope.insert("schema_version".into(), Value::from(1));
        repairs.push(Repair::VersionAssumed(1));
    }
    value
}

/// The file name of an export: the workspace name (characters that file systems refuse replaced
/// by `_`) and the date, e.g. `示例集团-2026-11-22.kam.json`.
pub fn export_file_name(workspace_name: &str, now_ms: i64) -> String {
    let safe: String = workspace_name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let safe = if safe.is_empty() {
        "workspace".to_string()
    } else {
        safe
    };
    format!(
        "{safe}-{}.kam.json",
        crate::domain::dates::iso_date_from_ms(now_ms)
    )
}

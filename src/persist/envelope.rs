//! The one load path (STYLE.md rule 4) and the envelope every stored or exported workspace is
//! written in: `{format: "kam-planner", schema_version, app_version, exported_at, workspace}`.
//!
//! `load` checks the format, refuses newer versions, migrates older ones step by step, reads the
//! document leniently (a wrong field falls back to its default and is reported), then repairs and
//! validates it. Storage and imported files both come through here.

use std::rc::Rc;

use serde::Serialize;
use serde_json::{Map, Value};
use thiserror::Error;

use super::migrate;
use super::validate::{self, Repair};
use crate::domain::tiering::{Tier, TieringConfig};
use crate::domain::workspace::{Customer, Meta, Workspace, SCHEMA_VERSION};

/// The `format` tag of every KAM Planner file.
pub const FORMAT: &str = "kam-planner";

/// The app version written into envelopes.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Largest document accepted, in bytes (20 MB).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

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
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Malformed {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
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
    let workspace = match envelope.remove("workspace") {
        Some(Value::Object(w)) => w,
        _ => return Err(LoadError::NoWorkspace),
    };
    let workspace = migrate::to_current(Value::Object(workspace), version)?;
    let mut repairs = Vec::new();
    let workspace = read_lenient(workspace, &mut repairs)?;
    let workspace = validate::repair(workspace, &mut repairs);
    Ok(Loaded { workspace, repairs })
}

/// Loads a workspace read back from browser storage. Like [`load`], but it also recovers what it
/// can from a damaged copy (see the recovery notes on each [`Repair`]); any repair means the
/// stored text differs from what will be saved next, so the caller keeps the raw text first.
pub fn load_stored(text: &str) -> Result<Loaded, LoadError> {
    load(text)
}

/// Reads the document section by section so that one bad value costs only that value.
fn read_lenient(value: Value, repairs: &mut Vec<Repair>) -> Result<Workspace, LoadError> {
    let Value::Object(mut doc) = value else {
        return Err(LoadError::NoWorkspace);
    };
    let meta: Meta = match doc.remove("meta") {
        Some(v) => lenient_struct(v, "meta", repairs),
        None => {
            repairs.push(Repair::MissingSection("meta".into()));
            Meta::default()
        }
    };
    let customers = match doc.remove("customers") {
        Some(Value::Array(items)) => {
            if items.len() > MAX_CUSTOMERS {
                return Err(LoadError::TooManyCustomers {
                    count: items.len(),
                    max: MAX_CUSTOMERS,
                });
            }
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                if item.is_object() {
                    out.push(Rc::new(lenient_struct::<Customer>(
                        item,
                        &format!("customers[{i}]"),
                        repairs,
                    )));
                } else {
                    repairs.push(Repair::SkippedCustomer { index: i });
                }
            }
            out
        }
        Some(_) => {
            repairs.push(Repair::WrongType("customers".into()));
            Vec::new()
        }
        None => Vec::new(),
    };
    let tiering = match doc.remove("tiering") {
        Some(v) => read_tiering(v, repairs),
        None => TieringConfig::default(),
    };
    let industry_lines = match doc.remove("industry_lines") {
        Some(v) => serde_json::from_value::<Vec<String>>(v).unwrap_or_else(|_| {
            repairs.push(Repair::WrongType("industry_lines".into()));
            Vec::new()
        }),
        None => Vec::new(),
    };
    Ok(Workspace {
        meta,
        customers,
        tiering,
        industry_lines,
    })
}

fn read_tiering(value: Value, repairs: &mut Vec<Repair>) -> TieringConfig {
    if let Ok(cfg) = serde_json::from_value::<TieringConfig>(value.clone()) {
        return cfg;
    }
    let Value::Object(mut fields) = value else {
        repairs.push(Repair::WrongType("tiering".into()));
        return TieringConfig::default();
    };
    // The tiers are read one by one, so one bad tier does not cost the others.
    let tiers = fields.remove("tiers");
    let mut cfg: TieringConfig = lenient_struct(Value::Object(fields), "tiering", repairs);
    match tiers {
        Some(Value::Array(tiers)) => {
            cfg.tiers = tiers
                .into_iter()
                .enumerate()
                .filter_map(|(i, t)| {
                    let path = format!("tiering.tiers[{i}]");
                    if t.is_object() {
                        Some(lenient_struct::<Tier>(t, &path, repairs))
                    } else {
                        repairs.push(Repair::WrongType(path));
                        None
                    }
                })
                .collect();
        }
        Some(_) => repairs.push(Repair::WrongType("tiering.tiers".into())),
        None => {}
    }
    cfg
}

/// Deserialises an object, dropping (and reporting) each field whose value has the wrong type,
/// so the rest of the record survives with that field at its default.
fn lenient_struct<T>(value: Value, path: &str, repairs: &mut Vec<Repair>) -> T
where
    T: serde::de::DeserializeOwned + Default,
{
    if let Ok(v) = serde_json::from_value::<T>(value.clone()) {
        return v;
    }
    let Value::Object(fields) = value else {
        repairs.push(Repair::WrongType(path.to_string()));
        return T::default();
    };
    let mut kept = Map::new();
    for (key, field) in fields {
        kept.insert(key.clone(), field);
        if serde_json::from_value::<T>(Value::Object(kept.clone())).is_err() {
            kept.remove(&key);
            repairs.push(Repair::WrongType(format!("{path}.{key}")));
        }
    }
    serde_json::from_value::<T>(Value::Object(kept)).unwrap_or_default()
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

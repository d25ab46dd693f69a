//! Embedding in a portal: the page's options (`?embed=1&lang=en&workspace=<id>`), the allowlist of
//! host origins (`embed.json` next to `index.html`, written by whoever deploys `dist/`), and the
//! versioned `postMessage` protocol between the host page and the app. Pure: the browser glue is
//! `ui::embed`.
//!
//! Messages are JSON objects `{ "kam": 1, "type": "kam:…", "id": "…", … }`. From the host:
//! `kam:export` (optional `workspace`), `kam:import` (`envelope`: the export envelope as an object or
//! as text), `kam:navigate` (`route`), `kam:hello` (asks for `kam:ready` again). From the app:
//! `kam:ready` (`version`, `schema_version`, `workspaces`), `kam:export` replies (`envelope`),
//! `kam:import` replies (`status`: `review` when the user is asked, then `applied` with the mode or
//! `cancelled`), `kam:navigate` replies, `kam:changed` after each save (`workspace`, `at`, `saved`;
//! no data) and `kam:error` (`code`, `message`, the request's `id`).

use serde_json::{json, Map, Value};

/// The protocol version (`kam` field).
pub const PROTOCOL_VERSION: u64 = 1;
/// The allowlist's file name, next to `index.html`.
pub const ALLOWLIST_FILE: &str = "embed.json";
/// Longest message accepted, in bytes of its JSON text (an envelope of a large workspace fits).
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;
/// Most origins an allowlist may hold.
pub const MAX_ORIGINS: usize = 100;

/// What the page address asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedOptions {
    /// `embed=1`: compact chrome for a portal frame.
    pub embed: bool,
    /// `lang=zh-CN|en`: the language to show (when valid).
    pub lang: Option<String>,
    /// `workspace=<id>`: open this workspace and hide the switcher.
    pub workspace: Option<String>,
}

/// Decodes `%XX` and `+` of a query value; `None` when the escapes are broken or not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// True for a workspace id the app could have made: 1–100 of `A-Z a-z 0-9 - _`.
pub fn is_valid_workspace_id(id: &str) -> bool {
    (1..=100).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl EmbedOptions {
    /// Reads `location.search` (with or without the leading `?`). Unknown keys, invalid
    /// languages and invalid workspace ids are ignored; `embed` is on for `1`, `true` or `yes`.
    pub fn from_query(search: &str) -> EmbedOptions {
        let mut out = EmbedOptions::default();
        for pair in search.trim_start_matches('?').split('&').take(50) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = percent_decode(value) else {
                continue;
            };
            match key {
                "embed" => out.embed = matches!(value.as_str(), "1" | "true" | "yes"),
                "lang" if matches!(value.as_str(), "zh-CN" | "zh" | "en" | "en-US") => {
                    out.lang = Some(
                        if value.starts_with("zh") {
                            "zh-CN"
                        } else {
                            "en"
                        }
                        .into(),
                    );
                }
                "workspace" if is_valid_workspace_id(&value) => out.workspace = Some(value),
                _ => {}
            }
        }
        out
    }
}

/// The host origins allowed to talk to the app.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Allowlist {
    /// Exact origins (`https://portal.example.com`, `http://localhost:8080`).
    pub origins: Vec<String>,
}

/// Why an allowlist file was refused (the API then stays off).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AllowlistError {
    /// Not JSON, or not `{"origins": [..]}`.
    #[error("embed.json is not {{\"origins\": [\"https://…\"]}}")]
    Shape,
    /// An entry that is not an exact origin.
    #[error("embed.json: \"{0}\" is not an origin such as https://portal.example.com")]
    BadOrigin(String),
    /// More than [`MAX_ORIGINS`] entries.
    #[error("embed.json lists more than {0} origins")]
    TooMany(usize),
}

/// True for an exact origin: `http` or `https`, a host of letters, digits, `.` and `-` (or a
/// bracketed IPv6 address), an optional port, and nothing else — no path, no wildcard, no `null`.
pub fn is_exact_origin(origin: &str) -> bool {
    let rest = match origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
    {
        Some(r) => r,
        None => return false,
    };
    let (host, port) = if let Some(v6) = rest.strip_prefix('[') {
        match v6.split_once(']') {
            Some((h, p))
                if !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit() || b == b':') =>
            {
                (h, p)
            }
            _ => return false,
        }
    } else {
        match rest.find(':') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        }
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && (rest.starts_with('[')
            || host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-'));
    let port_ok = port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|p| (1..=5).contains(&p.len()) && p.parse::<u16>().is_ok_and(|n| n > 0));
    host_ok && port_ok
}

impl Allowlist {
    /// Reads `embed.json`: `{"origins": ["https://portal.example.com", …]}`. An empty list (the
    /// shipped file) keeps the API off. Origins are compared exactly, lower-cased.
    pub fn parse(text: &str) -> Result<Allowlist, AllowlistError> {
        let value: Value = serde_json::from_str(text).map_err(|_| AllowlistError::Shape)?;
        let list = value
            .get("origins")
            .and_then(Value::as_array)
            .ok_or(AllowlistError::Shape)?;
        if list.len() > MAX_ORIGINS {
            return Err(AllowlistError::TooMany(MAX_ORIGINS));
        }
        let mut origins = Vec::new();
        for entry in list {
            let origin = entry.as_str().ok_or(AllowlistError::Shape)?;
            let origin = origin.trim().trim_end_matches('/').to_ascii_lowercase();
            if !is_exact_origin(&origin) {
                return Err(AllowlistError::BadOrigin(origin));
            }
            if !origins.contains(&origin) {
                origins.push(origin);
            }
        }
        Ok(Allowlist { origins })
    }

    /// True when `origin` (as the browser reports it on a message) is listed.
    pub fn allows(&self, origin: &str) -> bool {
        self.origins.iter().any(|o| o == origin)
    }
}

/// A host's request.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// Send `kam:ready` again.
    Hello,
    /// The export envelope of the open workspace, or of the stored workspace `workspace`.
    Export {
        /// A workspace id, or `None` for the open one.
        workspace: Option<String>,
    },
    /// Import this envelope text; the user reviews and confirms inside the app.
    Import {
        /// The envelope as JSON text.
        envelope: String,
    },
    /// Show this route (`tiering`, `#/tiering`).
    Navigate {
        /// The route id.
        route: String,
    },
}

/// Error codes of `kam:error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// The message is not a protocol object (or too large).
    BadMessage,
    /// `kam` is not [`PROTOCOL_VERSION`].
    UnsupportedVersion,
    /// A `type` the app does not know.
    UnknownType,
    /// A field is missing or of the wrong kind.
    BadRequest,
    /// No workspace with that id.
    NotFound,
    /// No such route.
    UnknownRoute,
    /// Another import is waiting for the user.
    Busy,
    /// The envelope did not load (the message says why).
    LoadFailed,
}

impl ErrorCode {
    /// The code as sent.
    pub fn key(self) -> &'static str {
        match self {
            ErrorCode::BadMessage => "bad_message",
            ErrorCode::UnsupportedVersion => "unsupported_version",
            ErrorCode::UnknownType => "unknown_type",
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::NotFound => "not_found",
            ErrorCode::UnknownRoute => "unknown_route",
            ErrorCode::Busy => "busy",
            ErrorCode::LoadFailed => "load_failed",
        }
    }
}

/// A refused request: its id (when it had one), the code and an English message for developers.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    /// The request's id.
    pub id: Option<String>,
    /// What is wrong.
    pub code: ErrorCode,
    /// Details.
    pub message: String,
}

/// The request id, if it is a string or number of at most 100 characters.
fn request_id(obj: &Map<String, Value>) -> Option<String> {
    match obj.get("id") {
        Some(Value::String(s)) if s.chars().count() <= 100 => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads a message from a host, already parsed from the structured clone into JSON (a string
/// message is parsed as JSON text first). Returns the id and request, or the refusal to send.
pub fn parse_request(message: &Value) -> Result<(Option<String>, Request), Refusal> {
    let refuse = |id: Option<String>, code, message: &str| Refusal {
        id,
        code,
        message: message.to_string(),
    };
    let Some(obj) = message.as_object() else {
        return Err(refuse(
            None,
            ErrorCode::BadMessage,
            "a message is a JSON object",
        ));
    };
    let id = request_id(obj);
    match obj.get("kam").and_then(Value::as_u64) {
        Some(PROTOCOL_VERSION) => {}
        Some(_) => {
            return Err(refuse(
                id,
                ErrorCode::UnsupportedVersion,
                "this app speaks protocol version 1",
            ))
        }
        None => return Err(refuse(id, ErrorCode::BadMessage, "\"kam\": 1 is missing")),
    }
    let text = |key: &str| obj.get(key).and_then(Value::as_str).map(str::to_string);
    let request = match obj.get("type").and_then(Value::as_str) {
        Some("kam:hello") => Request::Hello,
        Some("kam:export") => Request::Export {
            workspace: match obj.get("workspace") {
                None | Some(Value::Null) => None,
                Some(Value::String(w)) if is_valid_workspace_id(w) => Some(w.clone()),
                Some(_) => return Err(refuse(id, ErrorCode::BadRequest, "workspace is not an id")),
            },
        },
        Some("kam:import") => Request::Import {
            envelope: match obj.get("envelope") {
                Some(Value::String(s)) => s.clone(),
                Some(v @ Value::Object(_)) => v.to_string(),
                _ => {
                    return Err(refuse(
                        id,
                        ErrorCode::BadRequest,
                        "envelope must be the export envelope (object or JSON text)",
                    ))
                }
            },
        },
        Some("kam:navigate") => match text("route") {
            Some(route) => Request::Navigate {
                route: route.trim_start_matches("#/").to_string(),
            },
            None => return Err(refuse(id, ErrorCode::BadRequest, "route is missing")),
        },
        Some(_) => return Err(refuse(id, ErrorCode::UnknownType, "unknown message type")),
        None => return Err(refuse(id, ErrorCode::BadMessage, "\"type\" is missing")),
    };
    Ok((id, request))
}

/// A message from the app: `{kam: 1, type, id?, ...fields}`.
pub fn message(kind: &str, id: Option<&str>, fields: Value) -> Value {
    let mut out = Map::new();
    out.insert("kam".into(), json!(PROTOCOL_VERSION));
    out.insert("type".into(), json!(kind));
    if let Some(id) = id {
        out.insert("id".into(), json!(id));
    }
    if let Value::Object(extra) = fields {
        for (k, v) in extra {
            out.insert(k, v);
        }
    }
    Value::Object(out)
}

/// The `kam:error` reply to a refusal.
pub fn error_reply(refusal: &Refusal) -> Value {
    message(
        "kam:error",
        refusal.id.as_deref(),
        json!({ "code": refusal.code.key(), "message": refusal.message }),
    )
}

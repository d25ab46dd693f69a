//! Edits of a workspace: the actions the UI reducer applies. Each is a pure function of the old
//! document, the edit and the time of the edit; nothing here reads a clock or storage.

use thiserror::Error;

use super::workspace::Workspace;

/// Longest workspace name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// One change a user makes to the open workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Give the workspace a new name.
    Rename(String),
    /// Change the fiscal year being planned.
    SetFiscalYear(i32),
    /// Change the date used as "today" (`YYYY-MM-DD`).
    SetToday(String),
    /// Replace the content with a freshly built demo, keeping the workspace's id, name and
    /// creation time ("reset demo").
    ResetDemo(Box<Workspace>),
}

/// Why an edit was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EditError {
    /// The name was empty after trimming.
    #[error("the name must not be empty")]
    EmptyName,
    /// The name was longer than [`MAX_NAME_CHARS`].
    #[error("the name is longer than {max} characters")]
    NameTooLong {
        /// The limit.
        max: usize,
    },
    /// The fiscal year was outside 2000–2100.
    #[error("the fiscal year must be between 2000 and 2100, not {0}")]
    FiscalYearOutOfRange(i32),
    /// The date was not a real `YYYY-MM-DD` date.
    #[error("“{0}” is not a date of the form YYYY-MM-DD")]
    BadDate(String),
}

/// Checks a workspace name and returns it trimmed.
pub fn checked_name(name: &str) -> Result<String, EditError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(EditError::NameTooLong {
            max: MAX_NAME_CHARS,
        });
    }
    Ok(name.to_string())
}

/// True when `s` is a real calendar date `YYYY-MM-DD` (leap years respected).
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Applies `edit` at time `now_ms`. `Ok(None)` means the edit changes nothing (so the caller can
/// keep the same document and not record an undo step).
pub fn apply(ws: &Workspace, edit: &Edit, now_ms: i64) -> Result<Option<Workspace>, EditError> {
    let mut next = match edit {
        Edit::Rename(name) => {
            let name = checked_name(name)?;
            if name == ws.meta.name {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.meta.name = name;
            next
        }
        Edit::SetFiscalYear(year) => {
            if !(2000..=2100).contains(year) {
                return Err(EditError::FiscalYearOutOfRange(*year));
            }
            if *year == ws.meta.fiscal_year {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.meta.fiscal_year = *year;
            next
        }
        Edit::SetToday(date) => {
            let date = date.trim();
            if !is_iso_date(date) {
                return Err(EditError::BadDate(date.to_string()));
            }
            if date == ws.meta.today {
                return Ok(None);
            }
            let mut next = ws.clone();
            next.meta.today = date.to_string();
            next
        }
        Edit::ResetDemo(demo) => {
            let mut next = (**demo).clone();
            next.meta.id = ws.meta.id.clone();
            next.meta.name = ws.meta.name.clone();
            next.meta.created_at = ws.meta.created_at;
            next.meta.is_demo = true;
            next
        }
    };
    next.meta.updated_at = now_ms.max(ws.meta.updated_at);
    Ok(Some(next))
}

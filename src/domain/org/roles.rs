//! Editing the roles of the account team and the coverage template (SPEC §3.4): custom roles
//! are added with an id and a name in both languages, renamed, and deleted only when nothing
//! uses them; the built-in AD, AR, SR, FR are never deleted. A template cell takes a
//! non-negative FTE.

use thiserror::Error;

use super::{Involvement, OrgDesign, RoleDef};

/// Longest role id, in characters.
pub const MAX_ROLE_ID_CHARS: usize = 20;

/// What uses a role: it cannot be deleted while any count is above zero.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleUse {
    /// People whose home role it is.
    pub people: usize,
    /// Assignments in the role.
    pub assignments: usize,
    /// Coverage template rows asking for more than 0 FTE of it.
    pub templates: usize,
    /// Purchase stages in which it leads or takes part.
    pub stages: usize,
}

impl RoleUse {
    /// True when nothing uses the role.
    pub fn is_unused(&self) -> bool {
        *self == RoleUse::default()
    }
}

/// What uses `role` in `design`.
pub fn role_use(design: &OrgDesign, role: &str) -> RoleUse {
    RoleUse {
        people: design.people.iter().filter(|p| p.role == role).count(),
        assignments: design.assignments.iter().filter(|a| a.role == role).count(),
        templates: design
            .templates
            .iter()
            .filter(|t| t.fte_of(role) > 0.0)
            .count(),
        stages: design
            .stages
            .iter()
            .filter(|s| s.involvement(role) != Involvement::None)
            .count(),
    }
}

/// Why a role edit was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RoleError {
    /// The id is empty.
    #[error("the role needs an id")]
    MissingId,
    /// The id has characters other than letters, digits, `_` and `-`, or is too long.
    #[error("the id may hold letters, digits, _ and - only, at most 20 characters")]
    BadId,
    /// Another role has this id (compared ignoring case).
    #[error("the id “{0}” is already used")]
    IdTaken(String),
    /// The Chinese or the English name is empty.
    #[error("the role needs a name in both languages")]
    MissingName,
    /// No role has this id.
    #[error("there is no role “{0}”")]
    Unknown(String),
    /// A built-in role cannot be deleted.
    #[error("the built-in role “{0}” cannot be deleted")]
    BuiltIn(String),
    /// The role is still used.
    #[error("the role “{role}” is still used")]
    InUse {
        /// Role id.
        role: String,
        /// What uses it.
        uses: RoleUse,
    },
}

/// `design` with a new custom role (id and names trimmed), after the last role.
pub fn add_role(design: &OrgDesign, id: &str, zh: &str, en: &str) -> Result<OrgDesign, RoleError> {
    let id = id.trim();
    if id.is_empty() {
        return Err(RoleError::MissingId);
    }
    let valid = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if id.chars().count() > MAX_ROLE_ID_CHARS || !id.chars().all(valid) {
        return Err(RoleError::BadId);
    }
    if design.roles.iter().any(|r| r.id.eq_ignore_ascii_case(id)) {
        return Err(RoleError::IdTaken(id.to_string()));
    }
    let (zh, en) = (zh.trim(), en.trim());
    if zh.is_empty() || en.is_empty() {
        return Err(RoleError::MissingName);
    }
    let mut next = design.clone();
    next.roles.push(RoleDef {
        id: id.to_string(),
        name_zh: zh.to_string(),
        name_en: en.to_string(),
        built_in: false,
        ..RoleDef::default()
    });
    Ok(next)
}

/// `design` with the role's names replaced (trimmed; both required). Built-in roles may be
/// renamed too: a company may call its AR 客户经理.
pub fn rename_role(
    design: &OrgDesign,
    id: &str,
    zh: &str,
    en: &str,
) -> Result<OrgDesign, RoleError> {
    let (zh, en) = (zh.trim(), en.trim());
    if zh.is_empty() || en.is_empty() {
        return Err(RoleError::MissingName);
    }
    let mut next = design.clone();
    let role = next
        .roles
        .iter_mut()
        .find(|r| r.id == id)
        .ok_or_else(|| RoleError::Unknown(id.to_string()))?;
    role.name_zh = zh.to_string();
    role.name_en = en.to_string();
    Ok(next)
}

/// `design` without the custom role `id`, refused for a built-in role and for a role that
/// something uses ([`role_use`]). Template entries of 0 FTE and "not involved" stage cells that
/// still name it are dropped with it.
pub fn delete_role(design: &OrgDesign, id: &str) -> Result<OrgDesign, RoleError> {
    let role = design
        .role(id)
        .ok_or_else(|| RoleError::Unknown(id.to_string()))?;
    if role.built_in {
        return Err(RoleError::BuiltIn(id.to_string()));
    }
    let uses = role_use(design, id);
    if !uses.is_unused() {
        return Err(RoleError::InUse {
            role: id.to_string(),
            uses,
        });
    }
    let mut next = design.clone();
    next.roles.retain(|r| r.id != id);
    for row in &mut next.templates {
        row.fte.remove(id);
    }
    for stage in &mut next.stages {
        stage.cells.remove(id);
    }
    Ok(next)
}

/// Why a template figure was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FteError {
    /// Not a number.
    #[error("not a number")]
    NotANumber,
    /// Below zero.
    #[error("must not be negative")]
    Negative,
    /// Above [`MAX_TEMPLATE_FTE`].
    #[error("at most 10 FTE per account")]
    TooLarge,
}

/// Most FTE one role may ask of one account in the template.
pub const MAX_TEMPLATE_FTE: f64 = 10.0;

/// Reads a template figure: a finite number from 0 to [`MAX_TEMPLATE_FTE`]; empty is 0.
pub fn parse_template_fte(text: &str) -> Result<f64, FteError> {
    let text = crate::domain::values::half_width(text);
    let text = text.trim();
    if text.is_empty() {
        return Ok(0.0);
    }
    let value: f64 = text.parse().map_err(|_| FteError::NotANumber)?;
    if !value.is_finite() {
        return Err(FteError::NotANumber);
    }
    if value < 0.0 {
        return Err(FteError::Negative);
    }
    if value > MAX_TEMPLATE_FTE {
        return Err(FteError::TooLarge);
    }
    Ok(value)
}

/// `design` with template row `row` asking `fte` of `role` (0 removes the entry: a role not
/// listed needs 0). Unchanged when no row has that id.
pub fn set_template_fte(design: &OrgDesign, row: &str, role: &str, fte: f64) -> OrgDesign {
    let mut next = design.clone();
    if let Some(r) = next.templates.iter_mut().find(|t| t.id == row) {
        if fte == 0.0 {
            r.fte.remove(role);
        } else {
            r.fte.insert(role.to_string(), fte);
        }
    }
    next
}

//! People import (SPEC §3.4 people, with the customer import's flow of §4): a CSV or .xlsx file
//! read by the same readers ([`super::import::read_table`]: UTF-8 / BOM / UTF-16 / GBK, delimiter
//! sniffing, caps) becomes a preview of people and row errors; nothing changes until the user
//! confirms, and then all valid rows are added at once
//! ([`crate::domain::org::people::add_people`]).
//!
//! Headers are recognised in Chinese and English (姓名 / name, 角色 / 岗位 / role, 职级 / level,
//! 产能 / 投入 / capacity, 来源 / source, 备注 / notes). A role cell may hold the role id (`AR`, or
//! a custom role's id) or its Chinese or English name (客户责任人, Account responsible; either
//! half of a name written `A / B`). Capacities read as [`parse_capacity`] (`1`, `0.5`, `50%`);
//! empty is 1.0. Row numbers are the file's, as a spreadsheet shows them.

use std::collections::HashMap;

use thiserror::Error;

use super::csv_export;
use super::csv_import::{decode_with, read_csv};
use super::import::{
    is_placeholder, read_table_with, sniff_kind, FileKind, ImportError, Table, TextDecoding,
    MAX_IMPORT_BYTES, MAX_TEXT_CHARS,
};
use crate::domain::org::people::{parse_capacity, CapacityError};
use crate::domain::org::{Person, RoleDef};
use crate::domain::values::half_width;

/// How much of a bad value is repeated in an error, in characters.
const ERROR_VALUE_CHARS: usize = 100;
/// How many lines from the top are searched for a header below title lines.
const HEADER_SEARCH_ROWS: usize = 10;

/// The person field a column is imported into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonTarget {
    /// Name (required).
    Name,
    /// Role: id or name (required).
    Role,
    /// Level (职级), free text.
    Level,
    /// Capacity in FTE.
    Capacity,
    /// Where the person came from.
    Source,
    /// Free text.
    Notes,
    /// Not imported.
    Ignore,
}

impl PersonTarget {
    /// Every target, in the order a mapping menu lists them.
    pub const ALL: [PersonTarget; 7] = [
        PersonTarget::Name,
        PersonTarget::Role,
        PersonTarget::Level,
        PersonTarget::Capacity,
        PersonTarget::Source,
        PersonTarget::Notes,
        PersonTarget::Ignore,
    ];

    /// Stable snake_case id (the `Person` field; `ignore`), used for i18n keys and menus.
    pub fn key(self) -> &'static str {
        match self {
            PersonTarget::Name => "name",
            PersonTarget::Role => "role",
            PersonTarget::Level => "level",
            PersonTarget::Capacity => "capacity",
            PersonTarget::Source => "source",
            PersonTarget::Notes => "notes",
            PersonTarget::Ignore => "ignore",
        }
    }

    /// The target whose [`key`](PersonTarget::key) is `key`.
    pub fn from_key(key: &str) -> Option<PersonTarget> {
        PersonTarget::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Known headers, in [`key`] form.
#[rustfmt::skip]
const HEADER_ALIASES: &[(PersonTarget, &[&str])] = &[
    (PersonTarget::Name, &["姓名", "名字", "人员", "员工", "员工姓名", "人员姓名", "name",
        "fullname", "person", "employee", "employeename"]),
    (PersonTarget::Role, &["角色", "岗位", "职位", "铁三角角色", "角色岗位", "role", "position",
        "roleid"]),
    (PersonTarget::Level, &["职级", "级别", "等级", "职等", "level", "grade"]),
    (PersonTarget::Capacity, &["产能", "投入", "可投入", "投入度", "投入比例", "产能fte", "fte",
        "capacity", "capacityfte"]),
    (PersonTarget::Source, &["来源", "兵种来源", "人员来源", "source", "origin"]),
    (PersonTarget::Notes, &["备注", "说明", "notes", "note", "remarks", "comments", "comment"]),
];

/// Reduces a header or a role name to a lookup key: half-width, lower case, no bracketed part,
/// letters and digits only.
fn key(text: &str) -> String {
    let text = half_width(text).to_lowercase();
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' | '【' | '（' => depth += 1,
            ')' | ']' | '】' | '）' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// The field a header names, if it is a known Chinese or English one ("姓名", "Capacity (FTE)").
pub fn target_for_header(header: &str) -> Option<PersonTarget> {
    let k = key(header);
    HEADER_ALIASES
        .iter()
        .find(|(_, aliases)| aliases.contains(&k.as_str()))
        .map(|(t, _)| *t)
}

/// Proposes a field for every header: the first header recognised for a field wins it, later
/// ones and unknown headers are [`PersonTarget::Ignore`].
pub fn detect_mapping(headers: &[String]) -> Vec<PersonTarget> {
    let mut used = Vec::new();
    headers
        .iter()
        .map(|h| match target_for_header(h) {
            Some(t) if !used.contains(&t) => {
                used.push(t);
                t
            }
            _ => PersonTarget::Ignore,
        })
        .collect()
}

/// Reads a people file like [`super::import::read_table`] does, and also finds the header of a CSV below title
/// lines: the shared readers take the first non-blank row as the header unless a later one names
/// a *customer* column, so a people list headed "2026 年客户团队名单" would otherwise get the
/// title as its header. When one of the first lines holds a person-name header (姓名, name) and
/// every line above it is blank or a single cell (no `,` `;` or TAB), those lines are dropped
/// before reading; row numbers still count them, so they match the file. (.xlsx files are read
/// as they are.)
pub fn read_people_table(bytes: &[u8]) -> Result<Table, ImportError> {
    read_people_table_with(bytes, TextDecoding::Strict)
}

/// [`read_people_table`] with the given text decoding (the dialogs' "read anyway" passes
/// [`TextDecoding::Lossy`]).
pub fn read_people_table_with(bytes: &[u8], decoding: TextDecoding) -> Result<Table, ImportError> {
    let is_text = sniff_kind(bytes) == FileKind::Text && bytes.len() <= MAX_IMPORT_BYTES;
    let Some(text) = is_text.then(|| decode_with(bytes, decoding).ok()).flatten() else {
        return read_table_with(bytes, decoding);
    };
    let mut offset = 0;
    for (index, line) in text
        .split_inclusive('\n')
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
    {
        let cells: Vec<&str> = line.trim_end().split([',', ';', '\t']).collect();
        if cells.len() == 1 {
            offset += line.len();
            continue;
        }
        let names_person = cells
            .iter()
            .any(|c| target_for_header(c.trim_matches('"')) == Some(PersonTarget::Name));
        if index == 0 || !names_person {
            break;
        }
        let mut table = read_csv(text[offset..].as_bytes())?;
        for n in &mut table.row_numbers {
            *n += index;
        }
        table.header_row += index;
        return Ok(table);
    }
    read_table_with(bytes, decoding)
}

/// A problem with the mapping as a whole.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum PeopleMappingError {
    /// No column is mapped to the name.
    #[error("no column is mapped to the name")]
    NoNameColumn,
    /// No column is mapped to the role.
    #[error("no column is mapped to the role")]
    NoRoleColumn,
    /// Two columns are mapped to the same field.
    #[error("two columns are mapped to the same field ({})", .0.key())]
    DuplicateTarget(PersonTarget),
}

/// Why one cell made its row invalid. The UI translates by variant; `Display` is English.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum PersonReason {
    /// The name cell is empty.
    #[error("the name is missing")]
    MissingName,
    /// The role cell is empty.
    #[error("the role is missing")]
    MissingRole,
    /// The role cell names no role of the design.
    #[error("unknown role: use AD, AR, SR, FR, another role's id or its name")]
    UnknownRole,
    /// The capacity is not a number.
    #[error("capacity is not a number: write e.g. 1, 0.5 or 50%")]
    CapacityNotANumber,
    /// The capacity is 0, negative or above the maximum.
    #[error("capacity must be more than 0 and at most 1.5 FTE")]
    CapacityOutOfRange,
    /// Text over [`MAX_TEXT_CHARS`] characters.
    #[error("longer than {max} characters")]
    TooLong {
        /// The limit.
        max: usize,
    },
}

/// One bad cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRowError {
    /// 1-based file row.
    pub row: usize,
    /// Header text of the column (trimmed).
    pub column: String,
    /// 0-based column index.
    pub column_index: usize,
    /// The cell's text (trimmed, cut to 100 characters plus "…").
    pub value: String,
    /// What is wrong.
    pub reason: PersonReason,
}

/// What an import would add, computed before anything is applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeoplePreview {
    /// Valid rows as people, with their file row; `id` is "" (ids are given when applying).
    pub people: Vec<(usize, Person)>,
    /// Every error of every invalid row, in row then column order.
    pub errors: Vec<PersonRowError>,
    /// Rows with nothing in any mapped column.
    pub skipped_blank: usize,
}

impl PeoplePreview {
    /// File rows that have at least one error, ascending.
    pub fn invalid_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = self.errors.iter().map(|e| e.row).collect();
        rows.dedup();
        rows
    }
}

/// The id of the role a cell names: a role id (any case) or the role's Chinese or English name,
/// or one half of a name written `A / B`, compared by [`key`].
pub fn resolve_role(roles: &[RoleDef], cell: &str) -> Option<String> {
    let cell = cell.trim();
    if let Some(r) = roles.iter().find(|r| r.id.eq_ignore_ascii_case(cell)) {
        return Some(r.id.clone());
    }
    let k = key(cell);
    if k.is_empty() {
        return None;
    }
    let matches = |name: &str| {
        key(name) == k
            || name
                .split(['/', '／'])
                .any(|part| !key(part).is_empty() && key(part) == k)
    };
    roles
        .iter()
        .find(|r| key(&r.id) == k || matches(&r.name_zh) || matches(&r.name_en))
        .map(|r| r.id.clone())
}

/// Checks that every target but Ignore is used at most once and that name and role columns
/// exist.
fn check_mapping(mapping: &[PersonTarget]) -> Result<(), PeopleMappingError> {
    for (i, t) in mapping.iter().enumerate() {
        if *t != PersonTarget::Ignore && mapping[..i].contains(t) {
            return Err(PeopleMappingError::DuplicateTarget(*t));
        }
    }
    if !mapping.contains(&PersonTarget::Name) {
        return Err(PeopleMappingError::NoNameColumn);
    }
    if !mapping.contains(&PersonTarget::Role) {
        return Err(PeopleMappingError::NoRoleColumn);
    }
    Ok(())
}

/// Turns the rows of `table` into people, column `i` going to `mapping[i]`; roles are looked up
/// in `roles`. A row with any error is left out as a whole; its errors are all listed.
/// Placeholders (`-`, `—`, `N/A`) count as empty; a `'` the app put before `=`/`+`/`-`/`@` is
/// removed.
pub fn build_people(
    table: &Table,
    mapping: &[PersonTarget],
    roles: &[RoleDef],
) -> Result<PeoplePreview, PeopleMappingError> {
    check_mapping(mapping)?;
    let mut preview = PeoplePreview::default();
    for (index, row) in table.rows.iter().enumerate() {
        let mapped = |col: usize| mapping.get(col).is_some_and(|t| *t != PersonTarget::Ignore);
        if row
            .iter()
            .enumerate()
            .all(|(col, c)| !mapped(col) || c.trim().is_empty())
        {
            preview.skipped_blank += 1;
            continue;
        }
        let row_number = table.row_number(index);
        let mut person = Person::default();
        let mut errors = Vec::new();
        for (col, target) in mapping.iter().enumerate() {
            if *target == PersonTarget::Ignore {
                continue;
            }
            let raw = row.get(col).map_or("", |c| c.trim());
            let cell = match csv_export::strip_neutralising_quote(raw) {
                c if is_placeholder(c) => "",
                c => c,
            };
            if let Err(reason) = apply_cell(&mut person, *target, cell, roles) {
                errors.push(PersonRowError {
                    row: row_number,
                    column: table.headers.get(col).map_or("", |h| h.trim()).to_string(),
                    column_index: col,
                    value: shorten(raw),
                    reason,
                });
            }
        }
        if errors.is_empty() {
            preview.people.push((row_number, person));
        } else {
            preview.errors.append(&mut errors);
        }
    }
    Ok(preview)
}

/// Stores one trimmed cell into `person`.
fn apply_cell(
    person: &mut Person,
    target: PersonTarget,
    cell: &str,
    roles: &[RoleDef],
) -> Result<(), PersonReason> {
    if cell.chars().nth(MAX_TEXT_CHARS).is_some() {
        return Err(PersonReason::TooLong {
            max: MAX_TEXT_CHARS,
        });
    }
    match target {
        PersonTarget::Name if cell.is_empty() => return Err(PersonReason::MissingName),
        PersonTarget::Name => person.name = cell.to_string(),
        PersonTarget::Role if cell.is_empty() => return Err(PersonReason::MissingRole),
        PersonTarget::Role => {
            person.role = resolve_role(roles, cell).ok_or(PersonReason::UnknownRole)?;
        }
        PersonTarget::Level => person.level = cell.to_string(),
        PersonTarget::Capacity if cell.is_empty() => person.capacity_fte = 1.0,
        PersonTarget::Capacity => {
            person.capacity_fte = parse_capacity(cell).map_err(|e| match e {
                CapacityError::NotANumber => PersonReason::CapacityNotANumber,
                CapacityError::OutOfRange => PersonReason::CapacityOutOfRange,
            })?;
        }
        PersonTarget::Source => person.source = cell.to_string(),
        PersonTarget::Notes => person.notes = cell.to_string(),
        PersonTarget::Ignore => {}
    }
    Ok(())
}

/// A value for an error message: at most [`ERROR_VALUE_CHARS`] characters, then "…".
fn shorten(value: &str) -> String {
    match value.char_indices().nth(ERROR_VALUE_CHARS) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_string(),
    }
}

/// The invalid rows as a CSV to fix and import again: the original header plus a last column
/// "错误 / error" with each problem as "column: reason", the reason produced by `describe` (the
/// UI passes its translation; `|e| e.reason.to_string()` gives English).
pub fn invalid_people_csv(
    table: &Table,
    preview: &PeoplePreview,
    describe: impl Fn(&PersonRowError) -> String,
) -> String {
    let mut by_row: HashMap<usize, Vec<String>> = HashMap::new();
    for e in &preview.errors {
        by_row
            .entry(e.row)
            .or_default()
            .push(format!("{}: {}", e.column, describe(e)));
    }
    let mut headers = table.headers.clone();
    headers.push("错误 / error".to_string());
    let rows = table.rows.iter().enumerate().filter_map(|(i, row)| {
        let problems = by_row.get(&table.row_number(i))?;
        let mut out = row.clone();
        out.push(problems.join("; "));
        Some(out)
    });
    csv_export::to_csv(&headers, rows)
}

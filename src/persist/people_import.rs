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

use std::sync::OnceLock;

use thiserror::Error;

use super::csv_import::{decode_with, read_csv};
use super::import::rows::{
    invalid_rows_csv_with, parse_rows, shorten, ColumnSummary, MappingProblem, Value,
};
use super::import::schema::{detect, ColumnUse, FieldSpec, TableSpec, ValueKind};
use super::import::{
    header_key, read_table_with, sniff_kind, FileKind, ImportError, ImportReason, RowError, Table,
    TextDecoding, MAX_IMPORT_BYTES,
};
use crate::domain::org::{Person, RoleDef};
use crate::domain::sort::sort_by_key;
use crate::domain::values::half_width;

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

/// The fields of a people table, one per [`PersonTarget`] but Ignore, in [`PersonTarget::ALL`]
/// order.
pub fn people_spec() -> &'static TableSpec {
    static SPEC: OnceLock<TableSpec> = OnceLock::new();
    SPEC.get_or_init(|| {
        use ValueKind::*;
        let f = FieldSpec::new;
        #[rustfmt::skip]
        let fields = vec![
            f("name", "姓名", "Name", Text).required().aliases(&["姓名", "名字", "人员", "员工",
                "员工姓名", "人员姓名", "name", "full name", "person", "employee", "employee name"])
                .examples("赵一", "钱二"),
            f("role", "角色", "Role", Choice).required().aliases(&["角色", "岗位", "职位",
                "铁三角角色", "角色岗位", "role", "position", "role id"]).examples("AR", "SR"),
            f("level", "职级", "Level", Text).aliases(&["职级", "级别", "等级", "职等", "level",
                "grade"]).examples("L3", "L4"),
            f("capacity", "产能（FTE）", "Capacity (FTE)", Capacity).aliases(&["产能", "投入",
                "可投入", "投入度", "投入比例", "产能fte", "fte", "capacity", "capacity fte"])
                .examples("1", "50%"),
            f("source", "来源", "Source", Text).aliases(&["来源", "兵种来源", "人员来源", "source",
                "origin"]).examples("社招", "研发转岗"),
            f("notes", "备注", "Notes", Text).aliases(&["备注", "说明", "notes", "note", "remarks",
                "comments", "comment"]).examples("", "新人"),
        ];
        TableSpec {
            id: "people",
            fields,
            yearly: None,
            label_field: None,
        }
    })
}

/// The target of a field index of [`people_spec`].
fn target_of_field(i: usize) -> PersonTarget {
    PersonTarget::ALL
        .get(i)
        .copied()
        .unwrap_or(PersonTarget::Ignore)
}

/// A mapping of person targets as column uses.
pub fn person_uses(mapping: &[PersonTarget]) -> Vec<ColumnUse> {
    mapping
        .iter()
        .map(|t| match PersonTarget::ALL.iter().position(|x| x == t) {
            Some(i) if *t != PersonTarget::Ignore => ColumnUse::Field(i),
            _ => ColumnUse::Ignore,
        })
        .collect()
}

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
    let k = header_key(header);
    people_spec()
        .fields
        .iter()
        .position(|f| f.aliases.contains(&k))
        .map(target_of_field)
}

/// Proposes a field for every header ([`detect`] with [`people_spec`]).
pub fn detect_mapping(headers: &[String]) -> Vec<PersonTarget> {
    detect(people_spec(), headers)
        .into_iter()
        .map(|g| match g.column_use {
            ColumnUse::Field(i) => target_of_field(i),
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

/// What an import would add, computed before anything is applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeoplePreview {
    /// Valid rows as people, with their file row; `id` is "" (ids are given when applying).
    pub people: Vec<(usize, Person)>,
    /// Every error of every invalid row, in row then column order.
    pub errors: Vec<RowError>,
    /// Rows with nothing in any mapped column.
    pub skipped_blank: usize,
    /// Per column of the table: filled, empty and invalid cells.
    pub columns: Vec<ColumnSummary>,
}

impl PeoplePreview {
    /// File rows that have at least one error, ascending.
    pub fn invalid_rows(&self) -> Vec<usize> {
        crate::persist::import::rows::error_rows(&self.errors)
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

/// Turns the rows of `table` into people, column `i` going to `mapping[i]`; see [`build_people_with`].
pub fn build_people(
    table: &Table,
    mapping: &[PersonTarget],
    roles: &[RoleDef],
) -> Result<PeoplePreview, PeopleMappingError> {
    build_people_with(table, &person_uses(mapping), roles)
}

/// Turns the rows of `table` into people, column `i` going to `uses[i]` (the cell rules of
/// [`parse_rows`]); roles are looked up in `roles` ([`resolve_role`]); an empty capacity is
/// 1 FTE. A row with any error is left out as a whole; its errors are all listed.
pub fn build_people_with(
    table: &Table,
    uses: &[ColumnUse],
    roles: &[RoleDef],
) -> Result<PeoplePreview, PeopleMappingError> {
    let spec = people_spec();
    let parsed = parse_rows(spec, table, uses).map_err(|p| match p {
        MappingProblem::Missing(0) => PeopleMappingError::NoNameColumn,
        MappingProblem::Missing(_) => PeopleMappingError::NoRoleColumn,
        MappingProblem::Twice(ColumnUse::Field(i)) => {
            PeopleMappingError::DuplicateTarget(target_of_field(i))
        }
        MappingProblem::Twice(_) => PeopleMappingError::NoNameColumn,
    })?;
    let role_col = uses.iter().position(|u| *u == ColumnUse::Field(1));
    let mut preview = PeoplePreview {
        skipped_blank: parsed.skipped_blank,
        columns: parsed.columns,
        ..PeoplePreview::default()
    };
    let mut errors = parsed.errors;
    for row in parsed.rows {
        let text = |i: usize| row.values.get(i).map_or("", Value::text).to_string();
        let role_text = text(1);
        let Some(role) = resolve_role(roles, &role_text) else {
            let col = role_col.unwrap_or(0);
            if let Some(s) = preview.columns.get_mut(col) {
                s.errors += 1;
                s.filled = s.filled.saturating_sub(1);
            }
            errors.push(RowError {
                row: row.row,
                column: table.headers.get(col).map_or("", |h| h.trim()).to_string(),
                column_index: col,
                value: shorten(&role_text),
                reason: ImportReason::UnknownRole,
            });
            continue;
        };
        let person = Person {
            name: text(0),
            role,
            level: text(2),
            capacity_fte: row.values.get(3).and_then(Value::number).unwrap_or(1.0),
            source: text(4),
            notes: text(5),
            ..Person::default()
        };
        preview.people.push((row.row, person));
    }
    sort_by_key(&mut errors, |e| (e.row, e.column_index));
    preview.errors = errors;
    Ok(preview)
}

/// The invalid rows as a CSV to fix and import again: the original header plus a last column
/// "错误 / error" with each problem as "column: reason", the reason produced by `describe` (the
/// UI passes its translation; `|e| e.reason.to_string()` gives English).
pub fn invalid_people_csv(
    table: &Table,
    preview: &PeoplePreview,
    describe: impl Fn(&RowError) -> String,
) -> String {
    invalid_rows_csv_with(table, &preview.errors, describe)
}

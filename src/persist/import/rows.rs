//! Reading the rows of a [`Table`] as the fields of a [`TableSpec`]: one pass for every table kind,
//! with a [`RowError`] for each bad cell, totals lines and blank rows skipped, and a summary per
//! column for the wizard's preview.

use std::collections::HashMap;

use super::schema::{ColumnUse, TableSpec, ValueKind};
use super::table::header_key;
use super::{
    csv_export, is_placeholder, parse_amount_in, parse_bool, parse_integer, parse_percent,
    unit_hint, AmountError, AmountUnit, ImportReason, RowError, Table, MAX_TEXT_CHARS,
};
use crate::domain::kpi::import::parse_actual;
use crate::domain::org::people::{parse_capacity, CapacityError};

/// How much of a bad value is repeated in an error message, in characters.
const ERROR_VALUE_CHARS: usize = 100;

/// A cell as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Nothing (or a placeholder such as `-`, `N/A`).
    Empty,
    /// Text, trimmed ([`ValueKind::Text`], [`ValueKind::Choice`]).
    Text(String),
    /// A number: yuan, percentage points, FTE or a plain number.
    Number(f64),
    /// A whole number.
    Whole(u32),
    /// Yes or no.
    Bool(bool),
    /// A list of tags.
    Tags(Vec<String>),
}

impl Value {
    /// The text, or "" for anything else.
    pub fn text(&self) -> &str {
        match self {
            Value::Text(t) => t,
            _ => "",
        }
    }

    /// The number, if this is one.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Number(v) => Some(*v),
            Value::Whole(v) => Some(f64::from(*v)),
            _ => None,
        }
    }
}

/// A row whose cells all read well, before the table kind turns it into a record.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedRow {
    /// 1-based file row.
    pub row: usize,
    /// One value per field of the spec ([`Value::Empty`] for unmapped fields).
    pub values: Vec<Value>,
    /// The [`ColumnUse::Year`] columns: (year, amount), amounts in yuan.
    pub years: Vec<(i32, f64)>,
}

/// Counts for one mapped column of the preview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColumnSummary {
    /// Cells with a value (in the rows read, blank and totals rows excluded).
    pub filled: usize,
    /// Empty cells.
    pub empty: usize,
    /// Cells with an error.
    pub errors: usize,
}

/// A whole-mapping problem: the import cannot start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MappingProblem {
    /// No column for the required field at this index.
    Missing(usize),
    /// Two columns for the field at this index (or for the same year).
    Twice(ColumnUse),
}

/// The rows of a table, read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParsedTable {
    /// Rows without errors.
    pub rows: Vec<ParsedRow>,
    /// Every error of every invalid row, in row then column order.
    pub errors: Vec<RowError>,
    /// Rows with nothing in any mapped column.
    pub skipped_blank: usize,
    /// File rows skipped as totals lines.
    pub skipped_totals: Vec<usize>,
    /// Per column of the table (unmapped columns stay at zero).
    pub columns: Vec<ColumnSummary>,
}

/// Checks a mapping: every field and year at most once, every required field present.
pub fn check_uses(spec: &TableSpec, uses: &[ColumnUse]) -> Result<(), MappingProblem> {
    for (i, u) in uses.iter().enumerate() {
        if *u != ColumnUse::Ignore && uses[..i].contains(u) {
            return Err(MappingProblem::Twice(*u));
        }
    }
    match spec
        .fields
        .iter()
        .enumerate()
        .find(|(i, f)| f.required && !uses.contains(&ColumnUse::Field(*i)))
    {
        Some((i, _)) => Err(MappingProblem::Missing(i)),
        None => Ok(()),
    }
}

/// Names of totals lines, in [`header_key`] form.
const TOTALS_NAMES: &[&str] = &[
    "合计",
    "总计",
    "小计",
    "汇总",
    "total",
    "subtotal",
    "grandtotal",
];

/// Reads every row of `table` with column `i` going to `uses[i]` (missing entries are ignored).
///
/// Rules: text is trimmed and at most [`MAX_TEXT_CHARS`] long; a cell the app wrote as `'=…`
/// (see [`csv_export::neutralise`]) loses that `'`; placeholders ([`is_placeholder`]) are empty.
/// Amounts go through [`parse_amount_in`] with the header's [`unit_hint`]. A required field left
/// empty is an error; a [`crate::persist::import::schema::FieldSpec::unique`] value repeated from
/// an earlier valid row is one too. A row with any error is left out as a whole.
///
/// Skipped without error: rows with nothing in any mapped column, and (when the spec has a
/// [`TableSpec::label_field`]) totals lines — a label of 合计, 总计, 小计, 汇总, total, subtotal,
/// or an empty label with such a word as the row's first text.
pub fn parse_rows(
    spec: &TableSpec,
    table: &Table,
    uses: &[ColumnUse],
) -> Result<ParsedTable, MappingProblem> {
    check_uses(spec, uses)?;
    let units: Vec<AmountUnit> = table.headers.iter().map(|h| unit_hint(h)).collect();
    let mut out = ParsedTable {
        columns: vec![ColumnSummary::default(); table.headers.len()],
        ..ParsedTable::default()
    };
    let label_col = spec
        .label_field
        .and_then(|f| uses.iter().position(|u| *u == ColumnUse::Field(f)));
    let mut first_row_of: HashMap<(usize, String), usize> = HashMap::new();
    let used = |col: usize| uses.get(col).is_some_and(|u| *u != ColumnUse::Ignore);
    for (index, row) in table.rows.iter().enumerate() {
        let row_number = table.row_number(index);
        if row
            .iter()
            .enumerate()
            .all(|(col, c)| !used(col) || c.trim().is_empty())
        {
            out.skipped_blank += 1;
            continue;
        }
        if label_col.is_some_and(|col| is_totals_line(row, col)) {
            out.skipped_totals.push(row_number);
            continue;
        }
        let mut parsed = ParsedRow {
            row: row_number,
            values: vec![Value::Empty; spec.fields.len()],
            years: Vec::new(),
        };
        let mut errors = Vec::new();
        for (col, u) in uses.iter().enumerate() {
            let raw = row.get(col).map_or("", |c| c.trim());
            let cell = match csv_export::strip_neutralising_quote(raw) {
                c if is_placeholder(c) => "",
                c => c,
            };
            let unit = units.get(col).copied().unwrap_or(AmountUnit::Yuan);
            let outcome = match u {
                ColumnUse::Ignore => continue,
                ColumnUse::Year(year) => {
                    read_cell(ValueKind::Amount { negative: false }, cell, unit).map(|v| {
                        if let Some(amount) = v.number() {
                            parsed.years.push((*year, amount));
                        }
                    })
                }
                ColumnUse::Field(f) => match spec.fields.get(*f) {
                    None => continue,
                    Some(field) => read_cell(field.kind, cell, unit).and_then(|v| {
                        if field.required && v == Value::Empty {
                            return Err(ImportReason::Missing);
                        }
                        if field.unique && !cell.is_empty() {
                            if let Some(first) = first_row_of.get(&(*f, cell.to_string())) {
                                return Err(ImportReason::DuplicateId { first_row: *first });
                            }
                        }
                        parsed.values[*f] = v;
                        Ok(())
                    }),
                },
            };
            if let Some(summary) = out.columns.get_mut(col) {
                match (&outcome, cell.is_empty()) {
                    (Err(_), _) => summary.errors += 1,
                    (Ok(()), true) => summary.empty += 1,
                    (Ok(()), false) => summary.filled += 1,
                }
            }
            if let Err(reason) = outcome {
                errors.push(RowError {
                    row: row_number,
                    column: table.headers.get(col).map_or("", |h| h.trim()).to_string(),
                    column_index: col,
                    value: shorten(raw),
                    reason,
                });
            }
        }
        if errors.is_empty() {
            for (f, field) in spec.fields.iter().enumerate() {
                if field.unique {
                    if let Value::Text(t) = &parsed.values[f] {
                        if !t.is_empty() {
                            first_row_of.insert((f, t.clone()), row_number);
                        }
                    }
                }
            }
            out.rows.push(parsed);
        } else {
            out.errors.append(&mut errors);
        }
    }
    Ok(out)
}

/// True for a totals line: its label cell, or when that is empty its first non-empty cell, reads
/// as one of [`TOTALS_NAMES`].
fn is_totals_line(row: &[String], label_col: usize) -> bool {
    let name = row.get(label_col).map_or("", |c| c.trim());
    let label = if name.is_empty() {
        row.iter()
            .map(|c| c.trim())
            .find(|c| !c.is_empty())
            .unwrap_or("")
    } else {
        name
    };
    // Cheap filter first: every totals word has 计, 汇 or a "t"; most company names have none.
    label.len() <= 40
        && label.contains(['计', '汇', 't', 'T'])
        && TOTALS_NAMES.contains(&header_key(label).as_str())
}

/// A value for an error message: at most [`ERROR_VALUE_CHARS`] characters, then "…".
pub(crate) fn shorten(value: &str) -> String {
    match value.char_indices().nth(ERROR_VALUE_CHARS) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_string(),
    }
}

/// Reads one trimmed, non-placeholder cell as `kind` (`unit` scales amounts).
pub fn read_cell(kind: ValueKind, cell: &str, unit: AmountUnit) -> Result<Value, ImportReason> {
    if cell.chars().nth(MAX_TEXT_CHARS).is_some() {
        return Err(ImportReason::TooLong {
            max: MAX_TEXT_CHARS,
        });
    }
    if cell.is_empty() {
        return Ok(match kind {
            ValueKind::Tags => Value::Tags(Vec::new()),
            _ => Value::Empty,
        });
    }
    Ok(match kind {
        ValueKind::Text | ValueKind::Choice => Value::Text(cell.to_string()),
        ValueKind::Amount { negative } => {
            let v = parse_amount_in(cell, unit).map_err(|e| match e {
                AmountError::TooLarge => ImportReason::TooLarge,
                AmountError::Empty | AmountError::Invalid => ImportReason::NotANumber,
            })?;
            if v < 0.0 && !negative {
                return Err(ImportReason::Negative);
            }
            Value::Number(v)
        }
        ValueKind::Percent => Value::Number(parse_percent(cell).map_err(|e| match e {
            AmountError::TooLarge => ImportReason::TooLarge,
            AmountError::Empty | AmountError::Invalid => ImportReason::NotAPercent,
        })?),
        ValueKind::WholeNumber => Value::Whole(match parse_integer(cell) {
            Ok(n) if n < 0 => return Err(ImportReason::Negative),
            Ok(n) => u32::try_from(n).map_err(|_| ImportReason::TooLarge)?,
            Err(AmountError::TooLarge) => return Err(ImportReason::TooLarge),
            Err(_) => return Err(ImportReason::NotAnInteger),
        }),
        ValueKind::YesNo => Value::Bool(parse_bool(cell).ok_or(ImportReason::NotABoolean)?),
        ValueKind::Tags => Value::Tags(split_tags(cell)),
        ValueKind::Capacity => Value::Number(parse_capacity(cell).map_err(|e| match e {
            CapacityError::NotANumber => ImportReason::CapacityNotANumber,
            CapacityError::OutOfRange => ImportReason::CapacityOutOfRange,
        })?),
        ValueKind::Number => Value::Number(parse_actual(cell).ok_or(ImportReason::NotANumber)?),
    })
}

/// Tags split on `,` `;` `、` `|` or a line break (full-width forms too), trimmed, without
/// empties or repeats.
fn split_tags(cell: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in cell.split([',', ';', '、', '|', '\n', '\r', '，', '；', '｜']) {
        let tag = tag.trim();
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    tags
}

/// The file rows with at least one error, ascending (the errors are in row order).
pub fn error_rows(errors: &[RowError]) -> Vec<usize> {
    let mut rows: Vec<usize> = errors.iter().map(|e| e.row).collect();
    rows.dedup();
    rows
}

/// The invalid rows as a CSV the user can download, fix and import again: the original header
/// plus a last column "错误 / error" listing each problem as "column: reason", the reason text
/// produced by `describe` (the UI passes its translation).
pub fn invalid_rows_csv_with(
    table: &Table,
    errors: &[RowError],
    describe: impl Fn(&RowError) -> String,
) -> String {
    let mut by_row: HashMap<usize, Vec<String>> = HashMap::new();
    for e in errors {
        let line = format!("{}: {}", e.column, describe(e));
        by_row.entry(e.row).or_default().push(line);
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

//! The [`Table`] the readers produce, how its header row is found, and how headers are mapped to
//! customer fields.

use super::{
    target_for_header, ImportError, MAX_IMPORT_CELLS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS,
};
use crate::domain::values::half_width;

/// How many non-blank rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 10;

/// A file read as text: what both the CSV and the XLSX reader produce.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Header cells as written in the file (not trimmed).
    pub headers: Vec<String>,
    /// Data rows, each exactly as wide as `headers` (ragged rows are padded with "" or cut).
    pub rows: Vec<Vec<String>>,
    /// For each entry of `rows`, its 1-based row number in the file.
    pub row_numbers: Vec<usize>,
    /// 1-based file row of the header (rows above it, such as a title, are ignored).
    pub header_row: usize,
    /// Non-empty cells right of the header's last column, which are not imported (the dialogs
    /// say so); `None` when there are none.
    pub beyond_header: Option<BeyondHeader>,
}

/// Non-empty cells to the right of the header's last column: counted, and the first one named,
/// so that no value is dropped without a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BeyondHeader {
    /// How many such cells.
    pub cells: usize,
    /// 1-based file row of the first one.
    pub first_row: usize,
    /// 1-based column of the first one.
    pub first_column: usize,
}

impl Table {
    /// A table whose header is file row 1 and whose rows follow without gaps; rows are padded or
    /// cut to the header width.
    pub fn new(headers: Vec<String>, rows: Vec<Vec<String>>) -> Table {
        let width = headers.len();
        let row_numbers = (2..rows.len() + 2).collect();
        let rows = rows.into_iter().map(|r| fit_width(r, width)).collect();
        Table {
            headers,
            rows,
            row_numbers,
            header_row: 1,
            beyond_header: None,
        }
    }

    /// The 1-based file row of data row `index`.
    pub fn row_number(&self, index: usize) -> usize {
        self.row_numbers
            .get(index)
            .copied()
            .unwrap_or(self.header_row + index + 1)
    }
}

/// Adds `cells` cells beyond the header to the table's count.
fn note_beyond(table: &mut Table, row_number: usize, column: usize, cells: usize) {
    if cells == 0 {
        return;
    }
    let note = table.beyond_header.get_or_insert(BeyondHeader {
        cells: 0,
        first_row: row_number,
        first_column: column,
    });
    note.cells = note.cells.saturating_add(cells);
}

/// Pads with "" or cuts `row` to `width` cells.
fn fit_width(mut row: Vec<String>, width: usize) -> Vec<String> {
    row.resize(width, String::new());
    row
}

/// True when every cell is empty or whitespace.
fn is_blank(row: &[String]) -> bool {
    row.iter().all(|c| c.trim().is_empty())
}

/// Collects rows into a [`Table`] for the readers: finds the header, fits rows to its width and
/// enforces the row, column and cell caps as rows arrive, so memory stays bounded.
#[derive(Debug, Default)]
pub(crate) struct TableBuilder {
    /// Rows seen before the header is chosen, with their file row numbers.
    pending: Vec<(usize, Vec<String>)>,
    /// How many of `pending` are not blank.
    pending_non_blank: usize,
    /// Cells held in `pending` (a blank row counts as one), against [`MAX_IMPORT_CELLS`].
    pending_cells: usize,
    /// The table once the header is chosen.
    table: Option<Table>,
}

impl TableBuilder {
    /// The widest row a reader needs to keep whole: the header width once known.
    pub(crate) fn max_fields(&self) -> usize {
        match &self.table {
            Some(t) => t.headers.len(),
            None => MAX_IMPORT_COLUMNS + 1,
        }
    }

    /// Adds file row `row_number`.
    pub(crate) fn push(&mut self, row_number: usize, row: Vec<String>) -> Result<(), ImportError> {
        let Some(table) = &mut self.table else {
            return self.push_pending(row_number, row);
        };
        if table.rows.len() >= MAX_IMPORT_ROWS {
            return Err(ImportError::TooManyRows {
                rows: table.rows.len() + 1,
                max: MAX_IMPORT_ROWS,
            });
        }
        let width = table.headers.len();
        let cells = (table.rows.len() + 1).saturating_mul(width);
        if cells > MAX_IMPORT_CELLS {
            return Err(ImportError::TooManyCells {
                cells,
                max: MAX_IMPORT_CELLS,
            });
        }
        if let Some(col) = row.iter().skip(width).position(|c| !c.trim().is_empty()) {
            let extra = row
                .iter()
                .skip(width)
                .filter(|c| !c.trim().is_empty())
                .count();
            note_beyond(table, row_number, width + col + 1, extra);
        }
        table.rows.push(fit_width(row, width));
        table.row_numbers.push(row_number);
        Ok(())
    }

    /// Records that a reader dropped `cells` non-empty cells of file row `row_number` right of
    /// the header, the first in 1-based column `column` (readers drop them once the header width
    /// is known, see [`TableBuilder::max_fields`]).
    pub(crate) fn note_beyond_header(&mut self, row_number: usize, column: usize, cells: usize) {
        if let Some(table) = &mut self.table {
            note_beyond(table, row_number, column, cells);
        }
    }

    /// Keeps a row while the header is still being searched for.
    fn push_pending(&mut self, row_number: usize, row: Vec<String>) -> Result<(), ImportError> {
        self.pending_cells = self.pending_cells.saturating_add(row.len().max(1));
        if self.pending_cells > MAX_IMPORT_CELLS {
            return Err(ImportError::TooManyCells {
                cells: self.pending_cells,
                max: MAX_IMPORT_CELLS,
            });
        }
        if !is_blank(&row) {
            self.pending_non_blank += 1;
        }
        self.pending.push((row_number, row));
        if self.pending_non_blank >= HEADER_SEARCH_ROWS {
            self.choose_header()?;
        }
        Ok(())
    }

    /// Picks the header among the pending rows: the first non-blank row, or a later row whose
    /// cells name a customer-name column when every row above that is a title line — at most one
    /// non-empty cell, such as "2025年客户清单". The rows after it become data rows; the rows above
    /// it are dropped. (A data row holding a word such as "客户" must not become the header of a
    /// file whose header the user maps by hand: that would drop the rows above it.)
    fn choose_header(&mut self) -> Result<(), ImportError> {
        let pending = std::mem::take(&mut self.pending);
        let names_a_customer = |row: &Vec<String>| {
            row.iter()
                .any(|h| target_for_header(h) == Some(Target::Name))
        };
        let is_title = |row: &Vec<String>| row.iter().filter(|c| !c.trim().is_empty()).count() <= 1;
        let first = pending.iter().position(|(_, row)| !is_blank(row));
        let titled_header = pending
            .iter()
            .position(|(_, row)| !is_title(row) || names_a_customer(row))
            .filter(|&i| names_a_customer(&pending[i].1));
        let at = titled_header.or(first);
        let Some(at) = at else {
            return Ok(());
        };
        let mut rest = pending.into_iter().skip(at);
        let Some((header_row, headers)) = rest.next() else {
            return Ok(());
        };
        if headers.len() > MAX_IMPORT_COLUMNS {
            return Err(ImportError::TooManyColumns {
                row: header_row,
                columns: headers.len(),
                max: MAX_IMPORT_COLUMNS,
            });
        }
        self.table = Some(Table {
            headers,
            header_row,
            ..Table::default()
        });
        for (n, row) in rest {
            self.push(n, row)?;
        }
        Ok(())
    }

    /// The finished table: [`ImportError::Empty`] without a header, [`ImportError::NoDataRows`]
    /// when no non-blank row follows it.
    pub(crate) fn finish(mut self) -> Result<Table, ImportError> {
        if self.table.is_none() {
            self.choose_header()?;
        }
        let table = self.table.ok_or(ImportError::Empty)?;
        if table.rows.iter().all(|r| is_blank(r)) {
            return Err(ImportError::NoDataRows);
        }
        Ok(table)
    }
}

/// The customer field a column is imported into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Target {
    /// Company name (required).
    Name,
    /// Industry (行业).
    Industry,
    /// Industry line (行业线).
    IndustryLine,
    /// Sales region.
    Region,
    /// Annual purchase from us, an amount.
    AnnualPurchase,
    /// Our recognised revenue, an amount (may be negative).
    Revenue,
    /// Gross margin in percent.
    GrossMarginPct,
    /// The customer's total category spend, an amount.
    Wallet,
    /// Growth in percent.
    GrowthPct,
    /// Rank in the industry (1 = largest).
    IndustryRank,
    /// On the named (清单制) list, yes/no.
    OnNamedList,
    /// Repeat purchase (复购), yes/no.
    RepeatPurchase,
    /// Years of cooperation, a whole number.
    YearsOfCooperation,
    /// Tags separated by `,` `;` `、` `|`.
    Tags,
    /// Free text.
    Notes,
    /// The customer's id (kept when present).
    Id,
    /// The account owner: a person's name or id.
    Owner,
    /// Not imported.
    Ignore,
}

impl Target {
    /// Every target, in the order a mapping menu lists them.
    pub const ALL: [Target; 18] = [
        Target::Name,
        Target::Industry,
        Target::IndustryLine,
        Target::Region,
        Target::AnnualPurchase,
        Target::Revenue,
        Target::GrossMarginPct,
        Target::Wallet,
        Target::GrowthPct,
        Target::IndustryRank,
        Target::OnNamedList,
        Target::RepeatPurchase,
        Target::YearsOfCooperation,
        Target::Tags,
        Target::Notes,
        Target::Id,
        Target::Owner,
        Target::Ignore,
    ];

    /// Stable snake_case id (the `Customer` field name; `ignore` for [`Target::Ignore`]); the UI
    /// builds its i18n key from it.
    pub fn key(self) -> &'static str {
        match self {
            Target::Name => "name",
            Target::Industry => "industry",
            Target::IndustryLine => "industry_line",
            Target::Region => "region",
            Target::AnnualPurchase => "annual_purchase",
            Target::Revenue => "revenue",
            Target::GrossMarginPct => "gross_margin_pct",
            Target::Wallet => "wallet",
            Target::GrowthPct => "growth_pct",
            Target::IndustryRank => "industry_rank",
            Target::OnNamedList => "on_named_list",
            Target::RepeatPurchase => "repeat_purchase",
            Target::YearsOfCooperation => "years_of_cooperation",
            Target::Tags => "tags",
            Target::Notes => "notes",
            Target::Id => "id",
            Target::Owner => "owner",
            Target::Ignore => "ignore",
        }
    }

    /// The target whose [`key`](Target::key) is `key`.
    pub fn from_key(key: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.key() == key)
    }

    /// True for the amount columns a header unit hint (万元, …) applies to.
    pub fn is_amount(self) -> bool {
        matches!(
            self,
            Target::AnnualPurchase | Target::Revenue | Target::Wallet
        )
    }
}

/// Words dropped from the end of an English header: units and currencies.
const UNIT_WORDS: &[&str] = &[
    "cny", "rmb", "yuan", "in", "k", "m", "pct", "percent", "thousand",
];
/// Suffixes dropped from the end of a Chinese header.
const UNIT_SUFFIXES: &[&str] = &["百万元", "万元", "亿元", "千元", "百万", "元", "万", "亿"];

/// Reduces a header to a lookup key: lower case, half-width, no bracketed part, no punctuation or
/// spaces, no trailing unit, no leading year.
pub(crate) fn header_key(header: &str) -> String {
    let text = half_width(header).to_lowercase();
    let mut depth = 0usize;
    let mut words: Vec<String> = vec![String::new()];
    for c in text.chars() {
        match c {
            '(' | '[' | '【' | '<' | '《' => depth += 1,
            ')' | ']' | '】' | '>' | '》' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => {
                if let Some(word) = words.last_mut() {
                    word.push(c);
                }
            }
            _ => words.push(String::new()),
        }
    }
    words.retain(|w| !w.is_empty());
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| UNIT_WORDS.contains(&w.as_str()))
    {
        words.pop();
    }
    let mut key = words.concat();
    if let Some(s) = UNIT_SUFFIXES.iter().find_map(|u| key.strip_suffix(u)) {
        if !s.is_empty() {
            key = s.to_string();
        }
    }
    strip_year(&key)
}

/// A key without the year in it: "2025年采购额", "2025年度采购额", "fy2025revenue", "销售额2023"
/// → "采购额", "采购额", "revenue", "销售额". The year names the period, not the field (see
/// [`super::schema::header_year`]). A key that is only a year is kept.
fn strip_year(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let year = chars[start..i].iter().collect::<String>();
        let is_year = i - start == 4
            && year
                .parse::<i32>()
                .is_ok_and(|y| (1990..=2100).contains(&y));
        if !is_year {
            continue;
        }
        let mut from = start;
        if from >= 2 && chars[from - 2..from] == ['f', 'y'] {
            from -= 2;
        }
        let mut to = i;
        if chars.get(to..to + 2) == Some(&['年', '度']) {
            to += 2;
        } else if chars.get(to) == Some(&'年') {
            to += 1;
        }
        let rest: String = chars[..from].iter().chain(&chars[to..]).collect();
        return if rest.is_empty() {
            key.to_string()
        } else {
            rest
        };
    }
    key.to_string()
}

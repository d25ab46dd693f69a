//! Customer import, the format-independent half (SPEC §4 "Customer import").
//!
//! The readers ([`super::csv_import::read_csv`], [`super::xlsx_import::read_xlsx`], or
//! [`read_table`] which picks one by the file's first bytes) turn a file into a [`Table`] of text.
//! [`detect_mapping`] proposes which customer field each column holds; the user may change it.
//! [`build_customers`] then turns the rows into customers and row-level errors — an
//! [`ImportPreview`] — without touching the workspace: the UI applies all valid rows or nothing
//! once the user confirms.
//!
//! Row numbers in messages are 1-based rows *of the file* as a spreadsheet shows them (the header
//! is usually row 1, so the first data row is row 2), so a user can find the cell to fix.
//!
//! Single values are read by [`parse_amount`], [`parse_percent`], [`parse_integer`] and
//! [`parse_bool`], which the UI may also use to validate a cell being edited in the preview.

mod table;

use std::collections::HashMap;

use thiserror::Error;

use super::csv_export;
use crate::domain::workspace::Customer;

pub use crate::domain::values::{
    is_placeholder, parse_amount, parse_amount_in, parse_bool, parse_integer, parse_percent,
    unit_hint, AmountError, AmountUnit, MAX_AMOUNT,
};
use table::header_key;
pub(crate) use table::TableBuilder;
pub use table::{detect_mapping, target_for_header, BeyondHeader, Table, Target};

/// Largest file accepted, in bytes (checked before anything is decoded).
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// Most data rows accepted (blank rows included).
pub const MAX_IMPORT_ROWS: usize = 1_000_000;
/// Most columns a header may have.
pub const MAX_IMPORT_COLUMNS: usize = 1_000;
/// Most cells (data rows × header width) a table may hold; keeps memory bounded in the browser.
pub const MAX_IMPORT_CELLS: usize = 20_000_000;
/// Longest text accepted in one cell, in characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// How much of a bad value is repeated in an error message, in characters.
const ERROR_VALUE_CHARS: usize = 100;

/// A failure that stops a whole file from being read or mapped.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    /// The file is over [`MAX_IMPORT_BYTES`].
    #[error("the file is {bytes} bytes; files up to {max} bytes can be imported")]
    TooLarge {
        /// Size of the file.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// More than [`MAX_IMPORT_ROWS`] data rows (reading stops at the first row over the limit).
    #[error("the file has more than {max} data rows")]
    TooManyRows {
        /// Rows counted when reading stopped.
        rows: usize,
        /// The limit.
        max: usize,
    },
    /// A row (the header or a data row) has more than [`MAX_IMPORT_COLUMNS`] columns, or a
    /// non-empty cell beyond that column.
    #[error("row {row} has {columns} columns; at most {max} are supported")]
    TooManyColumns {
        /// 1-based file row.
        row: usize,
        /// Columns in that row (for a workbook: the column of the cell beyond the limit).
        columns: usize,
        /// The limit.
        max: usize,
    },
    /// Rows × columns exceeds [`MAX_IMPORT_CELLS`].
    #[error("the table has more than {max} cells (rows × columns); split the file")]
    TooManyCells {
        /// Cells counted when reading stopped.
        cells: usize,
        /// The limit.
        max: usize,
    },
    /// An .xlsx whose cell text unpacks to more than `max` bytes (a "zip bomb" or a huge sheet).
    #[error("the workbook unpacks to more than {max} bytes of cell text")]
    UnpackedTooLarge {
        /// The limit.
        max: usize,
    },
    /// The XML parts of an .xlsx declare or inflate to more than
    /// [`super::xlsx_unpack::MAX_INFLATED_BYTES`] bytes together.
    #[error("the workbook unpacks to more than {max} bytes (a zip bomb or a huge sheet); save it as CSV or split it")]
    InflatedTooLarge {
        /// The limit.
        max: u64,
    },
    /// A part of an .xlsx inflates more than `max` times its compressed size.
    #[error("the workbook part {part} is compressed more than {max} : 1 (a zip bomb); save the file as CSV")]
    CompressionRatio {
        /// The part's name in the zip.
        part: String,
        /// The limit.
        max: u64,
    },
    /// A part of an .xlsx does not inflate to the size its header declares.
    #[error("the workbook part {part} declares {declared} bytes but holds a different amount; the file is damaged or forged")]
    SizeMismatch {
        /// The part's name in the zip.
        part: String,
        /// The declared inflated size.
        declared: u64,
    },
    /// An .xlsx entry is encrypted (or the workbook password-protected).
    #[error("the workbook is encrypted; remove the password in Excel, save and try again")]
    Encrypted,
    /// A part of an .xlsx uses a compression method other than stored or deflate.
    #[error("the workbook part {part} uses compression method {method}, which is not supported; save the file again in Excel")]
    UnsupportedCompression {
        /// The part's name in the zip.
        part: String,
        /// The zip method number.
        method: u16,
    },
    /// The zip structure of an .xlsx is damaged; the text says where (English, technical).
    #[error("the workbook is damaged: {0}")]
    BrokenZip(String),
    /// More than [`super::xlsx_unpack::MAX_SHARED_STRINGS`] shared strings.
    #[error("the workbook has more than {max} distinct texts; save it as CSV or split it")]
    TooManySharedStrings {
        /// The limit.
        max: usize,
    },
    /// A shared string longer than [`super::xlsx_unpack::MAX_SHARED_STRING_BYTES`] bytes of XML.
    #[error(
        "a text in the workbook is longer than {max} bytes; shorten it or save the file as CSV"
    )]
    SharedStringTooLong {
        /// The limit.
        max: usize,
    },
    /// A stretch of XML without markup longer than [`super::xlsx_unpack::MAX_TEXT_RUN_BYTES`].
    #[error("the workbook part {part} has a run of more than {max} bytes of text or padding; save the file as CSV")]
    XmlTextTooLong {
        /// The part's name in the zip.
        part: String,
        /// The limit.
        max: usize,
    },
    /// More cell or row elements, empty ones included, than
    /// [`super::xlsx_unpack::MAX_SCANNED_CELLS`] in one part.
    #[error("the sheet has more than {max} cells, empty ones included; delete the unused rows and columns or save it as CSV")]
    TooManyScannedCells {
        /// The limit.
        max: usize,
    },
    /// A part of an .xlsx other than a sheet or the shared strings (styles, theme, workbook,
    /// relationships) with more than [`super::xlsx_unpack::MAX_PART_ELEMENTS`] XML elements.
    #[error("the workbook part {part} has more than {max} XML elements; save the file as CSV")]
    TooManyElements {
        /// The part's name in the zip.
        part: String,
        /// The limit.
        max: usize,
    },
    /// The file is some other kind of file (an image, a PDF, an archive, a program, binary data).
    #[error("this is not a spreadsheet but a {kind} file; choose a CSV or .xlsx file")]
    NotASpreadsheet {
        /// What it looks like: "PNG", "PDF", "binary", …
        kind: &'static str,
    },
    /// Text that is UTF-8 except for a few bytes; can be read with replacement characters
    /// ([`read_table_with`] with [`TextDecoding::Lossy`]).
    #[error("line {line} has bytes that are not valid UTF-8; fix them or read the file with replacement characters")]
    InvalidUtf8 {
        /// 1-based line of the first bad byte.
        line: usize,
    },
    /// No header row: the file is empty or blank.
    #[error("the file is empty: no header row was found")]
    Empty,
    /// A header row but no non-blank data row.
    #[error("the file has a header row but no data rows")]
    NoDataRows,
    /// The bytes are neither UTF-8, UTF-16 nor GBK text.
    #[error("the file is not text in UTF-8, UTF-16 or GBK; save it as CSV UTF-8 and try again")]
    UnreadableEncoding,
    /// An OLE compound file: an Excel 97–2003 .xls workbook or a password-protected .xlsx (Excel
    /// stores those the same way), neither of which can be read.
    #[error("this is an Excel 97-2003 (.xls) workbook or a password-protected .xlsx; save it as .xlsx without a password, or as CSV, and try again")]
    LegacyXls,
    /// The .xlsx could not be read; the text is the reader's own message.
    #[error("the Excel file could not be read: {0}")]
    Xlsx(String),
    /// No column is mapped to [`Target::Name`].
    #[error("no column is mapped to the customer name")]
    NoNameColumn,
    /// Two columns are mapped to the same field.
    #[error("two columns are mapped to the same field ({})", .0.key())]
    DuplicateTarget(Target),
}

/// Why one cell made its row invalid. The UI translates by variant; `Display` is English.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ImportReason {
    /// The name cell is empty.
    #[error("the customer name is missing")]
    MissingName,
    /// Not an amount.
    #[error("not an amount: write e.g. 1,200,000, 120万, 1.2亿 or ¥1.2M")]
    NotANumber,
    /// Not a percentage.
    #[error("not a percentage: write e.g. 35% or 35")]
    NotAPercent,
    /// Not a yes/no value.
    #[error("not yes or no: write 是/否, Y/N, yes/no, true/false, 1/0 or √/×")]
    NotABoolean,
    /// Not a whole number.
    #[error("not a whole number")]
    NotAnInteger,
    /// A negative annual purchase, wallet or years of cooperation.
    #[error("must not be negative")]
    Negative,
    /// Above [`MAX_AMOUNT`] in magnitude (or beyond a whole-number field's range).
    #[error("the number is too large")]
    TooLarge,
    /// Gross margin outside −100 % … 100 %.
    #[error("gross margin must be between -100% and 100%")]
    MarginOutOfRange,
    /// Growth below −100 % (a customer cannot buy less than nothing).
    #[error("growth must not be below -100%")]
    GrowthBelowMinus100,
    /// Industry rank 0.
    #[error("industry rank must be 1 or more")]
    RankBelowOne,
    /// Text over [`MAX_TEXT_CHARS`] characters.
    #[error("longer than {max} characters")]
    TooLong {
        /// The limit.
        max: usize,
    },
    /// The id is already used by an earlier row of the file.
    #[error("the same id is already used in row {first_row}")]
    DuplicateId {
        /// File row of the first use.
        first_row: usize,
    },
}

/// One bad cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// 1-based file row.
    pub row: usize,
    /// Header text of the column (trimmed).
    pub column: String,
    /// 0-based column index, for highlighting the cell in a preview.
    pub column_index: usize,
    /// The cell's text (trimmed; cut to 100 characters plus "…").
    pub value: String,
    /// What is wrong.
    pub reason: ImportReason,
}

/// What an import would do, computed before anything is applied.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPreview {
    /// Valid rows as customers, with their file row. `id` is the file's id or "" (the app assigns
    /// ids to those); `updated_at` is 0 (the app stamps it when applying).
    pub customers: Vec<(usize, Customer)>,
    /// Every error of every invalid row, in row then column order.
    pub errors: Vec<RowError>,
    /// Rows with nothing in any mapped column.
    pub skipped_blank: usize,
    /// File rows skipped as totals lines (name 合计, 总计, 小计, 汇总, total, subtotal, …).
    pub skipped_totals: Vec<usize>,
}

impl ImportPreview {
    /// File rows that have at least one error, ascending.
    pub fn invalid_rows(&self) -> Vec<usize> {
        let mut rows: Vec<usize> = self.errors.iter().map(|e| e.row).collect();
        rows.dedup();
        rows
    }
}

/// Checks that every target but [`Target::Ignore`] is used at most once and that a name column
/// exists.
fn check_mapping(mapping: &[Target]) -> Result<(), ImportError> {
    for (i, t) in mapping.iter().enumerate() {
        if *t != Target::Ignore && mapping[..i].contains(t) {
            return Err(ImportError::DuplicateTarget(*t));
        }
    }
    if mapping.contains(&Target::Name) {
        Ok(())
    } else {
        Err(ImportError::NoNameColumn)
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

/// Turns the rows of `table` into customers, column `i` going to `mapping[i]` (missing entries
/// are ignored). Whole-mapping problems are an [`ImportError`]; cell problems are [`RowError`]s in
/// the preview, and a row with any error is left out as a whole.
///
/// Rules: text is trimmed and at most [`MAX_TEXT_CHARS`] long; a cell the app wrote as `'=…`
/// (see [`csv_export::neutralise`]) loses that `'`; `-`, `—`, `/`, `N/A` ([`is_placeholder`])
/// count as empty in every field. Name is required. Amounts go through [`parse_amount_in`] with
/// the column's [`unit_hint`]; annual purchase and wallet must not be negative, revenue may be
/// (concentration analytics counts such rows). An empty amount is 0 (annual purchase, revenue) or
/// unknown (wallet). Gross margin is within −100 … 100 %, growth at least −100 %, industry rank a
/// whole number ≥ 1, years of cooperation a whole number ≥ 0, booleans as [`parse_bool`] (empty =
/// no). Ids: the Id column's text when present and non-empty, else "" for the app to assign; an id
/// repeated from an earlier valid row is an error.
///
/// Skipped without error: rows with nothing in any mapped column (counted in `skipped_blank`; a
/// pre-numbered 序号 column alone does not make a row), and totals lines — a name of 合计, 总计,
/// 小计, 汇总, total, subtotal, or an empty name with such a word as the row's first text (listed
/// in `skipped_totals`).
pub fn build_customers(table: &Table, mapping: &[Target]) -> Result<ImportPreview, ImportError> {
    check_mapping(mapping)?;
    let units: Vec<AmountUnit> = table.headers.iter().map(|h| unit_hint(h)).collect();
    let mut preview = ImportPreview::default();
    let mut first_row_of_id: HashMap<String, usize> = HashMap::new();
    for (index, row) in table.rows.iter().enumerate() {
        let row_number = table.row_number(index);
        let mapped = |col: usize| mapping.get(col).is_some_and(|t| *t != Target::Ignore);
        if row
            .iter()
            .enumerate()
            .all(|(col, c)| !mapped(col) || c.trim().is_empty())
        {
            preview.skipped_blank += 1;
            continue;
        }
        if is_totals_line(row, mapping) {
            preview.skipped_totals.push(row_number);
            continue;
        }
        match build_row(table, row, row_number, mapping, &units, &first_row_of_id) {
            Ok(customer) => {
                if !customer.id.is_empty() {
                    first_row_of_id.insert(customer.id.clone(), row_number);
                }
                preview.customers.push((row_number, customer));
            }
            Err(mut errors) => preview.errors.append(&mut errors),
        }
    }
    Ok(preview)
}

/// One row as a customer, or all of its cell errors.
fn build_row(
    table: &Table,
    row: &[String],
    row_number: usize,
    mapping: &[Target],
    units: &[AmountUnit],
    first_row_of_id: &HashMap<String, usize>,
) -> Result<Customer, Vec<RowError>> {
    let mut customer = Customer::default();
    let mut errors = Vec::new();
    for (col, target) in mapping.iter().enumerate() {
        if *target == Target::Ignore {
            continue;
        }
        let raw = row.get(col).map_or("", |c| c.trim());
        let cell = match csv_export::strip_neutralising_quote(raw) {
            c if is_placeholder(c) => "",
            c => c,
        };
        let unit = units.get(col).copied().unwrap_or(AmountUnit::Yuan);
        let mut outcome = apply_cell(&mut customer, *target, cell, unit);
        if outcome.is_ok() && *target == Target::Name && cell.is_empty() {
            outcome = Err(ImportReason::MissingName);
        }
        if outcome.is_ok() && *target == Target::Id && !cell.is_empty() {
            if let Some(first) = first_row_of_id.get(cell) {
                outcome = Err(ImportReason::DuplicateId { first_row: *first });
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
        Ok(customer)
    } else {
        Err(errors)
    }
}

/// True for a totals line: its name cell, or when that is empty its first non-empty cell, reads
/// as one of [`TOTALS_NAMES`].
fn is_totals_line(row: &[String], mapping: &[Target]) -> bool {
    let name = mapping
        .iter()
        .position(|t| *t == Target::Name)
        .and_then(|col| row.get(col))
        .map_or("", |c| c.trim());
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
fn shorten(value: &str) -> String {
    match value.char_indices().nth(ERROR_VALUE_CHARS) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_string(),
    }
}

/// Stores one trimmed cell into `customer`.
fn apply_cell(
    customer: &mut Customer,
    target: Target,
    cell: &str,
    unit: AmountUnit,
) -> Result<(), ImportReason> {
    let empty = cell.is_empty() || is_placeholder(cell);
    match target {
        Target::Ignore => {}
        Target::Name => customer.name = text(cell)?,
        Target::Industry => customer.industry = text(cell)?,
        Target::IndustryLine => {
            customer.industry_line = Some(text(cell)?).filter(|_| !empty);
        }
        Target::Region => customer.region = text(cell)?,
        Target::Notes => customer.notes = text(cell)?,
        Target::Id => customer.id = text(cell)?,
        Target::Tags => customer.tags = split_tags(&text(cell)?),
        Target::AnnualPurchase if !empty => {
            customer.annual_purchase = non_negative(amount(cell, unit)?)?;
        }
        Target::Revenue if !empty => customer.revenue = amount(cell, unit)?,
        Target::Wallet if !empty => customer.wallet = Some(non_negative(amount(cell, unit)?)?),
        Target::GrossMarginPct if !empty => {
            let pct = percent(cell)?;
            if !(-100.0..=100.0).contains(&pct) {
                return Err(ImportReason::MarginOutOfRange);
            }
            customer.gross_margin_pct = Some(pct);
        }
        Target::GrowthPct if !empty => {
            let pct = percent(cell)?;
            // The same floor as the customer form's check (`customers::check`).
            if pct < -100.0 {
                return Err(ImportReason::GrowthBelowMinus100);
            }
            customer.growth_pct = Some(pct);
        }
        Target::IndustryRank if !empty => {
            let rank = whole_number(cell)?;
            if rank < 1 {
                return Err(ImportReason::RankBelowOne);
            }
            customer.industry_rank = Some(rank);
        }
        Target::YearsOfCooperation if !empty => customer.years_of_cooperation = whole_number(cell)?,
        Target::OnNamedList if !empty => customer.on_named_list = boolean(cell)?,
        Target::RepeatPurchase if !empty => customer.repeat_purchase = boolean(cell)?,
        // Empty optional values keep the `Customer::default()` value.
        _ => {}
    }
    Ok(())
}

/// Trimmed text within [`MAX_TEXT_CHARS`].
fn text(cell: &str) -> Result<String, ImportReason> {
    if cell.chars().nth(MAX_TEXT_CHARS).is_some() {
        return Err(ImportReason::TooLong {
            max: MAX_TEXT_CHARS,
        });
    }
    Ok(cell.to_string())
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

/// An amount in yuan, or the reason it is not one.
fn amount(cell: &str, unit: AmountUnit) -> Result<f64, ImportReason> {
    parse_amount_in(cell, unit).map_err(|e| match e {
        AmountError::TooLarge => ImportReason::TooLarge,
        AmountError::Empty | AmountError::Invalid => ImportReason::NotANumber,
    })
}

/// Refuses a negative amount.
fn non_negative(value: f64) -> Result<f64, ImportReason> {
    if value < 0.0 {
        Err(ImportReason::Negative)
    } else {
        Ok(value)
    }
}

/// A percentage in points, or the reason it is not one.
fn percent(cell: &str) -> Result<f64, ImportReason> {
    parse_percent(cell).map_err(|e| match e {
        AmountError::TooLarge => ImportReason::TooLarge,
        AmountError::Empty | AmountError::Invalid => ImportReason::NotAPercent,
    })
}

/// A whole number ≥ 0 that fits a `u32`.
fn whole_number(cell: &str) -> Result<u32, ImportReason> {
    match parse_integer(cell) {
        Ok(n) if n < 0 => Err(ImportReason::Negative),
        Ok(n) => u32::try_from(n).map_err(|_| ImportReason::TooLarge),
        Err(AmountError::TooLarge) => Err(ImportReason::TooLarge),
        Err(_) => Err(ImportReason::NotAnInteger),
    }
}

/// A yes/no value.
fn boolean(cell: &str) -> Result<bool, ImportReason> {
    parse_bool(cell).ok_or(ImportReason::NotABoolean)
}

/// The invalid rows of `preview` as a CSV the user can download, fix and import again: the
/// original header plus a last column "错误 / error" listing each problem as "column: reason"
/// (English reasons; see [`invalid_rows_csv_with`] for translated ones).
pub fn invalid_rows_csv(table: &Table, preview: &ImportPreview) -> String {
    invalid_rows_csv_with(table, preview, |e| e.reason.to_string())
}

/// [`invalid_rows_csv`] with the reason text produced by `describe` (the UI passes its
/// translation).
pub fn invalid_rows_csv_with(
    table: &Table,
    preview: &ImportPreview,
    describe: impl Fn(&RowError) -> String,
) -> String {
    let mut by_row: HashMap<usize, Vec<String>> = HashMap::new();
    for e in &preview.errors {
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

/// How text files are decoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextDecoding {
    /// Refuse bytes that are not valid in the detected encoding ([`ImportError::InvalidUtf8`]).
    #[default]
    Strict,
    /// Replace such bytes with U+FFFD (the user chose "read anyway").
    Lossy,
}

/// Reads an uploaded file whatever its kind, strictly: see [`read_table_with`].
pub fn read_table(bytes: &[u8]) -> Result<Table, ImportError> {
    read_table_with(bytes, TextDecoding::Strict)
}

/// Reads an uploaded file whatever its kind, dispatching on its first bytes: a zip (`PK\x03\x04`,
/// or `PK\x05\x06` for an empty one) goes to [`super::xlsx_import::read_xlsx`]; an OLE compound
/// file (old .xls, password-protected .xlsx) is [`ImportError::LegacyXls`]; a known binary format
/// (image, PDF, archive, program) is [`ImportError::NotASpreadsheet`]; anything else is read as
/// CSV/text with `decoding` ([`super::csv_import::read_csv_with`]).
pub fn read_table_with(bytes: &[u8], decoding: TextDecoding) -> Result<Table, ImportError> {
    match sniff_kind(bytes) {
        FileKind::Zip => super::xlsx_import::read_xlsx(bytes),
        FileKind::Ole => Err(ImportError::LegacyXls),
        FileKind::Binary(kind) => Err(ImportError::NotASpreadsheet { kind }),
        FileKind::Text => super::csv_import::read_csv_with(bytes, decoding),
    }
}

/// What a file's first bytes say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// A zip archive (.xlsx).
    Zip,
    /// An OLE compound file (.xls, encrypted .xlsx).
    Ole,
    /// Some other binary format, by name.
    Binary(&'static str),
    /// Anything else: text, perhaps.
    Text,
}

/// Recognises a file by its signature.
pub(crate) fn sniff_kind(bytes: &[u8]) -> FileKind {
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    const BINARY: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xFF\xD8\xFF", "JPEG"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"%PDF-", "PDF"),
        (b"\x1F\x8B", "gzip"),
        (b"7z\xBC\xAF\x27\x1C", "7z"),
        (b"Rar!\x1A\x07", "RAR"),
        (b"\xFD7zXZ\x00", "xz"),
        (b"\x28\xB5\x2F\xFD", "zstd"),
        (b"MZ", "EXE"),
        (b"\x7FELF", "ELF"),
        (b"\xCF\xFA\xED\xFE", "Mach-O"),
        (b"\xFE\xED\xFA\xCF", "Mach-O"),
        (b"\xCA\xFE\xBA\xBE", "Mach-O"),
        (b"\x00asm", "WebAssembly"),
        (b"SQLite format 3\x00", "SQLite"),
        (b"II*\x00", "TIFF"),
        (b"MM\x00*", "TIFF"),
        (b"\x00\x00\x01\x00", "ICO"),
        (b"wOFF", "WOFF"),
        (b"wOF2", "WOFF2"),
        (b"OggS", "Ogg"),
        (b"ID3", "MP3"),
        (b"fLaC", "FLAC"),
    ];
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return FileKind::Zip;
    }
    if bytes.starts_with(OLE) {
        return FileKind::Ole;
    }
    if bytes.starts_with(b"RIFF") && bytes.len() >= 12 {
        return FileKind::Binary("RIFF (WebP/AVI/WAV)");
    }
    if bytes.get(4..8).is_some_and(|b| b == b"ftyp") {
        return FileKind::Binary("MP4/HEIC");
    }
    match BINARY.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        // "MZ" and "ID3" also begin ordinary words; only with a NUL byte soon after.
        Some((magic, kind)) if magic.len() <= 3 && magic.is_ascii() => {
            if bytes.iter().take(64).any(|&b| b == 0) {
                FileKind::Binary(kind)
            } else {
                FileKind::Text
            }
        }
        Some((_, kind)) => FileKind::Binary(kind),
        None => FileKind::Text,
    }
}

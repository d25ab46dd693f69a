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

mod customers;
pub mod job;
pub mod progress;
pub mod rows;
pub mod schema;
mod table;
pub mod template;

use thiserror::Error;

use super::csv_export;
use crate::domain::workspace::Customer;

pub use crate::domain::values::{
    is_placeholder, parse_amount, parse_amount_in, parse_bool, parse_integer, parse_percent,
    unit_hint, AmountError, AmountUnit, MAX_AMOUNT,
};
pub use customers::{
    build_customers, build_customers_with, customer_spec, detect_mapping, target_for_header,
    target_of_field, unfed_key_fields, uses_of,
};
pub(crate) use table::{header_key, TableBuilder};
pub use table::{BeyondHeader, Table, Target};

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

/// A failure that stops a whole file from being read or mapped. (Serialisable: the import
/// worker sends it to the page, [`job`].)
#[derive(Clone, Debug, Error, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
        #[serde(deserialize_with = "job::deserialize_binary_kind")]
        kind: KindName,
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
    /// Two columns are mapped to the history of the same year.
    #[error("two columns are mapped to the purchases of {0}")]
    DuplicateYear(i32),
}

/// Why one cell made its row invalid. The UI translates by variant; `Display` is English.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum ImportReason {
    /// A required value (a name, a role) is empty.
    #[error("a required value is missing")]
    Missing,
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
    /// A capacity that is not a number.
    #[error("capacity is not a number: write e.g. 1, 0.5 or 50%")]
    CapacityNotANumber,
    /// A capacity of 0, negative or above the maximum.
    #[error("capacity must be more than 0 and at most 1.5 FTE")]
    CapacityOutOfRange,
    /// A role cell that names no role of the design.
    #[error("unknown role: use AD, AR, SR, FR, another role's id or its name")]
    UnknownRole,
    /// A person cell that names no person (by name or id).
    #[error("no person has this name or id")]
    UnknownPerson,
    /// A person name shared by several people; use the id.
    #[error("several people have this name; use the id")]
    AmbiguousPerson,
    /// The person's role has no scorecard.
    #[error("the person's role has no scorecard")]
    NoScorecard,
    /// The person's scorecard has no indicator of this name.
    #[error("the person's scorecard has no such indicator")]
    UnknownIndicator,
    /// A horizon cell that names no horizon.
    #[error("unknown horizon: write 核心/成长/新兴 or core/growth/emerging")]
    UnknownHorizon,
    /// A whitespace status cell that names no status.
    #[error(
        "unknown status: write 已成交/在跟进/空白/不相关 or sold/in pursuit/open/not relevant"
    )]
    UnknownStatus,
    /// An account cell that names no customer (by name or id).
    #[error("no customer has this name or id")]
    UnknownAccount,
    /// A customer name shared by several customers; use the id.
    #[error("several customers have this name; use the id")]
    AmbiguousAccount,
    /// A business-line cell that names no line (by name or id).
    #[error("no business line has this name or id")]
    UnknownLine,
    /// A line name several lines share, none of them in the account's industry alone.
    #[error("several business lines have this name; use the id")]
    AmbiguousLine,
    /// The id is already used by an earlier row of the file.
    #[error("the same id is already used in row {first_row}")]
    DuplicateId {
        /// File row of the first use.
        first_row: usize,
    },
    /// A stage cell that names no stage of the pipeline (by id or name).
    #[error("unknown stage: write one of {names_en}")]
    UnknownStage {
        /// The stages' Chinese names, joined.
        names_zh: String,
        /// The stages' English names, joined.
        names_en: String,
    },
    /// Not a date.
    #[error("not a date: write e.g. 2026-03-31 or 2026/3/31")]
    NotADate,
    /// A forecast category cell that names no category.
    #[error("unknown forecast category: write commit, best case, pipeline or omitted")]
    UnknownForecast,
    /// An opportunity cell that names no opportunity (by id or name).
    #[error("no opportunity has this name or id")]
    UnknownOpportunity,
    /// An opportunity name several opportunities of the account share; use the id.
    #[error("several opportunities have this name; use the id")]
    AmbiguousOpportunity,
    /// Milestone shares that do not add up to 100 %.
    #[error("the milestone shares must add up to 100%")]
    SharesNot100,
    /// More collected or invoiced than the milestone (or the contract) is worth.
    #[error("more than the milestone's amount")]
    CollectedAboveValue,
    /// A percentage above 100.
    #[error("must be at most 100%")]
    PercentAbove100,
    /// A decision-role cell that names no role.
    #[error("unknown decision role: write 决策者/评估者/采购者/使用者/影响者/守门人/教练 or decision maker, evaluator, buyer, user, influencer, gatekeeper, coach")]
    UnknownDecisionRole,
    /// A support outside −1…3, or a word that names no support.
    #[error("support must be -1, 0, 1, 2 or 3 (or 反对/中立/支持/强支持/教练, opposed/neutral/support/strong support/coach)")]
    SupportOutOfRange,
    /// An influence that is not a whole number from 1 to 5.
    #[error("influence must be a whole number from 1 to 5")]
    InfluenceOutOfRange,
    /// A relationship-layer cell that names no layer.
    #[error("unknown relationship layer: write 关键/普遍/组织 or key/broad/organisational")]
    UnknownLayer,
    /// A boss (上级) that is neither a row of the file nor a stored stakeholder of the account.
    #[error("no stakeholder of this account has this name, in the file or already stored")]
    BossNotFound,
    /// The boss's own row has errors, so this row cannot report to it.
    #[error("the boss is in row {row}, which has errors")]
    BossRowInvalid {
        /// File row of the boss.
        row: usize,
    },
    /// The reports-to lines would go round in a circle.
    #[error("the reports-to lines would go round in a circle: {names}")]
    ReportsToCycle {
        /// The names in the circle, in the order of the line.
        names: String,
    },
    /// A second row for the same account and name.
    #[error("the same stakeholder (account and name) is already in row {first_row}")]
    DuplicateStakeholder {
        /// File row of the first.
        first_row: usize,
    },
    /// The import would take the stakeholders beyond the most a workspace keeps.
    #[error("a workspace keeps at most {max} stakeholders")]
    TooManyStakeholders {
        /// The limit.
        max: usize,
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
    /// Per column of the table: filled, empty and invalid cells.
    pub columns: Vec<rows::ColumnSummary>,
    /// Owner cells that name no person of the workspace (the owner is left empty).
    pub unknown_owners: Vec<String>,
}

impl ImportPreview {
    /// File rows that have at least one error, ascending.
    pub fn invalid_rows(&self) -> Vec<usize> {
        crate::persist::import::rows::error_rows(&self.errors)
    }
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
    rows::invalid_rows_csv_with(table, &preview.errors, describe)
}

/// The name of a binary file kind, one of the names the readers give. (An alias, so that serde
/// reads it through [`job::deserialize_binary_kind`] instead of borrowing a `&str`.)
pub type KindName = &'static str;

/// How text files are decoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

/// Signatures of binary formats that are not spreadsheets, with the name the message gives.
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

/// The names [`sniff_kind`] and the CSV reader give binary files besides [`BINARY`]'s.
const OTHER_BINARY_KINDS: [&str; 3] = ["RIFF (WebP/AVI/WAV)", "MP4/HEIC", "binary"];

/// The kind name `name` stands for, as a `'static` name (a name no reader gives is "binary").
pub(crate) fn binary_kind_named(name: &str) -> &'static str {
    BINARY
        .iter()
        .map(|(_, kind)| *kind)
        .chain(OTHER_BINARY_KINDS)
        .find(|kind| *kind == name)
        .unwrap_or("binary")
}

/// Recognises a file by its signature.
pub(crate) fn sniff_kind(bytes: &[u8]) -> FileKind {
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
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

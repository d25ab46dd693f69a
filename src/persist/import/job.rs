//! Reading a picked file off the page's thread: what the page asks the import worker, and the
//! form the worker's answer travels in.
//!
//! The readers (CSV with its encodings, .xlsx with its zip reader) run in a Web Worker of their
//! own (`src/worker.rs`), so the page stays responsive, a read can be cancelled at any moment by
//! ending the worker, and the page's wasm carries none of their code. This module is the pure
//! half both sides share: which reader ([`ReadKind`]), and a [`Table`] packed into a few flat
//! buffers ([`PackedTable`]) that cross between threads without being copied cell by cell.
//! [`unpack`] checks everything it is given; a buffer that does not add up is an
//! [`UnpackError`], never a panic.

use serde::{Deserialize, Deserializer, Serialize};

use super::{BeyondHeader, ImportError, Table, TextDecoding};
use super::{MAX_IMPORT_CELLS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS};

/// Which reader a file goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadKind {
    /// [`super::read_table_with`]: customers and KPI actuals.
    Table,
    /// [`crate::persist::people_import::read_people_table_with`]: people (skips a title line
    /// above a 姓名 header).
    People,
}

impl ReadKind {
    /// The name used in messages to the worker.
    pub fn key(self) -> &'static str {
        match self {
            ReadKind::Table => "table",
            ReadKind::People => "people",
        }
    }

    /// The kind named `key`.
    pub fn from_key(key: &str) -> Option<ReadKind> {
        [ReadKind::Table, ReadKind::People]
            .into_iter()
            .find(|k| k.key() == key)
    }
}

/// The name of a decoding in messages to the worker.
pub fn decoding_key(decoding: TextDecoding) -> &'static str {
    match decoding {
        TextDecoding::Strict => "strict",
        TextDecoding::Lossy => "lossy",
    }
}

/// The decoding named `key`.
pub fn decoding_from_key(key: &str) -> Option<TextDecoding> {
    match key {
        "strict" => Some(TextDecoding::Strict),
        "lossy" => Some(TextDecoding::Lossy),
        _ => None,
    }
}

/// Reads `bytes` with the reader of `kind`.
pub fn read(kind: ReadKind, bytes: &[u8], decoding: TextDecoding) -> Result<Table, ImportError> {
    match kind {
        ReadKind::Table => super::read_table_with(bytes, decoding),
        ReadKind::People => crate::persist::people_import::read_people_table_with(bytes, decoding),
    }
}

/// A [`Table`] as four flat parts: the small ones as JSON, the cells as one UTF-8 text with the
/// byte length of each cell, row by row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackedTable {
    /// Headers, header row and the cells beyond the header, as JSON.
    pub meta: String,
    /// File row number of each data row.
    pub row_numbers: Vec<u32>,
    /// Byte length in `text` of each cell, rows × header width of them.
    pub cell_lengths: Vec<u32>,
    /// Every cell's text, one after the other.
    pub text: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
struct Meta {
    headers: Vec<String>,
    header_row: usize,
    beyond_header: Option<BeyondHeader>,
}

/// Why a packed table could not be unpacked (the worker and the page disagree, or a message was
/// damaged). English, technical: the page shows it behind a "details" toggle.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UnpackError {
    /// The JSON part does not read.
    #[error("the table's description does not read: {0}")]
    Meta(String),
    /// More rows, columns or cells than a reader can produce.
    #[error("the table is larger than the import limits")]
    TooLarge,
    /// The cell lengths do not match the rows and columns, or the text.
    #[error("the cells do not match the table's shape")]
    Shape,
    /// A cell is not UTF-8 text.
    #[error("a cell is not text")]
    NotText,
}

/// Packs `table` for the trip to the page.
pub fn pack(table: Table) -> PackedTable {
    let meta = Meta {
        headers: table.headers,
        header_row: table.header_row,
        beyond_header: table.beyond_header,
    };
    let cells: usize = table.rows.iter().map(Vec::len).sum();
    let mut cell_lengths = Vec::with_capacity(cells);
    let mut text = Vec::with_capacity(table.rows.iter().flatten().map(String::len).sum::<usize>());
    for cell in table.rows.into_iter().flatten() {
        // A cell is at most one file's worth of bytes (20 MB), far below u32::MAX.
        cell_lengths.push(u32::try_from(cell.len()).unwrap_or(u32::MAX));
        text.extend_from_slice(cell.as_bytes());
    }
    PackedTable {
        meta: serde_json::to_string(&meta).unwrap_or_default(),
        row_numbers: table
            .row_numbers
            .into_iter()
            .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
            .collect(),
        cell_lengths,
        text,
    }
}

/// The table `packed` holds, checked: every row as wide as the header, the lengths adding up to
/// the text, every cell UTF-8, and the import limits kept.
pub fn unpack(packed: PackedTable) -> Result<Table, UnpackError> {
    let meta: Meta =
        serde_json::from_str(&packed.meta).map_err(|e| UnpackError::Meta(e.to_string()))?;
    let width = meta.headers.len();
    let rows = packed.row_numbers.len();
    if width > MAX_IMPORT_COLUMNS || rows > MAX_IMPORT_ROWS {
        return Err(UnpackError::TooLarge);
    }
    let cells = rows.checked_mul(width).ok_or(UnpackError::TooLarge)?;
    if cells > MAX_IMPORT_CELLS {
        return Err(UnpackError::TooLarge);
    }
    if packed.cell_lengths.len() != cells {
        return Err(UnpackError::Shape);
    }
    let total = packed
        .cell_lengths
        .iter()
        .try_fold(0usize, |sum, &n| sum.checked_add(n as usize));
    if total != Some(packed.text.len()) {
        return Err(UnpackError::Shape);
    }
    let text = String::from_utf8(packed.text).map_err(|_| UnpackError::NotText)?;
    let mut table_rows = Vec::with_capacity(rows);
    let mut at = 0usize;
    for lengths in packed.cell_lengths.chunks(width.max(1)).take(rows) {
        let mut row = Vec::with_capacity(width);
        for &n in lengths {
            let end = at + n as usize;
            row.push(text.get(at..end).ok_or(UnpackError::NotText)?.to_string());
            at = end;
        }
        table_rows.push(row);
    }
    // A header without columns has no cells: its rows are all empty.
    table_rows.resize_with(rows, Vec::new);
    Ok(Table {
        headers: meta.headers,
        rows: table_rows,
        row_numbers: packed.row_numbers.into_iter().map(|n| n as usize).collect(),
        header_row: meta.header_row,
        beyond_header: meta.beyond_header,
    })
}

/// A reader's error as JSON, for the trip to the page.
pub fn error_json(error: &ImportError) -> String {
    serde_json::to_string(error).unwrap_or_default()
}

/// The reader's error `json` holds.
pub fn error_from_json(json: &str) -> Option<ImportError> {
    serde_json::from_str(json).ok()
}

/// Reads the name of a binary kind as one of the names the readers give.
pub(crate) fn deserialize_binary_kind<'de, D>(d: D) -> Result<&'static str, D::Error>
where
    D: Deserializer<'de>,
{
    let name = String::deserialize(d)?;
    Ok(super::binary_kind_named(&name))
}

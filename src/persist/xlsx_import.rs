//! Reading a customer list from an Excel .xlsx workbook (SPEC §4), with `calamine` (pure Rust).
//!
//! Only the first worksheet is read. Cells are streamed one at a time, so the caps on rows, cells
//! and unpacked text stop a huge or hostile sheet before it fills memory. Cell values become the text a user sees in Excel:
//!
//! - text as is; `true` / `false` for booleans; errors (`#N/A`, …) and empty cells as "";
//! - numbers in plain decimal, rounded to Excel's 15 significant digits, without a trailing `.0`
//!   (12000000.0 → `12000000`, 0.1 + 0.2 → `0.3`); exponent form only below 10⁻⁶ or from 10¹⁶;
//! - numbers formatted as a percentage in Excel as `35%` (Excel stores 0.35), so the percent
//!   rule of [`super::import::parse_percent`] reads them right;
//! - dates as ISO `YYYY-MM-DD` (`YYYY-MM-DDTHH:MM:SS` when there is a time of day).
//!
//! Before `calamine` sees the file, [`super::xlsx_unpack::unpack_xlsx`] checks the zip and its
//! inflated XML against the caps on unpacked size, compression ratio, shared strings and scanned
//! cells, and hands over a stored copy; here every cell the reader yields counts against
//! [`MAX_SCANNED_CELLS`] too, and a non-empty cell beyond column [`MAX_IMPORT_COLUMNS`] is
//! [`ImportError::TooManyColumns`].

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, ExcelDateTime, Reader, Style, Xlsx, XlsxError};

use super::import::progress::{self, Progress};
use super::import::{
    ImportError, Table, TableBuilder, MAX_IMPORT_BYTES, MAX_IMPORT_CELLS, MAX_IMPORT_COLUMNS,
    MAX_IMPORT_ROWS,
};
use super::xlsx_unpack::{unpack_xlsx, MAX_SCANNED_CELLS};

/// Most cell text (in bytes, with a per-cell overhead) the first sheet may unpack to.
pub const MAX_XLSX_TEXT_BYTES: usize = 4 * MAX_IMPORT_BYTES;
/// Bookkeeping bytes counted per kept cell against [`MAX_XLSX_TEXT_BYTES`].
const CELL_OVERHEAD: usize = 32;

/// Reads the first worksheet of an .xlsx file into a [`Table`]. The header is found as for CSV
/// (the first non-blank row, or a later one within the first ten that names a customer-name
/// column when only title lines are above it); row numbers are the sheet's own. The zip layer's
/// refusals have their own [`ImportError`]s; anything else `calamine` cannot read is
/// [`ImportError::Xlsx`] with its message.
pub fn read_xlsx(bytes: &[u8]) -> Result<Table, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            max: MAX_IMPORT_BYTES,
        });
    }
    let stored = unpack_xlsx(bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(stored.as_slice())).map_err(xlsx_error)?;
    let Some(first) = workbook.sheet_names().into_iter().next() else {
        return Err(ImportError::Xlsx(
            "the workbook has no worksheet".to_string(),
        ));
    };
    let rows = read_cells(&mut workbook, &first)?;
    let mut builder = TableBuilder::default();
    for (row, cells) in rows {
        let row_number = (row as usize).saturating_add(1);
        // Columns are below MAX_IMPORT_COLUMNS (read_cells), so this allocation is bounded.
        let width = cells
            .iter()
            .map(|(col, _)| *col as usize + 1)
            .max()
            .unwrap_or(0)
            .min(builder.max_fields());
        let mut fields = vec![String::new(); width];
        let (mut dropped, mut first_dropped) = (0usize, None);
        for (col, text) in cells {
            match fields.get_mut(col as usize) {
                Some(slot) => *slot = text,
                None => {
                    dropped += 1;
                    let first = first_dropped.get_or_insert(col as usize + 1);
                    *first = (*first).min(col as usize + 1);
                }
            }
        }
        if let Some(first) = first_dropped {
            builder.note_beyond_header(row_number, first, dropped);
        }
        builder.push(row_number, fields)?;
        if row_number.is_multiple_of(progress::EVERY_ROWS) {
            progress::report(Progress {
                rows: row_number,
                fraction: None,
            });
        }
    }
    builder.finish()
}

/// The non-empty cells of sheet `name` as text, grouped by 0-based row, with the caps applied.
fn read_cells(
    workbook: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
) -> Result<BTreeMap<u32, Vec<(u32, String)>>, ImportError> {
    let mut reader = workbook.worksheet_cells_reader(name).map_err(xlsx_error)?;
    let percent: Vec<bool> = reader.styles().iter().map(is_percent_style).collect();
    let mut rows: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    let (mut text_bytes, mut cells, mut scanned) = (0usize, 0usize, 0usize);
    while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(xlsx_error)? {
        // Every cell the reader yields counts, empty or not, inside the column cap or not.
        scanned += 1;
        if scanned > MAX_SCANNED_CELLS {
            return Err(ImportError::TooManyScannedCells {
                max: MAX_SCANNED_CELLS,
            });
        }
        let (row, col) = cell.get_position();
        let text = cell_text(cell.get_value(), percent.get(style) == Some(&true));
        if text.is_empty() {
            continue;
        }
        if col as usize >= MAX_IMPORT_COLUMNS {
            return Err(ImportError::TooManyColumns {
                row: (row as usize).saturating_add(1),
                columns: (col as usize).saturating_add(1),
                max: MAX_IMPORT_COLUMNS,
            });
        }
        text_bytes = text_bytes.saturating_add(text.len() + CELL_OVERHEAD);
        if text_bytes > MAX_XLSX_TEXT_BYTES {
            return Err(ImportError::UnpackedTooLarge {
                max: MAX_XLSX_TEXT_BYTES,
            });
        }
        cells += 1;
        if cells > MAX_IMPORT_CELLS {
            return Err(ImportError::TooManyCells {
                cells,
                max: MAX_IMPORT_CELLS,
            });
        }
        rows.entry(row).or_default().push((col, text));
        // One row for the header, a few for a title above it.
        if rows.len() > MAX_IMPORT_ROWS + 10 {
            return Err(ImportError::TooManyRows {
                rows: rows.len(),
                max: MAX_IMPORT_ROWS,
            });
        }
    }
    Ok(rows)
}

/// The reader's message, kept for the user and the logs.
fn xlsx_error(error: XlsxError) -> ImportError {
    ImportError::Xlsx(error.to_string())
}

/// True when a style's number format shows the value as a percentage (`0%`, `0.00%`, …). A `%`
/// inside quotes or after a backslash is literal text in a format code, not a percentage.
fn is_percent_style(style: &Style) -> bool {
    let Some(format) = &style.number_format else {
        return false;
    };
    let mut quoted = false;
    let mut escaped = false;
    for c in format.format_code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// The text of one cell (see the module documentation).
fn cell_text(value: &DataRef<'_>, percent: bool) -> String {
    match value {
        DataRef::Int(i) if percent => format!("{}%", format_number(*i as f64 * 100.0)),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) if percent => format!("{}%", format_number(f * 100.0)),
        DataRef::Float(f) => format_number(*f),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(dt) if dt.is_duration() => format_number(dt.as_f64()),
        DataRef::DateTime(dt) => iso_datetime(dt),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(_) | DataRef::Empty => String::new(),
    }
}

/// A number as Excel shows it in a General cell: 15 significant digits, shortest form, no
/// exponent for ordinary magnitudes. Non-finite values (which Excel cannot hold) become "".
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded: f64 = format!("{value:.14e}").parse().unwrap_or(value);
    let magnitude = rounded.abs();
    if rounded == 0.0 {
        "0".to_string()
    } else if !(1e-6..1e16).contains(&magnitude) {
        format!("{rounded:e}")
    } else {
        format!("{rounded}")
    }
}

/// An Excel date as ISO 8601 text.
fn iso_datetime(dt: &ExcelDateTime) -> String {
    let (year, month, day, hour, minute, second, milli) = dt.to_ymd_hms_milli();
    if (hour, minute, second, milli) == (0, 0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}")
    }
}

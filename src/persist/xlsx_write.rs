//! Writing a small Excel .xlsx workbook, for the downloadable import templates: a data sheet
//! with headers and example rows, and a sheet explaining each column.
//!
//! [`write_xlsx`] writes the minimal OOXML package — content types, relationships, the workbook,
//! a style sheet with one bold font, and one worksheet per [`Sheet`] — zipped with deflate and
//! fixed timestamps, so the same sheets always give the same bytes. What it writes:
//!
//! - text as inline strings (no shared-string table), escaped for XML; characters XML 1.0 does
//!   not allow (control characters other than tab, line feed and carriage return; U+FFFE and
//!   U+FFFF) are dropped, and Excel's own `_xHHHH_` escape is escaped in turn, so every reader
//!   sees the text as given;
//! - text that is a plain decimal number as Excel shows it (`1200000`, `35`, `-0.5`) as a number
//!   cell — only when [`format_number`], the import's rendering of a number, gives the text back
//!   unchanged and it is at most [`MAX_PLAIN_NUMBER_CHARS`] long, so that Excel's General format
//!   shows it as written and a template read back by the import gives the same text. Anything
//!   else (`007`, `1.50`, `1e5`, a 12-digit code, `=SUM(A1)`) stays text;
//! - empty cells as no cell at all, and rows whose cells are all empty as no row;
//! - sheet names made valid for Excel (see [`write_xlsx`]).
//!
//! Excel's limits are applied silently: rows past [`MAX_ROWS`], columns past [`MAX_COLUMNS`] and
//! text past [`MAX_CELL_UNITS`] are left out. The zip is written without zip64, so a workbook must
//! stay under 4 GiB — far above any template, and above what a browser tab can hold.

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::Write;

use flate2::write::DeflateEncoder;
use flate2::{Compression, Crc};

use super::xlsx_import::format_number;

/// Longest sheet name Excel accepts, in UTF-16 code units.
pub const MAX_SHEET_NAME_UNITS: usize = 31;
/// Longest cell text Excel accepts, in UTF-16 code units.
pub const MAX_CELL_UNITS: usize = 32_767;
/// Rows in an Excel worksheet.
pub const MAX_ROWS: usize = 1_048_576;
/// Columns in an Excel worksheet (A … XFD).
pub const MAX_COLUMNS: usize = 16_384;
/// Widest column Excel accepts, in character units.
pub const MAX_COLUMN_WIDTH: f64 = 255.0;
/// Longest text written as a number: Excel's General format shows up to 11 characters of a
/// number before it switches to exponent form (`100000000001` would show as `1E+11`).
pub const MAX_PLAIN_NUMBER_CHARS: usize = 11;

/// Characters Excel does not allow in a sheet name; each is replaced by `_`.
const FORBIDDEN_IN_SHEET_NAME: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];
/// A name Excel reserves for its own (change-tracking) sheet, compared case-insensitively.
const RESERVED_SHEET_NAME: &str = "history";

const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

const ROOT_RELS: &str = concat!(
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/",
    "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
);

/// Style 0 is the default cell; style 1 (`s="1"`) is the bold header cell.
const STYLES: &str = concat!(
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    "<fonts count=\"2\">",
    "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
    "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
    "</fonts>",
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>",
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>",
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>",
    "</cellStyleXfs>",
    "<cellXfs count=\"2\">",
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
    "</cellXfs>",
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
    "</styleSheet>"
);

/// The style index of a bold header cell in [`STYLES`].
const BOLD_STYLE: &str = "1";

/// One worksheet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// The tab's name; made valid for Excel when written (see [`write_xlsx`]).
    pub name: String,
    /// Cell texts, row by row from A1; rows may differ in length.
    pub rows: Vec<Vec<String>>,
    /// Shows the first row in bold (a header).
    pub bold_first_row: bool,
    /// Widths of columns A, B, … in Excel character units; a column without a finite, positive
    /// width here (or past the end) keeps Excel's default. Widths above [`MAX_COLUMN_WIDTH`] are
    /// capped.
    pub column_widths: Vec<f64>,
}

/// The .xlsx bytes of a workbook with `sheets` in order (the first is the one Excel opens on and
/// the one the import reads). No sheets gives one empty sheet, as Excel needs at least one.
///
/// Sheet names follow Excel's rules: `[ ] : * ? / \` become `_`, characters not allowed in XML
/// are dropped, apostrophes at either end are removed, a name is cut to
/// [`MAX_SHEET_NAME_UNITS`], an empty name becomes `Sheet1`, `Sheet2`, … by position, and a name
/// already taken (compared case-insensitively; `History` is Excel's own) gets ` (2)`, ` (3)`, …,
/// cut further to make room.
pub fn write_xlsx(sheets: &[Sheet]) -> Vec<u8> {
    let fallback = [Sheet::default()];
    let sheets = if sheets.is_empty() {
        &fallback[..]
    } else {
        sheets
    };
    let names = sheet_names(sheets);
    let mut zip = ZipWriter::default();
    zip.add(
        "[Content_Types].xml",
        content_types(sheets.len()).as_bytes(),
    );
    zip.add("_rels/.rels", with_declaration(ROOT_RELS).as_bytes());
    zip.add("xl/workbook.xml", workbook(&names).as_bytes());
    zip.add(
        "xl/_rels/workbook.xml.rels",
        workbook_rels(sheets.len()).as_bytes(),
    );
    zip.add("xl/styles.xml", with_declaration(STYLES).as_bytes());
    for (i, sheet) in sheets.iter().enumerate() {
        let path = format!("xl/worksheets/sheet{}.xml", i + 1);
        zip.add(&path, worksheet(sheet).as_bytes());
    }
    zip.finish()
}

/// The Excel reference of a cell from its 0-based row and column: (0, 0) → `A1`, (0, 26) →
/// `AA1`, (9, 29) → `AD10`.
pub fn cell_reference(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column.saturating_add(1);
    while n > 0 {
        n -= 1;
        // n % 26 < 26, so the letter is always A–Z.
        letters.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    letters.reverse();
    let mut reference: String = letters.into_iter().map(char::from).collect();
    reference.push_str(&row.saturating_add(1).to_string());
    reference
}

/// `part` behind the XML declaration.
fn with_declaration(part: &str) -> String {
    let mut xml = String::with_capacity(XML_DECLARATION.len() + part.len());
    xml.push_str(XML_DECLARATION);
    xml.push_str(part);
    xml
}

/// `[Content_Types].xml` for `count` worksheets.
fn content_types(count: usize) -> String {
    let mut xml = with_declaration(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" \
         ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/\
         vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" ContentType=\"application/\
         vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
    );
    for i in 1..=count {
        xml.push_str(&format!(
            "<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/\
             vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        ));
    }
    xml.push_str("</Types>");
    xml
}

/// `xl/workbook.xml`: the sheets in order, sheet `i` (1-based) under relationship `rId{i}`.
fn workbook(names: &[String]) -> String {
    let mut xml = with_declaration(&format!(
        "<workbook xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><sheets>"
    ));
    for (i, name) in names.iter().enumerate() {
        xml.push_str("<sheet name=\"");
        push_escaped(&mut xml, name);
        xml.push_str(&format!("\" sheetId=\"{0}\" r:id=\"rId{0}\"/>", i + 1));
    }
    xml.push_str("</sheets></workbook>");
    xml
}

/// `xl/_rels/workbook.xml.rels`: `rId1` … `rId{count}` the worksheets, then the styles.
fn workbook_rels(count: usize) -> String {
    let mut xml = with_declaration(&format!("<Relationships xmlns=\"{PACKAGE_REL_NS}\">"));
    for i in 1..=count {
        xml.push_str(&format!(
            "<Relationship Id=\"rId{i}\" Type=\"{REL_NS}/worksheet\" \
             Target=\"worksheets/sheet{i}.xml\"/>"
        ));
    }
    xml.push_str(&format!(
        "<Relationship Id=\"rId{}\" Type=\"{REL_NS}/styles\" Target=\"styles.xml\"/>",
        count + 1
    ));
    xml.push_str("</Relationships>");
    xml
}

/// `xl/worksheets/sheetN.xml` for one sheet.
fn worksheet(sheet: &Sheet) -> String {
    let mut xml = with_declaration(&format!("<worksheet xmlns=\"{MAIN_NS}\">"));
    let widths: Vec<(usize, f64)> = sheet
        .column_widths
        .iter()
        .take(MAX_COLUMNS)
        .enumerate()
        .filter(|(_, w)| w.is_finite() && **w > 0.0)
        .map(|(i, w)| (i + 1, w.min(MAX_COLUMN_WIDTH)))
        .collect();
    if !widths.is_empty() {
        xml.push_str("<cols>");
        for (column, width) in widths {
            xml.push_str(&format!(
                "<col min=\"{column}\" max=\"{column}\" width=\"{width}\" customWidth=\"1\"/>"
            ));
        }
        xml.push_str("</cols>");
    }
    xml.push_str("<sheetData>");
    let mut cells = String::new();
    for (r, row) in sheet.rows.iter().take(MAX_ROWS).enumerate() {
        let style = (sheet.bold_first_row && r == 0).then_some(BOLD_STYLE);
        cells.clear();
        for (c, text) in row.iter().take(MAX_COLUMNS).enumerate() {
            push_cell(&mut cells, &cell_reference(r, c), text, style);
        }
        if !cells.is_empty() {
            xml.push_str(&format!("<row r=\"{}\">", r + 1));
            xml.push_str(&cells);
            xml.push_str("</row>");
        }
    }
    xml.push_str("</sheetData></worksheet>");
    xml
}

/// Appends the cell `reference` holding `text` (nothing when the text is empty once cleaned).
fn push_cell(xml: &mut String, reference: &str, text: &str, style: Option<&str>) {
    let text = clean_text(text);
    if text.is_empty() {
        return;
    }
    let text = truncate_units(&text, MAX_CELL_UNITS);
    xml.push_str("<c r=\"");
    xml.push_str(reference);
    xml.push('"');
    if let Some(style) = style {
        xml.push_str(" s=\"");
        xml.push_str(style);
        xml.push('"');
    }
    if is_plain_number(text) {
        // The text is ASCII digits, '-' and '.', nothing to escape.
        xml.push_str("><v>");
        xml.push_str(text);
        xml.push_str("</v></c>");
    } else {
        xml.push_str(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
        push_escaped(xml, text);
        xml.push_str("</t></is></c>");
    }
}

/// True when `text` is written as a number (see the module documentation).
fn is_plain_number(text: &str) -> bool {
    if text.len() > MAX_PLAIN_NUMBER_CHARS {
        return false;
    }
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return false;
    }
    text.parse::<f64>()
        .is_ok_and(|value| format_number(value) == text)
}

/// True for the characters XML 1.0 allows (Rust strings hold no surrogates).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` without the characters XML 1.0 does not allow.
fn clean_text(text: &str) -> Cow<'_, str> {
    if text.chars().all(is_xml_char) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| is_xml_char(c)).collect())
    }
}

/// The longest prefix of `text` at most `max` UTF-16 code units long (Excel counts in those).
fn truncate_units(text: &str, max: usize) -> &str {
    let mut units = 0usize;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > max {
            return text.get(..at).unwrap_or_default();
        }
    }
    text
}

/// True when `rest` starts with Excel's escape `_xHHHH_` (four hex digits), which Excel and
/// calamine decode to the character U+HHHH.
fn starts_excel_escape(rest: &str) -> bool {
    match rest.as_bytes().get(..7) {
        Some([b'_', b'x', hex @ .., b'_']) => hex.iter().all(u8::is_ascii_hexdigit),
        _ => false,
    }
}

/// Appends `text` (already cleaned) escaped for XML content or a double-quoted attribute. A
/// carriage return becomes a character reference (XML readers turn a literal one into a line
/// feed), and the `_` of a literal `_xHHHH_` becomes `_x005F_`, as Excel writes it.
fn push_escaped(xml: &mut String, text: &str) {
    for (at, c) in text.char_indices() {
        match c {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '"' => xml.push_str("&quot;"),
            '\r' => xml.push_str("&#13;"),
            '_' if text.get(at..).is_some_and(starts_excel_escape) => xml.push_str("_x005F_"),
            c => xml.push(c),
        }
    }
}

/// Valid, unique sheet names for `sheets` (see [`write_xlsx`]).
fn sheet_names(sheets: &[Sheet]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::from([RESERVED_SHEET_NAME.to_string()]);
    let mut names = Vec::with_capacity(sheets.len());
    for (i, sheet) in sheets.iter().enumerate() {
        let base = match clean_sheet_name(&sheet.name) {
            name if name.is_empty() => format!("Sheet{}", i + 1),
            name => name,
        };
        let mut name = base.clone();
        let mut copy = 1usize;
        while taken.contains(&name.to_lowercase()) {
            copy += 1;
            let suffix = format!(" ({copy})");
            let room = MAX_SHEET_NAME_UNITS.saturating_sub(suffix.len());
            name = format!("{}{suffix}", truncate_units(&base, room));
        }
        taken.insert(name.to_lowercase());
        names.push(name);
    }
    names
}

/// `raw` under Excel's rules for the characters and length of a sheet name ("" when nothing is
/// left).
fn clean_sheet_name(raw: &str) -> String {
    let replaced: String = raw
        .chars()
        .filter(|&c| is_xml_char(c) && !c.is_control())
        .map(|c| {
            if FORBIDDEN_IN_SHEET_NAME.contains(&c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = replaced.trim_matches('\'');
    let cut = truncate_units(trimmed, MAX_SHEET_NAME_UNITS).trim_end_matches('\'');
    if cut.trim().is_empty() {
        String::new()
    } else {
        cut.to_string()
    }
}

/// Signatures of the zip records written here.
const LOCAL: &[u8; 4] = b"PK\x03\x04";
const CENTRAL: &[u8; 4] = b"PK\x01\x02";
const EOCD: &[u8; 4] = b"PK\x05\x06";
/// DOS date of every entry: 1980-01-01 (time 00:00), so the output is the same on every run.
const DOS_DATE: u16 = (1 << 5) | 1;

/// A zip archive built in memory, entry by entry.
#[derive(Default)]
struct ZipWriter {
    /// Local headers and data.
    out: Vec<u8>,
    /// The central directory, appended by [`ZipWriter::finish`].
    central: Vec<u8>,
    entries: usize,
}

impl ZipWriter {
    /// Adds `content` under `name` (ASCII), deflated unless that does not make it smaller.
    fn add(&mut self, name: &str, content: &[u8]) {
        let mut crc = Crc::new();
        crc.update(content);
        let (method, data) = match deflate(content) {
            Some(deflated) if deflated.len() < content.len() => (8u16, Cow::Owned(deflated)),
            _ => (0u16, Cow::Borrowed(content)),
        };
        let offset = as32(self.out.len());
        let fields = EntryFields {
            method,
            crc: crc.sum(),
            compressed: as32(data.len()),
            inflated: as32(content.len()),
            name_len: u16::try_from(name.len()).unwrap_or(u16::MAX),
        };
        self.out.extend_from_slice(LOCAL);
        fields.write(&mut self.out);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(&data);

        self.central.extend_from_slice(CENTRAL);
        self.central.extend_from_slice(&20u16.to_le_bytes()); // made by: MS-DOS, zip 2.0
        fields.write(&mut self.central);
        self.central.extend_from_slice(&[0; 10]); // comment length, disk, attributes
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name.as_bytes());
        self.entries += 1;
    }

    /// The archive: entries, central directory, end record.
    fn finish(mut self) -> Vec<u8> {
        let cd_offset = as32(self.out.len());
        let cd_size = as32(self.central.len());
        let count = u16::try_from(self.entries)
            .unwrap_or(u16::MAX)
            .to_le_bytes();
        self.out.extend_from_slice(&self.central);
        self.out.extend_from_slice(EOCD);
        self.out.extend_from_slice(&[0; 4]); // this disk, the central directory's disk
        self.out.extend_from_slice(&count); // entries on this disk
        self.out.extend_from_slice(&count); // entries in all
        self.out.extend_from_slice(&cd_size.to_le_bytes());
        self.out.extend_from_slice(&cd_offset.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes()); // comment length
        self.out
    }
}

/// The fields a local header and a central-directory entry share, from "version needed" to
/// "extra field length".
struct EntryFields {
    method: u16,
    crc: u32,
    compressed: u32,
    inflated: u32,
    name_len: u16,
}

impl EntryFields {
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0 (deflate)
        out.extend_from_slice(&0u16.to_le_bytes()); // flags: names are ASCII
        out.extend_from_slice(&self.method.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // time 00:00:00
        out.extend_from_slice(&DOS_DATE.to_le_bytes());
        out.extend_from_slice(&self.crc.to_le_bytes());
        out.extend_from_slice(&self.compressed.to_le_bytes());
        out.extend_from_slice(&self.inflated.to_le_bytes());
        out.extend_from_slice(&self.name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // extra field length
    }
}

/// `content` raw-deflated, or `None` if the encoder fails (writing to a `Vec` does not; the part
/// is then stored).
fn deflate(content: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(content).ok()?;
    encoder.finish().ok()
}

/// A size or offset as a zip's 32-bit field (see the module documentation for the 4 GiB limit).
fn as32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

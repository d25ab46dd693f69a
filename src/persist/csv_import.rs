//! Reading a customer list saved as CSV or tab-separated text (SPEC §4).
//!
//! Encodings: UTF-8 with or without BOM, UTF-16 LE/BE with BOM (Excel's "Unicode text"), and GBK
//! (what Excel on Chinese Windows writes for "CSV (逗号分隔)"). Bytes that are valid UTF-8 are read
//! as UTF-8 — GBK text with Chinese characters is practically never valid UTF-8 — and anything
//! else as GBK (decoded as GB18030, its superset).
//!
//! The delimiter is `,`, `;` or TAB, sniffed from the first rows. Parsing follows RFC 4180
//! (quoted fields may hold delimiters, `""` and line breaks; CRLF, LF and CR all end a row) and is
//! lenient where Excel is: a quote inside an unquoted field is kept as text, text after a closing
//! quote is appended, and an unterminated quote runs to the end of the file. Every row is one
//! file row, blank lines included, so row numbers match what a spreadsheet shows.

use std::borrow::Cow;
use std::cmp::Reverse;

use encoding_rs::{Encoding, GBK};

use super::import::{ImportError, Table, TableBuilder, MAX_IMPORT_BYTES};

/// Delimiters tried when sniffing, in order of preference on a tie.
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];
/// Rows read per candidate delimiter when sniffing.
const SNIFF_ROWS: usize = 20;

/// Reads CSV bytes into a [`Table`]: size cap, decoding, delimiter sniffing, parsing, then the
/// header search and the row, column and cell caps of [`super::import`]. Rows wider or narrower
/// than the header are cut or padded (not an error). Never panics, whatever the bytes.
pub fn read_csv(bytes: &[u8]) -> Result<Table, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            max: MAX_IMPORT_BYTES,
        });
    }
    let text = decode(bytes)?;
    let delimiter = sniff_delimiter(&text);
    let mut records = Records::new(&text, delimiter);
    let mut builder = TableBuilder::default();
    let mut row_number = 0;
    while let Some((fields, _)) = records.next_record(builder.max_fields()) {
        row_number += 1;
        builder.push(row_number, fields)?;
    }
    builder.finish()
}

/// Decodes the file to text (see the module documentation for the rules).
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_length..).unwrap_or_default();
        return encoding
            .decode_without_bom_handling_and_without_replacement(body)
            .ok_or(ImportError::UnreadableEncoding);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    GBK.decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or(ImportError::UnreadableEncoding)
}

/// Picks the delimiter that splits the header into the most fields and keeps the next rows at the
/// same width: for each candidate, the first 20 rows are parsed (quote-aware, so a comma inside
/// `"1,200"` does not count). A candidate scores first by parsing cleanly (fewest quotes out of
/// place: closed before the end of a field, never closed, or inside an unquoted field — the signs
/// of a wrong delimiter), then by how many rows match the header's field count, then by that
/// count. A header that no candidate splits means one column, and `,` is used.
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut best = (b',', (Reverse(usize::MAX), 0usize, 0usize));
    for delimiter in DELIMITERS {
        let mut records = Records::new(text, delimiter);
        let mut header_width = None;
        let mut consistent = 0;
        for _ in 0..SNIFF_ROWS {
            let Some((fields, width)) = records.next_record(1) else {
                break;
            };
            if width == 1 && fields.iter().all(|f| f.trim().is_empty()) {
                // Blank line: neither for nor against.
                continue;
            }
            match header_width {
                None => header_width = Some(width),
                Some(w) if w == width => consistent += 1,
                Some(_) => {}
            }
        }
        let width = header_width.unwrap_or(0);
        let score = (Reverse(records.malformed_quotes), consistent, width);
        if width > 1 && score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

/// A quote-aware record reader over decoded text.
struct Records<'a> {
    /// The whole text.
    text: &'a str,
    /// Byte position of the next unread character.
    pos: usize,
    /// The field delimiter (ASCII).
    delimiter: u8,
    /// Fields so far whose quotes were out of place (see [`sniff_delimiter`]).
    malformed_quotes: usize,
}

impl<'a> Records<'a> {
    /// A reader at the start of `text`.
    fn new(text: &'a str, delimiter: u8) -> Self {
        Records {
            text,
            pos: 0,
            delimiter,
            malformed_quotes: 0,
        }
    }

    /// Reads the next record, keeping at most `max_fields` fields (the rest are scanned and
    /// dropped, so a hostile row cannot allocate without bound). Returns the kept fields and the
    /// record's true field count; `None` at the end of the text. A blank line is one empty field;
    /// a final line break does not start another record.
    fn next_record(&mut self, max_fields: usize) -> Option<(Vec<String>, usize)> {
        if self.pos >= self.text.len() {
            return None;
        }
        let bytes = self.text.as_bytes();
        let mut fields = Vec::new();
        let mut count = 0;
        loop {
            let field = self.next_field();
            count += 1;
            if fields.len() < max_fields {
                fields.push(field);
            }
            match bytes.get(self.pos) {
                Some(&b) if b == self.delimiter => self.pos += 1,
                Some(b'\r') => {
                    self.pos += 1;
                    if bytes.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    return Some((fields, count));
                }
                Some(b'\n') => {
                    self.pos += 1;
                    return Some((fields, count));
                }
                _ => return Some((fields, count)),
            }
        }
    }

    /// Reads one field up to (not including) the delimiter, line break or end of text.
    fn next_field(&mut self) -> String {
        let bytes = self.text.as_bytes();
        let mut field = String::new();
        let quoted = bytes.get(self.pos) == Some(&b'"');
        if quoted {
            self.pos += 1;
            loop {
                let rest = bytes.get(self.pos..).unwrap_or_default();
                match rest.iter().position(|&b| b == b'"') {
                    None => {
                        // Unterminated quote: the rest of the text is the field.
                        self.malformed_quotes += 1;
                        field.push_str(self.slice(self.pos, bytes.len()));
                        self.pos = bytes.len();
                        return field;
                    }
                    Some(offset) => {
                        let quote = self.pos + offset;
                        field.push_str(self.slice(self.pos, quote));
                        self.pos = quote + 1;
                        if bytes.get(self.pos) == Some(&b'"') {
                            field.push('"');
                            self.pos += 1;
                        } else {
                            break;
                        }
                    }
                }
            }
        }
        // Unquoted text, or whatever follows a closing quote before the delimiter.
        let start = self.pos;
        if quoted
            && !matches!(bytes.get(start), None | Some(b'\r' | b'\n'))
            && bytes.get(start) != Some(&self.delimiter)
        {
            self.malformed_quotes += 1;
        }
        let rest = bytes.get(start..).unwrap_or_default();
        let end = rest
            .iter()
            .position(|&b| b == self.delimiter || b == b'\r' || b == b'\n')
            .map_or(bytes.len(), |offset| start + offset);
        let tail = self.slice(start, end);
        if !quoted && tail.contains('"') {
            self.malformed_quotes += 1;
        }
        field.push_str(tail);
        self.pos = end;
        field
    }

    /// The text between two byte positions. They always sit next to an ASCII byte or at an end,
    /// so they are character boundaries; `get` keeps even a mistake here from panicking.
    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or_default()
    }
}

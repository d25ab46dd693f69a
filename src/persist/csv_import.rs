//! Reading a customer list saved as CSV or tab-separated text (SPEC §4).
//!
//! Encodings: UTF-8 with or without BOM, UTF-16 LE/BE with BOM (Excel's "Unicode text") or
//! without (recognised by the NUL bytes of ASCII characters at odd or even positions in the first
//! 4 KB), and GBK (what Excel on Chinese Windows writes for "CSV (逗号分隔)"), decoded as GB18030,
//! its superset. The rule, in order:
//!
//! 1. a BOM, or UTF-16 without one, decides;
//! 2. other NUL bytes in the first 4 KB mean binary data ([`ImportError::NotASpreadsheet`]) when
//!    they are at least a tenth of those bytes or the file does not decode by the rules below
//!    (stray NULs in otherwise good text are kept, as text);
//! 3. valid UTF-8 is UTF-8 (GBK text with Chinese characters is practically never valid UTF-8);
//! 4. *damaged UTF-8* — at most max(2, a tenth of its valid multi-byte characters) invalid
//!    sequences, and at least one valid multi-byte character — is [`ImportError::InvalidUtf8`]
//!    naming the line of the first bad byte, even when GBK would decode it: GBK accepts most byte
//!    pairs, so such a file would come out as mojibake rather than fail;
//! 5. bytes that decode as GBK without error are GBK (real GBK text has invalid UTF-8 sequences
//!    in nearly every Chinese character, so it is never "damaged UTF-8" above);
//! 6. a few invalid sequences without any multi-byte UTF-8 (ASCII with a stray byte that GBK
//!    refuses too) is again [`ImportError::InvalidUtf8`]; anything else
//!    [`ImportError::UnreadableEncoding`].
//!
//! [`TextDecoding::Lossy`] (the user's "read anyway") reads damaged UTF-8 with U+FFFD in place of
//! each bad sequence, and undecodable UTF-16 or GBK likewise.
//!
//! The delimiter is `,`, `;` or TAB, sniffed from the first rows. Parsing follows RFC 4180
//! (quoted fields may hold delimiters, `""` and line breaks; CRLF, LF and CR all end a row) and is
//! lenient where Excel is: a quote inside an unquoted field is kept as text, text after a closing
//! quote is appended, and an unterminated quote runs to the end of the file. Every row is one
//! file row, blank lines included, so row numbers match what a spreadsheet shows.

use std::borrow::Cow;
use std::cmp::Reverse;

use encoding_rs::{Encoding, GBK, UTF_16BE, UTF_16LE, UTF_8};

use super::import::progress::{self, Progress};
use super::import::{
    ImportError, Table, TableBuilder, TextDecoding, MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS,
};

/// Delimiters tried when sniffing, in order of preference on a tie.
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];
/// Rows read per candidate delimiter when sniffing.
const SNIFF_ROWS: usize = 20;

/// Bytes searched for the NUL bytes of UTF-16 or binary data.
const SNIFF_BYTES: usize = 4096;

/// Reads CSV bytes into a [`Table`], strictly decoded: see [`read_csv_with`].
pub fn read_csv(bytes: &[u8]) -> Result<Table, ImportError> {
    read_csv_with(bytes, TextDecoding::Strict)
}

/// Reads CSV bytes into a [`Table`]: size cap, decoding, delimiter sniffing, parsing, then the
/// header search and the row, column and cell caps of [`super::import`]. A record with more than
/// [`MAX_IMPORT_COLUMNS`] fields is [`ImportError::TooManyColumns`] naming its row; rows narrower
/// than the header are padded, and non-empty cells right of the header are counted in
/// [`Table::beyond_header`] (not imported, but not dropped silently). Never panics, whatever the
/// bytes.
pub fn read_csv_with(bytes: &[u8], decoding: TextDecoding) -> Result<Table, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            max: MAX_IMPORT_BYTES,
        });
    }
    let text = decode_with(bytes, decoding)?;
    let delimiter = sniff_delimiter(&text);
    let mut records = Records::new(&text, delimiter);
    let mut builder = TableBuilder::default();
    let mut row_number = 0usize;
    while let Some(record) = records.next_record(builder.max_fields()) {
        row_number = row_number.saturating_add(1);
        if record.count > MAX_IMPORT_COLUMNS {
            return Err(ImportError::TooManyColumns {
                row: row_number,
                columns: record.count,
                max: MAX_IMPORT_COLUMNS,
            });
        }
        if let Some(first) = record.first_dropped {
            builder.note_beyond_header(row_number, first + 1, record.dropped_non_empty);
        }
        builder.push(row_number, record.fields)?;
        if row_number.is_multiple_of(progress::EVERY_ROWS) {
            progress::report(Progress {
                rows: row_number,
                fraction: Some(records.pos as f64 / text.len().max(1) as f64),
            });
        }
    }
    builder.finish()
}

/// Decodes the file to text, strictly (see the module documentation for the rules).
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    decode_with(bytes, TextDecoding::Strict)
}

/// Decodes the file to text with `decoding` (see the module documentation for the rules).
pub fn decode_with(bytes: &[u8], decoding: TextDecoding) -> Result<Cow<'_, str>, ImportError> {
    let lossy = decoding == TextDecoding::Lossy;
    let bom =
        Encoding::for_bom(bytes).or_else(|| utf16_without_bom(bytes).map(|encoding| (encoding, 0)));
    if let Some((encoding, bom_length)) = bom {
        let body = bytes.get(bom_length..).unwrap_or_default();
        if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(body) {
            return Ok(text);
        }
        return match () {
            _ if lossy => Ok(encoding.decode_without_bom_handling(body).0),
            _ if encoding == UTF_8 => Err(ImportError::InvalidUtf8 {
                line: utf8_damage(body).first_line,
            }),
            _ => Err(ImportError::UnreadableEncoding),
        };
    }
    // NUL bytes that are not UTF-16: binary data, when they are many or the rest is not text.
    let sample = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    let binary = Err(ImportError::NotASpreadsheet { kind: "binary" });
    if nuls * 10 >= sample.len().max(1) {
        return binary;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    let damage = utf8_damage(bytes);
    let few = damage.errors <= (damage.multibyte / 10).max(2);
    let damaged_utf8 = || match decoding {
        _ if nuls > 0 => binary.clone(),
        TextDecoding::Lossy => Ok(String::from_utf8_lossy(bytes)),
        TextDecoding::Strict => Err(ImportError::InvalidUtf8 {
            line: damage.first_line,
        }),
    };
    if few && damage.multibyte > 0 {
        return damaged_utf8();
    }
    if let Some(text) = GBK.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(text);
    }
    if few || nuls > 0 {
        return damaged_utf8();
    }
    if lossy {
        return Ok(GBK.decode_without_bom_handling(bytes).0);
    }
    Err(ImportError::UnreadableEncoding)
}

/// UTF-16 without a BOM: in the first 4 KB, NUL bytes (the high bytes of ASCII characters) at
/// odd positions (little-endian) or even positions (big-endian) make up at least one code unit
/// in twenty, and at most a tenth as many sit at the other parity.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, _) in sample.iter().enumerate().filter(|(_, &b)| b == 0) {
        if i % 2 == 0 {
            even += 1;
        } else {
            odd += 1;
        }
    }
    let enough = (units / 20).max(1);
    if odd >= enough && even * 10 <= odd {
        Some(UTF_16LE)
    } else if even >= enough && odd * 10 <= even {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// How damaged UTF-8 is.
struct Utf8Damage {
    /// Invalid sequences.
    errors: usize,
    /// Valid multi-byte characters.
    multibyte: usize,
    /// 1-based line of the first invalid sequence (1 when there is none).
    first_line: usize,
}

/// Counts the invalid sequences and valid multi-byte characters of `bytes` as UTF-8.
fn utf8_damage(bytes: &[u8]) -> Utf8Damage {
    let leads = |b: &[u8]| b.iter().filter(|&&b| b >= 0xC0).count();
    let (mut errors, mut multibyte, mut first) = (0usize, 0usize, None);
    let (mut rest, mut offset) = (bytes, 0usize);
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => {
                multibyte += leads(rest);
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                multibyte += leads(rest.get(..valid).unwrap_or_default());
                errors += 1;
                first.get_or_insert(offset + valid);
                let skip = valid + e.error_len().unwrap_or(rest.len() - valid);
                rest = rest.get(skip..).unwrap_or_default();
                offset += skip;
            }
        }
    }
    let before = bytes.get(..first.unwrap_or(0)).unwrap_or_default();
    Utf8Damage {
        errors,
        multibyte,
        first_line: 1 + line_breaks(before),
    }
}

/// Line breaks in `bytes`: CRLF, LF and a lone CR each count once, as the reader splits rows.
fn line_breaks(bytes: &[u8]) -> usize {
    let lf = bytes.iter().filter(|&&b| b == b'\n').count();
    let lone_cr = bytes
        .windows(2)
        .filter(|w| w[0] == b'\r' && w[1] != b'\n')
        .count()
        + usize::from(bytes.last() == Some(&b'\r'));
    lf + lone_cr
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
            let Some(Record {
                fields,
                count: width,
                ..
            }) = records.next_record(1)
            else {
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

/// One record of the text.
#[derive(Default)]
struct Record {
    /// The fields kept.
    fields: Vec<String>,
    /// How many fields the record has.
    count: usize,
    /// 0-based index of the first non-empty field that was not kept.
    first_dropped: Option<usize>,
    /// How many non-empty fields were not kept.
    dropped_non_empty: usize,
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
    /// dropped, so a hostile row cannot allocate without bound, but counted). `None` at the end
    /// of the text. A blank line is one empty field; a final line break does not start another
    /// record.
    fn next_record(&mut self, max_fields: usize) -> Option<Record> {
        if self.pos >= self.text.len() {
            return None;
        }
        let bytes = self.text.as_bytes();
        let mut record = Record::default();
        loop {
            let field = self.next_field();
            if record.fields.len() < max_fields {
                record.fields.push(field);
            } else if !field.trim().is_empty() {
                record.first_dropped.get_or_insert(record.count);
                record.dropped_non_empty += 1;
            }
            record.count += 1;
            match bytes.get(self.pos) {
                Some(&b) if b == self.delimiter => self.pos += 1,
                Some(b'\r') => {
                    self.pos += 1;
                    if bytes.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    return Some(record);
                }
                Some(b'\n') => {
                    self.pos += 1;
                    return Some(record);
                }
                _ => return Some(record),
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

//! The zip layer of the .xlsx import, owned here so that no workbook can make the reader inflate
//! without bound (a "zip bomb") or allocate from a hostile size field.
//!
//! [`unpack_xlsx`] reads the zip's end-of-central-directory record and central directory itself
//! (zip64 sizes and offsets included; the central directory's sizes are trusted over local
//! headers and data descriptors), keeps the XML parts (`.xml`, `.rels`) — the only parts the
//! sheet reader opens — and refuses, each with its own [`ImportError`]:
//!
//! - encrypted entries and compression methods other than stored (0) and deflate (8);
//! - a sum of *declared* inflated sizes over [`MAX_INFLATED_BYTES`], before anything is inflated;
//! - an entry more than [`MAX_COMPRESSION_RATIO`] times larger inflated than compressed (once it
//!   passes [`RATIO_FLOOR_BYTES`]), by its declaration or while it inflates;
//! - an entry that inflates to a size other than the one it declared (a lying header): inflating
//!   stops one byte past the declared size, so a lie costs at most that;
//! - in the inflated XML: a shared-string table with more than [`MAX_SHARED_STRINGS`] items or an
//!   item longer than [`MAX_SHARED_STRING_BYTES`]; a stretch of text without markup longer than
//!   [`MAX_TEXT_RUN_BYTES`]; a worksheet with more than [`MAX_SCANNED_CELLS`] cell and row
//!   elements, empty ones included (the sheet reader skips empty `<c/>` silently, so it is
//!   counted here); any other part (styles, theme, workbook, relationships) with more than
//!   [`MAX_PART_ELEMENTS`] elements.
//!
//! What passes is written back as a *stored* (uncompressed) zip with fresh CRCs: the sheet reader
//! then never inflates anything and reads exactly the bytes checked here.

use flate2::{Crc, Decompress, FlushDecompress, Status};

use super::import::ImportError;

/// Most bytes the XML parts of a workbook may inflate to, all parts together. A real workbook at
/// the 20 MB file limit ([`super::import::MAX_IMPORT_BYTES`]) holds sheet XML compressed about
/// 5–12 : 1, so up to roughly 240 MB; beyond that it would also exceed the import's 20 M cell cap
/// (a cell is 30–50 bytes of XML). The repacked copy is as large, so this bounds the memory of the
/// zip layer to about twice this figure in the browser's 4 GB WebAssembly heap.
pub const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;
/// Highest inflated : compressed ratio of one part. Office writes sheet XML at 5–30 : 1; deflate
/// reaches 1032 : 1 only on degenerate, repetitive input such as a bomb.
pub const MAX_COMPRESSION_RATIO: u64 = 100;
/// Parts smaller than this inflated are not held to [`MAX_COMPRESSION_RATIO`] (small XML parts
/// of boilerplate compress very well and cost nothing).
pub const RATIO_FLOOR_BYTES: u64 = 1024 * 1024;
/// Most items (`<si>`) in the shared-string table: ten times more distinct texts than a 20 MB
/// workbook can hold cells for, yet bounded (the sheet reader keeps them all in memory).
pub const MAX_SHARED_STRINGS: usize = 2_000_000;
/// Longest shared-string item, in bytes of XML (a cell's text is at most 500 characters, so even
/// richly formatted text stays far below this).
pub const MAX_SHARED_STRING_BYTES: usize = 1024 * 1024;
/// Longest stretch of any XML part without a `<`: a text node or tag the XML reader would buffer
/// whole (the shipped reader grows one buffer for it).
pub const MAX_TEXT_RUN_BYTES: usize = 1024 * 1024;
/// Most cell and row elements (`<c …>`, `<row …>`, empty ones included) in one worksheet: the import
/// keeps at most 20 M cells, and a sheet may reasonably carry formatted empty cells besides.
pub const MAX_SCANNED_CELLS: usize = 30_000_000;

/// Most XML elements in one part that is neither a worksheet nor the shared strings (styles,
/// theme, workbook, relationships): the sheet reader keeps these parts' contents in memory, and
/// Excel itself allows at most 64,000 cell formats.
pub const MAX_PART_ELEMENTS: usize = 2_000_000;

/// Folders of parts the sheet reader never opens (pivot caches, charts, drawings, external
/// links, custom XML); they are left out of the repacked copy and not inflated.
const UNREAD_FOLDERS: [&str; 5] = [
    "pivotcache",
    "charts/",
    "drawings/",
    "externallinks/",
    "customxml/",
];

/// Inflated bytes produced per step; also the largest over-allocation per part.
const CHUNK: usize = 64 * 1024;
/// Signatures of the zip records read here.
const EOCD: &[u8; 4] = b"PK\x05\x06";
const ZIP64_LOCATOR: &[u8; 4] = b"PK\x06\x07";
const ZIP64_EOCD: &[u8; 4] = b"PK\x06\x06";
const CENTRAL: &[u8; 4] = b"PK\x01\x02";
const LOCAL: &[u8; 4] = b"PK\x03\x04";

/// One central-directory entry.
struct Entry {
    name: String,
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u64,
    inflated: u64,
    local_offset: u64,
}

/// A part written to the repacked zip: its name and where its data lies in the output.
struct Written {
    name: String,
    header_at: usize,
    data: std::ops::Range<usize>,
    crc: u32,
}

/// Unpacks `bytes` (a zip) under the caps of the module documentation and returns the XML parts
/// as a stored zip for the sheet reader.
pub fn unpack_xlsx(bytes: &[u8]) -> Result<Vec<u8>, ImportError> {
    let entries = central_directory(bytes)?;
    if entries.iter().any(|e| e.flags & 1 != 0 || e.method == 99) {
        return Err(ImportError::Encrypted);
    }
    let kept: Vec<&Entry> = entries.iter().filter(|e| is_xml_part(&e.name)).collect();
    if kept.len() > 0xFFFF || kept.iter().any(|e| e.name.len() > 0xFFFF) {
        return Err(broken("too many parts or too long a part name"));
    }
    // A set, not a pairwise comparison: 65,535 parts must not cost billions of comparisons.
    let mut names = std::collections::HashSet::with_capacity(kept.len());
    for e in &kept {
        if !names.insert(e.name.as_str()) {
            return Err(broken("two parts have the same name"));
        }
        if e.method != 0 && e.method != 8 {
            return Err(ImportError::UnsupportedCompression {
                part: e.name.clone(),
                method: e.method,
            });
        }
    }
    let declared = kept
        .iter()
        .fold(0u64, |sum, e| sum.saturating_add(e.inflated));
    if declared > MAX_INFLATED_BYTES {
        return Err(ImportError::InflatedTooLarge {
            max: MAX_INFLATED_BYTES,
        });
    }
    for e in &kept {
        check_ratio(&e.name, e.inflated, e.compressed)?;
    }
    // `declared` is at most MAX_INFLATED_BYTES, so this reservation is bounded.
    let mut out = Vec::with_capacity(usize::try_from(declared).unwrap_or(0).saturating_add(4096));
    let mut written = Vec::with_capacity(kept.len());
    for e in kept {
        written.push(write_part(bytes, e, &mut out)?);
    }
    for w in &written {
        scan_part(&w.name, out.get(w.data.clone()).unwrap_or_default())?;
    }
    finish_zip(&mut out, &written);
    Ok(out)
}

/// True for the parts the sheet reader may open (workbook, relationships, styles, theme,
/// strings, sheets): XML outside [`UNREAD_FOLDERS`].
fn is_xml_part(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    !lower.ends_with('/')
        && (lower.ends_with(".xml") || lower.ends_with(".rels"))
        && !UNREAD_FOLDERS.iter().any(|f| lower.contains(f))
}

/// A [`ImportError::BrokenZip`] with its (English, technical) reason.
fn broken(reason: &str) -> ImportError {
    ImportError::BrokenZip(reason.to_string())
}

/// Refuses a part more than [`MAX_COMPRESSION_RATIO`] times larger than its compressed size.
fn check_ratio(name: &str, inflated: u64, compressed: u64) -> Result<(), ImportError> {
    if inflated > RATIO_FLOOR_BYTES && inflated / compressed.max(1) > MAX_COMPRESSION_RATIO {
        return Err(ImportError::CompressionRatio {
            part: name.to_string(),
            max: MAX_COMPRESSION_RATIO,
        });
    }
    Ok(())
}

/// Little-endian readers that fail instead of panicking.
fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}
fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}
fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        b.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

/// A file offset from the zip as an index into `bytes`, if it fits.
fn index(offset: u64) -> Option<usize> {
    usize::try_from(offset).ok()
}

/// Finds and reads the central directory.
fn central_directory(bytes: &[u8]) -> Result<Vec<Entry>, ImportError> {
    let truncated = || broken("the central directory is truncated");
    // The end record is 22 bytes plus a comment of at most 65 535.
    let last = bytes
        .len()
        .checked_sub(22)
        .ok_or_else(|| broken("no end of central directory"))?;
    let first = last.saturating_sub(65_535);
    let eocd = (first..=last)
        .rev()
        .find(|&i| bytes.get(i..i + 4) == Some(EOCD.as_slice()))
        .ok_or_else(|| broken("no end of central directory"))?;
    let field16 = |at| u16_at(bytes, eocd + at).ok_or_else(truncated);
    let field32 = |at| u32_at(bytes, eocd + at).ok_or_else(truncated);
    let (mut disk, mut cd_disk) = (u32::from(field16(4)?), u32::from(field16(6)?));
    let mut count = u64::from(field16(10)?);
    let mut cd_size = u64::from(field32(12)?);
    let mut cd_offset = u64::from(field32(16)?);
    if count == 0xFFFF || cd_size == 0xFFFF_FFFF || cd_offset == 0xFFFF_FFFF {
        let locator = eocd
            .checked_sub(20)
            .filter(|&l| bytes.get(l..l + 4) == Some(ZIP64_LOCATOR.as_slice()))
            .ok_or_else(|| broken("the zip64 end record is missing"))?;
        let at = u64_at(bytes, locator + 8)
            .and_then(index)
            .filter(|&at| bytes.get(at..at.saturating_add(4)) == Some(ZIP64_EOCD.as_slice()))
            .ok_or_else(|| broken("the zip64 end record is missing"))?;
        let z32 = |o: usize| u32_at(bytes, at + o).ok_or_else(truncated);
        let z64 = |o: usize| u64_at(bytes, at + o).ok_or_else(truncated);
        (disk, cd_disk) = (z32(16)?, z32(20)?);
        (count, cd_size, cd_offset) = (z64(32)?, z64(40)?, z64(48)?);
    }
    if disk != 0 || cd_disk != 0 {
        return Err(broken("split (multi-part) archives are not supported"));
    }
    let start = index(cd_offset).ok_or_else(truncated)?;
    let end = index(cd_size)
        .and_then(|size| start.checked_add(size))
        .ok_or_else(truncated)?;
    let cd = bytes.get(start..end).ok_or_else(truncated)?;
    let mut entries = Vec::new();
    let mut at = 0usize;
    // Every entry takes at least 46 bytes, so `count` cannot make this loop run away.
    while (entries.len() as u64) < count {
        let (entry, next) = central_entry(cd, at).ok_or_else(truncated)?;
        entries.push(entry);
        at = next;
    }
    Ok(entries)
}

/// The central-directory entry at `at` in `cd`, and where the next one starts.
fn central_entry(cd: &[u8], at: usize) -> Option<(Entry, usize)> {
    if cd.get(at..at.checked_add(4)?)? != CENTRAL {
        return None;
    }
    let name_len = usize::from(u16_at(cd, at + 28)?);
    let extra_len = usize::from(u16_at(cd, at + 30)?);
    let comment_len = usize::from(u16_at(cd, at + 32)?);
    let name_at = at.checked_add(46)?;
    let extra_at = name_at.checked_add(name_len)?;
    let next = extra_at.checked_add(extra_len)?.checked_add(comment_len)?;
    let name = String::from_utf8_lossy(cd.get(name_at..extra_at)?).into_owned();
    let extra = cd.get(extra_at..extra_at + extra_len)?;
    cd.get(..next)?;
    let mut entry = Entry {
        name,
        flags: u16_at(cd, at + 8)?,
        method: u16_at(cd, at + 10)?,
        crc: u32_at(cd, at + 16)?,
        compressed: u64::from(u32_at(cd, at + 20)?),
        inflated: u64::from(u32_at(cd, at + 24)?),
        local_offset: u64::from(u32_at(cd, at + 42)?),
    };
    apply_zip64(&mut entry, extra)?;
    Some((entry, next))
}

/// Replaces the 32-bit fields marked 0xFFFFFFFF by their zip64 values (extra field 0x0001,
/// which lists them in the order inflated size, compressed size, local-header offset).
fn apply_zip64(entry: &mut Entry, extra: &[u8]) -> Option<()> {
    let mut at = 0usize;
    while at + 4 <= extra.len() {
        let id = u16_at(extra, at)?;
        let size = usize::from(u16_at(extra, at + 2)?);
        let data = extra.get(at + 4..at + 4 + size)?;
        if id == 0x0001 {
            let mut o = 0;
            for field in [
                &mut entry.inflated,
                &mut entry.compressed,
                &mut entry.local_offset,
            ] {
                if *field == 0xFFFF_FFFF {
                    *field = u64_at(data, o)?;
                    o += 8;
                }
            }
        }
        at += 4 + size;
    }
    Some(())
}

/// Inflates (or copies) one part into `out` behind a stored local header.
fn write_part(bytes: &[u8], e: &Entry, out: &mut Vec<u8>) -> Result<Written, ImportError> {
    let outside = || broken("a part's data lies outside the file");
    let local = index(e.local_offset).ok_or_else(outside)?;
    if bytes.get(local..local.saturating_add(4)) != Some(LOCAL.as_slice()) {
        return Err(broken("a local header is missing"));
    }
    let name_len = usize::from(u16_at(bytes, local + 26).ok_or_else(outside)?);
    let extra_len = usize::from(u16_at(bytes, local + 28).ok_or_else(outside)?);
    let start = local + 30 + name_len + extra_len;
    let data = index(e.compressed)
        .and_then(|size| bytes.get(start..start.checked_add(size)?))
        .ok_or_else(outside)?;
    let header_at = out.len();
    local_header(out, &e.name, 0, 0);
    let data_at = out.len();
    if e.method == 0 {
        if e.compressed != e.inflated {
            return Err(lying(e));
        }
        out.extend_from_slice(data);
    } else {
        inflate(data, e, out)?;
    }
    let mut crc = Crc::new();
    crc.update(out.get(data_at..).unwrap_or_default());
    if crc.sum() != e.crc {
        return Err(broken("a part's checksum does not match its content"));
    }
    Ok(Written {
        name: e.name.clone(),
        header_at,
        data: data_at..out.len(),
        crc: crc.sum(),
    })
}

/// The error for a part whose content does not have its declared size.
fn lying(e: &Entry) -> ImportError {
    ImportError::SizeMismatch {
        part: e.name.clone(),
        declared: e.inflated,
    }
}

/// Raw-deflates `data` onto `out`, stopping one byte past the declared size and as soon as the
/// ratio cap is passed.
fn inflate(data: &[u8], e: &Entry, out: &mut Vec<u8>) -> Result<(), ImportError> {
    let base = out.len();
    let limit = e.inflated;
    let mut inflater = Decompress::new(false);
    loop {
        let produced = (out.len() - base) as u64;
        if produced > limit {
            return Err(lying(e));
        }
        check_ratio(&e.name, produced, e.compressed)?;
        let room = usize::try_from(limit + 1 - produced)
            .unwrap_or(CHUNK)
            .min(CHUNK);
        out.reserve_exact(room);
        let consumed = index(inflater.total_in()).unwrap_or(usize::MAX);
        let input = data.get(consumed..).unwrap_or_default();
        let before = (inflater.total_in(), out.len());
        let status = inflater
            .decompress_vec(input, out, FlushDecompress::None)
            .map_err(|_| broken("a part's compressed data is damaged"))?;
        if status == Status::StreamEnd {
            break;
        }
        if (inflater.total_in(), out.len()) == before {
            return Err(broken("a part's compressed data ends early"));
        }
    }
    if (out.len() - base) as u64 != limit {
        return Err(lying(e));
    }
    Ok(())
}

/// Checks the inflated XML of one part (see the module documentation).
fn scan_part(name: &str, xml: &[u8]) -> Result<(), ImportError> {
    let lower = name.to_ascii_lowercase();
    let shared = lower.ends_with("sharedstrings.xml");
    // Parts the reader loads whole (styles, theme, workbook, content types, relationships) are
    // held to an element count; every other part may be a sheet and is held to the cell count.
    let whole = lower.ends_with(".rels")
        || lower.ends_with("styles.xml")
        || lower.contains("theme/")
        || lower.ends_with("workbook.xml")
        || lower.ends_with("[content_types].xml");
    let sheet = !shared && !whole;
    let (mut items, mut item_start, mut cells) = (0usize, None::<usize>, 0usize);
    let mut elements = 0usize;
    let mut last_lt = 0usize;
    for (i, _) in xml.iter().enumerate().filter(|(_, &b)| b == b'<') {
        if i - last_lt > MAX_TEXT_RUN_BYTES {
            return Err(ImportError::XmlTextTooLong {
                part: name.to_string(),
                max: MAX_TEXT_RUN_BYTES,
            });
        }
        last_lt = i;
        let rest = &xml[i + 1..];
        if shared && element_is(rest, b"si") {
            items += 1;
            if items > MAX_SHARED_STRINGS {
                return Err(ImportError::TooManySharedStrings {
                    max: MAX_SHARED_STRINGS,
                });
            }
            check_item(item_start, i)?;
            item_start = Some(i);
        } else if sheet && (element_is(rest, b"c") || element_is(rest, b"row")) {
            cells += 1;
            if cells > MAX_SCANNED_CELLS {
                return Err(ImportError::TooManyScannedCells {
                    max: MAX_SCANNED_CELLS,
                });
            }
        } else if whole && rest.first().is_some_and(|b| b.is_ascii_alphabetic()) {
            elements += 1;
            if elements > MAX_PART_ELEMENTS {
                return Err(ImportError::TooManyElements {
                    part: name.to_string(),
                    max: MAX_PART_ELEMENTS,
                });
            }
        }
    }
    if xml.len() - last_lt > MAX_TEXT_RUN_BYTES {
        return Err(ImportError::XmlTextTooLong {
            part: name.to_string(),
            max: MAX_TEXT_RUN_BYTES,
        });
    }
    if shared {
        check_item(item_start, xml.len())?;
    }
    Ok(())
}

/// Refuses a shared-string item running from `start` to `end` longer than the cap.
fn check_item(start: Option<usize>, end: usize) -> Result<(), ImportError> {
    match start {
        Some(start) if end - start > MAX_SHARED_STRING_BYTES => {
            Err(ImportError::SharedStringTooLong {
                max: MAX_SHARED_STRING_BYTES,
            })
        }
        _ => Ok(()),
    }
}

/// True when `rest` (the text after a `<`) starts the element `tag` (not a longer name).
fn element_is(rest: &[u8], tag: &[u8]) -> bool {
    rest.starts_with(tag)
        && matches!(
            rest.get(tag.len()),
            Some(b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>')
        )
}

/// Appends a stored local header (sizes and CRC patched later by [`finish_zip`]). Names are at
/// most 0xFFFF bytes and parts at most 0xFFFF in number ([`unpack_xlsx`] checks both).
fn local_header(out: &mut Vec<u8>, name: &str, crc: u32, size: u32) {
    out.extend_from_slice(LOCAL);
    out.extend_from_slice(&20u16.to_le_bytes()); // version needed
    out.extend_from_slice(&0x0800u16.to_le_bytes()); // UTF-8 names
    out.extend_from_slice(&0u16.to_le_bytes()); // stored
    out.extend_from_slice(&[0; 4]); // time, date
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&(name.len() as u16).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(name.as_bytes());
}

/// Patches the local headers and appends the central directory and end record. Every size and
/// offset is below [`MAX_INFLATED_BYTES`] plus headers, so 32-bit fields suffice.
fn finish_zip(out: &mut Vec<u8>, written: &[Written]) {
    let as32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    for w in written {
        let size = as32(w.data.len()).to_le_bytes();
        let patch = [(14, w.crc.to_le_bytes()), (18, size), (22, size)];
        for (at, value) in patch {
            if let Some(slot) = out.get_mut(w.header_at + at..w.header_at + at + 4) {
                slot.copy_from_slice(&value);
            }
        }
    }
    let cd_at = out.len();
    for w in written {
        let size = as32(w.data.len());
        out.extend_from_slice(CENTRAL);
        out.extend_from_slice(&20u16.to_le_bytes()); // version made by
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed
        out.extend_from_slice(&0x0800u16.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&w.crc.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        let name = w.name.as_bytes();
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0; 12]); // extra, comment, disk, attributes
        out.extend_from_slice(&as32(w.header_at).to_le_bytes());
        out.extend_from_slice(name);
    }
    let cd_size = out.len() - cd_at;
    let count = (written.len() as u16).to_le_bytes();
    out.extend_from_slice(EOCD);
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&count);
    out.extend_from_slice(&count);
    out.extend_from_slice(&as32(cd_size).to_le_bytes());
    out.extend_from_slice(&as32(cd_at).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
}

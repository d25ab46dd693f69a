//! Hostile files for the importers: zip bombs, lying zip headers, encrypted or oddly compressed
//! workbooks, absurdly wide rows, renamed binaries and text in unexpected encodings. Every bomb is
//! built here in memory (nothing large is committed) and each test asserts the exact error, which
//! is a cap being reached — so the reader stopped long before inflating gigabytes.

use flate2::{Compress, Compression, FlushCompress};
use kam_planner::persist::csv_import::{decode, read_csv};
use kam_planner::persist::import::{
    read_table, read_table_with, BeyondHeader, ImportError, TextDecoding, MAX_IMPORT_COLUMNS,
};
use kam_planner::persist::people_import::{read_people_table, read_people_table_with};
use kam_planner::persist::xlsx_unpack::{
    MAX_COMPRESSION_RATIO, MAX_INFLATED_BYTES, MAX_PART_ELEMENTS, MAX_SCANNED_CELLS,
    MAX_SHARED_STRINGS, MAX_SHARED_STRING_BYTES, MAX_TEXT_RUN_BYTES,
};
use proptest::prelude::*;

const MIB: u64 = 1024 * 1024;
const GIB: u64 = 1024 * MIB;

/// One entry of a hand-built zip.
#[derive(Clone)]
struct Part {
    name: String,
    method: u16,
    flags: u16,
    /// The bytes as stored in the zip (compressed for method 8).
    data: Vec<u8>,
    crc: u32,
    /// The inflated size written in the headers (may lie).
    declared: u64,
}

impl Part {
    /// An honest stored part.
    fn stored(name: &str, content: &[u8]) -> Part {
        Part {
            name: name.into(),
            method: 0,
            flags: 0,
            data: content.to_vec(),
            crc: crc(content),
            declared: content.len() as u64,
        }
    }

    /// An honest deflated part.
    fn deflated(name: &str, content: &[u8]) -> Part {
        let mut compress = Compress::new(Compression::default(), false);
        let mut data = Vec::with_capacity(content.len() + 64);
        compress
            .compress_vec(content, &mut data, FlushCompress::Finish)
            .unwrap();
        Part {
            name: name.into(),
            method: 8,
            flags: 0,
            data,
            crc: crc(content),
            declared: content.len() as u64,
        }
    }

    /// A deflated part inflating to `chunk` repeated `times` times, declared at that size and
    /// with a made-up CRC (every test trips a cap before the CRC is compared).
    fn bomb(name: &str, chunk: &[u8], times: usize) -> Part {
        let data = repeated_deflate(chunk, times);
        Part {
            name: name.into(),
            method: 8,
            flags: 0,
            data,
            crc: 0,
            declared: chunk.len() as u64 * times as u64,
        }
    }
}

fn crc(data: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(data);
    crc.sum()
}

/// Raw deflate of `chunk` repeated `times` times, cheaply: the chunk is compressed once with a
/// full flush (byte-aligned, no back-references across it), the compressed bytes are repeated,
/// and a final empty fixed-Huffman block ends the stream.
fn repeated_deflate(chunk: &[u8], times: usize) -> Vec<u8> {
    let mut compress = Compress::new(Compression::best(), false);
    let mut once = Vec::with_capacity(chunk.len() + 1024);
    compress
        .compress_vec(chunk, &mut once, FlushCompress::Full)
        .unwrap();
    assert_eq!(compress.total_in() as usize, chunk.len());
    let mut out = Vec::with_capacity(once.len() * times + 2);
    for _ in 0..times {
        out.extend_from_slice(&once);
    }
    out.extend_from_slice(&[0x03, 0x00]);
    out
}

const CONTENT_TYPES: &str = r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
const SHEET: &str = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>行业</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>华远通信</t></is></c><c r="B2" t="inlineStr"><is><t>通信</t></is></c></row></sheetData></worksheet>"#;
const SHARED: &str = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>客户名称</t></si></sst>"#;

/// The boilerplate parts of a one-sheet workbook, deflated.
fn frame() -> Vec<Part> {
    vec![
        Part::deflated("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        Part::deflated("_rels/.rels", ROOT_RELS.as_bytes()),
        Part::deflated("xl/workbook.xml", WORKBOOK.as_bytes()),
        Part::deflated("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
    ]
}

/// A workbook of the frame plus `sheet` and `shared` parts.
fn workbook(sheet: Part, shared: Part, zip64: bool) -> Vec<u8> {
    let mut parts = frame();
    parts.push(sheet);
    parts.push(shared);
    zip(&parts, zip64)
}

/// The good small workbook: 客户名称 / 行业, one row.
fn good_workbook(zip64: bool) -> Vec<u8> {
    workbook(
        Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes()),
        Part::deflated("xl/sharedStrings.xml", SHARED.as_bytes()),
        zip64,
    )
}

/// A zip of `parts`; with `zip64`, every size and offset goes through zip64 fields and records.
fn zip(parts: &[Part], zip64: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for p in parts {
        let offset = out.len() as u64;
        let big = zip64 || p.declared > 0xFFFF_FFFE || p.data.len() as u64 > 0xFFFF_FFFE;
        let small = |n: u64| if big { 0xFFFF_FFFFu32 } else { n as u32 };
        let mut extra = Vec::new();
        if big {
            extra.extend_from_slice(&1u16.to_le_bytes());
            extra.extend_from_slice(&24u16.to_le_bytes());
            extra.extend_from_slice(&p.declared.to_le_bytes());
            extra.extend_from_slice(&(p.data.len() as u64).to_le_bytes());
            extra.extend_from_slice(&offset.to_le_bytes());
        }
        let header = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend_from_slice(&sig.to_le_bytes());
            if central {
                h.extend_from_slice(&45u16.to_le_bytes());
            }
            h.extend_from_slice(&45u16.to_le_bytes());
            h.extend_from_slice(&p.flags.to_le_bytes());
            h.extend_from_slice(&p.method.to_le_bytes());
            h.extend_from_slice(&[0, 0, 0x21, 0]);
            h.extend_from_slice(&p.crc.to_le_bytes());
            h.extend_from_slice(&small(p.data.len() as u64).to_le_bytes());
            h.extend_from_slice(&small(p.declared).to_le_bytes());
            h.extend_from_slice(&(p.name.len() as u16).to_le_bytes());
            h.extend_from_slice(&(extra.len() as u16).to_le_bytes());
            if central {
                h.extend_from_slice(&[0; 10]); // comment, disk, attributes
                h.extend_from_slice(&small(offset).to_le_bytes());
            }
            h.extend_from_slice(p.name.as_bytes());
            h.extend_from_slice(&extra);
            h
        };
        out.extend_from_slice(&header(0x0403_4b50, false));
        out.extend_from_slice(&p.data);
        central.extend_from_slice(&header(0x0201_4b50, true));
    }
    let cd_offset = out.len() as u64;
    out.extend_from_slice(&central);
    let count = parts.len() as u64;
    if zip64 {
        let record = out.len() as u64;
        out.extend_from_slice(b"PK\x06\x06");
        out.extend_from_slice(&44u64.to_le_bytes());
        out.extend_from_slice(&45u16.to_le_bytes());
        out.extend_from_slice(&45u16.to_le_bytes());
        out.extend_from_slice(&[0; 8]);
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&(central.len() as u64).to_le_bytes());
        out.extend_from_slice(&cd_offset.to_le_bytes());
        out.extend_from_slice(b"PK\x06\x07");
        out.extend_from_slice(&0u32.to_le_bytes());
        out.extend_from_slice(&record.to_le_bytes());
        out.extend_from_slice(&1u32.to_le_bytes());
    }
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0; 4]);
    let (n, size, at) = if zip64 {
        (0xFFFFu16, 0xFFFF_FFFFu32, 0xFFFF_FFFFu32)
    } else {
        (count as u16, central.len() as u32, cd_offset as u32)
    };
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

fn sheet_part(content: Part) -> Part {
    Part {
        name: "xl/worksheets/sheet1.xml".into(),
        ..content
    }
}

fn shared_part() -> Part {
    Part::deflated("xl/sharedStrings.xml", SHARED.as_bytes())
}

// ---- The good workbook, through the owned zip layer --------------------------------------------

#[test]
fn a_small_workbook_reads_plain_and_as_zip64() {
    for zip64 in [false, true] {
        let table = read_table(&good_workbook(zip64)).unwrap();
        assert_eq!(table.headers, vec!["客户名称", "行业"], "zip64: {zip64}");
        assert_eq!(table.rows, vec![vec!["华远通信", "通信"]]);
    }
}

#[test]
fn local_headers_are_not_trusted_only_the_central_directory() {
    // Data descriptors (flag bit 3): local headers carry no CRC or sizes; a reader that trusted
    // them would read nothing or everything. The central directory has the truth.
    let mut file = good_workbook(false);
    let mut at = 0;
    while let Some(found) = file[at..].windows(4).position(|w| w == b"PK\x03\x04") {
        let header = at + found;
        file[header + 6] |= 0x08;
        file[header + 14..header + 26].fill(0);
        at = header + 30;
    }
    let table = read_table(&file).unwrap();
    assert_eq!(table.rows, vec![vec!["华远通信", "通信"]]);
}

#[test]
fn a_realistic_workbook_passes_every_cap() {
    // 20,000 rows × 10 columns as Excel writes them (shared-string indices, styles, numbers):
    // about 8 MB of XML deflated 6 : 1, far inside the ratio and size caps.
    let mut seed = 7u32;
    let mut next = |m: u32| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 8) % m
    };
    let mut xml = String::from("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">");
    for (i, col) in "ABCDEFGHIJ".chars().enumerate() {
        xml.push_str(&format!(
            "<c r=\"{col}1\" t=\"inlineStr\"><is><t>{}</t></is></c>",
            ["客户名称", "行业"].get(i).unwrap_or(&"x")
        ));
    }
    xml.push_str("</row>");
    for row in 2..=20_001 {
        xml.push_str(&format!("<row r=\"{row}\" spans=\"1:10\">"));
        for (i, col) in "ABCDEFGHIJ".chars().enumerate() {
            if i < 4 {
                xml.push_str(&format!(
                    "<c r=\"{col}{row}\" s=\"1\" t=\"s\"><v>{}</v></c>",
                    next(500)
                ));
            } else {
                xml.push_str(&format!(
                    "<c r=\"{col}{row}\" s=\"2\"><v>{}</v></c>",
                    next(10_000_000)
                ));
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    let shared: String = (0..500)
        .map(|i| format!("<si><t>客户{i}</t></si>"))
        .collect();
    let sheet = Part::deflated("xl/worksheets/sheet1.xml", xml.as_bytes());
    assert!(sheet.declared / (sheet.data.len() as u64) < 20);
    let file = workbook(
        sheet,
        Part::deflated(
            "xl/sharedStrings.xml",
            format!("<sst>{shared}</sst>").as_bytes(),
        ),
        false,
    );
    let table = read_table(&file).unwrap();
    assert_eq!(table.rows.len(), 20_000);
    assert_eq!(table.headers.len(), 10);
    assert!(table.rows[0][0].starts_with("客户"));
    assert_eq!(table.beyond_header, None);
}

// ---- Bombs -------------------------------------------------------------------------------------

#[test]
fn a_3_gib_shared_string_is_refused_by_its_declared_size() {
    // One shared string of 3 GiB of "a" (the sharedStrings part declares it honestly).
    let mut parts = frame();
    parts.push(Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes()));
    let bomb = Part::bomb("xl/sharedStrings.xml", &vec![b'a'; MIB as usize], 3 * 1024);
    assert_eq!(bomb.declared, 3 * GIB);
    parts.push(bomb);
    let file = zip(&parts, false);
    assert!(file.len() < 20 * MIB as usize, "the bomb is a small file");
    assert_eq!(
        read_table(&file),
        Err(ImportError::InflatedTooLarge {
            max: MAX_INFLATED_BYTES
        })
    );
}

#[test]
fn a_3_gib_shared_string_that_declares_1_kb_stops_at_1_kb() {
    let mut bomb = Part::bomb("xl/sharedStrings.xml", &vec![b'a'; MIB as usize], 3 * 1024);
    bomb.declared = 1024;
    let file = workbook(
        Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes()),
        bomb,
        false,
    );
    assert_eq!(
        read_table(&file),
        Err(ImportError::SizeMismatch {
            part: "xl/sharedStrings.xml".into(),
            declared: 1024
        })
    );
}

#[test]
fn a_shared_string_longer_than_the_cap_is_refused() {
    // Many short runs, so that no stretch of text is long: only the item is.
    let runs = "<r><t>客户名称很长</t></r>".repeat(MAX_SHARED_STRING_BYTES / 20);
    let xml = format!("<sst><si>{runs}</si><si><t>x</t></si></sst>");
    assert!(xml.len() > MAX_SHARED_STRING_BYTES);
    let file = workbook(
        Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes()),
        Part::stored("xl/sharedStrings.xml", xml.as_bytes()),
        false,
    );
    assert_eq!(
        read_table(&file),
        Err(ImportError::SharedStringTooLong {
            max: MAX_SHARED_STRING_BYTES
        })
    );
}

#[test]
fn one_hundred_fifty_million_shared_strings_are_refused_before_inflating() {
    // 150 M `<si/>` = 750 MB inflated, from a file of a few MB.
    let chunk = "<si/>".repeat(200_000);
    let bomb = Part::bomb("xl/sharedStrings.xml", chunk.as_bytes(), 750);
    assert_eq!(bomb.declared, 750_000_000);
    let file = workbook(
        Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes()),
        bomb,
        false,
    );
    assert!(file.len() < 8 * MIB as usize);
    assert_eq!(
        read_table(&file),
        Err(ImportError::InflatedTooLarge {
            max: MAX_INFLATED_BYTES
        })
    );
}

#[test]
fn more_shared_strings_than_the_cap_are_refused_by_count() {
    // Within the size cap and stored (no ratio to trip), but one item too many.
    let xml = format!("<sst>{}</sst>", "<si/>".repeat(MAX_SHARED_STRINGS + 1));
    let file = workbook(
        Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes()),
        Part::stored("xl/sharedStrings.xml", xml.as_bytes()),
        false,
    );
    assert_eq!(
        read_table(&file),
        Err(ImportError::TooManySharedStrings {
            max: MAX_SHARED_STRINGS
        })
    );
}

#[test]
fn an_8_gib_whitespace_sheet_is_refused_by_its_zip64_declared_size() {
    let bomb = sheet_part(Part::bomb("x", &vec![b' '; MIB as usize], 8 * 1024));
    assert_eq!(bomb.declared, 8 * GIB);
    let file = workbook(bomb, shared_part(), false);
    assert!(file.len() < 20 * MIB as usize);
    assert_eq!(
        read_table(&file),
        Err(ImportError::InflatedTooLarge {
            max: MAX_INFLATED_BYTES
        })
    );
}

#[test]
fn a_long_run_of_whitespace_within_the_size_cap_is_refused() {
    let mut xml = SHEET.replace("<sheetData>", "<sheetData>\n");
    xml.insert_str(
        xml.find("<sheetData>").unwrap() + 11,
        &" ".repeat(MAX_TEXT_RUN_BYTES + 1),
    );
    let file = workbook(
        Part::stored("xl/worksheets/sheet1.xml", xml.as_bytes()),
        shared_part(),
        false,
    );
    assert_eq!(
        read_table(&file),
        Err(ImportError::XmlTextTooLong {
            part: "xl/worksheets/sheet1.xml".into(),
            max: MAX_TEXT_RUN_BYTES
        })
    );
}

#[test]
fn four_gib_of_empty_cells_are_refused_before_inflating() {
    let bomb = sheet_part(Part::bomb("x", "<c/>".repeat(256 * 1024).as_bytes(), 4096));
    assert_eq!(bomb.declared, 4 * GIB);
    let file = workbook(bomb, shared_part(), true);
    assert_eq!(
        read_table(&file),
        Err(ImportError::InflatedTooLarge {
            max: MAX_INFLATED_BYTES
        })
    );
}

#[test]
fn empty_cells_count_against_the_scanned_cells_cap() {
    // Within the size and ratio caps (a pseudo-random space or line break after each `<c/>`
    // keeps the ratio near 30 : 1), with an honest CRC: only the count of `<c/>` trips.
    let mut seed = 12_345u32;
    let mut chunk = Vec::with_capacity(MIB as usize);
    while chunk.len() + 5 <= MIB as usize {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        chunk.extend_from_slice(b"<c/>");
        chunk.push(if seed >> 16 & 1 == 0 { b' ' } else { b'\n' });
    }
    let times = 150;
    let mut bomb = sheet_part(Part::bomb("x", &chunk, times));
    let mut crc = flate2::Crc::new();
    (0..times).for_each(|_| crc.update(&chunk));
    bomb.crc = crc.sum();
    assert!((chunk.len() / 5 * times) > MAX_SCANNED_CELLS);
    assert!(bomb.declared < MAX_INFLATED_BYTES);
    assert!(bomb.declared / (bomb.data.len() as u64) < MAX_COMPRESSION_RATIO);
    let file = workbook(bomb, shared_part(), false);
    assert!(file.len() < 20 * MIB as usize);
    assert_eq!(
        read_table(&file),
        Err(ImportError::TooManyScannedCells {
            max: MAX_SCANNED_CELLS
        })
    );
}

#[test]
fn a_styles_part_with_millions_of_formats_is_refused() {
    // Stored and within the size cap: only the element count of styles.xml trips.
    let xfs = "<xf/>".repeat(MAX_PART_ELEMENTS + 1);
    let mut parts = frame();
    parts.push(Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes()));
    parts.push(shared_part());
    parts.push(Part::stored(
        "xl/styles.xml",
        format!("<styleSheet><cellXfs>{xfs}</cellXfs></styleSheet>").as_bytes(),
    ));
    assert_eq!(
        read_table(&zip(&parts, false)),
        Err(ImportError::TooManyElements {
            part: "xl/styles.xml".into(),
            max: MAX_PART_ELEMENTS
        })
    );
}

#[test]
fn parts_the_reader_never_opens_are_not_inflated() {
    // A pivot cache that is a bomb does not matter: the reader never opens it.
    let mut parts = frame();
    parts.push(Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes()));
    parts.push(shared_part());
    parts.push(Part::bomb(
        "xl/pivotCache/pivotCacheRecords1.xml",
        &vec![b' '; MIB as usize],
        100,
    ));
    let table = read_table(&zip(&parts, false)).unwrap();
    assert_eq!(table.rows, vec![vec!["华远通信", "通信"]]);
}

#[test]
fn a_header_that_declares_1_kb_but_inflates_to_100_mb_stops_past_1_kb() {
    let mut bomb = sheet_part(Part::bomb("x", &vec![b' '; MIB as usize], 100));
    bomb.declared = 1000;
    let file = workbook(bomb, shared_part(), false);
    assert_eq!(
        read_table(&file),
        Err(ImportError::SizeMismatch {
            part: "xl/worksheets/sheet1.xml".into(),
            declared: 1000
        })
    );
}

#[test]
fn a_header_that_declares_more_than_the_part_holds_is_refused() {
    let mut part = Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes());
    part.declared += 10;
    assert_eq!(
        read_table(&workbook(part, shared_part(), false)),
        Err(ImportError::SizeMismatch {
            part: "xl/worksheets/sheet1.xml".into(),
            declared: SHEET.len() as u64 + 10
        })
    );
}

#[test]
fn a_ratio_bomb_within_the_size_cap_is_refused() {
    // 200 MB of "<c/>" from about 200 KB: under the total cap, far over 100 : 1.
    let bomb = sheet_part(Part::bomb("x", "<c/>".repeat(256 * 1024).as_bytes(), 200));
    assert!(bomb.declared < MAX_INFLATED_BYTES);
    assert!(bomb.declared / bomb.data.len() as u64 > MAX_COMPRESSION_RATIO);
    assert_eq!(
        read_table(&workbook(bomb, shared_part(), false)),
        Err(ImportError::CompressionRatio {
            part: "xl/worksheets/sheet1.xml".into(),
            max: MAX_COMPRESSION_RATIO
        })
    );
}

// ---- Other zip trouble -------------------------------------------------------------------------

#[test]
fn an_encrypted_entry_is_refused() {
    let mut part = Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes());
    part.flags |= 1;
    assert_eq!(
        read_table(&workbook(part, shared_part(), false)),
        Err(ImportError::Encrypted)
    );
}

#[test]
fn an_unsupported_compression_method_is_refused() {
    let mut part = Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes());
    part.method = 14; // LZMA
    assert_eq!(
        read_table(&workbook(part, shared_part(), false)),
        Err(ImportError::UnsupportedCompression {
            part: "xl/worksheets/sheet1.xml".into(),
            method: 14
        })
    );
}

#[test]
fn a_truncated_central_directory_is_a_broken_zip() {
    let file = good_workbook(false);
    // Cut in the middle of the central directory, keeping an end record that points into it.
    let eocd = file.len() - 22;
    let mut cut = file[..eocd - 30].to_vec();
    cut.extend_from_slice(&file[eocd..]);
    match read_table(&cut) {
        Err(ImportError::BrokenZip(reason)) => assert!(reason.contains("central directory")),
        other => panic!("expected a broken zip, got {other:?}"),
    }
    // The end record claims more entries than there are.
    let mut more = file.clone();
    more[eocd + 10] += 1;
    assert!(matches!(read_table(&more), Err(ImportError::BrokenZip(_))));
    // An empty zip is a zip without a worksheet, not a panic.
    assert!(read_table(b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0").is_err());
}

#[test]
fn a_damaged_checksum_is_a_broken_zip() {
    let mut part = Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes());
    part.crc ^= 1;
    match read_table(&workbook(part, shared_part(), false)) {
        Err(ImportError::BrokenZip(reason)) => assert!(reason.contains("checksum")),
        other => panic!("expected a broken zip, got {other:?}"),
    }
}

#[test]
fn sixty_thousand_parts_are_checked_quickly_and_a_repeated_name_refused() {
    // Many tiny parts: the duplicate-name check must stay linear (a pairwise check would make
    // about two billion comparisons here).
    let mut parts = frame();
    for i in 0..60_000 {
        parts.push(Part::stored(&format!("xl/p{i}.xml"), b"<a/>"));
    }
    parts.push(Part::deflated("xl/worksheets/sheet1.xml", SHEET.as_bytes()));
    parts.push(Part::stored("xl/p0.xml", b"<b/>"));
    parts.push(shared_part());
    assert_eq!(
        read_table(&zip(&parts, false)),
        Err(ImportError::BrokenZip(
            "two parts have the same name".into()
        ))
    );
}

// ---- Wide rows -----------------------------------------------------------------------------------

#[test]
fn a_workbook_cell_in_column_16385_is_too_many_columns() {
    let xml = SHEET.replace(
        "</row><row r=\"2\">",
        "<c r=\"XFE1\" t=\"inlineStr\"><is><t>far</t></is></c></row><row r=\"2\">",
    );
    let file = workbook(
        Part::deflated("xl/worksheets/sheet1.xml", xml.as_bytes()),
        shared_part(),
        false,
    );
    assert_eq!(
        read_table(&file),
        Err(ImportError::TooManyColumns {
            row: 1,
            columns: 16_385,
            max: MAX_IMPORT_COLUMNS
        })
    );
}

#[test]
fn a_csv_header_of_16385_columns_names_its_row() {
    let text = format!("客户名称{}\r\n华远,1\r\n", ",c".repeat(16_384));
    assert_eq!(
        read_csv(text.as_bytes()),
        Err(ImportError::TooManyColumns {
            row: 1,
            columns: 16_385,
            max: MAX_IMPORT_COLUMNS
        })
    );
}

#[test]
fn a_csv_line_with_2_6_million_commas_is_too_many_columns_not_one_row() {
    let text = format!(
        "客户名称,行业\r\n华远通信,通信\r\n江南{}\r\n",
        ",".repeat(2_600_000)
    );
    assert!(text.len() < 5 * MIB as usize);
    assert_eq!(
        read_table(text.as_bytes()),
        Err(ImportError::TooManyColumns {
            row: 3,
            columns: 2_600_001,
            max: MAX_IMPORT_COLUMNS
        })
    );
}

#[test]
fn cells_right_of_the_header_are_counted_not_dropped_silently() {
    let text = "客户名称,行业\r\n华远,通信,多余1,,多余2\r\n江南,新能源\r\n北方,工业,,x\r\n";
    let table = read_csv(text.as_bytes()).unwrap();
    assert_eq!(table.rows[0], vec!["华远", "通信"]);
    assert_eq!(
        table.beyond_header,
        Some(BeyondHeader {
            cells: 3,
            first_row: 2,
            first_column: 3
        })
    );
    let plain = read_csv("客户名称,行业\r\n华远,通信\r\n".as_bytes()).unwrap();
    assert_eq!(plain.beyond_header, None);
}

#[test]
fn workbook_cells_right_of_the_header_are_counted() {
    let xml = SHEET.replace(
        "</row></sheetData>",
        "<c r=\"E2\" t=\"inlineStr\"><is><t>多余</t></is></c></row></sheetData>",
    );
    let file = workbook(
        Part::deflated("xl/worksheets/sheet1.xml", xml.as_bytes()),
        shared_part(),
        false,
    );
    let table = read_table(&file).unwrap();
    assert_eq!(table.rows, vec![vec!["华远通信", "通信"]]);
    assert_eq!(
        table.beyond_header,
        Some(BeyondHeader {
            cells: 1,
            first_row: 2,
            first_column: 5
        })
    );
}

// ---- Not a spreadsheet ---------------------------------------------------------------------------

#[test]
fn a_png_renamed_to_xlsx_is_not_a_spreadsheet() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec();
    png.extend_from_slice(&[0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0, b'I', b'E', b'N', b'D']);
    assert_eq!(
        read_table(&png),
        Err(ImportError::NotASpreadsheet { kind: "PNG" })
    );
    assert_eq!(
        read_people_table(&png),
        Err(ImportError::NotASpreadsheet { kind: "PNG" })
    );
    assert_eq!(
        read_table(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        Err(ImportError::NotASpreadsheet { kind: "PDF" })
    );
    assert_eq!(
        read_table(b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff"),
        Err(ImportError::NotASpreadsheet { kind: "EXE" })
    );
    // Binary without a known signature: NUL bytes that are not UTF-16.
    let blob: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
    assert_eq!(
        read_table(&blob),
        Err(ImportError::NotASpreadsheet { kind: "binary" })
    );
    // Text that merely begins like a signature is still text.
    let mz = read_table("MZ客户名称,行业\r\n华远,通信\r\n".as_bytes()).unwrap();
    assert_eq!(mz.headers[0], "MZ客户名称");
}

#[test]
fn an_ole_file_is_the_legacy_or_password_protected_message() {
    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    assert_eq!(read_table(&ole), Err(ImportError::LegacyXls));
    assert!(ImportError::LegacyXls
        .to_string()
        .contains("password-protected"));
}

// ---- Encodings -----------------------------------------------------------------------------------

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

#[test]
fn utf16_without_a_bom_is_read_in_both_byte_orders() {
    for text in [
        "Customer,Industry\r\nAcme,Telecom\r\n",
        "客户名称,行业,年采购额\r\n华远通信集团,通信,120万\r\n江南新能源,新能源,80万\r\n",
    ] {
        let expected = read_csv(text.as_bytes()).unwrap();
        for big_endian in [false, true] {
            let bytes = utf16(text, big_endian);
            assert_eq!(
                read_table(&bytes).unwrap(),
                expected,
                "{text:?} big-endian: {big_endian}"
            );
        }
    }
}

#[test]
fn one_bad_byte_in_utf8_names_its_line_and_reads_lossily_on_request() {
    let mut bytes = "客户名称,行业\r\n华远通信,通信\r\n江南新能源,新"
        .as_bytes()
        .to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice("能源\r\n北方重工,工业\r\n".as_bytes());
    assert_eq!(
        read_table(&bytes),
        Err(ImportError::InvalidUtf8 { line: 3 })
    );
    assert_eq!(
        read_people_table(&bytes),
        Err(ImportError::InvalidUtf8 { line: 3 })
    );
    let table = read_table_with(&bytes, TextDecoding::Lossy).unwrap();
    assert_eq!(table.rows[1], vec!["江南新能源", "新\u{FFFD}能源"]);
    assert_eq!(table.rows.len(), 3);
    let people = read_people_table_with(&bytes, TextDecoding::Lossy).unwrap();
    assert_eq!(people.rows.len(), 3);
    // A stray byte in ASCII text (no multi-byte character to go by) is found too.
    assert_eq!(
        read_table(b"Customer,Industry\nAcme,Tele\xFFcom\n"),
        Err(ImportError::InvalidUtf8 { line: 2 })
    );
}

#[test]
fn gbk_text_is_still_read_as_gbk() {
    let text =
        "客户名称,行业,区域\r\n华远通信集团有限公司,通信,华东\r\n江南新能源科技,新能源,华南\r\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    assert!(std::str::from_utf8(&gbk).is_err());
    assert_eq!(decode(&gbk).unwrap(), text);
    assert_eq!(
        read_table(&gbk).unwrap(),
        read_csv(text.as_bytes()).unwrap()
    );
}

// ---- Mutations never panic -----------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn mutated_workbooks_give_ok_or_err_never_a_panic(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..16),
        cut in proptest::option::of(any::<usize>()),
        zip64 in any::<bool>(),
    ) {
        let mut bytes = good_workbook(zip64);
        for &(at, value) in &edits {
            let at = at % bytes.len();
            bytes[at] = value;
        }
        if let Some(cut) = cut {
            bytes.truncate(cut % (bytes.len() + 1));
        }
        let _ = read_table(&bytes);
    }
}

/// The bomb seeds of the `xlsx_import` fuzz corpus (written by hand, a few KB each) still hit
/// their caps, so the fuzzer starts from the edges of the zip layer.
#[test]
fn the_fuzz_corpus_bomb_seeds_hit_their_caps() {
    let seed = |name: &str| {
        std::fs::read(format!("fuzz/corpus/xlsx_import/{name}")).expect("the seed is committed")
    };
    let zip64 = read_table(&seed("99a97d9f039f19519dda6919faa673f7e9797214")).unwrap();
    assert_eq!(zip64.headers, vec!["客户名称", "行业"]);
    assert!(matches!(
        read_table(&seed("75a1d88ac49921aa07d825237f67ff2d93edb095")),
        Err(ImportError::CompressionRatio { .. })
    ));
    assert!(matches!(
        read_table(&seed("ab75ea0c8b60ba116826dbd85a56bcee50e6bbd9")),
        Err(ImportError::SizeMismatch { declared: 1000, .. })
    ));
    assert!(matches!(
        read_table(&seed("a019e5932292a850c323b8bdb01cd927e2d1c38c")),
        Err(ImportError::InflatedTooLarge { .. })
    ));
    assert_eq!(
        read_table(&seed("d7d0a0aad12d1048c797b5baf6b33cae25c70e4c")),
        Err(ImportError::Encrypted)
    );
}

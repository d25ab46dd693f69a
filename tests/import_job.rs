//! The import worker's protocol: tables packed and unpacked unchanged, damaged packs refused with
//! an error (never a panic), every reader error carried across, progress reported while reading.

use std::cell::RefCell;
use std::rc::Rc;

use kam_planner::persist::import::job::{
    self, decoding_from_key, decoding_key, pack, unpack, PackedTable, ReadKind, UnpackError,
};
use kam_planner::persist::import::progress::{self, Progress};
use kam_planner::persist::import::{
    read_table, BeyondHeader, ImportError, Table, Target, TextDecoding,
};
use proptest::prelude::*;

fn sample() -> Table {
    let mut t = Table::new(
        vec!["客户名称".into(), "年采购额（万元）".into(), "".into()],
        vec![
            vec!["华为".into(), "1,200".into(), "".into()],
            vec!["".into(), "".into(), "".into()],
            vec!["😀 emoji, \"quoted\"\n".into(), "-3".into(), "\u{0}".into()],
        ],
    );
    t.header_row = 3;
    t.row_numbers = vec![4, 7, 8];
    t.beyond_header = Some(BeyondHeader {
        cells: 2,
        first_row: 4,
        first_column: 5,
    });
    t
}

#[test]
fn a_table_survives_the_trip() {
    let table = sample();
    let packed = pack(table.clone());
    assert_eq!(packed.row_numbers, vec![4, 7, 8]);
    assert_eq!(packed.cell_lengths.len(), 9);
    assert_eq!(packed.cell_lengths[0], "华为".len() as u32);
    assert_eq!(unpack(packed), Ok(table));
}

#[test]
fn a_table_read_from_a_file_survives_the_trip() {
    let csv =
        "2025年客户清单\n客户名称,年采购额,行业\nA,100,制造\nB,\"1,200\",\nC,3万,能源,extra\n";
    let table = read_table(csv.as_bytes()).expect("reads");
    assert_eq!(table.header_row, 2);
    assert!(table.beyond_header.is_some());
    assert_eq!(unpack(pack(table.clone())), Ok(table));
}

#[test]
fn a_header_without_columns_keeps_its_rows() {
    let table = Table {
        headers: vec![],
        rows: vec![vec![], vec![]],
        row_numbers: vec![2, 3],
        header_row: 1,
        beyond_header: None,
    };
    assert_eq!(unpack(pack(table.clone())), Ok(table));
}

#[test]
fn damaged_packs_are_refused() {
    let good = pack(sample());
    let with = |f: &dyn Fn(&mut PackedTable)| {
        let mut p = good.clone();
        f(&mut p);
        unpack(p)
    };
    assert!(matches!(
        with(&|p| p.meta = "{".into()),
        Err(UnpackError::Meta(_))
    ));
    assert!(matches!(
        with(&|p| p.meta = "[]".into()),
        Err(UnpackError::Meta(_))
    ));
    assert_eq!(
        with(&|p| {
            p.cell_lengths.pop();
        }),
        Err(UnpackError::Shape)
    );
    assert_eq!(with(&|p| p.cell_lengths[0] += 1), Err(UnpackError::Shape));
    assert_eq!(
        with(&|p| {
            p.text.pop();
        }),
        Err(UnpackError::Shape)
    );
    assert_eq!(with(&|p| p.row_numbers.push(9)), Err(UnpackError::Shape));
    assert_eq!(
        with(&|p| p.cell_lengths[0] = u32::MAX),
        Err(UnpackError::Shape)
    );
    // Lengths that add up but cut a character in two.
    assert_eq!(
        with(&|p| {
            p.cell_lengths[0] -= 1;
            p.cell_lengths[1] += 1;
        }),
        Err(UnpackError::NotText)
    );
    assert_eq!(with(&|p| p.text[0] = 0xFF), Err(UnpackError::NotText));
    assert_eq!(
        with(&|p| p.row_numbers = vec![1; 1_000_001]),
        Err(UnpackError::TooLarge)
    );
    let wide = format!(
        r#"{{"headers":[{}],"header_row":1,"beyond_header":null}}"#,
        vec!["\"h\""; 1001].join(",")
    );
    assert_eq!(with(&|p| p.meta = wide.clone()), Err(UnpackError::TooLarge));
}

#[test]
fn every_reader_error_crosses_unchanged() {
    let errors = vec![
        ImportError::TooLarge {
            bytes: 21_000_000,
            max: 20_971_520,
        },
        ImportError::TooManyRows {
            rows: 1_000_001,
            max: 1_000_000,
        },
        ImportError::TooManyColumns {
            row: 3,
            columns: 1001,
            max: 1000,
        },
        ImportError::TooManyCells {
            cells: 20_000_001,
            max: 20_000_000,
        },
        ImportError::UnpackedTooLarge { max: 5 },
        ImportError::InflatedTooLarge { max: 268_435_456 },
        ImportError::CompressionRatio {
            part: "xl/worksheets/sheet1.xml".into(),
            max: 100,
        },
        ImportError::SizeMismatch {
            part: "xl/sharedStrings.xml".into(),
            declared: 7,
        },
        ImportError::Encrypted,
        ImportError::UnsupportedCompression {
            part: "p".into(),
            method: 14,
        },
        ImportError::BrokenZip("no end of central directory".into()),
        ImportError::TooManySharedStrings { max: 2_000_000 },
        ImportError::NotASpreadsheet { kind: "PNG" },
        ImportError::NotASpreadsheet {
            kind: "RIFF (WebP/AVI/WAV)",
        },
        ImportError::NotASpreadsheet { kind: "binary" },
        ImportError::InvalidUtf8 { line: 12 },
        ImportError::Empty,
        ImportError::NoDataRows,
        ImportError::UnreadableEncoding,
        ImportError::LegacyXls,
        ImportError::Xlsx("bad cell".into()),
        ImportError::NoNameColumn,
        ImportError::DuplicateTarget(Target::AnnualPurchase),
        ImportError::DuplicateYear(2024),
    ];
    for e in errors {
        let json = job::error_json(&e);
        assert_eq!(job::error_from_json(&json), Some(e.clone()), "{json}");
    }
    // A kind name no reader gives is read as "binary", never kept as arbitrary text.
    assert_eq!(
        job::error_from_json(r#"{"NotASpreadsheet":{"kind":"<script>"}}"#),
        Some(ImportError::NotASpreadsheet { kind: "binary" })
    );
    assert_eq!(job::error_from_json("{\"Nope\":1}"), None);
    assert_eq!(job::error_from_json(""), None);
}

#[test]
fn the_request_keys_name_kinds_and_decodings_both_ways() {
    for kind in [ReadKind::Table, ReadKind::People] {
        assert_eq!(ReadKind::from_key(kind.key()), Some(kind));
    }
    assert_eq!(ReadKind::from_key("workspace"), None);
    for d in [TextDecoding::Strict, TextDecoding::Lossy] {
        assert_eq!(decoding_from_key(decoding_key(d)), Some(d));
    }
    assert_eq!(decoding_from_key("utf8"), None);
}

#[test]
fn the_job_reads_with_the_kind_s_reader() {
    // A people list titled above its 姓名 header: the people reader skips the title line.
    let csv = "2026 年客户团队名单\n姓名,角色\n张三,AR\n";
    let people = job::read(ReadKind::People, csv.as_bytes(), TextDecoding::Strict).expect("reads");
    assert_eq!(people.headers, vec!["姓名", "角色"]);
    assert_eq!(people.header_row, 2);
    let bad = b"A,B\n\xFF,1\n";
    assert_eq!(
        job::read(ReadKind::Table, bad, TextDecoding::Strict),
        Err(ImportError::InvalidUtf8 { line: 2 })
    );
    let lossy = job::read(ReadKind::Table, bad, TextDecoding::Lossy).expect("reads");
    assert_eq!(lossy.rows[0][0], "\u{FFFD}");
}

#[test]
fn progress_is_reported_while_a_csv_is_read() {
    let mut csv = String::from("客户名称,年采购额\n");
    for i in 0..10_000 {
        csv.push_str(&format!("客户{i},{i}\n"));
    }
    let seen: Rc<RefCell<Vec<Progress>>> = Rc::default();
    let table = {
        let seen = seen.clone();
        progress::observe(
            move |p| seen.borrow_mut().push(p),
            || read_table(csv.as_bytes()),
        )
    }
    .expect("reads");
    assert_eq!(table.rows.len(), 10_000);
    let got = seen.borrow().clone();
    assert_eq!(
        got.iter().map(|p| p.rows).collect::<Vec<_>>(),
        vec![4096, 8192]
    );
    let fractions: Vec<f64> = got.iter().filter_map(|p| p.fraction).collect();
    assert_eq!(fractions.len(), 2);
    assert!(fractions[0] > 0.35 && fractions[0] < 0.45, "{fractions:?}");
    assert!(
        fractions[1] > fractions[0] && fractions[1] < 0.85,
        "{fractions:?}"
    );
    // Outside `observe`, nothing is reported any more.
    read_table(csv.as_bytes()).expect("reads");
    assert_eq!(seen.borrow().len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_table_survives_the_trip(
        width in 0usize..6,
        cells in proptest::collection::vec(".{0,12}", 0..60),
        header_row in 1usize..50,
    ) {
        let headers: Vec<String> = (0..width).map(|i| format!("列{i}")).collect();
        let rows: Vec<Vec<String>> = if width == 0 {
            vec![vec![]; cells.len() % 5]
        } else {
            cells.chunks(width).map(|c| c.to_vec()).collect()
        };
        let mut table = Table::new(headers, rows);
        table.header_row = header_row;
        prop_assert_eq!(unpack(pack(table.clone())), Ok(table));
    }

    #[test]
    fn any_damage_is_an_error_or_a_valid_table(
        flips in proptest::collection::vec((0usize..200, any::<u8>()), 1..4),
        length_edits in proptest::collection::vec((0usize..9, 0u32..40), 0..3),
    ) {
        let mut p = pack(sample());
        for (at, byte) in flips {
            let n = p.text.len();
            p.text[at % n] = byte;
        }
        for (at, len) in length_edits {
            p.cell_lengths[at] = len;
        }
        if let Ok(t) = unpack(p) {
            prop_assert_eq!(t.rows.len(), 3);
            prop_assert!(t.rows.iter().all(|r| r.len() == 3));
        }
    }
}

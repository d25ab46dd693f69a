//! The .xlsx writer behind the import templates: what it writes reads back through the app's own
//! import and through calamine, cell for cell, and Excel's rules for names and text hold.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use kam_planner::persist::import::read_table;
use kam_planner::persist::xlsx_import::format_number;
use kam_planner::persist::xlsx_unpack::unpack_xlsx;
use kam_planner::persist::xlsx_write::{cell_reference, write_xlsx, Sheet, MAX_SHEET_NAME_UNITS};

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_string()).collect()
}

fn sheet(name: &str, rows: Vec<Vec<String>>) -> Sheet {
    Sheet {
        name: name.to_string(),
        rows,
        bold_first_row: true,
        column_widths: Vec::new(),
    }
}

/// The customer template as the app would build it: data first, the explanation second.
fn template() -> Vec<Sheet> {
    let data = sheet(
        "客户导入模板",
        vec![
            row(&[
                "客户名称",
                "行业",
                "年采购额(万元)",
                "毛利率",
                "备注",
                "编号",
            ]),
            row(&[
                "华远通信有限公司",
                "通信",
                "1200000",
                "35",
                "报价含税, 含\"运费\"",
                "007",
            ]),
            row(&["<&> 公司", "", "0.5", "-12.25", "=SUM(A1:A3)", "_x0041_"]),
            row(&[
                "  前后空格  ",
                "制造\t业",
                "100000000001",
                "1e5",
                "第一行\r\n第二行\n第三行",
                "1.50",
            ]),
        ],
    );
    let help = Sheet {
        column_widths: vec![16.0, 60.0],
        ..sheet(
            "填写说明",
            vec![
                row(&["列", "说明"]),
                row(&["客户名称", "必填；同名客户会被提示为重复"]),
                row(&["年采购额(万元)", "数字，可写 120万、1.2亿"]),
                row(&["毛利率", "百分比，35 或 35%"]),
            ],
        )
    };
    vec![data, help]
}

/// The text of every part of `bytes`, by name, through the import's own zip layer (which also
/// checks every CRC and size).
fn parts(bytes: &[u8]) -> Vec<(String, String)> {
    let stored = unpack_xlsx(bytes).expect("the zip layer accepts the workbook");
    let mut out = Vec::new();
    let mut at = 0;
    while stored[at..].starts_with(b"PK\x03\x04") {
        let u16_at = |o: usize| u16::from_le_bytes([stored[at + o], stored[at + o + 1]]) as usize;
        let size = u32::from_le_bytes(stored[at + 18..at + 22].try_into().unwrap()) as usize;
        let (name_len, extra_len) = (u16_at(26), u16_at(28));
        let name = String::from_utf8(stored[at + 30..at + 30 + name_len].to_vec()).unwrap();
        let data_at = at + 30 + name_len + extra_len;
        let text = String::from_utf8(stored[data_at..data_at + size].to_vec()).unwrap();
        out.push((name, text));
        at = data_at + size;
    }
    out
}

fn part(bytes: &[u8], name: &str) -> String {
    parts(bytes)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no part {name}"))
        .1
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("calamine opens the workbook")
}

/// Sheet `name` as calamine reads it, as text, `rows` × `columns` from A1.
fn grid(
    workbook: &mut Xlsx<Cursor<Vec<u8>>>,
    name: &str,
    like: &[Vec<String>],
) -> Vec<Vec<String>> {
    let range = workbook.worksheet_range(name).expect("the sheet reads");
    like.iter()
        .enumerate()
        .map(|(r, cells)| {
            (0..cells.len())
                .map(|c| match range.get_value((r as u32, c as u32)) {
                    Some(Data::String(s)) => s.clone(),
                    Some(Data::Float(f)) => format_number(*f),
                    Some(Data::Empty) | None => String::new(),
                    Some(other) => panic!("unexpected cell {other:?}"),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_template_reads_back_through_the_import_exactly() {
    let sheets = template();
    let table = read_table(&write_xlsx(&sheets)).expect("the import reads the template");
    assert_eq!(table.header_row, 1);
    assert_eq!(table.headers, sheets[0].rows[0]);
    assert_eq!(table.rows, sheets[0].rows[1..].to_vec());
    assert_eq!(table.row_numbers, vec![2, 3, 4]);
    assert_eq!(table.beyond_header, None);
}

#[test]
fn plain_numbers_become_number_cells_and_look_alikes_stay_text() {
    let mut workbook = open(&write_xlsx(&template()));
    let range = workbook.worksheet_range("客户导入模板").unwrap();
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned();
    for (r, c, number) in [
        (1, 2, 1_200_000.0),
        (1, 3, 35.0),
        (2, 2, 0.5),
        (2, 3, -12.25),
    ] {
        assert_eq!(cell(r, c), Some(Data::Float(number)), "({r}, {c})");
    }
    // A leading zero, a trailing zero, exponent form, 12 digits (General shows 1E+11) and a
    // formula-looking text stay text.
    for (r, c, text) in [
        (1, 5, "007"),
        (3, 5, "1.50"),
        (3, 3, "1e5"),
        (3, 2, "100000000001"),
        (2, 4, "=SUM(A1:A3)"),
    ] {
        assert_eq!(cell(r, c), Some(Data::String(text.into())), "({r}, {c})");
    }
    let sheet1 = part(&write_xlsx(&template()), "xl/worksheets/sheet1.xml");
    assert!(
        sheet1.contains(r#"<c r="C2"><v>1200000</v></c>"#),
        "{sheet1}"
    );
    assert!(!sheet1.contains("<f>"), "no formula is written");
}

#[test]
fn negative_zero_and_long_decimals_stay_text() {
    let texts = [
        "-0",
        "0.000000123",
        "3.14159265358",
        "00",
        ".5",
        "5.",
        "+5",
        "1,200",
    ];
    let rows = vec![row(&["客户名称"; 8]), row(&texts)];
    let sheet1 = part(&write_xlsx(&[sheet("t", rows)]), "xl/worksheets/sheet1.xml");
    assert!(!sheet1.contains("<v>"), "{sheet1}");
    let mut workbook = open(&write_xlsx(&[sheet("t", vec![row(&texts)])]));
    assert_eq!(grid(&mut workbook, "t", &[row(&texts)]), vec![row(&texts)]);
}

#[test]
fn thirty_columns_get_two_letter_references() {
    let header: Vec<String> = (1..=30).map(|i| format!("列{i}")).collect();
    let values: Vec<String> = (1..=30).map(|i| format!("值{i}")).collect();
    let bytes = write_xlsx(&[sheet("宽表", vec![header.clone(), values.clone()])]);
    let table = read_table(&bytes).unwrap();
    assert_eq!(table.headers, header);
    assert_eq!(table.rows, vec![values]);
    let sheet1 = part(&bytes, "xl/worksheets/sheet1.xml");
    for reference in ["Z1", "AA1", "AD1", "AD2"] {
        assert!(
            sheet1.contains(&format!("r=\"{reference}\"")),
            "{reference}"
        );
    }
    for (row, column, reference) in [
        (0, 0, "A1"),
        (0, 25, "Z1"),
        (0, 26, "AA1"),
        (1, 29, "AD2"),
        (0, 51, "AZ1"),
        (0, 52, "BA1"),
        (0, 701, "ZZ1"),
        (0, 702, "AAA1"),
        (1_048_575, 16_383, "XFD1048576"),
    ] {
        assert_eq!(cell_reference(row, column), reference);
    }
}

#[test]
fn both_sheets_open_in_calamine_with_every_cell() {
    let sheets = template();
    let mut workbook = open(&write_xlsx(&sheets));
    assert_eq!(workbook.sheet_names(), vec!["客户导入模板", "填写说明"]);
    for s in &sheets {
        assert_eq!(grid(&mut workbook, &s.name, &s.rows), s.rows, "{}", s.name);
    }
}

#[test]
fn characters_xml_forbids_are_dropped_and_the_rest_kept() {
    let dirty = "a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g\u{FFFE}h\u{FFFF}i";
    let rows = vec![
        row(&["客户名称", "备注", "编号"]),
        // A cell of control characters alone is empty; dropping one must not forge an escape.
        row(&[dirty, "tab\there\nnew line \u{7F}\u{85}", "\u{1}\u{2}"]),
        row(&["x", "_x00\u{1}41_", "y"]),
    ];
    let bytes = write_xlsx(&[sheet("说明\u{7}\u{1}", rows)]);
    let table = read_table(&bytes).expect("no parse error");
    assert_eq!(
        table.rows,
        vec![
            row(&["abcdefghi", "tab\there\nnew line \u{7F}\u{85}", ""]),
            row(&["x", "_x0041_", "y"]),
        ]
    );
    assert_eq!(open(&bytes).sheet_names(), vec!["说明"]);
}

#[test]
fn sheet_names_follow_excel_rules() {
    let long = "2025年大客户名单导入模板请勿修改表头说明附录以及其他更多的文字";
    let exactly_31 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcde";
    let names = [
        long,
        "a/b:c*d?e[f]g\\h",
        "数据",
        "数据",
        "DATA",
        "data",
        "",
        "'引号'",
        "History",
        exactly_31,
        exactly_31,
        "Sheet7",
    ];
    let sheets: Vec<Sheet> = names.iter().map(|n| sheet(n, vec![row(&["x"])])).collect();
    let got = open(&write_xlsx(&sheets)).sheet_names();
    let first_31: String = long.chars().take(31).collect();
    assert_eq!(
        got,
        vec![
            first_31.as_str(),
            "a_b_c_d_e_f_g_h",
            "数据",
            "数据 (2)",
            "DATA",
            "data (2)",
            "Sheet7",
            "引号",
            "History (2)",
            exactly_31,
            "ABCDEFGHIJKLMNOPQRSTUVWXYZa (2)",
            "Sheet7 (2)",
        ]
    );
    for name in &got {
        assert!(
            name.encode_utf16().count() <= MAX_SHEET_NAME_UNITS,
            "{name}"
        );
    }
}

#[test]
fn the_same_sheets_give_the_same_bytes() {
    let first = write_xlsx(&template());
    let second = write_xlsx(&template());
    assert!(first.starts_with(b"PK\x03\x04"));
    assert_eq!(first, second);
    // Deflated: smaller than the stored copy of the same parts.
    let stored = unpack_xlsx(&first).unwrap();
    assert!(
        first.len() < stored.len(),
        "{} vs {}",
        first.len(),
        stored.len()
    );
}

#[test]
fn the_header_is_bold_and_column_widths_are_set() {
    let mut sheets = template();
    sheets[0].column_widths = vec![24.0, f64::NAN, -3.0, 12.5, 300.0];
    sheets[1].bold_first_row = false;
    let bytes = write_xlsx(&sheets);
    let styles = part(&bytes, "xl/styles.xml");
    assert!(styles.contains("<font><b/>"), "{styles}");
    assert!(
        styles.contains(r#"<xf numFmtId="0" fontId="1""#),
        "{styles}"
    );
    let data = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(data.contains(r#"<c r="A1" s="1" t="inlineStr">"#), "{data}");
    assert!(data.contains(r#"<c r="A2" t="inlineStr">"#), "{data}");
    assert!(data.contains(r#"<col min="1" max="1" width="24" customWidth="1"/>"#));
    assert!(data.contains(r#"<col min="4" max="4" width="12.5" customWidth="1"/>"#));
    assert!(data.contains(r#"<col min="5" max="5" width="255" customWidth="1"/>"#));
    assert!(
        !data.contains(r#"min="2""#) && !data.contains(r#"min="3""#),
        "{data}"
    );
    let help = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(!help.contains(" s=\""), "{help}");
    assert!(help.contains(r#"<col min="2" max="2" width="60" customWidth="1"/>"#));
}

#[test]
fn every_part_the_package_needs_is_there() {
    let bytes = write_xlsx(&template());
    let names: Vec<String> = parts(&bytes).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        vec![
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
            "xl/worksheets/sheet1.xml",
            "xl/worksheets/sheet2.xml",
        ]
    );
    let types = part(&bytes, "[Content_Types].xml");
    for path in [
        "/xl/workbook.xml",
        "/xl/styles.xml",
        "/xl/worksheets/sheet2.xml",
    ] {
        assert!(types.contains(&format!("PartName=\"{path}\"")), "{path}");
    }
}

#[test]
fn no_sheets_still_make_a_workbook_excel_opens() {
    let bytes = write_xlsx(&[]);
    assert_eq!(open(&bytes).sheet_names(), vec!["Sheet1"]);
}

//! Customer import from CSV and .xlsx (SPEC §4): real files in, customers and row errors out.

use kam_planner::domain::workspace::Customer;
use kam_planner::persist::csv_export::{neutralise, to_csv};
use kam_planner::persist::csv_import::read_csv;
use kam_planner::persist::import::{
    build_customers, detect_mapping, invalid_rows_csv, parse_amount, parse_amount_in, parse_bool,
    parse_integer, parse_percent, read_table, unit_hint, AmountError, AmountUnit, ImportError,
    ImportPreview, ImportReason, RowError, Table, Target, MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS,
};
use kam_planner::persist::xlsx_import::{format_number, read_xlsx};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Reads a fixture, maps it automatically and builds the preview.
fn preview_of(name: &str) -> (Table, ImportPreview) {
    let table = read_table(&fixture(name)).unwrap();
    let preview = build_customers(&table, &detect_mapping(&table.headers)).unwrap();
    (table, preview)
}

fn customers_of(name: &str) -> Vec<Customer> {
    let (_, preview) = preview_of(name);
    assert_eq!(preview.errors, vec![], "{name}");
    preview.customers.into_iter().map(|(_, c)| c).collect()
}

fn s(text: &str) -> String {
    text.to_string()
}

#[test]
fn chinese_headers_are_mapped_and_all_eight_customers_read() {
    let table = read_csv(&fixture("customers.csv")).unwrap();
    use Target::*;
    assert_eq!(
        detect_mapping(&table.headers),
        vec![
            Id,
            Name,
            Industry,
            IndustryLine,
            Region,
            AnnualPurchase,
            Revenue,
            GrossMarginPct,
            Wallet,
            GrowthPct,
            IndustryRank,
            OnNamedList,
            RepeatPurchase,
            YearsOfCooperation,
            Tags,
            Notes
        ]
    );
    let (_, preview) = preview_of("customers.csv");
    assert_eq!(preview.skipped_blank, 0);
    let rows: Vec<usize> = preview.customers.iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, vec![2, 3, 4, 5, 6, 7, 8, 9]);
    let first = &preview.customers[0].1;
    assert_eq!(
        *first,
        Customer {
            id: s("C001"),
            name: s("华远通信集团有限公司"),
            industry: s("通信"),
            industry_line: Some(s("运营商行业线")),
            region: s("华东"),
            annual_purchase: 12_500_000.0,
            revenue: 11_800_000.0,
            gross_margin_pct: Some(32.5),
            wallet: Some(60_000_000.0),
            growth_pct: Some(18.0),
            industry_rank: Some(2),
            on_named_list: true,
            repeat_purchase: true,
            years_of_cooperation: 8,
            tags: vec![s("战略"), s("TOP3")],
            notes: s("年度框架协议"),
            ..Customer::default()
        }
    );
    let c: Vec<&Customer> = preview.customers.iter().map(|(_, c)| c).collect();
    assert_eq!(c[2].industry_line, None);
    assert_eq!(c[2].growth_pct, Some(-5.0));
    assert_eq!(c[3].industry_rank, None);
    assert_eq!((c[4].annual_purchase, c[4].gross_margin_pct), (0.0, None));
    assert_eq!(c[6].wallet, None);
    assert_eq!(c[7].name, "海川物流集团有限公司");
    assert_eq!(c[7].annual_purchase, 420_000.0);
}

#[test]
fn bom_gbk_semicolon_tab_english_and_utf16_files_read_the_same_customers() {
    let reference = customers_of("customers.csv");
    for name in [
        "customers_bom.csv",
        "customers_gbk_semicolon.csv",
        "customers_en.tsv",
        "customers_utf16.txt",
    ] {
        assert_eq!(customers_of(name), reference, "{name}");
    }
    let bom = read_csv(&fixture("customers_bom.csv")).unwrap();
    assert_eq!(bom.headers[0], "客户编号", "the BOM is stripped");
}

#[test]
fn the_xlsx_workbook_gives_the_same_customers_as_the_csv() {
    let table = read_xlsx(&fixture("customers.xlsx")).unwrap();
    assert_eq!(table.headers[1], "客户名称", "the first sheet is read");
    assert_eq!(table.rows[0][5], "12500000");
    assert_eq!(table.rows[0][7], "32.5%", "percent-formatted 0.325");
    assert_eq!(
        customers_of("customers.xlsx"),
        customers_of("customers.csv")
    );
    assert_eq!(
        customers_of("customers_stored.xlsx"),
        customers_of("customers.csv")
    );
}

#[test]
fn xlsx_title_row_dates_booleans_and_floats_become_plain_text() {
    let table = read_xlsx(&fixture("title_row.xlsx")).unwrap();
    assert_eq!(table.header_row, 3, "the title in row 1 is skipped");
    assert_eq!(
        table.headers,
        vec!["客户名称", "年采购额(万元)", "签约日期", "复购", "备注"]
    );
    assert_eq!(table.row_numbers, vec![4, 5]);
    assert_eq!(
        table.rows[0],
        vec!["华远通信集团有限公司", "1250", "2024-03-15", "true", "0.3"]
    );
    assert_eq!(table.rows[1][2], "2024-07-01T09:30:00");
    assert_eq!(table.rows[1][4], "12000000");
    let preview = build_customers(&table, &detect_mapping(&table.headers)).unwrap();
    let c: Vec<&Customer> = preview.customers.iter().map(|(_, c)| c).collect();
    assert_eq!(c[0].annual_purchase, 12_500_000.0);
    assert_eq!(c[1].annual_purchase, 6_805_000.0);
    assert!(c[0].repeat_purchase && !c[1].repeat_purchase);
}

#[test]
fn numbers_are_formatted_like_excel_shows_them() {
    assert_eq!(format_number(12_000_000.0), "12000000");
    assert_eq!(format_number(0.1 + 0.2), "0.3");
    assert_eq!(format_number(-3.25), "-3.25");
    assert_eq!(format_number(1e20), "1e20");
    assert_eq!(format_number(f64::NAN), "");
}

#[test]
fn amounts_in_every_common_notation_become_yuan() {
    let c = customers_of("amounts.csv");
    let got: Vec<(String, f64)> = c
        .iter()
        .map(|c| (c.name.clone(), c.annual_purchase))
        .collect();
    let want = [
        ("甲公司", 1_200_000.0),
        ("乙公司", 1_200_000.0),
        ("丙公司", 120_000_000.0),
        ("丁公司", 1_200_000.0),
        ("戊公司", 1_200_000.0),
        ("己公司", 12_000.0),
        ("庚公司", 1_200.0),
        ("辛公司", 123_456.0),
        ("壬公司", 1_500.0),
        ("癸公司", 36_000_000.0),
    ];
    let want: Vec<(String, f64)> = want.iter().map(|(n, v)| (s(n), *v)).collect();
    assert_eq!(got, want);
}

#[test]
fn parse_amount_accepts_and_refuses_what_it_documents() {
    assert_eq!(parse_amount("(1,000)"), Ok(-1_000.0));
    assert_eq!(parse_amount("-¥1,200"), Ok(-1_200.0));
    assert_eq!(parse_amount(" 1 200 000 "), Ok(1_200_000.0));
    assert_eq!(parse_amount("RMB 2.5万元"), Ok(25_000.0));
    assert_eq!(parse_amount("1.2E6"), Ok(1_200_000.0));
    assert_eq!(parse_amount("80w"), Ok(800_000.0));
    assert_eq!(parse_amount("3bn"), Ok(3e9));
    assert_eq!(parse_amount("0.1亿"), Ok(10_000_000.0));
    assert_eq!(parse_amount("-0"), Ok(0.0));
    assert_eq!(parse_amount("1e15"), Ok(1e15));
    for bad in [
        "abc",
        "1.2.3",
        "1,2",
        "NaN",
        "inf",
        "35%",
        "1e",
        "(-5)",
        "一百万",
        "--1",
    ] {
        assert_eq!(parse_amount(bad), Err(AmountError::Invalid), "{bad}");
    }
    for huge in ["1e20", "1.1e15", "1e400", "10万亿亿"] {
        let got = parse_amount(huge);
        assert!(got.is_err(), "{huge}: {got:?}");
    }
    assert_eq!(parse_amount("1e20"), Err(AmountError::TooLarge));
    assert_eq!(parse_amount("   "), Err(AmountError::Empty));
    assert_eq!(
        parse_amount_in("120", AmountUnit::TenThousand),
        Ok(1_200_000.0)
    );
    assert_eq!(
        parse_amount_in("1.2亿", AmountUnit::TenThousand),
        Ok(120_000_000.0)
    );
}

#[test]
fn percents_integers_and_booleans_follow_the_documented_rules() {
    assert_eq!(parse_percent("35%"), Ok(35.0));
    assert_eq!(parse_percent("35"), Ok(35.0));
    assert_eq!(
        parse_percent("0.35"),
        Ok(0.35),
        "a bare number is percent points"
    );
    assert_eq!(parse_percent("－１２．５％"), Ok(-12.5));
    assert_eq!(parse_percent("35 %"), Ok(35.0));
    assert_eq!(parse_percent("high"), Err(AmountError::Invalid));
    assert_eq!(parse_integer("第3名"), Ok(3));
    assert_eq!(parse_integer("5年"), Ok(5));
    assert_eq!(parse_integer("TOP2"), Ok(2));
    assert_eq!(parse_integer("2.5"), Err(AmountError::Invalid));
    for yes in ["是", "Y", "yes", "TRUE", "1", "√", "✓", "ｙ"] {
        assert_eq!(parse_bool(yes), Some(true), "{yes}");
    }
    for no in ["否", "n", "No", "false", "0", "×", "无"] {
        assert_eq!(parse_bool(no), Some(false), "{no}");
    }
    assert_eq!(parse_bool("也许"), None);
}

fn err(
    row: usize,
    column: &str,
    column_index: usize,
    value: &str,
    reason: ImportReason,
) -> RowError {
    RowError {
        row,
        column: s(column),
        column_index,
        value: s(value),
        reason,
    }
}

#[test]
fn bad_rows_are_listed_with_row_column_value_and_reason_and_good_rows_kept() {
    let (_, preview) = preview_of("bad_rows.csv");
    let kept: Vec<(usize, &str)> = preview
        .customers
        .iter()
        .map(|(r, c)| (*r, c.name.as_str()))
        .collect();
    assert_eq!(
        kept,
        vec![(2, "华远通信集团有限公司"), (6, "蓝海软件技术有限公司")]
    );
    assert_eq!(
        preview.customers[1].1.revenue, -50_000.0,
        "negative revenue is allowed"
    );
    use ImportReason::*;
    assert_eq!(
        preview.errors,
        vec![
            err(3, "年采购额", 1, "-500,000", Negative),
            err(4, "年采购额", 1, "一百万", NotANumber),
            err(4, "复购", 3, "也许", NotABoolean),
            err(5, "客户名称", 0, "", Missing),
            err(7, "毛利率", 4, "130%", MarginOutOfRange),
            err(7, "行业排名", 5, "0", RankBelowOne),
            err(8, "行业排名", 5, "2.5", NotAnInteger),
        ]
    );
    assert_eq!(preview.invalid_rows(), vec![3, 4, 5, 7, 8]);
    assert_eq!(preview.errors[0].reason.to_string(), "must not be negative");
    assert_eq!(
        preview.errors[2].reason.to_string(),
        "not yes or no: write 是/否, Y/N, yes/no, true/false, 1/0 or √/×"
    );
}

#[test]
fn invalid_rows_csv_can_be_fixed_and_imported_again() {
    let (table, preview) = preview_of("bad_rows.csv");
    let csv = invalid_rows_csv(&table, &preview);
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "客户名称,年采购额,收入,复购,毛利率,行业排名,错误 / error"
    );
    assert_eq!(
        lines[1],
        "江南新能源科技股份有限公司,\"-500,000\",\"6,500,000\",是,28%,5,年采购额: must not be negative"
    );
    assert_eq!(
        lines.len(),
        7,
        "header, five invalid rows, final empty line"
    );
    let fixed = csv.replace("\"-500,000\"", "\"500,000\"");
    let again = read_csv(fixed.as_bytes()).unwrap();
    let mapping = detect_mapping(&again.headers);
    assert_eq!(
        mapping[6],
        Target::Ignore,
        "the error column is not imported"
    );
    let preview = build_customers(&again, &mapping).unwrap();
    assert_eq!(preview.customers[0].1.annual_purchase, 500_000.0);
    assert_eq!(preview.customers.len(), 1);
}

#[test]
fn empty_and_header_only_files_are_refused_with_their_own_error() {
    assert_eq!(read_csv(&fixture("empty.csv")), Err(ImportError::Empty));
    assert_eq!(read_csv(b"\r\n , \r\n\r\n"), Err(ImportError::Empty));
    assert_eq!(
        read_csv(&fixture("header_only.csv")),
        Err(ImportError::NoDataRows)
    );
    assert_eq!(
        read_csv("客户名称,行业\n,\n\n".as_bytes()),
        Err(ImportError::NoDataRows)
    );
    assert_eq!(
        ImportError::NoDataRows.to_string(),
        "the file has a header row but no data rows"
    );
}

#[test]
fn huge_numbers_are_refused_as_too_large() {
    let (_, preview) = preview_of("huge.csv");
    let reasons: Vec<(usize, ImportReason)> = preview
        .errors
        .iter()
        .map(|e| (e.row, e.reason.clone()))
        .collect();
    assert_eq!(
        reasons,
        vec![(2, ImportReason::TooLarge), (3, ImportReason::TooLarge)]
    );
    assert_eq!(
        preview.customers[0].1.annual_purchase,
        999_999_999_999_999.0
    );
}

#[test]
fn quoted_fields_keep_commas_quotes_and_line_breaks() {
    let table = read_csv(&fixture("quoted.csv")).unwrap();
    assert_eq!(
        table.rows[0][2],
        "一期已验收,二期招标中\r\n下一步: 高层拜访"
    );
    assert_eq!(table.rows[1][2], "客户称\"战略伙伴\"");
    assert_eq!(table.row_numbers, vec![2, 3]);
}

#[test]
fn ragged_rows_are_padded_or_cut_and_blank_rows_counted() {
    let table = read_csv(&fixture("ragged.csv")).unwrap();
    assert!(table.rows.iter().all(|r| r.len() == 4));
    assert_eq!(table.rows[0], vec!["华远通信集团有限公司", "通信", "", ""]);
    assert_eq!(table.rows[1][3], "6,800,000");
    let preview = build_customers(&table, &detect_mapping(&table.headers)).unwrap();
    assert_eq!(preview.skipped_blank, 2);
    let rows: Vec<usize> = preview.customers.iter().map(|(r, _)| *r).collect();
    assert_eq!(rows, vec![2, 3, 6], "row numbers count the blank lines");
    assert_eq!(preview.customers[2].1.annual_purchase, 2_300_000.0);
}

#[test]
fn a_wan_yuan_header_scales_plain_numbers_only() {
    assert_eq!(unit_hint("年采购额(万元)"), AmountUnit::TenThousand);
    assert_eq!(unit_hint("Revenue (K)"), AmountUnit::Thousand);
    assert_eq!(unit_hint("Wallet, CNY million"), AmountUnit::Million);
    assert_eq!(unit_hint("年采购额"), AmountUnit::Yuan);
    let c = customers_of("unit_wan.csv");
    assert_eq!(c[0].annual_purchase, 12_500_000.0);
    assert_eq!(c[0].revenue, 11_800_000.0);
    assert_eq!(c[0].wallet, Some(600_000_000.0));
    assert_eq!(c[1].annual_purchase, 6_805_000.0);
    assert_eq!(c[1].wallet, Some(40_000_000.0));
    assert_eq!(c[2].annual_purchase, 120_000_000.0, "an explicit 亿 wins");
    assert_eq!(c[2].wallet, Some(30_000_000.0), "an explicit 万 wins");
}

#[test]
fn headers_are_recognised_whatever_their_case_spacing_punctuation_or_unit() {
    let headers: Vec<String> = [
        "  CUSTOMER_NAME ",
        "Annual Purchase (CNY)",
        "收入（万元）",
        "2025年采购额",
        "客户名称",
        "毛利率%",
        "是否复购?",
        "Sales vertical",
        "未知列",
        "",
    ]
    .iter()
    .map(|h| s(h))
    .collect();
    use Target::*;
    assert_eq!(
        detect_mapping(&headers),
        vec![
            Name,
            AnnualPurchase,
            Revenue,
            Ignore,
            Ignore,
            GrossMarginPct,
            RepeatPurchase,
            IndustryLine,
            Ignore,
            Ignore
        ],
        "the first header of a field wins it"
    );
    assert_eq!(Target::from_key("gross_margin_pct"), Some(GrossMarginPct));
    assert_eq!(Target::YearsOfCooperation.key(), "years_of_cooperation");
}

#[test]
fn a_mapping_needs_one_name_column_and_no_field_twice() {
    let table = Table::new(vec![s("a"), s("b")], vec![vec![s("x"), s("1")]]);
    let none = build_customers(&table, &[Target::Industry, Target::Ignore]);
    assert_eq!(none, Err(ImportError::NoNameColumn));
    let twice = build_customers(&table, &[Target::Name, Target::Name]);
    assert_eq!(twice, Err(ImportError::DuplicateTarget(Target::Name)));
}

#[test]
fn ids_totals_placeholders_numbering_long_text_and_neutralised_cells() {
    let long = "长".repeat(501);
    let row = |cells: [&str; 6]| cells.iter().map(|c| s(c)).collect::<Vec<String>>();
    let rows = vec![
        row(["1", "C1", "'=华远通信", "-", "N/A", "—"]),
        row(["2", "C1", "江南新能源", "100", "", "华东"]),
        row(["3", "", &long, "100", "", ""]),
        row(["4", "", "合计", "200", "", ""]),
        row(["合计", "", "", "300", "", ""]),
        row(["6", "", "", "", "", ""]),
    ];
    let headers = row(["序号", "编号", "客户名称", "年采购额", "钱包", "区域"]);
    let table = Table::new(headers, rows);
    let mapping = detect_mapping(&table.headers);
    assert_eq!(mapping[0], Target::Ignore, "序号 is a row count, not an id");
    let preview = build_customers(&table, &mapping).unwrap();
    assert_eq!(preview.customers.len(), 1);
    let first = &preview.customers[0].1;
    assert_eq!(
        (first.id.as_str(), first.name.as_str()),
        ("C1", "=华远通信")
    );
    assert_eq!((first.annual_purchase, first.wallet), (0.0, None));
    assert_eq!(first.region, "", "a dash means no value");
    assert_eq!(
        preview.errors[0].reason,
        ImportReason::DuplicateId { first_row: 2 }
    );
    assert_eq!(preview.errors[1].reason, ImportReason::TooLong { max: 500 });
    assert_eq!(
        preview.errors[1].value.chars().count(),
        101,
        "100 characters and …"
    );
    assert_eq!(preview.skipped_totals, vec![5, 6]);
    assert_eq!(
        preview.skipped_blank, 1,
        "a row with only its 序号 is blank"
    );
}

#[test]
fn a_title_row_above_the_csv_header_is_skipped() {
    let text = "2025年重点客户清单,,\r\n客户名称,行业,年采购额\r\n华远通信,通信,100万\r\n";
    let table = read_csv(text.as_bytes()).unwrap();
    assert_eq!((table.header_row, table.row_numbers.clone()), (2, vec![3]));
}

#[test]
fn caps_on_size_and_columns_are_enforced() {
    let big = vec![b'a'; MAX_IMPORT_BYTES + 1];
    let too_large = ImportError::TooLarge {
        bytes: MAX_IMPORT_BYTES + 1,
        max: MAX_IMPORT_BYTES,
    };
    assert_eq!(read_csv(&big), Err(too_large.clone()));
    assert_eq!(read_xlsx(&big), Err(too_large));
    let wide = format!("客户名称{}\r\nx\r\n", ",c".repeat(MAX_IMPORT_COLUMNS));
    let columns = MAX_IMPORT_COLUMNS + 1;
    let max = MAX_IMPORT_COLUMNS;
    assert_eq!(
        read_csv(wide.as_bytes()),
        Err(ImportError::TooManyColumns {
            row: 1,
            columns,
            max
        })
    );
}

#[test]
fn garbage_and_legacy_workbooks_give_readable_errors() {
    let garbage = b"PK\x03\x04 this is not really a zip archive at all";
    // The zip layer is read by the app itself (xlsx_unpack), so a broken zip is its error.
    match read_xlsx(garbage) {
        Err(ImportError::BrokenZip(message)) => assert!(!message.is_empty()),
        other => panic!("expected a broken-zip error, got {other:?}"),
    }
    assert!(matches!(
        read_table(garbage),
        Err(ImportError::BrokenZip(_))
    ));
    let xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    assert_eq!(read_table(&xls), Err(ImportError::LegacyXls));
    assert_eq!(
        read_csv(&[0x81, 0xFF, 0xFE, 0x30]),
        Err(ImportError::UnreadableEncoding)
    );
}

/// A fixture with a few bytes overwritten, some inserted and possibly its tail cut.
fn mutated(seed: &[u8], edits: &[(usize, u8)], cut: Option<usize>) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for (i, &(at, value)) in edits.iter().enumerate() {
        let at = at % (bytes.len() + 1);
        if i % 3 == 2 {
            bytes.insert(at, value);
        } else if at < bytes.len() {
            bytes[at] = value;
        }
    }
    if let Some(cut) = cut {
        bytes.truncate(cut % (bytes.len() + 1));
    }
    bytes
}

/// Text cells that exercise quoting, injection prefixes, line breaks and non-ASCII.
fn cell() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            "a", "Z", "0", "9", ".", " ", ",", ";", "\t", "\"", "'", "\r", "\n", "\r\n", "=", "+",
            "-", "@", "客", "户", "¥", "\u{FEFF}", "é", "%",
        ]),
        0..8,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn readers_never_panic_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read_csv(&bytes);
        let _ = read_xlsx(&bytes);
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&bytes);
        let _ = read_table(&zip);
    }

    #[test]
    fn readers_never_panic_on_mutated_fixtures(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..12),
        cut in proptest::option::of(any::<usize>()),
        which in 0usize..4,
    ) {
        let csv = ["customers.csv", "customers_gbk_semicolon.csv", "quoted.csv", "customers_utf16.txt"];
        let xlsx = ["customers_stored.xlsx", "customers.xlsx", "title_row.xlsx", "customers_stored.xlsx"];
        if let Ok(table) = read_csv(&mutated(&fixture(csv[which]), &edits, cut)) {
            let _ = build_customers(&table, &detect_mapping(&table.headers));
        }
        if let Ok(table) = read_xlsx(&mutated(&fixture(xlsx[which]), &edits, cut)) {
            let _ = build_customers(&table, &detect_mapping(&table.headers));
        }
    }

    #[test]
    fn to_csv_then_read_csv_gives_back_the_table(
        extra_headers in proptest::collection::vec(cell(), 0..4),
        rows in proptest::collection::vec(proptest::collection::vec(cell(), 5), 1..6),
    ) {
        let mut headers = vec![s("客户名称")];
        headers.extend(extra_headers);
        let width = headers.len();
        let rows: Vec<Vec<String>> = rows.into_iter().map(|r| r[..width].to_vec()).collect();
        prop_assume!(rows.iter().any(|r| r.iter().any(|c| !c.trim().is_empty())));
        let table = read_csv(to_csv(&headers, rows.clone()).as_bytes()).unwrap();
        let expect = |cells: &[String]| -> Vec<String> {
            cells.iter().map(|c| neutralise(c).into_owned()).collect()
        };
        prop_assert_eq!(table.headers, expect(&headers));
        prop_assert_eq!(table.rows, rows.iter().map(|r| expect(r)).collect::<Vec<_>>());
        prop_assert_eq!(table.row_numbers, (2..rows.len() + 2).collect::<Vec<_>>());
    }
}

//! The import wizard's pure core: headers from real sales workbooks matched to fields (with the
//! reason), the year rule, every field kind's reader, the warning for a mapping that feeds none
//! of the fields the tiering needs, and templates that import with 0 errors.

use kam_planner::domain::tiering::{Field, Mode, ScoreDimension, TieringConfig};
use kam_planner::persist::import::rows::{read_cell, Value};
use kam_planner::persist::import::schema::{detect, detect_uses, ColumnUse, GuessHow, ValueKind};
use kam_planner::persist::import::template::{template_csv, template_rows};
use kam_planner::persist::import::{
    build_customers_with, customer_spec, read_table, unfed_key_fields, AmountUnit, ImportReason,
    Table, Target,
};
use kam_planner::persist::people_import::{build_people_with, people_spec};
use kam_planner::persist::xlsx_write::{write_xlsx, Sheet};

fn headers(h: &[&str]) -> Vec<String> {
    h.iter().map(|s| s.to_string()).collect()
}

/// The target key a lone header (next to a name column) is detected as.
fn detected(header: &str) -> String {
    let spec = customer_spec();
    let uses = detect_uses(spec, &headers(&["客户名称", header]));
    match uses[1] {
        ColumnUse::Field(i) => spec.fields[i].id.clone(),
        ColumnUse::Year(y) => format!("year:{y}"),
        ColumnUse::Ignore => "ignore".into(),
    }
}

#[test]
fn headers_from_real_sales_workbooks_are_recognised() {
    let cases: &[(&str, &str)] = &[
        ("年度采购额", "annual_purchase"),
        ("采购额", "annual_purchase"),
        ("采购金额", "annual_purchase"),
        ("年采购额（万元）", "annual_purchase"),
        ("销售额", "annual_purchase"),
        ("销售收入", "annual_purchase"),
        ("合同额", "annual_purchase"),
        ("签约额", "annual_purchase"),
        ("订货额", "annual_purchase"),
        ("营收", "annual_purchase"),
        ("收入", "annual_purchase"),
        ("2025年销售额", "annual_purchase"),
        ("2025年度采购额(元)", "annual_purchase"),
        ("FY2025 Sales", "annual_purchase"),
        ("Annual purchase (CNY)", "annual_purchase"),
        ("Revenue", "annual_purchase"),
        ("销售区域", "region"),
        ("片区", "region"),
        ("大区", "region"),
        ("省份", "region"),
        ("所属行业", "industry"),
        ("行业分类", "industry"),
        ("是否复购", "repeat_purchase"),
        ("是否老客户", "repeat_purchase"),
        ("老客户", "repeat_purchase"),
        ("客户经理", "owner"),
        ("销售负责人", "owner"),
        ("Account owner", "owner"),
        ("毛利", "gross_margin_pct"),
        ("毛利率(%)", "gross_margin_pct"),
        ("毛利率%", "gross_margin_pct"),
        ("排名", "industry_rank"),
        ("行业排名", "industry_rank"),
        ("合作年限", "years_of_cooperation"),
        ("清单制客户", "on_named_list"),
        ("标签", "tags"),
        ("备注", "notes"),
        ("客户编号", "id"),
        ("增长率", "growth_pct"),
        ("同比增长(%)", "growth_pct"),
        ("钱包规模（万元）", "wallet"),
        ("Industry line", "industry_line"),
        ("Region", "region"),
        ("Gross margin %", "gross_margin_pct"),
        ("客户年度采购总额", "annual_purchase"),
        ("联系电话", "ignore"),
        ("序号", "ignore"),
    ];
    assert!(cases.len() >= 40);
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(h, want)| detected(h) != *want)
        .map(|(h, want)| format!("{h}: got {}, want {want}", detected(h)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
    // The customer name itself in many spellings.
    for h in [
        "客户名称",
        "客户",
        "公司名称",
        "企业名称",
        "客户全称",
        "Customer name",
        "Account",
    ] {
        let uses = detect_uses(customer_spec(), &headers(&[h, "年采购额"]));
        assert_eq!(uses[0], ColumnUse::Field(0), "{h}");
    }
}

#[test]
fn each_guess_carries_its_reason() {
    let spec = customer_spec();
    let g = detect(
        spec,
        &headers(&["客户名称", "客户年度采购总额", "收入", "联系电话", "客户"]),
    );
    assert_eq!(g[0].how, GuessHow::Alias);
    // 收入 is shared by annual purchase and revenue. Exact and shared spellings go before fuzzy
    // ones, so 收入 takes the annual purchase and the fuzzy column finds it taken.
    assert_eq!(g[2].column_use, ColumnUse::Field(4));
    assert_eq!(g[2].how, GuessHow::Shared);
    assert_eq!(g[1].how, GuessHow::Taken);
    assert_eq!(g[3].how, GuessHow::Unknown);
    assert_eq!(g[4].how, GuessHow::Taken, "a second name column");
    let g = detect(spec, &headers(&["客户名称", "客户年度采购总额"]));
    assert_eq!(g[1].column_use, ColumnUse::Field(4));
    assert_eq!(
        g[1].how,
        GuessHow::Fuzzy {
            alias: "采购总额".into()
        }
    );
}

#[test]
fn a_shared_spelling_goes_to_the_first_free_field() {
    let spec = customer_spec();
    let ap = ColumnUse::Field(4);
    let revenue = ColumnUse::Field(5);
    assert_eq!(
        detect_uses(spec, &headers(&["客户", "销售额", "收入"]))[1..],
        [ap, revenue]
    );
    assert_eq!(
        detect_uses(spec, &headers(&["客户", "采购额", "收入"]))[1..],
        [ap, revenue],
        "收入 is the revenue when 采购额 names the purchases"
    );
    assert_eq!(detect_uses(spec, &headers(&["客户", "收入"]))[1], ap);
}

#[test]
fn a_year_in_the_header_picks_the_year() {
    let spec = customer_spec();
    let h = headers(&[
        "客户名称",
        "2023年销售额",
        "2025年销售额",
        "2024年销售额（万元）",
    ]);
    let g = detect(spec, &h);
    assert_eq!(g[2].column_use, ColumnUse::Field(4));
    assert_eq!(g[2].how, GuessHow::NewestYear { year: 2025 });
    assert_eq!(g[1].column_use, ColumnUse::Year(2023));
    assert_eq!(g[3].column_use, ColumnUse::Year(2024));
    assert_eq!(g[3].how, GuessHow::OlderYear { year: 2024 });

    let table = Table::new(
        h,
        vec![vec![
            "华远".into(),
            "800,000".into(),
            "1200万".into(),
            "100".into(),
        ]],
    );
    let uses: Vec<ColumnUse> = g.iter().map(|g| g.column_use).collect();
    let p = build_customers_with(&table, &uses, &[]).unwrap();
    assert_eq!(p.errors, []);
    let c = &p.customers[0].1;
    assert_eq!(c.annual_purchase, 12_000_000.0);
    let history: Vec<(i32, f64)> = c
        .history
        .iter()
        .map(|y| (y.year, y.annual_purchase))
        .collect();
    assert_eq!(
        history,
        [(2023, 800_000.0), (2024, 1_000_000.0), (2025, 12_000_000.0)],
        "万元 in the header scales the 2024 column"
    );
    assert_eq!(c.effective_growth_pct().map(|g| g.round()), Some(1100.0));

    // A column without a year names the current purchases; every year column is history.
    let g = detect_uses(
        spec,
        &headers(&["客户", "年采购额", "2024年采购额", "2023年采购额"]),
    );
    assert_eq!(
        g,
        [
            ColumnUse::Field(0),
            ColumnUse::Field(4),
            ColumnUse::Year(2024),
            ColumnUse::Year(2023)
        ]
    );
}

#[test]
fn every_field_kind_reads_its_cells() {
    use ValueKind::*;
    let yuan = AmountUnit::Yuan;
    let ok = |k, c: &str| read_cell(k, c, yuan).unwrap();
    let err = |k, c: &str| read_cell(k, c, yuan).unwrap_err();
    let amount = Amount { negative: false };
    assert_eq!(ok(amount, "13万"), Value::Number(130_000.0));
    assert_eq!(ok(amount, "1,200,000"), Value::Number(1_200_000.0));
    assert_eq!(ok(amount, "1.2亿"), Value::Number(120_000_000.0));
    assert_eq!(ok(amount, "¥1.2M"), Value::Number(1_200_000.0));
    assert_eq!(
        read_cell(amount, "13", AmountUnit::TenThousand).unwrap(),
        Value::Number(130_000.0)
    );
    assert_eq!(err(amount, "-5"), ImportReason::Negative);
    assert_eq!(err(amount, "一百万"), ImportReason::NotANumber);
    assert_eq!(
        ok(Amount { negative: true }, "-5万"),
        Value::Number(-50_000.0)
    );
    assert_eq!(ok(Percent, "35%"), Value::Number(35.0));
    assert_eq!(ok(Percent, "35"), Value::Number(35.0));
    assert_eq!(err(Percent, "高"), ImportReason::NotAPercent);
    assert_eq!(ok(WholeNumber, "12"), Value::Whole(12));
    assert_eq!(err(WholeNumber, "2.5"), ImportReason::NotAnInteger);
    assert_eq!(err(WholeNumber, "-1"), ImportReason::Negative);
    assert_eq!(ok(YesNo, "是"), Value::Bool(true));
    assert_eq!(ok(YesNo, "N"), Value::Bool(false));
    assert_eq!(ok(YesNo, "√"), Value::Bool(true));
    assert_eq!(err(YesNo, "也许"), ImportReason::NotABoolean);
    assert_eq!(
        ok(Tags, "国企、重点, 国企"),
        Value::Tags(vec!["国企".into(), "重点".into()])
    );
    assert_eq!(ok(Capacity, "50%"), Value::Number(0.5));
    assert_eq!(err(Capacity, "2"), ImportReason::CapacityOutOfRange);
    assert_eq!(err(Capacity, "abc"), ImportReason::CapacityNotANumber);
    assert_eq!(ok(Number, "85%"), Value::Number(85.0));
    assert_eq!(ok(Number, "1,200"), Value::Number(1200.0));
    assert_eq!(err(Number, "n/a?"), ImportReason::NotANumber);
    assert_eq!(ok(Text, "  "), Value::Text("  ".into()));
    assert_eq!(ok(Text, ""), Value::Empty);
    assert_eq!(
        err(Text, &"字".repeat(501)),
        ImportReason::TooLong { max: 500 }
    );
    assert_eq!(ok(Choice, "AR"), Value::Text("AR".into()));
}

#[test]
fn a_mapping_without_the_amount_the_rules_use_is_a_blocking_warning() {
    let tiering = TieringConfig::default();
    use Target::*;
    // The newcomer's workbook: name, region and a yes/no mapped; the sales column left out.
    assert_eq!(
        unfed_key_fields(&tiering, &[Name, Region, RepeatPurchase, Ignore]),
        [Field::AnnualPurchase],
        "the default rules tier by 年采购额"
    );
    assert_eq!(
        unfed_key_fields(&tiering, &[Name, Region, AnnualPurchase]),
        Vec::<Field>::new()
    );
    // Rules that test only flags: any of them fed is enough.
    let mut flags = TieringConfig::default();
    for t in &mut flags.tiers {
        if let Some(rule) = &mut t.rule {
            rule.conditions
                .retain(|c| matches!(c.field, Field::OnNamedList | Field::RepeatPurchase));
        }
    }
    assert_eq!(
        unfed_key_fields(&flags, &[Name, Region]),
        [Field::OnNamedList, Field::RepeatPurchase]
    );
    assert_eq!(
        unfed_key_fields(&flags, &[Name, IndustryRank]),
        Vec::<Field>::new()
    );
    // Score mode: the weighted dimensions count.
    let mut score = TieringConfig {
        mode: Mode::Score,
        ..TieringConfig::default()
    };
    score.score.dimensions = vec![ScoreDimension {
        field: Field::Revenue,
        weight: 1.0,
        ..ScoreDimension::default()
    }];
    assert_eq!(
        unfed_key_fields(&score, &[Name, AnnualPurchase]),
        [Field::Revenue]
    );
    assert_eq!(
        unfed_key_fields(&score, &[Name, Revenue]),
        Vec::<Field>::new()
    );
}

#[test]
fn the_customer_template_imports_with_zero_errors_as_csv_and_as_xlsx() {
    let spec = customer_spec();
    for zh in [true, false] {
        let csv = template_csv(spec, zh);
        let sheet = Sheet {
            name: "客户".into(),
            rows: template_rows(spec, zh),
            bold_first_row: true,
            column_widths: Vec::new(),
        };
        let xlsx = write_xlsx(&[sheet]);
        for (kind, bytes) in [("csv", csv.into_bytes()), ("xlsx", xlsx)] {
            let table = read_table(&bytes).unwrap();
            let uses = detect_uses(spec, &table.headers);
            let unmapped: Vec<&String> = table
                .headers
                .iter()
                .zip(&uses)
                .filter(|(_, u)| **u == ColumnUse::Ignore)
                .map(|(h, _)| h)
                .collect();
            assert!(unmapped.is_empty(), "{kind} zh={zh}: {unmapped:?}");
            let p = build_customers_with(&table, &uses, &[]).unwrap();
            assert_eq!(p.errors, [], "{kind} zh={zh}");
            assert_eq!(p.customers.len(), 2, "{kind} zh={zh}");
            let c = &p.customers[0].1;
            assert_eq!(c.name, "华远通信集团有限公司");
            assert_eq!(c.annual_purchase, 12_000_000.0);
            assert_eq!(c.gross_margin_pct, Some(28.0));
            assert!(c.on_named_list && c.repeat_purchase);
            assert_eq!(c.tags, ["国企", "重点"]);
            assert_eq!(p.customers[1].1.growth_pct, Some(-5.0));
        }
    }
}

#[test]
fn the_people_template_imports_with_zero_errors() {
    let spec = people_spec();
    let table = read_table(template_csv(spec, true).as_bytes()).unwrap();
    let uses = detect_uses(spec, &table.headers);
    let roles = kam_planner::domain::org::defaults::roles();
    let p = build_people_with(&table, &uses, &roles).unwrap();
    assert_eq!(p.errors, []);
    let got: Vec<(&str, &str, f64)> = p
        .people
        .iter()
        .map(|(_, p)| (p.name.as_str(), p.role.as_str(), p.capacity_fte))
        .collect();
    assert_eq!(got, [("赵一", "AR", 1.0), ("钱二", "SR", 0.5)]);
}

#[test]
fn column_counts_and_unknown_owners_are_reported() {
    let table = Table::new(
        headers(&["客户名称", "年采购额", "客户经理"]),
        vec![
            vec!["甲".into(), "13万".into(), "王五".into()],
            vec!["乙".into(), "".into(), "p-1".into()],
            vec!["丙".into(), "abc".into(), "".into()],
        ],
    );
    let people = vec![kam_planner::domain::org::Person {
        id: "p-1".into(),
        name: "李雷".into(),
        role: "AR".into(),
        ..Default::default()
    }];
    let uses = detect_uses(customer_spec(), &table.headers);
    let p = build_customers_with(&table, &uses, &people).unwrap();
    assert_eq!(p.customers.len(), 2);
    assert_eq!(p.customers[0].1.owner, None);
    assert_eq!(p.customers[1].1.owner.as_deref(), Some("p-1"));
    assert_eq!(p.unknown_owners, ["王五"]);
    let amounts = p.columns[1];
    assert_eq!((amounts.filled, amounts.empty, amounts.errors), (1, 1, 1));
}

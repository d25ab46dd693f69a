//! LTC's imports through the one wizard's readers: a CRM export of opportunities mapping with no
//! hand work, each row error on a real row, amounts in 万, contracts with default and given
//! milestone shares and collections, the templates reading back with no error, and the
//! opportunities' CSV export importing back unchanged.

use std::rc::Rc;

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::ltc::{check, Forecast, MilestoneKind};
use kam_planner::domain::workspace::{Customer, Workspace};
use kam_planner::persist::csv_export::to_csv;
use kam_planner::persist::import::schema::{detect_uses, ColumnUse, TableSpec};
use kam_planner::persist::import::{read_table, ImportReason, Table};
use kam_planner::persist::ltc_import::{
    apply_contracts, apply_opportunities, build_contracts, build_opportunities, contracts_csv,
    contracts_spec, opportunities_csv, opportunities_spec, parse_date, parse_forecast,
    template_for,
};
use kam_planner::persist::xlsx_write::{write_xlsx, Sheet};

const NOW: i64 = 1_768_435_200_000;
const TODAY: &str = "2026-01-15";
/// 2026-01-15 as a day number.
const TODAY_DAY: i64 = 20_468;

fn zh() -> Workspace {
    demo::build("demo-1", NOW, DemoLocale::Zh)
}

fn field(spec: &TableSpec, id: &str) -> ColumnUse {
    ColumnUse::Field(spec.field(id).expect("field exists"))
}

fn read(csv: &str) -> Table {
    read_table(csv.as_bytes()).expect("reads")
}

/// A CRM export: the six columns the issue names, a row per stage kind, one bad row.
const CRM: &str = "商机名称,客户名称,阶段,预计金额,预计签单日期,负责人\n\
    数据中心扩容二期,贵阳数字政府建设运营有限公司,标前引导,120万,2026/6/30,刘洋\n\
    视频专网一期,郑州市公安局,赢单签约,\"1,200,000\",2026-01-10,陈静\n\
    调度系统升级,华能湖南发电有限公司,投标,1.2亿,2026-09-30,外部销售\n\
    不存在的客户项目,查无此客户,投标,50万,2026-05-01,刘洋\n";

#[test]
fn a_crm_export_maps_with_no_hand_work() {
    let spec = opportunities_spec();
    let table = read(CRM);
    let uses = detect_uses(&spec, &table.headers);
    assert_eq!(
        uses,
        [
            field(&spec, "name"),
            field(&spec, "account"),
            field(&spec, "stage"),
            field(&spec, "amount"),
            field(&spec, "close_date"),
            field(&spec, "owner"),
        ]
    );
    // Other CRM wordings of the same columns, and the English ones.
    for (headers, expect) in [
        (
            "项目名称,客户,销售阶段,商机金额,预计成交日期,所有人,产品线,预测类别,编号",
            ["name", "account", "stage", "amount", "close_date", "owner", "line", "forecast", "id"],
        ),
        (
            "Opportunity Name,Account Name,Stage,Amount,Close Date,Opportunity Owner,Business line,Forecast Category,Opportunity ID",
            ["name", "account", "stage", "amount", "close_date", "owner", "line", "forecast", "id"],
        ),
    ] {
        let table = Table::new(headers.split(',').map(String::from).collect(), Vec::new());
        let uses = detect_uses(&spec, &table.headers);
        let want: Vec<ColumnUse> = expect.iter().map(|id| field(&spec, id)).collect();
        assert_eq!(uses, want, "{headers}");
    }
}

#[test]
fn a_crm_export_imports_its_valid_rows_and_reports_the_bad_one() {
    let ws = zh();
    let spec = opportunities_spec();
    let table = read(CRM);
    let uses = detect_uses(&spec, &table.headers);
    let p = build_opportunities(&table, &uses, &ws, TODAY).expect("maps");
    assert_eq!(p.opportunities.len(), 3);
    assert_eq!(p.invalid_rows(), [5]);
    assert_eq!(p.errors.len(), 1);
    assert_eq!(p.errors[0].reason, ImportReason::UnknownAccount);
    assert_eq!(p.errors[0].column, "客户名称");
    assert_eq!(p.errors[0].value, "查无此客户");
    assert_eq!(p.unknown_owners, ["外部销售"]);

    let (_, first) = &p.opportunities[0];
    assert_eq!(first.account, "c-0001");
    assert_eq!(first.stage, "shaping");
    assert_eq!(first.amount, 1_200_000.0);
    assert_eq!(first.close_date, "2026-06-30");
    assert_eq!(first.owner.as_deref(), Some("p-ar01"));
    assert_eq!(
        first.stage_entered, TODAY,
        "an open stage is entered on the reference date"
    );
    assert_eq!(first.history.len(), 1);
    assert_eq!(first.forecast, Forecast::Pipeline);
    let (_, won) = &p.opportunities[1];
    assert_eq!(won.amount, 1_200_000.0);
    assert_eq!(
        won.stage_entered, "2026-01-10",
        "a closed stage is entered on the close date"
    );
    assert_eq!(won.history[0].date, "2026-01-10");
    let (_, third) = &p.opportunities[2];
    assert_eq!(third.amount, 120_000_000.0);
    assert_eq!(third.owner, None, "an owner not on the team is left empty");

    let next = apply_opportunities(&ws.ltc, &p);
    assert_eq!(next.opportunities.len(), 63);
    let ids: Vec<&str> = next.opportunities[60..]
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(ids, ["opp-imp-1", "opp-imp-2", "opp-imp-3"]);
    assert_eq!(check(&next), Ok(()));
}

#[test]
fn each_reason_is_reported_on_its_row_and_column() {
    let mut ws = zh();
    // A second customer with the name of c-0003 makes that name ambiguous.
    let twin = Customer {
        id: "c-9999".into(),
        ..(*ws.customers[2]).clone()
    };
    ws.customers.push(Rc::new(twin));
    let csv = "商机名称,客户名称,阶段,预计金额,预计签单日期,预测类别\n\
        好的一行,c-0003,投标,10万,2026-03-01,\n\
        重名客户,郑州市公安局,投标,10万,2026-03-01,\n\
        没有的阶段,贵阳数字政府建设运营有限公司,签约前夜,10万,2026-03-01,\n\
        金额不对,贵阳数字政府建设运营有限公司,线索,十万块,2026-03-01,\n\
        日期不对,贵阳数字政府建设运营有限公司,线索,10万,2026-02-30,\n\
        预测不对,贵阳数字政府建设运营有限公司,线索,10万,2026-03-01,大概吧\n";
    let table = read(csv);
    let spec = opportunities_spec();
    let uses = detect_uses(&spec, &table.headers);
    let p = build_opportunities(&table, &uses, &ws, TODAY).expect("maps");
    assert_eq!(p.opportunities.len(), 1, "c-0003 by id is not ambiguous");
    let got: Vec<(usize, &str, &ImportReason)> = p
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str(), &e.reason))
        .collect();
    assert_eq!(got.len(), 5, "{got:?}");
    assert_eq!(got[0], (3, "客户名称", &ImportReason::AmbiguousAccount));
    assert_eq!(got[1].0, 4);
    assert_eq!(got[1].1, "阶段");
    match got[1].2 {
        ImportReason::UnknownStage { names_zh, names_en } => {
            assert!(
                names_zh.contains("标前引导") && names_zh.contains("丢单"),
                "{names_zh}"
            );
            assert!(names_en.contains("Bid submitted"), "{names_en}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(got[2], (5, "预计金额", &ImportReason::NotANumber));
    assert_eq!(got[3], (6, "预计签单日期", &ImportReason::NotADate));
    assert_eq!(got[4], (7, "预测类别", &ImportReason::UnknownForecast));
}

#[test]
fn dates_and_forecasts_read_in_every_usual_form() {
    assert_eq!(parse_date("2026-03-31").as_deref(), Some("2026-03-31"));
    assert_eq!(parse_date("2026/3/1").as_deref(), Some("2026-03-01"));
    assert_eq!(parse_date("2026.3.1").as_deref(), Some("2026-03-01"));
    assert_eq!(parse_date("2026年3月1日").as_deref(), Some("2026-03-01"));
    assert_eq!(
        parse_date("2026-03-01T00:00:00").as_deref(),
        Some("2026-03-01")
    );
    assert_eq!(parse_date("2026/3/1 9:30").as_deref(), Some("2026-03-01"));
    assert_eq!(
        parse_date("46082").as_deref(),
        Some("2026-03-01"),
        "Excel serial"
    );
    assert_eq!(parse_date("2028-02-29").as_deref(), Some("2028-02-29"));
    for bad in [
        "2026-02-29",
        "3/1/2026",
        "2026-13-01",
        "明天",
        "12",
        "",
        "2026--1",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
    }
    assert_eq!(parse_forecast("承诺"), Some(Forecast::Commit));
    assert_eq!(parse_forecast("Best Case"), Some(Forecast::BestCase));
    assert_eq!(parse_forecast(""), Some(Forecast::Pipeline));
    assert_eq!(parse_forecast("omitted"), Some(Forecast::Omitted));
    assert_eq!(parse_forecast("也许"), None);
}

#[test]
fn an_existing_id_replaces_that_opportunity_and_records_a_stage_move() {
    let ws = zh();
    let before = ws.ltc.opportunity("opp-01").expect("demo").clone();
    let csv =
        "编号,商机名称,客户名称,阶段,预计金额\nopp-01,网络运维服务一期,c-0052,商务谈判,80万\n";
    let table = read(csv);
    let uses = detect_uses(&opportunities_spec(), &table.headers);
    let p = build_opportunities(&table, &uses, &ws, TODAY).expect("maps");
    assert_eq!(p.updates, 1);
    let next = apply_opportunities(&ws.ltc, &p);
    assert_eq!(next.opportunities.len(), 60);
    let o = next.opportunity("opp-01").expect("kept");
    assert_eq!(o.stage, "negotiation");
    assert_eq!(o.amount, 800_000.0);
    assert_eq!(o.stage_entered, TODAY);
    assert_eq!(o.history.len(), before.history.len() + 1);
    // Columns the file does not have keep their values.
    assert_eq!(o.owner, before.owner);
    assert_eq!(o.next_step, before.next_step);
}

#[test]
fn the_opportunity_export_imports_back_unchanged() {
    let ws = zh();
    for zh in [true, false] {
        let csv = opportunities_csv(&ws, zh, TODAY_DAY);
        let table = read(&csv);
        assert_eq!(table.rows.len(), 60);
        let spec = opportunities_spec();
        let uses = detect_uses(&spec, &table.headers);
        assert_eq!(
            uses[14..],
            [ColumnUse::Ignore, ColumnUse::Ignore],
            "computed columns"
        );
        let p = build_opportunities(&table, &uses, &ws, TODAY).expect("maps");
        assert_eq!(p.errors, [], "zh={zh}");
        assert_eq!(p.updates, 60);
        let next = apply_opportunities(&ws.ltc, &p);
        let strip = |l: &kam_planner::domain::ltc::Ltc| {
            l.opportunities
                .iter()
                .map(|o| {
                    let mut o = (**o).clone();
                    o.updated_at = 0;
                    o
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(&next), strip(&ws.ltc), "zh={zh}");
    }
}

#[test]
fn the_export_holds_names_weighted_amounts_and_neutralised_cells() {
    let mut ws = zh();
    let mut o = (*ws.ltc.opportunities[0]).clone();
    o.notes = "=HYPERLINK(\"http://x\")".into();
    ws.ltc.opportunities[0] = Rc::new(o);
    let csv = opportunities_csv(&ws, true, TODAY_DAY);
    let first = csv.lines().nth(1).expect("a row");
    assert!(first.starts_with("opp-01,网络运维服务一期,"), "{first}");
    assert!(first.contains(",刘洋,"), "owner by name: {first}");
    assert!(first.contains(",线索,"), "stage by name: {first}");
    assert!(first.contains("'=HYPERLINK"), "neutralised: {first}");

    let contracts = contracts_csv(&ws, true, TODAY_DAY);
    let header = contracts.lines().next().expect("header");
    assert!(
        header.ends_with("已开票,开票日期,回款日期,备注,未回款,逾期未回款"),
        "{header}"
    );
    assert_eq!(contracts.lines().count(), 26);
}

#[test]
fn contracts_take_default_or_given_shares_and_spread_a_collected_total() {
    let ws = zh();
    let csv = "合同编号,合同名称,客户名称,商机,签订日期,合同金额,交付进度,到货日期,已回款\n\
        HT-1,视频专网合同,郑州市公安局,,2026/1/5,100万,100%,2026-01-12,45万\n\
        HT-2,调度合同,华能湖南发电有限公司,,2026-01-06,100万,,,200万\n\
        HT-3,坏日期,华能湖南发电有限公司,,昨天,100万,,,\n\
        HT-4,坏商机,华能湖南发电有限公司,没有这个商机,2026-01-06,100万,,,\n";
    let table = read(csv);
    let spec = contracts_spec();
    let uses = detect_uses(&spec, &table.headers);
    assert!(!uses.contains(&ColumnUse::Ignore), "{uses:?}");
    let p = build_contracts(&table, &uses, &ws).expect("maps");
    assert_eq!(p.contracts.len(), 1);
    let reasons: Vec<(usize, &ImportReason)> =
        p.errors.iter().map(|e| (e.row, &e.reason)).collect();
    assert_eq!(
        reasons,
        [
            (3, &ImportReason::CollectedAboveValue),
            (4, &ImportReason::NotADate),
            (5, &ImportReason::UnknownOpportunity),
        ]
    );
    let (_, c) = &p.contracts[0];
    assert_eq!(c.account, "c-0003");
    assert_eq!(c.signed, "2026-01-05");
    assert_eq!(c.delivered_pct, 100.0);
    let shares: Vec<f64> = c.milestones.iter().map(|m| m.share_pct).collect();
    assert_eq!(shares, [30.0, 30.0, 30.0, 10.0]);
    let collected: Vec<f64> = c.milestones.iter().map(|m| m.collected).collect();
    assert_eq!(
        collected,
        [300_000.0, 150_000.0, 0.0, 0.0],
        "spread in order"
    );
    assert_eq!(c.milestones[3].kind, MilestoneKind::Retention);
    assert_eq!(c.milestones[3].due.months, 12, "default due rules");

    let next = apply_contracts(&ws.ltc, &p);
    assert_eq!(next.contracts.len(), 26);
    assert_eq!(check(&next), Ok(()));

    // Given shares and per-milestone collections; shares that do not add up are an error.
    let csv = "合同名称,客户名称,签订日期,合同金额,预付款比例,到货款比例,验收款比例,质保金比例,已回款-预付款,已回款-质保金\n\
        A,郑州市公安局,2026-01-05,200万,20%,40%,35%,5%,40万,\n\
        B,郑州市公安局,2026-01-05,200万,20%,40%,30%,5%,,\n\
        C,郑州市公安局,2026-01-05,200万,,,,,70万,\n";
    let table = read(csv);
    let uses = detect_uses(&spec, &table.headers);
    assert!(!uses.contains(&ColumnUse::Ignore), "{uses:?}");
    let p = build_contracts(&table, &uses, &ws).expect("maps");
    assert_eq!(p.contracts.len(), 1);
    let reasons: Vec<(usize, &ImportReason)> =
        p.errors.iter().map(|e| (e.row, &e.reason)).collect();
    assert_eq!(
        reasons,
        [
            (3, &ImportReason::SharesNot100),
            (4, &ImportReason::CollectedAboveValue)
        ]
    );
    let (_, a) = &p.contracts[0];
    let shares: Vec<f64> = a.milestones.iter().map(|m| m.share_pct).collect();
    assert_eq!(shares, [20.0, 40.0, 35.0, 5.0]);
    assert_eq!(a.milestones[0].collected, 400_000.0);
    assert_eq!(
        a.milestones[0].invoiced, 400_000.0,
        "collected implies invoiced"
    );
    let next = apply_contracts(&ws.ltc, &p);
    assert_eq!(next.contracts[25].id, "ct-imp-1");
}

#[test]
fn the_templates_import_with_zero_errors_as_csv_and_xlsx() {
    let ws = zh();
    for (spec, kind) in [(opportunities_spec(), 0), (contracts_spec(), 1)] {
        for zh in [true, false] {
            let rows = template_for(&spec, &ws, zh);
            let csv = to_csv(&rows[0], rows[1..].to_vec());
            let xlsx = write_xlsx(&[Sheet {
                name: "t".into(),
                rows,
                bold_first_row: true,
                column_widths: Vec::new(),
            }]);
            for (file, bytes) in [("csv", csv.into_bytes()), ("xlsx", xlsx)] {
                let table = read_table(&bytes).expect("reads");
                let uses = detect_uses(&spec, &table.headers);
                assert!(
                    !uses.contains(&ColumnUse::Ignore),
                    "{file} zh={zh}: {:?}",
                    table.headers
                );
                let n = if kind == 0 {
                    let p = build_opportunities(&table, &uses, &ws, TODAY).expect("maps");
                    assert_eq!(p.errors, [], "{file} zh={zh}");
                    assert_eq!(p.opportunities[0].1.amount, 1_200_000.0);
                    p.opportunities.len()
                } else {
                    let p = build_contracts(&table, &uses, &ws).expect("maps");
                    assert_eq!(p.errors, [], "{file} zh={zh}");
                    p.contracts.len()
                };
                assert_eq!(n, 2, "{file} zh={zh}");
            }
        }
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Cells as hostile files hold them: names and ids of the demo, stages and forecasts in both
    /// languages, amounts and dates in every notation, formulas, control characters, long text.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("opp-01".to_string()),
            Just("ct-01".to_string()),
            Just("c-0052".to_string()),
            Just("郑州市公安局".to_string()),
            Just("投标".to_string()),
            Just("Won / contract".to_string()),
            Just("承诺".to_string()),
            Just("刘洋".to_string()),
            Just("120万".to_string()),
            Just("2026/2/29".to_string()),
            Just("2026-03-01".to_string()),
            Just("46082".to_string()),
            Just("30%".to_string()),
            Just("1e309".to_string()),
            Just("=HYPERLINK(\"x\")".to_string()),
            "[\\PC]{0,12}",
            "[0-9,.万亿%/-]{1,10}",
            "\\PC{300,400}",
        ]
    }

    fn table() -> impl Strategy<Value = Table> {
        (1usize..10).prop_flat_map(|w| {
            (
                proptest::collection::vec(cell(), w),
                proptest::collection::vec(proptest::collection::vec(cell(), w), 0..16),
            )
                .prop_map(|(headers, rows)| Table::new(headers, rows))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_table_applies_every_valid_row_or_reports(t in table(), seed in 0usize..6) {
            let ws = zh();
            for kind in 0..2 {
                let spec_len = if kind == 0 { opportunities_spec() } else { contracts_spec() }.fields.len();
                let uses: Vec<ColumnUse> = (0..t.headers.len())
                    .map(|i| {
                        let f = (i * 3 + seed) % (spec_len + 1);
                        if f == spec_len { ColumnUse::Ignore } else { ColumnUse::Field(f) }
                    })
                    .collect();
                let rows = t.rows.len();
                let (valid, invalid, blank, next) = if kind == 0 {
                    let Ok(p) = build_opportunities(&t, &uses, &ws, TODAY) else { continue };
                    let next = apply_opportunities(&ws.ltc, &p);
                    let new = p.opportunities.len() - p.updates;
                    prop_assert!(next.opportunities.len() <= ws.ltc.opportunities.len() + new);
                    (p.opportunities.len(), p.invalid_rows().len(), p.skipped_blank, next)
                } else {
                    let Ok(p) = build_contracts(&t, &uses, &ws) else { continue };
                    let next = apply_contracts(&ws.ltc, &p);
                    (p.contracts.len(), p.invalid_rows().len(), p.skipped_blank, next)
                };
                prop_assert!(valid + invalid + blank <= rows);
                // Every valid row is in a document the edit accepts.
                prop_assert_eq!(check(&next), Ok(()));
            }
        }
    }
}

//! Tool 2's imports through the one wizard's readers: business lines (new and updated, a bad
//! row), whitespace cells (names resolved, ambiguity, bad statuses), the templates reading back
//! with no error, and the lines' CSV export importing back unchanged.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::portfolio::{CellStatus, Horizon};
use kam_planner::domain::workspace::Workspace;
use kam_planner::persist::import::schema::{detect_uses, ColumnUse};
use kam_planner::persist::import::template::{template_csv, template_rows};
use kam_planner::persist::import::{read_table, ImportReason};
use kam_planner::persist::portfolio_import::{
    apply_cells, apply_lines, build_cells, build_lines, cells_spec, cells_template_rows, lines_csv,
    lines_spec, parse_horizon, parse_status,
};
use kam_planner::persist::xlsx_write::{write_xlsx, Sheet};

const NOW: i64 = 1_768_435_200_000;

fn zh() -> Workspace {
    demo::build("demo-1", NOW, DemoLocale::Zh)
}

fn uses_of(
    headers: &[String],
    spec: &kam_planner::persist::import::schema::TableSpec,
) -> Vec<ColumnUse> {
    detect_uses(spec, headers)
}

#[test]
fn horizons_and_statuses_read_in_both_languages() {
    assert_eq!(parse_horizon("核心业务"), Some(Horizon::Core));
    assert_eq!(parse_horizon(" Growth "), Some(Horizon::Growth));
    assert_eq!(parse_horizon("H3"), Some(Horizon::Emerging));
    assert_eq!(parse_horizon("成长型"), None);
    assert_eq!(parse_status("已成交"), Some(CellStatus::Sold));
    assert_eq!(parse_status("In pursuit"), Some(CellStatus::InPursuit));
    assert_eq!(parse_status("空白点"), Some(CellStatus::Open));
    assert_eq!(parse_status("Not relevant"), Some(CellStatus::NotRelevant));
    assert_eq!(parse_status("maybe"), None);
}

#[test]
fn a_lines_file_adds_updates_and_reports_a_bad_row() {
    let ws = zh();
    let csv = "行业,业务线,业务层次,本年收入,上年收入,市场空间,负责人\n\
               电力,储能运维,成长,1200万,500万,4亿,\n\
               医疗,医学影像云,新兴,80万,,2亿,\n\
               制造,边缘计算,第四层,10万,,,\n\
               制造,数字孪生,新兴,10万,,,查无此人\n";
    let table = read_table(csv.as_bytes()).expect("reads");
    let uses = uses_of(&table.headers, &lines_spec());
    let p = build_lines(&table, &uses, &ws.portfolio, &ws.org.people).expect("mapping is fine");
    assert_eq!(p.lines.len(), 2);
    assert_eq!(p.updates(), 1, "储能运维 in 电力 exists already");
    assert_eq!(p.lines[0].1.id, "bl-5");
    assert_eq!(p.lines[0].1.revenue, 12_000_000.0);
    assert_eq!(p.lines[1].1.market_size, Some(200_000_000.0));
    assert_eq!(p.invalid_rows(), [4, 5]);
    assert_eq!(p.errors[0].reason, ImportReason::UnknownHorizon);
    assert_eq!(p.errors[0].value, "第四层");
    assert_eq!(p.errors[1].reason, ImportReason::UnknownPerson);
    assert_eq!(p.errors[1].column, "负责人");

    let next = apply_lines(&ws.portfolio, &p);
    assert_eq!(next.lines.len(), 21);
    assert_eq!(next.lines[4].revenue, 12_000_000.0);
    assert_eq!(next.lines[4].id, "bl-5");
    assert_eq!(next.lines[20].id, "bl-21");
    assert_eq!(next.lines[20].horizon, Horizon::Emerging);
    // The update kept the line's whitespace cells (they refer to its id).
    assert_eq!(next.whitespace, ws.portfolio.whitespace);
}

#[test]
fn a_lines_file_without_a_name_column_is_a_mapping_problem() {
    let ws = zh();
    let table = read_table("行业,本年收入\n电力,100\n".as_bytes()).expect("reads");
    let uses = uses_of(&table.headers, &lines_spec());
    assert!(build_lines(&table, &uses, &ws.portfolio, &ws.org.people).is_err());
}

#[test]
fn the_lines_template_imports_with_zero_errors_as_csv_and_xlsx() {
    let ws = Workspace::empty("w", "空", NOW);
    let spec = lines_spec();
    for zh in [true, false] {
        let xlsx = write_xlsx(&[Sheet {
            name: "业务线".into(),
            rows: template_rows(&spec, zh),
            bold_first_row: true,
            column_widths: Vec::new(),
        }]);
        for (kind, bytes) in [
            ("csv", template_csv(&spec, zh).into_bytes()),
            ("xlsx", xlsx),
        ] {
            let table = read_table(&bytes).expect("reads");
            let uses = uses_of(&table.headers, &spec);
            assert!(
                !uses.contains(&ColumnUse::Ignore),
                "{kind} zh={zh}: {:?}",
                table.headers
            );
            let p = build_lines(&table, &uses, &ws.portfolio, &ws.org.people).expect("maps");
            assert_eq!(p.errors, [], "{kind} zh={zh}");
            assert_eq!(p.lines.len(), 2, "{kind} zh={zh}");
            assert_eq!(p.lines[0].1.horizon, Horizon::Growth);
            assert_eq!(p.lines[1].1.revenue, 40_000_000.0);
        }
    }
}

#[test]
fn the_lines_export_imports_back_unchanged() {
    let ws = zh();
    for zh in [true, false] {
        let csv = lines_csv(&ws, zh, |h| {
            if zh {
                format!("{}业务", ["核心", "成长", "新兴"][h.index()])
            } else {
                h.key().to_string()
            }
        });
        let table = read_table(csv.as_bytes()).expect("reads");
        let uses = uses_of(&table.headers, &lines_spec());
        let p = build_lines(&table, &uses, &ws.portfolio, &ws.org.people).expect("maps");
        assert_eq!(p.errors, [], "zh={zh}");
        assert_eq!(p.updates(), 20, "every line matches itself");
        let next = apply_lines(&ws.portfolio, &p);
        let strip = |p: &kam_planner::domain::portfolio::Portfolio| {
            p.lines
                .iter()
                .map(|l| {
                    let mut l = l.clone();
                    l.updated_at = 0;
                    l
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(&next), strip(&ws.portfolio), "zh={zh}");
    }
}

#[test]
fn a_cells_file_resolves_accounts_and_lines_by_name() {
    let ws = zh();
    let account = ws
        .customers
        .iter()
        .find(|c| c.id == "c-0204")
        .expect("the demo's power account");
    let csv = format!(
        "客户,业务线,状态,潜在空间\n\
         {},储能运维,在跟进,600万\n\
         c-0204,虚拟电厂平台,已成交,\n\
         不存在的公司,储能运维,空白,1\n\
         {},储能运维,也许,1\n",
        account.name, account.name
    );
    let table = read_table(csv.as_bytes()).expect("reads");
    let uses = uses_of(&table.headers, &cells_spec());
    let p = build_cells(&table, &uses, &ws).expect("maps");
    assert_eq!(p.cells.len(), 2);
    assert_eq!(p.cells[0].1.id, "c-0204|bl-5");
    assert_eq!(p.cells[0].1.status, CellStatus::InPursuit);
    assert_eq!(p.cells[0].1.potential, 6_000_000.0);
    assert_eq!(p.cells[1].1.line, "bl-6");
    assert_eq!(p.invalid_rows(), [4, 5]);
    assert_eq!(p.errors[0].reason, ImportReason::UnknownAccount);
    assert_eq!(p.errors[1].reason, ImportReason::UnknownStatus);

    let next = apply_cells(&ws.portfolio, &p);
    assert_eq!(
        next.whitespace.len(),
        ws.portfolio.whitespace.len(),
        "both pairs had cells"
    );
    let cell = next.cell("c-0204", "bl-5").expect("stored");
    assert_eq!(cell.status, CellStatus::InPursuit);
}

#[test]
fn the_cells_template_lists_every_pair_and_imports_with_zero_errors() {
    let ws = zh();
    for zh in [true, false] {
        let rows = cells_template_rows(&ws, zh);
        // 15 accounts × the lines of their industry: as many pairs as the demo stores.
        assert_eq!(rows.len() - 1, ws.portfolio.whitespace.len(), "zh={zh}");
        let xlsx = write_xlsx(&[Sheet {
            name: "空白点".into(),
            rows,
            bold_first_row: true,
            column_widths: Vec::new(),
        }]);
        let table = read_table(&xlsx).expect("reads");
        let uses = uses_of(&table.headers, &cells_spec());
        let p = build_cells(&table, &uses, &ws).expect("maps");
        assert_eq!(p.errors, [], "zh={zh}");
        let next = apply_cells(&ws.portfolio, &p);
        assert_eq!(next.whitespace.len(), ws.portfolio.whitespace.len());
        for (a, b) in next.whitespace.iter().zip(&ws.portfolio.whitespace) {
            assert_eq!(
                (&a.id, a.status, a.revenue, a.potential),
                (&b.id, b.status, b.revenue, b.potential)
            );
        }
    }
}

mod props {
    use super::*;
    use kam_planner::persist::import::Table;
    use proptest::prelude::*;

    /// Cells as hostile files hold them: names of the demo, statuses and horizons in both
    /// languages, amounts in every notation, formulas, control characters, very long text.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("储能运维".to_string()),
            Just("bl-5".to_string()),
            Just("c-0204".to_string()),
            Just("电力".to_string()),
            Just("核心".to_string()),
            Just("emerging".to_string()),
            Just("空白".to_string()),
            Just("in pursuit".to_string()),
            Just("1.2亿".to_string()),
            Just("-5".to_string()),
            Just("1e309".to_string()),
            Just("=HYPERLINK(\"x\")".to_string()),
            "[\\PC]{0,12}",
            "[0-9,.万亿%-]{1,10}",
            "\\PC{300,400}",
        ]
    }

    fn table() -> impl Strategy<Value = Table> {
        (1usize..8).prop_flat_map(|w| {
            (
                proptest::collection::vec(cell(), w),
                proptest::collection::vec(proptest::collection::vec(cell(), w), 0..20),
            )
                .prop_map(|(headers, rows)| Table::new(headers, rows))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_table_reads_into_lines_and_cells_without_losing_a_row(t in table(), seed in 0usize..4) {
            let ws = zh();
            // A mapping that uses every field, in an order the seed rotates.
            for (spec_len, kind) in [(lines_spec().fields.len(), 0), (cells_spec().fields.len(), 1)] {
                let uses: Vec<ColumnUse> = (0..t.headers.len())
                    .map(|i| {
                        let f = (i + seed) % (spec_len + 1);
                        if f == spec_len { ColumnUse::Ignore } else { ColumnUse::Field(f) }
                    })
                    .collect();
                let rows = t.rows.len();
                if kind == 0 {
                    if let Ok(p) = build_lines(&t, &uses, &ws.portfolio, &ws.org.people) {
                        let invalid = p.invalid_rows().len();
                        prop_assert!(p.lines.len() + invalid + p.skipped_blank <= rows);
                        let next = apply_lines(&ws.portfolio, &p);
                        prop_assert!(next.lines.len() >= ws.portfolio.lines.len());
                        for l in &next.lines {
                            prop_assert!(l.revenue.is_finite() && l.revenue >= 0.0);
                            prop_assert!(!l.id.is_empty());
                        }
                    }
                } else if let Ok(p) = build_cells(&t, &uses, &ws) {
                    let invalid = p.invalid_rows().len();
                    prop_assert!(p.cells.len() + invalid + p.skipped_blank <= rows);
                    let next = apply_cells(&ws.portfolio, &p);
                    let mut ids: Vec<&str> = next.whitespace.iter().map(|c| c.id.as_str()).collect();
                    ids.sort_unstable();
                    let n = ids.len();
                    ids.dedup();
                    prop_assert_eq!(ids.len(), n, "one cell per pair");
                }
            }
        }
    }
}

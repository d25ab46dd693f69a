//! The whitespace as shown: board, filters, list, CSV rows, amounts and the edit of a cell.

use super::*;
use crate::domain::portfolio::BusinessLine;

fn line(id: &str, industry: &str, horizon: Horizon) -> BusinessLine {
    BusinessLine {
        id: id.into(),
        industry: industry.into(),
        name: format!("L{id}"),
        horizon,
        ..BusinessLine::default()
    }
}

fn account(id: &str, industry: &str, tier: &str) -> AccountRow {
    AccountRow {
        id: id.into(),
        name: format!("A{id}"),
        industry: industry.into(),
        tier: tier.into(),
    }
}

/// Power lines p1 (core), p2 (growth), then telecom t1; a power line listed after telecom
/// (p3) goes with its industry.
fn sample() -> (Portfolio, Vec<AccountRow>) {
    let p = Portfolio {
        lines: vec![
            line("p1", "power", Horizon::Core),
            line("p2", "power", Horizon::Growth),
            line("t1", "telecom", Horizon::Core),
            line("p3", "power", Horizon::Emerging),
        ],
        whitespace: vec![
            WhitespaceCell::new("a1", "p1", CellStatus::Sold, 800.0, 0.0),
            WhitespaceCell::new("a1", "p2", CellStatus::Open, 0.0, 500.0),
            WhitespaceCell::new("a2", "p2", CellStatus::InPursuit, 0.0, 300.0),
            WhitespaceCell::new("a3", "t1", CellStatus::Open, 0.0, 900.0),
            WhitespaceCell::new("a3", "p1", CellStatus::Open, 0.0, 50.0),
            WhitespaceCell::new("a2", "p3", CellStatus::Sold, 900.0, 0.0),
        ],
        ..Portfolio::default()
    };
    let accounts = vec![
        account("a1", "power", "strategic"),
        account("a2", "power", "value"),
        account("a3", "telecom", "value"),
    ];
    (p, accounts)
}

#[test]
fn the_board_groups_lines_by_industry_and_sums_what_it_shows() {
    let (p, accounts) = sample();
    let b = board(&p, &accounts, &Filter::default());
    let ids: Vec<&str> = b.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["p1", "p2", "p3", "t1"]);
    assert_eq!(
        b.groups,
        [("power".to_string(), 3), ("telecom".to_string(), 1)]
    );
    // a2 × p1 has no cell: power account, power line → open with nothing.
    assert_eq!(
        b.pairs[1][0],
        Pair {
            status: CellStatus::Open,
            ..Pair::default()
        }
    );
    // a1 × t1: another industry → not relevant.
    assert_eq!(b.pairs[0][3].status, CellStatus::NotRelevant);
    assert_eq!(b.pairs[0][3].figure(), None);
    assert_eq!(b.pairs[0][0].figure(), Some(800.0));
    assert_eq!(b.per_line[1].open_potential, 500.0);
    assert_eq!(b.per_line[1].pursuit_potential, 300.0);
    assert_eq!(b.per_line[0].sold_revenue, 800.0);
    assert_eq!(b.per_account[2].open_potential, 950.0);
    assert_eq!(b.total.open_potential, 1450.0);
}

#[test]
fn filters_reduce_rows_columns_and_totals() {
    let (p, accounts) = sample();
    let by_tier = board(
        &p,
        &accounts,
        &Filter {
            tier: "value".into(),
            ..Filter::default()
        },
    );
    assert_eq!(by_tier.accounts.len(), 2);
    assert_eq!(by_tier.lines.len(), 4, "the tier leaves every line");
    assert_eq!(by_tier.total.open_potential, 950.0);
    assert_eq!(by_tier.total.pursuit_potential, 300.0);

    let power = board(
        &p,
        &accounts,
        &Filter {
            industry: "power".into(),
            ..Filter::default()
        },
    );
    assert_eq!(power.accounts.len(), 2);
    assert_eq!(power.lines.len(), 3);
    assert_eq!(power.groups.len(), 1);
    assert_eq!(power.total.open_potential, 500.0, "a3's cells are out");

    let hidden = board(
        &p,
        &[account("a1", "power", "strategic")],
        &Filter {
            hide_irrelevant: true,
            ..Filter::default()
        },
    );
    assert_eq!(
        hidden.lines.len(),
        3,
        "telecom's line is not relevant to a1"
    );
    assert_eq!(hidden.groups, [("power".to_string(), 3)]);
    // A stored cell makes another industry's line relevant.
    let hidden = board(
        &p,
        &[account("a3", "telecom", "value")],
        &Filter {
            hide_irrelevant: true,
            ..Filter::default()
        },
    );
    let ids: Vec<&str> = hidden.lines.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["p1", "t1"]);
    assert_eq!(
        filter_industries(&p, &[account("x", "health", "value")]),
        ["power", "telecom", "health"]
    );
}

#[test]
fn the_list_has_stored_open_and_pursued_pairs_by_potential() {
    let (p, accounts) = sample();
    let b = board(&p, &accounts, &Filter::default());
    let listed: Vec<(&str, &str)> = listed(&b)
        .into_iter()
        .map(|(a, l)| (b.accounts[a].id.as_str(), b.lines[l].id.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            ("a3", "t1"),
            ("a1", "p2"),
            ("a2", "p2"),
            ("a3", "p1"),
            // potential 0: the sold cells by revenue (900, 800), then the open pairs
            // without a cell in matrix order
            ("a2", "p3"),
            ("a1", "p1"),
            ("a1", "p3"),
            ("a2", "p1"),
        ]
    );
    let names = Names {
        tiers: [("value".to_string(), "价值客户".to_string())].into(),
        statuses: ["已成交", "跟进中", "空白", "不相关"].map(String::from),
        horizons: ["核心", "成长", "新兴"].map(String::from),
    };
    let rows = csv_rows(&b, &names);
    assert_eq!(rows.len(), 8);
    assert_eq!(
        rows[0],
        [
            "Aa3",
            "价值客户",
            "telecom",
            "Lt1",
            "核心",
            "空白",
            "0",
            "900"
        ]
    );
    assert_eq!(rows[4][..2], ["Aa2", "价值客户"]);
    assert_eq!(
        rows[5][1], "strategic",
        "a tier without a name keeps its id"
    );
    assert_eq!(rows[5][5..], ["已成交", "800", "0"]);
}

#[test]
fn amounts_are_read_in_either_language_and_refused_with_a_reason() {
    assert_eq!(parse_amount("300万"), Ok(3_000_000.0));
    assert_eq!(parse_amount(" 1.2亿 "), Ok(120_000_000.0));
    assert_eq!(parse_amount("12M"), Ok(12_000_000.0));
    assert_eq!(parse_amount("300k"), Ok(300_000.0));
    assert_eq!(parse_amount("3,000,000"), Ok(3_000_000.0));
    assert_eq!(parse_amount("300 万"), Ok(3_000_000.0));
    assert_eq!(parse_amount(""), Ok(0.0));
    assert_eq!(parse_amount("三百万"), Err(AmountError::NotANumber));
    assert_eq!(parse_amount("12MM"), Err(AmountError::NotANumber));
    assert_eq!(parse_amount("-5万"), Err(AmountError::Negative));
    assert_eq!(parse_amount("1e300"), Err(AmountError::TooLarge));
    assert_eq!(parse_amount("1e999"), Err(AmountError::TooLarge));
    assert_eq!(plain_amount(3_000_000.0), "3000000");
    assert_eq!(plain_amount(1234.5), "1234.5");
    assert_eq!(plain_amount(f64::NAN), "");
}

#[test]
fn the_editor_shows_amounts_it_reads_back_exactly() {
    let zh = NumberLocale::Zh;
    let en = NumberLocale::En;
    assert_eq!(amount_text(3_000_000.0, zh), "300万");
    assert_eq!(amount_text(125_000_000.0, zh), "1.25亿");
    assert_eq!(amount_text(3_500_000.0, en), "3.5M");
    assert_eq!(amount_text(12_345_678.0, zh), "12,345,678");
    assert_eq!(amount_text(12_345_000.0, en), "12,345K");
    assert_eq!(amount_text(0.0, zh), "");
    assert_eq!(amount_text(950.5, en), "950.5");
    for v in [
        3_000_000.0,
        125_000_000.0,
        12_345_678.0,
        7_300_000.0,
        0.1 * 1e6,
        950.5,
    ] {
        for locale in [zh, en] {
            assert_eq!(
                parse_amount(&amount_text(v, locale)),
                Ok(v),
                "{v} {locale:?}"
            );
        }
    }
}

#[test]
fn a_cell_is_built_from_the_figures_of_its_status() {
    let sold = build_cell("a", "l", CellStatus::Sold, "300万", "oops");
    assert_eq!(
        sold,
        Ok(WhitespaceCell::new("a", "l", CellStatus::Sold, 3e6, 0.0)),
        "potential does not apply to a sold cell"
    );
    let open = build_cell("a", "l", CellStatus::Open, "1", "2M");
    assert_eq!(
        open,
        Ok(WhitespaceCell::new("a", "l", CellStatus::Open, 0.0, 2e6))
    );
    assert_eq!(
        build_cell("a", "l", CellStatus::InPursuit, "", "abc"),
        Err(vec![(AmountField::Potential, AmountError::NotANumber)])
    );
    assert_eq!(
        build_cell("a", "l", CellStatus::Sold, "-1", ""),
        Err(vec![(AmountField::Revenue, AmountError::Negative)])
    );
    assert_eq!(
        build_cell("a", "l", CellStatus::NotRelevant, "x", "y"),
        Ok(WhitespaceCell::new(
            "a",
            "l",
            CellStatus::NotRelevant,
            0.0,
            0.0
        ))
    );
}

#[test]
fn saving_inserts_replaces_or_leaves_alone_and_reset_removes() {
    let (p, accounts) = sample();
    let mut stamped = p.clone();
    stamped.whitespace[1].updated_at = 42;
    // Replacing a1 × p2 (open 500) with sold 200: its line and account totals move.
    let sold = WhitespaceCell::new("a1", "p2", CellStatus::Sold, 200.0, 0.0);
    let next = with_cell(&stamped, sold.clone());
    assert_eq!(next.whitespace.len(), 6);
    assert_eq!(
        next.cell("a1", "p2").map(|c| c.status),
        Some(CellStatus::Sold)
    );
    let b = board(&next, &accounts, &Filter::default());
    assert_eq!(b.per_line[1].open_potential, 0.0);
    assert_eq!(b.per_line[1].sold_revenue, 200.0);
    assert_eq!(b.per_account[0].open_potential, 0.0);
    assert_eq!(b.per_account[0].sold_revenue, 1000.0);
    // The same again changes nothing (no edit for an unchanged save).
    assert_eq!(with_cell(&next, sold), next);
    let same = WhitespaceCell::new("a1", "p2", CellStatus::Open, 0.0, 500.0);
    assert_eq!(with_cell(&stamped, same), stamped);
    // A new pair is added.
    let added = with_cell(
        &p,
        WhitespaceCell::new("a1", "p3", CellStatus::InPursuit, 0.0, 70.0),
    );
    assert_eq!(added.whitespace.len(), 7);
    // Reset: a1 × p2 back to open with nothing.
    let reset = without_cell(&next, "a1", "p2");
    assert_eq!(reset.whitespace.len(), 5);
    let b = board(&reset, &accounts, &Filter::default());
    assert_eq!(b.pairs[0][1], Pair::default());
    assert_eq!(without_cell(&reset, "a1", "p2"), reset);
}

//! The customer list: the form's checks, typed amounts, and search / filter / sort of the table.

use std::rc::Rc;
use std::time::Instant;

use kam_planner::domain::customers::{
    check, facets, parse_amount_field, parse_percent_field, select, select_indexed, split_tags,
    AmountError, CurseKind, CustomerDraft, CustomerField as F, Problem, Query, SearchIndex,
    SortKey,
};
use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::domain::tiering::{Assignment, Explanation, TieringConfig};
use kam_planner::domain::workspace::{Customer, TierOverride, YearPurchase};

fn lines() -> Vec<String> {
    vec!["电力".to_string(), "金融".to_string()]
}

fn valid() -> Customer {
    Customer {
        id: "c-1".into(),
        name: "华东电网".into(),
        industry: "电力".into(),
        industry_line: Some("电力".into()),
        region: "华东".into(),
        annual_purchase: 12_000_000.0,
        revenue: 10_000_000.0,
        gross_margin_pct: Some(32.5),
        wallet: Some(50_000_000.0),
        industry_rank: Some(2),
        history: vec![year(2024, 9e6), year(2025, 12e6)],
        ..Customer::default()
    }
}

fn problems(c: &Customer) -> Vec<(F, Problem)> {
    check(c, &lines())
        .into_iter()
        .map(|p| (p.field, p.problem))
        .collect()
}

#[test]
fn a_valid_customer_passes_and_refunds_are_allowed() {
    assert_eq!(problems(&valid()), vec![]);
    let refund = Customer {
        revenue: -20_000.0,
        industry_line: None,
        gross_margin_pct: Some(-100.0),
        ..valid()
    };
    assert_eq!(problems(&refund), vec![], "negative revenue is a refund");
    let blank_line = Customer {
        industry_line: Some("  ".into()),
        ..valid()
    };
    assert_eq!(problems(&blank_line), vec![], "a blank line is no line");
}

/// A valid customer changed by `f`.
fn valid_but(f: impl FnOnce(&mut Customer)) -> Customer {
    let mut c = valid();
    f(&mut c);
    c
}

fn year(year: i32, annual_purchase: f64) -> YearPurchase {
    YearPurchase {
        year,
        annual_purchase,
    }
}

#[test]
fn check_names_each_problem_with_its_field() {
    let margin = Problem::OutOfRange {
        min: -100.0,
        max: 100.0,
    };
    let cases: Vec<(Customer, F, Problem)> = vec![
        (
            valid_but(|c| c.name = "  ".into()),
            F::Name,
            Problem::Required,
        ),
        (
            valid_but(|c| c.annual_purchase = -1.0),
            F::AnnualPurchase,
            Problem::Negative,
        ),
        (
            valid_but(|c| c.annual_purchase = f64::NAN),
            F::AnnualPurchase,
            Problem::NotFinite,
        ),
        (
            valid_but(|c| c.revenue = f64::INFINITY),
            F::Revenue,
            Problem::NotFinite,
        ),
        (
            valid_but(|c| c.wallet = Some(-5.0)),
            F::Wallet,
            Problem::Negative,
        ),
        (
            valid_but(|c| c.gross_margin_pct = Some(100.5)),
            F::GrossMarginPct,
            margin.clone(),
        ),
        (
            valid_but(|c| c.gross_margin_pct = Some(-101.0)),
            F::GrossMarginPct,
            margin,
        ),
        (
            valid_but(|c| c.industry_line = Some("航天".into())),
            F::IndustryLine,
            Problem::UnknownIndustryLine("航天".into()),
        ),
        (
            valid_but(|c| c.industry_rank = Some(0)),
            F::IndustryRank,
            Problem::ZeroRank,
        ),
        (
            valid_but(|c| c.history = vec![year(2024, 1.0), year(2025, 2.0), year(2024, 3.0)]),
            F::History,
            Problem::DuplicateYears(vec![2024]),
        ),
        (
            valid_but(|c| {
                c.tier_override = Some(TierOverride {
                    tier: "strategic".into(),
                    reason: " ".into(),
                })
            }),
            F::TierOverride,
            Problem::Required,
        ),
    ];
    for (c, field, problem) in cases {
        assert_eq!(problems(&c), vec![(field, problem.clone())], "{field:?}");
    }
    let many = valid_but(|c| {
        c.name = String::new();
        c.annual_purchase = -3.0;
        c.industry_rank = Some(0);
    });
    let fields: Vec<F> = check(&many, &lines()).iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        vec![F::Name, F::AnnualPurchase, F::IndustryRank],
        "every problem, in form order"
    );
}

#[test]
fn amounts_are_read_as_people_write_them() {
    let ok = |t: &str| parse_amount_field(t).unwrap_or_else(|e| panic!("{t}: {e}"));
    assert_eq!(ok("1,200,000"), 1_200_000.0);
    assert_eq!(ok("120万"), 1_200_000.0);
    assert_eq!(ok("1.2亿"), 120_000_000.0);
    assert_eq!(ok("1.2e6"), 1_200_000.0);
    assert_eq!(ok("¥1.2M"), 1_200_000.0);
    assert_eq!(ok(" 500k "), 500_000.0);
    assert_eq!(ok("3千万"), 30_000_000.0);
    assert_eq!(ok("120万元"), 1_200_000.0);
    assert_eq!(ok("１２０万"), 1_200_000.0);
    assert_eq!(ok("12 000"), 12_000.0);
    assert_eq!(ok("-3,000.5"), -3_000.5);
    assert_eq!(ok("0"), 0.0);
    assert_eq!(parse_amount_field("  "), Err(AmountError::Empty));
}

#[test]
fn a_non_numeric_amount_is_refused_with_a_clear_message() {
    for bad in [
        "abc",
        "1,2",
        "12,34,567",
        "1.2.3万",
        "万",
        "inf",
        "NaN",
        "1e",
        "--5",
        "¥",
    ] {
        match parse_amount_field(bad) {
            Err(AmountError::NotANumber(t)) => assert_eq!(t, bad.trim()),
            other => panic!("{bad}: {other:?}"),
        }
    }
    let message = parse_amount_field("十二万").unwrap_err().to_string();
    assert!(
        message.contains("十二万") && message.contains("120万"),
        "{message}"
    );
    assert!(matches!(
        parse_amount_field("1e400"),
        Err(AmountError::NotFinite(_))
    ));
    assert_eq!(parse_percent_field("32.5%"), Ok(32.5));
    assert_eq!(parse_percent_field("-4 ％"), Ok(-4.0));
    assert!(
        parse_percent_field("5万").is_err(),
        "no units in a percentage"
    );
}

#[test]
fn the_form_round_trips_a_customer_and_reports_every_bad_field() {
    let c = Customer {
        tags: vec!["重点".into(), "华东".into()],
        notes: "年底续约".into(),
        tier_override: Some(TierOverride {
            tier: "strategic".into(),
            reason: "集团战略".into(),
        }),
        ..valid()
    };
    let draft = CustomerDraft::from_customer(&c);
    assert_eq!(draft.annual_purchase, "12,000,000");
    assert_eq!(
        draft.build(&c, &lines()),
        Ok(c.clone()),
        "history and id kept"
    );

    let bad = CustomerDraft {
        name: " ".into(),
        annual_purchase: "-5万".into(),
        revenue: "lots".into(),
        industry_rank: "first".into(),
        gross_margin_pct: "120".into(),
        ..draft.clone()
    };
    let errors = bad.build(&c, &lines()).unwrap_err();
    let got: Vec<(F, Problem)> = errors.into_iter().map(|p| (p.field, p.problem)).collect();
    assert_eq!(
        got,
        vec![
            (F::Name, Problem::Required),
            (F::AnnualPurchase, Problem::Negative),
            (F::Revenue, Problem::NotANumber("lots".into())),
            (
                F::GrossMarginPct,
                Problem::OutOfRange {
                    min: -100.0,
                    max: 100.0
                }
            ),
            (F::IndustryRank, Problem::NotAWholeNumber("first".into())),
        ]
    );

    let empty = CustomerDraft {
        name: "新客户".into(),
        ..CustomerDraft::default()
    };
    let built = empty.build(&Customer::default(), &lines()).expect("valid");
    assert_eq!(built.annual_purchase, 0.0);
    assert_eq!(built.gross_margin_pct, None);
    assert_eq!(built.industry_line, None);
    assert_eq!(split_tags("a， b;a、 c,,"), vec!["a", "b", "c"]);
}

// ---- select ----------------------------------------------------------------------------------

fn cust(id: &str, name: &str, industry: &str, region: &str, purchase: f64) -> Rc<Customer> {
    Rc::new(Customer {
        id: id.into(),
        name: name.into(),
        industry: industry.into(),
        region: region.into(),
        annual_purchase: purchase,
        revenue: purchase / 2.0,
        ..Customer::default()
    })
}

fn assigned(tiers: &[usize]) -> Vec<Option<Assignment>> {
    tiers
        .iter()
        .map(|&tier| {
            Some(Assignment {
                tier,
                explanation: Explanation::CatchAll,
            })
        })
        .collect()
}

fn ids(customers: &[Rc<Customer>], rows: &[usize]) -> Vec<String> {
    rows.iter().map(|&i| customers[i].id.clone()).collect()
}

/// Six customers with known fields, tiers and curses.
fn sample() -> (Vec<Rc<Customer>>, Vec<Option<Assignment>>, Vec<u8>) {
    let mut v = vec![
        cust("c5", "Beta 医院", "医疗", "华东", 300.0),
        cust("c2", "alpha 电网", "电力", "华北", 900.0),
        cust("c3", "Gamma 银行", "金融", "", 100.0),
        cust("c1", "alpha 电网", "电力", "华东", 900.0),
        cust("c4", "Delta", "", "华南", 0.0),
        cust("c6", "Epsilon 医院", "医疗", "华北", 50.0),
    ];
    {
        let c = Rc::make_mut(&mut v[0]);
        c.industry_line = Some("医疗线".into());
        c.tags = vec!["Key".into()];
        c.gross_margin_pct = Some(30.0);
        c.wallet = Some(1000.0);
        c.growth_pct = Some(-5.0);
    }
    {
        let c = Rc::make_mut(&mut v[2]);
        c.industry_line = Some("金融线".into());
        c.gross_margin_pct = Some(10.0);
        c.wallet = Some(200.0);
        c.growth_pct = Some(40.0);
    }
    {
        let c = Rc::make_mut(&mut v[5]);
        c.history = vec![year(2024, 40.0), year(2025, 50.0)];
    }
    let a = assigned(&[1, 0, 2, 0, 4, 3]);
    let curses = vec![0, 2, 1, 0, 5, 4];
    (v, a, curses)
}

fn run(q: &Query) -> Vec<String> {
    let (v, a, k) = sample();
    ids(&v, &select(&v, &a, &k, q))
}

#[test]
fn search_is_trimmed_case_insensitive_and_covers_every_text_field() {
    let q = |s: &str| Query {
        search: s.into(),
        sort: SortKey::Name,
        ..Query::default()
    };
    assert_eq!(run(&q("  ALPHA ")), vec!["c1", "c2"]);
    assert_eq!(run(&q("医院")), vec!["c5", "c6"]);
    assert_eq!(run(&q("电力")), vec!["c1", "c2"], "industry");
    assert_eq!(run(&q("华南")), vec!["c4"], "region");
    assert_eq!(run(&q("金融线")), vec!["c3"], "industry line");
    assert_eq!(run(&q("key")), vec!["c5"], "tag");
    assert_eq!(run(&q("C6")), vec!["c6"], "id");
    assert_eq!(run(&q("医院 华北")), vec!["c6"], "every word must occur");
    assert_eq!(
        run(&q("医院华北")),
        Vec::<String>::new(),
        "no match across fields"
    );
    assert_eq!(run(&q("")).len(), 6);
}

#[test]
fn each_filter_narrows_the_list() {
    let base = Query {
        sort: SortKey::Name,
        ..Query::default()
    };
    let with = |f: &dyn Fn(&mut Query)| {
        let mut q = base.clone();
        f(&mut q);
        run(&q)
    };
    assert_eq!(with(&|q| q.tier = Some(0)), vec!["c1", "c2"]);
    assert_eq!(
        with(&|q| q.industry = Some("医疗".into())),
        vec!["c5", "c6"]
    );
    assert_eq!(with(&|q| q.industry = Some(String::new())), vec!["c4"]);
    assert_eq!(
        with(&|q| q.industry_line = Some("金融线".into())),
        vec!["c3"]
    );
    assert_eq!(
        with(&|q| q.industry_line = Some(String::new())),
        vec!["c4", "c6", "c1", "c2"]
    );
    assert_eq!(with(&|q| q.region = Some("华北".into())), vec!["c6", "c2"]);
    assert_eq!(with(&|q| q.region = Some(String::new())), vec!["c3"]);
    assert_eq!(
        with(&|q| q.curse = Some(CurseKind::Entry)),
        vec!["c4", "c3"]
    );
    assert_eq!(with(&|q| q.curse = Some(CurseKind::Growth)), vec!["c2"]);
    assert_eq!(
        with(&|q| q.curse = Some(CurseKind::Retention)),
        vec!["c4", "c6"]
    );
    assert_eq!(
        with(&|q| {
            q.tier = Some(0);
            q.region = Some("华东".into());
        }),
        vec!["c1"],
        "filters combine"
    );
    // Curses not computed: a curse filter selects nobody.
    let (v, a, _) = sample();
    let q = Query {
        curse: Some(CurseKind::Entry),
        ..base.clone()
    };
    assert!(select(&v, &a, &[], &q).is_empty());
    assert!(base.tier.is_none() && !base.is_filtered());
}

#[test]
fn every_column_sorts_both_ways_missing_values_last_ties_by_name_then_id() {
    let sorted = |sort: SortKey, descending: bool| {
        run(&Query {
            sort,
            descending,
            ..Query::default()
        })
    };
    // Code-point order: "Beta" < "Delta" < "Epsilon" < "Gamma" < "alpha".
    let cases: [(SortKey, [&str; 6], [&str; 6]); 10] = [
        (
            SortKey::Name,
            ["c5", "c4", "c6", "c3", "c1", "c2"],
            ["c1", "c2", "c3", "c6", "c4", "c5"],
        ),
        (
            SortKey::Tier,
            ["c1", "c2", "c5", "c3", "c6", "c4"],
            ["c4", "c6", "c3", "c5", "c1", "c2"],
        ),
        // 医疗 U+533B < 电力 U+7535 < 金融 U+91D1; the blank industry is last.
        (
            SortKey::Industry,
            ["c5", "c6", "c1", "c2", "c3", "c4"],
            ["c3", "c1", "c2", "c5", "c6", "c4"],
        ),
        (
            SortKey::IndustryLine,
            ["c5", "c3", "c4", "c6", "c1", "c2"],
            ["c3", "c5", "c4", "c6", "c1", "c2"],
        ),
        // 华东 < 华北 < 华南 by code point (东 U+4E1C, 北 U+5317, 南 U+5357).
        (
            SortKey::Region,
            ["c5", "c1", "c6", "c2", "c4", "c3"],
            ["c4", "c6", "c2", "c5", "c1", "c3"],
        ),
        (
            SortKey::AnnualPurchase,
            ["c4", "c6", "c3", "c5", "c1", "c2"],
            ["c1", "c2", "c5", "c3", "c6", "c4"],
        ),
        (
            SortKey::Revenue,
            ["c4", "c6", "c3", "c5", "c1", "c2"],
            ["c1", "c2", "c5", "c3", "c6", "c4"],
        ),
        (
            SortKey::GrossMargin,
            ["c3", "c5", "c4", "c6", "c1", "c2"],
            ["c5", "c3", "c4", "c6", "c1", "c2"],
        ),
        // c6's growth comes from its history (+25 %).
        (
            SortKey::Growth,
            ["c5", "c6", "c3", "c4", "c1", "c2"],
            ["c3", "c6", "c5", "c4", "c1", "c2"],
        ),
        // Shares: c5 30 %, c3 50 %.
        (
            SortKey::ShareOfWallet,
            ["c5", "c3", "c4", "c6", "c1", "c2"],
            ["c3", "c5", "c4", "c6", "c1", "c2"],
        ),
    ];
    for (key, asc, desc) in cases {
        assert_eq!(sorted(key, false), asc, "{key:?} ascending");
        assert_eq!(sorted(key, true), desc, "{key:?} descending");
    }
    assert_eq!(SortKey::ALL.len(), cases.len(), "every key is tested");
}

#[test]
fn facets_are_sorted_distinct_and_without_blanks() {
    let (v, _, _) = sample();
    let f = facets(&v);
    assert_eq!(f.industries, vec!["医疗", "电力", "金融"]);
    assert_eq!(f.industry_lines, vec!["医疗线", "金融线"]);
    assert_eq!(f.regions, vec!["华东", "华北", "华南"]);
}

#[test]
fn the_demo_filters_like_its_numbers_say() {
    let ws = demo::build("ws-demo", 0, DemoLocale::Zh);
    let a = ws.tiering.assign_all(&ws.customers);
    let q = |f: &dyn Fn(&mut Query)| {
        let mut q = Query::default();
        f(&mut q);
        select(&ws.customers, &a, &[], &q)
    };
    assert_eq!(q(&|_| {}).len(), 250);
    assert_eq!(q(&|q| q.tier = Some(0)).len(), 5, "five strategic accounts");
    let hospitals = ws
        .customers
        .iter()
        .filter(|c| c.name.contains("医院"))
        .count();
    assert!(hospitals > 0);
    assert!(q(&|q| q.search = "医院".into()).len() >= hospitals);
    let largest = q(&|q| {
        q.sort = SortKey::AnnualPurchase;
        q.descending = true;
    })[0];
    let max = ws
        .customers
        .iter()
        .map(|c| c.annual_purchase)
        .fold(0.0, f64::max);
    assert_eq!(ws.customers[largest].annual_purchase, max);
}

/// 100,000 synthetic customers: a filter and a sort give exactly what a naive reference gives.
/// The time is printed (run with `--nocapture`), not asserted.
#[test]
fn a_hundred_thousand_customers_filter_and_sort_correctly() {
    const N: usize = 100_000;
    let regions = ["华东", "华北", "华南", "西南", "西北"];
    let industries = ["电力", "金融", "医疗", "交通", "制造"];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let customers: Vec<Rc<Customer>> = (0..N)
        .map(|i| {
            let r = next();
            Rc::new(Customer {
                id: format!("c-{i:06}"),
                // Only 5,000 distinct names, so ties are common and tie-breaks matter.
                name: format!("客户{:04}", r % 5_000),
                industry: industries[(r >> 16) as usize % 5].into(),
                region: regions[(r >> 24) as usize % 5].into(),
                annual_purchase: ((r >> 32) % 2_000) as f64 * 10_000.0,
                repeat_purchase: r & 1 == 0,
                industry_rank: ((r >> 40) % 50 == 0).then_some(2),
                tags: if i % 7 == 0 {
                    vec!["重点".into()]
                } else {
                    vec![]
                },
                ..Customer::default()
            })
        })
        .collect();
    let cfg = TieringConfig::default();
    let t = Instant::now();
    let assignments = cfg.assign_all(&customers);
    let t_assign = t.elapsed();
    let t = Instant::now();
    let index = SearchIndex::new(&customers);
    let t_index = t.elapsed();
    let q = Query {
        search: "重点".into(),
        region: Some("华东".into()),
        sort: SortKey::AnnualPurchase,
        descending: true,
        ..Query::default()
    };
    let t = Instant::now();
    let rows = select_indexed(&customers, &assignments, &[], &index, &q);
    let t_select = t.elapsed();
    // The search texts are built by the first search and reused by the next.
    let t = Instant::now();
    let again = select_indexed(&customers, &assignments, &[], &index, &q);
    let t_again = t.elapsed();
    assert_eq!(again, rows);
    let all = Query {
        sort: SortKey::Name,
        ..Query::default()
    };
    let t = Instant::now();
    let by_name = select_indexed(&customers, &assignments, &[], &index, &all);
    let t_name = t.elapsed();
    let t = Instant::now();
    let by_tier = select_indexed(&customers, &assignments, &[], &index, &Query::default());
    let t_tier = t.elapsed();
    println!(
        "100k: assign_all {t_assign:?}, index {t_index:?}, first search+filter+sort {t_select:?}, \
         same again {t_again:?}, sort all by name {t_name:?}, sort all by tier {t_tier:?}"
    );

    let mut expected: Vec<usize> = (0..N)
        .filter(|&i| customers[i].region == "华东" && customers[i].tags.iter().any(|t| t == "重点"))
        .collect();
    expected.sort_by(|&a, &b| {
        let (a, b) = (&customers[a], &customers[b]);
        b.annual_purchase
            .total_cmp(&a.annual_purchase)
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    assert!(expected.len() > 2_000, "a real subset: {}", expected.len());
    assert_eq!(rows, expected);

    assert_eq!(by_name.len(), N);
    for w in by_name.windows(2) {
        let (a, b) = (&customers[w[0]], &customers[w[1]]);
        assert!((&a.name, &a.id) < (&b.name, &b.id), "{} {}", a.id, b.id);
    }
    for w in by_tier.windows(2) {
        let tier = |i: usize| assignments[i].as_ref().map(|a| a.tier);
        let (a, b) = (&customers[w[0]], &customers[w[1]]);
        assert!((tier(w[0]), &a.name, &a.id) < (tier(w[1]), &b.name, &b.id));
    }
}

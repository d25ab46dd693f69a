//! Concentration analytics (二八原则): hand-computed figures on small inputs, the excluded-value
//! counts, degenerate inputs, properties over random inputs, and the synthetic customer base the
//! benchmark runs on.

use kam_planner::domain::concentration::{
    analyse, analyse_customers, analyse_customers_with, Concentration, DecileBasis, Metric,
};
use kam_planner::domain::synthetic;
use kam_planner::domain::workspace::Customer;

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-12 * expected.abs().max(1.0)
}

macro_rules! assert_close {
    ($actual:expr, $expected:expr) => {{
        let (a, e): (f64, f64) = ($actual, $expected);
        assert!(close(a, e), "{} = {a}, expected {e}", stringify!($actual));
    }};
}

fn shares(c: &Concentration) -> [f64; 3] {
    c.top_shares.clone().map(|t| t.share)
}

#[test]
fn equal_customers_have_no_concentration() {
    // x = [1, 1, 1, 1], n = 4, Σx = 4.
    // Gini: Σ (2i − 5)·1 for i = 1..4 = −3 − 1 + 1 + 3 = 0 → 0.
    // HHI: every share is 25 % → 4 × 25² = 2,500.
    // Top 1 %, 10 %, 20 %: ⌈0.04⌉ = ⌈0.4⌉ = ⌈0.8⌉ = 1 customer → 1/4.
    // 80 % of 4 is 3.2: three customers hold 3, four hold 4 → 4 customers.
    let c = analyse(&[1.0, 1.0, 1.0, 1.0]);
    assert_eq!((c.n, c.total), (4, 4.0));
    assert_eq!(c.gini, 0.0);
    assert_close!(c.hhi, 2_500.0);
    assert_eq!(shares(&c), [0.25; 3]);
    assert_eq!(c.top_shares.clone().map(|t| t.customers), [1, 1, 1]);
    assert_eq!(c.pareto_80.customers, 4);
    assert_eq!(c.pareto_80.value_share, 1.0);
    // Top decile = ⌈0.4⌉ = 1 customer, second decile = ⌈0.8⌉ − 1 = 0 customers → no ratio.
    assert_eq!(c.decile.second_customers, 0);
    assert_eq!(c.decile.ratio, None);
}

#[test]
fn one_customer_holding_everything_gives_the_maximum_gini() {
    // x ascending = [0, 0, 0, 10]: only i = 4 counts, (2·4 − 4 − 1)·10 = 30; 30 / (4·10) = 0.75,
    // which is the maximum (n − 1)/n for n = 4. HHI = 100² = 10,000.
    let c = analyse(&[0.0, 10.0, 0.0, 0.0]);
    assert_close!(c.gini, 0.75);
    assert_close!(c.hhi, 10_000.0);
    assert_eq!(shares(&c), [1.0; 3]);
    assert_eq!(c.pareto_80.customers, 1);
    assert_close!(c.pareto_80.customer_share, 0.25);
}

#[test]
fn one_two_three_four() {
    // Gini: (−3·1 − 1·2 + 1·3 + 3·4) / (4·10) = 10 / 40 = 0.25.
    // HHI: shares 10 %, 20 %, 30 %, 40 % → 100 + 400 + 900 + 1,600 = 3,000.
    // Top customer (1 % and 10 % and 20 % of 4 all round up to 1): 4 / 10.
    // 80 % of 10 = 8: 4 → 7 → 9, so 3 customers, holding 90 %.
    let c = analyse(&[3.0, 1.0, 4.0, 2.0]);
    assert_close!(c.gini, 0.25);
    assert_close!(c.hhi, 3_000.0);
    assert_close!(c.top_shares[0].share, 0.4);
    assert_eq!(c.pareto_80.customers, 3);
    assert_close!(c.pareto_80.value_share, 0.9);
    assert_close!(c.pareto_80.customer_share, 0.75);
}

#[test]
fn twenty_customers_with_a_fivefold_top_decile() {
    // Two customers of 50, two of 10, sixteen of 1: Σx = 100 + 20 + 16 = 136.
    let mut values = vec![50.0, 50.0, 10.0, 10.0];
    values.extend([1.0; 16]);
    let c = analyse(&values);
    // Top 1 % = ⌈0.2⌉ = 1 customer (50), top 10 % = 2 (100), top 20 % = 4 (120).
    assert_eq!(c.top_shares.clone().map(|t| t.customers), [1, 2, 4]);
    assert_close!(c.top_shares[0].share, 50.0 / 136.0);
    assert_close!(c.top_shares[1].share, 100.0 / 136.0);
    assert_close!(c.top_shares[2].share, 120.0 / 136.0);
    // Deciles: ranks 1–2 sum 100, ranks 3–4 sum 20 → 5×, the low end of the source's 5–10×.
    assert_eq!((c.decile.top_customers, c.decile.second_customers), (2, 2));
    assert_eq!((c.decile.top, c.decile.second), (100.0, 20.0));
    assert_eq!(c.decile.ratio, Some(5.0));
    // 80 % of 136 = 108.8: 50 → 100 → 110, so 3 customers.
    assert_eq!(c.pareto_80.customers, 3);
    // Gini, ascending with coefficients 2i − 21:
    //   ones, i = 1..16: Σ(2i − 21) = 2·136 − 21·16 = −64
    //   tens, i = 17, 18: (13 + 15)·10 = 280
    //   fifties, i = 19, 20: (17 + 19)·50 = 1,800
    //   (−64 + 280 + 1,800) / (20·136) = 2,016 / 2,720
    assert_close!(c.gini, 2_016.0 / 2_720.0);
    // HHI: Σx² = 2·2,500 + 2·100 + 16 = 5,216 → 10,000 · 5,216 / 136².
    assert_close!(c.hhi, 10_000.0 * 5_216.0 / (136.0 * 136.0));
}

#[test]
fn top_groups_are_counted_in_whole_customers_without_float_error() {
    // 10 % of 30 customers is exactly 3 (0.1 × 30 in floating point is 3.0000000000000004,
    // whose ceiling would wrongly be 4). Values 1..=30 sum to 465; the top three to 30+29+28 = 87.
    let values: Vec<f64> = (1..=30).map(f64::from).collect();
    let c = analyse(&values);
    assert_eq!(c.top_shares[1].customers, 3);
    assert_close!(c.top_shares[1].share, 87.0 / 465.0);
    // 1 % of 30 rounds up to one customer, 20 % is 6.
    assert_eq!(c.top_shares[0].customers, 1);
    assert_eq!(c.top_shares[2].customers, 6);
}

#[test]
fn negatives_and_non_finite_values_are_left_out_and_counted() {
    let c = analyse(&[
        5.0,
        -3.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        5.0,
        -0.0,
    ]);
    assert_eq!(c.input_len, 7);
    assert_eq!(c.n, 3, "5, 5 and −0 (which is zero, not negative) are used");
    assert_eq!(c.excluded_negative, 1);
    assert_eq!(c.excluded_non_finite, 3, "−∞ counts as non-finite");
    assert_eq!(c.total, 10.0);
    // Ascending [0, 5, 5]: (−2·0 + 0·5 + 2·5) / (3·10) = 1/3.
    assert_close!(c.gini, 1.0 / 3.0);
    assert!(c.lorenz.iter().all(|p| p.y.is_finite()));
}

#[test]
fn empty_and_all_zero_inputs_are_well_defined() {
    for values in [vec![], vec![0.0, 0.0, 0.0], vec![-1.0, f64::NAN]] {
        let c = analyse(&values);
        assert_eq!(c.total, 0.0);
        assert_eq!((c.gini, c.hhi), (0.0, 0.0));
        assert_eq!(shares(&c), [0.0; 3]);
        assert_eq!(c.pareto_80.customers, 0);
        assert_eq!(c.pareto_80.customer_share, 0.0);
        assert_eq!(c.decile.ratio, None);
        assert!(c.lorenz.len() >= 101 && c.pareto.len() >= 101);
        for p in c.lorenz.iter().chain(&c.pareto) {
            assert!(p.x.is_finite() && p.y.is_finite());
            assert_eq!(p.x, p.y, "nothing to distribute: the line of equality");
        }
    }
    let c = analyse(&[-1.0, f64::NAN]);
    assert_eq!((c.n, c.excluded_negative, c.excluded_non_finite), (0, 1, 1));
}

#[test]
fn curves_keep_every_corner_of_a_small_input() {
    // [1, 2, 3, 4]: 4 customers on 4·25 = 100 segments, so x = 0.25, 0.5, 0.75 are grid points.
    let c = analyse(&[1.0, 2.0, 3.0, 4.0]);
    assert_eq!(c.lorenz.len(), 101);
    let at = |curve: &[kam_planner::domain::concentration::CurvePoint], x: f64| {
        curve
            .iter()
            .find(|p| (p.x - x).abs() < 1e-12)
            .map(|p| p.y)
            .expect("grid point")
    };
    // Lorenz: the smallest customer holds 1/10, the smallest two 3/10, three 6/10.
    assert_close!(at(&c.lorenz, 0.25), 0.1);
    assert_close!(at(&c.lorenz, 0.5), 0.3);
    assert_close!(at(&c.lorenz, 0.75), 0.6);
    // x = 0.12 is 0.48 of the way along the first customer's segment: 0.48 × 0.1.
    assert_close!(at(&c.lorenz, 0.12), 0.048);
    // Pareto: the largest holds 4/10, two 7/10, three 9/10.
    assert_close!(at(&c.pareto, 0.25), 0.4);
    assert_close!(at(&c.pareto, 0.5), 0.7);
    assert_close!(at(&c.pareto, 0.75), 0.9);
    for curve in [&c.lorenz, &c.pareto] {
        assert_eq!((curve[0].x, curve[0].y), (0.0, 0.0));
        assert_eq!((curve[100].x, curve[100].y), (1.0, 1.0));
    }
}

#[test]
fn large_inputs_are_downsampled_to_a_thousand_even_steps() {
    let values: Vec<f64> = (0..5_000).map(|i| f64::from(i % 97)).collect();
    let c = analyse(&values);
    assert_eq!(c.lorenz.len(), 1_001);
    assert_eq!(c.pareto.len(), 1_001);
    assert_close!(c.pareto[500].x, 0.5);
    // Between 100 and 1,000 customers every customer is its own step.
    assert_eq!(analyse(&values[..250]).lorenz.len(), 251);

    // 2,501 customers worth 1, 2, …, 2,501 (total 2,501 · 2,502 / 2 = 3,128,751). The first of
    // 1,000 steps covers 2.501 customers: the two smallest whole (1 + 2) and 0.501 of the third (3).
    let values: Vec<f64> = (1..=2_501).map(f64::from).collect();
    let c = analyse(&values);
    assert_eq!(c.lorenz.len(), 1_001);
    assert_close!(c.lorenz[1].y, (1.0 + 2.0 + 0.501 * 3.0) / 3_128_751.0);
    // And the Pareto curve's first step: the largest two (2,501 + 2,500) and 0.501 of 2,499.
    assert_close!(
        c.pareto[1].y,
        (2_501.0 + 2_500.0 + 0.501 * 2_499.0) / 3_128_751.0
    );
}

fn customer(revenue: f64, purchase: f64, margin: Option<f64>) -> Customer {
    Customer {
        revenue,
        annual_purchase: purchase,
        gross_margin_pct: margin,
        ..Customer::default()
    }
}

#[test]
fn customers_are_analysed_on_the_chosen_metric() {
    let customers = vec![
        customer(90.0, 10.0, None),
        customer(10.0, 30.0, None),
        customer(-5.0, 60.0, None),
    ];
    let by_revenue = analyse_customers(&customers, Metric::Revenue);
    assert_eq!((by_revenue.n, by_revenue.excluded_negative), (2, 1));
    assert_eq!(by_revenue.total, 100.0);
    assert_close!(by_revenue.top_shares[0].share, 0.9);
    // References work too (the views hold `&Customer`s after filtering).
    let refs: Vec<&Customer> = customers.iter().collect();
    let by_purchase = analyse_customers(&refs, Metric::AnnualPurchase);
    assert_eq!((by_purchase.n, by_purchase.total), (3, 100.0));
    assert_close!(by_purchase.top_shares[0].share, 0.6);
    assert_eq!(by_purchase.input_len, 3);
}

#[test]
fn profit_deciles_follow_the_revenue_ranking() {
    // Ten customers: A (revenue 100, margin 10 % → profit 10), B (80, 50 % → 40), eight of revenue
    // 1. Top decile = A, second decile = B. By revenue: 100 / 80 = 1.25×; by profit: 10 / 40 =
    // 0.25× — the largest account earns a quarter of what the next one does.
    let mut customers = vec![
        customer(100.0, 0.0, Some(10.0)),
        customer(80.0, 0.0, Some(50.0)),
    ];
    customers.extend((0..8).map(|_| customer(1.0, 0.0, Some(20.0))));
    let value = analyse_customers(&customers, Metric::Revenue);
    assert_eq!(value.decile.basis, DecileBasis::Value);
    assert_eq!(value.decile.ratio, Some(1.25));
    let profit = analyse_customers_with(&customers, Metric::Revenue, DecileBasis::Profit);
    assert_eq!(profit.decile.basis, DecileBasis::Profit);
    assert_eq!((profit.decile.top, profit.decile.second), (10.0, 40.0));
    assert_eq!(profit.decile.ratio, Some(0.25));
    assert_eq!(profit.decile.missing_margin, 0);
    // Everything else is the revenue analysis.
    assert_eq!(profit.gini, value.gini);
    assert_eq!(profit.lorenz, value.lorenz);

    // Without B's margin the second decile has no known profit: counted, and no ratio.
    customers[1].gross_margin_pct = None;
    let profit = analyse_customers_with(&customers, Metric::Revenue, DecileBasis::Profit);
    assert_eq!(profit.decile.missing_margin, 1);
    assert_eq!(profit.decile.ratio, None);
}

#[test]
fn synthetic_customers_are_deterministic_and_prefix_stable() {
    let a = synthetic::customers(2_000, synthetic::BENCH_SEED);
    let b = synthetic::customers(2_000, synthetic::BENCH_SEED);
    assert_eq!(a, b);
    assert_eq!(
        &synthetic::customers(500, synthetic::BENCH_SEED)[..],
        &a[..500]
    );
    assert_ne!(synthetic::customers(10, 1), synthetic::customers(10, 2));
}

#[test]
fn synthetic_customers_have_the_eighty_twenty_shape() {
    let customers = synthetic::customers(50_000, synthetic::BENCH_SEED);
    let c = analyse_customers(&customers, Metric::AnnualPurchase);
    let top20 = c.top_shares[2].share;
    assert!((0.7..0.9).contains(&top20), "top 20 % hold {top20}");
    assert!((0.7..0.95).contains(&c.gini), "gini {}", c.gini);
    let prospects = customers
        .iter()
        .filter(|c| c.annual_purchase == 0.0)
        .count();
    assert!((1_500..2_500).contains(&prospects), "{prospects} prospects");
    // Credit notes give some negative revenue, which the revenue analysis leaves out.
    let revenue = analyse_customers(&customers, Metric::Revenue);
    assert!((20..100).contains(&revenue.excluded_negative));
    let lines = customers
        .iter()
        .filter(|c| c.industry_line.is_some())
        .count();
    assert!(
        (700..1_300).contains(&lines),
        "{lines} owned by an industry line"
    );
    assert!(customers.iter().all(|c| c.history.len() == 3));
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A straightforward reference: ascending sort with `total_cmp`, the SPEC formulas verbatim.
    struct Reference {
        gini: f64,
        hhi: f64,
        top: [f64; 3],
        k80: usize,
    }

    fn reference(values: &[f64]) -> Reference {
        let mut x: Vec<f64> = values
            .iter()
            .copied()
            .filter(|v| v.is_finite() && *v >= 0.0)
            .collect();
        x.sort_by(f64::total_cmp);
        let n = x.len();
        let total: f64 = x.iter().sum();
        let gini = x
            .iter()
            .enumerate()
            .map(|(i, v)| (2.0 * (i + 1) as f64 - n as f64 - 1.0) * v)
            .sum::<f64>()
            / (n as f64 * total);
        let hhi = x.iter().map(|v| (100.0 * v / total).powi(2)).sum();
        let desc: Vec<f64> = x.iter().rev().copied().collect();
        let top = [1, 10, 20].map(|p: usize| {
            let k = (p * n).div_ceil(100);
            desc[..k].iter().sum::<f64>() / total
        });
        let mut running = 0.0;
        let k80 = desc
            .iter()
            .position(|v| {
                running += v;
                running >= 0.8 * total * (1.0 - 1e-12)
            })
            .map_or(0, |i| i + 1);
        Reference {
            gini,
            hhi,
            top,
            k80,
        }
    }

    fn rel_close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1e-9)
    }

    fn values() -> impl Strategy<Value = Vec<f64>> {
        prop::collection::vec(
            prop_oneof![
                3 => 0.0..1e9f64,
                1 => Just(0.0),
                1 => (1u32..100).prop_map(f64::from),
            ],
            1..300,
        )
    }

    proptest! {
        #[test]
        fn figures_stay_in_their_ranges(values in values()) {
            let c = analyse(&values);
            let n = c.n as f64;
            prop_assert!(c.gini >= 0.0);
            prop_assert!(c.gini <= (n - 1.0) / n + 1e-12, "gini {} > (n−1)/n", c.gini);
            let [s1, s10, s20] = shares(&c);
            prop_assert!(s1 <= s10 && s10 <= s20 && s20 <= 1.0 + 1e-12);
            if c.total > 0.0 {
                prop_assert!(c.hhi >= 10_000.0 / n * (1.0 - 1e-9), "hhi {}", c.hhi);
                prop_assert!(c.hhi <= 10_000.0 * (1.0 + 1e-12));
                prop_assert!(c.pareto_80.customers >= 1 && c.pareto_80.customers <= c.n);
                prop_assert!(c.pareto_80.value_share >= 0.8 - 1e-9);
            }
        }

        #[test]
        fn curves_are_monotone_and_on_the_right_side_of_the_diagonal(values in values()) {
            let c = analyse(&values);
            prop_assert!(c.lorenz.len() >= 101 && c.pareto.len() == c.lorenz.len());
            for curve in [&c.lorenz, &c.pareto] {
                prop_assert_eq!((curve[0].x, curve[0].y), (0.0, 0.0));
                let last = curve[curve.len() - 1];
                prop_assert_eq!((last.x, last.y), (1.0, 1.0));
                for w in curve.windows(2) {
                    prop_assert!(w[1].x > w[0].x);
                    prop_assert!(w[1].y >= w[0].y - 1e-12, "{:?} then {:?}", w[0], w[1]);
                }
            }
            for p in &c.lorenz {
                prop_assert!(p.y <= p.x + 1e-12, "Lorenz above the diagonal at {:?}", p);
            }
            for p in &c.pareto {
                prop_assert!(p.y >= p.x - 1e-12, "Pareto below the diagonal at {:?}", p);
            }
        }

        #[test]
        fn order_of_the_customers_does_not_matter(
            shuffled in values().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
        ) {
            let (original, shuffled) = shuffled;
            prop_assert_eq!(analyse(&original), analyse(&shuffled));
        }

        #[test]
        fn matches_the_reference_formulas(values in values()) {
            let c = analyse(&values);
            let r = reference(&values);
            if c.total > 0.0 {
                prop_assert!(rel_close(c.gini, r.gini), "gini {} vs {}", c.gini, r.gini);
                prop_assert!(rel_close(c.hhi, r.hhi), "hhi {} vs {}", c.hhi, r.hhi);
                for (a, b) in shares(&c).iter().zip(r.top) {
                    prop_assert!(rel_close(*a, b), "share {} vs {}", a, b);
                }
                prop_assert_eq!(c.pareto_80.customers, r.k80);
            }
        }

        #[test]
        fn excluded_values_are_counted(
            values in values(),
            negatives in prop::collection::vec(-1e9..-1e-9f64, 0..20),
            nans in 0usize..5,
        ) {
            let mut all = values.clone();
            all.extend(&negatives);
            all.extend(std::iter::repeat_n(f64::NAN, nans));
            let c = analyse(&all);
            prop_assert_eq!(c.n, values.len());
            prop_assert_eq!(c.excluded_negative, negatives.len());
            prop_assert_eq!(c.excluded_non_finite, nans);
            let clean = analyse(&values);
            prop_assert_eq!(c.gini, clean.gini);
            prop_assert_eq!(c.lorenz, clean.lorenz);
        }
    }
}

#[test]
fn the_radix_sort_agrees_with_the_standard_sort() {
    use kam_planner::domain::concentration::sort_u64;
    let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    for n in [0usize, 1, 2_047, 2_048, 50_000] {
        // Keys as the module makes them: bits of non-negative f64 values, with duplicates and
        // extremes mixed in.
        let mut keys: Vec<u64> = (0..n)
            .map(|i| match i % 7 {
                0 => 0,
                1 => f64::MAX.to_bits(),
                2 => 1_000_000f64.to_bits(),
                _ => ((next() % 1_000_000_000) as f64 / 7.0).to_bits(),
            })
            .collect();
        let mut want = keys.clone();
        want.sort_unstable();
        sort_u64(&mut keys);
        assert_eq!(keys, want, "n = {n}");
    }
}

#[test]
fn large_inputs_give_the_same_figures_as_a_direct_computation() {
    use kam_planner::domain::concentration::analyse;
    let values: Vec<f64> = (1..=20_000)
        .map(|i| f64::from(i % 997) * 13.0 + 1.0)
        .collect();
    let c = analyse(&values);
    let mut asc = values.clone();
    asc.sort_by(f64::total_cmp);
    let n = asc.len() as f64;
    let total: f64 = asc.iter().sum();
    let gini: f64 = asc
        .iter()
        .enumerate()
        .map(|(i, x)| (2.0 * (i as f64 + 1.0) - n - 1.0) * x)
        .sum::<f64>()
        / (n * total);
    assert!((c.gini - gini).abs() < 1e-9, "{} vs {gini}", c.gini);
    let top_200: f64 = asc.iter().rev().take(200).sum();
    assert!((c.top_shares[0].share - top_200 / total).abs() < 1e-12);
}

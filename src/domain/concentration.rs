//! Concentration analytics, the 二八原则 (SPEC §3.2): how much of the business a few customers hold.
//!
//! Every figure comes from **one sort** of the analysed values. Negative and non-finite values
//! (NaN, ±∞) are left out and counted, so the UI can say "3 customers with negative revenue were
//! left out". Shares are fractions in 0–1 (the UI multiplies by 100 to show percent).
//!
//! Conventions, fixed here so that the UI, the tests and the benchmark's JavaScript peers agree:
//!
//! - **Ranking.** Customers are ranked by value, largest first (rank 1 = largest). Ties do not
//!   matter: tied customers have equal values, so any order among them gives the same sums.
//! - **Top p %.** The top p % of n customers are the first `k = ⌈p·n/100⌉` of the ranking, computed
//!   in integers (so 10 % of 30 is exactly 3). As soon as there is one customer there is at least
//!   one in every top group: the top 1 % of 50 customers is the largest one.
//! - **Customers for 80 %.** The smallest k whose top-k sum reaches 80 % of the total (a relative
//!   slack of 1e-12 absorbs rounding in the running sum); 0 when the total is 0.
//! - **Deciles.** The top decile is the top 10 % (ranks 1 … ⌈n/10⌉), the second decile the ranks
//!   after it up to ⌈2n/10⌉. With fewer than 6 customers the second decile is empty.
//! - **Curves.** Lorenz and Pareto curves are sampled on a grid of m + 1 evenly spaced customer
//!   shares x = t/m, with y interpolated linearly between the exact points k/n (the exact curves
//!   are piecewise linear, so sampled points lie on them). m is a multiple of n between 100 and 199
//!   for fewer than 100 customers (every corner of the exact curve is kept), n up to 1,000, and
//!   1,000 beyond (downsampled evenly). With nothing to distribute (total 0) both curves are the
//!   line of equality.
//! - **Gini** `G = Σ_i (2i − n − 1)·x_i / (n·Σx)` with x ascending and i from 1; it lies in
//!   0 … (n − 1)/n. **HHI** `Σ (100·s_i)²` with s_i = x_i / Σx, in 10,000/n … 10,000.
//!   Both are 0 when the total is 0.
//!
//! Money follows the workspace: f64 yuan.

use std::borrow::Borrow;

use super::workspace::Customer;

/// Percentages of customers whose share of the total is reported.
pub const TOP_GROUPS_PCT: [u32; 3] = [1, 10, 20];

/// The share of the total that "the customers that make up 80 %" must reach.
pub const PARETO_TARGET: f64 = 0.8;

/// Fewest segments in a sampled curve (a curve has one more point than segments).
pub const MIN_CURVE_SEGMENTS: usize = 100;

/// Most segments in a sampled curve; larger customer counts are downsampled evenly to this.
pub const MAX_CURVE_SEGMENTS: usize = 1_000;

/// Relative slack when testing "the running sum reached 80 % of the total".
const TARGET_SLACK: f64 = 1e-12;

/// Which customer figure is analysed (the user's choice).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Our recognised revenue (`Customer::revenue`).
    #[default]
    Revenue,
    /// What the customer buys from us per year (`Customer::annual_purchase`).
    AnnualPurchase,
}

impl Metric {
    /// The analysed figure of one customer.
    pub fn of(self, c: &Customer) -> f64 {
        match self {
            Metric::Revenue => c.revenue,
            Metric::AnnualPurchase => c.annual_purchase,
        }
    }
}

/// What the top-decile / second-decile ratio compares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DecileBasis {
    /// The analysed value itself (revenue or annual purchase).
    #[default]
    Value,
    /// Profit = revenue × gross margin, of the customers in each decile of the value ranking
    /// (customers without a gross margin count as 0 profit and are counted in
    /// [`DecileRatio::missing_margin`]).
    Profit,
}

/// The share of the total held by the top p % of customers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TopShare {
    /// p, percent of customers (1, 10 or 20).
    pub pct: u32,
    /// Customers in the group: ⌈p·n/100⌉.
    pub customers: usize,
    /// Their combined value.
    pub value: f64,
    /// `value / total` (0 when the total is 0).
    pub share: f64,
}

/// How many of the largest customers make up 80 % of the total.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParetoCount {
    /// The smallest k whose top-k sum reaches 80 % of the total; 0 when the total is 0.
    pub customers: usize,
    /// `customers / n` (0 when n is 0).
    pub customer_share: f64,
    /// The share of the total those customers actually hold (≥ 0.8 unless the total is 0).
    pub value_share: f64,
}

/// The top-decile / second-decile ratio and the sums behind it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DecileRatio {
    /// What was summed.
    pub basis: DecileBasis,
    /// Customers in the top decile (⌈n/10⌉).
    pub top_customers: usize,
    /// Customers in the second decile (⌈2n/10⌉ − ⌈n/10⌉).
    pub second_customers: usize,
    /// Sum over the top decile.
    pub top: f64,
    /// Sum over the second decile.
    pub second: f64,
    /// `top / second`; `None` when the second decile's sum is not positive (or it is empty).
    pub ratio: Option<f64>,
    /// For [`DecileBasis::Profit`]: customers of the two deciles without a usable gross margin.
    pub missing_margin: usize,
}

/// One point of a Lorenz or Pareto curve; both coordinates are fractions in 0–1.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CurvePoint {
    /// Share of customers.
    pub x: f64,
    /// Share of the total value.
    pub y: f64,
}

/// Every concentration figure of one column of values, with the inputs that produced it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Concentration {
    /// Values given.
    pub input_len: usize,
    /// Values used: finite and ≥ 0 (zeros included).
    pub n: usize,
    /// Values left out because they were negative.
    pub excluded_negative: usize,
    /// Values left out because they were NaN or infinite.
    pub excluded_non_finite: usize,
    /// Sum of the values used.
    pub total: f64,
    /// Shares of the top 1 %, 10 % and 20 % of customers (in that order, see [`TOP_GROUPS_PCT`]).
    pub top_shares: [TopShare; 3],
    /// How many customers make up 80 % of the total.
    pub pareto_80: ParetoCount,
    /// Gini coefficient, 0 (all equal) … (n − 1)/n (one customer holds everything).
    pub gini: f64,
    /// Herfindahl–Hirschman index, 0–10,000.
    pub hhi: f64,
    /// Top-decile / second-decile ratio.
    pub decile: DecileRatio,
    /// Lorenz curve: x = share of customers counted from the smallest, y = their share of the
    /// total; from (0, 0) to (1, 1), on or below the diagonal.
    pub lorenz: Vec<CurvePoint>,
    /// Pareto curve: x = share of customers counted from the largest, y = their share of the
    /// total; from (0, 0) to (1, 1), on or above the diagonal.
    pub pareto: Vec<CurvePoint>,
}

/// Concentration of a plain column of values (decile ratio of the values themselves).
pub fn analyse(values: &[f64]) -> Concentration {
    let (keys, excluded_negative, excluded_non_finite) = sort_keys(values.iter().copied());
    let mut c = from_sorted_keys(&keys, None);
    c.input_len = values.len();
    c.excluded_negative = excluded_negative;
    c.excluded_non_finite = excluded_non_finite;
    c
}

/// Concentration of the customers' revenue or annual purchase (decile ratio of the same figure).
pub fn analyse_customers(customers: &[impl Borrow<Customer>], metric: Metric) -> Concentration {
    analyse_customers_with(customers, metric, DecileBasis::Value)
}

/// Concentration of the customers' revenue or annual purchase, with the decile ratio on `basis`.
///
/// For [`DecileBasis::Profit`] the deciles are those of the `metric` ranking ("our top 10 % of
/// accounts by revenue bring k× the profit of the next 10 %"), so everything still comes from
/// the one sort.
pub fn analyse_customers_with(
    customers: &[impl Borrow<Customer>],
    metric: Metric,
    basis: DecileBasis,
) -> Concentration {
    let values = customers.iter().map(|c| metric.of(c.borrow()));
    let mut c = match basis {
        DecileBasis::Value => {
            let (keys, negative, non_finite) = sort_keys(values);
            let mut c = from_sorted_keys(&keys, None);
            c.excluded_negative = negative;
            c.excluded_non_finite = non_finite;
            c
        }
        DecileBasis::Profit => {
            let mut negative = 0;
            let mut non_finite = 0;
            let mut pairs: Vec<(u64, Option<f64>)> = Vec::with_capacity(customers.len());
            for c in customers {
                let c = c.borrow();
                match key_of(metric.of(c)) {
                    Key::Used(k) => pairs.push((k, profit(c))),
                    Key::Negative => negative += 1,
                    Key::NonFinite => non_finite += 1,
                }
            }
            // The one sort: largest value first, profits travelling with their customer.
            pairs.sort_unstable_by_key(|p| std::cmp::Reverse(p.0));
            let (k10, k20) = (top_k(pairs.len(), 10), top_k(pairs.len(), 20));
            let mut sums = [0.0, 0.0];
            let mut missing_margin = 0;
            for (rank, (_, p)) in pairs.iter().enumerate().take(k20) {
                let slot = usize::from(rank >= k10);
                match p {
                    Some(p) => sums[slot] += p,
                    None => missing_margin += 1,
                }
            }
            let keys: Vec<u64> = pairs.iter().rev().map(|p| p.0).collect();
            let mut c = from_sorted_keys(&keys, Some(sums));
            c.decile.missing_margin = missing_margin;
            c.excluded_negative = negative;
            c.excluded_non_finite = non_finite;
            c
        }
    };
    c.input_len = customers.len();
    c
}

/// Profit of one customer: revenue × gross margin; `None` without a finite margin and revenue.
fn profit(c: &Customer) -> Option<f64> {
    let p = c.revenue * c.gross_margin_pct? / 100.0;
    p.is_finite().then_some(p)
}

/// ⌈pct·n/100⌉ in integers (u64, so that wasm's 32-bit usize cannot overflow).
fn top_k(n: usize, pct: u32) -> usize {
    (n as u64 * u64::from(pct)).div_ceil(100) as usize
}

enum Key {
    Used(u64),
    Negative,
    NonFinite,
}

/// The sort key of a value. For finite non-negative doubles the IEEE bit pattern, read as an
/// unsigned integer, orders exactly like the number, and integers sort markedly faster than
/// `f64::total_cmp`. `-0.0` is folded into `+0.0` first (its bits would sort last).
fn key_of(x: f64) -> Key {
    if !x.is_finite() {
        Key::NonFinite
    } else if x < 0.0 {
        Key::Negative
    } else {
        Key::Used((x + 0.0).to_bits())
    }
}

/// Keys of the usable values, sorted ascending, with the counts of negatives and non-finite values.
fn sort_keys(values: impl Iterator<Item = f64>) -> (Vec<u64>, usize, usize) {
    let mut keys = Vec::with_capacity(values.size_hint().0);
    let (mut negative, mut non_finite) = (0, 0);
    for x in values {
        match key_of(x) {
            Key::Used(k) => keys.push(k),
            Key::Negative => negative += 1,
            Key::NonFinite => non_finite += 1,
        }
    }
    sort_u64(&mut keys);
    (keys, negative, non_finite)
}

/// Below this many keys [`sort_u64`] uses the standard sort.
const RADIX_FROM: usize = 2_048;

/// Sorts keys ascending. Large inputs use an LSD radix sort by bytes, which skips the bytes all
/// keys share: it is several times faster than a comparison sort for a million keys and does not
/// depend on the compiler inlining comparisons (the app is built for size, `opt-level = "z"`).
pub fn sort_u64(keys: &mut Vec<u64>) {
    let n = keys.len();
    if n < RADIX_FROM {
        keys.sort_unstable();
        return;
    }
    let mut counts = vec![[0usize; 256]; 8];
    for &k in keys.iter() {
        for (byte, count) in counts.iter_mut().enumerate() {
            count[((k >> (8 * byte)) & 0xff) as usize] += 1;
        }
    }
    let mut from = std::mem::take(keys);
    let mut to = vec![0u64; n];
    for (byte, count) in counts.iter().enumerate() {
        if count.contains(&n) {
            continue; // every key has the same value in this byte
        }
        let mut next = [0usize; 256];
        let mut sum = 0;
        for (slot, c) in next.iter_mut().zip(count.iter()) {
            *slot = sum;
            sum += c;
        }
        for &k in &from {
            let digit = ((k >> (8 * byte)) & 0xff) as usize;
            to[next[digit]] = k;
            next[digit] += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    *keys = from;
}

/// Number of curve segments for n customers (see the module documentation).
fn curve_segments(n: usize) -> usize {
    if n == 0 {
        MIN_CURVE_SEGMENTS
    } else if n >= MAX_CURVE_SEGMENTS {
        MAX_CURVE_SEGMENTS
    } else {
        n * MIN_CURVE_SEGMENTS.div_ceil(n)
    }
}

/// Every figure from keys sorted ascending. `profit_deciles`, when given, are the profit sums of
/// the top and second decile and replace the value-based decile sums.
fn from_sorted_keys(asc: &[u64], profit_deciles: Option<[f64; 2]>) -> Concentration {
    let n = asc.len();
    let desc = || asc.iter().rev().map(|&k| f64::from_bits(k));
    // Summed in the same order as the running sum below, so the last running sum equals it exactly.
    let total: f64 = desc().fold(0.0, |s, x| s + x);
    let ks = TOP_GROUPS_PCT.map(|p| top_k(n, p));
    let target = PARETO_TARGET * total * (1.0 - TARGET_SLACK);

    // Running-sum positions the curves need: for each grid point t the whole part of t·n/m and,
    // when it has a fraction, the next position. Both only grow with t, so skipping what is not
    // above the last position kept gives them ascending and without repeats.
    let m = curve_segments(n);
    let grid = |t: usize| {
        // In u64: t·n passes u32 (wasm's usize) beyond 4.3 million customers.
        let tn = t as u64 * n as u64;
        ((tn / m as u64) as usize, tn % m as u64)
    };
    let mut wanted: Vec<usize> = Vec::with_capacity(2 * (m + 1));
    for t in 0..=m {
        let (whole, frac) = grid(t);
        for position in [Some(whole), (frac > 0).then_some(whole + 1)]
            .into_iter()
            .flatten()
        {
            if wanted.last().is_none_or(|&last| position > last) {
                wanted.push(position);
            }
        }
    }
    let mut at = vec![0.0; wanted.len()];
    let mut next = usize::from(wanted.first() == Some(&0));

    let mut running = 0.0;
    let mut top_sums = [0.0; 3];
    let mut sum_sq = 0.0;
    let mut gini_sum = 0.0;
    let mut k80 = 0;
    let mut sum80 = 0.0;
    for (j, x) in desc().enumerate() {
        running += x;
        let rank = j + 1;
        sum_sq += x * x;
        // Rank j from the top is position n − j from the bottom: 2(n − j) − n − 1 = n − 1 − 2j.
        gini_sum += (n as f64 - 1.0 - 2.0 * j as f64) * x;
        for (sum, &k) in top_sums.iter_mut().zip(&ks) {
            if rank == k {
                *sum = running;
            }
        }
        if k80 == 0 && total > 0.0 && running >= target {
            k80 = rank;
            sum80 = running;
        }
        if wanted.get(next) == Some(&rank) {
            at[next] = running;
            next += 1;
        }
    }

    let share = |v: f64| if total > 0.0 { v / total } else { 0.0 };
    let top_shares = [0, 1, 2].map(|i| TopShare {
        pct: TOP_GROUPS_PCT[i],
        customers: ks[i],
        value: top_sums[i],
        share: share(top_sums[i]),
    });

    let running_at = |k: usize| wanted.binary_search(&k).map_or(0.0, |i| at[i]);
    let pareto: Vec<CurvePoint> = (0..=m)
        .map(|t| {
            let (whole, frac) = grid(t);
            let mut y = running_at(whole);
            if frac > 0 {
                y += (running_at(whole + 1) - y) * (frac as f64 / m as f64);
            }
            let x = t as f64 / m as f64;
            let y = if total > 0.0 {
                (y / total).clamp(0.0, 1.0)
            } else {
                x
            };
            CurvePoint { x, y }
        })
        .collect();
    // The smallest t/m of customers hold what the largest (m − t)/m do not.
    let lorenz: Vec<CurvePoint> = (0..=m)
        .map(|t| CurvePoint {
            x: t as f64 / m as f64,
            y: if total > 0.0 {
                (1.0 - pareto[m - t].y).clamp(0.0, 1.0)
            } else {
                t as f64 / m as f64
            },
        })
        .collect();

    let [top, second] = profit_deciles.unwrap_or([top_sums[1], top_sums[2] - top_sums[1]]);
    let decile = DecileRatio {
        basis: if profit_deciles.is_some() {
            DecileBasis::Profit
        } else {
            DecileBasis::Value
        },
        top_customers: ks[1],
        second_customers: ks[2] - ks[1],
        top,
        second,
        ratio: (second > 0.0).then(|| top / second),
        missing_margin: 0,
    };

    Concentration {
        input_len: n,
        n,
        excluded_negative: 0,
        excluded_non_finite: 0,
        total,
        top_shares,
        pareto_80: ParetoCount {
            customers: k80,
            customer_share: if n > 0 { k80 as f64 / n as f64 } else { 0.0 },
            value_share: share(sum80),
        },
        gini: if total > 0.0 {
            (gini_sum / (n as f64 * total)).max(0.0)
        } else {
            0.0
        },
        hhi: if total > 0.0 {
            10_000.0 * sum_sq / (total * total)
        } else {
            0.0
        },
        decile,
        lorenz,
        pareto,
    }
}

//! Synthetic customers for benchmarks and load tests: any number, deterministic from a seed.
//!
//! Unlike the demo workspace (hand-shaped, 250 customers), these are drawn from distributions so
//! that 100,000 or 1,000,000 of them look like a large B2B customer base:
//!
//! - **Annual purchase**: Pareto with α = 8/7 ≈ 1.14 (close to the 80/20 shape, α ≈ 1.16) and a
//!   floor of 420,000 yuan, capped at 2,000,000,000 and rounded to the yuan. With α = 8/7 the
//!   inverse CDF `floor · w^(7/8)` with `w = 1/(1 − u)` is `floor · w / √√√w`: only division and
//!   square roots, which IEEE 754 rounds exactly, so native and wasm builds give bit-identical
//!   customers (`powf` may differ in the last bit between platforms). 4 % are prospects without
//!   purchases yet (0).
//! - **Revenue** = purchase × a factor in [0.82, 1.0), rounded; 0.1 % carry a credit note instead
//!   (negative revenue), so concentration's "negatives left out" path is exercised.
//! - 8 industries, each also an industry line (行业线); 2 % of the customers are owned by their
//!   line (`industry_line` set). 0.3 % are on the named list, 3 % have an industry rank 1–100.
//! - 80 % of buyers purchase repeatedly; gross margin 8–45 %; a wallet giving a share of wallet of
//!   5–90 %; 0–15 years of cooperation; 3 years of history ending with this year's purchase.
//! - No tier overrides, tags or owners.
//!
//! Customer i depends only on (seed, i), so `customers(n, s)` is a prefix of `customers(m, s)` for
//! n < m. SplitMix64 drives every draw (no `rand`, no clock).

use super::rng::SplitMix64;
use super::workspace::{Customer, YearPurchase};

/// The seed the benchmark uses.
pub const BENCH_SEED: u64 = 0x4B41_4D5F_4245_4E43;

/// The last year of every customer's history.
pub const HISTORY_LAST_YEAR: i32 = 2025;

/// Industries, which are also the industry lines.
#[rustfmt::skip]
const INDUSTRIES: [&str; 8] = [
    "运营商", "电力", "金融", "交通", "政务", "油气", "制造", "医疗",
];

/// Sales regions.
const REGIONS: [&str; 7] = ["华北", "华东", "华南", "华中", "西南", "西北", "东北"];

/// Smallest annual purchase of a buyer (the Pareto scale), yuan.
const PURCHASE_FLOOR: f64 = 420_000.0;

/// Largest annual purchase, yuan (the untruncated Pareto tail reaches tens of billions).
const PURCHASE_CAP: f64 = 2_000_000_000.0;

/// `n` synthetic customers from `seed` (see the module documentation).
pub fn customers(n: usize, seed: u64) -> Vec<Customer> {
    (0..n).map(|i| customer(i, seed)).collect()
}

/// Customer number `i`, from its own stream: the seed and the index mixed through one step.
fn customer(i: usize, seed: u64) -> Customer {
    let mut rng = SplitMix64(seed ^ SplitMix64(i as u64).next_u64());
    let prospect = rng.chance(0.04);
    let w = 1.0 / (1.0 - rng.unit());
    let annual_purchase = if prospect {
        0.0
    } else {
        (PURCHASE_FLOOR * (w / w.sqrt().sqrt().sqrt()))
            .min(PURCHASE_CAP)
            .round()
    };
    let revenue = if rng.chance(0.001) {
        -rng.range(1_000.0, 50_000.0).round()
    } else {
        (annual_purchase * rng.range(0.82, 1.0)).round()
    };
    let industry = rng.below(INDUSTRIES.len());
    let owned_by_line = rng.chance(0.02);
    let on_named_list = rng.chance(0.003);
    let ranked = rng.chance(0.03);
    let rank = 1 + rng.below(100) as u32;
    let repeat_purchase = !prospect && rng.chance(0.8);
    let gross_margin_pct = (rng.range(8.0, 45.0) * 10.0).round() / 10.0;
    let wallet_share = rng.range(0.05, 0.9);
    let wallet = if prospect {
        rng.range(200_000.0, 20_000_000.0).round()
    } else {
        (annual_purchase / wallet_share).round()
    };
    let years_of_cooperation = if prospect { 0 } else { rng.below(16) as u32 };
    // Two earlier years, each this year's purchase divided by a growth factor of 0.7–1.5.
    let mut history = vec![YearPurchase::default(); 3];
    let mut purchase = annual_purchase;
    for (back, year) in history.iter_mut().rev().enumerate() {
        year.year = HISTORY_LAST_YEAR - back as i32;
        year.annual_purchase = purchase;
        purchase = (purchase / rng.range(0.7, 1.5)).round();
    }
    Customer {
        id: format!("syn-{i:07}"),
        name: format!("合成客户{i:07}"),
        industry: INDUSTRIES[industry].to_string(),
        industry_line: owned_by_line.then(|| INDUSTRIES[industry].to_string()),
        region: REGIONS[rng.below(REGIONS.len())].to_string(),
        owner: None,
        annual_purchase,
        revenue,
        gross_margin_pct: Some(gross_margin_pct),
        wallet: Some(wallet),
        growth_pct: None,
        industry_rank: ranked.then_some(rank),
        on_named_list,
        repeat_purchase,
        years_of_cooperation,
        history,
        tags: Vec::new(),
        tier_override: None,
        notes: String::new(),
        updated_at: 0,
    }
}

//! The benchmark kernel in the browser. The page (`bench/web/bench.mjs`) creates a [`Bench`] of N
//! synthetic customers, copies its columns into typed arrays for the JavaScript peers, and times
//! [`Bench::run_struct`] / [`Bench::run_columnar`] with `performance.now()` around each call. The
//! results of the last run stay inside, so building the JSON for the equality check is not timed.

use kam_bench_kernel::{
    columnar_path, columnar_tier_counts, compare, struct_path, struct_tier_counts, summary,
    Columns, Outcome,
};
use kam_planner::domain::concentration::{analyse, analyse_customers, Metric};
use kam_planner::domain::synthetic;
use kam_planner::domain::tiering::TieringConfig;
use kam_planner::domain::workspace::Customer;
use wasm_bindgen::prelude::*;

/// N synthetic customers, as structs and as columns, and the last outcome of each path.
#[wasm_bindgen]
pub struct Bench {
    config: TieringConfig,
    customers: Vec<Customer>,
    columns: Columns,
    last_struct: Option<Outcome>,
    last_columnar: Option<Outcome>,
}

#[wasm_bindgen]
impl Bench {
    /// `n` customers from `synthetic::customers(n, seed)`.
    #[wasm_bindgen(constructor)]
    pub fn new(n: usize, seed: u64) -> Bench {
        let customers = synthetic::customers(n, seed);
        let columns = Columns::from_customers(&customers);
        Bench {
            config: TieringConfig::default(),
            customers,
            columns,
            last_struct: None,
            last_columnar: None,
        }
    }

    /// The seed the native and browser runs use.
    pub fn default_seed() -> u64 {
        synthetic::BENCH_SEED
    }

    /// Tiering + concentration on the structs (what the app does). Timed by the page.
    pub fn run_struct(&mut self) {
        self.last_struct = Some(struct_path(&self.config, &self.customers));
    }

    /// Tiering + concentration on the columns. Timed by the page.
    pub fn run_columnar(&mut self) {
        self.last_columnar = Some(columnar_path(&self.columns));
    }

    /// Part of the struct path: `assign_all` and the count per tier; returns the strategic count.
    pub fn run_struct_tiers(&self) -> usize {
        struct_tier_counts(&self.config, &self.customers)
            .first()
            .copied()
            .unwrap_or(0)
    }

    /// Part of the struct path: `analyse_customers` on revenue; returns the Gini coefficient.
    pub fn run_struct_concentration(&self) -> f64 {
        analyse_customers(&self.customers, Metric::Revenue).gini
    }

    /// Part of the columnar path: the default rules over columns; returns the strategic count.
    pub fn run_columnar_tiers(&self) -> usize {
        columnar_tier_counts(&self.columns)[0]
    }

    /// Part of the columnar path: `analyse` on the revenue column; returns the Gini coefficient.
    pub fn run_columnar_concentration(&self) -> f64 {
        analyse(&self.columns.revenue).gini
    }

    /// Empty when the struct and columnar results agree, else what differs (or what is missing).
    pub fn disagreement(&self) -> String {
        match (&self.last_struct, &self.last_columnar) {
            (Some(s), Some(c)) => compare(s, c).err().unwrap_or_default(),
            _ => "run both paths first".into(),
        }
    }

    /// JSON summary of the last struct run (`null` before the first one).
    pub fn struct_summary(&self) -> String {
        self.last_struct
            .as_ref()
            .map(summary)
            .unwrap_or_default()
            .to_string()
    }

    /// JSON summary of the last columnar run (`null` before the first one).
    pub fn columnar_summary(&self) -> String {
        self.last_columnar
            .as_ref()
            .map(summary)
            .unwrap_or_default()
            .to_string()
    }

    /// Annual purchase column.
    pub fn purchase(&self) -> Vec<f64> {
        self.columns.purchase.clone()
    }

    /// Revenue column.
    pub fn revenue(&self) -> Vec<f64> {
        self.columns.revenue.clone()
    }

    /// Flag column: bit 1 named list, bit 2 repeat purchase.
    pub fn flags(&self) -> Vec<u8> {
        self.columns.flags.clone()
    }

    /// 1 when an industry line owns the customer.
    pub fn line_set(&self) -> Vec<u8> {
        self.columns.line_set.clone()
    }

    /// Industry rank, 0 when unknown.
    pub fn rank(&self) -> Vec<i32> {
        self.columns.rank.clone()
    }
}

/// The LTC rows in the browser: a synthetic document of `opps` opportunities and `contracts`
/// contracts on `customers` customers; the page times each `run_*` call with `performance.now()`.
#[wasm_bindgen]
pub struct LtcBench {
    data: kam_bench_kernel::ltc::Data,
    board: kam_bench_kernel::ltc::Board,
    index: kam_planner::domain::ltc::board::BoardIndex,
    flip: bool,
}

#[wasm_bindgen]
impl LtcBench {
    /// The document of `kam_bench_kernel::ltc::data(customers, opps, contracts, seed)`.
    #[wasm_bindgen(constructor)]
    pub fn new(customers: usize, opps: usize, contracts: usize, seed: u64) -> LtcBench {
        let data = kam_bench_kernel::ltc::data(customers, opps, contracts, seed);
        let board = kam_bench_kernel::ltc::board(&data);
        let index = kam_planner::domain::ltc::board::BoardIndex::new(
            &board.before,
            &board.tiers,
            &Default::default(),
            data.today,
        );
        LtcBench {
            data,
            board,
            index,
            flip: false,
        }
    }

    /// Weighted pipeline; returns it.
    pub fn run_weighted_pipeline(&self) -> f64 {
        kam_bench_kernel::ltc::weighted_pipeline(&self.data)
    }

    /// Coverage by account, tier, owner and line; returns the number of rows.
    pub fn run_coverage(&self) -> usize {
        kam_bench_kernel::ltc::coverage_all(&self.data)
            .iter()
            .map(Vec::len)
            .sum()
    }

    /// Ageing + receivables; returns the receivable.
    pub fn run_receivables(&self) -> f64 {
        kam_bench_kernel::ltc::receivables(&self.data).receivable
    }

    /// The board's column totals; returns the number of columns.
    pub fn run_column_totals(&self) -> usize {
        kam_bench_kernel::ltc::column_totals_all(&self.data).len()
    }

    /// The board from scratch (index + model); returns the number of cards.
    pub fn run_board_full(&self) -> usize {
        kam_bench_kernel::ltc::board_full(&self.board, self.data.today)
            .columns
            .iter()
            .map(|c| c.cards.len())
            .sum()
    }

    /// The board after a stage move (index update + model); returns the number of cards.
    pub fn run_board_after_move(&mut self) -> usize {
        self.flip = !self.flip;
        kam_bench_kernel::ltc::board_after_move(
            &mut self.index,
            &self.board,
            self.flip,
            self.data.today,
        )
        .columns
        .iter()
        .map(|c| c.cards.len())
        .sum()
    }

    /// The figures as JSON (not timed), for the native vs wasm check.
    pub fn summary(&self) -> String {
        kam_bench_kernel::ltc::summary(&self.data).to_string()
    }
}

//! Native benchmark: tiering + concentration of synthetic customers, struct and columnar paths.
//!
//! ```text
//! bench-native [--sizes 100000,1000000] [--warmup 3] [--runs 11] [--json out.json]
//!              [--only all|tiering|ltc]
//! ```
//!
//! `--only ltc` (what `BENCH_ONLY=ltc bench/run.sh` passes) runs only the LTC rows: weighted
//! pipeline, coverage by four keys and ageing + receivables over 100,000 opportunities and
//! 50,000 contracts; `--only tiering` only tiering + concentration.
//!
//! Prints a table and, with `--json`, writes every timing for `bench/web/driver.mjs` to put into
//! RESULTS.md. Exits with status 1 if the struct and columnar paths disagree.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use kam_bench_kernel::{
    columnar_path, columnar_tier_counts, compare, median, struct_path, struct_tier_counts, summary,
    Columns,
};
use kam_planner::domain::concentration::{analyse, analyse_customers, Metric};
use kam_planner::domain::synthetic;
use kam_planner::domain::tiering::TieringConfig;
use serde_json::{json, Value};

struct Options {
    sizes: Vec<usize>,
    warmup: usize,
    runs: usize,
    json: Option<String>,
    /// "all", "tiering" or "ltc".
    only: String,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        sizes: vec![100_000, 1_000_000],
        warmup: 3,
        runs: 11,
        json: None,
        only: "all".into(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = |v: &str| {
            v.trim()
                .parse::<usize>()
                .map_err(|_| format!("{flag}: '{v}' is not a whole number"))
        };
        match flag.as_str() {
            "--sizes" => o.sizes = value.split(',').map(number).collect::<Result<_, _>>()?,
            "--warmup" => o.warmup = number(&value)?,
            "--runs" => o.runs = number(&value)?.max(1),
            "--json" => o.json = Some(value),
            "--only" if ["all", "tiering", "ltc"].contains(&value.as_str()) => o.only = value,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(o)
}

/// Something timed: a name and a call whose result is discarded through `black_box`.
type Timed<'a> = (&'static str, Box<dyn FnMut() + 'a>);

/// Calls every entry `warmup` times untimed, then times `runs` rounds in which every entry is
/// called once, in turn (interleaved, so background load spreads evenly). Timings in ms.
fn time_rounds(entries: &mut [Timed<'_>], warmup: usize, runs: usize) -> Vec<Vec<f64>> {
    for (_, f) in entries.iter_mut() {
        for _ in 0..warmup {
            f();
        }
    }
    let mut times = vec![Vec::with_capacity(runs); entries.len()];
    for _ in 0..runs {
        for ((_, f), t) in entries.iter_mut().zip(&mut times) {
            let start = Instant::now();
            f();
            t.push(start.elapsed().as_secs_f64() * 1e3);
        }
    }
    times
}

fn stats(times: &[f64]) -> Value {
    json!({
        "median_ms": median(times),
        "min_ms": times.iter().copied().fold(f64::INFINITY, f64::min),
        "max_ms": times.iter().copied().fold(0.0, f64::max),
        "runs_ms": times,
    })
}

/// The 1, 5 and 15 minute load averages (Linux), to tell a busy machine from a slow one.
fn load_average() -> Option<Vec<f64>> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace()
        .take(3)
        .map(|x| x.parse().ok())
        .collect()
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("bench-native: {e}");
            return ExitCode::from(2);
        }
    };
    let load_before = load_average();
    let config = TieringConfig::default();
    let mut results = Vec::new();
    let sizes: &[usize] = if options.only == "ltc" {
        &[]
    } else {
        &options.sizes
    };
    if !sizes.is_empty() {
        println!(
            "{:>9}  {:>14}  {:>14}  {:>14}  {:>14}  {:>14}",
            "customers", "struct ms", "columnar ms", "assign_all ms", "col. tiers ms", "analyse ms"
        );
    }
    for &n in sizes {
        let started = Instant::now();
        let customers = synthetic::customers(n, synthetic::BENCH_SEED);
        let columns = Columns::from_customers(&customers);
        let generate_ms = started.elapsed().as_secs_f64() * 1e3;

        let by_struct = struct_path(&config, &customers);
        let by_columns = columnar_path(&columns);
        if let Err(e) = compare(&by_struct, &by_columns) {
            eprintln!("bench-native: {n} customers: {e}");
            return ExitCode::FAILURE;
        }

        let mut entries: Vec<Timed<'_>> = vec![
            (
                "struct",
                Box::new(|| {
                    black_box(struct_path(&config, &customers));
                }),
            ),
            (
                "columnar",
                Box::new(|| {
                    black_box(columnar_path(&columns));
                }),
            ),
            (
                "assign_all_and_counts",
                Box::new(|| {
                    black_box(struct_tier_counts(&config, &customers));
                }),
            ),
            (
                "columnar_tier_counts",
                Box::new(|| {
                    black_box(columnar_tier_counts(&columns));
                }),
            ),
            (
                "analyse_customers_revenue",
                Box::new(|| {
                    black_box(analyse_customers(&customers, Metric::Revenue));
                }),
            ),
            (
                "analyse_revenue",
                Box::new(|| {
                    black_box(analyse(&columns.revenue));
                }),
            ),
        ];
        let times = time_rounds(&mut entries, options.warmup, options.runs);
        let mut entry = json!({
            "n": n,
            "generate_ms": generate_ms,
            "summary": summary(&by_struct),
        });
        for ((name, _), t) in entries.iter().zip(&times) {
            entry[*name] = stats(t);
        }
        println!(
            "{n:>9}  {:>14.2}  {:>14.2}  {:>14.2}  {:>14.2}  {:>14.2}",
            median(&times[0]),
            median(&times[1]),
            median(&times[2]),
            median(&times[3]),
            median(&times[5])
        );
        results.push(entry);
    }
    let ltc = (options.only != "tiering").then(|| ltc_rows(options.warmup, options.runs));
    if let Some(path) = options.json {
        let doc = json!({
            "ltc": ltc,
            "warmup": options.warmup,
            "runs": options.runs,
            "seed": synthetic::BENCH_SEED,
            "sizes": results,
            "load_before": load_before,
            "load_after": load_average(),
        });
        if let Err(e) = std::fs::write(&path, doc.to_string()) {
            eprintln!("bench-native: cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// The LTC rows: 100,000 opportunities and 50,000 contracts on 100,000 customers, timed like
/// the tiering rows (warm-up, interleaved rounds, median).
fn ltc_rows(warmup: usize, runs: usize) -> Value {
    use kam_bench_kernel::ltc;
    let started = Instant::now();
    let d = ltc::data(
        ltc::CUSTOMERS,
        ltc::OPPORTUNITIES,
        ltc::CONTRACTS,
        synthetic::BENCH_SEED,
    );
    let generate_ms = started.elapsed().as_secs_f64() * 1e3;
    let board = ltc::board(&d);
    let mut index = kam_planner::domain::ltc::board::BoardIndex::new(
        &board.before,
        &board.tiers,
        &Default::default(),
        d.today,
    );
    let mut flip = false;
    let mut entries: Vec<Timed<'_>> = vec![
        (
            "weighted_pipeline",
            Box::new(|| {
                black_box(ltc::weighted_pipeline(&d));
            }),
        ),
        (
            "coverage_four_keys",
            Box::new(|| {
                black_box(ltc::coverage_all(&d));
            }),
        ),
        (
            "receivables",
            Box::new(|| {
                black_box(ltc::receivables(&d));
            }),
        ),
        (
            "column_totals",
            Box::new(|| {
                black_box(ltc::column_totals_all(&d));
            }),
        ),
        (
            "board_full",
            Box::new(|| {
                black_box(ltc::board_full(&board, d.today));
            }),
        ),
        (
            "board_after_move",
            Box::new(|| {
                flip = !flip;
                black_box(ltc::board_after_move(&mut index, &board, flip, d.today));
            }),
        ),
    ];
    let times = time_rounds(&mut entries, warmup, runs);
    let mut entry = json!({
        "customers": ltc::CUSTOMERS,
        "opportunities": ltc::OPPORTUNITIES,
        "contracts": ltc::CONTRACTS,
        "generate_ms": generate_ms,
        "summary": ltc::summary(&d),
    });
    println!(
        "LTC {} opportunities, {} contracts (generated in {generate_ms:.0} ms):",
        ltc::OPPORTUNITIES,
        ltc::CONTRACTS
    );
    for ((name, _), t) in entries.iter().zip(&times) {
        println!("  {name:<20} {:>10.2} ms", median(t));
        entry[*name] = stats(t);
    }
    entry
}

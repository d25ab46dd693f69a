//! Writes the workspace file the stage-move timing (`bench/ui_stage_move.mjs`) imports into the
//! app: 10,000 synthetic customers, 200 people, and the synthetic LTC document of the benchmark
//! rows with 100,000 opportunities (contracts: 5,000, so the file stays well under the app's
//! 100 MB import limit), in the app's export envelope.
//!
//! ```text
//! ltc-workspace OUT.kam.json [--opportunities 100000] [--contracts 5000] [--customers 10000]
//! ```

use std::process::ExitCode;
use std::rc::Rc;

use kam_bench_kernel::ltc;
use kam_planner::domain::ltc::synthetic;
use kam_planner::domain::org::Person;
use kam_planner::domain::synthetic as customers;
use kam_planner::domain::workspace::Workspace;
use kam_planner::persist::envelope;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!(
            "usage: ltc-workspace OUT.kam.json [--opportunities N] [--contracts N] [--customers N]"
        );
        return ExitCode::from(2);
    };
    let (mut opps, mut contracts, mut n_customers) = (100_000, 5_000, 10_000);
    while let (Some(flag), Some(value)) = (args.next(), args.next()) {
        let Ok(v) = value.parse::<usize>() else {
            eprintln!("ltc-workspace: {flag}: '{value}' is not a whole number");
            return ExitCode::from(2);
        };
        match flag.as_str() {
            "--opportunities" => opps = v,
            "--contracts" => contracts = v,
            "--customers" => n_customers = v,
            _ => {
                eprintln!("ltc-workspace: unknown option {flag}");
                return ExitCode::from(2);
            }
        }
    }
    let cs = customers::customers(n_customers, customers::BENCH_SEED);
    let people = ltc::people();
    let mut ws = Workspace::empty("ltc-bench", "LTC 基准 100k", 0);
    ws.meta.fiscal_year = synthetic::FISCAL_YEAR;
    ws.meta.today = synthetic::TODAY.to_string();
    ws.org.people = people
        .iter()
        .enumerate()
        .map(|(i, id)| Person {
            id: id.clone(),
            name: format!("销售{i:03}"),
            role: "AR".to_string(),
            capacity_fte: 1.0,
            ..Person::default()
        })
        .collect();
    ws.ltc = synthetic::ltc(&cs, &people, opps, contracts, customers::BENCH_SEED);
    ws.customers = cs.into_iter().map(Rc::new).collect();
    let text = envelope::to_json(&ws, 0);
    if let Err(e) = std::fs::write(&out, &text) {
        eprintln!("ltc-workspace: cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "ltc-workspace: {out}: {} customers, {} opportunities, {} contracts, {:.1} MB",
        ws.customers.len(),
        ws.ltc.opportunities.len(),
        ws.ltc.contracts.len(),
        text.len() as f64 / 1e6
    );
    ExitCode::SUCCESS
}

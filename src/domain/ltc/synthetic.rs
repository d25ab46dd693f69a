//! A synthetic LTC document for benchmarks and load tests: any number of opportunities and
//! contracts over a given set of customers and people, deterministic from a seed.
//!
//! - **Opportunities** in every stage of [`default_stages`](super::default_stages) (about 70 %
//!   open, spread over the five open stages, 18 % won, 12 % lost); amounts 50,000–20,000,000 yuan
//!   (the square of a uniform draw, so small deals are the most common), rounded to 1,000 yuan;
//!   close dates in the fiscal year [`FISCAL_YEAR`] for open deals; an owner from `people` for
//!   95 % of them; a line `line-1` … `line-8`; 3 % left out of the forecast, the others commit,
//!   best case or pipeline by stage; a stage history of 1–4 entries ending with the current
//!   stage, the last entry 0–119 days before [`TODAY`] (so every stage has aged cards).
//! - **Contracts** on random accounts, 70 % from a won opportunity (its account); values
//!   100,000–10,000,000 yuan rounded to 100; signed 0–729 days before [`TODAY`], delivered and
//!   accepted for most of the older ones; [`default_milestones`](super::default_milestones),
//!   each milestone due by today invoiced (92 %) and then collected in full (55 %), in part
//!   (20 %) or not at all — so the overdue amounts fall in every ageing bucket.
//! - **Targets**: an orders and collections target for every tenth account (customers 0, 10,
//!   20, …) in [`FISCAL_YEAR`].
//!
//! Record i depends only on (seed, i) and the inputs; only integer arithmetic, `round`, `*` and
//! `+` are used, so native and wasm builds produce the same document. SplitMix64 drives every
//! draw (no `rand`, no clock).

use std::rc::Rc;

use super::{
    default_milestones, default_stages, Contract, Forecast, Ltc, Opportunity, Scope, StageChange,
    StageKind, Target,
};
use crate::domain::dates::{day_number, iso_from_days};
use crate::domain::rng::SplitMix64;
use crate::domain::workspace::Customer;

/// The fiscal year of the synthetic document.
pub const FISCAL_YEAR: i32 = 2026;

/// The reference day the dates are spread around (`YYYY-MM-DD`).
pub const TODAY: &str = "2026-06-30";

/// The business lines, `line-1` … `line-8`.
pub const LINES: usize = 8;

/// Salt of the contract streams, so that contract i and opportunity i draw differently.
const CONTRACT_SALT: u64 = 0x434F_4E54_5241_4354;

/// The reference day as a day number.
pub fn today() -> i64 {
    day_number(TODAY).unwrap_or(0)
}

/// A synthetic LTC document (see the module documentation): `n_opps` opportunities and
/// `n_contracts` contracts on `customers`, owned by `people` (person ids), from `seed`.
pub fn ltc(
    customers: &[Customer],
    people: &[String],
    n_opps: usize,
    n_contracts: usize,
    seed: u64,
) -> Ltc {
    let stages = default_stages();
    let today = today();
    let opportunities: Vec<Rc<Opportunity>> = (0..n_opps)
        .map(|i| Rc::new(opportunity(i, seed, &stages, customers, people, today)))
        .collect();
    let won: Vec<&Opportunity> = opportunities
        .iter()
        .map(|o| &**o)
        .filter(|o| o.stage == "won")
        .collect();
    let contracts = (0..n_contracts)
        .map(|i| Rc::new(contract(i, seed, customers, &won, today)))
        .collect();
    let mut rng = SplitMix64(seed ^ 0x5441_5247_4554_5321);
    let targets = customers
        .iter()
        .step_by(10)
        .map(|c| {
            let orders = (rng.range(0.5, 30.0) * 1_000_000.0).round();
            Target {
                id: Target::id_of(FISCAL_YEAR, Scope::Account, &c.id),
                year: FISCAL_YEAR,
                scope: Scope::Account,
                key: c.id.clone(),
                orders: Some(orders),
                collections: Some((orders * 0.9).round()),
                updated_at: 0,
            }
        })
        .collect();
    Ltc {
        stages,
        opportunities,
        contracts,
        targets,
        ..Ltc::default()
    }
}

/// The stream of record `i` under `seed` and `salt`.
fn stream(i: usize, seed: u64, salt: u64) -> SplitMix64 {
    SplitMix64(seed ^ salt ^ SplitMix64(i as u64).next_u64())
}

fn pick_account(rng: &mut SplitMix64, customers: &[Customer]) -> String {
    if customers.is_empty() {
        String::new()
    } else {
        customers[rng.below(customers.len())].id.clone()
    }
}

/// Opportunity number `i`.
fn opportunity(
    i: usize,
    seed: u64,
    stages: &[super::Stage],
    customers: &[Customer],
    people: &[String],
    today: i64,
) -> Opportunity {
    let mut rng = stream(i, seed, 0);
    let open: Vec<usize> = (0..stages.len())
        .filter(|&s| stages[s].kind == StageKind::Open)
        .collect();
    let won = stages.iter().position(|s| s.kind == StageKind::Won);
    let lost = stages.iter().position(|s| s.kind == StageKind::Lost);
    // The path through the stages that ends in the current one.
    let roll = rng.unit();
    let path: Vec<usize> = match (won, lost) {
        (Some(w), _) if roll < 0.18 => open.iter().copied().chain([w]).collect(),
        (_, Some(l)) if roll < 0.30 => {
            let reached = 1 + rng.below(open.len());
            open[..reached].iter().copied().chain([l]).collect()
        }
        _ => open[..=rng.below(open.len())].to_vec(),
    };
    let entries = (1 + rng.below(4)).min(path.len());
    let mut day = today - rng.below(120) as i64;
    let mut history: Vec<StageChange> = Vec::with_capacity(entries);
    for &s in path[path.len() - entries..].iter().rev() {
        history.push(StageChange {
            stage: stages[s].id.clone(),
            date: iso_from_days(day),
        });
        day -= 5 + rng.below(60) as i64;
    }
    history.reverse();
    let stage = &stages[path[path.len() - 1]];
    let u = rng.range(0.05, 1.0);
    let amount = (u * u * 20_000.0).round().max(50.0) * 1_000.0;
    let year_start = day_number(&format!("{FISCAL_YEAR:04}-01-01")).unwrap_or(today);
    let entered = history.last().map(|h| h.date.clone()).unwrap_or_default();
    let close_date = if stage.kind == StageKind::Open {
        iso_from_days(year_start + rng.below(365) as i64)
    } else {
        entered.clone()
    };
    let forecast = if rng.chance(0.03) {
        Forecast::Omitted
    } else {
        match stage.probability_pct {
            p if p >= 75.0 => Forecast::Commit,
            p if p >= 25.0 => Forecast::BestCase,
            _ => Forecast::Pipeline,
        }
    };
    let owner =
        (!people.is_empty() && rng.chance(0.95)).then(|| people[rng.below(people.len())].clone());
    Opportunity {
        id: format!("opp-{i:07}"),
        account: pick_account(&mut rng, customers),
        name: format!("合成商机{i:07}"),
        line: Some(format!("line-{}", 1 + rng.below(LINES))),
        owner,
        stage: stage.id.clone(),
        amount,
        close_date,
        created: history.first().map(|h| h.date.clone()).unwrap_or_default(),
        stage_entered: entered,
        forecast,
        lost_reason: if stage.kind == StageKind::Lost {
            "价格".to_string()
        } else {
            String::new()
        },
        history,
        ..Opportunity::default()
    }
}

/// Contract number `i`.
fn contract(
    i: usize,
    seed: u64,
    customers: &[Customer],
    won: &[&Opportunity],
    today: i64,
) -> Contract {
    let mut rng = stream(i, seed, CONTRACT_SALT);
    let from = (!won.is_empty() && rng.chance(0.7)).then(|| won[rng.below(won.len())]);
    let account = match from {
        Some(o) => o.account.clone(),
        None => pick_account(&mut rng, customers),
    };
    let value = rng.range(1_000.0, 100_000.0).round() * 100.0;
    let signed = today - rng.below(730) as i64;
    let delivered = signed + 30 + rng.below(90) as i64;
    let delivered = (delivered < today && rng.chance(0.85)).then_some(delivered);
    let accepted = delivered
        .map(|d| d + 15 + rng.below(75) as i64)
        .filter(|&a| a < today && rng.chance(0.85));
    let mut c = Contract {
        id: format!("ctr-{i:07}"),
        account,
        opportunity: from.map(|o| o.id.clone()),
        name: format!("合成合同{i:07}"),
        signed: iso_from_days(signed),
        value,
        delivered_pct: if delivered.is_some() {
            100.0
        } else {
            rng.range(0.0, 90.0).round()
        },
        delivered: delivered.map(iso_from_days).unwrap_or_default(),
        accepted: accepted.map(iso_from_days).unwrap_or_default(),
        milestones: default_milestones(),
        ..Contract::default()
    };
    let dues: Vec<super::cash::Due> = c
        .milestones
        .iter()
        .map(|m| super::cash::due(&c, m))
        .collect();
    for (m, due) in c.milestones.iter_mut().zip(dues) {
        let super::cash::Due::Day(due) = due else {
            continue;
        };
        if due > today || !rng.chance(0.92) {
            continue;
        }
        let amount = (value * m.share_pct / 100.0).round();
        let invoiced_on = (due - 30).max(signed).min(today);
        m.invoiced = amount;
        m.invoiced_date = iso_from_days(invoiced_on);
        let roll = rng.unit();
        let collected = if roll < 0.55 {
            amount
        } else if roll < 0.75 {
            (amount * rng.range(0.1, 0.9)).round()
        } else {
            0.0
        };
        if collected > 0.0 {
            m.collected = collected;
            m.collected_date = iso_from_days((due + rng.below(60) as i64).min(today));
        }
    }
    c
}

//! What the KAM Planner benchmark measures, shared by the native binary and the wasm build.
//!
//! "Tiering + concentration" of N customers, two ways:
//!
//! - [`struct_path`]: what the app does — `TieringConfig::assign_all` over `Customer` structs, the
//!   count per tier, and `concentration::analyse_customers` on revenue.
//! - [`columnar_path`]: the same five default rules evaluated over plain columns ([`Columns`]),
//!   the count per tier, and `concentration::analyse` on the revenue column. This is the fair peer
//!   of the JavaScript implementations, which also start from typed arrays.
//!
//! [`compare`] asserts that both give the same counts and bit-identical concentration figures.

use kam_planner::domain::concentration::{analyse, analyse_customers, Concentration, Metric};
use kam_planner::domain::tiering::TieringConfig;
use kam_planner::domain::workspace::Customer;
use serde_json::{json, Value};

/// Bit in [`Columns::flags`]: on the named list (清单制).
pub const FLAG_NAMED_LIST: u8 = 1;
/// Bit in [`Columns::flags`]: repeat purchase (复购).
pub const FLAG_REPEAT_PURCHASE: u8 = 2;

/// Thresholds of the default rules (SPEC §3.1), mirrored from `TieringConfig::default()`.
/// [`compare`] against [`struct_path`] catches any drift between the two.
pub mod default_rules {
    /// 战略客户: annual purchase ≥ this, or on the named list / industry rank 1–3.
    pub const STRATEGIC_PURCHASE: f64 = 10_000_000.0;
    /// 价值客户: owned by an industry line, or annual purchase ≥ this.
    pub const VALUE_PURCHASE: f64 = 5_000_000.0;
    /// 潜力客户: annual purchase ≥ this and repeat purchase.
    pub const POTENTIAL_PURCHASE: f64 = 1_000_000.0;
    /// 普通客户: annual purchase > 0 and repeat purchase; 一般客户 catches the rest.
    pub const TIERS: usize = 5;
}

/// The customers' rule inputs and revenue as columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Columns {
    /// Annual purchase, yuan.
    pub purchase: Vec<f64>,
    /// Revenue, yuan.
    pub revenue: Vec<f64>,
    /// [`FLAG_NAMED_LIST`] | [`FLAG_REPEAT_PURCHASE`].
    pub flags: Vec<u8>,
    /// 1 when an industry line owns the customer (non-blank `industry_line`), else 0.
    pub line_set: Vec<u8>,
    /// Industry rank, 0 when unknown.
    pub rank: Vec<i32>,
}

impl Columns {
    /// The columns of `customers`, in order. Tier overrides are not carried: the synthetic
    /// customers have none, and [`compare`] would catch it if they had.
    pub fn from_customers(customers: &[Customer]) -> Columns {
        let flag = |on: bool, bit: u8| if on { bit } else { 0 };
        Columns {
            purchase: customers.iter().map(|c| c.annual_purchase).collect(),
            revenue: customers.iter().map(|c| c.revenue).collect(),
            flags: customers
                .iter()
                .map(|c| {
                    flag(c.on_named_list, FLAG_NAMED_LIST)
                        | flag(c.repeat_purchase, FLAG_REPEAT_PURCHASE)
                })
                .collect(),
            line_set: customers
                .iter()
                .map(|c| {
                    u8::from(
                        c.industry_line
                            .as_deref()
                            .is_some_and(|l| !l.trim().is_empty()),
                    )
                })
                .collect(),
            rank: customers
                .iter()
                .map(|c| {
                    c.industry_rank
                        .map_or(0, |r| i32::try_from(r).unwrap_or(i32::MAX))
                })
                .collect(),
        }
    }

    /// Number of customers.
    pub fn len(&self) -> usize {
        self.purchase.len()
    }

    /// True without customers.
    pub fn is_empty(&self) -> bool {
        self.purchase.is_empty()
    }
}

/// What one run produces.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Customers per tier, top tier first.
    pub tier_counts: Vec<usize>,
    /// Concentration of revenue.
    pub concentration: Concentration,
}

/// Tiering + concentration the way the app does it, on `Customer` structs.
pub fn struct_path(config: &TieringConfig, customers: &[Customer]) -> Outcome {
    Outcome {
        tier_counts: struct_tier_counts(config, customers),
        concentration: analyse_customers(customers, Metric::Revenue),
    }
}

/// `assign_all` and the count per tier.
pub fn struct_tier_counts(config: &TieringConfig, customers: &[Customer]) -> Vec<usize> {
    let mut counts = vec![0; config.tiers.len()];
    for a in config.assign_all(customers).iter().flatten() {
        counts[a.tier] += 1;
    }
    counts
}

/// Tiering + concentration on columns, with the default rules.
pub fn columnar_path(columns: &Columns) -> Outcome {
    Outcome {
        tier_counts: columnar_tier_counts(columns).to_vec(),
        concentration: analyse(&columns.revenue),
    }
}

/// The default rules over columns: the first tier top-down whose rule holds.
pub fn columnar_tier_counts(columns: &Columns) -> [usize; default_rules::TIERS] {
    use default_rules::*;
    let mut counts = [0; TIERS];
    let rows = columns
        .purchase
        .iter()
        .zip(&columns.flags)
        .zip(&columns.line_set)
        .zip(&columns.rank);
    for (((&purchase, &flags), &line_set), &rank) in rows {
        let named = flags & FLAG_NAMED_LIST != 0 || (1..=3).contains(&rank);
        let repeat = flags & FLAG_REPEAT_PURCHASE != 0;
        // Comparisons with NaN are false, as `Condition::matches` treats a non-finite figure.
        let tier = if purchase >= STRATEGIC_PURCHASE || named {
            0
        } else if line_set != 0 || purchase >= VALUE_PURCHASE {
            1
        } else if purchase >= POTENTIAL_PURCHASE && repeat {
            2
        } else if purchase > 0.0 && repeat {
            3
        } else {
            4
        };
        counts[tier] += 1;
    }
    counts
}

/// Ok when both outcomes have the same tier counts and identical concentration figures.
pub fn compare(struct_outcome: &Outcome, columnar_outcome: &Outcome) -> Result<(), String> {
    if struct_outcome.tier_counts != columnar_outcome.tier_counts {
        return Err(format!(
            "tier counts differ: assign_all {:?}, columnar {:?}",
            struct_outcome.tier_counts, columnar_outcome.tier_counts
        ));
    }
    if struct_outcome.concentration != columnar_outcome.concentration {
        return Err("concentration figures differ between the struct and columnar paths".into());
    }
    Ok(())
}

/// The figures the JavaScript peers are checked against, as JSON.
pub fn summary(outcome: &Outcome) -> Value {
    let c = &outcome.concentration;
    json!({
        "tier_counts": outcome.tier_counts,
        "n": c.n,
        "excluded_negative": c.excluded_negative,
        "excluded_non_finite": c.excluded_non_finite,
        "total": c.total,
        "top_customers": c.top_shares.iter().map(|t| t.customers).collect::<Vec<_>>(),
        "top_shares": c.top_shares.iter().map(|t| t.share).collect::<Vec<_>>(),
        "customers_for_80": c.pareto_80.customers,
        "gini": c.gini,
        "hhi": c.hhi,
        "decile_ratio": c.decile.ratio,
        "lorenz_y": c.lorenz.iter().map(|p| p.y).collect::<Vec<_>>(),
    })
}

/// Median of timings in ms (mean of the two middle ones for an even count); 0 for none.
pub fn median(times: &[f64]) -> f64 {
    let mut t = times.to_vec();
    t.sort_by(f64::total_cmp);
    match t.len() {
        0 => 0.0,
        n if n % 2 == 1 => t[n / 2],
        n => (t[n / 2 - 1] + t[n / 2]) / 2.0,
    }
}

/// LTC (lead to cash) at scale: the pipeline, coverage and receivables figures over a synthetic
/// document (`kam_planner::domain::ltc::synthetic`), shared by the native binary and the wasm
/// build so that both time the very same calls.
pub mod ltc {
    use std::collections::HashMap;
    use std::rc::Rc;

    use kam_planner::domain::edit::{apply, Edit};
    use kam_planner::domain::ltc::board::{BoardIndex, Filter, Model};
    use kam_planner::domain::workspace::Workspace;

    use kam_planner::domain::ltc::calc::{self, column_totals, Coverage, CoverageRow, Ctx};
    use kam_planner::domain::ltc::cash::{self, Receivables};
    use kam_planner::domain::ltc::{synthetic, Ltc, Scope};
    use kam_planner::domain::synthetic as customers;
    use kam_planner::domain::tiering::TieringConfig;
    use serde_json::{json, Value};

    /// Opportunities of the LTC rows.
    pub const OPPORTUNITIES: usize = 100_000;
    /// Contracts of the LTC rows.
    pub const CONTRACTS: usize = 50_000;
    /// Customers the LTC document is spread over.
    pub const CUSTOMERS: usize = 100_000;
    /// People owning the opportunities (`p-000` … `p-199`).
    pub const PEOPLE: usize = 200;
    /// The four keys of the coverage row.
    pub const KEYS: [Scope; 4] = [Scope::Account, Scope::Tier, Scope::Owner, Scope::Line];

    /// The document and what the calculations take besides it.
    pub struct Data {
        /// The synthetic document.
        pub ltc: Ltc,
        /// The customers it is spread over.
        pub customers: Vec<kam_planner::domain::workspace::Customer>,
        /// Customer id → tier id, from the default tiering.
        pub tier_of: HashMap<String, String>,
        /// Fiscal year.
        pub year: i32,
        /// Reference day.
        pub today: i64,
    }

    /// The person ids of the synthetic owners.
    pub fn people() -> Vec<String> {
        (0..PEOPLE).map(|i| format!("p-{i:03}")).collect()
    }

    /// `customers` synthetic customers tiered by `TieringConfig::default()`, and an LTC document
    /// of `opps` opportunities and `contracts` contracts on them (all from `seed`).
    pub fn data(customers: usize, opps: usize, contracts: usize, seed: u64) -> Data {
        let cs = customers::customers(customers, seed);
        let config = TieringConfig::default();
        let tier_of = cs
            .iter()
            .zip(config.assign_all(&cs))
            .filter_map(|(c, a)| Some((c.id.clone(), config.tiers.get(a?.tier)?.id.clone())))
            .collect();
        Data {
            ltc: synthetic::ltc(&cs, &people(), opps, contracts, seed),
            customers: cs,
            tier_of,
            year: synthetic::FISCAL_YEAR,
            today: synthetic::today(),
        }
    }

    /// Row "weighted pipeline": `calc::weighted_pipeline`.
    pub fn weighted_pipeline(d: &Data) -> f64 {
        calc::weighted_pipeline(&d.ltc)
    }

    /// Part of the board: `calc::column_totals` over every opportunity.
    pub fn column_totals_all(d: &Data) -> Vec<calc::Totals> {
        column_totals(&d.ltc, d.ltc.opportunities.iter().map(|o| &**o), d.today)
    }

    /// Row "coverage by account, tier, owner, line": one `Ctx::new` (its indexes are part of
    /// the cost, as in the app) and `calc::coverage` for each of the four keys.
    pub fn coverage_all(d: &Data) -> Vec<Vec<CoverageRow>> {
        let ctx = Ctx::new(&d.ltc, d.year, d.today, &d.tier_of);
        KEYS.iter().map(|&s| calc::coverage(&ctx, s)).collect()
    }

    /// Row "ageing + receivables": `cash::receivables` over every contract.
    pub fn receivables(d: &Data) -> Receivables {
        cash::receivables(d.ltc.contracts.iter().map(|c| &**c), d.today)
    }

    /// The board rows' inputs: the workspace, the same workspace with the first opportunity
    /// moved one stage on (`Edit::MoveOpportunity`, as a card moved with Alt+→), and the tiers.
    pub struct Board {
        /// Before the move.
        pub before: Rc<Workspace>,
        /// After the move.
        pub after: Rc<Workspace>,
        /// Customer id → tier id.
        pub tiers: Rc<HashMap<String, String>>,
    }

    /// The board rows' inputs from the data.
    pub fn board(d: &Data) -> Board {
        let mut ws = Workspace::empty("bench", "bench", 0);
        ws.meta.fiscal_year = d.year;
        ws.meta.today = kam_planner::domain::dates::iso_from_days(d.today);
        ws.customers = d.customers.iter().cloned().map(Rc::new).collect();
        ws.ltc = d.ltc.clone();
        let first = &ws.ltc.opportunities[0];
        let here = ws.ltc.stage_index(&first.stage).unwrap_or(0);
        let next = ws.ltc.stages[(here + 1) % ws.ltc.stages.len()].id.clone();
        let edit = Edit::MoveOpportunity {
            id: first.id.clone(),
            stage: next,
            date: ws.meta.today.clone(),
        };
        let after = match apply(&ws, &edit, 1) {
            Ok(Some(w)) => w,
            _ => ws.clone(),
        };
        Board {
            before: Rc::new(ws),
            after: Rc::new(after),
            tiers: Rc::new(d.tier_of.clone()),
        }
    }

    /// Row "board from scratch": the index over every opportunity and the board's model.
    pub fn board_full(b: &Board, today: i64) -> Model {
        BoardIndex::new(&b.before, &b.tiers, &Filter::default(), today).model(&HashMap::new())
    }

    /// Row "board after a stage move": the index updated from the document before the move to
    /// the one after it (or back: `flip`), and the board's model.
    pub fn board_after_move(ix: &mut BoardIndex, b: &Board, flip: bool, today: i64) -> Model {
        let ws = if flip { &b.before } else { &b.after };
        ix.update(ws, &b.tiers, &Filter::default(), today);
        ix.model(&HashMap::new())
    }

    /// The figures, as JSON, for native vs wasm equality.
    pub fn summary(d: &Data) -> Value {
        let cov = coverage_all(d);
        let r = receivables(d);
        let totals = column_totals_all(d);
        json!({
            "opportunities": d.ltc.opportunities.len(),
            "contracts": d.ltc.contracts.len(),
            "weighted_pipeline": weighted_pipeline(d),
            "column_counts": totals.iter().map(|t| t.count).collect::<Vec<_>>(),
            "column_weighted": totals.iter().map(|t| t.weighted).collect::<Vec<_>>(),
            "column_aged": totals.iter().map(|t| t.aged).collect::<Vec<_>>(),
            "coverage": KEYS.iter().zip(&cov).map(|(s, rows)| json!({
                "key": s.key(),
                "rows": rows.len(),
                "flagged": rows.iter().filter(|r| r.flagged).count(),
                "with_target": rows.iter().filter(|r| r.target.is_some()).count(),
                "won": rows.iter().map(|r| r.won).sum::<f64>(),
                "open_weighted": rows.iter().map(|r| r.open_weighted).sum::<f64>(),
                "ratio_sum": rows.iter().map(|r| match r.coverage {
                    Coverage::Ratio(x) => x,
                    _ => 0.0,
                }).sum::<f64>(),
            })).collect::<Vec<_>>(),
            "receivable": r.receivable,
            "ageing_amounts": r.ageing.amounts,
            "ageing_counts": r.ageing.counts,
            "overdue_accounts": r.overdue_by_account.len(),
            "invoiced_year": r.invoiced_year,
            "dso": r.dso,
        })
    }
}

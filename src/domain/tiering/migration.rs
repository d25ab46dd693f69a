//! Tier migration over the years of purchase history (SPEC §3.1): the tier each customer would
//! have had in a past year, a from × to matrix between two years, and who moved up or down.
//!
//! A past year is re-tiered on a copy of the customer *as of* that year (see
//! [`customer_in_year`]): that year's purchase, revenue scaled alike, growth derived from the
//! history up to that year. Everything the history does not record (wallet, flags, rank, industry
//! line, tags, years of cooperation) is taken as it is today.

use std::borrow::Borrow;
use std::collections::BTreeSet;

use super::{Assignment, TieringConfig};
use crate::domain::sort::{sort, sort_by};
use crate::domain::workspace::{Customer, YearPurchase};

/// The years present in the customers' histories, ascending, each once.
pub fn years<C: Borrow<Customer>>(customers: &[C]) -> Vec<i32> {
    customers
        .iter()
        .flat_map(|c| c.borrow().history.iter().map(|h| h.year))
        .collect::<BTreeSet<i32>>()
        .into_iter()
        .collect()
}

/// What the customer bought from us in `year` according to its history: 0 when the year is
/// missing; entries listed twice for the same year add up; a non-finite figure counts as 0.
pub fn purchase_in(c: &Customer, year: i32) -> f64 {
    c.history
        .iter()
        .filter(|h| h.year == year && h.annual_purchase.is_finite())
        .map(|h| h.annual_purchase)
        .sum()
}

/// A copy of the customer as of `year`, the input of [`tier_in_year`]:
///
/// - `annual_purchase` is that year's history figure ([`purchase_in`], 0 when missing);
/// - `revenue` is scaled by the same factor (`revenue × purchase_year / purchase_now` when today's
///   purchase is positive, else `purchase_year`);
/// - `growth_pct` is cleared and `history` cut to the years up to `year` (one entry per year,
///   ascending), so the derived growth is the growth *into* that year;
/// - the tier override is kept only from the customer's present on, i.e. when `year` is at or
///   after the latest year of its own history (or it has no history): an override is today's
///   decision and says nothing about where the customer stood before.
pub fn customer_in_year(c: &Customer, year: i32) -> Customer {
    let purchase = purchase_in(c, year);
    let now = c.annual_purchase;
    let revenue = if now > 0.0 && now.is_finite() && c.revenue.is_finite() {
        c.revenue * purchase / now
    } else {
        purchase
    };
    let mut kept: Vec<i32> = c
        .history
        .iter()
        .map(|h| h.year)
        .filter(|&y| y <= year)
        .collect();
    sort(&mut kept);
    kept.dedup();
    let history = kept
        .into_iter()
        .map(|y| YearPurchase {
            year: y,
            annual_purchase: purchase_in(c, y),
        })
        .collect();
    let present = c.history.iter().map(|h| h.year).max();
    let tier_override = match present {
        Some(p) if year < p => None,
        _ => c.tier_override.clone(),
    };
    // Only what tiering reads is copied (rules, scores and their tie-break by name); ids,
    // places, owner and notes stay empty, which keeps a 100,000-customer migration cheap.
    Customer {
        name: c.name.clone(),
        industry_line: c.industry_line.clone(),
        annual_purchase: purchase,
        revenue,
        gross_margin_pct: c.gross_margin_pct,
        wallet: c.wallet,
        growth_pct: None,
        industry_rank: c.industry_rank,
        on_named_list: c.on_named_list,
        repeat_purchase: c.repeat_purchase,
        years_of_cooperation: c.years_of_cooperation,
        history,
        tags: c.tags.clone(),
        tier_override,
        ..Customer::default()
    }
}

/// The tier one customer would have had in `year`, in the configured mode (see
/// [`customer_in_year`] for the copy that is tiered). `None` only when there are no tiers.
///
/// In score mode with target shares a tier exists only relative to the other customers; tiered
/// alone the customer ranks first. Use [`tiers_in_year`] with all customers there (it handles
/// every mode and is what [`migration`] uses).
pub fn tier_in_year(config: &TieringConfig, c: &Customer, year: i32) -> Option<Assignment> {
    tiers_in_year(config, std::slice::from_ref(c), year)
        .pop()
        .flatten()
}

/// The tiers all customers would have had in `year`, in customer order, tiered together in the
/// configured mode (so target shares rank the customers of that year against each other).
pub fn tiers_in_year<C: Borrow<Customer>>(
    config: &TieringConfig,
    customers: &[C],
    year: i32,
) -> Vec<Option<Assignment>> {
    let copies: Vec<Customer> = customers
        .iter()
        .map(|c| customer_in_year(c.borrow(), year))
        .collect();
    config.assign_all(&copies)
}

/// One customer's move between two years.
#[derive(Clone, Debug, PartialEq)]
pub struct Move {
    /// Index into the customers.
    pub customer: usize,
    /// Tier index in the earlier year.
    pub from: usize,
    /// Tier index in the later year.
    pub to: usize,
    /// Purchase in the earlier year, yuan.
    pub purchase_from: f64,
    /// Purchase in the later year, yuan.
    pub purchase_to: f64,
}

impl Move {
    /// How many tiers the customer moved (always ≥ 1 in a [`Migration`] list).
    pub fn ranks(&self) -> usize {
        self.from.abs_diff(self.to)
    }
}

/// Tier migration between two years.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Migration {
    /// The earlier year (rows).
    pub from_year: i32,
    /// The later year (columns).
    pub to_year: i32,
    /// `matrix[from][to]`: customers in tier `from` in `from_year` and tier `to` in `to_year`;
    /// tiers × tiers. Every tiered customer is counted once.
    pub matrix: Vec<Vec<usize>>,
    /// Customers now in a higher tier (lower index): largest move first, then by today's annual
    /// purchase, descending.
    pub upgraded: Vec<Move>,
    /// Customers now in a lower tier (higher index), ordered like `upgraded`.
    pub downgraded: Vec<Move>,
    /// Customers in the same tier in both years.
    pub stayed: usize,
}

impl Migration {
    /// Customers per tier in `from_year` (row sums).
    pub fn from_counts(&self) -> Vec<usize> {
        self.matrix.iter().map(|row| row.iter().sum()).collect()
    }

    /// Customers per tier in `to_year` (column sums).
    pub fn to_counts(&self) -> Vec<usize> {
        let mut out = vec![0; self.matrix.len()];
        for row in &self.matrix {
            for (sum, n) in out.iter_mut().zip(row) {
                *sum += n;
            }
        }
        out
    }
}

/// How the customers' tiers changed from `from_year` to `to_year` (each year tiered with
/// [`tiers_in_year`]).
pub fn migration<C: Borrow<Customer>>(
    config: &TieringConfig,
    customers: &[C],
    from_year: i32,
    to_year: i32,
) -> Migration {
    let n = config.tiers.len();
    let before = tiers_in_year(config, customers, from_year);
    let after = tiers_in_year(config, customers, to_year);
    let mut out = Migration {
        from_year,
        to_year,
        matrix: vec![vec![0; n]; n],
        ..Migration::default()
    };
    for (i, (c, (a, b))) in customers.iter().zip(before.iter().zip(&after)).enumerate() {
        let (Some(a), Some(b)) = (a, b) else { continue };
        let (from, to) = (a.tier, b.tier);
        let Some(cell) = out.matrix.get_mut(from).and_then(|row| row.get_mut(to)) else {
            continue;
        };
        *cell += 1;
        let c = c.borrow();
        let mv = Move {
            customer: i,
            from,
            to,
            purchase_from: purchase_in(c, from_year),
            purchase_to: purchase_in(c, to_year),
        };
        match to.cmp(&from) {
            std::cmp::Ordering::Less => out.upgraded.push(mv),
            std::cmp::Ordering::Greater => out.downgraded.push(mv),
            std::cmp::Ordering::Equal => out.stayed += 1,
        }
    }
    let purchase = |m: &Move| customers[m.customer].borrow().annual_purchase;
    for list in [&mut out.upgraded, &mut out.downgraded] {
        sort_by(list, |x, y| {
            y.ranks()
                .cmp(&x.ranks())
                .then(purchase(y).total_cmp(&purchase(x)))
                .then(x.customer.cmp(&y.customer))
        });
    }
    out
}

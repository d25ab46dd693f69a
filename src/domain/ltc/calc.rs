//! The pipeline's figures (SPEC §3.9): weighted pipeline, column totals and ageing, orders
//! booked, coverage against target by account, tier, owner and line, the forecast by quarter,
//! the funnel with its conversion rates from the recorded stage history, and win rates.
//!
//! Every function takes the fiscal year, the reference day and each account's tier as plain
//! input ([`Ctx`]); nothing here reads a clock.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Contract, Forecast, Ltc, Opportunity, Scope, StageKind, Target};
use crate::domain::dates::day_number;

/// What the calculations need besides the document, with the indexes they share (built once
/// in [`Ctx::new`], so every figure stays linear in the number of records).
#[derive(Clone, Debug)]
pub struct Ctx<'a> {
    /// The document.
    pub ltc: &'a Ltc,
    /// The fiscal year (a calendar year).
    pub year: i32,
    /// The reference day ("today"), days since 1970-01-01.
    pub today: i64,
    /// The tier id of each account (customer id → tier id).
    pub tier_of: &'a HashMap<String, String>,
    opps: HashMap<&'a str, &'a Opportunity>,
    targets: HashMap<(Scope, &'a str), &'a Target>,
    owners: HashMap<&'a str, HashSet<&'a str>>,
}

impl<'a> Ctx<'a> {
    /// The context of a year on a reference day.
    pub fn new(
        ltc: &'a Ltc,
        year: i32,
        today: i64,
        tier_of: &'a HashMap<String, String>,
    ) -> Ctx<'a> {
        let mut owners: HashMap<&'a str, HashSet<&'a str>> = HashMap::new();
        for o in &ltc.opportunities {
            if let Some(p) = o.owner.as_deref() {
                owners.entry(o.account.as_str()).or_default().insert(p);
            }
        }
        Ctx {
            ltc,
            year,
            today,
            tier_of,
            opps: ltc
                .opportunities
                .iter()
                .map(|o| (o.id.as_str(), &**o))
                .collect(),
            targets: ltc
                .targets
                .iter()
                .filter(|t| t.year == year)
                .map(|t| ((t.scope, t.key.as_str()), t))
                .collect(),
            owners,
        }
    }

    /// The opportunity with this id.
    pub fn opportunity(&self, id: &str) -> Option<&'a Opportunity> {
        self.opps.get(id).copied()
    }

    /// The target set for a key in the year.
    pub fn target(&self, scope: Scope, key: &str) -> Option<&'a Target> {
        self.targets.get(&(scope, key)).copied()
    }
}

/// The year of a `YYYY-MM-DD` date (`None` when it is not a date).
pub fn year_of(iso: &str) -> Option<i32> {
    crate::domain::engagement::parse_date(iso).map(|(y, _, _)| y)
}

/// The quarter (0–3) of a date in `year`, or `None` when it falls in another year.
pub fn quarter_in(iso: &str, year: i32) -> Option<usize> {
    match crate::domain::engagement::parse_date(iso) {
        Some((y, m, _)) if y == year => Some(((m - 1) / 3) as usize),
        _ => None,
    }
}

/// An open opportunity's amount weighted by its stage's probability; 0 for a closed one or one
/// in an unknown stage.
pub fn weighted(ltc: &Ltc, o: &Opportunity) -> f64 {
    match ltc.stage(&o.stage) {
        Some(s) if s.kind == StageKind::Open => o.amount * s.probability_pct / 100.0,
        _ => 0.0,
    }
}

/// Count, amount and weighted amount of a set of opportunities.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    /// How many.
    pub count: usize,
    /// Σ amount, yuan.
    pub amount: f64,
    /// Σ amount × probability, yuan (0 for closed stages).
    pub weighted: f64,
    /// How many are longer in their stage than its threshold.
    pub aged: usize,
}

/// Totals per stage, in the order of [`Ltc::stages`] (an opportunity in an unknown stage is in
/// none).
pub fn column_totals<'a>(
    ltc: &Ltc,
    opps: impl IntoIterator<Item = &'a Opportunity>,
    today: i64,
) -> Vec<Totals> {
    let index: HashMap<&str, usize> = ltc
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut out = vec![Totals::default(); ltc.stages.len()];
    for o in opps {
        if let Some(&i) = index.get(o.stage.as_str()) {
            let t = &mut out[i];
            t.count += 1;
            t.amount += o.amount;
            t.weighted += o.amount * weight_of(ltc, i);
            t.aged += usize::from(is_aged(ltc, o, today));
        }
    }
    out
}

fn weight_of(ltc: &Ltc, i: usize) -> f64 {
    match ltc.stages.get(i) {
        Some(s) if s.kind == StageKind::Open => s.probability_pct / 100.0,
        _ => 0.0,
    }
}

/// Days an opportunity has been in its stage on `today` (`None` without an entry date).
pub fn days_in_stage(o: &Opportunity, today: i64) -> Option<i64> {
    day_number(&o.stage_entered).map(|d| today - d)
}

/// True when an open opportunity has been in its stage longer than the stage's threshold.
pub fn is_aged(ltc: &Ltc, o: &Opportunity, today: i64) -> bool {
    match (ltc.stage(&o.stage), days_in_stage(o, today)) {
        (Some(s), Some(days)) => {
            s.kind == StageKind::Open && s.ageing_days > 0 && days > i64::from(s.ageing_days)
        }
        _ => false,
    }
}

/// The key of an opportunity under a scope: the account, its tier, its owner, its line, or ""
/// for the company (`None` when it has none, e.g. no owner).
pub fn opp_key<'a>(ctx: &Ctx<'a>, o: &'a Opportunity, scope: Scope) -> Option<&'a str> {
    match scope {
        Scope::Company => Some(""),
        Scope::Account => Some(o.account.as_str()),
        Scope::Tier => ctx.tier_of.get(&o.account).map(String::as_str),
        Scope::Owner => o.owner.as_deref(),
        Scope::Line => o.line.as_deref(),
    }
}

/// The key of a contract under a scope: owner and line are those of the opportunity it came
/// from.
pub fn contract_key<'a>(ctx: &Ctx<'a>, c: &'a Contract, scope: Scope) -> Option<&'a str> {
    match scope {
        Scope::Company => Some(""),
        Scope::Account => Some(c.account.as_str()),
        Scope::Tier => ctx.tier_of.get(&c.account).map(String::as_str),
        Scope::Owner | Scope::Line => {
            let o = c
                .opportunity
                .as_deref()
                .and_then(|id| ctx.opportunity(id))?;
            opp_key(ctx, o, scope)
        }
    }
}

/// The day a closed opportunity closed: the day it entered its stage, else its close date.
pub fn closed_on(o: &Opportunity) -> &str {
    if o.stage_entered.is_empty() {
        &o.close_date
    } else {
        &o.stage_entered
    }
}

/// One booking of the year: a contract signed in it, or a won opportunity closed in it that no
/// contract refers to (so a deal is never counted twice).
#[derive(Clone, Copy, Debug)]
pub enum Booking<'a> {
    /// A signed contract.
    Contract(&'a Contract),
    /// A won opportunity without a contract.
    Won(&'a Opportunity),
}

impl<'a> Booking<'a> {
    /// Its value, yuan.
    pub fn value(&self) -> f64 {
        match self {
            Booking::Contract(c) => c.value,
            Booking::Won(o) => o.amount,
        }
    }

    /// Its date.
    pub fn date(&self) -> &'a str {
        match self {
            Booking::Contract(c) => &c.signed,
            Booking::Won(o) => closed_on(o),
        }
    }

    /// Its key under a scope.
    pub fn key(&self, ctx: &Ctx<'a>, scope: Scope) -> Option<&'a str> {
        match self {
            Booking::Contract(c) => contract_key(ctx, c, scope),
            Booking::Won(o) => opp_key(ctx, o, scope),
        }
    }
}

/// The orders booked in the fiscal year (SPEC: orders = won contract value in the year).
pub fn bookings<'a>(ctx: &Ctx<'a>) -> Vec<Booking<'a>> {
    let with_contract: HashSet<&str> = ctx
        .ltc
        .contracts
        .iter()
        .filter_map(|c| c.opportunity.as_deref())
        .collect();
    let mut out: Vec<Booking<'a>> = ctx
        .ltc
        .contracts
        .iter()
        .filter(|c| year_of(&c.signed) == Some(ctx.year))
        .map(|c| Booking::Contract(c))
        .collect();
    out.extend(
        ctx.ltc
            .opportunities
            .iter()
            .filter(|o| ctx.ltc.kind_of(o) == StageKind::Won)
            .filter(|o| !with_contract.contains(o.id.as_str()))
            .filter(|o| year_of(closed_on(o)) == Some(ctx.year))
            .map(|o| Booking::Won(o)),
    );
    out
}

/// An open opportunity counts towards the year when it is expected to close by the year's end
/// (a close date in an earlier year is overdue but still open) or has no close date.
pub fn in_year(o: &Opportunity, year: i32) -> bool {
    o.close_date.is_empty() || year_of(&o.close_date).is_none_or(|y| y <= year)
}

/// Coverage of what is left of a target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Coverage {
    /// Open weighted pipeline ÷ (target − won).
    Ratio(f64),
    /// Won already reaches the target.
    TargetMet,
    /// No target is set (or it is 0).
    NoTarget,
}

/// The coverage of one key.
#[derive(Clone, Debug, PartialEq)]
pub struct CoverageRow {
    /// The account, tier, person or line id ("" for the company).
    pub key: String,
    /// The orders target: the one set for the key, else the sum of its accounts' targets.
    pub target: Option<f64>,
    /// True when the target is the sum of the accounts' targets.
    pub derived: bool,
    /// Booked in the year, yuan.
    pub won: f64,
    /// Open opportunities counted (by the year's end, not omitted).
    pub open: usize,
    /// Their weighted amount, yuan.
    pub open_weighted: f64,
    /// The coverage.
    pub coverage: Coverage,
    /// True when the coverage is below the threshold.
    pub flagged: bool,
}

/// The orders (or collections) target of a key in the year: the one set, else for a tier, an
/// owner or the company the sum of the account targets under it (`None` when neither exists).
/// Returns `(target, derived)`.
pub fn target_for(
    ctx: &Ctx<'_>,
    scope: Scope,
    key: &str,
    pick: fn(&Target) -> Option<f64>,
) -> (Option<f64>, bool) {
    let sums = derived_targets(ctx, scope, pick);
    pick_target(ctx, scope, key, pick, &sums)
}

fn pick_target(
    ctx: &Ctx<'_>,
    scope: Scope,
    key: &str,
    pick: fn(&Target) -> Option<f64>,
    sums: &HashMap<&str, f64>,
) -> (Option<f64>, bool) {
    match ctx.target(scope, key).and_then(pick) {
        Some(v) => (Some(v), false),
        None => match sums.get(key) {
            Some(v) => (Some(*v), true),
            None => (None, false),
        },
    }
}

/// The sums of the account targets of the year per key of a scope (tier, owner, company; empty
/// for accounts and lines, which have no accounts under them).
pub fn derived_targets<'a>(
    ctx: &Ctx<'a>,
    scope: Scope,
    pick: fn(&Target) -> Option<f64>,
) -> HashMap<&'a str, f64> {
    let mut sums: HashMap<&'a str, f64> = HashMap::new();
    for t in &ctx.ltc.targets {
        if t.year != ctx.year || t.scope != Scope::Account {
            continue;
        }
        let Some(v) = pick(t) else { continue };
        match scope {
            Scope::Company => *sums.entry("").or_default() += v,
            Scope::Tier => {
                if let Some(tier) = ctx.tier_of.get(&t.key) {
                    *sums.entry(tier.as_str()).or_default() += v;
                }
            }
            Scope::Owner => {
                for p in ctx.owners.get(t.key.as_str()).into_iter().flatten() {
                    *sums.entry(p).or_default() += v;
                }
            }
            Scope::Account | Scope::Line => {}
        }
    }
    sums
}

/// Coverage per key of a scope, in key order: every key with a target, booking or open
/// opportunity. Flagged: coverage under the threshold.
pub fn coverage(ctx: &Ctx<'_>, scope: Scope) -> Vec<CoverageRow> {
    coverage_where(ctx, scope, |_| true)
}

/// The coverage of one key of a scope (`None` when it has no target, booking or open
/// opportunity) — without the rows of every other key.
pub fn coverage_of(ctx: &Ctx<'_>, scope: Scope, key: &str) -> Option<CoverageRow> {
    coverage_where(ctx, scope, |k| k == key).into_iter().next()
}

/// [`coverage`] of the keys `keep` accepts.
fn coverage_where(ctx: &Ctx<'_>, scope: Scope, keep: impl Fn(&str) -> bool) -> Vec<CoverageRow> {
    // Hash maps, sorted once at the end: 60,000 account keys in ordered maps cost a string
    // comparison per level of the tree on every one of 100,000 insertions.
    let mut won: HashMap<&str, f64> = HashMap::new();
    let mut open: HashMap<&str, (usize, f64)> = HashMap::new();
    for b in bookings(ctx) {
        if let Some(k) = b.key(ctx, scope).filter(|k| keep(k)) {
            *won.entry(k).or_default() += b.value();
        }
    }
    for o in &ctx.ltc.opportunities {
        if ctx.ltc.kind_of(o) != StageKind::Open
            || o.forecast == Forecast::Omitted
            || !in_year(o, ctx.year)
        {
            continue;
        }
        if let Some(k) = opp_key(ctx, o, scope).filter(|k| keep(k)) {
            let e = open.entry(k).or_default();
            e.0 += 1;
            e.1 += weighted(ctx.ltc, o);
        }
    }
    let mut keys: Vec<&str> = won.keys().chain(open.keys()).copied().collect();
    keys.extend(
        ctx.ltc
            .targets
            .iter()
            .filter(|t| t.year == ctx.year && t.scope == scope && t.orders.is_some())
            .map(|t| t.key.as_str()),
    );
    let sums = derived_targets(ctx, scope, |t| t.orders);
    keys.extend(sums.keys().copied());
    if scope == Scope::Company {
        keys = vec![""];
    }
    keys.retain(|k| keep(k));
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .map(|key| {
            let (target, derived) = pick_target(ctx, scope, key, |t| t.orders, &sums);
            let w = won.get(key).copied().unwrap_or(0.0);
            let (n, ow) = open.get(key).copied().unwrap_or((0, 0.0));
            let coverage = cover(target, w, ow);
            CoverageRow {
                key: key.to_string(),
                target,
                derived,
                won: w,
                open: n,
                open_weighted: ow,
                coverage,
                flagged: matches!(coverage, Coverage::Ratio(r)
                    if r < ctx.ltc.settings.coverage_threshold),
            }
        })
        .collect()
}

/// Coverage from a target, what is booked and the open weighted pipeline.
pub fn cover(target: Option<f64>, won: f64, open_weighted: f64) -> Coverage {
    match target {
        Some(t) if t > 0.0 => {
            let left = t - won;
            if left <= 0.0 {
                Coverage::TargetMet
            } else {
                Coverage::Ratio(open_weighted / left)
            }
        }
        _ => Coverage::NoTarget,
    }
}

/// One quarter of the forecast.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Quarter {
    /// Booked in the quarter, yuan.
    pub won: f64,
    /// Open opportunities in commit closing in the quarter, in full.
    pub commit: f64,
    /// Open opportunities in best case closing in the quarter, weighted by stage.
    pub best_case: f64,
    /// A quarter of the company's orders target.
    pub target: Option<f64>,
}

impl Quarter {
    /// won + commit + best case.
    pub fn total(&self) -> f64 {
        self.won + self.commit + self.best_case
    }
}

/// The fiscal year by quarter: booked + commit + best case (weighted) against a quarter of the
/// company's orders target. Open opportunities whose close date has passed count in the
/// quarter of today when today is in the year.
pub fn forecast(ctx: &Ctx<'_>) -> [Quarter; 4] {
    let (target, _) = target_for(ctx, Scope::Company, "", |t| t.orders);
    let mut q = [Quarter {
        target: target.map(|t| t / 4.0),
        ..Quarter::default()
    }; 4];
    for b in bookings(ctx) {
        if let Some(i) = quarter_in(b.date(), ctx.year) {
            q[i].won += b.value();
        }
    }
    let today_iso = crate::domain::dates::iso_from_days(ctx.today);
    let today_q = quarter_in(&today_iso, ctx.year);
    for o in &ctx.ltc.opportunities {
        if ctx.ltc.kind_of(o) != StageKind::Open {
            continue;
        }
        let overdue = day_number(&o.close_date).is_some_and(|d| d < ctx.today);
        let i = if overdue {
            today_q
        } else {
            quarter_in(&o.close_date, ctx.year)
        };
        let Some(i) = i else { continue };
        match o.forecast {
            Forecast::Commit => q[i].commit += o.amount,
            Forecast::BestCase => q[i].best_case += weighted(ctx.ltc, o),
            _ => {}
        }
    }
    q
}

/// One step of the funnel.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelStep {
    /// Open stage id (then the won stage).
    pub stage: String,
    /// Opportunities that reached the stage or a later one, by their recorded history.
    pub reached: usize,
    /// reached(next) ÷ reached(this), percent (`None` for the last step or when none reached).
    pub conversion_pct: Option<f64>,
}

/// The funnel over the open stages and won: how many opportunities reached each, from their
/// history (an opportunity that entered at a later stage counts as having passed the earlier
/// ones; a lost one reached the furthest stage it was in before), and the conversion from each
/// step to the next.
pub fn funnel(ltc: &Ltc) -> Vec<FunnelStep> {
    let steps: Vec<(usize, &str)> = ltc
        .stages
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind != StageKind::Lost)
        .map(|(i, s)| (i, s.id.as_str()))
        .collect();
    let rank: HashMap<&str, usize> = steps
        .iter()
        .enumerate()
        .map(|(r, (_, id))| (*id, r))
        .collect();
    let mut reached_at = vec![0usize; steps.len()];
    for o in &ltc.opportunities {
        let furthest = o
            .history
            .iter()
            .map(|h| h.stage.as_str())
            .chain(std::iter::once(o.stage.as_str()))
            .filter_map(|s| rank.get(s).copied())
            .max();
        if let Some(f) = furthest {
            reached_at[f] += 1;
        }
    }
    // reached(i) = Σ over furthest ≥ i.
    let mut reached = vec![0usize; steps.len()];
    let mut acc = 0;
    for i in (0..steps.len()).rev() {
        acc += reached_at[i];
        reached[i] = acc;
    }
    steps
        .iter()
        .enumerate()
        .map(|(i, (_, id))| FunnelStep {
            stage: id.to_string(),
            reached: reached[i],
            conversion_pct: match reached.get(i + 1) {
                Some(next) if reached[i] > 0 => Some(*next as f64 * 100.0 / reached[i] as f64),
                _ => None,
            },
        })
        .collect()
}

/// The win rate of one key.
#[derive(Clone, Debug, PartialEq)]
pub struct WinRate {
    /// The key ("" for the company).
    pub key: String,
    /// Won in the year.
    pub won: usize,
    /// Lost in the year.
    pub lost: usize,
    /// won ÷ (won + lost), percent; `None` with no closed deal.
    pub rate_pct: Option<f64>,
}

/// Win rates per key of a scope over the opportunities closed (won or lost) in the year.
pub fn win_rates(ctx: &Ctx<'_>, scope: Scope) -> Vec<WinRate> {
    win_rates_where(ctx, scope, |_| true)
}

/// The win rate of one key of a scope (`None` when nothing of it closed in the year).
pub fn win_rate_of(ctx: &Ctx<'_>, scope: Scope, key: &str) -> Option<WinRate> {
    win_rates_where(ctx, scope, |k| k == key).into_iter().next()
}

/// [`win_rates`] of the keys `keep` accepts.
fn win_rates_where(ctx: &Ctx<'_>, scope: Scope, keep: impl Fn(&str) -> bool) -> Vec<WinRate> {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for o in &ctx.ltc.opportunities {
        let kind = ctx.ltc.kind_of(o);
        if kind == StageKind::Open || year_of(closed_on(o)) != Some(ctx.year) {
            continue;
        }
        if let Some(k) = opp_key(ctx, o, scope).filter(|k| keep(k)) {
            let e = counts.entry(k).or_default();
            if kind == StageKind::Won {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .map(|(k, (won, lost))| WinRate {
            key: k.to_string(),
            won,
            lost,
            rate_pct: rate(won, lost),
        })
        .collect()
}

/// won ÷ (won + lost) in percent, `None` when nothing closed.
pub fn rate(won: usize, lost: usize) -> Option<f64> {
    (won + lost > 0).then(|| won as f64 * 100.0 / (won + lost) as f64)
}

/// The weighted amount of every open opportunity (not omitted), yuan.
pub fn weighted_pipeline(ltc: &Ltc) -> f64 {
    ltc.opportunities
        .iter()
        .filter(|o| o.forecast != Forecast::Omitted)
        .map(|o| weighted(ltc, o))
        .sum()
}

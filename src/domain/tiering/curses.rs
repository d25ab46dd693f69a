//! The three curses per customer (SPEC §3.1): 进不来 can't get in, 做不大 can't grow,
//! 留不住 can't retain. Each flag carries the figures that raised it, for the UI to explain.

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};

use super::migration::purchase_in;
use super::Assignment;
use crate::domain::workspace::Customer;

/// Thresholds of the curses (editable).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CurseSettings {
    /// `growth`: share of wallet below this, in percent, two years running.
    pub low_wallet_share_pct: f64,
    /// `growth`: year-on-year change within ± this, in percent, two years running, is flat.
    pub flat_growth_pct: f64,
    /// `retention`: a year-on-year drop of more than this, in percent.
    pub drop_pct: f64,
}

impl Default for CurseSettings {
    /// 20 % share of wallet, ± 3 % flat, 30 % drop (SPEC §3.1; the flat band is our assumption).
    fn default() -> Self {
        CurseSettings {
            low_wallet_share_pct: 20.0,
            flat_growth_pct: 3.0,
            drop_pct: 30.0,
        }
    }
}

/// The curses of one customer; each present one carries its evidence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CurseFlags {
    /// 进不来: listed or targeted, but no purchase yet.
    pub entry: Option<EntryCurse>,
    /// 做不大: small share of wallet or flat purchase.
    pub growth: Option<GrowthCurse>,
    /// 留不住: purchase fell sharply, or the customer was lost.
    pub retention: Option<RetentionCurse>,
}

impl CurseFlags {
    /// True when at least one curse applies.
    pub fn any(&self) -> bool {
        self.entry.is_some() || self.growth.is_some() || self.retention.is_some()
    }
}

/// Why a customer without purchases counts as targeted (at least one field is set).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntryCurse {
    /// On the named (清单制) list.
    pub on_named_list: bool,
    /// Its industry rank, when in the industry's TOP 3.
    pub top3_rank: Option<u32>,
    /// The industry line that owns the account.
    pub industry_line: Option<String>,
    /// Its wallet, when known and positive: somebody sized the opportunity, so it is targeted.
    pub wallet: Option<f64>,
}

/// Why a customer does not grow: one or both reasons.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GrowthCurse {
    /// Share of wallet below the threshold last year and this year.
    pub low_share: Option<LowWalletShare>,
    /// Purchase flat over the last two year-pairs.
    pub flat: Option<FlatPurchase>,
}

/// Share of wallet below the threshold two years running. The wallet has no history, so
/// today's wallet is the denominator for both years.
#[derive(Clone, Debug, PartialEq)]
pub struct LowWalletShare {
    /// The wallet, yuan.
    pub wallet: f64,
    /// Purchase last year and this year, yuan.
    pub purchases: [f64; 2],
    /// Share of wallet last year and this year, %.
    pub shares_pct: [f64; 2],
    /// The threshold, %.
    pub threshold_pct: f64,
}

/// Purchase within ± the threshold year on year, twice running.
#[derive(Clone, Debug, PartialEq)]
pub struct FlatPurchase {
    /// Purchases of the three years, oldest first, yuan.
    pub purchases: [f64; 3],
    /// Year-on-year changes (the year before last → last year, last year → this year), %.
    pub changes_pct: [f64; 2],
    /// The threshold, %.
    pub threshold_pct: f64,
}

/// A sharp drop, or a lost customer.
#[derive(Clone, Debug, PartialEq)]
pub struct RetentionCurse {
    /// Purchase last year, yuan.
    pub last_year: f64,
    /// Purchase this year, yuan.
    pub this_year: f64,
    /// The drop, % of last year (100 when lost).
    pub drop_pct: f64,
    /// The threshold, %.
    pub threshold_pct: f64,
    /// Bought last year, nothing this year.
    pub lost: bool,
}

/// The curses of one customer in `this_year` (the latest history year, e.g. the last of
/// [`migration::years`](super::migration::years)).
///
/// Yearly figures come from `history` (a missing year counts as 0, see
/// [`purchase_in`]). Rules:
///
/// - `entry`: no purchase at all (`annual_purchase ≤ 0` and no positive history year) while
///   targeted: on the named list, industry rank ≤ 3, an industry line set, or a known positive
///   wallet.
/// - `growth`: the customer bought last year and this year (otherwise it is an entry or retention
///   matter) and either its share of wallet was below `low_wallet_share_pct` both years, with
///   today's wallet as the denominator for both, or — with positive purchases in all of the last
///   three years — both year-on-year changes are within ± `flat_growth_pct`.
/// - `retention`: it bought last year and this year's purchase is more than `drop_pct` below;
///   this year at 0 is "lost".
///
/// Thresholds compare exactly in yuan (e.g. `(last − this) × 100 > drop_pct × last`), so a drop
/// of exactly the threshold does not count.
pub fn curses(settings: &CurseSettings, c: &Customer, this_year: i32) -> CurseFlags {
    let p = |y: i32| purchase_in(c, y);
    // Saturating: years come from user files and may be absurd.
    let (p2, p1, p0) = (
        p(this_year.saturating_sub(2)),
        p(this_year.saturating_sub(1)),
        p(this_year),
    );
    CurseFlags {
        entry: entry(c),
        growth: growth(settings, c, [p2, p1, p0]),
        retention: retention(settings, p1, p0),
    }
}

fn entry(c: &Customer) -> Option<EntryCurse> {
    let bought = c.annual_purchase > 0.0 || c.history.iter().any(|h| h.annual_purchase > 0.0);
    if bought {
        return None;
    }
    let line = c
        .industry_line
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    let curse = EntryCurse {
        on_named_list: c.on_named_list,
        top3_rank: c.industry_rank.filter(|r| (1..=3).contains(r)),
        industry_line: line.map(str::to_string),
        wallet: c.wallet.filter(|w| w.is_finite() && *w > 0.0),
    };
    let targeted = curse.on_named_list
        || curse.top3_rank.is_some()
        || curse.industry_line.is_some()
        || curse.wallet.is_some();
    targeted.then_some(curse)
}

fn growth(settings: &CurseSettings, c: &Customer, [p2, p1, p0]: [f64; 3]) -> Option<GrowthCurse> {
    if !(p1 > 0.0 && p0 > 0.0) {
        return None;
    }
    let threshold = settings.low_wallet_share_pct;
    let low_share = c
        .wallet
        .filter(|w| w.is_finite() && *w > 0.0)
        .filter(|&w| p1 * 100.0 < threshold * w && p0 * 100.0 < threshold * w)
        .map(|wallet| LowWalletShare {
            wallet,
            purchases: [p1, p0],
            shares_pct: [p1 / wallet * 100.0, p0 / wallet * 100.0],
            threshold_pct: threshold,
        });
    let flat_limit = settings.flat_growth_pct;
    let within = |a: f64, b: f64| (b - a).abs() * 100.0 <= flat_limit * a;
    let flat = (p2 > 0.0 && within(p2, p1) && within(p1, p0)).then(|| FlatPurchase {
        purchases: [p2, p1, p0],
        changes_pct: [(p1 / p2 - 1.0) * 100.0, (p0 / p1 - 1.0) * 100.0],
        threshold_pct: flat_limit,
    });
    (low_share.is_some() || flat.is_some()).then_some(GrowthCurse { low_share, flat })
}

fn retention(settings: &CurseSettings, last: f64, this: f64) -> Option<RetentionCurse> {
    let this = this.max(0.0);
    let fires = last > 0.0 && (last - this) * 100.0 > settings.drop_pct * last;
    fires.then(|| RetentionCurse {
        last_year: last,
        this_year: this,
        drop_pct: (last - this) / last * 100.0,
        threshold_pct: settings.drop_pct,
        lost: this == 0.0,
    })
}

/// What the customers' data can decide about the curses in `this_year`. A curse that cannot be
/// decided is never raised, so without this a table of zeros would read as "no curse".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CurseCoverage {
    /// Some customer has a purchase history (at least one year).
    pub history: bool,
    /// `entry` can be decided: some customer has a non-zero annual purchase or a history, so a
    /// customer without purchases did not buy rather than lacks the figure.
    pub entry: bool,
    /// `growth` and `retention` can be decided: some customer has a history entry for the year
    /// before `this_year` — both compare a year with the one before.
    pub year_on_year: bool,
}

impl CurseCoverage {
    /// True when no curse can be decided.
    pub fn none(&self) -> bool {
        !self.entry && !self.year_on_year
    }
}

/// What `customers`' data can decide about the curses in `this_year` (see [`CurseCoverage`]).
pub fn curse_coverage<C: Borrow<Customer>>(customers: &[C], this_year: i32) -> CurseCoverage {
    let previous = this_year.saturating_sub(1);
    let mut out = CurseCoverage::default();
    for c in customers {
        let c = c.borrow();
        out.history |= !c.history.is_empty();
        out.entry |=
            !c.history.is_empty() || (c.annual_purchase.is_finite() && c.annual_purchase != 0.0);
        out.year_on_year |= c.history.iter().any(|h| h.year == previous);
    }
    out
}

/// How many customers carry each curse.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CurseCounts {
    /// With the entry curse.
    pub entry: usize,
    /// With the growth curse.
    pub growth: usize,
    /// With the retention curse.
    pub retention: usize,
    /// With at least one curse.
    pub any: usize,
}

impl CurseCounts {
    fn add(&mut self, f: &CurseFlags) {
        self.entry += usize::from(f.entry.is_some());
        self.growth += usize::from(f.growth.is_some());
        self.retention += usize::from(f.retention.is_some());
        self.any += usize::from(f.any());
    }
}

/// Curse counts over all customers in `this_year` (for the overview).
pub fn count_curses<C: Borrow<Customer>>(
    settings: &CurseSettings,
    customers: &[C],
    this_year: i32,
) -> CurseCounts {
    let mut out = CurseCounts::default();
    for c in customers {
        out.add(&curses(settings, c.borrow(), this_year));
    }
    out
}

/// Curse counts per tier (`tiers` entries; `assignments` in customer order, as from
/// `TieringConfig::assign_all`). Customers without a tier, or with a tier index out of range, are
/// left out.
pub fn count_curses_by_tier<C: Borrow<Customer>>(
    settings: &CurseSettings,
    customers: &[C],
    assignments: &[Option<Assignment>],
    tiers: usize,
    this_year: i32,
) -> Vec<CurseCounts> {
    let mut out = vec![CurseCounts::default(); tiers];
    for (c, a) in customers.iter().zip(assignments) {
        let Some(counts) = a.as_ref().and_then(|a| out.get_mut(a.tier)) else {
            continue;
        };
        counts.add(&curses(settings, c.borrow(), this_year));
    }
    out
}

/// Bit of the entry curse in [`curse_bits`].
pub const ENTRY_BIT: u8 = 1;
/// Bit of the growth curse in [`curse_bits`].
pub const GROWTH_BIT: u8 = 2;
/// Bit of the retention curse in [`curse_bits`].
pub const RETENTION_BIT: u8 = 4;

/// The curses of every customer as bits (for filtering large tables cheaply): entry = 1,
/// growth = 2, retention = 4.
pub fn curse_bits<C: Borrow<Customer>>(
    settings: &CurseSettings,
    customers: &[C],
    this_year: i32,
) -> Vec<u8> {
    customers
        .iter()
        .map(|c| {
            let f = curses(settings, c.borrow(), this_year);
            (if f.entry.is_some() { ENTRY_BIT } else { 0 })
                | (if f.growth.is_some() { GROWTH_BIT } else { 0 })
                | (if f.retention.is_some() {
                    RETENTION_BIT
                } else {
                    0
                })
        })
        .collect()
}

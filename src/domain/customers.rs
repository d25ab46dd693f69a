//! The customer list (SPEC §2, §3.1 outputs): checking a customer before it is saved, reading the
//! amounts typed into the customer form, choosing which customers the table shows, in which
//! order, and telling which figures the list carries at all ([`Coverage`]).
//!
//! Sorting is locale-neutral: text compares by Unicode code point (so Chinese names are not in
//! pinyin order), the same in every browser and natively. Missing figures (no margin, no wallet,
//! no growth, no tier) and blank texts always come last, in both directions. Ties are broken by
//! name, then id, always ascending, so the order is stable whatever the column.

use std::collections::{BTreeMap, BTreeSet};

use thiserror::Error;

mod coverage;
mod select;
pub use coverage::Coverage;
pub use select::{facets, select, select_indexed, CurseKind, Facets, Query, SearchIndex, SortKey};

use super::values;
use super::workspace::{Customer, TierOverride};
use crate::domain::sort::sort_by_key;

/// A field of the customer form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CustomerField {
    /// Company name.
    Name,
    /// Owning industry line.
    IndustryLine,
    /// Annual purchase, yuan.
    AnnualPurchase,
    /// Our revenue, yuan.
    Revenue,
    /// Gross margin, %.
    GrossMarginPct,
    /// Customer's category spend, yuan.
    Wallet,
    /// Growth, %.
    GrowthPct,
    /// Rank in the industry.
    IndustryRank,
    /// Years of cooperation.
    YearsOfCooperation,
    /// Purchase history.
    History,
    /// Manual tier.
    TierOverride,
}

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The field must be filled in (a name; the reason of an override).
    Required,
    /// The text is not an amount or number ("abc", "1,2").
    NotANumber(String),
    /// The text is not a whole number (rank, years).
    NotAWholeNumber(String),
    /// Infinite or NaN.
    NotFinite,
    /// Below zero where only zero or more makes sense.
    Negative,
    /// Outside `min..=max`.
    OutOfRange {
        /// Lowest allowed.
        min: f64,
        /// Highest allowed.
        max: f64,
    },
    /// An industry line the workspace does not have.
    UnknownIndustryLine(String),
    /// Rank 0 (ranks start at 1).
    ZeroRank,
    /// The same year appears more than once in the history.
    DuplicateYears(Vec<i32>),
}

/// A problem with a field.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldProblem {
    /// Which field.
    pub field: CustomerField,
    /// What is wrong.
    pub problem: Problem,
}

fn problem(field: CustomerField, problem: Problem) -> FieldProblem {
    FieldProblem { field, problem }
}

/// Checks a customer before it is saved: every problem, per field, in form order. An empty
/// result means the customer can be saved. Revenue may be negative (refunds); annual purchase and
/// wallet may not. `industry_lines` are the workspace's lines; a blank line counts as none.
pub fn check(c: &Customer, industry_lines: &[String]) -> Vec<FieldProblem> {
    use CustomerField as F;
    let mut out = Vec::new();
    if c.name.trim().is_empty() {
        out.push(problem(F::Name, Problem::Required));
    }
    if let Some(line) = c.industry_line.as_deref().map(str::trim) {
        if !line.is_empty() && !industry_lines.iter().any(|l| l.trim() == line) {
            out.push(problem(
                F::IndustryLine,
                Problem::UnknownIndustryLine(line.to_string()),
            ));
        }
    }
    let non_negative = [
        (F::AnnualPurchase, Some(c.annual_purchase)),
        (F::Revenue, Some(c.revenue)),
        (F::GrossMarginPct, c.gross_margin_pct),
        (F::Wallet, c.wallet),
        (F::GrowthPct, c.growth_pct),
    ];
    for (field, value) in non_negative {
        let Some(v) = value else { continue };
        if !v.is_finite() {
            out.push(problem(field, Problem::NotFinite));
        } else if matches!(field, F::AnnualPurchase | F::Wallet) && v < 0.0 {
            out.push(problem(field, Problem::Negative));
        } else if field == F::GrossMarginPct && !(-100.0..=100.0).contains(&v) {
            let range = Problem::OutOfRange {
                min: -100.0,
                max: 100.0,
            };
            out.push(problem(field, range));
        } else if field == F::GrowthPct && v < -100.0 {
            let range = Problem::OutOfRange {
                min: -100.0,
                max: f64::INFINITY,
            };
            out.push(problem(field, range));
        }
    }
    if c.industry_rank == Some(0) {
        out.push(problem(F::IndustryRank, Problem::ZeroRank));
    }
    let mut seen = BTreeMap::new();
    for y in &c.history {
        *seen.entry(y.year).or_insert(0usize) += 1;
    }
    let dup: Vec<i32> = seen
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(y, _)| y)
        .collect();
    if !dup.is_empty() {
        out.push(problem(F::History, Problem::DuplicateYears(dup)));
    }
    if c.tier_override
        .as_ref()
        .is_some_and(|o| o.reason.trim().is_empty())
    {
        out.push(problem(F::TierOverride, Problem::Required));
    }
    out
}

/// Why a typed amount could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AmountError {
    /// Nothing was typed.
    #[error("no amount was given")]
    Empty,
    /// The text is not an amount.
    #[error("“{0}” is not an amount (examples: 1,200,000 · 120万 · 1.2亿 · 1.2e6 · ¥1.2M)")]
    NotANumber(String),
    /// The amount is too large to be real.
    #[error("“{0}” is too large")]
    NotFinite(String),
}

/// Reads an amount typed into the form: `1,200,000`, `120万`, `1.2亿`, `1.2e6`, `¥1.2M`, `500K`,
/// `3千万`, `12 000`, `120万元`, full-width digits (`１２０万`). Commas must group thousands
/// (`1,2` is refused rather than guessed). Negative amounts are read (`check` decides whether
/// they are allowed).
pub fn parse_amount_field(text: &str) -> Result<f64, AmountError> {
    form_error(text, values::parse_amount(text))
}

/// The form's error for what a value reader said about `text`.
fn form_error(text: &str, read: Result<f64, values::AmountError>) -> Result<f64, AmountError> {
    let typed = text.trim();
    read.map_err(|e| match e {
        values::AmountError::Empty if typed.is_empty() => AmountError::Empty,
        values::AmountError::TooLarge => AmountError::NotFinite(typed.to_string()),
        _ => AmountError::NotANumber(typed.to_string()),
    })
}

/// Reads a percentage typed into the form: `32.5`, `32.5%`, `-4 %` (no unit suffixes).
pub fn parse_percent_field(text: &str) -> Result<f64, AmountError> {
    form_error(text, values::parse_percent(text))
}

/// The customer form as typed: every field a text (or a flag), so nothing typed is lost while it
/// is wrong. [`CustomerDraft::build`] turns it into a customer or says what is wrong.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CustomerDraft {
    /// Company name.
    pub name: String,
    /// Industry.
    pub industry: String,
    /// Industry line; empty for none.
    pub industry_line: String,
    /// Region.
    pub region: String,
    /// Annual purchase (empty = 0).
    pub annual_purchase: String,
    /// Revenue (empty = 0).
    pub revenue: String,
    /// Gross margin % (empty = unknown).
    pub gross_margin_pct: String,
    /// Wallet (empty = unknown).
    pub wallet: String,
    /// Growth % (empty = derived from history).
    pub growth_pct: String,
    /// Industry rank (empty = none).
    pub industry_rank: String,
    /// On the named list.
    pub on_named_list: bool,
    /// Repeat purchase.
    pub repeat_purchase: bool,
    /// Years of cooperation (empty = 0).
    pub years_of_cooperation: String,
    /// Tags separated by commas (`,` `，` `;` `、`).
    pub tags: String,
    /// Notes.
    pub notes: String,
    /// Override tier id; empty for none.
    pub override_tier: String,
    /// Override reason.
    pub override_reason: String,
}

/// A number for a form field: plain digits with thousands separators (reads back exactly).
fn amount_text(v: f64) -> String {
    super::number::group_thousands(&format!("{v}"))
}

impl CustomerDraft {
    /// The form filled with a stored customer.
    pub fn from_customer(c: &Customer) -> CustomerDraft {
        let opt = |v: Option<f64>, f: fn(f64) -> String| v.map(f).unwrap_or_default();
        let ov = c.tier_override.as_ref();
        CustomerDraft {
            name: c.name.clone(),
            industry: c.industry.clone(),
            industry_line: c.industry_line.clone().unwrap_or_default(),
            region: c.region.clone(),
            annual_purchase: amount_text(c.annual_purchase),
            revenue: amount_text(c.revenue),
            gross_margin_pct: opt(c.gross_margin_pct, |v| format!("{v}")),
            wallet: opt(c.wallet, amount_text),
            growth_pct: opt(c.growth_pct, |v| format!("{v}")),
            industry_rank: c.industry_rank.map(|r| r.to_string()).unwrap_or_default(),
            on_named_list: c.on_named_list,
            repeat_purchase: c.repeat_purchase,
            years_of_cooperation: c.years_of_cooperation.to_string(),
            tags: c.tags.join(", "),
            notes: c.notes.clone(),
            override_tier: ov.map(|o| o.tier.clone()).unwrap_or_default(),
            override_reason: ov.map(|o| o.reason.clone()).unwrap_or_default(),
        }
    }

    /// The customer this form describes, built on `base` (which keeps the id, owner, history and
    /// anything the form does not show), or every problem found. Amount errors and [`check`]'s
    /// problems are reported together, one per field at most, in form order.
    pub fn build(
        &self,
        base: &Customer,
        industry_lines: &[String],
    ) -> Result<Customer, Vec<FieldProblem>> {
        use CustomerField as F;
        let mut errors: Vec<FieldProblem> = Vec::new();
        let mut read = |field, text: &str, percent: bool, empty: Option<f64>| {
            if text.trim().is_empty() {
                return empty;
            }
            let parsed = if percent {
                parse_percent_field(text)
            } else {
                parse_amount_field(text)
            };
            match parsed {
                Ok(v) => Some(v),
                Err(AmountError::NotFinite(_)) => {
                    errors.push(problem(field, Problem::NotFinite));
                    None
                }
                Err(_) => {
                    errors.push(problem(field, Problem::NotANumber(text.trim().to_string())));
                    None
                }
            }
        };
        let annual_purchase = read(F::AnnualPurchase, &self.annual_purchase, false, Some(0.0));
        let revenue = read(F::Revenue, &self.revenue, false, Some(0.0));
        let gross_margin_pct = read(F::GrossMarginPct, &self.gross_margin_pct, true, None);
        let wallet = read(F::Wallet, &self.wallet, false, None);
        let growth_pct = read(F::GrowthPct, &self.growth_pct, true, None);
        let mut whole = |field, text: &str| -> Option<u32> {
            let t = text.trim();
            if t.is_empty() {
                return None;
            }
            let parsed = t.parse::<u32>().ok();
            if parsed.is_none() {
                errors.push(problem(field, Problem::NotAWholeNumber(t.to_string())));
            }
            parsed
        };
        let industry_rank = whole(F::IndustryRank, &self.industry_rank);
        let years = whole(F::YearsOfCooperation, &self.years_of_cooperation);
        let line = self.industry_line.trim();
        let tier = self.override_tier.trim();
        let c = Customer {
            name: self.name.trim().to_string(),
            industry: self.industry.trim().to_string(),
            industry_line: (!line.is_empty()).then(|| line.to_string()),
            region: self.region.trim().to_string(),
            annual_purchase: annual_purchase.unwrap_or(base.annual_purchase),
            revenue: revenue.unwrap_or(base.revenue),
            gross_margin_pct,
            wallet,
            growth_pct,
            industry_rank,
            on_named_list: self.on_named_list,
            repeat_purchase: self.repeat_purchase,
            years_of_cooperation: years.unwrap_or(0),
            tags: split_tags(&self.tags),
            notes: self.notes.trim_end().to_string(),
            tier_override: (!tier.is_empty()).then(|| TierOverride {
                tier: tier.to_string(),
                reason: self.override_reason.trim().to_string(),
            }),
            ..base.clone()
        };
        for p in check(&c, industry_lines) {
            if !errors.iter().any(|e| e.field == p.field) {
                errors.push(p);
            }
        }
        if errors.is_empty() {
            Ok(c)
        } else {
            sort_by_key(&mut errors, |e| e.field);
            Err(errors)
        }
    }
}

/// Splits a tag list on `,` `，` `;` `；` `、`, trimmed, blanks and repeats dropped.
pub fn split_tags(text: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    text.split([',', '，', ';', '；', '、'])
        .map(str::trim)
        .filter(|t| !t.is_empty() && seen.insert(t.to_string()))
        .map(str::to_string)
        .collect()
}

//! Which figures a customer list actually carries. A workbook without an annual-purchase column
//! imports every customer at 0 — indistinguishable, figure by figure, from a customer that bought
//! nothing. Across the whole list it is not: when *no* customer has a value, the column was never
//! there, and every total, share and rule built on it would describe the missing column rather
//! than the customers.

use std::borrow::Borrow;

use crate::domain::tiering::Field;
use crate::domain::workspace::Customer;

/// Which figures of a customer list carry data. A figure is *without data* when no customer has a
/// value other than the one a customer gets when nothing was given for it (0 for amounts and
/// years, `None` for optional figures, an empty history). Non-finite values do not count as data.
///
/// Yes/no and text fields (named list, repeat purchase, industry line, tags) are not tracked:
/// "no" or "none" for every customer is a plausible answer, so their absence cannot be told from
/// their value. An empty list has no data at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// How many customers were looked at.
    pub customers: usize,
    /// Some customer has a non-zero annual purchase (年采购额).
    pub annual_purchase: bool,
    /// Some customer has a non-zero revenue (收入).
    pub revenue: bool,
    /// Some customer has a gross margin.
    pub gross_margin: bool,
    /// Some customer has a positive wallet (category spend), the denominator of share of wallet.
    pub wallet: bool,
    /// Some customer has a growth figure, stored or derived from two years of history.
    pub growth: bool,
    /// Some customer has an industry rank.
    pub industry_rank: bool,
    /// Some customer has at least one year of cooperation.
    pub years_of_cooperation: bool,
    /// Some customer has a purchase history (at least one year).
    pub history: bool,
}

fn finite_non_zero(v: f64) -> bool {
    v.is_finite() && v != 0.0
}

impl Coverage {
    /// The coverage of `customers`.
    pub fn of<C: Borrow<Customer>>(customers: &[C]) -> Coverage {
        let mut out = Coverage {
            customers: customers.len(),
            ..Coverage::default()
        };
        for c in customers {
            let c = c.borrow();
            out.annual_purchase |= finite_non_zero(c.annual_purchase);
            out.revenue |= finite_non_zero(c.revenue);
            out.gross_margin |= c.gross_margin_pct.is_some_and(f64::is_finite);
            out.wallet |= c.wallet.is_some_and(|w| w.is_finite() && w > 0.0);
            out.growth |= c.effective_growth_pct().is_some_and(f64::is_finite);
            out.industry_rank |= c.industry_rank.is_some();
            out.years_of_cooperation |= c.years_of_cooperation > 0;
            out.history |= !c.history.is_empty();
        }
        out
    }

    /// True when the rule or score field `field` carries data. Share of wallet needs both a
    /// wallet and an annual purchase (without purchases every share would read 0 %). Yes/no and
    /// text fields always count as carrying data (see [`Coverage`]).
    pub fn has_field(&self, field: Field) -> bool {
        match field {
            Field::AnnualPurchase => self.annual_purchase,
            Field::Revenue => self.revenue,
            Field::GrossMarginPct => self.gross_margin,
            Field::ShareOfWallet => self.wallet && self.annual_purchase,
            Field::GrowthPct => self.growth,
            Field::IndustryRank => self.industry_rank,
            Field::YearsOfCooperation => self.years_of_cooperation,
            Field::OnNamedList | Field::IndustryLine | Field::RepeatPurchase | Field::Tag => true,
        }
    }

    /// The rule and score fields without data, in the order of [`Field::ALL`].
    pub fn fields_without_data(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| !self.has_field(*f))
            .collect()
    }
}

//! Rules: `field op value` conditions joined by `any` or `all`, and how a customer is tested
//! against them.

use serde::{Deserialize, Serialize};

use crate::domain::workspace::Customer;

/// Conditions joined by `any` or `all`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rule {
    /// How the conditions combine.
    pub join: Join,
    /// The conditions; an empty rule never matches.
    pub conditions: Vec<Condition>,
}

/// How a rule's conditions combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Join {
    /// At least one condition holds.
    #[default]
    Any,
    /// Every condition holds.
    All,
}

/// The customer fields a condition can test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// 年采购额, yuan.
    AnnualPurchase,
    /// Our revenue, yuan.
    Revenue,
    /// Gross margin, %.
    GrossMarginPct,
    /// Share of wallet, %.
    ShareOfWallet,
    /// Growth, %.
    GrowthPct,
    /// Rank in the industry.
    IndustryRank,
    /// On the named list, or industry rank ≤ 3 (行业TOP3).
    OnNamedList,
    /// Owning industry line (text; `is_true` = set).
    IndustryLine,
    /// Repeat purchase.
    RepeatPurchase,
    /// Years of cooperation.
    YearsOfCooperation,
    /// A tag (`=`/`in` on the tag list).
    Tag,
}

impl Field {
    /// Every field, in the order the rule builder lists them.
    pub const ALL: [Field; 11] = [
        Field::AnnualPurchase,
        Field::Revenue,
        Field::GrossMarginPct,
        Field::ShareOfWallet,
        Field::GrowthPct,
        Field::IndustryRank,
        Field::OnNamedList,
        Field::IndustryLine,
        Field::RepeatPurchase,
        Field::YearsOfCooperation,
        Field::Tag,
    ];

    /// The snake_case identifier (also the i18n key suffix).
    pub fn key(self) -> &'static str {
        match self {
            Field::AnnualPurchase => "annual_purchase",
            Field::Revenue => "revenue",
            Field::GrossMarginPct => "gross_margin_pct",
            Field::ShareOfWallet => "share_of_wallet",
            Field::GrowthPct => "growth_pct",
            Field::IndustryRank => "industry_rank",
            Field::OnNamedList => "on_named_list",
            Field::IndustryLine => "industry_line",
            Field::RepeatPurchase => "repeat_purchase",
            Field::YearsOfCooperation => "years_of_cooperation",
            Field::Tag => "tag",
        }
    }

    /// True for fields holding money (formatted as 万/亿).
    pub fn is_money(self) -> bool {
        matches!(self, Field::AnnualPurchase | Field::Revenue)
    }
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// `>=`
    #[serde(rename = ">=")]
    Ge,
    /// `>`
    #[serde(rename = ">")]
    Gt,
    /// `<=`
    #[serde(rename = "<=")]
    Le,
    /// `<`
    #[serde(rename = "<")]
    Lt,
    /// `=`
    #[serde(rename = "=")]
    Eq,
    /// value is one of a list
    #[serde(rename = "in")]
    In,
    /// flag set / text non-empty
    #[serde(rename = "is-true")]
    IsTrue,
    /// flag unset / text empty
    #[serde(rename = "is-false")]
    IsFalse,
}

impl Op {
    /// The symbol shown in explanations.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Ge => "≥",
            Op::Gt => ">",
            Op::Le => "≤",
            Op::Lt => "<",
            Op::Eq => "=",
            Op::In => "∈",
            Op::IsTrue => "",
            Op::IsFalse => "",
        }
    }
}

/// The right-hand side of a condition.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CondValue {
    /// No value (for `is-true` / `is-false`).
    #[default]
    None,
    /// A number.
    Number(f64),
    /// A text.
    Text(String),
    /// A list of texts (for `in`).
    List(Vec<String>),
}

/// `field op value`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    /// Which customer field.
    pub field: Field,
    /// Comparison.
    pub op: Op,
    /// Compared against.
    #[serde(default)]
    pub value: CondValue,
}

impl Condition {
    /// A numeric comparison.
    pub fn number(field: Field, op: Op, value: f64) -> Condition {
        Condition {
            field,
            op,
            value: CondValue::Number(value),
        }
    }

    /// A flag test (`is-true` / `is-false`).
    pub fn flag(field: Field, op: Op) -> Condition {
        Condition {
            field,
            op,
            value: CondValue::None,
        }
    }

    /// Whether the customer satisfies the condition. A missing figure (no wallet, no rank) never matches.
    pub fn matches(&self, c: &Customer) -> bool {
        match self.field {
            Field::AnnualPurchase => self.cmp_number(Some(c.annual_purchase)),
            Field::Revenue => self.cmp_number(Some(c.revenue)),
            Field::GrossMarginPct => self.cmp_number(c.gross_margin_pct),
            Field::ShareOfWallet => self.cmp_number(c.share_of_wallet_pct()),
            Field::GrowthPct => self.cmp_number(c.effective_growth_pct()),
            Field::IndustryRank => self.cmp_number(c.industry_rank.map(f64::from)),
            Field::YearsOfCooperation => self.cmp_number(Some(f64::from(c.years_of_cooperation))),
            Field::OnNamedList => {
                let top3 = c.on_named_list || c.industry_rank.is_some_and(|r| (1..=3).contains(&r));
                self.cmp_flag(top3)
            }
            Field::RepeatPurchase => self.cmp_flag(c.repeat_purchase),
            Field::IndustryLine => {
                let line = c.industry_line.as_deref().map(str::trim).unwrap_or("");
                match self.op {
                    Op::IsTrue => !line.is_empty(),
                    Op::IsFalse => line.is_empty(),
                    _ => self.cmp_text(std::iter::once(line)),
                }
            }
            Field::Tag => match self.op {
                Op::IsTrue => !c.tags.is_empty(),
                Op::IsFalse => c.tags.is_empty(),
                _ => self.cmp_text(c.tags.iter().map(String::as_str)),
            },
        }
    }

    fn cmp_number(&self, actual: Option<f64>) -> bool {
        let Some(a) = actual.filter(|a| a.is_finite()) else {
            return false;
        };
        let v = match &self.value {
            CondValue::Number(v) => *v,
            CondValue::Text(t) => match t.trim().parse::<f64>() {
                Ok(v) => v,
                Err(_) => return false,
            },
            CondValue::List(list) => {
                return self.op == Op::In
                    && list.iter().any(|t| t.trim().parse::<f64>().ok() == Some(a));
            }
            CondValue::None => return self.cmp_flag(a != 0.0),
        };
        match self.op {
            Op::Ge => a >= v,
            Op::Gt => a > v,
            Op::Le => a <= v,
            Op::Lt => a < v,
            Op::Eq | Op::In => a == v,
            Op::IsTrue => a != 0.0,
            Op::IsFalse => a == 0.0,
        }
    }

    fn cmp_flag(&self, actual: bool) -> bool {
        match self.op {
            Op::IsFalse => !actual,
            Op::Eq => match &self.value {
                CondValue::Number(v) => actual == (*v != 0.0),
                CondValue::Text(t) => actual == matches!(t.trim(), "true" | "1" | "是" | "yes"),
                _ => actual,
            },
            _ => actual,
        }
    }

    fn cmp_text<'a>(&self, mut actual: impl Iterator<Item = &'a str>) -> bool {
        match (&self.value, self.op) {
            (CondValue::Text(t), Op::Eq | Op::In) => actual.any(|a| a == t.trim()),
            (CondValue::List(list), Op::Eq | Op::In) => {
                actual.any(|a| list.iter().any(|t| t.trim() == a))
            }
            _ => false,
        }
    }
}

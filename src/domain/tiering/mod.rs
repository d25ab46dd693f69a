//! Customer tiering in rule mode (SPEC §3.1): ordered tiers, each but the last with a rule; a
//! customer gets the first tier top-down whose rule matches, the last tier catches the rest, and a
//! manual override wins. Every assignment carries its explanation.

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};

use super::workspace::Customer;

/// Ordered tiers, top (rank 1) first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TieringConfig {
    /// Tiers from the top down; the last one is the catch-all and its rule is ignored.
    pub tiers: Vec<Tier>,
}

/// One tier.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Tier {
    /// Stable id (`strategic`, `value`, … for the defaults).
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Display colour, `#rrggbb`.
    pub color: String,
    /// Target share of customers in percent.
    pub target_share_pct: f64,
    /// Membership rule; `None` (or on the last tier) means catch-all.
    pub rule: Option<Rule>,
}

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

/// Why a customer is in its tier.
#[derive(Clone, Debug, PartialEq)]
pub enum Explanation {
    /// The tier's rule matched; `conditions` are the ones that held (all of them for `all`).
    Matched {
        /// How the rule joins its conditions.
        join: Join,
        /// The conditions that held.
        conditions: Vec<Condition>,
    },
    /// A manual override put it there.
    Override {
        /// The reason given.
        reason: String,
    },
    /// No rule matched; the last tier caught it.
    CatchAll,
}

/// A customer's tier and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Assignment {
    /// Index into `TieringConfig::tiers`.
    pub tier: usize,
    /// Why.
    pub explanation: Explanation,
}

impl TieringConfig {
    /// Position of the tier with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t.id == id)
    }

    /// The tier of one customer, with its explanation. `None` only when there are no tiers.
    pub fn assign(&self, c: &Customer) -> Option<Assignment> {
        let last = self.tiers.len().checked_sub(1)?;
        if let Some(ov) = &c.tier_override {
            if let Some(tier) = self.index_of(&ov.tier) {
                return Some(Assignment {
                    tier,
                    explanation: Explanation::Override {
                        reason: ov.reason.clone(),
                    },
                });
            }
        }
        for (i, tier) in self.tiers[..last].iter().enumerate() {
            let Some(rule) = &tier.rule else { continue };
            let held: Vec<&Condition> = rule.conditions.iter().filter(|k| k.matches(c)).collect();
            let hit = match rule.join {
                Join::Any => !held.is_empty(),
                Join::All => !rule.conditions.is_empty() && held.len() == rule.conditions.len(),
            };
            if hit {
                return Some(Assignment {
                    tier: i,
                    explanation: Explanation::Matched {
                        join: rule.join,
                        conditions: held.into_iter().cloned().collect(),
                    },
                });
            }
        }
        Some(Assignment {
            tier: last,
            explanation: Explanation::CatchAll,
        })
    }

    /// Tiers of all customers, in customer order.
    pub fn assign_all<C: Borrow<Customer>>(&self, customers: &[C]) -> Vec<Option<Assignment>> {
        customers.iter().map(|c| self.assign(c.borrow())).collect()
    }
}

impl Default for TieringConfig {
    /// The five default tiers of SPEC §3.1.
    ///
    /// The source gives no rule for 普通客户; we read it as "buys from us repeatedly"
    /// (annual purchase > 0 **and** repeat purchase), leaving one-off buyers and non-buyers to
    /// 一般客户. That is the distinction the source itself calls hardly meaningful.
    fn default() -> Self {
        use Field::*;
        let tier =
            |id: &str, zh: &str, en: &str, color: &str, target: f64, rule: Option<Rule>| Tier {
                id: id.to_string(),
                name_zh: zh.to_string(),
                name_en: en.to_string(),
                color: color.to_string(),
                target_share_pct: target,
                rule,
            };
        TieringConfig {
            tiers: vec![
                tier(
                    "strategic",
                    "战略客户",
                    "Strategic",
                    "#1f4e79",
                    5.0,
                    Some(Rule {
                        join: Join::Any,
                        conditions: vec![
                            Condition::number(AnnualPurchase, Op::Ge, 10_000_000.0),
                            Condition::flag(OnNamedList, Op::IsTrue),
                        ],
                    }),
                ),
                tier(
                    "value",
                    "价值客户",
                    "Value",
                    "#2e7d6b",
                    10.0,
                    Some(Rule {
                        join: Join::Any,
                        conditions: vec![
                            Condition::flag(IndustryLine, Op::IsTrue),
                            Condition::number(AnnualPurchase, Op::Ge, 5_000_000.0),
                        ],
                    }),
                ),
                tier(
                    "potential",
                    "潜力客户",
                    "Potential",
                    "#c98a1a",
                    30.0,
                    Some(Rule {
                        join: Join::All,
                        conditions: vec![
                            Condition::number(AnnualPurchase, Op::Ge, 1_000_000.0),
                            Condition::flag(RepeatPurchase, Op::IsTrue),
                        ],
                    }),
                ),
                tier(
                    "ordinary",
                    "普通客户",
                    "Ordinary",
                    "#6b7a90",
                    30.0,
                    Some(Rule {
                        join: Join::All,
                        conditions: vec![
                            Condition::number(AnnualPurchase, Op::Gt, 0.0),
                            Condition::flag(RepeatPurchase, Op::IsTrue),
                        ],
                    }),
                ),
                tier("general", "一般客户", "General", "#aab4c3", 25.0, None),
            ],
        }
    }
}

/// Figures of one tier.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TierStats {
    /// Customers in the tier.
    pub count: usize,
    /// Share of all customers, %.
    pub count_share_pct: f64,
    /// Sum of our revenue, yuan.
    pub revenue: f64,
    /// Share of all revenue, % (0 when total revenue is not positive).
    pub revenue_share_pct: f64,
    /// Median annual purchase, yuan.
    pub median_purchase: f64,
    /// Mean annual purchase, yuan.
    pub mean_purchase: f64,
}

/// Per-tier figures for the given assignments (same order as `customers`).
pub fn distribution<C: Borrow<Customer>>(
    config: &TieringConfig,
    customers: &[C],
    assignments: &[Option<Assignment>],
) -> Vec<TierStats> {
    let mut purchases: Vec<Vec<f64>> = vec![Vec::new(); config.tiers.len()];
    let mut revenue = vec![0.0; config.tiers.len()];
    for (c, a) in customers.iter().zip(assignments) {
        let c = c.borrow();
        if let Some(a) = a {
            purchases[a.tier].push(c.annual_purchase);
            revenue[a.tier] += c.revenue;
        }
    }
    let total = customers.len().max(1) as f64;
    let total_revenue: f64 = revenue.iter().sum();
    purchases
        .into_iter()
        .zip(revenue)
        .map(|(mut p, rev)| {
            let count = p.len();
            p.sort_by(f64::total_cmp);
            TierStats {
                count,
                count_share_pct: count as f64 / total * 100.0,
                revenue: rev,
                revenue_share_pct: if total_revenue > 0.0 {
                    rev / total_revenue * 100.0
                } else {
                    0.0
                },
                median_purchase: median_sorted(&p),
                mean_purchase: if count > 0 {
                    p.iter().sum::<f64>() / count as f64
                } else {
                    0.0
                },
            }
        })
        .collect()
}

/// Median of an ascending slice; 0 for an empty one.
pub fn median_sorted(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => sorted[n / 2],
        _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

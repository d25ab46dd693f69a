//! Customer tiering (SPEC §3.1). In rule mode tiers are ordered top (rank 1) to bottom, each but
//! the last with a rule; a customer gets the first tier top-down whose rule matches and the last
//! tier catches the rest. In score mode weighted dimensions give every customer a score 0–100 and
//! tiers follow from score cut-offs or target shares. A manual override always wins. Every
//! assignment carries its explanation.

pub mod curses;
pub mod diagnostics;
pub mod gaps;
pub mod migration;
pub mod rules;
pub mod score;

use std::borrow::Borrow;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::workspace::Customer;
pub use curses::CurseSettings;
pub use diagnostics::DiagnosticSettings;
pub use gaps::DataGap;
pub use rules::{CondValue, Condition, Field, Join, Op, Rule};
pub use score::{ScoreAssign, ScoreDimension, ScoreMapping, ScoreModel};

/// Ordered tiers, top (rank 1) first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TieringConfig {
    /// Rules or scores.
    pub mode: Mode,
    /// Tiers from the top down; the last one is the catch-all and its rule is ignored.
    pub tiers: Vec<Tier>,
    /// The score model used in score mode.
    pub score: ScoreModel,
    /// Thresholds of the structure diagnostics.
    pub diagnostics: DiagnosticSettings,
    /// Thresholds of the three curses.
    pub curses: CurseSettings,
    /// Last change of the mode, score model or thresholds (not of the tiers, which carry their
    /// own), ms since epoch; used when merging workspaces.
    pub updated_at: i64,
}

/// How customers are put into tiers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// First matching rule top-down (the default).
    #[default]
    Rules,
    /// Weighted score, then cut-offs or target shares.
    Score,
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
    /// Display colour, `#rgb` or `#rrggbb` ([`is_valid_color`]; the load path and the editor
    /// refuse anything else, because the colour reaches SVG and CSS).
    pub color: String,
    /// Target share of customers in percent.
    pub target_share_pct: f64,
    /// Membership rule; `None` (or on the last tier) means catch-all.
    pub rule: Option<Rule>,
    /// Lowest score (0–100) of the tier in score mode with cut-offs.
    pub min_score: f64,
    /// Last change of this tier, ms since epoch; used when merging workspaces.
    pub updated_at: i64,
}

/// Why a customer is in its tier.
#[derive(Clone, Debug, PartialEq)]
pub enum Explanation {
    /// The tier's rule matched; `conditions` are the ones that held (all of them for `all`).
    Matched {
        /// How the rule joins its conditions.
        join: Join,
        /// The conditions that held (shared between customers with the same ones).
        conditions: Rc<[Condition]>,
    },
    /// A manual override put it there.
    Override {
        /// The reason given.
        reason: String,
    },
    /// No rule matched; the last tier caught it.
    CatchAll,
    /// Score mode: the customer's score, and the cut-off it reached or its rank among all.
    Scored {
        /// Total score 0–100.
        score: f64,
        /// The tier's cut-off that the score reached (cut-off assignment).
        cutoff: Option<f64>,
        /// Rank by score (1 = best) and number of customers (target-share assignment).
        rank: Option<(usize, usize)>,
    },
}

/// The lists of held conditions handed out so far, one per (tier, set of held conditions): tiering
/// a million customers then allocates a handful of lists instead of one per customer.
#[derive(Default)]
struct HeldLists {
    lists: Vec<(usize, u64, Rc<[Condition]>)>,
}

impl HeldLists {
    /// The conditions of `all` whose bit is set in `held`, shared.
    fn get(&mut self, tier: usize, held: u64, all: &[Condition]) -> Rc<[Condition]> {
        if let Some((_, _, list)) = self.lists.iter().find(|(t, h, _)| *t == tier && *h == held) {
            return list.clone();
        }
        let list: Rc<[Condition]> = all
            .iter()
            .enumerate()
            .filter(|(j, _)| held & (1 << j) != 0)
            .map(|(_, k)| k.clone())
            .collect();
        self.lists.push((tier, held, list.clone()));
        list
    }
}

/// A customer's tier and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Assignment {
    /// Index into `TieringConfig::tiers`.
    pub tier: usize,
    /// Why.
    pub explanation: Explanation,
}

/// The colour a tier falls back to when its own is not valid (the default 一般客户 grey).
pub const FALLBACK_COLOR: &str = "#aab4c3";

/// True for a colour written `#rgb` or `#rrggbb` with hexadecimal digits — the only forms a tier
/// colour may take, so that no other text (`red;background:url(…)`) can reach a style or an SVG
/// attribute.
pub fn is_valid_color(color: &str) -> bool {
    color
        .strip_prefix('#')
        .is_some_and(|hex| matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

impl Tier {
    /// The colour to draw the tier with: its own when valid ([`is_valid_color`]), else
    /// [`FALLBACK_COLOR`]. The load path and the editor already refuse invalid colours; drawing
    /// through this keeps any that slipped past from reaching an attribute.
    pub fn display_color(&self) -> &str {
        if is_valid_color(&self.color) {
            &self.color
        } else {
            FALLBACK_COLOR
        }
    }

    /// True when the two tiers are the same apart from when they were last changed.
    pub fn same_content(&self, other: &Tier) -> bool {
        self.id == other.id
            && self.name_zh == other.name_zh
            && self.name_en == other.name_en
            && self.color == other.color
            && self.target_share_pct == other.target_share_pct
            && self.rule == other.rule
            && self.min_score == other.min_score
    }
}

impl TieringConfig {
    /// The configuration with every tier and the settings marked as changed at `at`.
    pub fn stamped(mut self, at: i64) -> TieringConfig {
        self.updated_at = at;
        for tier in &mut self.tiers {
            tier.updated_at = at;
        }
        self
    }

    /// True when the mode, score model and thresholds (everything but the tiers) are equal.
    pub fn same_settings(&self, other: &TieringConfig) -> bool {
        self.mode == other.mode
            && self.score == other.score
            && self.diagnostics == other.diagnostics
            && self.curses == other.curses
    }

    /// Position of the tier with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t.id == id)
    }

    /// The tier of one customer by the rules (rule mode), with its explanation. `None` only when
    /// there are no tiers.
    pub fn assign(&self, c: &Customer) -> Option<Assignment> {
        self.assign_shared(c, &mut HeldLists::default())
    }

    /// [`Self::assign`], sharing the lists of held conditions through `lists`.
    fn assign_shared(&self, c: &Customer, lists: &mut HeldLists) -> Option<Assignment> {
        let last = self.tiers.len().checked_sub(1)?;
        if let Some(a) = self.override_of(c) {
            return Some(a);
        }
        for (i, tier) in self.tiers[..last].iter().enumerate() {
            let Some(rule) = &tier.rule else { continue };
            let n = rule.conditions.len();
            if n == 0 {
                continue;
            }
            if n > 64 {
                // Too many conditions for a bit set: test and collect directly.
                let held: Vec<Condition> = rule
                    .conditions
                    .iter()
                    .filter(|k| k.matches(c))
                    .cloned()
                    .collect();
                let hit = match rule.join {
                    Join::Any => !held.is_empty(),
                    Join::All => held.len() == n,
                };
                if hit {
                    return Some(Assignment {
                        tier: i,
                        explanation: Explanation::Matched {
                            join: rule.join,
                            conditions: held.into(),
                        },
                    });
                }
                continue;
            }
            // One pass over the conditions; `all` stops at the first that fails.
            let mut held = 0u64;
            for (j, k) in rule.conditions.iter().enumerate() {
                if k.matches(c) {
                    held |= 1 << j;
                } else if rule.join == Join::All {
                    held = 0;
                    break;
                }
            }
            let hit = match rule.join {
                Join::Any => held != 0,
                Join::All => held.count_ones() as usize == n,
            };
            if hit {
                return Some(Assignment {
                    tier: i,
                    explanation: Explanation::Matched {
                        join: rule.join,
                        conditions: lists.get(i, held, &rule.conditions),
                    },
                });
            }
        }
        Some(Assignment {
            tier: last,
            explanation: Explanation::CatchAll,
        })
    }

    /// The tier a manual override puts the customer in, if any (an override naming a tier that
    /// does not exist is ignored).
    pub fn override_of(&self, c: &Customer) -> Option<Assignment> {
        let ov = c.tier_override.as_ref()?;
        let tier = self.index_of(&ov.tier)?;
        Some(Assignment {
            tier,
            explanation: Explanation::Override {
                reason: ov.reason.clone(),
            },
        })
    }

    /// Tiers of all customers, in customer order, in the configured mode. `None` only when there
    /// are no tiers.
    pub fn assign_all<C: Borrow<Customer>>(&self, customers: &[C]) -> Vec<Option<Assignment>> {
        match self.mode {
            Mode::Rules => {
                let mut lists = HeldLists::default();
                customers
                    .iter()
                    .map(|c| self.assign_shared(c.borrow(), &mut lists))
                    .collect()
            }
            Mode::Score => score::assign_all(self, customers),
        }
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
                min_score: 0.0,
                updated_at: 0,
            };
        let mut config = TieringConfig {
            updated_at: 0,
            mode: Mode::Rules,
            score: ScoreModel::default(),
            diagnostics: DiagnosticSettings::default(),
            curses: CurseSettings::default(),
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
        };
        // Score-mode cut-offs (our assumption; editable).
        for (tier, cutoff) in config.tiers.iter_mut().zip([75.0, 55.0, 35.0, 15.0, 0.0]) {
            tier.min_score = cutoff;
        }
        config
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

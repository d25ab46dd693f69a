//! Why a customer is in its tier, in words: "年采购额 ≥ 1000万", "override: 集团战略合作",
//! "catch-all", "score 72.5 ≥ 55". Used by the customer table, the tiering view and the CSV export.

use super::i18n::I18n;
use crate::domain::number::format_percent;
use crate::domain::tiering::{CondValue, Condition, Explanation, Field, Join, Op};

/// The label of a customer field.
pub fn field_label(i18n: &I18n, field: Field) -> String {
    i18n.t(&format!("field.{}", field.key())).to_string()
}

/// A value of a field, formatted for reading (money as 万/亿 or K/M, percentages with %).
pub fn value_text(i18n: &I18n, field: Field, value: &CondValue) -> String {
    match value {
        CondValue::None => String::new(),
        CondValue::Number(v) if field.is_money() => i18n.num(*v),
        CondValue::Number(v)
            if matches!(
                field,
                Field::GrossMarginPct | Field::ShareOfWallet | Field::GrowthPct
            ) =>
        {
            format_percent(*v)
        }
        CondValue::Number(v) => format!("{v}"),
        CondValue::Text(t) => t.clone(),
        CondValue::List(items) => items.join(i18n.t("explain.list_separator")),
    }
}

/// One condition in words.
pub fn condition_text(i18n: &I18n, c: &Condition) -> String {
    let field = field_label(i18n, c.field);
    let text_field = matches!(c.field, Field::IndustryLine | Field::Tag);
    match c.op {
        Op::IsTrue if text_field => i18n.tf("explain.is_set", &[("field", &field)]),
        Op::IsFalse if text_field => i18n.tf("explain.is_empty", &[("field", &field)]),
        Op::IsTrue => i18n.tf("explain.is_true", &[("field", &field)]),
        Op::IsFalse => i18n.tf("explain.is_false", &[("field", &field)]),
        op => format!(
            "{field} {} {}",
            op.symbol(),
            value_text(i18n, c.field, &c.value)
        ),
    }
}

/// An assignment's explanation in words.
pub fn explanation_text(i18n: &I18n, e: &Explanation) -> String {
    match e {
        Explanation::Matched { join, conditions } => {
            let sep = match join {
                Join::Any => i18n.t("explain.or"),
                Join::All => i18n.t("explain.and"),
            };
            conditions
                .iter()
                .map(|c| condition_text(i18n, c))
                .collect::<Vec<_>>()
                .join(sep)
        }
        Explanation::Override { reason } => {
            i18n.tf("explain.override", &[("reason", i18n.local(reason))])
        }
        Explanation::CatchAll => i18n.t("explain.catch_all").to_string(),
        Explanation::Scored {
            score,
            cutoff,
            rank,
        } => {
            let score = format!("{score:.1}");
            match (cutoff, rank) {
                (Some(cut), _) => i18n.tf(
                    "explain.score_cutoff",
                    &[("score", &score), ("cutoff", &format!("{cut}"))],
                ),
                (None, Some((r, n))) => i18n.tf(
                    "explain.score_rank",
                    &[
                        ("score", &score),
                        ("rank", &r.to_string()),
                        ("n", &n.to_string()),
                    ],
                ),
                (None, None) => i18n.tf("explain.score_below", &[("score", &score)]),
            }
        }
    }
}

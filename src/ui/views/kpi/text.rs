//! The words of the KPI page: names in the user's language, how a score was computed, and the
//! findings of the checks.

use crate::domain::kpi::cascade::CascadeProblem;
use crate::domain::kpi::people::Band;
use crate::domain::kpi::score::{CardProblem, ScoreWhy};
use crate::domain::kpi::{Dimension, Direction, Indicator, Kpi, Scorecard};
use crate::domain::org::talent_input::format_plain;
use crate::ui::i18n::I18n;
use crate::ui::views::talent::pick;

/// A score with one decimal: 84 → "84.0".
pub fn score_text(v: f64) -> String {
    if v.is_finite() {
        format!("{:.1}", v)
    } else {
        "—".to_string()
    }
}

/// The dimension's name.
pub fn dimension_name(i18n: &I18n, d: Dimension) -> String {
    i18n.t(&format!("kpi.dim_{}", d.key())).to_string()
}

/// "higher is better" / "lower is better".
pub fn direction_name(i18n: &I18n, d: Direction) -> String {
    match d {
        Direction::Higher => i18n.t("kpi.dir_higher").to_string(),
        Direction::Lower => i18n.t("kpi.dir_lower").to_string(),
    }
}

/// The indicator's name in the user's language.
pub fn indicator_name(i18n: &I18n, ind: &Indicator) -> String {
    pick(i18n, &ind.name_zh, &ind.name_en).to_string()
}

/// The scorecard's name in the user's language.
pub fn card_name(i18n: &I18n, card: &Scorecard) -> String {
    let name = pick(i18n, &card.name_zh, &card.name_en);
    if name.is_empty() {
        card.id.clone()
    } else {
        name.to_string()
    }
}

/// How a score was computed, with its numbers: the actual and the thresholds in the
/// indicator's unit ("实际 8.8% 未超过底线 60%"), the scores plain.
pub fn why_text(i18n: &I18n, ind: &Indicator, why: &ScoreWhy) -> String {
    let p = |v: f64| ind.value_text(v);
    match why {
        ScoreWhy::NoActual => i18n.t("kpi.why_no_actual").to_string(),
        ScoreWhy::BadThresholds => i18n.t("kpi.why_bad_thresholds").to_string(),
        ScoreWhy::BelowFloor { actual, floor } => i18n.tf(
            "kpi.why_below_floor",
            &[("actual", &p(*actual)), ("floor", &p(*floor))],
        ),
        ScoreWhy::FloorToTarget {
            actual,
            floor,
            target,
        } => i18n.tf(
            "kpi.why_floor_target",
            &[
                ("actual", &p(*actual)),
                ("floor", &p(*floor)),
                ("target", &p(*target)),
            ],
        ),
        ScoreWhy::TargetToChallenge {
            actual,
            target,
            challenge,
            cap,
        } => i18n.tf(
            "kpi.why_target_challenge",
            &[
                ("actual", &p(*actual)),
                ("target", &p(*target)),
                ("challenge", &p(*challenge)),
                ("cap", &format_plain(*cap)),
            ],
        ),
        ScoreWhy::AtChallenge {
            actual,
            challenge,
            cap,
        } => i18n.tf(
            "kpi.why_at_challenge",
            &[
                ("actual", &p(*actual)),
                ("challenge", &p(*challenge)),
                ("cap", &format_plain(*cap)),
            ],
        ),
        ScoreWhy::Proportional {
            actual,
            target,
            raw,
            cap,
        } => i18n.tf(
            "kpi.why_proportional",
            &[
                ("actual", &p(*actual)),
                ("target", &p(*target)),
                ("raw", &score_text(*raw)),
                ("cap", &format_plain(*cap)),
            ],
        ),
    }
}

/// A finding of a scorecard's checks.
pub fn card_problem_text(i18n: &I18n, card: &Scorecard, p: &CardProblem) -> String {
    let ind_name = |id: &str| {
        card.indicators
            .iter()
            .find(|i| i.id == id)
            .map(|i| indicator_name(i18n, i))
            .unwrap_or_else(|| id.to_string())
    };
    match p {
        CardProblem::WeightsNot100 { sum } => {
            i18n.tf("kpi.err_weights", &[("sum", &format_plain(*sum))])
        }
        CardProblem::NegativeWeight { indicator } => {
            i18n.tf("kpi.err_negative_weight", &[("name", &ind_name(indicator))])
        }
        CardProblem::ThresholdOrder {
            indicator,
            direction,
        } => {
            let key = match direction {
                Direction::Higher => "kpi.err_order_higher",
                Direction::Lower => "kpi.err_order_lower",
            };
            i18n.tf(key, &[("name", &ind_name(indicator))])
        }
        CardProblem::MissingDimension { dimension } => i18n.tf(
            "kpi.warn_dimension",
            &[("dimension", &dimension_name(i18n, *dimension))],
        ),
    }
}

/// The name of a metric: the first indicator measuring it, else the metric id.
pub fn metric_name(i18n: &I18n, kpi: &Kpi, metric: &str) -> String {
    kpi.scorecards
        .iter()
        .flat_map(|c| c.indicators.iter())
        .find(|i| i.metric == metric)
        .map(|i| indicator_name(i18n, i))
        .unwrap_or_else(|| metric.to_string())
}

/// A finding of the cascade checks.
pub fn cascade_problem_text(i18n: &I18n, kpi: &Kpi, p: &CascadeProblem) -> String {
    let name_of = |id: &str| {
        kpi.cascades
            .iter()
            .find(|c| c.id == id)
            .map(|c| metric_name(i18n, kpi, &c.metric))
            .unwrap_or_else(|| id.to_string())
    };
    match p {
        CascadeProblem::SharesNot100 { cascade, sum } => i18n.tf(
            "kpi.err_shares",
            &[("name", &name_of(cascade)), ("sum", &format_plain(*sum))],
        ),
        CascadeProblem::NegativeShare { cascade, role } => i18n.tf(
            "kpi.err_negative_share",
            &[("name", &name_of(cascade)), ("role", role)],
        ),
        CascadeProblem::NotCascaded {
            name_zh, name_en, ..
        } => i18n.tf(
            "kpi.err_not_cascaded",
            &[("name", pick(i18n, name_zh, name_en))],
        ),
    }
}

/// "< 60", "60–80", "≥ 110".
pub fn band_label(b: &Band) -> String {
    match b.hi {
        None => format!("≥ {}", format_plain(b.lo)),
        Some(hi) if b.lo <= 0.0 => format!("< {}", format_plain(hi)),
        Some(hi) => format!("{}–{}", format_plain(b.lo), format_plain(hi)),
    }
}

/// "linked to 151" / "linked to LTC" / "linked to MCR": the badge of an indicator linked to the
/// tool that measures its metric (`None` when no tool measures it).
pub fn link_label(i18n: &I18n, metric: &str) -> Option<String> {
    use crate::domain::kpi::people::{link_source, LinkSource};
    link_source(metric).map(|s| match s {
        LinkSource::Engagement => i18n.t("kpi.linked_151").to_string(),
        LinkSource::Ltc => i18n.t("kpi.linked_ltc").to_string(),
        LinkSource::Mcr => i18n.t("kpi.linked_mcr").to_string(),
    })
}

/// The linked figure of an indicator with its source and unit ("151 completion 8.8%", "LTC
/// figure 2.5×", "MCR decision-maker coverage 75%"), or that the source has none yet.
pub fn linked_value_text(i18n: &I18n, ind: &Indicator, value: Option<f64>) -> String {
    use crate::domain::kpi::people::{link_source, LinkSource};
    let (with, without) = match link_source(&ind.metric) {
        Some(LinkSource::Ltc) => ("kpi.linked_value_ltc", "kpi.linked_none_ltc"),
        Some(LinkSource::Mcr) => ("kpi.linked_value_mcr", "kpi.linked_none_mcr"),
        _ => ("kpi.linked_value", "kpi.linked_none"),
    };
    match value {
        Some(v) => i18n.tf(with, &[("value", &ind.value_text(v))]),
        None => i18n.t(without).to_string(),
    }
}

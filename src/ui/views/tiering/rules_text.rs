//! The tiers and their rules as text, for print: the editor's inputs and selects would print as
//! pages of controls, so the printed page carries this compact reading of the configuration
//! instead (hidden on screen, `print-only`).

use yew::prelude::*;

use crate::domain::number::format_percent;
use crate::domain::tiering::{Join, Mode, ScoreAssign, TieringConfig};
use crate::ui::explain::{condition_text, field_label};
use crate::ui::i18n::use_i18n;
use crate::ui::swatch::{tier_fill, Swatch};
use crate::ui::views::tiering::{dimension_title, tier_title};

/// Props of [`RulesText`].
#[derive(Properties, PartialEq)]
pub struct RulesTextProps {
    /// The configuration to describe.
    pub config: TieringConfig,
}

/// The configuration in words: the method, the score dimensions (score mode) and per tier its
/// target share and rule or cut-off.
#[function_component(RulesText)]
pub fn rules_text(props: &RulesTextProps) -> Html {
    let i18n = use_i18n();
    let config = &props.config;
    let n = config.tiers.len();
    let mode = i18n.t(match config.mode {
        Mode::Rules => "tiering.mode_rules",
        Mode::Score => "tiering.mode_score",
    });
    let score_lines = (config.mode == Mode::Score).then(|| {
        let dims = config
            .score
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| {
                i18n.tf(
                    "tiering.print_dimension",
                    &[
                        ("name", &dimension_title(&i18n, d, i)),
                        ("weight", &format!("{}", d.weight)),
                        ("field", &field_label(&i18n, d.field)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(i18n.t("explain.list_separator"));
        let how = i18n.t(match config.score.assign_by {
            ScoreAssign::Cutoffs => "tiering.assign_cutoffs",
            ScoreAssign::TargetShares => "tiering.assign_shares",
        });
        html! {
            <>
                <p>{ i18n.tf("tiering.print_dimensions", &[("dimensions", &dims)]) }</p>
                <p>{ i18n.tf("tiering.print_assign_by", &[("how", how)]) }</p>
            </>
        }
    });
    html! {
        <section class="card tiering-rules-text print-only" data-testid="tiering-rules-text">
            <h3 class="card-title">{ i18n.t("tiering.tiers") }</h3>
            <p>{ i18n.tf("tiering.print_mode", &[("mode", mode)]) }</p>
            { score_lines.unwrap_or_default() }
            <ol class="rules-text-list">
            { for config.tiers.iter().enumerate().map(|(i, tier)| {
                let is_last = i + 1 == n;
                let how = match config.mode {
                    _ if is_last => i18n.t("tiering.catch_all").to_string(),
                    Mode::Score => match config.score.assign_by {
                        ScoreAssign::Cutoffs => i18n.tf("tiering.print_min_score", &[("score", &format!("{}", tier.min_score))]),
                        ScoreAssign::TargetShares => String::new(),
                    },
                    Mode::Rules => match &tier.rule {
                        Some(rule) if !rule.conditions.is_empty() => {
                            let (key, sep) = match rule.join {
                                Join::Any => ("tiering.print_rule_any", i18n.t("explain.or")),
                                Join::All => ("tiering.print_rule_all", i18n.t("explain.and")),
                            };
                            let conditions = rule.conditions.iter()
                                .map(|c| condition_text(&i18n, c))
                                .collect::<Vec<_>>()
                                .join(sep);
                            i18n.tf(key, &[("conditions", &conditions)])
                        }
                        _ => i18n.t("tiering.no_conditions").to_string(),
                    },
                };
                html! {
                    <li class="rules-text-tier" data-tier={tier.id.clone()}>
                        <Swatch color={tier_fill(tier)} />
                        <strong>{ tier_title(&i18n, tier, i) }</strong>
                        <span class="muted">
                            { " · " }{ i18n.tf("tiering.print_target", &[("pct", &format_percent(tier.target_share_pct))]) }
                        </span>
                        if !how.is_empty() {
                            <span class="rules-text-rule">{ how }</span>
                        }
                    </li>
                }
            }) }
            </ol>
        </section>
    }
}

//! Bars per action: target (outline), done (filled) and planned (light, after done); the same
//! figures are in the table beside it.

use yew::prelude::*;

use super::action_name;
use crate::domain::engagement::completion::Tally;
use crate::domain::engagement::Action;
use crate::ui::i18n::use_i18n;

/// Props of [`ActionBars`].
#[derive(Properties, PartialEq)]
pub struct ActionBarsProps {
    /// One tally per action, in the order of [`Action::ALL`].
    pub tallies: [Tally; 5],
}

const ROW: f64 = 34.0;
const LABEL_W: f64 = 96.0;
const BAR_W: f64 = 280.0;
const VALUE_W: f64 = 70.0;

/// The chart.
#[function_component(ActionBars)]
pub fn action_bars(props: &ActionBarsProps) -> Html {
    let i18n = use_i18n();
    let max = props
        .tallies
        .iter()
        .map(|t| t.target.max(t.done + t.planned))
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = |n: u32| f64::from(n) / f64::from(max) * BAR_W;
    let height = ROW * 5.0 + 30.0;
    let width = LABEL_W + BAR_W + VALUE_W;
    html! {
        <svg class="engagement-chart" viewBox={format!("0 0 {width} {height}")} role="img"
             aria-label={i18n.t("engagement.chart_label")} preserveAspectRatio="xMinYMin meet"
             data-testid="engagement-chart">
            { for Action::ALL.iter().zip(props.tallies.iter()).enumerate().map(|(i, (a, t))| {
                let y = i as f64 * ROW;
                let done_w = scale(t.done);
                html! {
                    <g data-testid={format!("engagement-chart-{}", a.key())}>
                        <text class="engagement-chart-label" x={(LABEL_W - 8.0).to_string()}
                              y={(y + 21.0).to_string()} text-anchor="end">{ action_name(&i18n, *a) }</text>
                        <rect x={LABEL_W.to_string()} y={(y + 8.0).to_string()} width={done_w.to_string()}
                              height="18" class="engagement-chart-done" />
                        <rect x={(LABEL_W + done_w).to_string()} y={(y + 8.0).to_string()}
                              width={scale(t.planned).to_string()} height="18" class="engagement-chart-planned" />
                        <rect x={LABEL_W.to_string()} y={(y + 6.0).to_string()} width={scale(t.target).to_string()}
                              height="22" class="engagement-chart-target" />
                        <text class="engagement-chart-value" x={(LABEL_W + BAR_W + 8.0).to_string()}
                              y={(y + 21.0).to_string()}>{ format!("{} / {}", t.done, t.target) }</text>
                    </g>
                }
            }) }
            <g transform={format!("translate({LABEL_W} {})", height - 8.0)}>
                <rect x="0" y="-10" width="14" height="10" class="engagement-chart-done" />
                <text x="20" y="0" class="engagement-chart-legend">{ i18n.t("engagement.legend_done") }</text>
                <rect x="90" y="-10" width="14" height="10" class="engagement-chart-planned" />
                <text x="110" y="0" class="engagement-chart-legend">{ i18n.t("engagement.legend_planned") }</text>
                <rect x="180" y="-10" width="14" height="10" class="engagement-chart-target" />
                <text x="200" y="0" class="engagement-chart-legend">{ i18n.t("engagement.legend_target") }</text>
            </g>
        </svg>
    }
}

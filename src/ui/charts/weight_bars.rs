//! Stacked horizontal bars of a scorecard's weight per dimension (customer, financial, internal,
//! learning): one bar per scorecard, so the differentiation between cards shows at a glance.

use yew::prelude::*;

use crate::domain::org::talent_input::format_plain;

/// One bar: a scorecard and its four dimension weights.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightBar {
    /// Stable key (the scorecard id), used in test ids.
    pub key: String,
    /// Row label.
    pub label: String,
    /// Weight per dimension, percent, in the order of the legend.
    pub weights: [f64; 4],
}

/// Props of [`WeightBars`].
#[derive(Properties, PartialEq)]
pub struct WeightBarsProps {
    /// The bars, top to bottom.
    pub bars: Vec<WeightBar>,
    /// The four dimension names.
    pub legend: [AttrValue; 4],
    /// Dimension keys for class names and test ids.
    pub keys: [&'static str; 4],
    /// Accessible name.
    pub label: AttrValue,
}

const ROW: f64 = 30.0;
const LABEL_W: f64 = 170.0;
const BAR_W: f64 = 460.0;
const TOP: f64 = 6.0;

/// The chart (an SVG; the same numbers are in the table view).
#[function_component(WeightBars)]
pub fn weight_bars(props: &WeightBarsProps) -> Html {
    // Bars are drawn against 100 % or the largest sum, so a card whose weights overshoot shows it.
    let max = props
        .bars
        .iter()
        .map(|b| b.weights.iter().map(|w| w.max(0.0)).sum::<f64>())
        .fold(100.0_f64, f64::max);
    let scale = BAR_W / max;
    let height = TOP + ROW * props.bars.len() as f64 + 30.0;
    let width = LABEL_W + BAR_W + 10.0;
    html! {
        <svg class="weight-bars" viewBox={format!("0 0 {width} {height}")} role="img"
             aria-label={props.label.clone()} preserveAspectRatio="xMinYMin meet" data-testid="weight-chart">
            { for props.bars.iter().enumerate().map(|(i, b)| {
                let y = TOP + i as f64 * ROW;
                let mut x = LABEL_W;
                html! {
                    <g class="weight-bars-row" data-testid={format!("weight-bar-{}", b.key)}>
                        <text class="weight-bars-label" x={(LABEL_W - 8.0).to_string()} y={(y + 18.0).to_string()}
                              text-anchor="end">{ b.label.clone() }</text>
                        { for b.weights.iter().enumerate().map(|(d, w)| {
                            let w = w.max(0.0);
                            let len = w * scale;
                            let x0 = x;
                            x += len;
                            html! {
                                <g data-testid={format!("weight-seg-{}-{}", b.key, props.keys[d])}
                                   data-weight={format_plain(w)}>
                                    <rect x={x0.to_string()} y={(y + 3.0).to_string()} width={len.to_string()}
                                          height="22" class={format!("weight-bars-seg is-{}", props.keys[d])}>
                                        <title>{ format!("{} {}%", props.legend[d], format_plain(w)) }</title>
                                    </rect>
                                    if len >= 26.0 {
                                        <text class="weight-bars-value" x={(x0 + len / 2.0).to_string()}
                                              y={(y + 18.0).to_string()} text-anchor="middle">{ format_plain(w) }</text>
                                    }
                                </g>
                            }
                        }) }
                    </g>
                }
            }) }
            <g transform={format!("translate({LABEL_W} {})", height - 8.0)}>
                { for props.legend.iter().enumerate().map(|(d, name)| html! {
                    <>
                        <rect x={(d as f64 * 115.0).to_string()} y="-10" width="12" height="10" rx="2"
                              class={format!("weight-bars-seg is-{}", props.keys[d])} />
                        <text x={(d as f64 * 115.0 + 17.0).to_string()} y="0" class="weight-bars-legend">{ name.clone() }</text>
                    </>
                }) }
            </g>
        </svg>
    }
}

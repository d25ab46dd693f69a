//! Horizontal bars of actual shares with a marker at each target share.

use yew::prelude::*;

use crate::domain::number::format_percent;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareBar {
    /// Row label.
    pub label: String,
    /// Bar colour, `#rrggbb`.
    pub color: String,
    /// Actual share, %.
    pub actual_pct: f64,
    /// Target share, %.
    pub target_pct: f64,
}

/// Props of [`ShareBars`].
#[derive(Properties, PartialEq)]
pub struct ShareBarsProps {
    /// The bars, top to bottom.
    pub bars: Vec<ShareBar>,
    /// Accessible name of the chart.
    pub label: AttrValue,
    /// Legend text for the actual share.
    pub legend_actual: AttrValue,
    /// Legend text for the target share.
    pub legend_target: AttrValue,
}

const ROW: f64 = 30.0;
const LABEL_W: f64 = 96.0;
const BAR_W: f64 = 300.0;
const VALUE_W: f64 = 64.0;

/// The chart (an SVG; the data is also in the table next to it).
#[function_component(ShareBars)]
pub fn share_bars(props: &ShareBarsProps) -> Html {
    let max = props
        .bars
        .iter()
        .flat_map(|b| [b.actual_pct, b.target_pct])
        .fold(10.0_f64, f64::max)
        .min(100.0);
    let scale = |pct: f64| (pct.clamp(0.0, 100.0) / max) * BAR_W;
    let height = ROW * props.bars.len() as f64 + 28.0;
    let width = LABEL_W + BAR_W + VALUE_W;
    html! {
        <svg class="share-bars" viewBox={format!("0 0 {width} {height}")} role="img"
             aria-label={props.label.clone()} preserveAspectRatio="xMinYMin meet">
            { for props.bars.iter().enumerate().map(|(i, b)| {
                let y = i as f64 * ROW;
                let tx = LABEL_W + scale(b.target_pct);
                html! {
                    <g>
                        <text class="share-bars-label" x={(LABEL_W - 8.0).to_string()} y={(y + 19.0).to_string()}
                              text-anchor="end">{ b.label.clone() }</text>
                        <rect x={LABEL_W.to_string()} y={(y + 6.0).to_string()} width={BAR_W.to_string()}
                              height="18" class="share-bars-track" rx="3" />
                        <rect x={LABEL_W.to_string()} y={(y + 6.0).to_string()}
                              width={scale(b.actual_pct).max(1.0).to_string()} height="18" rx="3" fill={b.color.clone()} />
                        <line x1={tx.to_string()} x2={tx.to_string()} y1={(y + 2.0).to_string()}
                              y2={(y + 28.0).to_string()} class="share-bars-target" />
                        <text class="share-bars-value" x={(LABEL_W + BAR_W + 8.0).to_string()}
                              y={(y + 19.0).to_string()}>{ format_percent(b.actual_pct) }</text>
                    </g>
                }
            }) }
            <g transform={format!("translate({LABEL_W} {})", height - 10.0)}>
                <rect x="0" y="-9" width="14" height="10" rx="2" class="share-bars-legend-actual" />
                <text x="20" y="0" class="share-bars-legend">{ props.legend_actual.clone() }</text>
                <line x1="150" x2="150" y1="-11" y2="2" class="share-bars-target" />
                <text x="158" y="0" class="share-bars-legend">{ props.legend_target.clone() }</text>
            </g>
        </svg>
    }
}

//! Horizontal bars of each person's load against their capacity, with the 100 % line; loads over
//! capacity in the danger colour.

use yew::prelude::*;

use crate::domain::number::format_percent;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadBar {
    /// Row label (the person).
    pub label: String,
    /// Load as a share of capacity, %; `None` when the capacity is 0 (then any load is over).
    pub load_pct: Option<f64>,
    /// Over capacity.
    pub over: bool,
}

/// Props of [`LoadBars`].
#[derive(Properties, PartialEq)]
pub struct LoadBarsProps {
    /// The bars, top to bottom.
    pub bars: Vec<LoadBar>,
    /// Accessible name of the chart.
    pub label: AttrValue,
    /// Label of the 100 % line.
    pub legend_capacity: AttrValue,
    /// Legend text for a load over capacity.
    pub legend_over: AttrValue,
}

const ROW: f64 = 22.0;
const TOP: f64 = 18.0;
const LABEL_W: f64 = 96.0;
const BAR_W: f64 = 380.0;
const VALUE_W: f64 = 64.0;
/// Loads above this share are drawn at this length (the figure is still written).
const CAP_PCT: f64 = 200.0;

/// The chart (an SVG; the same numbers are in the table view).
#[function_component(LoadBars)]
pub fn load_bars(props: &LoadBarsProps) -> Html {
    let shown = |b: &LoadBar| match b.load_pct {
        Some(p) if p.is_finite() => p.clamp(0.0, CAP_PCT),
        Some(_) | None if b.over => CAP_PCT,
        _ => 0.0,
    };
    let max = props.bars.iter().map(shown).fold(100.0_f64, f64::max);
    let x = |pct: f64| LABEL_W + pct / max * BAR_W;
    let height = TOP + ROW * props.bars.len() as f64 + 24.0;
    let width = LABEL_W + BAR_W + VALUE_W;
    let hundred = x(100.0);
    html! {
        <svg class="load-bars" viewBox={format!("0 0 {width} {height}")} role="img"
             aria-label={props.label.clone()} preserveAspectRatio="xMinYMin meet" data-testid="load-chart">
            <text class="load-bars-axis" x={hundred.to_string()} y="11" text-anchor="middle">{ "100%" }</text>
            { for props.bars.iter().enumerate().map(|(i, b)| {
                let y = TOP + i as f64 * ROW;
                let value = b.load_pct.map_or_else(|| "—".to_string(), format_percent);
                html! {
                    <g class={classes!("load-bars-row", b.over.then_some("is-over"))}>
                        <text class="load-bars-label" x={(LABEL_W - 6.0).to_string()} y={(y + 15.0).to_string()}
                              text-anchor="end">{ b.label.clone() }</text>
                        <rect x={LABEL_W.to_string()} y={(y + 4.0).to_string()} width={(hundred - LABEL_W).to_string()}
                              height="14" class="load-bars-track" rx="2" />
                        <rect x={LABEL_W.to_string()} y={(y + 4.0).to_string()}
                              width={(x(shown(b)) - LABEL_W).max(0.0).to_string()} height="14" rx="2"
                              class={if b.over { "load-bars-over" } else { "load-bars-load" }} />
                        <text class="load-bars-value" x={(x(shown(b)).max(hundred) + 6.0).to_string()}
                              y={(y + 15.0).to_string()}>{ value }</text>
                    </g>
                }
            }) }
            <line x1={hundred.to_string()} x2={hundred.to_string()} y1="14" y2={(height - 22.0).to_string()}
                  class="load-bars-hundred" />
            <g transform={format!("translate({LABEL_W} {})", height - 6.0)}>
                <line x1="0" x2="14" y1="-4" y2="-4" class="load-bars-hundred" />
                <text x="20" y="0" class="load-bars-legend">{ props.legend_capacity.clone() }</text>
                <rect x="170" y="-10" width="14" height="10" rx="2" class="load-bars-over" />
                <text x="190" y="0" class="load-bars-legend">{ props.legend_over.clone() }</text>
            </g>
        </svg>
    }
}

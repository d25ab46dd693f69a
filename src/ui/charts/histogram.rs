//! A histogram: one column per band with its count written above it.

use yew::prelude::*;

/// One column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Label under the column.
    pub label: String,
    /// Height.
    pub count: usize,
    /// Class suffix for the colour (e.g. `low`, `high`).
    pub tone: &'static str,
}

/// Props of [`Histogram`].
#[derive(Properties, PartialEq)]
pub struct HistogramProps {
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// Accessible name.
    pub label: AttrValue,
    /// Test id of the SVG; each column gets `<testid>-<index>`.
    pub testid: AttrValue,
}

const COL_W: f64 = 74.0;
const GAP: f64 = 14.0;
const PLOT_H: f64 = 150.0;
const TOP: f64 = 22.0;
const LEFT: f64 = 12.0;

/// The chart (an SVG; the same numbers are in the table view).
#[function_component(Histogram)]
pub fn histogram(props: &HistogramProps) -> Html {
    let max = props
        .columns
        .iter()
        .map(|c| c.count)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let width = LEFT * 2.0 + props.columns.len() as f64 * (COL_W + GAP);
    let base = TOP + PLOT_H;
    let height = base + 28.0;
    html! {
        <svg class="histogram" viewBox={format!("0 0 {width} {height}")} role="img"
             aria-label={props.label.clone()} preserveAspectRatio="xMinYMin meet"
             data-testid={props.testid.clone()}>
            <line x1={LEFT.to_string()} x2={(width - LEFT).to_string()} y1={base.to_string()} y2={base.to_string()}
                  class="histogram-axis" />
            { for props.columns.iter().enumerate().map(|(i, c)| {
                let h = c.count as f64 / max * PLOT_H;
                let x = LEFT + GAP / 2.0 + i as f64 * (COL_W + GAP);
                html! {
                    <g data-testid={format!("{}-{}", props.testid, i)} data-count={c.count.to_string()}>
                        <rect x={x.to_string()} y={(base - h).to_string()} width={COL_W.to_string()}
                              height={h.to_string()} rx="2" class={format!("histogram-bar is-{}", c.tone)} />
                        <text x={(x + COL_W / 2.0).to_string()} y={(base - h - 6.0).to_string()}
                              text-anchor="middle" class="histogram-count">{ c.count }</text>
                        <text x={(x + COL_W / 2.0).to_string()} y={(base + 18.0).to_string()}
                              text-anchor="middle" class="histogram-label">{ c.label.clone() }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

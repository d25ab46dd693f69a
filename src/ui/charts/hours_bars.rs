//! Grouped vertical bars: one group per month, one bar per series, with a dashed limit line.

use yew::prelude::*;

/// One series (a role).
#[derive(Clone, Debug, PartialEq)]
pub struct HoursSeries {
    /// Legend text.
    pub label: String,
    /// Bar colour, `#rrggbb`.
    pub color: String,
    /// One value per group (month).
    pub values: Vec<f64>,
}

/// Props of [`HoursBars`].
#[derive(Properties, PartialEq)]
pub struct HoursBarsProps {
    /// The series, in legend order.
    pub series: Vec<HoursSeries>,
    /// Label under each group.
    pub groups: Vec<String>,
    /// Where the dashed line is drawn.
    pub limit: f64,
    /// Legend text of the line.
    pub limit_label: AttrValue,
    /// Accessible name of the chart.
    pub label: AttrValue,
}

const LEFT: f64 = 40.0;
const TOP: f64 = 12.0;
const PLOT_H: f64 = 200.0;
const GROUP_W: f64 = 56.0;

/// The chart (an SVG; the figures are also in the table next to it).
#[function_component(HoursBars)]
pub fn hours_bars(props: &HoursBarsProps) -> Html {
    let max = props
        .series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .filter(|v| v.is_finite())
        .fold(props.limit * 1.25, f64::max)
        .max(1.0);
    let step = nice_step(max / 4.0);
    let top_value = (max / step).ceil() * step;
    let y = |v: f64| TOP + PLOT_H - (v.max(0.0) / top_value) * PLOT_H;
    let n = props.series.len().max(1) as f64;
    let bar_w = (GROUP_W - 10.0) / n;
    let plot_w = LEFT + GROUP_W * props.groups.len() as f64 + 8.0;
    // Legend entries side by side, each as wide as its label; the limit's entry last.
    let mut offsets = Vec::with_capacity(props.series.len() + 1);
    let mut x = 0.0;
    for series in &props.series {
        offsets.push(x);
        x += entry_width(&series.label);
    }
    offsets.push(x);
    let legend_w = LEFT + x + entry_width(&props.limit_label);
    let width = plot_w.max(legend_w);
    let legend_y = TOP + PLOT_H + 40.0;
    let height = legend_y + 12.0;
    let ticks: Vec<f64> = (0..=((top_value / step).round() as usize))
        .map(|i| i as f64 * step)
        .collect();
    html! {
        <svg class="hours-bars" viewBox={format!("0 0 {width} {height}")} role="img"
             aria-label={props.label.clone()} preserveAspectRatio="xMinYMin meet">
            { for ticks.iter().map(|&t| html! {
                <g>
                    <line class="hours-bars-grid" x1={LEFT.to_string()} x2={(plot_w - 8.0).to_string()}
                          y1={y(t).to_string()} y2={y(t).to_string()} />
                    <text class="hours-bars-axis" x={(LEFT - 6.0).to_string()} y={(y(t) + 4.0).to_string()}
                          text-anchor="end">{ format!("{t}") }</text>
                </g>
            }) }
            { for props.groups.iter().enumerate().map(|(g, name)| {
                let x0 = LEFT + g as f64 * GROUP_W + 5.0;
                html! {
                    <g>
                        { for props.series.iter().enumerate().map(|(s, series)| {
                            let v = series.values.get(g).copied().filter(|v| v.is_finite()).unwrap_or(0.0);
                            let top = y(v);
                            html! {
                                <rect x={(x0 + s as f64 * bar_w).to_string()} y={top.to_string()}
                                      width={(bar_w - 1.0).max(1.0).to_string()}
                                      height={(TOP + PLOT_H - top).max(0.0).to_string()} fill={series.color.clone()}>
                                    <title>{ format!("{} · {}: {}", name, series.label, crate::domain::org::talent_input::format_plain(v)) }</title>
                                </rect>
                            }
                        }) }
                        <text class="hours-bars-axis" x={(x0 + (GROUP_W - 10.0) / 2.0).to_string()}
                              y={(TOP + PLOT_H + 16.0).to_string()} text-anchor="middle">{ name.clone() }</text>
                    </g>
                }
            }) }
            <line class="hours-bars-limit" x1={LEFT.to_string()} x2={(plot_w - 8.0).to_string()}
                  y1={y(props.limit).to_string()} y2={y(props.limit).to_string()} />
            <g transform={format!("translate({LEFT} {legend_y})")}>
                { for props.series.iter().enumerate().map(|(s, series)| html! {
                    <g transform={format!("translate({} 0)", offsets[s])}>
                        <rect x="0" y="-9" width="12" height="10" rx="2" fill={series.color.clone()} />
                        <text x="18" y="0" class="hours-bars-legend">{ series.label.clone() }</text>
                    </g>
                }) }
                <g transform={format!("translate({} 0)", offsets[props.series.len()])}>
                    <line x1="0" x2="16" y1="-4" y2="-4" class="hours-bars-limit" />
                    <text x="22" y="0" class="hours-bars-legend">{ props.limit_label.clone() }</text>
                </g>
            </g>
        </svg>
    }
}

/// Width of one legend entry: swatch, gap and label (CJK characters are about twice as wide
/// as Latin ones at this size).
fn entry_width(label: &str) -> f64 {
    30.0 + label
        .chars()
        .map(|c| if c.is_ascii() { 6.2 } else { 11.5 })
        .sum::<f64>()
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let p = 10f64.powf(raw.max(1e-9).log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|k| k * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p)
}

//! Effective capacity against demand month by month (the hiring plan of Tool 7): two lines over
//! the months, the month the gap closes marked. A compact form without axes serves as a small
//! multiple.

use yew::prelude::*;

/// Props of [`CapacityChart`].
#[derive(Properties, PartialEq)]
pub struct CapacityChartProps {
    /// Caption of each month on the x axis (e.g. `2026-02`).
    pub labels: Vec<String>,
    /// Effective capacity per month, FTE.
    pub capacity: Vec<f64>,
    /// Demand per month, FTE.
    pub demand: Vec<f64>,
    /// Gridlines of the FTE axis, from 0; the last one is the top of the chart.
    pub ticks: Vec<f64>,
    /// Index of the month the gap closes, marked.
    #[prop_or_default]
    pub close_month: Option<usize>,
    /// Accessible name.
    pub label: AttrValue,
    /// Legend entry of the capacity line.
    #[prop_or_default]
    pub capacity_label: AttrValue,
    /// Legend entry of the demand line.
    #[prop_or_default]
    pub demand_label: AttrValue,
    /// Caption of the axis beside the chart (e.g. FTE).
    #[prop_or_default]
    pub y_label: AttrValue,
    /// Small multiple: no axes, legend or captions.
    #[prop_or_default]
    pub compact: bool,
    /// Test id.
    #[prop_or_default]
    pub testid: AttrValue,
}

/// Geometry of one size of the chart.
struct Frame {
    w: f64,
    h: f64,
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

const FULL: Frame = Frame {
    w: 640.0,
    h: 260.0,
    left: 44.0,
    right: 16.0,
    top: 28.0,
    bottom: 34.0,
};
const COMPACT: Frame = Frame {
    w: 180.0,
    h: 72.0,
    left: 4.0,
    right: 4.0,
    top: 6.0,
    bottom: 6.0,
};

/// A tick written without needless decimals.
fn tick_text(v: f64) -> String {
    let s = format!("{v:.1}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The chart.
#[function_component(CapacityChart)]
pub fn capacity_chart(props: &CapacityChartProps) -> Html {
    let f = if props.compact { &COMPACT } else { &FULL };
    let months = props.capacity.len().max(props.demand.len()).max(2);
    let top = props
        .ticks
        .last()
        .copied()
        .filter(|t| t.is_finite() && *t > 0.0)
        .unwrap_or(1.0);
    let px = |i: usize| f.left + i as f64 / (months - 1) as f64 * (f.w - f.left - f.right);
    let py = |v: f64| {
        let v = if v.is_finite() {
            v.clamp(0.0, top)
        } else {
            0.0
        };
        f.h - f.bottom - v / top * (f.h - f.bottom - f.top)
    };
    let path = |values: &[f64]| -> String {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                format!(
                    "{}{:.1},{:.1}",
                    if i == 0 { "M" } else { "L" },
                    px(i),
                    py(*v)
                )
            })
            .collect()
    };
    // Every third month captioned, so 24 labels do not collide.
    let label_every = if months > 12 { 3 } else { 1 };
    let close = props.close_month.filter(|m| *m < props.capacity.len());
    html! {
        <svg class={classes!("capacity-chart", props.compact.then_some("is-compact"))}
             viewBox={format!("0 0 {} {}", f.w, f.h)} role="img" aria-label={props.label.clone()}
             data-testid={props.testid.clone()}>
            if !props.compact {
                { for props.ticks.iter().map(|t| html! {
                    <g>
                        <line x1={f.left.to_string()} x2={(f.w - f.right).to_string()}
                              y1={py(*t).to_string()} y2={py(*t).to_string()} class="capacity-grid" />
                        <text x={(f.left - 6.0).to_string()} y={(py(*t) + 4.0).to_string()}
                              text-anchor="end" class="capacity-tick">{ tick_text(*t) }</text>
                    </g>
                }) }
                { for props.labels.iter().enumerate().filter(|(i, _)| i % label_every == 0).map(|(i, l)| html! {
                    <text x={px(i).to_string()} y={(f.h - f.bottom + 16.0).to_string()}
                          text-anchor="middle" class="capacity-tick">{ l.clone() }</text>
                }) }
                <text x="12" y={((f.h - f.bottom + f.top) / 2.0).to_string()} text-anchor="middle" class="capacity-axis"
                      transform={format!("rotate(-90 12 {})", (f.h - f.bottom + f.top) / 2.0)}>{ props.y_label.clone() }</text>
            }
            if let Some(m) = close {
                <line x1={px(m).to_string()} x2={px(m).to_string()} y1={f.top.to_string()} y2={(f.h - f.bottom).to_string()}
                      class="capacity-close" data-testid="capacity-close-line" />
            }
            <path d={path(&props.demand)} class="capacity-line capacity-demand" data-series="demand" />
            <path d={path(&props.capacity)} class="capacity-line capacity-supply" data-series="capacity" />
            if let Some(m) = close {
                <circle cx={px(m).to_string()} cy={py(props.capacity[m]).to_string()}
                        r={if props.compact { "2.5" } else { "4" }} class="capacity-close-dot" />
                if !props.compact {
                    <text x={(px(m) + 6.0).to_string()} y={(f.h - f.bottom - 6.0).to_string()} class="capacity-close-label"
                          text-anchor={if px(m) > f.w * 0.8 { "end" } else { "start" }}
                          dx={if px(m) > f.w * 0.8 { "-12" } else { "0" }}>
                        { props.labels.get(m).cloned().unwrap_or_default() }
                    </text>
                }
            }
            if !props.compact {
                <g class="capacity-legend" transform={format!("translate({} 8)", f.left + 4.0)}>
                    <line x1="0" x2="18" y1="6" y2="6" class="capacity-line capacity-supply" />
                    <text x="22" y="10">{ props.capacity_label.clone() }</text>
                    <line x1="180" x2="198" y1="6" y2="6" class="capacity-line capacity-demand" />
                    <text x="202" y="10">{ props.demand_label.clone() }</text>
                </g>
            }
        </svg>
    }
}

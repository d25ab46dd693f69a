//! A cumulative-share curve on a unit square (Pareto or Lorenz), with optional reference lines.

use yew::prelude::*;

use crate::domain::concentration::CurvePoint;

/// Props of [`ShareCurve`].
#[derive(Properties, PartialEq)]
pub struct ShareCurveProps {
    /// The curve, x and y in 0–1.
    pub points: Vec<CurvePoint>,
    /// Accessible name.
    pub label: AttrValue,
    /// Axis caption under the chart.
    pub x_label: AttrValue,
    /// Axis caption beside the chart.
    pub y_label: AttrValue,
    /// Draw the line of equality (Lorenz).
    #[prop_or_default]
    pub diagonal: bool,
    /// A horizontal reference line at this y (e.g. 0.8) and the x where the curve reaches it.
    #[prop_or_default]
    pub mark: Option<(f64, f64)>,
    /// Caption of the mark, e.g. "80 %".
    #[prop_or_default]
    pub mark_label: AttrValue,
    /// Test id.
    #[prop_or_default]
    pub testid: AttrValue,
}

// Drawn at ~0.9 of the viewBox in the two-column layout at 1024 px: the fonts (13 units in
// concentration.css) then render at 11 px or more.
const W: f64 = 360.0;
const H: f64 = 240.0;
const PAD_L: f64 = 56.0;
const PAD_B: f64 = 40.0;
const PAD_T: f64 = 10.0;
const PAD_R: f64 = 20.0;

/// Font size of the mark's caption in viewBox units (`.curve-mark-label`).
const MARK_FONT: f64 = 13.0;

/// Rough width of a caption in viewBox units: CJK characters are square, others about half.
fn caption_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum::<f64>()
        * MARK_FONT
}

/// The mark's caption, placed where a rising cumulative curve cannot be: right of the vertical
/// mark and below the horizontal one (past `x` the curve is above `y`); when that corner is too
/// narrow, left of the vertical mark along the bottom (a concave curve is above the diagonal).
fn mark_caption(
    text: &AttrValue,
    y: f64,
    x: f64,
    px: impl Fn(f64) -> f64,
    py: impl Fn(f64) -> f64,
) -> Html {
    let width = caption_width(text);
    let fits_right = px(x) + 6.0 + width <= W - PAD_R;
    let (tx, ty, anchor) = if fits_right {
        (px(x) + 6.0, py(y) + MARK_FONT + 4.0, "start")
    } else {
        (px(x) - 6.0, py(0.0) - 6.0, "end")
    };
    html! {
        <text x={format!("{tx:.1}")} y={format!("{ty:.1}")} text-anchor={anchor} class="curve-mark-label"
              data-testid="curve-mark-label">{ text.clone() }</text>
    }
}

/// The chart.
#[function_component(ShareCurve)]
pub fn share_curve(props: &ShareCurveProps) -> Html {
    let px = |x: f64| PAD_L + x.clamp(0.0, 1.0) * (W - PAD_L - PAD_R);
    let py = |y: f64| H - PAD_B - y.clamp(0.0, 1.0) * (H - PAD_B - PAD_T);
    let path: String = props
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{}{:.2},{:.2}",
                if i == 0 { "M" } else { "L" },
                px(p.x),
                py(p.y)
            )
        })
        .collect();
    let ticks = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0];
    html! {
        <svg class="share-curve" viewBox={format!("0 0 {W} {H}")} role="img" aria-label={props.label.clone()}
             data-testid={props.testid.clone()}>
            { for ticks.iter().map(|t| html! {
                <g>
                    <line x1={px(0.0).to_string()} x2={px(1.0).to_string()} y1={py(*t).to_string()} y2={py(*t).to_string()} class="curve-grid" />
                    <text x={(PAD_L - 6.0).to_string()} y={(py(*t) + 5.0).to_string()} text-anchor="end" class="curve-tick">{ format!("{}%", (t * 100.0) as u32) }</text>
                    <text x={px(*t).to_string()} y={(H - PAD_B + 17.0).to_string()} text-anchor="middle" class="curve-tick">{ format!("{}%", (t * 100.0) as u32) }</text>
                </g>
            }) }
            if props.diagonal {
                <line x1={px(0.0).to_string()} y1={py(0.0).to_string()} x2={px(1.0).to_string()} y2={py(1.0).to_string()} class="curve-diagonal" />
            }
            if let Some((y, x)) = props.mark {
                <line x1={px(0.0).to_string()} x2={px(1.0).to_string()} y1={py(y).to_string()} y2={py(y).to_string()} class="curve-mark" />
                <line x1={px(x).to_string()} x2={px(x).to_string()} y1={py(0.0).to_string()} y2={py(y).to_string()} class="curve-mark" />
                { mark_caption(&props.mark_label, y, x, px, py) }
            }
            <path d={path} class="curve-line" />
            <text x={((PAD_L + W - PAD_R) / 2.0).to_string()} y={(H - 4.0).to_string()} text-anchor="middle" class="curve-axis">{ props.x_label.clone() }</text>
            <text x="12" y={((H - PAD_B + PAD_T) / 2.0).to_string()} text-anchor="middle" class="curve-axis"
                  transform={format!("rotate(-90 12 {})", (H - PAD_B + PAD_T) / 2.0)}>{ props.y_label.clone() }</text>
        </svg>
    }
}

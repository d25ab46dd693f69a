//! The bubble chart of the business lines: market share across, growth up, bubble area in
//! proportion to revenue, one colour per horizon; quadrants split at the medians of the plotted
//! lines. Beside it the figures of the bubble in focus, under it the lines that cannot be
//! plotted and why; the same data as a table.

use yew::prelude::*;

use crate::domain::number::format_percent;
use crate::domain::portfolio::calc::{growth_pct, share_pct};
use crate::domain::portfolio::{BusinessLine, Horizon};
use crate::ui::i18n::I18n;
use crate::ui::views::portfolio::horizon_name;

/// A line that can be plotted, with its two coordinates in percent.
pub struct Point<'a> {
    /// The line.
    pub line: &'a BusinessLine,
    /// Market share, percent.
    pub share: f64,
    /// Growth, percent.
    pub growth: f64,
}

/// The lines that can be plotted and those that cannot (with the catalogue key of the reason).
pub fn points(lines: &[BusinessLine]) -> (Vec<Point<'_>>, Vec<(&BusinessLine, &'static str)>) {
    let mut plotted = Vec::new();
    let mut left_out = Vec::new();
    for l in lines {
        match (share_pct(l), growth_pct(l)) {
            (Some(share), Some(growth)) => plotted.push(Point {
                line: l,
                share,
                growth,
            }),
            (None, None) => left_out.push((l, "lines.reason_both")),
            (None, Some(_)) => left_out.push((l, "lines.reason_no_market")),
            (Some(_), None) => left_out.push((l, "lines.reason_no_last")),
        }
    }
    (plotted, left_out)
}

/// The median of some values (0 when there are none).
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => values[n / 2],
        _ => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// The medians of share and growth that split the quadrants.
pub fn split(points: &[Point]) -> (f64, f64) {
    (
        median(points.iter().map(|p| p.share).collect()),
        median(points.iter().map(|p| p.growth).collect()),
    )
}

/// The quadrant of a point against the split: push (high growth, low share), lead, defend
/// (low growth, high share), watch.
pub fn quadrant(p: &Point, split: (f64, f64)) -> &'static str {
    match (p.share >= split.0, p.growth >= split.1) {
        (false, true) => "push",
        (true, true) => "lead",
        (true, false) => "defend",
        (false, false) => "watch",
    }
}

/// Round ticks from `lo` to `hi` (about five steps of 1, 2 or 5 × 10ⁿ), covering both.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let raw = ((hi - lo) / 5.0).max(1e-9);
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let first = (lo / step).floor() as i64;
    let last = (hi / step).ceil() as i64;
    // Five or six ticks; the cap only matters for absurd inputs.
    (first..=last).take(50).map(|i| i as f64 * step).collect()
}

const W: f64 = 640.0;
const H: f64 = 420.0;
const PAD_L: f64 = 64.0;
const PAD_R: f64 = 24.0;
const PAD_T: f64 = 20.0;
const PAD_B: f64 = 52.0;
/// Radius of the largest bubble.
const R_MAX: f64 = 30.0;

/// "12.3%" for a percentage, "—" for none.
fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), format_percent)
}

/// The accessible name of a bubble.
fn bubble_label(i18n: &I18n, p: &Point) -> String {
    i18n.tf(
        "lines.bubble_aria",
        &[
            ("name", &p.line.name),
            ("industry", &p.line.industry),
            ("horizon", &horizon_name(i18n, p.line.horizon)),
            ("share", &format_percent(p.share)),
            ("growth", &format_percent(p.growth)),
            ("revenue", &i18n.num(p.line.revenue)),
        ],
    )
}

/// The SVG chart; `on_focus` is called with the id of the bubble focused or hovered.
pub fn chart(
    i18n: &I18n,
    points: &[Point],
    split: (f64, f64),
    active: Option<&str>,
    on_focus: &Callback<String>,
) -> Html {
    let x_ticks = ticks(0.0, points.iter().map(|p| p.share).fold(1.0, f64::max));
    let y_ticks = ticks(
        points.iter().map(|p| p.growth).fold(0.0, f64::min),
        points.iter().map(|p| p.growth).fold(10.0, f64::max),
    );
    let ends = |t: &[f64]| {
        (
            t.first().copied().unwrap_or(0.0),
            t.last().copied().unwrap_or(1.0),
        )
    };
    let ((x0, x1), (y0, y1)) = (ends(&x_ticks), ends(&y_ticks));
    let px = |x: f64| PAD_L + (x - x0) / (x1 - x0) * (W - PAD_L - PAD_R);
    let py = |y: f64| H - PAD_B - (y - y0) / (y1 - y0) * (H - PAD_B - PAD_T);
    let max_revenue = points
        .iter()
        .map(|p| p.line.revenue)
        .fold(0.0_f64, f64::max);
    let radius = |rev: f64| {
        if max_revenue > 0.0 {
            (R_MAX * (rev.max(0.0) / max_revenue).sqrt()).max(3.0)
        } else {
            3.0
        }
    };
    // Largest first, so that small bubbles stay on top and reachable by the pointer.
    let mut order: Vec<&Point> = points.iter().collect();
    order.sort_by(|a, b| b.line.revenue.total_cmp(&a.line.revenue));
    let (sx, sy) = (px(split.0), py(split.1));
    let (left, right, top, bottom) = (PAD_L, W - PAD_R, PAD_T, H - PAD_B);
    let quad = |key: &str, x: f64, y: f64, anchor: &'static str| {
        html! {
            <text class="bubble-quadrant" x={x.to_string()} y={y.to_string()} text-anchor={anchor}
                  data-testid={format!("lines-quadrant-{key}")}>
                { i18n.t(&format!("lines.quad_{key}")).to_string() }
            </text>
        }
    };
    html! {
        <svg class="lines-bubble-svg" viewBox={format!("0 0 {W} {H}")} role="group"
             aria-label={i18n.t("lines.bubble_label")} data-testid="lines-bubble-chart">
            { for x_ticks.iter().map(|t| html! {
                <g>
                    <line class="bubble-grid" x1={px(*t).to_string()} x2={px(*t).to_string()}
                          y1={top.to_string()} y2={bottom.to_string()} />
                    <text class="bubble-tick" x={px(*t).to_string()} y={(bottom + 16.0).to_string()}
                          text-anchor="middle">{ format_percent(*t) }</text>
                </g>
            }) }
            { for y_ticks.iter().map(|t| html! {
                <g>
                    <line class={classes!("bubble-grid", (*t == 0.0).then_some("is-zero"))}
                          x1={left.to_string()} x2={right.to_string()} y1={py(*t).to_string()} y2={py(*t).to_string()} />
                    <text class="bubble-tick" x={(left - 6.0).to_string()} y={(py(*t) + 4.0).to_string()}
                          text-anchor="end">{ format_percent(*t) }</text>
                </g>
            }) }
            <line class="bubble-split" x1={sx.to_string()} x2={sx.to_string()} y1={top.to_string()} y2={bottom.to_string()} />
            <line class="bubble-split" x1={left.to_string()} x2={right.to_string()} y1={sy.to_string()} y2={sy.to_string()} />
            { quad("push", left + 8.0, top + 16.0, "start") }
            { quad("lead", right - 8.0, top + 16.0, "end") }
            { quad("watch", left + 8.0, bottom - 8.0, "start") }
            { quad("defend", right - 8.0, bottom - 8.0, "end") }
            { for order.iter().map(|p| {
                let id = p.line.id.clone();
                let is_active = active == Some(id.as_str());
                let focus = on_focus.reform({ let id = id.clone(); move |_: FocusEvent| id.clone() });
                let hover = on_focus.reform({ let id = id.clone(); move |_: MouseEvent| id.clone() });
                html! {
                    <circle class={classes!("bubble", format!("bubble-{}", p.line.horizon.key()), is_active.then_some("is-active"))}
                            cx={format!("{:.1}", px(p.share))} cy={format!("{:.1}", py(p.growth))}
                            r={format!("{:.1}", radius(p.line.revenue))}
                            tabindex="0" role="img" aria-label={bubble_label(i18n, p)}
                            data-testid={format!("lines-bubble-{id}")} onfocus={focus} onmouseenter={hover} />
                }
            }) }
            <text class="bubble-axis" x={((left + right) / 2.0).to_string()} y={(H - 8.0).to_string()}
                  text-anchor="middle">{ i18n.t("lines.axis_share") }</text>
            <text class="bubble-axis" x="14" y={((top + bottom) / 2.0).to_string()} text-anchor="middle"
                  transform={format!("rotate(-90 14 {})", (top + bottom) / 2.0)}>{ i18n.t("lines.axis_growth") }</text>
        </svg>
    }
}

/// The legend: one swatch per horizon and what the size means.
pub fn legend(i18n: &I18n) -> Html {
    html! {
        <ul class="lines-legend" data-testid="lines-bubble-legend">
            { for Horizon::ALL.iter().map(|h| html! {
                <li>
                    <svg class="lines-swatch" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                        <circle class={format!("bubble-{}", h.key())} cx="6" cy="6" r="6" />
                    </svg>
                    { horizon_name(i18n, *h) }
                </li>
            }) }
            <li class="muted">{ i18n.t("lines.legend_size") }</li>
        </ul>
    }
}

/// The figures of the bubble in focus (or a hint when none is).
pub fn details(i18n: &I18n, point: Option<&Point>, split: (f64, f64)) -> Html {
    let Some(p) = point else {
        return html! {
            <aside class="lines-bubble-details" aria-live="polite" data-testid="lines-bubble-details">
                <p class="muted">{ i18n.t("lines.details_hint") }</p>
            </aside>
        };
    };
    let l = p.line;
    let row = |key: &str, value: String, testid: &str| {
        html! {
            <div>
                <dt>{ i18n.t(key).to_string() }</dt>
                <dd data-testid={format!("lines-details-{testid}")}>{ value }</dd>
            </div>
        }
    };
    let q = quadrant(p, split);
    html! {
        <aside class="lines-bubble-details" aria-live="polite" data-testid="lines-bubble-details">
            <h4 data-testid="lines-details-name">{ l.name.clone() }</h4>
            <p class="muted">{ format!("{} · {}", l.industry, horizon_name(i18n, l.horizon)) }</p>
            <dl>
                { row("lines.col_share", format_percent(p.share), "share") }
                { row("lines.col_growth", format_percent(p.growth), "growth") }
                { row("lines.col_revenue", i18n.num(l.revenue), "revenue") }
                { row("lines.col_last_year", l.revenue_last_year.map(|v| i18n.num(v)).unwrap_or_default(), "last-year") }
                { row("lines.col_market", l.market_size.map(|v| i18n.num(v)).unwrap_or_default(), "market") }
                { row("lines.col_quadrant", i18n.t(&format!("lines.quad_{q}")).to_string(), "quadrant") }
            </dl>
        </aside>
    }
}

/// The lines that cannot be plotted, each with the reason.
pub fn left_out(i18n: &I18n, lines: &[(&BusinessLine, &'static str)]) -> Html {
    if lines.is_empty() {
        return html! {};
    }
    html! {
        <div class="lines-unplotted" data-testid="lines-unplotted">
            <h4>{ i18n.t("lines.unplotted_title") }</h4>
            <ul>
                { for lines.iter().map(|(l, reason)| html! {
                    <li data-testid={format!("lines-unplotted-{}", l.id)}>
                        { i18n.tf("lines.unplotted_item", &[("name", &l.name), ("industry", &l.industry), ("reason", i18n.t(reason))]) }
                    </li>
                }) }
            </ul>
        </div>
    }
}

/// The chart's data as a table.
pub fn table(i18n: &I18n, points: &[Point], split: (f64, f64)) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("lines.bubble_table_region")}>
            <table class="data-table" data-testid="lines-bubble-table">
                <thead><tr>
                    <th scope="col">{ i18n.t("lines.col_name") }</th>
                    <th scope="col">{ i18n.t("lines.col_industry") }</th>
                    <th scope="col">{ i18n.t("lines.col_horizon") }</th>
                    <th scope="col" class="num">{ i18n.t("lines.col_share") }</th>
                    <th scope="col" class="num">{ i18n.t("lines.col_growth") }</th>
                    <th scope="col" class="num">{ i18n.t("lines.col_revenue") }</th>
                    <th scope="col">{ i18n.t("lines.col_quadrant") }</th>
                </tr></thead>
                <tbody>
                    { for points.iter().map(|p| html! {
                        <tr data-testid={format!("lines-bubble-row-{}", p.line.id)}>
                            <th scope="row">{ p.line.name.clone() }</th>
                            <td>{ p.line.industry.clone() }</td>
                            <td>{ horizon_name(i18n, p.line.horizon) }</td>
                            <td class="num">{ pct(Some(p.share)) }</td>
                            <td class="num">{ pct(Some(p.growth)) }</td>
                            <td class="num">{ i18n.num(p.line.revenue) }</td>
                            <td>{ i18n.t(&format!("lines.quad_{}", quadrant(p, split))).to_string() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_cover_the_range_in_round_steps() {
        assert_eq!(
            ticks(0.0, 17.3),
            vec![0.0, 5.0, 10.0, 15.0, 20.0],
            "demo shares"
        );
        assert_eq!(
            ticks(-5.4, 233.0),
            vec![-50.0, 0.0, 50.0, 100.0, 150.0, 200.0, 250.0],
            "demo growth"
        );
        let small = ticks(0.0, 1.0);
        assert_eq!(small.len(), 6);
        assert!((small[5] - 1.0).abs() < 1e-9);
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(median(Vec::new()), 0.0);
    }
}

//! The fiscal year by quarter: booked + commit + best case (weighted) against a quarter of the
//! orders target, as a stacked-bar chart (SVG, decorative) and the table it is drawn from.

use yew::prelude::*;

use crate::domain::ltc::calc::Quarter;
use crate::ui::i18n::I18n;

const W: f64 = 640.0;
const H: f64 = 250.0;
const LEFT: f64 = 64.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 30.0;

/// "差 225万" / "超出 30万" / "—" without a target.
fn gap_text(i18n: &I18n, target: Option<f64>, total: f64) -> String {
    match target {
        None => "—".to_string(),
        Some(t) if total >= t => i18n.tf("ltc_forecast.gap_over", &[("v", &i18n.num(total - t))]),
        Some(t) => i18n.tf("ltc_forecast.gap_short", &[("v", &i18n.num(t - total))]),
    }
}

/// A round step for `max` split into about four parts (1, 2 or 5 × 10ⁿ).
fn nice_step(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let raw = max / 4.0;
    let mag = 10f64.powf(raw.log10().floor());
    let n = raw / mag;
    let f = if n <= 1.0 {
        1.0
    } else if n <= 2.0 {
        2.0
    } else if n <= 5.0 {
        5.0
    } else {
        10.0
    };
    f * mag
}

fn chart(i18n: &I18n, q: &[Quarter; 4]) -> Html {
    let top = q
        .iter()
        .map(|x| x.total().max(x.target.unwrap_or(0.0)))
        .fold(0.0_f64, f64::max);
    let step = nice_step(top);
    let max = (top / step).ceil().max(1.0) * step;
    let plot_h = H - TOP - BOTTOM;
    let y = |v: f64| TOP + plot_h * (1.0 - (v / max).clamp(0.0, 1.0));
    let slot = (W - LEFT) / 4.0;
    let bar_w = 64.0;
    let ticks = ((max / step).round() as usize).min(10);
    html! {
        <svg class="fc-quarter-chart" data-testid="fc-quarter-chart" viewBox={format!("0 0 {W} {H}")}
             width={W.to_string()} height={H.to_string()} aria-hidden="true" focusable="false">
            { for (0..=ticks).map(|i| {
                let v = step * i as f64;
                let yy = y(v);
                html! { <g>
                    <line class="fc-grid" x1={LEFT.to_string()} x2={W.to_string()}
                          y1={format!("{yy:.1}")} y2={format!("{yy:.1}")} />
                    <text class="fc-tick" x={(LEFT - 6.0).to_string()} y={format!("{:.1}", yy + 4.0)}
                          text-anchor="end">{ i18n.num(v) }</text>
                </g> }
            }) }
            { for q.iter().enumerate().map(|(i, x)| {
                let cx = LEFT + slot * (i as f64 + 0.5);
                let bx = cx - bar_w / 2.0;
                let mut base = 0.0;
                let parts = [(x.won, "fc-seg-won"), (x.commit, "fc-seg-commit"), (x.best_case, "fc-seg-best")];
                let segs: Html = parts.iter().map(|(v, class)| {
                    let (y1, y0) = (y(base + v), y(base));
                    base += v;
                    html! { <rect class={*class} x={format!("{bx:.1}")} y={format!("{y1:.1}")}
                                  width={bar_w.to_string()} height={format!("{:.1}", (y0 - y1).max(0.0))} /> }
                }).collect();
                let total_y = y(x.total());
                html! { <g>
                    { segs }
                    if let Some(t) = x.target {
                        <line class="fc-target-line" x1={format!("{:.1}", cx - slot * 0.42)}
                              x2={format!("{:.1}", cx + slot * 0.42)}
                              y1={format!("{:.1}", y(t))} y2={format!("{:.1}", y(t))} />
                    }
                    <text class="fc-bar-label" x={format!("{cx:.1}")} y={format!("{:.1}", (total_y - 5.0).max(12.0))}
                          text-anchor="middle">{ i18n.num(x.total()) }</text>
                    <text class="fc-axis-label" x={format!("{cx:.1}")} y={(H - 8.0).to_string()}
                          text-anchor="middle">{ format!("Q{}", i + 1) }</text>
                </g> }
            }) }
        </svg>
    }
}

fn legend(i18n: &I18n) -> Html {
    html! {
        <ul class="fc-legend" aria-hidden="true">
            <li><span class="fc-swatch fc-swatch-won"></span>{ i18n.t("ltc_forecast.q_won") }</li>
            <li><span class="fc-swatch fc-swatch-commit"></span>{ i18n.t("ltc_forecast.q_commit") }</li>
            <li><span class="fc-swatch fc-swatch-best"></span>{ i18n.t("ltc_forecast.q_best") }</li>
            <li><span class="fc-swatch fc-swatch-target"></span>{ i18n.t("ltc_forecast.q_target") }</li>
        </ul>
    }
}

fn row(i18n: &I18n, id: &str, label: String, x: &Quarter, strong: bool) -> Html {
    let cell = |field: &str, v: String| {
        html! { <td class="num" data-testid={format!("fc-{id}-{field}")}>{ v }</td> }
    };
    html! {
        <tr class={classes!(strong.then_some("fc-total-row"))} data-testid={format!("fc-{id}")}>
            <th scope="row">{ label }</th>
            { cell("won", i18n.num(x.won)) }
            { cell("commit", i18n.num(x.commit)) }
            { cell("best", i18n.num(x.best_case)) }
            { cell("total", i18n.num(x.total())) }
            { cell("target", x.target.map_or_else(|| "—".to_string(), |t| i18n.num(t))) }
            { cell("gap", gap_text(i18n, x.target, x.total())) }
        </tr>
    }
}

/// The quarter section.
pub fn quarters(i18n: &I18n, q: &[Quarter; 4], year_target: Option<f64>) -> Html {
    let year = Quarter {
        won: q.iter().map(|x| x.won).sum(),
        commit: q.iter().map(|x| x.commit).sum(),
        best_case: q.iter().map(|x| x.best_case).sum(),
        target: year_target,
    };
    html! {
        <section class="card fc-quarters" data-testid="fc-quarters">
            <h3 class="card-title">{ i18n.t("ltc_forecast.title_quarters") }</h3>
            <p class="muted fc-note">{ i18n.t("ltc_forecast.quarters_note") }</p>
            <div class="fc-quarters-layout">
                <div class="fc-chart-box">
                    { chart(i18n, q) }
                    { legend(i18n) }
                </div>
                <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("ltc_forecast.title_quarters")}>
                    <table class="data-table fc-quarter-table" data-testid="fc-quarter-table">
                        <thead><tr>
                            <th scope="col">{ i18n.t("ltc_forecast.q_quarter") }</th>
                            <th scope="col" class="num">{ i18n.t("ltc_forecast.q_won") }</th>
                            <th scope="col" class="num">{ i18n.t("ltc_forecast.q_commit") }</th>
                            <th scope="col" class="num">{ i18n.t("ltc_forecast.q_best") }</th>
                            <th scope="col" class="num">{ i18n.t("ltc_forecast.q_total") }</th>
                            <th scope="col" class="num">{ i18n.t("ltc_forecast.q_target") }</th>
                            <th scope="col" class="num">{ i18n.t("ltc_forecast.q_gap") }</th>
                        </tr></thead>
                        <tbody>
                            { for q.iter().enumerate().map(|(i, x)| row(i18n, &format!("q{}", i + 1), format!("Q{}", i + 1), x, false)) }
                        </tbody>
                        <tfoot>
                            { row(i18n, "year", i18n.t("ltc_forecast.q_year").to_string(), &year, true) }
                        </tfoot>
                    </table>
                </div>
            </div>
        </section>
    }
}

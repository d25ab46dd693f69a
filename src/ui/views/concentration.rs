//! Concentration analytics (二八原则): how much of the business a few customers hold — top
//! shares, the customers that make 80 %, Gini, HHI, the decile ratio, the Pareto and Lorenz
//! curves, and every figure as a table.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::domain::concentration::{analyse_customers_with, Concentration, DecileBasis, Metric};
use crate::domain::number::{format_count, format_percent};
use crate::ui::charts::curve::ShareCurve;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::term::{Term, TermNotes};

/// y of a sampled curve at x (linear between the samples).
fn curve_at(points: &[crate::domain::concentration::CurvePoint], x: f64) -> f64 {
    for w in points.windows(2) {
        if x >= w[0].x && x <= w[1].x {
            let span = w[1].x - w[0].x;
            return if span > 0.0 {
                w[0].y + (w[1].y - w[0].y) * (x - w[0].x) / span
            } else {
                w[1].y
            };
        }
    }
    points.last().map(|p| p.y).unwrap_or(0.0)
}

/// One row of the figures table: label, value, test id and the jargon term it names, if any.
type FigureRow = (String, String, &'static str, Option<&'static str>);

/// The terms the figures table explains in its footnote.
const TERMS: [&str; 3] = ["gini", "hhi", "decile"];

fn figure_rows(i18n: &I18n, c: &Concentration) -> Vec<FigureRow> {
    let mut rows: Vec<FigureRow> = c
        .top_shares
        .iter()
        .map(|t| {
            (
                i18n.tf(
                    "conc.top_share",
                    &[
                        ("pct", &t.pct.to_string()),
                        ("n", &format_count(t.customers)),
                    ],
                ),
                format_percent(t.share * 100.0),
                "top",
                None,
            )
        })
        .collect();
    rows.push((
        i18n.t("conc.pareto_80").to_string(),
        i18n.tf(
            "conc.pareto_80_value",
            &[
                ("n", &format_count(c.pareto_80.customers)),
                ("share", &format_percent(c.pareto_80.customer_share * 100.0)),
            ],
        ),
        "pareto-80",
        None,
    ));
    rows.push((
        i18n.t("conc.gini").to_string(),
        format!("{:.3}", c.gini),
        "gini",
        Some("gini"),
    ));
    rows.push((
        i18n.t("conc.hhi").to_string(),
        format!("{:.0}", c.hhi),
        "hhi",
        Some("hhi"),
    ));
    rows.push((
        i18n.t(match c.decile.basis {
            DecileBasis::Value => "conc.decile_value",
            DecileBasis::Profit => "conc.decile_profit",
        })
        .to_string(),
        c.decile
            .ratio
            .map(|r| format!("{r:.1}×"))
            .unwrap_or_else(|| "—".to_string()),
        "decile",
        Some("decile"),
    ));
    rows
}

/// The concentration page.
#[function_component(ConcentrationView)]
pub fn concentration_view() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let metric = use_state(|| Metric::Revenue);
    let basis = use_state(|| DecileBasis::Value);
    let c = use_memo((DocRef(ws.clone()), *metric, *basis), |(d, m, b)| {
        analyse_customers_with(&d.0.customers, *m, *b)
    });
    let pick_metric = {
        let metric = metric.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            metric.set(if v == "annual_purchase" {
                Metric::AnnualPurchase
            } else {
                Metric::Revenue
            });
        })
    };
    let pick_basis = {
        let basis = basis.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            basis.set(if v == "profit" {
                DecileBasis::Profit
            } else {
                DecileBasis::Value
            });
        })
    };
    let excluded = c.excluded_negative + c.excluded_non_finite;
    let rows = figure_rows(&i18n, &c);
    let deciles: Vec<(f64, f64, f64)> = (1..=10)
        .map(|k| {
            let x = f64::from(k) / 10.0;
            (x, curve_at(&c.pareto, x), curve_at(&c.lorenz, x))
        })
        .collect();

    html! {
        <div class="concentration">
            <h2 class="view-title">{ i18n.t("conc.title") }</h2>
            <section class="card">
                <div class="settings-row">
                    <label class="setting"><span>{ i18n.t("conc.metric") }</span>
                        <select onchange={pick_metric} data-testid="conc-metric">
                            <option value="revenue" selected={*metric == Metric::Revenue}>{ i18n.t("conc.metric_revenue") }</option>
                            <option value="annual_purchase" selected={*metric == Metric::AnnualPurchase}>{ i18n.t("conc.metric_purchase") }</option>
                        </select>
                        <span class="print-only">{ i18n.t(if *metric == Metric::Revenue { "conc.metric_revenue" } else { "conc.metric_purchase" }) }</span>
                    </label>
                    <label class="setting"><span>{ i18n.t("conc.basis") }</span>
                        <select onchange={pick_basis} data-testid="conc-basis">
                            <option value="value" selected={*basis == DecileBasis::Value}>{ i18n.t("conc.basis_value") }</option>
                            <option value="profit" selected={*basis == DecileBasis::Profit}>{ i18n.t("conc.basis_profit") }</option>
                        </select>
                        <span class="print-only">{ i18n.t(if *basis == DecileBasis::Value { "conc.basis_value" } else { "conc.basis_profit" }) }</span>
                    </label>
                </div>
                <p class="muted">{ i18n.tf("conc.basis_hint", &[("n", &format_count(c.n)), ("total", &i18n.num(c.total))]) }</p>
                if excluded > 0 {
                    <p class="is-warning" data-testid="conc-excluded">
                        { i18n.tf("conc.excluded", &[("negative", &c.excluded_negative.to_string()), ("invalid", &c.excluded_non_finite.to_string())]) }
                    </p>
                }
            </section>
            if c.n == 0 {
                <section class="card"><p class="muted">{ i18n.t("conc.empty") }</p></section>
            } else {
                <div class="conc-grid">
                    <section class="card" aria-labelledby="conc-figures">
                        <h3 id="conc-figures" class="card-title">{ i18n.t("conc.figures") }</h3>
                        <table class="data-table conc-figures-table" data-testid="conc-figures">
                            <tbody>
                            { for rows.iter().map(|(label, value, id, term)| html! {
                                <tr data-figure={*id}>
                                    <th scope="row">
                                        if let Some(term) = term {
                                            <Term id={*term}>{ label.clone() }</Term>
                                        } else {
                                            { label.clone() }
                                        }
                                    </th>
                                    <td class="num">{ value.clone() }</td>
                                </tr>
                            }) }
                            </tbody>
                            <TermNotes ids={TERMS.to_vec()} colspan={2} />
                        </table>
                        <p class="muted conc-reading">{ i18n.t("conc.reading") }</p>
                    </section>
                    <section class="card" aria-labelledby="conc-pareto">
                        <h3 id="conc-pareto" class="card-title"><Term id="pareto">{ i18n.t("conc.pareto") }</Term></h3>
                        <ShareCurve points={c.pareto.clone()} label={i18n.t("conc.pareto_label").to_string()}
                            x_label={i18n.t("conc.x_ranked").to_string()} y_label={i18n.t("conc.y_share").to_string()}
                            mark={Some((0.8, c.pareto_80.customer_share))}
                            mark_label={i18n.tf("conc.mark_80", &[("share", &format_percent(c.pareto_80.customer_share * 100.0))])}
                            testid="pareto-chart" />
                    </section>
                    <section class="card" aria-labelledby="conc-lorenz">
                        <h3 id="conc-lorenz" class="card-title">
                            <Term id="lorenz">{ i18n.tf("conc.lorenz", &[("gini", &format!("{:.3}", c.gini))]) }</Term>
                        </h3>
                        <ShareCurve points={c.lorenz.clone()} label={i18n.t("conc.lorenz_label").to_string()}
                            x_label={i18n.t("conc.x_ascending").to_string()} y_label={i18n.t("conc.y_share").to_string()}
                            diagonal=true testid="lorenz-chart" />
                    </section>
                    <section class="card" aria-labelledby="conc-table">
                        <h3 id="conc-table" class="card-title">{ i18n.t("conc.table") }</h3>
                        <table class="data-table" data-testid="conc-curve-table">
                            <thead><tr>
                                <th scope="col" class="num">{ i18n.t("conc.col_customers") }</th>
                                <th scope="col" class="num">{ i18n.t("conc.col_top") }</th>
                                <th scope="col" class="num">{ i18n.t("conc.col_bottom") }</th>
                            </tr></thead>
                            <tbody>
                            { for deciles.iter().map(|(x, top, bottom)| html! {
                                <tr>
                                    <td class="num">{ format_percent(x * 100.0) }</td>
                                    <td class="num">{ format_percent(top * 100.0) }</td>
                                    <td class="num">{ format_percent(bottom * 100.0) }</td>
                                </tr>
                            }) }
                            </tbody>
                        </table>
                    </section>
                </div>
            }
        </div>
    }
}

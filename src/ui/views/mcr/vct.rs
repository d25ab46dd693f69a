//! The account's VCT checks (value, communication, trust): the five questions answered 1–5 on a
//! day, every check kept. The latest answers with the change against the check before, the
//! trend of each question as a line chart with the same figures as a table, and a line to
//! record a new check.

use yew::prelude::*;

use super::PartProps;
use crate::domain::dates::day_number;
use crate::domain::edit::Edit;
use crate::domain::mcr::{VctCheck, VctQuestion, VCT_RANGE};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::views::customers::{event_value, Select};

pub use crate::domain::mcr::calc::vct_history as history;

fn answer_text(a: Option<u8>) -> String {
    a.map_or_else(|| "—".to_string(), |v| v.to_string())
}

/// The trend chart: one line per question over the checks, 1 at the bottom, 5 at the top.
fn trend(i18n: &I18n, checks: &[&VctCheck]) -> Html {
    const W: f64 = 520.0;
    const H: f64 = 200.0;
    const L: f64 = 36.0;
    const R: f64 = 44.0;
    const T: f64 = 12.0;
    const B: f64 = 36.0;
    let n = checks.len();
    let px = |i: usize| {
        if n <= 1 {
            L + (W - L - R) / 2.0
        } else {
            L + i as f64 * (W - L - R) / (n - 1) as f64
        }
    };
    let py = |v: u8| H - B - (f64::from(v) - 1.0) / 4.0 * (H - T - B);
    html! {
        <svg class="mcr-vct-chart" viewBox={format!("0 0 {W} {H}")} width={W.to_string()} height={H.to_string()}
             role="img" aria-label={i18n.t("mcr.vct_chart_label")} data-testid="mcr-vct-chart">
            { for (VCT_RANGE.0..=VCT_RANGE.1).map(|v| html! {
                <g>
                    <line class="mcr-axis" x1={L.to_string()} x2={(W - R).to_string()} y1={format!("{:.1}", py(v))} y2={format!("{:.1}", py(v))} />
                    <text class="mcr-tick" x={(L - 8.0).to_string()} y={format!("{:.1}", py(v) + 4.0)} text-anchor="end">{ v }</text>
                </g>
            }) }
            { for checks.iter().enumerate().map(|(i, c)| html! {
                <text class="mcr-tick" x={format!("{:.1}", px(i))} y={(H - 14.0).to_string()} text-anchor="middle">{ c.date.clone() }</text>
            }) }
            { for VctQuestion::ALL.iter().map(|q| {
                let pts: Vec<(f64, f64)> = checks.iter().enumerate()
                    .filter_map(|(i, c)| c.answer(*q).map(|a| (px(i), py(a))))
                    .collect();
                let d = pts.iter().enumerate()
                    .map(|(k, (x, y))| format!("{}{x:.1},{y:.1}", if k == 0 { "M" } else { " L" }))
                    .collect::<String>();
                html! {
                    <g class={format!("mcr-vct-series mcr-vct-{}", q.key())}>
                        if pts.len() > 1 { <path class="mcr-vct-line" d={d} /> }
                        { for pts.iter().map(|(x, y)| html! { <circle class="mcr-vct-dot" cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="3.5" /> }) }
                    </g>
                }
            }) }
        </svg>
    }
}

/// The VCT part of the plan tab.
#[function_component(Vct)]
pub fn vct(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let ws = &props.ws.0;
    let date = use_state(|| ws.meta.today.clone());
    let answers = use_state(|| [0u8; 5]);
    let Some(account) = props.account.clone() else {
        return html! {};
    };
    let checks = history(&ws.mcr.vct, &account);
    let latest = checks.last().copied();
    let before = checks
        .len()
        .checked_sub(2)
        .and_then(|i| checks.get(i))
        .copied();
    let on_add = {
        let (ws, on_edit, date, answers, account) = (
            ws.clone(),
            props.on_edit.clone(),
            date.clone(),
            answers.clone(),
            account.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut doc = ws.mcr.clone();
            let id = doc.next_id("vct-");
            doc.vct.push(VctCheck {
                id,
                account: account.clone(),
                date: (*date).clone(),
                answers: *answers,
                notes: String::new(),
                updated_at: 0,
            });
            on_edit.emit(Edit::SetMcr(Box::new(doc)));
            answers.set([0; 5]);
        })
    };
    let choices: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from("0"), AttrValue::from("—")))
            .chain(
                (VCT_RANGE.0..=VCT_RANGE.1).map(|v| (v.to_string().into(), v.to_string().into())),
            )
            .collect();
    let complete = answers.iter().all(|a| *a >= VCT_RANGE.0) && day_number(&date).is_some();
    html! {
        <section class="mcr-vct" data-testid="mcr-vct">
            <h3>{ i18n.t("mcr.vct_title") }</h3>
            <p class="muted">{ i18n.t("mcr.vct_intro") }</p>
            if let Some(last) = latest {
                <div class="mcr-vct-latest" data-testid="mcr-vct-latest">
                    <p class="mcr-vct-date">{ i18n.tf("mcr.vct_latest", &[("date", &last.date)]) }</p>
                    <ul class="mcr-vct-answers">
                        { for VctQuestion::ALL.iter().map(|q| {
                            let now = last.answer(*q);
                            let prev = before.and_then(|b| b.answer(*q));
                            let change = match (now, prev) {
                                (Some(a), Some(b)) if a < b => Some(("is-down", "↓", "mcr.vct_down")),
                                (Some(a), Some(b)) if a > b => Some(("is-up", "↑", "mcr.vct_up")),
                                _ => None,
                            };
                            html! {
                                <li class={classes!("mcr-vct-answer", change.map(|c| c.0))} data-testid={format!("mcr-vct-{}", q.key())}>
                                    <span class="mcr-vct-q">{ i18n.t(&format!("mcr.vct_{}", q.key())) }</span>
                                    <span class="mcr-vct-value">{ answer_text(now) }</span>
                                    if let Some((_, arrow, key)) = change {
                                        <span class="mcr-vct-change" title={i18n.tf(key, &[("from", &answer_text(prev))])}>
                                            { arrow }<span class="visually-hidden">{ i18n.tf(key, &[("from", &answer_text(prev))]) }</span>
                                        </span>
                                    }
                                </li>
                            }
                        }) }
                    </ul>
                </div>
                { trend(&i18n, &checks) }
                <ul class="mcr-vct-legend" aria-hidden="true">
                    { for VctQuestion::ALL.iter().map(|q| html! {
                        <li class={format!("mcr-vct-{}", q.key())}><span class="mcr-vct-key"></span>{ i18n.t(&format!("mcr.vct_{}_short", q.key())) }</li>
                    }) }
                </ul>
                <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("mcr.vct_history")}>
                    <table class="mcr-vct-table" data-testid="mcr-vct-table">
                        <thead><tr>
                            <th scope="col">{ i18n.t("mcr.vct_date") }</th>
                            { for VctQuestion::ALL.iter().map(|q| html! {
                                <th scope="col" class="num">{ i18n.t(&format!("mcr.vct_{}_short", q.key())) }</th>
                            }) }
                            <th scope="col" class="num">{ i18n.t("mcr.vct_mean") }</th>
                        </tr></thead>
                        <tbody>
                            { for checks.iter().rev().map(|c| html! {
                                <tr>
                                    <th scope="row">{ c.date.clone() }</th>
                                    { for VctQuestion::ALL.iter().map(|q| html! { <td class="num">{ answer_text(c.answer(*q)) }</td> }) }
                                    <td class="num">{ c.mean().map_or_else(|| "—".to_string(), |m| format!("{m:.1}")) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            } else {
                <p class="muted" data-testid="mcr-vct-empty">{ i18n.t("mcr.vct_empty") }</p>
            }
            <form class="mcr-vct-add" onsubmit={on_add} aria-label={i18n.t("mcr.vct_add")}>
                <label>
                    { i18n.t("mcr.vct_date") }
                    <input type="date" data-testid="mcr-vct-new-date" value={(*date).clone()}
                           oninput={let d = date.clone(); move |e: InputEvent| d.set(event_value(&e))} />
                </label>
                { for VctQuestion::ALL.iter().map(|q| {
                    let i = q.index();
                    let value = answers[i];
                    let onchange = {
                        let answers = answers.clone();
                        Callback::from(move |v: String| {
                            let mut a = *answers;
                            a[i] = v.parse().unwrap_or(0);
                            answers.set(a);
                        })
                    };
                    html! {
                        <label>
                            { i18n.t(&format!("mcr.vct_{}_short", q.key())) }
                            <Select testid={format!("mcr-vct-new-{}", q.key())} options={choices.clone()}
                                    value={AttrValue::from(value.to_string())} {onchange} />
                        </label>
                    }
                }) }
                <button type="submit" class="button button-primary" data-testid="mcr-vct-add" disabled={!complete}>{ i18n.t("mcr.vct_add") }</button>
            </form>
        </section>
    }
}

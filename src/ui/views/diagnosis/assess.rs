//! The self-assessment tab: the radar and its table, the weakest dimension with the tools that
//! address it, the respondents (named or anonymous), and the grid of statements × respondents
//! where each rating 1–5 is chosen. The statements themselves are edited in [`super::statements`].

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::radar::Radar;
use super::statements::StatementEditor;
use super::{dimension_name, score_text, text_in, tool_link, PartProps};
use crate::domain::diagnosis::calc::{self, respondent_mean};
use crate::domain::diagnosis::{Respondent, Soti};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::views::customers::Select;

/// A respondent's label: the name, or "匿名 2" for the second anonymous one.
pub fn respondent_label(i18n: &I18n, respondents: &[Respondent], index: usize) -> String {
    match respondents.get(index) {
        Some(r) if !r.name.trim().is_empty() => r.name.clone(),
        _ => {
            let n = respondents[..index.min(respondents.len())]
                .iter()
                .filter(|r| r.name.trim().is_empty())
                .count()
                + 1;
            i18n.tf("diagnosis.anonymous", &[("n", &n.to_string())])
        }
    }
}

/// The tab.
#[function_component(Assess)]
pub fn assess(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let ws = &props.ws.0;
    let d = &ws.diagnosis;
    let editing = use_state(|| false);
    let new_name = use_node_ref();
    let weakest = calc::weakest(&props.scores);
    let respondents: Rc<Vec<(String, [Option<f64>; 4])>> = Rc::new(
        d.respondents
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    respondent_label(&i18n, &d.respondents, i),
                    Soti::ALL.map(|dim| respondent_mean(d, r, dim)),
                )
            })
            .collect(),
    );
    let statement_scores = calc::statement_scores(d);
    let add_respondent = {
        let (ws, on_save, new_name) = (props.ws.clone(), props.on_save.clone(), new_name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut next = ws.0.diagnosis.clone();
            let name = new_name
                .cast::<HtmlInputElement>()
                .map(|i| {
                    let v = i.value();
                    i.set_value("");
                    v.trim().to_string()
                })
                .unwrap_or_default();
            next.respondents.push(Respondent {
                id: next.next_id("rs-"),
                name,
                ..Respondent::default()
            });
            on_save.emit(next);
        })
    };
    let remove_respondent = |id: String| {
        let (ws, on_save) = (props.ws.clone(), props.on_save.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = ws.0.diagnosis.clone();
            next.respondents.retain(|r| r.id != id);
            on_save.emit(next);
        })
    };
    let rate = |respondent: String, statement: String| {
        let (ws, on_save) = (props.ws.clone(), props.on_save.clone());
        Callback::from(move |v: String| {
            let mut next = ws.0.diagnosis.clone();
            if let Some(r) = next.respondents.iter_mut().find(|r| r.id == respondent) {
                match v.parse::<u8>() {
                    Ok(n) => {
                        r.ratings.insert(statement.clone(), n);
                    }
                    Err(_) => {
                        r.ratings.remove(&statement);
                    }
                }
            }
            on_save.emit(next);
        })
    };
    let options: Vec<(AttrValue, AttrValue)> = std::iter::once(("".into(), "—".into()))
        .chain((1..=5).map(|n: u8| (n.to_string().into(), n.to_string().into())))
        .collect();
    let toggle = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(!*editing))
    };
    html! {
        <section class="diag-assess" data-testid="diag-assess">
            <div class="diag-assess-top">
                <Radar scores={props.scores.clone()} respondents={respondents.clone()} />
                <div class="diag-weakest card" data-testid="diag-weakest">
                    { match weakest {
                        Some(w) => {
                            let mean = props.scores.iter().find(|s| s.dimension == w).and_then(|s| s.mean);
                            html! {
                                <>
                                    <h3>{ i18n.tf("diagnosis.weakest", &[("dim", &dimension_name(&i18n, w)), ("score", &score_text(mean))]) }</h3>
                                    <p>{ i18n.t(&format!("diagnosis.dim_{}_about", w.key())) }</p>
                                    <p class="diag-open-first">{ i18n.t("diagnosis.open_tools") }
                                        { for w.tools().iter().map(|t| html! { <>{ " " }{ tool_link(&i18n, *t) }</> }) }
                                    </p>
                                </>
                            }
                        }
                        None => html! { <p class="muted">{ i18n.t("diagnosis.nothing_rated") }</p> },
                    } }
                    { for props.scores.iter().filter(|s| s.spread >= 1.0).map(|s| html! {
                        <p class="diag-spread-note" data-testid={format!("diag-spread-{}", s.dimension.key())}>
                            { i18n.tf("diagnosis.spread_note", &[("dim", &dimension_name(&i18n, s.dimension)), ("spread", &format!("{:.1}", s.spread))]) }
                        </p>
                    }) }
                </div>
            </div>
            <div class="diag-respondents">
                <h3>{ i18n.t("diagnosis.respondents") }</h3>
                <ul class="diag-respondent-list">
                    { for d.respondents.iter().enumerate().map(|(i, r)| {
                        let label = respondent_label(&i18n, &d.respondents, i);
                        html! {
                            <li class={classes!("diag-respondent", format!("diag-radar-r{}", i % 6))} data-testid={format!("diag-respondent-{}", r.id)}>
                                <span class="diag-respondent-swatch" aria-hidden="true"></span>
                                { label.clone() }
                                <button type="button" class="button diag-remove" onclick={remove_respondent(r.id.clone())}
                                        aria-label={i18n.tf("diagnosis.remove_respondent", &[("name", &label)])}>{ "×" }</button>
                            </li>
                        }
                    }) }
                </ul>
                <form class="diag-add-respondent" onsubmit={add_respondent}>
                    <label for="diag-new-respondent">{ i18n.t("diagnosis.respondent_name") }</label>
                    <input id="diag-new-respondent" ref={new_name} type="text" maxlength="80"
                           placeholder={i18n.t("diagnosis.respondent_placeholder").to_string()} data-testid="diag-new-respondent" />
                    <button type="submit" class="button" data-testid="diag-add-respondent">{ i18n.t("diagnosis.add_respondent") }</button>
                </form>
            </div>
            <div class="diag-grid-head">
                <h3>{ i18n.t("diagnosis.statements") }</h3>
                <button type="button" class="button" onclick={toggle} aria-pressed={editing.to_string()} data-testid="diag-edit-statements">
                    { i18n.t(if *editing { "diagnosis.done_editing" } else { "diagnosis.edit_statements" }) }
                </button>
            </div>
            if *editing {
                <StatementEditor ws={props.ws.clone()} on_save={props.on_save.clone()} />
            } else if d.statements.is_empty() {
                <p class="muted">{ i18n.t("diagnosis.no_statements") }</p>
            } else {
                <div class="table-scroll diag-grid-scroll" tabindex="0" role="group" aria-label={i18n.t("diagnosis.statements").to_string()}>
                    <table class="data-table diag-grid" data-testid="diag-grid">
                        <thead><tr>
                            <th scope="col">{ i18n.t("diagnosis.col_statement") }</th>
                            { for respondents.iter().map(|(label, _)| html! { <th scope="col" class="num">{ label.clone() }</th> }) }
                            <th scope="col" class="num">{ i18n.t("diagnosis.col_mean") }</th>
                            <th scope="col" class="num">{ i18n.t("diagnosis.col_gap") }</th>
                        </tr></thead>
                        { for Soti::ALL.iter().map(|dim| html! {
                            <tbody>
                                <tr class="diag-grid-dim"><th scope="rowgroup" colspan={(d.respondents.len() + 3).to_string()}>
                                    { format!("{} · {}", dim.letter(), dimension_name(&i18n, *dim)) }
                                </th></tr>
                                { for d.statements.iter().filter(|s| s.dimension == *dim).map(|s| {
                                    let text = text_in(&i18n, &s.zh, &s.en).to_string();
                                    let score = statement_scores.iter().find(|x| x.statement == s.id);
                                    html! {
                                        <tr data-testid={format!("diag-statement-{}", s.id)}>
                                            <th scope="row" class="diag-statement-text">{ text.clone() }</th>
                                            { for d.respondents.iter().enumerate().map(|(i, r)| {
                                                let value = r.rating(&s.id).map(|v| v.to_string()).unwrap_or_default();
                                                html! {
                                                    <td class="num">
                                                        <label class="visually-hidden" for={format!("diag-rate-{}-{}", r.id, s.id)}>
                                                            { i18n.tf("diagnosis.rating_of", &[("who", &respondents[i].0), ("statement", &text)]) }
                                                        </label>
                                                        <Select id={format!("diag-rate-{}-{}", r.id, s.id)} testid={format!("diag-rate-{}-{}", r.id, s.id)}
                                                                value={AttrValue::from(value.clone())} options={options.clone()} onchange={rate(r.id.clone(), s.id.clone())} />
                                                        <span class="print-only">{ if value.is_empty() { "—".to_string() } else { value } }</span>
                                                    </td>
                                                }
                                            }) }
                                            <td class="num">{ score_text(score.and_then(|x| x.mean)) }</td>
                                            <td class={classes!("num", score.is_some_and(|x| x.spread >= 2).then_some("is-wide"))}>
                                                { score.filter(|x| x.answers > 1).map_or_else(|| "—".to_string(), |x| x.spread.to_string()) }
                                            </td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        }) }
                    </table>
                </div>
                if d.respondents.is_empty() {
                    <p class="muted">{ i18n.t("diagnosis.add_first") }</p>
                }
            }
        </section>
    }
}

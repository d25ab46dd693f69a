//! The scorecard editor: the card's names, whom it applies to and its cap; its indicators
//! (dimension, names, unit, direction, weight, floor, target, challenge, actual, link to the 151
//! programme) with each score and how it was computed; the total and the card's checks.

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::fields::KpiNumber;
use super::text::{
    card_problem_text, dimension_name, direction_name, link_label, linked_value_text, score_text,
    why_text,
};
use crate::domain::kpi::people::{team_result, LinkedActuals};
use crate::domain::kpi::score::{check_card, Severity};
use crate::domain::kpi::{Dimension, Direction, Indicator, Kpi, OwnerKind, Scorecard};
use crate::domain::org::talent_input::{format_plain, fresh_id};
use crate::domain::org::TriangleType;
use crate::domain::text_width::{fit_px, text_px};
use crate::ui::i18n::use_i18n;

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The document.
    pub kpi: Kpi,
    /// The scorecard edited.
    pub card: String,
    /// Figures of the 151 programme.
    pub linked: LinkedActuals,
    /// (tier id, name) for "applies to".
    pub tiers: Vec<(String, String)>,
    /// (role id, caption) for role scorecards.
    pub roles: Vec<(String, String)>,
    /// The changed document.
    pub on_change: Callback<Kpi>,
    /// Delete the scorecard.
    pub on_delete: Callback<String>,
}

/// A callback that changes the edited card through `f` and emits the document.
fn card_edit<T: 'static>(
    props: &EditorProps,
    f: impl Fn(&mut Scorecard, T) + 'static,
) -> Callback<T> {
    let kpi = props.kpi.clone();
    let id = props.card.clone();
    let on_change = props.on_change.clone();
    Callback::from(move |v: T| {
        let mut next = kpi.clone();
        if let Some(card) = next.scorecards.iter_mut().find(|c| c.id == id) {
            f(card, v);
            on_change.emit(next);
        }
    })
}

/// A callback that changes indicator `idx` of the edited card.
fn ind_edit<T: 'static>(
    props: &EditorProps,
    idx: usize,
    f: impl Fn(&mut Indicator, T) + 'static,
) -> Callback<T> {
    card_edit(props, move |card: &mut Scorecard, v: T| {
        if let Some(ind) = card.indicators.get_mut(idx) {
            f(ind, v);
        }
    })
}

fn text_value(e: Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>()
        .value()
        .trim()
        .to_string()
}

fn select_value(e: Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// The editor card.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let i18n = use_i18n();
    let Some(card) = props.kpi.scorecard(&props.card).cloned() else {
        return html! {};
    };
    let is_team = card.owner == OwnerKind::Organisation;
    let problems = check_card(&card);
    let result = team_result(&card, &props.linked);
    let weight_sum = card.weight_sum();

    let on_name_zh = card_edit(props, |c, e: Event| c.name_zh = text_value(e));
    let on_name_en = card_edit(props, |c, e: Event| c.name_en = text_value(e));
    let on_cap = card_edit(props, |c, v: Option<f64>| {
        if let Some(v) = v {
            c.cap = v.max(0.0);
        }
    });
    let on_triangle = card_edit(props, |c, e: Event| {
        let v = select_value(e);
        c.triangle = TriangleType::ALL.into_iter().find(|t| t.key() == v);
    });
    let on_tier = card_edit(props, |c, e: Event| {
        let v = select_value(e);
        c.tier = (!v.is_empty()).then_some(v);
    });
    let on_role = card_edit(props, |c, e: Event| c.role = select_value(e));
    let on_add = {
        let taken: Vec<String> = props
            .kpi
            .scorecards
            .iter()
            .flat_map(|c| c.indicators.iter().map(|i| i.id.clone()))
            .collect();
        let prefix = format!("{}.ind", card.id);
        card_edit(props, move |c, _: MouseEvent| {
            let id = fresh_id(&prefix, taken.iter().map(String::as_str));
            c.indicators.push(Indicator {
                metric: id.clone(),
                id,
                ..Indicator::default()
            });
        })
    };
    let on_delete = {
        let on_delete = props.on_delete.clone();
        let id = card.id.clone();
        Callback::from(move |_| on_delete.emit(id.clone()))
    };

    let errors = problems
        .iter()
        .filter(|p| p.severity() == Severity::Error)
        .count();
    // The name inputs as wide as the longest name of the card plus their padding, in pixels
    // (the `size` attribute counts the font's average character, which a CJK font makes twice
    // too wide). Set through the CSSOM after every render (a row may be new): no `style` in the
    // markup, which a strict CSP would block.
    let widest = card
        .indicators
        .iter()
        .flat_map(|ind| [text_px(&ind.name_zh, 13.0), text_px(&ind.name_en, 13.0)])
        .fold(0.0, f64::max);
    let name_px = fit_px(widest, 22, 120, 420);
    let indicators_ref = use_node_ref();
    {
        let table = indicators_ref.clone();
        use_effect(move || {
            let width = format!("{name_px}px");
            let inputs = table
                .cast::<web_sys::Element>()
                .and_then(|el| el.query_selector_all(".kpi-names input").ok());
            if let Some(inputs) = inputs {
                for i in 0..inputs.length() {
                    if let Some(input) = inputs
                        .get(i)
                        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = input.style().set_property("width", &width);
                    }
                }
            }
        });
    }
    html! {
        <section class="card kpi-editor" data-testid="kpi-editor">
            <div class="kpi-card-head">
                <h3 class="card-title">{ i18n.t("kpi.editor_title") }</h3>
                <button type="button" class="button" onclick={on_delete} data-testid="kpi-card-delete">
                    { i18n.t("kpi.card_delete") }
                </button>
            </div>
            <div class="kpi-card-fields">
                <label>{ i18n.t("kpi.field_name_zh") }
                    <input type="text" value={card.name_zh.clone()} onchange={on_name_zh} maxlength="80"
                           data-testid="kpi-card-name-zh" />
                </label>
                <label>{ i18n.t("kpi.field_name_en") }
                    <input type="text" value={card.name_en.clone()} onchange={on_name_en} maxlength="80"
                           data-testid="kpi-card-name-en" />
                </label>
                <span class="kpi-owner" data-testid="kpi-card-owner">
                    { i18n.t(if is_team { "kpi.owner_org" } else { "kpi.owner_role" }) }
                </span>
                if !is_team {
                    <label>{ i18n.t("kpi.field_role") }
                        <select onchange={on_role} data-testid="kpi-card-role">
                            { for props.roles.iter().map(|(id, caption)| html! {
                                <option value={id.clone()} selected={*id == card.role}>{ caption.clone() }</option>
                            }) }
                        </select>
                    </label>
                }
                <label>{ i18n.t("kpi.field_triangle") }
                    <select onchange={on_triangle} data-testid="kpi-card-triangle">
                        <option value="" selected={card.triangle.is_none()}>{ i18n.t("kpi.applies_all") }</option>
                        { for TriangleType::ALL.iter().map(|t| html! {
                            <option value={t.key()} selected={card.triangle == Some(*t)}>
                                { i18n.t(&format!("kpi.triangle_{}", t.key())) }
                            </option>
                        }) }
                    </select>
                </label>
                <label>{ i18n.t("kpi.field_tier") }
                    <select onchange={on_tier} data-testid="kpi-card-tier">
                        <option value="" selected={card.tier.is_none()}>{ i18n.t("kpi.applies_all") }</option>
                        { for props.tiers.iter().map(|(id, name)| html! {
                            <option value={id.clone()} selected={card.tier.as_deref() == Some(id.as_str())}>{ name.clone() }</option>
                        }) }
                    </select>
                </label>
                <label>{ i18n.t("kpi.field_cap") }
                    <KpiNumber value={Some(card.cap)} label={i18n.t("kpi.field_cap").to_string()}
                               testid="kpi-card-cap" on_commit={on_cap} />
                </label>
            </div>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("kpi.col_indicator")}>
                <table class="data-table kpi-indicators" data-testid="kpi-indicators" ref={indicators_ref}>
                    <thead><tr>
                        <th scope="col">{ i18n.t("kpi.col_dimension") }</th>
                        <th scope="col">{ i18n.t("kpi.col_name") }</th>
                        <th scope="col">{ i18n.t("kpi.col_unit") }</th>
                        <th scope="col">{ i18n.t("kpi.col_direction") }</th>
                        <th scope="col" class="num">{ i18n.t("kpi.col_weight") }</th>
                        <th scope="col" class="num">{ i18n.t("kpi.col_floor") }</th>
                        <th scope="col" class="num">{ i18n.t("kpi.col_target") }</th>
                        <th scope="col" class="num">{ i18n.t("kpi.col_challenge") }</th>
                        if is_team { <th scope="col" class="num">{ i18n.t("kpi.col_actual") }</th> }
                        <th scope="col">{ i18n.t("kpi.col_link") }</th>
                        if is_team { <th scope="col" class="num">{ i18n.t("kpi.col_score") }</th> }
                        <th scope="col"><span class="visually-hidden">{ i18n.t("kpi.col_actions") }</span></th>
                    </tr></thead>
                    <tbody>
                        { for card.indicators.iter().enumerate().map(|(i, ind)| {
                            let line = result.lines.get(i);
                            let row_problems: Vec<String> = problems.iter()
                                .filter(|p| p.indicator() == Some(ind.id.as_str()))
                                .map(|p| card_problem_text(&i18n, &card, p))
                                .collect();
                            let bad = !row_problems.is_empty();
                            let label = |key: &str| format!("{} · {}", i18n.t(key), super::text::indicator_name(&i18n, ind));
                            let on_dim = ind_edit(props, i, |ind, e: Event| {
                                let v = select_value(e);
                                if let Some(d) = Dimension::ALL.into_iter().find(|d| d.key() == v) {
                                    ind.dimension = d;
                                }
                            });
                            let on_dir = ind_edit(props, i, |ind, e: Event| {
                                ind.direction = if select_value(e) == "lower" { Direction::Lower } else { Direction::Higher };
                            });
                            let on_zh = ind_edit(props, i, |ind, e: Event| ind.name_zh = text_value(e));
                            let on_en = ind_edit(props, i, |ind, e: Event| ind.name_en = text_value(e));
                            let on_unit = ind_edit(props, i, |ind, e: Event| ind.unit = text_value(e));
                            let on_weight = ind_edit(props, i, |ind, v: Option<f64>| if let Some(v) = v { ind.weight = v });
                            let on_floor = ind_edit(props, i, |ind, v: Option<f64>| ind.floor = v);
                            let on_target = ind_edit(props, i, |ind, v: Option<f64>| if let Some(v) = v { ind.target = v });
                            let on_challenge = ind_edit(props, i, |ind, v: Option<f64>| if let Some(v) = v { ind.challenge = v });
                            let on_actual = ind_edit(props, i, |ind, v: Option<f64>| ind.actual = v);
                            let on_link = ind_edit(props, i, |ind, e: Event| {
                                ind.linked = e.target_unchecked_into::<HtmlInputElement>().checked();
                            });
                            let on_remove = card_edit(props, move |c, _: MouseEvent| {
                                if i < c.indicators.len() {
                                    c.indicators.remove(i);
                                }
                            });
                            let linked_value = line.filter(|l| l.linked).and_then(|l| l.actual);
                            html! {
                                <>
                                <tr class={classes!(bad.then_some("is-invalid"))} data-testid={format!("kpi-ind-{i}")}>
                                    <td>
                                        <select onchange={on_dim} aria-label={label("kpi.col_dimension")} data-testid={format!("kpi-ind-{i}-dimension")}>
                                            { for Dimension::ALL.iter().map(|d| html! {
                                                <option value={d.key()} selected={*d == ind.dimension}>{ dimension_name(&i18n, *d) }</option>
                                            }) }
                                        </select>
                                        <span class="print-only">{ dimension_name(&i18n, ind.dimension) }</span>
                                    </td>
                                    <td>
                                        <div class="kpi-names">
                                        <input type="text" value={ind.name_zh.clone()} onchange={on_zh} maxlength="80"
                                               aria-label={label("kpi.field_name_zh")} data-testid={format!("kpi-ind-{i}-name-zh")} />
                                        <input type="text" value={ind.name_en.clone()} onchange={on_en} maxlength="80"
                                               aria-label={label("kpi.field_name_en")} data-testid={format!("kpi-ind-{i}-name-en")} />
                                        </div>
                                    </td>
                                    <td>
                                        <input type="text" class="kpi-unit" value={ind.unit.clone()} onchange={on_unit} maxlength="12"
                                               aria-label={label("kpi.col_unit")} />
                                    </td>
                                    <td>
                                        <select onchange={on_dir} aria-label={label("kpi.col_direction")} data-testid={format!("kpi-ind-{i}-direction")}>
                                            <option value="higher" selected={ind.direction == Direction::Higher}>{ direction_name(&i18n, Direction::Higher) }</option>
                                            <option value="lower" selected={ind.direction == Direction::Lower}>{ direction_name(&i18n, Direction::Lower) }</option>
                                        </select>
                                        <span class="print-only">{ direction_name(&i18n, ind.direction) }</span>
                                    </td>
                                    <td class="num"><KpiNumber value={Some(ind.weight)} label={label("kpi.col_weight")}
                                        testid={format!("kpi-ind-{i}-weight")} on_commit={on_weight} /></td>
                                    <td class="num"><KpiNumber value={ind.floor} optional=true invalid={bad} label={label("kpi.col_floor")}
                                        testid={format!("kpi-ind-{i}-floor")} on_commit={on_floor} /></td>
                                    <td class="num"><KpiNumber value={Some(ind.target)} invalid={bad} label={label("kpi.col_target")}
                                        testid={format!("kpi-ind-{i}-target")} on_commit={on_target} /></td>
                                    <td class="num"><KpiNumber value={Some(ind.challenge)} invalid={bad} label={label("kpi.col_challenge")}
                                        testid={format!("kpi-ind-{i}-challenge")} on_commit={on_challenge} /></td>
                                    if is_team {
                                        <td class="num">
                                            <KpiNumber value={ind.actual} optional=true label={label("kpi.col_actual")}
                                                testid={format!("kpi-ind-{i}-actual")} on_commit={on_actual} />
                                        </td>
                                    }
                                    <td>
                                        if let Some(link) = link_label(&i18n, &ind.metric) {
                                            <label class="kpi-link">
                                                <input type="checkbox" checked={ind.linked} onchange={on_link}
                                                       aria-label={format!("{link} · {}", super::text::indicator_name(&i18n, ind))}
                                                       data-testid={format!("kpi-ind-{i}-linked")} />
                                                { link }
                                            </label>
                                            if ind.linked {
                                                <span class="kpi-linked-value muted" data-testid={format!("kpi-ind-{i}-linked-value")}>
                                                    { linked_value_text(&i18n, ind, linked_value) }
                                                </span>
                                            }
                                        }
                                    </td>
                                    if is_team {
                                        <td class="num kpi-score-cell">
                                            if let Some(l) = line {
                                                <strong data-testid={format!("kpi-ind-{i}-score")}>{ score_text(l.score.value) }</strong>
                                            }
                                        </td>
                                    }
                                    <td>
                                        <button type="button" class="button kpi-remove" onclick={on_remove}
                                                aria-label={label("kpi.ind_remove")} data-testid={format!("kpi-ind-{i}-remove")}>
                                            { "×" }
                                        </button>
                                    </td>
                                </tr>
                                if let (true, Some(l)) = (is_team, line) {
                                    <tr class="kpi-row-why">
                                        <td colspan="12" class="muted" data-testid={format!("kpi-ind-{i}-why")}>
                                            { i18n.tf("kpi.why_line", &[("name", &super::text::indicator_name(&i18n, ind)), ("score", &score_text(l.score.value)), ("why", &why_text(&i18n, ind, &l.score.why))]) }
                                        </td>
                                    </tr>
                                }
                                if bad {
                                    <tr class="kpi-row-problem"><td colspan="12" role="alert" data-testid={format!("kpi-ind-{i}-problem")}>
                                        { row_problems.join(" ") }
                                    </td></tr>
                                }
                                </>
                            }
                        }) }
                    </tbody>
                    <tfoot>
                        <tr class={classes!(((weight_sum - 100.0).abs() > 1e-6).then_some("is-error"))}>
                            <th scope="row" colspan="4">{ i18n.t("kpi.weight_sum") }</th>
                            <td class="num" data-testid="kpi-weight-sum">{ format_plain(weight_sum) }</td>
                            <td colspan="7"></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <button type="button" class="button" onclick={on_add} data-testid="kpi-ind-add">{ i18n.t("kpi.ind_add") }</button>
            if is_team {
                <p class="kpi-total" data-testid="kpi-total-line">
                    { i18n.t("kpi.total") }{ " " }
                    <strong data-testid="kpi-total">{ score_text(result.total) }</strong>
                    <span class="muted">{ " " }{ i18n.t("kpi.total_formula") }</span>
                </p>
            } else {
                <p class="muted kpi-hint">{ i18n.t("kpi.role_card_hint") }</p>
            }
            <div class={classes!("kpi-checks", (errors > 0).then_some("has-errors"))} data-testid="kpi-card-checks">
                if problems.is_empty() {
                    <p class="kpi-ok" data-testid="kpi-card-ok">{ i18n.t("kpi.card_ok") }</p>
                } else {
                    <ul class="kpi-problems">
                        { for problems.iter().map(|p| {
                            let tone = if p.severity() == Severity::Error { "is-error" } else { "is-warning" };
                            html! {
                                <li class={tone} data-testid="kpi-problem">{ card_problem_text(&i18n, &card, p) }</li>
                            }
                        }) }
                    </ul>
                }
            </div>
        </section>
    }
}

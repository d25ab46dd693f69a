//! Score mode: weighted dimensions (field, weight, linear anchors or bands) and whether tiers
//! follow from cut-offs or target shares.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::domain::number::parse_compact;
use crate::domain::tiering::score::{parse_bands, Band, ScoreProblem};
use crate::domain::tiering::{Field, ScoreAssign, ScoreDimension, ScoreMapping, TieringConfig};
use crate::ui::explain::field_label;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::views::tiering::dimension_title;

/// Props of [`ScoreEditor`].
#[derive(Properties, PartialEq)]
pub struct ScoreEditorProps {
    /// The configuration being edited.
    pub config: TieringConfig,
    /// A changed configuration to apply.
    pub on_change: Callback<TieringConfig>,
}

/// Bands written as `from-to:score; …`, e.g. `1-4:100; 4-11:60`.
fn bands_text(bands: &[Band]) -> String {
    bands
        .iter()
        .map(|b| format!("{}-{}:{}", b.from, b.to, b.score))
        .collect::<Vec<_>>()
        .join("; ")
}

fn problem_text(i18n: &I18n, model_dims: &[ScoreDimension], p: &ScoreProblem) -> String {
    let name = |i: &usize| {
        model_dims
            .get(*i)
            .map(|d| dimension_title(i18n, d, *i))
            .unwrap_or_default()
    };
    match p {
        ScoreProblem::WeightsNot100 { total } => {
            i18n.tf("tiering.weights_not_100", &[("total", &format!("{total}"))])
        }
        ScoreProblem::FlatLinear { dimension } => {
            i18n.tf("tiering.flat_linear", &[("name", &name(dimension))])
        }
        ScoreProblem::NoBands { dimension } => {
            i18n.tf("tiering.no_bands", &[("name", &name(dimension))])
        }
    }
}

/// The score model editor.
#[function_component(ScoreEditor)]
pub fn score_editor(props: &ScoreEditorProps) -> Html {
    let i18n = use_i18n();
    let model = &props.config.score;
    let change = {
        let config = props.config.clone();
        let on_change = props.on_change.clone();
        move |f: Box<dyn Fn(&mut TieringConfig)>| {
            let mut next = config.clone();
            f(&mut next);
            on_change.emit(next);
        }
    };
    let set_assign = {
        let change = change.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let by = if v == "target_shares" {
                ScoreAssign::TargetShares
            } else {
                ScoreAssign::Cutoffs
            };
            change(Box::new(move |c: &mut TieringConfig| {
                c.score.assign_by = by
            }));
        })
    };
    let add = {
        let change = change.clone();
        Callback::from(move |_| {
            change(Box::new(|c: &mut TieringConfig| {
                let mut k = c.score.dimensions.len() + 1;
                while c
                    .score
                    .dimensions
                    .iter()
                    .any(|d| d.id == format!("dim-{k}"))
                {
                    k += 1;
                }
                c.score.dimensions.push(ScoreDimension {
                    id: format!("dim-{k}"),
                    name_zh: format!("维度{k}"),
                    name_en: format!("Dimension {k}"),
                    ..ScoreDimension::default()
                });
            }))
        })
    };
    let problems = model.problems();
    html! {
        <div class="score-editor">
            <label class="score-assign">
                <span>{ i18n.t("tiering.assign_by") }</span>
                <select onchange={set_assign} data-testid="score-assign">
                    <option value="cutoffs" selected={model.assign_by == ScoreAssign::Cutoffs}>{ i18n.t("tiering.assign_cutoffs") }</option>
                    <option value="target_shares" selected={model.assign_by == ScoreAssign::TargetShares}>{ i18n.t("tiering.assign_shares") }</option>
                </select>
            </label>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("tiering.score_model")}>
            <table class="data-table score-table">
                <thead><tr>
                    <th scope="col">{ i18n.t("tiering.dimension") }</th>
                    <th scope="col">{ i18n.t("tiering.weight") }</th>
                    <th scope="col">{ i18n.t("tiering.field") }</th>
                    <th scope="col">{ i18n.t("tiering.mapping") }</th>
                    <th scope="col">{ i18n.t("tiering.anchors") }</th>
                    <th scope="col"><span class="visually-hidden">{ i18n.t("tiering.remove_dimension") }</span></th>
                </tr></thead>
                <tbody>
                { for model.dimensions.iter().enumerate().map(|(i, d)| {
                    // Every control of the row says which dimension it belongs to.
                    let name = dimension_title(&i18n, d, i);
                    let named = |key: &str| i18n.tf(key, &[("name", &name)]);
                    let edit = |f: fn(&mut ScoreDimension, String)| {
                        let change = change.clone();
                        Callback::from(move |e: Event| {
                            let v = match e.target_dyn_into::<HtmlInputElement>() {
                                Some(input) => input.value(),
                                None => e.target_unchecked_into::<HtmlSelectElement>().value(),
                            };
                            change(Box::new(move |c: &mut TieringConfig| {
                                if let Some(d) = c.score.dimensions.get_mut(i) { f(d, v.clone()) }
                            }));
                        })
                    };
                    let remove = {
                        let change = change.clone();
                        Callback::from(move |_| change(Box::new(move |c: &mut TieringConfig| {
                            if i < c.score.dimensions.len() { c.score.dimensions.remove(i); }
                        })))
                    };
                    let (kind, anchors) = match &d.mapping {
                        ScoreMapping::Linear { low, high } => ("linear", html! {
                            <span class="anchors">
                                <input value={low.to_string()} aria-label={named("tiering.low_of")}
                                       onchange={edit(|d, v| if let (ScoreMapping::Linear { low, .. }, Some(x)) = (&mut d.mapping, parse_compact(&v)) { *low = x })} />
                                { " → " }
                                <input value={high.to_string()} aria-label={named("tiering.high_of")}
                                       onchange={edit(|d, v| if let (ScoreMapping::Linear { high, .. }, Some(x)) = (&mut d.mapping, parse_compact(&v)) { *high = x })} />
                            </span>
                        }),
                        ScoreMapping::Bands { bands } => ("bands", html! {
                            <input class="bands-input" value={bands_text(bands)} aria-label={named("tiering.bands_of")}
                                   placeholder="1-4:100; 4-11:60"
                                   onchange={edit(|d, v| if let Some(b) = parse_bands(&v) { d.mapping = ScoreMapping::Bands { bands: b } })} />
                        }),
                    };
                    html! {
                        <tr data-testid={format!("dimension-{i}")}>
                            <td class="dimension-names">
                                <input value={d.name_zh.clone()} aria-label={named("tiering.name_zh_of")} onchange={edit(|d, v| d.name_zh = v)} />
                                <input value={d.name_en.clone()} aria-label={named("tiering.name_en_of")} onchange={edit(|d, v| d.name_en = v)} />
                            </td>
                            <td><input type="number" min="0" max="100" value={d.weight.to_string()} class="weight-input"
                                       aria-label={named("tiering.weight_of")} data-testid={format!("dimension-weight-{i}")}
                                       onchange={edit(|d, v| if let Ok(w) = v.trim().parse::<f64>() { if w.is_finite() { d.weight = w.clamp(0.0, 100.0) } })} /></td>
                            <td>
                                <select aria-label={named("tiering.field_of")}
                                        onchange={edit(|d, v| if let Some(f) = Field::ALL.into_iter().find(|f| f.key() == v) { d.field = f })}>
                                    { for Field::ALL.iter().map(|f| html! {
                                        <option value={f.key()} selected={*f == d.field}>{ field_label(&i18n, *f) }</option>
                                    }) }
                                </select>
                            </td>
                            <td>
                                <select aria-label={named("tiering.mapping_of")}
                                        onchange={edit(|d, v| d.mapping = if v == "bands" {
                                            ScoreMapping::Bands { bands: vec![Band { from: 0.0, to: 1.0, score: 100.0 }] }
                                        } else {
                                            ScoreMapping::Linear { low: 0.0, high: 1.0 }
                                        })}>
                                    <option value="linear" selected={kind == "linear"}>{ i18n.t("tiering.mapping_linear") }</option>
                                    <option value="bands" selected={kind == "bands"}>{ i18n.t("tiering.mapping_bands") }</option>
                                </select>
                            </td>
                            <td>{ anchors }</td>
                            <td><button type="button" class="button icon" onclick={remove}
                                        title={named("tiering.remove_dimension_named")}
                                        aria-label={named("tiering.remove_dimension_named")}>{ "✕" }</button></td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
            <div class="tiers-footer">
                <button type="button" class="button" onclick={add} data-testid="dimension-add">{ "+ " }{ i18n.t("tiering.add_dimension") }</button>
                <span class="muted" data-testid="weight-total">
                    { i18n.tf("tiering.weight_total", &[("total", &format!("{}", model.total_weight()))]) }
                </span>
            </div>
            if !problems.is_empty() {
                <ul class="problems" data-testid="score-problems">
                    { for problems.iter().map(|p| html! { <li>{ problem_text(&i18n, &model.dimensions, p) }</li> }) }
                </ul>
            }
        </div>
    }
}

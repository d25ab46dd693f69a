//! The symptom finder: the symptoms of the source (the questions every company brings, the usual
//! problems of key-account management, the three curses), each with its root causes and the
//! tools that treat it. Ticking symptoms ranks the tools to open first; the mapping of a symptom
//! is edited in place.

use yew::prelude::*;

use super::{dimension_name, text_in, tool_link, tool_name, PartProps};
use crate::domain::diagnosis::calc::{cause_counts, rank_tools};
use crate::domain::diagnosis::{Soti, SymptomGroup, Tool};
use crate::ui::i18n::use_i18n;

/// The tab.
#[function_component(Symptoms)]
pub fn symptoms(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let d = &props.ws.0.diagnosis;
    let editing = use_state(|| None::<String>);
    let ranks = rank_tools(d);
    let causes = cause_counts(d);
    let ticked = d.symptoms.iter().filter(|s| s.ticked).count();
    let tick = |id: String| {
        let (ws, on_save) = (props.ws.clone(), props.on_save.clone());
        Callback::from(move |_: Event| {
            let mut next = ws.0.diagnosis.clone();
            if let Some(s) = next.symptoms.iter_mut().find(|s| s.id == id) {
                s.ticked = !s.ticked;
            }
            on_save.emit(next);
        })
    };
    let toggle_cause = |id: String, dim: Soti| {
        let (ws, on_save) = (props.ws.clone(), props.on_save.clone());
        Callback::from(move |_: Event| {
            let mut next = ws.0.diagnosis.clone();
            if let Some(s) = next.symptoms.iter_mut().find(|s| s.id == id) {
                if s.causes.contains(&dim) {
                    s.causes.retain(|c| *c != dim);
                } else {
                    s.causes.push(dim);
                }
            }
            on_save.emit(next);
        })
    };
    let toggle_tool = |id: String, tool: Tool| {
        let (ws, on_save) = (props.ws.clone(), props.on_save.clone());
        Callback::from(move |_: Event| {
            let mut next = ws.0.diagnosis.clone();
            if let Some(s) = next.symptoms.iter_mut().find(|s| s.id == id) {
                if s.tools.contains(&tool) {
                    s.tools.retain(|t| *t != tool);
                } else {
                    s.tools.push(tool);
                }
            }
            on_save.emit(next);
        })
    };
    let edit = |id: String| {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| {
            let same = editing.as_deref() == Some(id.as_str());
            editing.set((!same).then(|| id.clone()));
        })
    };
    html! {
        <section class="diag-symptoms" data-testid="diag-symptoms">
            <div class="diag-symptom-list">
                { for SymptomGroup::ALL.iter().map(|g| html! {
                    <fieldset class="diag-symptom-group" data-testid={format!("diag-group-{}", g.key())}>
                        <legend>{ i18n.t(&format!("diagnosis.group_{}", g.key())) }</legend>
                        { for d.symptoms.iter().filter(|s| s.group == *g).map(|s| {
                            let open = editing.as_deref() == Some(s.id.as_str());
                            let text = text_in(&i18n, &s.zh, &s.en).to_string();
                            html! {
                                <div class={classes!("diag-symptom", s.ticked.then_some("is-ticked"))} data-testid={format!("diag-symptom-{}", s.id)}>
                                    <label class="diag-symptom-main">
                                        <input type="checkbox" checked={s.ticked} onchange={tick(s.id.clone())}
                                               data-testid={format!("diag-tick-{}", s.id)} />
                                        <span>{ text.clone() }</span>
                                    </label>
                                    <span class="diag-symptom-map">
                                        { for s.causes.iter().map(|c| html! {
                                            <span class={classes!("diag-chip", format!("diag-dim-{}", c.key()))}>{ dimension_name(&i18n, *c) }</span>
                                        }) }
                                        <span class="diag-arrow" aria-hidden="true">{ "→" }</span>
                                        { for s.tools.iter().map(|t| html! { <span class="diag-chip diag-chip-tool">{ tool_name(&i18n, *t) }</span> }) }
                                        <button type="button" class="button diag-remove" onclick={edit(s.id.clone())} aria-expanded={open.to_string()}
                                                aria-label={i18n.tf("diagnosis.edit_mapping_of", &[("symptom", &text)])}
                                                data-testid={format!("diag-map-{}", s.id)}>{ i18n.t("diagnosis.edit_mapping") }</button>
                                    </span>
                                    if open {
                                        <div class="diag-mapping" data-testid={format!("diag-mapping-{}", s.id)}>
                                            <fieldset>
                                                <legend>{ i18n.t("diagnosis.causes") }</legend>
                                                { for Soti::ALL.iter().map(|c| html! {
                                                    <label class="diag-check">
                                                        <input type="checkbox" checked={s.causes.contains(c)} onchange={toggle_cause(s.id.clone(), *c)}
                                                               data-testid={format!("diag-cause-{}-{}", s.id, c.key())} />
                                                        { dimension_name(&i18n, *c) }
                                                    </label>
                                                }) }
                                            </fieldset>
                                            <fieldset>
                                                <legend>{ i18n.t("diagnosis.tools") }</legend>
                                                { for Tool::ALL.iter().map(|t| html! {
                                                    <label class="diag-check">
                                                        <input type="checkbox" checked={s.tools.contains(t)} onchange={toggle_tool(s.id.clone(), *t)}
                                                               data-testid={format!("diag-tool-{}-{}", s.id, t.key())} />
                                                        { tool_name(&i18n, *t) }
                                                    </label>
                                                }) }
                                            </fieldset>
                                        </div>
                                    }
                                </div>
                            }
                        }) }
                    </fieldset>
                }) }
            </div>
            <aside class="diag-ranking card" data-testid="diag-ranking">
                <h3>{ i18n.tf("diagnosis.ranking_title", &[("n", &ticked.to_string())]) }</h3>
                if ranks.is_empty() {
                    <p class="muted">{ i18n.t("diagnosis.tick_some") }</p>
                } else {
                    <ol class="diag-rank-list">
                        { for ranks.iter().map(|r| html! {
                            <li data-testid={format!("diag-rank-{}", r.tool.key())}>
                                { tool_link(&i18n, r.tool) }
                                <span class="muted">{ i18n.tf("diagnosis.rank_detail", &[("points", &r.points.to_string()), ("n", &r.symptoms.len().to_string()), ("dim", &dimension_name(&i18n, r.tool.dimension()))]) }</span>
                            </li>
                        }) }
                    </ol>
                    <h4>{ i18n.t("diagnosis.root_causes") }</h4>
                    <table class="data-table diag-cause-table" data-testid="diag-causes">
                        <tbody>
                            { for Soti::ALL.iter().map(|c| html! {
                                <tr>
                                    <th scope="row">{ dimension_name(&i18n, *c) }</th>
                                    <td class="num">{ causes[c.index()] }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            </aside>
        </section>
    }
}

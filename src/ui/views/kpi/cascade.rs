//! The cascade editor (利出一孔): each team indicator split across the roles by shares that sum
//! to 100, with its errors; a team financial indicator nobody carries can be cascaded here.

use yew::prelude::*;

use super::fields::KpiNumber;
use super::text::{cascade_problem_text, metric_name};
use crate::domain::kpi::cascade::{check_cascades, CascadeProblem};
use crate::domain::kpi::{Cascade, Kpi};
use crate::domain::org::talent_input::{format_plain, fresh_id};
use crate::domain::org::AR;
use crate::ui::i18n::use_i18n;

/// Props of [`CascadeEditor`].
#[derive(Properties, PartialEq)]
pub struct CascadeProps {
    /// The document.
    pub kpi: Kpi,
    /// (role id, caption) of the columns.
    pub roles: Vec<(String, String)>,
    /// The changed document.
    pub on_change: Callback<Kpi>,
}

/// The cascade card.
#[function_component(CascadeEditor)]
pub fn cascade_editor(props: &CascadeProps) -> Html {
    let i18n = use_i18n();
    let kpi = &props.kpi;
    let problems = check_cascades(kpi);
    let edit = |f: Box<dyn Fn(&mut Kpi)>| {
        let kpi = kpi.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = kpi.clone();
            f(&mut next);
            on_change.emit(next);
        })
    };
    html! {
        <section class="card kpi-cascade" data-testid="kpi-cascade">
            <h3 class="card-title">{ i18n.t("kpi.cascade_title") }</h3>
            <p class="muted kpi-hint">{ i18n.t("kpi.cascade_hint") }</p>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("kpi.cascade_title")}>
                <table class="data-table" data-testid="kpi-cascade-table">
                    <thead><tr>
                        <th scope="col">{ i18n.t("kpi.col_indicator") }</th>
                        { for props.roles.iter().map(|(_, c)| html! { <th scope="col" class="num">{ c.clone() }</th> }) }
                        <th scope="col" class="num">{ i18n.t("kpi.col_sum") }</th>
                        <th scope="col"><span class="visually-hidden">{ i18n.t("kpi.col_actions") }</span></th>
                    </tr></thead>
                    <tbody>
                        { for kpi.cascades.iter().enumerate().map(|(ci, c)| {
                            let name = metric_name(&i18n, kpi, &c.metric);
                            let row_problems: Vec<String> = problems.iter()
                                .filter(|p| p.cascade() == Some(c.id.as_str()))
                                .map(|p| cascade_problem_text(&i18n, kpi, p))
                                .collect();
                            let bad = !row_problems.is_empty();
                            let on_delete = edit(Box::new(move |k: &mut Kpi| {
                                if ci < k.cascades.len() {
                                    k.cascades.remove(ci);
                                }
                            }));
                            html! {
                                <>
                                <tr class={classes!(bad.then_some("is-invalid"))} data-testid={format!("kpi-cascade-{}", c.metric)}>
                                    <th scope="row">{ name.clone() }</th>
                                    { for props.roles.iter().map(|(role, caption)| {
                                        let on_commit = {
                                            let kpi = kpi.clone();
                                            let on_change = props.on_change.clone();
                                            let role = role.clone();
                                            Callback::from(move |v: Option<f64>| {
                                                let mut next = kpi.clone();
                                                if let Some(c) = next.cascades.get_mut(ci) {
                                                    match v {
                                                        Some(v) => { c.shares.insert(role.clone(), v); }
                                                        None => { c.shares.remove(&role); }
                                                    }
                                                    on_change.emit(next);
                                                }
                                            })
                                        };
                                        html! {
                                            <td class="num">
                                                <KpiNumber value={c.shares.get(role).copied()} optional=true
                                                    label={format!("{name} · {caption}")}
                                                    testid={format!("kpi-share-{}-{}", c.metric, role)} {on_commit} />
                                            </td>
                                        }
                                    }) }
                                    <td class="num" data-testid={format!("kpi-share-sum-{}", c.metric)}>{ format_plain(c.share_sum()) }</td>
                                    <td>
                                        <button type="button" class="button kpi-remove" onclick={on_delete}
                                                aria-label={format!("{} · {name}", i18n.t("kpi.cascade_delete"))}>{ "×" }</button>
                                    </td>
                                </tr>
                                if bad {
                                    <tr class="kpi-row-problem"><td colspan={(props.roles.len() + 3).to_string()} role="alert">
                                        { row_problems.join(" ") }
                                    </td></tr>
                                }
                                </>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <ul class="kpi-problems" data-testid="kpi-cascade-problems">
                { for problems.iter().filter(|p| p.cascade().is_none()).map(|p| {
                    let CascadeProblem::NotCascaded { metric, .. } = p else { return html! {} };
                    let metric = metric.clone();
                    let on_add = edit(Box::new(move |k: &mut Kpi| {
                        let id = fresh_id(&format!("cascade-{metric}"), k.cascades.iter().map(|c| c.id.as_str()));
                        k.cascades.push(Cascade {
                            id,
                            metric: metric.clone(),
                            shares: [(AR.to_string(), 100.0)].into_iter().collect(),
                            updated_at: 0,
                        });
                    }));
                    html! {
                        <li class="is-error" data-testid="kpi-cascade-problem">
                            { cascade_problem_text(&i18n, kpi, p) }{ " " }
                            <button type="button" class="button" onclick={on_add}>{ i18n.t("kpi.cascade_add") }</button>
                        </li>
                    }
                }) }
            </ul>
            if problems.is_empty() {
                <p class="kpi-ok" data-testid="kpi-cascade-ok">{ i18n.t("kpi.cascade_ok") }</p>
            }
        </section>
    }
}

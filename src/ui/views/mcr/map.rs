//! The relationship-map tab: one account's stakeholders as an org chart (or, switched, as a
//! table), a legend of the colours and marks, the reports-to cycles named as an error, and the
//! side panel of the stakeholder chosen.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::map_chart::OrgChart;
use super::panel::Panel;
use super::{
    account_name, days_since, layer_name, person_name, role_name, support_name, PartProps,
};
use crate::domain::mcr::layout::{cycles, layout};
use crate::domain::mcr::{DecisionRole, Stakeholder, SUPPORT_MAX, SUPPORT_MIN};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::DocRef;

/// What the side panel shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Open {
    /// Nothing.
    None,
    /// A new stakeholder.
    New,
    /// The stakeholder with this id.
    Stakeholder(String),
}

/// The legend of the colours (support) and the role marks.
pub fn legend(i18n: &I18n) -> Html {
    html! {
        <div class="mcr-legend" data-testid="mcr-legend">
            <span class="mcr-legend-title">{ i18n.t("mcr.legend_support") }</span>
            { for (SUPPORT_MIN..=SUPPORT_MAX).map(|v| html! {
                <span class="mcr-legend-item">
                    <span class={classes!("mcr-swatch", format!("mcr-support-{}", super::support_key(v)))} aria-hidden="true"></span>
                    { support_name(i18n, v) }
                </span>
            }) }
            <span class="mcr-legend-title">{ i18n.t("mcr.legend_marks") }</span>
            { for DecisionRole::ALL.iter().map(|r| html! {
                <span class="mcr-legend-item">
                    <b class="mcr-legend-badge">{ i18n.t(&format!("mcr.role_short_{}", r.key())) }</b>
                    { role_name(i18n, *r) }
                </span>
            }) }
            <span class="mcr-legend-item muted">{ i18n.t("mcr.legend_size") }</span>
        </div>
    }
}

/// The stakeholders as a table: the chart's content for reading and for screen readers.
pub fn table(
    i18n: &I18n,
    ws: &crate::domain::workspace::Workspace,
    list: &[&Stakeholder],
    days: &HashMap<String, i64>,
    on_select: &Callback<String>,
) -> Html {
    let name_of = |id: &str| {
        ws.mcr
            .stakeholder(id)
            .map_or_else(String::new, |s| s.name.clone())
    };
    html! {
        <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("mcr.table_label")}>
            <table class="mcr-table" data-testid="mcr-table">
                <thead><tr>
                    <th scope="col">{ i18n.t("mcr.f_name") }</th>
                    <th scope="col">{ i18n.t("mcr.f_title") }</th>
                    <th scope="col">{ i18n.t("mcr.f_department") }</th>
                    <th scope="col">{ i18n.t("mcr.f_reports_to") }</th>
                    <th scope="col">{ i18n.t("mcr.f_role") }</th>
                    <th scope="col">{ i18n.t("mcr.f_support") }</th>
                    <th scope="col" class="num">{ i18n.t("mcr.f_influence") }</th>
                    <th scope="col">{ i18n.t("mcr.f_layer") }</th>
                    <th scope="col">{ i18n.t("mcr.f_owner") }</th>
                    <th scope="col" class="num">{ i18n.t("mcr.days_since") }</th>
                </tr></thead>
                <tbody>
                    { for list.iter().map(|s| {
                        let id = s.id.clone();
                        let onclick = on_select.reform(move |_: MouseEvent| id.clone());
                        html! {
                            <tr data-testid={format!("mcr-row-{}", s.id)}>
                                <td><button type="button" class="link-button" {onclick}>{ s.name.clone() }</button></td>
                                <td>{ s.title.clone() }</td>
                                <td>{ s.department.clone() }</td>
                                <td>{ s.reports_to.as_deref().map(name_of).unwrap_or_default() }</td>
                                <td>{ role_name(i18n, s.role) }</td>
                                <td><span class={classes!("mcr-chip", format!("mcr-support-{}", super::support_key(s.support)))}>{ support_name(i18n, s.support) }</span></td>
                                <td class="num">{ s.influence }</td>
                                <td>{ layer_name(i18n, s.layer) }</td>
                                <td>{ s.owner.as_deref().map_or_else(|| i18n.t("mcr.no_owner").to_string(), |o| person_name(ws, Some(o))) }</td>
                                <td class="num">{ days.get(&s.id).map_or_else(|| "—".to_string(), |d| d.to_string()) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The tab.
#[function_component(RelationshipMap)]
pub fn relationship_map(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let as_table = use_state(|| false);
    let open = use_state(|| Open::None);
    let ws = &props.ws.0;
    let Some(account) = props.account.clone() else {
        return html! { <p class="muted" data-testid="mcr-no-account">{ i18n.t("mcr.no_accounts") }</p> };
    };
    let owned: Vec<Stakeholder> = ws.mcr.of_account(&account).cloned().collect();
    let chart = use_memo((props.ws.clone(), account.clone()), |(d, a)| {
        let list: Vec<Stakeholder> = d.0.mcr.of_account(a).cloned().collect();
        layout(&list)
    });
    let days = use_memo(props.ws.clone(), |d| days_since(&d.0));
    let cyc = cycles(&owned);
    let on_select = {
        let open = open.clone();
        Callback::from(move |id: String| open.set(Open::Stakeholder(id)))
    };
    let refs: Vec<&Stakeholder> = owned.iter().collect();
    let panel = match &*open {
        Open::None => html! {},
        Open::New => html! {
            <Panel key="new" ws={props.ws.clone()} account={account.clone()} stakeholder={None::<String>}
                   on_edit={props.on_edit.clone()}
                   on_close={let open = open.clone(); move |_| open.set(Open::None)}
                   on_saved={let open = open.clone(); move |id| open.set(Open::Stakeholder(id))} />
        },
        Open::Stakeholder(id) if ws.mcr.stakeholder(id).is_some_and(|s| s.account == account) => {
            html! {
                <Panel key={format!("{account}/{id}")} ws={props.ws.clone()} account={account.clone()}
                       stakeholder={Some(id.clone())} on_edit={props.on_edit.clone()}
                       on_close={let open = open.clone(); move |_| open.set(Open::None)}
                       on_saved={let open = open.clone(); move |id| open.set(Open::Stakeholder(id))} />
            }
        }
        Open::Stakeholder(_) => html! {},
    };
    let selected = match &*open {
        Open::Stakeholder(id) => Some(id.clone()),
        _ => None,
    };
    html! {
        <section class="mcr-map" aria-label={i18n.tf("mcr.map_of", &[("account", &account_name(ws, &account))])}>
            <div class="mcr-toolbar">
                <button type="button" class="button button-primary" data-testid="mcr-add"
                        onclick={let open = open.clone(); move |_| open.set(Open::New)}>{ i18n.t("mcr.add") }</button>
                <div class="mcr-toggle" role="group" aria-label={i18n.t("mcr.view_as")}>
                    <button type="button" class={classes!("button", (!*as_table).then_some("is-current"))}
                            aria-pressed={(!*as_table).to_string()} data-testid="mcr-as-chart"
                            onclick={let t = as_table.clone(); move |_| t.set(false)}>{ i18n.t("mcr.as_chart") }</button>
                    <button type="button" class={classes!("button", (*as_table).then_some("is-current"))}
                            aria-pressed={(*as_table).to_string()} data-testid="mcr-as-table"
                            onclick={let t = as_table.clone(); move |_| t.set(true)}>{ i18n.t("mcr.as_table") }</button>
                </div>
                <span class="muted">{ i18n.tf("mcr.count", &[("n", &owned.len().to_string())]) }</span>
            </div>
            { for cyc.iter().map(|c| {
                let names: Vec<&str> = c.iter().filter_map(|i| owned.get(*i)).map(|s| s.name.as_str()).collect();
                html! {
                    <p class="mcr-cycle" role="alert" data-testid="mcr-cycle">
                        { i18n.tf("mcr.cycle", &[("names", &names.join(" → "))]) }
                    </p>
                }
            }) }
            <div class={classes!("mcr-map-body", (*open != Open::None).then_some("has-panel"))}>
                <div class="mcr-map-main">
                    if owned.is_empty() {
                        <p class="muted mcr-empty" data-testid="mcr-empty">{ i18n.t("mcr.empty_account") }</p>
                    } else {
                        // Both are rendered: the one not chosen prints (print-only), so a
                        // printout has the chart and its table.
                        <div class={classes!((*as_table).then_some("print-only"))}>
                            { legend(&i18n) }
                            <OrgChart list={owned.clone()} chart={chart.clone()} ws={DocRef(ws.clone())}
                                      days={Rc::clone(&days)} selected={selected} on_select={on_select.clone()} />
                        </div>
                        <div class={classes!((!*as_table).then_some("print-only"))}>
                            { table(&i18n, ws, &refs, &days, &on_select) }
                        </div>
                    }
                </div>
                { panel }
            </div>
        </section>
    }
}

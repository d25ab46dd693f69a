//! The contracts and collections tab (合同与回款): the summary of collections (receivables,
//! overdue ageing, DSO, retentions due, the most overdue accounts, collections against target
//! by month), then the contracts list with its editor and the quick "record a collection".
//! The editor, the collection dialog and the delete confirmation are shared with the account
//! tab ([`overlay`]).

#[path = "contract_collect.rs"]
pub(super) mod collect;
#[path = "contract_draft.rs"]
pub(super) mod draft;
#[path = "contract_form.rs"]
pub(super) mod form;
#[path = "contract_list.rs"]
pub(super) mod list;
#[path = "contract_summary.rs"]
pub(super) mod summary;

use std::collections::HashMap;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{ctx, today, PartProps};
use crate::domain::dates::iso_from_days;
use crate::domain::edit::Edit;
use crate::domain::ltc::{calc, cash, Contract, Scope};
use crate::domain::number::format_count;
use crate::domain::workspace::Workspace;
use crate::ui::dialog::Dialog;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::pager::{use_page, Pager};
use list::{ListActions, ListState, SortKey};
use summary::{RetentionRow, Summary};

/// What is open over a tab that shows contracts.
#[derive(Clone, PartialEq)]
pub(super) enum Overlay {
    None,
    /// The editor on a contract, or (`None`) a new one on an account (if given).
    Form(Option<Rc<Contract>>, Option<String>),
    /// Record a collection on a milestone.
    Collect(Rc<Contract>, usize),
    /// Confirm deleting the contract with this id.
    Delete(String),
}

/// The dialog open over the tab, if any; every change goes through `props.on_edit`.
pub(super) fn overlay_html(
    i18n: &I18n,
    props: &PartProps,
    overlay: &UseStateHandle<Overlay>,
) -> Html {
    let close = {
        let overlay = overlay.clone();
        Callback::from(move |_: ()| overlay.set(Overlay::None))
    };
    let save = {
        let overlay = overlay.clone();
        let on_edit = props.on_edit.clone();
        Callback::from(move |c: Contract| {
            on_edit.emit(Edit::UpsertContract(Box::new(c)));
            overlay.set(Overlay::None);
        })
    };
    match &**overlay {
        Overlay::None => html! {},
        Overlay::Form(c, account) => {
            let on_delete = {
                let overlay = overlay.clone();
                Callback::from(move |id: String| overlay.set(Overlay::Delete(id)))
            };
            html! {
                <form::ContractForm ws={props.ws.clone()} contract={c.clone()} account={account.clone()}
                                    on_save={save} {on_delete} on_close={close} />
            }
        }
        Overlay::Collect(c, i) => html! {
            <collect::CollectForm contract={c.clone()} index={*i}
                                  today={iso_from_days(today(&props.ws.0))} on_save={save} on_close={close} />
        },
        Overlay::Delete(id) => {
            let name = props
                .ws
                .0
                .ltc
                .contract(id)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            let on_confirm = {
                let (ws, on_edit, overlay, id) = (
                    props.ws.clone(),
                    props.on_edit.clone(),
                    overlay.clone(),
                    id.clone(),
                );
                Callback::from(move |_: String| {
                    let mut next = ws.0.ltc.clone();
                    next.contracts.retain(|c| c.id != id);
                    on_edit.emit(Edit::SetLtc(Box::new(next)));
                    overlay.set(Overlay::None);
                })
            };
            html! {
                <Dialog title={i18n.tf("ltc_contracts.delete_title", &[("name", &name)])}
                        body={i18n.t("ltc_contracts.delete_body").to_string()}
                        confirm_label={i18n.t("ltc_contracts.delete").to_string()} danger={true}
                        {on_confirm} on_cancel={close} />
            }
        }
    }
}

/// Opens the editor on a contract by id.
pub(super) fn open_editor(
    ws: &Rc<Workspace>,
    overlay: &UseStateHandle<Overlay>,
) -> Callback<String> {
    let (ws, overlay) = (ws.clone(), overlay.clone());
    Callback::from(move |id: String| {
        if let Some(c) = ws.ltc.contract(&id) {
            overlay.set(Overlay::Form(Some(c.clone()), None));
        }
    })
}

/// Opens the collection dialog on (contract, milestone).
pub(super) fn open_collect(
    ws: &Rc<Workspace>,
    overlay: &UseStateHandle<Overlay>,
) -> Callback<(String, usize)> {
    let (ws, overlay) = (ws.clone(), overlay.clone());
    Callback::from(move |(id, i): (String, usize)| {
        if let Some(c) = ws.ltc.contract(&id) {
            overlay.set(Overlay::Collect(c.clone(), i));
        }
    })
}

/// The summary and the rows of the list, computed once per document.
fn compute(ws: &Workspace, tiers: &HashMap<String, String>) -> (Summary, Vec<list::ContractRow>) {
    let day = today(ws);
    let names: HashMap<&str, &str> = ws
        .customers
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    let name_of = |id: &str| {
        names
            .get(id)
            .map_or_else(|| id.to_string(), |n| n.to_string())
    };
    let contracts = || ws.ltc.contracts.iter().map(|c| &**c);
    let receivables = cash::receivables(contracts(), day);
    let by_id: HashMap<&str, &Contract> = contracts().map(|c| (c.id.as_str(), c)).collect();
    let due = cash::retention_due(contracts(), day, 90)
        .into_iter()
        .filter_map(|d| {
            let c = by_id.get(d.contract.as_str())?;
            Some(RetentionRow {
                contract: d.contract.clone(),
                name: c.name.clone(),
                account: c.account.clone(),
                account_name: name_of(&c.account),
                day: d.day,
                amount: d.outstanding,
            })
        })
        .collect();
    let (retentions, retention_count, retention_total) = summary::cap_retentions(due);
    let cx = ctx(ws, tiers);
    let (target, _) = calc::target_for(&cx, Scope::Company, "", |t| t.collections);
    let year = ws.meta.fiscal_year;
    let s = Summary {
        top_names: summary::top_names(&receivables, name_of),
        receivables,
        retentions,
        retention_count,
        retention_total,
        by_month: cash::collected_by_month(contracts(), year),
        target,
        months_elapsed: summary::months_elapsed(year, day),
        year,
    };
    let rows = list::rows(&ws.ltc.contracts, &names, day);
    (s, rows)
}

/// The tab.
#[function_component(Contracts)]
pub fn contracts_tab(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let overlay = use_state(|| Overlay::None);
    let state = use_state(ListState::default);
    let data = {
        let tiers = props.tiers.clone();
        use_memo(props.ws.clone(), move |ws| compute(&ws.0, &tiers))
    };
    let (s, rows) = &*data;
    let ws = &props.ws.0;

    let on_edit = open_editor(ws, &overlay);
    let on_collect = open_collect(ws, &overlay);
    let on_add = {
        let overlay = overlay.clone();
        Callback::from(move |_: MouseEvent| overlay.set(Overlay::Form(None, None)))
    };
    let on_sort = {
        let state = state.clone();
        Callback::from(move |key: SortKey| {
            let mut next = (*state).clone();
            next.desc = if next.sort == key {
                !next.desc
            } else {
                key.starts_descending()
            };
            next.sort = key;
            next.page = 0;
            state.set(next);
        })
    };
    let on_filter = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*state).clone();
            next.filter = e.target_unchecked_into::<HtmlInputElement>().value();
            next.page = 0;
            state.set(next);
        })
    };
    let on_overdue_only = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let mut next = (*state).clone();
            next.overdue_only = e.target_unchecked_into::<HtmlInputElement>().checked();
            next.page = 0;
            state.set(next);
        })
    };
    let shown = list::visible(rows, &state);
    let page = use_page(shown.len(), state.page);
    let slice: Vec<&list::ContractRow> = page.slice(&shown).to_vec();
    let on_page = {
        let state = state.clone();
        Callback::from(move |to: usize| {
            let mut next = (*state).clone();
            next.page = to;
            state.set(next);
        })
    };
    let actions = ListActions {
        on_sort,
        on_edit: on_edit.clone(),
        on_collect,
        on_open_account: props.on_open_account.clone(),
    };
    let list_body = if rows.is_empty() {
        html! { <p class="muted" data-testid="ltc-contracts-empty">{ i18n.t("ltc_contracts.empty") }</p> }
    } else if shown.is_empty() {
        html! { <p class="muted" data-testid="ltc-contracts-none">{ i18n.t("ltc_contracts.none_match") }</p> }
    } else {
        list::table(&i18n, &slice, &state, &actions)
    };
    html! {
        <div class="ltc-contracts" data-testid="ltc-contracts">
            { summary::figures(&i18n, s) }
            <div class="ltc-c-row">
                { summary::ageing(&i18n, s) }
                { summary::top_overdue(&i18n, s, &props.on_open_account) }
            </div>
            <div class="ltc-c-row">
                { summary::collections(&i18n, s) }
                { summary::retentions(&i18n, s, &on_edit, &props.on_open_account) }
            </div>
            <section class="card ltc-c-list" data-testid="ltc-contracts-list">
                <div class="ltc-c-head">
                    <h3 class="card-title">{ i18n.t("ltc_contracts.list_title") }</h3>
                    <span class="muted" data-testid="ltc-contracts-count">
                        { i18n.tf("ltc_contracts.count", &[("n", &format_count(shown.len())), ("all", &format_count(rows.len()))]) }
                    </span>
                    <button type="button" class="button button-primary" onclick={on_add} data-testid="ltc-contract-add">
                        { i18n.t("ltc_contracts.add") }</button>
                </div>
                <div class="ltc-c-filters">
                    <label class="ltc-c-filter">
                        <span>{ i18n.t("ltc_contracts.filter_account") }</span>
                        <input type="search" value={state.filter.clone()} oninput={on_filter}
                               placeholder={i18n.t("ltc_contracts.filter_placeholder")} data-testid="ltc-contracts-filter" />
                    </label>
                    <label class="ltc-c-check">
                        <input type="checkbox" checked={state.overdue_only} onchange={on_overdue_only}
                               data-testid="ltc-contracts-overdue-only" />
                        <span>{ i18n.t("ltc_contracts.overdue_only") }</span>
                    </label>
                </div>
                { list_body }
                <Pager {page} {on_page} label={i18n.t("ltc_contracts.pages")} testid="ltc-contracts-pager" />
            </section>
            { overlay_html(&i18n, props, &overlay) }
        </div>
    }
}

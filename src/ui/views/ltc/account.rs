//! The per-account tab (单客户视图): pick an account (those with opportunities or contracts
//! first, a search for the others), then its pipeline, coverage and win rate, receivables and
//! overdue, its opportunities and its contracts with their milestones — the contracts
//! editable here with the same editor and "record a collection" as the contracts tab.

#[path = "account_parts.rs"]
mod parts;

use std::collections::{BTreeMap, HashMap};

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::contracts::{open_collect, open_editor, overlay_html, Overlay};
use super::{ctx, today, PartProps};
use crate::domain::ltc::{calc, cash, Scope, StageKind};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::use_i18n;
use crate::ui::views::customers::Select;
use parts::{AccountData, ContractActions};

/// Accounts offered in the picker at most (the search finds the others).
const MAX_PICK: usize = 300;

/// Everything the tab shows of `account`.
fn account_data(ws: &Workspace, tiers: &HashMap<String, String>, account: &str) -> AccountData {
    let ltc = &ws.ltc;
    let rank = |k: StageKind| match k {
        StageKind::Open => 0,
        StageKind::Won => 1,
        StageKind::Lost => 2,
    };
    let mut opportunities: Vec<_> = ltc
        .opportunities
        .iter()
        .filter(|o| o.account == account)
        .cloned()
        .collect();
    opportunities.sort_by(|a, b| {
        rank(ltc.kind_of(a))
            .cmp(&rank(ltc.kind_of(b)))
            .then_with(|| a.close_date.cmp(&b.close_date))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut contracts: Vec<_> = ltc
        .contracts
        .iter()
        .filter(|c| c.account == account)
        .cloned()
        .collect();
    contracts.sort_by(|a, b| b.signed.cmp(&a.signed).then_with(|| a.id.cmp(&b.id)));
    let open: Vec<_> = opportunities
        .iter()
        .filter(|o| ltc.kind_of(o) == StageKind::Open)
        .collect();
    let cx = ctx(ws, tiers);
    AccountData {
        receivables: cash::receivables(contracts.iter().map(|c| &**c), today(ws)),
        coverage: calc::coverage_of(&cx, Scope::Account, account),
        win_rate: calc::win_rate_of(&cx, Scope::Account, account),
        open_weighted: open.iter().map(|o| calc::weighted(ltc, o)).sum(),
        open_amount: open.iter().map(|o| o.amount).sum(),
        open_count: open.len(),
        opportunities,
        contracts,
    }
}

/// The accounts with opportunities or contracts, by name (id → name).
fn active_accounts(ws: &Workspace) -> Vec<(String, String)> {
    let ids: std::collections::HashSet<&str> = ws
        .ltc
        .opportunities
        .iter()
        .map(|o| o.account.as_str())
        .chain(ws.ltc.contracts.iter().map(|c| c.account.as_str()))
        .collect();
    let by_name: BTreeMap<(&str, &str), ()> = ws
        .customers
        .iter()
        .filter(|c| ids.contains(c.id.as_str()))
        .map(|c| ((c.name.as_str(), c.id.as_str()), ()))
        .collect();
    by_name
        .into_keys()
        .map(|(n, id)| (id.to_string(), n.to_string()))
        .collect()
}

/// The tab.
#[function_component(Account)]
pub fn account_tab(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let overlay = use_state(|| Overlay::None);
    let search = use_state(String::new);
    let ws = &props.ws.0;
    let active = use_memo(props.ws.clone(), |ws| active_accounts(&ws.0));
    let account = props
        .account
        .clone()
        .filter(|id| ws.customers.iter().any(|c| &c.id == id));
    let data = {
        let tiers = props.tiers.clone();
        use_memo((props.ws.clone(), account.clone()), move |(ws, a)| {
            a.as_deref().map(|a| account_data(&ws.0, &tiers, a))
        })
    };

    // The picker: the current account, then the search's matches or the active accounts.
    let needle = search.trim().to_lowercase();
    let mut options: Vec<(AttrValue, AttrValue)> = vec![(
        AttrValue::default(),
        i18n.t("ltc_contracts.pick_account").into(),
    )];
    if let Some(c) = account
        .as_deref()
        .and_then(|id| ws.customers.iter().find(|c| c.id == id))
    {
        options.push((c.id.clone().into(), c.name.clone().into()));
    }
    let current = account.clone().unwrap_or_default();
    if needle.is_empty() {
        options.extend(
            active
                .iter()
                .filter(|(id, _)| *id != current)
                .take(MAX_PICK)
                .map(|(id, n)| (id.clone().into(), n.clone().into())),
        );
    } else {
        options.extend(
            ws.customers
                .iter()
                .filter(|c| c.id != current && c.name.to_lowercase().contains(&needle))
                .take(MAX_PICK)
                .map(|c| (c.id.clone().into(), c.name.clone().into())),
        );
    }
    let on_pick = {
        let open = props.on_open_account.clone();
        Callback::from(move |id: String| {
            if !id.is_empty() {
                open.emit(id);
            }
        })
    };
    let on_search = {
        let search = search.clone();
        Callback::from(move |e: InputEvent| {
            search.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let picker = html! {
        <div class="card ltc-c-picker" data-testid="ltc-account-picker">
            <label class="ltc-c-filter">
                <span>{ i18n.t("ltc_contracts.search_account") }</span>
                <input type="search" value={(*search).clone()} oninput={on_search}
                       placeholder={i18n.t("ltc_contracts.search_placeholder")} data-testid="ltc-account-search" />
            </label>
            <label class="ltc-c-filter">
                <span>{ i18n.t("ltc_contracts.col_account") }</span>
                <Select value={AttrValue::from(current.clone())} options={options} onchange={on_pick} testid="ltc-account-select" />
            </label>
            <span class="muted">{ i18n.tf("ltc_contracts.acc_active", &[("n", &active.len().to_string())]) }</span>
        </div>
    };
    let (Some(id), Some(d)) = (account, data.as_ref().as_ref()) else {
        return html! {
            <div class="ltc-account" data-testid="ltc-account">
                { picker }
                <p class="card muted" data-testid="ltc-account-none">{ i18n.t("ltc_contracts.acc_pick_hint") }</p>
            </div>
        };
    };
    let customer = ws.customers.iter().find(|c| c.id == id);
    let name = customer.map(|c| c.name.clone()).unwrap_or_default();
    let tier = props
        .tiers
        .get(&id)
        .and_then(|t| ws.tiering.tiers.iter().find(|x| &x.id == t))
        .map(|t| i18n.tier_name(t).to_string());
    let actions = ContractActions {
        on_edit: open_editor(ws, &overlay),
        on_collect: open_collect(ws, &overlay),
        on_add: {
            let (overlay, id) = (overlay.clone(), id.clone());
            Callback::from(move |_: MouseEvent| overlay.set(Overlay::Form(None, Some(id.clone()))))
        },
    };
    html! {
        <div class="ltc-account" data-testid="ltc-account" data-account={id.clone()}>
            { picker }
            <div class="ltc-c-acc-head">
                <h3 class="ltc-c-acc-name" data-testid="ltc-account-name">{ name.clone() }</h3>
                { crate::ui::account_link::plan_link(&i18n, &id, &name) }
                if let Some(t) = tier {
                    <span class="ltc-c-badge">{ t }</span>
                }
                if let Some(c) = customer {
                    <span class="muted">{ c.industry.clone() }</span>
                }
            </div>
            { parts::figures(&i18n, d) }
            { parts::opportunities(&i18n, ws, d) }
            { parts::contracts(&i18n, d, today(ws), &actions) }
            { overlay_html(&i18n, props, &overlay) }
        </div>
    }
}

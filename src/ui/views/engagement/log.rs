//! The log of actions: the add / edit form, filters by account, action, status and month, and the
//! table in pages of 50: the entries of the fiscal year first, sorted by date as the user chose,
//! then the entries outside it, marked as not counting.

use std::collections::{BTreeSet, HashMap};

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::form::EntryForm;
use super::{action_name, PartProps};
use crate::domain::engagement::completion::{date_scope, AccountRef, DateScope};
use crate::domain::engagement::{Action, Entry, Status};
use crate::domain::sort::sort_by;
use crate::ui::i18n::use_i18n;
use crate::ui::pager::{use_page, Pager};

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// The filters of the table; empty strings match everything.
#[derive(Clone, Debug, Default, PartialEq)]
struct Filters {
    account: String,
    action: String,
    status: String,
    month: String,
}

impl Filters {
    fn keeps(&self, e: &Entry) -> bool {
        (self.account.is_empty() || e.account == self.account)
            && (self.action.is_empty() || e.action.key() == self.action)
            && (self.status.is_empty() || status_key(e.status) == self.status)
            && (self.month.is_empty() || e.date.starts_with(&self.month))
    }
}

fn status_key(s: Status) -> &'static str {
    match s {
        Status::Planned => "planned",
        Status::Done => "done",
    }
}

/// The log tab.
#[function_component(Log)]
pub fn log(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let ws = props.ws.0.clone();
    let filters = use_state(Filters::default);
    let newest_first = use_state(|| false);
    let page_index = use_state(|| 0usize);
    let editing = use_state(|| None::<String>);
    let fy = ws.meta.fiscal_year;

    // Accounts for the form and the filter: tier by tier, then by name.
    let tier_pos: HashMap<&str, usize> = ws
        .tiering
        .tiers
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut accounts: Vec<AccountRef> = props
        .completion
        .accounts
        .iter()
        .map(|a| a.account.clone())
        .collect();
    sort_by(&mut accounts, |a, b| {
        let pos = |x: &AccountRef| tier_pos.get(x.tier.as_str()).copied().unwrap_or(usize::MAX);
        pos(a).cmp(&pos(b)).then_with(|| a.name.cmp(&b.name))
    });
    let names: HashMap<&str, &str> = accounts
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    let people: HashMap<&str, &str> = ws
        .org
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let met_names: HashMap<&str, &str> = ws
        .mcr
        .stakeholders
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    let months: BTreeSet<String> = ws
        .engagement
        .entries
        .iter()
        .filter_map(|e| e.date.get(0..7).map(str::to_string))
        .collect();

    let mut rows: Vec<&Entry> = ws
        .engagement
        .entries
        .iter()
        .filter(|e| filters.keeps(e))
        .collect();
    // The fiscal year's entries first (they are the ones that count), each group by date.
    let outside = |e: &Entry| date_scope(e, fy) != DateScope::InYear;
    let newest = *newest_first;
    sort_by(&mut rows, |a, b| {
        let by_date = a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id));
        outside(a)
            .cmp(&outside(b))
            .then(if newest { by_date.reverse() } else { by_date })
    });
    let in_year = rows.iter().filter(|e| !outside(e)).count();
    let outside_count = rows.len() - in_year;
    // The page stays where it was after an add or a delete, the last one if the list shrank.
    let page = use_page(rows.len(), *page_index);
    let on_page = {
        let page_index = page_index.clone();
        Callback::from(move |n: usize| page_index.set(n))
    };

    let form_entry = editing
        .as_ref()
        .and_then(|id| ws.engagement.entries.iter().find(|e| &e.id == id))
        .cloned()
        .unwrap_or_else(|| Entry {
            account: filters.account.clone(),
            date: ws.meta.today.clone(),
            status: Status::Done,
            ..Entry::default()
        });
    let on_save = {
        let ws = ws.clone();
        let on_change = props.on_change.clone();
        let editing = editing.clone();
        Callback::from(move |mut entry: Entry| {
            let mut doc = ws.engagement.clone();
            match doc
                .entries
                .iter_mut()
                .find(|e| !entry.id.is_empty() && e.id == entry.id)
            {
                Some(slot) => *slot = entry,
                None => {
                    entry.id = doc.next_entry_id();
                    doc.entries.push(entry);
                }
            }
            on_change.emit(doc);
            editing.set(None);
        })
    };
    let on_cancel = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(None))
    };
    let filter_cb = |f: fn(&mut Filters, String)| {
        let filters = filters.clone();
        let page_index = page_index.clone();
        Callback::from(move |e: Event| {
            let mut next = (*filters).clone();
            f(&mut next, select_value(&e));
            filters.set(next);
            page_index.set(0);
        })
    };
    let toggle_sort = {
        let newest_first = newest_first.clone();
        let page_index = page_index.clone();
        Callback::from(move |_| {
            newest_first.set(!*newest_first);
            page_index.set(0);
        })
    };

    html! {
        <>
        <EntryForm ws={props.ws.clone()} accounts={accounts.clone()} entry={form_entry}
                   {on_save} {on_cancel} />
        <section class="card" data-testid="engagement-log">
            <h3 class="card-title">{ i18n.t("engagement.log_title") }</h3>
            <div class="engagement-filters">
                <label class="engagement-field">
                    <span>{ i18n.t("engagement.col_account") }</span>
                    <select onchange={filter_cb(|f, v| f.account = v)} data-testid="engagement-filter-account"
                            aria-label={i18n.tf("a11y.in_context", &[("label", i18n.t("engagement.col_account")), ("context", i18n.t("a11y.filter"))])}>
                        <option value="" selected={filters.account.is_empty()}>{ i18n.t("engagement.all") }</option>
                        { for accounts.iter().map(|a| html! {
                            <option value={a.id.clone()} selected={a.id == filters.account}>{ &a.name }</option>
                        }) }
                    </select>
                </label>
                <label class="engagement-field">
                    <span>{ i18n.t("engagement.col_action") }</span>
                    <select onchange={filter_cb(|f, v| f.action = v)} data-testid="engagement-filter-action"
                            aria-label={i18n.tf("a11y.in_context", &[("label", i18n.t("engagement.col_action")), ("context", i18n.t("a11y.filter"))])}>
                        <option value="" selected={filters.action.is_empty()}>{ i18n.t("engagement.all") }</option>
                        { for Action::ALL.iter().map(|a| html! {
                            <option value={a.key()} selected={a.key() == filters.action}>{ action_name(&i18n, *a) }</option>
                        }) }
                    </select>
                </label>
                <label class="engagement-field">
                    <span>{ i18n.t("engagement.col_status") }</span>
                    <select onchange={filter_cb(|f, v| f.status = v)} data-testid="engagement-filter-status"
                            aria-label={i18n.tf("a11y.in_context", &[("label", i18n.t("engagement.col_status")), ("context", i18n.t("a11y.filter"))])}>
                        <option value="" selected={filters.status.is_empty()}>{ i18n.t("engagement.all") }</option>
                        <option value="planned" selected={filters.status == "planned"}>{ i18n.t("engagement.status_planned") }</option>
                        <option value="done" selected={filters.status == "done"}>{ i18n.t("engagement.status_done") }</option>
                    </select>
                </label>
                <label class="engagement-field">
                    <span>{ i18n.t("engagement.col_month") }</span>
                    <select onchange={filter_cb(|f, v| f.month = v)} data-testid="engagement-filter-month"
                            aria-label={i18n.tf("a11y.in_context", &[("label", i18n.t("engagement.col_month")), ("context", i18n.t("a11y.filter"))])}>
                        <option value="" selected={filters.month.is_empty()}>{ i18n.t("engagement.all") }</option>
                        { for months.iter().map(|m| html! {
                            <option value={m.clone()} selected={*m == filters.month}>{ m }</option>
                        }) }
                    </select>
                </label>
                <span class="muted engagement-count" data-testid="engagement-log-count">
                    { i18n.tf("engagement.log_count", &[("shown", &rows.len().to_string()), ("all", &ws.engagement.entries.len().to_string())]) }
                </span>
            </div>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("engagement.tab_log")}>
            <table class="data-table engagement-log-table">
                <thead><tr>
                    <th scope="col" aria-sort={if *newest_first { "descending" } else { "ascending" }}>
                        <button type="button" class="engagement-sort print-as-text" onclick={toggle_sort} data-testid="engagement-sort-date">
                            { i18n.t("engagement.col_date") }{ if *newest_first { " ↓" } else { " ↑" } }
                        </button>
                    </th>
                    <th scope="col">{ i18n.t("engagement.col_account") }</th>
                    <th scope="col">{ i18n.t("engagement.col_action") }</th>
                    <th scope="col">{ i18n.t("engagement.col_status") }</th>
                    <th scope="col">{ i18n.t("engagement.col_owner") }</th>
                    <th scope="col">{ i18n.t("engagement.stakeholders_met") }</th>
                    <th scope="col">{ i18n.t("engagement.col_notes") }</th>
                    <th scope="col"><span class="visually-hidden">{ i18n.t("engagement.col_row_actions") }</span></th>
                </tr></thead>
                <tbody>
                { for page.slice(&rows).iter().enumerate().map(|(i, e)| {
                    let scope = date_scope(e, fy);
                    let first_outside = outside_count > 0 && page.start + i == in_year;
                    let on_edit = {
                        let editing = editing.clone();
                        let id = e.id.clone();
                        Callback::from(move |_| editing.set(Some(id.clone())))
                    };
                    let on_delete = {
                        let ws = ws.clone();
                        let on_change = props.on_change.clone();
                        let editing = editing.clone();
                        let id = e.id.clone();
                        Callback::from(move |_| {
                            let mut doc = ws.engagement.clone();
                            doc.entries.retain(|x| x.id != id);
                            if editing.as_deref() == Some(id.as_str()) {
                                editing.set(None);
                            }
                            on_change.emit(doc);
                        })
                    };
                    let account = names.get(e.account.as_str()).copied().unwrap_or(e.account.as_str());
                    let owner = e.owner.as_deref().map(|o| people.get(o).copied().unwrap_or(o)).unwrap_or("");
                    // A stakeholder deleted from MCR since is left out rather than shown as an id.
                    let met: Vec<&str> = e.stakeholders.iter().filter_map(|id| met_names.get(id.as_str()).copied()).collect();
                    // The row's buttons name the entry they act on ("修改 2026-03-02 华东电网 的高层拜访").
                    let action = action_name(&i18n, e.action);
                    let entry_args = [("date", e.date.as_str()), ("account", account), ("action", action.as_str())];
                    html! {
                        <>
                        if first_outside {
                            <tr class="engagement-group-row" data-testid="engagement-outside-group">
                                <td colspan="8">
                                    { i18n.tf("engagement.outside_group", &[("year", &fy.to_string()), ("n", &outside_count.to_string())]) }
                                </td>
                            </tr>
                        }
                        <tr class={classes!((scope != DateScope::InYear).then_some("is-outside"))}
                            data-testid={format!("engagement-entry-{}", e.id)}>
                            <td class="engagement-date-cell">
                                { &e.date }
                                if scope == DateScope::OutsideYear {
                                    <span class="engagement-badge is-outside">{ i18n.tf("engagement.outside_year", &[("year", &fy.to_string())]) }</span>
                                }
                            </td>
                            <td>{ crate::ui::account_link::account_link(&i18n, &e.account, account) }</td>
                            <td>{ action_name(&i18n, e.action) }</td>
                            <td>
                                <span class={classes!("engagement-badge", if e.status == Status::Done { "is-done" } else { "is-planned" })}>
                                    { i18n.t(&format!("engagement.status_{}", status_key(e.status))).to_string() }
                                </span>
                            </td>
                            <td>{ owner }</td>
                            <td class="engagement-met-names" data-testid={format!("engagement-met-{}", e.id)}>
                                { met.join(i18n.t("engagement.names_sep")) }
                            </td>
                            <td class="engagement-notes">{ &e.notes }</td>
                            <td class="engagement-row-actions">
                                <button type="button" class="button" onclick={on_edit}
                                        aria-label={i18n.tf("engagement.edit_of", &entry_args)}
                                        data-testid={format!("engagement-edit-{}", e.id)}>{ i18n.t("engagement.edit") }</button>
                                <button type="button" class="button" onclick={on_delete}
                                        aria-label={i18n.tf("engagement.delete_of", &entry_args)}
                                        data-testid={format!("engagement-delete-{}", e.id)}>{ i18n.t("engagement.delete") }</button>
                            </td>
                        </tr>
                        </>
                    }
                }) }
                </tbody>
            </table>
            </div>
            <Pager {page} {on_page} label={i18n.t("engagement.pager_label")} testid="engagement-pager" />
        </section>
        </>
    }
}

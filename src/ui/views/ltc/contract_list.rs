//! The contracts list: one row per contract (value, delivery, invoiced, collected, still to
//! collect, the next milestone due and how long it is overdue), a filter by account name and
//! "overdue only", sortable columns, shown in pages (`ui::pager`).

use std::collections::HashMap;

use yew::prelude::*;

use crate::domain::dates::iso_from_days;
use crate::domain::ltc::cash::{self, Due};
use crate::domain::ltc::{Contract, MilestoneKind};
use crate::domain::number::format_percent;
use crate::ui::i18n::I18n;

/// What the list knows of a contract.
#[derive(Clone, Debug, PartialEq)]
pub struct ContractRow {
    /// Contract id.
    pub id: String,
    /// Customer id.
    pub account: String,
    /// Customer name.
    pub account_name: String,
    /// Contract name.
    pub name: String,
    /// Signing date.
    pub signed: String,
    /// Value, yuan.
    pub value: f64,
    /// Delivered, percent.
    pub delivered_pct: f64,
    /// Σ invoiced.
    pub invoiced: f64,
    /// Σ collected.
    pub collected: f64,
    /// Σ still to collect (amount − collected).
    pub outstanding: f64,
    /// The earliest due day of a milestone still to collect, and its kind.
    pub next_due: Option<(i64, MilestoneKind)>,
    /// Some milestone still to collect waits for delivery or acceptance.
    pub waiting: bool,
    /// The longest a milestone is overdue, days.
    pub overdue_days: Option<i64>,
    /// Σ overdue.
    pub overdue: f64,
    /// How many milestones are overdue.
    pub overdue_count: usize,
    /// The milestone a quick "record a collection" goes to: the longest overdue, else the next
    /// due, else the first still to collect.
    pub collect_on: Option<usize>,
}

/// The row of a contract on `today`.
pub fn row_of(c: &Contract, account_name: String, today: i64) -> ContractRow {
    let mut r = ContractRow {
        id: c.id.clone(),
        account: c.account.clone(),
        account_name,
        name: c.name.clone(),
        signed: c.signed.clone(),
        value: c.value,
        delivered_pct: c.delivered_pct,
        invoiced: 0.0,
        collected: 0.0,
        outstanding: 0.0,
        next_due: None,
        waiting: false,
        overdue_days: None,
        overdue: 0.0,
        overdue_count: 0,
        collect_on: None,
    };
    let mut first_open = None;
    let mut next_idx = None;
    for (i, m) in c.milestones.iter().enumerate() {
        r.invoiced += m.invoiced;
        r.collected += m.collected;
        let left = cash::outstanding(c, m);
        r.outstanding += left;
        if left <= 0.005 {
            continue;
        }
        first_open.get_or_insert(i);
        match cash::due(c, m) {
            Due::Day(d) => {
                if r.next_due.is_none_or(|(n, _)| d < n) {
                    r.next_due = Some((d, m.kind));
                    next_idx = Some(i);
                }
            }
            Due::Waiting(_) => r.waiting = true,
        }
        if let Some(days) = cash::days_overdue(c, m, today) {
            r.overdue += left;
            r.overdue_count += 1;
            if r.overdue_days.is_none_or(|d| days > d) {
                r.overdue_days = Some(days);
                r.collect_on = Some(i);
            }
        }
    }
    if r.collect_on.is_none() {
        r.collect_on = next_idx.or(first_open);
    }
    r
}

/// The rows of every contract.
pub fn rows(
    contracts: &[std::rc::Rc<Contract>],
    names: &HashMap<&str, &str>,
    today: i64,
) -> Vec<ContractRow> {
    contracts
        .iter()
        .map(|c| {
            let name = names
                .get(c.account.as_str())
                .map_or_else(|| c.account.clone(), |n| n.to_string());
            row_of(c, name, today)
        })
        .collect()
}

/// A sortable column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Contract name.
    Name,
    /// Account name.
    Account,
    /// Signing date.
    Signed,
    /// Value.
    Value,
    /// Delivered %.
    Delivered,
    /// Collected.
    Collected,
    /// Still to collect.
    Outstanding,
    /// Next due date.
    NextDue,
    /// Days overdue.
    Overdue,
}

impl SortKey {
    fn id(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Account => "account",
            SortKey::Signed => "signed",
            SortKey::Value => "value",
            SortKey::Delivered => "delivered",
            SortKey::Collected => "collected",
            SortKey::Outstanding => "outstanding",
            SortKey::NextDue => "next",
            SortKey::Overdue => "overdue",
        }
    }

    /// Numbers and dates sort largest first on the first click, names A–Z.
    pub fn starts_descending(self) -> bool {
        !matches!(self, SortKey::Name | SortKey::Account | SortKey::NextDue)
    }
}

/// How the list is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct ListState {
    /// Sorted by.
    pub sort: SortKey,
    /// Largest first.
    pub desc: bool,
    /// Page, from 0.
    pub page: usize,
    /// Account name contains (case-insensitive).
    pub filter: String,
    /// Only contracts with an overdue milestone.
    pub overdue_only: bool,
}

impl Default for ListState {
    fn default() -> Self {
        ListState {
            sort: SortKey::Overdue,
            desc: true,
            page: 0,
            filter: String::new(),
            overdue_only: false,
        }
    }
}

/// The rows that pass the filters, sorted.
pub fn visible<'a>(rows: &'a [ContractRow], s: &ListState) -> Vec<&'a ContractRow> {
    let needle = s.filter.trim().to_lowercase();
    let mut out: Vec<&ContractRow> = rows
        .iter()
        .filter(|r| !s.overdue_only || r.overdue_days.is_some())
        .filter(|r| {
            needle.is_empty()
                || r.account_name.to_lowercase().contains(&needle)
                || r.account == needle
        })
        .collect();
    let num = |a: f64, b: f64| a.total_cmp(&b);
    out.sort_by(|a, b| {
        let o = match s.sort {
            SortKey::Name => a.name.cmp(&b.name),
            SortKey::Account => a.account_name.cmp(&b.account_name),
            SortKey::Signed => a.signed.cmp(&b.signed),
            SortKey::Value => num(a.value, b.value),
            SortKey::Delivered => num(a.delivered_pct, b.delivered_pct),
            SortKey::Collected => num(a.collected, b.collected),
            SortKey::Outstanding => num(a.outstanding, b.outstanding),
            // Contracts with nothing due sort last either way.
            SortKey::NextDue => a
                .next_due
                .map(|d| d.0)
                .unwrap_or(i64::MAX)
                .cmp(&b.next_due.map(|d| d.0).unwrap_or(i64::MAX)),
            SortKey::Overdue => a
                .overdue_days
                .unwrap_or(-1)
                .cmp(&b.overdue_days.unwrap_or(-1))
                .then(num(a.overdue, b.overdue)),
        };
        let o = if s.desc { o.reverse() } else { o };
        o.then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// A milestone kind's name.
pub fn kind_name(i18n: &I18n, k: MilestoneKind) -> &'static str {
    i18n.t(match k {
        MilestoneKind::Advance => "ltc_contracts.kind_advance",
        MilestoneKind::Delivery => "ltc_contracts.kind_delivery",
        MilestoneKind::Acceptance => "ltc_contracts.kind_acceptance",
        MilestoneKind::Retention => "ltc_contracts.kind_retention",
        MilestoneKind::Other => "ltc_contracts.kind_other",
    })
}

/// What the table does.
pub struct ListActions {
    /// Sort by a column (again: reverse).
    pub on_sort: Callback<SortKey>,
    /// Open the editor on a contract.
    pub on_edit: Callback<String>,
    /// Record a collection on (contract, milestone).
    pub on_collect: Callback<(String, usize)>,
    /// Open an account's tab.
    pub on_open_account: Callback<String>,
}

/// The table of one page of rows.
pub fn table(i18n: &I18n, rows: &[&ContractRow], s: &ListState, a: &ListActions) -> Html {
    let header = |key: SortKey, label: &str, num: bool| {
        let current = s.sort == key;
        let sort = if current {
            if s.desc {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        let arrow = match (current, s.desc) {
            (false, _) => "",
            (true, true) => " ▼",
            (true, false) => " ▲",
        };
        let onclick = a.on_sort.reform(move |_: MouseEvent| key);
        html! {
            <th scope="col" class={classes!(num.then_some("num"))} aria-sort={sort}>
                <button type="button" class="ltc-c-sort print-as-text" {onclick}
                        data-testid={format!("ltc-contracts-sort-{}", key.id())}>
                    { format!("{label}{arrow}") }
                </button>
            </th>
        }
    };
    let row = |r: &&ContractRow| {
        let r = *r;
        let edit = a.on_edit.reform({
            let id = r.id.clone();
            move |_: MouseEvent| id.clone()
        });
        let open = a.on_open_account.reform({
            let id = r.account.clone();
            move |_: MouseEvent| id.clone()
        });
        let next = match r.next_due {
            Some((d, k)) => {
                html! { <>{ iso_from_days(d) }<span class="ltc-c-sub">{ kind_name(i18n, k) }</span></> }
            }
            None if r.waiting => html! { { i18n.t("ltc_contracts.waiting") } },
            None => html! { { "—" } },
        };
        html! {
            <tr data-testid={format!("ltc-contract-row-{}", r.id)} data-account={r.account.clone()}
                class={classes!(r.overdue_days.is_some().then_some("is-overdue"))}>
                <th scope="row">
                    <button type="button" class="ltc-c-link print-as-text" onclick={edit.clone()}
                            aria-label={i18n.tf("a11y.in_context", &[("label", &r.name), ("context", &r.account_name)])}
                            data-testid={format!("ltc-contract-open-{}", r.id)}>{ r.name.clone() }</button>
                </th>
                <td>
                    <button type="button" class="ltc-c-link print-as-text" onclick={open}
                            aria-label={i18n.tf("ltc_contracts.open_account_of", &[("name", &r.account_name), ("contract", &r.name)])}>
                        { r.account_name.clone() }</button>
                </td>
                <td>{ r.signed.clone() }</td>
                <td class="num">{ i18n.num(r.value) }</td>
                <td class="num">{ format_percent(r.delivered_pct) }</td>
                <td class="num">{ i18n.num(r.invoiced) }</td>
                <td class="num">{ i18n.num(r.collected) }</td>
                <td class="num">{ i18n.num(r.outstanding) }</td>
                <td>{ next }</td>
                <td data-testid={format!("ltc-contract-overdue-{}", r.id)} data-count={r.overdue_count.to_string()}>
                    if let Some(d) = r.overdue_days {
                        <span class="ltc-c-flag">{ i18n.tf("ltc_contracts.days_value", &[("n", &d.to_string())]) }</span>
                        <span class="ltc-c-sub">{ i18n.num(r.overdue) }</span>
                    }
                </td>
                <td class="ltc-c-actions">
                    <button type="button" class="button ltc-c-small" onclick={edit}
                            aria-label={i18n.tf("ltc_contracts.edit_of", &[("name", &r.name), ("account", &r.account_name)])}>{ i18n.t("ltc_contracts.edit") }</button>
                    if let Some(m) = r.collect_on {
                        <button type="button" class="button ltc-c-small"
                                onclick={a.on_collect.reform({ let id = r.id.clone(); move |_: MouseEvent| (id.clone(), m) })}
                                aria-label={i18n.tf("ltc_contracts.collect_of", &[("name", &r.name), ("account", &r.account_name)])}
                                data-testid={format!("ltc-contract-collect-{}", r.id)}>{ i18n.t("ltc_contracts.collect") }</button>
                    }
                </td>
            </tr>
        }
    };
    html! {
        <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("ltc_contracts.list_title")}>
            <table class="data-table ltc-c-table" data-testid="ltc-contracts-table">
                <thead><tr>
                    { header(SortKey::Name, i18n.t("ltc_contracts.col_contract"), false) }
                    { header(SortKey::Account, i18n.t("ltc_contracts.col_account"), false) }
                    { header(SortKey::Signed, i18n.t("ltc_contracts.col_signed"), false) }
                    { header(SortKey::Value, i18n.t("ltc_contracts.col_value"), true) }
                    { header(SortKey::Delivered, i18n.t("ltc_contracts.col_delivered"), true) }
                    <th scope="col" class="num">{ i18n.t("ltc_contracts.col_invoiced") }</th>
                    { header(SortKey::Collected, i18n.t("ltc_contracts.col_collected"), true) }
                    { header(SortKey::Outstanding, i18n.t("ltc_contracts.col_outstanding"), true) }
                    { header(SortKey::NextDue, i18n.t("ltc_contracts.col_next"), false) }
                    { header(SortKey::Overdue, i18n.t("ltc_contracts.col_overdue"), false) }
                    <th scope="col"><span class="visually-hidden">{ i18n.t("ltc_contracts.col_actions") }</span></th>
                </tr></thead>
                <tbody>{ for rows.iter().map(row) }</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::day_number;
    use crate::domain::ltc::default_milestones;

    fn contract(id: &str, signed: &str, paid_advance: bool) -> Contract {
        let mut c = Contract {
            id: id.into(),
            account: "c-1".into(),
            name: id.into(),
            signed: signed.into(),
            value: 1_000_000.0,
            milestones: default_milestones(),
            ..Contract::default()
        };
        c.milestones[0].invoiced = 300_000.0;
        if paid_advance {
            c.milestones[0].collected = 300_000.0;
        }
        c
    }

    #[test]
    fn a_row_names_the_overdue_milestone_and_the_next_due() {
        let today = day_number("2026-03-01").unwrap_or_default();
        let r = row_of(&contract("a", "2026-01-01", false), "甲".into(), today);
        assert_eq!(r.overdue_days, Some(29));
        assert_eq!(r.overdue, 300_000.0);
        assert_eq!(r.collect_on, Some(0));
        assert!(r.waiting);
        assert_eq!(r.outstanding, 1_000_000.0);
        let r = row_of(&contract("b", "2026-01-01", true), "甲".into(), today);
        assert_eq!(r.overdue_days, None);
        assert_eq!(r.next_due, None);
        assert_eq!(r.collect_on, Some(1));
    }

    #[test]
    fn overdue_only_and_the_account_filter_narrow_the_list() {
        let today = day_number("2026-03-01").unwrap_or_default();
        let rows = vec![
            row_of(
                &contract("a", "2026-01-01", false),
                "华东电网".into(),
                today,
            ),
            row_of(&contract("b", "2026-01-01", true), "西南能源".into(), today),
        ];
        let s = ListState {
            overdue_only: true,
            ..ListState::default()
        };
        assert_eq!(visible(&rows, &s).len(), 1);
        let s = ListState {
            filter: "西南".into(),
            ..ListState::default()
        };
        assert_eq!(visible(&rows, &s)[0].id, "b");
        let s = ListState {
            sort: SortKey::Name,
            desc: false,
            ..ListState::default()
        };
        let ids: Vec<&str> = visible(&rows, &s).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, vec!["a", "b"]);
    }
}

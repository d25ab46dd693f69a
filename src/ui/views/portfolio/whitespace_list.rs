//! The whitespace as a list: the pairs filled in and every open pair or pair in pursuit of what
//! is shown, largest potential first, and the same rows as CSV for Excel.

use std::collections::HashMap;

use yew::prelude::*;

use super::horizon_name;
use super::whitespace_matrix::status_name;
use crate::domain::portfolio::whitespace_table::{csv_rows, listed, Board, Names, COLUMNS};
use crate::domain::portfolio::{CellStatus, Horizon};
use crate::persist::csv_export::to_csv;
use crate::ui::i18n::I18n;

/// The list as CSV: header in the interface language, UTF-8 with BOM, amounts in plain yuan.
pub fn csv_text(i18n: &I18n, b: &Board, tiers: &HashMap<String, String>) -> String {
    // Amounts are plain yuan in the file, and the header says so.
    let headers: Vec<String> = COLUMNS
        .iter()
        .map(|c| {
            let name = i18n.t(&format!("whitespace.col_{c}")).to_string();
            if matches!(*c, "revenue" | "potential") {
                i18n.tf("whitespace.csv_amount", &[("column", &name)])
            } else {
                name
            }
        })
        .collect();
    let names = Names {
        tiers: tiers.clone(),
        statuses: CellStatus::ALL.map(|s| status_name(i18n, s)),
        horizons: Horizon::ALL.map(|h| horizon_name(i18n, h)),
    };
    to_csv(&headers, csv_rows(b, &names))
}

/// The list; `on_pick` gets the clicks of the rows' edit buttons.
pub fn list_view(
    i18n: &I18n,
    b: &Board,
    tiers: &HashMap<String, String>,
    on_pick: Callback<MouseEvent>,
) -> Html {
    let pairs = listed(b);
    let rows = pairs.iter().filter_map(|&(ai, li)| {
        let a = b.accounts.get(ai)?;
        let l = b.lines.get(li)?;
        let pair = b.pairs.get(ai)?.get(li)?;
        let amount = |v: f64| if v == 0.0 { "—".to_string() } else { i18n.num(v) };
        let edit_of = i18n.tf("whitespace.edit_of", &[("account", &a.name), ("line", &l.name)]);
        Some(html! {
            <tr data-testid={format!("ws-list-{}-{}", a.id, l.id)}>
                <th scope="row">{ a.name.clone() }</th>
                <td>{ tiers.get(&a.tier).cloned().unwrap_or_else(|| a.tier.clone()) }</td>
                <td>{ a.industry.clone() }</td>
                <td>{ l.name.clone() }</td>
                <td>{ horizon_name(i18n, l.horizon) }</td>
                <td><span class={classes!("ws-key", format!("ws-{}", pair.status.key()))}>{ status_name(i18n, pair.status) }</span></td>
                <td class="num">{ amount(pair.revenue) }</td>
                <td class="num">{ amount(pair.potential) }</td>
                <td>
                    <button type="button" class="button ws-row-edit" data-account={a.id.clone()} data-line={l.id.clone()}
                            aria-label={edit_of.clone()} title={edit_of}
                            data-testid={format!("ws-row-edit-{}-{}", a.id, l.id)}>{ i18n.t("whitespace.edit") }</button>
                </td>
            </tr>
        })
    });
    html! {
        <>
            <p class="muted ws-list-hint">{ i18n.t("whitespace.table_hint") }</p>
            if pairs.is_empty() {
                <p class="ws-no-match" data-testid="ws-list-empty">{ i18n.t("whitespace.table_empty") }</p>
            } else {
                <div class="table-scroll ws-scroll" tabindex="0" role="group" aria-label={i18n.t("whitespace.table_label").to_string()}>
                    <table class="data-table ws-list" data-testid="ws-list" onclick={on_pick}>
                        <thead><tr>
                            { for COLUMNS.iter().map(|c| html! {
                                <th scope="col" class={classes!(matches!(*c, "revenue" | "potential").then_some("num"))}>
                                    { i18n.t(&format!("whitespace.col_{c}")).to_string() }
                                </th>
                            }) }
                            <th scope="col"><span class="visually-hidden">{ i18n.t("whitespace.col_actions") }</span></th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
        </>
    }
}

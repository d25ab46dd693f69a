//! The whitespace matrix: accounts (rows, with their tier) × business lines (columns under their
//! industry, with their horizon), each cell a button showing its status as a colour and a mark
//! and its figure; a totals column of open potential per account and a totals row per line.

use std::collections::{HashMap, HashSet};

use yew::prelude::*;

use super::horizon_name;
use crate::domain::portfolio::whitespace_table::{Board, Pair};
use crate::domain::portfolio::CellStatus;
use crate::ui::i18n::I18n;

/// The name of a status in the interface language.
pub fn status_name(i18n: &I18n, s: CellStatus) -> String {
    i18n.t(&format!("whitespace.status_{}", s.key()))
        .to_string()
}

/// The figure of a pair as shown ("—" when it has none).
pub fn figure_text(i18n: &I18n, pair: &Pair) -> String {
    match pair.figure() {
        Some(v) if v != 0.0 => i18n.num(v),
        _ => "—".to_string(),
    }
}

/// The statuses with their colour and mark.
pub fn legend(i18n: &I18n) -> Html {
    html! {
        <ul class="ws-legend" aria-label={i18n.t("whitespace.legend").to_string()} data-testid="ws-legend">
            { for CellStatus::ALL.iter().map(|s| html! {
                <li class={classes!("ws-key", format!("ws-{}", s.key()))}>{ status_name(i18n, *s) }</li>
            }) }
        </ul>
    }
}

/// The matrix in its scrolling region; `on_pick` gets the clicks of every cell (each cell
/// carries its account and line).
pub fn matrix_view(
    i18n: &I18n,
    b: &Board,
    tiers: &HashMap<String, String>,
    on_pick: Callback<MouseEvent>,
) -> Html {
    // The first column of each industry gets a rule on its left.
    let mut starts = HashSet::new();
    let mut at = 0;
    for (_, n) in &b.groups {
        starts.insert(at);
        at += n;
    }
    let edge = |li: usize| starts.contains(&li).then_some("ws-group-start");
    let statuses: Vec<String> = CellStatus::ALL
        .iter()
        .map(|s| status_name(i18n, *s))
        .collect();
    let status_of = |s: CellStatus| {
        CellStatus::ALL
            .iter()
            .position(|x| *x == s)
            .and_then(|i| statuses.get(i))
            .cloned()
            .unwrap_or_default()
    };
    let rows = b.accounts.iter().enumerate().map(|(ai, a)| {
        let cells = b.lines.iter().enumerate().map(|(li, l)| {
            let pair = b.pairs.get(ai).and_then(|r| r.get(li)).copied().unwrap_or_default();
            let figure = figure_text(i18n, &pair);
            let status = status_of(pair.status);
            let label = if figure == "—" {
                i18n.tf("whitespace.cell_label_plain", &[("account", &a.name), ("line", &l.name), ("status", &status)])
            } else {
                i18n.tf("whitespace.cell_label", &[("account", &a.name), ("line", &l.name), ("status", &status), ("amount", &figure)])
            };
            html! {
                <td class={classes!("ws-td", edge(li))}>
                    <button type="button"
                            class={classes!("ws-cell", "print-as-text", format!("ws-{}", pair.status.key()), (!pair.stored).then_some("is-default"))}
                            data-account={a.id.clone()} data-line={l.id.clone()} data-status={pair.status.key()}
                            aria-label={label.clone()} title={label}
                            data-testid={format!("ws-cell-{}-{}", a.id, l.id)}>{ figure }</button>
                </td>
            }
        });
        let open = b.per_account.get(ai).map_or(0.0, |s| s.open_potential);
        html! {
            <tr data-testid={format!("ws-row-{}", a.id)}>
                <th scope="row" class="ws-account">
                    <span class="ws-account-name">{ a.name.clone() }</span>
                    <span class="ws-account-tier">{ tiers.get(&a.tier).cloned().unwrap_or_else(|| a.tier.clone()) }</span>
                </th>
                { for cells }
                <td class={classes!("num", "ws-account-total", (open == 0.0).then_some("is-zero"))}
                    data-testid={format!("ws-total-account-{}", a.id)}>{ i18n.num(open) }</td>
            </tr>
        }
    });
    let line_totals = b.lines.iter().enumerate().map(|(li, l)| {
        let sum = b.per_line.get(li).cloned().unwrap_or_default();
        html! {
            <td class={classes!("num", "ws-line-total", edge(li))}>
                <span class={classes!("ws-total-open", (sum.open_potential == 0.0).then_some("is-zero"))}
                      data-testid={format!("ws-total-line-{}", l.id)}>{ i18n.num(sum.open_potential) }</span>
                if sum.pursuit_potential != 0.0 {
                    <span class="ws-total-more" data-testid={format!("ws-total-pursuit-{}", l.id)}>
                        { i18n.tf("whitespace.total_pursuit", &[("amount", &i18n.num(sum.pursuit_potential))]) }
                    </span>
                }
                if sum.sold_revenue != 0.0 {
                    <span class="ws-total-more" data-testid={format!("ws-total-sold-{}", l.id)}>
                        { i18n.tf("whitespace.total_sold", &[("amount", &i18n.num(sum.sold_revenue))]) }
                    </span>
                }
            </td>
        }
    });
    html! {
        <div class="ws-scroll" tabindex="0" role="region" aria-label={i18n.t("whitespace.matrix_label").to_string()}>
            <table class="ws-matrix" data-testid="ws-matrix" onclick={on_pick}>
                <thead>
                    <tr>
                        <th scope="col" rowspan="2" class="ws-account ws-corner">{ i18n.t("whitespace.col_account") }</th>
                        { for b.groups.iter().map(|(industry, n)| html! {
                            <th scope="colgroup" colspan={n.to_string()} class="ws-industry ws-group-start">{ industry.clone() }</th>
                        }) }
                        <th scope="col" rowspan="2" class="num ws-total-head">{ i18n.t("whitespace.col_open_total") }</th>
                    </tr>
                    <tr>
                        { for b.lines.iter().enumerate().map(|(li, l)| html! {
                            <th scope="col" class={classes!("ws-line-head", edge(li))} data-testid={format!("ws-line-{}", l.id)}>
                                <span class="ws-line-name">{ l.name.clone() }</span>
                                <span class={classes!("ws-horizon", format!("ws-horizon-{}", l.horizon.key()))}>{ horizon_name(i18n, l.horizon) }</span>
                            </th>
                        }) }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" class="ws-account">{ i18n.t("whitespace.row_total") }</th>
                        { for line_totals }
                        <td class="num ws-account-total ws-grand" data-testid="ws-total-corner">{ i18n.num(b.total.open_potential) }</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

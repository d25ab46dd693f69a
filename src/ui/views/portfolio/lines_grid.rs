//! The industries × horizons grid (revenue, line count and growth per cell, the industry's total
//! and the overall row) and the table of the business lines with their edit and delete buttons.

use yew::prelude::*;

use crate::domain::number::format_percent;
use crate::domain::portfolio::calc::{growth_pct, share_pct, Group, IndustryRow};
use crate::domain::portfolio::{BusinessLine, Horizon};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::I18n;
use crate::ui::views::portfolio::{horizon_name, person_name};

/// "3 条" / "3 lines".
fn line_count(i18n: &I18n, n: usize) -> String {
    if n == 1 {
        i18n.t("lines.n_lines_one").to_string()
    } else {
        i18n.tf("lines.n_lines", &[("n", &n.to_string())])
    }
}

/// A growth figure, or "—" with the reason in its title.
pub fn growth_text(i18n: &I18n, growth: Option<f64>, testid: String) -> Html {
    match growth {
        Some(g) => html! { <span data-testid={testid}>{ format_percent(g) }</span> },
        None => html! {
            <span class="lines-unknown" title={i18n.t("lines.growth_unknown")} data-testid={testid}>{ "—" }</span>
        },
    }
}

/// One cell of the grid.
fn cell(i18n: &I18n, g: &Group, testid: String, strong: bool) -> Html {
    if g.lines == 0 {
        return html! { <td class="num lines-cell is-empty" data-testid={testid}>{ "—" }</td> };
    }
    html! {
        <td class={classes!("num", "lines-cell", strong.then_some("is-total"))}>
            <span class="lines-cell-revenue" data-testid={format!("{testid}-revenue")}>{ i18n.num(g.revenue) }</span>
            <span class="lines-cell-meta">
                <span data-testid={format!("{testid}-count")}>{ line_count(i18n, g.lines) }</span>
                { " · " }
                { growth_text(i18n, g.growth_pct, format!("{testid}-growth")) }
            </span>
        </td>
    }
}

/// A row of the grid; `key` is the row's part of the test ids.
fn grid_row(i18n: &I18n, label: &str, key: &str, r: &IndustryRow, overall: bool) -> Html {
    html! {
        <tr data-testid={format!("lines-grid-{key}")} class={classes!(overall.then_some("is-overall"))}>
            <th scope="row">{ label.to_string() }</th>
            { for Horizon::ALL.iter().map(|h| cell(i18n, &r.horizons[h.index()], format!("lines-grid-{key}-{}", h.key()), overall)) }
            { cell(i18n, &r.total, format!("lines-grid-{key}-total"), true) }
        </tr>
    }
}

/// The grid.
pub fn grid(i18n: &I18n, rows: &[IndustryRow], overall: &IndustryRow) -> Html {
    html! {
        <section class="card lines-grid" data-testid="lines-grid-card">
            <h3 class="card-title">{ i18n.t("lines.title_grid") }</h3>
            <p class="muted lines-note">{ i18n.t("lines.grid_note") }</p>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("lines.title_grid")}>
                <table class="data-table lines-grid-table" data-testid="lines-grid">
                    <thead><tr>
                        <th scope="col">{ i18n.t("lines.col_industry") }</th>
                        { for Horizon::ALL.iter().map(|h| html! { <th scope="col" class="num">{ horizon_name(i18n, *h) }</th> }) }
                        <th scope="col" class="num">{ i18n.t("lines.col_total") }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().enumerate().map(|(i, r)| grid_row(i18n, &r.industry, &i.to_string(), r, false)) }
                    </tbody>
                    <tfoot>
                        { grid_row(i18n, i18n.t("lines.overall"), "overall", overall, true) }
                    </tfoot>
                </table>
            </div>
        </section>
    }
}

/// An optional amount, or "—".
fn amount(i18n: &I18n, v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| i18n.num(v))
}

/// The table of the business lines; `on_edit` and `on_delete` get a line's id.
pub fn table(
    i18n: &I18n,
    ws: &Workspace,
    on_edit: &Callback<String>,
    on_delete: &Callback<String>,
) -> Html {
    let row = |l: &BusinessLine| {
        let id = l.id.clone();
        let edit = on_edit.reform({
            let id = id.clone();
            move |_: MouseEvent| id.clone()
        });
        let delete = on_delete.reform({
            let id = id.clone();
            move |_: MouseEvent| id.clone()
        });
        html! {
            <tr data-testid={format!("lines-row-{id}")}>
                <td>{ l.industry.clone() }</td>
                <th scope="row">{ l.name.clone() }</th>
                <td>
                    <span class={format!("lines-horizon lines-horizon-{}", l.horizon.key())}
                          data-testid={format!("lines-row-{id}-horizon")}>{ horizon_name(i18n, l.horizon) }</span>
                </td>
                <td class="num" data-testid={format!("lines-row-{id}-revenue")}>{ i18n.num(l.revenue) }</td>
                <td class="num">{ amount(i18n, l.revenue_last_year) }</td>
                <td class="num">{ growth_text(i18n, growth_pct(l), format!("lines-row-{id}-growth")) }</td>
                <td class="num">{ l.gross_margin_pct.map_or_else(|| "—".to_string(), format_percent) }</td>
                <td class="num">{ amount(i18n, l.market_size) }</td>
                <td class="num">
                    if let Some(s) = share_pct(l) {
                        { format_percent(s) }
                    } else {
                        <span class="lines-unknown" title={i18n.t("lines.share_unknown")}>{ "—" }</span>
                    }
                </td>
                <td>{ person_name(ws, l.owner.as_deref()) }</td>
                <td class="lines-text">
                    if !l.control_point.is_empty() {
                        <span class="lines-text-part">{ l.control_point.clone() }</span>
                    }
                    if !l.risk_management.is_empty() {
                        <span class="lines-text-part">
                            <span class="muted">{ i18n.t("lines.risk_prefix") }</span>{ l.risk_management.clone() }
                        </span>
                    }
                </td>
                <td class="lines-row-actions">
                    <button type="button" class="button lines-small" onclick={edit}
                            aria-label={i18n.tf("lines.edit_of", &[("name", &l.name)])}
                            data-testid={format!("lines-edit-{id}")}>{ i18n.t("lines.edit") }</button>
                    <button type="button" class="button lines-small" onclick={delete}
                            aria-label={i18n.tf("lines.delete_of", &[("name", &l.name)])}
                            data-testid={format!("lines-delete-{id}")}>{ i18n.t("lines.delete") }</button>
                </td>
            </tr>
        }
    };
    html! {
        <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("lines.title_lines")}>
            <table class="data-table lines-table" data-testid="lines-table">
                <thead><tr>
                    <th scope="col">{ i18n.t("lines.col_industry") }</th>
                    <th scope="col">{ i18n.t("lines.col_name") }</th>
                    <th scope="col">{ i18n.t("lines.col_horizon") }</th>
                    <th scope="col" class="num">{ i18n.t("lines.col_revenue") }</th>
                    <th scope="col" class="num">{ i18n.t("lines.col_last_year") }</th>
                    <th scope="col" class="num">{ i18n.t("lines.col_growth") }</th>
                    <th scope="col" class="num">{ i18n.t("lines.col_margin") }</th>
                    <th scope="col" class="num">{ i18n.t("lines.col_market") }</th>
                    <th scope="col" class="num">{ i18n.t("lines.col_share") }</th>
                    <th scope="col">{ i18n.t("lines.col_owner") }</th>
                    <th scope="col">{ i18n.t("lines.col_control_risk") }</th>
                    <th scope="col"><span class="visually-hidden">{ i18n.t("lines.col_actions") }</span></th>
                </tr></thead>
                <tbody>{ for ws.portfolio.lines.iter().map(row) }</tbody>
            </table>
        </div>
    }
}

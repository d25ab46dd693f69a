//! The whitespace tab of Tool 2 (空白点, SPEC §3.3): the accounts (customers in the account
//! tiers of Tool 3) × the business lines, each pair sold, in pursuit, open or not relevant with
//! its figure; totals per line, per account and overall over what the filters show; a list view
//! sorted by potential, its CSV export, and a dialog to edit a cell. Every figure comes from
//! `domain::portfolio::whitespace_table` and `calc`.

use std::collections::HashMap;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::whitespace_cell::CellDialog;
use super::whitespace_list::{csv_text, list_view};
use super::whitespace_matrix::{legend, matrix_view};
use super::PartProps;
use crate::domain::dates::iso_date_from_ms;
use crate::domain::number::format_count;
use crate::domain::portfolio::calc::default_status;
use crate::domain::portfolio::whitespace_table::{self as wt, Board, Filter};
use crate::domain::portfolio::WhitespaceCell;
use crate::persist::files::download_text;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::now_ms;
use crate::ui::views::customers::event_value;

/// Matrix or list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum View {
    Matrix,
    Table,
}

/// The account and line ids of the element clicked inside a matrix or list (a cell or a row's
/// edit button carries them), so that one handler serves every cell.
fn picked(e: &MouseEvent) -> Option<(String, String)> {
    let target: web_sys::Element = e.target_dyn_into()?;
    let button = target.closest("[data-line]").ok()??;
    Some((
        button.get_attribute("data-account")?,
        button.get_attribute("data-line")?,
    ))
}

/// Tier id → tier name in the interface language.
fn tier_names(i18n: &I18n, ws: &crate::domain::workspace::Workspace) -> HashMap<String, String> {
    ws.tiering
        .tiers
        .iter()
        .map(|t| (t.id.clone(), i18n.tier_name(t).to_string()))
        .collect()
}

/// The three sums over what is shown, and how much is shown.
fn summary(i18n: &I18n, b: &Board, all_accounts: usize, all_lines: usize) -> Html {
    let figure = |key: &str, id: &str, v: f64| {
        html! {
            <div class={classes!("ws-sum", id.to_string())}>
                <dt>{ i18n.t(key).to_string() }</dt>
                <dd data-testid={id.to_string()}>{ i18n.num(v) }</dd>
            </div>
        }
    };
    html! {
        <div class="ws-summary">
            <dl class="ws-sums">
                { figure("whitespace.sum_open", "ws-total", b.total.open_potential) }
                { figure("whitespace.sum_pursuit", "ws-total-pursuit", b.total.pursuit_potential) }
                { figure("whitespace.sum_sold", "ws-total-sold", b.total.sold_revenue) }
            </dl>
            <p class="muted ws-shown" data-testid="ws-shown">{ i18n.tf("whitespace.shown", &[
                ("accounts", &format_count(b.accounts.len())),
                ("all_accounts", &format_count(all_accounts)),
                ("lines", &format_count(b.lines.len())),
                ("all_lines", &format_count(all_lines)),
            ]) }</p>
        </div>
    }
}

/// The tab.
#[function_component(Whitespace)]
pub fn part(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let ws = props.ws.0.clone();
    let accounts = use_memo(props.ws.clone(), |ws| wt::account_rows(&ws.0));
    let filter = use_state(Filter::default);
    let view = use_state(|| View::Matrix);
    let editing = use_state(|| None::<(String, String)>);
    let export_error = use_state(|| None::<String>);

    let title = html! { <h3 class="card-title">{ i18n.t("portfolio.tab_whitespace") }</h3> };
    if ws.portfolio.lines.is_empty() || accounts.is_empty() {
        let no_lines = ws.portfolio.lines.is_empty();
        return html! {
            <section class="card ws-empty" data-testid="portfolio-whitespace">
                { title }
                if no_lines {
                    <p data-testid="ws-no-lines">{ i18n.t("whitespace.no_lines") }</p>
                } else {
                    <p data-testid="ws-no-accounts">{ i18n.t("whitespace.no_accounts") }</p>
                    <a class="button" href="#/team" data-testid="ws-go-team">{ i18n.t("whitespace.go_team") }</a>
                }
            </section>
        };
    }

    let b = wt::board(&ws.portfolio, &accounts, &filter);
    let tiers = tier_names(&i18n, &ws);
    let industries = wt::filter_industries(&ws.portfolio, &accounts);

    let set_filter = |f: fn(&mut Filter, String)| {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let mut next = (*filter).clone();
            f(&mut next, event_value(&e));
            filter.set(next);
        })
    };
    let on_hide = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = (*filter).clone();
            next.hide_irrelevant = input.checked();
            filter.set(next);
        })
    };
    let show = |v: View| {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| view.set(v))
    };
    let on_pick = {
        let editing = editing.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(pair) = picked(&e) {
                editing.set(Some(pair));
            }
        })
    };
    let on_export = {
        let ws = ws.clone();
        let export_error = export_error.clone();
        let accounts = accounts.clone();
        let filter = (*filter).clone();
        let tiers = tiers.clone();
        Callback::from(move |_: MouseEvent| {
            let text = csv_text(&i18n, &wt::board(&ws.portfolio, &accounts, &filter), &tiers);
            let name = format!(
                "{}-whitespace-{}.csv",
                ws.meta.name,
                iso_date_from_ms(now_ms())
            );
            export_error.set(download_text(&name, "text/csv;charset=utf-8", &text).err());
        })
    };

    let dialog = editing.as_ref().and_then(|(account, line)| {
        let ai = b.accounts.iter().position(|a| &a.id == account)?;
        let li = b.lines.iter().position(|l| &l.id == line)?;
        let (a, l) = (&b.accounts[ai], &b.lines[li]);
        let pair = *b.pairs.get(ai)?.get(li)?;
        let close = {
            let editing = editing.clone();
            Callback::from(move |_: ()| editing.set(None))
        };
        let on_save = {
            let ws = ws.clone();
            let on_change = props.on_change.clone();
            let editing = editing.clone();
            let (account, line) = (a.id.clone(), l.id.clone());
            Callback::from(move |cell: Option<WhitespaceCell>| {
                let next = match cell {
                    Some(cell) => wt::with_cell(&ws.portfolio, cell),
                    None => wt::without_cell(&ws.portfolio, &account, &line),
                };
                if next != ws.portfolio {
                    on_change.emit(next);
                }
                editing.set(None);
            })
        };
        Some(html! {
            <CellDialog account={a.id.clone()} account_name={a.name.clone()}
                        line={l.id.clone()} line_name={l.name.clone()} {pair}
                        default_status={default_status(&a.industry, &l.industry)}
                        {on_save} on_close={close} />
        })
    });

    html! {
        <section class="card ws" data-testid="portfolio-whitespace">
            { title }
            <p class="muted ws-intro">{ i18n.t("whitespace.intro") }</p>
            <div class="ws-toolbar">
                <label class="ws-field">
                    <span>{ i18n.t("whitespace.filter_tier") }</span>
                    <select onchange={set_filter(|f, v| f.tier = v)} data-testid="ws-filter-tier">
                        <option value="" selected={filter.tier.is_empty()}>{ i18n.t("whitespace.all") }</option>
                        { for ws.org.account_tiers.iter().map(|t| html! {
                            <option value={t.clone()} selected={*t == filter.tier}>
                                { tiers.get(t).cloned().unwrap_or_else(|| t.clone()) }
                            </option>
                        }) }
                    </select>
                </label>
                <label class="ws-field">
                    <span>{ i18n.t("whitespace.filter_industry") }</span>
                    <select onchange={set_filter(|f, v| f.industry = v)} data-testid="ws-filter-industry">
                        <option value="" selected={filter.industry.is_empty()}>{ i18n.t("whitespace.all") }</option>
                        { for industries.iter().map(|i| html! {
                            <option value={i.clone()} selected={*i == filter.industry}>{ i.clone() }</option>
                        }) }
                    </select>
                </label>
                <label class="ws-check">
                    <input type="checkbox" checked={filter.hide_irrelevant} onchange={on_hide}
                           data-testid="ws-hide-irrelevant" />
                    <span>{ i18n.t("whitespace.hide_irrelevant") }</span>
                </label>
                <div class="ws-actions">
                    <div class="ws-views" role="group" aria-label={i18n.t("whitespace.view").to_string()}>
                        <button type="button" class="button" aria-pressed={(*view == View::Matrix).to_string()}
                                onclick={show(View::Matrix)} data-testid="ws-view-matrix">{ i18n.t("whitespace.view_matrix") }</button>
                        <button type="button" class="button" aria-pressed={(*view == View::Table).to_string()}
                                onclick={show(View::Table)} data-testid="ws-view-table">{ i18n.t("whitespace.view_table") }</button>
                    </div>
                    <button type="button" class="button" onclick={on_export} data-testid="ws-export-csv">{ i18n.t("whitespace.export") }</button>
                </div>
            </div>
            if let Some(e) = &*export_error {
                <p class="ws-error" role="alert">{ i18n.tf("whitespace.export_failed", &[("reason", e)]) }</p>
            }
            { summary(&i18n, &b, accounts.len(), ws.portfolio.lines.len()) }
            if b.accounts.is_empty() || b.lines.is_empty() {
                <p class="ws-no-match" data-testid="ws-no-match">{ i18n.t("whitespace.no_match") }</p>
            } else if *view == View::Matrix {
                { legend(&i18n) }
                { matrix_view(&i18n, &b, &tiers, on_pick) }
            } else {
                { list_view(&i18n, &b, &tiers, on_pick) }
            }
            { for dialog }
        </section>
    }
}

//! The overview: the workspace at a glance, its tier structure, the method in four steps, and
//! the workspace settings.

use std::collections::BTreeSet;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::start::StartWithMyData;

use crate::domain::customers::Coverage;
use crate::domain::edit::{self, Edit};
use crate::domain::number::{format_count, format_percent};
use crate::domain::tiering::{Field, TierStats};
use crate::ui::charts::share_bars::{ShareBar, ShareBars};
use crate::ui::explain::field_label;
use crate::ui::i18n::use_i18n;
use crate::ui::messages::edit_error_text;
use crate::ui::no_data::{missing_figures, money_cell, share_cell};
use crate::ui::route::Route;
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::swatch::{tier_fill, Swatch};
use crate::ui::views::team::use_team_data;
use crate::ui::views::tiering::tier_workspace;

/// Figures of the whole workspace.
#[derive(Clone, Debug, PartialEq)]
struct Glance {
    customers: usize,
    industries: usize,
    line_owned: usize,
    regions: usize,
    total_purchase: f64,
    total_revenue: f64,
    tiers: Vec<TierStats>,
    coverage: Coverage,
    /// The fields the tiers are decided by that have no data.
    gap_fields: Vec<Field>,
}

/// Number of distinct non-empty values of a text field.
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> usize {
    values
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<BTreeSet<_>>()
        .len()
}

fn glance(ws: &crate::domain::workspace::Workspace) -> Glance {
    let tiered = tier_workspace(ws);
    Glance {
        customers: ws.customers.len(),
        industries: distinct(ws.customers.iter().map(|c| c.industry.as_str())),
        line_owned: ws
            .customers
            .iter()
            .filter(|c| {
                c.industry_line
                    .as_deref()
                    .is_some_and(|l| !l.trim().is_empty())
            })
            .count(),
        regions: distinct(ws.customers.iter().map(|c| c.region.as_str())),
        total_purchase: ws.customers.iter().map(|c| c.annual_purchase).sum(),
        total_revenue: ws.customers.iter().map(|c| c.revenue).sum(),
        gap_fields: tiered.gaps.iter().map(|g| g.field).collect(),
        tiers: tiered.stats,
        coverage: tiered.coverage,
    }
}

/// The overview page.
#[function_component(Overview)]
pub fn overview() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let g = use_memo(DocRef(ws.clone()), |d| glance(&d.0));

    let team = use_team_data();
    let heads_to_find: u32 = team.staffing.roles.iter().map(|r| r.gap_heads).sum();
    let stat = |key: &str, value: String, testid: &str| {
        html! {
            <div class="stat-card">
                <div class="stat-value" data-testid={testid.to_string()}>{ value }</div>
                <div class="stat-label">{ i18n.t(key).to_string() }</div>
            </div>
        }
    };
    // A total of a figure no customer carries: a dash and, visibly, why (not a 0).
    let money_stat = |key: &str, value: f64, has_data: bool, reason_key: &str, testid: &str| {
        if has_data {
            return stat(key, i18n.num(value), testid);
        }
        let reason = i18n.t(reason_key).to_string();
        html! {
            <div class="stat-card is-absent">
                <div class="stat-value" data-testid={testid.to_string()} title={reason.clone()}>
                    <span aria-hidden="true">{ "—" }</span>
                </div>
                <div class="stat-label">{ i18n.t(key).to_string() }</div>
                <div class="stat-note" data-testid={format!("{testid}-note")}>{ reason }</div>
            </div>
        }
    };
    let cov = g.coverage;
    let missing = missing_figures(&i18n, &cov);
    let gap_fields = g
        .gap_fields
        .iter()
        .map(|f| field_label(&i18n, *f))
        .collect::<Vec<_>>()
        .join(i18n.t("explain.list_separator"));

    let bars: Vec<ShareBar> = ws
        .tiering
        .tiers
        .iter()
        .zip(&g.tiers)
        .map(|(t, s)| ShareBar {
            label: i18n.tier_name(t).to_string(),
            color: t.display_color().to_string(),
            actual_pct: s.count_share_pct,
            target_pct: t.target_share_pct,
        })
        .collect();

    html! {
        <div class="overview">
            <h2 class="view-title">{ i18n.t("overview.title") }{ " · " }{ ws.meta.name.clone() }</h2>
            <p class="report-entry"><a class="button" href="#/report" data-testid="overview-report-link">{ i18n.t("report.link") }</a></p>
            <StartWithMyData />
            <section class="card" aria-labelledby="ov-stats">
                <h3 id="ov-stats" class="card-title">{ i18n.t("overview.stats") }</h3>
                <div class="stat-grid">
                    { stat("overview.customers", format_count(g.customers), "stat-customers") }
                    { stat("overview.industries", format_count(g.industries), "stat-industries") }
                    { stat("overview.industry_lines", format_count(g.line_owned), "stat-line-owned") }
                    { stat("overview.regions", format_count(g.regions), "stat-regions") }
                    { money_stat("overview.total_purchase", g.total_purchase, cov.annual_purchase, "no_data.annual_purchase", "stat-purchase") }
                    { money_stat("overview.total_revenue", g.total_revenue, cov.revenue, "no_data.revenue", "stat-revenue") }
                    { stat("overview.fiscal_year", ws.meta.fiscal_year.to_string(), "stat-fiscal-year") }
                    { stat("overview.accounts", format_count(team.staffing.accounts.len()), "stat-accounts") }
                    { stat("overview.people", format_count(ws.org.people.len()), "stat-people") }
                    { stat("overview.heads_to_find", format_count(heads_to_find as usize), "stat-heads-to-find") }
                </div>
            </section>
            <section class="card" aria-labelledby="ov-tiers">
                <h3 id="ov-tiers" class="card-title">{ i18n.t("overview.tiers") }</h3>
                if g.customers == 0 {
                    <p class="muted" data-testid="tiers-empty">{ i18n.t("overview.tiers_empty") }</p>
                } else {
                    <p class="muted">{ i18n.t("overview.tiers_hint") }</p>
                    if !g.gap_fields.is_empty() {
                        <p class="is-warning" data-testid="tiers-gaps">
                            { i18n.tf("overview.tiers_gaps", &[("fields", &gap_fields)]) }{ " " }
                            <a href={Route::Tiering.hash()}>{ i18n.t("nav.tiering") }</a>
                        </p>
                    }
                    <div class="tier-structure">
                        <ShareBars bars={bars} label={i18n.t("overview.chart_label").to_string()}
                            legend_actual={i18n.t("overview.legend_actual").to_string()}
                            legend_target={i18n.t("overview.legend_target").to_string()} />
                        <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("overview.tiers")}>
                        <table class="data-table" data-testid="tier-table">
                            <thead><tr>
                                <th scope="col">{ i18n.t("overview.col_tier") }</th>
                                <th scope="col" class="num">{ i18n.t("overview.col_count") }</th>
                                <th scope="col" class="num">{ i18n.t("overview.col_share") }</th>
                                <th scope="col" class="num">{ i18n.t("overview.col_target") }</th>
                                <th scope="col" class="num">{ i18n.t("overview.col_revenue_share") }</th>
                                <th scope="col" class="num">{ i18n.t("overview.col_median") }</th>
                            </tr></thead>
                            <tbody>
                            { for ws.tiering.tiers.iter().zip(g.tiers.iter()).map(|(t, s)| html! {
                                <tr data-tier={t.id.clone()}>
                                    <th scope="row">
                                        <Swatch color={tier_fill(t)} />
                                        { i18n.tier_name(t).to_string() }
                                    </th>
                                    <td class="num">{ format_count(s.count) }</td>
                                    <td class="num">{ format_percent(s.count_share_pct) }</td>
                                    <td class="num">{ format_percent(t.target_share_pct) }</td>
                                    <td class="num">{ share_cell(&i18n, s.revenue_share_pct, cov.revenue, "no_data.revenue") }</td>
                                    <td class="num">{ money_cell(&i18n, s.median_purchase, cov.annual_purchase, "no_data.annual_purchase") }</td>
                                </tr>
                            }) }
                            </tbody>
                        </table>
                        </div>
                    </div>
                    if !missing.is_empty() {
                        <p class="muted no-data-note" data-testid="tier-table-no-data">
                            { i18n.tf("no_data.note", &[("reasons", &missing.join(i18n.t("explain.list_separator")))]) }
                        </p>
                    }
                }
            </section>
            <section class="card" aria-labelledby="ov-method">
                <h3 id="ov-method" class="card-title">{ i18n.t("overview.method") }</h3>
                <ol class="method-steps">
                    { for (1..=4).map(|n| {
                        let title = i18n.t(&format!("overview.step{n}_title")).to_string();
                        html! {
                            <li class="method-step">
                                <h4>{ match step_tool(n) {
                                    Some(route) => html! {
                                        <a href={route.hash()} data-testid={format!("method-step-{n}")}>{ title }</a>
                                    },
                                    None => html! { title },
                                } }</h4>
                                <p>{ i18n.t(&format!("overview.step{n}_body")).to_string() }</p>
                            </li>
                        }
                    }) }
                </ol>
            </section>
            <Settings />
        </div>
    }
}

/// The tool that carries out step `n` of the method, once it is built.
fn step_tool(n: usize) -> Option<Route> {
    match n {
        1 => Some(Route::Tiering),
        2 => Some(Route::Team),
        3 => Some(Route::Rhythm),
        4 => Some(Route::Kpi),
        _ => None,
    }
}

/// Fiscal year and reference date of the workspace. The form is keyed by the stored values, so
/// an undo or a switch of workspace shows the values that now apply.
#[function_component(Settings)]
fn settings() -> Html {
    let handle = use_workspace();
    let ws = handle.workspace();
    html! {
        <SettingsForm key={format!("{}|{}|{}", ws.meta.id, ws.meta.fiscal_year, ws.meta.today)}
            fiscal_year={ws.meta.fiscal_year} today={ws.meta.today.clone()} />
    }
}

#[derive(Properties, PartialEq)]
struct SettingsFormProps {
    fiscal_year: i32,
    today: AttrValue,
}

#[function_component(SettingsForm)]
fn settings_form(props: &SettingsFormProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let year = use_state(|| props.fiscal_year.to_string());
    let today = use_state(|| props.today.to_string());
    let error = use_state(|| None::<String>);

    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        let error = error.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            state.set(input.value());
            error.set(None);
        })
    };
    let apply = {
        let handle = handle.clone();
        let year = year.clone();
        let today = today.clone();
        let error = error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ws = handle.workspace();
            let year = year.trim().parse::<i32>().unwrap_or(i32::MIN);
            let edits = [Edit::SetFiscalYear(year), Edit::SetToday((*today).clone())];
            // Check both before applying either, so a bad date does not half-apply the form.
            for e in &edits {
                if let Err(err) = edit::apply(&ws, e, 0) {
                    error.set(Some(edit_error_text(&i18n, &err)));
                    return;
                }
            }
            for e in edits {
                handle.edit(e);
            }
        })
    };

    html! {
        <section class="card" aria-labelledby="ov-settings">
            <h3 id="ov-settings" class="card-title">{ i18n.t("overview.settings") }</h3>
            <form class="settings-form" onsubmit={apply}>
                <label>
                    <span>{ i18n.t("overview.setting_fiscal_year") }</span>
                    <input type="number" min="2000" max="2100" step="1" value={(*year).clone()}
                           oninput={text_input(&year)} data-testid="setting-fiscal-year" />
                </label>
                <label>
                    <span>{ i18n.t("overview.setting_today") }</span>
                    <input type="text" inputmode="numeric" placeholder="YYYY-MM-DD" value={(*today).clone()}
                           oninput={text_input(&today)} data-testid="setting-today" />
                </label>
                <button type="submit" class="button button-primary" data-testid="setting-apply">
                    { i18n.t("overview.save_setting") }
                </button>
                <p class="form-error" role="alert" data-testid="setting-error">{ (*error).clone().unwrap_or_default() }</p>
            </form>
            <p class="muted">{ i18n.t("overview.local_note") }</p>
        </section>
    }
}

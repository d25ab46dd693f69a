//! The pieces of the account tab: the account's figures, its opportunities, and its contracts
//! with their milestones (each with "record a collection").

use std::rc::Rc;

use yew::prelude::*;

use super::super::contracts::form::waiting_text;
use super::super::contracts::list::kind_name;
use super::super::contracts::summary::full;
use super::super::{person_name, stage_name};
use crate::domain::dates::iso_from_days;
use crate::domain::ltc::calc::{self, Coverage, CoverageRow, WinRate};
use crate::domain::ltc::cash::{self, Due, Receivables};
use crate::domain::ltc::{Contract, DueBase, Forecast, Opportunity, StageKind};
use crate::domain::number::{format_count, format_percent};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::I18n;
use crate::ui::term::Term;

/// Opportunities listed at most.
pub const MAX_OPPS: usize = 100;
/// Contracts listed at most.
pub const MAX_CONTRACTS: usize = 30;

/// What the tab shows of one account.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountData {
    /// Its opportunities: open first (by close date), then won, then lost.
    pub opportunities: Vec<Rc<Opportunity>>,
    /// Its contracts, latest signed first.
    pub contracts: Vec<Rc<Contract>>,
    /// Receivables and overdue over its contracts.
    pub receivables: Receivables,
    /// Its coverage row of the fiscal year, when it has a target or pipeline.
    pub coverage: Option<CoverageRow>,
    /// Its win rate of the fiscal year.
    pub win_rate: Option<WinRate>,
    /// Σ weighted of its open opportunities.
    pub open_weighted: f64,
    /// Σ amount of its open opportunities.
    pub open_amount: f64,
    /// How many are open.
    pub open_count: usize,
}

/// The name of a forecast category.
fn forecast_name(i18n: &I18n, f: Forecast) -> &'static str {
    i18n.t(match f {
        Forecast::Commit => "ltc_contracts.fc_commit",
        Forecast::BestCase => "ltc_contracts.fc_best_case",
        Forecast::Pipeline => "ltc_contracts.fc_pipeline",
        Forecast::Omitted => "ltc_contracts.fc_omitted",
    })
}

/// The account's figures: pipeline, coverage, win rate, receivable, overdue.
pub fn figures(i18n: &I18n, d: &AccountData) -> Html {
    let (coverage_text, coverage_why, flagged) = match &d.coverage {
        Some(row) => {
            let text = match row.coverage {
                Coverage::Ratio(r) => format!("{r:.2}×"),
                Coverage::TargetMet => i18n.t("ltc_contracts.cov_met").to_string(),
                Coverage::NoTarget => i18n.t("ltc_contracts.cov_none").to_string(),
            };
            let why = match row.target {
                Some(t) => i18n.tf(
                    "ltc_contracts.cov_why",
                    &[
                        ("weighted", &i18n.num(row.open_weighted)),
                        ("target", &i18n.num(t)),
                        ("won", &i18n.num(row.won)),
                    ],
                ),
                None => i18n.t("ltc_contracts.cov_no_target_why").to_string(),
            };
            (text, why, row.flagged)
        }
        None => (
            i18n.t("ltc_contracts.cov_none").to_string(),
            i18n.t("ltc_contracts.cov_no_target_why").to_string(),
            false,
        ),
    };
    let win = d.win_rate.as_ref();
    let win_text = win
        .and_then(|w| w.rate_pct)
        .map_or_else(|| "—".to_string(), format_percent);
    let win_why = match win {
        Some(w) if w.won + w.lost > 0 => i18n.tf(
            "ltc_contracts.win_why",
            &[("won", &w.won.to_string()), ("lost", &w.lost.to_string())],
        ),
        _ => i18n.t("ltc_contracts.win_none").to_string(),
    };
    let r = &d.receivables;
    let longest = r.overdue_by_account.first().map_or(0, |x| x.2);
    html! {
        <div class="ltc-c-figures" data-testid="ltc-account-figures">
            <div class="ltc-c-figure">
                <span class="ltc-c-figure-label">{ i18n.t("ltc_contracts.acc_pipeline") }</span>
                <span class="ltc-c-figure-value" data-testid="ltc-account-weighted">{ i18n.num(d.open_weighted) }</span>
                <span class="muted">{ i18n.tf("ltc_contracts.acc_pipeline_why", &[("n", &d.open_count.to_string()), ("amount", &i18n.num(d.open_amount))]) }</span>
            </div>
            <div class="ltc-c-figure">
                <span class="ltc-c-figure-label"><Term id="coverage">{ i18n.t("ltc_contracts.acc_coverage") }</Term></span>
                <span class={classes!("ltc-c-figure-value", flagged.then_some("is-danger"))} data-testid="ltc-account-coverage">{ coverage_text }</span>
                <span class="muted">{ coverage_why }</span>
            </div>
            <div class="ltc-c-figure">
                <span class="ltc-c-figure-label"><Term id="win_rate">{ i18n.t("ltc_contracts.acc_win_rate") }</Term></span>
                <span class="ltc-c-figure-value" data-testid="ltc-account-win-rate">{ win_text }</span>
                <span class="muted">{ win_why }</span>
            </div>
            <div class="ltc-c-figure">
                <span class="ltc-c-figure-label">{ i18n.t("ltc_contracts.receivable") }</span>
                <span class="ltc-c-figure-value" data-testid="ltc-account-receivable">{ i18n.num(r.receivable) }</span>
                <span class="muted">{ i18n.tf("ltc_contracts.receivable_why", &[("amount", &full(r.receivable))]) }</span>
            </div>
            <div class="ltc-c-figure">
                <span class="ltc-c-figure-label">{ i18n.t("ltc_contracts.overdue_total") }</span>
                <span class={classes!("ltc-c-figure-value", (r.ageing.total() > 0.0).then_some("is-danger"))}
                      data-testid="ltc-account-overdue">{ i18n.num(r.ageing.total()) }</span>
                <span class="muted">
                    if r.ageing.total() > 0.0 {
                        { i18n.tf("ltc_contracts.acc_overdue_why", &[("n", &r.ageing.counts.iter().sum::<usize>().to_string()), ("days", &longest.to_string())]) }
                    } else {
                        { i18n.t("ltc_contracts.acc_overdue_none") }
                    }
                </span>
            </div>
        </div>
    }
}

/// The account's opportunities.
pub fn opportunities(i18n: &I18n, ws: &Workspace, d: &AccountData) -> Html {
    let ltc = &ws.ltc;
    let body = if d.opportunities.is_empty() {
        html! { <p class="muted" data-testid="ltc-account-opps-empty">{ i18n.t("ltc_contracts.acc_opps_empty") }</p> }
    } else {
        html! {
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("ltc_contracts.acc_opps")}>
                <table class="data-table" data-testid="ltc-account-opps">
                    <thead><tr>
                        <th scope="col">{ i18n.t("ltc_contracts.col_opportunity") }</th>
                        <th scope="col">{ i18n.t("ltc_contracts.col_stage") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_contracts.col_amount") }</th>
                        <th scope="col" class="num"><Term id="weighted">{ i18n.t("ltc_contracts.col_weighted") }</Term></th>
                        <th scope="col">{ i18n.t("ltc_contracts.col_close") }</th>
                        <th scope="col">{ i18n.t("ltc_contracts.col_owner") }</th>
                        <th scope="col">{ i18n.t("ltc_contracts.col_forecast") }</th>
                    </tr></thead>
                    <tbody>
                        { for d.opportunities.iter().take(MAX_OPPS).map(|o| {
                            let kind = ltc.kind_of(o);
                            let stage = ltc.stage(&o.stage).map_or_else(|| o.stage.clone(), |s| stage_name(i18n, s));
                            html! {
                                <tr data-testid="ltc-account-opp" data-id={o.id.clone()}
                                    class={classes!(match kind { StageKind::Won => Some("is-won"), StageKind::Lost => Some("is-lost"), StageKind::Open => None })}>
                                    <th scope="row">{ o.name.clone() }</th>
                                    <td>{ stage }</td>
                                    <td class="num">{ i18n.num(o.amount) }</td>
                                    <td class="num">{ if kind == StageKind::Open { i18n.num(calc::weighted(ltc, o)) } else { "—".to_string() } }</td>
                                    <td>{ o.close_date.clone() }</td>
                                    <td>{ person_name(ws, o.owner.as_deref()) }</td>
                                    <td>{ if kind == StageKind::Open { forecast_name(i18n, o.forecast) } else { "—" } }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        }
    };
    html! {
        <section class="card" data-testid="ltc-account-opps-card">
            <h3 class="card-title">{ i18n.tf("ltc_contracts.acc_opps_n", &[("n", &format_count(d.opportunities.len()))]) }</h3>
            { body }
            if d.opportunities.len() > MAX_OPPS {
                <p class="muted">{ i18n.tf("ltc_contracts.more_rows", &[("n", &(d.opportunities.len() - MAX_OPPS).to_string())]) }</p>
            }
        </section>
    }
}

/// What the contract cards do.
pub struct ContractActions {
    /// Edit a contract.
    pub on_edit: Callback<String>,
    /// Record a collection on (contract, milestone).
    pub on_collect: Callback<(String, usize)>,
    /// Add a contract to the account.
    pub on_add: Callback<MouseEvent>,
}

/// One contract with its milestones.
fn contract_card(i18n: &I18n, c: &Contract, today: i64, a: &ContractActions) -> Html {
    let row = |(i, m): (usize, &crate::domain::ltc::Milestone)| {
        let due = match cash::due(c, m) {
            Due::Day(d) => iso_from_days(d),
            Due::Waiting(DueBase::Date) => "—".to_string(),
            Due::Waiting(b) => waiting_text(i18n, b).to_string(),
        };
        let left = cash::outstanding(c, m);
        let overdue = cash::days_overdue(c, m, today);
        let collect = a.on_collect.reform({
            let id = c.id.clone();
            move |_: MouseEvent| (id.clone(), i)
        });
        html! {
            <tr data-testid={format!("ltc-account-m-{}-{i}", c.id)} class={classes!(overdue.is_some().then_some("is-overdue"))}>
                <th scope="row">{ kind_name(i18n, m.kind) }</th>
                <td class="num">{ format_percent(m.share_pct) }</td>
                <td class="num">{ full(cash::amount(c, m)) }</td>
                <td>{ due }</td>
                <td class="num">{ full(m.invoiced) }</td>
                <td class="num">{ full(m.collected) }</td>
                <td class="num">{ full(left) }</td>
                <td>
                    if let Some(days) = overdue {
                        <span class="ltc-c-flag">{ i18n.tf("ltc_contracts.days_value", &[("n", &days.to_string())]) }</span>
                    }
                </td>
                <td>
                    if left > 0.005 {
                        <button type="button" class="button ltc-c-small" onclick={collect}
                                aria-label={i18n.tf("ltc_contracts.collect_on", &[("name", &c.name), ("kind", kind_name(i18n, m.kind))])}
                                data-testid={format!("ltc-account-collect-{}-{i}", c.id)}>{ i18n.t("ltc_contracts.collect") }</button>
                    }
                </td>
            </tr>
        }
    };
    let edit = a.on_edit.reform({
        let id = c.id.clone();
        move |_: MouseEvent| id.clone()
    });
    html! {
        <div class="ltc-c-acc-contract" data-testid="ltc-account-contract" data-id={c.id.clone()}>
            <div class="ltc-c-head">
                <h4 class="ltc-c-acc-contract-name">{ c.name.clone() }</h4>
                <span class="muted">{ i18n.tf("ltc_contracts.acc_contract_meta", &[
                    ("signed", &c.signed), ("value", &i18n.num(c.value)), ("delivered", &format_percent(c.delivered_pct)),
                ]) }</span>
                <button type="button" class="button ltc-c-small" onclick={edit}
                        aria-label={i18n.tf("ltc_contracts.edit_of_signed", &[("name", &c.name), ("signed", &c.signed)])}
                        data-testid={format!("ltc-account-edit-{}", c.id)}>{ i18n.t("ltc_contracts.edit") }</button>
            </div>
            if c.milestones.is_empty() {
                <p class="muted">{ i18n.t("ltc_contracts.acc_no_milestones") }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("ltc_contracts.milestones")}>
                    <table class="data-table ltc-c-acc-m">
                        <thead><tr>
                            <th scope="col">{ i18n.t("ltc_contracts.m_kind") }</th>
                            <th scope="col" class="num">{ i18n.t("ltc_contracts.m_share") }</th>
                            <th scope="col" class="num">{ i18n.t("ltc_contracts.col_amount") }</th>
                            <th scope="col">{ i18n.t("ltc_contracts.col_due") }</th>
                            <th scope="col" class="num">{ i18n.t("ltc_contracts.col_invoiced") }</th>
                            <th scope="col" class="num">{ i18n.t("ltc_contracts.col_collected") }</th>
                            <th scope="col" class="num">{ i18n.t("ltc_contracts.col_outstanding") }</th>
                            <th scope="col">{ i18n.t("ltc_contracts.col_overdue") }</th>
                            <th scope="col"><span class="visually-hidden">{ i18n.t("ltc_contracts.col_actions") }</span></th>
                        </tr></thead>
                        <tbody>{ for c.milestones.iter().enumerate().map(row) }</tbody>
                    </table>
                </div>
            }
        </div>
    }
}

/// The account's contracts.
pub fn contracts(i18n: &I18n, d: &AccountData, today: i64, a: &ContractActions) -> Html {
    html! {
        <section class="card" data-testid="ltc-account-contracts">
            <div class="ltc-c-head">
                <h3 class="card-title">{ i18n.tf("ltc_contracts.acc_contracts_n", &[("n", &format_count(d.contracts.len()))]) }</h3>
                <button type="button" class="button button-primary" onclick={a.on_add.clone()} data-testid="ltc-account-add-contract">
                    { i18n.t("ltc_contracts.add") }</button>
            </div>
            if d.contracts.is_empty() {
                <p class="muted" data-testid="ltc-account-contracts-empty">{ i18n.t("ltc_contracts.acc_contracts_empty") }</p>
            }
            { for d.contracts.iter().take(MAX_CONTRACTS).map(|c| contract_card(i18n, c, today, a)) }
            if d.contracts.len() > MAX_CONTRACTS {
                <p class="muted">{ i18n.tf("ltc_contracts.more_rows", &[("n", &(d.contracts.len() - MAX_CONTRACTS).to_string())]) }</p>
            }
        </section>
    }
}

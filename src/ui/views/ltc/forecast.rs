//! The forecast and coverage tab (预测与覆盖): the headline figures of the fiscal year (weighted
//! pipeline, booked, the company orders target and its coverage), the year by quarter, coverage
//! by account, tier, owner and line against an editable threshold, the funnel from the recorded
//! stage history, win rates, and the editor of the year's targets. Every figure says what it is
//! made of.

#[path = "forecast_coverage.rs"]
mod coverage;
#[path = "forecast_funnel.rs"]
mod funnel;
#[path = "forecast_quarters.rs"]
mod quarters;
#[path = "targets_editor.rs"]
mod targets_editor;

use yew::prelude::*;

use std::collections::HashMap;

use super::{ctx, PartProps};
use crate::domain::ltc::calc::{self, Booking, Coverage, CoverageRow, FunnelStep, Quarter};
use crate::domain::ltc::{Forecast as Category, Scope, StageKind};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::term::Term;

/// The year's company figures, computed once per document.
#[derive(Clone, Debug, PartialEq)]
struct Figures {
    weighted: f64,
    open_count: usize,
    booked: f64,
    booked_contracts: usize,
    booked_won: usize,
    target: Option<f64>,
    target_derived: bool,
    account_targets: usize,
    company: Option<CoverageRow>,
    quarters: [Quarter; 4],
    funnel: Vec<FunnelStep>,
}

fn figures(ws: &Workspace, tiers: &HashMap<String, String>) -> Figures {
    let ctx = ctx(ws, tiers);
    let ltc = &ws.ltc;
    let open_count = ltc
        .opportunities
        .iter()
        .filter(|o| o.forecast != Category::Omitted && ltc.kind_of(o) == StageKind::Open)
        .count();
    let bookings = calc::bookings(&ctx);
    let booked_contracts = bookings
        .iter()
        .filter(|b| matches!(b, Booking::Contract(_)))
        .count();
    let (target, target_derived) = calc::target_for(&ctx, Scope::Company, "", |t| t.orders);
    Figures {
        weighted: calc::weighted_pipeline(ltc),
        open_count,
        booked: bookings.iter().map(Booking::value).sum(),
        booked_contracts,
        booked_won: bookings.len() - booked_contracts,
        target,
        target_derived,
        account_targets: ltc
            .targets
            .iter()
            .filter(|t| t.year == ctx.year && t.scope == Scope::Account && t.orders.is_some())
            .count(),
        company: calc::coverage(&ctx, Scope::Company).into_iter().next(),
        quarters: calc::forecast(&ctx),
        funnel: calc::funnel(ltc),
    }
}

/// A coverage multiple: two decimals at most, "×" after it (2.6912 → "2.69×", 3 → "3×").
pub fn ratio_text(r: f64) -> String {
    if !r.is_finite() {
        return "—".to_string();
    }
    let s = format!("{r:.2}");
    format!("{}×", s.trim_end_matches('0').trim_end_matches('.'))
}

/// A coverage in words: "2.7×", "已达成", "未设目标".
pub fn coverage_text(i18n: &I18n, c: Coverage) -> String {
    match c {
        Coverage::Ratio(r) => ratio_text(r),
        Coverage::TargetMet => i18n.t("ltc_forecast.target_met").to_string(),
        Coverage::NoTarget => i18n.t("ltc_forecast.no_target").to_string(),
    }
}

/// The name of a scope ("客户层级").
pub fn scope_name(i18n: &I18n, scope: Scope) -> String {
    i18n.t(&format!("ltc_forecast.scope_{}", scope.key()))
        .to_string()
}

/// Names of the keys of every scope, looked up through maps built once (a table of 100,000
/// accounts must not search the customer list per row).
pub struct Namer<'a> {
    ws: &'a Workspace,
    i18n: I18n,
    accounts: HashMap<&'a str, &'a str>,
    people: HashMap<&'a str, &'a str>,
}

impl<'a> Namer<'a> {
    /// The maps of a workspace.
    pub fn new(ws: &'a Workspace, i18n: I18n) -> Namer<'a> {
        Namer {
            ws,
            i18n,
            accounts: ws
                .customers
                .iter()
                .map(|c| (c.id.as_str(), c.name.as_str()))
                .collect(),
            people: ws
                .org
                .people
                .iter()
                .map(|p| (p.id.as_str(), p.name.as_str()))
                .collect(),
        }
    }

    /// The name of a key of a scope: the account, tier, person or line (the id when it is
    /// gone).
    pub fn name(&self, scope: Scope, key: &str) -> String {
        let (ws, i18n) = (self.ws, &self.i18n);
        let found = match scope {
            Scope::Company => Some(i18n.t("ltc_forecast.company")),
            Scope::Account => self.accounts.get(key).copied(),
            Scope::Tier => ws
                .tiering
                .tiers
                .iter()
                .find(|t| t.id == key)
                .map(|t| i18n.tier_name(t)),
            Scope::Owner => self.people.get(key).copied(),
            Scope::Line => ws
                .portfolio
                .lines
                .iter()
                .find(|l| l.id == key)
                .map(|l| l.name.as_str()),
        };
        found.unwrap_or(key).to_string()
    }
}

/// A sort key that lists tiers in their order and everything else by name.
pub fn key_order(ws: &Workspace, scope: Scope, key: &str, name: &str) -> (usize, String) {
    match scope {
        Scope::Tier => (
            ws.tiering
                .tiers
                .iter()
                .position(|t| t.id == key)
                .unwrap_or(usize::MAX),
            String::new(),
        ),
        _ => (0, name.to_string()),
    }
}

/// A labelled headline figure with the line that explains it.
/// One headline figure; `label` is its name, a [`Term`] when it is jargon.
fn figure(label: Html, value: String, id: &str, why: String, extra: Html) -> Html {
    html! {
        <div class="fc-figure" data-testid={format!("fc-{id}-card")}>
            <span class="fc-figure-label">{ label }</span>
            <span class="fc-figure-value" data-testid={format!("fc-{id}")}>{ value }</span>
            { extra }
            <span class="fc-figure-why" data-testid={format!("fc-{id}-why")}>{ why }</span>
        </div>
    }
}

fn headline(i18n: &I18n, f: &Figures, year: i32, threshold: f64) -> Html {
    let y = year.to_string();
    let target_value = f.target.map_or_else(
        || i18n.t("ltc_forecast.no_target").to_string(),
        |t| i18n.num(t),
    );
    let target_why = match (f.target, f.target_derived) {
        (None, _) => i18n.t("ltc_forecast.target_why_none").to_string(),
        (Some(_), true) => i18n.tf(
            "ltc_forecast.target_why_derived",
            &[("n", &f.account_targets.to_string())],
        ),
        (Some(_), false) => i18n.tf("ltc_forecast.target_why_set", &[("year", &y)]),
    };
    let (cov_value, cov_why, flagged) = match &f.company {
        Some(row) => {
            let why = match (row.coverage, row.target) {
                (Coverage::Ratio(_), Some(t)) => i18n.tf(
                    "ltc_forecast.coverage_why",
                    &[
                        ("open", &i18n.num(row.open_weighted)),
                        ("target", &i18n.num(t)),
                        ("won", &i18n.num(row.won)),
                        ("n", &row.open.to_string()),
                    ],
                ),
                (Coverage::TargetMet, Some(t)) => i18n.tf(
                    "ltc_forecast.coverage_why_met",
                    &[("target", &i18n.num(t)), ("won", &i18n.num(row.won))],
                ),
                _ => i18n.t("ltc_forecast.coverage_why_none").to_string(),
            };
            (coverage_text(i18n, row.coverage), why, row.flagged)
        }
        None => (
            coverage_text(i18n, Coverage::NoTarget),
            i18n.t("ltc_forecast.coverage_why_none").to_string(),
            false,
        ),
    };
    let has_ratio = matches!(
        f.company.as_ref().map(|r| r.coverage),
        Some(Coverage::Ratio(_))
    );
    let flag = if flagged {
        html! { <span class="fc-flag is-under" data-testid="fc-coverage-flag">
        { i18n.tf("ltc_forecast.under_threshold", &[("t", &ratio_text(threshold))]) }</span> }
    } else if has_ratio {
        html! { <span class="fc-flag is-ok" data-testid="fc-coverage-ok">
        { i18n.tf("ltc_forecast.over_threshold", &[("t", &ratio_text(threshold))]) }</span> }
    } else {
        html! {}
    };
    html! {
        <section class="card fc-headline" data-testid="fc-headline" aria-label={i18n.t("ltc_forecast.title_headline")}>
            <h3 class="card-title">{ i18n.tf("ltc_forecast.title_headline_year", &[("year", &y)]) }</h3>
            <div class="fc-figures">
                { figure(html! { <Term id="weighted">{ i18n.t("ltc_forecast.weighted") }</Term> }, i18n.num(f.weighted), "weighted",
                    i18n.tf("ltc_forecast.weighted_why", &[("n", &f.open_count.to_string())]), html! {}) }
                { figure(html! { i18n.t("ltc_forecast.booked") }, i18n.num(f.booked), "booked",
                    i18n.tf("ltc_forecast.booked_why", &[("year", &y),
                        ("contracts", &f.booked_contracts.to_string()), ("won", &f.booked_won.to_string())]), html! {}) }
                { figure(html! { i18n.t("ltc_forecast.target") }, target_value, "target", target_why, html! {}) }
                { figure(html! { <Term id="coverage">{ i18n.t("ltc_forecast.coverage") }</Term> }, cov_value, "coverage", cov_why, flag) }
            </div>
        </section>
    }
}

/// The tab.
#[function_component(Forecast)]
pub fn forecast_tab(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let ws = props.ws.0.clone();
    let figures = {
        let (ws, tiers) = (ws.clone(), props.tiers.clone());
        use_memo(props.ws.clone(), move |_| figures(&ws, &tiers))
    };
    let year = ws.meta.fiscal_year;
    let threshold = ws.ltc.settings.coverage_threshold;
    html! {
        <div class="ltc-forecast" data-testid="ltc-forecast">
            { headline(&i18n, &figures, year, threshold) }
            { quarters::quarters(&i18n, &figures.quarters, figures.target) }
            <coverage::CoverageSection ws={props.ws.clone()} tiers={props.tiers.clone()}
                on_edit={props.on_edit.clone()} on_open_account={props.on_open_account.clone()} />
            { funnel::funnel(&i18n, &ws, &figures.funnel) }
            <funnel::WinRates ws={props.ws.clone()} tiers={props.tiers.clone()} />
            <targets_editor::TargetsEditor ws={props.ws.clone()} tiers={props.tiers.clone()}
                on_edit={props.on_edit.clone()} />
        </div>
    }
}

//! The plan report (`#/report`, issue 16): the whole workspace on a few A4 pages — tier
//! structure, concentration, portfolio, teams and gaps, rhythm, 151, KPI, pipeline,
//! relationships and the diagnosis — each section a card with its figures, its table and its
//! tool's findings, linking to the tool. Prints like the account one-pager (its print styles in
//! `styles/account.css`, the report's own in `styles/report.css`) and exports as Markdown.
//! Every figure comes from `domain::plan_report`.

use yew::prelude::*;

use crate::domain::account_plan::words::kv;
use crate::domain::account_plan::Words;
use crate::domain::plan_report::markdown::{finding_text, value_text};
use crate::domain::plan_report::{self, markdown, PlanReport, Section};
use crate::persist::files::download_text;
use crate::ui::i18n::use_i18n;
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::views::account::words::PlanWords;

/// A file name for the export: `<workspace>-plan-<date>.md`, without characters file systems
/// refuse.
fn file_name(r: &PlanReport) -> String {
    let name = crate::ui::page_files::safe_name(&r.workspace);
    format!("{name}-plan-{}.md", r.today)
}

/// Figures named by jargon (`term.<id>_tip` in the terms catalogue): each says what it means
/// in one plain line under its value.
const JARGON: [&str; 3] = ["gini", "hhi", "dso"];

fn section(w: &PlanWords, s: &Section) -> Html {
    let wide = s.table.head.len() > 4;
    let figures = (!s.figures.is_empty()).then(|| {
        html! {
            <ul class="report-figures">
                { for s.figures.iter().map(|f| html! {
                    <li data-testid={format!("report-fig-{}", f.label)}>
                        { kv(w, &w.t(&format!("report.fig_{}", f.label)), &value_text(w, &f.value)) }
                        if let Some(term) = JARGON.iter().find(|t| **t == f.label) {
                            <span class="report-fig-note">{ w.t(&format!("term.{term}_tip")) }</span>
                        }
                    </li>
                }) }
            </ul>
        }
    });
    let table = (!s.table.rows.is_empty()).then(|| {
        html! {
            <table class="account-table">
                <thead><tr>{ for s.table.head.iter().map(|c| html! {
                    <th scope="col">{ w.t(&format!("report.col_{c}")) }</th>
                }) }</tr></thead>
                <tbody>{ for s.table.rows.iter().map(|r| html! {
                    <tr>{ for r.iter().map(|v| html! { <td>{ value_text(w, v) }</td> }) }</tr>
                }) }</tbody>
            </table>
        }
    });
    let findings = match (&s.findings, s.empty) {
        (Some(list), false) if list.is_empty() => html! {
            <p class="account-ok">{ w.t("report.no_findings") }</p>
        },
        (Some(list), false) => html! {
            <ul class="account-flags report-findings">
                { for list.iter().map(|f| html! {
                    <li class="account-alert" data-testid={format!("report-finding-{}", f.kind.key())}>{ finding_text(w, f) }</li>
                }) }
            </ul>
        },
        _ => Html::default(),
    };
    html! {
        <section class={classes!("card", "account-block", wide.then_some("report-wide"), s.empty.then_some("is-empty"))}
                 data-testid={format!("report-{}", s.key)}>
            <h3 class="account-block-title">
                <span>{ w.t(&format!("report.section_{}", s.key)) }</span>
                <a class="account-tool-link" href={s.link}>{ w.t("report.open_tool") }</a>
            </h3>
            if s.empty {
                <p class="account-empty">{ w.t(&format!("report.empty_{}", s.key)) }</p>
            }
            { for figures }
            { for table }
            { findings }
        </section>
    }
}

/// The page.
#[function_component(ReportView)]
pub fn report_view() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let export_error = use_state(|| None::<String>);
    let report = use_memo(DocRef(ws.clone()), |d| {
        plan_report::report(&d.0, &d.0.meta.today)
    });
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let on_export = {
        let (report, ws, export_error) = (report.clone(), ws.clone(), export_error.clone());
        Callback::from(move |_: MouseEvent| {
            let text = markdown(&report, &PlanWords { i18n, ws: &ws });
            match download_text(&file_name(&report), "text/markdown;charset=utf-8", &text) {
                Ok(()) => export_error.set(None),
                Err(e) => export_error.set(Some(e)),
            }
        })
    };
    let words = PlanWords { i18n, ws: &ws };
    let r = &*report;
    html! {
        <div class="account report" data-testid="report-view">
            <h2 class="view-title">{ i18n.t("report.title") }</h2>
            <div class="card account-toolbar" data-testid="report-toolbar">
                <button type="button" class="button" onclick={on_print} data-testid="report-print">{ i18n.t("report.print") }</button>
                <button type="button" class="button" onclick={on_export} data-testid="report-export">{ i18n.t("report.export") }</button>
            </div>
            if let Some(e) = &*export_error {
                <p class="account-error" role="alert">{ i18n.tf("report.export_failed", &[("detail", e)]) }</p>
            }
            <article class="account-plan report-plan" data-testid="report-plan">
                <header class="account-print-head">
                    <span>{ format!("{} · {}", i18n.t("app.title"), r.workspace) }</span>
                    <span>{ i18n.tf("report.print_date", &[("date", &r.today)]) }</span>
                </header>
                <div class="account-head">
                    <h3 class="account-name" data-testid="report-workspace">
                        { words.tf("report.md_title", &[("workspace", &r.workspace)]) }
                    </h3>
                </div>
                <div class="account-grid">
                    { for r.sections.iter().map(|s| section(&words, s)) }
                </div>
            </article>
        </div>
    }
}

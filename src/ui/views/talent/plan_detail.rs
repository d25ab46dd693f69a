//! One role's hiring plan in detail: the gap, the intake per source with its largest-remainder
//! split explained, every hire with the month it starts, arrives and is fully productive, and
//! the capacity curve against demand as a chart and as a table of the 24 months.

use yew::prelude::*;

use super::{closes_text, hires_text, pick, role_caption, talent_error_text};
use crate::domain::org::plan::{month_label, RolePlan};
use crate::domain::org::plan_table::{capacity_rows, close_month, plan_axis_ticks};
use crate::domain::org::talent::TalentError;
use crate::domain::org::talent_input::{format_fte, format_plain};
use crate::ui::charts::capacity::CapacityChart;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::use_workspace;

/// Props of [`PlanDetail`].
#[derive(Properties, PartialEq)]
pub struct PlanDetailProps {
    /// Role id.
    pub role: AttrValue,
    /// Its plan, or why there is none.
    pub result: Result<RolePlan, TalentError>,
}

/// "2026-04 · 第 2 个月": a month of the plan with its number (only the number when the start
/// month is not a month).
fn month_text(i18n: &I18n, start: &str, month: u32) -> String {
    let n = i18n.tf("talent.month_n", &[("n", &month.to_string())]);
    match month_label(start, month) {
        Some(label) => format!("{label} · {n}"),
        None => n,
    }
}

/// The detail of one role's plan.
#[function_component(PlanDetail)]
pub fn plan_detail(props: &PlanDetailProps) -> Html {
    let i18n = use_i18n();
    let ws = use_workspace().workspace();
    let start = ws.talent.plan.start_month.as_str();
    let talent = ws.talent.role(&props.role);
    let caption = role_caption(&i18n, &props.role, &ws.org.roles);
    let source_name = |id: &str| {
        talent
            .and_then(|t| t.sources.iter().find(|s| s.id == id))
            .map(|s| pick(&i18n, &s.name_zh, &s.name_en).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let title = i18n.tf("talent.detail_title", &[("role", &caption)]);
    let p = match &props.result {
        Ok(p) => p,
        Err(e) => {
            return html! {
                <section class="card talent-detail" data-testid="plan-detail">
                    <h3 class="card-title">{ title }</h3>
                    <p class="talent-error" role="alert" data-testid="plan-detail-error">
                        { i18n.tf("talent.status_error", &[("reason", &talent_error_text(&i18n, e, talent))]) }
                    </p>
                </section>
            }
        }
    };
    let rows = capacity_rows(p, start);
    let labels: Vec<String> = rows
        .iter()
        .map(|r| r.label.clone().unwrap_or_else(|| format!("M{}", r.month)))
        .collect();
    let left = p.intake.iter().filter(|i| i.got_remainder).count();
    let floors = p.hires_needed as usize - left.min(p.hires_needed as usize);
    let explain = if p.hires_needed == 0 {
        i18n.t("talent.intake_none").to_string()
    } else if left == 0 {
        i18n.tf(
            "talent.intake_explain_exact",
            &[("hires", &hires_text(&i18n, p.hires_needed))],
        )
    } else {
        let names: Vec<String> = p
            .intake
            .iter()
            .filter(|i| i.got_remainder)
            .map(|i| source_name(&i.source))
            .collect();
        i18n.tf(
            "talent.intake_explain",
            &[
                ("hires", &hires_text(&i18n, p.hires_needed)),
                ("floor", &floors.to_string()),
                ("left", &left.to_string()),
                ("names", &names.join(i18n.t("talent.list_sep"))),
            ],
        )
    };

    html! {
        <section class="card talent-detail" data-testid="plan-detail">
            <h3 class="card-title">{ title }</h3>
            <dl class="talent-figures">
                <div><dt>{ i18n.t("talent.col_demand") }</dt><dd data-testid="plan-demand">{ format_fte(p.demand) }</dd></div>
                <div><dt>{ i18n.t("talent.col_existing") }</dt><dd data-testid="plan-existing">{ format_fte(p.existing) }</dd></div>
                <div><dt>{ i18n.t("talent.col_gap") }</dt><dd data-testid="plan-gap">{ format_fte(p.gap_fte) }</dd></div>
                <div><dt>{ i18n.t("talent.col_hires_needed") }</dt><dd data-testid="plan-hires-needed">{ p.hires_needed }</dd></div>
                <div class="is-wide"><dt>{ i18n.t("talent.col_closes") }</dt>
                    <dd data-testid="plan-closes">{ closes_text(&i18n, &p.closes, start) }</dd></div>
            </dl>
            <p class="muted talent-hint">{ i18n.t("talent.gap_explain") }</p>

            <h4 class="talent-subtitle">{ i18n.t("talent.intake_title") }</h4>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("talent.intake_title")}>
                <table class="data-table" data-testid="intake-table">
                    <thead>
                        <tr>
                            <th>{ i18n.t("talent.col_source") }</th>
                            <th class="num">{ i18n.t("talent.col_share") }</th>
                            <th class="num">{ i18n.t("talent.col_quota") }</th>
                            <th class="num">{ i18n.t("talent.col_hires") }</th>
                            <th class="num">{ i18n.t("talent.col_lead") }</th>
                            <th class="num">{ i18n.t("talent.col_ramp") }</th>
                        </tr>
                    </thead>
                    <tbody>
                    { for p.intake.iter().map(|i| html! {
                        <tr data-testid={format!("intake-{}", i.source)}>
                            <th>{ source_name(&i.source) }</th>
                            <td class="num">{ format!("{}%", format_plain(i.share_pct)) }</td>
                            <td class="num">{ format_plain(i.quota) }</td>
                            <td class="num">
                                { i.hires }
                                if i.got_remainder {
                                    <span class="talent-remainder" title={i18n.t("talent.remainder_title")}>{ " (+1)" }</span>
                                }
                            </td>
                            <td class="num">{ i.lead_time_months }</td>
                            <td class="num">{ i.ramp_up_months }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
            </div>
            <p class="talent-explain" data-testid="intake-explain">{ explain }</p>

            if !p.hires.is_empty() {
                <h4 class="talent-subtitle">{ i18n.t("talent.hires_title") }</h4>
                <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("talent.hires_title")}>
                    <table class="data-table" data-testid="hires-table">
                        <thead>
                            <tr>
                                <th class="num">{ "#" }</th>
                                <th>{ i18n.t("talent.col_source") }</th>
                                <th>{ i18n.t("talent.col_start") }</th>
                                <th>{ i18n.t("talent.col_arrival") }</th>
                                <th>{ i18n.t("talent.col_full_from") }</th>
                            </tr>
                        </thead>
                        <tbody>
                        { for p.hires.iter().enumerate().map(|(k, h)| html! {
                            <tr>
                                <td class="num">{ k + 1 }</td>
                                <th>{ source_name(&h.source) }</th>
                                <td>{ month_text(&i18n, start, h.start) }</td>
                                <td>{ month_text(&i18n, start, h.arrival) }</td>
                                <td>{ month_text(&i18n, start, h.full_from) }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                </div>
            }

            <h4 class="talent-subtitle">{ i18n.t("talent.curve_title") }</h4>
            <p class="muted talent-hint">{ i18n.t("talent.curve_hint") }</p>
            <div class="talent-curve">
                <CapacityChart testid="capacity-chart"
                    labels={labels.clone()}
                    capacity={rows.iter().map(|r| r.capacity).collect::<Vec<_>>()}
                    demand={rows.iter().map(|r| r.demand).collect::<Vec<_>>()}
                    ticks={plan_axis_ticks(p)}
                    close_month={close_month(p).map(|m| m as usize)}
                    label={i18n.tf("talent.chart_label", &[("role", &caption)])}
                    capacity_label={i18n.t("talent.col_capacity").to_string()}
                    demand_label={i18n.t("talent.col_demand").to_string()}
                    y_label="FTE" />
                <div class="table-scroll talent-month-table" tabindex="0" role="group" aria-label={caption.clone()}>
                    <table class="data-table" data-testid="capacity-table">
                        <caption class="visually-hidden">{ i18n.tf("talent.chart_label", &[("role", &caption)]) }</caption>
                        <thead>
                            <tr>
                                <th>{ i18n.t("talent.col_month") }</th>
                                <th class="num">{ i18n.t("talent.col_capacity") }</th>
                                <th class="num">{ i18n.t("talent.col_new_hires") }</th>
                                <th class="num">{ i18n.t("talent.col_demand") }</th>
                                <th class="num">{ i18n.t("talent.col_arrived") }</th>
                            </tr>
                        </thead>
                        <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr class={classes!(r.closes_here.then_some("is-close"))} data-month={r.month.to_string()}>
                                <th>
                                    { month_text(&i18n, start, r.month) }
                                    if r.closes_here {
                                        <span class="talent-close-tag">{ i18n.t("talent.closes_tag") }</span>
                                    }
                                </th>
                                <td class="num">{ format_fte(r.capacity) }</td>
                                <td class="num">{ format_fte(r.new_hires) }</td>
                                <td class="num">{ format_fte(r.demand) }</td>
                                <td class="num">{ r.arrived }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
                </div>
            </div>
        </section>
    }
}

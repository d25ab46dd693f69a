//! Hours per role per month: a table (all people of the role, headcount, per person) and a chart
//! of the hours per person against the 20 %-of-160-h line.

use std::rc::Rc;

use yew::prelude::*;

use super::{hours_text, meeting_name, month_name, role_label, RhythmData};
use crate::domain::governance::{MEETING_SHARE_LIMIT, MONTH_HOURS};
use crate::ui::charts::hours_bars::{HoursBars, HoursSeries};
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_workspace;

/// Props of [`HoursView`].
#[derive(Properties, PartialEq)]
pub struct HoursViewProps {
    /// The page's figures.
    pub data: Rc<RhythmData>,
}

const COLORS: [&str; 6] = [
    "#1f4e79", "#2e7d6b", "#c07a1a", "#8e3b8e", "#5a6b7d", "#a33a3a",
];

/// The hours tab.
#[function_component(HoursView)]
pub fn hours_view(props: &HoursViewProps) -> Html {
    let i18n = use_i18n();
    let ws = use_workspace().workspace();
    let limit = MEETING_SHARE_LIMIT * MONTH_HOURS;
    let rows = &props.data.hours;
    let series: Vec<HoursSeries> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.headcount > 0)
        .map(|(i, r)| HoursSeries {
            label: role_label(&i18n, &ws, &r.role),
            color: COLORS[i % COLORS.len()].to_string(),
            values: (0..12).map(|m| r.per_person(m).unwrap_or(0.0)).collect(),
        })
        .collect();
    let groups: Vec<String> = (1..=12)
        .map(|m| i18n.t(&format!("rhythm.month_short_{m}")).to_string())
        .collect();
    html! {
        <div class="rhythm-hours">
            <p class="muted">{ i18n.tf("rhythm.hours_hint", &[("limit", &hours_text(limit)), ("month_hours", &hours_text(MONTH_HOURS))]) }</p>
            <section class="card">
                <h3 class="card-title">{ i18n.t("rhythm.hours_table_title") }</h3>
                <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("rhythm.hours_table_title")}>
                    <table class="data-table rhythm-hours-table" data-testid="rhythm-hours-table">
                        <thead><tr>
                            <th>{ i18n.t("rhythm.col_role") }</th>
                            { for (1..=12).map(|m| html! { <th class="num">{ i18n.t(&format!("rhythm.month_short_{m}")).to_string() }</th> }) }
                            <th class="num">{ i18n.t("rhythm.col_year") }</th>
                            <th class="num">{ i18n.t("rhythm.col_headcount") }</th>
                            <th class="num">{ i18n.t("rhythm.col_peak") }</th>
                        </tr></thead>
                        <tbody>
                        { for rows.iter().map(|r| {
                            let peak = r.peak();
                            let over = peak.is_some_and(|(_, h)| h > limit + 1e-9);
                            html! {
                                <tr data-testid={format!("hours-row-{}", r.role)} class={classes!(over.then_some("is-over"))}>
                                    <th scope="row">{ role_label(&i18n, &ws, &r.role) }</th>
                                    { for r.months.iter().enumerate().map(|(m, h)| {
                                        let hot = r.per_person(m).is_some_and(|p| p > limit + 1e-9);
                                        html! {
                                            <td class={classes!("num", hot.then_some("is-over"))}
                                                data-testid={format!("hours-{}-{}", r.role, m + 1)}>{ hours_text(*h) }</td>
                                        }
                                    }) }
                                    <td class="num" data-testid={format!("hours-{}-total", r.role)}>{ hours_text(r.total) }</td>
                                    <td class="num">{ r.headcount }</td>
                                    <td class="num" data-testid={format!("hours-{}-peak", r.role)}>
                                        { match peak {
                                            Some((m, h)) => format!("{} ({})", hours_text(h), month_name(&i18n, m as u32 + 1)),
                                            None => "—".to_string(),
                                        } }
                                    </td>
                                </tr>
                            }
                        }) }
                        </tbody>
                    </table>
                </div>
            </section>
            <section class="card">
                <h3 class="card-title">{ i18n.t("rhythm.hours_chart_title") }</h3>
                <div class="rhythm-chart" data-testid="rhythm-hours-chart">
                    <HoursBars series={series} groups={groups} limit={limit}
                               limit_label={i18n.tf("rhythm.limit_legend", &[("limit", &hours_text(limit))])}
                               label={i18n.t("rhythm.hours_chart_title").to_string()} />
                </div>
            </section>
            <section class="card">
                <h3 class="card-title">{ i18n.t("rhythm.hours_why_title") }</h3>
                <ul class="rhythm-why" data-testid="rhythm-hours-why">
                    { for rows.iter().flat_map(|r| r.meetings.iter().map(move |s| (r, s))).filter(|(_, s)| s.hours > 0.0).filter_map(|(r, s)| {
                        let m = ws.governance.meetings.get(s.meeting)?;
                        Some(html! {
                            <li>{ i18n.tf("rhythm.hours_why", &[
                                ("role", &role_label(&i18n, &ws, &r.role)),
                                ("meeting", meeting_name(&i18n, m)),
                                ("dates", &s.dates.to_string()),
                                ("sessions", &s.sessions.to_string()),
                                ("duration", &hours_text(s.duration_hours)),
                                ("hours", &hours_text(s.hours)),
                            ]) }</li>
                        })
                    }) }
                </ul>
            </section>
        </div>
    }
}

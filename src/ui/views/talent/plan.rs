//! The hiring plan (补充计划): its settings, every role's gap and when it closes, the selected
//! role in detail, and a small chart per role to switch between them.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::{MonthInput, NumberInput, NumberKind};
use super::plan_detail::PlanDetail;
use super::{closes_text, role_caption, talent_error_text, Plans};
use crate::domain::org::plan_table::{close_month, plan_axis_ticks};
use crate::domain::org::talent::PlanSettings;
use crate::domain::org::talent_input::format_fte;
use crate::ui::charts::capacity::CapacityChart;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_workspace;

/// Props of [`HiringPlan`].
#[derive(Properties, PartialEq)]
pub struct HiringPlanProps {
    /// Every role's plan.
    pub plans: Rc<Plans>,
    /// The selected role.
    pub role: AttrValue,
    /// Selects a role.
    pub on_select: Callback<String>,
    /// Changed plan settings.
    pub on_settings: Callback<PlanSettings>,
}

/// The hiring plan section.
#[function_component(HiringPlan)]
pub fn hiring_plan(props: &HiringPlanProps) -> Html {
    let i18n = use_i18n();
    let ws = use_workspace().workspace();
    let settings = &ws.talent.plan;
    let roles = &ws.org.roles;
    let start = settings.start_month.as_str();
    let set_start = {
        let settings = settings.clone();
        let on_settings = props.on_settings.clone();
        Callback::from(move |m: String| {
            on_settings.emit(PlanSettings {
                start_month: m,
                ..settings.clone()
            })
        })
    };
    let set_pace = {
        let settings = settings.clone();
        let on_settings = props.on_settings.clone();
        Callback::from(move |v: f64| {
            on_settings.emit(PlanSettings {
                hires_per_month: v as u32,
                ..settings.clone()
            })
        })
    };
    let select = |role: &str| {
        let on_select = props.on_select.clone();
        let role = role.to_string();
        Callback::from(move |_| on_select.emit(role.clone()))
    };
    let selected = props
        .plans
        .iter()
        .find(|(r, _)| r.as_str() == props.role.as_str());

    html! {
        <div class="talent-plan" data-testid="hiring-plan">
            <section class="card">
                <h3 class="card-title">{ i18n.t("talent.plan_title") }</h3>
                <p class="muted talent-hint">{ i18n.t("talent.plan_hint") }</p>
                <div class="talent-settings">
                    <label class="talent-setting">
                        <span>{ i18n.t("talent.start_month") }</span>
                        <MonthInput value={settings.start_month.clone()} label={i18n.t("talent.start_month").to_string()}
                            testid="plan-start" on_commit={set_start} />
                    </label>
                    <label class="talent-setting">
                        <span>{ i18n.t("talent.hires_per_month") }</span>
                        <NumberInput value={f64::from(settings.hires_per_month)} kind={NumberKind::Pace}
                            label={i18n.t("talent.hires_per_month").to_string()} testid="plan-pace" on_commit={set_pace} />
                    </label>
                    <p class="muted talent-setting-note">{ i18n.t("talent.hires_per_month_note") }</p>
                </div>
                <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("talent.plan_title")}>
                    <table class="data-table" data-testid="plan-summary">
                        <thead>
                            <tr>
                                <th>{ i18n.t("talent.col_role") }</th>
                                <th class="num">{ i18n.t("talent.col_demand") }</th>
                                <th class="num">{ i18n.t("talent.col_existing") }</th>
                                <th class="num">{ i18n.t("talent.col_gap") }</th>
                                <th class="num">{ i18n.t("talent.col_hires_needed") }</th>
                                <th>{ i18n.t("talent.col_closes") }</th>
                            </tr>
                        </thead>
                        <tbody>
                        { for props.plans.iter().map(|(role, result)| {
                            let current = role.as_str() == props.role.as_str();
                            let caption = role_caption(&i18n, role, roles);
                            html! {
                                <tr class={classes!(current.then_some("is-current"))} data-testid={format!("plan-row-{role}")}>
                                    <th>
                                        <button type="button" class="talent-link print-as-text" onclick={select(role)}
                                                aria-pressed={current.to_string()} data-testid={format!("plan-select-{role}")}>
                                            { caption }
                                        </button>
                                    </th>
                                    { match result {
                                        Ok(p) => html! {
                                            <>
                                                <td class="num">{ format_fte(p.demand) }</td>
                                                <td class="num">{ format_fte(p.existing) }</td>
                                                <td class="num">{ format_fte(p.gap_fte) }</td>
                                                <td class="num" data-testid={format!("plan-hires-{role}")}>{ p.hires_needed }</td>
                                                <td data-testid={format!("plan-closes-{role}")}>{ closes_text(&i18n, &p.closes, start) }</td>
                                            </>
                                        },
                                        Err(e) => html! {
                                            <td colspan="5" class="talent-error" data-testid={format!("plan-error-{role}")}>
                                                { i18n.tf("talent.status_error", &[("reason", &talent_error_text(&i18n, e, ws.talent.role(role)))]) }
                                            </td>
                                        },
                                    } }
                                </tr>
                            }
                        }) }
                        </tbody>
                    </table>
                </div>
                <div class="talent-multiples" aria-label={i18n.t("talent.multiples_label")}>
                    { for props.plans.iter().map(|(role, result)| {
                        let current = role.as_str() == props.role.as_str();
                        let caption = role_caption(&i18n, role, roles);
                        html! {
                            <button type="button" class={classes!("talent-multiple", "print-as-text", current.then_some("is-current"))}
                                    onclick={select(role)} aria-pressed={current.to_string()}
                                    data-testid={format!("small-multiple-{role}")}>
                                <span class="talent-multiple-title">{ caption.clone() }</span>
                                { match result {
                                    Ok(p) => html! {
                                        <>
                                            <CapacityChart compact=true
                                                labels={Vec::<String>::new()}
                                                capacity={p.months.iter().map(|m| m.capacity).collect::<Vec<_>>()}
                                                demand={p.months.iter().map(|m| m.demand).collect::<Vec<_>>()}
                                                ticks={plan_axis_ticks(p)}
                                                close_month={close_month(p).map(|m| m as usize)}
                                                label={i18n.tf("talent.chart_label", &[("role", &caption)])} />
                                            <span class="talent-multiple-note">{ closes_text(&i18n, &p.closes, start) }</span>
                                        </>
                                    },
                                    Err(_) => html! {
                                        <span class="talent-multiple-note talent-error">{ i18n.t("talent.cannot_compute") }</span>
                                    },
                                } }
                            </button>
                        }
                    }) }
                </div>
            </section>
            { match selected {
                Some((role, result)) => html! {
                    <PlanDetail role={role.clone()} result={result.clone()} />
                },
                None => html! {
                    <p class="muted">{ i18n.t("talent.no_staffing") }</p>
                },
            } }
        </div>
    }
}

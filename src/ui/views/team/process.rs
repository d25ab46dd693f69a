//! The customer's purchase process × roles tab of the iron-triangle page: stages (业务调研 …
//! 交付验收) × roles, each cell lead / participate / —, stages added, renamed, moved and deleted;
//! a stage without exactly one lead shows its error in words on its row.

use yew::prelude::*;

use super::people::{role_label, role_name, set_org};
use super::templates::CommitInput;
use super::TabProps;
use crate::domain::org::process::{check_stages, StageError};
use crate::domain::org::stages::{
    add_stage, delete_stage, move_stage, rename_stage, set_involvement,
};
use crate::domain::org::{Involvement, OrgDesign};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::role_name::role_with_code;
use crate::ui::state::use_workspace;
use crate::ui::views::customers::Select;

/// The value of an involvement in the cell menus.
fn part_key(part: Involvement) -> &'static str {
    match part {
        Involvement::Lead => "lead",
        Involvement::Participate => "participate",
        Involvement::None => "none",
    }
}

/// A stage error in the user's language.
pub fn stage_error_text(i18n: &I18n, org: &OrgDesign, e: &StageError) -> String {
    match e {
        StageError::LeadCount { count: 0, .. } => i18n.t("team_admin.stage_no_lead").to_string(),
        StageError::LeadCount { count, leads, .. } => {
            let names: Vec<String> = leads.iter().map(|r| role_label(i18n, org, r)).collect();
            i18n.tf(
                "team_admin.stage_many_leads",
                &[
                    ("n", &count.to_string()),
                    ("roles", &names.join(i18n.t("explain.list_separator"))),
                ],
            )
        }
        StageError::UnknownRole { role, .. } => {
            i18n.tf("team_admin.stage_unknown_role", &[("role", role)])
        }
    }
}

/// The tab.
#[function_component(Process)]
pub fn process_tab(_props: &TabProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let org = &ws.org;
    let errors = check_stages(org);
    let refused = use_state(|| None::<String>);

    let edit = |f: Box<dyn Fn(&OrgDesign) -> OrgDesign>| {
        let handle = handle.clone();
        let refused = refused.clone();
        Callback::from(move |_: MouseEvent| {
            let next = f(&handle.workspace().org);
            refused.set(set_org(&handle, &i18n, next));
        })
    };
    let rename = |stage: String, english: bool| {
        let handle = handle.clone();
        let message = i18n.t("team_admin.stage_name_required").to_string();
        Callback::from(move |text: String| {
            // The Chinese name may not be empty; the English one falls back to it.
            if !english && text.trim().is_empty() {
                return Some(message.clone());
            }
            let next = rename_stage(&handle.workspace().org, &stage, english, &text);
            set_org(&handle, &i18n, next)
        })
    };
    let set_part = |stage: String, role: String| {
        let handle = handle.clone();
        let refused = refused.clone();
        Callback::from(move |v: String| {
            let part = match v.as_str() {
                "lead" => Involvement::Lead,
                "participate" => Involvement::Participate,
                _ => Involvement::None,
            };
            let next = set_involvement(&handle.workspace().org, &stage, &role, part);
            refused.set(set_org(&handle, &i18n, next));
        })
    };
    let options: Vec<(AttrValue, AttrValue)> = [
        Involvement::Lead,
        Involvement::Participate,
        Involvement::None,
    ]
    .into_iter()
    .map(|p| {
        let key = part_key(p);
        (
            key.into(),
            i18n.t(&format!("team_admin.part_{key}")).to_string().into(),
        )
    })
    .collect();
    let add = {
        let (zh, en) = (
            i18n.t("team_admin.stage_new_zh"),
            i18n.t("team_admin.stage_new_en"),
        );
        edit(Box::new(move |o| add_stage(o, zh, en)))
    };
    let columns = org.roles.len() + 4;
    let last = org.stages.len().saturating_sub(1);

    html! {
        <section class="card" data-testid="team-process">
            <div class="ta-head">
                <h3 class="card-title">{ i18n.t("team_admin.process_title") }</h3>
                <span class={classes!("ta-status", errors.is_empty().then_some("is-ok"))} data-testid="process-status" role="status">
                    { if errors.is_empty() { i18n.t("team_admin.process_ok").to_string() }
                      else { i18n.tf("team_admin.process_errors", &[("n", &errors.len().to_string())]) } }
                </span>
                <div class="ta-toolbar">
                    <button type="button" class="button" onclick={add} data-testid="stage-add">{ i18n.t("team_admin.stage_add") }</button>
                </div>
            </div>
            <p class="muted ta-hint">{ i18n.t("team_admin.process_hint") }</p>
            if let Some(m) = &*refused {
                <p class="ta-message" role="alert">{ m.clone() }</p>
            }
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("team_admin.process_title")}>
            <table class="data-table ta-process" data-testid="process-table">
                <thead><tr>
                    <th scope="col">{ "#" }</th>
                    <th scope="col">{ i18n.t("team_admin.stage_name_zh") }</th>
                    <th scope="col">{ i18n.t("team_admin.stage_name_en") }</th>
                    { for org.roles.iter().map(|r| html! {
                        <th scope="col">{ role_with_code(&i18n, r) }</th>
                    }) }
                    <th scope="col"><span class="visually-hidden">{ i18n.t("team_admin.col_actions") }</span></th>
                </tr></thead>
                <tbody>
                { for org.stages.iter().enumerate().map(|(i, s)| {
                    let stage_errors: Vec<&StageError> = errors.iter().filter(|e| e.stage() == s.id).collect();
                    let name = if s.name_zh.is_empty() { s.name_en.clone() } else { s.name_zh.clone() };
                    let id = s.id.clone();
                    html! {
                        <>
                        <tr data-testid={format!("stage-{}", s.id)} class={classes!((!stage_errors.is_empty()).then_some("ta-row-bad"))}>
                            <td class="num">{ i + 1 }</td>
                            <td><CommitInput value={s.name_zh.clone()} label={i18n.tf("team_admin.stage_name_zh_of", &[("n", &(i + 1).to_string())])}
                                    on_commit={rename(s.id.clone(), false)} testid={format!("stage-zh-{}", s.id)} /></td>
                            <td><CommitInput value={s.name_en.clone()} label={i18n.tf("team_admin.stage_name_en_of", &[("n", &(i + 1).to_string())])}
                                    on_commit={rename(s.id.clone(), true)} testid={format!("stage-en-{}", s.id)} /></td>
                            { for org.roles.iter().map(|r| {
                                let part = s.involvement(&r.id);
                                html! {
                                    <td class={classes!("ta-part", format!("is-{}", part_key(part)))}>
                                        <label class="visually-hidden" for={format!("part-{}-{}", s.id, r.id)}>
                                            { i18n.tf("team_admin.part_label", &[("stage", &name), ("role", role_name(&i18n, r))]) }</label>
                                        <Select id={format!("part-{}-{}", s.id, r.id)} testid={format!("part-{}-{}", s.id, r.id)}
                                                value={AttrValue::from(part_key(part))} options={options.clone()}
                                                onchange={set_part(s.id.clone(), r.id.clone())} />
                                    </td>
                                }
                            }) }
                            <td class="ta-actions">
                                <button type="button" class="button ta-small" disabled={i == 0}
                                        aria-label={i18n.tf("team_admin.stage_up_of", &[("name", &name)])}
                                        onclick={{ let id = id.clone(); edit(Box::new(move |o| move_stage(o, &id, true))) }}
                                        data-testid={format!("stage-up-{}", s.id)}>{ "↑" }</button>
                                <button type="button" class="button ta-small" disabled={i == last}
                                        aria-label={i18n.tf("team_admin.stage_down_of", &[("name", &name)])}
                                        onclick={{ let id = id.clone(); edit(Box::new(move |o| move_stage(o, &id, false))) }}
                                        data-testid={format!("stage-down-{}", s.id)}>{ "↓" }</button>
                                <button type="button" class="button ta-small"
                                        aria-label={i18n.tf("team_admin.stage_delete_of", &[("name", &name)])}
                                        onclick={{ let id = id.clone(); edit(Box::new(move |o| delete_stage(o, &id))) }}
                                        data-testid={format!("stage-delete-{}", s.id)}>{ i18n.t("team_admin.delete") }</button>
                            </td>
                        </tr>
                        if !stage_errors.is_empty() {
                            <tr class="ta-row-error">
                                <td></td>
                                <td colspan={(columns - 1).to_string()} role="alert" data-testid={format!("stage-error-{}", s.id)}>
                                    { stage_errors.iter().map(|e| stage_error_text(&i18n, org, e)).collect::<Vec<_>>().join(" ") }
                                </td>
                            </tr>
                        }
                        </>
                    }
                }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}

//! The RACI matrix: key activities (rows) × roles (columns). Each cell is a button in one
//! roving tab stop: arrow keys move between cells, typing R / A / C / I sets the letter,
//! Delete / Backspace clears it, a click (or Enter / Space) cycles — → R → A → C → I → —.
//! Rows with a problem are marked and say what is wrong in words; the last row counts each
//! role's activities per letter. Activities can be added, renamed, moved and deleted.

use std::collections::BTreeMap;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::raci_row::ActivityNameForm;
use super::{pick, role_name};
use crate::domain::edit::Edit;
use crate::domain::org::duties::{check_raci, raci_counts, Activity, Duties, Raci, RaciError};
use crate::domain::org::duties_edit::{add_activity, move_item, set_raci};
use crate::domain::org::{Bilingual, OrgDesign};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::role_name::role_with_code;
use crate::ui::state::use_workspace;

/// The meaning of a letter (for labels and the legend).
fn letter_meaning(i18n: &I18n, value: Option<Raci>) -> &'static str {
    match value {
        Some(Raci::R) => i18n.t("roles.raci_r"),
        Some(Raci::A) => i18n.t("roles.raci_a"),
        Some(Raci::C) => i18n.t("roles.raci_c"),
        Some(Raci::I) => i18n.t("roles.raci_i"),
        None => i18n.t("roles.raci_none"),
    }
}

/// The names of these roles in the interface language, joined.
fn role_names(i18n: &I18n, design: &OrgDesign, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            design
                .role(id)
                .map(|r| role_name(i18n, r).to_string())
                .unwrap_or_else(|| id.clone())
        })
        .collect::<Vec<_>>()
        .join(i18n.t("roles.list_sep"))
}

/// What is wrong with a row, in the user's language.
pub fn raci_error_text(i18n: &I18n, design: &OrgDesign, e: &RaciError) -> String {
    match e {
        RaciError::NoAccountable { .. } => i18n.t("roles.err_no_a").to_string(),
        RaciError::SeveralAccountable { count, roles, .. } => i18n.tf(
            "roles.err_several_a",
            &[
                ("count", &count.to_string()),
                ("roles", &role_names(i18n, design, roles)),
            ],
        ),
        RaciError::NoResponsible { .. } => i18n.t("roles.err_no_r").to_string(),
        RaciError::UnknownRole { role, .. } => i18n.tf("roles.err_unknown_role", &[("role", role)]),
    }
}

/// Focuses the cell at (`row`, `col`) of the table, if there is one.
fn focus_cell(table: &NodeRef, row: usize, col: usize) {
    let cell = table.cast::<Element>().and_then(|t| {
        t.query_selector(&format!("[data-cell=\"{row}-{col}\"]"))
            .ok()
            .flatten()
    });
    if let Some(el) = cell.and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// The matrix with its checks and counts.
#[function_component(RaciMatrix)]
pub fn raci_matrix() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let design = &ws.org;
    let duties = &ws.duties;
    // The cell that holds the one tab stop of the grid.
    let active = use_state(|| (0usize, 0usize));
    let renaming = use_state(|| None::<String>);
    let table = use_node_ref();

    let errors = check_raci(design, duties);
    let mut by_row: BTreeMap<&str, Vec<&RaciError>> = BTreeMap::new();
    for e in &errors {
        by_row.entry(e.activity()).or_default().push(e);
    }
    let counts = raci_counts(design, duties);
    let rows_n = duties.activities.len();
    let cols_n = design.roles.len();
    let (active_row, active_col) = (
        active.0.min(rows_n.saturating_sub(1)),
        active.1.min(cols_n.saturating_sub(1)),
    );

    // Applies `f` to a copy of the duties and saves it as one edit.
    let change = {
        let handle = handle.clone();
        move |f: Box<dyn Fn(&mut Duties)>| {
            let ws = handle.workspace();
            let mut next = ws.duties.clone();
            f(&mut next);
            handle.edit(Edit::SetDuties(Box::new(next)));
        }
    };
    let set_cell = {
        let handle = handle.clone();
        move |activity: String, role: String, value: Option<Raci>| {
            let ws = handle.workspace();
            let next = set_raci(&ws.duties, &activity, &role, value);
            handle.edit(Edit::SetDuties(Box::new(next)));
        }
    };

    let cell = |r: usize, activity: &Activity, c: usize, role_id: &str, role_label: &str| {
        let value = activity.raci.get(role_id).copied();
        let activity_name = pick(&i18n, &activity.name_zh, &activity.name_en);
        let label = i18n.tf(
            "roles.cell_label",
            &[
                ("activity", activity_name),
                ("role", role_label),
                ("value", letter_meaning(&i18n, value)),
            ],
        );
        let onclick = {
            let set_cell = set_cell.clone();
            let (a, ro) = (activity.id.clone(), role_id.to_string());
            Callback::from(move |_: MouseEvent| set_cell(a.clone(), ro.clone(), Raci::cycle(value)))
        };
        let onkeydown = {
            let set_cell = set_cell.clone();
            let table = table.clone();
            let (a, ro) = (activity.id.clone(), role_id.to_string());
            Callback::from(move |e: KeyboardEvent| {
                // Shortcuts (Ctrl+Z, Ctrl+C …) belong to the app and the browser.
                if e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                let key = e.key();
                let target = match key.as_str() {
                    "ArrowUp" => Some((r.saturating_sub(1), c)),
                    "ArrowDown" => Some(((r + 1).min(rows_n.saturating_sub(1)), c)),
                    "ArrowLeft" => Some((r, c.saturating_sub(1))),
                    "ArrowRight" => Some((r, (c + 1).min(cols_n.saturating_sub(1)))),
                    "Home" => Some((r, 0)),
                    "End" => Some((r, cols_n.saturating_sub(1))),
                    _ => None,
                };
                if let Some((tr, tc)) = target {
                    e.prevent_default();
                    focus_cell(&table, tr, tc);
                } else if let Some(letter) = Raci::from_key(&key) {
                    e.prevent_default();
                    set_cell(a.clone(), ro.clone(), Some(letter));
                } else if matches!(key.as_str(), "Delete" | "Backspace" | "-") {
                    e.prevent_default();
                    set_cell(a.clone(), ro.clone(), None);
                }
            })
        };
        let onfocus = {
            let active = active.clone();
            Callback::from(move |_: FocusEvent| {
                if *active != (r, c) {
                    active.set((r, c));
                }
            })
        };
        let letter = value.map(Raci::letter);
        let tabindex = if (r, c) == (active_row, active_col) {
            "0"
        } else {
            "-1"
        };
        html! {
            <td class="roles-raci-td">
                <button type="button" tabindex={tabindex}
                        class={classes!("roles-raci-cell", "print-as-text", letter.map(|l| format!("is-{}", l.to_ascii_lowercase())))}
                        aria-label={label.clone()} title={label}
                        data-cell={format!("{r}-{c}")}
                        data-testid={format!("raci-{}-{role_id}", activity.id)}
                        {onclick} {onkeydown} {onfocus}>
                    { letter.unwrap_or("—") }
                </button>
            </td>
        }
    };

    let row = |r: usize, activity: &Activity| {
        let problems = by_row.get(activity.id.as_str());
        let invalid = problems.is_some();
        let aid = activity.id.clone();
        let name = pick(&i18n, &activity.name_zh, &activity.name_en).to_string();
        let step = |up: bool| {
            let change = change.clone();
            Callback::from(move |_: MouseEvent| {
                change(Box::new(move |d: &mut Duties| {
                    move_item(&mut d.activities, r, up);
                }))
            })
        };
        let remove = {
            let change = change.clone();
            let aid = aid.clone();
            Callback::from(move |_: MouseEvent| {
                let aid = aid.clone();
                change(Box::new(move |d: &mut Duties| {
                    d.activities.retain(|a| a.id != aid)
                }))
            })
        };
        let start_rename = {
            let renaming = renaming.clone();
            let aid = aid.clone();
            Callback::from(move |_: MouseEvent| renaming.set(Some(aid.clone())))
        };
        let name_cell = if renaming.as_deref() == Some(activity.id.as_str()) {
            let on_submit = {
                let change = change.clone();
                let renaming = renaming.clone();
                let aid = aid.clone();
                Callback::from(move |n: Bilingual| {
                    let aid = aid.clone();
                    change(Box::new(move |d: &mut Duties| {
                        if let Some(a) = d.activities.iter_mut().find(|a| a.id == aid) {
                            a.name_zh = n.zh.clone();
                            a.name_en = n.en.clone();
                        }
                    }));
                    renaming.set(None);
                })
            };
            let on_cancel = {
                let renaming = renaming.clone();
                Callback::from(move |_| renaming.set(None))
            };
            html! {
                <ActivityNameForm initial={Bilingual::new(&activity.name_zh, &activity.name_en)}
                                  testid={format!("raci-rename-{aid}")} submit_label={i18n.t("roles.save")}
                                  renaming={Some(AttrValue::from(name.clone()))}
                                  {on_submit} on_cancel={Some(on_cancel)} />
            }
        } else {
            html! { <span class="roles-activity-name">{ &name }</span> }
        };
        let label = |key: &str| i18n.tf(key, &[("activity", &name)]);
        let fix_unknown = |role: &str| {
            let change = change.clone();
            let (aid, role) = (aid.clone(), role.to_string());
            Callback::from(move |_: MouseEvent| {
                let (aid, role) = (aid.clone(), role.clone());
                change(Box::new(move |d: &mut Duties| {
                    if let Some(a) = d.activities.iter_mut().find(|a| a.id == aid) {
                        a.raci.remove(&role);
                    }
                }))
            })
        };
        html! {
            <tr key={aid.clone()} class={classes!(invalid.then_some("is-invalid"))}
                data-activity={aid.clone()} data-testid={format!("raci-row-{aid}")}>
                <th scope="row" class="roles-raci-name">{ name_cell }</th>
                { for design.roles.iter().enumerate().map(|(c, role)| cell(r, activity, c, &role.id, role_name(&i18n, role))) }
                <td class="roles-raci-problems" data-testid={format!("raci-errors-{aid}")}>
                    if let Some(problems) = problems {
                        <ul class="roles-errors">
                            { for problems.iter().map(|e| html! {
                                <li class="roles-error">
                                    { raci_error_text(&i18n, design, e) }
                                    if let RaciError::UnknownRole { role, .. } = e {
                                        { " " }
                                        <button type="button" class="button roles-fix" onclick={fix_unknown(role)}
                                                aria-label={i18n.tf("roles.remove_cell_of", &[("activity", &name), ("role", role)])}>
                                            { i18n.t("roles.remove_cell") }</button>
                                    }
                                </li>
                            }) }
                        </ul>
                    } else {
                        <span class="roles-ok" role="img" aria-label={i18n.t("roles.row_ok")}>{ "✓" }</span>
                    }
                </td>
                <td class="roles-raci-actions">
                    <button type="button" class="button roles-icon" onclick={start_rename}
                            aria-label={label("roles.activity_rename")} title={label("roles.activity_rename")}
                            data-testid={format!("raci-rename-{aid}-open")}>{ "✎" }</button>
                    <button type="button" class="button roles-icon" onclick={step(true)} disabled={r == 0}
                            aria-label={label("roles.activity_up")} title={label("roles.activity_up")}
                            data-testid={format!("raci-up-{aid}")}>{ "↑" }</button>
                    <button type="button" class="button roles-icon" onclick={step(false)} disabled={r + 1 == rows_n}
                            aria-label={label("roles.activity_down")} title={label("roles.activity_down")}
                            data-testid={format!("raci-down-{aid}")}>{ "↓" }</button>
                    <button type="button" class="button roles-icon" onclick={remove}
                            aria-label={label("roles.activity_delete")} title={label("roles.activity_delete")}
                            data-testid={format!("raci-delete-{aid}")}>{ "✕" }</button>
                </td>
            </tr>
        }
    };

    let on_add = {
        let change = change.clone();
        Callback::from(move |n: Bilingual| {
            change(Box::new(move |d: &mut Duties| {
                *d = add_activity(d, n.clone())
            }))
        })
    };
    let invalid_rows = by_row.len();
    html! {
        <section class="card roles-raci" data-testid="raci">
            <h2 class="card-title">{ i18n.t("roles.raci_title") }</h2>
            <p class="muted roles-raci-hint" id="raci-hint">{ i18n.t("roles.raci_hint") }</p>
            <ul class="roles-legend">
                { for Raci::ALL.iter().map(|l| html! {
                    <li><span class={classes!("roles-raci-chip", format!("is-{}", l.letter().to_ascii_lowercase()))}>{ l.letter() }</span>
                        { letter_meaning(&i18n, Some(*l)) }</li>
                }) }
            </ul>
            <p class={classes!("roles-raci-status", (invalid_rows > 0).then_some("has-errors"))}
               role="status" data-testid="raci-status">
                { if invalid_rows == 0 {
                    i18n.t("roles.raci_ok").to_string()
                } else {
                    i18n.tf("roles.raci_bad", &[("count", &invalid_rows.to_string())])
                } }
            </p>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("roles.raci_title")}>
                <table class="data-table roles-raci-table" ref={table.clone()} aria-describedby="raci-hint"
                       data-testid="raci-table">
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.t("roles.activity") }</th>
                            { for design.roles.iter().map(|role| html! {
                                <th scope="col" class="roles-raci-role">
                                    { role_with_code(&i18n, role) }
                                </th>
                            }) }
                            <th scope="col">{ i18n.t("roles.problems") }</th>
                            <th scope="col" class="roles-raci-actions">
                                <span class="visually-hidden">{ i18n.t("roles.actions") }</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>
                        { for duties.activities.iter().enumerate().map(|(r, a)| row(r, a)) }
                    </tbody>
                    <tfoot>
                        <tr data-testid="raci-counts">
                            <th scope="row">{ i18n.t("roles.counts") }</th>
                            { for counts.iter().map(|c| html! {
                                <td class="roles-raci-count" data-testid={format!("raci-count-{}", c.role)}
                                    title={i18n.tf("roles.count_title", &[("count", &c.total().to_string())])}>
                                    { for [("roles.count_r", c.r), ("roles.count_a", c.a), ("roles.count_c", c.c), ("roles.count_i", c.i)]
                                        .into_iter().map(|(key, n)| html! {
                                            <span>{ i18n.tf(key, &[("n", &n.to_string())]) }</span>
                                        }) }
                                </td>
                            }) }
                            <td colspan="2"></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            if rows_n == 0 {
                <p class="muted">{ i18n.t("roles.no_activities") }</p>
            }
            <div class="roles-raci-add">
                <h3 class="roles-subtitle">{ i18n.t("roles.activity_add") }</h3>
                <ActivityNameForm initial={Bilingual::default()} testid="raci-add"
                                  submit_label={i18n.t("roles.activity_add_button")} on_submit={on_add} />
            </div>
        </section>
    }
}

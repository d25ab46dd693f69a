//! The people tab of the iron-triangle page: the people of the account teams with their load,
//! a role filter, add / edit / delete, and import from CSV or Excel.

mod form;
mod import;

use std::rc::Rc;

use yew::prelude::*;

use super::{use_team_data, TabProps};
use crate::domain::edit::{apply, Edit};
use crate::domain::number::format_percent;
use crate::domain::org::people::{assignment_count, format_fte, remove_person};
use crate::domain::org::{OrgDesign, Person};
use crate::domain::workspace::Workspace;
use crate::ui::dialog::Dialog;
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::local_text::local_text;
use crate::ui::messages::edit_error_text;
use crate::ui::state::{now_ms, use_workspace, WorkspaceHandle};
use crate::ui::views::customers::Select;

pub(super) use crate::ui::role_name::role_name;

/// The name of role `id` of the design, or the id itself when no role has it.
pub(super) fn role_label(i18n: &I18n, org: &OrgDesign, id: &str) -> String {
    org.role(id)
        .map_or_else(|| id.to_string(), |r| role_name(i18n, r).to_string())
}

/// Applies `next` as Tool 3's document, or returns why it was refused in the user's language.
/// The reducer drops a refused edit without a word, so the views check it here first.
pub(super) fn set_org(handle: &WorkspaceHandle, i18n: &I18n, next: OrgDesign) -> Option<String> {
    let edit = Edit::SetOrg(Box::new(next));
    match apply(&handle.workspace(), &edit, now_ms()) {
        Err(e) => Some(edit_error_text(i18n, &e)),
        Ok(_) => {
            handle.edit(edit);
            None
        }
    }
}

/// A person's source as shown: the name of the talent source with that id, else the text.
fn source_label(i18n: &I18n, ws: &Workspace, source: &str) -> String {
    ws.talent
        .roles
        .iter()
        .flat_map(|r| &r.sources)
        .find(|s| s.id == source)
        .map_or_else(
            || source.to_string(),
            |s| match i18n.lang {
                Lang::En if !s.name_en.is_empty() => s.name_en.clone(),
                _ if !s.name_zh.is_empty() => s.name_zh.clone(),
                _ => s.name_en.clone(),
            },
        )
}

/// What is open over the table.
#[derive(Clone, PartialEq)]
enum Modal {
    None,
    /// The form, on a person or (None) a new one.
    Form(Option<Rc<Person>>),
    /// Confirm deleting the person with this id.
    Delete(String),
    /// The import dialog.
    Import,
}

/// The tab.
#[function_component(People)]
pub fn people_tab(_props: &TabProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let data = use_team_data();
    let filter = use_state(String::new);
    let modal = use_state(|| Modal::None);
    let refused = use_state(|| None::<String>);
    let org = &ws.org;

    let close = {
        let modal = modal.clone();
        Callback::from(move |_: ()| modal.set(Modal::None))
    };
    let open = |m: Modal| {
        let modal = modal.clone();
        Callback::from(move |_: MouseEvent| modal.set(m.clone()))
    };
    let role_options: Vec<(AttrValue, AttrValue)> = std::iter::once((
        AttrValue::default(),
        i18n.t("team_admin.people_all_roles").into(),
    ))
    .chain(
        org.roles
            .iter()
            .map(|r| (r.id.clone().into(), role_name(&i18n, r).to_string().into())),
    )
    .collect();
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |v: String| filter.set(v))
    };
    let shown: Vec<&Person> = org
        .people
        .iter()
        .filter(|p| filter.is_empty() || p.role == *filter)
        .collect();

    let rows = shown.iter().map(|p| {
        let load = data.staffing.person(&p.id);
        let over = load.is_some_and(|l| l.over_allocated);
        let load_text = load
            .and_then(|l| l.load_pct)
            .map(format_percent)
            .unwrap_or_else(|| "—".to_string());
        let accounts = load.map_or(0, |l| l.accounts);
        let person = Rc::new((*p).clone());
        html! {
            <tr data-testid={format!("person-{}", p.id)} class={classes!(over.then_some("ta-over"))}>
                <th scope="row">{ p.name.clone() }</th>
                <td>{ role_label(&i18n, org, &p.role) }</td>
                <td>{ p.level.clone() }</td>
                <td class="num">{ format_fte(p.capacity_fte) }</td>
                <td>{ source_label(&i18n, &ws, &p.source) }</td>
                <td class="num" title={over.then(|| i18n.t("team_admin.people_over").to_string())}>
                    { load_text }{ if over { " ⚠" } else { "" } }
                </td>
                <td class="num">{ accounts }</td>
                <td class="ta-notes">{ local_text(&i18n, &p.notes) }</td>
                <td class="ta-actions">
                    <button type="button" class="button ta-small" onclick={open(Modal::Form(Some(person)))}
                            aria-label={i18n.tf("team_admin.people_edit_of", &[("name", &p.name)])}
                            data-testid={format!("person-edit-{}", p.id)}>{ i18n.t("team_admin.edit") }</button>
                    <button type="button" class="button ta-small" onclick={open(Modal::Delete(p.id.clone()))}
                            aria-label={i18n.tf("team_admin.people_delete_of", &[("name", &p.name)])}
                            data-testid={format!("person-delete-{}", p.id)}>{ i18n.t("team_admin.delete") }</button>
                </td>
            </tr>
        }
    });

    let overlay = match &*modal {
        Modal::None => html! {},
        Modal::Form(person) => {
            html! { <form::PersonForm person={person.clone()} on_close={close.clone()} /> }
        }
        Modal::Import => html! { <import::PeopleImport on_close={close.clone()} /> },
        Modal::Delete(id) => {
            let name = org.person(id).map(|p| p.name.clone()).unwrap_or_default();
            let n = assignment_count(org, id);
            let body = if n == 0 {
                i18n.tf("team_admin.people_delete_body_none", &[("name", &name)])
            } else {
                i18n.tf(
                    "team_admin.people_delete_body",
                    &[("name", &name), ("n", &n.to_string())],
                )
            };
            let on_confirm = {
                let handle = handle.clone();
                let modal = modal.clone();
                let refused = refused.clone();
                let id = id.clone();
                Callback::from(move |_| {
                    let next = remove_person(&handle.workspace().org, &id);
                    refused.set(set_org(&handle, &i18n, next));
                    modal.set(Modal::None);
                })
            };
            html! {
                <Dialog title={i18n.tf("team_admin.people_delete_title", &[("name", &name)])} body={body}
                        confirm_label={i18n.t("team_admin.delete").to_string()} danger={true}
                        on_confirm={on_confirm} on_cancel={close.clone()} />
            }
        }
    };

    html! {
        <section class="card ta-people" data-testid="team-people">
            <div class="ta-head">
                <h3 class="card-title">{ i18n.t("team.tab_people") }</h3>
                <span class="muted" data-testid="people-count">
                    { i18n.tf("team_admin.people_count", &[("n", &org.people.len().to_string())]) }
                </span>
                <div class="ta-toolbar">
                    <label class="ta-inline">
                        <span>{ i18n.t("team_admin.people_filter_role") }</span>
                        <Select value={AttrValue::from((*filter).clone())} options={role_options}
                                onchange={on_filter} testid="people-filter-role" />
                    </label>
                    <button type="button" class="button" onclick={open(Modal::Import)}
                            data-testid="people-import">{ i18n.t("team_admin.people_import") }</button>
                    <button type="button" class="button button-primary" onclick={open(Modal::Form(None))}
                            data-testid="people-add">{ i18n.t("team_admin.people_add") }</button>
                </div>
            </div>
            if let Some(m) = &*refused {
                <p class="ta-message" role="alert">{ m.clone() }</p>
            }
            if org.people.is_empty() {
                <p class="muted">{ i18n.t("team_admin.people_empty") }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("team.tab_people")}>
                <table class="data-table ta-people-table" data-testid="people-table">
                    <thead><tr>
                        <th scope="col">{ i18n.t("team_admin.col_name") }</th>
                        <th scope="col">{ i18n.t("team_admin.col_role") }</th>
                        <th scope="col">{ i18n.t("team_admin.col_level") }</th>
                        <th scope="col" class="num">{ i18n.t("team_admin.col_capacity") }</th>
                        <th scope="col">{ i18n.t("team_admin.col_source") }</th>
                        <th scope="col" class="num">{ i18n.t("team_admin.col_load") }</th>
                        <th scope="col" class="num">{ i18n.t("team_admin.col_accounts") }</th>
                        <th scope="col">{ i18n.t("team_admin.col_notes") }</th>
                        <th scope="col"><span class="visually-hidden">{ i18n.t("team_admin.col_actions") }</span></th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                </div>
                if shown.is_empty() {
                    <p class="muted">{ i18n.t("team_admin.people_none_in_role") }</p>
                }
            }
            { overlay }
        </section>
    }
}

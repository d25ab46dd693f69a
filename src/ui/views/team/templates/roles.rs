//! The roles: the four built-in ones (renamable, not deletable) and custom ones (added with an id
//! and names in both languages, deleted only when nothing uses them).

use yew::prelude::*;

use super::super::people::set_org;
use super::CommitInput;
use crate::domain::org::roles::{add_role, delete_role, rename_role, role_use, RoleError, RoleUse};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::use_workspace;
use crate::ui::views::customers::event_value;

/// What uses a role, in words ("2 人、1 个配置模板行").
pub fn role_use_text(i18n: &I18n, uses: &RoleUse) -> String {
    let parts: Vec<String> = [
        (uses.people, "team_admin.uses_people"),
        (uses.assignments, "team_admin.uses_assignments"),
        (uses.templates, "team_admin.uses_templates"),
        (uses.stages, "team_admin.uses_stages"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, key)| i18n.tf(key, &[("n", &n.to_string())]))
    .collect();
    parts.join(i18n.t("explain.list_separator"))
}

/// A role error in the user's language.
pub fn role_error_text(i18n: &I18n, e: &RoleError) -> String {
    match e {
        RoleError::MissingId => i18n.t("team_admin.role_missing_id").to_string(),
        RoleError::BadId => i18n.t("team_admin.role_bad_id").to_string(),
        RoleError::IdTaken(id) => i18n.tf("team_admin.role_id_taken", &[("id", id)]),
        RoleError::MissingName => i18n.t("team_admin.role_missing_name").to_string(),
        RoleError::Unknown(id) => i18n.tf("team_admin.problem_unknown_role", &[("role", id)]),
        RoleError::BuiltIn(_) => i18n.t("team_admin.role_built_in").to_string(),
        RoleError::InUse { role, uses } => i18n.tf(
            "team_admin.role_in_use",
            &[("role", role), ("uses", &role_use_text(i18n, uses))],
        ),
    }
}

/// The roles card.
#[function_component(RolesCard)]
pub fn roles_card() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let message = use_state(|| None::<String>);
    let new_role = use_state(|| (String::new(), String::new(), String::new()));
    let add_error = use_state(|| None::<String>);

    let rename = |id: String, english: bool| {
        let handle = handle.clone();
        Callback::from(move |text: String| {
            let org = handle.workspace().org.clone();
            let role = org.role(&id)?;
            let (zh, en) = if english {
                (role.name_zh.clone(), text)
            } else {
                (text, role.name_en.clone())
            };
            match rename_role(&org, &id, &zh, &en) {
                Ok(next) => set_org(&handle, &i18n, next),
                Err(e) => Some(role_error_text(&i18n, &e)),
            }
        })
    };
    let delete = |id: String| {
        let handle = handle.clone();
        let message = message.clone();
        Callback::from(
            move |_: MouseEvent| match delete_role(&handle.workspace().org, &id) {
                Ok(next) => message.set(set_org(&handle, &i18n, next)),
                Err(e) => message.set(Some(role_error_text(&i18n, &e))),
            },
        )
    };
    let field = |which: usize| {
        let new_role = new_role.clone();
        let add_error = add_error.clone();
        Callback::from(move |e: InputEvent| {
            let mut r = (*new_role).clone();
            let v = event_value(&e);
            match which {
                0 => r.0 = v,
                1 => r.1 = v,
                _ => r.2 = v,
            }
            new_role.set(r);
            add_error.set(None);
        })
    };
    let add = {
        let handle = handle.clone();
        let new_role = new_role.clone();
        let add_error = add_error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (id, zh, en) = &*new_role;
            match add_role(&handle.workspace().org, id, zh, en) {
                Ok(next) => match set_org(&handle, &i18n, next) {
                    None => new_role.set(Default::default()),
                    Some(m) => add_error.set(Some(m)),
                },
                Err(e) => add_error.set(Some(role_error_text(&i18n, &e))),
            }
        })
    };

    html! {
        <section class="card" data-testid="roles-card">
            <h3 class="card-title">{ i18n.t("team_admin.roles_title") }</h3>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("team_admin.roles_title")}>
            <table class="data-table ta-roles" data-testid="roles-table">
                <thead><tr>
                    <th scope="col">{ i18n.t("team_admin.role_id") }</th>
                    <th scope="col">{ i18n.t("team_admin.role_name_zh") }</th>
                    <th scope="col">{ i18n.t("team_admin.role_name_en") }</th>
                    <th scope="col">{ i18n.t("team_admin.role_used_by") }</th>
                    <th scope="col"><span class="visually-hidden">{ i18n.t("team_admin.col_actions") }</span></th>
                </tr></thead>
                <tbody>
                { for ws.org.roles.iter().map(|r| {
                    let uses = role_use(&ws.org, &r.id);
                    html! {
                        <tr data-testid={format!("role-{}", r.id)}>
                            <th scope="row"><code>{ r.id.clone() }</code>
                                if r.built_in { <span class="ta-badge">{ i18n.t("team_admin.role_builtin_badge") }</span> }</th>
                            <td><CommitInput value={r.name_zh.clone()} label={i18n.tf("team_admin.role_name_zh_of", &[("id", &r.id)])}
                                    on_commit={rename(r.id.clone(), false)} testid={format!("role-zh-{}", r.id)} /></td>
                            <td><CommitInput value={r.name_en.clone()} label={i18n.tf("team_admin.role_name_en_of", &[("id", &r.id)])}
                                    on_commit={rename(r.id.clone(), true)} testid={format!("role-en-{}", r.id)} /></td>
                            <td class="muted">{ if uses.is_unused() { i18n.t("team_admin.role_unused").to_string() } else { role_use_text(&i18n, &uses) } }</td>
                            <td>
                                if !r.built_in {
                                    <button type="button" class="button ta-small" onclick={delete(r.id.clone())}
                                            aria-label={i18n.tf("team_admin.role_delete_of", &[("id", &r.id)])}
                                            data-testid={format!("role-delete-{}", r.id)}>{ i18n.t("team_admin.delete") }</button>
                                }
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
            if let Some(m) = &*message {
                <p class="ta-message" role="alert" data-testid="roles-message">{ m.clone() }</p>
            }
            <form class="ta-add-row" onsubmit={add} data-testid="role-add-form">
                <label class="ta-inline"><span>{ i18n.t("team_admin.role_id") }</span>
                    <input type="text" value={new_role.0.clone()} oninput={field(0)} data-testid="role-new-id" size="8" /></label>
                <label class="ta-inline"><span>{ i18n.t("team_admin.role_name_zh") }</span>
                    <input type="text" value={new_role.1.clone()} oninput={field(1)} data-testid="role-new-zh" /></label>
                <label class="ta-inline"><span>{ i18n.t("team_admin.role_name_en") }</span>
                    <input type="text" value={new_role.2.clone()} oninput={field(2)} data-testid="role-new-en" /></label>
                <button type="submit" class="button" data-testid="role-add">{ i18n.t("team_admin.role_add") }</button>
            </form>
            if let Some(e) = &*add_error {
                <p class="ta-field-error" role="alert" data-testid="role-add-error">{ e.clone() }</p>
            }
        </section>
    }
}

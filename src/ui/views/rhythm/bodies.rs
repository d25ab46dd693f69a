//! The management bodies: name, owner role, responsibilities, activities, tools; add, edit and
//! delete (meetings held by a deleted body keep their place, without a body).

use yew::prelude::*;

use super::body_form::BodyForm;
use super::{pick, role_label, set_governance};
use crate::ui::dialog::Dialog;
use crate::ui::i18n::use_i18n;
use crate::ui::local_text::local_text;
use crate::ui::state::use_workspace;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    None,
    Add,
    Edit(usize),
    Delete(usize),
}

/// The bodies tab.
#[function_component(Bodies)]
pub fn bodies() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let open = use_state(|| Open::None);
    let set_open = |o: Open| {
        let open = open.clone();
        Callback::from(move |_| open.set(o))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_| open.set(Open::None))
    };
    let doc = &ws.governance;
    let dialog = match *open {
        Open::None => html! {},
        Open::Add => html! { <BodyForm index={None::<usize>} on_close={close.clone()} /> },
        Open::Edit(i) => html! { <BodyForm index={Some(i)} on_close={close.clone()} /> },
        Open::Delete(i) => {
            let name = doc
                .bodies
                .get(i)
                .map(|b| pick(&i18n, &b.name_zh, &b.name_en).to_string())
                .unwrap_or_default();
            let on_confirm = {
                let handle = handle.clone();
                let open = open.clone();
                Callback::from(move |_| {
                    let mut next = handle.workspace().governance.clone();
                    if i < next.bodies.len() {
                        let gone = next.bodies.remove(i).id;
                        for m in next.meetings.iter_mut().filter(|m| m.body == gone) {
                            m.body.clear();
                        }
                        set_governance(&handle, next);
                    }
                    open.set(Open::None);
                })
            };
            html! {
                <Dialog title={i18n.t("rhythm.delete_body_title").to_string()}
                        body={i18n.tf("rhythm.delete_body_body", &[("name", &name)])}
                        confirm_label={i18n.t("rhythm.delete").to_string()} danger={true}
                        on_confirm={on_confirm} on_cancel={close.reform(|_| ())} />
            }
        }
    };
    html! {
        <section class="card rhythm-bodies">
            <h3 class="card-title">{ i18n.t("rhythm.bodies_title") }</h3>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("rhythm.bodies_title")}>
                <table class="data-table" data-testid="rhythm-bodies">
                    <thead><tr>
                        <th>{ i18n.t("rhythm.col_body") }</th>
                        <th>{ i18n.t("rhythm.col_owner") }</th>
                        <th>{ i18n.t("rhythm.col_responsibilities") }</th>
                        <th>{ i18n.t("rhythm.col_activities") }</th>
                        <th>{ i18n.t("rhythm.col_tools") }</th>
                        <th class="num">{ i18n.t("rhythm.col_meetings") }</th>
                        <th><span class="visually-hidden">{ i18n.t("rhythm.col_actions") }</span></th>
                    </tr></thead>
                    <tbody>
                    { for doc.bodies.iter().enumerate().map(|(i, b)| {
                        let name = pick(&i18n, &b.name_zh, &b.name_en).to_string();
                        let held = doc.meetings.iter().filter(|m| m.body == b.id).count();
                        let edit_label = i18n.tf("rhythm.edit_named", &[("name", &name)]);
                        let delete_label = i18n.tf("rhythm.delete_named", &[("name", &name)]);
                        html! {
                            <tr key={b.id.clone()} data-testid={format!("body-row-{}", b.id)}>
                                <td class="rhythm-name">{ name.clone() }</td>
                                <td>{ role_label(&i18n, &ws, &b.owner_role) }</td>
                                <td class="rhythm-text">{ local_text(&i18n, &b.responsibilities) }</td>
                                <td class="rhythm-text">{ local_text(&i18n, &b.activities) }</td>
                                <td class="rhythm-text">{ local_text(&i18n, &b.tools) }</td>
                                <td class="num">{ held }</td>
                                <td class="rhythm-actions">
                                    <button type="button" class="button" onclick={set_open(Open::Edit(i))}
                                            aria-label={edit_label.clone()} title={edit_label}
                                            data-testid={format!("body-edit-{}", b.id)}>{ i18n.t("rhythm.edit") }</button>
                                    <button type="button" class="button icon" onclick={set_open(Open::Delete(i))}
                                            aria-label={delete_label.clone()} title={delete_label}
                                            data-testid={format!("body-delete-{}", b.id)}>{ "✕" }</button>
                                </td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            </div>
            if doc.bodies.is_empty() {
                <p class="muted">{ i18n.t("rhythm.bodies_empty") }</p>
            }
            <button type="button" class="button" onclick={set_open(Open::Add)} data-testid="body-add">
                { "+ " }{ i18n.t("rhythm.add_body") }
            </button>
            { dialog }
        </section>
    }
}

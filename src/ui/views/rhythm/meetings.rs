//! The meetings: a table with what each one is, when, who and for which accounts; add, edit and
//! delete (with a confirmation; Ctrl+Z brings a deleted meeting back).

use std::rc::Rc;

use yew::prelude::*;

use super::meeting_form::MeetingForm;
use super::{
    hours_text, meeting_name, pick, role_label, rule_text, set_governance, tier_label, RhythmData,
};
use crate::domain::governance::hours::sessions;
use crate::ui::dialog::Dialog;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_workspace;

/// Props of [`Meetings`].
#[derive(Properties, PartialEq)]
pub struct MeetingsProps {
    /// The page's figures.
    pub data: Rc<RhythmData>,
}

/// Which dialog is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    None,
    Add,
    Edit(usize),
    Delete(usize),
}

/// The meetings tab.
#[function_component(Meetings)]
pub fn meetings(props: &MeetingsProps) -> Html {
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
        Open::Add => html! { <MeetingForm index={None::<usize>} on_close={close.clone()} /> },
        Open::Edit(i) => html! { <MeetingForm index={Some(i)} on_close={close.clone()} /> },
        Open::Delete(i) => {
            let name = doc
                .meetings
                .get(i)
                .map(|m| meeting_name(&i18n, m).to_string())
                .unwrap_or_default();
            let on_confirm = {
                let handle = handle.clone();
                let open = open.clone();
                Callback::from(move |_| {
                    let mut next = handle.workspace().governance.clone();
                    if i < next.meetings.len() {
                        next.meetings.remove(i);
                        set_governance(&handle, next);
                    }
                    open.set(Open::None);
                })
            };
            html! {
                <Dialog title={i18n.t("rhythm.delete_meeting_title").to_string()}
                        body={i18n.tf("rhythm.delete_meeting_body", &[("name", &name)])}
                        confirm_label={i18n.t("rhythm.delete").to_string()} danger={true}
                        on_confirm={on_confirm} on_cancel={close.reform(|_| ())} />
            }
        }
    };
    html! {
        <section class="card rhythm-meetings">
            <h3 class="card-title">{ i18n.t("rhythm.meetings_title") }</h3>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("rhythm.meetings_title")}>
                <table class="data-table" data-testid="rhythm-meetings">
                    <thead><tr>
                        <th>{ i18n.t("rhythm.col_meeting") }</th>
                        <th>{ i18n.t("rhythm.col_rule") }</th>
                        <th>{ i18n.t("rhythm.col_time") }</th>
                        <th>{ i18n.t("rhythm.col_roles") }</th>
                        <th>{ i18n.t("rhythm.col_tiers") }</th>
                        <th class="num">{ i18n.t("rhythm.col_sessions") }</th>
                        <th>{ i18n.t("rhythm.col_body") }</th>
                        <th><span class="visually-hidden">{ i18n.t("rhythm.col_actions") }</span></th>
                    </tr></thead>
                    <tbody>
                    { for doc.meetings.iter().enumerate().map(|(i, m)| {
                        let name = meeting_name(&i18n, m).to_string();
                        let (h, mi) = m.start();
                        let roles: Vec<String> = m.roles.iter().map(|r| role_label(&i18n, &ws, r)).collect();
                        let tiers: Vec<String> = m.tiers.iter().map(|t| tier_label(&i18n, &ws, t)).collect();
                        let body = doc.body(&m.body).map(|b| pick(&i18n, &b.name_zh, &b.name_en).to_string()).unwrap_or_default();
                        let edit_label = i18n.tf("rhythm.edit_named", &[("name", &name)]);
                        let delete_label = i18n.tf("rhythm.delete_named", &[("name", &name)]);
                        html! {
                            <tr key={m.id.clone()} data-testid={format!("meeting-row-{}", m.id)}>
                                <td>
                                    <div class="rhythm-name">{ name.clone() }</div>
                                    if m.review {
                                        <span class="rhythm-tag">{ i18n.t("rhythm.review_tag") }</span>
                                    }
                                </td>
                                <td data-testid={format!("meeting-rule-{}", m.id)}>
                                    { i18n.t(&format!("rhythm.cadence_{}", m.cadence.key())).to_string() }
                                    <div class="muted">{ rule_text(&i18n, m.cadence, &m.anchor) }</div>
                                </td>
                                <td class="rhythm-time">{ format!("{h:02}:{mi:02} · {}", i18n.tf("rhythm.hours_short", &[("hours", &hours_text(m.duration_hours))])) }</td>
                                // Ids (AD, AR, …) keep the column narrow; the names are in the tooltip.
                                <td title={roles.join(", ")}>{ m.roles.join(" · ") }</td>
                                <td>{ tiers.join(", ") }</td>
                                <td class="num">
                                    { if m.per_account {
                                        i18n.tf("rhythm.per_account_n", &[("n", &sessions(m, &props.data.accounts).to_string())])
                                    } else {
                                        i18n.t("rhythm.once").to_string()
                                    } }
                                </td>
                                <td>{ body }</td>
                                <td class="rhythm-actions">
                                    <button type="button" class="button" onclick={set_open(Open::Edit(i))}
                                            aria-label={edit_label.clone()} title={edit_label}
                                            data-testid={format!("meeting-edit-{}", m.id)}>{ i18n.t("rhythm.edit") }</button>
                                    <button type="button" class="button icon" onclick={set_open(Open::Delete(i))}
                                            aria-label={delete_label.clone()} title={delete_label}
                                            data-testid={format!("meeting-delete-{}", m.id)}>{ "✕" }</button>
                                </td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            </div>
            if doc.meetings.is_empty() {
                <p class="muted" data-testid="rhythm-meetings-empty">{ i18n.t("rhythm.meetings_empty") }</p>
            }
            <button type="button" class="button" onclick={set_open(Open::Add)} data-testid="meeting-add">
                { "+ " }{ i18n.t("rhythm.add_meeting") }
            </button>
            { dialog }
        </section>
    }
}

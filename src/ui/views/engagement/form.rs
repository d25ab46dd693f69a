//! The form that adds an action to the log or edits one: every field checked before the log
//! changes, each problem shown next to its field. The stakeholders of the account (MCR) can be
//! ticked as met; a done action then counts as a contact with each of them.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::action_name;
use crate::domain::engagement::completion::AccountRef;
use crate::domain::engagement::{check_entry, Action, Entry, EntryProblem, Status};
use crate::domain::mcr::Stakeholder;
use crate::domain::workspace::Workspace;
use crate::ui::i18n::use_i18n;
use crate::ui::state::DocRef;

/// Props of [`EntryForm`].
#[derive(Properties, PartialEq)]
pub struct EntryFormProps {
    /// The open workspace.
    pub ws: DocRef,
    /// The accounts to choose from, in listing order.
    pub accounts: Vec<AccountRef>,
    /// The entry being edited, or the template of a new one (empty id).
    pub entry: Entry,
    /// The checked entry.
    pub on_save: Callback<Entry>,
    /// Closes the form without a change.
    pub on_cancel: Callback<()>,
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The problems of a draft in the workspace.
fn problems(ws: &Workspace, draft: &Entry) -> Vec<EntryProblem> {
    check_entry(ws, draft)
}

/// "贾伟涛 · 总经理": a stakeholder as the form lists them.
fn stakeholder_label(s: &Stakeholder) -> String {
    if s.title.is_empty() {
        s.name.clone()
    } else {
        format!("{} · {}", s.name, s.title)
    }
}

/// The form.
#[function_component(EntryForm)]
pub fn entry_form(props: &EntryFormProps) -> Html {
    let i18n = use_i18n();
    let draft = use_state(|| props.entry.clone());
    let shown = use_state(Vec::<EntryProblem>::new);
    {
        // Another entry to edit (or a fresh one after saving) replaces the draft.
        let draft = draft.clone();
        let shown = shown.clone();
        use_effect_with(props.entry.clone(), move |e| {
            draft.set(e.clone());
            shown.set(Vec::new());
        });
    }
    let update = |f: fn(&mut Entry, String)| {
        let draft = draft.clone();
        move |value: String| {
            let mut next = (*draft).clone();
            f(&mut next, value);
            draft.set(next);
        }
    };
    let on_account = {
        let draft = draft.clone();
        let ws = props.ws.0.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            next.account = select_value(&e);
            // Only the new account's people can have been met: the others' ticks go.
            let account = next.account.clone();
            next.stakeholders
                .retain(|id| ws.mcr.stakeholder(id).is_some_and(|s| s.account == account));
            draft.set(next);
        })
    };
    let toggle_met = |id: String| {
        let draft = draft.clone();
        Callback::from(move |_: Event| {
            let mut next = (*draft).clone();
            match next.stakeholders.iter().position(|s| *s == id) {
                Some(at) => {
                    next.stakeholders.remove(at);
                }
                None => next.stakeholders.push(id.clone()),
            }
            draft.set(next);
        })
    };
    let on_action = {
        let set = update(|d, v| d.action = Action::from_key(&v).unwrap_or_default());
        Callback::from(move |e: Event| set(select_value(&e)))
    };
    let on_status = {
        let set = update(|d, v| {
            d.status = if v == "done" {
                Status::Done
            } else {
                Status::Planned
            }
        });
        Callback::from(move |e: Event| set(select_value(&e)))
    };
    let on_owner = {
        let set = update(|d, v| d.owner = (!v.is_empty()).then_some(v));
        Callback::from(move |e: Event| set(select_value(&e)))
    };
    let on_date = {
        let set = update(|d, v| d.date = v.trim().to_string());
        Callback::from(move |e: InputEvent| set(input_value(&e)))
    };
    let on_notes = {
        let set = update(|d, v| d.notes = v);
        Callback::from(move |e: InputEvent| set(input_value(&e)))
    };
    let onsubmit = {
        let draft = draft.clone();
        let shown = shown.clone();
        let ws = props.ws.0.clone();
        let on_save = props.on_save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let found = problems(&ws, &draft);
            if found.is_empty() {
                on_save.emit((*draft).clone());
            }
            shown.set(found);
        })
    };
    let on_cancel = {
        let cb = props.on_cancel.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let has = |p: EntryProblem| shown.contains(&p);
    let error = |p: EntryProblem, key: &str, testid: &str| -> Html {
        if has(p) {
            html! { <span class="engagement-input-error" role="alert" id={testid.to_string()} data-testid={testid.to_string()}>{ i18n.t(key).to_string() }</span> }
        } else {
            html! {}
        }
    };
    let d = &*draft;
    let editing = !props.entry.id.is_empty();
    let people_of_account: Vec<&Stakeholder> = props.ws.0.mcr.of_account(&d.account).collect();
    html! {
        <form class="card engagement-form" {onsubmit} data-testid="engagement-form" novalidate=true>
            <h3 class="card-title">{ i18n.t(if editing { "engagement.form_edit" } else { "engagement.form_add" }) }</h3>
            <div class="engagement-form-grid">
                <label class="engagement-field">
                    <span>{ i18n.t("engagement.col_account") }</span>
                    <select onchange={on_account} data-testid="engagement-form-account"
                            class={classes!(has(EntryProblem::UnknownAccount).then_some("is-invalid"))}
                            aria-invalid={has(EntryProblem::UnknownAccount).to_string()}>
                        <option value="" selected={d.account.is_empty()}>{ i18n.t("engagement.choose_account") }</option>
                        { for props.accounts.iter().map(|a| html! {
                            <option value={a.id.clone()} selected={a.id == d.account}>{ &a.name }</option>
                        }) }
                    </select>
                    { error(EntryProblem::UnknownAccount, "engagement.err_account", "engagement-form-account-error") }
                </label>
                <label class="engagement-field">
                    <span>{ i18n.t("engagement.col_action") }</span>
                    <select onchange={on_action} data-testid="engagement-form-action">
                        { for Action::ALL.iter().map(|a| html! {
                            <option value={a.key()} selected={*a == d.action}>{ action_name(&i18n, *a) }</option>
                        }) }
                    </select>
                </label>
                <label class="engagement-field">
                    <span>{ i18n.t("engagement.col_date") }</span>
                    <input type="text" value={d.date.clone()} oninput={on_date} placeholder="YYYY-MM-DD"
                           class={classes!("engagement-date", has(EntryProblem::BadDate).then_some("is-invalid"))}
                           aria-invalid={has(EntryProblem::BadDate).to_string()}
                           data-testid="engagement-form-date" />
                    { error(EntryProblem::BadDate, "engagement.err_date", "engagement-form-date-error") }
                </label>
                <label class="engagement-field">
                    <span>{ i18n.t("engagement.col_status") }</span>
                    <select onchange={on_status} data-testid="engagement-form-status">
                        <option value="planned" selected={d.status == Status::Planned}>{ i18n.t("engagement.status_planned") }</option>
                        <option value="done" selected={d.status == Status::Done}>{ i18n.t("engagement.status_done") }</option>
                    </select>
                </label>
                <label class="engagement-field">
                    <span>{ i18n.t("engagement.col_owner") }</span>
                    <select onchange={on_owner} data-testid="engagement-form-owner"
                            class={classes!(has(EntryProblem::UnknownOwner).then_some("is-invalid"))}>
                        <option value="" selected={d.owner.is_none()}>{ i18n.t("engagement.no_owner") }</option>
                        { for props.ws.0.org.people.iter().map(|p| html! {
                            <option value={p.id.clone()} selected={d.owner.as_deref() == Some(p.id.as_str())}>
                                { format!("{} ({})", p.name, p.role) }
                            </option>
                        }) }
                    </select>
                    { error(EntryProblem::UnknownOwner, "engagement.err_owner", "engagement-form-owner-error") }
                </label>
                if !people_of_account.is_empty() {
                    <fieldset class="engagement-met" data-testid="engagement-form-stakeholders">
                        <legend>{ i18n.t("engagement.stakeholders_met") }</legend>
                        { for people_of_account.iter().map(|s| html! {
                            <label class="engagement-met-item">
                                <input type="checkbox" checked={d.stakeholders.contains(&s.id)}
                                       onchange={toggle_met(s.id.clone())}
                                       data-testid={format!("engagement-form-stakeholder-{}", s.id)} />
                                { stakeholder_label(s) }
                            </label>
                        }) }
                    </fieldset>
                }
                <label class="engagement-field is-wide">
                    <span>{ i18n.t("engagement.col_notes") }</span>
                    <input type="text" value={d.notes.clone()} oninput={on_notes} maxlength="500"
                           data-testid="engagement-form-notes" />
                </label>
            </div>
            <div class="engagement-form-actions">
                <button type="submit" class="button button-primary" data-testid="engagement-form-save">
                    { i18n.t(if editing { "engagement.save" } else { "engagement.add" }) }
                </button>
                if editing {
                    <button type="button" class="button" onclick={on_cancel} data-testid="engagement-form-cancel">
                        { i18n.t("engagement.cancel") }
                    </button>
                }
            </div>
        </form>
    }
}

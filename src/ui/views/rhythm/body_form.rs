//! The add / edit body form, in a modal, checked by [`crate::domain::governance::check`] before
//! it is saved.

use yew::prelude::*;

use super::meeting_form::problem_text;
use super::{role_label, set_governance};
use crate::domain::governance::check::{Owner, ProblemKind};
use crate::domain::governance::{check, Body};
use crate::domain::org::talent_input::fresh_id;
use crate::ui::i18n::use_i18n;
use crate::ui::modal::Modal;
use crate::ui::state::use_workspace;
use crate::ui::views::customers::{event_value, Select};

/// Props of [`BodyForm`].
#[derive(Properties, PartialEq)]
pub struct BodyFormProps {
    /// Index of the body edited; `None` adds one.
    pub index: Option<usize>,
    /// Saved or cancelled.
    pub on_close: Callback<()>,
}

/// The form.
#[function_component(BodyForm)]
pub fn body_form(props: &BodyFormProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let doc = &ws.governance;
    let tier_ids: Vec<String> = ws.tiering.tiers.iter().map(|t| t.id.clone()).collect();
    let draft = {
        let ws = ws.clone();
        let index = props.index;
        use_state(move || {
            index
                .and_then(|i| ws.governance.bodies.get(i).cloned())
                .unwrap_or_else(|| Body {
                    id: fresh_id("body", ws.governance.bodies.iter().map(|b| b.id.as_str())),
                    owner_role: ws
                        .org
                        .roles
                        .first()
                        .map(|r| r.id.clone())
                        .unwrap_or_default(),
                    ..Body::default()
                })
        })
    };
    let tried = use_state(|| false);
    let name_ref = use_node_ref();
    let index = props.index.unwrap_or(doc.bodies.len());
    let mut next = doc.clone();
    if index < next.bodies.len() {
        next.bodies[index] = (*draft).clone();
    } else {
        next.bodies.push((*draft).clone());
    }
    let problems: Vec<ProblemKind> = check(&next, &ws.org, &tier_ids)
        .into_iter()
        .filter(|p| p.owner == Owner::Body(index))
        .map(|p| p.kind)
        .collect();
    let name_error = tried
        .then(|| {
            problems
                .iter()
                .filter(|k| !matches!(k, ProblemKind::UnknownRole(_)))
                .map(|k| problem_text(&i18n, k))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|s| !s.is_empty());
    let role_error = tried
        .then(|| {
            problems
                .iter()
                .filter(|k| matches!(k, ProblemKind::UnknownRole(_)))
                .map(|k| problem_text(&i18n, k))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|s| !s.is_empty());
    let submit = {
        let handle = handle.clone();
        let tried = tried.clone();
        let on_close = props.on_close.clone();
        let ok = problems.is_empty();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if ok {
                set_governance(&handle, next.clone());
                on_close.emit(());
            } else {
                tried.set(true);
            }
        })
    };
    let update = |f: fn(&mut Body, String)| {
        let draft = draft.clone();
        Callback::from(move |v: String| {
            let mut d = (*draft).clone();
            f(&mut d, v);
            draft.set(d);
        })
    };
    let on_input = |f: fn(&mut Body, String)| update(f).reform(|e: InputEvent| event_value(&e));
    let b = &*draft;
    let mut role_options: Vec<(AttrValue, AttrValue)> = ws
        .org
        .roles
        .iter()
        .map(|r| (r.id.clone().into(), role_label(&i18n, &ws, &r.id).into()))
        .collect();
    if !b.owner_role.is_empty() && ws.org.role(&b.owner_role).is_none() {
        role_options.push((b.owner_role.clone().into(), b.owner_role.clone().into()));
    }
    let text = |id: &'static str, label: &str, value: &str, f: fn(&mut Body, String)| {
        html! {
            <div class="rhythm-field">
                <label for={id}>{ label.to_string() }</label>
                <textarea id={id} rows="2" value={value.to_string()} data-testid={id} oninput={on_input(f)} />
            </div>
        }
    };
    let title = if props.index.is_some() {
        i18n.t("rhythm.body_edit_title")
    } else {
        i18n.t("rhythm.body_add_title")
    };
    html! {
        <Modal labelledby="bf-title" testid="body-form" class="rhythm-form" on_close={props.on_close.clone()}
               onsubmit={submit} focus={name_ref.clone()}>
            <h2 id="bf-title" class="dialog-title">{ title }</h2>
            <div class="rhythm-form-grid">
                <div class="rhythm-field">
                    <label for="bf-name-zh">{ i18n.t("rhythm.field_name_zh") }</label>
                    <input id="bf-name-zh" ref={name_ref} type="text" value={b.name_zh.clone()} data-testid="bf-name-zh"
                           aria-invalid={name_error.is_some().then_some("true")} aria-describedby="bf-name-msg"
                           oninput={on_input(|b, v| b.name_zh = v)} />
                    if let Some(e) = &name_error {
                        <p class="rhythm-field-error" id="bf-name-msg" data-testid="bf-name-error">{ e.clone() }</p>
                    }
                </div>
                <div class="rhythm-field">
                    <label for="bf-name-en">{ i18n.t("rhythm.field_name_en") }</label>
                    <input id="bf-name-en" type="text" value={b.name_en.clone()} data-testid="bf-name-en"
                           oninput={on_input(|b, v| b.name_en = v)} />
                </div>
                <div class="rhythm-field">
                    <label for="bf-owner">{ i18n.t("rhythm.col_owner") }</label>
                    <Select id="bf-owner" testid="bf-owner" value={AttrValue::from(b.owner_role.clone())}
                            options={role_options} invalid={role_error.is_some()}
                            onchange={update(|b, v| b.owner_role = v)} />
                    if let Some(e) = &role_error {
                        <p class="rhythm-field-error">{ e.clone() }</p>
                    }
                </div>
            </div>
            <div class="rhythm-form-grid">
                { text("bf-responsibilities", i18n.t("rhythm.col_responsibilities"), &b.responsibilities, |b, v| b.responsibilities = v) }
                { text("bf-activities", i18n.t("rhythm.col_activities"), &b.activities, |b, v| b.activities = v) }
                { text("bf-tools", i18n.t("rhythm.col_tools"), &b.tools, |b, v| b.tools = v) }
            </div>
            <div class="dialog-actions">
                <button type="button" class="button" onclick={props.on_close.reform(|_| ())}
                        data-testid="bf-cancel">{ i18n.t("dialog.cancel") }</button>
                <button type="submit" class="button button-primary" data-testid="bf-save">{ i18n.t("rhythm.save") }</button>
            </div>
        </Modal>
    }
}

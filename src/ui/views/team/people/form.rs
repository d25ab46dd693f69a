//! The add / edit person form, in a modal. What is typed is kept as text
//! ([`PersonDraft`]) and checked by the core; each problem is shown next to its field and nothing
//! is saved while one is shown.

use std::rc::Rc;

use yew::prelude::*;

use super::{role_name, set_org};
use crate::domain::org::people::{
    next_person_id, upsert_person, CapacityError, PersonDraft, PersonField, PersonProblem,
    MAX_CAPACITY_FTE,
};
use crate::domain::org::Person;
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::modal::Modal;
use crate::ui::state::use_workspace;
use crate::ui::views::customers::{event_value, Select};

/// Props of [`PersonForm`].
#[derive(Properties, PartialEq)]
pub struct PersonFormProps {
    /// The person edited; `None` adds one.
    pub person: Option<Rc<Person>>,
    /// Saved or cancelled.
    pub on_close: Callback<()>,
}

/// A problem in the user's language.
pub fn person_problem_text(i18n: &I18n, p: &PersonProblem) -> String {
    match p {
        PersonProblem::MissingName => i18n.t("team_admin.problem_name").to_string(),
        PersonProblem::MissingRole => i18n.t("team_admin.problem_role").to_string(),
        PersonProblem::UnknownRole(r) => i18n.tf("team_admin.problem_unknown_role", &[("role", r)]),
        PersonProblem::Capacity(CapacityError::NotANumber) => {
            i18n.t("team_admin.problem_capacity_nan").to_string()
        }
        PersonProblem::Capacity(CapacityError::OutOfRange) => i18n.tf(
            "team_admin.problem_capacity_range",
            &[("max", &MAX_CAPACITY_FTE.to_string())],
        ),
        PersonProblem::TooLong { max } => {
            i18n.tf("team_admin.problem_too_long", &[("max", &max.to_string())])
        }
    }
}

/// Which draft field an input edits.
type Setter = fn(&mut PersonDraft, String);

/// The form.
#[function_component(PersonForm)]
pub fn person_form(props: &PersonFormProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let draft = use_state(|| match props.person.as_deref() {
        Some(p) => PersonDraft::from_person(p),
        None => PersonDraft {
            role: ws
                .org
                .roles
                .first()
                .map(|r| r.id.clone())
                .unwrap_or_default(),
            capacity: "1".to_string(),
            ..PersonDraft::default()
        },
    });
    let tried = use_state(|| false);
    let refused = use_state(|| None::<String>);
    // Each refused save moves the focus to the first field with a message.
    let attempts = use_state(|| 0u32);
    let form_ref = use_node_ref();
    {
        let form_ref = form_ref.clone();
        use_effect_with(*attempts, move |n| {
            let field = form_ref
                .cast::<web_sys::Element>()
                .filter(|_| *n > 0)
                .and_then(|form| form.query_selector("[aria-invalid='true']").ok().flatten())
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
            if let Some(field) = field {
                let _ = field.focus();
            }
        });
    }
    let name_ref = use_node_ref();
    let base = props.person.as_deref().cloned().unwrap_or_else(|| Person {
        id: next_person_id(&ws.org),
        ..Person::default()
    });
    let built = draft.build(&ws.org, &base);
    let problems = match (&built, *tried) {
        (Err(p), true) => p.clone(),
        _ => Vec::new(),
    };
    let submit = {
        let handle = handle.clone();
        let tried = tried.clone();
        let attempts = attempts.clone();
        let refused = refused.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match &built {
                Ok(p) => {
                    let next = upsert_person(&handle.workspace().org, p.clone());
                    match set_org(&handle, &i18n, next) {
                        None => on_close.emit(()),
                        Some(m) => refused.set(Some(m)),
                    }
                }
                Err(_) => {
                    tried.set(true);
                    attempts.set(*attempts + 1);
                }
            }
        })
    };
    let setter = |set: Setter| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            set(&mut d, event_value(&e));
            draft.set(d);
        })
    };
    let error_of = |field: PersonField| {
        problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, p)| person_problem_text(&i18n, p))
    };
    let field = |field: PersonField,
                 id: &'static str,
                 label: &str,
                 value: &str,
                 set: Setter,
                 hint: Option<String>,
                 list: Option<&'static str>| {
        let error = error_of(field);
        let node_ref = if id == "pf-name" {
            name_ref.clone()
        } else {
            NodeRef::default()
        };
        let described = format!("{id}-msg");
        html! {
            <div class={classes!("ta-field", error.is_some().then_some("has-error"))}>
                <label for={id}>{ label.to_string() }</label>
                <input id={id} ref={node_ref} type="text" value={value.to_string()} oninput={setter(set)}
                       list={list} autocomplete="off" data-testid={id}
                       aria-invalid={error.is_some().then_some("true")} aria-describedby={described.clone()} />
                if let Some(e) = error {
                    <p id={described} class="ta-field-error" data-testid={format!("{id}-error")}>{ e }</p>
                } else if let Some(h) = hint {
                    <p id={described} class="ta-field-hint">{ h }</p>
                }
            </div>
        }
    };
    let d = &*draft;
    let role_options: Vec<(AttrValue, AttrValue)> = ws
        .org
        .roles
        .iter()
        .map(|r| (r.id.clone().into(), role_name(&i18n, r).to_string().into()))
        .collect();
    let on_role = {
        let draft = draft.clone();
        Callback::from(move |v: String| {
            let mut d = (*draft).clone();
            d.role = v;
            draft.set(d);
        })
    };
    let role_error = error_of(PersonField::Role);
    // The talent sources of the chosen role are offered; any text is accepted.
    let sources: Vec<(String, String)> = ws
        .talent
        .roles
        .iter()
        .filter(|r| r.role == d.role)
        .flat_map(|r| &r.sources)
        .map(|s| {
            let name = match i18n.lang {
                Lang::En => s.name_en.clone(),
                Lang::ZhCn => s.name_zh.clone(),
            };
            (s.id.clone(), name)
        })
        .collect();
    let title = if props.person.is_some() {
        i18n.t("team_admin.people_edit_title")
    } else {
        i18n.t("team_admin.people_add_title")
    };
    html! {
        <Modal labelledby="pf-title" testid="person-form" class="ta-form" on_close={props.on_close.clone()}
               onsubmit={submit} focus={name_ref.clone()} dialog_ref={form_ref.clone()}>
            <h2 id="pf-title" class="dialog-title">{ title }</h2>
            <datalist id="pf-sources">
                { for sources.iter().map(|(id, name)| html! { <option value={id.clone()} label={name.clone()} /> }) }
            </datalist>
            <div class="ta-form-grid">
                { field(PersonField::Name, "pf-name", i18n.t("team_admin.col_name"), &d.name, |d, v| d.name = v, None, None) }
                <div class={classes!("ta-field", role_error.is_some().then_some("has-error"))}>
                    <label for="pf-role">{ i18n.t("team_admin.col_role") }</label>
                    <Select id="pf-role" testid="pf-role" value={AttrValue::from(d.role.clone())}
                            options={role_options} onchange={on_role} invalid={role_error.is_some()} />
                    if let Some(e) = role_error {
                        <p class="ta-field-error">{ e }</p>
                    }
                </div>
                { field(PersonField::Level, "pf-level", i18n.t("team_admin.col_level"), &d.level, |d, v| d.level = v, None, None) }
                { field(PersonField::Capacity, "pf-capacity", i18n.t("team_admin.col_capacity"), &d.capacity, |d, v| d.capacity = v,
                        Some(i18n.t("team_admin.capacity_hint").to_string()), None) }
                { field(PersonField::Source, "pf-source", i18n.t("team_admin.col_source"), &d.source, |d, v| d.source = v, None, Some("pf-sources")) }
                { field(PersonField::Notes, "pf-notes", i18n.t("team_admin.col_notes"), &d.notes, |d, v| d.notes = v, None, None) }
            </div>
            if let Some(m) = &*refused {
                <p class="dialog-error" role="alert">{ m.clone() }</p>
            }
            <div class="dialog-actions">
                <button type="button" class="button" onclick={props.on_close.reform(|_| ())}
                        data-testid="pf-cancel">{ i18n.t("dialog.cancel") }</button>
                <button type="submit" class="button button-primary" data-testid="pf-save">{ i18n.t("team_admin.save") }</button>
            </div>
        </Modal>
    }
}

//! One cell of the staffing board (an account × a role): required against assigned FTE, who
//! gives it, its status; opened, it changes or removes an assignment and assigns someone new.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::domain::edit::Edit;
use crate::domain::org::board::{
    cell_status, format_fte, parse_fte, suggested_fte, with_assignment, with_assignment_fte,
    without_assignment, FteError,
};
use crate::domain::org::staffing::RoleNeed;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::messages::edit_error_text;
use crate::ui::state::use_workspace;

/// A person offered in the quick-assign list.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Person id.
    pub id: String,
    /// What the list shows: name, role when it is not the cell's, load %.
    pub label: String,
    /// True when the person's home role is the cell's role.
    pub same_role: bool,
}

/// One person's share of the cell, by name.
#[derive(Clone, Debug, PartialEq)]
pub struct Holder {
    /// Assignment id.
    pub assignment: String,
    /// Person name.
    pub name: String,
    /// FTE.
    pub fte: f64,
}

/// Props of [`Cell`].
#[derive(Properties, PartialEq)]
pub struct CellProps {
    /// Customer id of the account.
    pub account: AttrValue,
    /// Customer name (for labels).
    pub account_name: AttrValue,
    /// Role id.
    pub role: AttrValue,
    /// Role name (for labels).
    pub role_name: AttrValue,
    /// Required and assigned FTE.
    pub need: RoleNeed,
    /// Who gives it.
    pub holders: Vec<Holder>,
    /// Whether the editor is open.
    pub open: bool,
    /// The people offered, the cell's role first (only filled while open).
    pub candidates: Vec<Candidate>,
    /// Opens (`true`) or closes (`false`) this cell's editor.
    pub on_open: Callback<bool>,
}

/// The text of an FTE input error.
pub fn fte_error_text(i18n: &I18n, e: &FteError) -> String {
    match e {
        FteError::NotANumber => i18n.t("board.fte_not_a_number").to_string(),
        FteError::NotPositive => i18n.t("board.fte_not_positive").to_string(),
        FteError::TooLarge => i18n.tf(
            "board.fte_too_large",
            &[(
                "max",
                &format_fte(crate::domain::org::board::MAX_ASSIGNMENT_FTE),
            )],
        ),
    }
}

/// The cell.
#[function_component(Cell)]
pub fn cell(props: &CellProps) -> Html {
    let i18n = use_i18n();
    let status = cell_status(&props.need);
    let id = format!("{}-{}", props.account, props.role);
    let title = i18n.tf(
        &format!("board.cell_title_{}", status.key()),
        &[
            ("required", &format_fte(props.need.required)),
            ("assigned", &format_fte(props.need.assigned)),
            ("short", &format_fte(props.need.shortfall().abs())),
        ],
    );
    let toggle = {
        let on_open = props.on_open.clone();
        let open = props.open;
        Callback::from(move |_| on_open.emit(!open))
    };
    let edit_label = i18n.tf(
        "board.cell_edit_label",
        &[("account", &props.account_name), ("role", &props.role_name)],
    );
    html! {
        <td class={classes!("board-cell", format!("cell-{}", status.key()), props.open.then_some("is-open"))}
            data-status={status.key()} data-testid={format!("cell-{id}")} title={title}>
            <div class="cell-head">
                <span class="cell-figure" data-testid={format!("cell-figure-{id}")}>
                    { format_fte(props.need.assigned) }{ " / " }{ format_fte(props.need.required) }
                </span>
                <span class="cell-status">{ i18n.t(&format!("board.status_{}", status.key())) }</span>
                <button type="button" class="cell-edit" aria-expanded={props.open.to_string()}
                        aria-label={edit_label.clone()} title={edit_label}
                        data-testid={format!("cell-edit-{id}")} onclick={toggle}>
                    { if props.open { "×" } else { "+" } }
                </button>
            </div>
            if !props.holders.is_empty() {
                <ul class="cell-people">
                    { for props.holders.iter().map(|h| html! {
                        <li>{ h.name.clone() }{ " " }<span class="cell-fte">{ format_fte(h.fte) }</span></li>
                    }) }
                </ul>
            }
            if props.open {
                <Editor account={props.account.clone()} account_name={props.account_name.clone()}
                        role={props.role.clone()} role_name={props.role_name.clone()}
                        suggested={suggested_fte(&props.need)} holders={props.holders.clone()}
                        candidates={props.candidates.clone()} on_open={props.on_open.clone()} />
            }
        </td>
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    account: AttrValue,
    account_name: AttrValue,
    role: AttrValue,
    role_name: AttrValue,
    suggested: f64,
    holders: Vec<Holder>,
    candidates: Vec<Candidate>,
    on_open: Callback<bool>,
}

/// The open cell: the current assignments (FTE editable, removable) and the quick-assign form.
#[function_component(Editor)]
fn editor(props: &EditorProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let first = props
        .candidates
        .first()
        .map(|c| c.id.clone())
        .unwrap_or_default();
    let person = use_state(move || first);
    let suggested = props.suggested;
    let fte = use_state(move || format_fte(suggested));
    let error = use_state(|| None::<String>);

    let on_person = {
        let person = person.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            person.set(select.value());
        })
    };
    let on_fte = {
        let fte = fte.clone();
        let error = error.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            fte.set(input.value());
            error.set(None);
        })
    };
    let on_submit = {
        let handle = handle.clone();
        let person = person.clone();
        let fte = fte.clone();
        let error = error.clone();
        let account = props.account.to_string();
        let role = props.role.to_string();
        let on_open = props.on_open.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if person.is_empty() {
                error.set(Some(i18n.t("board.pick_person").to_string()));
                return;
            }
            let value = match parse_fte(&fte) {
                Ok(v) => v,
                Err(err) => {
                    error.set(Some(fte_error_text(&i18n, &err)));
                    return;
                }
            };
            let ws = handle.workspace();
            let next = with_assignment(&ws.org, &person, &account, &role, value);
            let edit = Edit::SetOrg(Box::new(next));
            if let Err(err) = handle.try_edit(edit) {
                error.set(Some(edit_error_text(&i18n, &err)));
                return;
            }
            on_open.emit(false);
        })
    };
    let (same, other): (Vec<&Candidate>, Vec<&Candidate>) =
        props.candidates.iter().partition(|c| c.same_role);
    let option = |c: &Candidate| {
        html! { <option value={c.id.clone()} selected={*person == c.id}>{ c.label.clone() }</option> }
    };
    let close = {
        let on_open = props.on_open.clone();
        Callback::from(move |_| on_open.emit(false))
    };
    let on_key = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_open.emit(false);
            }
        })
    };
    html! {
        <div class="cell-editor" role="group" onkeydown={on_key} data-testid="cell-editor"
             aria-label={i18n.tf("board.cell_edit_label", &[("account", &props.account_name), ("role", &props.role_name)])}>
            if !props.holders.is_empty() {
                <ul class="cell-holders">
                    { for props.holders.iter().map(|h| html! {
                        <HolderLine key={format!("{}|{}", h.assignment, h.fte)} holder={h.clone()} />
                    }) }
                </ul>
            }
            <form class="assign-form" onsubmit={on_submit}>
                <label>
                    <span>{ i18n.t("board.assign_person") }</span>
                    <select data-testid="assign-person" onchange={on_person}>
                        if props.candidates.is_empty() {
                            <option value="" selected=true>{ i18n.t("board.no_people_short") }</option>
                        }
                        if !same.is_empty() {
                            <optgroup label={props.role_name.clone()}>
                                { for same.iter().map(|c| option(c)) }
                            </optgroup>
                        }
                        if !other.is_empty() {
                            <optgroup label={i18n.t("board.other_roles").to_string()}>
                                { for other.iter().map(|c| option(c)) }
                            </optgroup>
                        }
                    </select>
                </label>
                <label>
                    <span>{ i18n.t("board.assign_fte") }</span>
                    <input type="text" inputmode="decimal" class="fte-input" value={(*fte).clone()}
                           aria-invalid={error.is_some().to_string()}
                           oninput={on_fte} data-testid="assign-fte" />
                </label>
                <button type="submit" class="button button-primary" data-testid="assign-confirm">
                    { i18n.t("board.assign") }
                </button>
                <button type="button" class="button" onclick={close}>{ i18n.t("board.close") }</button>
                <p class="form-error" role="alert" data-testid="assign-error">{ (*error).clone().unwrap_or_default() }</p>
            </form>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct HolderLineProps {
    holder: Holder,
}

/// One assignment in the open cell: its FTE (applied on change) and a remove button.
#[function_component(HolderLine)]
fn holder_line(props: &HolderLineProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let initial = format_fte(props.holder.fte);
    let text = use_state(move || initial);
    let error = use_state(|| None::<String>);
    let id = props.holder.assignment.clone();
    let on_input = {
        let text = text.clone();
        let error = error.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            text.set(input.value());
            error.set(None);
        })
    };
    let on_change = {
        let handle = handle.clone();
        let error = error.clone();
        let id = id.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let value = match parse_fte(&input.value()) {
                Ok(v) => v,
                Err(err) => {
                    error.set(Some(fte_error_text(&i18n, &err)));
                    return;
                }
            };
            let ws = handle.workspace();
            if let Some(next) = with_assignment_fte(&ws.org, &id, value) {
                handle.edit(Edit::SetOrg(Box::new(next)));
            }
        })
    };
    let on_remove = {
        let handle = handle.clone();
        let id = id.clone();
        Callback::from(move |_| {
            let ws = handle.workspace();
            if let Some(next) = without_assignment(&ws.org, &id) {
                handle.edit(Edit::SetOrg(Box::new(next)));
            }
        })
    };
    let name = props.holder.name.clone();
    html! {
        <li class="holder-line" data-assignment={id.clone()}>
            <label>
                <span>{ name.clone() }</span>
                <input type="text" inputmode="decimal" class="fte-input" value={(*text).clone()}
                       aria-label={i18n.tf("board.holder_fte_label", &[("name", &name)])}
                       aria-invalid={error.is_some().to_string()}
                       oninput={on_input} onchange={on_change} data-testid={format!("holder-fte-{id}")} />
            </label>
            <button type="button" class="button icon" onclick={on_remove}
                    aria-label={i18n.tf("board.holder_remove_label", &[("name", &name)])}
                    data-testid={format!("holder-remove-{id}")}>{ "×" }</button>
            if let Some(e) = (*error).clone() {
                <p class="form-error" role="alert" data-testid={format!("holder-error-{id}")}>{ e }</p>
            }
        </li>
    }
}

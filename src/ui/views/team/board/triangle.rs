//! The triangle type of a board row, why it is that type, and the control that sets it by hand
//! with a reason (one override per customer) or clears the override.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::words::triangle_name;
use crate::domain::edit::Edit;
use crate::domain::org::board::{with_triangle_override, OverrideError};
use crate::domain::org::TriangleType;
use crate::ui::i18n::use_i18n;
use crate::ui::messages::edit_error_text;
use crate::ui::state::use_workspace;

/// Props of [`TriangleControl`].
#[derive(Properties, PartialEq)]
pub struct TriangleControlProps {
    /// Customer id.
    pub customer: AttrValue,
    /// Customer name (for labels).
    pub customer_name: AttrValue,
    /// The type in force.
    pub triangle: TriangleType,
    /// Why, in words.
    pub why: AttrValue,
    /// The reason of the override, when the type is set by hand.
    pub override_reason: Option<AttrValue>,
    /// Whether the override form is open.
    pub open: bool,
    /// Opens (`true`) or closes (`false`) the form.
    pub on_open: Callback<bool>,
}

/// The type, its reason, and the override form.
#[function_component(TriangleControl)]
pub fn triangle_control(props: &TriangleControlProps) -> Html {
    let i18n = use_i18n();
    let toggle = {
        let on_open = props.on_open.clone();
        let open = props.open;
        Callback::from(move |_| on_open.emit(!open))
    };
    let id = props.customer.to_string();
    html! {
        <div class="board-triangle">
            <span class={classes!("triangle-badge", format!("triangle-{}", props.triangle.key()))}
                  data-testid={format!("triangle-{id}")}>
                { triangle_name(&i18n, props.triangle) }
                if props.override_reason.is_some() { <span class="triangle-hand">{ i18n.t("board.by_hand") }</span> }
            </span>
            <button type="button" class="link-button" aria-expanded={props.open.to_string()}
                    data-testid={format!("triangle-edit-{id}")} onclick={toggle}
                    aria-label={i18n.tf("board.triangle_edit_label", &[("account", &props.customer_name)])}>
                { i18n.t("board.triangle_change") }
            </button>
            <div class="triangle-why muted">{ props.why.clone() }</div>
            if props.open {
                <OverrideForm customer={props.customer.clone()} triangle={props.triangle}
                              reason={props.override_reason.clone().unwrap_or_default()}
                              has_override={props.override_reason.is_some()} on_open={props.on_open.clone()} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct OverrideFormProps {
    customer: AttrValue,
    triangle: TriangleType,
    reason: AttrValue,
    has_override: bool,
    on_open: Callback<bool>,
}

#[function_component(OverrideForm)]
fn override_form(props: &OverrideFormProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let initial = props.triangle;
    let triangle = use_state(move || initial);
    let reason_initial = props.reason.to_string();
    let reason = use_state(move || reason_initial);
    let error = use_state(|| None::<String>);

    let dispatch = {
        let handle = handle.clone();
        let error = error.clone();
        let customer = props.customer.to_string();
        let on_open = props.on_open.clone();
        move |value: Option<(TriangleType, &str)>| {
            let ws = handle.workspace();
            let next = match with_triangle_override(&ws.org, &customer, value) {
                Ok(next) => next,
                Err(OverrideError::MissingReason) => {
                    error.set(Some(i18n.t("board.override_needs_reason").to_string()));
                    return;
                }
            };
            let edit = Edit::SetOrg(Box::new(next));
            if let Err(err) = handle.try_edit(edit) {
                error.set(Some(edit_error_text(&i18n, &err)));
                return;
            }
            on_open.emit(false);
        }
    };
    let on_submit = {
        let dispatch = dispatch.clone();
        let triangle = triangle.clone();
        let reason = reason.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch(Some((*triangle, reason.as_str())));
        })
    };
    let on_clear = Callback::from(move |_| dispatch(None));
    let on_type = {
        let triangle = triangle.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(t) = TriangleType::ALL
                .into_iter()
                .find(|t| t.key() == select.value())
            {
                triangle.set(t);
            }
        })
    };
    let on_reason = {
        let reason = reason.clone();
        let error = error.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            reason.set(input.value());
            error.set(None);
        })
    };
    let close = {
        let on_open = props.on_open.clone();
        Callback::from(move |_| on_open.emit(false))
    };
    html! {
        <form class="override-form" onsubmit={on_submit} data-testid="override-form">
            <label>
                <span>{ i18n.t("board.override_type") }</span>
                <select onchange={on_type} data-testid="override-type">
                    { for TriangleType::ALL.iter().map(|t| html! {
                        <option value={t.key()} selected={*triangle == *t}>{ triangle_name(&i18n, *t) }</option>
                    }) }
                </select>
            </label>
            <label>
                <span>{ i18n.t("board.override_reason") }</span>
                <input type="text" value={(*reason).clone()} oninput={on_reason} data-testid="override-reason"
                       aria-invalid={error.is_some().to_string()} />
            </label>
            <div class="override-actions">
                <button type="submit" class="button button-primary" data-testid="override-save">{ i18n.t("board.override_save") }</button>
                if props.has_override {
                    <button type="button" class="button" onclick={on_clear} data-testid="override-clear">{ i18n.t("board.override_clear") }</button>
                }
                <button type="button" class="button" onclick={close}>{ i18n.t("board.close") }</button>
            </div>
            <p class="form-error" role="alert" data-testid="override-error">{ (*error).clone().unwrap_or_default() }</p>
        </form>
    }
}

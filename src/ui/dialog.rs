//! A modal dialog: a confirmation, or a prompt with one text field validated before it closes.
//! Focus trap, Esc and the return of focus are [`Modal`]'s.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::i18n::use_i18n;
use super::modal::Modal;

/// Props of [`Dialog`].
#[derive(Properties, PartialEq)]
pub struct DialogProps {
    /// Heading.
    pub title: AttrValue,
    /// Explanatory text.
    #[prop_or_default]
    pub body: Option<AttrValue>,
    /// When set, the dialog asks for a text, starting with this value.
    #[prop_or_default]
    pub input: Option<AttrValue>,
    /// Label of the text field.
    #[prop_or_default]
    pub input_label: Option<AttrValue>,
    /// Label of the confirm button.
    pub confirm_label: AttrValue,
    /// Style the confirm button as destructive.
    #[prop_or_default]
    pub danger: bool,
    /// Checks the text; returns a message to show, or `None` when it is fine.
    #[prop_or_default]
    pub validate: Option<Callback<String, Option<String>>>,
    /// Confirmed, with the text (empty for confirmations).
    pub on_confirm: Callback<String>,
    /// Cancelled.
    pub on_cancel: Callback<()>,
}

/// A modal dialog.
#[function_component(Dialog)]
pub fn dialog(props: &DialogProps) -> Html {
    let i18n = use_i18n();
    let value = use_state(|| {
        props
            .input
            .as_ref()
            .map(|v| v.to_string())
            .unwrap_or_default()
    });
    let error = use_state(|| None::<String>);
    let input_ref = use_node_ref();
    let confirm_ref = use_node_ref();

    // A prompt opens on its text, selected; a confirmation on its confirm button.
    {
        let input_ref = input_ref.clone();
        use_effect_with((), move |_| {
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                input.select();
            }
        });
    }
    let focus = if props.input.is_some() {
        input_ref.clone()
    } else {
        confirm_ref.clone()
    };

    let submit = {
        let value = value.clone();
        let error = error.clone();
        let validate = props.validate.clone();
        let on_confirm = props.on_confirm.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = (*value).clone();
            if let Some(message) = validate.as_ref().and_then(|v| v.emit(text.clone())) {
                error.set(Some(message));
                return;
            }
            on_confirm.emit(text);
        })
    };
    let on_input = {
        let value = value.clone();
        let error = error.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            value.set(input.value());
            error.set(None);
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_| on_cancel.emit(()))
    };

    html! {
        <Modal labelledby="dialog-title" testid="dialog" on_close={props.on_cancel.clone()}
               onsubmit={submit} {focus}>
                <h2 id="dialog-title" class="dialog-title">{ props.title.clone() }</h2>
                if let Some(body) = &props.body {
                    <p class="dialog-body">{ body.clone() }</p>
                }
                if props.input.is_some() {
                    <label class="dialog-field">
                        <span>{ props.input_label.clone().unwrap_or_default() }</span>
                        <input ref={input_ref} type="text" value={(*value).clone()}
                               oninput={on_input} data-testid="dialog-input"
                               aria-invalid={error.is_some().then_some("true")}
                               aria-describedby="dialog-error" />
                    </label>
                }
                <p id="dialog-error" class="dialog-error" role="alert">
                    { (*error).clone().unwrap_or_default() }
                </p>
                <div class="dialog-actions">
                    <button type="button" class="button" onclick={cancel}
                            data-testid="dialog-cancel">{ i18n.t("dialog.cancel") }</button>
                    <button ref={confirm_ref} type="submit"
                            class={classes!("button", if props.danger { "button-danger" } else { "button-primary" })}
                            data-testid="dialog-confirm">{ props.confirm_label.clone() }</button>
                </div>
        </Modal>
    }
}

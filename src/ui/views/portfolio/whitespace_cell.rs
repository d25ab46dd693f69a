//! The dialog that edits one whitespace cell: its status and the figure the status counts
//! (revenue when sold, potential when open or in pursuit). What is typed is read by the core
//! (`300万`, `1.2亿`, `12M`); a field that does not read is named in a message next to it and
//! nothing is saved. Reset removes a filled-in cell, so the pair gets its default status back.

use yew::prelude::*;

use super::whitespace_matrix::status_name;
use crate::domain::portfolio::whitespace_table::{
    amount_text, build_cell, AmountError, AmountField, Pair,
};
use crate::domain::portfolio::{CellStatus, WhitespaceCell};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::modal::Modal;
use crate::ui::views::customers::event_value;

/// Props of [`CellDialog`].
#[derive(Properties, PartialEq)]
pub struct CellDialogProps {
    /// Customer id of the account.
    pub account: AttrValue,
    /// Its name.
    pub account_name: AttrValue,
    /// Business line id.
    pub line: AttrValue,
    /// Its name.
    pub line_name: AttrValue,
    /// Where the pair stands now.
    pub pair: Pair,
    /// The status of the pair without a cell.
    pub default_status: CellStatus,
    /// Save (`Some`: insert or replace the cell) or reset (`None`: remove it).
    pub on_save: Callback<Option<WhitespaceCell>>,
    /// Cancelled.
    pub on_close: Callback<()>,
}

/// The message of a refused amount, naming the field.
fn amount_error_text(i18n: &I18n, field: AmountField, e: AmountError) -> String {
    let name = i18n
        .t(&format!("whitespace.field_{}", field.key()))
        .to_string();
    let key = match e {
        AmountError::NotANumber => "whitespace.error_not_a_number",
        AmountError::Negative => "whitespace.error_negative",
        AmountError::TooLarge => "whitespace.error_too_large",
    };
    i18n.tf(key, &[("field", &name)])
}

/// The dialog.
#[function_component(CellDialog)]
pub fn cell_dialog(props: &CellDialogProps) -> Html {
    let i18n = use_i18n();
    let locale = i18n.lang.number_locale();
    let status = use_state(|| props.pair.status);
    let revenue = use_state(|| amount_text(props.pair.revenue, locale));
    let potential = use_state(|| amount_text(props.pair.potential, locale));
    let errors = use_state(Vec::<(AmountField, AmountError)>::new);

    let on_status = {
        let status = status.clone();
        let errors = errors.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = CellStatus::from_key(&event_value(&e)) {
                status.set(s);
                errors.set(Vec::new());
            }
        })
    };
    let on_submit = {
        let (status, revenue, potential, errors) = (
            status.clone(),
            revenue.clone(),
            potential.clone(),
            errors.clone(),
        );
        let (account, line) = (props.account.clone(), props.line.clone());
        let on_save = props.on_save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match build_cell(&account, &line, *status, &revenue, &potential) {
                Ok(cell) => on_save.emit(Some(cell)),
                Err(found) => errors.set(found),
            }
        })
    };
    let on_reset = props.on_save.reform(|_: MouseEvent| None);
    let amount = |field: AmountField, value: &UseStateHandle<String>| {
        if !field.applies(*status) {
            return html! {};
        }
        let id = format!("ws-cell-{}", field.key());
        let message = format!("{id}-msg");
        let error = errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(f, e)| amount_error_text(&i18n, *f, *e));
        let oninput = {
            let value = value.clone();
            let errors = errors.clone();
            Callback::from(move |e: InputEvent| {
                value.set(event_value(&e));
                errors.set(
                    errors
                        .iter()
                        .copied()
                        .filter(|(f, _)| *f != field)
                        .collect(),
                );
            })
        };
        html! {
            <div class={classes!("dialog-field", "ws-dialog-field", error.is_some().then_some("has-error"))}>
                <label for={id.clone()}>{ i18n.t(&format!("whitespace.field_{}", field.key())).to_string() }</label>
                <input id={id.clone()} type="text" value={(**value).clone()} {oninput} autocomplete="off"
                       aria-invalid={error.is_some().then_some("true")} aria-describedby={message.clone()}
                       data-testid={id.clone()} />
                if let Some(e) = error {
                    <p id={message} class="dialog-error" role="alert" data-testid={format!("{id}-error")}>{ e }</p>
                } else {
                    <p id={message} class="muted ws-hint">{ i18n.t("whitespace.amount_hint") }</p>
                }
            </div>
        }
    };
    let note = if props.pair.stored {
        i18n.tf(
            "whitespace.dialog_stored",
            &[("status", &status_name(&i18n, props.default_status))],
        )
    } else {
        i18n.tf(
            "whitespace.dialog_default",
            &[("status", &status_name(&i18n, props.default_status))],
        )
    };
    let title = i18n.tf(
        "whitespace.dialog_title",
        &[("account", &props.account_name), ("line", &props.line_name)],
    );
    html! {
        <Modal labelledby="ws-dialog-title" testid="ws-cell-dialog" class="ws-dialog" on_close={props.on_close.clone()}>
            <form onsubmit={on_submit} novalidate={true}>
                <h2 id="ws-dialog-title" class="dialog-title">{ title }</h2>
                <p class="dialog-body" data-testid="ws-cell-note">{ note }</p>
                <div class="dialog-field ws-dialog-field">
                    <label for="ws-cell-status">{ i18n.t("whitespace.field_status") }</label>
                    <select id="ws-cell-status" onchange={on_status} data-testid="ws-cell-status">
                        { for CellStatus::ALL.iter().map(|s| html! {
                            <option value={s.key()} selected={*s == *status}>{ status_name(&i18n, *s) }</option>
                        }) }
                    </select>
                </div>
                { amount(AmountField::Revenue, &revenue) }
                { amount(AmountField::Potential, &potential) }
                if *status == CellStatus::NotRelevant {
                    <p class="muted ws-hint">{ i18n.t("whitespace.no_figures") }</p>
                }
                <div class="dialog-actions">
                    if props.pair.stored {
                        <button type="button" class="button ws-reset" onclick={on_reset} data-testid="ws-cell-reset">
                            { i18n.t("whitespace.reset") }
                        </button>
                    }
                    <button type="button" class="button" onclick={props.on_close.reform(|_: MouseEvent| ())}
                            data-testid="ws-cell-cancel">{ i18n.t("dialog.cancel") }</button>
                    <button type="submit" class="button button-primary" data-testid="ws-cell-save">{ i18n.t("whitespace.save") }</button>
                </div>
            </form>
        </Modal>
    }
}

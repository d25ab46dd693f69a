//! The quick "record a collection" (登记回款) dialog of one milestone: the amount (the whole
//! outstanding to start with) and the date (the reference date), saved as one contract edit.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::draft::{amount_text, parse_amount, record_collection};
use super::list::kind_name;
use crate::domain::dates::{day_number, iso_from_days};
use crate::domain::ltc::cash::{self, Due};
use crate::domain::ltc::Contract;
use crate::ui::i18n::use_i18n;
use crate::ui::modal::Modal;

/// Props of [`CollectForm`].
#[derive(Properties, PartialEq)]
pub struct CollectProps {
    /// The contract.
    pub contract: Rc<Contract>,
    /// The milestone's position.
    pub index: usize,
    /// The reference date, `YYYY-MM-DD`.
    pub today: AttrValue,
    /// The contract with the collection recorded.
    pub on_save: Callback<Contract>,
    /// Closed without a change.
    pub on_close: Callback<()>,
}

/// The dialog.
#[function_component(CollectForm)]
pub fn collect_form(props: &CollectProps) -> Html {
    let i18n = use_i18n();
    let c = &props.contract;
    let m = c.milestones.get(props.index);
    let left = m.map_or(0.0, |m| cash::outstanding(c, m));
    let amount = use_state(|| amount_text(left));
    let date = use_state(|| props.today.to_string());
    let error = use_state(|| None::<String>);
    let Some(m) = m else {
        return html! {};
    };
    let due = match cash::due(c, m) {
        Due::Day(d) => iso_from_days(d),
        Due::Waiting(_) => i18n.t("ltc_contracts.waiting").to_string(),
    };
    let onsubmit = {
        let (amount, date, error) = (amount.clone(), date.clone(), error.clone());
        let (contract, index, on_save) =
            (props.contract.clone(), props.index, props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = parse_amount(&amount).filter(|v| *v > 0.0);
            let day = date.trim().to_string();
            match (value, day_number(&day)) {
                (None, _) => {
                    error.set(Some(i18n.t("ltc_contracts.err_collect_amount").to_string()))
                }
                (_, None) => error.set(Some(i18n.t("ltc_contracts.err_date").to_string())),
                (Some(v), Some(_)) => {
                    if let Some(next) = record_collection(&contract, index, v, &day) {
                        on_save.emit(next);
                    }
                }
            }
        })
    };
    let input = |state: &UseStateHandle<String>| {
        let (state, error) = (state.clone(), error.clone());
        Callback::from(move |e: InputEvent| {
            state.set(e.target_unchecked_into::<HtmlInputElement>().value());
            error.set(None);
        })
    };
    html! {
        <Modal labelledby="ltc-collect-title" testid="ltc-collect" class="ltc-c-collect-dialog" on_close={props.on_close.clone()}>
            <form {onsubmit} novalidate=true>
                <h2 id="ltc-collect-title" class="dialog-title">{ i18n.t("ltc_contracts.collect_title") }</h2>
                <p class="dialog-body" data-testid="ltc-collect-what">
                    { i18n.tf("ltc_contracts.collect_body", &[
                        ("contract", &c.name),
                        ("kind", kind_name(&i18n, m.kind)),
                        ("amount", &super::summary::full(cash::amount(c, m))),
                        ("collected", &super::summary::full(m.collected)),
                        ("due", &due),
                    ]) }
                </p>
                <div class="ltc-c-form-grid">
                    <div class="ltc-c-field">
                        <label for="ltc-collect-amount">{ i18n.t("ltc_contracts.collect_amount") }</label>
                        <input id="ltc-collect-amount" type="text" value={(*amount).clone()} oninput={input(&amount)}
                               autocomplete="off" data-testid="ltc-collect-amount"
                               aria-invalid={error.is_some().then_some("true")} aria-describedby="ltc-collect-error" />
                        <p class="ltc-c-hint">{ i18n.t("ltc_contracts.amount_hint") }</p>
                    </div>
                    <div class="ltc-c-field">
                        <label for="ltc-collect-date">{ i18n.t("ltc_contracts.collect_date") }</label>
                        <input id="ltc-collect-date" type="date" value={(*date).clone()} oninput={input(&date)}
                               data-testid="ltc-collect-date" />
                    </div>
                </div>
                <p id="ltc-collect-error" class="dialog-error" role="alert">{ (*error).clone().unwrap_or_default() }</p>
                <div class="dialog-actions">
                    <button type="button" class="button" onclick={props.on_close.reform(|_| ())}
                            data-testid="ltc-collect-cancel">{ i18n.t("ltc_contracts.cancel") }</button>
                    <button type="submit" class="button button-primary" data-testid="ltc-collect-save">
                        { i18n.t("ltc_contracts.collect_save") }</button>
                </div>
            </form>
        </Modal>
    }
}

//! The add / edit customer form, in a modal. What is typed is kept as text
//! ([`CustomerDraft`]) and turned into a customer by the core, which reports every bad field;
//! the messages appear next to their fields and nothing is saved while one is shown. The purchase
//! history is not edited here and is kept as it is.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::customers::{event_value, Select, Shared, Sheet};
use crate::domain::customers::{CustomerDraft, CustomerField, FieldProblem, Problem};
use crate::domain::edit::Edit;
use crate::domain::workspace::Customer;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::library::new_id;
use crate::ui::modal::Modal;
use crate::ui::state::use_workspace;

/// Props of [`CustomerForm`].
#[derive(Properties, PartialEq)]
pub struct CustomerFormProps {
    /// The customer edited; `None` adds a new one.
    pub customer: Option<Rc<Customer>>,
    /// The current document's table data (its industries and regions are offered as suggestions).
    pub sheet: Shared<Sheet>,
    /// Saved or cancelled.
    pub on_close: Callback<()>,
}

/// A problem in the user's language.
pub fn problem_text(i18n: &I18n, p: &FieldProblem) -> String {
    let percent = matches!(
        p.field,
        CustomerField::GrossMarginPct | CustomerField::GrowthPct
    );
    match &p.problem {
        Problem::Required if p.field == CustomerField::Name => {
            i18n.t("customers.problem.required_name").to_string()
        }
        Problem::Required => i18n.t("customers.problem.required_reason").to_string(),
        Problem::NotANumber(text) if percent => {
            i18n.tf("customers.problem.not_a_percent", &[("text", text)])
        }
        Problem::NotANumber(text) => i18n.tf("customers.problem.not_a_number", &[("text", text)]),
        Problem::NotAWholeNumber(text) => i18n.tf("customers.problem.not_whole", &[("text", text)]),
        Problem::NotFinite => i18n.t("customers.problem.not_finite").to_string(),
        Problem::Negative => i18n.t("customers.problem.negative").to_string(),
        Problem::OutOfRange { min, max } if max.is_finite() => i18n.tf(
            "customers.problem.range",
            &[("min", &format!("{min}%")), ("max", &format!("{max}%"))],
        ),
        Problem::OutOfRange { min, .. } => {
            i18n.tf("customers.problem.min", &[("min", &format!("{min}%"))])
        }
        Problem::UnknownIndustryLine(line) => {
            i18n.tf("customers.problem.unknown_line", &[("line", line)])
        }
        Problem::ZeroRank => i18n.t("customers.problem.zero_rank").to_string(),
        Problem::DuplicateYears(years) => {
            let years: Vec<String> = years.iter().map(i32::to_string).collect();
            i18n.tf(
                "customers.problem.duplicate_years",
                &[("years", &years.join(", "))],
            )
        }
    }
}

/// Which draft field an input edits.
type Setter = fn(&mut CustomerDraft, String);

/// The customer form.
#[function_component(CustomerForm)]
pub fn customer_form(props: &CustomerFormProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let draft = use_state(|| {
        props
            .customer
            .as_deref()
            .map(CustomerDraft::from_customer)
            .unwrap_or_default()
    });
    // Messages appear after the first save attempt, then follow every change.
    let tried = use_state(|| false);
    // Each refused save moves the focus to the first field with a message.
    let refused = use_state(|| 0u32);
    let form_ref = use_node_ref();
    {
        let form_ref = form_ref.clone();
        use_effect_with(*refused, move |n| {
            let field = form_ref
                .cast::<web_sys::Element>()
                .filter(|_| *n > 0)
                .and_then(|form| form.query_selector("[aria-invalid='true']").ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(field) = field {
                let _ = field.focus();
            }
        });
    }
    let name_ref = use_node_ref();

    let new_customer_id = use_memo((), |_| new_id("c"));
    let base = props
        .customer
        .as_deref()
        .cloned()
        .unwrap_or_else(|| Customer {
            id: (*new_customer_id).clone(),
            ..Customer::default()
        });
    let built = draft.build(&base, &ws.industry_lines);
    let problems: Vec<FieldProblem> = match (&built, *tried) {
        (Err(p), true) => p.clone(),
        _ => Vec::new(),
    };

    let submit = {
        let handle = handle.clone();
        let tried = tried.clone();
        let refused = refused.clone();
        let on_close = props.on_close.clone();
        let built = built.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match &built {
                Ok(c) => {
                    handle.edit(Edit::UpsertCustomer(Box::new(c.clone())));
                    on_close.emit(());
                }
                Err(_) => {
                    tried.set(true);
                    refused.set(*refused + 1);
                }
            }
        })
    };
    let cancel = props.on_close.reform(|_: MouseEvent| ());
    let setter = |set: Setter| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            set(&mut d, event_value(&e));
            draft.set(d);
        })
    };
    let chooser = |set: Setter| {
        let draft = draft.clone();
        Callback::from(move |v: String| {
            let mut d = (*draft).clone();
            set(&mut d, v);
            draft.set(d);
        })
    };
    let flag = |set: fn(&mut CustomerDraft, bool)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut d = (*draft).clone();
            set(&mut d, input.checked());
            draft.set(d);
        })
    };

    let error_of = |field: CustomerField| problems.iter().find(|p| p.field == field);
    // One labelled text field with its message.
    let text = |field: Option<CustomerField>,
                id: &'static str,
                label: &str,
                hint: Option<&str>,
                value: &str,
                set: Setter,
                list: Option<&'static str>| {
        let error = field.and_then(error_of);
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        let described = match (error.is_some(), hint.is_some()) {
            (true, _) => Some(error_id.clone()),
            (false, true) => Some(hint_id.clone()),
            _ => None,
        };
        let node_ref = if id == "cf-name" {
            name_ref.clone()
        } else {
            NodeRef::default()
        };
        html! {
            <div class={classes!("cust-form-field", error.is_some().then_some("has-error"))}>
                <label for={id}>{ label.to_string() }</label>
                <input id={id} ref={node_ref} type="text" value={value.to_string()} oninput={setter(set)}
                       list={list} autocomplete="off" data-testid={format!("form-{}", &id[3..])}
                       aria-invalid={error.is_some().then_some("true")} aria-describedby={described} />
                if let Some(p) = error {
                    <p id={error_id} class="cust-field-error" data-testid={format!("form-{}-error", &id[3..])}>
                        { problem_text(&i18n, p) }</p>
                } else if let Some(h) = hint {
                    <p id={hint_id} class="cust-field-hint">{ h.to_string() }</p>
                }
            </div>
        }
    };
    let amount_hint = Some(i18n.t("customers.form_amount_hint"));
    let d = &*draft;
    let sheet = &props.sheet.0;
    let line_error = error_of(CustomerField::IndustryLine);
    let mut lines: Vec<String> = ws.industry_lines.clone();
    if !d.industry_line.trim().is_empty() && !lines.contains(&d.industry_line) {
        lines.push(d.industry_line.clone());
    }
    let line_options: Vec<(AttrValue, AttrValue)> = std::iter::once((
        AttrValue::default(),
        i18n.t("customers.form_no_line").into(),
    ))
    .chain(lines.iter().map(|l| (l.clone().into(), l.clone().into())))
    .collect();
    let tier_options: Vec<(AttrValue, AttrValue)> = std::iter::once((
        AttrValue::default(),
        i18n.t("customers.form_no_override").into(),
    ))
    .chain(
        ws.tiering
            .tiers
            .iter()
            .map(|t| (t.id.clone().into(), i18n.tier_name(t).to_string().into())),
    )
    .collect();
    let reason_error = error_of(CustomerField::TierOverride);
    let history = props.customer.as_ref().map_or(0, |c| c.history.len());
    let form_error = match problems.len() {
        0 => String::new(),
        n => i18n.tf("customers.form_fix", &[("n", &n.to_string())]),
    };

    html! {
        <Modal labelledby="cust-form-title" testid="customer-form" class="cust-form" on_close={props.on_close.clone()}
               onsubmit={submit} focus={name_ref.clone()} dialog_ref={form_ref.clone()}>
            <h2 id="cust-form-title" class="dialog-title">
                { if props.customer.is_some() { i18n.t("customers.form_edit_title") } else { i18n.t("customers.form_add_title") } }
            </h2>
            <datalist id="cust-industries">
                { for sheet.facets.industries.iter().map(|v| html! { <option value={v.clone()} /> }) }
            </datalist>
            <datalist id="cust-regions">
                { for sheet.facets.regions.iter().map(|v| html! { <option value={v.clone()} /> }) }
            </datalist>
            <fieldset class="cust-form-section">
                <legend>{ i18n.t("customers.form_section_profile") }</legend>
                <div class="cust-form-grid">
                    { text(Some(CustomerField::Name), "cf-name", i18n.t("customers.form_name"), None, &d.name, |d, v| d.name = v, None) }
                    { text(None, "cf-industry", i18n.t("customers.form_industry"), None, &d.industry, |d, v| d.industry = v, Some("cust-industries")) }
                    <div class={classes!("cust-form-field", line_error.is_some().then_some("has-error"))}>
                        <label for="cf-industry-line">{ i18n.t("customers.form_industry_line") }</label>
                        <Select id="cf-industry-line" testid="form-industry-line" value={d.industry_line.clone()}
                                options={line_options} onchange={chooser(|d, v| d.industry_line = v)}
                                invalid={line_error.is_some()} />
                        if let Some(p) = line_error {
                            <p class="cust-field-error">{ problem_text(&i18n, p) }</p>
                        }
                    </div>
                    { text(None, "cf-region", i18n.t("customers.form_region"), None, &d.region, |d, v| d.region = v, Some("cust-regions")) }
                    { text(None, "cf-tags", i18n.t("customers.form_tags"), Some(i18n.t("customers.form_tags_hint")), &d.tags, |d, v| d.tags = v, None) }
                    { text(Some(CustomerField::YearsOfCooperation), "cf-years", i18n.t("customers.form_years"), None, &d.years_of_cooperation, |d, v| d.years_of_cooperation = v, None) }
                </div>
            </fieldset>
            <fieldset class="cust-form-section">
                <legend>{ i18n.t("customers.form_section_figures") }</legend>
                <div class="cust-form-grid">
                    { text(Some(CustomerField::AnnualPurchase), "cf-annual-purchase", i18n.t("customers.form_annual_purchase"), amount_hint, &d.annual_purchase, |d, v| d.annual_purchase = v, None) }
                    { text(Some(CustomerField::Revenue), "cf-revenue", i18n.t("customers.form_revenue"), amount_hint, &d.revenue, |d, v| d.revenue = v, None) }
                    { text(Some(CustomerField::GrossMarginPct), "cf-gross-margin", i18n.t("customers.form_gross_margin"), None, &d.gross_margin_pct, |d, v| d.gross_margin_pct = v, None) }
                    { text(Some(CustomerField::Wallet), "cf-wallet", i18n.t("customers.form_wallet"), Some(i18n.t("customers.form_wallet_hint")), &d.wallet, |d, v| d.wallet = v, None) }
                    { text(Some(CustomerField::GrowthPct), "cf-growth", i18n.t("customers.form_growth"), Some(i18n.t("customers.form_growth_hint")), &d.growth_pct, |d, v| d.growth_pct = v, None) }
                    { text(Some(CustomerField::IndustryRank), "cf-industry-rank", i18n.t("customers.form_industry_rank"), None, &d.industry_rank, |d, v| d.industry_rank = v, None) }
                </div>
                <div class="cust-form-checks">
                    <label>
                        <input type="checkbox" checked={d.on_named_list} data-testid="form-named-list"
                               onchange={flag(|d, v| d.on_named_list = v)} />
                        { i18n.t("customers.form_named_list") }
                    </label>
                    <label>
                        <input type="checkbox" checked={d.repeat_purchase} data-testid="form-repeat"
                               onchange={flag(|d, v| d.repeat_purchase = v)} />
                        { i18n.t("customers.form_repeat") }
                    </label>
                </div>
                if let Some(p) = error_of(CustomerField::History) {
                    <p class="cust-field-error">{ problem_text(&i18n, p) }</p>
                }
                if history > 0 {
                    <p class="cust-field-hint">{ i18n.tf("customers.form_history_kept", &[("n", &history.to_string())]) }</p>
                }
            </fieldset>
            <fieldset class="cust-form-section">
                <legend>{ i18n.t("customers.form_section_tier") }</legend>
                <div class="cust-form-grid">
                    <div class="cust-form-field">
                        <label for="cf-override-tier">{ i18n.t("customers.form_override_tier") }</label>
                        <Select id="cf-override-tier" testid="form-override-tier" value={d.override_tier.clone()}
                                options={tier_options} onchange={chooser(|d, v| d.override_tier = v)} />
                    </div>
                    <div class={classes!("cust-form-field", reason_error.is_some().then_some("has-error"))}>
                        <label for="cf-override-reason">{ i18n.t("customers.form_override_reason") }</label>
                        <input id="cf-override-reason" type="text" value={d.override_reason.clone()}
                               oninput={setter(|d, v| d.override_reason = v)} data-testid="form-override-reason"
                               disabled={d.override_tier.is_empty()}
                               aria-invalid={reason_error.is_some().then_some("true")} />
                        if let Some(p) = reason_error {
                            <p class="cust-field-error">{ problem_text(&i18n, p) }</p>
                        }
                    </div>
                </div>
                <div class="cust-form-field cust-form-notes">
                    <label for="cf-notes">{ i18n.t("customers.form_notes") }</label>
                    <textarea id="cf-notes" rows="2" value={d.notes.clone()} data-testid="form-notes"
                              oninput={setter(|d, v| d.notes = v)} />
                </div>
            </fieldset>
            <div class="dialog-actions">
                <p class="dialog-error cust-form-summary" role="alert" data-testid="form-error">
                    { form_error }
                </p>
                <button type="button" class="button" onclick={cancel} data-testid="form-cancel">
                    { i18n.t("dialog.cancel") }</button>
                <button type="submit" class="button button-primary" data-testid="form-save">
                    { i18n.t("customers.form_save") }</button>
            </div>
        </Modal>
    }
}

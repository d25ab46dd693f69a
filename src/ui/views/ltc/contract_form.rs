//! The contract editor (a dialog): the account and the opportunity it came from, name, signing
//! date, value, delivery and acceptance, and the payment milestones with their due rules, the
//! due date each rule gives, and what was invoiced and collected. Shares that do not add up to
//! 100 % are pointed out, not refused.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::draft::{
    next_contract_id, ContractDraft, Field, MilestoneDraft, Problem, MAX_MILESTONES,
};
use super::list::kind_name;
use crate::domain::dates::iso_from_days;
use crate::domain::ltc::cash::{self, Due};
use crate::domain::ltc::{default_milestones, Contract, DueBase, MilestoneKind};
use crate::domain::number::format_percent;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::modal::Modal;
use crate::ui::state::DocRef;
use crate::ui::views::customers::Select;

/// Writes what an input holds into the draft.
type SetFn = Rc<dyn Fn(&mut ContractDraft, String)>;

/// Accounts offered in the account list at most (the search finds the others).
const MAX_ACCOUNTS: usize = 300;

/// Props of [`ContractForm`].
#[derive(Properties, PartialEq)]
pub struct ContractFormProps {
    /// The open workspace.
    pub ws: DocRef,
    /// The contract edited; `None` adds one.
    pub contract: Option<Rc<Contract>>,
    /// The account a new contract starts on.
    #[prop_or_default]
    pub account: Option<String>,
    /// The checked contract.
    pub on_save: Callback<Contract>,
    /// Delete the contract with this id (asks first).
    pub on_delete: Callback<String>,
    /// Closed without a change.
    pub on_close: Callback<()>,
}

/// The label key of a field.
fn label_key(f: Field) -> &'static str {
    match f {
        Field::Account => "ltc_contracts.col_account",
        Field::Name => "ltc_contracts.field_name",
        Field::Signed => "ltc_contracts.col_signed",
        Field::Value => "ltc_contracts.col_value",
        Field::DeliveredPct => "ltc_contracts.col_delivered",
        Field::Delivered => "ltc_contracts.field_delivered",
        Field::Accepted => "ltc_contracts.field_accepted",
        Field::Share(_) => "ltc_contracts.m_share",
        Field::DueDate(_) => "ltc_contracts.m_due_date",
        Field::Offset(_) => "ltc_contracts.m_offset",
        Field::Invoiced(_) => "ltc_contracts.col_invoiced",
        Field::InvoicedDate(_) => "ltc_contracts.m_invoiced_date",
        Field::Collected(_) => "ltc_contracts.col_collected",
        Field::CollectedDate(_) => "ltc_contracts.m_collected_date",
    }
}

/// A problem in the user's language, naming the field (and the milestone).
fn problem_text(i18n: &I18n, f: Field, p: Problem) -> String {
    let mut name = i18n.t(label_key(f)).to_string();
    if let Field::Share(i)
    | Field::DueDate(i)
    | Field::Offset(i)
    | Field::Invoiced(i)
    | Field::InvoicedDate(i)
    | Field::Collected(i)
    | Field::CollectedDate(i) = f
    {
        name = i18n.tf(
            "ltc_contracts.m_field",
            &[("n", &(i + 1).to_string()), ("field", &name)],
        );
    }
    let key = match p {
        Problem::Required => "ltc_contracts.err_required",
        Problem::NotAmount => "ltc_contracts.err_amount",
        Problem::NotDate => "ltc_contracts.err_date_field",
        Problem::Percent => "ltc_contracts.err_percent",
        Problem::NotCount => "ltc_contracts.err_count",
    };
    i18n.tf(key, &[("field", &name)])
}

/// The name of a due base.
fn base_name(i18n: &I18n, b: DueBase) -> &'static str {
    i18n.t(match b {
        DueBase::Date => "ltc_contracts.base_date",
        DueBase::Signing => "ltc_contracts.base_signing",
        DueBase::Delivery => "ltc_contracts.base_delivery",
        DueBase::Acceptance => "ltc_contracts.base_acceptance",
    })
}

/// What a milestone waits for before it has a due date.
pub fn waiting_text(i18n: &I18n, b: DueBase) -> &'static str {
    i18n.t(match b {
        DueBase::Date | DueBase::Signing => "ltc_contracts.waiting_signing",
        DueBase::Delivery => "ltc_contracts.waiting_delivery",
        DueBase::Acceptance => "ltc_contracts.waiting_acceptance",
    })
}

/// The due date a milestone's rule gives with the dates as typed.
fn preview_due(d: &ContractDraft, m: &MilestoneDraft) -> Due {
    let c = Contract {
        signed: d.signed.trim().to_string(),
        delivered: d.delivered.trim().to_string(),
        accepted: d.accepted.trim().to_string(),
        ..Contract::default()
    };
    let mut ms = default_milestones().into_iter().next().unwrap_or_default();
    ms.due.base = DueBase::ALL
        .into_iter()
        .find(|b| b.key() == m.base)
        .unwrap_or_default();
    ms.due.date = m.date.trim().to_string();
    ms.due.days = m.days.trim().parse().unwrap_or(0);
    ms.due.months = m.months.trim().parse().unwrap_or(0);
    cash::due(&c, &ms)
}

/// The dialog.
#[function_component(ContractForm)]
pub fn contract_form(props: &ContractFormProps) -> Html {
    let i18n = use_i18n();
    let ws = &props.ws.0;
    let draft = use_state(|| match props.contract.as_deref() {
        Some(c) => ContractDraft::of(c),
        None => ContractDraft {
            account: props.account.clone().unwrap_or_default(),
            delivered_pct: "0".into(),
            milestones: default_milestones()
                .iter()
                .map(MilestoneDraft::of)
                .collect(),
            ..ContractDraft::default()
        },
    });
    let base = use_state(|| match props.contract.as_deref() {
        Some(c) => c.clone(),
        None => Contract {
            id: next_contract_id(ws.ltc.contracts.iter().map(|c| c.id.as_str())),
            ..Contract::default()
        },
    });
    let search = use_state(String::new);
    let tried = use_state(|| false);
    let built = draft.build(&base, |id| ws.customers.iter().any(|c| c.id == id));
    let problems = match (&built, *tried) {
        (Err(p), true) => p.clone(),
        _ => Vec::new(),
    };
    let onsubmit = {
        let tried = tried.clone();
        let on_save = props.on_save.clone();
        let built = built.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match &built {
                Ok(c) => on_save.emit(c.clone()),
                Err(_) => tried.set(true),
            }
        })
    };
    let update = |f: SetFn| {
        let draft = draft.clone();
        Callback::from(move |v: String| {
            let mut d = (*draft).clone();
            f(&mut d, v);
            draft.set(d);
        })
    };
    let text_input = |f: SetFn| {
        update(f).reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value())
    };
    let error_of = |f: Field| {
        problems
            .iter()
            .find(|(x, _)| *x == f)
            .map(|(_, p)| problem_text(&i18n, f, *p))
    };
    let d = &*draft;
    // A labelled input with its message.
    let field = |id: &str, f: Field, value: &str, kind: &str, set: SetFn, hint: Option<&str>| {
        let err = error_of(f);
        let msg = format!("{id}-msg");
        html! {
            <div class={classes!("ltc-c-field", err.is_some().then_some("has-error"))}>
                <label for={id.to_string()}>{ i18n.t(label_key(f)) }</label>
                <input id={id.to_string()} type={kind.to_string()} value={value.to_string()} oninput={text_input(set)}
                       autocomplete="off" data-testid={id.to_string()} aria-describedby={msg.clone()}
                       aria-invalid={err.is_some().then_some("true")} />
                if let Some(e) = err {
                    <p id={msg} class="ltc-c-error">{ e }</p>
                } else if let Some(h) = hint {
                    <p id={msg} class="ltc-c-hint">{ h.to_string() }</p>
                }
            </div>
        }
    };

    // The accounts offered: the current one, then the search's matches or the accounts with
    // opportunities or contracts.
    let needle = search.trim().to_lowercase();
    let mut accounts: Vec<(AttrValue, AttrValue)> = vec![(
        AttrValue::default(),
        i18n.t("ltc_contracts.pick_account").into(),
    )];
    if let Some(c) = ws.customers.iter().find(|c| c.id == d.account) {
        accounts.push((c.id.clone().into(), c.name.clone().into()));
    }
    let active: std::collections::HashSet<&str> = ws
        .ltc
        .opportunities
        .iter()
        .map(|o| o.account.as_str())
        .chain(ws.ltc.contracts.iter().map(|c| c.account.as_str()))
        .collect();
    accounts.extend(
        ws.customers
            .iter()
            .filter(|c| c.id != d.account)
            .filter(|c| {
                if needle.is_empty() {
                    active.contains(c.id.as_str())
                } else {
                    c.name.to_lowercase().contains(&needle)
                }
            })
            .take(MAX_ACCOUNTS)
            .map(|c| (c.id.clone().into(), c.name.clone().into())),
    );
    let opportunities: Vec<(AttrValue, AttrValue)> = std::iter::once((
        AttrValue::default(),
        i18n.t("ltc_contracts.no_opportunity").into(),
    ))
    .chain(
        ws.ltc
            .opportunities
            .iter()
            .filter(|o| o.account == d.account && !d.account.is_empty())
            .take(MAX_ACCOUNTS)
            .map(|o| (o.id.clone().into(), o.name.clone().into())),
    )
    .collect();
    let on_search = {
        let search = search.clone();
        Callback::from(move |e: InputEvent| {
            search.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let account_err = error_of(Field::Account);

    let kinds: Vec<(AttrValue, AttrValue)> = MilestoneKind::ALL
        .iter()
        .map(|k| (k.key().into(), kind_name(&i18n, *k).into()))
        .collect();
    let bases: Vec<(AttrValue, AttrValue)> = DueBase::ALL
        .iter()
        .map(|b| (b.key().into(), base_name(&i18n, *b).into()))
        .collect();
    let m_set = |i: usize, f: fn(&mut MilestoneDraft, String)| -> SetFn {
        Rc::new(move |d: &mut ContractDraft, v: String| {
            if let Some(m) = d.milestones.get_mut(i) {
                f(m, v);
            }
        })
    };
    let m_input = |i: usize,
                   key: &str,
                   value: &str,
                   kind: &str,
                   f: Field,
                   set: fn(&mut MilestoneDraft, String)| {
        let err = error_of(f);
        html! {
            <input type={kind.to_string()} value={value.to_string()} oninput={text_input(m_set(i, set))}
                   class={classes!("ltc-c-m-input", format!("is-{key}"))} autocomplete="off"
                   aria-label={i18n.tf("ltc_contracts.m_field", &[("n", &(i + 1).to_string()), ("field", i18n.t(label_key(f)))])}
                   aria-invalid={err.is_some().then_some("true")} title={err.unwrap_or_default()}
                   data-testid={format!("ltc-m-{i}-{key}")} />
        }
    };
    let milestone_row = |(i, m): (usize, &MilestoneDraft)| {
        let due = match preview_due(d, m) {
            Due::Day(day) => iso_from_days(day),
            Due::Waiting(DueBase::Date) => "—".to_string(),
            Due::Waiting(b) => waiting_text(&i18n, b).to_string(),
        };
        let remove = {
            let draft = draft.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = (*draft).clone();
                if i < next.milestones.len() {
                    next.milestones.remove(i);
                }
                draft.set(next);
            })
        };
        let label = |key: &str| {
            i18n.tf(
                "ltc_contracts.m_field",
                &[("n", &(i + 1).to_string()), ("field", i18n.t(key))],
            )
        };
        html! {
            <tr data-testid={format!("ltc-m-{i}")}>
                <td>
                    <span class="visually-hidden">{ label("ltc_contracts.m_kind") }</span>
                    <Select value={AttrValue::from(m.kind.clone())} options={kinds.clone()} testid={format!("ltc-m-{i}-kind")}
                            onchange={update(m_set(i, |m, v| m.kind = v))} />
                </td>
                <td>{ m_input(i, "share", &m.share, "text", Field::Share(i), |m, v| m.share = v) }</td>
                <td class="ltc-c-m-rule">
                    <Select value={AttrValue::from(m.base.clone())} options={bases.clone()} testid={format!("ltc-m-{i}-base")}
                            onchange={update(m_set(i, |m, v| m.base = v))} />
                    if m.base == DueBase::Date.key() {
                        { m_input(i, "date", &m.date, "date", Field::DueDate(i), |m, v| m.date = v) }
                    } else {
                        <span class="ltc-c-m-offset">
                            <span aria-hidden="true">{ "+" }</span>
                            { m_input(i, "months", &m.months, "text", Field::Offset(i), |m, v| m.months = v) }
                            <span>{ i18n.t("ltc_contracts.unit_months") }</span>
                            { m_input(i, "days", &m.days, "text", Field::Offset(i), |m, v| m.days = v) }
                            <span>{ i18n.t("ltc_contracts.unit_days") }</span>
                        </span>
                    }
                </td>
                <td data-testid={format!("ltc-m-{i}-due")}>{ due }</td>
                <td>
                    { m_input(i, "invoiced", &m.invoiced, "text", Field::Invoiced(i), |m, v| m.invoiced = v) }
                    { m_input(i, "invoiced-date", &m.invoiced_date, "date", Field::InvoicedDate(i), |m, v| m.invoiced_date = v) }
                </td>
                <td>
                    { m_input(i, "collected", &m.collected, "text", Field::Collected(i), |m, v| m.collected = v) }
                    { m_input(i, "collected-date", &m.collected_date, "date", Field::CollectedDate(i), |m, v| m.collected_date = v) }
                </td>
                <td>
                    <button type="button" class="button ltc-c-small" onclick={remove}
                            aria-label={label("ltc_contracts.m_remove")} data-testid={format!("ltc-m-{i}-remove")}>
                        { i18n.t("ltc_contracts.remove") }</button>
                </td>
            </tr>
        }
    };
    let add_milestone = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*draft).clone();
            if next.milestones.len() < MAX_MILESTONES {
                next.milestones.push(MilestoneDraft {
                    kind: MilestoneKind::Other.key().into(),
                    share: "0".into(),
                    base: DueBase::Signing.key().into(),
                    days: "30".into(),
                    months: "0".into(),
                    ..MilestoneDraft::default()
                });
            }
            draft.set(next);
        })
    };
    let sum = d.share_sum();
    let editing = props.contract.as_ref().map(|c| c.id.clone());
    let title = i18n.t(if editing.is_some() {
        "ltc_contracts.form_edit"
    } else {
        "ltc_contracts.form_add"
    });
    html! {
        <Modal labelledby="ltc-contract-form-title" testid="ltc-contract-form" class="ltc-c-dialog" on_close={props.on_close.clone()}>
            <form {onsubmit} novalidate=true>
                <h2 id="ltc-contract-form-title" class="dialog-title">{ title }</h2>
                <div class="ltc-c-form-grid">
                    <div class={classes!("ltc-c-field", account_err.is_some().then_some("has-error"))}>
                        <label for="ltc-form-account">{ i18n.t("ltc_contracts.col_account") }</label>
                        <input type="search" class="ltc-c-search" value={(*search).clone()} oninput={on_search}
                               placeholder={i18n.t("ltc_contracts.search_account")} aria-label={i18n.t("ltc_contracts.search_account")}
                               data-testid="ltc-form-account-search" />
                        <Select id="ltc-form-account" testid="ltc-form-account" value={AttrValue::from(d.account.clone())}
                                options={accounts} invalid={account_err.is_some()}
                                onchange={update(Rc::new(|d: &mut ContractDraft, v: String| { d.account = v; d.opportunity.clear(); }))} />
                        if let Some(e) = account_err {
                            <p class="ltc-c-error">{ e }</p>
                        }
                    </div>
                    <div class="ltc-c-field">
                        <label for="ltc-form-opportunity">{ i18n.t("ltc_contracts.field_opportunity") }</label>
                        <Select id="ltc-form-opportunity" testid="ltc-form-opportunity" value={AttrValue::from(d.opportunity.clone())}
                                options={opportunities} onchange={update(Rc::new(|d: &mut ContractDraft, v: String| d.opportunity = v))} />
                    </div>
                    { field("ltc-form-name", Field::Name, &d.name, "text", Rc::new(|d, v| d.name = v), None) }
                    { field("ltc-form-signed", Field::Signed, &d.signed, "date", Rc::new(|d, v| d.signed = v), None) }
                    { field("ltc-form-value", Field::Value, &d.value, "text", Rc::new(|d, v| d.value = v), Some(i18n.t("ltc_contracts.amount_hint"))) }
                    { field("ltc-form-delivered-pct", Field::DeliveredPct, &d.delivered_pct, "text", Rc::new(|d, v| d.delivered_pct = v), None) }
                    { field("ltc-form-delivered", Field::Delivered, &d.delivered, "date", Rc::new(|d, v| d.delivered = v), Some(i18n.t("ltc_contracts.delivered_hint"))) }
                    { field("ltc-form-accepted", Field::Accepted, &d.accepted, "date", Rc::new(|d, v| d.accepted = v), Some(i18n.t("ltc_contracts.accepted_hint"))) }
                </div>
                <h3 class="ltc-c-subtitle">{ i18n.t("ltc_contracts.milestones") }</h3>
                <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("ltc_contracts.milestones")}>
                    <table class="data-table ltc-c-m-table" data-testid="ltc-form-milestones">
                        <thead><tr>
                            <th scope="col">{ i18n.t("ltc_contracts.m_kind") }</th>
                            <th scope="col">{ i18n.t("ltc_contracts.m_share") }</th>
                            <th scope="col">{ i18n.t("ltc_contracts.m_rule") }</th>
                            <th scope="col">{ i18n.t("ltc_contracts.col_due") }</th>
                            <th scope="col">{ i18n.t("ltc_contracts.m_invoiced") }</th>
                            <th scope="col">{ i18n.t("ltc_contracts.m_collected") }</th>
                            <th scope="col"><span class="visually-hidden">{ i18n.t("ltc_contracts.col_actions") }</span></th>
                        </tr></thead>
                        <tbody>{ for d.milestones.iter().enumerate().map(milestone_row) }</tbody>
                    </table>
                </div>
                <div class="ltc-c-m-foot">
                    <button type="button" class="button ltc-c-small" onclick={add_milestone} data-testid="ltc-m-add">
                        { i18n.t("ltc_contracts.m_add") }</button>
                    <span class={classes!("ltc-c-share-sum", ((sum - 100.0).abs() > 0.01).then_some("is-off"))}
                          role="status" data-testid="ltc-form-share-sum">
                        { if (sum - 100.0).abs() > 0.01 {
                            i18n.tf("ltc_contracts.share_off", &[("sum", &format_percent(sum))])
                        } else {
                            i18n.tf("ltc_contracts.share_ok", &[("sum", &format_percent(sum))])
                        } }
                    </span>
                </div>
                if !problems.is_empty() {
                    <p class="dialog-error" role="alert" data-testid="ltc-form-errors">
                        { for problems.iter().map(|(f, p)| html! { <span class="ltc-c-error-line">{ problem_text(&i18n, *f, *p) }</span> }) }
                    </p>
                }
                <div class="dialog-actions">
                    if let Some(id) = editing {
                        <button type="button" class="button button-danger ltc-c-delete"
                                onclick={props.on_delete.reform(move |_: MouseEvent| id.clone())}
                                data-testid="ltc-form-delete">{ i18n.t("ltc_contracts.delete") }</button>
                    }
                    <button type="button" class="button" onclick={props.on_close.reform(|_| ())}
                            data-testid="ltc-form-cancel">{ i18n.t("ltc_contracts.cancel") }</button>
                    <button type="submit" class="button button-primary" data-testid="ltc-form-save">{ i18n.t("ltc_contracts.save") }</button>
                </div>
            </form>
        </Modal>
    }
}

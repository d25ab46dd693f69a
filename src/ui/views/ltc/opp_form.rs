//! The dialog that adds an opportunity or edits one. What is typed is kept as text
//! ([`OppDraft`]) and checked before anything changes: the amount as [`parse_compact`] reads it
//! (120万, 1.2亿, 1,200,000), dates as `YYYY-MM-DD`; each problem is shown by its field.
//! The account is picked from the customers matching a search (at most [`MAX_MATCHES`] listed).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::super::stage_name;
use crate::domain::dates::day_number;
use crate::domain::ltc::{Forecast, Opportunity, StageChange};
use crate::domain::number::{group_thousands, parse_compact};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::modal::Modal;
use crate::ui::state::DocRef;
use crate::ui::views::customers::Select;

/// Most customers listed in the account picker.
pub const MAX_MATCHES: usize = 200;
/// Largest amount accepted, yuan.
const MAX_AMOUNT: f64 = 1e15;
/// Longest name, characters.
const MAX_NAME: usize = 120;
/// Longest free text, characters.
const MAX_TEXT: usize = 2000;

/// A field that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// 客户.
    Account,
    /// 商机名称.
    Name,
    /// 金额.
    Amount,
    /// 预计签单日期.
    Close,
    /// 创建日期.
    Created,
}

/// The form's fields as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OppDraft {
    /// Customer id.
    pub account: String,
    /// Text of the account search.
    pub search: String,
    /// Name.
    pub name: String,
    /// Business line id, empty for none.
    pub line: String,
    /// Owner's person id, empty for none.
    pub owner: String,
    /// Stage id.
    pub stage: String,
    /// Amount as typed.
    pub amount: String,
    /// Expected close date.
    pub close: String,
    /// Created date.
    pub created: String,
    /// Forecast key.
    pub forecast: String,
    /// 竞争对手.
    pub competitor: String,
    /// 下一步.
    pub next_step: String,
    /// 丢单原因.
    pub lost_reason: String,
    /// 备注.
    pub notes: String,
}

impl OppDraft {
    /// The draft of an opportunity.
    pub fn of(o: &Opportunity) -> Self {
        OppDraft {
            account: o.account.clone(),
            search: String::new(),
            name: o.name.clone(),
            line: o.line.clone().unwrap_or_default(),
            owner: o.owner.clone().unwrap_or_default(),
            stage: o.stage.clone(),
            amount: group_thousands(&o.amount.to_string()),
            close: o.close_date.clone(),
            created: o.created.clone(),
            forecast: o.forecast.key().to_string(),
            competitor: o.competitor.clone(),
            next_step: o.next_step.clone(),
            lost_reason: o.lost_reason.clone(),
            notes: o.notes.clone(),
        }
    }

    /// The opportunity described, on top of `base` (its id, history and time), or every
    /// problem. A changed stage is a move on `today` (recorded in the history).
    pub fn build(&self, base: &Opportunity, today: &str) -> Result<Opportunity, Vec<Field>> {
        let mut problems = Vec::new();
        if self.account.is_empty() {
            problems.push(Field::Account);
        }
        let name: String = self.name.trim().chars().take(MAX_NAME).collect();
        if name.is_empty() {
            problems.push(Field::Name);
        }
        let amount = match parse_compact(self.amount.trim()) {
            Some(v) if v.is_finite() && (0.0..=MAX_AMOUNT).contains(&v) => v,
            _ => {
                problems.push(Field::Amount);
                0.0
            }
        };
        let date_ok = |d: &str| d.trim().is_empty() || day_number(d.trim()).is_some();
        if !date_ok(&self.close) {
            problems.push(Field::Close);
        }
        if !date_ok(&self.created) {
            problems.push(Field::Created);
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let free = |s: &str| s.trim().chars().take(MAX_TEXT).collect::<String>();
        let mut o = if base.stage.is_empty() {
            let created = if self.created.trim().is_empty() {
                today.to_string()
            } else {
                self.created.trim().to_string()
            };
            Opportunity {
                stage: self.stage.clone(),
                stage_entered: created.clone(),
                history: vec![StageChange {
                    stage: self.stage.clone(),
                    date: created,
                }],
                ..base.clone()
            }
        } else {
            base.moved(&self.stage, today)
        };
        o.account = self.account.clone();
        o.name = name;
        o.line = (!self.line.is_empty()).then(|| self.line.clone());
        o.owner = (!self.owner.is_empty()).then(|| self.owner.clone());
        o.amount = amount;
        o.close_date = self.close.trim().to_string();
        o.created = self.created.trim().to_string();
        if o.created.is_empty() {
            o.created = o.stage_entered.clone();
        }
        o.forecast = Forecast::from_key(&self.forecast).unwrap_or_default();
        o.competitor = free(&self.competitor);
        o.next_step = free(&self.next_step);
        o.lost_reason = free(&self.lost_reason);
        o.notes = free(&self.notes);
        Ok(o)
    }
}

/// A problem in the user's language.
fn problem_text(i18n: &I18n, field: Field, d: &OppDraft) -> String {
    match field {
        Field::Account => i18n.t("ltc_board.err_account").to_string(),
        Field::Name => i18n.t("ltc_board.err_name").to_string(),
        Field::Amount if d.amount.trim().is_empty() => {
            i18n.t("ltc_board.err_amount_empty").to_string()
        }
        Field::Amount => i18n.tf("ltc_board.err_amount", &[("value", d.amount.trim())]),
        Field::Close => i18n.tf("ltc_board.err_date", &[("value", d.close.trim())]),
        Field::Created => i18n.tf("ltc_board.err_date", &[("value", d.created.trim())]),
    }
}

/// Props of [`OppForm`].
#[derive(Properties, PartialEq)]
pub struct OppFormProps {
    /// The open workspace.
    pub ws: DocRef,
    /// The opportunity edited; `None` adds one.
    pub opp: Option<Rc<Opportunity>>,
    /// The checked opportunity (with a new id when added).
    pub on_save: Callback<Opportunity>,
    /// Delete the opportunity of this id.
    pub on_delete: Callback<String>,
    /// Closes the dialog without a change.
    pub on_close: Callback<()>,
}

/// Which draft field an input edits.
type Setter = fn(&mut OppDraft, String);

/// The dialog.
#[function_component(OppForm)]
pub fn opp_form(props: &OppFormProps) -> Html {
    let i18n = use_i18n();
    let ws = &props.ws.0;
    let today = ws.meta.today.clone();
    let draft = use_state(|| match props.opp.as_deref() {
        Some(o) => OppDraft::of(o),
        None => OppDraft {
            stage: ws
                .ltc
                .stages
                .first()
                .map(|s| s.id.clone())
                .unwrap_or_default(),
            forecast: Forecast::Pipeline.key().to_string(),
            created: today.clone(),
            ..OppDraft::default()
        },
    });
    let tried = use_state(|| false);
    let confirm_delete = use_state(|| false);
    // A new opportunity's id, found once when the dialog opens (not on every keystroke).
    let new_id = use_state(|| {
        crate::domain::org::talent_input::fresh_id(
            "opp",
            ws.ltc.opportunities.iter().map(|o| o.id.as_str()),
        )
    });
    let base = props
        .opp
        .as_deref()
        .cloned()
        .unwrap_or_else(|| Opportunity {
            id: (*new_id).clone(),
            ..Opportunity::default()
        });
    let built = draft.build(&base, &today);
    let problems = match (&built, *tried) {
        (Err(p), true) => p.clone(),
        _ => Vec::new(),
    };
    let onsubmit = {
        let (tried, on_save) = (tried.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match &built {
                Ok(o) => on_save.emit(o.clone()),
                Err(_) => tried.set(true),
            }
        })
    };
    let setter = |set: Setter| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut d = (*draft).clone();
            set(&mut d, value);
            draft.set(d);
        })
    };
    let d = &*draft;
    let error_of = |field: Field| {
        problems
            .contains(&field)
            .then(|| problem_text(&i18n, field, d))
    };
    let input = |key: &'static str,
                 label: &str,
                 value: &str,
                 set: Setter,
                 kind: &'static str,
                 error: Option<String>,
                 hint: Option<&str>| {
        let id = format!("ltc-opp-{key}");
        let msg = format!("{id}-msg");
        let oninput = setter(set)
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        let wide = matches!(key, "next-step" | "notes" | "lost-reason");
        html! {
            <div class={classes!("ltc-field", wide.then_some("is-wide"), error.is_some().then_some("has-error"))}>
                <label for={id.clone()}>{ label.to_string() }</label>
                <input id={id.clone()} type={kind} value={value.to_string()} {oninput} autocomplete="off"
                       maxlength={if wide { "2000" } else { "120" }}
                       aria-invalid={error.is_some().then_some("true")} aria-describedby={msg.clone()}
                       data-testid={id.clone()} />
                if let Some(e) = error {
                    <p id={msg} class="ltc-error" data-testid={format!("{id}-error")}>{ e }</p>
                } else if let Some(h) = hint {
                    <p id={msg} class="ltc-hint">{ h.to_string() }</p>
                }
            </div>
        }
    };
    // The accounts matching the search, the chosen one always among them.
    let needle = d.search.trim().to_lowercase();
    let mut accounts: Vec<(AttrValue, AttrValue)> = vec![(
        AttrValue::default(),
        i18n.t("ltc_board.pick_account").into(),
    )];
    if let Some(c) = ws.customers.iter().find(|c| c.id == d.account) {
        accounts.push((c.id.clone().into(), c.name.clone().into()));
    }
    let matching = ws
        .customers
        .iter()
        .filter(|c| c.id != d.account)
        .filter(|c| needle.is_empty() || c.name.to_lowercase().contains(&needle));
    accounts.extend(
        matching
            .take(MAX_MATCHES)
            .map(|c| (c.id.clone().into(), c.name.clone().into())),
    );
    let industry = ws
        .customers
        .iter()
        .find(|c| c.id == d.account)
        .map(|c| c.industry.clone())
        .unwrap_or_default();
    let mut lines: Vec<_> = ws.portfolio.lines.iter().collect();
    lines.sort_by_key(|l| l.industry != industry || industry.is_empty());
    let line_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::default(), i18n.t("ltc_board.no_line").into()))
            .chain(lines.into_iter().map(|l| {
                (
                    l.id.clone().into(),
                    format!("{} · {}", l.industry, l.name).into(),
                )
            }))
            .collect();
    let owner_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::default(), i18n.t("ltc_board.no_owner").into()))
            .chain(ws.org.people.iter().map(|p| {
                (
                    p.id.clone().into(),
                    format!("{} ({})", p.name, p.role).into(),
                )
            }))
            .collect();
    let stage_options: Vec<(AttrValue, AttrValue)> = ws
        .ltc
        .stages
        .iter()
        .map(|s| (s.id.clone().into(), stage_name(&i18n, s).into()))
        .collect();
    let forecast_options: Vec<(AttrValue, AttrValue)> = Forecast::ALL
        .iter()
        .map(|f| {
            (
                f.key().into(),
                i18n.t(&format!("ltc_board.forecast_{}", f.key()))
                    .to_string()
                    .into(),
            )
        })
        .collect();
    let select = |key: &'static str,
                  label: &str,
                  value: &str,
                  options: Vec<(AttrValue, AttrValue)>,
                  set: Setter,
                  error: Option<String>| {
        let id = format!("ltc-opp-{key}");
        html! {
            <div class={classes!("ltc-field", error.is_some().then_some("has-error"))}>
                <label for={id.clone()}>{ label.to_string() }</label>
                <Select id={AttrValue::from(id.clone())} testid={AttrValue::from(id.clone())} value={AttrValue::from(value.to_string())}
                        {options} onchange={setter(set)} invalid={error.is_some()} />
                if let Some(e) = error {
                    <p class="ltc-error" data-testid={format!("{id}-error")}>{ e }</p>
                }
            </div>
        }
    };
    let title = i18n.t(if props.opp.is_some() {
        "ltc_board.form_edit"
    } else {
        "ltc_board.form_add"
    });
    let on_search = setter(|d, v| d.search = v)
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let delete = {
        let confirm_delete = confirm_delete.clone();
        Callback::from(move |_: MouseEvent| confirm_delete.set(true))
    };
    let keep = {
        let confirm_delete = confirm_delete.clone();
        Callback::from(move |_: MouseEvent| confirm_delete.set(false))
    };
    let really_delete = {
        let (cb, id) = (props.on_delete.clone(), base.id.clone());
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    html! {
        <Modal labelledby="ltc-opp-title" testid="ltc-opp-form" class="ltc-opp-dialog" on_close={props.on_close.clone()}>
            <form {onsubmit} novalidate=true>
                <h2 id="ltc-opp-title" class="dialog-title">{ title }</h2>
                <div class="ltc-form-grid">
                    <div class="ltc-field">
                        <label for="ltc-opp-search">{ i18n.t("ltc_board.search_account") }</label>
                        <input id="ltc-opp-search" type="search" value={d.search.clone()} oninput={on_search}
                               autocomplete="off" data-testid="ltc-opp-search"
                               placeholder={i18n.tf("ltc_board.search_account_hint", &[("n", &MAX_MATCHES.to_string())])} />
                    </div>
                    { select("account", i18n.t("ltc_board.account"), &d.account, accounts, |d, v| d.account = v, error_of(Field::Account)) }
                    { input("name", i18n.t("ltc_board.name"), &d.name, |d, v| d.name = v, "text", error_of(Field::Name), None) }
                    { select("line", i18n.t("ltc_board.line"), &d.line, line_options, |d, v| d.line = v, None) }
                    { select("owner", i18n.t("ltc_board.owner"), &d.owner, owner_options, |d, v| d.owner = v, None) }
                    { select("stage", i18n.t("ltc_board.stage"), &d.stage, stage_options, |d, v| d.stage = v, None) }
                    { input("amount", i18n.t("ltc_board.amount"), &d.amount, |d, v| d.amount = v, "text", error_of(Field::Amount), Some(i18n.t("ltc_board.amount_hint"))) }
                    { input("close", i18n.t("ltc_board.close_date"), &d.close, |d, v| d.close = v, "date", error_of(Field::Close), None) }
                    { input("created", i18n.t("ltc_board.created"), &d.created, |d, v| d.created = v, "date", error_of(Field::Created), None) }
                    { select("forecast", i18n.t("ltc_board.forecast"), &d.forecast, forecast_options, |d, v| d.forecast = v, None) }
                    { input("competitor", i18n.t("ltc_board.competitor"), &d.competitor, |d, v| d.competitor = v, "text", None, None) }
                    { input("next-step", i18n.t("ltc_board.next_step"), &d.next_step, |d, v| d.next_step = v, "text", None, None) }
                    { input("lost-reason", i18n.t("ltc_board.lost_reason"), &d.lost_reason, |d, v| d.lost_reason = v, "text", None, None) }
                    { input("notes", i18n.t("ltc_board.notes"), &d.notes, |d, v| d.notes = v, "text", None, None) }
                </div>
                if let Some(o) = props.opp.as_deref() {
                    <section class="ltc-history" data-testid="ltc-opp-history">
                        <h3>{ i18n.t("ltc_board.history") }</h3>
                        <ol>
                            { for o.history.iter().rev().map(|h| html! {
                                <li>
                                    <span class="ltc-history-date">{ h.date.clone() }</span>
                                    { ws.ltc.stage(&h.stage).map_or_else(|| h.stage.clone(), |s| stage_name(&i18n, s)) }
                                </li>
                            }) }
                        </ol>
                    </section>
                }
                if !problems.is_empty() {
                    <p class="dialog-error" role="alert" data-testid="ltc-opp-errors">
                        { i18n.t("ltc_board.form_errors") }
                    </p>
                }
                <div class="dialog-actions">
                    if props.opp.is_some() {
                        if *confirm_delete {
                            <span class="ltc-confirm" role="alert">{ i18n.t("ltc_board.delete_confirm") }</span>
                            <button type="button" class="button button-danger" onclick={really_delete}
                                    data-testid="ltc-opp-delete-confirm">{ i18n.t("ltc_board.delete") }</button>
                            <button type="button" class="button" onclick={keep}
                                    data-testid="ltc-opp-delete-keep">{ i18n.t("ltc_board.keep") }</button>
                        } else {
                            <button type="button" class="button button-danger ltc-delete" onclick={delete}
                                    data-testid="ltc-opp-delete">{ i18n.t("ltc_board.delete") }</button>
                        }
                    }
                    <button type="button" class="button" onclick={props.on_close.reform(|_| ())}
                            data-testid="ltc-opp-cancel">{ i18n.t("ltc_board.cancel") }</button>
                    <button type="submit" class="button button-primary" data-testid="ltc-opp-save">{ i18n.t("ltc_board.save") }</button>
                </div>
            </form>
        </Modal>
    }
}

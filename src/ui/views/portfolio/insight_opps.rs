//! The opportunities of an industry (看机会's list): a table, and the dialog that adds or edits
//! one. The dialog checks the title and the size before anything changes; a size is written as
//! the app writes amounts ("4000万", "1.2亿", "40M") or as a plain number.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::insight::Editor;
use super::{horizon_name, person_name};
use crate::domain::number::parse_compact;
use crate::domain::portfolio::{Horizon, Opportunity, Priority};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::modal::Modal;
use crate::ui::state::DocRef;

/// The name of a priority in the interface language.
fn priority_name(i18n: &I18n, p: Priority) -> &'static str {
    match p {
        Priority::High => i18n.t("insight.priority_high"),
        Priority::Medium => i18n.t("insight.priority_medium"),
        Priority::Low => i18n.t("insight.priority_low"),
    }
}

/// The table of the industry's opportunities with its add, edit and delete buttons.
pub(super) fn opportunities(
    i18n: &I18n,
    ed: &Editor,
    on_edit: &Callback<Opportunity>,
    on_delete: &Callback<Opportunity>,
) -> Html {
    let list: Vec<&Opportunity> = ed
        .ws
        .portfolio
        .opportunities
        .iter()
        .filter(|o| *o.industry == *ed.industry)
        .collect();
    let add = {
        let industry = ed.industry.to_string();
        on_edit.reform(move |_: MouseEvent| Opportunity {
            industry: industry.clone(),
            ..Opportunity::default()
        })
    };
    let row = |o: &&Opportunity| {
        let id = &o.id;
        let edit = {
            let o = (*o).clone();
            on_edit.reform(move |_: MouseEvent| o.clone())
        };
        let delete = {
            let o = (*o).clone();
            on_delete.reform(move |_: MouseEvent| o.clone())
        };
        let size = o.size.map_or_else(|| "—".to_string(), |s| i18n.num(s));
        let label = |key: &str| i18n.tf(key, &[("title", &o.title)]);
        html! {
            <tr key={id.clone()} data-testid={format!("insight-opp-{id}")}>
                <th scope="row" class="insight-opp-title">{ &o.title }</th>
                <td>{ horizon_name(i18n, o.horizon) }</td>
                <td class="num" data-testid={format!("insight-opp-{id}-size")}>{ size }</td>
                <td>{ &o.timing }</td>
                <td><span class={classes!("insight-priority", format!("is-{}", o.priority.key()))}>
                    { priority_name(i18n, o.priority) }</span></td>
                <td>{ person_name(&ed.ws, o.owner.as_deref()) }</td>
                <td>{ &o.next_step }</td>
                <td class="insight-row-actions">
                    <button type="button" class="button insight-small" onclick={edit}
                            aria-label={label("insight.opp_edit_label")}
                            data-testid={format!("insight-opp-{id}-edit")}>{ i18n.t("insight.edit") }</button>
                    <button type="button" class="button insight-small" onclick={delete}
                            aria-label={label("insight.opp_delete_label")}
                            data-testid={format!("insight-opp-{id}-delete")}>{ i18n.t("insight.delete") }</button>
                </td>
            </tr>
        }
    };
    let head = [
        "insight.col_title",
        "insight.col_horizon",
        "insight.col_size",
        "insight.col_timing",
        "insight.col_priority",
        "insight.owner",
        "insight.col_next",
    ];
    html! {
        <section class="insight-section" data-testid="insight-opps">
            <div class="insight-section-head">
                <h4 class="insight-section-title">{ i18n.t("insight.opps_title") }</h4>
                <button type="button" class="button" onclick={add} data-testid="insight-opp-add">
                    { i18n.t("insight.opp_add") }</button>
            </div>
            if list.is_empty() {
                <p class="muted insight-empty" data-testid="insight-opps-empty">{ i18n.t("insight.opps_none") }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("insight.opps_title")}>
                    <table class="data-table insight-opps" data-testid="insight-opps-table">
                        <thead><tr>
                            { for head.iter().map(|k| html! { <th scope="col">{ i18n.t(k) }</th> }) }
                            <th scope="col" class="insight-row-actions">
                                <span class="visually-hidden">{ i18n.t("insight.col_actions") }</span></th>
                        </tr></thead>
                        <tbody>{ for list.iter().map(row) }</tbody>
                    </table>
                </div>
            }
        </section>
    }
}

/// Props of [`OpportunityDialog`].
#[derive(Properties, PartialEq)]
pub struct OpportunityDialogProps {
    /// The open workspace (its people are the owners to choose from).
    pub ws: DocRef,
    /// The opportunity to edit, or the template of a new one (empty id).
    pub opportunity: Opportunity,
    /// The checked opportunity.
    pub on_save: Callback<Opportunity>,
    /// Closes the dialog without a change.
    pub on_close: Callback<()>,
}

/// What the dialog holds while it is open: the opportunity, and its size as typed.
#[derive(Clone, PartialEq)]
struct Draft {
    opp: Opportunity,
    size: String,
}

/// What is wrong with a draft, each shown next to its field.
#[derive(Clone, Default, PartialEq)]
struct Problems {
    title: bool,
    size: bool,
}

/// The size of a draft: unchanged when its text is as shown, none when empty, `Err` when the
/// text is not an amount of zero or more.
fn parse_size(draft: &Draft, shown: &str) -> Result<Option<f64>, ()> {
    let t = draft.size.trim();
    if t == shown {
        return Ok(draft.opp.size);
    }
    if t.is_empty() {
        return Ok(None);
    }
    match parse_compact(t) {
        Some(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        _ => Err(()),
    }
}

/// The dialog that adds or edits an opportunity.
#[function_component(OpportunityDialog)]
pub fn opportunity_dialog(props: &OpportunityDialogProps) -> Html {
    let i18n = use_i18n();
    // The size as first shown: saving it unchanged keeps the exact figure behind the rounding.
    let shown = props
        .opportunity
        .size
        .map(|s| i18n.num(s))
        .unwrap_or_default();
    let draft = {
        let opp = props.opportunity.clone();
        let size = shown.clone();
        use_state(move || Draft { opp, size })
    };
    let problems = use_state(Problems::default);
    let update = |f: fn(&mut Draft, String)| {
        let draft = draft.clone();
        move |value: String| {
            let mut next = (*draft).clone();
            f(&mut next, value);
            draft.set(next);
        }
    };
    let text = |f: fn(&mut Draft, String)| {
        let set = update(f);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let choice = |f: fn(&mut Draft, String)| {
        let set = update(f);
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let onsubmit = {
        let draft = draft.clone();
        let problems = problems.clone();
        let on_save = props.on_save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let size = parse_size(&draft, &shown);
            let found = Problems {
                title: draft.opp.title.trim().is_empty(),
                size: size.is_err(),
            };
            if let (false, Ok(size)) = (found.title, size) {
                let mut opp = draft.opp.clone();
                opp.title = opp.title.trim().to_string();
                opp.size = size;
                on_save.emit(opp);
            }
            problems.set(found);
        })
    };
    let cancel = props.on_close.reform(|_: MouseEvent| ());
    let d = &draft.opp;
    let error = |on: bool, text: String, id: &'static str| -> Html {
        if on {
            html! { <span class="insight-error" role="alert" id={id} data-testid={id}>{ text }</span> }
        } else {
            html! {}
        }
    };
    let editing = !props.opportunity.id.is_empty();
    let title = if editing {
        "insight.opp_edit_title"
    } else {
        "insight.opp_add_title"
    };
    html! {
        <Modal labelledby="insight-opp-dialog-title" testid="insight-opp-dialog" class="insight-dialog"
               on_close={props.on_close.clone()}>
            <form {onsubmit} novalidate=true>
                <h2 id="insight-opp-dialog-title" class="dialog-title">{ i18n.t(title) }</h2>
                <div class="insight-dialog-grid">
                    <label class="insight-dialog-field is-wide">
                        <span>{ i18n.t("insight.col_title") }</span>
                        <input type="text" value={d.title.clone()} maxlength="200" oninput={text(|d, v| d.opp.title = v)}
                               aria-invalid={problems.title.to_string()} aria-describedby="insight-opp-title-error"
                               data-testid="insight-opp-title" />
                        { error(problems.title, i18n.t("insight.err_title").to_string(), "insight-opp-title-error") }
                    </label>
                    <label class="insight-dialog-field">
                        <span>{ i18n.t("insight.col_horizon") }</span>
                        <select onchange={choice(|d, v| d.opp.horizon = Horizon::from_key(&v).unwrap_or_default())}
                                data-testid="insight-opp-horizon">
                            { for Horizon::ALL.iter().map(|h| html! {
                                <option value={h.key()} selected={*h == d.horizon}>{ horizon_name(&i18n, *h) }</option>
                            }) }
                        </select>
                    </label>
                    <label class="insight-dialog-field">
                        <span>{ i18n.t("insight.col_size") }</span>
                        <input type="text" value={draft.size.clone()} maxlength="40" oninput={text(|d, v| d.size = v)}
                               placeholder={i18n.t("insight.size_placeholder")}
                               aria-invalid={problems.size.to_string()} aria-describedby="insight-opp-size-error"
                               data-testid="insight-opp-size" />
                        { error(problems.size, i18n.tf("insight.err_size", &[("text", draft.size.trim())]),
                                "insight-opp-size-error") }
                    </label>
                    <label class="insight-dialog-field">
                        <span>{ i18n.t("insight.col_timing") }</span>
                        <input type="text" value={d.timing.clone()} maxlength="80" oninput={text(|d, v| d.opp.timing = v)}
                               placeholder={i18n.t("insight.timing_placeholder")} data-testid="insight-opp-timing" />
                    </label>
                    <label class="insight-dialog-field">
                        <span>{ i18n.t("insight.col_priority") }</span>
                        <select onchange={choice(|d, v| d.opp.priority = Priority::from_key(&v).unwrap_or_default())}
                                data-testid="insight-opp-priority">
                            { for Priority::ALL.iter().map(|p| html! {
                                <option value={p.key()} selected={*p == d.priority}>{ priority_name(&i18n, *p) }</option>
                            }) }
                        </select>
                    </label>
                    <label class="insight-dialog-field">
                        <span>{ i18n.t("insight.owner") }</span>
                        <select onchange={choice(|d, v| d.opp.owner = (!v.is_empty()).then_some(v))}
                                data-testid="insight-opp-owner">
                            <option value="" selected={d.owner.is_none()}>{ i18n.t("insight.no_owner") }</option>
                            { for props.ws.0.org.people.iter().map(|p| html! {
                                <option value={p.id.clone()} selected={d.owner.as_deref() == Some(p.id.as_str())}>
                                    { &p.name }</option>
                            }) }
                        </select>
                    </label>
                    <label class="insight-dialog-field is-wide">
                        <span>{ i18n.t("insight.col_next") }</span>
                        <input type="text" value={d.next_step.clone()} maxlength="500"
                               oninput={text(|d, v| d.opp.next_step = v)} data-testid="insight-opp-next" />
                    </label>
                </div>
                <div class="dialog-actions">
                    <button type="button" class="button" onclick={cancel} data-testid="insight-opp-cancel">
                        { i18n.t("insight.cancel") }</button>
                    <button type="submit" class="button button-primary" data-testid="insight-opp-save">
                        { i18n.t(if editing { "insight.save" } else { "insight.opp_add" }) }</button>
                </div>
            </form>
        </Modal>
    }
}

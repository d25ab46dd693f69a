//! The account's MCR plan: the items of 营 (customer-group strategy, the account's strategic
//! plan and business plan) and of 赢 (the customer management plan, contact and communication,
//! expectations and satisfaction, customer information), each with its owner, due date and
//! status; an item past its due date and not done is flagged overdue. Items are added with the
//! line at the bottom and their status changed in place.

use yew::prelude::*;

use super::{person_name, PartProps};
use crate::domain::dates::day_number;
use crate::domain::edit::Edit;
use crate::domain::mcr::{ItemStatus, Phase, PlanArea, PlanItem};
use crate::ui::i18n::use_i18n;
use crate::ui::views::customers::{event_value, Select};

pub use crate::domain::mcr::calc::plan_item_overdue as overdue;

/// The tab's plan part.
#[function_component(Plan)]
pub fn plan(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let ws = &props.ws.0;
    let draft = use_state(|| PlanItem {
        area: PlanArea::GroupStrategy,
        ..PlanItem::default()
    });
    let Some(account) = props.account.clone() else {
        return html! {};
    };
    let today = day_number(&ws.meta.today);
    let items: Vec<&PlanItem> = ws
        .mcr
        .plan
        .iter()
        .filter(|p| p.account == account)
        .collect();
    let overdue_n = items.iter().filter(|p| overdue(p, today)).count();
    let people: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::default(), i18n.t("mcr.no_owner").into()))
            .chain(
                ws.org
                    .people
                    .iter()
                    .map(|p| (p.id.clone().into(), p.name.clone().into())),
            )
            .collect();
    let areas: Vec<(AttrValue, AttrValue)> = PlanArea::ALL
        .iter()
        .map(|a| {
            (
                a.key().into(),
                format!(
                    "{} · {}",
                    i18n.t(&format!("mcr.phase_{}", a.phase().key())),
                    i18n.t(&format!("mcr.area_{}", a.key()))
                )
                .into(),
            )
        })
        .collect();
    let statuses: Vec<(AttrValue, AttrValue)> = ItemStatus::ALL
        .iter()
        .map(|s| {
            (
                s.key().into(),
                i18n.t(&format!("mcr.status_{}", s.key())).into(),
            )
        })
        .collect();
    let set_status = |id: String| {
        let (ws, on_edit) = (ws.clone(), props.on_edit.clone());
        Callback::from(move |v: String| {
            let Some(status) = ItemStatus::from_key(&v) else {
                return;
            };
            let mut doc = ws.mcr.clone();
            if let Some(p) = doc.plan.iter_mut().find(|p| p.id == id) {
                p.status = status;
            }
            on_edit.emit(Edit::SetMcr(Box::new(doc)));
        })
    };
    let remove = |id: String| {
        let (ws, on_edit) = (ws.clone(), props.on_edit.clone());
        Callback::from(move |_: MouseEvent| {
            let mut doc = ws.mcr.clone();
            doc.plan.retain(|p| p.id != id);
            on_edit.emit(Edit::SetMcr(Box::new(doc)));
        })
    };
    let on_add = {
        let (ws, on_edit, draft, account) = (
            ws.clone(),
            props.on_edit.clone(),
            draft.clone(),
            account.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut item = (*draft).clone();
            item.goal = item.goal.trim().to_string();
            item.actions = item.actions.trim().to_string();
            if item.goal.is_empty() {
                return;
            }
            let mut doc = ws.mcr.clone();
            item.id = doc.next_id("mp-");
            item.account = account.clone();
            doc.plan.push(item);
            on_edit.emit(Edit::SetMcr(Box::new(doc)));
            draft.set(PlanItem {
                area: draft.area,
                ..PlanItem::default()
            });
        })
    };
    let upd = |f: fn(&mut PlanItem, String)| {
        let draft = draft.clone();
        Callback::from(move |v: String| {
            let mut d = (*draft).clone();
            f(&mut d, v);
            draft.set(d);
        })
    };
    let typed = |f: fn(&mut PlanItem, String)| {
        let cb = upd(f);
        Callback::from(move |e: InputEvent| cb.emit(event_value(&e)))
    };
    html! {
        <section class="mcr-plan" data-testid="mcr-plan">
            <h3>{ i18n.t("mcr.plan_title") }</h3>
            <p class="muted">{ i18n.t("mcr.plan_intro") }</p>
            if overdue_n > 0 {
                <p class="mcr-overdue-note" role="status" data-testid="mcr-overdue-count">
                    { i18n.tf("mcr.overdue_n", &[("n", &overdue_n.to_string())]) }
                </p>
            }
            { for Phase::ALL.iter().map(|phase| {
                let of_phase: Vec<&&PlanItem> = items.iter().filter(|p| p.area.phase() == *phase).collect();
                html! {
                    <div class="mcr-phase" data-testid={format!("mcr-phase-{}", phase.key())}>
                        <h4>{ i18n.t(&format!("mcr.phase_{}_long", phase.key())) }</h4>
                        if of_phase.is_empty() {
                            <p class="muted">{ i18n.t("mcr.phase_empty") }</p>
                        } else {
                            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t(&format!("mcr.phase_{}_long", phase.key())).to_string()}>
                                <table class="mcr-plan-table">
                                    <thead><tr>
                                        <th scope="col">{ i18n.t("mcr.area") }</th>
                                        <th scope="col">{ i18n.t("mcr.goal") }</th>
                                        <th scope="col">{ i18n.t("mcr.actions") }</th>
                                        <th scope="col">{ i18n.t("mcr.f_owner") }</th>
                                        <th scope="col">{ i18n.t("mcr.due") }</th>
                                        <th scope="col">{ i18n.t("mcr.status") }</th>
                                        <th scope="col"><span class="visually-hidden">{ i18n.t("mcr.delete") }</span></th>
                                    </tr></thead>
                                    <tbody>
                                        { for of_phase.iter().map(|p| {
                                            let late = overdue(p, today);
                                            html! {
                                                <tr class={classes!(late.then_some("is-overdue"))} data-testid={format!("mcr-item-{}", p.id)}>
                                                    <td>{ i18n.t(&format!("mcr.area_{}", p.area.key())) }</td>
                                                    <td>{ p.goal.clone() }</td>
                                                    <td>{ p.actions.clone() }</td>
                                                    <td>{ person_name(ws, p.owner.as_deref()) }</td>
                                                    <td>
                                                        { p.due.clone() }
                                                        if late { <span class="mcr-overdue" data-testid="mcr-overdue">{ i18n.t("mcr.overdue") }</span> }
                                                    </td>
                                                    <td><Select testid={format!("mcr-status-{}", p.id)} options={statuses.clone()}
                                                                label={AttrValue::from(i18n.tf("mcr.status_of", &[("goal", &p.goal)]))}
                                                                value={AttrValue::from(p.status.key())} onchange={set_status(p.id.clone())} /></td>
                                                    <td><button type="button" class="button" aria-label={i18n.tf("mcr.delete_item", &[("goal", &p.goal)])}
                                                                onclick={remove(p.id.clone())}>{ i18n.t("mcr.delete") }</button></td>
                                                </tr>
                                            }
                                        }) }
                                    </tbody>
                                </table>
                            </div>
                        }
                    </div>
                }
            }) }
            <form class="mcr-plan-add" onsubmit={on_add} aria-label={i18n.t("mcr.add_item")}>
                <Select testid="mcr-new-area" options={areas} label={AttrValue::from(i18n.t("mcr.area").to_string())} value={AttrValue::from(draft.area.key())}
                        onchange={upd(|p, v| if let Some(a) = PlanArea::from_key(&v) { p.area = a })} />
                <input data-testid="mcr-new-goal" aria-label={i18n.t("mcr.goal")} placeholder={i18n.t("mcr.goal")} maxlength="200"
                       value={draft.goal.clone()} oninput={typed(|p, v| p.goal = v)} />
                <input data-testid="mcr-new-actions" aria-label={i18n.t("mcr.actions")} placeholder={i18n.t("mcr.actions")} maxlength="500"
                       value={draft.actions.clone()} oninput={typed(|p, v| p.actions = v)} />
                <Select testid="mcr-new-owner" options={people} label={AttrValue::from(i18n.t("mcr.f_owner").to_string())} value={AttrValue::from(draft.owner.clone().unwrap_or_default())}
                        onchange={upd(|p, v| p.owner = (!v.is_empty()).then_some(v))} />
                <input type="date" data-testid="mcr-new-due" aria-label={i18n.t("mcr.due")}
                       value={draft.due.clone()} oninput={typed(|p, v| p.due = v)} />
                <button type="submit" class="button button-primary" data-testid="mcr-add-item"
                        disabled={draft.goal.trim().is_empty()}>{ i18n.t("mcr.add_item") }</button>
            </form>
        </section>
    }
}

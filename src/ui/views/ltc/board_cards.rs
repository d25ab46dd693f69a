//! A column of the board and its cards, as plain functions. A card is focusable: Enter opens
//! the editor, Alt+→ / Alt+← move it to the next / previous stage, and its "move to" list moves
//! it anywhere; it can also be dragged onto another column.

use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::super::{person_name, stage_name};
use crate::domain::ltc::board::{Column, PAGE};
use crate::domain::ltc::calc;
use crate::domain::ltc::{Opportunity, StageKind};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::{use_i18n, I18n};

/// What a card and a column can ask of the board.
#[derive(Clone, PartialEq)]
pub struct Actions {
    /// Move (opportunity id, stage id).
    pub on_move: Callback<(String, String)>,
    /// Open the editor on an opportunity.
    pub on_open: Callback<String>,
    /// Open an account's page.
    pub on_open_account: Callback<String>,
    /// A card started being dragged.
    pub on_drag: Callback<String>,
    /// Something was dropped on the column of this stage.
    pub on_drop: Callback<String>,
    /// The column of this stage is under a dragged card.
    pub on_drag_over: Callback<String>,
    /// Show another page of the column of this stage.
    pub on_more: Callback<String>,
}

/// The element id of a card (ids may hold any character: looked up with `getElementById`).
pub fn card_dom_id(id: &str) -> String {
    format!("ltc-card-{id}")
}

/// Puts the dragged card's id on the drag (through the DOM object: the `DataTransfer` binding
/// is not compiled in); Firefox starts no drag without data.
fn set_drag_data(e: &DragEvent, id: &str) {
    let Ok(dt) = js_sys::Reflect::get(e, &"dataTransfer".into()) else {
        return;
    };
    if dt.is_null() || dt.is_undefined() {
        return;
    }
    if let Ok(f) = js_sys::Reflect::get(&dt, &"setData".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call2(&dt, &"text/plain".into(), &id.into());
        }
    }
    let _ = js_sys::Reflect::set(&dt, &"effectAllowed".into(), &"move".into());
}

/// The header figures and the cards of a column.
pub fn column(
    i18n: &I18n,
    ws: &Workspace,
    col: &Column,
    names: &HashMap<String, String>,
    drop_target: bool,
    today: i64,
    act: &Actions,
) -> Html {
    let Some(stage) = ws.ltc.stages.get(col.stage) else {
        return Html::default();
    };
    let sid = stage.id.clone();
    let prefix = format!("ltc-col-{sid}");
    let t = &col.totals;
    let ondragover = {
        let (cb, sid) = (act.on_drag_over.clone(), sid.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            cb.emit(sid.clone());
        })
    };
    let ondrop = {
        let (cb, sid) = (act.on_drop.clone(), sid.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            cb.emit(sid.clone());
        })
    };
    let kind_class = match stage.kind {
        StageKind::Open => "is-open",
        StageKind::Won => "is-won",
        StageKind::Lost => "is-lost",
    };
    let role = if stage.lead_role.is_empty() {
        String::new()
    } else {
        i18n.tf("ltc_board.lead_role", &[("role", &stage.lead_role)])
    };
    let more = {
        let (cb, sid) = (act.on_more.clone(), sid.clone());
        Callback::from(move |_: MouseEvent| cb.emit(sid.clone()))
    };
    let name = stage_name(i18n, stage);
    // The stages a card can move to (compared by value: equal across renders).
    let moves: Rc<Vec<(String, String)>> = Rc::new(
        ws.ltc
            .stages
            .iter()
            .map(|s| (s.id.clone(), stage_name(i18n, s)))
            .collect(),
    );
    html! {
        <section class={classes!("ltc-col", kind_class, drop_target.then_some("is-drop-target"))}
                 data-testid={prefix.clone()} aria-label={name.clone()} {ondragover} {ondrop}>
            <header class="ltc-col-head">
                <h3 class="ltc-col-name">{ name }</h3>
                <p class="ltc-col-meta">
                    <span data-testid={format!("{prefix}-prob")}>
                        { i18n.tf("ltc_board.probability", &[("pct", &format!("{}", stage.probability_pct))]) }
                    </span>
                    if !role.is_empty() { <span class="ltc-col-role">{ role }</span> }
                </p>
                <dl class="ltc-col-totals">
                    <div><dt>{ i18n.t("ltc_board.count") }</dt>
                         <dd data-testid={format!("{prefix}-count")}>{ t.count }</dd></div>
                    <div><dt>{ i18n.t("ltc_board.amount") }</dt>
                         <dd data-testid={format!("{prefix}-amount")}>{ i18n.num(t.amount) }</dd></div>
                    <div><dt>{ i18n.t("ltc_board.weighted") }</dt>
                         <dd data-testid={format!("{prefix}-weighted")}>{ i18n.num(t.weighted) }</dd></div>
                </dl>
            </header>
            <ul class="ltc-cards">
                { for col.cards.iter().map(|o| html! {
                    <li key={o.id.clone()}>{ card(i18n, ws, o, names, today, act, &moves) }</li>
                }) }
            </ul>
            if col.totals.count == 0 {
                <p class="muted ltc-col-empty">{ i18n.t("ltc_board.empty") }</p>
            }
            if col.more > 0 {
                <button type="button" class="button ltc-more" onclick={more}
                        data-testid={format!("{prefix}-more")}>
                    { i18n.tf("ltc_board.more", &[("n", &col.more.to_string()), ("page", &PAGE.min(col.more).to_string())]) }
                </button>
            }
        </section>
    }
}

/// One card's props: what it shows, worked out by the column, so that a card whose
/// opportunity and figures did not change is not rendered again.
#[derive(Properties, PartialEq)]
pub struct CardProps {
    /// The opportunity (compared by identity: an edit replaces the record).
    pub opp: OppRef,
    /// The account's name.
    pub account: AttrValue,
    /// The owner's name ("" without one).
    pub owner: AttrValue,
    /// Days in the stage, when the stage has an entry date.
    pub days: Option<i64>,
    /// Days over the stage's threshold (`None`: not aged).
    pub over: Option<i64>,
    /// Position of its stage.
    pub here: Option<usize>,
    /// Every stage: (id, name), in order.
    pub stages: Rc<Vec<(String, String)>>,
    /// What the card can ask of the board.
    pub actions: Actions,
}

/// An opportunity compared by identity.
#[derive(Clone)]
pub struct OppRef(pub Rc<Opportunity>);

impl PartialEq for OppRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// One card, its props worked out.
fn card(
    i18n: &I18n,
    ws: &Workspace,
    o: &Rc<Opportunity>,
    names: &HashMap<String, String>,
    today: i64,
    act: &Actions,
    stages: &Rc<Vec<(String, String)>>,
) -> Html {
    let ltc = &ws.ltc;
    let days = calc::days_in_stage(o, today);
    let aged = calc::is_aged(ltc, o, today);
    let over = match (days, ltc.stage(&o.stage)) {
        (Some(d), Some(s)) if aged => Some(d - i64::from(s.ageing_days)),
        _ => None,
    };
    let account = names
        .get(&o.account)
        .cloned()
        .unwrap_or_else(|| o.account.clone());
    let owner = o
        .owner
        .as_deref()
        .map(|_| person_name(ws, o.owner.as_deref()))
        .unwrap_or_else(|| i18n.t("ltc_board.no_owner").to_string());
    html! {
        <Card opp={OppRef(o.clone())} account={AttrValue::from(account)} owner={AttrValue::from(owner)}
              {days} {over} here={ltc.stage_index(&o.stage)} stages={stages.clone()} actions={act.clone()} />
    }
}

/// One card.
#[function_component(Card)]
fn card_view(props: &CardProps) -> Html {
    let i18n = use_i18n();
    let o = &*props.opp.0;
    let id = o.id.clone();
    let (days, here, aged) = (props.days, props.here, props.over.is_some());
    let act = &props.actions;
    let onkeydown = {
        let (id, on_move, on_open) = (id.clone(), act.on_move.clone(), act.on_open.clone());
        let stages = props.stages.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if e.alt_key() && (key == "ArrowRight" || key == "ArrowLeft") {
                e.prevent_default();
                let next = here.and_then(|i| {
                    if key == "ArrowRight" {
                        stages.get(i + 1)
                    } else {
                        i.checked_sub(1).and_then(|j| stages.get(j))
                    }
                });
                if let Some((s, _)) = next {
                    on_move.emit((id.clone(), s.clone()));
                }
            } else if key == "Enter" && e.target() == e.current_target() {
                e.prevent_default();
                on_open.emit(id.clone());
            }
        })
    };
    let onclick = {
        let (id, on_open) = (id.clone(), act.on_open.clone());
        Callback::from(move |e: MouseEvent| {
            // Clicks on the card's own controls do their own thing.
            let inner = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest("button, select, a").ok().flatten().is_some());
            if !inner {
                on_open.emit(id.clone());
            }
        })
    };
    let ondragstart = {
        let (id, cb) = (id.clone(), act.on_drag.clone());
        Callback::from(move |e: DragEvent| {
            set_drag_data(&e, &id);
            cb.emit(id.clone());
        })
    };
    let open_account = {
        let (acc, cb) = (o.account.clone(), act.on_open_account.clone());
        Callback::from(move |_: MouseEvent| cb.emit(acc.clone()))
    };
    let move_to = {
        let (id, cb) = (id.clone(), act.on_move.clone());
        Callback::from(move |e: Event| {
            let v = crate::ui::views::customers::event_value(&e);
            if !v.is_empty() {
                cb.emit((id.clone(), v));
            }
        })
    };
    let account = props.account.to_string();
    let close = if o.close_date.is_empty() {
        i18n.t("ltc_board.no_close").to_string()
    } else {
        o.close_date.clone()
    };
    let owner = props.owner.clone();
    // Opportunities of one account may share a name: the stage and the close date tell them apart.
    let stage = props
        .stages
        .iter()
        .find(|(s, _)| *s == o.stage)
        .map_or_else(|| o.stage.to_string(), |(_, n)| n.to_string());
    let context = [
        ("name", o.name.as_str()),
        ("account", account.as_str()),
        ("stage", stage.as_str()),
        ("close", close.as_str()),
    ];
    let over = props.over.unwrap_or(0);
    let test = format!("ltc-card-{id}");
    let label = i18n.tf(
        "ltc_board.card_label",
        &[("name", &o.name), ("account", &account)],
    );
    html! {
        <article id={card_dom_id(&id)} class={classes!("ltc-card", aged.then_some("is-aged"))}
                 tabindex="0" draggable="true" aria-label={label} data-testid={test.clone()}
                 {onkeydown} {onclick} {ondragstart}>
            <h4 class="ltc-card-name">{ o.name.clone() }</h4>
            <button type="button" class="link-button ltc-card-account" onclick={open_account}
                    aria-label={i18n.tf("ltc_board.card_account_label", &context)}
                    data-testid={format!("{test}-account")}>{ account.clone() }</button>
            <p class="ltc-card-amount" data-testid={format!("{test}-amount")}>{ i18n.num(o.amount) }</p>
            <p class="ltc-card-meta">
                <span title={i18n.t("ltc_board.close_date")}>{ close.clone() }</span>
                <span>{ owner }</span>
            </p>
            if let Some(d) = days {
                <p class="ltc-card-days" data-testid={format!("{test}-days")}>
                    { i18n.tf("ltc_board.days_in_stage", &[("n", &d.max(0).to_string())]) }
                    if aged {
                        <span class="ltc-aged" data-testid={format!("{test}-aged")}>
                            { i18n.tf("ltc_board.aged", &[("n", &over.to_string())]) }
                        </span>
                    }
                </p>
            }
            <div class="ltc-card-move">
                <select onchange={move_to} data-testid={format!("{test}-move")}
                        aria-label={i18n.tf("ltc_board.move_label", &context)}>
                    <option value="" selected=true>{ i18n.t("ltc_board.move_to") }</option>
                    { for props.stages.iter().filter(|(s, _)| *s != o.stage).map(|(s, name)| html! {
                        <option value={s.clone()}>{ name.clone() }</option>
                    }) }
                </select>
            </div>
        </article>
    }
}

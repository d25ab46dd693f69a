//! The pipeline board (商机看板): a column per stage with its totals over the filtered
//! opportunities and its cards; cards move by drag and drop or the keyboard (each move one undo
//! step, a move to lost asking for the reason); the opportunity editor and the stage settings.

#[path = "board_cards.rs"]
mod cards;
#[path = "opp_form.rs"]
mod opp_form;
#[path = "stages_form.rs"]
mod stages_form;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::{stage_name, today, PartProps};
use crate::domain::edit::Edit;
use crate::domain::ltc::board::{BoardIndex, Filter, PAGE};
use crate::domain::ltc::{Ltc, Opportunity, StageKind};
use crate::ui::dialog::Dialog;
use crate::ui::i18n::use_i18n;
use crate::ui::views::customers::Select;
use cards::{card_dom_id, column, Actions};
use opp_form::OppForm;
use stages_form::StageSettings;

/// What is open over the board.
#[derive(Clone, PartialEq)]
enum Open {
    None,
    /// The editor: an opportunity, or (None) a new one.
    Editor(Option<Rc<Opportunity>>),
    /// Asking why the opportunity was lost before moving it to the lost stage.
    Lost {
        id: String,
        stage: String,
    },
}

/// How many cards each column shows (stage id → count; [`PAGE`] when absent); each "more"
/// adds a page.
#[derive(Clone, Default, PartialEq)]
struct Shown(HashMap<String, usize>);

impl Reducible for Shown {
    type Action = String;

    fn reduce(self: Rc<Self>, stage: String) -> Rc<Self> {
        let mut next = self.0.clone();
        *next.entry(stage).or_insert(PAGE) += PAGE;
        Rc::new(Shown(next))
    }
}

/// Marks a point in time for the "stage move → updated board" measurement of the benchmark
/// (`bench/ui_stage_move.mjs`), as the tiering view does for a rule edit.
fn performance_mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// The tab.
#[function_component(Board)]
pub fn board_tab(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let ws = props.ws.0.clone();
    let filter = use_state(Filter::default);
    let shown = use_reducer(Shown::default);
    let open = use_state(|| Open::None);
    let drop_target = use_state_eq(|| None::<String>);
    let dragging = use_mut_ref(|| None::<String>);
    // The card to focus once the board has re-rendered (after a move, the card is a new element).
    let focus_next: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
    let day = today(&ws);
    // The entries behind the columns, kept across edits: a stage move updates them in place.
    let index = use_mut_ref(|| None::<BoardIndex>);
    let board = {
        let index = index.clone();
        use_memo(
            (
                props.ws.clone(),
                props.tiers.clone(),
                (*filter).clone(),
                shown.0.clone(),
            ),
            move |(w, tiers, f, s)| {
                let mut slot = index.borrow_mut();
                let ix = match slot.take() {
                    Some(mut ix) => {
                        ix.update(&w.0, tiers, f, day);
                        ix
                    }
                    None => BoardIndex::new(&w.0, tiers, f, day),
                };
                let model = ix.model(s);
                *slot = Some(ix);
                model
            },
        )
    };
    // The board has been re-rendered for this document: the end of a move's round trip.
    use_effect_with(props.ws.clone(), |_| performance_mark("kam:ltc-updated"));
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            let id = focus_next.borrow_mut().take();
            let el = id.and_then(|id| {
                web_sys::window()?
                    .document()?
                    .get_element_by_id(&card_dom_id(&id))
            });
            if let Some(el) =
                el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = el.focus();
            }
        });
    }

    // What the cards' actions read: the document and callbacks of the latest render, so that
    // the actions themselves stay the same across renders and unchanged cards are not rendered
    // again.
    let latest = use_mut_ref(|| {
        (
            ws.clone(),
            props.on_edit.clone(),
            props.on_open_account.clone(),
        )
    });
    *latest.borrow_mut() = (
        ws.clone(),
        props.on_edit.clone(),
        props.on_open_account.clone(),
    );
    let actions = {
        let (latest, open, focus_next, dragging, drop_target) = (
            latest.clone(),
            open.setter(),
            focus_next.clone(),
            dragging.clone(),
            drop_target.setter(),
        );
        let more = shown.dispatcher();
        use_memo((), move |_| {
            let on_move = {
                let (latest, open, focus_next) = (latest.clone(), open.clone(), focus_next);
                Callback::from(move |(id, stage): (String, String)| {
                    let (ws, on_edit, _) = latest.borrow().clone();
                    let Some(o) = ws.ltc.opportunity(&id) else {
                        return;
                    };
                    if o.stage == stage {
                        return;
                    }
                    if ws
                        .ltc
                        .stage(&stage)
                        .is_some_and(|s| s.kind == StageKind::Lost)
                    {
                        // The card gets the focus back when the dialog closes.
                        open.set(Open::Lost { id, stage });
                        return;
                    }
                    *focus_next.borrow_mut() = Some(id.clone());
                    performance_mark("kam:ltc-move");
                    on_edit.emit(Edit::MoveOpportunity {
                        id,
                        stage,
                        date: ws.meta.today.clone(),
                    });
                })
            };
            Actions {
                on_move: on_move.clone(),
                on_open: {
                    let (latest, open) = (latest.clone(), open.clone());
                    Callback::from(move |id: String| {
                        let ws = latest.borrow().0.clone();
                        if let Some(o) = ws.ltc.opportunity(&id) {
                            open.set(Open::Editor(Some(o.clone())));
                        }
                    })
                },
                on_open_account: {
                    let latest = latest.clone();
                    Callback::from(move |id: String| {
                        let on_open_account = latest.borrow().2.clone();
                        on_open_account.emit(id);
                    })
                },
                on_drag: {
                    let dragging = dragging.clone();
                    Callback::from(move |id: String| *dragging.borrow_mut() = Some(id))
                },
                on_drop: {
                    let (drop_target, on_move) = (drop_target.clone(), on_move.clone());
                    Callback::from(move |stage: String| {
                        drop_target.set(None);
                        if let Some(id) = dragging.borrow_mut().take() {
                            on_move.emit((id, stage));
                        }
                    })
                },
                on_drag_over: Callback::from(move |stage: String| drop_target.set(Some(stage))),
                on_more: Callback::from(move |stage: String| more.dispatch(stage)),
            }
        })
    };
    let set_filter = |f: fn(&mut Filter, String)| {
        let filter = filter.clone();
        Callback::from(move |v: String| {
            let mut next = (*filter).clone();
            f(&mut next, v);
            filter.set(next);
        })
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: ()| open.set(Open::None))
    };
    let on_save = {
        let (on_edit, open, focus_next) = (props.on_edit.clone(), open.clone(), focus_next.clone());
        Callback::from(move |o: Opportunity| {
            *focus_next.borrow_mut() = Some(o.id.clone());
            on_edit.emit(Edit::UpsertOpportunity(Box::new(o)));
            open.set(Open::None);
        })
    };
    let on_delete = {
        let (ws, on_edit, open) = (ws.clone(), props.on_edit.clone(), open.clone());
        Callback::from(move |id: String| {
            let mut doc: Ltc = ws.ltc.clone();
            doc.opportunities.retain(|o| o.id != id);
            on_edit.emit(Edit::SetLtc(Box::new(doc)));
            open.set(Open::None);
        })
    };
    let add = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(Open::Editor(None)))
    };
    let clear = {
        let filter = filter.clone();
        Callback::from(move |_: MouseEvent| filter.set(Filter::default()))
    };

    let f = &*filter;
    let any = |label: &str| (AttrValue::default(), AttrValue::from(label.to_string()));
    let tier_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once(any(i18n.t("ltc_board.all_tiers")))
            .chain(
                ws.tiering
                    .tiers
                    .iter()
                    .map(|t| (t.id.clone().into(), i18n.tier_name(t).to_string().into())),
            )
            .collect();
    let owner_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once(any(i18n.t("ltc_board.all_owners")))
            .chain(
                board
                    .owners
                    .iter()
                    .map(|(id, name)| (id.clone().into(), name.clone().into())),
            )
            .collect();
    let line_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once(any(i18n.t("ltc_board.all_lines")))
            .chain(ws.portfolio.lines.iter().map(|l| {
                (
                    l.id.clone().into(),
                    format!("{} · {}", l.industry, l.name).into(),
                )
            }))
            .collect();
    let year = ws.meta.fiscal_year.to_string();
    let quarter_options: Vec<(AttrValue, AttrValue)> = std::iter::once((
        "0".into(),
        i18n.tf("ltc_board.all_quarters", &[("year", &year)]).into(),
    ))
    .chain((1..=4).map(|q| {
        (
            q.to_string().into(),
            i18n.tf(
                "ltc_board.quarter",
                &[("q", &q.to_string()), ("year", &year)],
            )
            .into(),
        )
    }))
    .collect();
    let on_text = set_filter(|f, v| f.text = v)
        .reform(|e: InputEvent| crate::ui::views::customers::event_value(&e));
    let filter_select = |key: &'static str,
                         label: &str,
                         value: String,
                         options,
                         set: fn(&mut Filter, String)| {
        let id = format!("ltc-filter-{key}");
        html! {
            <label class="ltc-filter" for={id.clone()}>
                <span>{ label.to_string() }</span>
                <Select id={AttrValue::from(id.clone())} testid={AttrValue::from(id)} value={AttrValue::from(value)}
                        {options} onchange={set_filter(set)} />
            </label>
        }
    };
    let lost_dialog = match &*open {
        Open::Lost { id, stage } => {
            let o = ws.ltc.opportunity(id).cloned();
            let stage_label = ws
                .ltc
                .stage(stage)
                .map(|s| stage_name(&i18n, s))
                .unwrap_or_default();
            let cancel = {
                let (open, focus_next, id) = (open.clone(), focus_next.clone(), id.clone());
                Callback::from(move |_: ()| {
                    *focus_next.borrow_mut() = Some(id.clone());
                    open.set(Open::None);
                })
            };
            let on_confirm = {
                let (ws, on_edit, open, id, stage) = (
                    ws.clone(),
                    props.on_edit.clone(),
                    open.clone(),
                    id.clone(),
                    stage.clone(),
                );
                let focus_next = focus_next.clone();
                Callback::from(move |reason: String| {
                    *focus_next.borrow_mut() = Some(id.clone());
                    if let Some(o) = ws.ltc.opportunity(&id) {
                        // One step: the move and the reason together.
                        let mut moved = o.moved(&stage, &ws.meta.today);
                        moved.close_date = ws.meta.today.clone();
                        moved.lost_reason = reason.trim().chars().take(2000).collect();
                        on_edit.emit(Edit::UpsertOpportunity(Box::new(moved)));
                    }
                    open.set(Open::None);
                })
            };
            let validate = {
                let msg = i18n.t("ltc_board.lost_reason_required").to_string();
                Callback::from(move |t: String| t.trim().is_empty().then(|| msg.clone()))
            };
            html! {
                <Dialog title={i18n.tf("ltc_board.lost_title", &[("name", &o.as_ref().map(|o| o.name.clone()).unwrap_or_default()), ("stage", &stage_label)])}
                        body={AttrValue::from(i18n.t("ltc_board.lost_body").to_string())}
                        input={AttrValue::from(o.map(|o| o.lost_reason.clone()).unwrap_or_default())}
                        input_label={AttrValue::from(i18n.t("ltc_board.lost_reason").to_string())}
                        confirm_label={AttrValue::from(i18n.t("ltc_board.lost_confirm").to_string())}
                        validate={validate} on_confirm={on_confirm} on_cancel={cancel} />
            }
        }
        _ => Html::default(),
    };
    let editor = match &*open {
        Open::Editor(o) => html! {
            <OppForm ws={props.ws.clone()} opp={o.clone()} on_save={on_save} on_delete={on_delete} on_close={close.clone()} />
        },
        _ => Html::default(),
    };
    let ondragend = {
        let (dragging, drop_target) = (dragging.clone(), drop_target.clone());
        Callback::from(move |_: DragEvent| {
            dragging.borrow_mut().take();
            drop_target.set(None);
        })
    };
    html! {
        <div class="ltc-board" data-testid="ltc-board">
            <div class="ltc-board-bar">
                <div class="ltc-filters" role="group" aria-label={i18n.t("ltc_board.filters")}>
                    { filter_select("tier", i18n.t("ltc_board.tier"), f.tier.clone(), tier_options, |f, v| f.tier = v) }
                    { filter_select("owner", i18n.t("ltc_board.owner"), f.owner.clone(), owner_options, |f, v| f.owner = v) }
                    { filter_select("line", i18n.t("ltc_board.line"), f.line.clone(), line_options, |f, v| f.line = v) }
                    { filter_select("quarter", i18n.t("ltc_board.quarter_label"), f.quarter.to_string(), quarter_options,
                                    |f, v| f.quarter = v.parse().unwrap_or(0)) }
                    <label class="ltc-filter" for="ltc-filter-text">
                        <span>{ i18n.t("ltc_board.search") }</span>
                        <input id="ltc-filter-text" type="search" value={f.text.clone()} oninput={on_text}
                               placeholder={i18n.t("ltc_board.search_hint")} data-testid="ltc-filter-text" />
                    </label>
                    if f.is_active() {
                        <button type="button" class="button ltc-clear" onclick={clear} data-testid="ltc-filter-clear">
                            { i18n.t("ltc_board.clear_filters") }
                        </button>
                    }
                </div>
                <button type="button" class="button button-primary" onclick={add} data-testid="ltc-opp-add">
                    { i18n.t("ltc_board.add") }
                </button>
            </div>
            <p class="muted ltc-board-hint" id="ltc-board-hint" data-testid="ltc-board-hint">{ i18n.t("ltc_board.hint") }</p>
            <div class="ltc-board-scroll" tabindex="0" role="region" aria-label={i18n.t("ltc_board.region")}
                 aria-describedby="ltc-board-hint" data-testid="ltc-board-columns" {ondragend}>
                { for board.columns.iter().map(|c| {
                    let target = ws.ltc.stages.get(c.stage).is_some_and(|s| drop_target.as_deref() == Some(s.id.as_str()));
                    column(&i18n, &ws, c, &board.names, target, day, &actions)
                }) }
            </div>
            <StageSettings ws={props.ws.clone()} on_edit={props.on_edit.clone()} />
            { editor }
            { lost_dialog }
        </div>
    }
}

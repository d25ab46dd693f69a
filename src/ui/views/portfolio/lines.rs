//! The portfolio tab of Tool 2 (业务组合): the industries × horizons grid, the bubble chart of
//! the business lines (or its table), the horizon mix against the target with the target's
//! editor, and the business lines with add, edit and delete. Every figure comes from
//! `domain::portfolio::calc`; this file holds the tab's state and puts the parts together.

#[path = "bubble.rs"]
mod bubble;
#[path = "lines_form.rs"]
mod lines_form;
#[path = "lines_grid.rs"]
mod lines_grid;
#[path = "mix.rs"]
mod mix;

use std::rc::Rc;

use yew::prelude::*;

use super::PartProps;
use crate::domain::number::format_percent;
use crate::domain::portfolio::calc;
use crate::domain::portfolio::BusinessLine;
use crate::ui::dialog::Dialog;
use crate::ui::i18n::use_i18n;

/// What is open over the tab.
#[derive(Clone, PartialEq)]
enum Overlay {
    None,
    /// The form, on a line or (`None`) a new one.
    Form(Option<Rc<BusinessLine>>),
    /// Confirm deleting the line with this id.
    Delete(String),
}

/// The tab.
#[function_component(Lines)]
pub fn part(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let overlay = use_state(|| Overlay::None);
    // The bubble last focused or hovered, and whether the chart is shown as a table.
    let active = use_state(|| None::<String>);
    let as_table = use_state(|| false);
    // The target mix as typed (`None`: the saved one) and the error of the last save.
    let target_draft = use_state(|| None::<[String; 4]>);
    let target_error = use_state(|| None::<String>);
    let ws = &props.ws.0;
    let p = &ws.portfolio;

    let close = {
        let overlay = overlay.clone();
        Callback::from(move |_: ()| overlay.set(Overlay::None))
    };
    let open_add = {
        let overlay = overlay.clone();
        Callback::from(move |_: MouseEvent| overlay.set(Overlay::Form(None)))
    };
    let on_edit = {
        let overlay = overlay.clone();
        let ws = props.ws.clone();
        Callback::from(move |id: String| {
            if let Some(l) = ws.0.portfolio.lines.iter().find(|l| l.id == id) {
                overlay.set(Overlay::Form(Some(Rc::new(l.clone()))));
            }
        })
    };
    let on_delete = {
        let overlay = overlay.clone();
        Callback::from(move |id: String| overlay.set(Overlay::Delete(id)))
    };
    let on_save_line = {
        let overlay = overlay.clone();
        let ws = props.ws.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |line: BusinessLine| {
            let mut next = ws.0.portfolio.clone();
            match next.lines.iter_mut().find(|l| l.id == line.id) {
                Some(slot) => *slot = line,
                None => next.lines.push(line),
            }
            on_change.emit(next);
            overlay.set(Overlay::None);
        })
    };

    let overlay_html = match &*overlay {
        Overlay::None => html! {},
        Overlay::Form(line) => html! {
            <lines_form::LineForm ws={props.ws.clone()} line={line.clone()}
                                  on_save={on_save_line} on_close={close.clone()} />
        },
        Overlay::Delete(id) => {
            let name = p
                .lines
                .iter()
                .find(|l| &l.id == id)
                .map(|l| l.name.clone())
                .unwrap_or_default();
            let cells = p.whitespace.iter().filter(|c| &c.line == id).count();
            let body = if cells == 0 {
                i18n.t("lines.delete_body_none").to_string()
            } else {
                i18n.tf("lines.delete_body", &[("n", &cells.to_string())])
            };
            let on_confirm = {
                let ws = props.ws.clone();
                let on_change = props.on_change.clone();
                let overlay = overlay.clone();
                let id = id.clone();
                Callback::from(move |_: String| {
                    let mut next = ws.0.portfolio.clone();
                    next.lines.retain(|l| l.id != id);
                    next.whitespace.retain(|c| c.line != id);
                    on_change.emit(next);
                    overlay.set(Overlay::None);
                })
            };
            html! {
                <Dialog title={i18n.tf("lines.delete_title", &[("name", &name)])} body={body}
                        confirm_label={i18n.t("lines.delete").to_string()} danger={true}
                        {on_confirm} on_cancel={close.clone()} />
            }
        }
    };

    // The target mix editor.
    let saved_texts = mix::target_texts(&p.target_mix);
    let texts = (*target_draft)
        .clone()
        .unwrap_or_else(|| saved_texts.clone());
    let on_target_input = {
        let target_draft = target_draft.clone();
        let target_error = target_error.clone();
        let texts = texts.clone();
        Callback::from(move |(i, value): (usize, String)| {
            let mut next = texts.clone();
            if let Some(slot) = next.get_mut(i) {
                *slot = value;
            }
            target_draft.set(Some(next));
            target_error.set(None);
        })
    };
    let on_target_save = {
        let target_draft = target_draft.clone();
        let target_error = target_error.clone();
        let ws = props.ws.clone();
        let on_change = props.on_change.clone();
        let texts = texts.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let saved = &ws.0.portfolio.target_mix;
            match mix::parse_target(&i18n, &texts, saved) {
                Ok(target) => {
                    let mut next = ws.0.portfolio.clone();
                    next.target_mix = target;
                    on_change.emit(next);
                    target_draft.set(None);
                    target_error.set(None);
                }
                Err(message) => target_error.set(Some(message)),
            }
        })
    };
    let on_target_reset = {
        let target_draft = target_draft.clone();
        let target_error = target_error.clone();
        Callback::from(move |_: MouseEvent| {
            target_draft.set(None);
            target_error.set(None);
        })
    };
    let editor = mix::target_editor(
        &i18n,
        mix::TargetEditor {
            texts: &texts,
            error: target_error.as_deref(),
            on_input: on_target_input,
            on_save: on_target_save,
            on_reset: on_target_reset,
        },
    );

    let add_button = html! {
        <button type="button" class="button button-primary" onclick={open_add} data-testid="lines-add">
            { i18n.t("lines.add") }
        </button>
    };
    if p.lines.is_empty() {
        return html! {
            <div class="lines-tab" data-testid="portfolio-lines">
                <section class="card lines-empty" data-testid="lines-empty">
                    <h3 class="card-title">{ i18n.t("lines.title_lines") }</h3>
                    <p>{ i18n.t("lines.empty") }</p>
                    { add_button }
                </section>
                { editor }
                { overlay_html }
            </div>
        };
    }

    let (rows, overall) = calc::grid(p);
    let (points, left_out) = bubble::points(&p.lines);
    let split = bubble::split(&points);
    let focused = active
        .as_deref()
        .and_then(|id| points.iter().find(|pt| pt.line.id == id));
    let on_focus = {
        let active = active.clone();
        Callback::from(move |id: String| active.set(Some(id)))
    };
    let view_button = |table: bool, key: &str, testid: &str| {
        let as_table = as_table.clone();
        html! {
            <button type="button" class={classes!("button", "lines-small", (table == *as_table).then_some("is-current"))}
                    aria-pressed={(table == *as_table).to_string()} data-testid={testid.to_string()}
                    onclick={Callback::from(move |_: MouseEvent| as_table.set(table))}>
                { i18n.t(key).to_string() }
            </button>
        }
    };
    let chart_body = if points.is_empty() {
        html! { <p class="muted" data-testid="lines-bubble-none">{ i18n.t("lines.bubble_none") }</p> }
    } else {
        // Both are rendered: the one not chosen prints (print-only), so a printout has the
        // chart and its table.
        html! {
            <>
                <div class={classes!((*as_table).then_some("print-only"))}>
                    <div class="lines-bubble-layout">
                        <div class="lines-bubble-plot">
                            { bubble::chart(&i18n, &points, split, active.as_deref(), &on_focus) }
                            { bubble::legend(&i18n) }
                        </div>
                        { bubble::details(&i18n, focused, split) }
                    </div>
                </div>
                <div class={classes!((!*as_table).then_some("print-only"))}>
                    { bubble::table(&i18n, &points, split) }
                </div>
            </>
        }
    };

    html! {
        <div class="lines-tab" data-testid="portfolio-lines">
            { lines_grid::grid(&i18n, &rows, &overall) }
            <section class="card lines-bubble" data-testid="lines-bubble">
                <div class="lines-head">
                    <h3 class="card-title">{ i18n.t("lines.title_bubble") }</h3>
                    <div class="lines-toggle" role="group" aria-label={i18n.t("lines.view_label")}>
                        { view_button(false, "lines.view_chart", "lines-view-chart") }
                        { view_button(true, "lines.view_table", "lines-view-table") }
                    </div>
                </div>
                if !points.is_empty() {
                    <p class="muted lines-note" data-testid="lines-quadrant-note">
                        { i18n.tf("lines.quad_note", &[("share", &format_percent(split.0)), ("growth", &format_percent(split.1))]) }
                    </p>
                }
                { chart_body }
                { bubble::left_out(&i18n, &left_out) }
            </section>
            { mix::mix(&i18n, &rows, &overall, &p.target_mix) }
            { editor }
            <section class="card lines-list" data-testid="lines-list">
                <div class="lines-head">
                    <h3 class="card-title">{ i18n.t("lines.title_lines") }</h3>
                    <span class="muted" data-testid="lines-count">
                        { i18n.tf("lines.count", &[("n", &p.lines.len().to_string())]) }
                    </span>
                    { add_button }
                </div>
                { lines_grid::table(&i18n, ws, &on_edit, &on_delete) }
            </section>
            { overlay_html }
        </div>
    }
}

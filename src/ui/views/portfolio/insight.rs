//! The market insight and business design tab of Tool 2 (市场洞察与业务设计; SPEC §3.3): per
//! industry the five looks (五看) with the opportunities they found, the three decisions (三定)
//! and the business design canvas of six elements, printable on one A4 page.
//!
//! Texts are saved when they change (on blur), not on every keystroke: each save re-saves the
//! whole workspace. The sections are plain functions ([`super::insight_sections`],
//! [`super::insight_opps`]); the only components are this tab and the opportunity dialog.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::insight_opps::{opportunities, OpportunityDialog};
use super::insight_sections::{canvas, decisions, looks};
use super::{known_industries, PartProps};
use crate::domain::portfolio::{
    calc, Design, ElementKind, ElementStatus, Insight, LookKind, Opportunity, Portfolio,
};
use crate::domain::workspace::Workspace;
use crate::ui::dialog::Dialog;
use crate::ui::i18n::{use_i18n, I18n};

/// One text or choice of an industry's insight or design.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Field {
    /// What a look found.
    Findings(LookKind),
    /// What a look rests on.
    Evidence(LookKind),
    /// When a look was done.
    Date(LookKind),
    /// 定控制点.
    ControlPoints,
    /// 定目标.
    Targets,
    /// 定策略.
    Strategies,
    /// The content of a design element.
    Text(ElementKind),
    /// Draft or agreed (`draft` / `agreed`).
    Status(ElementKind),
    /// Person id of the element's owner (empty for none).
    Owner(ElementKind),
}

/// The insight of `industry` in `p`, added when missing.
fn insight_mut<'a>(p: &'a mut Portfolio, industry: &str) -> &'a mut Insight {
    let at = match p.insights.iter().position(|i| i.industry == industry) {
        Some(at) => at,
        None => {
            p.insights.push(Insight {
                industry: industry.to_string(),
                ..Insight::default()
            });
            p.insights.len() - 1
        }
    };
    &mut p.insights[at]
}

/// The design of `industry` in `p`, added when missing.
fn design_mut<'a>(p: &'a mut Portfolio, industry: &str) -> &'a mut Design {
    let at = match p.designs.iter().position(|d| d.industry == industry) {
        Some(at) => at,
        None => {
            p.designs.push(Design {
                industry: industry.to_string(),
                ..Design::default()
            });
            p.designs.len() - 1
        }
    };
    &mut p.designs[at]
}

/// A copy of `p` with `field` of `industry` set to `value`; the industry's insight or design is
/// added when it has none yet.
pub(super) fn set_field(p: &Portfolio, industry: &str, field: Field, value: String) -> Portfolio {
    let mut next = p.clone();
    let n = &mut next;
    match field {
        Field::Findings(k) => insight_mut(n, industry).look_mut(k).findings = value,
        Field::Evidence(k) => insight_mut(n, industry).look_mut(k).evidence = value,
        Field::Date(k) => insight_mut(n, industry).look_mut(k).date = value.trim().to_string(),
        Field::ControlPoints => insight_mut(n, industry).control_points = value,
        Field::Targets => insight_mut(n, industry).targets = value,
        Field::Strategies => insight_mut(n, industry).strategies = value,
        Field::Text(k) => design_mut(n, industry).element_mut(k).text = value,
        Field::Status(k) => {
            design_mut(n, industry).element_mut(k).status = if value == "agreed" {
                ElementStatus::Agreed
            } else {
                ElementStatus::Draft
            }
        }
        Field::Owner(k) => {
            design_mut(n, industry).element_mut(k).owner = (!value.is_empty()).then_some(value)
        }
    }
    next
}

/// The value of the text area, input or select an event came from.
fn event_value(e: &Event) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(t) = target.dyn_ref::<HtmlTextAreaElement>() {
        t.value()
    } else if let Some(s) = target.dyn_ref::<HtmlSelectElement>() {
        s.value()
    } else {
        target
            .dyn_ref::<HtmlInputElement>()
            .map(HtmlInputElement::value)
            .unwrap_or_default()
    }
}

/// What the sections need to show and change the selected industry.
#[derive(Clone)]
pub(super) struct Editor {
    /// The open workspace.
    pub ws: Rc<Workspace>,
    /// The selected industry.
    pub industry: Rc<str>,
    on_change: Callback<Portfolio>,
}

impl Editor {
    /// The `change` handler of the control of `field`: one edit of the portfolio.
    pub fn on(&self, field: Field) -> Callback<Event> {
        let this = self.clone();
        Callback::from(move |e: Event| {
            let next = set_field(&this.ws.portfolio, &this.industry, field, event_value(&e));
            if next != this.ws.portfolio {
                this.on_change.emit(next);
            }
        })
    }
}

/// How far the insight and design of one industry are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Progress {
    /// Looks with findings or evidence, of 5.
    pub looks: usize,
    /// Decisions written, of 3.
    pub decisions: usize,
    /// Design elements written, of 6.
    pub elements: usize,
    /// Of those, agreed.
    pub agreed: usize,
}

/// The progress of `industry` in `p`.
pub(super) fn progress(p: &Portfolio, industry: &str) -> Progress {
    let mut out = Progress::default();
    if let Some(i) = p.insight(industry) {
        out.looks = LookKind::ALL
            .iter()
            .filter(|k| !i.look(**k).is_empty())
            .count();
        out.decisions = [&i.control_points, &i.targets, &i.strategies]
            .iter()
            .filter(|t| !t.trim().is_empty())
            .count();
    }
    if let Some(d) = p.design(industry) {
        let written = ElementKind::ALL
            .iter()
            .map(|k| d.element(*k))
            .filter(|e| !e.text.trim().is_empty());
        for e in written {
            out.elements += 1;
            out.agreed += usize::from(e.status == ElementStatus::Agreed);
        }
    }
    out
}

/// The progress as a line ("五看 3/5 · 三定 2/3 · 六要素 4/6，其中 2 项已确认").
fn progress_text(i18n: &I18n, p: Progress) -> String {
    let n = |v: usize| v.to_string();
    i18n.tf(
        "insight.progress",
        &[
            ("looks", &n(p.looks)),
            ("decisions", &n(p.decisions)),
            ("elements", &n(p.elements)),
            ("agreed", &n(p.agreed)),
        ],
    )
}

/// The industries to choose from: those the workspace knows, then any with only an insight or a
/// design (so that nothing written is out of reach).
fn industries(ws: &Workspace) -> Vec<String> {
    let mut out = known_industries(ws);
    let p = &ws.portfolio;
    let written = p.insights.iter().map(|i| &i.industry);
    for i in written.chain(p.designs.iter().map(|d| &d.industry)) {
        if !i.trim().is_empty() && !out.contains(i) {
            out.push(i.clone());
        }
    }
    out
}

/// The tab.
#[function_component(InsightTab)]
pub fn part(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let ws = props.ws.0.clone();
    let chosen = use_state(|| None::<String>);
    let editing = use_state(|| None::<Opportunity>);
    let deleting = use_state(|| None::<Opportunity>);
    let evidence = use_memo(props.ws.clone(), |d| {
        let ws = &d.0;
        calc::accounts_by_industry(&ws.customers, &ws.tier_ids(), &ws.org.account_tiers)
    });
    let all = industries(&ws);
    let has_work =
        |i: &&String| ws.portfolio.insight(i).is_some() || ws.portfolio.design(i).is_some();
    let industry = chosen
        .as_ref()
        .filter(|i| all.contains(i))
        .or_else(|| all.iter().find(has_work))
        .or_else(|| all.first())
        .cloned();
    let Some(industry) = industry else {
        return html! {
            <section class="card insight" data-testid="portfolio-insight">
                <p class="muted" data-testid="insight-no-industry">{ i18n.t("insight.no_industry") }</p>
            </section>
        };
    };

    let on_pick = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(Some(event_value(&e))))
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let ed = Editor {
        ws: ws.clone(),
        industry: Rc::from(industry.as_str()),
        on_change: props.on_change.clone(),
    };
    let on_edit = {
        let editing = editing.clone();
        Callback::from(move |o: Opportunity| editing.set(Some(o)))
    };
    let on_delete = {
        let deleting = deleting.clone();
        Callback::from(move |o: Opportunity| deleting.set(Some(o)))
    };
    let close_dialog = {
        let editing = editing.clone();
        Callback::from(move |_: ()| editing.set(None))
    };
    let on_save = {
        let ws = ws.clone();
        let editing = editing.clone();
        let on_change = props.on_change.clone();
        let industry = industry.clone();
        Callback::from(move |o: Opportunity| {
            let mut next = ws.portfolio.clone();
            match next.opportunities.iter_mut().find(|x| x.id == o.id) {
                Some(x) if !o.id.is_empty() => *x = o,
                _ => {
                    let id = next.next_opportunity_id();
                    let industry = industry.clone();
                    next.opportunities.push(Opportunity { id, industry, ..o });
                }
            }
            on_change.emit(next);
            editing.set(None);
        })
    };
    let confirm_delete = deleting.as_ref().map(|o| {
        let cancel = {
            let deleting = deleting.clone();
            Callback::from(move |_: ()| deleting.set(None))
        };
        let confirm = {
            let ws = ws.clone();
            let deleting = deleting.clone();
            let on_change = props.on_change.clone();
            let id = o.id.clone();
            Callback::from(move |_: String| {
                let mut next = ws.portfolio.clone();
                next.opportunities.retain(|x| x.id != id);
                on_change.emit(next);
                deleting.set(None);
            })
        };
        html! {
            <Dialog title={i18n.t("insight.opp_delete_title")} danger={true}
                    body={AttrValue::from(i18n.tf("insight.opp_delete_body", &[("title", &o.title)]))}
                    confirm_label={i18n.t("insight.opp_delete_confirm")}
                    on_confirm={confirm} on_cancel={cancel} />
        }
    });

    let now = progress(&ws.portfolio, &industry);
    let counts = evidence.get(&industry).cloned().unwrap_or_default();
    html! {
        <section class="card insight insight-print-root" data-testid="portfolio-insight">
            <div class="insight-toolbar">
                <label class="insight-picker">
                    <span>{ i18n.t("insight.industry") }</span>
                    <select class="insight-input" onchange={on_pick} data-testid="insight-industry">
                        { for all.iter().map(|i| html! {
                            <option value={i.clone()} selected={*i == industry}>{ i }</option>
                        }) }
                    </select>
                </label>
                <p class="insight-progress" data-testid="insight-progress">{ progress_text(&i18n, now) }</p>
                <button type="button" class="button insight-print-button" onclick={print}
                        data-testid="insight-print">{ i18n.t("insight.print") }</button>
            </div>
            <details class="insight-progress-all" data-testid="insight-progress-all">
                <summary>{ i18n.t("insight.progress_all") }</summary>
                <ul>
                    { for all.iter().map(|i| html! {
                        <li class={classes!((*i == industry).then_some("is-current"))}>
                            <span class="insight-progress-name">{ i }</span>
                            { progress_text(&i18n, progress(&ws.portfolio, i)) }
                        </li>
                    }) }
                </ul>
            </details>
            <h3 class="insight-title" data-testid="insight-title">
                { i18n.tf("insight.title", &[("industry", &industry)]) }
            </h3>
            { looks(&i18n, &ed) }
            { opportunities(&i18n, &ed, &on_edit, &on_delete) }
            { decisions(&i18n, &ed) }
            { canvas(&i18n, &ed, &counts) }
            if let Some(o) = &*editing {
                <OpportunityDialog ws={props.ws.clone()} opportunity={o.clone()}
                                   {on_save} on_close={close_dialog} />
            }
            { confirm_delete.unwrap_or_default() }
        </section>
    }
}

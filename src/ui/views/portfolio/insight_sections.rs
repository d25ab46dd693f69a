//! The five looks, the three decisions and the business design canvas of the insight tab, as
//! plain functions (no components: each costs wasm). Every control has its text beside it in a
//! print-only block, so that the page prints as a document rather than as a form.

use yew::prelude::*;

use super::insight::{Editor, Field};
use super::{horizon_name, person_name};
use crate::domain::portfolio::{
    DesignElement, ElementKind, ElementStatus, Horizon, Insight, Look, LookKind,
};
use crate::ui::i18n::I18n;

/// Longest text kept by the load path (`persist::read::MAX_TEXT_CHARS`).
const MAX_CHARS: &str = "10000";

/// A labelled text area saved on change, and its text for print.
fn text_area(
    ed: &Editor,
    field: Field,
    label: &str,
    name: String,
    value: &str,
    testid: String,
) -> Html {
    html! {
        <label class="insight-field">
            <span class="insight-label">{ label }</span>
            <textarea class="insight-input" rows="3" value={value.to_string()} maxlength={MAX_CHARS}
                      aria-label={name} onchange={ed.on(field)} data-testid={testid} />
            <span class="insight-print-text print-only">{ value }</span>
        </label>
    }
}

/// A select of the people (none first) saved on change, and the chosen name for print.
fn owner_select(
    ed: &Editor,
    field: Field,
    i18n: &I18n,
    owner: Option<&str>,
    name: String,
    testid: String,
) -> Html {
    let chosen = person_name(&ed.ws, owner);
    html! {
        <label class="insight-inline">
            <span class="insight-label">{ i18n.t("insight.owner") }</span>
            <select class="insight-input" aria-label={name} onchange={ed.on(field)} data-testid={testid}>
                <option value="" selected={owner.is_none()}>{ i18n.t("insight.no_owner") }</option>
                { for ed.ws.org.people.iter().map(|p| html! {
                    <option value={p.id.clone()} selected={owner == Some(p.id.as_str())}>{ &p.name }</option>
                }) }
            </select>
            <span class="print-only">{ if chosen.is_empty() { "—".to_string() } else { chosen } }</span>
        </label>
    }
}

/// The five looks, in the order of the method.
pub(super) fn looks(i18n: &I18n, ed: &Editor) -> Html {
    let insight = ed.ws.portfolio.insight(&ed.industry);
    let empty = Look::default();
    let card = |kind: LookKind| {
        let key = kind.key();
        let look = insight.map_or(&empty, |i: &Insight| i.look(kind));
        let title = i18n.t(&format!("insight.look_{key}")).to_string();
        let name = |part: &str| {
            i18n.tf(
                "insight.field_of",
                &[("part", i18n.t(part)), ("of", &title)],
            )
        };
        let id = |part: &str| format!("insight-look-{key}-{part}");
        html! {
            <article class="insight-look" data-testid={format!("insight-look-{key}")}>
                <header class="insight-look-head">
                    <h5 class="insight-look-title">{ &title }</h5>
                    <p class="insight-hint">{ i18n.t(&format!("insight.look_{key}_hint")) }</p>
                </header>
                { text_area(ed, Field::Findings(kind), i18n.t("insight.findings"), name("insight.findings"),
                            &look.findings, id("findings")) }
                { text_area(ed, Field::Evidence(kind), i18n.t("insight.evidence"), name("insight.evidence"),
                            &look.evidence, id("evidence")) }
                <label class="insight-field insight-look-date">
                    <span class="insight-label">{ i18n.t("insight.date") }</span>
                    <input type="date" class="insight-input" value={look.date.clone()}
                           aria-label={name("insight.date")} onchange={ed.on(Field::Date(kind))}
                           data-testid={id("date")} />
                    <span class="insight-print-text print-only">{ &look.date }</span>
                </label>
            </article>
        }
    };
    html! {
        <section class="insight-section" data-testid="insight-looks">
            <h4 class="insight-section-title">{ i18n.t("insight.looks_title") }</h4>
            <div class="insight-looks">{ for LookKind::ALL.into_iter().map(card) }</div>
        </section>
    }
}

/// The three decisions (三定).
pub(super) fn decisions(i18n: &I18n, ed: &Editor) -> Html {
    let insight = ed.ws.portfolio.insight(&ed.industry);
    let text = |f: fn(&Insight) -> &String| insight.map(f).cloned().unwrap_or_default();
    let parts = [
        (
            Field::ControlPoints,
            "control_points",
            text(|i| &i.control_points),
        ),
        (Field::Targets, "targets", text(|i| &i.targets)),
        (Field::Strategies, "strategies", text(|i| &i.strategies)),
    ];
    html! {
        <section class="insight-section" data-testid="insight-decisions">
            <h4 class="insight-section-title">{ i18n.t("insight.decisions_title") }</h4>
            <div class="insight-decisions">
                { for parts.into_iter().map(|(field, key, value)| {
                    let label = i18n.t(&format!("insight.decide_{key}")).to_string();
                    html! {
                        <div class="insight-decision">
                            { text_area(ed, field, &label, label.clone(), &value,
                                        format!("insight-decide-{key}")) }
                            <p class="insight-hint">{ i18n.t(&format!("insight.decide_{key}_hint")) }</p>
                        </div>
                    }
                }) }
            </div>
        </section>
    }
}

/// The names of the industry's lines of the given horizons, joined ("变电站自动化、储能运维").
fn lines_of(ed: &Editor, i18n: &I18n, horizons: &[Horizon]) -> String {
    let sep = i18n.t("insight.list_sep");
    ed.ws
        .portfolio
        .lines
        .iter()
        .filter(|l| *l.industry == *ed.industry && horizons.contains(&l.horizon))
        .map(|l| {
            let horizon = horizon_name(i18n, l.horizon);
            i18n.tf(
                "insight.line_horizon",
                &[("name", &l.name), ("horizon", &horizon)],
            )
        })
        .collect::<Vec<_>>()
        .join(sep)
}

/// What the account tiers of Tool 1 put in the industry: the evidence for customer selection.
fn customer_evidence(i18n: &I18n, ed: &Editor, counts: &[usize]) -> Html {
    let tiers = &ed.ws.tiering.tiers;
    let parts: Vec<String> = ed
        .ws
        .org
        .account_tiers
        .iter()
        .zip(counts)
        .map(|(id, n)| {
            let name = tiers
                .iter()
                .find(|t| t.id == *id)
                .map_or(id.as_str(), |t| i18n.tier_name(t));
            i18n.tf(
                "insight.evidence_tier",
                &[("tier", name), ("n", &n.to_string())],
            )
        })
        .collect();
    let text = if counts.iter().sum::<usize>() == 0 {
        i18n.t("insight.evidence_none").to_string()
    } else {
        i18n.tf(
            "insight.evidence_accounts",
            &[("counts", &parts.join(i18n.t("insight.list_sep")))],
        )
    };
    html! { <p class="insight-evidence" data-testid="insight-evidence">{ text }</p> }
}

/// The business design canvas: the six elements in the order of the method, customer selection
/// first.
pub(super) fn canvas(i18n: &I18n, ed: &Editor, counts: &[usize]) -> Html {
    let design = ed.ws.portfolio.design(&ed.industry);
    let empty = DesignElement::default();
    let cell = |(n, kind): (usize, ElementKind)| {
        let key = kind.key();
        let el = design.map_or(&empty, |d| d.element(kind));
        let title = i18n.t(&format!("insight.element_{key}")).to_string();
        let agreed = el.status == ElementStatus::Agreed;
        let status = if agreed { "agreed" } else { "draft" };
        let id = |part: &str| format!("insight-element-{key}-{part}");
        let of = |part: &str| {
            i18n.tf(
                "insight.field_of",
                &[("part", i18n.t(part)), ("of", &title)],
            )
        };
        let extra = match kind {
            ElementKind::CustomerSelection => customer_evidence(i18n, ed, counts),
            ElementKind::StrategicControl | ElementKind::RiskManagement => {
                let (horizons, key): (&[Horizon], _) = if kind == ElementKind::RiskManagement {
                    (&[Horizon::Emerging], "insight.lines_emerging")
                } else {
                    (
                        &[Horizon::Core, Horizon::Growth],
                        "insight.lines_core_growth",
                    )
                };
                let lines = lines_of(ed, i18n, horizons);
                if lines.is_empty() {
                    html! {}
                } else {
                    html! { <p class="insight-evidence">{ i18n.tf(key, &[("lines", &lines)]) }</p> }
                }
            }
            _ => html! {},
        };
        html! {
            <article class={classes!("insight-element", format!("is-{status}"))} data-testid={format!("insight-element-{key}")}>
                <header class="insight-element-head">
                    <span class="insight-element-no" aria-hidden="true">{ n + 1 }</span>
                    <h5 class="insight-element-title">{ &title }</h5>
                    <span class={classes!("insight-badge", format!("is-{status}"))} data-testid={id("badge")}>
                        { i18n.t(&format!("insight.status_{status}")) }
                    </span>
                </header>
                <p class="insight-hint">{ i18n.t(&format!("insight.element_{key}_hint")) }</p>
                { extra }
                { text_area(ed, Field::Text(kind), i18n.t("insight.content"), of("insight.content"), &el.text, id("text")) }
                <div class="insight-element-foot">
                    <label class="insight-inline print-hide">
                        <span class="insight-label">{ i18n.t("insight.status") }</span>
                        <select class="insight-input" aria-label={of("insight.status")}
                                onchange={ed.on(Field::Status(kind))} data-testid={id("status")}>
                            <option value="draft" selected={!agreed}>{ i18n.t("insight.status_draft") }</option>
                            <option value="agreed" selected={agreed}>{ i18n.t("insight.status_agreed") }</option>
                        </select>
                    </label>
                    { owner_select(ed, Field::Owner(kind), i18n, el.owner.as_deref(), of("insight.owner"), id("owner")) }
                </div>
            </article>
        }
    };
    html! {
        <section class="insight-section" data-testid="insight-canvas">
            <h4 class="insight-section-title">{ i18n.t("insight.canvas_title") }</h4>
            <p class="insight-hint insight-canvas-note">{ i18n.t("insight.canvas_note") }</p>
            <div class="insight-canvas">{ for ElementKind::ALL.into_iter().enumerate().map(cell) }</div>
        </section>
    }
}

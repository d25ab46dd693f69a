//! The evidence tab: dimension by dimension, the self-assessment beside the findings the tools
//! compute from the data, and where the two disagree ("组织 rated 4.0, but the data shows …").

use yew::prelude::*;

use super::{dimension_name, score_text, tool_name, PartProps};
use crate::domain::diagnosis::calc::verdict;
use crate::domain::diagnosis::signals::{Signal, SignalKind};
use crate::domain::diagnosis::Soti;
use crate::ui::i18n::{use_i18n, I18n};

/// A finding as one sentence in the user's language.
pub fn signal_text(i18n: &I18n, s: &Signal) -> String {
    let key = match s.kind {
        SignalKind::Curse => Some(format!("diagnosis.curse_{}", s.subject)),
        SignalKind::StructureFault => Some(format!("diagnosis.fault_{}", s.subject)),
        SignalKind::RelationshipRedFlag => Some(format!("mcr.flag_short_{}", s.subject)),
        SignalKind::CoverageUnderTarget => Some(format!("diagnosis.scope_{}", s.subject)),
        _ => None,
    };
    let subject = key.map_or_else(|| s.subject.clone(), |k| i18n.t(&k).to_string());
    i18n.tf(
        &format!("diagnosis.signal_{}", s.kind.key()),
        &[
            ("count", &s.count.to_string()),
            ("of", &s.of.map(|o| o.to_string()).unwrap_or_default()),
            ("subject", &subject),
            ("amount", &s.amount.map(|a| i18n.num(a)).unwrap_or_default()),
        ],
    )
}

/// `diag-signal-<kind>`, or `diag-signal-<kind>-<subject>` for a finding about something.
fn signal_testid(s: &Signal) -> String {
    if s.subject.is_empty() {
        format!("diag-signal-{}", s.kind.key())
    } else {
        format!("diag-signal-{}-{}", s.kind.key(), s.subject)
    }
}

/// The tab.
#[function_component(Evidence)]
pub fn evidence(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let disagreements = Soti::ALL
        .iter()
        .filter(|d| {
            let mean = props.scores.get(d.index()).and_then(|s| s.mean);
            let n = props
                .signals
                .iter()
                .filter(|s| s.dimension() == **d)
                .count();
            verdict(mean, n).disagrees()
        })
        .count();
    html! {
        <section class="diag-evidence" data-testid="diag-evidence">
            <p class="diag-evidence-summary" data-testid="diag-evidence-summary">
                { i18n.tf("diagnosis.evidence_summary", &[("n", &props.signals.len().to_string()), ("d", &disagreements.to_string())]) }
            </p>
            { for Soti::ALL.iter().map(|dim| {
                let mean = props.scores.get(dim.index()).and_then(|s| s.mean);
                let found: Vec<&Signal> = props.signals.iter().filter(|s| s.dimension() == *dim).collect();
                let v = verdict(mean, found.len());
                let name = dimension_name(&i18n, *dim);
                let first = found.first().map(|s| signal_text(&i18n, s)).unwrap_or_default();
                html! {
                    <article class={classes!("diag-dimension", "card", format!("diag-verdict-{}", v.key()))}
                             data-testid={format!("diag-dim-{}", dim.key())}>
                        <header class="diag-dimension-head">
                            <h3>{ format!("{} · {}", dim.letter(), name) }</h3>
                            <span class="diag-self">{ i18n.tf("diagnosis.self_score", &[("score", &score_text(mean))]) }</span>
                            <span class="diag-found">{ i18n.tf("diagnosis.found_count", &[("n", &found.len().to_string())]) }</span>
                        </header>
                        <p class={classes!("diag-verdict", v.disagrees().then_some("is-disagree"))} data-testid={format!("diag-verdict-{}", dim.key())}>
                            { i18n.tf(&format!("diagnosis.verdict_{}", v.key()), &[("dim", &name), ("score", &score_text(mean)), ("n", &found.len().to_string()), ("first", &first)]) }
                        </p>
                        if found.is_empty() {
                            <p class="muted">{ i18n.tf("diagnosis.no_findings", &[("tools", &dim.tools().iter().map(|t| tool_name(&i18n, *t)).collect::<Vec<_>>().join(i18n.t("diagnosis.list_sep")))]) }</p>
                        } else {
                            <ul class="diag-signal-list">
                                { for found.iter().map(|s| html! {
                                    <li class="diag-signal" data-testid={signal_testid(s)}>
                                        <span class="diag-chip diag-chip-tool">{ tool_name(&i18n, s.kind.tool()) }</span>
                                        <span class="diag-signal-text">{ signal_text(&i18n, s) }</span>
                                        if !s.examples.is_empty() {
                                            <span class="diag-examples muted">{ s.examples.iter().map(|e| i18n.local(e)).collect::<Vec<_>>().join(i18n.t("diagnosis.list_sep")) }</span>
                                        }
                                        <a class="diag-signal-link" href={s.link.clone()}>{ i18n.t("diagnosis.show") }</a>
                                    </li>
                                }) }
                            </ul>
                        }
                    </article>
                }
            }) }
        </section>
    }
}

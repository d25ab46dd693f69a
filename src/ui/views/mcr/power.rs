//! The power-map tab: every stakeholder of the account placed by influence (up) and support
//! (across), the relationship score with how it is computed, decision-maker coverage, and the
//! red flags with the names they concern. A stakeholder opens in the side panel, so raising a
//! support shows at once what it changes.

use yew::prelude::*;

use super::map::Open;
use super::panel::Panel;
use super::{flag_text, role_name, support_key, support_name, PartProps};
use crate::domain::mcr::calc::AccountHealth;
use crate::domain::mcr::{
    DecisionRole, Stakeholder, INFLUENCE_MAX, INFLUENCE_MIN, SUPPORT_MAX, SUPPORT_MIN,
};
use crate::domain::number::format_percent;
use crate::domain::workspace::Workspace;
use crate::ui::i18n::{use_i18n, I18n};

pub use crate::domain::mcr::calc::score_text;

/// The class of a score: good (≥ 30), weak (0 … 30), bad (< 0).
pub fn score_class(score: Option<f64>) -> &'static str {
    match score {
        Some(s) if s >= 30.0 => "is-good",
        Some(s) if s >= 0.0 => "is-weak",
        Some(_) => "is-bad",
        None => "is-none",
    }
}

/// The figures and flags of one account.
pub fn summary(i18n: &I18n, ws: &Workspace, h: &AccountHealth) -> Html {
    let coverage = match h.coverage.pct() {
        Some(p) => format!(
            "{} / {} · {}",
            h.coverage.covered,
            h.coverage.total,
            format_percent(p)
        ),
        None => i18n.t("mcr.no_decision_makers").to_string(),
    };
    html! {
        <div class="mcr-summary">
            <div class="mcr-figures">
                <div class={classes!("mcr-figure", score_class(h.score))} data-testid="mcr-score">
                    <span class="mcr-figure-label">{ i18n.t("mcr.score") }</span>
                    <span class="mcr-figure-value" data-testid="mcr-score-value">{ score_text(h.score) }</span>
                    <span class="mcr-figure-note">{ i18n.t("mcr.score_how") }</span>
                </div>
                <div class="mcr-figure" data-testid="mcr-coverage">
                    <span class="mcr-figure-label">{ i18n.t("mcr.coverage") }</span>
                    <span class="mcr-figure-value" data-testid="mcr-coverage-value">{ coverage }</span>
                    <span class="mcr-figure-note">{ i18n.t("mcr.coverage_how") }</span>
                </div>
                <div class="mcr-figure">
                    <span class="mcr-figure-label">{ i18n.t("mcr.stakeholders") }</span>
                    <span class="mcr-figure-value">{ h.stakeholders }</span>
                </div>
            </div>
            if h.flags.is_empty() {
                <p class="mcr-no-flags" data-testid="mcr-no-flags">{ i18n.t("mcr.no_flags") }</p>
            } else {
                <ul class="mcr-flags" data-testid="mcr-flags" aria-label={i18n.t("mcr.flags")}>
                    { for h.flags.iter().map(|f| html! {
                        <li class={classes!("mcr-flag", format!("mcr-flag-{}", f.key()))}
                            data-testid={format!("mcr-flag-{}", f.key())}>{ flag_text(i18n, ws, f) }</li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// The influence × support grid.
fn grid(i18n: &I18n, list: &[&Stakeholder], on_select: &Callback<String>) -> Html {
    let supports: Vec<i32> = (SUPPORT_MIN..=SUPPORT_MAX).collect();
    html! {
        <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("mcr.power_label")}>
            <table class="mcr-grid" data-testid="mcr-grid">
                <caption class="visually-hidden">{ i18n.t("mcr.power_label") }</caption>
                <thead><tr>
                    <th scope="col" class="mcr-grid-corner">{ i18n.t("mcr.grid_corner") }</th>
                    { for supports.iter().map(|v| html! {
                        <th scope="col" class={format!("mcr-support-head-{}", support_key(*v))}>{ format!("{} · {}", super::support_number(*v), support_name(i18n, *v)) }</th>
                    }) }
                </tr></thead>
                <tbody>
                    { for (INFLUENCE_MIN..=INFLUENCE_MAX).rev().map(|inf| html! {
                        <tr>
                            <th scope="row">{ i18n.tf("mcr.influence_n", &[("n", &inf.to_string())]) }</th>
                            { for supports.iter().map(|sup| {
                                let here: Vec<&&Stakeholder> = list.iter()
                                    .filter(|s| s.influence == inf && s.support.clamp(SUPPORT_MIN, SUPPORT_MAX) == *sup)
                                    .collect();
                                // The top-left corner (high influence, against us) is where it hurts.
                                let danger = inf >= 4 && *sup <= 0;
                                html! {
                                    <td class={classes!("mcr-cell", danger.then_some("is-danger"))}
                                        data-testid={format!("mcr-cell-{inf}-{}", support_key(*sup))}>
                                        { for here.iter().map(|s| {
                                            let id = s.id.clone();
                                            let onclick = on_select.reform(move |_: MouseEvent| id.clone());
                                            html! {
                                                <button type="button"
                                                        class={classes!("mcr-chip", "print-as-text", format!("mcr-support-{}", support_key(s.support)),
                                                                        (s.role == DecisionRole::DecisionMaker).then_some("is-dm"))}
                                                        title={format!("{} · {} · {}", s.name, s.title, role_name(i18n, s.role))}
                                                        data-testid={format!("mcr-chip-{}", s.id)} {onclick}>
                                                    <b>{ i18n.t(&format!("mcr.role_short_{}", s.role.key())) }</b>{ " " }{ s.name.clone() }
                                                </button>
                                            }
                                        }) }
                                    </td>
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The tab.
#[function_component(PowerMap)]
pub fn power_map(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let open = use_state(|| Open::None);
    let ws = &props.ws.0;
    let Some(account) = props.account.clone() else {
        return html! { <p class="muted">{ i18n.t("mcr.no_accounts") }</p> };
    };
    let list: Vec<&Stakeholder> = ws.mcr.of_account(&account).collect();
    let health = props
        .health
        .iter()
        .find(|h| h.account == account)
        .cloned()
        .unwrap_or_else(|| {
            let tiers = ws.tier_map();
            let last = crate::domain::mcr::calc::last_contacts(ws);
            let ctx = crate::domain::mcr::calc::FlagContext::new(ws, &last);
            crate::domain::mcr::calc::account_health(ws, &account, &tiers, &ctx)
        });
    let on_select = {
        let open = open.clone();
        Callback::from(move |id: String| open.set(Open::Stakeholder(id)))
    };
    let panel = match &*open {
        Open::Stakeholder(id) if ws.mcr.stakeholder(id).is_some_and(|s| s.account == account) => {
            html! {
                <Panel key={format!("{account}/{id}")} ws={props.ws.clone()} account={account.clone()}
                       stakeholder={Some(id.clone())} on_edit={props.on_edit.clone()}
                       on_close={let open = open.clone(); move |_| open.set(Open::None)}
                       on_saved={let open = open.clone(); move |id| open.set(Open::Stakeholder(id))} />
            }
        }
        _ => html! {},
    };
    html! {
        <section class="mcr-power" data-testid="mcr-power">
            { summary(&i18n, ws, &health) }
            <div class={classes!("mcr-map-body", matches!(*open, Open::Stakeholder(_)).then_some("has-panel"))}>
                <div class="mcr-map-main">
                    if list.is_empty() {
                        <p class="muted mcr-empty">{ i18n.t("mcr.empty_account") }</p>
                    } else {
                        { grid(&i18n, &list, &on_select) }
                        <p class="muted mcr-grid-note">{ i18n.t("mcr.grid_note") }</p>
                    }
                </div>
                { panel }
            </div>
        </section>
    }
}

//! Completion of the 151 targets: the overall figure and the rule, the accounts (behind target
//! first, with the reason), tier × action, and done against target per action (chart + table).

use yew::prelude::*;

use super::chart::ActionBars;
use super::{action_name, pct_text, reason_text, tier_name, PartProps};
use crate::domain::engagement::completion::Tally;
use crate::domain::engagement::Action;
use crate::domain::number::format_percent;
use crate::ui::i18n::use_i18n;

/// A completion bar with its figure.
fn bar(pct: Option<f64>, testid: Option<String>) -> Html {
    let width = pct.unwrap_or(0.0).clamp(0.0, 100.0);
    html! {
        <span class="engagement-bar-cell">
            <svg class="engagement-bar" viewBox="0 0 100 8" preserveAspectRatio="none"
                 aria-hidden="true" focusable="false">
                <rect class="engagement-bar-track" width="100" height="8" />
                <rect class="engagement-bar-fill" width={format!("{width:.1}")} height="8" />
            </svg>
            <span class="num" data-testid={testid}>{ pct_text(pct) }</span>
        </span>
    }
}

/// "3 / 19": credits over target.
fn ratio(t: &Tally) -> String {
    format!("{} / {}", t.credit, t.target)
}

/// The completion tab.
#[function_component(Overview)]
pub fn overview(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let ws = &props.ws.0;
    let c = &props.completion;
    let behind = c.accounts.iter().filter(|a| !a.behind.is_empty()).count();
    // Accounts of a tier without a target have no figure; they are counted, not listed.
    let without_target = c.accounts.iter().filter(|a| a.total.target == 0).count();
    let rule = &ws.engagement.rule;
    let mut rule_parts = Vec::new();
    if rule.pace {
        rule_parts.push(i18n.tf(
            "engagement.rule_pace",
            &[
                ("today", &ws.meta.today),
                ("elapsed", &pct_text(c.elapsed_pct)),
            ],
        ));
    }
    if rule.plan_threshold_pct > 0.0 {
        rule_parts.push(i18n.tf(
            "engagement.rule_plan",
            &[("threshold", &format_percent(rule.plan_threshold_pct))],
        ));
    }
    let rule_text = if rule_parts.is_empty() {
        i18n.t("engagement.rule_none").to_string()
    } else {
        rule_parts.join(i18n.t("engagement.rule_or"))
    };
    html! {
        <>
        <section class="card engagement-summary" data-testid="engagement-summary">
            <div class="engagement-figures">
                <div class="engagement-figure">
                    <span class="engagement-figure-value" data-testid="engagement-overall">{ pct_text(c.total.pct()) }</span>
                    <span class="muted">{ i18n.tf("engagement.overall_label", &[("year", &c.fiscal_year.to_string())]) }</span>
                </div>
                <div class="engagement-figure">
                    <span class="engagement-figure-value" data-testid="engagement-done-count">{ c.total.done }</span>
                    <span class="muted">{ i18n.tf("engagement.done_label", &[("target", &c.total.target.to_string())]) }</span>
                </div>
                <div class="engagement-figure">
                    <span class="engagement-figure-value is-planned" data-testid="engagement-planned-count">{ c.total.planned }</span>
                    <span class="muted">{ i18n.tf("engagement.planned_label", &[("plan", &pct_text(c.total.plan_pct()))]) }</span>
                </div>
                <div class="engagement-figure">
                    <span class={classes!("engagement-figure-value", (behind > 0).then_some("is-behind"))}
                          data-testid="engagement-behind-count">{ behind }</span>
                    <span class="muted">{ i18n.t("engagement.behind_label") }</span>
                </div>
            </div>
            <p class="engagement-rule" data-testid="engagement-rule">
                { i18n.tf("engagement.rule_intro", &[("rule", &rule_text)]) }
            </p>
            <p class="muted engagement-cap">{ i18n.t("engagement.cap_rule") }</p>
            if c.outside_year > 0 {
                <p class="muted engagement-note" data-testid="engagement-outside">
                    { i18n.tf("engagement.outside_note", &[
                        ("n", &c.outside_year.to_string()),
                        ("year", &c.fiscal_year.to_string()),
                    ]) }
                </p>
            }
            if c.not_counted > 0 {
                <p class="muted engagement-note" data-testid="engagement-not-counted">
                    { i18n.tf("engagement.not_counted_note", &[("n", &c.not_counted.to_string())]) }
                </p>
            }
        </section>

        <section class="card" data-testid="engagement-accounts">
            <h3 class="card-title">{ i18n.t("engagement.accounts_title") }</h3>
            if c.accounts.is_empty() {
                <p class="muted">{ i18n.t("engagement.no_accounts") }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("engagement.accounts_title")}>
                <table class="data-table engagement-accounts">
                    <thead><tr>
                        <th scope="col">{ i18n.t("engagement.col_account") }</th>
                        <th scope="col">{ i18n.t("engagement.col_tier") }</th>
                        <th scope="col" class="num">{ i18n.t("engagement.col_done_target") }</th>
                        <th scope="col">{ i18n.t("engagement.col_completion") }</th>
                        <th scope="col" class="num">{ i18n.t("engagement.col_planned") }</th>
                        <th scope="col" class="num">{ i18n.t("engagement.col_plan_pct") }</th>
                        <th scope="col">{ i18n.t("engagement.col_status") }</th>
                    </tr></thead>
                    <tbody>
                    { for c.accounts.iter().filter(|a| a.total.target > 0).map(|a| {
                        let is_behind = !a.behind.is_empty();
                        let id = &a.account.id;
                        html! {
                            <tr class={classes!(is_behind.then_some("is-behind"))}
                                data-testid={format!("engagement-account-{id}")}
                                data-behind={is_behind.to_string()}>
                                <th scope="row">{ crate::ui::account_link::account_link(&i18n, id, &a.account.name) }</th>
                                <td>{ tier_name(&i18n, ws, &a.account.tier) }</td>
                                <td class="num">{ ratio(&a.total) }</td>
                                <td>{ bar(a.total.pct(), Some(format!("engagement-account-pct-{id}"))) }</td>
                                <td class="num">{ a.total.planned }</td>
                                <td class="num">{ pct_text(a.total.plan_pct()) }</td>
                                <td class="engagement-status">
                                    if is_behind {
                                        <span class="engagement-badge is-behind">{ i18n.t("engagement.behind") }</span>
                                        <ul class="engagement-reasons" data-testid={format!("engagement-reasons-{id}")}>
                                            { for a.behind.iter().map(|r| html! { <li>{ reason_text(&i18n, r) }</li> }) }
                                        </ul>
                                    } else {
                                        <span class="engagement-badge is-ok">{ i18n.t("engagement.on_track") }</span>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                </div>
                if without_target > 0 {
                    <p class="muted engagement-note" data-testid="engagement-without-target">
                        { i18n.tf("engagement.without_target_note", &[("n", &without_target.to_string())]) }
                    </p>
                }
            }
        </section>

        <section class="card" data-testid="engagement-tiers">
            <h3 class="card-title">{ i18n.t("engagement.tiers_title") }</h3>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("engagement.tiers_title")}>
            <table class="data-table engagement-matrix">
                <thead><tr>
                    <th scope="col">{ i18n.t("engagement.col_tier") }</th>
                    <th scope="col" class="num">{ i18n.t("engagement.col_accounts") }</th>
                    { for Action::ALL.iter().map(|a| html! { <th scope="col">{ action_name(&i18n, *a) }</th> }) }
                    <th scope="col">{ i18n.t("engagement.col_total") }</th>
                </tr></thead>
                <tbody>
                { for c.tiers.iter().map(|t| html! {
                    <tr data-testid={format!("engagement-tier-{}", t.tier)}>
                        <th scope="row">{ tier_name(&i18n, ws, &t.tier) }</th>
                        <td class="num">{ t.accounts }</td>
                        { for t.actions.iter().map(|x| html! {
                            <td><span class="muted engagement-ratio">{ ratio(x) }</span>{ bar(x.pct(), None) }</td>
                        }) }
                        <td><span class="muted engagement-ratio">{ ratio(&t.total) }</span>
                            { bar(t.total.pct(), Some(format!("engagement-tier-pct-{}", t.tier))) }</td>
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
        </section>

        <section class="card" data-testid="engagement-actions">
            <h3 class="card-title">{ i18n.t("engagement.actions_title") }</h3>
            <div class="engagement-chart-row">
                <ActionBars tallies={c.actions} />
                <table class="data-table engagement-actions-table">
                    <thead><tr>
                        <th scope="col">{ i18n.t("engagement.col_action") }</th>
                        <th scope="col" class="num">{ i18n.t("engagement.col_target") }</th>
                        <th scope="col" class="num">{ i18n.t("engagement.col_done") }</th>
                        <th scope="col" class="num">{ i18n.t("engagement.col_counted") }</th>
                        <th scope="col" class="num">{ i18n.t("engagement.col_planned") }</th>
                        <th scope="col" class="num">{ i18n.t("engagement.col_completion") }</th>
                    </tr></thead>
                    <tbody>
                    { for Action::ALL.iter().zip(c.actions.iter()).map(|(a, t)| html! {
                        <tr data-testid={format!("engagement-action-{}", a.key())}>
                            <th scope="row">{ action_name(&i18n, *a) }</th>
                            <td class="num">{ t.target }</td>
                            <td class="num">{ t.done }</td>
                            <td class="num">{ t.credit }</td>
                            <td class="num">{ t.planned }</td>
                            <td class="num">{ pct_text(t.pct()) }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
            </div>
        </section>
        </>
    }
}

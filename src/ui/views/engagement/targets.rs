//! The yearly targets per tier and action (editable grid) and the behind-target rule.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{action_name, PartProps};
use crate::domain::engagement::{
    default_targets, parse_target, parse_threshold, Action, TierTarget, MAX_TARGET,
};
use crate::domain::number::format_percent;
use crate::ui::i18n::use_i18n;

/// The targets tab.
#[function_component(Targets)]
pub fn targets(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let ws = props.ws.0.clone();
    // The cell (tier, action) whose typed value was refused.
    let bad_cell = use_state(|| None::<(String, Action)>);
    let bad_threshold = use_state(|| false);
    let doc = &ws.engagement;

    let set_cell = |tier: String, action: Action| {
        let ws = ws.clone();
        let on_change = props.on_change.clone();
        let bad_cell = bad_cell.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let Some(n) = parse_target(&text) else {
                bad_cell.set(Some((tier.clone(), action)));
                return;
            };
            bad_cell.set(None);
            let mut next = ws.engagement.clone();
            match next.targets.iter_mut().find(|t| t.tier == tier) {
                Some(t) => t.counts.set(action, n),
                None => {
                    let mut t = TierTarget {
                        tier: tier.clone(),
                        ..TierTarget::default()
                    };
                    t.counts.set(action, n);
                    next.targets.push(t);
                }
            }
            on_change.emit(next);
        })
    };
    let on_reset = {
        let ws = ws.clone();
        let on_change = props.on_change.clone();
        let bad_cell = bad_cell.clone();
        Callback::from(move |_| {
            let mut next = ws.engagement.clone();
            next.targets = default_targets();
            bad_cell.set(None);
            on_change.emit(next);
        })
    };
    let on_pace = {
        let ws = ws.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let mut next = ws.engagement.clone();
            next.rule.pace = e.target_unchecked_into::<HtmlInputElement>().checked();
            on_change.emit(next);
        })
    };
    let on_threshold = {
        let ws = ws.clone();
        let on_change = props.on_change.clone();
        let bad_threshold = bad_threshold.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            match parse_threshold(&text) {
                Some(v) => {
                    bad_threshold.set(false);
                    let mut next = ws.engagement.clone();
                    next.rule.plan_threshold_pct = v;
                    on_change.emit(next);
                }
                None => bad_threshold.set(true),
            }
        })
    };

    html! {
        <>
        <section class="card" data-testid="engagement-targets">
            <h3 class="card-title">{ i18n.tf("engagement.targets_title", &[("year", &ws.meta.fiscal_year.to_string())]) }</h3>
            <p class="muted engagement-hint">{ i18n.t("engagement.targets_hint") }</p>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("engagement.targets_title")}>
            <table class="data-table engagement-target-grid">
                <thead><tr>
                    <th scope="col">{ i18n.t("engagement.col_tier") }</th>
                    { for Action::ALL.iter().map(|a| html! { <th scope="col" class="num">{ action_name(&i18n, *a) }</th> }) }
                    <th scope="col" class="num">{ i18n.t("engagement.col_total") }</th>
                </tr></thead>
                <tbody>
                { for ws.tiering.tiers.iter().map(|tier| {
                    let counts = doc.targets_of(&tier.id);
                    let tier_label = i18n.tier_name(tier).to_string();
                    html! {
                        <tr data-testid={format!("engagement-target-row-{}", tier.id)}>
                            <th scope="row">{ &tier_label }</th>
                            { for Action::ALL.iter().map(|a| {
                                let bad = bad_cell.as_ref().is_some_and(|(t, x)| *t == tier.id && x == a);
                                let testid = format!("engagement-target-{}-{}", tier.id, a.key());
                                html! {
                                    <td class="num">
                                        <input type="text" inputmode="numeric" class={classes!("engagement-target", bad.then_some("is-invalid"))}
                                               value={counts.get(*a).to_string()} onchange={set_cell(tier.id.clone(), *a)}
                                               aria-label={format!("{} · {}", tier_label, action_name(&i18n, *a))}
                                               aria-invalid={bad.to_string()} data-testid={testid.clone()} />
                                        if bad {
                                            <span class="engagement-input-error" role="alert" data-testid={format!("{testid}-error")}>
                                                { i18n.tf("engagement.err_target", &[("max", &MAX_TARGET.to_string())]) }
                                            </span>
                                        }
                                    </td>
                                }
                            }) }
                            <td class="num" data-testid={format!("engagement-target-total-{}", tier.id)}>{ counts.total() }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
            <button type="button" class="button" onclick={on_reset} data-testid="engagement-targets-reset">
                { i18n.t("engagement.targets_reset") }
            </button>
        </section>
        <section class="card" data-testid="engagement-rule-editor">
            <h3 class="card-title">{ i18n.t("engagement.rule_title") }</h3>
            <label class="engagement-check">
                <input type="checkbox" checked={doc.rule.pace} onchange={on_pace} data-testid="engagement-rule-pace" />
                { i18n.t("engagement.rule_pace_label") }
            </label>
            <label class="engagement-field">
                <span>{ i18n.t("engagement.rule_threshold_label") }</span>
                <input type="text" inputmode="decimal" class={classes!("engagement-target", bad_threshold.then_some("is-invalid"))}
                       value={format_percent(doc.rule.plan_threshold_pct)} onchange={on_threshold}
                       aria-invalid={bad_threshold.to_string()} data-testid="engagement-rule-threshold" />
                if *bad_threshold {
                    <span class="engagement-input-error" role="alert" data-testid="engagement-rule-threshold-error">
                        { i18n.t("engagement.err_threshold") }
                    </span>
                }
            </label>
            <p class="muted engagement-hint">{ i18n.t("engagement.rule_explained") }</p>
        </section>
        </>
    }
}

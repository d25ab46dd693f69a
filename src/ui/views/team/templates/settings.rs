//! Which tiers are accounts, the under-staffed threshold and the triangle-type thresholds.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::super::people::set_org;
use super::CommitInput;
use crate::domain::org::people::format_fte;
use crate::domain::org::OrgDesign;
use crate::domain::values::{parse_integer, parse_percent};
use crate::ui::i18n::use_i18n;
use crate::ui::state::{use_workspace, WorkspaceHandle};

/// Reads a number within `min..=max` (a `%` sign is allowed), or says why not.
fn number_in(text: &str, min: f64, max: f64) -> Result<f64, ()> {
    match parse_percent(text) {
        Ok(v) if v.is_finite() && (min..=max).contains(&v) => Ok(v),
        _ => Err(()),
    }
}

/// The settings card.
#[function_component(SettingsCard)]
pub fn settings_card() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let org = &ws.org;
    let refused = use_state(|| None::<String>);

    let toggle_tier = |tier: String| {
        let handle = handle.clone();
        let refused = refused.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let ws = handle.workspace();
            let mut next = ws.org.clone();
            // Kept in the order of the tiering's tiers.
            next.account_tiers = ws
                .tiering
                .tiers
                .iter()
                .map(|t| t.id.clone())
                .filter(|id| {
                    if *id == tier {
                        on
                    } else {
                        ws.org.is_account_tier(id)
                    }
                })
                .collect();
            refused.set(set_org(&handle, &i18n, next));
        })
    };
    // A numeric setting: parse and range-check, then store.
    let setting = |min: f64, max: f64, message: String, store: fn(&mut OrgDesign, f64)| {
        let handle: WorkspaceHandle = handle.clone();
        Callback::from(move |text: String| match number_in(&text, min, max) {
            Ok(v) => {
                let mut next = handle.workspace().org.clone();
                store(&mut next, v);
                set_org(&handle, &i18n, next)
            }
            Err(()) => Some(message.clone()),
        })
    };
    let years = {
        let handle = handle.clone();
        let message = i18n.tf("team_admin.setting_range", &[("min", "0"), ("max", "50")]);
        Callback::from(move |text: String| match parse_integer(&text) {
            Ok(n) if (0..=50).contains(&n) => {
                let mut next = handle.workspace().org.clone();
                next.triangle_rules.new_max_years = n as u32;
                set_org(&handle, &i18n, next)
            }
            _ => Some(message.clone()),
        })
    };

    html! {
        <section class="card" data-testid="settings-card">
            <h3 class="card-title">{ i18n.t("team_admin.settings_title") }</h3>
            <fieldset class="ta-fieldset">
                <legend>{ i18n.t("team_admin.account_tiers") }</legend>
                <p class="muted ta-hint">{ i18n.t("team_admin.account_tiers_hint") }</p>
                <div class="ta-checks">
                { for ws.tiering.tiers.iter().map(|t| html! {
                    <label>
                        <input type="checkbox" checked={org.is_account_tier(&t.id)} onchange={toggle_tier(t.id.clone())}
                               data-testid={format!("account-tier-{}", t.id)} />
                        { i18n.tier_name(t).to_string() }
                    </label>
                }) }
                </div>
                if let Some(m) = &*refused {
                    <p class="ta-message" role="alert">{ m.clone() }</p>
                }
            </fieldset>
            <div class="ta-settings-grid">
                <label class="ta-setting">
                    <span>{ i18n.t("team_admin.understaffed_below") }</span>
                    <CommitInput value={format_fte(org.understaffed_below_pct)} label={i18n.t("team_admin.understaffed_below").to_string()}
                        testid="setting-understaffed" inputmode="decimal"
                        on_commit={setting(0.0, 100.0, i18n.tf("team_admin.setting_range", &[("min", "0"), ("max", "100")]),
                            |o, v| o.understaffed_below_pct = v)} />
                    <span class="muted ta-hint">{ i18n.t("team_admin.understaffed_hint") }</span>
                </label>
                <label class="ta-setting">
                    <span>{ i18n.t("team_admin.growth_min") }</span>
                    <CommitInput value={format_fte(org.triangle_rules.growth_min_pct)} label={i18n.t("team_admin.growth_min").to_string()}
                        testid="setting-growth" inputmode="decimal"
                        on_commit={setting(-100.0, 1000.0, i18n.tf("team_admin.setting_range", &[("min", "-100"), ("max", "1000")]),
                            |o, v| o.triangle_rules.growth_min_pct = v)} />
                    <span class="muted ta-hint">{ i18n.t("team_admin.growth_hint") }</span>
                </label>
                <label class="ta-setting">
                    <span>{ i18n.t("team_admin.new_max_years") }</span>
                    <CommitInput value={org.triangle_rules.new_max_years.to_string()} label={i18n.t("team_admin.new_max_years").to_string()}
                        testid="setting-new-years" inputmode="numeric" on_commit={years} />
                    <span class="muted ta-hint">{ i18n.t("team_admin.new_years_hint") }</span>
                </label>
            </div>
        </section>
    }
}

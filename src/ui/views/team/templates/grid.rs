//! The coverage template grid: tier × triangle type rows, one FTE input per role, the doubling
//! and pooled notes, reset to the SPEC defaults, and the required FTE of the whole workspace per
//! role, which follows every change.

use yew::prelude::*;

use super::super::people::set_org;
use super::super::people::{role_label, role_name};
use super::super::use_team_data;
use super::CommitInput;
use crate::domain::org::defaults;
use crate::domain::org::people::format_fte;
use crate::domain::org::roles::{parse_template_fte, set_template_fte, FteError, MAX_TEMPLATE_FTE};
use crate::domain::org::{CoverageRow, OrgDesign};
use crate::ui::dialog::Dialog;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::role_name::role_with_code;
use crate::ui::state::use_workspace;

/// A template figure error in the user's language.
fn fte_error_text(i18n: &I18n, e: &FteError) -> String {
    match e {
        FteError::NotANumber => i18n.t("team_admin.fte_nan").to_string(),
        FteError::Negative => i18n.t("team_admin.fte_negative").to_string(),
        FteError::TooLarge => i18n.tf(
            "team_admin.fte_too_large",
            &[("max", &MAX_TEMPLATE_FTE.to_string())],
        ),
    }
}

/// The notes of a row: who doubles as whom, pooled.
fn row_notes(i18n: &I18n, org: &OrgDesign, row: &CoverageRow) -> String {
    let mut notes: Vec<String> = row
        .doubles
        .iter()
        .map(|d| {
            i18n.tf(
                "team_admin.doubles",
                &[
                    ("by", &role_label(i18n, org, &d.by)),
                    ("covers", &role_label(i18n, org, &d.covers)),
                ],
            )
        })
        .collect();
    if row.pooled {
        notes.push(i18n.t("team_admin.pooled").to_string());
    }
    notes.join(i18n.t("explain.list_separator"))
}

/// The grid card.
#[function_component(TemplateGrid)]
pub fn template_grid() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let data = use_team_data();
    let confirm_reset = use_state(|| false);
    let refused = use_state(|| None::<String>);
    let org = &ws.org;

    let commit = |row: String, role: String| {
        let handle = handle.clone();
        Callback::from(move |text: String| match parse_template_fte(&text) {
            Ok(v) => {
                let next = set_template_fte(&handle.workspace().org, &row, &role, v);
                set_org(&handle, &i18n, next)
            }
            Err(e) => Some(fte_error_text(&i18n, &e)),
        })
    };
    let reset = {
        let handle = handle.clone();
        let confirm_reset = confirm_reset.clone();
        let refused = refused.clone();
        Callback::from(move |_| {
            let mut next = handle.workspace().org.clone();
            next.templates = defaults::templates();
            refused.set(set_org(&handle, &i18n, next));
            confirm_reset.set(false);
        })
    };
    let tier_name = |id: &str| {
        ws.tiering
            .tiers
            .iter()
            .find(|t| t.id == id)
            .map_or_else(|| id.to_string(), |t| i18n.tier_name(t).to_string())
    };

    html! {
        <section class="card" data-testid="template-card">
            <div class="ta-head">
                <h3 class="card-title">{ i18n.t("team_admin.templates_title") }</h3>
                <div class="ta-toolbar">
                    <button type="button" class="button" data-testid="templates-reset"
                            onclick={{ let c = confirm_reset.clone(); Callback::from(move |_| c.set(true)) }}>
                        { i18n.t("team_admin.templates_reset") }</button>
                </div>
            </div>
            <p class="muted ta-hint">{ i18n.t("team_admin.templates_hint") }</p>
            if let Some(m) = &*refused {
                <p class="ta-message" role="alert">{ m.clone() }</p>
            }
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("team_admin.templates_title")}>
            <table class="data-table ta-grid" data-testid="template-grid">
                <thead><tr>
                    <th scope="col">{ i18n.t("team_admin.col_tier") }</th>
                    <th scope="col">{ i18n.t("team_admin.col_triangle") }</th>
                    { for org.roles.iter().map(|r| html! {
                        <th scope="col" class="num">{ role_with_code(&i18n, r) }</th>
                    }) }
                    <th scope="col">{ i18n.t("team_admin.col_row_notes") }</th>
                </tr></thead>
                <tbody>
                { for org.templates.iter().map(|row| {
                    let account = org.is_account_tier(&row.tier);
                    let tier = tier_name(&row.tier);
                    let triangle = i18n.t(&format!("team_admin.triangle_{}", row.triangle.key())).to_string();
                    html! {
                        <tr class={classes!((!account).then_some("ta-muted-row"))} data-testid={format!("template-{}", row.id)}>
                            <th scope="row">{ tier.clone() }
                                if !account { <span class="ta-badge ta-badge-muted">{ i18n.t("team_admin.not_accounts") }</span> }</th>
                            <td>{ triangle.clone() }</td>
                            { for org.roles.iter().map(|r| html! {
                                <td class="num">
                                    <CommitInput value={format_fte(row.fte_of(&r.id))} class={classes!("ta-fte")} inputmode="decimal"
                                        label={i18n.tf("team_admin.fte_label", &[("tier", &tier), ("triangle", &triangle), ("role", role_name(&i18n, r))])}
                                        testid={format!("fte-{}-{}", row.id, r.id)} on_commit={commit(row.id.clone(), r.id.clone())} />
                                </td>
                            }) }
                            <td class="muted">{ row_notes(&i18n, org, row) }</td>
                        </tr>
                    }
                }) }
                </tbody>
                <tfoot>
                    <tr data-testid="template-required">
                        <th scope="row" colspan="2">{ i18n.t("team_admin.required_total") }</th>
                        { for org.roles.iter().map(|r| {
                            let required = data.staffing.role(&r.id).map_or(0.0, |t| t.required);
                            html! { <td class="num" data-testid={format!("required-{}", r.id)}>{ format_fte(required) }</td> }
                        }) }
                        <td class="muted">{ i18n.tf("team_admin.required_hint", &[("n", &data.staffing.accounts.len().to_string())]) }</td>
                    </tr>
                    <tr>
                        <th scope="row" colspan="2">{ i18n.t("team_admin.capacity_total") }</th>
                        { for org.roles.iter().map(|r| {
                            let capacity = data.staffing.role(&r.id).map_or(0.0, |t| t.capacity);
                            html! { <td class="num">{ format_fte(capacity) }</td> }
                        }) }
                        <td></td>
                    </tr>
                </tfoot>
            </table>
            </div>
            if *confirm_reset {
                <Dialog title={i18n.t("team_admin.templates_reset").to_string()} body={i18n.t("team_admin.templates_reset_body").to_string()}
                        confirm_label={i18n.t("team_admin.templates_reset_confirm").to_string()} danger={true}
                        on_confirm={reset} on_cancel={{ let c = confirm_reset.clone(); Callback::from(move |_| c.set(false)) }} />
            }
        </section>
    }
}

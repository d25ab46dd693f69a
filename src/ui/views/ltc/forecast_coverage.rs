//! Coverage by account, tier, owner or business line: target (marked when it is the sum of
//! the account targets), booked, open opportunities and their weighted amount, and the
//! coverage, rows under the threshold flagged and listed first; the threshold is editable.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::{coverage_text, key_order, ratio_text, scope_name, Namer};
use crate::domain::edit::Edit;
use crate::domain::ltc::calc::{self, Coverage, CoverageRow};
use crate::domain::ltc::Scope;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::pager::{use_page, Pager};
use crate::ui::route::ltc_account_hash;
use crate::ui::state::DocRef;
use crate::ui::term::{Term, TermNotes};
use crate::ui::views::ltc::ctx;

/// The scopes the switch offers.
pub const SCOPES: [Scope; 4] = [Scope::Account, Scope::Tier, Scope::Owner, Scope::Line];

/// Props of [`CoverageSection`].
#[derive(Properties, PartialEq)]
pub struct CoverageProps {
    /// The open workspace.
    pub ws: DocRef,
    /// Each customer's tier id.
    pub tiers: Rc<HashMap<String, String>>,
    /// Applies an edit.
    pub on_edit: Callback<Edit>,
    /// Opens an account on the account tab.
    pub on_open_account: Callback<String>,
}

/// A switch of scopes as pressed buttons; test ids `<prefix>-<scope>`.
pub fn scope_switch(
    i18n: &I18n,
    scopes: &[Scope],
    current: Scope,
    prefix: &str,
    label: &str,
    on_pick: &Callback<Scope>,
) -> Html {
    html! {
        <div class="fc-switch" role="group" aria-label={label.to_string()}>
            { for scopes.iter().map(|&s| {
                let on_pick = on_pick.clone();
                html! {
                    <button type="button" class={classes!("button", "fc-switch-button", (s == current).then_some("is-current"))}
                            aria-pressed={(s == current).to_string()} data-testid={format!("{prefix}-{}", s.key())}
                            aria-label={i18n.tf("a11y.in_context", &[("label", &scope_name(i18n, s)), ("context", label)])}
                            onclick={move |_| on_pick.emit(s)}>
                        { scope_name(i18n, s) }
                    </button>
                }
            }) }
        </div>
    }
}

/// The rows of a scope with their names, flagged first, then tiers in order and the others by
/// name.
fn rows(
    ws: &DocRef,
    tiers: &HashMap<String, String>,
    scope: Scope,
    i18n: &I18n,
) -> Vec<(CoverageRow, String)> {
    let ws = &ws.0;
    let ctx = ctx(ws, tiers);
    let namer = Namer::new(ws, *i18n);
    let mut out: Vec<_> = calc::coverage(&ctx, scope)
        .into_iter()
        .map(|r| {
            let name = namer.name(scope, &r.key);
            (r, name)
        })
        .collect();
    // Flagged rows first, the least covered first; then tiers in order, the others by name.
    out.sort_by_cached_key(|(r, name)| {
        let worst = match r.coverage {
            Coverage::Ratio(x) if r.flagged => (x * 1e4).round() as i64,
            _ => 0,
        };
        (!r.flagged, worst, key_order(ws, scope, &r.key, name))
    });
    out
}

fn row_html(
    i18n: &I18n,
    scope: Scope,
    r: &CoverageRow,
    name: &str,
    on_open: &Callback<String>,
) -> Html {
    let id = format!("fc-cov-{}", r.key);
    let name_cell = if scope == Scope::Account {
        let key = r.key.clone();
        let on_open = on_open.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            on_open.emit(key.clone());
        });
        html! { <a href={ltc_account_hash(&r.key)} {onclick} data-testid={format!("{id}-link")}>{ name.to_string() }</a> }
    } else {
        html! { name.to_string() }
    };
    let target = match r.target {
        Some(t) => html! {
            <>
                { i18n.num(t) }
                if r.derived {
                    <span class="fc-derived" title={i18n.t("ltc_forecast.derived_hint").to_string()}
                          data-testid={format!("{id}-derived")}>{ i18n.t("ltc_forecast.derived") }</span>
                }
            </>
        },
        None => html! { <span class="muted">{ "—" }</span> },
    };
    html! {
        <tr class={classes!(r.flagged.then_some("is-flagged"))} data-testid={id.clone()}>
            <th scope="row">{ name_cell }</th>
            <td class="num" data-testid={format!("{id}-target")}>{ target }</td>
            <td class="num" data-testid={format!("{id}-won")}>{ i18n.num(r.won) }</td>
            <td class="num" data-testid={format!("{id}-open")}>{ r.open }</td>
            <td class="num" data-testid={format!("{id}-weighted")}>{ i18n.num(r.open_weighted) }</td>
            <td class="num fc-cov-cell">
                <span data-testid={format!("{id}-coverage")}>{ coverage_text(i18n, r.coverage) }</span>
                if r.flagged {
                    <span class="fc-flag is-under" data-testid={format!("{id}-flag")}>{ i18n.t("ltc_forecast.flag_under") }</span>
                }
            </td>
        </tr>
    }
}

/// The coverage section with its switch, threshold and paging.
#[function_component(CoverageSection)]
pub fn coverage_section(props: &CoverageProps) -> Html {
    let i18n = use_i18n();
    let scope = use_state(|| Scope::Tier);
    let page = use_state(|| 0usize);
    let threshold = props.ws.0.ltc.settings.coverage_threshold;
    let text = use_state(|| threshold.to_string());
    let error = use_state(|| false);
    {
        // Undo or another change of the saved threshold shows in the field.
        let (text, error) = (text.clone(), error.clone());
        use_effect_with(threshold.to_bits(), move |_| {
            text.set(threshold.to_string());
            error.set(false);
        });
    }
    let list = {
        let (ws, tiers) = (props.ws.clone(), props.tiers.clone());
        use_memo((props.ws.clone(), *scope, i18n.lang), move |(_, s, _)| {
            rows(&ws, &tiers, *s, &i18n)
        })
    };
    let on_pick = {
        let (scope, page) = (scope.clone(), page.clone());
        Callback::from(move |s: Scope| {
            scope.set(s);
            page.set(0);
        })
    };
    let on_page = {
        let page = page.clone();
        Callback::from(move |p: usize| page.set(p))
    };
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            text.set(input.value());
        })
    };
    let on_change = {
        let (ws, on_edit, error) = (props.ws.clone(), props.on_edit.clone(), error.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            match input
                .value()
                .trim()
                .trim_end_matches(['×', 'x', 'X'])
                .trim()
                .parse::<f64>()
            {
                Ok(v) if v.is_finite() && v > 0.0 => {
                    error.set(false);
                    if v != ws.0.ltc.settings.coverage_threshold {
                        let mut next = ws.0.ltc.clone();
                        next.settings.coverage_threshold = v;
                        on_edit.emit(Edit::SetLtc(Box::new(next)));
                    }
                }
                _ => error.set(true),
            }
        })
    };
    let total = list.len();
    let flagged = list.iter().filter(|(r, _)| r.flagged).count();
    let paged = use_page(total, *page);
    let shown = paged.slice(&list);
    let t = ratio_text(threshold);
    html! {
        <section class="card fc-coverage" data-testid="fc-coverage-section">
            <div class="fc-head">
                <h3 class="card-title">{ i18n.t("ltc_forecast.title_coverage") }</h3>
                { scope_switch(&i18n, &SCOPES, *scope, "fc-cov-scope", i18n.t("ltc_forecast.title_coverage"), &on_pick) }
                <label class="fc-threshold">
                    <span>{ i18n.t("ltc_forecast.threshold") }</span>
                    <input type="number" min="0.1" step="0.1" value={(*text).clone()} data-testid="fc-threshold"
                           aria-invalid={(*error).to_string()} aria-describedby="fc-threshold-help"
                           oninput={on_input} onchange={on_change} />
                    <span aria-hidden="true">{ "×" }</span>
                </label>
            </div>
            <p class="muted fc-note" id="fc-threshold-help">
                { i18n.tf("ltc_forecast.coverage_note", &[("t", &t)]) }
                if *error { <span class="fc-error" role="alert">{ i18n.t("ltc_forecast.threshold_error") }</span> }
            </p>
            <p class="fc-summary" data-testid="fc-cov-summary">
                { i18n.tf("ltc_forecast.coverage_summary", &[("n", &total.to_string()),
                    ("flagged", &flagged.to_string()), ("t", &t)]) }
            </p>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("ltc_forecast.title_coverage")}>
                <table class="data-table fc-coverage-table" data-testid="fc-coverage-table">
                    <thead><tr>
                        <th scope="col">{ scope_name(&i18n, *scope) }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_forecast.col_target") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_forecast.col_won") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_forecast.col_open") }</th>
                        <th scope="col" class="num"><Term id="weighted">{ i18n.t("ltc_forecast.col_weighted") }</Term></th>
                        <th scope="col" class="num"><Term id="coverage">{ i18n.t("ltc_forecast.col_coverage") }</Term></th>
                    </tr></thead>
                    <tbody>
                        { for shown.iter().map(|(r, name)| row_html(&i18n, *scope, r, name, &props.on_open_account)) }
                        if total == 0 {
                            <tr><td colspan="6" class="muted">{ i18n.t("ltc_forecast.coverage_empty") }</td></tr>
                        }
                    </tbody>
                    <TermNotes ids={vec!["weighted", "coverage"]} colspan={6} />
                </table>
            </div>
            <Pager page={paged} {on_page} label={i18n.tf("a11y.in_context", &[("label", i18n.t("ltc_forecast.pages")), ("context", i18n.t("ltc_forecast.title_coverage"))])} testid="fc-cov-pager" />
        </section>
    }
}

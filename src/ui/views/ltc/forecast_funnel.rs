//! The funnel (how many opportunities reached each stage, from their recorded history, and the
//! conversion from each stage to the next) and the win rates won ÷ (won + lost) by tier, owner
//! and line.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::coverage::scope_switch;
use super::{key_order, scope_name, Namer};
use crate::domain::ltc::calc::{self, FunnelStep, WinRate};
use crate::domain::ltc::Scope;
use crate::domain::number::format_percent;
use crate::domain::workspace::Workspace;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::pager::{use_page, Pager};
use crate::ui::state::DocRef;
use crate::ui::term::{Term, TermNotes};
use crate::ui::views::ltc::{ctx, stage_name};

const BAR_W: f64 = 300.0;

/// The funnel section: a row per step with a centred bar (a funnel when read down), the count
/// and the conversion to the next step.
pub fn funnel(i18n: &I18n, ws: &Workspace, steps: &[FunnelStep]) -> Html {
    let max = steps.iter().map(|s| s.reached).max().unwrap_or(0).max(1) as f64;
    let name = |id: &str| {
        ws.ltc
            .stage(id)
            .map_or_else(|| id.to_string(), |s| stage_name(i18n, s))
    };
    html! {
        <section class="card fc-funnel" data-testid="fc-funnel">
            <h3 class="card-title">{ i18n.t("ltc_forecast.title_funnel") }</h3>
            <p class="muted fc-note">{ i18n.tf("ltc_forecast.funnel_note", &[("n", &ws.ltc.opportunities.len().to_string())]) }</p>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("ltc_forecast.title_funnel")}>
                <table class="data-table fc-funnel-table">
                    <thead><tr>
                        <th scope="col">{ i18n.t("ltc_forecast.col_stage") }</th>
                        <th scope="col" class="fc-funnel-bar-col"><span class="visually-hidden">{ i18n.t("ltc_forecast.col_bar") }</span></th>
                        <th scope="col" class="num">{ i18n.t("ltc_forecast.col_reached") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_forecast.col_conversion") }</th>
                    </tr></thead>
                    <tbody>
                        { for steps.iter().enumerate().map(|(i, s)| {
                            let w = BAR_W * s.reached as f64 / max;
                            let conv = match (s.conversion_pct, steps.get(i + 1)) {
                                (Some(p), Some(next)) => i18n.tf("ltc_forecast.conversion_to",
                                    &[("pct", &format_percent(p)), ("stage", &name(&next.stage))]),
                                _ => "—".to_string(),
                            };
                            html! {
                                <tr data-testid={format!("fc-funnel-{}", s.stage)}>
                                    <th scope="row">{ name(&s.stage) }</th>
                                    <td class="fc-funnel-bar-cell">
                                        <svg class="fc-funnel-bar" viewBox={format!("0 0 {BAR_W} 20")} preserveAspectRatio="none"
                                             aria-hidden="true" focusable="false">
                                            <rect class={classes!("fc-funnel-rect", (i + 1 == steps.len()).then_some("is-won"))}
                                                  x={format!("{:.1}", (BAR_W - w) / 2.0)} y="0"
                                                  width={format!("{w:.1}")} height="20" />
                                        </svg>
                                    </td>
                                    <td class="num" data-testid={format!("fc-funnel-{}-reached", s.stage)}>{ s.reached }</td>
                                    <td class="num" data-testid={format!("fc-funnel-{}-conversion", s.stage)}>{ conv }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Props of [`WinRates`].
#[derive(Properties, PartialEq)]
pub struct WinRatesProps {
    /// The open workspace.
    pub ws: DocRef,
    /// Each customer's tier id.
    pub tiers: Rc<HashMap<String, String>>,
}

fn rate_text(i18n: &I18n, r: &WinRate) -> String {
    r.rate_pct.map_or_else(
        || i18n.t("ltc_forecast.no_closed").to_string(),
        format_percent,
    )
}

/// Win rates by tier, owner or line, with the company's above.
#[function_component(WinRates)]
pub fn win_rates(props: &WinRatesProps) -> Html {
    let i18n = use_i18n();
    let scope = use_state(|| Scope::Tier);
    let page = use_state(|| 0usize);
    let data = {
        let (ws, tiers) = (props.ws.0.clone(), props.tiers.clone());
        use_memo((props.ws.clone(), *scope, i18n.lang), move |(_, s, _)| {
            let ctx = ctx(&ws, &tiers);
            let namer = Namer::new(&ws, i18n);
            let company = calc::win_rates(&ctx, Scope::Company).into_iter().next();
            let mut rows: Vec<(WinRate, String)> = calc::win_rates(&ctx, *s)
                .into_iter()
                .map(|r| {
                    let name = namer.name(*s, &r.key);
                    (r, name)
                })
                .collect();
            // Tiers and lines are few: those without a closed deal are listed too.
            let all: Vec<&str> = match s {
                Scope::Tier => ws.tiering.tiers.iter().map(|t| t.id.as_str()).collect(),
                Scope::Line => ws.portfolio.lines.iter().map(|l| l.id.as_str()).collect(),
                _ => Vec::new(),
            };
            for k in all {
                if !rows.iter().any(|(r, _)| r.key == k) {
                    let name = namer.name(*s, k);
                    let r = WinRate {
                        key: k.to_string(),
                        won: 0,
                        lost: 0,
                        rate_pct: None,
                    };
                    rows.push((r, name));
                }
            }
            rows.sort_by_cached_key(|(r, name)| key_order(&ws, *s, &r.key, name));
            (company, rows)
        })
    };
    let (company, rows) = &*data;
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
    let year = props.ws.0.meta.fiscal_year.to_string();
    let paged = use_page(rows.len(), *page);
    let shown = paged.slice(rows);
    let company_text = match company {
        Some(c) => i18n.tf(
            "ltc_forecast.win_company",
            &[
                ("rate", &rate_text(&i18n, c)),
                ("won", &c.won.to_string()),
                ("lost", &c.lost.to_string()),
            ],
        ),
        None => i18n.t("ltc_forecast.no_closed").to_string(),
    };
    html! {
        <section class="card fc-win" data-testid="fc-win">
            <div class="fc-head">
                <h3 class="card-title">{ i18n.t("ltc_forecast.title_win") }</h3>
                { scope_switch(&i18n, &[Scope::Tier, Scope::Owner, Scope::Line], *scope, "fc-win-scope", i18n.t("ltc_forecast.title_win"), &on_pick) }
            </div>
            <p class="muted fc-note">{ i18n.tf("ltc_forecast.win_note", &[("year", &year)]) }</p>
            <p class="fc-summary" data-testid="fc-win-company">{ company_text }</p>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("ltc_forecast.title_win")}>
                <table class="data-table fc-win-table" data-testid="fc-win-table">
                    <thead><tr>
                        <th scope="col">{ scope_name(&i18n, *scope) }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_forecast.col_won_count") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_forecast.col_lost_count") }</th>
                        <th scope="col" class="num"><Term id="win_rate">{ i18n.t("ltc_forecast.col_win_rate") }</Term></th>
                    </tr></thead>
                    <tbody>
                        { for shown.iter().map(|(r, name)| html! {
                            <tr data-testid={format!("fc-win-{}", r.key)}>
                                <th scope="row">{ name.clone() }</th>
                                <td class="num">{ r.won }</td>
                                <td class="num">{ r.lost }</td>
                                <td class="num" data-testid={format!("fc-win-{}-rate", r.key)}>{ rate_text(&i18n, r) }</td>
                            </tr>
                        }) }
                        if rows.is_empty() {
                            <tr><td colspan="4" class="muted" data-testid="fc-win-none">{ i18n.t("ltc_forecast.no_closed") }</td></tr>
                        }
                    </tbody>
                    <TermNotes ids={vec!["win_rate"]} colspan={4} />
                </table>
            </div>
            <Pager page={paged} {on_page} label={i18n.tf("a11y.in_context", &[("label", i18n.t("ltc_forecast.pages")), ("context", i18n.t("ltc_forecast.title_win"))])} testid="fc-win-pager" />
        </section>
    }
}

//! The across-accounts tab: relationship health per tier and per account — score, decision-maker
//! coverage, coach, flags — as a chart of the scores and a table sortable by every column. The
//! default order puts the top tier first and, within it, the accounts without a coach.

use yew::prelude::*;

use super::power::{score_class, score_text};
use super::{flag_text, PartProps};
use crate::domain::mcr::calc::{tier_health, AccountHealth};
use crate::domain::number::format_percent;
use crate::domain::workspace::Workspace;
use crate::ui::i18n::{use_i18n, I18n};

/// A sortable column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    /// The default order (tier, coach, score).
    Priority,
    Name,
    Stakeholders,
    Score,
    Coverage,
    Flags,
}

impl Col {
    fn id(self) -> &'static str {
        match self {
            Col::Priority => "priority",
            Col::Name => "name",
            Col::Stakeholders => "stakeholders",
            Col::Score => "score",
            Col::Coverage => "coverage",
            Col::Flags => "flags",
        }
    }
}

fn tier_name(i18n: &I18n, ws: &Workspace, id: Option<&str>) -> String {
    id.and_then(|id| ws.tiering.tiers.iter().find(|t| t.id == id))
        .map_or_else(|| "—".to_string(), |t| i18n.tier_name(t).to_string())
}

fn sorted(health: &[AccountHealth], col: Col, descending: bool) -> Vec<&AccountHealth> {
    let mut rows: Vec<&AccountHealth> = health.iter().collect();
    let key = |h: &AccountHealth| -> f64 {
        match col {
            Col::Stakeholders => h.stakeholders as f64,
            Col::Score => h.score.unwrap_or(f64::NEG_INFINITY),
            Col::Coverage => h.coverage.pct().unwrap_or(-1.0),
            Col::Flags => h.flags.len() as f64,
            Col::Priority | Col::Name => 0.0,
        }
    };
    match col {
        Col::Priority => {}
        Col::Name => rows.sort_by(|a, b| a.name.cmp(&b.name)),
        _ => rows.sort_by(|a, b| key(a).total_cmp(&key(b))),
    }
    if descending {
        rows.reverse();
    }
    rows
}

/// The scores as horizontal bars from −100 to 100, zero in the middle.
fn chart(i18n: &I18n, rows: &[&AccountHealth]) -> Html {
    const W: f64 = 560.0;
    const LABEL: f64 = 150.0;
    const BAR_H: f64 = 18.0;
    const GAP: f64 = 6.0;
    let plot = W - LABEL - 48.0;
    let zero = LABEL + plot / 2.0;
    let h = rows.len() as f64 * (BAR_H + GAP) + 28.0;
    html! {
        <svg class="mcr-score-chart" viewBox={format!("0 0 {W} {h:.0}")} width={W.to_string()} height={format!("{h:.0}")}
             role="img" aria-label={i18n.t("mcr.chart_label")} data-testid="mcr-score-chart">
            { for [-100.0, -50.0, 0.0, 50.0, 100.0].iter().map(|t: &f64| {
                let x = zero + t / 100.0 * plot / 2.0;
                html! {
                    <g>
                        <line class={classes!("mcr-axis", (*t == 0.0).then_some("is-zero"))} x1={format!("{x:.1}")} x2={format!("{x:.1}")}
                              y1="0" y2={format!("{:.0}", h - 20.0)} />
                        <text class="mcr-tick" x={format!("{x:.1}")} y={format!("{:.0}", h - 6.0)} text-anchor="middle">{ format!("{t:.0}") }</text>
                    </g>
                }
            }) }
            { for rows.iter().enumerate().map(|(i, r)| {
                let y = i as f64 * (BAR_H + GAP);
                let s = r.score.unwrap_or(0.0).clamp(-100.0, 100.0);
                let len = s.abs() / 100.0 * plot / 2.0;
                let x = if s < 0.0 { zero - len } else { zero };
                let name: String = if r.name.chars().count() > 11 { r.name.chars().take(10).chain(['…']).collect() } else { r.name.clone() };
                html! {
                    <g data-testid={format!("mcr-bar-{}", r.account)}>
                        <text class="mcr-bar-label" x={format!("{:.0}", LABEL - 6.0)} y={format!("{:.1}", y + 13.0)} text-anchor="end">{ name }</text>
                        <rect class={classes!("mcr-bar", score_class(r.score))} x={format!("{x:.1}")} y={format!("{y:.1}")}
                              width={format!("{:.1}", len.max(1.0))} height={BAR_H.to_string()} />
                        <text class="mcr-bar-value" x={format!("{:.1}", zero + plot / 2.0 + 6.0)} y={format!("{:.1}", y + 13.0)}>{ score_text(r.score) }</text>
                    </g>
                }
            }) }
        </svg>
    }
}

/// The tab.
#[function_component(Accounts)]
pub fn accounts(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let sort = use_state(|| (Col::Priority, false));
    let ws = &props.ws.0;
    let health = &props.health;
    if health.is_empty() {
        return html! { <p class="muted" data-testid="mcr-no-accounts">{ i18n.t("mcr.no_accounts") }</p> };
    }
    let tiers = tier_health(health);
    let (col, desc) = *sort;
    let rows = sorted(health, col, desc);
    let header = |c: Col, label: &str, num: bool| {
        let current = col == c;
        let onclick = {
            let sort = sort.clone();
            move |_: MouseEvent| {
                let (old, d) = *sort;
                sort.set((
                    c,
                    if old == c {
                        !d
                    } else {
                        c != Col::Name && c != Col::Priority
                    },
                ));
            }
        };
        let aria = match (current, desc) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        html! {
            <th scope="col" class={classes!(num.then_some("num"))} aria-sort={aria}>
                <button type="button" class="mcr-sort print-as-text" data-testid={format!("mcr-sort-{}", c.id())} {onclick}>
                    { i18n.t(label) }{ if current { if desc { " ↓" } else { " ↑" } } else { "" } }
                </button>
            </th>
        }
    };
    html! {
        <section class="mcr-accounts" data-testid="mcr-accounts">
            <h3>{ i18n.t("mcr.by_tier") }</h3>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("mcr.by_tier")}>
                <table class="mcr-tier-table" data-testid="mcr-tier-table">
                    <thead><tr>
                        <th scope="col">{ i18n.t("mcr.tier") }</th>
                        <th scope="col" class="num">{ i18n.t("mcr.accounts") }</th>
                        <th scope="col" class="num">{ i18n.t("mcr.mean_score") }</th>
                        <th scope="col" class="num">{ i18n.t("mcr.coverage") }</th>
                        <th scope="col" class="num">{ i18n.t("mcr.without_coach") }</th>
                        <th scope="col" class="num">{ i18n.t("mcr.flagged") }</th>
                    </tr></thead>
                    <tbody>
                        { for tiers.iter().map(|t| html! {
                            <tr data-testid={format!("mcr-tier-{}", t.tier)}>
                                <th scope="row">{ tier_name(&i18n, ws, Some(&t.tier)) }</th>
                                <td class="num">{ t.accounts }</td>
                                <td class="num">{ score_text(t.mean_score) }</td>
                                <td class="num">{ t.coverage.pct().map_or_else(|| "—".to_string(), format_percent) }</td>
                                <td class="num">{ t.without_coach }</td>
                                <td class="num">{ t.flagged }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <h3>{ i18n.t("mcr.by_account") }</h3>
            <div class="mcr-sort-reset">
                <button type="button" class="button" data-testid="mcr-sort-priority"
                        disabled={col == Col::Priority}
                        onclick={let sort = sort.clone(); move |_| sort.set((Col::Priority, false))}>{ i18n.t("mcr.sort_priority") }</button>
                <span class="muted">{ i18n.t("mcr.priority_note") }</span>
            </div>
            { chart(&i18n, &rows) }
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("mcr.by_account")}>
                <table class="mcr-account-table" data-testid="mcr-account-table">
                    <thead><tr>
                        { header(Col::Name, "mcr.account", false) }
                        <th scope="col">{ i18n.t("mcr.tier") }</th>
                        { header(Col::Stakeholders, "mcr.stakeholders", true) }
                        { header(Col::Score, "mcr.score", true) }
                        { header(Col::Coverage, "mcr.coverage", true) }
                        <th scope="col">{ i18n.t("mcr.coach") }</th>
                        { header(Col::Flags, "mcr.flags", false) }
                    </tr></thead>
                    <tbody>
                        { for rows.iter().map(|h| {
                            let id = h.account.clone();
                            let onclick = props.on_open_account.reform(move |_: MouseEvent| id.clone());
                            html! {
                                <tr data-testid={format!("mcr-account-{}", h.account)}>
                                    <th scope="row"><button type="button" class="link-button" {onclick}>{ h.name.clone() }</button>{ " " }{ crate::ui::account_link::plan_link(&i18n, &h.account, &h.name) }</th>
                                    <td>{ tier_name(&i18n, ws, h.tier.as_deref()) }</td>
                                    <td class="num">{ h.stakeholders }</td>
                                    <td class={classes!("num", score_class(h.score))}>{ score_text(h.score) }</td>
                                    <td class="num">{ h.coverage.pct().map_or_else(|| "—".to_string(), format_percent) }</td>
                                    <td>{ if h.has_coach { i18n.t("mcr.yes") } else { i18n.t("mcr.no") } }</td>
                                    <td>
                                        if h.flags.is_empty() {
                                            <span class="muted">{ "—" }</span>
                                        } else {
                                            <ul class="mcr-flag-list">
                                                { for h.flags.iter().map(|f| html! {
                                                    <li class={classes!("mcr-flag-chip", format!("mcr-flag-{}", f.key()))}
                                                        title={flag_text(&i18n, ws, f)}>{ i18n.t(&format!("mcr.flag_short_{}", f.key())) }</li>
                                                }) }
                                            </ul>
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

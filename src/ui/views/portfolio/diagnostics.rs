//! The diagnostics tab of Tool 2: what the portfolio lacks (no next engine, a mix far from the
//! target, core and growth lines without a strategic control point, emerging lines without risk
//! management), the expansion priority of the industries with each score's three inputs, and
//! beside it how many accounts of each account tier Tool 1 puts in each industry — the evidence
//! for customer selection.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::{horizon_name, PartProps};
use crate::domain::number::format_percent;
use crate::domain::portfolio::calc::{self, Expansion, Finding};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::{use_i18n, I18n};

/// The tab.
#[function_component(Diagnostics)]
pub fn diagnostics(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let ws = &props.ws.0;
    if ws.portfolio.lines.is_empty() {
        return html! {
            <section class="card" data-testid="portfolio-diagnostics">
                <h3 class="card-title">{ i18n.t("portfolio.diag_title") }</h3>
                <p class="muted" data-testid="diag-empty">{ i18n.t("portfolio.diag_no_lines") }</p>
            </section>
        };
    }
    let findings = calc::diagnose(&ws.portfolio);
    let ranking = calc::expansion_ranking(&ws.portfolio);
    let tiers = ws.tier_ids();
    let accounts = calc::accounts_by_industry(&ws.customers, &tiers, &ws.org.account_tiers);
    html! {
        <div class="portfolio-diagnostics" data-testid="portfolio-diagnostics">
            { findings_card(&i18n, ws, &findings) }
            { ranking_card(&i18n, ws, &ranking, &accounts) }
        </div>
    }
}

/// One finding in words.
fn finding_text(i18n: &I18n, ws: &Workspace, f: &Finding) -> String {
    match f {
        Finding::NoNextEngine {
            industry,
            core_revenue,
        } => i18n.tf(
            "portfolio.finding_no_next_engine",
            &[
                ("industry", industry),
                ("revenue", &i18n.num(*core_revenue)),
            ],
        ),
        Finding::MixOff {
            industry,
            horizon,
            actual_pct,
            target_pct,
        } => {
            let args = [
                ("horizon", horizon_name(i18n, *horizon)),
                ("actual", format_percent(*actual_pct)),
                ("target", format_percent(*target_pct)),
                (
                    "tolerance",
                    crate::domain::number::format_compact(
                        ws.portfolio.target_mix.tolerance_pts,
                        i18n.lang.number_locale(),
                    ),
                ),
                ("industry", industry.clone().unwrap_or_default()),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let key = if industry.is_some() {
                "portfolio.finding_mix_off_industry"
            } else {
                "portfolio.finding_mix_off_overall"
            };
            i18n.tf(key, &args)
        }
        Finding::NoControlPoint {
            name,
            industry,
            horizon,
            ..
        } => i18n.tf(
            "portfolio.finding_no_control_point",
            &[
                ("line", name),
                ("industry", industry),
                ("horizon", &horizon_name(i18n, *horizon)),
            ],
        ),
        Finding::NoRiskManagement { name, industry, .. } => i18n.tf(
            "portfolio.finding_no_risk_management",
            &[("line", name), ("industry", industry)],
        ),
    }
}

/// The test id of a finding: its kind and what it is about.
fn finding_id(f: &Finding) -> String {
    let about = match f {
        Finding::NoNextEngine { industry, .. } => industry.clone(),
        Finding::MixOff { industry, .. } => industry.clone().unwrap_or_else(|| "all".into()),
        Finding::NoControlPoint { line, .. } | Finding::NoRiskManagement { line, .. } => {
            line.clone()
        }
    };
    format!("diag-{}-{about}", f.kind())
}

/// One item of the findings list: its kind, what was found and what to do.
fn finding_item(i18n: &I18n, kind: &str, testid: String, text: String) -> Html {
    html! {
        <li class={classes!("diag-finding", format!("diag-{kind}"))} data-testid={testid}>
            <span class="diag-kind">{ i18n.t(&format!("portfolio.kind_{kind}")) }</span>
            <span class="diag-text">{ text }</span>
            <span class="diag-hint muted">{ i18n.t(&format!("portfolio.hint_{kind}")) }</span>
        </li>
    }
}

fn findings_card(i18n: &I18n, ws: &Workspace, findings: &[Finding]) -> Html {
    // The industries whose mix is off are one item (they usually come together); the rest one
    // item each.
    let industries_off: Vec<String> = findings
        .iter()
        .filter_map(|f| match f {
            Finding::MixOff {
                industry: Some(industry),
                horizon,
                actual_pct,
                ..
            } => Some(i18n.tf(
                "portfolio.mix_off_entry",
                &[
                    ("industry", industry),
                    ("horizon", &horizon_name(i18n, *horizon)),
                    ("actual", &format_percent(*actual_pct)),
                ],
            )),
            _ => None,
        })
        .collect();
    let mut items: Vec<Html> = Vec::new();
    for f in findings {
        if matches!(
            f,
            Finding::MixOff {
                industry: Some(_),
                ..
            }
        ) {
            continue;
        }
        items.push(finding_item(
            i18n,
            f.kind(),
            finding_id(f),
            finding_text(i18n, ws, f),
        ));
        if matches!(f, Finding::MixOff { industry: None, .. }) && !industries_off.is_empty() {
            items.push(industries_off_item(i18n, ws, &industries_off));
        }
    }
    if !industries_off.is_empty()
        && !findings
            .iter()
            .any(|f| matches!(f, Finding::MixOff { industry: None, .. }))
    {
        items.push(industries_off_item(i18n, ws, &industries_off));
    }
    html! {
        <section class="card" aria-labelledby="diag-findings-title">
            <h3 class="card-title" id="diag-findings-title">{ i18n.t("portfolio.diag_title") }</h3>
            <p class="muted">{ i18n.t("portfolio.diag_intro") }</p>
            if findings.is_empty() {
                <p class="diag-clean" data-testid="diag-clean">{ i18n.t("portfolio.diag_clean") }</p>
            } else {
                <ul class="diag-list" data-testid="diag-findings">{ for items }</ul>
            }
        </section>
    }
}

/// "5 industries are off target (tolerance 10 points): 电力 core 83.3%, …".
fn industries_off_item(i18n: &I18n, ws: &Workspace, entries: &[String]) -> Html {
    let text = i18n.tf(
        "portfolio.finding_mix_off_industries",
        &[
            ("n", &entries.len().to_string()),
            (
                "tolerance",
                &crate::domain::number::format_compact(
                    ws.portfolio.target_mix.tolerance_pts,
                    i18n.lang.number_locale(),
                ),
            ),
            ("list", &entries.join(i18n.t("portfolio.list_sep"))),
        ],
    );
    finding_item(i18n, "mix_off", "diag-mix_off-industries".to_string(), text)
}

/// "14亿 × (1 + 19.1%) × (1 − 3.4%) = 16.1亿", or why there is no score.
fn score_explanation(i18n: &I18n, e: &Expansion) -> String {
    match (e.market_size, e.growth_pct, e.share_pct, e.score) {
        (Some(m), Some(g), Some(s), Some(score)) => i18n.tf(
            "portfolio.rank_explain",
            &[
                ("market", &i18n.num(m)),
                ("growth", &format_percent(g)),
                ("share", &format_percent(s.min(100.0))),
                ("score", &i18n.num(score)),
            ],
        ),
        (None, _, _, _) => i18n.t("portfolio.rank_no_market").to_string(),
        _ => i18n.t("portfolio.rank_no_growth").to_string(),
    }
}

fn opt_pct(v: Option<f64>) -> String {
    v.map(format_percent).unwrap_or_else(|| "—".to_string())
}

fn ranking_card(
    i18n: &I18n,
    ws: &Workspace,
    ranking: &[Expansion],
    accounts: &BTreeMap<String, Vec<usize>>,
) -> Html {
    let tiers: Vec<String> = ws
        .org
        .account_tiers
        .iter()
        .map(|id| {
            ws.tiering
                .tiers
                .iter()
                .find(|t| &t.id == id)
                .map_or_else(|| id.clone(), |t| i18n.tier_name(t).to_string())
        })
        .collect();
    html! {
        <section class="card" aria-labelledby="diag-rank-title">
            <h3 class="card-title" id="diag-rank-title">{ i18n.t("portfolio.rank_title") }</h3>
            <p class="muted">{ i18n.t("portfolio.rank_intro") }</p>
            <div class="table-scroll" tabindex="0" role="group"
                 aria-label={i18n.t("portfolio.rank_title").to_string()}>
                <table class="data-table diag-rank" data-testid="diag-ranking">
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.t("portfolio.rank_col_rank") }</th>
                            <th scope="col">{ i18n.t("portfolio.rank_col_industry") }</th>
                            <th scope="col" class="num">{ i18n.t("portfolio.rank_col_market") }</th>
                            <th scope="col" class="num">{ i18n.t("portfolio.rank_col_growth") }</th>
                            <th scope="col" class="num">{ i18n.t("portfolio.rank_col_share") }</th>
                            <th scope="col" class="num">{ i18n.t("portfolio.rank_col_score") }</th>
                            <th scope="col">{ i18n.t("portfolio.rank_col_why") }</th>
                            { for tiers.iter().map(|t| html! {
                                <th scope="col" class="num diag-evidence">{ t.clone() }</th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for ranking.iter().map(|e| {
                            let counts = accounts.get(&e.industry);
                            html! {
                                <tr data-testid={format!("diag-rank-{}", e.industry)}>
                                    <td class="num" data-testid="diag-rank-n">
                                        { e.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into()) }
                                    </td>
                                    <th scope="row">{ e.industry.clone() }</th>
                                    <td class="num">{ e.market_size.map(|m| i18n.num(m)).unwrap_or_else(|| "—".into()) }</td>
                                    <td class="num">{ opt_pct(e.growth_pct) }</td>
                                    <td class="num">{ opt_pct(e.share_pct) }</td>
                                    <td class="num">{ e.score.map(|s| i18n.num(s)).unwrap_or_else(|| "—".into()) }</td>
                                    <td class="diag-why" data-testid="diag-rank-why">{ score_explanation(i18n, e) }</td>
                                    { for (0..tiers.len()).map(|k| html! {
                                        <td class="num diag-evidence">
                                            { counts.and_then(|c| c.get(k)).copied().unwrap_or(0) }
                                        </td>
                                    }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="muted diag-evidence-note">{ i18n.t("portfolio.rank_evidence_note") }</p>
        </section>
    }
}

//! The blocks of the account page: each a card with its title, a link to the tool that edits
//! it, and its figures — or the sentence saying what would fill it.

use yew::prelude::*;

use super::chart::{MapThumb, PurchaseBars};
use crate::domain::account_plan::words::{coverage_text, kv, role_label};
use crate::domain::account_plan::{AccountPlan, Block, Empty, Words};
use crate::domain::engagement::Action;
use crate::domain::mcr::calc::score_text;
use crate::domain::mcr::VctQuestion;
use crate::domain::number::format_percent;
use crate::domain::org::board::format_fte;
use crate::domain::workspace::Workspace;
use crate::ui::route::{ltc_account_hash, mcr_account_hash};
use crate::ui::views::account::words::PlanWords;

fn pct(v: Option<f64>) -> String {
    v.map(format_percent).unwrap_or_else(|| "—".to_string())
}

/// A block: its title, the link to its tool and its body (or what would fill it).
fn card<T>(
    w: &PlanWords,
    key: &str,
    link: String,
    block: &Block<T>,
    body: impl FnOnce(&T) -> Html,
) -> Html {
    let inner = match block {
        Ok(v) => body(v),
        Err(e) => empty(w, *e),
    };
    frame(w, key, link, block.is_err(), inner)
}

fn frame(w: &PlanWords, key: &str, link: String, is_empty: bool, inner: Html) -> Html {
    html! {
        <section class={classes!("card", "account-block", format!("account-block-{key}"), is_empty.then_some("is-empty"))}
                 data-testid={format!("account-{key}")}>
            <h2 class="account-block-title">
                <span>{ w.t(&format!("account.block_{key}")) }</span>
                <a class="account-tool-link" href={link}>{ w.t(&format!("account.link_{key}")) }</a>
            </h2>
            { inner }
        </section>
    }
}

fn empty(w: &PlanWords, e: Empty) -> Html {
    html! {
        <p class="account-empty" data-testid={format!("account-empty-{}", e.key())}>{ w.empty(e) }</p>
    }
}

fn table(w: &PlanWords, cols: &[&str], rows: Vec<Vec<Html>>) -> Html {
    html! {
        <table class="account-table">
            <thead><tr>{ for cols.iter().map(|c| html! { <th scope="col">{ w.t(&format!("account.{c}")) }</th> }) }</tr></thead>
            <tbody>
                { for rows.into_iter().map(|r| html! { <tr>{ for r.into_iter().map(|c| html! { <td>{ c }</td> }) }</tr> }) }
            </tbody>
        </table>
    }
}

fn text(s: impl Into<String>) -> Html {
    html! { { s.into() } }
}

/// The account's name, tier and triangle type at the top of the plan.
pub fn head(w: &PlanWords, p: &AccountPlan) -> Html {
    html! {
        <div class="account-head">
            <h1 class="account-name" data-testid="account-name">{ p.profile.name.clone() }</h1>
            if let Some(t) = &p.tier {
                <span class={classes!("account-tier", format!("account-tier-{}", t.tier.id))} data-testid="account-tier">{ w.tier_name(&t.tier) }</span>
            }
            <span class="account-triangle">{ w.t(&format!("board.triangle_{}", p.triangle.triangle.key())) }</span>
        </div>
    }
}

/// Profile, tier and why, triangle type and why.
pub fn profile(w: &PlanWords, p: &AccountPlan) -> Html {
    let f = &p.profile;
    let or_dash = |s: &str| {
        if s.is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    let items = [
        ("industry", or_dash(&f.industry)),
        ("region", or_dash(&f.region)),
        ("owner", or_dash(&f.owner)),
        ("annual_purchase", w.num(f.annual_purchase)),
        ("revenue", w.num(f.revenue)),
        ("gross_margin", pct(f.gross_margin_pct)),
        ("share_of_wallet", pct(f.share_of_wallet_pct)),
        ("growth", pct(f.growth_pct)),
        ("years", f.years.to_string()),
    ];
    let inner = html! {
        <>
            <dl class="account-facts">
                { for items.into_iter().map(|(k, v)| html! {
                    <div><dt>{ w.t(&format!("account.f_{k}")) }</dt><dd>{ v }</dd></div>
                }) }
            </dl>
            if let Some(t) = &p.tier {
                <p class="account-why" data-testid="account-tier-why">
                    <strong>{ kv(w, &w.t("account.f_tier"), &w.tier_name(&t.tier)) }</strong>
                    { format!(" — {}", w.explanation(&t.explanation)) }
                </p>
            }
            <p class="account-why">
                <strong>{ kv(w, &w.t("account.f_triangle"), &w.t(&format!("board.triangle_{}", p.triangle.triangle.key()))) }</strong>
                { format!(" — {}", w.triangle_why(&p.triangle.why)) }
            </p>
        </>
    };
    frame(w, "profile", "#/tiering".into(), false, inner)
}

/// Purchase history: bars and their table.
pub fn history(w: &PlanWords, p: &AccountPlan) -> Html {
    card(w, "history", "#/customers".into(), &p.history, |years| {
        let bars: Vec<(String, f64, String)> = years
            .iter()
            .map(|y| {
                (
                    y.year.to_string(),
                    y.annual_purchase,
                    w.num(y.annual_purchase),
                )
            })
            .collect();
        let rows = years
            .iter()
            .map(|y| vec![text(y.year.to_string()), text(w.num(y.annual_purchase))])
            .collect();
        html! {
            <div class="account-history">
                <PurchaseBars bars={bars} label={w.t("account.block_history")} />
                { table(w, &["col_year", "f_annual_purchase"], rows) }
            </div>
        }
    })
}

/// The iron triangle against its template, the missing roles first.
pub fn staffing(w: &PlanWords, p: &AccountPlan) -> Html {
    card(w, "staffing", "#/team".into(), &p.staffing, |s| {
        let sep = w.t("account.list_sep");
        let rows = s
            .roles
            .iter()
            .map(|r| {
                let people = r
                    .people
                    .iter()
                    .map(|(n, f)| format!("{n} ({})", format_fte(*f)))
                    .collect::<Vec<_>>()
                    .join(&sep);
                vec![
                    text(role_label(w, r)),
                    text(format_fte(r.required)),
                    text(format_fte(r.assigned)),
                    text(if people.is_empty() { "—".to_string() } else { people }),
                    html! { <span class={format!("account-status-{}", r.status.key())}>{ w.t(&format!("board.status_{}", r.status.key())) }</span> },
                ]
            })
            .collect();
        let missing: Vec<String> = s
            .missing
            .iter()
            .map(|id| {
                s.roles
                    .iter()
                    .find(|r| &r.role == id)
                    .map_or_else(|| id.clone(), |r| role_label(w, r))
            })
            .collect();
        html! {
            <>
                if missing.is_empty() {
                    <p class="account-ok">{ w.t("account.staff_no_gap") }</p>
                } else {
                    <p class="account-alert" data-testid="account-staff-missing">{ w.tf("account.staff_missing", &[("roles", &missing.join(&sep))]) }</p>
                }
                <p class="account-line">{ w.tf("account.staff_coverage", &[("pct", &pct(s.coverage_pct))]) }</p>
                { table(w, &["col_role", "col_required", "col_assigned", "col_people", "col_status"], rows) }
            </>
        }
    })
}

/// The decision chain: figures, red flags and the map thumbnail.
pub fn relations(w: &PlanWords, ws: &Workspace, p: &AccountPlan) -> Html {
    card(
        w,
        "relations",
        mcr_account_hash(&p.profile.id),
        &p.relations,
        |r| {
            let score = score_text(r.score);
            let list: Vec<_> = ws.mcr.of_account(&p.profile.id).cloned().collect();
            html! {
                <div class="account-relations">
                    <div>
                        <p class="account-line">{ w.tf("account.rel_summary", &[
                            ("n", &r.count.to_string()), ("score", &score),
                            ("covered", &r.coverage.covered.to_string()), ("total", &r.coverage.total.to_string()),
                            ("pct", &pct(r.coverage.pct())),
                        ]) }</p>
                        if r.flags.is_empty() {
                            <p class="account-ok">{ w.t("account.rel_no_flags") }</p>
                        } else {
                            <ul class="account-flags">
                                { for r.flags.iter().map(|f| html! {
                                    <li class="account-alert" data-testid={format!("account-flag-{}", f.key())}>{ w.flag(f) }</li>
                                }) }
                            </ul>
                        }
                    </div>
                    <MapThumb list={std::rc::Rc::new(list)} label={w.t("account.map_thumb")} />
                </div>
            }
        },
    )
}

/// 151 progress per action.
pub fn engagement(w: &PlanWords, p: &AccountPlan) -> Html {
    card(w, "engagement", "#/engagement".into(), &p.engagement, |e| {
        let rows = Action::ALL
            .iter()
            .zip(&e.actions)
            .map(|(a, t)| {
                vec![
                    text(w.t(&format!("engagement.action_{}", a.key()))),
                    text(t.target.to_string()),
                    text(t.done.to_string()),
                    text(t.planned.to_string()),
                ]
            })
            .collect();
        html! {
            <>
                <p class="account-line">{ w.tf("account.eng_total", &[
                    ("done", &e.total.credit.to_string()), ("target", &e.total.target.to_string()), ("pct", &pct(e.total.pct())),
                ]) }</p>
                { for e.behind.iter().map(|b| html! { <p class="account-alert">{ w.behind(b) }</p> }) }
                { table(w, &["col_action", "col_target", "col_done", "col_planned"], rows) }
            </>
        }
    })
}

/// Open opportunities, coverage and win rate.
pub fn pipeline(w: &PlanWords, p: &AccountPlan) -> Html {
    card(
        w,
        "pipeline",
        ltc_account_hash(&p.profile.id),
        &p.pipeline,
        |x| {
            let target = x.target.map_or_else(|| "—".to_string(), |t| w.num(t));
            let rows = x
                .open
                .iter()
                .map(|o| {
                    vec![
                        text(o.name.clone()),
                        text(w.pick(&o.stage)),
                        text(w.num(o.amount)),
                        text(o.close_date.clone()),
                    ]
                })
                .collect();
            html! {
                <>
                    <p class="account-line">{ w.tf("account.pipe_summary", &[
                        ("n", &x.open.len().to_string()), ("amount", &w.num(x.open_amount)), ("weighted", &w.num(x.open_weighted)),
                    ]) }</p>
                    <p class="account-line">{ w.tf("account.pipe_coverage", &[
                        ("target", &target), ("won", &w.num(x.won)), ("coverage", &coverage_text(w, x.coverage)),
                    ]) }</p>
                    if let Some(r) = &x.win_rate {
                        <p class="account-line">{ w.tf("account.pipe_win_rate", &[
                            ("pct", &pct(r.rate_pct)), ("won", &r.won.to_string()), ("lost", &r.lost.to_string()),
                        ]) }</p>
                    }
                    if !x.open.is_empty() {
                        { table(w, &["col_deal", "col_stage", "col_amount", "col_close"], rows) }
                    }
                </>
            }
        },
    )
}

/// Contracts, receivables and the overdue collections.
pub fn contracts(w: &PlanWords, p: &AccountPlan) -> Html {
    card(
        w,
        "contracts",
        ltc_account_hash(&p.profile.id),
        &p.contracts,
        |c| {
            let rows = c
                .overdue_lines
                .iter()
                .map(|o| {
                    vec![
                        text(o.contract.clone()),
                        text(w.t(&format!("ltc_contracts.kind_{}", o.kind.key()))),
                        text(o.days.to_string()),
                        text(w.num(o.amount)),
                    ]
                })
                .collect();
            html! {
                <>
                    <p class="account-line">{ w.tf("account.con_summary", &[
                        ("n", &c.count.to_string()), ("value", &w.num(c.value)), ("receivable", &w.num(c.receivable)),
                    ]) }</p>
                    if c.overdue_lines.is_empty() {
                        <p class="account-ok">{ w.t("account.con_no_overdue") }</p>
                    } else {
                        <p class="account-alert" data-testid="account-overdue">{ w.tf("account.con_overdue", &[
                            ("n", &c.overdue_lines.len().to_string()), ("amount", &w.num(c.overdue)),
                        ]) }</p>
                        { table(w, &["col_contract", "col_payment", "col_days", "col_amount"], rows) }
                    }
                </>
            }
        },
    )
}

/// The team's KPI card.
pub fn kpi(w: &PlanWords, p: &AccountPlan) -> Html {
    card(w, "kpi", "#/kpi".into(), &p.kpi, |k| {
        let num = |v: f64, unit: &str| {
            let v = if v.abs() >= 1000.0 {
                w.num(v)
            } else {
                format!("{}", (v * 10.0).round() / 10.0)
            };
            format!("{v}{unit}")
        };
        let rows = k
            .lines
            .iter()
            .map(|l| {
                vec![
                    text(w.pick(&l.name)),
                    text(format_percent(l.weight)),
                    text(num(l.target, &l.unit)),
                    text(
                        l.actual
                            .map_or_else(|| "—".to_string(), |a| num(a, &l.unit)),
                    ),
                    text(format!("{:.1}", l.score)),
                ]
            })
            .collect();
        html! {
            <>
                <p class="account-line"><strong>{ w.tf("account.kpi_total", &[
                    ("card", w.pick(&k.name)), ("total", &format!("{:.1}", k.result.total)),
                ]) }</strong></p>
                { table(w, &["col_indicator", "col_weight", "col_target", "col_actual", "col_score"], rows) }
            </>
        }
    })
}

/// The whitespace of the account's industry.
pub fn whitespace(w: &PlanWords, p: &AccountPlan) -> Html {
    card(w, "whitespace", "#/portfolio".into(), &p.whitespace, |s| {
        let rows = s
            .lines
            .iter()
            .map(|l| {
                vec![
                    text(l.line.clone()),
                    text(w.t(&format!("whitespace.status_{}", l.status.key()))),
                    text(w.num(l.figure)),
                ]
            })
            .collect();
        html! {
            <>
                <p class="account-line">{ w.tf("account.ws_summary", &[
                    ("open", &w.num(s.open_potential)), ("pursuit", &w.num(s.pursuit_potential)), ("sold", &w.num(s.sold_revenue)),
                ]) }</p>
                { table(w, &["col_line", "col_status", "col_amount"], rows) }
            </>
        }
    })
}

/// MCR plan items, the overdue ones flagged.
pub fn mcr_plan(w: &PlanWords, p: &AccountPlan) -> Html {
    let link = mcr_account_hash(&p.profile.id).replacen("/map/", "/plan/", 1);
    card(w, "mcr_plan", link, &p.mcr_plan, |items| {
        let rows = items
            .iter()
            .map(|i| {
                vec![
                    text(w.t(&format!("mcr.area_{}", i.area.key()))),
                    text(i.goal.clone()),
                    text(if i.owner.is_empty() { "—".to_string() } else { i.owner.clone() }),
                    text(i.due.clone()),
                    html! {
                        <>
                            if i.overdue { <span class="account-overdue" data-testid="account-plan-overdue">{ w.t("account.overdue") }</span>{ " " } }
                            { w.t(&format!("mcr.status_{}", i.status.key())) }
                        </>
                    },
                ]
            })
            .collect();
        table(
            w,
            &["col_area", "col_goal", "col_owner", "col_due", "col_status"],
            rows,
        )
    })
}

/// The latest VCT check against the one before.
pub fn vct(w: &PlanWords, p: &AccountPlan) -> Html {
    let link = mcr_account_hash(&p.profile.id).replacen("/map/", "/plan/", 1);
    card(w, "vct", link, &p.vct, |v| {
        let mean = |m: Option<f64>| m.map_or_else(|| "—".to_string(), |m| format!("{m:.1}"));
        let a = |x: Option<u8>| x.map_or_else(|| "—".to_string(), |x| x.to_string());
        let rows = VctQuestion::ALL
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let (before, now) = (v.previous.and_then(|p| p[i]), v.answers[i]);
                let trend = match (before, now) {
                    (Some(b), Some(n)) if n < b => "account-down",
                    (Some(b), Some(n)) if n > b => "account-up",
                    _ => "",
                };
                vec![
                    text(w.t(&format!("mcr.vct_{}", q.key()))),
                    text(v.previous.map_or_else(|| "—".to_string(), |p| a(p[i]))),
                    html! { <span class={trend}>{ a(now) }</span> },
                ]
            })
            .collect();
        html! {
            <>
                <p class="account-line">{ w.tf("account.vct_summary", &[
                    ("date", &v.date), ("n", &v.checks.to_string()), ("mean", &mean(v.mean)), ("previous", &mean(v.previous_mean)),
                ]) }</p>
                { table(w, &["col_question", "col_previous", "col_latest"], rows) }
            </>
        }
    })
}

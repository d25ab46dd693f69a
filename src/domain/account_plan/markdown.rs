//! The account plan as Markdown: a title, the workspace and date, then one section per block
//! with its figures as lists and tables, or the sentence saying what would fill it. The words
//! come from the caller ([`Words`], the interface's catalogue), so the export reads like the
//! page in either language.

use std::fmt::Write;

use super::words::{coverage_text, kv, role_label, Words};
use super::{AccountPlan, Block};
use crate::domain::engagement::Action;
use crate::domain::mcr::calc::score_text;
use crate::domain::mcr::VctQuestion;
use crate::domain::number::format_percent;
use crate::domain::org::board::format_fte;

/// A percentage or a dash.
pub(crate) fn pct(v: Option<f64>) -> String {
    v.map(format_percent).unwrap_or_else(|| "—".to_string())
}

/// A table cell: no line breaks, pipes escaped.
fn cell(s: &str) -> String {
    s.replace(['\n', '\r'], " ").replace('|', "\\|")
}

/// A Markdown table.
pub(crate) fn table(out: &mut String, head: &[String], rows: &[Vec<String>]) {
    let line = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&line(head));
    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
    for r in rows {
        out.push_str(&line(r));
    }
    out.push('\n');
}

fn heads(w: &dyn Words, keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| w.t(&format!("account.{k}"))).collect()
}

/// Starts a section; returns the block's figures, or writes what would fill it.
fn section<'a, T>(
    out: &mut String,
    w: &dyn Words,
    title: &str,
    block: &'a Block<T>,
) -> Option<&'a T> {
    let _ = writeln!(out, "## {}\n", w.t(&format!("account.block_{title}")));
    match block {
        Ok(v) => Some(v),
        Err(e) => {
            let _ = writeln!(out, "_{}_\n", w.empty(*e));
            None
        }
    }
}

/// The plan as Markdown in the language of `w`.
pub fn markdown(plan: &AccountPlan, w: &dyn Words) -> String {
    let mut out = String::new();
    let p = &plan.profile;
    let _ = writeln!(
        out,
        "# {}\n",
        w.tf("account.md_title", &[("name", &p.name)])
    );
    let _ = writeln!(
        out,
        "{}\n",
        w.tf(
            "account.md_byline",
            &[("workspace", &plan.workspace), ("date", &plan.today)]
        )
    );
    profile(&mut out, plan, w);
    history(&mut out, plan, w);
    staffing(&mut out, plan, w);
    relations(&mut out, plan, w);
    engagement(&mut out, plan, w);
    pipeline(&mut out, plan, w);
    contracts(&mut out, plan, w);
    kpi(&mut out, plan, w);
    whitespace(&mut out, plan, w);
    mcr_plan(&mut out, plan, w);
    vct(&mut out, plan, w);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn profile(out: &mut String, plan: &AccountPlan, w: &dyn Words) {
    let p = &plan.profile;
    let _ = writeln!(out, "## {}\n", w.t("account.block_profile"));
    let dash = || "—".to_string();
    let or_dash = |s: &str| if s.is_empty() { dash() } else { s.to_string() };
    let items = [
        ("industry", or_dash(&p.industry)),
        ("region", or_dash(&p.region)),
        ("owner", or_dash(&p.owner)),
        ("annual_purchase", w.num(p.annual_purchase)),
        ("revenue", w.num(p.revenue)),
        ("gross_margin", pct(p.gross_margin_pct)),
        ("share_of_wallet", pct(p.share_of_wallet_pct)),
        ("growth", pct(p.growth_pct)),
        ("years", p.years.to_string()),
    ];
    for (k, v) in items {
        let _ = writeln!(out, "- {}", kv(w, &w.t(&format!("account.f_{k}")), &v));
    }
    match &plan.tier {
        Some(t) => {
            let value = format!(
                "**{}** — {}",
                w.tier_name(&t.tier),
                w.explanation(&t.explanation)
            );
            let _ = writeln!(out, "- {}", kv(w, &w.t("account.f_tier"), &value));
        }
        None => {
            let _ = writeln!(out, "- {}", kv(w, &w.t("account.f_tier"), "—"));
        }
    }
    let value = format!(
        "**{}** — {}",
        w.t(&format!("board.triangle_{}", plan.triangle.triangle.key())),
        w.triangle_why(&plan.triangle.why)
    );
    let _ = writeln!(out, "- {}\n", kv(w, &w.t("account.f_triangle"), &value));
}

fn history(out: &mut String, plan: &AccountPlan, w: &dyn Words) {
    let Some(years) = section(out, w, "history", &plan.history) else {
        return;
    };
    let rows: Vec<Vec<String>> = years
        .iter()
        .map(|y| vec![y.year.to_string(), w.num(y.annual_purchase)])
        .collect();
    table(out, &heads(w, &["col_year", "f_annual_purchase"]), &rows);
}

fn staffing(out: &mut String, plan: &AccountPlan, w: &dyn Words) {
    let Some(s) = section(out, w, "staffing", &plan.staffing) else {
        return;
    };
    let rows: Vec<Vec<String>> = s
        .roles
        .iter()
        .map(|r| {
            let people = r
                .people
                .iter()
                .map(|(n, f)| format!("{n} ({})", format_fte(*f)))
                .collect::<Vec<_>>()
                .join(&w.t("account.list_sep"));
            vec![
                role_label(w, r),
                format_fte(r.required),
                format_fte(r.assigned),
                if people.is_empty() {
                    "—".into()
                } else {
                    people
                },
                w.t(&format!("board.status_{}", r.status.key())),
            ]
        })
        .collect();
    table(
        out,
        &heads(
            w,
            &[
                "col_role",
                "col_required",
                "col_assigned",
                "col_people",
                "col_status",
            ],
        ),
        &rows,
    );
    let coverage = pct(s.coverage_pct);
    let _ = writeln!(
        out,
        "- {}",
        w.tf("account.staff_coverage", &[("pct", &coverage)])
    );
    if s.missing.is_empty() {
        let _ = writeln!(out, "- {}\n", w.t("account.staff_no_gap"));
    } else {
        let names: Vec<String> = s
            .missing
            .iter()
            .map(|id| {
                s.roles
                    .iter()
                    .find(|r| &r.role == id)
                    .map_or_else(|| id.clone(), |r| role_label(w, r))
            })
            .collect();
        let _ = writeln!(
            out,
            "- **{}**\n",
            w.tf(
                "account.staff_missing",
                &[("roles", &names.join(&w.t("account.list_sep")))]
            )
        );
    }
}

fn relations(out: &mut String, plan: &AccountPlan, w: &dyn Words) {
    let Some(r) = section(out, w, "relations", &plan.relations) else {
        return;
    };
    let score = score_text(r.score);
    let _ = writeln!(
        out,
        "- {}",
        w.tf(
            "account.rel_summary",
            &[
                ("n", &r.count.to_string()),
                ("score", &score),
                ("covered", &r.coverage.covered.to_string()),
                ("total", &r.coverage.total.to_string()),
                ("pct", &pct(r.coverage.pct())),
            ]
        )
    );
    if r.flags.is_empty() {
        let _ = writeln!(out, "- {}", w.t("account.rel_no_flags"));
    }
    for f in &r.flags {
        let _ = writeln!(out, "- ⚠ {}", w.flag(f));
    }
    out.push('\n');
}

fn engagement(out: &mut String, plan: &AccountPlan, w: &dyn Words) {
    let Some(e) = section(out, w, "engagement", &plan.engagement) else {
        return;
    };
    let rows: Vec<Vec<String>> = Action::ALL
        .iter()
        .zip(&e.actions)
        .map(|(a, t)| {
            vec![
                w.t(&format!("engagement.action_{}", a.key())),
                t.target.to_string(),
                t.done.to_string(),
                t.planned.to_string(),
            ]
        })
        .collect();
    table(
        out,
        &heads(w, &["col_action", "col_target", "col_done", "col_planned"]),
        &rows,
    );
    let _ = writeln!(
        out,
        "- {}",
        w.tf(
            "account.eng_total",
            &[
                ("done", &e.total.credit.to_string()),
                ("target", &e.total.target.to_string()),
                ("pct", &pct(e.total.pct())),
            ]
        )
    );
    for b in &e.behind {
        let _ = writeln!(out, "- ⚠ {}", w.behind(b));
    }
    out.push('\n');
}

fn pipeline(out: &mut String, plan: &AccountPlan, w: &dyn Words) {
    let Some(p) = section(out, w, "pipeline", &plan.pipeline) else {
        return;
    };
    let _ = writeln!(
        out,
        "- {}",
        w.tf(
            "account.pipe_summary",
            &[
                ("n", &p.open.len().to_string()),
                ("amount", &w.num(p.open_amount)),
                ("weighted", &w.num(p.open_weighted)),
            ]
        )
    );
    let target = p.target.map_or_else(|| "—".to_string(), |t| w.num(t));
    let _ = writeln!(
        out,
        "- {}",
        w.tf(
            "account.pipe_coverage",
            &[
                ("target", &target),
                ("won", &w.num(p.won)),
                ("coverage", &coverage_text(w, p.coverage)),
            ]
        )
    );
    if let Some(r) = &p.win_rate {
        let _ = writeln!(
            out,
            "- {}",
            w.tf(
                "account.pipe_win_rate",
                &[
                    ("pct", &pct(r.rate_pct)),
                    ("won", &r.won.to_string()),
                    ("lost", &r.lost.to_string()),
                ]
            )
        );
    }
    out.push('\n');
    if !p.open.is_empty() {
        let rows: Vec<Vec<String>> = p
            .open
            .iter()
            .map(|o| {
                vec![
                    o.name.clone(),
                    w.pick(&o.stage).to_string(),
                    w.num(o.amount),
                    w.num(o.weighted),
                    o.close_date.clone(),
                ]
            })
            .collect();
        table(
            out,
            &heads(
                w,
                &[
                    "col_deal",
                    "col_stage",
                    "col_amount",
                    "col_weighted",
                    "col_close",
                ],
            ),
            &rows,
        );
    }
}

fn contracts(out: &mut String, plan: &AccountPlan, w: &dyn Words) {
    let Some(c) = section(out, w, "contracts", &plan.contracts) else {
        return;
    };
    let _ = writeln!(
        out,
        "- {}",
        w.tf(
            "account.con_summary",
            &[
                ("n", &c.count.to_string()),
                ("value", &w.num(c.value)),
                ("receivable", &w.num(c.receivable)),
            ]
        )
    );
    if c.overdue_lines.is_empty() {
        let _ = writeln!(out, "- {}\n", w.t("account.con_no_overdue"));
        return;
    }
    let _ = writeln!(
        out,
        "- **{}**\n",
        w.tf(
            "account.con_overdue",
            &[
                ("n", &c.overdue_lines.len().to_string()),
                ("amount", &w.num(c.overdue)),
            ]
        )
    );
    let rows: Vec<Vec<String>> = c
        .overdue_lines
        .iter()
        .map(|o| {
            vec![
                o.contract.clone(),
                w.t(&format!("ltc_contracts.kind_{}", o.kind.key())),
                o.days.to_string(),
                w.num(o.amount),
            ]
        })
        .collect();
    table(
        out,
        &heads(
            w,
            &["col_contract", "col_payment", "col_days", "col_amount"],
        ),
        &rows,
    );
}

fn kpi(out: &mut String, plan: &AccountPlan, w: &dyn Words) {
    let Some(k) = section(out, w, "kpi", &plan.kpi) else {
        return;
    };
    let _ = writeln!(
        out,
        "- {}\n",
        w.tf(
            "account.kpi_total",
            &[
                ("card", w.pick(&k.name)),
                ("total", &format!("{:.1}", k.result.total)),
            ]
        )
    );
    let num = |v: f64, unit: &str| {
        let v = if v.abs() >= 1000.0 {
            w.num(v)
        } else {
            format!("{}", (v * 10.0).round() / 10.0)
        };
        format!("{v}{unit}")
    };
    let rows: Vec<Vec<String>> = k
        .lines
        .iter()
        .map(|l| {
            vec![
                w.pick(&l.name).to_string(),
                format_percent(l.weight),
                num(l.target, &l.unit),
                l.actual
                    .map_or_else(|| "—".to_string(), |a| num(a, &l.unit)),
                format!("{:.1}", l.score),
            ]
        })
        .collect();
    table(
        out,
        &heads(
            w,
            &[
                "col_indicator",
                "col_weight",
                "col_target",
                "col_actual",
                "col_score",
            ],
        ),
        &rows,
    );
}

fn whitespace(out: &mut String, plan: &AccountPlan, w: &dyn Words) {
    let Some(s) = section(out, w, "whitespace", &plan.whitespace) else {
        return;
    };
    let _ = writeln!(
        out,
        "- {}\n",
        w.tf(
            "account.ws_summary",
            &[
                ("open", &w.num(s.open_potential)),
                ("pursuit", &w.num(s.pursuit_potential)),
                ("sold", &w.num(s.sold_revenue)),
            ]
        )
    );
    let rows: Vec<Vec<String>> = s
        .lines
        .iter()
        .map(|l| {
            vec![
                l.line.clone(),
                w.t(&format!("whitespace.status_{}", l.status.key())),
                w.num(l.figure),
            ]
        })
        .collect();
    table(
        out,
        &heads(w, &["col_line", "col_status", "col_amount"]),
        &rows,
    );
}

fn mcr_plan(out: &mut String, plan: &AccountPlan, w: &dyn Words) {
    let Some(items) = section(out, w, "mcr_plan", &plan.mcr_plan) else {
        return;
    };
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            let mut status = w.t(&format!("mcr.status_{}", i.status.key()));
            if i.overdue {
                status = format!("**{}** · {status}", w.t("account.overdue"));
            }
            vec![
                w.t(&format!("mcr.area_{}", i.area.key())),
                i.goal.clone(),
                if i.owner.is_empty() {
                    "—".into()
                } else {
                    i.owner.clone()
                },
                i.due.clone(),
                status,
            ]
        })
        .collect();
    table(
        out,
        &heads(
            w,
            &["col_area", "col_goal", "col_owner", "col_due", "col_status"],
        ),
        &rows,
    );
}

fn vct(out: &mut String, plan: &AccountPlan, w: &dyn Words) {
    let Some(v) = section(out, w, "vct", &plan.vct) else {
        return;
    };
    let mean = |m: Option<f64>| m.map_or_else(|| "—".to_string(), |m| format!("{m:.1}"));
    let _ = writeln!(
        out,
        "- {}\n",
        w.tf(
            "account.vct_summary",
            &[
                ("date", &v.date),
                ("n", &v.checks.to_string()),
                ("mean", &mean(v.mean)),
                ("previous", &mean(v.previous_mean)),
            ]
        )
    );
    let a = |x: Option<u8>| x.map_or_else(|| "—".to_string(), |x| x.to_string());
    let rows: Vec<Vec<String>> = VctQuestion::ALL
        .iter()
        .enumerate()
        .map(|(i, q)| {
            vec![
                w.t(&format!("mcr.vct_{}", q.key())),
                v.previous.map_or_else(|| "—".to_string(), |p| a(p[i])),
                a(v.answers[i]),
            ]
        })
        .collect();
    table(
        out,
        &heads(w, &["col_question", "col_previous", "col_latest"]),
        &rows,
    );
}

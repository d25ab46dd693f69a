//! Gathers the sections of the plan report, each from its tool's own functions; the findings
//! are the diagnosis's signals of the section's tools.

use std::collections::HashMap;

use super::{Figure, PlanReport, Section, Table, Value};
use crate::domain::concentration::{analyse_customers, Metric};
use crate::domain::diagnosis::calc::{rank_tools, scores, verdict, weakest};
use crate::domain::diagnosis::signals::{signals, Signal};
use crate::domain::diagnosis::{Soti, Tool};
use crate::domain::engagement::completion::completion;
use crate::domain::governance::calendar::year_calendar;
use crate::domain::kpi::linked::linked_actuals;
use crate::domain::kpi::people::team_result;
use crate::domain::kpi::OwnerKind;
use crate::domain::ltc::calc::{self, Ctx};
use crate::domain::ltc::{cash, Scope};
use crate::domain::mcr::calc::{health, tier_health};
use crate::domain::org::staffing::staffing;
use crate::domain::portfolio::calc::grid;
use crate::domain::portfolio::Horizon;
use crate::domain::tiering::{distribution, Assignment};
use crate::domain::workspace::Workspace;

fn fig(label: &'static str, value: Value) -> Figure {
    Figure { label, value }
}

fn section(key: &'static str, link: &'static str, empty: bool) -> Section {
    Section {
        key,
        link,
        empty,
        figures: Vec::new(),
        table: Table::default(),
        findings: None,
    }
}

/// The signals of `tools`, in the diagnosis's order.
fn findings(all: &[Signal], tools: &[Tool]) -> Option<Vec<Signal>> {
    Some(
        all.iter()
            .filter(|s| tools.contains(&s.kind.tool()))
            .cloned()
            .collect(),
    )
}

/// A tier's name in both languages by id (the id when there is no such tier).
fn tier_pair(ws: &Workspace, id: &str) -> Value {
    ws.tiering.tiers.iter().find(|t| t.id == id).map_or_else(
        || Value::Text(id.to_string()),
        |t| Value::Pair(t.name_zh.clone(), t.name_en.clone()),
    )
}

/// The plan report of `ws` on the reference day `today` (`YYYY-MM-DD`; the workspace's own
/// reference date when it is not a date).
pub fn report(ws: &Workspace, today: &str) -> PlanReport {
    let (today, day) = ws.reference_day(today);
    let all = signals(ws);
    let assignments = ws.tiering.assign_all(&ws.customers);
    PlanReport {
        workspace: ws.meta.name.clone(),
        fiscal_year: ws.meta.fiscal_year,
        sections: vec![
            structure(ws, &assignments, &all),
            concentration(ws),
            portfolio(ws, &all),
            teams(ws, &assignments, &all),
            rhythm(ws, &all),
            engagement(ws, &all),
            kpi(ws, &all),
            pipeline(ws, day, &all),
            relationships(ws, &all),
            diagnosis(ws, &all),
        ],
        today,
    }
}

fn structure(ws: &Workspace, assignments: &[Option<Assignment>], all: &[Signal]) -> Section {
    let mut s = section("structure", "#/tiering", ws.customers.is_empty());
    s.findings = findings(all, &[Tool::Tiering]);
    if s.empty {
        return s;
    }
    let stats = distribution(&ws.tiering, &ws.customers, assignments);
    s.figures
        .push(fig("customers", Value::Count(ws.customers.len())));
    s.figures.push(fig(
        "tiered",
        Value::Count(assignments.iter().flatten().count()),
    ));
    s.table.head = vec!["tier", "count", "share", "target_share", "revenue_share"];
    s.table.rows = ws
        .tiering
        .tiers
        .iter()
        .zip(&stats)
        .map(|(t, st)| {
            vec![
                Value::Pair(t.name_zh.clone(), t.name_en.clone()),
                Value::Count(st.count),
                Value::Pct(Some(st.count_share_pct)),
                Value::Pct(Some(t.target_share_pct)),
                Value::Pct(Some(st.revenue_share_pct)),
            ]
        })
        .collect();
    s
}

fn concentration(ws: &Workspace) -> Section {
    let c = analyse_customers(&ws.customers, Metric::Revenue);
    let mut s = section("concentration", "#/concentration", c.n == 0);
    if s.empty {
        return s;
    }
    let top20 = c.top_shares.iter().find(|t| t.pct == 20);
    s.figures = vec![
        fig("revenue", Value::Amount(c.total)),
        fig("top20_share", Value::Pct(top20.map(|t| t.share * 100.0))),
        fig("pareto_customers", Value::Count(c.pareto_80.customers)),
        fig(
            "pareto_share",
            Value::Pct(Some(c.pareto_80.customer_share * 100.0)),
        ),
        fig("gini", Value::Number(Some(c.gini), 2)),
        fig("hhi", Value::Number(Some(c.hhi), 0)),
    ];
    s
}

fn portfolio(ws: &Workspace, all: &[Signal]) -> Section {
    let p = &ws.portfolio;
    let mut s = section("portfolio", "#/portfolio", p.lines.is_empty());
    s.findings = findings(all, &[Tool::Portfolio]);
    if s.empty {
        return s;
    }
    let (rows, overall) = grid(p);
    let mix = overall.mix();
    s.figures = vec![
        fig("lines", Value::Count(p.lines.len())),
        fig("industries", Value::Count(rows.len())),
        fig("revenue", Value::Amount(overall.total.revenue)),
    ];
    s.table.head = vec!["horizon", "revenue", "mix", "target_mix"];
    s.table.rows = Horizon::ALL
        .iter()
        .enumerate()
        .map(|(i, h)| {
            vec![
                Value::Key(format!("portfolio.horizon_{}", h.key())),
                Value::Amount(overall.horizons[i].revenue),
                Value::Pct(mix.map(|m| m[i])),
                Value::Pct(Some(p.target_mix.of(*h))),
            ]
        })
        .collect();
    s
}

fn teams(ws: &Workspace, assignments: &[Option<Assignment>], all: &[Signal]) -> Section {
    let st = staffing(&ws.org, &ws.tiering, &ws.customers, assignments);
    let mut s = section("teams", "#/team", st.accounts.is_empty());
    s.findings = findings(all, &[Tool::Team, Tool::Roles, Tool::Talent]);
    if s.empty {
        return s;
    }
    s.figures = vec![
        fig("accounts", Value::Count(st.accounts.len())),
        fig("people", Value::Count(ws.org.people.len())),
        fig("under_staffed", Value::Count(st.under_staffed.len())),
        fig("over_allocated", Value::Count(st.over_allocated.len())),
    ];
    s.table.head = vec![
        "role",
        "required",
        "assigned",
        "capacity",
        "headcount",
        "gap_heads",
    ];
    s.table.rows = st
        .roles
        .iter()
        .map(|r| {
            let name = ws.org.role(&r.role).map_or_else(
                || Value::Text(r.role.clone()),
                |d| Value::Pair(d.name_zh.clone(), d.name_en.clone()),
            );
            vec![
                name,
                Value::Fte(r.required),
                Value::Fte(r.assigned),
                Value::Fte(r.capacity),
                Value::Count(r.headcount),
                Value::Count(r.gap_heads as usize),
            ]
        })
        .collect();
    s
}

fn rhythm(ws: &Workspace, all: &[Signal]) -> Section {
    let g = &ws.governance;
    let mut s = section(
        "rhythm",
        "#/rhythm",
        g.bodies.is_empty() && g.meetings.is_empty(),
    );
    s.findings = findings(all, &[Tool::Rhythm]);
    if s.empty {
        return s;
    }
    s.figures = vec![
        fig("bodies", Value::Count(g.bodies.len())),
        fig("meeting_series", Value::Count(g.meetings.len())),
        fig(
            "meetings_in_year",
            Value::Count(year_calendar(&g.meetings, ws.meta.fiscal_year).total),
        ),
    ];
    s
}

fn engagement(ws: &Workspace, all: &[Signal]) -> Section {
    let c = completion(ws);
    let mut s = section("engagement", "#/engagement", c.accounts.is_empty());
    s.findings = findings(all, &[Tool::Engagement]);
    if s.empty {
        return s;
    }
    s.figures = vec![
        fig("accounts", Value::Count(c.accounts.len())),
        fig("actions_done", Value::Count(c.total.credit as usize)),
        fig("actions_target", Value::Count(c.total.target as usize)),
        fig("completion", Value::Pct(c.total.pct())),
        fig("year_elapsed", Value::Pct(c.elapsed_pct)),
    ];
    s
}

fn kpi(ws: &Workspace, all: &[Signal]) -> Section {
    let k = &ws.kpi;
    let mut s = section("kpi", "#/kpi", k.scorecards.is_empty());
    s.findings = findings(all, &[Tool::Kpi]);
    if s.empty {
        return s;
    }
    let linked = linked_actuals(ws);
    s.figures = vec![
        fig("scorecards", Value::Count(k.scorecards.len())),
        fig("cascades", Value::Count(k.cascades.len())),
    ];
    s.table.head = vec!["card", "triangle", "total"];
    s.table.rows = k
        .scorecards
        .iter()
        .filter(|c| c.owner == OwnerKind::Organisation)
        .filter_map(|c| {
            let t = c.triangle?;
            Some(vec![
                Value::Pair(c.name_zh.clone(), c.name_en.clone()),
                Value::Key(format!("board.triangle_{}", t.key())),
                Value::Number(Some(team_result(c, &linked).total), 1),
            ])
        })
        .collect();
    s
}

fn pipeline(ws: &Workspace, day: i64, all: &[Signal]) -> Section {
    let l = &ws.ltc;
    let mut s = section(
        "pipeline",
        "#/ltc",
        l.opportunities.is_empty() && l.contracts.is_empty(),
    );
    s.findings = findings(all, &[Tool::Ltc]);
    if s.empty {
        return s;
    }
    let r = cash::receivables(l.contracts.iter().map(|c| &**c), day);
    s.figures = vec![
        fig("opportunities", Value::Count(l.opportunities.len())),
        fig(
            "weighted_pipeline",
            Value::Amount(calc::weighted_pipeline(l)),
        ),
        fig("receivable", Value::Amount(r.receivable)),
        fig("overdue_count", Value::Count(r.ageing.counts.iter().sum())),
        fig("overdue_amount", Value::Amount(r.ageing.total())),
        fig("dso", Value::Number(r.dso, 0)),
    ];
    let tier_map: HashMap<String, String> = ws.tier_map();
    let ctx = Ctx::new(l, ws.meta.fiscal_year, day, &tier_map);
    s.table.head = vec!["tier", "target", "won", "weighted", "coverage"];
    let mut rows = calc::coverage(&ctx, Scope::Tier);
    // In tier order, as the other sections list them.
    rows.sort_by_key(|r| {
        ws.tiering
            .tiers
            .iter()
            .position(|t| t.id == r.key)
            .unwrap_or(usize::MAX)
    });
    s.table.rows = rows
        .into_iter()
        .map(|row| {
            vec![
                tier_pair(ws, &row.key),
                row.target.map_or(Value::Number(None, 0), Value::Amount),
                Value::Amount(row.won),
                Value::Amount(row.open_weighted),
                Value::Coverage(row.coverage),
            ]
        })
        .collect();
    s
}

fn relationships(ws: &Workspace, all: &[Signal]) -> Section {
    let tiers = tier_health(&health(ws));
    let mut s = section("relationships", "#/mcr/accounts", tiers.is_empty());
    s.findings = findings(all, &[Tool::Mcr]);
    if s.empty {
        return s;
    }
    s.figures = vec![fig("stakeholders", Value::Count(ws.mcr.stakeholders.len()))];
    s.table.head = vec![
        "tier",
        "accounts",
        "score",
        "dm_coverage",
        "flagged",
        "no_coach",
    ];
    s.table.rows = tiers
        .iter()
        .map(|t| {
            vec![
                tier_pair(ws, &t.tier),
                Value::Count(t.accounts),
                Value::Number(t.mean_score, 0),
                Value::Pct(t.coverage.pct()),
                Value::Count(t.flagged),
                Value::Count(t.without_coach),
            ]
        })
        .collect();
    s
}

fn diagnosis(ws: &Workspace, all: &[Signal]) -> Section {
    let d = &ws.diagnosis;
    let mut s = section("diagnosis", "#/diagnosis", false);
    let sc = scores(d);
    let dim_key = |dim: Soti| Value::Key(format!("diagnosis.dim_{}", dim.key()));
    s.figures = vec![
        fig("respondents", Value::Count(d.respondents.len())),
        fig(
            "weakest",
            weakest(&sc).map_or(Value::Text("—".into()), dim_key),
        ),
        fig(
            "first_tool",
            rank_tools(d).first().map_or(Value::Text("—".into()), |r| {
                Value::Key(format!("nav.{}", r.tool.key()))
            }),
        ),
        fig("findings", Value::Count(all.len())),
    ];
    s.table.head = vec!["dimension", "rated", "findings", "verdict"];
    s.table.rows = sc
        .iter()
        .map(|x| {
            let n = all.iter().filter(|f| f.dimension() == x.dimension).count();
            vec![
                dim_key(x.dimension),
                Value::Number(x.mean, 1),
                Value::Count(n),
                Value::Key(format!("report.verdict_{}", verdict(x.mean, n).key())),
            ]
        })
        .collect();
    s
}

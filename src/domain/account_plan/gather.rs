//! Gathers the blocks of an account plan, each from its tool's own functions.

use std::collections::HashMap;

use super::{
    AccountPlan, Block, Contracts, Empty, Engagement, KpiCard, KpiLine, OpenDeal, OverdueLine,
    Pipeline, PlanLine, Profile, Relations, RoleLine, Staffing, TierCall, Vct, Whitespace,
    WhitespaceLine,
};
use crate::domain::engagement::completion;
use crate::domain::kpi::linked::linked_actuals;
use crate::domain::kpi::people::team_result;
use crate::domain::kpi::OwnerKind;
use crate::domain::ltc::{calc, cash, Scope, StageKind};
use crate::domain::mcr::calc as mcr_calc;
use crate::domain::mcr::{Stakeholder, VctQuestion};
use crate::domain::org::board::cell_status;
use crate::domain::org::staffing;
use crate::domain::org::triangle::{triangle_of, TriangleType};
use crate::domain::portfolio::whitespace_table::{account_rows, board, Filter};
use crate::domain::workspace::{Customer, Workspace};

/// The plan of the customer `account_id` on the reference day `today` (`YYYY-MM-DD`; the
/// workspace's own reference date when it is not a date). `None` when there is no such
/// customer.
pub fn plan(ws: &Workspace, account_id: &str, today: &str) -> Option<AccountPlan> {
    let index = ws.customers.iter().position(|c| c.id == account_id)?;
    let c: &Customer = &ws.customers[index];
    let (today, day) = ws.reference_day(today);
    let assignments = ws.tiering.assign_all(&ws.customers);
    let assignment = assignments.get(index).cloned().flatten();
    let tier = assignment.as_ref().and_then(|a| {
        Some(TierCall {
            tier: ws.tiering.tiers.get(a.tier)?.clone(),
            explanation: a.explanation.clone(),
        })
    });
    let tier_id = tier.as_ref().map(|t| t.tier.id.clone());
    let is_account = tier_id
        .as_deref()
        .is_some_and(|t| ws.org.is_account_tier(t));
    let triangle = triangle_of(&ws.org, c);
    let mut history = c.history.clone();
    history.sort_by_key(|y| y.year);
    Some(AccountPlan {
        workspace: ws.meta.name.clone(),
        fiscal_year: ws.meta.fiscal_year,
        profile: profile(ws, c),
        history: if history.is_empty() {
            Err(Empty::NoHistory)
        } else {
            Ok(history)
        },
        staffing: team(ws, account_id, &assignments, is_account),
        relations: relations(ws, account_id, is_account),
        engagement: engagement(ws, account_id),
        pipeline: pipeline(ws, account_id, day),
        contracts: contracts(ws, account_id, day),
        kpi: kpi(ws, tier_id.as_deref(), triangle.triangle, is_account),
        whitespace: whitespace(ws, account_id, is_account),
        mcr_plan: mcr_plan(ws, account_id, day),
        vct: vct(ws, account_id),
        triangle,
        tier,
        today,
    })
}

fn person_name(ws: &Workspace, id: Option<&str>) -> String {
    id.and_then(|id| ws.org.person(id))
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

fn profile(ws: &Workspace, c: &Customer) -> Profile {
    Profile {
        id: c.id.clone(),
        name: c.name.clone(),
        industry: c.industry.clone(),
        region: c.region.clone(),
        owner: person_name(ws, c.owner.as_deref()),
        annual_purchase: c.annual_purchase,
        revenue: c.revenue,
        gross_margin_pct: c.gross_margin_pct,
        share_of_wallet_pct: c.share_of_wallet_pct(),
        growth_pct: c.effective_growth_pct(),
        years: c.years_of_cooperation,
    }
}

fn team(
    ws: &Workspace,
    account: &str,
    assignments: &[Option<crate::domain::tiering::Assignment>],
    is_account: bool,
) -> Block<Staffing> {
    if !is_account {
        return Err(Empty::NotAnAccount);
    }
    let all = staffing::staffing(&ws.org, &ws.tiering, &ws.customers, assignments);
    let a = all.account(account).ok_or(Empty::NotAnAccount)?;
    if a.template.is_none() {
        return Err(Empty::NoTemplate);
    }
    let roles = a
        .roles
        .iter()
        .map(|need| {
            let def = ws.org.role(&need.role);
            RoleLine {
                role: need.role.clone(),
                name: def.map_or_else(
                    || (need.role.clone(), need.role.clone()),
                    |r| (r.name_zh.clone(), r.name_en.clone()),
                ),
                required: need.required,
                assigned: need.assigned,
                people: need
                    .people
                    .iter()
                    .map(|p| (person_name(ws, Some(&p.person)), p.fte))
                    .collect(),
                status: cell_status(need),
            }
        })
        .collect();
    Ok(Staffing {
        roles,
        missing: a.missing.clone(),
        coverage_pct: a.coverage_pct,
        under_staffed: a.under_staffed,
    })
}

fn relations(ws: &Workspace, account: &str, is_account: bool) -> Block<Relations> {
    let list: Vec<&Stakeholder> = ws.mcr.of_account(account).collect();
    if list.is_empty() {
        return Err(Empty::NoStakeholders);
    }
    let last = mcr_calc::last_contacts(ws);
    let ctx = mcr_calc::FlagContext::new(ws, &last);
    Ok(Relations {
        count: list.len(),
        score: mcr_calc::score(list.iter().copied()),
        coverage: mcr_calc::coverage(list.iter().copied()),
        has_coach: list.iter().any(|s| s.is_coach()),
        flags: mcr_calc::flags(account, &list, &ctx, is_account),
    })
}

fn engagement(ws: &Workspace, account: &str) -> Block<Engagement> {
    let all = completion::completion(ws);
    let a = all
        .accounts
        .into_iter()
        .find(|a| a.account.id == account)
        .filter(|a| a.total.target > 0)
        .ok_or(Empty::NotInProgramme)?;
    Ok(Engagement {
        actions: a.actions,
        total: a.total,
        behind: a.behind,
    })
}

fn pipeline(ws: &Workspace, account: &str, day: i64) -> Block<Pipeline> {
    let ltc = &ws.ltc;
    if !ltc.opportunities.iter().any(|o| o.account == account) {
        return Err(Empty::NoOpportunities);
    }
    let tiers: HashMap<String, String> = ws.tier_map();
    let ctx = calc::Ctx::new(ltc, ws.meta.fiscal_year, day, &tiers);
    let mut open: Vec<OpenDeal> = ltc
        .opportunities
        .iter()
        .filter(|o| o.account == account && ltc.kind_of(o) == StageKind::Open)
        .map(|o| OpenDeal {
            name: o.name.clone(),
            stage: ltc.stage(&o.stage).map_or_else(
                || (o.stage.clone(), o.stage.clone()),
                |s| (s.name_zh.clone(), s.name_en.clone()),
            ),
            amount: o.amount,
            weighted: calc::weighted(ltc, o),
            close_date: o.close_date.clone(),
        })
        .collect();
    open.sort_by(|a, b| a.close_date.cmp(&b.close_date).then(a.name.cmp(&b.name)));
    let row = calc::coverage_of(&ctx, Scope::Account, account);
    Ok(Pipeline {
        open_amount: open.iter().map(|o| o.amount).sum(),
        open_weighted: open.iter().map(|o| o.weighted).sum(),
        open,
        target: row.as_ref().and_then(|r| r.target),
        won: row.as_ref().map_or(0.0, |r| r.won),
        coverage: row.map(|r| r.coverage),
        win_rate: calc::win_rate_of(&ctx, Scope::Account, account),
    })
}

fn contracts(ws: &Workspace, account: &str, day: i64) -> Block<Contracts> {
    let list: Vec<_> = ws
        .ltc
        .contracts
        .iter()
        .filter(|c| c.account == account)
        .map(|c| &**c)
        .collect();
    if list.is_empty() {
        return Err(Empty::NoContracts);
    }
    let r = cash::receivables(list.iter().copied(), day);
    let mut overdue_lines: Vec<OverdueLine> = list
        .iter()
        .flat_map(|c| {
            c.milestones.iter().filter_map(move |m| {
                Some(OverdueLine {
                    contract: c.name.clone(),
                    kind: m.kind,
                    days: cash::days_overdue(c, m, day)?,
                    amount: cash::outstanding(c, m),
                })
            })
        })
        .collect();
    overdue_lines.sort_by(|a, b| b.days.cmp(&a.days).then(a.contract.cmp(&b.contract)));
    Ok(Contracts {
        count: list.len(),
        value: list.iter().map(|c| c.value).sum(),
        receivable: r.receivable,
        overdue: r.ageing.total(),
        overdue_lines,
    })
}

fn kpi(
    ws: &Workspace,
    tier: Option<&str>,
    triangle: TriangleType,
    is_account: bool,
) -> Block<KpiCard> {
    if !is_account {
        return Err(Empty::NotAnAccount);
    }
    let fits = |s: &&crate::domain::kpi::Scorecard| {
        s.owner == OwnerKind::Organisation
            && s.tier.as_deref().is_none_or(|t| Some(t) == tier)
            && s.triangle.is_none_or(|t| t == triangle)
    };
    // The card of its own triangle type first, then one for every type.
    let card = ws
        .kpi
        .scorecards
        .iter()
        .filter(fits)
        .find(|s| s.triangle == Some(triangle))
        .or_else(|| ws.kpi.scorecards.iter().find(fits))
        .ok_or(Empty::NoScorecard)?;
    let result = team_result(card, &linked_actuals(ws));
    let lines = card
        .indicators
        .iter()
        .zip(&result.lines)
        .map(|(ind, line)| KpiLine {
            name: (ind.name_zh.clone(), ind.name_en.clone()),
            weight: ind.weight,
            target: ind.target,
            unit: ind.unit.clone(),
            actual: line.actual,
            score: line.score.value,
        })
        .collect();
    Ok(KpiCard {
        name: (card.name_zh.clone(), card.name_en.clone()),
        lines,
        result,
    })
}

fn whitespace(ws: &Workspace, account: &str, is_account: bool) -> Block<Whitespace> {
    if !is_account {
        return Err(Empty::NotAnAccount);
    }
    let rows: Vec<_> = account_rows(ws)
        .into_iter()
        .filter(|a| a.id == account)
        .collect();
    let filter = Filter {
        hide_irrelevant: true,
        ..Filter::default()
    };
    let b = board(&ws.portfolio, &rows, &filter);
    let pairs = b.pairs.first().ok_or(Empty::NoLines)?;
    let lines: Vec<WhitespaceLine> = b
        .lines
        .iter()
        .zip(pairs)
        .filter_map(|(l, p)| {
            Some(WhitespaceLine {
                line: l.name.clone(),
                status: p.status,
                figure: p.figure()?,
            })
        })
        .collect();
    if lines.is_empty() {
        return Err(Empty::NoLines);
    }
    let sum = b.per_account.first().cloned().unwrap_or_default();
    Ok(Whitespace {
        lines,
        open_potential: sum.open_potential,
        pursuit_potential: sum.pursuit_potential,
        sold_revenue: sum.sold_revenue,
    })
}

fn mcr_plan(ws: &Workspace, account: &str, day: i64) -> Block<Vec<PlanLine>> {
    let mut items: Vec<PlanLine> = ws
        .mcr
        .plan
        .iter()
        .filter(|p| p.account == account)
        .map(|p| PlanLine {
            area: p.area,
            goal: p.goal.clone(),
            owner: person_name(ws, p.owner.as_deref()),
            due: p.due.clone(),
            status: p.status,
            overdue: mcr_calc::plan_item_overdue(p, Some(day)),
        })
        .collect();
    if items.is_empty() {
        return Err(Empty::NoPlanItems);
    }
    items.sort_by(|a, b| a.area.cmp(&b.area).then(a.due.cmp(&b.due)));
    Ok(items)
}

fn vct(ws: &Workspace, account: &str) -> Block<Vct> {
    let checks = mcr_calc::vct_history(&ws.mcr.vct, account);
    let last = checks.last().ok_or(Empty::NoVct)?;
    let before = checks.len().checked_sub(2).and_then(|i| checks.get(i));
    let answers = |c: &crate::domain::mcr::VctCheck| VctQuestion::ALL.map(|q| c.answer(q));
    Ok(Vct {
        checks: checks.len(),
        date: last.date.clone(),
        answers: answers(last),
        previous: before.map(|c| answers(c)),
        mean: last.mean(),
        previous_mean: before.and_then(|c| c.mean()),
    })
}

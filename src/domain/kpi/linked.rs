//! The figures linked KPI indicators take from the other tools (SPEC §3.7): the 151 programme's
//! completion, LTC's four metrics ([`crate::domain::ltc::kpi_link`]) and MCR's decision-maker
//! coverage, gathered in one place so that every view scores with the same figures.
//!
//! Stakeholder coverage (关键人覆盖率) is the pooled decision-maker coverage
//! ([`mcr::calc::pooled_coverage_pct`]): of all the decision makers of the selected accounts, the
//! share at support ≥ 1. A team scorecard of a triangle type takes its type's accounts, the
//! "every account" figure serves the others; a person takes the accounts they are assigned to.
//! Accounts without decision makers give no figure, so the indicator keeps its entered actual.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::defaults::{COMPLETION_151, STAKEHOLDER_COVERAGE};
use super::people::{engagement_figures, LinkedActuals, LinkedFigures};
use crate::domain::mcr::{self, Mcr};
use crate::domain::org::OrgDesign;
use crate::domain::workspace::Workspace;
use crate::domain::{dates, engagement, ltc, org};

/// MCR's stakeholder coverage as linked figures: per team (triangle type key, "" for every
/// account) and per person of `org`. `triangle_of` gives each account's triangle type key.
pub fn mcr_figures(
    mcr: &Mcr,
    org: &OrgDesign,
    triangle_of: &HashMap<String, &'static str>,
) -> LinkedFigures {
    let mut out = LinkedFigures::default();
    let pct = |take: &dyn Fn(&str) -> bool| mcr::calc::pooled_coverage_pct(mcr, take);
    if let Some(v) = pct(&|_| true) {
        out.teams.insert(String::new(), v);
    }
    let types: HashSet<&str> = triangle_of.values().copied().collect();
    for t in types {
        if let Some(v) = pct(&|a| triangle_of.get(a).copied() == Some(t)) {
            out.teams.insert(t.to_string(), v);
        }
    }
    for p in &org.people {
        let mine: HashSet<&str> = org
            .assignments
            .iter()
            .filter(|a| a.person == p.id)
            .map(|a| a.account.as_str())
            .collect();
        if mine.is_empty() {
            continue;
        }
        if let Some(v) = pct(&|a| mine.contains(a)) {
            out.people.insert(p.id.clone(), v);
        }
    }
    out
}

/// Every linked figure of the workspace: the 151 programme's completion, LTC's four metrics on
/// the workspace's fiscal year and reference date, and MCR's stakeholder coverage.
pub fn linked_actuals(ws: &Workspace) -> LinkedActuals {
    let mut metrics = BTreeMap::new();
    metrics.insert(
        COMPLETION_151.to_string(),
        engagement_figures(
            &engagement::completion_by_account(ws),
            engagement::overall_completion_pct(ws),
            &ws.org,
        ),
    );
    let triangle_of: HashMap<String, &'static str> = ws
        .customers
        .iter()
        .map(|c| {
            let t = org::triangle::triangle_of(&ws.org, c).triangle;
            (c.id.clone(), t.key())
        })
        .collect();
    if !ws.ltc.opportunities.is_empty() || !ws.ltc.contracts.is_empty() {
        let today = dates::day_number(&ws.meta.today).unwrap_or(0);
        let no_tiers = HashMap::new();
        let ctx = ltc::calc::Ctx::new(&ws.ltc, ws.meta.fiscal_year, today, &no_tiers);
        metrics.extend(ltc::kpi_link::ltc_figures(&ctx, &ws.org, &triangle_of));
    }
    if !ws.mcr.stakeholders.is_empty() {
        metrics.insert(
            STAKEHOLDER_COVERAGE.to_string(),
            mcr_figures(&ws.mcr, &ws.org, &triangle_of),
        );
    }
    LinkedActuals { metrics }
}

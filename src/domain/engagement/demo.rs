//! The demo's 151 log (fiscal year 2026, `today` 2026-01-15).
//!
//! The demo company runs the programme on its 15 strategic and value accounts (the tiers its
//! iron triangle staffs): the targets are the defaults with the potential tier set to 0, since a
//! potential target would make its 75 customers accounts of the programme. Every account has a
//! done action from 2025-Q4 (listed as outside the fiscal year, counting nothing), done actions
//! in the first half of January 2026 and planned ones through 2026 that cover the rest of its
//! targets — except two strategic accounts planted behind target (numbered in customer order
//! within the tier):
//!
//! - **the 2nd strategic account** (c-0048 中国石油天然气股份有限公司佛山销售分公司): 2 done in
//!   January (completion 2 / 19 = 10.5 %, ahead of the 4.1 % pace), but its plan has no
//!   executive visit at all while it piles up 3 technical exchanges over the target: done +
//!   planned reach 15 / 19 = 78.9 % < 100 % — behind on the plan, short of 4 executive visits.
//!   The cap per action is what keeps the extra exchanges from hiding it.
//! - **the 4th strategic account** (c-0204 国网广东省电力有限公司): nothing done in 2026 (only its
//!   2025 actions, outside the year), and half of each target planned: completion 0 % < 4.1 %
//!   elapsed (behind on pace) and done + planned 9 / 19 = 47.4 % (behind on the plan).
//!
//! The other 13 accounts are on track: at least one action done in January and done + planned
//! equal to the target.
//!
//! Executive visits and technical exchanges name the stakeholders met (MCR, built before): a
//! visit the account's decision makers, an exchange its three most influential evaluators. The
//! done ones count as contacts with them.

use super::{default_targets, Action, ActionCounts, Engagement, Entry, Status, TierTarget};
use crate::domain::mcr::{DecisionRole, Mcr, Stakeholder};
use crate::domain::org::AR;
use crate::domain::sort::sort_by_key;
use crate::domain::workspace::Workspace;

/// Index within the strategic tier of the account planned without executive visits.
const NO_EXECUTIVE: usize = 1;
/// Index within the strategic tier of the account with nothing done and half planned.
const HALF_PLANNED: usize = 3;

/// The stakeholders of `account` an action meets: an executive visit its decision makers, a
/// technical exchange its three most influential evaluators; nobody named for the other actions.
fn met(mcr: &Mcr, account: &str, action: Action) -> Vec<String> {
    let role = match action {
        Action::ExecutiveVisit => DecisionRole::DecisionMaker,
        Action::TechExchange => DecisionRole::Evaluator,
        _ => return Vec::new(),
    };
    let mut list: Vec<&Stakeholder> = mcr.of_account(account).filter(|s| s.role == role).collect();
    // Stable: equally influential ones stay in document order.
    sort_by_key(&mut list, |s| std::cmp::Reverse(s.influence));
    list.into_iter().take(3).map(|s| s.id.clone()).collect()
}

/// The demo workspace's 151 document, built on its customers, tiers and people; deterministic.
pub fn demo(ws: &Workspace, now_ms: i64) -> Engagement {
    let targets: Vec<TierTarget> = default_targets()
        .into_iter()
        .map(|mut t| {
            if t.tier == "potential" {
                t.counts = ActionCounts::default();
            }
            t.updated_at = now_ms;
            t
        })
        .collect();
    let mut doc = Engagement {
        targets,
        entries: Vec::new(),
        ..Engagement::default()
    };
    doc.rule.updated_at = now_ms;
    let tiers = ws.tiering.assign_all(&ws.customers);
    let mut entries = Vec::new();
    for tier_id in ["strategic", "value"] {
        let goal = doc.targets_of(tier_id);
        let members = ws.customers.iter().zip(&tiers).filter(|(_, a)| {
            a.as_ref()
                .and_then(|a| ws.tiering.tiers.get(a.tier))
                .is_some_and(|t| t.id == tier_id)
        });
        for (k, (customer, _)) in members.enumerate() {
            let owner = ws
                .org
                .assignments
                .iter()
                .find(|a| a.account == customer.id && a.role == AR)
                .map(|a| a.person.clone());
            let strategic = tier_id == "strategic";
            let mut add = |action: Action, date: String, status: Status| {
                entries.push(Entry {
                    id: format!("e-{}", entries.len() + 1),
                    account: customer.id.clone(),
                    action,
                    date,
                    status,
                    owner: owner.clone(),
                    stakeholders: met(&ws.mcr, &customer.id, action),
                    notes: String::new(),
                    updated_at: now_ms,
                });
            };
            let day = 3 + (k as u32 % 10);
            // Last year's work: listed, outside fiscal year 2026.
            add(
                Action::TechExchange,
                format!("2025-11-{:02}", 10 + k),
                Status::Done,
            );
            if strategic && k == HALF_PLANNED {
                add(Action::CompanyVisit, "2025-12-18".into(), Status::Done);
            }
            let mut done = [0u32; 5];
            let behind_on_pace = strategic && k == HALF_PLANNED;
            if !behind_on_pace {
                add(
                    Action::CompanyVisit,
                    format!("2026-01-{day:02}"),
                    Status::Done,
                );
                done[Action::CompanyVisit.index()] += 1;
                if strategic {
                    add(
                        Action::TechExchange,
                        format!("2026-01-{:02}", day + 1),
                        Status::Done,
                    );
                    done[Action::TechExchange.index()] += 1;
                }
            }
            for action in Action::ALL {
                let target = goal.get(action);
                let mut remaining = target.saturating_sub(done[action.index()]);
                if strategic && k == NO_EXECUTIVE {
                    match action {
                        Action::ExecutiveVisit => remaining = 0,
                        Action::TechExchange => remaining += 3,
                        _ => {}
                    }
                }
                if strategic && k == HALF_PLANNED {
                    remaining = target / 2;
                }
                for j in 0..remaining {
                    // Spread over February–December, each account and action on its own months.
                    let month = 2 + (j * 3 + k as u32 + action.index() as u32 * 2) % 11;
                    add(
                        action,
                        format!("2026-{month:02}-{:02}", 10 + (k as u32 + j) % 15),
                        Status::Planned,
                    );
                }
            }
        }
    }
    doc.entries = entries;
    doc
}

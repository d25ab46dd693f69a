//! The demo's LTC document, built on the demo's accounts, people and business lines, with what
//! the tool is there to find planted in it (the reference date is 2026-01-15, fiscal year 2026):
//!
//! - **60 opportunities** on the 15 strategic and value accounts and 10 potential accounts, in
//!   every stage: 9 leads, 9 validated, 8 in pre-bid shaping, 8 bids, 6 in negotiation, 12 won
//!   (4 in January 2026) and 8 lost (3 in January 2026), each lost one with its reason. Every
//!   opportunity has its stage history; every fifth open one has been in its stage past the
//!   stage's threshold.
//! - **25 contracts**: the 12 won deals and 13 earlier contracts of the top accounts, with the
//!   30/30/30/10 milestones. Planted: two collections overdue more than 180 days, two 91–180
//!   days, and three retentions (质保金) falling due within 90 days.
//! - **Targets for 2026** set from the pipeline so that the strategic and value tiers are
//!   covered about 4× and the potential tier under the 3× threshold; a company orders and
//!   collections target.
//! - The orders and cash-collection indicators of the three team scorecards are linked to LTC.

use std::collections::HashMap;
use std::rc::Rc;

use super::{
    default_milestones, default_stages, Contract, Forecast, Ltc, LtcSettings, Opportunity, Scope,
    StageChange, Target,
};
use crate::domain::dates::{day_number, iso_from_days};
use crate::domain::kpi::defaults::{CASH, ORDERS};
use crate::domain::kpi::{Kpi, OwnerKind};
use crate::domain::org::AR;
use crate::domain::rng::SplitMix64 as Rng;
use crate::domain::workspace::Workspace;

const TEN_K: f64 = 10_000.0;

#[rustfmt::skip]
const COMPETITORS: [(&str, &str); 5] = [
    ("新华三", "H3C"), ("中兴通讯", "ZTE"), ("浪潮", "Inspur"), ("神州数码", "Digital China"),
    ("本地集成商", "A local integrator"),
];

#[rustfmt::skip]
const LOST_REASONS: [(&str, &str); 5] = [
    ("报价高于竞争对手约 12%", "Our price was about 12% above the competitor's"),
    ("客户预算冻结，项目取消", "The customer froze the budget; project cancelled"),
    ("技术方案未通过专家评审", "Our solution failed the expert review"),
    ("决策层关系覆盖不足，倾向竞争对手", "Too little relationship at decision level; they favoured the competitor"),
    ("交付周期不满足客户要求", "Our delivery time did not meet the requirement"),
];

#[rustfmt::skip]
const NEXT_STEPS: [(&str, &str); 5] = [
    ("约客户 CIO 做方案汇报", "Present the solution to the customer's CIO"),
    ("提交技术交流材料", "Send the technical briefing"),
    ("组织样板点参观", "Organise a reference-site visit"),
    ("确认招标时间与评分办法", "Confirm the tender date and the scoring rules"),
    ("商务条款第二轮谈判", "Second round on commercial terms"),
];

#[rustfmt::skip]
const SUFFIXES: [(&str, &str); 6] = [
    ("一期", "phase 1"), ("扩容", "expansion"), ("升级改造", "upgrade"), ("二期", "phase 2"),
    ("年度框架", "annual framework"), ("试点", "pilot"),
];

fn round_10k(v: f64) -> f64 {
    (v / TEN_K).round() * TEN_K
}

/// (stage id, how many, forecast of the open ones).
const PLAN: [(&str, usize); 7] = [
    ("lead", 9),
    ("validated", 9),
    ("shaping", 8),
    ("bid", 8),
    ("negotiation", 6),
    ("won", 12),
    ("lost", 8),
];

/// The demo document; `kpi` gets its team cards' orders and collection indicators linked.
pub fn demo(ws: &Workspace, zh: bool, now_ms: i64) -> Ltc {
    let label = |pair: (&'static str, &'static str)| if zh { pair.0 } else { pair.1 };
    let today = day_number(&ws.meta.today).unwrap_or(20_468);
    let mut rng = Rng(0x17c0_2026);
    let tiers = ws.tiering.assign_all(&ws.customers);
    let tier_of = |i: usize| {
        tiers[i]
            .as_ref()
            .and_then(|a| ws.tiering.tiers.get(a.tier))
            .map_or("", |t| t.id.as_str())
    };
    // The 15 accounts with a team (strategic and value), then 10 potential accounts by size.
    let mut top: Vec<usize> = (0..ws.customers.len())
        .filter(|&i| matches!(tier_of(i), "strategic" | "value"))
        .collect();
    let mut potential: Vec<usize> = (0..ws.customers.len())
        .filter(|&i| tier_of(i) == "potential")
        .collect();
    let by_size = |a: &usize, b: &usize| {
        ws.customers[*b]
            .annual_purchase
            .total_cmp(&ws.customers[*a].annual_purchase)
            .then(a.cmp(b))
    };
    top.sort_by(by_size);
    potential.sort_by(by_size);
    potential.truncate(10);
    let accounts: Vec<usize> = top.iter().chain(&potential).copied().collect();
    let ar_of: HashMap<&str, &str> = ws
        .org
        .assignments
        .iter()
        .filter(|a| a.role == AR)
        .map(|a| (a.account.as_str(), a.person.as_str()))
        .collect();
    let spare_ars: Vec<&str> = ws
        .org
        .people
        .iter()
        .filter(|p| p.role == AR)
        .rev()
        .take(4)
        .map(|p| p.id.as_str())
        .collect();
    let stages = default_stages();
    let stage_index = |id: &str| stages.iter().position(|s| s.id == id).unwrap_or(0);

    let mut opps: Vec<Opportunity> = Vec::new();
    let mut n = 0usize;
    for (stage, count) in PLAN {
        for k in 0..count {
            // Top accounts get two of every three opportunities.
            let slot = if n % 3 == 2 {
                top.len() + (n / 3) % potential.len().max(1)
            } else {
                (n - n / 3) % top.len().max(1)
            };
            let Some(&ci) = accounts.get(slot) else {
                continue;
            };
            let c = &ws.customers[ci];
            let is_top = slot < top.len();
            let scale = if is_top {
                c.annual_purchase
            } else {
                c.annual_purchase * 0.6
            };
            let factor = match stage {
                "won" | "lost" => rng.range(0.05, 0.15),
                _ => rng.range(0.15, 0.5),
            };
            let amount = round_10k((scale * factor).max(300_000.0));
            let lines: Vec<&crate::domain::portfolio::BusinessLine> = ws
                .portfolio
                .lines
                .iter()
                .filter(|l| l.industry == c.industry)
                .collect();
            let line = (!lines.is_empty()).then(|| lines[rng.below(lines.len())]);
            let suffix = label(SUFFIXES[rng.below(SUFFIXES.len())]);
            let name = match line {
                Some(l) if zh => format!("{}{}", l.name, suffix),
                Some(l) => format!("{} {}", l.name, suffix),
                None => suffix.to_string(),
            };
            let owner = ar_of
                .get(c.id.as_str())
                .copied()
                .or_else(|| spare_ars.get(n % spare_ars.len().max(1)).copied());
            let si = stage_index(stage);
            let closed = stage == "won" || stage == "lost";
            // Closed deals: the first third (won) or first three (lost) in January 2026.
            let recent = match stage {
                "won" => k < 4,
                "lost" => k < 3,
                _ => false,
            };
            let close_day = if closed {
                if recent {
                    today - 1 - (k as i64 * 3)
                } else {
                    today - 30 - (k as i64 * 29)
                }
            } else {
                // Open: expected to close within the year, later for early stages.
                today + 20 + (5 - si.min(5)) as i64 * 30 + rng.below(90) as i64
            };
            // The history: every stage from the first (the second for every fourth, which
            // came in validated) to the current one (won: through negotiation; lost: up to the
            // stage it was lost in), 20–45 days apart, ending on the day it entered the current
            // stage. Every fifth open opportunity has been in its stage past the threshold.
            let start = usize::from(n % 4 == 1);
            let upto = match stage {
                "won" => 5,
                "lost" => 1 + k % 4,
                _ => si,
            };
            let mut path: Vec<&str> = stages[start.min(upto)..upto]
                .iter()
                .map(|s| s.id.as_str())
                .collect();
            path.push(stage);
            let aged = !closed && n.is_multiple_of(5);
            let threshold = i64::from(stages[si].ageing_days);
            let entered = if closed {
                close_day
            } else if aged {
                today - threshold - 8 - rng.below(30) as i64
            } else {
                today - 3 - rng.below(threshold.max(4) as usize - 3) as i64
            };
            let mut days = vec![entered];
            for _ in 1..path.len() {
                let prev = days.last().copied().unwrap_or(entered);
                days.push(prev - 20 - rng.below(26) as i64);
            }
            days.reverse();
            let history: Vec<StageChange> = path
                .iter()
                .zip(&days)
                .map(|(s, d)| StageChange {
                    stage: s.to_string(),
                    date: iso_from_days(*d),
                })
                .collect();
            let forecast = match stage {
                "negotiation" => Forecast::Commit,
                "bid" => Forecast::BestCase,
                "shaping" if k % 2 == 0 => Forecast::BestCase,
                "lead" if k == 0 => Forecast::Omitted,
                _ => Forecast::Pipeline,
            };
            opps.push(Opportunity {
                id: format!("opp-{:02}", n + 1),
                account: c.id.clone(),
                name,
                line: line.map(|l| l.id.clone()),
                owner: owner.map(str::to_string),
                stage: stage.to_string(),
                amount,
                close_date: iso_from_days(close_day),
                created: iso_from_days(days[0] - 5),
                stage_entered: iso_from_days(entered),
                forecast,
                competitor: label(COMPETITORS[n % COMPETITORS.len()]).to_string(),
                next_step: if closed {
                    String::new()
                } else {
                    label(NEXT_STEPS[n % NEXT_STEPS.len()]).to_string()
                },
                lost_reason: if stage == "lost" {
                    label(LOST_REASONS[k % LOST_REASONS.len()]).to_string()
                } else {
                    String::new()
                },
                notes: String::new(),
                history,
                updated_at: now_ms,
            });
            n += 1;
        }
    }

    let contracts = contracts(ws, &opps, &top, today, &mut rng, label);
    let targets = targets(ws, &opps, &contracts, &accounts, &stages, now_ms);
    let mut stages = stages;
    for s in stages.iter_mut() {
        s.updated_at = now_ms;
    }
    Ltc {
        stages,
        opportunities: opps.into_iter().map(Rc::new).collect(),
        contracts: contracts.into_iter().map(Rc::new).collect(),
        targets,
        settings: LtcSettings {
            updated_at: now_ms,
            ..LtcSettings::default()
        },
    }
}

/// The contracts: one per won opportunity, signed on its close day, and 13 earlier ones on the
/// top accounts; milestones invoiced and collected when due, with the planted exceptions.
fn contracts(
    ws: &Workspace,
    opps: &[Opportunity],
    top: &[usize],
    today: i64,
    rng: &mut Rng,
    label: impl Fn((&'static str, &'static str)) -> &'static str,
) -> Vec<Contract> {
    let mut out: Vec<Contract> = Vec::new();
    for o in opps.iter().filter(|o| o.stage == "won") {
        out.push(Contract {
            id: String::new(),
            account: o.account.clone(),
            opportunity: Some(o.id.clone()),
            name: o.name.clone(),
            signed: o.close_date.clone(),
            value: o.amount,
            ..Contract::default()
        });
    }
    for k in 0..13usize {
        let Some(&ci) = top.get(k % top.len().max(1)) else {
            break;
        };
        let c = &ws.customers[ci];
        let signed = today - 200 - (k as i64 * 37) % 420 - rng.below(20) as i64;
        out.push(Contract {
            id: String::new(),
            account: c.id.clone(),
            opportunity: None,
            name: format!(
                "{}{}",
                label(("框架合同 ", "Framework contract ")),
                crate::domain::dates::iso_from_days(signed)
                    .get(..7)
                    .unwrap_or("")
            ),
            signed: iso_from_days(signed),
            value: round_10k(c.annual_purchase * rng.range(0.15, 0.35)),
            ..Contract::default()
        });
    }
    out.sort_by(|a, b| a.signed.cmp(&b.signed).then(a.account.cmp(&b.account)));
    for (i, c) in out.iter_mut().enumerate() {
        c.id = format!("ct-{:02}", i + 1);
        let signed = day_number(&c.signed).unwrap_or(today);
        c.milestones = default_milestones();
        // Retention due soon: three contracts accepted 11–12 months ago.
        let (delivered, accepted) = match i {
            2 | 5 | 8 => (today - 400, today - 345 + (i as i64) * 7),
            _ => (
                signed + 60 + (i as i64 % 5) * 12,
                signed + 110 + (i as i64 % 4) * 15,
            ),
        };
        if delivered <= today {
            c.delivered = iso_from_days(delivered);
            c.delivered_pct = 100.0;
        } else {
            c.delivered_pct = ((today - signed).max(0) as f64 * 100.0 / 60.0)
                .min(90.0)
                .round();
        }
        if accepted <= today && delivered <= today {
            c.accepted = iso_from_days(accepted);
        }
        let value = c.value;
        for (j, m) in c.milestones.iter_mut().enumerate() {
            let base = match j {
                0 => Some(signed),
                1 => (delivered <= today).then_some(delivered),
                _ => (accepted <= today && delivered <= today).then_some(accepted),
            };
            let Some(base) = base else { continue };
            let due = crate::domain::dates::add_months(base, m.due.months) + i64::from(m.due.days);
            let amount = value * m.share_pct / 100.0;
            if due - 10 > today {
                continue;
            }
            m.invoiced = amount;
            m.invoiced_date = iso_from_days((due - 10).min(today));
            // Planted: contracts 1 and 4 owe their delivery payment (> 180 days overdue by
            // now), 6 and 9 their acceptance payment (91–180 days), 12 half its advance
            // (31–90 days); the rest pay 5–40 days after the due date, when that has passed.
            let unpaid = matches!((i, j), (1, 1) | (4, 1) | (6, 2) | (9, 2));
            if unpaid {
                continue;
            }
            let paid_on = due + 5 + ((i + j) as i64 * 7) % 36;
            if (i, j) == (12, 0) {
                m.collected = round_10k(amount / 2.0);
                m.collected_date = iso_from_days(due + 3);
            } else if paid_on <= today {
                m.collected = amount;
                m.collected_date = iso_from_days(paid_on);
            }
        }
    }
    out
}

/// The targets of the fiscal year: per account from its open weighted pipeline (coverage about
/// 4× on the strategic and value accounts, about 2× on the potential ones), per company the
/// sum plus a tenth, rounded to a million; collections from what falls due.
fn targets(
    ws: &Workspace,
    opps: &[Opportunity],
    contracts: &[Contract],
    accounts: &[usize],
    stages: &[super::Stage],
    now_ms: i64,
) -> Vec<Target> {
    let year = ws.meta.fiscal_year;
    let prob: HashMap<&str, f64> = stages
        .iter()
        .map(|s| (s.id.as_str(), s.probability_pct / 100.0))
        .collect();
    let mut out = Vec::new();
    let (mut orders_sum, mut collections_sum) = (0.0, 0.0);
    for (slot, &ci) in accounts.iter().enumerate() {
        let c = &ws.customers[ci];
        let weighted: f64 = opps
            .iter()
            .filter(|o| o.account == c.id && o.stage != "won" && o.stage != "lost")
            .filter(|o| o.forecast != Forecast::Omitted)
            .map(|o| o.amount * prob.get(o.stage.as_str()).copied().unwrap_or(0.0))
            .sum();
        let won: f64 = contracts
            .iter()
            .filter(|k| k.account == c.id && k.signed.starts_with(&year.to_string()))
            .map(|k| k.value)
            .sum();
        let cover = if slot < 15 { 4.0 } else { 2.0 };
        let orders = round_10k(won + weighted / cover).max(200_000.0);
        let outstanding: f64 = contracts
            .iter()
            .filter(|k| k.account == c.id)
            .flat_map(|k| {
                k.milestones
                    .iter()
                    .map(move |m| k.value * m.share_pct / 100.0 - m.collected)
            })
            .sum();
        let collections = round_10k(outstanding.max(0.0) * 0.8 + orders * 0.3);
        orders_sum += orders;
        collections_sum += collections;
        out.push(Target {
            id: Target::id_of(year, Scope::Account, &c.id),
            year,
            scope: Scope::Account,
            key: c.id.clone(),
            orders: Some(orders),
            collections: Some(collections),
            updated_at: now_ms,
        });
    }
    let million = |v: f64| (v / 1e6).round() * 1e6;
    out.insert(
        0,
        Target {
            id: Target::id_of(year, Scope::Company, ""),
            year,
            scope: Scope::Company,
            key: String::new(),
            orders: Some(million(orders_sum * 1.1)),
            collections: Some(million(collections_sum * 1.1)),
            updated_at: now_ms,
        },
    );
    out
}

/// Links the orders and cash-collection indicators of the team scorecards to LTC.
pub fn link_team_cards(kpi: &mut Kpi) {
    for card in kpi
        .scorecards
        .iter_mut()
        .filter(|c| c.owner == OwnerKind::Organisation)
    {
        for ind in card.indicators.iter_mut() {
            if ind.metric == ORDERS || ind.metric == CASH {
                ind.linked = true;
            }
        }
    }
}

//! The demo's KPI document: the default scorecards and cascades, actuals on the three team
//! scorecards, and actuals for every demo person on their role's scorecard, spread so that the
//! distribution shows both ends: some people below 60, some above 110.
//!
//! Each person gets a performance level (0.42 … 1.2 of the target, assigned by a fixed
//! permutation of the people) and each of their indicators a small seeded jitter around it; the
//! actual is the value that would score that level, so the totals land near `100 × level`.
//!
//! The expansion team's stakeholder coverage is linked: it follows MCR's decision chains.

use super::defaults::{team_card_id, STAKEHOLDER_COVERAGE};
use super::{actual_id, Indicator, Kpi, PersonActual};
use crate::domain::org::TriangleType;
use crate::domain::rng::SplitMix64;
use crate::domain::workspace::Workspace;

/// The actual that scores about `100 × level` on `ind` (the inverse of the scoring line,
/// rounded: 0.01 for small targets such as pipeline coverage, 0.1 otherwise).
fn actual_for(ind: &Indicator, level: f64) -> f64 {
    let (t, c) = (ind.target, ind.challenge);
    let raw = match ind.floor {
        None => t * level,
        Some(f) if level <= 0.0 => f - (t - f) * 0.2,
        Some(f) if level < 1.0 => f + (t - f) * level,
        Some(_) if level < 1.2 => t + (c - t) * (level - 1.0) / 0.2,
        Some(_) => c + (c - t) * 0.1,
    };
    let step = if t.abs() < 10.0 { 100.0 } else { 10.0 };
    (raw * step).round() / step
}

/// The demo document, built on the workspace's people.
pub fn demo(ws: &Workspace, now_ms: i64) -> Kpi {
    let mut kpi = Kpi::default();
    for (triangle, level) in [
        (TriangleType::Expansion, 0.85),
        (TriangleType::Growth, 1.06),
        (TriangleType::Mature, 0.96),
    ] {
        let id = team_card_id(triangle);
        if let Some(card) = kpi.scorecards.iter_mut().find(|c| c.id == id) {
            for ind in card.indicators.iter_mut() {
                ind.actual = Some(actual_for(ind, level));
                ind.linked |= ind.metric == STAKEHOLDER_COVERAGE;
            }
        }
    }
    let mut rng = SplitMix64(0x6b70_6906);
    let n = ws.org.people.len().max(1);
    let mut actuals = Vec::new();
    for (i, person) in ws.org.people.iter().enumerate() {
        // 13 is coprime with 32, so the levels are spread over the roles rather than sorted.
        let rank = (i * 13) % n;
        let level = 0.42 + 0.78 * rank as f64 / (n.max(2) - 1) as f64;
        let Some(card) = kpi.role_scorecard(&person.role) else {
            continue;
        };
        for ind in &card.indicators {
            let jitter = rng.range(-0.12, 0.12);
            actuals.push(PersonActual {
                id: actual_id(&person.id, &ind.id),
                person: person.id.clone(),
                indicator: ind.id.clone(),
                value: actual_for(ind, level + jitter),
                updated_at: now_ms,
            });
        }
    }
    kpi.actuals = actuals;
    for card in kpi.scorecards.iter_mut() {
        card.updated_at = now_ms;
        for ind in card.indicators.iter_mut() {
            ind.updated_at = now_ms;
        }
    }
    for c in kpi.cascades.iter_mut() {
        c.updated_at = now_ms;
    }
    kpi
}

//! Incentives: Tool 6's team scorecards that do not differ by triangle type and cascades that
//! break 利出一孔; Tool 7's headcount gaps the hiring plan does not close.

use super::{bilingual, Basis, Signal, SignalKind};
use crate::domain::kpi::cascade::{check_cascades, CascadeProblem};
use crate::domain::kpi::differ::{typed_team_cards, undifferentiated};
use crate::domain::kpi::Kpi;
use crate::domain::org::plan::{plan, GapClose};
use crate::domain::org::staffing::heads_for;

/// Tool 6: the undifferentiated team cards (in document order), then the cascade problems
/// with the names of the indicators they concern.
pub(super) fn kpi(b: &Basis<'_>, out: &mut Vec<Signal>) {
    let kpi = &b.ws.kpi;
    let alike = undifferentiated(kpi);
    if !alike.is_empty() {
        out.push(
            Signal::new(SignalKind::CardsNotDifferentiated, alike.len())
                .of(typed_team_cards(kpi))
                .examples(
                    alike
                        .iter()
                        .filter_map(|&i| kpi.scorecards.get(i))
                        .map(|c| bilingual(&c.name_zh, &c.name_en, &c.id)),
                ),
        );
    }
    let problems = check_cascades(kpi);
    if !problems.is_empty() {
        let mut names: Vec<String> = Vec::new();
        for p in &problems {
            let name = problem_name(kpi, p);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        out.push(
            Signal::new(SignalKind::CascadeBroken, problems.len())
                .of(kpi.cascades.len())
                .examples(names),
        );
    }
}

/// The name of the indicator a cascade problem concerns: the first indicator measuring the
/// cascade's metric (as the KPI page names it), else the metric or the cascade id.
fn problem_name(kpi: &Kpi, p: &CascadeProblem) -> String {
    let metric = match p {
        CascadeProblem::NotCascaded {
            name_zh,
            name_en,
            metric,
        } => return bilingual(name_zh, name_en, metric),
        CascadeProblem::SharesNot100 { cascade, .. }
        | CascadeProblem::NegativeShare { cascade, .. } => kpi
            .cascades
            .iter()
            .find(|c| &c.id == cascade)
            .map_or(cascade.as_str(), |c| c.metric.as_str()),
    };
    kpi.scorecards
        .iter()
        .flat_map(|c| c.indicators.iter())
        .find(|i| i.metric == metric)
        .map_or_else(
            || metric.to_string(),
            |i| bilingual(&i.name_zh, &i.name_en, metric),
        )
}

/// Tool 7, from the hiring plan the talent page shows: one [`SignalKind::HiringGapOpen`] per
/// role, in role order, that needs hires the plan does not bring in time — it closes not within
/// the plan's months, or cannot be computed.
pub(super) fn talent(b: &Basis<'_>, out: &mut Vec<Signal>) {
    for (role, result) in plan(&b.ws.talent, &b.staffing) {
        let heads = match &result {
            Ok(p) if matches!(p.closes, GapClose::NotWithin { .. }) => p.hires_needed,
            Ok(_) => 0,
            Err(_) => b.staffing.role(&role).map_or(0, |r| heads_for(r.gap_fte)),
        };
        if heads > 0 {
            out.push(Signal::new(SignalKind::HiringGapOpen, heads as usize).about(&role));
        }
    }
}

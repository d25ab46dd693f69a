//! Incentives: Tool 6's team scorecards that do not differ by triangle type and cascades that
//! break 利出一孔.

use super::{bilingual, Basis, Signal, SignalKind};
use crate::domain::kpi::cascade::{check_cascades, CascadeProblem};
use crate::domain::kpi::differ::{typed_team_cards, undifferentiated};
use crate::domain::kpi::Kpi;

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

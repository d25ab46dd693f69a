//! Whether the team scorecards differ by triangle type (差异化的考核目标, SPEC §3.7): an
//! expansion team is measured on winning the customer, a mature one on harvesting it, so their
//! scorecards should not weigh the dimensions alike.

use super::score::WEIGHT_EPSILON;
use super::{Kpi, OwnerKind, Scorecard};

/// The team scorecards that do not differ by triangle type, as indices into
/// `Kpi::scorecards` in document order: an organisation scorecard for one triangle type whose
/// weight per dimension is the same (within [`WEIGHT_EPSILON`]) as that of an organisation
/// scorecard for another triangle type and the same tier scope. Cards for every triangle type
/// make no claim to differ and are left out.
pub fn undifferentiated(kpi: &Kpi) -> Vec<usize> {
    let team: Vec<(usize, &Scorecard)> = kpi
        .scorecards
        .iter()
        .enumerate()
        .filter(|(_, c)| c.owner == OwnerKind::Organisation && c.triangle.is_some())
        .collect();
    team.iter()
        .filter(|(_, a)| {
            team.iter()
                .any(|(_, b)| b.triangle != a.triangle && b.tier == a.tier && alike(a, b))
        })
        .map(|(i, _)| *i)
        .collect()
}

/// The team scorecards with a triangle type: what [`undifferentiated`] compares.
pub fn typed_team_cards(kpi: &Kpi) -> usize {
    kpi.scorecards
        .iter()
        .filter(|c| c.owner == OwnerKind::Organisation && c.triangle.is_some())
        .count()
}

fn alike(a: &Scorecard, b: &Scorecard) -> bool {
    a.dimension_weights()
        .iter()
        .zip(b.dimension_weights().iter())
        .all(|((_, x), (_, y))| (x - y).abs() <= WEIGHT_EPSILON)
}

//! Which customer fields the tiering uses, and which of them the customers carry no data for.
//! A rule testing `annual purchase ≥ 1000万` against a list imported without that column never
//! matches, so every customer falls through to the catch-all; the result is an artefact of the
//! missing column, and the page must say so instead of diagnosing the structure.

use super::{Field, Mode, TieringConfig};
use crate::domain::customers::Coverage;
use crate::domain::sort::sort;

/// A field the tiering uses that no customer carries data for, and what it leaves undecided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataGap {
    /// The field without data.
    pub field: Field,
    /// Rule mode: the tiers (indices into `TieringConfig::tiers`, top first) whose rules test the
    /// field and so cannot be evaluated. Empty in score mode.
    pub tiers: Vec<usize>,
    /// Score mode: the dimensions (indices into `ScoreModel::dimensions`) that score the field
    /// and so cannot tell customers apart. Empty in rule mode.
    pub dimensions: Vec<usize>,
}

impl TieringConfig {
    /// The tiers whose rule tests `field`: every tier but the last (the catch-all, whose rule is
    /// ignored) with a rule holding a condition on it.
    pub fn tiers_testing(&self, field: Field) -> Vec<usize> {
        let judged = self.tiers.len().saturating_sub(1);
        self.tiers[..judged]
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.rule
                    .as_ref()
                    .is_some_and(|r| r.conditions.iter().any(|c| c.field == field))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The score dimensions with a positive weight that score `field`.
    pub fn dimensions_scoring(&self, field: Field) -> Vec<usize> {
        self.score
            .dimensions
            .iter()
            .enumerate()
            .filter(|(_, d)| d.field == field && d.weight.is_finite() && d.weight > 0.0)
            .map(|(i, _)| i)
            .collect()
    }

    /// The fields the current mode decides tiers by, each once, in the order of [`Field::ALL`]:
    /// in rule mode the fields tested by the rules of every tier but the last, in score mode the
    /// fields of the dimensions with a positive weight. Manual overrides use no field.
    pub fn fields_used(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|&f| match self.mode {
                Mode::Rules => !self.tiers_testing(f).is_empty(),
                Mode::Score => !self.dimensions_scoring(f).is_empty(),
            })
            .collect()
    }

    /// The fields the current mode uses that have no data in `coverage`, each with the tiers
    /// (rule mode) or dimensions (score mode) that cannot be evaluated, in the order of
    /// [`Field::ALL`]. Empty when there are no customers: an empty list is not a missing column.
    pub fn data_gaps(&self, coverage: &Coverage) -> Vec<DataGap> {
        if coverage.customers == 0 {
            return Vec::new();
        }
        self.fields_used()
            .into_iter()
            .filter(|&f| !coverage.has_field(f))
            .map(|field| match self.mode {
                Mode::Rules => DataGap {
                    field,
                    tiers: self.tiers_testing(field),
                    dimensions: Vec::new(),
                },
                Mode::Score => DataGap {
                    field,
                    tiers: Vec::new(),
                    dimensions: self.dimensions_scoring(field),
                },
            })
            .collect()
    }
}

/// Every tier named by any of `gaps`, top first, each once: the tiers whose rules cannot be
/// evaluated.
pub fn unevaluable_tiers(gaps: &[DataGap]) -> Vec<usize> {
    let mut tiers: Vec<usize> = gaps.iter().flat_map(|g| g.tiers.iter().copied()).collect();
    sort(&mut tiers);
    tiers.dedup();
    tiers
}

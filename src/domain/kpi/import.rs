//! Actuals per person imported from a table: what an import would set, and setting it. The table
//! is read by the import wizard's core (`persist::kpi_import`): one row per person, one column per
//! indicator. Nothing changes until [`apply_actuals`].

use super::Kpi;
use crate::domain::values::half_width;

/// Why a cell was not imported.
#[derive(Clone, Debug, PartialEq)]
pub enum ActualsErrorKind {
    /// No person has this name or id.
    UnknownPerson,
    /// Two people have this name; use the id.
    AmbiguousPerson,
    /// The person's role has no scorecard.
    NoScorecard,
    /// The column names no indicator of the person's scorecard.
    UnknownIndicator,
    /// The cell is not a number.
    NotANumber,
}

/// A cell or row that was not imported.
#[derive(Clone, Debug, PartialEq)]
pub struct ActualsError {
    /// 1-based file row.
    pub row: usize,
    /// The column header ("" for the person column).
    pub column: String,
    /// The cell as written.
    pub value: String,
    /// Why.
    pub kind: ActualsErrorKind,
}

/// What a table would import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActualsPreview {
    /// (person id, indicator id, value), in file order.
    pub values: Vec<(String, String, f64)>,
    /// What was not imported.
    pub errors: Vec<ActualsError>,
}

/// `85`, `85%`, `1,200`, `１２` (full width) → the number.
pub fn parse_actual(cell: &str) -> Option<f64> {
    let text: String = half_width(cell.trim())
        .chars()
        .filter(|c| *c != ',' && *c != '%' && !c.is_whitespace())
        .collect();
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// `kpi` with the previewed values set (a later value for the same cell wins).
pub fn apply_actuals(kpi: &Kpi, preview: &ActualsPreview) -> Kpi {
    let mut next = kpi.clone();
    for (person, indicator, v) in &preview.values {
        next.set_actual(person, indicator, Some(*v));
    }
    next
}

//! Actuals per person from a table (CSV or .xlsx, read by the customer import's readers in
//! `persist`): one row per person, one column per indicator.
//!
//! The person column is the one headed 姓名 / 人员 / name / person / id (else the first column);
//! its cell holds a person's name or id. Every other column is headed by an indicator's Chinese or
//! English name and is matched on the person's role scorecard. A number may carry `%` or
//! thousands separators; an empty cell is skipped. Nothing changes until [`apply_actuals`].

use super::Kpi;
use crate::domain::org::OrgDesign;
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

/// True when the header names the person column.
fn is_person_header(h: &str) -> bool {
    let h = half_width(h.trim()).to_lowercase();
    ["姓名", "人员", "员工", "name", "person", "id", "person id"].contains(&h.as_str())
}

/// `85`, `85%`, `1,200`, `１２` (full width) → the number.
pub fn parse_actual(cell: &str) -> Option<f64> {
    let text: String = half_width(cell.trim())
        .chars()
        .filter(|c| *c != ',' && *c != '%' && !c.is_whitespace())
        .collect();
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reads `rows` (each as wide as `headers`, with its 1-based file row in `row_numbers`).
pub fn read_actuals(
    kpi: &Kpi,
    org: &OrgDesign,
    headers: &[String],
    rows: &[Vec<String>],
    row_numbers: &[usize],
) -> ActualsPreview {
    let mut out = ActualsPreview::default();
    let person_col = headers
        .iter()
        .position(|h| is_person_header(h))
        .unwrap_or(0);
    for (i, row) in rows.iter().enumerate() {
        let row_no = row_numbers.get(i).copied().unwrap_or(i + 2);
        let cell = row.get(person_col).map(|c| c.trim()).unwrap_or("");
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let err = |column: &str, value: &str, kind| ActualsError {
            row: row_no,
            column: column.to_string(),
            value: value.to_string(),
            kind,
        };
        let by_id = org.people.iter().find(|p| p.id == cell);
        let by_name: Vec<_> = org
            .people
            .iter()
            .filter(|p| p.name.trim() == cell)
            .collect();
        let person = match (by_id, by_name.as_slice()) {
            (Some(p), _) => p,
            (None, [p]) => *p,
            (None, []) => {
                out.errors
                    .push(err("", cell, ActualsErrorKind::UnknownPerson));
                continue;
            }
            (None, _) => {
                out.errors
                    .push(err("", cell, ActualsErrorKind::AmbiguousPerson));
                continue;
            }
        };
        let Some(card) = kpi.role_scorecard(&person.role) else {
            out.errors
                .push(err("", cell, ActualsErrorKind::NoScorecard));
            continue;
        };
        for (c, header) in headers.iter().enumerate() {
            let value = row.get(c).map(|v| v.trim()).unwrap_or("");
            if c == person_col || value.is_empty() {
                continue;
            }
            let name = half_width(header.trim());
            let Some(ind) = card.indicators.iter().find(|ind| {
                half_width(ind.name_zh.trim()) == name
                    || half_width(ind.name_en.trim()).eq_ignore_ascii_case(&name)
            }) else {
                out.errors
                    .push(err(header, value, ActualsErrorKind::UnknownIndicator));
                continue;
            };
            match parse_actual(value) {
                Some(v) => out.values.push((person.id.clone(), ind.id.clone(), v)),
                None => out
                    .errors
                    .push(err(header, value, ActualsErrorKind::NotANumber)),
            }
        }
    }
    out
}

/// `kpi` with the previewed values set (a later value for the same cell wins).
pub fn apply_actuals(kpi: &Kpi, preview: &ActualsPreview) -> Kpi {
    let mut next = kpi.clone();
    for (person, indicator, v) in &preview.values {
        next.set_actual(person, indicator, Some(*v));
    }
    next
}

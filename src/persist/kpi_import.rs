//! The KPI actuals table kind: one row per person, one column per indicator. Its fields are
//! built from the workspace's scorecards ([`actuals_spec`]): the person, then one number field per
//! indicator name. A row's values are matched on the person's role scorecard
//! ([`read_actuals_with`]).

use super::import::rows::{parse_rows, MappingProblem, Value};
use super::import::schema::{ColumnUse, FieldSpec, TableSpec, ValueKind};
use super::import::{ImportReason, Table};
use crate::domain::kpi::import::{ActualsError, ActualsErrorKind, ActualsPreview};
use crate::domain::kpi::Kpi;
use crate::domain::org::OrgDesign;
use crate::domain::sort::sort_by_key;
use crate::domain::values::half_width;

/// The fields of an actuals table for `kpi`: the person (name or id, required), then one number
/// per distinct indicator name of the role scorecards (Chinese name as id, both names as
/// spellings), in scorecard order.
pub fn actuals_spec(kpi: &Kpi) -> TableSpec {
    let mut fields = vec![
        FieldSpec::new("person", "姓名", "Person", ValueKind::Choice)
            .required()
            .aliases(&[
                "姓名",
                "人员",
                "员工",
                "name",
                "person",
                "id",
                "person id",
                "工号",
            ])
            .examples("赵一", "钱二"),
    ];
    for card in &kpi.scorecards {
        for ind in &card.indicators {
            let id = half_width(ind.name_zh.trim());
            if id.is_empty() || fields.iter().any(|f| f.id == id) {
                continue;
            }
            fields.push(
                FieldSpec::new(
                    &id,
                    ind.name_zh.trim(),
                    ind.name_en.trim(),
                    ValueKind::Number,
                )
                .aliases(&[ind.name_zh.as_str(), ind.name_en.as_str()])
                .examples("95%", "102%"),
            );
        }
    }
    TableSpec {
        id: "kpi_actuals",
        fields,
        yearly: None,
        label_field: None,
    }
}

/// Reads the rows of `table` with column `i` going to `uses[i]` of [`actuals_spec`]`(kpi)`: the
/// person cell names a person of `org` by id or by a name only one person has; each value goes to
/// the indicator of that name on the person's role scorecard. Empty cells are skipped. Nothing
/// changes until [`crate::domain::kpi::import::apply_actuals`].
pub fn read_actuals_with(
    kpi: &Kpi,
    org: &OrgDesign,
    table: &Table,
    uses: &[ColumnUse],
) -> Result<ActualsPreview, MappingProblem> {
    let spec = actuals_spec(kpi);
    let parsed = parse_rows(&spec, table, uses)?;
    let header = |f: usize| {
        uses.iter()
            .position(|u| *u == ColumnUse::Field(f))
            .and_then(|c| table.headers.get(c))
            .map_or("", |h| h.trim())
            .to_string()
    };
    let mut out = ActualsPreview::default();
    for e in parsed.errors {
        let kind = match e.reason {
            ImportReason::Missing => ActualsErrorKind::UnknownPerson,
            _ => ActualsErrorKind::NotANumber,
        };
        out.errors.push(ActualsError {
            row: e.row,
            column: e.column,
            value: e.value,
            kind,
        });
    }
    for row in parsed.rows {
        let cell = row.values.first().map_or("", Value::text);
        let err = |column: String, value: String, kind| ActualsError {
            row: row.row,
            column,
            value,
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
                out.errors.push(err(
                    header(0),
                    cell.to_string(),
                    ActualsErrorKind::UnknownPerson,
                ));
                continue;
            }
            (None, _) => {
                out.errors.push(err(
                    header(0),
                    cell.to_string(),
                    ActualsErrorKind::AmbiguousPerson,
                ));
                continue;
            }
        };
        let Some(card) = kpi.role_scorecard(&person.role) else {
            out.errors.push(err(
                header(0),
                cell.to_string(),
                ActualsErrorKind::NoScorecard,
            ));
            continue;
        };
        for (f, value) in row.values.iter().enumerate().skip(1) {
            let Some(v) = value.number() else {
                continue;
            };
            let name = &spec.fields[f].id;
            match card
                .indicators
                .iter()
                .find(|ind| half_width(ind.name_zh.trim()) == *name)
            {
                Some(ind) => out.values.push((person.id.clone(), ind.id.clone(), v)),
                None => out.errors.push(err(
                    header(f),
                    v.to_string(),
                    ActualsErrorKind::UnknownIndicator,
                )),
            }
        }
    }
    sort_by_key(&mut out.errors, |e| e.row);
    Ok(out)
}

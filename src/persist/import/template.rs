//! The template of a table kind: a header of its field labels and two example rows, which the
//! wizard reads back with 0 errors, and a sheet explaining each column.

use super::csv_export;
use super::schema::{FieldSpec, TableSpec};

/// The header and the two example rows of `spec`'s template, labels in Chinese (`zh`) or English.
pub fn template_rows(spec: &TableSpec, zh: bool) -> Vec<Vec<String>> {
    let header = spec
        .fields
        .iter()
        .map(|f| f.label(zh).to_string())
        .collect();
    let example = |n: usize| spec.fields.iter().map(|f| f.examples[n].clone()).collect();
    vec![header, example(0), example(1)]
}

/// The template as CSV (UTF-8 with BOM, cells neutralised as every export is).
pub fn template_csv(spec: &TableSpec, zh: bool) -> String {
    let mut rows = template_rows(spec, zh).into_iter();
    let header = rows.next().unwrap_or_default();
    csv_export::to_csv(&header, rows)
}

/// The rows of the explanation sheet: a header of `titles` (column, required, how to write it,
/// example), then one row per field with `required` / `optional` and the text `describe` gives.
pub fn explanation_rows(
    spec: &TableSpec,
    zh: bool,
    titles: [&str; 4],
    required: [&str; 2],
    describe: impl Fn(&FieldSpec) -> String,
) -> Vec<Vec<String>> {
    let mut out = vec![titles.iter().map(|t| t.to_string()).collect()];
    for f in &spec.fields {
        let example = f
            .examples
            .iter()
            .filter(|e| !e.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" / ");
        out.push(vec![
            f.label(zh).to_string(),
            required[usize::from(!f.required)].to_string(),
            describe(f),
            example,
        ]);
    }
    out
}

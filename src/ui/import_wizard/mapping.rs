//! The wizard's mapping table (each column: what it is imported as, why, its cells as read, its
//! counts) and the preview of the first rows as they will be stored.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::text::{reason_text, value_text};
use crate::persist::csv_export::strip_neutralising_quote;
use crate::persist::import::rows::{read_cell, ColumnSummary, Value};
use crate::persist::import::schema::{
    header_year, ColumnUse, Guess, GuessHow, TableSpec, ValueKind,
};
use crate::persist::import::{is_placeholder, unit_hint, Table};
use crate::ui::i18n::{use_i18n, I18n, Lang};

/// Cells shown per column as read.
const SAMPLES: usize = 2;
/// Rows searched for those cells.
const SAMPLE_ROWS: usize = 30;
/// Rows of the stored preview.
const PREVIEW_ROWS: usize = 5;

/// The use an option value names.
fn parse_use(spec: &TableSpec, v: &str) -> ColumnUse {
    if let Some(y) = v.strip_prefix("year:").and_then(|y| y.parse().ok()) {
        return ColumnUse::Year(y);
    }
    spec.fields
        .iter()
        .position(|f| f.id == v)
        .map_or(ColumnUse::Ignore, ColumnUse::Field)
}

/// The kind a use reads cells as.
fn kind_of(spec: &TableSpec, u: ColumnUse) -> Option<ValueKind> {
    match u {
        ColumnUse::Ignore => None,
        ColumnUse::Field(f) => spec.fields.get(f).map(|f| f.kind),
        ColumnUse::Year(_) => Some(ValueKind::Amount { negative: false }),
    }
}

/// A trimmed cell as the import reads it (placeholders are empty).
fn clean(cell: &str) -> &str {
    match strip_neutralising_quote(cell.trim()) {
        c if is_placeholder(c) => "",
        c => c,
    }
}

/// Why a column got its use.
fn how_text(i18n: &I18n, how: &GuessHow) -> String {
    match how {
        GuessHow::Unknown => i18n.t("import.how_unknown").to_string(),
        GuessHow::Alias => i18n.t("import.how_alias").to_string(),
        GuessHow::Shared => i18n.t("import.how_shared").to_string(),
        GuessHow::Fuzzy { alias } => i18n.tf("import.how_fuzzy", &[("alias", alias)]),
        GuessHow::NewestYear { year } => {
            i18n.tf("import.how_newest_year", &[("year", &year.to_string())])
        }
        GuessHow::OlderYear { year } => {
            i18n.tf("import.how_older_year", &[("year", &year.to_string())])
        }
        GuessHow::Taken => i18n.t("import.how_taken").to_string(),
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct MappingTableProps {
    pub table: Rc<Table>,
    pub spec: Rc<TableSpec>,
    pub guesses: Rc<Vec<Guess>>,
    pub uses: Rc<Vec<ColumnUse>>,
    pub columns: Vec<ColumnSummary>,
    pub on_uses: Callback<Rc<Vec<ColumnUse>>>,
    pub testid: AttrValue,
}

/// One row per column of the file.
#[function_component(MappingTable)]
pub(super) fn mapping_table(props: &MappingTableProps) -> Html {
    let i18n = use_i18n();
    let zh = i18n.lang == Lang::ZhCn;
    let spec = &props.spec;
    let table = &props.table;
    let id = |suffix: &str| format!("{}-{suffix}", props.testid);
    let row = |i: usize, header: &String| {
        let current = props.uses.get(i).copied().unwrap_or(ColumnUse::Ignore);
        let on_pick = {
            let (uses, on_uses, spec) = (
                props.uses.clone(),
                props.on_uses.clone(),
                props.spec.clone(),
            );
            let width = table.headers.len();
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                let mut next = (*uses).clone();
                next.resize(width, ColumnUse::Ignore);
                next[i] = parse_use(&spec, &v);
                on_uses.emit(Rc::new(next));
            })
        };
        let year = spec.yearly.and(header_year(header));
        let how = match props.guesses.get(i) {
            Some(g) if g.column_use == current => how_text(&i18n, &g.how),
            _ => i18n.t("import.how_manual").to_string(),
        };
        let unit = unit_hint(header);
        let samples: Vec<String> = table
            .rows
            .iter()
            .take(SAMPLE_ROWS)
            .filter_map(|r| r.get(i))
            .filter(|c| !c.trim().is_empty())
            .take(SAMPLES)
            .map(|raw| match kind_of(spec, current) {
                None => raw.trim().to_string(),
                Some(kind) => {
                    let read = match read_cell(kind, clean(raw), unit) {
                        Ok(v) => value_text(&i18n, kind, &v),
                        Err(r) => format!("✗ {}", reason_text(&i18n, &r, "")),
                    };
                    // Text read as itself needs no arrow.
                    if read == raw.trim() {
                        read
                    } else {
                        format!("{} → {}", raw.trim(), read)
                    }
                }
            })
            .collect();
        let counts = props.columns.get(i).copied().unwrap_or_default();
        let label = i18n.tf("import.map_label", &[("column", header.trim())]);
        html! {
            <tr class={classes!((current == ColumnUse::Ignore).then_some("is-ignored"))}>
                <th scope="row">{ header.trim().to_string() }</th>
                <td>
                    <select onchange={on_pick} data-testid={id(&format!("map-{i}"))} aria-label={label}>
                        <option value="ignore" selected={current == ColumnUse::Ignore}>{ i18n.t("import.target_ignore") }</option>
                        { for spec.fields.iter().enumerate().map(|(f, field)| {
                            let mut text = field.label(zh).to_string();
                            if field.required { text.push_str(" *"); }
                            html! { <option value={field.id.clone()} selected={current == ColumnUse::Field(f)}>{ text }</option> }
                        }) }
                        if let Some(y) = year {
                            <option value={format!("year:{y}")} selected={current == ColumnUse::Year(y)}>
                                { i18n.tf("import.target_year", &[("year", &y.to_string())]) }
                            </option>
                        }
                    </select>
                </td>
                <td class="muted" data-testid={id(&format!("how-{i}"))}>{ how }</td>
                <td class="import-read" data-testid={id(&format!("read-{i}"))}>{ samples.join(" · ") }</td>
                <td class="num muted">
                    if current != ColumnUse::Ignore && i < props.columns.len() {
                        { i18n.tf("import.column_counts", &[
                            ("filled", &counts.filled.to_string()),
                            ("empty", &counts.empty.to_string()),
                            ("errors", &counts.errors.to_string()),
                        ]) }
                    }
                </td>
            </tr>
        }
    };
    let missing: Vec<String> = spec
        .fields
        .iter()
        .enumerate()
        .filter(|(f, field)| field.required && !props.uses.contains(&ColumnUse::Field(*f)))
        .map(|(_, field)| field.label(zh).to_string())
        .collect();
    html! {
        <>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("import.mapping_region")}>
            <table class="data-table import-mapping" data-testid={id("mapping")}>
                <thead><tr>
                    <th scope="col">{ i18n.t("import.col_header") }</th>
                    <th scope="col">{ i18n.t("import.col_field") }</th>
                    <th scope="col">{ i18n.t("import.col_how") }</th>
                    <th scope="col">{ i18n.t("import.col_read") }</th>
                    <th scope="col" class="num">{ i18n.t("import.col_counts") }</th>
                </tr></thead>
                <tbody>
                    { for table.headers.iter().enumerate().map(|(i, h)| row(i, h)) }
                </tbody>
            </table>
            </div>
            <p class="muted import-required">
                { i18n.t("import.required_note") }
                if !missing.is_empty() {
                    { " " }<strong class="is-error">{ i18n.tf("import.required_missing", &[("fields", &missing.join(i18n.t("explain.list_separator")))]) }</strong>
                }
            </p>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct StoredPreviewProps {
    pub table: Rc<Table>,
    pub spec: Rc<TableSpec>,
    pub uses: Rc<Vec<ColumnUse>>,
    /// File rows with errors (not shown).
    pub errors: Rc<Vec<usize>>,
    pub testid: AttrValue,
}

/// The first rows without errors, each mapped column as it will be stored.
#[function_component(StoredPreview)]
pub(super) fn stored_preview(props: &StoredPreviewProps) -> Html {
    let i18n = use_i18n();
    let zh = i18n.lang == Lang::ZhCn;
    let spec = &props.spec;
    let table = &props.table;
    let columns: Vec<(usize, ColumnUse)> = props
        .uses
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, u)| *u != ColumnUse::Ignore)
        .collect();
    if columns.is_empty() {
        return html! {};
    }
    let units: Vec<_> = table.headers.iter().map(|h| unit_hint(h)).collect();
    let rows: Vec<(usize, &Vec<String>)> = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (table.row_number(i), r))
        .filter(|(n, r)| {
            !props.errors.contains(n)
                && columns
                    .iter()
                    .any(|(c, _)| r.get(*c).is_some_and(|v| !v.trim().is_empty()))
        })
        .take(PREVIEW_ROWS)
        .collect();
    let head = |u: ColumnUse| match u {
        ColumnUse::Field(f) => spec
            .fields
            .get(f)
            .map_or(String::new(), |f| f.label(zh).to_string()),
        ColumnUse::Year(y) => i18n.tf("import.target_year", &[("year", &y.to_string())]),
        ColumnUse::Ignore => String::new(),
    };
    html! {
        <>
            <h3 class="import-section">{ i18n.t("import.preview_title") }</h3>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("import.preview_title")}>
            <table class="data-table import-preview" data-testid={format!("{}-preview", props.testid)}>
                <thead><tr>
                    <th scope="col" class="num">{ i18n.t("import.col_row") }</th>
                    { for columns.iter().map(|(_, u)| html! { <th scope="col">{ head(*u) }</th> }) }
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|(n, r)| html! {
                        <tr>
                            <td class="num">{ *n }</td>
                            { for columns.iter().map(|(c, u)| {
                                let raw = r.get(*c).map_or("", |v| v.as_str());
                                let unit = units.get(*c).copied().unwrap_or_default();
                                let text = kind_of(spec, *u)
                                    .and_then(|k| read_cell(k, clean(raw), unit).ok().map(|v| (k, v)))
                                    .filter(|(_, v)| *v != Value::Empty)
                                    .map(|(k, v)| value_text(&i18n, k, &v))
                                    .unwrap_or_default();
                                html! { <td>{ text }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </>
    }
}

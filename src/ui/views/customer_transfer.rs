//! Customers in and out: import from CSV / .xlsx (file → column mapping → preview with row errors →
//! confirm: all valid rows or nothing) and export of the tiered table as CSV for Excel.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::domain::dates::iso_date_from_ms;
use crate::domain::edit::Edit;
use crate::domain::workspace::Workspace;
use crate::persist::csv_export::to_csv;
use crate::persist::files::download_text;
use crate::persist::import::{
    build_customers, detect_mapping, invalid_rows_csv_with, read_table_with, ImportError,
    ImportPreview, ImportReason, RowError, Table, Target,
};
use crate::ui::explain::explanation_text;
use crate::ui::file_pick::{
    beyond_header_note, import_file_callbacks, ImportFileSteps, PendingRead, ReadFailure,
    ReadFailureNote,
};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::library::new_id;
use crate::ui::state::{now_ms, use_workspace};

/// Row errors listed in the preview (the download has them all).
const LISTED_ERRORS: usize = 50;

/// A whole-file import failure in the user's language.
pub fn import_error_text(i18n: &I18n, e: &ImportError) -> String {
    let mb = |b: usize| format!("{:.1} MB", b as f64 / 1_048_576.0);
    match e {
        ImportError::TooLarge { bytes, max } => i18n.tf(
            "import.too_large",
            &[("size", &mb(*bytes)), ("max", &mb(*max))],
        ),
        ImportError::TooManyRows { max, .. } => {
            i18n.tf("import.too_many_rows", &[("max", &max.to_string())])
        }
        ImportError::TooManyColumns { row, columns, max } => i18n.tf(
            "import.too_many_columns",
            &[
                ("row", &row.to_string()),
                ("columns", &columns.to_string()),
                ("max", &max.to_string()),
            ],
        ),
        ImportError::TooManyCells { max, .. } => {
            i18n.tf("import.too_many_cells", &[("max", &max.to_string())])
        }
        ImportError::UnpackedTooLarge { .. } => i18n.t("import.unpacked_too_large").to_string(),
        ImportError::InflatedTooLarge { max } => {
            i18n.tf("import.inflated_too_large", &[("max", &mb(*max as usize))])
        }
        ImportError::CompressionRatio { part, max } => i18n.tf(
            "import.compression_ratio",
            &[("part", part), ("max", &max.to_string())],
        ),
        ImportError::SizeMismatch { part, declared } => i18n.tf(
            "import.size_mismatch",
            &[("part", part), ("declared", &declared.to_string())],
        ),
        ImportError::Encrypted => i18n.t("import.encrypted").to_string(),
        ImportError::UnsupportedCompression { part, method } => i18n.tf(
            "import.unsupported_compression",
            &[("part", part), ("method", &method.to_string())],
        ),
        ImportError::BrokenZip(detail) => i18n.tf("import.broken_zip", &[("detail", detail)]),
        ImportError::TooManySharedStrings { max } => i18n.tf(
            "import.too_many_shared_strings",
            &[("max", &max.to_string())],
        ),
        ImportError::SharedStringTooLong { max } => {
            i18n.tf("import.shared_string_too_long", &[("max", &mb(*max))])
        }
        ImportError::XmlTextTooLong { part, max } => i18n.tf(
            "import.xml_text_too_long",
            &[("part", part), ("max", &mb(*max))],
        ),
        ImportError::TooManyScannedCells { max } => i18n.tf(
            "import.too_many_scanned_cells",
            &[("max", &max.to_string())],
        ),
        ImportError::TooManyElements { part, max } => i18n.tf(
            "import.too_many_elements",
            &[("part", part), ("max", &max.to_string())],
        ),
        ImportError::NotASpreadsheet { kind } => {
            i18n.tf("import.not_a_spreadsheet", &[("kind", kind)])
        }
        ImportError::InvalidUtf8 { line } => {
            i18n.tf("import.invalid_utf8", &[("line", &line.to_string())])
        }
        ImportError::Empty => i18n.t("import.empty").to_string(),
        ImportError::NoDataRows => i18n.t("import.no_data_rows").to_string(),
        ImportError::UnreadableEncoding => i18n.t("import.unreadable_encoding").to_string(),
        ImportError::LegacyXls => i18n.t("import.legacy_xls").to_string(),
        ImportError::Xlsx(msg) => i18n.tf("import.xlsx", &[("message", msg)]),
        ImportError::NoNameColumn => i18n.t("import.no_name_column").to_string(),
        ImportError::DuplicateTarget(t) => i18n.tf(
            "import.duplicate_target",
            &[("field", &target_label(i18n, *t))],
        ),
    }
}

/// Why a cell is invalid, in the user's language.
pub fn reason_text(i18n: &I18n, r: &ImportReason) -> String {
    match r {
        ImportReason::MissingName => i18n.t("import.reason_missing_name").to_string(),
        ImportReason::NotANumber => i18n.t("import.reason_not_a_number").to_string(),
        ImportReason::NotAPercent => i18n.t("import.reason_not_a_percent").to_string(),
        ImportReason::NotABoolean => i18n.t("import.reason_not_a_boolean").to_string(),
        ImportReason::NotAnInteger => i18n.t("import.reason_not_an_integer").to_string(),
        ImportReason::Negative => i18n.t("import.reason_negative").to_string(),
        ImportReason::TooLarge => i18n.t("import.reason_too_large").to_string(),
        ImportReason::MarginOutOfRange => i18n.t("import.reason_margin").to_string(),
        ImportReason::GrowthBelowMinus100 => i18n.t("import.reason_growth").to_string(),
        ImportReason::RankBelowOne => i18n.t("import.reason_rank").to_string(),
        ImportReason::TooLong { max } => {
            i18n.tf("import.reason_too_long", &[("max", &max.to_string())])
        }
        ImportReason::DuplicateId { first_row } => i18n.tf(
            "import.reason_duplicate_id",
            &[("row", &first_row.to_string())],
        ),
    }
}

/// The label of an import target.
pub fn target_label(i18n: &I18n, t: Target) -> String {
    i18n.t(&format!("import.target_{}", t.key())).to_string()
}

/// The customer table with tiers and explanations, as CSV for Excel (UTF-8 with BOM, formula
/// cells neutralised). Amounts are plain yuan so that Excel can calculate with them.
pub fn customers_csv(i18n: &I18n, ws: &Workspace) -> String {
    let assignments = ws.tiering.assign_all(&ws.customers);
    let headers: Vec<String> = [
        "export.id",
        "export.name",
        "export.tier",
        "export.explanation",
        "export.industry",
        "export.industry_line",
        "export.region",
        "export.annual_purchase",
        "export.revenue",
        "export.gross_margin_pct",
        "export.wallet",
        "export.growth_pct",
        "export.industry_rank",
        "export.on_named_list",
        "export.repeat_purchase",
        "export.years_of_cooperation",
        "export.tags",
    ]
    .iter()
    .map(|k| i18n.t(k).to_string())
    .collect();
    let yes_no = |b: bool| {
        i18n.t(if b { "export.yes" } else { "export.no" })
            .to_string()
    };
    let num = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    };
    let opt = |v: Option<f64>| v.map(|v| format!("{:.2}", v)).unwrap_or_default();
    let rows = ws.customers.iter().zip(&assignments).map(|(c, a)| {
        let (tier, why) = match a {
            Some(a) => (
                ws.tiering
                    .tiers
                    .get(a.tier)
                    .map(|t| i18n.tier_name(t).to_string())
                    .unwrap_or_default(),
                explanation_text(i18n, &a.explanation),
            ),
            None => (String::new(), String::new()),
        };
        vec![
            c.id.clone(),
            c.name.clone(),
            tier,
            why,
            c.industry.clone(),
            c.industry_line.clone().unwrap_or_default(),
            c.region.clone(),
            num(c.annual_purchase),
            num(c.revenue),
            opt(c.gross_margin_pct),
            c.wallet.map(num).unwrap_or_default(),
            opt(c.effective_growth_pct()),
            c.industry_rank.map(|r| r.to_string()).unwrap_or_default(),
            yes_no(c.on_named_list),
            yes_no(c.repeat_purchase),
            c.years_of_cooperation.to_string(),
            c.tags.join(", "),
        ]
    });
    to_csv(&headers, rows)
}

/// State of the import dialog.
#[derive(Clone, PartialEq)]
enum Step {
    Closed,
    ChooseFile { error: Option<ReadFailure> },
    Reading { file_name: String },
    Map { file_name: String, table: Rc<Table> },
}

/// The Import and Export buttons and the import dialog.
#[function_component(CustomerTransfer)]
pub fn customer_transfer() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let step = use_state(|| Step::Closed);
    let mapping = use_state(Vec::<Target>::new);
    let reader: PendingRead = use_mut_ref(|| None);

    let export = {
        let handle = handle.clone();
        Callback::from(move |_| {
            let ws = handle.workspace();
            let text = customers_csv(&i18n, &ws);
            let name = format!(
                "{}-customers-{}.csv",
                ws.meta.name,
                iso_date_from_ms(now_ms())
            );
            let _ = download_text(&name, "text/csv;charset=utf-8", &text);
        })
    };
    let open = {
        let step = step.clone();
        Callback::from(move |_| step.set(Step::ChooseFile { error: None }))
    };
    let close = {
        let step = step.clone();
        let reader = reader.clone();
        Callback::from(move |_| {
            reader.borrow_mut().take();
            step.set(Step::Closed)
        })
    };
    // Reads the file's bytes into the mapping step (or back to the file choice with the error).
    let (on_file, read_anyway) = {
        let (to_map, failed, reading) = (step.clone(), step.clone(), step.clone());
        let mapping = mapping.clone();
        import_file_callbacks(
            &reader,
            ImportFileSteps {
                read: read_table_with,
                on_table: Rc::new(move |file_name, table| {
                    mapping.set(detect_mapping(&table.headers));
                    to_map.set(Step::Map {
                        file_name,
                        table: Rc::new(table),
                    });
                }),
                on_failure: Rc::new(move |error| {
                    failed.set(Step::ChooseFile { error: Some(error) })
                }),
                on_reading: Rc::new(move |file_name| reading.set(Step::Reading { file_name })),
            },
        )
    };

    let dialog = match &*step {
        Step::Closed => html! {},
        Step::ChooseFile { error } => html! {
            <div class="dialog-backdrop">
                <div class="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
                    <h2 id="import-title" class="dialog-title">{ i18n.t("import.title") }</h2>
                    <p class="dialog-body">{ i18n.t("import.hint") }</p>
                    <label class="file-pick">
                        <span>{ i18n.t("import.choose_file") }</span>
                        <input type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv" onchange={on_file}
                               data-testid="import-file" />
                    </label>
                    if let Some(error) = error {
                        <ReadFailureNote failure={error.clone()} class={classes!("dialog-error")}
                            testid="import-error" on_read_anyway={read_anyway.clone()} />
                    }
                    <div class="dialog-actions">
                        <button type="button" class="button" onclick={close.clone()} data-testid="import-cancel">{ i18n.t("dialog.cancel") }</button>
                    </div>
                </div>
            </div>
        },
        Step::Reading { file_name } => html! {
            <div class="dialog-backdrop">
                <div class="dialog import-dialog" role="dialog" aria-modal="true" data-testid="import-dialog">
                    <p role="status">{ i18n.tf("import.reading", &[("file", file_name)]) }</p>
                </div>
            </div>
        },
        Step::Map { file_name, table } => html! {
            <MappingStep file_name={file_name.clone()} table={table.clone()} mapping={(*mapping).clone()}
                on_mapping={{ let mapping = mapping.clone(); Callback::from(move |m| mapping.set(m)) }}
                on_close={close.clone()}
                on_import={{
                    let handle = handle.clone();
                    let step = step.clone();
                    Callback::from(move |preview: Rc<ImportPreview>| {
                        let customers = preview.customers.iter().map(|(_, c)| c.clone()).collect();
                        handle.edit(Edit::AddCustomers { customers, id_prefix: format!("{}-", new_id("imp")) });
                        step.set(Step::Closed);
                    })
                }} />
        },
    };

    html! {
        <div class="customer-transfer">
            <button type="button" class="button" onclick={open} data-testid="customers-import">{ i18n.t("import.button") }</button>
            <button type="button" class="button" onclick={export} data-testid="customers-export">{ i18n.t("export.button") }</button>
            { dialog }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct MappingStepProps {
    file_name: AttrValue,
    table: Rc<Table>,
    mapping: Vec<Target>,
    on_mapping: Callback<Vec<Target>>,
    on_close: Callback<MouseEvent>,
    on_import: Callback<Rc<ImportPreview>>,
}

/// Column mapping, preview and confirmation.
#[function_component(MappingStep)]
fn mapping_step(props: &MappingStepProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let table = props.table.clone();
    let preview = use_memo((table.clone(), props.mapping.clone()), |(t, m)| {
        build_customers(t, m).map(Rc::new)
    });
    let known_lines = handle.workspace().industry_lines.clone();
    let download_invalid = {
        let table = table.clone();
        let preview = preview.clone();
        let file_name = props.file_name.clone();
        Callback::from(move |_| {
            if let Ok(p) = &*preview {
                let text =
                    invalid_rows_csv_with(&table, p, |e: &RowError| reason_text(&i18n, &e.reason));
                let _ = download_text(
                    &format!("{file_name}-invalid-rows.csv"),
                    "text/csv;charset=utf-8",
                    &text,
                );
            }
        })
    };
    let body = match &*preview {
        Err(e) => {
            html! { <p class="dialog-error" role="alert" data-testid="import-error">{ import_error_text(&i18n, e) }</p> }
        }
        Ok(p) => {
            let invalid = p.invalid_rows().len();
            let mut new_lines: Vec<String> = p
                .customers
                .iter()
                .filter_map(|(_, c)| c.industry_line.clone())
                .filter(|l| !known_lines.contains(l))
                .collect();
            new_lines.sort();
            new_lines.dedup();
            html! {
                <>
                <p class="import-summary" data-testid="import-summary">
                    { i18n.tf("import.summary", &[("valid", &p.customers.len().to_string()), ("invalid", &invalid.to_string()),
                        ("blank", &(p.skipped_blank + p.skipped_totals.len()).to_string())]) }
                </p>
                { beyond_header_note(&i18n, table.beyond_header) }
                if !new_lines.is_empty() {
                    <p class="muted">{ i18n.tf("import.new_lines", &[("lines", &new_lines.join(i18n.t("explain.list_separator")))]) }</p>
                }
                if !p.errors.is_empty() {
                    <div class="table-scroll import-errors">
                    <table class="data-table" data-testid="import-errors">
                        <thead><tr>
                            <th scope="col">{ i18n.t("import.col_row") }</th>
                            <th scope="col">{ i18n.t("import.col_column") }</th>
                            <th scope="col">{ i18n.t("import.col_value") }</th>
                            <th scope="col">{ i18n.t("import.col_reason") }</th>
                        </tr></thead>
                        <tbody>
                        { for p.errors.iter().take(LISTED_ERRORS).map(|e| html! {
                            <tr><td class="num">{ e.row }</td><td>{ e.column.clone() }</td><td>{ e.value.clone() }</td>
                                <td>{ reason_text(&i18n, &e.reason) }</td></tr>
                        }) }
                        </tbody>
                    </table>
                    </div>
                    if p.errors.len() > LISTED_ERRORS {
                        <p class="muted">{ i18n.tf("tiering.more", &[("n", &(p.errors.len() - LISTED_ERRORS).to_string())]) }</p>
                    }
                    <button type="button" class="button" onclick={download_invalid} data-testid="import-download-invalid">
                        { i18n.t("import.download_invalid") }
                    </button>
                }
                </>
            }
        }
    };
    let valid = match &*preview {
        Ok(p) => p.customers.len(),
        Err(_) => 0,
    };
    let confirm = {
        let preview = preview.clone();
        let on_import = props.on_import.clone();
        Callback::from(move |_| {
            if let Ok(p) = &*preview {
                if !p.customers.is_empty() {
                    on_import.emit(p.clone());
                }
            }
        })
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog import-dialog import-dialog-wide" role="dialog" aria-modal="true" aria-labelledby="import-map-title" data-testid="import-dialog">
                <h2 id="import-map-title" class="dialog-title">{ i18n.tf("import.map_title", &[("file", &props.file_name)]) }</h2>
                <p class="dialog-body">{ i18n.t("import.map_hint") }</p>
                <div class="table-scroll">
                <table class="data-table import-mapping" data-testid="import-mapping">
                    <thead><tr>
                        <th scope="col">{ i18n.t("import.col_header") }</th>
                        <th scope="col">{ i18n.t("import.col_field") }</th>
                        <th scope="col">{ i18n.t("import.col_sample") }</th>
                    </tr></thead>
                    <tbody>
                    { for table.headers.iter().enumerate().map(|(i, h)| {
                        let current = props.mapping.get(i).copied().unwrap_or(Target::Ignore);
                        let on_pick = {
                            let mapping = props.mapping.clone();
                            let on_mapping = props.on_mapping.clone();
                            let width = table.headers.len();
                            Callback::from(move |e: Event| {
                                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                                let mut next = mapping.clone();
                                next.resize(width, Target::Ignore);
                                if let Some(t) = Target::ALL.into_iter().find(|t| t.key() == v) {
                                    next[i] = t;
                                }
                                on_mapping.emit(next);
                            })
                        };
                        let sample: Vec<String> = table.rows.iter().take(3).filter_map(|r| r.get(i).cloned()).collect();
                        html! {
                            <tr>
                                <th scope="row">{ h.clone() }</th>
                                <td><select onchange={on_pick} data-testid={format!("import-map-{i}")} aria-label={h.clone()}>
                                    { for Target::ALL.iter().map(|t| html! {
                                        <option value={t.key()} selected={*t == current}>{ target_label(&i18n, *t) }</option>
                                    }) }
                                </select></td>
                                <td class="muted">{ sample.join(" · ") }</td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                </div>
                { body }
                <div class="dialog-actions">
                    <button type="button" class="button" onclick={props.on_close.clone()} data-testid="import-cancel">{ i18n.t("dialog.cancel") }</button>
                    <button type="button" class="button button-primary" onclick={confirm} disabled={valid == 0}
                            data-testid="import-confirm">{ i18n.tf("import.confirm", &[("n", &valid.to_string())]) }</button>
                </div>
            </div>
        </div>
    }
}

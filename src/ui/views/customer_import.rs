//! The customer import: the one import wizard with the customer table kind, the warning for a
//! mapping that feeds none of the fields the tiering needs, the choice of where the customers go
//! (a new workspace, this one, or instead of this one's customers), and the template.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::edit::{apply, Edit};
use crate::domain::sort::sort;
use crate::domain::tiering::Field;
use crate::domain::workspace::{Customer, Workspace};
use crate::persist::files::{download_bytes, download_text};
use crate::persist::import::job::ReadKind;
use crate::persist::import::schema::ColumnUse;
use crate::persist::import::template::{explanation_rows, template_csv, template_rows};
use crate::persist::import::{
    build_customers_with, customer_spec, target_of_field, unfed_key_fields, ImportPreview, Table,
    Target,
};
use crate::persist::xlsx_write::{write_xlsx, Sheet};
use crate::ui::explain::field_label;
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::import_wizard::{
    import_error_text, kind_text, Destination, ImportWizard, KeyFieldWarning, WizardPreview,
    WizardResult,
};
use crate::ui::library::{new_id, use_library};
use crate::ui::state::{now_ms, use_workspace};

/// The import target that feeds a tiering field, for the "pick a column" of the warning.
fn target_for_field(f: Field) -> Target {
    match f {
        Field::AnnualPurchase => Target::AnnualPurchase,
        Field::Revenue => Target::Revenue,
        Field::GrossMarginPct => Target::GrossMarginPct,
        Field::ShareOfWallet => Target::Wallet,
        Field::GrowthPct => Target::GrowthPct,
        Field::IndustryRank => Target::IndustryRank,
        Field::OnNamedList => Target::OnNamedList,
        Field::IndustryLine => Target::IndustryLine,
        Field::RepeatPurchase => Target::RepeatPurchase,
        Field::YearsOfCooperation => Target::YearsOfCooperation,
        Field::Tag => Target::Tags,
    }
}

/// The targets of a mapping (year columns feed no target).
fn targets(uses: &[ColumnUse]) -> Vec<Target> {
    uses.iter()
        .map(|u| match u {
            ColumnUse::Field(i) => target_of_field(*i),
            _ => Target::Ignore,
        })
        .collect()
}

/// What importing `table` with `uses` into `ws` would do, for the wizard.
pub fn customer_preview(
    i18n: &I18n,
    ws: &Workspace,
    table: &Table,
    uses: &[ColumnUse],
) -> WizardPreview {
    let preview = match build_customers_with(table, uses, &ws.org.people) {
        Ok(p) => p,
        Err(e) => {
            return WizardPreview {
                problem: Some(import_error_text(i18n, &e)),
                confirm_label: i18n.tf("import.confirm", &[("n", "0")]),
                ..WizardPreview::default()
            }
        }
    };
    let invalid = preview.invalid_rows().len();
    let mut notes = Vec::new();
    let mut new_lines: Vec<String> = preview
        .customers
        .iter()
        .filter_map(|(_, c)| c.industry_line.clone())
        .filter(|l| !ws.industry_lines.contains(l))
        .collect();
    sort(&mut new_lines);
    new_lines.dedup();
    let sep = i18n.t("explain.list_separator");
    if !new_lines.is_empty() {
        notes.push(i18n.tf("import.new_lines", &[("lines", &new_lines.join(sep))]));
    }
    if !preview.unknown_owners.is_empty() {
        let shown: Vec<&str> = preview
            .unknown_owners
            .iter()
            .take(5)
            .map(String::as_str)
            .collect();
        notes.push(i18n.tf(
            "import.unknown_owners",
            &[
                ("n", &preview.unknown_owners.len().to_string()),
                ("names", &shown.join(sep)),
            ],
        ));
    }
    let unfed = unfed_key_fields(&ws.tiering, &targets(uses));
    let key_fields = unfed.first().map(|first| {
        let names: Vec<String> = unfed.iter().map(|f| field_label(i18n, *f)).collect();
        let names = names.join(sep);
        let target = target_for_field(*first);
        KeyFieldWarning {
            message: i18n.tf("import.key_fields_missing", &[("fields", &names)]),
            field: Target::ALL.iter().position(|t| *t == target).unwrap_or(0),
            without: i18n.tf("import.import_without", &[("fields", &names)]),
        }
    });
    WizardPreview {
        valid: preview.customers.len(),
        problem: None,
        summary: i18n.tf(
            "import.summary",
            &[
                ("valid", &preview.customers.len().to_string()),
                ("invalid", &invalid.to_string()),
                (
                    "blank",
                    &(preview.skipped_blank + preview.skipped_totals.len()).to_string(),
                ),
            ],
        ),
        notes,
        key_fields,
        columns: preview.columns.clone(),
        confirm_label: i18n.tf(
            "import.confirm",
            &[("n", &preview.customers.len().to_string())],
        ),
        errors: preview.errors,
    }
}

/// The customers a confirmed import adds.
fn confirmed_customers(ws: &Workspace, r: &WizardResult) -> Vec<Customer> {
    build_customers_with(&r.table, &r.uses, &ws.org.people)
        .map(|p: ImportPreview| p.customers.into_iter().map(|(_, c)| c).collect())
        .unwrap_or_default()
}

/// Downloads the customer template as CSV.
pub fn download_template_csv(i18n: &I18n) {
    let text = template_csv(customer_spec(), i18n.lang == Lang::ZhCn);
    let _ = download_text(
        i18n.t("import.template_file_csv"),
        "text/csv;charset=utf-8",
        &text,
    );
}

/// The rows of the template's explanation sheet.
pub fn template_explanation(i18n: &I18n) -> Vec<Vec<String>> {
    let spec = customer_spec();
    explanation_rows(
        spec,
        i18n.lang == Lang::ZhCn,
        [
            i18n.t("import.template_col_column"),
            i18n.t("import.template_col_required"),
            i18n.t("import.template_col_how"),
            i18n.t("import.template_col_example"),
        ],
        [i18n.t("import.required"), i18n.t("import.optional")],
        |f| kind_text(i18n, f.kind).to_string(),
    )
}

/// The template's data rows (header and two examples).
pub fn template_data(i18n: &I18n) -> Vec<Vec<String>> {
    template_rows(customer_spec(), i18n.lang == Lang::ZhCn)
}

/// The template as an .xlsx workbook: the data sheet (header and two examples), then a sheet
/// explaining each column and the amount formats.
pub fn template_xlsx(i18n: &I18n) -> Vec<u8> {
    let data = template_data(i18n);
    let widths = data
        .first()
        .map(|h| {
            h.iter()
                .map(|c| (c.chars().count() as f64 * 2.2).max(12.0))
                .collect()
        })
        .unwrap_or_default();
    let mut notes = template_explanation(i18n);
    notes.push(Vec::new());
    notes.push(vec![i18n.t("import.template_amounts").to_string()]);
    write_xlsx(&[
        Sheet {
            name: i18n.t("import.template_sheet_data").to_string(),
            rows: data,
            bold_first_row: true,
            column_widths: widths,
        },
        Sheet {
            name: i18n.t("import.template_sheet_notes").to_string(),
            rows: notes,
            bold_first_row: true,
            column_widths: vec![18.0, 10.0, 60.0, 28.0],
        },
    ])
}

/// The template download buttons.
#[function_component(TemplateDownloads)]
pub fn template_downloads() -> Html {
    let i18n = use_i18n();
    let csv = Callback::from(move |_| download_template_csv(&i18n));
    let xlsx = Callback::from(move |_| {
        let _ = download_bytes(
            i18n.t("import.template_file_xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &template_xlsx(&i18n),
        );
    });
    html! {
        <p class="import-template">
            <span class="muted">{ i18n.t("import.template_hint") }</span>
            <button type="button" class="button button-small" onclick={xlsx} data-testid="import-template-xlsx">
                { i18n.t("import.template_xlsx") }
            </button>
            <button type="button" class="button button-small" onclick={csv} data-testid="import-template-csv">
                { i18n.t("import.template_csv") }
            </button>
        </p>
    }
}

/// Props of [`CustomerImport`].
#[derive(Properties, PartialEq)]
pub struct CustomerImportProps {
    /// Closed (imported or cancelled).
    pub on_close: Callback<()>,
}

/// The customer import wizard.
#[function_component(CustomerImport)]
pub fn customer_import(props: &CustomerImportProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let library = use_library();
    let ws = handle.workspace();
    let spec = use_memo((), |_| Rc::new(customer_spec().clone()));
    let preview = {
        let ws = ws.clone();
        Callback::from(move |(table, uses): (Rc<Table>, Rc<Vec<ColumnUse>>)| {
            Rc::new(customer_preview(&i18n, &ws, &table, &uses))
        })
    };
    let n = ws.customers.len().to_string();
    let mut destinations = vec![(
        Destination::NewWorkspace,
        AttrValue::from(i18n.t("import.dest_new").to_string()),
    )];
    destinations.push((
        Destination::Add,
        i18n.tf("import.dest_add", &[("n", &n)]).into(),
    ));
    if !ws.customers.is_empty() {
        destinations.push((
            Destination::Replace,
            i18n.tf("import.dest_replace", &[("n", &n)]).into(),
        ));
    }
    let default_destination = if ws.meta.is_demo {
        Destination::NewWorkspace
    } else {
        Destination::Add
    };
    let on_confirm = {
        let (handle, on_close) = (handle.clone(), props.on_close.clone());
        Callback::from(move |r: WizardResult| {
            let ws = handle.workspace();
            let customers = confirmed_customers(&ws, &r);
            let edit = |replace| Edit::AddCustomers {
                customers: customers.clone(),
                id_prefix: format!("{}-", new_id("imp")),
                replace,
            };
            match r.destination {
                Destination::Add => handle.edit(edit(false)),
                Destination::Replace => handle.edit(edit(true)),
                Destination::NewWorkspace => {
                    let now = now_ms();
                    let fresh = Workspace::empty(&new_id("ws"), &r.workspace_name, now);
                    if let Ok(Some(filled)) = apply(&fresh, &edit(false), now) {
                        library.adopt_new(filled);
                    }
                }
            }
            on_close.emit(());
        })
    };
    html! {
        <ImportWizard spec={(*spec).clone()} read={ReadKind::Table}
            title={i18n.t("import.title")} hint={i18n.t("import.hint")} testid="import"
            preview={preview} destinations={destinations} default_destination={default_destination}
            file_step_extra={html! { <TemplateDownloads /> }}
            on_confirm={on_confirm} on_close={props.on_close.clone()} />
    }
}

//! LTC's files: the import of opportunities and of contracts through the one import wizard
//! ([`crate::persist::ltc_import`]), their templates (CSV and .xlsx, a header and two example
//! rows), and the CSV exports. Nothing changes until the import is confirmed; each import is one
//! undoable edit of the whole LTC document (all valid rows or nothing).

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::dates::iso_from_days;
use crate::domain::edit::Edit;
use crate::domain::workspace::Workspace;
use crate::persist::files::{download_bytes, download_text};
use crate::persist::import::job::ReadKind;
use crate::persist::import::rows::{ColumnSummary, MappingProblem};
use crate::persist::import::schema::{ColumnUse, TableSpec};
use crate::persist::import::{RowError, Table};
use crate::persist::ltc_import::{
    apply_contracts, apply_opportunities, build_contracts, build_opportunities, contracts_csv,
    contracts_spec, opportunities_csv, opportunities_spec, template_for,
};
use crate::persist::xlsx_write::{write_xlsx, Sheet};
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::import_wizard::{ImportWizard, WizardPreview, WizardResult};
use crate::ui::modal::{use_dialog_switch, DialogSwitch};
use crate::ui::state::DocRef;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_MIME: &str = "text/csv;charset=utf-8";

/// Which table the buttons import and export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Opportunities (above the board).
    Opportunities,
    /// Contracts (above the contracts tab).
    Contracts,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Opportunities => "opportunities",
            Kind::Contracts => "contracts",
        }
    }

    fn spec(self) -> TableSpec {
        match self {
            Kind::Opportunities => opportunities_spec(),
            Kind::Contracts => contracts_spec(),
        }
    }
}

/// Props of [`LtcFiles`].
#[derive(Properties, PartialEq)]
pub struct FilesProps {
    /// Opportunities or contracts.
    pub kind: Kind,
    /// The open workspace.
    pub ws: DocRef,
    /// Applies the confirmed import (one `SetLtc`).
    pub on_edit: Callback<Edit>,
}

/// The workspace's reference date, `YYYY-MM-DD`: the day imported opportunities enter their
/// open stage.
fn reference_date(ws: &Workspace) -> String {
    iso_from_days(super::today(ws))
}

/// What an import would do, counted.
struct Counts {
    valid: usize,
    updates: usize,
    invalid: usize,
    blank: usize,
    errors: Vec<RowError>,
    columns: Vec<ColumnSummary>,
    unknown_owners: Vec<String>,
}

fn preview_counts(
    kind: Kind,
    ws: &Workspace,
    table: &Table,
    uses: &[ColumnUse],
) -> Result<Counts, MappingProblem> {
    Ok(match kind {
        Kind::Opportunities => {
            let p = build_opportunities(table, uses, ws, &reference_date(ws))?;
            Counts {
                valid: p.opportunities.len(),
                updates: p.updates,
                invalid: p.invalid_rows().len(),
                blank: p.skipped_blank,
                errors: p.errors,
                columns: p.columns,
                unknown_owners: p.unknown_owners,
            }
        }
        Kind::Contracts => {
            let p = build_contracts(table, uses, ws)?;
            Counts {
                valid: p.contracts.len(),
                updates: p.updates,
                invalid: p.invalid_rows().len(),
                blank: p.skipped_blank,
                errors: p.errors,
                columns: p.columns,
                unknown_owners: Vec::new(),
            }
        }
    })
}

fn wizard_preview(
    i18n: &I18n,
    kind: Kind,
    ws: &Workspace,
    table: &Table,
    uses: &[ColumnUse],
) -> WizardPreview {
    let k = kind.key();
    match preview_counts(kind, ws, table, uses) {
        Err(p) => WizardPreview {
            problem: Some(match p {
                MappingProblem::Missing(_) => {
                    i18n.t(&format!("ltc_import.{k}_missing")).to_string()
                }
                MappingProblem::Twice(_) => i18n.t("ltc_import.twice").to_string(),
            }),
            confirm_label: i18n.tf(&format!("ltc_import.{k}_confirm"), &[("n", "0")]),
            ..WizardPreview::default()
        },
        Ok(c) => {
            let mut notes = Vec::new();
            if !c.unknown_owners.is_empty() {
                let names: Vec<&str> = c
                    .unknown_owners
                    .iter()
                    .take(10)
                    .map(String::as_str)
                    .collect();
                notes.push(i18n.tf(
                    "ltc_import.unknown_owners",
                    &[
                        ("n", &c.unknown_owners.len().to_string()),
                        ("names", &names.join(i18n.t("explain.list_separator"))),
                    ],
                ));
            }
            WizardPreview {
                valid: c.valid,
                summary: i18n.tf(
                    &format!("ltc_import.{k}_summary"),
                    &[
                        ("new", &(c.valid - c.updates).to_string()),
                        ("updated", &c.updates.to_string()),
                        ("invalid", &c.invalid.to_string()),
                        ("blank", &c.blank.to_string()),
                    ],
                ),
                confirm_label: i18n.tf(
                    &format!("ltc_import.{k}_confirm"),
                    &[("n", &c.valid.to_string())],
                ),
                notes,
                errors: c.errors,
                columns: c.columns,
                ..WizardPreview::default()
            }
        }
    }
}

/// A file name with the workspace's name in it, without characters file systems refuse.
fn file_name(i18n: &I18n, key: &str, ws: &Workspace, ext: &str) -> String {
    let name: String = ws
        .meta
        .name
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .take(40)
        .collect();
    format!("{}-{name}.{ext}", i18n.t(key))
}

/// The import and export buttons of one kind, with the wizard and its template downloads.
#[function_component(LtcFiles)]
pub fn ltc_files(props: &FilesProps) -> Html {
    let i18n = use_i18n();
    let DialogSwitch { open, show, close } = use_dialog_switch();
    let kind = props.kind;
    let k = kind.key();
    let spec = use_memo(kind, |kind| Rc::new(kind.spec()));
    let preview = {
        let ws = props.ws.0.clone();
        Callback::from(move |(table, uses): (Rc<Table>, Rc<Vec<ColumnUse>>)| {
            Rc::new(wizard_preview(&i18n, kind, &ws, &table, &uses))
        })
    };
    let on_confirm = {
        let (ws, on_edit, open) = (props.ws.0.clone(), props.on_edit.clone(), open.clone());
        Callback::from(move |r: WizardResult| {
            let next = match kind {
                Kind::Opportunities => {
                    build_opportunities(&r.table, &r.uses, &ws, &reference_date(&ws))
                        .map(|p| apply_opportunities(&ws.ltc, &p))
                }
                Kind::Contracts => {
                    build_contracts(&r.table, &r.uses, &ws).map(|p| apply_contracts(&ws.ltc, &p))
                }
            };
            if let Ok(next) = next {
                on_edit.emit(Edit::SetLtc(Box::new(next)));
            }
            open.set(false);
        })
    };
    let template_xlsx = {
        let (ws, spec) = (props.ws.0.clone(), spec.clone());
        Callback::from(move |_: MouseEvent| {
            let sheet = Sheet {
                name: i18n.t(&format!("ltc_import.{k}_sheet")).to_string(),
                rows: template_for(&spec, &ws, i18n.lang == Lang::ZhCn),
                bold_first_row: true,
                column_widths: Vec::new(),
            };
            let name = file_name(&i18n, &format!("ltc_import.{k}_template_file"), &ws, "xlsx");
            let _ = download_bytes(&name, XLSX_MIME, &write_xlsx(&[sheet]));
        })
    };
    let template_csv = {
        let (ws, spec) = (props.ws.0.clone(), spec.clone());
        Callback::from(move |_: MouseEvent| {
            let mut rows = template_for(&spec, &ws, i18n.lang == Lang::ZhCn).into_iter();
            let header = rows.next().unwrap_or_default();
            let text = crate::persist::csv_export::to_csv(&header, rows);
            let name = file_name(&i18n, &format!("ltc_import.{k}_template_file"), &ws, "csv");
            let _ = download_text(&name, CSV_MIME, &text);
        })
    };
    let export = {
        let ws = props.ws.0.clone();
        Callback::from(move |_: MouseEvent| {
            let zh = i18n.lang == Lang::ZhCn;
            let today = super::today(&ws);
            let text = match kind {
                Kind::Opportunities => opportunities_csv(&ws, zh, today),
                Kind::Contracts => contracts_csv(&ws, zh, today),
            };
            let name = file_name(&i18n, &format!("ltc_import.{k}_export_file"), &ws, "csv");
            let _ = download_text(&name, CSV_MIME, &text);
        })
    };
    let templates = html! {
        <p class="import-template">
            <span class="muted">{ i18n.t(&format!("ltc_import.{k}_template_hint")) }</span>
            <button type="button" class="button button-small" onclick={template_xlsx}
                    data-testid={format!("ltc-{k}-template-xlsx")}>
                { i18n.t("import.template_xlsx") }
            </button>
            <button type="button" class="button button-small" onclick={template_csv}
                    data-testid={format!("ltc-{k}-template-csv")}>
                { i18n.t("import.template_csv") }
            </button>
        </p>
    };
    html! {
        <div class="ltc-files" data-testid={format!("ltc-{k}-files")}>
            <button type="button" class="button" onclick={show}
                    data-testid={format!("ltc-{k}-import")}>
                { i18n.t(&format!("ltc_import.{k}_button")) }
            </button>
            <button type="button" class="button" onclick={export}
                    data-testid={format!("ltc-{k}-export")}>
                { i18n.t(&format!("ltc_import.{k}_export")) }
            </button>
            if *open {
                <ImportWizard spec={(*spec).clone()} read={ReadKind::Table}
                    title={i18n.t(&format!("ltc_import.{k}_title")).to_string()}
                    hint={i18n.t(&format!("ltc_import.{k}_hint")).to_string()}
                    testid={format!("ltc-{k}-wizard")}
                    preview={preview} on_confirm={on_confirm} on_close={close}
                    file_step_extra={templates} />
            }
        </div>
    }
}

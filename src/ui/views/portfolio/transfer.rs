//! Tool 2's files: the import of business lines and of whitespace cells through the one import
//! wizard ([`crate::persist::portfolio_import`]), their templates (the lines' with two examples,
//! the whitespace's filled in with every account × line pair of the account's industry), and the
//! business lines' CSV export. Nothing changes until the import is confirmed; each import is one
//! undoable edit.

use std::rc::Rc;

use yew::prelude::*;

use super::horizon_name;
use crate::domain::portfolio::Portfolio;
use crate::domain::workspace::Workspace;
use crate::persist::files::{download_bytes, download_text};
use crate::persist::import::job::ReadKind;
use crate::persist::import::rows::{ColumnSummary, MappingProblem};
use crate::persist::import::schema::{ColumnUse, TableSpec};
use crate::persist::import::template::template_rows;
use crate::persist::import::{RowError, Table};
use crate::persist::portfolio_import::{
    apply_cells, apply_lines, build_cells, build_lines, cells_spec, cells_template_rows, lines_csv,
    lines_spec,
};
use crate::persist::xlsx_write::{write_xlsx, Sheet};
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::import_wizard::{ImportWizard, WizardPreview, WizardResult};
use crate::ui::modal::{use_dialog_switch, DialogSwitch};
use crate::ui::state::DocRef;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_MIME: &str = "text/csv;charset=utf-8";

/// Which table the buttons import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Business lines.
    Lines,
    /// Whitespace cells.
    Cells,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Lines => "lines",
            Kind::Cells => "cells",
        }
    }

    fn spec(self) -> TableSpec {
        match self {
            Kind::Lines => lines_spec(),
            Kind::Cells => cells_spec(),
        }
    }
}

/// Props of [`PortfolioFiles`].
#[derive(Properties, PartialEq)]
pub struct FilesProps {
    /// Lines or cells.
    pub kind: Kind,
    /// The open workspace.
    pub ws: DocRef,
    /// Called with the portfolio after a confirmed import.
    pub on_change: Callback<Portfolio>,
}

/// What an import of `kind` would do with a mapping, counted: (valid rows, updates, invalid
/// rows, blank rows, errors, columns); a mapping problem as `Err`.
type Counts = (
    usize,
    usize,
    usize,
    usize,
    Vec<RowError>,
    Vec<ColumnSummary>,
);

fn preview_counts(
    kind: Kind,
    ws: &Workspace,
    table: &Table,
    uses: &[ColumnUse],
) -> Result<Counts, MappingProblem> {
    Ok(match kind {
        Kind::Lines => {
            let p = build_lines(table, uses, &ws.portfolio, &ws.org.people)?;
            let invalid = p.invalid_rows().len();
            (
                p.lines.len(),
                p.updates(),
                invalid,
                p.skipped_blank,
                p.errors,
                p.columns,
            )
        }
        Kind::Cells => {
            let p = build_cells(table, uses, ws)?;
            let invalid = p.invalid_rows().len();
            let updates = p
                .cells
                .iter()
                .filter(|(_, c)| ws.portfolio.whitespace.iter().any(|x| x.id == c.id))
                .count();
            (
                p.cells.len(),
                updates,
                invalid,
                p.skipped_blank,
                p.errors,
                p.columns,
            )
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
                    i18n.t(&format!("portfolio.import_{k}_missing")).to_string()
                }
                MappingProblem::Twice(_) => i18n.t("portfolio.import_twice").to_string(),
            }),
            confirm_label: i18n.tf(&format!("portfolio.import_{k}_confirm"), &[("n", "0")]),
            ..WizardPreview::default()
        },
        Ok((valid, updates, invalid, blank, errors, columns)) => WizardPreview {
            valid,
            summary: i18n.tf(
                &format!("portfolio.import_{k}_summary"),
                &[
                    ("new", &(valid - updates).to_string()),
                    ("updated", &updates.to_string()),
                    ("invalid", &invalid.to_string()),
                    ("blank", &blank.to_string()),
                ],
            ),
            confirm_label: i18n.tf(
                &format!("portfolio.import_{k}_confirm"),
                &[("n", &valid.to_string())],
            ),
            errors,
            columns,
            ..WizardPreview::default()
        },
    }
}

/// The template of `kind` as rows (header first).
fn template(i18n: &I18n, kind: Kind, ws: &Workspace) -> Vec<Vec<String>> {
    let zh = i18n.lang == Lang::ZhCn;
    match kind {
        Kind::Lines => template_rows(&lines_spec(), zh),
        Kind::Cells => cells_template_rows(ws, zh),
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

/// The import button with its wizard, the template downloads and (for lines) the CSV export.
#[function_component(PortfolioFiles)]
pub fn portfolio_files(props: &FilesProps) -> Html {
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
        let (ws, on_change, open) = (props.ws.0.clone(), props.on_change.clone(), open.clone());
        Callback::from(move |r: WizardResult| {
            let next = match kind {
                Kind::Lines => build_lines(&r.table, &r.uses, &ws.portfolio, &ws.org.people)
                    .map(|p| apply_lines(&ws.portfolio, &p)),
                Kind::Cells => {
                    build_cells(&r.table, &r.uses, &ws).map(|p| apply_cells(&ws.portfolio, &p))
                }
            };
            if let Ok(next) = next {
                on_change.emit(next);
            }
            open.set(false);
        })
    };
    let template_xlsx = {
        let ws = props.ws.0.clone();
        Callback::from(move |_: MouseEvent| {
            let sheet = Sheet {
                name: i18n.t(&format!("portfolio.template_{k}_sheet")).to_string(),
                rows: template(&i18n, kind, &ws),
                bold_first_row: true,
                column_widths: Vec::new(),
            };
            let name = file_name(&i18n, &format!("portfolio.template_{k}_file"), &ws, "xlsx");
            let _ = download_bytes(&name, XLSX_MIME, &write_xlsx(&[sheet]));
        })
    };
    let template_csv = {
        let ws = props.ws.0.clone();
        Callback::from(move |_: MouseEvent| {
            let mut rows = template(&i18n, kind, &ws).into_iter();
            let header = rows.next().unwrap_or_default();
            let text = crate::persist::csv_export::to_csv(&header, rows);
            let name = file_name(&i18n, &format!("portfolio.template_{k}_file"), &ws, "csv");
            let _ = download_text(&name, CSV_MIME, &text);
        })
    };
    let export = {
        let ws = props.ws.0.clone();
        Callback::from(move |_: MouseEvent| {
            let text = lines_csv(&ws, i18n.lang == Lang::ZhCn, |h| horizon_name(&i18n, h));
            let name = file_name(&i18n, "portfolio.export_lines_file", &ws, "csv");
            let _ = download_text(&name, CSV_MIME, &text);
        })
    };
    let templates = html! {
        <p class="import-template">
            <span class="muted">{ i18n.t(&format!("portfolio.template_{k}_hint")) }</span>
            <button type="button" class="button button-small" onclick={template_xlsx.clone()}
                    data-testid={format!("portfolio-{k}-template-xlsx")}>
                { i18n.t("import.template_xlsx") }
            </button>
            <button type="button" class="button button-small" onclick={template_csv.clone()}
                    data-testid={format!("portfolio-{k}-template-csv")}>
                { i18n.t("import.template_csv") }
            </button>
        </p>
    };
    html! {
        <div class="portfolio-files" data-testid={format!("portfolio-{k}-files")}>
            <button type="button" class="button" onclick={show}
                    data-testid={format!("portfolio-{k}-import")}>
                { i18n.t(&format!("portfolio.import_{k}_button")) }
            </button>
            if kind == Kind::Lines {
                <button type="button" class="button" onclick={export}
                        data-testid="portfolio-lines-export">
                    { i18n.t("portfolio.export_lines") }
                </button>
            }
            if *open {
                <ImportWizard spec={(*spec).clone()} read={ReadKind::Table}
                    title={i18n.t(&format!("portfolio.import_{k}_title")).to_string()}
                    hint={i18n.t(&format!("portfolio.import_{k}_hint")).to_string()}
                    testid={format!("portfolio-{k}-wizard")}
                    preview={preview} on_confirm={on_confirm} on_close={close}
                    file_step_extra={templates} />
            }
        </div>
    }
}

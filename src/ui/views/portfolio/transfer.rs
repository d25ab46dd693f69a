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
use crate::persist::files::download_text;
use crate::persist::import::job::ReadKind;
use crate::persist::import::rows::MappingProblem;
use crate::persist::import::schema::{ColumnUse, TableSpec};
use crate::persist::import::template::template_rows;
use crate::persist::import::Table;
use crate::persist::portfolio_import::{
    apply_cells, apply_lines, build_cells, build_lines, cells_spec, cells_template_rows, lines_csv,
    lines_spec,
};
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::import_wizard::files::{
    counted_preview, file_name, template_buttons, ImportCounts, Templates, CSV_MIME,
};
use crate::ui::import_wizard::{ImportWizard, WizardResult};
use crate::ui::modal::{use_dialog_switch, DialogSwitch};
use crate::ui::state::DocRef;

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

/// What an import of `kind` would do with a mapping, counted.
fn preview_counts(
    kind: Kind,
    ws: &Workspace,
    table: &Table,
    uses: &[ColumnUse],
) -> Result<ImportCounts, MappingProblem> {
    Ok(match kind {
        Kind::Lines => {
            let p = build_lines(table, uses, &ws.portfolio, &ws.org.people)?;
            ImportCounts {
                valid: p.lines.len(),
                updates: p.updates(),
                invalid: p.invalid_rows().len(),
                blank: p.skipped_blank,
                errors: p.errors,
                columns: p.columns,
                notes: Vec::new(),
            }
        }
        Kind::Cells => {
            let p = build_cells(table, uses, ws)?;
            ImportCounts {
                valid: p.cells.len(),
                updates: p
                    .cells
                    .iter()
                    .filter(|(_, c)| ws.portfolio.whitespace.iter().any(|x| x.id == c.id))
                    .count(),
                invalid: p.invalid_rows().len(),
                blank: p.skipped_blank,
                errors: p.errors,
                columns: p.columns,
                notes: Vec::new(),
            }
        }
    })
}

/// The template of `kind` as rows (header first).
fn template(i18n: &I18n, kind: Kind, ws: &Workspace) -> Vec<Vec<String>> {
    let zh = i18n.lang == Lang::ZhCn;
    match kind {
        Kind::Lines => template_rows(&lines_spec(), zh),
        Kind::Cells => cells_template_rows(ws, zh),
    }
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
            Rc::new(counted_preview(
                &i18n,
                preview_counts(kind, &ws, &table, &uses),
                |part| format!("portfolio.import_{k}_{part}"),
                "portfolio.import_twice",
            ))
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
    let export = {
        let ws = props.ws.0.clone();
        Callback::from(move |_: MouseEvent| {
            let text = lines_csv(&ws, i18n.lang == Lang::ZhCn, |h| horizon_name(&i18n, h));
            let name = file_name(&i18n, "portfolio.export_lines_file", &ws.meta.name, "csv");
            let _ = download_text(&name, CSV_MIME, &text);
        })
    };
    let templates = template_buttons(
        &i18n,
        Templates {
            hint: i18n.t(&format!("portfolio.template_{k}_hint")).to_string(),
            sheet: i18n.t(&format!("portfolio.template_{k}_sheet")).to_string(),
            file_key: format!("portfolio.template_{k}_file"),
            workspace_name: props.ws.0.meta.name.clone(),
            testid: format!("portfolio-{k}"),
            rows: {
                let ws = props.ws.0.clone();
                Rc::new(move || template(&i18n, kind, &ws))
            },
        },
    );
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

//! LTC's files: the import of opportunities and of contracts through the one import wizard
//! ([`crate::persist::ltc_import`]), their templates (CSV and .xlsx, a header and two example
//! rows), and the CSV exports. Nothing changes until the import is confirmed; each import is one
//! undoable edit of the whole LTC document (all valid rows or nothing).

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::dates::iso_from_days;
use crate::domain::edit::Edit;
use crate::domain::workspace::Workspace;
use crate::persist::files::download_text;
use crate::persist::import::job::ReadKind;
use crate::persist::import::rows::MappingProblem;
use crate::persist::import::schema::{ColumnUse, TableSpec};
use crate::persist::import::Table;
use crate::persist::ltc_import::{
    apply_contracts, apply_opportunities, build_contracts, build_opportunities, contracts_csv,
    contracts_spec, opportunities_csv, opportunities_spec, template_for,
};
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::import_wizard::files::{
    counted_preview, file_name, template_buttons, ImportCounts, Templates, CSV_MIME,
};
use crate::ui::import_wizard::{ImportWizard, WizardResult};
use crate::ui::modal::{use_dialog_switch, DialogSwitch};
use crate::ui::state::DocRef;

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

/// What an import of `kind` would do with a mapping, counted (owners not found among the
/// people listed in a note).
fn preview_counts(
    i18n: &I18n,
    kind: Kind,
    ws: &Workspace,
    table: &Table,
    uses: &[ColumnUse],
) -> Result<ImportCounts, MappingProblem> {
    Ok(match kind {
        Kind::Opportunities => {
            let p = build_opportunities(table, uses, ws, &reference_date(ws))?;
            let mut notes = Vec::new();
            if !p.unknown_owners.is_empty() {
                let names: Vec<&str> = p
                    .unknown_owners
                    .iter()
                    .take(10)
                    .map(String::as_str)
                    .collect();
                notes.push(i18n.tf(
                    "ltc_import.unknown_owners",
                    &[
                        ("n", &p.unknown_owners.len().to_string()),
                        ("names", &names.join(i18n.t("explain.list_separator"))),
                    ],
                ));
            }
            ImportCounts {
                valid: p.opportunities.len(),
                updates: p.updates,
                invalid: p.invalid_rows().len(),
                blank: p.skipped_blank,
                errors: p.errors,
                columns: p.columns,
                notes,
            }
        }
        Kind::Contracts => {
            let p = build_contracts(table, uses, ws)?;
            ImportCounts {
                valid: p.contracts.len(),
                updates: p.updates,
                invalid: p.invalid_rows().len(),
                blank: p.skipped_blank,
                errors: p.errors,
                columns: p.columns,
                notes: Vec::new(),
            }
        }
    })
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
            Rc::new(counted_preview(
                &i18n,
                preview_counts(&i18n, kind, &ws, &table, &uses),
                |part| format!("ltc_import.{k}_{part}"),
                "ltc_import.twice",
            ))
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
    let export = {
        let ws = props.ws.0.clone();
        Callback::from(move |_: MouseEvent| {
            let zh = i18n.lang == Lang::ZhCn;
            let today = super::today(&ws);
            let text = match kind {
                Kind::Opportunities => opportunities_csv(&ws, zh, today),
                Kind::Contracts => contracts_csv(&ws, zh, today),
            };
            let name = file_name(
                &i18n,
                &format!("ltc_import.{k}_export_file"),
                &ws.meta.name,
                "csv",
            );
            let _ = download_text(&name, CSV_MIME, &text);
        })
    };
    let templates = template_buttons(
        &i18n,
        Templates {
            hint: i18n.t(&format!("ltc_import.{k}_template_hint")).to_string(),
            sheet: i18n.t(&format!("ltc_import.{k}_sheet")).to_string(),
            file_key: format!("ltc_import.{k}_template_file"),
            workspace_name: props.ws.0.meta.name.clone(),
            testid: format!("ltc-{k}"),
            rows: {
                let (ws, spec) = (props.ws.0.clone(), spec.clone());
                Rc::new(move || template_for(&spec, &ws, i18n.lang == Lang::ZhCn))
            },
        },
    );
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

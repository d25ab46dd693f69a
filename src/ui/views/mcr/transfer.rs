//! MCR's files: the stakeholder import through the one import wizard
//! ([`crate::persist::mcr_import`]), its template (CSV and .xlsx, a header and two example
//! rows) and the CSV export of every stakeholder. Nothing changes until the import is confirmed;
//! the import is one undoable edit of the whole MCR document (all valid rows or nothing).

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::edit::Edit;
use crate::domain::workspace::Workspace;
use crate::persist::files::download_text;
use crate::persist::import::job::ReadKind;
use crate::persist::import::rows::MappingProblem;
use crate::persist::import::schema::ColumnUse;
use crate::persist::import::Table;
use crate::persist::mcr_import::{
    apply_stakeholders, build_stakeholders, stakeholders_csv, stakeholders_spec,
    stakeholders_template,
};
use crate::ui::i18n::{use_i18n, Lang};
use crate::ui::import_wizard::files::{
    counted_preview, file_name, template_buttons, ImportCounts, Templates, CSV_MIME,
};
use crate::ui::import_wizard::{ImportWizard, WizardResult};
use crate::ui::modal::{use_dialog_switch, DialogSwitch};
use crate::ui::state::DocRef;

/// Props of [`McrTransfer`].
#[derive(Properties, PartialEq)]
pub struct McrTransferProps {
    /// The open workspace.
    pub ws: DocRef,
    /// Applies the confirmed import (one `SetMcr`).
    pub on_edit: Callback<Edit>,
}

/// What the import would do with a mapping, counted.
fn preview_counts(
    ws: &Workspace,
    table: &Table,
    uses: &[ColumnUse],
) -> Result<ImportCounts, MappingProblem> {
    let p = build_stakeholders(table, uses, ws)?;
    Ok(ImportCounts {
        valid: p.stakeholders.len(),
        updates: p.updates,
        invalid: p.invalid_rows().len(),
        blank: p.skipped_blank,
        errors: p.errors,
        columns: p.columns,
        notes: Vec::new(),
    })
}

/// The stakeholder import and export buttons, with the wizard and its template downloads.
#[function_component(McrTransfer)]
pub fn mcr_transfer(props: &McrTransferProps) -> Html {
    let i18n = use_i18n();
    let DialogSwitch { open, show, close } = use_dialog_switch();
    let spec = use_memo((), |_| Rc::new(stakeholders_spec()));
    let preview = {
        let ws = props.ws.0.clone();
        Callback::from(move |(table, uses): (Rc<Table>, Rc<Vec<ColumnUse>>)| {
            Rc::new(counted_preview(
                &i18n,
                preview_counts(&ws, &table, &uses),
                |part| format!("mcr_import.{part}"),
                "mcr_import.twice",
            ))
        })
    };
    let on_confirm = {
        let (ws, on_edit, open) = (props.ws.0.clone(), props.on_edit.clone(), open.clone());
        Callback::from(move |r: WizardResult| {
            if let Ok(p) = build_stakeholders(&r.table, &r.uses, &ws) {
                on_edit.emit(Edit::SetMcr(Box::new(apply_stakeholders(&ws.mcr, &p))));
            }
            open.set(false);
        })
    };
    let export = {
        let ws = props.ws.0.clone();
        Callback::from(move |_: MouseEvent| {
            let text = stakeholders_csv(&ws, i18n.lang == Lang::ZhCn);
            let name = file_name(&i18n, "mcr_import.export_file", &ws.meta.name, "csv");
            let _ = download_text(&name, CSV_MIME, &text);
        })
    };
    let templates = template_buttons(
        &i18n,
        Templates {
            hint: i18n.t("mcr_import.template_hint").to_string(),
            sheet: i18n.t("mcr_import.sheet").to_string(),
            file_key: "mcr_import.template_file".to_string(),
            workspace_name: props.ws.0.meta.name.clone(),
            testid: "mcr-stakeholders".to_string(),
            rows: {
                let ws = props.ws.0.clone();
                Rc::new(move || stakeholders_template(&ws, i18n.lang == Lang::ZhCn))
            },
        },
    );
    html! {
        <div class="mcr-files" data-testid="mcr-stakeholders-files">
            <button type="button" class="button" onclick={show}
                    data-testid="mcr-stakeholders-import">
                { i18n.t("mcr_import.button") }
            </button>
            <button type="button" class="button" onclick={export}
                    data-testid="mcr-stakeholders-export">
                { i18n.t("mcr_import.export") }
            </button>
            if *open {
                <ImportWizard spec={(*spec).clone()} read={ReadKind::Table}
                    title={i18n.t("mcr_import.title").to_string()}
                    hint={i18n.t("mcr_import.hint").to_string()}
                    testid="mcr-stakeholders-wizard"
                    preview={preview} on_confirm={on_confirm} on_close={close}
                    file_step_extra={templates} />
            }
        </div>
    }
}

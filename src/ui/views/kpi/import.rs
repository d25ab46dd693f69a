//! Importing actuals per person from a CSV or .xlsx file: the one import wizard with the actuals
//! table kind ([`crate::persist::kpi_import`], one field per indicator of the scorecards); nothing
//! changes until confirmed.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::kpi::import::{apply_actuals, ActualsErrorKind, ActualsPreview};
use crate::domain::kpi::Kpi;
use crate::domain::org::OrgDesign;
use crate::persist::import::job::ReadKind;
use crate::persist::import::rows::MappingProblem;
use crate::persist::import::schema::ColumnUse;
use crate::persist::import::{ImportReason, RowError, Table};
use crate::persist::kpi_import::{actuals_spec, read_actuals_with};
use crate::ui::i18n::use_i18n;
use crate::ui::import_wizard::{ImportWizard, WizardPreview, WizardResult};
use crate::ui::modal::{use_dialog_switch, DialogSwitch};

/// Props of [`ActualsImport`].
#[derive(Properties, PartialEq)]
pub struct ActualsImportProps {
    /// The document.
    pub kpi: Kpi,
    /// The people.
    pub org: Rc<OrgDesign>,
    /// The document with the imported actuals.
    pub on_change: Callback<Kpi>,
}

/// An actuals error as a row error of the wizard.
fn row_error(table: &Table, e: &crate::domain::kpi::import::ActualsError) -> RowError {
    let column_index = table
        .headers
        .iter()
        .position(|h| h.trim() == e.column)
        .unwrap_or(0);
    RowError {
        row: e.row,
        column: e.column.clone(),
        column_index,
        value: e.value.clone(),
        reason: match e.kind {
            ActualsErrorKind::UnknownPerson => ImportReason::UnknownPerson,
            ActualsErrorKind::AmbiguousPerson => ImportReason::AmbiguousPerson,
            ActualsErrorKind::NoScorecard => ImportReason::NoScorecard,
            ActualsErrorKind::UnknownIndicator => ImportReason::UnknownIndicator,
            ActualsErrorKind::NotANumber => ImportReason::NotANumber,
        },
    }
}

/// The import button and its wizard.
#[function_component(ActualsImport)]
pub fn actuals_import(props: &ActualsImportProps) -> Html {
    let i18n = use_i18n();
    let DialogSwitch { open, show, close } = use_dialog_switch();
    let spec = use_memo(props.kpi.scorecards.clone(), |_| {
        Rc::new(actuals_spec(&props.kpi))
    });
    let read = |kpi: &Kpi, org: &OrgDesign, table: &Table, uses: &[ColumnUse]| {
        read_actuals_with(kpi, org, table, uses)
    };
    let preview = {
        let (kpi, org) = (props.kpi.clone(), props.org.clone());
        Callback::from(move |(table, uses): (Rc<Table>, Rc<Vec<ColumnUse>>)| {
            Rc::new(match read(&kpi, &org, &table, &uses) {
                Err(MappingProblem::Missing(_)) => WizardPreview {
                    problem: Some(i18n.t("kpi.import_no_person").to_string()),
                    confirm_label: i18n.t("kpi.import_confirm").to_string(),
                    ..WizardPreview::default()
                },
                Err(MappingProblem::Twice(_)) => WizardPreview {
                    problem: Some(i18n.t("kpi.import_twice").to_string()),
                    confirm_label: i18n.t("kpi.import_confirm").to_string(),
                    ..WizardPreview::default()
                },
                Ok(p) => preview_of(&i18n, &table, &p),
            })
        })
    };
    let on_confirm = {
        let (kpi, org, on_change, open) = (
            props.kpi.clone(),
            props.org.clone(),
            props.on_change.clone(),
            open.clone(),
        );
        Callback::from(move |r: WizardResult| {
            if let Ok(p) = read(&kpi, &org, &r.table, &r.uses) {
                on_change.emit(apply_actuals(&kpi, &p));
            }
            open.set(false);
        })
    };
    html! {
        <div class="kpi-import">
            <button type="button" class="button" onclick={show} data-testid="kpi-import">{ i18n.t("kpi.import_button") }</button>
            if *open {
                <ImportWizard spec={(*spec).clone()} read={ReadKind::Table}
                    title={i18n.t("kpi.import_title")} hint={i18n.t("kpi.import_hint")} testid="kpi-import"
                    preview={preview} on_confirm={on_confirm} on_close={close} />
            }
        </div>
    }
}

/// The wizard's view of an actuals preview.
fn preview_of(i18n: &crate::ui::i18n::I18n, table: &Table, p: &ActualsPreview) -> WizardPreview {
    WizardPreview {
        valid: p.values.len(),
        summary: i18n.tf(
            "kpi.import_summary",
            &[
                ("values", &p.values.len().to_string()),
                ("errors", &p.errors.len().to_string()),
            ],
        ),
        errors: p.errors.iter().map(|e| row_error(table, e)).collect(),
        confirm_label: i18n.t("kpi.import_confirm").to_string(),
        ..WizardPreview::default()
    }
}

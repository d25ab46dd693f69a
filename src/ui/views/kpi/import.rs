//! Importing actuals per person from a CSV or .xlsx file, read by the customer import's readers:
//! a preview with the number of values and every row error; nothing changes until confirmed.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::kpi::import::{apply_actuals, read_actuals, ActualsErrorKind, ActualsPreview};
use crate::domain::kpi::Kpi;
use crate::domain::org::OrgDesign;
use crate::persist::import::{read_table_with, BeyondHeader};
use crate::ui::file_pick::{
    beyond_header_note, import_file_callbacks, ImportFileSteps, PendingRead, ReadFailure,
    ReadFailureNote,
};
use crate::ui::i18n::{use_i18n, I18n};

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

#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    Failed(ReadFailure),
    Preview(Rc<ActualsPreview>, Option<BeyondHeader>),
}

fn reason(i18n: &I18n, k: &ActualsErrorKind) -> String {
    i18n.t(match k {
        ActualsErrorKind::UnknownPerson => "kpi.import_unknown_person",
        ActualsErrorKind::AmbiguousPerson => "kpi.import_ambiguous_person",
        ActualsErrorKind::NoScorecard => "kpi.import_no_card",
        ActualsErrorKind::UnknownIndicator => "kpi.import_unknown_indicator",
        ActualsErrorKind::NotANumber => "kpi.import_nan",
    })
    .to_string()
}

/// The import button and its preview.
#[function_component(ActualsImport)]
pub fn actuals_import(props: &ActualsImportProps) -> Html {
    let i18n = use_i18n();
    let step = use_state(|| Step::Idle);
    // The read in progress; dropped with the component.
    let pending: PendingRead = use_mut_ref(|| None);
    // Reads the file's bytes into a preview (or the error).
    let (on_file, read_anyway) = {
        let (to_preview, failed) = (step.clone(), step.clone());
        let kpi = props.kpi.clone();
        let org = props.org.clone();
        import_file_callbacks(
            &pending,
            ImportFileSteps {
                read: read_table_with,
                on_table: Rc::new(move |_, t| {
                    let preview = read_actuals(&kpi, &org, &t.headers, &t.rows, &t.row_numbers);
                    to_preview.set(Step::Preview(Rc::new(preview), t.beyond_header));
                }),
                on_failure: Rc::new(move |error| failed.set(Step::Failed(error))),
                on_reading: Rc::new(|_| {}),
            },
        )
    };
    let on_cancel = {
        let step = step.clone();
        Callback::from(move |_| step.set(Step::Idle))
    };
    let on_confirm = {
        let step = step.clone();
        let kpi = props.kpi.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |_| {
            if let Step::Preview(p, _) = &*step {
                on_change.emit(apply_actuals(&kpi, p));
            }
            step.set(Step::Idle);
        })
    };
    html! {
        <div class="kpi-import">
            <label class="button file-pick">
                <span>{ i18n.t("kpi.import_button") }</span>
                <input type="file" accept=".csv,.txt,.xlsx,text/csv" onchange={on_file}
                       class="visually-hidden" data-testid="kpi-import-file" />
            </label>
            { match &*step {
                Step::Idle => html! {},
                Step::Failed(failure) => html! {
                    <ReadFailureNote failure={failure.clone()} class={classes!("kpi-problems", "is-error")}
                        testid="kpi-import-error" on_read_anyway={read_anyway.clone()} />
                },
                Step::Preview(p, beyond) => html! {
                    <div class="kpi-import-preview" data-testid="kpi-import-preview">
                        { beyond_header_note(&i18n, *beyond) }
                        <p>{ i18n.tf("kpi.import_summary", &[("values", &p.values.len().to_string()), ("errors", &p.errors.len().to_string())]) }</p>
                        if !p.errors.is_empty() {
                            <table class="data-table" data-testid="kpi-import-errors">
                                <thead><tr>
                                    <th scope="col" class="num">{ i18n.t("kpi.col_row") }</th>
                                    <th scope="col">{ i18n.t("kpi.col_column") }</th>
                                    <th scope="col">{ i18n.t("kpi.col_value") }</th>
                                    <th scope="col">{ i18n.t("kpi.col_reason") }</th>
                                </tr></thead>
                                <tbody>
                                    { for p.errors.iter().map(|e| html! {
                                        <tr>
                                            <td class="num">{ e.row }</td>
                                            <td>{ e.column.clone() }</td>
                                            <td>{ e.value.clone() }</td>
                                            <td>{ reason(&i18n, &e.kind) }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        }
                        <div class="kpi-import-actions">
                            <button type="button" class="button button-primary" onclick={on_confirm}
                                    disabled={p.values.is_empty()} data-testid="kpi-import-confirm">{ i18n.t("kpi.import_confirm") }</button>
                            <button type="button" class="button" onclick={on_cancel}>{ i18n.t("kpi.import_cancel") }</button>
                        </div>
                    </div>
                },
            } }
        </div>
    }
}

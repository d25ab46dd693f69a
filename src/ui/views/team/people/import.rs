//! Importing people from CSV / .xlsx: file → column mapping → preview with row errors → confirm
//! (all valid rows in one undoable change, or nothing). The same flow and readers as the
//! customer import; the people-specific half is [`crate::persist::people_import`].

use std::rc::Rc;

use yew::prelude::*;

use super::{role_label, set_org};
use crate::domain::org::people::{add_people, format_fte, MAX_CAPACITY_FTE};
use crate::persist::files::download_text;
use crate::persist::import::Table;
use crate::persist::people_import::{
    build_people, detect_mapping, invalid_people_csv, read_people_table_with, PeopleMappingError,
    PeoplePreview, PersonReason, PersonRowError, PersonTarget,
};
use crate::ui::file_pick::{
    beyond_header_note, import_file_callbacks, ImportFileSteps, PendingRead, ReadFailure,
    ReadFailureNote,
};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::use_workspace;
use crate::ui::views::customers::Select;

/// Rows listed in the preview and in the error table (the download has every error).
const LISTED: usize = 50;

/// Why a cell is invalid, in the user's language.
pub fn person_reason_text(i18n: &I18n, r: &PersonReason) -> String {
    match r {
        PersonReason::MissingName => i18n.t("team_admin.reason_missing_name").to_string(),
        PersonReason::MissingRole => i18n.t("team_admin.reason_missing_role").to_string(),
        PersonReason::UnknownRole => i18n.t("team_admin.reason_unknown_role").to_string(),
        PersonReason::CapacityNotANumber => i18n.t("team_admin.problem_capacity_nan").to_string(),
        PersonReason::CapacityOutOfRange => i18n.tf(
            "team_admin.problem_capacity_range",
            &[("max", &MAX_CAPACITY_FTE.to_string())],
        ),
        PersonReason::TooLong { max } => {
            i18n.tf("team_admin.problem_too_long", &[("max", &max.to_string())])
        }
    }
}

/// A mapping problem in the user's language.
fn mapping_error_text(i18n: &I18n, e: &PeopleMappingError) -> String {
    match e {
        PeopleMappingError::NoNameColumn => i18n.t("team_admin.import_no_name").to_string(),
        PeopleMappingError::NoRoleColumn => i18n.t("team_admin.import_no_role").to_string(),
        PeopleMappingError::DuplicateTarget(t) => i18n.tf(
            "team_admin.import_duplicate",
            &[("field", &target_label(i18n, *t))],
        ),
    }
}

/// The label of a person field.
fn target_label(i18n: &I18n, t: PersonTarget) -> String {
    i18n.t(&format!("team_admin.target_{}", t.key()))
        .to_string()
}

/// State of the dialog.
#[derive(Clone, PartialEq)]
enum Step {
    ChooseFile { error: Option<ReadFailure> },
    Reading { file_name: String },
    Map { file_name: String, table: Rc<Table> },
}

/// Props of [`PeopleImport`].
#[derive(Properties, PartialEq)]
pub struct PeopleImportProps {
    /// Imported or cancelled.
    pub on_close: Callback<()>,
}

/// The import dialog.
#[function_component(PeopleImport)]
pub fn people_import(props: &PeopleImportProps) -> Html {
    let i18n = use_i18n();
    let step = use_state(|| Step::ChooseFile { error: None });
    let mapping = use_state(Vec::<PersonTarget>::new);
    let reader: PendingRead = use_mut_ref(|| None);
    let close = {
        let reader = reader.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| {
            reader.borrow_mut().take();
            on_close.emit(());
        })
    };
    let on_keydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_close.emit(());
            }
        })
    };
    // Reads the file's bytes into the mapping step (or back to the file choice with the error).
    let (on_file, read_anyway) = {
        let (to_map, failed, reading) = (step.clone(), step.clone(), step.clone());
        let mapping = mapping.clone();
        import_file_callbacks(
            &reader,
            ImportFileSteps {
                read: read_people_table_with,
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
    let body = match &*step {
        Step::ChooseFile { error } => html! {
            <>
                <h2 id="pi-title" class="dialog-title">{ i18n.t("team_admin.import_title") }</h2>
                <p class="dialog-body">{ i18n.t("team_admin.import_hint") }</p>
                <label class="file-pick">
                    <span>{ i18n.t("import.choose_file") }</span>
                    <input type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv" onchange={on_file}
                           data-testid="people-import-file" />
                </label>
                if let Some(error) = error {
                    <ReadFailureNote failure={error.clone()} class={classes!("dialog-error")}
                        testid="people-import-error" on_read_anyway={read_anyway.clone()} />
                }
                <div class="dialog-actions">
                    <button type="button" class="button" onclick={close.clone()}
                            data-testid="people-import-cancel">{ i18n.t("dialog.cancel") }</button>
                </div>
            </>
        },
        Step::Reading { file_name } => html! {
            <p role="status" id="pi-title">{ i18n.tf("import.reading", &[("file", file_name)]) }</p>
        },
        Step::Map { file_name, table } => html! {
            <MappingStep file_name={file_name.clone()} table={table.clone()} mapping={(*mapping).clone()}
                on_mapping={{ let mapping = mapping.clone(); Callback::from(move |m| mapping.set(m)) }}
                on_close={close.clone()} on_done={props.on_close.clone()} />
        },
    };
    let wide = matches!(&*step, Step::Map { .. });
    html! {
        <div class="dialog-backdrop" onkeydown={on_keydown}>
            <div class={classes!("dialog", "import-dialog", wide.then_some("import-dialog-wide"))} role="dialog"
                 aria-modal="true" aria-labelledby="pi-title" data-testid="people-import-dialog">
                { body }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct MappingStepProps {
    file_name: AttrValue,
    table: Rc<Table>,
    mapping: Vec<PersonTarget>,
    on_mapping: Callback<Vec<PersonTarget>>,
    on_close: Callback<MouseEvent>,
    on_done: Callback<()>,
}

/// Column mapping, preview and confirmation.
#[function_component(MappingStep)]
fn mapping_step(props: &MappingStepProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let table = props.table.clone();
    let preview = use_memo(
        (table.clone(), props.mapping.clone(), ws.org.roles.clone()),
        |(t, m, roles)| build_people(t, m, roles).map(Rc::new),
    );
    let refused = use_state(|| None::<String>);
    let download_invalid = {
        let table = table.clone();
        let preview = preview.clone();
        let file_name = props.file_name.clone();
        Callback::from(move |_| {
            if let Ok(p) = &*preview {
                let text = invalid_people_csv(&table, p, |e: &PersonRowError| {
                    person_reason_text(&i18n, &e.reason)
                });
                let _ = download_text(
                    &format!("{file_name}-invalid-rows.csv"),
                    "text/csv;charset=utf-8",
                    &text,
                );
            }
        })
    };
    let confirm = {
        let preview = preview.clone();
        let handle = handle.clone();
        let on_done = props.on_done.clone();
        let refused = refused.clone();
        Callback::from(move |_| {
            if let Ok(p) = &*preview {
                if !p.people.is_empty() {
                    let people = p.people.iter().map(|(_, p)| p.clone()).collect();
                    let next = add_people(&handle.workspace().org, people);
                    match set_org(&handle, &i18n, next) {
                        None => on_done.emit(()),
                        Some(m) => refused.set(Some(m)),
                    }
                }
            }
        })
    };
    let valid = match &*preview {
        Ok(p) => p.people.len(),
        Err(_) => 0,
    };
    let result = match &*preview {
        Err(e) => html! {
            <p class="dialog-error" role="alert" data-testid="people-import-error">{ mapping_error_text(&i18n, e) }</p>
        },
        Ok(p) => preview_html(&i18n, &ws.org, p, download_invalid),
    };
    let options: Vec<(AttrValue, AttrValue)> = PersonTarget::ALL
        .iter()
        .map(|t| (t.key().into(), target_label(&i18n, *t).into()))
        .collect();
    html! {
        <>
            <h2 id="pi-title" class="dialog-title">{ i18n.tf("team_admin.import_map_title", &[("file", &props.file_name)]) }</h2>
            <p class="dialog-body">{ i18n.t("team_admin.import_map_hint") }</p>
            { beyond_header_note(&i18n, table.beyond_header) }
            <div class="table-scroll">
            <table class="data-table import-mapping" data-testid="people-import-mapping">
                <thead><tr>
                    <th scope="col">{ i18n.t("import.col_header") }</th>
                    <th scope="col">{ i18n.t("import.col_field") }</th>
                    <th scope="col">{ i18n.t("import.col_sample") }</th>
                </tr></thead>
                <tbody>
                { for table.headers.iter().enumerate().map(|(i, h)| {
                    let current = props.mapping.get(i).copied().unwrap_or(PersonTarget::Ignore);
                    let on_pick = {
                        let mapping = props.mapping.clone();
                        let on_mapping = props.on_mapping.clone();
                        let width = table.headers.len();
                        Callback::from(move |v: String| {
                            let mut next = mapping.clone();
                            next.resize(width, PersonTarget::Ignore);
                            if let Some(t) = PersonTarget::from_key(&v) {
                                next[i] = t;
                            }
                            on_mapping.emit(next);
                        })
                    };
                    let sample: Vec<String> = table.rows.iter().take(3).filter_map(|r| r.get(i).cloned()).collect();
                    html! {
                        <tr>
                            <th scope="row">{ h.clone() }</th>
                            <td><label class="visually-hidden" for={format!("pi-map-{i}")}>{ h.clone() }</label>
                                <Select id={format!("pi-map-{i}")} testid={format!("people-import-map-{i}")}
                                        value={AttrValue::from(current.key())} options={options.clone()} onchange={on_pick} /></td>
                            <td class="muted">{ sample.join(" · ") }</td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
            </div>
            { result }
            if let Some(m) = &*refused {
                <p class="dialog-error" role="alert">{ m.clone() }</p>
            }
            <div class="dialog-actions">
                <button type="button" class="button" onclick={props.on_close.clone()}
                        data-testid="people-import-cancel">{ i18n.t("dialog.cancel") }</button>
                <button type="button" class="button button-primary" onclick={confirm} disabled={valid == 0}
                        data-testid="people-import-confirm">{ i18n.tf("team_admin.import_confirm", &[("n", &valid.to_string())]) }</button>
            </div>
        </>
    }
}

/// The summary, the people to be added and the row errors.
fn preview_html(
    i18n: &I18n,
    org: &crate::domain::org::OrgDesign,
    p: &PeoplePreview,
    download_invalid: Callback<MouseEvent>,
) -> Html {
    let invalid = p.invalid_rows().len();
    html! {
        <>
            <p class="import-summary" data-testid="people-import-summary">
                { i18n.tf("team_admin.import_summary", &[("valid", &p.people.len().to_string()),
                    ("invalid", &invalid.to_string()), ("blank", &p.skipped_blank.to_string())]) }
            </p>
            if !p.people.is_empty() {
                <div class="table-scroll import-errors">
                <table class="data-table" data-testid="people-import-preview">
                    <caption class="ta-caption">{ i18n.t("team_admin.import_preview") }</caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("import.col_row") }</th>
                        <th scope="col">{ i18n.t("team_admin.col_name") }</th>
                        <th scope="col">{ i18n.t("team_admin.col_role") }</th>
                        <th scope="col">{ i18n.t("team_admin.col_level") }</th>
                        <th scope="col" class="num">{ i18n.t("team_admin.col_capacity") }</th>
                        <th scope="col">{ i18n.t("team_admin.col_source") }</th>
                    </tr></thead>
                    <tbody>
                    { for p.people.iter().take(LISTED).map(|(row, person)| html! {
                        <tr><td class="num">{ *row }</td><td>{ person.name.clone() }</td>
                            <td>{ role_label(i18n, org, &person.role) }</td><td>{ person.level.clone() }</td>
                            <td class="num">{ format_fte(person.capacity_fte) }</td><td>{ person.source.clone() }</td></tr>
                    }) }
                    </tbody>
                </table>
                </div>
            }
            if !p.errors.is_empty() {
                <div class="table-scroll import-errors">
                <table class="data-table" data-testid="people-import-errors">
                    <caption class="ta-caption">{ i18n.t("team_admin.import_errors") }</caption>
                    <thead><tr>
                        <th scope="col">{ i18n.t("import.col_row") }</th>
                        <th scope="col">{ i18n.t("import.col_column") }</th>
                        <th scope="col">{ i18n.t("import.col_value") }</th>
                        <th scope="col">{ i18n.t("import.col_reason") }</th>
                    </tr></thead>
                    <tbody>
                    { for p.errors.iter().take(LISTED).map(|e| html! {
                        <tr><td class="num">{ e.row }</td><td>{ e.column.clone() }</td><td>{ e.value.clone() }</td>
                            <td>{ person_reason_text(i18n, &e.reason) }</td></tr>
                    }) }
                    </tbody>
                </table>
                </div>
                if p.errors.len() > LISTED {
                    <p class="muted">{ i18n.tf("tiering.more", &[("n", &(p.errors.len() - LISTED).to_string())]) }</p>
                }
                <button type="button" class="button" onclick={download_invalid} data-testid="people-import-download-invalid">
                    { i18n.t("import.download_invalid") }
                </button>
            }
        </>
    }
}

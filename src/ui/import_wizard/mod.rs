//! The one import wizard for every table kind: file choice → column mapping with the reason for
//! each guess → preview of the values as read → row errors → where the data goes → confirm.
//! A table kind is described by data ([`TableSpec`]); the host gives the wizard a `preview`
//! function for its kind (what the import would do with a mapping) and applies the result.
//! Nothing changes before the confirmation.

pub mod files;
mod mapping;
pub mod text;

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::number::format_count;
use crate::persist::files::download_text;
use crate::persist::import::job::ReadKind;
use crate::persist::import::progress::Progress;
use crate::persist::import::rows::{invalid_rows_csv_with, ColumnSummary};
use crate::persist::import::schema::{detect, ColumnUse, Guess, TableSpec, ValueKind};
use crate::persist::import::{RowError, Table};
use crate::ui::file_pick::{
    beyond_header_note, import_file_callbacks, ImportFileSteps, PendingRead, ReadFailure,
    ReadFailureNote,
};
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::modal::Modal;
use mapping::{MappingTable, StoredPreview};
pub use text::{import_error_text, reason_text, value_text};

/// Row errors listed in the dialog (the download has them all).
const LISTED_ERRORS: usize = 50;

/// A warning that blocks the import until the user picks a column for `field` or confirms going
/// on without it.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFieldWarning {
    /// What is missing and what it means.
    pub message: String,
    /// The field a column can be picked for.
    pub field: usize,
    /// The label of the "import without" confirmation.
    pub without: String,
}

/// What an import would do with a mapping, as the host's kind computes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WizardPreview {
    /// Records that would be imported.
    pub valid: usize,
    /// A mapping problem that stops the import (no name column, a field twice).
    pub problem: Option<String>,
    /// Every error of every invalid row.
    pub errors: Vec<RowError>,
    /// One line: valid, invalid and skipped rows.
    pub summary: String,
    /// Further facts (new industry lines, owners not found).
    pub notes: Vec<String>,
    /// A blocking warning about the mapping.
    pub key_fields: Option<KeyFieldWarning>,
    /// Per column of the table.
    pub columns: Vec<ColumnSummary>,
    /// The confirm button's label ("导入 20 个客户").
    pub confirm_label: String,
}

/// What the host computes for a table and a mapping.
pub type PreviewFn = Callback<(Rc<Table>, Rc<Vec<ColumnUse>>), Rc<WizardPreview>>;

/// Where confirmed rows go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    /// A new workspace, named by the user.
    NewWorkspace,
    /// Added to the open workspace.
    Add,
    /// Replacing the open workspace's records of this kind.
    Replace,
}

/// What the user confirmed.
#[derive(Clone, Debug, PartialEq)]
pub struct WizardResult {
    /// The file read.
    pub table: Rc<Table>,
    /// The mapping.
    pub uses: Rc<Vec<ColumnUse>>,
    /// Where the rows go.
    pub destination: Destination,
    /// The new workspace's name (for [`Destination::NewWorkspace`]).
    pub workspace_name: String,
}

/// Props of [`ImportWizard`].
#[derive(Properties, PartialEq)]
pub struct ImportWizardProps {
    /// The table kind.
    pub spec: Rc<TableSpec>,
    /// Which reader the import worker runs on the file.
    pub read: ReadKind,
    /// Heading of the file step.
    pub title: AttrValue,
    /// What the file step explains.
    pub hint: AttrValue,
    /// Prefix of every `data-testid` (`import`, `people-import`, …).
    pub testid: AttrValue,
    /// What an import would do with a mapping.
    pub preview: PreviewFn,
    /// The destinations offered, with their labels; none: the rows are added.
    #[prop_or_default]
    pub destinations: Vec<(Destination, AttrValue)>,
    /// The destination chosen at first.
    #[prop_or(Destination::Add)]
    pub default_destination: Destination,
    /// A table to start from (the wizard opens at the mapping step).
    #[prop_or_default]
    pub start: Option<(AttrValue, Rc<Table>)>,
    /// Extra content of the file step (template downloads).
    #[prop_or_default]
    pub file_step_extra: Html,
    /// Why the host refused the last confirmation (shown above the buttons).
    #[prop_or_default]
    pub refusal: Option<AttrValue>,
    /// Confirmed.
    pub on_confirm: Callback<WizardResult>,
    /// Cancelled (or Esc).
    pub on_close: Callback<()>,
}

/// State of the wizard.
#[derive(Clone, PartialEq)]
enum Step {
    ChooseFile {
        error: Option<ReadFailure>,
    },
    Reading {
        file_name: String,
    },
    /// The user cancelled reading this file.
    Cancelled {
        file_name: String,
    },
    Map {
        file_name: String,
        table: Rc<Table>,
    },
}

/// A file name without its extension, for a new workspace's name.
fn base_name(file_name: &str) -> String {
    match file_name.rsplit_once('.') {
        Some((base, _)) if !base.trim().is_empty() => base.trim().to_string(),
        _ => file_name.trim().to_string(),
    }
}

/// The explanation of a field kind, for the list of expected columns and the template.
pub fn kind_text(i18n: &I18n, kind: ValueKind) -> &'static str {
    i18n.t(match kind {
        ValueKind::Text => "import.kind_text",
        ValueKind::Amount { .. } => "import.kind_amount",
        ValueKind::Percent => "import.kind_percent",
        ValueKind::WholeNumber => "import.kind_whole",
        ValueKind::YesNo => "import.kind_yes_no",
        ValueKind::Tags => "import.kind_tags",
        ValueKind::Capacity => "import.kind_capacity",
        ValueKind::Number => "import.kind_number",
        ValueKind::Choice => "import.kind_choice",
    })
}

/// The bar under "reading…": how much of the file the reader has consumed, or a moving bar
/// while that is not known (a workbook is unpacked first, its rows counted afterwards).
fn reading_bar(progress: Option<Progress>) -> Html {
    match progress.and_then(|p| p.fraction) {
        Some(f) => html! {
            <progress class="import-progress" max="1000" value={((f * 1000.0).round() as i64).to_string()}
                      aria-hidden="true"></progress>
        },
        None => html! { <progress class="import-progress" aria-hidden="true"></progress> },
    }
}

/// The import wizard.
#[function_component(ImportWizard)]
pub fn import_wizard(props: &ImportWizardProps) -> Html {
    let i18n = use_i18n();
    let zh = i18n.lang == Lang::ZhCn;
    let spec = props.spec.clone();
    let start = props.start.clone();
    let step = use_state(move || match start {
        Some((name, table)) => Step::Map {
            file_name: name.to_string(),
            table,
        },
        None => Step::ChooseFile { error: None },
    });
    let guesses = use_state({
        let spec = spec.clone();
        let start = props.start.clone();
        move || start.map_or_else(Vec::new, |(_, t)| detect(&spec, &t.headers))
    });
    let uses = use_state({
        let guesses = guesses.clone();
        move || Rc::new(guesses.iter().map(|g| g.column_use).collect::<Vec<_>>())
    });
    let reader: PendingRead = use_mut_ref(|| None);
    let progress = use_state(|| None::<Progress>);
    let id = |suffix: &str| format!("{}-{suffix}", props.testid);

    let close = {
        let reader = reader.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |_: ()| {
            reader.borrow_mut().take();
            on_close.emit(());
        })
    };
    let (on_file, read_anyway) = {
        let (to_map, failed, reading) = (step.clone(), step.clone(), step.clone());
        let (guesses, uses, spec) = (guesses.clone(), uses.clone(), spec.clone());
        import_file_callbacks(
            &reader,
            ImportFileSteps {
                read: props.read,
                on_table: Rc::new(move |file_name, table: Table| {
                    let g: Vec<Guess> = detect(&spec, &table.headers);
                    uses.set(Rc::new(g.iter().map(|g| g.column_use).collect()));
                    guesses.set(g);
                    to_map.set(Step::Map {
                        file_name,
                        table: Rc::new(table),
                    });
                }),
                on_failure: Rc::new(move |error| {
                    failed.set(Step::ChooseFile { error: Some(error) })
                }),
                on_reading: {
                    let progress = progress.clone();
                    Rc::new(move |file_name| {
                        progress.set(None);
                        reading.set(Step::Reading { file_name })
                    })
                },
                on_progress: {
                    let progress = progress.clone();
                    Rc::new(move |p| progress.set(Some(p)))
                },
            },
        )
    };
    let cancel_read = {
        let (reader, step) = (reader.clone(), step.clone());
        Callback::from(move |_: MouseEvent| {
            reader.borrow_mut().take();
            if let Step::Reading { file_name } = &*step {
                step.set(Step::Cancelled {
                    file_name: file_name.clone(),
                });
            }
        })
    };
    let cancel_button = html! {
        <button type="button" class="button" onclick={close.reform(|_: MouseEvent| ())}
                data-testid={id("cancel")}>{ i18n.t("dialog.cancel") }</button>
    };
    let title_id = id("title");
    let body = match &*step {
        Step::ChooseFile { .. } | Step::Cancelled { .. } => html! {
            <>
                <h2 id={title_id.clone()} class="dialog-title">{ props.title.clone() }</h2>
                <p class="dialog-body">{ props.hint.clone() }</p>
                <details class="import-expected" data-testid={id("expected")}>
                    <summary>{ i18n.t("import.expected_columns") }</summary>
                    <ul>
                        { for spec.fields.iter().map(|f| html! {
                            <li>
                                <strong>{ f.label(zh).to_string() }</strong>
                                if f.required { <span class="badge">{ i18n.t("import.required") }</span> }
                                { " — " }{ kind_text(&i18n, f.kind) }
                            </li>
                        }) }
                    </ul>
                </details>
                { props.file_step_extra.clone() }
                <label class="file-pick">
                    <span>{ i18n.t("import.choose_file") }</span>
                    <input type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv" onchange={on_file}
                           data-testid={id("file")} />
                </label>
                if let Step::Cancelled { file_name } = &*step {
                    <p class="import-note" role="status" data-testid={id("read-cancelled")}>
                        { i18n.tf("import.read_cancelled", &[("file", file_name)]) }
                    </p>
                }
                if let Step::ChooseFile { error: Some(error) } = &*step {
                    <ReadFailureNote failure={error.clone()} class={classes!("dialog-error")}
                        testid={id("error")} on_read_anyway={read_anyway.clone()} />
                }
                <div class="dialog-actions">{ cancel_button }</div>
            </>
        },
        Step::Reading { file_name } => html! {
            <>
                <h2 id={title_id.clone()} class="dialog-title">{ props.title.clone() }</h2>
                <p role="status" data-testid={id("reading")}>
                    { i18n.tf("import.reading", &[("file", file_name)]) }
                    if let Some(p) = *progress {
                        { " " }{ i18n.tf("import.rows_read", &[("rows", &format_count(p.rows))]) }
                    }
                </p>
                { reading_bar(*progress) }
                <div class="dialog-actions">
                    <button type="button" class="button" onclick={cancel_read}
                            data-testid={id("cancel-read")}>{ i18n.t("import.cancel_read") }</button>
                    { cancel_button }
                </div>
            </>
        },
        Step::Map { file_name, table } => html! {
            <MapStep file_name={AttrValue::from(file_name.clone())} table={table.clone()}
                spec={spec.clone()} guesses={Rc::new((*guesses).clone())} uses={(*uses).clone()}
                on_uses={{ let uses = uses.clone(); Callback::from(move |u: Rc<Vec<ColumnUse>>| uses.set(u)) }}
                preview={props.preview.clone()} testid={props.testid.clone()} title_id={title_id.clone()}
                destinations={props.destinations.clone()} default_destination={props.default_destination}
                refusal={props.refusal.clone()} on_confirm={props.on_confirm.clone()} on_cancel={close.clone()} />
        },
    };
    let wide = matches!(&*step, Step::Map { .. });
    html! {
        <Modal labelledby={title_id} testid={id("dialog")} on_close={close}
               class={classes!("import-dialog", wide.then_some("import-dialog-wide"))}>
            { body }
        </Modal>
    }
}

#[derive(Properties, PartialEq)]
struct MapStepProps {
    file_name: AttrValue,
    table: Rc<Table>,
    spec: Rc<TableSpec>,
    guesses: Rc<Vec<Guess>>,
    uses: Rc<Vec<ColumnUse>>,
    on_uses: Callback<Rc<Vec<ColumnUse>>>,
    preview: PreviewFn,
    testid: AttrValue,
    title_id: String,
    destinations: Vec<(Destination, AttrValue)>,
    default_destination: Destination,
    refusal: Option<AttrValue>,
    on_confirm: Callback<WizardResult>,
    on_cancel: Callback<()>,
}

/// Mapping, preview, errors, destination and confirmation.
#[function_component(MapStep)]
fn map_step(props: &MapStepProps) -> Html {
    let i18n = use_i18n();
    let zh = i18n.lang == Lang::ZhCn;
    let id = |suffix: &str| format!("{}-{suffix}", props.testid);
    let preview = {
        let compute = props.preview.clone();
        use_memo((props.table.clone(), props.uses.clone()), move |(t, u)| {
            compute.emit((t.clone(), u.clone()))
        })
    };
    let without = use_state(|| false);
    let destination = use_state(|| props.default_destination);
    let ws_name = use_state(|| base_name(&props.file_name));
    let spec = props.spec.clone();
    let table = props.table.clone();
    let field_label = {
        let spec = spec.clone();
        let uses = props.uses.clone();
        move |col: usize| match uses.get(col) {
            Some(ColumnUse::Field(f)) => spec
                .fields
                .get(*f)
                .map_or(String::new(), |f| f.label(zh).to_string()),
            _ => String::new(),
        }
    };
    let download_invalid = {
        let (table, preview, file_name) = (table.clone(), preview.clone(), props.file_name.clone());
        let field_label = field_label.clone();
        Callback::from(move |_| {
            let text = invalid_rows_csv_with(&table, &preview.errors, |e: &RowError| {
                reason_text(&i18n, &e.reason, &field_label(e.column_index))
            });
            let _ = download_text(
                &format!("{file_name}-invalid-rows.csv"),
                "text/csv;charset=utf-8",
                &text,
            );
        })
    };
    let p = &*preview;
    let blocked = p.key_fields.is_some() && !*without;
    let can_confirm = p.problem.is_none()
        && p.valid > 0
        && !blocked
        && (*destination != Destination::NewWorkspace || !ws_name.trim().is_empty());
    let confirm = {
        let on_confirm = props.on_confirm.clone();
        let (table, uses) = (table.clone(), props.uses.clone());
        let (destination, ws_name) = (destination.clone(), ws_name.clone());
        Callback::from(move |_| {
            if can_confirm {
                on_confirm.emit(WizardResult {
                    table: table.clone(),
                    uses: uses.clone(),
                    destination: *destination,
                    workspace_name: ws_name.trim().to_string(),
                });
            }
        })
    };
    let key_warning = p.key_fields.as_ref().map(|w| {
        let free: Vec<(usize, String)> = table
            .headers
            .iter()
            .enumerate()
            .filter(|(i, _)| props.uses.get(*i).is_none_or(|u| *u == ColumnUse::Ignore))
            .map(|(i, h)| (i, h.trim().to_string()))
            .collect();
        let pick = {
            let (uses, on_uses, field) = (props.uses.clone(), props.on_uses.clone(), w.field);
            Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                if let Ok(col) = v.parse::<usize>() {
                    let mut next = (*uses).clone();
                    if col < next.len() {
                        next[col] = ColumnUse::Field(field);
                        on_uses.emit(Rc::new(next));
                    }
                }
            })
        };
        let toggle = {
            let without = without.clone();
            Callback::from(move |e: Event| {
                without.set(e.target_unchecked_into::<HtmlInputElement>().checked())
            })
        };
        html! {
            <div class="import-warning import-key-fields" role="alert" data-testid={id("key-fields")}>
                <p>{ w.message.clone() }</p>
                if !free.is_empty() {
                    <label class="import-pick-column">
                        <span>{ i18n.t("import.pick_column") }</span>
                        <select onchange={pick} data-testid={id("key-pick")}>
                            <option value="" selected=true>{ i18n.t("import.pick_column_none") }</option>
                            { for free.iter().map(|(i, h)| html! { <option value={i.to_string()}>{ h.clone() }</option> }) }
                        </select>
                    </label>
                }
                <label class="import-without">
                    <input type="checkbox" checked={*without} onchange={toggle} data-testid={id("without")} />
                    <span>{ w.without.clone() }</span>
                </label>
            </div>
        }
    });
    let destinations = (!props.destinations.is_empty()).then(|| {
        html! {
            <fieldset class="import-destination" data-testid={id("destination")}>
                <legend>{ i18n.t("import.destination") }</legend>
                { for props.destinations.iter().map(|(d, label)| {
                    let pick = { let destination = destination.clone(); let d = *d; Callback::from(move |_| destination.set(d)) };
                    let key = match d { Destination::NewWorkspace => "new", Destination::Add => "add", Destination::Replace => "replace" };
                    html! {
                        <label class="import-destination-option">
                            <input type="radio" name={id("destination")} checked={*destination == *d} onchange={pick}
                                   data-testid={id(&format!("dest-{key}"))} />
                            <span>{ label.clone() }</span>
                        </label>
                    }
                }) }
                if *destination == Destination::NewWorkspace {
                    <label class="dialog-field">
                        <span>{ i18n.t("import.new_workspace_name") }</span>
                        <input type="text" value={(*ws_name).clone()} data-testid={id("ws-name")}
                               oninput={{ let ws_name = ws_name.clone(); Callback::from(move |e: InputEvent| ws_name.set(e.target_unchecked_into::<HtmlInputElement>().value())) }} />
                    </label>
                }
            </fieldset>
        }
    });
    html! {
        <>
            <h2 id={props.title_id.clone()} class="dialog-title">{ i18n.tf("import.map_title", &[("file", &props.file_name)]) }</h2>
            <p class="dialog-body">{ i18n.t("import.map_hint") }</p>
            <MappingTable table={table.clone()} spec={spec.clone()} guesses={props.guesses.clone()}
                uses={props.uses.clone()} columns={p.columns.clone()} on_uses={props.on_uses.clone()}
                testid={props.testid.clone()} />
            { beyond_header_note(&i18n, table.beyond_header) }
            if let Some(problem) = &p.problem {
                <p class="dialog-error" role="alert" data-testid={id("error")}>{ problem.clone() }</p>
            }
            { key_warning.unwrap_or_default() }
            if p.problem.is_none() {
                <p class="import-summary" data-testid={id("summary")}>{ p.summary.clone() }</p>
                { for p.notes.iter().map(|n| html! { <p class="muted">{ n.clone() }</p> }) }
                <StoredPreview table={table.clone()} spec={spec.clone()} uses={props.uses.clone()}
                    errors={Rc::new(p.errors.iter().map(|e| e.row).collect::<Vec<_>>())} testid={props.testid.clone()} />
                if !p.errors.is_empty() {
                    <h3 class="import-section">{ i18n.t("import.errors_title") }</h3>
                    <div class="table-scroll import-errors" tabindex="0" role="group" aria-label={i18n.t("import.errors_title")}>
                    <table class="data-table" data-testid={id("errors")}>
                        <thead><tr>
                            <th scope="col">{ i18n.t("import.col_row") }</th>
                            <th scope="col">{ i18n.t("import.col_column") }</th>
                            <th scope="col">{ i18n.t("import.col_value") }</th>
                            <th scope="col">{ i18n.t("import.col_reason") }</th>
                        </tr></thead>
                        <tbody>
                        { for p.errors.iter().take(LISTED_ERRORS).map(|e| html! {
                            <tr><td class="num">{ e.row }</td><td>{ e.column.clone() }</td><td>{ e.value.clone() }</td>
                                <td>{ reason_text(&i18n, &e.reason, &field_label(e.column_index)) }</td></tr>
                        }) }
                        </tbody>
                    </table>
                    </div>
                    if p.errors.len() > LISTED_ERRORS {
                        <p class="muted">{ i18n.tf("tiering.more", &[("n", &(p.errors.len() - LISTED_ERRORS).to_string())]) }</p>
                    }
                    <button type="button" class="button" onclick={download_invalid} data-testid={id("download-invalid")}>
                        { i18n.t("import.download_invalid") }
                    </button>
                }
                { destinations.unwrap_or_default() }
            }
            if let Some(refusal) = &props.refusal {
                <p class="dialog-error" role="alert">{ refusal.clone() }</p>
            }
            <div class="dialog-actions">
                <button type="button" class="button" onclick={props.on_cancel.reform(|_: MouseEvent| ())}
                        data-testid={id("cancel")}>{ i18n.t("dialog.cancel") }</button>
                <button type="button" class="button button-primary" onclick={confirm} disabled={!can_confirm}
                        data-testid={id("confirm")}>{ p.confirm_label.clone() }</button>
            </div>
        </>
    }
}

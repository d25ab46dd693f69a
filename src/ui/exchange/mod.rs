//! Importing a workspace file (`*.kam.json`): choose a file, read it through the one load path,
//! then review what differs from the open workspace and choose replace, merge or new workspace
//! ([`review`]). Nothing changes before that choice is confirmed.

pub mod conflict_row;
mod review;

use std::rc::Rc;

use yew::prelude::*;

use super::file_pick::{read_picked_file, PendingRead, Picked};
use super::i18n::{use_i18n, I18n};
use super::messages::load_error_text;
use super::modal::Modal;
use crate::persist::envelope::{self, LoadError, Loaded, MAX_BYTES};
use review::ImportReview;

/// Props of [`WorkspaceImport`].
#[derive(Properties, PartialEq)]
pub struct WorkspaceImportProps {
    /// The dialog was closed (cancelled or done).
    pub on_close: Callback<()>,
    /// A document already read (a portal's `kam:import`): the dialog opens at the review, named
    /// after its source.
    #[prop_or_default]
    pub start: Option<(AttrValue, Rc<Loaded>)>,
    /// The review was confirmed, with the mode (`replace`, `merge`, `new`); `on_close` is not
    /// called then.
    #[prop_or_default]
    pub on_applied: Option<Callback<&'static str>>,
}

#[derive(Clone, PartialEq)]
enum Step {
    ChooseFile {
        error: Option<String>,
    },
    Reading {
        file_name: String,
    },
    Review {
        file_name: String,
        loaded: Rc<Loaded>,
    },
}

/// Reads the bytes of a chosen file as a workspace, with the error in the user's language.
fn read_workspace_file(i18n: &I18n, bytes: &[u8]) -> Result<Loaded, String> {
    if bytes.len() > MAX_BYTES {
        return Err(load_error_text(
            i18n,
            &LoadError::TooLarge {
                bytes: bytes.len(),
                max: MAX_BYTES,
            },
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| i18n.t("exchange.not_utf8").to_string())?;
    envelope::load(text).map_err(|e| load_error_text(i18n, &e))
}

/// The workspace import dialog.
#[function_component(WorkspaceImport)]
pub fn workspace_import(props: &WorkspaceImportProps) -> Html {
    let i18n = use_i18n();
    let start = props.start.clone();
    let step = use_state(move || match start {
        Some((name, loaded)) => Step::Review {
            file_name: name.to_string(),
            loaded,
        },
        None => Step::ChooseFile { error: None },
    });
    let reader: PendingRead = use_mut_ref(|| None);

    let close = {
        let reader = reader.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |_: ()| {
            reader.borrow_mut().take();
            on_close.emit(());
        })
    };
    let back = {
        let step = step.clone();
        Callback::from(move |_| step.set(Step::ChooseFile { error: None }))
    };
    let on_file = {
        let step = step.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let step = step.clone();
            let report = Rc::new(move |picked: Picked| match picked {
                Picked::TooLarge { bytes } => step.set(Step::ChooseFile {
                    error: Some(load_error_text(
                        &i18n,
                        &LoadError::TooLarge {
                            bytes,
                            max: MAX_BYTES,
                        },
                    )),
                }),
                Picked::Reading { file_name } => step.set(Step::Reading { file_name }),
                Picked::Read { file_name, bytes } => {
                    match bytes.and_then(|bytes| read_workspace_file(&i18n, &bytes)) {
                        Ok(loaded) => step.set(Step::Review {
                            file_name,
                            loaded: Rc::new(loaded),
                        }),
                        Err(error) => step.set(Step::ChooseFile { error: Some(error) }),
                    }
                }
            });
            read_picked_file(&e, MAX_BYTES, &reader, report);
        })
    };

    let (title_id, class) = match &*step {
        Step::ChooseFile { .. } => ("ws-import-title", "import-dialog"),
        Step::Reading { .. } => ("ws-import-reading", "import-dialog"),
        Step::Review { .. } => (
            "ws-review-title",
            "import-dialog import-dialog-wide ws-import",
        ),
    };
    // One modal for every step, so that focus returns to the opener however the dialog ends.
    html! {
        <Modal labelledby={title_id} testid="ws-import-dialog" class={class} on_close={close.clone()}>
            { match &*step {
                Step::ChooseFile { error } => html! {
                    <>
                        <h2 id="ws-import-title" class="dialog-title">{ i18n.t("exchange.title") }</h2>
                        <p class="dialog-body">{ i18n.t("exchange.hint") }</p>
                        <label class="file-pick">
                            <span>{ i18n.t("exchange.choose_file") }</span>
                            <input type="file" accept=".json,application/json" onchange={on_file}
                                   data-testid="ws-import-file" />
                        </label>
                        if let Some(error) = error {
                            <p class="dialog-error" role="alert" data-testid="ws-import-error">{ error.clone() }</p>
                        }
                        <div class="dialog-actions">
                            <button type="button" class="button" onclick={close.reform(|_: MouseEvent| ())}
                                    data-testid="ws-import-cancel">{ i18n.t("dialog.cancel") }</button>
                        </div>
                    </>
                },
                Step::Reading { file_name } => html! {
                    <p id="ws-import-reading" role="status">{ i18n.tf("exchange.reading", &[("file", file_name)]) }</p>
                },
                Step::Review { file_name, loaded } => html! {
                    <ImportReview file_name={file_name.clone()} loaded={loaded.clone()}
                        on_close={props.on_close.clone()} on_back={back} on_applied={props.on_applied.clone()} />
                },
            } }
        </Modal>
    }
}

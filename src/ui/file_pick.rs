//! Reading the file a user picked in an `<input type="file">`, shared by the import dialogs.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::persist::import::job::ReadKind;
use crate::persist::import::progress::Progress;
use crate::persist::import::{BeyondHeader, ImportError, Table, TextDecoding, MAX_IMPORT_BYTES};
use crate::ui::banner::technical_details;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::import_wizard::import_error_text;
use crate::ui::import_worker::{self, ImportJob, JobEvent};

/// What is under way for a picked file.
pub enum PendingTask {
    /// The browser is reading the file.
    Read(FileReader),
    /// The import worker is reading the table out of it.
    Parse(ImportJob),
}

/// The read in progress; dropping it cancels the read (closing a dialog, or Cancel, drops it).
pub type PendingRead = Rc<RefCell<Option<PendingTask>>>;

/// What [`read_picked_file`] reports.
pub enum Picked {
    /// The file is larger than the limit; it was not read.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// Reading started.
    Reading {
        /// The file's name.
        file_name: String,
    },
    /// Reading ended: the bytes, or the browser's reason.
    Read {
        /// The file's name.
        file_name: String,
        /// The content.
        bytes: Result<Vec<u8>, String>,
    },
}

/// Reads the file picked in the input that fired `e` (nothing when none was picked), refusing
/// one over `max` bytes before reading it; `report` is called with each step.
pub fn read_picked_file(e: &Event, max: usize, pending: &PendingRead, report: Rc<dyn Fn(Picked)>) {
    let input: HtmlInputElement = e.target_unchecked_into();
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    let file = gloo::file::File::from(file);
    let file_name = file.name();
    let bytes = file.size() as usize;
    if bytes > max {
        report(Picked::TooLarge { bytes });
        return;
    }
    report(Picked::Reading {
        file_name: file_name.clone(),
    });
    let done = pending.clone();
    let task = gloo::file::callbacks::read_as_bytes(&file, move |result| {
        done.borrow_mut().take();
        report(Picked::Read {
            file_name,
            bytes: result.map_err(|e| e.to_string()),
        });
    });
    *pending.borrow_mut() = Some(PendingTask::Read(task));
}

/// A picked file's name and content, kept for reading it again.
pub type PickedBytes = (String, Rc<Vec<u8>>);

/// What an import dialog does at each step of reading a picked file.
pub struct ImportFileSteps {
    /// The reader for the dialog's kind of file; it runs in the import worker.
    pub read: ReadKind,
    /// The file was read: its name and table.
    pub on_table: Rc<dyn Fn(String, Table)>,
    /// The file could not be read (too large, refused by the reader, or by the browser).
    pub on_failure: Rc<dyn Fn(ReadFailure)>,
    /// Reading started, for a dialog that shows it.
    pub on_reading: Rc<dyn Fn(String)>,
    /// How far the reader got.
    pub on_progress: Rc<dyn Fn(Progress)>,
}

/// The callbacks of an import dialog: for its file input (read strictly, capped at
/// [`MAX_IMPORT_BYTES`]) and for the "read anyway" button of [`ReadFailureNote`] (the same file
/// again, with replacement characters). `pending` holds the read in progress.
pub fn import_file_callbacks(
    pending: &PendingRead,
    steps: ImportFileSteps,
) -> (Callback<Event>, Callback<PickedBytes>) {
    let steps = Rc::new(steps);
    let load = {
        let (steps, pending) = (steps.clone(), pending.clone());
        move |file_name: String, bytes: Rc<Vec<u8>>, decoding: TextDecoding| {
            let on_event = {
                let (steps, pending, bytes) = (steps.clone(), pending.clone(), bytes.clone());
                let file_name = file_name.clone();
                Rc::new(move |event: JobEvent| match event {
                    JobEvent::Progress(p) => (steps.on_progress)(p),
                    JobEvent::Done(result) => {
                        pending.borrow_mut().take();
                        match result {
                            Ok(table) => (steps.on_table)(file_name.clone(), table),
                            Err(e) => (steps.on_failure)(ReadFailure::import(
                                e,
                                file_name.clone(),
                                bytes.clone(),
                            )),
                        }
                    }
                    JobEvent::Failed(detail) => {
                        pending.borrow_mut().take();
                        (steps.on_failure)(ReadFailure::Reader(detail))
                    }
                })
            };
            (steps.on_reading)(file_name);
            match import_worker::start(&bytes, steps.read, decoding, on_event) {
                Ok(job) => *pending.borrow_mut() = Some(PendingTask::Parse(job)),
                Err(detail) => (steps.on_failure)(ReadFailure::Reader(detail)),
            }
        }
    };
    let load = Rc::new(load);
    let read_anyway = {
        let load = load.clone();
        Callback::from(move |(name, bytes): (String, Rc<Vec<u8>>)| {
            load(name, bytes, TextDecoding::Lossy)
        })
    };
    let pending = pending.clone();
    let on_file = Callback::from(move |e: Event| {
        let steps = steps.clone();
        let load = load.clone();
        let report = Rc::new(move |picked: Picked| match picked {
            Picked::TooLarge { bytes } => {
                (steps.on_failure)(ReadFailure::without_file(ImportError::TooLarge {
                    bytes,
                    max: MAX_IMPORT_BYTES,
                }))
            }
            Picked::Reading { file_name } => (steps.on_reading)(file_name),
            Picked::Read { file_name, bytes } => match bytes {
                Ok(bytes) => load(file_name, Rc::new(bytes), TextDecoding::Strict),
                Err(message) => (steps.on_failure)(ReadFailure::Browser(message)),
            },
        });
        read_picked_file(&e, MAX_IMPORT_BYTES, &pending, report);
    });
    (on_file, read_anyway)
}

/// Why a picked file could not be read, kept in a dialog's state and shown by [`ReadFailureNote`].
#[derive(Clone, Debug, PartialEq)]
pub enum ReadFailure {
    /// The readers refused it. `file` keeps the name and bytes when reading them again with
    /// replacement characters can help (damaged UTF-8), for the "read anyway" button.
    Import {
        /// The reader's error.
        error: ImportError,
        /// The file, for a second, lenient read.
        file: Option<(String, Rc<Vec<u8>>)>,
    },
    /// The browser could not read the file; its message.
    Browser(String),
    /// The import worker could not start, or stopped; the technical detail (English).
    Reader(String),
}

impl ReadFailure {
    /// A reader's refusal of the file `file_name` with content `bytes`.
    pub fn import(error: ImportError, file_name: String, bytes: Rc<Vec<u8>>) -> Self {
        let file = matches!(error, ImportError::InvalidUtf8 { .. }).then_some((file_name, bytes));
        ReadFailure::Import { error, file }
    }

    /// A refusal without the file (it was not read).
    pub fn without_file(error: ImportError) -> Self {
        ReadFailure::Import { error, file: None }
    }
}

/// Props of [`ReadFailureNote`].
#[derive(Properties, PartialEq)]
pub struct ReadFailureNoteProps {
    /// What went wrong.
    pub failure: ReadFailure,
    /// Classes of the message paragraph.
    pub class: Classes,
    /// `data-testid` of the message paragraph.
    pub testid: AttrValue,
    /// "Read anyway" was pressed: the file to read again with replacement characters.
    pub on_read_anyway: Callback<(String, Rc<Vec<u8>>)>,
}

/// A failed read in the user's language, with a "read anyway" button when the file is damaged
/// UTF-8 (shared by the import dialogs).
#[function_component(ReadFailureNote)]
pub fn read_failure_note(props: &ReadFailureNoteProps) -> Html {
    let i18n = use_i18n();
    let (text, file, detail) = match &props.failure {
        ReadFailure::Import { error, file } => {
            (import_error_text(&i18n, error), file.clone(), None)
        }
        ReadFailure::Browser(message) => (message.clone(), None, None),
        ReadFailure::Reader(detail) => (
            i18n.t("import.reader_failed").to_string(),
            None,
            Some(detail.as_str()),
        ),
    };
    html! {
        <>
            <p class={props.class.clone()} role="alert" data-testid={props.testid.clone()}>{ text }</p>
            if let Some(detail) = detail {
                { technical_details(&i18n, detail) }
            }
            if let Some(file) = file {
                <button type="button" class="button" data-testid="import-read-anyway"
                        onclick={props.on_read_anyway.reform(move |_: MouseEvent| file.clone())}>
                    { i18n.t("import.read_anyway") }
                </button>
            }
        </>
    }
}

/// The note that cells right of the header are not imported (nothing when there are none).
pub fn beyond_header_note(i18n: &I18n, beyond: Option<BeyondHeader>) -> Html {
    let Some(b) = beyond else {
        return html! {};
    };
    html! {
        <p class="import-warning" role="status" data-testid="import-beyond-header">
            { i18n.tf("import.beyond_header", &[
                ("cells", &b.cells.to_string()),
                ("row", &b.first_row.to_string()),
                ("column", &b.first_column.to_string()),
            ]) }
        </p>
    }
}

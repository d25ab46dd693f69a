//! Reading the file a user picked in an `<input type="file">`, shared by the import dialogs.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The read in progress; dropping it cancels the read (closing a dialog drops it).
pub type PendingRead = Rc<RefCell<Option<FileReader>>>;

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
    *pending.borrow_mut() = Some(task);
}

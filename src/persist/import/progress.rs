//! Progress of a file being read, for the import worker's progress bar.
//!
//! The readers are synchronous and pure; the worker that runs them wants to tell the page how far
//! they got. Rather than threading a callback through every reader, a reader calls [`report`] as
//! it goes, and whoever runs it installs an observer for the duration with [`observe`]. Without
//! an observer (tests, the fuzzers) [`report`] costs one thread-local read.

use std::cell::RefCell;

/// How often the readers report: every this many rows.
pub const EVERY_ROWS: usize = 4096;

/// How far a read got.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// Data rows read so far.
    pub rows: usize,
    /// Share of the file consumed, 0…1, when the reader knows it (CSV does; a workbook's rows
    /// come after it is unpacked, so it does not).
    pub fraction: Option<f64>,
}

type Observer = Box<dyn Fn(Progress)>;

thread_local! {
    static OBSERVER: RefCell<Option<Observer>> = RefCell::new(None);
}

/// Runs `read` with `observer` receiving every [`report`] made meanwhile on this thread.
pub fn observe<R>(observer: impl Fn(Progress) + 'static, read: impl FnOnce() -> R) -> R {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            OBSERVER.with(|o| o.borrow_mut().take());
        }
    }
    OBSERVER.with(|o| *o.borrow_mut() = Some(Box::new(observer)));
    let _reset = Reset;
    read()
}

/// Tells the observer, if any, how far the read got.
pub(crate) fn report(progress: Progress) {
    OBSERVER.with(|o| {
        if let Some(observer) = o.borrow().as_ref() {
            observer(progress);
        }
    });
}

//! The one load path: any text through `load` (an imported file) and `load_stored` (a stored
//! copy); whatever loads must export and load back unchanged and without repairs. The input is
//! also tried as a bare workspace object inside a current envelope, so that mutations reach the
//! lenient reader and the repairs. See `tests/support/pipeline.rs` for the invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/pipeline.rs"]
mod pipeline;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = pipeline::check_load(&text);
    if text.trim_start().starts_with('{') && !text.contains("\"format\"") {
        let _ = pipeline::check_load(&pipeline::in_envelope(&text));
    }
});

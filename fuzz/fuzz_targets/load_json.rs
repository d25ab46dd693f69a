//! The one load path: any text through `load` (an imported file) and `load_stored` (a stored
//! copy, plain or in the compact form, with the salvage of damaged copies); whatever loads must
//! export and load back unchanged and without repairs, as a file and as a stored copy. An input
//! that is a bare object without a `format` is also read inside an envelope of schema 1 or the
//! current one, so that mutations reach the migrations, the lenient reader and the repairs. See
//! `tests/support/pipeline.rs` for the invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/pipeline.rs"]
mod pipeline;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = pipeline::check_load(&text);
    if text.trim_start().starts_with('{') && !text.contains("\"format\"") {
        let version = pipeline::some_version(data.len());
        let _ = pipeline::check_load(&pipeline::in_envelope(&text, version));
    }
});

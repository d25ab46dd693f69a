//! The customer import from text files: any bytes through `read_csv` (decoding, delimiter
//! sniffing, header search), the detected and two hand-made mappings, the preview, the customers
//! the confirmation adds, and their save → load round trip. See `tests/support/pipeline.rs` for
//! the invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/pipeline.rs"]
mod pipeline;

fuzz_target!(|data: &[u8]| {
    pipeline::check_import(data, pipeline::Reader::Csv);
});

//! The customer import from .xlsx workbooks. An input starting with `PK` is the file itself (the
//! zip container and whatever `calamine` makes of it); any other input is the workbook's XML parts
//! separated by NUL bytes, zipped with correct checksums first (see `tests/support/xlsx_parts.rs`),
//! so that mutations reach the worksheet, shared-strings and styles parsers. Then the same pipeline
//! and invariants as the CSV import (`tests/support/pipeline.rs`), through `read_table` as the
//! app's file picker calls it.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/pipeline.rs"]
mod pipeline;
#[path = "../../tests/support/xlsx_parts.rs"]
mod xlsx_parts;

fuzz_target!(|data: &[u8]| {
    pipeline::check_import(&xlsx_parts::workbook_of_input(data), pipeline::Reader::Any);
});

//! Inputs the fuzzers found (`tests/fixtures/fuzz/<target>-<what>.<ext>`, each minimised by
//! libFuzzer), replayed through the same pipeline and invariants as the fuzz target
//! (`support/pipeline.rs`), with the behaviour a user sees now asserted beside it.

mod support;

use kam_planner::persist::import::{read_table, ImportError};
use support::pipeline::{check_import, Reader};
use support::xlsx_parts::workbook_of_input;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/fuzz/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Found by `xlsx_import`: column letters longer than six ("eCJnsiof") overflow calamine 0.38's
/// u32 cell-reference arithmetic. In the shipped build the value wraps and the file is refused
/// with calamine's message; `cargo test` builds calamine the same way (Cargo.toml), so this is a
/// readable error here too, never a panic.
#[test]
fn xlsx_overlong_column_letters_are_a_readable_error() {
    let workbook = workbook_of_input(&fixture("xlsx_import-dimension-column-overflow.parts"));
    check_import(&workbook, Reader::Any);
    match read_table(&workbook) {
        Err(ImportError::Xlsx(message)) => assert!(!message.is_empty()),
        other => panic!("expected an Excel reading error, got {other:?}"),
    }
}

//! Inputs the fuzzers found (`tests/fixtures/fuzz/<target>-<what>.<ext>`, each minimised by
//! libFuzzer), replayed through the same pipeline and invariants as the fuzz target
//! (`support/pipeline.rs`), with the behaviour a user sees now asserted beside it.

mod support;

use kam_planner::persist::csv_import::read_csv;
use kam_planner::persist::import::{
    build_customers, detect_mapping, invalid_rows_csv, read_table, ImportError, ImportReason,
    Target, MAX_IMPORT_COLUMNS,
};
use support::pipeline::{check_import, Reader};
use support::xlsx_parts::workbook_of_input;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/fuzz/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Found by `csv_import`: the import accepted a growth of −1,450,006 %, which the customer form's
/// check refuses (growth below −100 % means buying less than nothing), so an import could add
/// customers that the app itself calls invalid. Now such a cell is a row error.
#[test]
fn csv_growth_below_minus_100_percent_is_a_row_error() {
    let bytes = fixture("csv_import-growth-below-minus-100.csv");
    check_import(&bytes, Reader::Csv);

    let table = read_csv(&bytes).unwrap();
    let mut mapping = vec![Target::Ignore; table.headers.len()];
    mapping[0] = Target::Name;
    mapping[8] = Target::GrowthPct;
    let preview = build_customers(&table, &mapping).unwrap();
    let growth_errors: Vec<_> = preview
        .errors
        .iter()
        .filter(|e| e.reason == ImportReason::GrowthBelowMinus100)
        .map(|e| (e.row, e.value.as_str()))
        .collect();
    assert_eq!(growth_errors, vec![(3, "-1,450,006%")]);

    // The boundary: −100 % (the customer stopped buying) is still accepted.
    let text = "客户名称,增长率\r\n甲,-100%\r\n乙,-100.5%\r\n";
    let table = read_csv(text.as_bytes()).unwrap();
    let preview = build_customers(&table, &detect_mapping(&table.headers)).unwrap();
    assert_eq!(preview.customers.len(), 1);
    assert_eq!(preview.customers[0].1.growth_pct, Some(-100.0));
    assert_eq!(preview.errors[0].row, 3);
    assert_eq!(preview.errors[0].reason, ImportReason::GrowthBelowMinus100);
}

/// Found by `csv_import`: a data row holding a word that names the customer column ("客户",
/// "company") was taken as the header when the real header did not name one (a file mapped by
/// hand), silently dropping every row above it — and the "download invalid rows" file of such an
/// import read back with no rows at all. A later row is now the header only below title lines.
#[test]
fn csv_name_word_in_a_data_row_does_not_become_the_header() {
    let bytes = fixture("csv_import-name-word-in-data-row.csv");
    check_import(&bytes, Reader::Csv);

    let table = read_csv(&bytes).unwrap();
    assert_eq!(table.header_row, 1);
    assert_eq!(table.row_numbers.first(), Some(&2));

    let text = "Kunde,Umsatz\r\nAcme,100\r\ncompany,200\r\n";
    let table = read_csv(text.as_bytes()).unwrap();
    assert_eq!(table.headers, vec!["Kunde", "Umsatz"]);
    assert_eq!(table.rows.len(), 2, "no row is dropped");
}

/// Found by `csv_import`: the invalid-rows download adds a column for the errors, so for a table
/// already at the column cap it is one column too wide to import again. A known limit (a customer
/// list with 1,000 columns is not a customer list); the download itself still works.
#[test]
fn csv_invalid_rows_of_a_table_at_the_column_cap_are_refused_as_too_wide() {
    let bytes = fixture("csv_import-invalid-rows-at-column-cap.csv");
    check_import(&bytes, Reader::Csv);

    let table = read_csv(&bytes).unwrap();
    assert_eq!(table.headers.len(), MAX_IMPORT_COLUMNS);
    let mut mapping = vec![Target::Ignore; MAX_IMPORT_COLUMNS];
    mapping[1] = Target::Name;
    mapping[3] = Target::AnnualPurchase;
    let preview = build_customers(&table, &mapping).unwrap();
    assert_eq!(preview.invalid_rows(), vec![3], "32.5% is not an amount");
    let download = invalid_rows_csv(&table, &preview);
    assert_eq!(
        read_csv(download.as_bytes()),
        Err(ImportError::TooManyColumns {
            row: 1,
            columns: MAX_IMPORT_COLUMNS + 1,
            max: MAX_IMPORT_COLUMNS
        })
    );
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

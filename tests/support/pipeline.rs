//! What a user can do with a file, run end to end with the invariants that must hold whatever the
//! bytes: the customer import (bytes → table → detected or edited mapping → preview → the customers
//! the confirmation adds → saved and loaded back) and the workspace load (text → workspace → export
//! → load again). Shared by the fuzz targets (`fuzz/fuzz_targets/`), the bounded property tests
//! (`tests/fuzz_props.rs`) and the regression tests of inputs the fuzzers found
//! (`tests/fuzz_regressions.rs`). A broken invariant panics with a message saying which.
#![allow(dead_code)]

use std::collections::HashSet;

use kam_planner::domain::customers;
use kam_planner::domain::edit::{self, Edit};
use kam_planner::domain::workspace::{Workspace, SCHEMA_VERSION};
use kam_planner::persist::compact;
use kam_planner::persist::csv_import::read_csv;
use kam_planner::persist::envelope::{self, load, load_stored, LoadError, Loaded, MAX_CUSTOMERS};
use kam_planner::persist::import::schema::{detect_uses, ColumnUse};
use kam_planner::persist::import::{
    build_customers, build_customers_with, customer_spec, detect_mapping, invalid_rows_csv,
    read_table, ImportError, ImportPreview, Table, Target, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS,
    MAX_TEXT_CHARS,
};
use kam_planner::persist::xlsx_import::read_xlsx;

/// Which reader a byte string goes to.
#[derive(Clone, Copy, Debug)]
pub enum Reader {
    /// [`read_table`], as the app's file picker does (sniffs xlsx / xls / text).
    Any,
    /// [`read_csv`] only.
    Csv,
    /// [`read_xlsx`] only.
    Xlsx,
}

/// Runs the whole import a user triggers on `bytes` and checks every invariant on the way.
/// Returns the preview of the detected mapping, when the file could be read and mapped.
pub fn check_import(bytes: &[u8], reader: Reader) -> Option<ImportPreview> {
    let read = match reader {
        Reader::Any => read_table(bytes),
        Reader::Csv => read_csv(bytes),
        Reader::Xlsx => read_xlsx(bytes),
    };
    let table = read.ok()?;
    check_table(&table);
    let detected = detect_mapping(&table.headers);
    check_mapping_proposal(&table, &detected);
    let preview = check_mapping(&table, &detected);
    // The user may map columns by hand; a mapping that reads every column as some field runs the
    // value readers over every cell. Which column gets which field varies with the input.
    check_mapping(&table, &edited_mapping(&table, bytes.len()));
    check_wizard_detection(&table);
    preview
}

/// The wizard's own detection (with history years): one use per column, no field or year
/// twice, and a preview that keeps the row count and saves and loads back.
fn check_wizard_detection(table: &Table) {
    let uses = detect_uses(customer_spec(), &table.headers);
    assert_eq!(uses.len(), table.headers.len(), "one use per column");
    let mut seen = HashSet::new();
    for u in uses.iter().filter(|u| **u != ColumnUse::Ignore) {
        assert!(seen.insert(*u), "{u:?} proposed twice");
    }
    match build_customers_with(table, &uses, &[]) {
        Ok(p) => {
            check_preview(table, &p);
            for (_, c) in &p.customers {
                let years: HashSet<i32> = c.history.iter().map(|h| h.year).collect();
                assert_eq!(years.len(), c.history.len(), "a year twice in the history");
            }
            check_apply(&p);
        }
        Err(ImportError::NoNameColumn) => {
            assert!(
                !uses.contains(&ColumnUse::Field(0)),
                "NoNameColumn with a name column"
            );
        }
        Err(e) => panic!("the detected mapping was refused: {e:?}"),
    }
}

/// A table as the readers promise it.
pub fn check_table(table: &Table) {
    let width = table.headers.len();
    assert!(
        (1..=MAX_IMPORT_COLUMNS).contains(&width),
        "header width {width}"
    );
    assert!(table.rows.len() <= MAX_IMPORT_ROWS, "too many rows");
    assert_eq!(table.rows.len(), table.row_numbers.len(), "row numbers");
    assert!(table.header_row >= 1, "header row is 1-based");
    for row in &table.rows {
        assert_eq!(row.len(), width, "a row is not as wide as the header");
    }
    let mut previous = table.header_row;
    for &n in &table.row_numbers {
        assert!(n > previous, "row numbers not ascending after the header");
        previous = n;
    }
    assert!(
        table
            .rows
            .iter()
            .any(|r| r.iter().any(|c| !c.trim().is_empty())),
        "a table without a non-blank data row is NoDataRows"
    );
}

/// The proposal of [`detect_mapping`]: one target per header, no field twice.
fn check_mapping_proposal(table: &Table, mapping: &[Target]) {
    assert_eq!(mapping.len(), table.headers.len(), "one target per column");
    let mut used = HashSet::new();
    for t in mapping.iter().filter(|t| **t != Target::Ignore) {
        assert!(used.insert(*t), "{t:?} proposed twice");
    }
}

/// A mapping a user could make: column `i` gets `Target::ALL[(i + shift) % 16]` (every field but
/// Ignore, each once), and a table with more than 16 columns ignores the rest.
fn edited_mapping(table: &Table, shift: usize) -> Vec<Target> {
    let fields = &Target::ALL[..Target::ALL.len() - 1];
    (0..table.headers.len())
        .map(|i| {
            if i < fields.len() {
                fields[(i + shift) % fields.len()]
            } else {
                Target::Ignore
            }
        })
        .collect()
}

/// Builds the preview for `mapping` and checks it, the customers the confirmation would add, and
/// that the resulting workspace saves and loads back unchanged.
pub fn check_mapping(table: &Table, mapping: &[Target]) -> Option<ImportPreview> {
    let has_name = mapping.contains(&Target::Name);
    let preview = match build_customers(table, mapping) {
        Ok(p) => p,
        Err(ImportError::NoNameColumn) => {
            assert!(!has_name, "NoNameColumn with a name column");
            return None;
        }
        Err(ImportError::DuplicateTarget(t)) => {
            let uses = mapping.iter().filter(|m| **m == t).count();
            assert!(uses > 1, "DuplicateTarget({t:?}) for a target used once");
            return None;
        }
        Err(e) => panic!("build_customers failed on a readable table: {e:?}"),
    };
    check_preview(table, &preview);
    check_invalid_rows_csv(table, &preview);
    check_apply(&preview);
    Some(preview)
}

/// Every data row is counted exactly once: valid, invalid, blank or a totals line.
pub fn check_preview(table: &Table, preview: &ImportPreview) {
    let invalid = preview.invalid_rows();
    assert_eq!(
        preview.customers.len()
            + invalid.len()
            + preview.skipped_blank
            + preview.skipped_totals.len(),
        table.rows.len(),
        "valid + invalid + blank + totals rows must equal the data rows"
    );
    let known: HashSet<usize> = table.row_numbers.iter().copied().collect();
    let mut seen = HashSet::new();
    let valid_rows = preview.customers.iter().map(|(r, _)| *r);
    for row in valid_rows
        .chain(invalid.iter().copied())
        .chain(preview.skipped_totals.iter().copied())
    {
        assert!(known.contains(&row), "row {row} is not a data row");
        assert!(seen.insert(row), "row {row} counted twice");
    }
    for e in &preview.errors {
        assert!(e.column_index < table.headers.len(), "error column index");
        assert!(e.value.chars().count() <= 101, "error value not shortened");
    }
    let mut ids = HashSet::new();
    for (row, c) in &preview.customers {
        assert!(!c.name.trim().is_empty(), "row {row}: valid without a name");
        for text in [&c.name, &c.industry, &c.region, &c.notes, &c.id] {
            assert!(
                text.chars().count() <= MAX_TEXT_CHARS,
                "row {row}: text over the cap"
            );
        }
        if !c.id.is_empty() {
            assert!(ids.insert(c.id.clone()), "row {row}: id {} repeated", c.id);
        }
        assert_eq!(c.updated_at, 0, "row {row}: stamped before applying");
    }
}

/// The invalid rows download reads back as exactly the invalid rows. (Known limit: the download
/// of a table already at [`MAX_IMPORT_COLUMNS`] has one column more, for the errors, and is
/// refused as too wide.)
fn check_invalid_rows_csv(table: &Table, preview: &ImportPreview) {
    let text = invalid_rows_csv(table, preview);
    let invalid = preview.invalid_rows().len();
    if invalid == 0 {
        return;
    }
    let again = read_csv(text.as_bytes());
    if table.headers.len() == MAX_IMPORT_COLUMNS {
        assert!(
            matches!(again, Err(ImportError::TooManyColumns { .. })),
            "{again:?}"
        );
        return;
    }
    let again = again.expect("the invalid rows download reads back");
    assert_eq!(
        again.rows.len(),
        invalid,
        "the invalid rows download reads back with another number of rows"
    );
}

/// What the confirmation does: adds the valid rows to a workspace in one edit. Every customer
/// added passes the customer form's check, and the workspace saves and loads back unchanged.
fn check_apply(preview: &ImportPreview) {
    let customers: Vec<_> = preview.customers.iter().map(|(_, c)| c.clone()).collect();
    let ws = Workspace::empty("ws-import", "Import", 1);
    let edit = Edit::AddCustomers {
        customers,
        id_prefix: "imp-".to_string(),
        replace: false,
    };
    let next = match edit::apply(&ws, &edit, 2) {
        Ok(Some(next)) => next,
        Ok(None) => {
            assert!(preview.customers.is_empty(), "valid rows added nothing");
            return;
        }
        Err(e) => panic!("valid rows refused by the edit: {e:?}"),
    };
    assert_eq!(next.customers.len(), preview.customers.len());
    let mut ids = HashSet::new();
    for c in &next.customers {
        let problems = customers::check(c, &next.industry_lines);
        assert!(
            problems.is_empty(),
            "imported customer fails the check: {problems:?}"
        );
        assert!(ids.insert(c.id.as_str()), "id {} given twice", c.id);
    }
    check_round_trip(&next);
}

/// Loads `text` as an imported file ([`load`]) and as a stored copy ([`load_stored`]); whatever
/// loads must export and load back unchanged, as a file and as a stored copy. Reading the text
/// packed in the compact stored form gives the same result as reading it plain. Returns the
/// result of [`load`].
pub fn check_load(text: &str) -> Result<Loaded, LoadError> {
    let loaded = load(text);
    if let Ok(l) = &loaded {
        check_loaded(l);
    }
    let stored = load_stored(text);
    if let Ok(l) = &stored {
        check_loaded(l);
    }
    if !compact::is_compact(text) {
        let packed = compact::pack(text, SCHEMA_VERSION);
        let unpacked = compact::unpack(&packed, text.len()).expect("a packed text unpacks");
        assert!(
            unpacked.complete && unpacked.json == text,
            "pack → unpack changed the text"
        );
        assert_eq!(
            load_stored(&packed),
            stored,
            "the compact form of a text loads differently from the text"
        );
    }
    loaded
}

/// A loaded workspace is within the caps, its MCR and diagnosis documents pass `mcr::check` and
/// `diagnosis::check`, and it survives export → load without change.
pub fn check_loaded(loaded: &Loaded) {
    assert!(loaded.workspace.customers.len() <= MAX_CUSTOMERS);
    assert_eq!(
        kam_planner::domain::mcr::check(&loaded.workspace.mcr),
        Ok(()),
        "a loaded MCR document is refused by its own check"
    );
    assert_eq!(
        kam_planner::domain::diagnosis::check(&loaded.workspace.diagnosis),
        Ok(()),
        "a loaded diagnosis document is refused by its own check"
    );
    check_round_trip(&loaded.workspace);
}

/// Export → load is lossless and needs no repair; exporting again gives the same text. The same
/// for the compact stored form.
pub fn check_round_trip(ws: &Workspace) {
    let json = envelope::to_json(ws, 0);
    let again = match load(&json) {
        Ok(l) => l,
        Err(e) => panic!("an exported workspace does not load: {e:?}"),
    };
    assert_eq!(again.repairs, vec![], "an exported workspace needs repairs");
    if again.workspace != *ws {
        panic!(
            "export → load changed the workspace:\n{}",
            first_difference(ws, &again.workspace)
        );
    }
    assert_eq!(
        envelope::to_json(&again.workspace, 0),
        json,
        "export not stable"
    );
    let stored = match load_stored(&envelope::to_stored(ws, 0)) {
        Ok(l) => l,
        Err(e) => panic!("a stored workspace does not load: {e:?}"),
    };
    assert_eq!(stored.repairs, vec![], "a stored workspace needs repairs");
    assert!(
        stored.workspace == *ws,
        "store → load changed the workspace"
    );
}

/// The first differing line of the two workspaces' pretty JSON, for a readable failure.
fn first_difference(a: &Workspace, b: &Workspace) -> String {
    let (a, b) = (
        serde_json::to_string_pretty(a).unwrap_or_default(),
        serde_json::to_string_pretty(b).unwrap_or_default(),
    );
    a.lines()
        .zip(b.lines())
        .find(|(x, y)| x != y)
        .map(|(x, y)| format!("before: {x}\nafter:  {y}"))
        .unwrap_or_else(|| "(same JSON text; a float differs below its printed precision)".into())
}

/// The document wrapped in an envelope of schema `version`, so that a fuzzer's mutations of a
/// bare workspace reach the migrations and the lenient reader instead of stopping at the envelope
/// checks.
pub fn in_envelope(workspace: &str, version: u32) -> String {
    format!(r#"{{"format":"kam-planner","schema_version":{version},"workspace":{workspace}}}"#)
}

/// A schema version from 1 to the current one, chosen by `seed`.
pub fn some_version(seed: usize) -> u32 {
    1 + (seed % SCHEMA_VERSION as usize) as u32
}

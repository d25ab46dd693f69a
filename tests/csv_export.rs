//! CSV export: what Excel receives when a user downloads customers or invalid import rows.

use kam_planner::persist::csv_export::{neutralise, to_csv};

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

#[test]
fn starts_with_a_utf8_bom_and_ends_every_line_with_crlf() {
    let csv = to_csv(
        &strings(&["客户名称", "年采购额"]),
        vec![
            strings(&["华远通信", "12500000"]),
            strings(&["江南新能源", "6800000"]),
        ],
    );
    assert!(csv.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    assert_eq!(
        csv,
        "\u{FEFF}客户名称,年采购额\r\n华远通信,12500000\r\n江南新能源,6800000\r\n"
    );
}

#[test]
fn quotes_fields_with_delimiters_quotes_and_line_breaks() {
    let csv = to_csv(
        &strings(&["name", "notes"]),
        vec![
            strings(&["a,b", "say \"hi\""]),
            strings(&["line1\nline2", "cr\rhere"]),
            strings(&["semi;colon", "tab\there"]),
            strings(&["plain", ""]),
        ],
    );
    let body = csv.trim_start_matches('\u{FEFF}');
    assert_eq!(
        body,
        "name,notes\r\n\
         \"a,b\",\"say \"\"hi\"\"\"\r\n\
         \"line1\nline2\",\"cr\rhere\"\r\n\
         \"semi;colon\",\"tab\there\"\r\n\
         plain,\r\n"
    );
}

#[test]
fn every_injection_character_is_neutralised() {
    assert_eq!(neutralise("=SUM(A1:A9)"), "'=SUM(A1:A9)");
    assert_eq!(neutralise("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
    assert_eq!(
        neutralise("-2+3+cmd|' /C calc'!A0"),
        "'-2+3+cmd|' /C calc'!A0"
    );
    assert_eq!(neutralise("@SUM(1)"), "'@SUM(1)");
    assert_eq!(neutralise("\t=1"), "'\t=1");
    assert_eq!(neutralise("\r=1"), "'\r=1");
    assert_eq!(neutralise("-"), "'-");
    assert_eq!(neutralise("--1"), "'--1");
    assert_eq!(neutralise("-1-1"), "'-1-1");
    assert_eq!(neutralise("+1e"), "'+1e");
}

#[test]
fn plain_numbers_and_ordinary_text_are_kept() {
    for cell in [
        "-1200",
        "+3.5",
        "-1,200.50",
        "-12%",
        "-1.2e6",
        "+.5",
        "-0",
        "12500000",
        "华远通信",
        "a=b",
        " =1",
        "",
    ] {
        assert_eq!(neutralise(cell), cell, "{cell:?} should be left as is");
    }
    // Grouping must be real thousands grouping to count as a number.
    assert_eq!(neutralise("-1,2"), "'-1,2");
}

#[test]
fn neutralised_cells_are_written_with_their_prefix_and_still_quoted() {
    let csv = to_csv(
        &strings(&["=evil", "amount"]),
        vec![strings(&["=HYPERLINK(\"http://x\",\"y\")", "-1200"])],
    );
    assert_eq!(
        csv,
        "\u{FEFF}'=evil,amount\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-1200\r\n"
    );
}

#[test]
fn an_empty_export_is_just_the_header() {
    let csv = to_csv(&strings(&["客户名称"]), Vec::<Vec<String>>::new());
    assert_eq!(csv, "\u{FEFF}客户名称\r\n");
}

//! CSV export: what Excel receives when a user downloads customers or invalid import rows.

use kam_planner::persist::csv_export::{neutralise, strip_neutralising_quote, to_csv};

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
fn formula_look_alikes_after_whitespace_or_in_full_width_are_neutralised() {
    for cell in [
        " =1+1",
        "\u{A0}=HYPERLINK(\"http://x\")",
        "\u{3000}=1",
        "\n=1",
        "\n\n@SUM(1)",
        "\u{FEFF}=1",
        "\u{200B}+1+1",
        "\u{2003}-1-1",
        "＝SUM(A1)",
        "＋1",
        "－1",
        "＠x",
        " ＝1",
        "'=x",
        "''+x",
    ] {
        assert_eq!(neutralise(cell), format!("'{cell}"), "{cell:?}");
        assert_eq!(strip_neutralising_quote(&neutralise(cell)), cell);
    }
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
        "'abc",
        "'-12",
        " -12 ",
        "\u{3000}-1,200",
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

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Cells built from the characters that matter: quotes, every kind of leading blank, the
    /// formula starters in both widths, digits, separators and ordinary text.
    fn cell() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "'", " ", "\u{A0}", "\u{3000}", "\n", "\r", "\t", "\u{FEFF}", "\u{200B}", "\u{2060}",
            "=", "+", "-", "@", "＝", "＋", "－", "＠", "1", "2", ".", ",", "%", "e", "a", "客户",
            "\"", ";",
        ]);
        prop::collection::vec(pieces, 0..8).prop_map(|p| p.concat())
    }

    /// Starts a formula after any leading blanks, or begins with TAB or CR.
    fn looks_like_formula(cell: &str) -> bool {
        let body = cell.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}')
        });
        cell.starts_with(['\t', '\r'])
            || body.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠'])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn neutralised_cells_are_safe_and_strip_back_exactly(c in cell()) {
            let out = neutralise(&c);
            prop_assert_eq!(strip_neutralising_quote(&out), c.as_str());
            if looks_like_formula(&out) {
                // Only a plain number may still start with a sign.
                let t: &str = out.trim_matches(|ch: char| ch.is_whitespace() || ch == '\u{FEFF}'
                    || ('\u{200B}'..='\u{200D}').contains(&ch) || ch == '\u{2060}');
                prop_assert!(
                    t.starts_with(['+', '-']) && t[1..].chars().all(|ch| ch.is_ascii_digit()
                        || matches!(ch, '.' | ',' | '%' | 'e' | 'E' | '+' | '-')),
                    "{:?} was written as {:?}", c, out
                );
            }
        }

        #[test]
        fn exported_cells_read_back_as_written(c in cell()) {
            let csv = to_csv(&strings(&["客户名称", "备注"]), vec![vec!["x".to_string(), c.clone()]]);
            let table = kam_planner::persist::csv_import::read_csv(csv.as_bytes()).unwrap();
            let back = table.rows.first().and_then(|r| r.get(1)).cloned().unwrap_or_default();
            prop_assert_eq!(strip_neutralising_quote(&back), c.as_str());
        }
    }
}

//! CSV writing for every export (customers with tiers, invalid import rows, …).
//!
//! The output is what Excel on a Chinese-locale Windows opens correctly by double-click: UTF-8
//! **with a byte-order mark** (without it Excel guesses GBK and garbles 中文), comma-separated,
//! CRLF line ends, RFC 4180 quoting.
//!
//! Cells are neutralised against formula injection (OWASP "CSV Injection"): a cell whose first
//! character other than whitespace is `=`, `+`, `-`, `@` or one of their full-width forms
//! `＝＋－＠`, or which begins with TAB or CR, gets a leading `'`, so a spreadsheet shows it as
//! text instead of running it. Whitespace here is every Unicode white space (space, NBSP, U+3000,
//! LF, …) and the invisible U+FEFF, U+200B–U+200D and U+2060: spreadsheets skip some of them
//! before looking for a formula. The one exception is a cell that is a plain number apart from
//! that whitespace (`-1200`, `+3.5`, `-1,200.50`, `-12%`, `1e6`): a number cannot call a
//! function or reach a link, and prefixing it would turn figures the user wants to sum into text.
//!
//! [`strip_neutralising_quote`] undoes [`neutralise`] exactly, so a file the app exported imports
//! back to the same text (a cell the user wrote as `'=x` is exported as `''=x` for that reason).

use std::borrow::Cow;

/// The byte-order mark that tells Excel the file is UTF-8.
pub const UTF8_BOM: char = '\u{FEFF}';

/// Writes a CSV document: BOM, the header line, then one line per row, each ended by CRLF.
///
/// Every cell is [`neutralise`]d, then quoted when it contains a comma, quote, CR or LF (RFC 4180),
/// or a `;` or TAB — those would otherwise let the delimiter sniffing of the importer mistake the
/// file for semicolon- or tab-separated when it is read back. Rows are written as given (no padding
/// to the header width).
pub fn to_csv(headers: &[String], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    out.push(UTF8_BOM);
    write_line(&mut out, headers);
    for row in rows {
        write_line(&mut out, &row);
    }
    out
}

/// Appends one CSV line (with its CRLF) for `cells`.
fn write_line(out: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let cell = neutralise(cell);
        if cell.contains([',', '"', '\r', '\n', ';', '\t']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

/// Makes a cell safe to open in a spreadsheet: prefixes `'` when it would start a formula (see
/// the module documentation), unless it is a plain number.
///
/// `neutralise("=1+1")` is `'=1+1`; `neutralise(" ＝1")` is `' ＝1`; `neutralise("-1200")` stays
/// `-1200`; `neutralise("abc")` is borrowed unchanged.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if needs_prefix(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Removes the `'` that [`neutralise`] put in front of a cell, and nothing else:
/// `strip_neutralising_quote(&neutralise(c)) == c` for every `c`.
pub fn strip_neutralising_quote(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_prefix(rest) => rest,
        _ => cell,
    }
}

/// True when a spreadsheet could read `cell` as a formula once its leading `'`s (which
/// [`strip_neutralising_quote`] removes one at a time) are gone.
fn needs_prefix(cell: &str) -> bool {
    let rest = cell.trim_start_matches('\'');
    if rest.starts_with(['\t', '\r']) {
        return true;
    }
    let body = rest.trim_start_matches(is_blank);
    body.starts_with(FORMULA_STARTS) && !is_plain_number(body.trim_end_matches(is_blank))
}

/// Characters that start a formula in Excel, WPS or LibreOffice, ASCII and full-width.
const FORMULA_STARTS: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// White space and the invisible characters a spreadsheet may skip before a formula.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}')
}

/// True for an ASCII number a spreadsheet reads as a value: optional sign, digits (optionally
/// grouped by commas in threes), optional decimals, optional exponent, optional trailing `%`.
fn is_plain_number(cell: &str) -> bool {
    let s = cell.strip_suffix('%').unwrap_or(cell);
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    if let Some(exp) = exponent {
        let digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    if let Some(f) = frac {
        if !f.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    let has_digit = !int.is_empty() || frac.is_some_and(|f| !f.is_empty());
    has_digit && is_grouped_integer(int)
}

/// True for `""`, `1234` or `1,234,567` (commas only in groups of three).
fn is_grouped_integer(int: &str) -> bool {
    if !int.contains(',') {
        return int.bytes().all(|b| b.is_ascii_digit());
    }
    int.split(',').enumerate().all(|(i, group)| {
        let len_ok = if i == 0 {
            (1..=3).contains(&group.len())
        } else {
            group.len() == 3
        };
        len_ok && group.bytes().all(|b| b.is_ascii_digit())
    })
}

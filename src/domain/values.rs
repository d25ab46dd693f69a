//! Reading single values as people write them: amounts, percentages, whole numbers, yes/no. The
//! importers read every cell with these, and the customer form reads what is typed with them.
//!
//! All readers first fold full-width forms to ASCII (`１２３，４５６` → `123,456`, `％` → `%`,
//! `￥` → `¥`, `−` → `-`) and drop white space (including the ideographic and no-break spaces),
//! because Chinese spreadsheets mix them freely.

use std::borrow::Cow;

use thiserror::Error;

/// The largest magnitude accepted for any number (10¹⁵ yuan = 1,000 万亿): a bigger figure is a
/// typo or a unit mistake, and f64 stops counting single yuan exactly not far above it.
pub const MAX_AMOUNT: f64 = 1e15;

/// Why a text is not a number.
#[derive(Clone, Copy, Debug, Error, PartialEq, Eq)]
pub enum AmountError {
    /// The text is empty (optional fields read this as "unknown").
    #[error("empty")]
    Empty,
    /// The text is not a number in any accepted form.
    #[error("not a number")]
    Invalid,
    /// The number is larger in magnitude than [`MAX_AMOUNT`] (or infinite).
    #[error("the number is larger than 1e15")]
    TooLarge,
}

/// The unit plain numbers in an amount column are written in, from its header (see [`unit_hint`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AmountUnit {
    /// Yuan (元): no scaling.
    #[default]
    Yuan,
    /// Thousands: 千元, "(K)", "kCNY", "thousand".
    Thousand,
    /// 万元 (10⁴).
    TenThousand,
    /// Millions: 百万, "(M)", "million".
    Million,
    /// 亿元 (10⁸).
    HundredMillion,
    /// Billions: "bn", "billion".
    Billion,
}

impl AmountUnit {
    /// The power of ten the unit stands for (万 → 4).
    pub fn exponent(self) -> i32 {
        match self {
            AmountUnit::Yuan => 0,
            AmountUnit::Thousand => 3,
            AmountUnit::TenThousand => 4,
            AmountUnit::Million => 6,
            AmountUnit::HundredMillion => 8,
            AmountUnit::Billion => 9,
        }
    }

    /// The factor plain numbers are multiplied by (万 → 10,000).
    pub fn factor(self) -> f64 {
        10f64.powi(self.exponent())
    }
}

/// The unit an amount column's header declares: "年采购额(万元)" → [`AmountUnit::TenThousand`],
/// "收入（亿元）" → hundred million, "采购额(百万)" → million, "千元" or "Revenue (K)" → thousand,
/// "(M)" / "million" → million, "bn" / "billion" → billion, anything else → yuan.
///
/// [`super::build_customers`] applies it to the amount columns only, and only to plain numbers:
/// a cell with its own unit ("1.2亿" in a 万元 column) keeps that unit.
pub fn unit_hint(header: &str) -> AmountUnit {
    let text = half_width(header).to_lowercase();
    if text.contains("百万") {
        return AmountUnit::Million;
    }
    if text.contains('亿') {
        return AmountUnit::HundredMillion;
    }
    if text.contains('万') {
        return AmountUnit::TenThousand;
    }
    if text.contains('千') {
        return AmountUnit::Thousand;
    }
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        match word {
            "k" | "kcny" | "krmb" | "thousand" | "thousands" => return AmountUnit::Thousand,
            "m" | "mn" | "mcny" | "mrmb" | "million" | "millions" => return AmountUnit::Million,
            "bn" | "billion" | "billions" => return AmountUnit::Billion,
            _ => {}
        }
    }
    AmountUnit::Yuan
}

/// Folds full-width ASCII forms, the ideographic space, the full-width yen sign and the Unicode
/// minus to their ASCII counterparts.
pub fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{FFE5}' => '¥',
            '\u{2212}' => '-',
            _ => c,
        })
        .collect()
}

/// [`half_width`], without white space, ASCII letters in lower case: the form every value reader
/// matches against. Borrows when there is nothing to change (this runs for every imported cell).
fn compact(text: &str) -> Cow<'_, str> {
    let fold = |c: char| match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{FFE5}' => '¥',
        '\u{2212}' => '-',
        c => c.to_ascii_lowercase(),
    };
    if text.chars().all(|c| fold(c) == c && !c.is_whitespace()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(fold)
            .filter(|c| !c.is_whitespace())
            .collect(),
    )
}

/// True for the "no value" marks spreadsheets use: `-`, `--`, `—`, `/`, `N/A`, `#N/A`, `null`,
/// `none`. Import treats them like an empty cell.
pub fn is_placeholder(cell: &str) -> bool {
    // The longest mark is 6 bytes; anything much longer (after trimming) cannot be one.
    if cell.trim().len() > 8 {
        return false;
    }
    matches!(
        compact(cell).as_ref(),
        "-" | "--" | "—" | "——" | "–" | "/" | "n/a" | "na" | "#n/a" | "null" | "none"
    )
}

/// Currency marks stripped from either end of an amount.
const CURRENCY: &[&str] = &["人民币", "rmb", "cny", "¥", "元"];

/// Unit suffixes of an amount with their power of ten, longest first.
const SUFFIXES: &[(&str, i32)] = &[
    ("万亿", 12),
    ("千万", 7),
    ("百万", 6),
    ("亿", 8),
    ("万", 4),
    ("千", 3),
    ("bn", 9),
    ("b", 9),
    ("m", 6),
    ("k", 3),
    ("w", 4),
];

/// Removes currency marks from both ends.
fn strip_currency(mut s: &str) -> &str {
    loop {
        let before = s.len();
        for c in CURRENCY {
            s = s.strip_prefix(c).unwrap_or(s);
            s = s.strip_suffix(c).unwrap_or(s);
        }
        if s.len() == before {
            return s;
        }
    }
}

/// Reads an amount in yuan. Accepted: `1200000`, `1,200,000` (commas only in groups of three),
/// `1.2e6`, unit suffixes `万` (10⁴), `亿` (10⁸), `万亿`, `千`, `百万`, `K`, `M`, `B`/`bn`, `w` (万),
/// optionally followed by `元`; currency marks `¥`, `￥`, `RMB`, `CNY`, `人民币`, `元`; a leading
/// `+`/`-`; accounting negatives in brackets, `(1,000)` = −1000; full-width digits and spaces.
///
/// `parse_amount("120万")` = 1,200,000; `parse_amount("¥1.2M")` = 1,200,000. Refused: text
/// ([`AmountError::Invalid`] for `abc`, `1.2.3`, `1,2`, `NaN`, `inf`, `35%`), magnitudes above
/// [`MAX_AMOUNT`] ([`AmountError::TooLarge`]), and empty text ([`AmountError::Empty`]).
pub fn parse_amount(text: &str) -> Result<f64, AmountError> {
    parse_amount_in(text, AmountUnit::Yuan)
}

/// [`parse_amount`] for a column whose plain numbers are written in `unit`: `parse_amount_in("120",
/// TenThousand)` = 1,200,000, while a number with its own suffix keeps it (`"1.2亿"` = 1.2 × 10⁸).
pub fn parse_amount_in(text: &str, unit: AmountUnit) -> Result<f64, AmountError> {
    let s = compact(text);
    if s.is_empty() {
        return Err(AmountError::Empty);
    }
    let (bracketed, s) = match s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inner) => (true, inner),
        None => (false, s.as_ref()),
    };
    let s = strip_currency(s);
    let (minus, s) = split_sign(s);
    if bracketed && minus.is_some() {
        return Err(AmountError::Invalid);
    }
    let s = strip_currency(s);
    let (s, exponent) = match SUFFIXES
        .iter()
        .find_map(|(u, e)| Some((s.strip_suffix(u)?, *e)))
    {
        Some((rest, e)) => (strip_currency(rest), e),
        None => (s, unit.exponent()),
    };
    let value = decimal(s, exponent)?;
    // `value != 0.0` keeps "-0" from becoming −0.0.
    let negative = (bracketed || minus == Some(true)) && value != 0.0;
    Ok(if negative { -value } else { value })
}

/// Splits a leading sign: `Some(true)` for `-`, `Some(false)` for `+`.
fn split_sign(s: &str) -> (Option<bool>, &str) {
    if let Some(rest) = s.strip_prefix('-') {
        (Some(true), rest)
    } else if let Some(rest) = s.strip_prefix('+') {
        (Some(false), rest)
    } else {
        (None, s)
    }
}

/// Reads an unsigned decimal (`1,234.5`, `.5`, `1.2e6`) and scales it by 10^`shift`. The number is
/// rebuilt as `<digits>e<exponent>` and parsed once, so `1.2亿` is exactly 120,000,000 (no
/// binary rounding from multiplying 1.2 by 10⁸).
fn decimal(s: &str, shift: i32) -> Result<f64, AmountError> {
    let (mantissa, exponent) = match s.split_once('e') {
        Some((m, e)) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit())
            {
                return Err(AmountError::Invalid);
            }
            (m, e.parse::<i32>().map_err(|_| AmountError::Invalid)?)
        }
        None => (s, 0),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, f),
        None => (mantissa, ""),
    };
    if !frac.bytes().all(|b| b.is_ascii_digit()) || !grouped_digits(int) {
        return Err(AmountError::Invalid);
    }
    if int.is_empty() && frac.is_empty() {
        return Err(AmountError::Invalid);
    }
    let value: f64 = if shift == 0 && !int.contains(',') {
        // Already in a form `f64::from_str` reads exactly (the common case, no allocation).
        s.parse().map_err(|_| AmountError::Invalid)?
    } else {
        let digits: String = int.chars().filter(|c| *c != ',').collect();
        let total = exponent.saturating_add(shift);
        format!("{digits}.{frac}e{total}")
            .replace(".e", "e")
            .parse()
            .map_err(|_| AmountError::Invalid)?
    };
    if !value.is_finite() || value > MAX_AMOUNT {
        return Err(AmountError::TooLarge);
    }
    Ok(value)
}

/// True for `""`, `1234` or `1,234,567` (commas only between groups of three).
fn grouped_digits(int: &str) -> bool {
    int.split(',').enumerate().all(|(i, group)| {
        let len_ok = match (i, int.contains(',')) {
            (_, false) => true,
            (0, true) => (1..=3).contains(&group.len()),
            _ => group.len() == 3,
        };
        len_ok && group.bytes().all(|b| b.is_ascii_digit())
    })
}

/// Reads a percentage in percent points. With a `%` sign the number is the percentage (`35%` →
/// 35); a bare number is taken as percent points too (`35` → 35, and `0.35` → 0.35, *not* 35).
/// Spreadsheet cells formatted as percent arrive as `35%` from both Excel's CSV and the .xlsx
/// reader, so the rule holds for them. Signs, decimals and full-width forms are accepted.
pub fn parse_percent(text: &str) -> Result<f64, AmountError> {
    let s = compact(text);
    if s.is_empty() {
        return Err(AmountError::Empty);
    }
    let s = s.strip_suffix('%').unwrap_or(&s);
    let (minus, s) = split_sign(s);
    let value = decimal(s, 0)?;
    Ok(if minus == Some(true) { -value } else { value })
}

/// Reads a whole number: `3`, `-2`, `3.0`, `1,000`, and with decoration `3年`, `第3名`, `#3`,
/// `No.3`, `TOP3`. `2.5` is [`AmountError::Invalid`].
pub fn parse_integer(text: &str) -> Result<i64, AmountError> {
    let s = compact(text);
    if s.is_empty() {
        return Err(AmountError::Empty);
    }
    let mut s = s.as_ref();
    for prefix in ["第", "#", "no.", "no", "top"] {
        s = s.strip_prefix(prefix).unwrap_or(s);
    }
    for suffix in ["年", "名", "位", "years", "year", "yrs", "yr"] {
        s = s.strip_suffix(suffix).unwrap_or(s);
    }
    let (minus, s) = split_sign(s);
    let value = decimal(s, 0)?;
    if value.fract() != 0.0 {
        return Err(AmountError::Invalid);
    }
    // `decimal` caps the magnitude at 1e15, well inside i64.
    let n = value as i64;
    Ok(if minus == Some(true) { -n } else { n })
}

/// Reads yes/no: 是/否, 有/无, 对/错, Y/N, yes/no, true/false, T/F, 1/0, √/×, ✓/✗ (any case,
/// full-width too). `None` for anything else, empty text included.
pub fn parse_bool(text: &str) -> Option<bool> {
    match compact(text).as_ref() {
        "是" | "有" | "对" | "y" | "yes" | "true" | "t" | "1" | "√" | "✓" | "✔" => {
            Some(true)
        }
        "否" | "无" | "错" | "n" | "no" | "false" | "f" | "0" | "×" | "✗" | "✘" => {
            Some(false)
        }
        _ => None,
    }
}

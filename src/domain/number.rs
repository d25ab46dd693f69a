//! Number formatting for people: 1.2万 / 3.45亿 in Chinese, 12K / 345M / 1.2B in English.
//!
//! Compact figures keep three significant digits at most (never more than two decimals), with
//! trailing zeros trimmed; rounding that reaches the next unit moves up to it (9,999.6 → 1万).

/// The language numbers are written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberLocale {
    /// 简体中文: 万 (10⁴) and 亿 (10⁸).
    Zh,
    /// English: K (10³), M (10⁶), B (10⁹).
    En,
}

/// Units of a locale, largest first.
fn units(locale: NumberLocale) -> &'static [(f64, &'static str)] {
    match locale {
        NumberLocale::Zh => &[(1e8, "亿"), (1e4, "万")],
        NumberLocale::En => &[(1e9, "B"), (1e6, "M"), (1e3, "K")],
    }
}

/// Decimals for a value already scaled into its unit: 3 significant digits, at most 2 decimals.
fn decimals_for(scaled: f64) -> usize {
    if scaled >= 100.0 {
        0
    } else if scaled >= 10.0 {
        1
    } else {
        2
    }
}

/// Rounds to `decimals` and trims trailing zeros: (1.20, 2) → "1.2".
fn fixed_trimmed(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Groups the integer part with commas: 1234567.5 → "1,234,567.5".
pub fn group_thousands(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{sign}{out}{frac}")
}

/// A compact figure: `format_compact(12_000.0, Zh)` = "1.2万", `format_compact(345e6, En)` = "345M".
/// Below the smallest unit the number is written in full with thousands separators (at most two
/// decimals). Non-finite values are written as "—".
pub fn format_compact(value: f64, locale: NumberLocale) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let abs = value.abs();
    let units = units(locale);
    for (i, &(size, suffix)) in units.iter().enumerate() {
        if abs >= size {
            let scaled = abs / size;
            let d = decimals_for(scaled);
            let rounded = round_to(scaled, d);
            // 9999.6万 rounds to 10000万: write it in the next unit up instead.
            if i > 0 {
                let (bigger, bigger_suffix) = units[i - 1];
                if rounded * size >= bigger {
                    return format!("{sign}1{bigger_suffix}");
                }
            }
            return format!("{sign}{}{suffix}", fixed_trimmed(rounded, d));
        }
    }
    let smallest = units.last().map(|u| u.0).unwrap_or(f64::INFINITY);
    let rounded = round_to(abs, 2);
    if rounded >= smallest {
        let suffix = units.last().map(|u| u.1).unwrap_or("");
        return format!("{sign}1{suffix}");
    }
    let body = group_thousands(&fixed_trimmed(rounded, 2));
    if body == "0" {
        "0".to_string()
    } else {
        format!("{sign}{body}")
    }
}

fn round_to(x: f64, decimals: usize) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (x * f).round() / f
}

/// A percentage with one decimal, trailing ".0" trimmed: 12.34 → "12.3%", 2.0 → "2%".
pub fn format_percent(pct: f64) -> String {
    if !pct.is_finite() {
        return "—".to_string();
    }
    format!("{}%", fixed_trimmed(round_to(pct, 1), 1))
}

/// An integer count with thousands separators: 100000 → "100,000".
pub fn format_count(n: usize) -> String {
    group_thousands(&n.to_string())
}

/// Parses a compact figure written by [`format_compact`] (either locale) back into a number, as
/// well as plain numbers with thousands separators. Returns `None` for anything else.
pub fn parse_compact(text: &str) -> Option<f64> {
    let t = text.trim();
    let (sign, t) = match t.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, t),
    };
    let multipliers: [(&str, f64); 5] =
        [("亿", 1e8), ("万", 1e4), ("B", 1e9), ("M", 1e6), ("K", 1e3)];
    let (body, mult) = multipliers
        .iter()
        .find_map(|(s, m)| t.strip_suffix(s).map(|b| (b, *m)))
        .unwrap_or((t, 1.0));
    let cleaned: String = body.chars().filter(|c| *c != ',').collect();
    if cleaned.is_empty() {
        return None;
    }
    cleaned.parse::<f64>().ok().map(|v| sign * v * mult)
}

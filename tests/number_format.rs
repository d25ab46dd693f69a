//! Number formatting: 万/亿 in Chinese, K/M/B in English.

use kam_planner::domain::number::{
    format_compact, format_count, format_percent, group_thousands, parse_compact, NumberLocale,
};
use proptest::prelude::*;

use NumberLocale::{En, Zh};

#[test]
fn chinese_uses_wan_and_yi() {
    let cases = [
        (12_000.0, "1.2万"),
        (345_000_000.0, "3.45亿"),
        (10_000.0, "1万"),
        (12_345.0, "1.23万"),
        (123_456.0, "12.3万"),
        (1_234_567.0, "123万"),
        (12_345_678.0, "1235万"),
        (100_000_000.0, "1亿"),
        (1_230_000_000_000.0, "12300亿"),
        (9_999.0, "9,999"),
        (8_500.5, "8,500.5"),
        (0.0, "0"),
        (-12_000.0, "-1.2万"),
        (-0.001, "0"),
    ];
    for (v, want) in cases {
        assert_eq!(format_compact(v, Zh), want, "{v}");
    }
}

#[test]
fn english_uses_k_m_b() {
    let cases = [
        (12_000.0, "12K"),
        (345_000_000.0, "345M"),
        (1_200.0, "1.2K"),
        (1_500_000.0, "1.5M"),
        (2_750_000_000.0, "2.75B"),
        (999.0, "999"),
        (-45_600.0, "-45.6K"),
    ];
    for (v, want) in cases {
        assert_eq!(format_compact(v, En), want, "{v}");
    }
}

#[test]
fn rounding_that_reaches_the_next_unit_moves_up() {
    assert_eq!(format_compact(9_999.996, Zh), "1万");
    assert_eq!(format_compact(99_996_000.0, Zh), "1亿");
    assert_eq!(format_compact(999_999.0, En), "1M");
    assert_eq!(format_compact(999.999, En), "1K");
}

#[test]
fn non_finite_is_a_dash() {
    assert_eq!(format_compact(f64::NAN, Zh), "—");
    assert_eq!(format_compact(f64::INFINITY, En), "—");
    assert_eq!(format_percent(f64::NAN), "—");
}

#[test]
fn percent_count_and_grouping() {
    assert_eq!(format_percent(12.34), "12.3%");
    assert_eq!(format_percent(2.0), "2%");
    assert_eq!(format_percent(0.04), "0%");
    assert_eq!(format_count(100_000), "100,000");
    assert_eq!(format_count(7), "7");
    assert_eq!(group_thousands("-1234567.25"), "-1,234,567.25");
    assert_eq!(group_thousands("123"), "123");
}

#[test]
fn parse_reads_both_locales() {
    assert_eq!(parse_compact("1.2万"), Some(12_000.0));
    assert_eq!(parse_compact("3.45亿"), Some(345_000_000.0));
    assert_eq!(parse_compact("12K"), Some(12_000.0));
    assert_eq!(parse_compact("-1.5M"), Some(-1_500_000.0));
    assert_eq!(parse_compact("1,234,567"), Some(1_234_567.0));
    assert_eq!(parse_compact("万"), None);
    assert_eq!(parse_compact("abc"), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever the value, the compact form reads back within the rounding of 3 significant
    /// digits (≤ 0.5 %), or within 0.005 below the smallest unit.
    #[test]
    fn compact_form_reads_back_close(v in -1e13f64..1e13f64, zh in any::<bool>()) {
        let locale = if zh { Zh } else { En };
        let text = format_compact(v, locale);
        let back = parse_compact(&text).expect("own output parses");
        let tolerance = (v.abs() * 0.005).max(0.006);
        prop_assert!((back - v).abs() <= tolerance, "{v} → {text} → {back}");
    }

    /// At most three significant digits and at most two decimals in the compact form.
    #[test]
    fn compact_form_is_short(v in 1e4f64..1e12f64) {
        for locale in [Zh, En] {
            let text = format_compact(v, locale);
            let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
            let decimals = text.split('.').nth(1).map(|d| d.chars().filter(char::is_ascii_digit).count()).unwrap_or(0);
            prop_assert!(decimals <= 2, "{text}");
            prop_assert!(digits.trim_start_matches('0').len() <= 5, "{text}");
        }
    }
}

//! Free text kept in both languages in one field, "中文 / English" (the demo's notes, reasons
//! and the default governance texts): which part to show in which language. The stored text is
//! never changed; editors show it whole.

/// True for a character of Chinese, Japanese or Korean writing, including CJK punctuation and
/// full-width forms (a "，" or "（" marks Chinese text as much as an ideograph does).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}'     // radicals
        | '\u{3000}'..='\u{30FF}'   // CJK punctuation, kana
        | '\u{3100}'..='\u{31FF}'   // bopomofo, strokes
        | '\u{3400}'..='\u{4DBF}'   // extension A
        | '\u{4E00}'..='\u{9FFF}'   // unified ideographs
        | '\u{AC00}'..='\u{D7AF}'   // hangul
        | '\u{F900}'..='\u{FAFF}'   // compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}'   // compatibility forms
        | '\u{FF00}'..='\u{FFEF}'   // full-width forms
        | '\u{20000}'..='\u{2FA1F}' // extensions B…
    )
}

/// The separator between the Chinese and the English part.
const SEPARATOR: &str = " / ";

/// Splits "中文 / English" into its Chinese and English part, trimmed. It splits only where the
/// part before a " / " has Chinese characters and the part after it has none and has Latin
/// letters; with several " / " the first such place wins, so "立项 / Go / no-go" gives
/// ("立项", "Go / no-go") and "系统部部长 / 客户群总监 / Account director" gives
/// ("系统部部长 / 客户群总监", "Account director"). Any other text (one language, both parts
/// Latin, "中文/English" without spaces, an empty part) is `None`: it is shown whole.
pub fn split_bilingual(text: &str) -> Option<(&str, &str)> {
    text.match_indices(SEPARATOR).find_map(|(at, _)| {
        let (zh, en) = (text[..at].trim(), text[at + SEPARATOR.len()..].trim());
        let latin = en.chars().any(|c| c.is_alphabetic()) && !en.chars().any(is_cjk);
        (latin && zh.chars().any(is_cjk)).then_some((zh, en))
    })
}

/// The part of `text` to show in a language (`zh`: Chinese) and the other part, for a tooltip;
/// the whole text and `None` when it is not bilingual ([`split_bilingual`]).
pub fn in_language(text: &str, zh: bool) -> (&str, Option<&str>) {
    match split_bilingual(text) {
        Some((c, e)) if zh => (c, Some(e)),
        Some((c, e)) => (e, Some(c)),
        None => (text, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_chinese_and_plain_english_stay_whole() {
        assert_eq!(split_bilingual("兼任区域副总"), None);
        assert_eq!(split_bilingual("also deputy head of the region"), None);
        assert_eq!(in_language("兼任区域副总", false), ("兼任区域副总", None));
        assert_eq!(in_language("Lead list", true), ("Lead list", None));
    }

    #[test]
    fn two_latin_parts_stay_whole() {
        assert_eq!(split_bilingual("Go / no-go"), None);
        assert_eq!(in_language("A / B", true), ("A / B", None));
    }

    #[test]
    fn chinese_and_english_split() {
        let text = "兼任区域副总 / also deputy head of the region";
        assert_eq!(
            split_bilingual(text),
            Some(("兼任区域副总", "also deputy head of the region"))
        );
        assert_eq!(
            in_language(text, true),
            ("兼任区域副总", Some("also deputy head of the region"))
        );
        assert_eq!(
            in_language(text, false),
            ("also deputy head of the region", Some("兼任区域副总"))
        );
        // Chinese punctuation and digits on the left, brackets on the right.
        assert_eq!(
            split_bilingual("客户规划(BP)、经营看板 / Account plan (BP), business dashboard"),
            Some((
                "客户规划(BP)、经营看板",
                "Account plan (BP), business dashboard"
            ))
        );
    }

    #[test]
    fn slashes_inside_a_part_are_not_separators() {
        assert_eq!(split_bilingual("管理客户群/系统部"), None);
        assert_eq!(split_bilingual("中文/English"), None);
        assert_eq!(
            split_bilingual("交付/服务转岗 / delivery/service transfer"),
            Some(("交付/服务转岗", "delivery/service transfer"))
        );
    }

    #[test]
    fn several_separators_split_before_the_english_part() {
        assert_eq!(
            split_bilingual("立项或关闭决定 / Go / no-go per lead"),
            Some(("立项或关闭决定", "Go / no-go per lead"))
        );
        assert_eq!(
            split_bilingual("系统部部长 / 客户群总监 / Account director"),
            Some(("系统部部长 / 客户群总监", "Account director"))
        );
        // Chinese on both sides, or Chinese after the English: one text.
        assert_eq!(split_bilingual("系统部部长 / 客户群总监"), None);
        assert_eq!(split_bilingual("中文 / English / 中文"), None);
    }

    #[test]
    fn empty_or_numeric_parts_stay_whole() {
        assert_eq!(split_bilingual(""), None);
        assert_eq!(in_language("", false), ("", None));
        assert_eq!(split_bilingual("中文 / "), None);
        assert_eq!(split_bilingual(" / English"), None);
        assert_eq!(split_bilingual("年采购额 / 2024"), None);
    }
}

//! How wide a text will be on screen, estimated from its characters — for columns and inputs
//! sized to their content before anything is rendered (a fixed-layout table cannot measure).
//!
//! The estimate errs wide: CJK and other full-width characters take one em, capitals and wide
//! Latin letters 0.7 em, other characters 0.6 em, spaces and narrow punctuation 0.35 em.

/// The estimated width in CSS pixels of `text` in a font of `font_px`.
pub fn text_px(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '\'' | '|' | 'i' | 'l' | 'j' | '!' | '(' | ')' => 0.35,
        'A'..='Z' | 'm' | 'w' | '%' | '@' | '—' => 0.72,
        c if c.is_ascii() => 0.6,
        // Latin with accents, Greek, Cyrillic: letter-wide.
        c if (c as u32) < 0x1100 => 0.72,
        // CJK, kana, Hangul, full-width forms and symbols.
        _ => 1.0,
    }
}

/// `text_px` rounded up to whole pixels, plus `extra` (padding, icons), between `min` and `max`.
pub fn fit_px(widest: f64, extra: u32, min: u32, max: u32) -> u32 {
    let w = widest.ceil().max(0.0).min(f64::from(u32::MAX)) as u32;
    w.saturating_add(extra).clamp(min, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_one_em_latin_less() {
        assert_eq!(text_px("中国移动", 10.0), 40.0);
        assert!(text_px("abc", 10.0) < 20.0);
        assert!(text_px("Telecom carriers", 13.0) > 112.0);
        assert_eq!(text_px("", 13.0), 0.0);
    }

    #[test]
    fn fit_is_clamped() {
        assert_eq!(fit_px(10.2, 16, 80, 300), 80);
        assert_eq!(fit_px(200.1, 16, 80, 300), 217);
        assert_eq!(fit_px(1e12, 16, 80, 300), 300);
        assert_eq!(fit_px(f64::NAN, 16, 80, 300), 80);
    }
}

//! The string catalogues: same keys in both languages, no empty values, and every key the code
//! uses exists.

use std::collections::BTreeSet;
use std::path::Path;

use kam_planner::domain::tiering::Field;
use kam_planner::ui::i18n::{merge_catalogues, parse_catalogue, I18n, Lang, EN_FILES, ZH_CN_FILES};

fn keys(files: &[(&str, &str)]) -> BTreeSet<String> {
    merge_catalogues(files).into_keys().collect()
}

#[test]
fn every_file_parses_and_the_catalogues_are_not_trivially_small() {
    for (area, json) in ZH_CN_FILES.iter().chain(EN_FILES) {
        assert!(
            !parse_catalogue(json).is_empty(),
            "{area} does not parse or is empty"
        );
    }
    assert!(merge_catalogues(ZH_CN_FILES).len() > 50);
    assert!(merge_catalogues(EN_FILES).len() > 50);
}

#[test]
fn both_languages_have_the_same_areas_and_no_key_is_in_two_files() {
    let areas =
        |files: &[(&str, &str)]| files.iter().map(|(a, _)| a.to_string()).collect::<Vec<_>>();
    assert_eq!(areas(ZH_CN_FILES), areas(EN_FILES));
    for files in [ZH_CN_FILES, EN_FILES] {
        let total: usize = files.iter().map(|(_, j)| parse_catalogue(j).len()).sum();
        assert_eq!(
            total,
            merge_catalogues(files).len(),
            "a key is defined in two files"
        );
    }
}

#[test]
fn both_catalogues_have_exactly_the_same_keys() {
    let zh = keys(ZH_CN_FILES);
    let en = keys(EN_FILES);
    let only_zh: Vec<_> = zh.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&zh).collect();
    assert!(
        only_zh.is_empty() && only_en.is_empty(),
        "only in zh-CN: {only_zh:?}; only in en: {only_en:?}"
    );
}

#[test]
fn no_value_is_empty_and_placeholders_match() {
    let zh = merge_catalogues(ZH_CN_FILES);
    let en = merge_catalogues(EN_FILES);
    let placeholders = |s: &str| -> BTreeSet<String> {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split('}').next())
            .map(str::to_string)
            .collect()
    };
    for (key, z) in &zh {
        assert!(!z.trim().is_empty(), "zh-CN {key} is empty");
        let e = &en[key];
        assert!(!e.trim().is_empty(), "en {key} is empty");
        assert_eq!(
            placeholders(z),
            placeholders(e),
            "placeholders differ for {key}"
        );
    }
}

#[test]
fn english_catalogue_has_no_chinese_and_chinese_is_chinese() {
    let zh = merge_catalogues(ZH_CN_FILES);
    for (key, v) in merge_catalogues(EN_FILES) {
        // 万 and 亿 may appear: they are how Chinese amounts in imported files are written.
        let chinese = v
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c) && !matches!(c, '万' | '亿'))
            .count();
        assert_eq!(chinese, 0, "en {key}: {v}");
    }
    assert_eq!(zh["app.title"], "大客户经营规划工具箱");
}

/// Collects every literal passed to `.t("…")` or `.tf("…"` under src/ui.
fn used_keys(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("src/ui readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            used_keys(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("source readable");
            for pat in [".t(\"", ".tf(\""] {
                for part in text.split(pat).skip(1) {
                    if let Some(key) = part.split('"').next() {
                        out.insert(key.to_string());
                    }
                }
            }
        }
    }
}

#[test]
fn every_key_used_in_the_ui_exists() {
    let mut used = BTreeSet::new();
    used_keys(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
        &mut used,
    );
    assert!(used.len() > 40, "the scan found only {} keys", used.len());
    let zh = keys(ZH_CN_FILES);
    let missing: Vec<_> = used.iter().filter(|k| !zh.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "keys used but not in the catalogue: {missing:?}"
    );
    // Keys built at run time.
    for n in 1..=4 {
        for part in ["title", "body"] {
            assert!(zh.contains(&format!("overview.step{n}_{part}")));
        }
    }
}

#[test]
fn lookups_and_placeholders() {
    let zh = I18n { lang: Lang::ZhCn };
    let en = I18n { lang: Lang::En };
    assert_eq!(en.t("app.title"), "KAM Planner");
    assert_eq!(
        zh.tf("ws.copy_name", &[("name", "示例集团")]),
        "示例集团（副本）"
    );
    assert_eq!(
        en.tf("ws.copy_name", &[("name", "Demo Group")]),
        "Demo Group (copy)"
    );
    assert_eq!(en.t("no.such.key"), "no.such.key");
    assert_eq!(zh.num(12_000.0), "1.2万");
    assert_eq!(en.num(12_000.0), "12K");
}

#[test]
fn language_defaults_follow_the_browser() {
    assert_eq!(Lang::from_navigator("en-US"), Lang::En);
    assert_eq!(Lang::from_navigator("EN"), Lang::En);
    assert_eq!(Lang::from_navigator("zh-CN"), Lang::ZhCn);
    assert_eq!(Lang::from_navigator("zh-TW"), Lang::ZhCn);
    assert_eq!(Lang::from_navigator("de-DE"), Lang::ZhCn);
    assert_eq!(Lang::from_navigator(""), Lang::ZhCn);
    for l in [Lang::ZhCn, Lang::En] {
        assert_eq!(Lang::from_tag(l.tag()), Some(l));
    }
}

#[test]
fn every_rule_field_has_a_distinct_key() {
    let keys: BTreeSet<&str> = Field::ALL.iter().map(|f| f.key()).collect();
    assert_eq!(keys.len(), Field::ALL.len());
}

#[test]
fn every_rule_field_has_a_label_in_both_languages() {
    for files in [ZH_CN_FILES, EN_FILES] {
        let cat = merge_catalogues(files);
        for f in Field::ALL {
            let key = format!("field.{}", f.key());
            assert!(cat.get(&key).is_some_and(|v| !v.is_empty()), "{key}");
        }
    }
}

#[test]
fn explanations_read_naturally() {
    use kam_planner::domain::tiering::{Condition, Explanation, Join, Op};
    use kam_planner::ui::explain::explanation_text;
    let zh = I18n { lang: Lang::ZhCn };
    let en = I18n { lang: Lang::En };
    let matched = Explanation::Matched {
        join: Join::Any,
        conditions: vec![
            Condition::number(Field::AnnualPurchase, Op::Ge, 10_000_000.0),
            Condition::flag(Field::OnNamedList, Op::IsTrue),
        ]
        .into(),
    };
    assert_eq!(
        explanation_text(&zh, &matched),
        "年采购额 ≥ 1000万；清单制/行业TOP3：是"
    );
    assert_eq!(
        explanation_text(&en, &matched),
        "Annual purchase ≥ 10M; Named list / industry top 3: yes"
    );
    assert_eq!(
        explanation_text(
            &zh,
            &Explanation::Override {
                reason: "集团战略".into()
            }
        ),
        "手动指定：集团战略"
    );
    let scored = Explanation::Scored {
        score: 72.46,
        cutoff: Some(55.0),
        rank: None,
    };
    assert_eq!(explanation_text(&en, &scored), "Score 72.5 ≥ 55");
}

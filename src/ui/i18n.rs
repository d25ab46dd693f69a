//! The interface language and its string catalogue: one JSON file per area and language under
//! `locales/<lang>/`. Every user-visible string goes through [`I18n::t`] or [`I18n::tf`].
//!
//! The page's wasm carries no catalogue: the build merges each language's files into one
//! `i18n-<lang>-<hash>.json` beside `index.html` and names it in a
//! `<meta name="kam-i18n-<lang>">` (`scripts/catalogues.mjs`), and [`load`] fetches the active
//! language's, before the app mounts and when the user switches. Tests install the compiled-in
//! sources instead ([`install_builtin`]); only they reference [`ZH_CN_FILES`] and [`EN_FILES`],
//! so the release build leaves them out.

use std::collections::HashMap;
use std::sync::OnceLock;

use yew::prelude::*;

use crate::domain::number::{self, NumberLocale};
use crate::domain::text;
use crate::ui::page_files::{fetch_text, named_file};

/// The zh-CN catalogue sources, one per area.
pub const ZH_CN_FILES: &[(&str, &str)] = &[
    ("shell", include_str!("locales/zh-CN/shell.json")),
    ("overview", include_str!("locales/zh-CN/overview.json")),
    ("fields", include_str!("locales/zh-CN/fields.json")),
    ("tiering", include_str!("locales/zh-CN/tiering.json")),
    ("transfer", include_str!("locales/zh-CN/transfer.json")),
    (
        "concentration",
        include_str!("locales/zh-CN/concentration.json"),
    ),
    ("customers", include_str!("locales/zh-CN/customers.json")),
    ("exchange", include_str!("locales/zh-CN/exchange.json")),
    ("team", include_str!("locales/zh-CN/team.json")),
    ("team_admin", include_str!("locales/zh-CN/team_admin.json")),
    ("roles", include_str!("locales/zh-CN/roles.json")),
    ("talent", include_str!("locales/zh-CN/talent.json")),
    ("rhythm", include_str!("locales/zh-CN/rhythm.json")),
    ("engagement", include_str!("locales/zh-CN/engagement.json")),
    ("kpi", include_str!("locales/zh-CN/kpi.json")),
    ("portfolio", include_str!("locales/zh-CN/portfolio.json")),
    ("ltc", include_str!("locales/zh-CN/ltc.json")),
    ("mcr", include_str!("locales/zh-CN/mcr.json")),
    ("diagnosis", include_str!("locales/zh-CN/diagnosis.json")),
    ("ltc_board", include_str!("locales/zh-CN/ltc_board.json")),
    (
        "ltc_forecast",
        include_str!("locales/zh-CN/ltc_forecast.json"),
    ),
    (
        "ltc_contracts",
        include_str!("locales/zh-CN/ltc_contracts.json"),
    ),
    ("ltc_import", include_str!("locales/zh-CN/ltc_import.json")),
    ("mcr_import", include_str!("locales/zh-CN/mcr_import.json")),
    (
        "portfolio_lines",
        include_str!("locales/zh-CN/portfolio_lines.json"),
    ),
    ("whitespace", include_str!("locales/zh-CN/whitespace.json")),
    ("insight", include_str!("locales/zh-CN/insight.json")),
    ("account", include_str!("locales/zh-CN/account.json")),
    ("report", include_str!("locales/zh-CN/report.json")),
    ("terms", include_str!("locales/zh-CN/terms.json")),
];
/// The English catalogue sources, one per area (same areas as [`ZH_CN_FILES`]).
pub const EN_FILES: &[(&str, &str)] = &[
    ("shell", include_str!("locales/en/shell.json")),
    ("overview", include_str!("locales/en/overview.json")),
    ("fields", include_str!("locales/en/fields.json")),
    ("tiering", include_str!("locales/en/tiering.json")),
    ("transfer", include_str!("locales/en/transfer.json")),
    (
        "concentration",
        include_str!("locales/en/concentration.json"),
    ),
    ("customers", include_str!("locales/en/customers.json")),
    ("exchange", include_str!("locales/en/exchange.json")),
    ("team", include_str!("locales/en/team.json")),
    ("team_admin", include_str!("locales/en/team_admin.json")),
    ("roles", include_str!("locales/en/roles.json")),
    ("talent", include_str!("locales/en/talent.json")),
    ("rhythm", include_str!("locales/en/rhythm.json")),
    ("engagement", include_str!("locales/en/engagement.json")),
    ("kpi", include_str!("locales/en/kpi.json")),
    ("portfolio", include_str!("locales/en/portfolio.json")),
    ("ltc", include_str!("locales/en/ltc.json")),
    ("mcr", include_str!("locales/en/mcr.json")),
    ("diagnosis", include_str!("locales/en/diagnosis.json")),
    ("ltc_board", include_str!("locales/en/ltc_board.json")),
    ("ltc_forecast", include_str!("locales/en/ltc_forecast.json")),
    (
        "ltc_contracts",
        include_str!("locales/en/ltc_contracts.json"),
    ),
    ("ltc_import", include_str!("locales/en/ltc_import.json")),
    ("mcr_import", include_str!("locales/en/mcr_import.json")),
    (
        "portfolio_lines",
        include_str!("locales/en/portfolio_lines.json"),
    ),
    ("whitespace", include_str!("locales/en/whitespace.json")),
    ("insight", include_str!("locales/en/insight.json")),
    ("account", include_str!("locales/en/account.json")),
    ("report", include_str!("locales/en/report.json")),
    ("terms", include_str!("locales/en/terms.json")),
];

/// An interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 简体中文 (the default).
    ZhCn,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag, used for `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Parses a stored tag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "zh-CN" => Some(Lang::ZhCn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The default for a browser language (`navigator.language`): English for `en*`, Chinese
    /// otherwise (the product's default).
    pub fn from_navigator(language: &str) -> Lang {
        if language.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::ZhCn
        }
    }

    /// How numbers are written in this language.
    pub fn number_locale(self) -> NumberLocale {
        match self {
            Lang::ZhCn => NumberLocale::Zh,
            Lang::En => NumberLocale::En,
        }
    }
}

/// Parses one catalogue file; an unreadable one yields an empty map (every lookup then shows its
/// key, and the catalogue tests fail loudly).
pub fn parse_catalogue(json: &str) -> HashMap<String, String> {
    serde_json::from_str(json).unwrap_or_default()
}

/// Merges the files of one language into one catalogue.
pub fn merge_catalogues(files: &[(&str, &str)]) -> HashMap<String, String> {
    files
        .iter()
        .flat_map(|(_, json)| parse_catalogue(json))
        .collect()
}

static ZH: OnceLock<HashMap<String, String>> = OnceLock::new();
static EN: OnceLock<HashMap<String, String>> = OnceLock::new();

fn slot(lang: Lang) -> &'static OnceLock<HashMap<String, String>> {
    match lang {
        Lang::ZhCn => &ZH,
        Lang::En => &EN,
    }
}

fn catalogue(lang: Lang) -> &'static HashMap<String, String> {
    static EMPTY: OnceLock<HashMap<String, String>> = OnceLock::new();
    // Native code (the tests, the tools) has no page to fetch from: the compiled-in sources.
    #[cfg(not(target_arch = "wasm32"))]
    if !is_loaded(lang) {
        install_builtin();
    }
    slot(lang)
        .get()
        .unwrap_or_else(|| EMPTY.get_or_init(HashMap::new))
}

/// True when `lang`'s catalogue is in memory.
pub fn is_loaded(lang: Lang) -> bool {
    slot(lang).get().is_some()
}

/// Installs `lang`'s catalogue (the first one installed stays).
pub fn install(lang: Lang, catalogue: HashMap<String, String>) {
    let _ = slot(lang).set(catalogue);
}

/// Installs both catalogues from the sources compiled into the tests.
pub fn install_builtin() {
    install(Lang::ZhCn, merge_catalogues(ZH_CN_FILES));
    install(Lang::En, merge_catalogues(EN_FILES));
}

/// Largest catalogue file accepted, in bytes.
pub const MAX_CATALOGUE_BYTES: usize = 2 * 1024 * 1024;

/// Fetches and installs `lang`'s catalogue, unless it is in memory already. The error says why
/// it could not be loaded (English, technical).
pub async fn load(lang: Lang) -> Result<(), String> {
    if is_loaded(lang) {
        return Ok(());
    }
    let url = named_file(
        &format!("kam-i18n-{}", lang.tag()),
        ".json",
        &format!("./i18n-{}.json", lang.tag()),
    );
    let text = fetch_text(&url).await?;
    if text.len() > MAX_CATALOGUE_BYTES {
        return Err(format!("the catalogue is over {MAX_CATALOGUE_BYTES} bytes"));
    }
    let catalogue = parse_catalogue(&text);
    if catalogue.is_empty() {
        return Err("the catalogue does not read".into());
    }
    install(lang, catalogue);
    Ok(())
}

/// Translations in one language; cheap to copy, provided as a context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct I18n {
    /// The language.
    pub lang: Lang,
}

impl I18n {
    /// The string for `key`; the key itself when it is missing.
    pub fn t<'a>(&self, key: &'a str) -> &'a str {
        catalogue(self.lang)
            .get(key)
            .map(String::as_str)
            .unwrap_or(key)
    }

    /// The string for `key` with each `{name}` replaced by its value.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.t(key).to_string();
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }

    /// A compact number in this language (1.2万 / 12K).
    pub fn num(&self, value: f64) -> String {
        number::format_compact(value, self.lang.number_locale())
    }

    /// The part of a stored "中文 / English" text in this language (the whole text when it is
    /// not bilingual, [`text::split_bilingual`]). Editors show the whole text instead.
    pub fn local<'a>(&self, stored: &'a str) -> &'a str {
        text::in_language(stored, self.lang == Lang::ZhCn).0
    }

    /// The name of a tier in this language.
    pub fn tier_name<'a>(&self, tier: &'a crate::domain::tiering::Tier) -> &'a str {
        match self.lang {
            Lang::ZhCn if !tier.name_zh.is_empty() => &tier.name_zh,
            Lang::En if !tier.name_en.is_empty() => &tier.name_en,
            _ if !tier.name_zh.is_empty() => &tier.name_zh,
            _ => &tier.name_en,
        }
    }
}

/// The current translations.
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or(I18n { lang: Lang::ZhCn })
}

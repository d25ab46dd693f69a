//! The import wizard's texts: whole-file failures, cell reasons and read values in the user's
//! language.

use crate::domain::number::{format_percent, group_thousands};
use crate::domain::org::people::{format_fte, MAX_CAPACITY_FTE};
use crate::persist::import::rows::Value;
use crate::persist::import::schema::ValueKind;
use crate::persist::import::{customer_spec, ImportError, ImportReason};
use crate::ui::i18n::{I18n, Lang};

/// A whole-file import failure in the user's language.
pub fn import_error_text(i18n: &I18n, e: &ImportError) -> String {
    let mb = |b: usize| format!("{:.1} MB", b as f64 / 1_048_576.0);
    match e {
        ImportError::TooLarge { bytes, max } => i18n.tf(
            "import.too_large",
            &[("size", &mb(*bytes)), ("max", &mb(*max))],
        ),
        ImportError::TooManyRows { max, .. } => {
            i18n.tf("import.too_many_rows", &[("max", &max.to_string())])
        }
        ImportError::TooManyColumns { row, columns, max } => i18n.tf(
            "import.too_many_columns",
            &[
                ("row", &row.to_string()),
                ("columns", &columns.to_string()),
                ("max", &max.to_string()),
            ],
        ),
        ImportError::TooManyCells { max, .. } => {
            i18n.tf("import.too_many_cells", &[("max", &max.to_string())])
        }
        ImportError::UnpackedTooLarge { .. } => i18n.t("import.unpacked_too_large").to_string(),
        ImportError::InflatedTooLarge { max } => {
            i18n.tf("import.inflated_too_large", &[("max", &mb(*max as usize))])
        }
        ImportError::CompressionRatio { part, max } => i18n.tf(
            "import.compression_ratio",
            &[("part", part), ("max", &max.to_string())],
        ),
        ImportError::SizeMismatch { part, declared } => i18n.tf(
            "import.size_mismatch",
            &[("part", part), ("declared", &declared.to_string())],
        ),
        ImportError::Encrypted => i18n.t("import.encrypted").to_string(),
        ImportError::UnsupportedCompression { part, method } => i18n.tf(
            "import.unsupported_compression",
            &[("part", part), ("method", &method.to_string())],
        ),
        ImportError::BrokenZip(detail) => i18n.tf("import.broken_zip", &[("detail", detail)]),
        ImportError::TooManySharedStrings { max } => i18n.tf(
            "import.too_many_shared_strings",
            &[("max", &max.to_string())],
        ),
        ImportError::SharedStringTooLong { max } => {
            i18n.tf("import.shared_string_too_long", &[("max", &mb(*max))])
        }
        ImportError::XmlTextTooLong { part, max } => i18n.tf(
            "import.xml_text_too_long",
            &[("part", part), ("max", &mb(*max))],
        ),
        ImportError::TooManyScannedCells { max } => i18n.tf(
            "import.too_many_scanned_cells",
            &[("max", &max.to_string())],
        ),
        ImportError::TooManyElements { part, max } => i18n.tf(
            "import.too_many_elements",
            &[("part", part), ("max", &max.to_string())],
        ),
        ImportError::NotASpreadsheet { kind } => {
            i18n.tf("import.not_a_spreadsheet", &[("kind", kind)])
        }
        ImportError::InvalidUtf8 { line } => {
            i18n.tf("import.invalid_utf8", &[("line", &line.to_string())])
        }
        ImportError::Empty => i18n.t("import.empty").to_string(),
        ImportError::NoDataRows => i18n.t("import.no_data_rows").to_string(),
        ImportError::UnreadableEncoding => i18n.t("import.unreadable_encoding").to_string(),
        ImportError::LegacyXls => i18n.t("import.legacy_xls").to_string(),
        ImportError::Xlsx(msg) => i18n.tf("import.xlsx", &[("message", msg)]),
        ImportError::NoNameColumn => i18n.t("import.no_name_column").to_string(),
        ImportError::DuplicateTarget(t) => {
            let field = customer_spec()
                .fields
                .iter()
                .find(|f| f.id == t.key())
                .map_or(t.key(), |f| f.label(i18n.lang == Lang::ZhCn));
            i18n.tf("import.duplicate_target", &[("field", field)])
        }
        ImportError::DuplicateYear(year) => {
            i18n.tf("import.duplicate_year", &[("year", &year.to_string())])
        }
    }
}

/// Why a cell is invalid, in the user's language; `field` is the label of the column's field.
pub fn reason_text(i18n: &I18n, r: &ImportReason, field: &str) -> String {
    match r {
        ImportReason::Missing => i18n.tf("import.reason_missing", &[("field", field)]),
        ImportReason::CapacityNotANumber => i18n.t("team_admin.problem_capacity_nan").to_string(),
        ImportReason::CapacityOutOfRange => i18n.tf(
            "team_admin.problem_capacity_range",
            &[("max", &MAX_CAPACITY_FTE.to_string())],
        ),
        ImportReason::UnknownRole => i18n.t("team_admin.reason_unknown_role").to_string(),
        ImportReason::UnknownHorizon => i18n.t("portfolio.reason_unknown_horizon").to_string(),
        ImportReason::UnknownStatus => i18n.t("portfolio.reason_unknown_status").to_string(),
        ImportReason::UnknownAccount => i18n.t("portfolio.reason_unknown_account").to_string(),
        ImportReason::AmbiguousAccount => i18n.t("portfolio.reason_ambiguous_account").to_string(),
        ImportReason::UnknownLine => i18n.t("portfolio.reason_unknown_line").to_string(),
        ImportReason::AmbiguousLine => i18n.t("portfolio.reason_ambiguous_line").to_string(),
        ImportReason::UnknownPerson => i18n.t("kpi.import_unknown_person").to_string(),
        ImportReason::AmbiguousPerson => i18n.t("kpi.import_ambiguous_person").to_string(),
        ImportReason::NoScorecard => i18n.t("kpi.import_no_card").to_string(),
        ImportReason::UnknownIndicator => i18n.t("kpi.import_unknown_indicator").to_string(),
        ImportReason::NotANumber => i18n.t("import.reason_not_a_number").to_string(),
        ImportReason::NotAPercent => i18n.t("import.reason_not_a_percent").to_string(),
        ImportReason::NotABoolean => i18n.t("import.reason_not_a_boolean").to_string(),
        ImportReason::NotAnInteger => i18n.t("import.reason_not_an_integer").to_string(),
        ImportReason::Negative => i18n.t("import.reason_negative").to_string(),
        ImportReason::TooLarge => i18n.t("import.reason_too_large").to_string(),
        ImportReason::MarginOutOfRange => i18n.t("import.reason_margin").to_string(),
        ImportReason::GrowthBelowMinus100 => i18n.t("import.reason_growth").to_string(),
        ImportReason::RankBelowOne => i18n.t("import.reason_rank").to_string(),
        ImportReason::TooLong { max } => {
            i18n.tf("import.reason_too_long", &[("max", &max.to_string())])
        }
        ImportReason::DuplicateId { first_row } => i18n.tf(
            "import.reason_duplicate_id",
            &[("row", &first_row.to_string())],
        ),
        ImportReason::UnknownStage { names_zh, names_en } => {
            let names = if i18n.lang == Lang::ZhCn {
                names_zh
            } else {
                names_en
            };
            i18n.tf("ltc_import.reason_unknown_stage", &[("stages", names)])
        }
        ImportReason::NotADate => i18n.t("ltc_import.reason_not_a_date").to_string(),
        ImportReason::UnknownForecast => i18n.t("ltc_import.reason_unknown_forecast").to_string(),
        ImportReason::UnknownOpportunity => {
            i18n.t("ltc_import.reason_unknown_opportunity").to_string()
        }
        ImportReason::AmbiguousOpportunity => i18n
            .t("ltc_import.reason_ambiguous_opportunity")
            .to_string(),
        ImportReason::SharesNot100 => i18n.t("ltc_import.reason_shares").to_string(),
        ImportReason::CollectedAboveValue => i18n.t("ltc_import.reason_above_value").to_string(),
        ImportReason::PercentAbove100 => i18n.t("ltc_import.reason_above_100").to_string(),
        ImportReason::UnknownDecisionRole => i18n.t("mcr_import.reason_unknown_role").to_string(),
        ImportReason::SupportOutOfRange => i18n.t("mcr_import.reason_support").to_string(),
        ImportReason::InfluenceOutOfRange => i18n.t("mcr_import.reason_influence").to_string(),
        ImportReason::UnknownLayer => i18n.t("mcr_import.reason_unknown_layer").to_string(),
        ImportReason::BossNotFound => i18n.t("mcr_import.reason_boss_not_found").to_string(),
        ImportReason::BossRowInvalid { row } => i18n.tf(
            "mcr_import.reason_boss_row_invalid",
            &[("row", &row.to_string())],
        ),
        ImportReason::ReportsToCycle { names } => {
            i18n.tf("mcr_import.reason_cycle", &[("names", names)])
        }
        ImportReason::DuplicateStakeholder { first_row } => i18n.tf(
            "mcr_import.reason_duplicate",
            &[("row", &first_row.to_string())],
        ),
        ImportReason::TooManyStakeholders { max } => {
            i18n.tf("mcr_import.reason_too_many", &[("max", &max.to_string())])
        }
    }
}

/// A read value as the wizard shows it: `130,000` for 13万, `35%`, `是`, `0.5 FTE`.
pub fn value_text(i18n: &I18n, kind: ValueKind, v: &Value) -> String {
    match (kind, v) {
        (_, Value::Empty) => i18n.t("import.value_empty").to_string(),
        (ValueKind::Percent, Value::Number(n)) => format_percent(*n),
        (ValueKind::Capacity, Value::Number(n)) => format!("{} FTE", format_fte(*n)),
        (_, Value::Number(n)) => group_thousands(&format!("{}", (n * 100.0).round() / 100.0)),
        (_, Value::Whole(n)) => n.to_string(),
        (_, Value::Bool(b)) => i18n
            .t(if *b { "export.yes" } else { "export.no" })
            .to_string(),
        (_, Value::Tags(t)) => t.join(i18n.t("explain.list_separator")),
        (_, Value::Text(t)) => t.clone(),
    }
}

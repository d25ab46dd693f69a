//! Errors in the user's language: every error value of the core has its catalogue text here.

use super::i18n::I18n;
use crate::domain::diagnosis::DiagnosisRefusal;
use crate::domain::edit::EditError;
use crate::domain::ltc::LtcRefusal;
use crate::domain::mcr::McrRefusal;
use crate::persist::envelope::LoadError;
use crate::persist::library::OpenError;
use crate::persist::validate::{DiagnosisFix, LtcFix, McrFix, Repair, SkippedWhy};

/// An edit error in the user's language.
pub fn edit_error_text(i18n: &I18n, e: &EditError) -> String {
    match e {
        EditError::EmptyName => i18n.t("error.empty_name").to_string(),
        EditError::NameTooLong { max } => {
            i18n.tf("error.name_too_long", &[("max", &max.to_string())])
        }
        EditError::FiscalYearOutOfRange(y) => {
            i18n.tf("error.fiscal_year", &[("year", &y.to_string())])
        }
        EditError::BadDate(d) => i18n.tf("error.bad_date", &[("date", d)]),
        EditError::NoTiers => i18n.t("error.no_tiers").to_string(),
        EditError::UnknownTier(t) => i18n.tf("error.unknown_tier", &[("tier", t)]),
        EditError::MissingReason => i18n.t("error.missing_reason").to_string(),
        EditError::MissingCustomerName => i18n.t("error.missing_customer_name").to_string(),
        EditError::MissingPersonName => i18n.t("error.missing_person_name").to_string(),
        EditError::NotFinite(what) => i18n.tf("error.not_finite", &[("what", what)]),
        EditError::DuplicateId(id) => i18n.tf("error.duplicate_id", &[("id", id)]),
        EditError::BadColor(c) => i18n.tf("error.bad_color", &[("color", c)]),
        EditError::Unknown(what) => i18n.tf("error.unknown", &[("what", what)]),
        EditError::Ltc(r) => match r {
            LtcRefusal::BadNumber { what } => i18n.tf("error.ltc_number", &[("what", what)]),
            LtcRefusal::DuplicateId { id } => i18n.tf("error.duplicate_id", &[("id", id)]),
            LtcRefusal::BadDate { date, .. } => i18n.tf("error.bad_date", &[("date", date)]),
            LtcRefusal::Stages => i18n.t("error.ltc_stages").to_string(),
        },
        EditError::Mcr(r) => match r {
            McrRefusal::OutOfRange(name) => i18n.tf("error.mcr_range", &[("name", name)]),
            McrRefusal::BadAnswer(_) => i18n.t("error.mcr_answer").to_string(),
            McrRefusal::DuplicateId(id) => i18n.tf("error.duplicate_id", &[("id", id)]),
            McrRefusal::BadDate { date, .. } => i18n.tf("error.bad_date", &[("date", date)]),
            McrRefusal::MissingName => i18n.t("error.mcr_name").to_string(),
            McrRefusal::BadReportsTo(name) => i18n.tf("error.mcr_reports_to", &[("name", name)]),
            McrRefusal::Cycle(names) => i18n.tf("error.mcr_cycle", &[("names", names)]),
        },
        EditError::Diagnosis(r) => match r {
            DiagnosisRefusal::DuplicateId(id) => i18n.tf("error.duplicate_id", &[("id", id)]),
            DiagnosisRefusal::MissingId => i18n.t("error.diagnosis_id").to_string(),
            DiagnosisRefusal::MissingText(_) => i18n.t("error.diagnosis_text").to_string(),
            DiagnosisRefusal::BadRating(_) => i18n.t("error.diagnosis_rating").to_string(),
            DiagnosisRefusal::UnknownStatement { statement, .. } => {
                i18n.tf("error.unknown", &[("what", statement)])
            }
        },
    }
}

/// A load error in the user's language.
pub fn load_error_text(i18n: &I18n, e: &LoadError) -> String {
    match e {
        LoadError::TooLarge { bytes, max } => i18n.tf(
            "load.too_large",
            &[
                ("size", &format!("{} MB", bytes / 1_048_576)),
                ("max", &format!("{} MB", max / 1_048_576)),
            ],
        ),
        LoadError::Malformed { line, column, .. } => i18n.tf(
            "load.malformed",
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        LoadError::TooDeep => i18n.t("load.too_deep").to_string(),
        LoadError::Damaged(reason) => i18n.tf("load.damaged", &[("reason", reason)]),
        LoadError::WrongFormat => i18n.t("load.wrong_format").to_string(),
        LoadError::MissingVersion => i18n.t("load.missing_version").to_string(),
        LoadError::NewerVersion { found, supported } => i18n.tf(
            "load.newer_version",
            &[
                ("found", &found.to_string()),
                ("supported", &supported.to_string()),
            ],
        ),
        LoadError::Migration { from, message } => i18n.tf(
            "load.migration",
            &[("from", &from.to_string()), ("message", message)],
        ),
        LoadError::NoWorkspace => i18n.t("load.no_workspace").to_string(),
        LoadError::TooManyCustomers { count, max } => i18n.tf(
            "load.too_many_customers",
            &[("count", &count.to_string()), ("max", &max.to_string())],
        ),
    }
}

/// An open error in the user's language.
pub fn open_error_text(i18n: &I18n, e: &OpenError) -> String {
    match e {
        OpenError::Load { error, .. } => load_error_text(i18n, error),
        OpenError::Missing(_) => i18n.t("load.missing").to_string(),
        OpenError::Store(s) => s.to_string(),
    }
}

/// A repair made by the load path, in the user's language.
pub fn repair_text(i18n: &I18n, r: &Repair) -> String {
    match r {
        Repair::MissingSection(s) => i18n.tf("repair.missing_section", &[("section", s)]),
        Repair::WrongType(p) => i18n.tf("repair.wrong_type", &[("path", p)]),
        Repair::RecordsSkipped {
            list,
            why,
            count,
            first,
        } => {
            let key = match why {
                SkippedWhy::NotARecord => "repair.skipped_not_records",
                SkippedWhy::NoName => "repair.skipped_nameless",
            };
            let kind = match list.as_str() {
                "customers" => i18n.t("repair.list_customers"),
                "org.people" => i18n.t("repair.list_people"),
                other => other,
            };
            i18n.tf(
                key,
                &[
                    ("count", &count.to_string()),
                    ("kind", kind),
                    ("first", &first.to_string()),
                ],
            )
        }
        Repair::ColorReplaced {
            path,
            value,
            replacement,
        } => i18n.tf(
            "repair.color",
            &[("path", path), ("value", value), ("color", replacement)],
        ),
        Repair::WorkspaceIdAssigned(id) => i18n.tf("repair.workspace_id", &[("id", id)]),
        Repair::WorkspaceNameAssigned(n) => i18n.tf("repair.workspace_name", &[("name", n)]),
        Repair::CustomerIdAssigned { name, id } => {
            i18n.tf("repair.customer_id", &[("name", name), ("id", id)])
        }
        Repair::DuplicateCustomerId { id, new_id } => i18n.tf(
            "repair.duplicate_customer_id",
            &[("id", id), ("new_id", new_id)],
        ),
        Repair::DanglingTierOverride { customer, tier } => i18n.tf(
            "repair.dangling_override",
            &[("customer", customer), ("tier", tier)],
        ),
        Repair::TiersRestored => i18n.t("repair.tiers_restored").to_string(),
        Repair::IndustryLineAdded(l) => i18n.tf("repair.industry_line", &[("line", l)]),
        Repair::UnknownField { path, count } => i18n.tf(
            "repair.unknown_field",
            &[("path", path), ("count", &count.to_string())],
        ),
        Repair::TextCut { path, chars, max } => i18n.tf(
            "repair.text_cut",
            &[
                ("path", path),
                ("chars", &chars.to_string()),
                ("max", &max.to_string()),
            ],
        ),
        Repair::Truncated {
            kept_bytes,
            total_bytes,
        } => i18n.tf(
            "repair.truncated",
            &[
                ("kept", &kept_bytes.to_string()),
                ("total", &total_bytes.to_string()),
            ],
        ),
        Repair::VersionAssumed(v) => i18n.tf("repair.version_assumed", &[("v", &v.to_string())]),
        Repair::FormatAssumed => i18n.t("repair.format_assumed").to_string(),
        Repair::TierIdAssigned(id) => i18n.tf("repair.tier_id", &[("id", id)]),
        Repair::OrgIdAssigned { list, id } => {
            i18n.tf("repair.org_id", &[("list", list), ("id", id)])
        }
        Repair::OrgDuplicateRemoved { list, id } => {
            i18n.tf("repair.org_duplicate", &[("list", list), ("id", id)])
        }
        Repair::BuiltInRoleRestored(role) => i18n.tf("repair.role_restored", &[("role", role)]),
        Repair::AssignmentUnknownPerson { assignment, person } => i18n.tf(
            "repair.assignment_person",
            &[("assignment", assignment), ("person", person)],
        ),
        Repair::AssignmentUnknownCustomer {
            assignment,
            customer,
        } => i18n.tf(
            "repair.assignment_customer",
            &[("assignment", assignment), ("customer", customer)],
        ),
        Repair::DanglingTriangleOverride(customer) => {
            i18n.tf("repair.triangle_override", &[("customer", customer)])
        }
        Repair::DanglingWhitespaceCell { cell, missing } => i18n.tf(
            if missing == "account" {
                "repair.whitespace_account"
            } else {
                "repair.whitespace_line"
            },
            &[("cell", cell)],
        ),
        Repair::Ltc { path, fix } => i18n.tf(
            match fix {
                LtcFix::Removed => "repair.ltc_removed",
                LtcFix::Cleared => "repair.ltc_cleared",
                LtcFix::FirstStage => "repair.ltc_first_stage",
                LtcFix::Clamped => "repair.ltc_clamped",
                LtcFix::Added => "repair.ltc_added",
            },
            &[("path", path)],
        ),
        Repair::Mcr { path, fix } => match fix {
            McrFix::Removed => i18n.tf("repair.mcr_removed", &[("path", path)]),
            McrFix::Cleared => i18n.tf("repair.mcr_cleared", &[("path", path)]),
            McrFix::Clamped => i18n.tf("repair.mcr_clamped", &[("path", path)]),
            McrFix::NoName => i18n.tf("repair.mcr_no_name", &[("path", path)]),
            McrFix::CycleBroken(names) => {
                i18n.tf("repair.mcr_cycle", &[("path", path), ("names", names)])
            }
            McrFix::Capped { max, cut } => i18n.tf(
                "repair.mcr_capped",
                &[
                    ("path", path),
                    ("max", &max.to_string()),
                    ("cut", &cut.to_string()),
                ],
            ),
        },
        Repair::Diagnosis { path, fix } => match fix {
            DiagnosisFix::NoText => i18n.tf("repair.diagnosis_no_text", &[("path", path)]),
            DiagnosisFix::RatingsOutOfRange(n) => i18n.tf(
                "repair.diagnosis_rating_range",
                &[("path", path), ("count", &n.to_string())],
            ),
            DiagnosisFix::UnknownStatements(n) => i18n.tf(
                "repair.diagnosis_unknown_statement",
                &[("path", path), ("count", &n.to_string())],
            ),
            DiagnosisFix::UnknownValues(values) => i18n.tf(
                "repair.diagnosis_unknown_value",
                &[("path", path), ("values", values)],
            ),
            DiagnosisFix::Repeated(n) => i18n.tf(
                "repair.diagnosis_repeated",
                &[("path", path), ("count", &n.to_string())],
            ),
            DiagnosisFix::Capped { max, cut } => i18n.tf(
                "repair.diagnosis_capped",
                &[
                    ("path", path),
                    ("max", &max.to_string()),
                    ("cut", &cut.to_string()),
                ],
            ),
        },
    }
}

//! The board's figures and reasons in words: role and tier names in the user's language, why an
//! account has its triangle type, and what each staffing notice means.

use crate::domain::number::format_percent;
use crate::domain::org::board::format_fte;
use crate::domain::org::staffing::StaffingNotice;
use crate::domain::org::triangle::{TriangleType, TriangleWhy};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::I18n;
pub use crate::ui::role_name::role_name;

/// How role `id` is named in running text: its code for the built-in roles (AD, AR, SR, FR, as
/// the method's users say them), its name for a custom role, the id when it does not exist.
pub fn role_label(i18n: &I18n, ws: &Workspace, id: &str) -> String {
    match ws.org.role(id) {
        Some(r) if !r.built_in => role_name(i18n, r).to_string(),
        _ => id.to_string(),
    }
}

/// The name of tier `id` in `ws` (the id itself when the tier does not exist).
pub fn tier_label(i18n: &I18n, ws: &Workspace, id: &str) -> String {
    ws.tiering
        .tiers
        .iter()
        .find(|t| t.id == id)
        .map_or_else(|| id.to_string(), |t| i18n.tier_name(t).to_string())
}

/// The name of a person (the id when there is no such person).
pub fn person_label(ws: &Workspace, id: &str) -> String {
    ws.org
        .person(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// The name of a customer (the id when there is no such customer).
pub fn customer_label(ws: &Workspace, id: &str) -> String {
    ws.customers
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// The name of a triangle type.
pub fn triangle_name(i18n: &I18n, t: TriangleType) -> String {
    i18n.t(&format!("board.triangle_{}", t.key())).to_string()
}

/// Why an account has its triangle type, in words.
pub fn triangle_why(i18n: &I18n, why: &TriangleWhy) -> String {
    match why {
        TriangleWhy::NoRevenue { revenue } => {
            i18n.tf("board.why_no_revenue", &[("revenue", &i18n.num(*revenue))])
        }
        TriangleWhy::New {
            years_of_cooperation,
            max_years,
        } => i18n.tf(
            "board.why_new",
            &[
                ("years", &years_of_cooperation.to_string()),
                ("max", &max_years.to_string()),
            ],
        ),
        TriangleWhy::Growing {
            growth_pct,
            min_pct,
            from_history,
        } => growth_words(
            i18n,
            "board.why_growing",
            *growth_pct,
            *min_pct,
            *from_history,
        ),
        TriangleWhy::Steady {
            growth_pct,
            min_pct,
            from_history,
        } => growth_words(
            i18n,
            "board.why_steady",
            *growth_pct,
            *min_pct,
            *from_history,
        ),
        TriangleWhy::GrowthUnknown => i18n.t("board.why_growth_unknown").to_string(),
        TriangleWhy::Override { reason } => {
            i18n.tf("board.why_override", &[("reason", i18n.local(reason))])
        }
    }
}

fn growth_words(i18n: &I18n, key: &str, growth: f64, min: f64, from_history: bool) -> String {
    let mut s = i18n.tf(
        key,
        &[
            ("growth", &format_percent(growth)),
            ("min", &format_percent(min)),
        ],
    );
    if from_history {
        s.push_str(i18n.t("board.why_from_history"));
    }
    s
}

/// A staffing notice in words, with people and customers by name.
pub fn notice_text(i18n: &I18n, ws: &Workspace, n: &StaffingNotice) -> String {
    let person = |id: &str| person_label(ws, id);
    let customer = |id: &str| customer_label(ws, id);
    let role = |id: &str| role_label(i18n, ws, id);
    match n {
        StaffingNotice::UnknownPerson { assignment, person } => i18n.tf(
            "board.notice_unknown_person",
            &[("assignment", assignment), ("person", person)],
        ),
        StaffingNotice::UnknownCustomer {
            assignment,
            customer,
        } => i18n.tf(
            "board.notice_unknown_customer",
            &[("assignment", assignment), ("customer", customer)],
        ),
        StaffingNotice::NotAnAccount {
            assignment,
            customer: c,
        } => i18n.tf(
            "board.notice_not_an_account",
            &[("assignment", assignment), ("customer", &customer(c))],
        ),
        StaffingNotice::UnknownRole { assignment, role } => i18n.tf(
            "board.notice_unknown_role",
            &[("assignment", assignment), ("role", role)],
        ),
        StaffingNotice::InvalidFte { assignment, fte } => i18n.tf(
            "board.notice_invalid_fte",
            &[("assignment", assignment), ("fte", &fte.to_string())],
        ),
        StaffingNotice::RoleMismatch {
            assignment,
            person: p,
            person_role,
            role: r,
        } => i18n.tf(
            "board.notice_role_mismatch",
            &[
                ("assignment", assignment),
                ("person", &person(p)),
                ("home", &role(person_role)),
                ("role", &role(r)),
            ],
        ),
        StaffingNotice::DuplicateAssignment { assignment, first } => i18n.tf(
            "board.notice_duplicate",
            &[("assignment", assignment), ("first", first)],
        ),
        StaffingNotice::PersonUnknownRole { person: p, role } => i18n.tf(
            "board.notice_person_unknown_role",
            &[("person", &person(p)), ("role", role)],
        ),
        StaffingNotice::InvalidCapacity {
            person: p,
            capacity,
        } => i18n.tf(
            "board.notice_invalid_capacity",
            &[("person", &person(p)), ("capacity", &capacity.to_string())],
        ),
        StaffingNotice::NoTemplate {
            account,
            tier,
            triangle,
        } => i18n.tf(
            "board.notice_no_template",
            &[
                ("customer", &customer(account)),
                ("tier", &tier_label(i18n, ws, tier)),
                ("triangle", &triangle_name(i18n, *triangle)),
            ],
        ),
        StaffingNotice::TemplateUnknownRole { template, role } => i18n.tf(
            "board.notice_template_unknown_role",
            &[("template", template), ("role", role)],
        ),
        StaffingNotice::InvalidTemplateFte {
            template,
            role: r,
            fte,
        } => i18n.tf(
            "board.notice_invalid_template_fte",
            &[
                ("template", template),
                ("role", &role(r)),
                ("fte", &format_fte(*fte)),
            ],
        ),
    }
}

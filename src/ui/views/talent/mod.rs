//! Tool 7 — talent sources and growth paths (兵种来源和成长路径, SPEC §3.8): per role its sources,
//! growth ladder and enablement measures, and the hiring plan that closes Tool 3's headcount gap
//! month by month.

mod enablement;
mod fields;
mod ladder;
mod plan;
mod plan_detail;
mod sources;

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::edit::Edit;
use crate::domain::org::plan::{largest_gap, month_label, plan, GapClose, RolePlan};
use crate::domain::org::talent::{PlanSettings, RoleTalent, Talent, TalentError};
use crate::domain::org::talent_input::{format_fte, format_plain, new_role_talent};
use crate::domain::org::RoleDef;
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::role_name::{role_name, role_with_code};
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::tab_bar::TabBar;
use crate::ui::views::team::use_team_data;

/// The plan of every role of the staffing, in role order.
pub type Plans = Vec<(String, Result<RolePlan, TalentError>)>;

/// The parts of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Sources,
    Ladder,
    Enablement,
    Plan,
}

impl Section {
    const ALL: [Section; 4] = [
        Section::Sources,
        Section::Ladder,
        Section::Enablement,
        Section::Plan,
    ];

    fn id(self) -> &'static str {
        match self {
            Section::Sources => "sources",
            Section::Ladder => "ladder",
            Section::Enablement => "enablement",
            Section::Plan => "plan",
        }
    }
}

/// A bilingual name in the interface language, falling back to the other one.
pub fn pick<'a>(i18n: &I18n, zh: &'a str, en: &'a str) -> &'a str {
    match i18n.lang {
        Lang::ZhCn if !zh.is_empty() => zh,
        Lang::En if !en.is_empty() => en,
        _ if !zh.is_empty() => zh,
        _ => en,
    }
}

/// "解决方案责任人 (SR)": the role's name and its code, in plain text (where
/// [`role_with_code`] cannot show the code as a badge).
pub fn role_caption(i18n: &I18n, role: &str, roles: &[RoleDef]) -> String {
    match roles.iter().find(|r| r.id == role) {
        Some(r) if role_name(i18n, r) != r.id => format!("{} ({})", role_name(i18n, r), r.id),
        _ => role.to_string(),
    }
}

/// Why a role's sources cannot be used, in the user's language.
pub fn talent_error_text(i18n: &I18n, e: &TalentError, talent: Option<&RoleTalent>) -> String {
    match e {
        TalentError::SharesNot100 { sum, .. } => {
            i18n.tf("talent.err_shares_sum", &[("sum", &format_plain(*sum))])
        }
        TalentError::InvalidShare {
            source_id, share, ..
        } => {
            let name = talent
                .and_then(|t| t.sources.iter().find(|s| &s.id == source_id))
                .map(|s| pick(i18n, &s.name_zh, &s.name_en).to_string())
                .unwrap_or_else(|| source_id.clone());
            i18n.tf(
                "talent.err_invalid_share",
                &[("source", &name), ("share", &format!("{share}"))],
            )
        }
        TalentError::NoSources { .. } => i18n.t("talent.err_no_sources").to_string(),
    }
}

/// When the gap closes, as a real month: "2027-02，第 12 个月", or not within 24 months, or no gap.
pub fn closes_text(i18n: &I18n, closes: &GapClose, start_month: &str) -> String {
    match closes {
        GapClose::NoGap => i18n.t("talent.closes_no_gap").to_string(),
        GapClose::InMonth(m) => match month_label(start_month, *m) {
            Some(label) => i18n.tf(
                "talent.closes_in",
                &[("label", &label), ("n", &m.to_string())],
            ),
            None => i18n.tf("talent.closes_in_month", &[("n", &m.to_string())]),
        },
        GapClose::NotWithin { months, short_fte } => i18n.tf(
            "talent.closes_not_within",
            &[
                ("months", &months.to_string()),
                ("short", &format_fte(*short_fte)),
            ],
        ),
    }
}

/// "4 人" / "4 hires" (and "1 hire").
pub fn hires_text(i18n: &I18n, n: u32) -> String {
    if n == 1 {
        i18n.t("talent.hires_count_one").to_string()
    } else {
        i18n.tf("talent.hires_count", &[("n", &n.to_string())])
    }
}

/// One line on the plan of a role: hires and closing month, or why it cannot be computed.
pub fn plan_status_text(
    i18n: &I18n,
    result: &Result<RolePlan, TalentError>,
    talent: Option<&RoleTalent>,
    start_month: &str,
) -> String {
    match result {
        Ok(p) if p.hires_needed == 0 => i18n.tf(
            "talent.status_no_gap",
            &[
                ("demand", &format_fte(p.demand)),
                ("existing", &format_fte(p.existing)),
            ],
        ),
        Ok(p) => i18n.tf(
            "talent.status_plan",
            &[
                ("hires", &hires_text(i18n, p.hires_needed)),
                ("closes", &closes_text(i18n, &p.closes, start_month)),
            ],
        ),
        Err(e) => i18n.tf(
            "talent.status_error",
            &[("reason", &talent_error_text(i18n, e, talent))],
        ),
    }
}

/// Props of the per-role editors.
#[derive(Properties, PartialEq)]
pub struct RoleEditorProps {
    /// The role's talent entry.
    pub talent: RoleTalent,
    /// The changed entry.
    pub on_change: Callback<RoleTalent>,
}

/// The page.
#[function_component(TalentView)]
pub fn talent_view() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let team = use_team_data();
    let plans: Rc<Plans> = {
        let team = team.clone();
        use_memo(DocRef(ws.clone()), move |d| {
            plan(&d.0.talent, &team.staffing)
        })
    };
    let roles = &ws.org.roles;
    let selected = use_state(|| None::<String>);
    let section = use_state(|| Section::Sources);
    let edit_error = use_state(|| None::<String>);
    // The selected role; while none is (or the selected one was removed) the role with the most
    // hires to make, else the first role.
    let known = |r: &str| roles.iter().any(|d| d.id == r);
    let role_id = selected
        .as_deref()
        .filter(|r| known(r))
        .or_else(|| largest_gap(&plans).filter(|r| known(r)))
        .map(str::to_string)
        .or_else(|| roles.first().map(|r| r.id.clone()))
        .unwrap_or_default();

    let set_talent = {
        let handle = handle.clone();
        let edit_error = edit_error.clone();
        Callback::from(move |talent: Talent| {
            let edit = Edit::SetTalent(Box::new(talent));
            handle.edit_or_explain(edit, &i18n, &edit_error);
        })
    };
    let on_role_change = {
        let set_talent = set_talent.clone();
        let talent = ws.talent.clone();
        Callback::from(move |role: RoleTalent| {
            let mut next = talent.clone();
            match next.roles.iter_mut().find(|r| r.id == role.id) {
                Some(r) => *r = role,
                None => next.roles.push(role),
            }
            set_talent.emit(next);
        })
    };
    let on_settings = {
        let set_talent = set_talent.clone();
        let talent = ws.talent.clone();
        Callback::from(move |settings: PlanSettings| {
            let mut next = talent.clone();
            next.plan = settings;
            set_talent.emit(next);
        })
    };
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |r: String| selected.set(Some(r)))
    };
    let create = {
        let on_role_change = on_role_change.clone();
        let talent = ws.talent.clone();
        let role_id = role_id.clone();
        Callback::from(move |_| on_role_change.emit(new_role_talent(&role_id, &talent)))
    };

    let role_talent = ws.talent.role(&role_id).cloned();
    let role_plan = plans.iter().find(|(r, _)| *r == role_id).map(|(_, p)| p);
    let start = ws.talent.plan.start_month.clone();

    let select_tab = {
        let section = section.clone();
        Callback::from(move |id: &str| {
            if let Some(t) = Section::ALL.into_iter().find(|t| t.id() == id) {
                section.set(t);
            }
        })
    };
    html! {
        <div class="talent" data-testid="talent-view">
            <h2 class="view-title">{ i18n.t("talent.title") }</h2>
            <p class="muted talent-intro">{ i18n.t("talent.intro") }</p>
            <div class="talent-roles" role="tablist" aria-label={i18n.t("talent.roles_label")}>
                { for roles.iter().map(|r| {
                    let current = r.id == role_id;
                    let onclick = {
                        let on_select = on_select.clone();
                        let id = r.id.clone();
                        Callback::from(move |_| on_select.emit(id.clone()))
                    };
                    let missing = ws.talent.role(&r.id).is_none();
                    let hires = plans
                        .iter()
                        .find(|(p, _)| *p == r.id)
                        .and_then(|(_, p)| p.as_ref().ok())
                        .map_or(0, |p| p.hires_needed);
                    let gap = (hires > 0).then(|| i18n.tf("talent.role_gap", &[("n", &hires.to_string())]));
                    html! {
                        <button type="button" role="tab" aria-selected={current.to_string()}
                                class={classes!("talent-role", current.then_some("is-current"))}
                                data-testid={format!("talent-role-{}", r.id)} {onclick}>
                            { role_with_code(&i18n, r) }
                            if missing { <span class="talent-role-missing">{ i18n.t("talent.role_no_entry") }</span> }
                            if let Some(gap) = gap {
                                <span class="talent-role-gap" title={gap.clone()} data-testid={format!("talent-role-gap-{}", r.id)}>
                                    <span aria-hidden="true">{ hires }</span>
                                    <span class="visually-hidden">{ gap }</span>
                                </span>
                            }
                        </button>
                    }
                }) }
            </div>
            if let Some(msg) = &*edit_error {
                <p class="talent-edit-error" role="alert" data-testid="talent-edit-error">{ msg }</p>
            }
            <TabBar area="talent" ids={Section::ALL.map(Section::id).to_vec()}
                    current={section.id()} on_select={select_tab} />
            { match (*section, role_talent) {
                (Section::Plan, _) => html! {
                    <plan::HiringPlan plans={plans.clone()} role={role_id.clone()}
                        on_select={on_select.clone()} {on_settings} />
                },
                (_, None) => html! {
                    <section class="card talent-missing" data-testid="talent-missing">
                        <p>{ i18n.tf("talent.no_entry", &[("role", &role_caption(&i18n, &role_id, roles))]) }</p>
                        <button type="button" class="button button-primary" onclick={create} data-testid="talent-create">
                            { i18n.t("talent.create_entry") }
                        </button>
                    </section>
                },
                (Section::Sources, Some(t)) => html! {
                    <>
                        <sources::Sources talent={t.clone()} on_change={on_role_change.clone()} />
                        if let Some(result) = role_plan {
                            <p class={classes!("talent-plan-status", result.is_err().then_some("is-error"))}
                               data-testid="plan-status">
                                { plan_status_text(&i18n, result, Some(&t), &start) }
                            </p>
                        }
                    </>
                },
                (Section::Ladder, Some(t)) => html! {
                    <ladder::Ladder talent={t} on_change={on_role_change.clone()} />
                },
                (Section::Enablement, Some(t)) => html! {
                    <enablement::EnablementList talent={t} on_change={on_role_change.clone()} />
                },
            } }
        </div>
    }
}

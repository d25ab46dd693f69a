//! Tool 5: the routine management mechanism — warnings, the year calendar, hours per role per
//! month, the meetings and the bodies, and the `.ics` download.

mod bodies;
mod body_form;
mod calendar;
mod hours;
mod meeting_form;
mod meetings;

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::edit::Edit;
use crate::domain::governance::calendar::Date;
use crate::domain::governance::{
    role_hours, warnings, workspace_accounts, year_calendar, Anchor, Cadence, Governance, Meeting,
    RoleHours, Warning, YearCalendar,
};
use crate::domain::org::talent_input::format_plain;
use crate::domain::workspace::Workspace;
use crate::persist::ics::{calendar as ics_calendar, IcsLabels};
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::role_name::role_name;
use crate::ui::state::{now_ms, use_workspace, DocRef, WorkspaceHandle};
use crate::ui::tab_bar::TabBar;

/// Every figure of the page for the open workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct RhythmData {
    /// Accounts per account tier.
    pub accounts: BTreeMap<String, usize>,
    /// The fiscal year by month.
    pub calendar: YearCalendar,
    /// Hours per role per month.
    pub hours: Vec<RoleHours>,
    /// Warnings on the rhythm.
    pub warnings: Vec<Warning>,
}

/// The figures of the open workspace, recomputed when the document changes.
#[hook]
fn use_rhythm_data() -> Rc<RhythmData> {
    let ws = use_workspace().workspace();
    use_memo(DocRef(ws), |d| {
        let ws = &d.0;
        let year = ws.meta.fiscal_year;
        let doc = &ws.governance;
        let accounts = workspace_accounts(ws);
        let hours = role_hours(doc, &ws.org, &accounts, year);
        let warnings = warnings(doc, &ws.org, &accounts, &hours, year);
        RhythmData {
            calendar: year_calendar(&doc.meetings, year),
            accounts,
            hours,
            warnings,
        }
    })
}

/// `zh` or `en` in the user's language, the other when it is empty.
pub(crate) fn pick<'a>(i18n: &I18n, zh: &'a str, en: &'a str) -> &'a str {
    let (first, second) = match i18n.lang {
        Lang::ZhCn => (zh, en),
        Lang::En => (en, zh),
    };
    if first.trim().is_empty() {
        second
    } else {
        first
    }
}

/// The name of a meeting in the user's language.
pub(crate) fn meeting_name<'a>(i18n: &I18n, m: &'a Meeting) -> &'a str {
    pick(i18n, &m.name_zh, &m.name_en)
}

/// The name of role `id`, or the id when the organisation has no such role.
pub(crate) fn role_label(i18n: &I18n, ws: &Workspace, id: &str) -> String {
    ws.org
        .role(id)
        .map(|r| role_name(i18n, r).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// The name of tier `id`, or the id when there is no such tier.
pub(crate) fn tier_label(i18n: &I18n, ws: &Workspace, id: &str) -> String {
    ws.tiering
        .tiers
        .iter()
        .find(|t| t.id == id)
        .map(|t| i18n.tier_name(t).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// The name of month `m` (1–12).
pub(crate) fn month_name(i18n: &I18n, m: u32) -> String {
    i18n.t(&format!("rhythm.month_{m}")).to_string()
}

/// The name of weekday `d` (1 = Monday).
pub(crate) fn weekday_name(i18n: &I18n, d: u8) -> String {
    i18n.t(&format!("rhythm.weekday_{}", d.clamp(1, 7)))
        .to_string()
}

/// A date in the user's language.
pub(crate) fn date_text(i18n: &I18n, d: Date) -> String {
    i18n.tf(
        "rhythm.date",
        &[
            ("month", &month_name(i18n, d.month)),
            ("day", &d.day.to_string()),
            ("weekday", &weekday_name(i18n, d.weekday() as u8)),
        ],
    )
}

/// When a meeting falls, in words ("every Monday", "last Friday of each month", …).
pub(crate) fn rule_text(i18n: &I18n, cadence: Cadence, a: &Anchor) -> String {
    let weekday = weekday_name(i18n, a.weekday);
    let day = a.day.clamp(1, 31).to_string();
    let month = month_name(i18n, u32::from(a.month.clamp(1, 12)));
    match cadence {
        Cadence::Weekly => i18n.tf("rhythm.rule_weekly", &[("weekday", &weekday)]),
        Cadence::Biweekly => i18n.tf("rhythm.rule_biweekly", &[("weekday", &weekday)]),
        Cadence::Monthly if a.last_weekday => {
            i18n.tf("rhythm.rule_monthly_last", &[("weekday", &weekday)])
        }
        Cadence::Monthly => i18n.tf("rhythm.rule_monthly_day", &[("day", &day)]),
        Cadence::Quarterly => i18n.tf("rhythm.rule_quarterly", &[("month", &month), ("day", &day)]),
        Cadence::Semiannual => i18n.tf(
            "rhythm.rule_semiannual",
            &[("month", &month), ("day", &day)],
        ),
        Cadence::Annual => i18n.tf("rhythm.rule_annual", &[("month", &month), ("day", &day)]),
    }
}

/// Hours as a short figure.
pub(crate) fn hours_text(h: f64) -> String {
    format_plain(h)
}

/// Dispatches a new governance document (one undo step). The forms run
/// [`crate::domain::governance::check`] first: the edit itself refuses nothing.
pub(crate) fn set_governance(handle: &WorkspaceHandle, next: Governance) {
    handle.edit(Edit::SetGovernance(Box::new(next)));
}

/// A warning in the user's language, with the figures that produced it.
fn warning_text(i18n: &I18n, ws: &Workspace, w: &Warning) -> String {
    match w {
        Warning::TierWithoutReview { tier, accounts } => i18n.tf(
            "rhythm.warn_no_review",
            &[
                ("tier", &tier_label(i18n, ws, tier)),
                ("accounts", &accounts.to_string()),
            ],
        ),
        Warning::RoleOverloaded {
            role,
            month,
            hours,
            headcount,
            per_person,
            limit,
            months_over,
        } => i18n.tf(
            "rhythm.warn_overloaded",
            &[
                ("role", &role_label(i18n, ws, role)),
                ("month", &month_name(i18n, *month as u32 + 1)),
                ("hours", &hours_text(*hours)),
                ("headcount", &headcount.to_string()),
                ("per_person", &hours_text(*per_person)),
                ("limit", &hours_text(*limit)),
                ("months", &months_over.to_string()),
            ],
        ),
    }
}

/// The parts of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RhythmTab {
    Calendar,
    Hours,
    Meetings,
    Bodies,
}

impl RhythmTab {
    const ALL: [RhythmTab; 4] = [
        RhythmTab::Calendar,
        RhythmTab::Hours,
        RhythmTab::Meetings,
        RhythmTab::Bodies,
    ];

    fn id(self) -> &'static str {
        match self {
            RhythmTab::Calendar => "calendar",
            RhythmTab::Hours => "hours",
            RhythmTab::Meetings => "meetings",
            RhythmTab::Bodies => "bodies",
        }
    }
}

/// The view.
#[function_component(RhythmView)]
pub fn rhythm_view() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let data = use_rhythm_data();
    let tab = use_state(|| RhythmTab::Calendar);
    let download_error = use_state(|| None::<String>);
    let year = ws.meta.fiscal_year;
    let on_download = {
        let ws = ws.clone();
        let download_error = download_error.clone();
        Callback::from(move |_| {
            let labels = IcsLabels {
                chinese: i18n.lang == Lang::ZhCn,
                participants: i18n.t("rhythm.ics_participants").into(),
                inputs: i18n.t("rhythm.ics_inputs").into(),
                outputs: i18n.t("rhythm.ics_outputs").into(),
                tiers: i18n.t("rhythm.ics_tiers").into(),
                per_account: i18n.t("rhythm.ics_per_account").into(),
                once: i18n.t("rhythm.ics_once").into(),
                role_names: ws
                    .org
                    .roles
                    .iter()
                    .map(|r| (r.id.clone(), role_label(&i18n, &ws, &r.id)))
                    .collect(),
                tier_names: ws
                    .tiering
                    .tiers
                    .iter()
                    .map(|t| (t.id.clone(), i18n.tier_name(t).to_string()))
                    .collect(),
            };
            let text = ics_calendar(&ws.governance, year, &ws.meta.id, &labels, now_ms());
            let name = format!("rhythm-{year}.ics");
            let result =
                crate::persist::files::download_text(&name, "text/calendar;charset=utf-8", &text);
            download_error.set(result.err());
        })
    };
    let select_tab = {
        let tab = tab.clone();
        Callback::from(move |id: &str| {
            if let Some(t) = RhythmTab::ALL.into_iter().find(|t| t.id() == id) {
                tab.set(t);
            }
        })
    };
    html! {
        <div class="rhythm" data-testid="rhythm-view">
            <div class="rhythm-head">
                <h2 class="view-title">{ i18n.t("rhythm.title") }</h2>
                <button type="button" class="button button-primary" onclick={on_download}
                        data-testid="rhythm-download-ics">{ i18n.t("rhythm.download_ics") }</button>
            </div>
            <p class="muted rhythm-summary" data-testid="rhythm-summary">
                { i18n.tf("rhythm.summary", &[
                    ("year", &year.to_string()),
                    ("meetings", &ws.governance.meetings.len().to_string()),
                    ("bodies", &ws.governance.bodies.len().to_string()),
                    ("dates", &data.calendar.total.to_string()),
                ]) }
            </p>
            if let Some(e) = &*download_error {
                <p class="rhythm-error" role="alert">{ i18n.tf("rhythm.download_failed", &[("reason", e)]) }</p>
            }
            if data.warnings.is_empty() {
                <p class="rhythm-ok" data-testid="rhythm-no-warnings">{ i18n.t("rhythm.no_warnings") }</p>
            } else {
                <section class="card rhythm-warnings" aria-labelledby="rhythm-warnings-title">
                    <h3 class="card-title" id="rhythm-warnings-title">{ i18n.t("rhythm.warnings_title") }</h3>
                    <ul data-testid="rhythm-warnings">
                        { for data.warnings.iter().map(|w| html! {
                            <li class="rhythm-warning">{ warning_text(&i18n, &ws, w) }</li>
                        }) }
                    </ul>
                </section>
            }
            <TabBar area="rhythm" ids={RhythmTab::ALL.map(RhythmTab::id).to_vec()}
                    current={tab.id()} on_select={select_tab} />
            { match *tab {
                RhythmTab::Calendar => html! { <calendar::CalendarView data={data.clone()} /> },
                RhythmTab::Hours => html! { <hours::HoursView data={data.clone()} /> },
                RhythmTab::Meetings => html! { <meetings::Meetings data={data.clone()} /> },
                RhythmTab::Bodies => html! { <bodies::Bodies /> },
            } }
        </div>
    }
}

//! The 151 programme (151工程, SPEC §3.6): completion per account, tier and action with the
//! accounts behind target, the log of actions with its form, and the yearly targets per tier with
//! the behind-target rule. All figures come from `domain::engagement::completion`.

mod chart;
mod form;
mod log;
mod overview;
mod targets;

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::edit::Edit;
use crate::domain::engagement::completion::{completion, BehindReason, Completion};
use crate::domain::engagement::{Action, Engagement};
use crate::domain::number::format_percent;
use crate::domain::workspace::Workspace;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::tab_bar::TabBar;

/// The parts of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Completion,
    Log,
    Targets,
}

impl Section {
    const ALL: [Section; 3] = [Section::Completion, Section::Log, Section::Targets];

    fn id(self) -> &'static str {
        match self {
            Section::Completion => "completion",
            Section::Log => "log",
            Section::Targets => "targets",
        }
    }
}

/// The name of an action in the interface language.
pub fn action_name(i18n: &I18n, action: Action) -> String {
    i18n.t(&format!("engagement.action_{}", action.key()))
        .to_string()
}

/// The name of a tier by id in the interface language (the id when the tier is gone).
pub fn tier_name(i18n: &I18n, ws: &Workspace, tier: &str) -> String {
    ws.tiering
        .tiers
        .iter()
        .find(|t| t.id == tier)
        .map(|t| i18n.tier_name(t).to_string())
        .unwrap_or_else(|| tier.to_string())
}

/// A percentage, or a dash without a target.
pub fn pct_text(pct: Option<f64>) -> String {
    pct.map(format_percent).unwrap_or_else(|| "—".to_string())
}

/// Why an account is behind, in words.
pub fn reason_text(i18n: &I18n, reason: &BehindReason) -> String {
    match reason {
        BehindReason::Pace {
            done_pct,
            elapsed_pct,
        } => i18n.tf(
            "engagement.reason_pace",
            &[
                ("done", &format_percent(*done_pct)),
                ("elapsed", &format_percent(*elapsed_pct)),
            ],
        ),
        BehindReason::Plan {
            plan_pct,
            threshold_pct,
            short,
        } => {
            let missing = short
                .iter()
                .map(|(a, n)| {
                    i18n.tf(
                        "engagement.reason_missing",
                        &[("action", &action_name(i18n, *a)), ("n", &n.to_string())],
                    )
                })
                .collect::<Vec<_>>()
                .join(i18n.t("engagement.list_sep"));
            i18n.tf(
                "engagement.reason_plan",
                &[
                    ("plan", &format_percent(*plan_pct)),
                    ("threshold", &format_percent(*threshold_pct)),
                    ("missing", &missing),
                ],
            )
        }
    }
}

/// Props shared by the parts of the page.
#[derive(Properties, PartialEq)]
pub struct PartProps {
    /// The open workspace.
    pub ws: DocRef,
    /// Its completion.
    pub completion: Rc<Completion>,
    /// The changed 151 document.
    pub on_change: Callback<Engagement>,
}

/// The page.
#[function_component(EngagementView)]
pub fn engagement_view() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let figures: Rc<Completion> = use_memo(DocRef(ws.clone()), |d| completion(&d.0));
    let section = use_state(|| Section::Completion);
    let edit_error = use_state(|| None::<String>);
    let on_change = {
        let handle = handle.clone();
        let edit_error = edit_error.clone();
        Callback::from(move |doc: Engagement| {
            let edit = Edit::SetEngagement(Box::new(doc));
            handle.edit_or_explain(edit, &i18n, &edit_error);
        })
    };
    let part = |s: Section| {
        let ws = DocRef(ws.clone());
        let completion = figures.clone();
        let on_change = on_change.clone();
        match s {
            Section::Completion => {
                html! { <overview::Overview {ws} {completion} {on_change} /> }
            }
            Section::Log => html! { <log::Log {ws} {completion} {on_change} /> },
            Section::Targets => html! { <targets::Targets {ws} {completion} {on_change} /> },
        }
    };
    let select_tab = {
        let section = section.clone();
        Callback::from(move |id: &str| {
            if let Some(t) = Section::ALL.into_iter().find(|t| t.id() == id) {
                section.set(t);
            }
        })
    };
    html! {
        <div class="engagement" data-testid="engagement-view">
            <h2 class="view-title">{ i18n.t("engagement.title") }</h2>
            <p class="muted engagement-intro">{ i18n.t("engagement.intro") }</p>
            if let Some(msg) = &*edit_error {
                <p class="engagement-edit-error" role="alert" data-testid="engagement-edit-error">{ msg }</p>
            }
            <TabBar area="engagement" ids={Section::ALL.map(Section::id).to_vec()}
                    current={section.id()} on_select={select_tab} />
            { part(*section) }
        </div>
    }
}

//! Tool 3 — iron-triangle organisation design (面向客户的铁三角作战组织设计): the account
//! staffing board with its totals, loads and gaps; the people; the coverage templates and
//! roles; the customer's purchase process × roles.

pub mod board;
mod people;
mod process;
mod templates;

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::org::staffing::{staffing, Staffing};
use crate::domain::tiering::Assignment;
use crate::ui::i18n::use_i18n;
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::tab_bar::TabBar;

/// The tiers of the customers and the staffing computed from them, once per document.
#[derive(Debug, PartialEq)]
pub struct TeamData {
    /// Tier of each customer, in customer order.
    pub tiers: Vec<Option<Assignment>>,
    /// Accounts, required and assigned FTE, loads, gaps.
    pub staffing: Staffing,
}

/// The staffing of the open workspace, recomputed when the document changes.
#[hook]
pub fn use_team_data() -> Rc<TeamData> {
    let ws = use_workspace().workspace();
    use_memo(DocRef(ws), |d| {
        let ws = &d.0;
        let tiers = ws.tiering.assign_all(&ws.customers);
        let staffing = staffing(&ws.org, &ws.tiering, &ws.customers, &tiers);
        TeamData { tiers, staffing }
    })
}

/// The parts of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamTab {
    /// Accounts × roles: required against assigned, who; totals, loads, gaps.
    Board,
    /// The people of the account teams, with CSV import.
    People,
    /// Roles and coverage templates (FTE per role by tier × triangle type), account tiers.
    Templates,
    /// The customer's purchase process × roles.
    Process,
}

impl TeamTab {
    /// Every tab, in order.
    pub const ALL: [TeamTab; 4] = [
        TeamTab::Board,
        TeamTab::People,
        TeamTab::Templates,
        TeamTab::Process,
    ];

    /// Id used in catalogue keys and test ids.
    pub fn id(self) -> &'static str {
        match self {
            TeamTab::Board => "board",
            TeamTab::People => "people",
            TeamTab::Templates => "templates",
            TeamTab::Process => "process",
        }
    }
}

/// Props of a tab's content: it can ask to show another tab (e.g. the gaps list opens the board
/// at an account).
#[derive(Properties, PartialEq)]
pub struct TabProps {
    /// Shows another tab; the string is an element id to scroll to (may be empty).
    pub on_show: Callback<(TeamTab, String)>,
}

/// The page.
#[function_component(TeamView)]
pub fn team_view() -> Html {
    let i18n = use_i18n();
    let tab = use_state(|| TeamTab::Board);
    let on_show = {
        let tab = tab.clone();
        Callback::from(move |(t, anchor): (TeamTab, String)| {
            tab.set(t);
            if !anchor.is_empty() {
                scroll_to_later(anchor);
            }
        })
    };
    let select_tab = {
        let tab = tab.clone();
        Callback::from(move |id: &str| {
            if let Some(t) = TeamTab::ALL.into_iter().find(|t| t.id() == id) {
                tab.set(t);
            }
        })
    };
    html! {
        <div class="team" data-testid="team-view">
            <h2 class="view-title">{ i18n.t("team.title") }</h2>
            <TabBar area="team" ids={TeamTab::ALL.map(TeamTab::id).to_vec()}
                    current={tab.id()} on_select={select_tab} />
            { match *tab {
                TeamTab::Board => html! { <board::Board on_show={on_show.clone()} /> },
                TeamTab::People => html! { <people::People on_show={on_show.clone()} /> },
                TeamTab::Templates => html! { <templates::Templates on_show={on_show.clone()} /> },
                TeamTab::Process => html! { <process::Process on_show={on_show.clone()} /> },
            } }
        </div>
    }
}

/// Scrolls to the element with `id` after the next render (the tab may not show it yet).
fn scroll_to_later(id: String) {
    gloo::timers::callback::Timeout::new(0, move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
        {
            el.scroll_into_view();
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    })
    .forget();
}

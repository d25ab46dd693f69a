//! Tool 2 — business portfolio, market insight and business design (业务组合与业务设计, 五看三定;
//! SPEC §3.3). Four tabs: the portfolio (grid, bubble chart, horizon mix, the business lines),
//! the diagnostics with the expansion ranking and the customer-selection evidence, the
//! whitespace of accounts × lines, and the market insight with the business design of each
//! industry. Every figure comes from `domain::portfolio::calc`.

mod diagnostics;
mod insight;
mod insight_opps;
mod insight_sections;
mod lines;
mod transfer;
mod whitespace;
mod whitespace_cell;
mod whitespace_list;
mod whitespace_matrix;

use yew::prelude::*;

use crate::domain::edit::Edit;
use crate::domain::portfolio::{Horizon, Portfolio};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::tab_bar::TabBar;

/// The tabs of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Portfolio,
    Diagnostics,
    Whitespace,
    Insight,
}

impl Section {
    const ALL: [Section; 4] = [
        Section::Portfolio,
        Section::Diagnostics,
        Section::Whitespace,
        Section::Insight,
    ];

    fn id(self) -> &'static str {
        match self {
            Section::Portfolio => "portfolio",
            Section::Diagnostics => "diagnostics",
            Section::Whitespace => "whitespace",
            Section::Insight => "insight",
        }
    }
}

/// The name of a horizon in the interface language.
pub fn horizon_name(i18n: &I18n, h: Horizon) -> String {
    i18n.t(&format!("portfolio.horizon_{}", h.key()))
        .to_string()
}

/// A person's name by id (the id when the person is gone, empty for none).
pub fn person_name(ws: &Workspace, id: Option<&str>) -> String {
    match id {
        Some(id) => ws
            .org
            .people
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_string(), |p| p.name.clone()),
        None => String::new(),
    }
}

/// Every industry the workspace knows: those of the business lines first (in their order), then
/// those of the customers (sorted).
pub fn known_industries(ws: &Workspace) -> Vec<String> {
    let mut out = crate::domain::portfolio::calc::industries(&ws.portfolio);
    let mut rest: Vec<String> = ws
        .customers
        .iter()
        .map(|c| c.industry.clone())
        .filter(|i| !i.trim().is_empty())
        .collect();
    crate::domain::sort::sort(&mut rest);
    rest.dedup();
    for i in rest {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// Props shared by the tabs.
#[derive(Properties, PartialEq)]
pub struct PartProps {
    /// The open workspace.
    pub ws: DocRef,
    /// Called with the changed portfolio (one undoable edit).
    pub on_change: Callback<Portfolio>,
}

/// The page.
#[function_component(PortfolioView)]
pub fn portfolio_view() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let section = use_state(|| Section::Portfolio);
    let edit_error = use_state(|| None::<String>);
    let on_change = {
        let handle = handle.clone();
        let edit_error = edit_error.clone();
        Callback::from(move |doc: Portfolio| {
            let edit = Edit::SetPortfolio(Box::new(doc));
            handle.edit_or_explain(edit, &i18n, &edit_error);
        })
    };
    let select_tab = {
        let section = section.clone();
        Callback::from(move |id: &str| {
            if let Some(t) = Section::ALL.into_iter().find(|t| t.id() == id) {
                section.set(t);
            }
        })
    };
    let ws_ref = DocRef(ws.clone());
    html! {
        <div class="portfolio" data-testid="portfolio-view">
            <h2 class="view-title">{ i18n.t("portfolio.title") }</h2>
            <p class="muted portfolio-intro">{ i18n.t("portfolio.intro") }</p>
            if let Some(msg) = &*edit_error {
                <p class="portfolio-edit-error" role="alert" data-testid="portfolio-edit-error">{ msg }</p>
            }
            <TabBar area="portfolio" ids={Section::ALL.map(Section::id).to_vec()}
                    current={section.id()} on_select={select_tab} />
            { match *section {
                Section::Portfolio => html! {
                    <transfer::PortfolioFiles kind={transfer::Kind::Lines} ws={ws_ref.clone()}
                        on_change={on_change.clone()} />
                },
                Section::Whitespace => html! {
                    <transfer::PortfolioFiles kind={transfer::Kind::Cells} ws={ws_ref.clone()}
                        on_change={on_change.clone()} />
                },
                _ => html! {},
            } }
            { match *section {
                Section::Portfolio => html! { <lines::Lines ws={ws_ref} {on_change} /> },
                Section::Diagnostics => html! { <diagnostics::Diagnostics ws={ws_ref} {on_change} /> },
                Section::Whitespace => html! { <whitespace::Whitespace ws={ws_ref} {on_change} /> },
                Section::Insight => html! { <insight::InsightTab ws={ws_ref} {on_change} /> },
            } }
        </div>
    }
}

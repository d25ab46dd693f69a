//! LTC — lead to cash (线索到回款, SPEC §3.9). Four tabs: the pipeline board (a column per
//! stage, cards moved by drag and drop or the keyboard), the forecast and coverage against the
//! year's targets with the funnel and win rates, the contracts and collections (milestones,
//! receivables, overdue ageing, DSO, retentions due), and one account's opportunities,
//! contracts and receivables in one place (`#/ltc/account/<id>`). Every figure comes from
//! `domain::ltc`.

mod account;
mod board;
mod contracts;
mod forecast;
mod transfer;

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::edit::Edit;
use crate::domain::ltc::calc::Ctx;
use crate::domain::ltc::Stage;
use crate::domain::workspace::Workspace;
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::route::use_tab_and_account;
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::tab_bar::TabBar;

pub use crate::ui::views::portfolio::person_name;

/// The tabs of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Board,
    Forecast,
    Contracts,
    Account,
}

impl Section {
    const ALL: [Section; 4] = [
        Section::Board,
        Section::Forecast,
        Section::Contracts,
        Section::Account,
    ];

    fn id(self) -> &'static str {
        match self {
            Section::Board => "board",
            Section::Forecast => "forecast",
            Section::Contracts => "contracts",
            Section::Account => "account",
        }
    }
}

/// A stage's name in the interface language (the other language when its own is empty).
pub fn stage_name(i18n: &I18n, s: &Stage) -> String {
    let (own, other) = match i18n.lang {
        Lang::ZhCn => (&s.name_zh, &s.name_en),
        Lang::En => (&s.name_en, &s.name_zh),
    };
    if own.trim().is_empty() {
        other.clone()
    } else {
        own.clone()
    }
}

/// A customer's name by id (the id when the customer is gone).
pub fn account_name(ws: &Workspace, id: &str) -> String {
    ws.customers
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// What the customers' tiers depend on: the customer records and the tiering rules. Two
/// documents with the same records (shared `Rc`s: an LTC edit keeps them) and rules give the
/// same tiers, so a stage move does not tier the customers again.
#[derive(Clone)]
struct TierInputs(Rc<Workspace>);

impl PartialEq for TierInputs {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.0, &other.0);
        Rc::ptr_eq(a, b)
            || (a.customers.len() == b.customers.len()
                && a.customers
                    .iter()
                    .zip(&b.customers)
                    .all(|(x, y)| Rc::ptr_eq(x, y))
                && a.tiering == b.tiering)
    }
}

/// The workspace's reference date as a day number (1 January of the fiscal year when it is
/// not a date).
pub fn today(ws: &Workspace) -> i64 {
    ws.reference_day("").1
}

/// The calculation context of the workspace's fiscal year and reference date.
pub fn ctx<'a>(ws: &'a Workspace, tiers: &'a HashMap<String, String>) -> Ctx<'a> {
    Ctx::new(&ws.ltc, ws.meta.fiscal_year, today(ws), tiers)
}

/// Props shared by the tabs.
#[derive(Properties, PartialEq)]
pub struct PartProps {
    /// The open workspace.
    pub ws: DocRef,
    /// Each customer's tier id (computed once per document).
    pub tiers: std::rc::Rc<HashMap<String, String>>,
    /// Applies an edit (one undoable step); a refused one is explained above the tabs.
    pub on_edit: Callback<Edit>,
    /// The account the account tab shows.
    pub account: Option<String>,
    /// Opens an account on the account tab.
    pub on_open_account: Callback<String>,
}

/// The page.
#[function_component(LtcView)]
pub fn ltc_view() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let (section, account) = use_tab_and_account(&Section::ALL, Section::id, Section::Board);
    let edit_error = use_state(|| None::<String>);
    let ws_ref = DocRef(ws.clone());
    let tiers = use_memo(TierInputs(ws.clone()), |t| t.0.tier_map());
    let on_edit = {
        let handle = handle.clone();
        let edit_error = edit_error.clone();
        Callback::from(move |edit: Edit| {
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
    let on_open_account = {
        let (section, account) = (section.clone(), account.clone());
        Callback::from(move |id: String| {
            account.set(Some(id));
            section.set(Section::Account);
        })
    };
    let props = |tab: Section| {
        let _ = tab;
        (
            ws_ref.clone(),
            tiers.clone(),
            on_edit.clone(),
            (*account).clone(),
            on_open_account.clone(),
        )
    };
    let (w, t, e, a, o) = props(*section);
    html! {
        <div class="ltc" data-testid="ltc-view">
            <h2 class="view-title">{ i18n.t("ltc.title") }</h2>
            <p class="muted ltc-intro">{ i18n.t("ltc.intro") }</p>
            if let Some(msg) = &*edit_error {
                <p class="ltc-edit-error" role="alert" data-testid="ltc-edit-error">{ msg }</p>
            }
            <TabBar area="ltc" ids={Section::ALL.map(Section::id).to_vec()}
                    current={section.id()} on_select={select_tab} />
            { match *section {
                Section::Board => html! {
                    <transfer::LtcFiles kind={transfer::Kind::Opportunities} ws={ws_ref.clone()} on_edit={on_edit.clone()} />
                },
                Section::Contracts => html! {
                    <transfer::LtcFiles kind={transfer::Kind::Contracts} ws={ws_ref.clone()} on_edit={on_edit.clone()} />
                },
                _ => html! {},
            } }
            { match *section {
                Section::Board => html! { <board::Board ws={w} tiers={t} on_edit={e} account={a} on_open_account={o} /> },
                Section::Forecast => html! { <forecast::Forecast ws={w} tiers={t} on_edit={e} account={a} on_open_account={o} /> },
                Section::Contracts => html! { <contracts::Contracts ws={w} tiers={t} on_edit={e} account={a} on_open_account={o} /> },
                Section::Account => html! { <account::Account ws={w} tiers={t} on_edit={e} account={a} on_open_account={o} /> },
            } }
        </div>
    }
}

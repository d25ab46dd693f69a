//! MCR — manage client relationship (管理客户关系, SPEC §3.10). Four tabs: one account's
//! relationship map (the reports-to tree as an org chart, or as a table, edited in a side
//! panel), its power map (influence × support, the relationship score, decision-maker coverage
//! and the red flags), the health of every account and tier, and the account's MCR plan (营 and
//! 赢) with its VCT checks. The account is kept in the hash: `#/mcr/<tab>/<account id>`. Every
//! figure comes from `domain::mcr`.

mod accounts;
mod map;
mod map_chart;
mod panel;
mod plan;
mod power;
mod transfer;
mod vct;

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::edit::Edit;
use crate::domain::mcr::calc::{self, AccountHealth, Flag, FlagContext};
use crate::domain::mcr::{DecisionRole, Layer, Stakeholder};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::route::use_tab_and_account;
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::tab_bar::TabBar;
use crate::ui::views::customers::Select;

pub use crate::ui::views::portfolio::person_name;

/// The tabs of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Map,
    Power,
    Accounts,
    Plan,
}

impl Section {
    const ALL: [Section; 4] = [
        Section::Map,
        Section::Power,
        Section::Accounts,
        Section::Plan,
    ];

    fn id(self) -> &'static str {
        match self {
            Section::Map => "map",
            Section::Power => "power",
            Section::Accounts => "accounts",
            Section::Plan => "plan",
        }
    }
}

/// A decision role's name.
pub fn role_name(i18n: &I18n, r: DecisionRole) -> String {
    i18n.t(&format!("mcr.role_{}", r.key())).to_string()
}

/// A support level's name (−1 … 3).
pub fn support_name(i18n: &I18n, support: i32) -> String {
    i18n.t(&format!("mcr.support_{}", support_key(support)))
        .to_string()
}

/// A support level as a signed number: "−1", "0" … "3".
pub fn support_number(support: i32) -> String {
    if support < 0 {
        format!("−{}", -support)
    } else {
        support.to_string()
    }
}

/// The key of a support level in catalogue keys and class names: `m1`, `0` … `3`.
pub fn support_key(support: i32) -> String {
    if support < 0 {
        "m1".to_string()
    } else {
        support.min(3).to_string()
    }
}

/// A layer's name.
pub fn layer_name(i18n: &I18n, l: Layer) -> String {
    i18n.t(&format!("mcr.layer_{}", l.key())).to_string()
}

/// A customer's name by id (the id when the customer is gone).
pub fn account_name(ws: &Workspace, id: &str) -> String {
    ws.customers
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// A flag as one sentence, with the names it concerns.
pub fn flag_text(i18n: &I18n, ws: &Workspace, flag: &Flag) -> String {
    let names = || {
        flag.stakeholders()
            .iter()
            .map(|id| ws.mcr.stakeholder(id).map_or(id.as_str(), |s| &s.name))
            .collect::<Vec<_>>()
            .join(i18n.t("mcr.list_sep"))
    };
    let key = format!("mcr.flag_{}", flag.key());
    match flag {
        Flag::SingleThread(owner) => i18n.tf(&key, &[("owner", &person_name(ws, Some(owner)))]),
        Flag::NoStakeholders | Flag::NoCoach => i18n.t(&key).to_string(),
        _ => i18n.tf(
            &key,
            &[
                ("names", &names()),
                ("n", &flag.stakeholders().len().to_string()),
                ("days", &ws.mcr.settings.stale_days.to_string()),
            ],
        ),
    }
}

/// What every tab is given.
#[derive(Properties, PartialEq)]
pub struct PartProps {
    /// The open workspace.
    pub ws: DocRef,
    /// The health of every account (computed once per document).
    pub health: Rc<Vec<AccountHealth>>,
    /// The account shown (map, power map, plan).
    pub account: Option<String>,
    /// Applies an edit (one undoable step); a refused one is explained above the tabs.
    pub on_edit: Callback<Edit>,
    /// Opens an account on the map tab.
    pub on_open_account: Callback<String>,
}

/// The stakeholders of one account, in document order.
pub fn of_account<'a>(ws: &'a Workspace, account: &str) -> Vec<&'a Stakeholder> {
    ws.mcr
        .stakeholders
        .iter()
        .filter(|s| s.account == account)
        .collect()
}

/// Days since each stakeholder's last contact, by id (none: never contacted).
pub fn days_since(ws: &Workspace) -> HashMap<String, i64> {
    let last = calc::last_contacts(ws);
    let ctx = FlagContext::new(ws, &last);
    ws.mcr
        .stakeholders
        .iter()
        .filter_map(|s| Some((s.id.clone(), ctx.days_since(&s.id)?)))
        .collect()
}

/// Writes the tab and account into the hash without adding a history entry.
fn to_hash(section: Section, account: Option<&str>) {
    let mut hash = format!("#/mcr/{}", section.id());
    if let Some(a) = account {
        let id: String = js_sys::encode_uri_component(a).into();
        hash.push('/');
        hash.push_str(&id);
    }
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&hash));
    }
}

/// The page.
#[function_component(McrView)]
pub fn mcr_view() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let (section, account) = use_tab_and_account(&Section::ALL, Section::id, Section::Map);
    let edit_error = use_state(|| None::<String>);
    let doc = DocRef(ws.clone());
    let health = use_memo(doc.clone(), |d| calc::health(&d.0));
    // The account shown: the one chosen if it still exists, else the first of the health list.
    let shown = (*account)
        .clone()
        .filter(|id| ws.customers.iter().any(|c| &c.id == id))
        .or_else(|| health.first().map(|h| h.account.clone()));
    let on_edit = {
        let handle = handle.clone();
        let edit_error = edit_error.clone();
        Callback::from(move |edit: Edit| {
            handle.edit_or_explain(edit, &i18n, &edit_error);
        })
    };
    let select_tab = {
        let (section, shown) = (section.clone(), shown.clone());
        Callback::from(move |id: &str| {
            if let Some(t) = Section::ALL.into_iter().find(|t| t.id() == id) {
                section.set(t);
                to_hash(t, shown.as_deref());
            }
        })
    };
    let on_open_account = {
        let (section, account) = (section.clone(), account.clone());
        Callback::from(move |id: String| {
            to_hash(Section::Map, Some(&id));
            account.set(Some(id));
            section.set(Section::Map);
        })
    };
    let on_pick = {
        let (section, account) = (section.clone(), account.clone());
        Callback::from(move |id: String| {
            if !id.is_empty() {
                to_hash(*section, Some(&id));
                account.set(Some(id));
            }
        })
    };
    let mut options: Vec<(AttrValue, AttrValue)> = health
        .iter()
        .map(|h| {
            let tier = h
                .tier
                .as_deref()
                .and_then(|t| ws.tiering.tiers.iter().find(|x| x.id == t))
                .map(|t| format!(" · {}", i18n.tier_name(t)))
                .unwrap_or_default();
            (h.account.clone().into(), format!("{}{tier}", h.name).into())
        })
        .collect();
    if let Some(id) = shown.as_deref() {
        if !health.iter().any(|h| h.account == id) {
            options.insert(0, (id.to_string().into(), account_name(&ws, id).into()));
        }
    }
    let props_account = shown.clone();
    let picker = html! {
        <div class="mcr-picker">
            <label for="mcr-account">{ i18n.t("mcr.account") }</label>
            <Select id="mcr-account" testid="mcr-account" value={AttrValue::from(shown.clone().unwrap_or_default())}
                    options={options} onchange={on_pick} />
        </div>
    };
    html! {
        <div class="mcr" data-testid="mcr-view">
            <h2 class="view-title">{ i18n.t("mcr.title") }</h2>
            <p class="muted mcr-intro">{ i18n.t("mcr.intro") }</p>
            if let Some(msg) = &*edit_error {
                <p class="mcr-edit-error" role="alert" data-testid="mcr-edit-error">{ msg }</p>
            }
            <TabBar area="mcr" ids={Section::ALL.map(Section::id).to_vec()}
                    current={section.id()} on_select={select_tab} />
            if matches!(*section, Section::Map | Section::Accounts) {
                <transfer::McrTransfer ws={doc.clone()} on_edit={on_edit.clone()} />
            }
            if *section != Section::Accounts {
                { picker }
            }
            { match *section {
                Section::Map => html! { <map::RelationshipMap ws={doc.clone()} health={health.clone()} account={props_account} on_edit={on_edit.clone()} on_open_account={on_open_account.clone()} /> },
                Section::Power => html! { <power::PowerMap ws={doc.clone()} health={health.clone()} account={props_account} on_edit={on_edit.clone()} on_open_account={on_open_account.clone()} /> },
                Section::Accounts => html! { <accounts::Accounts ws={doc.clone()} health={health.clone()} account={props_account} on_edit={on_edit.clone()} on_open_account={on_open_account.clone()} /> },
                Section::Plan => html! {
                    <>
                        <plan::Plan ws={doc.clone()} health={health.clone()} account={props_account.clone()} on_edit={on_edit.clone()} on_open_account={on_open_account.clone()} />
                        <vct::Vct ws={doc.clone()} health={health.clone()} account={props_account} on_edit={on_edit.clone()} on_open_account={on_open_account.clone()} />
                    </>
                },
            } }
        </div>
    }
}

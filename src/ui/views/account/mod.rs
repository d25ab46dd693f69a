//! The account page (`#/account/<id>`, SPEC §3.12): one account's plan on one page — profile,
//! tier and why, purchase history, triangle and staffing gaps, the decision chain with a map
//! thumbnail, 151 progress, pipeline, contracts and receivables, the team's KPI card,
//! whitespace, MCR plan and VCT — each block linking to its tool, each empty block saying what
//! would fill it. Prints as an A4 one-pager (`styles/account.css`) and exports as Markdown.
//! Every figure comes from `domain::account_plan`.

mod blocks;
mod chart;
pub mod words;

use yew::prelude::*;

use crate::domain::account_plan::{self, markdown, AccountPlan};
use crate::domain::workspace::Workspace;
use crate::persist::files::download_text;
use crate::ui::i18n::use_i18n;
use crate::ui::i18n::I18n;
use crate::ui::route::{account_hash, hash_rest};
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::views::customers::Select;
use words::PlanWords;

/// Customers offered in the picker at most (besides the one shown).
const MAX_PICK: usize = 300;

/// The account named in the hash (`#/account/<id>`), kept in step with it.
#[hook]
fn use_hash_account() -> UseStateHandle<Option<String>> {
    let account = use_state(|| hash_rest().into_iter().next());
    {
        let account = account.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |_| {
                    account.set(hash_rest().into_iter().next());
                })
            });
            move || drop(listener)
        });
    }
    account
}

/// The customers of the picker: those in a tier of the iron triangle's accounts first (tier
/// order, then purchase), then the others by purchase; (id, label).
fn pick_list(i18n: &I18n, ws: &Workspace, tiers: &[Option<String>]) -> Vec<(String, String)> {
    let rank = |t: &Option<String>| {
        t.as_deref()
            .and_then(|t| ws.org.account_tiers.iter().position(|a| a == t))
            .unwrap_or(usize::MAX)
    };
    let mut list: Vec<(usize, f64, String, String)> = ws
        .customers
        .iter()
        .zip(tiers)
        .map(|(c, t)| {
            let tier = t
                .as_deref()
                .and_then(|t| ws.tiering.tiers.iter().find(|x| x.id == t))
                .map(|t| format!(" · {}", i18n.tier_name(t)))
                .unwrap_or_default();
            (
                rank(t),
                c.annual_purchase,
                c.id.clone(),
                format!("{}{tier}", c.name),
            )
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.3.cmp(&b.3)));
    list.into_iter().map(|(_, _, id, l)| (id, l)).collect()
}

/// A file name for the export: `<account>-<date>.md`, without characters file systems refuse.
fn file_name(plan: &AccountPlan) -> String {
    let name = crate::ui::page_files::safe_name(&plan.profile.name);
    format!("{name}-{}.md", plan.today)
}

/// The page.
#[function_component(AccountView)]
pub fn account_view() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let account = use_hash_account();
    let export_error = use_state(|| None::<String>);
    let doc = DocRef(ws.clone());
    let tiers = use_memo(doc.clone(), |d| d.0.tier_ids());
    let shown = (*account)
        .clone()
        .filter(|id| ws.customers.iter().any(|c| &c.id == id));
    let plan = use_memo((doc, shown.clone()), |(d, id)| {
        id.as_deref()
            .and_then(|id| account_plan::plan(&d.0, id, &d.0.meta.today))
    });

    let mut options: Vec<(AttrValue, AttrValue)> = vec![(
        AttrValue::default(),
        i18n.t("account.pick_placeholder").into(),
    )];
    let list = pick_list(&i18n, &ws, &tiers);
    if let Some(id) = shown.as_deref() {
        if let Some((id, label)) = list.iter().find(|(i, _)| i == id) {
            options.push((id.clone().into(), label.clone().into()));
        }
    }
    options.extend(
        list.iter()
            .filter(|(id, _)| Some(id.as_str()) != shown.as_deref())
            .take(MAX_PICK)
            .map(|(id, l)| (id.clone().into(), l.clone().into())),
    );
    let on_pick = Callback::from(move |id: String| {
        if let (false, Some(w)) = (id.is_empty(), web_sys::window()) {
            let _ = w.location().set_hash(&account_hash(&id));
        }
    });
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let on_export = {
        let (plan, ws, export_error) = (plan.clone(), ws.clone(), export_error.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = plan.as_ref() {
                let text = markdown(p, &PlanWords { i18n, ws: &ws });
                match download_text(&file_name(p), "text/markdown;charset=utf-8", &text) {
                    Ok(()) => export_error.set(None),
                    Err(e) => export_error.set(Some(e)),
                }
            }
        })
    };
    let toolbar = html! {
        <div class="card account-toolbar" data-testid="account-toolbar">
            <label for="account-pick">{ i18n.t("account.pick") }</label>
            <Select id="account-pick" testid="account-pick" value={AttrValue::from(shown.clone().unwrap_or_default())}
                    options={options} onchange={on_pick} />
            if plan.is_some() {
                <button type="button" class="button" onclick={on_print} data-testid="account-print">{ i18n.t("account.print") }</button>
                <button type="button" class="button" onclick={on_export} data-testid="account-export">{ i18n.t("account.export") }</button>
            }
        </div>
    };
    let Some(p) = plan.as_ref() else {
        let note = if account.is_some() {
            "account.unknown"
        } else {
            "account.pick_hint"
        };
        return html! {
            <div class="account" data-testid="account-view">
                <h2 class="view-title">{ i18n.t("account.title") }</h2>
                { toolbar }
                <p class="card muted" data-testid="account-none">{ i18n.t(note) }</p>
            </div>
        };
    };
    let words = PlanWords { i18n, ws: &ws };
    html! {
        <div class="account" data-testid="account-view" data-account={p.profile.id.clone()}>
            <h2 class="view-title">{ i18n.t("account.title") }</h2>
            { toolbar }
            if let Some(e) = &*export_error {
                <p class="account-error" role="alert">{ i18n.tf("account.export_failed", &[("detail", e)]) }</p>
            }
            <article class="account-plan" data-testid="account-plan">
                <header class="account-print-head">
                    <span>{ format!("{} · {}", i18n.t("app.title"), p.workspace) }</span>
                    <span>{ i18n.tf("account.print_date", &[("date", &p.today)]) }</span>
                </header>
                { blocks::head(&words, p) }
                <div class="account-grid">
                    { blocks::profile(&words, p) }
                    { blocks::history(&words, p) }
                    { blocks::staffing(&words, p) }
                    { blocks::relations(&words, &ws, p) }
                    { blocks::engagement(&words, p) }
                    { blocks::pipeline(&words, p) }
                    { blocks::contracts(&words, p) }
                    { blocks::kpi(&words, p) }
                    { blocks::whitespace(&words, p) }
                    { blocks::mcr_plan(&words, p) }
                    { blocks::vct(&words, p) }
                </div>
            </article>
        </div>
    }
}

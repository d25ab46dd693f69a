//! Tool 6 — differentiated KPI targets (差异化的考核目标, SPEC §3.7): the scorecards side by side,
//! the scorecard editor with its checks, the cascade (利出一孔) and the per-person scores with
//! their distribution.

mod cascade;
mod compare;
mod editor;
mod fields;
mod import;
mod people;
mod text;

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::edit::Edit;
use crate::domain::kpi::{check, Kpi, KpiRefusal, OwnerKind, Scorecard};
use crate::domain::org::talent_input::fresh_id;
use crate::domain::org::AR;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_workspace;
use crate::ui::tab_bar::TabBar;
use crate::ui::views::talent::role_caption;

pub use crate::domain::kpi::linked::linked_actuals;

/// The parts of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Scorecards,
    Cascade,
    People,
}

impl Section {
    const ALL: [Section; 3] = [Section::Scorecards, Section::Cascade, Section::People];

    fn id(self) -> &'static str {
        match self {
            Section::Scorecards => "scorecards",
            Section::Cascade => "cascade",
            Section::People => "people",
        }
    }
}

/// The view.
#[function_component(KpiView)]
pub fn kpi_view() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let section = use_state(|| Section::Scorecards);
    let selected = use_state(|| None::<String>);
    let edit_error = use_state(|| None::<String>);
    let kpi = ws.kpi.clone();
    let linked = linked_actuals(&ws);
    let roles: Vec<(String, String)> = ws
        .org
        .roles
        .iter()
        .map(|r| (r.id.clone(), role_caption(&i18n, &r.id, &ws.org.roles)))
        .collect();
    let tiers: Vec<(String, String)> = ws
        .tiering
        .tiers
        .iter()
        .map(|t| (t.id.clone(), i18n.tier_name(t).to_string()))
        .collect();
    let card_id = selected
        .as_ref()
        .filter(|id| kpi.scorecard(id).is_some())
        .cloned()
        .or_else(|| kpi.scorecards.first().map(|c| c.id.clone()))
        .unwrap_or_default();

    let set_kpi = {
        let handle = handle.clone();
        let edit_error = edit_error.clone();
        Callback::from(move |next: Kpi| {
            // Checked first so a refusal is explained instead of silently ignored.
            if let Err(e) = check(&next) {
                let key = match e {
                    KpiRefusal::NotFinite { .. } => "kpi.refused_number",
                    KpiRefusal::DuplicateId { .. } => "kpi.refused_id",
                };
                edit_error.set(Some(i18n.t(key).to_string()));
                return;
            }
            let edit = Edit::SetKpi(Box::new(next));
            handle.edit_or_explain(edit, &i18n, &edit_error);
        })
    };
    let add_card = |owner: OwnerKind| {
        let kpi = kpi.clone();
        let set_kpi = set_kpi.clone();
        let selected = selected.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = kpi.clone();
            let id = fresh_id("card", next.scorecards.iter().map(|c| c.id.as_str()));
            let (zh, en) = match owner {
                OwnerKind::Organisation => ("新团队考核表", "New team scorecard"),
                OwnerKind::Role => ("新角色考核表", "New role scorecard"),
            };
            next.scorecards.push(Scorecard {
                id: id.clone(),
                name_zh: zh.to_string(),
                name_en: en.to_string(),
                owner,
                role: if owner == OwnerKind::Role {
                    AR.to_string()
                } else {
                    String::new()
                },
                ..Scorecard::default()
            });
            selected.set(Some(id));
            set_kpi.emit(next);
        })
    };
    let on_delete = {
        let kpi = kpi.clone();
        let set_kpi = set_kpi.clone();
        Callback::from(move |id: String| {
            let mut next = kpi.clone();
            let removed: Vec<String> = next
                .scorecard(&id)
                .map(|c| c.indicators.iter().map(|i| i.id.clone()).collect())
                .unwrap_or_default();
            next.scorecards.retain(|c| c.id != id);
            // Actuals on the removed indicators would point at nothing.
            next.actuals.retain(|a| !removed.contains(&a.indicator));
            set_kpi.emit(next);
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
    html! {
        <div class="kpi" data-testid="kpi-view">
            <h2 class="view-title">{ i18n.t("kpi.title") }</h2>
            <p class="muted kpi-intro">{ i18n.t("kpi.intro") }</p>
            if let Some(msg) = &*edit_error {
                <p class="kpi-edit-error" role="alert" data-testid="kpi-edit-error">{ msg }</p>
            }
            <TabBar area="kpi" ids={Section::ALL.map(Section::id).to_vec()}
                    current={section.id()} on_select={select_tab} />
            { match *section {
                Section::Scorecards => html! {
                    <>
                        <compare::Compare kpi={kpi.clone()} />
                        <div class="kpi-cards">
                        <div class="kpi-cards-tabs" role="tablist" aria-label={i18n.t("kpi.cards_label")}>
                            { for kpi.scorecards.iter().map(|c| {
                                let current = c.id == card_id;
                                let onclick = {
                                    let selected = selected.clone();
                                    let id = c.id.clone();
                                    Callback::from(move |_| selected.set(Some(id.clone())))
                                };
                                let owner = match c.owner {
                                    OwnerKind::Organisation => i18n.t("kpi.owner_org").to_string(),
                                    OwnerKind::Role => c.role.clone(),
                                };
                                html! {
                                    <button type="button" role="tab" aria-selected={current.to_string()}
                                            class={classes!("kpi-card-pick", current.then_some("is-current"))}
                                            data-testid={format!("kpi-card-{}", c.id)} {onclick}>
                                        <span>{ text::card_name(&i18n, c) }</span>
                                        { " " }<span class="role-code">{ owner }</span>
                                    </button>
                                }
                            }) }
                        </div>
                            <button type="button" class="button" onclick={add_card(OwnerKind::Organisation)}
                                    data-testid="kpi-card-add-org">{ i18n.t("kpi.card_add_org") }</button>
                            <button type="button" class="button" onclick={add_card(OwnerKind::Role)}
                                    data-testid="kpi-card-add-role">{ i18n.t("kpi.card_add_role") }</button>
                        </div>
                        <editor::Editor kpi={kpi.clone()} card={card_id.clone()} linked={linked.clone()}
                            tiers={tiers.clone()} roles={roles.clone()} on_change={set_kpi.clone()} {on_delete} />
                    </>
                },
                Section::Cascade => html! {
                    <cascade::CascadeEditor kpi={kpi.clone()} roles={roles.clone()} on_change={set_kpi.clone()} />
                },
                Section::People => html! {
                    <people::PeopleScores kpi={kpi.clone()} org={Rc::new(ws.org.clone())} linked={linked.clone()}
                        roles={roles.clone()} on_change={set_kpi.clone()} />
                },
            } }
        </div>
    }
}

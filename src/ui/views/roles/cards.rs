//! The role cards: one per role of the design, in role order, each with its mission,
//! responsibilities and key activities in the interface language; an edit mode per card, reset
//! of a built-in card to its default, and a card created for a role that has none.

use yew::prelude::*;

use super::card_editor::CardEditor;
use super::{pick, role_name};
use crate::domain::edit::Edit;
use crate::domain::org::duties::{Duty, RoleCard};
use crate::domain::org::duties_edit::{
    blank_card, default_card, is_default_card, put_card, reset_card, tidy_card,
};
use crate::domain::org::RoleDef;
use crate::ui::i18n::use_i18n;
use crate::ui::role_name::role_with_code;
use crate::ui::state::use_workspace;

/// Every role's card.
#[function_component(RoleCards)]
pub fn role_cards() -> Html {
    let i18n = use_i18n();
    let ws = use_workspace().workspace();
    html! {
        <section class="roles-cards" aria-label={i18n.t("roles.cards_title")} data-testid="role-cards">
            { for ws.org.roles.iter().map(|role| html! {
                <RoleCardView key={role.id.clone()} role={role.clone()}
                              card={ws.duties.card(&role.id).cloned()} />
            }) }
        </section>
    }
}

/// Props of [`RoleCardView`].
#[derive(Properties, PartialEq)]
pub struct RoleCardViewProps {
    /// The role.
    pub role: RoleDef,
    /// Its card, if it has one.
    pub card: Option<RoleCard>,
}

/// One card, shown or edited.
#[function_component(RoleCardView)]
pub fn role_card_view(props: &RoleCardViewProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let draft = use_state(|| None::<RoleCard>);
    let role = &props.role;
    let rid = role.id.clone();
    let name = role_name(&i18n, role).to_string();

    let start_edit = {
        let draft = draft.clone();
        let card = props.card.clone();
        let handle = handle.clone();
        let rid = rid.clone();
        Callback::from(move |_: MouseEvent| {
            let ws = handle.workspace();
            draft.set(Some(
                card.clone().unwrap_or_else(|| blank_card(&ws.duties, &rid)),
            ));
        })
    };
    let on_change = {
        let draft = draft.clone();
        Callback::from(move |c: RoleCard| draft.set(Some(c)))
    };
    let on_save = {
        let draft = draft.clone();
        let handle = handle.clone();
        Callback::from(move |_| {
            if let Some(card) = (*draft).clone() {
                let ws = handle.workspace();
                let next = put_card(&ws.org, &ws.duties, tidy_card(&card));
                handle.edit(Edit::SetDuties(Box::new(next)));
            }
            draft.set(None);
        })
    };
    let on_cancel = {
        let draft = draft.clone();
        Callback::from(move |_| draft.set(None))
    };
    let on_reset = {
        let handle = handle.clone();
        let rid = rid.clone();
        Callback::from(move |_: MouseEvent| {
            let ws = handle.workspace();
            let next = reset_card(&ws.org, &ws.duties, &rid);
            handle.edit(Edit::SetDuties(Box::new(next)));
        })
    };

    let head = html! {
        <header class="roles-card-head">
            <div>
                <h2 class="roles-card-name" data-testid={format!("card-name-{rid}")}>
                    { role_with_code(&i18n, role) }
                </h2>
            </div>
            if draft.is_none() {
                <div class="roles-card-tools">
                    if props.card.is_some() {
                        <button type="button" class="button" onclick={start_edit.clone()}
                                aria-label={i18n.tf("roles.edit_card_of", &[("role", &name)])}
                                data-testid={format!("card-edit-{rid}")}>{ i18n.t("roles.edit") }</button>
                    }
                    if props.card.as_ref().is_some_and(|c| !is_default_card(c)) && default_card(&rid).is_some() {
                        <button type="button" class="button" onclick={on_reset}
                                title={i18n.t("roles.reset_hint")}
                                aria-label={i18n.tf("roles.reset_card_of", &[("role", &name)])}
                                data-testid={format!("card-reset-{rid}")}>{ i18n.t("roles.reset") }</button>
                    }
                </div>
            }
        </header>
    };

    let body = match (&*draft, &props.card) {
        (Some(d), _) => html! {
            <CardEditor draft={d.clone()} role_name={name.clone()} on_change={on_change}
                        on_save={on_save} on_cancel={on_cancel} />
        },
        (None, Some(card)) => {
            let list = |lines: &[Duty], kind: &str| {
                if lines.is_empty() {
                    html! { <p class="muted">{ i18n.t("roles.no_lines") }</p> }
                } else {
                    html! {
                        <ul class="roles-lines" data-testid={format!("card-{kind}-{rid}")}>
                            { for lines.iter().map(|d| html! {
                                <li key={d.id.clone()}>{ pick(&i18n, &d.text.zh, &d.text.en) }</li>
                            }) }
                        </ul>
                    }
                }
            };
            let mission = pick(&i18n, &card.mission.zh, &card.mission.en);
            html! {
                <>
                    <p class="roles-mission" data-testid={format!("card-mission-{rid}")}>
                        <span class="roles-label">{ i18n.t("roles.mission") }</span>
                        if mission.is_empty() {
                            <span class="muted">{ i18n.t("roles.no_mission") }</span>
                        } else {
                            { mission }
                        }
                    </p>
                    <h3 class="roles-subtitle">{ i18n.t("roles.responsibilities") }</h3>
                    { list(&card.responsibilities, "resp") }
                    <h3 class="roles-subtitle">{ i18n.t("roles.key_activities") }</h3>
                    { list(&card.key_activities, "act") }
                </>
            }
        }
        (None, None) => html! {
            <div class="roles-no-card" data-testid={format!("card-missing-{rid}")}>
                <p class="muted">{ i18n.t("roles.no_card") }</p>
                <button type="button" class="button button-primary" onclick={start_edit}
                        data-testid={format!("card-create-{rid}")}>{ i18n.t("roles.create_card") }</button>
            </div>
        },
    };

    html! {
        <article class={classes!("card", "roles-card", draft.is_some().then_some("is-editing"))}
                 data-testid={format!("card-{rid}")}>
            { head }
            { body }
        </article>
    }
}

//! The side panel of a stakeholder: every field edited in place and saved as one step, the
//! stakeholder deleted (those who reported to them then report to their boss), and the contact
//! log of the stakeholder with a line to record a new contact.

use yew::prelude::*;

use super::{person_name, role_name, support_name};
use crate::domain::edit::Edit;
use crate::domain::mcr::{
    Contact, ContactKind, DecisionRole, Layer, Mcr, Stakeholder, INFLUENCE_MAX, INFLUENCE_MIN,
    SUPPORT_MAX, SUPPORT_MIN,
};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::use_i18n;
use crate::ui::state::DocRef;
use crate::ui::views::customers::{event_value, Select};

/// Props of [`Panel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The open workspace.
    pub ws: DocRef,
    /// The account.
    pub account: String,
    /// The stakeholder edited; `None` for a new one.
    pub stakeholder: Option<String>,
    /// Applies an edit.
    pub on_edit: Callback<Edit>,
    /// Closes the panel.
    pub on_close: Callback<()>,
    /// A new stakeholder was saved under this id.
    pub on_saved: Callback<String>,
}

/// `doc` without the stakeholder `id`: those who reported to them report to their boss, and
/// their contacts go with them.
pub fn without(doc: &Mcr, id: &str) -> Mcr {
    let mut doc = doc.clone();
    let boss = doc.stakeholder(id).and_then(|s| s.reports_to.clone());
    doc.stakeholders.retain(|s| s.id != id);
    for s in &mut doc.stakeholders {
        if s.reports_to.as_deref() == Some(id) {
            s.reports_to = boss.clone();
        }
    }
    doc.contacts.retain(|c| c.stakeholder != id);
    doc
}

fn options<T: Copy>(
    all: &[T],
    key: impl Fn(T) -> String,
    label: impl Fn(T) -> String,
) -> Vec<(AttrValue, AttrValue)> {
    all.iter()
        .map(|v| (key(*v).into(), label(*v).into()))
        .collect()
}

/// People offered as owners: those assigned to the account first, then everyone else.
fn owner_options(ws: &Workspace, account: &str, none: &str) -> Vec<(AttrValue, AttrValue)> {
    let on_account = |p: &str| {
        ws.org
            .assignments
            .iter()
            .any(|a| a.person == p && a.account == account)
    };
    let mut people: Vec<_> = ws.org.people.iter().collect();
    people.sort_by_key(|p| !on_account(&p.id));
    std::iter::once((AttrValue::default(), AttrValue::from(none.to_string())))
        .chain(people.into_iter().map(|p| {
            (
                p.id.clone().into(),
                format!("{} · {}", p.name, p.role).into(),
            )
        }))
        .collect()
}

/// The panel.
#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let i18n = use_i18n();
    let ws = &props.ws.0;
    let draft = {
        let ws = ws.clone();
        let (account, id) = (props.account.clone(), props.stakeholder.clone());
        use_state(move || {
            id.as_deref()
                .and_then(|id| ws.mcr.stakeholder(id).cloned())
                .unwrap_or_else(|| Stakeholder {
                    account,
                    ..Stakeholder::default()
                })
        })
    };
    let contact_date = use_state(|| ws.meta.today.clone());
    let contact_kind = use_state(|| ContactKind::Meeting);
    let contact_notes = use_state(String::new);
    // Our people at the contact: the owner unless changed.
    let contact_people = {
        let owner = props
            .stakeholder
            .as_deref()
            .and_then(|id| ws.mcr.stakeholder(id))
            .and_then(|s| s.owner.clone());
        use_state(move || owner.into_iter().collect::<Vec<String>>())
    };
    let is_new = props.stakeholder.is_none();
    let set = |f: fn(&mut Stakeholder, String)| {
        let draft = draft.clone();
        Callback::from(move |v: String| {
            let mut d = (*draft).clone();
            f(&mut d, v);
            draft.set(d);
        })
    };
    let text = |f: fn(&mut Stakeholder, String)| {
        let cb = set(f);
        Callback::from(move |e: InputEvent| cb.emit(event_value(&e)))
    };
    let on_save = {
        let (draft, ws, on_edit, on_saved) = (
            draft.clone(),
            ws.clone(),
            props.on_edit.clone(),
            props.on_saved.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut s = (*draft).clone();
            s.name = s.name.trim().to_string();
            let mut doc = ws.mcr.clone();
            match doc
                .stakeholders
                .iter()
                .position(|x| x.id == s.id && !s.id.is_empty())
            {
                Some(i) => doc.stakeholders[i] = s.clone(),
                None => {
                    s.id = doc.next_id("sh-");
                    doc.stakeholders.push(s.clone());
                }
            }
            on_edit.emit(Edit::SetMcr(Box::new(doc)));
            on_saved.emit(s.id);
        })
    };
    let on_delete = {
        let (ws, on_edit, on_close, id) = (
            ws.clone(),
            props.on_edit.clone(),
            props.on_close.clone(),
            props.stakeholder.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(id) = &id {
                on_edit.emit(Edit::SetMcr(Box::new(without(&ws.mcr, id))));
                on_close.emit(());
            }
        })
    };
    let on_log = {
        let (ws, on_edit, draft) = (ws.clone(), props.on_edit.clone(), draft.clone());
        let (date, kind, notes, people) = (
            contact_date.clone(),
            contact_kind.clone(),
            contact_notes.clone(),
            contact_people.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let mut doc = ws.mcr.clone();
            let id = doc.next_id("ct-");
            doc.contacts.push(Contact {
                id,
                stakeholder: draft.id.clone(),
                date: (*date).clone(),
                kind: *kind,
                our_people: (*people).clone(),
                notes: notes.trim().to_string(),
                updated_at: 0,
            });
            on_edit.emit(Edit::SetMcr(Box::new(doc)));
            notes.set(String::new());
        })
    };
    let d = &*draft;
    let bosses: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::default(), i18n.t("mcr.no_boss").into()))
            .chain(
                ws.mcr
                    .of_account(&props.account)
                    .filter(|s| s.id != d.id)
                    .map(|s| {
                        (
                            s.id.clone().into(),
                            format!("{} · {}", s.name, s.title).into(),
                        )
                    }),
            )
            .collect();
    let mut contacts: Vec<&Contact> = ws
        .mcr
        .contacts
        .iter()
        .filter(|c| !d.id.is_empty() && c.stakeholder == d.id)
        .collect();
    contacts.sort_by(|a, b| b.date.cmp(&a.date));
    let met_on_151: Vec<_> = ws
        .engagement
        .entries
        .iter()
        .filter(|e| !d.id.is_empty() && e.stakeholders.contains(&d.id))
        .collect();
    // The account's team (and the owner, if not on it), offered as our people at a contact.
    let mut team: Vec<(String, String)> = Vec::new();
    for a in ws
        .org
        .assignments
        .iter()
        .filter(|a| a.account == props.account)
    {
        if !team.iter().any(|(id, _)| id == &a.person) {
            team.push((a.person.clone(), person_name(ws, Some(&a.person))));
        }
    }
    if let Some(o) = d
        .owner
        .as_deref()
        .filter(|o| !team.iter().any(|(id, _)| id == o))
    {
        team.push((o.to_string(), person_name(ws, Some(o))));
    }
    let field = |id: &str, label: &str, input: Html| {
        html! {
            <div class="mcr-field">
                <label for={format!("mcr-f-{id}")}>{ i18n.t(label) }</label>
                { input }
            </div>
        }
    };
    html! {
        <aside class="mcr-panel" aria-label={i18n.t("mcr.panel_label")} data-testid="mcr-panel">
            <div class="mcr-panel-head">
                <h3>{ if is_new { i18n.t("mcr.new_stakeholder").to_string() } else { d.name.clone() } }</h3>
                <button type="button" class="button mcr-panel-close" data-testid="mcr-panel-close"
                        aria-label={i18n.t("mcr.close_panel")}
                        onclick={props.on_close.reform(|_: MouseEvent| ())}>{ "×" }</button>
            </div>
            <form class="mcr-form" onsubmit={on_save}>
                { field("name", "mcr.f_name", html! {
                    <input id="mcr-f-name" data-testid="mcr-f-name" required=true maxlength="80"
                           value={d.name.clone()} oninput={text(|s, v| s.name = v)} />
                }) }
                { field("title", "mcr.f_title", html! {
                    <input id="mcr-f-title" data-testid="mcr-f-title" maxlength="80"
                           value={d.title.clone()} oninput={text(|s, v| s.title = v)} />
                }) }
                { field("department", "mcr.f_department", html! {
                    <input id="mcr-f-department" data-testid="mcr-f-department" maxlength="80"
                           value={d.department.clone()} oninput={text(|s, v| s.department = v)} />
                }) }
                { field("reports_to", "mcr.f_reports_to", html! {
                    <Select id="mcr-f-reports_to" testid="mcr-f-reports_to" options={bosses}
                            value={AttrValue::from(d.reports_to.clone().unwrap_or_default())}
                            onchange={set(|s, v| s.reports_to = (!v.is_empty()).then_some(v))} />
                }) }
                { field("role", "mcr.f_role", html! {
                    <Select id="mcr-f-role" testid="mcr-f-role"
                            options={options(&DecisionRole::ALL, |r| r.key().to_string(), |r| role_name(&i18n, r))}
                            value={AttrValue::from(d.role.key())}
                            onchange={set(|s, v| if let Some(r) = DecisionRole::from_key(&v) { s.role = r })} />
                }) }
                { field("support", "mcr.f_support", html! {
                    <Select id="mcr-f-support" testid="mcr-f-support"
                            options={options(&(SUPPORT_MIN..=SUPPORT_MAX).collect::<Vec<_>>(), |v| v.to_string(),
                                             |v| format!("{} · {}", super::support_number(v), support_name(&i18n, v)))}
                            value={AttrValue::from(d.support.to_string())}
                            onchange={set(|s, v| if let Ok(n) = v.parse() { s.support = n })} />
                }) }
                { field("influence", "mcr.f_influence", html! {
                    <Select id="mcr-f-influence" testid="mcr-f-influence"
                            options={options(&(INFLUENCE_MIN..=INFLUENCE_MAX).collect::<Vec<_>>(), |v| v.to_string(), |v| v.to_string())}
                            value={AttrValue::from(d.influence.to_string())}
                            onchange={set(|s, v| if let Ok(n) = v.parse() { s.influence = n })} />
                }) }
                { field("layer", "mcr.f_layer", html! {
                    <Select id="mcr-f-layer" testid="mcr-f-layer"
                            options={options(&Layer::ALL, |l| l.key().to_string(), |l| super::layer_name(&i18n, l))}
                            value={AttrValue::from(d.layer.key())}
                            onchange={set(|s, v| if let Some(l) = Layer::from_key(&v) { s.layer = l })} />
                }) }
                { field("owner", "mcr.f_owner", html! {
                    <Select id="mcr-f-owner" testid="mcr-f-owner"
                            options={owner_options(ws, &props.account, i18n.t("mcr.no_owner"))}
                            value={AttrValue::from(d.owner.clone().unwrap_or_default())}
                            onchange={set(|s, v| s.owner = (!v.is_empty()).then_some(v))} />
                }) }
                { field("last_contact", "mcr.f_last_contact", html! {
                    <input id="mcr-f-last_contact" data-testid="mcr-f-last_contact" type="date"
                           value={d.last_contact.clone()} oninput={text(|s, v| s.last_contact = v)} />
                }) }
                { field("notes", "mcr.f_notes", html! {
                    <textarea id="mcr-f-notes" data-testid="mcr-f-notes" rows="2" maxlength="2000"
                              value={d.notes.clone()} oninput={text(|s, v| s.notes = v)} />
                }) }
                <div class="mcr-panel-actions">
                    <button type="submit" class="button button-primary" data-testid="mcr-save">{ i18n.t("mcr.save") }</button>
                    if !is_new {
                        <button type="button" class="button button-danger" data-testid="mcr-delete"
                                onclick={on_delete}>{ i18n.t("mcr.delete") }</button>
                    }
                </div>
            </form>
            if !is_new {
                <section class="mcr-contacts" aria-label={i18n.t("mcr.contacts")}>
                    <h4>{ i18n.t("mcr.contacts") }</h4>
                    <div class="mcr-contact-form">
                        <input type="date" aria-label={i18n.t("mcr.contact_date")} data-testid="mcr-contact-date"
                               value={(*contact_date).clone()}
                               oninput={let s = contact_date.clone(); move |e: InputEvent| s.set(event_value(&e))} />
                        <Select testid="mcr-contact-kind"
                                options={options(&ContactKind::ALL, |k| k.key().to_string(), |k| i18n.t(&format!("mcr.contact_{}", k.key())).to_string())}
                                value={AttrValue::from(contact_kind.key())}
                                onchange={let s = contact_kind.clone(); move |v: String| if let Some(k) = ContactKind::from_key(&v) { s.set(k) }} />
                        <input aria-label={i18n.t("mcr.contact_notes")} placeholder={i18n.t("mcr.contact_notes")}
                               maxlength="500" data-testid="mcr-contact-notes" value={(*contact_notes).clone()}
                               oninput={let s = contact_notes.clone(); move |e: InputEvent| s.set(event_value(&e))} />
                        <fieldset class="mcr-contact-people">
                            <legend>{ i18n.t("mcr.our_people") }</legend>
                            { for team.iter().map(|(id, name)| {
                                let checked = contact_people.contains(id);
                                let onchange = {
                                    let (people, id) = (contact_people.clone(), id.clone());
                                    Callback::from(move |_: Event| {
                                        let mut v = (*people).clone();
                                        if v.contains(&id) { v.retain(|p| p != &id) } else { v.push(id.clone()) }
                                        people.set(v);
                                    })
                                };
                                html! {
                                    <label class="mcr-check">
                                        <input type="checkbox" {checked} {onchange} data-testid={format!("mcr-contact-person-{id}")} />
                                        { name.clone() }
                                    </label>
                                }
                            }) }
                        </fieldset>
                        <button type="button" class="button" data-testid="mcr-log-contact"
                                disabled={crate::domain::dates::day_number(&contact_date).is_none()}
                                onclick={on_log}>{ i18n.t("mcr.log_contact") }</button>
                    </div>
                    if contacts.is_empty() && met_on_151.is_empty() {
                        <p class="muted">{ i18n.t("mcr.no_contacts") }</p>
                    } else {
                        <ul class="mcr-contact-list" data-testid="mcr-contact-list">
                            { for contacts.iter().take(12).map(|c| html! {
                                <li>
                                    <span class="mcr-contact-date">{ c.date.clone() }</span>
                                    { i18n.t(&format!("mcr.contact_{}", c.kind.key())) }
                                    if !c.our_people.is_empty() {
                                        { format!(" · {}", c.our_people.iter().map(|p| person_name(ws, Some(p))).collect::<Vec<_>>().join("、")) }
                                    }
                                    if !c.notes.is_empty() { <span class="muted">{ format!(" — {}", c.notes) }</span> }
                                </li>
                            }) }
                            { for met_on_151.iter().take(12).map(|e| html! {
                                <li>
                                    <span class="mcr-contact-date">{ e.date.clone() }</span>
                                    { i18n.tf("mcr.met_on_151", &[("action", i18n.t(&format!("engagement.action_{}", e.action.key())))]) }
                                    if e.status == crate::domain::engagement::Status::Planned {
                                        <span class="muted">{ format!(" ({})", i18n.t("mcr.planned")) }</span>
                                    }
                                </li>
                            }) }
                        </ul>
                    }
                </section>
            }
        </aside>
    }
}

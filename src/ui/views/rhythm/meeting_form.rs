//! The add / edit meeting form, in a modal. The draft is checked by
//! [`crate::domain::governance::check`] before it is saved; each problem is shown next to its
//! field and nothing is saved while one is shown.

use yew::prelude::*;

use super::{month_name, pick, role_label, set_governance, tier_label, weekday_name};
use crate::domain::governance::check::{Owner, ProblemKind};
use crate::domain::governance::{check, Cadence, Meeting};
use crate::domain::org::talent_input::{format_plain, fresh_id};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::modal::Modal;
use crate::ui::state::use_workspace;
use crate::ui::views::customers::{event_value, Select};

/// Props of [`MeetingForm`].
#[derive(Properties, PartialEq)]
pub struct MeetingFormProps {
    /// Index of the meeting edited; `None` adds one.
    pub index: Option<usize>,
    /// Saved or cancelled.
    pub on_close: Callback<()>,
}

/// The fields a problem is shown next to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Name,
    Anchor,
    Start,
    Duration,
    Roles,
    Tiers,
    Body,
}

fn field_of(kind: &ProblemKind) -> Field {
    match kind {
        ProblemKind::MissingName | ProblemKind::DuplicateId(_) => Field::Name,
        ProblemKind::UnknownRole(_) | ProblemKind::NoRoles => Field::Roles,
        ProblemKind::UnknownTier(_) => Field::Tiers,
        ProblemKind::UnknownBody(_) => Field::Body,
        ProblemKind::BadDuration(_) => Field::Duration,
        ProblemKind::BadStartTime(_) => Field::Start,
        ProblemKind::BadWeekday(_) | ProblemKind::BadDay(_) | ProblemKind::BadMonth(_) => {
            Field::Anchor
        }
    }
}

/// A problem in the user's language.
pub(crate) fn problem_text(i18n: &I18n, kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::MissingName => i18n.t("rhythm.problem_name").to_string(),
        ProblemKind::DuplicateId(id) => i18n.tf("rhythm.problem_duplicate", &[("id", id)]),
        ProblemKind::UnknownRole(r) => i18n.tf("rhythm.problem_role", &[("role", r)]),
        ProblemKind::NoRoles => i18n.t("rhythm.problem_no_roles").to_string(),
        ProblemKind::UnknownTier(t) => i18n.tf("rhythm.problem_tier", &[("tier", t)]),
        ProblemKind::UnknownBody(b) => i18n.tf("rhythm.problem_body", &[("body", b)]),
        ProblemKind::BadDuration(_) => i18n.t("rhythm.problem_duration").to_string(),
        ProblemKind::BadStartTime(_) => i18n.t("rhythm.problem_start").to_string(),
        ProblemKind::BadWeekday(_) => i18n.t("rhythm.problem_weekday").to_string(),
        ProblemKind::BadDay(_) => i18n.t("rhythm.problem_day").to_string(),
        ProblemKind::BadMonth(_) => i18n.t("rhythm.problem_month").to_string(),
    }
}

/// What is being typed: the meeting, with its duration as text so a wrong entry can be named.
#[derive(Clone, Debug, PartialEq)]
struct Draft {
    meeting: Meeting,
    duration: String,
}

fn parse_hours(text: &str) -> f64 {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .unwrap_or(f64::NAN)
}

/// The form.
#[function_component(MeetingForm)]
pub fn meeting_form(props: &MeetingFormProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let doc = &ws.governance;
    let tier_ids: Vec<String> = ws.tiering.tiers.iter().map(|t| t.id.clone()).collect();
    let draft = {
        let ws = ws.clone();
        let index = props.index;
        use_state(move || {
            let meeting = index
                .and_then(|i| ws.governance.meetings.get(i).cloned())
                .unwrap_or_else(|| Meeting {
                    id: fresh_id(
                        "meeting",
                        ws.governance.meetings.iter().map(|m| m.id.as_str()),
                    ),
                    roles: ws
                        .org
                        .roles
                        .first()
                        .map(|r| vec![r.id.clone()])
                        .unwrap_or_default(),
                    tiers: ws.org.account_tiers.clone(),
                    ..Meeting::default()
                });
            Draft {
                duration: format_plain(meeting.duration_hours),
                meeting,
            }
        })
    };
    let tried = use_state(|| false);
    let name_ref = use_node_ref();
    let index = props.index.unwrap_or(doc.meetings.len());
    let mut next = doc.clone();
    let mut built = draft.meeting.clone();
    built.duration_hours = parse_hours(&draft.duration);
    if index < next.meetings.len() {
        next.meetings[index] = built;
    } else {
        next.meetings.push(built);
    }
    let problems: Vec<ProblemKind> = check(&next, &ws.org, &tier_ids)
        .into_iter()
        .filter(|p| p.owner == Owner::Meeting(index))
        .map(|p| p.kind)
        .collect();
    let shown: Vec<&ProblemKind> = if *tried {
        problems.iter().collect()
    } else {
        Vec::new()
    };
    let error_of = |f: Field| {
        let texts: Vec<String> = shown
            .iter()
            .filter(|k| field_of(k) == f)
            .map(|k| problem_text(&i18n, k))
            .collect();
        (!texts.is_empty()).then(|| texts.join(" "))
    };
    let submit = {
        let handle = handle.clone();
        let tried = tried.clone();
        let on_close = props.on_close.clone();
        let ok = problems.is_empty();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if ok {
                set_governance(&handle, next.clone());
                on_close.emit(());
            } else {
                tried.set(true);
            }
        })
    };
    let update = |f: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |v: String| {
            let mut d = (*draft).clone();
            f(&mut d, v);
            draft.set(d);
        })
    };
    let on_input = |f: fn(&mut Draft, String)| update(f).reform(|e: InputEvent| event_value(&e));
    let toggle = |list: fn(&mut Meeting) -> &mut Vec<String>, id: String| {
        let draft = draft.clone();
        Callback::from(move |_: Event| {
            let mut d = (*draft).clone();
            let l = list(&mut d.meeting);
            if let Some(p) = l.iter().position(|x| *x == id) {
                l.remove(p);
            } else {
                l.push(id.clone());
            }
            draft.set(d);
        })
    };
    let flag = |f: fn(&mut Meeting, bool)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"checked".into()).ok())
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            let mut d = (*draft).clone();
            f(&mut d.meeting, checked);
            draft.set(d);
        })
    };
    let m = &draft.meeting;
    let invalid = |f: Field| error_of(f).is_some().then_some("true");
    let message = |f: Field, id: &str| {
        error_of(f).map(|e| html! {
            <p class="rhythm-field-error" id={format!("{id}-msg")} data-testid={format!("{id}-error")}>{ e }</p>
        })
    };
    let cadence_options: Vec<(AttrValue, AttrValue)> = Cadence::ALL
        .iter()
        .map(|c| {
            (
                c.key().into(),
                i18n.t(&format!("rhythm.cadence_{}", c.key()))
                    .to_string()
                    .into(),
            )
        })
        .collect();
    let weekday_options: Vec<(AttrValue, AttrValue)> = (1..=7u8)
        .map(|d| (d.to_string().into(), weekday_name(&i18n, d).into()))
        .collect();
    let day_options: Vec<(AttrValue, AttrValue)> = (1..=31u8)
        .map(|d| (d.to_string().into(), d.to_string().into()))
        .collect();
    let month_options: Vec<(AttrValue, AttrValue)> = (1..=12u32)
        .map(|d| (d.to_string().into(), month_name(&i18n, d).into()))
        .collect();
    let mode_options: Vec<(AttrValue, AttrValue)> = vec![
        ("day".into(), i18n.t("rhythm.mode_day").to_string().into()),
        (
            "last".into(),
            i18n.t("rhythm.mode_last_weekday").to_string().into(),
        ),
    ];
    let mut body_options: Vec<(AttrValue, AttrValue)> =
        vec![("".into(), i18n.t("rhythm.no_body").to_string().into())];
    body_options.extend(doc.bodies.iter().map(|b| {
        (
            b.id.clone().into(),
            pick(&i18n, &b.name_zh, &b.name_en).to_string().into(),
        )
    }));
    let uses_weekday = matches!(m.cadence, Cadence::Weekly | Cadence::Biweekly)
        || (m.cadence == Cadence::Monthly && m.anchor.last_weekday);
    let uses_month = m.cadence.months().is_some_and(|n| n > 1);
    let title = if props.index.is_some() {
        i18n.t("rhythm.meeting_edit_title")
    } else {
        i18n.t("rhythm.meeting_add_title")
    };
    html! {
        <Modal labelledby="mf-title" testid="meeting-form" class="rhythm-form" on_close={props.on_close.clone()}
               onsubmit={submit} focus={name_ref.clone()}>
            <h2 id="mf-title" class="dialog-title">{ title }</h2>
            <div class="rhythm-form-grid">
                <div class="rhythm-field">
                    <label for="mf-name-zh">{ i18n.t("rhythm.field_name_zh") }</label>
                    <input id="mf-name-zh" ref={name_ref} type="text" value={m.name_zh.clone()} data-testid="mf-name-zh"
                           aria-invalid={invalid(Field::Name)} aria-describedby="mf-name-msg"
                           oninput={on_input(|d, v| d.meeting.name_zh = v)} />
                    { message(Field::Name, "mf-name") }
                </div>
                <div class="rhythm-field">
                    <label for="mf-name-en">{ i18n.t("rhythm.field_name_en") }</label>
                    <input id="mf-name-en" type="text" value={m.name_en.clone()} data-testid="mf-name-en"
                           aria-invalid={invalid(Field::Name)}
                           oninput={on_input(|d, v| d.meeting.name_en = v)} />
                </div>
                <div class="rhythm-field">
                    <label for="mf-cadence">{ i18n.t("rhythm.field_cadence") }</label>
                    <Select id="mf-cadence" testid="mf-cadence" value={AttrValue::from(m.cadence.key())}
                            options={cadence_options}
                            onchange={update(|d, v| if let Some(c) = Cadence::from_key(&v) { d.meeting.cadence = c })} />
                </div>
                if m.cadence == Cadence::Monthly {
                    <div class="rhythm-field">
                        <label for="mf-mode">{ i18n.t("rhythm.field_mode") }</label>
                        <Select id="mf-mode" testid="mf-mode"
                                value={AttrValue::from(if m.anchor.last_weekday { "last" } else { "day" })}
                                options={mode_options}
                                onchange={update(|d, v| d.meeting.anchor.last_weekday = v == "last")} />
                    </div>
                }
                if uses_weekday {
                    <div class="rhythm-field">
                        <label for="mf-weekday">{ i18n.t("rhythm.field_weekday") }</label>
                        <Select id="mf-weekday" testid="mf-weekday" value={AttrValue::from(m.anchor.weekday.to_string())}
                                options={weekday_options} invalid={error_of(Field::Anchor).is_some()}
                                onchange={update(|d, v| d.meeting.anchor.weekday = v.parse().unwrap_or(1))} />
                    </div>
                }
                if uses_month {
                    <div class="rhythm-field">
                        <label for="mf-month">{ i18n.t("rhythm.field_month") }</label>
                        <Select id="mf-month" testid="mf-month" value={AttrValue::from(m.anchor.month.to_string())}
                                options={month_options} invalid={error_of(Field::Anchor).is_some()}
                                onchange={update(|d, v| d.meeting.anchor.month = v.parse().unwrap_or(1))} />
                    </div>
                }
                if !uses_weekday {
                    <div class="rhythm-field">
                        <label for="mf-day">{ i18n.t("rhythm.field_day") }</label>
                        <Select id="mf-day" testid="mf-day" value={AttrValue::from(m.anchor.day.to_string())}
                                options={day_options} invalid={error_of(Field::Anchor).is_some()}
                                onchange={update(|d, v| d.meeting.anchor.day = v.parse().unwrap_or(1))} />
                        <p class="rhythm-field-hint">{ i18n.t("rhythm.day_hint") }</p>
                    </div>
                }
                { message(Field::Anchor, "mf-anchor") }
                <div class="rhythm-field">
                    <label for="mf-start">{ i18n.t("rhythm.field_start") }</label>
                    <input id="mf-start" type="time" value={m.start_time.clone()} data-testid="mf-start"
                           aria-invalid={invalid(Field::Start)}
                           oninput={on_input(|d, v| d.meeting.start_time = v)} />
                    { message(Field::Start, "mf-start") }
                </div>
                <div class="rhythm-field">
                    <label for="mf-duration">{ i18n.t("rhythm.field_duration") }</label>
                    <input id="mf-duration" type="text" inputmode="decimal" value={draft.duration.clone()}
                           data-testid="mf-duration" aria-invalid={invalid(Field::Duration)}
                           oninput={on_input(|d, v| d.duration = v)} />
                    { message(Field::Duration, "mf-duration") }
                </div>
                <div class="rhythm-field">
                    <label for="mf-body">{ i18n.t("rhythm.field_body") }</label>
                    <Select id="mf-body" testid="mf-body" value={AttrValue::from(m.body.clone())}
                            options={body_options} invalid={error_of(Field::Body).is_some()}
                            onchange={update(|d, v| d.meeting.body = v)} />
                    { message(Field::Body, "mf-body") }
                </div>
            </div>
            <fieldset class="rhythm-checks" data-testid="mf-roles">
                <legend>{ i18n.t("rhythm.field_roles") }</legend>
                { for ws.org.roles.iter().map(|r| html! {
                    <label class="rhythm-check">
                        <input type="checkbox" checked={m.roles.contains(&r.id)}
                               data-testid={format!("mf-role-{}", r.id)}
                               onchange={toggle(|m| &mut m.roles, r.id.clone())} />
                        { role_label(&i18n, &ws, &r.id) }
                    </label>
                }) }
                { message(Field::Roles, "mf-roles") }
            </fieldset>
            <fieldset class="rhythm-checks" data-testid="mf-tiers">
                <legend>{ i18n.t("rhythm.field_tiers") }</legend>
                { for ws.tiering.tiers.iter().map(|t| html! {
                    <label class="rhythm-check">
                        <input type="checkbox" checked={m.tiers.contains(&t.id)}
                               data-testid={format!("mf-tier-{}", t.id)}
                               onchange={toggle(|m| &mut m.tiers, t.id.clone())} />
                        { tier_label(&i18n, &ws, &t.id) }
                    </label>
                }) }
                { message(Field::Tiers, "mf-tiers") }
            </fieldset>
            <div class="rhythm-checks">
                <label class="rhythm-check">
                    <input type="checkbox" checked={m.per_account} data-testid="mf-per-account"
                           onchange={flag(|m, v| m.per_account = v)} />
                    { i18n.t("rhythm.field_per_account") }
                </label>
                <label class="rhythm-check">
                    <input type="checkbox" checked={m.review} data-testid="mf-review"
                           onchange={flag(|m, v| m.review = v)} />
                    { i18n.t("rhythm.field_review") }
                </label>
            </div>
            <div class="rhythm-form-grid">
                <div class="rhythm-field">
                    <label for="mf-inputs">{ i18n.t("rhythm.field_inputs") }</label>
                    <textarea id="mf-inputs" rows="2" value={m.inputs.clone()} data-testid="mf-inputs"
                              oninput={on_input(|d, v| d.meeting.inputs = v)} />
                </div>
                <div class="rhythm-field">
                    <label for="mf-outputs">{ i18n.t("rhythm.field_outputs") }</label>
                    <textarea id="mf-outputs" rows="2" value={m.outputs.clone()} data-testid="mf-outputs"
                              oninput={on_input(|d, v| d.meeting.outputs = v)} />
                </div>
            </div>
            <div class="dialog-actions">
                <button type="button" class="button" onclick={props.on_close.reform(|_| ())}
                        data-testid="mf-cancel">{ i18n.t("dialog.cancel") }</button>
                <button type="submit" class="button button-primary" data-testid="mf-save">{ i18n.t("rhythm.save") }</button>
            </div>
        </Modal>
    }
}

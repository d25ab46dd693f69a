//! The edit mode of a role card: the mission and every line of the responsibilities and key
//! activities in both languages (the document is bilingual whatever the interface language),
//! lines added, removed and moved. Works on a draft; only "save" changes the workspace.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::domain::org::duties::{Duty, RoleCard};
use crate::domain::org::duties_edit::{move_item, new_duty};
use crate::ui::i18n::{use_i18n, I18n};

/// Props of [`CardEditor`].
#[derive(Properties, PartialEq)]
pub struct CardEditorProps {
    /// The draft being edited.
    pub draft: RoleCard,
    /// The role's name in the interface language (for labels).
    pub role_name: AttrValue,
    /// The changed draft.
    pub on_change: Callback<RoleCard>,
    /// Save the draft.
    pub on_save: Callback<()>,
    /// Drop the draft.
    pub on_cancel: Callback<()>,
}

/// Which list of the card a line belongs to.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Responsibility,
    KeyActivity,
}

impl Kind {
    /// Part of test ids and of new line ids.
    fn id(self) -> &'static str {
        match self {
            Kind::Responsibility => "resp",
            Kind::KeyActivity => "act",
        }
    }

    fn heading(self, i18n: &I18n) -> &'static str {
        match self {
            Kind::Responsibility => i18n.t("roles.responsibilities"),
            Kind::KeyActivity => i18n.t("roles.key_activities"),
        }
    }

    fn lines(self, card: &mut RoleCard) -> &mut Vec<Duty> {
        match self {
            Kind::Responsibility => &mut card.responsibilities,
            Kind::KeyActivity => &mut card.key_activities,
        }
    }
}

/// The editor of one card.
#[function_component(CardEditor)]
pub fn card_editor(props: &CardEditorProps) -> Html {
    let i18n = use_i18n();
    let draft = &props.draft;
    let role = draft.role.clone();
    // Applies `f` to a copy of the draft and hands it on.
    let change = {
        let draft = draft.clone();
        let on_change = props.on_change.clone();
        move |f: Box<dyn Fn(&mut RoleCard)>| {
            let mut next = draft.clone();
            f(&mut next);
            on_change.emit(next);
        }
    };
    let mission = |zh: bool| {
        let change = change.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            change(Box::new(move |c: &mut RoleCard| {
                if zh {
                    c.mission.zh = v.clone();
                } else {
                    c.mission.en = v.clone();
                }
            }));
        })
    };

    let lines_editor = |kind: Kind| {
        let lines = match kind {
            Kind::Responsibility => &draft.responsibilities,
            Kind::KeyActivity => &draft.key_activities,
        };
        let n = lines.len();
        let heading = kind.heading(&i18n);
        let add = {
            let change = change.clone();
            Callback::from(move |_: MouseEvent| {
                change(Box::new(move |c: &mut RoleCard| {
                    let line = new_duty(c, kind.id());
                    kind.lines(c).push(line);
                }))
            })
        };
        let rows = lines.iter().enumerate().map(|(i, line)| {
            let text = |zh: bool| {
                let change = change.clone();
                Callback::from(move |e: InputEvent| {
                    let v = e.target_unchecked_into::<HtmlInputElement>().value();
                    change(Box::new(move |c: &mut RoleCard| {
                        if let Some(d) = kind.lines(c).get_mut(i) {
                            if zh {
                                d.text.zh = v.clone();
                            } else {
                                d.text.en = v.clone();
                            }
                        }
                    }))
                })
            };
            let step = |up: bool| {
                let change = change.clone();
                Callback::from(move |_: MouseEvent| {
                    change(Box::new(move |c: &mut RoleCard| {
                        move_item(kind.lines(c), i, up);
                    }))
                })
            };
            let remove = {
                let change = change.clone();
                Callback::from(move |_: MouseEvent| {
                    change(Box::new(move |c: &mut RoleCard| {
                        let lines = kind.lines(c);
                        if i < lines.len() {
                            lines.remove(i);
                        }
                    }))
                })
            };
            let no = (i + 1).to_string();
            let label = |key: &str| i18n.tf(key, &[("list", heading), ("n", &no)]);
            let tid = |what: &str| format!("card-{}-{what}-{role}-{i}", kind.id());
            html! {
                <li key={line.id.clone()} class="roles-line-edit">
                    <span class="roles-line-no" aria-hidden="true">{ &no }</span>
                    <input type="text" class="roles-input" lang="zh-CN" value={line.text.zh.clone()}
                           aria-label={label("roles.line_zh")} placeholder={i18n.t("roles.zh")}
                           data-testid={tid("zh")} oninput={text(true)} />
                    <input type="text" class="roles-input" lang="en" value={line.text.en.clone()}
                           aria-label={label("roles.line_en")} placeholder={i18n.t("roles.en")}
                           data-testid={tid("en")} oninput={text(false)} />
                    <span class="roles-line-tools">
                        <button type="button" class="button roles-icon" onclick={step(true)}
                                disabled={i == 0} aria-label={label("roles.line_up")}
                                title={label("roles.line_up")} data-testid={tid("up")}>{ "↑" }</button>
                        <button type="button" class="button roles-icon" onclick={step(false)}
                                disabled={i + 1 == n} aria-label={label("roles.line_down")}
                                title={label("roles.line_down")} data-testid={tid("down")}>{ "↓" }</button>
                        <button type="button" class="button roles-icon" onclick={remove}
                                aria-label={label("roles.line_remove")} title={label("roles.line_remove")}
                                data-testid={tid("remove")}>{ "✕" }</button>
                    </span>
                </li>
            }
        });
        html! {
            <fieldset class="roles-lines-edit">
                <legend>{ heading }</legend>
                if n == 0 {
                    <p class="muted">{ i18n.t("roles.no_lines") }</p>
                }
                <ol class="roles-lines-list">{ for rows }</ol>
                <button type="button" class="button" onclick={add}
                        data-testid={format!("card-{}-add-{role}", kind.id())}>
                    { i18n.tf("roles.line_add", &[("list", heading)]) }
                </button>
            </fieldset>
        }
    };

    let save = props.on_save.reform(|_: MouseEvent| ());
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let name = props.role_name.to_string();
    html! {
        <div class="roles-card-editor" data-testid={format!("card-editor-{role}")}>
            <p class="muted roles-edit-hint">{ i18n.t("roles.edit_hint") }</p>
            <fieldset class="roles-lines-edit">
                <legend>{ i18n.t("roles.mission") }</legend>
                <label class="roles-field">
                    <span>{ i18n.t("roles.zh") }</span>
                    <textarea class="roles-input" lang="zh-CN" rows="2" value={draft.mission.zh.clone()}
                              aria-label={i18n.tf("roles.mission_zh", &[("role", &name)])}
                              data-testid={format!("card-mission-zh-{role}")} oninput={mission(true)} />
                </label>
                <label class="roles-field">
                    <span>{ i18n.t("roles.en") }</span>
                    <textarea class="roles-input" lang="en" rows="2" value={draft.mission.en.clone()}
                              aria-label={i18n.tf("roles.mission_en", &[("role", &name)])}
                              data-testid={format!("card-mission-en-{role}")} oninput={mission(false)} />
                </label>
            </fieldset>
            { lines_editor(Kind::Responsibility) }
            { lines_editor(Kind::KeyActivity) }
            <div class="roles-card-actions">
                <button type="button" class="button button-primary" onclick={save}
                        data-testid={format!("card-save-{role}")}>{ i18n.t("roles.save") }</button>
                <button type="button" class="button" onclick={cancel}
                        data-testid={format!("card-cancel-{role}")}>{ i18n.t("roles.cancel") }</button>
            </div>
        </div>
    }
}

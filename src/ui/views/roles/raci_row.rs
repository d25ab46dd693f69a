//! The name of a RACI activity in both languages: the form that adds an activity and the one
//! that renames it, with its check (a name in at least one language) shown next to the inputs.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::org::Bilingual;
use crate::ui::i18n::use_i18n;

/// Props of [`ActivityNameForm`].
#[derive(Properties, PartialEq)]
pub struct ActivityNameFormProps {
    /// The name to start from (empty for a new activity).
    pub initial: Bilingual,
    /// Prefix of the test ids (`raci-add`, `raci-rename-<id>`).
    pub testid: AttrValue,
    /// Label of the submit button.
    pub submit_label: AttrValue,
    /// The checked name (trimmed, at least one language filled in).
    pub on_submit: Callback<Bilingual>,
    /// Shown as a cancel button when set.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
    /// The name of the activity being renamed, so the inputs say which one they rename (the form
    /// that adds an activity is on the page at the same time); `None` when adding.
    #[prop_or_default]
    pub renaming: Option<AttrValue>,
}

/// Two inputs (中文, English) and a submit button; Enter submits, Escape cancels.
#[function_component(ActivityNameForm)]
pub fn activity_name_form(props: &ActivityNameFormProps) -> Html {
    let i18n = use_i18n();
    let zh = use_state(|| props.initial.zh.clone());
    let en = use_state(|| props.initial.en.clone());
    let problem = use_state(|| false);
    let tid = props.testid.to_string();

    let input = |state: UseStateHandle<String>| {
        let problem = problem.clone();
        Callback::from(move |e: InputEvent| {
            state.set(e.target_unchecked_into::<HtmlInputElement>().value());
            problem.set(false);
        })
    };
    let submit = {
        let zh = zh.clone();
        let en = en.clone();
        let problem = problem.clone();
        let on_submit = props.on_submit.clone();
        move || {
            let name = Bilingual::new(zh.trim(), en.trim());
            if name.zh.is_empty() && name.en.is_empty() {
                problem.set(true);
                return;
            }
            on_submit.emit(name);
            zh.set(String::new());
            en.set(String::new());
        }
    };
    let onsubmit = {
        let submit = submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            submit();
        })
    };
    let onkeydown = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                if let Some(c) = &on_cancel {
                    e.prevent_default();
                    c.emit(());
                }
            }
        })
    };
    let error_id = format!("{tid}-error");
    let label = |key: &str| match &props.renaming {
        Some(activity) => i18n.tf(
            "roles.rename_input_of",
            &[("activity", activity), ("input", i18n.t(key))],
        ),
        None => i18n.t(key).to_string(),
    };
    html! {
        <form class="roles-activity-form" onsubmit={onsubmit} onkeydown={onkeydown}
              data-testid={tid.clone()}>
            <input type="text" class="roles-input" lang="zh-CN" value={(*zh).clone()}
                   placeholder={i18n.t("roles.activity_zh")} aria-label={label("roles.activity_zh")}
                   aria-invalid={problem.then_some("true")} aria-describedby={problem.then(|| error_id.clone())}
                   data-testid={format!("{tid}-zh")} oninput={input(zh.clone())} />
            <input type="text" class="roles-input" lang="en" value={(*en).clone()}
                   placeholder={i18n.t("roles.activity_en")} aria-label={label("roles.activity_en")}
                   aria-invalid={problem.then_some("true")}
                   data-testid={format!("{tid}-en")} oninput={input(en.clone())} />
            <button type="submit" class="button button-primary" data-testid={format!("{tid}-submit")}>
                { props.submit_label.clone() }
            </button>
            if let Some(cancel) = &props.on_cancel {
                <button type="button" class="button" onclick={cancel.reform(|_: MouseEvent| ())}
                        data-testid={format!("{tid}-cancel")}>{ i18n.t("roles.cancel") }</button>
            }
            if *problem {
                <span class="roles-error" id={error_id} role="alert" data-testid={format!("{tid}-error")}>
                    { i18n.t("roles.activity_name_needed") }
                </span>
            }
        </form>
    }
}

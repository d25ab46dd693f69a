//! The roles and templates tab of the iron-triangle page: the roles (built-in and custom), which
//! tiers are accounts and the thresholds, and the coverage template grid with the required FTE
//! of the whole workspace per role.

mod grid;
mod roles;
mod settings;

use yew::prelude::*;

use super::TabProps;
use crate::ui::views::customers::event_value;

/// Props of [`CommitInput`].
#[derive(Properties, PartialEq)]
pub(super) struct CommitInputProps {
    /// The stored value, as text.
    pub value: AttrValue,
    /// Accessible label.
    pub label: AttrValue,
    /// `data-testid` of the input; its message gets `<testid>-error`.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// Called with the text when the user commits it (Enter or leaving the field); returns a
    /// message to show next to the input, or `None` when the value was taken.
    pub on_commit: Callback<String, Option<String>>,
    /// Extra classes of the input.
    #[prop_or_default]
    pub class: Classes,
    /// `inputmode` (e.g. `decimal`).
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
}

/// A text input that keeps what is typed, commits it on change and shows the problem next to it
/// when the value is refused. It follows the stored value when that changes (e.g. undo).
#[function_component(CommitInput)]
pub(super) fn commit_input(props: &CommitInputProps) -> Html {
    let text = use_state(|| props.value.to_string());
    let error = use_state(|| None::<String>);
    {
        let text = text.clone();
        let error = error.clone();
        use_effect_with(props.value.clone(), move |v| {
            text.set(v.to_string());
            error.set(None);
        });
    }
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| text.set(event_value(&e)))
    };
    let onchange = {
        let error = error.clone();
        let on_commit = props.on_commit.clone();
        Callback::from(move |e: Event| error.set(on_commit.emit(event_value(&e))))
    };
    let error_testid = props.testid.as_ref().map(|t| format!("{t}-error"));
    html! {
        <span class={classes!("ta-commit", error.is_some().then_some("has-error"))}>
            <input type="text" class={props.class.clone()} value={(*text).clone()} {oninput} {onchange}
                   aria-label={props.label.clone()} data-testid={props.testid.clone()}
                   inputmode={props.inputmode.clone()}
                   aria-invalid={error.is_some().then_some("true")} />
            if let Some(e) = &*error {
                <span class="ta-field-error" role="alert" data-testid={error_testid}>{ e.clone() }</span>
            }
        </span>
    }
}

/// The tab.
#[function_component(Templates)]
pub fn templates_tab(_props: &TabProps) -> Html {
    html! {
        <div class="ta-templates" data-testid="team-templates">
            <roles::RolesCard />
            <settings::SettingsCard />
            <grid::TemplateGrid />
        </div>
    }
}

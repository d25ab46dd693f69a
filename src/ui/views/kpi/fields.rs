//! The number field of the KPI page: typed as text so a wrong entry can be named; a refused
//! entry leaves the document as it is and says why next to the input.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::kpi::import::parse_actual;
use crate::domain::org::talent_input::format_plain;
use crate::ui::i18n::use_i18n;

/// Props of [`KpiNumber`].
#[derive(Properties, PartialEq)]
pub struct KpiNumberProps {
    /// The value in the document (`None`: empty).
    pub value: Option<f64>,
    /// May it be left empty (a floor, an actual)?
    #[prop_or_default]
    pub optional: bool,
    /// Accessible name.
    pub label: AttrValue,
    /// Test id; its message gets `<testid>-error`.
    pub testid: AttrValue,
    /// Marks the input as part of a finding (thresholds out of order).
    #[prop_or_default]
    pub invalid: bool,
    /// The accepted value.
    pub on_commit: Callback<Option<f64>>,
}

/// Why an entry was refused.
#[derive(Clone, Copy, PartialEq)]
enum Refusal {
    Empty,
    NotANumber,
}

/// A number field (`85`, `85%`, `1,200`), checked when committed.
#[function_component(KpiNumber)]
pub fn kpi_number(props: &KpiNumberProps) -> Html {
    let i18n = use_i18n();
    let error = use_state_eq(|| None::<Refusal>);
    {
        // A new value from the document (an accepted edit, undo) clears a stale message.
        let error = error.clone();
        use_effect_with(props.value.map(f64::to_bits), move |_| error.set(None));
    }
    let onchange = {
        let error = error.clone();
        let optional = props.optional;
        let on_commit = props.on_commit.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            if text.trim().is_empty() {
                if optional {
                    error.set(None);
                    on_commit.emit(None);
                } else {
                    error.set(Some(Refusal::Empty));
                }
                return;
            }
            match parse_actual(&text) {
                Some(v) => {
                    error.set(None);
                    on_commit.emit(Some(v));
                }
                None => error.set(Some(Refusal::NotANumber)),
            }
        })
    };
    let error_id = format!("{}-error", props.testid);
    let value = props.value.map(format_plain).unwrap_or_default();
    let invalid = error.is_some() || props.invalid;
    html! {
        <span class="kpi-field">
            <input class={classes!("kpi-number", invalid.then_some("is-invalid"))}
                   type="text" inputmode="decimal" {value} {onchange}
                   aria-label={props.label.clone()} aria-invalid={invalid.to_string()}
                   aria-describedby={error.is_some().then(|| error_id.clone())}
                   data-testid={props.testid.clone()} />
            if let Some(e) = *error {
                <span class="kpi-input-error" id={error_id.clone()} role="alert" data-testid={error_id.clone()}>
                    { match e {
                        Refusal::Empty => i18n.t("kpi.input_empty"),
                        Refusal::NotANumber => i18n.t("kpi.input_nan"),
                    } }
                </span>
            }
        </span>
    }
}

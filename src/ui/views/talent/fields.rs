//! Inputs of the talent page that check what is typed before anything is changed: a refused
//! value leaves the document as it is and a message appears next to the input.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::org::talent_input::{
    format_plain, parse_amount, parse_month, parse_whole, InputError, MAX_HIRES_PER_MONTH,
    MAX_MONTHS, MAX_SHARE_PCT, MAX_YEARS,
};
use crate::ui::i18n::{use_i18n, I18n};

/// Longest name accepted (a source, a ladder title, a level).
pub const MAX_NAME_LEN: usize = 80;
/// Longest free text accepted (criteria, descriptions).
pub const MAX_TEXT_LEN: usize = 500;

/// What a number input holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// A share of the intake, 0–100 %.
    Share,
    /// Whole months (lead time, ramp-up).
    Months,
    /// Typical years of a ladder step.
    Years,
    /// Hires started per month.
    Pace,
}

impl NumberKind {
    /// Checks `text`; whole kinds come back as whole numbers.
    fn parse(self, text: &str) -> Result<f64, InputError> {
        match self {
            NumberKind::Share => parse_amount(text, MAX_SHARE_PCT),
            NumberKind::Years => parse_amount(text, MAX_YEARS),
            NumberKind::Months => parse_whole(text, MAX_MONTHS).map(f64::from),
            NumberKind::Pace => parse_whole(text, MAX_HIRES_PER_MONTH).map(f64::from),
        }
    }
}

/// A refused input in the user's language.
pub fn input_error_text(i18n: &I18n, e: &InputError) -> String {
    match e {
        InputError::Empty => i18n.t("talent.input_empty").to_string(),
        InputError::NotANumber => i18n.t("talent.input_nan").to_string(),
        InputError::Negative => i18n.t("talent.input_negative").to_string(),
        InputError::NotWhole => i18n.t("talent.input_whole").to_string(),
        InputError::TooLarge { max } => {
            i18n.tf("talent.input_too_large", &[("max", &format_plain(*max))])
        }
        InputError::BadMonth => i18n.t("talent.input_month").to_string(),
    }
}

/// Props of [`NumberInput`].
#[derive(Properties, PartialEq)]
pub struct NumberInputProps {
    /// The value in the document.
    pub value: f64,
    /// What it is.
    pub kind: NumberKind,
    /// Accessible name.
    pub label: AttrValue,
    /// Test id of the input; its message gets `<testid>-error`.
    pub testid: AttrValue,
    /// The accepted value.
    pub on_commit: Callback<f64>,
}

/// A number typed as text (so a wrong entry can be named, which `type=number` hides) and checked
/// when it is committed.
#[function_component(NumberInput)]
pub fn number_input(props: &NumberInputProps) -> Html {
    let i18n = use_i18n();
    let error = use_state_eq(|| None::<InputError>);
    {
        // A new value from the document (an accepted edit, undo) clears a stale message.
        let error = error.clone();
        use_effect_with(props.value.to_bits(), move |_| error.set(None));
    }
    let onchange = {
        let error = error.clone();
        let kind = props.kind;
        let on_commit = props.on_commit.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            match kind.parse(&text) {
                Ok(v) => {
                    error.set(None);
                    on_commit.emit(v);
                }
                Err(err) => error.set(Some(err)),
            }
        })
    };
    let inputmode = match props.kind {
        NumberKind::Share | NumberKind::Years => "decimal",
        NumberKind::Months | NumberKind::Pace => "numeric",
    };
    let error_id = format!("{}-error", props.testid);
    html! {
        <span class="talent-field">
            <input class={classes!("talent-number", error.is_some().then_some("is-invalid"))}
                   type="text" {inputmode} value={format_plain(props.value)} {onchange}
                   aria-label={props.label.clone()} aria-invalid={error.is_some().to_string()}
                   aria-describedby={error.is_some().then(|| error_id.clone())}
                   data-testid={props.testid.clone()} />
            if let Some(e) = &*error {
                <span class="talent-input-error" id={error_id.clone()} role="alert" data-testid={error_id.clone()}>
                    { input_error_text(&i18n, e) }
                </span>
            }
        </span>
    }
}

/// Props of [`MonthInput`].
#[derive(Properties, PartialEq)]
pub struct MonthInputProps {
    /// The month in the document.
    pub value: AttrValue,
    /// Accessible name.
    pub label: AttrValue,
    /// Test id.
    pub testid: AttrValue,
    /// The accepted month, `YYYY-MM`.
    pub on_commit: Callback<String>,
}

/// A month `YYYY-MM`, checked when committed.
#[function_component(MonthInput)]
pub fn month_input(props: &MonthInputProps) -> Html {
    let i18n = use_i18n();
    let error = use_state_eq(|| None::<InputError>);
    {
        let error = error.clone();
        use_effect_with(props.value.clone(), move |_| error.set(None));
    }
    let onchange = {
        let error = error.clone();
        let on_commit = props.on_commit.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            match parse_month(&input.value()) {
                Ok(m) => {
                    error.set(None);
                    // Show the normalised form (2026-2 → 2026-02) even when nothing changes.
                    input.set_value(&m);
                    on_commit.emit(m);
                }
                Err(err) => error.set(Some(err)),
            }
        })
    };
    let error_id = format!("{}-error", props.testid);
    html! {
        <span class="talent-field">
            <input class={classes!("talent-month", error.is_some().then_some("is-invalid"))}
                   type="text" inputmode="numeric" placeholder="YYYY-MM" value={props.value.clone()} {onchange}
                   aria-label={props.label.clone()} aria-invalid={error.is_some().to_string()}
                   aria-describedby={error.is_some().then(|| error_id.clone())}
                   data-testid={props.testid.clone()} />
            if let Some(e) = &*error {
                <span class="talent-input-error" id={error_id.clone()} role="alert" data-testid={error_id.clone()}>
                    { input_error_text(&i18n, e) }
                </span>
            }
        </span>
    }
}

/// Props of [`TextInput`].
#[derive(Properties, PartialEq)]
pub struct TextInputProps {
    /// The text in the document.
    pub value: AttrValue,
    /// Accessible name.
    pub label: AttrValue,
    /// Test id.
    pub testid: AttrValue,
    /// May it be left empty (e.g. a name whose other language is filled in)?
    #[prop_or_default]
    pub allow_empty: bool,
    /// Longest text accepted.
    #[prop_or(MAX_NAME_LEN)]
    pub max_len: usize,
    /// Placeholder.
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// Extra class (e.g. wide).
    #[prop_or_default]
    pub class: Classes,
    /// The accepted text, trimmed.
    pub on_commit: Callback<String>,
}

/// A text field; an empty text is refused unless allowed.
#[function_component(TextInput)]
pub fn text_input(props: &TextInputProps) -> Html {
    let i18n = use_i18n();
    let empty = use_state_eq(|| false);
    {
        let empty = empty.clone();
        use_effect_with(props.value.clone(), move |_| empty.set(false));
    }
    let onchange = {
        let empty = empty.clone();
        let allow_empty = props.allow_empty;
        let on_commit = props.on_commit.clone();
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let text = text.trim().to_string();
            if text.is_empty() && !allow_empty {
                empty.set(true);
            } else {
                empty.set(false);
                on_commit.emit(text);
            }
        })
    };
    let error_id = format!("{}-error", props.testid);
    html! {
        <span class="talent-field">
            <input class={classes!("talent-text", props.class.clone(), empty.then_some("is-invalid"))}
                   type="text" value={props.value.clone()} maxlength={props.max_len.to_string()}
                   placeholder={props.placeholder.clone()} {onchange}
                   aria-label={props.label.clone()} aria-invalid={empty.to_string()}
                   aria-describedby={empty.then(|| error_id.clone())}
                   data-testid={props.testid.clone()} />
            if *empty {
                <span class="talent-input-error" id={error_id.clone()} role="alert" data-testid={error_id.clone()}>
                    { i18n.t("talent.input_name_needed") }
                </span>
            }
        </span>
    }
}

//! The dialog that adds a business line or edits one. What is typed is kept as text
//! ([`LineDraft`]) and checked before anything changes: amounts as [`parse_compact`] reads them
//! (1.2亿, 3,000万, 12M), each problem shown next to its field, nothing saved while one is.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::number::{group_thousands, parse_compact};
use crate::domain::portfolio::{BusinessLine, Horizon};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::modal::Modal;
use crate::ui::state::DocRef;
use crate::ui::views::customers::Select;
use crate::ui::views::portfolio::{horizon_name, known_industries};

/// Largest amount accepted, yuan (a thousand trillion: beyond it a typo is likelier).
const MAX_AMOUNT: f64 = 1e15;
/// Longest name or industry, characters.
const MAX_NAME: usize = 120;
/// Longest free text, characters.
const MAX_TEXT: usize = 2000;

/// A field of the form that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// 行业.
    Industry,
    /// 名称.
    Name,
    /// 本年收入.
    Revenue,
    /// 上年收入.
    LastYear,
    /// 毛利率.
    Margin,
    /// 市场规模.
    Market,
}

impl Field {
    /// The catalogue key of the field's label.
    fn label_key(self) -> &'static str {
        match self {
            Field::Industry => "lines.col_industry",
            Field::Name => "lines.col_name",
            Field::Revenue => "lines.field_revenue",
            Field::LastYear => "lines.col_last_year",
            Field::Margin => "lines.col_margin",
            Field::Market => "lines.col_market",
        }
    }
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Empty but required.
    Required,
    /// Not an amount.
    NotAmount,
    /// A negative amount.
    Negative,
    /// Beyond [`MAX_AMOUNT`].
    TooLarge,
    /// A margin that is not a number from −100 to 100.
    MarginRange,
}

/// The form's fields as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineDraft {
    /// 行业.
    pub industry: String,
    /// 名称.
    pub name: String,
    /// Horizon key.
    pub horizon: String,
    /// 本年收入.
    pub revenue: String,
    /// 上年收入.
    pub last_year: String,
    /// 毛利率, percent.
    pub margin: String,
    /// 市场规模.
    pub market: String,
    /// 战略控制点.
    pub control_point: String,
    /// 风险管理.
    pub risk_management: String,
    /// Owner's person id, empty for none.
    pub owner: String,
    /// 备注.
    pub notes: String,
}

/// An amount as the form shows it: in full, with thousands separators (lossless, unlike the
/// compact figures of the tables).
fn amount_text(v: f64) -> String {
    group_thousands(&v.to_string())
}

impl LineDraft {
    /// The draft of an existing line.
    pub fn of(l: &BusinessLine) -> Self {
        LineDraft {
            industry: l.industry.clone(),
            name: l.name.clone(),
            horizon: l.horizon.key().to_string(),
            revenue: amount_text(l.revenue),
            last_year: l.revenue_last_year.map(amount_text).unwrap_or_default(),
            margin: l
                .gross_margin_pct
                .map(|v| v.to_string())
                .unwrap_or_default(),
            market: l.market_size.map(amount_text).unwrap_or_default(),
            control_point: l.control_point.clone(),
            risk_management: l.risk_management.clone(),
            owner: l.owner.clone().unwrap_or_default(),
            notes: l.notes.clone(),
        }
    }

    /// The line the draft describes, on top of `base` (its id and time), or every problem.
    pub fn build(&self, base: &BusinessLine) -> Result<BusinessLine, Vec<(Field, Problem)>> {
        let mut problems = Vec::new();
        let mut text = |field: Field, s: &str, max: usize| -> String {
            let t = s.trim();
            if t.is_empty() {
                problems.push((field, Problem::Required));
            }
            t.chars().take(max).collect()
        };
        let industry = text(Field::Industry, &self.industry, MAX_NAME);
        let name = text(Field::Name, &self.name, MAX_NAME);
        let mut amount = |field: Field, s: &str, required: bool| -> Option<f64> {
            match parse_amount(s, required) {
                Ok(v) => v,
                Err(p) => {
                    problems.push((field, p));
                    None
                }
            }
        };
        let revenue = amount(Field::Revenue, &self.revenue, true);
        let revenue_last_year = amount(Field::LastYear, &self.last_year, false);
        let market_size = amount(Field::Market, &self.market, false);
        let margin = self.margin.trim().trim_end_matches('%').trim();
        let gross_margin_pct = if margin.is_empty() {
            None
        } else {
            match margin.parse::<f64>() {
                Ok(v) if v.is_finite() && (-100.0..=100.0).contains(&v) => Some(v),
                _ => {
                    problems.push((Field::Margin, Problem::MarginRange));
                    None
                }
            }
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let free = |s: &str| s.trim().chars().take(MAX_TEXT).collect::<String>();
        Ok(BusinessLine {
            industry,
            name,
            horizon: Horizon::from_key(&self.horizon).unwrap_or_default(),
            revenue: revenue.unwrap_or_default(),
            revenue_last_year,
            gross_margin_pct,
            market_size,
            control_point: free(&self.control_point),
            risk_management: free(&self.risk_management),
            owner: (!self.owner.is_empty()).then(|| self.owner.clone()),
            notes: free(&self.notes),
            ..base.clone()
        })
    }
}

/// An amount typed: empty is `None` (or [`Problem::Required`]); otherwise what
/// [`parse_compact`] reads, finite, from 0 to [`MAX_AMOUNT`].
pub fn parse_amount(text: &str, required: bool) -> Result<Option<f64>, Problem> {
    let t = text.trim();
    if t.is_empty() {
        return if required {
            Err(Problem::Required)
        } else {
            Ok(None)
        };
    }
    match parse_compact(t) {
        Some(v) if !v.is_finite() => Err(Problem::NotAmount),
        Some(v) if v < 0.0 => Err(Problem::Negative),
        Some(v) if v > MAX_AMOUNT => Err(Problem::TooLarge),
        Some(v) => Ok(Some(v)),
        None => Err(Problem::NotAmount),
    }
}

/// A problem in the user's language, naming the field.
fn problem_text(i18n: &I18n, field: Field, p: &Problem, typed: &str) -> String {
    let name = i18n.t(field.label_key());
    match p {
        Problem::Required => i18n.tf("lines.err_required", &[("field", name)]),
        Problem::NotAmount => i18n.tf(
            "lines.err_amount",
            &[("field", name), ("value", typed.trim())],
        ),
        Problem::Negative => i18n.tf("lines.err_negative", &[("field", name)]),
        Problem::TooLarge => i18n.tf("lines.err_too_large", &[("field", name)]),
        Problem::MarginRange => i18n.t("lines.err_margin").to_string(),
    }
}

/// Props of [`LineForm`].
#[derive(Properties, PartialEq)]
pub struct LineFormProps {
    /// The open workspace.
    pub ws: DocRef,
    /// The line edited; `None` adds one.
    pub line: Option<Rc<BusinessLine>>,
    /// The checked line (with a new id when added).
    pub on_save: Callback<BusinessLine>,
    /// Closes the dialog without a change.
    pub on_close: Callback<()>,
}

/// Which draft field an input edits.
type Setter = fn(&mut LineDraft, String);

/// The dialog.
#[function_component(LineForm)]
pub fn line_form(props: &LineFormProps) -> Html {
    let i18n = use_i18n();
    let ws = &props.ws.0;
    let draft = use_state(|| match props.line.as_deref() {
        Some(l) => LineDraft::of(l),
        None => LineDraft {
            horizon: Horizon::Core.key().to_string(),
            ..LineDraft::default()
        },
    });
    let tried = use_state(|| false);
    // Each refused save moves the focus to the first field with a message.
    let attempts = use_state(|| 0u32);
    let form_ref = use_node_ref();
    {
        let form_ref = form_ref.clone();
        use_effect_with(*attempts, move |n| {
            let field = form_ref
                .cast::<web_sys::Element>()
                .filter(|_| *n > 0)
                .and_then(|form| form.query_selector("[aria-invalid='true']").ok().flatten())
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
            if let Some(field) = field {
                let _ = field.focus();
            }
        });
    }
    let base = props
        .line
        .as_deref()
        .cloned()
        .unwrap_or_else(|| BusinessLine {
            id: ws.portfolio.next_line_id(),
            ..BusinessLine::default()
        });
    let built = draft.build(&base);
    let problems = match (&built, *tried) {
        (Err(p), true) => p.clone(),
        _ => Vec::new(),
    };
    let onsubmit = {
        let tried = tried.clone();
        let attempts = attempts.clone();
        let on_save = props.on_save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match &built {
                Ok(line) => on_save.emit(line.clone()),
                Err(_) => {
                    tried.set(true);
                    attempts.set(*attempts + 1);
                }
            }
        })
    };
    let setter = |set: Setter| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut d = (*draft).clone();
            set(&mut d, value);
            draft.set(d);
        })
    };
    let d = &*draft;
    let error_of = |field: Field, typed: &str| {
        problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, p)| problem_text(&i18n, field, p, typed))
    };
    // A text input with its label, its error (or hint) below.
    let input = |key: &'static str,
                 label: &str,
                 value: &str,
                 set: Setter,
                 error: Option<String>,
                 hint: Option<&str>,
                 wide: bool| {
        let id = format!("lines-form-{key}");
        let msg = format!("{id}-msg");
        let oninput = setter(set)
            .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        html! {
            <div class={classes!("lines-field", wide.then_some("is-wide"), error.is_some().then_some("has-error"))}>
                <label for={id.clone()}>{ label.to_string() }</label>
                <input id={id.clone()} type="text" value={value.to_string()} {oninput} autocomplete="off"
                       maxlength={if wide { "2000" } else { "120" }}
                       list={(key == "industry").then_some("lines-form-industries")}
                       aria-invalid={error.is_some().then_some("true")} aria-describedby={msg.clone()}
                       data-testid={id.clone()} />
                if let Some(e) = error {
                    <p id={msg} class="lines-error" data-testid={format!("{id}-error")}>{ e }</p>
                } else if let Some(h) = hint {
                    <p id={msg} class="lines-hint">{ h.to_string() }</p>
                }
            </div>
        }
    };
    let amount_hint = i18n.t("lines.amount_hint");
    let optional = i18n.t("lines.optional");
    let opt = |key: &str| {
        i18n.tf(
            "lines.label_optional",
            &[("label", i18n.t(key)), ("optional", optional)],
        )
    };
    let horizon_options: Vec<(AttrValue, AttrValue)> = Horizon::ALL
        .iter()
        .map(|h| (h.key().into(), horizon_name(&i18n, *h).into()))
        .collect();
    let owner_options: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::default(), i18n.t("lines.no_owner").into()))
            .chain(ws.org.people.iter().map(|p| {
                (
                    p.id.clone().into(),
                    format!("{} ({})", p.name, p.role).into(),
                )
            }))
            .collect();
    let title = i18n.t(if props.line.is_some() {
        "lines.form_edit"
    } else {
        "lines.form_add"
    });
    html! {
        <Modal labelledby="lines-form-title" testid="lines-form" class="lines-dialog" on_close={props.on_close.clone()}>
            <form {onsubmit} novalidate=true ref={form_ref}>
                <h2 id="lines-form-title" class="dialog-title">{ title }</h2>
                <datalist id="lines-form-industries">
                    { for known_industries(ws).into_iter().map(|i| html! { <option value={i} /> }) }
                </datalist>
                <div class="lines-form-grid">
                    { input("industry", i18n.t("lines.col_industry"), &d.industry, |d, v| d.industry = v,
                            error_of(Field::Industry, &d.industry), None, false) }
                    { input("name", i18n.t("lines.col_name"), &d.name, |d, v| d.name = v,
                            error_of(Field::Name, &d.name), None, false) }
                    <div class="lines-field">
                        <label for="lines-form-horizon">{ i18n.t("lines.col_horizon") }</label>
                        <Select id="lines-form-horizon" testid="lines-form-horizon" value={AttrValue::from(d.horizon.clone())}
                                options={horizon_options} onchange={setter(|d, v| d.horizon = v)} />
                    </div>
                    { input("revenue", i18n.t("lines.field_revenue"), &d.revenue, |d, v| d.revenue = v,
                            error_of(Field::Revenue, &d.revenue), Some(amount_hint), false) }
                    { input("last-year", &opt("lines.col_last_year"), &d.last_year, |d, v| d.last_year = v,
                            error_of(Field::LastYear, &d.last_year), Some(i18n.t("lines.last_year_hint")), false) }
                    { input("margin", &opt("lines.col_margin"), &d.margin, |d, v| d.margin = v,
                            error_of(Field::Margin, &d.margin), Some(i18n.t("lines.margin_hint")), false) }
                    { input("market", &opt("lines.col_market"), &d.market, |d, v| d.market = v,
                            error_of(Field::Market, &d.market), Some(i18n.t("lines.market_hint")), false) }
                    <div class="lines-field">
                        <label for="lines-form-owner">{ opt("lines.col_owner") }</label>
                        <Select id="lines-form-owner" testid="lines-form-owner" value={AttrValue::from(d.owner.clone())}
                                options={owner_options} onchange={setter(|d, v| d.owner = v)} />
                    </div>
                    { input("control", i18n.t("lines.col_control"), &d.control_point, |d, v| d.control_point = v,
                            None, Some(i18n.t("lines.control_hint")), true) }
                    { input("risk", i18n.t("lines.col_risk"), &d.risk_management, |d, v| d.risk_management = v,
                            None, Some(i18n.t("lines.risk_hint")), true) }
                    { input("notes", &opt("lines.col_notes"), &d.notes, |d, v| d.notes = v, None, None, true) }
                </div>
                if !problems.is_empty() {
                    <p class="dialog-error" role="alert" data-testid="lines-form-errors">
                        { i18n.t("lines.form_errors") }
                    </p>
                }
                <div class="dialog-actions">
                    <button type="button" class="button" onclick={props.on_close.reform(|_| ())}
                            data-testid="lines-form-cancel">{ i18n.t("lines.cancel") }</button>
                    <button type="submit" class="button button-primary" data-testid="lines-save">{ i18n.t("lines.save") }</button>
                </div>
            </form>
        </Modal>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> LineDraft {
        LineDraft {
            industry: " 电力 ".into(),
            name: "储能运维".into(),
            horizon: "growth".into(),
            revenue: "1.2亿".into(),
            last_year: "3,000万".into(),
            margin: "35%".into(),
            market: "12M".into(),
            ..LineDraft::default()
        }
    }

    #[test]
    fn a_draft_with_compact_amounts_builds_the_line() {
        let base = BusinessLine {
            id: "bl-21".into(),
            ..BusinessLine::default()
        };
        let l = draft().build(&base).unwrap_or_default();
        assert_eq!(l.id, "bl-21");
        assert_eq!(l.industry, "电力");
        assert_eq!(l.horizon, Horizon::Growth);
        assert_eq!(l.revenue, 1.2e8);
        assert_eq!(l.revenue_last_year, Some(3e7));
        assert_eq!(l.market_size, Some(12e6));
        assert_eq!(l.gross_margin_pct, Some(35.0));
        assert_eq!(l.owner, None);
    }

    #[test]
    fn every_bad_field_is_named_and_nothing_is_built() {
        let bad = LineDraft {
            name: "  ".into(),
            revenue: "12 万元".into(),
            last_year: "-5".into(),
            margin: "150".into(),
            market: "1e300".into(),
            ..draft()
        };
        let problems = bad
            .build(&BusinessLine::default())
            .err()
            .unwrap_or_default();
        assert_eq!(
            problems,
            vec![
                (Field::Name, Problem::Required),
                (Field::Revenue, Problem::NotAmount),
                (Field::LastYear, Problem::Negative),
                (Field::Market, Problem::TooLarge),
                (Field::Margin, Problem::MarginRange),
            ]
        );
        let empty = LineDraft::default().build(&BusinessLine::default());
        assert_eq!(
            empty.err().unwrap_or_default().len(),
            3,
            "industry, name and revenue are required"
        );
    }

    #[test]
    fn an_edited_line_shows_its_amounts_in_full_and_reads_back_the_same() {
        let l = BusinessLine {
            id: "bl-1".into(),
            industry: "运营商".into(),
            name: "网络运维服务".into(),
            revenue: 62_345_678.5,
            revenue_last_year: Some(60e6),
            market_size: None,
            ..BusinessLine::default()
        };
        let d = LineDraft::of(&l);
        assert_eq!(d.revenue, "62,345,678.5");
        assert_eq!(d.build(&l).unwrap_or_default(), l);
    }
}

//! The tiers and their rules: add, remove, reorder, rename (both languages), colour, target share,
//! score cut-off, and the rule builder (conditions joined by any/all). Every committed change is
//! one edit of the tiering configuration, so it recalculates at once and can be undone.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::domain::number::parse_compact;
use crate::domain::tiering::{
    is_valid_color, CondValue, Condition, Field, Join, Mode, Op, Rule, Tier, TieringConfig,
};
use crate::ui::explain::{field_label, value_text};
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::swatch::{tier_fill, Swatch};
use crate::ui::views::tiering::tier_title;

/// Props of [`TiersEditor`].
#[derive(Properties, PartialEq)]
pub struct TiersEditorProps {
    /// The configuration being edited.
    pub config: TieringConfig,
    /// A changed configuration to apply.
    pub on_change: Callback<TieringConfig>,
}

/// The operators that make sense for a field.
pub fn ops_for(field: Field) -> &'static [Op] {
    match field {
        Field::OnNamedList | Field::RepeatPurchase => &[Op::IsTrue, Op::IsFalse],
        Field::IndustryLine | Field::Tag => &[Op::IsTrue, Op::IsFalse, Op::Eq, Op::In],
        _ => &[Op::Ge, Op::Gt, Op::Le, Op::Lt, Op::Eq],
    }
}

fn op_key(op: Op) -> &'static str {
    match op {
        Op::Ge => ">=",
        Op::Gt => ">",
        Op::Le => "<=",
        Op::Lt => "<",
        Op::Eq => "=",
        Op::In => "in",
        Op::IsTrue => "is-true",
        Op::IsFalse => "is-false",
    }
}

fn op_label(i18n: &I18n, field: Field, op: Op) -> String {
    let text_field = matches!(field, Field::IndustryLine | Field::Tag);
    match (op, text_field) {
        (Op::IsTrue, true) => i18n.t("tiering.op_is_set").to_string(),
        (Op::IsFalse, true) => i18n.t("tiering.op_is_empty").to_string(),
        (Op::IsTrue, false) => i18n.t("tiering.op_yes").to_string(),
        (Op::IsFalse, false) => i18n.t("tiering.op_no").to_string(),
        (Op::In, _) => i18n.t("tiering.op_in").to_string(),
        (op, _) => op.symbol().to_string(),
    }
}

/// Parses what the user typed as a condition's value.
fn parse_value(field: Field, op: Op, text: &str) -> Option<CondValue> {
    let text = text.trim();
    match op {
        Op::IsTrue | Op::IsFalse => Some(CondValue::None),
        Op::In => Some(CondValue::List(
            text.split([',', '，', '、', ';', '；'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        )),
        _ if matches!(field, Field::IndustryLine | Field::Tag) => {
            Some(CondValue::Text(text.to_string()))
        }
        _ => parse_compact(text.trim_end_matches('%')).map(CondValue::Number),
    }
}

/// A fresh condition for a field: its first operator and a neutral value.
fn fresh_condition(field: Field) -> Condition {
    let op = ops_for(field)[0];
    let value = match op {
        Op::IsTrue | Op::IsFalse => CondValue::None,
        _ => CondValue::Number(0.0),
    };
    Condition { field, op, value }
}

/// The tier list with its rules.
#[function_component(TiersEditor)]
pub fn tiers_editor(props: &TiersEditorProps) -> Html {
    let i18n = use_i18n();
    let config = &props.config;
    let n = config.tiers.len();
    // Applies `f` to a copy of the configuration and hands it on.
    let change = {
        let config = config.clone();
        let on_change = props.on_change.clone();
        move |f: Box<dyn Fn(&mut TieringConfig)>| {
            let mut next = config.clone();
            f(&mut next);
            on_change.emit(next);
        }
    };
    let add_tier = {
        let change = change.clone();
        Callback::from(move |_| {
            // A tier has a name in each language, whatever the interface language is.
            let name_zh = I18n { lang: Lang::ZhCn }.t("tiering.new_tier").to_string();
            let name_en = I18n { lang: Lang::En }.t("tiering.new_tier").to_string();
            change(Box::new(move |c: &mut TieringConfig| {
                let mut k = c.tiers.len() + 1;
                while c.tiers.iter().any(|t| t.id == format!("tier-{k}")) {
                    k += 1;
                }
                let at = c.tiers.len().saturating_sub(1);
                c.tiers.insert(
                    at,
                    Tier {
                        id: format!("tier-{k}"),
                        name_zh: name_zh.clone(),
                        name_en: name_en.clone(),
                        color: "#5b7fa6".into(),
                        target_share_pct: 0.0,
                        rule: Some(Rule {
                            join: Join::Any,
                            conditions: vec![Condition::number(Field::AnnualPurchase, Op::Ge, 0.0)],
                        }),
                        min_score: 0.0,
                        updated_at: 0,
                    },
                );
            }));
        })
    };
    let target_total: f64 = config.tiers.iter().map(|t| t.target_share_pct).sum();

    html! {
        <div class="tiers-editor">
            { for config.tiers.iter().enumerate().map(|(i, tier)| {
                let is_last = i + 1 == n;
                // Every control of the card says which tier it belongs to ("删除层级 战略客户").
                let name = tier_title(&i18n, tier, i);
                let named = |key: &str| i18n.tf(key, &[("name", &name)]);
                let set_text = |apply: fn(&mut Tier, String)| {
                    let change = change.clone();
                    Callback::from(move |e: Event| {
                        let v = e.target_unchecked_into::<HtmlInputElement>().value();
                        change(Box::new(move |c: &mut TieringConfig| {
                            if let Some(t) = c.tiers.get_mut(i) { apply(t, v.clone()) }
                        }));
                    })
                };
                // A colour input yields `#rrggbb`; anything else (a scripted value) is not
                // passed on, and the edit itself refuses it too.
                let set_color = {
                    let change = change.clone();
                    Callback::from(move |e: Event| {
                        let v = e.target_unchecked_into::<HtmlInputElement>().value();
                        if is_valid_color(&v) {
                            change(Box::new(move |c: &mut TieringConfig| {
                                if let Some(t) = c.tiers.get_mut(i) { t.color = v.clone() }
                            }));
                        }
                    })
                };
                let set_number = |apply: fn(&mut Tier, f64)| {
                    let change = change.clone();
                    Callback::from(move |e: Event| {
                        let input = e.target_unchecked_into::<HtmlInputElement>();
                        if let Ok(v) = input.value().trim().parse::<f64>() {
                            if v.is_finite() {
                                change(Box::new(move |c: &mut TieringConfig| {
                                    if let Some(t) = c.tiers.get_mut(i) { apply(t, v.clamp(0.0, 100.0)) }
                                }));
                            }
                        }
                    })
                };
                let swap = |other: usize| {
                    let change = change.clone();
                    Callback::from(move |_| change(Box::new(move |c: &mut TieringConfig| {
                        if other < c.tiers.len() { c.tiers.swap(i, other) }
                    })))
                };
                let remove = {
                    let change = change.clone();
                    Callback::from(move |_| change(Box::new(move |c: &mut TieringConfig| {
                        if c.tiers.len() > 1 { c.tiers.remove(i); }
                    })))
                };
                html! {
                    <section class="tier-card" data-testid={format!("tier-card-{}", tier.id)}>
                        <Swatch color={tier_fill(tier)} class="tier-card-stripe" />
                        <div class="tier-card-head">
                            <span class="tier-rank">{ i + 1 }</span>
                            <input type="color" value={tier.display_color().to_string()} onchange={set_color.clone()}
                                   aria-label={named("tiering.color_of")} />
                            <input class="tier-name" value={tier.name_zh.clone()} onchange={set_text(|t, v| t.name_zh = v)}
                                   aria-label={named("tiering.name_zh_of")} placeholder={i18n.t("tiering.name_zh")}
                                   data-testid={format!("tier-name-zh-{i}")} />
                            <input class="tier-name" value={tier.name_en.clone()} onchange={set_text(|t, v| t.name_en = v)}
                                   aria-label={named("tiering.name_en_of")} placeholder={i18n.t("tiering.name_en")} />
                            <label class="tier-number">
                                <span>{ i18n.t("tiering.target_share") }</span>
                                <input type="number" min="0" max="100" step="0.5" value={tier.target_share_pct.to_string()}
                                       onchange={set_number(|t, v| t.target_share_pct = v)}
                                       aria-label={named("tiering.target_share_of")}
                                       data-testid={format!("tier-target-{i}")} />
                            </label>
                            if config.mode == Mode::Score {
                                <label class="tier-number">
                                    <span>{ i18n.t("tiering.min_score") }</span>
                                    <input type="number" min="0" max="100" step="1" value={tier.min_score.to_string()}
                                           disabled={is_last} onchange={set_number(|t, v| t.min_score = v)}
                                           aria-label={named("tiering.min_score_of")}
                                           data-testid={format!("tier-min-score-{i}")} />
                                </label>
                            }
                            <div class="tier-actions">
                                <button type="button" class="button icon" onclick={swap(i.wrapping_sub(1))} disabled={i == 0}
                                        title={named("tiering.move_up_named")} aria-label={named("tiering.move_up_named")}>{ "↑" }</button>
                                <button type="button" class="button icon" onclick={swap(i + 1)} disabled={is_last}
                                        title={named("tiering.move_down_named")} aria-label={named("tiering.move_down_named")}>{ "↓" }</button>
                                <button type="button" class="button icon" onclick={remove} disabled={n <= 1}
                                        title={named("tiering.remove_tier_named")} aria-label={named("tiering.remove_tier_named")}
                                        data-testid={format!("tier-remove-{i}")}>{ "✕" }</button>
                            </div>
                        </div>
                        if config.mode == Mode::Rules {
                            if is_last {
                                <p class="muted tier-catch-all">{ i18n.t("tiering.catch_all") }</p>
                            } else {
                                <RuleEditor tier={i} tier_name={name.clone()} rule={tier.rule.clone().unwrap_or_default()}
                                    on_change={{
                                        let change = change.clone();
                                        Callback::from(move |rule: Rule| {
                                            change(Box::new(move |c: &mut TieringConfig| {
                                                if let Some(t) = c.tiers.get_mut(i) { t.rule = Some(rule.clone()) }
                                            }))
                                        })
                                    }} />
                            }
                        }
                    </section>
                }
            }) }
            <div class="tiers-footer">
                <button type="button" class="button" onclick={add_tier} data-testid="tier-add">
                    { "+ " }{ i18n.t("tiering.add_tier") }
                </button>
                <span class={classes!("muted", ((target_total - 100.0).abs() > 0.01).then_some("is-warning"))}
                      data-testid="target-total">
                    { i18n.tf("tiering.target_total", &[("total", &format!("{target_total}"))]) }
                </span>
            </div>
        </div>
    }
}

/// Props of [`RuleEditor`].
#[derive(Properties, PartialEq)]
pub struct RuleEditorProps {
    /// Index of the tier (for test ids).
    pub tier: usize,
    /// Name of the tier, for the labels of its controls ("删除 战略客户 的条件 1").
    pub tier_name: AttrValue,
    /// The rule.
    pub rule: Rule,
    /// The changed rule.
    pub on_change: Callback<Rule>,
}

/// Conditions of one tier's rule.
#[function_component(RuleEditor)]
pub fn rule_editor(props: &RuleEditorProps) -> Html {
    let i18n = use_i18n();
    let rule = &props.rule;
    let change = {
        let rule = rule.clone();
        let on_change = props.on_change.clone();
        move |f: Box<dyn Fn(&mut Rule)>| {
            let mut next = rule.clone();
            f(&mut next);
            on_change.emit(next);
        }
    };
    let set_join = {
        let change = change.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let join = if v == "all" { Join::All } else { Join::Any };
            change(Box::new(move |r: &mut Rule| r.join = join));
        })
    };
    let add = {
        let change = change.clone();
        Callback::from(move |_| {
            change(Box::new(|r: &mut Rule| {
                r.conditions.push(fresh_condition(Field::AnnualPurchase))
            }))
        })
    };
    let t = props.tier;
    let named = |key: &str| i18n.tf(key, &[("name", &props.tier_name)]);
    // A condition's controls name the tier and the condition's number.
    let of_condition = |key: &str, k: usize| {
        i18n.tf(
            key,
            &[("name", &props.tier_name), ("n", &(k + 1).to_string())],
        )
    };
    html! {
        <div class="rule-editor">
            <label class="rule-join">
                <span>{ i18n.t("tiering.join_label") }</span>
                <select onchange={set_join} aria-label={named("tiering.join_of")} data-testid={format!("rule-join-{t}")}>
                    <option value="any" selected={rule.join == Join::Any}>{ i18n.t("tiering.join_any") }</option>
                    <option value="all" selected={rule.join == Join::All}>{ i18n.t("tiering.join_all") }</option>
                </select>
            </label>
            if rule.conditions.is_empty() {
                <p class="muted">{ i18n.t("tiering.no_conditions") }</p>
            }
            <ul class="conditions">
            { for rule.conditions.iter().enumerate().map(|(k, cond)| {
                let field = cond.field;
                let set_field = {
                    let change = change.clone();
                    Callback::from(move |e: Event| {
                        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                        if let Some(f) = Field::ALL.into_iter().find(|f| f.key() == v) {
                            change(Box::new(move |r: &mut Rule| {
                                if let Some(c) = r.conditions.get_mut(k) { *c = fresh_condition(f) }
                            }));
                        }
                    })
                };
                let set_op = {
                    let change = change.clone();
                    Callback::from(move |e: Event| {
                        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                        if let Some(op) = ops_for(field).iter().copied().find(|o| op_key(*o) == v) {
                            change(Box::new(move |r: &mut Rule| {
                                if let Some(c) = r.conditions.get_mut(k) {
                                    let text = match &c.value {
                                        CondValue::Number(n) => n.to_string(),
                                        CondValue::Text(t) => t.clone(),
                                        CondValue::List(l) => l.join(","),
                                        CondValue::None => String::new(),
                                    };
                                    c.op = op;
                                    c.value = parse_value(c.field, op, &text).unwrap_or(CondValue::Number(0.0));
                                }
                            }));
                        }
                    })
                };
                let op = cond.op;
                let set_value = {
                    let change = change.clone();
                    Callback::from(move |e: Event| {
                        let input = e.target_unchecked_into::<HtmlInputElement>();
                        match parse_value(field, op, &input.value()) {
                            Some(v) => {
                                input.set_custom_validity("");
                                change(Box::new(move |r: &mut Rule| {
                                    if let Some(c) = r.conditions.get_mut(k) { c.value = v.clone() }
                                }));
                            }
                            None => {
                                input.set_custom_validity("?");
                                let _ = input.report_validity();
                            }
                        }
                    })
                };
                let remove = {
                    let change = change.clone();
                    Callback::from(move |_| change(Box::new(move |r: &mut Rule| {
                        if k < r.conditions.len() { r.conditions.remove(k); }
                    })))
                };
                let needs_value = !matches!(cond.op, Op::IsTrue | Op::IsFalse);
                let shown = match (&cond.value, field.is_money()) {
                    (CondValue::Number(v), true) => i18n.num(*v),
                    (v, _) => value_text(&i18n, field, v).trim_end_matches('%').to_string(),
                };
                html! {
                    <li class="condition" data-testid={format!("condition-{t}-{k}")}>
                        <select onchange={set_field} aria-label={of_condition("tiering.cond_field_of", k)}
                                data-testid={format!("cond-field-{t}-{k}")}>
                            { for Field::ALL.iter().map(|f| html! {
                                <option value={f.key()} selected={*f == field}>{ field_label(&i18n, *f) }</option>
                            }) }
                        </select>
                        <select onchange={set_op} aria-label={of_condition("tiering.cond_op_of", k)}
                                data-testid={format!("cond-op-{t}-{k}")}>
                            { for ops_for(field).iter().map(|o| html! {
                                <option value={op_key(*o)} selected={*o == cond.op}>{ op_label(&i18n, field, *o) }</option>
                            }) }
                        </select>
                        if needs_value {
                            <input class="cond-value" value={shown} onchange={set_value}
                                   placeholder={(cond.op == Op::In).then(|| i18n.t("tiering.in_placeholder"))}
                                   aria-label={of_condition("tiering.cond_value_of", k)} data-testid={format!("cond-value-{t}-{k}")} />
                        }
                        <button type="button" class="button icon" onclick={remove}
                                title={of_condition("tiering.remove_condition_named", k)}
                                aria-label={of_condition("tiering.remove_condition_named", k)}>{ "✕" }</button>
                    </li>
                }
            }) }
            </ul>
            <button type="button" class="button" onclick={add} aria-label={named("tiering.add_condition_to")}
                    data-testid={format!("cond-add-{t}")}>
                { "+ " }{ i18n.t("tiering.add_condition") }
            </button>
        </div>
    }
}

//! The year's targets (年度目标): company, account, tier, owner and line orders and collections
//! targets, edited in place (amounts as `120万`, `1.2亿`, `3.5M`), added for a chosen key and
//! removed; and the tier, owner and company targets that are sums of the account targets.
//! Every save is one `SetLtc` edit (one undo step).

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::{key_order, scope_name, Namer};
use crate::domain::edit::Edit;
use crate::domain::ltc::calc::{self, Ctx};
use crate::domain::ltc::{Scope, Target};
use crate::domain::number::{format_compact, group_thousands, parse_compact};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::pager::{use_page, Pager, PAGE_SIZE};
use crate::ui::state::DocRef;
use crate::ui::views::ltc::ctx;

/// Accounts offered in the key list at once (the filter narrows them).
const ACCOUNT_CHOICES: usize = 200;

/// Props of [`TargetsEditor`].
#[derive(Properties, PartialEq)]
pub struct TargetsProps {
    /// The open workspace.
    pub ws: DocRef,
    /// Each customer's tier id.
    pub tiers: Rc<HashMap<String, String>>,
    /// Applies an edit.
    pub on_edit: Callback<Edit>,
}

/// An amount as typed: empty → `Ok(None)`; `120万`, `1.2亿`, `3,500,000` → the yuan; anything
/// else, a negative or a non-finite number → `Err`.
fn parse_amount(text: &str) -> Result<Option<f64>, ()> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '元')
        .collect();
    if t.is_empty() {
        return Ok(None);
    }
    match parse_compact(&t) {
        Some(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        _ => Err(()),
    }
}

/// An amount for the input: the compact form when it reads back exactly (900万), else the
/// number with separators.
fn amount_text(i18n: &I18n, v: Option<f64>) -> String {
    match v {
        None => String::new(),
        Some(v) => {
            let compact = format_compact(v, i18n.lang.number_locale());
            if parse_compact(&compact).is_some_and(|p| (p - v).abs() < 0.005) {
                compact
            } else {
                group_thousands(&format!("{}", (v * 100.0).round() / 100.0))
            }
        }
    }
}

/// The test id of a target's row.
fn row_id(scope: Scope, key: &str) -> String {
    if key.is_empty() {
        format!("fc-target-{}", scope.key())
    } else {
        format!("fc-target-{}-{key}", scope.key())
    }
}

/// One sum of account orders targets under a company, tier or owner key.
#[derive(Clone, Debug, PartialEq)]
struct Sum {
    scope: Scope,
    key: String,
    name: String,
    value: f64,
    /// An orders target set for the key itself replaces the sum.
    overridden: bool,
}

/// The sums of the account orders targets per company, tier and owner key.
fn derived(ws: &Workspace, ctx: &Ctx<'_>, namer: &Namer<'_>) -> Vec<Sum> {
    let mut out = Vec::new();
    for scope in [Scope::Company, Scope::Tier, Scope::Owner] {
        let mut rows: Vec<_> = calc::derived_targets(ctx, scope, |t| t.orders)
            .into_iter()
            .map(|(k, v)| Sum {
                scope,
                key: k.to_string(),
                name: namer.name(scope, k),
                value: v,
                overridden: ctx.target(scope, k).and_then(|t| t.orders).is_some(),
            })
            .collect();
        rows.sort_by_cached_key(|r| key_order(ws, scope, &r.key, &r.name));
        out.extend(rows);
    }
    out
}

/// The keys a new target can be set for under a scope: (key, name).
fn choices(ws: &Workspace, i18n: &I18n, scope: Scope, filter: &str) -> Vec<(String, String)> {
    let f = filter.trim().to_lowercase();
    match scope {
        Scope::Company => vec![(String::new(), i18n.t("ltc_forecast.company").to_string())],
        Scope::Account => ws
            .customers
            .iter()
            .filter(|c| {
                f.is_empty() || c.name.to_lowercase().contains(&f) || c.id.to_lowercase() == f
            })
            .take(ACCOUNT_CHOICES)
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
        Scope::Tier => ws
            .tiering
            .tiers
            .iter()
            .map(|t| (t.id.clone(), i18n.tier_name(t).to_string()))
            .collect(),
        Scope::Owner => ws
            .org
            .people
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
        Scope::Line => ws
            .portfolio
            .lines
            .iter()
            .map(|l| (l.id.clone(), l.name.clone()))
            .collect(),
    }
}

/// The year's targets with their names, company first, then by scope and name.
fn listed(ws: &Workspace, namer: &Namer<'_>) -> Vec<(Target, String)> {
    let year = ws.meta.fiscal_year;
    let mut rows: Vec<(Target, String)> = ws
        .ltc
        .targets
        .iter()
        .filter(|t| t.year == year)
        .map(|t| (t.clone(), namer.name(t.scope, &t.key)))
        .collect();
    rows.sort_by_cached_key(|(t, name)| (t.scope, key_order(ws, t.scope, &t.key, name)));
    rows
}

/// Saves a document with `f` applied to its targets.
fn save(ws: &Workspace, on_edit: &Callback<Edit>, f: impl FnOnce(&mut Vec<Target>)) {
    let mut next = ws.ltc.clone();
    f(&mut next.targets);
    on_edit.emit(Edit::SetLtc(Box::new(next)));
}

fn scope_of(key: &str) -> Scope {
    Scope::ALL
        .into_iter()
        .find(|s| s.key() == key)
        .unwrap_or(Scope::Account)
}

/// The editor.
#[function_component(TargetsEditor)]
pub fn targets_editor(props: &TargetsProps) -> Html {
    let i18n = use_i18n();
    let ws = props.ws.0.clone();
    let year = ws.meta.fiscal_year;
    let page = use_state(|| 0usize);
    let errors = use_state(HashMap::<String, bool>::new);
    let add_scope = use_state(|| Scope::Tier);
    let add_filter = use_state(String::new);
    let add_key = use_state(String::new);
    let add_orders = use_state(String::new);
    let add_collections = use_state(String::new);
    let add_error = use_state(|| None::<&'static str>);
    let data = {
        let (ws, tiers) = (ws.clone(), props.tiers.clone());
        use_memo((props.ws.clone(), i18n.lang), move |_| {
            let ctx = ctx(&ws, &tiers);
            let namer = Namer::new(&ws, i18n);
            (listed(&ws, &namer), derived(&ws, &ctx, &namer))
        })
    };
    let (rows, sums) = &*data;
    let options = choices(&ws, &i18n, *add_scope, &add_filter);
    // The key chosen, or the first offered.
    let key = if options.iter().any(|(k, _)| *k == *add_key) {
        (*add_key).clone()
    } else {
        options.first().map(|o| o.0.clone()).unwrap_or_default()
    };

    let on_field = |id: String, orders: bool| {
        let (ws, on_edit, errors) = (ws.clone(), props.on_edit.clone(), errors.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let err_key = format!("{id}.{orders}");
            let mut errs = (*errors).clone();
            match parse_amount(&input.value()) {
                Ok(v) => {
                    errs.remove(&err_key);
                    save(&ws, &on_edit, |targets| {
                        if let Some(t) = targets.iter_mut().find(|t| t.id == id) {
                            if orders {
                                t.orders = v;
                            } else {
                                t.collections = v;
                            }
                        }
                    });
                }
                Err(()) => {
                    errs.insert(err_key, true);
                }
            }
            errors.set(errs);
        })
    };
    let on_remove = |id: String| {
        let (ws, on_edit) = (ws.clone(), props.on_edit.clone());
        Callback::from(move |_: MouseEvent| save(&ws, &on_edit, |t| t.retain(|t| t.id != id)))
    };
    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            state.set(input.value());
        })
    };
    let on_scope = {
        let (add_scope, add_key) = (add_scope.clone(), add_key.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            add_scope.set(scope_of(&select.value()));
            add_key.set(String::new());
        })
    };
    let on_key = {
        let add_key = add_key.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            add_key.set(select.value());
        })
    };
    let on_add = {
        let (ws, on_edit) = (ws.clone(), props.on_edit.clone());
        let scope = *add_scope;
        let key = key.clone();
        let has_key = !options.is_empty();
        let (orders, collections, error) = (
            add_orders.clone(),
            add_collections.clone(),
            add_error.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (o, c) = match (parse_amount(&orders), parse_amount(&collections)) {
                (Ok(o), Ok(c)) => (o, c),
                _ => return error.set(Some("ltc_forecast.target_error_amount")),
            };
            if !has_key {
                return error.set(Some("ltc_forecast.target_error_key"));
            }
            if o.is_none() && c.is_none() {
                return error.set(Some("ltc_forecast.target_error_empty"));
            }
            error.set(None);
            let id = Target::id_of(year, scope, &key);
            let key = key.clone();
            save(&ws, &on_edit, move |targets| {
                match targets.iter_mut().find(|t| t.id == id) {
                    Some(t) => {
                        if o.is_some() {
                            t.orders = o;
                        }
                        if c.is_some() {
                            t.collections = c;
                        }
                    }
                    None => targets.push(Target {
                        id,
                        year,
                        scope,
                        key,
                        orders: o,
                        collections: c,
                        updated_at: 0,
                    }),
                }
            });
            orders.set(String::new());
            collections.set(String::new());
        })
    };
    let on_page = {
        let page = page.clone();
        Callback::from(move |p: usize| page.set(p))
    };
    let paged = use_page(rows.len(), *page);
    let shown = paged.slice(rows);
    let sum_of: HashMap<(Scope, &str), f64> = sums
        .iter()
        .map(|s| ((s.scope, s.key.as_str()), s.value))
        .collect();
    let not_set: Vec<&Sum> = sums.iter().filter(|s| !s.overridden).collect();
    let y = year.to_string();

    let field = |t: &Target, name: &str, orders: bool| {
        let id = row_id(t.scope, &t.key);
        let which = if orders { "orders" } else { "collections" };
        let invalid = errors.contains_key(&format!("{}.{orders}", t.id));
        let label = i18n.tf(
            if orders {
                "ltc_forecast.orders_of"
            } else {
                "ltc_forecast.collections_of"
            },
            &[("name", name)],
        );
        html! {
            <td class="num">
                <input type="text" inputmode="decimal" class="fc-money" aria-label={label}
                       value={amount_text(&i18n, if orders { t.orders } else { t.collections })}
                       aria-invalid={invalid.to_string()} data-testid={format!("{id}-{which}")}
                       onchange={on_field(t.id.clone(), orders)} />
                if invalid { <span class="fc-error" role="alert">{ i18n.t("ltc_forecast.target_error_amount") }</span> }
            </td>
        }
    };

    html! {
        <section class="card fc-targets" data-testid="fc-targets">
            <h3 class="card-title">{ i18n.tf("ltc_forecast.title_targets", &[("year", &y)]) }</h3>
            <p class="muted fc-note">{ i18n.t("ltc_forecast.targets_note") }</p>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.tf("ltc_forecast.title_targets", &[("year", &y)])}>
                <table class="data-table fc-targets-table" data-testid="fc-targets-table">
                    <thead><tr>
                        <th scope="col">{ i18n.t("ltc_forecast.col_scope") }</th>
                        <th scope="col">{ i18n.t("ltc_forecast.col_name") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_forecast.col_orders") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_forecast.col_collections") }</th>
                        <th scope="col"><span class="visually-hidden">{ i18n.t("ltc_forecast.col_actions") }</span></th>
                    </tr></thead>
                    <tbody>
                        { for shown.iter().map(|(t, name)| {
                            let id = row_id(t.scope, &t.key);
                            // A target set over a sum: what the accounts add up to.
                            let sum = sum_of.get(&(t.scope, t.key.as_str())).copied();
                            html! {
                                <tr data-testid={id.clone()}>
                                    <td>{ scope_name(&i18n, t.scope) }</td>
                                    <th scope="row">
                                        { name.clone() }
                                        if let Some(s) = sum {
                                            <span class="fc-sum-note">{ i18n.tf("ltc_forecast.accounts_sum", &[("v", &i18n.num(s))]) }</span>
                                        }
                                    </th>
                                    { field(t, name, true) }
                                    { field(t, name, false) }
                                    <td>
                                        <button type="button" class="button fc-small" data-testid={format!("{id}-remove")}
                                                aria-label={i18n.tf("ltc_forecast.remove_of", &[("name", name)])}
                                                onclick={on_remove(t.id.clone())}>{ i18n.t("ltc_forecast.remove") }</button>
                                    </td>
                                </tr>
                            }
                        }) }
                        if rows.is_empty() {
                            <tr><td colspan="5" class="muted">{ i18n.t("ltc_forecast.targets_empty") }</td></tr>
                        }
                    </tbody>
                </table>
            </div>
            <Pager page={paged} {on_page} label={i18n.tf("a11y.in_context", &[("label", i18n.t("ltc_forecast.pages")), ("context", &i18n.tf("ltc_forecast.title_targets", &[("year", &y)]))])} testid="fc-targets-pager" />

            <form class="fc-target-add" onsubmit={on_add} data-testid="fc-target-add">
                <h4>{ i18n.t("ltc_forecast.add_title") }</h4>
                <label class="fc-field">
                    <span>{ i18n.t("ltc_forecast.col_scope") }</span>
                    <select onchange={on_scope} data-testid="fc-target-add-scope">
                        { for Scope::ALL.iter().map(|s| html! {
                            <option value={s.key()} selected={*s == *add_scope}>{ scope_name(&i18n, *s) }</option>
                        }) }
                    </select>
                </label>
                if *add_scope == Scope::Account {
                    <label class="fc-field">
                        <span>{ i18n.t("ltc_forecast.add_filter") }</span>
                        <input type="search" value={(*add_filter).clone()} oninput={text_input(&add_filter)}
                               data-testid="fc-target-add-filter" />
                    </label>
                }
                if *add_scope != Scope::Company {
                    <label class="fc-field">
                        <span>{ i18n.t("ltc_forecast.col_name") }</span>
                        <select onchange={on_key} data-testid="fc-target-add-key">
                            { for options.iter().map(|(k, n)| html! {
                                <option value={k.clone()} selected={*k == key}>{ n.clone() }</option>
                            }) }
                        </select>
                    </label>
                }
                <label class="fc-field">
                    <span>{ i18n.t("ltc_forecast.col_orders") }</span>
                    <input type="text" inputmode="decimal" class="fc-money" value={(*add_orders).clone()}
                           placeholder={i18n.t("ltc_forecast.amount_placeholder")}
                           oninput={text_input(&add_orders)} data-testid="fc-target-add-orders" />
                </label>
                <label class="fc-field">
                    <span>{ i18n.t("ltc_forecast.col_collections") }</span>
                    <input type="text" inputmode="decimal" class="fc-money" value={(*add_collections).clone()}
                           placeholder={i18n.t("ltc_forecast.amount_placeholder")}
                           oninput={text_input(&add_collections)} data-testid="fc-target-add-collections" />
                </label>
                <button type="submit" class="button button-primary" data-testid="fc-target-add-save">{ i18n.t("ltc_forecast.add_save") }</button>
                if let Some(k) = *add_error {
                    <p class="fc-error" role="alert" data-testid="fc-target-add-error">{ i18n.t(k) }</p>
                }
            </form>

            <h4 class="fc-sub">{ i18n.t("ltc_forecast.derived_title") }</h4>
            <p class="muted fc-note">{ i18n.t("ltc_forecast.derived_note") }</p>
            if not_set.is_empty() {
                <p class="muted">{ i18n.t("ltc_forecast.derived_none") }</p>
            } else {
                <dl class="fc-derived-list" data-testid="fc-derived-list">
                    { for [Scope::Company, Scope::Tier, Scope::Owner].into_iter().map(|scope| {
                        let items: Vec<&&Sum> = not_set.iter().filter(|s| s.scope == scope).collect();
                        let more = items.len().saturating_sub(PAGE_SIZE);
                        html! {
                            if !items.is_empty() {
                                <div>
                                    <dt>{ scope_name(&i18n, scope) }</dt>
                                    { for items.iter().take(PAGE_SIZE).map(|s| html! {
                                        <dd data-testid={format!("fc-derived-{}-{}", s.scope.key(), s.key)}>
                                            { i18n.tf("ltc_forecast.derived_item", &[("name", &s.name), ("v", &i18n.num(s.value))]) }
                                        </dd>
                                    }) }
                                    if more > 0 {
                                        <dd class="muted">{ i18n.tf("ltc_forecast.more", &[("n", &more.to_string())]) }</dd>
                                    }
                                </div>
                            }
                        }
                    }) }
                </dl>
            }
        </section>
    }
}

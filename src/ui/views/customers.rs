//! The customer list (Tool 1's table): search, filters, sort, the virtualised table, bulk tier
//! overrides and deletion, and the add / edit form. The tiering, the curses and the search index
//! are computed once per document; a query only re-selects, and scrolling re-renders only the
//! table's visible rows.

use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use super::start::StartWithMyData;

use super::customer_form::CustomerForm;
use super::customer_table::CustomerTable;
use crate::domain::customers::{
    facets, select_indexed, CurseKind, Facets, Query, SearchIndex, SortKey,
};
use crate::domain::edit::Edit;
use crate::domain::number::format_count;
use crate::domain::sort::sort;
use crate::domain::tiering::{curses, migration, Assignment};
use crate::domain::workspace::{Customer, TierOverride, Workspace};
use crate::ui::dialog::Dialog;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::views::customer_transfer::CustomerTransfer;

/// The three curses of every customer, in customer order: bit 0 = entry (进不来), bit 1 = growth
/// (做不大), bit 2 = retention (留不住), judged on the latest year of purchase history (the
/// fiscal year when there is none), as the tiering view does.
fn curse_bits(ws: &Workspace) -> Vec<u8> {
    let this_year = migration::years(&ws.customers)
        .last()
        .copied()
        .unwrap_or(ws.meta.fiscal_year);
    curses::curse_bits(&ws.tiering.curses, &ws.customers, this_year)
}

/// The options of a tier select: `first` (e.g. "all"), then every tier by index and name.
fn tier_options(
    i18n: &I18n,
    ws: &Workspace,
    first: (AttrValue, AttrValue),
) -> Vec<(AttrValue, AttrValue)> {
    std::iter::once(first)
        .chain(
            ws.tiering
                .tiers
                .iter()
                .enumerate()
                .map(|(i, t)| (i.to_string().into(), i18n.tier_name(t).to_string().into())),
        )
        .collect()
}

/// What the table needs of one document, computed once per document.
#[derive(Debug, PartialEq)]
pub struct Sheet {
    /// Tier of every customer, in customer order.
    pub assignments: Vec<Option<Assignment>>,
    /// Curses of every customer (see [`curse_bits`]).
    pub curse_bits: Vec<u8>,
    /// Name order and search texts.
    pub index: SearchIndex,
    /// Values the filters offer.
    pub facets: Facets,
}

impl Sheet {
    fn of(ws: &Workspace) -> Sheet {
        Sheet {
            assignments: ws.tiering.assign_all(&ws.customers),
            curse_bits: curse_bits(ws),
            index: SearchIndex::new(&ws.customers),
            facets: facets(&ws.customers),
        }
    }
}

/// A shared value compared by identity (for props and memo keys holding 100k-row data).
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The catalogue text of a curse.
pub fn curse_name(i18n: &I18n, kind: CurseKind) -> &'static str {
    match kind {
        CurseKind::Entry => i18n.t("customers.curse.entry"),
        CurseKind::Growth => i18n.t("customers.curse.growth"),
        CurseKind::Retention => i18n.t("customers.curse.retention"),
    }
}

/// A filter's `<select>` value: "" = all, "-" = blank, "=x" = the value x.
fn filter_value(filter: &Option<String>) -> String {
    match filter.as_deref() {
        None => String::new(),
        Some("") => "-".to_string(),
        Some(v) => format!("={v}"),
    }
}

fn parse_filter_value(value: &str) -> Option<String> {
    match value {
        "" => None,
        "-" => Some(String::new()),
        v => Some(v.strip_prefix('=').unwrap_or(v).to_string()),
    }
}

/// The value of the input, select or textarea an event came from.
pub fn event_value(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Props of [`Select`].
#[derive(Properties, PartialEq)]
pub struct SelectProps {
    /// The value chosen.
    pub value: AttrValue,
    /// (value, label) of every option.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// The user chose a value.
    pub onchange: Callback<String>,
    /// `data-testid`.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// Element id (for a `<label for>`).
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// Marks the field invalid.
    #[prop_or_default]
    pub invalid: bool,
    /// Its accessible name, where no `<label>` names it.
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// A `<select>` that keeps showing `value`: once the user has picked an option, changing the
/// `selected` attributes no longer moves the selection, so the value is also set after rendering.
#[function_component(Select)]
pub fn select(props: &SelectProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(
            (props.value.clone(), props.options.clone()),
            move |(value, _)| {
                if let Some(el) = node.get() {
                    let _ = js_sys::Reflect::set(&el, &"value".into(), &value.as_str().into());
                }
            },
        );
    }
    let onchange = props.onchange.reform(|e: Event| event_value(&e));
    html! {
        <select ref={node} id={props.id.clone()} data-testid={props.testid.clone()} onchange={onchange}
                aria-invalid={props.invalid.then_some("true")} aria-label={props.label.clone()}>
            { for props.options.iter().map(|(v, label)| html! {
                <option value={v.clone()} selected={*v == props.value}>{ label.clone() }</option>
            }) }
        </select>
    }
}

/// What is open over the list.
#[derive(Clone, PartialEq)]
enum Modal {
    None,
    /// The form, on a customer or (None) a new one.
    Form(Option<Rc<Customer>>),
    /// Confirm deleting these customers (ids, and the name when there is one).
    Delete(Vec<String>, Option<String>),
}

/// The customers page.
#[function_component(Customers)]
pub fn customers() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let doc = DocRef(ws.clone());
    let sheet = use_memo(doc.clone(), |d| Sheet::of(&d.0));
    let query = use_state(Query::default);
    let rows = {
        let sheet = sheet.clone();
        use_memo((doc.clone(), (*query).clone()), move |(d, q)| {
            select_indexed(
                &d.0.customers,
                &sheet.assignments,
                &sheet.curse_bits,
                &sheet.index,
                q,
            )
        })
    };
    let selected = use_state(|| Rc::new(HashSet::<String>::new()));
    let modal = use_state(|| Modal::None);

    // Forget selected customers that no longer exist (deleted, undone, another workspace).
    {
        let selected = selected.clone();
        use_effect_with(doc.clone(), move |d| {
            if !selected.is_empty() {
                let ids: HashSet<&str> = d.0.customers.iter().map(|c| c.id.as_str()).collect();
                let kept: HashSet<String> = selected
                    .iter()
                    .filter(|id| ids.contains(id.as_str()))
                    .cloned()
                    .collect();
                if kept.len() != selected.len() {
                    selected.set(Rc::new(kept));
                }
            }
        });
    }

    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let mut q = (*query).clone();
            q.search = event_value(&e);
            query.set(q);
        })
    };
    let on_sort = {
        let query = query.clone();
        Callback::from(move |key: SortKey| {
            let mut q = (*query).clone();
            if q.sort == key {
                q.descending = !q.descending;
            } else {
                q.sort = key;
                q.descending = key.is_figure();
            }
            query.set(q);
        })
    };
    let clear_filters = {
        let query = query.clone();
        Callback::from(move |_| {
            query.set(Query {
                sort: query.sort,
                descending: query.descending,
                ..Query::default()
            })
        })
    };
    let on_toggle = {
        let selected = selected.clone();
        Callback::from(move |(id, on): (String, bool)| {
            let mut next = (**selected).clone();
            if on {
                next.insert(id);
            } else {
                next.remove(&id);
            }
            selected.set(Rc::new(next));
        })
    };
    let on_toggle_all = {
        let selected = selected.clone();
        let rows = rows.clone();
        let ws = ws.clone();
        Callback::from(move |on: bool| {
            let mut next = (**selected).clone();
            for c in rows.iter().filter_map(|&i| ws.customers.get(i)) {
                if on {
                    next.insert(c.id.clone());
                } else {
                    next.remove(&c.id);
                }
            }
            selected.set(Rc::new(next));
        })
    };
    let open = |m: fn(Option<Rc<Customer>>) -> Modal| {
        let modal = modal.clone();
        Callback::from(move |c: Option<Rc<Customer>>| modal.set(m(c)))
    };
    let on_edit = open(Modal::Form).reform(Some);
    let on_add = open(Modal::Form).reform(|_: MouseEvent| None);
    let on_delete_one = {
        let modal = modal.clone();
        Callback::from(move |c: Rc<Customer>| {
            modal.set(Modal::Delete(vec![c.id.clone()], Some(c.name.clone())))
        })
    };
    let close = {
        let modal = modal.clone();
        Callback::from(move |_| modal.set(Modal::None))
    };

    let modal_html = match &*modal {
        Modal::None => html! {},
        Modal::Form(c) => html! {
            <CustomerForm customer={c.clone()} sheet={Shared(sheet.clone())} on_close={close.clone()} />
        },
        Modal::Delete(ids, name) => {
            let body = match name {
                Some(name) => i18n.tf("customers.delete_one", &[("name", name)]),
                None => i18n.tf("customers.delete_many", &[("n", &format_count(ids.len()))]),
            };
            let on_confirm = {
                let handle = handle.clone();
                let ids = ids.clone();
                let modal = modal.clone();
                let selected = selected.clone();
                Callback::from(move |_| {
                    handle.edit(Edit::DeleteCustomers(ids.clone()));
                    let mut next = (**selected).clone();
                    for id in &ids {
                        next.remove(id);
                    }
                    selected.set(Rc::new(next));
                    modal.set(Modal::None);
                })
            };
            html! {
                <Dialog title={i18n.t("customers.delete_title")} body={body} danger={true}
                    confirm_label={i18n.t("customers.delete_confirm")}
                    on_confirm={on_confirm} on_cancel={close.clone()} />
            }
        }
    };

    let total = ws.customers.len();
    let f = &sheet.facets;
    let q = &*query;
    let all = (
        AttrValue::default(),
        AttrValue::from(i18n.t("customers.all")),
    );
    let set = |f: fn(&mut Query, String)| {
        let query = query.clone();
        Callback::from(move |v: String| {
            let mut q = (*query).clone();
            f(&mut q, v);
            query.set(q);
        })
    };
    let filter = |label: &str,
                  testid: &'static str,
                  value: String,
                  options: Vec<(AttrValue, AttrValue)>,
                  f: fn(&mut Query, String)| {
        html! {
            <label class="cust-filter">
                <span>{ label.to_string() }</span>
                <Select value={value} options={options} onchange={set(f)} testid={testid}
                        label={i18n.tf("a11y.in_context", &[("label", label), ("context", i18n.t("a11y.filter"))])} />
            </label>
        }
    };
    let text_filter = |label: &str,
                       testid: &'static str,
                       values: &[String],
                       current: &Option<String>,
                       f: fn(&mut Query, String)| {
        let mut options = vec![all.clone()];
        options.extend(
            values
                .iter()
                .map(|v| (AttrValue::from(format!("={v}")), AttrValue::from(v.clone()))),
        );
        options.push(("-".into(), i18n.t("customers.none_value").into()));
        filter(label, testid, filter_value(current), options, f)
    };
    let tier_options = tier_options(&i18n, &ws, all.clone());
    let curse_options: Vec<(AttrValue, AttrValue)> = std::iter::once(all.clone())
        .chain(
            CurseKind::ALL
                .iter()
                .map(|k| (k.key().into(), curse_name(&i18n, *k).into())),
        )
        .collect();

    html! {
        <div class="customers">
            <div class="cust-head">
                <h2 class="view-title">{ i18n.t("customers.title") }</h2>
                <div class="cust-actions">
                    <CustomerTransfer />
                    <button type="button" class="button button-primary" data-testid="customers-add"
                            onclick={on_add}>{ i18n.t("customers.add") }</button>
                </div>
            </div>
            if total == 0 {
                <section class="card cust-empty" data-testid="customers-empty">
                    <p>{ i18n.t("customers.empty") }</p>
                    <StartWithMyData compact=true testid="customers-empty-import" />
                </section>
            } else {
                <section class="card cust-card">
                    <div class="cust-toolbar" role="search">
                        <label class="cust-search">
                            <span class="visually-hidden">{ i18n.t("customers.search_label") }</span>
                            <input type="search" value={q.search.clone()} oninput={on_search}
                                   placeholder={i18n.t("customers.search_placeholder")}
                                   aria-label={i18n.t("customers.search_label")}
                                   data-testid="customers-search" />
                        </label>
                        { filter(i18n.t("customers.filter_tier"), "customers-filter-tier",
                            q.tier.map(|t| t.to_string()).unwrap_or_default(), tier_options,
                            |q, v| q.tier = v.parse().ok()) }
                        { text_filter(i18n.t("customers.filter_industry"), "customers-filter-industry",
                            &f.industries, &q.industry, |q, v| q.industry = parse_filter_value(&v)) }
                        { text_filter(i18n.t("customers.filter_line"), "customers-filter-line",
                            &f.industry_lines, &q.industry_line, |q, v| q.industry_line = parse_filter_value(&v)) }
                        { text_filter(i18n.t("customers.filter_region"), "customers-filter-region",
                            &f.regions, &q.region, |q, v| q.region = parse_filter_value(&v)) }
                        { filter(i18n.t("customers.filter_curse"), "customers-filter-curse",
                            q.curse.map(|k| k.key().to_string()).unwrap_or_default(), curse_options,
                            |q, v| q.curse = CurseKind::from_key(&v)) }
                        if q.is_filtered() {
                            <button type="button" class="button cust-clear" data-testid="customers-clear-filters"
                                    onclick={clear_filters.clone()}>{ i18n.t("customers.clear_filters") }</button>
                        }
                        <p class="cust-count" data-testid="customers-count" aria-live="polite">
                            { i18n.tf("customers.count", &[("shown", &format_count(rows.len())), ("total", &format_count(total))]) }
                        </p>
                    </div>
                    if !selected.is_empty() {
                        <BulkBar selected={Shared((*selected).clone())} on_deselect={
                            let selected = selected.clone();
                            Callback::from(move |_| selected.set(Rc::new(HashSet::new())))
                        } on_delete={
                            let modal = modal.clone();
                            Callback::from(move |ids: Vec<String>| modal.set(Modal::Delete(ids, None)))
                        } />
                    }
                    <CustomerTable doc={doc.clone()} sheet={Shared(sheet.clone())} rows={Shared(rows.clone())}
                        query={q.clone()} selected={Shared((*selected).clone())}
                        on_sort={on_sort} on_toggle={on_toggle} on_toggle_all={on_toggle_all}
                        on_edit={on_edit} on_delete={on_delete_one} />
                    if rows.is_empty() {
                        <div class="cust-no-results" data-testid="customers-no-results">
                            <p>{ i18n.t("customers.no_results") }</p>
                            <button type="button" class="button" onclick={clear_filters}>
                                { i18n.t("customers.clear_filters") }</button>
                        </div>
                    }
                </section>
            }
            { modal_html }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct BulkBarProps {
    selected: Shared<HashSet<String>>,
    on_deselect: Callback<()>,
    on_delete: Callback<Vec<String>>,
}

/// What can be done to the selected customers: a tier override with its reason, clearing it,
/// deleting them.
#[function_component(BulkBar)]
fn bulk_bar(props: &BulkBarProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let tier = use_state(String::new);
    let reason = use_state(String::new);
    let error = use_state(|| None::<&'static str>);
    let ids = || {
        let mut ids: Vec<String> = props.selected.0.iter().cloned().collect();
        sort(&mut ids);
        ids
    };

    let apply = {
        let handle = handle.clone();
        let tier = tier.clone();
        let reason = reason.clone();
        let error = error.clone();
        let ids = ids();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ws = handle.workspace();
            let Some(t) = tier
                .parse::<usize>()
                .ok()
                .and_then(|i| ws.tiering.tiers.get(i))
            else {
                error.set(Some(i18n.t("customers.bulk_need_tier")));
                return;
            };
            if reason.trim().is_empty() {
                error.set(Some(i18n.t("customers.bulk_need_reason")));
                return;
            }
            handle.edit(Edit::SetTierOverride {
                ids: ids.clone(),
                value: Some(TierOverride {
                    tier: t.id.clone(),
                    reason: reason.trim().to_string(),
                }),
            });
            error.set(None);
            reason.set(String::new());
        })
    };
    let clear = {
        let handle = handle.clone();
        let ids = ids();
        Callback::from(move |_| {
            handle.edit(Edit::SetTierOverride {
                ids: ids.clone(),
                value: None,
            })
        })
    };
    let delete = {
        let on_delete = props.on_delete.clone();
        let ids = ids();
        Callback::from(move |_| on_delete.emit(ids.clone()))
    };
    let deselect = props.on_deselect.reform(|_: MouseEvent| ());
    let on_tier = {
        let tier = tier.clone();
        let error = error.clone();
        Callback::from(move |v: String| {
            tier.set(v);
            error.set(None);
        })
    };
    let tier_options = tier_options(
        &i18n,
        &ws,
        (
            AttrValue::default(),
            i18n.t("customers.bulk_choose_tier").into(),
        ),
    );
    let on_reason = {
        let reason = reason.clone();
        let error = error.clone();
        Callback::from(move |e: InputEvent| {
            reason.set(event_value(&e));
            error.set(None);
        })
    };

    html! {
        <form class="cust-bulk" data-testid="customers-bulk" onsubmit={apply}
              aria-label={i18n.t("customers.bulk_label")}>
            <strong class="cust-bulk-count" data-testid="customers-selected">
                { i18n.tf("customers.selected", &[("n", &format_count(props.selected.0.len()))]) }
            </strong>
            <label class="cust-filter">
                <span>{ i18n.t("customers.bulk_tier") }</span>
                <Select value={(*tier).clone()} options={tier_options} onchange={on_tier} testid="bulk-tier"
                        invalid={error.is_some() && tier.is_empty()} />
            </label>
            <label class="cust-filter cust-bulk-reason">
                <span>{ i18n.t("customers.bulk_reason") }</span>
                <input type="text" value={(*reason).clone()} oninput={on_reason} data-testid="bulk-reason"
                       aria-describedby="cust-bulk-error"
                       aria-invalid={(error.is_some() && reason.trim().is_empty()).then_some("true")} />
            </label>
            <button type="submit" class="button button-primary" data-testid="bulk-apply">
                { i18n.t("customers.bulk_apply") }</button>
            <button type="button" class="button" data-testid="bulk-clear" onclick={clear}>
                { i18n.t("customers.bulk_clear") }</button>
            <button type="button" class="button cust-danger-text" data-testid="bulk-delete" onclick={delete}>
                { i18n.t("customers.bulk_delete") }</button>
            <button type="button" class="button" data-testid="bulk-deselect" onclick={deselect}>
                { i18n.t("customers.bulk_deselect") }</button>
            <p id="cust-bulk-error" class="cust-bulk-error" role="alert" data-testid="bulk-error">
                { error.unwrap_or_default() }</p>
        </form>
    }
}

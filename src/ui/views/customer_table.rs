//! The customer table, virtualised: rows have a fixed height, the scroll container holds spacers
//! for the rows above and below, and only the rows in view (plus a margin) are in the DOM, so
//! 100,000 customers scroll like 30. Scrolling changes only this component's state; the
//! selection and the tiering computed by the page are not touched.

use std::collections::HashSet;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::customers::{curse_name, Shared, Sheet};
use crate::domain::customers::{CurseKind, Query, SortKey};
use crate::domain::number::format_percent;
use crate::domain::text_width::{fit_px, text_px};
use crate::domain::tiering::Explanation;
use crate::domain::workspace::Customer;
use crate::ui::explain::explanation_text;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::print::use_printing;
use crate::ui::state::DocRef;
use crate::ui::swatch::{tier_fill, Swatch};

/// Height of one row in CSS pixels (styles/customers.css keeps rows exactly this high).
pub const ROW_HEIGHT: i32 = 36;
/// Rows rendered beyond the visible ones, above and below.
const OVERSCAN: usize = 10;

/// A column of the table.
#[derive(Clone, Copy, PartialEq)]
enum Col {
    Select,
    Name,
    Tier,
    Explanation,
    Industry,
    Line,
    Region,
    Purchase,
    Revenue,
    Margin,
    Growth,
    WalletShare,
    Curses,
    Actions,
}

/// Columns in display order: the name, its actions, the tier and its reason, then the figures,
/// so that the key figures are in view without scrolling sideways on a laptop screen. The check
/// box and the name stay in view when the table scrolls sideways; no column sticks to the right
/// edge, so none hides behind one.
const COLUMNS: [Col; 14] = [
    Col::Select,
    Col::Name,
    Col::Actions,
    Col::Tier,
    Col::Explanation,
    Col::Purchase,
    Col::Revenue,
    Col::Margin,
    Col::Growth,
    Col::WalletShare,
    Col::Industry,
    Col::Line,
    Col::Region,
    Col::Curses,
];

impl Col {
    fn sort_key(self) -> Option<SortKey> {
        Some(match self {
            Col::Name => SortKey::Name,
            Col::Tier => SortKey::Tier,
            Col::Industry => SortKey::Industry,
            Col::Line => SortKey::IndustryLine,
            Col::Region => SortKey::Region,
            Col::Purchase => SortKey::AnnualPurchase,
            Col::Revenue => SortKey::Revenue,
            Col::Margin => SortKey::GrossMargin,
            Col::Growth => SortKey::Growth,
            Col::WalletShare => SortKey::ShareOfWallet,
            Col::Select | Col::Explanation | Col::Curses | Col::Actions => return None,
        })
    }

    /// Identifier used in class names and `data-col`.
    fn id(self) -> &'static str {
        match self {
            Col::Select => "select",
            Col::Name => "name",
            Col::Tier => "tier",
            Col::Explanation => "explanation",
            Col::Industry => "industry",
            Col::Line => "line",
            Col::Region => "region",
            Col::Purchase => "purchase",
            Col::Revenue => "revenue",
            Col::Margin => "margin",
            Col::Growth => "growth",
            Col::WalletShare => "wallet-share",
            Col::Curses => "curses",
            Col::Actions => "actions",
        }
    }

    fn label(self, i18n: &I18n) -> &'static str {
        match self {
            Col::Select => i18n.t("customers.col_select"),
            Col::Name => i18n.t("customers.col_name"),
            Col::Tier => i18n.t("customers.col_tier"),
            Col::Explanation => i18n.t("customers.col_explanation"),
            Col::Industry => i18n.t("customers.col_industry"),
            Col::Line => i18n.t("customers.col_line"),
            Col::Region => i18n.t("customers.col_region"),
            Col::Purchase => i18n.t("customers.col_purchase"),
            Col::Revenue => i18n.t("customers.col_revenue"),
            Col::Margin => i18n.t("customers.col_margin"),
            Col::Growth => i18n.t("customers.col_growth"),
            Col::WalletShare => i18n.t("customers.col_wallet_share"),
            Col::Curses => i18n.t("customers.col_curses"),
            Col::Actions => i18n.t("customers.col_actions"),
        }
    }

    /// Least width in CSS pixels (the table has a fixed layout, so widths never jump while
    /// scrolling; [`column_widths`] widens a column to its widest content).
    fn width(self) -> u32 {
        match self {
            Col::Select => 40,
            Col::Name => 160,
            Col::Tier => 110,
            Col::Explanation => 140,
            Col::Purchase => 100,
            Col::Revenue => 96,
            Col::Margin => 84,
            Col::Growth => 80,
            Col::WalletShare => 88,
            Col::Industry => 96,
            Col::Line => 110,
            Col::Region => 80,
            Col::Curses => 100,
            Col::Actions => 104,
        }
    }

    fn is_number(self) -> bool {
        matches!(
            self,
            Col::Purchase | Col::Revenue | Col::Margin | Col::Growth | Col::WalletShare
        )
    }
}

/// Props of [`CustomerTable`].
#[derive(Properties, PartialEq)]
pub struct CustomerTableProps {
    /// The document the rows index into.
    pub doc: DocRef,
    /// Its tiering and curses.
    pub sheet: Shared<Sheet>,
    /// Indices of the customers shown, in order.
    pub rows: Shared<Vec<usize>>,
    /// The query (sort indicators; a new query scrolls back to the top).
    pub query: Query,
    /// Ids of the selected customers.
    pub selected: Shared<HashSet<String>>,
    /// A column header was clicked.
    pub on_sort: Callback<SortKey>,
    /// A row's checkbox changed: (id, selected).
    pub on_toggle: Callback<(String, bool)>,
    /// The header checkbox changed: select or unselect every shown row.
    pub on_toggle_all: Callback<bool>,
    /// Edit this customer.
    pub on_edit: Callback<Rc<Customer>>,
    /// Delete this customer (after confirmation).
    pub on_delete: Callback<Rc<Customer>>,
}

/// Font size of the table's cells (styles: `.data-table`, `--text-s`) and of its badges.
const CELL_FONT: f64 = 13.0;
const BADGE_FONT: f64 = 11.0;
/// Cell padding left and right, and a little air.
const PAD: u32 = 20;
/// No column grows past this; a wider value is cut and shown whole on hover.
const MAX_WIDTH: u32 = 420;

/// The width of every column, in [`COLUMNS`] order: the least width, or the widest value of the
/// column among all customers (in the interface language), whichever is more.
fn column_widths(ws: &crate::domain::workspace::Workspace, sheet: &Sheet, i18n: &I18n) -> Vec<u32> {
    let mut widest = [0.0f64; COLUMNS.len()];
    let mut grow = |col: Col, px: f64| {
        if let Some(i) = COLUMNS.iter().position(|c| *c == col) {
            widest[i] = widest[i].max(px);
        }
    };
    let text = |t: &str| text_px(t, CELL_FONT);
    let badge = |t: &str| text_px(t, BADGE_FONT) + 16.0;
    let manual = badge(i18n.t("customers.manual"));
    for (i, c) in ws.customers.iter().enumerate() {
        let assignment = sheet.assignments.get(i).and_then(Option::as_ref);
        // The name, then the LTC chip (about 3.6 em of the cell's font).
        grow(Col::Name, text_px(&c.name, CELL_FONT) + 3.6 * CELL_FONT);
        if let Some(a) = assignment {
            let tier = ws
                .tiering
                .tiers
                .get(a.tier)
                .map(|t| text(i18n.tier_name(t)))
                .unwrap_or(0.0);
            let is_manual = matches!(a.explanation, Explanation::Override { .. });
            grow(
                Col::Tier,
                18.0 + tier + if is_manual { manual } else { 0.0 },
            );
            grow(
                Col::Explanation,
                text(&explanation_text(i18n, &a.explanation)),
            );
        }
        grow(Col::Purchase, text(&i18n.num(c.annual_purchase)));
        grow(Col::Revenue, text(&i18n.num(c.revenue)));
        grow(Col::Industry, text(&c.industry));
        grow(
            Col::Line,
            text(c.industry_line.as_deref().unwrap_or_default()),
        );
        grow(Col::Region, text(&c.region));
        let curses = sheet.curse_bits.get(i).copied().unwrap_or(0);
        grow(
            Col::Curses,
            CurseKind::in_bits(curses)
                .map(|k| badge(curse_name(i18n, k)) + 4.0)
                .sum(),
        );
    }
    COLUMNS
        .iter()
        .zip(widest)
        .map(|(c, w)| {
            if w > 0.0 {
                fit_px(w, PAD, c.width(), MAX_WIDTH.max(c.width()))
            } else {
                c.width()
            }
        })
        .collect()
}

/// First row in view and rows that fit, from the scroll container.
fn measure(el: &web_sys::Element) -> (usize, usize) {
    let first = (el.scroll_top().max(0) / ROW_HEIGHT) as usize;
    let fit = (el.client_height().max(0) / ROW_HEIGHT) as usize + 2;
    (first, fit)
}

/// Sets the table's width, its columns' widths and its spacer rows' heights (see
/// [`customer_table`]).
fn size_table(table: &web_sys::HtmlElement, widths: &[u32]) {
    let px = |v: i64| format!("{v}px");
    let width: u32 = widths.iter().sum();
    let _ = table.style().set_property("width", &px(i64::from(width)));
    if let Ok(cols) = table.query_selector_all("col") {
        for (i, w) in widths.iter().enumerate() {
            if let Some(col) = cols
                .get(i as u32)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = col.style().set_property("width", &px(i64::from(*w)));
            }
        }
    }
    if let Ok(spacers) = table.query_selector_all("tr.cust-spacer") {
        for i in 0..spacers.length() {
            let Some(row) = spacers
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                continue;
            };
            if let Some(h) = row
                .get_attribute("data-height")
                .and_then(|h| h.parse::<i64>().ok())
            {
                let _ = row.style().set_property("height", &px(h));
            }
        }
    }
}

/// The virtualised customer table.
#[function_component(CustomerTable)]
pub fn customer_table(props: &CustomerTableProps) -> Html {
    let i18n = use_i18n();
    let scroller = use_node_ref();
    let view = use_state_eq(|| (0usize, 30usize));
    let ws = &props.doc.0;
    let rows = &props.rows.0;

    {
        let scroller = scroller.clone();
        let view = view.clone();
        use_effect_with(props.query.clone(), move |_| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                el.set_scroll_top(0);
                view.set(measure(&el));
            }
        });
    }
    let onscroll = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            if let Some(el) = e.target_dyn_into::<web_sys::Element>() {
                view.set(measure(&el));
            }
        })
    };
    let all_selected = use_memo(
        (
            props.doc.clone(),
            props.rows.clone(),
            props.selected.clone(),
        ),
        |(doc, rows, selected)| {
            !rows.0.is_empty()
                && rows.0.iter().all(|&i| {
                    doc.0
                        .customers
                        .get(i)
                        .is_some_and(|c| selected.0.contains(&c.id))
                })
        },
    );

    let n = rows.len();
    let table = use_node_ref();
    // Every column as wide as its widest value, for all customers (not only those in view), so
    // nothing is cut and widths do not change while scrolling.
    let widths = use_memo(
        (props.doc.clone(), props.sheet.clone(), i18n),
        |(doc, sheet, i18n)| column_widths(&doc.0, &sheet.0, i18n),
    );
    {
        // Sizes go through the CSSOM, never a `style` attribute (which a strict CSP blocks): the
        // fixed column widths, the table's width, and the spacer rows' heights from
        // `data-height`, after every render (a spacer may be new).
        let table = table.clone();
        let widths = widths.clone();
        use_effect(move || {
            if let Some(el) = table.cast::<web_sys::HtmlElement>() {
                size_table(&el, &widths);
            }
        });
    }
    // On paper every row: the scroll window is a screen's.
    let printing = use_printing();
    let (first, fit) = *view;
    let (start, end) = if printing {
        (0, n)
    } else {
        (
            first.saturating_sub(OVERSCAN).min(n),
            (first + fit + OVERSCAN).min(n),
        )
    };
    let spacer = |count: usize, testid: &'static str| {
        (count > 0).then(|| {
            html! {
                <tr class="cust-spacer" aria-hidden="true" data-testid={testid}
                    data-height={(count as i64 * ROW_HEIGHT as i64).to_string()}>
                    <td colspan={COLUMNS.len().to_string()}></td>
                </tr>
            }
        })
    };

    let header = |col: Col| {
        let class = classes!(
            format!("cust-col-{}", col.id()),
            col.is_number().then_some("num")
        );
        if col == Col::Select {
            let on_toggle_all = props.on_toggle_all.clone();
            let onchange = Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                on_toggle_all.emit(input.checked());
            });
            return html! {
                <th scope="col" class={class}>
                    <input type="checkbox" checked={*all_selected} onchange={onchange} disabled={n == 0}
                           aria-label={i18n.tf("customers.select_all", &[("n", &n.to_string())])}
                           data-testid="customers-select-all" />
                </th>
            };
        }
        let Some(key) = col.sort_key() else {
            return html! { <th scope="col" class={class}>{ col.label(&i18n) }</th> };
        };
        let sorted = props.query.sort == key;
        let aria_sort = sorted.then_some(if props.query.descending {
            "descending"
        } else {
            "ascending"
        });
        let arrow = match (sorted, props.query.descending) {
            (false, _) => "",
            (true, false) => " ▲",
            (true, true) => " ▼",
        };
        let onclick = props.on_sort.reform(move |_: MouseEvent| key);
        html! {
            <th scope="col" class={class} aria-sort={aria_sort}>
                <button type="button" class="cust-sort print-as-text" onclick={onclick}
                        data-testid={format!("sort-{}", col.id())}>
                    { col.label(&i18n) }<span class="cust-sort-arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };

    let row = |pos: usize| {
        let i = rows[pos];
        let Some(c) = ws.customers.get(i) else {
            return html! {};
        };
        let assignment = props.sheet.0.assignments.get(i).and_then(Option::as_ref);
        let tier = assignment.and_then(|a| ws.tiering.tiers.get(a.tier));
        let manual = matches!(
            assignment.map(|a| &a.explanation),
            Some(Explanation::Override { .. })
        );
        let why = assignment
            .map(|a| explanation_text(&i18n, &a.explanation))
            .unwrap_or_default();
        let curses = props.sheet.0.curse_bits.get(i).copied().unwrap_or(0);
        let checked = props.selected.0.contains(&c.id);
        let toggle = {
            let id = c.id.clone();
            props.on_toggle.reform(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                (id.clone(), input.checked())
            })
        };
        let edit = {
            let c = c.clone();
            props.on_edit.reform(move |_: MouseEvent| c.clone())
        };
        let delete = {
            let c = c.clone();
            props.on_delete.reform(move |_: MouseEvent| c.clone())
        };
        let money = |v: f64| i18n.num(v);
        let pct = |v: Option<f64>| v.map(format_percent).unwrap_or_else(|| "—".into());
        let growth = c
            .effective_growth_pct()
            .map(|g| {
                let s = format_percent(g);
                if g > 0.0 {
                    format!("+{s}")
                } else {
                    s
                }
            })
            .unwrap_or_else(|| "—".into());
        let line = c.industry_line.clone().unwrap_or_default();
        html! {
            <tr key={c.id.clone()} class={classes!("cust-row", checked.then_some("is-selected"))}
                data-testid="customer-row" data-id={c.id.clone()}
                aria-rowindex={(pos + 2).to_string()} aria-selected={checked.to_string()}>
                <td class="cust-col-select">
                    <input type="checkbox" checked={checked} onchange={toggle} data-testid="customer-select"
                           aria-label={i18n.tf("customers.select_row", &[("name", &c.name)])} />
                </td>
                <th scope="row" class="cust-col-name" title={c.name.clone()} data-col="name">
                    { crate::ui::account_link::account_link(&i18n, &c.id, &c.name) }
                    <a class="ltc-account-link account-tool-chip" href={crate::ui::route::ltc_account_hash(&c.id)} data-testid="customer-ltc-link"
                       aria-label={i18n.tf("ltc_contracts.open_account_of", &[("name", &c.name)])} data-label={i18n.t("account.ltc_link")}></a>
                </th>
                <td class="cust-col-actions">
                    <button type="button" class="cust-action" onclick={edit} data-testid="customer-edit"
                            aria-label={i18n.tf("customers.edit_label", &[("name", &c.name)])}>
                        { i18n.t("customers.edit") }</button>
                    <button type="button" class="cust-action cust-danger-text" onclick={delete}
                            data-testid="customer-delete"
                            aria-label={i18n.tf("customers.delete_label", &[("name", &c.name)])}>
                        { i18n.t("customers.delete") }</button>
                </td>
                <td class="cust-col-tier" data-col="tier" data-tier={tier.map(|t| t.id.clone())}>
                    if let Some(t) = tier {
                        <Swatch color={tier_fill(t)} />
                        <span class="cust-tier-name">{ i18n.tier_name(t).to_string() }</span>
                    }
                    if manual {
                        <span class="cust-badge cust-badge-manual" title={i18n.t("customers.manual_hint")}
                              data-testid="customer-manual">{ i18n.t("customers.manual") }</span>
                    }
                </td>
                <td class="cust-col-explanation" title={why.clone()} data-col="explanation">{ why }</td>
                <td class="cust-col-purchase num" data-col="purchase" data-value={c.annual_purchase.to_string()}>
                    { money(c.annual_purchase) }</td>
                <td class="cust-col-revenue num" data-col="revenue">{ money(c.revenue) }</td>
                <td class="cust-col-margin num" data-col="margin">{ pct(c.gross_margin_pct) }</td>
                <td class="cust-col-growth num" data-col="growth">{ growth }</td>
                <td class="cust-col-wallet-share num" data-col="wallet-share">{ pct(c.share_of_wallet_pct()) }</td>
                <td class="cust-col-industry" title={c.industry.clone()} data-col="industry">{ c.industry.clone() }</td>
                <td class="cust-col-line" title={line.clone()} data-col="line">{ line }</td>
                <td class="cust-col-region" data-col="region">{ c.region.clone() }</td>
                <td class="cust-col-curses" data-col="curses">
                    { for CurseKind::in_bits(curses).map(|k| html! {
                        <span class={classes!("cust-badge", format!("cust-curse-{}", k.key()))}>{ curse_name(&i18n, k) }</span>
                    }) }
                </td>
            </tr>
        }
    };

    html! {
        <div class="cust-scroll" ref={scroller} onscroll={onscroll} tabindex="0" role="region"
             aria-label={i18n.t("customers.table_label")} data-testid="customers-scroll">
            <table class="data-table cust-table" data-testid="customers-table"
                   aria-rowcount={(n + 1).to_string()} ref={table}>
                <colgroup>
                    { for COLUMNS.iter().map(|_| html! { <col /> }) }
                </colgroup>
                <thead><tr aria-rowindex="1">{ for COLUMNS.iter().map(|c| header(*c)) }</tr></thead>
                <tbody>
                    { spacer(start, "customers-spacer-top") }
                    { for (start..end).map(row) }
                    { spacer(n - end, "customers-spacer-bottom") }
                </tbody>
            </table>
        </div>
    }
}

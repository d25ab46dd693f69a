//! The pager of a long list: "第 1–50 条，共 210 条", previous / next and a button per page (a
//! window of them around the current one when there are many). The arithmetic is
//! `domain::paging::Page`; the list keeps the page index and shows `page.slice(rows)`.
//!
//! Previous / next at the ends are `aria-disabled` rather than `disabled` so that a keyboard user
//! pressing "next" to the last page keeps focus on the button.

use yew::prelude::*;

use crate::domain::number::format_count;
use crate::domain::paging::Page;
use crate::ui::i18n::use_i18n;
use crate::ui::print::use_printing;

/// Rows per page of the app's paged lists.
pub const PAGE_SIZE: usize = 50;

/// The page of a list of `total` rows at `index`: [`PAGE_SIZE`] rows on screen, every row on
/// paper (a printed list is whole; the pager does not print).
#[hook]
pub fn use_page(total: usize, index: usize) -> Page {
    let printing = use_printing();
    if printing {
        Page::of(total, total.max(1), 0)
    } else {
        Page::of(total, PAGE_SIZE, index)
    }
}

/// Page buttons shown at most; beyond that the first, the last and a window around the current.
const MAX_BUTTONS: usize = 7;

/// Props of [`Pager`].
#[derive(Properties, PartialEq)]
pub struct PagerProps {
    /// The page shown.
    pub page: Page,
    /// Shows page `n` (from 0).
    pub on_page: Callback<usize>,
    /// What the list is, for the navigation's accessible name ("151 记录分页").
    pub label: AttrValue,
    /// `data-testid` prefix: `{testid}`, `{testid}-range`, `{testid}-prev`, `{testid}-next`,
    /// `{testid}-page-{n}` (n from 1).
    pub testid: AttrValue,
}

/// The page numbers (from 0) to offer a button for; `None` is a gap.
fn buttons(page: &Page) -> Vec<Option<usize>> {
    if page.count <= MAX_BUTTONS {
        return (0..page.count).map(Some).collect();
    }
    let last = page.count - 1;
    let from = page.index.saturating_sub(1).clamp(1, last - 3);
    let to = (from + 2).min(last - 1);
    let mut out = vec![Some(0)];
    if from > 1 {
        out.push(None);
    }
    out.extend((from..=to).map(Some));
    if to + 1 < last {
        out.push(None);
    }
    out.push(Some(last));
    out
}

/// The pager; nothing while the list is empty.
#[function_component(Pager)]
pub fn pager(props: &PagerProps) -> Html {
    let i18n = use_i18n();
    let page = props.page;
    if page.total == 0 {
        return Html::default();
    }
    let testid = props.testid.as_str();
    let go = |n: usize, enabled: bool| {
        let on_page = props.on_page.clone();
        Callback::from(move |_: MouseEvent| {
            if enabled {
                on_page.emit(n);
            }
        })
    };
    let range = i18n.tf(
        "pager.range",
        &[
            ("from", &format_count(page.start + 1)),
            ("to", &format_count(page.end)),
            ("total", &format_count(page.total)),
        ],
    );
    html! {
        <nav class="pager print-hide" aria-label={props.label.clone()} data-testid={testid.to_string()}>
            <span class="pager-range muted" aria-live="polite" data-testid={format!("{testid}-range")}>{ range }</span>
            if page.count > 1 {
                <div class="pager-buttons">
                    <button type="button" class="button pager-step" aria-disabled={(!page.has_previous()).to_string()}
                            onclick={go(page.index.saturating_sub(1), page.has_previous())}
                            aria-label={i18n.t("pager.previous_label")} data-testid={format!("{testid}-prev")}>
                        { i18n.t("pager.previous") }
                    </button>
                    { for buttons(&page).into_iter().map(|b| match b {
                        Some(n) => {
                            let current = n == page.index;
                            let number = (n + 1).to_string();
                            html! {
                                <button type="button" class={classes!("button", "pager-page", current.then_some("is-current"))}
                                        aria-current={current.then_some("page")}
                                        aria-label={i18n.tf("pager.page_label", &[("n", &number)])}
                                        onclick={go(n, !current)} data-testid={format!("{testid}-page-{number}")}>
                                    { number.clone() }
                                </button>
                            }
                        }
                        None => html! { <span class="pager-gap" aria-hidden="true">{ "…" }</span> },
                    }) }
                    <button type="button" class="button pager-step" aria-disabled={(!page.has_next()).to_string()}
                            onclick={go(page.index + 1, page.has_next())}
                            aria-label={i18n.t("pager.next_label")} data-testid={format!("{testid}-next")}>
                        { i18n.t("pager.next") }
                    </button>
                </div>
            }
        </nav>
    }
}

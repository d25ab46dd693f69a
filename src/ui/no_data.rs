//! A figure that has no data: a dash instead of a misleading 0, with the reason as a tooltip and
//! for screen readers (which would otherwise read "dash" or nothing); and the cells of money and
//! shares that fall back to it when the customers carry no such figure (see
//! [`Coverage`]).

use yew::prelude::*;

use crate::domain::customers::Coverage;
use crate::domain::number::format_percent;
use crate::ui::i18n::I18n;

/// Props of [`NoData`].
#[derive(Properties, PartialEq)]
pub struct NoDataProps {
    /// Why there is no figure, e.g. "没有收入数据".
    pub reason: AttrValue,
}

/// "—" with its reason.
#[function_component(NoData)]
pub fn no_data(props: &NoDataProps) -> Html {
    html! {
        <span class="no-data" title={props.reason.clone()}>
            <span aria-hidden="true">{ "—" }</span>
            <span class="visually-hidden">{ props.reason.clone() }</span>
        </span>
    }
}

/// The reasons, in words, why the revenue and annual-purchase figures are shown as "—" (empty
/// when both carry data).
pub fn missing_figures(i18n: &I18n, coverage: &Coverage) -> Vec<&'static str> {
    let mut out = Vec::new();
    if !coverage.revenue {
        out.push(i18n.t("no_data.revenue"));
    }
    if !coverage.annual_purchase {
        out.push(i18n.t("no_data.annual_purchase"));
    }
    out
}

/// A money figure, or "—" with `reason_key`'s words when the figure has no data.
pub fn money_cell(i18n: &I18n, value: f64, has_data: bool, reason_key: &'static str) -> Html {
    if has_data {
        html! { i18n.num(value) }
    } else {
        html! { <NoData reason={i18n.t(reason_key)} /> }
    }
}

/// A share, or "—" with `reason_key`'s words when the figure has no data.
pub fn share_cell(i18n: &I18n, pct: f64, has_data: bool, reason_key: &'static str) -> Html {
    if has_data {
        html! { format_percent(pct) }
    } else {
        html! { <NoData reason={i18n.t(reason_key)} /> }
    }
}

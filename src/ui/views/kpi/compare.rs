//! Scorecards side by side: the weight of each dimension per scorecard as stacked bars, or as a
//! table.

use yew::prelude::*;

use super::text::{card_name, dimension_name};
use crate::domain::kpi::{Dimension, Kpi};
use crate::domain::org::talent_input::format_plain;
use crate::ui::charts::weight_bars::{WeightBar, WeightBars};
use crate::ui::i18n::use_i18n;

/// Props of [`Compare`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The document.
    pub kpi: Kpi,
}

/// The comparison card.
#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let i18n = use_i18n();
    let as_table = use_state(|| false);
    let bars: Vec<WeightBar> = props
        .kpi
        .scorecards
        .iter()
        .map(|c| WeightBar {
            key: c.id.clone(),
            label: card_name(&i18n, c),
            weights: c.dimension_weights().map(|(_, w)| w),
        })
        .collect();
    let legend = Dimension::ALL.map(|d| AttrValue::from(dimension_name(&i18n, d)));
    let keys = Dimension::ALL.map(Dimension::key);
    let toggle = |table: bool, key: &'static str, testid: &'static str| {
        let as_table = as_table.clone();
        let current = *as_table == table;
        html! {
            <button type="button" class={classes!("tab", current.then_some("is-current"))}
                    aria-pressed={current.to_string()} data-testid={testid}
                    onclick={Callback::from(move |_| as_table.set(table))}>
                { i18n.t(key) }
            </button>
        }
    };
    html! {
        <section class="card kpi-compare" data-testid="kpi-compare">
            <div class="kpi-card-head">
                <h3 class="card-title">{ i18n.t("kpi.compare_title") }</h3>
                <div class="tabs kpi-toggle">
                    { toggle(false, "kpi.view_chart", "kpi-compare-chart") }
                    { toggle(true, "kpi.view_table", "kpi-compare-table") }
                </div>
            </div>
            <p class="muted kpi-hint">{ i18n.t("kpi.compare_hint") }</p>
            // Both are rendered: the one not chosen prints (print-only).
            <div class={classes!("table-scroll", (!*as_table).then_some("print-only"))} tabindex="0" role="group" aria-label={i18n.t("kpi.compare_title")}>
                    <table class="data-table" data-testid="kpi-compare-rows">
                        <thead><tr>
                            <th scope="col">{ i18n.t("kpi.col_scorecard") }</th>
                            { for legend.iter().map(|l| html! { <th scope="col" class="num">{ l.clone() }</th> }) }
                            <th scope="col" class="num">{ i18n.t("kpi.col_sum") }</th>
                        </tr></thead>
                        <tbody>
                            { for bars.iter().map(|b| html! {
                                <tr data-testid={format!("kpi-compare-row-{}", b.key)}>
                                    <th scope="row">{ b.label.clone() }</th>
                                    { for b.weights.iter().map(|w| html! { <td class="num">{ format_plain(*w) }</td> }) }
                                    <td class="num">{ format_plain(b.weights.iter().sum()) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
            </div>
            <div class={classes!((*as_table).then_some("print-only"))}>
                <WeightBars {bars} {legend} {keys} label={i18n.t("kpi.compare_title").to_string()} />
            </div>
        </section>
    }
}

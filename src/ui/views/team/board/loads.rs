//! The people-load section: each person's load against capacity as bars, or the same numbers as
//! a table.

use yew::prelude::*;

use crate::domain::number::{format_count, format_percent};
use crate::domain::org::board::format_fte;
use crate::ui::charts::load_bars::{LoadBar, LoadBars};
use crate::ui::i18n::use_i18n;

/// One person's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadRow {
    /// Person id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Home role name.
    pub role: String,
    /// Capacity FTE.
    pub capacity: f64,
    /// Load FTE.
    pub load: f64,
    /// load / capacity, %.
    pub load_pct: Option<f64>,
    /// Over capacity.
    pub over: bool,
    /// Customers worked on.
    pub accounts: usize,
}

/// Props of [`Loads`].
#[derive(Properties, PartialEq)]
pub struct LoadsProps {
    /// One row per person, in people order.
    pub rows: Vec<LoadRow>,
}

/// The section.
#[function_component(Loads)]
pub fn loads(props: &LoadsProps) -> Html {
    let i18n = use_i18n();
    let as_table = use_state(|| false);
    let toggle = {
        let as_table = as_table.clone();
        Callback::from(move |_| as_table.set(!*as_table))
    };
    let over = props.rows.iter().filter(|r| r.over).count();
    html! {
        <section class="card" aria-labelledby="board-loads" data-testid="board-loads">
            <div class="board-card-head">
                <h3 id="board-loads" class="card-title">{ i18n.t("board.loads_title") }</h3>
                <button type="button" class="button" aria-pressed={as_table.to_string()} onclick={toggle}
                        data-testid="loads-toggle">
                    { if *as_table { i18n.t("board.show_chart") } else { i18n.t("board.show_table") } }
                </button>
            </div>
            <p class="muted">{ i18n.tf("board.loads_hint", &[("people", &format_count(props.rows.len())), ("over", &format_count(over))]) }</p>
            // Both are rendered: the one not chosen prints (print-only), so a printout has the
            // chart and its table.
            <div class={classes!("table-scroll", (!*as_table).then_some("print-only"))} tabindex="0" role="group" aria-labelledby="board-loads">
                    <table class="data-table" data-testid="loads-table">
                        <thead><tr>
                            <th scope="col">{ i18n.t("board.col_person") }</th>
                            <th scope="col">{ i18n.t("board.col_role") }</th>
                            <th scope="col" class="num">{ i18n.t("board.col_load") }</th>
                            <th scope="col" class="num">{ i18n.t("board.col_capacity") }</th>
                            <th scope="col" class="num">{ i18n.t("board.col_load_pct") }</th>
                            <th scope="col" class="num">{ i18n.t("board.col_accounts") }</th>
                        </tr></thead>
                        <tbody>
                        { for props.rows.iter().map(|r| html! {
                            <tr class={classes!(r.over.then_some("is-over"))} data-person={r.id.clone()}>
                                <th scope="row">{ r.name.clone() }</th>
                                <td>{ r.role.clone() }</td>
                                <td class="num">{ format_fte(r.load) }</td>
                                <td class="num">{ format_fte(r.capacity) }</td>
                                <td class="num">{ r.load_pct.map_or_else(|| "—".to_string(), format_percent) }</td>
                                <td class="num">{ format_count(r.accounts) }</td>
                            </tr>
                        }) }
                        </tbody>
                    </table>
            </div>
            <div class={classes!((*as_table).then_some("print-only"))}>
                <LoadBars bars={props.rows.iter().map(|r| LoadBar {
                              label: r.name.clone(), load_pct: r.load_pct, over: r.over,
                          }).collect::<Vec<_>>()}
                          label={i18n.t("board.loads_title").to_string()}
                          legend_capacity={i18n.t("board.legend_capacity").to_string()}
                          legend_over={i18n.t("board.legend_over").to_string()} />
            </div>
        </section>
    }
}

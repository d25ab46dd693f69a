//! The account staffing board: accounts (rows, grouped by tier) × roles (columns); each row with
//! its triangle type, coverage and under-staffed flag, each cell with required against assigned.

use yew::prelude::*;

use super::cell::{Candidate, Cell, Holder};
use super::triangle::TriangleControl;
use super::words::{person_label, role_label, tier_label, triangle_why};
use crate::domain::number::{format_count, format_percent};
use crate::domain::org::board::{candidates, tier_groups};
use crate::domain::org::staffing::{AccountStaffing, Staffing};
use crate::domain::org::triangle::TriangleWhy;
use crate::domain::workspace::Workspace;
use crate::ui::i18n::I18n;
use crate::ui::role_name::role_with_code;

/// Which editor of the board is open: a cell (customer id, role id) or a row's triangle type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Open {
    /// The quick-assign editor of a cell.
    Cell(String, String),
    /// The triangle override form of a row.
    Triangle(String),
}

/// The element id of an account's row (other parts of the page link to it).
pub fn row_id(customer: &str) -> String {
    format!("board-{customer}")
}

/// The people offered for a cell of `role`, labelled with their load.
fn candidate_list(i18n: &I18n, ws: &Workspace, s: &Staffing, role: &str) -> Vec<Candidate> {
    candidates(s, role)
        .into_iter()
        .map(|k| {
            let p = &s.people[k];
            let pct = p.load_pct.map_or_else(|| "—".into(), format_percent);
            let same_role = p.role == role;
            let name = person_label(ws, &p.person);
            let label = if same_role {
                i18n.tf("board.candidate", &[("name", &name), ("pct", &pct)])
            } else {
                i18n.tf(
                    "board.candidate_other",
                    &[("name", &name), ("role", &p.role), ("pct", &pct)],
                )
            };
            Candidate {
                id: p.person.clone(),
                label,
                same_role,
            }
        })
        .collect()
}

/// The board card.
pub fn accounts_view(
    i18n: &I18n,
    ws: &Workspace,
    s: &Staffing,
    open: &UseStateHandle<Option<Open>>,
) -> Html {
    let columns = ws.org.roles.len() + 4;
    html! {
        <section class="card" aria-labelledby="board-accounts" data-testid="board-accounts">
            <h3 id="board-accounts" class="card-title">{ i18n.t("board.accounts_title") }</h3>
            <p class="muted">{ i18n.tf("board.accounts_hint", &[
                ("n", &format_count(s.accounts.len())),
                ("pct", &format_percent(s.understaffed_below_pct)),
            ]) }</p>
            <ul class="board-legend" aria-label={i18n.t("board.legend").to_string()}>
                { for ["met", "short", "missing", "over", "not_required"].iter().map(|k| html! {
                    <li class={format!("cell-{k}")}>{ i18n.t(&format!("board.status_{k}")) }</li>
                }) }
            </ul>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("board.accounts_title")}>
                <table class="data-table board-table" data-testid="board-table">
                    <thead><tr>
                        <th scope="col">{ i18n.t("board.col_account") }</th>
                        <th scope="col">{ i18n.t("board.col_triangle") }</th>
                        { for ws.org.roles.iter().map(|r| html! {
                            <th scope="col" class="board-role-col">{ role_with_code(i18n, r) }</th>
                        }) }
                        <th scope="col" class="num">{ i18n.t("board.col_coverage") }</th>
                        <th scope="col">{ i18n.t("board.col_flags") }</th>
                    </tr></thead>
                    { for tier_groups(s).into_iter().map(|g| html! {
                        <tbody data-tier={g.tier.clone()}>
                            <tr class="board-group">
                                <th colspan={columns.to_string()} scope="colgroup">
                                    { tier_label(i18n, ws, &g.tier) }{ " · " }
                                    { i18n.tf("board.group_count", &[("n", &format_count(g.accounts.len()))]) }
                                </th>
                            </tr>
                            { for g.accounts.iter().map(|&k| row(i18n, ws, s, &s.accounts[k], open)) }
                        </tbody>
                    }) }
                </table>
            </div>
        </section>
    }
}

fn row(
    i18n: &I18n,
    ws: &Workspace,
    s: &Staffing,
    a: &AccountStaffing,
    open: &UseStateHandle<Option<Open>>,
) -> Html {
    let id = a.account.id.clone();
    let opener = |what: Open| {
        let open = open.clone();
        Callback::from(move |yes: bool| open.set(yes.then(|| what.clone())))
    };
    let override_reason = match &a.account.triangle.why {
        TriangleWhy::Override { reason } => Some(AttrValue::from(reason.clone())),
        _ => None,
    };
    let triangle_open = **open == Some(Open::Triangle(id.clone()));
    let coverage = a
        .coverage_pct
        .map_or_else(|| "—".to_string(), format_percent);
    html! {
        <tr id={row_id(&id)} tabindex="-1" data-testid={format!("board-row-{id}")}
            class={classes!("board-row", a.under_staffed.then_some("is-under"))}>
            <th scope="row" class="board-account">
                <div class="board-account-name">
                    { crate::ui::account_link::account_link(i18n, &id, &a.account.name) }
                    <a class="ltc-account-link account-tool-chip" href={crate::ui::route::ltc_account_hash(&id)} data-testid={format!("board-ltc-link-{id}")}
                       aria-label={i18n.tf("ltc_contracts.open_account_of", &[("name", &a.account.name)])} data-label={i18n.t("account.ltc_link")}></a>
                    <a class="board-mcr-link" href={crate::ui::route::mcr_account_hash(&id)} data-testid={format!("board-mcr-link-{id}")}
                       aria-label={i18n.tf("team.mcr_link_of", &[("name", &a.account.name)])}>{ i18n.t("team.mcr_link") }</a>
                </div>
            </th>
            <td>
                <TriangleControl customer={id.clone()} customer_name={a.account.name.clone()}
                    triangle={a.account.triangle.triangle} why={triangle_why(i18n, &a.account.triangle.why)}
                    override_reason={override_reason} open={triangle_open}
                    on_open={opener(Open::Triangle(id.clone()))} />
            </td>
            { for a.roles.iter().map(|need| {
                let is_open = **open == Some(Open::Cell(id.clone(), need.role.clone()));
                let holders = need.people.iter().map(|p| Holder {
                    assignment: p.assignment.clone(),
                    name: person_label(ws, &p.person),
                    fte: p.fte,
                }).collect::<Vec<_>>();
                let candidates = if is_open { candidate_list(i18n, ws, s, &need.role) } else { Vec::new() };
                html! {
                    <Cell key={need.role.clone()} account={id.clone()} account_name={a.account.name.clone()}
                        role={need.role.clone()} role_name={role_label(i18n, ws, &need.role)}
                        need={need.clone()} holders={holders} open={is_open} candidates={candidates}
                        on_open={opener(Open::Cell(id.clone(), need.role.clone()))} />
                }
            }) }
            <td class="num" data-testid={format!("coverage-{id}")}
                title={i18n.tf("board.coverage_how", &[
                    ("covered", &crate::domain::org::board::format_fte(a.covered)),
                    ("required", &crate::domain::org::board::format_fte(a.required)),
                    ("pct", &coverage),
                ])}>{ coverage.clone() }</td>
            <td class="board-flags" data-testid={format!("flags-{id}")}>
                if a.under_staffed {
                    <span class="flag flag-under" data-testid={format!("flag-under-{id}")}>{ i18n.t("board.flag_under") }</span>
                }
                { for a.missing.iter().map(|r| html! {
                    <span class="flag flag-missing" data-testid={format!("flag-missing-{id}-{r}")}>
                        { i18n.tf("board.flag_missing", &[("role", r)]) }
                    </span>
                }) }
            </td>
        </tr>
    }
}

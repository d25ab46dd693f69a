//! Totals per role (required, assigned, capacity, headcount, gap) and accounts per AR, each
//! figure with how it was computed.

use yew::prelude::*;

use super::words::{person_label, role_name, tier_label};
use crate::domain::number::{format_count, format_percent};
use crate::domain::org::board::{format_fte, required_terms};
use crate::domain::org::staffing::{RoleTotals, Staffing};
use crate::domain::org::{RoleDef, AR};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::I18n;
use crate::ui::role_name::role_with_code;

/// How each figure of one role's row was computed.
struct How {
    required: String,
    assigned: String,
    capacity: String,
    gap: String,
    heads: String,
}

fn how(i18n: &I18n, ws: &Workspace, s: &Staffing, t: &RoleTotals) -> How {
    let terms = required_terms(s, &t.role);
    let required = if terms.is_empty() {
        i18n.t("board.how_required_none").to_string()
    } else {
        let sum = terms
            .iter()
            .map(|term| {
                i18n.tf(
                    "board.how_term",
                    &[
                        ("n", &format_count(term.accounts)),
                        ("fte", &format_fte(term.fte_each)),
                        ("tier", &tier_label(i18n, ws, &term.tier)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(" + ");
        i18n.tf(
            "board.how_required",
            &[("terms", &sum), ("total", &format_fte(t.required))],
        )
    };
    let holders: usize = s
        .accounts
        .iter()
        .filter_map(|a| a.role(&t.role))
        .map(|r| r.people.len())
        .sum();
    let assigned = i18n.tf(
        "board.how_assigned",
        &[
            ("n", &format_count(holders)),
            ("total", &format_fte(t.assigned)),
        ],
    );
    let capacity = i18n.tf(
        "board.how_capacity",
        &[
            ("n", &format_count(t.headcount)),
            ("total", &format_fte(t.capacity)),
        ],
    );
    let gap = i18n.tf(
        if t.gap_fte < 0.0 {
            "board.how_gap_spare"
        } else {
            "board.how_gap"
        },
        &[
            ("required", &format_fte(t.required)),
            ("capacity", &format_fte(t.capacity)),
            ("gap", &format_fte(t.gap_fte)),
        ],
    );
    let heads = if t.gap_heads == 0 {
        i18n.t("board.how_heads_none").to_string()
    } else {
        i18n.tf(
            "board.how_heads",
            &[
                ("gap", &format_fte(t.gap_fte)),
                ("heads", &t.gap_heads.to_string()),
            ],
        )
    };
    How {
        required,
        assigned,
        capacity,
        gap,
        heads,
    }
}

/// The totals card.
pub fn totals_view(i18n: &I18n, ws: &Workspace, s: &Staffing) -> Html {
    let rows: Vec<(&RoleDef, &RoleTotals, How)> = ws
        .org
        .roles
        .iter()
        .filter_map(|r| s.role(&r.id).map(|t| (r, t, how(i18n, ws, s, t))))
        .collect();
    let cell = |value: String, title: &str, testid: String, class: Option<&str>| {
        html! {
            <td class={classes!("num", class.map(str::to_string))} title={title.to_string()} data-testid={testid}>{ value }</td>
        }
    };
    html! {
        <section class="card" aria-labelledby="board-totals" data-testid="board-totals">
            <h3 id="board-totals" class="card-title">{ i18n.t("board.totals_title") }</h3>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("board.totals_title")}>
                <table class="data-table board-totals">
                    <thead><tr>
                        <th scope="col">{ i18n.t("board.col_role") }</th>
                        <th scope="col" class="num">{ i18n.t("board.col_required") }</th>
                        <th scope="col" class="num">{ i18n.t("board.col_assigned") }</th>
                        <th scope="col" class="num">{ i18n.t("board.col_capacity") }</th>
                        <th scope="col" class="num">{ i18n.t("board.col_headcount") }</th>
                        <th scope="col" class="num">{ i18n.t("board.col_gap") }</th>
                        <th scope="col" class="num">{ i18n.t("board.col_heads") }</th>
                    </tr></thead>
                    <tbody>
                    { for rows.iter().map(|(r, t, h)| {
                        let id = &r.id;
                        let gap_class = (t.gap_fte > 1e-6).then_some("is-gap");
                        html! {
                            <tr data-role={id.clone()}>
                                <th scope="row">{ role_with_code(i18n, r) }</th>
                                { cell(format_fte(t.required), &h.required, format!("total-{id}-required"), None) }
                                { cell(format_fte(t.assigned), &h.assigned, format!("total-{id}-assigned"), None) }
                                { cell(format_fte(t.capacity), &h.capacity, format!("total-{id}-capacity"), None) }
                                { cell(format_count(t.headcount), &h.capacity, format!("total-{id}-headcount"), None) }
                                { cell(format_fte(t.gap_fte), &h.gap, format!("total-{id}-gap"), gap_class) }
                                { cell(t.gap_heads.to_string(), &h.heads, format!("total-{id}-heads"), gap_class) }
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            </div>
            { accounts_per_ar(i18n, ws, s) }
            <details class="board-how">
                <summary>{ i18n.t("board.how_title") }</summary>
                <ul>
                    { for rows.iter().map(|(r, _, h)| html! {
                        <li><strong>{ role_name(i18n, r) }</strong>{ i18n.t("board.colon") }
                            { [&h.required, &h.assigned, &h.capacity, &h.gap, &h.heads].iter().map(|s| s.as_str()).collect::<Vec<_>>().join(i18n.t("board.separator")) }
                        </li>
                    }) }
                    <li>{ i18n.tf("board.how_understaffed", &[("pct", &format_percent(s.understaffed_below_pct))]) }</li>
                </ul>
            </details>
        </section>
    }
}

fn accounts_per_ar(i18n: &I18n, ws: &Workspace, s: &Staffing) -> Html {
    let per = &s.accounts_per_ar;
    let ar = ws
        .org
        .role(AR)
        .map_or_else(|| AR.to_string(), |r| r.id.clone());
    let line = match per.ratio {
        Some(ratio) => i18n.tf(
            "board.accounts_per_ar",
            &[
                ("ratio", &format!("{ratio:.2}")),
                ("accounts", &format_count(per.accounts)),
                ("ars", &format_count(per.ar_headcount)),
                ("role", &ar),
            ],
        ),
        None => i18n.t("board.accounts_per_ar_none").to_string(),
    };
    let busy: Vec<String> = per
        .per_person
        .iter()
        .filter(|(_, n)| *n > 1)
        .map(|(p, n)| {
            i18n.tf(
                "board.ar_holds",
                &[("name", &person_label(ws, p)), ("n", &n.to_string())],
            )
        })
        .collect();
    let idle = per.per_person.iter().filter(|(_, n)| *n == 0).count();
    html! {
        <p class="board-per-ar" data-testid="accounts-per-ar">
            { line }
            if !busy.is_empty() {
                { i18n.t("board.separator") }{ i18n.tf("board.ar_busy", &[("list", &busy.join(i18n.t("board.list_separator")))]) }
            }
            if idle > 0 {
                { i18n.t("board.separator") }{ i18n.tf("board.ar_idle", &[("n", &format_count(idle))]) }
            }
        </p>
    }
}

//! The gaps and problems of the staffing: accounts missing a required role, under-staffed
//! accounts, over-allocated people, the headcount gap per role and the notices about data that
//! could not be used. Account items take the user to the account's board row.

use yew::prelude::*;

use super::words::{notice_text, person_label, role_label};
use crate::domain::number::{format_count, format_percent};
use crate::domain::org::board::format_fte;
use crate::domain::org::staffing::Staffing;
use crate::domain::workspace::Workspace;
use crate::ui::i18n::I18n;

/// One entry: its kind (for styling and tests), its text, and the account it opens, if any.
struct Item {
    kind: &'static str,
    text: String,
    account: Option<String>,
}

fn items(i18n: &I18n, ws: &Workspace, s: &Staffing) -> Vec<(&'static str, Vec<Item>)> {
    let missing = s
        .missing
        .iter()
        .map(|m| {
            let a = &s.accounts[m.account];
            Item {
                kind: "missing",
                text: i18n.tf(
                    "board.gap_missing",
                    &[
                        ("account", &a.account.name),
                        ("role", &role_label(i18n, ws, &m.role)),
                        ("fte", &format_fte(m.required)),
                    ],
                ),
                account: Some(a.account.id.clone()),
            }
        })
        .collect();
    let under = s
        .under_staffed
        .iter()
        .map(|&k| {
            let a = &s.accounts[k];
            Item {
                kind: "under_staffed",
                text: i18n.tf(
                    "board.gap_under",
                    &[
                        ("account", &a.account.name),
                        (
                            "pct",
                            &a.coverage_pct.map_or_else(|| "—".into(), format_percent),
                        ),
                        ("threshold", &format_percent(s.understaffed_below_pct)),
                        ("covered", &format_fte(a.covered)),
                        ("required", &format_fte(a.required)),
                    ],
                ),
                account: Some(a.account.id.clone()),
            }
        })
        .collect();
    let over = s
        .over_allocated
        .iter()
        .map(|&k| {
            let p = &s.people[k];
            Item {
                kind: "over_allocated",
                text: i18n.tf(
                    "board.gap_over",
                    &[
                        ("name", &person_label(ws, &p.person)),
                        ("role", &role_label(i18n, ws, &p.role)),
                        ("load", &format_fte(p.load)),
                        ("capacity", &format_fte(p.capacity)),
                        (
                            "pct",
                            &p.load_pct.map_or_else(|| "—".into(), format_percent),
                        ),
                        ("accounts", &format_count(p.accounts)),
                    ],
                ),
                account: None,
            }
        })
        .collect();
    let heads = s
        .roles
        .iter()
        .filter(|t| t.gap_heads > 0)
        .map(|t| Item {
            kind: "role_gap",
            text: i18n.tf(
                "board.gap_heads",
                &[
                    ("role", &role_label(i18n, ws, &t.role)),
                    ("gap", &format_fte(t.gap_fte)),
                    ("heads", &t.gap_heads.to_string()),
                    ("required", &format_fte(t.required)),
                    ("capacity", &format_fte(t.capacity)),
                    ("n", &format_count(t.headcount)),
                ],
            ),
            account: None,
        })
        .collect();
    let notices = s
        .notices
        .iter()
        .map(|n| Item {
            kind: "notice",
            text: notice_text(i18n, ws, n),
            account: None,
        })
        .collect();
    vec![
        ("board.gaps_missing", missing),
        ("board.gaps_under", under),
        ("board.gaps_over", over),
        ("board.gaps_heads", heads),
        ("board.gaps_notices", notices),
    ]
}

/// The gaps card; `on_goto` receives the customer id of an account item that was chosen.
pub fn gaps_view(i18n: &I18n, ws: &Workspace, s: &Staffing, on_goto: &Callback<String>) -> Html {
    let groups = items(i18n, ws, s);
    let total: usize = groups.iter().map(|(_, items)| items.len()).sum();
    html! {
        <section class="card" aria-labelledby="board-gaps" data-testid="board-gaps">
            <h3 id="board-gaps" class="card-title">
                { i18n.t("board.gaps_title") }{ " " }
                <span class={classes!("gaps-count", (total > 0).then_some("has-gaps"))} data-testid="gaps-count">
                    { format_count(total) }
                </span>
            </h3>
            if total == 0 && s.accounts.is_empty() {
                <p class="muted" data-testid="gaps-none">{ i18n.t("board.gaps_no_accounts") }</p>
            } else if total == 0 {
                <p class="diag-ok" data-testid="gaps-none">{ i18n.t("board.gaps_none") }</p>
            }
            <div class="gaps-groups">
            { for groups.into_iter().filter(|(_, items)| !items.is_empty()).map(|(title, items)| html! {
                <div class="gaps-group">
                    <h4>{ i18n.t(title) }{ " " }<span class="muted">{ format_count(items.len()) }</span></h4>
                    <ul class="gaps-list" data-testid="gaps-list">
                        { for items.into_iter().map(|item| {
                            let body = match item.account {
                                Some(id) => {
                                    let on_goto = on_goto.clone();
                                    let target = id.clone();
                                    html! {
                                        <button type="button" class="link-button" data-account={id}
                                                onclick={Callback::from(move |_| on_goto.emit(target.clone()))}>
                                            { item.text }
                                        </button>
                                    }
                                }
                                None => html! { { item.text } },
                            };
                            html! { <li class={classes!("gap-item", format!("gap-{}", item.kind))} data-kind={item.kind}>{ body }</li> }
                        }) }
                    </ul>
                </div>
            }) }
            </div>
        </section>
    }
}

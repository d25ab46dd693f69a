//! The staffing board tab of the iron-triangle page (客户配置看板): totals per role with how they
//! are computed, the gaps and problems, the accounts × roles board with quick assignment and the
//! triangle-type override, and the people's loads. Every figure comes from
//! `domain::org::staffing` (through `use_team_data`) and `domain::org::board`.

mod accounts;
mod cell;
mod gaps;
mod loads;
mod totals;
mod triangle;
pub mod words;

use yew::prelude::*;

use super::{use_team_data, TabProps, TeamTab};
use crate::domain::number::format_count;
use accounts::{accounts_view, row_id, Open};
use gaps::gaps_view;
use loads::{LoadRow, Loads};
use totals::totals_view;
use words::{role_label, tier_label};

use crate::ui::i18n::use_i18n;
use crate::ui::state::use_workspace;

/// The tab.
#[function_component(Board)]
pub fn board_tab(props: &TabProps) -> Html {
    let i18n = use_i18n();
    let ws = use_workspace().workspace();
    let data = use_team_data();
    let s = &data.staffing;
    let open = use_state(|| None::<Open>);

    let on_goto = props
        .on_show
        .reform(|id: String| (TeamTab::Board, row_id(&id)));
    let show = |tab: TeamTab| {
        let on_show = props.on_show.clone();
        Callback::from(move |_| on_show.emit((tab, String::new())))
    };
    let load_rows: Vec<LoadRow> = s
        .people
        .iter()
        .map(|p| {
            let person = &ws.org.people[p.index];
            LoadRow {
                id: p.person.clone(),
                name: person.name.clone(),
                role: role_label(&i18n, &ws, &p.role),
                capacity: p.capacity,
                load: p.load,
                load_pct: p.load_pct,
                over: p.over_allocated,
                accounts: p.accounts,
            }
        })
        .collect();
    let tiers = ws
        .org
        .account_tiers
        .iter()
        .map(|t| tier_label(&i18n, &ws, t))
        .collect::<Vec<_>>()
        .join(i18n.t("board.list_separator"));

    html! {
        <div class="board" data-testid="team-board">
            if s.people.is_empty() {
                <section class="card board-empty" data-testid="board-no-people">
                    <p>{ i18n.t("board.no_people") }</p>
                    <button type="button" class="button" onclick={show(TeamTab::People)}>{ i18n.t("board.go_people") }</button>
                </section>
            }
            { totals_view(&i18n, &ws, s) }
            { gaps_view(&i18n, &ws, s, &on_goto) }
            if s.accounts.is_empty() {
                <section class="card board-empty" data-testid="board-no-accounts">
                    <h3 class="card-title">{ i18n.t("board.accounts_title") }</h3>
                    <p>{ if tiers.is_empty() {
                        i18n.t("board.no_account_tiers").to_string()
                    } else {
                        i18n.tf("board.no_accounts", &[("tiers", &tiers), ("n", &format_count(ws.customers.len()))])
                    } }</p>
                    <div class="board-empty-actions">
                        <button type="button" class="button button-primary" onclick={show(TeamTab::Templates)}
                                data-testid="board-go-templates">{ i18n.t("board.go_templates") }</button>
                        <a class="button" href="#/tiering">{ i18n.t("board.go_tiering") }</a>
                    </div>
                </section>
            } else {
                { accounts_view(&i18n, &ws, s, &open) }
            }
            if !s.people.is_empty() {
                <Loads rows={load_rows} />
            }
        </div>
    }
}

//! Tool 4 — role responsibilities (铁三角四角色岗位职责, SPEC §3.5): one card per role of the
//! iron triangle with its mission, responsibilities and key activities (editable in both
//! languages, printable), and the RACI matrix of key activities × roles with its row checks and
//! per-role counts. Each saved change is one edit of the duties document, so it can be undone.

mod card_editor;
mod cards;
mod raci;
mod raci_row;

use yew::prelude::*;

use crate::ui::i18n::{use_i18n, I18n, Lang};
pub use crate::ui::role_name::role_name;
use cards::RoleCards;
use raci::RaciMatrix;

/// A bilingual text in the interface language, falling back to the other language.
pub fn pick<'a>(i18n: &I18n, zh: &'a str, en: &'a str) -> &'a str {
    let (first, second) = match i18n.lang {
        Lang::ZhCn => (zh, en),
        Lang::En => (en, zh),
    };
    if first.trim().is_empty() {
        second
    } else {
        first
    }
}

/// Opens the browser's print dialog (the print stylesheet lays the cards out one per page).
fn print_page() {
    if let Some(w) = web_sys::window() {
        // Nothing to do when the browser refuses; the button is simply without effect.
        let _ = w.print();
    }
}

/// The roles page.
#[function_component(RolesView)]
pub fn roles_view() -> Html {
    let i18n = use_i18n();
    let on_print = Callback::from(|_: MouseEvent| print_page());
    html! {
        <section class="roles" data-testid="roles-view">
            <div class="roles-head">
                <div>
                    <h1 class="view-title">{ i18n.t("roles.title") }</h1>
                    <p class="muted roles-intro">{ i18n.t("roles.intro") }</p>
                </div>
                <button type="button" class="button roles-print" data-testid="roles-print"
                        onclick={on_print}>
                    { i18n.t("roles.print") }
                </button>
            </div>
            <RoleCards />
            <RaciMatrix />
        </section>
    }
}

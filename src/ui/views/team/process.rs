//! The process tab of the iron-triangle page.

use yew::prelude::*;

use super::TabProps;
use crate::ui::i18n::use_i18n;

/// The tab.
#[function_component(Process)]
pub fn process_tab(_props: &TabProps) -> Html {
    let i18n = use_i18n();
    html! {
        <section class="card" data-testid="team-process">
            <h3 class="card-title">{ i18n.t("team.tab_process") }</h3>
        </section>
    }
}

//! The diagnostics tab of Tool 2 (being built).

use yew::prelude::*;

use super::PartProps;
use crate::ui::i18n::use_i18n;

/// The tab.
#[function_component(Diagnostics)]
pub fn part(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let _ = (&props.ws, &props.on_change);
    html! {
        <section class="card" data-testid="portfolio-diagnostics">
            <h3 class="card-title">{ i18n.t("portfolio.tab_diagnostics") }</h3>
        </section>
    }
}

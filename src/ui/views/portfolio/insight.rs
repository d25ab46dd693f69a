//! The insight tab of Tool 2 (being built).

use yew::prelude::*;

use super::PartProps;
use crate::ui::i18n::use_i18n;

/// The tab.
#[function_component(InsightTab)]
pub fn part(props: &PartProps) -> Html {
    let i18n = use_i18n();
    let _ = (&props.ws, &props.on_change);
    html! {
        <section class="card" data-testid="portfolio-insight">
            <h3 class="card-title">{ i18n.t("portfolio.tab_insight") }</h3>
        </section>
    }
}

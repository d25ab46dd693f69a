//! Tool 6: differentiated KPI targets.

use yew::prelude::*;

use crate::ui::i18n::use_i18n;

/// The view.
#[function_component(KpiView)]
pub fn kpi_view() -> Html {
    let i18n = use_i18n();
    html! {
        <div class="kpi" data-testid="kpi-view">
            <h2 class="view-title">{ i18n.t("kpi.title") }</h2>
        </div>
    }
}

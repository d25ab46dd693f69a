//! Tool 5: the routine management mechanism.

use yew::prelude::*;

use crate::ui::i18n::use_i18n;

/// The view.
#[function_component(RhythmView)]
pub fn rhythm_view() -> Html {
    let i18n = use_i18n();
    html! {
        <div class="rhythm" data-testid="rhythm-view">
            <h2 class="view-title">{ i18n.t("rhythm.title") }</h2>
        </div>
    }
}

//! The 151 programme.

use yew::prelude::*;

use crate::ui::i18n::use_i18n;

/// The view.
#[function_component(EngagementView)]
pub fn engagement_view() -> Html {
    let i18n = use_i18n();
    html! {
        <div class="engagement" data-testid="engagement-view">
            <h2 class="view-title">{ i18n.t("engagement.title") }</h2>
        </div>
    }
}

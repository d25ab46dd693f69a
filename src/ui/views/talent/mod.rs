//! Tool 7: talent sources, growth paths and the hiring plan.

use yew::prelude::*;

use crate::ui::i18n::use_i18n;

/// The view.
#[function_component(TalentView)]
pub fn talent_view() -> Html {
    let i18n = use_i18n();
    html! {
        <section class="talent" data-testid="talent-view">
            <h1>{ i18n.t("talent.title") }</h1>
        </section>
    }
}

//! Tool 4: role cards and the RACI matrix.

use yew::prelude::*;

use crate::ui::i18n::use_i18n;

/// The view.
#[function_component(RolesView)]
pub fn roles_view() -> Html {
    let i18n = use_i18n();
    html! {
        <section class="roles" data-testid="roles-view">
            <h1>{ i18n.t("roles.title") }</h1>
        </section>
    }
}

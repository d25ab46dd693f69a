//! The row of tabs at the top of a view (the iron-triangle, rhythm, 151, KPI and talent pages).

use yew::prelude::*;

use super::i18n::use_i18n;

/// Props of [`TabBar`].
#[derive(Properties, PartialEq)]
pub struct TabBarProps {
    /// The view's catalogue area: a tab's label is `<area>.tab_<id>`, its test id
    /// `<area>-tab-<id>`, and the list is named by `<area>.title`.
    pub area: &'static str,
    /// The tabs' ids, in order.
    pub ids: Vec<&'static str>,
    /// The id of the tab shown.
    pub current: &'static str,
    /// Called with the id of the tab chosen.
    pub on_select: Callback<&'static str>,
}

/// The tabs, as buttons with the ARIA tab roles.
#[function_component(TabBar)]
pub fn tab_bar(props: &TabBarProps) -> Html {
    let i18n = use_i18n();
    let area = props.area;
    html! {
        <div class="tabs" role="tablist" aria-label={i18n.t(&format!("{area}.title")).to_string()}>
            { for props.ids.iter().map(|&id| {
                let current = id == props.current;
                let onclick = props.on_select.reform(move |_: MouseEvent| id);
                html! {
                    <button type="button" role="tab" aria-selected={current.to_string()}
                            class={classes!("tab", current.then_some("is-current"))}
                            data-testid={format!("{area}-tab-{id}")} {onclick}>
                        { i18n.t(&format!("{area}.tab_{id}")).to_string() }
                    </button>
                }
            }) }
        </div>
    }
}

//! "Start with my data": the way in for one's own customers, offered on the overview and in the
//! empty states of 客户 and 客户分层 — the template to download, then the import wizard.

use yew::prelude::*;

use super::customer_import::{CustomerImport, TemplateDownloads};
use crate::ui::i18n::use_i18n;
use crate::ui::modal::{use_dialog_switch, DialogSwitch};
use crate::ui::state::use_workspace;

/// Props of [`StartWithMyData`].
#[derive(Properties, PartialEq)]
pub struct StartWithMyDataProps {
    /// A full card with the steps (the overview), or just the button (an empty state).
    #[prop_or_default]
    pub compact: bool,
    /// `data-testid` of the button.
    #[prop_or(AttrValue::from("start-my-data"))]
    pub testid: AttrValue,
}

/// The button that opens the customer import wizard, with the template downloads.
#[function_component(StartWithMyData)]
pub fn start_with_my_data(props: &StartWithMyDataProps) -> Html {
    let i18n = use_i18n();
    let ws = use_workspace().workspace();
    let DialogSwitch { open, show, close } = use_dialog_switch();
    let button = html! {
        <button type="button" class="button button-primary" onclick={show}
                data-testid={props.testid.clone()}>{ i18n.t("start.button") }</button>
    };
    let wizard = if *open {
        html! { <CustomerImport on_close={close} /> }
    } else {
        html! {}
    };
    if props.compact {
        return html! { <>{ button }{ wizard }</> };
    }
    let lead = if ws.meta.is_demo {
        i18n.t("start.lead_demo")
    } else {
        i18n.t("start.lead")
    };
    html! {
        <section class="card start-card" aria-labelledby="start-title" data-testid="start-card">
            <h3 id="start-title" class="card-title">{ i18n.t("start.title") }</h3>
            <p>{ lead }</p>
            <ol class="start-steps">
                <li>{ i18n.t("start.step_template") }</li>
                <li>{ i18n.t("start.step_import") }</li>
                <li>{ i18n.t("start.step_check") }</li>
            </ol>
            <div class="start-actions">
                { button }
                <TemplateDownloads />
            </div>
            { wizard }
        </section>
    }
}

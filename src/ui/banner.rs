//! Banners for storage and loading notices. The in-memory banner stays; the others can be
//! dismissed once read.

use yew::prelude::*;

use super::i18n::use_i18n;
use super::library::{use_library, Notice};
use super::messages::open_error_text;
use crate::persist::library::OpenError;

/// All current notices.
#[function_component(Banners)]
pub fn banners() -> Html {
    let i18n = use_i18n();
    let library = use_library();
    let notices = (*library.notices).clone();
    if notices.is_empty() {
        return html! {};
    }
    let export = {
        let library = library.clone();
        Callback::from(move |_| library.export())
    };
    html! {
        <div class="banners">
        { for notices.iter().enumerate().map(|(i, notice)| {
            let dismiss = {
                let notices = library.notices.clone();
                Callback::from(move |_| {
                    let mut all = (*notices).clone();
                    if i < all.len() {
                        all.remove(i);
                    }
                    notices.set(all);
                })
            };
            let dismiss_button = html! {
                <button type="button" class="button" onclick={dismiss}>{ i18n.t("banner.dismiss") }</button>
            };
            let export_button = html! {
                <button type="button" class="button button-primary" onclick={export.clone()}
                        data-testid="banner-export">{ i18n.t("banner.export") }</button>
            };
            match notice {
                Notice::Memory { reason } => html! {
                    <div class="banner banner-warning" role="alert" data-testid="storage-banner">
                        <div class="banner-text">
                            <p>{ i18n.t("banner.memory") }</p>
                            <p class="banner-detail">{ i18n.tf("banner.reason", &[("reason", reason)]) }</p>
                        </div>
                        { export_button }
                    </div>
                },
                Notice::SaveFailed(e) => html! {
                    <div class="banner banner-error" role="alert" data-testid="save-failed-banner">
                        <p class="banner-text">{ i18n.tf("banner.save_failed", &[("reason", &e.to_string())]) }</p>
                        { export_button }
                        { dismiss_button }
                    </div>
                },
                Notice::OpenFailed { id, error } => {
                    let preserved = match error {
                        OpenError::Load { preserved_as: Some(key), .. } => Some(key.clone()),
                        _ => None,
                    };
                    html! {
                        <div class="banner banner-error" role="alert" data-testid="open-failed-banner">
                            <div class="banner-text">
                                <p>{ i18n.tf("banner.open_failed", &[("id", id), ("reason", &open_error_text(&i18n, error))]) }</p>
                                if let Some(key) = &preserved {
                                    <p class="banner-detail">{ i18n.tf("banner.preserved", &[("key", key)]) }</p>
                                }
                            </div>
                            if let Some(key) = preserved {
                                <button type="button" class="button" onclick={
                                    let library = library.clone();
                                    Callback::from(move |_| library.download_raw(&key))
                                }>{ i18n.t("banner.download_raw") }</button>
                            }
                            { dismiss_button }
                        </div>
                    }
                }
                Notice::Repaired(items) => html! {
                    <div class="banner banner-info" role="status" data-testid="repaired-banner">
                        <div class="banner-text">
                            <p>{ i18n.tf("banner.repaired", &[("n", &items.len().to_string())]) }</p>
                            <ul class="banner-detail">
                                { for items.iter().take(20).map(|r| html! { <li>{ r.clone() }</li> }) }
                            </ul>
                        </div>
                        { dismiss_button }
                    </div>
                },
            }
        }) }
        </div>
    }
}

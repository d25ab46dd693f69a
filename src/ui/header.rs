//! The header: product title, workspace switcher, undo/redo, save status and language.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::i18n::{use_i18n, Lang};
use super::library::SaveStatus;
use super::state::use_workspace;
use super::workspace_menu::WorkspaceMenu;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The autosave state.
    pub status: SaveStatus,
    /// The user picked a language.
    pub on_lang: Callback<Lang>,
}

/// The header bar.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let undo = {
        let handle = handle.clone();
        Callback::from(move |_| handle.undo())
    };
    let redo = {
        let handle = handle.clone();
        Callback::from(move |_| handle.redo())
    };
    let on_lang = {
        let cb = props.on_lang.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(lang) = Lang::from_tag(&select.value()) {
                cb.emit(lang);
            }
        })
    };
    let (status_key, status_class) = match props.status {
        SaveStatus::Saved => ("status.saved", "is-saved"),
        SaveStatus::Pending => ("status.pending", "is-pending"),
        SaveStatus::Memory => ("status.memory", "is-warning"),
        SaveStatus::Failed => ("status.failed", "is-error"),
    };
    html! {
        <header class="app-header">
            <div class="app-brand">
                <span class="app-logo" aria-hidden="true">{ "KAM" }</span>
                <div>
                    <h1 class="app-title" data-testid="app-title">{ i18n.t("app.title") }</h1>
                    <p class="app-tagline">{ i18n.t("app.tagline") }</p>
                </div>
            </div>
            <WorkspaceMenu />
            <div class="app-tools">
                <span class={classes!("save-status", status_class)} data-testid="save-status"
                      role="status">{ i18n.t(status_key) }</span>
                <button type="button" class="button" onclick={undo} disabled={!handle.can_undo()}
                        title={i18n.t("action.undo_hint")} data-testid="undo">
                    { "↶ " }{ i18n.t("action.undo") }
                </button>
                <button type="button" class="button" onclick={redo} disabled={!handle.can_redo()}
                        title={i18n.t("action.redo_hint")} data-testid="redo">
                    { "↷ " }{ i18n.t("action.redo") }
                </button>
                <label class="lang-switch">
                    <span class="visually-hidden">{ i18n.t("lang.label") }</span>
                    <select onchange={on_lang} data-testid="lang-switch" aria-label={i18n.t("lang.label")}>
                        <option value="zh-CN" selected={i18n.lang == Lang::ZhCn}>{ "简体中文" }</option>
                        <option value="en" selected={i18n.lang == Lang::En}>{ "English" }</option>
                    </select>
                </label>
            </div>
        </header>
    }
}

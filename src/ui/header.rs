//! The header: product title, workspace switcher, undo/redo, save status (with whether the
//! browser keeps the data persistently, and when the workspace was last exported) and language.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::i18n::{use_i18n, Lang};
use super::library::{use_library, SaveStatus};
use super::state::use_workspace;
use super::workspace_menu::WorkspaceMenu;

/// Props of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The autosave state.
    pub status: SaveStatus,
    /// Whether the browser granted persistent storage (`None`: unknown or not asked).
    #[prop_or_default]
    pub persisted: Option<bool>,
    /// The user picked a language.
    pub on_lang: Callback<Lang>,
    /// Compact chrome inside a portal frame: no branding, the workspace and language controls
    /// in a small menu.
    #[prop_or_default]
    pub embed: bool,
    /// The portal chose the workspace (`?workspace=`): no switcher.
    #[prop_or_default]
    pub lock_workspace: bool,
}

/// The header bar.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let library = use_library();
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
        SaveStatus::Paused => ("status.paused", "is-warning"),
    };
    let storage_hint = if !library.persistent {
        i18n.t("status.memory_hint")
    } else if props.persisted == Some(true) {
        i18n.t("status.persistent_hint")
    } else {
        i18n.t("status.best_effort_hint")
    };
    let entry = library.current_entry();
    let exported_at = entry.as_ref().and_then(|e| e.exported_at);
    let changes = entry.as_ref().map_or(0, |e| e.changes_since_export);
    let export_text = match exported_at {
        Some(ms) => i18n.tf("export.last", &[("time", &local_date_time(ms))]),
        None => i18n.t("export.never").to_string(),
    };
    let export_hint = match exported_at {
        Some(_) => i18n.tf("export.changes_hint", &[("n", &changes.to_string())]),
        None => i18n.tf("export.never_hint", &[("n", &changes.to_string())]),
    };
    let save_info = html! {
        <div class="save-info">
            <span class={classes!("save-status", status_class)} data-testid="save-status"
                  data-persisted={props.persisted.map(|p| p.to_string())}
                  title={storage_hint} role="status">{ i18n.t(status_key) }</span>
            <span class="export-status" data-testid="export-status" title={export_hint}>
                { export_text }
            </span>
        </div>
    };
    let undo_redo = html! {
        <>
            <button type="button" class="button" onclick={undo} disabled={!handle.can_undo()}
                    title={i18n.t("action.undo_hint")} data-testid="undo">
                { "↶ " }{ i18n.t("action.undo") }
            </button>
            <button type="button" class="button" onclick={redo} disabled={!handle.can_redo()}
                    title={i18n.t("action.redo_hint")} data-testid="redo">
                { "↷ " }{ i18n.t("action.redo") }
            </button>
        </>
    };
    let lang_switch = html! {
        <label class="lang-switch">
            <span class="visually-hidden">{ i18n.t("lang.label") }</span>
            <select onchange={on_lang} data-testid="lang-switch" aria-label={i18n.t("lang.label")}>
                <option value="zh-CN" selected={i18n.lang == Lang::ZhCn}>{ "简体中文" }</option>
                <option value="en" selected={i18n.lang == Lang::En}>{ "English" }</option>
            </select>
        </label>
    };
    let switcher = if props.lock_workspace {
        html! { <span class="ws-locked" data-testid="ws-name">{ handle.workspace().meta.name.clone() }</span> }
    } else {
        html! { <WorkspaceMenu /> }
    };
    if props.embed {
        return html! {
            <header class="app-header is-compact">
                <h1 class="visually-hidden" data-testid="app-title">{ i18n.t("app.title") }</h1>
                { switcher }
                <div class="app-tools">
                    { undo_redo }
                    <details class="embed-menu" data-testid="embed-menu">
                        <summary class="button">{ i18n.t("embed.menu") }</summary>
                        <div class="embed-menu-body">
                            { save_info }
                            { lang_switch }
                        </div>
                    </details>
                </div>
            </header>
        };
    }
    html! {
        <header class="app-header">
            <div class="app-brand">
                <span class="app-logo" aria-hidden="true">{ "KAM" }</span>
                <div>
                    <h1 class="app-title" data-testid="app-title">{ i18n.t("app.title") }</h1>
                    <p class="app-tagline">{ i18n.t("app.tagline") }</p>
                </div>
            </div>
            { switcher }
            <div class="app-tools">
                { save_info }
                { undo_redo }
                { lang_switch }
            </div>
        </header>
    }
}

/// `YYYY-MM-DD HH:MM` in the browser's time zone.
fn local_date_time(ms: i64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date(),
            d.get_hours(),
            d.get_minutes()
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        crate::domain::dates::iso_date_from_ms(ms)
    }
}

/// Props of [`PrintHeader`].
#[derive(Properties, PartialEq)]
pub struct PrintHeaderProps {
    /// The catalogue key of the view's name (the navigation label).
    pub view_key: AttrValue,
}

/// The line at the top of a printed page: product, workspace name, view and the workspace's
/// "today" (`meta.today`, the date its figures are calculated against, so a printout and its
/// "days since" figures agree). Hidden on screen (`print-only`, styles/print.css).
#[function_component(PrintHeader)]
pub fn print_header(props: &PrintHeaderProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    html! {
        <div class="print-header print-only" data-testid="print-header">
            <span class="print-header-app">{ i18n.t("app.title") }</span>
            <span class="print-header-workspace" data-testid="print-workspace">{ ws.meta.name.clone() }</span>
            <span class="print-header-view">{ i18n.t(&props.view_key) }</span>
            <span class="print-header-date" data-testid="print-date">
                { i18n.tf("print.as_of", &[("date", &ws.meta.today)]) }
            </span>
        </div>
    }
}
